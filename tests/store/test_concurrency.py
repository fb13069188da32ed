"""Concurrency (issue 3, item 6), on SQLite and PostgreSQL, with real processes.

Eight writers appending, correcting and building at once lose nothing, duplicate nothing and
half-write nothing; a busy store makes a writer wait (bounded) instead of failing; two corrections
of one engagement at once are both applied in order, or one is refused with a clear message."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from events import EngagementFacts
from tests.helpers import Backend, visit_record
from tests.projection.test_projection import dump
from timeline.errors import ArchiveError, TimelineError
from timeline.projection import build as projection
from timeline.store.application import UPDATE_ATTEMPTS, Archive

WRITERS = 8
ROUNDS = 2
BATCH = 3
SHARED = [f"shared-{k}" for k in range(4)]  # each corrected by two writers a round

# A writer: waits for the start signal, then appends a batch, corrects a shared engagement and
# brings timeline.db up to date, ROUNDS times; prints what it did as JSON.
WRITER = """
import json, sys, time
from pathlib import Path
from events import EngagementFacts
from timeline import Archive, build

folder, writer, rounds, batch, go, shared = sys.argv[1:7]
writer, rounds, batch = int(writer), int(rounds), int(batch)
records = json.loads(Path(folder).with_name(f"writer-{writer}.json").read_text())
while not Path(go).exists():
    time.sleep(0.005)
archive = Archive(folder, must_exist=True)
done = {"recorded": [], "corrected": []}
for r in range(rounds):
    facts = [EngagementFacts.model_validate(x) for x in records[r * batch:(r + 1) * batch]]
    done["recorded"] += archive.append(facts).recorded
    reason = f"writer {writer} round {r}"
    archive.correct(shared, {"summary": reason}, reason=reason)
    done["corrected"].append(reason)
    build(archive)
print(json.dumps(done))
"""


def slug_record(slug: str) -> dict[str, Any]:
    return visit_record(slug=slug, title=f"Engagement {slug}")


def start_signal(tmp_path: Path) -> Path:
    return tmp_path / "go"


def spawn(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def cli(*args: str, wait_for: Path | None = None) -> subprocess.Popen[str]:
    """The `timeline` command as its own process; with `wait_for`, it starts when that file
    appears, so several start at the same moment."""
    command = [sys.executable, "-m", "timeline.cli", *args]
    if wait_for is not None:
        wait = f"import os, sys, time\nwhile not os.path.exists({str(wait_for)!r}): time.sleep(0.005)\n"
        run = "from timeline.cli import main\nsys.argv[0] = 'timeline'\nmain()"
        command = [sys.executable, "-c", wait + run, *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str], timeout: float = 60) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def test_eight_writers_lose_nothing_duplicate_nothing_half_write_nothing(
    tmp_path: Path, backend: Backend
) -> None:
    folder = tmp_path / "archive"
    with Archive(folder) as archive:
        archive.append([EngagementFacts.model_validate(slug_record(s)) for s in SHARED])
        projection.build(archive)
    expected_slugs = set(SHARED)
    for w in range(WRITERS):
        records = [slug_record(f"w{w}-r{i}") for i in range(ROUNDS * BATCH)]
        expected_slugs |= {r["slug"] for r in records}
        (tmp_path / f"writer-{w}.json").write_text(json.dumps(records))
    go = start_signal(tmp_path)
    writers = [
        spawn(WRITER, str(folder), str(w), str(ROUNDS), str(BATCH), str(go), SHARED[w % 4])
        for w in range(WRITERS)
    ]
    go.touch()
    results = [finish(p) for p in writers]
    assert [code for code, _, _ in results] == [0] * WRITERS, [err for _, _, err in results]
    done = [json.loads(out) for _, out, _ in results]

    # Nothing lost, nothing duplicated: every event once, in every engagement's version order.
    stored = backend.stored(folder)
    corrections = WRITERS * ROUNDS
    assert len(stored) == len(expected_slugs) + corrections
    assert len({(r[0], r[1]) for r in stored}) == len(stored)
    assert Counter(r[2].rsplit(".", 1)[1] for r in stored) == {
        "Recorded": len(expected_slugs),
        "Corrected": corrections,
    }
    assert sorted(s for d in done for s in d["recorded"]) == sorted(expected_slugs - set(SHARED))
    with Archive(folder, must_exist=True) as archive:
        for slug in expected_slugs - set(SHARED):
            assert archive.get(slug).facts.title == f"Engagement {slug}"  # whole, and readable
        for k, slug in enumerate(SHARED):
            history = archive.history(slug)
            assert [e.originator_version for e in history] == list(range(1, 2 + 2 * ROUNDS))
            reasons = {e.reason for e in history[1:]}
            assert reasons == {
                f"writer {w} round {r}" for w in range(WRITERS) if w % 4 == k for r in range(ROUNDS)
            }
            # The current state is that of the last correction saved.
            assert archive.get(slug).facts.summary == history[-1].reason
        # Eight builds ran alongside the writers: one more catches up, and equals a rebuild.
        projection.build(archive)
        db = sqlite3.connect(archive.projection_path)
        assert db.execute("select count(*) from engagements").fetchone()[0] == len(expected_slugs)
        assert db.execute("select count(*) from revisions").fetchone()[0] == len(stored)
        db.close()
        incremental = dump(archive.projection_path)
        projection.build(archive, rebuild=True)
        assert dump(archive.projection_path) == incremental


class WriteLock:
    """Another connection holding the store's write lock, as a long transaction would."""

    def __init__(self, backend: Backend, folder: Path):
        self.backend, self.folder = backend, folder

    def __enter__(self) -> WriteLock:
        if self.backend.name == "sqlite":
            self.conn = sqlite3.connect(self.folder / "events.db", isolation_level=None)
            self.conn.execute("BEGIN IMMEDIATE")
        else:
            self.conn = self.backend.connect()
            self.conn.execute("BEGIN")
            self.conn.execute(
                f'LOCK TABLE "{self.backend.schema}".timeline_events IN EXCLUSIVE MODE'
            )
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


