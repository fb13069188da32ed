"""Sixteenth round (x-vi7): Vietnamese police, defence and border-guard press. A Chinese minister
named the Vietnamese way but holding a post only China has; talks whose two sides are the
subject joined by `cùng`, dated by the welcome they follow; a session told by an opening
"Trao đổi với X, …"; a multilateral forum's short name in brackets; a conference's counted
sessions. The pages are written for these tests in the genre's shapes."""

from __future__ import annotations

from tests.extract.drafts import meetings, names, people, records

# --- a post only China's State Council has -------------------------------------------------------


def test_a_state_councillor_named_the_vietnamese_way_is_china_s() -> None:
    text = (
        "Chiều 13/10, Thượng tướng Vương Kiến Hoa, Ủy viên Quân ủy Trung ương, Ủy viên Quốc vụ "
        "viện, Bộ trưởng Bộ Quốc phòng và các thành viên đoàn quân sự nước Cộng hòa Nhân dân "
        "Trung Hoa đã kết thúc chuyến thăm chính thức Việt Nam.\n"
        "Thượng tướng Vương Kiến Hoa đã hội đàm với Đoàn đại biểu Quân sự cấp cao Quân đội Nhân "
        "dân Việt Nam do Đại tướng Trần Minh Đức, Bộ trưởng Bộ Quốc phòng làm trưởng đoàn.\n"
    )
    (meeting,) = meetings(text)
    assert "CN" in [meeting.get("host"), *(meeting.get("guests") or [])]
    assert people(meeting)["Vương Kiến Hoa"]["country"] == "CN"
    assert people(meeting)["Trần Minh Đức"]["country"] == "VN"


def test_a_vietnamese_minister_with_no_such_post_stays_vietnam_s() -> None:
    text = (
        "Sáng 2/4, Đại tướng Trần Minh Đức, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an đã tiếp "
        "Thượng tướng Vương Kiến Hoa, Ủy viên Quốc vụ viện, Bộ trưởng Bộ Công an Trung Quốc.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Trần Minh Đức"]["country"] == "VN"
    assert people(meeting)["Vương Kiến Hoa"]["country"] == "CN"


# --- the two sides joined by "cùng", the talks right after the welcome ----------------------------


def test_talks_whose_two_sides_are_joined_by_cung_are_a_meeting() -> None:
    text = (
        "Sáng 14/5, tại trụ sở Bộ Công an, Bộ Công an đã tổ chức lễ đón chính thức đoàn Bộ Nội "
        "vụ Hungary do ông Sándor Pintér, Bộ trưởng làm Trưởng đoàn đang có chuyến thăm, làm "
        "việc tại Việt Nam.\n"
        "Ngay sau lễ đón, Bộ trưởng Trần Minh Đức cùng Bộ trưởng Sándor Pintér đã tiến hành "
        "hội đàm.\n"
        "Chào mừng Bộ trưởng Sándor Pintér và Đoàn đại biểu Bộ Nội vụ Hungary sang thăm, làm việc "
        "tại Việt Nam, Bộ trưởng Trần Minh Đức khẳng định hợp tác giữa hai bộ ngày càng hiệu quả.\n"
    )
    (meeting,) = meetings(text)
    assert {"Trần Minh Đức", "Sándor Pintér"} <= names(meeting)
    assert meeting["date"]["start"].endswith("-05-14")


def test_two_of_our_officials_joined_by_cung_hold_no_talks() -> None:
    text = (
        "Sáng 14/5, Thứ trưởng Nguyễn Hữu Tài cùng Thứ trưởng Lê Văn Khoa đã họp với các đơn "
        "vị chức năng.\n"
    )
    assert meetings(text) == []


def test_the_day_after_the_welcome_is_not_the_same_day() -> None:
    text = (
        "Chiều 3/9, Bộ Công an tổ chức Lễ đón chính thức Đoàn đại biểu Cảnh sát Quốc gia Chile "
        "do Tướng Ricardo Soto làm Trưởng đoàn.\n"
        "Ngày 5/9, Thứ trưởng Nguyễn Hữu Tài đã hội đàm với Tướng Ricardo Soto.\n"
    )
    dated = [m["date"]["start"] for m in meetings(text)]
    assert any(d.endswith("-09-05") for d in dated)


# --- a session told by its opening phrase -------------------------------------------------------


def test_an_opening_on_exchanging_views_with_a_foreign_envoy_is_a_meeting() -> None:
    text = (
        "Trao đổi với Đại sứ Hàn Quốc tại Việt Nam Park Jin Ho, Thượng tướng Lê Quang Vinh, Thứ "
        "trưởng Bộ Quốc phòng đề nghị hai bên tăng cường hợp tác đào tạo.\n"
    )
    (meeting,) = meetings(text)
    assert {"Park Jin Ho", "Lê Quang Vinh"} <= names(meeting)


