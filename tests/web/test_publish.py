"""Publishing through Datasette's test client, on a real timeline.db built from a real archive."""

from __future__ import annotations

import copy
import json
import re
import tomllib
from collections.abc import Iterator
from importlib.metadata import requires, version
from pathlib import Path
from typing import Any

import httpx
import pytest
from markupsafe import escape

from events import EngagementFacts
from tests.helpers import DatasetteClient
from timeline.inputs import records
from timeline.projection.build import build
from timeline.projection.schema import FTS, TABLES, TRACKING_TABLE
from timeline.store.application import Archive
from timeline.web.serve import METADATA_FILE, typed_settings
from timeline.web.sql import fts_query

ROOT = Path(__file__).resolve().parents[2]
METADATA = json.loads((ROOT / METADATA_FILE).read_text())
DB = METADATA["databases"]["timeline"]
QUERIES = DB["queries"]
SEEDS = ROOT / "seeds" / "records"

SOURCE = {
    "document": "wire-1",
    "publisher": "Test Wire",
    "url": "https://example.org/news/1",
    "published": "2025-09-06",
    "language": "vi",
    "quote": "Ngày 5/9, tại Washington D.C.",
    "start": 0,
    "end": 29,
}
MPS = {
    "name": "Ministry of Public Security",
    "abbreviation": "MPS",
    "country": "VN",
    "name_local": "Bộ Công an",
}
QUANG = {
    "name": "Lương Tam Quang",
    "variants": ["Luong Tam Quang"],
    "rank": "Senior Lieutenant General",
    "organisation": "MPS",
    "country": "VN",
}


def record(slug: str, **fields: Any) -> EngagementFacts:
    return EngagementFacts.model_validate({"slug": slug, "sources": [SOURCE], **fields})


# A small archive: two Vietnam–US dialogue sessions, a visit and a meeting with the FBI during
# it, a Vietnam–Australia dialogue and a trilateral meeting, so pairs, series and roles differ.
RECORDS = [
    record(
        "vn-us-dialogue-1",
        kind="dialogue",
        title="1st Vietnam–US Security and Law Enforcement Dialogue",
        title_vi="Đối thoại An ninh và Thực thi pháp luật lần thứ nhất",
        date="2024-07",
        place={"city": "Hanoi", "country": "VN"},
        host="VN",
        guests=["US"],
        series="vn-us-security-dialogue",
        session=1,
    ),
    record(
        "vn-us-visit-2025",
        kind="visit",
        title="MPS delegation visits the United States",
        date="2025-09-04/2025-09-05",
        place={"country": "US"},
        host="US",
        guests=["VN"],
        participants=[{"name": "Lê Quốc Hùng", "country": "VN", "role": "delegation_head"}],
    ),
    record(
        "vn-us-dialogue-2",
        kind="dialogue",
        title="2nd Vietnam–US Security and Law Enforcement Dialogue",
        title_vi="Đối thoại An ninh và Thực thi pháp luật Việt Nam-Mỹ lần thứ hai",
        summary="Co-chaired by the deputy minister.",
        date={"start": "2025-09-05", "precision": "day", "phrase": "Ngày 5/9"},
        place={"city": "Washington, D.C.", "country": "US"},
        host="US",
        guests=["VN"],
        series="vn-us-security-dialogue",
        session=2,
        part_of="vn-us-visit-2025",
        participants=[
            {**QUANG, "title": "Deputy Minister of Public Security", "role": "co_chair"},
            {"name": "Chris Landberg", "country": "US", "role": "co_chair"},
        ],
        organisations=[MPS],
        topics=["money_laundering", "cybercrime"],
        evidence=[
            {
                "field": "date",
                "document": "wire-1",
                "quote": "Ngày 5/9",
                "start": 0,
                "end": 8,
                "inferred": True,
                "note": "The year comes from the publication date.",
            }
        ],
    ),
    record(
        "vn-us-fbi-meeting-2025",
        kind="meeting",
        title="Working session with the FBI",
        date="2025-09-04",
        place={"city": "Washington, D.C.", "country": "US"},
        host="US",
        guests=["VN"],
        part_of="vn-us-visit-2025",
        organisations=[
            MPS,
            {"name": "Federal Bureau of Investigation", "abbreviation": "FBI", "country": "US"},
        ],
        topics=["cybercrime"],
    ),
    record(
        "vn-au-dialogue-3",
        kind="dialogue",
        title="3rd Vietnam–Australia Deputy-Ministerial Security Dialogue",
        date="2023-02-22",
        place={"city": "Canberra", "country": "AU"},
        host="AU",
        guests=["VN"],
        series="vn-au-security-dialogue",
        session=3,
        participants=[{**QUANG, "title": "Deputy Minister", "role": "co_chair"}],
        organisations=[MPS],
        topics=["counter_terrorism"],
    ),
    record(
        "vn-us-au-meeting-2022",
        kind="meeting",
        title="Trilateral meeting on people smuggling",
        date="2022-05",
        place={"city": "Hanoi", "country": "VN"},
        host="VN",
        guests=["US", "AU"],
        topics=["people_smuggling"],
    ),
]
VN_ORDER = [
    "vn-us-au-meeting-2022",
    "vn-au-dialogue-3",
    "vn-us-dialogue-1",
    "vn-us-fbi-meeting-2025",
    "vn-us-visit-2025",
    "vn-us-dialogue-2",
]
# Realistic parameters for every canned query, so none is left untested.
PARAMS: dict[str, dict[str, str]] = {
    "country_timeline": {"country": "vn"},
    "pair_timeline": {"a": "VN", "b": "US"},
    "person_engagements": {"person": "luong tam quang"},
    "topic_engagements": {"topic": "cybercrime"},
    "organisation_engagements": {"organisation": "FBI"},
    "search": {"q": "doi thoai"},
    "dialogue_series": {"series": ""},
    "inferred_facts": {},
    "engagement_sources": {"engagement": "vn-us-dialogue-2"},
    "as_of": {"when": "9999-12-31"},
    "happened_by": {"when": "9999-12-31"},
    "revision_history": {"engagement": "vn-us-dialogue-2"},
    "office_holder_on": {"office": "vn-prime-minister", "country": "", "date": "1900-01-01"},
    "person_all_engagements": {"person": "luong tam quang"},
    "registry_contradictions": {},
}


