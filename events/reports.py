"""Another report of a recorded engagement: what it adds to the record as it stands.

Two articles reporting one engagement (a Vietnamese and an English report of one dialogue) do
not state word for word the same facts: titles, spellings of names and the topics each mentions
differ. The archive keeps the engagement as recorded and takes the second report as a new
source, with that report's evidence for the facts both state alike."""

from __future__ import annotations

from events.facts import EngagementFacts, Evidence, Source

# Facts a report states as one value; a report's evidence for them is kept when both agree.
SINGLE_VALUED = (
    "kind",
    "status",
    "date",
    "place",
    "host",
    "guests",
    "series",
    "session",
    "part_of",
)


def new_documents(
    report: EngagementFacts, recorded: EngagementFacts
) -> list[tuple[Source, list[Evidence]]]:
    """The documents of `report` that `recorded` does not cite, each with the report's evidence
    for the single-valued facts on which the two agree. Evidence for list items
    (`participants[2]`) is left out: the two reports may list them in another order."""
    known = {s.document for s in recorded.sources}
    added = [s for s in report.sources if s.document not in known]
    agree = {f for f in SINGLE_VALUED if _stated(report, f) == _stated(recorded, f)}
    return [
        (
            source,
            [
                e
                for e in report.evidence
                if e.document == source.document and e.root in agree and "[" not in e.field
            ],
        )
        for source in added
    ]


def _stated(facts: EngagementFacts, name: str) -> object:
    """A fact as both reports can state it: a date without the phrase each language writes."""
    value = getattr(facts, name)
    if name == "date":
        return (value.start, value.end, value.precision)
    return value
