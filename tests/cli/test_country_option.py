"""`timeline list --country` and `timeline_rows(country=...)` take a country as a code or a name,
in English or Vietnamese, with or without diacritics; an unknown one is one line that suggests
the closest, exit code 1, never an empty timeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.helpers import ROOT
from timeline import Archive, TimelineError, build, load, timeline_rows
from timeline.cli import cli


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def seeded(archive_dir: Path) -> Archive:
    archive = Archive(archive_dir)
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    return archive


def folder(archive: Archive) -> str:
    return str(archive.projection_path.parent)


def listed(archive: Archive, country: str) -> list[dict]:
    result = run("list", "--nl", "--country", country, "--archive", folder(archive))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    "typed", ["VN", "vn", "VNM", "Vietnam", "Việt Nam", "Viet Nam", "viet nam", "VIỆT NAM"]
)
def test_list_takes_vietnam_as_a_code_or_a_name(seeded: Archive, typed: str) -> None:
    rows = listed(seeded, typed)
    assert rows and rows == listed(seeded, "VN")
    assert {row["country"] for row in rows} == {"VN"}


@pytest.mark.parametrize("typed", ["US", "Mỹ", "Hoa Kỳ", "hoa ky", "United States", "USA"])
def test_list_takes_the_united_states_by_its_vietnamese_names(seeded: Archive, typed: str) -> None:
    rows = listed(seeded, typed)
    assert rows and {row["country"] for row in rows} == {"US"}


def test_timeline_rows_takes_a_name_as_the_command_does(seeded: Archive) -> None:
    assert timeline_rows(seeded, country="Việt Nam") == timeline_rows(seeded, country="VN")
    with pytest.raises(TimelineError, match=r"did you mean VN \(Vietnam / Việt Nam\)\?"):
        timeline_rows(seeded, country="Vietnm")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Vietnm", "unknown country 'Vietnm': did you mean VN (Vietnam / Việt Nam)?"),
        ("Untied States", "unknown country 'Untied States': did you mean US (United States / Hoa Kỳ)?"),
        ("XX", "unknown country 'XX': expected an ISO code (VN, US) or a name in English or Vietnamese"),
        ("Atlantis", "unknown country 'Atlantis': expected an ISO code"),
        ("", "no country given"),
        ("VN,US", "unknown country 'VN,US'"),
        ("V\nN", "unknown country 'V\\nN'"),
    ],
)  # fmt: skip
def test_list_with_an_unknown_country_is_one_line_that_suggests_one(
    seeded: Archive, typed: str, message: str
) -> None:
    result = run("list", "--country", typed, "--archive", folder(seeded))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: Invalid value for '--country': ")
    assert message in lines[0]
    assert "Traceback" not in result.output


def test_an_unknown_country_is_refused_before_the_archive_is_opened(tmp_path: Path) -> None:
    missing = tmp_path / "no-archive"
    result = run("list", "--country", "Vietnm", "--archive", str(missing))
    assert result.exit_code == 1
    assert "did you mean VN" in result.stderr
    assert not missing.exists()
