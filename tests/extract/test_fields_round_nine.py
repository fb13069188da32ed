"""The fields of drafts, ninth round: who took part (and who was only named beside the
engagement), which side each person was on, and trips that say nothing of their own. The pages
are written for these tests in the genre's shapes; the names are made up."""

from __future__ import annotations

from timeline.extract import extract
from timeline.extract.languages.base import roman


def records(page: str) -> list[dict]:
    return [r.record for r in extract(page, document="page").records]


def roles(record: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record.get("participants", [])}


def countries(record: dict) -> dict[str, str | None]:
    return {p["name"]: p.get("country") for p in record.get("participants", [])}


# --- the side of the one met --------------------------------------------------------------------


TRIP_TO_LAOS = (
    "Laos and Myanmar are to patrol the Mekong together against heroin gangs, the head of "
    "the Royal Myanmar Army, General Kyaw Soe Lwin, announced.\n"
    "The army chief met Prime Minister Bounmy Sayavong on March 9, the second day of his "
    "visit to Laos.\n"
    "General Kyaw Soe Lwin added that his troops would keep the frontier quiet and trade "
    "flowing.\n"
    "Bounmy praised the ties between Laos and Myanmar and the Myanmar side's care for Lao "
    "migrants in Laos.\n"
)


def test_the_one_met_without_a_country_on_a_trips_session_is_of_the_country_visited() -> None:
    # (neither person's country is written: the page's most named foreign side was given
    # to both, a meeting of two Myanmar officials)
    meeting = next(r for r in records(TRIP_TO_LAOS) if r["kind"] == "meeting")
    assert (meeting["host"], meeting["guests"]) == ("LA", ["MM"])
    assert countries(meeting) == {"Kyaw Soe Lwin": "MM", "Bounmy Sayavong": "LA"}
    assert roles(meeting) == {"Kyaw Soe Lwin": "guest", "Bounmy Sayavong": "host"}


def test_a_trips_record_names_who_travelled_not_who_received_them() -> None:
    trip = next(r for r in records(TRIP_TO_LAOS) if r["kind"] == "visit")
    assert roles(trip) == {"Kyaw Soe Lwin": "delegation_head"}


def test_the_visited_side_at_the_table_makes_the_one_met_the_visitor() -> None:
    # the rule above stops where the side visited is named at the meeting
    page = (
        "Ngày 11/4, ông Igor Volkov tới Hà Nội, mở đầu chuyến thăm Việt Nam để bàn về hợp tác "
        "an ninh với Nga.\n\n"
        "Ngày 12/4, Bộ trưởng Công an Phạm Văn Hòa đã có cuộc hội đàm với ông Igor Volkov về "
        "phòng chống khủng bố.\n"
    )
    talks = next(r for r in records(page) if r["kind"] == "meeting")
    assert countries(talks)["Igor Volkov"] == "RU"
    assert "RU" in talks["guests"]


# --- roles ----------------------------------------------------------------------------------


def test_the_speaker_of_a_quoted_first_person_call_is_the_caller() -> None:
    page = (
        "Thai Ambassador Somchai Rattana met Kenya's police chief Peter Ochieng in "
        "Nairobi on Monday.\n"
        "“We called on the police chief to offer training for cyber "
        "investigators,” said Ambassador Somchai.\n"
    )
    (meeting,) = records(page)
    assert roles(meeting)["Somchai Rattana"] == "guest"
    assert roles(meeting)["Peter Ochieng"] == "host"


# --- named beside the engagement, not taking part ---------------------------------------------


def test_a_commentator_quoted_after_a_meeting_takes_no_part_in_it() -> None:
    page = (
        "On May 3, 2025, Lao Interior Minister Vilayvong Keo held talks in Vientiane with "
        "Thailand's deputy police chief Prasert Wongsa.\n"
        "\n"
        "They promised to swap intelligence on online fraud rings.\n"
        "\n"
        "Noy Chanthavong, deputy head of research at the rights group Mekong Watch, "
        "warned that such promises were rarely kept.\n"
    )
    (meeting,) = records(page)
    assert set(roles(meeting)) == {"Vilayvong Keo", "Prasert Wongsa"}


def test_a_person_first_named_at_an_occasion_of_their_own_takes_no_part() -> None:
    page = (
        "On May 3, 2025, Lao Interior Minister Vilayvong Keo held talks in Vientiane with "
        "Thailand's deputy police chief Prasert Wongsa.\n"
        "\n"
        "They promised to swap intelligence on online fraud rings.\n"
        "\n"
        "The US Ambassador, Mark Dowd, at a press conference the next day, hailed the "
        "visit.\n"
    )
    meeting = next(r for r in records(page) if r["kind"] == "meeting")
    assert "Mark Dowd" not in roles(meeting)


