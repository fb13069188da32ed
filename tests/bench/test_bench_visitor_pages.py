"""bench/bench_visitor_pages.py fetches every page a visitor reaches, warm and after appends, on
a small archive (the seed records): each answers, or the benchmark stops naming it. Its figures
are not checked: they are for people."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from timeline import load
from timeline.projection.build import build
from timeline.store.application import Archive
from timeline.web.canned import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]


def test_every_page_a_visitor_reaches_is_measured_and_answers(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    command = [sys.executable, "-m", "bench.bench_visitor_pages", str(tmp_path / "archive")]
    result = subprocess.run(
        [*command, "--rounds", "2", "--appends", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")][1:]
    pages = {row.split(" | ")[0].removeprefix("| ") for row in rows}
    assert {f"canned query: {name}" for name in EXAMPLES} <= pages
    assert {"table page: engagements", "table page: participants", "table page: sources"} <= pages
    for page in (
        "person page (the busiest)",
        "office page (the most holders)",
        "engagement's row page",
        "pair calendar feed (VN/US)",
        "collection calendar feed (curated)",
        "Atom feed of changes (VN)",
        "charts (VN)",
        "search (a common phrase)",
    ):
        assert page in pages
    # Every row has its ratios, warm and after the append, by wall time and by CPU time.
    ratios = re.compile(r" \d+\.\d\dx \| [\d.]+ \| \d+\.\d\dx \| \d+\.\d\dx \| \d+\.\d\dx \|$")
    assert [row for row in rows if not ratios.search(row)] == []
