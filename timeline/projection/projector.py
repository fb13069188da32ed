"""The projector: a pull loop that folds the archive's events into `timeline.db`.

Each batch of notifications and the new tracking position are written in one transaction, so a
crash leaves the whole batch or none of it and a rerun resumes. The projector reads the store only
through the archive's notification log (`recorder.select_notifications`) and its mapper."""

from __future__ import annotations

import gc
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from itertools import groupby, islice
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from events import EngagementState
from timeline.errors import TimelineError
from timeline.projection.collection_counts import count_collections
from timeline.projection.connection import Connection
from timeline.projection.counts import LATEST_GIVEN
from timeline.projection.offices import (
    flag_participants,
    is_office_event,
    project_offices,
    projected_registry,
)
from timeline.projection.people import (
    link_people,
    linked_people,
    write_people,
)
from timeline.projection.rows import (
    PER_ENGAGEMENT,
    engagement_rows,
    organisation_row,
    person_row,
    retraction_row,
    revision_row,
)
from timeline.projection.schema import HEAD_TABLE, TABLES, TRACKING_TABLE, position
from timeline.store.crashpoints import crash_point

if TYPE_CHECKING:
    import sqlite_utils

    from timeline.store.application import Archive

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

# A build waits this long for another build's batch before giving up.
LOCK_TIMEOUT_SECONDS = 60
# Notifications read and written per transaction; $TIMELINE_BATCH_SIZE can lower it (memory).
BATCH_SIZE = 1000
# Person and organisation rows written per executemany by a rebuild.
_CHUNK = 1000
ENV_BATCH_SIZE = "TIMELINE_BATCH_SIZE"


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
        progress: Callable[[int, int], None] | None = None,
    ):
        """`until`: leave out the events recorded later (the archive as it stood then);
        `stop`: project the notifications up to this id only (by default, all of them);
        `fresh`: the file is new (a rebuild), so the slugs touched need not be kept;
        `progress(done, total)` is told the notifications read so far after each batch."""
        self.archive, self.db, self.stop, self.fresh = archive, db, stop, fresh
        self.progress = progress
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
        counted = self._progress_counter()
        with _collector_paused(self.fresh):
            while (done := self._batch(touched)) is not None:
                events += done[0]
                if self.fresh:
                    # What the batch left in cycles, if anything, now that it is let go: the
                    # young objects only, the few that outlive a batch.
                    gc.collect(1)
                if counted:
                    counted(done[1])
        return events, self._count(touched)

    def _batch(self, touched: set[str] | None) -> tuple[int, int] | None:
        """Project the next batch in one transaction: (events kept, the last notification id),
        or None when there was none (a rebuild then writes what it makes once)."""
        with self._write_lock():
            # Read the position under the lock, so two builds at once never fold a batch twice.
            start = position(self.db, self.archive.name)
            notifications = self.archive.recorder.select_notifications(
                start=start, limit=self.batch_size, stop=self.stop, inclusive_of_start=False
            )
            if not notifications:
                if self.fresh:  # a new file: its persons, organisations and counts, once
                    self._write_named("persons", None)
                    self._write_named("organisations", None)
                    registry = projected_registry(self.db)
                    flag_participants(self.db, None, registry)
                    link_people(self.db, None, registry)
                    write_people(self.db, None)
                    count_collections(self.db)
                return None
            crash_point("build.after_read")
            domain_events = [self.archive.mapper.to_domain_event(n) for n in notifications]
            kept = self._in_time(domain_events)
            changed = self._project(kept)
            if touched is not None:
                touched |= changed
            crash_point("build.before_track")
            self._track(notifications[-1].id)
            crash_point("build.before_commit")
        return len(kept), notifications[-1].id

    def _progress_counter(self) -> Callable[[int], None] | None:
        """With a `progress` callback: a function of the last notification id projected that
        tells it how many of the notifications to project are done."""
        if self.progress is None:
            return None
        start = position(self.db, self.archive.name)
        last = self.stop or self.archive.recorder.max_notification_id() or 0
        total, report = max(last - start, 0), self.progress
        report(0, total)
        return lambda at: report(min(at - start, total), total)

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
        self.db.execute(
            f"insert into {HEAD_TABLE} (name, position, head) values (?, ?, ?) "
            "on conflict (name) do update set position = excluded.position, head = excluded.head",
            [self.archive.name, last, link.hash if link else None],
        )

    def _project(self, domain_events: list[Any]) -> set[str]:
        offices = [e for e in domain_events if is_office_event(e)]
        if offices:
            domain_events = [e for e in domain_events if not is_office_event(e)]
        linked = set() if self.fresh else linked_people(self.db, domain_events)
        touched = self._project_engagements(domain_events)
        changed = project_offices(self.db, offices)
        if self.fresh:  # a new file flags and links them all once, at the end (run)
            return touched
        # An office or a decision about people changed: any participant may be hit.
        registry = projected_registry(self.db)
        flag_participants(self.db, None if changed else touched, registry)
        people = link_people(self.db, None if changed else touched, registry)
        # Every person who was or is linked to what changed is written anew, or deleted when
        # none links to them any more; no scan of every person is needed to find those.
        write_people(self.db, None if changed else people | linked)
        return touched

    def _project_engagements(self, domain_events: Iterable[Any]) -> set[str]:
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
        """Insert or replace rows, in one statement for all of them. Bound by position, each
        row's values taken in C: bound by name, sqlite3 made each column's name a Python string
        again for every row to look it up (a third of a rebuild's `executemany`)."""
        if rows:
            statement, values = _insert_statement(table)
            self.db.conn.executemany(statement, map(values, rows))

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
        source, column, latest_first, optional, kept = NAMED[table]
        make = person_row if table == "persons" else organisation_row
        if ids is None:
            named = self.db.query(
                f"select * from [{source}] where [{column}] is not null "
                f"order by [{column}], {latest_first}"
            )
            groups = groupby(named, key=itemgetter(column))
            made = (make(_chosen(group, optional, kept)) for _, group in groups)
            # A chunk of rows at a time, each made from the few rows it is made of: the rows of
            # all of them (and the rows naming MPS, in a fifth of the engagements) grew with N.
            while chunk := list(islice(made, _CHUNK)):
                self._insert(table, chunk)
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


