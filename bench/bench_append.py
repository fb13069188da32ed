"""Bulk append: `Archive.append` against the bare eventsourcing library (the peer) and a plain
sqlite3 `executemany` of the same stored JSON (the limit), in engagements a second.

Every contender writes N engagements to a new SQLite file in batches of `BATCH`, one
transaction a batch; the records of a batch are made before the clock starts."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from bench.common import Result, timed_cpu
from bench.generate import batches, generate
from events import Engagement, EngagementFacts
from timeline import Archive
from timeline.store.persistence import OrjsonTranscoder, PydanticMapper

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


class Ours:
    """`Archive.append`, one call a batch, without the duplicate check."""

    def __init__(self, folder: Path) -> None:
        self.archive = Archive(_fresh(folder))

    def add(self, records: list[EngagementFacts]) -> None:
        # Without the check for duplicates under other slugs, which neither baseline makes
        # (and which, with no timeline.db built, folds every event recorded so far).
        self.archive.append(records, allow_duplicates=True)

    def close(self) -> None:
        self.archive.close()


class BareLibrary:
    """The peer: an eventsourcing `Application` saving plain aggregates, one `save` a batch."""

    def __init__(self, folder: Path) -> None:
        self.app: Application[UUID] = Application(
            env={
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(_fresh(folder) / "events.db"),
            }
        )

    def add(self, facts: list[dict[str, Any]]) -> None:
        self.app.save(*[PlainEngagement(facts=f) for f in facts])

    def close(self) -> None:
        self.app.close()


class Executemany:
    """The limit: the stored JSON our archive writes, by sqlite3 `executemany`, a transaction
    a batch, into the table eventsourcing's SQLite recorder creates."""

    def __init__(self, folder: Path) -> None:
        self.db = sqlite3.connect(_fresh(folder) / "events.db", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(
            "CREATE TABLE stored_events (originator_id TEXT, originator_version INTEGER, "
            "topic TEXT, state BLOB, PRIMARY KEY (originator_id, originator_version))"
        )

    def add(self, rows: list[tuple[str, int, str, bytes]]) -> None:
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO stored_events VALUES (?,?,?,?)", rows)
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


def stored_rows(records: list[EngagementFacts]) -> list[tuple[str, int, str, bytes]]:
    """The rows `Archive.append` stores for these records, made by the archive's own mapper."""
    mapper = PydanticMapper(transcoder=OrjsonTranscoder())
    rows = []
    for facts in records:
        for event in Engagement.record(facts).collect_events():
            stored = mapper.to_stored_event(event)
            rows.append((stored.originator_id.hex, 1, stored.topic, stored.state))
    return rows


def run(n: int, workdir: Path, repeat: int = 1) -> list[Result]:
    """Generate N records a batch at a time (not timed); each contender stores each batch in
    turn (timed), so all three meet the same moments of a busy machine. Best of `repeat`."""
    best = {"ours": float("inf"), "peer": float("inf"), "limit": float("inf")}
    best_cpu = dict(best)
    folder = workdir / "append"
    for _ in range(repeat):
        spent = dict.fromkeys(best, 0.0)
        spent_cpu = dict.fromkeys(best, 0.0)
        contenders = {
            "ours": Ours(folder / "ours"),
            "peer": BareLibrary(folder / "peer"),
            "limit": Executemany(folder / "limit"),
        }
        for records in batches(generate(n), BATCH):
            inputs = {
                "ours": records,
                "peer": [r.model_dump(mode="json") for r in records],
                "limit": stored_rows(records),
            }
            for name, contender in contenders.items():
                batch = inputs[name]
                wall, cpu = timed_cpu(lambda c=contender, b=batch: c.add(b))
                spent[name] += wall
                spent_cpu[name] += cpu
        for contender in contenders.values():
            contender.close()
        best = {name: min(best[name], spent[name]) for name in best}
        best_cpu = {name: min(best_cpu[name], spent_cpu[name]) for name in best}
    shutil.rmtree(folder, ignore_errors=True)
    rate, peer_rate, limit_rate = n / best["ours"], n / best["peer"], n / best["limit"]
    cpu = {name: n / seconds for name, seconds in best_cpu.items()}
    by_cpu = (
        f"by CPU time: {cpu['ours']:,.0f}/s, peer {cpu['peer']:,.0f}/s, limit {cpu['limit']:,.0f}/s"
    )
    return [
        Result(
            "bulk append vs bare eventsourcing", n, rate, "engagements/s",
            "Application.save of plain aggregates", peer_rate,
            f">= {TARGET_RATE:,}/s and within 2x", rate >= TARGET_RATE and peer_rate / rate <= 2,
            note=f"batches of {BATCH:,}; best of {repeat}; {by_cpu}",
        ),
        Result(
            "bulk append vs sqlite3 executemany", n, rate, "engagements/s",
            "executemany of the same stored JSON", limit_rate, "(the limit; no target)", None,
            note=f"batches of {BATCH:,}; best of {repeat}",
        ),
    ]  # fmt: skip
