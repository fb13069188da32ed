"""A Datasette `Database` that keeps what it has read of a file's schema until the schema changes,
and counts every table in one trip to its SQL thread.

Datasette's home and database pages ask, for each of the archive's 46 tables, its columns,
primary keys and full-text table, and check `view-table` twice, each check looking the table's
spelling up in `sqlite_master`: over 200 queries, each sent to an SQL thread and awaited, and
the database page counts each table in a query of its own on top. At 100,000 engagements on this
2-core machine the database page took 1.6x plain Datasette's table page warm and 2.4x on its first
visit after an append (bench/bench_visitor_pages.py), most of it those round trips: 46 counts
took 180-200 ms, the lookups 80-100 ms.

What is kept is what `sqlite_master` and the table pragmas say, so it is right until the schema
changes. Whether it may have: the file's inode, size and modification time (and its `-wal`
file's) are read on each use, and when they differ from the last time `PRAGMA schema_version`
is asked; the kept answers go when it differs. A write of rows (an append) costs one query, not
the lookups again. The counts of the rows (the database page's) are kept until the file is
written: counting the 46 tables, each with Datasette's 5 ms limit, took 115-155 ms of every
view of the database page.

Two more answers are kept here: which `allow` blocks the metadata sets on a table (`TableAllows`,
from the metadata alone, which Datasette deep-copies to work it out on every `view-table`
check), and the results of the metadata's canned queries, which read the file alone, until the
file is written (`_canned`)."""

from __future__ import annotations

import copy
import os
import re
import sqlite3
import sys
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from datasette.database import Database, Results
from datasette.utils import (
    detect_fts,
    detect_primary_keys,
    get_all_foreign_keys,
    get_outbound_foreign_keys,
    sqlite_timelimit,
    table_column_details,
    table_columns,
)

from timeline.web.country_filter import kept_count

# Datasette's own lookup of a table's spelling before each `view-table` check (app.py,
# `permission_allowed`), answered from the kept names.
SPELLING_LOOKUP = (
    "select name from sqlite_master where type in ('table', 'view') and name = ? collate nocase"
)
# SQLite's NOCASE folds the ASCII letters only.
_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# The full-text search of a table page (`?_search=`), as Datasette 0.65 writes it
# (datasette/filters.py): its rows and its count read the file alone, so they are kept until
# the file is written, as a canned query's are. The search table page (`?_search=nguyen+van+hung`)
# searched the index twice on every view, for its 50 rows sorted by date and for their count:
# 3.2 ms of its 44.3 ms of CPU at 100,000 engagements, warm (the plain table page 40.6 ms), and
# at 1,000,000 its p95 was 1.43x the plain page's.
TABLE_SEARCH = re.compile(
    r" in \(select rowid from \S+ where \S+ match (?:escape_fts\()?:search(?:_\d+)?\)"
)

Stamp = tuple[tuple[int, int, int] | None, ...]
# The most memory canned queries' kept results may hold (their strings, as timeline.web.safety
# counts a result), the latest used kept; a result over a quarter of it is not kept. The canned
# `search` example's 100 rows: 50 KB.
KEPT_BYTES = 32_000_000
# How long a table whose count ran past its limit is shown as past it (None) without counting
# it again, while the file is written: a table of that size stays past it as rows are added,
# and a count that ran past because the machine was busy is tried again after this.
PAST_LIMIT_KEPT = 60.0


def file_stamp(path: str) -> Stamp:
    """What changes when the file is written: the database's and its write-ahead log's inode,
    size and modification time (a rollback-journal commit writes the database file; a WAL
    commit only its `-wal`)."""
    stamps: list[tuple[int, int, int] | None] = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
        except OSError:
            stamps.append(None)
        else:
            stamps.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(stamps)


