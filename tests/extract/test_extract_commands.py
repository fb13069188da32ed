"""`timeline extract` and `timeline evaluate` through click, as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from timeline.extract.commands import evaluate_command, extract_command
from timeline.inputs.records import parse, validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
ARTICLE = FIXTURES / "dev" / "documents" / "vi_doan_tham_uc.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_extract_writes_yaml_records_to_stdout(runner: CliRunner) -> None:
    res = runner.invoke(extract_command, [str(ARTICLE), "--published", "2024-06-12", "--url",
                                          "https://cand.com.vn/x-i1/"])  # fmt: skip
    assert res.exit_code == 0, res.output
    records = parse(res.output, "draft.yaml")
    assert len(records) >= 5
    for index, raw in records:
        facts = validate(raw, "draft.yaml", index)
        assert facts.sources[0].document == "vi_doan_tham_uc"
        assert facts.sources[0].publisher == "Công an nhân dân"


def test_extract_reads_standard_input(runner: CliRunner) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    res = runner.invoke(extract_command, ["-", "--published", "2024-06-12", "--document", "x1"])
    assert res.exit_code != 0 and "<stdin>: the article is empty" in res.output
    res = runner.invoke(extract_command, ["-", "--published", "2024-06-12", "--document", "x1"],
                        input=text)  # fmt: skip
    assert res.exit_code == 0, res.output
    docs = [d for d in yaml.safe_load_all(res.output) if d]
    assert docs and all(d["sources"][0]["document"] == "x1" for d in docs)


def test_extract_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    res = runner.invoke(
        extract_command, [str(ARTICLE), "--published", "2024-06-12", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert "draft record" in res.output
    assert len(parse(out.read_text(encoding="utf-8"), str(out))) >= 5


@pytest.mark.parametrize(
    ("make", "args", "message"),
    [
        (lambda d: d / "missing.txt", [], "no such file"),
        (
            lambda d: _write(d / "latin1.txt", b"Ng\xe0y 5/9 t\xe1i H\xe0 N\xf4i"),
            [],
            "not UTF-8",
        ),
        (lambda d: _write(d / "empty.txt", b"  \n\n"), [], "empty"),
        (
            lambda d: _write(d / "a.txt", "Ngày 5/9".encode()),
            ["--published", "5/9/2025"],
            "--published",
        ),
        (lambda d: _write(d / "a.txt", "Ngày 5/9".encode()), ["--language", "fr"], "--language"),
        (lambda d: d, [], "folder"),
    ],
)
def test_bad_input_ends_with_one_line_and_writes_nothing(
    runner: CliRunner, tmp_path: Path, make, args: list[str], message: str
) -> None:
    path = make(tmp_path)
    out = tmp_path / "out" / "draft.yaml"
    out.parent.mkdir()
    res = runner.invoke(extract_command, [str(path), *args, "-o", str(out)])
    assert res.exit_code != 0
    lines = res.output.strip().splitlines()
    assert len(lines) == 1, res.output
    assert message in lines[0] and str(path) in lines[0]
    assert "Traceback" not in res.output
    assert isinstance(res.exception, SystemExit)
    assert not out.exists()
    assert list(out.parent.iterdir()) == []


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_evaluate_prints_per_document_and_overall_scores(runner: CliRunner) -> None:
    res = runner.invoke(evaluate_command, [str(FIXTURES / "dev")])
    assert res.exit_code == 0, res.output
    names = {p.stem for p in (FIXTURES / "dev" / "documents").glob("*.txt")}
    rows = {line.split()[0] for line in res.output.splitlines() if line.strip()}
    assert names <= rows and "overall" in rows


def test_evaluate_json(runner: CliRunner) -> None:
    res = runner.invoke(evaluate_command, [str(FIXTURES / "dev"), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    overall = data["overall"]
    assert set(overall["fields"]) >= {"date", "place", "participants", "topics"}
    total = sum(d["events"]["tp"] for d in data["documents"])
    assert overall["events"]["tp"] == total
    assert 0.0 <= overall["events"]["f1"] <= 1.0


def test_evaluate_text_only_runs_without_metadata(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "dev", tmp_path / "set")
    res = runner.invoke(evaluate_command, [str(tmp_path / "set"), "--json", "--text-only"])
    assert res.exit_code == 0, res.output
    with_meta = json.loads(
        runner.invoke(evaluate_command, [str(tmp_path / "set"), "--json"]).output
    )
    without = json.loads(res.output)
    # without publication dates, years are unknown: dates can only get worse
    assert (
        without["overall"]["fields"]["date"]["f1"] <= with_meta["overall"]["fields"]["date"]["f1"]
    )


def test_evaluate_refuses_a_folder_without_the_layout(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(evaluate_command, [str(tmp_path)])
    assert res.exit_code != 0
    assert len(res.output.strip().splitlines()) == 1 and "documents/" in res.output
