"""The projection: the pure row mapping, the pull loop, incremental builds and rebuilds, reading
from SQLite and from PostgreSQL into timeline.db."""

from __future__ import annotations

import gc
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils

from events import Engagement, EngagementFacts
from tests.helpers import Backend, make_record, visit_record
from timeline.projection.build import build, is_current
from timeline.projection.projector import Projector
from timeline.projection.rows import engagement_rows, revision_row
from timeline.projection.schema import TABLES
from timeline.store.application import Archive


def state_of(record: dict):
    engagement = Engagement.record(EngagementFacts.model_validate(record))
    return engagement.state, engagement.collect_events()


def test_rows_of_an_engagement_without_a_database() -> None:
    state, _ = state_of(make_record())
    rows = engagement_rows(state)
    (engagement,) = rows["engagements"]
    assert engagement["slug"] == "vn-us-security-dialogue-2"
    assert (engagement["start_date"], engagement["end_date"]) == ("2025-09-05", "2025-09-05")
    assert engagement["date_label"] == "5 Sep 2025"
    assert engagement["inferred_facts"] == '["date"]'
    assert "luong tam quang" in engagement["search_text"]
    assert "doi thoai" in engagement["search_text"]
    assert {(r["country"], r["counterpart"], r["role"]) for r in rows["timeline"]} == {
        ("US", "VN", "host"),
        ("VN", "US", "guest"),
    }
    assert [(p["person"], p["organisation"], p["role"]) for p in rows["participants"]] == [
        ("luong-tam-quang", "vn-mps", "co_chair"),
        ("chris-landberg", None, "co_chair"),
    ]
    assert rows["engagement_topics"] == [
        {"engagement": "vn-us-security-dialogue-2", "topic": "money_laundering"},
        {"engagement": "vn-us-security-dialogue-2", "topic": "cybercrime"},
    ]
    assert rows["sources"][0]["quote"] == "The dialogue was held on 5 September."
    assert rows["evidence"][0]["inferred"] is True


def test_every_row_has_exactly_the_columns_of_its_table() -> None:
    state, _ = state_of(make_record())
    for table, rows in engagement_rows(state).items():
        for row in rows:
            assert list(row) == list(TABLES[table][0]), table


def test_a_place_that_is_neither_host_nor_guest_is_the_venue() -> None:
    state, _ = state_of(
        make_record(host=None, guests=["VN"], place={"city": "Sydney", "country": "AU"},
                    series=None, session=None)
    )  # fmt: skip
    assert {
        (r["country"], r["counterpart"], r["role"]) for r in engagement_rows(state)["timeline"]
    } == {
        ("VN", "AU", "guest"),
        ("AU", "VN", "venue"),
    }


