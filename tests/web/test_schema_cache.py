"""SchemaCachedDatabase (timeline.web.schema_cache), as the plugin serves every database file:
through Datasette's test client on real SQLite files, against Datasette's own `Database`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from datasette.database import Database
from datasette.utils import actor_matches_allow

from tests.helpers import DatasetteClient
from timeline.web.schema_cache import SPELLING_LOOKUP, SchemaCachedDatabase


def make_file(path: Path) -> Path:
    db = sqlite_utils.Database(path)
    db["places"].insert_all([{"code": "VN", "name": "Viet Nam"}], pk="code")
    db["visits"].insert_all(
        [{"id": i, "place": "VN", "title": f"Visit {i}"} for i in range(3)],
        pk="id",
        foreign_keys=[("place", "places", "code")],
    )
    db["visits"].enable_fts(["title"])
    db.execute("create view recent as select * from visits")
    db.conn.close()
    return path


@pytest.fixture
def client(tmp_path: Path) -> Iterator[DatasetteClient]:
    c = DatasetteClient(make_file(tmp_path / "data.db"))
    yield c
    c.close()


def database_page(client: DatasetteClient) -> dict[str, dict]:
    page = client.run(client.ds.client.get("/data.json"))
    assert page.status_code == 200, page.text
    return {t["name"]: t for t in page.json()["tables"]}


def test_the_plugin_serves_each_database_file_through_the_schema_cache(
    client: DatasetteClient,
) -> None:
    assert isinstance(client.ds.get_database("data"), SchemaCachedDatabase)


def test_a_table_made_after_a_visit_is_on_the_next_visit_with_its_columns_and_rows(
    client: DatasetteClient, tmp_path: Path
) -> None:
    before = database_page(client)
    assert "later" not in before and before["visits"]["count"] == 3
    with sqlite3.connect(tmp_path / "data.db") as conn:
        conn.execute("create table later (id integer primary key, note text)")
        conn.execute("insert into later (note) values ('one'), ('two')")
        conn.execute("insert into visits (place, title) values ('VN', 'Visit 3')")
    after = database_page(client)
    assert after["later"]["columns"] == ["id", "note"] and after["later"]["primary_keys"] == ["id"]
    assert after["later"]["count"] == 2 and after["visits"]["count"] == 4
    table = client.run(client.ds.client.get("/data/later.json?_shape=array"))
    assert [r["note"] for r in table.json()] == ["one", "two"]


def test_a_column_added_after_a_visit_is_on_the_table_page(
    client: DatasetteClient, tmp_path: Path
) -> None:
    assert database_page(client)["places"]["columns"] == ["code", "name"]
    assert "region" not in client.run(client.ds.get_database("data").get_table_definition("places"))
    with sqlite3.connect(tmp_path / "data.db") as conn:
        conn.execute("alter table places add column region text")
    assert database_page(client)["places"]["columns"] == ["code", "name", "region"]
    assert "region" in client.run(client.ds.get_database("data").get_table_definition("places"))
    row = client.run(client.ds.client.get("/data/places/VN.json?_shape=objects"))
    assert row.json()["rows"] == [{"code": "VN", "name": "Viet Nam", "region": None}]


def test_every_schema_lookup_answers_as_datasettes_own_database(
    client: DatasetteClient, tmp_path: Path
) -> None:
    cached = client.ds.get_database("data")
    plain = Database(client.ds, path=str(tmp_path / "data.db"), is_mutable=True)
    plain.name = "plain"  # its own connections: Datasette keeps them by database name

    async def answers(db: Database) -> list[object]:
        found: list[object] = [
            sorted(await db.table_names()),
            sorted(await db.view_names()),
            sorted(await db.hidden_table_names()),
            await db.get_all_foreign_keys(),
            await db.table_counts(1000),
        ]
        for table in [*await db.table_names(), "nope"]:
            found += [
                await db.table_exists(table),
                await db.table_columns(table),
                [tuple(c) for c in await db.table_column_details(table)],
                await db.primary_keys(table),
                await db.fts_table(table),
                await db.foreign_keys_for_table(table),
                await db.get_table_definition(table),
                await db.get_view_definition(table),
                await db.label_column_for_table(table),
            ]
        for name in ("VISITS", "Recent", "places", "nope", "visits_fts"):
            found.append([tuple(r) for r in (await db.execute(SPELLING_LOOKUP, (name,))).rows])
        return found

    first = client.run(answers(cached))
    assert first == client.run(answers(plain))
    assert client.run(answers(cached)) == first  # kept, the same
    plain.close()


# A table only root may see (spelled differently from the file, as metadata may), another
# that denies everyone, and one allowed to all: Datasette's `allow` blocks on tables.
ALLOWS = {
    "databases": {
        "data": {
            "tables": {
                "Visits": {"allow": {"id": "root"}},
                "recent": {"allow": False},
                "places": {"allow": True},
            }
        }
    }
}


@pytest.fixture
def guarded(tmp_path: Path) -> Iterator[DatasetteClient]:
    c = DatasetteClient(make_file(tmp_path / "data.db"), metadata=ALLOWS)
    yield c
    c.close()


def test_a_tables_allow_block_is_checked_on_every_visit_as_datasette_checks_it(
    guarded: DatasetteClient,
) -> None:
    for _ in range(2):  # the second visit answers from what the first kept
        anonymous = guarded.run(guarded.ds.client.get("/data.json")).json()
        assert {t["name"] for t in anonymous["tables"]} >= {"places"}
        assert "visits" not in {t["name"] for t in anonymous["tables"]}
        assert "recent" not in {v["name"] for v in anonymous["views"]}
        assert guarded.run(guarded.ds.client.get("/data/visits")).status_code == 403
        assert guarded.run(guarded.ds.client.get("/data/places")).status_code == 200
        root = {"ds_actor": guarded.ds.sign({"a": {"id": "root"}}, "actor")}
        response = guarded.run(guarded.ds.client.get("/data/visits", cookies=root))
        assert response.status_code == 200


def test_every_tables_check_answers_as_datasettes_own(guarded: DatasetteClient) -> None:
    from timeline.web.reopen import reopener

    kept = reopener(guarded.ds).table_allows
    for actor in (None, {"id": "root"}, {"id": "someone"}):
        for table in ("visits", "Visits", "recent", "places", "visits_fts", "nowhere"):
            own = guarded.ds._table_permission_allows("data", table)
            assert kept.allows("data", table) == own
            for _ in range(2):
                answer = guarded.run(
                    guarded.ds.permission_allowed(actor, "view-table", ("data", table))
                )
                expected = None if not own else all(actor_matches_allow(actor, a) for a in own)
                assert answer == (False if expected is None else expected)


def test_datasettes_own_answer_is_worked_out_once_per_table(
    guarded: DatasetteClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []
    own = guarded.ds._table_permission_allows

    def counted(database: str, table: str) -> list:
        asked.append((database, table))
        return own(database, table)

    monkeypatch.setattr(guarded.ds, "_table_permission_allows", counted)
    for _ in range(3):
        assert guarded.run(guarded.ds.client.get("/data")).status_code == 200
        assert guarded.run(guarded.ds.client.get("/data/places")).status_code == 200
    assert asked and len(asked) == len(set(asked))


@pytest.fixture
def spied_counts(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The tables each count of the rows asks for; `visits` answered as past the time limit
    (None), as a big table's count is."""
    from timeline.web import schema_cache

    asked: list[list[str]] = []
    count_rows = schema_cache._count_rows

    def counting(conn: sqlite3.Connection, names: list[str], limit_ms: int) -> dict:
        asked.append(list(names))
        counts = count_rows(conn, names, limit_ms)
        return counts | ({"visits": None} if "visits" in counts else {})

    monkeypatch.setattr(schema_cache, "_count_rows", counting)
    return asked


