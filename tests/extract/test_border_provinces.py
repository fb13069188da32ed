"""Provincial police across a border: the police of one province working with the police of
one or several neighbouring provinces of the next country, in person or online, drafted as one
meeting of the two sides."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract


def meetings(text: str) -> list[dict]:
    d = extract(text, document="doc", published=date(2025, 11, 20), publisher="X")
    return [r.record for r in d.records if r.record["kind"] == "meeting"]


def test_a_province_s_police_working_with_two_provinces_across_the_border_is_one_meeting():
    text = (
        "Chiều 12-11, tại thành phố Đông Hà, Công an tỉnh Quảng Trị và Công an các tỉnh "
        "Savannakhet, Salavan (Lào) đã có buổi làm việc về công tác phối hợp bảo đảm an ninh "
        "biên giới.\n\n"
        "Hai bên thống nhất tăng cường trao đổi thông tin về tội phạm ma túy.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["guests"] == ["LA"] or set(meeting["guests"]) == {"LA", "VN"}
    names = {o["name"] for o in meeting["organisations"]}
    assert {"Savannakhet Provincial Police", "Quang Tri Provincial Police"} <= names


def test_an_annual_conference_between_two_provinces_police_is_drafted_where_it_was_held():
    text = (
        "Tại tỉnh Xê Kông (Lào) vừa diễn ra hội nghị hợp tác thường niên giữa Công an tỉnh "
        "Kon Tum và Công an tỉnh Attapư.\n\n"
        "Hai bên đã ký kết biên bản hợp tác năm 2026.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["host"] == "LA"
    assert meeting["guests"] == ["VN"]


def test_online_talks_between_two_cities_police_are_a_remote_meeting():
    text = (
        "Ngày 14/11, hội đàm trực tuyến giữa Công an tỉnh Lạng Sơn và Công an thành phố Nam "
        "Ninh (Trung Quốc) đã được tổ chức.\n\n"
        "Hai bên trao đổi về phòng chống tội phạm xuyên biên giới.\n"
    )
    (meeting,) = meetings(text)
    assert meeting.get("host") is None  # no one hosts a video call
    assert "CN" in meeting["guests"]
    assert "Nanning City Police" in {o["name"] for o in meeting["organisations"]}
