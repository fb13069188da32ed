"""`timeline review DIR` refuses a bad folder, port or reviewer in one line, exit code 1, before
anything is written."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import SERVE_HOST
from timeline.cli import cli


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "nowhere", "no such folder"),
        (lambda tmp: (tmp / "a.txt").write_text("x") and tmp / "a.txt",
         "not a folder (name the folder of articles, ID.txt each)"),
    ],
)  # fmt: skip
def test_a_bad_folder_is_refused_in_one_line(tmp_path: Path, make, message: str) -> None:
    folder = make(tmp_path)
    archive = tmp_path / "archive"
    result = CliRunner().invoke(cli, ["review", str(folder), "--archive", str(archive)])
    assert result.exit_code == 1
    assert result.output == f"Error: {folder}: {message}\n"
    assert not archive.exists()


def test_a_busy_port_is_refused_in_one_line(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    with socket.socket() as s:
        s.bind((SERVE_HOST, 0))
        s.listen()
        port = s.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["review", str(tmp_path), "--archive", str(archive), "--port", str(port)]
        )
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {SERVE_HOST}:{port}: cannot serve there")
    assert result.output.count("\n") == 1
    assert not archive.exists()


def test_an_empty_reviewer_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["review", str(tmp_path), "--reviewer", " "])
    assert (result.exit_code, result.output) == (1, "Error: --reviewer: name who reviews\n")


def test_review_is_listed_in_the_help() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert "review" in result.output
