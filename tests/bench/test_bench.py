"""The benchmark suite: its generator is deterministic and valid, and every benchmark runs end to
end at a tiny N. No timing is asserted here: figures come from `python -m bench`, not tests."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import pytest

from bench import append_by_size, bench_append, bench_build, bench_cli, bench_extract, report
from bench import generate as gen
from bench.common import Result, percentile
from bench.run import BENCHMARKS, main, run, table
from events import EngagementFacts
from tests.helpers import Clock
from timeline import Archive, build


def test_the_same_seed_gives_the_same_records_and_another_seed_others() -> None:
    first = [r.model_dump() for r in gen.generate(60, seed=3)]
    assert first == [r.model_dump() for r in gen.generate(60, seed=3)]
    assert first != [r.model_dump() for r in gen.generate(60, seed=4)]


def test_generated_records_are_valid_distinct_and_realistic() -> None:
    records = list(gen.generate(1500, seed=0))
    assert all(isinstance(r, EngagementFacts) for r in records)
    # Re-validating a record's own JSON finds nothing wrong with it.
    for r in records[:200]:
        assert EngagementFacts.model_validate_json(r.model_dump_json()) == r
    slugs = [r.slug for r in records]
    assert len(set(slugs)) == len(slugs)
    kinds = Counter(r.kind for r in records)
    assert set(kinds) == {"dialogue", "visit", "meeting", "embassy_visit"}
    assert set(Counter(r.date.precision for r in records)) == {"day", "range", "month", "year"}
    countries = {c for r in records for c in r.countries}
    assert len(countries) > 150
    assert {r.place.city for r in records if r.place and r.place.country == "VN"} >= {"Hanoi"}
    people = [p for r in records for p in r.participants]
    assert max(len(r.participants) for r in records) <= 8
    assert any(not p.name.isascii() for p in people)  # Vietnamese and other diacritics
    assert any(p.variants for p in people)
    assert any(r.evidence and r.evidence[0].inferred for r in records)
    # Dates run forward from 1990 to 2026, so sessions and parents come before what follows.
    years = [r.date.start.year for r in records]
    assert (years[0], years[-1]) == (1990, 2026)
    assert years[len(years) // 2] in range(2005, 2011)


def test_the_generator_builds_the_very_facts_validation_makes_of_its_records() -> None:
    """The generator skips pydantic's validation of the records it makes valid by construction;
    validating the same records gives equal facts, field by field, set fields and JSON alike."""
    for record in gen.records(2000, seed=7):
        built, validated = gen.facts(record), EngagementFacts.model_validate(record)
        assert built == validated
        assert built.model_dump_json() == validated.model_dump_json()
        pairs = [(built, validated), (built.date, validated.date), (built.place, validated.place)]
        for field in ("participants", "organisations", "sources", "evidence"):
            pairs += zip(getattr(built, field), getattr(validated, field), strict=True)
        for mine, theirs in pairs:
            assert type(mine) is type(theirs)
            assert mine.model_fields_set == theirs.model_fields_set
            assert list(mine.__dict__) == list(theirs.__dict__)


def test_the_append_baseline_writes_the_very_rows_the_archive_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bench_append's raw executemany stores what `Archive.append` stores: the same events,
    chain links and identity rows, into the same tables, batch after batch."""
    clock = Clock.installed(monkeypatch)
    records = list(gen.generate(120, seed=12))
    chain, baseline = bench_append.Chain(), bench_append.Executemany(tmp_path / "baseline")
    for batch in gen.batches(records, 50):
        baseline.add(chain.rows(batch))
    baseline.close()
    clock.restart()
    archive = Archive(tmp_path / "archive")
    for batch in gen.batches(records, 50):
        archive.append(batch)
    archive.close()
    tables = [
        "select * from stored_events order by rowid",
        "select * from stored_events_chain order by notification_id",
        "select * from stored_events_identity order by originator_id",
    ]
    stored = {}
    for name in ("baseline", "archive"):
        with closing(sqlite3.connect(tmp_path / name / "events.db")) as db:
            stored[name] = [db.execute(query).fetchall() for query in tables]
    assert [len(rows) for rows in stored["archive"]] == [120, 120, 120]
    assert stored["baseline"] == stored["archive"]


