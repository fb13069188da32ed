"""People and their roles: the shapes of issue 11's fifteenth round (x-people6; texts written
for these tests, in the genre's shapes, never a page's words)."""

from __future__ import annotations

from tests.extract.drafts import meetings, people, records

# --- names and their honorifics ---------------------------------------------------------------


def test_a_malay_honorific_of_two_words_stays_out_of_the_name():
    text = (
        "KUALA LUMPUR: Malaysia and Thailand held a meeting on cross-border crime here on "
        "Tuesday.\n\n"
        "The Malaysian side was led by Deputy Home Minister Datuk Wira Ahmad Kamal Yusof. The "
        "Thai delegation was led by Permanent Secretary Somchai Boonyarit.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert "Ahmad Kamal Yusof" in who
    assert not any(name.startswith("Wira") for name in who)


# --- sides ----------------------------------------------------------------------------------


def test_the_head_of_a_side_or_its_delegates_is_of_that_sides_country():
    text = (
        "KUALA LUMPUR: Malaysia and Thailand held a meeting on cross-border crime here on "
        "Tuesday.\n\n"
        "The Malaysian delegates, led by Deputy Home Minister Datuk Wira Ahmad Kamal Yusof, "
        "also included officials of the immigration department. The Thai side was led by "
        "Permanent Secretary Somchai Boonyarit.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Ahmad Kamal Yusof"]["country"] == "MY"
    assert who["Ahmad Kamal Yusof"]["title"] == "Deputy Home Minister"
    assert who["Somchai Boonyarit"]["country"] == "TH"
    assert (who["Ahmad Kamal Yusof"]["role"], who["Somchai Boonyarit"]["role"]) == ("host", "guest")


def test_a_line_of_three_fathers_keeps_its_family_name_after_al():
    text = (
        "Minister of Internal Affairs of Kazakhstan, Colonel General Aziz Karimov, met with the "
        "delegation led by Minister of Interior of the Kingdom of Saudi Arabia Abdulaziz bin "
        "Saud bin Naif bin Abdulaziz Al Saud in Astana on Monday.\n"
    )
    (meeting,) = meetings(text)
    assert "Abdulaziz bin Saud bin Naif bin Abdulaziz Al Saud" in people(meeting)


# --- who else was there ---------------------------------------------------------------------


def test_members_a_sides_delegation_also_included_attend_for_that_side():
    text = (
        "KUALA LUMPUR: Malaysia and Thailand held a meeting on cross-border crime here on "
        "Tuesday.\n\n"
        "The Malaysian delegates, led by Deputy Home Minister Datuk Wira Ahmad Kamal Yusof, "
        "also included the ministry's secretary-general Datuk Seri Rahim Osman, "
        "Inspector-General of Police Tan Sri Hamid Salleh and officers of the Malaysian Royal "
        "Customs, Defence Ministry and the immigration department.\n\n"
        "The Thai side was led by Permanent Secretary Somchai Boonyarit.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    for name in ("Rahim Osman", "Hamid Salleh"):
        assert (who[name]["role"], who[name]["country"]) == ("attendee", "MY")
    assert "Royal Customs" not in who  # a body before a ministry's name, no person


def test_the_officers_included_in_a_delegation_attend_its_meeting():
    text = (
        "KARACHI - A delegation of Sindh Police held a meeting with the Yunnan Public Security "
        "Department in Kunming on Monday to discuss training. The officers included in the "
        "delegation were Mr Ali Raza, Deputy Inspector General of Sindh Police, Mr Imran Shah, "
        "Senior Superintendent of Karachi Police and Mr Bilal Ahmed, Assistant Inspector "
        "General of Sindh Police.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    for name in ("Ali Raza", "Imran Shah", "Bilal Ahmed"):
        assert who[name]["role"] == "attendee"


# --- one sentence, several meetings ---------------------------------------------------------


def test_the_one_met_at_one_of_a_sentences_meetings_is_not_at_the_next():
    text = (
        "Ngày 5/3, đoàn công tác của Bộ Công an do Đại tướng Lương Tam Quang, Bộ trưởng Bộ "
        "Công an dẫn đầu đã tới thăm chính thức Canada.\n\n"
        "Tại Thủ đô Ottawa, Bộ trưởng Lương Tam Quang đã hội đàm với ngài David McGuinty - Bộ "
        "trưởng An toàn công cộng; gặp gỡ và tiếp xúc với ngài Mike Duheme, Tư lệnh Cảnh sát "
        "Hoàng gia Canada.\n"
    )
    by_person = {}
    for meeting in meetings(text):
        for name, who in people(meeting).items():
            if who["role"] == "host":
                by_person.setdefault(name, []).append(meeting["slug"])
    assert len(by_person["David McGuinty"]) == 1
    assert len(by_person["Mike Duheme"]) == 1


def test_a_party_post_in_apposition_then_the_office_after_and_names_the_speaker():
    text = (
        "At a ceremony held in Phnom Penh on Monday, Japanese Ambassador to Cambodia Ueno "
        "Atsushi handed over patrol boats to the Cambodian National Police.\n\n"
        "Neth Savoeun, member of the Standing Committee of the Cambodian People's Party and "
        "Commissioner General of the National Police, said that the boats will help fight "
        "drug trafficking on the Mekong.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert who["Neth Savoeun"]["title"] == "Commissioner General of the National Police"
    assert (who["Neth Savoeun"]["role"], who["Neth Savoeun"]["country"]) == ("host", "KH")


def test_the_country_of_a_party_post_is_the_holders_when_the_office_names_none():
    text = (
        "At a handover ceremony held in Vientiane on Friday, Japanese Ambassador to Laos Kenichi "
        "Sato handed over forensic equipment to the Lao Ministry of Public Security.\n\n"
        "Khamphao Bounmy, member of the Central Committee of the Lao People's Revolutionary "
        "Party and Minister of Public Security, said that the equipment will help the "
        "ministry's investigators.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert (who["Khamphao Bounmy"]["country"], who["Khamphao Bounmy"]["role"]) == ("LA", "host")


# --- where and when, told by the engagement's noun (the sides follow) ---------------------------


def test_the_event_was_held_on_a_day_at_premises_in_a_city_dates_and_places_the_signing():
    text = (
        "Philippine National Police Chief Police General Rommel Marbil and National Police "
        "Agency Commissioner General Yasuhiro Tsuyuki have signed a Memorandum of "
        "Understanding to strengthen police cooperation.\n\n"
        "The event was held on May 14, 2024 at the National Police Agency headquarters in "
        "Tokyo, Japan.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2024-05-14"
    assert (meeting["place"]["city"], meeting["host"]) == ("Tokyo", "JP")
    assert people(meeting)["Yasuhiro Tsuyuki"]["role"] == "host"


def test_buoi_tiep_dien_ra_dates_the_reception_told_before():
    text = (
        "Thiếu tướng Nguyễn Văn Bình, Cục trưởng Cục Đối ngoại đã tiếp ông Kovács Péter, Quốc "
        "vụ khanh Bộ Nội vụ Hungary.\n\n"
        "Buổi tiếp diễn ra chiều 12/5/2024 tại trụ sở Bộ Công an ở Hà Nội.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2024-05-12"


# --- who is named without taking part ----------------------------------------------------------


def test_the_traveller_of_a_trip_ahead_is_no_guest_of_the_meeting_before_it():
    text = (
        "New Delhi : Ahead of Sri Lankan President Ranil Wickremesinghe’s India visit this "
        "month, the two countries' home secretaries are meeting to settle two agreements. The "
        "Indian delegation is led by Home Secretary Ajay Mehta while the Sri Lankan delegation "
        "is headed by Secretary Kamal Perera.\n"
    )
    found = records(text)
    assert not [r for r in found if r["kind"] == "visit" and r.get("status", "held") == "held"]
    (meeting,) = meetings(text)
    assert "Ranil Wickremesinghe" not in people(meeting)
    assert people(meeting)["Kamal Perera"]["role"] == "guest"


def test_an_ambassador_joining_the_delegations_programme_attends_its_trip_with_his_office():
    text = (
        "Ngày 10/4, Đoàn đại biểu Bộ Công an Việt Nam do Thứ trưởng Phạm Thế Tùng dẫn đầu đã tới "
        "thăm và làm việc tại Nhật Bản.\n\n"
        "Tham gia các hoạt động của đoàn có Đại sứ đặc mệnh toàn quyền Việt Nam tại Nhật Bản - "
        "Phạm Quang Hiệu.\n\n"
        "Tại Tokyo, Thứ trưởng Phạm Thế Tùng đã hội đàm với ngài Tanaka Ichiro, Phó Tư lệnh Cơ "
        "quan Cảnh sát quốc gia Nhật Bản.\n"
    )
    (trip,) = [r for r in records(text) if r["kind"] == "visit"]
    who = people(trip)
    assert who["Phạm Quang Hiệu"]["role"] == "attendee"
    assert (
        "Nhật Bản" in who["Phạm Quang Hiệu"]["title"] or "Japan" in who["Phạm Quang Hiệu"]["title"]
    )


def test_lam_viec_voi_x_opening_the_sentence_tells_a_session_of_the_trip_with_x():
    text = (
        "Nhận lời mời của Bộ Nội vụ Hungary, Đoàn đại biểu cấp cao Bộ Công an Việt Nam do Bộ "
        "trưởng Lương Tam Quang dẫn đầu đã thăm và làm việc tại Hungary từ ngày 3 đến 5/6.\n\n"
        "Làm việc với Phó Thủ tướng Chính phủ Hungary Semjén Zsolt, Bộ trưởng Lương Tam Quang "
        "bày tỏ vui mừng trước những thành tựu của Hungary.\n"
    )
    (meeting,) = [m for m in meetings(text) if "Semjén Zsolt" in people(m)]
    who = people(meeting)
    assert (meeting["host"], who["Semjén Zsolt"]["role"]) == ("HU", "host")
    assert who["Lương Tam Quang"]["role"] == "guest"
