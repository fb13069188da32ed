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
    "Laos will step up joint work with Myanmar against drug syndicates on the Mekong, said "
    "Royal Myanmar Army commander-in-chief General Kyaw Soe Lwin.\n"
    "The army chief gave the pledge at a meeting with Prime Minister Bounmy Sayavong on "
    "March 9 at the Presidential Palace during his two-day visit to Laos.\n"
    "General Kyaw Soe Lwin said his soldiers would keep the shared border calm and open to "
    "trade.\n"
    "Bounmy said Laos and Myanmar had a long friendship, and thanked the Myanmar side for its "
    "help to Lao workers in Laos.\n"
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
        "Ông Igor Volkov hôm 12/4 bắt đầu chuyến thăm 3 ngày tới Việt Nam để trao đổi về hợp "
        "tác an ninh với Nga.\n\n"
        "Sáng 12/4, tại trụ sở Bộ Công an, Bộ trưởng Công an Phạm Văn Hòa đã có cuộc hội đàm "
        "với ông Igor Volkov.\n"
    )
    talks = next(r for r in records(page) if r["kind"] == "meeting")
    assert (talks["host"], talks["guests"]) == ("VN", ["RU"])
    assert roles(talks)["Igor Volkov"] == "guest"


# --- roles ----------------------------------------------------------------------------------


def test_the_speaker_of_a_quoted_first_person_call_is_the_caller() -> None:
    page = (
        "Thai Ambassador to Kenya, Somchai Rattana, met with the Inspector General of the "
        "National Police Service, Peter Ochieng, on Monday at Police Headquarters, Nairobi.\n"
        "“I paid a courtesy call on the Inspector General and we spoke about training for "
        "cyber investigators,” said Ambassador Somchai.\n"
    )
    (meeting,) = records(page)
    assert roles(meeting)["Somchai Rattana"] == "guest"
    assert roles(meeting)["Peter Ochieng"] == "host"


# --- named beside the engagement, not taking part ---------------------------------------------


def test_a_commentator_quoted_after_a_meeting_takes_no_part_in_it() -> None:
    page = (
        "Lao Interior Minister Vilayvong Keo met with Thailand's deputy police chief Prasert "
        "Wongsa in Vientiane on May 3, 2025.\n\n"
        "Both sides agreed to share more information on scam compounds.\n\n"
        "Noy Chanthavong, deputy director for research at the rights group Mekong Watch, "
        "voiced concern about the slow pace of cooperation.\n\n"
        "Chanthavong added that border checks were still weak.\n"
    )
    (meeting,) = records(page)
    assert "Noy Chanthavong" not in roles(meeting)
    assert {"Vilayvong Keo", "Prasert Wongsa"} <= set(roles(meeting))


def test_a_person_first_named_at_an_occasion_of_their_own_takes_no_part() -> None:
    page = (
        "FBI Director John Harlan met Indian CBI Director Rakesh Verma in New Delhi on "
        "December 4, 2024.\n\n"
        "The two discussed cybercrime and extradition requests.\n\n"
        "The US Ambassador, Daniel Brooks, had mentioned the director's visit to India during "
        "a panel discussion at a technology forum.\n"
    )
    meeting = next(r for r in records(page) if r["kind"] == "meeting")
    assert "Daniel Brooks" not in roles(meeting)


def test_the_leader_a_delegation_accompanies_is_no_participant_of_its_sessions() -> None:
    page = (
        "Nhân dịp tháp tùng Chủ tịch nước Lê Minh Xuân thăm Campuchia, ngày 8/5/2025, đoàn "
        "đại biểu Bộ Công an do Thượng tướng Trần Văn Dũng, Thứ trưởng, dẫn đầu đã hội đàm với "
        "Đại tướng Chea Sovann, Bộ trưởng Bộ Nội vụ Campuchia.\n"
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
        "National Police chief Sok Dara met with Prasert Wongsa, Thailand's deputy police "
        "chief, on June 2.\n\n"
        "Sok Dara thanked his guest for the visit and for the help of the Thai police.\n"
    )
    drafted = records(page)
    assert [r["kind"] for r in drafted] == ["meeting"]
    assert "part_of" not in drafted[0]


