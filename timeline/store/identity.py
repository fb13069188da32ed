"""Duplicates under other slugs: what makes two records the same engagement (identity keys), and
the rows of the store's identity table, which hold every engagement's current keys.

The recorders write an engagement's row in the transaction that stores its events, so the table
is always as current as the store, and finding a recorded engagement by a key is an index probe:
no fold of events, no read of `timeline.db`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from operator import methodcaller
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable
from uuid import UUID

from events import EngagementFacts, EngagementState
from events.identity import id_text
from timeline.text import fold

if TYPE_CHECKING:
    from eventsourcing.persistence import StoredEvent

IDENTITY_TABLE_SUFFIX = "_identity"
SAME_SESSION = "same series and session"
SAME_FACTS = "same kind, dates, countries and title"
SESSION_PREFIX = "session "


class IdentityRow(NamedTuple):
    """One engagement's row of the identity table: its keys as of its version
    `originator_version`; a retracted engagement keeps its row, without keys.

    A tuple, as the table's rows are, so rows go to the database as they are."""

    originator_id: str  # the uuid's 32 hex digits
    originator_version: int
    slug: str
    session_key: str | None
    facts_key: str | None

    def held(self) -> list[str]:
        """The keys this engagement holds: none once it is retracted."""
        return [key for key in (self.session_key, self.facts_key) if key]

    def named(self) -> list[tuple[str, str]]:
        """The keys it holds, each with what it means (`identity_keys`' pairs)."""
        pairs = ((SAME_SESSION, self.session_key), (SAME_FACTS, self.facts_key))
        return [(what, key) for what, key in pairs if key]


# An `IdentityRow` made as the tuple it is, without its class's `__new__` written in Python.
_row = tuple.__new__


class IdentityTaken(Exception):
    """Raised by a recorder, inside the transaction it then rolls back, when a new engagement
    saved as unique has a key that another engagement holds: one recorded before, or one
    earlier in the same batch."""

    def __init__(self, slug: str, other: str, what: str) -> None:
        super().__init__(f"{slug}: {other} is the same engagement ({what})")
        self.slug = slug
        self.other = other
        self.what = what


@runtime_checkable
class IdentityRecorder(Protocol):
    """What the archive asks of its recorder beyond eventsourcing's: the SQL behind these is
    each store's own (`store/sqlite.py`, `store/postgres.py`). `insert_events` takes the rows
    of the engagements it stores events of as `identities=` and writes them with the events;
    and as `unique=` the rows of new engagements whose keys no other may hold, which it checks
    under the store's write lock (raising `IdentityTaken`), so that two writers appending one
    engagement under two slugs at once cannot both record it."""

    def recorded_ids(self, ids: Sequence[UUID]) -> set[UUID]:
        """Those of `ids` that have events in the store."""
        ...

    def find_identities(self, keys: Sequence[str]) -> list[tuple[str, str]]:
        """(key, slug) of each recorded engagement that has one of `keys`."""
        ...

    def select_identities(self) -> list[IdentityRow]:
        """Every row of the identity table."""
        ...

    def fill_identities(self, fold: Callable[[Iterable[StoredEvent]], list[IdentityRow]]) -> int:
        """Fill the table of a store made before it from `fold` of every stored event, once:
        how many rows were written (0 when the table had rows or the store has no events)."""
        ...


def identity_keys(facts: EngagementFacts) -> list[tuple[str, str]]:
    """What makes two records the same engagement whatever their slugs: the same session of a
    dialogue series, or the same kind, dates, countries and title (diacritics and case aside)."""
    session_key, facts_key = _keys(facts)
    keys = [(SAME_SESSION, session_key)] if session_key else []
    return [*keys, (SAME_FACTS, facts_key)]


# A date's ISO text, kept: `date.isoformat` builds it with a format string (0.6 us, two a
# record), and a bulk append's dates fall on a few thousand days.
_iso = lru_cache(maxsize=1 << 14, typed=True)(methodcaller("isoformat"))


def _keys(facts: EngagementFacts) -> tuple[str | None, str]:
    """The session key (None without a series and session) and the facts key of `facts`, made
    in one pass over the fields they read: a bulk append makes one for each new engagement
    (with a list of pairs and a dict between, 7.5 of a bulk append's 52 us a record)."""
    series, session, when = facts.series, facts.session, facts.date
    session_key = f"{SESSION_PREFIX}{series} {session}" if series and session else None
    # `facts.countries`, without its property's list of lists (guests are codes, never empty).
    host, place = facts.host, facts.place
    countries = [host, *facts.guests] if host else [*facts.guests]
    if place is not None and place.country not in countries:
        countries.append(place.country)
    countries.sort()
    title = " ".join(fold(facts.title).split())
    start, end = _iso(when.start), _iso(when.end)
    return session_key, f"facts {facts.kind} {start} {end} {','.join(countries)} {title}"


