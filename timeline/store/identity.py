"""Duplicates under other slugs: what makes two records the same engagement, and finding a
recorded one by that, as current as the store."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any
from uuid import UUID

from events import EngagementFacts, EngagementState
from timeline.text import fold

if TYPE_CHECKING:
    from timeline.store.application import Archive


class IdentityLookup:
    """Finds a live engagement by an identity key (see `identity_keys`).

    Reads `timeline.db` for what it has projected (by its indexes) and folds the events it has
    not projected yet from the store, so the answer is as current as the store."""

    def __init__(self, archive: Archive) -> None:
        self.db: sqlite3.Connection | None = None
        start = 0
        path = archive.projection_path
        if path.exists():
            # Read-only: a lookup never writes the projection. as_uri() escapes `?` and `#`.
            uri = f"{path.resolve().as_uri()}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, timeout=30)
            try:
                row = self.db.execute(
                    "select position from _tracking where name = ?", [archive.name]
                ).fetchone()
                start = row[0] if row else 0
            except sqlite3.DatabaseError:  # not built yet: fold everything
                self.db.close()
                self.db = None
        # Engagements changed since the projection was built: their rows there are stale, so
        # they are looked up here, by key, and their rows there are passed over.
        pending = _pending_identities(archive, start)
        self.pending = pending.slugs
        self.pending_keys = pending.keys

    def find(self, key: str, what: str, facts: EngagementFacts) -> str | None:
        if key in self.pending_keys:
            return self.pending_keys[key]
        if self.db is None:
            return None
        if what == SAME_SESSION:
            rows = self.db.execute(
                "select slug, kind, start_date, end_date, countries, title, series, session "
                "from engagements where series = ? and session = ?",
                [facts.series, facts.session],
            )
        else:
            rows = self.db.execute(
                "select slug, kind, start_date, end_date, countries, title, series, session "
                "from engagements where kind = ? and start_date = ? and end_date = ?",
                [facts.kind, facts.date.start.isoformat(), facts.date.end.isoformat()],
            )
        for slug, *fields in rows:
            if slug not in self.pending and key in _row_keys(*fields):
                return slug
        return None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


SAME_SESSION = "same series and session"
SAME_FACTS = "same kind, dates, countries and title"


def identity_keys(facts: EngagementFacts) -> list[tuple[str, str]]:
    """What makes two records the same engagement whatever their slugs: the same session of a
    dialogue series, or the same kind, dates, countries and title (diacritics and case aside)."""
    return _keys(
        facts.kind,
        facts.date.start.isoformat(),
        facts.date.end.isoformat(),
        facts.countries,
        facts.title,
        facts.series,
        facts.session,
    )


def _row_keys(*row: Any) -> list[str]:
    """The keys of an `engagements` row: kind, start, end, countries (JSON), title, series,
    session."""
    kind, start, end, countries, title, series, session = row
    return [k for _, k in _keys(kind, start, end, json.loads(countries), title, series, session)]


def _keys(
    kind: str,
    start: str,
    end: str,
    countries: list[str],
    title: str,
    series: str | None,
    session: int | None,
) -> list[tuple[str, str]]:
    keys = []
    if series and session:
        keys.append((SAME_SESSION, f"session {series} {session}"))
    same = " ".join([kind, start, end, ",".join(sorted(countries)), " ".join(fold(title).split())])
    keys.append((SAME_FACTS, f"facts {same}"))
    return keys


class PendingIdentities:
    """The identity keys of engagements changed after projection position `start`, folded from
    the store up to notification `until` and kept current from there."""

    def __init__(self, start: int) -> None:
        self.start = self.until = start
        self.slugs: set[str] = set()
        self.keys: dict[str, str] = {}
        self._keys_of: dict[str, list[str]] = {}

    def catch_up(self, archive: Archive) -> None:
        states, self.until = _states_after(archive, self.until)
        for state in states:
            slug = state.facts.slug
            for key in self._keys_of.pop(slug, []):
                if self.keys.get(key) == slug:
                    del self.keys[key]
            self.slugs.add(slug)
            if state.retraction is None:
                keys = [key for _, key in identity_keys(state.facts)]
                for key in keys:
                    self.keys.setdefault(key, slug)
                self._keys_of[slug] = keys


def _pending_identities(archive: Archive, start: int) -> PendingIdentities:
    """The archive's pending identities, caught up with the store.

    Kept on the archive between appends, so appending batch after batch without a build folds
    each event once, not once per append. Entries the projection has since caught up with stay
    current, so they may stay; once it has every folded event, the fold starts afresh."""
    pending: PendingIdentities | None = getattr(archive, "_pending_identities", None)
    if pending is None or start < pending.start or start >= pending.until:
        pending = PendingIdentities(start)
        archive._pending_identities = pending  # type: ignore[attr-defined]
    pending.catch_up(archive)
    return pending


def _states_after(archive: Archive, start: int) -> tuple[list[EngagementState], int]:
    """The current state of every engagement with events after notification `start` (folded
    from those events, or read whole from the store for one that began before `start`), and the
    last notification read."""
    states: dict[UUID, EngagementState] = {}
    begun_before: set[UUID] = set()
    while True:
        batch = archive.recorder.select_notifications(
            start=start, limit=1000, inclusive_of_start=False
        )
        if not batch:
            break
        for notification in batch:
            if not notification.topic.startswith("events.engagement:"):
                continue
            event = archive.mapper.to_domain_event(notification)
            key = event.originator_id
            if key in begun_before or (key not in states and event.originator_version > 1):
                begun_before.add(key)
                continue
            states[key] = event.evolve(states.get(key))
        start = batch[-1].id
    for key in begun_before:
        states[key] = archive.repository.get(key).state
    return list(states.values()), start