def test_a_visit_framing_the_sessions_told_after_it_is_still_drafted() -> None:
    page = (
        "Đoàn đại biểu Bộ Công an do Thứ trưởng Trần Văn Dũng làm Trưởng đoàn đã sang dự Hội "
        "chợ an ninh quốc tế tại Đức, từ ngày 2 - 6/6/2025.\n\n"
        "Trong khuôn khổ chuyến thăm, Thứ trưởng Trần Văn Dũng đã hội đàm với Thứ trưởng Bộ "
        "Nội vụ Đức Hans Keller.\n"
    )
    kinds = sorted(r["kind"] for r in records(page))
    assert kinds == ["meeting", "visit"]


# --- what is no engagement ------------------------------------------------------------------


def test_a_ministrys_department_at_its_own_provincial_police_is_no_bilateral_meeting() -> None:
    page = (
        "Cục Hợp tác quốc tế làm việc tại Công an tỉnh Cao Bằng\n"
        "Ngày 14/4/2025, Đoàn công tác của Cục Hợp tác quốc tế Bộ Công an do Đại tá Lê Văn Hải "
        "– Phó Cục trưởng làm trưởng đoàn đến tìm hiểu việc thực hiện hợp tác giữa Công an tỉnh "
        "Cao Bằng và Công an tỉnh Quảng Tây, Trung Quốc. Đồng chí Đại tá Hoàng Văn Nam – Phó "
        "Giám đốc Công an tỉnh dự, chủ trì buổi làm việc.\n"
        "Tại buổi làm việc, Công an tỉnh báo cáo kết quả trao đổi thông tin với phía bạn.\n"
    )
    assert records(page) == []


def test_who_attended_and_chaired_a_session_chairs_it() -> None:
    page = (
        "Ngày 14/4/2025, Công an tỉnh Cao Bằng tiếp đoàn Công an tỉnh Quảng Tây (Trung Quốc) "
        "do Đại tá Lý Minh làm trưởng đoàn. Đại tá Hoàng Văn Nam – Phó Giám đốc Công an tỉnh "
        "Cao Bằng dự, chủ trì buổi làm việc.\n"
    )
    (reception,) = records(page)
    assert roles(reception)["Hoàng Văn Nam"] == "host"


def test_a_trips_agenda_with_partners_is_no_meeting_with_ones_own_ministry() -> None:
    page = (
        "Theo chương trình làm việc với các đối tác Hàn Quốc của Bộ Công an Việt Nam, ngày "
        "5/9/2025, Thứ trưởng Trần Văn Dũng đã làm việc với ông Park Ji-hoon, Phó Tổng Cục "
        "trưởng Cơ quan Cảnh sát Quốc gia Hàn Quốc, tại Seoul.\n"
    )
    drafted = [r for r in records(page) if r["kind"] == "meeting"]
    assert len(drafted) == 1
    assert drafted[0]["host"] == "KR"


# --- the year of a review -------------------------------------------------------------------


def test_talks_reviewing_a_past_year_early_in_the_next_are_dated_in_the_next() -> None:
    page = (
        "Border talks\n\n"
        "On the morning of February 6, in Mong Cai, the border guard of Quang Ninh held talks "
        "with a delegation of the Dongxing border police of Guangxi, China.\n\n"
        "The two sides reviewed the coordination results in 2024 and agreed on joint patrols.\n"
    )
    (talks,) = records(page)
    assert talks["date"]["start"] == "2025-02-06"


def test_talks_reviewing_a_quarter_after_it_are_dated_in_the_next_year() -> None:
    page = (
        "Hội đàm biên giới\n\n"
        "Sáng 20/1, tại thành phố Móng Cái, Bộ đội Biên phòng tỉnh Quảng Ninh đã hội đàm với "
        "đoàn Công an biên phòng Đông Hưng, Quảng Tây, Trung Quốc.\n\n"
        "Hai bên đánh giá kết quả phối hợp trong quý IV năm 2024 và thống nhất tuần tra "
        "chung.\n"
    )
    (talks,) = records(page)
    assert talks["date"]["start"] == "2025-01-20"


