"""Tamper evidence: the hash chain, the append-only store, and `timeline verify`.

The store tests run against SQLite and, when TIMELINE_TEST_POSTGRES is set, PostgreSQL (each
test in a fresh schema, dropped after). Tampering is done as an intruder would: with raw SQL on
the store's files or tables, behind the archive's back."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sqlite3
import struct
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import orjson
import pytest
import yaml
from click.testing import CliRunner, Result
from datasette.app import Datasette
from eventsourcing.persistence import IntegrityError

from events import Engagement, EngagementFacts, engagement_id
from tests.helpers import ROOT, make_record, visit_record
from timeline import Archive, build, build_as_of, parse_as_of
from timeline.cli import cli
from timeline.integrity import verify
from timeline.projection.schema import TABLES
from timeline.store.chain import extend

PG_URL = os.environ.get("TIMELINE_TEST_POSTGRES")


def records(n: int, prefix: str = "visit") -> list[dict]:
    """n valid engagements with distinct slugs."""
    return [
        visit_record(slug=f"{prefix}-{i:04d}", title=f"Delegation visit {prefix} {i}")
        for i in range(n)
    ]


def facts(rows: list[dict]) -> list[EngagementFacts]:
    return [EngagementFacts.model_validate(r) for r in rows]


class Store:
    """An archive's store, reached through the archive and behind its back with raw SQL."""

    name: str
    events: str
    chain: str
    id_column: str

    def archive(self, folder: Path, **env: str) -> Archive:
        raise NotImplementedError

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        raise NotImplementedError

    def unguard(self) -> None:
        """Drop the store's refusal of UPDATE and DELETE, as an intruder with the files would."""
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        return {}


class SQLiteStore(Store):
    name, events, chain, id_column = "sqlite", "stored_events", "stored_events_chain", "rowid"

    def __init__(self, folder: Path):
        self.folder = folder

    def archive(self, folder: Path, **env: str) -> Archive:
        return Archive(folder, env=env)

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        with sqlite3.connect(self.folder / "events.db") as db:
            return db.execute(sql, params).fetchall()

    def unguard(self) -> None:
        for table in (self.events, self.chain):
            for op in ("update", "delete"):
                self.execute(f"drop trigger {table}_refuse_{op}")


class PostgresStore(Store):
    name, id_column = "postgres", "notification_id"

    def __init__(self, url: str):
        import psycopg

        self.psycopg = psycopg
        parsed = urlparse(url)
        self.settings = {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": parsed.path.lstrip("/"),
            "POSTGRES_HOST": parsed.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(parsed.port or 5432),
            "POSTGRES_USER": parsed.username or "postgres",
            "POSTGRES_PASSWORD": parsed.password or "",
            "POSTGRES_SCHEMA": f"verify_{uuid.uuid4().hex[:12]}",
        }
        self.url = url
        self.schema = self.settings["POSTGRES_SCHEMA"]
        self.events = f"{self.schema}.timeline_events"
        self.chain = f"{self.schema}.timeline_events_chain"
        self.execute(f"create schema {self.schema}")

    def archive(self, folder: Path, **env: str) -> Archive:
        return Archive(folder, env={**self.settings, **env})

    def env(self) -> dict[str, str]:
        return self.settings

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self.psycopg.connect(self.url, autocommit=True) as conn:
            cur = conn.execute(sql.replace("?", "%s"), params)
            return cur.fetchall() if cur.description else []

    def unguard(self) -> None:
        for table in (self.events, self.chain):
            self.execute(f"alter table {table} disable trigger user")

    def drop(self) -> None:
        self.execute(f"drop schema {self.schema} cascade")


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, archive_dir: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        yield SQLiteStore(archive_dir)
        return
    if not PG_URL:
        pytest.skip(
            "PostgreSQL tests need TIMELINE_TEST_POSTGRES (e.g. postgresql://postgres@127.0.0.1:5432/test)"
        )
    pg = PostgresStore(PG_URL)
    try:
        yield pg
    finally:
        pg.drop()


