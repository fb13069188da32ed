"""Who met whom: the people of an engagement, their roles and the two sides, as Vietnamese and
foreign outlets write them (texts written for these tests, not taken from any article)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.gazetteer import find_organisations, find_places
from timeline.extract.people import find_people


def records(text: str, published: date | None = date(2024, 6, 30)) -> list[dict]:
    return [r.as_dict() for r in extract(text, document="d", published=published).records]


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record["participants"]}


def meetings(text: str) -> list[dict]:
    return [r for r in records(text) if r["kind"] == "meeting"]


def people(text: str, language: str) -> dict[str, list[str]]:
    """Each person the finder reads in the sentence, with their titles."""
    entities = find_organisations(text, language, 0, len(text), {}) + find_places(
        text, 0, len(text)
    )
    found = find_people(text, 0, len(text), language, entities)
    return {p.name: [t[2] for t in p.titles] for p in found}


# --- who takes part -----------------------------------------------------------------------


def test_leaders_recalled_and_greeted_in_the_speeches_take_no_part():
    text = (
        "Ngày 12/6, tại Hà Nội, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an, đã tiếp "
        "Đại sứ Trung Quốc tại Việt Nam Lưu Kiến Quốc.\n\n"
        "Tại buổi tiếp, Thứ trưởng Trần Văn Bình khẳng định tình hữu nghị do Chủ tịch Hồ Chí "
        "Minh và Chủ tịch Mao Trạch Đông vun đắp là tài sản chung của hai dân tộc.\n\n"
        "Đại sứ Lưu Kiến Quốc chuyển lời thăm hỏi tới Tổng Bí thư, Chủ tịch nước Lê Minh Hải; "
        "Thủ tướng Đỗ Văn Sơn và chúc mừng đồng chí Vương Đại Minh được bầu làm Chủ tịch.\n"
    )
    (meeting,) = meetings(text)
    assert roles(meeting) == {"Trần Văn Bình": "host", "Lưu Kiến Quốc": "guest"}


def test_a_person_told_in_a_past_trip_of_the_speech_takes_no_part():
    text = (
        "Ngày 3/6, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an, đã tiếp Đại sứ Nhật Bản "
        "tại Việt Nam Yamada Taro.\n\n"
        "Thứ trưởng Trần Văn Bình cho biết sau chuyến thăm của Thủ tướng Đỗ Văn Sơn, quan hệ "
        "hai nước phát triển tốt đẹp.\n"
    )
    (meeting,) = meetings(text)
    assert set(roles(meeting)) == {"Trần Văn Bình", "Yamada Taro"}


def test_those_joining_or_taking_part_in_it_attend():
    text = (
        "Minister Nguyen Van Hai held talks with Japanese Minister of Justice Sato Kenji in "
        "Tokyo on June 5, 2024.\n\n"
        "Joining the event were Vietnamese Ambassador to Japan Pham Quang Vinh and officials of "
        "both ministries.\n"
    )
    (meeting,) = meetings(text)
    assert roles(meeting)["Pham Quang Vinh"] == "attendee"


# --- the two sides --------------------------------------------------------------------------


def test_an_ambassador_met_at_home_is_the_guest_of_the_country_they_serve_in():
    text = (
        "The two countries praised their cooperation in law enforcement on Monday in a meeting "
        "between Cambodian Minister of Interior Sok Vanna and U.S. Ambassador to Cambodia John "
        "Miller.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "KH" and meeting["guests"] == ["US"]


def test_the_headquarters_it_is_held_at_is_the_hosts():
    text = (
        "Kim Dong-su, Commissioner of the Korean National Police Agency, held talks with Zhou "
        "Ming, Minister of Public Security of China, at the headquarters of the Chinese Ministry "
        "of Public Security on June 16, 2024.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "CN" and meeting["guests"] == ["KR"]
    assert meeting["place"]["country"] == "CN"


def test_the_side_that_met_the_other_sides_delegation_hosts_it():
    text = (
        "Ngày 16/3/2024, Đại tướng Trần Văn Bình, Bộ trưởng Bộ Công an, đã hội đàm với đoàn "
        "đại biểu Cơ quan Cảnh sát quốc gia Hàn Quốc do ông Kim Dong-su dẫn đầu.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "VN" and meeting["guests"] == ["KR"]


def test_when_two_delegations_met_the_host_is_left_to_the_reviewer():
    text = (
        "Ngày 16/3/2024, đoàn đại biểu Bộ Công an Việt Nam do Đại tướng Trần Văn Bình dẫn đầu "
        "đã hội đàm với đoàn đại biểu Cơ quan Điều tra Liên bang Mỹ (FBI) do ông John Miller, "
        "Giám đốc, làm trưởng đoàn.\n"
    )
    (meeting,) = meetings(text)
    assert meeting.get("host") is None and set(meeting["guests"]) == {"VN", "US"}


def test_talks_between_two_delegations_seat_each_head_on_their_side():
    text = (
        "Ngày 16/3/2024, tại Hà Nội, đoàn đại biểu Bộ Công an Việt Nam do Đại tướng Trần Văn "
        "Bình dẫn đầu đã hội đàm với đoàn đại biểu Cơ quan Điều tra Liên bang Mỹ (FBI) do ông "
        "John Miller, Giám đốc, làm trưởng đoàn.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "VN"
    assert roles(meeting) == {"Trần Văn Bình": "host", "John Miller": "guest"}


def test_the_head_of_a_delegation_received_is_its_head_at_the_reception():
    text = (
        "Hanoi (VNA) – Deputy Minister of Public Security Tran Van Binh on November 29, 2023 "
        "received a visiting delegation of France's Ministry of the Interior led by its Director "
        "General Jean Dupont.\n"
    )
    (meeting,) = meetings(text)
    assert roles(meeting) == {"Tran Van Binh": "host", "Jean Dupont": "delegation_head"}


def test_who_chairs_the_reception_of_a_delegation_hosts_it():
    text = (
        "Ngày 22-8-2024, Đại tá Trần Văn Bình, Phó Giám đốc Công an TP Hồ Chí Minh chủ trì buổi "
        "đón tiếp và làm việc với đoàn Cảnh sát quốc gia Pháp do ông Jean Dupont, Giám đốc Cảnh "
        "sát quốc gia Pháp làm trưởng đoàn.\n"
    )
    got = [roles(m) for m in meetings(text)]
    assert got and all(r.get("Trần Văn Bình") == "host" for r in got)
    assert {r.get("Jean Dupont") for r in got} <= {"guest", None}


def test_a_country_by_its_formal_name_is_the_country():
    places = find_places(
        "Minister Nguyen Van Hai paid a working visit to the Lao People's Democratic Republic "
        "and then to the Kingdom of Cambodia; chuyến thăm Cộng hòa Dân chủ Nhân dân Lào."
    )
    assert [p.key for p in places] == ["LA", "KH", "LA"]


# --- names and titles -----------------------------------------------------------------------


def test_a_plural_title_before_two_names_is_each_ones():
    found = people("Deputy Ministers Kim Sung-ho and Park Ji-won received the delegation.", "en")
    assert found == {"Kim Sung-ho": ["Deputy Ministers"], "Park Ji-won": ["Deputy Ministers"]}
    found = people("Ông tiếp các Thứ trưởng Bộ Tư pháp Nhật Bản Sato Kenji và Ito Hiro.", "vi")
    assert found["Ito Hiro"] == ["Thứ trưởng Bộ Tư pháp Nhật Bản"]


def test_a_title_after_a_pair_of_names_is_both_ones():
    text = "Đoàn làm việc với ngài Sato Kenji và ngài Ito Hiro, Thứ trưởng Bộ Tư pháp Nhật Bản."
    found = people(text, "vi")
    assert found == {
        "Sato Kenji": ["Thứ trưởng Bộ Tư pháp Nhật Bản"],
        "Ito Hiro": ["Thứ trưởng Bộ Tư pháp Nhật Bản"],
    }


def test_both_holders_of_a_plural_title_are_met():
    text = (
        "Ngày 7/6/2024, tại Tokyo, Thứ trưởng Bộ Công an Trần Văn Bình đã làm việc với ngài "
        "Sato Kenji và ngài Ito Hiro, Thứ trưởng Bộ Tư pháp Nhật Bản.\n"
    )
    (meeting,) = meetings(text)
    assert roles(meeting) == {"Trần Văn Bình": "guest", "Sato Kenji": "host", "Ito Hiro": "host"}


def test_an_agency_named_after_a_title_is_no_persons_name():
    text = (
        "He met Chief of National Narcotics Board of Indonesia Commissioner General Dr Budi "
        "Santoso and Head of Special Detachment 88 (Densus 88) Police Inspector General Rudi "
        "Hartono."
    )
    assert set(people(text, "en")) == {"Budi Santoso", "Rudi Hartono"}


def test_an_indonesian_haji_before_a_name_is_an_honorific():
    text = "He met Minister of Home Affairs Police General (Ret) Drs H. Agus Salim Wibowo."
    assert "Agus Salim Wibowo" in people(text, "en")


def test_an_ordinal_inside_a_vietnamese_title_keeps_the_title_whole():
    text = (
        "Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an và Phó Giám đốc thứ nhất Cơ quan "
        "Tình báo Quốc gia Hàn Quốc Park Min-ho đồng chủ trì Hội nghị."
    )
    found = people(text, "vi")
    assert found["Park Min-ho"] == ["Phó Giám đốc thứ nhất Cơ quan Tình báo Quốc gia Hàn Quốc"]


def test_a_consul_general_of_an_embassy_is_found_with_the_missions_country():
    text = (
        "Consul-General of the Embassy of the Republic of Korea in Manila Lee Jae-won attended "
        "the meeting."
    )
    entities = find_organisations(text, "en", 0, len(text), {}) + find_places(text, 0, len(text))
    (person,) = find_people(text, 0, len(text), "en", entities)
    assert person.name == "Lee Jae-won" and person.country == "KR"


def test_a_name_misspelt_by_one_letter_in_each_word_is_one_person():
    text = (
        "Ngày 10/2/2024, tại Viêng Chăn, Thủ tướng Lào Sonexay Phomvihane đã tiếp Đại tướng "
        "Trần Văn Bình, Bộ trưởng Bộ Công an.\n\n"
        "Tại buổi tiếp, Thủ tướng Sonexay Phomvihan đánh giá cao kết quả hợp tác.\n"
    )
    (meeting,) = meetings(text)
    assert set(roles(meeting)) == {"Sonexay Phomvihane", "Trần Văn Bình"}


# --- roles ------------------------------------------------------------------------------------


def test_the_first_of_each_side_named_at_a_dialogue_co_chairs_it():
    text = (
        "Ngày 5/6/2024, tại Hà Nội, Giám đốc Cơ quan Cảnh sát quốc gia Hàn Quốc Kim Dong-su đã "
        "tham dự Hội nghị hợp tác Cảnh sát Hàn - Việt lần thứ 6 với Thứ trưởng Bộ Công an Trần "
        "Văn Bình.\n"
    )
    (dialogue,) = [r for r in records(text) if r["kind"] == "dialogue"]
    assert roles(dialogue) == {"Kim Dong-su": "co_chair", "Trần Văn Bình": "co_chair"}


def test_an_ambassador_at_a_dialogue_attends_it():
    text = (
        "Ngày 28/6/2024, tại Hà Nội, Đối thoại An ninh cấp Thứ trưởng Việt Nam - Australia lần "
        "thứ ba đã diễn ra với sự tham dự của Thứ trưởng Bộ Công an Trần Văn Bình, Đại sứ "
        "Australia tại Việt Nam Anna Reid và Thứ trưởng Bộ Nội vụ Australia John Miller.\n"
    )
    (dialogue,) = [r for r in records(text) if r["kind"] == "dialogue"]
    assert roles(dialogue) == {
        "Trần Văn Bình": "co_chair",
        "John Miller": "co_chair",
        "Anna Reid": "attendee",
    }


def test_the_ambassador_is_no_host_of_a_visit_to_a_consulate():
    text = (
        "Nhân chuyến thăm Australia, ngày 6/3/2024, Thượng tướng Trần Văn Bình, Bộ trưởng Bộ Công "
        "an đã tới thăm Tổng Lãnh sự quán Việt Nam tại Sydney.\n\n"
        "Đại sứ Việt Nam tại Australia Lê Văn Hòa cảm ơn đoàn đã dành thời gian tới thăm.\n"
    )
    (consulate,) = [r for r in records(text) if r["kind"] == "embassy_visit"]
    assert "Lê Văn Hòa" not in roles(consulate)


def test_a_dialogue_held_the_same_day_as_a_reception_is_hosted_where_it_was():
    text = (
        "Sáng 24/6/2024, tại Hà Nội, Đại tướng Trần Văn Bình, Bộ trưởng Bộ Công an đã tiếp Quốc "
        "vụ khanh Bộ Nội vụ Vương quốc Anh John Miller.\n\n"
        "Bộ trưởng Trần Văn Bình bày tỏ vui mừng về kết quả Đối thoại Di cư Việt Nam - Vương "
        "quốc Anh lần thứ 4 diễn ra sáng cùng ngày.\n"
    )
    (dialogue,) = [r for r in records(text) if r["kind"] == "dialogue"]
    assert dialogue["host"] == "VN" and dialogue["guests"] == ["GB"]


def test_a_trips_head_of_the_sessions_host_country_is_no_guest_there():
    text = (
        "Deputy Minister Nguyen Van Hai receives US Assistant Secretary of State\n\n"
        "Lieutenant General Nguyen Van Hai, Deputy Minister of Public Security, had a meeting "
        "with Mr. John Miller, Assistant Secretary for the Bureau of International Narcotics and "
        "Law Enforcement Affairs.\n\n"
        "Speaking at the event, Deputy Minister Nguyen Van Hai welcomed Mr. John Miller and hoped "
        "that his visit would be of great success and contribute to further cooperation.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "VN"
    assert roles(meeting) == {"Nguyen Van Hai": "host", "John Miller": "guest"}


def test_a_meeting_had_in_a_city_is_a_meeting():
    text = (
        "Lieutenant General Nguyen Van Hai, Deputy Minister of Public Security, had a meeting in "
        "Hanoi with Mr. John Miller, Assistant Secretary of State, on June 16, 2024.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["city"] == "Hanoi"
    assert set(roles(meeting)) == {"Nguyen Van Hai", "John Miller"}


def test_one_presented_as_taking_part_in_a_reception_attends_it():
    text = (
        "Ngày 10/6/2024, tại Viêng Chăn, Thủ tướng Lào Sonexay Phomvihane đã tiếp Đại tướng Trần "
        "Văn Bình, Bộ trưởng Bộ Công an.\n\n"
        "Tham gia buổi tiếp còn có Đại sứ Việt Nam tại Lào Lê Văn Hòa, lãnh đạo một số đơn vị "
        "chức năng của Bộ Công an Việt Nam và lãnh đạo công an các tỉnh có biên giới tiếp giáp "
        "với Lào.\n"
    )
    (meeting,) = meetings(text)
    assert roles(meeting)["Lê Văn Hòa"] == "attendee"


def test_co_chairing_a_planned_ceremony_is_no_role_in_the_talks():
    text = (
        "Ngày 10/6/2024, tại Viêng Chăn, Đại tướng Trần Văn Bình, Bộ trưởng Bộ Công an đã hội đàm "
        "với Đại tướng Somsak Vong, Bộ trưởng Bộ An ninh Lào.\n\n"
        "Trong chương trình làm việc, Bộ trưởng Trần Văn Bình và Đại tướng Somsak Vong sẽ đồng chủ "
        "trì Lễ khánh thành Học viện An ninh Lào.\n"
    )
    (meeting,) = meetings(text)
    assert roles(meeting) == {"Trần Văn Bình": "guest", "Somsak Vong": "host"}
