"""`timeline verify`: recompute the hash chain from the stored events, and check the projection.

The chain check walks the stored events and the chain's links side by side, in notification
order, and recomputes each link from the event and the stored link before it, so a problem is
named where it is: an edited event, a removed one, one added behind the archive's back, or one
moved to another position. The identity check folds the stored events into each engagement's
identity keys and compares them with the store's identity table, which the duplicate check
probes. The projection check rebuilds `timeline.db` from the store, up to the position
`timeline.db` says it has reached, and compares the two table by table."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

import orjson

from timeline.errors import TimelineError
from timeline.projection.build import create_schema
from timeline.projection.clean_copy import INTERNAL_TABLES, recorded_head
from timeline.projection.projector import Projector, connect
from timeline.projection.schema import FTS, TABLES, enable_search, position
from timeline.store.application import Archive
from timeline.store.chain import GENESIS, Link, link_hash, originator_text
from timeline.store.identity import IdentityRecorder, IdentityRow

BATCH = 5_000
# Differing rows named per table; the rest are counted.
ROWS_NAMED = 5


@dataclass
class VerifyReport:
    """What `verify` found: counts, the head, and a one-line description of each problem."""

    events: int = 0
    engagements: int = 0
    head: str | None = None
    head_position: int = 0
    projection_position: int | None = None
    tables: int = 0
    identities: int = 0
    # A published copy checked instead of timeline.db (`verify --database`): its file and the
    # head recorded in it.
    database: str | None = None
    database_head: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_hash(value: str) -> str:
    """A head as given on the command line: 64 hex digits, any case."""
    head = value.strip().lower()
    if len(head) != 64 or any(c not in "0123456789abcdef" for c in head):
        raise TimelineError(f"--expect {value!r}: not a head hash (64 hexadecimal digits)")
    return head


def verify(
    archive: Archive, *, projection: bool = True, database: str | Path | None = None
) -> VerifyReport:
    """Check the store's chain and, unless told not to, `timeline.db` against the store; with
    `database`, that file (a copy `timeline publish` wrote) instead of timeline.db: its head
    must be a link of the chain, and its tables a rebuild up to that link."""
    copy = Path(database) if database is not None else None
    if copy is not None and not copy.is_file():
        raise TimelineError(f"--database {copy}: no such file")
    report = VerifyReport(database=str(copy) if copy else None)
    recorder = archive.recorder
    if not hasattr(recorder, "select_links"):
        report.problems.append(f"{type(recorder).__name__}: this store keeps no hash chain")
        return report
    head = recorder.chain_head()
    stop = max(recorder.max_notification_id() or 0, head.notification_id if head else 0)
    if head:
        report.head, report.head_position = head.hash, head.notification_id
    _check_chain(archive, stop, report)
    _check_identities(archive, stop, report)
    if copy is not None:
        _check_copy(archive, copy, stop, report)
    elif projection:
        _check_projection(archive, stop, report)
    return report


def _check_copy(archive: Archive, path: Path, stop: int, report: VerifyReport) -> None:
    """A published copy: the head it records is the chain's link at its position, and its
    tables are those a rebuild up to that position makes."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            recorded = recorded_head(db)
    except sqlite3.DatabaseError as e:
        report.problems.append(f"{path}: cannot be read ({e})")
        return
    if recorded is None:
        report.problems.append(f"{path}: records no head (archive_head): not a published copy")
        return
    at, head = recorded
    report.database_head, report.projection_position = head, at
    links = archive.recorder.select_links(at - 1, 1, at) if at <= stop else []  # type: ignore[attr-defined]
    if not links or links[0].notification_id != at or links[0].hash != head:
        report.problems.append(
            f"{path}: its head {head} (notification {at}) is not a link of this store's chain: "
            "it was not built from this archive, or was changed"
        )
        return
    _compare_with_rebuild(archive, path, at, report)


def _notifications(archive: Archive, stop: int) -> Iterator[Any]:
    start = 0
    while batch := archive.recorder.select_notifications(
        start=start, limit=BATCH, stop=stop, inclusive_of_start=False
    ):
        yield from batch
        start = batch[-1].id


def _links(archive: Archive, stop: int) -> Iterator[Link]:
    start = 0
    while batch := archive.recorder.select_links(start, BATCH, stop):  # type: ignore[attr-defined]
        yield from batch
        start = batch[-1].notification_id


UNLINKED = (
    "has no link in the chain: it was added to the store behind the archive's back, "
    "or its link was removed"
)
REMOVED = "is missing from the store: it was removed"
MOVED = "is where the chain has version {version} of {originator}: events were moved or replaced"
CHANGED = (
    "does not match its hash in the chain: the event was changed, "
    "or the event before it was removed"
)


