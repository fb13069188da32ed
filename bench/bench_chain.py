"""What the hash chain costs: appends with the chained recorder against eventsourcing's plain one.

    python bench/bench_chain.py [N] [BATCH] [ROUNDS]

Both recorders run in the same process, alternately, each on a fresh SQLite store; the best run
of each is reported, with the ratio chained / plain. Two levels: the recorder's `insert_events`
alone (N events: the store only, where the chain's share is largest) and `Archive.append`
(N/10 engagements: validation, duplicate look-up, aggregates, mapping and the store). Then
`verify` of the chained store's chain."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from uuid import uuid4

from eventsourcing.persistence import StoredEvent

from events import EngagementFacts
from timeline import Archive
from timeline.integrity import verify

PLAIN = {"APPLICATION_RECORDER_TOPIC": "eventsourcing.sqlite:SQLiteApplicationRecorder"}
CHAINED = {"APPLICATION_RECORDER_TOPIC": "timeline.store.sqlite:ChainedSQLiteRecorder"}
SOURCE = {
    "document": "bench-doc",
    "publisher": "Bench Wire",
    "url": "https://example.org/bench",
    "published": "2025-09-06",
    "language": "en",
    "quote": "The delegation visited.",
    "start": 0,
    "end": 23,
}


def engagements(n: int) -> list[EngagementFacts]:
    return [
        EngagementFacts.model_validate(
            {
                "slug": f"bench-visit-{i:07d}",
                "kind": "visit",
                "title": f"Delegation visit number {i}",
                "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "place": {"city": "Hanoi", "country": "VN"},
                "host": "VN",
                "guests": ["US"],
                "topics": ["cybercrime"],
                "sources": [SOURCE],
            }
        )
        for i in range(n)
    ]


def time_append(env: dict[str, str], facts: list[EngagementFacts], batch: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp) / "archive", env=env)
        started = time.perf_counter()
        for i in range(0, len(facts), batch):
            archive.append(facts[i : i + batch])
        elapsed = time.perf_counter() - started
        archive.close()
    return elapsed


def time_insert(env: dict[str, str], events: list[StoredEvent], batch: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp) / "archive", env=env)
        started = time.perf_counter()
        for i in range(0, len(events), batch):
            archive.recorder.insert_events(events[i : i + batch])
        elapsed = time.perf_counter() - started
        archive.close()
    return elapsed


def time_verify(facts: list[EngagementFacts], batch: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(Path(tmp) / "archive", env=CHAINED)
        for i in range(0, len(facts), batch):
            archive.append(facts[i : i + batch])
        started = time.perf_counter()
        report = verify(archive, projection=False)
        elapsed = time.perf_counter() - started
        assert report.ok and report.events == len(facts)
        archive.close()
    return elapsed


def best_of(rounds: int, runs: dict[str, Any]) -> dict[str, float]:
    """The best time of each run over `rounds` rounds, the runs alternating within a round, so a
    busy machine slows each of them alike."""
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, run in runs.items():
            elapsed = run()
            best[name] = min(best.get(name, elapsed), elapsed)
    return best


def main(n: int = 20_000, batch: int = 1_000, rounds: int = 7) -> None:
    state = b'{"facts": {"slug": "x", "title": "' + b"y" * 600 + b'"}, "timestamp": "t"}'
    topic = "events.engagement:Engagement.Recorded"
    events = [StoredEvent(uuid4(), 1, topic, state) for _ in range(n)]
    insert = best_of(rounds, {
        "plain": lambda: time_insert(PLAIN, events, batch),
        "chained": lambda: time_insert(CHAINED, events, batch),
    })  # fmt: skip
    m = max(batch, n // 10)  # appends validate and look up every record: fewer of them
    facts = engagements(m)
    append = best_of(3, {
        "plain": lambda: time_append(PLAIN, facts, batch),
        "chained": lambda: time_append(CHAINED, facts, batch),
    })  # fmt: skip
    print(
        f"batches of {batch}; events/s, best of {rounds} (insert) and 3 (append) alternating runs"
    )
    for level, count, best in (("insert", n, insert), ("append", m, append)):
        plain, chained = count / best["plain"], count / best["chained"]
        print(
            f"  {level:<7} {count:>7} events: plain {plain:>9,.0f}   chained {chained:>9,.0f}   "
            f"chained/plain {chained / plain:.2f}"
        )
    print(f"  verify  {m:>7} events: {m / time_verify(facts, batch):>9,.0f} events/s (chain only)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:4]))
