"""One meeting is drafted once: the agency named in the title of the person met, the agency
whose delegation that person leads, and the agency at whose headquarters they meet are not
counterparts of meetings of their own."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract

TEXTS = {
    "title before the name": (
        "Ngày 14/3, tại Hà Nội, Thượng tướng Nguyễn Văn An, Thứ trưởng Bộ Công an, hội đàm với "
        "Tư lệnh Cơ quan Cảnh sát biển Trung Quốc Vương Trọng Tài đang có chuyến thăm Việt Nam.\n"
    ),
    "a delegation led by": (
        "Ngày 14-3, Đại tá Trần Minh Khoa, Phó Giám đốc Công an TP Hà Nội đã làm việc với đoàn "
        "Cảnh sát Hoàng gia Malaysia - Malaysia do ông Ahmad Rahim, Phó Tổng cục trưởng làm "
        "trưởng đoàn.\n"
    ),
    "at the headquarters": (
        "Tổng cục trưởng Cảnh sát Hoàng gia Malaysia Ahmad Rahim ngày 14/3 đã có cuộc hội đàm "
        "với Thứ trưởng Công an Việt Nam Nguyễn Văn An tại trụ sở Cơ quan Cảnh sát quốc gia ở "
        "Kuala Lumpur.\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(TEXTS))
def test_a_meeting_with_a_person_and_their_agency_is_drafted_once(shape):
    d = extract(TEXTS[shape], document="doc", published=date(2025, 3, 20), publisher="X")
    meetings = [r.record for r in d.records if r.record["kind"] == "meeting"]
    assert len(meetings) == 1
    names = {p["name"] for p in meetings[0]["participants"]}
    assert names & {"Ahmad Rahim", "Vương Trọng Tài"}


def test_whom_one_calls_on_ends_where_and_together_with_opens_the_next_clause():
    text = (
        "Nhân chuyến thăm chính thức Lào từ ngày 4 đến 7/6/2025, chiều 5/6, tại Viêng Chăn, "
        "Thượng tướng Nguyễn Văn An, Thứ trưởng Bộ Công an đã chào xã giao đồng chí Khăm Phăn "
        "Phôm Ma Thắt, Phó Thủ tướng Lào và cùng đồng chí Vi Lay Sổm Phu, Bộ trưởng Bộ An ninh "
        "Lào đồng chủ trì Hội nghị hợp tác an ninh Việt Nam – Lào lần thứ 9.\n"
    )
    d = extract(text, document="doc", published=date(2025, 6, 6), publisher="X")
    kinds = sorted(r.record["kind"] for r in d.records)
    assert kinds == ["dialogue", "meeting", "visit"]
    meeting = next(r.record for r in d.records if r.record["kind"] == "meeting")
    assert "Vi Lay Sổm Phu" not in {p["name"] for p in meeting["participants"]}


def test_the_caller_named_after_the_one_called_on_opens_a_clause_of_their_own():
    text = (
        "Thứ trưởng Nguyễn Văn An làm việc tại Lào\n\n"
        "Chiều 8/5, khi tới chào xã giao Tổng Bí thư, Chủ tịch nước Lào Thoong Lun Xi Xu Lít, "
        "Thứ trưởng Nguyễn Văn An đã gửi lời chào từ lãnh đạo Bộ Công an Việt Nam.\n\n"
        "Hai bên nhất trí tăng cường hợp tác phòng chống tội phạm ma túy.\n"
    )
    d = extract(text, document="doc", published=date(2025, 5, 9), publisher="X")
    (meeting,) = [r.record for r in d.records if r.record["kind"] == "meeting"]
    assert meeting["host"] == "LA"
    assert meeting["guests"] == ["VN"]
    roles = {p["name"]: p["role"] for p in meeting["participants"]}
    assert roles == {"Thoong Lun Xi Xu Lít": "host", "Nguyễn Văn An": "guest"}
