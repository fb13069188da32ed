"""The review workspace and its actions on real SQLite files and a real archive, with seed
article 000: extract, edit, evidence from a selection, accept, reject, corroborate; and every
refused action writes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from events import EngagementFacts
from tests.helpers import ROOT, SEED_ARTICLE, copy_seed_article, make_record, review_form
from timeline import load
from timeline.errors import RecordError
from timeline.inputs import records
from timeline.review import actions, matches
from timeline.review.articles import extract_new, extractor_version
from timeline.review.form import country_code, form_values, record_from_form
from timeline.review.workspace import (
    ACCEPTED,
    CORROBORATED,
    REJECTED,
    TO_REVIEW,
    Article,
    Draft,
    ReviewError,
    StaleError,
    Workspace,
)
from timeline.store.application import Archive


def first(ws: Workspace, kind: str) -> Draft:
    return next(d for d in ws.drafts() if d.kind == kind)


def snapshot(path: Path) -> list[tuple]:
    """Every row of the workspace's tables, to show that nothing changed."""
    with sqlite3.connect(path) as db:
        return [
            row
            for table in ("articles", "drafts", "decisions")
            for row in db.execute(f"select * from {table} order by 1")
        ]


def events(archive: Archive) -> int:
    return len(archive.recorder.select_notifications(start=0, limit=10_000))


def test_extracting_a_folder_makes_drafts_once(workspace: Workspace, articles: Path) -> None:
    drafts = workspace.drafts()
    assert drafts and {d.document for d in drafts} == {SEED_ARTICLE}
    assert all(d.version == 1 and d.state == TO_REVIEW for d in drafts)
    assert any(d.kind == "visit" for d in drafts)
    assert all(d.extractor_version == extractor_version() for d in drafts)
    # A second pass finds the article drafted already and extracts nothing.
    again = extract_new(workspace, articles)
    assert (again.found, again.extracted, again.failed) == (1, [], [])
    assert len(workspace.drafts()) == len(drafts)


def test_the_workspace_survives_a_reopen(workspace: Workspace, archive: Archive) -> None:
    visit = first(workspace, "visit")
    reopened = Workspace(archive.folder)
    try:
        assert reopened.draft(visit.id).record == visit.record
        assert reopened.article(SEED_ARTICLE).text.startswith("Ngày 5/9")
    finally:
        reopened.close()


def test_a_folder_without_articles_extracts_nothing(tmp_path: Path, archive: Archive) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    ws = Workspace(archive.folder)
    try:
        report = extract_new(ws, empty)
        assert (report.found, report.extracted, report.failed) == (0, [], [])
        assert ws.drafts() == []
    finally:
        ws.close()


def test_an_article_that_fails_to_extract_is_reported_and_not_written(
    workspace: Workspace, articles: Path
) -> None:
    before = snapshot(workspace.path)
    (articles / "bad.txt").write_bytes(b"caf\xe9 latin-1 text")
    (articles / "empty.txt").write_text("   \n", encoding="utf-8")
    report = extract_new(workspace, articles)
    assert report.failed == [
        f"{articles / 'bad.txt'}: not UTF-8 text (byte 3); nothing extracted",
        f"{articles / 'empty.txt'}: the article is empty; nothing extracted",
    ]
    assert snapshot(workspace.path) == before


def test_a_save_stores_the_next_version(workspace: Workspace) -> None:
    visit = first(workspace, "visit")
    form = review_form(form_values(visit.record))
    form["title"] = "Vietnamese MPS delegation visits the United States"
    saved = actions.save(workspace, visit.id, visit.version, form, "ana")
    assert saved.version == visit.version + 1
    assert saved.record["title"] == "Vietnamese MPS delegation visits the United States"
    assert saved.updated_by == "ana"
    # What the form does not show is kept.
    assert saved.record["sources"] == visit.record["sources"]
    assert saved.record["evidence"] == visit.record["evidence"]


