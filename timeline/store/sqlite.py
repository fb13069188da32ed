"""The SQLite store: eventsourcing's recorder, with the hash chain and append-only triggers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore

from timeline.store.chain import CHAIN_TABLE_SUFFIX, REFUSAL, Link, extend
from timeline.store.crashpoints import crash_point

BACKFILL_BATCH = 10_000


class ChainedSQLiteRecorder(SQLiteApplicationRecorder):
    """Writes each batch's chain links in the transaction that inserts its events."""

    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events"):
        self.chain_table_name = events_table_name + CHAIN_TABLE_SUFFIX
        super().__init__(datastore, events_table_name)
        self.insert_links_statement = f"INSERT INTO {self.chain_table_name} VALUES (?,?,?,?)"
        self.select_head_statement = (
            f"SELECT * FROM {self.chain_table_name} ORDER BY notification_id DESC LIMIT 1"
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
        return statements

    def create_table(self) -> None:
        super().create_table()
        self._backfill()

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        crash_point("store.before_insert")
        # The events' insert took the write lock, so the head read here is the latest one.
        notification_ids = super()._insert_events(c, stored_events, **kwargs) or []
        crash_point("store.before_chain")
        c.execute(self.select_head_statement)
        head = c.fetchone()
        links = extend(
            head["hash"] if head else None, zip(notification_ids, stored_events, strict=True)
        )
        c.executemany(self.insert_links_statement, links)
        crash_point("store.before_commit")
        return notification_ids

    def _backfill(self) -> None:
        """Chain a store written before the chain existed: once, when it has events, no links."""
        if not self._chain_is_empty() or not self.max_notification_id():
            return
        with self.datastore.get_connection(commit=True) as conn:
            c = conn.cursor()
            # IMMEDIATE: take the write lock before reading, so two openers chain it once.
            c.execute("BEGIN IMMEDIATE")
            try:
                if self._chain_is_empty(c):
                    self._chain_all(c)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise

    def _chain_is_empty(self, c: SQLiteCursor | None = None) -> bool:
        statement = f"SELECT 1 FROM {self.chain_table_name} LIMIT 1"
        if c is not None:
            c.execute(statement)
            return c.fetchone() is None
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement)
            return c.fetchone() is None

    def _chain_all(self, c: SQLiteCursor) -> None:
        head, start = None, 0
        while True:
            c.execute(
                f"SELECT rowid, * FROM {self.events_table_name} WHERE rowid > ? "
                "ORDER BY rowid LIMIT ?",
                (start, BACKFILL_BATCH),
            )
            rows = c.fetchall()
            if not rows:
                return
            events = [(row["rowid"], _stored(row)) for row in rows]
            links = extend(head, events)
            c.executemany(self.insert_links_statement, links)
            head, start = links[-1].hash, links[-1].notification_id

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
