"""Pairs of other countries, twelfth round: the shapes of the Gulf, Central Asian, South Asian
and African outlets' English (their datelines, their verbs of receiving, their titles). The
pages are written for these tests in the genre's shapes; the names are made up."""

from __future__ import annotations

from .drafts import meetings, people, records

PAGE_URL = "https://news.example.org/article/4411"


# --- datelines ---------------------------------------------------------------------------------


def test_a_dateline_naming_kuwait_files_the_story_from_kuwait_city() -> None:
    page = (
        "KUWAIT - Assistant Undersecretary of the Ministry of Interior, Major General Fahd "
        "Al-Mutairi, met on Monday with a delegation from the Omani Ministry of Interior.\n\n"
        "Al-Mutairi received Brigadier Hamad Al-Habsi, the Omani delegation's head, and his "
        "accompanying delegation at the Ministry's headquarters.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert m["place"]["city"] == "Kuwait City"
    assert m["host"] == "KW"
    assert m["guests"] == ["OM"]
    assert people(m)["Fahd Al-Mutairi"]["country"] == "KW"


def test_a_republishers_credit_in_parentheses_opens_the_dateline() -> None:
    page = (
        "ABU DHABI, (Example News / WAM - 3rd Mar, 2022) Lieutenant General Saif Al-Dhaheri, "
        "Undersecretary of the Ministry of Interior, received on Tuesday the Bahraini Chief of "
        "Public Security, Major General Tariq Al-Hassan.\n\n"
        "They discussed police cooperation between the two countries.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert m["place"]["city"] == "Abu Dhabi"
    assert m["host"] == "AE"
    assert m["guests"] == ["BH"]


def test_a_city_and_its_country_in_title_case_open_the_story() -> None:
    page = (
        "Muscat, Oman: The Minister of Interior, Lieutenant General Salim Al-Harthi, met "
        "with Jane Porter, Charge d'Affaires at the Embassy of Canada in the "
        "Sultanate of Oman.\n\n"
        "During the meeting, they reviewed cooperation in the security and police fields.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert m["place"]["city"] == "Muscat"
    assert m["host"] == "OM"
    assert m["guests"] == ["CA"]


# --- a foreign envoy met is a meeting, not an embassy visit -------------------------------------


def test_a_minister_meeting_another_countrys_charge_daffaires_is_a_meeting() -> None:
    page = (
        "Police ties reviewed\n"
        "Bahrain's Interior Minister Khalid Al-Sayed met with Anna Lindqvist, Chargé d'Affaires "
        "at the Embassy of Sweden in Manama, to discuss police training.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert m["host"] == "BH"
    assert m["guests"] == ["SE"]


# --- KUNA's "discussed with" and the visit it prepares -------------------------------------------


def test_an_envoy_who_discussed_with_a_minister_met_him_where_the_story_is_filed() -> None:
    page = (
        "Qatar, Oman discuss border security\n\n"
        "MUSCAT, March 3 (KUNA) -- Qatari Ambassador to Oman Ali Al-Marri, Sunday, discussed "
        "with Omani Minister of Interior Hamoud Al-Busaidi ways to boost security cooperation "
        "and prepare for the latter's coming visit to Doha.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert m["host"] == "OM"
    assert m["guests"] == ["QA"]
    assert "part_of" not in m


def test_a_visit_being_prepared_or_arranged_is_planned() -> None:
    page = (
        "Talks in Muscat\n\n"
        "MUSCAT, March 3 (KUNA) -- Qatari Ambassador to Oman Ali Al-Marri, Sunday, discussed "
        "with Omani Minister of Interior Hamoud Al-Busaidi ways of arranging the awaited visit "
        "of the Omani minister to Doha next month.\n"
    )
    visits = [r for r in records(page, PAGE_URL) if r["kind"] == "visit"]
    assert all(v.get("status") == "planned" for v in visits)


def test_a_us_culture_stamp_with_seconds_reads_the_month_first() -> None:
    page = (
        "Kuwait, Jordan discuss police training\n"
        "3/4/2025 10:12:45 AM\n"
        "KUWAIT, March 4 (KUNA) -- Kuwait's Interior Minister Sheikh Salem Al-Sabah met on "
        "Tuesday with Jordanian Public Security Director Major General Omar Al-Khalidi to "
        "discuss police training.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert m["date"]["start"] == "2025-03-04"


# --- guests of several countries, unnamed -------------------------------------------------------


def test_guests_received_from_three_countries_are_three_meetings() -> None:
    page = (
        "ABU DHABI, (Example News / WAM - 3rd Mar, 2022) The Ministry of Interior discussed "
        "police cooperation with visitors to the exhibition.\n\n"
        "Major General Saeed Al-Nuaimi, Director of the Ministry's Police College, received "
        "guests from Jordan, Kenya and Portugal.\n"
    )
    found = meetings(page, PAGE_URL)
    assert sorted(g for m in found for g in m["guests"]) == ["JO", "KE", "PT"]
    assert {m["host"] for m in found} == {"AE"}
    assert all(people(m)["Saeed Al-Nuaimi"]["country"] == "AE" for m in found)


# --- the ranks of the militia ---------------------------------------------------------------------


def test_a_rank_of_the_militia_opens_the_name_it_precedes() -> None:
    page = (
        "Bishkek and Dushanbe talk drugs\n\n"
        "On the sidelines of the summit in Cholpon-Ata, the Tajik Minister of Internal Affairs "
        "Major General of Militia Rustam Nazarov met with the Kyrgyz Minister of Internal "
        "Affairs, Colonel of Militia Bakyt Osmonov.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert people(m)["Rustam Nazarov"]["rank"] == "Major General of Militia"
    assert m["host"] == "KG"
    assert m["guests"] == ["TJ"]


# --- where "the meeting took place" --------------------------------------------------------------


def test_the_meeting_said_to_take_place_at_a_palace_was_held_there() -> None:
    page = (
        "Kuwait, Jordan discuss security\n"
        "Kuwait's Minister of Interior Sheikh Salem Al-Sabah met on Tuesday with Jordanian "
        "Public Security Director Major General Omar Al-Khalidi to discuss police training.\n"
        "According to the ministry, the meeting took place at Seif Palace.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert m["place"]["city"] == "Kuwait City"
    assert m["host"] == "KW"
    assert m["guests"] == ["JO"]


def test_a_delegation_with_a_capital_d_is_welcomed() -> None:
    page = (
        "Police chief hosts Ghanaian team\n\n"
        "ABUJA - The Inspector-General of Police, Musa Danjuma, on Monday welcomed the Ghana "
        "Police Cyber Crime Delegation to discuss joint investigations.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert m["host"] == "NG"


# --- whose coast guard, honorifics, and the guest named before the title --------------------------


def test_a_coast_guard_named_with_another_countrys_adjective_is_that_countrys() -> None:
    page = (
        "Coast guards meet\n\n"
        "COLOMBO, May 2 (Example) -- Sri Lanka Coast Guard Director General Rear Admiral Nimal "
        "Perera hosted a delegation of the Maldivian Coast Guard led by Colonel Ahmed Shareef.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert m["host"] == "LK"
    assert m["guests"] == ["MV"]


def test_the_honorific_hon_with_its_stop_does_not_end_the_sentence() -> None:
    page = (
        "Interior ministers meet\n\n"
        "NAIROBI - Interior Cabinet Secretary Hon. Peter Kamau on Tuesday hosted his Tanzanian "
        "counterpart Hon. Juma Mwinyi at the ministry in Nairobi.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    assert {"Peter Kamau", "Juma Mwinyi"} <= set(people(m))
    assert m["host"] == "KE"
    assert m["guests"] == ["TZ"]


def test_a_guest_received_today_and_titled_after_the_name_takes_part() -> None:
    page = (
        "Security ties\n\n"
        "ABU DHABI, 12th March, 2024 (WAM) -- Lt. Gen. Sheikh Hamad Al Nuaimi, Minister of "
        "Interior, received today Karim Haddad, the Lebanese Minister of Interior, in Abu Dhabi.\n"
    )
    (m,) = meetings(page, PAGE_URL)
    guest = people(m)["Karim Haddad"]
    assert guest["country"] == "LB"
    assert guest["title"] == "Lebanese Minister of Interior"
    assert m["date"]["start"] == "2024-03-12"


def test_a_papers_dateline_alone_does_not_make_its_country_the_travellers() -> None:
    page = (
        "Bhutanese officers visit Kolkata police\n\n"
        "KOLKATA: A 20-member delegation of the Royal Bhutan Police visited the Kolkata Police "
        "headquarters on Friday as part of its study tour of India.\n\n"
        "Joint Commissioner Ravi Sen briefed the Bhutanese officers on crowd control.\n"
    )
    visits = [r for r in records(page, PAGE_URL) if r["kind"] == "visit"]
    assert visits
    assert all(v["guests"] == ["BT"] for v in visits)
