"""Office holdings in the store: recorded, corrected and withdrawn as `OfficeHolding` events,
saved in one transaction per batch, beside the engagements; and the holdings recorded so far,
read from the notification log (only the office events' topics, which the store filters)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventsourcing.utils import get_topic

from events.engagement import EngagementError
from events.facts import EngagementFacts
from events.offices import HoldingState, OfficeHolding, holding_id
from events.persons import PersonDecision, decision_id
from timeline.errors import ArchiveError
from timeline.offices.conflicts import conflict
from timeline.offices.registry import Holding, Office, Registry, holding_of, office_of, shipped

if TYPE_CHECKING:
    from timeline.inputs.offices import DecisionEntry, OfficeEntry
    from timeline.store.application import Archive

OFFICE_TOPICS = [
    get_topic(OfficeHolding.Recorded),
    get_topic(OfficeHolding.Corrected),
    get_topic(OfficeHolding.Withdrawn),
]
_BATCH = 1000


@dataclass
class OfficeReport:
    recorded: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def recorded_states(archive: Archive) -> list[HoldingState]:
    """Every office holding of the store, as it stands."""
    states: dict[object, HoldingState] = {}
    start = 0
    recorder = archive.recorder
    while batch := recorder.select_notifications(
        start=start, limit=_BATCH, topics=OFFICE_TOPICS, inclusive_of_start=False
    ):
        for stored in batch:
            event = archive.mapper.to_domain_event(stored)
            states[event.originator_id] = event.evolve(states.get(event.originator_id))
        start = batch[-1].id
    return list(states.values())


def archive_registry(archive: Archive) -> Registry:
    """The shipped registry with the offices and holdings recorded in the archive."""
    states = [s for s in recorded_states(archive) if not s.withdrawn]
    offices: list[Office] = [o for s in states if (o := office_of(s.record)) is not None]
    holdings: list[Holding] = [holding_of(s.record, version=s.version) for s in states]
    return shipped().with_records(offices, holdings)


def record_offices(
    archive: Archive, entries: Sequence[OfficeEntry], *, save: bool = True
) -> OfficeReport:
    """Record, correct or withdraw holdings, all in one transaction (or none); without `save`,
    only check that each can be (what `timeline append` does before it writes anything)."""
    report = OfficeReport()
    changed: dict[str, OfficeHolding] = {}
    for entry in entries:
        holding = changed.get(entry.record.key) or _find(archive, entry.record.key)
        _take(entry, holding, changed, report)
    if not changed or not save:
        return report
    if archive.read_only:
        raise ArchiveError(f"{archive.folder}: the archive is read-only; nothing was written")
    archive.save(*changed.values())
    return report


def _take(
    entry: OfficeEntry,
    holding: OfficeHolding | None,
    changed: dict[str, OfficeHolding],
    report: OfficeReport,
) -> None:
    key, label = entry.record.key, f"{entry.record.office}: {entry.record.holder}"
    if holding is None:
        if entry.reason is not None:
            raise entry.error("reason: no such holding is recorded to correct or withdraw")
        changed[key] = OfficeHolding.record(entry.record, origin=entry.origin)
        report.recorded.append(label)
        return
    try:
        if entry.withdrawn:
            holding.withdraw(entry.reason or "")
            report.withdrawn.append(label)
        elif holding.state.record == entry.record and not holding.state.withdrawn:
            report.unchanged.append(label)
            return
        elif entry.reason is None:
            raise entry.error("already recorded with other content; give `reason:` to correct it")
        else:
            holding.correct(entry.record, entry.reason)
            report.corrected.append(label)
    except EngagementError as e:
        raise entry.error(str(e)) from None
    changed[key] = holding


def _find(archive: Archive, key: str) -> OfficeHolding | None:
    from eventsourcing.application import AggregateNotFoundError

    try:
        return archive.repository.get(holding_id(key))
    except AggregateNotFoundError:
        return None


def participant_conflicts(registry: Registry, facts: EngagementFacts) -> list[tuple[str, str]]:
    """(participant, what the registry says) for each participant of `facts` whose title at
    the time the registry contradicts."""
    out = []
    for p in facts.participants:
        found = conflict(registry, [p.name, *p.variants], p.title, p.country, facts.date.start)
        if found is not None:
            out.append((f"{p.name} ({p.title})", found.message))
    return out


def record_decisions(
    archive: Archive, entries: Sequence[DecisionEntry], *, save: bool = True
) -> list[str]:
    """Record decisions about people, reverting or taking again those named so; all in one
    transaction (without `save`, only check them). Returns a line for each."""
    done: list[str] = []
    changed: dict[str, PersonDecision] = {}
    for entry in entries:
        key = entry.record.key
        decision = changed.get(key) or _find_decision(archive, key)
        try:
            line = _decide(entry, decision, changed)
        except EngagementError as e:
            raise entry.error(str(e)) from None
        done.append(line)
    if changed and save:
        archive.save(*changed.values())
    return done


def _find_decision(archive: Archive, key: str) -> PersonDecision | None:
    from eventsourcing.application import AggregateNotFoundError

    try:
        return archive.repository.get(decision_id(key))
    except AggregateNotFoundError:
        return None


def _decide(
    entry: DecisionEntry, decision: PersonDecision | None, changed: dict[str, PersonDecision]
) -> str:
    key, reason = entry.record.key, entry.record.reason
    if decision is None and entry.revert:
        raise entry.error("revert: no such decision is recorded")
    if decision is None:
        changed[key] = PersonDecision.decide(entry.record, origin=entry.origin)
        return f"decided    {key} ({reason})"
    if entry.revert:
        decision.revert(reason)
        changed[key] = decision
        return f"reverted   {key} ({reason})"
    if decision.state.reverted:
        decision.redecide(reason)
        changed[key] = decision
        return f"decided    {key} again ({reason})"
    return f"unchanged  {key} (already in force)"
