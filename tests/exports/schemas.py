"""JSON Schemas written from each export format's published definition, and the published
examples they must accept (so a schema too strict or too loose shows up here, not in use).

- GeoJSON: RFC 7946 (sections 3.1 geometry objects, 3.2 Feature, 3.3 FeatureCollection; 1.5 the
  example; 3.1.1 a position is [longitude, latitude], WGS 84, so -180..180 and -90..90).
- TimelineJS3: its JSON format page (timeline.knightlab.com/docs/json-format.html): a timeline
  object (events required; title, eras, scale), slides, dates (year required), text, media.
- PLOVER: the manual's "JSON Data Fields" chapter (draft 0.7b1): the record's fields (id, date,
  source and event required), the actor, text and citation objects, the CONSULT modes, the quad
  categories; fields beyond those are allowed ("providers should feel free to include named
  fields beyond those provided")."""

from __future__ import annotations

from typing import Any

NUMBER = {"type": "number"}
POSITION = {
    "type": "array",
    "minItems": 2,
    "maxItems": 3,
    "prefixItems": [
        {"type": "number", "minimum": -180, "maximum": 180},
        {"type": "number", "minimum": -90, "maximum": 90},
        NUMBER,
    ],
}
BBOX = {"type": "array", "minItems": 4, "items": NUMBER}


def _geometry(kind: str, coordinates: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["type", "coordinates"],
        "properties": {"type": {"const": kind}, "coordinates": coordinates, "bbox": BBOX},
    }


LINE = {"type": "array", "minItems": 2, "items": POSITION}
RING = {"type": "array", "minItems": 4, "items": POSITION}  # closed: first == last (3.1.6)
POLYGON = {"type": "array", "items": RING}
GEOMETRY = {
    "oneOf": [
        _geometry("Point", POSITION),
        _geometry("MultiPoint", {"type": "array", "items": POSITION}),
        _geometry("LineString", LINE),
        _geometry("MultiLineString", {"type": "array", "items": LINE}),
        _geometry("Polygon", POLYGON),
        _geometry("MultiPolygon", {"type": "array", "items": POLYGON}),
    ]
}
GEOJSON = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "bbox": BBOX,
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "geometry": {"oneOf": [{"type": "null"}, GEOMETRY]},
                    "properties": {"type": ["object", "null"]},
                    "bbox": BBOX,
                },
            },
        },
    },
}
# RFC 7946, section 1.5.
GEOJSON_EXAMPLE = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [102.0, 0.5]},
         "properties": {"prop0": "value0"}},
        {"type": "Feature",
         "geometry": {"type": "LineString",
                      "coordinates": [[102.0, 0.0], [103.0, 1.0], [104.0, 0.0], [105.0, 1.0]]},
         "properties": {"prop0": "value0", "prop1": 0.0}},
        {"type": "Feature",
         "geometry": {"type": "Polygon",
                      "coordinates": [[[100.0, 0.0], [101.0, 0.0], [101.0, 1.0], [100.0, 1.0],
                                       [100.0, 0.0]]]},
         "properties": {"prop0": "value0", "prop1": {"this": "that"}}},
    ],
}  # fmt: skip

