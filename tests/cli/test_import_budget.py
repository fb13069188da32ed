"""What a command loads is what it runs (issue 14: a person waits for each process to start).
Each command runs in a fresh interpreter and reports `sys.modules` as it ends; the checks are on
modules, never on times."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import make_record, modules_loaded_by, visit_record

# Never needed to record a record file and build timeline.db: the web layer and Datasette, the
# extractor, the reviewer, the exports, the integrity check, what only a wrong input needs, and
# the reader of office records and decisions about people (a file that holds none).
NOT_FOR_APPEND = (
    "timeline.inputs.offices",
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


def test_appending_to_a_built_archive_loads_no_office_models_nor_sqlite_utils(
    tmp_path: Path,
) -> None:
    """The first build writes the shipped registry of offices (and validates it) and makes the
    tables with sqlite-utils; a later append of engagements decodes no office event, reads the
    registry from timeline.db, and its incremental build runs plain statements."""
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    first.write_text(json.dumps(make_record(part_of=None)), encoding="utf-8")
    second.write_text(json.dumps(visit_record()), encoding="utf-8")
    archive = str(tmp_path / "a")
    loaded, _ = modules_loaded_by("append", str(first), "--archive", archive, cwd=tmp_path)
    assert "events.offices" in loaded  # the shipped registry, validated as it is written
    assert "sqlite_utils" in loaded
    loaded, out = modules_loaded_by("append", str(second), "--archive", archive, cwd=tmp_path)
    assert "recorded   vn-us-visit-2025" in out
    assert "timeline.db updated: 1 events projected" in out
    assert "timeline.projection.offices" in loaded
    models = ("events.offices", "events.persons", "timeline.inputs.offices", "sqlite_utils")
    assert sorted(m for m in loaded if m.startswith(models)) == []


def test_timeline_help_does_not_load_what_a_dry_run_needs(tmp_path: Path) -> None:
    """tempfile (and the random numbers it imports) makes a dry run's scratch folder only."""
    loaded, out = modules_loaded_by("--help", cwd=tmp_path)
    assert "append" in out
    assert "timeline.dry_run" in loaded  # its option is declared, its work is not loaded
    assert sorted(m for m in loaded if m.split(".")[0] in ("tempfile", "random")) == []