def _check_chain(archive: Archive, stop: int, report: VerifyReport) -> None:
    events, links = _notifications(archive, stop), _links(archive, stop)
    event, link = next(events, None), next(links, None)
    previous: str | None = None  # the stored hash of the link before
    originators: set[str] = set()
    found: list[tuple[int, str, int, str]] = []  # (notification, originator, version, what)
    while event is not None or link is not None:
        if link is None or (event is not None and event.id < link.notification_id):
            originator = originator_text(event.originator_id)
            found.append((event.id, originator, event.originator_version, UNLINKED))
            event = next(events, None)
            continue
        if event is None or link.notification_id < event.id:
            found.append(
                (link.notification_id, link.originator_id, link.originator_version, REMOVED)
            )
            previous, link = link.hash, next(links, None)
            continue
        report.events += 1
        originator = originator_text(event.originator_id)
        originators.add(originator)
        version = event.originator_version
        if (originator, version) != (link.originator_id, link.originator_version):
            what = MOVED.format(version=link.originator_version, originator=link.originator_id)
            found.append((event.id, originator, version, what))
        else:
            expected = link_hash(bytes.fromhex(previous) if previous else GENESIS, event.id, event)
            if expected.hex() != link.hash:
                found.append((event.id, originator, version, CHANGED))
        previous, event, link = link.hash, next(events, None), next(links, None)
    report.engagements = len(originators)
    names = _slugs(archive, {originator for _, originator, _, _ in found})
    for notification, originator, version, what in found:
        report.problems.append(
            f"event {names[originator]} version {version} (notification {notification}) {what}"
        )


def _check_identities(archive: Archive, stop: int, report: VerifyReport) -> None:
    """The identity table against a fold of the events up to `stop`."""
    recorder = archive.recorder
    if not isinstance(recorder, IdentityRecorder):
        return
    where = f"{archive.store_name}: identity table"
    try:
        rows = archive.identity_rows(_notifications(archive, stop))
    except Exception as e:  # a changed event may not even load: the chain check names it
        if report.ok:
            report.problems.append(
                f"{where}: cannot be compared with the store, whose events do not fold "
                f"({type(e).__name__})"
            )
        return
    stored = {row.originator_id: row for row in recorder.select_identities()}
    problems = _identity_problems(archive, {row.originator_id: row for row in rows}, stored)
    report.identities = len(stored)
    if len(problems) > ROWS_NAMED:
        more = len(problems) - ROWS_NAMED
        problems = [*problems[:ROWS_NAMED], f"and {more} more rows differ"]
    report.problems += [f"{where}: {problem}" for problem in problems]


def _identity_problems(
    archive: Archive, folded: dict[str, IdentityRow], stored: dict[str, IdentityRow]
) -> list[str]:
    """How the stored rows differ from the folded ones. A row of a later version than the
    fold's, or of an engagement whose first event is after the fold's last, was written after
    the events were read, by a writer at work during verify: passed over."""
    problems = []
    for originator in sorted(folded.keys() | stored.keys()):
        row, expected = stored.get(originator), folded.get(originator)
        if row is None and expected is not None:
            problems.append(f"no row for {_named(expected)}, whose keys it must hold (removed)")
        elif expected is None and row is not None:
            if not _recorded(archive, originator):
                problems.append(f"row of {_named(row)} has no events in the store (added)")
        elif row and expected and row.originator_version <= expected.originator_version:
            fields = ("slug", "session_key", "facts_key")
            changed = [f for f in fields if getattr(row, f) != getattr(expected, f)]
            if changed:
                problems.append(
                    f"row of {_named(expected)} differs from a fold of its events in "
                    f"{', '.join(changed)}"
                )
    return problems


def _recorded(archive: Archive, originator: str) -> bool:
    try:
        return bool(archive.recorded_ids([UUID(originator)]))
    except ValueError:  # not even an id
        return False


def _named(row: IdentityRow) -> str:
    return f"{row.slug} ({row.originator_id})"


def _slugs(archive: Archive, originators: set[str]) -> dict[str, str]:
    """Each engagement's slug and id: the slug from its first event as stored, else from
    timeline.db (the event may be the one changed beyond reading), else the id alone."""
    names = {}
    for originator in originators:
        slug = _slug_in_store(archive, originator) or _slug_in_projection(archive, originator)
        names[originator] = f"{slug} ({originator})" if slug else originator
    return names


def _slug_in_store(archive: Archive, originator: str) -> str | None:
    try:
        first = archive.recorder.select_events(_originator_id(originator), lte=1)
        return orjson.loads(first[0].state)["facts"]["slug"] if first else None
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _slug_in_projection(archive: Archive, originator: str) -> str | None:
    if not archive.projection_path.exists():
        return None
    db = connect(archive.projection_path)
    try:
        row = db.execute(
            "select engagement from revisions where json_extract(state, '$.id') in (?, ?) limit 1",
            [originator, str(_originator_id(originator))],
        ).fetchone()
    except sqlite3.Error:
        return None
    finally:
        db.close()
    return row[0] if row else None


