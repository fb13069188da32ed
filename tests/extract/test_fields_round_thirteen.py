"""The fields of engagements found: who took part and in which role, where and when (issue 11's
thirteenth round; texts written for these tests, in the genre's shapes, never a page's words)."""

from __future__ import annotations

from datetime import date

from tests.extract.drafts import meetings, names, of_kind, people, records

# --- who took part ----------------------------------------------------------------------------


def test_a_reception_told_after_what_its_host_said_has_its_guest_after_for():
    text = (
        "Hanoi (VNA), May 9 -- Deputy Minister of National Defence Sen. Lieut. Gen Tran Van Bao "
        "praised the growth of defence ties during a reception in Hanoi on May 9 for Hungarian "
        "Ambassador to Vietnam Gabor Kovacs .\n\nBao said the two sides should expand training.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert (who["Tran Van Bao"]["role"], who["Gabor Kovacs"]["role"]) == ("host", "guest")
    assert meeting["place"]["city"] == "Hanoi"


def test_the_general_staff_is_no_person_and_a_commodore_is_a_rank():
    text = (
        "On June 4 in Hanoi, Lt. Gen. Pham Van Hoa, Deputy Chief of the General Staff of the "
        "Vietnam People’s Army, received Commodore Mark Ellis, head of the New Zealand Defence "
        "Force delegation.\n"
    )
    (meeting,) = meetings(text)
    assert names(meeting) == {"Pham Van Hoa", "Mark Ellis"}
    assert people(meeting)["Mark Ellis"]["rank"] == "Commodore"


def test_a_portfolio_joined_by_an_ampersand_stands_between_the_title_and_the_name():
    text = (
        "Vietnam and Canada held their second defence policy dialogue in Ottawa on June 4 under "
        "the co-chair of Deputy Defence Minister Sen. Lieut. Gen. Tran Van Bao and Canadian "
        "Assistant Deputy Minister Policy & Strategy Karen Lowe.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    who = people(dialogue)
    assert set(who) == {"Tran Van Bao", "Karen Lowe"}
    assert who["Karen Lowe"]["role"] == "co_chair"


def test_a_title_running_into_a_ministrys_name_still_titles_the_name_after_it():
    text = (
        "Vietnam and Japan held their sixth defence policy dialogue in Hanoi on March 8. Deputy "
        "Defence Minister Tran Van Bao led the Vietnamese delegation to the dialogue, "
        "while the Japanese delegation was headed by Secretary of the Japanese Defence Ministry "
        "Sato Kenji.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    who = people(dialogue)
    assert who["Sato Kenji"]["country"] == "JP"
    # the two delegations' heads chair their dialogue
    assert (who["Tran Van Bao"]["role"], who["Sato Kenji"]["role"]) == ("co_chair", "co_chair")


def test_one_named_in_a_past_trips_clause_is_not_at_the_dialogue_of_that_sentence():
    text = (
        "Vietnam and Japan held their sixth defence policy dialogue in Hanoi on March 8, following "
        "up the visit to Japan by Vietnamese Defence Minister Le Van Tam last year. The "
        "Vietnamese side at the dialogue was led by Deputy Defence Minister Tran Van Bao, "
        "while the Japanese delegation was headed by Vice Minister Sato Kenji.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    assert names(dialogue) == {"Tran Van Bao", "Sato Kenji"}
    (trip,) = [r for r in records(text) if r["kind"] == "visit"]
    assert "context-mention" in {f["code"] for f in trip["x-review"]["flags"]}


def test_a_reception_for_a_countrys_delegation_is_a_meeting_of_its_own():
    text = (
        "Vietnam and Japan held their sixth defence policy dialogue in Hanoi on March 8. The "
        "Vietnamese delegation was led by Deputy Defence Minister Tran Van Bao, while the "
        "Japanese delegation was headed by Vice Minister Sato Kenji. Earlier the same day, "
        "Defence Minister Le Van Tam hosted a reception for the visiting Japanese delegation.\n"
    )
    (dialogue,) = of_kind(text, "dialogue")
    (meeting,) = meetings(text)
    assert "Le Van Tam" not in names(dialogue)
    assert people(meeting)["Le Van Tam"]["role"] == "host"
    assert meeting["guests"] == ["JP"]


def test_the_envoy_of_one_of_a_lists_countries_joins_only_that_countrys_meeting():
    text = (
        "General Tran Van Bao, Minister of National Defence received ambassadors of Thailand, "
        "Myanmar, India, and Japan in Hanoi on May 12.\n\n"
        "At the reception for Thai Ambassador Somchai Wong, General Tran Van Bao affirmed the "
        "ties between the two armies.\n\n"
        "For his part, Ambassador Somchai Wong congratulated General Tran Van Bao on his "
        "appointment and praised the cooperation between Thailand and Vietnam.\n"
    )
    found = meetings(text)
    assert sorted(m["guests"][0] for m in found) == ["IN", "JP", "MM", "TH"]
    for m in found:
        assert ("Somchai Wong" in names(m)) == (m["guests"] == ["TH"])
        assert "context-mention" not in {f["code"] for f in m["x-review"]["flags"]}
    (thai,) = [m for m in found if m["guests"] == ["TH"]]
    assert "rank" not in people(thai)["Somchai Wong"]  # "…, General Tran Van Bao" is the next


def test_a_reception_told_in_a_caption_with_a_dashed_credit_is_read_and_the_credit_is_no_one():
    text = (
        "Phó Thủ tướng Lê Văn Hòa đã tiếp Bộ trưởng Bộ Tư pháp nước CHDCND Lào Khamla Sengdao "
        "- Ảnh: VGP/Trần Minh Hà |\n"
        "Nhấn mạnh hợp tác giữa hai Bộ Tư pháp là thiết thực, Phó Thủ tướng Lê Văn Hòa khẳng "
        "định Chính phủ Việt Nam luôn ủng hộ hợp tác tư pháp.\n"
        "Bày tỏ cảm ơn Phó Thủ tướng Lê Văn Hòa đã dành thời gian tiếp, Bộ trưởng Khamla "
        "Sengdao cho biết quan hệ hai Bộ ngày càng gắn bó.\n"
        "Trần Minh Hà\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    assert set(who) == {"Lê Văn Hòa", "Khamla Sengdao"}
    assert (who["Lê Văn Hòa"]["role"], who["Khamla Sengdao"]["role"]) == ("host", "guest")
    assert who["Khamla Sengdao"]["country"] == "LA"


def test_a_vietnamese_named_later_by_his_given_names_keeps_his_full_name():
    text = (
        "Monday 9 March 2015\n\n"
        "The state news agency reported on Saturday that Interior Minister Sok Dara and his "
        "visiting Vietnamese counterpart, Le Van Tam, held talks in Phnom Penh on Friday. Mr. Van "
        "Tam thanked his host.\n"
    )
    (meeting,) = meetings(text)
    assert "Le Van Tam" in names(meeting)


# --- the sides ----------------------------------------------------------------------------


def test_a_foreign_delegations_visit_without_a_destination_is_to_the_home_country():
    text = (
        "Hanoi (VNA) – Minister of Public Security, General Tran Van Bao and Director of the "
        "Hungarian Police General Gabor Kovacs held talks in Hanoi on March 3.\n"
        "Minister Bao expressed his belief that the Hungarian delegation’s visit will be a "
        "milestone in cooperation.\n"
    )
    (trip,) = of_kind(text, "visit")
    assert (trip["host"], trip["guests"]) == ("VN", ["HU"])


def test_two_visitors_meeting_in_a_third_country_is_a_bilateral_meeting_of_the_reporting_side():
    text = (
        "Trong khuôn khổ chuyến thăm chính thức Thái Lan, chiều 16-3, tại Bangkok, Đại tướng "
        "Trần Văn Bảo, Bộ trưởng Bộ Quốc phòng đã có cuộc hội kiến với Đại tướng Sok Dara, Bộ "
        "trưởng Bộ Quốc phòng Vương quốc Cam-pu-chia nhân dịp Bộ trưởng Sok Dara đang ở thăm "
        "chính thức Thái Lan.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"], meeting["place"]["city"]) == (
        "VN",
        ["KH"],
        "Bangkok",
    )
    assert "context-mention" not in {f["code"] for f in meeting["x-review"]["flags"]}


def test_working_in_a_country_welcomed_is_the_trip_not_a_meeting_with_the_welcomer():
    text = (
        "Chiều 12/9, tại Hà Nội, Chánh án Tòa án nhân dân Tối cao Trần Văn Nam hội đàm với ông "
        "Somsak Inthavong, Chánh án TAND Tối cao Lào đang thăm và làm việc tại Việt "
        "Nam.\n\nChào mừng Đoàn đại biểu TAND Tối cao Lào sang thăm và làm việc tại "
        "Việt Nam, Chánh án Trần Văn Nam bày tỏ vui mừng.\n"
    )
    assert len(meetings(text)) == 1


# --- when ---------------------------------------------------------------------------------


def test_the_day_a_report_was_made_is_not_the_day_of_what_it_reports():
    text = (
        "Monday 9 March 2015\n\n"
        "The state news agency reported on Saturday that Vietnamese minister Le Van Tam met with "
        "Prime Minister Chea Sim in Phnom Penh on Friday, but gave no details.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["date"]["start"] == "2015-03-06"


def test_the_year_an_earlier_session_was_held_in_does_not_date_the_story():
    text = (
        "Vietnam and Japan held their sixth defence policy dialogue in Hanoi on March 8. The two "
        "sides reviewed the partnership since the fifth dialogue in 2014.\n"
    )
    dialogues = [d for d in of_kind(text, "dialogue") if d.get("status", "held") == "held"]
    held = [
        d for d in dialogues if "context-mention" not in {f["code"] for f in d["x-review"]["flags"]}
    ]
    assert [d["date"]["start"] for d in held] == ["????-03-08"]
    assert held[0]["date"]["start"] != "2015-03-08"
    # with the publication date, the year is that one
    dated = of_kind(text, "dialogue", published=date(2017, 3, 9))
    assert "2017-03-08" in {d["date"]["start"] for d in dated}


def test_an_envoy_a_later_sentence_names_with_any_verb_is_the_guest_of_his_countrys_meeting():
    text = (
        "General Tran Van Bao, Minister of National Defence received ambassadors of Thailand, "
        "Myanmar, India, and Japan in Hanoi on May 12.\n\n"
        "At the reception for Thai Ambassador Somchai Wong, General Tran Van Bao affirmed the "
        "ties between the two armies.\n\n"
        "On the occasion of the New Year of Myanmar, General Tran Van Bao wished Myanmar "
        "Ambassador Kyaw Min and his family a happy year.\n"
    )
    by_country = {m["guests"][0]: m for m in meetings(text)}
    assert people(by_country["MM"])["Kyaw Min"]["role"] == "guest"
    assert "Kyaw Min" not in names(by_country["TH"])
    assert names(by_country["IN"]) == {"Tran Van Bao"}


def test_a_reception_told_by_its_noun_is_hosted_by_the_home_side_whose_official_speaks():
    text = (
        "(PLO) - Hôm qua (3/9), tại Bộ Tư pháp đã diễn ra buổi tiếp đón thân mật Đoàn cán bộ Tư "
        "pháp Hungary do ông Tamas Varga, Vụ trưởng Vụ Hợp tác quốc tế Bộ Tư pháp Hungary làm "
        "Trưởng đoàn.\nVui mừng trước chuyến thăm Việt Nam của Đoàn, Thứ trưởng Bộ Tư pháp Lê "
        "Văn Minh khẳng định quan hệ hai nước tốt đẹp.\n"
    )
    (meeting,) = meetings(text)
    assert (meeting["host"], meeting["guests"]) == ("VN", ["HU"])
    assert people(meeting)["Lê Văn Minh"]["role"] == "host"
    assert meeting["date"]["start"].endswith("-09-03")


def test_a_meeting_told_without_a_place_takes_the_city_its_photos_caption_gives():
    text = (
        "Deputy Chief of the General Staff Lt. Gen. Pham Van Hoa (R) meets with Commodore Mark "
        "Ellis, head of the New Zealand Defence Force delegation, in Hanoi on June 4 (Photo: "
        "qdnd.vn)\n\n– Lt. Gen. Pham Van Hoa, Deputy Chief of the General Staff, on June 4 "
        "received Commodore Mark Ellis, head of the New Zealand Defence Force delegation.Hoa "
        "thanked the New Zealand side for training support.\n"
    )
    (meeting,) = meetings(text)
    assert meeting["place"]["city"] == "Hanoi"


def test_met_here_on_a_weekday_is_a_meeting_verb_in_the_datelines_city():
    text = (
        "PHNOM PENH, June 3 (Xinhua) -- Cambodian Deputy Prime Minister and Minister of Interior "
        "Sok Chenda met here on Tuesday with visiting Vietnamese Deputy Minister of Public "
        "Security Lieutenant General Tran Quoc Bao and his delegation.\n"
        "Also present at the meeting were Cambodian National Police Commissioner General Neth "
        "Vantha and Vietnamese Ambassador to Cambodia Nguyen Huy Tang.\n"
    )
    (meeting,) = meetings(text)
    assert "lead-inferred" not in {f["code"] for f in meeting["x-review"]["flags"]}
    who = people(meeting)
    assert (who["Sok Chenda"]["role"], who["Tran Quoc Bao"]["role"]) == ("host", "guest")
    assert who["Nguyen Huy Tang"]["role"] == "attendee"
    assert meeting["place"]["city"] == "Phnom Penh"


def test_a_foreign_generals_vietnamese_rank_is_not_part_of_his_name():
    text = (
        "Sáng 12/5, tại Hà Nội, Thượng tướng Trần Văn Minh, Thứ trưởng Bộ Công an đã tiếp Tướng "
        "Budi Santoso, Phó Tư lệnh Cảnh sát Quốc gia Indonesia và Chuẩn tướng Cảnh sát Agus "
        "Wirawan, Chánh Văn phòng Interpol Indonesia.\n"
    )
    who = {n: p for m in meetings(text) for n, p in people(m).items()}
    assert who["Budi Santoso"]["rank"] == "General"
    assert who["Agus Wirawan"]["rank"] == "Police Brigadier General"


def test_a_meeting_of_the_day_before_keeps_its_day_when_the_stay_is_told_after():
    text = (
        "Published: 05 Jun 2024 10:12\n\n"
        "HANOI - Vietnamese Minister of Public Security General Luong Van Son held talks with "
        "Lao Minister of Public Security General Vilay Phommavong in Hanoi on Tuesday.\n"
        "The previous day, Vilay called on Prime Minister Pham Van Khai.\n"
        "The Lao delegation is in Vietnam from June 3 to 6.\n"
    )
    (call,) = [m for m in meetings(text) if "Pham Van Khai" in names(m)]
    assert call["date"]["start"] == "2024-06-03"
    assert "end" not in call["date"]


def test_the_minister_called_on_before_the_embassy_in_one_sentence_is_not_at_the_embassy():
    text = (
        "Từ ngày 3 đến 7/6/2024, Đoàn đại biểu Bộ Công an Việt Nam do Trung tướng Nguyễn Văn "
        "Long, Thứ trưởng Bộ Công an dẫn đầu đã thăm và làm việc tại Hàn Quốc.\n"
        "Ngày 5/6, Thứ trưởng Long đã đến chào Bộ trưởng Bộ Tư pháp Hàn Quốc Park Jin-woo và "
        "thăm Đại sứ quán Việt Nam tại Hàn Quốc.\n"
    )
    (embassy,) = [r for r in records(text) if r["kind"] == "embassy_visit"]
    assert names(embassy) == {"Nguyễn Văn Long"}
    assert embassy["guests"] == ["VN"]
    (call,) = [m for m in meetings(text) if "Park Jin-woo" in names(m)]
    assert (call["host"], call["guests"]) == ("KR", ["VN"])


def test_every_one_of_a_list_of_attendees_told_with_semicolons_and_va_attends():
    text = (
        "Sáng 12/5, tại Hà Nội, Thượng tướng Trần Văn Minh, Thứ trưởng Bộ Công an đã tiếp Tướng "
        "Budi Santoso, Phó Tư lệnh Cảnh sát Quốc gia Indonesia.\n"
        "Cùng dự buổi tiếp có Thiếu tướng Lê Văn Hải, Cục trưởng Cục Đối ngoại; Đại tá Phạm Thị "
        "Lan, Phó Cục trưởng Cục Cảnh sát hình sự và Đại sứ Indonesia tại Việt Nam Agus Wirawan.\n"
    )
    (meeting,) = meetings(text)
    who = people(meeting)
    for name in ("Lê Văn Hải", "Phạm Thị Lan", "Agus Wirawan"):
        assert who[name]["role"] == "attendee"
    assert who["Agus Wirawan"]["country"] == "ID"
