"""Pages the extractor used to draft nothing from: the genre's shapes of a bilateral session that
the verbs of meeting did not read (texts written for these tests, in the genre's shape)."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def meetings(text: str, published: date = date(2024, 4, 5)) -> list[dict]:
    d = extract(text, document="doc", published=published)
    return [r.record for r in d.records if r.record["kind"] == "meeting"]


def test_a_minister_who_greeted_a_foreign_delegation_hosts_the_meeting():
    text = (
        "Minister of Public Security General Le Van Minh greeted a delegation from the Korean "
        "National Police Agency led by Deputy Commissioner General Kim Jae-won in Hanoi on "
        "Tuesday.\n"
        "The two sides discussed cooperation against cyber crime.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["KR"])
    roles = {p["name"]: p["role"] for p in meeting["participants"]}
    assert roles == {"Le Van Minh": "host", "Kim Jae-won": "delegation_head"}


def test_greeted_without_a_delegation_is_no_meeting():
    text = (
        "Minister of Public Security General Le Van Minh greeted the new year with a speech to "
        "officers in Hanoi on Tuesday.\n"
    )
    assert meetings(text) == []


def test_two_ministers_who_agreed_during_talks_are_that_meeting():
    text = (
        "Hanoi (VNA) – Vietnamese Minister of Public Security Le Van Minh and Lao Minister of "
        "Public Security Khamsay Phommachanh agreed to step up cooperation against drug "
        "trafficking during talks in Hanoi on October 16.\n"
        "The two ministers reviewed the outcomes of their cooperation agreement.\n"
    )
    (meeting,) = meetings(text, date(2024, 10, 17))
    assert (meeting["host"], meeting["guests"]) == ("VN", ["LA"])
    assert meeting["date"]["start"] == "2024-10-16"
    assert {p["name"] for p in meeting["participants"]} == {"Le Van Minh", "Khamsay Phommachanh"}


def test_two_ministers_who_co_chaired_a_meeting_are_that_meeting():
    text = (
        "Phnom Penh (VNA) – Cambodian Interior Minister Chea Sophal and Thai Police Commissioner "
        "General Somsak Wongchai co-chaired a meeting in Bangkok on March 5 to review their "
        "cooperation against human trafficking.\n"
    )
    (meeting,) = meetings(text, date(2024, 3, 6))
    assert sorted([meeting["host"], *meeting["guests"]]) == ["KH", "TH"]
    assert meeting["place"]["city"] == "Bangkok"


def test_two_officials_of_one_country_during_talks_are_no_meeting_of_two_countries():
    text = (
        "Vietnamese Minister of Public Security Le Van Minh and Vietnamese Deputy Minister of "
        "Public Security Tran Quoc Hung agreed on a plan during talks in Hanoi on October 16.\n"
    )
    assert meetings(text, date(2024, 10, 17)) == []


def test_a_charge_daffaires_ad_interim_welcomed_at_a_reception_is_its_guest():
    text = (
        "Tại buổi tiếp, Thứ trưởng Lê Văn Minh chào mừng Đại biện lâm thời Đại sứ quán Australia "
        "tại Việt Nam John Carter đến thăm và làm việc với Bộ Công an.\n"
        "Hai bên đã trao đổi về hợp tác phòng, chống tội phạm xuyên quốc gia.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["AU"])
    titles = {p["name"]: p.get("title") for p in meeting["participants"]}
    assert titles["John Carter"].startswith("Chargé d'Affaires ad interim")
