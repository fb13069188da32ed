"""`timeline verify` sees what tampering with `timeline.db` does beyond its tables' rows: a
search index that no longer finds a row, an object the projection did not make, and it refuses
an `--expect` that is not a head (issue 12, defect 5)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from events import EngagementFacts
from tests.helpers import make_record, visit_record
from timeline import Archive, build
from timeline.cli import cli
from timeline.integrity import verify


@pytest.fixture
def built(archive_dir: Path) -> Archive:
    archive = Archive(archive_dir)
    archive.append([EngagementFacts.model_validate(r) for r in (visit_record(), make_record())])
    build(archive)
    return archive


def tamper(archive: Archive, *statements: str) -> None:
    db = sqlite3.connect(archive.projection_path)
    for sql in statements:
        db.execute(sql)
    db.commit()
    db.close()


def search(archive: Archive, words: str) -> list[str]:
    db = sqlite3.connect(archive.projection_path)
    try:
        return [row[0] for row in db.execute(
            "select slug from engagements where rowid in "
            "(select rowid from engagements_fts where engagements_fts match ?)", [words])]  # fmt: skip
    finally:
        db.close()


def test_a_row_deleted_from_a_search_index_is_named(built: Archive) -> None:
    assert search(built, "doi thoai") == ["vn-us-security-dialogue-2"]
    # FTS5's own way of deleting one row's entries from an external-content index.
    tamper(built, "insert into engagements_fts(engagements_fts, rowid, title, title_vi, summary, "
           "search_text) select 'delete', rowid, title, title_vi, summary, search_text "
           "from engagements where slug = 'vn-us-security-dialogue-2'")  # fmt: skip
    assert search(built, "doi thoai") == []  # the engagement is hidden from search
    problems = verify(built).problems
    assert problems == [
        f"{built.projection_path}: search index engagements_fts: the entries of engagements row "
        "slug=vn-us-security-dialogue-2 differ from a rebuild (a search would not find it as it "
        "should)"
    ]


def test_an_entry_added_to_a_search_index_is_named(built: Archive) -> None:
    tamper(built, "insert into persons_fts(rowid, name, variants, search_text) "
           "select rowid, 'Someone Else', '[]', 'someone else' from persons limit 1")  # fmt: skip
    [problem] = verify(built).problems
    assert problem.startswith(f"{built.projection_path}: search index persons_fts: the entries "
                              "of persons row id=")  # fmt: skip


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("create view leak as select 1", "view leak"),
        ("create table extra (x)", "table extra"),
        ("create index extra_title on engagements(title)", "index extra_title"),
        ("create trigger spy after insert on engagements begin select 1; end", "trigger spy"),
    ],
)
def test_an_object_the_projection_did_not_make_is_named(
    built: Archive, sql: str, named: str
) -> None:
    tamper(built, sql)
    assert verify(built).problems == [
        f"{built.projection_path}: {named} was not made by the projection "
        "(a rebuild has none; Datasette would publish it)"
    ]


def test_a_changed_trigger_is_named(built: Archive) -> None:
    """A trigger that keeps its name but no longer updates the search index."""
    tamper(built, "drop trigger engagements_ai",
           "create trigger engagements_ai after insert on engagements begin select 1; end")  # fmt: skip
    assert verify(built).problems == [
        f"{built.projection_path}: trigger engagements_ai differs from the one a rebuild makes"
    ]


def test_a_removed_index_is_named(built: Archive) -> None:
    tamper(built, "drop index idx_timeline_engagement")
    assert verify(built).problems == [
        f"{built.projection_path}: index idx_timeline_engagement is missing (a rebuild makes it)"
    ]


def test_an_untampered_archive_verifies_after_incremental_builds(built: Archive) -> None:
    built.correct("vn-us-security-dialogue-2", {"title": "Renamed"}, reason="r")
    build(built)
    assert verify(built).problems == []
    build(built, rebuild=True)
    assert verify(built).problems == []


@pytest.mark.parametrize("expect", ["", " ", "abc", "g" * 64, "0" * 63, "0" * 65, "0" * 64 + "\n0"])
def test_an_empty_or_malformed_expect_is_refused_with_one_line(built: Archive, expect: str) -> None:
    result = CliRunner().invoke(cli, ["verify", "--archive", str(built.folder), "--expect", expect])
    assert result.exit_code == 1, result.output
    assert result.output.count("\n") == 1
    assert result.output.startswith("Error: --expect ")
    assert "not a head hash (64 hexadecimal digits)" in result.output
