"""What tests share besides fixtures: valid record data to vary, the two backends, a server.

Imported as `from tests.helpers import ...` (tests/ is a package, so test modules of different
folders may share a name)."""

from __future__ import annotations

import copy
import gc
import os
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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
            with sqlite3.connect(folder / "events.db") as db:
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


@contextmanager
def serving(archive: Path, cwd: Path) -> Iterator[str]:
    """`timeline serve` of `archive` on a free port of 127.0.0.1, run from `cwd` with its log in
    `cwd/serve.log`; yields its address once it answers, and stops it whatever the test does."""
    port = free_port()
    log_path = cwd / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_ARCHIVE"}
    env["PYTHONUNBUFFERED"] = "1"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "timeline.cli", "serve", "--archive", str(archive),
             "--host", SERVE_HOST, "--port", str(port)],
            cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
        base = f"http://{SERVE_HOST}:{port}"
        try:
            deadline = time.monotonic() + SERVE_STARTUP_SECONDS
            while True:
                if process.poll() is not None:
                    pytest.fail(f"timeline serve exited: {log_path.read_text()}")
                try:
                    if httpx.get(f"{base}/-/versions.json", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"timeline serve did not answer within {SERVE_STARTUP_SECONDS} s")
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
