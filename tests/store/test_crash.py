"""Crash safety: real `timeline append` and `timeline build` processes killed with SIGKILL.

Each run is killed at a named point (TIMELINE_CRASH_AT makes the process SIGKILL itself there:
inside the store's transaction, between a batch's rows and its tracking position, before a
rebuild's swap, ...) or after a random delay. After every kill the store holds each batch whole
or not at all with its chain intact, and timeline.db equals a rebuild from the store up to the
position it records; running the command again completes the work, and timeline.db then equals
a clean rebuild, table by table."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
import yaml

from events import engagement_id
from tests.helpers import visit_record
from timeline import Archive, is_current
from timeline.integrity import verify
from timeline.store.crashpoints import ENV, POINTS

FILES, PER_FILE = 24, 12  # up to 288 engagements, appended 12 at a time
BATCH = "5"  # notifications projected per transaction, so every build has several batches
SEED = 20261201

# (command, crash point), in order. An append takes the next record file; no point: a plain run.
PLAN: list[tuple[str, str | None]] = [
    ("append", "store.before_insert"),
    ("append", "store.before_chain"),
    ("append", "store.before_commit"),
    ("append", "build.after_read:2"),  # the first build writes a new timeline.db
    ("append", "build.after_read:1"),  # later ones update it in place
    ("append", "build.before_track:2"),
    ("append", "build.before_commit:3"),
    ("append --no-build", None),
    ("build", "build.before_commit:1"),
    ("append --no-build", None),
    ("build", "build.before_track:2"),
    ("build --rebuild", "build.after_read:3"),
    ("build --rebuild", "build.before_track:12"),
    ("build --rebuild", "build.before_commit:20"),
    ("build --rebuild", "build.before_search"),
    ("build --rebuild", "build.before_swap"),
    ("append", "store.before_chain"),
    ("append", "build.before_commit:1"),
    ("append", "build.before_track:3"),
    ("append", "store.before_commit"),
    ("append", "build.after_read:3"),
    ("append", "build.before_commit:2"),
]
RANDOM_KILLS = 6


def timeline(
    archive: Path, command: str, *, crash: str | None = None, env: dict[str, str] | None = None
) -> subprocess.Popen:
    env = {**os.environ, **(env or {}), "TIMELINE_BATCH_SIZE": BATCH}
    env.pop(ENV, None)
    if crash:
        env[ENV] = crash
    args = [sys.executable, "-m", "timeline.cli", *command.split(), "--archive", str(archive)]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, _ = proc.communicate(timeout=120)
    return proc.returncode, out.decode()


def write_files(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for f in range(FILES):
        rows = [
            visit_record(slug=f"crash-{f}-{i:02d}", title=f"Visit {f}.{i}") for i in range(PER_FILE)
        ]
        path = folder / f"batch-{f}.yaml"
        path.write_text(yaml.safe_dump_all(rows, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths


def read_only_position(archive_dir: Path) -> int | str | None:
    """timeline.db's position as a reader sees it, read-only as Datasette opens it: before any
    writer has rolled back what a killed build left in its journal. A build killed in its commit
    leaves a hot journal, and such readers are refused until the next writer rolls it back
    (see test_a_writer_killed_in_its_commit_is_rolled_back_before_readers_need_it)."""
    path = archive_dir / "timeline.db"
    if not path.exists():
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            # The archive's row: _tracking also names the shipped registry the file holds.
            return db.execute(
                "select position from _tracking where name = ?", [Archive.name]
            ).fetchone()[0]
    except sqlite3.OperationalError as e:
        assert "readonly" in str(e), e
        return "refused"


def check(archive_dir: Path) -> tuple[list[str], list[int]]:
    """verify's problems, and how many engagements of each record file the store holds."""
    seen = read_only_position(archive_dir)
    archive = Archive(archive_dir)
    try:
        report = verify(archive)
        recorded = {link.originator_id for link in archive.recorder.select_links(0, 10_000)}
    finally:
        archive.close()
    # Readers see the last whole batch, or wait for a writer to roll a killed commit back.
    assert seen in (report.projection_position, "refused")
    counts = [
        sum(engagement_id(f"crash-{f}-{i:02d}").hex in recorded for i in range(PER_FILE))
        for f in range(FILES)
    ]
    return report.problems, counts


def assert_consistent(archive_dir: Path, stored: int, why: object) -> None:
    """What a kill may leave: whole batches, an intact chain, a projection true to its position
    (it may be behind the store: the problem verify reports then is only that)."""
    problems, counts = check(archive_dir)
    assert all(c in (0, PER_FILE) for c in counts), (why, counts)
    assert sum(counts) == PER_FILE * stored, (why, counts)
    assert [p for p in problems if not p.endswith("run `timeline build`")] == [], (why, problems)


