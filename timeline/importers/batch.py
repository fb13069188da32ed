"""What an importer hands over: a `Batch` of engagements to record in one append, where each came
from, and what the report says about the reading (records read, merged, skipped)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # `timeline --help` and importers' option lists load no pydantic model
    from events import EngagementFacts


class Merged(Protocol):
    """Records that make one engagement (each becomes one of its sources), as the report says."""

    @property
    def documents(self) -> list[str]: ...

    def describe(self) -> str: ...


@dataclass
class Batch:
    """What an importer read: the engagements, where each came from, and what it merged or
    skipped. `Archive.append(batch.records, origins=batch.origins, collection=batch.collection,
    collections=batch.collections)` records them."""

    records: list[EngagementFacts] = field(default_factory=list)
    # slug -> `file: record id` of the record it came from, for messages about an engagement
    origins: dict[str, str] = field(default_factory=dict)
    # the collection (events.collections) the engagements join, and another for some slugs
    collection: str = "curated"
    collections: dict[str, str] = field(default_factory=dict)
    # records read, valid or not
    read: int = 0
    # engagements that two or more records make
    merged: list[Merged] = field(default_factory=list)
    # (file, record id, reason) of records that make no valid engagement
    skipped: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def merged_duplicates(self) -> int:
        """Records folded into another record's engagement."""
        return sum(len(m.documents) - 1 for m in self.merged)

    def what_was_read(self) -> str:
        """How the report's summary opens: `8 read`; an importer may say more."""
        return f"{self.read} read"
