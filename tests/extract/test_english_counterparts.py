"""English wire copy: the country written as the adjective of a title ("Lao Prime Minister",
"US National Security Advisor"), and an agreement signed by two officials of two countries."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.gazetteer import find_organisations, find_places
from timeline.extract.people import find_people


def countries(text: str) -> dict[str, str | None]:
    found = find_organisations(text, "en", 0, len(text), []) + find_places(text, 0, len(text))
    return {p.name: p.country for p in find_people(text, 0, len(text), "en", found)}


def drafts(text: str, published: date) -> list[dict]:
    return [r.record for r in extract(text, document="d", published=published).records]


def test_an_ambiguous_demonym_before_a_title_is_the_holders_country():
    text = "Binh paid a courtesy call on Lao Deputy Prime Minister Khamla Sisouk."
    assert countries(text) == {"Khamla Sisouk": "LA"}


def test_a_country_before_a_title_the_chain_did_not_take_whole_is_the_holders():
    text = "Binh had a meeting with US National Security Advisor Robert Hale on Friday."
    assert countries(text)["Robert Hale"] == "US"


def test_an_agreement_two_officials_signed_is_their_meeting():
    text = (
        "Vietnam, Cambodia sign deal on drug control\n\n"
        "Deputy Minister of Public Security Tran Van Binh and Cambodian Secretary of State Sok "
        "Phal inked a deal on drug control in Hanoi on Monday.\n"
    )
    records = drafts(text, date(2024, 6, 5))
    (meeting,) = [r for r in records if r["kind"] == "meeting"]
    assert "KH" in meeting["guests"]
    assert {p["name"] for p in meeting["participants"]} >= {"Tran Van Binh", "Sok Phal"}


def test_a_vietnamese_signing_by_two_ministers_is_their_meeting():
    text = (
        "Ngày 3/6, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình và ông Sok Phal, Quốc vụ "
        "khanh Bộ Nội vụ Campuchia đã ký kết Biên bản ghi nhớ về hợp tác phòng chống ma túy.\n"
    )
    records = drafts(text, date(2024, 6, 5))
    (meeting,) = [r for r in records if r["kind"] == "meeting"]
    assert "KH" in meeting["guests"]


def test_the_minutes_the_two_sides_sign_after_talks_are_no_second_meeting():
    text = (
        "Ngày 3/6, tại Hà Nội, Thứ trưởng Trần Văn Bình đã hội đàm với ông Sok Phal, Quốc vụ "
        "khanh Bộ Nội vụ Campuchia.\n"
        "Kết thúc hội đàm, hai bên đã ký kết Biên bản hội đàm năm 2024.\n"
    )
    records = drafts(text, date(2024, 6, 5))
    assert [r["kind"] for r in records] == ["meeting"]


def test_separate_meetings_with_a_list_of_officials_are_one_meeting_each():
    text = (
        "Minister Tran Van Binh is on a working visit to Australia.\n"
        "He had separate meetings with Attorney-General David Brook, Australian Federal Police "
        "Commissioner Ian Rowe and Director-General of Security Mark Hunt in Canberra on March 12.\n"
    )
    records = drafts(text, date(2024, 3, 14))
    met = sorted(
        p["name"]
        for r in records
        if r["kind"] == "meeting"
        for p in r["participants"]
        if p["role"] != "guest"
    )
    assert met == ["David Brook", "Ian Rowe", "Mark Hunt"]


def test_a_reception_hosted_for_a_guest_is_a_meeting_with_the_guest():
    text = (
        "Deputy Minister Tran Van Binh hosted a reception in Hanoi on July 8 for Commissioner "
        "General of the Korean National Police Agency Park Min-seok.\n"
    )
    records = drafts(text, date(2024, 7, 9))
    (meeting,) = [r for r in records if r["kind"] == "meeting"]
    assert (meeting["host"], meeting["guests"]) == ("VN", ["KR"])


def test_a_working_visit_paid_to_a_foreign_agency_is_a_trip_to_its_country():
    text = (
        "A delegation of the Ministry of Public Security led by Lieutenant General Tran Van "
        "Binh, Deputy Minister of Public Security, paid a working visit to the Australian "
        "Federal Police (AFP) from June 30 to July 3.\n"
        "During the visit, the delegation worked with AFP Deputy Commissioner Ian Rowe.\n"
    )
    records = drafts(text, date(2025, 7, 4))
    (trip,) = [r for r in records if r["kind"] == "visit"]
    assert (trip["host"], trip["guests"], trip["date"]["start"]) == ("AU", ["VN"], "2025-06-30")
    assert {p["name"]: p["role"] for p in trip["participants"]} == {
        "Tran Van Binh": "delegation_head"
    }


def test_an_agreement_signed_by_two_officials_named_after_the_verb_is_their_meeting():
    text = (
        "The memorandum was signed by Deputy Minister of Public Security Tran Van Binh and "
        "British Security Minister James Harwood in London on Monday.\n"
    )
    records = drafts(text, date(2024, 6, 5))
    (meeting,) = [r for r in records if r["kind"] == "meeting"]
    assert ({meeting.get("host")} | set(meeting["guests"])) - {None} == {"GB", "VN"}
    assert {p["name"] for p in meeting["participants"]} == {"Tran Van Binh", "James Harwood"}


def test_chinas_ministry_of_state_security_gives_its_officials_their_country():
    text = (
        "Deputy Minister Tran Van Binh on Tuesday received a delegation from China's Ministry of "
        "State Security led by Vice Minister Wang Jianping.\n"
    )
    (meeting,) = [r for r in drafts(text, date(2024, 6, 5)) if r["kind"] == "meeting"]
    assert (meeting["host"], meeting["guests"]) == ("VN", ["CN"])


def test_a_visitor_named_by_their_countrys_adjective_is_that_countrys_trip():
    text = (
        "Minister Tran Van Binh on July 8 had a working session with Commissioner General of the "
        "Korean National Police Agency Park Min-seok.\n"
        "The Korean official is on a visit to Vietnam from July 7 to 10.\n"
    )
    (trip,) = [r for r in drafts(text, date(2024, 7, 11)) if r["kind"] == "visit"]
    assert (trip["host"], trip["guests"]) == ("VN", ["KR"])


def test_a_wire_lead_naming_the_sides_by_office_and_the_sentence_naming_them_are_one_meeting():
    text = (
        "SEOUL, Oct. 21 (Yonhap) -- South Korea's police chief held talks with Vietnam's public "
        "security minister in Seoul on Monday, officials said.\n"
        "Korean National Police Agency Commissioner General Park Min-seok met with Vietnamese "
        "Minister of Public Security Tran Van Binh, who is on a four-day visit to South Korea.\n"
    )
    meetings = [r for r in drafts(text, date(2024, 10, 21)) if r["kind"] == "meeting"]
    assert len(meetings) == 1
    assert {p["name"] for p in meetings[0]["participants"]} == {"Park Min-seok", "Tran Van Binh"}


def test_the_one_called_on_hosts_the_courtesy_call():
    text = (
        "Minister Tran Van Binh is on an official visit to Singapore.\n"
        "On May 6, Binh called on Singaporean Prime Minister Lee Hsien Loong.\n"
    )
    (call,) = [r for r in drafts(text, date(2024, 5, 8)) if r["kind"] == "meeting"]
    roles = {p["name"]: p["role"] for p in call["participants"]}
    assert roles == {"Tran Van Binh": "guest", "Lee Hsien Loong": "host"}


def test_the_one_a_vietnamese_minister_pays_a_courtesy_call_to_hosts_it():
    text = (
        "Chiều 24/8, Đại tướng Trần Văn Bình, Bộ trưởng Bộ Công an Việt Nam đã đến chào Thủ tướng "
        "Lào Sonexay Siphandone.\n"
    )
    (call,) = [r for r in drafts(text, date(2024, 8, 26)) if r["kind"] == "meeting"]
    roles = {p["name"]: p["role"] for p in call["participants"]}
    assert roles == {"Trần Văn Bình": "guest", "Sonexay Siphandone": "host"}
