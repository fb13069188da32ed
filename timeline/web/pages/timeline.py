"""The timeline pages: every country with engagements (/-/timeline), and a country's or a pair's
engagements over a window of time (/-/timeline/VN, /-/timeline/VN/US), drawn one by one when
there are few enough, else as counts per month or year. Also the scope and lane names that the
charts share."""

from __future__ import annotations

import re
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from datasette.database import Database
from datasette.utils.asgi import BadRequest, NotFound, Response
from markupsafe import Markup, escape

from timeline.projection.counts import COUNTRY_COUNTS, TIMELINE_COUNTS, YEAR_COUNTS
from timeline.web.collections import Chosen, chosen, legend, legend_links
from timeline.web.database import archive_database
from timeline.web.pages import drawing
from timeline.web.pages.counts import aggregate, cached
from timeline.web.pages.drawing import Item, Window, month_last, shift
from timeline.web.pages.render import country, moved, page_url, render

# A window with more engagements than this is drawn as counts per month or year.
MAX_MARKS = 2500
# A window this wide or wider is binned by year rather than by month.
YEARLY_BINS_FROM_DAYS = 8 * 366
DEFAULT_LANES = 10
MAX_LANES = 60
LIST_LIMIT = 300


# Windows of time from the query string


YEAR_OR_MONTH = re.compile(r"^\d{4}(-\d{2})?$")


def parse_bound(text: str, *, end: bool) -> date:
    """`2024` or `2024-07` as the first day of that span, or (end) its last day; any year of
    the calendar, 0001 to 9999."""
    text = text.strip()
    if YEAR_OR_MONTH.match(text):
        try:
            first, last = drawing.bin_span(text)
        except ValueError:
            pass
        else:
            return last if end else first
    raise BadRequest(
        f"{'to' if end else 'from'}: {text!r} is not a year (2024) or a month (2024-07) "
        "from 0001 to 9999"
    )


def bound_text(d: date, *, end: bool) -> str:
    """The query-string form of a window edge (its first day, or its last): a year when it
    falls on one, else a month."""
    year_edge = (12, 31) if end else (1, 1)
    return f"{d.year:04d}" if (d.month, d.day) == year_edge else drawing.month_key(d)


class Scope:
    """A country's timeline, or a pair's: the SQL filter on the indexed `timeline` table."""

    def __init__(self, code: str, counterpart: str | None, collections: Chosen | None = None):
        self.code, self.counterpart = code, counterpart
        self.collections = collections or Chosen(None, ())
        self.where = "t.country = ?" + (" and t.counterpart = ?" if counterpart else "")
        self.params: list[Any] = [code] + ([counterpart] if counterpart else [])
        in_collections, names = self.collections.where("t.collection")
        self.where += in_collections
        self.params += names
        # What the page's caches and links carry besides the country and counterpart.
        self.key = (code, counterpart, *self.collections.key)
        self.args = self.collections.args()
        # A country's lanes are its counterparts; a pair's, the kinds of engagement.
        self.lane = "t.kind" if counterpart else "t.counterpart"

    def path(self, prefix: str) -> str:
        return f"/-/{prefix}/{self.code}" + (f"/{self.counterpart}" if self.counterpart else "")

    async def extent(self, db: Database) -> tuple[date, date] | None:
        # Two subqueries, so each min/max is one seek on the (country, [counterpart,] start_date)
        # index.
        sql = (
            f"select (select min(start_date) from timeline t where {self.where}), "
            f"(select max(start_date) from timeline t where {self.where})"
        )
        lo, hi = (await db.execute(sql, self.params * 2)).first()
        if lo is None:
            return None
        return date.fromisoformat(lo), date.fromisoformat(hi)

    async def count(self, db: Database, window: Window) -> int:
        """The scope's rows in the window, kept until the file changes: the default window's
        count is asked for again as the page's total (a trip to an SQL thread on each first
        visit after a write)."""
        sql = (
            f"select count(*) from timeline t where {self.where} "
            "and t.start_date >= ? and t.start_date <= ?"
        )
        params = [*self.params, window.start.isoformat(), window.last.isoformat()]

        async def counted() -> int:
            return (await db.execute(sql, params)).first()[0]

        return await cached(db, ("count", sql, *params), counted)


async def default_window(db: Database, scope: Scope, extent: tuple[date, date]) -> Window:
    """The latest ten years, narrowed (five, two, one year, one month) until its engagements
    can be drawn one by one."""
    lo, hi = extent
    last = date(hi.year, 12, 31)
    for years in (10, 5, 2, 1):
        window = Window(date(max(hi.year - years + 1, lo.year), 1, 1), last)
        if await scope.count(db, window) <= MAX_MARKS:
            return window
    return Window(*drawing.bin_span(drawing.month_key(hi)))


