"""`timeline serve` asks the two SQLite files whether timeline.db needs a build before it opens
the archive (timeline.projection.freshness): it says no only when a build would have nothing to
do, and yes whenever it cannot tell. Real archives, built and appended to by the real commands."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.helpers import make_record, serving, visit_record
from timeline.cli import cli
from timeline.projection import freshness
from timeline.projection.freshness import needs_no_build
from timeline.store.application import Archive
from timeline.store.head import sqlite_head


def run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


def append(folder: Path, record: dict, *flags: str) -> None:
    path = folder.parent / f"{record['slug']}.yaml"
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    run("append", str(path), "--archive", str(folder), *flags)


@pytest.fixture
def built(archive_dir: Path) -> Path:
    append(archive_dir, make_record(part_of=None))
    return archive_dir


def test_a_timeline_db_just_built_needs_no_build(built: Path) -> None:
    assert needs_no_build(built)


def test_the_head_read_with_sqlite3_is_the_store_s_own(built: Path) -> None:
    append(built, visit_record(), "--no-build")
    archive = Archive(built)
    try:
        assert sqlite_head(built) == archive.recorder.max_notification_id() == 2
    finally:
        archive.close()


def test_an_event_not_yet_projected_needs_a_build(built: Path) -> None:
    append(built, visit_record(), "--no-build")
    assert not needs_no_build(built)
    run("build", "--archive", str(built))
    assert needs_no_build(built)


def test_no_store_or_no_timeline_db_needs_a_build(tmp_path: Path, built: Path) -> None:
    assert not needs_no_build(tmp_path / "nothing-here")
    (built / "timeline.db").unlink()
    assert not needs_no_build(built)


def test_a_journal_or_a_temporary_file_left_by_a_build_needs_a_build(built: Path) -> None:
    journal = built / "timeline.db-journal"
    journal.write_bytes(b"")
    assert not needs_no_build(built)
    journal.unlink()
    (built / ".timeline.db.999999.new").write_bytes(b"")
    assert not needs_no_build(built)


def test_a_timeline_db_of_an_older_schema_needs_a_build(built: Path) -> None:
    with closing(sqlite3.connect(built / "timeline.db")) as db:
        db.execute("drop table kinds")
        db.commit()
    assert not needs_no_build(built)


def test_code_newer_than_timeline_db_needs_a_build(
    tmp_path: Path, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new version may write other vocabularies or registry rows: a build writes them."""
    source = tmp_path / "vocabulary.py"
    source.write_text("# a new version\n", encoding="utf-8")
    monkeypatch.setattr(freshness, "SOURCES", (source,))
    built_at = (built / "timeline.db").stat().st_mtime
    os.utime(source, (built_at - 60, built_at - 60))
    assert needs_no_build(built)  # code older than the build...
    os.utime(source, (built_at + 60, built_at + 60))
    assert not needs_no_build(built)  # ...and newer: serve goes to the build


def test_serve_of_a_built_archive_loads_neither_the_store_nor_pydantic(built: Path) -> None:
    """`timeline serve` up to the moment it hands over to Datasette (stopped there)."""
    code = (
        "import sys\n"
        "import datasette.cli\n"
        "def stop(*args, **kwargs):\n"
        "    print(*sorted(sys.modules), file=sys.stderr)\n"
        "    raise SystemExit(0)\n"
        "datasette.cli.cli.main = stop\n"
        "from timeline.cli import main\n"
        f"sys.argv = ['timeline', 'serve', '--archive', {str(built)!r}, '--port', '0']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = set(result.stderr.split())
    assert "timeline.projection.freshness" in loaded  # it asked
    assert sorted(m for m in loaded if m.startswith(("eventsourcing", "pydantic"))) == []
    assert sorted(m for m in loaded if m.startswith("timeline.store.application")) == []


def test_serve_projects_events_stored_without_a_build(tmp_path: Path, built: Path) -> None:
    append(built, visit_record(), "--no-build")
    with serving(built, tmp_path) as address:
        import httpx

        page = httpx.get(f"{address}/timeline/engagements.json?_shape=array&slug=vn-us-visit-2025")
    assert [row["slug"] for row in page.json()] == ["vn-us-visit-2025"]
