"""The schema of `timeline.db`: its tables and columns, indexes, full-text indexes, and the
tracking table that records how far the projector has read the store.

Imported by the web layer (the tracking table's name), so it imports nothing but sqlite-utils:
no store, no eventsourcing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.projection.collection_counts import COUNT_TRIGGERS, keep_collections_counted
from timeline.projection.country_facets import NAMES as COUNTRY_FACET_NAMES
from timeline.projection.country_facets import keep_country_facets_counted
from timeline.projection.counts import (
    COUNT_TABLES,
    PAGE_INDEXES,
    TRIGGER_NAMES,
    create_count_tables,
)
from timeline.projection.office_schema import OFFICE_INDEXES, OFFICE_TABLES

if TYPE_CHECKING:
    import sqlite_utils

TRACKING_TABLE = "_tracking"
HEAD_TABLE = "archive_head"
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

# The tables build.write_vocabularies writes from the code's vocabularies.
VOCABULARY_TABLES = ("countries", "kinds", "topics")

# (columns, primary key, foreign keys) of each table, in the order Datasette lists columns.
TABLES: dict[str, tuple[dict[str, type], str | tuple[str, ...], list[tuple[str, str, str]]]] = {
    "countries": (
        {
            "code": str, "name_en": str, "name_vi": str, "label": str, "historical": int,
            "valid_from": str, "valid_until": str, "international": int,
        },
        "code",
        [],
    ),
    "kinds": ({"key": str, "label_en": str, "label_vi": str, "label": str}, "key", []),
    # The collections (events.collections) with how many engagements each holds now.
    "collections": (
        {"name": str, "label": str, "description": str, "default_view": int, "engagements": int},
        "name",
        [],
    ),
    "topics": (
        {"key": str, "label_en": str, "label_vi": str, "description": str, "label": str}, "key", []
    ),
    "engagements": (
        {
            "slug": str, "id": str, "kind": str, "status": str, "title": str, "title_vi": str,
            "summary": str, "start_date": str, "end_date": str, "date_precision": str,
            "date_label": str, "date_phrase": str, "city": str, "country": str, "venue": str,
            "latitude": float, "longitude": float, "host": str, "guests": str, "countries": str,
            "series": str, "session": int, "part_of": str, "topics": str, "participants": int,
            "sources": int, "inferred_facts": str, "notes": str, "version": int,
            "recorded_at": str, "modified_at": str, "search_text": str, "collection": str,
        },
        "slug",
        [
            ("kind", "kinds", "key"),
            ("country", "countries", "code"),
            ("host", "countries", "code"),
            ("part_of", "engagements", "slug"),
            ("collection", "collections", "name"),
        ],
    ),
    "timeline": (
        {
            "country": str, "counterpart": str, "start_date": str, "end_date": str,
            "date_label": str, "kind": str, "title": str, "city": str, "place_country": str,
            "role": str, "status": str, "series": str, "session": int, "collection": str,
            "engagement": str,
        },
        ("country", "counterpart", "engagement"),
        [
            ("country", "countries", "code"),
            ("counterpart", "countries", "code"),
            ("kind", "kinds", "key"),
            ("engagement", "engagements", "slug"),
            ("collection", "collections", "name"),
        ],
    ),
    **OFFICE_TABLES,
    "persons": (
        {"id": str, "name": str, "variants": str, "country": str, "search_text": str},
        "id",
        [("country", "countries", "code")],
    ),
    "organisations": (
        {
            "id": str, "name": str, "abbreviation": str, "country": str, "name_local": str,
            "search_text": str,
        },
        "id",
        [("country", "countries", "code")],
    ),
    "participants": (
        {
            "engagement": str, "position": int, "person": str, "name": str, "variants": str,
            "title": str, "rank": str, "party_role": str, "organisation": str, "country": str,
            "role": str, "role_label": str, "start_date": str, "registry_conflict": str,
            "registry_entry": str, "individual": str,
        },
        ("engagement", "position"),
        [
            ("engagement", "engagements", "slug"),
            ("person", "persons", "id"),
            ("organisation", "organisations", "id"),
            ("country", "countries", "code"),
            ("registry_entry", "office_holders", "id"),
            ("individual", "people", "id"),
        ],
    ),
    "engagement_organisations": (
        {
            "engagement": str, "organisation": str, "name": str, "abbreviation": str,
            "country": str, "name_local": str, "start_date": str,
        },
        ("engagement", "organisation"),
        [("engagement", "engagements", "slug"), ("organisation", "organisations", "id")],
    ),
    "engagement_topics": (
        {"engagement": str, "topic": str},
        ("engagement", "topic"),
        [("engagement", "engagements", "slug"), ("topic", "topics", "key")],
    ),
    "sources": (
        {
            "engagement": str, "position": int, "document": str, "quote": str, "start": int,
            "end": int, "publisher": str, "url": str, "published": str,
            "published_inferred": int, "language": str, "note": str,
        },
        ("engagement", "position"),
        [("engagement", "engagements", "slug")],
    ),
    "evidence": (
        {
            "engagement": str, "position": int, "field": str, "document": str, "quote": str,
            "start": int, "end": int, "inferred": int, "note": str, "status": str,
            "correction": int,
        },
        ("engagement", "position"),
        [("engagement", "engagements", "slug")],
    ),
    "retractions": (
        {
            "slug": str, "title": str, "reason": str, "merged_into": str, "survivor": str,
            "retracted_at": str, "version": int,
        },
        "slug",
        [("survivor", "engagements", "slug")],
    ),
    "revisions": (
        {
            "engagement": str, "version": int, "event": str, "current_from": str,
            "current_until": str, "reason": str, "changes": str, "title": str,
            "retracted": int, "merged_into": str, "state": str, "collection": str,
            "countries": str,
        },
        ("engagement", "version"),
        [],
    ),
    "archive_head": (
        {"name": str, "position": int, "head": str},
        "name",
        [],
    ),
}  # fmt: skip

INDEXES = [
    ("engagements", ["start_date"]),
    ("engagements", ["kind", "start_date"]),
    ("engagements", ["country", "start_date"]),
    ("engagements", ["series", "session"]),
    ("engagements", ["part_of"]),
    ("timeline", ["country", "start_date"]),
    ("timeline", ["country", "counterpart", "start_date"]),
    ("timeline", ["engagement"]),
    # Covering indexes for the facets Datasette counts on a country's timeline (counterpart is
    # covered by the primary key), so a facet reads an index range, not the rows.
    ("timeline", ["country", "kind"]),
    ("timeline", ["country", "role"]),
    ("engagements", ["host", "start_date"]),
    ("participants", ["person", "start_date"]),
    ("participants", ["organisation"]),
    ("engagement_topics", ["topic", "engagement"]),
    # An organisation's row is made from the engagements naming it, latest first.
    ("engagement_organisations", ["organisation", "start_date", "engagement"]),
    ("revisions", ["current_until"]),
    ("retractions", ["survivor"]),
    # The Atom feed of changes, newest first.
    ("revisions", ["current_from"]),
    # The default facets and sort of each published table page (datasette_metadata.json): a
    # facet reads a covering index instead of the table. At 100k engagements `status` and
    # `date_precision` took 220-240 ms each, `participants.role` 480 ms and the participants
    # page's sort 1.1 s; 15-90 ms with these (bench/bench_visitor_pages.py).
    *[("engagements", [c]) for c in ("status", "date_precision")],
    *[("timeline", [c]) for c in ("counterpart", "kind", "role", "start_date")],
    *[("participants", [c]) for c in ("role", "country", "start_date")],
    *[("sources", [c]) for c in ("publisher", "language", "document")],
    *[("evidence", [c]) for c in ("inferred", "field", "document")],
    *[("revisions", [c]) for c in ("event", "retracted")],
    *OFFICE_INDEXES,
    # What an incremental build reads of each person it touches, without reading the rows: at
    # a million engagements a name of the generator's pool is in some 7,000 participants rows
    # (14,000 as a `persons` id), and reading them all cost more than the rest of the build.
    ("participants", ["individual", "name", "variants", "engagement", "start_date"]),
    ("participants", ["person", "variants"]),
    # Pages, feeds and `timeline list` keep the collections asked for (the security ones by
    # default): with the Office of the Historian's 7,530 engagements imported, Vietnam's
    # timeline holds 35, of which 12 are security engagements.
    ("engagements", ["collection", "start_date"]),
    # The Atom feed of one collection's changes, newest first.
    ("revisions", ["collection", "current_from"]),
    ("timeline", ["country", "collection", "start_date"]),
    ("timeline", ["country", "counterpart", "collection", "start_date"]),
]

ID_INDEX = ("engagements", ["id"])

FTS = {
    "engagements": ["title", "title_vi", "summary", "search_text"],
    "persons": ["name", "variants", "search_text"],
    "people": ["name", "variants", "search_text"],
    "organisations": ["name", "name_local", "abbreviation", "search_text"],
}


def create_tables(db: sqlite_utils.Database, *, indexes: bool = True) -> None:
    """The tables (and, unless a rebuild adds them after loading, their indexes), empty."""
    for name, (columns, pk, fks) in TABLES.items():
        db[name].create(columns, pk=pk, foreign_keys=fks, if_not_exists=True)
    # A correction looks its engagement up by id, during a rebuild's load too.
    db[ID_INDEX[0]].create_index(ID_INDEX[1], if_not_exists=True)
    if indexes:
        create_indexes(db)
    db[TRACKING_TABLE].create(
        {"name": str, "position": int, "updated_at": str}, pk="name", if_not_exists=True
    )


def create_indexes(db: sqlite_utils.Database) -> None:
    """The indexes, and the count tables with their triggers (timeline.projection.counts,
    collection_counts)."""
    for table, columns in INDEXES:
        db[table].create_index(columns, if_not_exists=True)
    create_count_tables(db)
    keep_collections_counted(db)
    keep_country_facets_counted(db)


def schema_complete(db: sqlite_utils.Database) -> bool:
    """Whether every table, index and search index is there: then an incremental build skips
    asking for each one, which took longer than projecting the one record of an append."""
    present = {row[0] for row in db.execute("select name from sqlite_master")}
    wanted = {*TABLES, TRACKING_TABLE, *COUNT_TABLES, *PAGE_INDEXES}
    wanted |= {f"{table}_fts" for table in FTS}
    wanted |= {*COUNT_TRIGGERS, *TRIGGER_NAMES, *COUNTRY_FACET_NAMES}
    wanted |= {f"idx_{table}_{'_'.join(columns)}" for table, columns in [*INDEXES, ID_INDEX]}
    return wanted <= present


def outdated(db: sqlite_utils.Database) -> bool:
    """Whether timeline.db was built by an earlier version, without a table or a column."""
    # One query for every table's columns: asking table by table took 10 ms of each build.
    found: dict[str, set[str]] = {}
    for table, column in db.execute(
        "select m.name, c.name from sqlite_master m, pragma_table_info(m.name) c "
        "where m.type = 'table'"
    ):
        found.setdefault(table, set()).add(column)
    return any(
        not set(columns) <= found.get(name, set())
        for name, (columns, *_) in TABLES.items()
        # A vocabulary table is rewritten, taking on a new column, whenever its rows differ
        # (build.write_vocabularies): no rebuild of the engagements for it.
        if name not in VOCABULARY_TABLES or name not in found
    )


def enable_search(db: sqlite_utils.Database) -> None:
    """Full-text indexes that ignore diacritics; triggers keep them current on later writes."""
    for table, columns in FTS.items():
        if not db[f"{table}_fts"].exists():
            db[table].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZER)


def position(db: sqlite_utils.Database, name: str) -> int:
    if not db[TRACKING_TABLE].exists():
        return 0
    row = db.execute(f"select position from {TRACKING_TABLE} where name = ?", [name]).fetchone()
    return row[0] if row else 0