def test_the_leader_a_delegation_accompanies_is_no_participant_of_its_sessions() -> None:
    page = (
        "Ngày 8/5/2025 tại Phnôm Pênh, khi tháp tùng Chủ tịch nước Lê Minh Xuân sang Campuchia, "
        "Thứ trưởng Công an Trần Văn Dũng đã hội đàm với Đại tướng Chea Sovann, Bộ trưởng Bộ "
        "Nội vụ Campuchia, về tội phạm lừa đảo qua mạng.\n"
    )
    talks = next(r for r in records(page) if r["kind"] == "meeting")
    assert "Lê Minh Xuân" not in roles(talks)
    assert roles(talks)["Trần Văn Dũng"] == "guest"
    assert all("Lê Minh Xuân" not in roles(r) for r in records(page))


def test_a_minister_accompanied_by_a_deputy_still_takes_part() -> None:
    page = (
        "Bộ trưởng Công an Phạm Văn Hòa, cùng đi có Thứ trưởng Trần Văn Dũng, ngày 8/5/2025 đã "
        "tiếp Đại tướng Chea Sovann, Bộ trưởng Bộ Nội vụ Campuchia.\n"
    )
    (reception,) = records(page)
    assert roles(reception)["Phạm Văn Hòa"] == "host"
    assert roles(reception)["Chea Sovann"] == "guest"


# --- trips that say nothing of their own ----------------------------------------------------


def test_a_visit_named_only_after_its_session_is_no_trip_of_its_own() -> None:
    page = (
        "On June 2 Cambodian police commissioner Sok Dara received Thai police general Prasert "
        "Wongsa.\n\n"
        "Sok Dara said he was grateful for the visit, which showed how close the two forces "
        "had become.\n"
    )
    drafted = records(page)
    assert [r["kind"] for r in drafted] == ["meeting"]
    assert "part_of" not in drafted[0]


def test_a_visit_framing_the_sessions_told_after_it_is_still_drafted() -> None:
    page = (
        "Từ ngày 2 - 6/6/2025, Thứ trưởng Trần Văn Dũng dẫn đầu đoàn Bộ Công an dự một hội "
        "chợ thiết bị an ninh tại Đức.\n\n"
        "Trong khuôn khổ chuyến thăm, ông đã hội đàm với Thứ trưởng Bộ Nội vụ Đức Hans "
        "Keller.\n"
    )
    kinds = sorted(r["kind"] for r in records(page))
    assert kinds == ["meeting", "visit"]


# --- what is no engagement ------------------------------------------------------------------


def test_a_ministrys_department_at_its_own_provincial_police_is_no_bilateral_meeting() -> None:
    page = (
        "Cao Bằng đón đoàn kiểm tra của Bộ\n"
        "Ngày 14/4/2025, một đoàn của Cục Hợp tác quốc tế Bộ Công an do Đại tá Lê Văn Hải, Phó "
        "Cục trưởng, dẫn đầu về Cao Bằng để nắm việc phối hợp của tỉnh với Công an "
        "Quảng Tây, Trung Quốc. Đại tá Hoàng Văn Nam – Phó Chỉ huy trưởng, dự, chủ trì buổi "
        "tiếp.\n"
        "Công an tỉnh trình bày các vụ việc đã cùng phía bạn giải quyết.\n"
    )
    assert records(page) == []


def test_a_trips_agenda_with_partners_is_no_meeting_with_ones_own_ministry() -> None:
    page = (
        "Theo lịch làm việc với phía Hàn Quốc mà Bộ Công an Việt Nam đã thống nhất, hôm "
        "5/9/2025 ở Seoul, Thứ trưởng Trần Văn Dũng đã làm việc với ông Park "
        "Ji-hoon, Phó Tổng Cục trưởng Cơ quan Cảnh sát Quốc gia Hàn Quốc.\n"
    )
    drafted = [r for r in records(page) if r["kind"] == "meeting"]
    assert len(drafted) == 1
    assert drafted[0]["host"] == "KR"


# --- the year of a review -------------------------------------------------------------------


def test_talks_reviewing_a_past_year_early_in_the_next_are_dated_in_the_next() -> None:
    page = (
        "Frontier meeting\n\n"
        "Quang Ninh's border guard met officers of China's Dongxing border police in Mong Cai "
        "on February 6.\n\n"
        "They went over the results of joint work in 2024 and planned more joint patrols.\n"
    )
    (talks,) = records(page)
    assert talks["date"]["start"] == "2025-02-06"


def test_talks_reviewing_a_quarter_after_it_are_dated_in_the_next_year() -> None:
    page = (
        "Gặp gỡ đầu năm ở cửa khẩu\n\n"
        "Ngày 20/1 tại Móng Cái, Biên phòng Quảng Ninh hội đàm với Công an biên phòng Đông "
        "Hưng, Quảng Tây, Trung Quốc.\n\n"
        "Hai bên điểm lại những việc đã làm trong quý IV năm 2024.\n"
    )
    (talks,) = records(page)
    assert talks["date"]["start"] == "2025-01-20"


