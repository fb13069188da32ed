"""Collections on the pages and in the feeds, through Datasette's test client on a real
timeline.db: security engagements by default, the others on request, a legend that says which
is which; calendars per pair and per collection; Atom by country and collection, saying what
changed; and what they refuse."""

from __future__ import annotations

import copy
import json
import re
import shutil
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import icalendar
import pytest

from events import EngagementFacts
from tests.helpers import DatasetteClient
from timeline.projection.build import build
from timeline.projection.counts import TIMELINE_COUNTS
from timeline.store.application import Archive

ROOT = Path(__file__).resolve().parents[2]
METADATA = json.loads((ROOT / "datasette_metadata.json").read_text())
ATOM = "{http://www.w3.org/2005/Atom}"
SOURCE = {
    "document": "wire-1",
    "publisher": "Test Wire",
    "language": "vi",
    "quote": "Ngày 5/9, tại Washington D.C.",
    "start": 0,
    "end": 29,
}
SECOND = {**SOURCE, "document": "wire-2", "publisher": "Second Wire"}


def record(slug: str, title: str, date: str, host: str, guests: list[str]) -> EngagementFacts:
    return EngagementFacts.model_validate(
        {
            "slug": slug,
            "kind": "dialogue" if "dialogue" in slug else "visit",
            "title": title,
            "date": date,
            "host": host,
            "guests": guests,
            "place": {"country": host},
            "sources": [SOURCE],
        }
    )


SECURITY = [
    record("vn-us-dialogue-1", "1st Vietnam–US Security Dialogue", "2024-07-02", "VN", ["US"]),
    record("vn-au-dialogue-1", "Vietnam–Australia Security Dialogue", "2023-03-01", "AU", ["VN"]),
]
REVIEWED = [record("vn-jp-visit-2025", "MPS delegation visits Japan", "2025-02-03", "JP", ["VN"])]
TRIPS = [
    record("us-vn-visit-2023-09-10", "President visits Vietnam", "2023-09-10", "VN", ["US"]),
    record("us-vn-visit-2016-05-23", "President visits Vietnam", "2016-05-23", "VN", ["US"]),
]


class Client(DatasetteClient):
    def __init__(self, db_path: Path) -> None:
        super().__init__(db_path, metadata=copy.deepcopy(METADATA))

    def get(self, path: str, status: int = 200, **params: str) -> httpx.Response:
        response = self.run(self.ds.client.get(path, params=params or None))
        assert response.status_code == status, (path, params, response.text[-800:])
        return response


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    archive = Archive(tmp_path_factory.mktemp("collections") / "archive")
    archive.append(SECURITY)
    archive.append(REVIEWED, collection="reviewed")
    archive.append(TRIPS, collection="historyatstate-travels")
    archive.correct(
        "vn-us-dialogue-1",
        {"date": "2024-07-03", "topics": ["cybercrime"]},
        "The dialogue opened on the 3rd",
    )
    australia = SECURITY[1].model_dump(mode="json")
    archive.append([EngagementFacts.model_validate({**australia, "sources": [SOURCE, SECOND]})])
    archive.retract("us-vn-visit-2016-05-23", "Recorded twice by the importer")
    build(archive)
    return archive


@pytest.fixture(scope="module")
def client(archive: Archive) -> Iterator[Client]:
    c = Client(archive.projection_path)
    yield c
    c.close()


def marks(page: str) -> set[str]:
    return {s.split('"')[0] for s in page.split('data-slug="')[1:]}


def test_a_timeline_shows_the_security_collections_by_default(client: Client) -> None:
    page = client.get("/-/timeline/VN").text
    assert marks(page) == {"vn-us-dialogue-1", "vn-au-dialogue-1", "vn-jp-visit-2025"}


def test_the_legend_says_which_collection_is_which_and_links_to_the_others(
    client: Client,
) -> None:
    page = client.get("/-/timeline/VN").text
    legend = page[page.index('class="tl-collections"') :]
    legend = legend[: legend.index("</p>")]
    assert "Curated security engagements" in legend and "(2, security)" in legend
    assert "Extracted and reviewed" in legend and "(1, security)" in legend
    assert "US presidents&#39; and secretaries&#39; trips" in legend and "(1, not shown)" in legend
    assert 'href="/-/timeline/VN?collection=all"' in legend
    assert 'href="/-/timeline/VN?collection=historyatstate-travels"' in legend


def legend_of(client: Client, path: str) -> str:
    page = client.get(path).text
    legend = page[page.index('class="tl-collections"') :]
    return legend[: legend.index("</p>")]


