"""Vietnamese recall, thirteenth round: engagements that Vietnamese outlets tell in shapes no
earlier round saw. Two agencies holding talks after an opening phrase that names a gathering, a
delegation's call (`đến thăm`) on one of our agencies, a delegation received by the bare word
`đoàn`, and a list of agencies whose first one names its own country. The pages are written for
these tests in the genre's shapes; the names are made up."""

from __future__ import annotations

from .drafts import flags, meetings, names, of_kind

# --- talks of two agencies on the margins of a gathering --------------------------------------


def test_two_agencies_holding_talks_after_an_opening_on_a_gathering_are_a_bilateral_meeting() -> (
    None
):
    page = (
        "Hợp tác phòng chống tội phạm\n"
        "Bên lề Hội nghị ASEANAPOL lần thứ 42, Bộ Công an Việt Nam và Bộ Nội vụ Campuchia đã "
        "hội đàm và thống nhất tăng cường trao đổi thông tin về tội phạm ma túy.\n"
    )
    found = meetings(page)
    assert len(found) == 1
    assert "context-mention" not in flags(found[0])
    assert set(found[0]["guests"]) - {"VN"} == {"KH"}


def test_the_time_of_attending_a_gathering_is_the_setting_not_a_side() -> None:
    page = (
        "Hợp tác an ninh\n"
        "Trong thời gian tham dự Đại hội đồng Interpol lần thứ 91, Bộ Công an Việt Nam và Bộ Nội "
        "vụ Lào đã hội đàm về phòng, chống mua bán người.\n"
    )
    found = meetings(page)
    assert len(found) == 1
    assert "INT" not in (found[0]["guests"] or [])
    assert "context-mention" not in flags(found[0])


def test_an_agency_naming_its_own_country_keeps_it_in_a_list_closed_by_another() -> None:
    page = (
        "Hợp tác an ninh\n"
        "Ngày 4/9, Bộ Công an Việt Nam và Bộ Nội vụ Campuchia đã hội đàm tại Phnom Penh.\n"
    )
    (found,) = meetings(page)
    foreign = [o for o in found["organisations"] if o["country"] == "KH"]
    assert foreign and all("Công an" not in (o.get("name_local") or o["name"]) for o in foreign)


# --- a delegation's call on one of our agencies -----------------------------------------------


def test_a_delegation_calling_on_one_of_our_agencies_crossed_to_us() -> None:
    page = (
        "Tòa án hai tỉnh biên giới tăng cường hợp tác\n"
        "Trong 2 ngày 7 và 8/5/2014, Đoàn cán bộ Tòa án tỉnh Kampot do ông Sok Vanna, Chánh án "
        "Tòa án tỉnh Kampot dẫn đầu đã đến thăm chính thức và trao đổi nghiệp vụ với Tòa "
        "án nhân dân tỉnh Kiên Giang.\n"
    )
    (trip,) = of_kind(page, "visit")
    assert trip["host"] == "VN"
    assert trip["guests"] == ["KH"]


def test_our_own_delegation_calling_on_one_of_ours_is_no_trip() -> None:
    page = (
        "Trao đổi kinh nghiệm\n"
        "Ngày 3/4, Đoàn công tác Công an tỉnh Hà Tĩnh đã đến thăm và trao đổi kinh nghiệm với "
        "Công an tỉnh Nghệ An.\n"
    )
    assert of_kind(page, "visit") == []


# --- the delegation received, named by the bare word ------------------------------------------


TRIP = (
    "Tòa án hai tỉnh biên giới tăng cường hợp tác\n"
    "Trong 2 ngày 7 và 8/5/2014, Đoàn cán bộ Tòa án tỉnh Kampot do ông Sok Vanna, Chánh án Tòa "
    "án tỉnh Kampot dẫn đầu đã đến thăm chính thức và trao đổi nghiệp vụ với Tòa án nhân "
    "dân tỉnh Kiên Giang."
)


def test_the_delegation_received_by_the_bare_word_is_the_visitors_met() -> None:
    page = (
        f"{TRIP} Ông Lê Văn Tài - Chánh án Tòa án nhân dân tỉnh Kiên Giang tiếp và làm việc "
        "với Đoàn.\n\nHai bên trao đổi kinh nghiệm xét xử.\n"
    )
    (found,) = meetings(page)
    assert found["host"] == "VN" and found["guests"] == ["KH"]
    assert "Lê Văn Tài" in names(found)
    assert "lead-inferred" not in flags(found)


def test_thanks_for_the_time_given_to_receive_the_delegation_is_that_reception() -> None:
    page = (
        "Hợp tác tư pháp\n"
        "Phó Chủ tịch Quốc hội Trần Văn Khang đánh giá cao chuyến thăm làm việc của đoàn đại "
        "biểu Viện Công tố Vương quốc Thái Lan tại Việt Nam.\n"
        "Phó Viện trưởng Somchai Rattana cảm ơn Phó Chủ tịch Quốc hội đã dành thời gian tiếp "
        "đoàn; khẳng định quan hệ hai nước ngày càng phát triển.\n"
    )
    (found,) = meetings(page)
    assert found["guests"] == ["TH"]
    assert "lead-inferred" not in flags(found)


def test_the_bare_word_with_no_trip_told_is_no_meeting() -> None:
    page = (
        "Công tác đối ngoại\nNgày 5/6, Giám đốc Công an tỉnh Lạng Sơn Nguyễn Văn An đã tiếp đoàn.\n"
    )
    assert meetings(page) == []


def test_visitors_received_again_by_the_bare_word_are_not_a_second_meeting() -> None:
    page = (
        f"{TRIP}\n"
        "Chiều 7/5, Chánh án Tòa án nhân dân tỉnh Kiên Giang Lê Văn Tài đã tiếp ông Sok Vanna, "
        "Chánh án Tòa án tỉnh Kampot.\n"
        "Kết thúc buổi làm việc, ông Lê Văn Tài tặng quà lưu niệm và tiễn đoàn.\n"
        "Ông Lê Văn Tài vui mừng tiếp đoàn tại trụ sở Tòa án tỉnh.\n"
    )
    assert len(meetings(page)) == 1


# --- a spelling of a Cambodian border province ------------------------------------------------


def test_prey_veng_written_with_a_small_second_syllable_is_the_cambodian_province() -> None:
    page = (
        "Hợp tác tư pháp\n"
        "Ngày 6/3/2013, Đoàn cán bộ Tòa án tỉnh Prây veng đã tới thăm và trao đổi kinh nghiệm "
        "với Tòa án nhân dân tỉnh Đồng Tháp.\n"
    )
    (trip,) = of_kind(page, "visit")
    assert trip["guests"] == ["KH"]