def test_an_opening_on_a_talk_with_a_reporter_is_no_meeting() -> None:
    text = (
        "Trao đổi với phóng viên, Thiếu tướng Lê Quang Vinh, Phó Giám đốc Công an tỉnh cho biết "
        "lực lượng chức năng đã triệt phá đường dây ma túy.\n"
    )
    assert meetings(text) == []


# --- a multilateral forum's short name in brackets -----------------------------------------------


def test_the_short_name_in_brackets_of_a_multilateral_forum_is_no_bilateral_dialogue() -> None:
    text = (
        "Từ ngày 31/5 đến 2/6, đoàn đại biểu Bộ Quốc phòng Việt Nam do Thượng tướng Lê Quang "
        "Vinh làm trưởng đoàn tham dự Đối thoại Shangri-La lần thứ 21 (Đối thoại SLD-21) tại "
        "Singapore.\n"
    )
    assert [r for r in records(text) if r["kind"] == "dialogue"] == []


# --- a conference's sessions counted --------------------------------------------------------------


def test_the_counted_sessions_of_a_workshop_are_no_meeting() -> None:
    text = (
        "Học viện An ninh nhân dân chia sẻ kinh nghiệm đào tạo tại Thái Lan\n\n"
        "Hội thảo kéo dài 03 ngày với 04 phiên họp về phòng chống tội phạm công nghệ cao, có đại "
        "biểu của Việt Nam và Thái Lan.\n"
    )
    assert meetings(text) == []


# --- a short city name after its own word --------------------------------------------------------


