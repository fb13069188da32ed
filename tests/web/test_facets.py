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
