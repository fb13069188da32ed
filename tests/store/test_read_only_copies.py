"""An archive on a read-only folder or medium — a published copy, a mounted snapshot — can be
listed, shown and verified (issue 12, defect 8).

What a read-only medium does is refuse to open a file for writing (EROFS, or EACCES for a
folder the user may not write): SQLite then cannot make the store's write-ahead log beside it.
The tests run as root, for whom chmod stops nothing, so the commands run as an unprivileged
user (`setpriv` to nobody) on a copy chmod'ed read-only: the real refusal, not a simulation."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, make_record, visit_record
from timeline import Archive, build

SETPRIV = shutil.which("setpriv")
pytestmark = pytest.mark.skipif(
    os.geteuid() == 0 and SETPRIV is None,
    reason="as root, a read-only folder needs setpriv to run as another user",
)


def as_reader(*argv: str, cwd: Path, owner: bool = False) -> subprocess.CompletedProcess[str]:
    """`timeline ARGV` as a user who may not write the copy (nobody, when the tests run as root),
    or as the `owner` of the files."""
    command = [sys.executable, "-m", "timeline.cli", *argv]
    if os.geteuid() == 0 and not owner:
        command = [
            SETPRIV or "setpriv",
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            *command,
        ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIMELINE_")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def read_only(path: Path) -> None:
    for child in [path, *path.rglob("*")]:
        mode = child.stat().st_mode
        child.chmod(
            mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
            | stat.S_IRUSR
            | stat.S_IRGRP
            | stat.S_IROTH
        )
        if child.is_dir():
            child.chmod(child.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


@pytest.fixture
def shelf() -> Iterator[Path]:
    """A folder every user can read and enter (pytest's tmp_path is the owner's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="timeline-ro-"))
    folder.chmod(0o755)
    yield folder
    for child in [folder, *folder.rglob("*")]:
        child.chmod(child.stat().st_mode | stat.S_IWUSR)
    shutil.rmtree(folder)


@pytest.fixture
def original(shelf: Path) -> Path:
    folder = shelf / "original"
    archive = Archive(folder)
    from events import EngagementFacts

    archive.append([EngagementFacts.model_validate(r) for r in (visit_record(), make_record())])
    archive.correct("vn-us-security-dialogue-2", {"title": "Renamed dialogue"}, reason="r")
    build(archive)
    archive.close()
    return folder


COMMANDS = [
    ["list"],
    ["list", "--country", "VN", "--json"],
    ["show", "vn-us-security-dialogue-2"],
    ["show", "vn-us-security-dialogue-2", "--history"],
]


def test_a_read_only_copy_can_be_listed_shown_and_verified(original: Path, shelf: Path) -> None:
    copy = shelf / "published"
    shutil.copytree(original, copy)
    assert sorted(p.name for p in copy.iterdir()) == ["events.db", "timeline.db"]
    read_only(copy)
    for argv in COMMANDS:
        expected = as_reader(*argv, "--archive", str(original), cwd=shelf, owner=True)
        got = as_reader(*argv, "--archive", str(copy), cwd=shelf)
        assert (got.returncode, got.stderr) == (0, expected.stderr), argv
        assert got.stdout == expected.stdout.replace(str(original), str(copy)), argv
    verified = as_reader("verify", "--archive", str(copy), cwd=shelf)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.splitlines()[0] == "store:       3 events of 2 engagements"
    assert verified.stdout.splitlines()[-1] == "verified"
    assert sorted(p.name for p in copy.iterdir()) == ["events.db", "timeline.db"]  # nothing left


def test_a_snapshot_taken_while_a_writer_had_the_store_open_is_read_through_its_log(
    original: Path, shelf: Path
) -> None:
    """A snapshot of a live archive holds the write-ahead log (-wal, -shm) beside the store:
    its committed events are read through it, not lost."""
    writer = sqlite3.connect(original / "events.db")
    writer.execute("pragma wal_autocheckpoint = 0")
    writer.execute("select count(*) from stored_events").fetchone()
    archive = Archive(original)
    archive.retract("vn-us-visit-2025", "a duplicate", merged_into=None)
    build(archive)
    copy = shelf / "snapshot"
    shutil.copytree(original, copy)
    archive.close()
    writer.close()
    assert {"events.db-wal", "events.db-shm"} <= {p.name for p in copy.iterdir()}
    read_only(copy)
    shown = as_reader("show", "vn-us-visit-2025", "--history", "--archive", str(copy), cwd=shelf)
    assert shown.returncode == 0, shown.stderr
    assert "a duplicate" in shown.stdout
    verified = as_reader("verify", "--archive", str(copy), cwd=shelf)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.splitlines()[0] == "store:       4 events of 2 engagements"


def test_writing_to_a_read_only_copy_is_one_line_and_a_behind_projection_is_listed_as_it_is(
    original: Path, shelf: Path
) -> None:
    archive = Archive(original)
    from events import EngagementFacts

    archive.append(
        [
            EngagementFacts.model_validate(
                visit_record(slug="later", title="Later", date="2026-01-02")
            )
        ]
    )
    archive.close()  # not built: timeline.db is behind the store
    copy = shelf / "behind"
    shutil.copytree(original, copy)
    read_only(copy)
    listed = as_reader("list", "--archive", str(copy), cwd=shelf)
    assert listed.returncode == 0, listed.stderr
    assert "later" not in listed.stdout and "vn-us-visit-2025" in listed.stdout
    assert listed.stderr.splitlines() == [
        f"Note: {copy}/timeline.db is behind the store, and the archive is read-only: "
        "listed as it was last built",
        "(2 engagements)",
    ]
    records = shelf / "r.yaml"
    records.write_text(yaml.safe_dump(visit_record(slug="new", title="New", date="2026-02-02")))
    records.chmod(0o644)
    appended = as_reader("append", str(records), "--archive", str(copy), cwd=shelf)
    assert appended.returncode == 1
    assert appended.stderr.splitlines() == [
        f"Error: {copy}: the archive is read-only (a published copy or a read-only medium); "
        "nothing was written"
    ]
