"""The fields of drafts on pages of shapes the extractor had not met: years that name a term,
trips dated by their sessions, the day that opens the main clause after an occasion phrase,
conferences of three countries. The pages are written for these tests."""

from __future__ import annotations

from timeline.extract import extract
from timeline.extract.dates import find_dates, publication_date


def records(page: str, url: str | None = None) -> list[dict]:
    return [r.record for r in extract(page, url=url, document="page").records]


def test_a_year_closing_the_name_of_a_chair_term_is_not_the_page_s_year() -> None:
    page = (
        "Sáng 4/11, tại Viêng Chăn, Thứ trưởng Bộ Công an Trần Văn Bình đã hội đàm với Thứ "
        "trưởng Bộ Công an Lào Somphone Keomany.\n\n"
        "Hai bên trao đổi về công tác bảo đảm an ninh cho năm Chủ tịch ASEAN 2027 của Lào.\n"
    )
    assert publication_date(page, None, "vi")[0] is None
    (meeting,) = records(page)
    assert meeting["date"]["start"] == "????-11-04"


def test_the_one_year_a_page_states_still_dates_its_days() -> None:
    page = (
        "Sáng 4/11, tại Viêng Chăn, Thứ trưởng Bộ Công an Trần Văn Bình đã hội đàm với Thứ "
        "trưởng Bộ Công an Lào Somphone Keomany.\n\n"
        "Năm 2026, hai bên đã phối hợp điều tra nhiều vụ án.\n"
    )
    (meeting,) = records(page)
    assert meeting["date"]["start"] == "2026-11-04"


def test_a_trip_whose_sessions_are_all_dated_spans_their_days() -> None:
    page = (
        "Đoàn đại biểu Bộ Công an do Thứ trưởng Trần Văn Bình làm Trưởng đoàn đã có chuyến thăm "
        "chính thức Hàn Quốc.\n\n"
        "Ngày 8/5/2025 tại Seoul, Thứ trưởng Trần Văn Bình hội đàm với ngài Park Min-soo, Tổng "
        "Giám đốc Cơ quan Cảnh sát quốc gia Hàn Quốc.\n\n"
        "Ngày 9/5/2025, Đoàn đã làm việc với Bộ Tư pháp Hàn Quốc.\n"
    )
    trip = next(r for r in records(page) if r["kind"] == "visit")
    assert (trip["date"]["start"], trip["date"].get("end")) == ("2025-05-08", "2025-05-09")


def test_a_trip_with_a_session_told_without_its_day_keeps_its_month() -> None:
    page = (
        "Đoàn đại biểu Bộ Công an do Thứ trưởng Trần Văn Bình làm Trưởng đoàn đã có chuyến thăm "
        "chính thức Hàn Quốc.\n\n"
        "Ngày 8/5/2025 tại Seoul, Thứ trưởng Trần Văn Bình hội đàm với ngài Park Min-soo, Tổng "
        "Giám đốc Cơ quan Cảnh sát quốc gia Hàn Quốc.\n\n"
        "Trong chuyến thăm, Đoàn cũng đã làm việc với Bộ Tư pháp Hàn Quốc.\n"
    )
    trip = next(r for r in records(page) if r["kind"] == "visit")
    assert (trip["date"]["start"], trip["date"].get("end")) == ("2025-05-01", "2025-05-31")


def test_the_day_after_an_occasion_phrase_with_commas_of_its_own_dates_each_meeting() -> None:
    page = (
        "Nhân dịp tháp tùng Thủ tướng thăm, làm việc tại Campuchia và dự Hội nghị Cấp cao 3 "
        "nước Campuchia - Lào - Việt Nam lần thứ hai, ngày 14/3/2025, Thứ trưởng Bộ Công an "
        "Trần Văn Bình đã đến chào xã giao Bộ trưởng Bộ Nội vụ Campuchia Sok Dara và hội đàm "
        "với Quốc vụ khanh Bộ Nội vụ Campuchia Chea Vannak.\n"
    )
    drafted = records(page)
    meetings = [r for r in drafted if r["kind"] == "meeting"]
    assert [m["date"]["start"] for m in meetings] == ["2025-03-14", "2025-03-14"]
    # the summit of three countries attended is the occasion, not an engagement of two
    assert not any("3 nước" in (r.get("title_vi") or "") for r in drafted)


def test_the_second_session_followed_by_its_day_is_no_monday() -> None:
    (found,) = find_dates("Hội nghị hợp tác lần thứ hai, ngày 14/3/2025, tại Huế.", "vi")
    assert (found.phrase, found.weekday) == ("ngày 14/3/2025", None)


