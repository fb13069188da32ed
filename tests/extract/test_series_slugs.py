"""A series' slug reads as English and is the same whichever language named the dialogue:
the level first, then qualifiers, then the fields, "law enforcement" kept whole."""

from __future__ import annotations

from datetime import date

from timeline.extract import extract
from timeline.extract.draft import natural_order


def dialogue_slugs(text: str) -> list[str]:
    records = extract(text, document="d", published=date(2024, 5, 10)).records
    return [r.record["slug"] for r in records if r.record["kind"] == "dialogue"]


def test_the_words_of_a_name_take_the_level_qualifier_field_order():
    assert natural_order(["security", "strategic", "ministerial", "deputy"]) == [
        "deputy",
        "ministerial",
        "strategic",
        "security",
    ]
    assert natural_order(["security", "law", "enforcement"]) == ["law", "enforcement", "security"]


def test_a_vietnamese_and_an_english_name_of_one_dialogue_give_one_natural_slug():
    vi = dialogue_slugs(
        "Ngày 8/5, tại Hà Nội, Đối thoại An ninh và Thực thi pháp luật Việt Nam - Hoa Kỳ lần thứ "
        "ba đã diễn ra dưới sự đồng chủ trì của Thứ trưởng Trần Văn Bình và ông John Carter, "
        "Trợ lý Ngoại trưởng Hoa Kỳ.\n"
    )
    en = dialogue_slugs(
        "The third U.S.-Vietnam Law Enforcement and Security Dialogue was held in Hanoi on May 8, "
        "co-chaired by Deputy Minister Tran Van Binh and Assistant Secretary of State John "
        "Carter.\n"
    )
    assert vi == en == ["vn-us-law-enforcement-security-dialogue-3"]
