"""Drafts that miss their event (issue 11, fourteenth round, x-match-en): on unseen English pages
an engagement was drafted with a field the matching needs wrong (the place of a gathering's
sidelines, a missing side, a reversed trip, a counterpart misread), so it counted as a false
draft and a miss at once. Each mechanism is tested on sentences written for these tests in the
genre's shapes, never a page's words."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import flags, meetings, names, of_kind, people

# --- a rank written without its full stop --------------------------------------------------------


def test_a_rank_without_its_full_stop_still_opens_a_name_of_that_side():
    # "Gen Prawit …": an outlet writing ranks without full stops; the official (and so his
    # country, the host side) was lost, and the meeting kept one side only
    text = (
        "Laotian Deputy Prime Minister Gen Somphet Vongsa met with Li Qiang, Vice Minister of "
        "Public Security of China, at the Government Office on Tuesday (9 May).\n"
    )
    [m] = meetings(text, published=date(2023, 5, 12))
    assert "Somphet Vongsa" in names(m)
    assert people(m)["Somphet Vongsa"]["rank"] == "General"
    assert set(m["guests"]) | {m.get("host")} - {None} == {"LA", "CN"}


def test_a_colonel_and_a_lieutenant_general_without_full_stops_are_ranks():
    text = (
        "Thailand's Lt Gen Anan Srisuk received Col Tran Van Hai, the Vietnamese defence "
        "attache, in Bangkok on Tuesday.\n"
    )
    [m] = meetings(text, published=date(2023, 5, 12))
    assert people(m)["Tran Van Hai"]["rank"] == "Colonel"
    assert m["host"] == "TH" and m["guests"] == ["VN"]


# --- the place of a gathering's sidelines --------------------------------------------------------

ATTENDING = (
    "HANOI, June 3 - A Vietnamese defence ministry delegation led by Deputy "
    "Minister Sen. Lieut. Gen. Hoang Van Binh is attending the 20th Harbour Security Forum that "
    "officially opened in Singapore on June 3.\n"
    "On the sidelines of the forum, Binh met with Australian Minister for Defence Richard Moles.\n"
)


def test_a_delegation_that_is_attending_a_forum_abroad_makes_a_trip_there():
    [trip] = of_kind(ATTENDING, "visit")
    assert trip["host"] == "SG" and trip["guests"] == ["VN"]


def test_a_meeting_on_the_forum_s_sidelines_takes_the_forum_s_place():
    # without the trip the meeting had no place, and (undated) its counterparts were AU alone
    [m] = meetings(ATTENDING)
    assert m["place"]["country"] == "SG"
    assert m["guests"] == ["AU"]


def test_where_they_are_attending_places_the_trip_in_the_city_named_before():
    text = (
        "The Ghanaian delegation headed by Commissioner Ama Owusu is in Lyon, France where they "
        "are attending the 91st General Assembly of the police organisation, which started on "
        "Tuesday October 17.\n"
    )
    [trip] = of_kind(text, "visit", published=date(2023, 10, 18))
    assert trip["host"] == "FR"


HEADS = (
    "October 21, 2021\n"
    "MPS - General Ha Van Son, Minister of Public Security of Vietnam, had separate bilateral "
    "meetings with the heads of the delegations of Laos, Cambodia and Mongolia during the 19th "
    "Conference on Crime Prevention in Kazan, Russia, from October 15 - 18, 2021.\n"
)


def _claimed(text: str) -> list[dict]:
    # (the conference itself, a gathering of many countries, is drafted as context)
    return [m for m in meetings(text) if "context-mention" not in flags(m)]


def test_separate_bilateral_meetings_with_the_heads_of_delegations_of_a_list_are_one_each():
    found = _claimed(HEADS)
    assert sorted(g for m in found for g in m["guests"]) == ["KH", "LA", "MN"]


def test_meetings_had_during_a_conference_abroad_are_placed_where_the_conference_is():
    # the countries met, named before the conference, are not where it is
    found = _claimed(HEADS)
    assert {m["place"]["country"] for m in found} == {"RU"}
    assert {m["host"] for m in found} == {"VN"}
    [trip] = of_kind(HEADS, "visit")
    assert trip["host"] == "RU"


def test_met_during_a_visit_is_no_attendance_of_a_gathering():
    # a visit named after "during" is a trip the visit rules read, not a gathering attended
    text = (
        "Minister Ha Van Son met Cambodian Interior Minister Sok Dara in Hanoi on May 2 during "
        "the official visit to Vietnam by the Cambodian Prime Minister.\n"
    )
    assert all(v["host"] != "KH" for v in of_kind(text, "visit", published=date(2023, 5, 4)))


# --- no trip from a guest's country told as an abbreviation ------------------------------------


def test_visiting_uk_minister_is_the_guest_s_country_not_a_trip_to_the_uk():
    text = (
        "DPM Sok Dara Receives Visiting UK Minister\n\n"
        "AKP Phnom Penh, May 4, 2023 —\n\n"
        "Cambodia's Interior Minister and the visiting UK minister have praised bilateral "
        "cooperation.\n"
    )
    assert all(v["host"] != "GB" for v in of_kind(text, "visit"))
    # the headline's reception of the guest is the lead's meeting of the two sides
    [m] = meetings(text)
    assert sorted(m["guests"]) == ["GB", "KH"] or (m["host"], m["guests"]) == ("KH", ["GB"])


# --- trips in general are no trip of the meeting ---------------------------------------------


def test_key_official_visits_in_general_do_not_place_the_meeting_in_the_other_country():
    # "… a sentiment reinforced by key official visits": trips in general, told for context;
    # the meeting was placed in the other side's country as if a session of that trip
    text = (
        "Laotian Deputy Prime Minister Somphet Vongsa met with Li Qiang, Vice Minister of Public "
        "Security of China, at the Government Office on Tuesday (9 May).\n"
        "Somphet underscored the importance of Lao-Chinese ties. He expressed satisfaction with "
        "recent progress in relations, a sentiment reinforced by key official visits.\n"
    )
    [m] = meetings(text, published=date(2023, 5, 12))
    assert m.get("host") != "CN"
    assert m.get("place", {}).get("country") != "CN"


def test_timor_leste_without_its_hyphen_is_a_country():
    text = (
        "Indonesian National Police Chief Budi Santoso held a bilateral meeting with Timor Leste "
        "police commander Jose da Costa in Jakarta on Tuesday.\n"
    )
    [m] = meetings(text, published=date(2023, 5, 12))
    assert "TL" in m["guests"]
