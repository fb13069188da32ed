"""The archive: an eventsourcing Application holding every engagement as immutable events."""

from __future__ import annotations

import gc
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, Mapper, OperationalError
from eventsourcing.sqlite import SQLiteAggregateRecorder
from eventsourcing.utils import Environment, EnvType
from pydantic import ValidationError

from events import (
    Engagement,
    EngagementError,
    EngagementFacts,
    Evidence,
    Source,
    describe_validation_error,
    engagement_id,
)
from timeline.corrections import Correction
from timeline.duplicates import IdentityLookup, identity_keys
from timeline.errors import (
    ArchiveError,
    BatchError,
    ConflictError,
    CorrectionError,
    DuplicateError,
    NotFoundError,
    TimelineError,
)
from timeline.history import Revision, revision
from timeline.persistence import OrjsonTranscoder, PydanticMapper

ENV_ARCHIVE = "TIMELINE_ARCHIVE"
DEFAULT_FOLDER = "archive"
STORE_FILE = "events.db"
PROJECTION_FILE = "timeline.db"
# Recorders that chain every event by hash and refuse updates and deletes, by store.
RECORDERS = {
    "eventsourcing.sqlite": "timeline.sqlite:ChainedSQLiteRecorder",
    "eventsourcing.postgres": "timeline.postgres:ChainedPostgresRecorder",
}
# Writers wait this long for a busy store before giving up with a clear message.
LOCK_TIMEOUT_SECONDS = 30


def archive_folder(folder: str | Path | None = None) -> Path:
    """The archive folder: as given, else $TIMELINE_ARCHIVE, else ./archive."""
    return Path(folder or os.environ.get(ENV_ARCHIVE) or DEFAULT_FOLDER)