@pytest.fixture
def filled(store: Store, archive_dir: Path) -> Archive:
    """Twelve engagements in three batches, one of them corrected, and timeline.db built."""
    archive = store.archive(archive_dir)
    rows = records(12)
    for i in range(0, 12, 4):
        archive.append(facts(rows[i : i + 4]))
    archive.correct("visit-0005", {"title": "Delegation visit, corrected"}, reason="typo")
    build(archive)
    return archive


def state_of(store: Store, notification: int) -> dict[str, Any]:
    (row,) = store.execute(
        f"select state from {store.events} where {store.id_column} = ?", (notification,)
    )
    return orjson.loads(bytes(row[0]))


def set_state(store: Store, notification: int, state: dict[str, Any]) -> None:
    store.execute(f"update {store.events} set state = ? where {store.id_column} = ?",
                  (orjson.dumps(state), notification))  # fmt: skip


# The chain


def test_each_event_is_chained_to_the_one_before_by_the_documented_hash(filled: Archive) -> None:
    """sha256(previous hash ‖ id ‖ version ‖ len+originator ‖ len+topic ‖ len+state), from 32 zero bytes."""
    notifications = filled.recorder.select_notifications(start=1, limit=100)
    links = filled.recorder.select_links(0, 100)
    assert [link.notification_id for link in links] == [n.id for n in notifications]
    assert len(links) == 13
    previous = bytes(32)
    for n, link in zip(notifications, links, strict=True):
        parts = [n.originator_id.hex.encode(), n.topic.encode(), bytes(n.state)]
        data = previous + struct.pack(">QQ", n.id, n.originator_version)
        data += b"".join(struct.pack(">Q", len(p)) + p for p in parts)
        previous = hashlib.sha256(data).digest()
        assert link.hash == previous.hex()
        assert (link.originator_id, link.originator_version) == (
            n.originator_id.hex,
            n.originator_version,
        )
    assert filled.recorder.chain_head().hash == previous.hex()


def test_a_batch_that_fails_writes_neither_events_nor_links(filled: Archive) -> None:
    links = filled.recorder.select_links(0, 1000)
    fresh = Engagement.record(facts(records(1, "fresh"))[0])
    events = [filled.mapper.to_stored_event(e) for e in fresh.collect_events()]
    # An event already stored, as a writer that lost a race would send it again.
    (stored,) = filled.recorder.select_events(engagement_id("visit-0003"), lte=1)
    with pytest.raises(IntegrityError):
        filled.recorder.insert_events([*events, stored])
    assert filled.recorder.select_links(0, 1000) == links
    assert filled.find("fresh-0000") is None
    assert verify(filled).ok


@pytest.mark.parametrize("statement", [
    "update {events} set topic = 'x'",
    "delete from {events}",
    "update {chain} set hash = 'x'",
    "delete from {chain}",
])  # fmt: skip
def test_the_store_refuses_to_change_or_remove_events_and_links(
    filled: Archive, store: Store, statement: str
) -> None:
    before = store.execute(f"select * from {store.events} order by {store.id_column}")
    with pytest.raises(Exception, match="append-only"):
        store.execute(statement.format(events=store.events, chain=store.chain))
    assert store.execute(f"select * from {store.events} order by {store.id_column}") == before
    assert verify(filled).ok


def test_postgres_refuses_truncate(filled: Archive, store: Store) -> None:
    if store.name != "postgres":
        pytest.skip("SQLite has no TRUNCATE")
    for table in (store.events, store.chain):
        with pytest.raises(Exception, match="append-only"):
            store.execute(f"truncate {table}")


# Tampering, named by verify


def test_an_edited_event_is_named(filled: Archive, store: Store) -> None:
    store.unguard()
    state = state_of(store, 7)
    state["facts"]["title"] = "A visit that never happened"
    set_state(store, 7, state)
    report = verify(filled)
    assert report.problems[0] == (
        f"event visit-0006 ({filled.recorder.select_links(6, 1)[0].originator_id}) version 1 "
        "(notification 7) does not match its hash in the chain: the event was changed, or the "
        "event before it was removed"
    )
    assert len([p for p in report.problems if p.startswith("event ")]) == 1
    # timeline.db still shows what was published, which a rebuild from the edited store would not
    assert any(
        "engagements row slug=visit-0006 differs" in p and "title" in p for p in report.problems
    )


