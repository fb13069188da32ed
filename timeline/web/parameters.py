"""Datasette plugin: the parameters of canned queries and table filters checked before Datasette
runs the SQL with them as typed.

A country in a canned query's parameters or a table's filter may be typed as
a code or a name, in English or Vietnamese, with or without diacritics
(`/timeline/country_timeline?country=Việt Nam`, `/timeline/timeline?counterpart=Mỹ`).

Datasette runs a canned query's SQL with the parameters as typed, so a name found nothing and the
page said "0 results". Before the request reaches Datasette, a country parameter typed as a name
is sent to the same URL with the code (a redirect, so the address and the form show what was
looked up), and one that names no country is answered with a 400 whose message
suggests the closest (`country: unknown country 'Vietnm': did you mean VN (Vietnam / Việt Nam)?`).
Only parameters a canned query's SQL uses, or columns of a table that hold country codes, are
looked at; every other request passes untouched.

A canned query's `collection` (empty for the security collections, `all`, or one collection's
name) that names no collection of the served file is a 400 suggesting the closest, as on the
pages: the SQL alone would answer "0 results" and look like an empty archive."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import Response

from events import UnknownCountry, resolve_country
from events.collections import ALL, unknown_collection

# The canned queries' country parameters (country_timeline's `country`, pair_timeline's `a` and
# `b`) and the columns of the tables that hold a country code.
COUNTRY_PARAMETERS = frozenset(
    {"country", "counterpart", "a", "b", "host", "place_country", "organisation_country"}
)
NAMED_PARAMETER = re.compile(r":(\w+)")
FORMATS = (".json", ".csv")

Asgi = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Asgi], Asgi]:
    def wrap(app: Asgi) -> Asgi:
        async def country_parameters(scope: dict[str, Any], receive: Any, send: Any) -> None:
            response = None
            if scope["type"] == "http" and scope.get("query_string"):
                response = await checked(datasette, scope)
            if response is None:
                await app(scope, receive, send)
            else:
                await response.asgi_send(send)

        return country_parameters

    return wrap


async def checked(datasette: Any, scope: dict[str, Any]) -> Response | None:
    """A redirect to the URL with codes, a 400 for a country that is not one, or None."""
    pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    path = scope.get("raw_path", b"").decode("latin-1").partition("?")[0] or scope["path"]
    collections = [v.strip() for k, v in pairs if k == "collection" and v.strip() not in ("", ALL)]
    if collections:
        refused = await unknown_collection_of(datasette, path, collections)
        if refused:
            return await bad_request(datasette, path, refused, "Unknown collection")
    if not any(key in COUNTRY_PARAMETERS and value.strip() for key, value in pairs):
        return None
    target, any_case = await country_parameters_of(datasette, path)
    if not target:
        return None
    fixed = []
    for key, value in pairs:
        if key in target and value.strip():
            try:
                code = resolve_country(value)
            except UnknownCountry as e:
                return await bad_request(datasette, path, f"{key}: {e}")
            value = value if any_case and value.strip().upper() == code else code
        fixed.append((key, value))
    if fixed == pairs:
        return None
    return Response.redirect(f"{path}?{urlencode(fixed)}")


async def unknown_collection_of(datasette: Any, path: str, asked: list[str]) -> str | None:
    """The message for the first collection asked of a canned query that the served file does
    not hold; None when all are known, or the path is not a canned query with :collection."""
    query = await _canned_query(datasette, path)
    if query is None or "collection" not in NAMED_PARAMETER.findall(query[1]["sql"]):
        return None
    db = datasette.get_database(query[0])
    known = [row[0] for row in await db.execute("select name from collections")]
    for name in asked:
        if name not in known:
            return f"collection: {unknown_collection(name, [*known, ALL])}"
    return None


def located(
    datasette: Any, path: str, suffixes: tuple[str, ...] = FORMATS
) -> tuple[str, str] | None:
    """The served database and the query or table name of `/DB/NAME[.json|.csv]` (with one of
    `suffixes`, or none)."""
    parts = path.strip("/").split("/")
    if len(parts) != 2 or parts[0].startswith("-"):
        return None
    database, name = (tilde_decode(p) for p in parts)
    for suffix in suffixes:
        name = name.removesuffix(suffix)
    return (database, name) if database in datasette.databases else None


async def _canned_query(datasette: Any, path: str) -> tuple[str, dict[str, Any]] | None:
    """The database and canned query at `path` (`/DB/NAME[.json]`), if it is one."""
    found = located(datasette, path)
    if found is None:
        return None
    database, name = found
    query = await datasette.get_canned_query(database, name, None)
    return (database, query) if query else None


async def country_parameters_of(datasette: Any, path: str) -> tuple[set[str], bool]:
    """The country parameters of the canned query or table at `path` (`/DB/NAME[.json]`), and
    whether a code in lower case finds the same rows: a canned query's SQL takes any case
    (`upper(trim(:country))`), so `vn` stays; a table's filter is exact, so `vn` becomes `VN`."""
    query = await _canned_query(datasette, path)
    if query:
        return COUNTRY_PARAMETERS & set(NAMED_PARAMETER.findall(query[1]["sql"])), True
    found = located(datasette, path)
    if found is None:
        return set(), False
    db = datasette.get_database(found[0])
    name = found[1]
    if not await db.table_exists(name):
        return set(), False
    return COUNTRY_PARAMETERS & set(await db.table_columns(name)), False


async def bad_request(
    datasette: Any, path: str, message: str, title: str = "Unknown country"
) -> Response:
    """A 400 as Datasette writes its own: JSON for `.json`, else its error page."""
    info = {"ok": False, "error": message, "status": 400, "title": title}
    if path.endswith(".json"):
        return Response.json(info, status=400)
    template = datasette.jinja_env.select_template(["400.html", "error.html"])
    page = await template.render_async(
        {
            **info,
            "urls": datasette.urls,
            "app_css_hash": datasette.app_css_hash(),
            "menu_links": lambda: [],
        }
    )
    return Response.html(page, status=400)
