"""People in `timeline.db`: one row a person however written (`people`), the participants and
office holders linked to it (`participants.individual`, `office_holders.person`), and the merges
and splits people decided (`person_decisions`), which move those links and can be reverted.

A link is a function of the name, the country and the decisions in force: `individual_id`
unless a decision says otherwise, so a rebuild and an incremental build agree."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlite_utils

from timeline.offices.names import individual_id, may_be_same_person
from timeline.offices.registry import Registry
from timeline.projection.offices import projected_registry
from timeline.text import fold


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


def link_people(db: sqlite_utils.Database, engagements: Iterable[str] | None) -> set[str]:
    """Set `participants.individual` (of these engagements; all if None) and, for all, the
    office holders' `person`; return the people whose rows may have changed."""
    found = decisions(db)
    registry = projected_registry(db)
    sql = (
        "select engagement, position, name, variants, title, country, start_date, individual "
        "from participants"
    )
    if engagements is None:
        rows = db.execute(sql).fetchall()
    else:
        rows = []
        for slug in engagements:
            rows += db.execute(sql + " where engagement = ?", [slug]).fetchall()
    touched: set[str] = set()
    updates = []
    for engagement, position, name, variants, title, country, start, old in rows:
        names = [name, *json.loads(variants or "[]")]
        holder = registry_holder(registry, names, title, country, date.fromisoformat(start))
        new = found.resolve(name, country, holder)
        touched |= {old, new}
        if new != old:
            updates.append((new, engagement, position))
    db.conn.executemany(
        "update participants set individual = ? where engagement = ? and position = ?", updates
    )
    held = db.execute("select id, holder, country, person from office_holders").fetchall()
    moved = []
    for holding, holder, country, old in held:
        new = found.resolve(holder, country)
        touched |= {old, new}
        if new != old:
            moved.append((new, holding))
    db.conn.executemany("update office_holders set person = ? where id = ?", moved)
    return {t for t in touched if t}


def write_people(db: sqlite_utils.Database, people: Iterable[str] | None) -> None:
    """Write the rows of these people (all, if None) anew from what links to them now."""
    if people is None:
        ids = {r[0] for r in db.execute("select distinct individual from participants")}
        ids |= {r[0] for r in db.execute("select distinct person from office_holders")}
        db.execute("delete from people")
    else:
        ids = set(people)
    merged_from: dict[str, list[str]] = {}
    for person, into in decisions(db).merged.items():
        merged_from.setdefault(into, []).append(person)
    rows = []
    for person in sorted(i for i in ids if i):
        row = _person_row(db, person, sorted(merged_from.get(person, [])))
        if row is None:
            db.execute("delete from people where id = ?", [person])
        else:
            rows.append(row)
    if rows:
        db["people"].insert_all(rows, pk="id", replace=True)


def _person_row(db: sqlite_utils.Database, person: str, merged: list[str]) -> dict[str, Any] | None:
    named = db.execute(
        "select name, variants, country, start_date, engagement from participants "
        "where individual = ? order by start_date desc, engagement desc, position",
        [person],
    ).fetchall()
    held = db.execute(
        "select holder, variants, country, title, start_date, end_date from office_holders "
        "where person = ? order by start_date",
        [person],
    ).fetchall()
    if not named and not held:
        return None
    spellings = [n[0] for n in named] + [h[0] for h in held]
    for variants in [n[1] for n in named] + [h[1] for h in held]:
        spellings += json.loads(variants or "[]")
    name = spellings[0]
    variants = sorted({s for s in spellings if s != name})
    countries = [n[2] for n in named if n[2]] + [h[2] for h in held if h[2]]
    offices = [f"{h[3]} ({h[2]}), {h[4]} to {h[5] or 'in office'}" for h in held]
    dates = sorted(n[3] for n in named)
    return {
        "id": person,
        "name": name,
        "variants": json.dumps(variants, ensure_ascii=False),
        "country": countries[0] if countries else None,
        "offices": json.dumps(offices, ensure_ascii=False),
        "engagements": len({n[4] for n in named}),
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "merged_from": json.dumps(merged, ensure_ascii=False) if merged else None,
        "search_text": fold(" ".join([name, *variants])),
    }


def remove_unnamed_people(db: sqlite_utils.Database) -> None:
    """People no participant and no office holder links to any more (a corrected name)."""
    db.execute(
        "delete from people where id not in (select individual from participants "
        "where individual is not null) and id not in (select person from office_holders "
        "where person is not null)"
    )


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