class Client(DatasetteClient):
    """Datasette's test client on the published metadata and `timeline serve`'s settings."""

    def __init__(
        self,
        db_path: Path,
        metadata: dict[str, Any] | None = None,
        settings: dict[str, Any] | None = None,
    ) -> None:
        metadata = copy.deepcopy(METADATA) if metadata is None else metadata
        settings = typed_settings() if settings is None else settings
        super().__init__(db_path, metadata, settings)

    def get(self, path: str, **params: str) -> httpx.Response:
        response = self.run(self.ds.client.get(path, params=params or None))
        assert response.status_code == 200, (path, params, response.text[:500])
        return response

    def rows(self, path: str, **params: str) -> list[dict[str, Any]]:
        return self.get(f"{path}.json", _shape="array", **params).json()

    def query(self, name: str, **params: str) -> list[dict[str, Any]]:
        return self.rows(f"/timeline/{name}", **params)


def open_client(db_path: Path) -> Iterator[Client]:
    client = Client(db_path)
    try:
        yield client
    finally:
        client.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    archive = Archive(tmp_path_factory.mktemp("published") / "archive")
    archive.append(RECORDS)
    archive.correct(
        "vn-us-dialogue-2", {"summary": "Co-chaired by Lương Tam Quang."}, "Name the co-chair"
    )
    build(archive)
    return archive


@pytest.fixture(scope="module")
def client(archive: Archive) -> Iterator[Client]:
    yield from open_client(archive.projection_path)


@pytest.fixture
def empty_client(tmp_path: Path) -> Iterator[Client]:
    archive = Archive(tmp_path / "empty")
    build(archive)
    yield from open_client(archive.projection_path)


def slugs(rows: list[dict[str, Any]], column: str = "engagement") -> list[str]:
    return [row[column] for row in rows]


# The metadata file ------------------------------------------------------------------------------


