"""Shared fixtures: valid record data to vary, and a fresh archive folder."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

SOURCE = {
    "document": "test-doc",
    "publisher": "Test Wire",
    "url": "https://example.org/news/1",
    "published": "2025-09-06",
    "language": "en",
    "quote": "The dialogue was held on 5 September.",
    "start": 0,
    "end": 37,
}

RECORD: dict[str, Any] = {
    "slug": "vn-us-security-dialogue-2",
    "kind": "dialogue",
    "title": "2nd Vietnam–US Security and Law Enforcement Dialogue",
    "title_vi": "Đối thoại An ninh và Thực thi pháp luật Việt Nam-Mỹ lần thứ hai",
    "summary": "Co-chaired by Lương Tam Quang.",
    "date": {"start": "2025-09-05", "precision": "day", "phrase": "5 September"},
    "place": {"city": "Washington, D.C.", "country": "US"},
    "host": "US",
    "guests": ["VN"],
    "series": "vn-us-security-dialogue",
    "session": 2,
    "part_of": "vn-us-visit-2025",
    "participants": [
        {
            "name": "Lương Tam Quang",
            "variants": ["Luong Tam Quang"],
            "rank": "Senior Lieutenant General",
            "title": "Deputy Minister of Public Security",
            "organisation": "MPS",
            "country": "VN",
            "role": "co_chair",
        },
        {"name": "Chris Landberg", "variants": ["Chris Lanberg"], "country": "US",
         "role": "co_chair"},
    ],
    "organisations": [
        {"name": "Ministry of Public Security", "abbreviation": "MPS", "country": "VN",
         "name_local": "Bộ Công an"},
    ],
    "topics": ["money_laundering", "cybercrime"],
    "sources": [SOURCE],
    "evidence": [
        {"field": "date", "document": "test-doc", "quote": "5 September", "start": 25,
         "end": 36, "inferred": True, "note": "The year comes from the publication date."},
    ],
}  # fmt: skip


def make_record(**changes: Any) -> dict[str, Any]:
    """A valid record, with some fields replaced (a value of None removes the field)."""
    record = copy.deepcopy(RECORD)
    for key, value in changes.items():
        if value is None:
            record.pop(key, None)
        else:
            record[key] = value
    return record


def visit_record(**changes: Any) -> dict[str, Any]:
    base = {
        "slug": "vn-us-visit-2025",
        "kind": "visit",
        "title": "Vietnamese MPS delegation visits the United States",
        "date": "2025-09-04/2025-09-05",
        "place": {"city": "Washington, D.C.", "country": "US"},
        "host": "US",
        "guests": ["VN"],
        "sources": [SOURCE],
    }
    base.update(changes)
    return base


@pytest.fixture
def record() -> dict[str, Any]:
    return make_record()


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    return tmp_path / "archive"