def request_window(request: Any, extent: tuple[date, date]) -> Window | None:
    args = request.args
    if not args.get("from") and not args.get("to"):
        return None
    lo, hi = extent
    start = parse_bound(args["from"], end=False) if args.get("from") else date(lo.year, 1, 1)
    last = parse_bound(args["to"], end=True) if args.get("to") else date(hi.year, 12, 31)
    if last < start:
        raise BadRequest("from: the window must start before it ends")
    return Window(start, last)


def lane_limit(request: Any) -> int:
    text = request.args.get("lanes") or str(DEFAULT_LANES)
    if not text.isdigit() or not 1 <= int(text) <= MAX_LANES:
        raise BadRequest(f"lanes: {text!r} is not a number from 1 to {MAX_LANES}")
    return int(text)


# Pages


async def timeline_index(request: Any, datasette: Any) -> Response:
    db = await archive_database(datasette)
    collections = await chosen(db, request)
    in_collections, names = collections.where("k.collection")
    # Engagements per country in the collections asked for, from the count table the projector
    # keeps.
    rows = await db.execute(
        f"select code, name_en, name_vi, sum(k.n) as n from countries c join {COUNTRY_COUNTS} k "
        f"on k.country = c.code where k.n > 0{in_collections} group by code order by name_en",
        names,
    )
    args = collections.args()
    countries = [
        {
            **dict(r),
            "url": page_url(datasette, f"/-/timeline/{r['code']}", **args),
            "charts_url": page_url(datasette, f"/-/charts/{r['code']}", **args),
        }
        for r in rows
    ]

    def url(**params: Any) -> str:
        return page_url(datasette, "/-/timeline", **params)

    counts = {c["name"]: c["engagements"] for c in collections.known}
    context = {
        "countries": countries,
        "database": db.name,
        "collections": legend(collections, counts, url),
        **legend_links(collections, url),
    }
    return await render(datasette, request, "pages_index.html", context)


async def page_scope(
    db: Database, request: Any
) -> tuple[dict[str, str], dict[str, str] | None, Scope]:
    """The country of a page, its counterpart if the page is of a pair, and their scope."""
    vars_ = request.url_vars
    home = await country(db, vars_["country"])
    other = await country(db, vars_["counterpart"]) if vars_.get("counterpart") else None
    if other and other["code"] == home["code"]:
        raise NotFound(f"A pair needs two countries, not {home['code']} twice")
    collections = await chosen(db, request)
    return home, other, Scope(home["code"], other["code"] if other else None, collections)


async def timeline_page(request: Any, datasette: Any) -> Response:
    db = await archive_database(datasette)
    home, other, scope = await page_scope(db, request)
    if redirect := moved(datasette, request, scope.path("timeline")):
        return redirect
    limit = lane_limit(request)
    context: dict[str, Any] = {
        "database": db.name,
        "home": home,
        "other": other,
        "kinds": await kind_labels(db),
        "styles": drawing.KIND_STYLE,
        "legend_shapes": {
            k: drawing.shape_path(s, 9, 9) for k, (_, s) in drawing.KIND_STYLE.items()
        },
        "charts_url": page_url(datasette, scope.path("charts"), **scope.args),
        **await collection_legend(datasette, db, scope, "timeline"),
        "width": drawing.WIDTH,
        "gutter": drawing.GUTTER,
    }
    extent = await scope.extent(db)
    if extent is None:
        return await render(datasette, request, "pages_timeline.html", {**context, "empty": True})
    window = request_window(request, extent) or await cached(
        db, ("window", *scope.key), lambda: default_window(db, scope, extent)
    )
    total = await scope.count(db, window)
    engagement_url = datasette.urls.path("/-/engagement/")
    # Kept until timeline.db changes, as the counts are: reading a window's engagements, laying
    # them out and writing their marks took most of a pair's timeline (VN/US at 100,000
    # engagements, 1,140 marks: 47 ms of CPU warm, 1.14x plain Datasette's table page).
    items, drawn_lanes, drawn_cells, svg = await cached(
        db,
        ("drawn", *scope.key, window, total, MAX_MARKS, limit, engagement_url),
        lambda: draw_marked(db, scope, window, total, limit, engagement_url),
    )
    names = await lane_names(
        db, scope, sorted({lane.key for lane in drawn_lanes} | {i.lane for i in items})
    )
    lanes, cells = link_lanes(datasette, scope, window, drawn_lanes, drawn_cells, names)
    height = (lanes[-1].y + lanes[-1].height if lanes else drawing.AXIS) + 8
    context |= {
        "window": window,
        "window_label": window_label(window),
        "extent": extent,
        "total": total,
        "lanes": lanes,
        "lane_names": names,
        "cells": cells,
        "binned": bool(cells),
        "height": height,
        "ticks": [tick_link(datasette, scope, t, window) for t in drawing.ticks(window)],
        "nav": window_nav(datasette, scope, window, extent, limit),
        "items": items if len(items) <= LIST_LIMIT else [],
        "too_many_to_list": len(items) > LIST_LIMIT or bool(cells),
        "table_url": table_url(datasette, db.name, scope, window),
        "engagement_url": engagement_url,
        "marks_svg": svg,
        "limit": limit,
        "max_lanes": MAX_LANES,
        "from_text": bound_text(window.start, end=False),
        "to_text": bound_text(window.last, end=True),
    }
    return await render(datasette, request, "pages_timeline.html", context)


