"""Bad articles end `timeline extract` with one line naming the file and the problem, exit code 1,
and nothing written: through click's runner, and through a real process."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from timeline.extract.commands import extract_command
from timeline.extract.documents import MAX_BYTES, language_of

PAGES = Path(__file__).resolve().parent / "pages"
PAGE = (PAGES / "vi_tiep_doan_canh_sat.txt").read_text(encoding="utf-8")
FRENCH = (
    "Le ministre de l'Intérieur a reçu mardi à Paris une délégation de la police vietnamienne. "
    "Les deux parties ont discuté de la coopération dans la lutte contre la criminalité "
    "transnationale et le trafic de stupéfiants.\n"
)


def _big(path: Path) -> None:
    # a 5 MB page: the article repeated, far above the limit
    data = (PAGE + "\n").encode()
    path.write_bytes(data * (5_000_000 // len(data) + 1))


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "empty": (lambda p: p.write_bytes(b""), "the article is empty"),
    "blank": (lambda p: p.write_bytes(b" \n\t\n"), "the article is empty"),
    "binary": (
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
        "a binary file",
    ),
    "not utf-8": (lambda p: p.write_bytes(PAGE.encode("utf-16")), "not UTF-8 text"),
    "latin-1": (lambda p: p.write_bytes(FRENCH.encode("latin-1")), "not UTF-8 text (byte"),
    "5 MB": (_big, f"the limit is {MAX_BYTES / 1e6:g} MB"),
    "french": (
        lambda p: p.write_text(FRENCH, encoding="utf-8"),
        "the languages supported are Vietnamese (vi) and English (en)",
    ),
    "chinese": (
        lambda p: p.write_text(
            "越南公安部代表团访问北京。双方就打击跨国犯罪合作交换了意见。\n" * 5
        ),
        "the languages supported are Vietnamese (vi) and English (en)",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_article_is_one_line_exit_1_and_nothing_written(tmp_path: Path, case: str) -> None:
    make, message = CASES[case]
    article = tmp_path / "article.txt"
    make(article)
    out = tmp_path / "out"
    out.mkdir()
    res = CliRunner().invoke(extract_command, [str(article), "-o", str(out / "draft.yaml")])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1, res.output
    assert lines[0].startswith(f"Error: {article}: ") and message in lines[0]
    assert list(out.iterdir()) == []


def test_a_page_in_another_language_can_still_be_extracted_when_its_language_is_given(
    tmp_path: Path,
) -> None:
    # the refusal is about detection: a reader who says "this is English" is taken at their word
    article = tmp_path / "article.txt"
    article.write_text(FRENCH, encoding="utf-8")
    res = CliRunner().invoke(extract_command, [str(article), "--language", "en"])
    assert res.exit_code == 0, res.output


def test_standard_input_above_the_limit_is_refused_without_reading_it_all() -> None:
    res = CliRunner().invoke(extract_command, ["-"], input=b"a " * (MAX_BYTES // 2 + 10))
    assert res.exit_code == 1
    assert res.output.strip() == (
        f"Error: <stdin>: larger than an article can be: the limit is {MAX_BYTES / 1e6:g} MB "
        "(split the page into its articles)"
    )


def test_bad_articles_through_a_real_process(tmp_path: Path) -> None:
    timeline = shutil.which("timeline", path=str(Path(sys.executable).parent)) or "timeline"
    for case, (make, message) in CASES.items():
        article = tmp_path / f"{case.replace(' ', '_')}.txt"
        make(article)
        draft = tmp_path / f"{article.stem}.yaml"
        run = subprocess.run(
            [timeline, "extract", str(article), "-o", str(draft)], capture_output=True, text=True
        )
        assert run.returncode == 1, case
        assert run.stdout == "", case
        lines = run.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: {article}: "), case
        assert message in lines[0], case
        assert not draft.exists(), case


def test_every_vietnamese_and_english_page_written_for_the_project_is_read() -> None:
    # the language refusal must not catch the genre: every seed, fixture and test page passes,
    # in the language its metadata gives (or the one its file name starts with)
    root = PAGES.parents[2]
    pages = [
        *root.glob("seeds/documents/*.txt"),
        *root.glob("tests/fixtures/extract/*/documents/*.txt"),
        *PAGES.glob("*.txt"),
    ]
    assert len(pages) > 50
    for page in pages:
        meta = page.with_suffix(".yaml")
        expected = (
            yaml.safe_load(meta.read_text(encoding="utf-8"))["language"]
            if meta.exists()
            else page.name[:2]
        )
        assert language_of(page.read_text(encoding="utf-8"), str(page)) == expected, page
