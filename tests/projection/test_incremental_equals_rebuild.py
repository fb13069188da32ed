"""The projection is a function of the events alone (issue 12, defect 4): however the events
were projected — batch by batch as they were recorded, in batches of any size, or all at once
by a rebuild — `timeline.db` holds the same tables, row for row, on SQLite and PostgreSQL.

Organisations and persons are named by many engagements, each of which may spell them
differently or leave a field out; their rows are the interesting part."""

from __future__ import annotations

import gc
import os
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from events import EngagementFacts
from tests.helpers import Backend, make_record, visit_record
from timeline import Archive, build
from timeline.errors import TimelineError
from timeline.integrity import verify
from timeline.projection.projector import _named_rows_sql

# Derandomised: every run feeds the same cases; TIMELINE_PROJECTION_EXAMPLES=N runs N fresh ones.
EXAMPLES = int(os.environ.get("TIMELINE_PROJECTION_EXAMPLES", "30"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="TIMELINE_PROJECTION_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Spellings of the same three organisations (one id each) with fields left out or varied.
ORGANISATIONS = [
    {"name": "Ministry of Public Security", "abbreviation": "MPS", "country": "VN",
     "name_local": "Bộ Công an"},
    {"name": "Ministry of Public Security", "abbreviation": "MPS", "country": "VN"},
    {"name": "Ministry of Public Security of Viet Nam", "abbreviation": "MPS", "country": "VN",
     "name_local": "Bộ Công an Việt Nam"},
    {"name": "Federal Bureau of Investigation", "abbreviation": "FBI", "country": "US"},
    {"name": "FBI", "abbreviation": "FBI", "country": "US", "name_local": "Cục Điều tra Liên bang"},
    {"name": "Interpol"},
]  # fmt: skip
# Spellings of the same two people (one id each: the slug of the name ignores diacritics).
PEOPLE = [
    {"name": "Lương Tam Quang", "variants": ["Luong Tam Quang"], "country": "VN"},
    {"name": "Luong Tam Quang", "variants": []},
    {"name": "Lương Tam Quang", "variants": ["Luong T. Quang", "L. T. Quang"], "country": "VN"},
    {"name": "Chris Landberg", "variants": ["Chris Lanberg"], "country": "US"},
    {"name": "Chris Landberg", "variants": []},
]
DATES = ["2025-09-04/2025-09-05", "2025-09-05", "2024-07", "2023"]


@st.composite
def facts_of(draw: st.DrawFn, slug: str) -> dict[str, Any]:
    """What one record or correction says: organisations, people, a title and a date."""
    orgs = draw(st.lists(st.sampled_from(ORGANISATIONS), max_size=3))
    orgs = list({o.get("abbreviation") or o["name"]: o for o in orgs}.values())  # one a record
    people = draw(st.lists(st.sampled_from(PEOPLE), max_size=3))
    participants = [
        {
            **p,
            "organisation": draw(
                st.sampled_from([None] + [o.get("abbreviation") or o["name"] for o in orgs])
            ),
        }
        for p in {p["name"]: p for p in people}.values()
    ]
    return {
        "title": f"Engagement {slug} " + draw(st.sampled_from(["", "(revised)", "again"])),
        "date": draw(st.sampled_from(DATES)),
        "organisations": orgs,
        "participants": [{k: v for k, v in p.items() if v is not None} for p in participants],
    }


# One step: ("append", [facts...]), ("correct", index, changes), ("retract", index, into), or
# ("build", batch size).
steps = st.one_of(
    st.tuples(st.just("append"), st.lists(facts_of("x"), min_size=1, max_size=3)),
    st.tuples(st.just("correct"), st.integers(0, 99), facts_of("x"), st.sets(st.sampled_from(["title", "date", "organisations", "participants"]), min_size=1)),
    st.tuples(st.just("retract"), st.integers(0, 99), st.one_of(st.none(), st.integers(0, 99))),
    st.tuples(st.just("build"), st.integers(1, 4)),
)  # fmt: skip


def run_steps(archive: Archive, plan: list[tuple[Any, ...]]) -> None:
    live: list[str] = []
    counter = 0
    for step in plan:
        event(step[0])
        if step[0] == "append":
            batch = []
            for given_facts in step[1]:
                counter += 1
                slug = f"e-{counter}"
                record = visit_record(
                    slug=slug, **{**given_facts, "title": f"{given_facts['title']} {slug}"}
                )
                batch.append(EngagementFacts.model_validate(record))
                live.append(slug)
            archive.append(batch, allow_duplicates=True)
        elif step[0] == "correct" and live:
            slug = live[step[1] % len(live)]
            changes = {k: v for k, v in step[2].items() if k in step[3]}
            if "title" in changes:
                changes["title"] = f"{changes['title']} {slug}"
            try:
                archive.correct(slug, changes, reason="property")
            except TimelineError:  # a correction that changes nothing is refused
                event("correction refused")
        elif step[0] == "retract" and live:
            slug = live.pop(step[1] % len(live))
            into = live[step[2] % len(live)] if step[2] is not None and live else None
            archive.retract(slug, "property", merged_into=into)
        elif step[0] == "build":
            build(archive, batch_size=step[1])


def fresh_archive(backend: Backend, folder: Path) -> tuple[Archive, str | None]:
    if backend.url is None:
        return Archive(folder), None
    schema = f"{backend.schema}_{uuid.uuid4().hex[:8]}"
    return Archive(folder, store=f"{backend.url.split('?')[0]}?schema={schema}"), schema


@pytest.mark.timeout(600)
@PROPERTY
@given(plan=st.lists(steps, min_size=3, max_size=12), last_batch=st.integers(1, 5))
def test_incremental_builds_equal_a_rebuild_table_by_table(
    backend: Backend, tmp_path_factory: pytest.TempPathFactory, plan: list[tuple[Any, ...]],
    last_batch: int,
) -> None:  # fmt: skip
    archive, schema = fresh_archive(backend, tmp_path_factory.mktemp("archive") / "a")
    try:
        archive.append([EngagementFacts.model_validate(visit_record())])
        build(archive)
        run_steps(archive, plan)
        build(archive, batch_size=last_batch)
        # verify rebuilds timeline.db from the store into a scratch file and compares every
        # table, search index and schema object with the one built step by step.
        assert verify(archive).problems == []
        build(archive, rebuild=True, batch_size=last_batch)
        assert verify(archive).problems == []
    finally:
        archive.close()
        if schema:
            gc.collect()
            with backend.connect() as db:
                db.execute(f'drop schema if exists "{schema}" cascade')


def test_an_organisation_named_without_its_local_name_then_another_corrected(
    archive_dir: Path,
) -> None:
    """The case the attack found: MPS named without `name_local`, then another engagement
    corrected; `verify` said organisations row id=vn-mps differed in name_local, search_text."""
    archive = Archive(archive_dir)
    archive.append([EngagementFacts.model_validate(visit_record()),
                    EngagementFacts.model_validate(make_record())])  # fmt: skip
    build(archive)
    mps = {"name": "Ministry of Public Security", "abbreviation": "MPS", "country": "VN"}
    archive.append([EngagementFacts.model_validate(
        visit_record(slug="vn-us-visit-2026", title="Another visit", date="2026-03-02",
                     organisations=[mps]))])  # fmt: skip
    build(archive)
    archive.correct("vn-us-security-dialogue-2", {"title": "Renamed"}, reason="r")
    build(archive)
    assert verify(archive).problems == []


def test_an_organisation_no_engagement_gives_a_local_name_keeps_the_latest_that_does(
    archive_dir: Path,
) -> None:
    """An incremental build looks each optional field up in the partial index of the rows
    that give it (counts.LATEST_GIVEN): an organisation whose engagements give no local name
    has none, one whose earlier engagement gave it keeps it, and the file equals a rebuild."""
    interpol = {"name": "Interpol"}
    fbi = {"name": "Federal Bureau of Investigation", "abbreviation": "FBI", "country": "US"}
    archive = Archive(archive_dir)
    archive.append([EngagementFacts.model_validate(
        visit_record(organisations=[{**fbi, "name_local": "Cục Điều tra Liên bang"}]))])  # fmt: skip
    build(archive)
    archive.append([EngagementFacts.model_validate(
        visit_record(slug="vn-us-visit-2026", title="Another visit", date="2026-03-02",
                     organisations=[fbi, interpol]))])  # fmt: skip
    build(archive)
    db = sqlite3.connect(archive.projection_path)
    try:
        rows = db.execute(
            "select id, abbreviation, name_local from organisations order by id"
        ).fetchall()
        plan = " ".join(
            row[3]
            for row in db.execute(
                f"explain query plan {_named_rows_sql('organisations')}", {"id": "xx-interpol"}
            )
        )
    finally:
        db.close()
    assert rows == [
        ("us-fbi", "FBI", "Cục Điều tra Liên bang"),
        ("xx-interpol", None, None),
    ]
    assert "USING INDEX idx_engagement_organisations_latest_name_local" in plan
    assert "USING INDEX idx_engagement_organisations_latest_abbreviation" in plan
    assert verify(archive).problems == []
    archive.close()
