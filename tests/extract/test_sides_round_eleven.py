"""Who met whom: the shapes of issue 11's eleventh round (texts written for these tests, in the
genre's shapes, never a page's words)."""

from __future__ import annotations

from tests.extract.drafts import meetings, people, records

# --- an envoy lives where they are posted ---------------------------------------------------


def test_an_ambassadors_call_is_no_session_of_a_trip_to_the_ambassadors_country():
    text = (
        "KARACHI - Interior Minister Aamir Latif on Thursday in a meeting with Canadian "
        "Ambassador Paul Girard here at his office discussed border management.\n\n"
        "The minister said that during his recent trip to Canada he had seen the work of "
        "the Royal Canadian Mounted Police in Ottawa.\n"
    )
    (meeting,) = meetings(text, url="https://www.dawn.com.pk/news/2024/05/interior-minister")
    assert (meeting["host"], meeting["guests"]) == ("PK", ["CA"])
    assert meeting["place"]["country"] == "PK"
    assert "part_of" not in meeting
    who = people(meeting)
    assert who["Paul Girard"]["role"] == "guest" and who["Aamir Latif"]["role"] == "host"


def test_a_later_sentence_dated_otherwise_does_not_place_the_call():
    text = (
        "ISLAMABAD - Acting British High Commissioner Jane Porter called on Interior Minister "
        "Aamir Latif on Monday to discuss visa fraud.\n\n"
        "Earlier this month, the minister held meetings with Home Office officials in London "
        "on the return of convicts.\n"
    )
    (meeting, *_) = meetings(text, url="https://www.dawn.com.pk/news/2024/05/interior-minister")
    assert (meeting["host"], meeting["guests"]) == ("PK", ["GB"])
    assert meeting["place"]["country"] == "PK"


# --- the dateline ---------------------------------------------------------------------------


def test_a_dateline_with_a_slashed_agency_tag_places_a_visit_to_that_countrys_agency():
    text = (
        "Ministers agree to fight smuggling\n\n"
        "DOHA, JUNE 9 /PNS/ – Federal Interior Minister Aamir Latif visited the Ministry of "
        "Interior of Qatar, where he held a long meeting with Qatar's Interior Minister, "
        "Khalid bin Nasser Al Thani. Both sides talked about drug smuggling and police "
        "training.\n"
    )
    (meeting,) = meetings(text, url="https://www.dawn.com.pk/news/2024/06/qatar")
    assert (meeting["host"], meeting["guests"]) == ("QA", ["PK"])
    assert meeting["place"] == {"city": "Doha", "country": "QA"}
    who = people(meeting)
    assert who["Aamir Latif"]["role"] == "guest"
    assert any(n.startswith("Khalid bin Nasser") for n in who)


