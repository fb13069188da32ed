"""Sixteenth round (x-noise7): false drafts and the sessions they hid on pages that report one
engagement and mention others in passing: a training course's trainees received (a course, not
a session of two sides), a second session told with "also" folded into the first one's unnamed
counterpart, and talks told with "this week" between the verb and whom they were with (lost,
so only the trip was drafted). The pages are written for these tests in the genre's shapes."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import meetings, names, records

# --- a training course's trainees are no side met ----------------------------------------------


def test_a_police_academy_receiving_trainees_for_a_course_drafts_nothing() -> None:
    text = (
        "Ngày 12, Học viện Cảnh sát Hà Bắc (Trung Quốc) đã đón tiếp 28 sĩ quan phòng chống ma "
        "túy của Lào và khai giảng khóa đào tạo về điều tra ma túy.\n"
        "Khóa học kéo dài bốn tuần với các chuyên đề giám định và pháp luật.\n"
    )
    assert records(text) == []


def test_an_english_academy_that_welcomed_officers_and_opened_a_course_drafts_nothing() -> None:
    text = (
        "The National Police College of Pellaria welcomed 30 Cambodian police officers on "
        "Monday and opened a three-week training course for them on cybercrime.\n"
    )
    assert records(text) == []


def test_a_reception_followed_by_signing_is_still_a_meeting() -> None:
    text = (
        "Chiều 3/6, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Tổng Cục trưởng "
        "Cảnh sát Campuchia Sok Phal, và ký kết bản ghi nhớ về đào tạo cán bộ.\n"
    )
    (meeting,) = meetings(text, published=date(2025, 6, 4))
    assert "Sok Phal" in names(meeting)


def test_a_reception_that_speaks_of_training_courses_is_still_a_meeting() -> None:
    text = (
        "Minister Kamal Rahim received Thai Police Commissioner Somchai Wong in Dhaka on "
        "Tuesday, and the two discussed training courses for border police officers.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 2, 8))
    assert "Somchai Wong" in names(meeting)


# --- "also" adds a session, it does not name the counterpart left unnamed -----------------------


def test_a_second_minister_met_also_is_a_meeting_of_its_own() -> None:
    text = (
        "KARACHI: Interior Minister Farid Alvi on Monday held talks with his Omani counterpart "
        "in Muscat on maritime drug routes.\n"
        "Alvi arrived in Muscat on Sunday for a three-day visit to Oman.\n"
        "Alvi also met Salim Al Harthy, Oman's minister of state for interior, and discussed "
        "migration.\n"
    )
    found = meetings(text, url="https://www.example.com.pk/latest/1-x")
    assert len(found) == 2
    alone = [m for m in found if "Salim Al Harthy" in names(m)]
    assert len(alone) == 1 and len(found[0]["participants"]) >= 1


def test_without_also_the_minister_met_later_names_the_first_meeting() -> None:
    text = (
        "KARACHI: Interior Minister Farid Alvi on Monday held talks with his Omani counterpart "
        "in Muscat on maritime drug routes.\n"
        "Alvi arrived in Muscat on Sunday for a three-day visit to Oman.\n"
        "Alvi met Salim Al Harthy, Oman's minister of state for interior, and discussed "
        "migration.\n"
    )
    (meeting,) = meetings(text, url="https://www.example.com.pk/latest/1-x")
    assert "Salim Al Harthy" in names(meeting)


# --- a week told between the talks and whom they were with --------------------------------------


def test_talks_held_in_a_city_this_week_with_a_chief_are_drafted_beside_the_trip() -> None:
    text = (
        "MI6 Chief Laura Finch held talks in Ankara this week with Turkish intelligence chief "
        "Kemal Aydin on counter-terrorism.\n"
        "Her visit to Turkey, the first by an MI6 chief, ended on Thursday.\n"
    )
    (meeting,) = meetings(text)
    assert {"Laura Finch", "Kemal Aydin"} <= names(meeting)


def test_talks_held_earlier_this_month_with_a_minister_are_a_meeting() -> None:
    text = (
        "Home Affairs Minister Lina Osei held talks in Accra earlier this month with "
        "Nigerian Interior Minister Bola Ade on border crime.\n"
    )
    (meeting,) = meetings(text)
    assert "Bola Ade" in names(meeting)


# --- what a verb of recalling governs, and the trip a period is counted from --------------------


def test_talks_in_a_recalled_trip_are_context_beside_the_reception() -> None:
    text = (
        "Deputy Minister Pham Quoc Huy received New Zealand Ambassador Clara Dunn in Hanoi on "
        "April 9.\n"
        "The ambassador recalled that Huy visited Wellington in 2021 and held talks with Police "
        "Commissioner Martin Hale.\n"
    )
    found = records(text, published=date(2025, 4, 10))
    held = [
        r for r in found if "context-mention" not in {f["code"] for f in r["x-review"]["flags"]}
    ]
    assert [r["kind"] for r in held] == ["meeting"]
    assert "Clara Dunn" in names(held[0])


def test_talks_told_before_the_verb_of_recalling_stay_held() -> None:
    text = (
        "Receiving Thai Police Commissioner Anan Rit in Hanoi on April 9, Minister Le Quang "
        "recalled the fruitful cooperation between the two forces.\n"
    )
    (meeting,) = meetings(text, published=date(2025, 4, 10))
    assert "context-mention" not in {f["code"] for f in meeting["x-review"]["flags"]}


def test_a_trip_a_period_is_counted_from_is_context() -> None:
    text = (
        "Deputy Minister Pham Quoc Huy received New Zealand Ambassador Clara Dunn in Hanoi on "
        "April 9.\n"
        "Dunn said police cooperation had grown steadily since Minister Tran Long's visit to "
        "Wellington in 2019.\n"
    )
    found = records(text, published=date(2025, 4, 10))
    visits = [r for r in found if r["kind"] == "visit"]
    assert all("context-mention" in {f["code"] for f in v["x-review"]["flags"]} for v in visits)
    assert len([r for r in found if r["kind"] == "meeting"]) == 1


# --- a sitting of two other countries on a third's ground --------------------------------------


def test_a_sitting_placed_in_a_third_country_by_its_noun_has_no_host() -> None:
    text = (
        "Lào và Myanmar đã ký thỏa thuận tuần tra chung khi kết thúc phiên họp đặc biệt của ủy "
        "ban biên giới hai nước ngày 9-5.\n"
        "Phiên họp cấp bộ trưởng ngày 9-5 được tổ chức tại Singapore.\n"
        "Kết thúc đàm phán, Bộ trưởng Quốc phòng Lào Sounthone Vong và Bộ trưởng Quốc phòng "
        "Myanmar Aung Min Thu đã ký văn bản ghi nhớ.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["country"] == "SG"
    assert meeting.get("host") is None
    assert sorted(meeting["guests"]) == ["LA", "MM"]
    assert "context-mention" not in {f["code"] for f in meeting["x-review"]["flags"]}


def test_a_sitting_of_another_day_gives_no_place() -> None:
    text = (
        "Ngày 9-5, Bộ trưởng Quốc phòng Lào Sounthone Vong và Bộ trưởng Quốc phòng Myanmar Aung "
        "Min Thu đã ký biên bản ghi nhớ về tuần tra chung.\n"
        "Ngày 2-3, cuộc họp cấp chuyên viên tại Singapore đã chuẩn bị văn kiện này.\n"
    )
    found = meetings(text)
    assert all((m.get("place") or {}).get("country") != "SG" for m in found)


def test_a_reception_at_home_keeps_its_host() -> None:
    text = (
        "Chiều 4/6, tại Hà Nội, Thứ trưởng Bộ Công an Trần Văn Bình đã tiếp Đại sứ Lào Khamla "
        "Vong, hai bên trao đổi về tình hình Campuchia và Thái Lan.\n"
    )
    (meeting,) = meetings(text, published=date(2025, 6, 5))
    assert meeting["host"] == "VN"


# --- Russia's Security Council is an agency met ---------------------------------------------------


def test_the_head_of_russias_security_council_met_on_a_trip_is_a_meeting() -> None:
    text = (
        "MI6 Chief Laura Finch paid a two-day visit to Russia this week.\n"
        "During the trip, Finch sat down with Pavel Orlov, secretary of Russia's Security "
        "Council, to discuss regional security.\n"
    )
    (meeting,) = meetings(text)
    assert "Pavel Orlov" in names(meeting)
    assert meeting["host"] == "RU"
