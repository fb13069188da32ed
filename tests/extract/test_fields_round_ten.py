"""The fields of drafts, tenth round: dates (relative days and weeks, months of last year, years
in the address, a review's year and the plan's) and roles (who heads a delegation, who is the
guest, who chairs). The pages are written for these tests in the genre's shapes; the names are
made up."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def records(page: str, **kw: object) -> list[dict]:
    return [r.record for r in extract(page, document="page", **kw).records]  # type: ignore[arg-type]


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record.get("participants", [])}


def by_kind(rs: list[dict], kind: str) -> list[dict]:
    return [r for r in rs if r["kind"] == kind]


# --- who heads a delegation ---------------------------------------------------------------------


def test_the_head_named_with_the_trip_heads_the_delegation_at_talks_with_agencies() -> None:
    page = (
        "Từ ngày 10 - 13/9/2024, đoàn cán bộ Công an tỉnh Lai Châu do Đại tá Vũ Đình Khang "
        "dẫn đầu đã sang thăm và hội đàm với Công an 02 tỉnh: Phông Sa Lỳ và Luông Nậm Thà "
        "(Lào).\n"
        "Các bên bàn cách cùng giữ yên ổn vùng giáp ranh.\n"
    )
    talks = by_kind(records(page), "meeting")
    assert len(talks) == 2
    # no one of the provinces' police is named as receiving them: the delegation met the
    # agencies, and its head is the delegation's head there too
    assert all(roles(t) == {"Vũ Đình Khang": "delegation_head"} for t in talks)


def test_the_trips_head_is_the_guest_of_whoever_receives_them_and_heads_it_elsewhere() -> None:
    page = (
        "Ngày 14/10/2024, đoàn đại biểu Bộ Công an do Thứ trưởng Trần Đức Hải dẫn đầu đã sang "
        "thăm Nhật Bản.\n"
        "Trong chuyến thăm, Thứ trưởng Trần Đức Hải đã hội đàm với ngài Takeda Kenji, Phó Tổng "
        "Cục trưởng Cơ quan Cảnh sát quốc gia Nhật Bản.\n"
        "Đoàn cũng đã làm việc với Cảnh sát tỉnh Aichi.\n"
    )
    rs = records(page)
    (trip,) = by_kind(rs, "visit")
    assert roles(trip) == {"Trần Đức Hải": "delegation_head"}
    got = {r["slug"]: roles(r) for r in by_kind(rs, "meeting")}
    # received by a person: the guest; at the prefecture's police, named by no one: the head
    assert {"Trần Đức Hải": "guest", "Takeda Kenji": "host"} in got.values()
    assert {"Trần Đức Hải": "delegation_head"} in got.values()


def test_the_head_of_a_delegation_received_at_a_meeting_without_a_trip_heads_it() -> None:
    page = (
        "Ngày 5/8/2024, tại Hà Nội, Thượng tướng Lê Minh Đạo, Thứ trưởng Bộ Công an đã tiếp "
        "đoàn đại biểu Bộ Nội vụ Hungary do ông Kovács Péter, Quốc vụ khanh làm trưởng đoàn.\n"
        "Hai bên trao đổi về hợp tác phòng chống tội phạm có tổ chức.\n"
    )
    (meeting,) = by_kind(records(page), "meeting")
    assert roles(meeting) == {"Lê Minh Đạo": "host", "Kovács Péter": "delegation_head"}


def test_a_guest_who_presides_over_a_signing_with_the_host_is_still_the_guest() -> None:
    page = (
        "Cambodian Prime Minister Sok Vanna welcomed Lao Prime Minister Keo Phommachanh at the "
        "Peace Palace in Phnom Penh on June 4, 2024.\n"
        "Sok Vanna and Keo Phommachanh presided over a ceremony where three border accords "
        "were signed.\n"
    )
    (meeting,) = by_kind(records(page), "meeting")
    # presiding is no side of its own: at a meeting the record has a host and guests
    assert roles(meeting) == {"Sok Vanna": "host", "Keo Phommachanh": "guest"}


# --- dates --------------------------------------------------------------------------------------


def first_date(page: str, **kw: object) -> str:
    (record, *_) = records(page, **kw)
    return record["date"]["start"]


def test_a_weekday_of_last_week_is_that_day_of_the_week_before() -> None:
    page = (
        "Interior Minister Rafael Ortiz met his Chilean counterpart Ana Reyes in Lima on "
        "Thursday last week to discuss border crime.\n"
    )
    # published on a Friday: "Thursday" alone would be the day before
    assert first_date(page, published=date(2024, 5, 10)) == "2024-05-02"


def test_a_vietnamese_weekday_of_last_week_is_that_day_of_the_week_before() -> None:
    page = (
        "Thứ Năm tuần trước, tại Hà Nội, Thượng tướng Lê Minh Đạo, Thứ trưởng Bộ Công an đã "
        "tiếp ông Kovács Péter, Quốc vụ khanh Bộ Nội vụ Hungary.\n"
    )
    assert first_date(page, published=date(2024, 5, 10)) == "2024-05-02"


def test_last_friday_written_on_a_friday_is_a_week_before() -> None:
    page = (
        "Interior Minister Rafael Ortiz met last Friday with Chilean Interior Minister Ana "
        "Reyes in Lima.\n"
    )
    assert first_date(page, published=date(2024, 5, 10)) == "2024-05-03"


def test_a_month_of_last_year_keeps_its_month() -> None:
    page = (
        "Interior Minister Rafael Ortiz held talks with Chilean Interior Minister Ana Reyes "
        "July last year in Lima, the ministry said.\n"
    )
    d = records(page, published=date(2024, 5, 10))[0]["date"]
    assert (d["start"], d.get("end"), d["precision"]) == ("2023-07-01", "2023-07-31", "month")


def test_a_url_that_names_its_month_dates_the_page() -> None:
    page = (
        "Islamabad police chief Tariq Mehmood on Tuesday met Japan's police attaché Sato "
        "Hiroshi in Islamabad.\n"
    )
    for url in (
        "https://paper.example.pk/16-Apr-2024/igp-receives-japanese-delegation",
        "https://paper.example.com/world/2024/apr/16/igp-receives-japanese-delegation",
        "https://police.example.gov/news/release-april-16-2024",
    ):
        assert first_date(page, url=url) == "2024-04-16", url


def test_talks_that_review_one_year_and_plan_the_next_are_held_at_the_turn() -> None:
    page = (
        "Sáng 12-2, tại thành phố Sơn La, Công an tỉnh Sơn La đã hội đàm với Công an tỉnh Hủa "
        "Phăn (Lào).\n"
        "Hai bên cùng nhìn lại những việc đã làm được năm 2025 và bàn kế hoạch phối hợp cho "
        "năm 2026.\n"
    )
    # the later year is only the plan: talks in February review last year
    assert first_date(page) == "2026-02-12"
    assert first_date(page.replace("Sáng 12-2", "Sáng 12-12")) == "2025-12-12"


def test_the_year_of_a_quarter_reviewed_dates_the_talks_after_it() -> None:
    english = (
        "On January 22, border guard officers of Cao Bang held talks with the Longzhou border "
        "management brigade of China.\n"
        "Over the final quarter of 2023 the posts swapped 20 letters and three visits.\n"
    )
    assert first_date(english) == "2024-01-22"
    vietnamese = (
        "Ngày 22/1, tại Cao Bằng, Đồn Biên phòng Trà Lĩnh đã hội đàm với Trạm Quản lý biên "
        "giới Long Châu (Trung Quốc).\n"
        "Trong quý IV/2023, hai bên đã trao đổi 20 thư và gặp nhau ba lần.\n"
    )
    assert first_date(vietnamese) == "2024-01-22"


# --- who took part ------------------------------------------------------------------------------


def test_who_endorses_the_outcome_afterwards_took_no_part_in_the_meeting() -> None:
    page = (
        "Kenya's Inspector General of Police Amos Kiprono on Tuesday received Uganda's "
        "Inspector General of Police Joseph Okello in Nairobi, 14 May 2024.\n"
        "The two agreed to set up joint border patrols.\n"
        "President Daniel Mwangi later endorsed the agreement and welcomed the outcome of the "
        "talks.\n"
    )
    (meeting,) = by_kind(records(page), "meeting")
    assert roles(meeting) == {"Amos Kiprono": "host", "Joseph Okello": "guest"}
