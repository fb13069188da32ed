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
