"""Vietnamese pages, tenth round: shapes of border-guard and police talks written for these
tests in our own words, with invented names and places. A neighbour's border unit named by its
area; a station for border talks as an agency, not a verb; the year of a day without one from
the talks' numbered edition, a period reviewed up to now, or a quarter written with a slash; a
year closing a quarter beside a day is not the date; provincial seats the gazetteer lacked."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.dates import latest_in_story_year
from timeline.extract.gazetteer import city_aliases, find_organisations


def records(text: str, published: date | None = None) -> list[dict]:
    return [r.record for r in extract(text, document="d", published=published).records]


def meetings(text: str, published: date | None = None) -> list[dict]:
    return [r for r in records(text, published) if r["kind"] == "meeting"]


def organisations(record: dict) -> dict[str, str | None]:
    return {o["name"]: o.get("country") for o in record.get("organisations", [])}


# --- the neighbour's border units -------------------------------------------------------------


def test_a_border_guard_unit_named_by_its_area_is_of_the_country_in_its_brackets():
    found = find_organisations(
        "Đoàn Bộ đội Biên phòng khu vực Lục Xuân (Trung Quốc) đã tới dự.", "vi"
    )
    assert [(m.key, m.country) for m in found] == [("Bộ đội Biên phòng khu vực Lục Xuân", "CN")]


def test_two_delegations_holding_numbered_talks_give_one_meeting_with_the_neighbour_s_unit():
    text = (
        "Sáng 14/10, ở tỉnh Lai Châu, lực lượng Biên phòng tỉnh Lai Châu cùng Bộ đội Biên phòng "
        "khu vực Lục Xuân (Trung Quốc) bước vào Hội đàm định kỳ lần thứ III, năm 2025.\n\n"
        "Đường dây nóng của các đồn nối thẳng tới Trạm Hội ngộ hội đàm khu vực Lục Xuân suốt năm "
        "qua.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2025-10-14"
    assert meeting["host"] == "VN" and meeting["guests"] == ["CN"]
    assert organisations(meeting).get("Bộ đội Biên phòng khu vực Lục Xuân") == "CN"


def test_talks_between_our_posts_and_a_station_of_the_neighbour_are_one_meeting_with_the_station():
    text = (
        "Sáng 3/6/2025, tại xã Nậm Kè diễn ra buổi hội đàm định kỳ quý 2/2025 giữa hai đồn biên "
        "phòng thuộc tỉnh Lai Châu và trạm hội đàm khu vực Lục Xuân (Trung Quốc).\n"
    )
    (meeting,) = meetings(text)
    assert organisations(meeting).get("trạm hội đàm khu vực Lục Xuân") == "CN"


def test_an_exit_and_entry_inspection_station_of_a_chinese_town_is_china_s():
    found = find_organisations(
        "Đoàn Trạm kiểm tra Biên phòng xuất, nhập cảnh Hà Khẩu sang dự.", "vi"
    )
    assert [m.country for m in found] == ["CN"]


# --- the year of a day written without one ----------------------------------------------------


def test_a_numbered_edition_s_year_dates_the_day_beside_it_not_a_document_s_year():
    text = (
        "Chiều 4/11, tại thành phố Đông Hà, Bộ Chỉ huy Quân sự tỉnh Savannakhet (Lào) và đơn vị "
        "Biên phòng sở tại đã hội đàm thường niên lần thứ XII năm 2025.\n\n"
        "Hai bên rà soát những việc đã làm theo biên bản hội đàm năm 2024 của hai đơn vị.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2025-11-04"
    assert meeting["host"] == "VN"
    assert meeting["place"]["city"] == "Dong Ha"


def test_a_period_reviewed_up_to_now_sets_the_year_before_an_old_document_s_year():
    text = (
        "Chiều 21/10, tại Bộ Chỉ huy Quân sự tỉnh Attapeu (Lào), đoàn Bộ đội Biên phòng tỉnh Kon "
        "Tum đã hội đàm với Bộ Chỉ huy Quân sự tỉnh Attapeu.\n\n"
        "Từ tháng 8/2025 đến nay, hai bên cùng thực hiện các văn kiện pháp lý năm 2017.\n"
    )
    assert latest_in_story_year(text, "vi") == date(2025, 10, 21)


def test_a_quarter_written_with_a_slash_puts_talks_in_january_in_the_next_year():
    text = (
        "Ngày 22/1, tại cửa khẩu Tà Lùng, đồn biên phòng Tà Lùng đã hội đàm để tổng kết quý 4/2025 "
        "với Chi đội Quản lý biên giới Long Bang (Trung Quốc).\n"
    )
    assert latest_in_story_year(text, "vi") == date(2026, 1, 22)


def test_a_half_year_reviewed_after_a_signature_still_gives_the_year():
    text = (
        "Chiều 9/9, đoàn Bộ đội Biên phòng tỉnh Nghệ An hội đàm với Bộ Chỉ huy Quân sự tỉnh Xiêng "
        "Khoảng.\n\nTheo biên bản hai bên đã ký kết trước đây, suốt năm 2024 cùng 6 tháng đầu "
        "năm 2025 hai lực lượng đã tuần tra song phương nhiều lần.\n"
    )
    assert latest_in_story_year(text, "vi") == date(2025, 9, 9)


def test_a_year_closing_the_quarter_the_talks_review_is_not_their_date():
    text = (
        "Ngày 7/11, tại cửa khẩu Kim Thành, đã diễn ra buổi hội đàm nghiệp vụ quý 3 năm 2025 "
        "giữa đoàn Bộ đội Biên phòng tỉnh Lào Cai và đoàn Trạm kiểm tra Biên phòng xuất, nhập "
        "cảnh Hà Khẩu (Trung Quốc).\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2025-11-07"
    assert meeting["date"]["precision"] == "day"


# --- places -----------------------------------------------------------------------------------


def test_provincial_seats_of_vietnam_and_its_neighbours_are_places():
    aliases = city_aliases()
    for name, code in (
        ("Đông Hà", "VN"),
        ("Quảng Ngãi", "VN"),
        ("Tuyên Quang", "VN"),
        ("Sầm Nưa", "LA"),
        ("Khăm Muồn", "LA"),
        ("Kampot", "KH"),
        ("Mông Tự", "CN"),
    ):
        assert aliases[name][1] == code, name


# --- lists of provinces' police and greetings ---------------------------------------------------


def test_each_province_s_police_of_a_counted_list_is_named_without_the_list_s_lead_in():
    found = find_organisations(
        "đoàn đã sang làm việc với Công an tỉnh 02 tỉnh: Xiêng Khoảng và Hủa Phăn (Lào).", "vi"
    )
    assert [m.text for m in found] == ["Công an tỉnh Xiêng Khoảng", "Công an tỉnh Hủa Phăn"]


def test_a_delegation_gone_to_greet_the_police_of_two_provinces_in_lower_case_meets_each():
    text = (
        "Nhân dịp Tết cổ truyền của nước bạn, đoàn công tác Công an tỉnh Quảng Bình do Đại tá Hồ "
        "Văn Kiên dẫn đầu đã đến chúc mừng lãnh đạo, cán bộ công an 2 tỉnh Khăm Muồn và "
        "Savannakhet.\n"
    )
    met = meetings(text, date(2024, 4, 12))
    assert len(met) == 2
    assert {m["host"] for m in met} == {"LA"}


def test_a_founding_and_its_anniversary_in_brackets_do_not_date_the_greeting():
    text = (
        "Nhân dịp 64 năm thành lập Công an nhân dân Lào (12/3/1960 - 12/3/2024), cán bộ Công an "
        "tỉnh Quảng Bình đã sang thăm, chúc mừng Công an tỉnh Khăm Muồn.\n"
    )
    (meeting,) = meetings(text, date(2024, 4, 12))
    assert not meeting["date"].get("start", "").startswith("1961")


def test_a_neighbour_s_new_year_festival_is_no_person():
    text = (
        "Đúng dịp Tết Chol Chnam Thmay năm nay, Giám đốc Công an tỉnh Tây Ninh là Thiếu tướng Lê "
        "Văn Hào đã sang chúc Tết Công an tỉnh Svay Rieng.\n"
    )
    for meeting in meetings(text, date(2024, 4, 12)):
        assert "Chol Chnam Thmay" not in [p["name"] for p in meeting.get("participants", [])]


# --- a delegation deployed abroad -----------------------------------------------------------


def test_a_delegation_deployed_to_work_beside_another_country_s_police_travels_there():
    text = (
        "Theo tin từ Viêng Chăn, Bộ Công an Lào triển khai phái đoàn 8 cán bộ, đứng đầu là Thiếu "
        "tướng Khăm Phon, để tham gia cùng Tổng cục Công an Quốc gia Campuchia truy quét ma túy "
        "dọc sông Mê Kông.\n"
    )
    (trip,) = [r for r in records(text, date(2025, 11, 3)) if r["kind"] == "visit"]
    assert trip["host"] == "KH" and trip["guests"] == ["LA"]


# --- who hosts -----------------------------------------------------------------------------------


def test_a_prime_minister_met_without_a_place_received_the_other_side_at_home():
    text = (
        "Trong buổi gặp với Thủ tướng Lào Sonexay Siphandone ngày hôm đó, Phó Thủ tướng Thái Lan "
        "Somchai Rattanakul đề nghị hai bên siết chặt kiểm soát biên giới.\n"
    )
    (meeting,) = meetings(text, date(2025, 10, 30))
    assert meeting["host"] == "LA" and meeting["guests"] == ["TH"]
    roles = {p["name"]: p["role"] for p in meeting["participants"]}
    assert roles["Sonexay Siphandone"] == "host"


def test_a_government_named_by_its_capital_after_cua_is_no_place():
    text = (
        "Ngày 12/3/2025, Bộ trưởng Bộ Công an Campuchia Sar Sokha đã tiếp Đại sứ Nhật Bản "
        "Ueno Atsushi, người khẳng định sự ủng hộ của Tokyo đối với các dự án đào tạo.\n"
    )
    (meeting,) = meetings(text)
    assert meeting.get("place", {}).get("city") != "Tokyo"
