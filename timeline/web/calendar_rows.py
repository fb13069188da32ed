"""A calendar's rows, read again after a write only for the engagements the write changed.

A calendar holds a country's (or pair's, or collection's) latest 2,000 engagements. After an
append at 100,000 engagements, reading all their rows again took 14-25 ms of SQL (each a page
read from the file anew: a write empties every connection's page cache), more than plain
Datasette's table page on its first visit (1.2-1.4x); one append changes one of them. So the
rows read are kept per calendar with the last revision they were read at: every change to an
engagement's row is a projected event, which adds a row to `revisions` (rowids only grow, an
`insert or replace` too), so the engagements named by revisions past that one are the only
rows that may differ. Which engagements a calendar holds, and in what order, is read afresh
each time (from the timeline's index, 3-4 ms), in the same read transaction.

What was kept is dropped when the file is another (its inode, as a rebuild replaces it) or the
revision it was read at is no longer the same row."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from datasette.utils import sqlite_timelimit

# Calendars whose rows are kept (each at most CALENDAR_LIMIT rows), the latest used kept.
KEPT_CALENDARS = 16
# The last revision projected: the mark a calendar's rows were read at.
LAST_REVISION = "select rowid, engagement, version from revisions order by rowid desc limit 1"


@dataclass
class Kept:
    """One calendar's rows by slug, as read at revision `mark` of the file `file`."""

    file: Any
    mark: tuple[Any, ...] | None
    rows: dict[str, Any] = field(default_factory=dict)


_kept: OrderedDict[tuple[Any, ...], Kept] = OrderedDict()
_lock = threading.Lock()  # calendars are read in Datasette's SQL threads


def calendar_rows(
    conn: sqlite3.Connection,
    key: tuple[Any, ...],
    file: Any,
    order_sql: str,
    rows_sql: str,
    params: dict[str, Any],
    limit_ms: int,
) -> list[Any]:
    """The calendar's rows in its order: `order_sql` gives its (start_date, engagement) pairs,
    `rows_sql` each engagement's row for the slugs of a JSON array `:slugs`. Runs in an SQL
    thread, under the time limit, in one read transaction."""
    with sqlite_timelimit(conn, limit_ms):
        conn.execute("begin")
        try:
            mark = conn.execute(LAST_REVISION).fetchone()
            mark = tuple(mark) if mark is not None else None
            order = _pairs(conn, order_sql, params)
            with _lock:
                kept = _kept.get(key)
            changed = _changed_since(conn, kept, file)
            rows = {} if changed is None else kept.rows
            wanted = {slug for _, slug in order}
            needed = [s for s in wanted if changed is None or s in changed or s not in rows]
            fresh = _read(conn, rows_sql, params, needed)
        finally:
            conn.execute("commit")
    rows = {slug: row for slug, row in rows.items() if slug in wanted and slug not in needed}
    rows |= fresh
    _keep(key, Kept(file, mark, rows))
    return [rows[slug] for _, slug in order if slug in rows]


def _pairs(conn: sqlite3.Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The (start_date, engagement) pairs as tuples: without the connection's row factory
    (timeline.web.safety's budget, in Python, 4 ms for 2,000 pairs; these are two short
    values a row, at most CALENDAR_LIMIT rows)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def _changed_since(conn: sqlite3.Connection, kept: Kept | None, file: Any) -> set[str] | None:
    """The engagements revised since `kept` was read; None when nothing kept can be used."""
    if kept is None or kept.file != file or kept.mark is None:
        return None
    same = conn.execute(
        "select engagement, version from revisions where rowid = ?", [kept.mark[0]]
    ).fetchone()
    if same is None or tuple(same) != kept.mark[1:]:
        return None
    # By rowid alone (`distinct` would walk the whole (engagement, version) index instead).
    since = "select engagement from revisions where rowid > ?"
    return {r[0] for r in conn.execute(since, [kept.mark[0]])}


def _read(
    conn: sqlite3.Connection, rows_sql: str, params: dict[str, Any], slugs: list[str]
) -> dict[str, Any]:
    if not slugs:
        return {}
    found = conn.execute(rows_sql, params | {"slugs": json.dumps(slugs)})
    return {row["slug"]: row for row in found}


def _keep(key: tuple[Any, ...], kept: Kept) -> None:
    with _lock:
        _kept[key] = kept
        _kept.move_to_end(key)
        while len(_kept) > KEPT_CALENDARS:
            _kept.popitem(last=False)
