"""The fields of drafts, eighth round: the day, host and guest, and the people of each side,
above all of the drafts the lead pass makes from a headline and its lead. The pages are written
for these tests in the genre's shapes."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.dates import published_from_url


def records(page: str, url: str | None = None, published: date | None = None) -> list[dict]:
    return [r.record for r in extract(page, url=url, published=published, document="page").records]


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record.get("participants", [])}


# --- dates ------------------------------------------------------------------------------------


def test_a_url_filed_by_year_and_then_month_and_day_dates_the_page() -> None:
    assert published_from_url("https://en.example.cn/n3/2024/0506/c90000-2016.html") == date(
        2024, 5, 6
    )
    assert published_from_url("https://www.example.com.cn/a/202405/06/WS6638.html") == date(
        2024, 5, 6
    )
    # a year and a month alone are no day
    assert published_from_url("https://example.com/2017/11/slug") is None


def test_a_numbered_session_named_again_in_lower_case_with_its_day_takes_that_day() -> None:
    page = (
        "Joint Statement on the 7th Meeting of the Laos-Thailand Working Group on Border "
        "Security\n\n"
        "The statement was issued by both governments on the occasion of the 7th Meeting of "
        "the Laos-Thailand Working Group on Border Security.\n\n"
        "The 7th meeting of the working group was held in Vientiane on June 4, 2025, and "
        "reviewed joint patrols along the Mekong.\n"
    )
    (session,) = [r for r in records(page) if r["kind"] in ("dialogue", "meeting")]
    assert session["date"]["start"] == "2025-06-04"


def test_a_later_lead_sentence_naming_the_engagement_by_its_word_again_dates_it() -> None:
    page = (
        "THE Royal Malaysia Police strengthened its ties with the Philippine National Police "
        "following the signing of a memorandum of understanding with the PNP.\n\n"
        "The signing took place at the PNP headquarters in Manila on May 14, 2025.\n\n"
        "Officials said the agreement covers information sharing on drug syndicates.\n"
    )
    (signing,) = records(page)
    assert signing["date"]["start"] == "2025-05-14"
    # and where: the same sentence's city, so the side at home hosts it
    assert (signing["place"]["city"], signing["host"], signing["guests"]) == (
        "Manila",
        "PH",
        ["MY"],
    )


# --- host and guest -----------------------------------------------------------------------------


def test_the_one_a_delegation_was_received_by_hosts_the_reception() -> None:
    page = (
        "Cambodian police chief meets Lao delegation\n\n"
        "On May 7, 2025, a delegation of the Lao Ministry of Public Security led by Deputy "
        "Minister Major General Khamla Sengdara arrived in Phnom Penh.\n\n"
        "The delegation was received by General Sok Vanna, Commissioner General of the "
        "Cambodian National Police, on May 8, 2025.\n"
    )
    reception = next(r for r in records(page) if r["kind"] == "meeting" and "Sok Vanna" in roles(r))
    assert reception["host"] == "KH"
    assert roles(reception)["Sok Vanna"] == "host"


def test_who_led_each_side_of_talks_are_their_host_and_guest() -> None:
    page = (
        "Wednesday, 5 June 2024 10:32\n\n"
        "The Royal Thai Police and the Cambodian National Police held talks in Bangkok on "
        "Monday to step up the fight against online scam centres.\n\n"
        "Thai Police Commissioner-General Pol Gen Anan Sukjai led the Thai side, while "
        "Cambodian National Police Commissioner General Sok Vanna headed the visiting "
        "delegation.\n"
    )
    (talks,) = [r for r in records(page) if r["kind"] == "meeting"]
    assert (talks["host"], talks["guests"]) == ("TH", ["KH"])
    assert roles(talks) == {"Anan Sukjai": "host", "Sok Vanna": "guest"}


# --- participants and roles of the lead's engagement ----------------------------------------------


def test_the_head_of_a_delegation_received_in_the_lead_is_its_head() -> None:
    page = (
        "Công an tỉnh Cao Bằng đón đoàn Công an tỉnh Quảng Tây (Trung Quốc)\n\n"
        "Thứ Ba, 12/03/2024 - 16:45\n\n"
        "Ngày 11/3, tại thành phố Cao Bằng, Công an tỉnh Cao Bằng đã đón đoàn đại biểu Sở Công "
        "an tỉnh Quảng Tây (Trung Quốc) do Thiếu tướng Lý Chí Cường, Phó Giám đốc làm Trưởng "
        "đoàn sang thăm và làm việc.\n\n"
        "Hai bên đã trao đổi tình hình an ninh trật tự trên tuyến biên giới.\n"
    )
    (meeting,) = records(page)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["CN"])
    assert meeting["date"]["start"] == "2024-03-11"
    # a Chinese official whose surname Vietnamese names share is his agency's, not Vietnam's
    # (the head of a delegation received stays its head: test_fields_round_ten)
    assert roles(meeting) == {"Lý Chí Cường": "delegation_head"}


def test_two_sides_people_the_lead_names_as_present_take_their_sides_roles() -> None:
    page = (
        "Công an tỉnh Lạng Sơn và Công an thành phố Bằng Tường hội đàm\n\n"
        "Thứ Ba, 12/03/2024 - 16:45\n\n"
        "Sáng nay, tại thành phố Lạng Sơn, diễn ra buổi hội đàm giữa lãnh đạo hai đơn vị nhằm "
        "tăng cường phối hợp phòng chống tội phạm qua biên giới.\n\n"
        "Tham dự có Đại tá Hoàng Văn Toàn, Giám đốc Công an tỉnh Lạng Sơn và ông Vương Kiến "
        "Hoa, Cục trưởng Cục Công an thành phố Bằng Tường (Trung Quốc).\n"
    )
    (meeting,) = records(page)
    assert meeting["date"]["start"] == "2024-03-12"  # "Sáng nay" of the byline's day
    assert roles(meeting) == {"Hoàng Văn Toàn": "host", "Vương Kiến Hoa": "guest"}


def test_people_named_as_present_at_a_meeting_the_sentences_tell_keep_their_stated_role() -> None:
    page = (
        "Sáng 11/3/2024, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ "
        "Australia tại Việt Nam Andrew Goledzinowski.\n\n"
        "Tham dự buổi tiếp có Đại tá Nguyễn Văn Sơn, Cục trưởng Cục Hợp tác quốc tế.\n"
    )
    (meeting,) = records(page)
    assert roles(meeting)["Nguyễn Văn Sơn"] == "attendee"


def test_the_side_that_organises_a_conference_with_the_other_hosts_it() -> None:
    page = (
        "Công an hai tỉnh Hà Tĩnh và Bolikhamxay hội đàm\n\n"
        "Ngày 8/11/2024, tại huyện Hương Sơn, Công an tỉnh Hà Tĩnh phối hợp Công an tỉnh "
        "Bolikhamxay, nước CHDCND Lào tổ chức Hội nghị trao đổi, phối hợp bảo đảm an ninh "
        "biên giới giữa hai tỉnh.\n\n"
        "Chủ trì Hội nghị về phía Công an tỉnh Hà Tĩnh có Đại tá Phan Văn Khánh, Phó Giám đốc "
        "Công an tỉnh; về phía Công an tỉnh Bolikhamxay có Đại tá Bun Mi Xay Nhạ Vông, Phó Giám "
        "đốc Công an tỉnh.\n"
    )
    (conference,) = records(page)
    assert (conference["host"], conference["guests"]) == ("VN", ["LA"])
    # the district where it was held is no person
    assert "Hương Sơn" not in roles(conference)


def test_a_day_after_hom_nay_dates_the_lead_and_a_co_chairs_line_is_story() -> None:
    page = (
        "Công an 2 tỉnh Tây Ninh và Svay Rieng giao ban lần thứ 12\n\n"
        "Hôm nay 14-12, tại trụ sở Công an huyện Tân Biên, Công an tỉnh Tây Ninh và Ty Công "
        "an Svay Rieng (Vương quốc Campuchia) tổ chức hội nghị giao ban lần thứ 12 về hợp tác "
        "phòng, chống tội phạm trên tuyến biên giới.\n\n"
        "Đại tá Trần Văn Hòa, Giám đốc Công an tỉnh Tây Ninh và Trung tướng Chea Sophal, "
        "Trưởng ty Công an Svay Rieng đồng chủ trì hội nghị.\n\n"
        "Toàn cảnh hội nghị\n"
    )
    (conference,) = records(page)
    assert conference["date"]["start"] == "????-12-14"
    assert (conference["host"], conference["guests"]) == ("VN", ["KH"])
    assert roles(conference) == {"Trần Văn Hòa": "co_chair", "Chea Sophal": "co_chair"}


def test_a_visit_to_the_other_side_s_headquarters_is_hosted_by_the_counterpart_met_there() -> None:
    page = (
        "Tổng Giám đốc Cơ quan Cảnh sát quốc gia Hàn Quốc Park Min-soo ngày 9/5 đã tới thăm "
        "trụ sở Cơ quan Cảnh sát Croatia và gặp người đồng cấp Marko Horvat. Hai bên đã trao "
        "đổi về hợp tác bảo đảm an ninh cho du khách.\n"
    )
    (meeting,) = records(page)
    assert (meeting["host"], meeting["guests"]) == ("HR", ["KR"])
    # the counterpart met is a person, of the side at home, not the visitor's
    assert roles(meeting) == {"Park Min-soo": "guest", "Marko Horvat": "host"}


def test_a_counterpart_introduced_by_a_demonym_is_of_that_country() -> None:
    page = (
        "Commissioner of Police Lim Boon Keat met his Thai counterpart Pol Gen Anan Sukjai at "
        "the Police Cantonment Complex in Singapore on May 3, 2025.\n"
    )
    (meeting,) = records(page)
    people = {p["name"]: p.get("country") for p in meeting["participants"]}
    assert people["Anan Sukjai"] == "TH"
    assert (meeting["host"], meeting["guests"]) == ("SG", ["TH"])


def test_who_receives_a_delegation_told_as_present_hosts_it_and_the_delegation_is_ours() -> None:
    page = (
        "Đoàn công tác Công an tỉnh Lai Châu thăm và làm việc tại tỉnh Phongsaly (Lào)\n\n"
        "Cập nhật: 13-06-2024 | 14:11:52\n\n"
        "Vừa qua, Đoàn công tác Công an tỉnh Lai Châu do Đại tá Lò Văn Tiến, Giám đốc Công an "
        "tỉnh làm Trưởng đoàn đã sang thăm và làm việc tại Bộ Chỉ huy Công an tỉnh Phongsaly, "
        "nước CHDCND Lào.\n\n"
        "Tiếp và làm việc với đoàn có Đại tá Xổm Xay Khăm Phăn, Chỉ huy trưởng Bộ Chỉ huy Công "
        "an tỉnh Phongsaly.\n"
    )
    meeting = next(r for r in records(page) if r["kind"] == "meeting")
    assert (meeting["host"], meeting["guests"]) == ("LA", ["VN"])
    assert roles(meeting)["Xổm Xay Khăm Phăn"] == "host"


def test_a_three_word_name_after_a_unit_holding_a_portfolio_word_is_the_person() -> None:
    page = (
        "Deputy Minister of Public Security Tran Van Binh hosted a delegation from the Chinese "
        "Ministry of Public Security headed by Deputy Head of the Security Guard Department Li "
        "Guo Hua in Hanoi on May 14, 2025.\n"
    )
    (meeting,) = records(page)
    assert roles(meeting) == {"Tran Van Binh": "host", "Li Guo Hua": "guest"}


def test_a_site_s_short_lines_above_the_lead_do_not_hide_its_date() -> None:
    page = (
        "Cảnh sát biển hai nước tăng cường hợp tác\n\n"
        "Thứ Tư, 31/10/2018, 09:56 [GMT+7]\n"
        "In bài này\n\n"
        "Sáng 30-10, tại TP. Hải Phòng, Bộ Tư lệnh Cảnh sát biển Việt Nam tổ chức hội nghị "
        "công tác thường niên với Cảnh sát biển Trung Quốc.\n\n"
        "Thiếu tướng Nguyễn Văn Hải, Tư lệnh Cảnh sát biển Việt Nam gặp gỡ ông Trương Minh "
        "Viễn, Phó Cục trưởng Cục Cảnh sát biển Trung Quốc tại hội nghị.\n"
    )
    meeting = next(r for r in records(page) if r["kind"] == "meeting")
    assert meeting["date"]["start"] == "2018-10-30"
