"""The stored form of events: the mapper's fast JSON is byte for byte what dumping each event to
a dict and encoding it with orjson gives, and it reads back as the same event."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from pydantic import ValidationError

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


def test_stored_events_are_converted_on_read_not_checked_again() -> None:
    """A stored event was checked when it was made: reading it back converts its values (dates,
    nested models) and skips the checks written in Python, so the JSON of an event whose quote
    no longer fits its offsets (as a later rule might judge it) still reads back, as it is; the
    same data given as a record is refused."""
    mapper = PydanticMapper(transcoder=OrjsonTranscoder())
    (event,) = Engagement.record(EngagementFacts.model_validate(visit_record())).collect_events()
    stored = mapper.to_stored_event(event)
    state = orjson.loads(stored.state)
    state["facts"]["sources"][0]["end"] += 1  # the quote no longer fits its offsets
    changed = type(stored)(
        originator_id=stored.originator_id,
        originator_version=stored.originator_version,
        topic=stored.topic,
        state=orjson.dumps(state),
    )
    read = mapper.to_domain_event(changed)
    assert read.facts.sources[0].end == event.facts.sources[0].end + 1
    assert read.facts.date.start == event.facts.date.start  # a date, converted from its text
    assert type(read.facts.sources[0]).__name__ == "Source"
    with pytest.raises(ValidationError, match="offsets"):
        EngagementFacts.model_validate(state["facts"])
