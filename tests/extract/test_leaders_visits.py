"""A head of state's or government's visit that frames a security engagement is its occasion,
not an engagement of the archive: only the security engagement is claimed. Pages written for
these tests."""

from __future__ import annotations

from timeline.extract import extract


def claimed(text: str) -> list[str]:
    """The kinds of the drafts claimed as engagements: neither planned nor context."""
    return [
        r.record["kind"]
        for r in extract(text, document="doc").records
        if r.record.get("status", "held") == "held" and "context-mention" not in r.codes
    ]


def test_talks_within_the_framework_of_a_prime_minister_s_visit_claim_only_the_talks() -> None:
    text = (
        "Deputy Minister of Public Security Tran Van Binh held talks with his Lao counterpart "
        "Khamla Sisouk in Vientiane on March 2, 2024, within the framework of the Laos visit by "
        "Prime Minister Nguyen Van An.\n"
    )
    assert claimed(text) == ["meeting"]


def test_a_memorandum_signed_during_a_state_visit_claims_the_police_meeting_only() -> None:
    text = (
        "The Philippine National Police and the Korean National Police Agency signed a "
        "memorandum on police cooperation during the state visit of South Korean President Park "
        "Min-ho to the Philippines on March 3, 2026.\n"
    )
    assert "visit" not in claimed(text)


def test_a_conference_carrying_out_a_general_secretary_s_state_visit_is_claimed_alone() -> None:
    text = (
        "Ngày 10/1/2024, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã hội đàm với Thứ "
        "trưởng Bộ An ninh Quốc gia Trung Quốc Lý Minh nhằm triển khai Tuyên bố chung trong "
        "chuyến thăm cấp Nhà nước đến Việt Nam của Tổng Bí thư, Chủ tịch nước Trung Quốc vào "
        "tháng 12/2023.\n"
    )
    assert claimed(text) == ["meeting"]


def test_a_deputy_prime_minister_s_security_visit_is_an_engagement() -> None:
    text = (
        "Phó Thủ tướng kiêm Bộ trưởng Nội vụ Campuchia Sok Vanna đã thăm chính thức Việt Nam từ "
        "ngày 3 - 5/3/2024 theo lời mời của Bộ Công an.\n"
    )
    assert "visit" in claimed(text)
