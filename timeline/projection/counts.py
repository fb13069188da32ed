"""Count tables of `timeline.db` that the charts read instead of counting a country's rows on
every first visit: engagements per country, counterpart, kind and year (and per country,
collection and year, whatever the counterpart), and per country, topic and year. Kept by
triggers on the rows they count, so every write the projector makes (an append, a correction,
a retraction) keeps them exact, in the same transaction; a rebuild fills them once, from the
loaded tables, before it adds the triggers.

At 100,000 engagements the charts of the busiest country counted 220,000 timeline rows and
joined 100,000 topics on the first visit after each write: 160 ms and 730 ms
(bench/bench_visitor_pages.py); from these tables, a few thousand rows by the primary key."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


YEAR_COUNTS = "timeline_year_counts"
TOPIC_COUNTS = "topic_year_counts"
COUNTRY_COUNTS = "country_counts"
FACET_COUNTS = "facet_counts"
TIMELINE_COUNTS = "country_timeline_counts"
YEAR_TOTALS = "timeline_year_totals"
COUNT_TABLES = (
    YEAR_COUNTS,
    TOPIC_COUNTS,
    COUNTRY_COUNTS,
    FACET_COUNTS,
    TIMELINE_COUNTS,
    YEAR_TOTALS,
)
# The default facets of the published table pages (datasette_metadata.json, facet type
# `counted`, timeline.web.facets): counted once per write instead of per page view.
FACETED = {
    "engagements": ("kind", "country", "host", "date_precision", "status", "series", "collection"),
    "timeline": ("country", "counterpart", "kind", "role", "collection"),
    # At 100,000 engagements Datasette grouped 328,000 participants and 167,000 sources for
    # these on every view: 45 ms a facet, 150 ms for `document` (each source its own), 1.1x and
    # 1.6x plain Datasette's table page.
    "participants": ("role", "country", "organisation"),
    "sources": ("publisher", "language", "document"),
    # Grouped on every view of the evidence page, `document` (nearly one a row) sorted 30,000
    # values: 18 ms of its 38 ms of SQL on the first visit after an append at 100,000
    # engagements, 1.28x plain Datasette's table page (bench/bench_visitor_pages.py).
    "evidence": ("status", "inferred", "field", "document"),
    # Grouped on every view, warm or not: 205,000 rows at 100,000 engagements, 16.8 ms of SQL
    # a view (the plain table page's whole SQL is about 3 ms), ten times that at a million.
    "engagement_organisations": ("organisation",),
}

_TABLES = {
    YEAR_COUNTS: (
        "country text, counterpart text, kind text, collection text, year text, "
        "n integer not null, primary key (country, counterpart, kind, collection, year)"
    ),
    TOPIC_COUNTS: "country text, topic text, collection text, year text, n integer not null, "
    "primary key (country, topic, collection, year)",
    COUNTRY_COUNTS: "country text, collection text, n integer not null, "
    "primary key (country, collection)",
    FACET_COUNTS: "tbl text, col text, value, n integer not null, primary key (tbl, col, value)",
    TIMELINE_COUNTS: "country text, collection text, n integer not null, "
    "primary key (country, collection)",
    YEAR_TOTALS: "country text, collection text, year text, n integer not null, "
    "primary key (country, collection, year)",
}

# A timeline row counts once for its country, counterpart, kind, collection and year (the
# pages show the security collections by default, any others on request).
_YEAR_ROWS = (
    "select {r}.country, {r}.counterpart, {r}.kind, {r}.collection, substr({r}.start_date, 1, 4)"
)
# A timeline row counts once for its country, collection and year, whatever its counterpart: the
# charts' "others" of a year are that year's rows less the counterparts drawn. Folded from
# `timeline_year_counts` on each first visit after a write, Vietnam's 18,000 (counterpart,
# kind, collection, year) counts were sorted by year: 9.4 of the charts' 15 ms of SQL at
# 100,000 engagements (its p95 1.13x the plain table page's); from this table and the drawn
# counterparts' own counts, 0.7 ms.
_YEAR_TOTAL_ROWS = "select {r}.country, {r}.collection, substr({r}.start_date, 1, 4)"
# An engagement counts once for each of its countries and topics, in its collection and year.
_TOPIC_ROWS = (
    "select c.value, t.value, {r}.collection, substr({r}.start_date, 1, 4) "
    "from json_each({r}.countries) c, json_each({r}.topics) t"
)

# An engagement counts once for each of its countries, in its collection (the index of timelines).
_COUNTRY_ROWS = "select c.value, {r}.collection from json_each({r}.countries) c"


def _facet_rows(table: str) -> str:
    """Each faceted column's value of a row (of `{r}`, new or old), when it has one."""
    return " union all ".join(
        f"select '{table}', '{column}', {{r}}.[{column}] where {{r}}.[{column}] is not null"
        for column in FACETED[table]
    )