class SchemaCachedDatabase(Database):
    """Datasette's `Database`, with its schema lookups kept per schema version."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stamp: Stamp | None = None
        self._schema_version: int | None = None
        self._kept: dict[tuple[Any, ...], Any] = {}
        self._counted: dict[int, tuple[Stamp | None, dict[str, int | None]]] = {}
        # When each (table, limit) last ran past its limit: not counted again for a while.
        self._past_limit: dict[tuple[str, int], float] = {}
        self._results: OrderedDict[tuple[Any, ...], tuple[Results, int]] = OrderedDict()
        self._results_stamp: Stamp | None = None

    async def _check_schema(self) -> None:
        """Forget what was kept if the schema changed since it was read."""
        if self.path is None or self.is_memory:
            self._kept.clear()
            return
        stamp = file_stamp(self.path)
        if stamp == self._stamp:
            return
        # The stamp first, the version after: a change between the two is seen next time.
        result = await super().execute("PRAGMA schema_version")
        version = result.first()[0]
        if version != self._schema_version:
            self._kept.clear()
            self._past_limit.clear()
        self._stamp, self._schema_version = stamp, version

    async def _kept_or(self, key: tuple[Any, ...], read: Callable[[], Awaitable[Any]]) -> Any:
        # A copy: callers may change what they are given.
        return copy.deepcopy(await self._kept_itself(key, read))

    async def _kept_itself(self, key: tuple[Any, ...], read: Callable[[], Awaitable[Any]]) -> Any:
        """The kept value itself, for this class's own reading (never to be changed)."""
        await self._check_schema()
        if key not in self._kept:
            version = self._schema_version
            value = await read()
            if version == self._schema_version:  # not if the schema changed meanwhile
                self._kept[key] = value
            return value
        return self._kept[key]

    def _read(self, key: tuple[Any, ...], fn: Callable[[sqlite3.Connection], Any]) -> Any:
        return self._kept_or(key, lambda: self.execute_fn(fn))

    async def table_names(self) -> list[str]:
        return await self._read(("table_names",), _table_names)

    async def table_exists(self, table: str) -> bool:
        # Asked for every page (timeline.web.database); the names themselves, not a copy.
        names = await self._kept_itself(("table_names",), lambda: self.execute_fn(_table_names))
        return table in names

    async def view_names(self) -> list[str]:
        return await self._read(("view_names",), _view_names)

    async def table_columns(self, table: str) -> list[str]:
        return await self._read(("columns", table), lambda conn: table_columns(conn, table))

    async def table_column_details(self, table: str) -> list[Any]:
        key = ("column_details", table)
        return await self._read(key, lambda conn: table_column_details(conn, table))

    async def primary_keys(self, table: str) -> list[str]:
        return await self._read(
            ("primary_keys", table), lambda conn: detect_primary_keys(conn, table)
        )

    async def fts_table(self, table: str) -> str | None:
        return await self._read(("fts_table", table), lambda conn: detect_fts(conn, table))

    async def foreign_keys_for_table(self, table: str) -> list[dict[str, Any]]:
        key = ("foreign_keys", table)
        return await self._read(key, lambda conn: get_outbound_foreign_keys(conn, table))

    async def get_all_foreign_keys(self) -> dict[str, Any]:
        return await self._read(("all_foreign_keys",), get_all_foreign_keys)

    async def get_table_definition(self, table: str, type_: str = "table") -> str | None:
        # The table page shows its table's SQL and indexes: two trips to an SQL thread a view.
        key = ("definition", table, type_)
        return await self._kept_or(key, lambda: Database.get_table_definition(self, table, type_))

    async def label_column_for_table(self, table: str) -> str | None:
        # Asked for each foreign key a table page labels (five on the engagements page), each
        # a trip to an SQL thread for the table's columns; from the metadata, read at start,
        # and the columns.
        key = ("label_column", table)
        return await self._kept_or(key, lambda: Database.label_column_for_table(self, table))

    async def hidden_table_names(self) -> list[str]:
        # From the schema and the metadata, which Datasette reads once, at start.
        return await self._kept_or(("hidden_table_names",), super().hidden_table_names)

    async def execute(self, sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Results:
        if _is_spelling_lookup(sql, params):
            return await self._spelling(params[0])
        counted = kept_count(sql, params)
        if counted is not None:
            try:
                return await super().execute(*counted, *args, **kwargs)
            except sqlite3.OperationalError:  # a file built before the count tables
                pass
        if self.path is None or self.is_memory:
            return await super().execute(sql, params, *args, **kwargs)
        if not self._is_canned(sql) and not TABLE_SEARCH.search(sql):
            return await super().execute(sql, params, *args, **kwargs)
        return await self._canned(sql, params, args, kwargs)

    def _is_canned(self, sql: str) -> bool:
        queries = self.ds.metadata("queries", database=self.name, fallback=False) or {}
        return any(isinstance(q, dict) and q.get("sql") == sql for q in queries.values())

    async def _canned(
        self, sql: str, params: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Results:
        """A canned query's results (the metadata's SQL, which reads the file and nothing
        else), kept until the file is written: ranking the 15,000 matches of the canned
        `search` example took 40 of its 56 ms of CPU at 100,000 engagements on every view.
        The same for a searched table page's rows and count (`TABLE_SEARCH`)."""
        stamp = file_stamp(self.path)
        if stamp != self._results_stamp:  # written since: nothing kept is right any more
            self._results.clear()
            self._results_stamp = stamp
        key = (sql, repr(params), repr(args), repr(sorted(kwargs.items())))
        kept = self._results.get(key)
        if kept is not None:
            self._results.move_to_end(key)
            return Results(list(kept[0].rows), kept[0].truncated, kept[0].description)
        results = await super().execute(sql, params, *args, **kwargs)
        size = _size(results.rows)
        if size <= KEPT_BYTES // 4 and stamp == file_stamp(self.path):
            kept_rows = Results(list(results.rows), results.truncated, results.description)
            self._results[key] = (kept_rows, size)
            while sum(n for _, n in self._results.values()) > KEPT_BYTES:
                self._results.popitem(last=False)
        return results

    async def _spelling(self, name: str) -> Results:
        """The table's or view's name as the schema spells it, as SPELLING_LOOKUP answers."""
        # Twice for each table the database page lists: looked up in the kept spellings
        # themselves, not a copy of the names folded again.
        key = ("spellings",)
        spellings = await self._kept_itself(key, lambda: self.execute_fn(_spellings))
        spelled = spellings.get(name.translate(_ASCII_FOLD))
        rows = [(spelled,)] if spelled is not None else []
        return Results(rows, False, (("name", None, None, None, None, None, None),))

    async def table_counts(self, limit: int = 10) -> dict[str, int | None]:
        """Each table's rows, or None past `limit` ms, as Datasette counts them, in one trip to
        the SQL thread instead of one per table; kept until the file is written, per limit (in
        a file under Datasette's 100 MB the home page counts too, with 10 ms, the database page
        with 5: each made the other count again). After a write, a table whose count ran past
        the limit within the last PAST_LIMIT_KEPT seconds is not counted again (None, as its
        count would be): at 100,000 engagements 6-8 of the 49 tables ran past 5 ms, about 30 of
        the database page's 45 ms of CPU on every first visit after a write."""
        if not self.is_mutable and self.cached_table_counts is not None:
            return self.cached_table_counts
        # Before counting: a write while counting makes the next call count again.
        stamp = file_stamp(self.path) if self.path and not self.is_memory else None
        kept = self._counted.get(limit)
        if stamp is not None and kept is not None and stamp == kept[0]:
            return dict(kept[1])
        names = await self.table_names()
        time_limit = min(limit, self.ds.sql_time_limit_ms) if limit else self.ds.sql_time_limit_ms
        now = time.monotonic()
        past = {
            name
            for name in names
            if now - self._past_limit.get((name, limit), -PAST_LIMIT_KEPT) < PAST_LIMIT_KEPT
        }
        to_count = [name for name in names if name not in past]
        counted = await self.execute_fn(lambda conn: _count_rows(conn, to_count, time_limit))
        for name in to_count:
            if counted[name] is None:
                self._past_limit[(name, limit)] = now
        counts = {name: counted.get(name) for name in names}
        if not self.is_mutable:
            self._cached_table_counts = counts
        self._counted[limit] = (stamp, counts)
        return dict(counts)


def _size(rows: list[Any]) -> int:
    """The bytes of a result's strings and blobs, as timeline.web.safety counts them."""
    getsizeof = sys.getsizeof
    return sum(
        getsizeof(v) for row in rows for v in row if v.__class__ is str or v.__class__ is bytes
    )


def _is_spelling_lookup(sql: str, params: Any) -> bool:
    one_name = isinstance(params, (tuple, list)) and len(params) == 1 and isinstance(params[0], str)
    return one_name and " ".join(sql.split()) == SPELLING_LOOKUP


def _table_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]


def _view_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("select name from sqlite_master where type='view'")]