Drawn = tuple[list[Item], list[drawing.Lane], dict[str, list[drawing.Cell]], Markup]

# The latest windows' drawings, kept across writes with the rows they were drawn from: a write
# elsewhere in the archive leaves a window's rows as they were, and laying out and writing the
# marks again was most of a timeline's first visit after an append (VN/US at 100,000
# engagements, 1,140 marks: 26 of its 38 ms of CPU, 0.94x plain Datasette's table page's
# 40.5 ms). The rows are read again after each write (6-11 ms of SQL) and compared; only when
# they are the same is the drawing reused. A few windows only: VN/US's drawing with its rows
# holds about 2.8 MB (1,140 marks, 440,000 characters of SVG), one of 2,500 marks twice that.
DRAWINGS_KEPT = 8
_drawings: OrderedDict[tuple[Any, ...], tuple[Any, Drawn]] = OrderedDict()


def drawn_again(key: tuple[Any, ...], source: Any, draw: Callable[[], Drawn]) -> Drawn:
    """The drawing kept for `key` if it was drawn from the same `source`, else `draw()`'s."""
    kept = _drawings.get(key)
    if kept is not None and kept[0] == source:
        _drawings.move_to_end(key)
        return kept[1]
    drawn = draw()
    _drawings[key] = (source, drawn)
    while len(_drawings) > DRAWINGS_KEPT:
        _drawings.popitem(last=False)
    return drawn


async def draw_marked(
    db: Database, scope: Scope, window: Window, total: int, limit: int, engagement_url: str
) -> Drawn:
    """Each engagement as a mark when there are few enough, else counts per month or year;
    and the marks' SVG."""
    key = (db.path, *scope.key, window, limit, engagement_url)
    if total <= MAX_MARKS:
        rows = await window_rows(db, scope, window)

        def marked() -> Drawn:
            items = window_items(rows)
            lanes = drawing.layout_marks(items, window, limit)
            return items, lanes, {}, marks_svg(lanes, engagement_url)

        return drawn_again(("marks", *key), rows, marked)
    bins = await cached(db, ("bins", *scope.key, window), lambda: window_bins(db, scope, window))

    def binned() -> Drawn:
        lanes, cells = drawing.layout_cells(bins, window, limit)
        return [], lanes, cells, marks_svg(lanes, engagement_url)

    return drawn_again(("bins", *key), bins, binned)


def link_lanes(
    datasette: Any,
    scope: Scope,
    window: Window,
    lanes: list[drawing.Lane],
    cells: dict[str, list[drawing.Cell]],
    names: dict[str, str],
) -> tuple[list[drawing.Lane], dict[str, list[drawing.Cell]]]:
    """The lanes named; a counterpart's lane and its cells opening the pair's timeline. Copies:
    the lanes and cells given are kept between requests, whose links differ (`?collection=`
    spelled differently)."""
    linked_lanes, linked_cells = [], dict(cells)
    for lane in lanes:
        path, url = scope.path("timeline"), None
        if not scope.counterpart and lane.key != drawing.OTHERS:
            path = f"/-/timeline/{scope.code}/{lane.key}"
            url = page_url(datasette, path, **window_args(window), **scope.args)
        linked_lanes.append(replace(lane, label=names.get(lane.key, lane.key), url=url))
        if lane.key in cells:
            linked_cells[lane.key] = [
                replace(
                    cell,
                    url=page_url(
                        datasette, path, **window_args(Window(cell.start, cell.last)), **scope.args
                    ),
                )
                for cell in cells[lane.key]
            ]
    return linked_lanes, linked_cells


