"""`timeline import NAME SOURCE` runs any registered importer: one registered here through the
registry's API (tests/importers/fake_importer.py) is listed, run, and reported like any other."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import timeline
from tests.helpers import Backend
from timeline.cli import cli
from timeline.importers import IMPORTERS

FAKE = "tests.importers.fake_importer"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="timeline")


@pytest.fixture
def fake() -> Iterator[str]:
    timeline.register_importer("fake", FAKE)
    try:
        yield "fake"
    finally:
        timeline.unregister_importer("fake")


@pytest.fixture
def visits(tmp_path: Path) -> Path:
    path = tmp_path / "visits.txt"
    path.write_text(
        "2025-09-04 Vietnamese delegation visits\nsoon Someone visits\n2025-10-01 Another visit\n",
        encoding="utf-8",
    )
    return path


def engagements(archive: Path) -> list[str]:
    with sqlite3.connect(archive / "timeline.db") as db:
        return [slug for (slug,) in db.execute("select slug from engagements order by slug")]


def test_a_registered_importer_is_run_and_reported_like_any_other(
    fake: str, visits: Path, archive_dir: Path, backend: Backend
) -> None:
    result = run("import", fake, str(visits), "--archive", str(archive_dir))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"skipped    {visits}: record 2: 'soon' is not a date",
        "3 read, 2 recorded, 0 unchanged, 0 corroborated, 0 merged duplicates, 1 skipped",
        "timeline.db rebuilt: 2 events projected, 2 engagements, position 2",
    ]
    assert engagements(archive_dir) == ["vn-us-visit-2025-09-04", "vn-us-visit-2025-10-01"]
    again = run("import", fake, str(visits), "--archive", str(archive_dir))
    assert "3 read, 0 recorded, 2 unchanged, 0 corroborated" in again.output
    assert len(backend.stored(archive_dir)) == 2


def test_the_python_api_reads_what_the_command_records(
    fake: str, visits: Path, archive_dir: Path, backend: Backend
) -> None:
    batch = timeline.importer(fake).read(visits)
    assert isinstance(batch, timeline.Batch)
    run("import", fake, str(visits), "--archive", str(archive_dir))
    assert [r.slug for r in batch.records] == engagements(archive_dir)
    assert timeline.Archive(archive_dir).get(batch.records[0].slug).facts == batch.records[0]


def test_an_importers_own_option_reaches_its_read(
    fake: str, visits: Path, archive_dir: Path
) -> None:
    result = run("import", fake, str(visits), "--host", "AU", "--archive", str(archive_dir))
    assert result.exit_code == 0, result.output
    assert engagements(archive_dir) == ["vn-au-visit-2025-09-04", "vn-au-visit-2025-10-01"]


def test_import_help_lists_every_registered_importer_with_its_line(fake: str) -> None:
    listing = run("import", "--help")
    assert listing.exit_code == 0
    importers = listing.output.split("Importers:\n", 1)[1]
    assert [line.split()[0] for line in importers.splitlines() if line[2:3].strip()] == [*IMPORTERS]
    assert "fake            Visits listed one a line in a text file (a test's importer)." in (
        importers
    )
    own = run("import", fake, "--help")
    assert own.output.startswith("Usage: timeline import fake [OPTIONS] FILE\n")
    assert "A line that is not `YYYY-MM-DD Title` is skipped." in own.output
    assert "--host TEXT" in own.output and "--no-build" in own.output


def test_an_unknown_importer_is_one_line_naming_the_known_ones(
    fake: str, visits: Path, archive_dir: Path
) -> None:
    result = run("import", "nope", str(visits), "--archive", str(archive_dir))
    assert result.exit_code == 1
    assert result.output == (
        "Error: import 'nope': no such importer (the importers: historyatstate, fake)\n"
    )
    assert not archive_dir.exists()


def test_an_importer_that_meets_a_conflict_names_its_record_and_writes_nothing(
    fake: str, visits: Path, archive_dir: Path, backend: Backend
) -> None:
    run("import", fake, str(visits), "--archive", str(archive_dir))
    visits.write_text("2025-09-04 Renamed visit\n2025-12-01 A new one\n", encoding="utf-8")
    result = run("import", fake, str(visits), "--archive", str(archive_dir))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {visits}: record 1: vn-us-visit-2025-09-04: ")
    assert result.output.count("\n") == 1
    assert len(backend.stored(archive_dir)) == 2


def test_a_name_is_registered_once(fake: str) -> None:
    timeline.register_importer(fake, FAKE)  # the same module again: nothing changes
    with pytest.raises(ValueError, match="importer 'fake' is already registered"):
        timeline.register_importer(fake, "timeline.importers.historyatstate")
    assert timeline.importer_names() == ["historyatstate", "fake"]


def test_an_unregistered_importer_is_unknown_again(fake: str) -> None:
    timeline.unregister_importer(fake)
    with pytest.raises(timeline.TimelineError, match=r"the importers: historyatstate\)"):
        timeline.importer(fake)