def test_a_save_from_an_older_page_is_refused(workspace: Workspace) -> None:
    visit = first(workspace, "visit")
    form = review_form(form_values(visit.record))
    actions.save(workspace, visit.id, visit.version, {**form, "notes": "first"}, "ana")
    before = snapshot(workspace.path)
    with pytest.raises(StaleError, match=r"changed by ana .* \(version 2\) after this page showed "
                       r"version 1; nothing was written"):  # fmt: skip
        actions.save(workspace, visit.id, visit.version, {**form, "notes": "second"}, "bo")
    assert snapshot(workspace.path) == before
    assert workspace.draft(visit.id).record["notes"] == "first"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date_start": "2025-02-30"}, "date.start: Input should be a valid date"),
        ({"host": "Atlantis"}, "host: unknown country code 'Atlantis'"),
        ({"session": "two"}, "session: Input should be a valid integer"),
        ({"title": ""}, "title: Field required"),
        ({"p-0-organisation": "NOPE"}, "participants[0].organisation: 'NOPE' is not one of"),
    ],
)
def test_a_draft_edited_into_an_invalid_record_is_refused_as_append_refuses_it(
    workspace: Workspace, change: dict[str, str], message: str
) -> None:
    visit = first(workspace, "visit")
    before = snapshot(workspace.path)
    form = {**review_form(form_values(visit.record)), **change}
    with pytest.raises(RecordError) as refused:
        actions.save(workspace, visit.id, visit.version, form, "ana")
    assert str(refused.value).startswith(f"{SEED_ARTICLE}: record {visit.position} (")
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)
    assert snapshot(workspace.path) == before


def test_country_names_in_english_or_vietnamese_are_stored_as_codes() -> None:
    assert [country_code(x) for x in ("VN", "vn", "Vietnam", "Việt Nam", "Hoa Kỳ", "Mỹ")] == [
        "VN", "VN", "VN", "VN", "US", "US"
    ]  # fmt: skip
    assert country_code("Australia") == "AU" and country_code("Úc") == "AU"
    assert country_code("MY") == "MY" and country_code("Mỹ") == "US"
    assert country_code("Atlantis") == "Atlantis"  # left for the validation to refuse, named
    record = make_record()
    form = review_form(form_values(record)) | {"host": "Hoa Kỳ", "guests": "Việt Nam, Lào"}
    assert record_from_form(form, record)["host"] == "US"
    assert record_from_form(form, record)["guests"] == ["VN", "LA"]


def test_removing_a_participant_takes_its_evidence_and_renumbers_the_rest() -> None:
    record = make_record()
    record["evidence"] = [
        {"field": "participants[0].title", "document": "test-doc", "quote": "dialogue",
         "start": 4, "end": 12},
        {"field": "participants[1]", "document": "test-doc", "quote": "held", "start": 17,
         "end": 21},
    ]  # fmt: skip
    form = review_form(form_values(record))
    form["p-0-name"] = ""
    out = record_from_form(form, record)
    assert [p["name"] for p in out["participants"]] == ["Chris Landberg"]
    assert [e["field"] for e in out["evidence"]] == ["participants[0]"]


def test_evidence_is_set_from_offsets_into_the_article(workspace: Workspace) -> None:
    visit = first(workspace, "visit")
    text = workspace.article(SEED_ARTICLE).text
    start = text.index("Washington D.C")
    # The selection took a space on each side: they are left out of the quote.
    saved = actions.set_evidence(
        workspace, visit.id, visit.version, "place", start - 1, start + 15, "ana"
    )
    mine = [e for e in saved.record["evidence"] if e["field"] == "place"]
    assert mine == [
        {"field": "place", "document": SEED_ARTICLE, "quote": "Washington D.C", "start": start,
         "end": start + 14}
    ]  # fmt: skip
    assert text[mine[0]["start"] : mine[0]["end"]] == mine[0]["quote"]
    assert saved.version == visit.version + 1


@pytest.mark.parametrize(
    ("field", "start", "end", "message"),
    [
        ("place", 10, 5, "select words of the article"),
        ("place", 0, 10**7, "select words of the article"),
        ("nowhere", 0, 5, "'nowhere' names no field of a record"),
        ("place", 4, 5, "the selection holds no words"),  # "Ngày 5/9": a space,
    ],
)
def test_evidence_outside_the_article_or_for_no_field_is_refused(
    workspace: Workspace, field: str, start: int, end: int, message: str
) -> None:
    visit = first(workspace, "visit")
    before = snapshot(workspace.path)
    with pytest.raises(ReviewError, match=message):
        actions.set_evidence(workspace, visit.id, visit.version, field, start, end, "ana")
    assert snapshot(workspace.path) == before


