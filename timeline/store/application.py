"""The archive: an eventsourcing Application holding every engagement as immutable events."""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import (
    IntegrityError,
    Mapper,
    OperationalError,
    PersistenceError,
    StoredEvent,
)
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
from events.collections import COLLECTIONS, CURATED, unknown_collection
from events.reports import new_documents
from timeline.collector import collector_paused
from timeline.errors import (
    ArchiveError,
    BatchError,
    CollectionError,
    ConflictError,
    CorrectionError,
    DuplicateError,
    NotFoundError,
    TimelineError,
)
from timeline.store.chain import CHAIN_TABLE_SUFFIX
from timeline.store.commands import Correction
from timeline.store.head import ARCHIVE_NAME, PROJECTION_FILE, STORE_FILE
from timeline.store.identity import (
    IDENTITY_TABLE_SUFFIX,
    IdentityRecorder,
    IdentityRow,
    IdentityTaken,
    duplicates,
    fold_identities,
    identity_keys,
    identity_row,
    keyed_row,
    owners,
)
from timeline.store.location import ENV_ARCHIVE, ENV_STORE, PostgresStore, one_line, parse_store
from timeline.store.persistence import OrjsonTranscoder, PydanticMapper, StoredRow
from timeline.store.revisions import Revision, revision

DEFAULT_FOLDER = "archive"
ENV_LOCK_TIMEOUT = "TIMELINE_LOCK_TIMEOUT"
# Recorders that chain every event by hash and refuse updates and deletes, by store.
RECORDERS = {
    "eventsourcing.sqlite": "timeline.store.sqlite:ChainedSQLiteRecorder",
    "eventsourcing.postgres": "timeline.store.postgres:ChainedPostgresRecorder",
}
# Writers wait this long for a busy store before giving up with a clear message.
LOCK_TIMEOUT_SECONDS = 30
# A correction that loses the race to another writer is applied again to the newer state, this
# many times at most.
UPDATE_ATTEMPTS = 8
T = TypeVar("T")
ENGAGEMENT_TOPIC = "events.engagement:"
# Notifications a read when a store without an identity table is folded for the check.
_FOLD_BATCH = 1000
# Reports the one-time fill of an archive made before the identity table; with no logging set
# up, Python prints a warning's message alone on stderr, which is what the CLI shows.
log = logging.getLogger(__name__)


def lock_timeout_seconds(value: int | None = None) -> int:
    """How long a writer waits for a busy store: as given, else $TIMELINE_LOCK_TIMEOUT, else 30."""
    if value is not None:
        return value
    text = os.environ.get(ENV_LOCK_TIMEOUT, "").strip()
    if not text:
        return LOCK_TIMEOUT_SECONDS
    try:
        seconds = int(text)
    except ValueError:
        seconds = -1
    if seconds < 1:
        raise ArchiveError(f"${ENV_LOCK_TIMEOUT}: {text!r} is not a whole number of seconds >= 1")
    return seconds


def archive_folder(folder: str | Path | None = None) -> Path:
    """The archive folder: as given, else $TIMELINE_ARCHIVE, else ./archive."""
    return Path(folder or os.environ.get(ENV_ARCHIVE) or DEFAULT_FOLDER)


def is_read_only(folder: Path) -> bool:
    """Whether the archive's SQLite store is on a read-only folder or medium (a published copy,
    a mounted snapshot): SQLite could not make its write-ahead log beside it."""
    store = folder / STORE_FILE
    return store.is_file() and not (os.access(folder, os.W_OK) and os.access(store, os.W_OK))


def read_only_store(folder: Path) -> str:
    """The store as an SQLite URI that opens it for reading only. A write-ahead log left beside
    it (a snapshot of a live archive) holds committed events: they are read through it. Without
    one, every event is in the file, which nothing can change: `immutable`, so SQLite needs no
    shared-memory file, which it could not make there."""
    store = folder.resolve() / STORE_FILE
    log = store.with_name(f"{STORE_FILE}-wal")
    return f"{store.as_uri()}?mode=ro" + ("" if log.exists() else "&immutable=1")


