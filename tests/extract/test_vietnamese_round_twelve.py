"""Vietnamese pages, twelfth round: what a border province's delegation does across the border,
in shapes written for these tests in our own words, with invented names. A provincial
procuracy or court named after its province; a delegation crossing to work at the neighbour's
agency, named after an inviter of that agency; the two delegations' talks told without naming
either; a neighbour's delegation working at one of ours; a meeting of the two chairs of a joint
border commission; a lead that gives only a year."""

from __future__ import annotations

from tests.extract.drafts import meetings, of_kind, records
from timeline.extract.gazetteer import find_organisations

OUTGOING = (
    "Nhận lời mời của đồng chí Bun Thong, Viện trưởng Viện KSND tỉnh Chăm Pa Sắc, Đoàn đại biểu "
    "Viện KSND tỉnh Quảng Trị do đồng chí Lê Văn Tâm, Viện trưởng Viện KSND tỉnh Quảng Trị dẫn "
    "đầu đã sang thăm và làm việc tại Viện KSND tỉnh Chăm Pa Sắc từ ngày 4 đến ngày 7/5/2019.\n\n"
    "Tại tỉnh Chăm Pa Sắc, hai Đoàn đại biểu đã tiến hành hội đàm, trao đổi kinh nghiệm công "
    "tác kiểm sát.\n"
)


def keys(text: str) -> dict[str, str | None]:
    return {o.key: o.country for o in find_organisations(text, "vi")}


# --- a province's procuracy and court ---------------------------------------------------------


def test_a_provinces_procuracy_written_viện_ksnd_is_an_agency_of_its_country() -> None:
    found = keys("Viện KSND tỉnh Chăm Pa Sắc và Viện KSND tỉnh Quảng Trị ký biên bản.")
    assert found["Champasak Provincial People's Procuracy"] == "LA"
    assert found["Quang Tri Provincial People's Procuracy"] == "VN"


def test_a_provinces_court_is_an_agency_of_its_country() -> None:
    found = keys("Tòa án nhân dân tỉnh Sa La Van đã cử đoàn sang làm việc.")
    assert found == {"Salavan Provincial People's Court": "LA"}


def test_the_procuracy_of_a_capital_is_named_as_the_capitals() -> None:
    found = keys("Đoàn sang làm việc tại Viện KSND thủ đô Viêng Chăn.")
    assert found == {"Vientiane Capital People's Procuracy": "LA"}


# --- a delegation crossing to the neighbour's agency ------------------------------------------


def test_a_delegation_crossing_to_work_at_the_agency_of_its_inviter_is_a_trip_there() -> None:
    (visit,) = of_kind(OUTGOING, "visit")
    assert visit["host"] == "LA"
    assert visit["date"]["start"] == "2019-05-04"
    assert visit["date"]["end"] == "2019-05-07"


def test_working_at_the_agency_is_one_session_the_two_delegations_talks_retell() -> None:
    (talks,) = meetings(OUTGOING)
    assert (talks["host"], talks["guests"]) == ("LA", ["VN"])
    assert talks["date"]["start"] == "2019-05-04"  # its trip's days
    roles = {p["name"]: p["role"] for p in talks["participants"]}
    assert roles == {"Bun Thong": "host", "Lê Văn Tâm": "guest"}


def test_the_two_delegations_holding_talks_is_a_session_of_the_trip() -> None:
    text = (
        "Đoàn đại biểu Viện KSND tỉnh Quảng Trị do đồng chí Lê Văn Tâm, Viện trưởng dẫn đầu đã "
        "sang thăm tỉnh Chăm Pa Sắc (Lào) từ ngày 4 đến ngày 7/5/2019.\n\nTại tỉnh Chăm Pa Sắc, "
        "hai Đoàn đại biểu đã tiến hành hội đàm, trao đổi kinh nghiệm công tác kiểm sát.\n"
    )
    (talks,) = meetings(text)
    assert (talks["host"], talks["guests"]) == ("LA", ["VN"])
    assert talks["date"]["start"] == "2019-05-04"
    assert "lead-inferred" not in flags_of(talks)


