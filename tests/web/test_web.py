"""What people meet in the browser besides the tables: the map, the feeds, the search page, the
two languages and the guarantees that make the archive safe to publish. Datasette's test client on
a real timeline.db built from a real archive."""

from __future__ import annotations

import copy
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest
import sqlite_utils
from datasette.database import QueryInterrupted

from events import EngagementFacts
from tests.web.test_publish import METADATA, Client, open_client
from timeline.inputs import records
from timeline.projection.build import build
from timeline.projection.geocode import locate
from timeline.projection.schema import TRACKING_TABLE
from timeline.store.application import Archive
from timeline.web import feeds
from timeline.web.search import search_results

ROOT = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = '<script>alert("x")</script>'

SOURCE = {
    "document": "wire-9",
    "publisher": "Test Wire",
    "url": "https://example.org/news/9",
    "published": "2025-09-06",
    "language": "vi",
    "quote": "Ngày 5/9, tại Hà Nội.",
    "start": 0,
    "end": 21,
}
MPS = {
    "name": "Ministry of Public Security",
    "abbreviation": "MPS",
    "country": "VN",
    "name_local": "Bộ Công an",
}


def record(slug: str, **fields: Any) -> EngagementFacts:
    base = {"slug": slug, "kind": "meeting", "host": "VN", "guests": ["US"], "sources": [SOURCE]}
    return EngagementFacts.model_validate({**base, **fields})


# One engagement for each date precision, each way of writing a city, and a hostile title.
RECORDS = [
    record(
        "day-hanoi",
        kind="dialogue",
        title="Đối thoại An ninh Việt Nam–Hoa Kỳ",
        summary="Co-chaired by Lương Tam Quang; attended by Nguyễn Quốc Dũng.",
        date={"start": "2025-09-05", "precision": "day"},
        place={"city": "Hà Nội", "country": "VN"},
        participants=[
            {"name": "Lương Tam Quang", "country": "VN", "role": "co_chair"},
            {"name": "Nguyễn Quốc Dũng", "country": "VN", "role": "attendee"},
        ],
        organisations=[MPS],
        topics=["money_laundering"],
    ),
    record(
        "range-washington",
        kind="visit",
        title="Delegation visit, Washington",
        date="2025-09-04/2025-09-05",
        place={"city": "Washington, D.C.", "country": "US"},
        host="US",
        guests=["VN"],
    ),
    record(
        "month-hcmc",
        title="Meeting in Ho Chi Minh City",
        date="2024-07",
        place={"city": "TP.HCM", "country": "VN"},
    ),
    record(
        "year-canberra",
        title="Talks in Canberra",
        date="2023",
        place={"city": "Canberra", "country": "AU"},
        host="AU",
        guests=["VN"],
    ),
    record(
        "hostile",
        title=f"{SCRIPT} & Co; talks, in part",
        summary=f"A summary with {SCRIPT}",
        date="2022-03-01",
        place={"city": "Nowhere-on-Sea", "country": "VN"},
        organisations=[{"name": f"Bureau {SCRIPT}", "country": "US"}],
    ),
]
CORRECTION_REASON = "The source names the venue <b>later</b>"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    archive = Archive(tmp_path_factory.mktemp("web") / "archive")
    archive.append(RECORDS)
    archive.correct("month-hcmc", {"title": "Meeting in Saigon"}, CORRECTION_REASON)
    build(archive)
    return archive


@pytest.fixture(scope="module")
def client(archive: Archive) -> Iterator[Client]:
    yield from open_client(archive.projection_path)


def status(client: Client, path: str, **params: str) -> int:
    return client.run(client.ds.client.get(path, params=params or None)).status_code


# Map --------------------------------------------------------------------------------------------

HANOI = (21.0245, 105.84117)
HCMC = (10.82302, 106.62965)


