"""Datasette plugin: pages people look at — a visual timeline per country and per pair of
countries (`timeline`), charts of engagements per year and topics over time (`charts`), and an
archive-record page per engagement (`engagement`). Server-side SVG drawn by `drawing`, styles
shipped in the package, no script.

Routes: /-/timeline, /-/timeline/VN, /-/timeline/VN/US, /-/engagement/SLUG, /-/charts/VN[/US],
/-/download/timeline.db (the clean copy for download).
/-/person/ID, /-/office/SLUG.
Registered through the `datasette` entry point `timeline_pages`. This is the one place the
package's templates (timeline/web/templates) and styles (timeline/web/static) are found: every
plugin of timeline.web renders its templates by name through the loader added here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import asgi_static
from jinja2 import ChoiceLoader, FileSystemLoader, TemplateNotFound
from markupsafe import Markup, escape

from timeline.web.facet_html import facet_results_html
from timeline.web.pages.charts import charts_page
from timeline.web.pages.download import download_page
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
    env.filters["tl_row_link"] = row_link
    env.globals["tl_facet_results"] = facet_results_html
    if any(getattr(x, "searchpath", None) == [str(TEMPLATES)] for x in loader.loaders):
        return
    loader.loaders.insert(1, FileSystemLoader(str(TEMPLATES)))
    # Datasette's own home and database pages, extended with the archive's links: ahead of
    # Datasette's templates, unless a --template-dir has its own.
    own = {
        n
        for n in OVERRIDDEN
        if datasette.template_dir and (Path(datasette.template_dir) / n).exists()
    }
    loader.loaders.insert(0, NamedLoader(str(TEMPLATES), OVERRIDDEN - own))


OVERRIDDEN = frozenset(
    {"index.html", "database.html", "_description_source_license.html", "_facet_results.html"}
)
ROW_LINK_TEXT = re.compile(r">([^<]*)</a>\s*$")


def row_link(value: Any) -> Markup:
    """A row link whose text is its compound key (`AU,VN,vn-au-dialogue-3`), labelled as what it
    opens; the key stays in its title."""
    html = str(value)
    found = ROW_LINK_TEXT.search(html)
    if found is None:
        return Markup(html)
    key = found.group(1)
    opened = html[: found.start()] + f' title="{key}">row</a>'
    return Markup(opened)


class NamedLoader(FileSystemLoader):
    """Only the named templates of a folder."""

    def __init__(self, path: str, names: frozenset[str]) -> None:
        super().__init__(path)
        self.names = names

    def get_source(self, environment: Any, template: str) -> Any:
        if template not in self.names:
            raise TemplateNotFound(template)
        return super().get_source(environment, template)


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
        (r"^/-/download/timeline\.db$", download_page),
        (rf"^{STATIC_ROUTE}(?P<path>.*)$", asgi_static(STATIC)),
    ]


def country_name_cell(row: Any, value: Any, column: str, table: str | None, datasette: Any) -> Any:
    """In the countries table, a country's name links to its timeline (its code, the primary
    key, links to the row): a cell of timeline.web.labels' `render_cell`."""
    if table != "countries" or column != "name_en" or not isinstance(value, str):
        return None
    try:
        code = row["code"]
    except (KeyError, IndexError):
        return None
    url = datasette.urls.path(f"/-/timeline/{code}")
    return Markup(f'<a href="{escape(url)}" class="tl-cell-link">{escape(value)}</a>')


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    """The pages' stylesheet on Datasette's pages too: the archive's links on the home and
    database pages, facet labels that wrap between words."""
    return [datasette.urls.path(STATIC_ROUTE + "pages.css")]


# Last, after search and the Atom feed, as when one plugin module added those two links.
@hookimpl(trylast=True)
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": datasette.urls.path("/-/timeline"), "label": "Timelines by country"}]
