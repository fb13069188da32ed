"""Fourteenth round (x-glue): sentences glued by a full stop with no space after a day's number
or a word in capitals, a counterpart named after a possessive country's body, and a Vietnamese
list of countries' officials met. The pages are written for these tests in the genre's
shapes."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import meetings, people
from timeline.extract.segment import split_sentences


def texts(paragraph: str) -> list[str]:
    return [s for _a, _b, s in split_sentences(paragraph)]


# --- glued sentences ----------------------------------------------------------------------------


def test_a_day_s_number_glued_to_a_capitalised_word_ends_the_sentence() -> None:
    paragraph = (
        "Minister Odo Pell received Ambassador Rian Kesk in Tallinn on May 6.Minister Pell "
        "welcomed the envoy."
    )
    assert texts(paragraph) == [
        "Minister Odo Pell received Ambassador Rian Kesk in Tallinn on May 6.",
        "Minister Pell welcomed the envoy.",
    ]


def test_a_word_in_capitals_glued_to_a_capitalised_word_ends_the_sentence() -> None:
    assert texts("The news came from the agency KNA.The talks went on.") == [
        "The news came from the agency KNA.",
        "The talks went on.",
    ]


def test_a_dotted_title_a_domain_a_decimal_and_an_acronym_still_do_not_end_one() -> None:
    for paragraph in (
        "GS.TSKH.Trần Văn Bình spoke at the forum.",
        "See KTV.VN - the wire.",
        "Trade grew by 3.5 percent.",
        "The U.S.Navy sent a ship.",
    ):
        assert texts(paragraph) == [paragraph]


def test_the_host_of_a_glued_sentence_is_read_in_it() -> None:
    page = (
        "Tallinn, May 6 - The two ministries agreed to widen their work on cross-border crime, "
        "said Minister Odo Pell.Pell made the remarks while receiving Ambassador of Latvia "
        "Rian Kesk in Tallinn on May 6.Minister Pell thanked the ambassador.\n"
    )
    (meeting,) = meetings(page, published=date(2025, 5, 7))
    assert {"Odo Pell", "Rian Kesk"} <= set(people(meeting))


# --- a possessive country's body --------------------------------------------------------------


def test_a_secretary_of_a_country_s_council_is_named_and_of_that_country() -> None:
    page = (
        "Hanoi, May 6 (VNA) - Minister of Public Security Bo Tran held talks with Secretary of "
        "Norway's National Security Council Lars Aamodt in Hanoi on Monday.\n"
        "The two sides agreed to boost cooperation against crime.\n"
    )
    (meeting,) = meetings(page, published=date(2025, 5, 7))
    who = people(meeting)
    assert who["Lars Aamodt"]["country"] == "NO"
    assert who["Bo Tran"]["country"] == "VN"


# --- a Vietnamese list of countries' officials --------------------------------------------------


def test_vietnamese_officials_of_three_countries_met_are_three_meetings() -> None:
    page = (
        "Hà Nội, ngày 6/5 - Trong chuyến công tác tại Geneva, Thứ trưởng Bộ Công an Lê Văn Tâm "
        "đã có các cuộc gặp với quan chức Na Uy, Phần Lan và Đan Mạch về hợp tác phòng, chống "
        "tội phạm.\n"
        "Hai bên nhất trí tăng cường hợp tác.\n"
    )
    met = meetings(page, published=date(2025, 5, 7))
    countries = {o["country"] for m in met for o in m.get("organisations", [])}
    assert {"NO", "FI", "DK"} <= countries
    assert len(met) == 3


def test_vietnamese_officials_to_be_met_are_no_meeting_held() -> None:
    page = (
        "Hà Nội, ngày 6/5 - Thứ trưởng Bộ Công an Lê Văn Tâm sẽ có các cuộc gặp với quan chức "
        "Na Uy và Phần Lan.\n"
    )
    met = meetings(page, published=date(2025, 5, 7))
    assert not any(o.get("country") == "NO" for m in met for o in m.get("organisations", []))
