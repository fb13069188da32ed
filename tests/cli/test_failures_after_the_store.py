"""Failures a command meets outside the input it was given are one line too (issue 12, defect 6):
the disk filling up while `timeline.db` is brought up to date after a batch was stored, and a
PostgreSQL store named where the PostgreSQL extra is not installed."""

from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from tests.helpers import ROOT, make_record, visit_record
from timeline import Archive
from timeline.cli import cli
from timeline.integrity import verify
from timeline.projection.projector import Projector

FULL = [
    sqlite3.OperationalError("database or disk is full"),  # SQLite's own, as a real disk gives
    OSError(errno.ENOSPC, "No space left on device"),  # a rebuild's rename or fsync
]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def full_disk(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    """The disk fills up while a build writes its batch (after its rows, before its position):
    where a real full disk stops SQLite."""

    def fail(*_: Any, **__: Any) -> None:
        raise error

    monkeypatch.setattr(Projector, "_track", fail)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(yaml.safe_dump_all([visit_record(), make_record()], allow_unicode=True))
    second.write_text(
        yaml.safe_dump(visit_record(slug="later-visit", title="Later", date="2026-01-02"))
    )
    return {"first": first, "second": second}


def one_error_line(result: Result) -> str:
    assert result.exit_code == 1, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("error", FULL, ids=["sqlite-full", "enospc"])
@pytest.mark.parametrize("first", [True, False], ids=["first-build", "incremental"])
def test_a_full_disk_while_append_builds_says_the_batch_is_recorded(
    archive_dir: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
    error: Exception, first: bool,
) -> None:  # fmt: skip
    if not first:
        assert run("append", str(files["first"]), "--archive", str(archive_dir)).exit_code == 0
    with monkeypatch.context() as patch:
        full_disk(patch, error)
        name = "first" if first else "second"
        line = one_error_line(run("append", str(files[name]), "--archive", str(archive_dir)))
    assert line == (
        f"Error: the batch is recorded in the store, but timeline.db is not up to date ({error}): "
        "it was left as it was; free some space, then run `timeline build`"
    )
    archive = Archive(archive_dir)
    assert len(archive.recorder.select_notifications(start=0, limit=10)) == (2 if first else 3)
    report = verify(archive)
    # Behind, not broken: timeline.db as it was (or not yet made), and nothing else wrong.
    if first:
        assert not archive.projection_path.exists() and report.problems == []
    else:
        assert report.problems == [
            f"{archive.projection_path}: has events up to notification 2 of 3: run `timeline build`"
        ]
    assert list(archive_dir.glob(".timeline.db.*")) == []
    assert run("build", "--archive", str(archive_dir)).exit_code == 0
    assert verify(archive).problems == []


@pytest.mark.parametrize(
    ("argv", "what"),
    [
        (["correct", "vn-us-visit-2025", "--set", "title=Renamed", "--reason", "r"], "correction"),
        (["retract", "vn-us-visit-2025", "--reason", "r"], "retraction"),
        (["build"], None),
    ],
)
def test_a_full_disk_while_other_commands_build_is_one_line(
    archive_dir: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
    argv: list[str], what: str | None,
) -> None:  # fmt: skip
    assert (
        run("append", str(files["first"]), "--no-build", "--archive", str(archive_dir)).exit_code
        == 0
    )
    if what:
        assert run("build", "--archive", str(archive_dir)).exit_code == 0
    with monkeypatch.context() as patch:
        full_disk(patch, FULL[0])
        line = one_error_line(run(*argv, "--archive", str(archive_dir)))
    if what:
        assert line.startswith(
            f"Error: the {what} is recorded in the store, but timeline.db is not up to date ("
        )
    else:
        assert line == (
            "Error: timeline.db is not up to date (database or disk is full): it was left as it "
            "was; free some space, then run `timeline build`"
        )
    assert run("build", "--archive", str(archive_dir)).exit_code == 0
    assert verify(Archive(archive_dir)).problems == []


WITHOUT_PSYCOPG = (
    "import sys\n"
    "sys.modules['psycopg'] = None  # as if the postgres extra were not installed\n"
    "sys.modules['psycopg_pool'] = None\n"
    "from timeline.cli import main\n"
    "sys.argv = ['timeline', *sys.argv[1:]]\n"
    "main()\n"
)


@pytest.mark.parametrize(
    "argv",
    [
        ["append", "RECORDS"], ["build"], ["list"], ["show", "vn-us-visit-2025"], ["verify"],
        ["correct", "vn-us-visit-2025", "--set", "title=T", "--reason", "r"],
    ],
)  # fmt: skip
def test_a_postgresql_store_without_the_extra_is_one_line_naming_it(
    tmp_path: Path, files: dict[str, Path], argv: list[str]
) -> None:
    argv = [str(files["first"]) if a == "RECORDS" else a for a in argv]
    store = "postgresql://postgres@127.0.0.1:5432/test"
    process = subprocess.run(
        [sys.executable, "-c", WITHOUT_PSYCOPG, *argv, "--archive", str(tmp_path / "a"),
         "--store", store],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert process.returncode == 1, process.stderr
    assert process.stderr.splitlines() == [
        "Error: postgresql://postgres@127.0.0.1:5432/test: PostgreSQL support is not installed; "
        "install the postgres extra: pip install 'timeline[postgres]'"
    ]
    assert not (tmp_path / "a").exists()
