"""Finding the engagements, eleventh round: the shapes in which outlets of several countries
and ministers' releases tell each session of a trip, and what must not become one (texts
written for these tests, in the genre's shapes, never a page's words)."""

from __future__ import annotations

from tests.extract.drafts import kinds, meetings, names, records

# --- a session told by its noun at the opening of the sentence -----------------------------


def test_a_session_opening_the_sentence_with_whom_it_was_held_is_a_meeting():
    text = (
        "Deputy Minister of Public Security Tran Van Binh led a delegation to Malaysia from "
        "March 2 to 5, 2024.\n"
        "At the working session with Malaysian Home Minister Ahmad Rahman, Binh proposed "
        "closer work against online fraud.\n"
    )
    (meeting,) = meetings(text)
    assert {"Ahmad Rahman", "Tran Van Binh"} <= names(meeting)


def test_talks_opening_the_sentence_with_another_of_the_visitors_hosts_are_a_meeting():
    text = (
        "Minister of Public Security Le Van Tam received Japanese Minister of Justice Kenji "
        "Tanaka in Hanoi on May 7, 2024.\n"
        "In separate talks with French Ambassador Pierre Dubois, Tam asked for help in "
        "training forensic staff.\n"
    )
    found = meetings(text)
    assert len(found) == 2
    assert any("Pierre Dubois" in names(m) for m in found)


def test_a_reception_opening_on_its_guest_then_where_and_when_names_the_host_after():
    text = (
        "Meeting with Kenji Tanaka, Chairman of Japan's National Public Safety Commission, in "
        "Hanoi on June 4, 2024, Prime Minister Pham Van Long called for more training "
        "courses.\n"
    )
    (meeting,) = meetings(text)
    assert names(meeting) >= {"Kenji Tanaka", "Pham Van Long"}
    assert meeting["host"] == "VN"


# --- the visiting guest received by another of the home side --------------------------------


GUEST_STORY = (
    "Prime Minister Pham Van Long received Japanese Minister of Justice Kenji Tanaka in Hanoi "
    "on June 4, 2024.\n"
)


def test_talks_with_a_home_official_the_same_day_are_the_guests_meeting_with_that_official():
    text = GUEST_STORY + (
        "At talks with Minister of Public Security General Le Van Tam earlier the same day, "
        "the two sides agreed to share more data on cyber crime.\n"
    )
    found = meetings(text)
    assert len(found) == 2
    talks = next(m for m in found if "Le Van Tam" in names(m))
    assert "Kenji Tanaka" in names(talks)


def test_receiving_the_guest_named_by_nationality_is_another_reception_of_that_guest():
    text = GUEST_STORY + (
        "Receiving the Japanese guest the same day, Deputy Prime Minister Tran Quoc Huy urged "
        "closer work on training.\n"
    )
    found = meetings(text)
    assert len(found) == 2
    reception = next(m for m in found if "Tran Quoc Huy" in names(m))
    assert "Kenji Tanaka" in names(reception)


def test_a_guest_of_another_nationality_than_the_one_received_is_no_second_reception():
    text = GUEST_STORY + (
        "Receiving the Korean guest the same day, Deputy Prime Minister Tran Quoc Huy urged "
        "closer work on training.\n"
    )
    assert len(meetings(text)) == 1


def test_the_two_sides_agreeing_after_talks_with_the_same_host_are_not_counted_twice():
    text = GUEST_STORY + (
        "At talks with Prime Minister Pham Van Long, the two sides agreed to share more data "
        "on cyber crime.\n"
    )
    assert len(meetings(text)) == 1


# --- a signing of two ministers --------------------------------------------------------------


def test_two_ministers_signing_in_the_capital_today_met_even_when_one_is_named_by_title():
    text = (
        "DATE: 2 March 2010\n"
        "On the first trip to Vietnam by a Canadian public safety minister, Minister Paul "
        "Green and Vietnam's Minister of Public Security, General Tran Van Son, signed a "
        "border data MoU in Hanoi today.\n"
    )
    found = meetings(text)
    assert len(found) == 1
    assert names(found[0]) >= {"Paul Green", "Tran Van Son"}
    assert found[0]["date"]["start"] == "2010-03-02"


# --- a trip to "the nation" --------------------------------------------------------------------


def test_a_trip_to_the_nation_goes_to_the_one_foreign_country_the_sentence_names():
    text = (
        "Deputy Minister Tran Van Binh and his Public Security delegation met ministers of "
        "Malaysia's security bodies while joining the President on his "
        "March 2-5, 2024 trip to the nation.\n"
        "At the working session with Home Minister Ahmad Rahman, Binh proposed closer work "
        "against online fraud.\n"
    )
    trip = next(r for r in records(text) if r["kind"] == "visit")
    assert trip["place"]["country"] == "MY"
    assert trip["host"] == "MY" and trip["guests"] == ["VN"]


# --- Vietnamese: an unnamed bilateral conference co-chaired ------------------------------------


def test_a_bilateral_conference_co_chaired_on_a_trip_is_a_dialogue_of_the_two_countries():
    text = (
        "Ngày 12/5/2025, trong chuyến thăm Malaysia, đoàn Cảnh sát biển Việt Nam do Thiếu "
        "tướng Trần Văn Hải làm Trưởng đoàn đã chào xã giao lãnh đạo Cơ quan Thực thi Hàng "
        "hải Malaysia và đồng chủ trì Hội nghị song phương.\n"
    )
    found = records(text)
    (dialogue,) = [r for r in found if r["kind"] == "dialogue"]
    assert dialogue["place"]["country"] == "MY"
    assert sorted([dialogue["host"], *dialogue["guests"]]) == ["MY", "VN"]
    assert any(r["kind"] == "meeting" for r in found)


