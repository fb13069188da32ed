"""What every page shares: where the package's templates and styles are, a country by its code,
a template rendered with the stylesheet, and a page's URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlencode

from datasette.database import Database
from datasette.utils.asgi import BadRequest, NotFound, Response

from events import UnknownCountry, resolve_country

WEB = Path(__file__).resolve().parent.parent
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"
STATIC_ROUTE = "/-/timeline-static/"


def country_code(typed: str) -> str:
    """The code of a country in a URL, typed as a code or a name (`VN`, `vn`, `Việt%20Nam`, `Mỹ`);
    a 400 that suggests the closest country if it names none."""
    try:
        return resolve_country(unquote(typed))
    except UnknownCountry as e:
        raise BadRequest(str(e)) from None


async def country(db: Database, typed: str) -> dict[str, str]:
    code = country_code(typed)
    row = (
        await db.execute("select code, name_en, name_vi from countries where code = ?", [code])
    ).first()
    if row is None:  # a timeline.db built before the country was in the vocabulary
        raise NotFound(
            f"{code}: not in this archive's countries table (run `timeline build --rebuild`)"
        )
    return dict(row)


def moved(datasette: Any, request: Any, path: str) -> Response | None:
    """A page asked for by a country's name (`/-/timeline/Việt Nam`) is sent to its URL by code
    (`/-/timeline/VN`), query kept; None when it was asked for by code, in any case."""
    target = datasette.urls.path(path)
    if unquote(request.path).strip().upper() == target.upper():
        return None
    return Response.redirect(target + (f"?{request.query_string}" if request.query_string else ""))


async def render(datasette: Any, request: Any, template: str, context: dict[str, Any]) -> Response:
    context = {"css_url": datasette.urls.path(STATIC_ROUTE + "pages.css"), **context}
    return Response.html(await datasette.render_template(template, context, request=request))


def page_url(datasette: Any, path: str, **params: Any) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return datasette.urls.path(path) + (f"?{query}" if query else "")
