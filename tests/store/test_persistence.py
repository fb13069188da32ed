"""The stored form of events: the mapper's fast JSON is byte for byte what dumping each event to
a dict and encoding it with orjson gives, and it reads back as the same event."""

from __future__ import annotations

from typing import Any

import orjson

from events import Engagement, EngagementFacts, Source
from tests.helpers import make_record, visit_record
from timeline.store.persistence import OrjsonTranscoder, PydanticMapper


def slow_json(event: Any) -> bytes:
    """What the mapper stored before it took the fast path."""
    state = event.model_dump(mode="json", exclude={"originator_id", "originator_version"})
    version = getattr(type(event), "class_version", 1)
    if version > 1:
        state["class_version"] = version
    return orjson.dumps(state)


def events_of_every_kind() -> list[Any]:
    engagement = Engagement.record(EngagementFacts.model_validate(make_record()))
    engagement.correct({"summary": "Co-chaired by Lương Tam Quang and Chris Landberg."}, "fuller")
    other = Source.model_validate(
        {**make_record()["sources"][0], "document": "second-doc", "language": "vi"}
    )
    engagement.add_source(other)
    engagement.retract("recorded twice", merged_into="vn-us-visit-2025")
    visit = Engagement.record(EngagementFacts.model_validate(visit_record()))
    return [*engagement.collect_events(), *visit.collect_events()]


def test_the_fast_json_is_the_same_bytes_and_reads_back() -> None:
    mapper = PydanticMapper(transcoder=OrjsonTranscoder())
    events = events_of_every_kind()
    assert {type(e).__name__ for e in events} == {
        "Recorded",
        "Corrected",
        "SourceAdded",
        "Retracted",
    }
    for event in events:
        stored = mapper.to_stored_event(event)
        assert stored.state == slow_json(event), type(event).__name__
        assert mapper.to_domain_event(stored) == event