def test_a_bilateral_conference_co_chaired_by_two_provinces_police_is_no_dialogue():
    text = (
        "Ngày 12/5/2025, Công an tỉnh Lạng Sơn và Công an tỉnh Cao Bằng đồng chủ trì Hội nghị "
        "song phương về phòng, chống tội phạm.\n"
    )
    assert "dialogue" not in kinds(text)


# --- a minister's release: whom the minister met and discussed with ---------------------------


def test_a_deputy_of_another_office_met_in_the_same_breath_has_a_meeting_of_their_own():
    text = (
        "14 May 2024\n"
        "On my trip to Hanoi this week I met with Vietnam's Minister of Public Security, "
        "General Le Van Tam, and Deputy Prime Minister Tran Quoc Huy.\n"
    )
    found = meetings(text)
    assert {frozenset(names(m)) & {"Le Van Tam", "Tran Quoc Huy"} for m in found} == {
        frozenset({"Le Van Tam"}),
        frozenset({"Tran Quoc Huy"}),
    }


def test_a_deputy_of_the_same_office_met_with_the_minister_is_one_meeting():
    text = (
        "14 May 2024\n"
        "On my trip to Hanoi this week I met with Vietnam's Minister of Public Security, "
        "General Le Van Tam, and Deputy Minister of Public Security Tran Quoc Huy.\n"
    )
    assert len(meetings(text)) == 1


def test_what_a_minister_discussed_and_with_whom_is_a_meeting():
    text = (
        "14 May 2024\n"
        "Home Affairs Minister Anna Brown discussed online scams with Vietnam's Minister of "
        "Public Security, General Le Van Tam, while in Hanoi on 14 May.\n"
    )
    (meeting,) = meetings(text)
    assert "Le Van Tam" in names(meeting)


def test_what_the_two_sides_discussed_with_third_parties_is_no_meeting_of_its_own():
    text = (
        "Minister of Public Security Le Van Tam received Japanese Minister of Justice Kenji "
        "Tanaka in Hanoi on June 4, 2024.\n"
        "The two sides discussed closer work with the Interpol.\n"
    )
    assert len(meetings(text)) == 1


# --- Vietnamese: a courtesy call and the embassy visited after it ----------------------------


def test_a_courtesy_call_and_then_a_visit_to_our_embassy_are_two_sessions():
    text = (
        "Từ ngày 10 đến 14/6/2024, Đoàn công tác Bộ Công an do Thượng tướng Nguyễn Văn Hải, "
        "Thứ trưởng Bộ Công an làm Trưởng đoàn đã thăm và làm việc tại Australia.\n"
        "Dịp này, đoàn đã tới chào xã giao Bộ trưởng Bộ Nội vụ Australia Jane Smith và thăm "
        "Đại sứ quán Việt Nam tại Australia.\n"
    )
    found = kinds(text)
    assert found.count("meeting") == 1 and "embassy_visit" in found


# --- what must not become a trip: long past, invited, about to go -----------------------------


def context(record: dict) -> bool:
    return any(f["code"] == "context-mention" for f in record["x-review"]["flags"])


RECEPTION = (
    "Interior Minister Ali Karimov received Kazakh Interior Minister Nurlan Bekov in Dushanbe "
    "on 3 May 2023.\n"
)


def test_a_trip_made_many_years_ago_is_told_for_context():
    text = RECEPTION + "The Kazakh minister last visited Tajikistan eleven years ago.\n"
    trips = [r for r in records(text) if r["kind"] == "visit"]
    assert all(context(t) for t in trips)


def test_an_invitation_to_visit_however_long_whom_it_invites_is_no_trip():
    text = RECEPTION + (
        "Karimov renewed the invitation of his ministry to the leadership of the Kazakh "
        "Interior Ministry and its border service to visit the city of Khujand.\n"
    )
    assert "visit" not in kinds(text)


def test_a_minister_going_to_visit_is_a_planned_trip():
    text = RECEPTION + "Bekov said: I am going to visit Dushanbe again in the autumn.\n"
    trips = [r for r in records(text) if r["kind"] == "visit"]
    assert all(t.get("status") == "planned" or context(t) for t in trips)


def test_at_the_invitation_of_a_minister_a_visit_paid_is_a_trip():
    text = (
        "At the invitation of Interior Minister Ali Karimov, Kazakh Interior Minister Nurlan "
        "Bekov paid an official visit to Tajikistan from 3 to 5 May 2023.\n"
    )
    (trip,) = [r for r in records(text) if r["kind"] == "visit"]
    assert not context(trip) and trip.get("status", "held") == "held"


# --- two sides as the sentence's subjects, a meeting after them -------------------------------


def test_two_officials_each_with_titles_in_commas_who_met_during_a_meeting_met_each_other():
    text = (
        "Lima, 9 May The Director-General of the Spanish Civil Guard, Ana Ruiz, and the "
        "Peruvian Minister of the Interior, Carlos Vega, renewed cooperation between the two "
        "countries in the fight against organised crime, on Tuesday, during a meeting in Lima.\n"
        "Ruiz, who is visiting Peru, praised the work of the Peruvian police.\n"
    )
    (meeting,) = meetings(text)
    assert names(meeting) >= {"Ana Ruiz", "Carlos Vega"}
