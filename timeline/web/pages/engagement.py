"""The engagement page (/-/engagement/SLUG) and what it shows, read from the published
`timeline.db`: the facts, people,
organisations, topics, sources, evidence, revision history and related engagements.

A retracted slug has no `engagements` row; its last state and the retraction come from the
`revisions` table, which keeps every state."""

from __future__ import annotations

import json
import re
from typing import Any

from datasette.database import Database
from datasette.utils.asgi import NotFound, Response

from events import PRECISIONS, ROLES, STATUSES
from timeline.web.database import archive_database
from timeline.web.pages.render import render

BRIEF = "slug, kind, title, date_label, start_date, session, status"
PARTICIPANT = re.compile(r"^participants\[(\d+)\]")
# Merges followed from a retracted record to the engagement that survives.
MAX_HOPS = 10


async def _rows(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in await db.execute(sql, params)]


async def _one(db: Database, sql: str, params: list[Any]) -> dict[str, Any] | None:
    row = (await db.execute(sql, params)).first()
    return dict(row) if row else None


async def gather(db: Database, slug: str) -> dict[str, Any] | None:
    """Everything the page shows about `slug`, or None when no such engagement was recorded."""
    engagement = await _one(db, "select * from engagements where slug = ?", [slug])
    revisions = await revision_history(db, slug)
    if engagement is None:
        if not revisions or not revisions[-1]["retracted"]:
            return None
        return await retracted(db, slug, revisions)
    codes = json.loads(engagement["countries"] or "[]")
    guests = json.loads(engagement["guests"] or "[]")
    inferred = set(json.loads(engagement["inferred_facts"] or "[]"))
    evidence = await _rows(
        db, "select * from evidence where engagement = ? order by position", [slug]
    )
    return {
        "slug": slug,
        "retracted": None,
        "e": engagement,
        "kind": await _one(db, "select * from kinds where key = ?", [engagement["kind"]]),
        "status": STATUSES.get(engagement["status"]),
        "precision": PRECISIONS.get(engagement["date_precision"]),
        "guests": guests,
        "countries": await country_names(db, [*codes, engagement["country"]]),
        "inferred": {f.split(".")[0].split("[")[0] for f in inferred},
        # Participants with an inferred fact (`participants[2].title`), by position.
        "inferred_people": {
            int(m.group(1)) for f in inferred if (m := PARTICIPANT.match(f)) is not None
        },
        "participants": await participants(db, slug),
        "organisations": await _rows(
            db,
            "select o.* from engagement_organisations eo join organisations o "
            "on o.id = eo.organisation where eo.engagement = ? order by o.name",
            [slug],
        ),
        "topics": await topics(db, slug, json.loads(engagement["topics"] or "[]")),
        "sources": await _rows(
            db, "select * from sources where engagement = ? order by position", [slug]
        ),
        "evidence": evidence,
        "unsourced": {
            v["field"].split(".")[0].split("[")[0]
            for v in evidence
            if v.get("status") == "corrected without a source"
        },
        "revisions": revisions,
        **await relations(db, engagement),
    }


async def participants(db: Database, slug: str) -> list[dict[str, Any]]:
    rows = await _rows(
        db,
        "select p.*, o.name as organisation_name, o.abbreviation as organisation_abbreviation "
        "from participants p left join organisations o on o.id = p.organisation "
        "where p.engagement = ? order by p.position",
        [slug],
    )
    for r in rows:
        r["role_vi"] = ROLES[r["role"]].vi if r["role"] in ROLES else None
    return rows


async def topics(db: Database, slug: str, order: list[str]) -> list[dict[str, Any]]:
    rows = await _rows(
        db,
        "select t.key, t.label_en, t.label_vi, t.description from engagement_topics et "
        "join topics t on t.key = et.topic where et.engagement = ?",
        [slug],
    )
    # As the record lists them.
    rank = {k: i for i, k in enumerate(order)}
    return sorted(rows, key=lambda r: rank.get(r["key"], len(rank)))


async def country_names(db: Database, codes: list[str | None]) -> dict[str, dict[str, str]]:
    wanted = sorted({c for c in codes if c})
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = await _rows(db, f"select * from countries where code in ({marks})", wanted)
    return {r["code"]: r for r in rows}


async def revision_history(db: Database, slug: str) -> list[dict[str, Any]]:
    rows = await _rows(
        db,
        "select version, event, current_from, current_until, reason, changes, retracted, "
        "merged_into from revisions where engagement = ? order by version",
        [slug],
    )
    for r in rows:
        changes = json.loads(r["changes"]) if r["changes"] else None
        r["changed"] = sorted(changes) if isinstance(changes, dict) else []
    return rows


async def relations(db: Database, e: dict[str, Any]) -> dict[str, Any]:
    """The parent visit and its sessions, this engagement's own sessions, and the sessions of
    its dialogue series before and after it."""
    parent = siblings = None
    if e["part_of"]:
        parent = await _one(db, f"select {BRIEF} from engagements where slug = ?", [e["part_of"]])
        siblings = await _rows(
            db,
            f"select {BRIEF} from engagements where part_of = ? order by start_date, slug",
            [e["part_of"]],
        )
    parts = await _rows(
        db,
        f"select {BRIEF} from engagements where part_of = ? order by start_date, slug",
        [e["slug"]],
    )
    earlier: list[dict[str, Any]] = []
    later: list[dict[str, Any]] = []
    if e["series"]:
        series = await _rows(
            db,
            f"select {BRIEF} from engagements where series = ? and slug != ? "
            "order by session, start_date",
            [e["series"], e["slug"]],
        )
        for s in series:
            if (s["session"] or 0, s["start_date"]) < (e["session"] or 0, e["start_date"]):
                earlier.append(s)
            else:
                later.append(s)
    return {
        "parent": parent,
        "parent_slug": e["part_of"],
        "siblings": siblings or [],
        "parts": parts,
        "earlier": earlier,
        "later": later,
    }


async def retracted(db: Database, slug: str, revisions: list[dict[str, Any]]) -> dict[str, Any]:
    last = revisions[-1]
    state = await _one(
        db,
        "select state from revisions where engagement = ? and version = ?",
        [slug, last["version"]],
    )
    facts = json.loads(state["state"])["facts"] if state else {}
    chain, survivor = await merged_chain(db, last["merged_into"])
    return {
        "slug": slug,
        "retracted": last,
        "facts": facts,
        "merged_into": last["merged_into"],
        "chain": chain,
        "survivor": survivor,
        "revisions": revisions,
    }


async def merged_chain(
    db: Database, target: str | None, hops: int = MAX_HOPS
) -> tuple[list[str], dict[str, Any] | None]:
    """Where a merged record lives now: the slugs it passed through (a duplicate merged into
    one that was itself merged later) and the surviving engagement, if one survives."""
    chain: list[str] = []
    while target and target not in chain and len(chain) < hops:
        chain.append(target)
        found = await _one(db, f"select {BRIEF} from engagements where slug = ?", [target])
        if found:
            return chain, found
        later = await _one(
            db,
            "select merged_into from revisions where engagement = ? order by version desc limit 1",
            [target],
        )
        target = later["merged_into"] if later else None
    return chain, None


async def engagement_page(request: Any, datasette: Any) -> Response:
    db = await archive_database(datasette)
    slug = request.url_vars["slug"]
    context = await gather(db, slug)
    if context is None:
        raise NotFound(f"No engagement is recorded with the slug {slug!r}")
    context |= {"database": db.name, "urls": datasette.urls, "path": datasette.urls.path}
    return await render(datasette, request, "pages_engagement.html", context)