def check_folder(folder: Path, *, must_exist: bool) -> None:
    """Refuse a path that is not an archive folder, before anything is written."""
    if "\x00" in str(folder):
        raise ArchiveError(f"{str(folder)!r}: not a folder name (it holds a NUL character)")
    store = folder / STORE_FILE
    if folder.exists() and not folder.is_dir():
        raise ArchiveError(f"{folder}: not an archive folder (it is a file)")
    if store.exists():
        with open(store, "rb") as f:
            # Empty while another process is creating the store (SQLite writes the header later).
            if f.read(16) not in (b"", b"SQLite format 3\x00"):
                raise ArchiveError(f"{store}: not an archive store (not an SQLite database)")
        return
    if (folder / PROJECTION_FILE).is_file():
        # The store never opens timeline.db (docs/architecture.md): a projection with no store
        # beside it was made from a store elsewhere, and a new SQLite store here would not
        # continue its positions, so it is refused without reading it.
        raise ArchiveError(
            f"{folder}: holds a {PROJECTION_FILE} and no {STORE_FILE} (a projection of a store "
            f"elsewhere); name that store with --store URL (or ${ENV_STORE})"
        )
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


def check_projection_folder(folder: Path) -> None:
    """With PostgreSQL the folder holds only timeline.db, never beside an SQLite store."""
    if folder.exists() and not folder.is_dir():
        raise ArchiveError(f"{folder}: not an archive folder (it is a file)")
    if (folder / STORE_FILE).exists():
        raise ArchiveError(
            f"{folder}: holds an SQLite archive ({STORE_FILE}), whose timeline.db is not the "
            "PostgreSQL store's; name another folder with --archive DIR"
        )
    if folder.is_dir() and any(
        not p.name.lstrip(".").startswith(PROJECTION_FILE) for p in folder.iterdir()
    ):
        raise ArchiveError(
            f"{folder}: not an archive folder (it holds other files and no {PROJECTION_FILE}); "
            "name an empty or new folder with --archive DIR"
        )


@dataclass
class AppendReport:
    """What an append did: the slugs recorded, those already recorded as they are, and those
    corroborated (already recorded, and reported by new documents: slug -> documents added)."""

    recorded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    corroborated: dict[str, list[str]] = field(default_factory=dict)
    # A dry run's new slugs that repeat an engagement already recorded (or one earlier in the
    # batch): slug -> (that slug, what is the same). A real append refuses the first instead.
    duplicates: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class _Batch:
    """What `Archive.append` knows of a batch as it takes its records in turn."""

    ids: dict[str, UUID]  # slug -> engagement id, each worked out once (uuid5)
    recorded: set[str]  # the slugs the store holds
    origins: Mapping[str, str]
    collections: dict[str, str]  # slug -> the collection a new engagement joins
    as_source: bool
    # A new engagement is its `Recorded` event until the batch names its slug again.
    new: dict[str, Engagement | Engagement.Recorded] = field(default_factory=dict)
    corroborated: dict[str, Engagement] = field(default_factory=dict)
    firsts: dict[str, EngagementFacts] = field(default_factory=dict)  # as first recorded
    report: AppendReport = field(default_factory=AppendReport)


