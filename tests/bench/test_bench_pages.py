"""bench/bench_pages.py runs end to end on a small archive (the seed records), and refuses an
archive without timeline.db by name. Its figures are not checked: they are for people."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from timeline import load
from timeline.projection.build import build
from timeline.store.application import Archive

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "bench_pages.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH), *args], capture_output=True, text=True, timeout=300
    )


def test_bench_pages_measures_every_page(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    result = run(str(tmp_path / "archive"), "--requests", "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("12 engagements; VN has 12 timeline rows")
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")][1:]
    pages = [row.split(" | ")[0].removeprefix("| ") for row in rows]
    assert pages == [
        "timeline table page, one country",
        "engagements table page (its facets)",
        "engagements row page",
        "country timeline (default window)",
        "country timeline, one year",
        "country timeline, all years (counts)",
        "pair timeline (default window)",
        "engagement page",
        "charts (country, all years)",
    ]
    assert rows[0].endswith("| 1.00 |")


def test_bench_pages_needs_a_built_archive(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nothing"))
    assert result.returncode == 2
    assert (
        f"{tmp_path / 'nothing'}: no timeline.db; make one, or pass --generate N" in result.stderr
    )
    assert "Traceback" not in result.stderr
