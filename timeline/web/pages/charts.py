"""The charts page (/-/charts/VN, /-/charts/VN/US): engagements per year per counterpart (or per
kind, for a pair) as stacked bars, and topics over time as a heatmap."""

from __future__ import annotations

from typing import Any

from datasette.database import Database
from datasette.utils.asgi import Response

from timeline.projection.counts import TOPIC_COUNTS, YEAR_COUNTS
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
    context |= {
        "bars": drawing.stacked_bars(per_year, BAR_SERIES, totals),
        "heat": drawing.heatmap(topics, limit=TOPIC_ROWS),
        "topic_rows": TOPIC_ROWS,
        "names": names,
        "topic_labels": {r["key"]: (r["label_en"], r["label_vi"]) for r in topic_rows},
        "series_label": "kind" if scope.counterpart else "counterpart",
    }
    return await render(datasette, request, "pages_charts.html", context)


async def year_counts(
    db: Database, scope: Scope
) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """Engagements per year and counterpart (per kind, for a pair), from the count table the
    projector keeps (timeline.projection.counts), the counterparts past the busiest added up
    per year as "others" in SQL, as the chart draws them; and each one's total. Vietnam's
    8,000 (year, counterpart) counts at 100,000 engagements took 300-400 ms to bring into
    Python on the first visit after each write (3.4x plain Datasette's table page); the ~300
    drawn are a few milliseconds."""
    series = "kind" if scope.counterpart else "counterpart"
    where = "country = ?" + (" and counterpart = ?" if scope.counterpart else "")
    where += scope.collections.where("collection")[0]
    sql = f"select {series}, sum(n) from {YEAR_COUNTS} where {where} group by {series}"
    totals = {key: n for key, n in await aggregate(db, sql, scope.params)}
    shown, folded = drawing.lane_order(totals, BAR_SERIES)
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
