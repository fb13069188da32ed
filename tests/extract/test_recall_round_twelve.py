"""Engagements told in words the extractor did not read yet (issue 11's twelfth round, x-recall3):
texts written for these tests in the genre's shapes, never a page's words."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import flags, meetings, of_kind, people, records

# --- English verbs of a meeting -----------------------------------------------------------------


def test_a_bilateral_meeting_told_with_its_place_and_day_before_whom_it_was_with():
    text = (
        "Thai Police Commissioner General Somchai Ratanakul held a bilateral meeting in "
        "Vientiane on 4 March 2024 with Laos's Minister of Public Security Vilay Phommachanh.\n"
        "The two sides agreed to set up a hotline between their border units.\n"
    )
    (meeting,) = meetings(text)
    assert {"Somchai Ratanakul", "Vilay Phommachanh"} <= set(people(meeting))
    assert (meeting["host"], meeting["guests"]) == ("LA", ["TH"])
    assert meeting["date"]["start"] == "2024-03-04"


def test_a_minister_who_convened_with_a_police_chief_met_him():
    text = (
        "Jordan's Interior Minister Karim Haddad convened on Monday in Amman with Paul Brenner, "
        "Commissioner of the Austrian Federal Police.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Karim Haddad"]["role"] == "host" and who["Paul Brenner"]["role"] == "guest"
    assert (meeting["host"], meeting["guests"]) == ("JO", ["AT"])


def test_two_officials_who_sat_down_together_met():
    text = (
        "Thai Police Commissioner General Somchai Ratanakul sat down with Laos's Minister of "
        "Public Security Vilay Phommachanh in Vientiane on 4 March 2024.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Vilay Phommachanh"]["role"] == "host"


def test_whoever_played_host_to_a_minister_received_him():
    text = (
        "Thai Police Commissioner General Somchai Ratanakul played host to Laos's Minister of "
        "Public Security Vilay Phommachanh in Bangkok on 4 March 2024.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Somchai Ratanakul"]["role"] == "host"
    assert (meeting["host"], meeting["guests"]) == ("TH", ["LA"])


def test_a_visit_welcomed_during_a_reception_is_the_reception_of_the_visitor():
    text = (
        "Minister of Public Security Le Van Binh welcomed the current Vietnam visit by "
        "Cambodia's Deputy Minister of Interior Sok Dara during a reception in Hanoi on March 3.\n"
        "Sok Dara is in Vietnam to co-chair the fifth deputy-ministerial security dialogue "
        "between the two ministries.\n"
        "The same day, the fifth deputy-ministerial security dialogue was held.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Le Van Binh"]["role"] == "host" and who["Sok Dara"]["role"] == "guest"
    assert meeting["place"]["city"] == "Hanoi"
    assert of_kind(text, "dialogue")


def test_a_guest_welcomed_by_title_and_name_is_received():
    text = (
        "Laos's Minister of Public Security Vilay Phommachanh welcomed Thai Police Commissioner "
        "General Somchai Ratanakul in Vientiane on 4 March 2024.\n"
        "Vientiane and Bangkok will hold a joint border dialogue next year.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Vilay Phommachanh"]["role"] == "host"
    assert "lead-inferred" not in {f["code"] for f in meeting["x-review"]["flags"]}


def test_a_proposal_welcomed_is_no_guest():
    text = (
        "Laos's Minister of Public Security Vilay Phommachanh welcomed the proposal to open a "
        "border liaison office in 2025.\n"
    )
    assert meetings(text) == []


def test_a_time_then_a_comma_before_whom_was_received():
    text = (
        "Jordan's Interior Minister Karim Haddad received on Sunday, Paul Brenner, Commissioner "
        "of the Austrian Federal Police, and discussed with him ways of training together.\n"
        "Senior officers of both forces attended the meeting.\n"
    )
    (meeting,) = meetings(text)
    assert "lead-inferred" not in {f["code"] for f in meeting["x-review"]["flags"]}
    assert people(meeting)["Paul Brenner"]["role"] == "guest"


# --- whom it was with -------------------------------------------------------------------------


def test_a_delegation_that_discussed_cooperation_with_a_countrys_leaders_met_them():
    text = (
        "A delegation of Vietnam's Ministry of Public Security led by Minister Le Van Binh "
        "discussed cooperation on security issues with Japan's police leaders on May 27.\n"
        "The two sides agreed to share information on wanted criminals.\n"
        "The Vietnamese delegation is on an official visit to Japan.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("JP", ["VN"])
    assert meeting["date"]["start"].endswith("-05-27")


def test_officials_of_a_demonym_met_are_that_countrys():
    text = (
        "Thai Police Commissioner General Somchai Ratanakul discussed cooperation on border "
        "issues with Lao security officials in Vientiane on 4 March 2024.\n"
        "Both sides pledged to exchange information.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("LA", ["TH"])


def test_a_police_commissioner_of_a_city_is_of_the_citys_country():
    text = (
        "Kenya's Interior Minister Peter Ouma received on Monday, Tom Walsh, Police "
        "Commissioner of the City of Chicago, and discussed ways of cooperation.\n"
        "Officers of the Chicago Police Department attended the meeting.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Tom Walsh"]["country"] == "US"
    assert (meeting["host"], meeting["guests"]) == ("KE", ["US"])


def test_an_envoy_received_is_a_meeting_not_a_visit_to_a_mission():
    text = (
        "The police chief of the capital played host to the Charge D’Affairs of the Embassy of "
        "Japan in Kenya, Mr. Kenji Sato, on Tuesday.\n"
        "They discussed the safety of Japanese nationals.\n"
    )
    assert of_kind(text, "embassy_visit") == []
    (meeting,) = meetings(text)
    assert "Kenji Sato" in people(meeting)


# --- a day told as done after the page's date -------------------------------------------------


def test_a_day_told_as_done_after_a_pages_clock_line_keeps_no_year_and_stays_held():
    text = (
        "Thứ hai, 02/10/2023 09:15 GMT+7\n\n"
        "Sáng 12/11, Đoàn cán bộ Công an tỉnh Luông Nặm Tha (Lào) do Đại tá Bun Khăm, Phó Giám "
        "đốc Công an tỉnh làm trưởng đoàn đã bắt đầu chuyến thăm, làm việc tại Việt Nam.\n"
    )
    (visit,) = of_kind(text, "visit")
    assert visit.get("status", "held") == "held"
    assert visit["date"]["start"] == "????-11-12"


def test_a_day_after_the_pages_date_without_a_past_verb_is_still_planned():
    text = (
        "Thứ hai, 02/10/2023 09:15 GMT+7\n\n"
        "Ngày 12/11, Đoàn cán bộ Công an tỉnh Luông Nặm Tha (Lào) do Đại tá Bun Khăm, Phó Giám "
        "đốc Công an tỉnh làm trưởng đoàn sẽ sang thăm, làm việc tại Việt Nam.\n"
    )
    assert all(r.get("status") == "planned" for r in records(text))


# --- two agencies as the subjects ---------------------------------------------------------------


def test_a_countrys_police_service_and_an_embassy_that_held_discussions_met():
    text = (
        "The Kenya Police Service and the Japanese Embassy have held bilateral discussions on "
        "the safety of Japanese nationals in Nairobi.\n"
        "The Japanese Ambassador, Mr. Kenji Sato, thanked the police for their support.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("KE", ["JP"])
    assert meeting["place"]["city"] == "Nairobi"


def test_a_police_force_and_a_high_commission_that_held_talks_met():
    text = (
        "The Nigeria Police Force and the British High Commission held talks on Tuesday in "
        "Abuja on cybercrime.\n"
    )
    (meeting,) = meetings(text)
    assert {meeting["host"], *meeting["guests"]} == {"NG", "GB"}


def test_two_agencies_of_one_country_that_held_talks_are_no_bilateral_meeting():
    text = (
        "The Kenya Police Service and the Kenya Wildlife Service held talks in Nairobi on "
        "poaching.\n"
    )
    assert meetings(text) == []


# --- an envoy's call on a police chief named by office --------------------------------------


def test_an_envoy_and_a_police_chief_told_again_by_title_are_of_two_countries():
    text = (
        "The Canadian High Commission has pledged equipment to the Ghana Police Service.\n"
        "During a courtesy call on the police chief of the country, Inspector-General Kwame "
        "Mensah, in Kumasi last week, Canada's envoy, High Commissioner Anne Grey, offered "
        "training.\n"
        "The High Commissioner, the IGP and other senior officers had held a meeting to discuss "
        "bilateral co-operation.\n"
    )
    (meeting,) = meetings(text, url="https://www.example.com.gh/news/canada-police.html")
    assert (meeting["host"], meeting["guests"]) == ("GH", ["CA"])
    assert people(meeting)["Kwame Mensah"]["role"] == "host"


def test_a_courtesy_call_told_at_the_sentences_opening_is_the_callers_meeting():
    text = (
        "During a courtesy call on Vietnam's Deputy Minister of Public Security Le Van Binh in "
        "Hanoi on Monday, the Canadian Ambassador, Ms Anne Grey, pledged support for training.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Le Van Binh"]["role"] == "host" and who["Anne Grey"]["role"] == "guest"
    assert "lead-inferred" not in {f["code"] for f in meeting["x-review"]["flags"]}


def test_a_country_written_with_and_where_its_standard_name_has_an_ampersand():
    text = (
        "Commissioner of Police, John Baptiste, met today with British High Commissioner to "
        "Trinidad and Tobago, Jane Hill, at the High Commission's offices.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["John Baptiste"]["country"] == "TT"
    assert {meeting["host"], *meeting["guests"]} == {"GB", "TT"}


def test_a_name_after_an_honorific_keeps_the_office_and_country_written_after_it():
    text = (
        "Dr Samuel Kamara, the Inspector-General of Police (IGP) of Liberia, called on his "
        "host, IGP Dr Kofi Mensah, in Kumasi on 3 May 2022.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Samuel Kamara"]["country"] == "LR" and who["Samuel Kamara"]["role"] == "guest"
    assert who["Kofi Mensah"]["role"] == "host"


# --- Vietnamese: a session someone had ----------------------------------------------------------


def test_a_courtesy_reception_told_as_a_session_someone_had_is_a_meeting():
    text = (
        "Sáng 12/3, tại Hà Nội đã diễn ra Đối thoại An ninh Việt Nam - Nhật Bản lần thứ 9.\n"
        "Chiều cùng ngày, Thứ trưởng Trần Văn Bình đã có buổi tiếp xã giao ông Kenji Sato, Đại sứ "
        "Nhật Bản tại Việt Nam.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Trần Văn Bình"]["role"] == "host" and who["Kenji Sato"]["role"] == "guest"
    assert "lead-inferred" not in {f["code"] for f in meeting["x-review"]["flags"]}


def test_a_courtesy_call_told_as_a_session_the_envoy_had_is_a_meeting():
    text = (
        "Sáng 12/3, tại Hà Nội đã diễn ra Đối thoại An ninh Việt Nam - Nhật Bản lần thứ 9.\n"
        "Chiều cùng ngày, ông Kenji Sato, Đại sứ Nhật Bản tại Việt Nam đã có buổi chào xã giao "
        "Thứ trưởng Bộ Công an Trần Văn Bình.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Kenji Sato"]["role"] == "guest"
    assert (meeting["host"], meeting["guests"]) == ("VN", ["JP"])


def test_at_the_reception_with_no_one_after_it_is_no_new_meeting():
    text = (
        "Sáng 12/3, Thứ trưởng Trần Văn Bình đã tiếp ông Kenji Sato, Đại sứ Nhật Bản.\n"
        "Tại buổi tiếp, Thứ trưởng Trần Văn Bình cảm ơn ông Kenji Sato.\n"
    )
    assert len(meetings(text)) == 1


# --- background ---------------------------------------------------------------------------------


def test_talks_dated_only_by_last_year_are_background_even_early_in_the_new_year():
    text = (
        "Interior Minister Karim Haddad of Kenya received Japan's Police Commissioner Kenji Sato "
        "in Nairobi on Monday, 4 March 2024.\n"
        "On the sidelines of a police conference in Vienna last year, Haddad held talks with "
        "Austria's Interior Minister Paul Brenner.\n"
    )
    found = records(text, published=date(2024, 3, 5))
    held = [r for r in found if "context-mention" not in flags(r)]
    assert [r["guests"] for r in held] == [["JP"]]


# --- more English shapes: calls, lists, rounds ------------------------------------------------


def test_a_phone_conversation_with_its_day_before_whom_it_was_with_is_a_meeting():
    text = (
        "Kenya's Interior Minister Peter Ouma held a phone conversation on Thursday with UK Home "
        "Secretary, Jane Hill, to discuss organised crime.\n"
    )
    (meeting,) = meetings(text)
    assert {"Peter Ouma", "Jane Hill"} <= set(people(meeting))


def test_officials_listed_after_including_are_each_met():
    text = (
        "On his trip to the United States, Union Home Minister Ravi Kumar met senior federal "
        "officials including Border Secretary Anna Lee, Attorney General Mark Stone and FBI "
        "Director Paul Ward.\n"
    )
    met = {n for m in meetings(text) for n in people(m)}
    assert {"Anna Lee", "Mark Stone", "Paul Ward"} <= met


def test_a_dialogue_numbered_by_its_round_and_its_next_round_are_two_sessions():
    text = (
        "On his trip to the United States, Union Home Minister Ravi Kumar headed India's team "
        "at the second round of the Border Protection Dialogue, with Secretary Anna Lee heading "
        "the American side.\n"
        "Kumar invited Secretary Lee to visit India in 2027 to co-chair the next round of the "
        "Dialogue.\n"
    )
    found = of_kind(text, "dialogue", published=date(2026, 5, 23))
    held = [d for d in found if d.get("status", "held") == "held"]
    assert len(held) == 1 and not held[0]["date"]["start"].startswith("2027")


def test_a_police_commissioner_of_a_city_named_before_the_name_is_of_that_city():
    text = (
        "On its second day, the delegation also met with the Police Commissioner of New York "
        "City Tom Walsh to discuss training.\n"
    )
    assert "Tom Walsh" in {n for m in meetings(text) for n in people(m)}


def test_a_delegation_of_a_ministry_named_without_country_is_the_sites_own_abroad():
    text = (
        "The delegation was headed by Major General Ali Hassan, Commander of Civil Defence at "
        "the Ministry of Interior.\n"
        "On its second day, the delegation also met with the Police Commissioner of New York "
        "City Tom Walsh to discuss training.\n"
    )
    url = "https://www.example.ae/en/uae/ministry-of-interior-delegation"
    (meeting,) = meetings(text, url=url)
    assert (meeting["host"], meeting["guests"]) == ("US", ["AE"])


def test_sessions_of_two_series_held_together_are_not_each_others_earlier_one():
    text = (
        "The twelfth meeting of the Japan-Korea Joint Working Group on Drugs and the third "
        "session of the Japan-Korea Maritime Policy Dialogue were held in Tokyo on 4 March 2026.\n"
    )
    found = of_kind(text, "dialogue", published=date(2026, 3, 6))
    assert len(found) == 2 and not any("context-mention" in flags(d) for d in found)


def test_the_head_of_a_delegation_of_a_countrys_ministry_named_with_of_is_of_that_country():
    text = (
        "A delegation of Kenya's Ministry of Interior led by General Ali Hassan visited Japan "
        "from 3 to 6 March 2026.\n"
    )
    (visit,) = of_kind(text, "visit")
    who = people(visit)
    assert who["Ali Hassan"]["country"] == "KE" and who["Ali Hassan"]["role"] == "delegation_head"
    assert (visit["host"], visit["guests"]) == ("JP", ["KE"])


def test_a_delegation_of_a_countrys_body_that_visited_is_that_countrys_trip_and_sessions():
    text = (
        "A delegation of Kenya's Ministry of Interior visited Japan from 3 to 6 March 2026.\n"
        "The delegation was headed by Major General Ali Hassan, Commander of Civil Defence.\n"
        "During the visit, the delegation met with Japan's National Police Agency Commissioner "
        "General Kenji Sato.\n"
    )
    (visit,) = of_kind(text, "visit")
    (meeting,) = meetings(text)
    assert (visit["host"], visit["guests"]) == ("JP", ["KE"])
    assert (meeting["host"], meeting["guests"]) == ("JP", ["KE"])
    assert people(visit)["Ali Hassan"]["role"] == "delegation_head"


def test_a_discussion_between_a_countrys_police_team_and_anothers_officers_is_a_meeting():
    text = (
        "There was a discussion between the Kenya Police Service team and Japanese National "
        "Police Agency officers in Tokyo on 4 March 2026.\n"
        "The two sides agreed to share information.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("JP", ["KE"])
    assert "lead-inferred" not in flags(meeting)


def test_a_meeting_held_between_two_countries_forces_is_a_meeting():
    text = (
        "A meeting was held between the Kenya Police Service and the Japanese National Police "
        "Agency in Tokyo on 4 March 2026.\n"
        "The two sides agreed to share information.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("JP", ["KE"])
    assert "lead-inferred" not in flags(meeting)


def test_whom_a_session_of_the_visit_met_is_not_one_of_the_trips_travellers():
    text = (
        "A delegation of Kenya's Ministry of Interior visited Japan from 3 to 6 March 2026.\n"
        "During the visit, the delegation met with Japan's National Police Agency Commissioner "
        "General Kenji Sato.\n"
    )
    (visit,) = of_kind(text, "visit")
    assert "Kenji Sato" not in {p["name"] for p in visit.get("participants", [])}
    (meeting,) = meetings(text)
    assert people(meeting)["Kenji Sato"]["role"] == "host"
