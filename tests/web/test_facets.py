"""The `counted` facets (timeline.web.facets) of the engagements and timeline pages: read from the
count table on an unfiltered page, counted from the rows once the page is filtered or searched,
and the same figures as Datasette's own column facet either way."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.test_publish import METADATA, RECORDS, Client, open_client
from timeline.projection.build import build
from timeline.projection.counts import FACET_COUNTS, FACETED, TRIGGER_NAMES
from timeline.store.application import Archive

TABLES = METADATA["databases"]["timeline"]["tables"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    archive = Archive(tmp_path_factory.mktemp("facets") / "archive")
    archive.append(RECORDS[:-1])
    build(archive)
    archive.append(RECORDS[-1:])
    archive.correct(RECORDS[0].slug, {"kind": "meeting"}, "It was a working meeting")
    build(archive)  # incremental: the count table kept by its triggers
    yield from open_client(archive.projection_path)


def facets(client: Client, table: str, **params: str) -> dict[str, Any]:
    response = client.get(f"/timeline/{table}.json", **params)
    return {
        name: {
            "type": facet["type"],
            "values": [(v["value"], v["count"], v["selected"]) for v in facet["results"]],
        }
        for name, facet in response.json()["facet_results"].items()
    }


def column_facets(client: Client, table: str, **params: str) -> dict[str, Any]:
    """Datasette's column facets of the same columns, asked for in the query string, with the
    metadata's facets left out (`_facet` of the same name would be named `kind_2`)."""
    metadata = json.loads(json.dumps(METADATA))
    metadata["databases"]["timeline"]["tables"][table].pop("facets")
    plain = Client(client.ds.databases["timeline"].path, metadata=metadata)
    try:
        pairs = [("_facet", c) for c in FACETED[table]]
        query = "&".join(f"{k}={v}" for k, v in [*pairs, *params.items()])
        response = plain.get(f"/timeline/{table}.json?{query}")
        return {
            name: {
                "type": facet["type"],
                "values": [(v["value"], v["count"], v["selected"]) for v in facet["results"]],
            }
            for name, facet in response.json()["facet_results"].items()
        }
    finally:
        plain.close()


def test_the_published_tables_facets_are_counted(client: Client) -> None:
    for table, columns in FACETED.items():
        assert TABLES[table]["facets"] == [{"counted": c} for c in columns]


# Filters each table can take, so its facets count the rows filtered.
FILTERS: dict[str, list[dict[str, str]]] = {
    "engagements": [{"kind": "dialogue"}, {"country": "VN"}],
    "timeline": [{"kind": "dialogue"}, {"country": "VN"}],
    "participants": [{"country": "VN"}, {"role": "co_chair"}],
    "sources": [{"language": "vi"}, {"publisher": "Test Wire"}],
    "evidence": [{"field": "date"}, {"status": "current"}],
    "engagement_organisations": [{"country": "VN"}],
}


@pytest.mark.parametrize(
    ("table", "params"),
    [
        *[(t, p) for t in sorted(FACETED) for p in ({}, *FILTERS[t])],
        ("engagements", {"_search": "dialogue"}),
    ],
)
def test_counted_facets_equal_datasettes_column_facets(
    client: Client, table: str, params: dict[str, str]
) -> None:
    counted = facets(client, table, **params)
    assert counted == column_facets(client, table, **params)
    assert set(counted) == set(FACETED[table])
    assert any(facet["values"] for facet in counted.values())


def test_a_file_built_before_a_tables_facets_were_counted_counts_them_on_its_next_build(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:-1])
    build(archive)
    # As a timeline.db built before `evidence` was counted: no triggers, no counts for it.
    with sqlite3.connect(archive.projection_path) as conn:
        for name in [n for n in TRIGGER_NAMES if "_evidence_" in n]:
            conn.execute(f"drop trigger {name}")
        conn.execute(f"delete from {FACET_COUNTS} where tbl = 'evidence'")
    archive.append(RECORDS[-1:])
    build(archive)
    for c in open_client(archive.projection_path):
        counted = facets(c, "evidence")
        assert counted == column_facets(c, "evidence")
        assert counted["inferred"]["values"]


