"""Datasette plugin: pages people look at — a visual timeline per country and per pair of
countries (`timeline`), charts of engagements per year and topics over time (`charts`), and an
archive-record page per engagement (`engagement`). Server-side SVG drawn by `drawing`, styles
shipped in the package, no script.

Routes: /-/timeline, /-/timeline/VN, /-/timeline/VN/US, /-/engagement/SLUG, /-/charts/VN[/US],
/-/person/ID, /-/office/SLUG.
Registered through the `datasette` entry point `timeline_pages`. This is the one place the
package's templates (timeline/web/templates) and styles (timeline/web/static) are found: every
plugin of timeline.web renders its templates by name through the loader added here."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import asgi_static
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from timeline.web.pages.charts import charts_page
from timeline.web.pages.engagement import engagement_page
from timeline.web.pages.people import office_page, person_page
from timeline.web.pages.render import STATIC, STATIC_ROUTE, TEMPLATES
from timeline.web.pages.timeline import timeline_index, timeline_page


@hookimpl
def prepare_jinja2_environment(env: Any, datasette: Any) -> None:
    """Put the package's templates after any --template-dir, before Datasette's own, so
    `row-timeline-engagements.html` overrides the engagement row page."""
    loader = env.loader
    if not isinstance(loader, ChoiceLoader):
        return
    if any(getattr(x, "searchpath", None) == [str(TEMPLATES)] for x in loader.loaders):
        return
    loader.loaders.insert(1, FileSystemLoader(str(TEMPLATES)))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/-/timeline/?$", timeline_index),
        (r"^/-/timeline/(?P<country>[^/]+)$", timeline_page),
        (r"^/-/timeline/(?P<country>[^/]+)/(?P<counterpart>[^/]+)$", timeline_page),
        (r"^/-/engagement/(?P<slug>[^/]+)$", engagement_page),
        (r"^/-/person/(?P<person>[^/]+)$", person_page),
        (r"^/-/office/(?P<office>[^/]+)$", office_page),
        (r"^/-/charts/(?P<country>[^/]+)$", charts_page),
        (r"^/-/charts/(?P<country>[^/]+)/(?P<counterpart>[^/]+)$", charts_page),
        (rf"^{STATIC_ROUTE}(?P<path>.*)$", asgi_static(STATIC)),
    ]


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, datasette: Any) -> Any:
    """In the countries table, a country's name links to its timeline (its code, the primary
    key, links to the row)."""
    if table != "countries" or column != "name_en" or not isinstance(value, str):
        return None
    try:
        code = row["code"]
    except (KeyError, IndexError):
        return None
    url = datasette.urls.path(f"/-/timeline/{code}")
    return Markup(f'<a href="{escape(url)}" class="tl-cell-link">{escape(value)}</a>')


# Last, after search and the Atom feed, as when one plugin module added those two links.
@hookimpl(trylast=True)
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": datasette.urls.path("/-/timeline"), "label": "Timelines by country"}]
