"""The draft form: a record as the form's fields, and the fields a reviewer sent back as a record.

Pure: no files, no database. Countries may be typed as codes or as names in English or
Vietnamese (diacritics and case aside); the record stores codes. What the form does not show
(sources, evidence, fields it does not know) is kept from the stored record."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from events import TOPICS, UnknownCountry, resolve_country

PARTICIPANT_FIELDS = ("name", "variants", "title", "rank", "party_role", "organisation", "country",
                      "role")  # fmt: skip
ORGANISATION_FIELDS = ("name", "abbreviation", "country", "name_local")
# Text fields of the record the form shows as they are (empty: left out).
TEXT_FIELDS = ("slug", "kind", "status", "title", "title_vi", "summary", "series", "part_of",
               "notes")  # fmt: skip


def country_code(text: str) -> str:
    """The code of a country typed as a name (English or Vietnamese) or a code
    (events.resolve_country: `Mỹ` is the United States, `MY` or `my` Malaysia); else the text as
    typed, which the record's validation then refuses, naming the field."""
    try:
        return resolve_country(text)
    except UnknownCountry:
        return text.strip()


def country_codes(text: str) -> list[str]:
    return [country_code(part) for part in re.split(r"[,;]", text) if part.strip()]


def record_from_form(form: Mapping[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    """The record a reviewer's form describes, on top of the stored one."""
    shown = {*TEXT_FIELDS, "date", "place", "host", "guests", "session", "topics", "participants",
             "organisations"}  # fmt: skip
    record = {k: v for k, v in stored.items() if k not in shown}
    for name in TEXT_FIELDS:
        value = _text(form, name)
        if value is not None:
            record[name] = value
    record["date"] = _date(form)
    place = {k: _text(form, f"place_{k}") for k in ("city", "country", "venue")}
    if any(place.values()):
        if place["country"]:
            place["country"] = country_code(place["country"])
        record["place"] = {k: v for k, v in place.items() if v is not None}
    host = _text(form, "host")
    if host:
        record["host"] = country_code(host)
    record["guests"] = country_codes(_text(form, "guests") or "")
    session = _text(form, "session")
    if session is not None:
        record["session"] = int(session) if session.isdigit() else session
    topics = form.get("topics") or []
    topics = [topics] if isinstance(topics, str) else topics
    record["topics"] = [t for t in topics if t]
    participants, p_moves = _rows(
        form, "p", PARTICIPANT_FIELDS, len(stored.get("participants", []))
    )
    organisations, o_moves = _rows(form, "o", ORGANISATION_FIELDS,
                                   len(stored.get("organisations", [])))  # fmt: skip
    record["participants"] = participants
    record["organisations"] = organisations
    record["evidence"] = _renumbered(stored.get("evidence", []), p_moves, o_moves)
    return {k: v for k, v in record.items() if v not in ([], None)} | {
        "sources": stored.get("sources", [])
    }


def _text(form: Mapping[str, Any], name: str) -> str | None:
    value = form.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _date(form: Mapping[str, Any]) -> dict[str, Any]:
    date: dict[str, Any] = {"start": _text(form, "date_start"),
                            "precision": _text(form, "date_precision") or "day"}  # fmt: skip
    end = _text(form, "date_end")
    if end and not (date["precision"] == "day" and end == date["start"]):
        date["end"] = end
    phrase = _text(form, "date_phrase")
    if phrase:
        date["phrase"] = phrase
    return date


def _rows(
    form: Mapping[str, Any], prefix: str, fields: tuple[str, ...], stored: int
) -> tuple[list[dict[str, Any]], dict[int, int]]:
    """The rows `prefix-N-field` of the form, in order, less those without a name; and where
    each stored row went (old index -> new index; a removed row has none)."""
    indexes = sorted({int(m[1]) for k in form if (m := re.fullmatch(rf"{prefix}-(\d+)-name", k))})
    rows, moves = [], {}
    for i in indexes:
        row: dict[str, Any] = {}
        for name in fields:
            value = _text(form, f"{prefix}-{i}-{name}")
            if value is None:
                continue
            if name == "variants":
                row[name] = [v.strip() for v in value.split(";") if v.strip()]
            elif name == "country":
                row[name] = country_code(value)
            else:
                row[name] = value
        if row.get("name"):
            if i < stored:
                moves[i] = len(rows)
            rows.append(row)
    return rows, moves


def _renumbered(
    evidence: list[dict[str, Any]], p_moves: dict[int, int], o_moves: dict[int, int]
) -> list[dict[str, Any]]:
    """Evidence of participants and organisations follows them when rows are removed; the
    evidence of a removed row goes with it."""
    out = []
    for e in evidence:
        m = re.match(r"^(participants|organisations)\[(\d+)\](.*)$", e.get("field", ""))
        if not m:
            out.append(e)
            continue
        moves = p_moves if m[1] == "participants" else o_moves
        old = int(m[2])
        if old in moves:
            out.append({**e, "field": f"{m[1]}[{moves[old]}]{m[3]}"})
    return out


def form_values(record: dict[str, Any]) -> dict[str, Any]:
    """The form's fields for a record (what `record_from_form` reads back)."""
    values = {name: record.get(name) or "" for name in TEXT_FIELDS}
    date = record.get("date") or {}
    if isinstance(date, str):
        date = {"start": date}
    values.update(
        date_start=date.get("start") or "", date_end=date.get("end") or "",
        date_precision=date.get("precision") or "day", date_phrase=date.get("phrase") or "",
    )  # fmt: skip
    place = record.get("place") or {}
    values.update({f"place_{k}": place.get(k) or "" for k in ("city", "country", "venue")})
    values["host"] = record.get("host") or ""
    values["guests"] = ", ".join(record.get("guests") or [])
    values["session"] = record.get("session") or ""
    values["topics"] = list(record.get("topics") or [])
    values["participants"] = [
        {k: ("; ".join(p.get(k) or []) if k == "variants" else p.get(k) or "")
         for k in PARTICIPANT_FIELDS}
        for p in record.get("participants") or []
    ]  # fmt: skip
    values["organisations"] = [
        {k: o.get(k) or "" for k in ORGANISATION_FIELDS} for o in record.get("organisations") or []
    ]
    return values


def topic_choices() -> list[tuple[str, str, str]]:
    """(key, English label, Vietnamese label) of every topic of the vocabulary."""
    return [(key, t.en, t.vi) for key, t in TOPICS.items()]


def evidence_fields(record: dict[str, Any]) -> list[str]:
    """The fields a selection can be evidence for: the record's own, each participant and
    organisation, and the fields the draft already has evidence for."""
    fields = ["kind", "title", "title_vi", "date", "place", "host", "guests", "series", "session",
              "part_of", "status", "topics"]  # fmt: skip
    for i, p in enumerate(record.get("participants") or []):
        fields += [f"participants[{i}]"] + [
            f"participants[{i}].{k}" for k in ("title", "rank", "party_role", "role") if p.get(k)
        ]
    fields += [f"organisations[{i}]" for i in range(len(record.get("organisations") or []))]
    for e in record.get("evidence") or []:
        if e.get("field") and e["field"] not in fields:
            fields.append(e["field"])
    return fields
