"""Datasette page latency on a built `timeline.db`, p50 and p95, against the plain table page.

Pages are fetched through Datasette's in-process test client (ASGI, no network), configured as
`timeline serve` configures it (the repository's metadata and `timeline.publish.SETTINGS`); the
baseline by plain Datasette on the same file, metadata and settings, none of our plugins
(bench/plain.py).
Every page is fetched once to warm up, then once a round, in turns, for `rounds` rounds."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, Result, percentile
from bench.plain import open_servers

TARGET_MS = 100.0
BASELINE = "table page, no facets (the plain table page)"


def pages(database: Path) -> dict[str, str]:
    """The pages measured: a timeline, an engagement, search, facets; the baseline first."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        (count,) = db.execute("select count(*) from engagements").fetchone()
        (slug,) = db.execute(
            "select slug from engagements order by rowid limit 1 offset ?", [count // 2]
        ).fetchone()
        (country,) = db.execute(
            "select country from timeline group by country order by count(*) desc limit 1"
        ).fetchone()
    finally:
        db.close()
    return {
        BASELINE: "/timeline/engagements?_nofacet=1",
        f"country timeline, canned query ({country}, the largest)": (
            f"/timeline/country_timeline?country={country}"
        ),
        "country timeline, canned query (LA)": "/timeline/country_timeline?country=LA",
        "engagement row page": f"/timeline/engagements/{slug}",
        "search, canned query (a phrase in every dialogue)": "/timeline/search?q=security+dialogue",
        "search, canned query (a person)": "/timeline/search?q=luong+tam+quang",
        "search, table page (no diacritics)": "/timeline/engagements?_search=nguyen+van+hung",
        f"facet: {country}'s engagements by topic (array facet on request)": (
            f"/timeline/engagements?country={country}&_facet_array=topics"
        ),
        "engagements table as published (its default facets)": "/timeline/engagements",
        f"country timeline, table page ({country}, by date, with its 4 facets)": (
            f"/timeline/timeline?country={country}&_sort=start_date"
        ),
    }


async def _measure(
    database: Path, urls: dict[str, str], rounds: int
) -> tuple[dict[str, list[float]], dict[str, set[int]]]:
    """Milliseconds per request of each page, and the HTTP statuses other than 200 it gave (a
    query past Datasette's `sql_time_limit_ms` is answered 400, after that limit). The baseline
    is served by plain Datasette (bench/plain.py), the other pages as `timeline serve` serves
    them."""
    metadata: dict[str, Any] = json.loads((ROOT / "datasette_metadata.json").read_text())
    servers = await open_servers(database, metadata, {BASELINE})
    times: dict[str, list[float]] = {name: [] for name in urls}
    failures: dict[str, set[int]] = {name: set() for name in urls}

    async def get(name: str, url: str) -> tuple[float, int]:
        ds, plugins = servers.serving(name)
        with plugins:
            started = time.perf_counter()
            response = await ds.client.get(url)
            return (time.perf_counter() - started) * 1000, response.status_code

    try:
        for name, url in urls.items():
            await get(name, url)
        for _ in range(rounds):
            for name, url in urls.items():
                elapsed, status = await get(name, url)
                times[name].append(elapsed)
                if status != 200:
                    failures[name].add(status)
    finally:
        servers.close()
    return times, failures


def run(database: Path, n: int, rounds: int = 30) -> list[Result]:
    urls = pages(database)
    times, failures = asyncio.run(_measure(database, urls, rounds))
    base = percentile(times[BASELINE], 95)
    results = []
    for name, values in times.items():
        p50, p95 = percentile(values, 50), percentile(values, 95)
        failed = f"; answered HTTP {sorted(failures[name])} (timed out)" if failures[name] else ""
        results.append(
            Result(
                f"Datasette p95: {name}", n, p95, "ms", f"p95 of the {BASELINE}",
                base if name != BASELINE else None,
                f"p95 < {TARGET_MS:g} ms", p95 < TARGET_MS and not failed,
                note=f"p50 {p50:.1f} ms; {urls[name]}{failed}",
            )
        )  # fmt: skip
    return results
