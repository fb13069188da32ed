"""Who hosted whom and what kind of engagement it was, on pages between any two countries: the
shapes of issue 11's twelfth round (texts written for these tests, in the genre's shapes, never a
page's words)."""

from __future__ import annotations

from tests.extract.drafts import flags, kinds, of_kind, people, records

# --- standing groups: numbered meetings of a joint working group are its dialogue ----------


def test_the_numbered_meeting_of_a_joint_working_group_is_one_dialogue_not_also_a_meeting():
    text = (
        "Norway and India held the 9th Meeting of the Joint Working Group on Drug Control "
        "at Oslo on May 3.\n"
    )
    assert kinds(text) == ["dialogue"]
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["session"] == 9
    assert (dialogue["host"], dialogue["guests"]) == ("NO", ["IN"])


def test_a_joint_working_group_written_in_lowercase_with_its_two_countries_is_a_dialogue():
    text = (
        "The 9th meeting of the India-Norway Joint Working group on counter-terrorism was held "
        "in Oslo on March 3, 2021.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["session"] == 9 and dialogue["date"]["start"] == "2021-03-03"


def test_a_consultative_group_numbered_by_its_meetings_is_a_dialogue():
    text = (
        "Officials held the 14th meeting of the Norway-Chile Defence Consultative Group in Oslo "
        "on 2 June 2022.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["session"] == 14 and dialogue["place"]["city"] == "Oslo"


def test_a_joint_working_group_yet_to_be_formed_is_no_dialogue():
    text = "A joint working group will be formed to take the cooperation forward, the two agreed.\n"
    assert of_kind(text, "dialogue") == []


# --- who led each side ------------------------------------------------------------------------


def test_a_delegation_that_was_led_by_someone_makes_its_head_of_the_delegations_country():
    text = (
        "India and Norway held talks in Oslo on March 3, 2021. The Indian delegation was led by "
        "Ravi Kumar, Joint Secretary, Home Ministry, while the Norwegian "
        "delegation was led by Anne Berg, Director General, Ministry of Justice.\n"
    )
    (meeting,) = records(text)
    who = people(meeting)
    assert who["Ravi Kumar"]["country"] == "IN" and who["Ravi Kumar"]["title"] == "Joint Secretary"
    assert who["Anne Berg"]["country"] == "NO"


def test_a_co_chair_who_hosted_the_other_delegation_makes_their_country_the_host():
    text = (
        "The Norway-Chile joint working group on counter-terrorism met on 4 May 2012. The "
        "Chilean delegation led by Ambassador Pablo Rojas met over a full day with the Norwegian "
        "delegation, led by the Director for Cyber Affairs, Ambassador Ola Nordmann, who "
        "hosted the delegation.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert (dialogue["host"], dialogue["guests"]) == ("NO", ["CL"])


def test_a_delegation_led_by_an_office_then_a_name_makes_the_head_of_its_country():
    text = (
        "The Norway-Chile joint working group on counter-terrorism met on 4 May 2012. The "
        "Chilean delegation led by Ambassador Pablo Rojas met with the Norwegian delegation, led "
        "by the Director for Cyber Affairs, Ambassador Ola Nordmann, who hosted the "
        "delegation.\n"
    )
    (dialogue,) = of_kind(text, "dialogue", url="https://www.chileembassy.gob.cl/news/12")
    assert people(dialogue)["Ola Nordmann"]["country"] == "NO"
    assert (dialogue["host"], dialogue["guests"]) == ("NO", ["CL"])


# --- meetings on the sidelines of an event in a third country --------------------------------


def test_talks_on_the_sidelines_of_a_numbered_dialogue_are_a_meeting_not_that_dialogue():
    text = (
        "Ngày 3/6, Bộ trưởng Quốc phòng Na Uy Ola Nordmann và Bộ trưởng Quốc phòng Chile Pablo "
        "Rojas đã có cuộc hội đàm bên lề Đối thoại An ninh Baltic lần thứ 7 tại Singapore.\n"
    )
    assert kinds(text) == ["meeting"]


def test_two_foreign_ministers_meeting_on_the_sidelines_in_a_third_country_have_no_host():
    text = (
        "Ngày 3/6, Bộ trưởng Quốc phòng Na Uy Ola Nordmann và Bộ trưởng Quốc phòng Chile Pablo "
        "Rojas đã có cuộc hội đàm bên lề Đối thoại An ninh Baltic lần thứ 7 tại Singapore.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert meeting["place"]["country"] == "SG"
    assert meeting.get("host") is None and sorted(meeting["guests"]) == ["CL", "NO"]


def test_our_minister_meeting_a_foreign_one_on_the_sidelines_abroad_is_hosted_by_our_side():
    text = (
        "Bên lề Đối thoại An ninh Baltic tại Singapore, Bộ trưởng Quốc phòng Việt Nam Nguyễn Văn "
        "An đã gặp Bộ trưởng Quốc phòng Na Uy Ola Nordmann.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert (meeting["host"], meeting["guests"]) == ("VN", ["NO"])
    assert meeting["place"]["country"] == "SG"


def test_offices_of_two_countries_met_on_the_sidelines_are_two_meetings():
    text = (
        "Bên lề Diễn đàn An ninh Baltic ở Jakarta, Bộ trưởng Quốc phòng nước ta đã gặp song "
        "phương với Quyền Bộ trưởng Quốc phòng Na Uy và Bộ trưởng Quốc phòng Chile.\n"
    )
    found = of_kind(text, "meeting")
    assert sorted(tuple(m["guests"]) for m in found) == [("CL",), ("NO",)]
    assert {m["host"] for m in found} == {"VN"}


# --- what is yet to come or already past -----------------------------------------------------


def test_a_delegation_that_would_soon_visit_is_a_planned_trip():
    text = (
        "OSLO - Interior Minister Ola Nordmann met Chilean Ambassador Pablo Rojas at the "
        "ministry. He said a delegation of Oslo police would soon visit Santiago to study "
        "training.\n"
    )
    trips = of_kind(text, "visit")
    assert all(t["status"] == "planned" for t in trips)


def test_a_visit_to_come_in_the_near_future_is_planned():
    text = (
        "Interior Minister Ali Rahimi met his Norwegian counterpart Ola Nordmann in Oslo on 4 "
        "May 2021. The two sides agreed that a Norwegian delegation would be visiting Kabul in "
        "the near future.\n"
    )
    assert [t["status"] for t in of_kind(text, "visit") if t["place"]["country"] == "AF"] in (
        [],
        ["planned"],
    )


def test_two_ministers_who_will_meet_are_a_planned_meeting():
    text = (
        "Bộ trưởng Quốc phòng Na Uy và Bộ trưởng Quốc phòng Chile sắp gặp nhau\n\nBộ trưởng Quốc "
        "phòng Na Uy Ola Nordmann và Bộ trưởng Quốc phòng Chile Pablo Rojas sẽ gặp nhau tại "
        "Singapore.\n"
    )
    assert all(m["status"] == "planned" for m in of_kind(text, "meeting"))


def test_the_ministers_own_recent_trip_recalled_after_the_meeting_is_context():
    text = (
        "OSLO - Interior Minister Ola Nordmann met Chilean Ambassador Pablo Rojas at the "
        "ministry. Talking about his recent visit to New York, Nordmann said the police of the "
        "two cities should train together.\n"
    )
    (trip,) = of_kind(text, "visit")
    assert "context-mention" in flags(trip)


# --- one meeting told twice ------------------------------------------------------------------


def test_the_ambassador_visiting_the_ministry_where_the_minister_welcomed_him_is_the_meeting():
    text = (
        "OSLO - Interior Minister Ola Nordmann met Chilean Ambassador to Norway Pablo Rojas. "
        "The Chilean ambassador visited the Ministry of Justice, where Nordmann welcomed him.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert set(people(meeting)) == {"Ola Nordmann", "Pablo Rojas"}


# --- the page's layout -----------------------------------------------------------------------


def test_a_headline_under_a_pictures_caption_leaves_the_lead_to_date_and_place_the_dialogue():
    text = (
        "Quang cảnh Đối thoại chính sách quốc phòng Việt Nam-Na Uy lần thứ 2 tại Na Uy.\n\n"
        "Đối thoại chính sách quốc phòng Việt Nam-Na Uy lần thứ 2\n\n"
        "Hôm 21/9 (giờ Oslo), tại Trụ sở Bộ Quốc phòng Na Uy ở Thủ đô Oslo, Thượng tướng "
        "Nguyễn Văn An, Thứ trưởng Quốc phòng và ngài Ola Nordmann, Thứ trưởng Quốc phòng Na Uy "
        "đồng chủ trì Đối thoại chính sách quốc phòng Việt Nam-Na Uy lần thứ 2.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["date"]["start"] == "????-09-21"
    assert dialogue["place"]["city"] == "Oslo" and dialogue["host"] == "NO"


def test_a_head_named_before_a_title_opened_by_the_countrys_possessive_co_chairs():
    text = (
        "India and Norway held the 11th Meeting of the Joint Working Group on Drug Control "
        "at Oslo on May 2.\n\nThe Indian delegation was led by Ravi Kumar, Joint Secretary "
        "(Narcotics), Home Ministry; the Norwegian delegation was led by Ola Nordmann, "
        "Norway’s Ambassador for Drug Policy.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    who = people(dialogue)
    assert who["Ola Nordmann"]["country"] == "NO"
    assert {who["Ola Nordmann"]["role"], who["Ravi Kumar"]["role"]} == {"co_chair"}


def test_the_dialogue_this_one_follows_is_an_earlier_one_recalled():
    text = (
        "The ninth annual security dialogue between Norway and Chile opened in Oslo on Tuesday "
        "(5 September).\n\nThis round of talks closely follows the Joint Border Dialogue of 23-24 "
        "August in Oslo.\n"
    )
    held = [d for d in of_kind(text, "dialogue") if "context-mention" not in flags(d)]
    assert [d["session"] for d in held] == [9]


def test_a_dialogue_named_after_a_lead_that_says_where_a_dialogue_was_held_is_placed_there():
    text = (
        "Norwegian and Chilean officials wrapped up a defence dialogue on Friday in Oslo, "
        "the ministry announced. Officials held the 14th meeting of the Norway-Chile Defence "
        "Consultative Group on Thursday and Friday.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["place"]["city"] == "Oslo" and dialogue["host"] == "NO"


# --- a delegation visiting a police agency's premises ------------------------------------------


def test_a_delegation_visiting_a_police_station_of_a_city_met_that_police_there():
    text = (
        "A four-member delegation from Chile on Wednesday visited the Central Police Station of "
        "Bangkok and was briefed about the working of the force.\n"
    )
    (meeting,) = records(text)
    assert meeting["kind"] == "meeting"
    assert (meeting["host"], meeting["guests"]) == ("TH", ["CL"])
    assert meeting["place"]["city"] == "Bangkok"


def test_a_police_delegation_visiting_a_citys_police_headquarters_is_no_trip_of_its_own():
    text = (
        "A delegation of the Chile Police visited the Bangkok Police Headquarters on Friday, "
        "where they met senior officers.\n"
    )
    assert kinds(text) == ["meeting"]


def test_the_delegation_meeting_someone_after_that_is_another_session_of_the_same_sides():
    text = (
        "Bangkok : A British delegation headed by Mayor of Leeds, John Smith visited Bangkok Police "
        "Service centre, a police spokesman said.\n\nLater the delegation called at the Central "
        "Police Office and met with Commissioner Somchai Wong.\n"
    )
    found = of_kind(text, "meeting")
    assert len(found) == 2
    assert {(m["host"], tuple(m["guests"])) for m in found} == {("TH", ("GB",))}


def test_a_remark_made_at_a_working_session_with_someone_tells_that_meeting():
    text = (
        "Vietnam’s Ministry of Public Security and Thailand’s Ministry of Interior need to carry "
        "out their plans better.\n\nDeputy Minister of Public Security Nguyen Van An said this "
        "at a meeting with Minister of State at Thailand’s Ministry of Interior "
        "Somchai Wong in Bangkok on July 21.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert "lead-inferred" not in flags(meeting)
    assert set(people(meeting)) == {"Nguyen Van An", "Somchai Wong"}
    assert (meeting["host"], meeting["guests"]) == ("TH", ["VN"])
    assert meeting["place"]["city"] == "Bangkok"


def test_a_retired_rank_in_brackets_stands_between_the_title_and_the_name():
    text = (
        "ISLAMABAD: A four-member delegation of the US embassy called on Interior Minister "
        "Brig (R) Karim Ahmed Khan here on Thursday.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert set(people(meeting)) == {"Karim Ahmed Khan"}
    assert (meeting["host"], meeting["guests"]) == ("PK", ["US"])


def test_a_police_delegation_visiting_the_delhi_police_headquarters_met_in_india():
    text = (
        "On a training tour, a Nepal Police delegation toured the country and visited the Delhi "
        "Police Headquarters on 2 January 2026 to meet its officers.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert (meeting["host"], meeting["guests"]) == ("IN", ["NP"])


def test_this_countrys_ministry_on_a_page_about_two_other_countries_is_not_ours():
    text = (
        "Theo Bộ Quốc phòng nước này, sáng 3/5, Ban Thư ký Ủy ban Biên giới chung Na Uy-Chile "
        "đã khai mạc cuộc họp tại Oslo.\n\nĐoàn Chile do Đại tướng Pablo Rojas dẫn đầu có mặt.\n"
    )
    (meeting,) = records(text)
    assert (meeting["host"], meeting["guests"]) == ("NO", ["CL"])
