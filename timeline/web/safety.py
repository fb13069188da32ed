"""Datasette plugin: what makes the archive safe to publish however Datasette is started.

- Read-only: Datasette's connections to the archive refuse every write, whatever SQL reaches them.
- Internal tables (the projector's `_tracking`) are neither listed nor readable, the pages of
  full-text index shadow tables are refused, and the database file is not offered for download
  unless the metadata allows it (`"plugins": {"timeline": {"allow_download": true}}`).
- Bounded: no value a query makes may exceed `MAX_VALUE_BYTES`, no query may hand more than
  `MAX_RESULT_BYTES` of values to Python, and no response may exceed the response limit; past
  any of them the visitor gets a 400 that says which limit, instead of a server that grows
  until the kernel kills it (issue 12, defect 1).
- Robots are blocked by `datasette-block-robots`, a dependency, unless its settings say otherwise.
Datasette escapes every value it renders; the plugins of this package escape what they build."""

from __future__ import annotations

import re
import sqlite3
import sys
import weakref
from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils.asgi import Base400, NotFound, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup

from timeline.projection.schema import TRACKING_TABLE

INTERNAL_TABLES = {TRACKING_TABLE}
# The largest value (and sorter record) a legitimate query makes: a revision's `state`, the JSON
# of an engagement with all its sources and quotes, is 17,173 bytes for the seeds' largest
# engagement; an FTS5 index page is 4,050. 1 MB leaves room for an engagement with ~60 times as
# many quotes, while `zeroblob(1000000000)` or `printf('%.*c', 1e9, 'x')` fails in SQLite
# ("string or blob too big") before the value exists.
MAX_VALUE_BYTES = 1_000_000
# What one query may hand to Python in all (the memory of its strings and blobs), counted as
# rows are fetched: 1,000 rows (`max_returned_rows`) of 16 KB each. Serialised, JSON escapes a
# control character as 6 bytes, so the largest JSON page stays under 100 MB, and the server
# under 500 MB, however the values are made; `select * from revisions` of a huge archive
# must ask for fewer rows.
MAX_RESULT_BYTES = 16_000_000
# The most a response may send, in MB (`"plugins": {"timeline": {"max_response_mb": N}}`):
# Datasette's own cap on a streamed CSV (`max_csv_mb`, 100 by default), applied to every
# response, plugin pages included.
MAX_RESPONSE_MB = 100
# FTS5 keeps its index in these shadow tables: binary, and read by FTS5 itself through the same
# connection, so their pages are refused but SQL that reads them cannot be.
FTS_SHADOW = re.compile(r"_fts_(data|idx|docsize|config|content)$")
# Databases Datasette makes for itself, which it writes to.
DATASETTE_OWN = {"_internal", "_memory"}
WRITES = {
    sqlite3.SQLITE_INSERT,
    sqlite3.SQLITE_UPDATE,
    sqlite3.SQLITE_DELETE,
    sqlite3.SQLITE_CREATE_TABLE,
    sqlite3.SQLITE_CREATE_INDEX,
    sqlite3.SQLITE_CREATE_TRIGGER,
    sqlite3.SQLITE_CREATE_VIEW,
    sqlite3.SQLITE_CREATE_VTABLE,
    sqlite3.SQLITE_DROP_TABLE,
    sqlite3.SQLITE_DROP_INDEX,
    sqlite3.SQLITE_DROP_TRIGGER,
    sqlite3.SQLITE_DROP_VIEW,
    sqlite3.SQLITE_DROP_VTABLE,
    sqlite3.SQLITE_ALTER_TABLE,
    sqlite3.SQLITE_REINDEX,
    sqlite3.SQLITE_ANALYZE,
}


def authorize(action: int, arg1: str | None, arg2: str | None, schema: str | None, _: Any) -> int:
    """SQLite's authorizer: no writes to the archive, no reads of its internal tables."""
    # SQLite itself checks an update of sqlite_master when a virtual table (FTS) is declared.
    if schema == "main" and action in WRITES and not (arg1 or "").startswith("sqlite_"):
        return sqlite3.SQLITE_DENY
    # A read with no column (arg2 "") is `count(*)` or `exists`: Datasette counts every table
    # for its home and database pages, and a row count of the projector's position says nothing.
    if action == sqlite3.SQLITE_READ and arg1 in INTERNAL_TABLES and arg2:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


class ResultTooLarge(sqlite3.OperationalError):
    """A query's rows hold more than `MAX_RESULT_BYTES`: an OperationalError, so Datasette answers
    400 with this message, as it does for any SQL error."""


# Bytes handed to Python so far, per cursor (one query); gone with the cursor.
_fetched: weakref.WeakKeyDictionary[sqlite3.Cursor, int] = weakref.WeakKeyDictionary()


def budgeted_row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> sqlite3.Row:
    """Datasette's row factory (`sqlite3.Row`), stopping a query whose rows together pass
    `MAX_RESULT_BYTES`: `MAX_VALUE_BYTES` bounds one value, not a thousand rows of them."""
    # SQLite hands back exact str and bytes; one comprehension, not a loop of isinstance
    # checks: a 2,000-row calendar's rows took 9 ms over sqlite3.Row's own, now 6.
    getsizeof = sys.getsizeof
    size = _fetched.get(cursor, 0) + sum(
        [getsizeof(v) for v in values if v.__class__ is str or v.__class__ is bytes]
    )
    if size > MAX_RESULT_BYTES:
        raise ResultTooLarge(
            f"the result is larger than the {MAX_RESULT_BYTES // 1_000_000} MB allowed: "
            "ask for fewer rows or columns"
        )
    _fetched[cursor] = size
    return sqlite3.Row(cursor, values)


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str) -> None:
    # Every connection, Datasette's own databases too: their SQL can come from a visitor.
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.row_factory = budgeted_row
    if database not in DATASETTE_OWN:
        conn.set_authorizer(authorize)


