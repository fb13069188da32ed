"""Datasette plugin: two facets read from what the projector keeps instead of every row's columns.

- The `counted` facet type, a column facet that reads an unfiltered table's counts from the
  count table the projector keeps (`facet_counts`, timeline.projection.counts) instead of
  grouping every row on each page view; filtered, searched or on a table without counts, it
  counts the rows as Datasette's column facet does. At 100,000 engagements the engagements
  page's six default facets and the timeline page's four grouped 100,000 and 220,000 rows on
  every view (15-240 ms each with covering indexes, most of both pages' time); from the count
  table, a few dozen rows by primary key.
- Datasette's array facet (`_facet_array=COLUMN`), for an array column whose values the
  projector also keeps a row each in a link table (`engagements.topics`, `engagement_topics`),
  counts the link table's rows of the rows shown instead of parsing and de-duplicating every
  row's JSON with all its columns: Vietnam's engagements by topic at 100,000 engagements,
  678 ms -> 71 ms of SQL. The same counts (a value once a row, as Datasette counts it), the
  same result; other array columns are Datasette's.

Registered through the `datasette` entry point `timeline_facets`; the counted facets are used by
the metadata's `{"counted": COLUMN}` facets."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, quote_plus, urlencode

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ArrayFacet, ColumnFacet
from datasette.utils import (
    escape_sqlite,
    path_with_added_args,
    path_with_removed_args,
    sqlite_timelimit,
)

from timeline.projection.country_facets import ARRAYS, COUNTED, COUNTRY_FACET_COUNTS
from timeline.projection.counts import FACET_COUNTS, FACETED
from timeline.web.country_filter import one_country
from timeline.web.pages.counts import cached

# Tables whose facets have covering indexes for the filter their pages take (a country's
# timeline: timeline.projection.schema), so Datasette's one query per facet reads indexes, not
# rows: Vietnam's timeline's four facets at 100,000 engagements, 111 ms of SQL read once from
# the rows against 59 ms for the whole page counted per facet.
FACETS_INDEXED = {"timeline"}

UNFILTERED = re.compile(r"^\s*select .* from \S+\s*$", re.S | re.I)


class Page(NamedTuple):
    """What a page's facets share, worked out once a page instead of once a facet (the
    facet size reads the metadata; on each first visit after a write the engagements page's
    seven facets and their 210 links took 3-4 ms of CPU more than the plain table page at
    100,000 engagements, at a load of 14): the values shown a facet, the query string's
    pairs, and the start of a link that adds a filter (`added_links`)."""

    size: int
    pairs: list[tuple[str, str]]
    added: str


class CountedFacet(ColumnFacet):
    type = "counted"

    def unfiltered(self) -> bool:
        """Whether the page shows every row of a table whose facets are counted."""
        if self.table not in FACETED or self.params:
            return False
        return bool(UNFILTERED.match(self.sql)) and " where " not in self.sql.lower()

    def column_configs(self) -> list[tuple[str, dict[str, Any]]]:
        """Each facet asked for, with the column it counts."""
        return [(c["config"].get("column") or c["config"]["simple"], c) for c in self.get_configs()]

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        if not self.unfiltered():
            country = one_country(self.table, self.sql, self.params)
            if country is not None:
                return await self.counted_per_country(country)
            return await self.counted_from_rows()
        configs = self.column_configs()
        if any(column not in FACETED[self.table] for column, _ in configs):
            return await self.counted_from_rows()
        # Kept until the file changes, as the pages' counts are, per URL (the toggles link to
        # it): the engagements page's seven facets, their labels and links took 4 ms of the
        # event loop and six trips to the SQL threads on every view at 100,000 engagements.
        db = self.ds.databases[self.database]
        key = ("facets", self.database, self.table, repr(configs), str(self.request.url))
        try:
            results = await cached(db, key, lambda: self.from_counts(configs))
        except sqlite3.OperationalError:  # a file built before the count tables
            return await self.counted_from_rows()
        # A copy: Datasette's table view files the results it is given into its own context.
        return copied(results), []

    async def from_counts(self, configs: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
        columns = [column for column, _ in configs]
        sql, params = kept_counts_sql(self.table, columns, self.get_facet_size())
        kept, labels = await self.counts_and_labels(columns, sql, params)
        return self.described_with(configs, [kept.get(c, []) for c, _ in configs], labels, False)

    async def counts_and_labels(
        self, columns: list[str], sql: str, params: list[Any]
    ) -> tuple[dict[str, list[tuple[Any, int]]], dict[tuple[str, Any], Any]]:
        """The facets' kept counts (`sql`) and the labels of the values shown, in one trip to
        an SQL thread instead of two: on each first visit after a write the engagements page
        awaited both in turn, and under a load of 8-10 on this machine a trip took 5-14 ms."""
        plan = await label_plan(self.ds, self.database, self.table, columns)
        size = self.get_facet_size()
        limit = self.ds.sql_time_limit_ms

        def read(conn: sqlite3.Connection) -> Any:
            with sqlite_timelimit(conn, limit):
                try:
                    rows = conn.execute(sql, params).fetchall()
                except sqlite3.OperationalError as e:
                    if e.args == ("interrupted",):
                        raise QueryInterrupted(e, sql, params) from e
                    raise
            kept: dict[str, list[tuple[Any, int]]] = {}
            for col, value, n in rows:
                kept.setdefault(col, []).append((value, n))
            shown = {column: [v for v, _ in kept.get(column, [])[:size]] for column in columns}
            return kept, read_labels(conn, plan, shown, limit)

        return await self.ds.databases[self.database].execute_fn(read)

    async def counted_per_country(self, country: str) -> tuple[list[dict[str, Any]], list[str]]:
        """The facets of one country's rows from the counts kept per country, kept until the
        file changes per URL; counted from the rows if a facet is not kept or the file was
        built before the counts."""
        configs = self.column_configs()
        if any(column not in COUNTED[self.table] for column, _ in configs):
            return await self.counted_from_rows()
        db = self.ds.databases[self.database]
        key = ("country facets", self.database, self.table, repr(configs), str(self.request.url))
        try:
            results = await cached(db, key, lambda: self.from_country_counts(country, configs))
        except sqlite3.OperationalError:  # a file built before the counts per country
            return await self.counted_from_rows()
        return copied(results), []

    async def from_country_counts(
        self, country: str, configs: list[tuple[str, dict[str, Any]]]
    ) -> list[dict[str, Any]]:
        columns = [column for column, _ in configs]
        sql, params = country_counts_sql(self.table, country, columns, self.get_facet_size())
        kept, labels = await self.counts_and_labels(columns, sql, params)
        return self.described_with(configs, [kept.get(c, []) for c, _ in configs], labels, True)

    async def counted_from_rows(self) -> tuple[list[dict[str, Any]], list[str]]:
        if self.table in FACETS_INDEXED:
            results, timed_out = await super().facet_results()
            for result in results:
                result["type"] = "column"
            return results, timed_out
        return await self.counted_in_one_scan()

    async def counted_in_one_scan(self) -> tuple[list[dict[str, Any]], list[str]]:
        """`scanned`, kept until the file changes per URL unless a facet took too long: a
        search table page's seven facets (`?_search=nguyen+van+hung` at 100,000 engagements)
        were counted again on every view."""
        db = self.ds.databases[self.database]
        key = ("facets of rows", self.database, self.table, self.sql, repr(self.params))
        key += (repr(self.column_configs()), str(self.request.url))
        results, timed_out = await cached(db, key, self.scanned, keep=lambda found: not found[1])
        return copied(results), timed_out

    async def scanned(self) -> tuple[list[dict[str, Any]], list[str]]:
        """Each facet of the rows shown, as Datasette's column facet counts it, in one query
        that reads the rows once (a CTE materialized once, then grouped per column) instead of
        one query per facet, each reading the rows again (and searching again on a search
        page): Vietnam's engagements' seven facets at 100,000 engagements, 170 -> 74 ms of
        SQL, the same counts."""
        configs = self.column_configs()
        if not configs:
            return [], []
        try:
            counted = await self.ds.execute(
                self.database,
                self.counting_sql([column for column, _ in configs]),
                self.params,
                truncate=False,
                custom_time_limit=self.ds.setting("facet_time_limit_ms"),
            )
        except QueryInterrupted:
            return [], [column for column, _ in configs]
        rows: dict[int, list[tuple[Any, int]]] = {}
        for position, value, count in counted.rows:
            rows.setdefault(position, []).append((value, count))
        return await self.described(
            configs, [rows.get(p, []) for p in range(len(configs))], True
        ), []

    def counting_sql(self, columns: list[str]) -> str:
        """Each column's most frequent values among the rows shown, by the column's position."""
        limit = self.get_facet_size() + 1
        read = ", ".join(escape_sqlite(column) for column in columns)
        counts = " union all ".join(
            f"select * from (select {position} as position, {escape_sqlite(column)} as value, "
            f"count(*) as count from shown where {escape_sqlite(column)} is not null "
            f"group by {escape_sqlite(column)} order by count desc, value limit {limit})"
            for position, column in enumerate(columns)
        )
        return f"with shown as materialized (select {read} from ({self.sql})) {counts}"

    async def described(
        self,
        configs: list[tuple[str, dict[str, Any]]],
        counted: list[list[tuple[Any, int]]],
        toggles: bool,
    ) -> list[dict[str, Any]]:
        """Each facet asked for as Datasette's column facet describes it, from its (value,
        count) rows, with its values' labels looked up in one query; `toggles`: its link
        takes the facet off the page's URL (as Datasette's), else it is the page's path."""
        size = self.get_facet_size()
        shown = {
            column: [v for v, _ in rows[:size]]
            for (column, _), rows in zip(configs, counted, strict=True)
        }
        labels = await facet_labels(self.ds, self.database, self.table, shown)
        return self.described_with(configs, counted, labels, toggles)

    def described_with(
        self,
        configs: list[tuple[str, dict[str, Any]]],
        counted: list[list[tuple[Any, int]]],
        labels: dict[tuple[str, Any], Any],
        toggles: bool,
    ) -> list[dict[str, Any]]:
        """`described`, with the values' labels given."""
        page = Page(self.get_facet_size(), self.get_querystring_pairs(), self.added_links())
        results = []
        for (column, source_and_config), rows in zip(configs, counted, strict=True):
            facet = self.facet(column, source_and_config["source"], rows, labels, page)
            if toggles:
                facet["toggle_url"] = self.ds.urls.path(
                    path_with_removed_args(self.request, {"_facet": column})
                )
            results.append(facet)
        return results

    def added_links(self) -> str:
        """The start of a link that adds a filter to the page, as Datasette writes it
        (`absolute_url` of `path_with_added_args`), made once a page instead of once a value:
        parsing the query string and joining the URL for each of the engagements page's 210
        values took most of the 25 ms of CPU its facets cost on a first visit after a write
        (load 10)."""
        kept = urlencode(parse_qsl(self.request.query_string))
        page = self.ds.absolute_url(self.request, self.ds.urls.path(self.request.path))
        return f"{page}?{kept}&" if kept else f"{page}?"

    def facet(
        self,
        column: str,
        source: str,
        rows: list[tuple[Any, int]],
        labels: dict[Any, Any],
        page: Page,
    ) -> dict[str, Any]:
        """The facet as Datasette's column facet describes it, from (value, count) rows."""
        size = page.size
        shown = rows[:size]
        pairs = page.pairs
        # As Datasette's column facet: a value the page is filtered on is selected, and its
        # link takes the filter off.
        column_qs = f"{column}__exact" if column.startswith("_") else column
        # A link adds `column=value` to the page's, as `urlencode` writes the pair, the
        # column's part once a facet.
        added = f"{page.added}{quote_plus(column_qs)}="
        values = []
        for value, count in shown:
            selected = (column_qs, str(value)) in pairs
            if selected:
                toggle = path_with_removed_args(self.request, {column_qs: str(value)})
                link = self.ds.absolute_url(self.request, self.ds.urls.path(toggle))
            else:
                link = added + quote_plus(value if isinstance(value, str | bytes) else str(value))
            values.append(
                {
                    "value": value,
                    "label": labels.get((column, value), value),
                    "count": count,
                    "toggle_url": link,
                    "selected": selected,
                }
            )
        return {
            "name": column,
            "type": "column",
            "hideable": source != "metadata",
            "toggle_url": self.ds.urls.path(self.request.path),
            "results": values,
            "truncated": len(rows) > size,
        }


