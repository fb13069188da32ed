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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))


def skip_timeline_plugins() -> None:
    """Load Datasette's plugins from the installed entry points, but none of this package's."""
    import importlib.metadata

    import pluggy

    def load(self: Any, group: str, name: str | None = None) -> int:
        count = 0
        for dist in list(importlib.metadata.distributions()):
            for ep in dist.entry_points:
                if ep.group != group or ep.value.startswith("timeline") or self.get_plugin(ep.name):
                    continue
                self.register(ep.load(), name=ep.name)
                count += 1
        return count

    pluggy.PluginManager.load_setuptools_entrypoints = load


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
    from bench.bench_visitor_pages import append_one, open_datasette

    ds = await open_datasette(archive / "timeline.db")
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
    if args.third_party_only:
        skip_timeline_plugins()
    cpu = asyncio.run(visits(args.archive, args.urls, args.visits, args.appends))
    print(report(cpu))
    from datasette.plugins import pm

    ours = any(name.startswith("timeline") for name, _ in pm.list_name_plugin())
    print(f"\nThe timeline plugins: {'loaded' if ours else 'not loaded'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
