"""Pages of one country's rows (`/timeline/engagements?country=VN`, and the timeline's),
recognised in the SQL Datasette's table view makes for them, so their facets and their count
are read from what the projector keeps per country (timeline.projection.country_facets,
timeline.projection.counts) instead of from the rows: at 1,000,000 engagements Vietnam's
timeline holds 630,000 rows, which Datasette's count read from an index on every view."""

from __future__ import annotations

import re
from typing import Any

from timeline.projection.country_facets import COUNTED, FILTER
from timeline.projection.counts import FACET_COUNTS, FACETED

# As Datasette 0.65's table view writes them (views/table.py) for `?country=VN` or
# `?country__exact=VN` and no other filter: the facets' SQL, and the count.
_WHERE = rf"\s+where\s+\"{FILTER}\"\s*=\s*:p0\s*$"
ONE_COUNTRY = re.compile(rf"^\s*select .* from (\S+){_WHERE}", re.S | re.I)
COUNT = re.compile(rf"^\s*select count\(\*\) from (\S+){_WHERE}", re.I)


def _country(
    pattern: re.Pattern[str], sql: str, params: Any, tables: Any
) -> tuple[str, str] | None:
    if not isinstance(params, dict) or list(params) != ["p0"]:
        return None
    value = params["p0"]
    match = pattern.match(sql)
    if match is None or not isinstance(value, str):
        return None
    table = match.group(1).strip('[]"')
    return (table, value) if table in tables else None


def one_country(table: str, sql: str, params: Any) -> str | None:
    """The country the rows of `sql` (a facet's) are filtered to, if that is their only filter
    and `table`'s facets are counted per country."""
    found = _country(ONE_COUNTRY, sql, params, COUNTED)
    return found[1] if found is not None and found[0] == table else None


def kept_count(sql: str, params: Any) -> tuple[str, list[Any]] | None:
    """For Datasette's count of one country's rows of a table whose `country` facet the
    projector counts, the query that reads that count instead (0 when none are kept)."""
    found = _country(COUNT, sql, params, {t for t, cols in FACETED.items() if FILTER in cols})
    if found is None:
        return None
    table, country = found
    return (
        f"select coalesce((select n from {FACET_COUNTS} where tbl = ? and col = ? "
        "and value = ?), 0)",
        [table, FILTER, country],
    )