def test_the_append_baseline_hands_sqlite_plain_tuples() -> None:
    """sqlite3 binds a plain tuple's items directly and a tuple subclass's (a NamedTuple such as
    `IdentityRow`) through a Python-level `__getitem__`: the baseline's rows are plain tuples,
    so it is not handicapped by the classes our recorder uses."""
    events, links, identities = bench_append.Chain().rows(list(gen.generate(20, seed=3)))
    assert {type(row) for rows in (events, links, identities) for row in rows} == {tuple}


def test_sessions_count_up_and_parents_are_earlier_records() -> None:
    records = list(gen.generate(1500, seed=1))
    seen: set[str] = set()
    sessions: dict[str, int] = {}
    for r in records:
        if r.part_of:
            assert r.part_of in seen
        if r.series:
            assert r.session == sessions.get(r.series, 0) + 1
            sessions[r.series] = r.session
        seen.add(r.slug)
    assert any(r.part_of for r in records)
    assert max(sessions.values()) > 1


def test_quotes_and_offsets_agree() -> None:
    for r in gen.generate(300, seed=2):
        sources = {s.document: s for s in r.sources}
        for s in r.sources:
            assert s.end - s.start == len(s.quote)
        for e in r.evidence:
            source = sources[e.document]
            assert source.quote[e.start - source.start : e.end - source.start] == e.quote


def test_records_drawn_in_another_process_are_the_records_in_order_in_batches() -> None:
    with gen.drawn(250, seed=7, size=100) as received:
        batches = list(received)
    assert [len(b) for b in batches] == [100, 100, 50]
    assert [r for b in batches for r in b] == list(gen.records(250, seed=7))


def test_a_drawing_process_that_fails_is_not_waited_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Where it cannot import the generator.
    monkeypatch.setattr(gen, "ROOT", tmp_path)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    failed = pytest.raises(RuntimeError, match=r"drawing process ended .* \(exit 1\)")
    with failed, gen.drawn(10, seed=7) as received:
        list(received)


