"""Every participant of the Office of the Historian's data whose title contradicts the registry
(visit 3051, "Prime Minister Nguyen Tan Dung" in 2022, among them), listed whole, so a change of
the registry or of the matching shows here."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "external" / "historyatstate"

# Each is a true error of the record as the source has it: visit 3051 names a Prime Minister
# out of office since 2016; the travels code trips made as President-elect with the role
# `president` (Taft 1909, Wilson 1912, Harding 1920, Hoover's 1928 tour, Roosevelt 1933,
# Eisenhower 1952, Reagan 1981), before the inauguration.
FLAGS = {
    ("vn-us-visit-2022-05-12-dung", "Nguyen Tan Dung", "vn-prime-minister/pham-minh-chinh/2021-04-05"),
    ("us-pa-visit-1909-01-29-taft", "William Howard Taft", "us-president/theodore-roosevelt/1901-09-14"),
    ("us-gb-visit-1912-11-18-wilson", "Woodrow Wilson", "us-president/william-howard-taft/1909-03-04"),
    ("us-pa-visit-1920-11-24-harding", "Warren G. Harding", "us-president/woodrow-wilson/1913-03-04"),
    ("us-gb-visit-1920-11-30-harding", "Warren G. Harding", "us-president/woodrow-wilson/1913-03-04"),
    *(
        (f"us-{c}-visit-1928-{d}-hoover", "Herbert C. Hoover", "us-president/calvin-coolidge/1923-08-02")
        for c, d in [
            ("hn", "11-26"), ("sv", "11-26"), ("ni", "11-27"), ("cr", "11-28"), ("ec", "12-01"),
            ("pe", "12-05"), ("cl", "12-08"), ("ar", "12-13"), ("uy", "12-16"), ("br", "12-21"),
        ]
    ),
    ("us-gb-visit-1933-02-06-roosevelt", "Franklin D. Roosevelt", "us-president/herbert-hoover/1929-03-04"),
    ("us-kr-visit-1952-12-02-eisenhower", "Dwight D. Eisenhower", "us-president/harry-s-truman/1945-04-12"),
    ("us-mx-visit-1981-01-05-reagan", "Ronald Reagan", "us-president/jimmy-carter/1977-01-20"),
}  # fmt: skip


@pytest.mark.skipif(
    not (REAL / "visits").is_dir(), reason=f"no Office of the Historian data at {REAL}"
)
def test_the_import_has_these_flags_and_no_other(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    result = CliRunner().invoke(
        cli, ["import", "historyatstate", str(REAL), "--archive", str(archive)]
    )
    assert result.exit_code == 0, result.output
    with sqlite3.connect(archive / "timeline.db") as db:
        flagged = set(
            db.execute(
                "select engagement, name, registry_entry from participants "
                "where registry_conflict is not null"
            )
        )
    assert flagged == FLAGS
    assert len(FLAGS) == 18
