"""`timeline append` of office records: recorded, corrected with a reason, refused when bad;
participants whose title contradicts the registry flagged in timeline.db, `show` and at append."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.helpers import ROOT, make_record
from timeline.cli import cli

DEPUTY = """offices:
  - office: vn-deputy-minister-of-public-security
    country: VN
    kind: deputy_minister
    title: Deputy Minister of Public Security
    single_holder: false
    holder: Lương Tam Quang
    variants: [Luong Tam Quang]
    start: 2019-01-01
    end: 2019-06-30
    source: an entry written for this test
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def rows(archive: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(archive / "timeline.db") as db:
        return db.execute(sql).fetchall()


def events(archive: Path) -> int:
    with sqlite3.connect(archive / "events.db") as db:
        return db.execute("select count(*) from stored_events").fetchone()[0]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    assert run("append", str(ROOT / "seeds" / "records"), "--archive", str(folder)).exit_code == 0
    return folder


def test_an_office_record_is_recorded_projected_and_flags_the_participants_it_contradicts(
    archive: Path, tmp_path: Path
) -> None:
    record = tmp_path / "deputy.yaml"
    record.write_text(DEPUTY)
    result = run("append", str(record), "--archive", str(archive))
    assert result.exit_code == 0, result.output
    assert (
        "office     vn-deputy-minister-of-public-security: Lương Tam Quang (new)" in result.output
    )
    assert rows(
        archive,
        "select holder, end_date, origin from office_holders where office = "
        "'vn-deputy-minister-of-public-security'",
    ) == [("Lương Tam Quang", "2019-06-30", "record")]
    flagged = rows(
        archive,
        "select engagement, registry_entry from participants "
        "where registry_conflict is not null order by engagement",
    )
    assert len(flagged) == 4
    assert {entry for _, entry in flagged} == {
        "vn-deputy-minister-of-public-security/luong-tam-quang/2019-01-01"
    }
    shown = run("show", "vn-au-deputy-ministerial-security-dialogue-3", "--archive", str(archive))
    assert "# contradicts the registry: Lương Tam Quang (Deputy Minister of Public Security)" in (
        shown.output
    )
    assert run("verify", "--archive", str(archive)).exit_code == 0


def test_a_correction_with_a_reason_is_a_new_revision_and_lifts_the_flags(
    archive: Path, tmp_path: Path
) -> None:
    record = tmp_path / "deputy.yaml"
    record.write_text(DEPUTY)
    run("append", str(record), "--archive", str(archive))
    corrected = tmp_path / "corrected.yaml"
    corrected.write_text(
        DEPUTY.replace("    end: 2019-06-30\n", "    reason: still in office in 2023\n")
    )
    result = run("append", str(corrected), "--archive", str(archive))
    assert result.exit_code == 0, result.output
    assert "office     vn-deputy-minister-of-public-security: Lương Tam Quang (corrected)" in (
        result.output
    )
    assert rows(
        archive, "select version, event, reason from office_revisions order by version"
    ) == [
        (1, "Recorded", None),
        (2, "Corrected", "still in office in 2023"),
    ]
    assert rows(
        archive, "select count(*) from participants where registry_conflict is not null"
    ) == [(0,)]
    without_reason = tmp_path / "again.yaml"
    without_reason.write_text(DEPUTY.replace("2019-06-30", "2019-07-31"))
    refused = run("append", str(without_reason), "--archive", str(archive))
    assert refused.exit_code == 1
    assert "give `reason:` to correct it" in refused.output


def contradicting_visit(folder: Path) -> Path:
    """A record file of a 2022 visit whose Prime Minister of Vietnam is not the registry's."""
    record = folder / "visit.json"
    facts = make_record(
        slug="vn-us-test-visit-2022",
        kind="visit",
        title="A visit written for this test",
        date={"start": "2022-05-12", "precision": "day"},
        host="US",
        guests=["VN"],
        part_of=None,
        series=None,
        session=None,
        participants=[{"name": "Nguyễn Tấn Dũng", "title": "Prime Minister", "country": "VN"}],
    )
    record.write_text(json.dumps(facts, ensure_ascii=False))
    return record


def test_an_engagement_contradicting_the_registry_is_recorded_with_a_warning(
    archive: Path, tmp_path: Path
) -> None:
    record = contradicting_visit(tmp_path)
    result = run("append", str(record), "--archive", str(archive))
    assert result.exit_code == 0, result.output
    assert (
        "warning    vn-us-test-visit-2022: Nguyễn Tấn Dũng (Prime Minister) contradicts the "
        "registry: Prime Minister (VN) on 2022-05-12 was Phạm Minh Chính"
    ) in result.output
    assert rows(
        archive,
        "select registry_entry from participants where engagement = 'vn-us-test-visit-2022'",
    ) == [("vn-prime-minister/pham-minh-chinh/2021-04-05",)]


def test_the_warning_is_the_same_whether_the_append_updates_timeline_db_or_builds_it_anew(
    tmp_path: Path,
) -> None:
    """An incremental build reads the flags on its own connection (`BuildReport.conflicts`); a
    build anew leaves them to be read from the new file."""
    record = contradicting_visit(tmp_path)
    warning = (
        "warning    vn-us-test-visit-2022: Nguyễn Tấn Dũng (Prime Minister) contradicts the "
        "registry: Prime Minister (VN) on 2022-05-12 was Phạm Minh Chính"
    )
    anew = run("append", str(record), "--archive", str(tmp_path / "new"))
    assert anew.exit_code == 0, anew.output
    assert "timeline.db rebuilt" in anew.output
    updated_folder = tmp_path / "updated"
    seeds = run("append", str(ROOT / "seeds" / "records"), "--archive", str(updated_folder))
    assert seeds.exit_code == 0, seeds.output
    updated = run("append", str(record), "--archive", str(updated_folder))
    assert updated.exit_code == 0, updated.output
    assert "timeline.db updated" in updated.output
    warned = [[line for line in r.output.splitlines() if line.startswith("warning")]
              for r in (anew, updated)]  # fmt: skip
    assert warned[0] == warned[1]
    assert len(warned[0]) == 1 and warned[0][0].startswith(warning)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            "{office: vn-prime-minister, holder: X Y, start: 2020-01-01, end: 2019-01-01, source: s}",
            "office record 1 (vn-prime-minister): end: 2019-01-01 is before start 2020-01-01",
        ),
        (
            "{office: vn-prime-minister, holder: X Y, start: 2020-01-01, source: s}",
            "office record 1 (vn-prime-minister): start: X Y (2020-01-01 to in office) overlaps "
            "Nguyễn Xuân Phúc",
        ),
        (
            "{office: zz-king, country: ZZ, kind: head_of_state, title: King, holder: X Y, "
            "start: 2020-01-01, source: s}",
            "office record 1 (zz-king): country: unknown country code 'ZZ'",
        ),
        (
            "{office: vn-king, country: VN, kind: monarch, title: King, holder: X Y, "
            "start: 2020-01-01, source: s}",
            "office record 1 (vn-king): kind: Input should be",
        ),
        (
            "{office: vn-no-such-office, holder: X Y, start: 2020-01-01, source: s}",
            "office record 1 (vn-no-such-office): country: the registry has no office",
        ),
    ],
)
def test_a_bad_office_record_is_refused_in_one_line_and_nothing_is_written(
    archive: Path, tmp_path: Path, record: str, message: str
) -> None:
    before = events(archive)
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"offices:\n  - {record}\n")
    result = run("append", str(bad), "--archive", str(archive))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: {message}"), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert events(archive) == before