def test_talks_of_the_two_sides_after_the_meeting_told_are_no_second_meeting() -> None:
    text = (
        "Từ ngày 4 đến ngày 7/5/2019, Đoàn đại biểu Công an tỉnh Quảng Trị do Đại tá Lê Văn Tâm, "
        "Giám đốc Công an tỉnh Quảng Trị làm Trưởng đoàn đã sang thăm và làm việc tại Công an "
        "tỉnh Chăm Pa Sắc (Lào).\n\nNgày 5/5, Đại tá Lê Văn Tâm đã hội đàm với Thiếu tướng Bun "
        "Thong, Giám đốc Công an tỉnh Chăm Pa Sắc.\n\nHai bên đã tiến hành hội đàm trong không "
        "khí thân tình. Tại buổi hội đàm, hai bên đã thống nhất tăng cường trao đổi thông tin.\n"
    )
    assert len(meetings(text)) == 1


def test_the_two_sides_talks_with_no_trip_told_draft_nothing_of_their_own() -> None:
    text = "Tại buổi làm việc, hai bên đã tiến hành hội đàm về công tác phối hợp.\n"
    assert records(text) == []


def test_a_neighbours_delegation_working_at_our_provincial_police_crossed_to_us() -> None:
    text = (
        "Từ ngày 4 đến ngày 7/5/2019, Đoàn đại biểu Công an tỉnh Chăm Pa Sắc (Lào) do Thiếu "
        "tướng Bun Thong, Giám đốc Công an tỉnh Chăm Pa Sắc làm Trưởng đoàn đã sang thăm và làm "
        "việc tại Công an tỉnh Quảng Trị.\n\nTại thành phố Đông Hà, hai đoàn đã tiến hành hội đàm "
        "về công tác phối hợp bảo đảm an ninh biên giới.\n"
    )
    (visit,) = of_kind(text, "visit")
    assert (visit["host"], visit["guests"]) == ("VN", ["LA"])
    (talks,) = meetings(text)
    assert (talks["host"], talks["guests"]) == ("VN", ["LA"])
    assert "lead-inferred" not in {f["code"] for f in talks["x-review"]["flags"]}


def test_a_lead_giving_only_a_year_does_not_date_the_trips_talks() -> None:
    text = "Năm 2019 là năm có nhiều hoạt động kỷ niệm giữa hai nước Việt Nam và Lào. " + OUTGOING
    (talks,) = meetings(text)
    assert (talks["date"]["start"], talks["date"]["end"]) == ("2019-05-04", "2019-05-07")


# --- a joint border commission ------------------------------------------------------------------


def test_a_meeting_of_the_two_chairs_of_a_joint_border_commission_is_a_dialogue() -> None:
    text = (
        "Ngày 2/8, Cuộc họp hai đồng Chủ tịch Ủy ban liên hợp biên giới Lào - Việt Nam khai mạc "
        "ở thủ đô Viêng Chăn (Lào).\nPhía Việt Nam do ông Lê Hoài Nam, Thứ trưởng Bộ Ngoại giao "
        "làm Trưởng đoàn; phía Lào do ông Khăm Phăn, Thứ trưởng Bộ Ngoại giao Lào làm Trưởng "
        "đoàn.\n"
    )
    (session,) = records(text)
    assert session["kind"] == "dialogue"
    assert (session["host"], session["guests"]) == ("LA", ["VN"])
    roles = {p["name"]: p["role"] for p in session["participants"]}
    assert roles == {"Lê Hoài Nam": "co_chair", "Khăm Phăn": "co_chair"}


def test_a_joint_commission_of_one_country_is_no_session() -> None:
    text = "Ngày 3/8, đã diễn ra Cuộc họp Ủy ban liên hợp của tỉnh Quảng Trị về quy hoạch.\n"
    assert records(text) == []


