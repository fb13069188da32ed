"""What a command loads is what it runs (issue 14: a person waits for each process to start).
Each command runs in a fresh interpreter and reports `sys.modules` as it ends; the checks are on
modules, never on times."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import make_record, modules_loaded_by

# Never needed to record a record file and build timeline.db: the web layer and Datasette, the
# extractor, the reviewer, the exports, the integrity check, and what only a wrong input needs.
NOT_FOR_APPEND = (
    "datasette",
    "jinja2",
    "httpx",
    "timeline.web",
    "timeline.extract",
    "timeline.review",
    "timeline.exports",
    "timeline.integrity",
    "events.country_resolver",
    "difflib",
)


def test_timeline_append_loads_no_web_extractor_or_error_reporting_modules(
    tmp_path: Path,
) -> None:
    record = tmp_path / "one.json"
    record.write_text(json.dumps(make_record(part_of=None)), encoding="utf-8")
    loaded, out = modules_loaded_by(
        "append", str(record), "--archive", str(tmp_path / "a"), cwd=tmp_path
    )
    assert "recorded   vn-us-security-dialogue-2" in out
    # The listing is what it seems: the record was validated, stored and projected.
    assert {"events.facts", "timeline.store.application", "timeline.projection.build"} <= loaded
    assert sorted(m for m in loaded if m.startswith(NOT_FOR_APPEND)) == []


def test_timeline_help_does_not_load_what_a_dry_run_needs(tmp_path: Path) -> None:
    """tempfile (and the random numbers it imports) makes a dry run's scratch folder only."""
    loaded, out = modules_loaded_by("--help", cwd=tmp_path)
    assert "append" in out
    assert "timeline.dry_run" in loaded  # its option is declared, its work is not loaded
    assert sorted(m for m in loaded if m.split(".")[0] in ("tempfile", "random")) == []
