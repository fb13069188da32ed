"""What the plugin routes share: the archive's database as Datasette serves it."""

from __future__ import annotations

from typing import Any

from datasette.database import Database
from datasette.utils.asgi import NotFound

DATABASE = "timeline"
# A published projection has both: `engagements` (the records) and `timeline` (their rows per
# country), which every page, feed and search reads.
TABLES = ("engagements", "timeline")


async def archive_database(datasette: Any) -> Database:
    """The published projection: the database named `timeline` if it has the projection's
    tables, else the first other database file that has them (`datasette some/other.db`)."""
    candidates = sorted(datasette.databases.values(), key=lambda db: db.name != DATABASE)
    for db in candidates:
        if db.is_memory or db.name == "_internal":
            continue
        if all([await db.table_exists(table) for table in TABLES]):
            return db
    raise NotFound("No timeline database is published on this server")
