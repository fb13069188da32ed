"""Two articles reporting one engagement, one in Vietnamese and one in English, give drafts with
the same slugs, and appending both records each engagement once, corroborated by both."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import cli
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


def test_the_command_line_records_a_second_report_as_a_source_with_as_source(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text, publisher in (("vi-report", VI, "Báo Công an"), ("en-report", EN, "AAP")):
        (articles / f"{name}.txt").write_text(text, encoding="utf-8")
        (articles / f"{name}.yaml").write_text(
            f"publisher: {publisher}\npublished: {PUBLISHED}\nlanguage: {name[:2]}\n"
            f"url: https://news.example/{name}\n",
            encoding="utf-8",
        )
    drafts_dir, archive = tmp_path / "drafts", tmp_path / "archive"
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", str(articles), "-o", str(drafts_dir)])
    assert extracted.exit_code == 0, extracted.output
    vi, en = drafts_dir / "vi-report.yaml", drafts_dir / "en-report.yaml"
    first = runner.invoke(cli, ["append", str(vi), "--archive", str(archive)])
    assert first.exit_code == 0, first.output
    # Without --as-source the English report is refused as other content, and nothing is written
    refused = runner.invoke(cli, ["append", str(en), "--archive", str(archive)])
    assert refused.exit_code == 1
    assert "nothing was written" in refused.output
    second = runner.invoke(cli, ["append", "--as-source", str(en), "--archive", str(archive)])
    assert second.exit_code == 0, second.output
    assert "corroborated vn-au-ministerial-security-dialogue-2 (new source: en-report)" in (
        second.output
    )
    assert "0 recorded" in second.output
    with Archive(archive, must_exist=True) as opened:
        dialogue = opened.get("vn-au-ministerial-security-dialogue-2")
    assert [s.document for s in dialogue.facts.sources] == ["vi-report", "en-report"]
    assert any(e.document == "en-report" and e.field == "date" for e in dialogue.facts.evidence)
    assert dialogue.facts.title == validate_first_title(vi)


def validate_first_title(path: Path) -> str:
    """The title the first report recorded: a second report leaves the record as it was."""
    import yaml

    docs = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    records = [r for d in docs for r in (d if isinstance(d, list) else d.get("engagements", [d]))]
    return next(r["title"] for r in records if r["slug"] == "vn-au-ministerial-security-dialogue-2")
