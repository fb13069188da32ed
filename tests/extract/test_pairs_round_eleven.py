"""English pages about engagements between two countries neither of which is Vietnam: the shapes
of issue 11's eleventh round (texts written for these tests, in the genre's shapes, never a
page's words)."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import flags, of_kind, people

# --- who: names, titles and their countries -------------------------------------------------


def test_a_name_then_a_countrys_portfolio_and_a_second_office_is_the_one_met():
    text = (
        "BANGKOK, March 3 (Agency) -- Thai Deputy Prime Minister Anan Suksan met with Li Wenbo, "
        "China's Narcotics Minister and Member of the State Drug Board of China, on Tuesday in "
        "Bangkok.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    who = people(meeting)
    assert who["Li Wenbo"]["country"] == "CN" and who["Li Wenbo"]["role"] == "guest"
    assert (meeting["host"], meeting["guests"]) == ("TH", ["CN"])


def test_a_state_councilor_named_by_the_countrys_adjective_is_of_that_country():
    text = (
        "Chinese State Councilor and Minister of Public Security Zhou Ming met with Kenya's "
        "Interior Minister, Peter Ouma, in Beijing on Monday, 4 March 2024.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    who = people(meeting)
    assert who["Zhou Ming"]["country"] == "CN" and who["Zhou Ming"]["role"] == "host"
    assert who["Peter Ouma"]["country"] == "KE"


def test_the_holders_of_one_office_of_two_countries_are_named_in_the_countries_order():
    text = (
        "Interior ministers of Kyrgyzstan and Kazakhstan, Almaz Bekov and Yerlan Saduov, held "
        "talks in Bishkek on 4 March 2024 on joint patrols along the border.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    who = people(meeting)
    assert who["Almaz Bekov"]["country"] == "KG" and who["Yerlan Saduov"]["country"] == "KZ"
    assert (meeting["host"], meeting["guests"]) == ("KG", ["KZ"])
    assert meeting["date"]["start"] == "2024-03-04"


def test_the_head_of_a_delegation_of_a_countrys_ministry_is_of_that_country():
    text = (
        "A delegation of Tajikistan Internal Affairs Ministry, led by Minister Rustam Davlatov, "
        "held a meeting in Samarkand on 2 May 2023 with Uzbek police chiefs.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert people(meeting)["Rustam Davlatov"]["country"] == "TJ"
    assert meeting["place"]["city"] == "Samarkand" and meeting["place"]["country"] == "UZ"


def test_a_minister_leading_a_countrys_delegation_is_of_that_country():
    text = (
        "Home Minister Rahim Uddin, now in Nepal on an official visit leading a ten-member "
        "Bangladesh delegation, met Nepal's Home Minister Ram Thapa in Kathmandu on 3 June 2022.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert people(meeting)["Rahim Uddin"]["country"] == "BD"
    assert (meeting["host"], meeting["guests"]) == ("NP", ["BD"])


def test_shri_is_an_honorific_not_part_of_the_name():
    text = (
        "Home Minister of Bhutan, Mr. Dorji Wangchuk, called on Union Minister for Home Affairs, "
        "Shri Rakesh Verma, in New Delhi on 3 March 2021.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert "Rakesh Verma" in people(meeting)


# --- where and who hosts ----------------------------------------------------------------------


def test_the_city_where_a_receiver_received_the_guests_says_who_hosted():
    text = (
        "The Ghana Police Service has reviewed its partnership with the United States Federal "
        "Bureau of Investigation (FBI), as the Inspector-General of Police, IGP Kofi Mensah, "
        "received senior U.S. officials at the Police Headquarters in Accra.\n\n"
        "The U.S. delegation was led by Ms. Jane Doe, Deputy Director of the FBI.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert (meeting["host"], meeting["guests"]) == ("GH", ["US"])
    assert meeting["place"]["city"] == "Accra" and meeting["place"]["country"] == "GH"
    assert people(meeting)["Kofi Mensah"]["role"] == "host"


def test_the_official_called_on_without_a_country_is_the_sites_own_side():
    text = (
        "LAHORE - The Australian High Commissioner to Pakistan, Neil Hawkins, on Monday called "
        "on Interior Minister Tariq Aziz and discussed cooperation against terrorism.\n"
    )
    (meeting,) = of_kind(text, "meeting", url="https://www.examplenews.com.pk/03-Mar-2024/x")
    assert (meeting["host"], meeting["guests"]) == ("PK", ["AU"])
    assert people(meeting)["Tariq Aziz"]["country"] == "PK"


def test_a_meeting_during_one_sides_official_visit_is_hosted_by_the_other_side():
    text = (
        "MANAMA, Feb 3 (Agency) -- Bahraini Interior Minister Sheikh Khalid bin Ali Al Khalifa "
        "discussed Tuesday with Qatari Minister of Interior Sheikh Abdullah bin Hamad Al Thani "
        "ways to widen cooperation.\n"
        "The ministry said that this came during the meeting of the two ministers as part of the "
        "Qatari minister's official visit to the country.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert (meeting["host"], meeting["guests"]) == ("BH", ["QA"])


# --- which engagements ------------------------------------------------------------------------


def test_two_subjects_each_in_apposition_then_during_a_meeting_is_their_meeting():
    text = (
        "Bogotá, 4 May The Director-General of the Spanish Civil Guard, Ana López, and the "
        "Colombian Minister of Defense, Carlos Ruiz, agreed on Tuesday to widen their work "
        "against drug trafficking during a meeting in Bogotá.\n"
    )
    (meeting,) = of_kind(text, "meeting", published=date(2022, 5, 5))
    who = people(meeting)
    assert who["Ana López"]["country"] == "ES" and who["Carlos Ruiz"]["country"] == "CO"
    assert (meeting["host"], meeting["guests"]) == ("CO", ["ES"])


def test_officials_of_two_countries_holding_another_meeting_is_a_second_meeting():
    text = (
        "A bilateral meeting was held between Bangladesh and Nepal on border security at "
        "Kathmandu on 3 June 2022. Earlier, senior officials of Bangladesh and Nepal held another "
        "meeting at the level of secretaries.\n"
    )
    found = of_kind(text, "meeting")
    assert len(found) == 2
    assert all({m["host"], *m["guests"]} == {"BD", "NP"} for m in found)


def test_a_trip_told_as_so_many_years_ago_is_context():
    text = (
        "Interior ministers of Kyrgyzstan and Kazakhstan, Almaz Bekov and Yerlan Saduov, held "
        "talks in Bishkek on 4 March 2024. The Kazakh minister last visited Kyrgyzstan twelve "
        "years ago.\n"
    )
    (trip,) = of_kind(text, "visit")
    assert "context-mention" in flags(trip)


def test_an_invited_trip_is_never_held_and_one_a_speaker_is_going_to_make_is_planned():
    invited = (
        "Today in Moscow the Russian Minister of Internal Affairs, Ivan Petrov, met the Minister "
        "of the Interior of the Republic of Serbia, Marko Ilic. Ilic repeated the invitation of "
        "the Serbian side to the Russian ministry's leaders to visit Belgrade next spring.\n"
    )
    # an invitation is no engagement until it has a date: no trip, or one only planned
    assert all(t.get("status") == "planned" for t in of_kind(invited, "visit"))
    assert of_kind(invited, "meeting")
    going = (
        "Indonesian police chief General Sutarno met his Malaysian counterpart Inspector General "
        'Tan Sri Musa Ali in Jakarta on 13 February 2014. "I am going to visit Malaysia soon," '
        "Sutarno said.\n"
    )
    (trip,) = of_kind(going, "visit")
    assert trip["status"] == "planned"


def test_a_day_told_after_a_plan_does_not_date_the_trip_under_way():
    text = (
        "Home Minister Rahim Uddin, now in Nepal on an official visit leading a Bangladesh "
        "delegation, is scheduled to call on Prime Minister Ram Thapa tomorrow.\n"
    )
    (trip,) = of_kind(text, "visit", published=date(2022, 6, 3))
    assert trip.get("status", "held") == "held"
    assert trip["date"]["start"] != "2022-06-04"


def test_the_delegation_meeting_a_list_of_agencies_is_the_story_visitors_at_each():
    text = (
        "Home Minister of Bhutan, Mr. Dorji Wangchuk, called on Union Minister for Home Affairs, "
        "Shri Rakesh Verma, in New Delhi on 3 March 2021.\n\n"
        "The delegation also met DG, NIA, Director, NCB, and DG, CBI.\n"
    )
    found = of_kind(text, "meeting")
    assert len(found) == 4
    assert all((m["host"], m["guests"]) == ("IN", ["BT"]) for m in found)


def test_the_one_received_without_a_country_is_of_the_host_country():
    text = (
        "Home Minister of Bhutan, Mr. Dorji Wangchuk, called on Union Minister for Home Affairs, "
        "Shri Rakesh Verma, in New Delhi on 3 March 2021.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert people(meeting)["Rakesh Verma"]["country"] == "IN"


def test_a_committee_meeting_co_chaired_on_each_side_is_a_dialogue():
    text = (
        "Muscat: The meeting of the heads of the Joint Border Security Committee of Oman and "
        "Yemen was held on 4 May 2023 in Muscat.\n"
        "The meeting was co-chaired on the Omani side by Maj. Gen Salim bin Ali Al Hinai, "
        "Director of Operations, and on the Yemeni side by Dr. Ahmed Saleh Al Amri, Deputy "
        "Minister of Interior of Yemen.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    who = people(dialogue)
    assert who["Salim bin Ali Al Hinai"]["country"] == "OM"
    assert {p["role"] for p in dialogue["participants"]} == {"co_chair"}
    assert (dialogue["host"], dialogue["guests"]) == ("OM", ["YE"])


def test_a_published_stamp_with_an_unpadded_month_dates_the_page():
    text = (
        "Indonesian, Thai police agree to share data\n\n"
        "Source:Agency Published: 2015-3-5 10:20:31\n\n"
        "Indonesian national police chief General Budi Santoso met his Thai counterpart Police "
        "General Somchai Dee at the police headquarters in Jakarta on Thursday.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert meeting["date"]["start"] == "2015-03-05"


def test_the_members_a_received_delegation_included_take_part():
    text = (
        "The Inspector-General of Police, IGP Kofi Mensah, received senior U.S. officials at "
        "the Police Headquarters in Accra on 3 May 2021.\n\n"
        "The U.S. delegation was led by Ms. Jane Doe, Deputy Director of the FBI, and included "
        "Mr. John Roe, Senior Advisor, FBI, and Mr. Tom Poe, Legal Attaché of the FBI in Accra.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    who = people(meeting)
    assert {"Jane Doe", "John Roe", "Tom Poe"} <= set(who)
    assert who["John Roe"]["country"] == "US"
