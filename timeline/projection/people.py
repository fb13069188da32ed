"""People in `timeline.db`: one row a person however written (`people`), the participants and
office holders linked to it (`participants.individual`, `office_holders.person`), and the merges
and splits people decided (`person_decisions`), which move those links and can be reverted.

A link is a function of the name, the country and the decisions in force: `individual_id`
unless a decision says otherwise, so a rebuild and an incremental build agree."""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby, islice
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from timeline.offices.names import individual_id, may_be_same_person
from timeline.offices.registry import Registry
from timeline.projection.offices import projected_registry
from timeline.text import fold

if TYPE_CHECKING:
    import sqlite_utils


@dataclass
class Decisions:
    """The merges (id -> id) and splits (id -> [(names' keys, new id)]) in force."""

    merged: dict[str, str] = field(default_factory=dict)
    split: dict[str, list[tuple[set[str], str]]] = field(default_factory=dict)

    def resolve(self, name: str, country: str | None, holder: str | None = None) -> str:
        """The person of a name (or of the registry's `holder` whose office the name held)."""
        person = holder or individual_id(name, country)
        for keys, into in self.split.get(person, []):
            if _spelling(name) in keys:
                person = into
                break
        seen = {person}
        while person in self.merged and self.merged[person] not in seen:
            person = self.merged[person]
            seen.add(person)
        return person


def _spelling(name: str) -> str:
    """A split goes by spelling (`Yoon Hee-keun` apart from `Yoon Hee-geun`, which one key
    joins), case and diacritics aside."""
    return " ".join(fold(name).split())


def decisions(db: sqlite_utils.Database) -> Decisions:
    found = Decisions()
    if not db["person_decisions"].exists():
        return found
    rows = db.query(
        "select decision, person, [into], names from person_decisions where not reverted "
        "order by decided_at, id"
    )
    for row in rows:
        if row["decision"] == "merge":
            found.merged[row["person"]] = row["into"]
        else:
            keys = {_spelling(n) for n in json.loads(row["names"] or "[]")}
            found.split.setdefault(row["person"], []).append((keys, row["into"]))
    return found


def link_people(
    db: sqlite_utils.Database, engagements: Iterable[str] | None, registry: Registry | None = None
) -> set[str]:
    """Set `participants.individual` (of these engagements; all if None) and, with None, the
    office holders' `person` (`link_holders`), against `registry` (the one timeline.db holds,
    if None); return the people whose rows may have changed. All participants are read as a
    stream."""
    found = decisions(db)
    registry = registry or projected_registry(db)
    sql = (
        "select engagement, position, name, variants, title, country, start_date, individual "
        "from participants"
    )
    if engagements is None:
        rows: Iterable[tuple[Any, ...]] = db.execute(sql)
    else:
        rows = [
            r for slug in engagements for r in db.execute(sql + " where engagement = ?", [slug])
        ]
    touched: set[str] = set()
    updates = []
    for engagement, position, name, variants, title, country, start, old in rows:
        holder = None
        if registry.offices_titled(country, title):
            names = [name, *json.loads(variants or "[]")]
            holder = registry_holder(registry, names, title, country, date.fromisoformat(start))
        new = found.resolve(name, country, holder)
        touched |= {old, new}
        if new != old:
            updates.append((new, engagement, position))
    db.conn.executemany(
        "update participants set individual = ? where engagement = ? and position = ?", updates
    )
    if engagements is None:
        touched |= link_holders(db, found)
    return {t for t in touched if t}


def link_holders(db: sqlite_utils.Database, found: Decisions | None = None) -> set[str]:
    """Set the office holders' `person` against the decisions about people (those in force, if
    None); return the people whose rows may have changed.

    A holding's person is a function of its holder, its country and the decisions, so only a
    batch with an office record or a decision (which links everyone), a rebuild, or shipped
    holders newly written (build.write_vocabularies) can move one. Resolving every holder's
    name on each incremental build was 15-20 ms of `timeline append` (cProfile, 100,000
    engagements)."""
    found = found if found is not None else decisions(db)
    touched: set[str] = set()
    held = db.execute("select id, holder, country, person from office_holders").fetchall()
    moved = []
    for holding, holder, country, old in held:
        new = found.resolve(holder, country)
        # Only a holding that moves changes its people's rows: rewriting every holder's person
        # (some 250 rows and their search index) was half of an incremental build.
        if new != old:
            touched |= {old, new}
            moved.append((new, holding))
    db.conn.executemany("update office_holders set person = ? where id = ?", moved)
    return {t for t in touched if t}


