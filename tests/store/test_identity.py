"""Identity keys in the event store: written with the events, probed by the duplicate check,
filled once for an archive made before them, and checked by verify."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path
from uuid import UUID

import pytest

from bench import generate as gen
from events import Engagement, EngagementFacts
from tests.helpers import Backend, visit_record
from timeline.errors import DuplicateError
from timeline.inputs import records
from timeline.integrity import verify
from timeline.store.application import Archive
from timeline.store.identity import (
    IdentityRow,
    by_column,
    identity_keys,
    identity_row,
    keys_by_column,
)
from timeline.text import fold

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "store"
SEEDS = ROOT / "seeds" / "records"
# The fixture's history (tests/fixtures/store/make_old_archive.sh): 12 engagements recorded,
# one renamed by a correction, one retracted.
RENAMED = "vn-au-nema-briefing-2023-02"
RENAMED_TO = "NEMA briefing on disaster response"
RETRACTED = "vn-us-mps-asia-group-meeting-2025-09"
DIALOGUE = "vn-us-security-law-enforcement-dialogue-2"
FILLED = "identity table filled for 12 engagements (once, for an archive made before identity keys)"


def old_archive(backend: Backend, folder: Path) -> None:
    """The archive the code before identity keys made, in `folder` or the backend's schema."""
    if backend.url is None:
        folder.mkdir(parents=True)
        shutil.copy(FIXTURES / "old-archive" / "events.db", folder / "events.db")
        return
    dump = (FIXTURES / "old-archive.sql").read_text()
    with backend.connect() as db:
        db.execute(dump.replace("timeline_fixture", str(backend.schema)))
        # pg_dump empties the search path of the session that loads it.
        db.execute("select pg_catalog.set_config('search_path', '\"$user\", public', false)")


def seed(recorded: str, **changes: object) -> EngagementFacts:
    """A seed record, with changes."""
    (facts,) = [f for f in records.load([str(SEEDS)]) if f.slug == recorded]
    return facts.model_copy(update=changes)


def rows_by_slug(archive: Archive) -> dict[str, IdentityRow]:
    return {row.slug: row for row in archive.recorder.select_identities()}


def test_an_archive_made_before_identity_keys_is_filled_once_when_opened(
    backend: Backend, archive_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old_archive(backend, archive_dir)
    with caplog.at_level(logging.WARNING, logger="timeline.store.application"):
        archive = Archive(archive_dir)
    assert [r.getMessage() for r in caplog.records] == [f"{archive.store_name}: {FILLED}"]
    rows = rows_by_slug(archive)
    assert len(rows) == 12
    assert rows[RETRACTED].facts_key is None and rows[RETRACTED].session_key is None
    assert rows[RENAMED] == identity_row(archive.get(RENAMED).state)
    assert "disaster response" in (rows[RENAMED].facts_key or "")
    assert verify(archive).ok, verify(archive).problems

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="timeline.store.application"):
        again = Archive(archive_dir)  # a second open fills nothing
    assert caplog.records == []
    assert rows_by_slug(again) == rows

    session = seed(DIALOGUE, slug="dialogue-again")
    with pytest.raises(DuplicateError, match=f"already has this engagement as {DIALOGUE} "
                                             r"\(same series and session\)"):  # fmt: skip
        again.append([session])
    renamed = seed(RENAMED, slug="briefing-again", title=RENAMED_TO.upper())
    with pytest.raises(DuplicateError, match=f"as {RENAMED} \\(same kind, dates"):
        again.append([renamed])
    assert again.append([seed(RENAMED, slug="old-title")]).recorded == ["old-title"]
    assert again.append([seed(RETRACTED, slug="asia-again")]).recorded == ["asia-again"]
    assert len(rows_by_slug(again)) == 14


