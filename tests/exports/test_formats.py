"""Issue 15, item 8: `timeline export FORMAT` writes CSV, GeoJSON, TimelineJS JSON and PLOVER
JSONL, each checked against a schema written from the format's published definition (and the
schema against the format's own example), on a real archive (tests/exports/conftest.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from events import EngagementFacts
from tests.exports import schemas
from tests.exports.conftest import TRICKY_TITLE
from tests.helpers import SOURCE
from timeline import export_text
from timeline.exports.tabular import COLUMNS
from timeline.store.application import Archive

VALIDATOR = jsonschema.Draft202012Validator


def exported(folder: Path, fmt: str) -> str:
    with Archive(folder, must_exist=True) as archive:
        return export_text(archive, fmt)


@pytest.mark.parametrize(
    ("schema", "example"),
    [
        (schemas.GEOJSON, schemas.GEOJSON_EXAMPLE),
        (schemas.TIMELINEJS, schemas.TIMELINEJS_EXAMPLE),
        (schemas.PLOVER, schemas.PLOVER_EXAMPLE),
    ],
    ids=["geojson", "timelinejs", "plover"],
)
def test_each_schema_accepts_its_formats_published_example(schema: Any, example: Any) -> None:
    VALIDATOR.check_schema(schema)
    VALIDATOR(schema).validate(example)


@pytest.mark.parametrize(
    ("schema", "bad"),
    [
        # Latitude first: 105.8 is no latitude.
        (schemas.GEOJSON, {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [21.0, 105.8]},
             "properties": {}}]}),
        (schemas.TIMELINEJS, {"events": [{"start_date": {"month": 3}}]}),
        (schemas.PLOVER, {**schemas.PLOVER_EXAMPLE, "mode": "lunch"}),
    ],
    ids=["geojson-swapped-coordinates", "timelinejs-no-year", "plover-unknown-mode"],
)  # fmt: skip
def test_each_schema_refuses_what_its_format_forbids(schema: Any, bad: Any) -> None:
    assert not VALIDATOR(schema).is_valid(bad)


def test_geojson_is_a_feature_collection_with_longitude_first(export_archive: Path) -> None:
    data = json.loads(exported(export_archive, "geojson"))
    VALIDATOR(schemas.GEOJSON).validate(data)
    features = {f["id"]: f for f in data["features"]}
    assert len(features) == 4
    (lon, lat) = features["vn-us-security-dialogue-2"]["geometry"]["coordinates"]
    # Washington, D.C.: west of Greenwich, north of the equator.
    assert -78 < lon < -76 and 38 < lat < 40
    # Known only to the country: an unlocated feature, not a dropped one (RFC 7946, 3.2).
    assert features["vn-us-au-meeting-2023"]["geometry"] is None
    assert features["vn-us-security-dialogue-2"]["properties"]["title"] == TRICKY_TITLE


def test_timelinejs_dates_carry_only_the_known_precision(export_archive: Path) -> None:
    data = json.loads(exported(export_archive, "timelinejs"))
    VALIDATOR(schemas.TIMELINEJS).validate(data)
    slides = {s["unique_id"]: s for s in data["events"]}
    assert slides["vn-us-security-dialogue-2"]["start_date"] == {"year": 2025, "month": 9, "day": 5}
    assert slides["vn-us-visit-2025"]["end_date"] == {"year": 2025, "month": 9, "day": 5}
    assert slides["vn-us-meeting-singapore-2024"]["start_date"] == {"year": 2024, "month": 7}
    assert slides["vn-us-au-meeting-2023"]["start_date"] == {"year": 2023}
    assert "end_date" not in slides["vn-us-au-meeting-2023"]
    # TimelineJS renders text as HTML: a title's markup is shown, never run.
    headline = slides["vn-us-security-dialogue-2"]["text"]["headline"]
    assert "<b>" not in headline and "&lt;b&gt;" in headline
    assert (
        "<blockquote>The dialogue was held on 5 September.</blockquote>"
        in (slides["vn-us-security-dialogue-2"]["text"]["text"])
    )


def test_plover_records_are_consult_events_with_mode_sides_place_and_citation(
    export_archive: Path,
) -> None:
    lines = exported(export_archive, "plover").splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    for record in records.values():
        VALIDATOR(schemas.PLOVER).validate(record)
        assert record["event"] == ["CONSULT"] and record["quad_code"] == 1
    hosted = records["timeline-vn-us-security-dialogue-2"]
    # The manual: the visitor is the source, the host the recipient, mode "visit".
    assert [a["code"] for a in hosted["source"]] == ["VNM"]
    assert [a["code"] for a in hosted["recipient"]] == ["USA"]
    assert hosted["mode"] == "visit"
    assert hosted["source"][0]["participants"][0]["name"] == "Lương Tam Quang"
    assert hosted["date"] == "2025-09-05" and "enddate" not in hosted
    assert hosted["event_loc"]["name"] == "Washington, D.C." and hosted["event_loc"]["cc3"] == "USA"
    assert hosted["event_text"] == ["The dialogue was held on 5 September."]
    assert hosted["text_info"] == {"start": 0, "end": 37}
    assert hosted["cite_info"]["citation"] == "test-doc"
    assert hosted["cite_info"]["url"] == "https://example.org/news/1"
    visit = records["timeline-vn-us-visit-2025"]
    assert (visit["date"], visit["enddate"]) == ("2025-09-04", "2025-09-05")
    third = records["timeline-vn-us-meeting-singapore-2024"]
    assert third["mode"] == "third-party" and "recipient" not in third
    assert third["date_precision"] == "month"
    many = records["timeline-vn-us-au-meeting-2023"]
    assert many["mode"] == "multilateral"
    assert sorted(a["code"] for a in many["source"]) == ["AUS", "USA", "VNM"]


def test_csv_is_rfc_4180_with_a_header_and_crlf_line_ends(export_archive: Path) -> None:
    text = exported(export_archive, "csv")
    # RFC 4180, 2.1: each record ends with CRLF; 2.3: a header line.
    assert text.count("\r\n") == 5 and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == COLUMNS
    assert all(len(row) == len(COLUMNS) for row in rows)
    # 2.6-2.7: a field with a comma or quotes is quoted, quotes doubled, and reads back whole.
    assert '"The ""2nd"" Security, Law <b>Enforcement</b> Dialogue"' in text
    by_slug = {r["slug"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    dialogue = by_slug["vn-us-security-dialogue-2"]
    assert dialogue["title"] == TRICKY_TITLE
    assert dialogue["guests"] == "VN" and dialogue["topics"] == "money_laundering; cybercrime"
    assert dialogue["source_quote"] == "The dialogue was held on 5 September."


def test_plover_codes_states_without_an_alpha_3_by_the_archive_code_alone(tmp_path: Path) -> None:
    """The Republic of Vietnam (the archive's VNVN) has no ISO alpha-3: its actor has no `code`
    rather than a made-up one, and says which state it is in `country`; Kosovo's XK is XKX."""
    records = [
        {"slug": "vnvn-us-visit-1970-04", "kind": "visit", "title": "Visit to Washington",
         "date": "1970-04", "place": {"city": "Washington, D.C.", "country": "US"},
         "host": "US", "guests": ["VNVN"], "sources": [SOURCE]},
        {"slug": "xk-us-visit-2012-04", "kind": "visit", "title": "Visit to Pristina",
         "date": "2012-04-10", "place": {"country": "XK"}, "host": "XK", "guests": ["US"],
         "sources": [SOURCE]},
    ]  # fmt: skip
    with Archive(tmp_path / "archive") as archive:
        archive.append([EngagementFacts.model_validate(r) for r in records])
        lines = export_text(archive, "plover").splitlines()
    by_id = {r["id"]: r for r in map(json.loads, lines)}
    for record in by_id.values():
        VALIDATOR(schemas.PLOVER).validate(record)
    (saigon,) = by_id["timeline-vnvn-us-visit-1970-04"]["source"]
    assert "code" not in saigon and saigon["country"] == "VNVN"
    pristina = by_id["timeline-xk-us-visit-2012-04"]
    assert pristina["recipient"][0]["code"] == "XKX"
    assert pristina["event_loc"]["cc3"] == "XKX" and pristina["event_loc"]["country code"] == "XK"


def test_every_country_the_archive_knows_has_its_alpha_3_but_the_two_iso_never_coded() -> None:
    from events import all_countries
    from timeline.exports.alpha3 import ALPHA3

    missing = [c.code for c in all_countries(historical=True) if c.code not in ALPHA3]
    assert missing == ["HIUS", "VNVN"]
    assert all(len(v) == 3 and v.isupper() for v in ALPHA3.values())
    assert (ALPHA3["VN"], ALPHA3["SUHH"], ALPHA3["XK"]) == ("VNM", "SUN", "XKX")