# A person's rows, latest first; the office holdings by start (and id, so ties are ordered).
_NAMED = (
    "select {key}name, variants, country, start_date, engagement from participants "
    "where {where} order by {key}start_date desc, engagement desc, position"
)
_HELD = (
    "select {key}holder, variants, country, title, start_date, end_date from office_holders "
    "where {where} order by {key}start_date, id"
)
_INSERT = "INSERT OR REPLACE INTO people ({}) VALUES ({})"
# People rows written per executemany while a rebuild reads every person's rows in one pass.
_CHUNK = 1000


def write_people(db: sqlite_utils.Database, people: Iterable[str] | None) -> None:
    """Write the rows of these people (all, if None) anew from what links to them now."""
    merged_from: dict[str, list[str]] = {}
    for person, into in decisions(db).merged.items():
        merged_from.setdefault(into, []).append(person)
    if people is None:
        db.execute("delete from people")
        _insert_people(db, _every_person_row(db, merged_from))
        return
    rows = []
    for person in sorted(i for i in set(people) if i):
        held = db.execute(_HELD.format(key="", where="person = ?"), [person]).fetchall()
        row = _person_row(person, _named_in(db, person), held, sorted(merged_from.get(person, [])))
        if row is None:
            db.execute("delete from people where id = ?", [person])
        else:
            rows.append(row)
    _insert_people(db, iter(rows))


def _every_person_row(
    db: sqlite_utils.Database, merged_from: dict[str, list[str]]
) -> Iterator[dict[str, Any]]:
    """Every person's row, from one ordered pass over participants and office holders: a query
    for each person scanned all participants while a rebuild has no index on them yet (6,278
    people of 20,000 engagements: 280 s of a 360 s rebuild, and growing as N squared)."""
    everyone = "{} is not null and {} != ''"
    named = db.conn.execute(
        _NAMED.format(key="individual, ", where=everyone.format("individual", "individual"))
    )
    held = db.conn.execute(_HELD.format(key="person, ", where=everyone.format("person", "person")))
    for person, its_named, its_held in _merge_by_key(named, held):
        named = _named_of_rows(its_named)
        row = _person_row(person, named, its_held, sorted(merged_from.get(person, [])))
        if row is not None:
            yield row


def _groups(
    stream: Iterable[tuple[Any, ...]], side: int
) -> Iterator[tuple[str, int, list[tuple[Any, ...]]]]:
    for key, rows in groupby(stream, itemgetter(0)):
        yield key, side, [row[1:] for row in rows]


def _merge_by_key(
    left: Iterable[tuple[Any, ...]], right: Iterable[tuple[Any, ...]]
) -> Iterator[tuple[str, list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    """Two streams of rows ordered by their first column, as (key, its left rows less the key,
    its right rows less the key), in the order of the keys."""
    tagged = heapq.merge(_groups(left, 0), _groups(right, 1), key=itemgetter(0, 1))
    for key, both in groupby(tagged, itemgetter(0)):
        sides: tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]] = ([], [])
        for _, side, rows in both:
            sides[side].extend(rows)
        yield key, sides[0], sides[1]


def _insert_people(db: sqlite_utils.Database, rows: Iterator[dict[str, Any]]) -> None:
    """Insert or replace people rows, a chunk at a time: a rebuild never holds them all."""
    while chunk := list(islice(rows, _CHUNK)):
        columns = list(chunk[0])
        statement = _INSERT.format(
            ", ".join(f"[{c}]" for c in columns), ", ".join(f":{c}" for c in columns)
        )
        db.conn.executemany(statement, chunk)


@dataclass
class Named:
    """What the participants linked to a person say of them: the latest name and country given,
    every spelling (names and variants), in how many engagements, first and last seen."""

    name: str | None
    country: str | None
    spellings: set[str]
    engagements: int
    first_seen: str | None
    last_seen: str | None