def array_counts(client: Client, column: str, where: str, params: list[Any]) -> list[tuple]:
    """Each value of an array column with the number of filtered rows holding it, counted in
    Python from the JSON the page shows: most first, then by value."""
    path = client.ds.databases["timeline"].path
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        arrays = [
            row[0] for row in conn.execute(f"select {column} from engagements {where}", params)
        ]
    counts: dict[str, int] = {}
    for array in arrays:
        for value in set(json.loads(array or "[]")):
            counts[value] = counts.get(value, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


@pytest.mark.parametrize("column", ["topics", "guests"])
@pytest.mark.parametrize(
    ("params", "where", "values"),
    [
        ({}, "", []),
        ({"country": "VN"}, "where country = ?", ["VN"]),
        ({"kind": "dialogue"}, "where kind = ?", ["dialogue"]),
    ],
)
def test_an_array_facet_counts_each_value_once_a_row_of_the_rows_shown(
    client: Client, column: str, params: dict[str, str], where: str, values: list[str]
) -> None:
    # `topics` is counted from its link table (engagement_topics), `guests` as Datasette counts.
    shown = facets(client, "engagements", _facet_array=column, **params)[column]
    assert shown["type"] == "array"
    assert [(v, n) for v, n, _ in shown["values"]] == array_counts(client, column, where, values)
    assert shown["values"]


def test_a_topic_chosen_in_the_array_facet_is_selected_and_filters_the_rows(
    client: Client,
) -> None:
    (topic, count, _), *_ = facets(client, "engagements", _facet_array="topics")["topics"]["values"]
    response = client.get(
        "/timeline/engagements.json", _facet_array="topics", topics__arraycontains=topic
    ).json()
    chosen = {v["value"]: v for v in response["facet_results"]["topics"]["results"]}
    assert chosen[topic]["selected"] and chosen[topic]["count"] == count
    assert "topics__arraycontains" not in chosen[topic]["toggle_url"]
    assert len(response["rows"]) == count


def test_datasettes_array_facet_is_replaced_by_the_one_that_reads_link_tables() -> None:
    from datasette.facets import ArrayFacet
    from datasette.plugins import pm

    from timeline.web.facets import LinkedArrayFacet

    classes = [klass for group in pm.hook.register_facet_classes() for klass in group]
    assert LinkedArrayFacet in classes and ArrayFacet not in classes


def test_the_counted_facets_show_an_append_on_the_next_visit(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:-1])
    build(archive)
    for c in open_client(archive.projection_path):
        before = facets(c, "engagements")
        assert before == facets(c, "engagements") == column_facets(c, "engagements")
        page = c.get("/timeline/engagements").text
        archive.append(RECORDS[-1:])
        build(archive)
        after = facets(c, "engagements")
        assert after == column_facets(c, "engagements") and after != before
        assert c.get("/timeline/engagements").text != page


@pytest.mark.parametrize("table", ["engagements", "timeline"])
@pytest.mark.parametrize("params", [{"country": "VN"}, {"country__exact": "US"}, {"country": "FR"}])
def test_a_countrys_page_counts_its_rows_as_datasette_does(
    client: Client, table: str, params: dict[str, str]
) -> None:
    # Read from the projector's count of the `country` facet (timeline.web.country_filter).
    shown = client.get(f"/timeline/{table}.json", **params).json()["filtered_table_rows_count"]
    path = client.ds.databases["timeline"].path
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        (counted,) = conn.execute(
            f"select count(*) from {table} where country = ?", list(params.values())
        ).fetchone()
    assert shown == counted


