"""timeline.db's connection (timeline/projection/connection.py) answers as sqlite-utils'
`Database` does, on a real file, whether it answers itself or hands over to sqlite-utils."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from timeline.projection.projector import connect


@pytest.fixture
def path(tmp_path: Path) -> Path:
    made = tmp_path / "t.db"
    with sqlite_utils.Database(made) as db:
        db["people"].insert_all([{"id": "a", "name": "An"}, {"id": "b", "name": "Bình"}], pk="id")
        db.create_view("named", "select name from people")
    return made


def test_a_write_outside_a_transaction_is_committed_at_once_as_sqlite_utils_does(
    path: Path,
) -> None:
    db = connect(path)
    db.execute("insert into people (id, name) values (?, ?)", ["c", "Cúc"])
    assert not db.conn.in_transaction
    with sqlite3.connect(path) as other:
        assert other.execute("select name from people where id = 'c'").fetchone() == ("Cúc",)
    db.close()


def test_a_write_inside_a_transaction_waits_for_its_commit(path: Path) -> None:
    db = connect(path)
    db.execute("BEGIN IMMEDIATE")
    db.execute("delete from people where id = ?", ["a"])
    assert db.conn.in_transaction
    db.execute("ROLLBACK")
    assert [r["id"] for r in db.query("select id from people order by id")] == ["a", "b"]
    db.close()


def test_a_failed_statement_leaves_no_transaction_open(path: Path) -> None:
    db = connect(path)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into people (id, name) values ('a', 'again')")
    assert not db.conn.in_transaction
    db.close()


def test_query_gives_the_rows_sqlite_utils_gives(path: Path) -> None:
    db = connect(path)
    ours = list(db.query("select * from people where id = :id", {"id": "b"}))
    theirs = list(
        sqlite_utils.Database(path).query("select * from people where id = :id", {"id": "b"})
    )
    assert ours == theirs == [{"id": "b", "name": "Bình"}]
    # Repeated column names: sqlite-utils renames them, and answers.
    twice = list(db.query("select id, id from people where id = 'a'"))
    assert twice == [{"id": "a", "id_2": "a"}]
    db.close()


def test_tables_and_views_are_named_and_found_as_sqlite_utils_finds_them(path: Path) -> None:
    db = connect(path)
    theirs = sqlite_utils.Database(path)
    assert db.table_names() == theirs.table_names()
    assert db.view_names() == theirs.view_names() == ["named"]
    for name in ("people", "named", "missing"):
        assert db[name].exists() == theirs[name].exists()
    db.close()


def test_what_it_does_not_answer_is_sqlite_utils_own_on_the_same_connection(path: Path) -> None:
    db = connect(path)
    with db.atomic():
        db["people"].insert({"id": "d", "name": "Dũng"}, pk="id")
    assert db["people"].count == 3
    assert db.database().conn is db.conn
    db.close()
