"""Other countries' English outlets and governments reporting two countries' security engagements:
the shapes of issue 11's thirteenth round (texts written for these tests, in the genre's shapes,
never a page's words)."""

from __future__ import annotations

from tests.extract.drafts import kinds, meetings, names, of_kind, people, records

# --- titles and honorifics of other countries' agencies ---------------------------------------


def test_an_agency_administrator_arriving_abroad_is_the_trips_head():
    text = (
        "Coast Survey Acting Administrator Lena Korhonen arrived in Estonia on an official visit.\n"
    )
    (visit,) = of_kind(text, "visit")
    assert "Lena Korhonen" in names(visit)
    assert people(visit)["Lena Korhonen"]["title"] == "Acting Administrator"


def test_a_vice_commandant_named_before_the_coast_guard_is_a_person():
    text = (
        "Vice Commandant Arvo Tamm of the Estonian Coast Guard held talks with Finland's Border "
        "Guard chief Mikko Lahti in Tallinn on May 4, 2022.\n"
    )
    (meeting,) = meetings(text)
    assert {"Arvo Tamm", "Mikko Lahti"} <= names(meeting)
    assert people(meeting)["Arvo Tamm"]["title"] == "Vice Commandant"


def test_a_coordinating_minister_is_a_title():
    text = (
        "Coordinating Minister Rudi Hartono received New Zealand's Minister of Police Tom Reed in "
        "Jakarta on March 2, 2023.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Rudi Hartono"]["role"] == "host"
    assert people(meeting)["Tom Reed"]["role"] == "guest"


def test_a_cambodian_honorific_before_the_name_is_not_part_of_it():
    text = (
        "Deputy Prime Minister and Minister of Interior Samdech Krolahom Mao Vanna received "
        "the Norwegian Minister of State Erik Lund in Phnom Penh on June 5, 2019.\n"
    )
    (meeting,) = meetings(text)
    assert "Mao Vanna" in names(meeting) and "Krolahom Mao Vanna" not in names(meeting)


def test_a_lowercase_interior_ministers_title_before_the_name_makes_them_persons():
    text = (
        "Talks have taken place in Samarkand between the minister of internal affairs of "
        "Uzbekistan, Rustam Karimov, and the minister of internal affairs of Kazakhstan, Marat "
        "Akhmetov.\n"
    )
    (meeting,) = meetings(text)
    assert names(meeting) == {"Rustam Karimov", "Marat Akhmetov"}
    assert (meeting["host"], meeting["guests"]) == ("UZ", ["KZ"])
    assert meeting["place"]["city"] == "Samarkand"


def test_a_possessive_ends_a_name_and_is_not_kept_in_it():
    text = (
        "Interior Minister Carlos Rojas of Chile spoke highly of H.E. Erik Lund’s visit to Chile "
        "on May 2, 2019.\n"
    )
    found = {p["name"] for r in records(text) for p in r["participants"]}
    assert "Erik Lund" in found and not any(n.endswith("s") and "’" in n for n in found)


# --- receptions told by `welcomed` ------------------------------------------------------------


def test_an_agency_welcomed_in_a_ceremony_is_a_reception():
    text = (
        "The Estonian Police and Border Guard Board on Monday welcomed the Finnish Border Guard "
        "in a ceremony at the port of Tallinn on May 2, 2022.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["guests"] == ["FI"]


def test_a_contingent_welcomed_is_a_delegation_received_and_its_head_is_of_its_country():
    text = (
        "After the ceremony, Finnish Border Guard chief Mikko Lahti welcomed an Estonian "
        "contingent led by Arvo Tamm aboard the patrol vessel Turva on May 2, 2022.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Mikko Lahti"]["role"] == "host"
    assert people(meeting)["Arvo Tamm"]["country"] == "EE"
    assert meeting["guests"] == ["EE"]


# --- numbered meetings of two sides' standing bodies ------------------------------------------


def test_a_numbered_bilateral_meeting_of_two_coast_guards_is_a_dialogue():
    text = (
        "At the 6th Bilateral Meeting between the Vietnam Coast Guard and the Korea Coast Guard, "
        "both sides reviewed their cooperation.\n"
    )
    assert kinds(text) == ["dialogue"]


def test_a_numbered_ministerial_council_meeting_of_two_countries_is_a_dialogue():
    text = (
        "Indonesia's Coordinating Minister Budi Santoso and Australia's Minister of Home Affairs "
        "Mark Green discussed counter-terrorism at the 9th Indonesia-Australia Ministerial "
        "Council Meeting on Law and Security.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["session"] == 9
