"""Two articles reporting one engagement, one in Vietnamese and one in English, give drafts with
the same slugs, and appending both records each engagement once, corroborated by both."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline.extract import corroboration, extract
from timeline.inputs.records import validate
from timeline.store.application import Archive

VI = """Việt Nam - Australia tổ chức Đối thoại An ninh cấp Bộ trưởng lần thứ hai

Ngày 14/11/2024, tại Canberra (Australia), Đại tướng Trần Minh Phúc, Bộ trưởng Bộ Công an Việt Nam và bà Helen Marsh, Bộ trưởng Bộ Nội vụ Australia đã đồng chủ trì Đối thoại An ninh cấp Bộ trưởng Việt Nam - Australia lần thứ hai.

Trong khuôn khổ chuyến thăm, Đoàn đã làm việc với Cảnh sát Liên bang Australia (AFP).
"""
EN = """Australia and Vietnam hold second ministerial security dialogue

CANBERRA, Nov. 14 (AAP) - Australian Minister for Home Affairs Helen Marsh and Vietnamese Minister of Public Security Tran Minh Phuc co-chaired the second Australia-Vietnam Ministerial Security Dialogue in Canberra on November 14, 2024.

During the visit, the Vietnamese delegation also met with the Australian Federal Police (AFP).
"""
PUBLISHED = date(2024, 11, 15)


def drafts(text: str, document: str, publisher: str) -> dict[str, dict]:
    url = f"https://news.example/{document}"
    d = extract(text, document=document, published=PUBLISHED, url=url, publisher=publisher)
    return {r.record["slug"]: r.record for r in d.records}


def test_a_vietnamese_and_an_english_report_give_the_same_slugs():
    vi = drafts(VI, "vi-report", "Báo Công an")
    en = drafts(EN, "en-report", "AAP")
    assert "vn-au-ministerial-security-dialogue-2" in vi
    assert set(vi) == set(en)


def test_appending_both_reports_records_each_engagement_once_corroborated(tmp_path: Path):
    vi = drafts(VI, "vi-report", "Báo Công an")
    en = drafts(EN, "en-report", "AAP")
    archive = Archive(tmp_path / "archive")
    first = {slug: validate(rec, "vi.yaml", i) for i, (slug, rec) in enumerate(vi.items())}
    archive.append(first.values())
    second = [
        corroboration(validate(rec, "en.yaml", i), first[slug])
        for i, (slug, rec) in enumerate(en.items())
    ]
    report = archive.append(second)
    assert report.recorded == []
    assert sorted(report.corroborated) == sorted(vi)
    dialogue = archive.get("vn-au-ministerial-security-dialogue-2")
    assert [s.document for s in dialogue.facts.sources] == ["vi-report", "en-report"]
    assert any(e.document == "en-report" and e.field == "date" for e in dialogue.facts.evidence)