SAVER = """
import sys
from events import EngagementFacts
from timeline import Archive
import json
archive = Archive(sys.argv[1], must_exist=True)
facts = EngagementFacts.model_validate(json.loads(sys.argv[2]))
print("saving", flush=True)
print(archive.append([facts]).recorded)
"""


def test_a_busy_store_makes_a_writer_wait_then_succeed(tmp_path: Path, backend: Backend) -> None:
    folder = tmp_path / "archive"
    with Archive(folder) as archive:
        archive.append([EngagementFacts.model_validate(slug_record("first"))])
    before = backend.stored(folder)
    with WriteLock(backend, folder):
        writer = spawn(SAVER, str(folder), json.dumps(slug_record("second")))
        assert writer.stdout is not None
        assert writer.stdout.readline() == "saving\n"  # it is at the save, not starting up
        time.sleep(2)  # how long the other transaction holds the lock; not a measurement
        # Still waiting, not failed with "database is locked"; nothing of it written yet.
        assert writer.poll() is None
        assert backend.stored(folder) == before
    code, out, err = finish(writer)
    assert (code, out, err) == (0, "['second']\n", "")
    assert [r[1] for r in backend.stored(folder)] == [1, 1]


@pytest.mark.parametrize("command", ["append", "correct"])
def test_a_store_busy_beyond_the_bound_is_one_line_and_writes_nothing(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite only: eventsourcing retries a PostgreSQL lock timeout ten times, so the shortest
    bound there is ten seconds; its wait-then-succeed is proved above."""
    folder = tmp_path / "archive"
    with Archive(folder) as archive:
        archive.append([EngagementFacts.model_validate(slug_record("first"))])
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(slug_record("second")), encoding="utf-8")
    args = {
        "append": ["append", str(path)],
        "correct": ["correct", "first", "--set", "summary=later", "--reason", "r"],
    }[command]
    backend = Backend("sqlite")
    before = backend.stored(folder)
    monkeypatch.setenv("TIMELINE_LOCK_TIMEOUT", "1")
    with WriteLock(backend, folder):
        code, out, err = finish(cli(*args, "--no-build", "--archive", str(folder)))
    assert code == 1
    assert out == ""
    assert err == (
        f"Error: {folder / 'events.db'}: the store is busy: another writer held it longer than "
        "1 s ($TIMELINE_LOCK_TIMEOUT); nothing was written\n"
    )
    assert backend.stored(folder) == before


def correct_at_once(
    tmp_path: Path, folder: Path, *changes: tuple[str, str]
) -> list[tuple[int, str, str]]:
    go = tmp_path / "go-corrections"
    processes = [
        cli("correct", "first", "--set", change, "--reason", reason, "--no-build",
            "--archive", str(folder), wait_for=go)
        for change, reason in changes
    ]  # fmt: skip
    go.touch()
    return [finish(p) for p in processes]


def test_two_corrections_at_once_are_both_applied_in_order(
    tmp_path: Path, backend: Backend
) -> None:
    folder = tmp_path / "archive"
    with Archive(folder) as archive:
        archive.append([EngagementFacts.model_validate(slug_record("first"))])
    results = correct_at_once(
        tmp_path,
        folder,
        ("summary=Talks on cybercrime", "a summary"),
        ("guests=[VN, AU]", "AU came"),
    )
    assert [code for code, _, _ in results] == [0, 0], results
    versions = sorted(out.splitlines()[0] for _, out, _ in results)
    assert versions == ["corrected  first (version 2)", "corrected  first (version 3)"]
    with Archive(folder, must_exist=True) as archive:
        facts = archive.get("first").facts
        assert (facts.summary, facts.guests) == ("Talks on cybercrime", ["VN", "AU"])
        history = archive.history("first")
        assert {e.reason for e in history[1:]} == {"a summary", "AU came"}
        # Each correction holds only its own change: the later one was applied to the newer state.
        assert sorted(str(e.changes) for e in history[1:]) == [
            "{'guests': ['VN', 'AU']}",
            "{'summary': 'Talks on cybercrime'}",
        ]


def test_the_same_correction_twice_at_once_is_applied_once_and_refused_once(
    tmp_path: Path, backend: Backend
) -> None:
    folder = tmp_path / "archive"
    with Archive(folder) as archive:
        archive.append([EngagementFacts.model_validate(slug_record("first"))])
    results = correct_at_once(tmp_path, folder, ("summary=Talks", "one"), ("summary=Talks", "two"))
    assert sorted(code for code, _, _ in results) == [0, 1], results
    (refused,) = [err for code, _, err in results if code == 1]
    assert refused == "Error: first: the correction changes nothing\n"
    with Archive(folder, must_exist=True) as archive:
        assert [e.originator_version for e in archive.history("first")] == [1, 2]


def race(archive: Archive, other: Archive, changes: list[dict[str, Any]]) -> None:
    """Make `other` save a correction between each read and save of `archive`."""
    real_find = archive.find
    pending = list(changes)

    def find_then_race(slug: str):
        found = real_find(slug)
        if pending:
            other.correct(slug, pending.pop(0), reason="the other writer")
        return found

    archive.find = find_then_race  # type: ignore[method-assign]


def test_a_correction_that_loses_the_race_is_applied_to_the_newer_state(
    tmp_path: Path, backend: Backend
) -> None:
    folder = tmp_path / "archive"
    with Archive(folder) as archive, Archive(folder) as other:
        archive.append([EngagementFacts.model_validate(slug_record("first"))])
        race(archive, other, [{"summary": "Talks"}])
        corrected = archive.correct("first", {"guests": ["VN", "AU"]}, reason="AU came")
        assert corrected.version == 3
        facts = other.get("first").facts
        assert (facts.summary, facts.guests) == ("Talks", ["VN", "AU"])
        # A correction the other writer made already is refused, not written twice.
        race(archive, other, [{"title": "Same"}])
        with pytest.raises(TimelineError, match="first: the correction changes nothing"):
            archive.correct("first", {"title": "Same"}, reason="mine")
        assert len(other.history("first")) == 4


def test_a_correction_that_always_loses_is_refused_with_a_message(
    tmp_path: Path, backend: Backend
) -> None:
    folder = tmp_path / "archive"
    with Archive(folder) as archive, Archive(folder) as other:
        archive.append([EngagementFacts.model_validate(slug_record("first"))])
        race(archive, other, [{"summary": f"v{n}"} for n in range(UPDATE_ATTEMPTS)])
        with pytest.raises(ArchiveError) as info:
            archive.correct("first", {"summary": "mine"}, reason="mine")
        assert str(info.value) == (
            f"first: other writers changed it {UPDATE_ATTEMPTS} times while this change was "
            "being saved; nothing was written: run the command again"
        )
        assert [e.reason for e in other.history("first")[1:]] == ["the other writer"] * 8


FIRST_WRITER = """
import json, os, sys, time
from events import EngagementFacts
from timeline import Archive
folder, go, record = sys.argv[1:4]
facts = EngagementFacts.model_validate(json.loads(record))
while not os.path.exists(go):
    time.sleep(0.002)
print(Archive(folder).append([facts]).recorded)
"""


def test_processes_creating_a_new_archive_at_once(tmp_path: Path, backend: Backend) -> None:
    """The first use of a store, by several at once: its tables are made once, nobody fails
    (an SQLite store another process has just created is empty, not "not an SQLite database")."""
    folder, go, first = tmp_path / "archive", tmp_path / "go", 4
    writers = [
        spawn(FIRST_WRITER, str(folder), str(go), json.dumps(slug_record(f"new-{w}")))
        for w in range(first)
    ]
    go.touch()
    results = [finish(p) for p in writers]
    assert sorted(results) == [(0, f"['new-{w}']\n", "") for w in range(first)]
    assert sorted(r[1] for r in backend.stored(folder)) == [1] * first


def test_a_retraction_that_loses_the_race_is_applied_or_refused_with_a_message(
    tmp_path: Path, backend: Backend
) -> None:
    """Retractions go through the same retry: after another writer's correction the retraction
    lands on the newer version; after another writer's retraction it is refused, by name."""
    folder = tmp_path / "archive"
    with Archive(folder) as archive, Archive(folder) as other:
        archive.append([EngagementFacts.model_validate(slug_record(s)) for s in ("a", "b")])
        race(archive, other, [{"summary": "Talks"}])
        assert archive.retract("a", reason="a test record").version == 3
        assert other.get("a").facts.summary == "Talks"  # the correction stayed
        real_find, first = archive.find, [True]

        def find_then_retract(slug: str):
            found = real_find(slug)
            if first.pop() if first else False:
                other.retract(slug, "the other writer")
            return found

        archive.find = find_then_retract  # type: ignore[method-assign]
        with pytest.raises(TimelineError) as info:
            archive.retract("b", reason="mine")
        assert str(info.value) == "b: b is already retracted"
        assert [type(e).__name__ for e in other.history("b")] == ["Recorded", "Retracted"]
