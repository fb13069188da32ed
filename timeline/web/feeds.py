"""Datasette plugin: an iCalendar feed of each country's engagements (`/-/calendar/VN.ics`) and an
Atom feed of engagements newly recorded or corrected (`/-/changes.atom`).

Dates are what the record knows: a day or a range of days is an all-day event (`VALUE=DATE`, the
end exclusive as RFC 5545 wants), and a month or a year is an all-month or all-year span flagged
as such in the description, never a midnight timestamp."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import unquote

import icalendar
from datasette import hookimpl
from datasette.utils.asgi import BadRequest, Response
from feedgen.feed import FeedGenerator

from events import UnknownCountry, resolve_country
from events.countries import country
from timeline.web.database import archive_database

# A calendar holds the latest engagements only: a client that subscribes to a country's feed
# should not have to digest every engagement of a million-row archive.
CALENDAR_LIMIT = 2000
ATOM_LIMIT = 100
PRODID = "-//timeline//security diplomacy archive//EN"
STATUS = {"held": "CONFIRMED", "planned": "TENTATIVE", "cancelled": "CANCELLED"}
ROUTES = {"calendar": "/-/calendar/{code}.ics", "atom": "/-/changes.atom"}


def _setting(datasette: Any, name: str, default: int) -> int:
    config = datasette.plugin_config("timeline") or {}
    return int(config.get(name, default))


def _row_url(datasette: Any, request: Any, database: str, slug: str) -> str:
    return datasette.absolute_url(request, datasette.urls.row(database, "engagements", slug))


def precision_note(row: dict[str, Any]) -> str | None:
    """What a reader of a calendar must know about a date that is not a day or days."""
    if row["date_precision"] == "month":
        return f"Date known to the month only: {row['date_label']} (shown as the whole month)."
    if row["date_precision"] == "year":
        return f"Date known to the year only: {row['date_label']} (shown as the whole year)."
    return None


def calendar_event(row: dict[str, Any], url: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{row['id']}@timeline")
    event.add("summary", row["title"])
    start, last = date.fromisoformat(row["start_date"]), date.fromisoformat(row["end_date"])
    event.add("dtstart", start)
    if last < date.max:
        # DTEND of an all-day event is exclusive: the day after the last day.
        event.add("dtend", last + timedelta(days=1))
    else:
        # No day follows 9999-12-31: RFC 5545 lets DURATION say how many days instead.
        event.add("duration", last - start + timedelta(days=1))
    event.add("dtstamp", datetime.fromisoformat(row["modified_at"]).astimezone(UTC))
    description = [precision_note(row), row["title_vi"], row["summary"], url]
    event.add("description", "\n\n".join(x for x in description if x))
    place = ", ".join(x for x in (row["venue"], row["city"], row["place_name"]) if x)
    if place:
        event.add("location", place)
    if row["latitude"] is not None and row["longitude"] is not None:
        event.add("geo", (row["latitude"], row["longitude"]))
    event.add("categories", [row["kind"]])
    event.add("status", STATUS.get(row["status"], "CONFIRMED"))
    event.add("url", url)
    return event


async def calendar(datasette: Any, request: Any) -> Response:
    typed = unquote(request.url_vars["code"])
    try:
        code = resolve_country(typed)
    except UnknownCountry as e:
        raise BadRequest(str(e)) from None
    if typed.strip().upper() != code:  # asked for by a name (`Việt Nam.ics`)
        return Response.redirect(datasette.urls.path(ROUTES["calendar"].format(code=code)))
    db = await archive_database(datasette)
    limit = _setting(datasette, "calendar_limit", CALENDAR_LIMIT)
    # Walks the (country, start_date) index newest first and stops at the limit.
    result = await db.execute(
        "with latest as (select distinct start_date, engagement from timeline "
        "where country = :code order by start_date desc, engagement limit :limit) "
        "select e.*, c.name_en as place_name from latest "
        "join engagements e on e.slug = latest.engagement "
        "left join countries c on c.code = e.country "
        "order by latest.start_date desc, latest.engagement",
        {"code": code, "limit": limit},
    )
    rows = [dict(row) for row in result.rows]
    urls = [_row_url(datasette, request, db.name, row["slug"]) for row in rows]
    # Writing a few thousand events takes the icalendar package a while: off the event loop, so
    # other requests are served meanwhile.
    text = await asyncio.to_thread(calendar_text, code, limit, rows, urls)
    return Response(
        text,
        content_type="text/calendar; charset=utf-8",
        headers={"content-disposition": f'inline; filename="{code}.ics"'},
    )


def calendar_text(code: str, limit: int, rows: list[dict[str, Any]], urls: list[str]) -> str:
    name = country(code).name_en
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Security engagements: {name}")
    cal.add(
        "x-wr-caldesc",
        f"Bilateral security and law-enforcement engagements of {name} "
        f"(the latest {limit} at most).",
    )
    for row, url in zip(rows, urls, strict=True):
        cal.add_component(calendar_event(row, url))
    return cal.to_ical().decode()


def entry_id(slug: str, version: int) -> str:
    """The same revision always has the same id, whichever server publishes it."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"timeline:{slug}:{version}").urn


