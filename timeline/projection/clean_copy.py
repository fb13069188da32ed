"""A clean copy of `timeline.db` for people to download: every table people read, the full-text
indexes, and `archive_head` (the position and head hash of the store's chain it was built from,
so `timeline verify --expect HASH --database COPY` can check it), without the projector's
internal tracking table.

Pure SQLite and the schema: the web layer makes the served download with it, the command line
`timeline publish` with it."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import TimelineError
from timeline.projection.schema import HEAD_TABLE, TRACKING_TABLE

# What a reader never needs: where the projector stopped reading (its position is also in
# archive_head, which stays).
INTERNAL_TABLES = (TRACKING_TABLE,)


@dataclass(frozen=True)
class PublishedCopy:
    """What was written: the file, the store position and head it stands for, its tables."""

    path: Path
    position: int
    head: str
    tables: int
    size: int


def recorded_head(db: sqlite3.Connection) -> tuple[int, str] | None:
    """(position, head) from a database's archive_head table, or None when it has none."""
    try:
        row = db.execute(f"select position, head from {HEAD_TABLE}").fetchone()
    except sqlite3.DatabaseError:
        return None
    return (row[0], row[1]) if row and row[1] else None


def check_target(out: Path) -> None:
    """A new file in a folder that exists: an existing file is never replaced."""
    if out.exists() or out.is_symlink():
        raise TimelineError(f"{out}: exists; give a new file name (nothing was written)")
    if not out.parent.is_dir():
        raise TimelineError(f"{out}: cannot be written: folder {out.parent} does not exist")
    if not os.access(out.parent, os.W_OK):
        raise TimelineError(f"{out}: cannot be written: folder {out.parent} is not writable")


def publish_copy(source: Path, out: Path) -> PublishedCopy:
    """Copy `source` (a built timeline.db) to the new file `out` without internal tables.

    Written beside `out` under a temporary name and renamed, so `out` is whole or absent."""
    check_target(out)
    scratch = out.with_name(f".{out.name}.{os.getpid()}.new")
    scratch.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            head = recorded_head(src)
            if head is None:
                raise TimelineError(
                    f"{source}: records no head (an empty archive, or not built): nothing to "
                    "publish"
                )
            dst = sqlite3.connect(scratch)
            try:
                src.backup(dst)
                _strip(dst)
                tables = dst.execute(
                    "select count(*) from sqlite_master where type = 'table'"
                ).fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(scratch, out)
    except OSError as e:
        raise TimelineError(f"{out}: cannot be written ({e.strerror or e})") from None
    finally:
        scratch.unlink(missing_ok=True)
    return PublishedCopy(out, head[0], head[1], tables, out.stat().st_size)


def _strip(db: sqlite3.Connection) -> None:
    """Drop the internal tables; one file, no journal beside it; compacted."""
    for table in INTERNAL_TABLES:
        db.execute(f'drop table if exists "{table}"')
    db.commit()
    db.execute("pragma journal_mode = delete")
    db.execute("vacuum")
