"""People and sides: the shapes of issue 11's sixteenth round (x-people7; texts written for these
tests, in the genre's shapes, never a page's words)."""

from __future__ import annotations

from tests.extract.drafts import meetings, of_kind, people, records

# --- places that are not where it happened ---------------------------------------------------


def test_a_place_ending_a_leaders_name_after_his_title_is_no_venue():
    text = (
        "During the visit to Beijing, Director Moreno met Vice Minister of Public Security Lin "
        "Hao to follow up on what President Xi Jinping and President Lula agreed on March 3.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["city"] == "Beijing"


def test_a_country_after_a_titled_acronym_is_the_country_not_a_persons_name():
    """`Thư ký GBC Thái Lan`: the secretary of Thailand's side of a border committee; Thailand
    is no surname (found at the round's merge: the meeting was drafted as Vietnam's)."""
    text = (
        "Phiên họp thường kỳ của Ủy ban Biên giới Chung (GBC) giữa Thái Lan và Campuchia diễn ra "
        "sáng 12/3 tại cửa khẩu Ban Laem, tỉnh Chanthaburi.\n\n"
        "Trung tướng Somchai Wongdee, Phó Tư lệnh Quân khu 1 của Thái Lan, với tư cách Thư ký "
        "GBC Thái Lan, đồng chủ trì phiên họp cùng Thiếu tướng Sok Dara, trưởng đoàn Campuchia.\n"
    )
    (record,) = records(text)
    assert {record.get("host"), *record.get("guests", [])} - {None} == {"TH", "KH"}
    assert "Thái Lan" not in {p["name"] for p in record.get("participants", [])}


def test_a_session_told_after_the_trip_frame_is_held_where_the_trip_went():
    text = (
        "During the visit to Beijing, Director Moreno met Vice Minister of Public Security Lin "
        "Hao to discuss the outcomes of the meeting between the two presidents in Busan.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["city"] == "Beijing"
    assert meeting["host"] == "CN"


def test_a_city_state_speaking_is_not_where_the_meeting_was():
    text = (
        "Singapore hopes that Vietnam will keep supporting cooperation in crime prevention, said "
        "Singapore's Minister for Home Affairs Tan Wei Ming at the meeting with Prime Minister "
        "Nguyen Van An in Hanoi on December 6.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["city"] == "Hanoi"
    assert meeting["host"] == "VN"
    who = people(meeting)
    assert who["Tan Wei Ming"]["role"] == "guest"


def test_a_wire_dateline_opening_the_sentence_is_where_it_was_filed_not_held():
    text = (
        "New Delhi, Nov 4 (IBNS) Union Home Minister Arvind Rao had a delegation level meeting "
        "with the Deputy Prime Minister of Singapore Lim Boon Keng in Monaco on the sidelines "
        "of the Interpol General Assembly on Tuesday.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"].get("city") != "New Delhi"
    assert meeting["place"]["country"] == "MC"


def test_a_province_the_gazetteer_lacks_is_placed_by_the_country_after_thuoc_cua():
    text = (
        "Tướng Somsak Chaiyo, Phó Tư lệnh Cảnh sát quốc gia Thái Lan, đã có cuộc họp với trung "
        "tướng Sok Vanna, Phó Tư lệnh Cảnh sát quốc gia Campuchia, về tội phạm mạng.\n\n"
        "Cuộc họp hôm 12.8 diễn ra từ 9-17 giờ tại tỉnh Chanthaburi thuộc miền đông của Thái "
        "Lan.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["country"] == "TH"
    assert meeting["host"] == "TH"


# --- who travelled, and who was only named beside the engagement ------------------------------


def test_the_traveller_of_a_trip_frame_is_the_guest_not_the_host():
    text = (
        "During the visit to Tokyo, Director Moreno, alongside U.S. Ambassador to Japan Alan "
        "Price, met with Japan's National Police Agency Commissioner General Hiro Sato to "
        "discuss cybercrime.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Moreno"]["role"] == "guest"
    assert who["Moreno"].get("country") != "JP"
    assert who["Hiro Sato"]["role"] == "host"


def test_the_leader_whose_trip_frames_a_ministers_talks_is_not_at_the_talks():
    text = (
        "Trong khuôn khổ chương trình chuyến thăm chính thức Australia của Thủ tướng Lê Văn "
        "Bình, ngày 12/4 Bộ trưởng Bộ Công an Trần Văn Khoa đã hội đàm với Bộ trưởng Nội vụ "
        "Australia Mark Hollis.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert "Lê Văn Bình" not in who
    assert {"Trần Văn Khoa", "Mark Hollis"} <= set(who)


def test_a_visit_to_a_countrys_ministry_to_discuss_with_its_minister_is_a_meeting():
    text = (
        "Zhou Ming, Assistant Minister of Public Security of China, visited Laos’s Ministry of "
        "Defence on Monday (May 5) to discuss online scams with Deputy Prime Minister and "
        "Minister of Defence Chansamone Vong.\n"
    )
    assert of_kind(text, "visit") == []
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Zhou Ming"]["role"] == "guest"
    assert who["Chansamone Vong"]["role"] == "host"
    assert meeting["host"] == "LA"


def test_a_later_welcome_by_the_same_two_people_is_the_same_meeting_retold():
    text = (
        "A delegation led by Mr John Miller, Director, FBI visited CBI Headquarters, New Delhi "
        "today. During the visit, the FBI Director held discussions with Mr. Ravi Kumar, "
        "Director, CBI and senior officers.\n\n"
        "The meeting focused on sharing information on transnational crime.\n\n"
        "Mr. Ravi Kumar welcomed the FBI Director and thanked him for his visit.\n"
    )
    assert len(meetings(text)) == 1
    assert of_kind(text, "visit") == []


# --- lists of a side's people ---------------------------------------------------------------


def test_bodies_named_after_a_lower_case_title_are_no_persons():
    text = (
        "The meeting at the Royal Thai Police Headquarters on Sunday was attended by Pol Lt Gen "
        "Prasit Wong, director of the Child Safety Centre, Women and Family Sector, Royal Thai "
        "Police, and Chinese Ambassador Zhang Lei.\n"
    )
    who = {n for r in records(text) for n in people(r)}
    assert not any(n.endswith(("Centre", "Sector")) for n in who)


def test_a_sides_members_and_a_semicolon_list_after_included_attend_the_meeting():
    text = (
        "Thai police held a high-level meeting with their Chinese counterparts on human "
        "trafficking on Sunday.\n\n"
        "Representatives of the Thai side included Pol Maj Gen Anan Sri, deputy commander of "
        "the Tourist Police Division, and Pol Maj Gen Chai Dee, commander of the Special "
        "Branch.\n\n"
        "The Chinese delegation was led by Zhang Lei, ambassador of China to Thailand, and "
        "included: Liu Bo, consular adviser; Qian Wen, police liaison officer; and Sun Hua, "
        "secretary of the consular division.\n"
    )
    (meeting,) = meetings(text, url="https://www.nationthailand.com/news/general/1")
    who = people(meeting)
    assert {"Anan Sri", "Chai Dee", "Liu Bo", "Qian Wen", "Sun Hua"} <= set(who)
    assert who["Anan Sri"]["role"] == "attendee"
    assert who["Liu Bo"]["role"] == "attendee"
    assert who["Zhang Lei"]["role"] == "delegation_head"


def test_a_country_glued_to_a_given_name_gives_the_name_back():
    text = (
        "Union Home Minister Arvind Rao had a delegation level meeting with the Deputy Prime "
        "Minister of SingaporeLim Boon Keng in Monaco on Tuesday.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert "Lim Boon Keng" in who
    assert who["Lim Boon Keng"]["country"] == "SG"


# --- who spoke for a side after the engagement was told -------------------------------------


def test_an_acting_director_speaking_at_the_ceremony_took_part():
    text = (
        "Ngày 14/11, tại Hà Nội, Cục Đối ngoại Bộ Công an ký Biên bản ghi nhớ với Cục Điều tra "
        "Liên bang Mỹ (FBI) về hợp tác phòng chống tội phạm.\n\n"
        "Tại buổi lễ, quyền Cục trưởng Cục Đối ngoại Nguyễn Văn Hải đã nhấn mạnh tầm quan "
        "trọng của quan hệ đối tác.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Nguyễn Văn Hải"]["role"] == "host"
    assert who["Nguyễn Văn Hải"]["title"].startswith("quyền Cục trưởng")


def test_the_head_of_the_body_that_received_a_donation_took_part():
    text = (
        "Sáng 5-3, Cảnh sát Liên bang Australia (AFP) đã bàn giao các trang thiết bị trị giá "
        "50.000 USD cho Cục Cảnh sát điều tra tội phạm về ma túy tại Hà Nội.\n\n"
        "Thiếu tướng Lê Văn Hùng, Cục trưởng Cục Cảnh sát điều tra tội phạm về ma túy, cảm ơn "
        "AFP vì sự hỗ trợ.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Lê Văn Hùng"]["role"] == "host"


def test_the_two_people_of_a_delegation_level_meeting_head_their_delegations():
    text = (
        "Union Home Minister Arvind Rao had a delegation level meeting with Interior Minister of "
        "France Paul Girard in Lyon on Tuesday. The Indian delegation included Shri Mohan Das, "
        "Joint Secretary, Ministry of Home Affairs.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Arvind Rao"]["role"] == "delegation_head"
    assert who["Paul Girard"]["role"] == "delegation_head"


def test_a_holder_named_by_an_initial_after_a_portfolio_of_two_fields_is_found():
    text = (
        "The MOU was signed by Thailand's Minister of Interior Somchai Wong and Singapore's "
        "Minister for Home Affairs and Law K Tan at the ministry headquarters in Singapore on "
        "Thursday.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert "K Tan" in who
    assert who["K Tan"]["country"] == "SG"


def test_an_ambassador_alongside_the_visitor_attends_the_meeting():
    text = (
        "During the visit to Manila, Director Moreno, alongside U.S. Ambassador to the "
        "Philippines Alan Price, met with Philippine National Police Chief General Ramon Cruz.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Alan Price"]["role"] == "attendee"
    assert who["Moreno"]["role"] == "guest"


def test_the_two_who_signed_an_mou_at_the_hosts_ministry_are_its_two_sides():
    text = (
        "Mr Rahman was on an official visit to Singapore from May 3 to May 4.\n\n"
        "The MOU was signed by Malaysia's Minister of Home Affairs Abdul Rahman Yusof and "
        "Singapore's Minister for Home Affairs Tan Wei Ming at the Ministry of Home Affairs "
        "headquarters in Singapore on May 4.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Tan Wei Ming"]["role"] == "host"
    assert who["Abdul Rahman Yusof"]["role"] == "guest"
