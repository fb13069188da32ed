"""The charts page (/-/charts/VN, /-/charts/VN/US): engagements per year per counterpart (or per
kind, for a pair) as stacked bars, and topics over time as a heatmap."""

from __future__ import annotations

from typing import Any

from datasette.database import Database
from datasette.utils.asgi import Response

from timeline.web.database import archive_database
from timeline.web.pages import drawing
from timeline.web.pages.counts import aggregate, cached
from timeline.web.pages.render import moved, render
from timeline.web.pages.timeline import Scope, lane_names, page_scope

TOPIC_ROWS = 20


async def charts_page(request: Any, datasette: Any) -> Response:
    db = await archive_database(datasette)
    home, other, scope = await page_scope(db, request)
    if redirect := moved(datasette, request, scope.path("charts")):
        return redirect
    context: dict[str, Any] = {
        "database": db.name,
        "home": home,
        "other": other,
        "timeline_url": datasette.urls.path(scope.path("timeline")),
    }
    key = (scope.code, scope.counterpart)
    per_year = await cached(db, ("years", *key), lambda: year_counts(db, scope))
    topics = await cached(db, ("topics", *key), lambda: topic_counts(db, scope))
    names = await lane_names(db, scope, sorted({s for _, s in per_year}))
    topic_rows = await db.execute("select key, label_en, label_vi from topics")
    context |= {
        "bars": drawing.stacked_bars(per_year),
        "heat": drawing.heatmap(topics, limit=TOPIC_ROWS),
        "topic_rows": TOPIC_ROWS,
        "names": names,
        "topic_labels": {r["key"]: (r["label_en"], r["label_vi"]) for r in topic_rows},
        "series_label": "kind" if scope.counterpart else "counterpart",
    }
    return await render(datasette, request, "pages_charts.html", context)


async def year_counts(db: Database, scope: Scope) -> dict[tuple[str, str], int]:
    sql = f"""
        select substr(t.start_date, 1, 4) as year_key, {scope.lane} as series_key, count(*) as n
        from timeline t where {scope.where} group by year_key, series_key
    """
    # Aliases no table has as a column: `group by series` would group by timeline.series.
    return {(year, series): n for year, series, n in await aggregate(db, sql, scope.params)}


async def topic_counts(db: Database, scope: Scope) -> dict[tuple[str, str], int]:
    # A country's timeline has a row per counterpart: count each engagement once.
    sql = f"""
        select et.topic as topic_key, substr(x.start_date, 1, 4) as year_key, count(*) as n
        from (select distinct t.engagement, t.start_date from timeline t where {scope.where}) x
        join engagement_topics et on et.engagement = x.engagement
        group by topic_key, year_key
    """
    return {(topic, year): n for topic, year, n in await aggregate(db, sql, scope.params)}
