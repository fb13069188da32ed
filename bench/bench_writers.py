"""Append throughput with one writer and with eight, on SQLite and on PostgreSQL, in one run.

Each configuration records the same N synthetic engagements into a fresh store: one process
appending all of them, or eight processes appending an eighth each at the same moment (they
start on a signal; the time is from the first writer's first save to the last writer's last).
Every figure is reported beside the baseline of the same run, one writer on SQLite, as a ratio.

    python bench/bench_writers.py --engagements 4000 --batch 20 --repeat 3 \\
        --postgres postgresql://postgres@127.0.0.1:5432/DBNAME

PostgreSQL is measured when --postgres (or $TIMELINE_BENCH_POSTGRES) names a database; each
configuration gets a schema of its own, dropped after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

COUNTRIES = ["VN", "US", "AU", "JP", "KR", "FR", "DE", "GB", "IN", "ID", "TH", "LA", "KH", "CN"]


def record(i: int) -> dict[str, Any]:
    """A synthetic engagement, as a record file would hold it."""
    host = COUNTRIES[i % len(COUNTRIES)]
    guest = COUNTRIES[(i // len(COUNTRIES) + 1 + i) % len(COUNTRIES)]
    if guest == host:
        guest = "VN" if host != "VN" else "US"
    return {
        "slug": f"bench-{i}",
        "kind": ["dialogue", "visit", "meeting", "embassy_visit"][i % 4],
        "title": f"Benchmark engagement {i} between {host} and {guest}",
        "summary": "Talks on cybercrime, money laundering and the exchange of information.",
        "date": f"{2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "place": {"country": host},
        "host": host,
        "guests": [guest],
        "participants": [
            {"name": f"Person {i % 500}", "country": host, "role": "host"},
            {"name": f"Person {(i + 7) % 500}", "country": guest, "role": "guest"},
        ],
        "topics": ["cybercrime", "money_laundering"][: 1 + i % 2],
        "sources": [
            {
                "document": f"bench-doc-{i}",
                "publisher": "Bench Wire",
                "language": "en",
                "quote": "The delegations met.",
                "start": 0,
                "end": 20,
            }
        ],
    }


def worker(folder: str, first: int, count: int, batch: int, go: str) -> None:
    """Append records first..first+count in batches; print (start, end) of the saving."""
    from events import EngagementFacts
    from timeline import Archive

    facts = [EngagementFacts.model_validate(record(i)) for i in range(first, first + count)]
    archive = Archive(folder, must_exist=True)
    Path(f"{go}.{first}.ready").touch()
    while not os.path.exists(go):
        time.sleep(0.001)
    start = time.perf_counter()
    for k in range(0, len(facts), batch):
        archive.append(facts[k : k + batch])
    end = time.perf_counter()
    archive.close()
    print(json.dumps([start, end]))


def one_run(store: str | None, writers: int, engagements: int, batch: int) -> float:
    """Engagements a second, for `writers` processes sharing `engagements` in a fresh store."""
    from timeline import Archive

    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_STORE"}
    if store:
        env["TIMELINE_STORE"] = store
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        Archive(folder, store=store).close()  # the store exists before the writers start
        go = Path(tmp) / "go"
        share = engagements // writers
        processes = [
            subprocess.Popen(
                [sys.executable, __file__, "--worker", str(folder), str(w * share), str(share),
                 str(batch), str(go)],
                stdout=subprocess.PIPE, env=env, text=True,
            )
            for w in range(writers)
        ]  # fmt: skip
        # Start the clock when every writer has imported, validated and opened the store.
        ready = [Path(f"{go}.{w * share}.ready") for w in range(writers)]
        while not all(r.exists() for r in ready):
            if any(p.poll() not in (None, 0) for p in processes):
                raise SystemExit("a writer failed before it started")
            time.sleep(0.01)
        go.touch()
        spans = []
        for p in processes:
            out, _ = p.communicate()
            if p.returncode != 0:
                raise SystemExit(f"a writer failed (exit {p.returncode})")
            spans.append(json.loads(out))
        elapsed = max(e for _, e in spans) - min(s for s, _ in spans)
        with Archive(folder, store=store, must_exist=True) as archive:
            stored = len(archive.recorder.select_notifications(start=None, limit=10**9))
        if stored != share * writers:
            raise SystemExit(f"expected {share * writers} events, found {stored}")
        return share * writers / elapsed


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'drop schema if exists "{schema}" cascade')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engagements", type=int, default=4000)
    parser.add_argument("--batch", type=int, default=20, help="engagements per append (save)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median")
    parser.add_argument("--postgres", default=os.environ.get("TIMELINE_BENCH_POSTGRES"))
    parser.add_argument("--out", default="bench/out/writers.json")
    args = parser.parse_args()

    backends: list[tuple[str, str | None]] = [("sqlite", None)]
    if args.postgres:
        backends.append(("postgresql", args.postgres.split("?")[0]))
    results: dict[str, float] = {}
    for name, base in backends:
        for writers in (1, 8):
            rates = []
            for _ in range(args.repeat):
                schema = f"bench_{uuid.uuid4().hex[:12]}"
                store = f"{base}?schema={schema}" if base else None
                try:
                    rates.append(one_run(store, writers, args.engagements, args.batch))
                finally:
                    if base:
                        drop_schema(base, schema)
            results[f"{name}, {writers} writer{'s' if writers > 1 else ''}"] = statistics.median(
                rates
            )
    baseline = results["sqlite, 1 writer"]
    print(
        f"append throughput: {args.engagements} engagements, batches of {args.batch}, "
        f"median of {args.repeat} runs, {os.cpu_count()} cores"
    )
    print(f"{'configuration':<26} {'engagements/s':>14} {'vs sqlite, 1 writer':>20}")
    for label, rate in results.items():
        print(f"{label:<26} {rate:>14,.0f} {rate / baseline:>19.2f}x")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"args": vars(args) | {"postgres": bool(args.postgres)},
                               "engagements_per_second": results}, indent=2))  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        folder, first, count, batch, go = sys.argv[2:7]
        worker(folder, int(first), int(count), int(batch), go)
    else:
        main()