@pytest.mark.parametrize(
    ("city", "country", "expected"),
    [
        ("Hà Nội", "VN", HANOI),
        ("Hanoi", "VN", HANOI),
        ("Ha Noi", "VN", HANOI),
        ("HA NOI", "vn", HANOI),
        ("Thành phố Hà Nội", "VN", HANOI),
        ("TP.HCM", "VN", HCMC),
        ("Ho Chi Minh City", "VN", HCMC),
        ("Thành phố Hồ Chí Minh", "VN", HCMC),
        ("Sài Gòn", "VN", HCMC),
        ("Washington, D.C.", "US", (38.89511, -77.03637)),
        ("Washington DC", "US", (38.89511, -77.03637)),
        ("Canberra", "AU", (-35.28346, 149.12807)),
        ("Sydney", "AU", (-33.86785, 151.20732)),
        ("Đà Nẵng", "VN", (16.06778, 108.22083)),
    ],
)
def test_cities_are_found_in_either_language_with_or_without_diacritics(
    city: str, country: str, expected: tuple[float, float]
) -> None:
    assert locate(city, country) == pytest.approx(expected, abs=0.01)


def test_a_city_is_looked_up_within_its_country_only() -> None:
    assert locate("Hanoi", "US") is None
    assert locate("Sydney", "VN") is None
    assert locate("Nowhere-on-Sea", "VN") is None
    assert locate(None, "VN") is None and locate("Hanoi", None) is None


def test_engagements_get_the_coordinates_of_their_city(client: Client) -> None:
    rows = {r["slug"]: r for r in client.rows("/timeline/engagements")}
    assert (rows["day-hanoi"]["latitude"], rows["day-hanoi"]["longitude"]) == pytest.approx(HANOI)
    assert rows["month-hcmc"]["latitude"] == pytest.approx(HCMC[0])
    assert rows["range-washington"]["longitude"] == pytest.approx(-77.03637)
    assert rows["year-canberra"]["latitude"] == pytest.approx(-35.28346)
    assert rows["hostile"]["latitude"] is None and rows["hostile"]["longitude"] is None


def test_every_seed_engagement_with_a_city_gets_coordinates(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(records.load([ROOT / "seeds" / "records"]))
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)
    with_city = list(db.query("select slug, city, latitude, longitude from engagements"))
    with_city = [r for r in with_city if r["city"]]
    assert len(with_city) >= 4
    assert all(r["latitude"] is not None and r["longitude"] is not None for r in with_city), [
        r for r in with_city if r["latitude"] is None
    ]
    db.close()


def test_the_map_plugin_is_on_the_engagements_page(client: Client) -> None:
    page = client.get("/timeline/engagements").text
    assert "datasette-cluster-map" in page and "leaflet" in page.lower()
    config = METADATA["plugins"]["datasette-cluster-map"]
    assert config == {"latitude_column": "latitude", "longitude_column": "longitude"}
    # Markers work offline: the scripts are served by the plugins, not a CDN.
    scripts = [
        line for line in page.splitlines() if "<script" in line and "cluster-map" in line.lower()
    ]
    assert scripts and all("http" not in line for line in scripts), scripts
    assert "datasette-cluster-map" not in client.get("/timeline/kinds").text


# Calendar feed ----------------------------------------------------------------------------------