def test_accepting_a_visit_records_it_with_its_meetings(
    workspace: Workspace, archive: Archive
) -> None:
    visit = first(workspace, "visit")
    parts = actions.parts(workspace, visit)
    assert parts, "the seed visit has meetings drafted as its parts"
    versions = {visit.id: visit.version} | {p.id: p.version for p in parts}
    report = actions.accept(workspace, archive, versions, "ana")
    assert sorted(report.recorded) == sorted(d.slug for d in [visit, *parts])
    assert archive.get(visit.slug).facts == EngagementFacts.model_validate(visit.record)
    origin = archive.history(visit.slug)[0].origin
    assert origin.startswith(f"{SEED_ARTICLE} draft {visit.position}: extracted by timeline "
                             f"extract {visit.extractor_version}, reviewed by ana on ")  # fmt: skip
    for d in [visit, *parts]:
        again = workspace.draft(d.id)
        assert again.state == ACCEPTED
        assert again.decision is not None and again.decision["reviewer"] == "ana"
        assert again.decision["engagement"] == d.slug
    # timeline.db is brought up to date: the timeline pages show them, in the reviewed collection.
    with sqlite3.connect(archive.projection_path) as db:
        rows = dict(db.execute("select slug, collection from engagements").fetchall())
    assert {d.slug: rows.get(d.slug) for d in [visit, *parts]} == {
        d.slug: "reviewed" for d in [visit, *parts]
    }


def test_an_accept_the_archive_refuses_writes_nothing(
    workspace: Workspace, archive: Archive
) -> None:
    archive.append(load([ROOT / "seeds" / "records" / "vn-us-2025.yaml"]))
    visit = first(workspace, "visit")
    before, stored = snapshot(workspace.path), events(archive)
    with pytest.raises(ReviewError, match="nothing was written"):
        actions.accept(workspace, archive, {visit.id: visit.version}, "ana")
    assert snapshot(workspace.path) == before
    assert events(archive) == stored


def test_an_accept_from_an_older_page_writes_nothing(
    workspace: Workspace, archive: Archive
) -> None:
    visit = first(workspace, "visit")
    actions.save(workspace, visit.id, visit.version,
                 review_form(form_values(visit.record)) | {"notes": "checked"}, "bo")  # fmt: skip
    before = snapshot(workspace.path)
    with pytest.raises(StaleError):
        actions.accept(workspace, archive, {visit.id: visit.version}, "ana")
    assert snapshot(workspace.path) == before
    assert events(archive) == 0


def test_a_rejection_needs_a_reason_and_is_kept(workspace: Workspace) -> None:
    dialogue = first(workspace, "dialogue")
    before = snapshot(workspace.path)
    with pytest.raises(ReviewError, match="say why"):
        actions.reject(workspace, dialogue.id, dialogue.version, "  ", "ana")
    assert snapshot(workspace.path) == before
    rejected = actions.reject(workspace, dialogue.id, dialogue.version, "Only mentioned", "ana")
    assert rejected.state == REJECTED
    assert rejected.decision is not None
    assert (rejected.decision["reason"], rejected.decision["reviewer"]) == ("Only mentioned", "ana")
    with sqlite3.connect(workspace.path) as db:
        (version,) = db.execute("select extractor_version from decisions").fetchone()
    assert version == dialogue.extractor_version
    # A decided draft takes no more changes.
    with pytest.raises(ReviewError, match="already rejected; nothing was written"):
        actions.reject(workspace, dialogue.id, rejected.version, "again", "ana")


