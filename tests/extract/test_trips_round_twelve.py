"""Trips and their sessions, twelfth round: shapes written for these tests in our own words,
with invented names. The talks told as happening between two delegations are one meeting; a
reception told by its host's words ("while hosting", "told visiting"); a trip told only as the
delegation's stay; a trip of months before, opened by "Trước đó", beside the story's
reception is context."""

from __future__ import annotations

from tests.extract.drafts import flags, meetings, of_kind, records

TALKS_HAPPENING = (
    "Sáng 12/9, tại Viêng Chăn đã diễn ra buổi hội đàm giữa Đoàn đại biểu Bộ Công an Việt Nam do "
    "Thượng tướng Lê Văn Minh, Thứ trưởng Bộ Công an làm trưởng đoàn và Đoàn đại biểu Bộ An ninh "
    "Lào do Trung tướng Sổm Phon, Thứ trưởng Bộ An ninh Lào làm trưởng đoàn.\n"
)


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record["participants"]}


def test_talks_told_as_happening_between_two_delegations_are_one_meeting() -> None:
    (talks,) = meetings(TALKS_HAPPENING)
    assert (talks["host"], talks["guests"]) == ("LA", ["VN"])
    assert roles(talks) == {"Lê Văn Minh": "guest", "Sổm Phon": "host"}


def test_the_talks_told_with_cuộc_are_one_meeting_too() -> None:
    (talks,) = meetings(TALKS_HAPPENING.replace("buổi hội đàm", "cuộc hội đàm"))
    assert (talks["host"], talks["guests"]) == ("LA", ["VN"])


