"""Datasette plugin: countries, kinds and topics in English and Vietnamese wherever a cell holds
their codes and Datasette's foreign-key labels do not reach: JSON arrays of codes in tables, and
code columns of query results. Labels come from the vocabularies in `events`, not the database.
Its `render_cell` is timeline.web's only one: it also writes the cells of timeline.web.sql and
timeline.web.pages."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

from events import KINDS, TOPICS, is_country
from events.countries import country
from timeline.text import bilingual
from timeline.web.pages import country_name_cell
from timeline.web.sql import ENGAGEMENT_COLUMNS, engagement_cell

# Columns of query results that hold one code.
COUNTRY_COLUMNS = {"country", "host", "counterpart", "place_country", "organisation_country"}
# Columns of query results that list codes, `US, AU` (group_concat in country_timeline).
COUNTRY_LISTS = {"counterparts"}
# Columns that hold a JSON array of codes, in tables and query results.
COUNTRY_ARRAYS = {"countries", "guests"}
TOPIC_ARRAYS = {"topics"}


def country_label(code: str) -> str:
    c = country(code)
    return f"{code} — {bilingual(c.name_en, c.name_vi)}"


def topic_label(key: str) -> str:
    t = TOPICS[key]
    return bilingual(t.en, t.vi)


def kind_label(key: str) -> str:
    k = KINDS[key]
    return bilingual(k.en, k.vi)


def _link(datasette: Any, database: str, table: str, key: str, label: str) -> str:
    url = datasette.urls.row(database, table, key)
    return f'<a href="{escape(url)}">{escape(label)}</a>'


def _codes(value: Any) -> list[str] | None:
    """The codes of a JSON array cell, or None when the cell is not one."""
    if not isinstance(value, str) or not value.startswith("["):
        return None
    try:
        codes = json.loads(value)
    except ValueError:
        return None
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        return None
    return codes


# The columns whose cells any of timeline.web's cell functions may write: every other cell is
# Datasette's at once.
CELL_COLUMNS = frozenset(
    {*COUNTRY_COLUMNS, *COUNTRY_LISTS, *COUNTRY_ARRAYS, *TOPIC_ARRAYS, "kind", "name_en"}
    | ENGAGEMENT_COLUMNS
)


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    """timeline.web's one `render_cell`: the labels here, the links to engagements
    (timeline.web.sql) and to a country's timeline (timeline.web.pages), whose cells are apart.
    One hook instead of three: Datasette calls the hook for every cell (1,650 on the
    engagements table page), and pluggy's call of three took 4.5-7 ms a page at 100,000
    engagements, their bodies 3."""
    if column not in CELL_COLUMNS:
        return None
    return (
        label_cell(value, column, table, database, datasette)
        or engagement_cell(value, column, table, database, datasette)
        or country_name_cell(row, value, column, table, datasette)
    )


def label_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """Countries, kinds and topics labelled, where Datasette's foreign keys do not reach."""
    if column in COUNTRY_ARRAYS or column in TOPIC_ARRAYS:
        if not isinstance(value, str) or not value.startswith("["):
            return None
        return array_links(datasette, database, column, value)
    # In tables, Datasette labels foreign keys through the label columns; query results get ours.
    if table is not None or not isinstance(value, str):
        return None
    if column in COUNTRY_COLUMNS and is_country(value):
        return Markup(_link(datasette, database, "countries", value, country_label(value)))
    if column in COUNTRY_LISTS:
        codes = value.split(", ")
        if all(is_country(c) for c in codes):
            links = [_link(datasette, database, "countries", c, country_label(c)) for c in codes]
            return Markup(", ".join(links))
    if column == "kind" and value in KINDS:
        return Markup(_link(datasette, database, "kinds", value, kind_label(value)))
    return None


# The links of an array cell depend on the cell's text, its column and the server's URLs alone
# (the labels are the package's vocabularies), and a page shows the same few arrays again and
# again (`["VN", "US"]`): written once, then looked up. Each of the 267 links of the engagements
# table page was a URL built by Datasette's `urls.row`, a label and two escapes: with them our
# plugins cost the plain table page (`?_nofacet=1`, first visit after a write, 100,000
# engagements) 40.8-48.9 ms of CPU against 35.6-39.5 with Datasette's third-party plugins
# alone; kept, 39.2-41.7 against 38.3-39.0 (median of 30 visits each, three runs in turns).
@lru_cache(maxsize=4096)
def array_links(datasette: Any, database: str, column: str, value: str) -> Markup | None:
    """A JSON array cell's codes as links to their rows, labelled; None when the cell is not
    an array of known codes."""
    codes = _codes(value)
    if not codes:
        return None
    if column in COUNTRY_ARRAYS and all(is_country(c) for c in codes):
        links = [_link(datasette, database, "countries", c, country_label(c)) for c in codes]
    elif column in TOPIC_ARRAYS and all(c in TOPICS for c in codes):
        links = [_link(datasette, database, "topics", c, topic_label(c)) for c in codes]
    else:
        return None
    return Markup(", ".join(links))
