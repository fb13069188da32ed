"""What the hash chain costs: appends with the chained recorder against eventsourcing's plain one.

    python bench/bench_chain.py [N] [BATCH]

Both recorders run in the same process, alternately, each on a fresh SQLite store; the best of
three runs of each is reported, with the ratio chained / plain. Two levels: `Archive.append`
(validation, aggregates, mapping and the store) and the recorder's `insert_events` alone (the
store only, where the chain's share is largest). Then `verify` of the chained store."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from uuid import uuid4

from eventsourcing.persistence import StoredEvent

from events import EngagementFacts
from timeline import Archive
from timeline.integrity import verify

PLAIN = {"APPLICATION_RECORDER_TOPIC": "eventsourcing.sqlite:SQLiteApplicationRecorder"}
CHAINED = {"APPLICATION_RECORDER_TOPIC": "timeline.sqlite:ChainedSQLiteRecorder"}
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


def main(n: int = 20_000, batch: int = 1_000) -> None:
    facts = engagements(n)
    state = b'{"facts": {"slug": "x", "title": "' + b"y" * 600 + b'"}, "timestamp": "t"}'
    events = [
        StoredEvent(uuid4(), 1, "events.engagement:Engagement.Recorded", state) for _ in range(n)
    ]
    best: dict[tuple[str, str], float] = {}
    for _ in range(3):
        for name, env in (("plain", PLAIN), ("chained", CHAINED)):
            for level, run in (("append", time_append), ("insert", time_insert)):
                data = facts if level == "append" else events
                elapsed = run(env, data, batch)  # type: ignore[arg-type]
                best[level, name] = min(best.get((level, name), elapsed), elapsed)
    print(f"{n} engagements in batches of {batch}, best of 3 (events/s):")
    for level in ("append", "insert"):
        plain, chained = n / best[level, "plain"], n / best[level, "chained"]
        print(
            f"  {level:<7} plain {plain:>10,.0f}   chained {chained:>10,.0f}   "
            f"chained/plain {chained / plain:.2f}"
        )
    print(f"  verify  {n / time_verify(facts, batch):>10,.0f} events/s (chain only)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
