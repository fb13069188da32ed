"""A projection worker's pull: rebuilding timeline.db from a PostgreSQL store, beside the same
rebuild from the SQLite store (the baseline), in one run.

Both stores hold the same N synthetic engagements (recorded first, not timed); each figure is
the median time of `build(archive, rebuild=True)` over the runs, as events projected a second.

    python bench/bench_pull.py --engagements 5000 --repeat 3 \\
        --postgres postgresql://postgres@127.0.0.1:5432/DBNAME
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from bench_writers import drop_schema, record


def rebuild_rate(folder: Path, store: str | None, engagements: int, repeat: int) -> float:
    from events import EngagementFacts
    from timeline import Archive, build

    with Archive(folder, store=store) as archive:
        facts = [EngagementFacts.model_validate(record(i)) for i in range(engagements)]
        for k in range(0, len(facts), 500):
            archive.append(facts[k : k + 500])
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            report = build(archive, rebuild=True)
            times.append(time.perf_counter() - start)
            assert report.events == engagements, report
    return engagements / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engagements", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", default=os.environ.get("TIMELINE_BENCH_POSTGRES"))
    parser.add_argument("--out", default="bench/out/pull.json")
    args = parser.parse_args()
    if not args.postgres:
        parser.error("--postgres URL (or $TIMELINE_BENCH_POSTGRES) names the database to use")
    base = args.postgres.split("?")[0]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["from sqlite"] = rebuild_rate(
            Path(tmp) / "sqlite", None, args.engagements, args.repeat
        )
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        try:
            results["from postgresql"] = rebuild_rate(
                Path(tmp) / "postgres", f"{base}?schema={schema}", args.engagements, args.repeat
            )
        finally:
            drop_schema(base, schema)
    baseline = results["from sqlite"]
    print(
        f"timeline.db rebuild: {args.engagements} events, median of {args.repeat} runs, "
        f"{os.cpu_count()} cores"
    )
    print(f"{'rebuild':<18} {'events/s':>10} {'vs from sqlite':>15}")
    for label, rate in results.items():
        print(f"{label:<18} {rate:>10,.0f} {rate / baseline:>14.2f}x")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"args": vars(args) | {"postgres": True},
                               "events_per_second": results}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