def _triggers(table: str, source: str, rows: str, key: str) -> list[str]:
    add = (
        f"insert into {table} select *, 1 from ({rows.format(r='new')}) where true "
        f"on conflict ({key}) do update set n = n + 1"
    )
    remove = (
        f"update {table} set n = n - 1 where ({key}) in ({rows.format(r='old')}); "
        f"delete from {table} where ({key}) in ({rows.format(r='old')}) and n <= 0"
    )
    return [
        f"create trigger if not exists {table}_ai after insert on {source} begin {add}; end",
        f"create trigger if not exists {table}_ad after delete on {source} begin {remove}; end",
        f"create trigger if not exists {table}_au after update on {source} begin "
        f"{remove}; {add}; end",
    ]


# The engagements in a country's timeline, per collection (the legend of its timeline and
# charts pages): an engagement has a row there for each counterpart, so it counts when its first
# row for that country comes and uncounts when its last goes. Counted from the rows on the first
# visit after each write, they took 150 ms at 100,000 engagements (Vietnam's 63,000 rows).
_OTHER_ROW = (
    "select 1 from timeline x where x.engagement = {r}.engagement and x.country = {r}.country "
    "and x.collection is {r}.collection"
)
_TIMELINE_ADD = (
    f"insert into {TIMELINE_COUNTS} select new.country, new.collection, 1 "
    f"where not exists ({_OTHER_ROW.format(r='new')} and x.rowid != new.rowid) "
    "on conflict (country, collection) do update set n = n + 1"
)
_TIMELINE_REMOVE = (
    f"update {TIMELINE_COUNTS} set n = n - 1 where country = old.country "
    f"and collection is old.collection and not exists ({_OTHER_ROW.format(r='old')}); "
    f"delete from {TIMELINE_COUNTS} where country = old.country "
    "and collection is old.collection and n <= 0"
)
_TIMELINE_TRIGGERS = [
    f"create trigger if not exists {TIMELINE_COUNTS}_ai after insert on timeline begin "
    f"{_TIMELINE_ADD}; end",
    f"create trigger if not exists {TIMELINE_COUNTS}_ad after delete on timeline begin "
    f"{_TIMELINE_REMOVE}; end",
    # Only when the row moves to another country, engagement or collection: else it stays
    # counted as it was.
    f"create trigger if not exists {TIMELINE_COUNTS}_au after update on timeline "
    "when old.country is not new.country or old.engagement is not new.engagement "
    f"or old.collection is not new.collection begin {_TIMELINE_REMOVE}; {_TIMELINE_ADD}; end",
]


TRIGGERS = [
    *_TIMELINE_TRIGGERS,
    *_triggers(YEAR_COUNTS, "timeline", _YEAR_ROWS, "country, counterpart, kind, collection, year"),
    *_triggers(YEAR_TOTALS, "timeline", _YEAR_TOTAL_ROWS, "country, collection, year"),
    *_triggers(TOPIC_COUNTS, "engagements", _TOPIC_ROWS, "country, topic, collection, year"),
    *_triggers(COUNTRY_COUNTS, "engagements", _COUNTRY_ROWS, "country, collection"),
    *[
        trigger.replace(f"{FACET_COUNTS}_a", f"{FACET_COUNTS}_{table}_a")
        for table in FACETED
        for trigger in _triggers(FACET_COUNTS, table, _facet_rows(table), "tbl, col, value")
    ],
]


# An incremental build remakes an organisation's row from the latest engagement that gives each
# field (projector._named_rows_sql). For a field that none of its engagements gives, that search
# walked the organisation's whole index range, reading each row: at 100,000 engagements an
# append naming three foreign organisations without a local name read 5,080 pages of
# timeline.db (31 ms of a 0.25 s `timeline append`). These partial indexes hold only the rows
# that give the field, so the search reads a few pages; SQLite's planner does not pick them by
# itself (with or without statistics), so the search names them. `country` is given by nearly
# every record: its search stops at the first row without one. (table, field) -> index.
LATEST_GIVEN = {
    ("engagement_organisations", field): (
        f"idx_engagement_organisations_latest_{field}",
        f"(organisation, start_date, engagement) where {field} is not null",
    )
    for field in ("abbreviation", "name_local")
}

