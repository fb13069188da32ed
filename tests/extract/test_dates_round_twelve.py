"""Dates, twelfth round: more of the shapes the genre's outlets print a day in, and what a day
counted from nothing is. The pages are written for these tests in the genre's shapes; the names
are made up."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract.dates import find_dates, publication_date

from .drafts import flags, meetings, records

RECEPTION_EN = (
    "Deputy Minister of Public Security Tran Quang Vinh received Commissioner Helen Moffat of "
    "the Australian Federal Police in Hanoi"
)


def starts(text: str, url: str | None = None) -> set[str]:
    return {r["date"]["start"] for r in meetings(text, url)}


# --- a weekday glossed with its day and month in parentheses -----------------------------------


def test_a_weekday_glossed_with_its_day_and_month_takes_that_day() -> None:
    # Indonesian and Malaysian outlets' English: the day first, as at home ("Selasa (9/1)")
    page = (
        "Jakarta and Canberra step up police ties\n"
        f"{RECEPTION_EN} on Tuesday (09/01) to talk about people smuggling.\n"
    )
    # the address files the page a month later: the gloss, not the weekday before the
    # publication, is the day
    assert starts(page, "https://news.example.id/2018/02/police-ties.html") == {"2018-01-09"}


def test_a_weekday_glossed_with_a_full_date_in_parentheses_takes_it() -> None:
    page = f"Police ties\n{RECEPTION_EN} on Wednesday (17/5/2023).\nThey spoke of drugs.\n"
    assert starts(page) == {"2023-05-17"}


# --- a relative day with nothing to count from ---------------------------------------------------


def test_this_week_with_no_publication_date_names_no_month() -> None:
    # not "????-??-01": with no publication date "this week" says nothing of the month
    page = f"Police ties\n{RECEPTION_EN} this week.\nThey spoke of drugs.\n"
    assert starts(page) == {"????-??-??"}


# --- a date line written with slashes, the year first ------------------------------------------


def test_a_date_line_with_the_year_first_and_slashes_is_the_publication_date() -> None:
    page = f"Police ties\n2024/03/14 10:15\n{RECEPTION_EN} on March 13.\n"
    assert publication_date(page, None, "en")[0] == date(2024, 3, 14)
    assert starts(page) == {"2024-03-13"}


# --- "the next day" is told, not planned ---------------------------------------------------------

NEXT_DAY = (
    "Police ties\n"
    f"{RECEPTION_EN} on March 12{{year}}. The next day, Moffat met Colonel Le Van Binh, head of "
    "the drug police.\n"
)


def test_the_next_day_of_a_told_meeting_is_held_not_planned() -> None:
    page = NEXT_DAY.format(year="")
    found = records(page, url="https://example.com/2024/03/14/police-ties")
    binh = [r for r in found if "Le Van Binh" in {p["name"] for p in r["participants"]}]
    assert binh and all(r.get("status", "held") == "held" for r in binh)
    assert {r["date"]["start"] for r in binh} == {"2024-03-13"}


def test_the_next_day_after_the_storys_own_latest_date_is_no_plan() -> None:
    # no byline, no date in the address: the page was written on the 12th at the earliest,
    # so the 13th is no plan
    page = NEXT_DAY.format(year=", 2024")
    binh = [r for r in records(page) if "Le Van Binh" in {p["name"] for p in r["participants"]}]
    assert binh and all(r.get("status", "held") == "held" for r in binh)
    assert all("planned" not in flags(r) for r in binh)


# --- a crawl date on top, the page's own date line under the headline ---------------------------


def test_the_page_own_date_line_under_a_crawl_date_is_the_publication_date() -> None:
    # the site prints the day it was saved on top; the story, dated "Sáng 12/3", was written
    # in 2019 as the line under the headline says: that line is the page's byline
    page = (
        "Thứ Hai, 07/12/2026 09:00\n"
        "Hội đàm về phòng chống ma túy\n"
        "Thứ Ba, 12/03/2019 - 10:00\n"
        "Sáng 12/3, tại Hà Nội, Thứ trưởng Bộ Công an Trần Quang Vinh đã tiếp bà Helen Moffat, "
        "Phó Tư lệnh Cảnh sát Liên bang Australia.\n"
        "Hai bên bàn về ma túy và rửa tiền.\n"
        "Hai bên nhất trí tăng cường trao đổi thông tin.\n"
    )
    assert publication_date(page, None, "vi") == (date(2019, 3, 12), "byline")
    (meeting,) = meetings(page)
    assert meeting["date"]["start"] == "2019-03-12"
    assert meeting["sources"][0]["published"] == "2019-03-12"


def test_a_dated_line_far_down_the_page_is_no_byline_for_a_crawl_date() -> None:
    # a related article's stamp at the foot is no date line of this page
    page = (
        "Thứ Hai, 07/12/2026 09:00\n"
        "Hội đàm về phòng chống ma túy\n"
        "Sáng 12/3, tại Hà Nội, Thứ trưởng Bộ Công an Trần Quang Vinh đã tiếp bà Helen Moffat, "
        "Phó Tư lệnh Cảnh sát Liên bang Australia.\n"
        + "Hai bên bàn về ma túy, rửa tiền và tội phạm sử dụng công nghệ cao ở hai nước.\n" * 6
        + "Tin liên quan\n05/06/2018 10:00\n"
    )
    assert publication_date(page, None, "vi")[1] != "byline"


# --- days counted from the day told before ------------------------------------------------------


def test_a_day_earlier_counts_back_from_the_day_told_before() -> None:
    page = (
        "PNP chief meets envoys\n"
        "March 12, 2024\n"
        "PNP chief Gen. Juan Cruz received Vietnamese Ambassador Tran Van Hai at Camp Crame on "
        "March 11. A day earlier, Cruz met the Indonesian police attache, Col. Budi Santoso.\n"
    )
    dated = {r["date"].get("phrase"): r["date"]["start"] for r in meetings(page)}
    assert dated == {"on March 11": "2024-03-11", "A day earlier": "2024-03-10"}


def test_two_days_later_counts_on_from_the_day_told_before() -> None:
    page = (
        "PNP chief meets envoys\n"
        "March 12, 2024\n"
        "PNP chief Gen. Juan Cruz received Vietnamese Ambassador Tran Van Hai at Camp Crame on "
        "March 9. Two days later, Cruz met the Indonesian police attache, Col. Budi Santoso.\n"
    )
    dated = {r["date"].get("phrase"): r["date"]["start"] for r in meetings(page)}
    assert dated == {"on March 9": "2024-03-09", "Two days later": "2024-03-11"}


def test_hai_ngay_sau_counts_on_from_the_day_told_before() -> None:
    page = (
        "Hội đàm an ninh\n"
        "14/03/2024 10:00\n"
        "Sáng 11/3, tại Hà Nội, Thứ trưởng Bộ Công an Trần Quang Vinh đã tiếp bà Helen Moffat, "
        "Phó Tư lệnh Cảnh sát Liên bang Australia. Hai ngày sau, Thứ trưởng Trần Quang Vinh hội "
        "đàm với ông Kim Tae-ho, Phó Tổng cục trưởng Cảnh sát quốc gia Hàn Quốc.\n"
    )
    dated = {r["date"].get("phrase"): r["date"]["start"] for r in meetings(page)}
    assert dated == {"Sáng 11/3": "2024-03-11", "Hai ngày sau": "2024-03-13"}


def test_a_day_counted_with_no_year_keeps_its_month_and_day() -> None:
    page = (
        "PNP chief meets envoys\n"
        "PNP chief Gen. Juan Cruz received Vietnamese Ambassador Tran Van Hai at Camp Crame on "
        "March 9. Two days later, Cruz met the Indonesian police attache, Col. Budi Santoso.\n"
    )
    dated = {r["date"].get("phrase"): r["date"]["start"] for r in meetings(page)}
    assert dated["Two days later"] == "????-03-11"


# --- "chiều qua": yesterday afternoon ------------------------------------------------------------


def test_chieu_qua_is_the_afternoon_before_publication_and_flagged() -> None:
    page = (
        "Hội đàm an ninh\n"
        "14/03/2024 10:00\n"
        "Chiều qua, tại Hà Nội, Thứ trưởng Bộ Công an Trần Quang Vinh đã tiếp bà Helen Moffat, "
        "Phó Tư lệnh Cảnh sát Liên bang Australia.\n"
        "Hai bên bàn về ma túy và rửa tiền.\n"
    )
    (meeting,) = meetings(page)
    assert meeting["date"]["start"] == "2024-03-13"
    assert "day-from-publication" in flags(meeting)


# --- "Later on the day": the day told before -----------------------------------------------------


def test_later_on_the_day_is_the_day_of_the_talks_told_before() -> None:
    # the trip's range, with its year, comes last: the sessions take it
    page = (
        "Vietnam, China step up police ties\n"
        "Public Security Minister Tran Quang Vinh held talks with Li Wenhua, China's minister of "
        "public security, in Beijing on Jan. 5.\n"
        "Later on the day, Vinh met with Zhao Ming, Secretary of the Political and Legal Affairs "
        "Commission.\n"
        "Vinh, who is on an official visit to China from Jan. 4-7, 2011, thanked his hosts.\n"
    )
    dated = {r["date"].get("phrase"): r["date"]["start"] for r in meetings(page)}
    assert dated == {"on Jan. 5": "2011-01-05", "Later on the day": "2011-01-05"}


def test_earlier_in_the_day_is_the_day_told_before() -> None:
    page = (
        "Police ties\n"
        f"{RECEPTION_EN} on March 11, 2024.\n"
        "Earlier in the day, Moffat met Colonel Le Van Binh, head of the drug police.\n"
    )
    binh = [r for r in meetings(page) if "Le Van Binh" in {p["name"] for p in r["participants"]}]
    assert {r["date"]["start"] for r in binh} == {"2024-03-11"}


# --- a year alone as a folder of the address ------------------------------------------------------


def test_a_year_folder_in_the_address_gives_a_day_its_year() -> None:
    # international bodies and ministries file their news by year ("…/News/2024/slug")
    page = f"Police ties\n{RECEPTION_EN} on March 13.\nThey spoke of drugs.\n"
    (start,) = starts(page, "https://www.example.int/en/News-and-Events/News/2024/police-ties")
    assert start == "2024-03-13"
    assert publication_date(page, "https://www.example.int/en/News/2024/police-ties", "en") == (
        date(2024, 3, 13),
        "url-year",
    )


def test_a_year_folder_says_nothing_of_yesterday() -> None:
    # the filing year gives no day to count "yesterday" from
    page = f"Police ties\n{RECEPTION_EN} yesterday.\nThey spoke of drugs.\n"
    assert starts(page, "https://www.example.int/en/News/2024/police-ties") == {"????-??-??"}


# --- a date line among its furniture --------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Mar 14, 2024 | 10:15 KYODO",
        "PUBLISHED : 14 Mar 2024 at 10:15",
        "March 14, 2024 (Mainichi Japan)",
        "Jakarta ● Thu, March 14, 2024",
        "14th March 2024 22:10",
        "March 14, 2024 10:15 JST",
        "Publication date 14 March 2024 | 10:15 ICT",
    ],
)
def test_a_date_line_among_its_furniture_is_the_byline(line: str) -> None:
    page = f"Police ties\n{line}\n{RECEPTION_EN} on March 13.\nThey spoke of drugs.\n"
    assert publication_date(page, None, "en") == (date(2024, 3, 14), "byline")


def test_a_headline_with_a_date_is_no_date_line() -> None:
    page = (
        "Police ties: Vietnam and Australia meet, March 14, 2024\n"
        f"{RECEPTION_EN} on March 13.\nThey spoke of drugs.\n"
    )
    assert publication_date(page, None, "en")[1] != "byline"


def test_a_vietnamese_date_line_with_slashes_alone_is_the_byline() -> None:
    page = (
        "Hội đàm an ninh\n14/3/2024\n"
        "Sáng 13/3, tại Hà Nội, Thứ trưởng Bộ Công an Trần Quang Vinh đã tiếp bà Helen Moffat.\n"
    )
    assert publication_date(page, None, "vi") == (date(2024, 3, 14), "byline")


# --- a trip's length after its arrival's day ------------------------------------------------------


def test_a_trip_arriving_on_a_day_for_five_days_spans_them() -> None:
    page = (
        "Police ties\n"
        "Published: 16 March 2024\n"
        "On March 12, Deputy Minister of Public Security Tran Quang Vinh, who arrived in Canberra "
        "on March 10 for a five-day visit, held talks with AFP Deputy Commissioner Helen Moffat.\n"
    )
    (trip,) = [r for r in records(page) if r["kind"] == "visit"]
    assert (trip["date"]["start"], trip["date"]["end"]) == ("2024-03-10", "2024-03-14")


# --- Vietnamese ranges: two days with a comma, ranges with dots ----------------------------------


@pytest.mark.parametrize(
    ("when", "span"),
    [
        ("Ngày 12, 13/3", ("2024-03-12", "2024-03-13")),
        ("Trong hai ngày 12-13.3", ("2024-03-12", "2024-03-13")),
        ("Từ ngày 28.2 - 2.3.2024", ("2024-02-28", "2024-03-02")),
    ],
)
def test_a_vietnamese_range_spans_its_days(when: str, span: tuple[str, str]) -> None:
    page = (
        "Đoàn công tác thăm Lào\n16/03/2024 10:00\n"
        f"{when}, đoàn công tác Bộ Công an do Thứ trưởng Trần Quang Vinh dẫn đầu đã thăm và làm "
        "việc tại Lào.\nHai bên bàn về phòng chống ma túy.\n"
    )
    (trip,) = [r for r in records(page) if r["kind"] == "visit"]
    assert (trip["date"]["start"], trip["date"]["end"]) == span


def test_a_number_with_dots_is_no_range() -> None:
    text = "Giá 12-13.3 triệu đồng mỗi chiếc.\n"
    assert find_dates(text, "vi") == []


# --- wire copy republished a day later: days counted from its dateline ----------------------------

WIRE = (
    "China's police chief meets Thai minister\n\n"
    "BEIJING, Jan. 11 (Xinhua) -- Chinese Minister of Public Security Li Wenhua met with Thai "
    "Interior Minister Somsak Chaiyo in Beijing {when}.\n\n"
    "Li said both sides should deepen law enforcement cooperation.\n"
)
NEXT_DAY_PAGE = "http://en.people.example/n3/2024/0112/c90000-1.html"


@pytest.mark.parametrize(
    ("when", "day"),
    [("yesterday", "2024-01-10"), ("today", "2024-01-11"), ("on Friday", "2024-01-05")],
)
def test_a_wire_story_republished_the_next_day_counts_from_its_dateline(
    when: str, day: str
) -> None:
    (meeting,) = meetings(WIRE.format(when=when), NEXT_DAY_PAGE)
    assert meeting["date"]["start"] == day
    assert meeting["sources"][0]["published"] == "2024-01-12"  # the page's own date stays
    assert "day-from-publication" in flags(meeting)


def test_a_wire_story_of_the_pages_own_day_counts_from_it() -> None:
    same_day = "http://en.people.example/n3/2024/0111/c90000-1.html"
    (meeting,) = meetings(WIRE.format(when="yesterday"), same_day)
    assert meeting["date"]["start"] == "2024-01-10"


# --- a weekday or a week under a dateline without a year ----------------------------------------


@pytest.mark.parametrize(
    ("dateline", "when", "start"),
    [
        ("BANGKOK, Sept 16 (TNA) –", "on Tuesday", "????-09-01"),
        ("BANGKOK, Sept 16 (TNA) –", "last month", "????-08-01"),
        # the Tuesday before the 3rd may be of August: nothing is known
        ("BANGKOK, Sept 3 (TNA) –", "on Tuesday", "????-??-??"),
    ],
)
def test_a_weekday_under_a_dateline_without_a_year_keeps_its_month(
    dateline: str, when: str, start: str
) -> None:
    page = f"{dateline} {RECEPTION_EN} {when}.\nThey spoke of drugs.\n"
    found = meetings(page)
    assert {r["date"]["start"] for r in found} == {start}
    if start != "????-??-??":
        assert all("date-from-dateline" in flags(r) for r in found)


# --- a session named again "at the meeting" -------------------------------------------------------


def test_a_draft_told_at_the_meeting_takes_the_day_of_the_meeting_told_before() -> None:
    page = (
        "Thai and Lao ministers meet\n"
        "VIENTIANE – Thailand and Laos held the fifth meeting of their border provinces' "
        "governors on 14 March 2024 in Vientiane.\n"
        "Thai Interior Minister Somchai Wong and Lao Minister of Home Affairs Khamsing Vong also "
        "raised the issue of drug smuggling for discussion at the meeting.\n"
        "Both sides agreed to meet again next year.\n"
    )
    found = [r for r in records(page) if r["kind"] in ("meeting", "dialogue")]
    assert found and {r["date"]["start"] for r in found} == {"2024-03-14"}
