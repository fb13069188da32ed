"""Datasette plugin: diacritic-insensitive SQL functions, links to engagements in query results,
and reopening a database file that a rebuild replaced while the server runs.

Registered through the `datasette` entry point, so `timeline serve` and a plain
`datasette archive/timeline.db -m datasette_metadata.json` both load it."""

from __future__ import annotations

import os
import re
import sqlite3
from collections import OrderedDict
from concurrent import futures
from typing import Any

from datasette import hookimpl
from datasette.database import Database
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

FileId = tuple[int, int]


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
    """In query results (no table), an engagement slug links to its record page (timeline.web.pages),
    which also shows a retracted or merged one."""
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


def _file_id(path: str | None) -> FileId | None:
    """The (device, inode) of a database file: `os.replace` by a rebuild gives a new inode,
    while in-place writes keep it."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class Reopener:
    """Remembers which file each mutable database was opened from, and re-adds a database
    whose file was replaced, so a rebuilt `timeline.db` is served without a restart."""

    def __init__(self, datasette: Any) -> None:
        self.datasette = datasette
        self.opened: dict[str, FileId | None] = {}

    def _watched(self) -> list[Database]:
        return [
            db
            for db in self.datasette.databases.values()
            if db.path is not None and db.is_mutable and not db.is_memory
        ]

    def remember(self) -> None:
        """Note the file each database is opened from (at startup, before any request)."""
        for db in self._watched():
            self.opened[db.name] = _file_id(db.path)

    def check(self) -> list[str]:
        """One `os.stat` per watched database; return the names of those reopened."""
        reopened = []
        for db in self._watched():
            current = _file_id(db.path)
            known = self.opened.setdefault(db.name, current)
            if current is None or current == known:
                continue
            self._reopen(db)
            self.opened[db.name] = current
            reopened.append(db.name)
        return reopened

    def _reopen(self, old: Database) -> None:
        ds = self.datasette
        order = list(ds.databases)
        ds.remove_database(old.name)
        fresh = Database(ds, path=old.path, is_mutable=True)
        ds.add_database(fresh, name=old.name, route=old.route)
        # add_database appends; keep the original order so the default database stays first.
        ds.databases = OrderedDict((name, ds.databases[name]) for name in order)
        # Datasette keeps one read connection per executor thread, keyed by database name, so
        # the new Database would reuse connections to the replaced file. Fresh threads have
        # none; the old ones finish their work, exit, and their connections are closed.
        if ds.executor is not None:
            old_executor = ds.executor
            threads = ds.setting("num_sql_threads")
            ds.executor = futures.ThreadPoolExecutor(max_workers=threads)
            old_executor.shutdown(wait=False)


def reopener(datasette: Any) -> Reopener:
    """The one Reopener of a Datasette instance: `app()` may be called more than once."""
    found = getattr(datasette, "_timeline_reopener", None)
    if found is None:
        found = Reopener(datasette)
        datasette._timeline_reopener = found
    return found


@hookimpl
def startup(datasette: Any) -> None:
    reopener(datasette).remember()


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    watcher = reopener(datasette)

    def wrap(app: Any) -> Any:
        async def reopen_replaced_files(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                # No await between the stat and the swap, so concurrent requests cannot race.
                watcher.check()
            await app(scope, receive, send)

        return reopen_replaced_files

    return wrap