def calendar(client: Client, code: str) -> tuple[str, dict[str, icalendar.Event]]:
    response = client.get(f"/-/calendar/{code}.ics")
    assert response.headers["content-type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.text)
    events = {str(e["url"]).rsplit("/", 1)[-1]: e for e in cal.walk("VEVENT")}
    return response.text, events


def test_calendar_dates_are_whole_days_with_an_exclusive_end(client: Client) -> None:
    raw, events = calendar(client, "VN")
    assert set(events) == {r.slug for r in RECORDS}
    spans = {
        slug: (e.decoded("dtstart"), e.decoded("dtend")) for slug, e in events.items()
    }  # fmt: skip
    assert spans == {
        "day-hanoi": (date(2025, 9, 5), date(2025, 9, 6)),
        "range-washington": (date(2025, 9, 4), date(2025, 9, 6)),
        "month-hcmc": (date(2024, 7, 1), date(2024, 8, 1)),
        "year-canberra": (date(2023, 1, 1), date(2024, 1, 1)),
        "hostile": (date(2022, 3, 1), date(2022, 3, 2)),
    }
    assert "DTSTART;VALUE=DATE:20250905" in raw and "DTEND;VALUE=DATE:20250906" in raw
    assert "T000000" not in raw
    assert "month only: Jul 2024" in str(events["month-hcmc"]["description"])
    assert "year only: 2023" in str(events["year-canberra"]["description"])
    assert "only" not in str(events["day-hanoi"]["description"])


def test_calendar_uids_are_stable_and_follow_the_engagement(
    client: Client, archive: Archive
) -> None:
    _, first = calendar(client, "VN")
    _, again = calendar(client, "vn")
    _, us = calendar(client, "US")
    for slug, event in first.items():
        assert str(event["uid"]) == f"{archive.get(slug).id}@timeline"
        assert event["uid"] == again[slug]["uid"]
    assert us["range-washington"]["uid"] == first["range-washington"]["uid"]
    assert "year-canberra" not in us and "year-canberra" in calendar(client, "AU")[1]
    assert "day-hanoi" not in calendar(client, "AU")[1]
    # The corrected title is the current one.
    assert str(first["month-hcmc"]["summary"]) == "Meeting in Saigon"


def test_calendar_text_is_escaped_per_rfc_5545(client: Client) -> None:
    raw, events = calendar(client, "VN")
    hostile = events["hostile"]
    assert str(hostile["summary"]) == f"{SCRIPT} & Co; talks, in part"
    assert "& Co\\; talks\\, in part" in raw.replace("\r\n ", "")
    assert SCRIPT in str(hostile["description"])
    assert str(events["day-hanoi"]["location"]) == "Hà Nội, Vietnam"
    assert events["day-hanoi"].decoded("geo") is not None


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/-/calendar/XX.ics", "unknown country &#39;XX&#39;"),
        ("/-/calendar/zz.ics", "unknown country &#39;zz&#39;"),
        ("/-/calendar/V.ics", "unknown country &#39;V&#39;"),
        ("/-/calendar/Vietnm.ics", "did you mean VN (Vietnam / Việt Nam)?"),
    ],
)
def test_calendar_of_an_unknown_country_is_a_bad_request_that_suggests_one(
    client: Client, path: str, message: str
) -> None:
    response = client.run(client.ds.client.get(path))
    assert response.status_code == 400
    assert message in response.text


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/-/calendar/Vi%E1%BB%87t%20Nam.ics", "/-/calendar/VN.ics"),
        ("/-/calendar/Australia.ics", "/-/calendar/AU.ics"),
        ("/-/calendar/%C3%9Ac.ics", "/-/calendar/AU.ics"),
    ],
)
def test_calendar_asked_for_by_a_countrys_name_moves_to_its_code(
    client: Client, path: str, target: str
) -> None:
    response = client.run(client.ds.client.get(path))
    assert (response.status_code, response.headers["location"]) == (302, target)
    assert status(client, target) == 200


# Atom feed --------------------------------------------------------------------------------------


