"""Input that was silently accepted or crashed (issue 12, defects 6 and 7) is refused with one
line that names the file, record and field (or the argument), exit code 1, nothing written.

- a key given twice in a YAML or JSON mapping (the parsers keep the last one, silently);
- NUL, other control characters and escape sequences in text (a terminal or a page that shows
  them can be made to show something else); tabs and line breaks stay allowed;
- a 5,000-digit integer (Python refuses to convert it) anywhere, and a value nested 50,000 deep."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from pydantic import ValidationError

from events import EngagementFacts
from tests.helpers import make_record, visit_record
from timeline.cli import cli

BIG = "9" * 5000
DEEP = "[" * 50_000 + "]" * 50_000


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=True)


def dump(folder: Path) -> tuple[list[tuple], list[tuple]]:
    """Every stored event and every row of every table of timeline.db."""
    with sqlite3.connect(folder / "events.db") as db:
        events = db.execute("select * from stored_events order by rowid").fetchall()
    with sqlite3.connect(folder / "timeline.db") as db:
        tables = [t for (t,) in db.execute("select name from sqlite_master where type = 'table'")]
        rows = [(t, *r) for t in sorted(tables) for r in db.execute(f"select * from [{t}]")]
    return events, rows


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("base") / "archive"
    path = folder.parent / "r.yaml"
    path.write_text(yaml.safe_dump_all([visit_record(), make_record()], allow_unicode=True))
    assert run("append", str(path), "--archive", str(folder)).exit_code == 0
    return folder


@pytest.fixture
def archive(base: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    shutil.copytree(base, folder)
    return folder


def refused(archive: Path, *args: str, input: str | None = None) -> str:
    """Run the command; assert it is refused with one line and writes nothing; the line."""
    before = dump(archive)
    result = run(*args, "--archive", str(archive), input=input)
    assert result.exit_code == 1, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert dump(archive) == before
    return lines[0]


def append_refused(archive: Path, name: str, text: str) -> str:
    """`append` of a file `name` holding `text`, beside the archive: its one error line."""
    path = archive.parent / name
    path.write_text(text)
    return refused(archive, "append", str(path))


NEW = make_record(slug="new-one", title="A new one", part_of=None, session=3)


# Defect 7: keys given twice


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("r.json", '{"slug": "new-one", "slug": "other", "kind": "visit"}',
         "r.json: record 1 (other): key 'slug' is given twice (the later would silently win)"),
        ("r.json", '[{"slug": "a-1"}, {"slug": "new-one", "place": {"city": "A", "city": "B", "country": "US"}}]',
         "r.json: record 2 (new-one): place: key 'city' is given twice (the later would silently win)"),
        ("r.ndjson", '{"slug": "a-1"}\n{"slug": "new-one", "participants": [{"name": "A", "name": "B"}]}\n',
         "r.ndjson: record 2 (new-one): participants[0]: key 'name' is given twice (the later would silently win)"),
        ("r.yaml", "slug: new-one\nkind: visit\ntitle: A\ntitle: B\n",
         "r.yaml: line 4: key 'title' is given twice (the later would silently win)"),
        ("r.yaml", "---\nslug: a-1\n---\nslug: new-one\nplace:\n  city: A\n  country: US\n  city: B\n",
         "r.yaml: line 8: key 'city' is given twice (the later would silently win)"),
    ],
)  # fmt: skip
def test_a_key_given_twice_in_a_record_file_is_refused_by_name(
    archive: Path, name: str, text: str, message: str
) -> None:
    assert append_refused(archive, name, text) == f"Error: {archive.parent}/{message}"


def test_a_key_given_twice_on_standard_input_is_refused(archive: Path) -> None:
    line = refused(archive, "append", "-", input='{"slug": "new-one", "title": "A", "title": "B"}')
    assert line == (
        "Error: <stdin>: record 1 (new-one): key 'title' is given twice (the later would "
        "silently win)"
    )


def test_a_key_given_twice_in_a_corrections_file_or_a_set_value_is_refused(archive: Path) -> None:
    path = archive.parent / "c.yaml"
    path.write_text("- slug: new-one\n  reason: r\n  set: {title: A}\n  reason: s\n")
    assert refused(archive, "correct", "--file", str(path)) == (
        f"Error: {path}: line 4: key 'reason' is given twice (the later would silently win)"
    )
    line = refused(
        archive, "correct", "vn-us-visit-2025", "--set", "place={city: A, country: US, city: B}",
        "--reason", "r",
    )  # fmt: skip
    assert line == "Error: --set place: key 'city' is given twice (the later would silently win)"


# Defect 7: control characters and escape sequences in text


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("title", "A\x00B", "U+0000"),
        ("title", "\x1b[31mRed\x1b[0m", "U+001B"),
        ("summary", "bell \x07", "U+0007"),
        ("title", "C1 \x9b31m", "U+009B"),
        ("title", "delete \x7f", "U+007F"),
        ("title", "Trojan \u202egnp.exe", "U+202E"),
        ("title", "isolate \u2066x\u2069", "U+2066"),
    ],
)
def test_control_characters_in_text_are_refused_naming_the_field(
    archive: Path, field: str, value: str, shown: str
) -> None:
    path = archive.parent / "r.json"
    path.write_text(json.dumps({**NEW, field: value}))
    line = refused(archive, "append", str(path))
    assert line.startswith(f"Error: {path}: record 1 (new-one): {field}: ")
    assert shown in line and "control character" in line


def test_control_characters_are_refused_in_nested_text_corrections_and_reasons(
    archive: Path,
) -> None:
    record = make_record(slug="new-one", title="A new one", part_of=None, session=3)
    record["participants"][0]["name"] = "Nul\x00Name"
    path = archive.parent / "r.json"
    path.write_text(json.dumps(record))
    assert "participants[0].name: " in refused(archive, "append", str(path))
    line = refused(
        archive, "correct", "vn-us-visit-2025", "--set", 'title="A\\x1bB"', "--reason", "r"
    )
    assert "title: " in line and "U+001B" in line
    line = refused(
        archive, "correct", "vn-us-visit-2025", "--set", "title=B", "--reason", "why\x1b"
    )
    assert "reason: " in line and "U+001B" in line
    line = refused(archive, "retract", "vn-us-visit-2025", "--reason", "why\x00")
    assert "reason: " in line and "U+0000" in line


def test_tabs_and_line_breaks_stay_allowed_in_text() -> None:
    facts = EngagementFacts.model_validate(
        make_record(summary="First line.\nSecond\tline.\r\nThird.", title="A\ttitle")
    )
    assert facts.summary == "First line.\nSecond\tline.\r\nThird."


def test_the_domain_refuses_control_characters_whatever_the_path_in() -> None:
    """In the pure domain, so files, --set and importers all get it."""
    with pytest.raises(ValidationError, match=r"control character U\+001B"):
        EngagementFacts.model_validate(make_record(title="\x1b]8;;http://x\x1b\\link"))
    with pytest.raises(ValidationError, match=r"sources\.0\.url"):
        source = {**make_record()["sources"][0], "url": "https://example.org/\x1b"}
        EngagementFacts.model_validate(make_record(sources=[source]))


# Defect 6: a 5,000-digit integer, a value nested 50,000 deep


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("r.json", json.dumps(NEW).replace('"session": 3', f'"session": {BIG}'), "r.json: line 1: "),
        ("r.ndjson", json.dumps(visit_record(slug="a-1")) + "\n" + json.dumps(NEW).replace('"session": 3', f'"session": {BIG}') + "\n", "r.ndjson: line 2: "),
        ("r.yaml", yaml.safe_dump({**NEW, "notes": 1}).replace("notes: 1", f"notes: {BIG}"), "r.yaml: line "),
        ("r.yaml", yaml.safe_dump({**NEW, "x-extra": 1}).replace("x-extra: 1", f"x-extra: [{BIG}]"), "r.yaml: line "),
    ],
)  # fmt: skip
def test_a_five_thousand_digit_integer_in_a_record_file_is_one_line(
    archive: Path, name: str, text: str, where: str
) -> None:
    line = append_refused(archive, name, text)
    assert line.startswith(f"Error: {archive.parent}/{where}")
    assert "a number of more than 4300 digits" in line


def test_a_five_thousand_digit_integer_on_standard_input_and_in_set_is_one_line(
    archive: Path,
) -> None:
    line = refused(
        archive, "append", "-", input=json.dumps(NEW).replace('"session": 3', f'"session": {BIG}')
    )
    assert line.startswith("Error: <stdin>: ") and "more than 4300 digits" in line
    line = refused(
        archive, "correct", "vn-us-visit-2025", "--set", f"session={BIG}", "--reason", "r"
    )
    assert line == "Error: --set session: a number of more than 4300 digits"
    path = archive.parent / "c.json"
    path.write_text(f'[{{"slug": "vn-us-visit-2025", "set": {{"session": {BIG}}}, "reason": "r"}}]')
    assert "more than 4300 digits" in refused(archive, "correct", "--file", str(path))
    source = archive.parent / "s.yaml"
    source.write_text(f"document: d\nstart: {BIG}\n")
    line = refused(
        archive,
        "correct",
        "vn-us-visit-2025",
        "--set",
        "title=B",
        "--reason",
        "r",
        "--source",
        str(source),
    )
    assert line.startswith(f"Error: {source}: line ") and "more than 4300 digits" in line


def test_a_value_nested_fifty_thousand_deep_is_one_line(archive: Path) -> None:
    line = refused(
        archive, "correct", "vn-us-visit-2025", "--set", f"title={DEEP}", "--reason", "r"
    )
    assert line == "Error: --set title: the value is nested too deeply"
    path = archive.parent / "r.yaml"
    path.write_text(f"slug: new-one\ntitle: {DEEP}\n")
    assert (
        refused(archive, "append", str(path))
        == f"Error: {path}: nested too deeply to be a record file"
    )