TL_DATE = {
    "type": "object",
    "required": ["year"],
    "additionalProperties": False,
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
        "second": {"type": "integer", "minimum": 0, "maximum": 59},
        "millisecond": {"type": "integer"},
        "display_date": {"type": "string"},
    },
    # A day without its month is no date.
    "dependentRequired": {"day": ["month"]},
}
TL_TEXT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
}
TL_SLIDE_PROPERTIES = {
    "start_date": TL_DATE,
    "end_date": TL_DATE,
    "text": TL_TEXT,
    "media": {
        "type": "object",
        "required": ["url"],
        "properties": {
            k: {"type": "string"}
            for k in (
                "url",
                "caption",
                "credit",
                "thumbnail",
                "alt",
                "title",
                "link",
                "link_target",
            )
        },
    },
    "group": {"type": "string"},
    "display_date": {"type": "string"},
    "background": {"type": "object"},
    "autolink": {"type": "boolean"},
    "unique_id": {"type": "string"},
}
TIMELINEJS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "additionalProperties": False,
    "properties": {
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "additionalProperties": False,
                "properties": TL_SLIDE_PROPERTIES,
            },
        },
        "title": {
            "type": "object",
            "additionalProperties": False,
            "properties": TL_SLIDE_PROPERTIES,
        },
        "eras": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "end_date"],
                "properties": {"start_date": TL_DATE, "end_date": TL_DATE, "text": TL_TEXT},
            },
        },
        "scale": {"enum": ["human", "cosmological"]},
    },
}
# The shape of the docs' basic example: a title slide and events dated to the year.
TIMELINEJS_EXAMPLE = {
    "title": {"text": {"headline": "Basic Timeline", "text": "A basic timeline."}},
    "events": [
        {"start_date": {"year": 2012}, "text": {"headline": "2012", "text": "A first year."}},
        {"start_date": {"year": 2013, "month": 5, "day": 2}, "end_date": {"year": 2013},
         "group": "years", "media": {"url": "https://example.org/a.png", "caption": "A"}},
    ],
}  # fmt: skip

ISO_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
CATEGORIES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "ACCUSE", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION",
    "COERCE", "ASSAULT", "FIGHT",
]  # fmt: skip
PLOVER_ACTOR = {
    "type": "object",
    "properties": {
        "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
        "sector": {"type": "string"},
        "actor_text": {"type": "string"},
        "identifier_id": {"type": "string"},
        "identifier_text": {"type": "string"},
        "actor_loc": {"type": "object"},
        "office": {"type": "string"},
        "age": {"type": "integer"},
    },
}
PLOVER = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["id", "date", "source", "event"],
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "has_event": {"type": "boolean"},
        "date": ISO_DATE,
        "enddate": ISO_DATE,
        "source": {"type": "array", "minItems": 1, "items": PLOVER_ACTOR},
        "recipient": {"type": "array", "items": PLOVER_ACTOR},
        "event": {"type": "array", "minItems": 1, "items": {"enum": CATEGORIES}},
        "event_loc": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "latitude": {"type": "number", "minimum": -90, "maximum": 90},
                "longitude": {"type": "number", "minimum": -180, "maximum": 180},
                "country code": {"type": "string", "pattern": "^[A-Z]{2}$"},
                "cc3": {"type": "string", "pattern": "^[A-Z]{3}$"},
            },
        },
        "event_text": {"type": "array", "items": {"type": "string"}},
        "quad_code": {"enum": [1, 2, 3, 4]},
        "event_scale": NUMBER,
        # CONSULT's modes (the manual's table "CONSULT modes"); one value or several.
        "mode": {
            "oneOf": [
                {"enum": ["visit", "third-party", "multilateral", "phone"]},
                {
                    "type": "array",
                    "items": {"enum": ["visit", "third-party", "multilateral", "phone"]},
                },
            ]
        },
        "context": {"type": ["string", "array"]},
        "link": {"type": "string"},
        "text": {"type": "string"},
        "text_info": {
            "type": "object",
            "properties": {
                "sequence": {"type": "integer"},
                "start": {"type": "integer", "minimum": 0},
                "end": {"type": "integer", "minimum": 0},
            },
        },
        "cite_info": {
            "type": "object",
            "properties": {
                **{
                    k: {"type": "string"}
                    for k in (
                        "corpus",
                        "citation",
                        "url",
                        "title",
                        "publication",
                        "license",
                        "copyright",
                        "coder",
                        "codebook",
                        "version",
                    )
                },
                "language": {"type": "string", "pattern": "^[a-z]{2}$"},
            },
        },
        "coder": {"type": "string"},
        "coded_date": ISO_DATE,
        "comment": {"type": "string"},
    },
}
# The manual's simplest record ("the simplest form of an event record would look like").
PLOVER_EXAMPLE = {
    "id": "PHOXv1-20160724-0042",
    "date": "2016-07-24",
    "source": [{"code": "USA"}],
    "recipient": [{"code": "CAN"}],
    "event": ["AGREE", "CONSULT"],
}
