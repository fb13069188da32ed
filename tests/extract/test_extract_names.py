"""Who and where: countries and their synonyms, cities, organisations, persons."""

from __future__ import annotations

from timeline.extract.gazetteer import (
    find_organisations,
    find_places,
    learn_abbreviations,
)
from timeline.extract.people import find_people, merge


def countries(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.key) for m in find_places(text) if m.kind == "country"]


def test_country_synonyms() -> None:
    text = "Việt Nam-Mỹ; Hoa Kỳ; Úc và Australia; the United States, Vietnam and Laos."
    got = countries(text)
    assert ("Mỹ", "US") in got and ("Hoa Kỳ", "US") in got
    assert ("Úc", "AU") in got and ("Australia", "AU") in got
    assert ("the United States"[4:], "US") in got and ("Laos", "LA") in got
    assert {k for _, k in got} == {"VN", "US", "AU", "LA"}


def test_short_ambiguous_names_are_countries_only_in_context() -> None:
    # "Anh" is the UK after a lowercase word, a given name inside a person's name
    assert countries("Bộ Nội vụ Anh và Việt Nam - Anh") == [
        ("Anh", "GB"),
        ("Việt Nam", "VN"),
        ("Anh", "GB"),
    ]
    assert countries("ông Nguyễn Tuấn Anh, Cục trưởng") == []
    # "pháp luật" is law, not France
    assert countries("thực thi pháp luật") == []


def test_cities_with_their_countries() -> None:
    got = [
        (m.key, m.country) for m in find_places("tại Washington D.C (Mỹ) và Thành phố Hồ Chí Minh")
    ]
    assert ("Washington, D.C.", "US") in got and ("Ho Chi Minh City", "VN") in got


def test_abbreviations_are_learnt_from_the_article() -> None:
    text = (
        "Tăng cường hợp tác thông qua Đội phòng chống tội phạm xuyên quốc gia Việt Nam - Australia "
        "(JTCT) và Cơ quan Hải quan và Bảo vệ Biên giới Mỹ (CBP). Sau đó JTCT họp."
    )
    learnt = {m.abbreviation: m for m in learn_abbreviations(text)}
    assert learnt["JTCT"].text.startswith("Đội phòng chống")
    assert learnt["JTCT"].org_kind == "joint"
    assert learnt["CBP"].country == "US"
    later = [
        m for m in find_organisations(text, "vi", learnt=list(learnt.values())) if m.text == "JTCT"
    ]
    assert later and later[0].key == learnt["JTCT"].key


def test_missions_name_their_owner_and_place() -> None:
    text = "đã thăm Đại sứ quán Việt Nam tại Australia và Tổng Lãnh sự quán Việt Nam tại Sydney."
    got = [(m.key, m.country, m.city, m.located) for m in find_organisations(text, "vi")]
    assert ("Embassy of Vietnam in Australia", "VN", None, "AU") in got
    assert ("Consulate General of Vietnam in Sydney", "VN", "Sydney", "AU") in got


def test_a_ministry_without_a_country_is_left_open() -> None:
    (m,) = find_organisations("Thứ trưởng phụ trách Nhóm Điều hành, Bộ Nội vụ và", "vi")
    assert m.key == "Ministry of Home Affairs" and m.country is None


def people(text: str, language: str = "vi"):
    learnt = learn_abbreviations(text)
    ents = find_places(text) + find_organisations(text, language, learnt=learnt)
    return find_people(text, 0, len(text), language, ents)


def test_names_with_rank_title_and_party_role() -> None:
    text = (
        "Thượng tướng Lê Quốc Hùng, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an cùng ông "
        "Chris Landberg, Quyền Trợ lý Ngoại trưởng Mỹ phụ trách Cơ quan phòng chống ma túy và "
        "thực thi pháp luật quốc tế (INL) đã đồng chủ trì Đối thoại."
    )
    hung, chris = people(text)
    assert (hung.name, hung.rank) == ("Lê Quốc Hùng", "Thượng tướng")
    assert [t[2] for t in hung.titles] == ["Thứ trưởng Bộ Công an"]
    assert [t[2] for t in hung.party] == ["Ủy viên Trung ương Đảng"]
    assert hung.country == "VN" and hung.organisation.key == "Ministry of Public Security"
    assert chris.name == "Chris Landberg" and chris.country == "US"
    assert chris.organisation.abbreviation == "INL"
    for p in (hung, chris):
        assert text[p.start : p.end] == p.name


def test_title_before_the_name() -> None:
    (p,) = people("Tham dự có Đại sứ đặc mệnh toàn quyền Việt Nam tại Mỹ Nguyễn Quốc Dũng.")
    assert p.name == "Nguyễn Quốc Dũng"
    assert p.titles[0][2] == "Đại sứ đặc mệnh toàn quyền Việt Nam tại Mỹ"


def test_english_titles_with_portfolios_and_ranks() -> None:
    text = (
        "co-chaired by Deputy Minister of Public Security Senior Lieutenant General Le Quoc Hung "
        "and Acting Assistant Secretary of State Chris Landberg."
    )
    hung, chris = people(text, "en")
    assert (hung.name, hung.rank, hung.titles[0][2]) == (
        "Le Quoc Hung",
        "Senior Lieutenant General",
        "Deputy Minister of Public Security",
    )
    assert chris.titles[0][2] == "Acting Assistant Secretary of State"


def test_spelling_variants_are_merged_and_reported() -> None:
    mentions = people("ông Chris Landberg đã gặp Thứ trưởng Lê Quốc Hùng.") + people(
        "Quyền Trợ lý Ngoại trưởng Chris Lanberg và Thứ trưởng Hùng"
    )
    persons, variants = merge(mentions)
    names = {p.name: p for p in persons}
    assert set(names) == {"Chris Landberg", "Lê Quốc Hùng"}
    assert names["Chris Landberg"].variants == ["Chris Lanberg"]
    assert variants == [("Chris Landberg", "Chris Lanberg")]
    assert len(names["Lê Quốc Hùng"].mentions) == 2  # "Thứ trưởng Hùng" is him


def test_different_people_are_not_merged() -> None:
    persons, variants = merge(
        people("Đại tướng Tô Lâm và Thượng tướng Lương Tam Quang, ông Lê Văn Tuyến")
    )
    assert len(persons) == 3 and variants == []


def test_a_wire_style_name_before_its_lowercase_title() -> None:
    t = (
        "Reece Doyle, deputy commissioner of the Australian Federal Police (AFP), arrived in "
        "Hanoi on Monday. Paris, France, said nothing."
    )
    ents = find_organisations(t, "en", 0, len(t), learn_abbreviations(t)) + find_places(t)
    (p,) = find_people(t, 0, len(t), "en", ents)
    assert (p.name, p.country) == ("Reece Doyle", "AU")
    assert p.titles[0][2].startswith("deputy commissioner of the Australian Federal Police")


def test_british_honorifics_are_not_part_of_the_name() -> None:
    text = "Home Office Minister Baroness Joan Hartley met Dame Clare Weston in London."
    assert [p.name for p in people(text, "en")] == ["Joan Hartley", "Clare Weston"]