def atom_entries(client: Client) -> tuple[ET.Element, list[ET.Element]]:
    response = client.get("/-/changes.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return feed, feed.findall(f"{ATOM}entry")


def test_atom_lists_recorded_and_corrected_engagements_newest_first(client: Client) -> None:
    feed, entries = atom_entries(client)
    for tag in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{tag}") or "").strip(), tag
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    assert len(entries) == len(RECORDS) + 1
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    newest = entries[0]
    assert newest.findtext(f"{ATOM}title") == "Corrected: Meeting in Saigon"
    assert CORRECTION_REASON in newest.findtext(f"{ATOM}summary")
    assert newest.find(f"{ATOM}link").get("href").endswith("/-/engagement/month-hcmc")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "Recorded: Meeting in Ho Chi Minh City" in titles
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    assert ids == [e.findtext(f"{ATOM}id") for e in atom_entries(client)[1]]


def test_atom_escapes_record_text(client: Client) -> None:
    raw = client.get("/-/changes.atom").text
    assert SCRIPT not in raw and "&lt;script&gt;" in raw
    _, entries = atom_entries(client)
    assert f"Recorded: {SCRIPT} & Co; talks, in part" in [
        e.findtext(f"{ATOM}title") for e in entries
    ]


def test_feeds_are_linked_from_pages(client: Client) -> None:
    for path in ("/timeline", "/timeline/engagements"):
        page = client.get(path).text
        assert 'href="/-/changes.atom"' in page and 'href="/-/calendar/VN.ics"' in page
    assert 'href="/-/calendar/VN.ics"' in client.get("/timeline/countries").text
    search = client.get("/-/search").text
    assert '<link rel="alternate" type="application/atom+xml"' in search


# Search -----------------------------------------------------------------------------------------


def search(client: Client, q: str) -> dict[str, list[str]]:
    data = client.get("/-/search", q=q, _format="json").json()
    return {s["table"]: [r["pk"] for r in s["rows"]] for s in data["sections"]}


@pytest.mark.parametrize(
    ("q", "table", "found"),
    [
        ("Dung", "persons", "nguyen-quoc-dung"),
        ("dũng", "persons", "nguyen-quoc-dung"),
        ("Dung", "engagements", "day-hanoi"),
        ("Doi thoai", "engagements", "day-hanoi"),
        ("ĐỐI THOẠI", "engagements", "day-hanoi"),
        ("doi", "engagements", "day-hanoi"),
        ("Luong Tam Quang", "persons", "luong-tam-quang"),
        ("Luong Tam Quang", "engagements", "day-hanoi"),
        ("Lương Tam Quang", "persons", "luong-tam-quang"),
        ("bo cong an", "organisations", "vn-mps"),
        ("Bộ Công An", "organisations", "vn-mps"),
        ("MPS", "organisations", "vn-mps"),
        ("saig*", "engagements", "month-hcmc"),
    ],
)
def test_search_ignores_diacritics_and_case(client: Client, q: str, table: str, found: str) -> None:
    assert found in search(client, q)[table]


def test_search_page_lists_each_kind_of_result_with_links(client: Client) -> None:
    page = client.get("/-/search", q="Luong Tam Quang").text
    assert '<a href="/timeline/persons/luong-tam-quang">Lương Tam Quang</a>' in page
    assert '<a href="/timeline/engagements/day-hanoi">Đối thoại An ninh Việt Nam–Hoa Kỳ</a>' in page
    assert 'value="Luong Tam Quang"' in page
    assert "Nothing matches" in client.get("/-/search", q="zzzz").text
    assert not any(search(client, "zzzz").values())
    assert 'name="q"' in client.get("/-/search").text


def test_search_sections_tell_when_there_are_more(client: Client) -> None:
    db = client.ds.get_database("timeline")
    sections = client.run(search_results(db, "talks", limit=1))
    assert [s["title"] for s in sections] == [
        "People",
        "Organisations",
        "Engagements",
        "Persons, however written (offices and engagements)",
    ]
    engagements = sections[2]
    assert len(engagements["rows"]) == 1 and engagements["more"]
    page = client.get("/-/search", q="talks").text
    assert "/timeline/engagements/year-canberra" in page and "range-washington" not in page
    assert "Meeting / Hội đàm, làm việc" in page


def test_a_search_shows_an_append_on_its_next_visit(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:2])
    build(archive)
    client = Client(archive.projection_path)
    try:

        def slugs() -> list[str]:
            data = client.get("/-/search", q="saigon", _format="json").json()
            return [r["pk"] for s in data["sections"] for r in s["rows"]]

        assert slugs() == slugs() == []
        archive.append(RECORDS[2:3])
        archive.correct(RECORDS[2].slug, {"title": "Meeting in Saigon"}, CORRECTION_REASON)
        build(archive)
        assert slugs() == [RECORDS[2].slug]
    finally:
        client.close()


