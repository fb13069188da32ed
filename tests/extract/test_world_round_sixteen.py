"""Sixteenth round (x-world7): engagements between two countries neither of which is Vietnam, as
Vietnamese outlets' world pages and other countries' outlets tell them (border committees, border
guards' conferences, a security council secretary's trip, interior ministers). The pages are
written for these tests in the genre's shapes; names, places and numbers are made up."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import of_kind, people, records

# --- "Nga" after a title is the country, not part of the name ----------------------------------


def test_russia_written_nga_after_an_interior_minister_title_is_his_country() -> None:
    text = (
        "Ngày 12/3, Bộ trưởng Nội vụ Nga Ivan Sokolov đã tới thủ đô Bắc Kinh, thực hiện chuyến "
        "thăm hai ngày tới Trung Quốc.\n"
    )
    (visit,) = of_kind(text, "visit")
    assert visit["host"] == "CN" and visit["guests"] == ["RU"]
    assert people(visit)["Ivan Sokolov"]["country"] == "RU"


def test_russia_after_a_security_council_secretary_title_is_his_country() -> None:
    text = (
        "Sáng 5/4, Thư ký Hội đồng An ninh Nga Pavel Orlov đã hội đàm với Bộ trưởng Công an "
        "Trung Quốc Lưu Kiến Quốc tại Bắc Kinh.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert people(meeting)["Pavel Orlov"]["country"] == "RU"
    assert "RU" in meeting["guests"]


def test_a_vietnamese_name_ending_in_nga_keeps_its_name() -> None:
    text = (
        "Ngày 8/5, Thứ trưởng Bộ Công an Lê Thị Nga đã tiếp Đại sứ Pháp Jean Martin tại Hà Nội.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert "Lê Thị Nga" in people(meeting)


# --- a Chinese official written the Vietnamese way keeps the country of the title --------------


def test_a_chinese_minister_named_again_without_country_stays_chinese() -> None:
    text = (
        "Ngày 2/6, Thư ký Hội đồng An ninh Belarus Igor Petrenko đã tới Bắc Kinh, thực hiện "
        "chuyến thăm ba ngày tới Trung Quốc. Ông Petrenko đã có cuộc hội đàm với Ngoại trưởng "
        "Trung Quốc Vương Bình.\n"
        "Trong cuộc gặp với Ngoại trưởng Vương Bình, ông Petrenko cho biết hai nước có lập "
        "trường gần nhau về nhiều vấn đề.\n"
    )
    meetings = of_kind(text, "meeting")
    assert all(m.get("host") == "CN" for m in meetings)
    assert all("VN" not in m.get("guests", []) for m in meetings)


# --- two capitals named for their governments are no place ------------------------------------


def test_a_pair_of_capitals_after_giua_is_no_place() -> None:
    text = (
        "Ngày 9/7, Bộ trưởng Nội vụ Pakistan Ali Raza đã hội đàm với Bộ trưởng Công an Trung Quốc "
        "Lưu Kiến Quốc, khẳng định sự tin cậy giữa Islamabad và Bắc Kinh.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert meeting.get("place", {}).get("city") != "Islamabad"


def test_a_pair_of_capitals_after_between_is_no_place() -> None:
    text = (
        "Interior Minister Ali Raza met Chinese Public Security Minister Liu Jianguo on Monday, "
        "praising the trust between Islamabad and Beijing.\n"
    )
    (meeting,) = of_kind(text, "meeting")
    assert meeting.get("place", {}).get("city") != "Islamabad"


# --- the reporter's base is no place ------------------------------------------------------------


def test_the_correspondents_city_does_not_place_the_meeting() -> None:
    text = (
        "Theo phóng viên TTXVN tại Viêng Chăn, ngày 14/9, Bộ Quốc phòng Lào cho biết tại cuộc "
        "gặp với phái đoàn Thái Lan, hai bên đã nhất trí tăng cường tuần tra chung.\n"
    )
    for record in records(text):
        assert record.get("place", {}).get("city") != "Vientiane"


# --- the last session of a standing conference is context ---------------------------------------


def test_the_last_border_conference_told_after_the_one_reported_is_context() -> None:
    text = (
        "Dhaka, May 4: The chiefs of the border forces of Bangladesh and India met in Dhaka on "
        "Tuesday at the Border Coordination Conference.\n"
        "The last Director General Level Coordination conference between the two forces was "
        "held from January 10 to 14 in New Delhi.\n"
    )
    claimed = [
        r
        for r in records(text, published=date(2025, 5, 4))
        if "context-mention" not in {f["code"] for f in r.get("x-review", {}).get("flags", [])}
    ]
    assert all(not r["date"]["start"].endswith("-01-10") for r in claimed)


def test_the_previous_round_of_talks_told_in_vietnamese_is_context() -> None:
    text = (
        "Ngày 20/11, Bộ trưởng Nội vụ Malaysia Ahmad Karim đã hội đàm với Bộ trưởng Nội vụ "
        "Indonesia Budi Santoso tại Jakarta.\n"
        "Cuộc họp cấp bộ trưởng gần nhất giữa hai bên diễn ra tại Kuala Lumpur ngày 3/2.\n"
    )
    claimed = [
        r
        for r in records(text, published=date(2025, 11, 21))
        if "context-mention" not in {f["code"] for f in r.get("x-review", {}).get("flags", [])}
    ]
    assert all(not r["date"]["start"].endswith("-02-03") for r in claimed)


# --- border committees and border conferences are the two sides' dialogues ---------------------


def test_a_general_border_committee_round_between_two_countries_is_their_dialogue() -> None:
    text = (
        "Cuộc đàm phán cấp thư ký của Ủy ban Biên giới Chung (GBC) giữa Lào và Myanmar ngày 12/3 "
        "kéo dài sang ngày thứ hai trong bối cảnh hai bên chưa thống nhất về việc tuần tra chung.\n"
    )
    # (its day given: "sang ngày thứ hai" is the talks' second day, no Monday to date them by)
    (dialogue,) = of_kind(text, "dialogue")
    assert sorted(dialogue["guests"]) == ["LA", "MM"] or sorted(
        [dialogue.get("host"), *dialogue.get("guests", [])]
    ) == ["LA", "MM"]


def test_secretary_in_thu_ky_is_no_signing() -> None:
    text = "Cuộc họp cấp thư ký giữa Lào và Myanmar về biên giới kéo dài sang ngày thứ hai.\n"
    for record in records(text):
        kind_quotes = [e["quote"] for e in record["evidence"] if e["field"] == "kind"]
        assert "ký" not in kind_quotes


def test_a_border_coordination_conference_of_two_named_countries_is_their_dialogue() -> None:
    text = (
        "Dhaka, May 4: The chiefs of the border forces of Bangladesh and India met in Dhaka on "
        "Tuesday at the Border Coordination Conference.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    sides = sorted([dialogue.get("host"), *dialogue.get("guests", [])])
    assert sides == ["BD", "IN"]


def test_level_and_coordination_are_no_persons_name() -> None:
    text = (
        "The last DG Level Coordination conference between the Border Guard Bangladesh (BGB) and "
        "the Border Security Force (BSF) was held from January 10 to 14 in Dhaka.\n"
    )
    for record in records(text):
        assert all("Level" not in p["name"] for p in record.get("participants", []))


# --- a conference between two units with their countries in brackets, hosted by one ------------


def test_a_conference_between_two_units_with_their_countries_in_brackets_is_a_dialogue() -> None:
    text = (
        "Hội nghị bất thường RBC giữa Quân khu 3 (Lào) và Quân khu 1 (Myanmar) do Myanmar đăng "
        "cai tổ chức sáng 14/10, kéo dài gần hai giờ.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["host"] == "MM" and dialogue["guests"] == ["LA"]


def test_a_country_named_as_host_with_dang_cai_hosts_the_conference() -> None:
    text = (
        "Ngày 3/6, Hội nghị hợp tác phòng chống tội phạm lần thứ 4 giữa Bộ Nội vụ Lào và Bộ Nội "
        "vụ Myanmar do Lào đăng cai tổ chức đã diễn ra.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert dialogue["host"] == "LA"


# --- two countries that negotiated (added at the round's merge) --------------------------------


def test_two_countries_that_negotiated_met() -> None:
    text = (
        "Ngày 10/3, Nhật Bản và Hàn Quốc đã đàm phán về hợp tác chống buôn lậu ma túy tại Seoul, "
        "theo Bộ Ngoại giao Hàn Quốc.\n"
    )
    (talks,) = records(text, published=date(2025, 3, 12))
    assert {talks.get("host"), *talks.get("guests", [])} == {"KR", "JP"}
    assert talks["date"]["start"] == "2025-03-10"


def test_a_round_of_negotiations_to_come_is_no_meeting_held() -> None:
    text = (
        "Nhật Bản và Hàn Quốc nhất trí vòng đàm phán tiếp theo về hợp tác chống buôn lậu ma túy "
        "sẽ diễn ra tại Tokyo vào tháng 5.\n"
    )
    held = [r for r in records(text, published=date(2025, 3, 12)) if r.get("status") != "planned"]
    assert held == []