def test_metadata_describes_every_table_and_column() -> None:
    for key in ("title", "description", "license", "license_url", "source", "source_url"):
        assert METADATA[key].strip(), key
    assert DB["description"].strip()
    tables = DB["tables"]
    for name, (columns, _pk, _fks) in TABLES.items():
        assert name in tables, f"{name}: no entry in {METADATA_FILE}"
        meta = tables[name]
        assert meta.get("description", "").strip(), f"{name}: no description"
        assert not meta.get("hidden")
        described = meta.get("columns", {})
        assert set(described) == set(columns), f"{name}: described columns differ from TABLES"
        assert all(text.strip() for text in described.values()), name
        for key in ("label_column", "sort", "sort_desc"):
            if key in meta:
                assert meta[key] in columns, (name, key)
        for facet in meta.get("facets", []):
            column = facet if isinstance(facet, str) else next(iter(facet.values()))
            assert column in columns, (name, facet)
    hidden = {name for name, meta in tables.items() if meta.get("hidden")}
    assert hidden == set(tables) - set(TABLES)
    assert TRACKING_TABLE in hidden
    for table in FTS:
        assert f"{table}_fts" in hidden
        assert tables[table]["fts_table"] == f"{table}_fts"
    labels = {name: meta["label_column"] for name, meta in tables.items() if "label_column" in meta}
    assert labels == {
        "engagements": "title",
        "countries": "label",
        "persons": "name",
        "organisations": "name",
        "topics": "label",
        "kinds": "label",
        "offices": "title",
        "office_holders": "holder",
        "people": "name",
        "collections": "label",
    }


def test_every_canned_query_has_a_title_description_and_tested_parameters() -> None:
    assert set(QUERIES) == set(PARAMS)
    for name, query in QUERIES.items():
        assert query["title"].strip() and query["description"].strip(), name
        named = {p for p in PARAMS[name]}
        for parameter in named:
            assert f":{parameter}" in query["sql"], (name, parameter)


def test_datasette_is_the_stable_line() -> None:
    """0.65 reads canned queries and plugin settings from the metadata file; 1.0 alphas do not."""
    assert version("datasette").startswith("0.65.")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    pins = [d for d in pyproject["project"]["dependencies"] if d.startswith("datasette>")]
    assert pins and all("<0.66" in pin for pin in pins)
    # No Datasette plugin we depend on asks for a 1.0 alpha.
    plugins = [d.split(">")[0] for d in pyproject["project"]["dependencies"]]
    plugins = [p for p in plugins if p.startswith("datasette-")]
    assert plugins
    for plugin in plugins:
        wants = [r for r in requires(plugin) or [] if r.replace(" ", "").startswith("datasette")]
        assert not any("1.0a" in r or ">=1" in r.replace(" ", "") for r in wants), (plugin, wants)


# Pages ------------------------------------------------------------------------------------------


def test_index_and_database_pages(client: Client) -> None:
    index = client.get("/").text
    assert str(escape(METADATA["title"])) in index
    # The home page's HTML description, with the link to the download, when given.
    assert METADATA.get("description_html", str(escape(METADATA["description"]))) in index
    page = client.get("/timeline").text
    # The HTML description, with links to the pages of timeline.web.pages, is shown when given.
    assert DB.get("description_html", str(escape(DB["description"]))) in page
    for name in TABLES:
        assert f'href="/timeline/{name}"' in page
    for name, query in QUERIES.items():
        assert f'href="/timeline/{name}"' in page and str(escape(query["title"])) in page
    assert f'href="/timeline/{TRACKING_TABLE}"' not in page
    assert 'href="/timeline/engagements_fts' not in page
    listed = {t["name"]: t for t in client.get("/timeline.json").json()["tables"]}
    # The projector's tracking table is not even listed (the timeline.web.safety plugin).
    assert TRACKING_TABLE not in listed and listed["engagements_fts"]["hidden"]
    assert not any(listed[name]["hidden"] for name in TABLES)
    # Every other table of the file (count tables, search indexes) is hidden from visitors.
    shown = {name for name, table in listed.items() if not table["hidden"]}
    assert shown == set(TABLES)


@pytest.mark.parametrize("table", list(TABLES))
def test_table_page_shows_descriptions(client: Client, table: str) -> None:
    page = client.get(f"/timeline/{table}").text
    meta = DB["tables"][table]
    assert str(escape(meta["description"])) in page
    for column, text in meta["columns"].items():
        assert f"<dt>{column}</dt><dd>{escape(text)}</dd>" in page


