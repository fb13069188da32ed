"""Every page a visitor reaches, warm and on the first visit after an append, side by side with
plain Datasette's table page on the same file, in the same run (issue 14: each page's p95 at
most the baseline's p95).

The pages: every table page as `datasette_metadata.json` publishes it (its facets and sort),
every canned query with its example parameters (`timeline.web.examples`), the home and database
pages, the countries index, a country's and a pair's timeline and charts, search, an engagement's
page and its row page, the busiest person's and office's pages, the calendars (a country's, a
pair's, a collection's) and Atom feeds (all, a country's). The baseline: Datasette's table
page of `engagements` with no facets (`?_nofacet=1`), its rows, count and pagination as
Datasette makes them, served by plain Datasette (bench/plain.py: the same file, metadata and
settings, none of our plugins).

Warm: each page fetched once, then once a round, in turns, for `--rounds` rounds. After an
append: `--appends` times, one generated engagement is appended to a copy of the archive (with
its incremental build, in this process), then each page is fetched once: its time is the first
visit after that append. Requests go through Datasette's in-process client with `timeline
serve`'s settings, so the figures are server time without the network.

    python bench/generate.py 100000 /tmp/archive-100k
    python -m bench.bench_visitor_pages /tmp/archive-100k --rounds 30 --appends 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))


from bench.common import percentile  # noqa: E402
from bench.plain import Servers, open_servers  # noqa: E402

BASELINE = "plain table page (engagements, no facets)"
BASELINE_URL = "/timeline/engagements?_nofacet=1"


def metadata() -> dict[str, Any]:
    return json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))


def table_pages(meta: dict[str, Any]) -> dict[str, str]:
    """Every table a visitor is shown, as published (metadata's facets and sort)."""
    tables = meta["databases"]["timeline"]["tables"]
    return {
        f"table page: {name}": f"/timeline/{name}"
        for name, spec in tables.items()
        if not spec.get("hidden")
    }


def query_pages(meta: dict[str, Any]) -> dict[str, str]:
    """Every canned query as a visitor first sees it: with its example parameters."""
    from urllib.parse import urlencode

    from timeline.web.canned import EXAMPLES

    queries = meta["databases"]["timeline"].get("queries", {})
    pages = {}
    for name in queries:
        params = urlencode(EXAMPLES.get(name, {}))
        pages[f"canned query: {name}"] = f"/timeline/{name}" + (f"?{params}" if params else "")
    return pages


def subjects(database: Path) -> dict[str, str]:
    """The busiest country, its busiest counterpart, and an engagement in the middle."""
    import sqlite3

    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        (country,) = db.execute(
            "select country from timeline group by country order by count(*) desc limit 1"
        ).fetchone()
        (counterpart,) = db.execute(
            "select counterpart from timeline where country = ? group by counterpart "
            "order by count(*) desc limit 1",
            [country],
        ).fetchone()
        (count,) = db.execute("select count(*) from engagements").fetchone()
        (slug,) = db.execute(
            "select slug from engagements order by rowid limit 1 offset ?", [count // 2]
        ).fetchone()
        (person,) = db.execute(
            "select id from people order by engagements desc, id limit 1"
        ).fetchone()
        (office,) = db.execute(
            "select office from office_holders group by office order by count(*) desc, office "
            "limit 1"
        ).fetchone()
        (collection,) = db.execute(
            "select name from collections order by default_view desc, engagements desc limit 1"
        ).fetchone()
    finally:
        db.close()
    return {
        "country": country,
        "counterpart": counterpart,
        "slug": slug,
        "person": person,
        "office": office,
        "collection": collection,
    }


def site_pages(s: dict[str, str]) -> dict[str, str]:
    c, d = s["country"], s["counterpart"]
    return {
        "home page": "/",
        "database page": "/timeline",
        "countries index": "/-/timeline",
        f"country timeline ({c})": f"/-/timeline/{c}",
        f"pair timeline ({c}/{d})": f"/-/timeline/{c}/{d}",
        f"charts ({c})": f"/-/charts/{c}",
        f"pair charts ({c}/{d})": f"/-/charts/{c}/{d}",
        "search (a common phrase)": "/-/search?q=security+dialogue",
        "engagement page": f"/-/engagement/{s['slug']}",
        "engagement's row page": f"/timeline/engagements/{s['slug']}",
        "person page (the busiest)": f"/-/person/{s['person']}",
        "office page (the most holders)": f"/-/office/{s['office']}",
        f"calendar feed ({c})": f"/-/calendar/{c}.ics",
        f"pair calendar feed ({c}/{d})": f"/-/calendar/{c}/{d}.ics",
        f"collection calendar feed ({s['collection']})": (
            f"/-/calendar/collection/{s['collection']}.ics"
        ),
        "Atom feed of changes": "/-/changes.atom",
        f"Atom feed of changes ({c})": f"/-/changes.atom?country={c}",
    }


def all_pages(database: Path) -> dict[str, str]:
    meta = metadata()
    return {
        BASELINE: BASELINE_URL,
        **table_pages(meta),
        **query_pages(meta),
        **site_pages(subjects(database)),
    }


# Each request's wall time and CPU time in milliseconds. CPU time is the process's over the
# request (its SQL threads' too; nothing else runs meanwhile), which a shared machine's load
# does not stretch as it stretches the wait for a core.
Sample = tuple[float, float]


async def fetch(servers: Servers, name: str, url: str) -> Sample:
    """One request's (wall, CPU) milliseconds; a page that fails stops the benchmark, saying
    which."""
    ds, plugins = servers.serving(name)
    with plugins:
        started, cpu = time.perf_counter(), time.process_time()
        response = await ds.client.get(url)
        elapsed = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}: {response.text[:300]}")
    return elapsed


async def warm(servers: Servers, pages: dict[str, str], rounds: int) -> dict[str, list[Sample]]:
    for name, url in pages.items():
        await fetch(servers, name, url)
    times: dict[str, list[Sample]] = {name: [] for name in pages}
    for _ in range(rounds):
        for name, url in pages.items():
            times[name].append(await fetch(servers, name, url))
    return times


def append_one(archive: Path, i: int, stamp: int) -> None:
    """One generated engagement appended (its own slug and title), then the incremental build,
    as `timeline append` does."""
    from bench.generate import generate
    from timeline import Archive, build

    record = next(iter(generate(1, seed=(stamp + i) % 100_000)))
    slug = f"bench-pages-{stamp}-{i}"
    update = {"slug": slug, "part_of": None, "title": f"{record.title} ({slug})"}
    record = record.model_copy(update=update | {"series": None, "session": None})
    store = Archive(archive)
    try:
        store.append([record], allow_duplicates=True)
        build(store)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()


async def after_appends(
    servers: Servers, archive: Path, pages: dict[str, str], appends: int
) -> dict[str, list[Sample]]:
    times: dict[str, list[Sample]] = {name: [] for name in pages}
    stamp = time.time_ns() // 1000 % 1_000_000
    for i in range(appends):
        await asyncio.get_running_loop().run_in_executor(None, append_one, archive, i, stamp)
        for name, url in pages.items():
            times[name].append(await fetch(servers, name, url))
    return times


async def measure(
    archive: Path, rounds: int, appends: int
) -> tuple[dict[str, str], dict[str, list[Sample]], dict[str, list[Sample]]]:
    pages = all_pages(archive / "timeline.db")
    servers = await open_servers(archive / "timeline.db", metadata(), {BASELINE})
    try:
        hot = await warm(servers, pages, rounds)
        cold = await after_appends(servers, archive, pages, appends) if appends else {}
    finally:
        servers.close()
    return pages, hot, cold


def p95(samples: list[Sample], which: int) -> float:
    """The 95th percentile of the samples' wall (0) or CPU (1) milliseconds."""
    return percentile([sample[which] for sample in samples], 95)


def report(
    pages: dict[str, str], hot: dict[str, list[Sample]], cold: dict[str, list[Sample]]
) -> tuple[str, bool, bool]:
    """A Markdown table of every page's p95 against the baseline's, by wall time and by CPU
    time, and whether all are within by each."""
    lines = [
        "| page | warm p50 ms | warm p95 ms | / baseline | after append p95 ms | / baseline "
        "| CPU p95 warm / baseline | CPU p95 after append / baseline |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    within = within_cpu = True
    for name in pages:
        p50 = percentile([wall for wall, _ in hot[name]], 50)
        wall = p95(hot[name], 0) / p95(hot[BASELINE], 0)
        cpu = p95(hot[name], 1) / p95(hot[BASELINE], 1)
        row = f"| {name} | {p50:.1f} | {p95(hot[name], 0):.1f} | {wall:.2f}x |"
        within &= wall <= 1
        within_cpu &= cpu <= 1
        cold_cpu = "—"
        if cold:
            cold_wall = p95(cold[name], 0) / p95(cold[BASELINE], 0)
            cold_ratio = p95(cold[name], 1) / p95(cold[BASELINE], 1)
            row += f" {p95(cold[name], 0):.1f} | {cold_wall:.2f}x |"
            cold_cpu = f"{cold_ratio:.2f}x"
            within &= cold_wall <= 1
            within_cpu &= cold_ratio <= 1
        else:
            row += " — | — |"
        lines.append(f"{row} {cpu:.2f}x | {cold_cpu} |")
    return "\n".join(lines), within, within_cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path, help="an archive folder (events.db, timeline.db)")
    parser.add_argument("--rounds", type=int, default=30, help="warm requests per page")
    parser.add_argument("--appends", type=int, default=10, help="appends, each then a visit")
    parser.add_argument(
        "--copy", type=Path, help="append into a copy made here (default: a temporary folder)"
    )
    args = parser.parse_args(argv)
    if args.rounds < 2 or args.appends < 0:
        parser.error("--rounds: at least 2; --appends: 0 or more")
    if not (args.archive / "timeline.db").is_file():
        parser.error(f"{args.archive}: no timeline.db (make one with bench/generate.py)")
    import tempfile

    from bench.generate import copy_archive

    with tempfile.TemporaryDirectory(prefix="timeline-pages-") as scratch:
        work = copy_archive(args.archive, args.copy or Path(scratch) / "archive")
        pages, hot, cold = asyncio.run(measure(work, args.rounds, args.appends))
    table, within, within_cpu = report(pages, hot, cold)
    print(table)
    print(f"\nEvery page within the baseline's p95: {'yes' if within else 'no'}")
    print(f"Every page within the baseline's p95 of CPU time: {'yes' if within_cpu else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
