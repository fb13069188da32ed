"""An international body met as one side (Interpol, UNODC, ASEANAPOL, Europol): the side `INT`,
the body named in `organisations`, the host the side whose premises it is, the place the city's
country. An Interpol National Central Bureau is its country's police, and a body a dialogue
works through is no side of it. Texts written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from events import EngagementFacts
from timeline.extract import extract


def meetings(text: str) -> list[dict[str, Any]]:
    d = extract(text, document="doc", published=date(2025, 12, 20), publisher="Test Wire")
    records = [r.record for r in d.records]
    for record in records:
        EngagementFacts.model_validate(record)  # each draft is a record `timeline append` takes
    return [r for r in records if r["kind"] in ("meeting", "dialogue")]


def sides(record: dict[str, Any]) -> tuple[str | None, list[str], str | None]:
    return record.get("host"), record.get("guests", []), (record.get("place") or {}).get("country")


def bodies(record: dict[str, Any]) -> set[str]:
    return {o.get("abbreviation") or o["name"] for o in record.get("organisations", [])
            if o.get("country") == "INT"}  # fmt: skip


def test_a_minister_receiving_interpols_secretary_general_hosts_the_organisation() -> None:
    (meeting,) = meetings(
        "HANOI, May 6 – Deputy Minister of Public Security Tran Quoc Hai received INTERPOL "
        "Secretary General Marta Oliveira in Hanoi on Tuesday to discuss joint work against "
        "online fraud.\n"
    )
    assert sides(meeting) == ("VN", ["INT"], "VN")
    assert bodies(meeting) == {"INTERPOL"}
    (guest,) = [p for p in meeting["participants"] if p["role"] == "guest"]
    assert (guest["name"], guest["country"]) == ("Marta Oliveira", "INT")
    assert meeting["title"] == "Vietnamese delegation's meeting with the INTERPOL"


def test_a_working_session_at_the_general_secretariat_is_hosted_by_interpol_in_france() -> None:
    (meeting,) = meetings(
        "Ngày 21/10/2024, tại Lyon (Pháp), Thượng tướng Lê Văn Kiên, Thứ trưởng Bộ Công an đã "
        "làm việc với ông Marco Bellini, Tổng Thư ký Interpol tại trụ sở Tổng Ban thư ký "
        "Interpol. Hai bên trao đổi về hợp tác truy nã tội phạm.\n"
    )
    assert sides(meeting) == ("INT", ["VN"], "FR")
    assert meeting["place"]["city"] == "Lyon"
    assert bodies(meeting) == {"INTERPOL"}
    roles = {p["name"]: (p["role"], p.get("country")) for p in meeting["participants"]}
    assert roles == {"Lê Văn Kiên": ("guest", "VN"), "Marco Bellini": ("host", "INT")}


@pytest.mark.parametrize(
    ("text", "guest", "place", "body"),
    [
        ("Australian Federal Police Commissioner Daniel Okoro visited INTERPOL headquarters in "
         "Lyon, France on 12 February 2025 for talks on child protection.\n", "AU", "FR",
         "INTERPOL"),
        ("SINGAPORE, July 2 – Philippine National Police chief Ramon Dizon held talks with "
         "ASEANAPOL Executive Director Kittipong Sornchai at the ASEANAPOL Secretariat in Kuala "
         "Lumpur on Monday.\n", "PH", "MY", "ASEANAPOL"),
    ],
)  # fmt: skip
def test_a_body_met_at_its_premises_abroad_hosts_there(
    text: str, guest: str, place: str, body: str
) -> None:
    (meeting,) = meetings(text)
    assert sides(meeting) == ("INT", [guest], place)
    assert bodies(meeting) == {body}


def test_unodcs_representative_received_is_the_organisations_side() -> None:
    (meeting,) = meetings(
        "Chiều 3/6/2025, tại Hà Nội, Thứ trưởng Bộ Công an Phạm Đức Long đã tiếp bà Ingrid Holm, "
        "Trưởng Đại diện Văn phòng Liên hợp quốc về Ma túy và Tội phạm (UNODC) tại Việt Nam. Hai "
        "bên trao đổi về phòng, chống ma túy.\n"
    )
    assert sides(meeting) == ("VN", ["INT"], "VN")
    assert bodies(meeting) == {"UNODC"}


def test_an_interpol_national_central_bureau_is_its_countrys_police() -> None:
    (meeting,) = meetings(
        "Ngày 8/8/2025, tại Hà Nội, Đại tá Vũ Thanh Sơn, Giám đốc Văn phòng Interpol Việt Nam đã "
        "tiếp đoàn công tác Cơ quan Cảnh sát quốc gia Nhật Bản do ông Kenji Mori dẫn đầu. Hai "
        "bên trao đổi về truy nã tội phạm.\n"
    )
    assert sides(meeting) == ("VN", ["JP"], "VN")
    assert not bodies(meeting)


def test_a_body_a_dialogue_works_through_is_no_side_of_it() -> None:
    (dialogue,) = meetings(
        "Ngày 15/9/2025, tại Seoul, Đối thoại An ninh Việt Nam - Hàn Quốc lần thứ 4 đã diễn ra. "
        "Hai bên nhất trí tăng cường trao đổi thông tin qua kênh Interpol và truy bắt đối tượng "
        "truy nã.\n"
    )
    assert sides(dialogue) == ("KR", ["VN"], "KR")


def test_a_trip_to_the_general_secretariat_is_a_visit_to_interpol() -> None:
    text = (
        "Deputy Minister Hoang Van Tuan ends trip to Interpol\n\n"
        "On December 9, Public Security Deputy Minister Hoang Van Tuan paid the first visit by a "
        "Vietnamese police leader to Interpol General Secretariat headquarters.\n"
        "The same day, he also met with Interpol officials on access to its databases.\n"
    )
    d = extract(text, document="doc", published=date(2025, 12, 20), publisher="Test Wire")
    records = {r.record["kind"]: r.record for r in d.records}
    for record in records.values():
        EngagementFacts.model_validate(record)
    # the General Secretariat's headquarters are in Lyon: the place is France, never INT
    assert sides(records["visit"]) == ("INT", ["VN"], "FR")
    assert bodies(records["visit"]) == {"INTERPOL"}
    assert sides(records["meeting"]) == ("INT", ["VN"], "FR")


def test_a_bodys_headquarters_named_without_a_city_place_it_in_its_seat() -> None:
    (meeting,) = meetings(
        "Europol's Executive Director Sofia Marquez received a delegation of the Royal Thai "
        "Police led by Lieutenant General Anan Srisuk at Europol headquarters on 3 April 2025.\n"
    )
    assert sides(meeting) == ("INT", ["TH"], "NL")
    assert meeting["place"]["city"] == "The Hague"