def test_the_legend_is_counted_the_same_from_the_rows_of_a_file_without_its_count_table(
    archive: Archive, tmp_path: Path
) -> None:
    older = tmp_path / "timeline.db"
    shutil.copyfile(archive.projection_path, older)
    with sqlite3.connect(older) as db:
        db.execute(f"drop table {TIMELINE_COUNTS}")
    db.close()
    kept, counted = Client(archive.projection_path), Client(older)
    try:
        for path in ("/-/timeline/VN", "/-/charts/VN", "/-/timeline/VN/US", "/-/charts/US/VN"):
            assert legend_of(kept, path) == legend_of(counted, path)
        assert "(1, not shown)" in legend_of(kept, "/-/timeline/US/VN")
    finally:
        kept.close()
        counted.close()


def test_every_collection_is_one_click_away(client: Client) -> None:
    page = client.get("/-/timeline/VN", collection="all").text
    assert "us-vn-visit-2023-09-10" in marks(page) and len(marks(page)) == 4
    assert 'href="/-/timeline/VN"' in page  # back to the security collections
    # Links within the page keep the collections asked for.
    assert "collection=all" in page.split('class="tl-nav"')[1].split("</span>")[0]


def test_one_collection_alone_and_several_together(client: Client) -> None:
    trips = client.get("/-/timeline/VN/US", collection="historyatstate-travels").text
    assert marks(trips) == {"us-vn-visit-2023-09-10"}
    both = client.get("/-/timeline/VN", collection="curated,reviewed").text
    assert marks(both) == marks(client.get("/-/timeline/VN").text)


def test_charts_count_the_collections_asked_for(client: Client) -> None:
    default = client.get("/-/charts/VN/US").text
    everything = client.get("/-/charts/VN/US", collection="all").text
    assert 'data-year="2023"' not in default and 'data-year="2023"' in everything
    assert 'class="tl-collections"' in default


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/-/timeline/VN", {"collection": "curatd"}, "did you mean &#39;curated&#39;?"),
        ("/-/charts/VN", {"collection": "historyatstate"}, "unknown collection"),
        ("/-/changes.atom", {"collection": "nope-nope"}, "unknown collection"),
        ("/-/changes.atom", {"country": "XX"}, "country: unknown country"),
        ("/-/calendar/VN.ics", {"collection": "travels"}, "historyatstate-travels"),
        ("/-/calendar/VN/XX.ics", {}, "counterpart: unknown country"),
        ("/-/calendar/XX.ics", {}, "country: unknown country"),
        ("/-/calendar/VN/VN.ics", {}, "a pair needs two countries"),
        ("/-/calendar/collection/curatd.ics", {}, "did you mean"),
        ("/-/timeline/VN", {"collection": "curated", "from": "2024-13"}, "is not a year"),
    ],
)
def test_bad_collections_countries_and_dates_are_a_400_with_a_message(
    client: Client, path: str, params: dict[str, str], message: str
) -> None:
    assert message in client.get(path, status=400, **params).text


