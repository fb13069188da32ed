"""timeline.db as the projection opens it: sqlite-utils' `Database`, with what an incremental build
runs answered without importing sqlite-utils.

An incremental build (each `timeline append`) runs statements (`execute`), reads rows as dicts
(`query`) and asks whether tables exist; importing sqlite-utils for that was 27-80 ms of the
0.5 s of CPU `timeline append` of one record took on the shared machine (its import after
everything else the append loads, min of 21 processes, load 9-10), more than the build itself.
Everything else (`atomic`, a table's inserts, `create`, `enable_fts`, `analyze`: a rebuild, a
new vocabulary, an office record) is sqlite-utils' own, imported on first use, on the same
connection. `execute` and `query` keep sqlite-utils 4's semantics: a write outside a transaction
is committed at once; a statement that fails outside one leaves none open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

# As sqlite-utils 4 has them (sqlite_utils.db): statements that open or end a transaction.
_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}
_NOT_A_QUERY = _TRANSACTION_CONTROL | {"VACUUM", "ATTACH", "DETACH"}
Parameters = Sequence[Any] | dict[str, Any] | None


class Connection:
    """sqlite-utils' `Database` on `conn` (without its plugins, as `connect` made it before):
    `execute`, `query`, `table_names`, `view_names` and a table's `exists` here, the rest from
    sqlite-utils when first asked for."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._database: sqlite_utils.Database | None = None
        self.execute("PRAGMA recursive_triggers=on;")  # as sqlite_utils.Database() does

    def database(self) -> sqlite_utils.Database:
        """sqlite-utils' own `Database` on this connection, made on first use."""
        if self._database is None:
            import sqlite_utils

            self._database = sqlite_utils.Database(
                self.conn, recursive_triggers=False, execute_plugins=False
            )
        return self._database

    def __getattr__(self, name: str) -> Any:
        return getattr(self.database(), name)

    def __getitem__(self, name: str) -> Table:
        return Table(self, name)

    def close(self) -> None:
        self.conn.close()

    def execute(self, sql: str, parameters: Parameters = None) -> sqlite3.Cursor:
        """`sqlite_utils.Database.execute`: a write that opens an implicit transaction is
        committed at once; a statement that fails leaves no transaction it opened."""
        was_in_transaction = self.conn.in_transaction
        try:
            if parameters is None:
                cursor = self.conn.execute(sql)
            else:
                cursor = self.conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, parameters: Parameters = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts, for a statement that returns rows; sqlite-utils' own `query` (it
        guards a statement that might write) for anything but a SELECT or WITH."""
        if first_keyword(sql) not in ("SELECT", "WITH"):
            return self.database().query(sql, parameters)
        cursor = self.execute(sql, parameters)
        keys = [d[0] for d in cursor.description]
        if len(set(keys)) != len(keys):  # sqlite-utils renames repeated columns
            return self.database().query(sql, parameters)
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def table_names(self, fts4: bool = False, fts5: bool = False) -> list[str]:
        where = ["type = 'table'"]
        if fts4:
            where.append("sql like '%USING FTS4%'")
        if fts5:
            where.append("sql like '%USING FTS5%'")
        sql = "select name from sqlite_master where {}".format(" AND ".join(where))
        return [row[0] for row in self.execute(sql).fetchall()]

    def view_names(self) -> list[str]:
        return [r[0] for r in self.execute("select name from sqlite_master where type = 'view'")]


class Table:
    """`db[name]`: whether it exists here; the rest (inserts, `create`, ...) from sqlite-utils'
    table of that name."""

    def __init__(self, db: Connection, name: str):
        self.db, self.name = db, name

    def exists(self) -> bool:
        """A table or a view of that name (sqlite-utils' `db[name]` is a `View` for a view)."""
        return self.name in self.db.table_names() or self.name in self.db.view_names()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db.database()[self.name], name)


def first_keyword(sql: str) -> str:
    """The statement's first keyword, upper-cased, after whitespace, empty statements and
    comments (sqlite-utils' `_first_keyword`, which the driver's tolerance defines)."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in (";", "\ufeff"):
            i += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            i = n if newline == -1 else newline + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end == -1 else end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalpha() or sql[j] == "_"):
        j += 1
    return sql[i:j].upper()