def kept_counts_sql(table: str, columns: list[str], size: int) -> tuple[str, list[Any]]:
    """Each column's most frequent values, from the count table, in one query: one trip to
    an SQL thread instead of one per facet (seven on the engagements page, each awaited in
    turn); up to `size` + 1 a column (one more than shown, so a facet knows it is
    truncated)."""
    if not columns:
        return "select null, null, null where 0", []
    one = (
        f"select * from (select col, value, n from {FACET_COUNTS} where tbl = ? and col = ? "
        "and n > 0 order by n desc, value limit ?)"
    )
    params = [x for column in columns for x in (table, column, size + 1)]
    return " union all ".join(one for _ in columns), params


def country_counts_sql(
    table: str, country: str, columns: list[str], size: int
) -> tuple[str, list[Any]]:
    """Each column's most frequent values among one country's rows, from the counts kept per
    country, in one query: up to `size` + 1 a column."""
    if not columns:
        return "select null, null, null where 0", []
    one = (
        f"select * from (select col, value, n from {COUNTRY_FACET_COUNTS} where tbl = ? "
        "and country = ? and col = ? order by n desc, value limit ?)"
    )
    params = [x for column in columns for x in (table, country, column, size + 1)]
    return " union all ".join(one for _ in columns), params


async def country_counts(
    ds: Any, database: str, table: str, country: str, columns: list[str], size: int
) -> dict[str, list[tuple[Any, int]]]:
    """Each column's most frequent values among one country's rows (`country_counts_sql`),
    in one trip to an SQL thread."""
    if not columns:
        return {}
    sql, params = country_counts_sql(table, country, columns, size)
    result = await ds.execute(database, sql, params)
    kept: dict[str, list[tuple[Any, int]]] = {}
    for col, value, n in result.rows:
        kept.setdefault(col, []).append((value, n))
    return kept


