"""What the archive already knows about a draft: recorded engagements that look like the same one,
the names of known persons and organisations, and the visits a meeting can be part of."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pydantic import ValidationError

from events import EngagementFacts
from timeline.review.workspace import Workspace
from timeline.store.application import Archive
from timeline.text import fold

# Engagements within this many days of a draft's dates are near matches when they share a
# country (a visit is reported days after it ended; a date read without its year is off by one).
NEAR_DAYS = 7


@dataclass
class Match:
    slug: str
    title: str
    date_label: str
    why: str


def _projection(archive: Archive) -> sqlite3.Connection | None:
    path = archive.projection_path
    if not path.is_file():
        return None
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        db.execute("select 1 from engagements limit 1")
    except sqlite3.DatabaseError:
        db.close()
        return None
    return db


def similar(archive: Archive, record: dict[str, Any]) -> list[Match]:
    """Recorded engagements that may be the draft's: by the duplicate check's identity keys
    (first), then by dates near the draft's with a country or a person in common."""
    found: dict[str, Match] = {}
    db = _projection(archive)
    if db is None:
        return []
    with closing(db):
        for slug, why in _same_identity(archive, record):
            found.setdefault(slug, _match(db, slug, why))
        for slug, why in _near(db, record):
            found.setdefault(slug, _match(db, slug, why))
    return [m for m in found.values() if m.slug != record.get("slug") or m.why.startswith("same")]


def _same_identity(archive: Archive, record: dict[str, Any]) -> list[tuple[str, str]]:
    try:
        facts = EngagementFacts.model_validate(record)
    except ValidationError:
        return []
    out = [(slug, what) for what, slug in archive.same_engagements(facts)]
    if archive.find(facts.slug) is not None:
        out.append((facts.slug, "same slug"))
    return out


def _near(db: sqlite3.Connection, record: dict[str, Any]) -> list[tuple[str, str]]:
    when = record.get("date") or {}
    try:
        start = date.fromisoformat(str(when.get("start")))
        end = date.fromisoformat(str(when.get("end") or when.get("start")))
    except ValueError:
        return []
    countries = {c for c in [record.get("host"), *(record.get("guests") or [])] if c}
    names = {fold(p.get("name")) for p in record.get("participants") or [] if p.get("name")}
    rows = db.execute(
        "select slug, countries from engagements where start_date <= ? and end_date >= ?",
        [(end + timedelta(days=NEAR_DAYS)).isoformat(),
         (start - timedelta(days=NEAR_DAYS)).isoformat()],
    ).fetchall()  # fmt: skip
    out = []
    for slug, row_countries in rows:
        common = countries & set(json.loads(row_countries or "[]"))
        people = {
            fold(r[0])
            for r in db.execute("select name from participants where engagement = ?", [slug])
        } & names
        if people:
            out.append((slug, f"near in date, with {len(people)} of the same people"))
        elif len(common) >= min(2, len(countries)) and common:
            out.append((slug, f"near in date, same countries ({', '.join(sorted(common))})"))
    return out


def _match(db: sqlite3.Connection, slug: str, why: str) -> Match:
    row = db.execute("select title, date_label from engagements where slug = ?", [slug]).fetchone()
    return Match(slug, row[0] if row else slug, row[1] if row else "", why)


def known_names(archive: Archive, workspace: Workspace) -> dict[str, list[str]]:
    """Persons and organisations for autocomplete: those of the archive and of the drafts, so a
    spelling variant is offered the name already in use."""
    persons: set[str] = set()
    organisations: set[str] = set()
    db = _projection(archive)
    if db is not None:
        with closing(db):
            persons.update(r[0] for r in db.execute("select name from persons"))
            for name, abbreviation in db.execute("select name, abbreviation from organisations"):
                organisations.update(x for x in (name, abbreviation) if x)
    for d in workspace.drafts():
        persons.update(p["name"] for p in d.record.get("participants") or [] if p.get("name"))
        for o in d.record.get("organisations") or []:
            organisations.update(x for x in (o.get("name"), o.get("abbreviation")) if x)
    return {"persons": sorted(persons), "organisations": sorted(organisations)}


def visits(archive: Archive, workspace: Workspace, document: str) -> list[tuple[str, str]]:
    """(slug, label) of what a draft can be part of: the visits drafted from the same article,
    then the recorded visits."""
    out = [
        (d.slug, f"{d.record.get('title', d.slug)} (draft)")
        for d in workspace.drafts(document) if d.kind == "visit" and d.slug
    ]  # fmt: skip
    db = _projection(archive)
    if db is not None:
        with closing(db):
            for slug, title, label in db.execute(
                "select slug, title, date_label from engagements where kind = 'visit' "
                "order by start_date desc limit 500"
            ):
                if slug not in {s for s, _ in out}:
                    out.append((slug, f"{title}, {label} (recorded)"))
    return out
