"""GeoJSON (RFC 7946): a FeatureCollection, one Feature per engagement, a Point at its city
([longitude, latitude], WGS 84); an engagement whose city is not located has a null geometry
(RFC 7946, 3.2: an unlocated feature), so none is left out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from timeline.exports.read import ExportRecord


def feature(r: ExportRecord) -> dict[str, Any]:
    e = r.engagement
    located = e["latitude"] is not None and e["longitude"] is not None
    first = r.sources[0] if r.sources else {}
    return {
        "type": "Feature",
        "id": e["slug"],
        # Longitude first (RFC 7946, 3.1.1); six decimals are a tenth of a metre.
        "geometry": {
            "type": "Point",
            "coordinates": [round(e["longitude"], 6), round(e["latitude"], 6)],
        }
        if located
        else None,
        "properties": {
            "slug": e["slug"],
            "kind": e["kind"],
            "kind_label": r.kind_label,
            "title": e["title"],
            "title_vi": e["title_vi"],
            "start_date": e["start_date"],
            "end_date": e["end_date"],
            "date_precision": e["date_precision"],
            "date_label": e["date_label"],
            "city": e["city"],
            "country": e["country"],
            "host": e["host"],
            "guests": r.guests,
            "topics": r.topics,
            "participants": [p["name"] for p in r.participants],
            "source_publisher": first.get("publisher"),
            "source_url": first.get("url"),
            "source_quote": first.get("quote"),
        },
    }


def write_geojson(records: Iterable[ExportRecord], out: TextIO) -> int:
    features = [feature(r) for r in records]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)