def test_a_title_case_dateline_with_a_long_dash_is_the_story_s_dateline():
    text = (
        "Police chiefs meet\n\n"
        "Nairobi — Kenya's Inspector General of Police Paul Otieno on Tuesday received the "
        "Ugandan police chief, Moses Okello, at Vigilance House to discuss cattle rustling "
        "along the border.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("KE", ["UG"])
    assert meeting["place"]["city"] == "Nairobi"


# --- names and titles -----------------------------------------------------------------------


def test_a_name_closed_by_a_suffix_is_later_called_by_its_family_name():
    text = (
        "The Kuwait Police met the Philippine Bureau of Immigration on Sunday.\n\n"
        "A video showed the talks of Major General Fahad Al Mutairi, head of the Kuwait Police "
        "with Mr. Ramon Tolentino Jr., Commissioner of the Bureau of Immigration.\n\n"
        "During his visit to Kuwait, Tolentino also met with Sheikh Talal Al Sabah, Minister of "
        "the Interior of Kuwait, to discuss the return of overstaying workers.\n"
    )
    *_, meeting = meetings(text)
    who = people(meeting)
    assert who["Ramon Tolentino Jr"]["country"] == "PH"
    assert who["Ramon Tolentino Jr"]["role"] == "guest"
    assert who["Talal Al Sabah"]["role"] == "host"
    assert (meeting["host"], meeting["guests"]) == ("KW", ["PH"])


def test_a_title_in_apposition_ends_before_with():
    text = (
        "A video showed the talks of Major General Fahad Al Mutairi, head of the Kuwait Police "
        "with Mr. Ramon Tolentino, Commissioner of the Bureau of Immigration, on 3 May 2023.\n"
    )
    titles = {p["name"]: p.get("title", "") for r in records(text) for p in r["participants"]}
    assert all("with" not in t for t in titles.values())


def test_a_british_high_commissioner_is_an_envoy_whose_host_is_the_country_posted_to():
    text = (
        "ISLAMABAD - Acting British High Commissioner Jane Porter called on Interior Minister "
        "Aamir Latif on Monday to discuss visa fraud.\n"
    )
    (meeting,) = meetings(text, url="https://www.dawn.com.pk/news/2024/05/interior-minister")
    who = people(meeting)
    assert who["Aamir Latif"]["country"] == "PK" and who["Aamir Latif"]["role"] == "host"
    assert who["Jane Porter"]["role"] == "guest"
    assert meeting["place"] == {"city": "Islamabad", "country": "PK"}


# --- video calls, unnamed subjects, several envoys at once -----------------------------------


def test_an_online_meeting_is_hosted_by_the_side_that_reports_it():
    text = (
        "Police ministers talk online\n\n"
        "MPS - General Tran Minh Duc, Minister of Public Security, had an online meeting with "
        "Mr. Sato Hiroshi, Chairman of the National Public Safety Commission of Japan, on "
        "March 3, 2022.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["JP"])
    who = people(meeting)
    assert who["Tran Minh Duc"]["role"] == "host" and who["Sato Hiroshi"]["role"] == "guest"


def test_a_phone_call_still_has_no_host():
    text = (
        "General Tran Minh Duc, Minister of Public Security, spoke by phone with Mr. Sato "
        "Hiroshi, Chairman of the National Public Safety Commission of Japan, on March 3, 2022.\n"
    )
    (call,) = meetings(text)
    assert "host" not in call


def test_a_pronoun_subject_after_a_demonym_is_that_countrys_side():
    text = (
        "The New Zealand minister arrived on Monday. He met Fijian police commissioner Ravi "
        "Naidu at the national police headquarters and discussed drug trafficking in the "
        "Pacific on 2 May 2023.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("FJ", ["NZ"])
    assert people(meeting)["Ravi Naidu"]["role"] == "host"


def test_the_ambassadors_of_several_countries_received_together_are_one_meeting_each():
    text = (
        "Kuala Lumpur, May 12 - Home Minister Anwar Hashim on Tuesday received the ambassadors "
        "of Japan, South Korea and Australia at his office to discuss online scams.\n"
    )
    found = meetings(text)
    assert sorted(g for m in found for g in m["guests"]) == ["AU", "JP", "KR"]
    assert {m["host"] for m in found} == {"MY"}
    assert all(people(m)["Anwar Hashim"]["country"] == "MY" for m in found)


# --- sides spoken for, receivers named by office ---------------------------------------------


def test_an_agency_represented_by_its_officer_is_one_side_with_that_officer():
    text = (
        "JAKARTA, Aug 3 (Antara) -- The Royal Malaysia Police, represented by its Deputy "
        "Inspector-General Hamid Osman, met the Indonesian National Police, represented by "
        "Deputy Chief Agus Santoso, in Jakarta on Tuesday to discuss border crime.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("ID", ["MY"])
    who = people(meeting)
    assert who["Hamid Osman"]["country"] == "MY" and who["Hamid Osman"]["role"] == "guest"
    assert who["Agus Santoso"]["country"] == "ID" and who["Agus Santoso"]["role"] == "host"


def test_receivers_named_by_office_alone_receive_in_the_datelines_city():
    text = (
        "Delegation received\n\n"
        "MANILA, Sept 4 (PNA) -- Interior Secretary Jose Reyes and police chief Ramon Cruz on "
        "Wednesday received a Vietnamese police delegation led by Deputy Minister Tran Van Son "
        "at the department.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("PH", ["VN"])
    assert meeting["place"] == {"city": "Manila", "country": "PH"}
    assert people(meeting)["Jose Reyes"]["country"] == "PH"


def test_a_correspondents_city_is_not_where_a_meeting_abroad_took_place():
    text = (
        "SEOUL, April 5 (Yonhap) -- South Korea's police chief Kim Min-soo met with FBI "
        "Director John Hale at the FBI headquarters in Washington on Tuesday, the police said.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["country"] == "US"
    assert (meeting["host"], meeting["guests"]) == ("US", ["KR"])


# --- names the people finder lost -------------------------------------------------------------


def test_a_one_word_name_after_its_title_is_a_person_of_the_outlets_side():
    text = (
        "Coordinating Minister Sutrisno met with New Zealand Police Minister Mark Fraser in "
        "Jakarta on Monday, 4 March 2024, to discuss counter-terrorism.\n"
    )
    (meeting,) = meetings(text, url="https://www.antaranews.co.id/berita/123")
    who = people(meeting)
    assert who["Sutrisno"]["country"] == "ID" and who["Sutrisno"]["role"] == "host"
    assert (meeting["host"], meeting["guests"]) == ("ID", ["NZ"])


def test_the_last_word_of_a_title_s_body_is_no_one_word_name():
    text = (
        "In Lagos on Tuesday, the Inspector-General of Police, Ade Bello, welcomed a Spanish "
        "delegation headed by Jorge Ruiz, Director of International Cooperation.\n"
    )
    names = {p["name"] for m in meetings(text) for p in m["participants"]}
    assert "Cooperation" not in names


def test_a_line_of_fathers_keeps_its_ruling_family_and_its_country():
    text = (
        "DOHA, JUNE 9 /PNS/ – Interior Minister Aamir Latif held talks with Qatar's Minister of "
        "State, Sheikh Hamad bin Jassim bin Hamad Al Thani, on drug smuggling.\n"
    )
    (meeting,) = meetings(text, url="https://www.dawn.com.pk/news/2024/06/qatar")
    who = people(meeting)
    assert who["Hamad bin Jassim bin Hamad Al Thani"]["country"] == "QA"


def test_pakistans_secretary_interior_is_a_title_not_part_of_the_name():
    text = (
        "ISLAMABAD - Interior Minister Aamir Latif on Monday met Turkish Ambassador Mehmet "
        "Kaya. Federal Secretary Interior Tariq Mahmood was also present.\n"
    )
    names = {p["name"] for m in meetings(text) for p in m["participants"]}
    assert "Interior Tariq Mahmood" not in names


def test_ministers_of_several_countries_met_separately_in_a_semicolon_list_are_one_meeting_each():
    text = (
        "ABU DHABI, (WAM) -- Sheikh Saif bin Zayed al Nahyan, Minister of Interior, met on "
        "Monday with Zambia’s Cabinet Secretary for Home Affairs & Internal Security, Dr Peter "
        "Banda; and the Guinean Minister of Security and Civil Protection, Sekou Conde, in "
        "separate meetings in Abu Dhabi on 22 February 2021.\n"
    )
    found = meetings(text)
    assert sorted(g for m in found for g in m["guests"]) == ["GN", "ZM"]
    assert all(m["host"] == "AE" for m in found)
    names = {p["name"] for m in found for p in m["participants"]}
    assert {"Saif bin Zayed al Nahyan", "Peter Banda", "Sekou Conde"} <= names


def test_those_present_told_between_the_verb_and_whom_it_met_are_not_the_one_met():
    text = (
        "KHARTOUM, June 3 (SUNA) - Interior Minister Osman Idris met, in the presence of the "
        "Director General of Police Forces, General Hamid Yousif, with the Deputy Director "
        "General of the Turkish National Police, Kemal Aydin, and his delegation on Monday.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Kemal Aydin"]["country"] == "TR" and who["Kemal Aydin"]["role"] != "host"
    assert "TR" in meeting["guests"]


def test_a_person_in_a_later_sentence_dated_another_time_takes_no_part():
    text = (
        "Jakarta. Security Minister Sutrisno met with Australian Home Affairs Minister Mark "
        "Fraser in Jakarta on Monday (04/03).\n\n"
        "The two ministers discussed terrorism financing.\n\n"
        "In July 2017, Australian Prime Minister John Miller announced a new home affairs "
        "portfolio.\n"
    )
    (meeting, *_) = meetings(text, url="https://www.antaranews.co.id/berita/123")
    assert "John Miller" not in people(meeting)
