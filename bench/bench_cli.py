"""`timeline append` of one record as a whole process (start-up, validation, the store, the
incremental build) against `sqlite-utils insert` of one row, as a whole process too, into a
table of the same size: the baseline inserts the record's `engagements` row into a copy of the
archive's own timeline.db (the same rows, indexes and full-text triggers). And `timeline --help`
against `sqlite-utils --help`: what starting a command costs.

Each round runs each pair once, in turns; the figure is the median of the rounds' wall time, and
the note gives the median CPU time (user + system, of the child process, from `os.wait4`) too:
on a shared machine, wall time is mostly waiting for a core.

Both sides start from the same cache: their copies are dropped from the OS's page cache once
made, and a first round, not counted, reads what every append or insert reads (the indexes'
upper pages, the schema) into it. Copied one after the other, the copies of a 1M archive (14
GB) and of its timeline.db (10 GB) do not both fit the page cache of a 23 GB machine: the
baseline's file, copied last, had 8.4 GB of its 9.5 in the cache and the archive's 5.6 MB
(`fincore`), so `timeline append` read from disk the pages `sqlite-utils insert` found in
memory.

With `instructions` (`python -m bench N --only cli --instructions`, where valgrind is
installed), one more record and row are appended and inserted under callgrind, and the
instructions each process ran are a row of their own: a count the machine's load does not
change, where the wall times of the same commands moved between 1.43x and 1.52x from one run to
the next at 100k with other builds running. It leaves out what waits on the disk (at 1M, the
pages of timeline.db a cold append reads: 650 against the insert's 184, `strace -c`), which
the wall time has."""

from __future__ import annotations

import compileall
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Result, env, median
from bench.generate import copy_archive, generate
from events import Engagement, EngagementFacts
from timeline.projection.rows import engagement_rows

TARGET = 1.5
HELP_TARGET = 1.2


def _command(name: str) -> str:
    """The console script installed beside this interpreter, else the one on PATH."""
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name}: not installed (pip install -e '.[test]')")
    return found


