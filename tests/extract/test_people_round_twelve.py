"""People and their roles: the shapes of issue 11's twelfth round (texts written for these
tests, in the genre's shapes, never a page's words)."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import flags, meetings, names, people, records

# --- who else was there ---------------------------------------------------------------------


def test_those_a_later_sentence_says_also_attended_join_the_leads_talks():
    text = (
        "Oman's Interior Minister Sayyid Hamoud bin Faisal Al Busaidi held official talks with "
        "his Kenyan counterpart, Kithure Kindiki, in Nairobi, during which they discussed "
        "security cooperation.\n\n"
        "The session was also attended by Sayyid Badr bin Hamad, Oman's Ambassador to Kenya, "
        "Dr. Salim Al-Harthy, Undersecretary of the Ministry of Interior, and several "
        "officials. On the Kenyan side, senior officials of the ministry, and Kenya's "
        "Ambassador to Oman, Peter Mwangi.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Kithure Kindiki"]["role"] == "host"
    assert who["Sayyid Hamoud bin Faisal Al Busaidi"]["role"] == "guest"
    for name in ("Salim Al-Harthy", "Peter Mwangi"):
        assert who[name]["role"] == "attendee"
    assert who["Salim Al-Harthy"]["country"] == "OM"  # listed after Oman's ambassador
    assert who["Peter Mwangi"]["country"] == "KE"


def test_a_title_after_a_name_that_opens_on_its_country_stays_with_that_name():
    text = (
        "Oman's Interior Minister Sayyid Hamoud bin Faisal Al Busaidi held official talks with "
        "his Kenyan counterpart, Kithure Kindiki, in Nairobi.\n\n"
        "The session was also attended by Prince Faisal bin Turki bin Nasser, Omani Ambassador "
        "to Kenya, Dr. Salim Al-Harthy, Undersecretary of the Ministry of Interior.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Faisal bin Turki bin Nasser"]["title"] == "Omani Ambassador to Kenya"
    assert "Ambassador" not in who["Salim Al-Harthy"]["title"]


def test_one_present_at_a_meeting_attends_it_besides_the_two_sides():
    text = (
        "Nairobi — The Minister of Interior, Lt. Gen. Kithure Kindiki, met on Monday with the "
        "Omani Ambassador to Kenya Badr bin Hamad in the presence of the Inspector General of "
        "Police, Gen. Japhet Koome.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Japhet Koome"]["role"] == "attendee"
    assert (who["Kithure Kindiki"]["role"], who["Badr bin Hamad"]["role"]) == ("host", "guest")


def test_a_list_closed_by_were_also_present_attends_and_he_was_received_is_the_visitor():
    text = (
        "Kuwait's Interior Minister Sheikh Fahad bin Yousef Al-Sabah arrived in Muscat on "
        "Monday for an official visit.\n\n"
        "He was received at the airport by Oman's Interior Minister Sayyid Hamoud bin Faisal "
        "Al Busaidi.\n\n"
        "Undersecretary at the Ministry of Interior Khalid bin Hilal Al-Maawali, and the "
        "Ambassador of Kuwait to Oman Saleh Al-Thuwaikh were also present at the reception.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 3, 5))
    who = people(meeting)
    assert who["Fahad bin Yousef Al-Sabah"]["role"] == "guest"
    assert who["Sayyid Hamoud bin Faisal Al Busaidi"]["role"] == "host"
    assert who["Khalid bin Hilal Al-Maawali"]["role"] == "attendee"
    assert who["Saleh Al-Thuwaikh"]["role"] == "attendee"


# --- names ----------------------------------------------------------------------------------


def test_an_airport_named_after_a_king_is_no_mention_of_a_namesake():
    text = (
        "Bahrain's Interior Minister Rashid bin Abdulla Al Khalifa arrived in Jeddah on Sunday "
        "for an official visit.\n\n"
        "He was received at King Fahd International Airport by Saudi Interior Minister Prince "
        "Abdulaziz bin Saud bin Naif.\n\n"
        "Undersecretary Fahd bin Salem Al-Otaibi was also present at the reception.\n"
    )
    found = meetings(text, published=date(2024, 5, 6))
    assert len(found) == 1
    assert people(found[0])["Abdulaziz bin Saud bin Naif"]["role"] == "host"


def test_an_arabic_name_told_again_without_its_last_fathers_is_one_person():
    text = (
        "Prince Faisal bin Khalid bin Saad, Bahrain's Minister of the Interior, met his French "
        "counterpart, Claire Martin, in Paris on Tuesday.\n\n"
        "Prince Faisal bin Khalid praised the talks and invited Martin to Manama.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert set(who) == {"Faisal bin Khalid bin Saad", "Claire Martin"}
    assert who["Faisal bin Khalid bin Saad"]["variants"] == ["Faisal bin Khalid"]


# --- Vietnamese pages -----------------------------------------------------------------------


def test_a_committee_chair_with_its_long_name_before_the_name_is_the_guest():
    text = (
        "Chiều 12/4, tại Hà Nội, Thượng tướng Nguyễn Văn Hải, Thứ trưởng Bộ Công an đã tiếp "
        "Phó Chủ nhiệm Ủy ban Tư pháp và Nhân quyền của Quốc hội Hàn Quốc Park Min Soo.\n\n"
        "Cùng dự có Đại sứ Hàn Quốc tại Việt Nam Lee Jun Ho.\n\n"
        "Tại các cuộc tiếp xúc, Chủ tịch nước Trần Quốc Việt và Tổng thống Kim Dong Won đều "
        "khẳng định hợp tác an ninh là trụ cột của quan hệ hai nước.\n"
    )
    (meeting,) = meetings(text, published=date(2025, 4, 13))
    who = people(meeting)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["KR"])
    assert who["Park Min Soo"]["role"] == "guest" and who["Park Min Soo"]["country"] == "KR"
    assert who["Lee Jun Ho"]["role"] == "attendee"
    assert set(who) == {"Nguyễn Văn Hải", "Park Min Soo", "Lee Jun Ho"}  # not the others' talks


def test_a_chinese_minister_written_the_vietnamese_way_is_chinas_and_received_the_thanks():
    text = (
        "Thượng tướng Trần Văn Bình, Bộ trưởng Bộ Công an với đồng chí Lý Minh Khải, Bộ "
        "trưởng Bộ Công an Trung Quốc. Ảnh: TTXVN\n\n"
        "Bộ trưởng Trần Văn Bình vui mừng được gặp Bộ trưởng Lý Minh Khải, cảm ơn đồng chí đã "
        "dành thời gian tiếp, làm việc với đoàn Bộ Công an Việt Nam.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert (meeting["host"], meeting["guests"]) == ("CN", ["VN"])
    assert who["Lý Minh Khải"]["country"] == "CN" and who["Lý Minh Khải"]["role"] == "host"
    assert who["Trần Văn Bình"]["role"] == "guest"


def test_an_office_then_a_dash_then_ong_and_the_name_is_that_persons_office():
    text = (
        "Sáng 15/3, Bộ trưởng Bộ Công an Trần Văn Bình đã có cuộc gặp với Thứ trưởng Bộ Công an "
        "Trung Quốc – ông Lưu Chí Cường tại Hà Nội.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 3, 16))
    who = people(meeting)
    assert who["Lưu Chí Cường"]["country"] == "CN"
    assert meeting["guests"] == ["CN"]


# --- English pages --------------------------------------------------------------------------


def test_the_leader_a_deputy_minister_is_accompanying_takes_no_part_in_his_meeting():
    text = (
        "Deputy Minister of Public Security Sen. Lieut. Gen. Tran Van Binh had a working "
        "session with Malaysian Inspector-General of Police Ahmad Rizal in Kuala Lumpur on "
        "May 8.\n"
        "Sen. Lieut. Gen. Binh, who is accompanying President Le Van Minh in a state visit to "
        "Malaysia, praised the cooperation of the two police forces.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert set(who) == {"Tran Van Binh", "Ahmad Rizal"}
    assert who["Tran Van Binh"]["rank"] == "Senior Lieutenant General"


def test_a_photo_credit_glued_to_the_dateline_leaves_one_meeting():
    text = (
        "Vietnam, Malaysia boost police ties\n"
        "Deputy Minister Tran Van Binh had talks with Malaysian Inspector-General of Police "
        "Ahmad Rizal in Kuala Lumpur on May 8.\n"
        "Deputy Minister Tran Van Binh (L) and Inspector-General of Police Ahmad Rizal (R) in "
        "Kuala Lumpur on May 8 (Photo: VNA)Kuala Lumpur (VNA) - Deputy Minister Tran Van Binh "
        "had talks with Malaysian Inspector-General of Police Ahmad Rizal in Kuala Lumpur on "
        "May 8.\n"
        "The two sides agreed to share information on transnational crime.\n"
    )
    assert len(meetings(text)) == 1


def test_the_japanese_coast_guard_is_japans_not_the_us_coast_guard():
    text = (
        "TOKYO – Vietnam's public security minister, General Tran Van Binh, on Wednesday met "
        "senior officers of the Japanese Coast Guard during his trip to Japan.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["guests"] == ["VN"] and meeting["host"] == "JP"


def test_the_country_a_leaders_visit_went_to_is_not_part_of_the_leaders_title():
    text = (
        "Ngày 20/12, Thiếu tướng Phạm Văn Dũng, Phó Tư lệnh Cảnh sát biển Việt Nam dẫn đầu "
        "đoàn công tác làm việc với Lực lượng Bảo vệ bờ biển Nhật Bản tại Tokyo.\n\n"
        "Thiếu tướng Phạm Văn Dũng cho biết trong chuyến thăm Nhật Bản của Chủ tịch nước "
        "Nguyễn Minh Tân vừa qua, hai nước đã nâng cấp quan hệ.\n"
    )
    (meeting,) = meetings(text, published=date(2023, 12, 22))
    assert "Nguyễn Minh Tân" not in names(meeting)


def test_a_state_visit_of_late_last_year_is_context_for_a_january_report():
    text = (
        "Sáng ngày 10/1, Bộ trưởng Bộ Công an Trần Văn Bình đã tiếp Thứ trưởng Bộ Công an Trung "
        "Quốc Lưu Chí Cường tại Hà Nội.\n\n"
        "Bộ trưởng Trần Văn Bình nhận định chuyến thăm này là chuyến công du đầu tiên của một "
        "lãnh đạo ngành công an Trung Quốc kể từ chuyến thăm cấp Nhà nước tới Việt Nam của Chủ "
        "tịch Lý Quốc Hoa hồi cuối năm ngoái.\n"
    )
    held = [
        r
        for r in records(text, published=date(2024, 1, 10))
        if r["kind"] == "visit" and "context-mention" not in flags(r)
    ]
    assert held == []


def test_an_ambassador_at_the_end_of_the_attending_line_attends():
    text = (
        "Chiều 10/5, tại Hà Nội, Thượng tướng Lê Văn Khoa, Thứ trưởng Bộ Công an đã tiếp và làm "
        "việc với đoàn đại biểu Bộ Nội vụ Lào do Trung tướng Khamla Sengdala, Thứ trưởng Bộ Nội "
        "vụ Lào làm Trưởng đoàn.\n\n"
        "Tham dự buổi tiếp có lãnh đạo Cục Đối ngoại, Cục An ninh nội địa và ngài Sengphet "
        "Houngboungnuang, Đại sứ Lào tại Việt Nam.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 5, 11))
    who = people(meeting)
    assert who["Sengphet Houngboungnuang"]["role"] == "attendee"
    assert who["Khamla Sengdala"]["role"] == "delegation_head"


def test_a_speaker_with_an_office_after_a_dash_is_of_the_receiving_side():
    text = (
        "Sáng 5/6, tại Hà Nội, Thiếu tướng Nguyễn Văn Sơn, Cục trưởng Cục Đối ngoại (Bộ Công an) "
        "đã tiếp Chuẩn tướng Cảnh sát Krishna Wijaya, Chánh Văn phòng Interpol Indonesia.\n\n"
        "Phát biểu tại buổi tiếp, Đại tá Lê Thị Hoa – Phó Cục trưởng Cục Cảnh sát hình sự cho "
        "biết hai bên đã phối hợp truy bắt nhiều đối tượng.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 6, 6))
    who = people(meeting)
    assert who["Lê Thị Hoa"]["role"] == "host"
    assert who["Krishna Wijaya"]["role"] == "guest"


def test_those_also_attending_a_police_chiefs_talks_attend():
    text = (
        "Thai police chief Pol. Gen. Kittirat Phanphet held talks with visiting Cambodian "
        "National Police Commissioner Gen. Sar Thet in Bangkok on Tuesday.\n"
        "Also attending were Pol. Lt. Gen. Samran Nualma, Commissioner of the Central "
        "Investigation Bureau, and Cambodian Ambassador to Thailand Hem Saem.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 6, 5))
    who = people(meeting)
    assert (who["Samran Nualma"]["role"], who["Hem Saem"]["role"]) == ("attendee", "attendee")
    assert (who["Kittirat Phanphet"]["role"], who["Sar Thet"]["role"]) == ("host", "guest")


def test_an_officer_of_one_agency_met_on_a_list_is_at_that_agencys_meeting_only():
    text = (
        "Trong khuôn khổ chuyến công tác tại Hoa Kỳ, sáng 12/6, đoàn công tác Bộ Công an do "
        "Thượng tướng Nguyễn Văn Long, Thứ trưởng Bộ Công an dẫn đầu đã làm việc với Cục Điều "
        "tra Liên bang Mỹ (FBI) và Cơ quan Phòng chống ma túy Mỹ (DEA).\n\n"
        "Tiếp đoàn có ông Paul Carter, Phó Giám đốc FBI. Ông Paul Carter đánh giá cao hợp tác "
        "giữa hai bên.\n"
    )
    by_agency = {m["slug"]: names(m) for m in meetings(text, published=date(2024, 6, 13))}
    fbi = next(v for k, v in by_agency.items() if "fbi" in k)
    dea = next(v for k, v in by_agency.items() if "dea" in k)
    assert "Paul Carter" in fbi and "Paul Carter" not in dea


def test_met_with_visiting_vietnamese_deputy_minister_is_no_trip_to_vietnam():
    text = (
        "Wang Jian, State Councilor and Minister of Public Security, met with visiting "
        "Vietnamese Deputy Minister of Public Security Le Van Khoa in Beijing on Wednesday. "
        "Wang said China is ready to deepen law enforcement cooperation with Vietnam.\n"
    )
    found = records(text, published=date(2024, 7, 4))
    assert not any(r["kind"] == "visit" and r.get("host") == "VN" for r in found)
    (meeting,) = meetings(text, published=date(2024, 7, 4))
    assert (meeting["host"], meeting["guests"]) == ("CN", ["VN"])


def test_a_page_cut_from_its_article_keeps_who_attended_the_reception_its_headline_tells():
    text = (
        "Bộ trưởng Bộ Công an tiếp Đại sứ Nhật Bản\n\n"
        "Tại buổi tiếp, Bộ trưởng Trần Văn Bình đánh giá cao những đóng góp của Đại sứ Nhật Bản "
        "tại Việt Nam Suzuki Hiroshi đối với quan hệ hai nước.\n\n"
        "Đại sứ Suzuki Hiroshi cảm ơn sự hỗ trợ của Bộ Công an Việt Nam.\n\n"
        "Tham dự buổi tiếp có Trung tướng Phạm Văn Tùng, Thứ trưởng Bộ Công an và đại diện lãnh "
        "đạo Cục Đối ngoại.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert (who["Trần Văn Bình"]["role"], who["Suzuki Hiroshi"]["role"]) == ("host", "guest")
    assert who["Phạm Văn Tùng"]["role"] == "attendee"


def test_also_attending_was_at_a_sentence_start_attends_the_leads_meeting():
    text = (
        "Cambodian police delegation visits Vietnam\n\n"
        "Speaking at the meeting, Colonel Nguyen Van Binh - Deputy Director of the Department of "
        "International Cooperation, said the two police forces had cooperated closely.\n\n"
        "Lieutenant General Sok Phal, head of the Cambodian delegation, thanked the Vietnamese "
        "side for its warm welcome. Also attending was Cambodian Ambassador to Vietnam Chea "
        "Kimtha.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Chea Kimtha"]["role"] == "attendee"


def test_a_malaysian_guest_with_his_honorifics_and_fathers_on_a_vietnamese_page():
    text = (
        "Chiều 8/11, tại Hà Nội, Trung tướng Nguyễn Văn Hải, Thứ trưởng Bộ Công an đã tiếp ông "
        "Dato' Sri Ahmad Faizal bin Mohd Noor, Phó Tổng Thanh tra Cảnh sát Hoàng gia Malaysia.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 11, 9))
    guest = people(meeting)["Ahmad Faizal bin Mohd Noor"]
    assert (guest["role"], guest["country"]) == ("guest", "MY")


def test_the_deputy_minister_who_leads_the_delegation_to_a_courtesy_call_is_its_guest():
    text = (
        "Sáng 11/4, tại Vientiane, Thượng tướng Lê Văn Khoa - Ủy viên Trung ương Đảng, Thứ trưởng "
        "Bộ Công an dẫn đầu Đoàn đại biểu Bộ Công an Việt Nam đến chào xã giao Đại tướng Somphone "
        "Keomany - Phó Thủ tướng, Bộ trưởng Bộ Công an Lào.\n"
    )
    (meeting,) = meetings(text, published=date(2023, 4, 11))
    who = people(meeting)
    assert (who["Lê Văn Khoa"]["role"], who["Somphone Keomany"]["role"]) == ("guest", "host")


def test_who_leads_each_delegation_of_a_working_group_co_chairs_it():
    text = (
        "India and New Zealand held the 4th Meeting of the Joint Working Group on "
        "Counter-Terrorism in Wellington on May 2.\n\n"
        "The Indian delegation was led by Rakesh Mehta, Joint Secretary (Counter Terrorism), "
        "Ministry of External Affairs, while the New Zealand delegation was led by Anna Clarke, "
        "New Zealand’s Ambassador for Counter-Terrorism.\n"
    )
    (dialogue,) = [r for r in records(text) if r["kind"] == "dialogue"]
    who = people(dialogue)
    assert (who["Rakesh Mehta"]["role"], who["Anna Clarke"]["role"]) == ("co_chair", "co_chair")