async def window_rows(db: Database, scope: Scope, window: Window) -> list[tuple[Any, ...]]:
    """The window's engagements, as plain tuples (compared with the kept drawing's)."""
    sql = f"""
        select {scope.lane} as lane, t.start_date, t.end_date,
               coalesce(e.date_precision, 'day') as precision, t.kind, t.engagement, t.title,
               t.date_label
        from timeline t left join engagements e on e.slug = t.engagement
        where {scope.where} and t.start_date >= ? and t.start_date <= ?
        order by t.start_date, t.engagement
    """
    params = [*scope.params, window.start.isoformat(), window.last.isoformat()]
    return [tuple(r) for r in await db.execute(sql, params)]


def window_items(rows: list[tuple[Any, ...]]) -> list[Item]:
    return [
        Item(
            lane,
            date.fromisoformat(start),
            date.fromisoformat(end),
            precision,
            kind,
            engagement,
            title,
            label or start,
        )
        for lane, start, end, precision, kind, engagement, title, label in rows
    ]


async def window_bins(db: Database, scope: Scope, window: Window) -> dict[tuple[str, str], int]:
    width = 4 if window.days >= YEARLY_BINS_FROM_DAYS else 7
    # Over many years, reading all of the country's entries of the covering index
    # (country, counterpart, start_date) beats a range of (country, start_date) plus a table
    # lookup per row; a unary + keeps SQLite from using start_date for the range.
    column = "+t.start_date" if window.days > 3 * 366 else "t.start_date"
    sql = f"""
        select {scope.lane} as lane_key, substr(t.start_date, 1, {width}) as bin_key,
               count(*) as n
        from timeline t
        where {scope.where} and {column} >= ? and {column} <= ?
        group by lane_key, bin_key
    """
    params = [*scope.params, window.start.isoformat(), window.last.isoformat()]
    return {(lane, bin_): n for lane, bin_, n in await aggregate(db, sql, params)}


async def kind_labels(db: Database) -> dict[str, dict[str, str]]:
    """The kinds' labels, kept until the file changes (a pair's page asks twice)."""

    async def read() -> dict[str, dict[str, str]]:
        rows = await db.execute("select key, label_en, label_vi from kinds")
        return {r["key"]: {"en": r["label_en"], "vi": r["label_vi"]} for r in rows}

    return await cached(db, ("kind_labels",), read)


async def lane_names(db: Database, scope: Scope, keys: list[str]) -> dict[str, str]:
    names = {drawing.OTHERS: "Others"}
    if scope.counterpart:
        kinds = await kind_labels(db)
        return names | {k: v["en"] for k, v in kinds.items()}
    if keys:
        marks = ",".join("?" * len(keys))
        rows = await db.execute(
            f"select code, name_en from countries where code in ({marks})", keys
        )
        names |= {r["code"]: r["name_en"] for r in rows}
    return names


def window_args(window: Window) -> dict[str, str]:
    return {"from": bound_text(window.start, end=False), "to": bound_text(window.last, end=True)}


def window_label(window: Window) -> str:
    a, b = bound_text(window.start, end=False), bound_text(window.last, end=True)
    return a if a == b else f"{a} – {b}"


def tick_link(datasette: Any, scope: Scope, tick: drawing.Tick, window: Window) -> dict[str, Any]:
    """A year label zooms to that year, when the window is wider than one."""
    url = None
    if tick.major and tick.label.isdigit() and window.days > 366:
        span = {"from": tick.label, "to": tick.label}
        url = page_url(datasette, scope.path("timeline"), **span, **scope.args)
    return {"x": tick.x, "label": tick.label, "major": tick.major, "url": url}


