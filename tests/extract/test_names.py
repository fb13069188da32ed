"""Names and organisations the English genre writes with long titles before an abbreviation."""

from __future__ import annotations

from timeline.extract.gazetteer import learn_abbreviations


def test_an_abbreviation_names_the_organisation_not_the_titles_before_it():
    text = (
        "Deputy Minister Senior Lieutenant General Tran Van Binh and Acting Assistant Secretary "
        "of State for the Bureau of Consular Affairs (CA) Jane Doe co-chaired the talks. The "
        "Director General of the Korean National Police Agency (KNPA) attended.\n"
    )
    names = {m.abbreviation: m.key for m in learn_abbreviations(text)}
    assert names == {"CA": "Bureau of Consular Affairs", "KNPA": "Korean National Police Agency"}


def test_a_wire_dateline_is_no_place_and_a_lowercase_title_names_a_person():
    from datetime import date

    from timeline.extract import extract

    text = (
        "South Korea, Vietnam agree to fight drug crimes\n\n"
        "SEOUL, Oct. 21 (Yonhap) -- South Korea's police chief Park Min-soo held talks with "
        "Vietnamese Minister of Public Security Tran Van Binh in Hanoi on Thursday, the police "
        "said.\n"
        "The two sides agreed to share information on drug trafficking.\n"
    )
    d = extract(text, document="doc", published=date(2023, 10, 21), publisher="X")
    (meeting,) = [r.record for r in d.records]
    assert meeting["place"] == {"city": "Hanoi", "country": "VN"}  # not Seoul, the dateline
    roles = {p["name"]: (p["role"], p["country"]) for p in meeting["participants"]}
    assert roles == {"Park Min-soo": ("guest", "KR"), "Tran Van Binh": ("host", "VN")}


def test_us_before_a_title_is_the_country_and_an_ambassador_is_theirs():
    from datetime import date

    from timeline.extract import extract

    text = (
        "Minister meets ambassador\n\n"
        "Minister of Public Security General Tran Van Binh on March 5 met with US Ambassador to "
        "Vietnam John Carter in Hanoi.\n"
        "The two sides discussed cooperation against cybercrime.\n"
    )
    d = extract(text, document="doc", published=date(2024, 3, 6), publisher="X")
    (meeting,) = [r.record for r in d.records]
    assert (meeting["host"], meeting["guests"]) == ("VN", ["US"])
