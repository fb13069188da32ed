"""A trip told without who travelled ("The delegation is on a visit …") was made by its
sessions' guests to their host: it is drafted with those sides, not as a trip of nobody."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract

EN = (
    "Hanoi (VNA) – Deputy Prime Minister Nguyen Van An on May 4 received a delegation of the "
    "Royal Malaysia Police led by Inspector-General Ahmad Rahim.\n\n"
    "The delegation is on a working visit to discuss training and the fight against drug "
    "trafficking.\n\n"
    "Mr. An said the two police forces should share more information.\n"
)

VI = (
    "Sáng 4/5, tại Hà Nội, Thứ trưởng Bộ Công an Nguyễn Văn An đã tiếp Phó Tổng Thanh tra Cảnh "
    "sát Hoàng gia Malaysia Ahmad Rahim.\n\n"
    "Thứ trưởng hoan nghênh chuyến thăm của đoàn, góp phần thắt chặt quan hệ hai lực lượng.\n\n"
    "Hai bên nhất trí tăng cường trao đổi thông tin về tội phạm ma túy.\n"
)


def drafted(text: str) -> dict[str, dict]:
    d = extract(text, document="doc", published=date(2025, 5, 5), publisher="X")
    return {r.record["kind"]: r.record for r in d.records}


def test_a_trip_told_without_its_travellers_is_the_trip_of_its_session_s_guests():
    for text in (EN, VI):
        recs = drafted(text)
        trip, meeting = recs["visit"], recs["meeting"]
        assert trip["host"] == "VN"
        assert trip["guests"] == ["MY"]
        assert meeting["part_of"] == trip["slug"]
        assert trip["place"]["country"] == "VN"
