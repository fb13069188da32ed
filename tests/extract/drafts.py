"""What the extraction tests read of a text's drafts: the records as YAML would hold them, those
of one kind, and a record's people, names and review flags (one module for the round tests
instead of the same helpers at the head of each)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def records(text: str, url: str | None = None, published: date | None = None) -> list[dict]:
    found = extract(text, document="d", url=url, published=published).records
    return [r.as_dict() for r in found]


def of_kind(text: str, kind: str, url: str | None = None, published: date | None = None) -> list:
    return [r for r in records(text, url, published) if r["kind"] == kind]


def meetings(text: str, url: str | None = None, published: date | None = None) -> list[dict]:
    return of_kind(text, "meeting", url, published)


def kinds(text: str, url: str | None = None, published: date | None = None) -> list[str]:
    return sorted(r["kind"] for r in records(text, url, published))


def people(record: dict) -> dict[str, dict]:
    return {p["name"]: p for p in record["participants"]}


def names(record: dict) -> set[str]:
    return {p["name"] for p in record["participants"]}


def flags(record: dict) -> set[str]:
    return {f["code"] for f in record["x-review"]["flags"]}