# --- receptions -------------------------------------------------------------------------------

BEFORE = "Công tác đối ngoại của lực lượng công an tiếp tục được đẩy mạnh trong năm qua. "


def test_a_chinese_provinces_public_security_department_is_met() -> None:
    text = BEFORE + (
        "Ngày 20/6, Đại tá Vũ Văn Long, Giám đốc Công an tỉnh Cao Bằng đã tiếp xã giao Đoàn công "
        "tác Sở Công an Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc) do ông Hoàng Lực làm "
        "Trưởng đoàn.\n"
    )
    (reception,) = meetings(text)
    assert (reception["host"], reception["guests"]) == ("VN", ["CN"])
    assert "lead-inferred" not in {f["code"] for f in reception["x-review"]["flags"]}
    found = keys("Sở Công an Khu tự trị dân tộc Choang Quảng Tây và Sở Công an tỉnh Vân Nam")
    assert found == {"Guangxi Regional Police": "CN", "Yunnan Provincial Police": "CN"}


def test_receiving_a_delegation_with_đón_tiếp_is_a_meeting_its_subject_hosts() -> None:
    text = BEFORE + (
        "Chiều 12/3, tại Hà Nội, Thượng tướng Lê Văn Khải, Thứ trưởng Bộ Công an đã đón tiếp Đoàn "
        "đại biểu Bộ An ninh Lào do Trung tướng Khăm Pheng dẫn đầu.\n"
    )
    (reception,) = meetings(text)
    assert (reception["host"], reception["guests"]) == ("VN", ["LA"])
    assert {p["name"]: p["role"] for p in reception["participants"]}["Lê Văn Khải"] == "host"
    assert "lead-inferred" not in {f["code"] for f in reception["x-review"]["flags"]}


def test_a_welcome_at_the_airport_or_one_thanked_for_is_no_meeting() -> None:
    airport = BEFORE + (
        "Chiều 12/3, tại sân bay quốc tế Nội Bài, Thiếu tướng Lê Văn Khải đã đón tiếp Đoàn đại "
        "biểu Bộ An ninh Lào. Trung tướng Khăm Pheng cảm ơn sự đón tiếp trọng thị của Bộ Công an."
        "\n"
    )
    assert [r for r in meetings(airport) if "lead-inferred" not in flags_of(r)] == []


def flags_of(record: dict) -> set[str]:
    return {f["code"] for f in record["x-review"]["flags"]}


# --- meetings told otherwise, and our own envoys ----------------------------------------------


def test_a_bilateral_meeting_on_a_conferences_sidelines_is_a_meeting() -> None:
    text = BEFORE + (
        "Bên lề Hội nghị, Thứ trưởng Trần Văn Quý đã có cuộc gặp song phương với Bộ trưởng Bộ "
        "Nội vụ Malaysia Ahmad Razali.\n"
    )
    (meeting,) = meetings(text)
    assert {"VN", "MY"} <= set(meeting.get("guests") or []) | {meeting.get("host")}
    assert "Ahmad Razali" in {p["name"] for p in meeting["participants"]}
    assert "lead-inferred" not in flags_of(meeting)


def test_an_online_exchange_with_a_foreign_agency_is_a_meeting() -> None:
    text = BEFORE + (
        "Ngày 21/11, Cục Cảnh sát hình sự đã trao đổi trực tuyến với Văn phòng Interpol Nhật Bản "
        "về một vụ án lừa đảo.\n"
    )
    (meeting,) = meetings(text)
    assert "JP" in (meeting.get("guests") or []) + [meeting.get("host")]


def test_meeting_our_heads_of_missions_abroad_at_home_is_no_engagement() -> None:
    text = BEFORE + (
        "Ngày 10/5, Bộ trưởng Bộ Công an Trần Văn Quý đã gặp mặt các Đại sứ, Trưởng Cơ quan đại "
        "diện Việt Nam ở nước ngoài nhiệm kỳ 2025-2028.\n"
    )
    assert records(text) == []


