"""The count tables the charts read (timeline.projection.counts) equal the counts of the rows
they stand for, after a rebuild and after every kind of write an incremental build makes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from events import EngagementFacts
from tests.helpers import make_record
from timeline.projection.build import build
from timeline.projection.counts import (
    COUNTRY_COUNTS,
    TIMELINE_COUNTS,
    TOPIC_COUNTS,
    YEAR_COUNTS,
    YEAR_TOTALS,
)
from timeline.store.application import Archive

YEARS_COUNTED = (
    "select country, counterpart, kind, collection, substr(start_date, 1, 4) as year, "
    "count(*) as n from timeline group by 1, 2, 3, 4, 5"
)
# A country's engagements per topic and year, as the charts counted them from the rows.
TOPICS_COUNTED = (
    "select x.country, et.topic, x.collection, substr(x.start_date, 1, 4) as year, "
    "count(*) as n from "
    "(select distinct country, engagement, collection, start_date from timeline) x "
    "join engagement_topics et on et.engagement = x.engagement group by 1, 2, 3, 4"
)


def engagement(slug: str, **changes: Any) -> EngagementFacts:
    fields = make_record(
        slug=slug, series=None, session=None, part_of=None, title=f"Talks {slug}", **changes
    )
    return EngagementFacts.model_validate(fields)


def counts(path: Path) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]], set[Any], set[Any]]:
    db = sqlite_utils.Database(path)
    try:
        kept_years = set(db.execute(f"select * from {YEAR_COUNTS}").fetchall())
        kept_topics = set(db.execute(f"select * from {TOPIC_COUNTS}").fetchall())
        return (
            kept_years,
            set(db.execute(YEARS_COUNTED).fetchall()),
            kept_topics,
            set(db.execute(TOPICS_COUNTED).fetchall()),
        )
    finally:
        db.close()


# The engagements in each country's timeline per collection, as its legend counted them.
TIMELINES_COUNTED = (
    "select country, collection, count(distinct engagement) from timeline group by 1, 2"
)


# Each country's timeline rows per collection and year, whatever their counterpart.
YEAR_TOTALS_COUNTED = (
    "select country, collection, substr(start_date, 1, 4), count(*) from timeline group by 1, 2, 3"
)


def assert_counts_hold(path: Path) -> None:
    kept_years, years, kept_topics, topics = counts(path)
    assert kept_years == years and years
    assert kept_topics == topics
    db = sqlite_utils.Database(path)
    try:
        kept = set(db.execute(f"select * from {TIMELINE_COUNTS}").fetchall())
        assert kept == set(db.execute(TIMELINES_COUNTED).fetchall()) and kept
        kept = set(db.execute(f"select * from {YEAR_TOTALS}").fetchall())
        assert kept == set(db.execute(YEAR_TOTALS_COUNTED).fetchall()) and kept
    finally:
        db.close()


def built_step_by_step(archive: Archive) -> Iterator[str]:
    """The archive taken through appends, corrections and a retraction, built after each step;
    yields the step's name after its build, where a test checks the tables it keeps."""
    archive.append(
        [
            engagement("a", date="2024-03-01", topics=["cybercrime", "money_laundering"]),
            engagement("b", date="2024-05", guests=["VN", "AU"], topics=["cybercrime"]),
        ]
    )
    build(archive)
    yield "appended"
    archive.append([engagement("c", date="2023", host="AU", guests=["VN"])])
    archive.append([engagement("d", date="2023-02")], collection="historyatstate-visits")
    archive.correct(
        "a",
        {"date": "2022-01-02", "kind": "meeting", "topics": ["counter_terrorism"]},
        "The source says 2022, a meeting",
    )
    # A guest added and one dropped: the engagement moves between countries' timelines.
    archive.correct("b", {"guests": ["AU", "JP"]}, "The source names Japan, not Vietnam")
    build(archive)
    yield "corrected"
    archive.retract("b", reason="Not a security engagement")
    build(archive)
    yield "retracted"


def test_count_tables_equal_the_rows_after_appends_corrections_and_retractions(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path / "archive")
    for _step in built_step_by_step(archive):
        assert_counts_hold(archive.projection_path)
    kept_years, *_ = counts(archive.projection_path)
    assert ("US", "AU", "dialogue", "curated", "2024") not in {row[:5] for row in kept_years}
    # Counted per collection: the charts show the security collections unless asked for more.
    assert {row[3] for row in kept_years} == {"curated", "historyatstate-visits"}


def test_a_rebuild_fills_the_count_tables_it_made_after_loading(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append([engagement(f"e{i}", date=f"20{10 + i}-01-01") for i in range(5)])
    build(archive, rebuild=True)
    assert_counts_hold(archive.projection_path)
    archive.append([engagement("later", date="2025-06-01")])
    build(archive)
    assert_counts_hold(archive.projection_path)


def test_engagements_per_country_are_kept_too(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append([engagement("a"), engagement("b", host="AU", guests=["VN"])])
    archive.retract("a", reason="Recorded twice")
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)
    kept = dict(db.execute(f"select country, n from {COUNTRY_COUNTS}").fetchall())
    counted = db.execute(
        "select country, count(distinct engagement) from timeline group by country"
    ).fetchall()
    db.close()
    assert kept == dict(counted) == {"AU": 1, "US": 1, "VN": 1}


def test_an_engagement_of_one_country_is_in_no_timelines_legend(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(
        [
            engagement("a"),
            engagement("alone", host="VN", guests=[], place={"city": "Hà Nội", "country": "VN"}),
        ]
    )
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)
    kept = set(db.execute(f"select * from {TIMELINE_COUNTS}").fetchall())
    counted = set(db.execute(TIMELINES_COUNTED).fetchall())
    db.close()
    assert kept == counted == {("VN", "curated", 1), ("US", "curated", 1)}


def test_a_page_index_added_to_an_analysed_file_gets_its_statistics(tmp_path: Path) -> None:
    """Without them the planner took the pair index for a whole country's timeline (1.5 s
    instead of 2.5 ms for the canned country_timeline at 100,000 engagements)."""
    archive = Archive(tmp_path / "archive")
    archive.append([engagement(f"vn-la-talks-{i}", date=f"2024-0{1 + i}-01") for i in range(3)])
    build(archive, rebuild=True)
    db = sqlite_utils.Database(archive.projection_path)
    analysed = {row[0] for row in db.execute("select idx from sqlite_stat1")}
    assert "idx_timeline_pair_engagements" in analysed  # the rebuild's ANALYZE
    # As a file built before the index existed: without it, nor its statistics.
    db.execute("drop index idx_timeline_pair_engagements")
    db.execute("delete from sqlite_stat1 where idx = 'idx_timeline_pair_engagements'")
    db.conn.commit()
    db.close()
    archive.append([engagement("vn-la-talks-9", date="2025-01-01")])
    build(archive)
    db = sqlite_utils.Database(archive.projection_path)
    stats = db.execute(
        "select stat from sqlite_stat1 where idx = 'idx_timeline_pair_engagements'"
    ).fetchall()
    db.close()
    # Analysed when made, before this build's rows: the 3 engagements' 6 timeline rows.
    assert [s.split()[0] for (s,) in stats] == ["6"]
