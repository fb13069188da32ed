"""`timeline serve` as a real server: records appended and rebuilds made by other processes show
up without a restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from events import EngagementFacts
from tests.helpers import ROOT, serving
from timeline.projection.build import build
from timeline.store.application import Archive

SOURCE = {
    "document": "wire-2",
    "publisher": "Test Wire",
    "url": "https://example.org/news/2",
    "published": "2025-09-06",
    "language": "vi",
    "quote": "Đối thoại An ninh và Thực thi pháp luật",
    "start": 0,
    "end": 39,
}


def record(slug: str, title: str, date: str, host: str = "US") -> dict[str, Any]:
    return {
        "slug": slug,
        "kind": "dialogue",
        "title": title,
        "title_vi": "Đối thoại An ninh và Thực thi pháp luật",
        "date": date,
        "host": host,
        "guests": ["VN"],
        "participants": [
            {"name": "Lương Tam Quang", "variants": ["Luong Tam Quang"], "role": "co_chair"}
        ],
        "sources": [SOURCE],
    }


def timeline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI in its own process, as a user in another terminal would."""
    result = subprocess.run(
        [sys.executable, "-m", "timeline.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_ARCHIVE"}
    env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    archive = Archive(folder)
    archive.append([EngagementFacts.model_validate(record("first", "First dialogue", "2024-07"))])
    build(archive)
    return folder


@pytest.fixture
def server(archive_dir: Path, tmp_path: Path) -> Iterator[httpx.Client]:
    """`timeline serve` on a free port of 127.0.0.1, run from a folder without a metadata file,
    so it finds the package's own; stopped whatever the test does."""
    with serving(archive_dir, tmp_path) as base, httpx.Client(base_url=base, timeout=10) as client:
        yield client


def engagement_slugs(client: httpx.Client) -> set[str]:
    response = client.get("/timeline/engagements.json", params={"_shape": "array"})
    assert response.status_code == 200, response.text
    return {row["slug"] for row in response.json()}


def write_record(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False))
    return path


def test_serve_shows_appends_and_rebuilds_without_restart(
    server: httpx.Client, archive_dir: Path, tmp_path: Path
) -> None:
    assert engagement_slugs(server) == {"first"}
    # The metadata and the plugin are loaded.
    metadata = server.get("/-/metadata.json").json()
    assert metadata["title"] == json.loads((ROOT / "datasette_metadata.json").read_text())["title"]
    folded = server.get(
        "/timeline.json", params={"sql": "select fold('Đối thoại') as f", "_shape": "array"}
    )
    assert folded.json() == [{"f": "doi thoai"}]

    # Appended from another process, projected in place: shown at once.
    second = write_record(
        tmp_path / "second.json", record("second", "Second dialogue", "2025-09-05")
    )
    timeline("append", str(second), "--archive", str(archive_dir), cwd=tmp_path)
    assert engagement_slugs(server) == {"first", "second"}
    rows = server.get(
        "/timeline/person_engagements.json",
        params={"person": "luong tam quang", "_shape": "array"},
    ).json()
    assert [r["engagement"] for r in rows] == ["first", "second"]

    # Appended without a build, then rebuilt: the file is replaced, and the server reopens it.
    db = archive_dir / "timeline.db"
    inode = db.stat().st_ino
    third = write_record(tmp_path / "third.json", record("third", "Third dialogue", "2026-03"))
    timeline("append", str(third), "--no-build", "--archive", str(archive_dir), cwd=tmp_path)
    timeline("build", "--rebuild", "--archive", str(archive_dir), cwd=tmp_path)
    assert db.stat().st_ino != inode
    assert engagement_slugs(server) == {"first", "second", "third"}
    search = server.get(
        "/timeline/engagements.json", params={"_search": "doi thoai", "_shape": "array"}
    )
    assert {r["slug"] for r in search.json()} == {"first", "second", "third"}
