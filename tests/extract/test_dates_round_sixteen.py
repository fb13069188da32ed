"""Sixteenth round (x-date7): the date of each engagement on pages of many outlets: a reprint
aggregator's stamp as the page's date, a portal's id taken for a year in the address, a wire
dateline with a full stop after its city, and a meeting dated by the sentence before it, which
names the one met. The pages are written for these tests in the genre's shapes."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from tests.extract.drafts import meetings, of_kind, records
from timeline.extract.dates import (
    dateline_day,
    filed_about,
    publication_date,
    published_from_byline,
    published_from_url,
    year_from_url,
)
from timeline.extract.lexicon import load

# --- an aggregator's stamp closing the page ---------------------------------------------------


def test_a_menafn_stamp_closing_the_page_is_its_date() -> None:
    text = (
        "(MENAFN) Finland's interior minister met her Estonian counterpart in Helsinki.\n\n"
        "MENAFN03052023000077712346ID1106155512\n"
    )
    found = published_from_byline(text)
    assert found is not None and found[0] == date(2023, 5, 3)


def test_a_weekday_is_counted_back_from_the_menafn_stamp() -> None:
    text = (
        "(MENAFN) On Monday, Norway's Minister of Justice Emilie Mehl held a meeting in Oslo "
        "with Chile's Interior Minister Carolina Toha to discuss organised crime and police "
        "training.\n\n"
        "The two ministers agreed to deepen the exchange of information.\n\n"
        "MENAFN10052023000081234567ID1106177701\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2023-05-08"  # the Monday before Wednesday 10 May


def test_an_id_without_menafn_before_it_is_no_date() -> None:
    text = "A report on border police.\n\nREF10052023000045015839ID1106177701\n"
    assert published_from_byline(text) is None


# --- a portal's id after "/-/" in the address ---------------------------------------------------


def test_a_number_after_a_liferay_separator_is_no_year() -> None:
    url = "https://portal.example.vn/web/guest/hoat-dong/-/2018/51234/hop-tac-an-ninh.aspx"
    assert year_from_url(url) is None


def test_a_year_folder_of_a_news_section_is_still_read() -> None:
    assert year_from_url("https://www.example.int/en/News/2019/police-chiefs-meet") == 2019


def test_a_trip_filed_under_a_portal_id_keeps_no_year_from_it() -> None:
    text = (
        "Nhận lời mời của Bộ trưởng Bộ Nội vụ Áo, trong các ngày 12-10 và 13-10, đoàn đại biểu "
        "Bộ Công an Việt Nam do Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an dẫn đầu đã "
        "thăm và làm việc tại Áo.\n"
        "Thứ trưởng Trần Văn Bình đã hội đàm với Bộ trưởng Bộ Nội vụ Áo Gerhard Karner.\n"
    )
    url = "https://portal.example.vn/web/guest/doi-ngoai/-/2018/40112/viet-nam-ao-hop-tac.aspx"
    for r in records(text, url=url):
        assert not r["date"]["start"].startswith("2018")
    (trip,) = of_kind(text, "visit", url=url)
    assert trip["date"]["start"] == "????-10-12"


# --- a day and its story count closing the address ------------------------------------------


def test_an_allafrica_story_number_gives_the_day() -> None:
    url = "https://allafrica.com/stories/202303150412.html"
    assert published_from_url(url) == date(2023, 3, 15)


def test_twelve_digits_that_are_no_date_give_none() -> None:
    assert published_from_url("https://example.com/news/202313150412.html") is None


# --- a wire dateline with a full stop after its city ---------------------------------------------


def test_a_dateline_with_a_full_stop_after_the_city_gives_its_day() -> None:
    text = (
        "Police chiefs to share data on smuggling\n"
        "BERLIN. March 12 (Interfax) - German Interior Minister Nancy Faeser and Polish Interior "
        "Minister Marcin Kierwinski met in Berlin to discuss border smuggling.\n"
    )
    d = dateline_day(text)
    assert d is not None and (d.month, d.day) == (3, 12)


def test_the_lead_meeting_under_such_a_dateline_takes_its_month_and_day() -> None:
    text = (
        "BERLIN. March 12 (Interfax) - German Interior Minister Nancy Faeser and Polish Interior "
        "Minister Marcin Kierwinski met in Berlin to discuss border smuggling.\n"
        "The ministers agreed to set up a joint working group.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "????-03-12"


def test_a_tass_dateline_with_full_stops_around_the_agency_gives_its_day() -> None:
    text = (
        "ASTANA, June 4. /TASS/. Russian Interior Minister Vladimir Kolokoltsev met his Kazakh "
        "counterpart Yerzhan Sadenov to discuss migration and drug trafficking.\n"
    )
    d = dateline_day(text)
    assert d is not None and (d.month, d.day) == (6, 4)


def test_today_under_a_tass_dateline_is_its_day() -> None:
    text = (
        "ASTANA, June 4. /TASS/. Russian Interior Minister Vladimir Kolokoltsev held talks with "
        "Kazakh Interior Minister Yerzhan Sadenov in Astana today.\n"
        "The ministers signed a plan on joint operations against drug trafficking.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "????-06-04"


def test_a_sentence_ending_in_a_full_stop_before_a_month_is_no_dateline() -> None:
    text = "THE TALKS WENT WELL. May 3 was chosen for the next round of police talks.\n"
    assert dateline_day(text) is None


# --- the day told in the sentence before the meeting ---------------------------------------------


def test_a_meeting_told_after_the_quotes_takes_the_day_of_the_visit_told_before() -> None:
    text = (
        "Thu, October 9, 2025\n\n"
        "Police chiefs pledge to fight cross-border fraud\n\n"
        "The Thai and Lao police forces want closer work against the fraud gangs that move "
        "between the two countries.\n\n"
        "Thai police chief Gen. Kittirat Panpet and his Lao counterpart Lt. Gen. Vilay "
        "Lakhamphong spoke of closer ties during Vilay's stay at the police headquarters in "
        "Bangkok on Wednesday.\n\n"
        '"Scam gangs cross our border every week," Kittirat told reporters after a closed-door '
        "meeting with Vilay Lakhamphong.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2025-10-08"


def test_a_day_of_a_sentence_not_naming_the_one_met_is_not_taken() -> None:
    text = (
        "Thu, October 9, 2025\n\n"
        "Police chiefs pledge to fight cross-border fraud\n\n"
        "The Thai and Lao police forces want closer work against the fraud gangs that move "
        "between the two countries.\n\n"
        "Flooding closed the border crossing at Nong Khai on Monday.\n\n"
        '"Scam gangs cross our border every week," Kittirat told reporters after a closed-door '
        "meeting with Lao police chief Vilay Lakhamphong.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] != "2025-10-06"


def test_a_sentence_naming_the_one_met_with_two_days_dates_nothing() -> None:
    text = (
        "Thu, October 9, 2025\n\n"
        "Police chiefs pledge to fight cross-border fraud\n\n"
        "The Thai and Lao police forces want closer work against the fraud gangs that move "
        "between the two countries.\n\n"
        "Lao police chief Vilay Lakhamphong, who arrived on Monday, will leave Bangkok on "
        "Friday.\n\n"
        '"Scam gangs cross our border every week," Kittirat told reporters after a closed-door '
        "meeting with Vilay Lakhamphong.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] not in ("2025-10-06", "2025-10-10")


# --- the year of a page numbered in the order an outlet publishes --------------------------------


def test_a_page_number_between_two_known_pages_is_read_between_their_days() -> None:
    # vietnamplus.vn's pages 1063198 (22 Sep 2025) and 1077702 (18 Nov 2025) are known
    about = filed_about("https://www.vietnamplus.vn/bo-cong-an-tiep-doan-lao-post1070450.vnp")
    assert about is not None and date(2025, 10, 10) <= about <= date(2025, 10, 31)


def test_a_page_number_far_past_the_last_known_one_says_nothing() -> None:
    assert (
        filed_about("https://www.vietnamplus.vn/bo-cong-an-tiep-doan-lao-post1990000.vnp") is None
    )


def test_an_outlet_with_no_known_pages_says_nothing() -> None:
    assert filed_about("https://example-news.vn/cong-an-tinh-hoi-dam-post1070450.html") is None


def test_a_day_and_month_take_the_year_of_the_page_number() -> None:
    text = (
        "Ngày 3/11, tại Hà Nội, Thứ trưởng Bộ Công an Nguyễn Văn An đã tiếp Đại sứ Pháp Olivier "
        "Brochet.\n"
    )
    url = "https://www.vietnamplus.vn/thu-truong-tiep-dai-su-phap-post1076000.vnp"
    published, origin = publication_date(text, url, "vi")
    assert (published, origin) == (date(2025, 11, 3), "url-number")
    (meeting,) = meetings(text, url=url)
    assert meeting["date"]["start"] == "2025-11-03"


def test_a_december_day_under_a_number_of_early_january_is_of_the_year_before() -> None:
    text = (
        "Chiều 29/12, Thứ trưởng Bộ Công an Nguyễn Văn An đã hội đàm với Thứ trưởng Bộ An ninh "
        "Lào Khamla Phomma.\n"
    )
    url = "https://www.vietnamplus.vn/hoi-dam-viet-lao-post1085200.vnp"  # early January 2026
    (meeting,) = meetings(text, url=url)
    assert meeting["date"]["start"] == "2025-12-29"


def test_a_page_naming_no_day_and_month_takes_no_date_from_its_number() -> None:
    text = "Thứ trưởng Bộ Công an Nguyễn Văn An đã tiếp Đại sứ Pháp Olivier Brochet tại Hà Nội.\n"
    url = "https://www.vietnamplus.vn/thu-truong-tiep-dai-su-phap-post1076000.vnp"
    assert publication_date(text, url, "vi") == (None, "none")


def test_each_outlets_known_pages_grow_in_number_and_date_together() -> None:
    for outlet in load("url_ids")["outlets"]:
        points = [(n, date.fromisoformat(d)) for n, d in outlet["points"]]
        assert len(points) >= 2, outlet["name"]
        assert all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(points)), outlet["name"]


# --- two weekdays joined, and the weekend ---------------------------------------------------------


def test_talks_on_two_weekdays_span_both_days() -> None:
    text = (
        "Chilean Interior Minister Carolina Toha held talks with Peruvian Interior Minister Juan "
        "Santivanez in Lima on Monday and Tuesday on organised crime at the border.\n"
    )
    (talks,) = records(text, published=date(2024, 6, 14))  # a Friday
    assert (talks["date"]["start"], talks["date"]["end"]) == ("2024-06-10", "2024-06-11")


def test_from_one_weekday_to_another_is_a_span() -> None:
    text = (
        "Chilean Interior Minister Carolina Toha visited Peru from Tuesday to Thursday, meeting "
        "Peruvian police chief Victor Zanabria in Lima.\n"
    )
    (trip,) = of_kind(text, "visit", published=date(2024, 6, 14))
    assert (trip["date"]["start"], trip["date"]["end"]) == ("2024-06-11", "2024-06-13")


def test_two_weekdays_in_vietnamese_span_both_days() -> None:
    text = (
        "Vào thứ Hai và thứ Ba, Thứ trưởng Bộ Công an Trần Văn Bình đã hội đàm với Thứ trưởng Bộ "
        "An ninh Lào Somphone Khamvongsa tại Viêng Chăn.\n"
    )
    (talks,) = meetings(text, published=date(2024, 6, 14))
    assert (talks["date"]["start"], talks["date"]["end"]) == ("2024-06-10", "2024-06-11")


def test_a_weekday_of_a_report_and_one_of_a_meeting_stay_apart() -> None:
    text = (
        "Peruvian police chief Victor Zanabria said on Monday that he met Chilean Interior "
        "Minister Carolina Toha in Lima on Friday.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 6, 11))
    assert meeting["date"]["start"] == "2024-06-07"
    assert "end" not in meeting["date"]


def test_over_the_weekend_is_the_saturday_and_sunday_before() -> None:
    text = (
        "Over the weekend, Chilean Interior Minister Carolina Toha met Peruvian police chief "
        "Victor Zanabria in Lima to discuss smuggling.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 6, 17))  # a Monday
    assert (meeting["date"]["start"], meeting["date"]["end"]) == ("2024-06-15", "2024-06-16")


def test_cuoi_tuan_qua_is_the_weekend_before_not_the_month() -> None:
    text = (
        "Cuối tuần qua, Thứ trưởng Bộ Công an Trần Văn Bình đã hội đàm với Thứ trưởng Bộ An ninh "
        "Lào Somphone Khamvongsa tại Viêng Chăn.\n"
    )
    (talks,) = meetings(text, published=date(2024, 6, 18))  # a Tuesday
    assert (talks["date"]["start"], talks["date"]["end"]) == ("2024-06-15", "2024-06-16")


# --- the talks' nth day, not a weekday (found at the round's merge) ---------------------------


def test_talks_entering_their_third_day_are_dated_by_the_day_given_not_a_tuesday() -> None:
    text = (
        "Cuộc họp của Ủy ban Biên giới Chung (GBC) giữa Lào và Campuchia tại Pakse bước sang "
        "ngày thứ ba vào ngày 14/5, hai bên tiếp tục thảo luận về tuần tra chung.\n"
    )
    (talks,) = records(text, published=date(2025, 5, 15))
    assert talks["date"]["start"] == "2025-05-14"


def test_a_second_day_in_a_row_is_no_monday() -> None:
    text = (
        "Ngày thứ hai liên tiếp, Thứ trưởng Bộ Công an Trần Văn Bình tiếp Thứ trưởng Bộ An ninh "
        "Lào Somphone Khamvongsa tại Hà Nội.\n"
    )
    (meeting,) = meetings(text, published=date(2025, 5, 16))
    assert "phrase" not in meeting["date"]  # no day told: not the Monday before


def test_the_third_day_of_a_visit_is_no_tuesday() -> None:
    text = (
        "Trong ngày thứ ba của chuyến thăm, Thứ trưởng Bộ Công an Trần Văn Bình làm việc với Bộ "
        "trưởng Bộ An ninh Lào Somphone Khamvongsa tại Viêng Chăn.\n"
    )
    (meeting,) = meetings(text, published=date(2025, 5, 16))
    assert "phrase" not in meeting["date"]


def test_a_tuesday_after_vao_ngay_is_still_a_tuesday() -> None:
    text = (
        "Vào ngày thứ Ba, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Lào Somphone "
        "Khamvongsa tại Hà Nội.\n"
    )
    (meeting,) = meetings(text, published=date(2025, 5, 16))
    assert meeting["date"]["start"] == "2025-05-13"
