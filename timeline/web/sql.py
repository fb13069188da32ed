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
# FTS5 expands a prefix over the whole index in its own code, where the SQL time limit is
# checked seldom: at 20,000 engagements 100 one-letter prefixes took 1.0 s and 20 took 0.26 s
# (3,000 took 53 s at a million), while 20 two-letter prefixes took 0.015 s and 200 whole words
# 0.05 s. So a search has at most MAX_TERMS words, and a prefix at least MIN_PREFIX letters.
MAX_TERMS = 16
MIN_PREFIX = 2


def search_terms(text: str | None) -> list[tuple[str, bool]]:
    """A user's words folded like `search_text`, each with whether it ends in `*` (a prefix)."""
    return [(word.rstrip("*"), word.endswith("*")) for word in WORD.findall(fold(text))]


def query_problem(text: str | None) -> str | None:
    """Why a search cannot be run as asked, or None."""
    terms = search_terms(text)
    if len(terms) > MAX_TERMS:
        return f"{len(terms):,} words is more than the {MAX_TERMS} words a search may have"
    short = [word for word, prefix in terms if prefix and len(word) < MIN_PREFIX]
    if short:
        return f"{short[0]}*: a prefix needs at least {MIN_PREFIX} letters before the *"
    return None


def fts_query(text: str | None) -> str:
    """A user's words as a safe FTS5 query: folded like `search_text`, each word quoted, so
    punctuation cannot make a syntax error; a trailing `*` keeps prefix search (`launder*`).
    Bounded as `query_problem` says, for SQL that calls it directly: the first MAX_TERMS words,
    and a prefix shorter than MIN_PREFIX searched as a word."""
    terms = []
    for word, prefix in search_terms(text)[:MAX_TERMS]:
        terms.append(f'"{word}"*' if prefix and len(word) >= MIN_PREFIX else f'"{word}"')
    # An empty query matches nothing rather than raising a syntax error.
    return " ".join(terms) or '""'


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)


def engagement_cell(
    value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    """In query results (no table), an engagement slug links to its record page
    (timeline.web.pages), which also shows a retracted or merged one (a cell of
    timeline.web.labels' `render_cell`)."""
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