def test_an_engagement_already_recorded_is_found_and_corroborated(
    workspace: Workspace, archive: Archive, tmp_path: Path
) -> None:
    """A second article (written for this test) reports a recorded engagement: the workspace
    finds it by the duplicate check's keys, and corroborating adds the article as a source."""
    from timeline.projection.build import build

    archive.append([EngagementFacts.model_validate(make_record(part_of=None))])
    build(archive)
    text = "The dialogue was held on 5 September in Washington."
    (tmp_path / "other.txt").write_text(text, encoding="utf-8")
    source = {"document": "other", "publisher": "Other Wire", "language": "en", "quote": text,
              "start": 0, "end": len(text)}  # fmt: skip
    draft_record = make_record(slug="another-slug", part_of=None, sources=[source], evidence=[])
    workspace.add_article(
        Article("other", str(tmp_path / "other.txt"), text, {}, "test", None),
        [{"record": draft_record}],
    )
    draft = next(d for d in workspace.drafts("other"))
    found = matches.similar(archive, draft.record)
    assert (found[0].slug, found[0].why) == (
        "vn-us-security-dialogue-2", "same series and session"
    )  # fmt: skip
    actions.corroborate(workspace, archive, draft.id, draft.version, found[0].slug, "ana")
    assert [s.document for s in archive.get("vn-us-security-dialogue-2").facts.sources] == [
        "test-doc", "other"
    ]  # fmt: skip
    assert workspace.draft(draft.id).state == CORROBORATED


def test_known_names_offer_the_archive_s_persons(workspace: Workspace, archive: Archive) -> None:
    from timeline.projection.build import build

    archive.append([EngagementFacts.model_validate(make_record(part_of=None))])
    build(archive)
    names = matches.known_names(archive, workspace)
    assert "Lương Tam Quang" in names["persons"]  # recorded in the archive
    assert "Lê Quốc Hùng" in names["persons"]  # drafted from the seed article
    assert "MPS" in names["organisations"]


def test_a_folder_of_drafts_files_is_taken_in_with_its_review_notes(
    tmp_path: Path, archive: Archive
) -> None:
    """`timeline review DRAFTS_DIR`: drafts written by `timeline extract -o`, the articles'
    texts in documents/ beside them. The drafts are taken as written, not extracted again."""
    from click.testing import CliRunner

    from timeline.cli import cli

    documents = copy_seed_article(tmp_path / "documents")
    drafts_dir = tmp_path / "drafts"
    drafts_dir.mkdir()
    result = CliRunner().invoke(cli, ["extract", str(documents / f"{SEED_ARTICLE}.txt"),
                                      "--published", "2025-09-06", "-o",
                                      str(drafts_dir / "000.yaml")])  # fmt: skip
    assert result.exit_code == 0, result.output
    ws = Workspace(archive.folder)
    try:
        report = extract_new(ws, drafts_dir)
        assert (report.extracted, report.failed) == ([SEED_ARTICLE], [])
        drafts = ws.drafts()
        written = [r for _, r in records.parse((drafts_dir / "000.yaml").read_text(), "000.yaml")]
        assert [d.record for d in drafts] == [
            {k: v for k, v in r.items() if k != "x-review"} for r in written
        ]
        assert [d.flags for d in drafts] == [r["x-review"]["flags"] for r in written]
        assert {d.extractor_version for d in drafts} == {"drafts file 000.yaml"}
        assert ws.article(SEED_ARTICLE).metadata["publisher"] == "VietnamPlus (TTXVN)"
    finally:
        ws.close()


def test_a_drafts_file_whose_article_is_missing_writes_nothing(
    tmp_path: Path, workspace: Workspace
) -> None:
    drafts_dir = tmp_path / "lonely"
    drafts_dir.mkdir()
    record = make_record(sources=[{**make_record()["sources"][0], "document": "gone"}],
                         evidence=[])  # fmt: skip
    (drafts_dir / "d.yaml").write_text(records.dump_yaml([record]), encoding="utf-8")
    before = snapshot(workspace.path)
    report = extract_new(workspace, drafts_dir)
    assert report.failed == [
        "d.yaml: document gone: no gone.txt beside it or in documents/; nothing was taken from "
        "this file"
    ]
    assert snapshot(workspace.path) == before


def test_an_article_named_otherwise_by_its_metadata_is_extracted_once(
    tmp_path: Path, archive: Archive
) -> None:
    folder = copy_seed_article(tmp_path / "named")
    meta = folder / f"{SEED_ARTICLE}.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(f"document: {SEED_ARTICLE}", "document: vnplus-1"),
        encoding="utf-8",
    )
    ws = Workspace(archive.folder)
    try:
        first_pass = extract_new(ws, folder)
        assert first_pass.extracted == ["vnplus-1"]
        assert {d.record["sources"][0]["document"] for d in ws.drafts()} == {"vnplus-1"}
        assert extract_new(ws, folder).extracted == []
    finally:
        ws.close()
