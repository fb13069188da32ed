"""The SQLite store: eventsourcing's recorder, with the hash chain, the identity table and
append-only triggers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore

from events.identity import id_text
from timeline.store.chain import CHAIN_TABLE_SUFFIX, REFUSAL, Link, chain_rows, extend
from timeline.store.crashpoints import crash_point
from timeline.store.identity import (
    IDENTITY_TABLE_SUFFIX,
    IdentityRow,
    by_column,
    keys_by_column,
    taken,
)

BACKFILL_BATCH = 10_000
# The page cache of a writing connection, in KiB (SQLite's default is 2 MiB): a batch inserts
# at random places of the events' and identity table's indexes (uuids), and at 100k events a
# 2 MiB cache missed on most of them; with 64 MiB a bulk append of 10,000 took 10% less CPU
# time. The pages are allocated as they are read: one record's append uses a few.
WRITE_CACHE_PRAGMA = "PRAGMA cache_size = -65536"
# SQLite allows 32766 parameters a statement; fewer keep each statement's plan small.
IN_CHUNK = 900


class ChainedSQLiteRecorder(SQLiteApplicationRecorder):
    """Writes each batch's chain links, and the identity rows of its engagements, in the
    transaction that inserts its events."""

    # Takes a batch's events as `StoredRow`s (its own rows, inserted as they are) as well as
    # eventsourcing's `StoredEvent`s.
    stores_rows = True

    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events"):
        self.chain_table_name = events_table_name + CHAIN_TABLE_SUFFIX
        self.identity_table_name = events_table_name + IDENTITY_TABLE_SUFFIX
        super().__init__(datastore, events_table_name)
        self.insert_links_statement = f"INSERT INTO {self.chain_table_name} VALUES (?,?,?,?)"
        self.select_head_statement = (
            f"SELECT * FROM {self.chain_table_name} ORDER BY notification_id DESC LIMIT 1"
        )
        # An engagement's row is replaced by each save: it holds the keys of its latest state.
        self.upsert_identities_statement = (
            f"INSERT INTO {self.identity_table_name} VALUES (?,?,?,?,?) "
            "ON CONFLICT (originator_id) DO UPDATE SET "
            "originator_version = excluded.originator_version, slug = excluded.slug, "
            "session_key = excluded.session_key, facts_key = excluded.facts_key"
        )

    def construct_create_table_statements(self) -> list[str]:
        statements = super().construct_create_table_statements()
        statements.append(
            f"CREATE TABLE IF NOT EXISTS {self.chain_table_name} ("
            "notification_id INTEGER PRIMARY KEY, "
            "originator_id TEXT NOT NULL, "
            "originator_version INTEGER NOT NULL, "
            "hash TEXT NOT NULL)"
        )
        for table in (self.events_table_name, self.chain_table_name):
            for operation in ("UPDATE", "DELETE"):
                statements.append(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_refuse_{operation.lower()} "
                    f"BEFORE {operation} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL} ({operation} {table})'); END"
                )
        identity = self.identity_table_name
        statements += [
            f"CREATE TABLE IF NOT EXISTS {identity} ("
            "originator_id TEXT PRIMARY KEY, "
            "originator_version INTEGER NOT NULL, "
            "slug TEXT NOT NULL, "
            "session_key TEXT, "
            "facts_key TEXT)",
            f"CREATE INDEX IF NOT EXISTS {identity}_session ON {identity} (session_key)",
            f"CREATE INDEX IF NOT EXISTS {identity}_facts ON {identity} (facts_key)",
        ]
        return statements

    def create_table(self) -> None:
        super().create_table()
        self._backfill()

    def _insert_events(
        self,
        c: SQLiteCursor,
        stored_events: Sequence[StoredEvent],
        *,
        identities: Sequence[IdentityRow] = (),
        unique: Sequence[IdentityRow] = (),
        **_: Any,
    ) -> Sequence[int] | None:
        crash_point("store.before_insert")
        c.execute(WRITE_CACHE_PRAGMA)
        # Each event's row made once, for its insert and its link (each uuid's text once); a
        # `StoredRow` (a plain tuple) is one already.
        rows = [
            s
            if type(s) is tuple
            else (
                s.originator_id.hex if isinstance(s.originator_id, UUID) else s.originator_id,
                s.originator_version,
                s.topic,
                s.state,
            )
            for s in stored_events
        ]
        first = self._insert_rows(c, rows)
        crash_point("store.before_chain")
        # The events' insert took the write lock, so the head read here is the latest one.
        c.execute(self.select_head_statement)
        head = c.fetchone()
        links = chain_rows(head["hash"] if head else None, first, rows)
        c.executemany(self.insert_links_statement, links)
        if unique:  # under the write lock: what another writer recorded since the check is here
            held = keys_by_column(unique)
            taken(unique, self._find_columns(c, held), held)
        # Each `IdentityRow` as a plain tuple: sqlite3 binds a plain tuple's items directly, and
        # a tuple subclass's through its `__getitem__` as a Python slot (6,900 instructions an
        # engagement for its event and identity rows, callgrind, 2% of a bulk append; 200,000
        # rows of five values inserted in 1.74 us a row, 1.47 copied to plain tuples on the way).
        c.executemany(self.upsert_identities_statement, map(tuple, identities))
        crash_point("store.before_commit")
        return list(range(first, first + len(rows)))

    def _insert_rows(self, c: SQLiteCursor, rows: Sequence[tuple[str, int, str, Any]]) -> int:
        """The events' rows in one `executemany`; the notification id (rowid) of the first.
        eventsourcing inserts one row a statement to read each rowid; the rowids of one insert
        are consecutive here (a rowid table, the write lock held from its first row to the
        commit: a new rowid is the largest plus one), so the last one gives them all."""
        if not rows:
            return 1
        c.executemany(self.insert_events_statement, rows)
        c.execute("SELECT last_insert_rowid()")
        return int(c.fetchone()[0]) - len(rows) + 1

    def _backfill(self) -> None:
        """Chain a store written before the chain existed: once, when it has events, no links."""
        self._once(self.chain_table_name, self._chain_all)

    def fill_identities(self, fold: Callable[[Iterable[StoredEvent]], list[IdentityRow]]) -> int:
        """Fill the identity table of a store made before it, from `fold` of every event: once,
        when the store has events and the table no rows (every engagement has a row)."""
        filled: list[IdentityRow] = []

        def fill(c: SQLiteCursor) -> None:
            rows = fold(stored for batch in self._event_batches(c) for _, stored in batch)
            c.executemany(self.upsert_identities_statement, rows)
            filled.extend(rows)

        self._once(self.identity_table_name, fill)
        return len(filled)

    def _once(self, table: str, fill: Callable[[SQLiteCursor], None]) -> None:
        """Run `fill` when `table` is empty and the store has events, under the write lock."""
        if not self._is_empty(table) or not self.max_notification_id():
            return
        with self.datastore.get_connection(commit=True) as conn:
            c = conn.cursor()
            # IMMEDIATE: take the write lock before reading, so two openers fill it once.
            c.execute("BEGIN IMMEDIATE")
            try:
                if self._is_empty(table, c):
                    fill(c)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise

    def _is_empty(self, table: str, c: SQLiteCursor | None = None) -> bool:
        statement = f"SELECT 1 FROM {table} LIMIT 1"
        if c is not None:
            c.execute(statement)
            return c.fetchone() is None
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement)
            return c.fetchone() is None

    def _event_batches(self, c: SQLiteCursor) -> Iterator[list[tuple[int, StoredEvent]]]:
        """Every stored event with its notification id, in order, a batch at a time."""
        start = 0
        while True:
            c.execute(
                f"SELECT rowid, * FROM {self.events_table_name} WHERE rowid > ? "
                "ORDER BY rowid LIMIT ?",
                (start, BACKFILL_BATCH),
            )
            rows = c.fetchall()
            if not rows:
                return
            yield [(row["rowid"], _stored(row)) for row in rows]
            start = rows[-1]["rowid"]

    def _chain_all(self, c: SQLiteCursor) -> None:
        head = None
        for events in self._event_batches(c):
            links = extend(head, events)
            c.executemany(self.insert_links_statement, links)
            head = links[-1].hash

    def recorded_ids(self, ids: Sequence[UUID]) -> set[UUID]:
        """Those of `ids` that have events in the store, in a few queries for any number."""
        found: set[UUID] = set()
        asked = {id_text(i): i for i in ids}  # the ids asked for, not uuids parsed from text
        with self.datastore.transaction(commit=False) as c:
            for chunk in _chunks(sorted(asked), IN_CHUNK):  # in index order: see `_chunks`
                c.execute(
                    f"SELECT DISTINCT originator_id FROM {self.events_table_name} "
                    f"WHERE originator_id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
                found.update(asked[row[0]] for row in c.fetchall())
        return found

    def find_identities(self, keys: Sequence[str]) -> list[tuple[str, str]]:
        """(key, slug) of each engagement that has one of `keys`: a probe of an index a key."""
        with self.datastore.transaction(commit=False) as c:
            return self._find(c, keys)

    def _find(self, c: SQLiteCursor, keys: Sequence[str]) -> list[tuple[str, str]]:
        return self._find_columns(c, by_column(keys))

    def _find_columns(
        self, c: SQLiteCursor, columns: dict[str, list[str]]
    ) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for column, wanted in columns.items():
            for chunk in _chunks(sorted(wanted), IN_CHUNK):  # in index order: see `_chunks`
                c.execute(
                    f"SELECT {column}, slug FROM {self.identity_table_name} "
                    f"WHERE {column} IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
                found += [(row[0], row[1]) for row in c.fetchall()]
        return found

    def select_identities(self) -> list[IdentityRow]:
        """Every row of the identity table."""
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT * FROM {self.identity_table_name}")
            return [IdentityRow(*row) for row in c.fetchall()]

    def select_links(self, start: int, limit: int, stop: int | None = None) -> list[Link]:
        """Links after notification `start` (up to `stop`), in order."""
        statement = f"SELECT * FROM {self.chain_table_name} WHERE notification_id > ? "
        params: list[int] = [start]
        if stop is not None:
            statement += "AND notification_id <= ? "
            params.append(stop)
        statement += "ORDER BY notification_id LIMIT ?"
        params.append(limit)
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement, params)
            return [_link(row) for row in c.fetchall()]

    def chain_head(self, at: int | None = None) -> Link | None:
        """The last link, or the link of notification `at`."""
        with self.datastore.transaction(commit=False) as c:
            if at is None:
                c.execute(self.select_head_statement)
            else:
                c.execute(f"SELECT * FROM {self.chain_table_name} WHERE notification_id = ?", (at,))
            row = c.fetchone()
            return _link(row) if row else None


# Probes go in chunks of keys taken in the index's order (sorted), each chunk a range of the
# index: taken as they come, each chunk of a batch's uuids (random) reached all over the index.
# Probing 10,000 new ids among 100,000 events (a file with the recorder's page cache) cost
# 1.56 us an id, 0.95 sorted, the sort included; 2.0 against 1.25 when half are recorded.
# (SQLite orders each chunk's IN list itself, but not the chunks.)
def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _link(row: Any) -> Link:
    return Link(
        row["notification_id"], row["originator_id"], row["originator_version"], row["hash"]
    )


def _stored(row: Any) -> StoredEvent:
    return StoredEvent(
        originator_id=row["originator_id"],
        originator_version=row["originator_version"],
        topic=row["topic"],
        state=row["state"],
    )
