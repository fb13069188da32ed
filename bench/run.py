"""Run the benchmarks at a chosen N, print a table, and write the results as JSON.

    python -m bench 100000                      # all of them, on a cached generated archive
    python -m bench 10000 --only append,cli     # some
    python -m bench 1000000 --json bench/out/results-1m.json

The archive of N generated engagements is made once under bench/.cache (or pass --archive DIR);
the build, CLI and Datasette benchmarks write to it (a rebuild, and a few appended records)."""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Result

BENCHMARKS = ("append", "build", "cli", "datasette")


def run(
    n: int,
    only: tuple[str, ...] = BENCHMARKS,
    archive: Path | None = None,
    workdir: Path | None = None,
    *,
    repeat: int = 1,
    rounds: int = 30,
    progress: bool = True,
    insert_all: bool = True,
    instructions: bool = False,
    measured: Callable[[list[Result]], None] | None = None,
) -> list[Result]:
    """The results of the chosen benchmarks at N, in the order of BENCHMARKS; `measured` is
    handed the results so far as each benchmark ends (a long run that stops keeps them)."""
    from bench import bench_append, bench_build, bench_cli, bench_datasette, bench_serve
    from bench.generate import cached_archive

    def say(text: str) -> None:
        if progress:
            print(f"[{datetime.now(UTC):%H:%M:%S}] {text}", file=sys.stderr, flush=True)

    def done(new: list[Result], *, added: bool = True) -> None:
        """A benchmark's results (new, or given their baseline), shown and handed on as soon as
        known: a later failure, or a run stopped at a deadline, loses nothing measured."""
        if added:
            results.extend(new)
        if new:
            say("\n" + table(new))
        if measured is not None:
            measured(results)

    scratch = Path(workdir or tempfile.mkdtemp(prefix="timeline-bench-"))
    results: list[Result] = []
    try:
        if "append" in only:
            say(f"bulk append of {n:,}")
            done(bench_append.run(n, scratch, repeat=repeat))
        rows: list[Result] = []
        if {"build", "cli", "datasette"} & set(only):
            if archive is None:
                say(f"archive of {n:,} generated engagements (cached under bench/.cache)")
                done(_generated(n))
                archive = cached_archive(n, build=False)
            if "build" in only or not (archive / "timeline.db").exists():
                say("rebuild, its memory, incremental build")
                rows = bench_build.run(archive, n)
                done(rows)
            if "cli" in only:
                say("timeline append vs sqlite-utils insert, as processes")
                cli = bench_cli.run(archive, n, scratch, min(rounds, 11), counted=instructions)
                done(cli)
                say("timeline serve vs datasette serve, to the first answer")
                done(bench_serve.run(archive, n, rounds=min(rounds, 5)))
            if "build" in only and insert_all:
                # Last of these: at 1M it takes longer than the rebuild (about 13 minutes here).
                say("the rebuild's baseline: insert_all of the same rows")
                bench_build.against_insert_all(rows[0], archive / "timeline.db", scratch)
                done(rows[:1], added=False)
            if "datasette" in only:
                say("Datasette pages")
                done(bench_datasette.run(archive / "timeline.db", n, rounds=rounds))
    finally:
        if workdir is None:
            shutil.rmtree(scratch, ignore_errors=True)
    return results


GENERATE_TARGET_SECONDS_1M = 180.0


def _generated(n: int) -> list[Result]:
    """The time the generator takes to make and record the archive, when it is not cached yet:
    against the issue's target, 1M in 3 minutes (pro rata at other N)."""
    from bench.generate import BATCH, CACHE, cached_archive

    if (CACHE / f"archive-{n}-0" / ".complete").exists():
        return []
    started = time.perf_counter()
    cached_archive(n, build=False)
    seconds = time.perf_counter() - started
    target = GENERATE_TARGET_SECONDS_1M * n / 1_000_000
    return [
        Result(
            "generating and recording an archive (bench/generate.py)", n, n / seconds,
            "engagements/s", "1M in 3 minutes", 1_000_000 / GENERATE_TARGET_SECONDS_1M,
            f"<= {target:,.0f} s at this N", seconds <= target,
            note=f"{seconds:,.1f} s; Archive.append in batches of {BATCH:,}, duplicate check on; "
            "records drawn in a second process",
        )
    ]  # fmt: skip


