"""English pages of other countries' outlets about pairs that need not involve Vietnam: the
shapes of issue 11's eighth round (texts written for these tests, in the genre's shapes)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def records(text: str, published: date | None = None) -> list[dict]:
    return [r.as_dict() for r in extract(text, document="d", published=published).records]


def meetings(text: str, published: date | None = None) -> list[dict]:
    return [r for r in records(text, published) if r["kind"] == "meeting"]


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record["participants"]}


def test_a_day_told_between_received_and_the_guest_still_gives_the_guest():
    text = (
        "Minister of Interior Karim Haddad received on Tuesday 14/3/2023 his Jordanian "
        "counterpart Samir Nasser, who is on an official visit to the country.\n\n"
        "The two ministers discussed the fight against drug smuggling across the border.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2023-03-14"
    assert roles(meeting) == {"Karim Haddad": "host", "Samir Nasser": "guest"}
    assert meeting["guests"] == ["JO"]


def test_met_yesterday_with_is_a_meeting_with_whom_follows():
    text = (
        "Federal Interior Minister Tariq Anwar met yesterday with Director General of the "
        "Federal Investigation Agency Bilal Khan and the visiting Kenyan police chief Peter "
        "Otieno in Islamabad on May 3, 2024.\n"
    )
    found = meetings(text)
    assert any("Peter Otieno" in roles(m) for m in found)
    assert all(m["place"]["city"] == "Islamabad" for m in found)
    assert all(m["place"]["country"] == "PK" for m in found)


def test_the_demonym_of_a_counterpart_gives_the_guests_country():
    text = (
        "Interior Minister Omar Saleh received his Iraqi counterpart Hassan Jaber in Amman on "
        "June 2, 2024, to discuss border security.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["guests"] == ["IQ"]
    assert meeting["place"] == {"city": "Amman", "country": "JO"}


def test_an_arabic_name_keeps_its_particles():
    text = (
        "Interior Minister Sheikh Khalid bin Saif Al Mansoori received the visiting Nigerian "
        "Inspector-General of Police Musa Bello in Doha on April 9, 2024.\n"
    )
    (meeting,) = meetings(text)
    assert "Khalid bin Saif Al Mansoori" in roles(meeting)
    assert roles(meeting)["Musa Bello"] == "guest"


def test_arrived_in_a_capital_at_the_head_of_a_delegation_is_a_trip():
    text = (
        "Kenyan Interior Minister John Mwangi arrived in Riyadh on Sunday, May 5, 2024, at the "
        "head of a security delegation.\n\n"
        "He is expected to sign an agreement on fighting drug trafficking.\n"
    )
    (visit,) = [r for r in records(text) if r["kind"] == "visit"]
    assert visit["host"] == "SA" and visit["guests"] == ["KE"]
    assert visit["place"]["city"] == "Riyadh"


def test_was_welcomed_by_does_not_make_the_one_welcomed_the_host():
    text = (
        "Uzbek Interior Minister Akmal Yusupov visited Tbilisi on July 1, 2024.\n\n"
        "On arrival, Minister Yusupov was welcomed by his Georgian counterpart Levan Beridze.\n"
    )
    for r in records(text):
        assert roles(r).get("Akmal Yusupov") != "host"


def test_welcomed_a_delegation_led_by_is_a_reception():
    text = (
        "The Inspector-General of Police, Ibrahim Lawal, on Monday welcomed a Brazilian "
        "delegation led by Federal Police director Carlos Mendes at the Force Headquarters in "
        "Abuja on March 4, 2024.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["guests"] == ["BR"]
    assert meeting["place"]["city"] == "Abuja"


def test_a_city_police_agency_received_is_of_its_cities_country_and_not_the_place():
    text = (
        "On June 5, 2024, Senior Colonel Tran Minh Duc, Director of the Provincial Police, "
        "chaired a meeting to receive the delegation of the Gwangju Metropolitan Police Agency "
        "(RoK) headed by Commissioner Park Ji-hoon.\n"
    )
    found = meetings(text)
    assert found and all("KR" in m["guests"] for m in found)
    assert all(m.get("place", {}).get("city") != "Gwangju" for m in found)
    assert all(p.get("organisation") != "RoK" for m in found for p in m["participants"])


def test_a_country_in_parentheses_is_not_learnt_as_an_abbreviation():
    text = (
        "Police chief Juan Reyes met with officers of the Incheon Metropolitan Police (ROK) in "
        "Manila on May 2, 2024.\n"
    )
    for r in records(text):
        for p in r["participants"]:
            assert p.get("organisation") != "ROK"


def test_those_present_at_a_reception_are_not_others_received():
    text = (
        "Interior Minister General Nasser Al Harthy received on Sunday the Secretary-General "
        "of the Arab Interior Ministers Council, Dr Yousef Kamal, in the presence of the "
        "Interior Ministry Undersecretary, Salem Al Harthy, on May 12, 2024.\n"
    )
    (meeting,) = meetings(text)
    assert roles(meeting)["Yousef Kamal"] == "guest"
    assert meeting["guests"] == ["INT"]


def test_a_name_met_then_its_countrys_possessive_title_gives_the_guests_country():
    text = (
        "Police General Sok Dara met with Chaiya Somsak, Thailand’s deputy police chief on May "
        "2, 2024, in Phnom Penh.\n"
    )
    (meeting,) = meetings(text)
    assert roles(meeting) == {"Sok Dara": "host", "Chaiya Somsak": "guest"}
    assert meeting["guests"] == ["TH"]
    (guest,) = [p for p in meeting["participants"] if p["name"] == "Chaiya Somsak"]
    assert guest["country"] == "TH"


def test_a_long_title_with_at_its_agency_still_begins_whom_was_met():
    text = (
        "Minister of State for Home Affairs Ahmed Rashed met on Monday with Assistant Director "
        "for Operations at the Federal Bureau of Investigation Dr Laura Quinn in Doha on June "
        "3, 2024.\n"
    )
    (meeting,) = meetings(text)
    assert "Laura Quinn" in roles(meeting)


def test_the_visiting_minister_is_the_guest_not_a_trip_to_his_country():
    text = (
        "ISLAMABAD, May 3 (APP): Federal Interior Minister Tariq Anwar on Friday received the "
        "visiting Saudi Deputy Interior Minister Nasser Al Dawood at his office.\n\n"
        "The two sides discussed cooperation against narcotics smuggling.\n"
    )
    found = records(text, date(2024, 5, 3))
    assert [r["kind"] for r in found] == ["meeting"]
    assert found[0]["guests"] == ["SA"]
    assert roles(found[0])["Nasser Al Dawood"] == "guest"
    assert all("APP" not in q["quote"][:30] for q in found[0]["sources"])


def test_a_title_with_its_country_or_agency_in_apposition_names_the_person():
    text = (
        "Indonesian Ambassador to Kenya, Rina Wijaya, met with the Inspector General of the "
        "National Police Service, Samuel Mutua, in Nairobi on May 14, 2024.\n"
    )
    (meeting,) = meetings(text)
    assert roles(meeting) == {"Rina Wijaya": "guest", "Samuel Mutua": "host"}
    assert meeting["host"] == "KE" and meeting["guests"] == ["ID"]
