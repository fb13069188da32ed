"""What the plugin routes share: the archive's database as Datasette serves it."""

from __future__ import annotations

from typing import Any

from datasette.utils.asgi import NotFound

DATABASE = "timeline"


async def archive_database(datasette: Any) -> Any:
    """The database named `timeline`, else the first one with an `engagements` table."""
    if DATABASE in datasette.databases:
        return datasette.get_database(DATABASE)
    for name, db in datasette.databases.items():
        if name != "_internal" and await db.table_exists("engagements"):
            return db
    raise NotFound("No database with an engagements table is served")
