"""Datasette plugin: one search box over engagements, people and organisations (`/-/search?q=`).

The words are folded like the `search_text` columns (no diacritics, đ as d) and quoted by
`fts_query`, so `Doi thoai` finds `Đối thoại` and no punctuation can make an FTS syntax error."""

from __future__ import annotations

import copy
from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from datasette.views.base import DatasetteError

from events import KINDS
from timeline.web.collections import Chosen, chosen
from timeline.web.database import archive_database
from timeline.web.labels import kind_label
from timeline.web.pages.counts import cached
from timeline.web.safety import error_page
from timeline.web.sql import fts_query, query_problem

LIMIT = 20
ROUTE = "/-/search"
# In timeline/web/templates, which the pages plugin (timeline.web.pages) adds to the loader.
TEMPLATE = "timeline_search.html"

# (section, table, SQL): best matches first, LIMIT + 1 rows to tell if there are more. People and
# organisations first: their lists are short, and a name is usually what was meant.
SECTIONS = [
    (
        "People",
        "persons",
        "select p.id as pk, p.name as label, "
        "(select group_concat(value, ', ') from json_each(p.variants)) as detail, "
        "null as date, null as kind, null as city, p.country as country "
        "from persons_fts f join persons p on p.rowid = f.rowid "
        "where persons_fts match :match order by f.rank, p.name limit :limit",
    ),
    (
        "Organisations",
        "organisations",
        "select o.id as pk, o.name as label, "
        "trim(coalesce(o.abbreviation, '') || ' ' || coalesce(o.name_local, '')) as detail, "
        "null as date, null as kind, null as city, o.country as country "
        "from organisations_fts f join organisations o on o.rowid = f.rowid "
        "where organisations_fts match :match order by f.rank, o.name limit :limit",
    ),
    (
        "Engagements",
        "engagements",
        "{ranked}select e.slug as pk, e.title as label, e.title_vi as detail, "
        "e.date_label as date, e.kind as kind, e.city as city, e.country as country "
        "from {matches} f join engagements e on e.rowid = f.rowid "
        "where {match}{collections} "
        "order by f.rank, e.start_date desc limit :limit",
    ),
    (
        "Persons, however written (offices and engagements)",
        "people",
        "select p.id as pk, p.name as label, "
        "(select group_concat(value, ', ') from json_each(p.variants)) as detail, "
        "null as date, null as kind, null as city, p.country as country "
        "from people_fts f join people p on p.rowid = f.rowid "
        "where people_fts match :match order by f.rank, p.name limit :limit",
    ),
]


# How the engagements' section finds its rows: by default each match is joined to its row (for
# its collection and date) and ranked; when every engagement is in a collection shown, the
# matches are ranked from the full-text index alone and only those up to the LIMIT+1-th best
# rank (with every match of that same rank, so the ties are ordered by date as before) are
# joined to their rows: at 100,000 engagements "security dialogue" matches 15,000, and their
# joins were half of the section's 37 ms of SQL on every first visit after a write.
FILTERED = {"ranked": "", "matches": "engagements_fts", "match": "engagements_fts match :match"}
RANKED_FIRST = {
    "ranked": "with matches as materialized (select rowid, rank from engagements_fts "
    "where engagements_fts match :match) ",
    "matches": "matches",
    "match": "f.rank <= coalesce((select rank from matches order by rank "
    "limit 1 offset :limit - 1), f.rank)",
}


async def search_results(
    db: Any, q: str, limit: int = LIMIT, collections: Chosen | None = None
) -> list[dict[str, Any]]:
    """Each section with its rows (at most `limit`) and whether there are more; engagements of
    the collections asked for only (all by default here: the page asks for the default ones)."""
    match = fts_query(q)
    collections = collections or Chosen(None, ())
    in_collections, named = collections.named("e.collection")
    engagements = FILTERED | {"collections": in_collections}
    if collections.hold_every_engagement:
        engagements = RANKED_FIRST | {"collections": ""}
        named = {}
    sections = []
    for title, table, sql in SECTIONS:
        section = {
            "title": title,
            "table": table,
            "rows": [],
            "more": False,
            "timed_out": False,
            "count": 0,
        }
        params = {"match": match, "limit": limit + 1, **named}
        try:
            result = await db.execute(sql.format(**engagements), params)
        except QueryInterrupted:
            # One slow section (a very common word in a huge archive) still leaves the others.
            section |= {"timed_out": True, "count": None}
        else:
            rows = [dict(r) for r in result]
            section |= {"rows": rows[:limit], "more": len(rows) > limit}
            section["count"] = await match_count(db, table, match, len(rows), limit)
        sections.append(section)
    return sections