def test_a_search_that_takes_too_long_leaves_the_other_sections(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = client.ds.get_database("timeline")
    execute = db.execute

    async def slow_engagements(sql: str, *args: Any, **kwargs: Any) -> Any:
        if "engagements_fts" in sql:
            raise QueryInterrupted(Exception("interrupted"), sql, args)
        return await execute(sql, *args, **kwargs)

    monkeypatch.setattr(db, "execute", slow_engagements)
    # Words no other test searches: a search that finished is kept until the file changes.
    for _ in range(2):  # one cut short by the time limit is not kept: tried again
        page = client.get("/-/search", q="Quang Luong Tam").text
        assert "Searching engagements took too long" in page
        assert '<a href="/timeline/persons/luong-tam-quang">' in page
    monkeypatch.setattr(db, "execute", execute)
    page = client.get("/-/search", q="Quang Luong Tam").text
    assert "Searching engagements took too long" not in page


@pytest.mark.parametrize(
    "q",
    ['"', "'", '"unbalanced', "a AND", "OR", "NOT x", "(", ")", "*", "-x", "title:x", "^x",
     "NEAR(a b)", "x\\", "%", "; drop table engagements", "\u0000", "đ", " "],
)  # fmt: skip
def test_no_query_text_is_an_error(client: Client, q: str) -> None:
    assert status(client, "/-/search", q=q) == 200
    assert status(client, "/-/search", q=q, _format="json") == 200
    assert status(client, "/timeline/search.json", q=q) == 200


# Two languages ----------------------------------------------------------------------------------


def test_countries_kinds_and_topics_show_both_languages(client: Client) -> None:
    page = client.get("/timeline/engagements", slug="day-hanoi").text
    assert '<a href="/timeline/countries/VN">Vietnam / Việt Nam</a>' in page
    assert '<a href="/timeline/kinds/dialogue">Dialogue / Đối thoại</a>' in page
    # JSON arrays of codes in the table.
    assert '<a href="/timeline/countries/US">US — United States / Hoa Kỳ</a>' in page
    assert '<a href="/timeline/topics/money_laundering">Money laundering / Rửa tiền</a>' in page
    # Facets show the labels too.
    facets = client.get("/timeline/engagements.json", _facet="kind").json()["facet_results"]
    labels = {v["value"]: v["label"] for v in facets["kind"]["results"]}
    assert labels["dialogue"] == "Dialogue / Đối thoại"
    # Code columns of canned query results.
    page = client.get("/timeline/organisation_engagements", organisation="MPS").text
    assert '<a href="/timeline/countries/VN">VN — Vietnam / Việt Nam</a>' in page
    assert '<a href="/timeline/kinds/dialogue">Dialogue / Đối thoại</a>' in page
    page = client.get("/timeline/country_timeline", country="VN").text
    assert (
        '<a href="/timeline/countries/US">US — United States / Hoa Kỳ</a>' in page
        and '<a href="/timeline/countries/AU">AU — Australia / Úc</a>' in page
    )
    vocab = client.rows("/timeline/countries", code="VN")[0]
    assert (vocab["name_en"], vocab["name_vi"], vocab["label"]) == (
        "Vietnam",
        "Việt Nam",
        "Vietnam / Việt Nam",
    )


def test_an_earlier_timeline_db_is_rebuilt_with_the_new_columns(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:1])
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)
    # As an earlier version built it: no labels, no organisation search, no coordinates.
    db["organisations"].transform(drop={"search_text"})
    db["countries"].transform(drop={"label"})
    db.execute("update engagements set latitude = null, longitude = null")
    db.conn.commit()
    db.close()
    archive.append(RECORDS[1:2])
    assert build(archive).rebuilt
    db = sqlite_utils.Database(archive.projection_path)
    assert (
        db["organisations"].get("vn-mps")["search_text"]
        == "ministry of public security bo cong an mps"
    )
    assert db["countries"].get("VN")["label"] == "Vietnam / Việt Nam"
    assert db["engagements"].get("day-hanoi")["latitude"] == pytest.approx(HANOI[0])
    assert db["organisations_fts"].exists() and db["engagements"].count == 2
    db.close()
    assert not build(archive).rebuilt


# Safe to publish --------------------------------------------------------------------------------


def test_robots_are_blocked_unless_configured(client: Client, archive: Archive) -> None:
    assert client.get("/robots.txt").text.splitlines() == ["User-agent: *", "Disallow: /"]
    metadata = copy.deepcopy(METADATA)
    metadata["plugins"]["datasette-block-robots"] = {"literal": "User-agent: *\nAllow: /"}
    allowing = Client(archive.projection_path, metadata=metadata)
    try:
        assert allowing.get("/robots.txt").text == "User-agent: *\nAllow: /"
    finally:
        allowing.close()


def test_no_write_reaches_the_database(client: Client, archive: Archive) -> None:
    assert not any(q.get("write") for q in METADATA["databases"]["timeline"]["queries"].values())
    before = client.rows("/timeline/engagements")
    for sql in ("delete from engagements", "update engagements set title = 'x'"):
        assert status(client, "/timeline.json", sql=sql) == 400
        # Even a write that a plugin or a canned write query would send is refused by SQLite.
        db = client.ds.get_database("timeline")
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            client.run(db.execute_write(sql))
    assert client.rows("/timeline/engagements") == before


