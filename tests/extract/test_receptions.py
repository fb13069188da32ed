"""Receptions and talks told the genre's way: long counterpart titles, English reception
verbs, courtesy calls and online talks."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.gazetteer import find_regions
from timeline.extract.pipeline import analyse
from timeline.extract.segment import segment


def meetings(text: str, **kw):
    d = extract(text, document="doc", published=kw.pop("published", date(2024, 4, 5)), **kw)
    return [r.record for r in d.records if r.record["kind"] == "meeting"]


def people(record) -> dict[str, str]:
    return {p["name"]: p["role"] for p in record.get("participants", [])}


def test_a_reception_of_a_counterpart_with_a_long_regional_portfolio_is_a_meeting():
    text = (
        "Bộ trưởng tiếp Phó Trợ lý Ngoại trưởng Hoa Kỳ\n\n"
        "Sáng 3/4, tại Hà Nội, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an đã tiếp Phó "
        "Trợ lý Ngoại trưởng Hoa Kỳ phụ trách khu vực châu Á - Thái Bình Dương Anna Lee Carter.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting) == {"Trần Văn Bình": "host", "Anna Lee Carter": "guest"}
    assert (meeting["host"], meeting["guests"]) == ("VN", ["US"])


def test_a_region_is_no_province_and_no_part_of_a_name():
    text = "Ông Lê Văn An đã gặp Trợ lý Ngoại trưởng phụ trách khu vực Đông Á - Thái Bình Dương Mark Twain.\n"
    assert [r.text for r in find_regions(text, 0, len(text))] == ["Đông Á - Thái Bình Dương"]
    analysis = analyse(text, segment(text, "vi"), "vi", None)
    (info,) = analysis.infos
    assert "Bình Dương" not in [p.text for p in info.places]
    assert "Mark Twain" in [p.name for p in info.people]


def test_a_speech_at_the_reception_of_someone_tells_that_reception():
    text = (
        "Hai nước thúc đẩy hợp tác phòng chống tội phạm\n\n"
        "Chiều 4/4, tại Hà Nội, phát biểu tại buổi tiếp Phó Giám đốc Cục Điều tra Liên bang Mỹ "
        "(FBI) John R.Smith đang ở thăm Việt Nam, Thứ trưởng Bộ Công an Trần Văn Bình nhấn mạnh "
        "quan hệ hợp tác giữa hai nước đang được mở rộng.\n"
    )
    (meeting,) = meetings(text)
    names = people(meeting)
    assert "John R. Smith" in names or "John R.Smith" in names  # the glued initial is kept
    assert names.get("Trần Văn Bình") == "host"  # who speaks next is no one met


def test_a_noun_of_the_reception_already_told_is_no_new_meeting():
    text = (
        "Ngày 4/4, Thứ trưởng Trần Văn Bình đã tiếp Đại sứ Nhật Bản Ito Kenji.\n"
        "Phát biểu tại buổi tiếp, Thứ trưởng Trần Văn Bình cảm ơn Đại sứ.\n"
    )
    assert len(meetings(text)) == 1


def test_the_reception_of_someone_told_as_a_noun_is_a_meeting_and_its_host_the_speaker():
    text = (
        "Hai nước tăng cường hợp tác\n\n"
        "Cũng hôm 4/4, báo Công an nhân dân trích lời ông Trần Văn Bình, Bộ trưởng Bộ Công an, "
        "trong buổi tiếp ông Peter Grant, nói hợp tác an ninh là trụ cột quan trọng.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting) == {"Trần Văn Bình": "host", "Peter Grant": "guest"}


def test_a_session_numbered_without_thu_is_the_same_dialogue():
    text = (
        "Sáng 2/12, Việt Nam và Australia đã tổ chức Đối thoại An ninh cấp Thứ trưởng lần thứ "
        "hai tại Hà Nội.\n"
        "Đối thoại An ninh lần hai diễn ra từ ngày 2 - 3/12, do Trung tướng Trần Văn Bình và ông "
        "Peter Grant đồng chủ trì.\n"
    )
    d = extract(text, document="doc", published=date(2024, 12, 4))
    assert [r.record["session"] for r in d.records if r.record["kind"] == "dialogue"] == [2]


def test_an_english_meeting_with_mr_someone_and_who_welcomed_whom():
    text = (
        "Deputy Minister meets US official\n\n"
        "Lieutenant General Tran Van Binh, Deputy Minister of Public Security, had a meeting with "
        "Mr. Paul K. Harris, Assistant Secretary for the Bureau of Consular Affairs, in Hanoi on "
        "April 4.\n"
        "Speaking at the event, Deputy Minister Tran Van Binh welcomed Mr. Paul K. Harris.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting) == {"Tran Van Binh": "host", "Paul K. Harris": "guest"}
    assert meeting["host"] == "VN"


def test_a_reception_without_a_place_is_placed_in_the_host_s_country():
    text = (
        "Bộ trưởng tiếp Đại sứ\n\n"
        "Chiều 4/4, Đại tướng Trần Văn Bình, Bộ trưởng Bộ Công an đã tiếp Đại sứ Nhật Bản Ito "
        "Kenji.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["country"] == "VN"
    d = extract(text, document="doc", published=date(2024, 4, 5))
    assert "place-from-host" in {f.code for r in d.records for f in r.flags}


def test_without_a_year_the_days_a_later_sentence_gives_still_span_the_dialogue():
    text = (
        "Việt Nam và Australia đối thoại an ninh\n\n"
        "Sáng 2/12, Việt Nam và Australia đã tổ chức Đối thoại An ninh cấp Thứ trưởng lần thứ "
        "hai.\n"
        "Đối thoại An ninh lần hai diễn ra từ ngày 2 - 3/12 tại Hà Nội, do Trung tướng Trần Văn "
        "Bình và ông Peter Grant đồng chủ trì.\n"
        "Hai bên thống nhất tăng cường trao đổi thông tin về tội phạm xuyên quốc gia.\n"
    )
    d = extract(text, document="doc")
    (dialogue,) = [r.record for r in d.records if r.record["kind"] == "dialogue"]
    assert dialogue["date"]["start"] == "????-12-02"
    assert dialogue["date"]["precision"] == "range"


def test_received_and_held_talks_with_one_delegation_is_one_meeting():
    text = (
        "Bộ trưởng tiếp đoàn Singapore\n\n"
        "Chiều 5/3, tại Hà Nội, Đại tướng Trần Văn Bình, Bộ trưởng Bộ Công an đã tiếp và hội đàm "
        "với Đoàn đại biểu Bộ Nội vụ Singapore do Phó Thủ tướng Lee Ming Tan dẫn đầu.\n"
        "Hai bên trao đổi về hợp tác phòng chống khủng bố.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["SG"])


def test_an_ambassador_is_not_of_the_country_they_are_posted_to():
    text = (
        "Thứ trưởng tiếp Đại sứ\n\n"
        "Chiều 5/3, tại Hà Nội, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an đã tiếp Đại sứ "
        "Nhật Bản tại Việt Nam Ito Kenji.\n"
        "Hai bên trao đổi về hợp tác phòng chống tội phạm.\n"
    )
    (meeting,) = meetings(text)
    assert {p["name"]: p.get("country") for p in meeting["participants"]}["Ito Kenji"] == "JP"
    assert (meeting["host"], meeting["guests"]) == ("VN", ["JP"])


def test_a_minister_of_state_received_is_one_meeting_and_who_attended_is_story():
    text = (
        "Việt Nam - Vương quốc Anh thúc đẩy hợp tác\n\n"
        "Sáng 4/3, tại Hà Nội, Đại tướng Trần Văn Bình, Bộ trưởng Bộ Công an đã tiếp Quốc vụ "
        "khanh Bộ Nội vụ Vương quốc Anh John Fowler.\n\n"
        "Cùng dự có Trung tướng Lê Văn Nam, Thứ trưởng Bộ Công an.\n\n"
        "Hai bên thống nhất tăng cường hợp tác phòng, chống mua bán người.\n"
    )
    (meeting,) = meetings(text)
    assert {"John Fowler", "Lê Văn Nam"} <= set(people(meeting))
    assert meeting["guests"] == ["GB"]


def test_an_organisation_met_through_its_official_is_not_a_second_meeting():
    text = (
        "Đoàn Bộ Công an làm việc tại Australia\n\n"
        "Ngày 25/10, tại Canberra, Thượng tướng Trần Văn Bình đã hội đàm với bà Anna Brown, Phó "
        "Tổng Tư lệnh Cảnh sát Liên bang Australia (AFP) tại trụ sở của AFP ở thủ đô Canberra.\n"
        "Hai bên trao đổi về hợp tác phòng chống tội phạm mạng.\n"
    )
    assert len(meetings(text)) == 1


def test_a_dialogue_without_a_place_is_hosted_where_the_reception_of_its_day_was():
    text = (
        "Việt Nam và Australia đối thoại an ninh\n\n"
        "Sáng 2/12, Việt Nam và Australia đã tổ chức Đối thoại An ninh cấp Thứ trưởng lần thứ "
        "hai.\n"
        "Cũng hôm 2/12, Đại tướng Trần Văn Bình, Bộ trưởng Bộ Công an đã tiếp ông Peter Grant, "
        "Thứ trưởng Bộ Nội vụ Australia tại Hà Nội.\n"
        "Hai bên trao đổi về hợp tác phòng chống tội phạm mạng.\n"
    )
    d = extract(text, document="doc")
    (dialogue,) = [r.record for r in d.records if r.record["kind"] == "dialogue"]
    assert (dialogue["host"], dialogue["guests"]) == ("VN", ["AU"])


def test_a_co_minister_whose_portfolio_joins_two_fields_is_of_the_country_ending_the_title():
    text = (
        "Chiều 14/3, tại Hà Nội, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an đã tiếp ngài "
        "Daniel Brooks, đồng Bộ trưởng về Ngoại giao và Thương mại Australia, nhân dịp ông dự "
        "Hội nghị.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting) == {"Trần Văn Bình": "host", "Daniel Brooks": "guest"}
    assert (meeting["host"], meeting["guests"]) == ("VN", ["AU"])


def test_welcoming_the_guest_to_work_with_our_ministry_tells_the_reception_again():
    text = (
        "Chiều 14/3, tại Hà Nội, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an đã tiếp ngài "
        "Daniel Brooks, Thứ trưởng Bộ Nội vụ Australia.\n"
        "Chào mừng ngài Daniel Brooks đến thăm và làm việc với Bộ Công an, Thứ trưởng Trần Văn "
        "Bình khẳng định quan hệ hai nước đang phát triển tốt đẹp.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting) == {"Trần Văn Bình": "host", "Daniel Brooks": "guest"}


def test_a_story_opening_at_the_meeting_with_its_two_sides_as_subjects_is_that_meeting():
    text = (
        "Tại cuộc gặp chiều 4/4 tại Hà Nội, Bộ trưởng Bộ Công an Trần Văn Bình và Đại sứ Mỹ "
        "John Carter đã cùng trao đổi về hợp tác thực thi pháp luật.\n"
        "Bộ trưởng Trần Văn Bình đề nghị hai bên tăng cường hợp tác phòng chống tội phạm.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting) == {"Trần Văn Bình": "host", "John Carter": "guest"}
    assert (meeting["host"], meeting["guests"]) == ("VN", ["US"])


def test_an_english_story_opening_at_the_meeting_is_that_meeting():
    text = (
        "At the meeting in Hanoi on Thursday, Minister Tran Van Binh and Japanese Ambassador "
        "Ito Kenji discussed cooperation against cybercrime.\n"
    )
    (meeting,) = meetings(text)
    assert people(meeting)["Ito Kenji"] == "guest"
    assert meeting["guests"] == ["JP"]


def test_delegations_received_on_the_sidelines_of_a_regional_conference_are_one_meeting_each():
    text = (
        "Sáng 4/4, ngay sau phiên khai mạc Hội nghị cảnh sát Khu vực châu Á – Thái Bình Dương lần "
        "thứ 12 tại Hà Nội, Thiếu tướng Trần Văn Bình, Thứ trưởng Bộ Công an đã tiếp xã giao các "
        "đoàn: Campuchia; đoàn Singapore và đoàn Thái Lan.\n"
    )
    found = meetings(text)
    assert sorted(g for m in found for g in m["guests"]) == ["KH", "SG", "TH"]
    assert all(people(m) == {"Trần Văn Bình": "host"} for m in found)


def test_an_english_reception_of_the_delegations_of_several_countries_is_one_meeting_each():
    text = (
        "On April 4, Deputy Minister Tran Van Binh received the delegations of Cambodia and "
        "Thailand attending the conference in Hanoi.\n"
    )
    found = meetings(text)
    assert sorted(g for m in found for g in m["guests"]) == ["KH", "TH"]
    assert all(m["host"] == "VN" for m in found)
