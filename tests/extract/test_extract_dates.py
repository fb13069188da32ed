"""Dates as Vietnamese and English news write them, and their years."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract.dates import (
    find_dates,
    published_from_byline,
    published_from_url,
    resolve,
)

PUB = date(2025, 9, 6)


def one(text: str, language: str = "vi", published: date | None = PUB) -> dict:
    found = [d for d in find_dates(text, language) if not d.excluded]
    assert len(found) == 1, [d.phrase for d in found]
    return resolve(found[0], published).as_record()


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Ngày 5/9, tại Washington", "2025-09-05", None, "day"),
        ("trong chuyến thăm từ 4-5/9, Thứ trưởng", "2025-09-04", "2025-09-05", "range"),
        ("Từ ngày 5 đến 9-6, Đoàn đại biểu", "2025-06-05", "2025-06-09", "range"),
        ("diễn ra từ 22 - 28/10/2023 tại", "2023-10-22", "2023-10-28", "range"),
        ("hồi tháng 7/2024 cũng như", "2024-07-01", "2024-07-31", "month"),
        ("dự kiến vào tháng 9-2025 tại", "2025-09-01", "2025-09-30", "month"),
        ("ngày 22 tháng 2 năm 2023, tại", "2023-02-22", None, "day"),
        ("Ngày 7 tháng 11 năm 2024, tại Tokyo", "2024-11-07", None, "day"),
        ("Sáng 12/11, tại Hà Nội", "2024-11-12", None, "day"),
        ("Sáng 12/3, tại Trụ sở", "2025-03-12", None, "day"),
        ("Chiều ngày 5-9, Thứ trưởng", "2025-09-05", None, "day"),
        ("từ ngày 28/12/2024 đến 3/1/2025", "2024-12-28", "2025-01-03", "range"),
    ],
)
def test_vietnamese_forms(text: str, start: str, end: str | None, precision: str) -> None:
    got = one(text)
    assert got["start"] == start
    assert got.get("end") == end
    assert got["precision"] == precision


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("visited the US on September 4-5, meeting", "2025-09-04", "2025-09-05", "range"),
        ("was held on 5 September 2025 in", "2025-09-05", None, "day"),
        ("first held in July 2024 in Hanoi", "2024-07-01", "2024-07-31", "month"),
        ("from Sept. 4 to 6, 2025, the", "2025-09-04", "2025-09-06", "range"),
        ("held talks on 12-13 March in", "2025-03-12", "2025-03-13", "range"),
        ("met him on Tuesday, the ministry said", "2025-09-02", None, "day"),
    ],
)
def test_english_forms(text: str, start: str, end: str | None, precision: str) -> None:
    got = one(text, "en")
    assert (got["start"], got.get("end"), got["precision"]) == (start, end, precision)


def test_phrase_keeps_the_time_of_day_and_offsets_point_at_it() -> None:
    text = "Chiều 11/3, tại Trụ sở Bộ Công an, Bộ trưởng đã tiếp ông Marc Knapper."
    (d,) = find_dates(text, "vi")
    assert d.phrase == "Chiều 11/3"
    assert text[d.start : d.end] == d.phrase
    assert d.time_of_day == "Chiều"


def test_missing_year_comes_from_publication_and_is_flagged_inferred() -> None:
    (d,) = find_dates("Ngày 5/9, tại Washington", "vi")
    r = resolve(d, date(2025, 9, 6))
    assert r.year_inferred and r.start == date(2025, 9, 5)
    # a date well after publication belongs to the year before (news reports the past)
    r = resolve(d, date(2026, 1, 10))
    assert r.start == date(2025, 9, 5)
    # unless it is planned
    (d,) = find_dates("dự kiến tổ chức vào tháng 3", "vi")
    assert resolve(d, date(2025, 11, 20), planned=True).start == date(2026, 3, 1)


def test_without_a_publication_date_the_date_stays_partial() -> None:
    (d,) = find_dates("Ngày 5/9, tại Washington", "vi")
    r = resolve(d, None)
    assert r.partial
    assert r.as_record()["start"] == "????-09-05"


def test_a_stated_year_is_not_inferred() -> None:
    (d,) = find_dates("diễn ra tại Canberra ngày 22/2/2023.", "vi")
    r = resolve(d, date(2025, 1, 1))
    assert not r.year_inferred and r.start == date(2023, 2, 22)


def test_anniversaries_and_signatures_are_not_engagement_dates() -> None:
    text = (
        "theo Tuyên bố chung (ký tháng 3/2018) đã diễn ra tại Canberra ngày 22/2/2023, "
        "kỷ niệm 50 năm thiết lập quan hệ ngoại giao (26/02/1973 - 26/02/2023)."
    )
    found = find_dates(text, "vi")
    kept = [d.phrase for d in found if not d.excluded]
    assert kept == ["ngày 22/2/2023"]
    assert {d.phrase for d in found if d.excluded} == {"tháng 3/2018", "26/02/1973 - 26/02/2023"}


def test_ordinals_and_durations_are_not_dates() -> None:
    text = "Đối thoại lần thứ hai kéo dài 3 tháng, lần thứ ba, the second dialogue in 2 years"
    assert find_dates(text, "vi") == []


def test_relative_years() -> None:
    (d,) = find_dates("hold the next dialogue in Canberra later this year.", "en")
    assert resolve(d, date(2024, 3, 14)).as_record()["start"] == "2024-01-01"
    (d,) = find_dates("sẽ tổ chức tại Hà Nội vào năm tới", "vi")
    assert resolve(d, date(2024, 3, 14)).start == date(2025, 1, 1)


def test_publication_dates_from_urls_and_bylines() -> None:
    assert published_from_url("https://x.vn/a/2025/09/06/b.html") == date(2025, 9, 6)
    assert published_from_url("https://x.vn/a-20231022193000000.htm") == date(2023, 10, 22)
    assert published_from_url("https://x.vn/a-post1060203.vnp") is None
    text = "Tiêu đề\nThứ Ba, 12/03/2024 - 16:45\n(CAND) Chiều 11/3, tại Hà Nội, ..."
    found = published_from_byline(text)
    assert found is not None and found[0] == date(2024, 3, 12)
    assert text[found[1] : found[2]].startswith("Thứ Ba")
    # a date inside a story sentence is not a byline
    assert published_from_byline("Ngày 22/10/2023 19:30, tại Hà Nội, " + "x " * 20) is None


def test_a_month_with_a_relative_year() -> None:
    (d,) = find_dates("the first round, held in Vientiane in March last year", "en")
    r = resolve(d, date(2025, 6, 2))
    assert (r.start, r.end, r.precision) == (date(2024, 3, 1), date(2024, 3, 31), "month")
    (d,) = find_dates("Hội nghị lần trước diễn ra hồi tháng 11 năm ngoái", "vi")
    assert resolve(d, date(2025, 6, 2)).start == date(2024, 11, 1)


def test_a_week_relative_to_publication_is_its_month() -> None:
    (d,) = find_dates("The delegation is in Seoul this week.", "en")
    r = resolve(d, date(2025, 3, 12))
    assert (r.start, r.end, r.precision) == (date(2025, 3, 1), date(2025, 3, 31), "month")
    (d,) = find_dates("Đoàn sẽ sang Lào vào tuần tới.", "vi")
    assert resolve(d, date(2025, 3, 28)).start == date(2025, 4, 1)


def test_a_bare_weekday_after_a_verb_in_wire_style() -> None:
    (d,) = find_dates("The two ministers signed Monday a plan to share data.", "en")
    assert resolve(d, date(2025, 6, 4)).start == date(2025, 6, 2)
    assert find_dates("At Monday's meeting, Minister Tan spoke.", "en") == []
