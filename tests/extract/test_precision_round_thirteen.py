"""Precision on unseen pages: what a page mentions beside its own engagement (an earlier trip,
a session the years are counted from, a planned visit, a forum of many countries, the body
whose gathering was attended) is context or planned, never a claimed draft, and a meeting told
twice is drafted once: the shapes of issue 11's thirteenth round (texts written for these
tests, in the genre's shapes, never a page's words)."""

from __future__ import annotations

from tests.extract.drafts import flags, names, records


def claimed(text: str, url: str | None = None) -> list[dict]:
    """The drafts a reviewer would take as engagements of the page."""
    return [
        r
        for r in records(text, url)
        if r.get("status", "held") == "held" and "context-mention" not in flags(r)
    ]


def kinds_claimed(text: str, url: str | None = None) -> list[str]:
    return sorted(r["kind"] for r in claimed(text, url))


# --- one meeting told twice ------------------------------------------------------------------


def test_a_meeting_told_in_general_words_and_then_with_its_counterpart_is_drafted_once():
    text = (
        "VIENTIANE, May 9 - Senior defence talks took place in Vientiane on Thursday as the "
        "heads of the Vietnamese and Lao armies met in person.\n\n"
        "Deputy Minister of National Defence Sen. Lieut. Gen. Trinh Van Quyet, who is in Laos "
        "for a regional meeting of army chiefs, sat down with Lao Army Commander General "
        "Khamsouk Phommachanh.\n"
    )
    (meeting,) = claimed(text)
    assert meeting["kind"] == "meeting"
    assert "Khamsouk Phommachanh" in names(meeting)
    # the general words' place stays with the one draft
    assert meeting["place"]["country"] == "LA"


def test_two_meetings_of_the_same_sides_each_naming_whom_stay_two():
    text = (
        "Deputy Minister Trinh Van Quyet met Lao Army Commander General Khamsouk Phommachanh "
        "in Vientiane on May 8.\n\n"
        "On May 9 he met Lao Defence Minister General Bounkham Vongsa in Vientiane.\n"
    )
    assert kinds_claimed(text) == ["meeting", "meeting"]


# --- planned trips ---------------------------------------------------------------------------


def test_a_trip_told_as_expected_later_is_not_the_held_trip_to_the_same_country():
    text = (
        "Nepal's Army Chief General Arjun Thapa began his first visit to Vietnam on Monday and "
        "met Defence Minister Phan Van Giang in Hanoi.\n\n"
        "Nepal's Defence Minister Bishnu Karki is expected to visit Vietnam in December for "
        "a regional meeting of defence ministers.\n"
    )
    visits = [r for r in records(text) if r["kind"] == "visit"]
    held = [v for v in visits if v.get("status", "held") == "held"]
    assert all("Bishnu Karki" not in names(v) for v in held)
    assert any(v.get("status") == "planned" for v in visits)


# --- forums of many countries ----------------------------------------------------------------


def test_a_forum_known_to_gather_many_countries_is_no_bilateral_dialogue():
    text = (
        "SINGAPORE, June 1 - A Vietnamese defence delegation led by Deputy Minister Trinh Van "
        "Quyet is attending the 22nd Shangri-La Dialogue that opened in Singapore on June 1.\n"
    )
    assert [r for r in claimed(text) if r["kind"] == "dialogue"] == []


def test_a_vietnamese_page_on_the_xiangshan_forum_drafts_no_dialogue_of_two_sides():
    text = (
        "Ngày 12/9, Thượng tướng Trịnh Văn Quyết, Thứ trưởng Bộ Quốc phòng dẫn đầu đoàn Việt "
        "Nam dự Diễn đàn Hương Sơn lần thứ 11 tại Bắc Kinh, Trung Quốc.\n"
    )
    assert [r for r in claimed(text) if r["kind"] == "dialogue"] == []


def test_an_international_body_named_only_in_the_gathering_attended_is_no_side_met():
    text = (
        "Deputy Minister of Public Security Tran Minh Duc met Chilean police chief General "
        "Ramon Ortega in Santiago on June 20.\n\n"
        "Duc also attended the Interpol Americas Regional Conference in Santiago and met the "
        "heads of several delegations on its sidelines.\n"
    )
    assert all("INT" not in [r.get("host"), *r.get("guests", [])] for r in claimed(text))


# --- numbered bilateral meetings -------------------------------------------------------------


def test_a_numbered_bilateral_meeting_of_two_countries_is_a_dialogue():
    text = (
        "The 9th Vietnam-Myanmar Bilateral Meeting on Narcotics Cooperation was held in "
        "Yangon on March 3, 2024.\n"
    )
    (session,) = claimed(text)
    assert session["kind"] == "dialogue"


