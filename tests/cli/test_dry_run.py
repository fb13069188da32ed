"""`timeline append --dry-run` and `timeline import NAME SOURCE --dry-run`: every record checked
against the real archive, a report of what would be recorded (new, already recorded,
corroborating, duplicate), and nothing written: the archive's files are byte for byte the same
after, and an archive that does not exist yet is not made."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from tests.helpers import Backend, make_record, visit_record
from timeline.cli import cli
from timeline.store.application import Archive

DIALOGUE = "vn-us-security-dialogue-2"
SECOND_SOURCE = {
    "document": "embassy-release",
    "publisher": "US Embassy Hanoi",
    "url": "https://example.org/embassy/1",
    "published": "2025-09-07",
    "language": "en",
    "quote": "Australia attended the dialogue.",
    "start": 0,
    "end": 32,
}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def write(path: Path, *records: dict[str, Any]) -> str:
    path.write_text(yaml.safe_dump_all(records, allow_unicode=True), encoding="utf-8")
    return str(path)


def files(folder: Path) -> dict[str, bytes]:
    """Every file under the archive folder, by name, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def stored_events(folder: Path) -> list[tuple[str, int]]:
    archive = Archive(folder)
    try:
        notifications = archive.recorder.select_notifications(start=0, limit=1000)
        return [(n.topic, n.originator_version) for n in notifications]
    finally:
        archive.close()


@pytest.fixture
def recorded(tmp_path: Path, archive_dir: Path, backend: Backend) -> Path:
    result = run("append", write(tmp_path / "r.yaml", make_record(), visit_record()),
                 "--archive", str(archive_dir))  # fmt: skip
    assert result.exit_code == 0, result.output
    return archive_dir


def test_a_dry_run_reports_new_unchanged_and_corroborating_and_writes_nothing(
    tmp_path: Path, recorded: Path
) -> None:
    evidence = {"field": "date", "document": "embassy-release", "quote": "Australia",
                "start": 0, "end": 9}  # fmt: skip
    path = write(
        tmp_path / "batch.yaml",
        make_record(sources=[SECOND_SOURCE], evidence=[evidence]),  # corroborates the dialogue
        visit_record(),  # as recorded
        visit_record(slug="vn-au-visit-2026", guests=["AU"], title="Another visit"),
    )
    before, events = files(recorded), stored_events(recorded)
    result = run("append", path, "--dry-run", "--archive", str(recorded))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "new        vn-au-visit-2026",
        f"corroborating {DIALOGUE} (new source: embassy-release)",
        "unchanged  vn-us-visit-2025 (already recorded as it is)",
        "dry run: 1 new, 1 already recorded, 1 corroborating, 0 duplicates; nothing was written",
    ]
    assert files(recorded) == before
    assert stored_events(recorded) == events
    real = run("append", path, "--archive", str(recorded))  # what the dry run said it would do
    assert "recorded   vn-au-visit-2026" in real.output
    assert f"corroborated {DIALOGUE} (new source: embassy-release)" in real.output


def test_a_dry_run_names_every_duplicate_and_exits_1_as_the_append_would_refuse(
    tmp_path: Path, recorded: Path
) -> None:
    path = write(
        tmp_path / "dups.yaml",
        make_record(slug="vn-us-dialogue-ii", title="Second US–VN dialogue"),
        visit_record(slug="visit-again"),
    )
    before = files(recorded)
    result = run("append", path, "--dry-run", "--archive", str(recorded))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"duplicate  vn-us-dialogue-ii (the archive already has it as {DIALOGUE}: "
        "same series and session)",
        "duplicate  visit-again (the archive already has it as vn-us-visit-2025: same kind, "
        "dates, countries and title)",
        "dry run: 0 new, 0 already recorded, 0 corroborating, 2 duplicates; nothing was written",
    ]
    assert result.stderr.strip().splitlines() == [
        "Error: dry run: the append would be refused: 2 new slugs for engagements already "
        "recorded (listed above; record the document under the recorded slug, or "
        "--allow-duplicates if they differ)"
    ]
    assert files(recorded) == before
    allowed = run("append", path, "--dry-run", "--allow-duplicates", "--archive", str(recorded))
    assert allowed.exit_code == 0, allowed.output
    assert allowed.stdout.splitlines()[-1] == (
        "dry run: 2 new, 0 already recorded, 0 corroborating, 2 duplicates; nothing was written"
    )
    assert files(recorded) == before


def test_a_dry_run_refuses_a_bad_record_as_the_append_does(tmp_path: Path, recorded: Path) -> None:
    path = write(tmp_path / "bad.yaml", make_record(slug="new-one", kind="summit"))
    before = files(recorded)
    dry = run("append", path, "--dry-run", "--archive", str(recorded))
    real = run("append", path, "--archive", str(recorded))
    assert dry.exit_code == real.exit_code == 1
    assert dry.stderr == real.stderr and len(dry.stderr.strip().splitlines()) == 1
    assert dry.stdout == ""
    assert files(recorded) == before


def test_a_dry_run_against_an_archive_not_made_yet_makes_nothing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "not-yet"
    path = write(tmp_path / "r.yaml", make_record(), visit_record())
    result = run("append", path, "--dry-run", "--archive", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "dry run: 2 new, 0 already recorded, 0 corroborating, 0 duplicates; nothing was written"
    )
    assert not folder.exists()
    twins = write(tmp_path / "twins.yaml", visit_record(), visit_record(slug="visit-twin"))
    refused = run("append", twins, "--dry-run", "--archive", str(folder))
    assert refused.exit_code == 1
    assert "duplicate  visit-twin (the archive already has it as vn-us-visit-2025" in (
        refused.stdout
    )
    assert not folder.exists()


def test_an_import_dry_run_counts_what_it_would_record_and_writes_nothing(
    tmp_path: Path, recorded: Path
) -> None:
    import timeline

    visits = tmp_path / "visits.txt"
    visits.write_text("2025-10-01 Another visit\nsoon Someone visits\n", encoding="utf-8")
    before = files(recorded)
    timeline.register_importer("fake", "tests.importers.fake_importer")
    try:
        result = run("import", "fake", str(visits), "--dry-run", "--archive", str(recorded))
    finally:
        timeline.unregister_importer("fake")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"skipped    {visits}: record 2: 'soon' is not a date",
        "dry run: 2 read, 1 new, 0 already recorded, 0 corroborating, 0 duplicates, 1 skipped; "
        "nothing was written",
    ]
    assert files(recorded) == before
