"""Datasette plugin: iCalendar feeds of a country's engagements (`/-/calendar/VN.ics`), a pair's
(`/-/calendar/VN/US.ics`) and a collection's (`/-/calendar/collection/NAME.ics`), and an Atom
feed of engagements newly recorded, corrected, sourced or retracted (`/-/changes.atom`, by
`?country=` and `?collection=`), each entry saying what changed.

A country's or pair's calendar, and the Atom feed, hold the collections shown by default (the
security engagements) unless `?collection=NAME` (repeatable, or `all`) asks for others.

Dates are what the record knows: a day or a range of days is an all-day event (`VALUE=DATE`, the
end exclusive as RFC 5545 wants), and a month or a year is an all-month or all-year span flagged
as such in the description, never a midnight timestamp."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import uuid
from collections import OrderedDict
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import unquote

import icalendar
from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils.asgi import BadRequest, Response
from feedgen.feed import FeedGenerator

from events import UnknownCountry, resolve_country
from events.countries import country
from timeline.web.calendar_rows import calendar_rows
from timeline.web.changes import describe
from timeline.web.collections import Chosen, choose, chosen
from timeline.web.database import archive_database
from timeline.web.pages.counts import cached
from timeline.web.schema_cache import file_stamp

# A calendar holds the latest engagements only: a client that subscribes to a country's feed
# should not have to digest every engagement of a million-row archive.
CALENDAR_LIMIT = 2000
ATOM_LIMIT = 100
# A calendar's row: a dict, or SQLite's row as Datasette returns it.
Row = dict[str, Any] | sqlite3.Row
PRODID = "-//timeline//security diplomacy archive//EN"
STATUS = {"held": "CONFIRMED", "planned": "TENTATIVE", "cancelled": "CANCELLED"}
ROUTES = {
    "calendar": "/-/calendar/{code}.ics",
    "pair": "/-/calendar/{code}/{counterpart}.ics",
    "collection": "/-/calendar/collection/{name}.ics",
    "atom": "/-/changes.atom",
}


def _setting(datasette: Any, name: str, default: int) -> int:
    config = datasette.plugin_config("timeline") or {}
    return int(config.get(name, default))


def _engagement_path(datasette: Any, slug: str) -> str:
    """An engagement's record page (its facts, sources and history; a retraction, if any)."""
    return datasette.urls.path(f"/-/engagement/{slug}")


def _row_url(datasette: Any, request: Any, slug: str) -> str:
    return datasette.absolute_url(request, _engagement_path(datasette, slug))


def _country_code(text: str, what: str) -> str:
    """The code of a country typed as a code or a name; a 400 suggesting the closest if none."""
    try:
        return resolve_country(text)
    except UnknownCountry as e:
        raise BadRequest(f"{what}: {e}") from None


def precision_note(row: dict[str, Any]) -> str | None:
    """What a reader of a calendar must know about a date that is not a day or days."""
    if row["date_precision"] == "month":
        return f"Date known to the month only: {row['date_label']} (shown as the whole month)."
    if row["date_precision"] == "year":
        return f"Date known to the year only: {row['date_label']} (shown as the whole year)."
    return None


