"""Issue 15, item 8: `timeline publish OUT.db` writes a clean copy for download that `timeline
verify --database OUT.db --expect HASH` checks against the store; `timeline export` writes a new
file; the served archive offers the copy at /-/download/timeline.db, linked from the home page.
Bad input (an existing or unwritable output, an unknown format) is one line, exit 1, nothing
written. The real store on SQLite and PostgreSQL (`backend`), real SQLite files, Datasette's
test client."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from tests.exports.conftest import export_records
from tests.helpers import Backend
from tests.web.test_publish import open_client
from timeline.cli import cli
from timeline.projection.build import build
from timeline.projection.schema import TABLES, TRACKING_TABLE
from timeline.store.application import Archive
from timeline.web.pages.download import CACHE

SLUG = "vn-us-security-dialogue-2"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}


def head_of(path: Path) -> tuple[int, str]:
    with sqlite3.connect(path) as db:
        return db.execute("select position, head from archive_head").fetchone()


@pytest.fixture
def recorded(tmp_path: Path, archive_dir: Path, backend: Backend) -> Path:
    path = tmp_path / "records.yaml"
    path.write_text(yaml.safe_dump_all(export_records(), allow_unicode=True), encoding="utf-8")
    result = run("append", str(path), "--archive", str(archive_dir))
    assert result.exit_code == 0, result.output
    return archive_dir


def test_publish_writes_a_clean_copy_that_verify_checks_by_its_head(
    tmp_path: Path, recorded: Path, backend: Backend
) -> None:
    out = tmp_path / "published.db"
    result = run("publish", str(out), "--archive", str(recorded))
    assert result.exit_code == 0, result.output
    assert set(TABLES) <= tables(out) and TRACKING_TABLE not in tables(out)
    assert TRACKING_TABLE in tables(recorded / "timeline.db")
    position, head = head_of(out)
    assert f"head:      {head} (notification {position})" in result.output
    checked = run("verify", "--database", str(out), "--expect", head, "--archive", str(recorded))
    assert checked.exit_code == 0, checked.output
    assert checked.output.rstrip().endswith("verified: the head is the one expected")
    # The store moves on: the copy still is what was published at its head.
    run("correct", SLUG, "--set", "session=3", "--reason", "r", "--archive", str(recorded))
    again = run("verify", "--database", str(out), "--expect", head, "--archive", str(recorded))
    assert again.exit_code == 0, again.output


def test_verify_names_a_changed_copy_and_a_copy_of_another_head(
    tmp_path: Path, recorded: Path, backend: Backend
) -> None:
    out = tmp_path / "published.db"
    run("publish", str(out), "--archive", str(recorded))
    _, head = head_of(out)
    other = "0" * 64
    wrong = run("verify", "--database", str(out), "--expect", other, "--archive", str(recorded))
    assert wrong.exit_code == 1
    assert f"its head {head} is not the expected {other}" in wrong.output
    with sqlite3.connect(out) as db:
        db.execute("update engagements set title = 'Another title' where slug = ?", [SLUG])
    changed = run("verify", "--database", str(out), "--expect", head, "--archive", str(recorded))
    assert changed.exit_code == 1
    assert f"engagements row slug={SLUG} differs from a rebuild from the store in title" in (
        changed.output
    )
    with sqlite3.connect(out) as db:
        db.execute("update archive_head set head = ?", [other])
    forged = run("verify", "--database", str(out), "--archive", str(recorded))
    assert forged.exit_code == 1
    assert "is not a link of this store's chain" in forged.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["publish", "{existing}"], "exists; give a new file name (nothing was written)"),
        (["publish", "{missing}/out.db"], "cannot be written: folder"),
        (["export", "csv", "-o", "{existing}"], "exists; give a new file name"),
        (["export", "csv", "-o", "{missing}/out.csv"], "cannot be written: folder"),
        (["export", "geojsn"], "FORMAT 'geojsn': unknown format; did you mean geojson?"),
        (["export", "kml"], "FORMAT 'kml': unknown format; (one of csv, geojson, timelinejs, "
                            "plover)"),
        (["verify", "--database", "{missing}/copy.db"], "no such file"),
        (["export", "csv", "--country", "Atlantis"], "unknown country 'Atlantis'"),
        (["export", "csv", "--counterpart", "US"], "--counterpart: give --country too"),
        (["export", "csv", "--collection", "curatd"], "unknown collection 'curatd'"),
        (["export", "csv", "--since", "2024-13"], "--since"),
    ],
)  # fmt: skip
def test_bad_output_or_format_is_one_line_and_writes_nothing(
    tmp_path: Path, recorded: Path, backend: Backend, args: list[str], message: str
) -> None:
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"mine")
    before = sorted(p.name for p in tmp_path.iterdir())
    stored = backend.stored(recorded)
    filled = [a.format(existing=existing, missing=tmp_path / "no-such-folder") for a in args]
    result = run(*filled, "--archive", str(recorded))
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert existing.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert backend.stored(recorded) == stored


def test_a_folder_that_cannot_be_written_is_refused(
    tmp_path: Path, recorded: Path, backend: Backend
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into any folder: a folder it cannot write cannot be made")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run("export", "plover", "-o", str(locked / "x.jsonl"), "--archive", str(recorded))
        assert result.exit_code == 1
        assert "is not writable" in result.output
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_export_writes_a_new_file_and_says_how_many(
    tmp_path: Path, recorded: Path, backend: Backend
) -> None:
    out = tmp_path / "events.jsonl"
    result = run("export", "PLOVER", "-o", str(out), "--archive", str(recorded))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"exported   4 engagements as plover to {out}"
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == 4 and f"timeline-{SLUG}" in ids
    to_stdout = run("export", "geojson", "--archive", str(recorded))
    assert json.loads(to_stdout.output)["type"] == "FeatureCollection"


@pytest.mark.parametrize(
    "options",
    [
        ["--country", "SG"],
        ["--country", "Hoa Kỳ", "--counterpart", "Australia"],
        ["--country", "VN", "--kind", "meeting"],
        ["--since", "2024", "--until", "2024-12"],
        ["--collection", "curated", "--until", "2024"],
    ],
)
def test_export_takes_the_engagements_that_timeline_list_chooses_with_the_same_options(
    recorded: Path, backend: Backend, options: list[str]
) -> None:
    listed = run("list", *options, "--collection", "all", "--json", "--archive", str(recorded))
    assert listed.exit_code == 0, listed.output
    chosen = [row["engagement"] for row in json.loads(listed.output)]
    result = run("export", "plover", *options, "--archive", str(recorded))
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.output.splitlines()]
    assert ids == [f"timeline-{slug}" for slug in chosen]
    assert 0 < len(ids) < len(export_records())  # each choice keeps some and leaves some


def test_the_served_archive_offers_the_clean_copy_for_download(
    tmp_path: Path, recorded: Path, backend: Backend
) -> None:
    for client in open_client(recorded / "timeline.db"):
        home = client.get("/").text
        assert 'href="/-/download/timeline.db"' in home
        response = client.get("/-/download/timeline.db")
        assert response.headers["content-type"] == "application/vnd.sqlite3"
        position, head = head_of(recorded / "timeline.db")
        assert f'filename="timeline-{position}.db"' in response.headers["content-disposition"]
        download = tmp_path / "download.db"
        download.write_bytes(response.content)
        again = client.get("/-/download/timeline.db").content
    assert again == response.content
    assert TRACKING_TABLE not in tables(download) and set(TABLES) <= tables(download)
    assert head_of(download) == (position, head)
    checked = run("verify", "--database", str(download), "--expect", head,
                  "--archive", str(recorded))  # fmt: skip
    assert checked.exit_code == 0, checked.output
    assert CACHE.is_dir()


def test_an_empty_archive_has_nothing_to_download_or_publish(
    tmp_path: Path, archive_dir: Path, backend: Backend
) -> None:
    with Archive(archive_dir) as archive:  # a store with no events, and its timeline.db
        build(archive)
    result = run("publish", str(tmp_path / "out.db"), "--archive", str(archive_dir))
    assert result.exit_code == 1
    assert "nothing to publish" in result.output
    assert not (tmp_path / "out.db").exists()
    for client in open_client(archive_dir / "timeline.db"):
        response = client.run(client.ds.client.get("/-/download/timeline.db"))
    assert response.status_code == 404
    assert "nothing is published for download yet" in response.text
