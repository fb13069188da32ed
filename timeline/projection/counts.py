"""Count tables of `timeline.db` that the charts read instead of counting a country's rows on
every first visit: engagements per country, counterpart, kind and year, and per country, topic
and year. Kept by triggers on the rows they count, so every write the projector makes (an
append, a correction, a retraction) keeps them exact, in the same transaction; a rebuild fills
them once, from the loaded tables, before it adds the triggers.

At 100,000 engagements the charts of the busiest country counted 220,000 timeline rows and
joined 100,000 topics on the first visit after each write: 160 ms and 730 ms
(bench/bench_visitor_pages.py); from these tables, a few thousand rows by the primary key."""

from __future__ import annotations

import sqlite_utils

YEAR_COUNTS = "timeline_year_counts"
TOPIC_COUNTS = "topic_year_counts"
COUNTRY_COUNTS = "country_counts"
FACET_COUNTS = "facet_counts"
COUNT_TABLES = (YEAR_COUNTS, TOPIC_COUNTS, COUNTRY_COUNTS, FACET_COUNTS)
# The default facets of the published table pages (datasette_metadata.json, facet type
# `counted`, timeline.web.facets): counted once per write instead of per page view.
FACETED = {
    "engagements": ("kind", "country", "host", "date_precision", "status", "series", "collection"),
    "timeline": ("country", "counterpart", "kind", "role", "collection"),
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
}

# A timeline row counts once for its country, counterpart, kind, collection and year (the
# pages show the security collections by default, any others on request).
_YEAR_ROWS = (
    "select {r}.country, {r}.counterpart, {r}.kind, {r}.collection, substr({r}.start_date, 1, 4)"
)
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


TRIGGERS = [
    *_triggers(YEAR_COUNTS, "timeline", _YEAR_ROWS, "country, counterpart, kind, collection, year"),
    *_triggers(TOPIC_COUNTS, "engagements", _TOPIC_ROWS, "country, topic, collection, year"),
    *_triggers(COUNTRY_COUNTS, "engagements", _COUNTRY_ROWS, "country, collection"),
    *[
        trigger.replace(f"{FACET_COUNTS}_a", f"{FACET_COUNTS}_{table}_a")
        for table in FACETED
        for trigger in _triggers(FACET_COUNTS, table, _facet_rows(table), "tbl, col, value")
    ],
]


def create_count_tables(db: sqlite_utils.Database) -> None:
    """The count tables, filled from the tables as they are, and the triggers that keep them:
    once per file (a rebuild's new file, or a file built before they existed)."""
    if all(db[table].exists() for table in COUNT_TABLES):
        return
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
        for table, columns in FACETED.items():
            for column in columns:
                db.execute(
                    f"insert into {FACET_COUNTS} select '{table}', '{column}', [{column}], "
                    f"count(*) from [{table}] where [{column}] is not null group by [{column}]"
                )
        for trigger in TRIGGERS:
            db.execute(trigger)
