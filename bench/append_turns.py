"""`Archive.append` of one source tree against the bulk append benchmark's raw `executemany`
baseline, batch by batch in turns, by wall and by CPU time: a quick comparison of two versions
run back to back at the same load (the whole benchmark adds the peer and takes minutes).

    python bench/append_turns.py /work/main 40000    # main's code, its generator
    python bench/append_turns.py . 40000             # this tree's

The first batch of 10,000 is stored by both and not counted (it makes the files); the others
are. Each version's own generator makes the records, so the two see like records, not the same.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the source tree whose code is measured")
    parser.add_argument("n", type=int, nargs="?", default=40_000, help="engagements in all")
    args = parser.parse_args(argv)
    if args.n <= 10_000:
        parser.error("N: give more than one batch of 10,000")
    sys.path.insert(0, str(args.root.resolve()))
    bench_append = importlib.import_module("bench.bench_append")
    generate = importlib.import_module("bench.generate")
    common = importlib.import_module("bench.common")
    application = importlib.import_module("timeline.store.application")
    folder = Path(tempfile.mkdtemp(prefix="append-turns-"))
    try:
        spent = _turns(bench_append, generate, common, application, folder, args.n)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    (ours_wall, ours_cpu), (limit_wall, limit_cpu) = spent["ours"], spent["limit"]
    counted = args.n - bench_append.BATCH
    print(
        f"{args.root}: wall {ours_wall:.2f} s / {limit_wall:.2f} s = {ours_wall / limit_wall:.2f}x;"
        f" CPU {ours_cpu:.2f} s / {limit_cpu:.2f} s = {ours_cpu / limit_cpu:.2f}x;"
        f" ours {counted / ours_cpu:,.0f} engagements a second of CPU"
    )
    return 0


def _turns(
    bench_append: Any, generate: Any, common: Any, application: Any, folder: Path, n: int
) -> dict[str, list[float]]:
    ours = bench_append.Ours(folder / "ours")
    limit = bench_append.Executemany(folder / "limit")
    chain = bench_append.Chain()
    spent = {"ours": [0.0, 0.0], "limit": [0.0, 0.0]}
    made = generate.batches(generate.generate(n), bench_append.BATCH)
    for number, records in enumerate(made):
        with application.collector_paused():  # not timed, as in the benchmark
            rows = chain.rows(records)
        for name, contender, batch in (("ours", ours, records), ("limit", limit, rows)):
            wall, cpu = common.timed_cpu(lambda c=contender, b=batch: c.add(b))
            if number:
                spent[name][0] += wall
                spent[name][1] += cpu
    ours.close()
    limit.close()
    return spent


if __name__ == "__main__":
    sys.exit(main())
