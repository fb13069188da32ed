"""Fixtures every package's tests share: a valid record, a fresh archive folder, the two backends
(`backend` runs a test on SQLite and on PostgreSQL), and an environment free of the developer's
settings. Helpers that are not fixtures live in tests/helpers.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Backend, make_record, postgres_schema


@pytest.fixture
def record() -> dict[str, Any]:
    return make_record()


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    return tmp_path / "archive"


@pytest.fixture(autouse=True)
def _hermetic_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own store or lock settings never leak into a test."""
    for name in ("TIMELINE_STORE", "TIMELINE_ARCHIVE", "TIMELINE_LOCK_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    if request.param == "sqlite":
        yield Backend("sqlite")
    else:
        with postgres_schema(monkeypatch) as postgres:
            yield postgres
