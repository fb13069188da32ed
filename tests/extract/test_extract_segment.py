"""What is story and what is not: captions, bylines, source tags, the end mark."""

from __future__ import annotations

from timeline.extract.segment import (
    AFTER_END,
    BODY,
    BYLINE,
    CAPTION,
    HEADLINE,
    segment,
    split_sentences,
)

ARTICLE = """Bộ trưởng tiếp Đại sứ
Thứ Ba, 12/03/2024 - 16:45
(CAND) Chiều 11/3, tại Hà Nội, Bộ trưởng Bộ Công an đã tiếp Đại sứ Hoa Kỳ. Hai bên trao đổi về hợp tác.

Bộ trưởng tiếp Đại sứ. (Ảnh: Bộ Công an)
Thứ trưởng Lương Tam Quang, bà Sophie Sharpe và các đại biểu.
Cùng với đó, tăng cường hợp tác về việc giảm thiểu rủi ro thảm họa với Australia.
Hai bên thống nhất tiếp tục trao đổi thông tin./.
Thứ trưởng tiếp Đoàn đại biểu Cảnh sát Campuchia Ngày 10/3, Thứ trưởng đã tiếp Đoàn.
"""


def roles(text: str, language: str = "vi") -> list[tuple[str, str]]:
    return [(p.role, p.text[:25]) for p in segment(text, language).paragraphs]


def test_roles_of_paragraphs() -> None:
    got = [r for r, _ in roles(ARTICLE)]
    assert got == [HEADLINE, BYLINE, BODY, CAPTION, CAPTION, BODY, BODY, AFTER_END]


def test_source_tag_is_not_part_of_the_lead_sentence() -> None:
    layout = segment(ARTICLE, "vi")
    lead = layout.body[0]
    assert lead.text.startswith("Chiều 11/3")
    assert layout.tag is not None and ARTICLE[layout.tag[0] : layout.tag[1]].strip() == "(CAND)"


def test_sentences_carry_exact_offsets() -> None:
    layout = segment(ARTICLE, "vi")
    for s in layout.sentences:
        assert ARTICLE[s.start : s.end] == s.text
    assert [s.text for s in layout.paragraphs[2].sentences] == [
        "Chiều 11/3, tại Hà Nội, Bộ trưởng Bộ Công an đã tiếp Đại sứ Hoa Kỳ.",
        "Hai bên trao đổi về hợp tác.",
    ]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Ngày 5/9, tại Washington D.C. (Mỹ), Sen. Lt. Gen. Le Quoc Hung met Mr. Landberg. Then."
    layout = segment(text, "vi")
    assert len(layout.body) == 2


def test_everything_after_the_end_mark_is_not_story() -> None:
    layout = segment(ARTICLE, "vi")
    assert layout.end_mark is not None
    teaser = ARTICLE.index("Thứ trưởng tiếp Đoàn")
    assert layout.role_at(teaser) == AFTER_END
    assert all(s.start < teaser for s in layout.body)


def test_related_lines_end_english_stories() -> None:
    text = (
        "HANOI, March 14 (VNA) – Minister To Lam received the AFP Commissioner in Hanoi on "
        "March 13, the ministry said.\nThe two sides agreed to cooperate.\n"
        "Related: Vietnam, Japan boost cooperation\nVietnam and Japan met on Monday and agreed."
    )
    layout = segment(text, "en")
    assert [p.role for p in layout.paragraphs] == [BODY, BODY, AFTER_END, AFTER_END]
    assert layout.body[0].text.startswith("Minister To Lam")  # the dateline is a tag


def test_english_captions_and_bylines() -> None:
    text = (
        "WASHINGTON, Sept 6 (VNS) - Vietnam and the US held the dialogue on September 5, "
        "officials said.\n"
        "Photo: Deputy Minister Le Quoc Hung at the dialogue. VNA/VNS Photo\n"
        "The two sides discussed maritime security and agreed to meet again.\n"
        "(Reporting by Khanh Vu; Editing by Ed Davies)\n"
    )
    got = [p.role for p in segment(text, "en").paragraphs]
    assert got == [BODY, CAPTION, BODY, BYLINE]


def test_an_end_mark_after_a_byline_ends_the_story() -> None:
    text = (
        "Hai bên thống nhất tăng cường hợp tác phòng, chống tội phạm.\n"
        "Minh Anh (hết)\n"
        "Bài viết liên quan\n"
        "- Bộ trưởng tiếp Đại sứ Hàn Quốc\n"
    )
    layout = segment(text, "vi")
    assert layout.end_mark == text.index(" (hết)") + len(" (hết)")
    assert [p.role for p in layout.paragraphs][-2:] == [AFTER_END, AFTER_END]


def test_a_short_dated_line_is_story_not_a_caption() -> None:
    text = (
        "(CAND) Từ ngày 3 đến 7/4, Đoàn công tác Bộ Công an thăm và làm việc tại Đức.\n"
        "Ngày 6/4, tại Frankfurt, Đoàn làm việc với Tổng Lãnh sự quán Việt Nam tại Frankfurt.\n"
        "Thứ trưởng phát biểu tại buổi làm việc.\n"
    )
    assert [p.role for p in segment(text, "vi").paragraphs] == [BODY, BODY, CAPTION]


def test_a_lieutenant_general_s_abbreviated_rank_does_not_end_a_sentence() -> None:
    text = "Lieut. Gen. Tran Van Binh met Lieut. Gen. Khamla Sisouk, Adm. Lee and Supt. Ali. Then."
    assert [t for _, _, t in split_sentences(text)] == [
        "Lieut. Gen. Tran Van Binh met Lieut. Gen. Khamla Sisouk, Adm. Lee and Supt. Ali.",
        "Then.",
    ]


def test_rank_abbreviations_do_not_end_a_sentence() -> None:
    text = "Brig. Gen. Pol Saroeun agreed. Insp. Gen. Ha spoke."
    assert [t for _, _, t in split_sentences(text)] == [
        "Brig. Gen. Pol Saroeun agreed.",
        "Insp. Gen. Ha spoke.",
    ]


def test_a_release_label_and_a_day_month_year_dateline_are_not_story() -> None:
    text = (
        "Media Release\n"
        "Police forces agree to share data\n"
        "Tuesday, 3 June 2025 9:15am\n"
        "The New Zealand Police and Vietnam's Ministry of Public Security signed an agreement "
        "in Wellington yesterday.\n"
    )
    assert [p.role for p in segment(text, "en").paragraphs] == [BYLINE, HEADLINE, BYLINE, BODY]
