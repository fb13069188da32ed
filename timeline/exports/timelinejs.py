"""TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html): a title slide and
one event slide per engagement, dated to the precision the archive knows (a day, a month or a
year), grouped by kind, its text citing the source sentence. Text is HTML (TimelineJS renders
it), so every value from the records is escaped."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from html import escape
from typing import Any, TextIO

from timeline.exports.read import ExportRecord

TITLE = "Security and law-enforcement engagements"


def tl_date(iso: str, precision: str) -> dict[str, int]:
    """A TimelineJS date object: only the parts the archive knows."""
    d = date.fromisoformat(iso)
    if precision == "year":
        return {"year": d.year}
    if precision == "month":
        return {"year": d.year, "month": d.month}
    return {"year": d.year, "month": d.month, "day": d.day}


def slide(r: ExportRecord) -> dict[str, Any]:
    e = r.engagement
    precision = e["date_precision"]
    lines = [escape(e["summary"])] if e["summary"] else []
    if r.countries:
        lines.append("Countries: " + escape(", ".join(r.name(c) or c for c in r.countries)))
    for s in r.sources[:1]:
        cite = escape(s["publisher"] or s["document"])
        if s["url"]:
            cite = f'<a href="{escape(s["url"])}">{cite}</a>'
        lines.append(f"<blockquote>{escape(s['quote'])}</blockquote> — {cite}")
    event: dict[str, Any] = {
        "unique_id": e["slug"],
        "start_date": tl_date(e["start_date"], precision),
        "display_date": e["date_label"],
        "text": {"headline": escape(e["title"]), "text": "<br>".join(f"<p>{x}</p>" for x in lines)},
        "group": r.kind_label,
    }
    if precision == "range":
        event["end_date"] = tl_date(e["end_date"], "day")
    return event


def write_timelinejs(records: Iterable[ExportRecord], out: TextIO) -> int:
    events = [slide(r) for r in records]
    data = {
        "title": {
            "text": {
                "headline": TITLE,
                "text": f"<p>{len(events)} engagements, each with the sentence that "
                "reports it.</p>",
            }
        },
        "events": events,
    }
    json.dump(data, out, ensure_ascii=False)
    out.write("\n")
    return len(events)
