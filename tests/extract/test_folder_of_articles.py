"""`timeline extract DIR -o DRAFTS/`: one draft file per article, a closing table, a failed article
named while the others are written, a progress bar only on a terminal."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from timeline.extract import batch, extract_folder
from timeline.extract.commands import extract_command
from timeline.inputs.records import parse

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "extract" / "pages"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    for p in (ROOT / "seeds" / "documents").iterdir():
        shutil.copy(p, articles / p.name)
    for p in PAGES.glob("*.txt"):
        shutil.copy(p, articles / p.name)
    return articles


def _table(output: str) -> dict[str, list[str]]:
    rows = [line.split(None, 3) for line in output.splitlines()[1:]]
    return {r[0]: r[1:] for r in rows}


def test_a_folder_gives_one_draft_file_per_article_and_a_table(
    folder: Path, tmp_path: Path
) -> None:
    drafts = tmp_path / "drafts"
    res = CliRunner().invoke(extract_command, [str(folder), "-o", str(drafts)])
    assert res.exit_code == 0, res.output + res.stderr
    articles = sorted(p.name for p in folder.glob("*.txt"))
    assert sorted(p.name for p in drafts.iterdir()) == [
        a.replace(".txt", ".yaml") for a in articles
    ]
    assert res.stdout.splitlines()[0].split() == [
        "article",
        "drafts",
        "complete",
        "flags",
        "to",
        "review",
    ]
    table = _table(res.stdout)
    assert sorted(table) == articles
    for name, (count, complete, *review) in table.items():
        draft = drafts / name.replace(".txt", ".yaml")
        records = parse(draft.read_text(encoding="utf-8"), str(draft))
        assert int(count) == len(records) and 0 <= int(complete) <= len(records)
        codes = {f["code"] for _, r in records for f in r["x-review"]["flags"]}
        assert all(code in review[0] for code in codes) if codes else review in ([], ["-"])
    # the seed's metadata beside it was read in the batch too
    seed = yaml.safe_load_all((drafts / "000_36722caa4ac8dc06.yaml").read_text(encoding="utf-8"))
    assert {d["sources"][0]["published"] for d in seed if d} == {"2025-09-06"}
    assert res.stderr.strip().splitlines()[-1].startswith(f"{len(articles)} articles: ")
    assert "extracting" not in res.stderr  # not a terminal: no progress bar


def test_a_failing_article_is_named_and_the_others_are_written(
    folder: Path, tmp_path: Path
) -> None:
    (folder / "blank.txt").write_bytes(b"\n\n")
    (folder / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (folder / "003_28070336086c2807.yaml").write_text("published: yesterday\n")
    drafts = tmp_path / "drafts"
    res = CliRunner().invoke(extract_command, [str(folder), "-o", str(drafts)])
    assert res.exit_code == 1
    errors = res.stderr.splitlines()
    assert f"{folder / 'blank.txt'}: the article is empty" in errors
    assert any(e.startswith(f"{folder / 'photo.txt'}: a binary file") for e in errors)
    meta = folder / "003_28070336086c2807.yaml"
    assert f"{meta}: published: 'yesterday' is not a date (YYYY-MM-DD)" in errors
    assert errors[-1].endswith("3 failed, nothing written for them")
    table = _table(res.stdout)
    assert table["blank.txt"][2] == "FAILED: the article is empty"
    assert table["003_28070336086c2807.txt"][2].startswith(f"FAILED: {meta}: published:")
    written = sorted(p.stem for p in drafts.iterdir())
    assert written == sorted(
        p.stem
        for p in folder.glob("*.txt")
        if p.stem not in ("blank", "photo", "003_28070336086c2807")
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "is a folder: name the drafts' folder with -o DRAFTS/"),
        (["-o", "{tmp}/file.yaml"], "is a file; -o names a folder when extracting a folder"),
        (["-o", "{tmp}/drafts", "--document", "x"], "--document names one article"),
        (["-o", "{tmp}/drafts", "--url", "https://x.vn/a"], "--url names one article"),
    ],
)
def test_a_folder_with_wrong_options_is_one_line(
    folder: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "file.yaml").write_text("keep me\n")
    args = [a.format(tmp=tmp_path) for a in args]
    res = CliRunner().invoke(extract_command, [str(folder), *args])
    assert res.exit_code == 1
    assert len(res.output.strip().splitlines()) == 1 and message in res.output
    assert not (tmp_path / "drafts").exists()
    assert (tmp_path / "file.yaml").read_text() == "keep me\n"


def test_a_folder_without_articles_writes_nothing(tmp_path: Path) -> None:
    res = CliRunner().invoke(extract_command, [str(tmp_path), "-o", str(tmp_path / "drafts")])
    assert res.exit_code == 1
    assert (
        res.output.strip()
        == f"Error: {tmp_path}: is a folder without articles (*.txt); nothing was written"
    )
    assert not (tmp_path / "drafts").exists()


def test_the_folder_from_python(folder: Path, tmp_path: Path) -> None:
    outcomes = list(extract_folder(folder, tmp_path / "drafts"))
    assert [o.article for o in outcomes] == sorted(p.name for p in folder.glob("*.txt"))
    assert all(o.output and o.output.exists() and not o.failed for o in outcomes)


def test_a_terminal_gets_a_progress_bar(folder: Path, tmp_path: Path) -> None:
    timeline = shutil.which("timeline", path=str(Path(sys.executable).parent)) or "timeline"
    primary, secondary = pty.openpty()
    run = subprocess.run(
        [timeline, "extract", str(folder), "-o", str(tmp_path / "drafts")],
        stdout=subprocess.PIPE,
        stderr=secondary,
        text=True,
    )
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(primary)
    assert run.returncode == 0
    assert b"extracting" in seen and b"100%" in seen
    assert "extracting" not in run.stdout and run.stdout.startswith("article")


def test_an_extractor_defect_is_one_line_naming_the_article_and_the_others_go_on(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a defect stands in for the crash the property test found (TypeError in the draft)
    real = batch.extract

    def broken(text: str, **kw: object) -> object:
        if kw["document"] == "en_wire_talks":
            raise TypeError("object of type 'NoneType' has no len()")
        return real(text, **kw)

    monkeypatch.setattr(batch, "extract", broken)
    drafts = tmp_path / "drafts"
    res = CliRunner().invoke(extract_command, [str(folder), "-o", str(drafts)])
    assert res.exit_code == 1
    assert res.stderr.splitlines()[0] == (
        f"{folder / 'en_wire_talks.txt'}: the extractor failed (TypeError: object of type "
        "'NoneType' has no len()); please report it"
    )
    assert "Traceback" not in res.output
    assert not (drafts / "en_wire_talks.yaml").exists()
    assert len(list(drafts.iterdir())) == len(list(folder.glob("*.txt"))) - 1