def test_the_generator_command_records_and_builds(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    assert gen.main(["40", str(folder), "--seed", "5"]) == 0
    archive = Archive(folder, must_exist=True)
    expected = {r.slug for r in gen.generate(40, seed=5)}
    assert archive.recorded_ids([archive.get(s).id for s in expected]) == {
        archive.get(s).id for s in expected
    }
    db = sqlite3.connect(folder / "timeline.db")
    assert {row[0] for row in db.execute("select slug from engagements")} == expected
    db.close()


def test_the_generator_command_refuses_a_bad_count_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "archive"
    with pytest.raises(SystemExit) as exit_info:
        gen.main(["0", str(folder)])
    assert exit_info.value.code == 2
    assert "N: give a positive number of engagements" in capsys.readouterr().err
    assert not folder.exists()


def test_the_generator_command_refuses_a_folder_that_is_not_an_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "not-an-archive"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    assert gen.main(["5", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not an archive folder" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def built_archive(folder: Path, records: Iterable[EngagementFacts]) -> Path:
    """An archive of `records` in `folder`, its timeline.db built: what the benchmarks read."""
    archive = Archive(folder)
    archive.append(records)
    build(archive)
    archive.close()
    return folder


def test_every_benchmark_runs_end_to_end_at_a_tiny_n(tmp_path: Path) -> None:
    folder = built_archive(tmp_path / "archive", gen.generate(30))
    results = run(30, BENCHMARKS, folder, tmp_path / "work", rounds=2, progress=False)
    names = [r.benchmark for r in results]
    assert names[:2] == [
        "bulk append, duplicate check on, vs raw executemany",
        "bulk append, duplicate check on, by CPU time",
    ]
    assert {
        "full rebuild",
        "incremental build after one append",
        "peak memory of a full rebuild",
        "`timeline append` of one record (process)",
        "`timeline --help` (process)",
        "`timeline serve` start, to its first answer (process)",
    } <= set(names)
    assert any(n.startswith("Datasette p95: engagement row page") for n in names)
    for r in results:
        assert r.figure > 0, r
        assert r.n == 30
        if r.baseline_name and r.baseline is not None:
            assert r.ratio is not None and r.ratio > 0
    # The rebuild's bench appended one record for its incremental build; the CLI's two appends
    # went into a copy, leaving the archive it was given as it was.
    db = sqlite3.connect(folder / "timeline.db")
    assert db.execute("select count(*) from engagements").fetchone()[0] == 30 + 1
    db.close()


def test_the_runner_prints_a_table_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.json"
    assert main(["25", "--only", "append", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("| benchmark | N | figure | baseline | ratio | target | met |")
    assert "bulk append, duplicate check on, vs raw executemany | 25 |" in printed
    report = json.loads(out.read_text())
    assert report["command"] == "python -m bench 25 --only append --json " + str(out)
    assert [r["benchmark"] for r in report["results"]] == [
        "bulk append, duplicate check on, vs raw executemany",
        "bulk append, duplicate check on, by CPU time",
    ]
    assert all(r["figure"] > 0 and r["baseline"] > 0 for r in report["results"])


def test_the_insert_all_baseline_writes_the_same_rows_indexes_and_search(tmp_path: Path) -> None:
    """The rebuild's baseline does the rebuild's work: every table, index and full-text index of
    the rebuilt timeline.db, with the same rows, searchable the same way."""
    archive = Archive(tmp_path / "archive")
    archive.append(gen.generate(40, seed=6))
    build(archive, rebuild=True)
    archive.close()
    source, target = tmp_path / "archive" / "timeline.db", tmp_path / "insert_all.db"
    count = bench_build.insert_all(source, target)
    schema = "select type, name from sqlite_master where name not like 'sqlite_%' order by name"
    a, b = sqlite3.connect(source), sqlite3.connect(target)
    assert b.execute(schema).fetchall() == a.execute(schema).fetchall()
    for name in bench_build.TABLES:
        rows = f"select * from [{name}] order by rowid"
        assert b.execute(rows).fetchall() == a.execute(rows).fetchall(), name
    search = "select count(*) from engagements_fts where engagements_fts match 'dialogue'"
    assert b.execute(search).fetchone() == a.execute(search).fetchone() != (0,)
    assert count == sum(
        a.execute(f"select count(*) from [{t}]").fetchone()[0] for t in bench_build.TABLES
    )
    a.close()
    b.close()


def test_the_runner_refuses_an_unknown_benchmark(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["10", "--only", "append,nope"])
    assert exit_info.value.code == 2
    assert "--only: no benchmark 'nope'" in capsys.readouterr().err


def test_ratios_read_as_times_worse_than_the_baseline() -> None:
    rate = Result("r", 1, 10_000, "engagements/s", "peer", 20_000, "t", None)
    seconds = Result("s", 1, 3.0, "s", "base", 1.5, "t", True)
    assert rate.ratio == 2.0 and seconds.ratio == 2.0
    assert "| 2.00x |" in table([rate]) and "| **no** |" not in table([rate])
    assert "| yes |" in table([seconds])
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([1, 2, 3, 4, 5], 95) == pytest.approx(4.8)


def test_the_results_page_is_rendered_from_the_runs_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/benchmarks.md's results come from the JSON `python -m bench` writes: its command,
    the machine with its load, and the table it printed."""
    out = tmp_path / "results" / "25.json"
    assert main(["25", "--only", "append", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    page = report.markdown(out.parent)
    run_json = json.loads(out.read_text())
    assert page.startswith("### 25 engagements\n")
    assert f"`python -m bench 25 --only append --json {out}`" in page
    assert f"{run_json['machine']['cpus']} CPUs" in page and "load average" in page
    assert printed.strip() in page


def test_each_benchmark_hands_on_its_results_as_it_ends_and_the_rebuild_gets_its_baseline_last(
    tmp_path: Path,
) -> None:
    folder = built_archive(tmp_path / "archive", gen.generate(20, seed=8))
    seen: list[list[tuple[str, float | None]]] = []
    run(
        20, ("build",), folder, tmp_path / "work", rounds=2, progress=False,
        measured=lambda so_far: seen.append([(r.benchmark, r.baseline) for r in so_far]),
    )  # fmt: skip
    names = ["full rebuild", "incremental build after one append", "peak memory of a full rebuild"]
    assert [[name for name, _ in step] for step in seen] == [names, names]
    assert seen[0][0][1] is None  # the rebuild's figures first, without its baseline ...
    assert seen[1][0][1] is not None and seen[1][0][1] > 0  # ... then with insert_all's


def test_a_run_stopped_early_is_rendered_as_such(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    assert main(["15", "--only", "append", "--json", str(out)]) == 0
    stopped = json.loads(out.read_text()) | {"complete": False}
    text = report.section(stopped)
    assert "it stopped after" in text and "s in all" not in text
    assert "s in all" in report.section(json.loads(out.read_text()))


needs_valgrind = pytest.mark.skipif(
    shutil.which("valgrind") is None, reason="valgrind is not installed (.ci/run installs it)"
)


@needs_valgrind
def test_callgrind_counts_the_same_instructions_run_to_run_and_more_for_more_work() -> None:
    python = [sys.executable, "-c"]
    bare = bench_cli.instructions([*python, "pass"])
    again = bench_cli.instructions([*python, "pass"])
    more = bench_cli.instructions([*python, "sum(range(300_000))"])
    assert bare > 1_000_000
    assert abs(again - bare) < bare * 0.001
    # 300,000 additions of Python ints: each is tens of instructions
    assert more - bare > 300_000 * 10


@needs_valgrind
def test_a_failing_command_under_callgrind_is_an_error_not_a_count() -> None:
    with pytest.raises(subprocess.CalledProcessError):
        bench_cli.instructions([sys.executable, "-c", "raise SystemExit(3)"])


@needs_valgrind
def test_the_cli_benchmark_counts_an_append_and_an_insert_when_asked(tmp_path: Path) -> None:
    folder = built_archive(tmp_path / "archive", gen.generate(20))
    results = bench_cli.run(folder, 20, tmp_path / "work", rounds=1, counted=True)
    counted = results[-1]
    assert counted.benchmark == "`timeline append` of one record (instructions)"
    assert counted.unit == "instructions" and counted.met is None
    # Both start an interpreter and import click: tens of millions of instructions at least.
    assert counted.figure > 50_000_000 and counted.baseline > 50_000_000
    assert "instructions" in table(results)


def test_the_append_by_size_report_gives_a_line_a_step_with_the_baselines_statements(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bench/append_by_size.py` stores the records with both contenders and prints, each step,
    ours and the baseline's CPU a row with each of the baseline's statements, which add up."""
    monkeypatch.setattr(bench_append, "BATCH", 50)
    assert append_by_size.main(["150", "--step", "50"]) == 0
    header, *lines = capsys.readouterr().out.splitlines()
    assert header.split() == ["stored", "ours", "baseline", *append_by_size.PARTS]
    assert [line.split()[0] for line in lines] == ["50", "100", "150"]
    for line in lines:
        ours, baseline, *parts = map(float, line.split()[1:])
        assert ours > 0 and baseline > 0
        assert sum(parts) == pytest.approx(baseline, abs=0.2)


def test_the_append_by_size_report_refuses_a_step_that_is_not_whole_batches(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        append_by_size.main(["100000", "--step", "15000"])
    assert exit_.value.code == 2
    assert "--step: a multiple of 10,000" in capsys.readouterr().err


def test_the_extract_size_benchmark_says_when_its_baseline_revision_cannot_run_here() -> None:
    """e9f267e, the size benchmark's baseline, imports pycountry, which the project has not
    depended on since af92564: the benchmark says so in one line instead of a traceback."""
    with pytest.raises(bench_extract.BaselineError, match="e9f267e"):
        bench_extract.bench_sizes_at("e9f267e", [25])
    with pytest.raises(bench_extract.BaselineError, match="not in this clone"):
        bench_extract.bench_sizes_at("0000000000000000000000000000000000000000", [25])
