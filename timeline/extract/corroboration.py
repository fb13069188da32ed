"""A second report of a recorded engagement, as its corroboration.

Two articles reporting one engagement give drafts with one slug (see `draft._titles`), but not
word for word the same facts. `timeline append --as-source` (`Archive.append(as_source=True)`)
records such a draft as a new source of the engagement as recorded; `corroboration` gives the
same result as facts, for a caller that wants to see them first (`events.reports`)."""

from __future__ import annotations

from events.facts import EngagementFacts
from events.reports import new_documents


def corroboration(draft: EngagementFacts, recorded: EngagementFacts) -> EngagementFacts:
    """The recorded engagement with the draft's new documents added as sources, with the draft's
    evidence for the single-valued facts on which both agree. Raises ValueError when the slugs
    differ or the draft names a document the record already cites."""
    if draft.slug != recorded.slug:
        raise ValueError(f"{draft.slug}: not the engagement recorded as {recorded.slug}")
    known = {s.document for s in recorded.sources}
    if any(s.document in known for s in draft.sources):
        raise ValueError(f"{draft.slug}: the record already cites this document")
    added = new_documents(draft, recorded)
    return recorded.model_copy(
        update={
            "sources": [*recorded.sources, *(s for s, _ in added)],
            "evidence": [*recorded.evidence, *(e for _, es in added for e in es)],
        }
    )
