"""Numbered sessions and past dialogues (issue 11, fourteenth round, x-series): a standing
mechanism's session named in lower case or at length is a dialogue of the two sides, a past
session cited with its own date is context beside the page's engagement, and a meeting on the
sidelines of a gathering with no host named is the reporting side's. Each mechanism is tested on
sentences written for these tests in the genre's shapes, never a page's words."""

from __future__ import annotations

from tests.extract.drafts import of_kind, records

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


# --- meetings on the sidelines of a gathering, no host named -------------------------------------


def test_each_country_met_on_the_sidelines_is_met_by_the_reporting_side():
    text = (
        "On the sidelines of the 30th ASEANAPOL Conference which took place in Kuala Lumpur on "
        "12 and 13 March 2024, Vietnamese Minister Hai held meetings with officials from "
        "Thailand, Laos and Brunei.\n"
    )
    found = of_kind(text, "meeting")
    assert sorted(g for r in found for g in r["guests"]) == ["BN", "LA", "TH"]
    assert {r["host"] for r in found} == {"VN"}
    assert {r["place"]["city"] for r in found} == {"Kuala Lumpur"}


def test_a_sidelines_meeting_of_two_foreign_sides_keeps_no_host():
    text = (
        "On the sidelines of the 30th ASEANAPOL Conference in Kuala Lumpur on 12 March 2024, "
        "Thai Police General Somchai Rattana met Lao Minister Vilay Lakhamphong, Vietnamese "
        "officials said.\n"
    )
    for r in of_kind(text, "meeting"):
        assert r.get("host") != "VN"


def test_a_sidelines_meeting_with_no_host_named_is_hosted_by_the_reporting_side_not_placed_there():
    text = (
        "Vietnamese Minister of Public Security Le Van Hai led a delegation to the 30th "
        "ASEANAPOL Conference.\n"
        "On the sidelines of the conference on 12 and 13 March 2024, Minister Hai held meetings "
        "with officials from Thailand, Laos and Brunei.\n"
    )
    found = of_kind(text, "meeting")
    assert sorted(g for r in found for g in r["guests"]) == ["BN", "LA", "TH"]
    assert {r.get("host") for r in found} == {"VN"}
    # the reporting side hosts by convention: the meeting is not placed in its country
    assert all((r.get("place") or {}).get("country") != "VN" for r in found)


# --- a past session cited with its own month beside the story's reception -------------------------


def test_a_session_dated_by_its_own_earlier_month_beside_a_reception_is_context_vi():
    text = (
        "Chiều 13/3, tại Hà Nội, Thượng tướng Lê Văn Hải, Thứ trưởng Bộ Công an đã tiếp Thứ "
        "trưởng Bộ Nội vụ Brazil Carlos Souza.\n"
        "Tại buổi tiếp, Thứ trưởng Lê Văn Hải cho biết hợp tác giữa hai Bộ đã phát triển mạnh mẽ. "
        "Tháng 10/2025, Bộ Công an Việt Nam và Bộ Nội vụ Brazil đã đồng chủ trì Đối thoại An ninh "
        "lần thứ III tại Brazil.\n"
    )
    found = [r for r in records(text) if not _context(r)]
    assert [r["kind"] for r in found] == ["meeting"]
    assert found[0]["host"] == "VN" and found[0]["guests"] == ["BR"]


def test_a_session_dated_by_its_own_earlier_month_beside_a_reception_is_context_en():
    text = (
        "Hanoi, 13 March – Deputy Minister Le Van Hai of Vietnam's Ministry of Public Security "
        "received Brazilian Deputy Interior Minister Carlos Souza.\n"
        "The two ministries co-chaired the third Security Dialogue in Brasilia in October 2025, "
        "he said.\n"
    )
    found = [r for r in records(text) if not _context(r)]
    assert [r["kind"] for r in found] == ["meeting"]


def test_a_session_of_the_reception_s_own_month_is_not_made_context():
    text = (
        "Hanoi, 13 March – Deputy Minister Le Van Hai of Vietnam's Ministry of Public Security "
        "received Brazilian Deputy Interior Minister Carlos Souza.\n"
        "The two ministries will co-chair the third Security Dialogue in Hanoi in March, he "
        "said.\n"
    )
    assert all(not _context(r) for r in records(text) if r["kind"] == "meeting")


def _context(record: dict) -> bool:
    return any(f["code"] == "context-mention" for f in record["x-review"]["flags"])


def test_a_reception_of_an_envoy_for_a_region_written_with_a_bare_dash_is_drafted():
    text = (
        "Chiều 13/2, tại Hà Nội, Đại tướng Lê Văn Hải, Bộ trưởng Bộ Công an đã tiếp Trợ lý "
        "Ngoại trưởng Brazil phụ trách khu vực Đông Á-Thái Bình Dương Carlos Souza.\n"
        "Tháng 9/2025, Bộ Công an Việt Nam và Bộ Ngoại giao Brazil đã đồng chủ trì Đối thoại An "
        "ninh lần thứ II tại Brazil.\n"
    )
    found = [r for r in records(text) if not _context(r)]
    assert [r["kind"] for r in found] == ["meeting"]
    assert "Carlos Souza" in {p["name"] for p in found[0]["participants"]}
