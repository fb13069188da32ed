"""The layout's rules (docs/architecture.md): import contracts checked by import-linter, and a
Datasette process that loads no event store.

The contracts live in pyproject.toml ([tool.importlinter]); a broken one fails here with
`lint-imports`'s report, which names the offending import."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

from tests.helpers import ROOT, modules_loaded_by

CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
# What timeline.web may import of timeline (besides itself).
WEB_MAY_IMPORT = {
    "timeline",
    "timeline.errors",
    "timeline.text",
    "timeline.projection.schema",
    # The clean copy people download: pure SQLite over the schema.
    "timeline.projection.clean_copy",
    "timeline.projection.counts",
    "timeline.projection.country_facets",  # a country's facet counts: SQL over counts' columns
    "timeline.projection.collection_counts",  # the collections' counting triggers: SQL only
    "timeline.projection.office_schema",  # the office tables, part of the schema
}
ENTRY_POINT_NAMES = {
    "timeline",
    "timeline_feeds",
    "timeline_canned",
    "timeline_facets",
    "timeline_labels",
    "timeline_pages",
    "timeline_parameters",
    "timeline_reopen",
    "timeline_safety",
    "timeline_search",
}


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` run in `root` (its pyproject.toml, its packages first on the path)."""
    return subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()",
         "--no-cache", "--no-logo"],
        cwd=root, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def modules(package: str) -> list[str]:
    """Every module of a package of this repository, by its dotted name."""
    found = []
    for path in sorted((ROOT / package.replace(".", "/")).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_every_import_contract_is_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_broken_contract_fails_and_names_the_offending_import(tmp_path: Path) -> None:
    """A copy of the code where a web plugin imports the Archive: lint-imports exits non-zero
    and its report names both the rule and the import."""
    ignore = shutil.ignore_patterns("__pycache__", "data")
    for package in ("events", "timeline"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    labels = tmp_path / "timeline" / "web" / "labels.py"
    labels.write_text(
        labels.read_text() + "\nfrom timeline.store.application import Archive  # noqa\n"
    )
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "timeline.web imports only events" in result.stdout
    assert "BROKEN" in result.stdout
    assert "timeline.web.labels -> timeline.store.application" in result.stdout


def test_the_web_contract_names_every_module_web_may_not_import() -> None:
    """A module added to timeline is either one web may import or named in the web contract,
    so a new module cannot slip past the rule by being new."""
    contract = next(c for c in CONTRACTS["contracts"] if c["id"] == "web-reads-the-projection")
    forbidden = contract["forbidden_modules"]
    unplaced = [
        name
        for name in modules("timeline")
        if not name.startswith("timeline.web")
        and name not in WEB_MAY_IMPORT
        and not any(name == f or name.startswith(f + ".") for f in forbidden)
        and not any(f.startswith(name + ".") for f in forbidden)  # a package split in the list
    ]
    assert unplaced == [], f"add to the web contract or to WEB_MAY_IMPORT: {unplaced}"


def test_the_plugins_load_without_the_event_store() -> None:
    """Every Datasette entry point of the package loads, and together they import neither
    eventsourcing nor the store: a plain `datasette timeline.db` never pays for them."""
    ours = [ep for ep in entry_points(group="datasette") if ep.value.startswith("timeline.")]
    assert {ep.name for ep in ours} == ENTRY_POINT_NAMES
    code = (
        "import sys\n"
        f"for name in {sorted(ep.value for ep in ours)!r}: __import__(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'eventsourcing'"
        " or m.startswith(('timeline.store', 'timeline.projection.projector'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_import_timeline_web_loads_no_eventsourcing() -> None:
    """As `python -X importtime -c "import timeline.web"` shows it: every module imported is
    listed on stderr, and none is eventsourcing's."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import timeline.web, timeline.web.pages"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()[1:]]
    assert "timeline.web.pages.drawing" in imported  # the listing is what it seems
    assert [m for m in imported if m.split(".")[0] == "eventsourcing"] == []


def test_the_public_api_is_loaded_lazily_and_whole() -> None:
    """`import timeline` loads nothing but the package; every name of `__all__` resolves (to an
    object, not a submodule), and so does every name of `events`."""
    code = (
        "import sys, timeline, events\n"
        "assert not [m for m in sys.modules if m.startswith(('timeline.', 'events.', "
        "'eventsourcing'))], sorted(sys.modules)\n"
        "import timeline.integrity\n"  # a submodule named like an API function: still the function
        "for name in timeline.__all__: assert not isinstance(getattr(timeline, name), "
        "type(sys)), name\n"
        "for name in events.__all__: getattr(events, name)\n"
        "print(len(timeline.__all__), len(events.__all__))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["34", "24"]


HEAVY = ("pydantic", "eventsourcing", "sqlite_utils", "datasette", "yaml", "timeline.extract")


def test_timeline_help_loads_click_and_the_command_names_only() -> None:
    """`timeline --help` lists every command, the extractor's too, without importing any of what
    they run: no pydantic model, no store, no projection, no extractor."""
    loaded, _ = modules_loaded_by("--help")
    assert "click.core" in loaded  # the listing is what it seems
    assert sorted(m for m in loaded if m.split(".")[0] in HEAVY or m.startswith(HEAVY)) == []


def test_timeline_topics_loads_no_store_and_no_projection() -> None:
    loaded, _ = modules_loaded_by("topics")
    assert "events.vocabulary" in loaded
    assert sorted(m for m in loaded if m.startswith(HEAVY)) == []
