"""Datasette plugin: the `counted` facet type, a column facet that reads an unfiltered table's
counts from the count table the projector keeps (`facet_counts`, timeline.projection.counts)
instead of grouping every row on each page view; filtered, searched or on a table without
counts, it counts the rows as Datasette's column facet does.

At 100,000 engagements the engagements page's six default facets and the timeline page's four
grouped 100,000 and 220,000 rows on every view (15-240 ms each with covering indexes, most of
both pages' time); from the count table, a few dozen rows by primary key.

Registered through the `datasette` entry point `timeline_facets`; used by the metadata's
`{"counted": COLUMN}` facets."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from datasette import hookimpl
from datasette.facets import ColumnFacet
from datasette.utils import path_with_added_args

from timeline.projection.counts import FACET_COUNTS, FACETED

UNFILTERED = re.compile(r"^\s*select .* from \S+\s*$", re.S | re.I)


class CountedFacet(ColumnFacet):
    type = "counted"

    def unfiltered(self) -> bool:
        """Whether the page shows every row of a table whose facets are counted."""
        if self.table not in FACETED or self.params:
            return False
        return bool(UNFILTERED.match(self.sql)) and " where " not in self.sql.lower()

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        if not self.unfiltered():
            return await self.counted_from_rows()
        configs = [
            (c["config"].get("column") or c["config"]["simple"], c) for c in self.get_configs()
        ]
        if any(column not in FACETED[self.table] for column, _ in configs):
            return await self.counted_from_rows()
        try:
            kept = await self.kept_counts([column for column, _ in configs])
        except sqlite3.OperationalError:  # a file built before the count tables
            return await self.counted_from_rows()
        results: list[dict[str, Any]] = []
        for column, source_and_config in configs:
            rows = kept.get(column, [])
            results.append(await self.facet(column, source_and_config["source"], rows))
        return results, []

    async def counted_from_rows(self) -> tuple[list[dict[str, Any]], list[str]]:
        results, timed_out = await super().facet_results()
        for result in results:
            result["type"] = "column"
        return results, timed_out

    async def kept_counts(self, columns: list[str]) -> dict[str, list[tuple[Any, int]]]:
        """Each column's most frequent values, in one query: one trip to an SQL thread instead
        of one per facet (seven on the engagements page, each awaited in turn; under a load
        of 8-10 on this machine a trip took 5-14 ms)."""
        if not columns:
            return {}
        size = self.get_facet_size()
        one = (
            f"select * from (select col, value, n from {FACET_COUNTS} where tbl = ? and col = ? "
            "and n > 0 order by n desc, value limit ?)"
        )
        sql = " union all ".join(one for _ in columns)
        params = [x for column in columns for x in (self.table, column, size + 1)]
        result = await self.ds.execute(self.database, sql, params)
        kept: dict[str, list[tuple[Any, int]]] = {}
        for col, value, n in result.rows:
            kept.setdefault(col, []).append((value, n))
        return kept

    async def facet(self, column: str, source: str, rows: list[tuple[Any, int]]) -> dict[str, Any]:
        """The facet as Datasette's column facet describes it, from (value, count) rows."""
        size = self.get_facet_size()
        shown = rows[:size]
        labels = await self.ds.expand_foreign_keys(
            self.database, self.table, column, [value for value, _ in shown]
        )
        values = []
        for value, count in shown:
            toggle = path_with_added_args(self.request, {column: value})
            values.append(
                {
                    "value": value,
                    "label": labels.get((column, value), value),
                    "count": count,
                    "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(toggle)),
                    "selected": False,
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


@hookimpl
def register_facet_classes() -> list[type]:
    return [CountedFacet]