def test_row_page_shows_labels(client: Client) -> None:
    page = client.get("/timeline/engagements/vn-us-dialogue-2").text
    assert "2nd Vietnam–US Security and Law Enforcement Dialogue" in page
    # Foreign keys show the label column of the row they point to: part_of the parent's title.
    page = client.get("/timeline/engagements", slug="vn-us-dialogue-2").text
    assert '<a href="/timeline/engagements/vn-us-visit-2025">MPS delegation visits' in page
    # Countries, kinds and topics are labelled in English and Vietnamese.
    assert '<a href="/timeline/countries/US">United States / Hoa Kỳ</a>' in page
    assert '<a href="/timeline/kinds/dialogue">Dialogue / Đối thoại</a>' in page
    rows = client.rows("/timeline/timeline", _labels="on", engagement="vn-us-dialogue-2")
    assert {(r["country"]["label"], r["counterpart"]["label"]) for r in rows} == {
        ("Vietnam / Việt Nam", "United States / Hoa Kỳ"),
        ("United States / Hoa Kỳ", "Vietnam / Việt Nam"),
    }
    assert rows[0]["engagement"]["label"] == RECORDS[2].title
    participant = client.rows("/timeline/participants", _labels="on", role="co_chair")[0]
    assert participant["person"]["label"] in {"Lương Tam Quang", "Chris Landberg"}


def test_sort_orders(client: Client) -> None:
    newest_first = client.rows("/timeline/engagements")
    dates = [r["start_date"] for r in newest_first]
    assert dates == sorted(dates, reverse=True) and len(dates) == len(RECORDS)
    vn = client.rows("/timeline/timeline", country="VN")
    assert [r["start_date"] for r in vn] == sorted(r["start_date"] for r in vn)


def test_facets(client: Client) -> None:
    data = client.get("/timeline/engagements.json").json()
    facets = data["facet_results"]
    assert {"kind", "country", "host", "date_precision", "status", "series"} <= set(facets)
    kinds = {f["value"]: f["count"] for f in facets["kind"]["results"]}
    assert kinds == {"dialogue": 3, "visit": 1, "meeting": 2}
    # Array facets are on request, not by default: at a million rows each took seconds.
    assert "topics" not in facets
    arrays = client.get("/timeline/engagements.json?_facet_array=topics").json()["facet_results"]
    topics = {f["value"]: f["count"] for f in arrays["topics"]["results"]}
    assert topics["cybercrime"] == 2
    page = client.get("/timeline/timeline").text
    for column in ("country", "counterpart", "kind", "role"):
        assert f'data-column="{column}"' in page
    evidence = client.get("/timeline/evidence.json").json()["facet_results"]
    assert {f["value"]: f["count"] for f in evidence["inferred"]["results"]} == {1: 1}


# Search -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Luong Tam Quang", {"vn-us-dialogue-2", "vn-au-dialogue-3"}),
        ("lương tam quang", {"vn-us-dialogue-2", "vn-au-dialogue-3"}),
        ("doi thoai", {"vn-us-dialogue-1", "vn-us-dialogue-2"}),
        ("Đối thoại", {"vn-us-dialogue-1", "vn-us-dialogue-2"}),
        ("le quoc hung", {"vn-us-visit-2025"}),
        ("bo cong an", {"vn-us-dialogue-2", "vn-us-fbi-meeting-2025", "vn-au-dialogue-3"}),
    ],
)
def test_table_search_ignores_diacritics(client: Client, query: str, expected: set[str]) -> None:
    rows = client.rows("/timeline/engagements", _search=query)
    assert set(slugs(rows, "slug")) == expected


def test_person_search_ignores_diacritics(client: Client) -> None:
    rows = client.rows("/timeline/persons", _search="luong tam")
    assert [r["name"] for r in rows] == ["Lương Tam Quang"]


# Canned queries ---------------------------------------------------------------------------------


def test_country_timeline(client: Client) -> None:
    rows = client.query("country_timeline", country="vn")
    assert slugs(rows) == VN_ORDER
    by_slug = {r["engagement"]: r for r in rows}
    assert by_slug["vn-us-dialogue-2"]["counterpart_names"] == "United States"
    assert by_slug["vn-us-dialogue-2"]["role"] == "guest"
    assert by_slug["vn-us-dialogue-2"]["kind"] == "dialogue"
    assert by_slug["vn-us-dialogue-2"]["city"] == "Washington, D.C."
    assert by_slug["vn-us-dialogue-1"]["role"] == "host"
    assert by_slug["vn-au-dialogue-3"]["counterparts"] == "AU"
    trilateral = by_slug["vn-us-au-meeting-2022"]
    assert set(trilateral["counterparts"].split(", ")) == {"US", "AU"}
    assert set(trilateral["counterpart_names"].split(", ")) == {"United States", "Australia"}
    au = client.query("country_timeline", country="AU")
    assert slugs(au) == ["vn-us-au-meeting-2022", "vn-au-dialogue-3"]
    assert [r["role"] for r in au] == ["guest", "host"]