# What `calendar_event` writes an event from (and `EventTexts` keeps its text by): the whole
# row held search text, notes and inferred facts too, a third of a calendar's reading.
EVENT_COLUMNS = ", ".join(
    f"e.{c}"
    for c in (
        "slug", "id", "title", "title_vi", "summary", "start_date", "end_date", "date_precision",
        "date_label", "modified_at", "venue", "city", "latitude", "longitude", "kind", "status",
    )
)  # fmt: skip


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
    """A country's calendar, or a pair's (`/-/calendar/VN/US.ics`); asked for by a country's
    name (`Việt Nam.ics`), it moves to the codes' URL, query kept."""
    typed = unquote(request.url_vars["code"])
    code = _country_code(typed, "country")
    other = unquote(request.url_vars.get("counterpart") or "")
    counterpart = _country_code(other, "counterpart") if other else None
    if counterpart == code:
        raise BadRequest(f"counterpart: a pair needs two countries, not {code} twice")
    if typed.strip().upper() != code or other.strip().upper() != (counterpart or ""):
        route = ROUTES["pair" if counterpart else "calendar"]
        query = f"?{request.query_string}" if request.query_string else ""
        path = route.format(code=code, counterpart=counterpart)
        return Response.redirect(datasette.urls.path(path) + query)
    db = await archive_database(datasette)
    collections = await chosen(db, request)
    limit = _setting(datasette, "calendar_limit", CALENDAR_LIMIT)
    in_collections, named = collections.named("collection")
    pair = " and counterpart = :counterpart" if counterpart else ""
    params = {"code": code, "counterpart": counterpart, "limit": limit, **named}
    # Walks the (country, [counterpart,] collection, start_date) index newest first and stops
    # at the limit.
    latest = (
        "select distinct start_date, engagement from timeline where country = :code"
        f"{pair}{in_collections} order by start_date desc, engagement limit :limit"
    )
    title = country(code).name_en + (f" – {country(counterpart).name_en}" if counterpart else "")
    filename = code + (f"-{counterpart}" if counterpart else "")
    return await _calendar_response(datasette, request, db, latest, params, title, filename)


async def collection_calendar(datasette: Any, request: Any) -> Response:
    """Every engagement of one collection, newest first within the limit."""
    db = await archive_database(datasette)
    name = request.url_vars["name"]
    await choose(db, [name])  # an unknown collection is a 400 naming the closest
    limit = _setting(datasette, "calendar_limit", CALENDAR_LIMIT)
    latest = (
        "select start_date, slug as engagement from engagements where collection = :name "
        "order by start_date desc, slug limit :limit"
    )
    params = {"name": name, "limit": limit}
    label = (await db.execute("select label from collections where name = ?", [name])).first()
    title = label[0] if label and label[0] else name
    return await _calendar_response(datasette, request, db, latest, params, title, name)


async def _calendar_response(
    datasette: Any,
    request: Any,
    db: Any,
    latest: str,
    params: dict[str, Any],
    title: str,
    filename: str,
) -> Response:
    # The origin once: Datasette's absolute_url rebuilds the request's URL on each call, 2 ms
    # a row (4.7 s of a 2,000-event calendar at 100k engagements).
    origin = datasette.absolute_url(request, "/").rstrip("/")
    # Kept until timeline.db changes, as the pages keep their counts, before the query: reading
    # 2,000 engagements again took longer than plain Datasette's table page (1.3x at 100k).
    text = await cached(
        db,
        ("calendar", title, repr(sorted(params.items())), origin + _engagement_path(datasette, "")),
        lambda: _calendar_text(datasette, db, latest, params, title, origin),
    )
    return Response(
        text,
        content_type="text/calendar; charset=utf-8",
        headers={"content-disposition": f'inline; filename="{filename}.ics"'},
    )


async def _calendar_text(
    datasette: Any, db: Any, latest: str, params: dict[str, Any], title: str, origin: str
) -> str:
    # SQLite's rows as they come: a kept event is found by the row's values, and only an event
    # written afresh needs a dict (copying 2,000 rows into dicts took 5 ms after each append).
    # After a write, only the rows of the engagements it revised are read again.
    rows = await _calendar_rows(datasette, db, latest, params, title)
    prefix = origin + _engagement_path(datasette, "")
    urls = [prefix + row["slug"] for row in rows]
    # Writing a few thousand events takes the icalendar package a while (1-2 s for 2,000 at
    # 100k engagements; EventTexts keeps each event's text): off the event loop, so other
    # requests are served meanwhile.
    return await asyncio.to_thread(calendar_text, title, params["limit"], rows, urls)


# An engagement's row as a calendar event shows it, for the slugs of a JSON array `:slugs`.
CALENDAR_ROWS = (
    f"select {EVENT_COLUMNS}, c.name_en as place_name from engagements e "
    "left join countries c on c.code = e.country "
    "where e.slug in (select value from json_each(:slugs))"
)


