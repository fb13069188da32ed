"""The PostgreSQL store: eventsourcing's recorder, with the hash chain, the identity table and
append-only triggers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from eventsourcing.utils import retry
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier, Literal

from timeline.store.chain import CHAIN_TABLE_SUFFIX, REFUSAL, Link, extend, originator_text
from timeline.store.crashpoints import crash_point
from timeline.store.identity import IDENTITY_TABLE_SUFFIX, IdentityRow, by_column, taken

BACKFILL_BATCH = 10_000
# Ids a statement of `recorded_ids`, keys a statement of `find_identities`.
ANY_CHUNK = 10_000


class ChainedPostgresRecorder(PostgresApplicationRecorder):
    """Writes each batch's chain links, and the identity rows of its engagements, in the
    transaction that inserts its events.

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
        self.identity_table_name = events_table_name + IDENTITY_TABLE_SUFFIX
        self.check_identifier_length(self.identity_table_name + "_session")
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
        self._create_identity_table()
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

    def _create_identity_table(self) -> None:
        """The identity table, its indexes, and the statement that writes its rows."""
        schema = Identifier(self.datastore.schema)
        identity = Identifier(self.identity_table_name)
        id_type = Identifier(self.datastore.originator_id_type)
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {schema}.{identity} ("
                "originator_id {id_type} PRIMARY KEY, "
                "originator_version bigint NOT NULL, "
                "slug text NOT NULL, "
                "session_key text, "
                "facts_key text)"
            ).format(schema=schema, identity=identity, id_type=id_type)
        )
        for column in ("session_key", "facts_key"):
            index = Identifier(f"{self.identity_table_name}_{column.split('_')[0]}")
            self.sql_create_statements.append(
                SQL("CREATE INDEX IF NOT EXISTS {index} ON {schema}.{identity} ({column})").format(
                    index=index, schema=schema, identity=identity, column=Identifier(column)
                )
            )
        # An engagement's row is replaced by each save: it holds the keys of its latest state.
        self.upsert_identities_statement = SQL(
            "INSERT INTO {schema}.{identity} "
            "SELECT * FROM unnest(%s::{id_type}[], %s::bigint[], %s::text[], %s::text[], "
            "%s::text[]) "
            "ON CONFLICT (originator_id) DO UPDATE SET "
            "originator_version = excluded.originator_version, slug = excluded.slug, "
            "session_key = excluded.session_key, facts_key = excluded.facts_key"
        ).format(schema=schema, identity=identity, id_type=id_type)

    def create_table(self) -> None:
        super().create_table()
        self._backfill()

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(
        self,
        stored_events: Sequence[StoredEvent],
        *,
        identities: Sequence[IdentityRow] = (),
        unique: Sequence[IdentityRow] = (),
        **kwargs: Any,
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
            if unique:  # under the table lock: what another writer recorded since the check
                taken(unique, self._find(curs, [k for row in unique for k in row.held()]))
            self._upsert_identities(curs, identities)
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

    def _upsert_identities(self, curs: Cursor[DictRow], rows: Sequence[IdentityRow]) -> None:
        if rows:
            columns = [list(column) for column in zip(*rows, strict=True)]
            curs.execute(self.upsert_identities_statement, columns)

    def _backfill(self) -> None:
        """Chain a store written before the chain existed: once, when it has events, no links."""

        def chain(curs: Cursor[DictRow]) -> None:
            for events in self._event_batches(curs):
                self._write_links(curs, events)

        self._once(self.chain_table_name, chain)

    def fill_identities(self, fold: Callable[[Iterable[StoredEvent]], list[IdentityRow]]) -> int:
        """Fill the identity table of a store made before it, from `fold` of every event: once,
        when the store has events and the table no rows (every engagement has a row)."""
        filled: list[IdentityRow] = []

        def fill(curs: Cursor[DictRow]) -> None:
            rows = fold(stored for batch in self._event_batches(curs) for _, stored in batch)
            self._upsert_identities(curs, rows)
            filled.extend(rows)

        self._once(self.identity_table_name, fill)
        return len(filled)

    def _once(self, table: str, fill: Callable[[Cursor[DictRow]], None]) -> None:
        """Run `fill` when `table` is empty and the store has events, under the writers' lock,
        so no event lands in between and two openers fill it once."""
        empty = SQL("SELECT NOT EXISTS (SELECT 1 FROM {0}.{1}) AS empty").format(
            Identifier(self.datastore.schema), Identifier(table)
        )
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(empty)
            if not curs.fetchone()["empty"] or not self.max_notification_id():
                return
        with (
            self.datastore.get_connection() as conn,
            conn.transaction(),
            conn.cursor() as curs,
        ):
            self._lock_table(curs)
            curs.execute(empty)
            if curs.fetchone()["empty"]:
                fill(curs)

    def _event_batches(self, curs: Cursor[DictRow]) -> Iterator[list[tuple[int, StoredEvent]]]:
        """Every stored event with its notification id, in order, a batch at a time."""
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
            yield [(r["notification_id"], _stored(r)) for r in rows]
            start = rows[-1]["notification_id"]

    def recorded_ids(self, ids: Sequence[UUID]) -> set[UUID]:
        """Those of `ids` that have events in the store, in a few queries for any number."""
        query = SQL("SELECT DISTINCT originator_id FROM {}.{} WHERE originator_id = ANY(%s)")
        query = query.format(Identifier(self.datastore.schema), Identifier(self.events_table_name))
        as_uuid = self.datastore.originator_id_type == "uuid"
        found: set[UUID] = set()
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            for i in range(0, len(ids), ANY_CHUNK):
                chunk = ids[i : i + ANY_CHUNK]
                curs.execute(query, [list(chunk) if as_uuid else [str(i) for i in chunk]])
                for row in curs.fetchall():
                    value = row["originator_id"]
                    found.add(value if isinstance(value, UUID) else UUID(value))
        return found

    def find_identities(self, keys: Sequence[str]) -> list[tuple[str, str]]:
        """(key, slug) of each engagement that has one of `keys`: a probe of an index a key."""
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            return self._find(curs, keys)

    def _find(self, curs: Cursor[DictRow], keys: Sequence[str]) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for column, wanted in by_column(keys).items():
            query = SQL("SELECT {0} AS key, slug FROM {1}.{2} WHERE {0} = ANY(%s)").format(
                Identifier(column),
                Identifier(self.datastore.schema),
                Identifier(self.identity_table_name),
            )
            for i in range(0, len(wanted), ANY_CHUNK):
                curs.execute(query, [wanted[i : i + ANY_CHUNK]])
                found += [(row["key"], row["slug"]) for row in curs.fetchall()]
        return found

    def select_identities(self) -> list[IdentityRow]:
        """Every row of the identity table."""
        query = SQL("SELECT * FROM {0}.{1}").format(
            Identifier(self.datastore.schema), Identifier(self.identity_table_name)
        )
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(query)
            return [
                IdentityRow(
                    originator_text(r["originator_id"]),
                    r["originator_version"],
                    r["slug"],
                    r["session_key"],
                    r["facts_key"],
                )
                for r in curs.fetchall()
            ]

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