def _originator_id(originator: str) -> UUID | str:
    try:
        return UUID(originator)
    except ValueError:
        return originator


def _check_projection(archive: Archive, stop: int, report: VerifyReport) -> None:
    path = archive.projection_path
    if not path.exists():
        return
    db = connect(path)
    try:
        at = position(db, archive.name)
    except sqlite3.DatabaseError as e:
        report.problems.append(f"{path}: cannot be read as a projection ({e})")
        return
    finally:
        db.close()
    report.projection_position = at
    if at > stop:
        report.problems.append(
            f"{path}: has events up to notification {at}, beyond the store's last ({stop}): "
            "events were removed from the store, or timeline.db is of another archive"
        )
    elif at < stop:
        report.problems.append(
            f"{path}: has events up to notification {at} of {stop}: run `timeline build`"
        )
    _compare_with_rebuild(archive, path, min(at, stop), report)


def _compare_with_rebuild(archive: Archive, path: Path, at: int, report: VerifyReport) -> None:
    """`path`'s tables, objects and search indexes against a rebuild up to notification `at`."""
    # Beside timeline.db (where the next build removes it if verify is killed), unless the
    # archive is a read-only copy: then in the system's temporary folder.
    scratch = path.parent if os.access(path.parent, os.W_OK) else Path(tempfile.gettempdir())
    fresh_path = scratch / f".{path.name}.{os.getpid()}.verify.new"
    fresh_path.unlink(missing_ok=True)
    fresh = connect(fresh_path)
    # A scratch file, removed below: no journal, no syncs.
    fresh.execute("PRAGMA journal_mode = OFF")
    fresh.execute("PRAGMA synchronous = OFF")
    try:
        create_schema(fresh)
        try:
            Projector(archive, fresh, stop=at, fresh=True).run()
        except Exception as e:  # a changed event may not even load
            first_line = str(e).splitlines()[0] if str(e) else ""
            report.problems.append(
                f"{path}: cannot be compared with the store, whose events do not project "
                f"({type(e).__name__}: {first_line})"
            )
            return
        enable_search(fresh)
        fresh.execute("ATTACH DATABASE ? AS published", [str(path)])
        # `_tracking` is not compared: it records when a build ran; its position is, above.
        for table in TABLES:
            try:
                report.problems += _compare_table(fresh, table, str(path))
            except sqlite3.DatabaseError as e:
                report.problems.append(f"{path}: table {table} cannot be read ({e})")
            report.tables += 1
        try:
            report.problems += _compare_objects(fresh, str(path))
            for table in FTS:
                report.problems += _compare_search(fresh, table, str(path))
        except sqlite3.DatabaseError as e:
            report.problems.append(f"{path}: its schema or search indexes cannot be read ({e})")
    finally:
        fresh.close()
        fresh_path.unlink(missing_ok=True)


def _compare_table(db: Any, table: str, name: str) -> list[str]:
    """The rows of `published.table` that differ from those of the rebuild in `main.table`."""
    columns = [c.name for c in db[table].columns]
    published = [r[1] for r in db.execute(f"PRAGMA published.table_info([{table}])")]
    if not published:
        return [f"{name}: table {table} is missing"]
    if sorted(published) != sorted(columns):
        return [f"{name}: table {table} has columns {published}, a rebuild has {columns}"]
    pk = db[table].pks
    only_published = _difference(db, "published", "main", table, columns, pk)
    only_rebuilt = _difference(db, "main", "published", table, columns, pk)
    problems = []
    for key in sorted(only_published.keys() | only_rebuilt.keys(), key=repr):
        row_name = f"{name}: {table} row " + ", ".join(
            f"{k}={v}" for k, v in zip(pk, key, strict=True)
        )
        if key not in only_rebuilt:
            problems.append(f"{row_name} is not in a rebuild from the store (added)")
        elif key not in only_published:
            problems.append(f"{row_name} is missing (a rebuild from the store has it)")
        else:
            changed = [c for c in columns if only_published[key][c] != only_rebuilt[key][c]]
            problems.append(
                f"{row_name} differs from a rebuild from the store in {', '.join(changed)}"
            )
    if len(problems) > ROWS_NAMED:
        more = len(problems) - ROWS_NAMED
        problems = [*problems[:ROWS_NAMED], f"{name}: {table}: and {more} more rows differ"]
    return problems