def test_talks_late_in_the_year_they_review_keep_its_year() -> None:
    page = (
        "Border talks\n\n"
        "On December 18, in Mong Cai, the border guard of Quang Ninh held talks with a "
        "delegation of the Dongxing border police of Guangxi, China.\n\n"
        "The two sides reviewed the coordination results in 2024.\n"
    )
    (talks,) = records(page)
    assert talks["date"]["start"] == "2024-12-18"


def test_sessions_summed_up_over_a_span_of_years_are_background() -> None:
    page = (
        "Trong giai đoạn 2023-2024, Công an tỉnh Kon Tum và Công an tỉnh Attapư đã tổ chức "
        "giao ban thường niên và nhiều lớp tập huấn nghiệp vụ.\n\n"
        "Hai bên tiếp tục trao đổi thông tin về tội phạm ma túy ở khu vực biên giới.\n"
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
        "The Inspector-General of Police, Musa Bello, on Tuesday welcomed a French delegation "
        "led by Pierre Lambert, Director of Security Cooperation, at the Force Headquarters in "
        "Abuja, Nigeria.\n"
    )
    (meeting,) = records(page)
    assert countries(meeting)["Pierre Lambert"] == "FR"
    assert "FR" in meeting["guests"]


# --- sessions numbered in Roman numerals ----------------------------------------------------


def test_a_conference_numbered_in_roman_numerals_is_a_session_of_its_series() -> None:
    page = (
        "Sáng 12-9, tại TP.Hải Phòng, Bộ Tư lệnh Cảnh sát biển Việt Nam tổ chức hội nghị công "
        "tác cảnh sát biển Việt Nam - Philippines lần thứ III. Thiếu tướng Vũ Minh Tâm, Tư lệnh "
        "Cảnh sát biển Việt Nam và ông Ramon Cruz, Phó Tư lệnh Cảnh sát biển Philippines đồng "
        "chủ trì hội nghị.\n"
    )
    (session,) = records(page)
    assert (session["kind"], session["session"]) == ("dialogue", 3)
    assert roles(session) == {"Vũ Minh Tâm": "co_chair", "Ramon Cruz": "co_chair"}


def test_roman_numerals_are_read_only_when_well_formed() -> None:
    assert [roman(w) for w in ("ii", "ix", "xiv", "xxiv")] == [2, 9, 14, 24]
    assert roman("iiii") is None and roman("vx") is None


# --- an unnumbered conference of two sides, and the same conference told again -----------------

BORDER_GOVERNORS = (
    "Theo kết quả Hội nghị Tỉnh trưởng các tỉnh biên giới Lào - Thái Lan do Bộ trưởng Bộ Nội "
    "vụ Lào Khamphan Sitthi và Bộ trưởng Bộ Nội vụ Thái Lan Somsak Rattana đồng chủ trì vào "
    "ngày 14/3/2025, hai bên cam kết tăng cường phòng chống tội phạm xuyên quốc gia.\n\n"
    "Bộ trưởng Khamphan Sitthi và người đồng cấp Thái Lan đánh giá cao việc hai bên trao đổi "
    "thông tin, đoàn đại biểu và gặp gỡ để xử lý các vụ việc phát sinh.\n"
)


def test_an_unnumbered_conference_of_two_countries_co_chaired_is_a_session_of_theirs() -> None:
    (conference,) = records(BORDER_GOVERNORS)
    assert conference["kind"] == "dialogue"
    assert conference["date"]["start"] == "2025-03-14"
    assert roles(conference)["Khamphan Sitthi"] == "co_chair"


def test_a_co_chair_and_their_counterpart_told_again_are_no_second_meeting() -> None:
    assert [r["kind"] for r in records(BORDER_GOVERNORS)] == ["dialogue"]
