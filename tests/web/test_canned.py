"""Canned queries as a visitor meets them (timeline.web.canned): opened with example parameters,
paged 100 at a time by their last row, and refusing what they cannot read with a 400 that says
why. Datasette's test client on a real timeline.db built from a real archive."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from events import EngagementFacts
from tests.web.test_publish import METADATA, Client, open_client
from timeline.projection.build import build
from timeline.store.application import Archive
from timeline.web.canned import CHECKS, EXAMPLES

QUERIES = METADATA["databases"]["timeline"]["queries"]
SOURCE = {
    "document": "wire-7",
    "publisher": "Test Wire",
    "url": "https://example.org/news/7",
    "published": "2025-09-06",
    "language": "en",
    "quote": "The delegations met.",
    "start": 0,
    "end": 20,
}
FIRST_DAY = date(2020, 1, 1)
# More than a page of Vietnam–Laos meetings (one a week), a few of them on one day.
MEETINGS = 130


def meeting(i: int) -> EngagementFacts:
    day = FIRST_DAY + timedelta(days=7 * (i // 2))
    return EngagementFacts.model_validate(
        {
            "slug": f"vn-la-meeting-{i:03d}",
            "kind": "meeting",
            "title": f"Vietnam–Laos working meeting number {i}",
            "date": day.isoformat(),
            "place": {"city": "Vientiane", "country": "LA"},
            "host": "LA",
            "guests": ["VN"],
            "topics": ["cybercrime"],
            "organisations": [{"name": "Ministry of Public Security", "abbreviation": "MPS",
                               "country": "VN", "name_local": "Bộ Công an"}],
            "sources": [SOURCE],
            "evidence": [{"field": "date", "document": "wire-7", "quote": "The delegations met.",
                          "start": 0, "end": 20, "inferred": True,
                          "note": "The day is the wire's date."}],
        }
    )  # fmt: skip


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    archive = Archive(tmp_path_factory.mktemp("canned") / "archive")
    archive.append([meeting(i) for i in range(MEETINGS)])
    build(archive)
    return archive


@pytest.fixture(scope="module")
def client(archive: Archive) -> Iterator[Client]:
    yield from open_client(archive.projection_path)


def fetch(client: Client, path: str, **params: str) -> Any:
    return client.run(client.ds.client.get(path, params=params or None))


def next_link(page: str) -> str | None:
    found = re.search(r'<p class="tl-next-page">[^<]*<a href="([^"]+)"', page)
    return unescape(found.group(1)) if found else None


def test_every_canned_query_but_the_parameterless_has_examples_that_it_can_read() -> None:
    for name, query in QUERIES.items():
        named = set(re.findall(r":(\w+)", query["sql"]))
        if not named:
            continue
        assert name in EXAMPLES, name
        assert set(EXAMPLES[name]) <= named, name
        for parameter, check in CHECKS.get(name, {}).items():
            assert check(EXAMPLES[name].get(parameter, "")) is None, (name, parameter)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_a_canned_query_opened_without_parameters_opens_with_its_examples(
    client: Client, name: str
) -> None:
    response = fetch(client, f"/timeline/{name}")
    assert response.status_code == 302
    location = response.headers["location"]
    assert location.startswith(f"/timeline/{name}?")
    assert client.get(location).status_code == 200


def test_a_query_with_parameters_given_even_empty_is_not_redirected(client: Client) -> None:
    response = fetch(client, "/timeline/dialogue_series", series="")
    assert response.status_code == 200


def test_country_timeline_pages_by_100_and_the_next_link_continues_where_the_page_ended(
    client: Client,
) -> None:
    first = client.query("country_timeline", country="VN", after="")
    assert len(first) == 100
    page = client.get("/timeline/country_timeline", country="VN", after="").text
    link = next_link(page)
    assert link is not None
    assert f"after={first[-1]['start_date']}%2F{first[-1]['engagement']}" in link
    second_page = client.get(link).text
    assert next_link(second_page) is None
    assert "The last engagements" in second_page
    after = f"{first[-1]['start_date']}/{first[-1]['engagement']}"
    second = client.query("country_timeline", country="VN", after=after)
    slugs = [r["engagement"] for r in first + second]
    # Every engagement once, in order, across a day with two meetings on the page boundary.
    assert slugs == sorted(slugs) and len(set(slugs)) == MEETINGS
    assert len(second) == MEETINGS - 100


def test_pair_timeline_pages_by_100_like_the_country_timeline(client: Client) -> None:
    first = client.query("pair_timeline", a="LA", b="VN", after="")
    after = f"{first[-1]['start_date']}/{first[-1]['engagement']}"
    second = client.query("pair_timeline", a="LA", b="VN", after=after)
    assert len(first) == 100 and len(second) == MEETINGS - 100
    assert first[-1]["engagement"] < second[0]["engagement"]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("topic_engagements", {"topic": "Cybercrime"}),
        ("organisation_engagements", {"organisation": "bo cong an"}),
    ],
)
def test_a_topics_and_an_organisations_engagements_page_by_100_too(
    client: Client, name: str, params: dict[str, str]
) -> None:
    first = client.query(name, **params, after="")
    after = f"{first[-1]['start_date']}/{first[-1]['engagement']}"
    second = client.query(name, **params, after=after)
    slugs = [r["engagement"] for r in first + second]
    assert len(first) == 100 and slugs == sorted(set(slugs)) and len(slugs) == MEETINGS
    page = client.get(f"/timeline/{name}", **params, after="").text
    assert next_link(page) is not None


def test_inferred_facts_page_by_50_engagements_with_all_their_facts(client: Client) -> None:
    first = client.query("inferred_facts", after="")
    engagements = sorted({r["engagement"] for r in first})
    assert len(engagements) == 50 and len(first) == 50
    page = client.get("/timeline/inferred_facts", after="").text
    link = next_link(page)
    assert link is not None and "Showing 50 engagements" in page
    rest = client.get(link.replace("/timeline/inferred_facts", "/timeline/inferred_facts.json")
                      + "&_shape=array").json()  # fmt: skip
    assert len(rest) == 50 and min(r["engagement"] for r in rest) > engagements[-1]


@pytest.mark.parametrize(
    ("name", "params"),
    [("topic_engagements", {"topic": "no such topic"}), ("organisation_engagements", {"organisation": "NOPE"})],
)  # fmt: skip
def test_an_unknown_topic_or_organisation_finds_nothing(
    client: Client, name: str, params: dict[str, str]
) -> None:
    assert client.query(name, **params, after="") == []


@pytest.mark.parametrize(
    "after",
    ["yesterday", "2024-01-01", "2024-01-01/", "2024-01-01/Not A Slug", "/vn-la-meeting-001"],
)
@pytest.mark.parametrize(("name", "params"), [("country_timeline", {"country": "VN"}),
                                              ("pair_timeline", {"a": "VN", "b": "LA"}),
                                              ("topic_engagements", {"topic": "cybercrime"}),
                                              ("organisation_engagements", {"organisation": "MPS"})])  # fmt: skip
def test_a_paging_cursor_that_is_not_a_page_end_is_refused_with_a_400(
    client: Client, name: str, params: dict[str, str], after: str
) -> None:
    response = fetch(client, f"/timeline/{name}", **params, after=after)
    assert response.status_code == 400
    assert "after:" in response.text and "is not where a page ends" in unescape(response.text)


@pytest.mark.parametrize("name", ["as_of", "happened_by"])
@pytest.mark.parametrize(
    "when", ["", "   ", "yesterday", "2025-13-01", "2025-02-30", "01/10/2025", "2025", "2025-10"]
)
def test_a_date_the_query_cannot_read_is_a_400_not_every_row(
    client: Client, name: str, when: str
) -> None:
    response = fetch(client, f"/timeline/{name}", when=when)
    assert response.status_code == 400
    assert "when:" in response.text
    as_json = fetch(client, f"/timeline/{name}.json", when=when)
    assert as_json.status_code == 400 and as_json.json()["ok"] is False


def test_as_of_and_happened_by_answer_their_two_questions(client: Client) -> None:
    recorded_on = client.query("as_of", when="9999-12-31")
    assert len(recorded_on) == MEETINGS
    # Nothing was recorded before this year, though the meetings took place from 2020.
    assert client.query("as_of", when="2021-01-01") == []
    happened = client.query("happened_by", when="2020-01-31")
    assert [r["engagement"] for r in happened] == [f"vn-la-meeting-{i:03d}" for i in
                                                   (8, 9, 6, 7, 4, 5, 2, 3, 0, 1)]  # fmt: skip
    timestamp = client.query("as_of", when="9999-12-31T23:59:59+00:00")
    assert len(timestamp) == MEETINGS


def test_the_as_of_page_says_it_is_about_recording_and_offers_what_had_happened() -> None:
    description = QUERIES["as_of"]["description"]
    assert "when things were recorded" in description or "recorded" in description
    assert "happened_by" in description
    assert "as_of" in QUERIES["happened_by"]["description"]


def canned_rows(client: Client, query: str, **params: str) -> list[dict[str, Any]]:
    response = fetch(client, f"/timeline/{query}.json", _shape="objects", **params)
    assert response.status_code == 200, response.text[:300]
    return response.json()["rows"]


def test_a_canned_query_shows_an_append_on_its_next_visit_and_the_same_rows_between(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append([meeting(i) for i in range(3)])
    build(archive)
    for c in open_client(archive.projection_path):
        first = canned_rows(c, "search", q="working meeting", collection="")
        assert len(first) == 3
        assert canned_rows(c, "search", q="working meeting", collection="") == first
        assert len(canned_rows(c, "search", q="working meeting number 2", collection="")) == 1
        archive.append([meeting(3)])
        archive.correct("vn-la-meeting-000", {"title": "Vietnam–Laos talks"}, "Renamed")
        build(archive)
        after = canned_rows(c, "search", q="working meeting", collection="")
        assert {r["engagement"] for r in after} == {f"vn-la-meeting-{i:03d}" for i in (1, 2, 3)}


def test_the_canned_search_keeps_the_best_hundred_of_equally_ranked_matches_by_date(
    client: Client,
) -> None:
    """All 130 titles match "working meeting" equally well: past the hundredth rank's ties,
    the earliest hundred, in order of date (two meetings a day, so day 50 starts the 101st)."""
    rows = canned_rows(client, "search", q="working meeting", collection="")
    assert {r["engagement"] for r in rows} == {f"vn-la-meeting-{i:03d}" for i in range(100)}
    dates = [r["start_date"] for r in rows]
    assert dates == sorted(dates)


@pytest.mark.parametrize("collection", ["", "all", "curated"])
def test_the_canned_search_lists_the_same_rows_as_ranking_every_match(
    client: Client, archive: Archive, collection: str
) -> None:
    import sqlite3

    from timeline.web.sql import fts_query

    every_match = (
        "select e.slug from engagements_fts f join engagements e on e.rowid = f.rowid "
        "where engagements_fts match ? order by f.rank, e.start_date, e.slug"
    )
    db = sqlite3.connect(archive.projection_path)
    try:
        ranked = [slug for (slug,) in db.execute(every_match, [fts_query("Laos meeting")])]
    finally:
        db.close()
    rows = canned_rows(client, "search", q="Laos meeting", collection=collection)
    assert sorted(r["engagement"] for r in rows) == sorted(ranked[:100])


def test_a_searched_table_page_shows_an_append_on_its_next_visit_and_the_same_rows_between(
    tmp_path: Path,
) -> None:
    """Its rows and count are kept until the file is written (timeline.web.schema_cache,
    `TABLE_SEARCH`), as a canned query's are."""
    from timeline.web.schema_cache import TABLE_SEARCH

    archive = Archive(tmp_path / "archive")
    archive.append([meeting(i) for i in range(3)])
    build(archive)
    for c in open_client(archive.projection_path):
        db = c.ds.get_database("timeline")

        def searched(words: str, c: Client = c) -> tuple[list[str], int]:
            page = fetch(c, "/timeline/engagements.json", _search=words, _shape="objects")
            assert page.status_code == 200, page.text[:300]
            found = page.json()
            return [row["slug"] for row in found["rows"]], found["filtered_table_rows_count"]

        first = searched("working meeting")
        assert sorted(first[0]) == [f"vn-la-meeting-{i:03d}" for i in range(3)] and first[1] == 3
        kept = [key[0] for key in db._results if TABLE_SEARCH.search(key[0])]
        # The rows and their count (and the facets', counted from the rows searched).
        assert any(sql.startswith("select slug, ") for sql in kept)
        assert any(sql.startswith("select count(*) ") for sql in kept)
        assert searched("working meeting") == first
        assert searched("number 2") == (["vn-la-meeting-002"], 1)
        archive.append([meeting(3)])
        archive.correct("vn-la-meeting-000", {"title": "Vietnam–Laos talks"}, "Renamed")
        build(archive)
        rows, count = searched("working meeting")
        assert sorted(rows) == [f"vn-la-meeting-{i:03d}" for i in (1, 2, 3)] and count == 3
