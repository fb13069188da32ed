"""English reports of engagements between two countries neither of which is Vietnam, as wire
services, police forces and ministries abroad write them (texts written for these tests)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.dates import published_from_byline, published_from_story


def records(text: str, published: date | None = None) -> list[dict]:
    return [r.as_dict() for r in extract(text, document="d", published=published).records]


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record["participants"]}


def test_a_wire_dateline_is_no_place_and_the_next_paragraph_says_where():
    text = (
        "Police chiefs of two countries agree to fight online scams\n\n"
        "SEOUL, March 4 (Yonhap) -- South Korea's police chief held talks with his Thai "
        "counterpart on Monday, the National Police Agency said.\n\n"
        "Commissioner General Park Min-soo met with Thai Police Commissioner-General Somchai "
        "Wong at the agency's headquarters in Busan, according to the agency.\n"
    )
    (meeting,) = records(text, date(2024, 3, 4))
    assert meeting["place"] == {"city": "Busan", "country": "KR"}
    assert meeting["host"] == "KR" and meeting["guests"] == ["TH"]
    assert roles(meeting) == {"Park Min-soo": "host", "Somchai Wong": "guest"}
    assert meeting["participants"][0]["title"] == "Commissioner General"


def test_an_office_named_alone_is_the_one_person_who_holds_it():
    text = (
        "Australian Federal Police Commissioner John Harlow visited Jakarta from 3 to 5 May 2023 "
        "to deepen ties "
        "with the Indonesian National Police.\n"
        "During the visit, the Commissioner called on Minister of Home Affairs Budi Santoso "
        "on 4 May.\n"
        "The Commissioner also met with Deputy Minister Rudi Hartono.\n"
    )
    visit, first, second = records(text)
    assert visit["kind"] == "visit" and second["part_of"] == visit["slug"]
    assert roles(second) == {"John Harlow": "guest", "Rudi Hartono": "host"}
    assert second["date"]["start"] == "2023-05-03" and second["date"]["end"] == "2023-05-05"
    assert roles(first)["John Harlow"] == "guest"


def test_an_office_two_people_hold_is_nobodys_back_reference():
    text = (
        "Minister Anna Berg met Minister Karl Olsen in Oslo on 2 June 2024.\n"
        "The Minister thanked the Norwegian police for their support.\n"
    )
    (meeting,) = records(text)
    assert set(roles(meeting)) == {"Anna Berg", "Karl Olsen"}
    assert all(p["name"] != "The Minister" for p in meeting["participants"])


def test_a_vietnamese_title_alone_points_back_to_its_holder():
    text = (
        "Ngày 5/6/2024, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Nhật Bản "
        "tại Việt Nam Yamada Taro.\n"
        "Đại sứ cảm ơn sự hỗ trợ của Bộ Công an đối với công dân Nhật Bản.\n"
    )
    (meeting,) = records(text)
    assert roles(meeting) == {"Trần Văn Bình": "host", "Yamada Taro": "guest"}
    assert len(meeting["evidence"]) > 0
    quotes = {e["quote"] for e in meeting["evidence"] if e["field"].startswith("participants")}
    assert "Đại sứ" not in quotes or "Yamada Taro" in quotes


def test_a_city_state_before_a_title_is_the_holders_country():
    text = (
        "Malaysian police chief Ahmad Rizal met Singapore Prime Minister Tan Wei Ming at the "
        "Istana in Singapore on 9 January 2025.\n"
    )
    (meeting,) = records(text)
    assert meeting["host"] == "SG" and meeting["guests"] == ["MY"]
    assert roles(meeting) == {"Tan Wei Ming": "host", "Ahmad Rizal": "guest"}


def test_courtesy_calls_on_a_list_share_the_visitor_the_day_and_the_host():
    text = (
        "SINGAPORE: Malaysia's Inspector-General of Police (IGP), Tan Sri Ahmad Rizal Osman "
        "received an award from Singapore President Lim Boon Keat on Tuesday at the Istana.\n"
        "Before the ceremony, the IGP called on Singapore Prime Minister Tan Wei Ming, Minister "
        "for Home Affairs R. Kumar and his counterpart, Commissioner of Police Goh Kian Seng.\n"
        "Ahmad thanked Singapore for its cooperation.\n"
    )
    meetings = [r for r in records(text, date(2025, 1, 9)) if r["kind"] == "meeting"]
    assert not any(m["host"] == "MY" for m in meetings)  # an award received is no reception
    met = {}
    for m in meetings:
        assert m["host"] == "SG" and m["guests"] == ["MY"]
        assert m["date"] == meetings[0]["date"]
        assert roles(m)["Ahmad Rizal Osman"] == "guest"
        met.update({n: r for n, r in roles(m).items() if r == "host"})
    assert set(met) >= {"Tan Wei Ming", "R. Kumar", "Goh Kian Seng"}


def test_the_day_someone_took_office_does_not_date_the_article():
    text = (
        "Commissioner John Harlow met Chief of Police Arif Rahman in Jakarta on Thursday.\n"
        "Harlow was appointed Commissioner on May 17, 2019.\n"
        "He was born on Sept 5, 1965.\n"
    )
    assert published_from_story(text, "en") is None
    (meeting,) = records(text)
    assert meeting["date"]["start"] == "????-??-??"
    assert "partial-date" in {f["code"] for f in meeting["x-review"]["flags"]}


def test_a_pronoun_subject_is_the_person_the_story_was_about():
    text = (
        "New Zealand Police (NZP) Commissioner Mark Doyle has met senior Fijian officials.\n"
        "The talks, held in Suva last week, were the first time Commissioner Doyle visited Fiji.\n"
        "He held discussions with Fiji Police Commissioner Ratu Tevita and Minister for Defence "
        "Pio Seru.\n"
    )
    meetings = [r for r in records(text) if r["kind"] == "meeting"]
    assert len(meetings) == 2
    for m in meetings:
        assert roles(m)["Mark Doyle"] == "guest"
        assert m["host"] == "FJ" and m["guests"] == ["NZ"]


def test_talks_between_the_minister_and_an_official_named_in_full():
    text = (
        "Interior Minister Paolo Rossi held bilateral talks with senior French officials in "
        "Paris on June 3, 2024.\n"
        "During a meeting between the Minister and French Minister of the Interior Claire "
        "Dubois, the two sides agreed to share intelligence.\n"
    )
    meeting = next(r for r in records(text) if "claire-dubois" in r["slug"])
    assert set(roles(meeting)) == {"Paolo Rossi", "Claire Dubois"}


def test_a_list_of_people_met_goes_on_past_its_semicolons():
    text = (
        "Minister Tran Van Binh held talks with Senator Mary Stone, Chairwoman of the Senate "
        "Committee on Foreign Relations; Senator Paul Grant, Chairman of the Homeland Security "
        "Committee; and Congressman Tom Reed in Washington on May 2, 2024.\n"
    )
    met = {n for r in records(text) for n, role in roles(r).items() if role == "host"}
    assert met == {"Mary Stone", "Paul Grant", "Tom Reed"}


def test_courtesy_calls_made_and_talks_held_on_a_day_are_meetings():
    made = "Mr Rahman made separate courtesy calls on Minister for Home Affairs Lim Boon Keat.\n"
    held = "Secretary General Omar Haddad held talks on Thursday with Director Anne Leclerc.\n"
    assert [r["kind"] for r in records(made)] == ["meeting"]
    (talks,) = records(held, date(2024, 9, 20))
    assert talks["date"]["start"] == "2024-09-19"
    assert set(roles(talks)) == {"Omar Haddad", "Anne Leclerc"}


def test_an_agencys_abbreviation_between_it_and_the_title_keeps_the_holders_country():
    text = "Australian Federal Police (AFP) Commissioner Reece Kershaw met Fiji's police chief.\n"
    (meeting,) = records(text)
    kershaw = next(p for p in meeting["participants"] if p["name"] == "Reece Kershaw")
    assert kershaw["country"] == "AU"


def test_the_dateline_city_is_where_the_story_says_here():
    text = (
        "KUALA LUMPUR: Malaysian police chief Ahmad Rizal said on Tuesday he met Thai Police "
        "Commissioner-General Somchai Wong at the federal police headquarters here.\n"
    )
    (meeting,) = records(text, date(2024, 5, 8))
    assert meeting["place"] == {"city": "Kuala Lumpur", "country": "MY"}


def test_a_wire_dateline_alone_is_where_the_reporter_files_from():
    text = (
        "SEOUL, May 8 (Yonhap) -- South Korea's police chief Park Min-soo met Thai Police "
        "Commissioner-General Somchai Wong on Tuesday to discuss online scams.\n"
    )
    (meeting,) = records(text, date(2024, 5, 8))
    assert "city" not in (meeting.get("place") or {})


def test_a_date_line_with_its_weekday_dates_the_article_but_a_published_line_wins():
    dated = "Thu, 11 Apr 2002\n\nPolice chiefs meet\n\nX met Y.\n"
    crawled = (
        "Wed, 24 Apr 2024\n\nHEADLINES\n\nPublished on: Tuesday, February 28, 2017\n\nX met Y.\n"
    )
    assert published_from_byline(dated)[0] == date(2002, 4, 11)
    assert published_from_byline(crawled)[0] == date(2017, 2, 28)


def test_a_courtesy_visit_to_someone_is_a_meeting_not_a_trip():
    text = (
        "Deputy Minister Le Quoc Hung on Thursday paid a courtesy visit to General Khamla "
        "Sisouk, Minister of Public Security of Laos, in Vientiane.\n"
    )
    assert [r["kind"] for r in records(text, date(2026, 1, 10))] == ["meeting"]


def test_a_vietnamese_list_of_people_met_goes_on_past_its_semicolons():
    text = (
        "Ngày 13/1/2025, tại Bắc Kinh, Bộ trưởng Bộ Công an Lương Tam Quang đã có các cuộc hội "
        "đàm với Bí thư Ủy ban Chính pháp Trung Quốc Trần Văn Thanh; Bộ trưởng Bộ Công an Trung "
        "Quốc Vương Tiểu Hồng.\n"
    )
    met = {n for r in records(text) for n, role in roles(r).items() if role == "host"}
    assert met == {"Trần Văn Thanh", "Vương Tiểu Hồng"}


def test_a_country_right_before_a_name_is_its_holders_not_a_vietnamese_surname():
    text = (
        "Ngày 6/6/2024, Bộ trưởng Công an Trung Quốc Vương Tiểu Hồng đã tiếp Đại sứ Việt Nam "
        "tại Trung Quốc Phạm Sao Mai.\n"
    )
    (meeting,) = records(text)
    countries = {p["name"]: p.get("country") for p in meeting["participants"]}
    assert countries == {"Vương Tiểu Hồng": "CN", "Phạm Sao Mai": "VN"}


def test_a_meeting_noun_followed_by_the_one_met_is_that_meeting_once():
    text = (
        "Đây là phát biểu của Đại sứ Trần Văn Minh trong cuộc gặp Bộ trưởng Nội Vụ Pháp Claire "
        "Dubois tại trụ sở Bộ Nội vụ Pháp ở Paris vào ngày 19/7/2024.\n"
        "Bộ trưởng Claire Dubois cảm ơn Việt Nam.\n"
    )
    (meeting,) = records(text)
    assert roles(meeting) == {"Trần Văn Minh": "guest", "Claire Dubois": "host"}
    assert meeting["place"] == {"city": "Paris", "country": "FR"}


def test_a_vietnamese_portfolio_after_a_title_is_no_name():
    text = (
        "Sáng 5/3, Bộ trưởng Lương Tam Quang hội đàm với Bộ trưởng Nội vụ Lào Vilay Lakhamfong.\n"
        "Chiều cùng ngày, Bộ trưởng Lương Tam Quang tiếp Đại sứ Lào Sengphet Phomma.\n"
    )
    talks, reception = records(text, date(2025, 3, 6))
    assert set(roles(talks)) == {"Lương Tam Quang", "Vilay Lakhamfong"}
    lakhamfong = next(p for p in talks["participants"] if p["name"] == "Vilay Lakhamfong")
    assert lakhamfong["country"] == "LA"
    assert reception["date"]["start"] == talks["date"]["start"] == "2025-03-05"


def test_a_title_in_apposition_before_a_police_rank_and_name_is_the_persons():
    text = (
        "Indonesian National Police Deputy Chief, Pol. Gen. Budi Santoso, has met Vietnamese "
        "Deputy Minister of Public Security Lieutenant General Nguyen Van Binh in Hanoi on "
        "Tuesday.\n"
    )
    (meeting,) = records(text, date(2024, 3, 8))
    assert meeting["host"] == "VN" and meeting["guests"] == ["ID"]
    guest = next(p for p in meeting["participants"] if p["name"] == "Budi Santoso")
    assert guest["title"] == "Indonesian National Police Deputy Chief"
    assert guest["country"] == "ID" and guest["role"] == "guest"


def test_one_met_of_no_stated_country_is_of_the_foreign_country_the_page_names():
    text = (
        "Vietnamese President Nguyen Van An hopes that the Cambodian Ministry of Interior and "
        "Vietnam's Ministry of Public Security will strengthen their cooperation, according to "
        "a statement.\n\n"
        "An met interior minister Chea Sokha on March 4 in Hanoi.\n"
    )
    (meeting,) = records(text, date(2024, 3, 6))
    assert meeting["host"] == "VN" and meeting["guests"] == ["KH"]
    assert {p["name"]: p["country"] for p in meeting["participants"]}["Chea Sokha"] == "KH"


def test_a_ministry_named_without_its_country_takes_the_country_written_with_it():
    shapes = {
        "of China’s Public Security Ministry": "CN",
        "of the Cambodian Interior Ministry": "KH",
        "of the Ministry of Interior of Laos": "LA",
    }
    for words, country in shapes.items():
        text = (
            f"Deputy Minister Tran Van Minh received a visiting delegation {words} in Hanoi on "
            "November 29.\n"
        )
        (meeting,) = records(text, date(2024, 12, 20))
        assert meeting["host"] == "VN" and meeting["guests"] == [country], words
