"""Whether timeline.db needs a build, asked without opening the archive: what `timeline serve`
checks before it starts Datasette. A build (timeline.projection.build) opens the archive and
loads eventsourcing, pydantic and every event model to find it has nothing to do; here SQLite
answers from the two files, and anything this cannot tell sends the caller to the build.

timeline.db needs no build when all of these hold:
- it has every event of the SQLite store beside it (its position is the store's last
  notification id) and has published that position (`archive_head`);
- no build left a journal (a build killed in its commit) or a temporary file beside it;
- its tables and columns are this version's (`schema.outdated`, `schema.schema_complete`);
- no file of the code and data it is written from (the `events` package, timeline.projection,
  timeline.offices with its registry, timeline.text) is newer than it: a new version may change
  the vocabularies, the office registry or the rows, which a build writes again."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import sqlite_utils

import events
from timeline.projection.schema import (
    HEAD_TABLE,
    outdated,
    position,
    schema_complete,
)
from timeline.store.head import ARCHIVE_NAME, PROJECTION_FILE, sqlite_head

PACKAGE = Path(__file__).resolve().parents[1]
# What timeline.db is written from (see the module's docstring).
SOURCES = (
    Path(events.__file__).resolve().parent,
    PACKAGE / "projection",
    PACKAGE / "offices",
    PACKAGE / "text.py",
)


def needs_no_build(folder: Path) -> bool:
    """Whether timeline.db in `folder` is up to date with its SQLite store and this version of
    the code (see the module's docstring); False whenever that cannot be told."""
    path = folder / PROJECTION_FILE
    if not path.is_file() or _leftovers(path):
        return False
    head = sqlite_head(folder)
    if head is None:
        return False
    built = path.stat().st_mtime
    if any(mtime > built for mtime in _mtimes(SOURCES)):
        return False
    try:
        return _current(path, head)
    except sqlite3.Error:
        return False


def _leftovers(path: Path) -> bool:
    """A journal or a temporary file a build left: the build settles or removes them."""
    return path.with_name(f"{path.name}-journal").exists() or any(
        path.parent.glob(f".{path.name}.*.new*")
    )


def _current(path: Path, head: int) -> bool:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=1)) as connection:
        db = sqlite_utils.Database(connection)
        if not db[HEAD_TABLE].exists() or position(db, ARCHIVE_NAME) != head:
            return False
        published = db.execute(
            f"select position from {HEAD_TABLE} where name = ?", [ARCHIVE_NAME]
        ).fetchone()
        return published == (head,) and schema_complete(db) and not outdated(db)


def _mtimes(paths: tuple[Path, ...]) -> Iterator[float]:
    """The modification times of the files under `paths` (bytecode caches aside)."""
    for path in paths:
        if path.is_file():
            yield path.stat().st_mtime
            continue
        for root, folders, files in os.walk(path):
            folders[:] = [f for f in folders if f != "__pycache__"]
            for name in files:
                yield os.stat(os.path.join(root, name)).st_mtime