# Partial and covering indexes a page or an incremental build reads (sqlite-utils makes
# whole-column indexes only).
# `registry_contradictions` lists the 1.3% of participants that contradict the office registry
# by date: without stats SQLite walks the start_date index through all 328,000 participants at
# 100,000 engagements to find the first 1,001 (140 ms); this index holds those rows only.
PAGE_INDEXES = {
    # A facet's most frequent values first, without sorting a column of 167,000 values.
    "idx_facet_counts_order": f"on {FACET_COUNTS} (tbl, col, n desc, value)",
    "idx_participants_registry_conflicts": (
        "on participants (start_date, engagement, position) where registry_conflict is not null"
    ),
    # A pair's engagements with their dates and collection, in engagement order, for the pair
    # charts' topics over time (joined to engagement_topics in the same order): from the
    # primary key and each row, 60 ms for Vietnam and the US at 100,000 engagements (4,202
    # rows) on every first visit after a write, 1.8x plain Datasette's table page; 20 ms.
    "idx_timeline_pair_engagements": (
        "on timeline (country, counterpart, engagement, start_date, collection)"
    ),
    **{name: f"on {table} {spec}" for (table, _), (name, spec) in LATEST_GIVEN.items()},
}


# The triggers' names: a file that lacks one was built before its table was counted.
TRIGGER_NAMES = tuple(re.findall(r"create trigger if not exists (\S+)", " ".join(TRIGGERS)))


def create_count_tables(db: sqlite_utils.Database) -> None:
    """The count tables, filled from the tables as they are, and the triggers that keep them:
    once per file (a rebuild's new file, or a file built before they, or one of the tables
    they count, existed); and the pages' partial indexes."""
    present = {row[0] for row in db.execute("select name from sqlite_master")}
    if not {*COUNT_TABLES, *TRIGGER_NAMES} <= present:
        fill_count_tables(db)
    analyzed = "sqlite_stat1" in present
    for name, spec in PAGE_INDEXES.items():
        if name in present:
            continue
        db.execute(f"create index {name} {spec}")
        if analyzed:
            # Statistics for the new index, as the rebuild's ANALYZE gives every index: without
            # them the planner took idx_timeline_pair_engagements for Vietnam's whole timeline
            # (the canned country_timeline: 2.5 ms -> 1,563 ms at 100,000 engagements).
            db.execute("PRAGMA analysis_limit = 1000")
            db.execute(f"analyze {name}")


def fill_count_tables(db: sqlite_utils.Database) -> None:
    # atomic: a savepoint inside a caller's transaction (a benchmark's baseline builds its
    # indexes in one), its own transaction otherwise.
    with db.atomic():
        for table, columns in _TABLES.items():
            db.execute(f"drop table if exists {table}")
            db.execute(f"create table {table} ({columns})")
        db.execute(
            f"insert into {YEAR_COUNTS} select country, counterpart, kind, collection, year, "
            f"count(*) from ({_YEAR_ROWS.format(r='t')} as year from timeline t) "
            "group by 1, 2, 3, 4, 5"
        )
        db.execute(
            f"insert into {YEAR_TOTALS} select country, collection, year, sum(n) "
            f"from {YEAR_COUNTS} group by 1, 2, 3"
        )
        db.execute(
            f"insert into {TOPIC_COUNTS} select c, t, k, y, count(*) from "
            f"(select c.value as c, t.value as t, e.collection as k, "
            "substr(e.start_date, 1, 4) as y from "
            "engagements e, json_each(e.countries) c, json_each(e.topics) t) "
            "group by 1, 2, 3, 4"
        )
        db.execute(
            f"insert into {COUNTRY_COUNTS} select c.value, e.collection, count(*) "
            "from engagements e, json_each(e.countries) c group by 1, 2"
        )
        db.execute(
            f"insert into {TIMELINE_COUNTS} select country, collection, "
            "count(distinct engagement) from timeline group by country, collection"
        )
        for table, columns in FACETED.items():
            for column in columns:
                db.execute(
                    f"insert into {FACET_COUNTS} select '{table}', '{column}', [{column}], "
                    f"count(*) from [{table}] where [{column}] is not null group by [{column}]"
                )
        for trigger in TRIGGERS:
            db.execute(trigger)
