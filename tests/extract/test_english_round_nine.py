"""English pages of other countries' outlets about pairs without Vietnam: the shapes of issue
11's ninth round (texts written for these tests, in the genre's shapes, never a page's words)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.gazetteer import site_country


def records(text: str, url: str | None = None, published: date | None = None) -> list[dict]:
    found = extract(text, document="d", url=url, published=published).records
    return [r.as_dict() for r in found]


def meetings(text: str, url: str | None = None, published: date | None = None) -> list[dict]:
    return [r for r in records(text, url, published) if r["kind"] == "meeting"]


def countries(record: dict) -> dict[str, str | None]:
    return {p["name"]: p.get("country") for p in record["participants"]}


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record["participants"]}


# --- the site's country ---------------------------------------------------------------------


def test_the_address_of_a_page_tells_the_country_of_its_site():
    assert site_country("https://www.policemc.gov.bh/en/news/1") == ("BH", True)
    assert site_country("https://www.thenews.com.pk/latest/1-x") == ("PK", False)
    assert site_country("https://phnompenhpost.com/national/x") == ("KH", False)
    assert site_country("https://www.interpol.int/en/News") == ("INT", True)
    assert site_country("https://www.example.co.uk/a") == ("GB", False)
    assert site_country("https://startup.io/a") == (None, False)
    assert site_country(None) == (None, False)


def test_an_official_without_a_country_on_a_page_of_their_countrys_outlet_is_its_own():
    text = (
        "National Police chief Chan Dara met with Somchai Wongsakul, Thailand's deputy "
        "National Police chief, on March 12, 2024.\n\n"
        "The two sides agreed to share information on cross-border fraud rings.\n"
    )
    (meeting,) = meetings(text, "https://phnompenhpost.com/national/police-chiefs-meet")
    assert countries(meeting) == {"Chan Dara": "KH", "Somchai Wongsakul": "TH"}
    assert meeting["host"] == "KH" and meeting["guests"] == ["TH"]
    assert roles(meeting) == {"Chan Dara": "host", "Somchai Wongsakul": "guest"}


def test_a_possessive_country_before_a_lowercase_rank_names_the_holders_police():
    text = (
        "Police chief Chan Dara met with Somchai Wongsakul, Thailand's deputy National Police "
        "chief, in Phnom Penh on March 12, 2024.\n"
    )
    (meeting,) = meetings(text, "https://phnompenhpost.com/national/x")
    assert countries(meeting)["Somchai Wongsakul"] == "TH"


def test_a_ministrys_own_site_hosts_what_it_reports_without_a_place():
    text = (
        "Minister of Interior Sheikh Hamad bin Nasser met yesterday with Deputy Director of "
        "the US Federal Bureau of Investigation Mark Olsen.\n\n"
        "They reviewed cooperation against cybercrime and money laundering.\n"
    )
    (meeting,) = meetings(text, "https://portal.moi.gov.qa/en/news/123")
    assert meeting["host"] == "QA" and meeting["guests"] == ["US"]
    assert countries(meeting)["Hamad bin Nasser"] == "QA"


def test_a_papers_foreign_news_does_not_make_the_papers_country_a_side():
    text = (
        "South Korean Police Commissioner Park Min-soo met Philippine National Police chief "
        "Ramon Cruz in Manila on July 10, 2024, to discuss fugitives.\n"
    )
    (meeting,) = meetings(text, "https://en.vietnamplus.vn/korea-philippines-police/1.vnp")
    assert "VN" not in [meeting.get("host"), *meeting["guests"]]


def test_a_paper_naming_its_own_minister_without_a_country_is_that_countrys():
    text = (
        "Staff Reporter\n\n"
        "ANKARA: Interior Minister Bilal Qureshi on Friday met with Interpol President Hans "
        "Lindqvist here.\n\n"
        "The minister is on a three-day visit to Turkey.\n"
    )
    found = meetings(text, "https://www.dawn.com/news/1", date(2024, 11, 8))
    (meeting,) = found
    assert countries(meeting)["Bilal Qureshi"] == "PK"
    assert meeting["host"] == "INT" and meeting["guests"] == ["PK"]
    assert meeting["place"] == {"city": "Ankara", "country": "TR"}
    assert meeting["date"]["start"] == "2024-11-08"


# --- people ---------------------------------------------------------------------------------


def test_a_gulf_ruling_familys_name_tells_the_officials_state():
    text = (
        "Interior Minister Sheikh Khalid bin Hamad Al Khalifa received the Jordanian Public "
        "Security Director Omar Haddad in Manama on May 2, 2024.\n"
    )
    (meeting,) = meetings(text)
    assert countries(meeting)["Khalid bin Hamad Al Khalifa"] == "BH"
    assert meeting["host"] == "BH"


def test_one_met_who_is_visiting_the_country_is_the_guest():
    text = (
        "Minister of State for Interior Affairs Sheikh Saud bin Ali Al Thani met yesterday "
        "with Assistant Secretary for Border Policy at the US Department of Homeland Security "
        "H E Laura Benton, who is currently visiting the country.\n"
    )
    (meeting,) = meetings(text, "https://menafn.com/1/x")
    assert countries(meeting) == {"Saud bin Ali Al Thani": "QA", "Laura Benton": "US"}
    assert meeting["host"] == "QA" and meeting["guests"] == ["US"]


def test_a_title_with_its_portfolio_and_an_agency_after_at_begins_the_one_met():
    text = (
        "Interior Minister Sheikh Saud bin Ali Al Thani met with Under Secretary for "
        "Management at the US Department of Homeland Security Laura Benton in Doha on May "
        "2, 2024.\n"
    )
    (meeting,) = meetings(text)
    people = {p["name"]: p for p in meeting["participants"]}
    assert people["Laura Benton"]["country"] == "US"
    assert people["Laura Benton"]["title"].startswith("Under Secretary for Management")


def test_an_army_chief_named_with_a_lowercase_title_is_found():
    text = (
        "Royal Thai Army commander-in-chief General Prasit Chaiyaporn held talks with Prime "
        "Minister Sok Vanna in Phnom Penh on February 8, 2024, during his visit to Cambodia.\n"
    )
    found = meetings(text, "https://cambodianess.com/article/x")
    assert any("Prasit Chaiyaporn" in roles(m) for m in found)


def test_interpol_named_most_is_not_the_pages_home_side():
    text = (
        "Interpol President Hans Lindqvist met Kenyan Inspector General of Police Peter "
        "Otieno at the Interpol General Secretariat headquarters on June 4, 2024.\n\n"
        "Interpol said the talks covered training; Interpol will send instructors.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "INT" and meeting["guests"] == ["KE"]


def test_the_head_of_a_national_delegation_is_of_its_demonyms_country():
    text = (
        "The Inspector-General of Police, Musa Bello, on Tuesday welcomed a Spanish delegation "
        "led by Carlos Ortega, Director of International Cooperation, at the Force "
        "Headquarters in Abuja on March 5, 2024.\n"
    )
    (meeting,) = meetings(text, "https://punchng.com/police-spain/")
    assert countries(meeting)["Carlos Ortega"] == "ES"
    assert meeting["host"] == "NG" and meeting["guests"] == ["ES"]


def test_a_conference_hall_named_after_a_title_holds_no_one():
    text = (
        "The Inspector-General of Police (IGP), Musa Bello, received a Spanish delegation led "
        "by Carlos Ortega in Abuja on March 5, 2024.\n\n"
        "The talks, held at the IGP Conference Hall, covered cybercrime.\n\n"
        "The IGP thanked the visitors for their support.\n"
    )
    for r in records(text, "https://punchng.com/x/"):
        assert all("Hall" not in p["name"] for p in r["participants"])


def test_an_international_bodys_own_site_names_its_head_by_office_alone():
    text = (
        "12 March 2024 - National Police Commissioner of Norway, Erik Dahl, met with Secretary "
        "General Anna Keller during a visit to the INTERPOL General Secretariat headquarters.\n"
    )
    (meeting,) = meetings(text, "https://www.interpol.int/en/Who-we-are/visits")
    assert countries(meeting)["Anna Keller"] == "INT"
    assert meeting["host"] == "INT" and meeting["guests"] == ["NO"]


def test_a_trip_to_a_country_to_attend_a_bodys_conference_is_hosted_by_the_country():
    text = (
        "Staff Reporter\n\n"
        "ANKARA: Interior Minister Bilal Qureshi on Friday met with Interpol President Hans "
        "Lindqvist here.\n\n"
        "The interior minister is currently on a four-day visit to Turkey to attend the general "
        "assembly of Interpol, where he met with Lindqvist, who was elected president last "
        "year.\n"
    )
    found = records(text, "https://www.dawn.com/news/1", date(2024, 11, 8))
    (visit,) = [r for r in found if r["kind"] == "visit"]
    assert visit["host"] == "TR" and visit["guests"] == ["PK"]
    assert visit.get("status", "held") == "held"
    assert not visit["date"]["start"].startswith("2023")


def test_an_entourage_that_left_for_a_country_is_a_trip_there():
    text = (
        "Police director Paulo Mendes is part of the delegation that left for Japan on Monday "
        "(June 3, 2024) to sign a cooperation agreement with the National Police Agency.\n"
    )
    (visit,) = [r for r in records(text) if r["kind"] == "visit"]
    assert visit["host"] == "JP"
    assert visit["date"]["start"] == "2024-06-03"


def test_a_date_in_parentheses_after_a_weekday_is_that_days_date():
    text = (
        "Interior Minister Omar Saleh met his Iraqi counterpart Hassan Jaber in Amman on "
        "Thursday (April 11, 2024) to discuss border security.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2024-04-11"
    assert meeting["date"].get("precision", "day") == "day"


def test_a_leader_welcomed_at_a_palace_by_another_is_their_meeting():
    text = (
        "By:\n\n"
        "- Sok Pisey\n\n"
        "-\n\n"
        "PHNOM PENH – Cambodia and Laos agreed to fight scam compounds as the Lao leader began "
        "a visit to Phnom Penh.\n\n"
        "Prime Minister Chea Sokha welcomed Lao PM Khamla Vongsa at the Peace Palace on May 6, "
        "2025.\n"
    )
    (meeting,) = meetings(text, "https://cambodianess.com/article/x")
    assert meeting["host"] == "KH" and meeting["guests"] == ["LA"]
    assert meeting["place"]["city"] == "Phnom Penh"
    assert roles(meeting)["Chea Sokha"] == "host"
    assert countries(meeting)["Khamla Vongsa"] == "LA"


def test_a_delegation_that_arrived_for_talks_with_an_agency_met_it():
    text = (
        "A SENIOR Indonesian police delegation led by Commissioner General Budi Santoso "
        "arrived Monday in Laos for talks with Ministry of Public Security officials.\n\n"
        "Minister of Public Security Vilay Lakhamfong said the two sides signed a memorandum "
        "on fighting drug trafficking.\n"
    )
    found = records(text, "https://laotiantimes.com/2024/03/05/x/")
    (visit,) = [r for r in found if r["kind"] == "visit"]
    assert visit["host"] == "LA" and visit["guests"] == ["ID"]
    assert countries(visit)["Budi Santoso"] == "ID"
    (meeting,) = [r for r in found if r["kind"] == "meeting"]
    assert meeting["host"] == "LA" and meeting["guests"] == ["ID"]


def test_two_ministers_of_two_countries_who_signed_on_a_day_met():
    text = (
        "Laos’s Interior Minister Vilay Lakhamfong and Vietnam’s Minister of Public Security "
        "Luong Tam Quang signed an agreement on fighting drug trafficking on Tuesday, June 4, "
        "2024.\n\n"
        "While in Laos, Quang also met with Prime Minister Sonexay Siphandone.\n"
    )
    found = meetings(text)
    signing = next(m for m in found if m["date"]["start"] == "2024-06-04")
    assert {"Vilay Lakhamfong", "Luong Tam Quang"} <= set(roles(signing))
    assert signing["host"] == "LA" and signing["guests"] == ["VN"]


def test_welcomed_to_a_bodys_headquarters_is_a_reception():
    text = (
        "4 June 2024 – Secretary General Anna Keller welcomed Erik Dahl, Norway’s National "
        "Police Commissioner, to the Organization’s Lyon headquarters, where the two discussed "
        "cybercrime.\n"
    )
    found = meetings(text, "https://www.interpol.int/en/Who-we-are/visits")
    assert [(m["host"], m["guests"]) for m in found] == [("INT", ["NO"])]