def assert_complete(archive_dir: Path, stored: int, why: object) -> None:
    problems, counts = check(archive_dir)
    assert problems == [], (why, problems)
    assert sum(counts) == PER_FILE * stored, (why, counts)
    assert leftovers(archive_dir) == [], why


def assert_current(archive_dir: Path, why: object) -> None:
    archive = Archive(archive_dir)
    try:
        assert is_current(archive), why
    finally:
        archive.close()
    assert leftovers(archive_dir) == [], why


def leftovers(archive_dir: Path) -> list[str]:
    return sorted(p.name for p in archive_dir.glob(".timeline.db.*"))


# About 55 processes: on a busy shared machine that can take longer than the default limit.
@pytest.mark.timeout(900)
def test_killed_appends_and_builds_leave_a_consistent_archive_and_rerun_completes(
    tmp_path: Path,
) -> None:
    archive_dir = tmp_path / "archive"
    files = write_files(tmp_path / "records")
    assert {point.partition(":")[0] for _, point in PLAN if point} == set(POINTS)
    stored, kills, processes = 0, 0, 0
    durations: dict[str, float] = {}  # of the last uninterrupted run of each command
    for command, point in PLAN:
        appends = command.startswith("append")
        cmd = f"{command} {files[stored]}" if appends else command
        if point:
            code, out = finish(timeline(archive_dir, cmd, crash=point))
            processes += 1
            assert code == -signal.SIGKILL, (cmd, point, code, out)
            kills += 1
            assert_consistent(archive_dir, stored + (appends and point.startswith("build.")), point)
            if point == "build.before_swap":
                assert leftovers(archive_dir), "the killed rebuild left no temporary file"
        started = time.monotonic()
        code, out = finish(timeline(archive_dir, cmd))  # run again, to the end
        durations[command] = time.monotonic() - started
        processes += 1
        assert code == 0, (cmd, out)
        stored += appends
        # Complete: the projection at the store's end. That its tables equal a rebuild is
        # checked by the next kill's check, and by a full check at the end.
        if "--no-build" not in command:
            assert_current(archive_dir, (cmd, point))
    # Random moments: kill each run after a delay within the time an uninterrupted run took.
    rng = random.Random(SEED)
    random_kills = 0
    for n in range(RANDOM_KILLS):
        appends = n % 2 == 0
        command = "append" if appends else "build --rebuild"
        cmd = f"append {files[stored]}" if appends else command
        proc = timeline(archive_dir, cmd)
        time.sleep(rng.uniform(0.15, 0.95) * durations[command])
        proc.send_signal(signal.SIGKILL)
        code, _ = finish(proc)
        processes += 1
        random_kills += code == -signal.SIGKILL
        problems, counts = check(archive_dir)
        assert all(c in (0, PER_FILE) for c in counts), (cmd, counts)
        assert [p for p in problems if not p.endswith("run `timeline build`")] == [], problems
        started = time.monotonic()
        code, out = finish(timeline(archive_dir, cmd))
        durations[command] = time.monotonic() - started
        processes += 1
        assert code == 0, out
        stored += appends
        assert_current(archive_dir, cmd)
    assert_complete(archive_dir, stored, "the end")
    print(
        f"\ncrash figures: {kills} kills at named points, {random_kills} of {RANDOM_KILLS} runs "
        f"killed at random moments, {processes} processes, {stored * PER_FILE} events, "
        f"batch {BATCH}"
    )


def test_a_killed_rebuilds_temporary_file_is_removed_by_the_next_run(tmp_path: Path) -> None:
    archive_dir = tmp_path / "archive"
    (path,) = write_files(tmp_path / "records")[:1]
    assert finish(timeline(archive_dir, f"append {path}"))[0] == 0
    code, _ = finish(timeline(archive_dir, "build --rebuild", crash="build.before_swap"))
    assert code == -signal.SIGKILL
    (leftover,) = leftovers(archive_dir)
    assert leftover.endswith(".new")
    code, out = finish(timeline(archive_dir, "build"))
    assert code == 0, out
    assert leftovers(archive_dir) == []


def test_a_crash_point_that_is_never_reached_changes_nothing(tmp_path: Path) -> None:
    archive_dir = tmp_path / "archive"
    (path,) = write_files(tmp_path / "records")[:1]
    code, out = finish(timeline(archive_dir, f"append {path}", crash="build.before_swap:2"))
    assert code == 0, out
    assert "12 recorded" in out


