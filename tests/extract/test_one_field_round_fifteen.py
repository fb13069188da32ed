"""Fifteenth round (x-one6): drafts that missed their engagement by one field (the day a wire's
source spoke taken for the meeting's, the side of an official named by office alone abroad, the
foreign subject after "the talks with X,") and false drafts (a caption credited without a colon,
a welcome clause read as a second meeting). The pages are written for these tests in the genre's
shapes."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import flags, kinds, meetings, names, of_kind, people
from timeline.extract.segment import segment, split_sentences

# --- the day a report was made ------------------------------------------------------------------


def test_a_weekday_closing_the_lead_after_said_is_the_report_s_day_not_the_meeting_s() -> None:
    text = (
        "The police chiefs of Norway and Estonia held talks in Oslo on cross-border fraud, the "
        "Norwegian police said Thursday.\n"
        "Police Director Lars Holm met with Estonian Director General Rein Tamm on Wednesday.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 3, 14))
    assert meeting["date"]["start"] == "2024-03-13"


def test_a_weekday_after_media_reports_showed_is_not_the_meeting_s_day() -> None:
    text = (
        "The intelligence chiefs of Chile and Peru met in Lima, local media reports showed "
        "Friday.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 3, 15))
    assert meeting["date"]["start"] != "2024-03-15"


def test_the_report_s_weekday_still_anchors_earlier_in_the_day() -> None:
    text = (
        "The border police of Chile and Peru agreed to share data, officials said Monday.\n"
        "Chief Ana Soto met with General Luis Vega earlier in the day in Tacna.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 3, 12))
    assert meeting["date"]["start"] == "2024-03-11"


# --- an official named by office alone on another country's page -------------------------------


def test_the_subject_named_by_office_at_home_is_of_the_host_country_not_the_guests() -> None:
    text = (
        "Amman, The Minister of Interior, Khaled Nasser met with the Greek Ambassador Nikos "
        "Pappas and the Dutch Ambassador Pieter de Vries, separately, to discuss security "
        "cooperation.\n"
    )
    found = meetings(text)
    assert len(found) == 2
    for meeting in found:
        assert people(meeting)["Khaled Nasser"]["country"] == "JO"
        assert meeting["host"] == "JO"
        assert len(meeting["guests"]) == 1
    assert {m["guests"][0] for m in found} == {"GR", "NL"}


# --- a caption's credit without a colon --------------------------------------------------------


def test_a_vietnamese_line_closing_on_anh_and_its_source_is_a_caption() -> None:
    text = (
        "Ngày 12-3, tại Hà Nội, Thượng tướng Trần Văn An, Thứ trưởng Bộ Công an đã tiếp ông "
        "Piotr Nowak, Đại sứ Ba Lan tại Việt Nam.\n\n"
        "Thứ trưởng Trần Văn An và Đại sứ Piotr Nowak tại buổi tiếp. Ảnh CA\n\n"
        "Hai bên trao đổi về hợp tác phòng, chống tội phạm.\n"
    )
    layout = segment(text, "vi")
    roles = [p.role for p in layout.paragraphs]
    assert roles[1] == "caption"
    assert roles[2] == "body"


def test_influence_opening_a_vietnamese_sentence_is_no_caption_credit() -> None:
    text = (
        "Ngày 12-3, tại Hà Nội, Thứ trưởng Trần Văn An đã tiếp Đại sứ Ba Lan Piotr Nowak.\n\n"
        "Hai bên đánh giá cao kết quả hợp tác. Ảnh hưởng của tội phạm mạng ngày càng lớn\n"
    )
    layout = segment(text, "vi")
    assert layout.paragraphs[1].role != "caption"


# --- a welcome clause told after the reception -------------------------------------------------


def test_welcoming_the_guest_to_work_at_the_ministry_is_the_reception_told_again() -> None:
    text = (
        "Ngày 12-3, tại Hà Nội, Đại tướng Trần Văn An, Bộ trưởng Bộ Công an đã tiếp ngài Piotr "
        "Nowak, Thứ trưởng Bộ Nội vụ Ba Lan.\n\n"
        "Chào mừng ngài Piotr Nowak và đoàn tới làm việc tại Bộ Công an Việt Nam, Bộ trưởng Trần "
        "Văn An khẳng định Việt Nam coi trọng quan hệ với Ba Lan.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"].endswith("-03-12")
    assert {"Trần Văn An", "Piotr Nowak"} <= names(meeting)


# --- the foreign subject after "the talks with X," ----------------------------------------------


def test_after_the_talks_with_our_minister_the_foreign_subject_is_the_side_met() -> None:
    text = (
        "Trong cuộc hội đàm với Bộ trưởng Quốc phòng Việt Nam Trần Văn An, người đồng nhiệm Lào "
        "Khamphan Sisavat hôm nay cam kết thúc đẩy hợp tác quốc phòng.\n"
    )
    (meeting,) = meetings(text)
    assert "LA" in [*meeting.get("guests", []), meeting.get("host")]
    assert "Khamphan Sisavat" in names(meeting)


def test_after_the_talks_with_a_foreign_guest_our_subject_keeps_the_guest_met() -> None:
    text = (
        "Tại buổi hội đàm với Bộ trưởng Nội vụ Lào Khamphan Sisavat, Bộ trưởng Trần Văn An "
        "đề nghị hai bên tăng cường trao đổi thông tin.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Khamphan Sisavat"]["country"] == "LA"


# --- a gathering named by its body and its number -----------------------------------------------


def test_a_reception_of_the_delegates_to_a_numbered_regional_gathering_is_context() -> None:
    text = (
        "Deputy Minister Tran Van An also attended the reception.\n\n"
        "Prime Minister Le Van Binh welcomed all delegates to Vietnam to attend SOMTC 23.\n"
    )
    assert meetings(text) == [] or all("context-mention" in flags(m) for m in meetings(text))


# --- a numbered ministerial council of two countries --------------------------------------------


def test_a_numbered_ministerial_council_of_two_countries_is_a_dialogue() -> None:
    text = (
        "Japan and the Philippines agreed to share maritime intelligence at the 3rd "
        "Japan-Philippines Ministerial Council on Security meeting in Manila on Tuesday.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["place"]["city"] == "Manila"
    assert {dialogue["host"], *dialogue["guests"]} == {"PH", "JP"}


# --- one engagement drafted once ----------------------------------------------------------------


def test_a_lead_s_trip_noun_without_a_place_and_the_trip_told_later_are_one_visit() -> None:
    text = (
        "Chuyến thăm và giao lưu nhằm tăng cường hợp tác giữa Cảnh sát biển Việt Nam và Lực lượng "
        "Tuần duyên Ấn Độ.\n\n"
        "Kết quả chuyến thăm và giao lưu tại Ấn Độ của tàu CSB 8003 góp phần củng cố hữu nghị.\n"
    )
    assert kinds(text) == ["visit"]


def test_two_countries_chiefs_holding_a_meeting_is_drafted_once() -> None:
    text = (
        "The police chiefs of Chile and Peru held a meeting in Lima and exchanged views on "
        "border crime, local reports said.\n"
    )
    assert len(meetings(text)) == 1


# --- initials before a surname -------------------------------------------------------------------


def test_a_chain_of_initials_before_a_surname_does_not_end_the_sentence() -> None:
    paragraph = "Phái đoàn Nga do Phó Thư ký V.P. Orlov dẫn đầu từ ngày 3-5/6/2024 tại Moskva."
    assert [s for _a, _b, s in split_sentences(paragraph)] == [paragraph]


def test_the_trip_s_dates_after_a_head_named_by_initials_date_the_trip() -> None:
    text = (
        "Đoàn đại biểu Bộ Công an Việt Nam do Thượng tướng Trần Văn An, Thứ trưởng Bộ Công an làm "
        "Trưởng đoàn đã thăm, làm việc tại Nga, hội đàm với Đoàn Nga do Phó Bộ trưởng V.P. "
        "Orlov làm Trưởng đoàn từ ngày 3-5/6/2024, tại Thủ đô Moskva.\n"
    )
    (visit,) = of_kind(text, "visit")
    assert visit["date"]["start"] == "2024-06-03"
    assert visit["date"]["end"] == "2024-06-05"


# --- the meeting where the remarks were made ----------------------------------------------------


def test_a_meeting_told_as_where_remarks_were_made_takes_the_day_they_were_reported() -> None:
    text = (
        "Tuesday, March 12, 2024\n\n"
        "Chilean army chief Gen. Luis Vega arrived here on Sunday for a three-day visit.\n"
        "Luis Vega pledged on Monday afternoon that his forces would curb border smuggling.\n"
        "Luis Vega made the remarks during his meeting with Peruvian Prime Minister Ana Soto.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2024-03-11"


# --- a trip told twice: its day, then its place ----------------------------------------------------


def test_a_trip_alluded_to_with_its_day_gives_the_day_to_the_trip_told_with_its_place() -> None:
    text = (
        "Tuesday, March 12, 2024\n\n"
        "Chilean army chief Gen. Luis Vega arrived here on Monday for a two-day visit.\n"
        "Luis Vega said that his visit to Peru is to introduce himself to the Peruvian army.\n"
    )
    (visit,) = of_kind(text, "visit")
    assert visit["date"]["start"] == "2024-03-11"
