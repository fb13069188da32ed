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
    assert roles == {"Le Van Minh": "host", "Kim Jae-won": "guest"}


def test_greeted_without_a_delegation_is_no_meeting():
    text = (
        "Minister of Public Security General Le Van Minh greeted the new year with a speech to "
        "officers in Hanoi on Tuesday.\n"
    )
    assert meetings(text) == []
