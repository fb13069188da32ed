"""The charts page (/-/charts/VN, /-/charts/VN/US): engagements per year per counterpart (or per
kind, for a pair) as stacked bars, and topics over time as a heatmap."""

from __future__ import annotations

import sqlite3
from typing import Any

from datasette.database import Database
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from timeline.projection.counts import TOPIC_COUNTS, YEAR_COUNTS, YEAR_TOTALS
from timeline.web.database import archive_database
from timeline.web.pages import drawing
from timeline.web.pages.counts import aggregate, cached
from timeline.web.pages.render import moved, page_url, render
from timeline.web.pages.timeline import Scope, collection_legend, lane_names, page_scope

TOPIC_ROWS = 20
# Series coloured in the bars; the rest are drawn together as others.
BAR_SERIES = 8


async def charts_page(request: Any, datasette: Any) -> Response:
    db = await archive_database(datasette)
    home, other, scope = await page_scope(db, request)
    if redirect := moved(datasette, request, scope.path("charts")):
        return redirect
    context: dict[str, Any] = {
        "database": db.name,
        "home": home,
        "other": other,
        "timeline_url": page_url(datasette, scope.path("timeline"), **scope.args),
        **await collection_legend(datasette, db, scope, "charts"),
    }
    key = scope.key
    per_year, totals = await cached(db, ("years", *key), lambda: year_counts(db, scope))
    topics = await cached(db, ("topics", *key), lambda: topic_counts(db, scope))
    names = await lane_names(db, scope, sorted({s for _, s in per_year}))
    topic_rows = await db.execute("select key, label_en, label_vi from topics")
    bars = drawing.stacked_bars(per_year, BAR_SERIES, totals)
    heat = drawing.heatmap(topics, limit=TOPIC_ROWS)
    topic_labels = {r["key"]: (r["label_en"], r["label_vi"]) for r in topic_rows}
    context |= {
        "bars": bars,
        "bars_svg": bars_svg(bars, names),
        "heat": heat,
        "heat_svg": heat_svg(heat, topic_labels),
        "topic_rows": TOPIC_ROWS,
        "names": names,
        "topic_labels": topic_labels,
        "series_label": "kind" if scope.counterpart else "counterpart",
    }
    return await render(datasette, request, "pages_charts.html", context)


async def year_counts(
    db: Database, scope: Scope
) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """Engagements per year and counterpart (per kind, for a pair), from the count table the
    projector keeps (timeline.projection.counts), the counterparts past the busiest added up
    per year as "others", as the chart draws them; and each one's total. Vietnam's 8,000
    (year, counterpart) counts at 100,000 engagements took 300-400 ms to bring into Python on
    the first visit after each write (3.4x plain Datasette's table page); the ~300 drawn are a
    few milliseconds."""
    series = "kind" if scope.counterpart else "counterpart"
    where = "country = ?" + (" and counterpart = ?" if scope.counterpart else "")
    where += scope.collections.where("collection")[0]
    sql = f"select {series}, sum(n) from {YEAR_COUNTS} where {where} group by {series}"
    totals = {key: n for key, n in await aggregate(db, sql, scope.params)}
    shown, folded = drawing.lane_order(totals, BAR_SERIES)
    if folded and not scope.counterpart:
        try:
            return await drawn_and_others(db, scope, shown), totals
        except sqlite3.OperationalError:  # a file built before the year totals
            pass
    column = series
    params = list(scope.params)
    if folded:
        column = f"case when {series} in ({', '.join('?' for _ in shown)}) then {series} else ? end"
        params = [*shown, drawing.OTHERS, *params]
    sql = f"""
        select year, {column} as series_key, sum(n) from {YEAR_COUNTS} where {where}
        group by year, series_key
    """
    counts = {(year, key): n for year, key, n in await aggregate(db, sql, params)}
    return counts, totals


async def drawn_and_others(
    db: Database, scope: Scope, shown: list[str]
) -> dict[tuple[str, str], int]:
    """A country's engagements per year and counterpart drawn, read for those counterparts
    alone, and per year the rest as "others": the year's total (`timeline_year_totals`) less
    the drawn. Folding every counterpart's counts in SQL sorted Vietnam's 18,000 of them by
    year, 9.4 ms of the charts' 15 ms of SQL on each first visit after a write at 100,000
    engagements; this, 0.7 ms."""
    in_collections, names = scope.collections.where("collection")
    marks = ", ".join("?" for _ in shown)
    sql = (
        f"select year, counterpart, sum(n) from {YEAR_COUNTS} where country = ? "
        f"and counterpart in ({marks}){in_collections} group by year, counterpart"
    )
    counts = {
        (year, key): n for year, key, n in await aggregate(db, sql, [scope.code, *shown, *names])
    }
    sql = f"select year, sum(n) from {YEAR_TOTALS} where country = ?{in_collections} group by year"
    drawn: dict[str, int] = {}
    for (year, _), n in counts.items():
        drawn[year] = drawn.get(year, 0) + n
    for year, n in await aggregate(db, sql, [scope.code, *names]):
        if n > drawn.get(year, 0):
            counts[(year, drawing.OTHERS)] = n - drawn.get(year, 0)
    return counts


