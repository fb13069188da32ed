"""Issue 3, item 9: bad input, fuzzed.

Hypothesis feeds malformed record files (YAML, JSON, NDJSON; wrong types, missing fields, bad
dates, bad offsets, truncated text, garbage bytes) and command-line arguments to `append`,
`correct` and `retract`. Every case must end in success (exit 0) or in one line `Error: …` with
exit code 1: never a traceback, and on error nothing written (the store and every table of the
projection as they were). Each property runs FUZZ_EXAMPLES cases, so CI stays fast."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from events import EngagementFacts
from tests.helpers import SOURCE, make_record, visit_record
from tests.projection.test_projection import dump
from timeline.cli import cli

# CI runs the same 200 cases a property every time, so the figures in docs/reliability.md are
# reproducible; TIMELINE_FUZZ_EXAMPLES=N runs N fresh random cases a property instead.
FUZZ_EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize="TIMELINE_FUZZ_EXAMPLES" not in os.environ,
    database=None,  # nothing kept between runs: a run is what its settings say
)
DIALOGUE = "vn-us-security-dialogue-2"
VISIT = "vn-us-visit-2025"
FIELDS = [*EngagementFacts.model_fields, "colour"]

# Values of every JSON type, nested a little, including the awkward ones.
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", " ", "VN", "XX", "vn", "day", "-1", "1e999", "null", "~", "é", "\x00"])
)
JSONISH = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
BAD_DATES = st.sampled_from([
    "2025-02-30", "2025-13-01", "2025-09-05/2025-09-01", "2025-7", "0000-01-01", "2025-09-05T10:00",
    "9999-12-31/10000-01-01", "", "yesterday", "2025/09/05", "05-09-2025", "2025-09",
    {"start": "2025-09-05", "end": "2025-09-01", "precision": "range"},
    {"start": "2025-09-05", "precision": "month"}, {"start": "2025-09-05", "precision": "week"},
    {"end": "2025-09-05"}, {"start": None},
]) | st.text(max_size=12)  # fmt: skip
OFFSETS = st.integers() | st.sampled_from([-1, 0, 10**9, 2**63, 2**64, -(2**63) - 1])
PATHS = [
    ("slug",), ("kind",), ("title",), ("date",), ("date", "start"), ("date", "precision"),
    ("place",), ("place", "country"), ("host",), ("guests",), ("series",), ("session",),
    ("part_of",), ("participants",), ("participants", 0, "role"), ("participants", 0, "name"),
    ("organisations", 0), ("topics",), ("topics", 0), ("sources",), ("sources", 0, "start"),
    ("sources", 0, "end"), ("sources", 0, "quote"), ("sources", 0, "language"),
    ("sources", 0, "url"), ("sources", 0, "published"), ("evidence", 0, "field"),
    ("evidence", 0, "start"), ("evidence", 0, "inferred"), ("evidence", 0, "document"),
]  # fmt: skip


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=True)


def snapshot(folder: Path) -> tuple[list[tuple], dict[str, list[tuple]]]:
    with sqlite3.connect(folder / "events.db") as db:
        store = db.execute("select * from stored_events order by rowid").fetchall()
    return store, dump(folder / "timeline.db")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive with a visit and a dialogue, built: copied afresh for every case."""
    folder = tmp_path_factory.mktemp("fuzz") / "archive"
    records = tmp_path_factory.mktemp("records") / "r.yaml"
    records.write_text(yaml.safe_dump_all([visit_record(), make_record()], allow_unicode=True))
    result = run("append", str(records), "--archive", str(folder))
    assert result.exit_code == 0, result.output
    return folder


BEFORE: dict[Path, Any] = {}  # the base archive's snapshot, taken once


class Case:
    """A fresh copy of the base archive in a folder of its own, deleted afterwards."""

    def __init__(self, base: Path) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="fuzz-"))
        self.archive = self.root / "archive"
        shutil.copytree(base, self.archive)
        self.before = BEFORE.get(base) or BEFORE.setdefault(base, snapshot(base))

    def check(self, result: Result) -> None:
        """Success, or one line `Error: …`, exit 1, and nothing written."""
        if currently_in_test_context():
            event(f"exit code {result.exit_code}")
        assert result.exit_code in (0, 1), (result.exit_code, result.output, result.exception)
        if result.exception is not None:
            assert isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output
        if result.exit_code == 1:
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
            assert snapshot(self.archive) == self.before, result.stderr

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def set_path(record: Any, path: tuple[Any, ...], value: Any, delete: bool) -> None:
    """Replace (or delete) the value at `path`, where the record has it."""
    target = record
    for part in path[:-1]:
        try:
            target = target[part]
        except (KeyError, IndexError, TypeError):
            return
    last = path[-1]
    if isinstance(target, dict) and delete:
        target.pop(last, None)
    elif isinstance(target, dict) or (isinstance(target, list) and last < len(target)):
        target[last] = value


