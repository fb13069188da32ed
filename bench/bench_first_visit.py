"""Pages' CPU time on their first visit after a write, in turns, by the median of many visits
(`bench_visitor_pages` gives p95s of a few appends, which one full collection of the garbage
collector can move by a third).

Each visit: a write to the archive (`--appends`: one generated engagement appended and built, as
`bench_visitor_pages` does; else one row of `engagements` updated to itself, which its triggers
count as a change), then each page once, in turns (the order reversed every other visit, so no
page is always the first to read the written file). The figure: each request's process CPU time
(its SQL threads' included), median and p90, and the median over the first page's.
`--third-party-only` serves the pages without the timeline plugins (Datasette and its other
installed plugins, as `datasette timeline.db` would without this package): plain Datasette's
own cost of a page, for comparing across processes. It writes to the archive given: use a copy.

    python -m bench.bench_first_visit COPY --visits 30 '/timeline/engagements?_nofacet=1' \\
        /timeline/engagements
    python -m bench.bench_first_visit COPY --visits 30 --third-party-only \\
        '/timeline/engagements?_nofacet=1'
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))


def touch(database: Path, i: int) -> None:
    """One row of `engagements` written as it was: a write, for the pages and their caches."""
    db = sqlite3.connect(database)
    try:
        db.execute("update engagements set status = status where rowid = ?", [1 + i % 1000])
        db.commit()
    finally:
        db.close()


async def visits(
    archive: Path, urls: list[str], count: int, appends: bool
) -> dict[str, list[float]]:
    """Each URL's CPU milliseconds on `count` first visits after a write."""
    from bench.bench_visitor_pages import append_one, metadata
    from bench.plain import open_datasette

    ds = await open_datasette(archive / "timeline.db", metadata())
    for url in urls:
        response = await ds.client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    cpu: dict[str, list[float]] = {url: [] for url in urls}
    stamp = time.time_ns() // 1000 % 1_000_000
    loop = asyncio.get_running_loop()
    for i in range(count):
        if appends:
            await loop.run_in_executor(None, append_one, archive, i, stamp)
        else:
            touch(archive / "timeline.db", i)
        for url in urls if i % 2 == 0 else urls[::-1]:
            started = time.process_time()
            await ds.client.get(url)
            cpu[url].append((time.process_time() - started) * 1000)
    return cpu


def report(cpu: dict[str, list[float]]) -> str:
    first = statistics.median(next(iter(cpu.values())))
    lines = [
        "| page | CPU median ms | CPU p90 ms | median / the first page's |",
        "|---|---:|---:|---:|",
    ]
    for url, samples in cpu.items():
        median = statistics.median(samples)
        p90 = sorted(samples)[int(len(samples) * 0.9)]
        lines.append(f"| {url} | {median:.1f} | {p90:.1f} | {median / first:.3f}x |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path, help="an archive folder, written to: a copy")
    parser.add_argument("urls", nargs="+", help="pages, the first the one to compare with")
    parser.add_argument("--visits", type=int, default=30)
    parser.add_argument("--appends", action="store_true", help="append and build, not update")
    parser.add_argument("--third-party-only", action="store_true")
    args = parser.parse_args(argv)
    from bench.plain import without_our_plugins

    plugins = without_our_plugins() if args.third_party_only else nullcontext()
    with plugins:
        cpu = asyncio.run(visits(args.archive, args.urls, args.visits, args.appends))
    print(report(cpu))
    print(f"\nThe timeline plugins: {'not loaded' if args.third_party_only else 'loaded'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
