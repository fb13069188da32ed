"""The shipped registry of offices is written into timeline.db when the file does not hold the
shipped files (a `_tracking` row names them by checksum), not on every build."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from tests.projection.test_counts import engagement
from timeline.projection.build import build
from timeline.projection.offices import REGISTRY_MARK, _shipped_mark
from timeline.store.application import Archive


def test_the_shipped_registry_is_written_again_only_when_its_files_are_not_the_ones_held(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append([engagement("a")])
    build(archive)
    path = archive.projection_path
    db = sqlite_utils.Database(path)
    (holders,) = db.execute("select count(*) from office_holders").fetchone()
    assert db.execute(
        "select position from _tracking where name = ?", [REGISTRY_MARK]
    ).fetchone() == (_shipped_mark(),)
    db.execute("delete from office_holders where rowid = (select min(rowid) from office_holders)")
    db.conn.commit()
    db.close()
    build(archive)  # the mark says the file holds these files: nothing is looked for
    assert (
        sqlite_utils.Database(path).execute("select count(*) from office_holders").fetchone()[0]
        == holders - 1
    )
    db = sqlite_utils.Database(path)
    db.execute("update _tracking set position = 0 where name = ?", [REGISTRY_MARK])
    db.conn.commit()
    db.close()
    build(archive)  # other files: the missing holder is written again, with its person
    db = sqlite_utils.Database(path)
    assert db.execute("select count(*) from office_holders").fetchone() == (holders,)
    missing = db.execute(
        "select count(*) from office_holders where person not in (select id from people)"
    ).fetchone()
    assert missing == (0,)
    db.close()