def check_folder(folder: Path, *, must_exist: bool) -> None:
    """Refuse a path that is not an archive folder, before anything is written."""
    if "\x00" in str(folder):
        raise ArchiveError(f"{str(folder)!r}: not a folder name (it holds a NUL character)")
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
    """What an append did: the slugs recorded, those already recorded as they are, and those
    corroborated (already recorded, and reported by new documents: slug -> documents added)."""

    recorded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    corroborated: dict[str, list[str]] = field(default_factory=dict)


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

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        """The settings, with the recorder that chains every event, for whichever store."""
        environment = super().construct_env(name, env)
        recorder = RECORDERS.get(environment.get("PERSISTENCE_MODULE") or "")
        if recorder and not environment.get("APPLICATION_RECORDER_TOPIC"):
            environment["APPLICATION_RECORDER_TOPIC"] = recorder
        return environment

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

    def append(
        self,
        records: Iterable[EngagementFacts],
        *,
        origins: Mapping[str, str] | None = None,
        allow_duplicates: bool = False,
    ) -> AppendReport:
        """Record a batch in one transaction: all of it, or none of it.

        A slug already recorded with the same facts is skipped; with the same facts and new
        source documents it is corroborated (`SourceAdded`, one per document); with other facts
        it is refused, because a recorded engagement changes only by a correction. A new slug
        that is evidently an engagement already recorded (see `identity_keys`) is refused, naming
        it, unless `allow_duplicates`. `origins` says where each slug's record came from."""
        report = AppendReport()
        batch = list(records)
        # One query for the whole batch: looking slugs up one by one dominated bulk appends.
        recorded = self.recorded_ids([engagement_id(f.slug) for f in batch])
        new: dict[str, Engagement] = {}
        corroborated: dict[str, Engagement] = {}
        firsts: dict[str, EngagementFacts] = {}  # as first recorded, for those in this batch
        with _collector_paused():
            for facts in batch:
                self._take(facts, recorded, new, corroborated, firsts, report, origins)
            self._check_parents(list(new.values()))
            if not allow_duplicates:
                self._check_duplicates(list(new.values()))
            self._save([*new.values(), *corroborated.values()])
        report.recorded = list(new)
        return report

    def _take(
        self,
        facts: EngagementFacts,
        recorded: set[UUID],
        new: dict[str, Engagement],
        corroborated: dict[str, Engagement],
        firsts: dict[str, EngagementFacts],
        report: AppendReport,
        origins: Mapping[str, str] | None,
    ) -> None:
        """One record of a batch: new, unchanged, corroborating, or refused."""
        slug = facts.slug
        existing = new.get(slug) or corroborated.get(slug)
        if existing is None and engagement_id(slug) in recorded:
            existing = self.find(slug)
        if existing is None:
            origin = (origins or {}).get(slug)
            new[slug] = Engagement.record(facts, origin=origin)
            firsts[slug] = facts
            return
        first = firsts.get(slug) or self._first_facts(existing)
        firsts[slug] = first
        added = (
            [] if facts in (existing.facts, first) else self._new_sources(facts, existing, first)
        )
        if added is None:
            raise ConflictError(slug, _conflict_message(facts, existing.facts))
        if added:
            self._corroborate(existing, added)
            if slug not in new:
                corroborated[slug] = existing
            documents = report.corroborated.setdefault(slug, [])
            documents += [source.document for source, _ in added]
        elif slug not in new and slug not in report.unchanged:
            report.unchanged.append(slug)

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

    @staticmethod
    def _new_sources(
        facts: EngagementFacts, existing: Engagement, first: EngagementFacts
    ) -> list[tuple[Source, list[Evidence]]] | None:
        """The documents of `facts` that would corroborate `existing`, with their evidence; None
        when `facts` says something else than the engagement as recorded (`first`) or as it
        stands now."""
        core = {"sources", "evidence"}
        mine = facts.model_dump(mode="json", exclude=core)
        if mine not in (
            existing.facts.model_dump(mode="json", exclude=core),
            first.model_dump(mode="json", exclude=core),
        ):
            return None
        known = {s.document: s for s in existing.facts.sources}
        if any(s.document in known and s != known[s.document] for s in facts.sources):
            return None  # another quote of a known document: a correction, not a new report
        added = [s for s in facts.sources if s.document not in known]
        documents = {s.document for s in added}
        recorded = existing.facts.evidence
        if any(e.document not in documents and e not in recorded for e in facts.evidence):
            return None
        return [(s, [e for e in facts.evidence if e.document == s.document]) for s in added]

    def _corroborate(
        self, engagement: Engagement, added: list[tuple[Source, list[Evidence]]]
    ) -> None:
        retraction = engagement.state.retraction
        if retraction is not None:
            where = f"{retraction.merged_into}" if retraction.merged_into else "another slug"
            raise ConflictError(
                engagement.slug,
                f"{engagement.slug}: retracted ({retraction.reason}); record its new document "
                f"under {where} instead; nothing was written",
            )
        for source, evidence in added:
            try:
                engagement.add_source(source, evidence)
            except EngagementError as e:
                raise ConflictError(engagement.slug, f"{engagement.slug}: {e}") from None

    def _check_duplicates(self, new: list[Engagement]) -> None:
        """Refuse a new slug for an engagement the archive (or the batch) already holds."""
        if not new:
            return
        seen: dict[str, str] = {}
        with closing(IdentityLookup(self)) as lookup:
            for engagement in new:
                for what, key in identity_keys(engagement.facts):
                    other = seen.get(key) or lookup.find(key, what, engagement.facts)
                    if other and other != engagement.slug:
                        raise DuplicateError(
                            engagement.slug,
                            f"{engagement.slug}: the archive already has this engagement as "
                            f"{other} ({what}); nothing was written. Record this document "
                            f"under the slug {other} to add it as a source, or append with "
                            "--allow-duplicates if they differ",
                        )
                    seen[key] = engagement.slug

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
        self,
        slug: str,
        changes: dict[str, Any],
        reason: str,
        source: Source | None = None,
        *,
        sources: Sequence[Source] = (),
        evidence: Sequence[Evidence] = (),
    ) -> Engagement:
        """Change fields of an engagement (`Corrected`), saying why and on what evidence."""
        try:
            correction = Correction(
                slug=slug,
                changes=changes,
                reason=reason,
                sources=[*sources, *([source] if source else [])],
                evidence=list(evidence),
            )
        except ValidationError as e:
            raise TimelineError(f"{slug}: {describe_validation_error(e)}") from None
        try:
            (engagement,) = self.correct_many([correction])
        except CorrectionError as e:
            raise (NotFoundError if e.not_found else TimelineError)(str(e)) from None
        return engagement

    def correct_many(self, corrections: Sequence[Correction]) -> list[Engagement]:
        """Apply corrections in order, in one transaction: all of them, or none.

        Each is checked against the engagement as the earlier ones leave it; the first that is
        refused raises `CorrectionError` with its position (from 1), and nothing is written."""
        touched: dict[str, Engagement] = {}
        for index, c in enumerate(corrections, 1):
            engagement = touched.get(c.slug) or self.find(c.slug)
            if engagement is None:
                raise CorrectionError(
                    index, c.slug, f"no engagement with this slug in {self.folder}", True
                )
            try:
                engagement.correct(c.changes, c.reason, c.sources, c.evidence)
            except EngagementError as e:
                raise CorrectionError(index, c.slug, str(e)) from None
            touched[c.slug] = engagement
        self._save(list(touched.values()))
        return list(touched.values())

    def retract(self, slug: str, reason: str, merged_into: str | None = None) -> Engagement:
        """Withdraw an engagement (`Retracted`); a duplicate names the engagement it was merged
        into, which must be recorded and not itself retracted."""
        engagement = self.get(slug)
        if merged_into is not None and merged_into != slug:
            survivor = self.find(merged_into)
            if survivor is None:
                raise NotFoundError(
                    f"{slug}: merged_into: no engagement {merged_into!r} in {self.folder}"
                )
            if survivor.state.retraction is not None:
                later = survivor.state.retraction.merged_into
                hint = f" (it was merged into {later}: merge into that)" if later else ""
                raise TimelineError(f"{slug}: merged_into: {merged_into} is itself retracted{hint}")
        try:
            engagement.retract(reason, merged_into)
        except EngagementError as e:
            raise TimelineError(f"{slug}: {e}") from None
        self._save([engagement])
        return engagement

    def survivor(self, slug: str) -> Engagement | None:
        """Where a merged engagement's record now lives: follows `merged_into` to an engagement
        that is not retracted; None for one retracted without a merge."""
        engagement = self.get(slug)
        seen = {slug}
        while engagement.state.retraction is not None:
            target = engagement.state.retraction.merged_into
            if target is None or target in seen:
                return None
            seen.add(target)
            engagement = self.get(target)
        return engagement

    def revisions(self, slug: str) -> list[Revision]:
        """Every event of an engagement, oldest first: when, what changed (old -> new) and why."""
        out = []
        state = None
        for event in self.history(slug):
            before = state
            state = event.evolve(state)
            out.append(revision(event, before, state))
        return out

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