def _process_seconds(args: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of `args`. Its errors go to a
    file, not a pipe: a pipe left unread until the child ends could fill and stall it."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors, env=env())
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            raise subprocess.CalledProcessError(child.returncode, args, stderr=errors.read())
    return wall, usage.ru_utime + usage.ru_stime


def out_of_cache(*paths: Path) -> None:
    """Each file written out and dropped from the OS's page cache (where the OS can be asked)."""
    if not hasattr(os, "posix_fadvise"):
        return
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def instructions(args: list[str]) -> int:
    """The instructions one run of `args` executes, counted by callgrind (valgrind), which runs
    it on a simulated CPU: the same count at any load. String hashing is seeded the same in each
    run (PYTHONHASHSEED), so the count is the same run to run but for a few thousand."""
    with tempfile.TemporaryDirectory() as scratch:
        counted = [
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/out", *args,
        ]  # fmt: skip
        done = subprocess.run(
            counted, capture_output=True, text=True, env=env() | {"PYTHONHASHSEED": "0"}
        )
    if done.returncode:
        raise subprocess.CalledProcessError(done.returncode, counted, stderr=done.stderr)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind gave no count: {done.stderr[-300:]}")
    return int(found.group(1))


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return median([wall for wall, _ in runs]), median([cpu for _, cpu in runs])


def compiled() -> None:
    """The repository's packages compiled to bytecode, as `pip install` leaves an installed
    package (sqlite-utils' is): with PYTHONDONTWRITEBYTECODE set (as on the shared machine) an
    editable install compiles every module of `timeline append` again in each process, some
    0.09 s of 0.7 s, which a user's install never pays."""
    for package in ("events", "timeline"):
        compileall.compile_dir(ROOT / package, quiet=1)


def _commands(
    folder: Path, archive: Path, plain: Path, i: int, stamp: int, record: EngagementFacts
) -> tuple[list[str], list[str]]:
    """The `timeline append` of a new record (its own slug and title) and the `sqlite-utils
    insert` of its `engagements` row, their files written in `folder`."""
    slug = f"bench-cli-{stamp}-{i}"
    # Its own title and no series session: the archive refuses a second record of either.
    title = f"{record.title} ({slug})"
    update = {"slug": slug, "part_of": None, "title": title, "series": None, "session": None}
    record = record.model_copy(update=update)
    record_file = folder / f"record-{i}.json"
    record_file.write_text(record.model_dump_json())
    row = engagement_rows(Engagement.record(record).state)["engagements"][0]
    row_file = folder / f"row-{i}.json"
    row_file.write_text(json.dumps(row, ensure_ascii=False))
    timeline, sqlite_utils = _command("timeline"), _command("sqlite-utils")
    append = [timeline, "append", str(record_file), "--archive", str(archive)]
    insert = [sqlite_utils, "insert", str(plain), "engagements", str(row_file), "--pk", "slug"]
    return append, insert


def run(
    archive_dir: Path, n: int, workdir: Path, rounds: int = 7, *, counted: bool = False
) -> list[Result]:
    """Append `rounds` new records to a copy of the archive in `archive_dir`, one process each;
    with `counted`, one more of each under callgrind (see the module).

    Both sides write to copies made here: the archive given (a cached one, or a user's) is left
    as it was, and each side starts from a file just written, not one side from a warmer cache."""
    compiled()
    folder = workdir / "cli"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    timeline, sqlite_utils = _command("timeline"), _command("sqlite-utils")
    archive = copy_archive(archive_dir, folder / "archive")
    plain = folder / "plain.db"
    shutil.copyfile(archive_dir / "timeline.db", plain)  # a table of the same size
    out_of_cache(archive / "events.db", archive / "timeline.db", plain)
    ours, theirs = [], []
    help_ours, help_theirs = [], []
    stamp = time.time_ns()
    # One round more than counted: the first warms both sides' files alike (see the module).
    records = list(generate(rounds + 2, seed=stamp % 1000))
    for i, record in enumerate(records[:-1]):
        append, insert = _commands(folder, archive, plain, i, stamp, record)
        appended, inserted = _process_seconds(append), _process_seconds(insert)
        if not i:
            continue
        ours.append(appended)
        theirs.append(inserted)
        help_ours.append(_process_seconds([timeline, "--help"]))
        help_theirs.append(_process_seconds([sqlite_utils, "--help"]))
    if counted:
        append, insert = _commands(folder, archive, plain, len(records), stamp, records[-1])
        counts = instructions(append), instructions(insert)
    shutil.rmtree(folder, ignore_errors=True)
    results = _results(n, rounds, ours, theirs, help_ours, help_theirs)
    return results + (_counted(n, *counts) if counted else [])


def _results(
    n: int,
    rounds: int,
    ours: list[tuple[float, float]],
    theirs: list[tuple[float, float]],
    help_ours: list[tuple[float, float]],
    help_theirs: list[tuple[float, float]],
) -> list[Result]:
    (figure, cpu), (baseline, cpu_baseline) = _medians(ours), _medians(theirs)
    (helps, helps_cpu), (helps_baseline, helps_cpu_baseline) = (
        _medians(help_ours),
        _medians(help_theirs),
    )
    return [
        Result(
            "`timeline append` of one record (process)", n, figure, "s",
            "`sqlite-utils insert` of one row (process)", baseline,
            f"within {TARGET:g}x", figure / baseline <= TARGET,
            note=f"median of {rounds} rounds; the append includes the incremental build; the "
            "insert goes into a copy of the archive's timeline.db; both with their bytecode "
            f"compiled, as pip installs them; CPU time {cpu:.3f} s against {cpu_baseline:.3f} s, "
            f"{cpu / cpu_baseline:.2f}x",
        ),
        Result(
            "`timeline --help` (process)", n, helps, "s",
            "`sqlite-utils --help` (process)", helps_baseline,
            f"within {HELP_TARGET:g}x", helps / helps_baseline <= HELP_TARGET,
            note=f"median of {rounds} rounds, bytecode compiled; CPU time {helps_cpu:.3f} s "
            f"against {helps_cpu_baseline:.3f} s, {helps_cpu / helps_cpu_baseline:.2f}x",
        ),
    ]  # fmt: skip


def _counted(n: int, ours: int, theirs: int) -> list[Result]:
    return [
        Result(
            "`timeline append` of one record (instructions)", n, ours, "instructions",
            "`sqlite-utils insert` of one row (instructions)", theirs,
            "— (what the process computes, at any load)", None,
            note="callgrind, one run of each after the timed rounds, string hashing seeded; "
            "leaves out waiting on the disk, which the wall time has",
        )
    ]  # fmt: skip
