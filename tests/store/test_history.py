"""Issue 3, items 1-4: corrections, corroboration, retraction and merge, history and as-of.

Every test runs the real store (events.db) and the real projection (timeline.db), through the
Python API or the CLI (click's CliRunner), and checks the files afterwards."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner, Result

from events import EngagementFacts
from tests.helpers import SOURCE, make_record, visit_record
from tests.projection.test_projection import dump
from tests.web.test_publish import open_client
from timeline.errors import DuplicateError, NotFoundError, TimelineError
from timeline.projection.build import build, build_as_of, parse_as_of
from timeline.store.application import Archive

DIALOGUE = "vn-us-security-dialogue-2"
VISIT = "vn-us-visit-2025"

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


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli_main(), list(args), input=input, catch_exceptions=False)


def cli_main() -> Any:
    from timeline.cli import cli

    return cli


def write(path: Path, *docs: Any) -> str:
    path.write_text(yaml.safe_dump_all(docs, allow_unicode=True), encoding="utf-8")
    return str(path)


def store_rows(archive: Path) -> list[tuple]:
    with closing(sqlite3.connect(archive / "events.db")) as db:
        return db.execute("select * from stored_events order by rowid").fetchall()


def snapshot(archive: Path) -> tuple[list[tuple], dict[str, list[tuple]]]:
    """The store and every table of the projection: what 'nothing was written' compares."""
    return store_rows(archive), dump(archive / "timeline.db")


@pytest.fixture
def recorded(tmp_path: Path, archive_dir: Path) -> Path:
    result = run("append", write(tmp_path / "r.yaml", make_record(), visit_record()),
                 "--archive", str(archive_dir))  # fmt: skip
    assert result.exit_code == 0, result.output
    return archive_dir


def shown(archive: Path, slug: str = DIALOGUE) -> dict[str, Any]:
    result = run("show", slug, "--json", "--archive", str(archive))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def history(archive: Path, slug: str = DIALOGUE) -> list[dict[str, Any]]:
    result = run("show", slug, "--history", "--nl", "--archive", str(archive))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


# 1. Corrections ---------------------------------------------------------------------------------


def test_a_correction_holds_changes_reason_and_evidence(tmp_path: Path, recorded: Path) -> None:
    source = write(tmp_path / "source.yaml", SECOND_SOURCE)
    result = run("correct", DIALOGUE, "--set", "guests=[VN, AU]", "--reason", "The embassy names Australia",
                 "--source", source, "--archive", str(recorded))  # fmt: skip
    assert result.exit_code == 0, result.output
    (_, topic, state) = (
        sqlite3.connect(recorded / "events.db")
        .execute(
            "select originator_version, topic, state from stored_events order by rowid desc limit 1"
        )
        .fetchone()
    )
    assert topic == "events.engagement:Engagement.Corrected"
    stored = json.loads(state)
    assert stored["changes"] == {"guests": ["VN", "AU"]}
    assert stored["reason"] == "The embassy names Australia"
    assert [s["document"] for s in stored["sources"]] == ["embassy-release"]
    assert stored["class_version"] == 2
    # The projection shows the current state and keeps the earlier one.
    db = sqlite_utils.Database(recorded / "timeline.db")
    assert json.loads(db["engagements"].get(DIALOGUE)["guests"]) == ["VN", "AU"]
    assert [r["document"] for r in db["sources"].rows_where("engagement = ?", [DIALOGUE])] == [
        "test-doc",
        "embassy-release",
    ]
    first, second = db.query(
        "select version, state, current_until from revisions where engagement = ? order by version",
        [DIALOGUE],
    )
    assert json.loads(first["state"])["facts"]["guests"] == ["VN"]
    assert first["current_until"] is not None and second["current_until"] is None


def test_corrections_from_a_file_are_saved_together(tmp_path: Path, recorded: Path) -> None:
    path = write(
        tmp_path / "corrections.yaml",
        [
            {"slug": DIALOGUE, "set": {"guests": ["VN", "AU"]}, "reason": "AU attended",
             "source": SECOND_SOURCE,
             "evidence": [{"field": "guests", "document": "embassy-release",
                           "quote": "Australia", "start": 0, "end": 9}]},
            {"slug": VISIT, "set": {"title": "MPS delegation visits the US"}, "reason": "shorter"},
            {"slug": DIALOGUE, "set": {"session": 3}, "reason": "It was the third session"},
        ],
    )  # fmt: skip
    before = len(store_rows(recorded))
    result = run("correct", "--file", path, "--archive", str(recorded))
    assert result.exit_code == 0, result.output
    assert "corrected  vn-us-security-dialogue-2 (version 3)" in result.output
    assert "corrected  vn-us-visit-2025 (version 2)" in result.output
    assert len(store_rows(recorded)) == before + 3
    facts = shown(recorded)["facts"]
    assert (facts["guests"], facts["session"]) == (["VN", "AU"], 3)
    assert facts["evidence"][-1]["field"] == "guests"
    assert [r["reason"] for r in history(recorded)] == [
        None,
        "AU attended",
        "It was the third session",
    ]


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([{"slug": "no-such-thing", "set": {"session": 3}, "reason": "r"}],
         "record 2 (no-such-thing): no engagement with this slug in"),
        ([{"slug": DIALOGUE, "set": {"colour": "red"}, "reason": "r"}],
         "record 2 (vn-us-security-dialogue-2): colour: no such field; nothing was written"),
        ([{"slug": DIALOGUE, "set": {"host": "XX"}, "reason": "r"}],
         "record 2 (vn-us-security-dialogue-2): host: unknown country code 'XX'"),
        ([{"slug": DIALOGUE, "set": {"session": 4}}],
         "record 2 (vn-us-security-dialogue-2): reason: Field required"),
        ([{"slug": DIALOGUE, "set": {}, "reason": "r"}],
         "record 2 (vn-us-security-dialogue-2): set: Dictionary should have at least 1 item"),
        ([{"slug": DIALOGUE, "set": {"session": 4}, "reason": "r", "source": {"document": "x"}}],
         "record 2 (vn-us-security-dialogue-2): sources[0].quote: Field required"),
        ([{"set": {"session": 4}, "reason": "r"}], "record 2: slug: missing"),
        (["just a string"], "record 2: expected a mapping of fields, found str"),
    ],
)  # fmt: skip
def test_a_bad_correction_in_a_file_writes_nothing(
    tmp_path: Path, recorded: Path, entries: list[Any], message: str
) -> None:
    # The first, valid, correction is not saved either: the file is validated whole.
    good = {"slug": VISIT, "set": {"title": "MPS delegation visits the US"}, "reason": "shorter"}
    path = write(tmp_path / "corrections.yaml", [good, *entries])
    before = snapshot(recorded)
    result = run("correct", "--file", path, "--archive", str(recorded))
    assert result.exit_code == 1
    error = result.stderr.strip()
    assert error.startswith(f"Error: {path}: ") and message in error, error
    assert len(error.splitlines()) == 1
    assert snapshot(recorded) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "session=3"], "Error: --reason: say why the record changes"),
        (["--set", "session=3", "--reason", "  "], "Error: --reason: say why the record changes"),
        (["--reason", "r"], "Error: --set: say what changes, as FIELD=VALUE"),
        (["--set", "session=2", "--reason", "r"], "Error: vn-us-security-dialogue-2: the correction changes nothing"),
        (["--set", "slug=other", "--reason", "r"], "Error: vn-us-security-dialogue-2: slug: a slug never changes; retract with --merged-into instead"),
        (["--set", "date=2025-02-30", "--reason", "r"], "Error: vn-us-security-dialogue-2: date: day is out of range for month"),
        (["--set", "session=3", "--reason", "r", "--source", "missing.yaml"], "Error: missing.yaml: no such file"),
        (["--set", "session=3", "--reason", "r", "--file", "c.yaml"], "Error: --file: give the corrections in the file, or SLUG with --set, not both"),
    ],
)  # fmt: skip
def test_bad_correction_arguments_write_nothing(
    recorded: Path, args: list[str], message: str
) -> None:
    before = snapshot(recorded)
    result = run("correct", DIALOGUE, *args, "--archive", str(recorded))
    assert result.exit_code == 1
    assert result.stderr.strip() == message
    assert snapshot(recorded) == before


def test_correct_without_a_slug_or_a_file(recorded: Path) -> None:
    result = run("correct", "--set", "session=3", "--reason", "r", "--archive", str(recorded))
    assert (result.exit_code, result.stderr.strip()) == (
        1,
        "Error: SLUG: name the engagement to correct (or give --file)",
    )


def test_correcting_from_python_is_the_same_operation(archive_dir: Path) -> None:
    archive = Archive(archive_dir)
    archive.append([EngagementFacts.model_validate(r) for r in (visit_record(), make_record())])
    archive.correct(DIALOGUE, {"session": 3}, reason="third", sources=[], evidence=[])
    with pytest.raises(NotFoundError, match=r"^nope: no engagement with this slug"):
        archive.correct("nope", {"session": 3}, reason="r")
    with pytest.raises(TimelineError, match="reason: say why"):
        archive.correct(DIALOGUE, {"session": 4}, reason=" ")
    assert archive.get(DIALOGUE).facts.session == 3
    assert archive.get(DIALOGUE).version == 2


# 2. Corroboration -------------------------------------------------------------------------------


def test_a_second_document_reporting_an_engagement_adds_a_source(
    tmp_path: Path, recorded: Path
) -> None:
    evidence = {"field": "date", "document": "embassy-release", "quote": "Australia",
                "start": 0, "end": 9}  # fmt: skip
    second = make_record(sources=[SECOND_SOURCE], evidence=[evidence])
    path = write(tmp_path / "second.yaml", second)
    result = run("append", path, "--archive", str(recorded))
    assert result.exit_code == 0, result.output
    assert f"corroborated {DIALOGUE} (new source: embassy-release)" in result.output
    assert "0 recorded, 0 already recorded, 1 corroborated" in result.output
    facts = shown(recorded)["facts"]
    assert [s["document"] for s in facts["sources"]] == ["test-doc", "embassy-release"]
    assert facts["evidence"][-1] == evidence
    topic, _ = _last_event(recorded)
    assert topic == "events.engagement:Engagement.SourceAdded"
    db = sqlite_utils.Database(recorded / "timeline.db")
    assert db["engagements"].get(DIALOGUE)["sources"] == 2
    assert db["engagements"].count == 2  # no duplicate
    # The same document again changes nothing, and so does the first record.
    rows = store_rows(recorded)
    for again in (path, str(tmp_path / "r.yaml")):
        result = run("append", again, "--archive", str(recorded))
        assert result.output.startswith("unchanged  ") and "corroborated" not in result.output
    assert store_rows(recorded) == rows


def _last_event(archive: Path) -> tuple[str, bytes]:
    with closing(sqlite3.connect(archive / "events.db")) as db:
        return db.execute(
            "select topic, state from stored_events order by rowid desc limit 1"
        ).fetchone()


def test_two_new_documents_are_two_sources_added(archive_dir: Path) -> None:
    archive = Archive(archive_dir)
    archive.append([EngagementFacts.model_validate(visit_record())])
    third = {**SECOND_SOURCE, "document": "third-doc"}
    report = archive.append(
        [EngagementFacts.model_validate(visit_record(sources=[SOURCE, SECOND_SOURCE, third]))]
    )
    assert report.corroborated == {VISIT: ["embassy-release", "third-doc"]}
    events = [type(e).__name__ for e in archive.history(VISIT)]
    assert events == ["Recorded", "SourceAdded", "SourceAdded"]


def test_two_documents_of_one_batch_record_one_engagement_with_both_sources(
    tmp_path: Path, archive_dir: Path
) -> None:
    first = write(tmp_path / "wire.yaml", visit_record())
    second = write(tmp_path / "embassy.yaml", visit_record(sources=[SECOND_SOURCE]))
    result = run("append", first, second, "--archive", str(archive_dir))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        f"recorded   {VISIT}",
        f"corroborated {VISIT} (new source: embassy-release)",
        "1 recorded, 0 already recorded, 1 corroborated",
    ]
    assert [type(e).__name__ for e in Archive(archive_dir).history(VISIT)] == [
        "Recorded",
        "SourceAdded",
    ]
    other = write(tmp_path / "other.yaml", visit_record(title="Another title"))
    before = snapshot(archive_dir)
    result = run("append", first, other, "--archive", str(archive_dir))
    assert result.exit_code == 1
    assert "slug: also given in" in result.stderr and "with other facts" in result.stderr
    assert snapshot(archive_dir) == before


def test_other_facts_with_a_new_document_are_still_a_conflict(
    tmp_path: Path, recorded: Path
) -> None:
    before = snapshot(recorded)
    path = write(
        tmp_path / "other.yaml", make_record(sources=[SECOND_SOURCE], evidence=[], session=5)
    )
    result = run("append", path, "--archive", str(recorded))
    assert result.exit_code == 1
    assert "already recorded with other content (session, sources, evidence)" in result.stderr
    assert snapshot(recorded) == before


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"slug": "vn-us-dialogue-ii", "title": "Second US–VN dialogue"}, "same series and session"),
        ({"slug": "vn-us-dialogue-ii", "series": None, "session": None,
          "title": "2ND VIETNAM–US SECURITY AND LAW ENFORCEMENT DIALOGUE"},
         "same kind, dates, countries and title"),
    ],
)  # fmt: skip
def test_a_duplicate_under_another_slug_is_refused_naming_the_recorded_one(
    tmp_path: Path, recorded: Path, changes: dict[str, Any], why: str
) -> None:
    before = snapshot(recorded)
    path = write(tmp_path / "dup.yaml", make_record(**changes))
    result = run("append", path, "--archive", str(recorded))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(
        f"Error: {path}: record 1: vn-us-dialogue-ii: the archive already has this engagement "
        f"as {DIALOGUE} ({why}); nothing was written."
    )
    assert snapshot(recorded) == before
    forced = run("append", path, "--allow-duplicates", "--archive", str(recorded))
    assert forced.exit_code == 0, forced.output
    assert "recorded   vn-us-dialogue-ii" in forced.output


def test_duplicates_are_found_in_events_not_yet_projected_and_in_the_batch(
    archive_dir: Path,
) -> None:
    archive = Archive(archive_dir)
    archive.append([EngagementFacts.model_validate(visit_record())])  # no timeline.db yet
    dup = EngagementFacts.model_validate(visit_record(slug="visit-again"))
    with pytest.raises(DuplicateError, match="already has this engagement as vn-us-visit-2025"):
        archive.append([dup])
    build(archive)
    archive.correct(VISIT, {"title": "Renamed visit"}, reason="r")  # the projection is stale now
    assert archive.append([dup]).recorded == ["visit-again"]
    twins = [
        EngagementFacts.model_validate(visit_record(slug=s, title="Twin")) for s in ("a-1", "a-2")
    ]
    with pytest.raises(DuplicateError, match=r"^a-2: .* as a-1 "):
        archive.append(twins)
    assert archive.find("a-1") is None


def test_appends_without_a_build_keep_finding_duplicates_as_the_store_changes(
    archive_dir: Path,
) -> None:
    archive = Archive(archive_dir)  # one archive, several appends and no timeline.db
    archive.append([EngagementFacts.model_validate(visit_record())])
    archive.append([EngagementFacts.model_validate(visit_record(slug="other", title="Other"))])
    archive.correct(VISIT, {"title": "Renamed visit"}, reason="r")
    old_title = EngagementFacts.model_validate(visit_record(slug="old-title"))
    assert archive.append([old_title]).recorded == ["old-title"]  # its key moved on
    renamed = EngagementFacts.model_validate(visit_record(slug="renamed", title="Renamed visit"))
    with pytest.raises(DuplicateError, match="already has this engagement as vn-us-visit-2025"):
        archive.append([renamed])
    archive.retract(VISIT, reason="withdrawn")
    assert archive.append([renamed]).recorded == ["renamed"]  # a retracted one has no keys
    with pytest.raises(DuplicateError, match="already has this engagement as other"):
        Archive(archive_dir).append(  # a fresh process folds the same from the store
            [EngagementFacts.model_validate(visit_record(slug="other-2", title="OTHER"))]
        )


# 3. Retraction and merge ------------------------------------------------------------------------


@pytest.fixture
def merged(tmp_path: Path, recorded: Path) -> Path:
    dup = make_record(slug="vn-us-dialogue-two", title="Second dialogue", series=None,
                      session=None)  # fmt: skip
    result = run("append", write(tmp_path / "dup.yaml", dup), "--archive", str(recorded))
    assert result.exit_code == 0, result.output
    result = run("retract", "vn-us-dialogue-two", "--reason", "the same dialogue, from a second wire",
                 "--merged-into", DIALOGUE, "--archive", str(recorded))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"retracted  vn-us-dialogue-two (version 2, merged into {DIALOGUE})" in result.output
    return recorded


def test_a_retracted_engagement_leaves_the_timelines_and_stays_in_history(merged: Path) -> None:
    db = sqlite_utils.Database(merged / "timeline.db")
    for table, column in [("engagements", "slug"), ("timeline", "engagement"),
                          ("participants", "engagement"), ("sources", "engagement")]:  # fmt: skip
        assert not list(db[table].rows_where(f"{column} = ?", ["vn-us-dialogue-two"])), table
    assert [r["event"] for r in db.query(
        "select event from revisions where engagement = 'vn-us-dialogue-two' order by version"
    )] == ["Recorded", "Retracted"]  # fmt: skip
    row = db["retractions"].get("vn-us-dialogue-two")
    assert (row["merged_into"], row["survivor"], row["reason"], row["title"]) == (
        DIALOGUE, DIALOGUE, "the same dialogue, from a second wire", "Second dialogue"
    )  # fmt: skip


def test_show_of_a_merged_slug_leads_to_the_survivor(merged: Path) -> None:
    text = run("show", "vn-us-dialogue-two", "--archive", str(merged)).output
    assert text.startswith(
        f"# RETRACTED: merged into {DIALOGUE} (the same dialogue, from a second wire)\n"
        f"# now recorded as {DIALOGUE}: 2nd Vietnam–US Security and Law Enforcement Dialogue, 2025-09-05\n"
        f"# see `timeline show {DIALOGUE}`"
    )  # fmt: skip
    data = shown(merged, "vn-us-dialogue-two")
    assert (data["retracted"]["merged_into"], data["survivor"]) == (DIALOGUE, DIALOGUE)


def test_a_later_merge_of_the_survivor_moves_the_old_slug_on(tmp_path: Path, merged: Path) -> None:
    third = make_record(
        slug="vn-us-dialogue-2-bis", title="The dialogue", series=None, session=None
    )
    assert run("append", write(tmp_path / "t.yaml", third), "--archive", str(merged)).exit_code == 0
    assert run("retract", DIALOGUE, "--reason", "r", "--merged-into", "vn-us-dialogue-2-bis",
               "--archive", str(merged)).exit_code == 0  # fmt: skip
    db = sqlite_utils.Database(merged / "timeline.db")
    assert db["retractions"].get("vn-us-dialogue-two")["survivor"] == "vn-us-dialogue-2-bis"
    assert shown(merged, "vn-us-dialogue-two")["survivor"] == "vn-us-dialogue-2-bis"
    incremental = dump(merged / "timeline.db")
    assert run("build", "--rebuild", "--archive", str(merged)).exit_code == 0
    assert dump(merged / "timeline.db") == incremental


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "--reason", "r"], "Error: nope: no engagement with this slug in {archive}"),
        ([DIALOGUE, "--reason", " "], "Error: vn-us-security-dialogue-2: reason: say why (an empty reason is refused)"),
        ([DIALOGUE, "--reason", "r", "--merged-into", "nope"], "Error: vn-us-security-dialogue-2: merged_into: no engagement 'nope' in {archive}"),
        ([DIALOGUE, "--reason", "r", "--merged-into", DIALOGUE], "Error: vn-us-security-dialogue-2: merged_into: an engagement cannot be merged into itself"),
        ([DIALOGUE, "--reason", "r", "--merged-into", "vn-us-dialogue-two"], "Error: vn-us-security-dialogue-2: merged_into: vn-us-dialogue-two is itself retracted (it was merged into vn-us-security-dialogue-2: merge into that)"),
        (["vn-us-dialogue-two", "--reason", "r"], "Error: vn-us-dialogue-two: vn-us-dialogue-two is already retracted"),
        ([DIALOGUE], "Error: Missing option '--reason'. (see `cli retract --help`)"),
    ],
)  # fmt: skip
def test_bad_retractions_write_nothing(merged: Path, args: list[str], message: str) -> None:
    before = snapshot(merged)
    result = run("retract", *args, "--archive", str(merged))
    assert result.exit_code == 1
    assert result.stderr.strip() == message.format(archive=merged)
    assert snapshot(merged) == before


def test_a_retracted_engagement_is_not_corrected_nor_corroborated(
    tmp_path: Path, merged: Path
) -> None:
    before = snapshot(merged)
    result = run("correct", "vn-us-dialogue-two", "--set", "session=3", "--reason", "r",
                 "--archive", str(merged))  # fmt: skip
    assert result.stderr.strip() == (
        "Error: vn-us-dialogue-two: retracted: a retracted engagement is not corrected"
    )
    dup = make_record(slug="vn-us-dialogue-two", title="Second dialogue", series=None,
                      session=None, sources=[SECOND_SOURCE], evidence=[])  # fmt: skip
    result = run("append", write(tmp_path / "dup2.yaml", dup), "--archive", str(merged))
    assert result.exit_code == 1
    assert f"record its new document under {DIALOGUE} instead" in result.stderr
    assert snapshot(merged) == before


def test_datasette_leads_from_a_retracted_slug_to_the_survivor(merged: Path) -> None:
    for client in open_client(merged / "timeline.db"):
        rows = client.rows("/timeline/retractions", slug="vn-us-dialogue-two")
        assert [(r["slug"], r["survivor"]) for r in rows] == [("vn-us-dialogue-two", DIALOGUE)]
        page = client.get("/timeline/retractions").text
        assert f'href="/timeline/engagements/{DIALOGUE}"' in page
        history_rows = client.query("revision_history", engagement="vn-us-dialogue-two")
        assert [r["merged_into"] for r in history_rows] == [None, DIALOGUE]
        # The old URL of its page leads to the survivor's (in HTML and in JSON).
        for suffix in ("", ".json"):
            moved = client.run(
                client.ds.client.get(f"/timeline/engagements/vn-us-dialogue-two{suffix}")
            )
            assert (moved.status_code, moved.headers["location"]) == (
                302,
                f"/timeline/engagements/{DIALOGUE}{suffix}",
            )
        missing = client.run(client.ds.client.get("/timeline/engagements/never-recorded"))
        assert missing.status_code == 404


def test_the_page_of_an_engagement_retracted_without_a_merge_leads_to_its_retraction(
    recorded: Path,
) -> None:
    result = run("retract", VISIT, "--reason", "never happened", "--archive", str(recorded))
    assert result.exit_code == 0, result.output
    shown_text = run("show", VISIT, "--archive", str(recorded)).output
    assert shown_text.startswith("# RETRACTED (never happened); what follows is its last state\n")
    for client in open_client(recorded / "timeline.db"):
        moved = client.run(client.ds.client.get(f"/timeline/engagements/{VISIT}"))
        assert (moved.status_code, moved.headers["location"]) == (
            302,
            f"/timeline/retractions/{VISIT}",
        )
        (row,) = client.rows("/timeline/retractions", slug=VISIT)
        assert (row["reason"], row["merged_into"], row["survivor"]) == (
            "never happened",
            None,
            None,
        )


# 4. History and as-of ---------------------------------------------------------------------------


def test_show_history_lists_when_what_and_why(tmp_path: Path, recorded: Path) -> None:
    run("correct", DIALOGUE, "--set", "guests=[VN, AU]", "--set", "title=Second dialogue",
        "--reason", "The embassy release", "--source", write(tmp_path / "s.yaml", SECOND_SOURCE),
        "--archive", str(recorded))  # fmt: skip
    run("retract", DIALOGUE, "--reason", "never took place", "--archive", str(recorded))
    lines = run("show", DIALOGUE, "--history", "--archive", str(recorded)).output.splitlines()
    stamp = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"
    expected = [
        rf"v1  {stamp}  Recorded",
        rf"    from {tmp_path / 'r.yaml'}: record 1",
        rf"v2  {stamp}  Corrected: The embassy release",
        r"    on the evidence of embassy-release",
        r'    title: "2nd Vietnam–US Security and Law Enforcement Dialogue" -> "Second dialogue"',
        r'    guests: \+ "AU"',
        r'    sources: \+ \{"document": "embassy-release", .*\}',
        # The source's own sentence stands as the evidence of each field it corrected.
        r'    evidence: \+ \{"document": "embassy-release", .*"field": "guests".*\}',
        r'    evidence: \+ \{"document": "embassy-release", .*"field": "title".*\}',
        rf"v3  {stamp}  Retracted: never took place",
    ]
    assert len(lines) == len(expected), lines
    for line, pattern in zip(lines, expected, strict=True):
        assert re.fullmatch(pattern, line), (line, pattern)
    data = history(recorded)
    assert data[1]["changes"]["guests"] == {"old": ["VN"], "new": ["VN", "AU"]}
    assert data[2]["changes"] == {}


def test_as_of_query_and_build_say_what_the_archive_said_then(
    tmp_path: Path, archive_dir: Path
) -> None:
    archive = Archive(archive_dir)
    archive.append([EngagementFacts.model_validate(visit_record())])
    build(archive)
    t1 = datetime.now(UTC)
    archive.append([EngagementFacts.model_validate(make_record())])
    archive.correct(DIALOGUE, {"title": "Second dialogue"}, reason="shorter")
    t2 = datetime.now(UTC)
    archive.retract(VISIT, reason="never happened")
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)

    def said(when: datetime) -> dict[str, tuple[int, str, int]]:
        # The one SQL query of the as_of canned query, with a timestamp.
        rows = db.query(
            "select engagement, version, title, retracted from revisions "
            "where current_from <= :t and (current_until is null or current_until > :t)",
            {"t": when.isoformat()},
        )
        return {r["engagement"]: (r["version"], r["title"], r["retracted"]) for r in rows}

    visit_title = visit_record()["title"]
    assert said(t1) == {VISIT: (1, visit_title, 0)}
    assert said(t2) == {VISIT: (1, visit_title, 0), DIALOGUE: (2, "Second dialogue", 0)}
    assert said(datetime.now(UTC)) == {
        VISIT: (2, visit_title, 1),
        DIALOGUE: (2, "Second dialogue", 0),
    }
    # The published canned query gives the same answers, through Datasette.
    for client in open_client(archive.projection_path):
        for when in (t1, t2):
            rows = client.query("as_of", when=when.isoformat())
            got = {r["engagement"]: (r["version"], r["title"], r["retracted"]) for r in rows}
            assert got == said(when)
        # A date stands for the end of that day: today's holds every event so far.
        day = client.query("as_of", when=datetime.now(UTC).date().isoformat())
        assert {(r["engagement"], r["version"]) for r in day} == {(VISIT, 2), (DIALOGUE, 2)}
    db.close()

    # The whole archive as it stood at t1 and t2, in files of their own; timeline.db untouched.
    current = dump(archive.projection_path)
    report = build_as_of(archive, t1, tmp_path / "t1.db")
    assert (report.events, report.engagements) == (1, 1)
    then = sqlite_utils.Database(tmp_path / "t1.db")
    assert [r["slug"] for r in then["engagements"].rows] == [VISIT]
    assert then["revisions"].count == 1
    result = run("build", "--as-of", t2.isoformat(), "-o", str(tmp_path / "t2.db"),
                 "--archive", str(archive_dir))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{tmp_path / 't2.db'} written: the archive as of ")
    t2_db = sqlite_utils.Database(tmp_path / "t2.db")
    assert {(r["slug"], r["title"]) for r in t2_db["engagements"].rows} == {
        (VISIT, visit_title),
        (DIALOGUE, "Second dialogue"),
    }
    assert t2_db["retractions"].count == 0
    assert dump(archive.projection_path) == current
    # As of now, the as-of file equals timeline.db table by table.
    run(
        "build",
        "--as-of",
        "9999-12-31",
        "-o",
        str(tmp_path / "now.db"),
        "--archive",
        str(archive_dir),
    )
    assert dump(tmp_path / "now.db") == current


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "last tuesday"], "Error: --as-of 'last tuesday': not a date (YYYY-MM-DD) or an ISO timestamp (YYYY-MM-DDTHH:MM:SS, with an optional zone)"),
        (["--as-of", "2025-13-01"], "Error: --as-of '2025-13-01': not a date (YYYY-MM-DD) or an ISO timestamp (YYYY-MM-DDTHH:MM:SS, with an optional zone)"),
        (["--as-of", "2025-01-01", "-o", "{archive}/timeline.db"], "Error: --output {archive}/timeline.db: that is the archive's timeline.db; an as-of build goes to another file"),
        (["--as-of", "2025-01-01", "-o", "{archive}/no/such/t.db"], "Error: --output {archive}/no/such/t.db: no folder {archive}/no/such"),
        (["-o", "x.db"], "Error: --output: only with --as-of (timeline.db is always built in place)"),
        (["--as-of", "2025-01-01", "--rebuild"], "Error: --rebuild: an --as-of build always writes a new file"),
    ],
)  # fmt: skip
def test_bad_as_of_builds_write_nothing(recorded: Path, args: list[str], message: str) -> None:
    before = snapshot(recorded)
    files = sorted(p.name for p in recorded.iterdir())
    args = [a.format(archive=recorded) for a in args]
    result = run("build", *args, "--archive", str(recorded))
    assert result.exit_code == 1
    assert result.stderr.strip() == message.format(archive=recorded)
    assert snapshot(recorded) == before
    assert sorted(p.name for p in recorded.iterdir()) == files


def test_as_of_a_date_is_the_end_of_that_day_in_utc() -> None:
    assert parse_as_of("2025-09-05").isoformat() == "2025-09-05T23:59:59.999999+00:00"
    assert parse_as_of("2025-09-05T10:00").isoformat() == "2025-09-05T10:00:00+00:00"
    assert parse_as_of("2025-09-05T10:00+07:00").isoformat() == "2025-09-05T03:00:00+00:00"


def test_default_as_of_file_is_beside_timeline_db(recorded: Path) -> None:
    result = run("build", "--as-of", "2020-01-01", "--archive", str(recorded))
    assert result.exit_code == 0, result.output
    path = recorded / "timeline-as-of-2020-01-01.db"
    assert sqlite_utils.Database(path)["engagements"].count == 0


def test_a_timeline_db_from_before_the_retractions_table_is_rebuilt(recorded: Path) -> None:
    assert run("retract", VISIT, "--reason", "r", "--archive", str(recorded)).exit_code == 0
    with sqlite3.connect(recorded / "timeline.db") as db:
        db.execute("drop table retractions")  # as an earlier version built it
    result = run("build", "--archive", str(recorded))
    assert result.output.startswith("timeline.db rebuilt: 3 events projected"), result.output
    assert sqlite_utils.Database(recorded / "timeline.db")["retractions"].count == 1