def test_a_removed_event_is_named(filled: Archive, store: Store) -> None:
    store.unguard()
    store.execute(f"delete from {store.events} where {store.id_column} = ?", (13,))
    report = verify(filled)
    assert report.problems[0].startswith("event visit-0005 (")
    assert report.problems[0].endswith(
        "version 2 (notification 13) is missing from the store: it was removed"
    )


def test_a_removed_event_and_its_link_are_found_at_the_next_link(
    filled: Archive, store: Store
) -> None:
    store.unguard()
    for table in (store.events, store.chain):
        column = store.id_column if table == store.events else "notification_id"
        store.execute(f"delete from {table} where {column} = ?", (3,))
    report = verify(filled)
    assert report.problems[0].startswith("event visit-0003 (")
    assert "(notification 4) does not match its hash in the chain" in report.problems[0]


def test_reordered_events_are_named(filled: Archive, store: Store) -> None:
    store.unguard()
    first, second = state_of(store, 2), state_of(store, 3)
    ids = dict(store.execute(f"select {store.id_column}, originator_id from {store.events} "
                             f"where {store.id_column} in (2, 3)"))  # fmt: skip
    # Swap the two rows' content and originators: the same events, in another order.
    update = f"update {store.events} set originator_id = ?, state = ? where {store.id_column} = ?"
    store.execute(update, (str(uuid.uuid4()), orjson.dumps(second), 2))
    store.execute(update, (ids[2], orjson.dumps(first), 3))
    store.execute(update, (ids[3], orjson.dumps(second), 2))
    problems = verify(filled).problems
    assert (
        problems[0].startswith("event visit-0002 (")
        and "(notification 2) is where the chain has" in problems[0]
    )
    assert (
        problems[1].startswith("event visit-0001 (")
        and "(notification 3) is where the chain has" in problems[1]
    )


def test_an_event_added_behind_the_archives_back_is_named(filled: Archive, store: Store) -> None:
    store.unguard()
    (row,) = store.execute(
        f"select originator_id, topic, state from {store.events} where {store.id_column} = 1"
    )
    store.execute(f"insert into {store.events} (originator_id, originator_version, topic, state) "
                  "values (?, 9, ?, ?)", (row[0], row[1], row[2]))  # fmt: skip
    report = verify(filled, projection=False)
    (problem,) = report.problems
    assert problem.startswith("event visit-0000 (")
    assert problem.endswith(
        "version 9 (notification 14) has no link in the chain: it was added to the store behind "
        "the archive's back, or its link was removed"
    )


def test_an_event_that_no_longer_loads_is_named_and_the_projection_not_compared(
    filled: Archive, store: Store
) -> None:
    store.unguard()
    store.execute(f"update {store.events} set state = ? where {store.id_column} = 5", (b"garbage",))
    problems = verify(filled).problems
    assert problems[0].startswith("event visit-0004 (")
    assert "(notification 5) does not match its hash in the chain" in problems[0]
    assert problems[1].startswith(
        f"{filled.projection_path}: cannot be compared with the store, whose events do not project ("
    )
    assert len(problems) == 2


def test_a_rewritten_chain_passes_inside_but_not_against_the_published_head(
    filled: Archive, store: Store, archive_dir: Path
) -> None:
    published = verify(filled).head
    store.unguard()
    state = state_of(store, 4)
    state["facts"]["title"] = "Rewritten"
    set_state(store, 4, state)
    # The intruder recomputes every link after the edited event.
    notifications = filled.recorder.select_notifications(start=1, limit=100)
    links = extend(None, [(n.id, n) for n in notifications])
    for link in links:
        store.execute(
            f"update {store.chain} set hash = ? where notification_id = ?",
            (link.hash, link.notification_id),
        )
    # And the identity table, from the edited events (which the archive does when it is empty).
    store.execute(f"delete from {store.events}_identity")
    filled.recorder.fill_identities(filled.identity_rows)
    build(filled, rebuild=True)
    report = verify(filled)
    assert report.ok and report.head != published
    result = run("verify", "--expect", published, "--archive", str(archive_dir), env=store.env())
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"Error: head {report.head} is not the expected {published}: "
        "this is not the archive that was published with that head"
    )


