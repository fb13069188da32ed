"""PLOVER event records, one JSON object a line (the JSONL the PLOVER manual, draft 0.7b1,
suggests): every engagement is a CONSULT event ("all consultations and meetings: this includes
visiting and hosting visits, as well as meeting at a neutral location").

The manual's actor roles: where one side hosts and the other visits, the visitors are the
`source` and the host the `recipient`, `mode` "visit"; a meeting held in a country that is
neither is "third-party"; where no side hosts, every country is a `source`, no `recipient`, and
three or more countries make it "multilateral". Actors are coded by ISO 3166 alpha-3 (the
manual's rule for states; a state that no longer exists by its ISO 3166-3 alpha-3), and the
side of an international organisation (`INT`: Interpol, UNODC) by the manual's `IGO`, its code
for intergovernmental organisations, with the organisation's name as `actor_text`. Fields the
manual does not name (`kind`, `title`, `date_precision`, `topics`, `sources`, and an actor's
`country`, the archive's code, and `participants`) are extensions, which it allows."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from events.countries import INTERNATIONAL
from timeline.exports.alpha3 import ALPHA3
from timeline.exports.read import ExportRecord

CODEBOOK = "plover-0.7b1"
# The manual's actor code for intergovernmental organisations.
IGO = "IGO"
# CONSULT is verbal cooperation: quad category 1.
QUAD_VERBAL_COOPERATION = 1


def alpha3(code: str) -> str | None:
    """ISO 3166-1 alpha-3 for an alpha-2 code; for an ISO 3166-3 code (a former state), the
    alpha-3 it had; None where there is none (VNVN and HIUS, which the archive codes outside
    ISO 3166: 94 of the Office of the Historian's 7,530 engagements name one of them or XK).
    Kosovo's XK is XKX (see scripts/make_alpha3.py)."""
    return ALPHA3.get(code)


def actor(r: ExportRecord, code: str) -> dict[str, Any]:
    people = [p for p in r.participants if p["country"] == code]
    out: dict[str, Any] = {"actor_text": actor_text(r, code), "country": code}
    if (three := IGO if code == INTERNATIONAL else alpha3(code)) is not None:
        out = {"code": three, **out}
    if people:
        # Extension: the named participants of this side, with the office held then.
        out["participants"] = [
            {k: v for k, v in {"name": p["name"], "office": p["title"], "role": p["role"]}.items()
             if v}
            for p in people
        ]  # fmt: skip
    return out


def actor_text(r: ExportRecord, code: str) -> str:
    """The country's name; for the international organisations' side, the organisations met
    (`INTERPOL`), as the record names them."""
    if code == INTERNATIONAL:
        bodies = [o["name"] for o in r.organisations if o["country"] == INTERNATIONAL]
        if bodies:
            return "; ".join(bodies)
    return r.name(code)


def sides(r: ExportRecord) -> tuple[list[str], list[str], str | None]:
    """(source countries, recipient countries, mode), by the manual's CONSULT rules."""
    e = r.engagement
    host, place = e["host"], e["country"]
    if host and r.guests:
        visitors = [g for g in r.guests if g != host]
        # an international body hosts at its premises, in a country that is no side: the
        # visitors came to it, a visit, not a meeting on neutral ground
        neutral = place and place not in (host, *r.guests) and host != INTERNATIONAL
        mode = "third-party" if neutral else "visit"
        return visitors, [host], mode
    # The sides are the guests; `countries` also holds the country it took place in.
    everyone = r.guests or r.countries or ([host] if host else [])
    if len(everyone) >= 3:
        return everyone, [], "multilateral"
    outside = place and everyone and place not in everyone
    return everyone, [], "third-party" if outside else None


def location(r: ExportRecord) -> dict[str, Any] | None:
    e = r.engagement
    if not e["country"]:
        return None
    loc: dict[str, Any] = {"name": e["city"] or r.name(e["country"])}
    if e["latitude"] is not None:
        loc |= {"latitude": e["latitude"], "longitude": e["longitude"]}
    code = e["country"]
    if len(code) == 2:  # GeoNames' field: ISO 3166-1 alpha-2 only
        loc["country code"] = code
    if (three := alpha3(code)) is not None:
        loc["cc3"] = three
    return loc | {"country": code}


def citation(source: dict[str, Any]) -> dict[str, Any]:
    cite = {
        "citation": source["document"],
        "url": source["url"],
        "publication": source["publisher"],
        "language": source["language"],
        "published": source["published"],
        "quote": source["quote"],
        "start": source["start"],
        "end": source["end"],
    }
    return {k: v for k, v in cite.items() if v is not None}


def record(r: ExportRecord) -> dict[str, Any]:
    e = r.engagement
    source, recipient, mode = sides(r)
    out: dict[str, Any] = {
        "id": f"timeline-{e['slug']}",
        "date": e["start_date"],
        "event": ["CONSULT"],
        "quad_code": QUAD_VERBAL_COOPERATION,
        "source": [actor(r, c) for c in source],
    }
    if e["end_date"] and e["end_date"] != e["start_date"]:
        out["enddate"] = e["end_date"]
    if recipient:
        out["recipient"] = [actor(r, c) for c in recipient]
    if mode:
        out["mode"] = mode
    if (loc := location(r)) is not None:
        out["event_loc"] = loc
    if r.sources:
        first = r.sources[0]
        out["event_text"] = [s["quote"] for s in r.sources]
        out["text_info"] = {"start": first["start"], "end": first["end"]}
        out["cite_info"] = {**citation(first), "coder": "timeline", "codebook": CODEBOOK}
    if e["part_of"] or e["series"]:
        out["link"] = e["part_of"] or e["series"]
    out |= {
        "coder": "timeline",
        "coded_date": e["modified_at"][:10],
        "comment": e["title"],
        # Extensions.
        "kind": e["kind"],
        "title": e["title"],
        "date_precision": e["date_precision"],
        "topics": r.topics,
        "sources": [citation(s) for s in r.sources],
    }
    return out


def write_plover(records: Iterable[ExportRecord], out: TextIO) -> int:
    count = 0
    for r in records:
        out.write(json.dumps(record(r), ensure_ascii=False) + "\n")
        count += 1
    return count
