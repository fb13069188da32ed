"""docs/benchmarks.md's results, rendered from the JSON of the last runs: the files of
bench/results/ (`python -m bench N --json bench/results/N.json`), one section a file, with the
command, when, the machine and its load, then the table `python -m bench` printed.

Rendered by a cog block of docs/benchmarks.md (`cog -r docs/benchmarks.md`); tests/test_docs.py
fails while the page differs from the files, so no figure on it is typed by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.common import ROOT, Result
from bench.run import table

RESULTS = ROOT / "bench" / "results"
FIELDS = ("benchmark", "n", "figure", "unit", "baseline_name", "baseline", "target", "met", "note")


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def machine(report: dict[str, Any]) -> str:
    """`Python 3.11.7, 2 CPUs (…), load average 6.1, 7.0, 7.2 at the start and … at the end`."""
    m = report["machine"]
    parts = [
        f"Python {m['python']}",
        f"{m['cpus']} CPUs" + (f" ({m['cpu']})" if m.get("cpu") else ""),
    ]
    if m.get("platform"):
        parts.append(m["platform"])
    loads = [
        f"{', '.join(map(str, m[k]))} {w}"
        for k, w in (("load_start", "at the start"), ("load", "at the end"))
        if m.get(k)
    ]
    if loads:
        parts.append("load average (1, 5, 15 min) " + " and ".join(loads))
    return "; ".join(parts)


def section(report: dict[str, Any]) -> str:
    results = [Result(**{k: r[k] for k in FIELDS}) for r in report["results"]]
    n = max((r.n for r in results), default=0)
    return "\n".join([
        f"### {n:,} engagements",
        "",
        f"`{report['command']}`, {report['when']}"
        + (f", commit {report['commit']}" if report.get("commit") else "")
        + (
            f", {report['seconds']:,} s in all."
            if report.get("complete", True)
            else f"; it stopped after {report['seconds']:,} s, before the benchmarks that are "
            "not in the table below ran (each benchmark's results are written as it ends)."
        ),
        f"Machine: {machine(report)}.",
        "",
        table(results),
        "",
    ])  # fmt: skip


def markdown(folder: Path = RESULTS) -> str:
    """Every results file of `folder`, the smallest N first."""
    reports = [load(p) for p in sorted(folder.glob("*.json"))]
    reports.sort(key=lambda r: max((x["n"] for x in r["results"]), default=0))
    if not reports:
        return "No results yet: run `python -m bench N --json bench/results/N.json`.\n"
    return "\n".join(section(r) for r in reports)
