"""How pages of the genre tell their engagements beyond a verb and its object: a caption the
story goes on about, an agreement's signing between two agencies, talks between two sides,
numbered conferences of two countries (not of many), lists of those met and where they end."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def records(text: str, published: date | None = date(2024, 6, 20)) -> list[dict]:
    return [r.record for r in extract(text, document="doc", published=published).records]


def drafts(text: str, published: date | None = date(2024, 6, 20)):
    return extract(text, document="doc", published=published).records


def claimed(text: str, published: date | None = date(2024, 6, 20)) -> list[dict]:
    """The drafts that claim an engagement: not planned, not told for context."""
    return [
        r.record
        for r in drafts(text, published)
        if r.record.get("status", "held") == "held"
        and "context-mention" not in [f.code for f in r.flags]
    ]


def names(record: dict) -> set[str]:
    return {p["name"] for p in record.get("participants", [])}


def test_a_caption_the_story_goes_on_about_gives_its_meeting_and_its_credit_no_one():
    text = (
        "Thứ trưởng Nguyễn Văn Tâm và đoàn đại biểu Bộ Công an Việt Nam làm việc với bà Laura "
        "Stone tại FBI. Ảnh: Minh Anh, PV tại Washington D.C, Mỹ\n\n"
        "Tại buổi làm việc, Thứ trưởng Nguyễn Văn Tâm đã trao đổi với đại diện lãnh đạo FBI về "
        "hợp tác phòng, chống tội phạm xuyên quốc gia.\n"
    )
    (meeting,) = drafts(text)
    assert meeting.record["kind"] == "meeting"
    assert "caption-only" in [f.code for f in meeting.flags]
    assert names(meeting.record) == {"Nguyễn Văn Tâm", "Laura Stone"}
    # met at the FBI: she speaks for it, so the meeting is with the United States
    assert "US" in [meeting.record.get("host"), *meeting.record["guests"]]


def test_a_dated_signing_between_two_agencies_is_their_meeting():
    text = (
        "The Royal Thai Police will step up cooperation with Japan, its chief said on Friday.\n"
        "The pledge follows the signing of a memorandum of understanding on police cooperation "
        "between the Royal Thai Police and the National Police Agency of Japan in Bangkok on "
        "June 3.\n"
    )
    (meeting,) = claimed(text)
    assert meeting["kind"] == "meeting"
    assert {meeting["host"], *meeting["guests"]} == {"TH", "JP"}
    assert meeting["date"]["start"] == "2024-06-03"


def test_an_agreement_signed_between_two_agencies_in_a_past_year_is_background():
    text = (
        "Cảnh sát hai nước tiếp tục trao đổi thông tin về tội phạm ma túy.\n"
        "Sự hợp tác dựa trên Bản ghi nhớ đã ký kết năm 2019 giữa Bộ Công an Việt Nam và Cảnh "
        "sát Hoàng gia Thái Lan.\n"
    )
    assert claimed(text) == []


def test_an_arrangement_signed_between_a_commissioner_and_the_chief_of_an_agency():
    text = (
        "The arrangement was signed between AFP Commissioner Mark Ellis and the Chief of the "
        "Indonesian National Police, General Budi Santoso, on June 4 in Jakarta.\n"
    )
    (meeting,) = claimed(text)
    assert "Mark Ellis" in names(meeting)
    assert {meeting["host"], *meeting["guests"]} == {"AU", "ID"}


def test_one_session_named_by_a_conference_and_its_dialogue_is_drafted_once():
    text = (
        "Ngày 4/6, tại Hà Nội, Bộ Công an Việt Nam và Bộ An ninh Quốc gia Trung Quốc tổ chức "
        "Hội nghị Đối thoại An ninh chiến lược cấp Thứ trưởng lần thứ 4.\n"
        "Thượng tướng Lê Văn Hòa và Thứ trưởng Vương Minh đồng chủ trì Hội nghị.\n"
    )
    (dialogue,) = records(text)
    assert dialogue["kind"] == "dialogue" and dialogue["session"] == 4
    assert dialogue["series"].endswith("dialogue")


def test_an_ordinal_lowercase_conference_in_english_is_a_session_of_a_series():
    text = (
        "BEIJING, June 5 (Xinhua) - Vietnamese Minister of Public Security Lê Văn Hòa and "
        "Chinese Minister of Public Security Wang Ming on Wednesday co-chaired the ninth "
        "ministerial conference on crime prevention in Beijing.\n"
    )
    (dialogue,) = records(text)
    assert dialogue["kind"] == "dialogue" and dialogue["session"] == 9


def test_talks_between_two_delegations_are_one_meeting_with_the_other_side():
    text = (
        "Sáng 12/6, tại Thủ đô Viêng Chăn đã diễn ra hội đàm cấp cao giữa Đoàn đại biểu cấp cao "
        "Bộ Công an Việt Nam do Thượng tướng Lê Văn Hòa, Bộ trưởng Bộ Công an làm trưởng đoàn và "
        "Đoàn đại biểu cấp cao Bộ An ninh Lào do Đại tướng Somsak Vongsa, Bộ trưởng Bộ An ninh "
        "Lào làm trưởng đoàn.\n"
    )
    (talks,) = records(text)
    assert talks["host"] == "LA"
    assert talks["organisations"][0]["country"] == "LA" and "Somsak Vongsa" in names(talks)


def test_at_the_talks_with_someone_the_people_the_speaker_names_are_not_met():
    text = (
        "Ngày 15/6, Bộ trưởng Lê Văn Hòa đã hội đàm với bà Jane Miller, Bộ trưởng Ngoại giao "
        "Australia.\n"
        "Tại cuộc hội đàm với bà Jane Miller, Bộ trưởng Lê Văn Hòa chuyển lời chúc mừng của Thủ "
        "tướng Trần Văn Nam và Phó Thủ tướng Đỗ Văn Phúc tới bà Bộ trưởng.\n"
    )
    (talks,) = records(text)  # no meeting with the Prime Minister named in the greetings
    assert "Jane Miller" in names(talks)


def test_met_one_then_held_talks_with_another_are_two_meetings():
    text = (
        "SEOUL, June 8 (VNA) - Minister of Public Security Lê Văn Hòa met the Republic of Korea's "
        "Prime Minister Kim Min-jae and held talks with Commissioner General of the Korean "
        "National Police Agency (KNPA) Min Ho-jun in Seoul on June 8.\n"
    )
    met, talks = records(text)
    assert "Kim Min-jae" in names(met) and "organisations" not in met
    assert talks["organisations"][0]["abbreviation"] == "KNPA"


def test_a_doubled_semicolon_does_not_end_the_list_of_those_met():
    text = (
        "CANBERRA, June 9 - Australian Federal Police Commissioner Mark Ellis held discussions "
        "with the Chief of the Indonesian National Police, General Budi Santoso; ; Head of the "
        "National Narcotics Board, Commissioner General Andi Wijaya; ; Head of Densus 88, "
        "Inspector General Rudi Hartono in Jakarta on June 8.\n"
    )
    met = {n for r in records(text) if r["kind"] == "meeting" for n in names(r)}
    assert {"Budi Santoso", "Andi Wijaya", "Rudi Hartono"} <= met


def test_visits_exchanged_between_leaders_are_no_trip_and_a_trip_after_which_is_context():
    text = (
        "Ngày 18/6, Thứ trưởng Lê Văn Hòa tiếp Đại sứ Hàn Quốc Kim Min-jae.\n"
        "Hai bên đã phối hợp bảo đảm an ninh các chuyến thăm cấp cao giữa lãnh đạo hai nước.\n"
        "Thứ trưởng vui mừng gặp lại Đại sứ Kim Min-jae sau chuyến thăm Việt Nam tháng 2/2019 "
        "của Thủ tướng Hàn Quốc.\n"
    )
    assert [r["kind"] for r in claimed(text)] == ["meeting"]


def test_a_reception_told_by_the_host_welcoming_the_guest_at_it():
    text = (
        "Phát biểu tại buổi tiếp, Thứ trưởng Lê Văn Hòa chào mừng ông Hách Minh Cường cùng các "
        "thành viên trong Đoàn Cục An ninh Bộ Công an Trung Quốc sang thăm, làm việc tại Việt Nam.\n"
    )
    (meeting,) = [r for r in records(text) if r["kind"] == "meeting"]
    assert "Hách Minh Cường" in names(meeting)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["CN"])


def test_a_title_opened_by_a_dash_is_the_office_of_the_one_received():
    text = (
        "Chiều 10/6, tại Viêng Chăn, Thủ tướng Lào Somsak Vongsa đã tiếp Đại tướng Lê Văn Hòa - "
        "Bộ trưởng Bộ Công an Việt Nam sang thăm và làm việc tại Lào.\n"
    )
    (meeting,) = [r for r in records(text) if r["kind"] == "meeting"]
    assert names(meeting) == {"Somsak Vongsa", "Lê Văn Hòa"}


def test_a_delegation_named_before_its_trip_is_the_one_travelling():
    text = (
        "Ngày 24/6, tại Hà Nội, Thượng tướng Lê Văn Hòa tiếp Đoàn đại biểu cấp cao Bộ An ninh "
        "Quốc gia Trung Quốc.\n"
        "Thượng tướng chào mừng Đoàn đại biểu cấp cao Bộ An ninh Quốc gia Trung Quốc do đồng chí "
        "Vương Minh, Thứ trưởng dẫn đầu sang thăm Việt Nam và đồng chủ trì Đối thoại.\n"
    )
    (visit,) = [r for r in records(text) if r["kind"] == "visit"]
    assert (visit["host"], visit["guests"]) == ("VN", ["CN"])


def test_a_senior_officers_meeting_of_two_agencies_is_their_series_not_two_meetings():
    text = (
        "SYDNEY, June 12 - The Australian Federal Police (AFP) and the Indonesian National "
        "Police (INP) are long-standing partners.\n"
        "AFP Commissioner Mark Ellis hosted the AFP-INP Senior Officers' Meeting in Sydney on "
        "June 11.\n"
    )
    (meeting,) = records(text)
    assert meeting["kind"] == "dialogue"
    assert {meeting["host"], *meeting["guests"]} == {"AU", "ID"}


def test_a_guest_welcomed_for_talks_and_a_counterpart_hosted_by_country_are_meetings():
    welcomed = (
        "CANBERRA, June 4 - AFP Commissioner Mark Ellis welcomed Indonesian National Police "
        "chief Budi Santoso to Canberra on Monday for talks on counter-terrorism.\n"
    )
    (meeting,) = records(welcomed)
    assert (meeting["host"], meeting["guests"]) == ("AU", ["ID"])
    hosted = "Minister Le Van Hoa hosted his Cambodian counterpart in Hanoi on June 3, 2024.\n"
    (meeting,) = records(hosted)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["KH"])


def test_two_sides_discussing_at_their_meeting_is_that_meeting():
    text = (
        "JAKARTA, June 3 (Antara) - Indonesian National Police chief Budi Santoso and Australian "
        "Federal Police Commissioner Mark Ellis discussed counter-terrorism cooperation at their "
        "meeting in Jakarta on Monday.\n"
    )
    (meeting,) = records(text)
    assert (meeting["host"], meeting["guests"]) == ("ID", ["AU"])
    assert names(meeting) == {"Budi Santoso", "Mark Ellis"}


def test_a_guest_received_by_two_of_ours_in_turn_had_two_meetings():
    text = (
        "Chiều 9/1/2026, tại Phủ Chủ tịch, Chủ tịch nước Nguyễn Văn An đã tiếp Bộ trưởng Bộ Nội "
        "vụ Campuchia Samdech Chea Sokha nhân dịp sang thăm Việt Nam.\n\n"
        "Chủ tịch nước đề nghị hai bộ tiếp tục tăng cường hợp tác.\n\n"
        "Chiều cùng ngày, tại Trụ sở Chính phủ, Thủ tướng Trần Văn Bình đã tiếp Bộ trưởng Bộ Nội "
        "vụ Campuchia Samdech Chea Sokha.\n"
    )
    meetings = [r for r in claimed(text, date(2026, 1, 10)) if r["kind"] == "meeting"]
    # ("Samdech" is an honorific, not part of the name)
    assert [names(m) for m in meetings] == [
        {"Nguyễn Văn An", "Chea Sokha"},
        {"Trần Văn Bình", "Chea Sokha"},
    ]