def _difference(
    db: Any, first: str, second: str, table: str, columns: list[str], pk: list[str]
) -> dict[tuple, dict[str, Any]]:
    """Rows of `first.table` that `second.table` lacks, by primary key."""
    cols = ", ".join(f"[{c}]" for c in columns)
    sql = f"SELECT {cols} FROM {first}.[{table}] EXCEPT SELECT {cols} FROM {second}.[{table}]"
    rows = {}
    for values in db.execute(sql):
        row = dict(zip(columns, values, strict=True))
        rows[tuple(row[k] for k in pk)] = row
    return rows


# Objects whose SQL must be the rebuild's own: a trigger or view can be rewritten under its
# name, an index given other columns; a table's columns are compared with its rows, above.
COMPARED_SQL = ("index", "trigger", "view")


def _objects(db: Any, schema: str) -> dict[tuple[str, str], str]:
    """(type, name) -> SQL of the objects in `schema`, less SQLite's own (statistics, indexes)."""
    rows = db.execute(
        f"select type, name, sql from {schema}.sqlite_master "
        "where name not like 'sqlite\\_%' escape '\\'"
    )
    return {(kind, name): " ".join((sql or "").split()) for kind, name, sql in rows}


def _compare_objects(db: Any, name: str) -> list[str]:
    """Every table, index, trigger and view of `timeline.db` that a rebuild does not make (each
    would be published by Datasette), lacks, or makes otherwise."""
    made, found = _objects(db, "main"), _objects(db, "published")
    problems = [
        f"{name}: {kind} {obj} was not made by the projection "
        "(a rebuild has none; Datasette would publish it)"
        for kind, obj in sorted(found.keys() - made.keys())
    ]
    problems += [
        f"{name}: {kind} {obj} is missing (a rebuild makes it)"
        for kind, obj in sorted(made.keys() - found.keys())
        # A missing table is named by the comparison of its rows; a published copy has no
        # internal tables.
        if obj not in TABLES and obj not in INTERNAL_TABLES
    ]
    for kind, obj in sorted(made.keys() & found.keys()):
        virtual = kind == "table" and made[kind, obj].upper().startswith("CREATE VIRTUAL")
        if (kind in COMPARED_SQL or virtual) and made[kind, obj] != found[kind, obj]:
            problems.append(f"{name}: {kind} {obj} differs from the one a rebuild makes")
    return problems


def _compare_search(db: Any, table: str, name: str) -> list[str]:
    """The rows of `table` whose entries in its full-text index differ from a rebuild's: an
    entry deleted hides the row from search, one added makes it found for words it lacks.

    The index is read through fts5vocab, term by term: first the count of rows and entries of
    every term on both sides, then, for the terms that differ only, each entry's row."""
    fts = f"{table}_fts"
    if db.execute("select 1 from published.sqlite_master where name = ?", [fts]).fetchone() is None:
        return []  # named as missing by _compare_objects
    for schema in ("main", "published"):
        for kind in ("row", "instance"):
            db.execute(
                f"create virtual table if not exists temp.[{schema}_{fts}_{kind}] "
                f"using fts5vocab({schema}, [{fts}], '{kind}')"
            )
    main, published = f"temp.[main_{fts}_row]", f"temp.[published_{fts}_row]"
    terms = [
        term
        for (term,) in db.execute(
            f"select term from (select * from {main} except select * from {published}) union "
            f"select term from (select * from {published} except select * from {main})"
        )
    ]
    pk = db[table].pks
    keys = ", ".join(f"c.[{k}]" for k in pk)
    rows: set[tuple[Any, ...]] = set()
    for term in terms:
        entries = [
            set(
                db.execute(
                    f"select {keys}, v.col, v.offset from temp.[{schema}_{fts}_instance] v "
                    f"left join {schema}.[{table}] c on c.rowid = v.doc where v.term = ?",
                    [term],
                )
            )
            for schema in ("main", "published")
        ]
        differing = {entry[: len(pk)] for entry in entries[0] ^ entries[1]}
        # A row that differs itself is named by the comparison of its table, once.
        rows |= {key for key in differing if _same_row(db, table, pk, key)}
        if len(rows) > ROWS_NAMED:
            break
    problems = [
        f"{name}: search index {fts}: the entries of {table} row "
        + ", ".join(f"{k}={v}" for k, v in zip(pk, key, strict=True))
        + " differ from a rebuild (a search would not find it as it should)"
        for key in sorted(rows, key=repr)
    ]
    if len(problems) > ROWS_NAMED:
        problems = [*problems[:ROWS_NAMED], f"{name}: search index {fts}: and more rows differ"]
    return problems


def _same_row(db: Any, table: str, pk: list[str], key: tuple[Any, ...]) -> bool:
    where = " and ".join(f"[{k}] is ?" for k in pk)
    rows = [
        db.execute(f"select * from {schema}.[{table}] where {where}", key).fetchall()
        for schema in ("main", "published")
    ]
    return rows[0] == rows[1]
