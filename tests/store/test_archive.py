"""The archive's store, on SQLite and PostgreSQL: batches land whole or not at all, re-appends
are harmless, state is JSON."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from events import EngagementFacts, engagement_id
from tests.helpers import Backend, make_record, visit_record
from timeline.errors import ArchiveError, BatchError, ConflictError, NotFoundError
from timeline.store.application import Archive


def facts(record: dict) -> EngagementFacts:
    return EngagementFacts.model_validate(record)


def dialogue(**changes) -> EngagementFacts:
    """The test dialogue, on its own: not part of a visit."""
    return facts(make_record(part_of=None, **changes))


def test_a_batch_is_recorded_and_stored_as_readable_json(
    archive_dir: Path, backend: Backend
) -> None:
    archive = Archive(archive_dir)
    report = archive.append([facts(make_record()), facts(visit_record())])
    assert report.recorded == ["vn-us-security-dialogue-2", "vn-us-visit-2025"]
    rows = backend.stored(archive_dir)
    assert [r[2] for r in rows] == ["events.engagement:Engagement.Recorded"] * 2
    state = json.loads(rows[0][3])
    assert state["facts"]["title"] == make_record()["title"]
    assert state["facts"]["participants"][0]["name"] == "Lương Tam Quang"
    assert set(state) == {
        "timestamp", "originator_topic", "facts", "origin", "collection", "class_version"
    }  # fmt: skip
    assert (state["class_version"], state["origin"], state["collection"]) == (3, None, "curated")
    again = Archive(archive_dir).get("vn-us-security-dialogue-2")
    assert again.facts == facts(make_record())


def test_appending_the_same_records_again_is_harmless(archive_dir: Path, backend: Backend) -> None:
    Archive(archive_dir).append([facts(make_record()), facts(visit_record())])
    report = Archive(archive_dir).append([facts(make_record()), facts(visit_record())])
    assert report.recorded == []
    assert report.unchanged == ["vn-us-security-dialogue-2", "vn-us-visit-2025"]
    assert len(backend.stored(archive_dir)) == 2


def test_the_original_file_is_still_harmless_after_a_correction(
    archive_dir: Path, backend: Backend
) -> None:
    archive = Archive(archive_dir)
    archive.append([dialogue()])
    archive.correct("vn-us-security-dialogue-2", {"session": 3}, reason="test")
    assert archive.append([dialogue()]).unchanged == ["vn-us-security-dialogue-2"]


def test_other_content_under_a_recorded_slug_is_refused_and_nothing_is_written(
    archive_dir: Path,
    backend: Backend,
) -> None:
    archive = Archive(archive_dir)
    archive.append([dialogue()])
    before = backend.stored(archive_dir)
    changed = dialogue(title="Another title", session=3)
    with pytest.raises(ConflictError) as info:
        archive.append([facts(visit_record()), changed])
    message = str(info.value)
    assert (
        "vn-us-security-dialogue-2: already recorded with other content (title, session)" in message
    )
    assert "timeline correct vn-us-security-dialogue-2 --set FIELD=VALUE" in message
    assert backend.stored(archive_dir) == before
    assert archive.find("vn-us-visit-2025") is None


def test_a_batch_that_fails_in_the_store_writes_nothing(
    archive_dir: Path, backend: Backend
) -> None:
    """A writer that records the same slug between our check and our save: one transaction."""
    archive = Archive(archive_dir)
    other = Archive(archive_dir)
    real_check = archive.recorded_ids
    raced: list[bool] = []

    def check_then_race(ids):
        found = real_check(ids)
        if not raced:
            raced.append(True)
            other.append([dialogue()])
        return found

    archive.recorded_ids = check_then_race  # type: ignore[method-assign]
    with pytest.raises(ArchiveError, match="another writer recorded"):
        archive.append([facts(visit_record()), dialogue()])
    assert [r[0] for r in backend.stored(archive_dir)] == [
        archive.get("vn-us-security-dialogue-2").id.hex
    ]


def test_unknown_slug(archive_dir: Path, backend: Backend) -> None:
    archive = Archive(archive_dir)
    with pytest.raises(NotFoundError, match="no-such-thing: no engagement with this slug"):
        archive.get("no-such-thing")


def test_folders_that_are_not_archives_are_refused_untouched(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(ArchiveError, match="not an archive folder \\(it is a file\\)"):
        Archive(a_file)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "thesis.docx").write_text("x")
    with pytest.raises(ArchiveError, match="not an archive folder \\(it holds other files"):
        Archive(busy)
    assert sorted(p.name for p in busy.iterdir()) == ["thesis.docx"]
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "events.db").write_text("not sqlite at all")
    with pytest.raises(ArchiveError, match="not an archive store"):
        Archive(fake)
    with pytest.raises(ArchiveError, match="no archive here"):
        Archive(tmp_path / "missing", must_exist=True)
    assert not (tmp_path / "missing").exists()


def test_history_lists_every_event(archive_dir: Path, backend: Backend) -> None:
    archive = Archive(archive_dir)
    archive.append([dialogue()])
    archive.correct("vn-us-security-dialogue-2", {"title": "Second dialogue"}, reason="shorter")
    names = [type(e).__name__ for e in archive.history("vn-us-security-dialogue-2")]
    assert names == ["Recorded", "Corrected"]


def test_part_of_must_name_a_recorded_engagement_or_one_of_the_batch(
    archive_dir: Path, backend: Backend
) -> None:
    archive = Archive(archive_dir)
    with pytest.raises(BatchError, match="part_of: no engagement 'vn-us-visit-2025' is recorded"):
        archive.append([facts(make_record())])
    assert not backend.stored(archive_dir)
    assert archive.append([facts(make_record()), facts(visit_record())]).recorded
    sibling = facts(
        make_record(slug="vn-us-fbi-meeting", kind="meeting", series=None, session=None)
    )
    assert archive.append([sibling]).recorded == ["vn-us-fbi-meeting"]


def _postgres_settings(url: str, schema: str) -> dict[str, str]:
    from urllib.parse import urlparse

    parsed = urlparse(url)
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": parsed.path.lstrip("/"),
        "POSTGRES_HOST": parsed.hostname or "127.0.0.1",
        "POSTGRES_PORT": str(parsed.port or 5432),
        "POSTGRES_USER": parsed.username or "postgres",
        "POSTGRES_PASSWORD": parsed.password or "",
        "POSTGRES_SCHEMA": schema,
    }


@pytest.mark.parametrize("store", ["sqlite", "postgres"])
def test_one_query_finds_which_of_many_ids_are_recorded(archive_dir: Path, store: str) -> None:
    """The batch existence check of `append`, on both stores: recorded ids, and only those."""
    env: dict[str, str] = {}
    url = os.environ.get("TIMELINE_TEST_POSTGRES")
    if store == "postgres":
        if not url:
            pytest.skip("PostgreSQL tests need TIMELINE_TEST_POSTGRES")
        import psycopg

        schema = f"recorded_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"create schema {schema}")
        env = _postgres_settings(url, schema)
    try:
        archive = Archive(archive_dir, env=env)
        records = [facts(visit_record(slug=f"visit-{i}", title=f"Visit {i}")) for i in range(3)]
        archive.append(records)
        recorded = [archive.get(f"visit-{i}").id for i in range(3)]
        others = [engagement_id(f"never-{i}") for i in range(2000)]  # past one IN chunk
        assert archive.recorded_ids([*others, *recorded]) == set(recorded)
        assert archive.recorded_ids([]) == set()
        report = archive.append(records)
        assert report.recorded == [] and report.unchanged == [r.slug for r in records]
        archive.close()
    finally:
        if store == "postgres":
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"drop schema {schema} cascade")
