"""Fifteenth round (x-vi6): Vietnamese provincial and border pages. An anniversary's span gives
the story's year; a glued headline's anniversary does not exclude the story's first day; a
resident mission's call is no trip; border posts named with a capitalised "Cửa khẩu"; a greeting
delegation known only by its country; an audience with a monarch ("yết kiến"). The pages are
written for these tests in the genre's shapes."""

from __future__ import annotations

from tests.extract.drafts import flags, kinds, meetings, people, records
from timeline.extract.dates import anniversary_year, find_dates
from timeline.extract.gazetteer import find_organisations

# --- an anniversary's span --------------------------------------------------------------------


def test_an_anniversary_span_gives_its_last_year() -> None:
    text = "Nhân kỷ niệm 75 năm Ngày thành lập lực lượng (5/4/1950 - 5/4/2025), đoàn sang thăm."
    assert anniversary_year(text) == 2025


def test_a_span_after_a_count_of_years_without_the_word_for_anniversary_counts_too() -> None:
    text = "Đoàn đến chúc mừng 30 năm Ngày truyền thống của đơn vị (1994 - 2024) tại trụ sở."
    assert anniversary_year(text) == 2024


def test_an_english_anniversary_span_is_read() -> None:
    text = "The visit marks the 25th anniversary of diplomatic ties (1999-2024)."
    assert anniversary_year(text) == 2024


def test_a_span_that_does_not_add_up_to_the_count_is_no_anniversary() -> None:
    assert anniversary_year("Nhân kỷ niệm 40 năm hợp tác (1990 - 2024), hai bên gặp mặt.") is None


def test_a_story_dated_only_by_an_anniversary_takes_its_year() -> None:
    page = (
        "Nhân dịp kỷ niệm 75 năm Ngày thành lập lực lượng Công an Lào (5/4/1950 - 5/4/2025), "
        "chiều 3/4, đoàn đại biểu Công an tỉnh Kon Tum do Đại tá Lò Văn Phúc, Phó Giám đốc "
        "Công an tỉnh làm trưởng đoàn đã sang thăm, chúc mừng Công an tỉnh Attapeu (Lào). "
        "Ảnh chụp chung năm 1998 được trao tặng đơn vị bạn.\n"
    )
    (meeting,) = meetings(page)
    assert meeting["date"]["start"] == "2025-04-03"


# --- a glued headline's anniversary -----------------------------------------------------------


def test_a_day_opening_the_story_after_a_glued_headline_is_not_the_anniversary_s() -> None:
    text = "Đoàn chúc mừng nhân kỷ niệm Quốc khánh 2/9 ABC - Ngày 27/8, đoàn công tác đến thăm."
    day = next(d for d in find_dates(text, "vi") if d.day == 27)
    assert day.excluded is None


def test_a_holiday_named_inside_a_clause_stays_excluded() -> None:
    text = "Hai bên trao quà nhân dịp kỷ niệm Ngày 2/9 tại cửa khẩu."
    day = next(d for d in find_dates(text, "vi") if d.day == 2)
    assert day.excluded == "context"


# --- a resident mission's call ----------------------------------------------------------------


def test_a_consulate_s_delegation_calling_on_a_local_unit_is_a_meeting_not_a_trip() -> None:
    page = (
        "Ngày 28/8/2025, đoàn công tác Tổng Lãnh sự quán Lào tại Đà Nẵng do Tổng Lãnh sự "
        "Bounmy Phanthavong làm trưởng đoàn đến thăm, chúc mừng Ban Chỉ huy Bộ đội Biên phòng "
        "thành phố Đà Nẵng. Tiếp đoàn có Đại tá Lê Văn Dũng, Chỉ huy trưởng.\n"
    )
    assert kinds(page) == ["meeting"]


# --- border posts -----------------------------------------------------------------------------


def test_a_border_post_named_with_a_capitalised_gate_word_is_one_unit() -> None:
    text = "Đoàn đến Đồn Biên phòng Cửa khẩu quốc tế Bờ Y và Đồn Biên phòng Cửa khẩu Lệ Thanh."
    names = [o.text for o in find_organisations(text, "vi")]
    assert names == ["Đồn Biên phòng Cửa khẩu quốc tế Bờ Y", "Đồn Biên phòng Cửa khẩu Lệ Thanh"]