# What labels a column's values: (the table and column its foreign key names, that table's
# label column, or None to show the values themselves).
LabelPlan = dict[str, tuple[str, str, str | None]]


async def label_plan(ds: Any, database: str, table: str, columns: list[str]) -> LabelPlan:
    """For each column with a foreign key, where its labels are, as Datasette's
    `expand_foreign_keys` finds them (both lookups kept per schema: no trip to an SQL
    thread once asked)."""
    db = ds.databases[database]
    foreign_keys = {fk["column"]: fk for fk in await db.foreign_keys_for_table(table)}
    plan: LabelPlan = {}
    for column in columns:
        fk = foreign_keys.get(column)
        if fk is not None:
            label_column = await db.label_column_for_table(fk["other_table"])
            plan[column] = (fk["other_table"], fk["other_column"], label_column or None)
    return plan


def read_labels(
    conn: sqlite3.Connection | None,
    plan: LabelPlan,
    values: dict[str, list[Any]],
    limit_ms: int,
) -> dict[tuple[str, Any], Any]:
    """Each (column, value)'s label, every column's in one query (in an SQL thread; without a
    connection when no column's labels are in a table); past the time limit, the labels
    found without a query."""
    labels: dict[tuple[str, Any], Any] = {}
    parts: list[str] = []
    params: list[Any] = []
    for column, shown in values.items():
        if column not in plan or not shown:
            continue
        other_table, other_column, label_column = plan[column]
        if label_column is None:
            labels.update({(column, value): str(value) for value in shown})
            continue
        distinct = list(set(shown))
        other = escape_sqlite(other_column)
        marks = ", ".join("?" * len(distinct))
        parts.append(
            f"select ? as col, {other}, {escape_sqlite(label_column)} from "
            f"{escape_sqlite(other_table)} where {other} in ({marks})"
        )
        params += [column, *distinct]
    if not parts or conn is None:
        return labels
    with sqlite_timelimit(conn, limit_ms):
        try:
            found = conn.execute(" union all ".join(parts), params).fetchall()
        except sqlite3.OperationalError as e:
            if e.args == ("interrupted",):
                return labels
            raise
    labels.update({(column, key): label for column, key, label in found})
    return labels


