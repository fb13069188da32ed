"""Fixtures of the review tests: a folder holding seed article 000 (its text and metadata), an
archive, and a workspace with the article extracted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import copy_seed_article
from timeline.review.articles import extract_new
from timeline.review.workspace import Workspace
from timeline.store.application import Archive


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    return copy_seed_article(tmp_path / "articles")


@pytest.fixture
def archive(archive_dir: Path) -> Archive:
    return Archive(archive_dir)


@pytest.fixture
def workspace(archive: Archive, articles: Path) -> Iterator[Workspace]:
    ws = Workspace(archive.folder)
    extract_new(ws, articles)
    yield ws
    ws.close()