def test_pair_timeline(client: Client) -> None:
    rows = client.query("pair_timeline", a="VN", b="US")
    assert slugs(rows) == [s for s in VN_ORDER if s != "vn-au-dialogue-3"]
    second = rows[-1]
    assert (second["role_of_a"], second["role_of_b"]) == ("guest", "host")
    assert second["session"] == 2
    assert set(second["chairs"].split("; ")) == {
        "Lương Tam Quang (Deputy Minister of Public Security)",
        "Chris Landberg",
    }
    reverse = client.query("pair_timeline", a="us", b="vn")
    assert slugs(reverse) == slugs(rows)
    assert reverse[-1]["role_of_a"] == "host"
    assert slugs(client.query("pair_timeline", a="AU", b="US")) == ["vn-us-au-meeting-2022"]


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/timeline/country_timeline", {"country": "Vietnam"}, "country=VN"),
        ("/timeline/country_timeline", {"country": "Việt Nam"}, "country=VN"),
        ("/timeline/country_timeline.json", {"country": "viet nam", "_shape": "array"},
         "country=VN&_shape=array"),
        ("/timeline/pair_timeline", {"a": "Việt Nam", "b": "Mỹ"}, "a=VN&b=US"),
        ("/timeline/pair_timeline", {"a": "VN", "b": "Hoa Kỳ"}, "a=VN&b=US"),
        ("/timeline/pair_timeline", {"a": "VNM", "b": "united states"}, "a=VN&b=US"),
        ("/timeline/timeline", {"country": "Úc"}, "country=AU"),
        ("/timeline/engagements", {"host": "Australia"}, "host=AU"),
        ("/timeline/timeline", {"country": "vn"}, "country=VN"),  # a table's filter is exact
    ],
)  # fmt: skip
def test_a_country_parameter_typed_as_a_name_moves_to_its_code(
    client: Client, path: str, params: dict[str, str], expected: str
) -> None:
    response = client.run(client.ds.client.get(path, params=params))
    assert response.status_code == 302
    assert response.headers["location"] == f"{path}?{expected}"
    client.get(response.headers["location"])


def test_the_canned_queries_find_the_same_rows_by_name_as_by_code(client: Client) -> None:
    moved = client.run(client.ds.client.get("/timeline/country_timeline.json",
                                            params={"country": "Việt Nam", "_shape": "array"}))  # fmt: skip
    rows = client.run(client.ds.client.get(moved.headers["location"])).json()
    assert slugs(rows) == VN_ORDER


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/timeline/country_timeline", {"country": "Vietnm"},
         "country: unknown country &#39;Vietnm&#39;: did you mean VN (Vietnam / Việt Nam)?"),
        ("/timeline/country_timeline", {"country": "XX"}, "country: unknown country &#39;XX&#39;"),
        ("/timeline/pair_timeline", {"a": "VN", "b": "Atlantis"}, "b: unknown country &#39;Atlantis&#39;"),
        ("/timeline/pair_timeline", {"a": "Untied States", "b": "VN"},
         "a: unknown country &#39;Untied States&#39;: did you mean US (United States / Hoa Kỳ)?"),
        ("/timeline/timeline", {"counterpart": "Frnce"}, "did you mean FR (France / Pháp)?"),
    ],
)  # fmt: skip
def test_an_unknown_country_parameter_is_a_bad_request_never_zero_rows(
    client: Client, path: str, params: dict[str, str], message: str
) -> None:
    page = client.run(client.ds.client.get(path, params=params))
    assert page.status_code == 400
    assert message in page.text
    data = client.run(client.ds.client.get(f"{path}.json", params=params))
    assert data.status_code == 400
    assert message.replace("&#39;", "'") in data.json()["error"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/timeline/country_timeline", {"country": "VN"}),
        ("/timeline/country_timeline", {"country": "vn"}),  # the SQL takes any case
        ("/timeline/country_timeline", {"country": ""}),  # the form, not yet filled in
        ("/timeline/person_engagements", {"person": "Mỹ"}),  # not a country parameter
        ("/timeline/persons", {"name": "Việt Nam"}),  # a table without country columns
    ],
)
def test_other_parameters_pass_untouched(client: Client, path: str, params: dict[str, str]) -> None:
    client.get(path, **params)


