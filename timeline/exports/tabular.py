"""CSV (RFC 4180): one row per engagement, lists joined by `; `, the first source cited."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from timeline.exports.read import ExportRecord

COLUMNS = [
    "slug", "kind", "title", "title_vi", "start_date", "end_date", "date_precision",
    "date_label", "city", "country", "latitude", "longitude", "host", "guests", "series",
    "session", "part_of", "topics", "participants", "summary", "source_publisher", "source_url",
    "source_document", "source_quote", "sources", "version",
]  # fmt: skip


def row(r: ExportRecord) -> dict[str, object]:
    e = r.engagement
    first = r.sources[0] if r.sources else {}
    return {
        **{k: e[k] for k in COLUMNS if k in e},
        "guests": "; ".join(r.guests),
        "topics": "; ".join(r.topics),
        "participants": "; ".join(p["name"] for p in r.participants),
        "source_publisher": first.get("publisher"),
        "source_url": first.get("url"),
        "source_document": first.get("document"),
        "source_quote": first.get("quote"),
        "sources": len(r.sources),
    }


def write_csv(records: Iterable[ExportRecord], out: TextIO) -> int:
    # RFC 4180 ends every line with CRLF; csv's default dialect does.
    writer = csv.DictWriter(out, COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for r in records:
        writer.writerow(row(r))
        count += 1
    return count
