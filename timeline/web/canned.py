"""Datasette plugin: the canned queries as a visitor first meets them.

- A canned query opened with no parameters opens with its example parameters (a redirect), so
  the first thing seen is an answer, not an empty form and "0 results".
- Parameters a query cannot read are refused with a 400 that names the parameter and says what
  it takes, before any SQL runs: a date `as_of` cannot read would otherwise compare as text and
  return every row; a paging cursor that is not one would page from nowhere.

Registered through the `datasette` entry point `timeline_canned`."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Request, Response
from datasette.views.base import DatasetteError

from timeline.web.parameters import located
from timeline.web.safety import error_page

# What each query opens with: the seed archive's engagements, and a country every archive has.
EXAMPLES: dict[str, dict[str, str]] = {
    "country_timeline": {"country": "VN"},
    "pair_timeline": {"a": "VN", "b": "US"},
    "person_engagements": {"person": "Luong Tam Quang"},
    "topic_engagements": {"topic": "money_laundering"},
    "organisation_engagements": {"organisation": "MPS"},
    "search": {"q": "security dialogue"},
    "dialogue_series": {"series": "security-law-enforcement"},
    "inferred_facts": {"after": ""},
    "engagement_sources": {"engagement": "vn-us-security-law-enforcement-dialogue-2"},
    "as_of": {"when": "2025-10-01"},
    "happened_by": {"when": "2025-10-01"},
    "revision_history": {"engagement": "vn-us-security-law-enforcement-dialogue-2"},
    "office_holder_on": {
        "office": "vn-minister-of-public-security",
        "country": "",
        "date": "2024-07-03",
    },
    "person_all_engagements": {"person": "Luong Tam Quang"},
    "registry_contradictions": {"after": ""},
}

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A page's last row, `2024-03-05/slug`: where the next page of a keyset-paged query begins.
CURSOR = re.compile(r"^\d{4}-\d{2}-\d{2}/[a-z0-9]+(?:-[a-z0-9]+)*$")


def moment_problem(text: str) -> str | None:
    """Why `text` is not a date (YYYY-MM-DD) or an ISO timestamp, or None."""
    value = text.strip()
    try:
        if DATE.match(value):
            datetime.strptime(value, "%Y-%m-%d")
        elif len(value) > 10 and DATE.match(value[:10]):
            datetime.fromisoformat(value)
        else:
            raise ValueError(value)
    except ValueError:
        return (
            f"{text!r} is not a date (YYYY-MM-DD, such as 2025-10-01) or an ISO timestamp "
            "(2025-10-01T12:00:00, with an optional zone)"
        )
    return None


def required_moment(text: str) -> str | None:
    if not text.strip():
        return "give a date (YYYY-MM-DD, such as 2025-10-01) or an ISO timestamp"
    return moment_problem(text)


def cursor_problem(text: str) -> str | None:
    """An empty cursor is the first page; anything else must be a page's last row."""
    if not text.strip() or CURSOR.match(text.strip()):
        return None
    return f"{text!r} is not where a page ends (DATE/SLUG, as the link to the next page gives)"


# query -> parameter -> the check of its value (a message, or None when it is fine).
CHECKS: dict[str, dict[str, Callable[[str], str | None]]] = {
    "as_of": {"when": required_moment},
    "happened_by": {"when": required_moment},
    "country_timeline": {"after": cursor_problem},
    "pair_timeline": {"after": cursor_problem},
    "topic_engagements": {"after": cursor_problem},
    "organisation_engagements": {"after": cursor_problem},
    "inferred_facts": {"after": cursor_problem},
    "registry_contradictions": {"after": cursor_problem},
}


def problem(query: str, params: dict[str, str]) -> str | None:
    """The first parameter of `query` that it cannot read, with why, or None."""
    for name, check in CHECKS.get(query, {}).items():
        found = check(params.get(name, ""))
        if found:
            return f"{name}: {found}"
    return None


def canned_query(datasette: Any, path: str) -> tuple[str, str] | None:
    """(database, query) when `path` is a canned query's page (HTML or JSON), else None."""
    found = located(datasette, path, suffixes=(".json",))
    if found is None:
        return None
    queries = datasette.metadata("queries", database=found[0]) or {}
    return found if found[1] in queries else None


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    def wrap(app: Any) -> Any:
        async def checked(scope: dict[str, Any], receive: Any, send: Any) -> None:
            found = None
            if scope.get("type") == "http" and scope.get("method") == "GET":
                found = canned_query(datasette, scope.get("path", ""))
            if found is None:
                await app(scope, receive, send)
                return
            response = await answer(datasette, scope, receive, found)
            if response is None:
                await app(scope, receive, send)
            else:
                await response.asgi_send(send)

        return checked

    return wrap


async def answer(
    datasette: Any, scope: dict[str, Any], receive: Any, found: tuple[str, str]
) -> Response | None:
    """The redirect to the examples, the 400 for a parameter it cannot read, or None."""
    database, query = found
    raw = scope.get("query_string", b"").decode("latin-1")
    params = dict(parse_qsl(raw, keep_blank_values=True))
    if not raw and query in EXAMPLES:
        path = datasette.urls.path(f"/{database}/{query}")
        return Response.redirect(f"{path}?{urlencode(EXAMPLES[query])}")
    message = problem(query, params)
    if message is None:
        return None
    return await error_page(datasette, Request(scope, receive), DatasetteError(message, status=400))