def identity_row(state: EngagementState) -> IdentityRow:
    """An engagement's row as its state stands: its keys, none once it is retracted."""
    if state.retraction is not None:
        return IdentityRow(state.id.hex, state.version, state.facts.slug, None, None)
    return keyed_row(state.id, state.version, state.facts)


def keyed_row(originator_id: UUID, version: int, facts: EngagementFacts) -> IdentityRow:
    """The row of an engagement that is not retracted, from its facts (a new engagement's
    row, from its `Recorded` event, with no state folded)."""
    session_key, facts_key = _keys(facts)
    return _row(IdentityRow, (id_text(originator_id), version, facts.slug, session_key, facts_key))


def fold_identities(events: Iterable[Any]) -> list[IdentityRow]:
    """The rows of the engagements of `events` (every event of each, in order)."""
    states: dict[UUID, EngagementState] = {}
    for event in events:
        states[event.originator_id] = event.evolve(states.get(event.originator_id))
    return [identity_row(state) for state in states.values()]


def duplicates(
    new: Sequence[IdentityRow], recorded: Mapping[str, str]
) -> dict[str, tuple[str, str]]:
    """Each slug of `new` (a batch's new engagements, in order) that is an engagement already
    recorded (`recorded`: key -> slug, see `owners`) or one earlier in the batch: slug -> (that
    slug, what is the same), in the batch's order."""
    seen: dict[str, str] = {}
    found: dict[str, tuple[str, str]] = {}
    for _, _, slug, session_key, facts_key in new:
        for what, key in ((SAME_SESSION, session_key), (SAME_FACTS, facts_key)):
            if not key:
                continue
            other = seen.get(key) or recorded.get(key)
            if other and other != slug and slug not in found:
                found[slug] = (other, what)
            seen[key] = slug
    return found


def taken(
    unique: Sequence[IdentityRow],
    found: Iterable[tuple[str, str]],
    held: Mapping[str, list[str]] | None = None,
) -> None:
    """Raise `IdentityTaken` for the first row of `unique` whose engagement another holds
    (`found`: the recorded (key, slug) pairs of their keys), as `duplicates` finds it. `held`:
    `keys_by_column(unique)`, when the caller has made it."""
    recorded = owners(found)
    if not recorded and _distinct(held if held is not None else keys_by_column(unique)):
        return  # the usual batch: no key recorded, none twice in it (no walk in order needed)
    for slug, (other, what) in duplicates(unique, recorded).items():
        raise IdentityTaken(slug, other, what)


def _distinct(held: Mapping[str, list[str]]) -> bool:
    """Whether no key is held twice (`keys_by_column` of rows: a session key is never a facts
    key, so each column is asked on its own)."""
    return all(len(set(keys)) == len(keys) for keys in held.values())


def by_column(keys: Iterable[str]) -> dict[str, list[str]]:
    """Keys by the column of the identity table that holds keys of their kind: a session key is
    never a facts key, so each is looked up in one index, not both."""
    columns: dict[str, list[str]] = {"session_key": [], "facts_key": []}
    for key in keys:
        columns["session_key" if key.startswith(SESSION_PREFIX) else "facts_key"].append(key)
    return columns


def keys_by_column(rows: Sequence[IdentityRow]) -> dict[str, list[str]]:
    """The keys `rows` hold, by the column of the identity table that holds them: `by_column` of
    their `held` keys, without a call a row and a test a key. With `_distinct` on it, what the
    recorder asks of a batch's keys under its write lock took 0.51 us an engagement, and takes
    0.12 (10,000 generated rows, best of 4)."""
    return {
        "session_key": [row[3] for row in rows if row[3]],
        "facts_key": [row[4] for row in rows if row[4]],
    }


def owners(found: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(key, slug) pairs as key -> slug; of several engagements recorded with one key (with
    `allow_duplicates`), the first slug in order, so a refusal always names the same one."""
    out: dict[str, str] = {}
    for key, slug in found:
        if key not in out or slug < out[key]:
            out[key] = slug
    return out
