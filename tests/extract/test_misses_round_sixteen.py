"""Engagements the extractor did not draft, or drafted where nothing happened, on English pages
of many countries' outlets and agencies: the shapes of issue 11's sixteenth round (x-miss7).
Every text is written for these tests, in the genre's shapes, never a page's words."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import flags, kinds, names, people, records

# --- who travelled: an apposition with "a", the country's adjective and a lowercase title ------


def test_a_head_named_before_a_chilean_assistant_minister_in_lower_case_leads_the_trip():
    text = (
        "Pablo Rojas, a Chilean assistant minister of justice, led a delegation that arrived in "
        "Oslo on 4 May 2022.\n"
    )
    (trip,) = records(text)
    assert trip["kind"] == "visit" and trip["guests"] == ["CL"]
    assert people(trip)["Pablo Rojas"]["role"] == "delegation_head"


def test_the_same_apposition_makes_the_guest_of_a_meeting():
    text = (
        "Pablo Rojas, a Chilean assistant minister of justice, met Norwegian Police Director Kari "
        "Nordmann in Oslo on 4 May 2022.\n"
    )
    (meeting,) = records(text)
    assert meeting["host"] == "NO" and meeting["guests"] == ["CL"]
    assert people(meeting)["Pablo Rojas"]["role"] == "guest"


def test_a_national_in_apposition_is_still_no_title():
    text = "Pablo Rojas, a Chilean national, was questioned by the police in Oslo on 4 May 2022.\n"
    assert records(text) == []


# --- who made the calls: a Malay name is called by the word after the Prophet's name ---------


def test_mr_and_the_word_after_mohamad_is_the_police_chief_named_in_full():
    text = (
        "Inspector-General of Police Mohamad Rizal Osman of Malaysia arrived in Oslo on 4 May "
        "2022. Mr Rizal made a courtesy call on Norwegian Justice Minister Emilie Mehl.\n"
    )
    meeting = next(r for r in records(text) if r["kind"] == "meeting")
    assert "Mohamad Rizal Osman" in names(meeting)


def test_a_name_whose_second_word_is_two_peoples_is_still_each_ones_own():
    text = (
        "Minister Ahmad Rizal Osman received Ambassador Mohamad Hafiz Karim in Kuala Lumpur on 4 "
        "May 2022. Mr Osman said ties were good.\n"
    )
    (meeting,) = records(text)
    assert names(meeting) == {"Ahmad Rizal Osman", "Mohamad Hafiz Karim"}


# --- a courtesy call told by its noun, after what its receiver said ---------------------------


def test_the_courtesy_visit_of_a_commandant_is_a_meeting_he_is_the_guest_of():
    text = (
        "Both coast guards share a commitment to safety at sea, Norwegian Coast Guard chief Kari "
        "Nordmann said during the courtesy visit of Chilean Navy Commandant Pablo Rojas at the "
        "coast guard headquarters in Oslo on Saturday, May 4, 2022.\n"
    )
    (meeting,) = records(text)
    assert meeting["kind"] == "meeting" and meeting["host"] == "NO"
    assert people(meeting)["Pablo Rojas"]["role"] == "guest"
    assert people(meeting)["Kari Nordmann"]["role"] == "host"


def test_a_courtesy_call_by_an_envoy_told_as_a_noun_is_a_meeting_too():
    text = (
        "Ties were discussed by Norwegian Police Director Kari Nordmann at the courtesy call by "
        "Chilean Ambassador Pablo Rojas in Oslo on 4 May 2022.\n"
    )
    assert kinds(text) == ["meeting"]


# --- page dates: a US forum's stamp and a Japanese page's date line ---------------------------


def test_a_month_first_stamp_with_its_clock_gives_the_year_to_a_meeting_told_by_month_and_day():
    text = (
        "Home Security Forum\n"
        "Posted 08-02-2018, 10:34 AM\n\n"
        "07-30-2018 04:08 PM\n\n"
        "On July 30, Norwegian Justice Minister Kari Nordmann met with Chilean Interior Minister "
        "Pablo Rojas to discuss border security and joint investigations.\n"
    )
    (meeting,) = records(text)
    assert meeting["date"]["start"] == "2018-07-30"


def test_a_day_over_twelve_in_a_stamp_with_a_clock_is_still_read_day_first():
    text = (
        "21-10-2023 10:32 AM\n\n"
        "On Thursday, Norwegian Justice Minister Kari Nordmann met with Chilean Interior Minister "
        "Pablo Rojas in Oslo to discuss border security.\n"
    )
    (meeting,) = records(text)
    assert meeting["date"]["start"] == "2023-10-19"


def test_a_japanese_pages_date_line_with_its_section_word_dates_a_call_told_by_weekday():
    text = (
        "Coast guard officer pays courtesy call\n\n"
        "2025/5/18 英字\n\n"
        "A Norwegian coast guard officer, Captain Ola Nordmann, paid a courtesy call to the "
        "Chilean Navy headquarters in Valparaiso on Thursday.\n"
    )
    (meeting,) = records(text)
    assert meeting["date"]["start"] == "2025-05-15"


# --- what the story does not report: before it, or still to come ------------------------------


def test_a_sentence_opening_on_two_weeks_ago_tells_an_earlier_trip():
    text = (
        "2025/5/18\n\n"
        "A Norwegian coast guard officer, Captain Ola Nordmann, paid a courtesy call to the "
        "Chilean Navy Commandant Pablo Rojas in Valparaiso on Thursday.\n\n"
        "Two weeks ago, Norway's Prime Minister Jonas Store, with his coast guard chief, also "
        "visited the headquarters on the last day of his visit to Chile from April 29 to 30, "
        "2025.\n"
    )
    held = [r for r in records(text) if "context-mention" not in flags(r)]
    assert [r["kind"] for r in held] == ["meeting"]


def test_the_meeting_it_follows_up_does_not_date_the_meeting_reported():
    text = (
        "Norway's Justice Minister Kari Nordmann met Chilean Ambassador Pablo Rojas in Bergen on "
        "24 May 2023. She said the meeting was a follow-up to their meeting in Oslo on 3 May "
        "2023.\n"
    )
    dated = [r["date"]["start"] for r in records(text) if "context-mention" not in flags(r)]
    assert dated == ["2023-05-24"]


def test_during_this_visit_tells_the_earlier_trip_again_not_a_trip_of_its_own():
    text = (
        "Norway and Chile held their first security dialogue in Oslo on 7 January 2025. The "
        "dialogue follows the visit of Chile's President to Norway in August 2024. During this "
        "visit, Norway-Chile ties were raised to a strategic partnership.\n"
    )
    assert [r["kind"] for r in records(text) if "context-mention" not in flags(r)] == ["dialogue"]


def test_a_dialogue_the_name_of_which_comes_before_is_scheduled_to_take_place_is_planned():
    text = (
        "The Norway-Chile Security Dialogue between Justice Minister Kari Nordmann and her "
        "Chilean counterpart Pablo Rojas is scheduled to take place in Oslo on February 28.\n"
    )
    (dialogue,) = records(text)
    assert dialogue["status"] == "planned"


def test_two_sessions_named_before_will_take_place_are_both_planned():
    text = (
        "The 20th Meeting of the Norway-Chile Joint Working Group on Counterterrorism and the "
        "5th Norway-Chile Cyber Dialogue will take place early next year.\n"
    )
    assert {r["status"] for r in records(text)} == {"planned"}


def test_a_dialogue_that_agreed_the_next_round_will_take_place_was_held():
    text = (
        "The Norway-Chile Security Dialogue held in Oslo on 4 May 2022 agreed that the next "
        "round will take place in Santiago.\n"
    )
    dialogue = next(r for r in records(text) if r["date"]["start"] == "2022-05-04")
    assert dialogue.get("status", "held") == "held"


def test_a_dialogue_in_november_of_last_year_is_context():
    text = (
        "Norway and Chile will hold a security dialogue in Oslo on February 28. The third "
        "Norway-Chile Ministerial Dialogue in November of last year set its agenda.\n"
    )
    assert all(r.get("status") == "planned" or "context-mention" in flags(r) for r in records(text))


def test_meetings_during_a_trip_of_last_year_are_context_too():
    text = (
        "Norway and Chile will hold a security dialogue in Oslo on February 28. Chilean police "
        "chief Pablo Rojas met the heads of the Norwegian Police Service and of the National "
        "Criminal Investigation Service during a December visit to Norway last year.\n"
    )
    assert all(r.get("status") == "planned" or "context-mention" in flags(r) for r in records(text))


# --- where: an Indian outlet's dateline and the lead's "here"; a Malaysian island -------------


def test_a_dateline_of_city_month_day_and_colon_places_the_dialogue_the_lead_says_was_here():
    text = (
        "1st Norway-Chile Security Dialogue held\n\n"
        "Oslo, Mar 4: Norway and Chile on Tuesday held a security dialogue here, the foreign "
        "ministry said.\n\n"
        "The first Norway-Chile Security Dialogue was co-chaired by Norwegian State Secretary "
        "Kari Nordmann and Chilean Under Secretary Pablo Rojas, the ministry said.\n"
    )
    (dialogue,) = records(text, published=date(2025, 3, 5))
    assert dialogue["place"]["city"] == "Oslo"


def test_langkawi_is_a_malaysian_place():
    text = (
        "Malaysian Home Minister Ahmad Rizal Osman met Norwegian Ambassador Kari Nordmann in "
        "Langkawi on 24 May 2023.\n"
    )
    (meeting,) = records(text)
    assert meeting["place"] == {"city": "Langkawi", "country": "MY"}


# --- whose calls and whose premises: sides of a list of calls, a reception where one called ---


def test_calls_told_by_one_verb_share_the_host_one_of_them_has_and_the_caller_is_the_other_side():
    text = (
        "President Anna Berg conferred the Order of Merit on Sweden's national police chief "
        "yesterday.\n\nThe order was conferred on Commissioner of Police Mohamad Rizal Osman at "
        "the palace.\n\nBefore the ceremony, Mr Rizal made separate courtesy calls on Prime "
        "Minister Jonas Store, Justice Minister Emilie Mehl and Norway's Police Director Kari "
        "Nordmann.\n"
    )
    calls = records(text, url="https://www.example.com/news/1")
    assert len(calls) == 3
    assert {(r.get("host"), tuple(r.get("guests", []))) for r in calls} == {("NO", ("SE",))}


def test_calls_with_no_country_stated_anywhere_keep_their_own_sides():
    text = (
        "Police Director Kari Nordmann made courtesy calls on Prime Minister Jonas Store and "
        "Justice Minister Emilie Mehl in Oslo on 4 May 2022.\n"
    )
    assert all("guests" not in r or r["guests"] != [r.get("host")] for r in records(text))


def test_received_where_he_visited_is_the_same_call_on_the_premises():
    text = (
        "Bergen: Norwegian Justice Minister Kari Nordmann on Wednesday visited the headquarters "
        "of Chile's Investigations Police, where she was warmly received by its Director General "
        "Pablo Rojas.\n"
    )
    (meeting,) = records(text)
    assert meeting["host"] == "CL" and meeting["guests"] == ["NO"]


def test_a_one_word_city_and_a_colon_open_the_story_as_its_dateline_not_its_place():
    text = (
        "Oslo: Norway's Justice Minister Kari Nordmann on Wednesday visited the headquarters of "
        "Chile's Investigations Police, where she was received by its Director General Pablo "
        "Rojas.\n"
    )
    (meeting,) = records(text)
    assert meeting["place"]["country"] == "CL"


# --- a country's delegation as the subject; one meeting told first in general words -----------


def test_a_chinese_delegation_at_the_start_of_a_sentence_is_chinas():
    text = "A Chinese delegation met with the Norwegian Police Service in Oslo on 4 May 2022.\n"
    (meeting,) = records(text)
    assert meeting["host"] == "NO" and meeting["guests"] == ["CN"]


def test_the_delegations_meeting_told_first_is_the_named_meeting_told_after_it():
    text = (
        "A Chilean delegation met with the Norwegian Police Service on Tuesday to discuss "
        "cooperation.\n"
        "Norwegian Police Director Kari Nordmann met Chile's Deputy Interior Minister Pablo Rojas "
        "and his delegation at the police headquarters in Oslo.\n"
    )
    (meeting,) = records(text)
    assert names(meeting) == {"Kari Nordmann", "Pablo Rojas"}
    assert meeting["date"]["phrase"] == "on Tuesday"


def test_agencies_also_met_after_a_named_meeting_stay_meetings_of_their_own():
    text = (
        "Norwegian Police Director Kari Nordmann met Chile's Deputy Interior Minister Pablo Rojas "
        "in Oslo on 4 May 2022. The Chilean delegation also met the Norwegian Police Service and "
        "the National Criminal Investigation Service.\n"
    )
    assert len(records(text)) >= 2


def test_people_deterred_from_visiting_a_country_make_no_trip():
    text = (
        "Norwegian Police Director Kari Nordmann met Chilean Deputy Interior Minister Pablo Rojas "
        "in Oslo on 4 May 2022. Rojas said scams had deterred many people from visiting Norway.\n"
    )
    assert kinds(text) == ["meeting"]


# --- an embassy's staff calling on the country it is in; a day told as "last" ----------------


def test_an_embassys_staff_meeting_an_official_of_the_country_it_is_in_are_its_guests():
    text = (
        "Representatives of the Chilean Embassy in Norway recently met with Police General Kari "
        "Nordmann, Inspector-General of the Norwegian Police Service, to thank her for finding "
        "a missing student.\n"
    )
    (meeting,) = records(text)
    assert meeting["host"] == "NO" and meeting["guests"] == ["CL"]
    assert meeting.get("place", {}).get("country") in (None, "NO")


def test_a_day_told_as_last_is_not_the_day_of_writing():
    text = (
        "Norway's Justice Minister Kari Nordmann met Chilean Ambassador Pablo Rojas in Bergen "
        "today. She said it followed their talks in Oslo last May 3. In 2014 the two countries "
        "signed a partnership.\n"
    )
    held = [r for r in records(text) if "context-mention" not in flags(r)]
    assert [r["date"]["start"] for r in held] != ["2014-05-03"]


# --- who sat at the table: the one an adviser serves; Malay honorifics without an apostrophe --


def test_the_prime_minister_an_adviser_serves_is_no_co_chair():
    text = (
        "The first Norway-Chile Security Dialogue was co-chaired by Kari Nordmann, National "
        "Security Adviser to Prime Minister Jonas Store, and Pablo Rojas, Director General of "
        "the National Security Council of Chile, in Oslo on 4 May 2022.\n"
    )
    (dialogue,) = records(text)
    assert names(dialogue) == {"Kari Nordmann", "Pablo Rojas"}


def test_a_representative_named_by_the_office_he_holds_still_takes_part():
    text = (
        "Norwegian Justice Minister Kari Nordmann met Special Representative of the "
        "Secretary-General Pablo Rojas in Oslo on 4 May 2022.\n"
    )
    (meeting,) = records(text)
    assert "Pablo Rojas" in names(meeting)


def test_dato_written_without_its_apostrophe_is_an_honorific_not_a_name():
    text = (
        "The dialogue was co-chaired by Kari Nordmann, Director of the Norwegian Police "
        "Service, and Raja Dato Hafiz Bin Zainal Karim, Director General of the National "
        "Security Council of Malaysia, in Oslo on 4 May 2022.\n"
    )
    (dialogue,) = records(text)
    assert "Hafiz Bin Zainal Karim" in names(dialogue)


# --- the genre's verbs of a session the meet verbs lacked -------------------------------------


def test_an_audience_granted_to_an_envoy_is_a_meeting():
    text = (
        "Norwegian Justice Minister Kari Nordmann granted an audience to Chilean Ambassador Pablo "
        "Rojas in Oslo on 4 May 2022.\n"
    )
    (meeting,) = records(text)
    assert meeting["host"] == "NO" and names(meeting) == {"Kari Nordmann", "Pablo Rojas"}


def test_a_visit_paid_to_a_police_director_is_a_call_not_a_trip():
    text = (
        "Chilean Ambassador Pablo Rojas paid a visit to Norwegian Police Director Kari Nordmann "
        "at her office in Oslo on 4 May 2022.\n"
    )
    assert kinds(text) == ["meeting"]


def test_a_visit_paid_to_a_country_is_still_a_trip():
    text = "Chilean Minister Pablo Rojas paid a visit to Norway from 4 to 6 May 2022.\n"
    assert kinds(text) == ["visit"]


def test_conferred_with_is_a_meeting():
    text = (
        "Norwegian Police Director Kari Nordmann conferred with Chilean Police General Pablo "
        "Rojas in Oslo on 4 May 2022.\n"
    )
    assert kinds(text) == ["meeting"]


def test_a_video_conference_had_with_a_counterpart_is_a_meeting_not_a_dialogue():
    text = (
        "Norwegian Police Director Kari Nordmann had a video conference with Chilean Police "
        "General Pablo Rojas on 4 May 2022.\n"
    )
    assert kinds(text) == ["meeting"]


def test_a_possessive_and_a_lowercase_office_after_a_name_make_a_person():
    text = (
        "Kari Nordmann, Norway's police director, met Chilean Ambassador Pablo Rojas at the "
        "police headquarters in Oslo on 4 May 2022.\n"
    )
    (meeting,) = records(text)
    assert "Kari Nordmann" in names(meeting)


def test_a_visit_received_from_an_envoy_is_a_reception_not_a_trip():
    text = (
        "Norwegian Police Director Kari Nordmann received a visit from Chilean Ambassador Pablo "
        "Rojas in Oslo on 4 May 2022.\n"
    )
    (meeting,) = records(text)
    assert meeting["kind"] == "meeting" and meeting["host"] == "NO"
    assert people(meeting)["Kari Nordmann"]["role"] == "host"


def test_a_working_visit_accepted_from_a_delegation_is_a_reception_too():
    text = (
        "Norwegian Police Director Kari Nordmann accepted a working visit from a Chilean police "
        "delegation led by General Pablo Rojas in Oslo on 4 May 2022.\n"
    )
    assert [r["kind"] for r in records(text)] == ["meeting"]


def test_agencies_agreeing_during_a_meeting_between_their_chiefs_tell_that_one_meeting():
    text = (
        "The Norwegian Police Service and Chile's Carabineros agreed to boost cooperation during "
        "a meeting between Police Director Kari Nordmann and General Director Pablo Rojas in "
        "Oslo on 4 May 2022.\n"
    )
    (meeting,) = records(text)
    assert names(meeting) == {"Kari Nordmann", "Pablo Rojas"}


# --- a wire's retold session: "In the meeting held on Tuesday at … in CITY, …" ---------------


def test_the_meeting_held_retold_by_its_noun_dates_and_places_it_not_the_day_it_was_told():
    text = (
        "OSLO, May 4 (AFP) -- Norway's police chief has met the head of Japan's National Police "
        "Agency and discussed drug trafficking, the police here said Wednesday.\n"
        "In the meeting held on Tuesday at the agency's headquarters in Tokyo, Police Director "
        "Kari Nordmann and Commissioner General Taro Yamada also discussed training.\n"
    )
    (meeting,) = records(text, published=date(2022, 5, 4))
    assert meeting["date"]["start"] == "2022-05-03"
    assert meeting["place"] == {"city": "Tokyo", "country": "JP"}


def test_the_police_here_said_is_where_the_speaker_is_not_the_meeting():
    text = (
        "OSLO, May 4 (AFP) -- Norway's police chief Kari Nordmann has met Chile's Carabineros "
        "chief Pablo Rojas in Santiago, the police here said Wednesday.\n"
    )
    (meeting,) = records(text)
    assert meeting.get("place", {}).get("city") != "Oslo"


# --- who was not at the call: a past trip's traveller in the same sentence; an attache -------


def test_the_traveller_of_a_past_trip_named_in_the_calls_sentence_is_not_at_the_call():
    text = (
        "Weeks after the official visit of Norwegian Prime Minister Jonas Store to the country, "
        "Captain Ola Nordmann of the Norwegian Coast Guard Academy paid a courtesy call on "
        "Chilean Navy Commandant Pablo Rojas in Valparaiso on Thursday, 5 May 2022.\n"
    )
    meeting = next(r for r in records(text) if r["kind"] == "meeting")
    assert "Jonas Store" not in names(meeting)


def test_an_attache_written_without_its_accent_is_a_title_not_a_person():
    text = (
        "Chilean Captain Pablo Rojas, accompanied by Commander Luis Soto, First Secretary and "
        "Coast Guard Attache of the Embassy of Chile in Norway, paid a courtesy call on Norwegian "
        "Coast Guard chief Kari Nordmann in Oslo on 4 May 2022.\n"
    )
    (meeting,) = records(text)
    assert "Attache" not in names(meeting)


def test_a_call_told_on_the_occasion_of_a_dated_reception_takes_its_day():
    text = (
        "Oslo (NTB) - Deputy Justice Minister Ola Nordmann received Chilean Police General Pablo "
        "Rojas in Oslo on 8 July 2022. On the occasion, Rojas also paid a courtesy call to "
        "Justice Minister Kari Nordmann.\n"
    )
    dates = {r["date"]["start"] for r in records(text)}
    assert dates == {"2022-07-08"}
