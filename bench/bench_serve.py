"""`timeline serve` against plain `datasette serve` of the same timeline.db, with the same
metadata and settings: seconds from starting the process to its first answer
(`/-/versions.json`, 200). The difference is what `timeline serve` adds to Datasette's own start
(asking whether timeline.db needs a build; opening the archive and building only when it does);
the target is at most 1 s more.

Each round starts each server once, in turns, on a free port; the figures are the medians."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.bench_cli import _command, compiled
from bench.common import Result, env, median

ALLOWANCE = 1.0
# A server that has not answered in this long is reported as an error, not waited for.
PATIENCE = 120.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=5) as r:
            return bool(r.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def started(args: list[str], port: int) -> float:
    """Seconds from starting `args` (a server on `port`) to its first answer; then stopped."""
    begun = time.perf_counter()
    process = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env(), text=True
    )
    try:
        while not _answers(port):
            if process.poll() is not None:
                raise RuntimeError(f"{args[0]} ended before answering: {process.stderr.read()}")
            if time.perf_counter() - begun > PATIENCE:
                raise RuntimeError(f"{args[0]}: no answer in {PATIENCE:.0f} s")
            time.sleep(0.01)
        return time.perf_counter() - begun
    finally:
        process.terminate()
        process.wait(timeout=30)


def run(archive_dir: Path, n: int, rounds: int = 5) -> list[Result]:
    """`timeline serve --archive DIR` against `datasette serve DIR/timeline.db` with the same
    metadata file and settings, `rounds` times each, in turns."""
    from timeline.web.serve import datasette_args, metadata_path

    compiled()
    timeline, datasette = _command("timeline"), _command("datasette")
    metadata = metadata_path()
    ours, theirs = [], []
    for _ in range(rounds):
        port = _free_port()
        ours.append(
            started([timeline, "serve", "--archive", str(archive_dir), "--port", str(port)], port)
        )
        port = _free_port()
        plain = datasette_args(archive_dir / "timeline.db", metadata, "127.0.0.1", port)
        theirs.append(started([datasette, *plain], port))
    figure, baseline = median(ours), median(theirs)
    return [
        Result(
            "`timeline serve` start, to its first answer (process)", n, figure, "s",
            "`datasette serve` of the same timeline.db, metadata and settings", baseline,
            f"<= Datasette's own + {ALLOWANCE:g} s", figure - baseline <= ALLOWANCE,
            note=f"median of {rounds} rounds; {figure - baseline:+.2f} s against Datasette's "
            "own start; first answer of /-/versions.json",
        ),
    ]  # fmt: skip