def _spellings(conn: sqlite3.Connection) -> dict[str, str]:
    """Each table's and view's name, as SQLite's NOCASE folds it, to its first spelling."""
    sql = "select name from sqlite_master where type in ('table', 'view')"
    spellings: dict[str, str] = {}
    for (name,) in conn.execute(sql):
        spellings.setdefault(name.translate(_ASCII_FOLD), name)
    return spellings


def _count_rows(conn: sqlite3.Connection, names: list[str], limit_ms: int) -> dict[str, int | None]:
    counts: dict[str, int | None] = {}
    for table in names:
        try:
            with sqlite_timelimit(conn, limit_ms):
                counts[table] = conn.execute(f"select count(*) from [{table}]").fetchone()[0]
        except (sqlite3.OperationalError, sqlite3.DatabaseError):  # past the limit, as Datasette
            counts[table] = None
    return counts


class TableAllows:
    """Datasette's answer to which `allow` blocks the metadata sets on a table
    (`Datasette._table_permission_allows`), kept per (database, table). Datasette 0.65.5 works
    it out on every `view-table` check by deep-copying the whole metadata: 43 KB, 0.6-0.9 ms a
    copy, and the database page checks each of the 46 tables twice (about half of its 50 ms of
    CPU at 100,000 engagements). The answer depends on the metadata alone, which Datasette reads
    once, at start, and never writes an `allow` into; it is worked out again if the metadata
    object is another, and never kept when a plugin gives metadata of its own (`get_metadata`,
    which may answer differently from call to call)."""

    def __init__(self, datasette: Any) -> None:
        self.datasette = datasette
        self._metadata: Any = None
        self._kept: dict[tuple[str, str], list[Any]] = {}

    def allows(self, database: str, table: str) -> list[Any]:
        from datasette.plugins import pm

        ds = self.datasette
        if pm.hook.get_metadata.get_hookimpls():
            return ds._table_permission_allows(database, table)
        if ds._metadata_local is not self._metadata:
            self._kept.clear()
            self._metadata = ds._metadata_local
        key = (database, table)
        if key not in self._kept:
            self._kept[key] = ds._table_permission_allows(database, table)
        return self._kept[key]

    def view_table(self, actor: Any, resource: tuple[str, str]) -> bool | None:
        """Datasette's own `view-table` check (datasette/default_permissions.py), the
        metadata's answer kept."""
        from datasette.utils import actor_matches_allow

        table_allows = self.allows(*resource)
        if not table_allows:
            return None
        return all(actor_matches_allow(actor, allow) for allow in table_allows)
