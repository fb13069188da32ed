"""`timeline append` of one record as a whole process (start-up, validation, the store, the
incremental build) against `sqlite-utils insert` of one row, as a whole process too.

Each round runs both once, in turns; the figure is the median of the rounds."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.common import Result, env, median
from bench.generate import generate
from events import Engagement
from timeline.projection.rows import engagement_rows

TARGET = 2.0


def _command(name: str) -> str:
    """The console script installed beside this interpreter, else the one on PATH."""
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name}: not installed (pip install -e '.[test]')")
    return found


def _process_seconds(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env())
    return time.perf_counter() - started


def run(archive_dir: Path, n: int, workdir: Path, rounds: int = 7) -> list[Result]:
    """Append `rounds` new records to the archive in `archive_dir`, one process each."""
    folder = workdir / "cli"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    timeline, sqlite_utils = _command("timeline"), _command("sqlite-utils")
    plain = folder / "plain.db"
    ours, theirs = [], []
    stamp = time.time_ns()
    for i, record in enumerate(generate(rounds, seed=stamp % 1000)):
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
        append = [timeline, "append", str(record_file), "--archive", str(archive_dir)]
        insert = [sqlite_utils, "insert", str(plain), "engagements", str(row_file), "--pk", "slug"]
        ours.append(_process_seconds(append))
        theirs.append(_process_seconds(insert))
    shutil.rmtree(folder, ignore_errors=True)
    figure, baseline = median(ours), median(theirs)
    return [
        Result(
            "`timeline append` of one record (process)", n, figure, "s",
            "`sqlite-utils insert` of one row (process)", baseline,
            f"within {TARGET:g}x", figure / baseline <= TARGET,
            note=f"median of {rounds} rounds; the append includes the incremental build",
        )
    ]  # fmt: skip