# The projection against the store


def test_edited_and_removed_projection_rows_are_named(filled: Archive) -> None:
    with sqlite3.connect(filled.projection_path) as db:
        db.execute("update engagements set title = 'Edited' where slug = 'visit-0003'")
        db.execute("delete from sources where engagement = 'visit-0004'")
        db.execute("insert into engagement_topics values ('visit-0001', 'cybercrime')")
    report = verify(filled)
    db_path = filled.projection_path
    assert report.problems == [
        f"{db_path}: engagements row slug=visit-0003 differs from a rebuild from the store in title",
        f"{db_path}: engagement_topics row engagement=visit-0001, topic=cybercrime is not in a rebuild from the store (added)",
        f"{db_path}: sources row engagement=visit-0004, position=0 is missing (a rebuild from the store has it)",
    ]


def test_a_projection_behind_the_store_is_reported(filled: Archive) -> None:
    filled.append(facts(records(2, "late")))
    report = verify(filled)
    assert report.problems == [
        f"{filled.projection_path}: has events up to notification 13 of 15: run `timeline build`"
    ]
    build(filled)
    assert verify(filled).ok


def test_a_projection_ahead_of_the_store_is_reported(filled: Archive, store: Store) -> None:
    store.unguard()
    store.execute(f"delete from {store.events} where {store.id_column} = 13")
    store.execute(f"delete from {store.chain} where notification_id = 13")
    report = verify(filled)
    assert report.problems[0] == (
        f"{filled.projection_path}: has events up to notification 13, beyond the store's last (12): "
        "events were removed from the store, or timeline.db is of another archive"
    )


def test_verify_passes_after_a_correction_of_a_persons_variants(archive_dir: Path) -> None:
    """A person's variants are those the engagements naming them give now, wherever batches end
    (a variant corrected away leaves `persons`; `revisions` keeps it)."""
    archive = Archive(archive_dir)
    archive.append(facts([visit_record(), make_record()]))
    build(archive)
    participants = make_record()["participants"]
    participants[0] = {**participants[0], "variants": ["Luong T. Quang"]}
    archive.correct("vn-us-security-dialogue-2", {"participants": participants}, reason="spelling")
    build(archive)
    assert verify(archive).problems == []
    with sqlite3.connect(archive.projection_path) as db:
        row = db.execute("select variants from persons where id = 'luong-tam-quang'").fetchone()
    assert row == ('["Luong T. Quang"]',)


@pytest.mark.parametrize("batch_size", [1, 2, 3, 1000])
def test_a_build_does_not_depend_on_where_batches_end(archive_dir: Path, batch_size: int) -> None:
    """Built step by step or at once, in batches of any size: the same tables."""
    archive = Archive(archive_dir)
    archive.append(facts([visit_record(), make_record(), *records(3)]))
    build(archive)
    participants = make_record()["participants"]
    variants = {**participants[0], "variants": ["Luong T. Quang"]}
    steps = [
        ("vn-us-security-dialogue-2", {"participants": [variants, participants[1]]}),
        ("visit-0001", {"title": "Renamed"}),
        ("vn-us-security-dialogue-2", {"participants": participants[1:]}),
        ("visit-0001", {"participants": [{**variants, "organisation": None}]}),
        ("vn-us-security-dialogue-2", {"participants": participants}),
    ]
    for slug, changes in steps:
        archive.correct(slug, changes, reason="step")
        build(archive)
    archive.retract("visit-0001", "duplicate", merged_into="visit-0002")
    archive.retract("visit-0002", "duplicate", merged_into="vn-us-visit-2025")
    build(archive)
    assert verify(archive).ok
    build(archive, rebuild=True, batch_size=batch_size)
    assert verify(archive).ok


# Real writers at once


