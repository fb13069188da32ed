"""The `timeline` command line: a thin layer over the Python API, one command per operation."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import click

from events import KINDS, TOPICS
from timeline.dry_run import dry_run_archive, dry_run_option, echo_dry_run
from timeline.errors import BatchError, CollectionError, CorrectionError, TimelineError
from timeline.importers import Batch, importer, importer_names, importer_options
from timeline.loading import load, own_process, thaw
from timeline.office_commands import (
    check_office_records,
    office_records,
    show_conflicts,
    warn_conflicts,
    warn_projected_conflicts,
)
from timeline.output import Output, echo_json, echo_rows, output_options
from timeline.periods import Period
from timeline.progress import progress_report
from timeline.store.location import ENV_ARCHIVE, ENV_STORE

if TYPE_CHECKING:
    from timeline.integrity import VerifyReport
    from timeline.projection.build import BuildReport
    from timeline.store.application import Archive
    from timeline.store.commands import Correction
    from timeline.store.revisions import Revision

# Each command imports what it runs, when it runs: `timeline --help` loads click and the names of
# the commands only, `timeline append` no extractor, web or integrity check. Importing all of it
# up front took 0.6 s of the 0.75 s `timeline --help` took (python -X importtime).


class Group(click.Group):
    """Turns errors a user can cause into a one-line message and exit code 1, not a traceback.

    The extractor's and the reviewer's commands are imported only when one of them runs: the
    extractor takes longer to import than all the rest (1.5 s of `timeline --help`, python -X
    importtime), and `timeline append` needs none of it. Help lists them by the first line of
    their help, kept here (tests/cli/test_cli.py checks it against the commands')."""

    lazy_commands: ClassVar[dict[str, tuple[str, str, str]]] = {
        "extract": (
            "timeline.extract.commands",
            "extract_command",
            "Draft records for every engagement an ARTICLE reports, for review before `append`.",
        ),
        "evaluate": (
            "timeline.extract.commands",
            "evaluate_command",
            "Score `extract` against gold records: FOLDER/documents/*.txt are the articles (with "
            "optional <id>.yaml metadata), FOLDER/records/ the gold record files citing them.",
        ),
        "review": (
            "timeline.review.command",
            "review_command",
            "Review the draft records of a folder of articles (ID.txt, with ID.yaml metadata) in "
            "the browser, and record the accepted ones in the archive.",
        ),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy_commands and name not in self.commands:
            module, attribute, _ = self.lazy_commands[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's list of commands, without importing the lazy ones to ask for their help."""
        names = self.list_commands(ctx)
        width = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in self.lazy_commands and name not in self.commands:
                placeholder = click.Command(name, help=self.lazy_commands[name][2])
                short = placeholder.get_short_help_str(width)
            else:
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                short = command.get_short_help_str(width)
            rows.append((name, short))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TimelineError as e:
            raise click.ClickException(one_line(str(e))) from None
        except click.UsageError as e:
            # One line and exit code 1, like every other error a user can make.
            where = e.ctx.command_path if e.ctx else ctx.command_path
            raise click.ClickException(
                one_line(f"{e.format_message()} (see `{where} --help`)")
            ) from None
        except click.ClickException:
            raise
        except Exception as e:
            if not is_persistence_error(e):
                raise
            message = " ".join(str(e).split())  # a driver's message spans lines
            raise click.ClickException(one_line(f"the store failed: {message}")) from None
        finally:
            thaw()  # what a command's `load` froze (timeline/loading.py)


def is_persistence_error(error: Exception) -> bool:
    """An error of the store (e.g. the PostgreSQL server went away mid-command). A command that
    never loaded eventsourcing cannot have raised one, so it is not imported to ask."""
    persistence = sys.modules.get("eventsourcing.persistence")
    return persistence is not None and isinstance(error, persistence.PersistenceError)


def one_line(message: str) -> str:
    """A message as one printable line: control characters and line breaks that came in with a
    user's input are shown escaped, as Python writes them, so they cannot break the line."""
    return "".join(
        c if c == " " or not unicodedata.category(c).startswith(("C", "Z")) else
        (" " if c == "\n" else c.encode("unicode_escape").decode())
        for c in message
    )  # fmt: skip


class PathArgument(click.Path):
    """click's Path, which refuses a NUL in a name as a bad parameter instead of crashing on it
    (only Python callers can pass one; a command line cannot)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "\x00" in value:
            self.fail("a path cannot hold a NUL character", param, ctx)
        return super().convert(value, param, ctx)


_folder_option = click.option(
    "--archive",
    "folder",
    envvar=ENV_ARCHIVE,
    default="archive",
    show_default=True,
    metavar="DIR",
    help=f"Archive folder (events.db and timeline.db); or set ${ENV_ARCHIVE}.",
)
_store_option = click.option(
    "--store",
    envvar=ENV_STORE,
    metavar="URL",
    help="Keep the events in PostgreSQL: postgresql://USER@HOST:PORT/DBNAME[?schema=NAME] "
    f"(the archive folder then holds only timeline.db); or set ${ENV_STORE}.",
)


class CountryType(click.ParamType):
    """A country typed as a code or a name, in English or Vietnamese (events.resolve_country);
    one that names none is a usage error, which the group prints as one line, exit code 1."""

    name = "country"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from events import UnknownCountry, resolve_country

        try:
            return resolve_country(value)
        except UnknownCountry as e:
            self.fail(str(e), param, ctx)


def archive_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--archive DIR and --store URL: the command receives `folder` and `store`."""
    return _folder_option(_store_option(command))


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
    type=PathArgument(file_okay=False, exists=True),
    help="Folder of source document texts (ID.txt) to check quotes against.",
)
@click.option(
    "--allow-duplicates",
    is_flag=True,
    help="Record new slugs even when they look like engagements already recorded.",
)
@click.option(
    "--as-source",
    is_flag=True,
    help="A recorded slug with other facts is another report of it (another article's "
    "wording): add its new documents as sources instead of refusing it.",
)
@click.option(
    "--collection",
    default="curated",
    show_default=True,
    help="The collection the new engagements join (`timeline collections` lists them).",
)
@click.option("--build/--no-build", default=True, help="Bring timeline.db up to date after.")
@dry_run_option
@archive_option
def append(
    files: tuple[str, ...],
    documents: str | None,
    allow_duplicates: bool,
    as_source: bool,
    collection: str,
    build: bool,
    dry_run: bool,
    folder: str,
    store: str | None,
) -> None:
    """Record the engagements of record files (YAML, JSON or NDJSON; - for standard input).

    Every record is validated first; then the batch is saved in one transaction, all of it or
    none. A slug already recorded with the same content is skipped; with the same facts and new
    source documents, the documents are added to it (corroborated). A new slug for an
    engagement already recorded (same series and session, or same kind, dates, countries and
    title) is refused, naming it, unless --allow-duplicates. With --as-source, a recorded slug
    with other facts (a second article's draft of the same engagement) adds its new documents
    as sources, with its evidence for the facts both state alike, and the record stays as it
    was. A file's `offices:` and `people:` lists (office records, decisions about people) are
    checked and recorded with the batch (docs/offices.md); a participant whose title the office
    registry contradicts is recorded with a warning on stderr. With --dry-run, everything
    is checked and what would be recorded is reported (duplicates too); nothing is written."""
    modules = ["timeline.inputs.records", "timeline.store.application"]
    load(*modules, *(["timeline.projection.build"] if build and not dry_run else []))
    from timeline.inputs import records

    batch = Batch(collection=check_collection_name(collection))
    for name, index, facts in records.iter_records(files, documents):
        batch.origins[facts.slug] = f"{name}: record {index}"
        batch.records.append(facts)
        batch.read += 1
    offices = office_records(files)  # after: the files were found well-formed
    _append_and_report(
        batch,
        folder,
        store,
        build=build,
        allow_duplicates=allow_duplicates,
        as_source=as_source,
        each=True,
        dry_run=dry_run,
        offices=offices,
    )


def _append_and_report(
    batch: Batch,
    folder: str,
    store: str | None,
    *,
    build: bool,
    allow_duplicates: bool = False,
    as_source: bool = False,
    each: bool = False,
    dry_run: bool = False,
    offices: list[Any] | None = None,
) -> None:
    """Record a batch in one append and print what happened: the one report of `append` and of
    every importer. What the reading merged comes first, then corroborations and skipped
    records; with `each` (record files: a handful), a line per engagement recorded or unchanged
    too, where an import's thousands are only counted in the summary. A `dry_run` reports what
    would be recorded (dry_run.py) and writes nothing."""
    archive = (
        dry_run_archive(folder, store) if dry_run else _archive(folder, store, must_exist=False)
    )
    record_offices = check_office_records(archive, offices or [])
    try:
        report = archive.append(
            batch.records,
            origins=batch.origins,
            allow_duplicates=allow_duplicates,
            as_source=as_source,
            dry_run=dry_run,
            collection=batch.collection,
            collections=batch.collections,
        )
    except BatchError as e:
        raise TimelineError(f"{batch.origins[e.slug]}: {e}") from None
    if dry_run:
        echo_dry_run(report, batch, allow_duplicates=allow_duplicates, each=each)
        return
    for merge in batch.merged:
        click.echo(f"merged     {merge.describe()}")
    for slug in report.recorded if each else []:
        click.echo(f"recorded   {slug}")
    for slug, added in report.corroborated.items():
        click.echo(f"corroborated {slug} (new source: {', '.join(added)})")
    for slug in report.unchanged if each else []:
        click.echo(f"unchanged  {slug} (already recorded as it is)")
    for file, record, reason in batch.skipped:
        click.echo(f"skipped    {file}: record {record}: {reason}")
    if each:
        summary = f"{len(report.recorded)} recorded, {len(report.unchanged)} already recorded"
        if report.corroborated:
            summary += f", {len(report.corroborated)} corroborated"
    else:
        summary = (
            f"{batch.what_was_read()}, {len(report.recorded)} recorded, "
            f"{len(report.unchanged)} unchanged, {len(report.corroborated)} corroborated, "
            f"{batch.merged_duplicates} merged duplicates, {len(batch.skipped)} skipped"
        )
    click.echo(summary)
    record_offices()
    slugs = [*report.recorded, *report.corroborated]
    if not build:
        warn_conflicts(archive, batch.records, slugs)
        return
    try:
        report = _build(archive, after="batch", conflicts_of=slugs)
    except TimelineError:
        warn_conflicts(archive, batch.records, slugs)  # timeline.db was left as it was
        raise
    warn_projected_conflicts(archive.projection_path, slugs, report.conflicts)


def check_collection_name(name: str) -> str:
    """`name` if it is a collection; one line naming the closest otherwise."""
    from events.collections import COLLECTIONS, unknown_collection

    if name not in COLLECTIONS:
        raise CollectionError(unknown_collection(name))
    return name


def _archive(folder: str, store: str | None, *, must_exist: bool = True) -> Archive:
    """The archive a command works on, closed when the command ends: its store connections
    (and an SQLite store's -wal and -shm files) do not outlive the command, which matters to a
    caller that runs several commands in one process."""
    from timeline.store.application import Archive

    archive = Archive(folder, store=store, must_exist=must_exist)
    click.get_current_context().call_on_close(archive.close)
    return archive


def _build(
    archive: Archive,
    *,
    rebuild: bool = False,
    after: str | None = None,
    conflicts_of: Sequence[str] = (),
) -> BuildReport:
    """Bring timeline.db up to date (or rebuild it) and say so; `after` names what was just
    stored, which a failure here (a full disk, say) leaves stored: the message says so, and
    what to run. `conflicts_of`: see `build`."""
    import errno
    import sqlite3

    from timeline.projection import build as projection

    anew = rebuild or not archive.projection_path.exists()  # a missing one is built anew
    label = "rebuilding timeline.db" if anew else "updating timeline.db"
    try:
        with progress_report(label) as progress:
            report = projection.build(
                archive, rebuild=rebuild, progress=progress, conflicts_of=conflicts_of
            )
    except (OSError, sqlite3.Error) as e:
        full = getattr(e, "errno", None) == errno.ENOSPC or "full" in str(e)
        then = "free some space, then run" if full else "run"
        stored = f"the {after} is recorded in the store, but " if after else ""
        raise TimelineError(
            f"{stored}timeline.db is not up to date ({e}): it was left as it was; "
            f"{then} `timeline build`"
        ) from None
    _echo_build(report)
    return report


def _note_if_behind(archive: Archive, done: str) -> None:
    """A read-only archive's timeline.db cannot be brought up to date: say so if it is behind."""
    from timeline.projection import build as projection

    if not projection.is_current(archive):
        click.echo(
            f"Note: {archive.projection_path} is behind the store, and the archive is "
            f"read-only: {done} as it was last built",
            err=True,
        )


@cli.command()
@click.option("--rebuild", is_flag=True, help="Write timeline.db anew and swap it in.")
@click.option(
    "--as-of",
    "as_of",
    metavar="WHEN",
    help="Build the archive as it stood then (a date: the end of that UTC day, or an ISO "
    "timestamp) into a separate file; timeline.db is left alone.",
)
@click.option(
    "-o",
    "--output",
    type=PathArgument(dir_okay=False),
    help="With --as-of: the file to write (default: timeline-as-of-WHEN.db in the archive).",
)
@archive_option
def build(
    rebuild: bool, as_of: str | None, output: str | None, folder: str, store: str | None
) -> None:
    """Bring timeline.db up to date with the archive (incremental unless --rebuild)."""
    if output and not as_of:
        raise TimelineError("--output: only with --as-of (timeline.db is always built in place)")
    if rebuild and as_of:
        raise TimelineError("--rebuild: an --as-of build always writes a new file")
    archive = _archive(folder, store)
    if as_of is None:
        _build(archive, rebuild=rebuild)
        return
    from timeline.projection import build as projection

    until = projection.parse_as_of(as_of)
    path = Path(output) if output else projection.as_of_path(archive, as_of)
    report = projection.build_as_of(archive, until, path)
    click.echo(
        f"{path} written: the archive as of {until.isoformat()}, {report.events} events, "
        f"{report.engagements} engagements"
    )


def _echo_build(report: BuildReport) -> None:
    how = "rebuilt" if report.rebuilt else "updated"
    click.echo(
        f"timeline.db {how}: {report.events} events projected, "
        f"{report.engagements} engagements, position {report.position}"
    )


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--metadata", type=PathArgument(dir_okay=False, exists=True), help="Metadata file.")
@archive_option
def serve(host: str, port: int, metadata: str | None, folder: str, store: str | None) -> None:
    """Build timeline.db if needed and serve it with Datasette."""
    from datasette.cli import cli as datasette

    from timeline.web.serve import datasette_args, metadata_path

    projection_path = _projection_to_serve(folder, store, host, port)
    args = datasette_args(projection_path, metadata_path(metadata), host, port)
    click.echo(f"serving on http://{host}:{port}/ (Ctrl-C to stop)")
    datasette.main(args, prog_name="timeline serve")


def _projection_to_serve(folder: str, store: str | None, host: str, port: int) -> Path:
    """timeline.db, brought up to date first if it needs it. Whether it does is asked of the
    two SQLite files first (timeline.projection.freshness): a timeline.db with every event of
    the store, this version's schema and nothing newer in the code is served without opening
    the archive, whose imports were most of what `serve` added to Datasette's own start."""
    from timeline.web.serve import check_port

    # The SQLite store in the folder (no --store, no other persistence module), which sqlite3
    # can read; a folder name Python cannot open is left to the archive to refuse.
    if not store and not os.environ.get("PERSISTENCE_MODULE") and "\x00" not in folder:
        from timeline.projection.freshness import needs_no_build
        from timeline.store.head import PROJECTION_FILE

        if needs_no_build(Path(folder)):
            check_port(host, port)
            return Path(folder) / PROJECTION_FILE
    archive = _archive(folder, store)
    check_port(host, port)
    if archive.read_only:  # a published copy: served as it was built
        _note_if_behind(archive, "served")
    else:
        _build(archive)
    return archive.projection_path


@cli.command()
@click.argument("slug")
@click.option(
    "--history", is_flag=True, help="List every revision: when, what changed (old -> new), why."
)
@output_options()
@archive_option
def show(slug: str, history: bool, output: Output, folder: str, store: str | None) -> None:
    """Show an engagement's current state and the events behind it.

    A retracted engagement says so; one merged into another points to it. --json prints it as
    one JSON object; with --history, the revisions are rows, in any output format."""
    from timeline.store.revisions import engagement_document

    if output.format not in (None, "json") and not history:
        raise TimelineError(
            f"--{output.format}: an engagement is one document (--json); its revisions are "
            "rows (--history)"
        )
    archive = _archive(folder, store)
    if history:
        _show_history(archive.revisions(slug), output)
        return
    document = engagement_document(archive, slug)
    if output.format:
        echo_json(document)
        return
    import yaml  # lazily, as everywhere in this module: `timeline append` starts faster

    if document["retracted"]:
        survivor = archive.get(document["survivor"]) if document["survivor"] else None
        retracted = document["retracted"]
        _echo_retraction(retracted["reason"], retracted.get("merged_into"), survivor)
    click.echo(yaml.safe_dump(document["facts"], allow_unicode=True, sort_keys=False, width=100))
    for who, message in show_conflicts(archive, slug):
        click.echo(f"# contradicts the registry: {who}: {message}")
    click.echo(f"# collection: {document['collection']}")
    click.echo("# events")
    for e in document["events"]:
        reason = f" ({e['reason']})" if e.get("reason") else ""
        click.echo(f"#  v{e['version']} {e['recorded_at']} {e['event']}{reason}")


def _echo_retraction(reason: str, merged_into: str | None, survivor: Any) -> None:
    if merged_into is None:
        click.echo(f"# RETRACTED ({reason}); what follows is its last state")
        return
    click.echo(f"# RETRACTED: merged into {merged_into} ({reason})")
    if survivor is None:
        click.echo(f"# {merged_into} was retracted later too; no engagement holds its record")
        return
    later = f" (through later merges: {survivor.slug})" if survivor.slug != merged_into else ""
    f = survivor.facts
    click.echo(f"# now recorded as {survivor.slug}{later}: {f.title}, {f.date.start.isoformat()}")
    click.echo(f"# see `timeline show {survivor.slug}`; what follows is its last state")


def _show_history(revisions: list[Revision], output: Output) -> None:
    import dataclasses

    from timeline.store import revisions as told

    if output.format:
        columns = [f.name for f in dataclasses.fields(told.Revision)]
        echo_rows((told.revision_data(r) for r in revisions), columns, output)
        return
    for r in revisions:
        when = r.recorded_at.isoformat(timespec="seconds")
        why = f": {r.reason}" if r.reason else ""
        click.echo(f"v{r.version}  {when}  {r.event}{why}")
        if r.origin:
            click.echo(f"    from {r.origin}")
        if r.merged_into:
            click.echo(f"    merged into {r.merged_into}")
        if r.documents:
            click.echo(f"    on the evidence of {', '.join(r.documents)}")
        for name, (old, new) in r.changes.items():
            for line in _change_lines(name, old, new):
                click.echo(f"    {line}")


def _change_lines(name: str, old: Any, new: Any) -> list[str]:
    """`field: old -> new`; for a list, the items added (+) and removed (-)."""
    if isinstance(old, list) and isinstance(new, list):
        removed = [x for x in old if x not in new]
        added = [x for x in new if x not in old]
        if removed or added:
            return [f"{name}: - {_compact(x)}" for x in removed] + [
                f"{name}: + {_compact(x)}" for x in added
            ]
        return [f"{name}: reordered {_compact(old)} -> {_compact(new)}"]
    return [f"{name}: {_compact(old)} -> {_compact(new)}"]


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def selection_options(country_help: str, collections_default: str) -> Callable[..., Any]:
    """The options that choose engagements, as `timeline list` and `timeline export` take them:
    the command receives country, kind, since, until, counterpart and collections."""
    options = [
        click.option("--country", type=CountryType(), help=country_help),
        click.option("--kind", type=click.Choice(list(KINDS)), help="A kind of the vocabulary."),
        click.option(
            "--since", type=Period(), help="Those that end on or after this day, month, year."
        ),
        click.option("--until", type=Period(end=True), help="Those that start on or before it."),
        click.option(
            "--counterpart", type=CountryType(), help="With --country: the pair's engagements."
        ),
        click.option(
            "--collection", "collections", multiple=True, metavar="NAME",
            help=f"Only this collection (repeatable; `all` for every one). {collections_default}",
        ),
    ]  # fmt: skip

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


@cli.command(name="list")
@selection_options(
    "A country (VN, Vietnam, Việt Nam): its timeline, with counterpart and role.",
    "Default: the collections shown by default, the security engagements (`timeline "
    "collections` lists them).",
)
@click.option("--limit", type=int, help="The first N engagements.")
@output_options()
@archive_option
def list_(
    country: str | None,
    kind: str | None,
    since: date | None,
    until: date | None,
    counterpart: str | None,
    collections: tuple[str, ...],
    limit: int | None,
    output: Output,
    folder: str,
    store: str | None,
) -> None:
    """A terminal timeline of the archive, oldest first."""
    from timeline.projection import build as projection
    from timeline.projection.queries import (
        check_options,
        chosen_collections,
        timeline_columns,
        timeline_rows,
    )

    check_options(kind=kind, country=country, counterpart=counterpart, limit=limit)
    chosen_collections(collections)  # an unknown one is refused before the archive is opened
    asked = {"country": country, "kind": kind, "since": since, "until": until}
    asked |= {"counterpart": counterpart, "collections": collections, "limit": limit}
    archive = _archive(folder, store)
    if archive.read_only:
        _note_if_behind(archive, "listed")
    elif not projection.is_current(archive):
        projection.build(archive)
    rows = timeline_rows(archive, **asked)
    if output.format:
        echo_rows(rows, timeline_columns(country), output)
        return
    for row in rows:
        where = ", ".join(x for x in (row.get("city"), row.get("place_country")) if x)
        lead = f"{row['date_label']:<22} {row['kind']:<13}"
        if country:
            lead += f" {row['role']:<6} with {row['counterpart']}"
        else:
            lead += f" {row['countries']:<8}"
        click.echo(f"{lead}  {row['title']}  [{where}]  {row['engagement']}")
    every = len(timeline_rows(archive, **{**asked, "collections": ["all"], "limit": None}))
    hidden = 0 if collections or limit is not None else every - len(rows)
    more = f"; {hidden} more in other collections: --collection all" if hidden else ""
    click.echo(f"({len(rows)} engagements{more})", err=True)


@cli.command(name="collections")
@output_options()
@archive_option
def collections_(output: Output, folder: str, store: str | None) -> None:
    """The collections: name, engagements, whether shown by default, and what each holds."""
    from timeline.projection import build as projection
    from timeline.projection.queries import collection_counts

    archive = _archive(folder, store)
    if not archive.read_only and not projection.is_current(archive):
        projection.build(archive)
    rows = collection_counts(archive)
    if output.format:
        echo_rows(rows, list(rows[0]) if rows else [], output)
        return
    for row in rows:
        shown = "default" if row["default_view"] else "on request"
        click.echo(f"{row['name']:<24} {row['engagements']:>9,}  {shown:<10}  {row['label']}")


@cli.command()
@click.argument("slug", required=False)
@click.option(
    "--set", "assignments", multiple=True, metavar="FIELD=VALUE",
    help="A field and its new value (YAML: `guests=[US, VN]`, `session=2`). Repeatable.",
)  # fmt: skip
@click.option("--reason", help="Why the record changes.")
@click.option(
    "--source",
    "source_files",
    multiple=True,
    type=PathArgument(dir_okay=False),
    help="YAML/JSON file of the source(s) that justify the correction. Repeatable.",
)
@click.option(
    "--quote",
    help="The words of a source that support the corrected fields, as written: found in the "
    "document's text, which gives the offsets.",
)
@click.option(
    "--document",
    help="The id of the document --quote is from (default: the one --source, or the "
    "engagement's one source).",
)
@click.option(
    "--documents",
    "documents_dir",
    type=PathArgument(file_okay=False),
    help="Folder of the documents' texts (ID.txt). Default: documents/ beside the --source or "
    "corrections file, or in the current folder.",
)
@click.option(
    "--file",
    "correction_files",
    multiple=True,
    type=PathArgument(),
    help="A corrections file ({slug, set, reason, source} entries) instead of SLUG and --set.",
)
@click.option("--build/--no-build", default=True, help="Bring timeline.db up to date after.")
@archive_option
def correct(
    slug: str | None,
    assignments: tuple[str, ...],
    reason: str | None,
    source_files: tuple[str, ...],
    quote: str | None,
    document: str | None,
    documents_dir: str | None,
    correction_files: tuple[str, ...],
    build: bool,
    folder: str,
    store: str | None,
) -> None:
    """Correct fields of a recorded engagement; the earlier state stays in its history.

    Either SLUG --set FIELD=VALUE ... --reason TEXT [--quote TEXT [--document ID]]
    [--source FILE], or --file FILE of corrections: every correction is checked first, then all
    are saved in one transaction. The evidence of a corrected field is kept, marked superseded;
    a field corrected with neither --quote nor --source is marked corrected without a source."""
    from timeline.inputs.corrections import iter_corrections
    from timeline.inputs.support import unsupported_fields

    if correction_files:
        if slug or assignments or reason or source_files or quote or document:
            raise TimelineError(
                "--file: give the corrections in the file, or SLUG with --set, not both"
            )
        numbered = list(iter_corrections(correction_files, documents_dir))
        batch = [c for _, _, c in numbered]
        origins = [f"{name}: record {index}" for name, index, _ in numbered]
        archive = _archive(folder, store)
    else:
        correction = _correction_from_flags(slug, assignments, reason, source_files)
        archive = _archive(folder, store)
        batch = [_supported_from_flags(archive, correction, quote, document, documents_dir,
                                       source_files)]  # fmt: skip
        origins = [""]
    try:
        engagements = archive.correct_many(batch)
    except CorrectionError as e:
        where = origins[e.index - 1]
        if not where:
            raise
        raise TimelineError(f"{where} ({e.slug}): {e.detail}; nothing was written") from None
    for engagement in engagements:
        click.echo(f"corrected  {engagement.slug} (version {engagement.version})")
    for correction in batch:
        for field in unsupported_fields(correction):
            click.echo(f"unsourced  {correction.slug} {field}: corrected without a source")
    if build:
        _build(archive, after="correction" if len(engagements) == 1 else "corrections")


def _supported_from_flags(
    archive: Any,
    correction: Correction,
    quote: str | None,
    document: str | None,
    documents_dir: str | None,
    source_files: tuple[str, ...],
) -> Correction:
    """The correction with its --quote placed in its document (see timeline.inputs.support)."""
    from timeline.inputs import records
    from timeline.inputs.support import supported

    if not quote and not document:
        return supported(correction)
    if documents_dir:
        dirs = [Path(documents_dir)]
    elif source_files:
        dirs = records.documents_dirs(source_files[0], None)
    else:
        dirs = [d for d in [Path("documents")] if d.is_dir()]
    known = archive.get(correction.slug).facts.sources if not document else []
    return supported(correction, quote=quote, document=document, dirs=dirs, known=known)


def _correction_from_flags(
    slug: str | None,
    assignments: tuple[str, ...],
    reason: str | None,
    source_files: tuple[str, ...],
) -> Correction:
    if not slug:
        raise TimelineError("SLUG: name the engagement to correct (or give --file)")
    if not assignments:
        raise TimelineError("--set: say what changes, as FIELD=VALUE")
    if reason is None or not reason.strip():
        raise TimelineError("--reason: say why the record changes")
    from pydantic import ValidationError

    from events import describe_validation_error
    from timeline.inputs import records
    from timeline.inputs.corrections import read_sources
    from timeline.store.commands import Correction

    changes: dict[str, Any] = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        if not sep or not name.strip():
            raise TimelineError(f"--set {assignment!r}: expected FIELD=VALUE")
        value_of = f"--set {name}"
        changes[name.strip()] = records.load_value(value, value_of) if value.strip() else None
    sources = [s for path in source_files for s in read_sources(records.read_text(path), path)]
    try:
        return Correction(slug=slug, changes=changes, reason=reason, sources=sources)
    except ValidationError as e:
        raise TimelineError(f"{slug}: {describe_validation_error(e)}") from None


@cli.command()
@click.argument("slug")
@click.option("--reason", required=True, help="Why the engagement is withdrawn.")
@click.option(
    "--merged-into",
    "merged_into",
    metavar="OTHER",
    help="The slug of the engagement this one duplicates; its record lives on there.",
)
@click.option("--build/--no-build", default=True, help="Bring timeline.db up to date after.")
@archive_option
def retract(
    slug: str, reason: str, merged_into: str | None, build: bool, folder: str, store: str | None
) -> None:
    """Withdraw an engagement: it leaves the timelines and stays in the history (revisions).

    With --merged-into, it is a duplicate of OTHER, and its slug leads there."""
    archive = _archive(folder, store)
    engagement = archive.retract(slug, reason, merged_into)
    into = f", merged into {merged_into}" if merged_into else ""
    click.echo(f"retracted  {slug} (version {engagement.version}{into})")
    if build:
        _build(archive, after="retraction")


@cli.command()
@click.option("--expect", metavar="HASH", help="Fail unless the archive's head is this hash.")
@click.option("--chain-only", is_flag=True, help="Check the store's chain, not timeline.db.")
@click.option(
    "--database",
    metavar="FILE",
    type=PathArgument(dir_okay=False),
    help="Check this copy (a `timeline publish` file) against the store instead of timeline.db; "
    "--expect is then the head recorded in it.",
)
@output_options(["json"])
@archive_option
def verify(
    expect: str | None,
    chain_only: bool,
    database: str | None,
    output: Output,
    folder: str,
    store: str | None,
) -> None:
    """Recompute the hash chain of the stored events and check timeline.db against the store.

    Prints the head hash, which names the whole history; with --expect HASH (the head published
    in timeline.db's archive_head table, say), fails unless this archive has that head. --json
    prints the report as one object (counts, head, problems, verified), and the exit code is
    the same."""
    import dataclasses

    from timeline import integrity

    expected = integrity.check_hash(expect) if expect is not None else None
    if database and chain_only:
        raise TimelineError("--database: checks a copy's tables; --chain-only checks none")
    report = integrity.verify(_archive(folder, store), projection=not chain_only, database=database)
    head = report.database_head if report.database else report.head
    mismatch = bool(expected and head != expected)
    if output.format:
        verified = report.ok and not mismatch
        echo_json({**dataclasses.asdict(report), "expected": expected, "verified": verified})
    else:
        _echo_verify(report, chain_only)
    if report.problems:
        count = len(report.problems)
        problems = "1 problem" if count == 1 else f"{count} problems"
        listed = "in the JSON" if output.format else "listed above"
        raise TimelineError(f"verify: {problems} in {folder} ({listed})")
    if mismatch and report.database:
        raise TimelineError(
            f"{report.database}: its head {report.database_head} is not the expected "
            f"{expected}: this is not the copy that was published with that head"
        )
    if mismatch:
        raise TimelineError(
            f"head {report.head} is not the expected {expected}: "
            "this is not the archive that was published with that head"
        )
    if not output.format:
        click.echo("verified" + (": the head is the one expected" if expected else ""))


def _echo_verify(report: VerifyReport, chain_only: bool) -> None:
    click.echo(f"store:       {report.events} events of {report.engagements} engagements")
    if report.head:
        click.echo(f"head:        {report.head} (notification {report.head_position})")
    else:
        click.echo("head:        none (the store is empty)")
    if report.database:
        click.echo(f"copy:        {report.database}")
        if report.database_head:
            click.echo(f"copy head:   {report.database_head} (notification "
                       f"{report.projection_position}), {report.tables} tables compared with a "
                       "rebuild from the store")  # fmt: skip
    elif report.projection_position is not None:
        click.echo(
            f"timeline.db: at notification {report.projection_position}, "
            f"{report.tables} tables compared with a rebuild from the store"
        )
    elif not chain_only:
        click.echo("timeline.db: not built yet")
    for problem in report.problems:
        click.echo(f"PROBLEM {problem}", err=True)


@cli.command()
@click.argument("out", metavar="OUT.db", type=PathArgument(dir_okay=False))
@archive_option
def publish(out: str, folder: str, store: str | None) -> None:
    """Write a clean copy of timeline.db for download to OUT.db, a new file.

    timeline.db is brought up to date first. The copy has every table people read and the
    search indexes, without the projector's internal tables; its archive_head table records the
    head hash of the store's chain, so `timeline verify --database OUT.db --expect HASH` checks
    it is the copy published with that head."""
    from timeline.exports.publish import publish as publish_archive

    copy = publish_archive(_archive(folder, store), out)
    click.echo(f"published  {copy.path} ({copy.tables} tables, {copy.size:,} bytes)")
    click.echo(f"head:      {copy.head} (notification {copy.position})")


@cli.command("export")
@click.argument("format_name", metavar="FORMAT")
@click.option(
    "-o", "--output", "out", metavar="FILE", type=PathArgument(dir_okay=False),
    help="A new file to write (default: standard output).",
)  # fmt: skip
@selection_options(
    "Only the engagements of this country (VN, Vietnam, Việt Nam).",
    "Default: every collection.",
)
@archive_option
def export_command(
    format_name: str,
    out: str | None,
    country: str | None,
    kind: str | None,
    since: date | None,
    until: date | None,
    counterpart: str | None,
    collections: tuple[str, ...],
    folder: str,
    store: str | None,
) -> None:
    """Write every engagement in FORMAT: csv, geojson, timelinejs or plover; or those that
    --country, --counterpart, --kind, --since, --until and --collection choose, as `timeline
    list` chooses them.

    csv: one row per engagement (RFC 4180). geojson: a FeatureCollection, a Point at each
    engagement's city (RFC 7946). timelinejs: TimelineJS3's JSON, a slide per engagement.
    plover: PLOVER CONSULT event records, one JSON object a line, with mode, source and
    recipient countries, dates, place and the cited source sentence."""
    from timeline.exports.formats import export, export_format
    from timeline.projection.queries import check_options, chosen_collections

    export_format(format_name)  # an unknown format is refused before the archive is opened
    check_options(kind=kind, country=country, counterpart=counterpart)
    if collections:
        chosen_collections(collections)
    asked = {"country": country, "kind": kind, "since": since, "until": until}
    asked |= {"counterpart": counterpart, "collections": list(collections)}
    selection = {k: v for k, v in asked.items() if v}
    report = export(_archive(folder, store), format_name, out, selection or None)
    if report.path is not None:
        click.echo(f"exported   {report.engagements} engagements as {report.format} to {out}")


@cli.command()
@output_options()
def topics(output: Output) -> None:
    """The topic vocabulary: key, English and Vietnamese labels."""
    if output.format:
        rows = ({"key": key, "en": t.en, "vi": t.vi} for key, t in TOPICS.items())
        echo_rows(rows, ["key", "en", "vi"], output)
        return
    for key, topic in TOPICS.items():
        click.echo(f"{key:<30} {topic.en} / {topic.vi}")


class ImportGroup(click.Group):
    """`timeline import NAME SOURCE`: a command per registered importer (timeline.importers),
    made when it is asked for; an unknown NAME is one line naming the known ones."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return importer_names()

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return import_command(name) if name in importer_names() else None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in importer_names() and not args[0].startswith("-"):
            importer(args[0])  # raises, naming the importers
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, import_command(name).get_short_help_str(80)) for name in importer_names()]
        if rows:
            with formatter.section("Importers"):
                formatter.write_dl(rows)


IMPORT_HELP = """Every record is read and validated first; then the engagements are saved in one
transaction, all or none. A rerun records nothing new, and adds a record that newly repeats one
as a source (corroborated)."""


def import_command(name: str) -> click.Command:
    """The command that runs the importer `name`: SOURCE, the importer's own options, --build,
    --archive and --store."""
    found = importer(name)
    first, _, more = found.DESCRIPTION.partition("\n\n")

    @click.argument("source", metavar=found.SOURCE, type=click.Path())
    @click.option("--build/--no-build", default=True, help="Bring timeline.db up to date after.")
    @dry_run_option
    @archive_option
    def run(
        source: str, build: bool, dry_run: bool, folder: str, store: str | None, **options: Any
    ) -> None:
        if "progress" in inspect.signature(found.read).parameters:
            with progress_report(f"reading {name}") as progress:
                batch = found.read(source, **options, progress=progress)
        else:
            batch = found.read(source, **options)
        _append_and_report(batch, folder, store, build=build, dry_run=dry_run)

    text = "\n\n".join(part for part in (first, more, IMPORT_HELP) if part)
    command = click.command(name=name, help=text, short_help=first)(run)
    command.params[1:1] = importer_options(found)
    return command


@cli.group(name="import", cls=ImportGroup, subcommand_metavar="NAME SOURCE [OPTIONS]")
def import_() -> None:
    """Record other publishers' data as engagements.

    NAME is one of the importers below; `timeline import NAME --help` says what its SOURCE is."""


def main() -> None:
    """The `timeline` command as a process of its own (the console script)."""
    own_process()
    cli(prog_name="timeline")


if __name__ == "__main__":
    sys.exit(main())
