"""What `timeline append` and `show` do with offices: read and check office records, record
them, and warn of participants whose title contradicts the registry (a warning, never a
refusal). Each command imports what it runs when it runs, so `--help` stays light."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from events import EngagementFacts
    from timeline.store.application import Archive


def office_records(files: Sequence[str]) -> list[Any]:
    """The office records and decisions about people of the files, validated (the first bad
    one stops the command). Most record files hold none: then the office and person models
    (events.offices, events.persons) and the registry are not imported: 8-18 ms of the 0.5 s
    of CPU `timeline append` of one record took on the shared machine (python -X importtime)."""
    from timeline.inputs.records import listed

    found = listed(files, ("offices", "people"))
    if not found["offices"] and not found["people"]:
        return []
    from timeline.inputs.offices import validate_decisions, validate_offices

    return [*validate_offices(found["offices"]), *validate_decisions(found["people"])]


def check_office_records(archive: Archive, entries: list[Any]) -> Callable[[], None]:
    """Check the records against the registry as the archive holds it, before anything is
    written; return what records them and prints the report."""
    if not entries:
        return lambda: None
    from timeline.inputs.offices import DecisionEntry, check_offices
    from timeline.store.offices import archive_registry, record_decisions, record_offices

    decisions = [e for e in entries if isinstance(e, DecisionEntry)]
    offices = [e for e in entries if not isinstance(e, DecisionEntry)]
    check_offices(offices, archive_registry(archive))
    # Each change checked against the store too, before the engagements of the batch are saved.
    record_offices(archive, offices, save=False)
    record_decisions(archive, decisions, save=False)

    def record() -> None:
        for line in record_decisions(archive, decisions) if decisions else []:
            click.echo(f"{line}")
        if not offices:
            return
        report = record_offices(archive, offices)
        for what, labels in (
            ("new", report.recorded),
            ("corrected", report.corrected),
            ("withdrawn", report.withdrawn),
            ("unchanged", report.unchanged),
        ):
            for label in labels:
                click.echo(f"office     {label} ({what})")
        click.echo(
            f"office records: {len(report.recorded)} new, {len(report.corrected)} corrected, "
            f"{len(report.withdrawn)} withdrawn, {len(report.unchanged)} unchanged"
        )

    return record


def warn_conflicts(archive: Archive, records: Iterable[EngagementFacts], slugs: list[str]) -> None:
    """On stderr, a line for each participant of these engagements whose title at the time the
    registry contradicts: recorded all the same."""
    wanted = set(slugs)
    batch = [f for f in records if f.slug in wanted]
    if not batch:
        return
    from timeline.store.offices import archive_registry, participant_conflicts

    registry = archive_registry(archive)
    for facts in batch:
        for who, message in participant_conflicts(registry, facts):
            click.echo(
                f"warning    {facts.slug}: {who} contradicts the registry: {message}", err=True
            )


def warn_projected_conflicts(
    projection: Path, slugs: list[str], found: list[tuple[str, str, str, str]] | None = None
) -> None:
    """`warn_conflicts` as timeline.db has just worked them out: the build flags every
    participant of the engagements it projects against the registry as it holds it (shipped and
    recorded, `registry_conflict`). Asking the store instead reads every stored event to find
    the office records (0.15 s of CPU time at 100,000 engagements, most of `timeline append`'s
    own work), where these are a lookup by engagement. `found`: those the build read already
    (`BuildReport.conflicts`); else they are read here."""
    if found is None:
        import sqlite3
        from contextlib import closing

        from timeline.projection.offices import flagged_participants

        with closing(sqlite3.connect(projection)) as db:
            found = flagged_participants(db, slugs)
    for slug, name, title, message in found:
        click.echo(
            f"warning    {slug}: {name} ({title}) contradicts the registry: {message}", err=True
        )


def show_conflicts(archive: Archive, slug: str) -> list[tuple[str, str]]:
    from timeline.store.offices import archive_registry, participant_conflicts

    engagement = archive.get(slug)
    if engagement.state.retraction is not None:
        return []
    return participant_conflicts(archive_registry(archive), engagement.facts)