async def match_count(db: Any, table: str, match: str, found: int, limit: int) -> int | None:
    """How many rows match, from the full-text index alone (15 ms for 15,000 matching
    engagements at 100k; joining them to count by kind took 440 ms); None if that times out."""
    if found <= limit:
        return found
    try:
        sql = f"select count(*) from {table}_fts where {table}_fts match :match"
        return (await db.execute(sql, {"match": match})).first()[0]
    except QueryInterrupted:
        return None


async def search(datasette: Any, request: Any) -> Response:
    q = (request.args.get("q") or "").strip()
    problem = query_problem(q)
    if problem:
        # Returned, not raised: Datasette prints a traceback with its locals for every raised
        # error, ~0.9 s of the server for a 3,000-word query.
        return await error_page(datasette, request, DatasetteError(f"q: {problem}", status=400))
    db = await archive_database(datasette)
    collections = await chosen(db, request)
    # Kept until timeline.db changes, as the pages' counts are: ranking the 15,000 matches of
    # a common phrase ("security dialogue" at 100,000 engagements) took 35 ms of the page's
    # 42 ms of CPU on every visit. Copies: the rows are given links below.
    sections, elsewhere, _ = copy.deepcopy(
        await cached(
            db,
            ("search", q, collections.key),
            lambda: found(db, q, collections),
            keep=lambda result: result[2],
        )
    )
    for section in sections:
        for row in section["rows"]:
            row["url"] = (
                datasette.urls.path(f"/-/person/{tilde_encode(row['pk'])}")
                if section["table"] == "people"  # a person's own page, not the bare row
                else datasette.urls.row(db.name, section["table"], tilde_encode(row["pk"]))
            )
            row["kind_label"] = kind_label(row["kind"]) if row["kind"] in KINDS else None
    if request.args.get("_format") == "json":
        return Response.json({"q": q, "sections": sections, "in_other_collections": elsewhere})
    html = await datasette.render_template(
        TEMPLATE,
        {
            "q": q,
            "sections": sections,
            "database": db.name,
            "found": sum(len(s["rows"]) for s in sections),
            "collections": collections,
            "elsewhere": elsewhere,
        },
        request=request,
    )
    return Response.html(html)


async def found(db: Any, q: str, collections: Chosen) -> tuple[list[dict[str, Any]], int, bool]:
    """Each section's matches, how many engagements match in the collections not shown, and
    whether every query finished within its time limit."""
    if not q:
        return [], 0, True
    sections = await search_results(db, q, collections=collections)
    elsewhere = await count_elsewhere(db, q, collections)
    finished = elsewhere is not None and not any(
        s["timed_out"] or s["count"] is None for s in sections
    )
    return sections, elsewhere or 0, finished


async def count_elsewhere(db: Any, q: str, collections: Chosen) -> int | None:
    """How many engagements that match are in collections not shown (0 when all are); None
    past the time limit."""
    # When the collections not shown hold no engagement, no match is there, and joining every
    # match to its row to count them is skipped (15,000 matches of "security dialogue" at 100k
    # engagements: 18 ms of the page's 60 ms of CPU).
    if collections.hold_every_engagement:
        return 0
    in_collections, named = collections.named("e.collection")
    sql = (
        "select count(*) from engagements_fts f join engagements e on e.rowid = f.rowid "
        f"where engagements_fts match :match and not (1{in_collections})"
    )
    try:
        return (await db.execute(sql, {"match": fts_query(q), **named})).first()[0]
    except QueryInterrupted:
        return None


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/search$", search)]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [
        {"href": datasette.urls.path(ROUTE), "label": "Search engagements, people, organisations"}
    ]
