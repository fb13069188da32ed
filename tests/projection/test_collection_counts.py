"""How many engagements each collection holds (`collections.engagements`) is kept by triggers
(timeline.projection.collection_counts), not counted again after every append: it equals the
rows' count after appends, corrections and retractions, and a file built before the triggers
gets them, and the right counts, on its next build."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from tests.projection.test_counts import engagement
from timeline.projection.build import build
from timeline.projection.collection_counts import COUNT_TRIGGERS
from timeline.store.application import Archive

COUNTED = "select collection, count(*) from engagements where collection is not null group by 1"


def kept_and_counted(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    db = sqlite_utils.Database(path)
    try:
        kept = dict(db.execute("select name, engagements from collections").fetchall())
        return kept, dict(db.execute(COUNTED).fetchall())
    finally:
        db.close()


def assert_counts_hold(path: Path) -> None:
    kept, counted = kept_and_counted(path)
    # Every collection has a row; those no engagement is in count 0.
    assert {name: n for name, n in kept.items() if n} == counted
    assert set(counted) <= set(kept)


def test_collection_counts_follow_appends_corrections_and_retractions(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append([engagement("a"), engagement("b", host="AU", guests=["VN"])])
    build(archive)
    assert_counts_hold(archive.projection_path)
    archive.append([engagement("c", date="2023")], collection="historyatstate-visits")
    archive.append([engagement("d", date="2022")], collection="historyatstate-visits")
    archive.correct("a", {"date": "2022-01-02"}, "The source says 2022")
    build(archive)
    assert kept_and_counted(archive.projection_path)[0]["historyatstate-visits"] == 2
    assert_counts_hold(archive.projection_path)
    archive.retract("c", reason="Not a security engagement")
    archive.retract("a", reason="Recorded twice", merged_into="b")
    build(archive)
    kept, _ = kept_and_counted(archive.projection_path)
    assert kept["historyatstate-visits"] == 1 and kept["curated"] == 1
    assert_counts_hold(archive.projection_path)
    build(archive, rebuild=True)
    assert kept_and_counted(archive.projection_path)[0] == kept


def test_a_file_built_before_the_triggers_gets_them_and_its_counts(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append([engagement("a"), engagement("b")])
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)
    for name in COUNT_TRIGGERS:
        db.execute(f"drop trigger {name}")
    db.execute("update collections set engagements = 0")
    db.conn.commit()
    db.close()
    archive.append([engagement("c")])
    build(archive)
    assert kept_and_counted(archive.projection_path)[0]["curated"] == 3
    assert_counts_hold(archive.projection_path)
