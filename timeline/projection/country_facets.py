"""The published table pages' facets counted per country (`country_facet_counts`), for the pages
filtered to one country (`/timeline/engagements?country=VN`, `/timeline/timeline?country=VN`):
each default facet of `engagements` and `timeline` (counts.FACETED) and the engagements' topics
(their array facet), counted for the rows of each value of the table's `country` column. Kept
by triggers on the rows they count, in the writer's transaction, as counts.py keeps the
unfiltered ones; a rebuild fills the table once, from the loaded tables, before the triggers.

At 1,000,000 engagements the page of Vietnam's engagements by topic read 300,000 rows' topics
and seven columns (about 1 s, 21x plain Datasette's table page) and Vietnam's timeline grouped
630,000 index entries for each of its facets (5.8x): from this table, a few hundred rows by
its primary key. Only SQL here, so the schema (schema.py) can make it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.projection.counts import FACETED

if TYPE_CHECKING:
    import sqlite_utils

COUNTRY_FACET_COUNTS = "country_facet_counts"
# The column each table is filtered on, and the array column counted as Datasette's array
# facet counts it (a value once a row: an engagement's topics are distinct, the primary key of
# engagement_topics holds them so).
FILTER = "country"
ARRAYS = {"engagements": ("topics",)}
COUNTED = {
    table: (*FACETED[table], *ARRAYS.get(table, ())) for table in ("engagements", "timeline")
}

_COLUMNS = (
    "tbl text, country text, col text, value, n integer not null, "
    "primary key (tbl, country, col, value)"
)
_KEY = "tbl, country, col, value"
# A facet's most frequent values first without sorting them (a country's `series`: one a row).
ORDER_INDEX = ("idx_country_facet_counts_order", "(tbl, country, col, n desc, value)")


def _rows(table: str) -> str:
    """Each counted value of a row (of `{r}`, new or old) with the row's country."""
    parts = [
        f"select '{table}', {{r}}.{FILTER}, '{column}', {{r}}.[{column}] "
        f"where {{r}}.{FILTER} is not null and {{r}}.[{column}] is not null"
        for column in FACETED[table]
    ]
    parts += [
        f"select '{table}', {{r}}.{FILTER}, '{column}', j.value "
        f"from json_each({{r}}.[{column}]) j where {{r}}.{FILTER} is not null"
        for column in ARRAYS.get(table, ())
    ]
    return " union all ".join(parts)


def _triggers(table: str) -> dict[str, str]:
    rows = _rows(table)
    add = (
        f"insert into {COUNTRY_FACET_COUNTS} select *, 1 from ({rows.format(r='new')}) "
        f"where true on conflict ({_KEY}) do update set n = n + 1"
    )
    remove = (
        f"update {COUNTRY_FACET_COUNTS} set n = n - 1 where ({_KEY}) in "
        f"({rows.format(r='old')}); delete from {COUNTRY_FACET_COUNTS} where ({_KEY}) in "
        f"({rows.format(r='old')}) and n <= 0"
    )
    name = f"{COUNTRY_FACET_COUNTS}_{table}"
    return {
        f"{name}_ai": f"after insert on {table} begin {add}; end",
        f"{name}_ad": f"after delete on {table} begin {remove}; end",
        f"{name}_au": f"after update on {table} begin {remove}; {add}; end",
    }


TRIGGERS = {name: body for table in COUNTED for name, body in _triggers(table).items()}
NAMES = (COUNTRY_FACET_COUNTS, ORDER_INDEX[0], *TRIGGERS)


def keep_country_facets_counted(db: sqlite_utils.Database) -> None:
    """The table, filled from the tables as they are, its index and the triggers that keep it:
    once per file (a rebuild's, after loading; or a file built before it existed)."""
    present = {row[0] for row in db.execute("select name from sqlite_master")}
    if set(NAMES) <= present:
        return
    with db.atomic():
        for name in TRIGGERS:
            db.execute(f"drop trigger if exists {name}")
        db.execute(f"drop table if exists {COUNTRY_FACET_COUNTS}")
        db.execute(f"create table {COUNTRY_FACET_COUNTS} ({_COLUMNS})")
        fill(db)
        db.execute(f"create index {ORDER_INDEX[0]} on {COUNTRY_FACET_COUNTS} {ORDER_INDEX[1]}")
        for name, body in TRIGGERS.items():
            db.execute(f"create trigger {name} {body}")


def fill(db: sqlite_utils.Database) -> None:
    """The counts of the rows as they are."""
    for table in COUNTED:
        if table in READ_ONCE:
            _fill_read_once(db, table)
            continue
        for column in FACETED[table]:
            db.execute(
                f"insert into {COUNTRY_FACET_COUNTS} select '{table}', {FILTER}, '{column}', "
                f"[{column}], count(*) from [{table}] where {FILTER} is not null "
                f"and [{column}] is not null group by {FILTER}, [{column}]"
            )


# Tables without an index per (country, column): their rows are read once, into the
# combinations of the counted values they hold, then each column is summed from those. At
# 100,000 engagements a grouping per column read the rows eight times (about 0.3 s of CPU each,
# most of it reading records past their long text to the later columns); once: 0.5 s for the
# seven columns, 0.5 s for the topics. The timeline's columns are read from its (country,
# column) indexes, already in order: 0.25 s for its five.
READ_ONCE = ("engagements",)


def _fill_read_once(db: sqlite_utils.Database, table: str) -> None:
    columns = ", ".join(f"[{c}]" for c in FACETED[table] if c != FILTER)
    db.execute("drop table if exists temp.country_facet_combinations")
    db.execute(
        f"create temp table country_facet_combinations as select {FILTER}, {columns}, "
        f"count(*) as n from [{table}] where {FILTER} is not null group by {FILTER}, {columns}"
    )
    for column in FACETED[table]:
        db.execute(
            f"insert into {COUNTRY_FACET_COUNTS} select '{table}', {FILTER}, '{column}', "
            f"[{column}], sum(n) from temp.country_facet_combinations "
            f"where [{column}] is not null group by {FILTER}, [{column}]"
        )
    db.execute("drop table temp.country_facet_combinations")
    for column in ARRAYS.get(table, ()):
        db.execute(
            f"insert into {COUNTRY_FACET_COUNTS} select '{table}', t.{FILTER}, "
            f"'{column}', j.value, count(*) from [{table}] t, json_each(t.[{column}]) j "
            f"where t.{FILTER} is not null group by t.{FILTER}, j.value"
        )
