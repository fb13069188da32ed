"""The person page (/-/person/ID) and the office page (/-/office/SLUG), read from the
published `timeline.db`: a person's offices over time, every engagement with the title at the
time, the counterparts met most often and a small timeline; an office's holders in order, each
with the engagements they took part in while in office."""

from __future__ import annotations

import json
from typing import Any

from datasette.database import Database
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from timeline.web.database import archive_database
from timeline.web.pages.counts import cached
from timeline.web.pages.render import render

# Counterparts listed on a person page: the most frequent first.
COUNTERPARTS = 10


async def _rows(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in await db.execute(sql, params)]


async def person_context(db: Database, person: str) -> dict[str, Any] | None:
    found = await _rows(db, "select * from people where id = ?", [person])
    if not found:
        return None
    row = found[0]
    engagements = await _rows(
        db,
        "select p.engagement, p.name, p.title, p.rank, p.role_label, p.registry_conflict, "
        "e.date_label, e.start_date, e.kind, e.title as engagement_title, e.countries "
        "from participants p join engagements e on e.slug = p.engagement "
        "where p.individual = ? order by e.start_date, e.slug",
        [person],
    )
    offices = await _rows(
        db,
        "select h.*, o.kind from office_holders h join offices o on o.slug = h.office "
        "where h.person = ? order by h.start_date",
        [person],
    )
    return {
        "person": row,
        "variants": json.loads(row["variants"] or "[]"),
        "offices": offices,
        "engagements": engagements,
        "counterparts": await counterparts(db, person),
        "years": years(engagements),
    }


async def counterparts(db: Database, person: str) -> list[dict[str, Any]]:
    """The other people at this person's engagements, the most frequent first."""
    return await _rows(
        db,
        "select o.individual, max(o.name) as name, o.country, count(distinct o.engagement) as n "
        "from participants p join participants o on o.engagement = p.engagement "
        "and o.individual != p.individual where p.individual = ? "
        "group by o.individual order by n desc, name limit ?",
        [person, COUNTERPARTS],
    )


def years(engagements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Engagements per year, every year from the first to the last, for a small timeline."""
    counts: dict[int, int] = {}
    for e in engagements:
        year = int(e["start_date"][:4])
        counts[year] = counts.get(year, 0) + 1
    if not counts:
        return []
    top = max(counts.values())
    return [
        {"year": y, "n": counts.get(y, 0), "height": round(40 * counts.get(y, 0) / top)}
        for y in range(min(counts), max(counts) + 1)
    ]


async def office_context(db: Database, slug: str) -> dict[str, Any] | None:
    found = await _rows(db, "select * from offices where slug = ?", [slug])
    if not found:
        return None
    holders = await _rows(
        db, "select * from office_holders where office = ? order by start_date, holder", [slug]
    )
    for h in holders:
        h["engagements"] = await _rows(
            db,
            "select p.engagement, p.title, e.date_label, e.title as engagement_title "
            "from participants p join engagements e on e.slug = p.engagement "
            "where p.individual = ? and p.start_date >= ? and (? is null or p.start_date <= ?) "
            "order by p.start_date",
            [h["person"], h["start_date"], h["end_date"], h["end_date"]],
        )
    return {"office": found[0], "holders": holders}


async def person_page(request: Any, datasette: Any) -> Response:
    db = await archive_database(datasette)
    person = request.url_vars["person"]
    # Kept until timeline.db changes, as the pages' counts are: the busiest person's four
    # queries took 15 ms of the page's 41 ms of CPU at 100,000 engagements, warm.
    found = await cached(db, ("person", person), lambda: person_context(db, person))
    if found is None:
        raise NotFound(f"No person with the id {person!r}: find one with the search")
    context = {**found, "database": db.name, "urls": datasette.urls}
    engagement_url = datasette.urls.path("/-/engagement/")
    context["engagement_rows"] = engagement_rows(
        found["engagements"], found["person"], engagement_url
    )
    return await render(datasette, request, "pages_person.html", context)


def engagement_rows(
    engagements: list[dict[str, Any]], person: dict[str, Any], engagement_url: str
) -> Markup:
    """The rows of the person's table of engagements, as the page's template wrote them in a
    loop of Datasette's asynchronous Jinja, which took most of the busiest person's page (756
    engagements at 100,000: the page 40 -> 26 ms of CPU on a first visit after a write);
    tests/web/test_pages.py compares the text with the loop's."""
    out = []
    for e in engagements:
        rank, title, name = e["rank"], e["title"], e["name"]
        held = escape(rank or "") + (", " if rank and title else "") + escape(title or "")
        if name != person["name"]:
            held += Markup(' <span class="tl-muted">(as {})</span>').format(name)
        if e["registry_conflict"]:
            held += Markup(
                '<br><strong class="tl-conflict">Contradicts the registry:</strong> {}'
            ).format(e["registry_conflict"])
        out.append(
            f'\n<tr><td>{escape(e["date_label"])}</td><td><a href="'
            f'{escape(engagement_url + e["engagement"])}">{escape(e["engagement_title"])}</a>'
            f"</td>\n<td>{held}</td>\n<td>{escape(e['role_label'])}</td></tr>\n"
        )
    return Markup("".join(out))


async def office_page(request: Any, datasette: Any) -> Response:
    db = await archive_database(datasette)
    slug = request.url_vars["office"]
    context = await office_context(db, slug)
    if context is None:
        raise NotFound(f"No office with the slug {slug!r} in the registry")
    context |= {"database": db.name, "urls": datasette.urls}
    return await render(datasette, request, "pages_office.html", context)