WRITER = textwrap.dedent("""
    import sys
    from events import EngagementFacts
    from timeline import Archive
    sys.path.insert(0, {root!r})
    from tests.helpers import visit_record
    archive = Archive({folder!r}, env={env!r})
    for batch in range({batches}):
        archive.append([EngagementFacts.model_validate(visit_record(
            slug=f"w{writer}-{{batch}}-{{i}}", title=f"t{writer} {{batch}} {{i}}")) for i in range({size})])
""")


def test_concurrent_writers_chain_one_after_another(store: Store, archive_dir: Path) -> None:
    store.archive(archive_dir)  # create the tables once, as the first `timeline append` does
    writers, batches, size = 4, 5, 10
    root = str(ROOT)
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER.format(
            root=root, folder=str(archive_dir), env=store.env(), writer=w, batches=batches, size=size)])
        for w in range(writers)
    ]  # fmt: skip
    assert [p.wait(timeout=120) for p in procs] == [0] * writers
    archive = store.archive(archive_dir)
    build(archive)
    report = verify(archive)
    assert report.ok, report.problems
    assert (report.events, report.engagements) == (writers * batches * size,) * 2
    assert len(archive.recorder.select_links(0, 1000)) == writers * batches * size


# The command line and what readers see


def run(*args: str, env: dict | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def seeded(tmp_path: Path, archive_dir: Path) -> Path:
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump_all([visit_record(), make_record()]), encoding="utf-8")
    assert run("append", str(path), "--archive", str(archive_dir)).exit_code == 0
    return archive_dir


def head_of(folder: Path) -> str:
    archive = Archive(folder)
    return archive.recorder.chain_head().hash


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_verify_prints_counts_and_the_head(seeded: Path) -> None:
    head = head_of(seeded)
    before = files(seeded)
    result = run("verify", "--archive", str(seeded))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "store:       2 events of 2 engagements",
        f"head:        {head} (notification 2)",
        f"timeline.db: at notification 2, {len(TABLES)} tables compared with a rebuild from the store",
        "verified",
    ]
    ok = run("verify", "--expect", head.upper(), "--archive", str(seeded))
    assert ok.exit_code == 0 and ok.output.endswith("verified: the head is the one expected\n")
    assert files(seeded) == before


@pytest.mark.parametrize(("expect", "message"), [
    ("0" * 64, "Error: head {head} is not the expected {expect}: this is not the archive that was published with that head"),
    ("abc", "Error: --expect 'abc': not a head hash (64 hexadecimal digits)"),
    ("g" * 64, "Error: --expect '{expect}': not a head hash (64 hexadecimal digits)"),
])  # fmt: skip
def test_verify_expect_fails_with_one_line(seeded: Path, expect: str, message: str) -> None:
    head = head_of(seeded)
    before = files(seeded)
    result = run("verify", "--expect", expect, "--archive", str(seeded))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == message.format(head=head, expect=expect)
    assert "Traceback" not in result.output
    assert files(seeded) == before


def test_verify_names_an_edited_event_and_exits_1(seeded: Path) -> None:
    with sqlite3.connect(seeded / "events.db") as db:
        db.execute("drop trigger stored_events_refuse_update")
        (state,) = db.execute("select state from stored_events where rowid = 2").fetchone()
        edited = orjson.loads(state)
        edited["facts"]["session"] = 3
        db.execute("update stored_events set state = ? where rowid = 2", [orjson.dumps(edited)])
    result = run("verify", "--archive", str(seeded))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1].startswith("Error: verify: ")
    assert lines[-1].endswith(f" problems in {seeded} (listed above)")
    assert lines[3].startswith("PROBLEM event vn-us-security-dialogue-2 (")
    assert lines[3].endswith("version 1 (notification 2) does not match its hash in the chain: "
                             "the event was changed, or the event before it was removed")  # fmt: skip
    assert (
        "engagements row slug=vn-us-security-dialogue-2 differs from a rebuild from the store in session"
        in result.output
    )


