"""Recall on Vietnamese pages, ninth round: shapes of the genre written for these tests (no
page's words, invented names). Provinces' police counted and listed after a colon; talks
capitalised mid-sentence; a greeting as a meeting of a delegation with each agency greeted;
a name after a title whose body the gazetteer lacks; the next verb ending a list met; the
meeting told by its noun with "với"; a delegation crossing to a country."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.gazetteer import city_aliases, find_organisations


def records(text: str, published: date = date(2025, 3, 20)) -> list[dict]:
    return [r.record for r in extract(text, document="d", published=published).records]


def kinds(text: str, published: date = date(2025, 3, 20)) -> list[str]:
    return sorted(r["kind"] for r in records(text, published))


def names(record: dict) -> list[str]:
    return [p["name"] for p in record.get("participants", [])]


def organisations(record: dict) -> set[str]:
    return {o["name"] for o in record.get("organisations", [])}


def meetings(text: str, published: date = date(2025, 3, 20)) -> list[dict]:
    return [r for r in records(text, published) if r["kind"] == "meeting"]


# --- provinces' police counted and listed ----------------------------------------------------


def test_a_count_and_a_colon_before_a_list_of_provinces_give_each_province_s_police():
    text = (
        "Từ ngày 10 - 13/3/2025, đoàn Công an tỉnh Sơn La do Đại tá Lò Văn Tính dẫn đầu "
        "đã sang thăm và hội đàm với Công an 03 tỉnh: Hủa Phăn, Luông Pha Băng và U Đôm Xay "
        "(Lào).\n"
    )
    met = {frozenset(organisations(m)) for m in meetings(text)}
    assert len(met) == 3
    for police in ("Houaphanh", "Luang Prabang", "Oudomxay"):
        assert any(f"{police} Provincial Police" in o for o in met)


def test_talks_capitalised_in_the_middle_of_a_sentence_are_still_talks():
    text = (
        "Ngày 5/3/2025, đoàn Công an tỉnh Kon Tum đã sang thăm và Hội đàm định kỳ với Cảnh sát "
        "tỉnh Attapeu (Lào).\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "LA"
    assert "Attapeu Provincial Police" in organisations(meeting)
    assert "visit" in kinds(text)


def test_the_press_spellings_of_more_border_provinces_are_places():
    for spelling, country in (
        ("Bô Ly Khăm Xay", "LA"),
        ("Luông Pha Băng", "LA"),
        ("Chăm Pa Sắc", "LA"),
        ("Koh Kong", "KH"),
        ("Tiền Giang", "VN"),
    ):
        assert city_aliases()[spelling][1] == country


# --- greetings ---------------------------------------------------------------------------------


def test_one_delegation_of_several_provinces_greeting_two_agencies_gives_one_meeting_each():
    text = (
        "Dịp Tết Nguyên đán 2025, Đoàn cán bộ Công an các tỉnh Sê Kông, Attapư đã tới thăm và "
        "chúc Tết Công an tỉnh Kon Tum và Công an tỉnh Gia Lai.\n"
    )
    greeted = meetings(text, date(2025, 1, 30))
    assert len(greeted) == 2
    assert {g["host"] for g in greeted} == {"VN"}
    assert {"Kon Tum Provincial Police", "Gia Lai Provincial Police"} == {
        o for g in greeted for o in organisations(g) if "Kon Tum" in o or "Gia Lai" in o
    }


def test_gifts_handed_over_with_new_year_wishes_to_an_agency_s_staff_are_a_greeting_in_person():
    text = (
        "Dịp Tết Nguyên đán 2025, Công an tỉnh Attapư và Công an tỉnh Sê Kông tặng hoa, chúc "
        "mừng năm mới đến cán bộ, chiến sỹ Công an Kon Tum.\n"
    )
    greeted = meetings(text, date(2025, 1, 30))
    assert len(greeted) == 2
    assert all(g["guests"] == ["LA"] for g in greeted)


def test_a_delegation_crossing_over_to_greet_gives_its_trip_beside_the_greeting():
    text = (
        "Ngày 28/1/2025, đoàn Công an tỉnh Attapư (Lào) đã sang thăm và chúc Tết Công an Kon Tum.\n"
    )
    drafts = records(text, date(2025, 1, 30))
    (trip,) = [r for r in drafts if r["kind"] == "visit"]
    (greeting,) = [r for r in drafts if r["kind"] == "meeting"]
    assert (trip["host"], trip["guests"]) == ("VN", ["LA"])
    assert greeting.get("part_of") == trip["slug"]


# --- who is met ---------------------------------------------------------------------------------


def test_a_name_after_a_title_and_a_body_the_gazetteer_lacks_is_read():
    text = (
        "Chiều 4/3/2025, tại Hà Nội, Thứ trưởng Trần Minh Khoa đã tiếp Thư ký Hội đồng An ninh "
        "Quốc gia Mông Cổ Batbold Enkhjargal.\n"
    )
    (meeting,) = meetings(text)
    assert "Batbold Enkhjargal" in names(meeting)
    assert meeting["guests"] == ["MN"]


def test_a_lowercase_body_between_the_title_and_its_country_is_part_of_the_title():
    text = (
        "Trong thời gian ở Nga, Bộ trưởng Lê Quang Hưng đã hội đàm với Tổng Giám đốc cơ quan Phòng vệ "
        "Liên bang Nga Pavel Orlov.\n"
    )
    (meeting,) = meetings(text)
    assert "Pavel Orlov" in names(meeting)


def test_the_next_verb_ends_the_list_of_those_met_so_two_meetings_are_drafted():
    text = (
        "Ngày 6/3/2025, tại Astana, Bộ trưởng Lê Quang Hưng đã gặp Thư ký thường trực Hội đồng "
        "An ninh Kazakhstan Pavel Orlov và hội đàm với Tổng Giám đốc cơ quan Phòng vệ Kazakhstan "
        "Ivan Sokolov.\n"
    )
    met = [names(m) for m in meetings(text)]
    assert len(met) == 2
    assert any("Pavel Orlov" in n for n in met)
    assert any("Ivan Sokolov" in n for n in met)


def test_a_meeting_told_by_its_noun_with_whom_it_was_is_that_meeting():
    text = (
        "Ngày 12/3/2025, trong cuộc gặp với Phó Thủ tướng Lào Khamphan Sisavath, Bộ trưởng Nội vụ "
        "Thái Lan Somchai Rattana đã đề nghị hai bên tăng cường tuần tra chung.\n"
    )
    (meeting,) = meetings(text)
    assert {"Khamphan Sisavath", "Somchai Rattana"} <= set(names(meeting))


def test_the_meeting_named_as_a_thing_already_told_is_still_no_new_meeting():
    text = (
        "Ngày 12/3/2025, Bộ trưởng Lê Quang Hưng đã tiếp Đại sứ Lào Khamphan Sisavath.\n\n"
        "Tại cuộc gặp, hai bên đã trao đổi về phối hợp chống ma túy.\n"
    )
    assert len(meetings(text)) == 1


# --- a delegation crossing to a country -------------------------------------------------------


def test_a_delegation_crossing_to_vietnam_is_a_trip_and_its_reception_a_meeting():
    text = (
        "Ngày 8/3/2025, Công an tỉnh Long An đã đón đoàn Cảnh sát tỉnh Svay Rieng (Campuchia) do "
        "Đại tá Chea Sophal dẫn đầu, sang Việt Nam trao tặng thiết bị cho lực lượng biên phòng.\n"
    )
    drafts = records(text)
    (trip,) = [r for r in drafts if r["kind"] == "visit"]
    assert (trip["host"], trip["guests"]) == ("VN", ["KH"])
    assert [r for r in drafts if r["kind"] == "meeting"]


def test_a_case_handed_over_to_another_country_is_no_trip():
    text = (
        "Ngày 8/3/2025, Công an tỉnh Long An đã chuyển hồ sơ vụ án sang Campuchia để phối hợp "
        "điều tra.\n"
    )
    assert "visit" not in kinds(text)


# --- border posts and units --------------------------------------------------------------------


def test_a_border_guard_station_is_an_agency_of_vietnam_and_a_unit_of_the_country_bracketed():
    text = (
        "Ngày 3/3/2025, tổ cán bộ của đồn biên phòng cửa khẩu Bờ Y (Bộ đội Biên phòng Kon Tum) "
        "đã làm việc với Đại đội Biên phòng 415 (thuộc Bộ Chỉ huy Quân sự tỉnh Attapư, Lào).\n"
    )
    found = {o.key: o.country for o in find_organisations(text, "vi")}
    assert found["Đồn Biên phòng cửa khẩu Bờ Y"] == "VN"
    assert found["Đại đội Biên phòng 415"] == "LA"
    (meeting,) = meetings(text)
    assert meeting["guests"] == ["LA"] or meeting["host"] == "LA"


def test_a_delegation_crossing_over_for_a_national_day_goes_to_the_one_country_it_names():
    text = (
        "Đoàn đại biểu Đồn Biên phòng Bờ Y (Bộ đội Biên phòng Kon Tum) do Trung tá Hồ Văn "
        "Sơn dẫn đầu vừa sang thăm và chúc mừng ngày Quốc khánh của nước bạn tại cửa khẩu Phu "
        "Cưa (Lào).\n"
    )
    (trip,) = [r for r in records(text) if r["kind"] == "visit"]
    assert (trip["host"], trip["guests"]) == ("LA", ["VN"])


def test_two_posts_delegations_crossing_to_one_country_are_two_trips():
    text = (
        "Đoàn đại biểu Đồn Biên phòng Bờ Y (Bộ đội Biên phòng Kon Tum) do Trung tá Hồ Văn "
        "Sơn dẫn đầu vừa sang thăm và chúc mừng ngày Quốc khánh của nước bạn tại cửa khẩu Phu "
        "Cưa (Lào).\n\n"
        "Đoàn đại biểu Đồn Biên phòng Đăk Long (Bộ đội Biên phòng Kon Tum) do Thiếu tá A Vương "
        "dẫn đầu đã sang thăm, tặng quà bản Nam Sai của tỉnh Attapư (Lào).\n"
    )
    trips = [r for r in records(text) if r["kind"] == "visit"]
    assert len(trips) == 2
    assert all(t["host"] == "LA" for t in trips)


# --- a list of agencies closed by one country ---------------------------------------------


def test_each_agency_of_a_list_closed_by_a_foreign_country_is_that_country_s():
    text = (
        "Trong chuyến thăm từ ngày 3 - 6/3/2025, đoàn đã làm việc với Bộ Tư pháp, Cục Cảnh sát "
        "Hình sự và Cơ quan Quản lý Xuất nhập cảnh Nhật Bản.\n"
    )
    met = meetings(text)
    assert len(met) == 3
    assert all({o["country"] for o in m["organisations"]} == {"JP"} for m in met)


def test_agencies_the_gazetteer_lacks_in_such_a_list_are_met_each_on_its_own():
    text = (
        "Ngày 4/3/2025, Thứ trưởng Trần Minh Khoa dẫn đầu đoàn công tác Bộ Công an sang thăm và "
        "làm việc với Bộ An ninh Công cộng, Tổng cục Cảnh sát và Cục Xuất nhập cảnh Lào.\n"
    )
    drafts = records(text)
    (trip,) = [r for r in drafts if r["kind"] == "visit"]
    assert (trip["host"], trip["guests"]) == ("LA", ["VN"])
    met = [r for r in drafts if r["kind"] == "meeting"]
    assert len(met) == 3
    assert all(m["host"] == "LA" for m in met)


def test_an_embassy_in_the_country_closing_a_list_stays_ours():
    text = (
        "Sáng 5/3/2025, Thứ trưởng Trần Minh Khoa làm việc với cán bộ Đại sứ quán Việt Nam ở "
        "Hàn Quốc.\n"
    )
    (visit,) = [r for r in records(text) if r["kind"] == "embassy_visit"]
    assert visit["guests"] == ["VN"]


# --- annual talks between provinces ---------------------------------------------------------


def test_two_provinces_police_holding_their_annual_talks_are_one_meeting_on_the_day_told():
    text = (
        "Ngày 5/3/2025, tại tỉnh Savannakhet (Lào), Công an tỉnh Hà Tĩnh và Cảnh sát tỉnh "
        "Savannakhet đã tổ chức hội đàm định kỳ năm 2025.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("LA", ["VN"])
    assert (meeting["date"]["start"], meeting["date"]["precision"]) == ("2025-03-05", "day")


def test_a_city_the_gazetteer_lacks_after_tai_thanh_pho_is_no_person():
    text = (
        "Ngày 5/3/2025, tại thành phố Đông Hà, Công an tỉnh Hà Tĩnh đã hội đàm định kỳ với Cảnh "
        "sát tỉnh Savannakhet (Lào).\n"
    )
    (meeting,) = meetings(text)
    assert "Đông Hà" not in names(meeting)


def test_a_neighbour_s_border_management_team_named_by_its_town_is_of_that_country():
    text = "Ngày 5/3/2025, Đồn Biên phòng Chi Ma đã hội đàm với Đội Quản lý biên giới Sùng Tả.\n"
    found = {o.key: o.country for o in find_organisations(text, "vi")}
    assert found["Đội Quản lý biên giới Sùng Tả"] == "CN"


def test_an_agency_as_the_subject_of_talks_is_their_other_side():
    text = (
        "Ngày 5/3/2025, tại Bằng Tường, Đồn Biên phòng Chi Ma đã hội đàm với Đội Quản lý biên giới "
        "Sùng Tả (Quảng Tây, Trung Quốc).\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("CN", ["VN"])
