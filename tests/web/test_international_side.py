"""The pages and feeds of an international organisation's side (`INT`): its own timeline of
engagements with international bodies, a lane on a state's timeline, its calendar."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest

from events import EngagementFacts
from tests.helpers import SOURCE, DatasetteClient
from timeline.projection.build import build
from timeline.store.application import Archive

ROOT = Path(__file__).resolve().parents[2]
METADATA = json.loads((ROOT / "datasette_metadata.json").read_text())
INTERPOL = {"name": "International Criminal Police Organization", "abbreviation": "INTERPOL",
            "country": "INT"}  # fmt: skip
RECORDS = [
    EngagementFacts.model_validate(r)
    for r in [
        {"slug": "vn-int-interpol-meeting-2024-12", "kind": "meeting",
         "title": "Working session at the General Secretariat", "date": "2024-12-16",
         "place": {"city": "Lyon", "country": "FR"}, "host": "INT", "guests": ["VN"],
         "organisations": [INTERPOL], "sources": [SOURCE]},
        {"slug": "my-int-interpol-meeting-2025-03", "kind": "meeting",
         "title": "Inspector-General received at Interpol", "date": "2025-03-04",
         "place": {"city": "Lyon", "country": "FR"}, "host": "INT", "guests": ["MY"],
         "organisations": [INTERPOL], "sources": [{**SOURCE, "document": "doc-my"}]},
        {"slug": "vn-us-meeting-2025-01", "kind": "meeting", "title": "Vietnam–US meeting",
         "date": "2025-01-10", "host": "US", "guests": ["VN"],
         "sources": [{**SOURCE, "document": "doc-us"}]},
    ]
]  # fmt: skip


class Client(DatasetteClient):
    def get(self, path: str, status: int = 200, **params: str) -> str:
        response = self.run(self.ds.client.get(path, params=params or None))
        assert response.status_code == status, (path, response.text[-800:])
        return response.headers.get("location") or response.text


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    archive = Archive(tmp_path_factory.mktemp("int-pages") / "archive")
    archive.append(RECORDS)
    build(archive)
    c = Client(archive.projection_path, metadata=copy.deepcopy(METADATA))
    yield c
    c.close()


def test_int_has_a_timeline_of_its_engagements_with_every_state(client: Client) -> None:
    page = client.get("/-/timeline/INT", **{"from": "2024", "to": "2025"})
    assert "International organisation" in page
    assert 'data-slug="vn-int-interpol-meeting-2024-12"' in page
    assert 'data-slug="my-int-interpol-meeting-2025-03"' in page
    assert 'data-slug="vn-us-meeting-2025-01"' not in page


def test_a_states_timeline_has_a_lane_for_international_bodies(client: Client) -> None:
    page = client.get("/-/timeline/VN", **{"from": "2024", "to": "2025"})
    assert 'href="/-/timeline/VN/INT?from=2024&amp;to=2025"' in page
    assert "International organisation" in page


def test_the_index_and_a_typed_name_lead_to_int(client: Client) -> None:
    assert 'href="/-/timeline/INT"' in client.get("/-/timeline")
    assert client.get("/-/timeline/Tổ chức quốc tế", status=302) == "/-/timeline/INT"


def test_int_has_its_calendar(client: Client) -> None:
    cal = icalendar.Calendar.from_ical(client.get("/-/calendar/INT.ics"))
    urls = sorted(str(e["url"]).rsplit("/", 1)[-1] for e in cal.walk("VEVENT"))
    assert urls == ["my-int-interpol-meeting-2025-03", "vn-int-interpol-meeting-2024-12"]