class Archive(Application[UUID]):
    """Engagements as event-sourced aggregates, in SQLite (default) or PostgreSQL."""

    name = ARCHIVE_NAME

    def __init__(
        self,
        folder: str | Path | None = None,
        *,
        store: str | None = None,
        env: dict[str, str] | None = None,
        must_exist: bool = False,
        lock_timeout: int | None = None,
    ) -> None:
        """Open the archive of `folder`; its events in the folder's events.db, or in the
        PostgreSQL database of `store` (a URL; else $TIMELINE_STORE), timeline.db in the folder.
        Writers wait up to `lock_timeout` seconds for a busy store (else $TIMELINE_LOCK_TIMEOUT)."""
        self.folder = archive_folder(folder)
        self.lock_timeout = lock_timeout_seconds(lock_timeout)
        self.read_only = False
        settings = dict(env or {})
        url = store or os.environ.get(ENV_STORE)
        self.store: PostgresStore | None = parse_store(url) if url else None
        if self.store is not None:
            check_projection_folder(self.folder)
            settings.update(self.store.settings(self.lock_timeout))
            tables = self.store_tables()
            with self.store.prepared(must_exist=must_exist, tables=tables) as extra:
                settings.update(extra)
                self.folder.mkdir(parents=True, exist_ok=True)
                self._open(settings, self.store.display)
            return
        # SQLite in the archive folder unless the environment or the caller names another store.
        module = settings.get("PERSISTENCE_MODULE") or os.environ.get("PERSISTENCE_MODULE")
        settings["PERSISTENCE_MODULE"] = module or "eventsourcing.sqlite"
        if settings["PERSISTENCE_MODULE"] == "eventsourcing.sqlite":
            check_folder(self.folder, must_exist=must_exist)
            self.read_only = is_read_only(self.folder)
            if self.read_only:
                settings.setdefault("SQLITE_DBNAME", read_only_store(self.folder))
                settings["CREATE_TABLE"] = "no"
            self.folder.mkdir(parents=True, exist_ok=True)
            settings.setdefault("SQLITE_DBNAME", str(self.folder / STORE_FILE))
            settings.setdefault("SQLITE_LOCK_TIMEOUT", str(self.lock_timeout))
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
        self._open(settings, str(self.folder / STORE_FILE))

    def _open(self, settings: dict[str, str], where: str) -> None:
        try:
            super().__init__(env=settings)
        except (sqlite3.DatabaseError, PersistenceError) as e:
            if "locked" in str(e):  # a new SQLite store waits for its first writer's lock too
                raise ArchiveError(self._busy_message(e)) from None
            raise ArchiveError(f"{where}: cannot open the store: {one_line(e)}") from None
        self._fill_identities(where)

    def _fill_identities(self, where: str) -> None:
        """Give a store made before the identity table its rows, once (see `fill_identities`)."""
        recorder = self.recorder
        if not isinstance(recorder, IdentityRecorder):
            return
        try:
            filled = recorder.fill_identities(self.identity_rows)
        except OperationalError as e:
            raise ArchiveError(self._busy_message(e)) from None
        if filled:
            log.warning(
                "%s: identity table filled for %d engagements "
                "(once, for an archive made before identity keys)",
                where,
                filled,
            )

    def identity_rows(self, stored: Iterable[StoredEvent]) -> list[IdentityRow]:
        """The identity rows of the engagements of `stored` (every event of each, in order)."""
        mapper = self.mapper
        return fold_identities(
            mapper.to_domain_event(s) for s in stored if s.topic.startswith(ENGAGEMENT_TOPIC)
        )

    def store_tables(self) -> list[str]:
        """The tables of a PostgreSQL store, the events first: when all are there, none is
        created again (the chain's and the identity table come with the chaining recorder,
        which also chains the events of a store made before it, as it creates that table; the
        identity table of such a store is filled as the archive opens it)."""
        events = f"{self.name}_events"
        return [events, events + CHAIN_TABLE_SUFFIX, events + IDENTITY_TABLE_SUFFIX]

    @property
    def location(self) -> str | Path:
        """Where the archive is, for messages: its folder, or its PostgreSQL store."""
        return self.store.display if self.store else self.folder

    @property
    def store_name(self) -> str:
        """Where the events are, for messages: the SQLite file or the PostgreSQL URL."""
        return self.store.display if self.store else str(self.folder / STORE_FILE)

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
            raise NotFoundError(f"{slug}: no engagement with this slug in {self.location}")
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
        as_source: bool = False,
        collection: str = CURATED,
        collections: Mapping[str, str] | None = None,
        dry_run: bool = False,
    ) -> AppendReport:
        """Record a batch in one transaction: all of it, or none of it.

        A slug already recorded with the same facts is skipped; with the same facts and new
        source documents it is corroborated (`SourceAdded`, one per document); with other facts
        it is refused, because a recorded engagement changes only by a correction — unless
        `as_source`: then it is another report of the engagement (another article's wording),
        and its new documents are added as sources, with its evidence for the facts both state
        alike (`events.reports`). A new slug that is evidently an engagement already recorded
        (see `identity_keys`) is refused, naming it, unless `allow_duplicates`. `origins` says
        where each slug's record came from; `collection` the collection the new engagements
        join (events.collections), `collections` another one for some slugs. An engagement
        already recorded stays in the collection it was recorded in. A `dry_run` checks
        everything and reports what it would record, duplicates included, and writes nothing."""
        _check_collections([collection, *(collections or {}).values()])
        # The whole batch without cyclic collection: its ids and events are made before the
        # pause too, and each of the collector's passes scans every object the caller holds
        # (at 30,000 generated records held, the uuids alone took 50 us each, against 5).
        with collector_paused():
            return self._append(
                list(records),
                origins=origins,
                allow_duplicates=allow_duplicates,
                as_source=as_source,
                collection=collection,
                collections=collections,
                dry_run=dry_run,
            )

    def _append(
        self,
        records: list[EngagementFacts],
        *,
        origins: Mapping[str, str] | None,
        allow_duplicates: bool,
        as_source: bool,
        collection: str,
        collections: Mapping[str, str] | None,
        dry_run: bool,
    ) -> AppendReport:
        ids = {f.slug: engagement_id(f.slug) for f in records}
        # One query for the whole batch: looking slugs up one by one dominated bulk appends.
        found = self.recorded_ids(list(ids.values()))
        batch = _Batch(
            ids=ids,
            recorded={slug for slug, i in ids.items() if i in found} if found else set(),
            origins=origins or {},
            collections=(
                {slug: collections.get(slug, collection) for slug in ids}
                if collections
                else dict.fromkeys(ids, collection)
            ),
            as_source=as_source,
        )
        if found or len(ids) < len(records):
            for facts in records:
                self._take(facts, batch)
        else:
            self._take_new(records, batch)
        new = list(batch.new.values())
        self._check_parents(new)
        # The new engagements' keys, worked out once for the check and the identity table
        # (twice, they were an eighth of a bulk append of 10,000: 0.31 s of 2.46 s).
        rows = [_identity(e) for e in new]
        if dry_run:
            batch.report.duplicates = self._duplicates(rows)
        elif not allow_duplicates and not isinstance(self.recorder, IdentityRecorder):
            # Our recorders check under their write lock, once (`unique` below).
            self._check_duplicates(rows)
        if not dry_run:
            unique = [] if allow_duplicates else rows
            self._save([*new, *batch.corroborated.values()], unique=unique, identities=rows)
        batch.report.recorded = list(batch.new)
        return batch.report

    @staticmethod
    def _take_new(records: list[EngagementFacts], batch: _Batch) -> None:
        """A batch whose slugs are all new, each named once: each record is its `Recorded`
        event, as `_take` would make it, without asking `_take`'s questions record by record."""
        origin, collections, ids = batch.origins.get, batch.collections, batch.ids
        recorded = Engagement.recorded
        batch.new = {
            (slug := f.slug): recorded(f, origin(slug), collections[slug], originator_id=ids[slug])
            for f in records
        }

    def _take(self, facts: EngagementFacts, batch: _Batch) -> None:
        """One record of a batch: new, unchanged, corroborating, or refused."""
        slug = facts.slug
        new, report = batch.new, batch.report
        existing = new.get(slug) or batch.corroborated.get(slug)
        if type(existing) is _RECORDED:  # named again: it needs its aggregate
            existing = new[slug] = Engagement.from_recorded(existing)
        if existing is None and slug in batch.recorded:
            existing = self.find(slug)
        if existing is None:
            new[slug] = Engagement.recorded(
                facts,
                origin=batch.origins.get(slug),
                collection=batch.collections[slug],
                originator_id=batch.ids[slug],
            )
            batch.firsts[slug] = facts
            return
        first = batch.firsts.get(slug) or self._first_facts(existing)
        batch.firsts[slug] = first
        added = (
            [] if facts in (existing.facts, first) else self._new_sources(facts, existing, first)
        )
        if added is None and batch.as_source:
            added = new_documents(facts, existing.facts)
        if added is None:
            raise ConflictError(slug, _conflict_message(facts, existing.facts))
        if added:
            self._corroborate(existing, added)
            if slug not in new:
                batch.corroborated[slug] = existing
            documents = report.corroborated.setdefault(slug, [])
            documents += [source.document for source, _ in added]
        elif slug not in new and slug not in report.unchanged:
            report.unchanged.append(slug)

    def recorded_ids(self, ids: Sequence[UUID]) -> set[UUID]:
        """Those of `ids` that have events in the store, in a few queries for any number."""
        recorder = self.recorder
        if isinstance(recorder, IdentityRecorder):
            return recorder.recorded_ids(ids)
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

    def _check_duplicates(self, new: list[IdentityRow]) -> None:
        """Refuse a new slug for an engagement the archive (or the batch) already holds."""
        for slug, (other, what) in self._duplicates(new).items():
            raise _duplicate(slug, other, what)

    def _duplicates(self, new: list[IdentityRow]) -> dict[str, tuple[str, str]]:
        """Each new slug that is an engagement the archive (or the batch, earlier) already
        holds: slug -> (that slug, what is the same), in the batch's order."""
        if not new:
            return {}
        return duplicates(new, self._identity_owners([key for row in new for key in row.held()]))

    def same_engagements(self, facts: EngagementFacts) -> list[tuple[str, str]]:
        """(what is the same, slug) of each recorded engagement that the duplicate check would
        take for `facts` under another slug (see `identity_keys`); for the review's matches."""
        keys = identity_keys(facts)
        recorded = self._identity_owners([key for _, key in keys])
        return [(what, recorded[key]) for what, key in keys if key in recorded]

    def _identity_owners(self, keys: Sequence[str]) -> dict[str, str]:
        """key -> slug of the recorded engagements that have one of `keys`: a probe of the
        store's identity table; a store without one (a plain eventsourcing recorder) is folded
        whole."""
        recorder = self.recorder
        if isinstance(recorder, IdentityRecorder):
            return owners(recorder.find_identities(keys))
        wanted = set(keys)
        rows = self.identity_rows(self._all_notifications())
        return owners((key, row.slug) for row in rows for key in row.held() if key in wanted)

    def _all_notifications(self) -> Iterator[StoredEvent]:
        start = 0
        while batch := self.recorder.select_notifications(
            start=start, limit=_FOLD_BATCH, inclusive_of_start=False
        ):
            yield from batch
            start = batch[-1].id

    def _check_parents(self, new: list[Engagement | Engagement.Recorded]) -> None:
        """`part_of` must name an engagement of the archive or of the same batch."""
        facts = [e.facts for e in new]
        batch = {f.slug for f in facts}
        outside = {f.part_of for f in facts if f.part_of and f.part_of not in batch}
        if not outside:
            return
        parents = {slug: engagement_id(slug) for slug in sorted(outside)}
        known = self.recorded_ids(list(parents.values()))
        missing = {slug for slug, i in parents.items() if i not in known}
        if not missing:
            return
        for f in facts:
            if f.part_of in missing:
                raise BatchError(
                    f.slug,
                    f"{f.slug}: part_of: no engagement {f.part_of!r} is recorded or in this "
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
        refused raises `CorrectionError` with its position (from 1), and nothing is written.
        Corrections that another writer's save overtakes are applied again to the newer state
        (see `_retrying`)."""
        what = corrections[0].slug if len({c.slug for c in corrections}) == 1 else "engagements"
        return self._retrying(lambda: self._correct_many(corrections), what)

    def _correct_many(self, corrections: Sequence[Correction]) -> list[Engagement]:
        touched: dict[str, Engagement] = {}
        for index, c in enumerate(corrections, 1):
            engagement = touched.get(c.slug) or self.find(c.slug)
            if engagement is None:
                raise CorrectionError(
                    index, c.slug, f"no engagement with this slug in {self.location}", True
                )
            try:
                engagement.correct(c.changes, c.reason, c.sources, c.evidence)
            except EngagementError as e:
                raise CorrectionError(index, c.slug, str(e)) from None
            touched[c.slug] = engagement
        self._save(list(touched.values()), retryable=True)
        return list(touched.values())

    def retract(self, slug: str, reason: str, merged_into: str | None = None) -> Engagement:
        """Withdraw an engagement (`Retracted`); a duplicate names the engagement it was merged
        into, which must be recorded and not itself retracted."""
        return self._retrying(lambda: self._retract(slug, reason, merged_into), slug)

    def _retract(self, slug: str, reason: str, merged_into: str | None) -> Engagement:
        engagement = self.get(slug)
        if merged_into is not None and merged_into != slug:
            survivor = self.find(merged_into)
            if survivor is None:
                raise NotFoundError(
                    f"{slug}: merged_into: no engagement {merged_into!r} in {self.location}"
                )
            if survivor.state.retraction is not None:
                later = survivor.state.retraction.merged_into
                hint = f" (it was merged into {later}: merge into that)" if later else ""
                raise TimelineError(f"{slug}: merged_into: {merged_into} is itself retracted{hint}")
        try:
            engagement.retract(reason, merged_into)
        except EngagementError as e:
            raise TimelineError(f"{slug}: {e}") from None
        self._save([engagement], retryable=True)
        return engagement

    def _retrying(self, attempt: Callable[[], T], what: str) -> T:
        """Run `attempt` (read the latest state, change it, save with `retryable=True`) until no
        other writer saved a newer version of its engagements in between.

        The store refuses a version that another writer saved first; the attempt then runs
        again on the newer state and validates anew, so concurrent changes are all applied in
        order, and one that no longer validates is refused with its reason. Never silently
        dropped; after UPDATE_ATTEMPTS lost races, refused with a message."""
        for n in range(UPDATE_ATTEMPTS):
            try:
                return attempt()
            except _Superseded:
                # Spread the retries of writers that collided, so they do not collide again.
                time.sleep(random.uniform(0, 0.01 * 2**n))
        raise ArchiveError(
            f"{what}: other writers changed it {UPDATE_ATTEMPTS} times while this change was "
            "being saved; nothing was written: run the command again"
        )

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

    def _save(
        self,
        aggregates: Sequence[Engagement | Engagement.Recorded],
        *,
        retryable: bool = False,
        unique: Sequence[IdentityRow] = (),
        identities: Sequence[IdentityRow] = (),
    ) -> None:
        """Save in one transaction. With `retryable` (inside `_retrying`), new versions of
        recorded engagements that another writer beat to the store raise `_Superseded`. The
        keys of `unique` (the rows of new engagements) must not be another's, as the store
        stands when it writes them. `identities` are the rows, already worked out, of the
        first `aggregates`. A new engagement may come as its `Recorded` event alone
        (`Engagement.recorded`)."""
        if not aggregates:
            return
        if self.read_only:
            raise ArchiveError(
                f"{self.folder}: the archive is read-only (a published copy or a read-only "
                "medium); nothing was written"
            )
        updates = all(
            isinstance(a, Engagement) and a.version > len(a.pending_events) for a in aggregates
        )
        events = [
            event
            for a in aggregates
            for event in ((a,) if type(a) is _RECORDED else a.collect_events())
        ]
        mapper = self.mapper
        stored: Sequence[StoredEvent | StoredRow]
        if not isinstance(mapper, PydanticMapper):
            stored = [mapper.to_stored_event(event) for event in events]
        elif getattr(self.recorder, "stores_rows", False):
            stored = mapper.to_stored_rows(events)
        else:
            stored = mapper.to_stored_events(events)
        # Each engagement's keys as this save leaves it, written with its events.
        rows = [*identities, *(_identity(a) for a in aggregates[len(identities) :])]
        try:
            # What `Application.save` does for this application (no snapshots, no cache, and
            # `_notify` does nothing), less its runtime protocol check of each object, which
            # costs more than mapping the event, and the recordings nothing reads.
            self.recorder.insert_events(stored, identities=rows, unique=unique)
        except IdentityTaken as e:
            raise _duplicate(e.slug, e.other, e.what) from None
        except IntegrityError:
            if retryable and updates:
                raise _Superseded from None
            raise ArchiveError(
                "another writer recorded one of these engagements at the same moment; "
                "nothing was written: run the command again"
            ) from None
        except OperationalError as e:
            raise ArchiveError(self._busy_message(e)) from None

    def _busy_message(self, error: Exception) -> str:
        text = one_line(error)
        if "locked" in text or "lock timeout" in text:
            return (
                f"{self.store_name}: the store is busy: another writer held it longer than "
                f"{self.lock_timeout} s (${ENV_LOCK_TIMEOUT}); nothing was written"
            )
        return f"{self.store_name}: the store is unwritable ({text}); nothing was written"


class _Superseded(Exception):
    """Another writer saved a newer version of an engagement between our read and our save."""


# A new engagement's event is told from an aggregate by its exact type: isinstance against
# these ABC-based classes went through abc's __instancecheck__ six times an engagement in a
# bulk append (180,003 calls for 30,000, cProfile).
_RECORDED = Engagement.Recorded


def _identity(engagement: Engagement | Engagement.Recorded) -> IdentityRow:
    """An engagement's identity row as its save leaves it; a new one's from its event."""
    if type(engagement) is _RECORDED:
        return keyed_row(engagement.originator_id, engagement.originator_version, engagement.facts)
    return identity_row(engagement.state)


def _check_collections(names: Iterable[str]) -> None:
    for name in names:
        if name not in COLLECTIONS:
            raise CollectionError(unknown_collection(name))


def _duplicate(slug: str, other: str, what: str) -> DuplicateError:
    return DuplicateError(
        slug,
        f"{slug}: the archive already has this engagement as {other} ({what}); nothing was "
        f"written. Record this document under the slug {other} to add it as a source, or "
        "append with --allow-duplicates if they differ",
    )


def _conflict_message(facts: EngagementFacts, recorded: EngagementFacts) -> str:
    new, old = facts.model_dump(mode="json"), recorded.model_dump(mode="json")
    fields = [k for k in new if new[k] != old.get(k)]
    return (
        f"{facts.slug}: already recorded with other content ({', '.join(fields)}); "
        f"nothing was written. Change a recorded engagement with "
        f"`timeline correct {facts.slug} --set FIELD=VALUE --reason TEXT`"
    )
