"""What every page shares: where the package's templates and styles are, a country by its code,
a template rendered with the stylesheet, and a page's URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from datasette.database import Database
from datasette.utils.asgi import NotFound, Response

WEB = Path(__file__).resolve().parent.parent
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"
STATIC_ROUTE = "/-/timeline-static/"


async def country(db: Database, code: str) -> dict[str, str]:
    code = code.strip().upper()
    row = (
        await db.execute("select code, name_en, name_vi from countries where code = ?", [code])
    ).first()
    if row is None:
        raise NotFound(f"Unknown country code {code!r}: expected an ISO 3166-1 code such as VN")
    return dict(row)


async def render(datasette: Any, request: Any, template: str, context: dict[str, Any]) -> Response:
    context = {"css_url": datasette.urls.path(STATIC_ROUTE + "pages.css"), **context}
    return Response.html(await datasette.render_template(template, context, request=request))


def page_url(datasette: Any, path: str, **params: Any) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return datasette.urls.path(path) + (f"?{query}" if query else "")