def test_a_greeting_delegation_known_only_by_its_country_meets_the_post_it_greets() -> None:
    page = (
        "Sáng 1/9/2025, Đoàn Trạm Kiểm dịch Phu Cưa, nước bạn Lào đã sang thăm, chúc mừng Đồn "
        "Biên phòng Cửa khẩu quốc tế Bờ Y nhân dịp Quốc khánh.\n"
    )
    (meeting,) = meetings(page)
    assert meeting["host"] == "VN" and meeting["guests"] == ["LA"]
    assert meeting["date"]["start"] == "2025-09-01"


# --- an audience with a monarch ---------------------------------------------------------------


def test_an_audience_with_a_king_is_a_meeting_its_subject_the_guest() -> None:
    page = (
        "Ngày 14/3/2024, tại Cung điện Hoàng gia, Thượng tướng Đỗ Minh Khang, Thứ trưởng Bộ "
        "Công an Việt Nam đã yết kiến Quốc vương Campuchia Norodom Sihamoni.\n"
    )
    (meeting,) = meetings(page)
    roles = {n: p["role"] for n, p in people(meeting).items()}
    assert roles == {"Đỗ Minh Khang": "guest", "Norodom Sihamoni": "host"}
    assert meeting["host"] == "KH"


def test_a_verb_of_audience_ends_an_agency_s_name() -> None:
    page = (
        "Bộ trưởng Bộ Công an Trần Văn Lực yết kiến Quốc vương Thái Lan ngày 2/5/2024 tại "
        "Bangkok.\n"
    )
    orgs = {o["name"] for r in records(page) for o in r.get("organisations", [])}
    assert not any("yết kiến" in name for name in orgs)


# --- a caption of the two people at a session ---------------------------------------------------


def test_a_page_cut_above_its_reception_drafts_it_from_the_caption() -> None:
    page = (
        "Thứ trưởng Phạm Quốc Hưng đánh giá cao vai trò của Đại sứ trong quan hệ giữa Bộ Công "
        "an Việt Nam và Bộ Nội vụ Campuchia thời gian qua.\n\n"
        "Thứ trưởng Phạm Quốc Hưng và Đại sứ Chea Kimtha tại buổi tiếp.\n\n"
        "Hai bên nhất trí tiếp tục phối hợp trao đổi thông tin về tội phạm xuyên quốc gia.\n"
    )
    (meeting,) = meetings(page)
    roles = {n: (p["role"], p.get("country")) for n, p in people(meeting).items()}
    assert roles["Phạm Quốc Hưng"] == ("host", "VN")
    assert roles["Chea Kimtha"][0] == "guest"
    assert meeting["host"] == "VN" and meeting["guests"] == ["KH"]


def test_a_caption_at_a_session_adds_nothing_when_the_story_told_it() -> None:
    page = (
        "Chiều 5/6/2024, tại Hà Nội, Thứ trưởng Phạm Quốc Hưng đã tiếp Đại sứ Campuchia Chea "
        "Kimtha.\n\n"
        "Thứ trưởng Phạm Quốc Hưng và Đại sứ Chea Kimtha tại buổi tiếp.\n"
    )
    assert len(meetings(page)) == 1


# --- an earlier session named by its minutes ----------------------------------------------------


def test_a_session_whose_minutes_are_carried_out_is_an_earlier_one() -> None:
    page = (
        "Ngày 12/10/2023, tại thị xã Attapeu (Lào), đã diễn ra Hội nghị giao ban công tác biên "
        "giới lần thứ IX giữa hai tỉnh.\n\nDự hội nghị có đại diện Công an tỉnh Kon Tum.\n\n"
        "Hai bên đã Hội đàm, đánh giá kết quả thực hiện Biên bản ghi nhớ Hội nghị Giao ban "
        "biên giới lần thứ VIII giữa hai tỉnh Kon Tum - Attapeu.\n"
    )
    held = [r for r in records(page) if "context-mention" not in flags(r)]
    assert len(held) == 1  # the ninth session; the eighth only recalled


# --- a country's epithet ------------------------------------------------------------------------


def test_a_country_s_epithet_is_the_country_and_no_one_met() -> None:
    page = (
        "Chiều 4/3/2024, tại Vientiane, đoàn công tác tỉnh Nghệ An do ông Trần Văn An dẫn đầu "
        "đã đến chào xã giao Bộ trưởng Bộ Công an Lào nhân chuyến thăm và làm việc tại đất "
        "nước Triệu Voi.\n"
    )
    met = meetings(page)
    assert len(met) == 1 and met[0]["host"] == "LA"
