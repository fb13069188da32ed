"""An international organisation's side (`INT`) through the commands: appended from YAML,
corrected, projected into the countries table and the per-country timeline, and exported as
every format treats a side (PLOVER codes it `IGO`)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result

from tests.exports import schemas
from tests.helpers import SOURCE, make_record
from timeline.cli import cli

UNODC = {"name": "United Nations Office on Drugs and Crime", "abbreviation": "UNODC",
         "country": "INT"}  # fmt: skip
# A UNODC representative received in Hanoi, and a delegation's session at Interpol in Lyon.
RECEIVED = {
    "slug": "vn-int-unodc-meeting-2024-05",
    "kind": "meeting",
    "title": "Vice Minister receives the UNODC representative",
    "date": "2024-05-14",
    "place": {"city": "Hanoi", "country": "VN"},
    "host": "VN",
    "guests": ["INT"],
    "participants": [
        {"name": "Đỗ Minh Tâm", "country": "VN", "role": "host"},
        {"name": "Henrik Lindqvist", "title": "Country Manager", "organisation": "UNODC",
         "country": "INT", "role": "guest"},
    ],
    "organisations": [UNODC],
    "topics": ["drug_trafficking"],
    "sources": [{**SOURCE, "document": "doc-unodc"}],
}  # fmt: skip
AT_SEAT = {
    "slug": "vn-int-interpol-meeting-2024-12",
    "kind": "meeting",
    "title": "Working session at the Interpol General Secretariat",
    "date": "2024-12-16",
    "place": {"city": "Lyon", "country": "FR"},
    "host": "INT",
    "guests": ["VN"],
    "organisations": [{"name": "International Criminal Police Organization",
                       "abbreviation": "INTERPOL", "country": "INT"}],
    "sources": [{**SOURCE, "document": "doc-lyon"}],
}  # fmt: skip


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("int")
    records = folder / "records.yaml"
    records.write_text(
        yaml.safe_dump_all([make_record(part_of=None), RECEIVED, AT_SEAT], allow_unicode=True),
        "utf-8",
    )
    result = run("append", str(records), "--archive", str(folder / "archive"))
    assert result.exit_code == 0, result.output
    return folder / "archive"


def listed(archive: Path, *args: str) -> list[dict[str, Any]]:
    result = run("list", *args, "--nl", "--archive", str(archive))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_countries_table_lists_int_as_its_own_group(archive: Path) -> None:
    with sqlite3.connect(archive / "timeline.db") as db:
        rows = db.execute(
            "select code, name_vi, historical, international from countries "
            "where code in ('INT', 'VN', 'SUHH') order by code"
        ).fetchall()
    assert rows == [
        ("INT", "Tổ chức quốc tế", 0, 1),
        ("SUHH", "Liên Xô", 1, 0),
        ("VN", "Việt Nam", 0, 0),
    ]


def test_int_has_its_timeline_of_engagements_with_international_bodies(archive: Path) -> None:
    found = listed(archive, "--country", "Tổ chức quốc tế")
    # The place's country is a counterpart, as of any meeting in a third country.
    assert [(r["engagement"], r["counterpart"]) for r in found] == [
        ("vn-int-unodc-meeting-2024-05", "VN"),
        ("vn-int-interpol-meeting-2024-12", "VN, FR"),
    ]
    pair = listed(archive, "--country", "VN", "--counterpart", "INT")
    assert {r["engagement"] for r in pair} == {RECEIVED["slug"], AT_SEAT["slug"]}


def test_a_correction_makes_an_organisation_a_guest_only_with_the_organisation_named(
    archive: Path,
) -> None:
    slug = make_record()["slug"]
    refused = run("correct", slug, "--set", "guests=[VN, INT]", "--reason", "r",
                  "--archive", str(archive))  # fmt: skip
    assert refused.exit_code == 1
    assert refused.output == (
        f"Error: {slug}: guests[1]: INT (an international organisation) needs the organisation "
        "in organisations, with country INT\n"
    )
    organisations = json.dumps([*make_record()["organisations"], UNODC])
    done = run("correct", slug, "--set", "guests=[VN, INT]", "--set", f"organisations={organisations}",
               "--reason", "UNODC attended", "--archive", str(archive))  # fmt: skip
    assert done.exit_code == 0, done.output
    assert slug in {r["engagement"] for r in listed(archive, "--country", "INT")}


def test_a_place_in_no_country_is_refused_on_append(tmp_path: Path) -> None:
    records = tmp_path / "bad.yaml"
    records.write_text(yaml.safe_dump({**AT_SEAT, "place": {"city": "Lyon", "country": "INT"}}))
    result = run("append", str(records), "--archive", str(tmp_path / "archive"))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "place.country: INT is an international organisation, not a place" in result.output
    assert not (tmp_path / "archive" / "timeline.db").exists()


def exported(archive: Path, fmt: str) -> str:
    result = run("export", fmt, "--archive", str(archive))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_plover_codes_the_organisations_side_igo_and_names_the_organisation(archive: Path) -> None:
    records = {r["id"]: r for r in map(json.loads, exported(archive, "plover").splitlines())}
    for record in records.values():
        jsonschema.Draft202012Validator(schemas.PLOVER).validate(record)
    seat = records["timeline-vn-int-interpol-meeting-2024-12"]
    (host,) = seat["recipient"]
    assert (host["code"], host["country"], host["actor_text"]) == (
        "IGO", "INT", "International Criminal Police Organization"
    )  # fmt: skip
    assert [a["code"] for a in seat["source"]] == ["VNM"]
    # the visitors came to the body's premises: a visit, though Lyon is in neither side
    assert seat["mode"] == "visit"
    assert seat["event_loc"]["cc3"] == "FRA" and seat["event_loc"]["name"] == "Lyon"
    received = records["timeline-vn-int-unodc-meeting-2024-05"]
    assert [(a["code"], a["actor_text"]) for a in received["source"]] == [
        ("IGO", "United Nations Office on Drugs and Crime")
    ]
    assert received["source"][0]["participants"][0]["name"] == "Henrik Lindqvist"
    assert received["mode"] == "visit"


def test_csv_geojson_and_timelinejs_carry_int_as_any_side(archive: Path) -> None:
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO(exported(archive, "csv")))}
    assert (rows[AT_SEAT["slug"]]["host"], rows[AT_SEAT["slug"]]["guests"]) == ("INT", "VN")
    features = {
        f["properties"]["slug"]: f for f in json.loads(exported(archive, "geojson"))["features"]
    }
    jsonschema.Draft202012Validator(schemas.GEOJSON).validate(
        json.loads(exported(archive, "geojson"))
    )
    assert features[AT_SEAT["slug"]]["properties"]["host"] == "INT"
    slides = json.loads(exported(archive, "timelinejs"))["events"]
    seat = next(s for s in slides if s["unique_id"] == AT_SEAT["slug"])
    assert "International organisation" in json.dumps(seat)


def test_a_timeline_db_from_before_the_column_takes_it_without_a_rebuild(tmp_path: Path) -> None:
    records = tmp_path / "records.yaml"
    records.write_text(yaml.safe_dump(AT_SEAT), "utf-8")
    folder = tmp_path / "archive"
    assert run("append", str(records), "--archive", str(folder)).exit_code == 0
    with sqlite3.connect(folder / "timeline.db") as db:
        db.execute("alter table countries drop column international")  # as an earlier version
    result = run("build", "--archive", str(folder))
    assert result.exit_code == 0 and "rebuilt" not in result.output, result.output
    with sqlite3.connect(folder / "timeline.db") as db:
        marked = db.execute("select code from countries where international").fetchall()
    assert marked == [("INT",)]