@st.composite
def malformed_records(draw: st.DrawFn) -> list[dict[str, Any]]:
    """One to three records, each a valid one with a few fields broken."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        record = copy.deepcopy(
            draw(st.sampled_from([make_record(), visit_record(), make_record(part_of=None)]))
        )
        record["slug"] = draw(st.sampled_from([DIALOGUE, VISIT, "fuzz-new", "fuzz-other"]))
        for _ in range(draw(st.integers(0, 3))):
            path = draw(st.sampled_from(PATHS))
            value = draw(
                BAD_DATES if "date" in path or "published" in path
                else OFFSETS if path[-1] in ("start", "end", "session")
                else JSONISH
            )  # fmt: skip
            set_path(record, path, value, delete=draw(st.booleans()))
        if draw(st.booleans()):
            record[draw(st.text(max_size=6))] = draw(JSONISH)
        out.append(record)
    return out


def serialise(records: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "yaml":
        return yaml.safe_dump_all(records, allow_unicode=True)
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False)
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)


@st.composite
def record_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, content): malformed records, sometimes cut short or spliced with garbage,
    or garbage alone."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(["g.yaml", "g.json", "g.ndjson", "g.txt"])), draw(st.binary())
    fmt = draw(st.sampled_from(["yaml", "json", "ndjson"]))
    data = serialise(draw(malformed_records()), fmt).encode()
    damage = draw(st.sampled_from(["none", "none", "truncate", "splice"]))
    if damage == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "splice":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    suffix = draw(st.sampled_from([f".{fmt}", f".{fmt}", ".txt", ""]))
    return f"records{suffix}", data


@FUZZ
@given(files=st.lists(record_files(), min_size=1, max_size=2))
def test_fuzz_append_record_files(base: Path, files: list[tuple[str, bytes]]) -> None:
    with Case(base) as case:
        paths = []
        for i, (name, data) in enumerate(files):
            path = case.root / f"{i}-{name}"
            path.write_bytes(data)
            paths.append(str(path))
        case.check(run("append", *paths, "--archive", str(case.archive)))


@FUZZ
@given(data=record_files())
def test_fuzz_append_standard_input(base: Path, data: tuple[str, bytes]) -> None:
    with Case(base) as case:
        case.check(run("append", "-", "--archive", str(case.archive), input=data[1]))


ASSIGNMENTS = st.one_of(
    st.builds(lambda f, v: f"{f}={v}", st.sampled_from(FIELDS), st.text(max_size=20)),
    st.builds(lambda f, v: f"{f}={json.dumps(v)}", st.sampled_from(FIELDS), JSONISH),
    st.builds(lambda f, v: f"{f}={v}", st.sampled_from(["date", "date.start"]), BAD_DATES.filter(
        lambda v: isinstance(v, str))),
    st.text(max_size=15),
)  # fmt: skip
# Some that a correction takes, so the fuzz also walks the paths that write.
GOOD_ASSIGNMENTS = st.sampled_from([
    "session=3", "title=A new title", "summary=Longer", "guests=[VN, AU]", "topics=[cybercrime]",
    "date=2025-09-06", "notes=checked",
])  # fmt: skip


def mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Half good values, half fuzzed: so that every part of a command line can be the bad one."""
    return st.booleans().flatmap(lambda ok: good if ok else bad)


SLUGS = (
    st.sampled_from([DIALOGUE, VISIT])
    | st.sampled_from([DIALOGUE, VISIT, "nope", "", "Not A Slug", "-"])
    | st.text(max_size=10)
)
REASONS = st.none() | st.sampled_from(["a reason", "the embassy's release"]) | st.text(max_size=10)


@st.composite
def sources(draw: st.DrawFn) -> dict[str, Any]:
    """A source with a few fields broken or missing."""
    source = copy.deepcopy(SOURCE) | {"document": draw(st.sampled_from(["test-doc", "new-doc"]))}
    for _ in range(draw(st.integers(0, 2))):
        key = draw(st.sampled_from([*SOURCE, "colour"]))
        if draw(st.booleans()):
            source.pop(key, None)
        else:
            source[key] = draw(OFFSETS if key in ("start", "end") else JSONISH)
    return source


@st.composite
def source_files(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary())
    return yaml.safe_dump(draw(sources()), allow_unicode=True).encode()


@FUZZ
@given(
    slug=mostly(st.sampled_from([DIALOGUE, VISIT]), SLUGS),
    assignments=mostly(
        st.lists(GOOD_ASSIGNMENTS, min_size=1, max_size=2), st.lists(ASSIGNMENTS, max_size=3)
    ),
    reason=mostly(st.just("a reason"), REASONS),
    source=mostly(st.none(), st.none() | source_files()),
)
def test_fuzz_correct_arguments(
    base: Path, slug: str, assignments: list[str], reason: str | None, source: bytes | None
) -> None:
    with Case(base) as case:
        args = ["correct", slug]
        for assignment in assignments:
            args += ["--set", assignment]
        if reason is not None:
            args += ["--reason", reason]
        if source is not None:
            (case.root / "source.yaml").write_bytes(source)
            args += ["--source", str(case.root / "source.yaml")]
        case.check(run(*args, "--archive", str(case.archive)))


