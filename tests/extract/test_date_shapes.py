"""Every date shape of the genre's pages: bylines and date lines, URLs, the story's own year,
relative days resolved against the publication date, crawl dates set aside, and dates told in
the sentence that retells a meeting. The pages are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract
from timeline.extract.dates import (
    find_dates,
    publication_date,
    published_from_byline,
    published_from_url,
    resolve,
)
from timeline.extract.segment import BYLINE, segment

VI_MEETING = (
    "Sáng 28/9, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Pháp Jean Dupont.\n"
)


def dates_of(text: str, url: str | None = None) -> list[tuple[str, str | None, set[str]]]:
    """(start, end, date flags) of each record drafted from the page, in order."""
    draft = extract(text, url=url, document="page")
    return [
        (
            r.record["date"]["start"],
            r.record["date"].get("end"),
            {f.code for f in r.flags if "date" in f.code or "year" in f.code or "day" in f.code},
        )
        for r in draft.records
    ]


@pytest.mark.parametrize(
    ("page", "published"),
    [
        (
            "Police chiefs meet\nThursday, 12 October 2023 10:32\n\nThe chiefs met.",
            date(2023, 10, 12),
        ),
        ("Police chiefs meet\nWed, 4 Sep 2024\n\nThe chiefs met.", date(2024, 9, 4)),
        ("Police chiefs meet\n2023-10-12T10:32:00+07:00\n\nThe chiefs met.", date(2023, 10, 12)),
        ("Police chiefs meet\nPublished: 2023-10-12\n\nThe chiefs met.", date(2023, 10, 12)),
        ("Police chiefs meet\n07:14 PM May 17, 2025\n\nThe chiefs met.", date(2025, 5, 17)),
        ("Police chiefs meet\nOctober 12, 2023 10:32 AM\n\nThe chiefs met.", date(2023, 10, 12)),
        ("Police chiefs meet\n12 October 2023\n\nThe chiefs met.", date(2023, 10, 12)),
        ("Hai bên hội đàm\n16:45 | 12/03/2024\n\nHai bên đã hội đàm.", date(2024, 3, 12)),
        ("Hai bên hội đàm\n09:30 (GMT+7) ngày 5/7/2023\n\nHai bên đã hội đàm.", date(2023, 7, 5)),
        ("Hai bên hội đàm\nThứ Ba, 12/03/2024 - 16:45\n\nHai bên đã hội đàm.", date(2024, 3, 12)),
    ],
)
def test_every_byline_shape_gives_the_publication_date(page: str, published: date) -> None:
    found = published_from_byline(page)
    assert found is not None and found[0] == published


@pytest.mark.parametrize(
    "line",
    ["11:41 04/03/2025", "2023-10-12T10:32:00+07:00", "October 12, 2023 10:32 AM", "12 October 2023",
     "May, 01 2019", "Thứ Năm, 16/06/2022, 14:15"],
)  # fmt: skip
def test_a_line_that_is_only_a_date_stamp_is_a_byline_not_the_lead(line: str) -> None:
    layout = segment(f"Hai bên hội đàm\n\n{line}\n\nChiều nay, hai bên đã hội đàm.\n", "vi")
    assert [p.role for p in layout.paragraphs if p.text == line] == [BYLINE]


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("https://news.example.vn/hai-ben-hoi-dam-20240929140432455.htm", date(2024, 9, 29)),
        ("https://news.example.com/2024/09/29/police-chiefs-meet", date(2024, 9, 29)),
        ("https://news.example.com/view?id=7&date=2024-09-29", date(2024, 9, 29)),
        ("https://news.example.com/view?id=7&date=29/09/2024", date(2024, 9, 29)),
        ("https://news.example.com/view?ngay=29-9-2024", date(2024, 9, 29)),
        ("https://news.example.com/view?id=2024", None),
        ("https://news.example.vn/hai-ben-hoi-dam-196251026221758241.htm", date(2025, 10, 26)),
        ("https://news.example.vn/hai-ben-hoi-dam-196259936221758241.htm", None),
        ("https://news.example.vn/hai-ben-hoi-dam-post1060203.html", None),
    ],
)
def test_a_url_dates_the_page(url: str, published: date | None) -> None:
    assert published_from_url(url) == published


def test_the_url_gives_the_year_to_a_date_written_without_one() -> None:
    got = dates_of(VI_MEETING, "https://news.example.com/view?date=29/09/2024")
    assert got == [("2024-09-28", None, {"year-inferred"})]


@pytest.mark.parametrize(
    ("phrase", "language", "start", "end"),
    [
        ("Chiều nay", "vi", "2025-03-04", None),
        ("Sáng nay", "vi", "2025-03-04", None),
        ("Hôm qua", "vi", "2025-03-03", None),
        ("Tối qua", "vi", "2025-03-03", None),
        ("Đầu tháng này", "vi", "2025-03-01", "2025-03-31"),
        ("Tháng trước", "vi", "2025-02-01", "2025-02-28"),
        ("This morning", "en", "2025-03-04", None),
        ("Yesterday", "en", "2025-03-03", None),
        ("Earlier this month", "en", "2025-03-01", "2025-03-31"),
        ("Last month", "en", "2025-02-01", "2025-02-28"),
        ("On Friday", "en", "2025-02-28", None),
        ("Last July", "en", "2024-07-01", "2024-07-31"),
        ("In July last year", "en", "2024-07-01", "2024-07-31"),
    ],
)
def test_a_relative_date_is_counted_from_the_publication_date(
    phrase: str, language: str, start: str, end: str | None
) -> None:
    found = [d for d in find_dates(f"{phrase}, the two sides met.", language) if not d.excluded]
    assert len(found) == 1, [d.phrase for d in found]
    got = resolve(found[0], date(2025, 3, 4)).as_record()  # a Tuesday
    assert (got["start"], got.get("end")) == (start, end)


def test_a_relative_day_in_a_report_is_flagged_as_counted_from_publication() -> None:
    page = f"Hai bên hội đàm\n\n11:41 04/03/2025\n\n{VI_MEETING.replace('Sáng 28/9', 'Chiều nay')}"
    assert dates_of(page) == [("2025-03-04", None, {"day-from-publication"})]


def test_the_english_report_of_a_talk_earlier_this_month_is_dated_by_its_month() -> None:
    page = (
        "Ministers meet\nPublished: October 12, 2023\n\n"
        "Deputy Minister of Public Security Tran Van Binh met French Ambassador Jean Dupont "
        "in Hanoi earlier this month.\n"
    )
    assert dates_of(page) == [("2023-10-01", "2023-10-31", {"day-from-publication"})]


def test_a_header_date_months_after_the_story_s_own_dates_is_the_crawl_date() -> None:
    page = (
        "Thứ Hai, 07/12/2026\n\nBộ trưởng tiếp Đại sứ Pháp\n\n"
        "Sáng 5/6/2023, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Pháp "
        "Jean Dupont.\n\n"
        "Chiều 6/6, Thứ trưởng Trần Văn Bình đã hội đàm với Đại sứ Đức Hans Müller.\n"
    )
    assert publication_date(page, None, "vi") == (date(2023, 6, 5), "story")
    assert [d[:2] for d in dates_of(page)] == [("2023-06-05", None), ("2023-06-06", None)]


def test_a_header_date_months_after_the_story_s_yearless_day_is_the_crawl_date() -> None:
    # the site prints the day it is read on top of every page; the story says "15/5" only
    page = (
        "Thứ Hai, 08/12/2025 12:08 GMT+7\n  • Đường dây nóng\n\nBộ trưởng tiếp Đại sứ Pháp\n\n"
        "Chiều ngày 15/5, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Pháp "
        "Jean Dupont. Kể từ giữa năm 2022 đến nay, hợp tác giữa hai Bộ được nối lại.\n"
    )
    assert publication_date(page, None, "vi") == (None, "none")
    ((start, _, flags),) = dates_of(page)
    assert start == "????-05-15" and "partial-date" in flags


def test_a_header_date_days_after_the_story_s_yearless_day_is_the_publication_date() -> None:
    page = (
        "Thứ Hai, 19/05/2025 12:08 GMT+7\n\nBộ trưởng tiếp Đại sứ Pháp\n\n"
        "Chiều ngày 15/5, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Pháp "
        "Jean Dupont.\n"
    )
    assert publication_date(page, None, "vi") == (date(2025, 5, 19), "byline")
    assert dates_of(page)[0][0] == "2025-05-15"


def test_a_byline_the_story_agrees_with_is_the_publication_date() -> None:
    page = (
        "Thứ Ba, 06/06/2023, 08:10\n\nBộ trưởng tiếp Đại sứ Pháp\n\n"
        "Sáng 5/6/2023, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Pháp "
        "Jean Dupont.\n"
    )
    assert publication_date(page, None, "vi") == (date(2023, 6, 6), "byline")


def test_a_crawl_date_gives_way_to_the_url_s() -> None:
    page = "Wed, 2 Dec 2026\n\nTalks\n\nOn 5 June 2023, the chiefs met in Hanoi.\n"
    url = "https://news.example.com/2023/06/06/talks"
    assert publication_date(page, url, "en") == (date(2023, 6, 6), "url")


def test_the_trip_s_dated_range_carries_its_year_to_the_sessions() -> None:
    page = (
        "Đoàn đại biểu Bộ Công an do Thứ trưởng Trần Văn Bình dẫn đầu đã thăm và làm việc tại "
        "Nhật Bản từ ngày 22 - 28/10/2023.\n\n"
        "Sáng 23/10, Đoàn đã làm việc với Cơ quan Cảnh sát quốc gia Nhật Bản (NPA).\n"
    )
    visit, meeting = dates_of(page)
    assert visit[:2] == ("2023-10-22", "2023-10-28")
    assert meeting == ("2023-10-23", None, {"year-inferred"})


def test_the_same_day_is_the_day_the_story_told_last() -> None:
    page = (
        "Sáng 5/6/2023, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Pháp "
        "Jean Dupont.\n\n"
        "Chiều cùng ngày, Thứ trưởng Trần Văn Bình đã tiếp Đại sứ Đức Hans Müller.\n"
    )
    first, second = dates_of(page)
    assert first[0] == second[0] == "2023-06-05"
    assert "date-from-story" in second[2]


def test_the_same_day_counts_from_a_day_the_story_gave_something_else() -> None:
    # the day before "cùng ngày" dates a wreath-laying, no engagement of the draft
    page = (
        "Thứ trưởng Bộ Công an Trần Văn Bình thăm chính thức Pháp\n\n14:05 20/3/2024\n\n"
        "Trong ngày 18/3, Thứ trưởng Trần Văn Bình đã đặt vòng hoa tại Đài tưởng niệm.\n\n"
        "Cùng ngày, Thứ trưởng Trần Văn Bình đã hội đàm với Bộ trưởng Nội vụ Pháp Jean Dupont.\n"
    )
    (talks,) = [d for d in dates_of(page) if d[1] is None]
    assert talks[0] == "2024-03-18"
    assert {"date-from-story", "year-inferred"} <= talks[2]


def test_the_same_day_without_a_year_anywhere_keeps_its_day_and_month() -> None:
    page = (
        "Ngày 18/3, Thứ trưởng Trần Văn Bình đã đặt vòng hoa tại Đài tưởng niệm ở Paris.\n\n"
        "Hôm sau, Thứ trưởng Trần Văn Bình đã hội đàm với Bộ trưởng Nội vụ Pháp Jean Dupont.\n"
    )
    (talks,) = dates_of(page)
    assert talks[0] == "????-03-19"
    assert "partial-date" in talks[2]


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("received French Ambassador Jean Dupont in Hanoi on 12 March 2024.", "2024-03-12", None),
        ("paid a working visit to France on March 12-14, 2024.", "2024-03-12", "2024-03-14"),
        ("paid a working visit to France from 3 to 5 June 2024.", "2024-06-03", "2024-06-05"),
        ("paid a working visit to France from October 28 to November 2, 2023.", "2023-10-28",
         "2023-11-02"),
    ],
)  # fmt: skip
def test_english_dates_and_ranges_across_months(sentence: str, start: str, end: str | None) -> None:
    page = f"Deputy Minister of Public Security Tran Van Binh {sentence}\n"
    assert dates_of(page)[0][:2] == (start, end)


def test_a_vietnamese_range_across_months_keeps_both_months() -> None:
    page = (
        "Đoàn đại biểu Bộ Công an do Thứ trưởng Trần Văn Bình dẫn đầu đã thăm và làm việc tại "
        "Nhật Bản từ ngày 28/10 đến 2/11/2023.\n"
    )
    assert dates_of(page)[0][:2] == ("2023-10-28", "2023-11-02")


def test_a_meeting_told_first_without_its_date_takes_the_date_of_its_retelling() -> None:
    page = (
        "Thứ trưởng tiếp Đại sứ Pháp 30/09/2024 17:58\n\n"
        "Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Pháp Jean Dupont nhằm thúc đẩy hợp "
        "tác giữa hai Bộ.\n\n"
        "Sáng 28-9-2024, tại Hà Nội, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an đã tiếp "
        "Đại sứ Pháp Jean Dupont.\n"
    )
    assert dates_of(page) == [("2024-09-28", None, set())]


def test_with_no_year_anywhere_the_date_stays_partial_and_flagged() -> None:
    assert dates_of(VI_MEETING) == [("????-09-28", None, {"partial-date"})]
    wire = (
        "SEOUL, Oct. 21 (Yonhap) -- Korea's police chief Kim Min-soo held talks with Vietnamese "
        "Deputy Minister of Public Security Tran Van Binh on Friday, the agency said.\n"
    )
    (start, _, flags), *_ = dates_of(wire)
    assert start.startswith("????") and "partial-date" in flags


def test_a_day_of_the_month_alone_is_of_the_publication_s_month() -> None:
    page = (
        "Police chiefs meet\nPublished: 2024-05-20\n\n"
        "Commissioner General Kim Min-soo of the Korean National Police Agency held talks with "
        "Vietnamese Deputy Minister of Public Security Tran Van Binh in Seoul on the 16th to "
        "discuss drug trafficking.\n"
    )
    assert dates_of(page) == [("2024-05-16", None, {"day-from-publication"})]
    assert not [d for d in find_dates("the office on the 16th floor", "en")]


@pytest.mark.parametrize(
    ("text", "start"),
    [("Chiều 10.1.2024, tại Hà Nội", "2024-01-10"), ("Sáng 10.1, tại", "2025-01-10")],
)
def test_a_date_written_with_dots_is_read(text: str, start: str) -> None:
    found = [d for d in find_dates(text, "vi") if not d.excluded]
    assert [resolve(d, date(2025, 1, 20)).as_record()["start"] for d in found] == [start]
    assert find_dates("tăng 3.5 lần so với", "vi") == []


def test_the_day_a_delegation_set_off_dates_the_trip_and_its_sessions_by_month() -> None:
    page = (
        "Ngày 26-10-2023, đoàn đại biểu Bộ Công an do Thứ trưởng Trần Văn Bình dẫn đầu đã lên "
        "đường sang thăm Nhật Bản và đồng chủ trì Hội nghị hợp tác phòng chống tội phạm lần thứ "
        "tư giữa Bộ Công an Việt Nam và Cơ quan Cảnh sát quốc gia Nhật Bản.\n"
    )
    kinds = {r.record["kind"]: r.record["date"] for r in extract(page, document="p").records}
    assert kinds["visit"]["start"] == "2023-10-26" and "end" not in kinds["visit"]
    assert (kinds["dialogue"]["start"], kinds["dialogue"]["end"]) == ("2023-10-01", "2023-10-31")


def test_a_trip_told_first_without_its_dates_takes_those_of_its_retelling() -> None:
    page = (
        "Minister of Interior Sok Dara's current visit to Japan will take cooperation to new "
        "heights, a senior Japanese official said.\n\n"
        "Sok Dara pays a three-day visit to Japan from April 28-30, 2024, according to his "
        "ministry.\n"
    )
    assert dates_of(page)[0][:2] == ("2024-04-28", "2024-04-30")


def test_a_trip_told_without_dates_takes_the_day_it_arrived() -> None:
    page = (
        "Deputy Minister Tran Van Binh paid a working visit to Laos\n\nFebruary, 10 2020\n"
        "General Tran Van Binh, Deputy Minister of Public Security, leading a delegation of the "
        "Vietnamese Ministry of Public Security, arrived in Vientiane on February 10, starting "
        "his visit to the country.\n"
    )
    assert dates_of(page)[0][:2] == ("2020-02-10", None)


def test_a_later_meeting_with_someone_else_does_not_date_the_lead_s_meeting() -> None:
    page = (
        "Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Pháp Jean Dupont nhằm thúc đẩy hợp "
        "tác giữa hai Bộ.\n\n"
        "Sáng 28-9-2024, Thứ trưởng Trần Văn Bình đã tiếp Đại sứ Đức Hans Müller.\n"
    )
    first = dates_of(page)[0]
    assert first[0] != "2024-09-28"


def test_after_two_days_of_work_the_closing_day_ends_a_range() -> None:
    page = (
        "Sau hai ngày làm việc, chiều 3-12-2019, tại Hà Nội, Đối thoại An ninh cấp Thứ trưởng "
        "Việt Nam - Australia lần thứ hai đã bế mạc.\n"
    )
    assert dates_of(page)[0][:2] == ("2019-12-02", "2019-12-03")


def test_a_date_after_the_occasion_and_the_reporter_s_attribution_is_the_meeting_s() -> None:
    page = (
        "Theo phóng viên TTXVN tại Lào, nhân dịp tham dự Hội nghị cấp cao ASEAN lần thứ 44 tại "
        "thủ đô Vientiane, chiều 9/10/2024, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an, "
        "đã đến chào xã giao Đại tướng Vilay Lakhamphong, Bộ trưởng Bộ Công an Lào.\n"
    )
    meetings = [d for d in dates_of(page) if d[0] == "2024-10-09"]
    assert meetings, dates_of(page)


def test_a_url_filed_by_year_and_month_gives_the_year() -> None:
    url = "https://news.example.vn/chinh-tri/201711/hoi-nghi-doi-thoai-2859230/"
    assert publication_date(VI_MEETING.replace("28/9", "4/11"), url, "vi") == (
        date(2017, 11, 4),
        "url-month",
    )
    draft = extract(VI_MEETING.replace("28/9", "4/11"), url=url, document="p")
    (record,) = draft.records
    assert record.record["date"]["start"] == "2017-11-04"
    assert "published" not in record.record["sources"][0]  # a month is no publication date


@pytest.mark.parametrize(
    ("page", "published"),
    [
        (
            "Hai bên hội đàm\nThứ Hai, ngày 07 tháng 10 năm 2024\n\nHai bên đã hội đàm.",
            date(2024, 10, 7),
        ),
        (
            "Police chiefs meet\nBy Jane Doe | October 12, 2023\n\nThe chiefs met.",
            date(2023, 10, 12),
        ),
    ],
)
def test_long_vietnamese_date_lines_and_author_lines_date_the_page(
    page: str, published: date
) -> None:
    assert published_from_byline(page)[0] == published


def test_a_sentence_of_the_story_after_by_is_no_byline() -> None:
    assert (
        published_from_byline("By contrast, the talks held on October 12, 2023 were long.\n")
        is None
    )


def test_a_trip_named_after_its_dated_session_takes_the_days_the_session_is_told_over() -> None:
    # the lead's exhibition is no bilateral visit; "chuyến thăm" is named only with the talks
    page = (
        "Đoàn đại biểu Bộ Công an do Thứ trưởng Trần Văn Bình làm Trưởng đoàn đã sang dự Triển "
        "lãm quốc tế về an ninh tại Pháp, từ ngày 28/5 - 4/6/2024.\n\n"
        "Trong khuôn khổ chuyến thăm, Thứ trưởng Trần Văn Bình đã hội đàm với Thứ trưởng Bộ Nội "
        "vụ Pháp Jean Dupont.\n"
    )
    trip, talks = dates_of(page)
    assert trip[:2] == talks[:2] == ("2024-05-28", "2024-06-04")
    assert "date-from-parts" in trip[2]
