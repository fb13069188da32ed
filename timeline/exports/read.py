"""The engagements as the export formats need them, read from a built timeline.db: each with its
countries' names, its participants and its sources (the quoted sentence first)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENGAGEMENT_COLUMNS = (
    "slug, kind, title, title_vi, summary, start_date, end_date, date_precision, date_label, "
    "date_phrase, city, country, venue, latitude, longitude, host, guests, countries, series, "
    "session, part_of, topics, version, recorded_at, modified_at"
)


@dataclass(frozen=True)
class ExportRecord:
    """One engagement, current and not retracted, with what every format may cite."""

    engagement: dict[str, Any]
    kind_label: str
    country_names: dict[str, str]
    participants: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    # The organisations that took part (name, abbreviation, country), in the record's order.
    organisations: list[dict[str, Any]] = field(default_factory=list)

    @property
    def guests(self) -> list[str]:
        return json.loads(self.engagement["guests"] or "[]")

    @property
    def countries(self) -> list[str]:
        return json.loads(self.engagement["countries"] or "[]")

    @property
    def topics(self) -> list[str]:
        return json.loads(self.engagement["topics"] or "[]")

    def name(self, code: str | None) -> str | None:
        return self.country_names.get(code, code) if code else None


def _grouped(db: sqlite3.Connection, sql: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in db.execute(sql):
        out.setdefault(row["engagement"], []).append(dict(row))
    return out


def read_records(path: Path, only: Collection[str] | None = None) -> Iterator[ExportRecord]:
    """Every engagement of timeline.db at `path` (or those whose slug is in `only`), by start
    date then slug."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    try:
        names = {r["code"]: r["name_en"] for r in db.execute("select code, name_en from countries")}
        kinds = {r["key"]: r["label_en"] for r in db.execute("select key, label_en from kinds")}
        people = _grouped(
            db,
            "select engagement, name, title, rank, country, role, role_label from participants "
            "order by engagement, position",
        )
        sources = _grouped(
            db,
            'select engagement, document, quote, start, "end", publisher, url, published, '
            "language from sources order by engagement, position",
        )
        bodies = _grouped(
            db,
            "select engagement, name, abbreviation, country from engagement_organisations "
            "order by engagement, rowid",
        )
        rows = db.execute(f"select {ENGAGEMENT_COLUMNS} from engagements order by start_date, slug")
        for row in rows:
            if only is not None and row["slug"] not in only:
                continue
            e = dict(row)
            yield ExportRecord(
                e,
                kinds.get(e["kind"], e["kind"]),
                names,
                people.get(e["slug"], []),
                sources.get(e["slug"], []),
                bodies.get(e["slug"], []),
            )
    finally:
        db.close()
