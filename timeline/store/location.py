"""Where an archive keeps its events: SQLite in its folder, or PostgreSQL named by a URL.

A store URL (`--store`, `$TIMELINE_STORE`, `Archive(folder, store=URL)`) reads
`postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?schema=NAME]` and becomes eventsourcing's
POSTGRES_* settings. Without a password in the URL, $PGPASSWORD is used, as libpq does."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from timeline.errors import ArchiveError

ENV_STORE = "TIMELINE_STORE"
# The archive folder when --archive is not given (timeline.store.application.archive_folder).
ENV_ARCHIVE = "TIMELINE_ARCHIVE"
SCHEMES = ("postgresql", "postgres")
URL_FORM = "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?schema=NAME]"
# A server that does not answer is reported after this long, not after libpq's default (forever).
CONNECT_TIMEOUT_SECONDS = 5
# PostgreSQL retries a timed-out table lock 10 times (eventsourcing's insert_events), so each
# wait is a tenth of the overall bound that SQLite writers get.
PG_LOCK_RETRIES = 10


@dataclass(frozen=True)
class PostgresStore:
    """A PostgreSQL store, parsed from its URL."""

    dbname: str
    host: str
    port: int
    user: str
    password: str = ""
    schema: str = ""

    @property
    def display(self) -> str:
        """The URL without its password, for messages."""
        schema = f"?schema={self.schema}" if self.schema else ""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}{schema}"

    def settings(self, lock_timeout: int) -> dict[str, str]:
        """eventsourcing's settings for this store; the environment may still tune the pool."""
        settings = {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": self.dbname,
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
            "POSTGRES_SCHEMA": self.schema,
        }
        defaults = {
            "POSTGRES_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT_SECONDS),
            "POSTGRES_LOCK_TIMEOUT": str(max(1, lock_timeout // PG_LOCK_RETRIES)),
            # One command is one writer: a small pool, not eventsourcing's five connections.
            "POSTGRES_POOL_SIZE": "1",
            "POSTGRES_MAX_OVERFLOW": "2",
        }
        for key, value in defaults.items():
            if key not in os.environ:
                settings[key] = value
        return settings

    def connect(self) -> Any:  # a psycopg connection; psycopg is an optional dependency
        """One connection, for checks before eventsourcing opens its pool."""
        try:
            import psycopg
        except ImportError:
            raise ArchiveError(
                f"{self.display}: PostgreSQL support is not installed; "
                "install the postgres extra: pip install 'timeline[postgres]'"
            ) from None
        try:
            return psycopg.connect(
                dbname=self.dbname,
                host=self.host,
                port=self.port,
                user=self.user,
                password=self.password or None,
                connect_timeout=CONNECT_TIMEOUT_SECONDS,
                autocommit=True,
            )
        except psycopg.Error as e:
            raise ArchiveError(f"{self.display}: cannot connect: {one_line(e)}") from None

    @contextmanager
    def prepared(self, *, must_exist: bool, tables: Sequence[str]) -> Iterator[dict[str, str]]:
        """Check the server answers and holds the archive (or may hold a new one); yield the
        settings that say whether eventsourcing must create its tables (`tables`, the events
        table first).

        A new store's schema and tables are made under an advisory lock, because CREATE ... IF
        NOT EXISTS still collides when several processes open a new store at once. A complete
        store's tables are left alone: creating them again would wait on a writer's table lock,
        without bound."""
        conn = self.connect()  # first: it says so if psycopg is not installed
        from psycopg import Error, sql

        try:
            names = [sql.Identifier(self.schema or "public", t).as_string(conn) for t in tables]
            found = [
                conn.execute("select to_regclass(%s)", [name]).fetchone()[0] is not None
                for name in names
            ]
            if all(found):
                yield {"CREATE_TABLE": "no"}
                return
            if must_exist and not found[0]:
                raise ArchiveError(
                    f"{self.display}: no archive here (no {tables[0]} table); record something "
                    "with `timeline append FILE --store URL`"
                )
            conn.execute("select pg_advisory_lock(hashtext(%s))", [f"timeline:{names[0]}"])
            if self.schema:
                conn.execute(
                    sql.SQL("create schema if not exists {}").format(sql.Identifier(self.schema))
                )
            yield {}
        except Error as e:
            raise ArchiveError(f"{self.display}: {one_line(e)}") from None
        finally:
            conn.close()  # also releases the advisory lock


def one_line(error: BaseException) -> str:
    """A driver's message, which may span lines, on one line."""
    return " ".join(str(error).split()) or type(error).__name__


def parse_store(url: str) -> PostgresStore:
    """A store URL, or an ArchiveError saying what is wrong with it (never echoing a password)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port or 5432
    except ValueError as e:
        raise ArchiveError(f"--store: {e}; expected {URL_FORM}") from None
    if parts.scheme not in SCHEMES:
        shown = parts.scheme or url.split(":", 1)[0]
        raise ArchiveError(
            f"--store: {shown!r} is not a PostgreSQL URL; expected {URL_FORM} "
            "(leave --store out for the SQLite store in the archive folder)"
        )
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname or "/" in dbname:
        raise ArchiveError(f"--store: no database name; expected {URL_FORM}")
    if not parts.hostname:
        raise ArchiveError(f"--store: no host; expected {URL_FORM}")
    query = parse_qs(parts.query, keep_blank_values=True)
    unknown = sorted(set(query) - {"schema"})
    if unknown:
        raise ArchiveError(f"--store: unknown parameter {unknown[0]!r}; only 'schema' is read")
    schema = query.get("schema", [""])[-1]
    if len(schema) > 63:
        raise ArchiveError("--store: schema: a PostgreSQL name has at most 63 characters")
    return PostgresStore(
        dbname=dbname,
        host=parts.hostname,
        port=port,
        user=unquote(parts.username) if parts.username else default_user(),
        # libpq's way of keeping a password out of the URL (and of shell history and `ps`).
        password=unquote(parts.password) if parts.password else os.environ.get("PGPASSWORD", ""),
        schema=schema,
    )


def default_user() -> str:
    """libpq's default: $PGUSER, else the login name."""
    import getpass

    return os.environ.get("PGUSER") or getpass.getuser()
