"""bench/bench_first_visit.py measures pages' first visits after writes, with the timeline
plugins or without them; its figures are not checked: they are for people."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from timeline import load
from timeline.projection.build import build
from timeline.store.application import Archive

ROOT = Path(__file__).resolve().parents[2]
PLAIN = "/timeline/engagements?_nofacet=1"


def run(*args: str) -> list[str]:
    command = [sys.executable, "-m", "bench.bench_first_visit", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_pages_are_measured_after_writes_with_and_without_the_timeline_plugins(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    folder = str(tmp_path / "archive")
    lines = run(folder, "--visits", "2", "--appends", PLAIN, "/timeline/engagements")
    rows = [line for line in lines if line.startswith("| /")]
    assert [row.split(" | ")[0] for row in rows] == [f"| {PLAIN}", "| /timeline/engagements"]
    assert rows[0].endswith("| 1.000x |")
    assert lines[-1] == "The timeline plugins: loaded"
    lines = run(folder, "--visits", "2", "--third-party-only", PLAIN)
    assert lines[-1] == "The timeline plugins: not loaded"
