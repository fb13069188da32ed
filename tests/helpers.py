"""What tests share besides fixtures: valid record data to vary, the two backends, a server.

Imported as `from tests.helpers import ...` (tests/ is a package, so test modules of different
folders may share a name)."""

from __future__ import annotations

import asyncio
import copy
import gc
import itertools
import os
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Coroutine, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]

SOURCE = {
    "document": "test-doc",
    "publisher": "Test Wire",
    "url": "https://example.org/news/1",
    "published": "2025-09-06",
    "language": "en",
    "quote": "The dialogue was held on 5 September.",
    "start": 0,
    "end": 37,
}

RECORD: dict[str, Any] = {
    "slug": "vn-us-security-dialogue-2",
    "kind": "dialogue",
    "title": "2nd Vietnam–US Security and Law Enforcement Dialogue",
    "title_vi": "Đối thoại An ninh và Thực thi pháp luật Việt Nam-Mỹ lần thứ hai",
    "summary": "Co-chaired by Lương Tam Quang.",
    "date": {"start": "2025-09-05", "precision": "day", "phrase": "5 September"},
    "place": {"city": "Washington, D.C.", "country": "US"},
    "host": "US",
    "guests": ["VN"],
    "series": "vn-us-security-dialogue",
    "session": 2,
    "part_of": "vn-us-visit-2025",
    "participants": [
        {
            "name": "Lương Tam Quang",
            "variants": ["Luong Tam Quang"],
            "rank": "Senior Lieutenant General",
            "title": "Deputy Minister of Public Security",
            "organisation": "MPS",
            "country": "VN",
            "role": "co_chair",
        },
        {"name": "Chris Landberg", "variants": ["Chris Lanberg"], "country": "US",
         "role": "co_chair"},
    ],
    "organisations": [
        {"name": "Ministry of Public Security", "abbreviation": "MPS", "country": "VN",
         "name_local": "Bộ Công an"},
    ],
    "topics": ["money_laundering", "cybercrime"],
    "sources": [SOURCE],
    "evidence": [
        {"field": "date", "document": "test-doc", "quote": "5 September", "start": 25,
         "end": 36, "inferred": True, "note": "The year comes from the publication date."},
    ],
}  # fmt: skip


def make_record(**changes: Any) -> dict[str, Any]:
    """A valid record, with some fields replaced (a value of None removes the field)."""
    record = copy.deepcopy(RECORD)
    for key, value in changes.items():
        if value is None:
            record.pop(key, None)
        else:
            record[key] = value
    return record


def visit_record(**changes: Any) -> dict[str, Any]:
    base = {
        "slug": "vn-us-visit-2025",
        "kind": "visit",
        "title": "Vietnamese MPS delegation visits the United States",
        "date": "2025-09-04/2025-09-05",
        "place": {"city": "Washington, D.C.", "country": "US"},
        "host": "US",
        "guests": ["VN"],
        "sources": [SOURCE],
    }
    base.update(changes)
    return base


# One test base, two settings: a test that takes `backend` runs on SQLite and on PostgreSQL.
ENV_TEST_POSTGRES = "TIMELINE_TEST_POSTGRES"
SKIP_POSTGRES = (
    f"PostgreSQL tests need ${ENV_TEST_POSTGRES}, e.g. "
    "postgresql://postgres@127.0.0.1:5432/test (a database where tests may create schemas)"
)


@dataclass
class Backend:
    """Where a test's archive keeps its events; `TIMELINE_STORE` is set for the test's duration,
    so `Archive(folder)`, the CLI and worker processes all use it."""

    name: str
    url: str | None = None
    schema: str | None = None

    def stored(self, folder: Path) -> list[tuple[str, int, str, bytes]]:
        """Every stored event (originator id as hex, version, topic, state), in store order."""
        if self.url is None:
            if not (folder / "events.db").exists():
                return []
            with closing(sqlite3.connect(folder / "events.db")) as db:
                return db.execute(
                    "select originator_id, originator_version, topic, state from stored_events "
                    "order by rowid"
                ).fetchall()
        with self.connect() as db:
            if (
                db.execute(
                    "select to_regclass(%s)", [f'"{self.schema}".timeline_events']
                ).fetchone()[0]
                is None
            ):
                return []
            rows = db.execute(
                f'select originator_id, originator_version, topic, state from "{self.schema}".timeline_events '
                "order by notification_id"
            ).fetchall()
        return [(r[0].hex, r[1], r[2], bytes(r[3])) for r in rows]

    def connect(self) -> Any:
        import psycopg

        base = os.environ.get(ENV_TEST_POSTGRES) or ""
        return psycopg.connect(base.split("?")[0], autocommit=True, connect_timeout=5)


