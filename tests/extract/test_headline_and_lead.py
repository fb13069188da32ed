"""Pages whose sentences tell no engagement with its verb and object, but whose headline and
lead name one and its two sides: the lead pass (passes/leads.py) drafts it, flagged
`lead-inferred` (texts written for these tests, in the genre's shapes)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def claimed(text: str, published: date | None = None) -> list:
    d = extract(text, document="doc", published=published)
    return [
        r
        for r in d.records
        if r.record.get("status", "held") == "held" and "context-mention" not in r.codes
    ]


def test_a_conference_of_two_provinces_police_told_in_the_headline_is_drafted_from_the_lead():
    text = (
        "Công an tỉnh Hà Giang sơ kết hợp tác với Sở Công an Vân Nam\n\n"
        "Ngày 12/3/2025, tại thành phố Hà Giang, Công an tỉnh Hà Giang và Sở Công an tỉnh Vân "
        "Nam (Trung Quốc) đã đánh giá kế hoạch phối hợp phòng, chống ma túy qua biên giới.\n\n"
        "Hai bên thống nhất tăng cường trao đổi thông tin.\n"
    )
    (draft,) = claimed(text, date(2025, 3, 13))
    rec = draft.record
    assert (rec["host"], rec["guests"]) == ("VN", ["CN"])
    assert rec["date"]["start"] == "2025-03-12"
    assert rec["place"]["city"] == "Ha Giang"
    assert "lead-inferred" in draft.codes
    kind = next(ev for ev in rec["evidence"] if ev["field"] == "kind")
    assert text[kind["start"] : kind["end"]] == kind["quote"]


def test_a_headline_reception_takes_its_sides_place_and_people_from_the_lead():
    text = (
        "Deputy Minister hosts departing Japanese envoy\n\n"
        "(VOV) – Deputy Minister of Public Security Nguyen Van Binh praised outgoing Japanese "
        "Ambassador to Vietnam Tanaka Hiroshi for his contribution to ties between the ministry "
        "and Japan's police at a reception in Hanoi on May 14, 2024.\n\n"
        "Deputy Minister Binh wished the Ambassador success in his new post.\n"
    )
    (draft,) = claimed(text, date(2024, 5, 15))
    rec = draft.record
    assert rec["kind"] == "meeting"
    assert (rec["host"], rec["guests"]) == ("VN", ["JP"])
    assert rec["date"]["start"] == "2024-05-14"
    roles = {p["name"]: p["role"] for p in rec["participants"]}
    assert roles == {"Nguyen Van Binh": "host", "Tanaka Hiroshi": "guest"}


def test_a_site_line_above_the_title_is_not_the_lead_and_the_title_names_the_sides():
    text = (
        "Welcome to our portal. Follow us for the day's stories.\n\n"
        "Australia-Laos legal cooperation\n\n"
        "Attorney-General Peter Walsh and Lao Minister of Public Security Somphone Keo have "
        "signed a Memorandum of Understanding on cooperation against transnational crime, 14 "
        "June 2024.\n\n"
        "The agreement covers drug trafficking and money laundering.\n"
    )
    (draft,) = claimed(text, date(2024, 6, 15))
    rec = draft.record
    assert sorted([*rec["guests"], *([rec["host"]] if "host" in rec else [])]) == ["AU", "LA"]
    assert {p["name"] for p in rec["participants"]} == {"Peter Walsh", "Somphone Keo"}


def test_a_page_cut_from_its_article_on_a_conference_of_the_two_countries_is_a_dialogue():
    text = (
        "Tại hội nghị, các Cục nghiệp vụ và Công an các tỉnh biên giới của hai nước đã trình bày "
        "tham luận về phối hợp phòng, chống tội phạm.\n\n"
        "Hai bên nhất trí tiếp tục trao đổi thông tin giữa Bộ Công an Việt Nam và Bộ Nội vụ "
        "Campuchia.\n"
    )
    (draft,) = claimed(text, date(2024, 11, 10))
    rec = draft.record
    assert rec["kind"] == "dialogue"
    assert set(rec["guests"]) | {rec.get("host")} - {None} == {"VN", "KH"}
    assert rec["slug"].startswith("vn-kh-dialogue")


def test_an_undated_page_takes_the_month_of_its_byline_flagged():
    text = (
        "Cambodia, Thailand police review border plan\n\n"
        "Friday 14 May 2021\n\n"
        "Cambodian Police Commissioner General Sok Vanna and Thai Police General Chai Wongsa "
        "reviewed the results of their border cooperation plan.\n\n"
        "The two sides agreed on more patrols.\n"
    )
    (draft,) = claimed(text)
    assert draft.record["date"] == {
        "start": "2021-05-01",
        "end": "2021-05-31",
        "precision": "month",
        "phrase": "Friday 14 May 2021",
    }
    assert {"lead-inferred", "date-from-publication"} <= set(draft.codes)


def test_a_headline_plan_is_no_engagement():
    text = (
        "Minister to visit Japan next month\n\n"
        "Minister of Public Security Le Van Minh will lead a delegation to Tokyo for talks with "
        "Japanese National Police Agency Commissioner General Sato Kenji.\n"
    )
    assert claimed(text, date(2024, 5, 3)) == []


def test_a_multilateral_conference_in_the_lead_is_no_bilateral_engagement():
    text = (
        "Bộ trưởng dự Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia\n\n"
        "Ngày 20/8/2024, tại Viêng Chăn (Lào), Bộ trưởng Bộ Công an Việt Nam cùng các bộ "
        "trưởng ASEAN tham dự hội nghị.\n"
    )
    assert claimed(text, date(2024, 8, 21)) == []


def test_the_conference_the_page_tells_since_is_not_the_one_it_reports():
    text = (
        "Tới dự, về phía Quảng Bình có đồng chí Trần Văn Hùng; về phía Lào có đồng chí Bun "
        "Khăm, Giám đốc Công an tỉnh Khăm Muộn.\n\n"
        "Kể từ kỳ giao ban năm 2019, hai bên đã phối hợp chặt chẽ.\n"
    )
    # the attendance line of the two sides is the page's own session, which it does not date
    (draft,) = claimed(text, date(2020, 12, 5))
    assert draft.record["date"]["start"] == "????-??-??"
    assert "lead-inferred" in draft.codes


def test_an_old_engagement_in_the_lead_is_not_drafted_as_news():
    text = (
        "Police of two provinces review their cooperation\n\n"
        "On March 3, 2019, the police of Dak Lak and the police of Mondulkiri (Cambodia) held "
        "a conference in Buon Ma Thuot.\n"
    )
    assert claimed(text, date(2024, 6, 1)) == []


def test_a_page_whose_loop_drafted_a_meeting_gets_nothing_from_its_headline():
    text = (
        "Vietnam, Laos police chiefs meet\n\n"
        "Hanoi (VNA) – Minister of Public Security Le Van Minh received Lao Minister of Public "
        "Security Khamsay Phommachanh in Hanoi on October 16, 2024.\n"
    )
    drafts = claimed(text, date(2024, 10, 17))
    assert len(drafts) == 1
    assert "lead-inferred" not in drafts[0].codes


def test_a_page_of_bylines_and_a_headline_only_is_read_from_its_headline():
    text = (
        "Media Statement\n"
        "Monday, 9 June 2025 10:30am\n"
        "Minister meets Thai counterpart in Canberra\n"
    )
    (draft,) = extract(text, document="doc", language="en").records
    assert (draft.record["host"], draft.record["guests"]) == ("AU", ["TH"])
    assert draft.record["date"]["start"] == "2025-06-01"
    assert "lead-inferred" in draft.codes


def test_the_side_that_welcomes_a_delegation_of_the_one_foreign_side_hosts_it():
    text = (
        "Công an tỉnh Long An đón đoàn Công an tỉnh Svay Rieng\n\n"
        "Ngày 5/4/2024, Công an tỉnh Long An đã tổ chức đón đoàn Công an tỉnh Svay Rieng "
        "(Campuchia) do Thiếu tướng Sok Chea làm trưởng đoàn.\n"
    )
    (draft,) = claimed(text, date(2024, 4, 6))
    assert (draft.record["host"], draft.record["guests"]) == ("VN", ["KH"])
    assert "lead-inferred" in draft.codes
