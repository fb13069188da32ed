"""The output formats of the commands that print rows (--json, --nl, --csv, --tsv, --table,
--fmt, --no-headers), and `list`'s filters (--until, --counterpart, --collection, --limit), on a
real archive of the seed records: each format holds the rows `timeline_rows` returns, and bad
input is one line, exit code 1."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner, Result

import timeline
from events import TOPICS
from tests.helpers import ROOT
from timeline import Archive, build, load
from timeline.cli import cli

DIALOGUE = "vn-us-security-law-enforcement-dialogue-2"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("seeded") / "archive"
    archive = Archive(folder)
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    archive.close()
    return str(folder)


def printed(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_each_format_of_list_holds_the_rows_timeline_rows_returns(seeded: str) -> None:
    rows = timeline.timeline_rows(seeded + "/timeline.db", country="VN")
    as_text = [{k: "" if v is None else str(v) for k, v in row.items()} for row in rows]
    listed = ("list", "--country", "VN", "--archive", seeded)
    assert json.loads(printed(*listed, "--json")) == rows
    assert [json.loads(x) for x in printed(*listed, "--nl").splitlines()] == rows
    assert list(csv.DictReader(io.StringIO(printed(*listed, "--csv")))) == as_text
    tsv = printed(*listed, "--tsv")
    assert list(csv.DictReader(io.StringIO(tsv), dialect="excel-tab")) == as_text
    table = printed(*listed, "--table").splitlines()
    assert table[0].split() == list(rows[0])
    assert set(table[1]) == {"-", " "}
    assert len(table) == len(rows) + 2
    assert [line.split()[-1] for line in table[2:]] == [row["engagement"] for row in rows]


def test_json_is_one_array_with_the_vietnamese_written_as_it_is(seeded: str) -> None:
    out = printed("list", "--country", "VN", "--kind", "dialogue", "--json", "--archive", seeded)
    assert out.startswith("[{") and out.rstrip().endswith("}]")
    assert "–" in out and "\\u" not in out  # VN–US, not an escape


def test_fmt_picks_a_tabulate_layout_and_no_headers_leaves_the_header_out(seeded: str) -> None:
    github = printed("list", "--limit", "1", "--fmt", "github", "--archive", seeded).splitlines()
    assert github[0].startswith("| start_date ") and github[1].startswith("|--")
    assert len(github) == 3
    bare = printed("list", "--limit", "2", "--csv", "--no-headers", "--archive", seeded)
    assert [row[-1] for row in csv.reader(io.StringIO(bare))] == [
        row["engagement"] for row in timeline.timeline_rows(seeded + "/timeline.db")[:2]
    ]


def test_an_empty_result_is_an_empty_array_and_a_header_row(seeded: str) -> None:
    none = ("list", "--since", "2100", "--archive", seeded)
    assert printed(*none, "--json").strip() == "[]"
    assert printed(*none, "--nl") == ""
    assert printed(*none, "--csv").splitlines() == [
        "start_date,end_date,date_label,kind,title,city,place_country,countries,engagement"
    ]


def test_until_keeps_what_started_by_the_end_of_that_day_month_or_year(seeded: str) -> None:
    def engagements(*options: str) -> list[str]:
        out = printed("list", *options, "--json", "--archive", seeded)
        return [row["engagement"] for row in json.loads(out)]

    everything = engagements()
    starts = {
        r["engagement"]: r["start_date"]
        for r in json.loads(printed("list", "--json", "--archive", seeded))
    }
    assert engagements("--until", "2023") == [e for e in everything if starts[e] <= "2023-12-31"]
    assert engagements("--until", "2025-09") == everything  # 5 Sept 2025 is the latest
    assert engagements("--until", "2025-09-04") == [e for e in everything if e != DIALOGUE]
    assert engagements("--since", "2024", "--until", "2024") == [
        "vn-us-security-law-enforcement-dialogue-1"
    ]
    assert engagements("--until", "2024") == engagements("--until", "2024-12-31")


def test_counterpart_keeps_the_pairs_engagements(seeded: str) -> None:
    out = printed("list", "--country", "vn", "--counterpart", "au", "--json", "--archive", seeded)
    rows = json.loads(out)
    assert rows and {r["counterpart"] for r in rows} == {"AU"}
    assert rows == timeline.timeline_rows(seeded + "/timeline.db", country="VN", counterpart="AU")
    vn = timeline.timeline_rows(seeded + "/timeline.db", country="VN")
    assert [r for r in vn if "AU" in r["counterpart"].split(", ")] == rows


def test_limit_keeps_the_first_rows_in_date_order(seeded: str) -> None:
    rows = timeline.timeline_rows(seeded + "/timeline.db")
    assert json.loads(printed("list", "--limit", "3", "--json", "--archive", seeded)) == rows[:3]
    assert printed("list", "--limit", "0", "--nl", "--archive", seeded) == ""


def test_collection_keeps_the_engagements_of_those_collections(tmp_path: Path, seeded: str) -> None:
    path = tmp_path / "timeline.db"
    path.write_bytes(Path(seeded, "timeline.db").read_bytes())
    db = sqlite_utils.Database(path)
    moved = "collection = 'historyatstate-visits'"
    db.execute(f"update engagements set {moved} where slug = '{DIALOGUE}'")
    db.execute(f"update timeline set {moved} where engagement = '{DIALOGUE}'")
    db.conn.commit()
    db.close()
    curated = timeline.timeline_rows(path, collections=["curated"])
    assert DIALOGUE not in [r["engagement"] for r in curated] and len(curated) == 11
    other = timeline.timeline_rows(path, country="US", collections=["historyatstate-visits"])
    assert [r["engagement"] for r in other] == [DIALOGUE]
    assert len(timeline.timeline_rows(path, collections=["all"])) == 12
    limited = timeline.timeline_rows(path, collections=["all"], limit=2)
    assert limited == timeline.timeline_rows(path, collections=["all"])[:2]


def test_topics_prints_the_vocabulary_in_every_format() -> None:
    rows = json.loads(printed("topics", "--json"))
    assert rows == [{"key": k, "en": t.en, "vi": t.vi} for k, t in TOPICS.items()]
    tsv = list(csv.reader(io.StringIO(printed("topics", "--tsv")), dialect="excel-tab"))
    assert tsv[0] == ["key", "en", "vi"] and len(tsv) == len(TOPICS) + 1


def test_verify_json_is_the_report_and_the_exit_code_is_the_same(seeded: str) -> None:
    report = json.loads(printed("verify", "--json", "--archive", seeded))
    assert report["verified"] is True and report["problems"] == []
    assert report["events"] == 12 and len(report["head"]) == 64
    wrong = run("verify", "--json", "--expect", "0" * 64, "--archive", seeded)
    assert wrong.exit_code == 1
    assert json.loads(wrong.stdout)["verified"] is False
    assert wrong.stderr.strip().startswith("Error: head ")


def test_show_history_prints_the_revisions_as_rows(seeded: str) -> None:
    shown = ("show", DIALOGUE, "--history", "--archive", seeded)
    rows = json.loads(printed(*shown, "--json"))
    assert [r["event"] for r in rows] == ["Recorded"]
    table = list(csv.DictReader(io.StringIO(printed(*shown, "--csv"))))
    assert [(r["version"], r["event"], r["changes"]) for r in table] == [("1", "Recorded", "{}")]


def test_evaluate_prints_a_row_per_document_and_one_overall() -> None:
    rows = json.loads(
        "[" + ",".join(printed("evaluate", str(ROOT / "seeds"), "--nl").splitlines()) + "]"
    )
    assert [r["document"] for r in rows][-1] == "overall"
    assert len(rows) == len(list((ROOT / "seeds" / "documents").glob("*.txt"))) + 1
    assert all(0 <= r["events_f1"] <= 1 for r in rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--json", "--csv"], "--json, --csv: use just one output format"),
        (["list", "--nl", "--table"], "--nl, --table: use just one output format"),
        (["list", "--csv", "--fmt", "github"], "--csv, --fmt: use just one output format"),
        (["list", "--fmt", "nope"], "--fmt 'nope': not a table format"),
        (["list", "--xml"], "No such option '--xml'"),
        (["list", "--until", "2025-13"], "Invalid value for '--until': '2025-13': not a date"),
        (
            ["list", "--until", "2025-02-30"],
            "Invalid value for '--until': '2025-02-30': not a date",
        ),
        (
            ["list", "--since", "5/9/2025"],
            "Invalid value for '--since': '5/9/2025': expected a date",
        ),
        (["list", "--limit", "-1"], "--limit -1: a limit is 0 or more"),
        (["list", "--limit", "ten"], "Invalid value for '--limit'"),
        (["list", "--country", "XX"], "Invalid value for '--country': unknown country 'XX'"),
        (
            ["list", "--country", "VN", "--counterpart", "ZZ"],
            "Invalid value for '--counterpart': unknown country 'ZZ'",
        ),
        (["list", "--counterpart", "US"], "--counterpart: give --country too"),
        (
            ["list", "--collection", "nope"],
            "unknown collection 'nope' (the collections: curated, reviewed",
        ),
        (["show", DIALOGUE, "--csv"], "--csv: an engagement is one document (--json)"),
        (["verify", "--csv"], "No such option '--csv'"),
        (["topics", "--json", "--tsv"], "--json, --tsv: use just one output format"),
    ],
)
def test_bad_output_and_list_options_are_one_line_and_exit_code_1(
    seeded: str, args: list[str], message: str
) -> None:
    before = {p.name: p.read_bytes() for p in Path(seeded).iterdir()}
    result = run(*args, *([] if args[0] == "topics" else ["--archive", seeded]))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert {p.name: p.read_bytes() for p in Path(seeded).iterdir()} == before


def test_list_options_are_checked_before_the_archive_is_opened(tmp_path: Path) -> None:
    result = run("list", "--limit", "-1", "--archive", str(tmp_path / "none"))
    assert result.exit_code == 1 and "--limit -1" in result.stderr
    assert not (tmp_path / "none").exists()


def test_since_and_until_reach_timeline_rows_as_dates(seeded: str) -> None:
    rows = timeline.timeline_rows(
        seeded + "/timeline.db", since=date(2024, 1, 1), until=date(2024, 12, 31)
    )
    assert [r["engagement"] for r in rows] == ["vn-us-security-law-enforcement-dialogue-1"]


def test_extract_of_a_folder_prints_its_table_as_rows(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    rows = json.loads(
        printed("extract", str(ROOT / "seeds" / "documents"), "-o", str(drafts), "--json")
    )
    written = sorted(p.name for p in drafts.glob("*.yaml"))
    assert [Path(r["draft"]).name for r in rows] == written
    assert all(r["error"] is None and r["records"] >= r["complete"] > 0 for r in rows)
    assert all(isinstance(r["flags"], dict) for r in rows)


def test_extract_of_one_article_has_no_table_to_format(tmp_path: Path) -> None:
    article = next((ROOT / "seeds" / "documents").glob("*.txt"))
    result = run("extract", str(article), "--csv", "-o", str(tmp_path / "d.yaml"))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {article}: --csv: the table is a FOLDER's"
    ]
    assert not (tmp_path / "d.yaml").exists()


def test_counterpart_takes_a_name_as_country_does(seeded: str) -> None:
    by_name = printed(
        "list", "--country", "Việt Nam", "--counterpart", "Hoa Kỳ", "--nl", "--archive", seeded
    )
    by_code = printed("list", "--country", "VN", "--counterpart", "US", "--nl", "--archive", seeded)
    assert by_name == by_code and by_code