def test_talks_reviewing_a_years_plan_named_at_length_are_dated_in_the_next_year() -> None:
    # (the plan's year, six words after "kết quả", was read as the story's own year: the
    # talks, dated a year early, matched nothing)
    page = (
        "Hai tỉnh biên giới tăng cường hợp tác\n\n"
        "Ngày 12/2, tại Vientiane, Công an tỉnh Hà Tĩnh hội đàm với Công an tỉnh "
        "Bolikhamxay, Lào.\n\n"
        "Hai bên rà soát kết quả thực hiện Kế hoạch phối hợp liên ngành năm 2024 và bàn việc "
        "tuần tra chung trên tuyến biên giới.\n"
    )
    (talks,) = records(page)
    assert talks["date"]["start"] == "2025-02-12"


def test_talks_reviewing_the_implementation_of_a_years_plan_in_english() -> None:
    page = (
        "Frontier meeting\n\n"
        "Quang Ninh's border guard met officers of China's Dongxing border police in Mong Cai "
        "on March 3.\n\n"
        "They went over the results of the joint river patrol plan in 2024.\n"
    )
    (talks,) = records(page)
    assert talks["date"]["start"] == "2025-03-03"


def test_talks_late_in_the_year_they_review_keep_its_year() -> None:
    page = (
        "Frontier meeting\n\n"
        "Quang Ninh's border guard met officers of China's Dongxing border police in Mong Cai "
        "on December 18.\n\n"
        "They went over the results of joint work in 2024.\n"
    )
    (talks,) = records(page)
    assert talks["date"]["start"] == "2024-12-18"


def test_sessions_summed_up_over_a_span_of_years_are_background() -> None:
    page = (
        "Trong giai đoạn 2019-2021, Công an Kon Tum và Công an Attapư đã nhiều lần giao ban, "
        "mở lớp bồi dưỡng cho cán bộ hai tỉnh.\n\n"
        "Nhờ đó, nhiều đường dây buôn ma túy qua biên giới bị triệt phá.\n"
    )
    # (drafted, if at all, as context to review: never a claimed session)
    claimed = [
        r
        for r in records(page)
        if not any(f["code"] == "context-mention" for f in r["x-review"]["flags"])
    ]
    assert claimed == []


def test_the_head_of_a_countrys_delegation_is_of_that_country() -> None:
    page = (
        "In Abuja on Tuesday, the Inspector-General of Police, Musa Bello, welcomed an "
        "Italian delegation headed by Marco Bellini, Director of Police Cooperation.\n"
    )
    (meeting,) = records(page)
    assert countries(meeting)["Marco Bellini"] == "IT"
    assert "IT" in meeting["guests"]


# --- sessions numbered in Roman numerals ----------------------------------------------------


def test_a_conference_numbered_in_roman_numerals_is_a_session_of_its_series() -> None:
    page = (
        "Ngày 12-9 ở Hải Phòng đã diễn ra hội nghị phối hợp tuần tra Việt Nam - Philippines lần "
        "thứ III, do Thiếu tướng Vũ Minh Tâm, Tư lệnh Cảnh sát biển Việt Nam và ông Ramon Cruz, "
        "Phó Tư lệnh Cảnh sát biển Philippines đồng chủ trì.\n"
    )
    (session,) = records(page)
    assert (session["kind"], session["session"]) == ("dialogue", 3)
    assert roles(session) == {"Vũ Minh Tâm": "co_chair", "Ramon Cruz": "co_chair"}


def test_roman_numerals_are_read_only_when_well_formed() -> None:
    assert [roman(w) for w in ("ii", "ix", "xiv", "xxiv")] == [2, 9, 14, 24]
    assert roman("iiii") is None and roman("vx") is None


# --- an unnumbered conference of two sides, and the same conference told again -----------------

BORDER_GOVERNORS = (
    "Ngày 14/3/2025, Hội nghị Thống đốc các tỉnh biên giới Lào - Thái Lan do Bộ trưởng Bộ Nội "
    "vụ Lào Khamphan Sitthi và Bộ trưởng Bộ Nội vụ Thái Lan Somsak Rattana đồng chủ trì đã "
    "bàn cách chặn buôn người.\n\n"
    "Bộ trưởng Khamphan Sitthi cùng người đồng cấp nước bạn ghi nhận các chuyến thăm, gặp "
    "gỡ thường xuyên của chính quyền hai bên.\n"
)


def test_an_unnumbered_conference_of_two_countries_co_chaired_is_a_session_of_theirs() -> None:
    (conference,) = records(BORDER_GOVERNORS)
    assert conference["kind"] == "dialogue"
    assert conference["date"]["start"] == "2025-03-14"
    assert roles(conference)["Khamphan Sitthi"] == "co_chair"


def test_a_co_chair_and_their_counterpart_told_again_are_no_second_meeting() -> None:
    assert [r["kind"] for r in records(BORDER_GOVERNORS)] == ["dialogue"]
