"""What every benchmark shares: a result with its baseline and target, timers, child processes."""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    """One figure measured side by side with its baseline in the same run.

    `ratio` is figure / baseline for times and memory (lower is better), baseline / figure for
    rates, so a ratio of 2.0 always reads "2x worse than the baseline"."""

    benchmark: str
    n: int
    figure: float
    unit: str
    baseline_name: str
    baseline: float | None
    target: str
    met: bool | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0) or self.figure == 0:
            return None
        if self.unit.endswith("/s"):
            return self.baseline / self.figure
        return self.figure / self.baseline

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"ratio": self.ratio}


def timed(fn: Callable[[], Any]) -> float:
    """Seconds one call of `fn` takes, collected garbage first so earlier runs do not bill it."""
    gc.collect()
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def timed_cpu(fn: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process's) of one call of `fn`. On a shared machine the
    CPU time leaves out the time spent waiting for a core, so it is the steadier of the two."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def best_of(repeat: int, fn: Callable[[], Any]) -> float:
    """The fastest of `repeat` calls: on a shared machine the minimum is the least noisy."""
    return min(timed(fn) for _ in range(repeat))


def compare(repeat: int, contenders: dict[str, Callable[[], Any]]) -> dict[str, float]:
    """The fastest of `repeat` calls of each contender, taking turns, so that a busy spell on the
    shared machine weighs on all of them alike."""
    best = {name: float("inf") for name in contenders}
    for _ in range(repeat):
        for name, fn in contenders.items():
            best[name] = min(best[name], timed(fn))
    return best


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) with linear interpolation, as numpy's default."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values)


def env() -> dict[str, str]:
    """The environment for child processes: this interpreter's, with the repository importable."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return os.environ | {"PYTHONPATH": path}


def run_child(code: str, *args: str) -> dict[str, Any]:
    """Run Python `code` in a fresh interpreter; it prints one JSON object, which is returned."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        capture_output=True,
        text=True,
        env=env(),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])
