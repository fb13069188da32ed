"""Bulk append: `Archive.append` against the bare eventsourcing library (the peer) and a plain
sqlite3 `executemany` of the same stored JSON (the limit), in engagements a second.

Every contender writes N engagements to a new SQLite file in batches of `BATCH`, one
transaction a batch; the records are made before the clock starts."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from bench.common import Result, compare
from bench.generate import batches, generate
from events import Engagement, EngagementFacts
from timeline import Archive
from timeline.persistence import OrjsonTranscoder, PydanticMapper

BATCH = 10_000
NAMESPACE = UUID("0e7bd2f4-1b0c-4c38-8d6a-5b8f0b5e9e31")
TARGET_RATE = 20_000


class PlainEngagement(Aggregate):
    """The peer's aggregate: the same facts as a plain dict, no validation, default mapper."""

    def __init__(self, facts: dict[str, Any]) -> None:
        self.facts = facts

    @staticmethod
    def create_id(facts: dict[str, Any]) -> UUID:
        return uuid5(NAMESPACE, facts["slug"])


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def append_timeline(records: list[EngagementFacts], folder: Path) -> None:
    archive = Archive(_fresh(folder))
    for batch in batches(records, BATCH):
        archive.append(batch)
    archive.close()


def append_bare_library(facts: list[dict[str, Any]], folder: Path) -> None:
    app: Application[UUID] = Application(
        env={
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(_fresh(folder) / "events.db"),
        }
    )
    for start in range(0, len(facts), BATCH):
        app.save(*[PlainEngagement(facts=f) for f in facts[start : start + BATCH]])
    app.close()


def stored_rows(records: list[EngagementFacts]) -> list[tuple[str, int, str, bytes]]:
    """The rows `Archive.append` stores for these records, made by the archive's own mapper."""
    mapper = PydanticMapper(transcoder=OrjsonTranscoder())
    rows = []
    for facts in records:
        for event in Engagement.record(facts).collect_events():
            stored = mapper.to_stored_event(event)
            rows.append((stored.originator_id.hex, 1, stored.topic, stored.state))
    return rows


def append_sqlite(rows: list[tuple[str, int, str, bytes]], folder: Path) -> None:
    db = sqlite3.connect(_fresh(folder) / "events.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    # The schema eventsourcing's SQLite application recorder creates.
    db.execute(
        "CREATE TABLE stored_events (originator_id TEXT, originator_version INTEGER, "
        "topic TEXT, state BLOB, PRIMARY KEY (originator_id, originator_version))"
    )
    for start in range(0, len(rows), BATCH):
        db.execute("BEGIN")
        db.executemany("INSERT INTO stored_events VALUES (?,?,?,?)", rows[start : start + BATCH])
        db.execute("COMMIT")
    db.close()


def run(n: int, workdir: Path, repeat: int = 3) -> list[Result]:
    records = list(generate(n))
    facts = [r.model_dump(mode="json") for r in records]
    rows = stored_rows(records)
    folder = workdir / "append"
    best = compare(
        repeat,
        {
            "ours": lambda: append_timeline(records, folder),
            "peer": lambda: append_bare_library(facts, folder),
            "limit": lambda: append_sqlite(rows, folder),
        },
    )
    ours, peer, limit = best["ours"], best["peer"], best["limit"]
    shutil.rmtree(folder, ignore_errors=True)
    rate, peer_rate, limit_rate = n / ours, n / peer, n / limit
    return [
        Result(
            "bulk append vs bare eventsourcing", n, rate, "engagements/s",
            "Application.save of plain aggregates", peer_rate,
            f">= {TARGET_RATE:,}/s and within 2x", rate >= TARGET_RATE and peer_rate / rate <= 2,
        ),
        Result(
            "bulk append vs sqlite3 executemany", n, rate, "engagements/s",
            "executemany of the same stored JSON", limit_rate, "(the limit; no target)", None,
        ),
    ]  # fmt: skip
