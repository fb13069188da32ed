"""Latency of the search page (`/-/search?q=`) against Datasette's plain table page, in one run.

Records N synthetic engagements with `bench/generate.py` (a timeline.db already in ARCHIVE_DIR is
used as it is, and built only if it lacks a search index), serves timeline.db with a real
Datasette on 127.0.0.1 (a free port, `timeline serve`'s settings and metadata), then requests, in
turns, the search page for a mix of queries and the baselines: the engagements table's first
page (with and without its facets), Datasette's own full-text table search, and the two feeds.
Prints p50/p95 of each and its ratio to the table page.

    python bench/bench_search.py 100000 /tmp/archive-100k --rounds 20
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from timeline.projection.build import build  # noqa: E402
from timeline.projection.schema import FTS  # noqa: E402
from timeline.store.application import Archive  # noqa: E402
from timeline.web.serve import SETTINGS, metadata_path  # noqa: E402

# Common and rare words, names with and without diacritics, đ, organisations, prefixes.
QUERIES = [
    "dialogue",
    "security",
    "Doi thoai",
    "Đối thoại",
    "Dung",
    "Nguyễn Văn",
    "Luong Tam Quang",
    "bo cong an",
    "launder*",
    "Hanoi",
]
BASELINES = {
    "table page": "/timeline/engagements",
    "table, no facet": "/timeline/engagements?_nofacet=1",
    "table _search": "/timeline/engagements?_search=security",
    # The feeds, measured alongside: the calendar of the hub country and the Atom feed.
    "calendar VN.ics": "/-/calendar/VN.ics",
    "changes.atom": "/-/changes.atom",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_archive(n: int, folder: Path, seed: int) -> Path:
    db = folder / "timeline.db"
    if db.exists():
        with sqlite3.connect(db) as conn:
            present = {row[0] for row in conn.execute("select name from sqlite_master")}
        if not {f"{table}_fts" for table in FTS} <= present:
            # Built without the search indexes this page reads: bring it up to date.
            build(Archive(folder))
        return db
    generator = ROOT / "bench" / "generate.py"
    if not generator.exists():
        sys.exit(f"{generator}: missing (the synthetic archive generator); give an ARCHIVE_DIR")
    subprocess.run(
        [sys.executable, str(generator), str(n), str(folder), "--seed", str(seed)], check=True
    )
    return db


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(metadata_path())]
    args += ["--host", "127.0.0.1", "--port", str(port)]
    for name, value in SETTINGS.items():
        args += ["--setting", name, value]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/-/versions.json").status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    sys.exit("datasette did not start within 60 s")


FAILED: dict[str, int] = {}


def timed(client: httpx.Client, path: str, params: dict[str, str] | None = None) -> float:
    """Seconds to answer; an answer other than 200 (the SQL time limit) is counted as failed."""
    start = time.perf_counter()
    response = client.get(path, params=params)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        FAILED[path] = FAILED.get(path, 0) + 1
    return elapsed


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples), cuts[18]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N", help="engagements to generate")
    parser.add_argument("folder", type=Path, metavar="ARCHIVE_DIR")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=10, help="requests of each URL")
    args = parser.parse_args(argv)
    db = ensure_archive(args.n, args.folder, args.seed)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select count(*) from engagements").fetchone()
    port = free_port()
    server = serve(db, port)
    samples: dict[str, list[float]] = {"search page": []}
    samples |= {name: [] for name in BASELINES}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            timed(client, "/-/search", {"q": "warm up"})
            timed(client, "/timeline/engagements")
            # Interleaved, so a slow moment of the shared machine hits every URL alike.
            for _ in range(args.rounds):
                for q in QUERIES:
                    samples["search page"].append(timed(client, "/-/search", {"q": q}))
                for name, path in BASELINES.items():
                    samples[name].append(timed(client, path))
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    table_p50, table_p95 = percentiles(samples["table page"])
    print(f"engagements: {rows[0]}  rounds: {args.rounds}  cpus: {os.cpu_count()}")
    print(f"{'url':<18}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p50 ratio':>11}{'p95 ratio':>11}")
    for name, values in samples.items():
        p50, p95 = percentiles(values)
        print(
            f"{name:<18}{len(values):>9}{p50 * 1000:>9.1f}{p95 * 1000:>9.1f}"
            f"{p50 / table_p50:>11.2f}{p95 / table_p95:>11.2f}"
        )
    for path, count in FAILED.items():
        print(f"not 200 (SQL time limit): {path} {count} times")
    return 0


if __name__ == "__main__":
    sys.exit(main())
