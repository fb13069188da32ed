"""Issue 15, item 2: a correction says what supports it, and the evidence it replaces is kept,
marked superseded, in the `evidence` table and on the engagement page.

The real store (SQLite and PostgreSQL through `backend`), the CLI through click's CliRunner,
timeline.db read back with sqlite3, and the page through Datasette's test client. The document
text is written here, in our own words."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from tests.helpers import SOURCE, Backend, make_record
from tests.store.test_history_upcast import SLUG, store_v1
from tests.web.test_publish import open_client
from timeline import integrity
from timeline.cli import cli
from timeline.projection.build import build
from timeline.store.application import Archive

# test-doc, the source of make_record(): its first sentence is SOURCE's quote, and "5 September"
# stands at 25..36 as the record's date evidence says.
TEXT = (
    "The dialogue was held on 5 September. A correction issued by the ministry the next day "
    "said the talks took place on 6 September, in Hanoi."
)
NEW_DATE = "the talks took place on 6 September"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def evidence(folder: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(folder / "timeline.db") as db:
        db.row_factory = sqlite3.Row
        rows = db.execute(
            'select field, document, quote, start, "end", inferred, status, correction '
            "from evidence where engagement = ? order by position",
            [SLUG],
        )
        return [dict(r) for r in rows]


@pytest.fixture
def documented(tmp_path: Path, archive_dir: Path, backend: Backend) -> Path:
    """The record appended from a file with the text of its document beside it."""
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "test-doc.txt").write_text(TEXT, encoding="utf-8")
    records = tmp_path / "records.yaml"
    records.write_text(
        yaml.safe_dump(make_record(part_of=None), allow_unicode=True), encoding="utf-8"
    )
    result = run("append", str(records), "--archive", str(archive_dir))
    assert result.exit_code == 0, result.output
    return archive_dir


def test_a_quoted_correction_supersedes_the_old_evidence_and_cites_the_new(
    tmp_path: Path, documented: Path, backend: Backend
) -> None:
    result = run("correct", SLUG, "--set", "date=2025-09-06", "--reason", "the ministry's note",
                 "--quote", NEW_DATE, "--documents", str(tmp_path / "documents"),
                 "--archive", str(documented))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "without a source" not in result.output
    start = TEXT.index(NEW_DATE)
    assert evidence(documented) == [
        {"field": "date", "document": "test-doc", "quote": "5 September", "start": 25, "end": 36,
         "inferred": 1, "status": "superseded", "correction": 2},
        {"field": "date", "document": "test-doc", "quote": NEW_DATE, "start": start,
         "end": start + len(NEW_DATE), "inferred": 0, "status": "current", "correction": None},
    ]  # fmt: skip
    with sqlite3.connect(documented / "timeline.db") as db:
        # The superseded evidence was inferred; the date as recorded now is stated.
        (inferred,) = db.execute("select inferred_facts from engagements").fetchone()
    assert inferred == "[]"
    assert integrity.verify(Archive(documented, must_exist=True)).ok


def test_a_correction_without_a_quote_marks_the_field_and_says_so(
    documented: Path, backend: Backend
) -> None:
    result = run("correct", SLUG, "--set", "date=2025-09-06", "--reason", "a phone call",
                 "--archive", str(documented))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"unsourced  {SLUG} date: corrected without a source" in result.output
    rows = evidence(documented)
    assert [(r["field"], r["quote"], r["status"], r["correction"]) for r in rows] == [
        ("date", "5 September", "superseded", 2),
        ("date", None, "corrected without a source", 2),
    ]
    # A later correction that quotes the date lifts the mark; the earlier evidence stays.
    again = run("correct", SLUG, "--set", "date=2025-09-06/2025-09-07", "--reason", "two days",
                "--quote", NEW_DATE, "--documents", str(documented.parent / "documents"),
                "--archive", str(documented))  # fmt: skip
    assert again.exit_code == 0, again.output
    rows = evidence(documented)
    assert [(r["quote"], r["status"], r["correction"]) for r in rows] == [
        ("5 September", "superseded", 2),
        (NEW_DATE, "current", None),
    ]


def test_a_source_file_supports_the_fields_it_corrects_with_its_own_sentence(
    tmp_path: Path, documented: Path, backend: Backend
) -> None:
    embassy = {**SOURCE, "document": "embassy-release", "quote": "Australia attended.",
               "start": 0, "end": 19}  # fmt: skip
    path = tmp_path / "embassy.yaml"
    path.write_text(yaml.safe_dump(embassy), encoding="utf-8")
    result = run("correct", SLUG, "--set", "guests=[VN, AU]", "--reason", "the embassy",
                 "--source", str(path), "--archive", str(documented))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert ("guests", "embassy-release", "Australia attended.", "current") in [
        (r["field"], r["document"], r["quote"], r["status"]) for r in evidence(documented)
    ]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--quote", "held on 7 September"],
         "date: --quote 'held on 7 September' is not found in document 'test-doc'"),
        (["--quote", NEW_DATE, "--document", "other-doc"],
         "the text of document 'other-doc' is not in"),
        (["--document", "test-doc"], "date: --document needs --quote"),
        (["--quote", "   "], "date: --quote is empty"),
    ],
)  # fmt: skip
def test_a_quote_that_cannot_be_placed_is_one_line_naming_the_field_and_writes_nothing(
    tmp_path: Path, documented: Path, backend: Backend, flags: list[str], message: str
) -> None:
    before = backend.stored(documented)
    result = run("correct", SLUG, "--set", "date=2025-09-06", "--reason", "r", *flags,
                 "--documents", str(tmp_path / "documents"), "--archive", str(documented))  # fmt: skip
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert "Traceback" not in result.output
    assert backend.stored(documented) == before


def test_a_quote_from_a_document_that_is_not_a_source_is_refused(
    tmp_path: Path, documented: Path, backend: Backend
) -> None:
    (tmp_path / "documents" / "stray.txt").write_text(TEXT, encoding="utf-8")
    before = backend.stored(documented)
    result = run("correct", SLUG, "--set", "date=2025-09-06", "--reason", "r",
                 "--quote", NEW_DATE, "--document", "stray",
                 "--documents", str(tmp_path / "documents"), "--archive", str(documented))  # fmt: skip
    assert result.exit_code == 1
    assert "evidence" in result.output and "stray" in result.output
    assert backend.stored(documented) == before


def test_a_corrections_file_quotes_by_quote_and_document(
    tmp_path: Path, documented: Path, backend: Backend
) -> None:
    path = tmp_path / "corrections.yaml"
    entries = [
        {"slug": SLUG, "set": {"date": "2025-09-06"}, "reason": "the note",
         "quote": NEW_DATE, "document": "test-doc"},
        {"slug": SLUG, "set": {"session": 3}, "reason": "the third"},
    ]  # fmt: skip
    path.write_text(yaml.safe_dump_all(entries, allow_unicode=True), encoding="utf-8")
    result = run("correct", "--file", str(path), "--archive", str(documented))
    assert result.exit_code == 0, result.output
    rows = evidence(documented)
    assert [(r["field"], r["quote"], r["status"], r["correction"]) for r in rows] == [
        ("date", "5 September", "superseded", 2),
        ("date", NEW_DATE, "current", None),
        ("session", None, "corrected without a source", 3),
    ]


def test_a_corrections_file_quote_not_in_its_document_names_file_record_and_field(
    tmp_path: Path, documented: Path, backend: Backend
) -> None:
    path = tmp_path / "corrections.yaml"
    entries = [
        {"slug": SLUG, "set": {"session": 3}, "reason": "fine"},
        {
            "slug": SLUG,
            "set": {"date": "2025-09-06"},
            "reason": "r",
            "quote": "on 8 May",
            "document": "test-doc",
        },
    ]
    path.write_text(yaml.safe_dump_all(entries), encoding="utf-8")
    before = backend.stored(documented)
    result = run("correct", "--file", str(path), "--archive", str(documented))
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {path}: record 2 ({SLUG}): date: quote 'on 8 May' is not found in document "
        "'test-doc'"
    )
    assert backend.stored(documented) == before


def test_corrections_stored_before_supports_were_named_fold_and_verify(
    archive_dir: Path,
) -> None:
    """v1 events (one with a source and no quote, one with neither) read as they were: the first
    counts as sourced by its document, the second is corrected without a source."""
    archive = Archive(archive_dir)
    store_v1(archive)
    build(archive)
    rows = evidence(archive_dir)
    assert [(r["field"], r["status"], r["correction"]) for r in rows] == [
        ("date", "current", None),
        ("session", "corrected without a source", 3),
    ]
    report = integrity.verify(archive)
    # store_v1 writes through the recorder alone, so the identity table (written by append)
    # lacks the engagement; the chain and timeline.db against a rebuild are what matter here.
    assert report.tables and report.head
    assert [p for p in report.problems if "identity table" not in p] == []


def test_the_engagement_page_shows_superseded_evidence_and_unsourced_fields(
    tmp_path: Path, documented: Path, backend: Backend
) -> None:
    run("correct", SLUG, "--set", "date=2025-09-06", "--reason", "the note", "--quote", NEW_DATE,
        "--documents", str(tmp_path / "documents"), "--archive", str(documented))  # fmt: skip
    run("correct", SLUG, "--set", "place={city: Hanoi, country: VN}", "--reason", "a call",
        "--archive", str(documented))  # fmt: skip
    for client in open_client(documented / "timeline.db"):
        page = client.get(f"/-/engagement/{SLUG}").text
    assert "superseded by the correction of version 2" in page
    assert "<del><q>5 September</q></del>" in page
    assert f"<q>{NEW_DATE}</q>" in page
    assert "set by the correction of version 3 without a source" in page
    # The place, corrected with no quote, says so beside the fact itself.
    facts = page[page.index("<dt>Place</dt>") : page.index("<dt>Host</dt>")]
    assert "corrected without a source" in facts


def test_a_quote_without_its_document_when_the_engagement_has_several_is_refused(
    tmp_path: Path, documented: Path, backend: Backend
) -> None:
    """With two sources, which one the quote is from cannot be guessed: the message names them."""
    embassy = {**SOURCE, "document": "embassy-release", "quote": "Australia attended.",
               "start": 0, "end": 19}  # fmt: skip
    path = tmp_path / "embassy.yaml"
    path.write_text(yaml.safe_dump(embassy), encoding="utf-8")
    added = run("correct", SLUG, "--set", "guests=[VN, AU]", "--reason", "the embassy",
                "--source", str(path), "--archive", str(documented))  # fmt: skip
    assert added.exit_code == 0, added.output
    before = backend.stored(documented)
    result = run("correct", SLUG, "--set", "date=2025-09-06", "--reason", "r",
                 "--quote", NEW_DATE, "--documents", str(tmp_path / "documents"),
                 "--archive", str(documented))  # fmt: skip
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: date: --quote: name its document (--document), one of embassy-release, test-doc"
    )
    assert backend.stored(documented) == before
    named = run("correct", SLUG, "--set", "date=2025-09-06", "--reason", "r",
                "--quote", NEW_DATE, "--document", "test-doc",
                "--documents", str(tmp_path / "documents"), "--archive", str(documented))  # fmt: skip
    assert named.exit_code == 0, named.output
