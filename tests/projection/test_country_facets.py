"""The facets counted per country (timeline.projection.country_facets) equal the counts of the
rows they stand for, after a rebuild and after every kind of write an incremental build makes,
and a file built before them gets them on its next build."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.projection.test_counts import built_step_by_step, engagement
from timeline.projection.build import build
from timeline.projection.country_facets import ARRAYS, COUNTED, COUNTRY_FACET_COUNTS, TRIGGERS
from timeline.projection.counts import FACETED
from timeline.store.application import Archive


def counted_from_rows(conn: sqlite3.Connection) -> set[tuple[Any, ...]]:
    """Each (table, country, column, value) with its rows, counted from the rows themselves."""
    found: set[tuple[Any, ...]] = set()
    for table in COUNTED:
        for column in FACETED[table]:
            found |= set(
                conn.execute(
                    f"select '{table}', country, '{column}', [{column}], count(*) from [{table}] "
                    f"where country is not null and [{column}] is not null group by 2, 4"
                )
            )
        for column in ARRAYS.get(table, ()):
            found |= set(
                conn.execute(
                    f"select '{table}', country, '{column}', j.value, count(distinct t.rowid) "
                    f"from [{table}] t, json_each(t.[{column}]) j "
                    "where country is not null group by 2, 4"
                )
            )
    return found


def assert_counts_hold(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        kept = set(conn.execute(f"select * from {COUNTRY_FACET_COUNTS}"))
        assert kept == counted_from_rows(conn) and kept


def test_the_counts_per_country_equal_the_rows_after_appends_corrections_and_retractions(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path / "archive")
    for _step in built_step_by_step(archive):
        assert_counts_hold(archive.projection_path)
    with sqlite3.connect(archive.projection_path) as conn:
        jp = conn.execute(f"select count(*) from {COUNTRY_FACET_COUNTS} where country = 'JP'")
        assert jp.fetchone() == (0,)  # b's only timeline rows for Japan went with it


def test_a_rebuild_fills_the_counts_per_country_it_made_after_loading(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append([engagement(f"e{i}", date=f"20{10 + i}-01-01") for i in range(5)])
    build(archive, rebuild=True)
    assert_counts_hold(archive.projection_path)
    archive.append([engagement("later", date="2025-06-01", topics=["cybercrime"])])
    build(archive)
    assert_counts_hold(archive.projection_path)


def test_a_file_built_before_the_counts_per_country_gets_them_on_its_next_build(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append([engagement("a"), engagement("b", host="AU", guests=["VN"])])
    build(archive)
    with sqlite3.connect(archive.projection_path) as conn:
        for name in TRIGGERS:
            conn.execute(f"drop trigger {name}")
        conn.execute(f"drop table {COUNTRY_FACET_COUNTS}")
    archive.append([engagement("c", host="VN", guests=["US"])])
    build(archive)
    assert_counts_hold(archive.projection_path)
