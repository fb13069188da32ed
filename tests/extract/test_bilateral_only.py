"""The archive records bilateral engagements: a gathering of three countries or more, whoever
hosts it, is context in a page's drafts, never an engagement of its own."""

from __future__ import annotations

from tests.extract.drafts import flags, meetings

REGIONAL = (
    "BANGKOK, March 4, 2024 - Senior police officials from Vietnam, Laos, Cambodia and Thailand "
    "gathered in Bangkok on Monday for a regional meeting on drug trafficking along the Mekong.\n\n"
    "The officials agreed to share intelligence on traffickers.\n"
)


def test_a_regional_meeting_of_four_countries_is_context_not_an_engagement():
    (meeting,) = meetings(REGIONAL)
    assert "context-mention" in flags(meeting)


def test_a_meeting_of_two_countries_told_the_same_way_stays_an_engagement():
    text = REGIONAL.replace("Vietnam, Laos, Cambodia and Thailand", "Vietnam and Thailand")
    (meeting,) = meetings(text)
    assert "context-mention" not in flags(meeting)
    assert (meeting["host"], meeting["guests"]) == ("TH", ["VN"])
