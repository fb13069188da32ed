"""Datasette plugin: what makes the archive safe to publish however Datasette is started.

- Read-only: Datasette's connections to the archive refuse every write, whatever SQL reaches them.
- Internal tables (the projector's `_tracking`) are neither listed nor readable, the pages of
  full-text index shadow tables are refused, and the database file is not offered for download
  unless the metadata allows it (`"plugins": {"timeline": {"allow_download": true}}`).
- Robots are blocked by `datasette-block-robots`, a dependency, unless its settings say otherwise.
Datasette escapes every value it renders; the plugins of this package escape what they build."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from datasette import hookimpl

from timeline.projection.schema import TRACKING_TABLE

INTERNAL_TABLES = {TRACKING_TABLE}
# FTS5 keeps its index in these shadow tables: binary, and read by FTS5 itself through the same
# connection, so their pages are refused but SQL that reads them cannot be.
FTS_SHADOW = re.compile(r"_fts_(data|idx|docsize|config|content)$")
# Databases Datasette makes for itself, which it writes to.
DATASETTE_OWN = {"_internal", "_memory"}
WRITES = {
    sqlite3.SQLITE_INSERT,
    sqlite3.SQLITE_UPDATE,
    sqlite3.SQLITE_DELETE,
    sqlite3.SQLITE_CREATE_TABLE,
    sqlite3.SQLITE_CREATE_INDEX,
    sqlite3.SQLITE_CREATE_TRIGGER,
    sqlite3.SQLITE_CREATE_VIEW,
    sqlite3.SQLITE_CREATE_VTABLE,
    sqlite3.SQLITE_DROP_TABLE,
    sqlite3.SQLITE_DROP_INDEX,
    sqlite3.SQLITE_DROP_TRIGGER,
    sqlite3.SQLITE_DROP_VIEW,
    sqlite3.SQLITE_DROP_VTABLE,
    sqlite3.SQLITE_ALTER_TABLE,
    sqlite3.SQLITE_REINDEX,
    sqlite3.SQLITE_ANALYZE,
}


def authorize(action: int, arg1: str | None, arg2: str | None, schema: str | None, _: Any) -> int:
    """SQLite's authorizer: no writes to the archive, no reads of its internal tables."""
    # SQLite itself checks an update of sqlite_master when a virtual table (FTS) is declared.
    if schema == "main" and action in WRITES and not (arg1 or "").startswith("sqlite_"):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and arg1 in INTERNAL_TABLES:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str) -> None:
    if database not in DATASETTE_OWN:
        conn.set_authorizer(authorize)


@hookimpl
def permission_allowed(datasette: Any, action: str, resource: Any) -> bool | None:
    if action == "view-table" and isinstance(resource, tuple):
        table = resource[1]
        if table in INTERNAL_TABLES or FTS_SHADOW.search(table):
            return False
    if action == "view-database-download":
        config = datasette.plugin_config("timeline") or {}
        return None if config.get("allow_download") else False
    return None
