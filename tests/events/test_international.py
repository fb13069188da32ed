"""An international organisation as a side of an engagement: `INT`, a third group beside current
and former states, accepted as host or guest with the organisation named in `organisations`,
never as a place."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from events import EngagementFacts, all_countries, country, describe_validation_error, is_country
from events.country_resolver import UnknownCountry, resolve_country
from tests.helpers import SOURCE

ORGANISATION = {"name": "International Criminal Police Organization", "abbreviation": "INTERPOL",
                "country": "INT"}  # fmt: skip


def lyon_meeting(**changes: Any) -> dict[str, Any]:
    """A Vietnamese delegation's working session at an international body's seat in Lyon."""
    record = {
        "slug": "vn-int-interpol-meeting-2024-12",
        "kind": "meeting",
        "title": "Working session at the General Secretariat",
        "date": "2024-12-16",
        "place": {"city": "Lyon", "country": "FR"},
        "host": "INT",
        "guests": ["VN"],
        "participants": [
            {"name": "Trần Văn Khải", "country": "VN", "role": "guest"},
            {"name": "Marta Oliveira", "title": "Secretary General", "organisation": "INTERPOL",
             "country": "INT", "role": "host"},
        ],
        "organisations": [ORGANISATION],
        "sources": [SOURCE],
    }  # fmt: skip
    record.update(changes)
    return record


def error_of(record: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as info:
        EngagementFacts.model_validate(record)
    return describe_validation_error(info.value)


def test_int_is_a_third_group_beside_the_current_and_the_former_states() -> None:
    body = country("INT")
    assert (body.name_en, body.name_vi) == ("International organisation", "Tổ chức quốc tế")
    assert body.international and not body.historical and body.group == "international"
    assert (country("VN").group, country("SUHH").group) == ("current", "former")
    assert is_country("INT")
    assert "INT" not in {c.code for c in all_countries(historical=True)}
    assert len(all_countries()) == 250
    every = all_countries(historical=True, international=True)
    assert [c.code for c in every if c.international] == ["INT"]
    assert len(every) == len(all_countries(historical=True)) + 1


def test_an_international_organisation_hosts_in_the_city_of_its_seat() -> None:
    facts = EngagementFacts.model_validate(lyon_meeting())
    assert (facts.host, facts.guests, facts.place.country) == ("INT", ["VN"], "FR")
    assert facts.countries == ["INT", "VN", "FR"]
    assert facts.participants[1].country == "INT"


def test_an_international_organisation_is_a_guest_of_a_state() -> None:
    facts = EngagementFacts.model_validate(
        lyon_meeting(host="VN", guests=["int"], place={"city": "Hanoi", "country": "VN"})
    )
    assert (facts.host, facts.guests) == ("VN", ["INT"])


def test_an_international_organisation_is_a_side_with_no_place() -> None:
    facts = EngagementFacts.model_validate(
        lyon_meeting(host=None, guests=["VN", "INT"], place=None)
    )
    assert facts.countries == ["VN", "INT"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"place": {"city": "Lyon", "country": "INT"}},
         "place.country: INT is an international organisation, not a place: give the country the "
         "engagement took place in (FR for Interpol's headquarters in Lyon)"),
        ({"organisations": []},
         "host: INT (an international organisation) needs the organisation in organisations, "
         "with country INT"),
        ({"host": "VN", "guests": ["INT"], "place": None,
          "organisations": [{**ORGANISATION, "country": "FR"}]},
         "guests[0]: INT (an international organisation) needs the organisation in "
         "organisations, with country INT"),
        ({"host": "INTL"},
         "host: unknown country code 'INTL' (expected ISO 3166-1 alpha-2, e.g. VN; ISO 3166-3 "
         "alpha-4 for a former state, e.g. SUHH; INT for an international organisation)"),
    ],
)  # fmt: skip
def test_a_side_of_no_state_is_refused_where_it_makes_no_sense(
    changes: dict[str, Any], expected: str
) -> None:
    assert error_of(lyon_meeting(**changes)) == expected


@pytest.mark.parametrize(
    "typed", ["INT", "int", "International organisation", "Tổ chức quốc tế", "to chuc quoc te"]
)
def test_the_international_side_is_found_as_people_type_it(typed: str) -> None:
    assert resolve_country(typed) == "INT"


def test_a_name_near_no_country_is_still_unknown() -> None:
    with pytest.raises(UnknownCountry, match="unknown country 'Atlantis'"):
        resolve_country("Atlantis")
