"""Issue 3, item 8: events stored by the previous version of the event classes load in this one.

v1 of `Recorded` had no `origin`; v1 of `Corrected` held one optional `source` where v2 holds
`sources` and `evidence`. The rows below are what v1 wrote: its JSON, without `class_version`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import orjson
import sqlite_utils
from click.testing import CliRunner
from eventsourcing.persistence import StoredEvent

from events import Engagement, engagement_id
from tests.helpers import SOURCE, make_record
from timeline.cli import cli
from timeline.projection.build import build
from timeline.store.application import Archive

SLUG = "vn-us-security-dialogue-2"
EMBASSY = {**SOURCE, "document": "embassy-release", "publisher": "US Embassy"}


def v1_rows() -> list[tuple[int, str, dict[str, Any]]]:
    """(version, topic, state) of one engagement as v1 stored it."""
    facts = make_record(part_of=None)
    return [
        (1, "events.engagement:Engagement.Recorded", {
            "timestamp": "2025-09-06T08:00:00.000001Z",
            "originator_topic": "events.engagement:Engagement",
            "facts": facts,
        }),
        (2, "events.engagement:Engagement.Corrected", {
            "timestamp": "2025-09-07T08:00:00.000001Z",
            "changes": {"guests": ["VN", "AU"]},
            "reason": "The embassy names Australia",
            "source": EMBASSY,
        }),
        (3, "events.engagement:Engagement.Corrected", {
            "timestamp": "2025-09-08T08:00:00.000001Z",
            "changes": {"session": 3},
            "reason": "It was the third session",
            "source": None,
        }),
    ]  # fmt: skip


def store_v1(archive: Archive) -> None:
    """Write the v1 rows into the real store, through its recorder, as v1's mapper did."""
    key = engagement_id(SLUG)
    archive.recorder.insert_events(
        [
            StoredEvent(originator_id=key, originator_version=v, topic=t, state=orjson.dumps(s))
            for v, t, s in v1_rows()
        ]
    )


def raw_states(folder: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(folder / "events.db") as db:
        rows = db.execute("select state from stored_events order by rowid").fetchall()
    return [json.loads(r[0]) for r in rows]


def test_v1_events_in_the_store_load_in_the_new_shape(archive_dir: Path) -> None:
    archive = Archive(archive_dir)
    store_v1(archive)
    assert all("class_version" not in s for s in raw_states(archive_dir))

    events = Archive(archive_dir).history(SLUG)
    recorded, first, second = events
    assert isinstance(recorded, Engagement.Recorded) and recorded.origin is None
    assert isinstance(first, Engagement.Corrected)
    assert [s.document for s in first.sources] == ["embassy-release"] and first.evidence == ()
    assert second.sources == () and second.reason == "It was the third session"

    engagement = Archive(archive_dir).get(SLUG)
    assert engagement.version == 3
    assert (engagement.facts.guests, engagement.facts.session) == (["VN", "AU"], 3)
    assert [s.document for s in engagement.facts.sources] == ["test-doc", "embassy-release"]


def test_v1_events_project_and_new_ones_are_stored_as_v2(archive_dir: Path) -> None:
    archive = Archive(archive_dir)
    store_v1(archive)
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)
    row = db["engagements"].get(SLUG)
    assert (json.loads(row["guests"]), row["session"], row["sources"]) == (["VN", "AU"], 3, 2)
    revisions = list(db.query("select version, event, current_from, reason from revisions"))
    assert [(r["version"], r["event"]) for r in revisions] == [
        (1, "Recorded"),
        (2, "Corrected"),
        (3, "Corrected"),
    ]
    assert revisions[0]["current_from"].startswith("2025-09-06T08:00:00")
    db.close()

    before = raw_states(archive_dir)
    archive.correct(SLUG, {"title": "Third dialogue"}, reason="numbering")
    after = raw_states(archive_dir)
    assert after[:3] == before  # stored events are never rewritten by an upcast
    assert after[3]["class_version"] == 2
    assert set(after[3]) == {
        "timestamp",
        "changes",
        "reason",
        "sources",
        "evidence",
        "class_version",
    }
    assert build(archive).events == 1

    history = CliRunner().invoke(cli, ["show", SLUG, "--history", "--archive", str(archive_dir)])
    assert history.exit_code == 0, history.output
    lines = history.output.splitlines()
    assert lines[0] == "v1  2025-09-06T08:00:00+00:00  Recorded"
    assert lines[1] == "v2  2025-09-07T08:00:00+00:00  Corrected: The embassy names Australia"
    assert "    on the evidence of embassy-release" in lines
    assert "    session: 2 -> 3" in lines


def test_every_event_class_carries_a_version() -> None:
    versions = {
        cls.__name__: cls.class_version
        for cls in (
            Engagement.Recorded,
            Engagement.Corrected,
            Engagement.SourceAdded,
            Engagement.Retracted,
        )
    }
    assert versions == {"Recorded": 3, "Corrected": 2, "SourceAdded": 1, "Retracted": 1}
    # Each step up has its upcaster.
    for cls in (Engagement.Recorded, Engagement.Corrected):
        assert callable(cls.upcast_v1_v2)
