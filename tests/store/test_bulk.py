"""A batch's new engagements are stored from their `Recorded` events, with no aggregate made: the
rows it writes (events, chain links, identity rows) are the very bytes that eventsourcing's own
save of each engagement's aggregate writes, one at a time, and that appending the records one by
one writes. Each test runs on SQLite and on PostgreSQL (the `backend` fixture)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from bench import generate as gen
from events import Engagement, EngagementFacts, engagement_id
from events.collections import REVIEWED
from tests.helpers import Backend, Clock, postgres_schema, visit_record
from timeline.errors import BatchError, DuplicateError
from timeline.integrity import verify
from timeline.store.application import Archive
from timeline.store.identity import fold_identities


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock.installed(monkeypatch)


@pytest.fixture
def stores(
    backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[tuple[Path, Backend]]]:
    """Three empty stores of the backend: three folders, each with its own PostgreSQL schema."""
    with ExitStack() as stack:
        backends = [backend] * 3  # SQLite: each folder is a store
        if backend.url is not None:
            backends[1:] = [stack.enter_context(postgres_schema(monkeypatch)) for _ in range(2)]
        yield [(tmp_path / f"archive-{i}", b) for i, b in enumerate(backends)]


def opened(folder: Path, backend: Backend) -> Archive:
    return Archive(folder, store=backend.url)


def generated(n: int) -> list[EngagementFacts]:
    """Varied records: every kind and date precision, diacritics, participants, sources with
    quotes and offsets, evidence (some inferred), meetings `part_of` earlier visits."""
    return list(gen.generate(n, seed=11))


def rows(archive: Archive, folder: Path, backend: Backend) -> dict[str, Any]:
    """What the store holds: its events, chain links and identity rows."""
    recorder: Any = archive.recorder
    return {
        "events": backend.stored(folder),
        "links": recorder.select_links(0, 10**6),
        "identities": sorted(recorder.select_identities()),
    }


def test_a_batch_stores_the_bytes_eventsourcing_saves_for_each_aggregate(
    stores: list[tuple[Path, Backend]], clock: Clock
) -> None:
    records = generated(300)
    origins = {r.slug: f"records-{i % 3}.yaml" for i, r in enumerate(records) if i % 2}
    collections = {r.slug: REVIEWED for r in records[::7]}
    (bulk_dir, bulk_backend), (one_dir, one_backend), (es_dir, es_backend) = stores

    bulk = opened(bulk_dir, bulk_backend)
    assert bulk.append(records, origins=origins, collections=collections).recorded == [
        r.slug for r in records
    ]
    clock.restart()
    one_by_one = opened(one_dir, one_backend)
    for r in records:
        one_by_one.append([r], origins=origins, collections=collections)
    # eventsourcing's own way: an aggregate an engagement, saved by `Application.save`.
    clock.restart()
    plain = opened(es_dir, es_backend)
    for r in records:
        origin, collection = origins.get(r.slug), collections.get(r.slug, "curated")
        plain.save(Engagement.record(r, origin=origin, collection=collection))

    stored = rows(bulk, bulk_dir, bulk_backend)
    assert len(stored["events"]) == len(stored["links"]) == len(stored["identities"]) == 300
    assert rows(one_by_one, one_dir, one_backend) == stored
    reference = rows(plain, es_dir, es_backend)
    assert (reference["events"], reference["links"]) == (stored["events"], stored["links"])
    # `save` writes no identity rows: the fold of its events gives the ones the batch wrote.
    events = plain.repository.event_store
    folded = fold_identities(e for r in records for e in events.get(engagement_id(r.slug)))
    assert sorted(folded) == stored["identities"]
    for archive in (bulk, one_by_one):
        assert verify(archive, projection=False).ok


def test_a_slug_named_twice_in_a_batch_is_recorded_once_and_corroborated(
    backend: Backend, archive_dir: Path
) -> None:
    record = visit_record()
    again = visit_record(
        sources=[
            *record["sources"],
            {**record["sources"][0], "document": "another-report", "publisher": "VnExpress"},
        ]
    )
    archive = Archive(archive_dir)
    batch = [EngagementFacts.model_validate(r) for r in (record, again)]
    report = archive.append(batch)
    assert report.recorded == ["vn-us-visit-2025"]
    assert report.corroborated == {"vn-us-visit-2025": ["another-report"]}
    history = archive.history("vn-us-visit-2025")
    assert [type(e).__name__ for e in history] == ["Recorded", "SourceAdded"]
    assert [s.document for s in archive.get("vn-us-visit-2025").facts.sources][-1] == (
        "another-report"
    )
    assert verify(archive, projection=False).ok


def test_a_refused_batch_writes_nothing_whatever_refuses_it(
    backend: Backend, archive_dir: Path
) -> None:
    archive = Archive(archive_dir)
    records = generated(40)
    archive.append(records[:30])
    before = backend.stored(archive_dir)
    orphan = records[36].model_copy(update={"part_of": "no-such-visit"})
    with pytest.raises(BatchError, match="part_of: no engagement 'no-such-visit'"):
        archive.append([*records[30:35], orphan])
    # A new slug for an engagement recorded before, and one for another earlier in the batch.
    for same in (records[5], records[31]):
        twin = same.model_copy(update={"slug": "the-same-under-another-slug"})
        with pytest.raises(
            DuplicateError, match=f"^the-same-under-another-slug: .* as {same.slug} "
        ):
            archive.append([*records[30:35], twin])
    assert backend.stored(archive_dir) == before
    assert len(archive.recorder.select_identities()) == 30  # type: ignore[attr-defined]
    assert verify(archive, projection=False).ok