def _number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value < 10 else f"{value:.1f}"


def table(results: list[Result]) -> str:
    """The results as a Markdown table: N, figure, baseline, ratio, target, met."""
    lines = [
        "| benchmark | N | figure | baseline | ratio | target | met |",
        "|---|---:|---:|---|---:|---|---|",
    ]
    for r in results:
        baseline = f"{r.baseline_name}: {_number(r.baseline)} {r.unit}" if r.baseline else "—"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "—"
        met = {True: "yes", False: "**no**", None: "—"}[r.met]
        lines.append(
            f"| {r.benchmark} | {r.n:,} | {_number(r.figure)} {r.unit} | {baseline} | {ratio} "
            f"| {r.target} | {met} |"
        )
    notes = [f"- {r.benchmark}: {r.note}" for r in results if r.note]
    return "\n".join(lines + (["", *notes] if notes else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000, metavar="N")
    parser.add_argument("--only", default=",".join(BENCHMARKS), help="comma-separated subset")
    parser.add_argument("--archive", type=Path, help="an archive to use instead of a cached one")
    parser.add_argument("--workdir", type=Path, help="scratch folder (kept); default: a temp one")
    parser.add_argument("--json", type=Path, help="write results here (default bench/out/)")
    parser.add_argument("--repeat", type=int, default=1, help="bulk append: best of this many")
    parser.add_argument("--rounds", type=int, default=30, help="Datasette: requests per page")
    parser.add_argument(
        "--skip-insert-all",
        action="store_true",
        help="build: leave out the insert_all baseline (it takes longer than the rebuild)",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="cli: count the instructions of one append and one insert too (valgrind)",
    )
    args = parser.parse_args(argv)
    only = tuple(x.strip() for x in args.only.split(",") if x.strip())
    unknown = sorted(set(only) - set(BENCHMARKS))
    if unknown or args.n < 1:
        parser.error(
            f"--only: no benchmark {unknown[0]!r} (choose from {', '.join(BENCHMARKS)})"
            if unknown
            else "N: give a positive number of engagements"
        )
    started = time.perf_counter()
    load_start = _load()
    commit = _commit()
    command = "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:])
    out = args.json or Path(__file__).resolve().parent / "out" / f"results-{args.n}.json"
    out.parent.mkdir(parents=True, exist_ok=True)

    def write(results: list[Result], *, complete: bool) -> None:
        report = {
            "command": command.strip(),
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": commit,
            "machine": {
                "python": platform.python_version(),
                "platform": platform.platform(terse=True),
                "cpus": _cpus(),
                "cpu": _cpu_model(),
                "load_start": load_start,
                "load": _load(),
            },
            "seconds": round(time.perf_counter() - started, 1),
            "complete": complete,
            "results": [r.as_dict() for r in results],
        }
        out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")

    results = run(
        args.n,
        only,
        args.archive,
        args.workdir,
        repeat=args.repeat,
        rounds=args.rounds,
        insert_all=not args.skip_insert_all,
        instructions=args.instructions,
        measured=lambda so_far: write(so_far, complete=False),
    )
    print(table(results))
    write(results, complete=True)
    print(f"\n{command.strip()}  ->  {out}", file=sys.stderr)
    return 0


def _cpus() -> int | None:
    import os

    return os.cpu_count()


def _commit() -> str | None:
    """The repository's commit at the start, `+changes` when files differ from it."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
    except OSError:
        return None
    return (head + (" +changes" if dirty else "")) or None


def _cpu_model() -> str | None:
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return None
    models = [line.split(":", 1)[1].strip() for line in info.splitlines() if "model name" in line]
    return models[0] if models else None


def _load() -> list[float] | None:
    import os

    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