@hookimpl
def permission_allowed(datasette: Any, action: str, resource: Any) -> bool | None:
    if action == "view-table" and isinstance(resource, tuple):
        table = resource[1]
        if table in INTERNAL_TABLES or FTS_SHADOW.search(table):
            return False
    if action == "view-database-download":
        config = datasette.plugin_config("timeline") or {}
        return None if config.get("allow_download") else False
    return None


def refusal_of_query(exception: Exception, limit_ms: int) -> DatasetteError | None:
    """What a visitor is told when a query met a limit that Datasette's views do not catch
    themselves (SQL in `_where`, the plugins' pages): a 4xx or 503 that says which, not a 500."""
    if isinstance(exception, QueryInterrupted):
        return DatasetteError(
            f"This page's query took too long: the server stops every query at {limit_ms:,} ms, "
            "so that one visitor cannot hold it. Try a narrower page (a shorter window, "
            "a pair of countries) or try again later.",
            title="Took too long",
            status=503,
        )
    if not isinstance(exception, sqlite3.DatabaseError):
        return None
    message = str(exception)
    if "prohibited" in message or "not authorized" in message:
        return DatasetteError(
            f"{message}: the archive's internal tables cannot be read",
            title="Forbidden",
            status=403,
        )
    if "too big" in message:
        return DatasetteError(
            f"{message}: no value may be larger than {MAX_VALUE_BYTES:,} bytes",
            title="Too large",
            status=400,
        )
    return None


def expected(exception: Exception, limit_ms: int) -> DatasetteError | None:
    """A visitor's mistake or a limit met, as the page that says so; None for anything else.
    A 404 is left to Datasette (and to the redirect of a retracted engagement, timeline.web.sql)."""
    if isinstance(exception, Base400) and not isinstance(exception, NotFound):
        return DatasetteError(exception.args[0], status=exception.status)
    if isinstance(exception, DatasetteError) and exception.status < 500:
        return exception
    return refusal_of_query(exception, limit_ms)


async def error_page(datasette: Any, request: Any, error: DatasetteError) -> Response:
    """Datasette's error page (HTML, or JSON when the request asked for it) for `error`."""
    info = {**error.error_dict, "ok": False, "error": error.message}
    info |= {"status": error.status, "title": error.title}
    if request.path.endswith(".json") or request.args.get("_format") == "json":
        return Response.json(info, status=error.status)
    message = Markup(error.message) if error.message_is_html else error.message
    template = datasette.jinja_env.select_template([f"{error.status}.html", "error.html"])
    context = {**info, "error": message, "urls": datasette.urls}
    context |= {"app_css_hash": datasette.app_css_hash(), "menu_links": lambda: []}
    return Response.html(await template.render_async(context), status=error.status)


@hookimpl
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    """The page for what `expected` knows, with its status (Datasette would answer 500 for a
    query past the time limit in a plugin page, or for the authorizer's refusal). Datasette
    still runs its own handler, which prints the traceback: a page that refuses often and must
    stay cheap returns `error_page` instead of raising (the search page does)."""
    found = expected(exception, datasette.setting("sql_time_limit_ms"))
    if found is None or request is None:
        return None
    return error_page(datasette, request, found)


def too_large(limit_mb: int) -> Response:
    return Response.text(
        f"The response is larger than the {limit_mb} MB allowed: ask for fewer rows or columns.",
        status=400,
    )


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    """Cap every response at `max_response_mb`: held until its first body part shows it fits,
    a response past the cap is answered 400 instead; one already sent in parts (a CSV stream)
    is cut off mid-body, so the client sees a broken transfer, never a complete-looking one."""

    def wrap(app: Any) -> Any:
        async def capped(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") != "http":
                await app(scope, receive, send)
                return
            config = datasette.plugin_config("timeline") or {}
            limit_mb = int(config.get("max_response_mb", MAX_RESPONSE_MB))
            await app(scope, receive, ResponseCap(send, limit_mb).send)

        return capped

    return wrap


class ResponseCap:
    """The `send` of one response, counting its body against a limit."""

    def __init__(self, send: Any, limit_mb: int) -> None:
        self.downstream = send
        self.limit_mb = limit_mb
        self.limit = limit_mb * 1024 * 1024
        self.start: dict[str, Any] | None = None
        self.sent = 0
        self.refused = False

    async def send(self, message: dict[str, Any]) -> None:
        if self.refused:
            return
        if message["type"] == "http.response.start":
            self.start = message
            return
        if message["type"] != "http.response.body":
            await self.downstream(message)
            return
        self.sent += len(message.get("body", b""))
        if self.sent > self.limit:
            if self.start is None:
                raise ResponseTooLarge(self.limit_mb)
            self.refused = True
            response = too_large(self.limit_mb)
            await response.asgi_send(self.downstream)
            return
        if self.start is not None:
            await self.downstream(self.start)
            self.start = None
        await self.downstream(message)


class ResponseTooLarge(Exception):
    """A response sent in parts passed the cap after its headers went out."""

    def __init__(self, limit_mb: int) -> None:
        super().__init__(f"the response is larger than the {limit_mb} MB allowed; cut off")
