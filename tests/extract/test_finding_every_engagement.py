"""Engagements unseen pages told in shapes the rules missed: sessions named by their two sides
after a trip, courtesy calls on dignitaries with their honorifics, meetings told through a
statement made at them (texts written for these tests)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def records(text: str, published: date | None = None) -> list[dict]:
    return [r.as_dict() for r in extract(text, document="d", published=published).records]


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record["participants"]}


def test_the_two_officials_after_a_trip_are_the_traveller_and_who_invited_them():
    text = (
        "Interior minister visits Laos\n\n"
        "Minister of Public Security General Tran Van Son led a delegation of the Vietnamese "
        "Ministry of Public Security on an official visit to Laos from March 3-5, 2025 at the "
        "invitation of Minister of Public Security Vilay Lakhamphong.\n\n"
        "After the welcome ceremony on March 4, the two officials held talks on border "
        "security.\n"
    )
    trip, talks = records(text)
    assert trip["kind"] == "visit" and talks["kind"] == "meeting"
    assert talks["part_of"] == trip["slug"]
    assert talks["host"] == "LA" and talks["guests"] == ["VN"]
    assert talks["date"]["start"] == "2025-03-04"
    assert roles(talks) == {"Vilay Lakhamphong": "host", "Tran Van Son": "guest"}


def test_the_two_sides_without_a_trip_or_meeting_before_are_no_meeting():
    text = (
        "Police forces pledge closer ties\n\n"
        "Minister of Public Security General Tran Van Son spoke about crime in Hanoi on "
        "March 4, 2025.\n\n"
        "The two sides held talks on border security.\n"
    )
    assert records(text) == []


def test_a_courtesy_call_on_a_dignitary_with_a_cambodian_honorific():
    text = (
        "Minister visits Cambodia\n\n"
        "Minister of Public Security General Tran Van Son paid an official visit to Cambodia "
        "from May 6-8, 2025.\n\n"
        "On May 6, General Son and his delegation paid a courtesy visit to Senate President "
        "Samdech Techo Hun Sen.\n"
    )
    trip, call = records(text)
    assert call["kind"] == "meeting" and call["part_of"] == trip["slug"]
    assert roles(call)["Hun Sen"] == "host"
    assert call["host"] == "KH" and call["guests"] == ["VN"]


def test_a_name_ending_in_sen_closes_the_sentence():
    text = (
        "Minister visits Cambodia\n\n"
        "On May 6, 2025, Minister of Public Security General Tran Van Son paid a courtesy call "
        "on Samdech Hun Sen.\n"
    )
    (call,) = records(text)
    assert "Hun Sen" in roles(call)


def test_a_page_opening_on_a_credited_photo_caption_reads_the_caption_as_its_story():
    text = (
        "Thứ trưởng Bộ Công an Nguyễn Văn Bình tiếp Giám đốc Cơ quan Hợp tác quốc tế Nhật Bản "
        "tại Hà Nội. Ảnh: Minh Anh - TTXVN\n\n"
        "Phát biểu tại buổi tiếp, Thứ trưởng Nguyễn Văn Bình cảm ơn sự hỗ trợ của phía Nhật Bản "
        "trong đào tạo cán bộ.\n"
    )
    (meeting,) = records(text, date(2025, 3, 4))
    assert meeting["kind"] == "meeting" and meeting["guests"] == ["JP"]
    assert meeting["organisations"][-1]["abbreviation"] == "JICA"
    assert "caption-only" in [f["code"] for f in meeting["x-review"]["flags"]]


def test_an_agencys_vietnamese_name_is_found_however_its_words_are_capitalised():
    text = (
        "Hợp tác phòng chống tội phạm\n\n"
        "Sáng 12/5/2025, tại Hà Nội, Thứ trưởng Bộ Công an Nguyễn Văn Bình đã hội đàm với "
        "Tư lệnh Cảnh sát Quốc Gia Hàn Quốc Park Min-soo.\n"
    )
    (meeting,) = records(text)
    assert meeting["guests"] == ["KR"]
    assert "KNPA" in [o.get("abbreviation") for o in meeting["organisations"]]
    assert "Park Min-soo" in roles(meeting)


def test_a_sentence_opening_on_meeting_someone_tells_that_meeting():
    text = (
        "Minister visits Australia\n\n"
        "Minister of Public Security General Tran Van Son is paying an official visit to "
        "Australia from 14 to 16 May 2025.\n\n"
        "Meeting Australian Home Affairs Minister Anna Berg in Canberra on 15 May, Minister "
        "Tran Van Son proposed closer cooperation against drug trafficking.\n"
    )
    trip, meeting = records(text)
    assert meeting["kind"] == "meeting" and meeting["part_of"] == trip["slug"]
    assert meeting["host"] == "AU" and meeting["guests"] == ["VN"]
    assert roles(meeting) == {"Anna Berg": "host", "Tran Van Son": "guest"}
    assert meeting["date"]["start"] == "2025-05-15"


def test_talking_with_our_side_named_by_country_the_subject_is_the_one_met():
    text = (
        "Minister visits Laos\n\n"
        "Minister of Public Security Tran Van Son paid courtesy calls to Lao leaders in "
        "Vientiane on March 4, 2025, during his working visit to Laos.\n\n"
        "Talking with the Vietnamese minister, Prime Minister of Laos Sonexay Siphandone "
        "praised the two ministries' cooperation.\n"
    )
    (meeting,) = [r for r in records(text) if r["kind"] == "meeting"]
    assert roles(meeting) == {"Sonexay Siphandone": "host"}
    assert meeting["host"] == "LA" and meeting["guests"] == ["VN"]


def test_an_opening_participle_of_two_people_of_one_country_is_no_meeting():
    text = (
        "Police chiefs meet\n\n"
        "Meeting Deputy Minister Le Van Hai in Hanoi on 15 May 2025, Minister Tran Van Son "
        "asked the police to speed up the reform.\n"
    )
    assert [r["kind"] for r in records(text)] == []


def test_a_trip_told_without_its_travellers_is_the_visit_of_its_sessions_guests():
    text = (
        "Minister receives Thai police\n\n"
        "Deputy Minister of Public Security Le Van Hai on 12 May 2025 received Pol. Gen. Somchai "
        "Wong, Deputy Commissioner-General of the Royal Thai Police, in Hanoi.\n\n"
        "The visit was for an exchange of information on drug trafficking.\n"
    )
    drafted = records(text)
    (trip,) = [r for r in drafted if r["kind"] == "visit"]
    assert trip["host"] == "VN" and trip["guests"] == ["TH"]


def test_a_person_visited_with_their_titles_was_called_on():
    text = (
        "Ambassador calls on minister\n\n"
        "Ambassador of Vietnam to Thailand Le Van Hai visited Interior Minister Somchai Wong at "
        "the ministry in Bangkok on 3 June 2025 to discuss border security.\n"
    )
    (call,) = records(text)
    assert call["kind"] == "meeting" and "Somchai Wong" in roles(call)


def test_a_place_visited_is_still_no_meeting():
    text = (
        "Minister tours the border\n\n"
        "Interior Minister Somchai Wong visited Mae Sot on 3 June 2025 to inspect the border "
        "checkpoint.\n"
    )
    assert [r for r in records(text) if r["kind"] == "meeting"] == []