# --- the sides of border units' sessions ------------------------------------------------------


def test_a_company_greeted_is_of_the_country_its_owner_after_thuộc_names() -> None:
    text = BEFORE + (
        "Một đoàn của Đồn Biên phòng Cầu Treo và huyện Hương Sơn do Thiếu tá Lê Văn Phúc dẫn đầu "
        "đã tới tặng quà, chúc mừng năm mới Đại đội Biên phòng 305 thuộc Bộ CHQS tỉnh Bô Ly Khăm "
        "Xay (Lào).\n"
    )
    (greeting,) = meetings(text)
    assert (greeting["host"], greeting["guests"]) == ("LA", ["VN"])
    (head,) = greeting["participants"]
    assert (head["name"], head["country"]) == ("Lê Văn Phúc", "VN")


def test_a_customs_conference_between_agencies_of_two_countries_is_their_session() -> None:
    text = (
        "Sáng 23/12/2025, Chi cục Hải quan khu vực XVII chủ trì Hội nghị hợp tác về nghiệp vụ hải "
        "quan giữa Chi cục Hải quan khu vực XVII và Cục Hải quan và Thuế gián thu tỉnh Svay Rieng "
        "(Vương quốc Campuchia) tại tỉnh Tây Ninh.\nÔng Trần Văn Hòa, Chi cục trưởng, và ông Chea Sokha, Cục trưởng "
        "Cục Hải quan và Thuế gián thu tỉnh Svay Rieng, đồng chủ trì hội nghị.\n"
    )
    (session,) = records(text)
    assert session["kind"] == "dialogue"
    assert (session["host"], session["guests"]) == ("VN", ["KH"])
    assert session["date"]["start"] == "2025-12-23"
    found = keys("Chi cục Hải quan khu vực XVII và Cục Hải quan và Thuế gián thu tỉnh Svay Rieng")
    assert found == {"Vietnam Customs Region XVII": "VN", "Svay Rieng Provincial Customs": "KH"}


def test_talks_in_a_neighbours_province_spelt_without_its_tone_are_hosted_there() -> None:
    text = (
        "Họp bàn về biên giới chung\nNgày 26-11 ở trung tâm tỉnh Phông Sa Ly (Lào), BĐBP tỉnh "
        "Điện Biên và Bộ CHQS tỉnh Phông Sa Ly đã hội đàm để đánh giá kết quả tuần tra chung, chia "
        "sẻ tin tức về người vượt biên trái phép và buôn bán ma túy trong năm 2024.\n"
    )
    (talks,) = meetings(text)
    assert (talks["host"], talks["guests"]) == ("LA", ["VN"])
    # the day leading the line under the headline, not the year the talks review
    assert talks["date"]["start"] == "2024-11-26"


# --- missions ---------------------------------------------------------------------------------


def test_a_delegation_received_by_our_ambassador_abroad_visits_the_embassy() -> None:
    text = BEFORE + (
        "Sáng 3/9, Đại sứ Việt Nam tại Campuchia Trần Quốc Bảo đã tiếp Đoàn công tác Công an tỉnh "
        "An Giang do Đại tá Lê Minh Châu dẫn đầu.\n"
    )
    (visit,) = records(text)
    assert visit["kind"] == "embassy_visit"
    assert visit["place"]["country"] == "KH"
    assert visit["guests"] == ["VN"]


def test_a_foreign_missions_officer_received_is_a_meeting_with_that_country() -> None:
    text = BEFORE + (
        "Sáng 15/5, Cục trưởng Cục Đối ngoại Bộ Công an Trần Văn Quý đã tiếp Tùy viên Cảnh sát Đại "
        "sứ quán Pháp tại Việt Nam.\n"
    )
    (meeting,) = records(text)
    assert meeting["kind"] == "meeting"
    assert (meeting["host"], meeting["guests"]) == ("VN", ["FR"])