# --- earlier engagements told for context ----------------------------------------------------


def test_what_a_verb_of_recalling_governs_after_the_reception_is_context():
    text = (
        "Chiều 14/5, tại Hà Nội, Thứ trưởng Bộ Công an Trần Minh Đức đã tiếp bà Anna Kovacs, "
        "Đại sứ Hungary tại Việt Nam.\n\n"
        "Thứ trưởng nhắc lại chuyến thăm Hungary của đoàn Bộ Công an năm 2022 và Hội nghị hợp "
        "tác phòng, chống tội phạm lần thứ hai tổ chức tại Budapest năm 2021.\n"
    )
    assert kinds_claimed(text) == ["meeting"]


def test_a_trip_the_talks_followed_is_context():
    text = (
        "Deputy Minister Tran Minh Duc held talks with Estonian Police Director General Mart "
        "Saar in Tallinn on May 13.\n\n"
        "The talks followed his visit to Finland last week.\n"
    )
    assert kinds_claimed(text) == ["meeting"]


def test_a_trip_told_with_last_year_after_its_destination_is_context():
    text = (
        "Deputy Minister Tran Minh Duc met Chilean police chief General Ramon Ortega in "
        "Santiago on June 20.\n\n"
        "During his visit to Peru last year, Duc had met Peruvian police officials.\n"
    )
    assert "visit" not in kinds_claimed(text)


def test_a_vietnamese_trip_of_last_year_is_context():
    text = (
        "Sáng 20/6, Thứ trưởng Trần Minh Đức đã hội đàm với Tổng Cục trưởng Cảnh sát Mông Cổ "
        "Bat-Erdene Gansukh tại Hà Nội.\n\n"
        "Hai bên nhắc tới kết quả chuyến thăm Mông Cổ năm ngoái của Thứ trưởng.\n"
    )
    assert kinds_claimed(text) == ["meeting"]


def test_the_session_the_years_are_counted_from_is_context():
    text = (
        "Sáng 20/6, Thứ trưởng Trần Minh Đức đã hội đàm với Tổng Cục trưởng Cảnh sát Mông Cổ "
        "Bat-Erdene Gansukh tại Hà Nội.\n\n"
        "Kể từ Đối thoại an ninh lần thứ nhất năm 2019, hai bên đã duy trì trao đổi đoàn.\n"
    )
    assert kinds_claimed(text) == ["meeting"]


def test_a_recent_signing_during_another_leaders_visit_is_no_engagement_of_the_page():
    text = (
        "The minister said his trip marks a milestone in ties between the two ministries.\n\n"
        "Canberra welcomed the recent signing of the Australia-Vietnam action plan during "
        "Deputy Prime Minister Le Van Hai's visit on November 30.\n"
    )
    assert [r for r in claimed(text) if r["kind"] == "meeting"] == []


def test_a_meeting_the_sentence_recalls_beside_the_reception_is_context():
    text = (
        "Defence Minister General Le Van Hai received Lieutenant General Conor Walsh, Chief of "
        "Staff of the Irish Defence Forces, in Hanoi on October 3.\n\n"
        "The two sides held a bilateral meeting on the sidelines of a regional forum in Manila, "
        "Hai recalled.\n"
    )
    assert kinds_claimed(text) == ["meeting"]


def test_a_meeting_dated_last_month_beside_the_reception_is_context():
    text = (
        "Defence Minister General Le Van Hai received Lieutenant General Conor Walsh, Chief of "
        "Staff of the Irish Defence Forces, in Hanoi on October 3.\n\n"
        "The two generals held a bilateral meeting in Manila last month.\n"
    )
    assert kinds_claimed(text) == ["meeting"]


# --- page furniture and sessions joined to a plan ---------------------------------------------


def test_a_teaser_line_after_the_story_gives_nothing():
    text = (
        "Deputy Minister of Public Security Lieutenant General Vo Minh Tan received Portuguese "
        "Ambassador Joao Mendes in Hanoi on March 12.\n\n"
        "Also in the news: Vietnam and Greece hold fourth security dialogue in Athens\n"
    )
    assert kinds_claimed(text) == ["meeting"]


def test_a_dialogue_joined_to_a_planned_visit_by_its_verb_is_planned():
    text = (
        "Ngày 12/3, tại Hà Nội, Thứ trưởng Bộ Công an Võ Minh Tân đã tiếp ông João Mendes, Đại "
        "sứ Bồ Đào Nha tại Việt Nam.\n\n"
        "Đại sứ cho biết Bộ trưởng Nội vụ Bồ Đào Nha dự kiến thăm Việt Nam trong nửa cuối năm "
        "nay và đồng chủ trì Đối thoại an ninh lần thứ hai.\n"
    )
    assert kinds_claimed(text) == ["meeting"]