def test_internal_tables_are_hidden_and_unreadable(client: Client) -> None:
    assert status(client, f"/timeline/{TRACKING_TABLE}") == 403
    assert TRACKING_TABLE not in client.get("/timeline").text
    response = client.run(
        client.ds.client.get("/timeline.json", params={"sql": f"select * from {TRACKING_TABLE}"})
    )
    assert response.status_code == 400 and "prohibited" in response.text
    assert client.rows("/timeline", sql="select count(*) as n from engagements")[0]["n"] == 5
    assert status(client, "/timeline.db") == 403
    for table in ("engagements_fts", "persons_fts", "organisations_fts"):
        assert f'href="/timeline/{table}"' not in client.get("/timeline").text
        for shadow in ("data", "idx", "docsize", "config"):
            assert status(client, f"/timeline/{table}_{shadow}") == 403
    assert status(client, "/timeline/engagements_fts") == 200  # the same text as engagements


def test_plain_datasette_has_an_sql_time_limit(archive: Archive) -> None:
    """Started as `datasette timeline.db -m datasette_metadata.json`, with no settings."""
    plain = Client(archive.projection_path, settings={})
    try:
        assert plain.ds.setting("sql_time_limit_ms") > 0
        endless = (
            "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
        )
        response = plain.run(plain.ds.client.get("/timeline.json", params={"sql": endless}))
        assert response.status_code == 400 and "too long" in response.text
    finally:
        plain.close()


@pytest.mark.parametrize(
    "path",
    [
        "/timeline/engagements",
        "/timeline/engagements/hostile",
        "/timeline/organisations",
        "/timeline/revisions",
        "/timeline/search?q=script",
        "/timeline/country_timeline?country=VN",
        "/-/search?q=script",
        "/-/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
    ],
)
def test_record_text_is_escaped_on_every_page(client: Client, path: str) -> None:
    page = client.get(path).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_every_plugin_page_answers(client: Client) -> None:
    for path in ("/-/search", "/-/changes.atom", "/-/calendar/VN.ics", "/robots.txt"):
        assert client.get(path).text
    menu = client.get("/timeline").text
    assert 'href="/-/search"' in menu


def test_calendar_and_atom_hold_the_latest_within_their_limits(archive: Archive) -> None:
    metadata = copy.deepcopy(METADATA)
    metadata["plugins"]["timeline"] |= {"calendar_limit": 2, "atom_limit": 3}
    limited = Client(archive.projection_path, metadata=metadata)
    try:
        _, events = calendar(limited, "VN")
        assert set(events) == {"day-hanoi", "range-washington"}
        _, entries = atom_entries(limited)
        assert len(entries) == 3
        assert entries[0].findtext(f"{ATOM}title") == "Corrected: Meeting in Saigon"
    finally:
        limited.close()


def test_a_calendar_shows_a_correction_and_an_append_on_its_next_visit(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:2])
    build(archive)
    client = Client(archive.projection_path)
    try:
        _, before = calendar(client, "VN")
        assert set(before) == {"day-hanoi", "range-washington"}
        archive.correct("day-hanoi", {"title": "Dialogue, retitled"}, "The agency's own title")
        archive.append(RECORDS[2:3])
        build(archive)
        text, after = calendar(client, "VN")
        assert set(after) == {"day-hanoi", "range-washington", RECORDS[2].slug}
        assert str(after["day-hanoi"]["summary"]) == "Dialogue, retitled"
        assert str(after["range-washington"]["summary"]) == str(
            before["range-washington"]["summary"]
        )
        assert text == calendar(client, "VN")[0]  # the same again, from what was kept
    finally:
        client.close()


