"""English pages of bilateral police and interior engagements from many countries' outlets:
the shapes of issue 11's fifteenth round (x-en6). Every text is written for these tests, in the
genre's shapes, never a page's words."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import kinds, of_kind, people, records

# --- standing bodies of two countries: a council's or a working group's session is a dialogue --


def test_the_numbered_meeting_of_a_two_country_ministerial_council_is_a_dialogue():
    text = (
        "Norway's justice minister and her Chilean counterpart met in Oslo on 4 May 2022 for "
        "the third meeting of the Norway-Chile Ministerial Council on Law and Security.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["session"] == 3 and dialogue["date"]["start"] == "2022-05-04"


def test_a_regular_meeting_of_a_two_country_working_group_in_lowercase_is_a_dialogue():
    text = (
        "A regular meeting of the Norwegian-Chilean working group on border cooperation was "
        "held in Oslo on 4 May 2022.\n"
    )
    assert kinds(text) == ["dialogue"]


def test_a_working_group_yet_to_be_set_up_is_still_no_dialogue():
    text = "The two ministers agreed that a working group would be set up next year.\n"
    assert of_kind(text, "dialogue") == []


def test_a_numbered_joint_working_committee_meeting_of_two_countries_is_a_dialogue():
    text = (
        "The 12th Review of the Joint Norway-Chile Working Committee Meeting on Criminal "
        "Activities was held in Oslo on 4 May 2022.\n"
    )
    assert kinds(text) == ["dialogue"]


def test_officials_who_met_at_the_councils_session_tell_that_session_not_a_meeting_of_their_own():
    text = (
        "Officials from Chile met with their Norwegian counterparts, led by Justice Minister Kari "
        "Nordmann, at the second Norway-Chile Ministerial Council on Law and Security meeting in "
        "Oslo on 4 May 2022.\n"
    )
    found = records(text, published=date(2022, 5, 6))
    assert [r["kind"] for r in found] == ["dialogue"]
    assert "Kari Nordmann" in {p["name"] for p in found[0]["participants"]}


# --- what is no engagement: other stories' headlines, things received, demands met -----------


def test_bulleted_headlines_of_other_stories_under_the_title_give_no_engagement():
    text = (
        "Norway and Chile promote police cooperation\n"
        "- Norway, Chile hold 5th defence policy dialogue\n"
        "- Chilean navy ships make port call in Bergen\n"
        "Norway's Deputy Justice Minister Ola Nordmann received Chilean Ambassador Pablo Rojas "
        "in Oslo on May 4, 2022.\n"
    )
    assert kinds(text) == ["meeting"]


def test_requests_received_from_foreign_agencies_are_no_receptions():
    text = (
        "Minister Ola Nordmann received Chilean Ambassador Pablo Rojas in Oslo on May 4, 2022. "
        "He said the Norwegian police have received many requests from the Chilean Investigations "
        "Police (PDI) and have fully met the requirements of the Chilean side.\n"
    )
    (meeting,) = records(text)
    assert meeting["guests"] == ["CL"] and "Pablo Rojas" in {
        p["name"] for p in meeting["participants"]
    }


def test_support_received_from_an_agency_is_no_reception():
    text = (
        "Minister Ola Nordmann received Chilean Ambassador Pablo Rojas in Oslo on May 4, 2022. "
        "Norway's police received technical support from the Chilean Investigations Police last "
        "year, he said.\n"
    )
    assert kinds(text) == ["meeting"]


# --- the title under a section's name, above the page's date line ----------------------------


def test_the_title_under_a_section_name_and_above_the_date_line_is_no_lead():
    text = (
        "Security\n\n"
        "Norwegian justice minister meets Chilean police chief to talk joint teams\n\n"
        "12 March 2024\n\n"
        "Norway's justice minister, Kari Nordmann, met with Pablo Rojas, the director of the "
        "Chilean Investigations Police, in Oslo on Monday, March 11.\n"
    )
    (meeting,) = records(text)
    assert meeting["date"]["start"] == "2024-03-11"


# --- a standing body's session dated by a later sentence naming it again ---------------------


def test_a_session_undated_where_named_takes_the_day_of_the_sentence_that_says_who_attended_it():
    text = (
        "OSLO (NTB): The police of Norway and Chile will keep working together, a statement "
        "said.\n\n"
        "The statement was issued after the 9th Joint Norway-Chile Working Committee Meeting "
        "on Border Crime held here.\n\n"
        "Chilean police chief Pablo Rojas attended the meeting, accompanied by two directors, in "
        "Oslo on Tuesday.\n"
    )
    (dialogue,) = of_kind(text, "dialogue", published=date(2024, 8, 7))
    assert dialogue["date"]["start"] == "2024-08-06"


# --- meeting verbs of English press style ------------------------------------------------------


def test_extensive_discussions_held_with_a_counterpart_are_a_meeting():
    text = (
        "OSLO: Justice Minister Kari Nordmann on Friday held extensive discussions with her "
        "Chilean counterpart Pablo Rojas, who is on a three-day visit to Norway.\n"
    )
    (meeting,) = of_kind(text, "meeting", published=date(2022, 5, 7))
    assert meeting["guests"] == ["CL"] and meeting["date"]["start"] == "2022-05-06"


def test_wide_ranging_talks_had_with_an_interior_minister_are_a_meeting():
    text = (
        "Norway's Deputy Justice Minister Ola Nordmann had wide-ranging talks with Chilean Interior "
        "Minister Pablo Rojas in Oslo on 4 May 2022.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert (meeting["host"], meeting["guests"]) == ("NO", ["CL"])


def test_each_official_met_after_a_preposition_of_time_is_a_meeting_of_the_trip():
    text = (
        "Chile's Interior Minister said on Thursday, at the end of a working visit to Britain, "
        "that the two countries would set up working groups on cybercrime. He spoke after "
        "meeting the director of the National Crime Agency, John Smith, and the Home Office, "
        "Jane Brown, earlier this week.\n"
    )
    assert len(of_kind(text, "meeting", published=date(2022, 5, 5))) == 2


# --- a bare agency name after its full name ----------------------------------------------------


def test_the_coast_guard_after_a_countrys_coast_guard_is_that_one_not_another_countrys():
    text = (
        "Chile's Deputy Interior Minister Pablo Rojas visited the Japan Coast Guard headquarters "
        "in Tokyo on Thursday.\n\nThe Chilean delegates were welcomed by Vice Foreign Minister "
        "Kenji Sato and Coast Guard Commandant Admiral Taro Yamada.\n\nDuring the meeting, "
        "Admiral Yamada briefed the guests on maritime security in the region.\n"
    )
    (meeting,) = records(text, published=date(2022, 5, 6))
    assert meeting["guests"] == ["CL"]
    assert people(meeting)["Taro Yamada"]["country"] == "JP"


# --- names after a title in lower case, a signing ceremony's attendees, an archive's URL --------


def test_officials_named_after_a_lowercase_title_attend_the_meeting():
    text = (
        "Norway's justice minister, Kari Nordmann, met with Pablo Rojas, the director of the "
        "Chilean Investigations Police, in Oslo on May 4, 2022. Also attending the meeting were "
        "PDI deputy director Ana Torres and assistant director for international affairs Luis "
        "Vega.\n"
    )
    (meeting,) = records(text)
    assert {"Ana Torres", "Luis Vega"} <= {p["name"] for p in meeting["participants"]}


def test_a_pact_signed_at_a_ceremony_attended_by_a_host_and_a_visiting_head_is_their_meeting():
    text = (
        "The police of Oslo and Santiago signed a cooperation pact on Monday.\n\n"
        "The pact was signed during a morning ceremony attended by Ola Berg, head of the Oslo "
        "Police District, and visiting Chilean police chief Pablo Rojas.\n"
    )
    (meeting,) = of_kind(text, "meeting", url="https://example.no/news/1999/08/24/police-pact")
    assert meeting["date"]["start"] == "1999-08-23"
    assert {"Ola Berg", "Pablo Rojas"} <= {p["name"] for p in meeting["participants"]}


def test_visiting_before_a_citys_police_head_is_the_guests_office_not_a_trip_to_that_city():
    text = (
        "Oslo police chief Ola Berg received Thai police officers on May 4, 2022. The talks "
        "were attended by visiting Bangkok police department head Somchai Wong.\n"
    )
    assert of_kind(text, "visit") == []


def test_a_planned_visit_is_no_visit_held():
    text = (
        "Norway's justice minister Kari Nordmann received Chilean Ambassador Pablo Rojas in Oslo "
        "on May 4, 2022. They discussed a planned visit to Santiago by Norwegian police "
        "officers.\n"
    )
    assert kinds(text) == ["meeting"]


# --- those also present, the list's last name unread -------------------------------------------


def test_officials_listed_before_were_also_present_attend_though_the_last_name_is_unread():
    text = (
        "OSLO: Chilean Ambassador Pablo Rojas met Justice Minister Kari Nordmann on May 4, 2022, "
        "and discussed police cooperation. Secretary General Ola Berg, Chief Commissioner Per "
        "Olsen and DIG Oslo Police Nils Dahl were also present during the meeting.\n"
    )
    (meeting,) = records(text)
    who = people(meeting)
    assert who["Ola Berg"]["role"] == "attendee" and who["Per Olsen"]["role"] == "attendee"


# --- an ambassador met with no place told --------------------------------------------------------


def test_an_ambassador_met_by_an_official_of_unnamed_country_is_hosted_by_the_other_country():
    text = (
        "THE Minister of Home Affairs met with Chilean Ambassador Pablo Rojas on Monday as he "
        "ends his tour of duty here. Both sides reviewed police training programmes funded by "
        "Chile for the Government of Norway.\n"
    )
    (meeting,) = records(text, published=date(2018, 11, 6))
    assert (meeting["host"], meeting["guests"]) == ("NO", ["CL"])