def test_the_cli_says_on_stderr_that_it_filled_the_identity_table(
    backend: Backend, archive_dir: Path
) -> None:
    old_archive(backend, archive_dir)

    def show() -> subprocess.CompletedProcess[str]:
        command = "from timeline.cli import main; main()"
        return subprocess.run(
            [sys.executable, "-c", command, "show", DIALOGUE, "--archive", str(archive_dir)],
            capture_output=True,
            text=True,
            timeout=120,
        )

    first = show()
    assert first.returncode == 0, first.stderr
    where = backend.url.split("?")[0] if backend.url else archive_dir / "events.db"
    (line,) = first.stderr.splitlines()
    assert line.startswith(str(where)) and line.endswith(FILLED)
    assert DIALOGUE in first.stdout
    second = show()
    assert second.returncode == 0 and second.stderr == ""


def test_the_identity_table_follows_corrections_and_retractions(
    backend: Backend, archive_dir: Path
) -> None:
    archive = Archive(archive_dir)
    archive.append([EngagementFacts.model_validate(visit_record())])
    slug = "vn-us-visit-2025"
    (recorded,) = archive.recorder.select_identities()
    assert recorded == identity_row(archive.get(slug).state) and recorded.originator_version == 1
    archive.correct(slug, {"title": "Renamed visit"}, reason="r")
    (corrected,) = archive.recorder.select_identities()
    assert corrected.originator_version == 2 and "renamed visit" in (corrected.facts_key or "")
    archive.retract(slug, reason="withdrawn")
    assert archive.recorder.select_identities() == [
        IdentityRow(archive.get(slug).id.hex, 3, slug, None, None)
    ]
    assert verify(archive).ok


def test_another_writer_s_engagement_is_found_by_an_archive_opened_before_it(
    backend: Backend, archive_dir: Path
) -> None:
    """Nothing is kept between appends: each check asks the store as it is."""
    first = Archive(archive_dir)
    first.append([EngagementFacts.model_validate(visit_record(slug="first", title="First"))])
    second = Archive(archive_dir)
    second.append([EngagementFacts.model_validate(visit_record())])
    with pytest.raises(DuplicateError, match="already has this engagement as vn-us-visit-2025"):
        first.append([EngagementFacts.model_validate(visit_record(slug="again"))])
    second.retract("vn-us-visit-2025", reason="withdrawn")
    assert first.append([EngagementFacts.model_validate(visit_record(slug="again"))]).recorded