@pytest.mark.parametrize("value", ["nowhere", "build.before_swap:0", "store.before_chain:x"])
def test_a_malformed_crash_point_is_one_line_and_writes_nothing(tmp_path: Path, value: str) -> None:
    archive_dir = tmp_path / "archive"
    (path,) = write_files(tmp_path / "records")[:1]
    code, out = finish(timeline(archive_dir, f"append {path}", crash=value))
    assert code == 1
    assert out.startswith(
        f"Error: ${ENV}: {value!r} is not NAME or NAME:N with N >= 1, NAME one of "
    )
    assert len(out.splitlines()) == 1
    archive = Archive(archive_dir)
    try:
        assert archive.recorder.max_notification_id() is None
    finally:
        archive.close()


def test_killed_appends_to_postgresql_leave_whole_batches_and_an_intact_chain(
    tmp_path: Path,
) -> None:
    """The store's transaction (events and links) on PostgreSQL, killed inside and at commit."""
    from tests.test_verify import PG_URL, PostgresStore

    if not PG_URL:
        pytest.skip(
            "PostgreSQL tests need TIMELINE_TEST_POSTGRES (e.g. postgresql://postgres@127.0.0.1:5432/test)"
        )
    pg = PostgresStore(PG_URL)
    archive_dir = tmp_path / "archive"
    files = write_files(tmp_path / "records")
    try:
        points = ("store.before_chain", "store.before_commit", "build.before_commit:2")
        for stored, point in enumerate(points):
            cmd = f"append {files[stored]}"
            code, out = finish(timeline(archive_dir, cmd, crash=point, env=pg.env()))
            assert code == -signal.SIGKILL, (point, out)
            archive = pg.archive(archive_dir)
            try:
                report = verify(archive)
                links = archive.recorder.select_links(0, 10_000)
            finally:
                archive.close()
            assert len(links) == PER_FILE * (stored + point.startswith("build.")), point
            assert [p for p in report.problems if not p.endswith("run `timeline build`")] == []
            code, out = finish(timeline(archive_dir, cmd, env=pg.env()))
            assert code == 0, out
            archive = pg.archive(archive_dir)
            try:
                report = verify(archive)
            finally:
                archive.close()
            assert report.ok and report.events == PER_FILE * (stored + 1), report.problems
    finally:
        pg.drop()


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5"])
def test_a_bad_batch_size_is_one_line_and_writes_nothing(tmp_path: Path, value: str) -> None:
    from click.testing import CliRunner

    from timeline.cli import cli

    archive_dir = tmp_path / "archive"
    (path,) = write_files(tmp_path / "records")[:1]
    assert finish(timeline(archive_dir, f"append {path} --no-build"))[0] == 0
    for args in (["build"], ["build", "--rebuild"]):
        result = CliRunner().invoke(
            cli, [*args, "--archive", str(archive_dir)], env={"TIMELINE_BATCH_SIZE": value}
        )
        assert result.exit_code == 1
        assert (
            result.output == f"Error: $TIMELINE_BATCH_SIZE: {value!r} is not a whole number >= 1\n"
        )
        assert not (archive_dir / "timeline.db").exists()
        assert leftovers(archive_dir) == []


HOT_JOURNAL = """
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("pragma cache_size = 1")  # spill changed pages to the file before the commit
db.execute("begin")
db.execute("update engagements set title = title || ' (a writer that died)'")
db.execute("update revisions set state = state || ' '")
os.kill(os.getpid(), signal.SIGKILL)
"""


def read_only_titles(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        return [row[0] for row in db.execute("select title from engagements order by slug")]


@pytest.mark.parametrize("command", ["build", "build --rebuild"])
def test_a_writer_killed_in_its_commit_is_rolled_back_before_readers_need_it(
    tmp_path: Path, command: str
) -> None:
    """A writer of timeline.db killed after changing the file leaves a hot journal: read-only
    readers (as Datasette opens the file) are refused until a writer rolls it back. The next
    build does, and never swaps a rebuilt file in beside that journal."""
    archive_dir = tmp_path / "archive"
    path = archive_dir / "timeline.db"
    files = write_files(tmp_path / "records")
    assert finish(timeline(archive_dir, f"append {files[0]} {files[1]}"))[0] == 0
    titles = read_only_titles(path)
    killed = subprocess.run([sys.executable, "-c", HOT_JOURNAL, str(path)], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert (archive_dir / "timeline.db-journal").exists()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        read_only_titles(path)
    code, out = finish(timeline(archive_dir, command))
    assert code == 0, out
    assert not (archive_dir / "timeline.db-journal").exists()
    assert read_only_titles(path) == titles
    assert_complete(archive_dir, 2, command)
