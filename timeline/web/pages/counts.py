"""The pages' own counting queries, and the cache that keeps their results."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from datasette.database import Database

from timeline.web.schema_cache import file_stamp

# Counts over many years are the slow part at a million engagements; they are kept until the
# database file changes (a write changes its mtime and size, or its `-wal` file's; a rebuild
# its inode).
COUNTS_CACHED = 64
_counts: OrderedDict[tuple[Any, ...], Any] = OrderedDict()


def _file_state(db: Database) -> tuple[Any, ...] | None:
    if db.path is None:
        return None
    stamp = file_stamp(db.path)
    return None if stamp[0] is None else (db.path, *stamp)


async def cached(
    db: Database,
    key: tuple[Any, ...],
    compute: Callable[[], Awaitable[Any]],
    keep: Callable[[Any], bool] = lambda _: True,
) -> Any:
    """`compute()`'s value, kept until the file changes (unless `keep(value)` says not to: a
    result cut short by a time limit is tried again on the next visit)."""
    state = _file_state(db)
    if state is None:
        return await compute()
    full = (*state, *key)
    if full in _counts:
        _counts.move_to_end(full)
        return _counts[full]
    value = await compute()
    if not keep(value):
        return value
    _counts[full] = value
    while len(_counts) > COUNTS_CACHED:
        _counts.popitem(last=False)
    return value


async def aggregate(db: Database, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """Rows of one of the pages' own counting queries, under Datasette's time limit like every
    query a visitor can cause: they read a country's part of an index once, took 9-22 s on a
    cold charts page at a million engagements, and held an SQL thread all that time. Past the
    limit the page says it took too long (timeline.web.safety); what finished is kept
    (`cached`)."""
    return [tuple(row) for row in (await db.execute(sql, params)).rows]