def test_a_short_city_name_after_thanh_pho_places_the_talks() -> None:
    text = (
        "Chiều 4/11, tại thành phố Huế, Bộ đội Biên phòng thành phố đã tổ chức hội đàm với Bộ "
        "Chỉ huy Quân sự tỉnh Salavan, Lào.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["city"] == "Hue"


# --- a rank of Cambodia's generals --------------------------------------


def test_the_head_of_the_second_delegation_received_is_a_thong_tuong() -> None:
    text = (
        "Sáng 12-5, tại Hà Nội, Trung tướng Nguyễn Văn Bình đã tiếp đoàn đại biểu Bộ Quốc phòng "
        "Lào do Thiếu tướng Khamla Sengdao làm trưởng đoàn và đoàn đại biểu Bộ Quốc phòng "
        "Campuchia do Thống tướng Chea Dara làm trưởng đoàn.\n"
    )
    by_guest = {tuple(m.get("guests") or []): m for m in meetings(text)}
    assert "Chea Dara" in names(by_guest[("KH",)])


# --- a photo of the traveller with a host official -----------------------------------------------


def test_a_caption_of_the_traveller_and_a_host_official_is_a_session_of_the_trip() -> None:
    text = (
        "Tăng cường hợp tác giữa cảnh sát Việt Nam và Nhật Bản\n\n"
        "Nhận lời mời của Cơ quan Cảnh sát quốc gia Nhật Bản, Thượng tướng Nguyễn Hữu Tài, Thứ "
        "trưởng Bộ Công an đã dẫn đầu Đoàn đại biểu Bộ Công an Việt Nam tham dự Hội nghị Thượng "
        "đỉnh Cảnh sát toàn cầu 2026 và làm việc tại Nhật Bản từ ngày 3 - 7/11/2026.\n\n"
        "Hội nghị thượng đỉnh quy tụ 30 đoàn đại biểu cơ quan cảnh sát các nước.\n\n"
        "Thứ trưởng Nguyễn Hữu Tài và Quyền Tổng Giám đốc Cơ quan Cảnh sát quốc gia Nhật Bản "
        "Kenji "
        "Tanaka.\n\n"
        "Hai bên nhất trí tăng cường trao đổi thông tin.\n"
    )
    (meeting,) = meetings(text)
    assert {"Nguyễn Hữu Tài", "Kenji Tanaka"} <= names(meeting)
    assert meeting["host"] == "JP"


def test_a_caption_of_two_of_our_officials_is_no_session() -> None:
    text = (
        "Nhận lời mời của Cơ quan Cảnh sát quốc gia Nhật Bản, Thượng tướng Nguyễn Hữu Tài, Thứ "
        "trưởng Bộ Công an đã dẫn đầu Đoàn đại biểu Bộ Công an Việt Nam tham dự Hội nghị Thượng "
        "đỉnh Cảnh sát toàn cầu 2026 và làm việc tại Nhật Bản từ ngày 3 - 7/11/2026.\n\n"
        "Hội nghị thượng đỉnh quy tụ 30 đoàn đại biểu cơ quan cảnh sát các nước.\n\n"
        "Thứ trưởng Nguyễn Hữu Tài và Thiếu tướng Lê Văn Khoa, Cục trưởng Cục Đối ngoại.\n\n"
        "Hai bên nhất trí tăng cường trao đổi thông tin.\n"
    )
    assert meetings(text) == []


# --- a session on the premises of the other side's embassy ----------------------------------------


def test_talks_at_the_foreign_side_s_embassy_are_hosted_by_that_side() -> None:
    text = (
        "Chiều 3/12, Thượng tướng Nguyễn Hữu Tài, Thứ trưởng Bộ Công an đã đến Đại sứ quán Nhật "
        "Bản tại Hà Nội, hội đàm với Đại sứ Nhật Bản Ito Naoki.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "JP"
    assert meeting["place"]["country"] == "VN"
    assert people(meeting)["Ito Naoki"]["role"] == "host"
    assert people(meeting)["Nguyễn Hữu Tài"]["role"] == "guest"


def test_the_embassy_named_in_a_caption_of_the_same_official_places_the_session() -> None:
    text = (
        "Trao đổi với Đại sứ Hàn Quốc tại Việt Nam Park Jin Ho, Thượng tướng Lê Quang Vinh, Thứ "
        "trưởng Bộ Quốc phòng bày tỏ sự chia buồn sâu sắc.\n\n"
        "Thượng tướng Lê Quang Vinh ghi sổ tang tại Đại sứ quán Hàn Quốc tại Việt Nam.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "KR"


def test_an_ambassador_received_at_our_ministry_is_our_guest() -> None:
    text = (
        "Chiều 3/12, tại trụ sở Bộ Công an, Thượng tướng Nguyễn Hữu Tài, Thứ trưởng Bộ Công an "
        "đã tiếp Đại sứ Nhật Bản Ito Naoki, người vừa rời Đại sứ quán Nhật Bản nhận nhiệm vụ.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "VN"


def test_talks_right_after_the_welcome_are_where_the_welcome_was() -> None:
    text = (
        "Sáng 14/5, tại Đà Nẵng, Bộ Công an đã tổ chức lễ đón chính thức đoàn Bộ Nội vụ Hungary "
        "do ông Sándor Pintér, Bộ trưởng làm Trưởng đoàn đang có chuyến thăm, làm việc tại Việt "
        "Nam.\n"
        "Ngay sau lễ đón, Bộ trưởng Trần Minh Đức cùng Bộ trưởng Sándor Pintér đã tiến hành "
        "hội đàm.\n"
        "Chào mừng Bộ trưởng Sándor Pintér và Đoàn đại biểu Bộ Nội vụ Hungary sang thăm, làm việc "
        "tại Việt Nam, Bộ trưởng Trần Minh Đức khẳng định hợp tác giữa hai bộ ngày càng hiệu quả.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["city"] == "Da Nang"


# --- a ship's prefix --------------------------------------------------------------------------------


def test_an_indonesian_ship_s_prefix_does_not_end_the_sentence() -> None:
    text = (
        "Ngày 14/9, tàu Cảnh sát biển Indonesia KN. Tanjung Datu cập cảng Tiên Sa, TP. Đà Nẵng, "
        "bắt đầu chuyến thăm hữu nghị Việt Nam.\n"
    )
    (visit,) = [r for r in records(text) if r["kind"] == "visit"]
    assert visit["date"]["start"].endswith("-09-14")


# --- the host's welcome tells the visit again ------------------------------------------------------


def test_the_host_s_welcome_of_the_visit_is_the_visit_reported() -> None:
    text = (
        "Sáng 14/5, tại Đà Nẵng, Bộ Công an đã tổ chức lễ đón chính thức đoàn Bộ Nội vụ Hungary "
        "do ông Sándor Pintér, Bộ trưởng làm Trưởng đoàn đang có chuyến thăm, làm việc tại Việt "
        "Nam.\n"
        "Ngay sau lễ đón, Bộ trưởng Trần Minh Đức cùng Bộ trưởng Sándor Pintér đã tiến hành "
        "hội đàm.\n"
        "Chào mừng Bộ trưởng Sándor Pintér và Đoàn đại biểu Bộ Nội vụ Hungary sang thăm, làm việc "
        "tại Việt Nam, Bộ trưởng Trần Minh Đức khẳng định hợp tác giữa hai bộ ngày càng hiệu quả.\n"
    )
    found = records(text)
    (visit,) = [r for r in found if r["kind"] == "visit"]
    (meeting,) = [r for r in found if r["kind"] == "meeting"]
    assert meeting.get("part_of") == visit["slug"]