@pytest.mark.parametrize(
    "person", ["luong tam quang", "Lương Tam Quang", "LUONG TAM", "luong-tam-quang"]
)
def test_person_engagements(client: Client, person: str) -> None:
    rows = client.query("person_engagements", person=person)
    assert slugs(rows) == ["vn-au-dialogue-3", "vn-us-dialogue-2"]
    assert [r["title_at_the_time"] for r in rows] == [
        "Deputy Minister",
        "Deputy Minister of Public Security",
    ]
    assert {r["rank_at_the_time"] for r in rows} == {"Senior Lieutenant General"}
    assert {r["role"] for r in rows} == {"Co-chair"}
    assert {r["organisation"] for r in rows} == {"Ministry of Public Security"}
    assert client.query("person_engagements", person="") == []


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("cybercrime", ["vn-us-fbi-meeting-2025", "vn-us-dialogue-2"]),
        ("Money laundering", ["vn-us-dialogue-2"]),
        ("rửa tiền", ["vn-us-dialogue-2"]),
        ("rua tien", ["vn-us-dialogue-2"]),
        ("people smuggling", ["vn-us-au-meeting-2022"]),
        ("extradition", []),
    ],
)
def test_topic_engagements(client: Client, topic: str, expected: list[str]) -> None:
    assert slugs(client.query("topic_engagements", topic=topic)) == expected


def test_organisation_engagements(client: Client) -> None:
    fbi = client.query("organisation_engagements", organisation="fbi")
    assert slugs(fbi) == ["vn-us-fbi-meeting-2025"]
    assert fbi[0]["organisation"] == "Federal Bureau of Investigation"
    mps = client.query("organisation_engagements", organisation="bo cong an")
    assert slugs(mps) == ["vn-au-dialogue-3", "vn-us-fbi-meeting-2025", "vn-us-dialogue-2"]
    assert client.query("organisation_engagements", organisation="") == []


def test_search_query(client: Client) -> None:
    assert set(slugs(client.query("search", q="doi thoai"))) == {
        "vn-us-dialogue-1",
        "vn-us-dialogue-2",
    }
    assert set(slugs(client.query("search", q="Lương Tam Quang"))) == {
        "vn-us-dialogue-2",
        "vn-au-dialogue-3",
    }
    # Punctuation and FTS syntax in a user's words are not errors.
    assert slugs(client.query("search", q='smuggl* "people')) == ["vn-us-au-meeting-2022"]
    assert client.query("search", q="") == []
    assert fts_query("Đối-thoại launder*") == '"doi" "thoai" "launder"*'


def test_dialogue_series(client: Client) -> None:
    rows = client.query("dialogue_series", series="")
    assert [(r["series"], r["session"]) for r in rows] == [
        ("vn-au-security-dialogue", 3),
        ("vn-us-security-dialogue", 1),
        ("vn-us-security-dialogue", 2),
    ]
    us = client.query("dialogue_series", series="vn-us")
    assert slugs(us) == ["vn-us-dialogue-1", "vn-us-dialogue-2"]
    assert us[0]["date_precision"] == "month" and us[0]["chairs"] is None
    assert "Lương Tam Quang (Deputy Minister of Public Security)" in us[1]["chairs"]


def test_inferred_facts(client: Client) -> None:
    rows = client.query("inferred_facts")
    assert [(r["engagement"], r["field"]) for r in rows] == [("vn-us-dialogue-2", "date")]
    assert rows[0]["note"] == "The year comes from the publication date."
    assert rows[0]["quote"] == "Ngày 5/9"


def test_engagement_sources(client: Client) -> None:
    rows = client.query("engagement_sources", engagement="vn-us-dialogue-2")
    assert [(r["what"], r["field"], r["status"]) for r in rows] == [
        ("source", None, None),
        ("evidence", "date", "current"),
        # The fixture's correction of the summary quoted nothing.
        ("evidence", "summary", "corrected without a source"),
    ]
    assert rows[0]["quote"] == SOURCE["quote"] and rows[0]["url"] == SOURCE["url"]
    assert rows[1]["publisher"] == "Test Wire" and rows[1]["inferred"] == 1


