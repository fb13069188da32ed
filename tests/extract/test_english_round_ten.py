"""English pages of many countries' outlets: the shapes of issue 11's tenth round (texts written
for these tests, in the genre's shapes, never a page's words)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def records(text: str, url: str | None = None, published: date | None = None) -> list[dict]:
    found = extract(text, document="d", url=url, published=published).records
    return [r.as_dict() for r in found]


def meetings(text: str, url: str | None = None, published: date | None = None) -> list[dict]:
    return [r for r in records(text, url, published) if r["kind"] == "meeting"]


def people(record: dict) -> dict[str, dict]:
    return {p["name"]: p for p in record["participants"]}


# --- who: titles and their holders ----------------------------------------------------------


def test_a_title_closed_by_the_state_it_serves_in_apposition_names_its_holder():
    text = (
        "On 3 May 2021, the Acting French Ambassador to the Republic of Ghana, Pierre Martin, "
        "paid a courtesy call on the Inspector General of Police (IGP), Kofi Mensah, in Accra.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Pierre Martin"]["country"] == "FR" and who["Pierre Martin"]["role"] == "guest"
    assert "Republic of Ghana" in who["Pierre Martin"]["title"]
    assert who["Kofi Mensah"]["role"] == "host"
    assert (meeting["host"], meeting["guests"]) == ("GH", ["FR"])


def test_a_lowercase_commissioner_of_a_city_police_is_of_that_citys_country():
    text = (
        "The ambassador of Canada in Dhaka, John Smith, paid a courtesy call on the "
        "commissioner of Dhaka Metropolitan Police (DMP), Abdul Karim, on 4 May 2021.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["John Smith"]["country"] == "CA"
    assert who["Abdul Karim"]["country"] == "BD" and who["Abdul Karim"]["role"] == "host"
    assert (meeting["host"], meeting["guests"]) == ("BD", ["CA"])


def test_a_title_with_the_office_and_country_it_serves_before_a_name_is_a_title():
    text = (
        "Director General of Counter Terrorism of France Pierre Martin on 3 May 2021 called "
        "at the police headquarters in Accra and met with Inspector General of Police Kofi "
        "Mensah.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Pierre Martin"]["country"] == "FR" and who["Pierre Martin"]["role"] == "guest"
    assert (meeting["host"], meeting["guests"]) == ("GH", ["FR"])


def test_a_ministers_title_may_carry_the_long_style_of_the_state():
    text = (
        "Talks were held in Astana on 3 May 2021 by the Minister of Internal Affairs of the "
        "Republic of Kazakhstan, General of the Police of the Republic of Kazakhstan Arman "
        "Bekov, and the Minister of Internal Affairs of the Russian Federation Ivan Petrov.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Arman Bekov"]["country"] == "KZ" and who["Arman Bekov"]["role"] == "host"
    assert who["Ivan Petrov"]["country"] == "RU" and who["Ivan Petrov"]["role"] == "guest"


def test_an_extraordinary_and_plenipotentiary_ambassador_is_an_ambassador():
    text = (
        "A meeting between Kazakh Interior Minister Arman Bekov and the French Extraordinary "
        "and Plenipotentiary Ambassador Pierre Martin took place in Astana on 3 May 2021.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Pierre Martin"]["country"] == "FR" and who["Pierre Martin"]["role"] == "guest"


def test_whoever_only_introduces_a_quote_later_takes_no_part_in_the_meeting():
    text = (
        "Interior Minister Kofi Mensah received French Ambassador Pierre Martin in Accra on 3 "
        "May 2021.\n\n"
        "Director of Border Operations of the police, Ama Boateng, said:\n\n"
        '"The two sides agreed to share information on smuggling networks."\n'
    )
    (meeting,) = meetings(text)
    assert "Ama Boateng" not in people(meeting)


# --- which engagements ----------------------------------------------------------------------


def test_offices_of_two_countries_met_in_one_list_are_two_meetings():
    text = (
        "On 3 May 2021, Iran's Interior Minister Reza Ahmadi met the Deputy Interior Minister "
        "of Uzbekistan and the Deputy Interior Minister of Kyrgyzstan in Tehran.\n"
    )
    found = meetings(text)
    assert sorted(g for m in found for g in m["guests"]) == ["KG", "UZ"]
    assert all(m["host"] == "IR" for m in found)


def test_an_envoys_courtesy_call_alluded_to_as_the_visit_is_no_trip():
    text = (
        "On 3 May 2021, the Chinese Ambassador to Ghana, Li Ming, paid a courtesy call on the "
        "Inspector General of Police, Kofi Mensah, at his office in Accra.\n\n"
        "The visit was short but warm, the police said.\n"
    )
    drafted = records(text)
    assert [r["kind"] for r in drafted] == ["meeting"]


def test_talks_between_delegations_yet_to_be_chaired_are_no_held_meeting():
    text = (
        "Iranian Interior Minister Reza Ahmadi hosted his Turkish counterpart Ali Demir in "
        "Tehran on 20 October 2021.\n\n"
        "After the meetings between the delegations to be chaired by Demir and Ahmadi, a "
        "security agreement will be signed.\n"
    )
    held = [m for m in meetings(text) if m.get("status", "held") == "held"]
    assert len(held) == 1 and held[0]["date"]["start"] == "2021-10-20"


def test_a_courtesy_call_on_an_office_known_by_its_abbreviation_is_a_meeting():
    text = (
        "On 17 May 2024, the ASEANAPOL Secretariat paid a courtesy call to the Director of "
        "Internal Security and Public Order (ISPO) of the Royal Malaysia Police in Kuala "
        "Lumpur.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "MY" and meeting["date"]["start"] == "2024-05-17"


# --- dates and layout -----------------------------------------------------------------------


def test_the_full_date_after_today_dates_the_meeting():
    text = (
        "Inspector-General of Police, Ag. IGP Kofi Mensah, today, May 3, 2021 at Police "
        "Headquarters, Accra, received the French Ambassador to Ghana, Pierre Martin.\n"
    )
    (meeting,) = meetings(text, "https://example.com/2021/05/police.html")
    assert meeting["date"]["start"] == "2021-05-03"


def test_a_sentence_wrapped_over_lines_by_hand_keeps_its_guest():
    text = (
        "Inspector-General\n"
        "of Police Kofi Mensah on May 3, 2021 at Police\n"
        "Headquarters, Accra, received the French Ambassador to Ghana, His Excellency,\n"
        "Pierre Martin.\n"
        "The Ambassador\n"
        "thanked the police for their cooperation and\n"
        "presented equipment for bomb disposal.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Pierre Martin"]["role"] == "guest"
    assert (meeting["host"], meeting["guests"]) == ("GH", ["FR"])


def test_a_dateline_with_its_outlets_after_a_title_line_names_no_side():
    text = (
        "Portal.com\n\n"
        "Turkish, German Interior Ministers Discuss Migration\n\n"
        "Staff Writer Published March 2, 2022 | 05:30 PM\n\n"
        "ANKARA, (Portal / Pakistan Wire - 2nd Mar, 2022 ) :Turkiye's Interior Minister Ali "
        "Demir and his German counterpart Anna Weber held talks in Ankara on Wednesday.\n"
    )
    (meeting,) = meetings(text)
    assert "PK" not in [meeting["host"], *meeting["guests"]]
    assert people(meeting)["Ali Demir"]["country"] == "TR"