async def _calendar_rows(
    datasette: Any, db: Any, latest: str, params: dict[str, Any], title: str
) -> list[Row]:
    """The calendar's rows, newest first (`latest`'s order), as `calendar_rows` keeps them."""
    key = (db.path, title, repr(sorted(params.items())))
    file = (file_stamp(db.path)[0] or (None,))[0] if db.path else None
    limit_ms = datasette.setting("sql_time_limit_ms")
    try:
        return await db.execute_fn(
            lambda conn: calendar_rows(conn, key, file, latest, CALENDAR_ROWS, params, limit_ms)
        )
    except sqlite3.OperationalError as e:
        if e.args == ("interrupted",):
            raise QueryInterrupted(e, latest, params) from e
        raise


def calendar_header(name: str, limit: int) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Engagements: {name}")
    cal.add("x-wr-caldesc", f"Engagements in the archive: {name} (the latest {limit} at most).")
    return cal


def calendar_text(name: str, limit: int, rows: Sequence[Row], urls: list[str]) -> str:
    """The calendar as icalendar writes it (`Calendar.to_ical`: its own properties, then each
    event's lines in order, then END), each event's text taken from `event_texts` when its row
    and link are unchanged. Rows are dicts or SQLite's rows, all with the same columns."""
    header = calendar_header(name, limit).to_ical().decode()
    assert header.endswith(CALENDAR_END)
    columns = tuple(rows[0].keys()) if rows else ()
    body = "".join(_event_texts.get(columns, row, url) for row, url in zip(rows, urls, strict=True))
    return header[: -len(CALENDAR_END)] + body + CALENDAR_END


CALENDAR_END = "END:VCALENDAR\r\n"


class EventTexts:
    """Each event's iCalendar text, keyed by everything it is written from (its whole row and
    its link), so a write re-renders only the events it changed. After an append at 100,000
    engagements, writing a 2,000-event calendar again took icalendar ~1 s (12x plain
    Datasette's table page, bench/bench_visitor_pages.py); its events are mostly unchanged.
    Least recently used dropped past `size`; a lock, as calendars are written in threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.texts: OrderedDict[tuple[Any, ...], str] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, columns: tuple[str, ...], row: Row, url: str) -> str:
        # The row's values, not its (column, value) pairs: hashing 2,000 rows' pairs took
        # 9 ms of a calendar's 50 ms of CPU after an append, their values 2 ms.
        values = tuple(row.values()) if isinstance(row, dict) else tuple(row)
        key = (url, columns, values)
        with self.lock:
            text = self.texts.get(key)
            if text is not None:
                self.texts.move_to_end(key)
                return text
        text = calendar_event(dict(zip(columns, values, strict=True)), url).to_ical().decode()
        with self.lock:
            self.texts[key] = text
            while len(self.texts) > self.size:
                self.texts.popitem(last=False)
        return text


# A few calendars' worth of events (a calendar holds CALENDAR_LIMIT at most; ~700 bytes each).
_event_texts = EventTexts(size=10 * CALENDAR_LIMIT)


def entry_id(slug: str, version: int) -> str:
    """The same revision always has the same id, whichever server publishes it."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"timeline:{slug}:{version}").urn


def entry_title(row: dict[str, Any]) -> str:
    what = {"Recorded": "Recorded", "Corrected": "Corrected", "SourceAdded": "Source added"}
    if row["retracted"]:
        return f"Retracted: {row['title']}"
    return f"{what.get(row['event'], row['event'])}: {row['title']}"


def entry_summary(row: dict[str, Any], collection_label: str | None = None) -> str:
    """What the revision changed (timeline.web.changes), then why."""
    return "\n".join(describe(row, collection_label))


