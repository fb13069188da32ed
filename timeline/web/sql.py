"""Datasette plugin: diacritic-insensitive SQL functions (`fold`, `fts_query`), links to
engagements in query results, and the redirect from a retracted engagement's row.

Registered through the `datasette` entry point `timeline`, so `timeline serve` and a plain
`datasette archive/timeline.db -m datasette_metadata.json` both load it."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from timeline.text import fold

ENGAGEMENT_TABLE = "engagements"
# Canned queries name the engagement they list in these columns; the plugin links them.
ENGAGEMENT_COLUMNS = {"engagement", "part_of", "merged_into", "survivor"}
RETRACTIONS_TABLE = "retractions"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WORD = re.compile(r"\w+\*?")


def fts_query(text: str | None) -> str:
    """A user's words as a safe FTS5 query: folded like `search_text`, each word quoted, so
    punctuation cannot make a syntax error; a trailing `*` keeps prefix search (`launder*`)."""
    terms = []
    for word in WORD.findall(fold(text)):
        prefix = word.endswith("*")
        word = word.rstrip("*")
        terms.append(f'"{word}"*' if prefix else f'"{word}"')
    # An empty query matches nothing rather than raising a syntax error.
    return " ".join(terms) or '""'


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """In query results (no table), an engagement slug links to its record page
    (timeline.web.pages), which also shows a retracted or merged one."""
    if table is not None or column not in ENGAGEMENT_COLUMNS:
        return None
    if not isinstance(value, str) or not SLUG.match(value):
        return None
    try:
        db = datasette.get_database(database)
    except KeyError:
        return None
    if db.path is None:
        return None
    url = datasette.urls.path(f"/-/engagement/{value}")
    return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')


@hookimpl
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    """The page of a retracted engagement is gone: its old URL leads to the engagement that
    holds its record now (`retractions.survivor`), or to its row in `retractions`."""
    if not isinstance(exception, NotFound) or request is None:
        return None
    url_vars = request.url_vars or {}
    if url_vars.get("table") != ENGAGEMENT_TABLE or not url_vars.get("pks"):
        return None

    async def redirect() -> Response | None:
        try:
            db = datasette.get_database(url_vars["database"])
            slug = tilde_decode(url_vars["pks"])
            result = await db.execute(
                f"select survivor from {RETRACTIONS_TABLE} where slug = ?", [slug]
            )
        except Exception:  # another database, or one without the table: Datasette's 404 stands
            return None
        row = result.first()
        if row is None:
            return None
        fmt = url_vars.get("format")
        if row[0]:
            target = datasette.urls.row(db.name, ENGAGEMENT_TABLE, tilde_encode(row[0]), fmt)
        else:
            target = datasette.urls.row(db.name, RETRACTIONS_TABLE, tilde_encode(slug), fmt)
        return Response.redirect(target)

    return redirect