@contextmanager
def _collector_paused(paused: bool) -> Iterator[None]:
    """The cyclic garbage collector off while a rebuild runs (`paused`), back as it was after.

    A rebuild makes millions of objects that live a batch (models, rows) and frees them by their
    counts, not in cycles; yet each 700 made, the collector walked the young ones, and each few
    thousand the whole heap: a fifth of a rebuild's CPU time (20,000 engagements: 8.4 s against
    10.3 s). The run collects the young generation once a batch instead, after the batch is let
    go (collected while the batch was still held, it walked all of it: 0.15 s a batch)."""
    if not paused or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _chosen(
    rows: Iterable[dict[str, Any]], optional: tuple[str, ...], kept: str | None
) -> list[dict[str, Any]]:
    """Of the rows naming one id, latest first, those its row is made from, in their order,
    as `_named_rows_sql` picks them: the latest; the latest that gives each optional field;
    the first with each value of `kept`. The rest are read and let go."""
    chosen: list[dict[str, Any]] = []
    missing = set(optional)
    values: set[Any] = set()
    for row in rows:
        wanted = not chosen
        if missing:
            given = {f for f in missing if row[f] is not None}
            if given:
                missing -= given
                wanted = True
        if kept is not None and row[kept] not in values:
            values.add(row[kept])
            wanted = True
        if wanted:
            chosen.append(row)
    return chosen


@cache
def _named_rows_sql(table: str) -> str:
    """The rows naming one id (`:id`) that its row is made from, latest first: the latest; the
    latest that gives each field a row may leave empty; one for each value of the field whose
    values are all kept. The same row as from all of them (rows.person_row, organisation_row),
    read through the index by id and date, not every engagement naming MPS; a field few rows
    give is looked for in its partial index (counts.LATEST_GIVEN)."""
    source, column, latest_first, optional, kept = NAMED[table]
    latest = (
        f"select rowid from [{source}] {{}} where [{column}] = :id {{}} "
        f"order by {latest_first} limit 1"
    )
    picks = [latest.format("", "")]
    for field in optional:
        partial = LATEST_GIVEN.get((source, field))
        picks.append(
            latest.format(
                f"indexed by [{partial[0]}]" if partial else "", f"and [{field}] is not null"
            )
        )
    if kept:
        picks.append(f"select min(rowid) from [{source}] where [{column}] = :id group by [{kept}]")
    union = " union ".join(f"select * from ({pick})" for pick in picks)
    return f"select * from [{source}] where rowid in ({union}) order by {latest_first}"


@cache
def _insert_statement(table: str) -> tuple[str, Callable[[dict[str, Any]], tuple[Any, ...]]]:
    """A table's insert statement, and what takes a row's values in the statement's order."""
    columns = list(TABLES[table][0])
    names = ", ".join(f"[{c}]" for c in columns)
    values = ", ".join("?" for _ in columns)
    # Every table has two columns or more, so itemgetter gives a tuple (of one, it would not).
    return f"INSERT OR REPLACE INTO [{table}] ({names}) VALUES ({values})", itemgetter(*columns)


def connect(path: Path) -> Connection:
    """timeline.db, as sqlite-utils' `Database` without its plugins: the projection calls no SQL
    function of theirs, and asking for them reads the entry points of every installed package,
    8-16 ms of each `timeline append` (cProfile, 100,000 engagements). sqlite-utils itself is
    imported only for what an incremental build does not do (connection.py)."""
    return Connection(sqlite3.connect(path, timeout=LOCK_TIMEOUT_SECONDS))


def default_batch_size(default: int = BATCH_SIZE) -> int:
    """$TIMELINE_BATCH_SIZE if set, else `default`."""
    text = os.environ.get(ENV_BATCH_SIZE, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise TimelineError(f"${ENV_BATCH_SIZE}: {text!r} is not a whole number >= 1")
    return int(text)
