"""An engagement told for people: its current state with the events behind it (what `timeline
show` prints), and its history, each revision with when, what changed, and why."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from events import EngagementState

if TYPE_CHECKING:  # the Archive imports this module: it is handed in, never imported
    from timeline.store.application import Archive


@dataclass
class Revision:
    """One event of an engagement's history, told for people: when, what changed, and why.

    `changes` maps each fact that changed to its (old, new) value, as JSON-ready data."""

    version: int
    event: str
    recorded_at: datetime
    reason: str | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)
    origin: str | None = None
    merged_into: str | None = None


def revision(event: Any, before: EngagementState | None, after: EngagementState) -> Revision:
    """The revision an event made, from the states before and after it (pure)."""
    name = type(event).__name__
    old = before.facts.model_dump(mode="json") if before else {}
    new = after.facts.model_dump(mode="json")
    changes = {} if before is None else {k: (old[k], new[k]) for k in new if old[k] != new[k]}
    documents = [s.document for s in getattr(event, "sources", ())]
    if name == "SourceAdded":
        documents = [event.source.document]
    return Revision(
        version=event.originator_version,
        event=name,
        recorded_at=event.timestamp,
        reason=getattr(event, "reason", None),
        changes=changes,
        documents=documents,
        origin=getattr(event, "origin", None),
        merged_into=getattr(event, "merged_into", None),
    )


def revision_data(revision: Revision) -> dict[str, Any]:
    """A revision as JSON-ready data (what `timeline show --history --json` prints a line of):
    `recorded_at` in ISO 8601, each change as `{"old": …, "new": …}`."""
    data = dataclasses.asdict(revision)
    data["recorded_at"] = revision.recorded_at.isoformat()
    data["changes"] = {k: {"old": o, "new": n} for k, (o, n) in revision.changes.items()}
    return data


def engagement_document(archive: Archive, slug: str) -> dict[str, Any]:
    """An engagement as `timeline show SLUG --json` prints it, as JSON-ready data: its id,
    version and collection, its facts (defaults left out), whether it was retracted (and, if
    merged, the slug of the engagement that holds its record now), and the events behind it,
    oldest first.
    Raises NotFoundError for an unknown slug."""
    engagement = archive.get(slug)
    retraction = engagement.state.retraction
    survivor = archive.survivor(slug) if retraction else None
    return {
        "slug": slug,
        "id": str(engagement.id),
        "version": engagement.version,
        "collection": engagement.state.collection,
        "retracted": retraction.model_dump(mode="json") if retraction else None,
        "survivor": survivor.slug if survivor else None,
        "facts": engagement.facts.model_dump(mode="json", exclude_defaults=True),
        "events": [event_summary(e) for e in archive.history(slug)],
    }


def event_summary(event: Any) -> dict[str, Any]:
    """One stored event in brief: its version, type and time, and its reason and changes if it
    has them."""
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