def entry_title(row: dict[str, Any]) -> str:
    what = {"Recorded": "Recorded", "Corrected": "Corrected", "SourceAdded": "Source added"}
    if row["retracted"]:
        return f"Retracted: {row['title']}"
    return f"{what.get(row['event'], row['event'])}: {row['title']}"


def entry_summary(row: dict[str, Any]) -> str:
    parts = []
    if row["reason"]:
        parts.append(f"Reason: {row['reason']}")
    if row["changes"]:
        parts.append(f"Changes: {row['changes']}")
    if row["merged_into"]:
        parts.append(f"Merged into {row['merged_into']}.")
    return "\n".join(parts) or f"Version {row['version']} of {row['engagement']}."


async def atom(datasette: Any, request: Any) -> Response:
    db = await archive_database(datasette)
    limit = _setting(datasette, "atom_limit", ATOM_LIMIT)
    result = await db.execute(
        "select engagement, version, event, current_from, reason, changes, title, retracted, "
        "merged_into from revisions order by current_from desc, engagement, version desc "
        "limit :limit",
        {"limit": limit},
    )
    rows = [dict(r) for r in result.rows]
    feed = FeedGenerator()
    feed.id(datasette.absolute_url(request, ROUTES["atom"]))
    feed.title(f"{datasette.metadata('title') or 'timeline'}: new and corrected engagements")
    feed.author({"name": "timeline archive"})
    feed.link(href=datasette.absolute_url(request, ROUTES["atom"]), rel="self")
    feed.link(href=datasette.absolute_url(request, datasette.urls.instance()), rel="alternate")
    feed.updated(datetime.fromisoformat(rows[0]["current_from"]) if rows else datetime.now(UTC))
    # feedgen prepends each entry, so add the oldest first to list the newest first.
    for row in reversed(rows):
        entry = feed.add_entry()
        entry.id(entry_id(row["engagement"], row["version"]))
        entry.title(entry_title(row))
        entry.updated(datetime.fromisoformat(row["current_from"]))
        entry.summary(entry_summary(row))
        if row["retracted"]:
            path = datasette.urls.table(db.name, "revision_history")
            href = datasette.absolute_url(request, f"{path}?engagement={row['engagement']}")
        else:
            href = _row_url(datasette, request, db.name, row["engagement"])
        entry.link(href=href, rel="alternate")
    return Response(
        feed.atom_str(pretty=True).decode(), content_type="application/atom+xml; charset=utf-8"
    )


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        # A code (2 letters, 4 for a former state) or a name, which moves to the code's URL.
        (r"^/-/calendar/(?P<code>[^/]+)\.ics$", calendar),
        (r"^/-/changes\.atom$", atom),
    ]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": datasette.urls.path(ROUTES["atom"]), "label": "New and corrected (Atom)"}]
