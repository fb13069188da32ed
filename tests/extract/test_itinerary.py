"""A trip with an itinerary: a visit to a country's agencies, sessions listed with ';' and 'và',
two officials of one ministry met together, an embassy and the police of several places."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract

TEXT = (
    "Thứ trưởng Trần Văn Bình thăm và làm việc tại Hàn Quốc\n\n"
    "Từ ngày 10 đến 14-9, Thượng tướng Trần Văn Bình, Thứ trưởng và Đoàn công tác Bộ Công an "
    "Việt Nam đã đến thăm và làm việc với các cơ quan hữu quan Hàn Quốc.\n"
    "Tại các buổi tiếp và làm việc với ngài Park Min-soo, Phó Tư lệnh Cơ quan Cảnh sát quốc gia Hàn "
    "Quốc; ngài Lee Jae-won và ngài Choi Dong-hyun, Thứ trưởng Bộ Tư pháp Hàn Quốc, hai bên "
    "đánh giá cao quan hệ hợp tác.\n"
    "Trong dịp này, Đoàn công tác cũng có các buổi làm việc với Sứ quán Việt Nam tại Hàn Quốc "
    "và Cảnh sát Busan, Incheon.\n"
)


def records():
    d = extract(TEXT, document="doc", published=date(2019, 9, 16), publisher="X")
    return [r.record for r in d.records]


def test_a_visit_to_a_country_s_agencies_is_a_trip_to_the_country():
    (visit,) = [r for r in records() if r["kind"] == "visit"]
    assert visit["place"]["country"] == "KR"
    assert (visit["date"]["start"], visit["date"]["end"]) == ("2019-09-10", "2019-09-14")


def test_each_session_of_the_itinerary_is_one_event_of_the_trip():
    recs = records()
    (visit,) = [r for r in recs if r["kind"] == "visit"]
    sessions = [r for r in recs if r["kind"] != "visit"]
    # the police agency, the ministry (two officials), the embassy, the police of Busan and of
    # Incheon
    assert len(sessions) == 5, [r["title"] for r in sessions]
    assert [r["kind"] for r in sessions].count("embassy_visit") == 1
    assert all(r.get("part_of") == visit["slug"] for r in sessions)


def test_at_a_session_abroad_the_host_country_s_official_hosts_whatever_the_verb_order():
    police = next(r for r in records() if "Park Min-soo" in str(r.get("participants")))
    roles = {p["name"]: p["role"] for p in police["participants"]}
    assert roles["Park Min-soo"] == "host"
