"""Sessions of a trip abroad told the genre's way: official talks named by their noun
("Trong cuộc hội đàm chính thức với …") and a meeting with the staff of our embassy
("Gặp gỡ cán bộ, nhân viên Đại sứ quán …") opening the sentence."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract

TRIP = (
    "Từ ngày 15-18/3, đoàn đại biểu Bộ Công an do Thiếu tướng Trần Văn Bình, Thứ trưởng Bộ "
    "Công an dẫn đầu, đã thăm và làm việc tại Cuba.\n\n"
    "Trong cuộc hội đàm chính thức với Bộ trưởng Nội vụ Cuba, Trung tướng Pedro Luis Ramos, "
    "hai bên đã trao đổi về hợp tác.\n\n"
    "Gặp gỡ cán bộ, nhân viên Đại sứ quán Việt Nam tại Cuba, Thứ trưởng Trần Văn Bình đã trao "
    "đổi về tình hình trong nước.\n"
)


def drafts() -> list[dict]:
    return [r.record for r in extract(TRIP, document="d", published=date(2024, 3, 20)).records]


def test_official_talks_named_by_their_noun_are_a_meeting_with_the_counterpart():
    (meeting,) = [r for r in drafts() if r["kind"] == "meeting"]
    assert "Pedro Luis Ramos" in [p["name"] for p in meeting["participants"]]


def test_meeting_the_staff_of_our_embassy_is_an_embassy_visit():
    (visit,) = [r for r in drafts() if r["kind"] == "embassy_visit"]
    assert "Embassy of Vietnam in Cuba" in [o["name"] for o in visit["organisations"]]