@contextmanager
def postgres_schema(monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    """A fresh schema of the $TIMELINE_TEST_POSTGRES database, dropped after the test."""
    base = os.environ.get(ENV_TEST_POSTGRES)
    if not base:
        pytest.skip(SKIP_POSTGRES)
    schema = f"test_{uuid.uuid4().hex[:16]}"
    backend = Backend("postgres", f"{base.split('?')[0]}?schema={schema}", schema)
    try:
        backend.connect().close()
    except Exception as e:  # the variable is set, so a server that does not answer is a failure
        pytest.fail(f"${ENV_TEST_POSTGRES}={base}: cannot connect: {e}")
    monkeypatch.setenv("TIMELINE_STORE", backend.url)
    try:
        yield backend
    finally:
        gc.collect()  # close the connection pools of archives the test left open
        with backend.connect() as db:
            db.execute(f'drop schema if exists "{schema}" cascade')


SERVE_HOST = "127.0.0.1"
SERVE_STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((SERVE_HOST, 0))
        return s.getsockname()[1]


class DatasetteClient:
    """Datasette's async test client on one event loop of its own, so tests stay synchronous."""

    def __init__(
        self,
        db_path: Path,
        metadata: dict[str, Any] | None = None,
        settings: dict[str, Any] | None = None,
    ) -> None:
        self.loop = asyncio.new_event_loop()
        self.ds = self.run(self._start(db_path, metadata, settings))

    async def _start(
        self, db_path: Path, metadata: dict[str, Any] | None, settings: dict[str, Any] | None
    ) -> Any:
        from datasette.app import Datasette

        ds = Datasette([str(db_path)], metadata=metadata, settings=settings)
        await ds.invoke_startup()
        return ds

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        return self.loop.run_until_complete(coroutine)

    def close(self) -> None:
        for db in self.ds.databases.values():
            db.close()
        if self.ds.executor is not None:
            self.ds.executor.shutdown(wait=True)
        self.loop.close()


@contextmanager
def serving(archive: Path, cwd: Path, *command: str) -> Iterator[str]:
    """`timeline serve` (or another serving `command` with its arguments, such as `review DIR`)
    of `archive` on a free port of 127.0.0.1, run from `cwd` with its log in `cwd/serve.log`;
    yields its address once it answers, and stops it whatever the test does."""
    command = command or ("serve",)
    port = free_port()
    log_path = cwd / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_ARCHIVE"}
    env["PYTHONUNBUFFERED"] = "1"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "timeline.cli", *command, "--archive", str(archive),
             "--host", SERVE_HOST, "--port", str(port)],
            cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
        base = f"http://{SERVE_HOST}:{port}"
        try:
            deadline = time.monotonic() + SERVE_STARTUP_SECONDS
            while True:
                if process.poll() is not None:
                    pytest.fail(f"timeline {command[0]} exited: {log_path.read_text()}")
                try:
                    if httpx.get(f"{base}/-/versions.json", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"timeline {command[0]} did not answer within {SERVE_STARTUP_SECONDS} s"
                    )
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


# The review workspace's tests (tests/review): seed article 000 as the article to review.
SEED_ARTICLE = "000_36722caa4ac8dc06"


def copy_seed_article(folder: Path) -> Path:
    """`folder` holding seed article 000: its text and its metadata, as a reviewer's folder."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".txt", ".yaml"):
        shutil.copy(ROOT / "seeds" / "documents" / f"{SEED_ARTICLE}{suffix}", folder)
    return folder


def review_form(values: dict[str, Any]) -> dict[str, Any]:
    """The review page's form fields, as a browser sends them, from `form_values(record)`."""
    form = {k: v for k, v in values.items() if k not in ("participants", "organisations")}
    for prefix, rows in (("p", values["participants"]), ("o", values["organisations"])):
        for i, row in enumerate(rows):
            form.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return form


class Clock:
    """Every event's timestamp from a counter, so that archives written one after another store
    the same bytes: the n-th event made since `restart` gets the n-th tick (a whole second now
    and then, so a timestamp without microseconds is written too)."""

    START = datetime(2026, 1, 1, tzinfo=UTC)

    def __init__(self) -> None:
        self.ticks = itertools.count()

    @classmethod
    def installed(cls, monkeypatch: pytest.MonkeyPatch) -> Clock:
        """A clock that every engagement event takes its timestamp from, for one test."""
        from events import Engagement

        clock = cls()
        monkeypatch.setattr(Engagement.Event, "create_timestamp", staticmethod(clock.now))
        return clock

    def restart(self) -> None:
        self.ticks = itertools.count()

    def now(self) -> datetime:
        tick = next(self.ticks)
        microseconds = 0 if tick % 5 == 0 else tick * 7919
        return self.START + timedelta(seconds=tick, microseconds=microseconds)


def modules_loaded_by(*args: str, cwd: Path | None = None) -> tuple[set[str], str]:
    """The modules `timeline ARGS` has loaded when it ends, and what it printed (sys.modules:
    `python -X importtime` does not list what importlib.import_module loads, as the lazy APIs
    do)."""
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print(*sorted(sys.modules), file=sys.stderr))\n"
        "from timeline.cli import main\n"
        f"sys.argv = ['timeline', *{list(args)!r}]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=cwd
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return set(result.stderr.split()), result.stdout
