"""Fifteenth round (x-near7): drafts one field off (the month of a relation's upgrade counted
from taken for the talks', a visit with no guest side) and false drafts (the inviter read as a
second one met, a conference the host thanks for an invitation to, talks on a trip's itinerary,
a conference of a regional association's members). The pages are written for these tests in
the genre's shapes."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import meetings, names, of_kind, records

# --- a date in the clause a period is counted from -----------------------------------------------


def test_the_month_of_an_upgrade_counted_from_does_not_date_the_talks() -> None:
    text = (
        "Chiều 14/3, tại Hà Nội, Thượng tướng Nguyễn Văn An, Thứ trưởng Bộ Công an đã hội đàm "
        "với ông Hans Berger, Tổng Cục trưởng Cảnh sát Liên bang Áo.\n"
        "Thứ trưởng nhấn mạnh, hợp tác giữa hai Bộ được đẩy mạnh kể từ khi Việt Nam và Áo nâng "
        "cấp quan hệ lên Đối tác chiến lược vào tháng 9/2023.\n"
    )
    (meeting,) = meetings(text, published=date(2025, 3, 15))
    assert meeting["date"]["start"] == "2025-03-14"


def test_an_undated_meeting_takes_no_month_from_a_since_clause() -> None:
    text = (
        "Bộ trưởng Bộ Công an đã tiếp Tư lệnh Cảnh sát Quốc gia Chile Ricardo Yáñez. Bộ trưởng "
        "đánh giá hợp tác không ngừng mở rộng kể từ khi hai nước ký kết Hiệp định tương trợ tư "
        "pháp về hình sự vào tháng 5/2019.\n"
    )
    (meeting,) = meetings(text)
    assert not meeting["date"]["start"].startswith("2019")


def test_a_since_the_two_countries_clause_in_english_is_background() -> None:
    text = (
        "Police Commissioner Anna Berg received Chilean Police Director Ricardo Yáñez in "
        "Stockholm. Cooperation has grown since the two countries upgraded their ties to a "
        "strategic partnership in October 2021, Berg said.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 5, 3))
    assert not meeting["date"]["start"].startswith("2021")


# --- the inviter is not met -----------------------------------------------------------------------


def test_the_minister_who_invited_the_guest_is_not_a_second_one_received() -> None:
    text = (
        "Chiều 9/5, tại Phủ Chủ tịch, Chủ tịch nước đã tiếp Bộ trưởng Nội vụ Phần Lan Mari "
        "Rantanen đang thăm chính thức Việt Nam theo lời mời của Bộ trưởng Bộ Công an.\n"
    )
    (meeting,) = meetings(text)
    assert "Mari Rantanen" in names(meeting)


def test_at_the_invitation_of_ends_the_list_of_those_received() -> None:
    text = (
        "Prime Minister Lena Dahl received Chilean Interior Minister Carolina Toha, who is "
        "visiting Norway at the invitation of Justice Minister Emilie Mehl, in Oslo on May 9.\n"
    )
    found = meetings(text, published=date(2024, 5, 10))
    assert len(found) == 1


# --- a session thanked for as an invitation is yet to come ----------------------------------------


def test_thanks_for_an_invitation_to_a_numbered_conference_make_it_planned() -> None:
    text = (
        "Sáng 3/4, Bộ trưởng Bộ Công an đã hội đàm với Tổng Cục trưởng Cảnh sát Liên bang Áo "
        "Hans Berger. Bộ trưởng cảm ơn lời mời tham dự Hội nghị hợp tác phòng, chống tội phạm "
        "Việt Nam - Áo lần thứ 3 của phía Áo, khẳng định sẽ cử đại diện tham dự.\n"
    )
    found = records(text, published=date(2025, 4, 4))
    dialogues = [r for r in found if r["kind"] == "dialogue"]
    assert all(r.get("status") == "planned" for r in dialogues)
    assert len(meetings(text, published=date(2025, 4, 4))) == 1


# --- a plan's word governing the clause -------------------------------------------------------------


def test_talks_on_a_trip_s_itinerary_for_a_later_day_are_planned() -> None:
    text = (
        "Home Affairs Minister Pita Lute arrived on Sunday in Canberra for a working visit.\n"
        "His programme for Tuesday will take him to the Australian Federal Police headquarters "
        "for talks with Commissioner Joan Hale.\n"
    )
    held = [m for m in meetings(text) if m.get("status", "held") == "held"]
    assert held == []


def test_talks_held_after_a_plan_was_told_stay_held() -> None:
    text = (
        "Officials who will attend the summit said Minister Ana Soto received Peruvian "
        "Interior Minister Luis Vega in Lima on March 3.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 3, 4))
    assert meeting.get("status", "held") == "held"


# --- a conference of a regional association's members -------------------------------------------


def test_a_conference_of_the_association_s_member_countries_is_not_bilateral() -> None:
    text = (
        "Police chief Maria Cruz flew on Monday to Thailand to attend a three-day conference of "
        "police chiefs of the member states of the Association of Southeast Asian Nations in "
        "Bangkok.\n"
    )
    assert [r for r in records(text) if r["kind"] in ("dialogue", "meeting")] == []


# --- a trip with no guest side -------------------------------------------------------------------


def test_a_visitor_of_no_stated_country_is_of_the_story_s_other_country() -> None:
    text = (
        "Talks with Canadian security officials await Interior Minister Pita Lute as Fiji seeks "
        "closer ties with Canada.\n"
        "Lute arrived on Sunday in Ottawa for a working visit until Thursday.\n"
    )
    (visit,) = of_kind(text, "visit")
    assert visit["host"] == "CA"
    assert visit["guests"] == ["FJ"]


# --- a Malaysian city where regional meetings are held -----------------------------------------


def test_melaka_is_a_malaysian_city() -> None:
    text = (
        "MELAKA: Malaysian Home Minister Amir Hamzah met Thai Deputy Interior Minister Somchai "
        "Rattanakul here on Tuesday to discuss border crime.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["country"] == "MY"
    assert meeting["place"]["city"] == "Melaka"


# --- one meeting drafted once -------------------------------------------------------------------


def test_met_his_counterpart_retells_the_meeting_that_names_both_ministers() -> None:
    text = (
        "Greek Citizen Protection Minister Michalis Chrysochoidis met Cypriot Justice Minister "
        "Marios Hartsiotis on Thursday to discuss border data.\n"
        "The Cypriot minister, who led a large delegation to Greece, met his Greek counterpart "
        "in Athens.\n"
    )
    found = meetings(text)
    assert len(found) == 1
    assert names(found[0]) == {"Michalis Chrysochoidis", "Marios Hartsiotis"}


def test_co_chaired_the_meeting_with_is_the_dialogue_s_session() -> None:
    text = (
        "HANOI, May 7 -- Vietnam and Norway held the 3rd joint working group meeting on "
        "combating transnational crime in Hanoi on Tuesday.\n"
        "Vietnamese Deputy Minister of Public Security Nguyen Van An co-chaired the meeting with "
        "Norwegian State Secretary Lars Holm.\n"
    )
    found = records(text, published=date(2024, 5, 7))
    (dialogue,) = [r for r in found if r["kind"] in ("meeting", "dialogue")]
    assert dialogue["kind"] == "dialogue"
    assert names(dialogue) >= {"Nguyen Van An", "Lars Holm"}


# --- a welcome ceremony opening the talks -----------------------------------------------------


def test_presiding_over_the_welcome_ceremony_is_the_reception_of_the_guest() -> None:
    text = (
        "Sáng 12/6, tại trụ sở Bộ Quốc phòng, Đại tướng Nguyễn Văn An, Tổng Tham mưu trưởng Quân "
        "đội nhân dân Việt Nam, chủ trì lễ đón Thiếu tướng Lars Holm, Tổng Tham mưu trưởng Quân "
        "đội Na Uy.\nHai đoàn chụp ảnh lưu niệm.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 6, 13))
    assert meeting["host"] == "VN"
    assert meeting["guests"] == ["NO"]
    roles = {p["name"]: p["role"] for p in meeting["participants"]}
    assert roles["Nguyễn Văn An"] == "host"
    assert roles["Lars Holm"] == "guest"


# --- a sidelines meeting held where the gathering was ---------------------------------------------


def test_a_sidelines_meeting_is_placed_where_the_gathering_opened() -> None:
    text = (
        "The 5th Forum of security chiefs opened in Astana, Kazakhstan, on June 4, 2024, with "
        "delegations from 60 countries.\n"
        "On the sidelines of the forum, Minister Nguyen Van An had separate meetings with the "
        "heads of delegations from Laos and Mongolia.\n"
    )
    found = meetings(text)
    assert len(found) == 2
    for meeting in found:
        assert meeting["place"]["country"] == "KZ"
        assert meeting["place"]["city"] == "Astana"


# --- our minister is not of the country his guests' ministry is ---------------------------------


def test_our_minister_of_an_agency_without_a_country_is_not_the_guests_side() -> None:
    text = (
        "Chiều 5/9, tại Hà Nội, đại tướng Nguyễn Văn An, Bộ trưởng Bộ Quốc phòng đã tiếp thân mật "
        "đoàn Bộ Quốc phòng Mông Cổ đang thăm Việt Nam.\n"
        "Tại cuộc gặp, Bộ trưởng Nguyễn Văn An chào mừng thiếu tướng Ganbat Dorj, Thứ trưởng Quốc "
        "phòng Mông Cổ.\n"
    )
    (meeting,) = meetings(text, published=date(2024, 9, 6))
    an = {p["name"]: p for p in meeting["participants"]}["Nguyễn Văn An"]
    assert an["country"] == "VN"
    assert an["role"] == "host"


# --- two ministers appearing together after their talks ------------------------------------------


def test_a_joint_news_conference_of_two_countries_ministers_is_their_meeting() -> None:
    text = (
        "Speaking at a joint press conference held at the Interior Ministry in Cairo on Monday, "
        "visiting Jordanian Interior Minister Mazen Farrayeh and his Egyptian counterpart Mahmoud "
        "Tawfik called for closer cooperation against migrant smuggling.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "EG"
    assert meeting["guests"] == ["JO"]
    roles = {p["name"]: p["role"] for p in meeting["participants"]}
    assert roles == {"Mazen Farrayeh": "guest", "Mahmoud Tawfik": "host"}
