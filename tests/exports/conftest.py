"""An archive whose engagements cover what the exports must render: a day, a range of days, a
month and a year; a host and guests, a meeting in a third country, a multilateral one without
a host; a located city and none; a title with a comma, quotes and HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from events import EngagementFacts
from tests.helpers import SOURCE, make_record, visit_record
from timeline.projection.build import build
from timeline.store.application import Archive

TRICKY_TITLE = 'The "2nd" Security, Law <b>Enforcement</b> Dialogue'


def export_records() -> list[dict[str, Any]]:
    return [
        visit_record(),
        make_record(title=TRICKY_TITLE),
        {
            "slug": "vn-us-meeting-singapore-2024",
            "kind": "meeting",
            "title": "Vietnam–US working meeting in Singapore",
            "date": "2024-07",
            "place": {"city": "Singapore", "country": "SG"},
            "guests": ["VN", "US"],
            "sources": [{**SOURCE, "document": "doc-sg"}],
        },
        {
            "slug": "vn-us-au-meeting-2023",
            "kind": "meeting",
            "title": "Trilateral meeting on people smuggling",
            "date": "2023",
            "guests": ["VN", "US", "AU"],
            "sources": [{**SOURCE, "document": "doc-tri"}],
        },
    ]


@pytest.fixture(scope="module")
def export_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports") / "archive"
    with Archive(folder) as archive:
        archive.append([EngagementFacts.model_validate(r) for r in export_records()])
        build(archive)
    return folder
