"""The PostgreSQL store: eventsourcing's recorder, with the hash chain and append-only triggers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from eventsourcing.utils import retry
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier, Literal

from timeline.store.chain import CHAIN_TABLE_SUFFIX, REFUSAL, Link, extend, originator_text
from timeline.store.crashpoints import crash_point

BACKFILL_BATCH = 10_000


class ChainedPostgresRecorder(PostgresApplicationRecorder):
    """Writes each batch's chain links in the transaction that inserts its events.

    eventsourcing serialises inserts with an EXCLUSIVE lock on the events table, so notification
    ids follow commit order; the head is read under that lock, so concurrent writers chain one
    after another. The optional PL/pgSQL insert function (POSTGRES_ENABLE_DB_FUNCTIONS) would
    insert events without links, so this recorder never uses it."""

    def __init__(
        self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"
    ) -> None:
        super().__init__(datastore, events_table_name=events_table_name)
        self.chain_table_name = events_table_name + CHAIN_TABLE_SUFFIX
        self.check_identifier_length(self.chain_table_name)
        schema = Identifier(self.datastore.schema)
        events = Identifier(self.events_table_name)
        chain = Identifier(self.chain_table_name)
        id_type = Identifier(self.datastore.originator_id_type)
        refuse = Identifier(f"{self.events_table_name}_refuse_change")
        # Processes that open the store at once would race on CREATE ... (OR REPLACE).
        self.sql_create_statements.insert(
            0,
            SQL("SELECT pg_advisory_xact_lock(hashtext({0}))").format(
                Literal(f"{self.datastore.schema}.{self.chain_table_name}")
            ),
        )
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {schema}.{chain} ("
                "notification_id bigint PRIMARY KEY, "
                "originator_id {id_type} NOT NULL, "
                "originator_version bigint NOT NULL, "
                "hash text NOT NULL)"
            ).format(schema=schema, chain=chain, id_type=id_type)
        )
        self.sql_create_statements.append(
            SQL(
                "CREATE OR REPLACE FUNCTION {schema}.{refuse}() RETURNS trigger "
                "LANGUAGE plpgsql AS $$ BEGIN "
                "RAISE EXCEPTION '{refusal} (% %)', TG_OP, TG_TABLE_NAME "
                "USING ERRCODE = 'integrity_constraint_violation'; "
                "END $$"
            ).format(schema=schema, refuse=refuse, refusal=SQL(REFUSAL))
        )
        for name in (self.events_table_name, self.chain_table_name):
            for kind, when in (("row", "UPDATE OR DELETE"), ("statement", "TRUNCATE")):
                trigger = Identifier(f"{name}_refuse_{kind}")
                self.sql_create_statements.append(
                    SQL(
                        "CREATE OR REPLACE TRIGGER {trigger} BEFORE {when} ON {schema}.{table} "
                        "FOR EACH {kind} EXECUTE FUNCTION {schema}.{refuse}()"
                    ).format(
                        trigger=trigger,
                        when=SQL(when),
                        schema=schema,
                        table=Identifier(name),
                        kind=SQL(kind.upper()),
                        refuse=refuse,
                    )
                )
        self.select_head_statement = SQL(
            "SELECT * FROM {schema}.{chain} ORDER BY notification_id DESC LIMIT 1"
        ).format(schema=schema, chain=chain)
        self.insert_links_statement = SQL(
            "INSERT INTO {schema}.{chain} "
            "SELECT * FROM unnest(%s::bigint[], %s::{id_type}[], %s::bigint[], %s::text[])"
        ).format(schema=schema, chain=chain, id_type=id_type)
        self.insert_events_statement = SQL(
            "INSERT INTO {schema}.{events} (originator_id, originator_version, topic, state) "
            "SELECT originator_id, originator_version, topic, state "
            "FROM unnest(%s::{schema}.{event_type}[]) "
            "RETURNING notification_id, originator_id, originator_version"
        ).format(schema=schema, events=events, event_type=Identifier(self.stored_event_type_name))

    def create_table(self) -> None:
        super().create_table()
        self._backfill()

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        if not stored_events:
            return []
        crash_point("store.before_insert")
        pg_events = [
            self.construct_pg_stored_event(e.originator_id, e.originator_version, e.topic, e.state)
            for e in stored_events
        ]
        with (
            self.datastore.get_connection() as conn,
            conn.transaction(),
            conn.cursor() as curs,
        ):
            self._lock_table(curs)
            self._notify_channel(curs)
            curs.execute(self.insert_events_statement, (pg_events,), prepare=True)
            inserted = {
                (str(r["originator_id"]), r["originator_version"]): r["notification_id"]
                for r in curs.fetchall()
            }
            crash_point("store.before_chain")
            ids = [inserted[(str(e.originator_id), e.originator_version)] for e in stored_events]
            self._write_links(
                curs, sorted(zip(ids, stored_events, strict=True), key=lambda p: p[0])
            )
            crash_point("store.before_commit")
            return ids

    def _write_links(self, curs: Cursor[DictRow], events: list[tuple[int, Any]]) -> None:
        curs.execute(self.select_head_statement)
        head = curs.fetchone()
        links = extend(head["hash"] if head else None, events)
        curs.execute(
            self.insert_links_statement,
            (
                [link.notification_id for link in links],
                # A uuid's 32 hex digits, which PostgreSQL's uuid type reads as they are.
                [link.originator_id for link in links],
                [link.originator_version for link in links],
                [link.hash for link in links],
            ),
        )

    def _backfill(self) -> None:
        """Chain a store written before the chain existed: once, when it has events, no links."""
        if self.chain_head() is not None or not self.max_notification_id():
            return
        with (
            self.datastore.get_connection() as conn,
            conn.transaction(),
            conn.cursor() as curs,
        ):
            # Under the writers' lock, so no event lands unchained and two openers chain it once.
            self._lock_table(curs)
            curs.execute(self.select_head_statement)
            if curs.fetchone() is not None:
                return
            start = 0
            while True:
                curs.execute(
                    SQL(
                        "SELECT * FROM {0}.{1} WHERE notification_id > %s "
                        "ORDER BY notification_id LIMIT %s"
                    ).format(Identifier(self.datastore.schema), Identifier(self.events_table_name)),
                    (start, BACKFILL_BATCH),
                )
                rows = curs.fetchall()
                if not rows:
                    return
                events = [(r["notification_id"], _stored(r)) for r in rows]
                self._write_links(curs, events)
                start = events[-1][0]

    def select_links(self, start: int, limit: int, stop: int | None = None) -> list[Link]:
        """Links after notification `start` (up to `stop`), in order."""
        statement = SQL("SELECT * FROM {0}.{1} WHERE notification_id > %s").format(
            Identifier(self.datastore.schema), Identifier(self.chain_table_name)
        )
        params: list[int] = [start]
        if stop is not None:
            statement += SQL(" AND notification_id <= %s")
            params.append(stop)
        statement += SQL(" ORDER BY notification_id LIMIT %s")
        params.append(limit)
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(statement, params)
            return [_link(row) for row in curs.fetchall()]

    def chain_head(self, at: int | None = None) -> Link | None:
        """The last link, or the link of notification `at`."""
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            if at is None:
                curs.execute(self.select_head_statement)
            else:
                curs.execute(
                    SQL("SELECT * FROM {0}.{1} WHERE notification_id = %s").format(
                        Identifier(self.datastore.schema), Identifier(self.chain_table_name)
                    ),
                    (at,),
                )
            row = curs.fetchone()
            return _link(row) if row else None


def _link(row: Any) -> Link:
    return Link(
        row["notification_id"],
        originator_text(row["originator_id"]),
        row["originator_version"],
        row["hash"],
    )


def _stored(row: Any) -> StoredEvent:
    return StoredEvent(
        originator_id=row["originator_id"],
        originator_version=row["originator_version"],
        topic=row["topic"],
        state=bytes(row["state"]),
    )
