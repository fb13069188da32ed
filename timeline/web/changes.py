"""What a revision of an engagement changed, told for a reader of the Atom feed: the fields a
correction changed (old → new), the source a corroboration added, a retraction's reason, and
what a new record holds. Pure: from the `revisions` rows (the state after, and before)."""

from __future__ import annotations

from typing import Any

import orjson

MAX_TEXT = 160


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def value_text(value: Any) -> str:
    """A field's value in a few words: a date as its days, a place as its city and country."""
    if value is None or value == "" or value == []:
        return "(none)"
    if isinstance(value, dict):
        if "start" in value and "precision" in value:
            end = value.get("end")
            return value["start"] + (f" to {end}" if end and end != value["start"] else "")
        if "country" in value and ("city" in value or "venue" in value):
            parts = (value.get("venue"), value.get("city"), value.get("country"))
            return ", ".join(p for p in parts if p)
        return _short(", ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, "")))
    if isinstance(value, list):
        return ", ".join(_item_text(v) for v in value)
    return _short(str(value))


def _item_text(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("name") or item.get("document") or item.get("field") or "an item")
    return str(item)


def field_change(field: str, old: Any, new: Any) -> str:
    """`field: old → new`; for lists, what was added and removed."""
    if isinstance(old, list) and isinstance(new, list):
        before = [_item_text(v) for v in old]
        after = [_item_text(v) for v in new]
        added = [v for v in after if v not in before]
        removed = [v for v in before if v not in after]
        parts = [f"+{v}" for v in added] + [f"−{v}" for v in removed]
        if not parts:  # the same names, other details (a title, a rank)
            parts = [f"{len(new)} entries revised"]
        return f"{field}: {', '.join(parts)}"
    return f"{field}: {value_text(old)} → {value_text(new)}"


def source_text(source: dict[str, Any]) -> str:
    who = ", ".join(str(x) for x in (source.get("publisher"), source.get("document")) if x)
    quote = source.get("quote")
    return f"Source added: {who}" + (f" — “{_short(quote)}”" if quote else "")


def _facts(state_json: str | None) -> dict[str, Any]:
    if not state_json:
        return {}
    return orjson.loads(state_json).get("facts") or {}


def recorded_text(facts: dict[str, Any], collection_label: str | None) -> str:
    date = value_text(facts.get("date"))
    place = value_text(facts.get("place")) if facts.get("place") else None
    countries = ", ".join(c for c in [facts.get("host"), *(facts.get("guests") or [])] if c)
    sources = len(facts.get("sources") or [])
    line = f"New {facts.get('kind', 'engagement')} on {date}"
    line += f" in {place}" if place else ""
    line += f" ({countries})" if countries else ""
    line += f"; {sources} source{'' if sources == 1 else 's'}"
    if collection_label:
        line += f"; collection: {collection_label}"
    return line + "."


def describe(row: dict[str, Any], collection_label: str | None = None) -> list[str]:
    """The lines of an entry's summary: what this revision changed, then why."""
    event = row["event"]
    changes = orjson.loads(row["changes"]) if row.get("changes") else {}
    before, after = _facts(row.get("previous")), _facts(row.get("state"))
    lines: list[str] = []
    if event == "Recorded":
        lines.append(recorded_text(after, collection_label))
    elif event == "Corrected":
        lines += [field_change(f, before.get(f), v) for f, v in changes.items()]
        known = {s.get("document") for s in before.get("sources") or []}
        new_sources = [s for s in after.get("sources") or [] if s.get("document") not in known]
        lines += [source_text(s) for s in new_sources]
    elif event == "SourceAdded":
        lines += [source_text(s) for s in changes.get("sources") or []]
    elif event == "Retracted":
        lines.append("Withdrawn from the timelines.")
    if row.get("merged_into"):
        lines.append(f"Merged into {row['merged_into']}.")
    if row.get("reason"):
        lines.append(f"Reason: {row['reason']}")
    return lines or [f"Version {row['version']} of {row['engagement']}."]