def test_one_of_ours_working_with_another_of_ours_is_no_engagement() -> None:
    text = (
        "Chiều 5/6, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Quý đã tiếp Đại sứ Lào tại Việt "
        "Nam Khăm Phăn. Thứ trưởng cho biết, vừa qua Thứ trưởng đã làm việc với Công an tỉnh Lạng "
        "Sơn về công tác bảo đảm an ninh biên giới.\n"
    )
    (meeting,) = records(text)
    assert meeting["guests"] == ["LA"]


def test_a_neighbours_delegation_working_with_our_province_on_its_trip_still_meets_it() -> None:
    text = (
        "Từ ngày 4 đến ngày 7/5/2019, Đoàn đại biểu Công an tỉnh Hủa Phăn (Lào) do Thiếu tướng "
        "Bun Thong dẫn đầu đã sang thăm Việt Nam.\n\nNgày 5/5, đoàn đã làm việc với Công an tỉnh "
        "Thanh Hóa.\n"
    )
    assert any(m.get("host") == "VN" and m["guests"] == ["LA"] for m in meetings(text))


def test_a_visiting_delegation_working_at_one_of_our_agencies_meets_it() -> None:
    text = (
        "Đoàn đại biểu cấp cao Bộ Nội vụ Vương quốc Campuchia do Bộ trưởng Chea Vanna dẫn đầu thăm "
        "chính thức Việt Nam từ ngày 8 - 10/4/2025.\n\nNgày 9/4, đoàn đã thăm và làm việc tại Công "
        "an thành phố Hồ Chí Minh.\n"
    )
    (session,) = meetings(text)
    assert (session["host"], session["guests"]) == ("VN", ["KH"])
    assert session["date"]["start"] == "2025-04-09"


def test_working_at_a_place_is_no_meeting() -> None:
    text = BEFORE + "Ngày 9/4, đoàn công tác của tỉnh đã thăm và làm việc tại Hà Nội.\n"
    assert meetings(text) == []


# --- more verbs of the genre -------------------------------------------------------------------


def test_talks_told_as_held_with_a_capital_between_two_delegations_are_a_meeting() -> None:
    text = BEFORE + (
        "Sáng 19/8, tại Viêng Chăn đã diễn ra Hội đàm giữa Đoàn đại biểu Bộ Công an Việt Nam do "
        "Thứ trưởng Trần Văn Quý dẫn đầu và Đoàn đại biểu Bộ Công an Lào do Thứ trưởng Khăm Pheng "
        "dẫn đầu.\n"
    )
    (talks,) = meetings(text)
    assert talks["host"] == "LA"
    assert "lead-inferred" not in flags_of(talks)


def test_two_border_units_periodic_liaison_meeting_is_a_meeting() -> None:
    text = BEFORE + (
        "Ngày 2/7, Đồn Biên phòng Na Mèo tổ chức giao ban định kỳ với Đại đội Biên phòng 585 "
        "(tỉnh Hủa Phăn, Lào).\n"
    )
    (meeting,) = meetings(text)
    assert "LA" in (meeting.get("guests") or []) + [meeting.get("host")]
    assert "lead-inferred" not in flags_of(meeting)


def test_meeting_and_exchanging_with_a_lao_provincial_security_service() -> None:
    text = BEFORE + (
        "Ngày 12/1, đoàn công tác Công an tỉnh Quảng Trị đã gặp mặt, trao đổi với Ty An ninh tỉnh "
        "Savannakhet (Lào) tại cửa khẩu Lao Bảo.\n"
    )
    (meeting,) = meetings(text)
    assert set(meeting["guests"]) | {meeting.get("host")} >= {"VN", "LA"}
    assert "lead-inferred" not in flags_of(meeting)
    assert keys("bảo đảm an ninh tỉnh Quảng Trị") == {}