def test_a_duplicate_another_writer_records_while_a_batch_is_prepared_is_refused_by_the_store(
    backend: Backend, archive_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two writers appending one engagement under two slugs at once: the recorder checks the
    new keys under the store's write lock, so the second save is refused, whole."""
    writer, other = Archive(archive_dir), Archive(archive_dir)
    look_up = writer.recorded_ids

    def look_up_then_race(ids: list[UUID]) -> set[UUID]:
        found = look_up(ids)  # nothing recorded yet: every slug of the batch is new
        if not other.find("vn-us-visit-2025"):
            other.append([EngagementFacts.model_validate(visit_record())])
        return found

    monkeypatch.setattr(writer, "recorded_ids", look_up_then_race)
    batch = [
        EngagementFacts.model_validate(visit_record(slug="unrelated", title="Unrelated")),
        EngagementFacts.model_validate(visit_record(slug="again")),
    ]
    with pytest.raises(DuplicateError, match=r"^again: the archive already has this engagement "
                                             r"as vn-us-visit-2025 \(same kind"):  # fmt: skip
        writer.append(batch)
    assert sorted(rows_by_slug(writer)) == ["vn-us-visit-2025"]
    assert len(backend.stored(archive_dir)) == 1
    assert writer.append(batch, allow_duplicates=True).recorded == ["unrelated", "again"]


def test_a_refused_batch_writes_no_identity_rows(backend: Backend, archive_dir: Path) -> None:
    archive = Archive(archive_dir)
    archive.append([EngagementFacts.model_validate(visit_record())])
    twins = [
        EngagementFacts.model_validate(visit_record(slug=s, title="Twin")) for s in ("a-1", "a-2")
    ]
    with pytest.raises(DuplicateError, match=r"^a-2: .* as a-1 "):
        archive.append(twins)
    assert list(rows_by_slug(archive)) == ["vn-us-visit-2025"]


def test_verify_names_identity_rows_changed_removed_or_added_behind_the_archive_s_back(
    backend: Backend, archive_dir: Path
) -> None:
    archive = Archive(archive_dir)
    archive.append([
        EngagementFacts.model_validate(visit_record(slug=f"visit-{i}", title=f"Visit {i}"))
        for i in range(3)
    ])  # fmt: skip
    ids = {slug: row.originator_id for slug, row in rows_by_slug(archive).items()}
    table = "stored_events_identity" if backend.url is None else (
        f'"{backend.schema}".timeline_events_identity')  # fmt: skip
    stranger = "0" * 32
    statements = [
        (f"update {table} set facts_key = 'facts x' where slug = 'visit-0'", ()),
        (f"delete from {table} where slug = 'visit-1'", ()),
        (f"insert into {table} values (?, 1, 'ghost', null, 'facts ghost')", (stranger,)),
    ]
    _execute(backend, archive_dir, statements)
    where = f"{archive.store_name}: identity table"
    assert verify(archive).problems == [
        f"{where}: row of ghost ({stranger}) has no events in the store (added)",
        *sorted([
            f"{where}: row of visit-0 ({ids['visit-0']}) differs from a fold of its events in "
            "facts_key",
            f"{where}: no row for visit-1 ({ids['visit-1']}), whose keys it must hold (removed)",
        ], key=lambda p: p.split("(")[1]),
    ]  # fmt: skip


def _execute(backend: Backend, folder: Path, statements: list[tuple[str, tuple]]) -> None:
    if backend.url is None:
        import sqlite3

        with sqlite3.connect(folder / "events.db") as db:
            for sql, params in statements:
                db.execute(sql, params)
        return
    with backend.connect() as db:
        for sql, params in statements:
            db.execute(sql.replace("?", "%s"), params)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"place": {"city": "Hanoi", "country": "VN"}},  # the place's country among the guests
        {"place": {"city": "Tokyo", "country": "JP"}},  # a country only the place names
        {"host": None, "guests": ["VN", "US"]},
        {"host": None, "guests": ["US"], "place": {"city": "Seoul", "country": "KR"}},
        {"place": None, "guests": ["VN", "LA", "KH"]},
    ],
)
def test_the_facts_key_names_the_countries_dates_and_folded_title_of_the_record(
    changes: dict[str, object],
) -> None:
    """Made in one pass over the fields (not through `facts.countries`), it says what they do."""
    title = "  Bộ Công an –  FBI  dialogue "
    facts = EngagementFacts.model_validate(visit_record(title=title, **changes))
    countries = ",".join(sorted(facts.countries))
    assert identity_keys(facts)[-1] == (
        "same kind, dates, countries and title",
        f"facts visit 2025-09-04 2025-09-05 {countries} {' '.join(fold(title).split())}",
    )


def test_generated_records_have_the_keys_their_countries_dates_and_titles_make() -> None:
    for facts in gen.generate(300, seed=3):
        start, end = facts.date.start.isoformat(), facts.date.end.isoformat()
        countries = ",".join(sorted(facts.countries))
        title = " ".join(fold(facts.title).split())
        key = f"facts {facts.kind} {start} {end} {countries} {title}"
        assert identity_row_of(facts).facts_key == key, facts.slug


def identity_row_of(facts: EngagementFacts) -> IdentityRow:
    row = identity_row(Engagement.record(facts).state)
    assert type(row) is IdentityRow
    return row


def test_the_keys_probed_under_the_write_lock_are_the_keys_the_rows_hold_by_column() -> None:
    """The recorder takes a batch's keys column by column from the rows (`keys_by_column`):
    the very keys, in the same order, that `by_column` finds among each row's `held` keys, a
    retracted engagement's row holding none."""
    rows = [identity_row_of(f) for f in gen.generate(200, seed=5)]
    rows.append(IdentityRow(rows[0].originator_id, 2, rows[0].slug, None, None))
    assert any(row.session_key for row in rows)
    assert any(not row.session_key for row in rows)
    assert keys_by_column(rows) == by_column([key for row in rows for key in row.held()])
