"""The archive: an eventsourcing Application holding every engagement as immutable events."""

from __future__ import annotations

import gc
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, Mapper, OperationalError
from eventsourcing.sqlite import SQLiteAggregateRecorder

from events import Engagement, EngagementError, EngagementFacts, Source, engagement_id
from timeline.errors import (
    ArchiveError,
    BatchError,
    ConflictError,
    NotFoundError,
    TimelineError,
)
from timeline.persistence import OrjsonTranscoder, PydanticMapper

ENV_ARCHIVE = "TIMELINE_ARCHIVE"
DEFAULT_FOLDER = "archive"
STORE_FILE = "events.db"
PROJECTION_FILE = "timeline.db"
# Writers wait this long for a busy store before giving up with a clear message.
LOCK_TIMEOUT_SECONDS = 30


def archive_folder(folder: str | Path | None = None) -> Path:
    """The archive folder: as given, else $TIMELINE_ARCHIVE, else ./archive."""
    return Path(folder or os.environ.get(ENV_ARCHIVE) or DEFAULT_FOLDER)


def check_folder(folder: Path, *, must_exist: bool) -> None:
    """Refuse a path that is not an archive folder, before anything is written."""
    store = folder / STORE_FILE
    if folder.exists() and not folder.is_dir():
        raise ArchiveError(f"{folder}: not an archive folder (it is a file)")
    if store.exists():
        with open(store, "rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                raise ArchiveError(f"{store}: not an archive store (not an SQLite database)")
        return
    if must_exist:
        raise ArchiveError(
            f"{folder}: no archive here (no {STORE_FILE}); record something with "
            "`timeline append FILE`, or name the archive with --archive DIR"
        )
    if folder.is_dir() and any(p.name != PROJECTION_FILE for p in folder.iterdir()):
        raise ArchiveError(
            f"{folder}: not an archive folder (it holds other files and no {STORE_FILE}); "
            "name an empty or new folder with --archive DIR"
        )


@dataclass
class AppendReport:
    """What an append did: the slugs recorded, and those already recorded as they are."""

    recorded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


class Archive(Application[UUID]):
    """Engagements as event-sourced aggregates, in SQLite (default) or PostgreSQL."""

    name = "timeline"

    def __init__(
        self,
        folder: str | Path | None = None,
        *,
        env: dict[str, str] | None = None,
        must_exist: bool = False,
    ) -> None:
        self.folder = archive_folder(folder)
        settings = dict(env or {})
        # SQLite in the archive folder unless the environment or the caller names another store.
        module = settings.get("PERSISTENCE_MODULE") or os.environ.get("PERSISTENCE_MODULE")
        settings["PERSISTENCE_MODULE"] = module or "eventsourcing.sqlite"
        if settings["PERSISTENCE_MODULE"] == "eventsourcing.sqlite":
            check_folder(self.folder, must_exist=must_exist)
            self.folder.mkdir(parents=True, exist_ok=True)
            settings.setdefault("SQLITE_DBNAME", str(self.folder / STORE_FILE))
            settings.setdefault("SQLITE_LOCK_TIMEOUT", str(LOCK_TIMEOUT_SECONDS))
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
        try:
            super().__init__(env=settings)
        except (sqlite3.DatabaseError, OperationalError) as e:
            raise ArchiveError(f"{self.folder / STORE_FILE}: cannot open the store: {e}") from None

    @property
    def projection_path(self) -> Path:
        return self.folder / PROJECTION_FILE

    def construct_mapper(self) -> Mapper[UUID]:
        return self.factory.mapper(transcoder=OrjsonTranscoder(), mapper_class=PydanticMapper)

    def find(self, slug: str) -> Engagement | None:
        try:
            return self.repository.get(engagement_id(slug))
        except AggregateNotFoundError:
            return None

    def get(self, slug: str) -> Engagement:
        engagement = self.find(slug)
        if engagement is None:
            raise NotFoundError(f"{slug}: no engagement with this slug in {self.folder}")
        return engagement

    def history(self, slug: str) -> list[Any]:
        """The events of one engagement, oldest first."""
        self.get(slug)
        return list(self.repository.event_store.get(engagement_id(slug)))

    def append(self, records: Iterable[EngagementFacts]) -> AppendReport:
        """Record a batch in one transaction: all of it, or none of it.

        A slug already recorded with the same facts is skipped; with other facts it is refused,
        because a recorded engagement changes only by a correction."""
        report = AppendReport()
        batch = list(records)
        # One query for the whole batch: looking slugs up one by one dominated bulk appends.
        ids = [engagement_id(f.slug) for f in batch]
        recorded = self.recorded_ids(ids)
        new: list[Engagement] = []
        with _collector_paused():
            for facts, key in zip(batch, ids, strict=True):
                existing = self.find(facts.slug) if key in recorded else None
                if existing is None:
                    new.append(Engagement.record(facts))
                elif facts in (existing.facts, self._first_facts(existing)):
                    report.unchanged.append(facts.slug)
                else:
                    raise ConflictError(facts.slug, _conflict_message(facts, existing.facts))
            self._check_parents(new)
            self._save(new)
        report.recorded = [e.slug for e in new]
        return report

    def recorded_ids(self, ids: Sequence[UUID]) -> set[UUID]:
        """Those of `ids` that have events in the store, in a few queries for any number."""
        found: set[UUID] = set()
        recorder = self.recorder
        if isinstance(recorder, SQLiteAggregateRecorder):
            with recorder.datastore.transaction(commit=False) as c:
                for chunk in _chunks(ids, _IN_CHUNK):
                    c.execute(
                        f"SELECT DISTINCT originator_id FROM {recorder.events_table_name} "
                        f"WHERE originator_id IN ({','.join('?' * len(chunk))})",
                        [i.hex for i in chunk],
                    )
                    found.update(UUID(row[0]) for row in c.fetchall())
            return found
        postgres = _postgres_recorder_ids(recorder, ids)
        if postgres is not None:
            return postgres
        return {i for i in ids if recorder.select_events(i, limit=1)}

    def _check_parents(self, new: list[Engagement]) -> None:
        """`part_of` must name an engagement of the archive or of the same batch."""
        batch = {e.slug for e in new}
        outside = {e.facts.part_of for e in new if e.facts.part_of and e.facts.part_of not in batch}
        known = self.recorded_ids([engagement_id(slug) for slug in sorted(outside)])
        for engagement in new:
            parent = engagement.facts.part_of
            if parent in outside and engagement_id(parent) not in known:
                raise BatchError(
                    engagement.slug,
                    f"{engagement.slug}: part_of: no engagement {parent!r} is recorded or in this "
                    "batch; nothing was written",
                )

    def correct(
        self, slug: str, changes: dict[str, Any], reason: str, source: Source | None = None
    ) -> Engagement:
        engagement = self.get(slug)
        try:
            engagement.correct(changes, reason, source)
        except EngagementError as e:
            raise TimelineError(f"{slug}: {e}") from None
        self._save([engagement])
        return engagement

    def _first_facts(self, engagement: Engagement) -> EngagementFacts:
        first = next(iter(self.repository.event_store.get(engagement.id, lte=1)))
        return first.facts

    def _save(self, aggregates: Sequence[Engagement]) -> None:
        if not aggregates:
            return
        events = [event for aggregate in aggregates for event in aggregate.collect_events()]
        try:
            # What `Application.save` does for this application (no snapshots, no cache), less
            # its runtime protocol check of each object, which costs more than mapping the event.
            self._notify(self.events.put(events))
        except IntegrityError:
            raise ArchiveError(
                "another writer recorded one of these engagements at the same moment; "
                "nothing was written: run the command again"
            ) from None
        except OperationalError as e:
            raise ArchiveError(
                f"the store is busy or unwritable ({e}); nothing was written"
            ) from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is built and stored: it would scan the whole
    heap (every record of the batch) again and again, for objects that hold no cycles."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


# SQLite allows 32766 parameters a statement; fewer keep each statement's plan small.
_IN_CHUNK = 900


def _chunks(items: Sequence[UUID], size: int) -> Iterable[Sequence[UUID]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _postgres_recorder_ids(recorder: Any, ids: Sequence[UUID]) -> set[UUID] | None:
    """The ids that have events in a PostgreSQL store; None when the store is not one."""
    try:
        from eventsourcing.postgres import PostgresAggregateRecorder
        from psycopg.sql import SQL, Identifier
    except ImportError:  # the postgres extra is not installed, so the store cannot be PostgreSQL
        return None
    if not isinstance(recorder, PostgresAggregateRecorder):
        return None
    datastore = recorder.datastore
    statement = SQL("SELECT DISTINCT originator_id FROM {}.{} WHERE originator_id = ANY(%s)")
    query = statement.format(Identifier(datastore.schema), Identifier(recorder.events_table_name))
    as_uuid = datastore.originator_id_type == "uuid"
    found: set[UUID] = set()
    with datastore.transaction(commit=False) as c:
        for chunk in _chunks(ids, 10_000):
            c.execute(query, [list(chunk) if as_uuid else [str(i) for i in chunk]])
            for row in c.fetchall():
                value = row["originator_id"]
                found.add(value if isinstance(value, UUID) else UUID(value))
    return found


def _conflict_message(facts: EngagementFacts, recorded: EngagementFacts) -> str:
    new, old = facts.model_dump(mode="json"), recorded.model_dump(mode="json")
    fields = [k for k in new if new[k] != old.get(k)]
    return (
        f"{facts.slug}: already recorded with other content ({', '.join(fields)}); "
        f"nothing was written. Change a recorded engagement with "
        f"`timeline correct {facts.slug} --set FIELD=VALUE --reason TEXT`"
    )
