"""Every read command is a call of the library: `list`, `show` and `verify` print what
`timeline_rows`, `engagement_document`, `revision_data` and `verify` return, on an archive of the
seed records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import timeline
from events import KINDS
from tests.helpers import ROOT, Backend
from timeline import Archive, build, load
from timeline.cli import cli

DIALOGUE = "vn-us-security-law-enforcement-dialogue-2"
VISIT = "vn-us-mps-delegation-visit-2025-09"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def seeded(archive_dir: Path, backend: Backend) -> Archive:
    archive = Archive(archive_dir)
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    return archive


def folder(archive: Archive) -> str:
    """The archive's folder, for --archive (on PostgreSQL it holds only timeline.db)."""
    return str(archive.projection_path.parent)


def json_lines(result: Result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("options", "query"),
    [
        ([], {}),
        (["--country", "vn"], {"country": "vn"}),
        (
            ["--country", "AU", "--kind", "embassy_visit"],
            {"country": "AU", "kind": "embassy_visit"},
        ),
        (
            ["--kind", "meeting", "--since", "2025-09"],
            {"kind": "meeting", "since": date(2025, 9, 1)},
        ),
    ],
    ids=["all", "country", "country-kind", "kind-since"],
)
def test_list_nl_prints_the_rows_timeline_rows_returns(
    seeded: Archive, options: list[str], query: dict
) -> None:
    printed = json_lines(run("list", "--nl", *options, "--archive", folder(seeded)))
    returned = timeline.timeline_rows(seeded, **query)
    assert printed == returned
    assert returned, "the seeds have engagements for every one of these filters"
    starts = [row["start_date"] for row in returned]
    assert starts == sorted(starts)
    if "kind" in query:
        assert {row["kind"] for row in returned} == {query["kind"]}


def test_timeline_rows_reads_a_timeline_db_file_as_it_reads_the_archive(seeded: Archive) -> None:
    rows = timeline.timeline_rows(seeded.projection_path, country="VN")
    assert rows == timeline.timeline_rows(seeded, country="VN")
    assert len(rows) == 12  # every seed engagement has Vietnam as host or guest
    dialogue = next(r for r in rows if r["engagement"] == DIALOGUE)
    assert (dialogue["counterpart"], dialogue["role"]) == ("US", "guest")


def test_timeline_rows_refuses_a_kind_outside_the_vocabulary(seeded: Archive) -> None:
    with pytest.raises(timeline.TimelineError, match=r"kind 'summit': not a kind .*dialogue"):
        timeline.timeline_rows(seeded, kind="summit")


def test_timeline_rows_of_a_missing_file_says_so_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "timeline.db"
    with pytest.raises(timeline.TimelineError, match=r"no timeline\.db here"):
        timeline.timeline_rows(missing)
    assert not missing.exists()


def test_list_offers_the_kinds_of_the_vocabulary() -> None:
    result = run("list", "--help")
    assert "--kind [" + "|".join(KINDS) + "]" in " ".join(result.output.split())
    refused = CliRunner().invoke(cli, ["list", "--kind", "summit"])
    assert refused.exit_code == 1
    assert refused.output.count("\n") == 1 and "'summit' is not one of" in refused.output


def test_show_json_prints_the_engagement_document(seeded: Archive) -> None:
    printed = run("show", DIALOGUE, "--json", "--archive", folder(seeded))
    document = timeline.engagement_document(seeded, DIALOGUE)
    assert json.loads(printed.stdout) == document
    assert document["facts"]["title"] == seeded.get(DIALOGUE).facts.title
    assert (document["version"], document["retracted"], document["survivor"]) == (1, None, None)
    assert [e["event"] for e in document["events"]] == ["Recorded"]


def test_the_document_of_a_merged_engagement_names_where_it_lives_now(seeded: Archive) -> None:
    seeded.retract(DIALOGUE, "recorded twice", merged_into=VISIT)
    document = timeline.engagement_document(seeded, DIALOGUE)
    assert document["retracted"] == {"reason": "recorded twice", "merged_into": VISIT}
    assert document["survivor"] == VISIT
    assert [e["event"] for e in document["events"]] == ["Recorded", "Retracted"]
    printed = run("show", DIALOGUE, "--archive", folder(seeded))
    assert f"# RETRACTED: merged into {VISIT} (recorded twice)" in printed.output
    assert f"# now recorded as {VISIT}: {seeded.get(VISIT).facts.title}" in printed.output
    assert json.loads(run("show", DIALOGUE, "--json", "--archive", folder(seeded)).stdout) == (
        timeline.engagement_document(seeded, DIALOGUE)
    )


def test_show_history_nl_prints_each_revisions_data(seeded: Archive) -> None:
    seeded.correct(DIALOGUE, {"summary": "A fuller summary."}, reason="the article says more")
    printed = json_lines(run("show", DIALOGUE, "--history", "--nl", "--archive", folder(seeded)))
    returned = [timeline.revision_data(r) for r in seeded.revisions(DIALOGUE)]
    assert printed == returned
    assert [r["event"] for r in returned] == ["Recorded", "Corrected"]
    assert returned[1]["reason"] == "the article says more"
    assert returned[1]["changes"]["summary"]["new"] == "A fuller summary."


def test_engagement_document_of_an_unknown_slug_raises_not_found(seeded: Archive) -> None:
    with pytest.raises(timeline.NotFoundError, match="no-such-slug: no engagement"):
        timeline.engagement_document(seeded, "no-such-slug")


def test_verify_prints_the_report_verify_returns(seeded: Archive) -> None:
    report = timeline.verify(seeded)
    assert report.ok and report.events == report.engagements == 12
    result = run("verify", "--archive", folder(seeded))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"store:       {report.events} events of {report.engagements} engagements",
        f"head:        {report.head} (notification {report.head_position})",
        f"timeline.db: at notification {report.projection_position}, "
        f"{report.tables} tables compared with a rebuild from the store",
        "verified",
    ]
