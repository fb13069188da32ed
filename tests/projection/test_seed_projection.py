"""The seed engagements, appended through the CLI and projected: the rows an analyst reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from tests.helpers import ROOT
from timeline.cli import cli

SEEDS = ROOT / "seeds" / "records"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> sqlite_utils.Database:
    archive = tmp_path_factory.mktemp("seeds") / "archive"
    result = CliRunner().invoke(cli, ["append", str(SEEDS), "--archive", str(archive)])
    assert result.exit_code == 0, result.output
    assert "12 recorded, 0 already recorded" in result.output
    return sqlite_utils.Database(archive / "timeline.db")


def test_vietnam_timeline_in_date_order(db: sqlite_utils.Database) -> None:
    rows = list(
        db.query(
            "select start_date, date_label, kind, counterpart, role, city, engagement from timeline "
            "where country = 'VN' order by start_date, end_date, engagement"
        )
    )
    # Month-precision dates start on the 1st, so they come before the days of that month.
    assert [(r["engagement"], r["counterpart"], r["role"]) for r in rows] == [
        ("vn-au-mps-consulate-visit-sydney-2023-02", "AU", "guest"),
        ("vn-au-mps-delegation-visit-2023-02", "AU", "guest"),
        ("vn-au-mps-embassy-visit-canberra-2023-02", "AU", "guest"),
        ("vn-au-nema-briefing-2023-02", "AU", "guest"),
        ("vn-au-deputy-ministerial-security-dialogue-3", "AU", "guest"),
        ("vn-us-security-law-enforcement-dialogue-1", "US", "host"),
        ("vn-us-mps-asia-group-meeting-2025-09", "US", "guest"),
        ("vn-us-mps-cbp-meeting-2025-09", "US", "guest"),
        ("vn-us-mps-delegation-visit-2025-09", "US", "guest"),
        ("vn-us-mps-fbi-meeting-2025-09", "US", "guest"),
        ("vn-us-mps-state-department-meeting-2025-09", "US", "guest"),
        ("vn-us-security-law-enforcement-dialogue-2", "US", "guest"),
    ]
    by_slug = {r["engagement"]: r for r in rows}
    assert by_slug["vn-us-security-law-enforcement-dialogue-1"]["date_label"] == "Jul 2024"
    assert by_slug["vn-us-security-law-enforcement-dialogue-1"]["city"] == "Hanoi"
    assert by_slug["vn-us-mps-delegation-visit-2025-09"]["date_label"] == "4–5 Sep 2025"
    assert by_slug["vn-au-deputy-ministerial-security-dialogue-3"]["date_label"] == "22 Feb 2023"


def test_the_second_dialogue_with_its_co_chairs(db: sqlite_utils.Database) -> None:
    dialogue = db["engagements"].get("vn-us-security-law-enforcement-dialogue-2")
    assert (dialogue["series"], dialogue["session"], dialogue["part_of"]) == (
        "vn-us-security-law-enforcement-dialogue",
        2,
        "vn-us-mps-delegation-visit-2025-09",
    )
    assert (dialogue["city"], dialogue["country"], dialogue["host"]) == (
        "Washington, D.C.",
        "US",
        "US",
    )
    co_chairs = {
        r["name"]: r
        for r in db.query(
            "select name, title, rank, role from participants "
            "where engagement = 'vn-us-security-law-enforcement-dialogue-2' and role = 'co_chair'"
        )
    }
    assert set(co_chairs) == {"Lê Quốc Hùng", "Chris Landberg"}
    assert co_chairs["Lê Quốc Hùng"]["rank"] == "Senior Lieutenant General"
    assert db["persons"].get("chris-landberg")["variants"] == '["Chris Lanberg"]'


def test_meetings_of_the_us_visit_are_linked_to_it(db: sqlite_utils.Database) -> None:
    parts = [
        r["slug"]
        for r in db.query(
            "select slug from engagements where part_of = 'vn-us-mps-delegation-visit-2025-09' "
            "and kind = 'meeting' order by slug"
        )
    ]
    assert parts == [
        "vn-us-mps-asia-group-meeting-2025-09",
        "vn-us-mps-cbp-meeting-2025-09",
        "vn-us-mps-fbi-meeting-2025-09",
        "vn-us-mps-state-department-meeting-2025-09",
    ]


def test_topics_and_inferred_facts(db: sqlite_utils.Database) -> None:
    laundering = {
        r["engagement"]
        for r in db.query(
            "select engagement from engagement_topics where topic = 'money_laundering'"
        )
    }
    assert {
        "vn-us-security-law-enforcement-dialogue-2",
        "vn-au-deputy-ministerial-security-dialogue-3",
    } <= laundering
    inferred = db.execute(
        "select count(*) from evidence where inferred and note is not null"
    ).fetchone()[0]
    assert inferred > 0
    year = db.execute(
        "select count(*) from evidence where engagement = 'vn-us-security-law-enforcement-dialogue-2' "
        "and field = 'date' and inferred"
    ).fetchone()[0]
    assert year == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Luong Tam Quang", "vn-au-deputy-ministerial-security-dialogue-3"),
        ("doi thoai", "vn-us-security-law-enforcement-dialogue-2"),
        ("Đối thoại", "vn-au-deputy-ministerial-security-dialogue-3"),
        ("Landberg", "vn-us-security-law-enforcement-dialogue-2"),
    ],
)
def test_search_with_and_without_diacritics(
    db: sqlite_utils.Database, query: str, expected: str
) -> None:
    found = {
        r[0]
        for r in db.execute(
            "select slug from engagements where rowid in "
            "(select rowid from engagements_fts where engagements_fts match ?)",
            [" ".join(f'"{w}"' for w in query.split())],
        )
    }
    assert expected in found


def test_sources_quote_the_documents(db: sqlite_utils.Database) -> None:
    texts = {
        p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds" / "documents").glob("*.txt")
    }
    rows = list(db.query("select document, quote, start, [end] from sources union all "
                         "select document, quote, start, [end] from evidence"))  # fmt: skip
    assert rows
    for row in rows:
        assert texts[row["document"]][row["start"] : row["end"]] == row["quote"]


def test_appending_the_seeds_again_changes_nothing(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    archive = Path(db.conn.execute("pragma database_list").fetchone()[2]).parent
    before = (archive / "events.db").stat().st_size, db["_tracking"].get("timeline")["position"]
    result = CliRunner().invoke(cli, ["append", str(SEEDS), "--archive", str(archive)])
    assert result.exit_code == 0
    assert "0 recorded, 12 already recorded" in result.output
    assert before[1] == db["_tracking"].get("timeline")["position"]