def test_a_countrys_facets_and_count_show_an_append_on_the_next_visit(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:-1])
    build(archive)
    for c in open_client(archive.projection_path):
        before = facets(c, "timeline", country="VN")
        topics = facets(c, "engagements", country="VN", _facet_array="topics")["topics"]
        archive.append(RECORDS[-1:])
        build(archive)
        after = facets(c, "timeline", country="VN")
        assert after == column_facets(c, "timeline", country="VN") and after != before
        shown = facets(c, "engagements", country="VN", _facet_array="topics")["topics"]
        assert [(v, n) for v, n, _ in shown["values"]] == array_counts(
            c, "topics", "where country = ?", ["VN"]
        )
        assert shown != topics  # the appended engagement's topics counted


def test_a_file_built_before_the_counts_per_country_still_shows_a_countrys_facets(
    tmp_path: Path,
) -> None:
    from timeline.projection.country_facets import COUNTRY_FACET_COUNTS, TRIGGERS

    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS)
    build(archive)
    with sqlite3.connect(archive.projection_path) as conn:
        for name in TRIGGERS:
            conn.execute(f"drop trigger {name}")
        conn.execute(f"drop table {COUNTRY_FACET_COUNTS}")
    for c in open_client(archive.projection_path):
        for table in ("engagements", "timeline"):
            assert facets(c, table, country="VN") == column_facets(c, table, country="VN")
        shown = facets(c, "engagements", country="VN", _facet_array="topics")["topics"]
        assert [(v, n) for v, n, _ in shown["values"]] == array_counts(
            c, "topics", "where country = ?", ["VN"]
        )


def test_a_searched_pages_facets_show_an_append_on_the_next_visit(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(RECORDS[:-1])
    build(archive)
    for c in open_client(archive.projection_path):
        before = facets(c, "engagements", _search="meeting")
        assert before == facets(c, "engagements", _search="meeting")  # kept, the same
        archive.append(RECORDS[-1:])  # a trilateral meeting
        build(archive)
        after = facets(c, "engagements", _search="meeting")
        assert after == column_facets(c, "engagements", _search="meeting") and after != before


@pytest.mark.parametrize(
    "query",
    ["", "?_search=meeting&_sort=start_date", "?country=VN&_facet_array=topics", "?kind=dialogue"],
)
def test_a_facet_values_link_adds_it_to_the_page_as_datasette_writes_it(
    client: Client, query: str
) -> None:
    from datasette.utils import path_with_added_args
    from datasette.utils.asgi import Request

    page = f"/timeline/engagements.json{query}"
    results = client.get(page).json()["facet_results"]
    request = Request.fake(page)
    ds = client.ds
    links = 0
    for name, facet in results.items():
        column = "topics__arraycontains" if name == "topics" else name
        for value in facet["results"]:
            if value["selected"]:
                continue
            added = path_with_added_args(request, {column: value["value"]})
            assert value["toggle_url"] == ds.absolute_url(request, ds.urls.path(added))
            links += 1
    assert links


@pytest.mark.parametrize(
    "params",
    [{}, {"kind": "visit"}, {"country": "VN", "_facet_size": "3"}, {"_search": "dialogue"}],
)
def test_a_counted_facets_links_are_the_ones_datasettes_column_facet_makes(
    client: Client, params: dict[str, str]
) -> None:
    """Each value's link adds its filter to the page's, as Datasette's `path_with_added_args`
    and `absolute_url` write it (or takes it off, for the value the page is filtered on)."""
    from urllib.parse import urlencode

    from datasette.utils import path_with_added_args, path_with_removed_args
    from datasette.utils.asgi import Request

    path = "/timeline/engagements.json" + (f"?{urlencode(params)}" if params else "")
    request = Request.fake(path)
    ds = client.ds
    found = client.get("/timeline/engagements.json", **params).json()["facet_results"]
    links = 0
    for facet in found.values():
        if facet["type"] != "column":
            continue
        column = facet["name"]
        for value in facet["results"]:
            arg = {column: str(value["value"]) if value["selected"] else value["value"]}
            change = path_with_removed_args if value["selected"] else path_with_added_args
            expected = ds.absolute_url(request, ds.urls.path(change(request, arg)))
            assert value["toggle_url"] == expected
            links += 1
    assert links