def test_who_hosted_a_series_session_makes_it_their_side_s() -> None:
    page = (
        "Indonesian police chiefs visit Australia\n\n"
        "The Australian Federal Police (AFP) and the Indonesian National Police (INP) agreed "
        "this week to share more intelligence on people smuggling.\n\n"
        "AFP Commissioner Joan Whitely hosted the 4th AFP-INP Senior Officers' Meeting on March "
        "12, 2025.\n\n"
        "INP Chief Police General Budi Santoso led the Indonesian delegation of 25 officers.\n"
    )
    (meeting,) = records(page)
    assert (meeting["kind"], meeting["host"], meeting["guests"]) == ("dialogue", "AU", ["ID"])
    assert meeting["place"]["country"] == "AU"
    roles = {p["name"]: p["role"] for p in meeting["participants"]}
    assert roles == {"Joan Whitely": "host", "Budi Santoso": "guest"}


def test_a_trip_whose_sessions_fell_on_one_day_is_that_day() -> None:
    page = (
        "Đoàn đại biểu Bộ Công an do Thứ trưởng Trần Văn Bình làm Trưởng đoàn đã có chuyến thăm "
        "chính thức Hàn Quốc.\n\n"
        "Ngày 8/5/2025 tại Seoul, Thứ trưởng Trần Văn Bình hội đàm với ngài Park Min-soo, Tổng "
        "Giám đốc Cơ quan Cảnh sát quốc gia Hàn Quốc.\n"
    )
    trip = next(r for r in records(page) if r["kind"] == "visit")
    assert trip["date"] == {"start": "2025-05-08", "precision": "day", "phrase": "Ngày 8/5/2025"}


def test_a_dialogue_told_without_days_was_held_where_its_co_chair_was_received() -> None:
    page = (
        "Minister receives Indian security official\n\n"
        "Minister of Public Security Luong Van An received Indian Deputy National Security "
        "Adviser Raj Kumar at the ministry's headquarters in Hanoi.\n\n"
        "The reception came after the fourth India-Vietnam Security Dialogue, co-chaired by Raj "
        "Kumar and Deputy Minister Pham Van Binh.\n"
    )
    dialogue = next(r for r in records(page) if r["kind"] == "dialogue")
    assert (dialogue["host"], dialogue["guests"]) == ("VN", ["IN"])
    assert dialogue["place"]["country"] == "VN"


def test_a_session_naming_none_of_the_travellers_is_still_theirs() -> None:
    page = (
        "Thailand and Cambodia held their fifth Security Dialogue on March 3, 2025, in Bangkok. "
        "It was co-chaired by Cambodia's Secretary of State for Interior Chea Sophal and "
        "Thailand's Deputy Police Commissioner Somchai Rattana.\n\n"
        "During his visit, Deputy NSA Sophal held discussions with Thailand's Minister of "
        "Justice Prasert Wong.\n"
    )
    meeting = next(r for r in records(page) if r["kind"] == "meeting")
    assert (meeting["host"], meeting["guests"]) == ("TH", ["KH"])


def test_days_a_trip_is_told_over_later_beat_a_day_counted_from_publication() -> None:
    page = (
        "Minister flies to Vietnam\n"
        "June 3, 2024\n\n"
        "Interior Secretary Jose Ramos left yesterday on a five-day official visit to Hanoi to "
        "discuss drug trafficking with his counterpart.\n\n"
        "Ramos, with a small delegation of his department, is visiting Vietnam from June 1-5 "
        "at the invitation of Vietnamese Minister of Public Security Tran Van Binh.\n"
    )
    trip = next(r for r in records(page) if r["kind"] == "visit")
    assert (trip["date"]["start"], trip["date"]["end"]) == ("2024-06-01", "2024-06-05")


def test_talks_with_the_country_our_trip_went_to_are_hosted_there() -> None:
    page = (
        "Từ ngày 10 - 14/9/2025, Đoàn đại biểu cấp cao Bộ Công an Việt Nam do Thượng tướng Trần "
        "Văn Bình, Thứ trưởng Bộ Công an dẫn đầu, đã có chuyến thăm và làm việc tại Mông Cổ.\n\n"
        "Trong cuộc hội đàm chính thức với Thiếu tướng Batbayar Ganbold, Ủy viên Bộ Chính trị, "
        "Bộ trưởng Tư pháp Mông Cổ, hai bên nhất trí tăng cường trao đổi thông tin.\n"
    )
    meeting = next(r for r in records(page) if r["kind"] == "meeting")
    assert (meeting["host"], meeting["guests"]) == ("MN", ["VN"])
    assert meeting["participants"][0]["role"] == "host"
