"""The projection: a pull loop that folds the archive's events into `timeline.db`.

Each batch of notifications and the new tracking position are written in one transaction, so a
crash leaves the whole batch or none of it and a rerun resumes. A rebuild writes a new file and
swaps it in by rename, so no reader ever sees half a database."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, time
from functools import cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any
from uuid import UUID

import sqlite_utils

from events import TOPICS, EngagementState
from timeline.archive import Archive
from timeline.crashpoints import crash_point
from timeline.errors import ArchiveError, TimelineError
from timeline.rows import (
    PER_ENGAGEMENT,
    bilingual,
    country_rows,
    engagement_rows,
    kind_rows,
    organisation_row,
    person_row,
    retraction_row,
    revision_row,
)

TRACKING_TABLE = "_tracking"
HEAD_TABLE = "archive_head"
# A build waits this long for another build's batch before giving up.
LOCK_TIMEOUT_SECONDS = 60
# Notifications read and written per transaction; $TIMELINE_BATCH_SIZE can lower it (memory).
BATCH_SIZE = 1000
# A rebuild reads larger batches: fewer transactions, and each table written in longer runs;
# memory grows with the batch (about 60 MB a thousand events), time hardly shrinks beyond this.
REBUILD_BATCH_SIZE = 2000
ENV_BATCH_SIZE = "TIMELINE_BATCH_SIZE"
# A rebuild's temporary file: .timeline.db.PID.new (and its journal), removed if PID has died.
TEMPORARY_GLOB = ".{name}.*.new*"
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

# (columns, primary key, foreign keys) of each table, in the order Datasette lists columns.
TABLES: dict[str, tuple[dict[str, type], str | tuple[str, ...], list[tuple[str, str, str]]]] = {
    "countries": (
        {
            "code": str, "name_en": str, "name_vi": str, "label": str, "historical": int,
            "valid_from": str, "valid_until": str,
        },
        "code",
        [],
    ),
    "kinds": ({"key": str, "label_en": str, "label_vi": str, "label": str}, "key", []),
    "topics": (
        {"key": str, "label_en": str, "label_vi": str, "description": str, "label": str}, "key", []
    ),
    "engagements": (
        {
            "slug": str, "id": str, "kind": str, "status": str, "title": str, "title_vi": str,
            "summary": str, "start_date": str, "end_date": str, "date_precision": str,
            "date_label": str, "date_phrase": str, "city": str, "country": str, "venue": str,
            "latitude": float, "longitude": float, "host": str, "guests": str, "countries": str,
            "series": str, "session": int, "part_of": str, "topics": str, "participants": int,
            "sources": int, "inferred_facts": str, "notes": str, "version": int,
            "recorded_at": str, "modified_at": str, "search_text": str,
        },
        "slug",
        [
            ("kind", "kinds", "key"),
            ("country", "countries", "code"),
            ("host", "countries", "code"),
            ("part_of", "engagements", "slug"),
        ],
    ),
    "timeline": (
        {
            "country": str, "counterpart": str, "start_date": str, "end_date": str,
            "date_label": str, "kind": str, "title": str, "city": str, "place_country": str,
            "role": str, "status": str, "series": str, "session": int, "engagement": str,
        },
        ("country", "counterpart", "engagement"),
        [
            ("country", "countries", "code"),
            ("counterpart", "countries", "code"),
            ("kind", "kinds", "key"),
            ("engagement", "engagements", "slug"),
        ],
    ),
    "persons": (
        {"id": str, "name": str, "variants": str, "country": str, "search_text": str},
        "id",
        [("country", "countries", "code")],
    ),
    "organisations": (
        {
            "id": str, "name": str, "abbreviation": str, "country": str, "name_local": str,
            "search_text": str,
        },
        "id",
        [("country", "countries", "code")],
    ),
    "participants": (
        {
            "engagement": str, "position": int, "person": str, "name": str, "variants": str,
            "title": str, "rank": str, "party_role": str, "organisation": str, "country": str,
            "role": str, "role_label": str, "start_date": str,
        },
        ("engagement", "position"),
        [
            ("engagement", "engagements", "slug"),
            ("person", "persons", "id"),
            ("organisation", "organisations", "id"),
            ("country", "countries", "code"),
        ],
    ),
    "engagement_organisations": (
        {
            "engagement": str, "organisation": str, "name": str, "abbreviation": str,
            "country": str, "name_local": str, "start_date": str,
        },
        ("engagement", "organisation"),
        [("engagement", "engagements", "slug"), ("organisation", "organisations", "id")],
    ),
    "engagement_topics": (
        {"engagement": str, "topic": str},
        ("engagement", "topic"),
        [("engagement", "engagements", "slug"), ("topic", "topics", "key")],
    ),
    "sources": (
        {
            "engagement": str, "position": int, "document": str, "quote": str, "start": int,
            "end": int, "publisher": str, "url": str, "published": str,
            "published_inferred": int, "language": str, "note": str,
        },
        ("engagement", "position"),
        [("engagement", "engagements", "slug")],
    ),
    "evidence": (
        {
            "engagement": str, "position": int, "field": str, "document": str, "quote": str,
            "start": int, "end": int, "inferred": int, "note": str,
        },
        ("engagement", "position"),
        [("engagement", "engagements", "slug")],
    ),
    "retractions": (
        {
            "slug": str, "title": str, "reason": str, "merged_into": str, "survivor": str,
            "retracted_at": str, "version": int,
        },
        "slug",
        [("survivor", "engagements", "slug")],
    ),
    "revisions": (
        {
            "engagement": str, "version": int, "event": str, "current_from": str,
            "current_until": str, "reason": str, "changes": str, "title": str,
            "retracted": int, "merged_into": str, "state": str,
        },
        ("engagement", "version"),
        [],
    ),
    "archive_head": (
        {"name": str, "position": int, "head": str},
        "name",
        [],
    ),
}  # fmt: skip

INDEXES = [
    ("engagements", ["start_date"]),
    ("engagements", ["kind", "start_date"]),
    ("engagements", ["country", "start_date"]),
    ("engagements", ["series", "session"]),
    ("engagements", ["part_of"]),
    ("timeline", ["country", "start_date"]),
    ("timeline", ["country", "counterpart", "start_date"]),
    ("timeline", ["engagement"]),
    # Covering indexes for the facets Datasette counts on a country's timeline (counterpart is
    # covered by the primary key), so a facet reads an index range, not the rows.
    ("timeline", ["country", "kind"]),
    ("timeline", ["country", "role"]),
    ("engagements", ["host", "start_date"]),
    ("participants", ["person", "start_date"]),
    ("participants", ["organisation"]),
    ("engagement_topics", ["topic", "engagement"]),
    # An organisation's row is made from the engagements naming it, latest first.
    ("engagement_organisations", ["organisation", "start_date", "engagement"]),
    ("revisions", ["current_until"]),
    ("retractions", ["survivor"]),
    # The Atom feed of changes, newest first.
    ("revisions", ["current_from"]),
]

_ID_INDEX = ("engagements", ["id"])

# The tables made from the engagements that name their rows: (source, its id column, the
# order latest first, the fields a row may leave empty, the field whose values are all kept).
NAMED = {
    "persons": (
        "participants", "person", "start_date desc, engagement desc, position", ("country",),
        "variants",
    ),
    "organisations": (
        "engagement_organisations", "organisation", "start_date desc, engagement desc",
        ("abbreviation", "country", "name_local"), None,
    ),
}  # fmt: skip


@cache
def _named_rows_sql(table: str) -> str:
    """The rows naming one id (`:id`) that its row is made from, latest first: the latest; the
    latest that gives each field a row may leave empty; one for each value of the field whose
    values are all kept. The same row as from all of them (rows.person_row, organisation_row),
    read through the index by id and date, not every engagement naming MPS."""
    source, column, latest_first, optional, kept = NAMED[table]
    latest = (
        f"select rowid from [{source}] where [{column}] = :id {{}} order by {latest_first} limit 1"
    )
    picks = [latest.format("")] + [latest.format(f"and [{f}] is not null") for f in optional]
    if kept:
        picks.append(f"select min(rowid) from [{source}] where [{column}] = :id group by [{kept}]")
    union = " union ".join(f"select * from ({pick})" for pick in picks)
    return f"select * from [{source}] where rowid in ({union}) order by {latest_first}"


FTS = {
    "engagements": ["title", "title_vi", "summary", "search_text"],
    "persons": ["name", "variants", "search_text"],
    "organisations": ["name", "name_local", "abbreviation", "search_text"],
}


@dataclass
class BuildReport:
    events: int
    engagements: int
    position: int
    rebuilt: bool


def create_schema(db: sqlite_utils.Database, *, indexes: bool = True) -> None:
    """The tables (and, unless a rebuild adds them after loading, their indexes)."""
    for name, (columns, pk, fks) in TABLES.items():
        db[name].create(columns, pk=pk, foreign_keys=fks, if_not_exists=True)
    # A correction looks its engagement up by id, during a rebuild's load too.
    db[_ID_INDEX[0]].create_index(_ID_INDEX[1], if_not_exists=True)
    if indexes:
        create_indexes(db)
    db[TRACKING_TABLE].create(
        {"name": str, "position": int, "updated_at": str}, pk="name", if_not_exists=True
    )
    write_vocabularies(db)


def create_indexes(db: sqlite_utils.Database) -> None:
    for table, columns in INDEXES:
        db[table].create_index(columns, if_not_exists=True)


def _schema_complete(db: sqlite_utils.Database) -> bool:
    """Whether every table, index and search index is there: then an incremental build skips
    asking for each one, which took longer than projecting the one record of an append."""
    present = {row[0] for row in db.execute("select name from sqlite_master")}
    wanted = {*TABLES, TRACKING_TABLE, *(f"{table}_fts" for table in FTS)}
    wanted |= {f"idx_{table}_{'_'.join(columns)}" for table, columns in [*INDEXES, _ID_INDEX]}
    return wanted <= present


def _outdated(db: sqlite_utils.Database) -> bool:
    """Whether timeline.db was built by an earlier version, without a table or a column."""
    for name, (columns, _pk, _fks) in TABLES.items():
        if not db[name].exists() or not set(columns) <= set(db[name].columns_dict):
            return True
    return False


def write_vocabularies(db: sqlite_utils.Database) -> None:
    """Countries, kinds and topics as the code defines them; written only when they differ."""
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
    for table, rows in (("countries", country_rows()), ("kinds", kind_rows()), ("topics", topics)):
        if list(db[table].rows) != rows:
            with db.atomic():
                db[table].delete_where()
                # alter: a timeline.db made before a vocabulary gained a column takes it on
                db[table].insert_all(rows, alter=True)


def enable_search(db: sqlite_utils.Database) -> None:
    """Full-text indexes that ignore diacritics; triggers keep them current on later writes."""
    for table, columns in FTS.items():
        if not db[f"{table}_fts"].exists():
            db[table].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZER)


def position(db: sqlite_utils.Database, name: str) -> int:
    if not db[TRACKING_TABLE].exists():
        return 0
    row = db.execute(f"select position from {TRACKING_TABLE} where name = ?", [name]).fetchone()
    return row[0] if row else 0


class Projector:
    """Folds notifications from the archive's store into the tables of `timeline.db`.

    Each batch is written table by table with one `executemany`, not row by row: per-row inserts
    through sqlite-utils cost more than everything else a rebuild does."""

    def __init__(
        self,
        archive: Archive,
        db: sqlite_utils.Database,
        batch_size: int | None = None,
        until: datetime | None = None,
        stop: int | None = None,
        *,
        fresh: bool = False,
    ):
        """`until`: leave out the events recorded later (the archive as it stood then);
        `stop`: project the notifications up to this id only (by default, all of them);
        `fresh`: the file is new (a rebuild), so the slugs touched need not be kept."""
        self.archive, self.db, self.stop, self.fresh = archive, db, stop, fresh
        self.batch_size = batch_size or default_batch_size()
        self.until = until
        self.cut: set[UUID] = set()

    def _count(self, touched: set[str] | None) -> int:
        if touched is not None:
            return len(touched)
        return self.db.execute("select count(distinct engagement) from revisions").fetchone()[0]

    def run(self) -> tuple[int, int]:
        """Catch up with the store, batch by batch; return (events, engagements) projected."""
        events = 0
        # A rebuild touches every engagement: count them at the end rather than hold every slug.
        touched: set[str] | None = None if self.fresh else set()
        while True:
            with self._write_lock():
                # Read the position under the lock, so two builds at once never fold a batch twice.
                start = position(self.db, self.archive.name)
                notifications = self.archive.recorder.select_notifications(
                    start=start, limit=self.batch_size, stop=self.stop, inclusive_of_start=False
                )
                if not notifications:
                    if self.fresh:  # a new file: its persons and organisations, made once
                        self._write_named("persons", None)
                        self._write_named("organisations", None)
                    return events, self._count(touched)
                crash_point("build.after_read")
                domain_events = [self.archive.mapper.to_domain_event(n) for n in notifications]
                kept = self._in_time(domain_events)
                changed = self._project(kept)
                if touched is not None:
                    touched |= changed
                crash_point("build.before_track")
                self._track(notifications[-1].id)
                crash_point("build.before_commit")
            events += len(kept)

    @contextmanager
    def _write_lock(self) -> Iterator[None]:
        """One transaction that holds the write lock of timeline.db from its first statement."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.rollback()
            raise
        self.db.execute("COMMIT")

    def _in_time(self, domain_events: list[Any]) -> list[Any]:
        if self.until is None:
            return domain_events
        kept = []
        for event in domain_events:
            # Once an engagement has an event after `until`, its later ones are left out too.
            if event.originator_id in self.cut or event.timestamp > self.until:
                self.cut.add(event.originator_id)
            else:
                kept.append(event)
        return kept

    def _track(self, last: int) -> None:
        self.db.execute(
            f"INSERT OR REPLACE INTO {TRACKING_TABLE} (name, position, updated_at) "
            "VALUES (?, ?, ?)",
            [self.archive.name, last, datetime.now(UTC).isoformat()],
        )
        self.write_head(last)

    def write_head(self, last: int) -> None:
        """The store's chain hash at this position, for readers to check with `verify --expect`."""
        if self.cut:
            # An as-of file that leaves later events out is not the archive of any head.
            self.db[HEAD_TABLE].delete_where()
            return
        chain_head = getattr(self.archive.recorder, "chain_head", None)
        link = chain_head(at=last) if chain_head else None
        self.db[HEAD_TABLE].upsert(
            {"name": self.archive.name, "position": last, "head": link.hash if link else None},
            pk="name",
        )

    def _project(self, domain_events: Iterable[Any]) -> set[str]:
        states: dict[UUID, EngagementState] = {}
        existed: set[UUID] = set()
        revisions: list[dict[str, Any]] = []
        retractions: list[dict[str, Any]] = []
        for event in domain_events:
            key = event.originator_id
            previous = states.get(key)
            if previous is None and event.originator_version > 1:
                previous = self._current_state(key)
                existed.add(key)
            state = event.evolve(previous)
            states[key] = state
            revisions.append(revision_row(event, state))
            if state.retraction is not None and (previous is None or not previous.retraction):
                retractions.append(retraction_row(event, state))
        people, orgs = self._clear(states[key].facts.slug for key in existed)
        rows: dict[str, list[dict[str, Any]]] = {table: [] for table in PER_ENGAGEMENT}
        for state in states.values():
            made = engagement_rows(state)
            for table in PER_ENGAGEMENT:
                rows[table].extend(made[table])
        for table, table_rows in rows.items():
            self._insert(table, table_rows)
        if not self.fresh:  # a new file makes them all once, at the end (run)
            self._write_named("persons", people | {p["person"] for p in rows["participants"]})
            orgs |= {o["organisation"] for o in rows["engagement_organisations"]}
            self._write_named("organisations", orgs)
        self._write_revisions(revisions)
        self._write_retractions(retractions)
        return {s.facts.slug for s in states.values()}

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert or replace rows, in one statement for all of them."""
        if rows:
            self.db.conn.executemany(_insert_statement(table), rows)

    def _current_state(self, key: UUID) -> EngagementState:
        row = self.db.execute(
            "select state from revisions where engagement = "
            "(select slug from engagements where id = ?) and current_until is null",
            [str(key)],
        ).fetchone()
        if row is None:  # retracted: no engagements row, so look the id up in the revisions
            row = self.db.execute(
                "select state from revisions where current_until is null and "
                "json_extract(state, '$.id') = ?",
                [str(key)],
            ).fetchone()
        return EngagementState.model_validate_json(row[0])

    def _clear(self, slugs: Iterable[str]) -> tuple[set[str], set[str]]:
        """Delete the rows of engagements that change; return the people and organisations they
        referenced, which may now be referenced by none."""
        stale_people: set[str] = set()
        stale_orgs: set[str] = set()
        for slug in slugs:
            stale_people |= self._values(
                "select person from participants where engagement = ?", slug
            )
            stale_orgs |= self._values(
                "select organisation from engagement_organisations where engagement = ?", slug
            )
            for table, column in PER_ENGAGEMENT.items():
                self.db.execute(f"delete from [{table}] where [{column}] = ?", [slug])
        return stale_people, stale_orgs

    def _values(self, sql: str, slug: str) -> set[str]:
        return {row[0] for row in self.db.execute(sql, [slug])}

    def _write_named(self, table: str, ids: Iterable[str] | None) -> None:
        """Write the rows of these persons or organisations (all, if None) anew from the
        engagements that name them now, and delete those that no engagement names any more:
        so each row is a function of the current engagements, whatever the order of events."""
        source, column, latest_first, _, _ = NAMED[table]
        make = person_row if table == "persons" else organisation_row
        if ids is None:
            named = self.db.query(
                f"select * from [{source}] where [{column}] is not null "
                f"order by [{column}], {latest_first}"
            )
            groups = (list(group) for _, group in groupby(named, key=itemgetter(column)))
            self._insert(table, [make(group) for group in groups])
            return
        rows = []
        for key in ids:
            if group := list(self.db.query(_named_rows_sql(table), {"id": key})):
                rows.append(make(group))
            else:
                self.db.execute(f"delete from [{table}] where id = ?", [key])
        self._insert(table, rows)

    def _write_revisions(self, revisions: list[dict[str, Any]]) -> None:
        """Each revision is current until the next one of its engagement."""
        latest: dict[str, dict[str, Any]] = {}
        for rev in revisions:
            earlier = latest.get(rev["engagement"])
            if earlier is not None:
                earlier["current_until"] = rev["current_from"]
            elif rev["version"] > 1:
                self.db.execute(
                    "update revisions set current_until = ? "
                    "where engagement = ? and current_until is null and version < ?",
                    [rev["current_from"], rev["engagement"], rev["version"]],
                )
            latest[rev["engagement"]] = rev
        self._insert("revisions", revisions)

    def _write_retractions(self, retractions: list[dict[str, Any]]) -> None:
        for row in retractions:
            # Engagements merged into this one now live where it goes (or nowhere).
            self.db.execute(
                "update retractions set survivor = ? where survivor = ?",
                [row["survivor"], row["slug"]],
            )
            self.db["retractions"].insert(row, replace=True)


@cache
def _insert_statement(table: str) -> str:
    columns = list(TABLES[table][0])
    names = ", ".join(f"[{c}]" for c in columns)
    values = ", ".join(f":{c}" for c in columns)
    return f"INSERT OR REPLACE INTO [{table}] ({names}) VALUES ({values})"


def connect(path: Path) -> sqlite_utils.Database:
    return sqlite_utils.Database(sqlite3.connect(path, timeout=LOCK_TIMEOUT_SECONDS))


def default_batch_size(default: int = BATCH_SIZE) -> int:
    """$TIMELINE_BATCH_SIZE if set, else `default`."""
    text = os.environ.get(ENV_BATCH_SIZE, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise TimelineError(f"${ENV_BATCH_SIZE}: {text!r} is not a whole number >= 1")
    return int(text)


def build(archive: Archive, *, rebuild: bool = False, batch_size: int | None = None) -> BuildReport:
    """Bring `timeline.db` up to date: in place and incrementally, or anew and swapped in."""
    default_batch_size()  # a bad $TIMELINE_BATCH_SIZE is refused before anything is written
    path = archive.projection_path
    remove_stale_temporaries(path)
    roll_back_journal(path)
    if rebuild or not path.exists():
        return _rebuild(archive, path, batch_size)
    db = connect(path)
    try:
        if position(db, archive.name) and _outdated(db):
            # Built by an earlier version without some table or column: only a rebuild fills it
            # from the events already projected.
            db.close()
            return _rebuild(archive, path, batch_size)
        if not _schema_complete(db):
            create_schema(db)
            enable_search(db)
        else:
            write_vocabularies(db)
        projector = Projector(archive, db, batch_size)
        events, engagements = projector.run()
        at = position(db, archive.name)
        if at and db.execute(f"select position from {HEAD_TABLE}").fetchone() != (at,):
            # A timeline.db built before the head was published: publish it now.
            with db.atomic():
                projector.write_head(at)
        return BuildReport(events, engagements, position(db, archive.name), rebuilt=False)
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


def _rebuild(archive: Archive, path: Path, batch_size: int | None) -> BuildReport:
    return _write_new(archive, path, batch_size)


def _write_new(
    archive: Archive, path: Path, batch_size: int | None, until: datetime | None = None
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
        events, engagements = Projector(archive, db, size, until, fresh=True).run()
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
        db = sqlite3.connect(path, timeout=LOCK_TIMEOUT_SECONDS)
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
    db = sqlite_utils.Database(path)
    try:
        return position(db, archive.name) >= (archive.recorder.max_notification_id() or 0)
    finally:
        db.close()
