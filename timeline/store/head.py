"""The head of an archive's SQLite store, read with sqlite3 alone: what `timeline serve` compares
with timeline.db's position before deciding to open the archive. Opening it loads eventsourcing,
pydantic and every event model (70 ms of CPU time of the 130 ms `timeline serve` added to
Datasette's own start, measured at 1,000 engagements), which a server whose timeline.db already
has every event does not need."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

# The name the archive (an eventsourcing Application) goes by: timeline.db tracks its position
# under it.
ARCHIVE_NAME = "timeline"
STORE_FILE = "events.db"
PROJECTION_FILE = "timeline.db"
# The SQLite recorder's table of events (eventsourcing's default name, which
# timeline.store.sqlite keeps): its rowids are the notification ids timeline.db's position
# counts. tests/projection/test_freshness.py reads the head both ways.
EVENTS_TABLE = "stored_events"


def sqlite_head(folder: Path) -> int | None:
    """The last notification id of the SQLite store in `folder` (0 when it has no events), or
    None when there is no such store or it cannot be read here (locked, damaged, not SQLite):
    the caller then opens the archive as always, which says what is wrong."""
    store = folder / STORE_FILE
    if not store.is_file():
        return None
    # Read-only: asking must never create, change or lock anything.
    uri = f"{store.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=1)) as db:
            row = db.execute(f"SELECT MAX(rowid) FROM {EVENTS_TABLE}").fetchone()
    except sqlite3.Error:
        return None
    return int(row[0] or 0)