def test_after_a_write_a_calendar_reads_again_only_the_engagements_it_revised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.web import calendar_rows

    read: list[set[str]] = []
    read_rows = calendar_rows._read

    def spied(conn: sqlite3.Connection, sql: str, params: Any, slugs: list[str]) -> Any:
        read.append(set(slugs))
        return read_rows(conn, sql, params, slugs)

    monkeypatch.setattr(calendar_rows, "_read", spied)
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:3])
    build(archive)
    client = Client(archive.projection_path)
    try:
        assert set(calendar(client, "VN")[1]) == {r.slug for r in RECORDS[:3]}
        assert read[-1] == {r.slug for r in RECORDS[:3]}
        archive.correct("day-hanoi", {"title": "Dialogue, retitled"}, "The agency's own title")
        archive.retract(RECORDS[2].slug, "Recorded twice")
        build(archive)
        text, after = calendar(client, "VN")
        assert set(after) == {"day-hanoi", "range-washington"}
        assert str(after["day-hanoi"]["summary"]) == "Dialogue, retitled"
        assert read[-1] == {"day-hanoi"}
        fresh = Client(archive.projection_path)  # nothing kept: every row read
        try:
            assert calendar(fresh, "VN")[0] == text
        finally:
            fresh.close()
    finally:
        client.close()


def test_a_rebuilt_file_has_its_calendars_rows_read_again_whole(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:2])
    build(archive)
    client = Client(archive.projection_path)
    try:
        calendar(client, "VN")
        archive.correct("day-hanoi", {"title": "Dialogue, retitled"}, "The agency's own title")
        build(archive, rebuild=True)
        _, after = calendar(client, "VN")
        assert str(after["day-hanoi"]["summary"]) == "Dialogue, retitled"
    finally:
        client.close()


def whole_calendar(name: str, rows: list[dict[str, Any]], urls: list[str]) -> str:
    """The calendar as icalendar writes it in one piece, every event rendered afresh."""
    cal = feeds.calendar_header(name, feeds.CALENDAR_LIMIT)
    for row, url in zip(rows, urls, strict=True):
        cal.add_component(feeds.calendar_event(row, url))
    return cal.to_ical().decode()


def test_calendar_text_assembled_from_kept_events_is_what_icalendar_writes(
    archive: Archive,
) -> None:
    db = sqlite3.connect(archive.projection_path)
    db.row_factory = sqlite3.Row
    try:
        sql = (
            "select e.*, c.name_en as place_name from engagements e "
            "left join countries c on c.code = e.country order by e.start_date desc"
        )
        rows = [dict(r) for r in db.execute(sql)]
    finally:
        db.close()
    urls = [f"http://localhost/-/engagement/{row['slug']}" for row in rows]
    assert len(rows) == len(RECORDS)
    first = feeds.calendar_text("Vietnam", feeds.CALENDAR_LIMIT, rows, urls)
    assert first == whole_calendar("Vietnam", rows, urls)
    # A row changed by a write (a corrected title, a new version) is written afresh; the
    # others come from what was kept, and the whole is still byte for byte icalendar's.
    changed = [dict(rows[0], title="Retitled; later", version=rows[0]["version"] + 1), *rows[1:]]
    again = feeds.calendar_text("Vietnam", feeds.CALENDAR_LIMIT, changed, urls)
    assert again == whole_calendar("Vietnam", changed, urls)
    assert "SUMMARY:Retitled\\; later" in again and again != first


def test_an_array_cells_links_are_kept_per_server_and_cell() -> None:
    """`array_links` is kept per (server, database, column, text): a server with its own base
    URL gets its own links, and text that is not an array of known codes stays as it is."""
    from datasette.app import Datasette

    from timeline.web import labels

    plain, prefixed = Datasette([]), Datasette([], settings={"base_url": "/archive/"})
    for ds in (plain, prefixed):
        ds.add_memory_database("timeline")
    cell = '["VN", "US"]'
    first = labels.label_cell(cell, "countries", "engagements", "timeline", plain)
    assert first == (
        '<a href="/timeline/countries/VN">VN — Vietnam / Việt Nam</a>, '
        '<a href="/timeline/countries/US">US — United States / Hoa Kỳ</a>'
    )
    assert labels.label_cell(cell, "countries", "engagements", "timeline", plain) is first
    moved = labels.label_cell(cell, "countries", "engagements", "timeline", prefixed)
    assert '<a href="/archive/timeline/countries/VN">' in moved
    for text in ('["VN", "XX"]', "[not json", '["VN", 1]', "[]", "VN"):
        assert labels.label_cell(text, "countries", "engagements", "timeline", plain) is None
    assert labels.label_cell('["cybercrime"]', "topics", None, "timeline", plain) == (
        '<a href="/timeline/topics/cybercrime">Cybercrime / Tội phạm mạng</a>'
    )
