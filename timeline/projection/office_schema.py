"""The tables of offices and their holders in `timeline.db` (schema.py takes them in)."""

from __future__ import annotations

from typing import Any

OFFICE_TABLES: dict[str, tuple[dict[str, type], Any, list[tuple[str, str, str]]]] = {
    "offices": (
        {
            "slug": str, "country": str, "kind": str, "title": str, "titles": str,
            "organisation": str, "single_holder": int, "origin": str, "source": str,
        },
        "slug",
        [("country", "countries", "code")],
    ),
    "office_holders": (
        {
            "id": str, "office": str, "country": str, "title": str, "holder": str,
            "person": str, "variants": str, "start_date": str, "end_date": str, "source": str,
            "note": str, "origin": str, "version": int, "reason": str,
        },
        "id",
        [("office", "offices", "slug"), ("country", "countries", "code")],
    ),
    "people": (
        {
            "id": str, "name": str, "variants": str, "country": str, "offices": str,
            "engagements": int, "first_seen": str, "last_seen": str, "merged_from": str,
            "search_text": str,
        },
        "id",
        [("country", "countries", "code")],
    ),
    "person_decisions": (
        {
            "id": str, "decision": str, "person": str, "into": str, "names": str,
            "reason": str, "decided_at": str, "reverted": int, "revert_reason": str,
            "version": int, "state": str,
        },
        "id",
        [],
    ),
    "office_revisions": (
        {
            "holding": str, "version": int, "event": str, "recorded_at": str, "reason": str,
            "changes": str, "origin": str, "state": str,
        },
        ("holding", "version"),
        [],
    ),
}  # fmt: skip

OFFICE_INDEXES = [
    ("office_holders", ["office", "start_date"]),
    ("office_holders", ["person"]),
    ("participants", ["registry_conflict"]),
    ("participants", ["individual", "start_date"]),
]