async def topic_counts(db: Database, scope: Scope) -> dict[tuple[str, str], int]:
    """Engagements per topic and year: a country's from its count table; a pair's, counted from
    its rows (a pair's rows are few: a country's timeline has a row per counterpart, so each
    engagement is counted once)."""
    if not scope.counterpart:
        where = "country = ?" + scope.collections.where("collection")[0]
        sql = f"select topic, year, sum(n) from {TOPIC_COUNTS} where {where} group by 1, 2"
        return {(t, y): n for t, y, n in await aggregate(db, sql, scope.params)}
    sql = f"""
        select et.topic as topic_key, substr(x.start_date, 1, 4) as year_key, count(*) as n
        from (select distinct t.engagement, t.start_date from timeline t where {scope.where}) x
        join engagement_topics et on et.engagement = x.engagement
        group by topic_key, year_key
    """
    return {(topic, year): n for topic, year, n in await aggregate(db, sql, scope.params)}


def bars_svg(bars: drawing.BarChart, names: dict[str, str]) -> Markup:
    """The bar chart's gridlines, bars and years as the page's SVG draws them, written here
    rather than by loops of the template: Datasette's asynchronous Jinja took most of the
    charts page's 33 ms of CPU at 100,000 engagements, warm (Vietnam's ~300 bars and ~400
    cells); tests/web/test_pages.py compares the text with the loops'."""
    out = []
    for y, v in bars.grid:
        out.append(
            f'\n  <line class="tl-grid" x1="48" x2="{escape(bars.width - 16)}" y1="{y:.1f}" '
            f'y2="{y:.1f}"></line>\n  <text class="tl-tick" x="42" y="{y + 4:.1f}" '
            f'text-anchor="end">{escape(v)}</text>\n'
        )
    out.append("\n")
    for b in bars.bars:
        series, year, count = escape(b.series), escape(b.year), escape(b.count)
        out.append(
            f'\n  <rect class="tl-barseg" x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" '
            f'height="{b.h:.1f}" fill="{escape(b.colour)}" data-series="{series}" '
            f'data-year="{year}" data-count="{count}"><title>{year}: '
            f"{escape(names.get(b.series, b.series))}, {count}</title></rect>\n"
        )
    out.append("\n")
    for t in bars.years:
        out.append(
            f'\n  <text class="tl-tick" x="{t.x:.1f}" y="{bars.baseline + 18:.1f}" '
            f'text-anchor="middle">{escape(t.label)}</text>\n'
        )
    return Markup("".join(out))


def heat_svg(heat: drawing.Heatmap, topic_labels: dict[str, tuple[str, str]]) -> Markup:
    """The heatmap's years, topics and cells as the page's SVG draws them (see `bars_svg`)."""
    out = []
    for t in heat.columns:
        out.append(
            f'\n  <text class="tl-tick" x="{t.x:.1f}" y="14" text-anchor="middle">'
            f"{escape(t.label)}</text>\n"
        )
    out.append("\n")
    for key, y in heat.rows:
        label = topic_labels[key][0] if key in topic_labels else key
        out.append(
            f'\n  <text class="tl-lane-label" x="{escape(heat.left - 8)}" y="{y + 4:.1f}" '
            f'text-anchor="end">{escape(label)}</text>\n'
        )
    out.append("\n")
    for c in heat.cells:
        en, vi = topic_labels.get(c.row, (c.row, ""))
        count = escape(c.count)
        out.append(
            f'\n  <rect class="tl-heat" x="{c.x:.1f}" y="{c.y:.1f}" width="{c.w:.1f}" '
            f'height="{escape(c.h)}" fill-opacity="{escape(c.opacity)}" '
            f'data-topic="{escape(c.row)}" data-year="{escape(c.column)}" data-count="{count}">'
            f"<title>{escape(en)} ({escape(vi)}), {escape(c.column)}: {count}</title></rect>\n  "
        )
        if c.w > 18:
            dark = " tl-on-dark" if c.opacity > 0.55 else ""
            out.append(
                f'<text class="tl-heat-n{dark}" x="{c.x + c.w / 2:.1f}" '
                f'y="{c.y + c.h / 2 + 4:.1f}" text-anchor="middle">{count}</text>'
            )
        out.append("\n")
    return Markup("".join(out))
