"""A table page's facets as HTML, written in Python: the very text Datasette 0.65's
`_facet_results.html` renders from the same facets.

Datasette renders that template with asynchronous Jinja, each value's link, label and count a
few awaited nodes: the engagements page's seven facets (about 210 values) took 2-3 ms of CPU on
every view at 100,000 engagements, the whole of what the published page cost over the plain
table page (40.4 against 40.0 ms of CPU without it, 42.4 with it; Vietnam's page with its eight
facets, 43.1 against 40.3). Written here, 0.2-0.3 ms. `timeline/web/templates/_facet_results.html`
calls `facet_results_html` and falls back to Datasette's own template for facets this does not
know how to write (a plugin's facet without the keys Datasette's facets give);
tests/web/test_facet_html.py compares the two texts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from datasette.utils import path_with_replaced_args, to_css_class
from markupsafe import Markup, escape, soft_str

# The keys a facet and each of its values must have, as Datasette's facets give them.
FACET_KEYS = frozenset({"name", "type", "results", "truncated", "hideable", "toggle_url"})
VALUE_KEYS = frozenset({"label", "count", "toggle_url", "selected"})

_VALUE = (
    "\n                    \n                        "
    '<li><a href="{url}">{label}</a> {count}</li>\n                    \n                '
)
_SELECTED = (
    "\n                    \n                        <li>{label} &middot; {count} "
    '<a href="{url}" class="cross">&#x2716;</a></li>\n                    \n                '
)


def facet_results_html(
    facets: Iterable[Any], database: str, table: str, request: Any
) -> Markup | None:
    """The facets' HTML as the template writes it, or None if a facet or value is not a dict
    with the keys the template reads (the template then renders them itself)."""
    facets = list(facets)
    if not all(_known(facet) for facet in facets):
        return None
    prefix = f"facet-{to_css_class(database)}-{to_css_class(table)}-"
    more = None
    parts = ['<div class="facet-results">\n    ']
    for facet in facets:
        if facet["truncated"] and more is None:
            more = _more_link(request)
        parts.append(_facet(facet, prefix, more))
    parts.append("\n</div>")
    return Markup("".join(parts))


def _known(facet: Any) -> bool:
    if facet.__class__ is not dict or not facet.keys() >= FACET_KEYS:
        return False
    values = facet["results"]
    if values.__class__ is not list or facet["name"].__class__ is not str:
        return False
    for v in values:
        if v.__class__ is not dict or not v.keys() >= VALUE_KEYS or v["count"].__class__ is not int:
            return False
    return True


def _escaped(value: Any) -> str:
    """`escape(value)`'s text; a string's without making a `Markup` of it (three times a
    value, 1.6 us each at a load of 14)."""
    if value.__class__ is str:
        return (
            value.replace("&", "&amp;")
            .replace(">", "&gt;")
            .replace("<", "&lt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    return str(escape(value))


def _more_link(request: Any) -> str:
    """The truncated facet's last item: a link to all its values, unless they are shown."""
    if request.args.get("_facet_size") != "max":
        url = escape(path_with_replaced_args(request, {"_facet_size": "max"}))
        return f'<a href="{url}">…</a>'
    return "…"


def _facet(facet: dict[str, Any], prefix: str, more: str | None) -> str:
    name = escape(facet["name"])
    css = escape(to_css_class(facet["name"]))
    kind = "" if facet["type"] == "column" else f" ({escape(facet['type'])})"
    values = facet["results"]
    total = f"{'&gt;' if facet['truncated'] else ''}{len(values)}"
    cross = ""
    if facet["hideable"]:
        cross = (
            f'\n                    <a href="{escape(facet["toggle_url"])}" class="cross">'
            "&#x2716;</a>\n                "
        )
    items = "".join(_value(value) for value in values)
    tail = ""
    if facet["truncated"]:
        tail = (
            f'\n                    <li class="facet-truncated">{more}\n'
            "                    </li>\n                "
        )
    return (
        f'\n        <div class="facet-info {escape(prefix)}{css}" id="facet-{css}" '
        f'data-column="{name}">\n            <p class="facet-info-name">\n'
        f"                <strong>{name}{kind}\n"
        f'                    <span class="facet-info-total">{total}</span>\n'
        f"                </strong>\n                {cross}\n            </p>\n"
        f'            <ul class="tight-bullets">\n                {items}\n                '
        f"{tail}\n            </ul>\n        </div>\n    "
    )


def _value(value: dict[str, Any]) -> str:
    count = f"{value['count']:,}"  # digits and commas: nothing to escape
    url = _escaped(value["toggle_url"])
    if not value["selected"]:
        label = _escaped(soft_str(value["label"]) or "-")
        return _VALUE.format(url=url, label=label, count=count)
    return _SELECTED.format(url=url, label=_escaped(value["label"] or "-"), count=count)