def test_a_reception_told_while_hosting_the_guest_is_a_meeting_its_subject_hosts() -> None:
    text = (
        "Cambodian Prime Minister Hun Sokha praised the cooperation between the two ministries "
        "while hosting Vietnamese Deputy Minister of Public Security Lieut. Gen. Tran Van Hoa in "
        "Phnom Penh on June 11.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("KH", ["VN"])
    assert roles(meeting) == {"Hun Sokha": "host", "Tran Van Hoa": "guest"}


def test_a_minister_who_told_a_visiting_chief_something_received_him() -> None:
    text = (
        "Minister of Public Security Gen. Nguyen Van Binh told visiting Australian Federal Police "
        "Commissioner Peter Lang in Hanoi on March 3 that the two agencies should share more "
        "information. During the meeting, the two sides agreed to boost joint investigations.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["AU"])
    assert roles(meeting) == {"Nguyen Van Binh": "host", "Peter Lang": "guest"}
    assert not of_kind(text, "visit")


def test_a_trip_told_only_as_the_delegations_stay_is_a_trip_of_its_sessions() -> None:
    text = (
        "Hanoi (VNA) - Deputy Minister of Public Security Lieut. Gen. Tran Van Hoa co-chaired the "
        "fourth Vietnam-Cambodia security conference in Phnom Penh on June 10.\n"
        "During their stay in Cambodia from June 9 to 11, the Vietnamese delegation paid a "
        "courtesy visit to Cambodian Deputy Prime Minister Sok Vanna.\n"
    )
    (trip,) = of_kind(text, "visit")
    assert (trip["host"], trip["guests"]) == ("KH", ["VN"])
    (call,) = meetings(text)
    assert (call["host"], call["guests"]) == ("KH", ["VN"])
    assert call["part_of"] == trip["slug"]


def test_a_trip_months_before_opened_by_trước_đó_is_context_beside_the_reception() -> None:
    text = (
        "Chiều 15/8/2024, tại Hà Nội, Thứ trưởng Bộ Công an Lê Văn Minh đã tiếp ông John Smith, "
        "Phó Tổng Thanh tra Cảnh sát Anh.\n"
        "Trước đó, vào tháng 3/2024, Thứ trưởng Lê Văn Minh đã dẫn đầu đoàn công tác Bộ Công an "
        "thăm và làm việc tại Vương quốc Anh.\n"
    )
    (trip,) = of_kind(text, "visit")
    assert "context-mention" in flags(trip)
    (reception,) = meetings(text)
    assert "context-mention" not in flags(reception)


def test_an_earlier_session_of_the_same_trip_opened_by_trước_đó_stays_held() -> None:
    text = (
        "Từ ngày 3 đến 6/4/2024, Đoàn công tác Bộ Công an do Thứ trưởng Lê Văn Minh dẫn đầu đã "
        "thăm và làm việc tại Nhật Bản. Chiều 5/4/2024, Thứ trưởng Lê Văn Minh đã hội đàm với "
        "ông Sato Kenji, Tư lệnh Cơ quan Cảnh sát quốc gia Nhật Bản.\n"
        "Trước đó, ngày 4/4/2024, Đoàn đã làm việc với Bộ Tư pháp Nhật Bản.\n"
    )
    assert not any("context-mention" in flags(r) for r in records(text))
    assert len(meetings(text)) == 2


def test_three_met_in_one_list_are_three_meetings_when_a_portfolio_names_fields_with_commas() -> (
    None
):
    text = (
        "Minister of Public Security Gen. Nguyen Van Binh met with Thai Minister of Interior "
        "Somchai Prasert, Minister of Justice Anan Wongsa, and State Minister of Land, "
        "Infrastructure, Transport and Tourism Kittipong Rattana in Bangkok on April 4.\n"
    )
    met = meetings(text)
    hosts = {p["name"] for m in met for p in m["participants"] if p["role"] == "host"}
    assert hosts == {"Somchai Prasert", "Anan Wongsa", "Kittipong Rattana"}
    assert len(met) == 3 and all(m["host"] == "TH" for m in met)


def test_a_later_sentence_at_the_meeting_with_the_one_met_retells_the_talks() -> None:
    text = (
        "Minister of Public Security Gen. Nguyen Van Binh held talks with Japanese National "
        "Police Agency Commissioner General Sato Kenji in Tokyo on April 4.\n"
        "At the meeting with Japanese National Police Agency Commissioner General Sato Kenji, "
        "Binh thanked Japan for its support in training.\n"
    )
    (talks,) = meetings(text)
    assert (talks["host"], talks["guests"]) == ("JP", ["VN"])


def test_the_third_met_named_after_an_agency_without_a_country_is_the_lists_country() -> None:
    text = (
        "On April 4, Deputy Minister of Public Security Le Van Minh met with Japanese Justice "
        "Minister Sato Kenji, Internal Affairs Minister Tanaka Hiro and National Police Agency "
        "Commissioner General Suzuki Ichiro in Tokyo.\n"
    )
    met = meetings(text)
    hosts = {p["name"] for m in met for p in m["participants"] if p["role"] == "host"}
    assert hosts == {"Sato Kenji", "Tanaka Hiro", "Suzuki Ichiro"}
    assert all((m["host"], m["guests"]) == ("JP", ["VN"]) for m in met)


def test_a_new_chief_representative_in_apposition_is_no_person_named_representative() -> None:
    text = (
        "Minister of Public Security Gen. Nguyen Van Binh hosted Sato Kenji, new Chief "
        "Representative of the Japan External Trade Organization in Vietnam, in Hanoi on "
        "March 27.\n"
    )
    (reception,) = meetings(text)
    assert "Representative" not in {p["name"] for p in reception["participants"]}
    assert (reception["host"], reception["guests"]) == ("VN", ["JP"])


def test_a_wire_dateline_with_city_country_and_day_places_the_reception_at_home() -> None:
    text = (
        "ASTANA, Kazakhstan, March 14. A memorandum was signed between the interior ministries "
        "of the two countries, the agency reports.\n\n"
        "On March 13, the Minister of Internal Affairs of Kazakhstan Erlan Sadykov received his "
        "Uzbek counterpart Rustam Karimov and the delegation headed by him.\n"
    )
    (reception,) = meetings(text)
    assert reception["place"] == {"city": "Astana", "country": "KZ"}
    assert (reception["host"], reception["guests"]) == ("KZ", ["UZ"])


def test_a_portfolio_of_two_fields_does_not_lend_its_last_word_to_the_name() -> None:
    text = (
        "Interior Minister Karim Saleh had a meeting with Mali's Minister of Security and Civil "
        "Protection Amadou Traore and his accompanying delegation, who are on a visit to Egypt.\n"
    )
    (meeting,) = meetings(text)
    assert {p["name"] for p in meeting["participants"]} == {"Karim Saleh", "Amadou Traore"}
