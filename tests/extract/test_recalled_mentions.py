"""A dialogue recalled or kept up in the report of another engagement is no engagement of the
article: "Bộ trưởng điểm lại rằng, Đối thoại … vào tháng 5/2023" is context, "duy trì tổ chức
Đối thoại … thường niên" a plan."""

from __future__ import annotations

from timeline.extract import extract


def records(text: str) -> list[dict]:
    return [r.record for r in extract(text, document="doc").records]


def claimed(text: str) -> list[str]:
    """The kinds of the drafts claimed as engagements: neither planned nor context."""
    return [
        r.record["kind"]
        for r in extract(text, document="doc").records
        if r.record.get("status", "held") == "held" and "context-mention" not in r.codes
    ]


def test_a_dialogue_the_host_recalls_at_a_reception_is_context():
    text = (
        "Chiều 12/3, tại Hà Nội, Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Công an đã tiếp "
        "ông Peter Holmes, Thứ trưởng Bộ Nội vụ Australia.\n"
        "Thứ trưởng Trần Văn Bình điểm lại rằng, Đối thoại An ninh Việt Nam – Australia đã được "
        "nâng cấp lên cấp Bộ trưởng vào tháng 5/2023.\n"
    )
    assert claimed(text) == ["meeting"]


def test_the_success_of_an_earlier_dialogue_is_context():
    text = (
        "Sáng 12/3, Thứ trưởng Trần Văn Bình đã tiếp ông Peter Holmes, Thứ trưởng Bộ Nội vụ "
        "Australia.\n"
        "Ông Holmes đánh giá cao sự thành công của Đối thoại An ninh Việt Nam - Australia lần "
        "thứ hai tại Canberra ngày 3/2.\n"
    )
    assert claimed(text) == ["meeting"]


def test_a_dialogue_both_sides_agree_to_keep_holding_is_planned():
    text = (
        "Ngày 12/3, Thứ trưởng Trần Văn Bình đã hội đàm với ông Sato Kenji, Phó Tổng Cục trưởng "
        "Cơ quan Cảnh sát Quốc gia Nhật Bản.\n"
        "Hai bên nhất trí duy trì tổ chức Đối thoại An ninh cấp Thứ trưởng Việt - Nhật thường "
        "niên.\n"
    )
    assert claimed(text) == ["meeting"]
    assert any(r.get("status") == "planned" for r in records(text))


def test_an_english_report_recalling_a_dialogue_claims_only_the_meeting():
    text = (
        "On March 12, Deputy Minister Tran Van Binh received Peter Holmes, Deputy Secretary of "
        "the Australian Department of Home Affairs, in Hanoi.\n"
        "Binh recalled that the Vietnam - Australia Security Dialogue was raised to ministerial "
        "level in May 2023.\n"
    )
    assert claimed(text) == ["meeting"]
