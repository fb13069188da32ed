"""Engagements between two countries neither of which is Vietnam, as the outlets of those
countries write them: the rules must not assume a Vietnamese home side (texts written for these
tests)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def records(text: str, published: date | None = None, url: str | None = None) -> list[dict]:
    return [r.as_dict() for r in extract(text, document="d", published=published, url=url).records]


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record["participants"]}


def test_an_ambassador_met_without_a_place_is_met_in_the_country_they_are_posted_to():
    text = (
        "Interior Minister Pich Sovann met with Dutch ambassador Mark Jansen on June 12 to "
        "discuss cooperation against drug trafficking.\n\n"
        "Jansen said the Netherlands would keep training Cambodian police officers.\n"
    )
    (meeting,) = records(text, date(2024, 6, 14))
    assert meeting["host"] == "KH" and meeting["guests"] == ["NL"]
    assert meeting["place"]["country"] == "KH"
    assert roles(meeting) == {"Pich Sovann": "host", "Mark Jansen": "guest"}


def test_an_ambassador_titled_in_lower_case_is_a_person_met():
    text = (
        "Police chief Arun Chai received Japanese ambassador Kenji Mori at the national police "
        "headquarters in Bangkok on March 3, 2024.\n"
    )
    (meeting,) = records(text)
    assert "Kenji Mori" in roles(meeting)
    assert meeting["host"] == "TH" and meeting["guests"] == ["JP"]


def test_a_ministry_of_public_security_named_bare_is_not_taken_for_vietnams():
    text = (
        "A Chinese police delegation led by Vice Minister Wang Lei held talks with the Ministry "
        "of Public Security in Vientiane, Laos on May 2, 2024.\n\n"
        "The two sides agreed to fight drug trafficking along the border.\n"
    )
    (meeting,) = records(text)
    assert meeting["host"] == "LA"
    assert "VN" not in meeting.get("guests", [])
    assert all(p.get("country") != "VN" for p in meeting["participants"])


def test_an_agencys_possessive_before_the_titles_gives_the_holder_its_country():
    text = (
        "Malaysia and Japan police forces sign cooperation pact\n\n"
        "The Royal Malaysia Police (RMP) signed a memorandum with the National Police Agency of "
        "Japan (NPA) in Tokyo on May 10, 2024.\n\n"
        "The memorandum was signed by RMP's Inspector-General of Police Ahmad Yusof and NPA's "
        "Commissioner General Kenji Sato.\n"
    )
    (meeting,) = records(text)
    countries = {p["name"]: p.get("country") for p in meeting["participants"]}
    assert countries == {"Ahmad Yusof": "MY", "Kenji Sato": "JP"}
