"""The `timeline` command line: a thin layer over the Python API, one command per operation."""

from __future__ import annotations

import importlib
import json
import sys
from datetime import date
from typing import Any, ClassVar

import click
import sqlite_utils
from pydantic import ValidationError

from events import TOPICS, Source, describe_validation_error
from timeline import projection, records
from timeline.archive import ENV_ARCHIVE, Archive
from timeline.errors import BatchError, RecordError, TimelineError
from timeline.publish import check_port, datasette_args, metadata_path


class Group(click.Group):
    """Turns errors a user can cause into a one-line message and exit code 1, not a traceback.

    The extractor's commands are imported only when one of them runs (or help lists them): the
    extractor takes longer to import than all the rest, and `timeline append` needs none of it."""

    lazy_commands: ClassVar[dict[str, tuple[str, str]]] = {
        "extract": ("timeline.extract.commands", "extract_command"),
        "evaluate": ("timeline.extract.commands", "evaluate_command"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy_commands and name not in self.commands:
            module, attribute = self.lazy_commands[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TimelineError as e:
            raise click.ClickException(str(e)) from None


archive_option = click.option(
    "--archive",
    "folder",
    envvar=ENV_ARCHIVE,
    default="archive",
    show_default=True,
    metavar="DIR",
    help=f"Archive folder (events.db and timeline.db); or set ${ENV_ARCHIVE}.",
)


@click.group(cls=Group)
@click.version_option(package_name="timeline")
def cli() -> None:
    """An archive of bilateral security and law-enforcement engagements.

    Record engagements from record files, project them into per-country timelines in
    timeline.db, and publish that with Datasette."""


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE|DIR|-...")
@click.option(
    "--documents",
    type=click.Path(file_okay=False, exists=True),
    help="Folder of source document texts (ID.txt) to check quotes against.",
)
@click.option("--build/--no-build", default=True, help="Bring timeline.db up to date after.")
@archive_option
def append(files: tuple[str, ...], documents: str | None, build: bool, folder: str) -> None:
    """Record the engagements of record files (YAML, JSON or NDJSON; - for standard input).

    Every record is validated first; then the batch is saved in one transaction, all of it or
    none. A slug already recorded with the same content is skipped."""
    origins: dict[str, str] = {}
    batch = []
    for name, index, facts in records.iter_records(files, documents):
        origins[facts.slug] = f"{name}: record {index}"
        batch.append(facts)
    archive = Archive(folder)
    try:
        report = archive.append(batch)
    except BatchError as e:
        raise TimelineError(f"{origins[e.slug]}: {e}") from None
    for slug in report.recorded:
        click.echo(f"recorded   {slug}")
    for slug in report.unchanged:
        click.echo(f"unchanged  {slug} (already recorded as it is)")
    click.echo(f"{len(report.recorded)} recorded, {len(report.unchanged)} already recorded")
    if build:
        _echo_build(projection.build(archive))


@cli.command()
@click.option("--rebuild", is_flag=True, help="Write timeline.db anew and swap it in.")
@archive_option
def build(rebuild: bool, folder: str) -> None:
    """Bring timeline.db up to date with the archive (incremental unless --rebuild)."""
    _echo_build(projection.build(Archive(folder, must_exist=True), rebuild=rebuild))


def _echo_build(report: projection.BuildReport) -> None:
    how = "rebuilt" if report.rebuilt else "updated"
    click.echo(
        f"timeline.db {how}: {report.events} events projected, "
        f"{report.engagements} engagements, position {report.position}"
    )


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--metadata", type=click.Path(dir_okay=False, exists=True), help="Metadata file.")
@archive_option
def serve(host: str, port: int, metadata: str | None, folder: str) -> None:
    """Build timeline.db if needed and serve it with Datasette."""
    from datasette.cli import cli as datasette

    archive = Archive(folder, must_exist=True)
    check_port(host, port)
    _echo_build(projection.build(archive))
    args = datasette_args(archive.projection_path, metadata_path(metadata), host, port)
    click.echo(f"serving on http://{host}:{port}/ (Ctrl-C to stop)")
    datasette.main(args, prog_name="timeline serve")


@cli.command()
@click.argument("slug")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of YAML.")
@archive_option
def show(slug: str, as_json: bool, folder: str) -> None:
    """Show an engagement's current state and the events behind it."""
    archive = Archive(folder, must_exist=True)
    engagement = archive.get(slug)
    events = [_event_summary(e) for e in archive.history(slug)]
    state = engagement.state
    out = {
        "slug": slug,
        "id": str(engagement.id),
        "version": engagement.version,
        "retracted": state.retraction.model_dump(mode="json") if state.retraction else None,
        "facts": engagement.facts.model_dump(mode="json", exclude_defaults=True),
        "events": events,
    }
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    import yaml  # lazily, as everywhere in this module: `timeline append` starts faster

    click.echo(yaml.safe_dump(out["facts"], allow_unicode=True, sort_keys=False, width=100))
    if state.retraction:
        click.echo(f"RETRACTED: {state.retraction.reason}")
    click.echo("# events")
    for e in events:
        reason = f" ({e['reason']})" if e.get("reason") else ""
        click.echo(f"#  v{e['version']} {e['recorded_at']} {e['event']}{reason}")


def _event_summary(event: Any) -> dict[str, Any]:
    summary = {
        "version": event.originator_version,
        "event": type(event).__name__,
        "recorded_at": event.timestamp.isoformat(timespec="seconds"),
    }
    if hasattr(event, "reason"):
        summary["reason"] = event.reason
    if hasattr(event, "changes"):
        summary["changes"] = event.changes
    return summary


@cli.command(name="list")
@click.option("--country", help="ISO code: that country's timeline, with counterpart and role.")
@click.option("--kind", type=click.Choice(["dialogue", "visit", "meeting", "embassy_visit"]))
@click.option("--since", type=click.DateTime(["%Y-%m-%d", "%Y-%m", "%Y"]), help="From date.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
@archive_option
def list_(country: str | None, kind: str | None, since: Any, as_json: bool, folder: str) -> None:
    """A terminal timeline of the archive, oldest first."""
    archive = Archive(folder, must_exist=True)
    if not projection.is_current(archive):
        projection.build(archive)
    rows = timeline_rows(archive, country=country, kind=kind, since=since.date() if since else None)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        where = ", ".join(x for x in (row.get("city"), row.get("place_country")) if x)
        lead = f"{row['date_label']:<22} {row['kind']:<13}"
        if country:
            lead += f" {row['role']:<6} with {row['counterpart']}"
        else:
            lead += f" {row['countries']:<8}"
        click.echo(f"{lead}  {row['title']}  [{where}]  {row['engagement']}")
    click.echo(f"({len(rows)} engagements)", err=True)


def timeline_rows(
    archive: Archive,
    *,
    country: str | None = None,
    kind: str | None = None,
    since: date | None = None,
) -> list[dict[str, Any]]:
    """Engagements in date order; for a country, its timeline with counterpart and role."""
    where, params = [], []
    if country:
        table = "timeline"
        select = (
            "select start_date, end_date, date_label, kind, title, city, place_country, "
            "country, group_concat(counterpart, ', ') as counterpart, role, engagement "
            "from timeline"
        )
        where.append("country = ?")
        params.append(country.upper())
    else:
        table = "engagements"
        select = (
            "select start_date, end_date, date_label, kind, title, city, "
            "country as place_country, countries, slug as engagement from engagements"
        )
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if since:
        where.append("end_date >= ?")
        params.append(since.isoformat())
    sql = select + (" where " + " and ".join(where) if where else "")
    if country:  # one line per engagement, with all its counterparts
        sql += " group by engagement"
    sql += f" order by {table}.start_date, {table}.end_date, engagement"
    db = sqlite_utils.Database(archive.projection_path)
    try:
        rows = [dict(r) for r in db.query(sql, params)]
    finally:
        db.close()
    for row in rows:
        if "countries" in row:
            row["countries"] = "–".join(json.loads(row["countries"]))
    return rows


@cli.command()
@click.argument("slug")
@click.option(
    "--set", "assignments", multiple=True, required=True, metavar="FIELD=VALUE",
    help="A field and its new value (YAML: `guests=[US, VN]`, `session=2`). Repeatable.",
)  # fmt: skip
@click.option("--reason", required=True, help="Why the record changes.")
@click.option(
    "--source",
    "source_file",
    type=click.File(),
    help="YAML/JSON file of the source that justifies the correction.",
)
@click.option("--build/--no-build", default=True, help="Bring timeline.db up to date after.")
@archive_option
def correct(
    slug: str,
    assignments: tuple[str, ...],
    reason: str,
    source_file: Any,
    build: bool,
    folder: str,
) -> None:
    """Correct fields of a recorded engagement; the earlier state stays in its history."""
    import yaml

    changes: dict[str, Any] = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        if not sep or not name.strip():
            raise TimelineError(f"--set {assignment!r}: expected FIELD=VALUE")
        try:
            changes[name.strip()] = yaml.safe_load(value) if value.strip() else None
        except yaml.YAMLError:
            raise TimelineError(f"--set {name}: the value is not valid YAML") from None
    source = None
    if source_file is not None:
        name = source_file.name
        try:
            source = Source.model_validate(yaml.safe_load(source_file.read()))
        except yaml.YAMLError:
            raise RecordError(name, "malformed YAML") from None
        except ValidationError as e:
            raise RecordError(name, describe_validation_error(e)) from None
    archive = Archive(folder, must_exist=True)
    engagement = archive.correct(slug, changes, reason, source)
    click.echo(f"corrected  {slug} (version {engagement.version})")
    if build:
        _echo_build(projection.build(archive))


@cli.command()
def topics() -> None:
    """The topic vocabulary: key, English and Vietnamese labels."""
    for key, topic in TOPICS.items():
        click.echo(f"{key:<30} {topic.en} / {topic.vi}")


def main() -> None:
    cli(prog_name="timeline")


if __name__ == "__main__":
    sys.exit(main())
