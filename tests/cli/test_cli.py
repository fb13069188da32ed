"""Every command through click's CliRunner, and the store afterwards; bad input changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from tests.helpers import Backend, make_record, visit_record
from timeline.cli import cli
from timeline.store.location import parse_store


def run(*args: str, input: str | None = None, env: dict | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)


def write_records(path: Path, *records: dict) -> str:
    path.write_text(yaml.safe_dump_all(records, allow_unicode=True), encoding="utf-8")
    return str(path)


@pytest.fixture
def recorded(tmp_path: Path, archive_dir: Path, backend: Backend) -> Path:
    result = run("append", write_records(tmp_path / "r.yaml", make_record(), visit_record()),
                 "--archive", str(archive_dir))  # fmt: skip
    assert result.exit_code == 0, result.output
    return archive_dir


def test_append_records_builds_and_reports(
    tmp_path: Path, archive_dir: Path, backend: Backend
) -> None:
    path = write_records(tmp_path / "r.yaml", make_record(), visit_record())
    result = run("append", path, "--archive", str(archive_dir))
    assert result.exit_code == 0
    assert "recorded   vn-us-security-dialogue-2" in result.output
    assert "2 recorded, 0 already recorded" in result.output
    assert "timeline.db rebuilt: 2 events projected" in result.output
    assert len(backend.stored(archive_dir)) == 2
    again = run("append", path, "--archive", str(archive_dir))
    assert again.exit_code == 0
    assert "unchanged  vn-us-visit-2025 (already recorded as it is)" in again.output
    assert len(backend.stored(archive_dir)) == 2


def test_append_reads_standard_input_and_the_environment_variable(
    archive_dir: Path, backend: Backend
) -> None:
    ndjson = "\n".join(json.dumps(r) for r in [make_record(), visit_record()])
    result = run("append", "-", input=ndjson, env={"TIMELINE_ARCHIVE": str(archive_dir)})
    assert result.exit_code == 0, result.output
    assert len(backend.stored(archive_dir)) == 2


def test_append_without_build_leaves_the_projection(
    tmp_path: Path, archive_dir: Path, backend: Backend
) -> None:
    path = write_records(tmp_path / "r.yaml", visit_record())
    assert run("append", path, "--no-build", "--archive", str(archive_dir)).exit_code == 0
    assert not (archive_dir / "timeline.db").exists()
    result = run("build", "--archive", str(archive_dir))
    assert "timeline.db rebuilt: 1 events projected, 1 engagements, position 1" in result.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("slug: [unclosed", "r.yaml: malformed YAML at line 1"),
        (yaml.safe_dump_all([visit_record(), make_record(host="XX")]),
         "r.yaml: record 2 (vn-us-security-dialogue-2): host: unknown country code 'XX'"),
        (yaml.safe_dump(make_record(date={"start": "2025-09-05", "end": "2025-09-01", "precision": "range"})),
         "r.yaml: record 1 (vn-us-security-dialogue-2): date: end 2025-09-01 is before start 2025-09-05"),
        (yaml.safe_dump(make_record(topics=["piracy"])),
         "r.yaml: record 1 (vn-us-security-dialogue-2): topics[0]: unknown topic 'piracy'"),
        (yaml.safe_dump(make_record(kind="summit")),
         "r.yaml: record 1 (vn-us-security-dialogue-2): kind: Input should be"),
        (yaml.safe_dump_all([visit_record(), make_record(slug=None)]), "r.yaml: record 2: slug: missing"),
    ],
)  # fmt: skip
def test_bad_records_end_with_one_line_and_write_nothing(
    tmp_path: Path, recorded: Path, text: str, message: str, backend: Backend
) -> None:
    before = backend.stored(recorded)
    projection = (recorded / "timeline.db").read_bytes()
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    result = run("append", str(tmp_path / "r.yaml"), "--archive", str(recorded))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {tmp_path / message}")
    assert "Traceback" not in result.output
    assert backend.stored(recorded) == before
    assert (recorded / "timeline.db").read_bytes() == projection


def test_a_bad_record_in_a_new_archive_creates_nothing(
    tmp_path: Path, archive_dir: Path, backend: Backend
) -> None:
    path = write_records(tmp_path / "r.yaml", visit_record(), make_record(host="XX"))
    result = run("append", path, "--archive", str(archive_dir))
    assert result.exit_code == 1
    assert not archive_dir.exists()
    assert backend.stored(archive_dir) == []


def test_a_conflicting_record_names_its_file_and_how_to_correct(
    tmp_path: Path, recorded: Path, backend: Backend
) -> None:
    before = backend.stored(recorded)
    path = write_records(tmp_path / "new.yaml", make_record(title="Other title"))
    result = run("append", path, "--archive", str(recorded))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: {path}: record 1: vn-us-security-dialogue-2: already recorded with other content (title)"
    )
    assert (
        "timeline correct vn-us-security-dialogue-2 --set FIELD=VALUE --reason TEXT"
        in result.stderr
    )
    assert backend.stored(recorded) == before


def test_show_prints_the_state_and_the_events(recorded: Path, backend: Backend) -> None:
    result = run("show", "vn-us-security-dialogue-2", "--archive", str(recorded))
    assert result.exit_code == 0
    shown = yaml.safe_load(result.output)
    assert shown["title"] == make_record()["title"]
    assert "#  v1 " in result.output and " Recorded" in result.output
    as_json = json.loads(
        run("show", "vn-us-security-dialogue-2", "--json", "--archive", str(recorded)).output
    )
    assert as_json["version"] == 1
    assert [e["event"] for e in as_json["events"]] == ["Recorded"]
    assert as_json["facts"]["participants"][1]["variants"] == ["Chris Lanberg"]


def test_show_an_unknown_slug(recorded: Path, backend: Backend) -> None:
    result = run("show", "no-such-engagement", "--archive", str(recorded))
    assert result.exit_code == 1
    where = recorded if backend.name == "sqlite" else parse_store(backend.url).display
    assert (
        result.stderr.strip()
        == f"Error: no-such-engagement: no engagement with this slug in {where}"
    )


def test_list_filters_and_json(recorded: Path, backend: Backend) -> None:
    result = run("list", "--archive", str(recorded))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("4–5 Sep 2025") and lines[0].endswith("vn-us-visit-2025")
    country = run(
        "list", "--country", "vn", "--kind", "dialogue", "--nl", "--archive", str(recorded)
    )
    rows = [json.loads(line) for line in country.stdout.splitlines()]
    assert [(r["engagement"], r["counterpart"], r["role"]) for r in rows] == [
        ("vn-us-security-dialogue-2", "US", "guest")
    ]
    since = run("list", "--since", "2025-09-05", "--nl", "--archive", str(recorded))
    assert [json.loads(x)["engagement"] for x in since.stdout.splitlines()] == [
        "vn-us-visit-2025",
        "vn-us-security-dialogue-2",
    ]
    later = run("list", "--since", "2026", "--archive", str(recorded))
    assert later.stdout == ""


def test_list_brings_the_projection_up_to_date(
    tmp_path: Path, archive_dir: Path, backend: Backend
) -> None:
    run(
        "append",
        write_records(tmp_path / "r.yaml", visit_record()),
        "--no-build",
        "--archive",
        str(archive_dir),
    )
    result = run("list", "--nl", "--archive", str(archive_dir))
    assert [json.loads(x)["engagement"] for x in result.stdout.splitlines()] == ["vn-us-visit-2025"]


def test_correct_changes_a_field_and_keeps_the_history(recorded: Path, backend: Backend) -> None:
    result = run("correct", "vn-us-security-dialogue-2", "--set", "guests=[VN, AU]", "--set", "session=2",
                 "--reason", "Australia attended", "--archive", str(recorded))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "corrected  vn-us-security-dialogue-2 (version 2)" in result.output
    shown = json.loads(
        run("show", "vn-us-security-dialogue-2", "--json", "--archive", str(recorded)).output
    )
    assert shown["facts"]["guests"] == ["VN", "AU"]
    assert shown["events"][1]["changes"] == {"guests": ["VN", "AU"]}
    au = run("list", "--country", "AU", "--nl", "--archive", str(recorded))
    assert [json.loads(x)["engagement"] for x in au.stdout.splitlines()] == [
        "vn-us-security-dialogue-2"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--set", "host=XX"],
            "Error: vn-us-security-dialogue-2: host: unknown country code 'XX' (expected ISO 3166-1 alpha-2, e.g. VN; ISO 3166-3 alpha-4 for a former state, e.g. SUHH; INT for an international organisation)",
        ),
        (["--set", "colour=red"], "Error: vn-us-security-dialogue-2: colour: no such field"),
        (["--set", "title"], "Error: --set 'title': expected FIELD=VALUE"),
        (["--set", "guests=[VN"], "Error: --set guests: the value is not valid YAML"),
    ],
)
def test_bad_corrections_write_nothing(
    recorded: Path, args: list[str], message: str, backend: Backend
) -> None:
    before = backend.stored(recorded)
    result = run(
        "correct", "vn-us-security-dialogue-2", *args, "--reason", "r", "--archive", str(recorded)
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == message
    assert backend.stored(recorded) == before


@pytest.mark.parametrize(
    "command",
    [
        ["build"],
        ["show", "x"],
        ["list"],
        ["serve"],
        ["correct", "x", "--set", "a=b", "--reason", "r"],
    ],
)
def test_commands_refuse_a_store_without_an_archive(
    tmp_path: Path, command: list[str], backend: Backend
) -> None:
    result = run(*command, "--archive", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    if backend.name == "sqlite":
        where, what = tmp_path / "nowhere", "no events.db"
    else:
        where, what = parse_store(backend.url).display, "no timeline_events table"
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {where}")
    assert f": no archive here ({what})" in line
    assert not (tmp_path / "nowhere").exists()
    assert backend.stored(tmp_path / "nowhere") == []


def test_append_refuses_a_folder_of_other_files(tmp_path: Path, backend: Backend) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    path = write_records(tmp_path / "r.yaml", visit_record())
    result = run("append", path, "--archive", str(tmp_path))
    assert result.exit_code == 1
    assert "not an archive folder (it holds other files and no " in result.stderr
    assert not (tmp_path / "events.db").exists()
    assert backend.stored(tmp_path) == []


def test_topics_lists_the_vocabulary_in_two_languages() -> None:
    result = run("topics")
    assert "money_laundering               Money laundering / Rửa tiền" in result.output


@pytest.mark.parametrize(
    "command", ["append", "build", "serve", "show", "list", "correct", "retract", "topics"]
)
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: cli {command} ")
    if command != "topics":
        assert "--archive DIR" in result.output
        assert "--store URL" in result.output


def test_help_lists_the_lazy_commands_by_their_own_first_lines() -> None:
    """`timeline --help` lists `extract`, `evaluate` and `review` without importing them, from a
    copy of their help's first paragraph: the copy is the commands' own."""
    import importlib

    from timeline.cli import Group

    listed = run("--help").output
    assert set(Group.lazy_commands) == {"extract", "evaluate", "review"}
    for name, (module, attribute, first) in Group.lazy_commands.items():
        command = getattr(importlib.import_module(module), attribute)
        assert " ".join(command.help.split("\n\n")[0].split()) == first
        assert f"  {name}  " in listed and first[:30] in listed


def test_append_names_the_record_whose_parent_is_missing(
    tmp_path: Path, archive_dir: Path, backend: Backend
) -> None:
    path = write_records(tmp_path / "r.yaml", make_record())
    result = run("append", path, "--archive", str(archive_dir))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {path}: record 1: vn-us-security-dialogue-2: part_of: no engagement "
        "'vn-us-visit-2025' is recorded or in this batch; nothing was written"
    )
    assert backend.stored(archive_dir) == []


def test_correct_with_a_source(tmp_path: Path, recorded: Path, backend: Backend) -> None:
    source = {"document": "embassy-release", "publisher": "Embassy", "language": "en",
              "quote": "Australia attended.", "start": 10, "end": 29}  # fmt: skip
    (tmp_path / "source.yaml").write_text(yaml.safe_dump(source), encoding="utf-8")
    result = run("correct", "vn-us-security-dialogue-2", "--set", "guests=[VN, AU]", "--reason", "r",
                 "--source", str(tmp_path / "source.yaml"), "--archive", str(recorded))  # fmt: skip
    assert result.exit_code == 0, result.output
    shown = json.loads(
        run("show", "vn-us-security-dialogue-2", "--json", "--archive", str(recorded)).output
    )
    assert [s["document"] for s in shown["facts"]["sources"]] == ["test-doc", "embassy-release"]


def test_correct_with_a_bad_source_writes_nothing(
    tmp_path: Path, recorded: Path, backend: Backend
) -> None:
    before = backend.stored(recorded)
    (tmp_path / "source.yaml").write_text("document: x\nlanguage: fr\n", encoding="utf-8")
    result = run("correct", "vn-us-security-dialogue-2", "--set", "session=3", "--reason", "r",
                 "--source", str(tmp_path / "source.yaml"), "--archive", str(recorded))  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"Error: {tmp_path / 'source.yaml'}: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert backend.stored(recorded) == before


def test_serve_refuses_a_port_in_use(recorded: Path, backend: Backend) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--port", str(port), "--archive", str(recorded))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"Error: 127.0.0.1:{port}: cannot serve there")


def test_a_build_blocked_by_a_reader_says_so_in_one_line_and_keeps_both_files(
    tmp_path: Path, recorded: Path, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long read of timeline.db (a slow query) keeps the build from committing: the append is
    stored, the projection left as it was, and the user told to build again, without a traceback."""
    from timeline.projection import projector

    monkeypatch.setattr(projector, "LOCK_TIMEOUT_SECONDS", 0.2)
    before_store = backend.stored(recorded)
    before_projection = (recorded / "timeline.db").read_bytes()
    reader = sqlite3.connect(recorded / "timeline.db", isolation_level=None)
    reader.execute("begin")
    reader.execute("select count(*) from engagements").fetchone()
    try:
        another = visit_record(slug="another-visit", title="Another delegation visit")
        path = write_records(tmp_path / "more.yaml", another)
        result = CliRunner().invoke(cli, ["append", path, "--archive", str(recorded)])
    finally:
        reader.execute("rollback")
        reader.close()
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert lines[0] == "recorded   another-visit"
    assert lines[-1].startswith(f"Error: {recorded / 'timeline.db'}: busy (database is locked)")
    assert "run `timeline build` again" in lines[-1]
    assert "Traceback" not in result.output
    assert len(backend.stored(recorded)) == len(before_store) + 1
    assert (recorded / "timeline.db").read_bytes() == before_projection
    # Once the reader is gone, a build projects the stored record, once.
    assert "1 events projected" in run("build", "--archive", str(recorded)).output
    db = sqlite3.connect(recorded / "timeline.db")
    count = "select count(*) from engagements where slug = 'another-visit'"
    assert db.execute(count).fetchone() == (1,)
    db.close()
