"""The pages a visitor lands on first: the home and database pages link the archive's own pages
(timelines, search, the engagements with their map, the canned timelines), and the index of
timelines says how many engagements each country has. Datasette's test client."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.web.test_canned import MEETINGS, fetch, meeting
from tests.web.test_publish import Client, open_client
from timeline.projection.build import build
from timeline.store.application import Archive


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    archive = Archive(tmp_path_factory.mktemp("front") / "archive")
    archive.append([meeting(i) for i in range(MEETINGS)])
    build(archive)
    yield from open_client(archive.projection_path)


LINKS = ["/-/timeline", "/-/search", "/timeline/engagements", "/timeline/country_timeline"]


def test_the_home_and_database_pages_link_the_timelines_search_and_map(client: Client) -> None:
    for path in ("/", "/timeline"):
        page = client.get(path).text
        nav = re.search(r'<nav class="tl-archive-links".*?</nav>', page, re.S)
        assert nav is not None, path
        for link in LINKS:
            assert f'href="{link}"' in nav.group(0), (path, link)
        assert "/-/timeline-static/pages.css" in page


def test_the_index_of_timelines_counts_each_countrys_engagements(client: Client) -> None:
    page = client.get("/-/timeline").text
    for code in ("VN", "LA"):
        item = re.search(rf"<li>.*?<code>{code}</code>.*?</li>", page)
        assert item is not None, code
        assert f"{MEETINGS} engagements" in item.group(0)


def test_an_unknown_page_parameter_on_the_index_changes_nothing(client: Client) -> None:
    assert fetch(client, "/-/timeline", country="nowhere").status_code == 200


def test_a_table_page_folds_its_column_descriptions_under_the_description(client: Client) -> None:
    page = client.get("/timeline/engagements").text
    folded = re.search(r'<details class="tl-columns">.*?</details>', page, re.S)
    assert folded is not None
    assert "<dt>summary</dt>" in folded.group(0)
    # Before the rows: the data is what follows, and Datasette's own list is hidden by the CSS.
    assert page.index('<details class="tl-columns">') < page.index('class="rows-and-columns"')
    assert (
        "body.table dl.column-descriptions { display: none; }"
        in client.get("/-/timeline-static/pages.css").text
    )
    # Only a table page: its row pages, the database page and a canned query show Datasette's
    # description alone.
    slug = re.search(r'href="/timeline/engagements/([^"]+)"', page).group(1)
    for path in (f"/timeline/engagements/{slug}", "/timeline/countries/VN", "/timeline", "/"):
        other = client.get(path).text
        assert "tl-columns" not in other and "metadata-description" in other, path
    assert "tl-columns" not in client.get("/timeline/search", q="dialogue").text


def test_the_timeline_tables_rows_open_by_a_readable_link_not_their_compound_key(
    client: Client,
) -> None:
    page = client.get("/timeline/timeline", country="LA").text
    links = re.findall(r'<td class="col-Link[^"]*"><a href="([^"]+)" title="([^"]+)">row</a>', page)
    assert links
    href, key = links[0]
    assert key.startswith("LA,VN,vn-la-meeting-") and href.endswith(key)
    assert client.get(href).status_code == 200


def test_search_says_how_many_match_of_each_kind_beyond_the_rows_it_lists(client: Client) -> None:
    page = client.get("/-/search", q="working meeting").text
    counts = re.search(r'<p class="tl-search-counts">(.*?)</p>', page, re.S)
    assert counts is not None
    text = re.sub(r"<[^>]+>", "", counts.group(1))
    assert f"{MEETINGS} engagements" in text and "0 people" in text
    assert f'Engagements <span class="meta">({MEETINGS})</span>' in page
    data = client.get("/-/search", q="working meeting", _format="json").json()
    assert {s["table"]: s["count"] for s in data["sections"]} == {
        "persons": 0,
        "organisations": 0,
        "engagements": MEETINGS,
        "people": 0,
    }


def test_search_lists_the_latest_of_equally_ranked_matches_past_its_limit(client: Client) -> None:
    """All 130 titles match "working meeting" equally well: the latest twenty, newest first
    (two meetings a day, so the twentieth and twenty-first are on different days)."""
    data = client.get("/-/search", q="working meeting", _format="json").json()
    engagements = next(s for s in data["sections"] if s["table"] == "engagements")
    assert {r["pk"] for r in engagements["rows"]} == {
        f"vn-la-meeting-{i:03d}" for i in range(MEETINGS - 20, MEETINGS)
    }
    dates = [r["date"] for r in engagements["rows"]]
    assert engagements["more"] and len(set(dates)) == 10


def test_search_lists_only_what_matches_every_word(client: Client) -> None:
    data = client.get("/-/search", q="meeting number 7", _format="json").json()
    engagements = next(s for s in data["sections"] if s["table"] == "engagements")
    # Every title has "meeting" and "number"; the one numbered 7 alone has all three words.
    assert [r["pk"] for r in engagements["rows"]] == ["vn-la-meeting-007"]
