"""Lists of envoys received together and stories that start mid-way (issue 11, fourteenth
round, x-lists): several countries' envoys received in one sentence are one meeting each; a page
cut below its headline that tells a reception only by what was said and given at it still gives
one meeting with each guest's country; a reception told by its noun before its host's clause
is a meeting of the host with the guest. Sentences written for these tests in the genre's
shapes, never a page's words."""

from __future__ import annotations

from tests.extract.drafts import meetings, names

# --- several countries' envoys received in one sentence --------------------------------------


def test_envoys_of_several_countries_received_together_are_one_meeting_each_in_vietnamese():
    text = (
        "Chiều 12/5, Bộ trưởng Bộ Tư pháp Đỗ Minh Khang đã tiếp xã giao Đại sứ các nước "
        "Canada, Nhật Bản, Thái Lan để trao đổi những vấn đề các bên cùng quan tâm.\n"
    )
    found = meetings(text)
    assert sorted(g for m in found for g in m["guests"]) == ["CA", "JP", "TH"]
    assert all(len(m["guests"]) == 1 for m in found)


def test_heads_of_delegations_of_several_countries_received_are_one_meeting_each():
    text = (
        "Sáng 3/4, Thứ trưởng Bộ Công an Việt Nam Trần Văn Hòa đã tiếp Trưởng đoàn các nước "
        "Canada và Nhật Bản.\n"
    )
    assert sorted(g for m in meetings(text) for g in m["guests"]) == ["CA", "JP"]


def test_a_city_state_in_the_list_of_countries_is_a_guest_not_the_place():
    # "Singapore" is a city and a country: in the list it is whose envoy was received
    text = (
        "Chiều 12/5, Bộ trưởng Bộ Tư pháp Đỗ Minh Khang đã tiếp xã giao Đại sứ các nước "
        "Canada, Hàn Quốc, Singapore nhân dịp các Đại sứ bắt đầu nhiệm kỳ công tác.\n"
    )
    found = meetings(text)
    assert sorted(g for m in found for g in m["guests"]) == ["CA", "KR", "SG"]
    assert {m["place"].get("city") for m in found} == {None}


def test_ambassadors_of_several_countries_received_in_english_are_one_meeting_each():
    text = (
        "On May 12, Justice Minister Do Minh Khang received the ambassadors of Canada, Japan "
        "and Thailand.\n"
    )
    assert sorted(g for m in meetings(text) for g in m["guests"]) == ["CA", "JP", "TH"]


# --- a story that starts mid-way -----------------------------------------------------------


def test_a_reception_told_mid_way_with_guests_of_two_countries_gives_a_meeting_with_each():
    text = (
        "Tại buổi tiếp, đồng chí Đỗ Văn Khải, Chánh án TAND tối cao Việt Nam đánh giá cao quan "
        "hệ hợp tác giữa Tòa án Việt Nam với Tòa án Lào và Tòa án Vương quốc Campuchia.\n\n"
        "Tại buổi tiếp, đồng chí Đỗ Văn Khải đã trao Kỷ niệm chương cho ông Xổm Xạ Vẳn, Chánh "
        "án TAND tối cao Lào và ông Prak Sovann, Phó Chánh án Tòa án tối cao Vương quốc "
        "Campuchia.\n"
    )
    found = {m["guests"][0]: m for m in meetings(text)}
    assert sorted(found) == ["KH", "LA"]
    assert {m["host"] for m in found.values()} == {"VN"}  # the home side received them
    assert "Xổm Xạ Vẳn" in names(found["LA"])
    assert "Prak Sovann" in names(found["KH"])


def test_a_reception_told_mid_way_in_english_with_guests_of_two_countries():
    text = (
        "At the reception, Vietnamese Deputy Minister of Public Security Tran Quoc Binh praised "
        "the cooperation of the courts of Vietnam, Laos and Cambodia.\n\n"
        "At the reception, Binh presented medals to Col. Bounmy Sisavath, head of the Lao "
        "police academy, and Gen. Prak Sovann, deputy chief of the Cambodian police.\n"
    )
    assert sorted(g for m in meetings(text) for g in m["guests"]) == ["KH", "LA"]


def test_a_reception_told_mid_way_with_three_countries_and_no_guest_named_gives_nothing():
    text = (
        "Tại buổi tiếp, đồng chí Đỗ Văn Khải, Chánh án TAND tối cao Việt Nam đánh giá cao quan "
        "hệ hợp tác giữa Tòa án Việt Nam với Tòa án Lào và Tòa án Vương quốc Campuchia.\n"
    )
    assert meetings(text) == []


# --- a reception told by its noun before its host's clause -----------------------------------


def test_a_reception_for_a_guest_of_the_lao_people_s_army_is_a_meeting_with_laos():
    text = (
        "Deputy Minister of National Defence Tran Quoc Binh has suggested Vietnamese and Lao "
        "customs forces step up cooperation.\n"
        "At a reception for Col. Bounmy Sisavath, head of the customs department of the General "
        "Staff of the Lao People’s Army, in Hanoi on May 14, Binh pointed to challenges to "
        "security along the border.\n"
    )
    found = meetings(text)
    assert len(found) == 1
    assert found[0]["guests"] == ["LA"]
    assert names(found[0]) == {"Tran Quoc Binh", "Bounmy Sisavath"}


def test_while_receiving_a_guest_the_host_met_them():
    text = (
        "Vietnamese Deputy Minister of Public Security Nguyen Van Thanh praised the cooperation "
        "with Laos. Thanh made the statement while receiving Lao Deputy Minister of Security "
        "Bounmy Sisavath in Hanoi on May 14.\n"
    )
    found = meetings(text)
    assert len(found) == 1
    assert names(found[0]) == {"Nguyen Van Thanh", "Bounmy Sisavath"}
