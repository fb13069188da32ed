"""Fixtures of the store's tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers import Backend, postgres_schema


@pytest.fixture
def postgres(monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    """PostgreSQL only, for what SQLite has no counterpart of."""
    with postgres_schema(monkeypatch) as backend:
        yield backend