def _named_of_rows(named: Sequence[tuple[Any, ...]]) -> Named:
    """From a person's participant rows, latest first (name, variants, country, start date,
    engagement): a rebuild reads them all once, in order."""
    spellings = {n[0] for n in named} | {v for n in named for v in json.loads(n[1] or "[]")}
    dates = [n[3] for n in named]
    return Named(
        named[0][0] if named else None,
        next((n[2] for n in named if n[2]), None),
        spellings,
        len({n[4] for n in named}),
        min(dates, default=None),
        max(dates, default=None),
    )


def _named_in(db: sqlite_utils.Database, person: str) -> Named:
    """The same, asked of timeline.db by index: a person named in thousands of engagements is
    not read row by row into Python on each build that touches them."""
    latest = "select {} from participants where individual = ? {} " + _LATEST_FIRST + " limit 1"
    name = db.execute(latest.format("name", ""), [person]).fetchone()
    country = db.execute(
        latest.format("country", "and country is not null and country != ''"), [person]
    ).fetchone()
    spellings = {r[0] for r in db.execute(_SPELLINGS, [person, person])}
    engagements, first, last = db.execute(_SEEN, [person]).fetchone()
    return Named(
        name[0] if name else None,
        country[0] if country else None,
        spellings,
        engagements,
        first,
        last,
    )


_LATEST_FIRST = "order by start_date desc, engagement desc, position"
_SPELLINGS = (
    "select distinct name from participants where individual = ? union "
    "select distinct v.value from participants p, json_each(coalesce(p.variants, '[]')) v "
    "where p.individual = ?"
)
_SEEN = (
    "select count(distinct engagement), min(start_date), max(start_date) from participants "
    "where individual = ?"
)


def _person_row(
    person: str,
    named: Named,
    held: Sequence[tuple[Any, ...]],
    merged: list[str],
) -> dict[str, Any] | None:
    """A person's row from what their participants say and their office holdings by start
    (holder, variants, country, title, start, end)."""
    if not named.engagements and not held:
        return None
    spellings = {h[0] for h in held} | {v for h in held for v in json.loads(h[1] or "[]")}
    name = named.name if named.name is not None else held[0][0]
    variants = sorted((named.spellings | spellings) - {name})
    countries = [c for c in [named.country, *(h[2] for h in held)] if c]
    offices = [f"{h[3]} ({h[2]}), {h[4]} to {h[5] or 'in office'}" for h in held]
    return {
        "id": person,
        "name": name,
        "variants": json.dumps(variants, ensure_ascii=False),
        "country": countries[0] if countries else None,
        "offices": json.dumps(offices, ensure_ascii=False),
        "engagements": named.engagements,
        "first_seen": named.first_seen,
        "last_seen": named.last_seen,
        "merged_from": json.dumps(merged, ensure_ascii=False) if merged else None,
        "search_text": fold(" ".join([name, *variants])),
    }


def registry_holder(
    registry: Registry, names: Sequence[str], title: str | None, country: str | None, day: date
) -> str | None:
    """The person id of the registry's holder of the office `title` names on `day`, when the
    participant may be that holder: `President of the United States Herbert C. Hoover` in 1930
    is the registry's Herbert Hoover, one person across the two sources."""
    for office in registry.offices_titled(country, title):
        for holding in registry.held_on(office.slug, day):
            if may_be_same_person(names, holding.names, office.country):
                return individual_id(holding.holder, office.country)
    return None


def linked_people(db: sqlite_utils.Database, events: Iterable[Any]) -> set[str]:
    """The people linked now to the engagements these events change (corrected, retracted): a
    change may take a participant away from them, so their rows are written anew."""
    ids = sorted({str(e.originator_id) for e in events if e.originator_version > 1})
    people: set[str] = set()
    for start in range(0, len(ids), 500):  # SQLite's limit of bound parameters, with room
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        people |= {
            row[0]
            for row in db.execute(
                "select distinct p.individual from participants p join engagements e "
                f"on e.slug = p.engagement where e.id in ({marks})",
                chunk,
            )
            if row[0]
        }
    return people
