"""A second report of a recorded engagement, as its corroboration.

Two articles reporting one engagement (a Vietnamese and an English report of one dialogue) give
drafts with one slug (see `draft._titles`), but not word for word the same facts: titles,
spellings of names and the topics each report mentions differ. The archive records an
engagement once and adds a report only as a new source of the facts as recorded, so the second
draft is appended as the recorded facts plus its document, with its evidence for the facts both
reports state alike."""

from __future__ import annotations

from events.facts import EngagementFacts

# facts a report states as one value; evidence for them carries over when both reports agree
_SINGLE = ("kind", "status", "date", "place", "host", "guests", "series", "session", "part_of")


def corroboration(draft: EngagementFacts, recorded: EngagementFacts) -> EngagementFacts:
    """The recorded engagement with the draft's new documents added as sources.

    Evidence of the draft is kept for the single-valued facts on which it agrees with the
    record; evidence for list items (`participants[2]`) is left out, since the two reports may
    list them in another order. Raises ValueError when the slugs differ or the draft names a
    document the record already cites."""
    if draft.slug != recorded.slug:
        raise ValueError(f"{draft.slug}: not the engagement recorded as {recorded.slug}")
    known = {s.document for s in recorded.sources}
    if any(s.document in known for s in draft.sources):
        raise ValueError(f"{draft.slug}: the record already cites this document")
    documents = {s.document for s in draft.sources}
    agree = {f for f in _SINGLE if _value(draft, f) == _value(recorded, f)}
    evidence = [
        e
        for e in draft.evidence
        if e.document in documents and e.root in agree and "[" not in e.field
    ]
    return recorded.model_copy(
        update={
            "sources": [*recorded.sources, *draft.sources],
            "evidence": [*recorded.evidence, *evidence],
        }
    )


def _value(facts: EngagementFacts, name: str) -> object:
    """A fact as both reports can state it: a date without the phrase each language writes."""
    value = getattr(facts, name)
    if name == "date":
        return (value.start, value.end, value.precision)
    return value
