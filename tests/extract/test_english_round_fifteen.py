"""English pages of bilateral police and interior engagements from many countries' outlets:
the shapes of issue 11's fifteenth round (x-en6). Every text is written for these tests, in the
genre's shapes, never a page's words."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import kinds, of_kind, records

# --- standing bodies of two countries: a council's or a working group's session is a dialogue --


def test_the_numbered_meeting_of_a_two_country_ministerial_council_is_a_dialogue():
    text = (
        "Norway's justice minister and her Chilean counterpart met in Oslo on 4 May 2022 for "
        "the third meeting of the Norway-Chile Ministerial Council on Law and Security.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["session"] == 3 and dialogue["date"]["start"] == "2022-05-04"


def test_a_regular_meeting_of_a_two_country_working_group_in_lowercase_is_a_dialogue():
    text = (
        "A regular meeting of the Norwegian-Chilean working group on border cooperation was "
        "held in Oslo on 4 May 2022.\n"
    )
    assert kinds(text) == ["dialogue"]


def test_a_working_group_yet_to_be_set_up_is_still_no_dialogue():
    text = "The two ministers agreed that a working group would be set up next year.\n"
    assert of_kind(text, "dialogue") == []


def test_a_numbered_joint_working_committee_meeting_of_two_countries_is_a_dialogue():
    text = (
        "The 12th Review of the Joint Norway-Chile Working Committee Meeting on Criminal "
        "Activities was held in Oslo on 4 May 2022.\n"
    )
    assert kinds(text) == ["dialogue"]


def test_officials_who_met_at_the_councils_session_tell_that_session_not_a_meeting_of_their_own():
    text = (
        "Officials from Chile met with their Norwegian counterparts, led by Justice Minister Kari "
        "Nordmann, at the second Norway-Chile Ministerial Council on Law and Security meeting in "
        "Oslo on 4 May 2022.\n"
    )
    found = records(text, published=date(2022, 5, 6))
    assert [r["kind"] for r in found] == ["dialogue"]
    assert "Kari Nordmann" in {p["name"] for p in found[0]["participants"]}