async def facet_labels(
    ds: Any, database: str, table: str, values: dict[str, list[Any]]
) -> dict[tuple[str, Any], Any]:
    """Each (column, value)'s label, as Datasette's `expand_foreign_keys` gives it, for every
    column in one query: one trip to an SQL thread instead of one per facet with a foreign key
    (four on the engagements page, each awaited in turn, on every first visit after a write)."""
    plan = await label_plan(ds, database, table, list(values))
    limit = ds.sql_time_limit_ms
    if not any(values.get(column) and plan[column][2] for column in plan):
        return read_labels(None, plan, values, limit)
    return await ds.databases[database].execute_fn(
        lambda conn: read_labels(conn, plan, values, limit)
    )


def copied(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A copy of kept facet results that Datasette's table view may change (it files them into
    its own context), down to each value's dict: the values are strings and numbers.
    `copy.deepcopy` of seven facets of 30 values took 8 ms at a load of 10, this 0.6 ms."""
    return [{**facet, "results": [dict(value) for value in facet["results"]]} for facet in results]


# Array columns whose values the projector also writes a row each in a link table
# (timeline.projection.rows): (table, column) -> (link table, its column naming the row, its
# column holding the value, the table's key that column names).
LINKED_ARRAYS = {("engagements", "topics"): ("engagement_topics", "engagement", "topic", "slug")}


class LinkedArrayFacet(ArrayFacet):
    """Datasette's array facet, counted from the link table where the column has one."""

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        """`counted`, kept until the file changes per URL unless a facet took too long."""
        db = self.ds.databases[self.database]
        key = ("array facets", self.database, self.table, self.sql, repr(self.params))
        key += (repr(self.get_configs()), str(self.request.url))
        results, timed_out = await cached(db, key, self.counted, keep=lambda found: not found[1])
        return copied(results), timed_out

    async def counted(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            country = one_country(self.table, self.sql, self.params)
            if column in ARRAYS.get(self.table, ()) and country is not None:
                try:
                    kept = await country_counts(
                        self.ds, self.database, self.table, country, [column], self.get_facet_size()
                    )
                except sqlite3.OperationalError:  # a file built before the counts per country
                    pass
                else:
                    rows = [{"value": v, "count": n} for v, n in kept.get(column, [])]
                    results.append(self.facet(column, source_and_config["source"], rows))
                    continue
            try:
                rows = await self.ds.execute(
                    self.database,
                    self.counting_sql(column),
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            results.append(self.facet(column, source_and_config["source"], rows.rows))
        return results, timed_out

    def counting_sql(self, column: str) -> str:
        """How many of the rows shown hold each value of the column, most first."""
        limit = self.get_facet_size() + 1
        linked = LINKED_ARRAYS.get((self.table, column))
        if linked is None:  # Datasette's own query (datasette/facets.py, 0.65)
            return (
                f"with inner as ({self.sql}), deduped_array_items as (select distinct j.value, "
                f"inner.* from json_each([inner].{escape_sqlite(column)}) j join inner) "
                "select value as value, count(*) as count from deduped_array_items "
                f"group by value order by count(*) desc, value limit {limit}"
            )
        link, row_column, value_column, key = linked
        return (
            f"select [{value_column}] as value, count(*) as count from [{link}] "
            f"where [{row_column}] in (select [{key}] from ({self.sql})) "
            f"group by [{value_column}] order by count(*) desc, value limit {limit}"
        )

    def facet(self, column: str, source: str, rows: list[Any]) -> dict[str, Any]:
        """The facet as Datasette's array facet describes it, from (value, count) rows."""
        size = self.get_facet_size()
        pairs = self.get_querystring_pairs()
        values = []
        for row in rows[:size]:
            value = str(row["value"])
            arg = {f"{column}__arraycontains": value}
            selected = (f"{column}__arraycontains", value) in pairs
            toggle = (path_with_removed_args if selected else path_with_added_args)(
                self.request, arg
            )
            values.append(
                {
                    "value": value,
                    "label": value,
                    "count": row["count"],
                    "toggle_url": self.ds.absolute_url(self.request, toggle),
                    "selected": selected,
                }
            )
        return {
            "name": column,
            "type": self.type,
            "results": values,
            "hideable": source != "metadata",
            "toggle_url": self.ds.urls.path(
                path_with_removed_args(self.request, {"_facet_array": column})
            ),
            "truncated": len(rows) > size,
        }


@hookimpl
def register_facet_classes() -> list[type]:
    return [CountedFacet]


@hookimpl(hookwrapper=True, specname="register_facet_classes")
def linked_array_facet() -> Iterator[None]:
    """Datasette's array facet, wherever a plugin registers it, replaced by ours."""
    outcome = yield
    outcome.force_result(
        [
            [LinkedArrayFacet if klass is ArrayFacet else klass for klass in classes]
            for classes in outcome.get_result()
        ]
    )
