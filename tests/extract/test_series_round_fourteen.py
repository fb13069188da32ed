"""Numbered sessions and past dialogues (issue 11, fourteenth round, x-series): a standing
mechanism's session named in lower case or at length is a dialogue of the two sides, a past
session cited with its own date is context beside the page's engagement, and a meeting on the
sidelines of a gathering with no host named is the reporting side's. Each mechanism is tested on
sentences written for these tests in the genre's shapes, never a page's words."""

from __future__ import annotations

from tests.extract.drafts import of_kind

# --- numbered sessions named in lower case or at length ------------------------------------------


def test_the_nth_bilateral_meeting_between_two_coast_guards_is_a_dialogue():
    text = (
        "Colonel Ana Ribeiro and Captain Ito Kenji co-chaired the 7th bilateral meeting between "
        "the Brazil Coast Guard and the Japan Coast Guard in Osaka on 3 May 2024.\n"
    )
    found = of_kind(text, "dialogue")
    assert len(found) == 1
    assert sorted([found[0]["host"], *found[0]["guests"]]) == ["BR", "JP"]
    assert found[0]["date"]["start"] == "2024-05-03"


def test_the_nth_meeting_between_the_two_forces_takes_the_sentence_s_two_countries():
    text = (
        "Colonel Ana Ribeiro of the Brazil Coast Guard and Captain Ito Kenji of the Japan Coast "
        "Guard co-chaired the 7th bilateral meeting between the two forces in Osaka on 3 May "
        "2024.\n"
    )
    found = of_kind(text, "dialogue")
    assert len(found) == 1
    assert sorted([found[0]["host"], *found[0]["guests"]]) == ["BR", "JP"]


def test_numbered_level_talks_between_two_countries_are_a_dialogue():
    text = (
        "The 12th Interior Secretary Level Talks (ISLT) between Nepal and Bhutan were held in "
        "Thimphu on 5 March 2023.\n"
    )
    found = of_kind(text, "dialogue")
    assert len(found) == 1
    assert sorted([found[0]["host"], *found[0]["guests"]]) == ["BT", "NP"]


def test_the_inaugural_meeting_between_two_agencies_is_a_first_session():
    text = (
        "The inaugural meeting between the Brazil Coast Guard and the Japan Coast Guard was "
        "held in Osaka in May 2024.\n"
    )
    found = of_kind(text, "dialogue")
    assert len(found) == 1


def test_a_first_meeting_of_a_coordination_group_of_two_ministries_is_a_dialogue():
    text = (
        "On 2 June 2022 in Bishkek, the first meeting of the Coordination Group of the Ministry of "
        "Internal Affairs of Kyrgyzstan and the Ministry of Internal Affairs of Kazakhstan took "
        "place.\n"
    )
    found = of_kind(text, "dialogue")
    assert len(found) == 1
    assert sorted([found[0]["host"], *found[0]["guests"]]) == ["KG", "KZ"]


def test_a_meeting_between_two_sides_without_a_number_stays_a_meeting():
    text = (
        "A meeting between the Brazil Coast Guard and the Japan Coast Guard was held in Osaka on "
        "3 May 2024.\n"
    )
    assert of_kind(text, "dialogue") == []


def test_a_numbered_session_of_a_joint_working_group_in_vietnamese_is_a_dialogue():
    text = (
        "Sáng 5/3/2024, tại Hà Nội, Phiên họp lần thứ 4 của Nhóm công tác chung Việt Nam - "
        "Brazil về phòng, chống tội phạm đã diễn ra.\n"
    )
    found = of_kind(text, "dialogue")
    assert len(found) == 1
    assert found[0]["host"] == "VN" and found[0]["guests"] == ["BR"]


def test_a_numbered_session_in_lower_case_of_a_working_group_of_two_ministries_is_a_dialogue():
    text = (
        "Sáng 5/3/2024, tại Hà Nội, Thứ trưởng Nguyễn Văn Bình và Thứ trưởng Carlos Souza đồng "
        "chủ trì phiên họp lần thứ tư của Nhóm công tác chung về phòng, chống tội phạm giữa Bộ "
        "Công an Việt Nam và Bộ Tư pháp Brazil.\n"
    )
    found = of_kind(text, "dialogue")
    assert len(found) == 1
    assert found[0]["date"]["start"] == "2024-03-05"