@st.composite
def correction_files(draw: st.DrawFn) -> tuple[str, bytes]:
    entries: list[Any] = []
    for _ in range(draw(st.integers(1, 3))):
        entry: dict[str, Any] = {
            "slug": draw(mostly(st.sampled_from([DIALOGUE, VISIT]), SLUGS)),
            "set": draw(
                mostly(
                    st.sampled_from([{"session": 3}, {"title": "A new title"}, {"notes": "x"}]),
                    st.dictionaries(st.sampled_from(FIELDS), JSONISH | BAD_DATES, max_size=2)
                    | JSONISH,
                )
            ),
            "reason": draw(mostly(st.just("a reason"), REASONS | JSONISH)),
        }
        if draw(st.integers(0, 3)) == 0:
            del entry[draw(st.sampled_from(["slug", "set", "reason"]))]
        if draw(st.integers(0, 3)) == 0:
            entry["source"] = draw(sources() | JSONISH)
        entries.append(entry)
    fmt = draw(st.sampled_from(["yaml", "json", "ndjson"]))
    try:
        text = serialise(entries, fmt).encode()
    except (TypeError, ValueError):
        text = draw(st.binary())
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return f"corrections.{fmt}", text


@FUZZ
@given(data=correction_files())
def test_fuzz_correction_files(base: Path, data: tuple[str, bytes]) -> None:
    with Case(base) as case:
        path = case.root / data[0]
        path.write_bytes(data[1])
        case.check(run("correct", "--file", str(path), "--archive", str(case.archive)))


@FUZZ
@given(
    slug=mostly(st.sampled_from([DIALOGUE, VISIT]), SLUGS),
    reason=mostly(st.just("a duplicate"), REASONS),
    merged_into=mostly(st.none() | st.sampled_from([DIALOGUE, VISIT]), SLUGS),
)
def test_fuzz_retract_arguments(
    base: Path, slug: str, reason: str | None, merged_into: str | None
) -> None:
    with Case(base) as case:
        args = ["retract", slug]
        if reason is not None:
            args += ["--reason", reason]
        if merged_into is not None:
            args += ["--merged-into", merged_into]
        case.check(run(*args, "--archive", str(case.archive)))


WORDS = st.sampled_from([
    "append", "correct", "retract", "--set", "--reason", "--source", "--file", "--merged-into",
    "--build", "--no-build", "--allow-duplicates", "--documents", "--as-of", "-o", "--json",
    "--history", DIALOGUE, VISIT, "session=3", "=", "-", "--", "x.yaml", "nope",
]) | st.text(st.characters(blacklist_categories=["Cs"]), max_size=10)  # fmt: skip


@FUZZ
@given(
    command=st.sampled_from(["append", "correct", "retract"]),
    argv=st.lists(WORDS, max_size=6),
)
def test_fuzz_command_lines(base: Path, command: str, argv: list[str]) -> None:
    with Case(base) as case:
        # Relative names resolve in the case's folder, never in the repository.
        with contextlib.chdir(case.root):
            result = run(command, *argv, "--archive", str(case.archive))
        case.check(result)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"session": 2**64}, "session: Input should be less than or equal to 1000000"),
        ({"sources": [SOURCE | {"start": 2**64, "end": 2**64 + 37}]},
         "sources[0].start: Input should be less than or equal to 1000000000"),
    ],
)  # fmt: skip
def test_numbers_too_large_for_sqlite_are_refused_by_name(
    base: Path, changes: dict[str, Any], message: str
) -> None:
    """Found by fuzzing: such a number passed validation, then broke the store's lookups."""
    with Case(base) as case:
        path = case.root / "big.yaml"
        record = make_record(slug="fuzz-big", title="Big", part_of=None, **changes)
        path.write_text(yaml.safe_dump(record, allow_unicode=True))
        result = run("append", str(path), "--archive", str(case.archive))
        case.check(result)
        assert result.stderr.strip() == f"Error: {path}: record 1 (fuzz-big): {message}"


@pytest.mark.parametrize(
    "argv",
    [
        ["append", "\x00"],
        ["correct", "--file", "\x00"],
        ["correct", "x", "--set", "a=b", "--reason", "r", "--source", "\x00"],
        ["build", "--archive", "a\x00"],
    ],
)
def test_a_path_no_system_takes_is_refused_by_name(base: Path, argv: list[str]) -> None:
    """Found by a random fuzz run (TIMELINE_FUZZ_EXAMPLES=1000): a NUL in a path was a crash."""
    with Case(base) as case:
        if "--archive" not in argv:
            argv = [*argv, "--archive", str(case.archive)]
        result = run(*argv)
        case.check(result)
        assert result.exit_code == 1
        assert "\\x00" in result.stderr or "cannot hold a NUL character" in result.stderr
