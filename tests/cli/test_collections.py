"""Collections from the command line and the Python API: `append --collection`, `list
--collection`, `timeline collections`, what they refuse, and events stored before collections
existed (class version 2 of `Recorded`), which get theirs from what they hold."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
import sqlite_utils
from click.testing import CliRunner, Result
from eventsourcing.persistence import StoredEvent

from events import EngagementFacts, engagement_id
from events.collections import collection_of_stored
from tests.helpers import make_record, visit_record
from timeline import integrity
from timeline.cli import cli
from timeline.errors import CollectionError
from timeline.projection.build import build
from timeline.projection.queries import timeline_rows
from timeline.store.application import Archive

ROOT = Path(__file__).resolve().parents[2]
SEEDS = str(ROOT / "seeds" / "records")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def trip_file(folder: Path) -> Path:
    path = folder / "trip.yaml"
    trip = visit_record(slug="us-vn-visit-2023-09-10", title="President visits Vietnam",
                        date="2023-09-10", host="VN", guests=["US"], place={"country": "VN"})  # fmt: skip
    path.write_text(json.dumps({"engagements": [trip]}), encoding="utf-8")
    return path


def test_append_records_into_the_collection_named(tmp_path: Path) -> None:
    folder = str(tmp_path / "archive")
    assert run("append", SEEDS, "--archive", folder).exit_code == 0
    result = run("append", str(trip_file(tmp_path)), "--collection", "historyatstate-travels",
                 "--archive", folder)  # fmt: skip
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(Path(folder) / "timeline.db")
    counts = {r["name"]: r["engagements"] for r in db.query("select * from collections")}
    assert counts["curated"] == 12 and counts["historyatstate-travels"] == 1
    trip = db.execute(
        "select collection from timeline where engagement = 'us-vn-visit-2023-09-10'"
    ).fetchall()
    assert trip == [("historyatstate-travels",), ("historyatstate-travels",)]
    shown = run("show", "us-vn-visit-2023-09-10", "--json", "--archive", folder).stdout
    assert json.loads(shown)["collection"] == "historyatstate-travels"
    assert (
        "# collection: historyatstate-travels"
        in run("show", "us-vn-visit-2023-09-10", "--archive", folder).stdout
    )


def test_list_shows_the_security_collections_and_says_how_many_others_there_are(
    tmp_path: Path,
) -> None:
    folder = str(tmp_path / "archive")
    run("append", SEEDS, "--archive", folder)
    run("append", str(trip_file(tmp_path)), "--collection", "historyatstate-travels",
        "--archive", folder)  # fmt: skip
    default = run("list", "--country", "VN", "--archive", folder)
    assert "us-vn-visit-2023-09-10" not in default.stdout
    assert "(12 engagements; 1 more in other collections: --collection all)" in default.stderr
    trips = run("list", "--country", "vn", "--collection", "historyatstate-travels",
                "--archive", folder)  # fmt: skip
    assert [line.split()[-1] for line in trips.stdout.splitlines()] == ["us-vn-visit-2023-09-10"]
    everything = run("list", "--collection", "all", "--nl", "--archive", folder)
    assert len(everything.stdout.splitlines()) == 13
    both = run("list", "--collection", "curated", "--collection", "reviewed", "--archive", folder)
    assert len(both.stdout.splitlines()) == 12


def test_collections_lists_each_with_its_count_and_whether_it_is_shown(tmp_path: Path) -> None:
    folder = str(tmp_path / "archive")
    run("append", SEEDS, "--archive", folder)
    lines = run("collections", "--archive", folder).stdout.splitlines()
    assert lines[0].split()[:3] == ["curated", "12", "default"]
    assert lines[2].split()[:4] == ["historyatstate-visits", "0", "on", "request"]
    rows = json.loads(run("collections", "--json", "--archive", folder).stdout)
    assert {r["name"] for r in rows} >= {"curated", "reviewed", "historyatstate-travels"}
    assert rows[0]["engagements"] == 12 and rows[0]["default_view"] == 1
    csv_lines = run("collections", "--csv", "--archive", folder).stdout.splitlines()
    assert csv_lines[0].startswith("name,") and csv_lines[1].startswith("curated,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["append", SEEDS, "--collection", "curatd"], "did you mean 'curated'?"),
        (["append", SEEDS, "--collection", "all"], "unknown collection 'all'"),
        (["list", "--collection", "historyatstate"], "did you mean 'historyatstate-visits'?"),
        (["list", "--collection", "zzzz"], "(the collections: curated, reviewed"),
        (["list", "--since", "2024-13-01"], "--since"),
    ],
)
def test_an_unknown_collection_or_bad_date_is_one_line_and_writes_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    folder = tmp_path / "archive"
    result = CliRunner().invoke(cli, [*args, "--archive", str(folder)])
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not folder.exists()


def test_the_api_refuses_an_unknown_collection_before_writing(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    with pytest.raises(CollectionError, match="did you mean 'reviewed'"):
        archive.append([EngagementFacts.model_validate(make_record())], collection="reviewd")
    assert archive.recorded_ids([engagement_id(make_record()["slug"])]) == set()
    with pytest.raises(CollectionError):
        timeline_rows(tmp_path, collections=["nope"])


@pytest.mark.parametrize(
    ("first_document", "origin", "collection"),
    [
        ("historyatstate-visits-1234", "visits/data/2020.xml: record 1234", "historyatstate-visits"),
        ("historyatstate-travels-77", "travels/presidents.xml: record 77", "historyatstate-travels"),
        ("wire-1", "draft.yaml draft 1: extracted by timeline extract 3, reviewed by ana on "
                   "2026-01-01 with timeline review", "reviewed"),
        ("wire-1", "seeds/records/vn-us-2025.yaml: record 1", "curated"),
        ("wire-1", None, "curated"),
    ],
)  # fmt: skip
def test_an_event_stored_before_collections_gets_one_from_what_it_holds(
    first_document: str, origin: str | None, collection: str
) -> None:
    state = {"facts": {"sources": [{"document": first_document}]}, "origin": origin}
    assert collection_of_stored(state) == collection


def test_a_v2_recorded_event_reads_into_its_collection_and_the_chain_verifies(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path / "archive")
    facts = make_record(slug="us-vn-visit-2023-09-10", part_of=None, series=None, session=None)
    facts["sources"][0]["document"] = "historyatstate-travels-5001"
    facts["evidence"] = []
    stored = {
        "timestamp": "2025-09-06T08:00:00.000001Z",
        "originator_topic": "events.engagement:Engagement",
        "facts": facts,
        "origin": "travels/presidents.xml: record 5001",
        "class_version": 2,
    }
    key = engagement_id(facts["slug"])
    archive.recorder.insert_events(
        [StoredEvent(originator_id=key, originator_version=1,
                     topic="events.engagement:Engagement.Recorded", state=orjson.dumps(stored))]
    )  # fmt: skip
    archive.close()
    # Opened again, as an archive of that version would be: its identity table gets filled.
    archive = Archive(tmp_path / "archive")
    assert archive.get(facts["slug"]).state.collection == "historyatstate-travels"
    build(archive)
    rows = timeline_rows(archive, collections=["historyatstate-travels"])
    assert [r["engagement"] for r in rows] == [facts["slug"]]
    assert timeline_rows(archive) == []
    assert integrity.verify(archive).problems == []
