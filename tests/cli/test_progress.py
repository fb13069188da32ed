"""Progress bars: drawn on standard error with the count done, the total and the percentage
when it is a terminal (a real pseudo-terminal here), and nothing at all when it is not; the
command's standard output is the same either way."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

TIMELINE = [sys.executable, "-m", "timeline.cli"]


def on_terminal(*args: str, cwd: Path) -> tuple[int, str, str]:
    """Run `timeline ARGS` with standard error on a pseudo-terminal: (exit code, stdout,
    what the terminal showed)."""
    master, slave = pty.openpty()
    env = {**os.environ, "TIMELINE_BATCH_SIZE": "5", "COLUMNS": "120"}
    process = subprocess.Popen(
        [*TIMELINE, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=slave, env=env
    )
    os.close(slave)
    stdout = process.stdout.read() if process.stdout else b""
    process.wait(timeout=120)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other end is closed: all of it was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return process.returncode, stdout.decode(), shown.decode(errors="replace")


def piped(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TIMELINE_BATCH_SIZE": "5"}
    return subprocess.run(
        [*TIMELINE, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    result = piped("append", str(ROOT / "seeds" / "records"), "--archive", "archive", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_a_rebuild_on_a_terminal_shows_a_bar_with_counts_and_percentage(seeded: Path) -> None:
    code, stdout, shown = on_terminal("build", "--rebuild", "--archive", "archive", cwd=seeded)
    assert code == 0, shown
    assert stdout == ("timeline.db rebuilt: 12 events projected, 12 engagements, position 12\n")
    assert "rebuilding timeline.db" in shown
    assert "5/12" in shown and "10/12" in shown and "12/12" in shown and "100%" in shown


def test_an_update_on_a_terminal_counts_only_the_events_not_yet_projected(seeded: Path) -> None:
    retract = piped("retract", "vn-us-security-law-enforcement-dialogue-1", "--reason", "moved",
                    "--no-build", "--archive", "archive", cwd=seeded)  # fmt: skip
    assert retract.returncode == 0, retract.stderr
    code, stdout, shown = on_terminal("build", "--archive", "archive", cwd=seeded)
    assert code == 0, shown
    assert "updating timeline.db" in shown and "1/1" in shown and "/12" not in shown
    assert stdout.startswith("timeline.db updated: 1 events projected")


def test_no_terminal_no_bar(seeded: Path) -> None:
    result = piped("build", "--rebuild", "--archive", "archive", cwd=seeded)
    assert result.returncode == 0
    assert result.stderr == ""
    assert (
        result.stdout == "timeline.db rebuilt: 12 events projected, 12 engagements, position 12\n"
    )


def test_batch_extraction_on_a_terminal_counts_the_articles(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds" / "documents", articles)
    count = len(list(articles.glob("*.txt")))
    code, stdout, shown = on_terminal("extract", "articles", "-o", "drafts", cwd=tmp_path)
    assert code == 0, shown
    assert "extracting" in shown and f"{count}/{count}" in shown and "100%" in shown
    quiet = piped("extract", "articles", "-o", "drafts-2", cwd=tmp_path)
    assert quiet.stdout == stdout
    assert "extracting" not in quiet.stderr and f"{count}/{count}" not in quiet.stderr


def test_an_import_on_a_terminal_shows_its_reading_then_its_build(tmp_path: Path) -> None:
    from tests.importers.test_import_historyatstate import TRIPS, VISITS, write_folder

    write_folder(tmp_path / "hs", VISITS, TRIPS)
    code, _, shown = on_terminal(
        "import", "historyatstate", "hs", "--archive", "archive", cwd=tmp_path
    )
    assert code == 0, shown
    assert "reading historyatstate" in shown and "100%" in shown
    assert "rebuilding timeline.db" in shown
    quiet = piped("import", "historyatstate", "hs", "--dry-run", "--archive", "other", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert "reading" not in quiet.stdout