def calendar(client: Client, path: str, **params: str) -> icalendar.Calendar:
    response = client.get(path, **params)
    assert response.headers["content-type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.text)


def uids(cal: icalendar.Calendar) -> list[str]:
    return [str(e["url"]).rsplit("/", 1)[-1] for e in cal.walk("VEVENT")]


def test_a_pairs_calendar_holds_the_pairs_security_engagements(client: Client) -> None:
    cal = calendar(client, "/-/calendar/VN/US.ics")
    assert uids(cal) == ["vn-us-dialogue-1"]
    assert str(cal["x-wr-calname"]) == "Engagements: Vietnam – United States"
    event = cal.walk("VEVENT")[0]
    assert event["dtstart"].dt.isoformat() == "2024-07-03"  # as corrected
    assert str(event["url"]).endswith("/-/engagement/vn-us-dialogue-1")
    assert uids(calendar(client, "/-/calendar/US/VN.ics", collection="all")) == [
        "vn-us-dialogue-1",  # newest first
        "us-vn-visit-2023-09-10",
    ]


def test_a_collections_calendar_holds_that_collection_only(client: Client) -> None:
    cal = calendar(client, "/-/calendar/collection/historyatstate-travels.ics")
    assert uids(cal) == ["us-vn-visit-2023-09-10"]  # the retracted trip is not there
    assert "trips" in str(cal["x-wr-calname"])
    assert uids(calendar(client, "/-/calendar/collection/reviewed.ics")) == ["vn-jp-visit-2025"]


def test_a_countrys_calendar_filters_by_collection(client: Client) -> None:
    assert set(uids(calendar(client, "/-/calendar/VN.ics"))) == {
        "vn-us-dialogue-1",
        "vn-au-dialogue-1",
        "vn-jp-visit-2025",
    }
    assert uids(calendar(client, "/-/calendar/AU.ics", collection="reviewed")) == []


def atom(client: Client, **params: str) -> tuple[ET.Element, list[ET.Element]]:
    response = client.get("/-/changes.atom", **params)
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    # RFC 4287: a feed has an id, a title, an updated and an author (or each entry has one);
    # each entry an id, a title, an updated, and a link or content.
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{tag}") or "").strip(), tag
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert (entry.findtext(f"{ATOM}{tag}") or "").strip(), tag
        assert entry.find(f"{ATOM}link").get("href")
    return feed, entries


def summaries(entries: list[ET.Element]) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in entries:
        out.setdefault(e.findtext(f"{ATOM}title") or "", e.findtext(f"{ATOM}summary") or "")
    return out


def test_atom_holds_the_security_collections_by_default(client: Client) -> None:
    _, entries = atom(client)
    terms = {e.find(f"{ATOM}category").get("term") for e in entries}
    assert terms == {"curated", "reviewed"}
    _, everything = atom(client, collection="all")
    assert "historyatstate-travels" in {e.find(f"{ATOM}category").get("term") for e in everything}


def test_atom_filters_by_country(client: Client) -> None:
    _, japan = atom(client, country="jp")
    assert [e.findtext(f"{ATOM}title") for e in japan] == ["Recorded: MPS delegation visits Japan"]
    _, none = atom(client, country="JP", collection="curated")
    assert none == []


def test_atom_entries_link_to_the_engagement_page_and_say_what_changed(client: Client) -> None:
    _, entries = atom(client, collection="all")
    told = summaries(entries)
    corrected = told["Corrected: 1st Vietnam–US Security Dialogue"]
    assert "date: 2024-07-02 → 2024-07-03" in corrected
    assert "topics: +cybercrime" in corrected
    assert "Reason: The dialogue opened on the 3rd" in corrected
    assert told["Source added: Vietnam–Australia Security Dialogue"].startswith(
        "Source added: Second Wire, wire-2 — “Ngày 5/9"
    )
    assert "Reason: Recorded twice by the importer" in told["Retracted: President visits Vietnam"]
    recorded = told["Recorded: MPS delegation visits Japan"]
    assert recorded.startswith("New visit on 2025-02-03 in JP (JP, VN); 1 source")
    assert "collection: Extracted and reviewed" in recorded
    links = {e.find(f"{ATOM}link").get("href") for e in entries}
    assert "http://localhost/-/engagement/us-vn-visit-2016-05-23" in links
    assert all("/-/engagement/" in link for link in links)


def test_the_collections_table_has_a_description_and_count_per_collection(
    client: Client,
) -> None:
    rows = client.get("/timeline/collections.json", _shape="array").json()
    counts = {r["name"]: r["engagements"] for r in rows}
    assert counts == {
        "curated": 2,
        "reviewed": 1,
        "historyatstate-visits": 0,
        "historyatstate-travels": 1,
    }
    assert all(r["description"] for r in rows)
    assert [r["name"] for r in rows if r["default_view"]] == ["curated", "reviewed"]


def test_the_tables_have_a_collection_column_to_filter_on(client: Client) -> None:
    rows = client.get(
        "/timeline/timeline.json", _shape="array", country="VN", collection="reviewed"
    ).json()
    assert [r["engagement"] for r in rows] == ["vn-jp-visit-2025"]


def test_canned_timelines_show_the_security_collections_unless_asked_for_more(
    client: Client,
) -> None:
    def slugs(**params: str) -> set[str]:
        rows = client.get("/timeline/pair_timeline.json", _shape="array", a="VN", b="US", **params)
        return {r["engagement"] for r in rows.json()}

    assert slugs() == {"vn-us-dialogue-1"}
    assert slugs(collection="all") == {"vn-us-dialogue-1", "us-vn-visit-2023-09-10"}
    assert slugs(collection="historyatstate-travels") == {"us-vn-visit-2023-09-10"}


@pytest.mark.parametrize("path", ["/timeline/country_timeline", "/timeline/country_timeline.json"])
def test_a_canned_query_refuses_a_collection_it_does_not_hold(client: Client, path: str) -> None:
    # Its SQL alone would answer "0 results", as if the archive had nothing for the country.
    text = client.get(path, status=400, country="VN", collection="curatd").text
    assert "collection: unknown collection &#39;curatd&#39;" in text or (
        "collection: unknown collection 'curatd'" in text
    )
    assert "curated" in text.split("curatd", 1)[1]


def index_counts(page: str) -> dict[str, int]:
    found = re.findall(
        r"<code>([A-Z]{2})</code></a> <span class=\"tl-count\">([\d,]+) engagement", page
    )
    return {code: int(n.replace(",", "")) for code, n in found}


def test_the_index_of_timelines_counts_the_collections_asked_for(client: Client) -> None:
    default = client.get("/-/timeline").text
    assert index_counts(default) == {"AU": 1, "JP": 1, "US": 1, "VN": 3}
    assert 'class="tl-collections"' in default and "show every collection" in default
    everything = client.get("/-/timeline", collection="all").text
    assert index_counts(everything)["US"] > 1 and index_counts(everything)["VN"] > 3
    assert 'href="/-/timeline/US?collection=all"' in everything  # the choice is kept
    trips = client.get("/-/timeline", collection="historyatstate-travels").text
    assert set(index_counts(trips)) == {"US", "VN"}
    assert "did you mean" in client.get("/-/timeline", status=400, collection="curatd").text


def matches_elsewhere(client: Client, q: str, shown: list[str]) -> int:
    """Engagements matching `q` whose collection is not among `shown`, counted from the file."""
    from timeline.web.sql import fts_query

    with sqlite3.connect(client.ds.databases["timeline"].path) as db:
        rows = db.execute(
            "select e.collection from engagements_fts f join engagements e on e.rowid = f.rowid "
            "where engagements_fts match ?",
            [fts_query(q)],
        ).fetchall()
    return sum(1 for (collection,) in rows if collection not in shown)


DEFAULT = ["curated", "reviewed"]
NOT_VISITS = ["curated", "reviewed", "historyatstate-travels"]


@pytest.mark.parametrize(
    ("q", "collection", "shown", "elsewhere"),
    [
        ("visits", None, DEFAULT, 1),  # the President's visit, imported
        ("visits", "historyatstate-travels", ["historyatstate-travels"], 1),  # Japan, reviewed
        ("dialogue", None, DEFAULT, 0),
        # The collections not shown hold no engagement: nothing is counted there.
        ("visits", ",".join(NOT_VISITS), NOT_VISITS, 0),
    ],
)
def test_search_says_how_many_matches_are_in_the_collections_not_shown(
    client: Client, q: str, collection: str | None, shown: list[str], elsewhere: int
) -> None:
    params = {"q": q} | ({"collection": collection} if collection else {})
    data = client.get("/-/search", _format="json", **params).json()
    assert data["in_other_collections"] == matches_elsewhere(client, q, shown) == elsewhere


@pytest.mark.parametrize(
    ("collection", "found"),
    [
        ("", {"vn-jp-visit-2025"}),  # the security collections: the President's visits are not
        ("historyatstate-travels", {"us-vn-visit-2023-09-10"}),
        ("all", {"vn-jp-visit-2025", "us-vn-visit-2023-09-10"}),
        ("curated", set()),
    ],
)
def test_the_canned_search_finds_in_the_collections_asked_for(
    client: Client, collection: str, found: set[str]
) -> None:
    """The collections not shown hold engagements here: each match is read for its
    collection before the best are kept."""
    data = client.get("/timeline/search.json", q="visits", collection=collection, _shape="objects")
    assert {r["engagement"] for r in data.json()["rows"]} == found


def test_a_timeline_drawn_once_links_with_each_requests_own_collections(client: Client) -> None:
    """The drawing is kept between visits; the links are the visit's own."""
    for spelled in ("curated,reviewed", "reviewed,curated", "curated,reviewed"):
        page = client.get("/-/timeline/VN", collection=spelled).text
        lane_links = re.findall(r'href="(/-/timeline/VN/[A-Z]{2}\?[^"]*)"', page)
        assert lane_links, page[-500:]
        assert all(f"collection={spelled.replace(',', '%2C')}" in u for u in lane_links)


def test_a_pairs_timeline_counts_an_append_on_its_next_visit(tmp_path: Path) -> None:
    """The window's count and the kinds' labels are kept until the file is written."""
    archive = Archive(tmp_path / "archive")
    archive.append(SECURITY)
    build(archive)
    c = Client(archive.projection_path)
    try:
        total = re.compile(r"· ([\d,]+) engagements?\b")
        for _ in range(2):  # the second visit from what the first kept
            page = c.get("/-/timeline/VN/US").text
            assert total.findall(page) == ["1"] and "Dialogue" in page
        archive.append(
            [record("vn-us-dialogue-2", "2nd Vietnam–US Security Dialogue", "2024-11-05", "US",
                    ["VN"])]
        )  # fmt: skip
        build(archive)
        page = c.get("/-/timeline/VN/US").text
        assert total.findall(page) == ["2"] and "vn-us-dialogue-2" in marks(page)
    finally:
        c.close()
