"""`timeline extract NAME.txt` reads `NAME.yaml` beside it, as `seeds/documents/` lays them out;
flags override it; a bad metadata file is one line naming the file and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from timeline.extract.commands import extract_command

ROOT = Path(__file__).resolve().parents[2]
SEED = "000_36722caa4ac8dc06"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    for suffix in (".txt", ".yaml"):
        shutil.copy(ROOT / "seeds" / "documents" / f"{SEED}{suffix}", tmp_path / f"a{suffix}")
    return tmp_path / "a.txt"


def _sources(output: str) -> list[dict]:
    return [d["sources"][0] for d in yaml.safe_load_all(output) if d]


def test_the_metadata_beside_the_article_is_read_without_flags(article: Path) -> None:
    res = CliRunner().invoke(extract_command, [str(article)])
    assert res.exit_code == 0, res.output
    sources = _sources(res.output)
    assert len(sources) == 7
    meta = yaml.safe_load(article.with_suffix(".yaml").read_text(encoding="utf-8"))
    for s in sources:
        assert s["document"] == SEED  # the file's `document:`, not the file name "a"
        assert s["publisher"] == meta["publisher"] == "VietnamPlus (TTXVN)"
        assert s["url"] == meta["url"]
        assert s["published"] == "2025-09-06"
        assert s["language"] == "vi"


def test_flags_override_the_metadata_file(article: Path) -> None:
    args = [str(article), "--published", "2025-09-08", "--publisher", "Báo Mới", "--document", "x"]
    res = CliRunner().invoke(extract_command, args)
    assert res.exit_code == 0, res.output
    for s in _sources(res.output):
        assert (s["published"], s["publisher"], s["document"]) == ("2025-09-08", "Báo Mới", "x")
        assert s["url"].startswith("https://www.vietnamplus.vn/")  # not overridden: still read


def test_no_metadata_reads_the_text_alone(article: Path) -> None:
    res = CliRunner().invoke(extract_command, [str(article), "--no-metadata"])
    assert res.exit_code == 0, res.output
    for s in _sources(res.output):
        assert s["document"] == "a" and "url" not in s
    # without the publication date the seed's dates have no year: the draft says so
    assert "partial-date" in res.output


def test_an_article_without_metadata_takes_its_file_name_as_document(tmp_path: Path) -> None:
    article = tmp_path / "my-article.txt"
    shutil.copy(ROOT / "tests" / "extract" / "pages" / "en_wire_talks.txt", article)
    res = CliRunner().invoke(extract_command, [str(article)])
    assert res.exit_code == 0, res.output
    assert {s["document"] for s in _sources(res.output)} == {"my-article"}


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("publisher: [VietnamPlus\n", "not valid YAML (line 2)"),
        ("- publisher\n- url\n", "must be a mapping"),
        ("published: 2025-13-01\n", "published: '2025-13-01' is not a date"),
        ("published: 6/9/2025\n", "published: '6/9/2025' is not a date"),
        ("url: vietnamplus.vn/x\n", "url: 'vietnamplus.vn/x' is not an http(s) URL"),
        ("language: fr\n", "language: 'fr': the languages supported are"),
        ("publisher: {name: X}\n", "publisher: expected text, got dict"),
        ("document: ''\n", "document: is empty"),
        (b"publisher: \xe0\n", "not UTF-8 text"),
    ],
)
def test_a_bad_metadata_file_is_one_line_naming_it_and_its_field(
    article: Path, content: str | bytes, field: str
) -> None:
    meta = article.with_suffix(".yaml")
    meta.write_bytes(content if isinstance(content, bytes) else content.encode())
    out = article.parent / "draft.yaml"
    res = CliRunner().invoke(extract_command, [str(article), "-o", str(out)])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1, res.output
    assert lines[0].startswith(f"Error: {meta}: ") and field in lines[0]
    assert not out.exists()


def test_a_flag_naming_a_bad_value_is_named_as_the_flag(article: Path) -> None:
    res = CliRunner().invoke(extract_command, [str(article), "--url", "ftp://x"])
    assert res.exit_code == 1
    assert res.output.strip() == f"Error: {article}: --url: 'ftp://x' is not an http(s) URL"
