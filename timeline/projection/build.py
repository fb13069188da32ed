"""Building `timeline.db`: incrementally in place, anew by rebuild (a new file swapped in by
rename, so no reader ever sees half a database), or as the archive stood at a moment (as-of)."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from events import TOPICS
from timeline.errors import ArchiveError, TimelineError
from timeline.projection.collections import write_collections
from timeline.projection.offices import flagged_participants, write_registry
from timeline.projection.people import link_holders, write_people
from timeline.projection.projector import (
    Projector,
    connect,
    default_batch_size,
)
from timeline.projection.rows import country_rows, kind_rows
from timeline.projection.schema import (
    HEAD_TABLE,
    create_indexes,
    create_tables,
    enable_search,
    outdated,
    position,
    schema_complete,
)
from timeline.store.crashpoints import crash_point
from timeline.text import bilingual

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import sqlite_utils

    from timeline.store.application import Archive

    Progress = Callable[[int, int], None]

# A rebuild reads larger batches: fewer transactions, and each table written in longer runs;
# memory grows with the batch (about 60 MB a thousand events), time hardly shrinks beyond this.
REBUILD_BATCH_SIZE = 2000
# The page cache of an incremental build's connection, in KiB (SQLite's default is 2 MiB, 500
# pages): one engagement's rows reach some 80 indexes, full-text and count tables, 550-850
# pages of a 1M archive's timeline.db, and with the default cache `timeline append` read 70-97
# of them twice; with this, 49-50, the pages a second connection reads after the build (nine
# generated records, each appended with either cache, both orders, counted from pread64 calls
# under strace). Each is a disk read when the file is not in the OS's cache; not visible in
# wall or CPU time at a load of 5. Pages are allocated as they are read: a small build uses few.
BUILD_CACHE_PRAGMA = "PRAGMA cache_size = -65536"
# A rebuild's temporary file: .timeline.db.PID.new (and its journal), removed if PID has died.
TEMPORARY_GLOB = ".{name}.*.new*"


@dataclass
class BuildReport:
    events: int
    engagements: int
    position: int
    rebuilt: bool
    # `flagged_participants` of the engagements a build was asked about (`conflicts_of`), read
    # on its own connection; None when it did not read them (a rebuild).
    conflicts: list[tuple[str, str, str, str]] | None = None


def create_schema(db: sqlite_utils.Database, *, indexes: bool = True) -> None:
    """The tables (and, unless a rebuild adds them after loading, their indexes), with the
    vocabularies written."""
    create_tables(db, indexes=indexes)
    write_vocabularies(db)


def write_vocabularies(db: sqlite_utils.Database) -> None:
    """Countries, kinds and topics as the code defines them; written only when they differ."""
    for table, rows in _vocabularies():
        cursor = db.execute(f"select * from [{table}]")
        columns = [c[0] for c in cursor.description]
        if [dict(zip(columns, row, strict=True)) for row in cursor] != rows:
            with db.atomic():
                db[table].delete_where()
                # alter: a timeline.db made before a vocabulary gained a column takes it on
                db[table].insert_all([dict(row) for row in rows], alter=True)
    if added := write_registry(db):
        with db.atomic():
            # The new holders' people as the decisions about people in force have them.
            write_people(db, added | link_holders(db))
    write_collections(db)


@cache
def _vocabularies() -> tuple[tuple[str, list[dict[str, Any]]], ...]:
    """The vocabularies' rows, made once a process: every build compares them with the file's."""
    topics = [
        {
            "key": k,
            "label_en": t.en,
            "label_vi": t.vi,
            "description": t.description,
            "label": bilingual(t.en, t.vi),
        }
        for k, t in TOPICS.items()
    ]
    return (("countries", country_rows()), ("kinds", kind_rows()), ("topics", topics))


def build(
    archive: Archive,
    *,
    rebuild: bool = False,
    batch_size: int | None = None,
    progress: Progress | None = None,
    conflicts_of: Sequence[str] = (),
) -> BuildReport:
    """Bring `timeline.db` up to date: in place and incrementally, or anew and swapped in.
    `progress(done, total)` is told the events read so far, batch by batch. An incremental
    build reads the registry's conflicts of the engagements `conflicts_of` before it closes the
    file: `timeline append` asked them of a second connection, which parsed the schema again
    and read some 30 pages (about 2 ms of CPU at 1M engagements)."""
    default_batch_size()  # a bad $TIMELINE_BATCH_SIZE is refused before anything is written
    path = archive.projection_path
    remove_stale_temporaries(path)
    roll_back_journal(path)
    if rebuild or not path.exists():
        return _rebuild(archive, path, batch_size, progress)
    db = connect(path)
    try:
        db.execute(BUILD_CACHE_PRAGMA)
        if position(db, archive.name) and outdated(db):
            # Built by an earlier version without some table or column: only a rebuild fills it
            # from the events already projected.
            db.close()
            return _rebuild(archive, path, batch_size, progress)
        if not schema_complete(db):
            create_schema(db)
            enable_search(db)
        else:
            write_vocabularies(db)
        projector = Projector(archive, db, batch_size, progress=progress)
        events, engagements = projector.run()
        at = position(db, archive.name)
        if at and db.execute(f"select position from {HEAD_TABLE}").fetchone() != (at,):
            # A timeline.db built before the head was published: publish it now.
            with db.atomic():
                projector.write_head(at)
        conflicts = flagged_participants(db, conflicts_of)
        return BuildReport(
            events, engagements, position(db, archive.name), rebuilt=False, conflicts=conflicts
        )
    except sqlite3.OperationalError as e:
        if "locked" not in str(e):
            raise
        # A reader held timeline.db past the lock timeout (a rollback journal lets none commit
        # while one reads): the batch was rolled back whole, and the store has every event.
        raise ArchiveError(
            f"{path}: busy ({e}); it was left as it was, and the archive's events are stored: "
            "run `timeline build` again"
        ) from None
    finally:
        db.close()


def _rebuild(
    archive: Archive, path: Path, batch_size: int | None, progress: Progress | None = None
) -> BuildReport:
    return _write_new(archive, path, batch_size, progress=progress)


def _write_new(
    archive: Archive,
    path: Path,
    batch_size: int | None,
    until: datetime | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Build a projection into a new file and swap it in at `path` by rename."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    temporary.unlink(missing_ok=True)
    db = connect(temporary)
    try:
        # No journal and no syncing while the new file is written: a crash leaves only this
        # temporary file, which is never swapped in; it is synced once, before the rename.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        create_schema(db, indexes=False)
        size = batch_size or default_batch_size(REBUILD_BATCH_SIZE)
        projector = Projector(archive, db, size, until, fresh=True, progress=progress)
        events, engagements = projector.run()
        crash_point("build.before_search")
        # Indexes and full-text search built once over the loaded tables, not row by row.
        create_indexes(db)
        enable_search(db)
        # Statistics from a sample of each index: the planner needs their shape, not exact
        # counts, and a full ANALYZE reads every index of a million-row file again.
        db.execute("PRAGMA analysis_limit = 1000")
        db.analyze()
        report = BuildReport(events, engagements, position(db, archive.name), rebuilt=True)
    except BaseException:
        db.close()
        temporary.unlink(missing_ok=True)
        raise
    db.close()
    _fsync(temporary)
    crash_point("build.before_swap")
    # The journal of a build killed in its commit is kept by name: settle it first, so it is
    # never taken for the new file's, and readers that cannot roll it back are not refused.
    roll_back_journal(path)
    os.replace(temporary, path)
    _fsync(path.parent)
    return report


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def parse_as_of(text: str) -> datetime:
    """A moment in UTC: a date stands for the end of that (UTC) day; a timestamp without a zone
    is in UTC."""
    value = text.strip()
    try:
        if len(value) == 10:
            day = datetime.fromisoformat(value).date()
            return datetime.combine(day, time.max, tzinfo=UTC)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise TimelineError(
            f"--as-of {text!r}: not a date (YYYY-MM-DD) or an ISO timestamp "
            "(YYYY-MM-DDTHH:MM:SS, with an optional zone)"
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def as_of_path(archive: Archive, text: str) -> Path:
    """Where `build --as-of` writes by default: beside timeline.db, never over it."""
    stamp = re.sub(r"[^0-9A-Za-z]+", "-", text.strip()).strip("-")
    return archive.folder / f"timeline-as-of-{stamp}.db"


def build_as_of(
    archive: Archive, until: datetime, path: str | Path, *, batch_size: int | None = None
) -> BuildReport:
    """Write the whole archive as it stood at `until` (events recorded then or before) to a
    separate file; `timeline.db` is never touched."""
    target = Path(path)
    if target.resolve() == archive.projection_path.resolve():
        raise TimelineError(
            f"--output {target}: that is the archive's timeline.db; an as-of build goes to "
            "another file"
        )
    if target.is_dir():
        raise TimelineError(f"--output {target}: is a folder; name a file")
    if not target.parent.is_dir():
        raise TimelineError(f"--output {target}: no folder {target.parent}")
    remove_stale_temporaries(target)
    return _write_new(archive, target, batch_size, until)


def roll_back_journal(path: Path) -> None:
    """Roll back what a build killed in its commit left in `path`'s journal: opening the file
    for writing does it. Until then, read-only readers (Datasette) are refused."""
    if path.exists() and path.with_name(f"{path.name}-journal").exists():
        db = connect(path)
        try:
            db.execute("select count(*) from sqlite_master").fetchone()
        finally:
            db.close()


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove what rebuilds killed before their swap left behind; a live rebuild's file stays."""
    removed = []
    for leftover in path.parent.glob(TEMPORARY_GLOB.format(name=path.name)):
        pid = leftover.name.removeprefix(f".{path.name}.").partition(".")[0]
        if pid.isdigit() and not _is_running(int(pid)):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def is_current(archive: Archive) -> bool:
    """Whether `timeline.db` has every event of the store."""
    path = archive.projection_path
    if not path.exists():
        return False
    db = connect(path)
    try:
        return position(db, archive.name) >= (archive.recorder.max_notification_id() or 0)
    finally:
        db.close()
