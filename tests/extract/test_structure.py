"""A trip's sessions: courtesy calls, a conference and a call on consecutive days, the occasion
phrase that sets a sentence, and a conference's day told again later."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract

TEXT = (
    "Nhân chuyến thăm và đồng chủ trì Hội nghị hợp tác an ninh Việt Nam – Campuchia lần thứ 7 "
    "tại thủ đô Phnom Penh, chiều 12/8, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an và "
    "đoàn công tác đã đến chào Thủ tướng Campuchia Sok Dara.\n"
    "Báo cáo với Thủ tướng về kết quả Hội nghị hợp tác an ninh Việt Nam – Campuchia lần thứ 7 "
    "vừa tổ chức sáng 11/8 tại Phnom Penh, Thứ trưởng Trần Văn Bình cho biết hai bên đã thống "
    "nhất tăng cường trao đổi thông tin.\n"
)


def records():
    d = extract(TEXT, document="doc", published=date(2024, 8, 13), publisher="X")
    return {r.record["kind"]: r.record for r in d.records if r.record["kind"] != "visit"}


def test_a_courtesy_call_is_a_meeting_and_the_conference_of_the_day_before_another():
    recs = records()
    assert set(recs) == {"meeting", "dialogue"}
    assert recs["meeting"]["date"]["start"] == "2024-08-12"
    assert {p["name"] for p in recs["meeting"]["participants"]} >= {"Sok Dara"}


def test_a_bilateral_numbered_conference_is_a_dialogue_dated_where_it_is_told_again():
    dialogue = records()["dialogue"]
    assert dialogue["session"] == 7
    assert dialogue["date"]["start"] == "2024-08-11"  # not the call's day of the lead


def test_who_co_chairs_in_the_occasion_phrase_is_the_sentence_s_subject():
    roles = {p["name"]: p["role"] for p in records()["dialogue"]["participants"]}
    assert roles.get("Trần Văn Bình") == "co_chair"


def test_a_trip_only_alluded_to_with_nothing_to_record_is_not_drafted():
    for text in (
        "Hợp tác an ninh\n\nPhát biểu tại buổi lễ, ông Trần Văn Bình cho biết chuyến thăm sẽ góp "
        "phần tăng cường quan hệ hai nước.\n",
        "Security ties\n\nSpeaking at the ceremony, Mr. John Smith said the visit would deepen "
        "ties between the two police forces.\n",
    ):
        assert extract(text, document="doc", published=date(2024, 4, 5)).records == []


def test_a_page_that_is_only_a_photo_caption_still_gives_its_engagement():
    text = (
        "Chú thích ảnh:\n"
        "Ngày 12/5/2023, trong khuôn khổ chuyến thăm Pháp tham dự Hội nghị Interpol khu vực châu "
        "Âu từ ngày 13-15/5, đoàn đại biểu Bộ Công an do Trung tướng Trần Văn Bình dẫn đầu đã "
        "có buổi làm việc tại Cục Cảnh sát Tư pháp Pháp (DCPJ).Ảnh: Minh Anh, PV tại Paris\n"
    )
    d = extract(text, document="doc")
    (meeting,) = [r for r in d.records if r.record["kind"] == "meeting"]
    assert meeting.record["date"]["start"] == "2023-05-12"  # not the summit's days
    assert meeting.record.get("status", "held") == "held"
    assert "caption-only" in {f.code for f in meeting.flags}


def test_visits_in_general_are_told_for_context_not_as_a_trip_of_the_article():
    text = (
        "Deputy Minister receives US official\n\n"
        "Lieutenant General Tran Van Binh, Deputy Minister of Public Security, received Mr. Paul "
        "K. Harris, Assistant Secretary of State, in Hanoi on June 15.\n"
        "Despite the pandemic, the two sides still exchanged high-level visits to Vietnam by Vice "
        "President Jane Doe and Secretary of Defense John Roe.\n"
    )
    d = extract(text, document="doc", published=date(2022, 6, 16), publisher="X")
    visits = [r for r in d.records if r.record["kind"] == "visit"]
    assert all("context-mention" in {f.code for f in r.flags} for r in visits)
