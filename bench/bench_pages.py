"""Latency of the pages of `timeline.web.pages` (country and pair timelines, the engagement record,
charts) beside Datasette's own table and row pages, in the same run, on the same archive.

Requests go through Datasette's in-process client with `timeline serve`'s settings, so the
figures are server time (SQL, layout, templates) without the network. Reports p50 and p95 in
milliseconds (and the first request's time, before the pages keep their counts) and each
page's p50 as a ratio to that of the baseline: Datasette's table page of
`timeline` filtered to the same country (the same rows, as a plain table), served by plain
Datasette (bench/plain.py: the same file, metadata and settings, none of our plugins).

    python bench/generate.py 100000 /tmp/archive-100k     # the synthetic archive
    python bench/bench_pages.py /tmp/archive-100k --requests 40

`--generate N` runs `bench/generate.py N ARCHIVE` first when the archive has no timeline.db.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from datasette.app import Datasette  # noqa: E402

from bench.plain import Servers, open_servers  # noqa: E402

# The same rows as the country timeline, as Datasette's plain table page shows them.
BASELINE = "timeline table page, one country"


async def subjects(ds: Datasette, requests: int, seed: int) -> dict[str, Any]:
    """The busiest country and its busiest counterpart, its years, and engagements to open."""
    db = ds.get_database("timeline")
    country = (
        await db.execute(
            "select country, count(*) n from timeline group by country order by n desc limit 1",
            custom_time_limit=600_000,
        )
    ).first()[0]
    counterpart = (
        await db.execute(
            "select counterpart, count(*) n from timeline where country = ? "
            "group by counterpart order by n desc limit 1",
            [country],
            custom_time_limit=600_000,
        )
    ).first()[0]
    lo = await db.execute("select min(start_date) from timeline where country = ?", [country])
    hi = await db.execute("select max(start_date) from timeline where country = ?", [country])
    top = (await db.execute("select max(rowid) from engagements")).first()[0]
    rng = random.Random(seed)
    slugs: list[str] = []
    while len(slugs) < requests:
        row = (
            await db.execute(
                "select slug from engagements where rowid >= ? limit 1", [rng.randint(1, top)]
            )
        ).first()
        if row:
            slugs.append(row[0])
    counts = await db.execute(
        "select (select count(*) from engagements), (select count(*) from timeline "
        "where country = ?)",
        [country],
        custom_time_limit=600_000,
    )
    engagements, country_rows = counts.first()
    return {
        "country": country,
        "counterpart": counterpart,
        "first": lo.first()[0][:4],
        "last": hi.first()[0][:4],
        "slugs": slugs,
        "engagements": engagements,
        "country_rows": country_rows,
    }


def pages(s: dict[str, Any]) -> dict[str, list[str]]:
    """Each measured page and its URLs (one per request; the engagement pages vary)."""
    c, d = s["country"], s["counterpart"]
    return {
        BASELINE: [f"/timeline/timeline?country={c}"],
        "engagements table page (its facets)": ["/timeline/engagements"],
        "engagements row page": [f"/timeline/engagements/{slug}" for slug in s["slugs"]],
        "country timeline (default window)": [f"/-/timeline/{c}"],
        "country timeline, one year": [f"/-/timeline/{c}?from={s['last']}&to={s['last']}"],
        "country timeline, all years (counts)": [
            f"/-/timeline/{c}?from={s['first']}&to={s['last']}"
        ],
        "pair timeline (default window)": [f"/-/timeline/{c}/{d}"],
        "engagement page": [f"/-/engagement/{slug}" for slug in s["slugs"]],
        "charts (country, all years)": [f"/-/charts/{c}"],
    }


async def measure(
    servers: Servers, name: str, urls: list[str], requests: int
) -> tuple[float, list[float]]:
    """The first request's time (cold: the page's counts not yet kept), and `requests` more."""
    ds, plugins = servers.serving(name)
    with plugins:
        start = time.perf_counter()
        await get(ds, urls[0])
        first = (time.perf_counter() - start) * 1000
        if len(urls) > 1:
            await get(ds, urls[1])
        times = []
        for i in range(requests):
            url = urls[i % len(urls)]
            start = time.perf_counter()
            await get(ds, url)
            times.append((time.perf_counter() - start) * 1000)
    return first, times


async def get(ds: Datasette, url: str) -> None:
    response = await ds.client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}: {response.text[:300]}")


def percentile(times: list[float], p: int) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[p - 1]


async def run(archive: Path, requests: int, seed: int) -> None:
    metadata = json.loads((ROOT / "datasette_metadata.json").read_text())
    servers = await open_servers(archive / "timeline.db", metadata, {BASELINE})
    s = await subjects(servers.ours, requests, seed)
    print(
        f"{s['engagements']:,} engagements; {s['country']} has {s['country_rows']:,} timeline "
        f"rows ({s['first']}–{s['last']}), busiest counterpart {s['counterpart']}; "
        f"{requests} requests per page"
    )
    try:
        results = {
            name: await measure(servers, name, urls, requests) for name, urls in pages(s).items()
        }
    finally:
        servers.close()
    base = statistics.median(results[BASELINE][1])
    print(f"\n| page | first ms | p50 ms | p95 ms | p50 / {BASELINE} |")
    print("|---|---:|---:|---:|---:|")
    for name, (first, times) in results.items():
        p50, p95 = statistics.median(times), percentile(times, 95)
        print(f"| {name} | {first:.1f} | {p50:.1f} | {p95:.1f} | {p50 / base:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path, help="archive folder with timeline.db")
    parser.add_argument("--requests", type=int, default=30, help="requests per page")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--generate", type=int, metavar="N", help="first record N synthetic engagements there"
    )
    args = parser.parse_args()
    if args.requests < 2:
        parser.error("--requests: at least 2, for percentiles")
    if not (args.archive / "timeline.db").exists():
        if not args.generate:
            parser.error(f"{args.archive}: no timeline.db; make one, or pass --generate N")
        generator = Path(__file__).resolve().parent / "generate.py"
        subprocess.run(
            [sys.executable, str(generator), str(args.generate), str(args.archive)], check=True
        )
    asyncio.run(run(args.archive, args.requests, args.seed))


if __name__ == "__main__":
    main()