def test_revision_history_and_as_of(client: Client) -> None:
    history = client.query("revision_history", engagement="vn-us-dialogue-2")
    assert [(r["version"], r["event"]) for r in history] == [(1, "Recorded"), (2, "Corrected")]
    assert history[1]["reason"] == "Name the co-chair"
    assert history[0]["current_until"] == history[1]["current_from"]
    now = client.query("as_of", when="9999-12-31")
    assert len(now) == len(RECORDS)
    assert {r["version"] for r in now if r["engagement"] == "vn-us-dialogue-2"} == {2}
    then = client.query("as_of", when=history[0]["current_from"])
    assert {r["version"] for r in then if r["engagement"] == "vn-us-dialogue-2"} == {1}
    assert client.query("as_of", when="2000-01-01") == []


def test_query_results_link_engagements(client: Client) -> None:
    page = client.get("/timeline/country_timeline", country="VN").text
    assert '<a href="/-/engagement/vn-us-dialogue-2">vn-us-dialogue-2</a>' in page


@pytest.mark.parametrize("name", list(PARAMS))
def test_canned_queries_work_on_an_empty_database(empty_client: Client, name: str) -> None:
    assert empty_client.query(name, **PARAMS[name]) == []
    # Opened without parameters, as a visitor first sees it: its examples, and no error.
    opened = empty_client.run(empty_client.ds.client.get(f"/timeline/{name}"))
    location = opened.headers["location"] if opened.status_code == 302 else f"/timeline/{name}"
    page = empty_client.get(location).text
    assert str(escape(QUERIES[name]["title"])) in page


def test_empty_database_pages(empty_client: Client) -> None:
    for table in TABLES:
        empty_client.get(f"/timeline/{table}")
    assert empty_client.rows("/timeline/engagements", _search="doi thoai") == []


# The plugin -------------------------------------------------------------------------------------


def test_fold_in_sql(client: Client) -> None:
    rows = client.rows("/timeline", sql="select fold('Đối thoại Lương Tam Quang') as folded")
    assert rows == [{"folded": "doi thoai luong tam quang"}]
    rows = client.rows("/timeline", sql="select fold(null) as folded")
    assert rows == [{"folded": ""}]


def test_rebuild_is_picked_up_without_restart(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:2])
    build(archive)
    for client in open_client(archive.projection_path):
        assert len(client.rows("/timeline/engagements")) == 2
        # An incremental build writes in place: seen by the open connections.
        archive.append(RECORDS[2:4])
        build(archive)
        assert len(client.rows("/timeline/engagements")) == 4
        # A rebuild replaces the file by rename: the plugin must reopen it.
        inode = archive.projection_path.stat().st_ino
        archive.append(RECORDS[4:])
        assert build(archive, rebuild=True).rebuilt
        assert archive.projection_path.stat().st_ino != inode
        rows = client.rows("/timeline/engagements")
        assert {r["slug"] for r in rows} == {r.slug for r in RECORDS}
        assert slugs(client.query("country_timeline", country="VN")) == VN_ORDER
        # A second rebuild too, and the search index comes along.
        build(archive, rebuild=True)
        assert len(client.rows("/timeline/engagements", _search="doi thoai")) == 2


# The curated seeds, when they are there ---------------------------------------------------------


@pytest.mark.skipif(not any(SEEDS.glob("*.y*ml")), reason="no seed records yet")
def test_seeds_publish(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(records.load([str(SEEDS)]))
    build(archive)
    for client in open_client(archive.projection_path):
        client.get("/")
        for table in TABLES:
            client.get(f"/timeline/{table}")
        engagements = client.rows("/timeline/engagements", _size="max")
        assert engagements
        client.get(f"/timeline/engagements/{engagements[0]['slug']}")
        for name, params in PARAMS.items():
            client.query(name, **params)
        # The per-country timeline lists each of Vietnam's engagements once, in date order.
        vn = client.query("country_timeline", country="VN")
        assert len(slugs(vn)) == len(set(slugs(vn)))
        assert [r["start_date"] for r in vn] == sorted(r["start_date"] for r in vn)
        # Diacritic-free search finds what the folded text holds.
        for words in ("luong tam quang", "doi thoai"):
            expected = {
                r["slug"]
                for r in engagements
                if set(words.split()) <= set(re.findall(r"\w+", r["search_text"]))
            }
            found = client.rows("/timeline/engagements", _search=words, _size="max")
            assert {r["slug"] for r in found} >= expected
