"""Bulk append: `Archive.append` with the duplicate check on (the default) against a raw sqlite3
`executemany` of the same rows (the baseline: the same stored events, chain rows and identity
rows, into the same tables, one transaction a batch), and against the bare eventsourcing
library (the peer), in engagements a second, by wall and by CPU time.

Every contender writes N engagements to a new SQLite file in batches of `BATCH`, one
transaction a batch; the records of a batch, and the baseline's rows, are made before the clock
starts."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from bench.common import Result, timed_cpu
from bench.generate import batches, generate
from events import Engagement, EngagementFacts
from timeline import Archive
from timeline.collector import collector_paused
from timeline.store.chain import CHAIN_TABLE_SUFFIX, extend
from timeline.store.identity import IDENTITY_TABLE_SUFFIX, identity_row
from timeline.store.persistence import OrjsonTranscoder, PydanticMapper
from timeline.store.sqlite import WRITE_CACHE_PRAGMA

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
    """`Archive.append`, one call a batch, as `timeline append` calls it: the duplicate check
    on, which probes the identity table the recorder writes with the events."""

    def __init__(self, folder: Path) -> None:
        self.archive = Archive(_fresh(folder))

    def add(self, records: list[EngagementFacts]) -> None:
        self.archive.append(records)

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


Rows = tuple[
    list[tuple[str, int, str, bytes]],
    list[tuple[int, str, int, str]],
    list[tuple[str, int, str, str | None, str | None]],
]


class Executemany:
    """The baseline: the rows our SQLite recorder writes (the stored events, their chain links
    and the engagements' identity rows) by raw sqlite3 `executemany`, a transaction a batch,
    into the very tables, indexes and triggers the recorder creates (an `Archive` opened once on
    the file makes them), with eventsourcing's connection settings (WAL, autocommit) and the
    recorder's page cache; each row a plain tuple, which sqlite3 binds fastest (`Chain.rows`)."""

    def __init__(self, folder: Path) -> None:
        archive = Archive(_fresh(folder))
        self.events = archive.recorder.events_table_name
        archive.close()
        self.db = sqlite3.connect(folder / "events.db", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(WRITE_CACHE_PRAGMA)  # the recorder's page cache, as its writes have

    def add(self, rows: Rows) -> None:
        self.statements(rows)

    def statements(self, rows: Rows) -> dict[str, float]:
        """Store a batch; the CPU seconds of each of its statements (`bench/append_by_size.py`
        reports them: which of them grows with the tables)."""
        events, links, identities = rows
        table = self.events
        spent: dict[str, float] = {}
        self.db.execute("BEGIN")
        for name, statement, values in (
            ("events", f"INSERT INTO {table} VALUES (?,?,?,?)", events),
            ("links", f"INSERT INTO {table}{CHAIN_TABLE_SUFFIX} VALUES (?,?,?,?)", links),
            ("identities", f"INSERT INTO {table}{IDENTITY_TABLE_SUFFIX} VALUES (?,?,?,?,?)",
             identities),
            ("commit", "COMMIT", None),
        ):  # fmt: skip
            started = time.process_time()
            if values is None:
                self.db.execute(statement)
            else:
                self.db.executemany(statement, values)
            spent[name] = time.process_time() - started
        return spent

    def close(self) -> None:
        self.db.close()


class Chain:
    """The rows of the records made so far, as the recorder makes them (not timed)."""

    def __init__(self) -> None:
        self.head: str | None = None
        self.position = 0

    def rows(self, records: list[EngagementFacts]) -> Rows:
        """The rows `Archive.append` stores for these records, made by the archive's own
        mapper from the aggregates eventsourcing would save: events, links, identity rows."""
        mapper = PydanticMapper(transcoder=OrjsonTranscoder())
        engagements = [Engagement.record(facts) for facts in records]
        stored = [mapper.to_stored_event(e) for a in engagements for e in a.collect_events()]
        numbered = list(enumerate(stored, start=self.position + 1))
        links = extend(self.head, numbered)
        self.position += len(stored)
        self.head = links[-1].hash
        events = [(s.originator_id.hex, 1, s.topic, s.state) for s in stored]
        # Plain tuples, as the links: sqlite3 binds a tuple subclass's items (an `IdentityRow`)
        # through its `__getitem__` as a Python slot, 0.4 us a row of five that the baseline
        # paid and a raw `executemany` need not (callgrind of its 10,000 rows).
        identities = [tuple(identity_row(a.state)) for a in engagements]
        return events, [tuple(link) for link in links], identities


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
        chain = Chain()
        made = batches(generate(n), BATCH)
        while True:
            with collector_paused():  # not timed: it only makes the inputs sooner
                records = next(made, None)
                if records is None:
                    break
                inputs = {
                    "ours": records,
                    "peer": [r.model_dump(mode="json") for r in records],
                    "limit": chain.rows(records),
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
            "bulk append, duplicate check on, vs raw executemany", n, best["ours"], "s",
            "sqlite3 executemany of the same event, chain and identity rows", best["limit"],
            "within 2x", best["ours"] / best["limit"] <= 2,
            note=f"batches of {BATCH:,}; best of {repeat}; wall time of all batches",
        ),
        Result(
            "bulk append, duplicate check on, by CPU time", n, cpu["ours"], "engagements/s",
            "Application.save of plain aggregates (CPU)", cpu["peer"],
            f">= {TARGET_RATE:,}/s", cpu["ours"] >= TARGET_RATE,
            note=f"batches of {BATCH:,}; best of {repeat}; {by_cpu}; by wall time: "
            f"{rate:,.0f}/s, peer {peer_rate:,.0f}/s, limit {limit_rate:,.0f}/s",
        ),
    ]  # fmt: skip