def test_the_home_and_database_pages_count_the_rows_once_until_the_file_is_written(
    client: DatasetteClient, spied_counts: list[list[str]]
) -> None:
    for _ in range(2):
        database_page(client)
        assert client.run(client.ds.client.get("/.json")).status_code == 200
    assert len(spied_counts) == 2  # once with each page's time limit


def test_a_table_past_its_counts_limit_is_not_counted_again_after_a_write_for_a_while(
    client: DatasetteClient,
    tmp_path: Path,
    spied_counts: list[list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from timeline.web import schema_cache

    assert database_page(client)["visits"]["count"] is None and "visits" in spied_counts[-1]
    with sqlite3.connect(tmp_path / "data.db") as conn:
        conn.execute("insert into places (code, name) values ('LA', 'Laos')")
    after = database_page(client)
    assert after["places"]["count"] == 2 and after["visits"]["count"] is None
    assert "visits" not in spied_counts[-1] and "places" in spied_counts[-1]
    monkeypatch.setattr(schema_cache, "PAST_LIMIT_KEPT", 0.0)  # the while has passed
    with sqlite3.connect(tmp_path / "data.db") as conn:
        conn.execute("insert into places (code, name) values ('KH', 'Cambodia')")
    assert database_page(client)["places"]["count"] == 3 and "visits" in spied_counts[-1]


def test_a_table_past_its_counts_limit_is_counted_again_when_the_schema_changes(
    client: DatasetteClient, tmp_path: Path, spied_counts: list[list[str]]
) -> None:
    database_page(client)
    with sqlite3.connect(tmp_path / "data.db") as conn:
        conn.execute("create table later (id integer primary key)")
    assert "later" in database_page(client) and "visits" in spied_counts[-1]