async def atom(datasette: Any, request: Any) -> Response:
    db = await archive_database(datasette)
    code = request.args.get("country")
    code = _country_code(code, "country") if code else None
    collections = await chosen(db, request)
    limit = _setting(datasette, "atom_limit", ATOM_LIMIT)
    rows = await atom_rows(db, code, collections, limit)
    labels = {c["name"]: c["label"] for c in collections.known}
    feed = FeedGenerator()
    here = datasette.absolute_url(request, request.full_path)
    feed.id(here)
    what = "new and corrected engagements" + (f" of {country(code).name_en}" if code else "")
    feed.title(f"{datasette.metadata('title') or 'timeline'}: {what}")
    feed.subtitle(_collections_text(collections, labels))
    feed.author({"name": "timeline archive"})
    feed.link(href=here, rel="self")
    feed.link(href=datasette.absolute_url(request, datasette.urls.instance()), rel="alternate")
    feed.updated(datetime.fromisoformat(rows[0]["current_from"]) if rows else datetime.now(UTC))
    # feedgen prepends each entry, so add the oldest first to list the newest first.
    for row in reversed(rows):
        entry = feed.add_entry()
        entry.id(entry_id(row["engagement"], row["version"]))
        entry.title(entry_title(row))
        entry.updated(datetime.fromisoformat(row["current_from"]))
        entry.summary(entry_summary(row, labels.get(row["collection"])))
        entry.link(href=_row_url(datasette, request, row["engagement"]), rel="alternate")
        if row["collection"]:
            entry.category(term=row["collection"], label=labels.get(row["collection"]))
    return Response(
        feed.atom_str(pretty=True).decode(), content_type="application/atom+xml; charset=utf-8"
    )


def _collections_text(collections: Chosen, labels: dict[str, str]) -> str:
    if collections.names is None:
        return "Every collection."
    return "Collections: " + ", ".join(labels.get(n) or n for n in collections.names) + "."


async def atom_rows(
    db: Any, code: str | None, collections: Chosen, limit: int
) -> list[dict[str, Any]]:
    """The latest revisions, newest first, with the state before each (to say what changed)."""
    latest, params = _latest_revisions(code, collections, limit)
    result = await db.execute(
        f"with latest as ({latest}) "
        "select r.engagement, r.version, r.event, r.current_from, r.reason, r.changes, r.title, "
        "r.retracted, r.merged_into, r.collection, r.state, p.state as previous "
        "from latest join revisions r on r.rowid = latest.id left join revisions p "
        "on p.engagement = r.engagement and p.version = r.version - 1 "
        f"order by {NEWEST_FIRST} limit ?",
        [*params, limit],
    )
    return [dict(r) for r in result.rows]


NEWEST_FIRST = "r.current_from desc, r.engagement, r.version desc"


def _latest_revisions(code: str | None, collections: Chosen, limit: int) -> tuple[str, list[Any]]:
    """The rowids of the latest `limit` revisions of each collection asked for (of all, for
    every collection), each read newest first from the (collection, current_from) or
    (current_from) index and stopping at the limit. One query over `collection in (...)`
    sorted every revision of those collections, states and all: 1.4-2 s at 100,000
    engagements (8.5x plain Datasette's table page, bench/bench_visitor_pages.py)."""
    where, params = "", []
    if code:
        where = " and exists (select 1 from json_each(r.countries) where value = ?)"
        params = [code]
    arm = "select * from (select r.rowid as id from revisions r where {} order by {} limit ?)"
    if collections.names is None:
        return arm.format("1" + where, NEWEST_FIRST), [*params, limit]
    if not collections.names:
        return "select null as id where 0", []
    arms = [arm.format("r.collection = ?" + where, NEWEST_FIRST) for _ in collections.names]
    return " union all ".join(arms), [x for n in collections.names for x in (n, *params, limit)]


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/-/calendar/collection/(?P<name>[^/]+)\.ics$", collection_calendar),
        # A code (2 letters, 4 for a former state) or a name, which moves to the code's URL.
        (r"^/-/calendar/(?P<code>[^/]+)/(?P<counterpart>[^/]+)\.ics$", calendar),
        (r"^/-/calendar/(?P<code>[^/]+)\.ics$", calendar),
        (r"^/-/changes\.atom$", atom),
    ]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": datasette.urls.path(ROUTES["atom"]), "label": "New and corrected (Atom)"}]
