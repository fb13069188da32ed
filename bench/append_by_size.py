"""The bulk append's CPU time a row as the archive grows: `Archive.append` (ours) and the raw
`executemany` baseline statement by statement (the stored events, their chain links, the identity
rows, the commit), each figure over the last STEP engagements, the two stored batch by batch in
turns as in `bench_append.py`. It shows which part of the work grows with the tables.

    python bench/append_by_size.py 1000000 --step 100000
    python bench/append_by_size.py 300000 --cache-kib 524288    # another write page cache

Records are generated a batch at a time and not timed. The baseline's statements add up to its
whole time, less the `BEGIN`."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import bench_append
from bench.generate import batches, generate
from timeline.collector import collector_paused
from timeline.store import sqlite as sqlite_store

PARTS = ("events", "links", "identities", "commit")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="engagements in all")
    parser.add_argument("--step", type=int, default=100_000, help="engagements a line")
    parser.add_argument("--cache-kib", type=int, help="the writers' page cache (KiB)")
    args = parser.parse_args(argv)
    if args.step % bench_append.BATCH or args.n < args.step:
        parser.error(f"--step: a multiple of {bench_append.BATCH:,}, at most N")
    if args.cache_kib:
        pragma = f"PRAGMA cache_size = -{args.cache_kib}"
        sqlite_store.WRITE_CACHE_PRAGMA = bench_append.WRITE_CACHE_PRAGMA = pragma
    folder = Path(tempfile.mkdtemp(prefix="append-by-size-"))
    try:
        for line in _lines(folder, args.n, args.step):
            print(line, flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _lines(folder: Path, n: int, step: int) -> Iterator[str]:
    ours = bench_append.Ours(folder / "ours")
    limit = bench_append.Executemany(folder / "limit")
    chain = bench_append.Chain()
    yield f"{'stored':>9} {'ours':>7} {'baseline':>8} " + " ".join(f"{p:>10}" for p in PARTS)
    spent = dict.fromkeys(("ours", *PARTS), 0.0)
    stored = 0
    for records in batches(generate(n), bench_append.BATCH):
        with collector_paused():  # not timed
            rows = chain.rows(records)
        started = time.process_time()
        ours.add(records)
        spent["ours"] += time.process_time() - started
        for part, seconds in limit.statements(rows).items():
            spent[part] += seconds
        stored += len(records)
        if stored % step == 0:
            yield _line(stored, step, spent)
            spent = dict.fromkeys(spent, 0.0)
    ours.close()
    limit.close()


def _line(stored: int, step: int, spent: dict[str, float]) -> str:
    """One line: microseconds of CPU a row, ours, the baseline's and each of its statements'."""
    us = {name: seconds / step * 1e6 for name, seconds in spent.items()}
    baseline = sum(us[p] for p in PARTS)
    parts = " ".join(f"{us[p]:10.1f}" for p in PARTS)
    return f"{stored:9,} {us['ours']:7.1f} {baseline:8.1f} {parts}"


if __name__ == "__main__":
    sys.exit(main())
