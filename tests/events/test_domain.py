"""The domain: validation of every field, the aggregate's events and their fold."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import RFC_4122, UUID, SafeUUID, uuid4, uuid5

import pytest
from pydantic import ValidationError

from events import (
    Engagement,
    EngagementError,
    EngagementFacts,
    Source,
    all_countries,
    country,
    describe_validation_error,
    engagement_id,
)
from events.identity import NAMESPACE, id_text
from tests.helpers import SOURCE, make_record


def error_of(**changes: Any) -> str:
    with pytest.raises(ValidationError) as info:
        EngagementFacts.model_validate(make_record(**changes))
    return describe_validation_error(info.value)


def test_a_full_record_validates() -> None:
    facts = EngagementFacts.model_validate(make_record())
    assert facts.countries == ["US", "VN"]
    assert facts.participants[0].organisation == "MPS"
    assert facts.date.start == facts.date.end == date(2025, 9, 5)


@pytest.mark.parametrize(
    ("written", "start", "end", "precision"),
    [
        ("2025-09-05", date(2025, 9, 5), date(2025, 9, 5), "day"),
        (date(2025, 9, 5), date(2025, 9, 5), date(2025, 9, 5), "day"),
        ("2025-09-04/2025-09-05", date(2025, 9, 4), date(2025, 9, 5), "range"),
        ("2024-07", date(2024, 7, 1), date(2024, 7, 31), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        (2023, date(2023, 1, 1), date(2023, 12, 31), "year"),
        ({"start": "2024-07", "phrase": "tháng 7/2024"}, date(2024, 7, 1), date(2024, 7, 31), "month"),
        ({"start": "2023-02-01", "precision": "month"}, date(2023, 2, 1), date(2023, 2, 28), "month"),
    ],
)  # fmt: skip
def test_dates_at_each_precision(written: Any, start: date, end: date, precision: str) -> None:
    d = EngagementFacts.model_validate(make_record(date=written)).date
    assert (d.start, d.end, d.precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"date": {"start": "2025-09-05", "end": "2025-09-04", "precision": "range"}},
         "date: end 2025-09-04 is before start 2025-09-05"),
        ({"date": {"start": "2025-09-04", "end": "2025-09-05", "precision": "day"}},
         "date: a day-precision date has end equal to start"),
        ({"date": {"start": "2024-07-03", "end": "2024-07-31", "precision": "month"}},
         "date: a month-precision date runs from the 1st"),
        ({"date": "5/9/2025"}, "date: date '5/9/2025' is not YYYY-MM-DD"),
        ({"host": "XX"}, "host: unknown country code 'XX'"),
        ({"guests": ["VN", "ZZ"]}, "guests[1]: unknown country code 'ZZ'"),
        ({"place": {"city": "Hanoi", "country": "Vietnam"}}, "place.country: unknown country code"),
        ({"topics": ["smuggling_of_kittens"]}, "topics[0]: unknown topic 'smuggling_of_kittens'"),
        ({"kind": "summit"}, "kind: Input should be 'dialogue', 'visit', 'meeting'"),
        ({"title": "   "}, "title: String should have at least 1 character"),
        ({"title": None}, "title: Field required"),
        ({"slug": "Not A Slug"}, "slug: String should match pattern"),
        ({"sources": []}, "sources: List should have at least 1 item"),
        ({"guests": ["US"]}, "guests: US is the host and cannot be a guest too"),
        ({"host": None, "guests": []}, "host or guests: name at least one country"),
        ({"series": None}, "session: a session number needs a series"),
        ({"part_of": "vn-us-security-dialogue-2"}, "part_of: an engagement cannot be part of itself"),
        ({"topics": ["cybercrime", "cybercrime"]}, "topics: a topic is listed twice"),
        ({"colour": "red"}, "colour: Extra inputs are not permitted"),
        ({"sources": [{**SOURCE, "end": 30}]}, "sources[0]: offsets 0..30 span 30 characters"),
        ({"sources": [{**SOURCE, "language": "fr"}]}, "sources[0].language: Input should be 'vi' or 'en'"),
        ({"sources": [{**SOURCE, "url": "not a url"}]}, "sources[0].url: String should match"),
        ({"participants": [{"name": "A B", "role": "king"}]}, "participants[0].role: Input should be"),
        ({"participants": [{"name": "A B", "organisation": "FBI"}]},
         "participants[0].organisation: 'FBI' is not one of the record's organisations"),
        ({"evidence": [{"field": "date", "document": "other", "quote": "x", "start": 0, "end": 1}]},
         "evidence[0].document: 'other' is not one of the record's sources"),
        ({"evidence": [{"field": "colour", "document": "test-doc", "quote": "x", "start": 0,
                        "end": 1}]}, "evidence[0].field: 'colour' names no field"),
        ({"evidence": [{"field": "date", "document": "test-doc", "quote": "x", "start": 0,
                        "end": 1, "inferred": True}]},
         "evidence[0]: an inferred fact needs a note"),
        ({"session": 0}, "session: Input should be greater than or equal to 1"),
    ],
)  # fmt: skip
def test_invalid_fields_are_refused_with_the_field_named(changes: dict, expected: str) -> None:
    assert error_of(**changes).startswith(expected)


def test_country_codes_are_normalised_and_named_in_two_languages() -> None:
    facts = EngagementFacts.model_validate(make_record(host="us", guests=["vn"]))
    assert (facts.host, facts.guests) == ("US", ["VN"])
    assert country("VN").name_vi == "Việt Nam"
    assert country("AU").name_en == "Australia"
    assert country("US").name_vi == "Hoa Kỳ"


def test_the_id_is_the_uuid5_of_the_slug() -> None:
    facts = EngagementFacts.model_validate(make_record())
    engagement = Engagement.record(facts)
    assert engagement.id == engagement_id("vn-us-security-dialogue-2")
    assert engagement.id.version == 5
    assert engagement_id("a") != engagement_id("b")


def test_an_engagement_id_is_the_standard_uuid5_of_its_slug_in_the_archive_namespace() -> None:
    """The id is made without `uuid.uuid5` (for speed): it must be the very same uuid."""
    for slug in ["vn-us-security-dialogue-2", "a", "vn-la-meeting-999999", "đối-thoại", ""]:
        made = engagement_id(slug)
        assert made == uuid5(NAMESPACE, slug)
        assert (made.hex, str(made), made.version, made.variant) == (
            uuid5(NAMESPACE, slug).hex, str(uuid5(NAMESPACE, slug)), 5, RFC_4122,
        )  # fmt: skip
        assert hash(made) == hash(uuid5(NAMESPACE, slug))
        assert made.is_safe is SafeUUID.unknown


def test_an_id_s_text_is_its_uuid_s_hex_digits() -> None:
    """`id_text` writes a uuid's hex from its bytes (for speed): the very text of `UUID.hex`,
    leading zeros and all."""
    uuids = [UUID(int=0), UUID(int=1), UUID(int=2**128 - 1), UUID(int=2**124), NAMESPACE]
    uuids += [uuid4() for _ in range(200)] + [engagement_id(f"s-{i}") for i in range(200)]
    for uuid in uuids:
        assert id_text(uuid) == uuid.hex


def test_events_fold_into_the_current_state() -> None:
    engagement = Engagement.record(EngagementFacts.model_validate(make_record()))
    engagement.correct({"title": "Second dialogue"}, reason="shorter title")
    engagement.add_source(Source.model_validate({**SOURCE, "document": "other-doc"}))
    engagement.retract("duplicate", merged_into="vn-us-dialogue-2")
    events = engagement.collect_events()
    assert [type(e).__name__ for e in events] == [
        "Recorded",
        "Corrected",
        "SourceAdded",
        "Retracted",
    ]
    state = None
    for event in events:
        state = event.evolve(state)
    assert state == engagement.state
    assert state.facts.title == "Second dialogue"
    assert [s.document for s in state.facts.sources] == ["test-doc", "other-doc"]
    assert state.retraction.merged_into == "vn-us-dialogue-2"
    assert state.version == 4


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"colour": "red"}, "colour: no such field"),
        ({"slug": "other"}, "slug: a slug never changes"),
        ({"host": "XX"}, "host: unknown country code"),
        ({"title": make_record()["title"]}, "the correction changes nothing"),
    ],
)
def test_corrections_are_validated_as_a_whole(changes: dict, message: str) -> None:
    engagement = Engagement.record(EngagementFacts.model_validate(make_record()))
    with pytest.raises(EngagementError, match=message):
        engagement.correct(changes, reason="test")
    assert engagement.version == 1


# States that no longer exist -------------------------------------------------------------------


def test_a_state_that_no_longer_exists_is_named_by_its_iso_3166_3_code() -> None:
    facts = EngagementFacts.model_validate(
        make_record(date="1975-11-20", host="us", guests=["suhh"], place=None, part_of=None)
    )
    assert (facts.host, facts.guests) == ("US", ["SUHH"])
    ussr = country("SUHH")
    assert (ussr.name_en, ussr.name_vi, ussr.historical) == ("Soviet Union (USSR)", "Liên Xô", True)
    assert (ussr.valid_from, ussr.valid_until) == (date(1922, 12, 30), date(1991, 12, 26))
    assert country("VNVN").name_vi.startswith("Việt Nam Cộng hòa")
    assert not country("VN").historical and country("VN").valid_from is None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"date": "1992-01-10", "guests": ["SUHH"]},
         "guests[0]: SUHH (Soviet Union (USSR)) existed 1922-12-30 to 1991-12-26; the engagement's "
         "date 1992-01-10..1992-01-10 falls outside"),
        ({"date": "1919-05", "host": "SUHH", "guests": ["US"]},
         "host: SUHH (Soviet Union (USSR)) existed 1922-12-30 to 1991-12-26; the engagement's "
         "date 1919-05-01..1919-05-31 falls outside"),
        ({"date": "1975-04-29/1975-05-02", "guests": ["VNVN"]},
         "guests[0]: VNVN (South Vietnam (Republic of Vietnam; State of Vietnam until 1955)) existed "
         "1949-07-02 to 1975-04-30; the engagement's date 1975-04-29..1975-05-02 falls outside"),
        ({"date": "1899-01-01", "place": {"country": "HIUS"}},
         "place.country: HIUS (Hawaii (Kingdom, then Republic)) existed until 1898-08-12; the "
         "engagement's date 1899-01-01..1899-01-01 falls outside"),
    ],
)  # fmt: skip
def test_an_engagement_lies_within_its_countries_existence(changes: dict, expected: str) -> None:
    assert error_of(part_of=None, **changes) == expected


def test_current_countries_are_listed_without_the_former_unless_asked() -> None:
    current = {c.code for c in all_countries()}
    every = {c.code for c in all_countries(historical=True)}
    assert "VN" in current and "SUHH" not in current
    assert {"SUHH", "YUCS", "CSHH", "DDDE", "VDVN", "VNVN", "CSXX"} <= every - current
    assert all(len(code) == 4 for code in every - current)


def test_a_recorded_event_of_validated_values_is_made_unchecked_and_equals_the_validated_one() -> (
    None
):
    facts = EngagementFacts.model_validate(make_record())
    event = Engagement.recorded(facts, origin="records.yaml", collection="reviewed")
    validated = Engagement.Recorded(**dict(event))
    assert event == validated
    assert event.model_fields_set == validated.model_fields_set
    assert event.model_dump_json() == validated.model_dump_json()
    assert event.facts is facts  # the validated facts, as they are


def test_a_recorded_event_of_other_values_is_validated() -> None:
    record = make_record()
    uuid = engagement_id(record["slug"])
    event = Engagement.recorded(record, originator_id=uuid)  # type: ignore[arg-type]
    assert event.facts == EngagementFacts.model_validate(record)
    facts = EngagementFacts.model_validate(record)
    with pytest.raises(ValidationError, match="collection"):
        Engagement.recorded(facts, collection="no-such-collection")
    with pytest.raises(ValidationError, match="origin"):
        Engagement.recorded(facts, origin=3)  # type: ignore[arg-type]
