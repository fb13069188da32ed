"""Dates, eleventh round: where the year of a date written without one comes from, and which
years never give it (a founding, ties raised, an earlier occasion, an agreement made before,
what is still to come). The pages are written for these tests in the genre's shapes; the names
are made up."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract


def records(page: str, **kw: object) -> list[dict]:
    return [r.record for r in extract(page, document="page", **kw).records]  # type: ignore[arg-type]


def meeting_start(page: str, **kw: object) -> str:
    """The start of the lead's meeting (drafted once or per side met: the same date); an
    earlier occasion the page recalls may be drafted beside it with a date of its own."""
    lead = {"on April 9", "Ngày 9/4", "on Oct. 18"}
    (start,) = {
        r["date"]["start"]
        for r in records(page, **kw)
        if r["kind"] == "meeting" and r["date"].get("phrase") in lead
    }
    return start


LEAD_EN = (
    "HANOI — Deputy Minister of Public Security Tran Quang Vinh received Deputy Commissioner "
    "Helen Moffat of the Australian Federal Police in Hanoi on April 9.\n"
    "The two officials talked about drug syndicates and laundered money.\n"
)
LEAD_VI = (
    "Ngày 9/4, tại Hà Nội, Thứ trưởng Bộ Công an Trần Quang Vinh đã tiếp bà Helen Moffat, Phó "
    "Tư lệnh Cảnh sát Liên bang Australia.\n"
    "Hai bên bàn về các đường dây ma túy và rửa tiền.\n"
)


# --- a year of something else never dates the story ------------------------------------------


@pytest.mark.parametrize(
    "background",
    [
        "The police liaison post in Hanoi was opened by the AFP in 2001.\n",
        "A joint unit against smuggling was launched by both forces in 2014.\n",
        "The two nations elevated their ties to a strategic partnership in 2018.\n",
        "Moffat last visited the country in 2019.\n",
        "The previous round of their talks took place in Perth in 2022.\n",
        "The first meeting of this kind was held in Darwin in 2016.\n",
        "Both agencies will run a joint training camp in 2027.\n",
        "They pledged to carry out the accord reached in 2020.\n",
    ],
)
def test_a_year_told_of_something_else_leaves_the_day_without_one(background: str) -> None:
    # the only year on the page dates a founding, an earlier trip, a plan: the meeting stays
    # partial for the reviewer to date, rather than years off
    assert meeting_start(LEAD_EN + background) == "????-04-09"


@pytest.mark.parametrize(
    "background",
    [
        "Văn phòng liên lạc của AFP tại Hà Nội khai trương năm 2001.\n",
        "Hai nước nâng cấp quan hệ lên Đối tác chiến lược năm 2018.\n",
        "Lần gần nhất bà Moffat sang Việt Nam là năm 2019.\n",
        "Cuộc gặp lần trước được tổ chức tại Perth năm 2022.\n",
        "Hai bên sẽ tổ chức trại huấn luyện chung vào năm 2027.\n",
        "Hai bên nhất trí triển khai hiệu quả Hiệp định tương trợ tư pháp về hình sự năm 2020.\n",
        # a memorandum signed in a year: when it was signed, not a plan for that year
        "Hai cơ quan đã ký Bản ghi nhớ về trao đổi thông tin vào năm 2016, với ba nội dung.\n",
    ],
)
def test_a_vietnamese_year_told_of_something_else_leaves_the_day_without_one(
    background: str,
) -> None:
    assert meeting_start(LEAD_VI + background) == "????-04-09"


def test_a_year_the_story_states_for_itself_still_gives_the_day_its_year() -> None:
    page = LEAD_EN + "In 2024, the two forces ran nine joint operations along the coast.\n"
    assert meeting_start(page) == "2024-04-09"


def test_a_guests_first_trip_abroad_in_a_year_is_the_storys_year() -> None:
    page = LEAD_EN + "It was the Deputy Commissioner's first trip abroad in 2023.\n"
    assert meeting_start(page) == "2023-04-09"


def test_a_year_opening_what_is_still_to_come_is_not_the_storys() -> None:
    page = LEAD_EN + "In 2028, the two agencies will open a shared forensic laboratory.\n"
    assert meeting_start(page) == "????-04-09"


def test_a_full_date_of_an_earlier_round_is_not_the_day_of_writing() -> None:
    # with no byline, the latest full date of the story stood for the publication: not one of
    # an earlier round of talks
    page = LEAD_EN + "The previous round of talks took place in Perth on 3 June 2022.\n"
    assert meeting_start(page) == "????-04-09"


# --- a plan's year beside the day ----------------------------------------------------------------


def test_the_year_of_a_plan_reviewed_does_not_take_the_place_of_the_day() -> None:
    page = (
        "Ngày 12/2, tại Hà Nội, Bộ Công an Việt Nam và Bộ Nội vụ Campuchia tổ chức Hội nghị tổng "
        "kết Kế hoạch hợp tác năm 2025 và ký Kế hoạch hợp tác năm 2026 giữa hai Bộ.\n"
        "Thứ trưởng Nguyễn Hữu Đức và Quốc vụ khanh Kem Sothy đồng chủ trì Hội nghị.\n"
    )
    (conference,) = [r for r in records(page) if r["kind"] == "dialogue"]
    # the plan for 2026 is signed after 2025 is reviewed: a day of February is in 2026
    assert conference["date"]["start"] == "2026-02-12"


# --- the year from the address -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "published"),
    [
        # a portal's Unix time closing the slug, in seconds or milliseconds (the page's day in
        # Vietnam, UTC+7)
        (
            "https://portal.example.vn/bai-viet/hoi-dam-voi-cong-an-tinh-ban-1733100000",
            "2024-12-02",
        ),
        ("https://tin.example.vn/hoi-dam-bien-phong-hai-tinh-1700610220545.htm", "2023-11-22"),
        # a stamp closing a section's page id, the year in two digits
        ("https://bao.example.vn/thoi-su/tiep-doan-canh-sat-185231121101010.htm", "2023-11-21"),
    ],
)
def test_the_address_gives_the_day_of_writing(url: str, published: str) -> None:
    page = (
        "Chiều 20/11, tại Hà Nội, Thứ trưởng Bộ Công an Trần Quang Vinh đã tiếp ông Kim Sung-ho, "
        "Phó Tư lệnh Cảnh sát Quốc gia Hàn Quốc.\n"
        "Hai bên bàn về bảo hộ công dân.\n"
    )
    draft = extract(page, document="page", url=url)
    assert str(draft.published) == published


def test_a_month_filed_before_the_pages_id_gives_the_year() -> None:
    page = (
        "SEOUL — South Korea's police chief Park Jung-min met Vietnam's Deputy Minister of Public "
        "Security Tran Quang Vinh on Oct. 18 to discuss fugitives.\n"
        "Both sides agreed to share more data on wanted persons.\n"
    )
    url = "https://news.example.kr/www/nation/2023/10/113_361812.html"
    assert meeting_start(page, url=url) == "2023-10-18"


# --- a span and a day in one sentence ------------------------------------------------------------


def test_talks_take_the_day_and_the_trip_the_span_when_one_sentence_gives_both() -> None:
    page = (
        "Minister of Public Security General Pham Duc Tai, who is accompanying the President on "
        "his state visit to Malaysia from 4 to June 7, held talks with Inspector-General of "
        "Police Razak Hamid on June 5 in Kuala Lumpur.\n"
        "They agreed to step up joint work against online scams.\n"
    )
    rs = records(page, published=date(2024, 6, 8))
    talks = [r for r in rs if r["kind"] == "meeting"]
    assert talks and all(r["date"]["start"] == "2024-06-05" for r in talks)
    for trip in (r for r in rs if r["kind"] == "visit"):
        assert (trip["date"]["start"], trip["date"].get("end")) == ("2024-06-04", "2024-06-07")


# --- a wire dateline without a year --------------------------------------------------------------


def test_a_datelines_day_dates_a_meeting_its_lead_tells_without_one() -> None:
    page = (
        "MANAMA, JUNE 12 /PNA/ – Interior Minister Faisal Rahman called on Bahrain's Minister "
        "of Interior Sheikh Khalid bin Ali at his office, where the two discussed drug "
        "smuggling across the Gulf.\n"
        "The ministers also talked about training for border officers.\n"
    )
    draft = extract(page, document="page")
    meetings = [r for r in draft.records if r.record["kind"] == "meeting"]
    assert meetings
    for r in meetings:
        # no year anywhere: the dateline's day, partial, for the reviewer to check and complete
        assert r.record["date"]["start"] == "????-06-12"
        assert "date-from-dateline" in r.codes


def test_today_is_the_datelines_day_and_yesterday_the_one_before() -> None:
    page = (
        "SEOUL, March 1 (Yonhap) -- The head of South Korea's police agency, Han Do-yun, met "
        "Vietnam's Deputy Minister of Public Security Tran Quang Vinh yesterday to discuss "
        "wanted fugitives.\n"
        "Both sides agreed to share fingerprints faster.\n"
    )
    (start,) = {r["date"]["start"] for r in records(page) if r["kind"] == "meeting"}
    assert start == "????-02-29"  # a leap year's day kept: the year is for the reviewer


def test_a_dateline_with_a_known_publication_date_changes_nothing() -> None:
    page = (
        "SEOUL, March 4 (Yonhap) -- The head of South Korea's police agency, Han Do-yun, met "
        "Vietnam's Deputy Minister of Public Security Tran Quang Vinh on Tuesday.\n"
        "Both sides agreed to share fingerprints faster.\n"
    )
    (start,) = {
        r["date"]["start"]
        for r in records(page, published=date(2025, 3, 4))
        if r["kind"] == "meeting"
    }
    assert start == "2025-03-04"


# --- more shapes of a page's own date ------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    [
        "10:05 | Thứ Sáu, 14/03/2025",  # the time, then the weekday and the day
        "Last updated: 14 Mar 2025",
        "Published on 14 March 2025",
        "Date: 14/03/2025",
        "Mar 14, 2025 at 10:05 am",
        "14.03.2025",  # a date line of its own with dots (Russian, European pages)
        "2025.03.14 10:05",  # the year first (Korean pages)
        "14-03-2025",
    ],
)
def test_the_pages_own_date_line_gives_the_year(stamp: str) -> None:
    page = (
        "Police chiefs meet on cross-border scams\n"
        f"{stamp}\n"
        "HANOI — Deputy Minister of Public Security Tran Quang Vinh received Deputy Commissioner "
        "Helen Moffat of the Australian Federal Police in Hanoi on March 13.\n"
        "The two officials talked about drug syndicates and laundered money.\n"
    )
    draft = extract(page, document="page")
    assert str(draft.published) == "2025-03-14"
    (start,) = {r.record["date"]["start"] for r in draft.records if r.record["kind"] == "meeting"}
    assert start == "2025-03-13"


def test_a_sentence_telling_that_something_was_published_is_no_date_line() -> None:
    page = (
        "HANOI — Deputy Minister of Public Security Tran Quang Vinh received Deputy Commissioner "
        "Helen Moffat of the Australian Federal Police in Hanoi on April 9.\n"
        "The joint report was published on 2 May 2019.\n"
    )
    assert extract(page, document="page").published_origin != "byline"


def test_a_meeting_dated_as_an_earlier_occasion_is_context_even_without_a_publication_date() -> (
    None
):
    page = LEAD_EN + "Moffat last met Vinh in Canberra in March 2023.\n"
    drafts = extract(page, document="page").records
    earlier = [r for r in drafts if r.record["date"]["start"].startswith("2023-03")]
    assert earlier and all("context-mention" in r.codes for r in earlier)
    assert any("context-mention" not in r.codes for r in drafts)  # the lead's meeting stays
