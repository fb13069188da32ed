"""An engagement's history told for people: each revision, when, what changed, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from events import EngagementState


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