def window_nav(
    datasette: Any, scope: Scope, window: Window, extent: tuple[date, date], limit: int
) -> dict[str, str | None]:
    """Links to the window before and after (same length), twice as wide, and every year."""
    lanes = None if limit == DEFAULT_LANES else limit
    path = scope.path("timeline")
    keep = {"lanes": lanes, **scope.args}
    span = window.days
    lo, hi = extent
    out: dict[str, str | None] = {"earlier": None, "later": None}
    if window.start > date(lo.year, 1, 1):
        before = Window(_align_start(shift(window.start, -span)), shift(window.start, -1))
        out["earlier"] = page_url(datasette, path, **keep, **window_args(before))
    if window.last < hi:
        after = Window(shift(window.last, 1), _align_last(shift(window.last, span)))
        out["later"] = page_url(datasette, path, **keep, **window_args(after))
    wider = Window(
        _align_start(shift(window.start, -(span // 2))), _align_last(shift(window.last, span // 2))
    )
    out["wider"] = page_url(datasette, path, **keep, **window_args(wider))
    whole = Window(date(lo.year, 1, 1), date(hi.year, 12, 31))
    out["all"] = page_url(datasette, path, **keep, **window_args(whole))
    return out


def _align_start(d: date) -> date:
    """The first of the nearest month, so windows stay whole months (within the calendar)."""
    first = date(d.year, d.month, 1)
    after = shift(month_last(d), 1)
    return first if d.day < 16 or after == month_last(d) else after


def _align_last(d: date) -> date:
    """The last day of the nearest month end: of this month from its 15th on, else of the one
    before (within the calendar)."""
    first = date(d.year, d.month, 1)
    before = shift(first, -1)
    return month_last(d) if d.day >= 15 or before == first else before


def table_url(datasette: Any, database: str, scope: Scope, window: Window) -> str:
    params = {"country": scope.code, "counterpart": scope.counterpart}
    if scope.collections.names is not None and len(scope.collections.names) == 1:
        params["collection"] = scope.collections.names[0]
    elif scope.collections.names is not None:
        params["collection__in"] = ",".join(scope.collections.names)
    params |= {
        "start_date__gte": window.start.isoformat(),
        "start_date__lte": window.last.isoformat(),
    }
    return page_url(datasette, datasette.urls.table(database, "timeline"), **params)


async def collection_legend(
    datasette: Any, db: Database, scope: Scope, prefix: str
) -> dict[str, Any]:
    """What the page's legend says of collections: those with engagements in this country's
    (or pair's) timeline, how many each, which are shown, and links to show others."""
    counts = await legend_counts(db, scope)

    def url(**args: Any) -> str:
        return page_url(datasette, scope.path(prefix), **args)

    found = {name: n for name, n in counts}
    return {
        "collections": legend(scope.collections, found, url),
        **legend_links(scope.collections, url),
    }


async def legend_counts(db: Database, scope: Scope) -> list[tuple[str, int]]:
    """Engagements per collection in this country's (or pair's) timeline, from the count tables
    the projector keeps (timeline.projection.counts): a pair's engagement has one row in its
    timeline, so its year counts add up to it. Counting the rows instead read all 63,000 of
    Vietnam's at 100,000 engagements, 150 ms on the first visit after each write; a file built
    before the count table is counted from its rows."""
    if scope.counterpart:
        sql = (
            f"select collection, sum(n) from {YEAR_COUNTS} where country = ? "
            "and counterpart = ? group by collection"
        )
        return await aggregate(db, sql, [scope.code, scope.counterpart])
    sql = f"select collection, n from {TIMELINE_COUNTS} where country = ?"
    try:
        return await aggregate(db, sql, [scope.code])
    except sqlite3.OperationalError:
        sql = (
            "select t.collection, count(distinct t.engagement) from timeline t "
            "where t.country = ? group by t.collection"
        )
        return await cached(
            db, ("collections", scope.code), lambda: aggregate(db, sql, [scope.code])
        )


def marks_svg(lanes: list[drawing.Lane], engagement_url: str) -> Markup:
    """Each engagement's mark as the page's SVG draws it, written here rather than by a loop of
    the template: Datasette's asynchronous Jinja took 240 ms for the 2,500 marks of Vietnam and
    the United States at 100,000 engagements (1.3x plain Datasette's table page); the same
    text in a tenth of that (tests/web/test_pages.py compares the two)."""
    out = []
    url = escape(engagement_url)  # each value escaped once: 1-2 µs a call, 2,500 marks
    for lane in lanes:
        for m in lane.marks:
            colour, path = escape(m.colour), escape(m.path)
            precision, slug = escape(m.precision), escape(m.slug)
            out.append(
                f'\n  <a class="tl-mark tl-{precision}" href="{url}{slug}" data-slug="{slug}" '
                f'data-kind="{escape(m.kind)}" data-precision="{precision}">'
                f"<title>{escape(m.title)}</title>\n  "
            )
            geometry = f'x="{m.x:.1f}" y="{m.y:.1f}" width="{m.w:.1f}" height="{escape(m.h)}"'
            if m.precision in ("month", "year"):
                out.append(
                    f'<rect class="tl-band" {geometry} fill="{colour}" stroke="{colour}"></rect>'
                    f'<path class="tl-band-shape" d="{path}" stroke="{colour}"></path>'
                )
            elif m.precision == "range":
                out.append(
                    f'<rect class="tl-bar" {geometry} rx="4" fill="{colour}"></rect>'
                    f'<path class="tl-point" d="{path}" fill="{colour}"></path>'
                )
            else:
                out.append(f'<path class="tl-point" d="{path}" fill="{colour}"></path>')
            out.append("</a>\n")
    return Markup("".join(out) + "\n")
