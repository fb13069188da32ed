"""The facets' HTML written in Python (timeline.web.facet_html) is the very text Datasette's own
`_facet_results.html` renders from the same facets: on the published pages, and for facets with
selected values, truncated lists, labels of every kind and names that need a CSS class made."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from typing import Any

import pytest
from datasette.app import Datasette
from datasette.utils.asgi import Request
from markupsafe import Markup

from tests.web.test_publish import Client, archive, open_client  # noqa: F401
from timeline.store.application import Archive
from timeline.web.facet_html import facet_results_html


@pytest.fixture(scope="module")
def client(archive: Archive) -> Iterator[Client]:  # noqa: F811
    yield from open_client(archive.projection_path)


# The one part of a page that differs from view to view.
TOOK = re.compile(r"took [0-9.]+ms")


def text(client: Client, path: str, **params: str) -> str:
    return TOOK.sub("took", client.get(path, **params).text)


def datasettes_text(client: Client, path: str, **params: str) -> str:
    """The page as Datasette's own template writes its facets."""
    globals_ = client.ds.jinja_env.globals
    ours = globals_["tl_facet_results"]
    globals_["tl_facet_results"] = lambda *args: None
    try:
        return text(client, path, **params)
    finally:
        globals_["tl_facet_results"] = ours


PAGES = [
    ("/timeline/engagements", {}),
    ("/timeline/engagements", {"country": "VN", "_facet_array": "topics"}),
    ("/timeline/engagements", {"kind": "dialogue", "_facet_size": "max"}),
    ("/timeline/engagements", {"_search": "dialogue", "_facet": "city"}),
    ("/timeline/timeline", {"country": "VN", "_sort": "start_date"}),
    ("/timeline/participants", {"role": "host"}),
    ("/timeline/sources", {}),
    ("/timeline/offices", {"_facet_size": "2"}),
]


@pytest.mark.parametrize(("path", "params"), PAGES)
def test_a_published_pages_facets_read_as_datasettes_template_writes_them(
    client: Client, path: str, params: dict[str, str]
) -> None:
    ours = text(client, path, **params)
    assert 'class="facet-results"' in ours
    assert ours == datasettes_text(client, path, **params)


def value(label: Any, count: int, url: str, selected: bool = False) -> dict[str, Any]:
    return {"value": label, "label": label, "count": count, "toggle_url": url, "selected": selected}


def facet(name: str, results: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    return {
        "name": name,
        "type": kw.get("type", "column"),
        "results": results,
        "truncated": kw.get("truncated", False),
        "hideable": kw.get("hideable", True),
        "toggle_url": kw.get("toggle_url", "/db/t?a=1&b=2"),
    }


FACETS = [
    [],
    [facet("kind", [value("visit", 12_345, "/db/t?kind=visit&x=<1>")])],
    [
        facet(
            "_odd name",
            [
                value(Markup("<b>bold</b>"), 3, "/db/t?q=1"),
                value("", 2, "/db/t?q=2"),
                value(None, 1, "/db/t?q=3"),
                value(0, 1, "/db/t?q=4", selected=True),
                value("Vietnam / Việt Nam", 1_000_000, '/db/t?q="5"', selected=True),
            ],
            truncated=True,
            hideable=False,
        ),
        facet("topics", [value("a&b's", 7, "/db/t?x='1'")], type="array", truncated=True),
    ],
]


@pytest.mark.parametrize("facets", FACETS)
@pytest.mark.parametrize("query", ["", "_facet_size=max", "_facet_size=5&kind=visit"])
def test_any_facets_are_written_as_datasettes_template_writes_them(
    facets: list[dict[str, Any]], query: str
) -> None:
    ds = Datasette(memory=True)
    request = Request.fake(f"/my db/my_table?{query}")
    template = ds.jinja_env.get_template("default:_facet_results.html")
    context = {
        "sorted_facet_results": facets,
        "database": "my db",
        "table": "my_table",
        "request": request,
        "path_with_replaced_args": __import__("datasette.utils").utils.path_with_replaced_args,
    }
    expected = asyncio.run(template.render_async(context))
    assert facet_results_html(facets, "my db", "my_table", request) == expected


def test_a_facet_without_the_keys_datasettes_facets_give_is_left_to_datasettes_template() -> None:
    request = Request.fake("/db/t")
    assert facet_results_html([{"name": "kind", "results": []}], "db", "t", request) is None
    odd = facet("kind", [{"value": "x", "count": 1}])
    assert facet_results_html([odd], "db", "t", request) is None
