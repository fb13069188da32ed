"""Benchmark: `timeline import historyatstate` of the Office of the Historian's data, against
`timeline append` of the same engagements from an NDJSON record file (the baseline: the same
store and projection writes, without reading the XML). Both as whole processes, alternated, in
fresh archives; prints the median seconds of each and their ratio.

    python bench/import_historyatstate.py [DIR] [--repeat 3]

DIR defaults to ../shared/external/historyatstate beside the repository."""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timeline import Archive, build
from timeline.importers import historyatstate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "external" / "historyatstate"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def in_process(folder: str, archive_folder: Path) -> list[tuple[str, float]]:
    """Where an import's time goes: reading the XML, appending to the store, building."""
    marks = [time.perf_counter()]
    batch = historyatstate.read(folder)
    marks.append(time.perf_counter())
    archive = Archive(archive_folder)
    archive.append(batch.records)
    marks.append(time.perf_counter())
    build(archive)
    marks.append(time.perf_counter())
    names = ["read", "append", "build"]
    return [(n, marks[i + 1] - marks[i]) for i, n in enumerate(names)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    timeline = [sys.executable, "-m", "timeline.cli"]
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        batch = historyatstate.read(args.folder)
        records = work / "records.ndjson"
        records.write_text(
            "\n".join(json.dumps(r.model_dump(mode="json")) for r in batch.records) + "\n"
        )
        runs: dict[str, list[float]] = {"import": [], "append": []}
        for i in range(args.repeat):
            for name, command in (
                ("import", [*timeline, "import", "historyatstate", args.folder]),
                ("append", [*timeline, "append", str(records)]),
            ):
                archive = work / f"{name}-{i}"
                runs[name].append(timed([*command, "--archive", str(archive)]))
                shutil.rmtree(archive)
        phases = in_process(args.folder, work / "phases")
    imported, appended = (statistics.median(runs[k]) for k in ("import", "append"))
    print(f"engagements: {len(batch.records)} (from {batch.read} records)")
    for name, label in (
        ("import", "import historyatstate"),
        ("append", "append NDJSON (baseline)"),
    ):
        each = ", ".join(f"{t:.2f}" for t in runs[name])
        print(f"{label}: median {statistics.median(runs[name]):.2f} s of {args.repeat} ({each})")
    print(f"ratio import / append: {imported / appended:.2f}")
    print("phases of one import, in process: " + ", ".join(f"{k} {v:.2f} s" for k, v in phases))


if __name__ == "__main__":
    main()
