"""`timeline append --dry-run` (and `timeline import NAME SOURCE --dry-run`): every record is
checked as the append would check it, against the archive as it stands, and what the append
would do is reported — new, already recorded, corroborating, duplicate — with nothing written:
not the store, not timeline.db, not even the archive folder when there is none yet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from timeline.errors import TimelineError

if TYPE_CHECKING:
    from timeline.importers import Batch
    from timeline.store.application import AppendReport, Archive


def dry_run_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--dry-run: the command receives `dry_run`."""
    return click.option(
        "--dry-run",
        is_flag=True,
        help="Check every record and report what would be recorded (new, unchanged, "
        "corroborating, duplicate); write nothing.",
    )(command)


def dry_run_archive(folder: str, store: str | None) -> Archive:
    """The archive to check a batch against, closed when the command ends. An SQLite archive
    not made yet is an empty store in memory, so that checking creates no folder and no file;
    a PostgreSQL store must exist (a dry run creates no schema)."""
    import tempfile  # here: `timeline append` without --dry-run never needs it

    from timeline.store.application import STORE_FILE, Archive

    context = click.get_current_context()
    if store is None and not (Path(folder) / STORE_FILE).is_file():
        scratch = tempfile.TemporaryDirectory(prefix="timeline-dry-run-")
        context.call_on_close(scratch.cleanup)
        archive = Archive(scratch.name, env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    else:
        archive = Archive(folder, store=store, must_exist=True)
    context.call_on_close(archive.close)
    return archive


def echo_dry_run(report: AppendReport, batch: Batch, *, allow_duplicates: bool, each: bool) -> None:
    """What the append would do, a line per engagement (with `each`; an import's thousands are
    counted only, duplicates always named), then a summary. Exit code 1 when the append would
    be refused: a duplicate without --allow-duplicates."""
    for merge in batch.merged:
        click.echo(f"merged     {merge.describe()}")
    for slug in report.recorded:
        if slug in report.duplicates:
            other, what = report.duplicates[slug]
            click.echo(f"duplicate  {slug} (the archive already has it as {other}: {what})")
        elif each:
            click.echo(f"new        {slug}")
    for slug, added in report.corroborated.items():
        click.echo(f"corroborating {slug} (new source: {', '.join(added)})")
    for slug in report.unchanged if each else []:
        click.echo(f"unchanged  {slug} (already recorded as it is)")
    for file, record, reason in batch.skipped:
        click.echo(f"skipped    {file}: record {record}: {reason}")
    duplicates = len(report.duplicates)
    new = len(report.recorded) - (0 if allow_duplicates else duplicates)
    counts = [
        f"{new} new",
        f"{len(report.unchanged)} already recorded",
        f"{len(report.corroborated)} corroborating",
        f"{duplicates} duplicate{'' if duplicates == 1 else 's'}",
    ]
    if not each:
        counts.insert(0, batch.what_was_read())
        counts.append(f"{len(batch.skipped)} skipped")
    click.echo(f"dry run: {', '.join(counts)}; nothing was written")
    if duplicates and not allow_duplicates:
        raise TimelineError(
            f"dry run: the append would be refused: {duplicates} new slug"
            f"{'' if duplicates == 1 else 's'} for engagements already recorded (listed above; "
            "record the document under the recorded slug, or --allow-duplicates if they differ)"
        )
