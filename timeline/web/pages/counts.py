"""The pages' own counting queries, and the cache that keeps their results."""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from datasette.database import Database

# Counts over many years are the slow part at a million engagements; they are kept until the
# database file changes (a write changes its mtime and size, a rebuild its inode).
COUNTS_CACHED = 64
_counts: OrderedDict[tuple[Any, ...], Any] = OrderedDict()


def _file_state(db: Database) -> tuple[Any, ...] | None:
    if db.path is None:
        return None
    try:
        st = os.stat(db.path)
    except OSError:
        return None
    return (db.path, st.st_ino, st.st_mtime_ns, st.st_size)


async def cached(db: Database, key: tuple[Any, ...], compute: Callable[[], Awaitable[Any]]) -> Any:
    state = _file_state(db)
    if state is None:
        return await compute()
    full = (*state, *key)
    if full in _counts:
        _counts.move_to_end(full)
        return _counts[full]
    value = await compute()
    _counts[full] = value
    while len(_counts) > COUNTS_CACHED:
        _counts.popitem(last=False)
    return value


async def aggregate(db: Database, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """Rows of one of the pages' own counting queries. These read a country's part of an index
    once, take seconds at most at a million engagements, and are kept (`cached`), so they run
    without Datasette's time limit, which is there for visitors' SQL."""
    return await db.execute_fn(lambda conn: conn.execute(sql, params).fetchall())