def test_a_retracted_engagement_has_no_rows_but_a_revision() -> None:
    engagement = Engagement.record(EngagementFacts.model_validate(make_record()))
    engagement.retract("duplicate of another record", merged_into="vn-us-dialogue-2")
    event = engagement.collect_events()[-1]
    assert all(rows == [] for rows in engagement_rows(engagement.state).values())
    revision = revision_row(event, engagement.state)
    assert (revision["event"], revision["retracted"], revision["merged_into"]) == (
        "Retracted",
        True,
        "vn-us-dialogue-2",
    )
    assert revision["reason"] == "duplicate of another record"


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, less the columns that record when a build ran."""
    db = sqlite_utils.Database(path)
    out = {}
    for table in TABLES:
        rows = [tuple(r.values()) for r in db[table].rows]
        out[table] = sorted(rows, key=repr)
    db.close()
    return out


@pytest.fixture
def archive(archive_dir: Path, backend: Backend) -> Archive:
    """Two engagements, in the store of each backend; timeline.db is always SQLite."""
    archive = Archive(archive_dir)
    assert (archive.store is None) == (backend.name == "sqlite")
    archive.append(
        [
            EngagementFacts.model_validate(make_record()),
            EngagementFacts.model_validate(visit_record()),
        ]
    )
    return archive


def test_build_projects_every_table(archive: Archive) -> None:
    report = build(archive)
    assert (report.events, report.engagements, report.rebuilt) == (2, 2, True)
    db = sqlite_utils.Database(archive.projection_path)
    assert db["engagements"].count == 2
    assert db["timeline"].count == 4
    assert db["countries"].get("VN")["name_vi"] == "Việt Nam"
    assert db["topics"].get("money_laundering")["label_vi"] == "Rửa tiền"
    rows = list(
        db.query(
            "select engagement, role, counterpart from timeline where country = 'VN' order by start_date"
        )
    )
    assert rows == [
        {"engagement": "vn-us-visit-2025", "role": "guest", "counterpart": "US"},
        {"engagement": "vn-us-security-dialogue-2", "role": "guest", "counterpart": "US"},
    ]
    assert db["engagements"].get("vn-us-security-dialogue-2")["part_of"] == "vn-us-visit-2025"
    assert is_current(archive)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Luong Tam Quang", ["vn-us-security-dialogue-2"]),
        ("Lương Tam Quang", ["vn-us-security-dialogue-2"]),
        ("doi thoai", ["vn-us-security-dialogue-2"]),
        ("Đối thoại", ["vn-us-security-dialogue-2"]),
        ("Lanberg", ["vn-us-security-dialogue-2"]),
        ("delegation", ["vn-us-visit-2025"]),
        ("piracy", []),
    ],
)
def test_full_text_search_ignores_diacritics(
    archive: Archive, query: str, found: list[str]
) -> None:
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)
    rows = db.execute(
        "select slug from engagements where rowid in "
        "(select rowid from engagements_fts where engagements_fts match ?) order by slug",
        [" ".join(f'"{w}"' for w in query.split())],
    ).fetchall()
    assert [r[0] for r in rows] == found


def test_incremental_builds_equal_a_rebuild(archive: Archive, tmp_path: Path) -> None:
    build(archive)
    archive.correct("vn-us-security-dialogue-2", {"guests": ["VN", "AU"]}, reason="AU attended")
    archive.append([EngagementFacts.model_validate(make_record(slug="vn-us-security-dialogue-1", session=1,
                                                               date="2024-07", part_of=None))])  # fmt: skip
    report = build(archive, batch_size=1)
    assert (report.events, report.rebuilt) == (2, False)
    incremental = dump(archive.projection_path)
    build(archive, rebuild=True)
    assert incremental == dump(archive.projection_path)
    countries = {r[0] for r in incremental["timeline"] if r[-1] == "vn-us-security-dialogue-2"}
    assert countries == {"US", "VN", "AU"}


def test_revisions_say_what_was_current_when(archive: Archive) -> None:
    build(archive)
    archive.correct("vn-us-security-dialogue-2", {"title": "Second dialogue"}, reason="shorter")
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)
    first, second = db.query(
        "select version, event, title, current_from, current_until, reason from revisions "
        "where engagement = 'vn-us-security-dialogue-2' order by version"
    )
    assert (first["event"], first["current_until"]) == ("Recorded", second["current_from"])
    assert (second["event"], second["reason"], second["current_until"]) == (
        "Corrected",
        "shorter",
        None,
    )
    as_of = datetime.fromisoformat(second["current_from"]).astimezone(UTC).isoformat()
    (then,) = db.query(
        "select title from revisions where engagement = 'vn-us-security-dialogue-2' and "
        "current_from < :t and (current_until is null or current_until >= :t)",
        {"t": as_of},
    )
    assert then["title"] == make_record()["title"]


def test_a_failed_batch_leaves_the_last_whole_batch_and_a_rerun_completes(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(archive)
    archive.append(
        [
            EngagementFacts.model_validate(visit_record(slug=f"visit-{i}", title=f"Visit {i}"))
            for i in range(3)
        ]
    )
    calls = {"n": 0}
    real_track = Projector._track

    def crash_on_second_batch(self: Projector, last: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        real_track(self, last)

    monkeypatch.setattr(Projector, "_track", crash_on_second_batch)
    with pytest.raises(RuntimeError):
        build(archive, batch_size=1)
    db = sqlite_utils.Database(archive.projection_path)
    assert db["_tracking"].get("timeline")["position"] == 3
    assert {r["slug"] for r in db.query("select slug from engagements")} >= {"visit-0"}
    assert db["engagements"].count == 3
    db.close()
    monkeypatch.undo()
    assert build(archive).events == 2
    incremental = dump(archive.projection_path)
    build(archive, rebuild=True)
    assert dump(archive.projection_path) == incremental


def test_a_rebuild_replaces_the_file_atomically(archive: Archive) -> None:
    build(archive)
    before = archive.projection_path.stat().st_ino
    build(archive, rebuild=True)
    assert archive.projection_path.stat().st_ino != before
    assert not list(archive.folder.glob(".timeline.db.*"))


def test_a_rebuild_pauses_the_cyclic_collector_and_gives_it_back_as_it_was(
    archive: Archive,
) -> None:
    """A rebuild runs with the collector off (its objects are freed by their counts), told after
    each batch; an incremental build leaves it alone; both leave it as they found it, also when
    it was off already."""
    seen: list[bool] = []

    def progress(done: int, total: int) -> None:
        seen.append(gc.isenabled())

    build(archive, rebuild=True, batch_size=1, progress=progress)
    assert len(seen) == 3 and not any(seen[1:])  # told at the start, then after each batch
    assert gc.isenabled()
    archive.append(
        [EngagementFacts.model_validate(visit_record(slug="collected-1", date="2024-01-02"))]
    )
    seen.clear()
    build(archive, progress=progress)
    assert seen and all(seen)
    gc.disable()
    try:
        build(archive, rebuild=True)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_search_text_and_participants_organisations_are_as_made_from_the_whole_record() -> None:
    """The search text folds the names one by one (cached) and joins them: the same text as
    folding them all joined. A participant's organisation is found by name or abbreviation in
    a table made once a record: the same as looking each up among the organisations in order
    (a participant naming none has none)."""
    from bench.generate import generate
    from timeline.projection import rows
    from timeline.text import fold

    records = list(generate(400, seed=3))
    records.append(
        EngagementFacts.model_validate(
            make_record(
                title="Đối thoại an ninh ΟΔΟΣ Straße",
                organisations=[
                    {"name": "Bộ Công an", "country": "VN"},
                    {"name": "Ministry of Public Security", "abbreviation": "Bộ Công an"},
                ],
                participants=[
                    {"name": "Lương Tam Quang", "organisation": "Bộ Công an"},
                    {"name": "Zoë Ødegaard"},
                ],
            )
        )
    )
    for f in records:
        words = [
            f.title, f.title_vi, f.summary, *(p.name for p in f.participants),
            *(v for p in f.participants for v in p.variants),
            *(o.name for o in f.organisations), *(o.name_local for o in f.organisations),
            *(o.abbreviation for o in f.organisations), f.place.city if f.place else None,
        ]  # fmt: skip
        assert rows._search_text(f) == fold(" ".join(x for x in words if x))
        for row, p in zip(rows._participant_rows(f), f.participants, strict=True):
            first = next(
                (o for o in f.organisations if p.organisation in (o.name, o.abbreviation)), None
            )
            if p.organisation is None:
                first = None
            assert row["organisation"] == (rows.organisation_id(first) if first else None)


def test_a_participant_who_names_no_organisation_has_none_in_the_published_rows(
    tmp_path: Path,
) -> None:
    """The record's organisations are its own; a participant who names none is not given the
    first of them (an organisation without an abbreviation once matched a missing name)."""
    archive = Archive(tmp_path / "archive")
    archive.append(
        [
            EngagementFacts.model_validate(
                make_record(
                    part_of=None,
                    organisations=[{"name": "Bộ Công an", "country": "VN"}],
                    participants=[
                        {"name": "Lương Tam Quang", "organisation": "Bộ Công an"},
                        {"name": "Zoë Ødegaard"},
                    ],
                )
            )
        ]
    )
    build(archive, rebuild=True)
    db = sqlite_utils.Database(archive.projection_path)
    named = {r["name"]: r["organisation"] for r in db["participants"].rows}
    assert named["Zoë Ødegaard"] is None
    assert named["Lương Tam Quang"] is not None