def test_a_projection_built_before_the_head_was_published_gets_it_at_the_next_build(
    seeded: Path,
) -> None:
    with sqlite3.connect(seeded / "timeline.db") as db:
        db.execute("drop table archive_head")
    result = run("verify", "--archive", str(seeded))
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == [
        f"PROBLEM {seeded / 'timeline.db'}: table archive_head is missing",
        f"Error: verify: 1 problem in {seeded} (listed above)",
    ]
    assert run("build", "--archive", str(seeded)).exit_code == 0
    with sqlite3.connect(seeded / "timeline.db") as db:
        assert db.execute("select position, head from archive_head").fetchall() == [
            (2, head_of(seeded))
        ]
    assert run("verify", "--archive", str(seeded)).exit_code == 0


def test_a_timeline_db_that_is_not_a_database_is_a_problem_not_a_traceback(seeded: Path) -> None:
    (seeded / "timeline.db").write_bytes(b"not a database at all" * 100)
    result = run("verify", "--archive", str(seeded))
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == [
        f"PROBLEM {seeded / 'timeline.db'}: cannot be read as a projection (file is not a database)",
        f"Error: verify: 1 problem in {seeded} (listed above)",
    ]


def test_an_as_of_file_publishes_a_head_only_when_it_leaves_nothing_out(
    filled: Archive, tmp_path: Path
) -> None:
    (first,) = filled.recorder.select_notifications(start=1, limit=1)
    recorded = filled.mapper.to_domain_event(first).timestamp
    build_as_of(filled, recorded, tmp_path / "then.db")
    build_as_of(filled, parse_as_of("9999-12-31"), tmp_path / "now.db")
    heads = {}
    for name in ("then", "now"):
        with sqlite3.connect(tmp_path / f"{name}.db") as db:
            heads[name] = db.execute("select position, head from archive_head").fetchall()
    assert heads == {"then": [], "now": [(13, filled.recorder.chain_head().hash)]}


def test_verify_of_a_missing_archive_is_one_line(tmp_path: Path) -> None:
    result = run("verify", "--archive", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'none'}: no archive here")
    assert not (tmp_path / "none").exists()


def test_the_head_is_published_in_datasette(seeded: Path) -> None:
    head = head_of(seeded)
    metadata = json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))

    async def pages() -> tuple[Any, Any]:
        ds = Datasette([str(seeded / "timeline.db")], metadata=metadata)
        await ds.invoke_startup()
        try:
            rows = await ds.client.get("/timeline/archive_head.json?_shape=array")
            page = await ds.client.get("/timeline/archive_head")
            return rows, page
        finally:
            for db in ds.databases.values():
                db.close()

    rows, page = asyncio.run(pages())
    assert rows.json() == [{"name": "timeline", "position": 2, "head": head}]
    assert page.status_code == 200
    assert head in page.text and "timeline verify --expect" in page.text


def test_a_store_of_the_previous_code_is_chained_when_opened(
    store: Store, archive_dir: Path
) -> None:
    """A store written without a chain (the previous recorder) gets one, once, on open."""
    plain = {
        "sqlite": "eventsourcing.sqlite:SQLiteApplicationRecorder",
        "postgres": "eventsourcing.postgres:PostgresApplicationRecorder",
    }[store.name]
    old = store.archive(archive_dir, APPLICATION_RECORDER_TOPIC=plain)
    old.append(facts(records(5)))
    old.close()
    with pytest.raises(Exception, match=r"(stored|timeline)_events_chain"):
        store.execute(f"select * from {store.chain}")
    rows = store.execute(f"select {store.id_column}, originator_id, originator_version, topic, state "
                         f"from {store.events} order by {store.id_column}")  # fmt: skip
    archive = store.archive(archive_dir)
    expected = extend(None, [(r[0], _Stored(*r[1:])) for r in rows])
    assert archive.recorder.select_links(0, 100) == expected
    archive.append(facts(records(2, "new")))
    build(archive)
    report = verify(archive)
    assert report.ok and report.events == 7
    again = store.archive(archive_dir)  # opening again chains nothing twice
    assert len(again.recorder.select_links(0, 100)) == 7
    with pytest.raises(Exception, match="append-only"):
        store.execute(f"delete from {store.events}")


class _Stored:
    def __init__(self, originator_id: str, originator_version: int, topic: str, state: bytes):
        self.originator_id, self.originator_version = originator_id, originator_version
        self.topic, self.state = topic, state
