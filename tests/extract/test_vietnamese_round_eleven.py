"""Vietnamese pages, eleventh round: agencies beyond the police, in shapes written for these
tests in our own words, with invented names. A province's border guard, military command, armed
forces, gendarmerie and procuracy named after it; talks numbered before whom they were with;
talks between two lists of provincial units; the seat of a province's body as the place; a
border gate, a unit's head word and a court's name are no person; lower-case ranks and China's
police ranks; coast guard regions and a foreign agency's regional office; the procuracies."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.gazetteer import find_organisations, find_places, find_regions
from timeline.extract.people import PersonMention, find_people


def records(text: str, published: date | None = None) -> list[dict]:
    return [r.record for r in extract(text, document="d", published=published).records]


def meetings(text: str, published: date | None = None) -> list[dict]:
    return [r for r in records(text, published) if r["kind"] == "meeting"]


def people(record: dict) -> dict[str, str | None]:
    return {p["name"]: p.get("role") for p in record.get("participants", [])}


def persons(text: str) -> list[PersonMention]:
    n = len(text)
    entities = find_organisations(text, "vi") + find_places(text) + find_regions(text, 0, n)
    return find_people(text, 0, n, "vi", entities)


def keys(text: str) -> dict[str, str | None]:
    return {o.key: o.country for o in find_organisations(text, "vi")}


# --- a province's forces ------------------------------------------------------------------------


def test_a_province_s_border_guard_command_is_an_agency_of_the_province_s_country():
    found = keys("Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Lai Châu đã đón đoàn bạn.")
    assert found == {"Lai Chau Provincial Border Guard Command": "VN"}


def test_a_lao_province_s_military_command_is_lao_under_either_spelling():
    found = keys("Bộ CHQS tỉnh Bokeo và Bộ Chỉ huy Quân sự (CHQS) tỉnh Oudomxay cùng dự.")
    assert found == {
        "Bokeo Provincial Military Command": "LA",
        "Oudomxay Provincial Military Command": "LA",
    }


def test_forces_of_two_provinces_listed_after_a_count_are_each_province_s():
    found = keys("Đoàn Bộ Chỉ huy BĐBP hai tỉnh Lai Châu và Lào Cai lên đường sáng nay.")
    assert found == {
        "Lai Chau Provincial Border Guard Command": "VN",
        "Lao Cai Provincial Border Guard Command": "VN",
    }


def test_a_cambodian_province_s_armed_forces_and_gendarmerie_are_cambodian():
    found = keys("Lực lượng vũ trang tỉnh Kampot và Hiến binh tỉnh Kampot gửi thư cảm ơn.")
    assert found == {
        "Kampot Provincial Armed Forces": "KH",
        "Kampot Provincial Gendarmerie": "KH",
    }


def test_the_command_a_unit_belongs_to_in_brackets_is_not_a_second_agency():
    found = keys("Họ đã gặp Đại đội Biên phòng 207 (thuộc Bộ CHQS tỉnh Bokeo, Lào) hôm qua.")
    assert "Bokeo Provincial Military Command" not in found


# --- meetings of these agencies -------------------------------------------------------------------


def test_a_neighbour_s_armed_forces_greeting_a_border_guard_give_one_meeting_not_two():
    text = (
        "Ngày 5/2/2025, Đoàn đại biểu Lực lượng vũ trang tỉnh Kampot (Campuchia) do Thiếu tướng "
        "Sok Varin, Chỉ huy trưởng Hiến binh tỉnh Kampot làm trưởng đoàn đã đến thăm, chúc Tết Bộ "
        "đội Biên phòng tỉnh Kiên Giang.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "VN" and meeting["guests"] == ["KH"]
    assert people(meeting)["Sok Varin"] == "delegation_head"


def test_annual_talks_numbered_before_whom_they_were_with_are_a_meeting_with_that_command():
    text = (
        "Ngày 9/11/2024, tại Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu, đoàn đại biểu Bộ CHQS "
        "tỉnh Phongsaly (Lào) do Đại tá Bun Thavong làm Trưởng đoàn đã sang thăm và Hội đàm "
        "thường niên lần thứ VII với Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "VN" and meeting["guests"] == ["LA"]
    assert meeting["date"]["start"] == "2024-11-09"


def test_talks_between_two_provinces_units_and_two_of_the_neighbour_s_are_one_meeting():
    text = (
        "Sáng 3/12/2024, tại Bộ Chỉ huy BĐBP tỉnh Lai Châu đã diễn ra hội đàm thường niên lần "
        "thứ IX năm 2024 giữa đoàn đại biểu Bộ Chỉ huy BĐBP tỉnh Lai Châu và Bộ Chỉ huy BĐBP "
        "tỉnh Lào Cai với Bộ CHQS tỉnh Bokeo và Oudomxay, Lào.\n"
        "Đoàn phía Việt Nam do Đại tá Hà Minh Khôi làm trưởng đoàn; đoàn phía Lào do Đại tá "
        "Sengdao Phanith làm trưởng đoàn.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "VN" and meeting["guests"] == ["LA"]
    assert meeting["place"]["country"] == "VN"


# --- no person ----------------------------------------------------------------------------------


def test_a_border_gate_is_no_person_titled_by_the_clause_after_it():
    text = "Chiều 9/5, tại Cửa khẩu quốc tế Vĩnh Xương, Bộ Chỉ huy Bộ đội Biên phòng tỉnh Đồng Tháp tổ chức gặp mặt."
    names = [p.name for p in persons(text)]
    assert "Vĩnh Xương" not in names


def test_the_unit_a_title_heads_is_no_person():
    text = (
        "Dự buổi làm việc có đồng chí Phan Quốc Đạt, Vụ trưởng Vụ Tổ chức cán bộ, và trung tá "
        "Kem Sophal, Tiểu đoàn trưởng Tiểu đoàn Bộ đội Biên phòng 3."
    )
    names = [p.name for p in persons(text)]
    assert "Vụ Tổ" not in names and "Tiểu" not in names
    assert "Kem Sophal" in names


def test_a_rank_written_in_lower_case_is_the_rank_of_the_name_after_it():
    text = "Dự có trung tướng Chea Bunthoeun, Giám đốc Công an tỉnh Kampot."
    assert {p.name: p.rank for p in persons(text)} == {"Chea Bunthoeun": "trung tướng"}


# --- coast guards and procuracies ---------------------------------------------------------------


def test_a_coast_guard_region_is_vietnam_s_agency_not_a_person():
    text = "Đại tá Lê Văn Hòa, Tư lệnh Vùng Cảnh sát biển 4, đã tiếp đoàn bạn."
    assert keys(text) == {"Vietnam Coast Guard Region 4": "VN"}
    assert [p.name for p in persons(text)] == ["Lê Văn Hòa"]


def test_a_foreign_coast_guard_s_region_and_office_are_of_its_country():
    found = keys(
        "Đoàn đã chào xã giao lãnh đạo Vùng 5 Lực lượng bảo vệ bờ biển Nhật Bản và lãnh đạo "
        "Văn phòng Kobe Lực lượng bảo vệ bờ biển Nhật Bản."
    )
    assert found == {
        "Japan Coast Guard (Vùng 5)": "JP",
        "Japan Coast Guard (Văn phòng Kobe)": "JP",
    }


def test_the_procuracies_of_laos_and_cambodia_are_theirs_and_ours_is_vietnam_s():
    found = keys(
        "VKSND tối cao tiếp VKSND tối cao Lào; Viện KSND tối cao làm việc với Tổng Chưởng lý Tòa "
        "án tối cao Campuchia."
    )
    assert found == {
        "Supreme People's Procuracy": "VN",
        "Supreme People's Prosecutor of Laos": "LA",
        "General Prosecutor at the Supreme Court of Cambodia": "KH",
    }


# --- sides -------------------------------------------------------------------------------------


def test_a_neighbour_s_prosecutor_in_vietnam_for_a_regional_conference_is_our_guest():
    text = (
        "Ngày 7/10/2024, đồng chí Hoàng Văn Lộc, Viện trưởng VKSND tối cao có buổi Hội đàm với "
        "đồng chí Bun-mi Sa-vong, Viện trưởng VKSND tối cao Lào và Đoàn đại biểu VKSND tối cao "
        "Lào sang dự Hội nghị Viện trưởng Viện kiểm sát các nước ASEAN - Trung Quốc tại Việt "
        "Nam.\n"
    )
    assert not [r for r in records(text) if r["kind"] == "visit"]
    (meeting,) = meetings(text)
    assert meeting["host"] == "VN" and meeting["guests"] == ["LA"]
    assert people(meeting)["Hoàng Văn Lộc"] == "host"


def test_departments_closed_by_a_foreign_ministry_are_that_country_s_and_one_delegation():
    text = (
        "Từ ngày 3/6 – 6/6/2024, Cục Quản lý xuất nhập cảnh đã tiếp đón, làm việc với đoàn Cục "
        "Cảnh sát giao thông và Cục Quản lý người nước ngoài Bộ An ninh Lào.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "VN" and meeting["guests"] == ["LA"]


# --- dates and plans ----------------------------------------------------------------------------


def test_the_year_an_agreement_was_signed_is_not_the_year_of_a_port_call():
    text = (
        "Sáng 4/11, tàu CSB 6011 cùng đoàn công tác do Thượng tá Đoàn Văn Khải làm Trưởng đoàn "
        "đã cập cảng Kobe, Nhật Bản, bắt đầu chuyến thăm Lực lượng bảo vệ bờ biển Nhật Bản.\n"
        "Năm 2016, hai lực lượng đã ký kết Bản ghi nhớ hợp tác.\n"
    )
    (trip,) = [r for r in records(text) if r["kind"] == "visit"]
    assert not trip["date"]["start"].startswith("2016")


def test_what_an_agreement_commits_the_sides_to_is_no_trip():
    text = (
        "Ngày 4/11/2024, đoàn Cảnh sát biển Việt Nam đã tới chào xã giao lãnh đạo Lực lượng bảo vệ "
        "bờ biển Nhật Bản.\n"
        "Bản ghi nhớ gồm các cam kết: tàu tuần tra bờ biển Nhật Bản thăm Việt Nam; tổ chức các "
        "cuộc họp song phương.\n"
    )
    assert not [
        r for r in records(text) if r["kind"] == "visit" and r["place"].get("country") == "VN"
    ]


def test_the_year_of_annual_talks_dates_their_day_past_an_agreement_s_long_name_and_year():
    text = (
        "Sáng 20-11, tại Bộ Chỉ huy BĐBP tỉnh Lai Châu đã diễn ra hội đàm thường niên lần thứ XII "
        "năm 2024 giữa đoàn đại biểu Bộ Chỉ huy BĐBP tỉnh Lai Châu với Bộ CHQS tỉnh Phongsaly, "
        "Lào.\n"
        "Hai bên thực hiện Hiệp định về quy chế quản lý đường biên và các cửa khẩu trên tuyến "
        "biên giới đất liền giữa hai nước năm 2016.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2024-11-20"


def test_a_forecast_year_does_not_date_talks_told_after_a_period_run_up_to_now():
    text = (
        "Sáng 20/12, tại Cửa khẩu quốc tế Xa Mát, Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tây Ninh gặp "
        "mặt, trao tặng quà cho Công an tỉnh Svay Rieng.\n"
        "Từ đầu năm 2024 đến nay, hai bên phối hợp chặt chẽ.\n"
        "Tình hình tội phạm dự báo sẽ gia tăng vào dịp Tết Nguyên đán năm 2025.\n"
    )
    (meeting,) = meetings(text)
    assert not meeting["date"]["start"].startswith("2025")


def test_the_head_of_a_neighbour_s_delegation_is_of_its_country_not_of_where_it_went():
    text = (
        "Đoàn đại biểu Campuchia do ông Sok Dara, Phó Tổng chưởng lý dẫn đầu đến thăm và làm "
        "việc tại Việt Nam.\n"
    )
    found = {p.name: p.country for p in persons(text)}
    assert found == {"Sok Dara": "KH"}
