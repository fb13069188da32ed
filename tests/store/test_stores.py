"""Where the events are kept: a PostgreSQL URL (`--store`, `$TIMELINE_STORE`, `store=`), and the
one-line refusals of a bad URL, a server that does not answer and a database that is not there."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from events import EngagementFacts
from tests.helpers import Backend, visit_record
from timeline.cli import cli
from timeline.errors import ArchiveError
from timeline.store.application import Archive
from timeline.store.location import parse_store


def run(*args: str, env: dict | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_url_becomes_eventsourcing_settings() -> None:
    store = parse_store("postgresql://ana:p%40ss%2Fw@db.example.org:6543/archive?schema=vn_us")
    assert (store.user, store.password, store.host, store.port) == (
        "ana",
        "p@ss/w",
        "db.example.org",
        6543,
    )
    assert (store.dbname, store.schema) == ("archive", "vn_us")
    settings = store.settings(lock_timeout=30)
    assert settings["PERSISTENCE_MODULE"] == "eventsourcing.postgres"
    assert {k: settings[k] for k in ("POSTGRES_DBNAME", "POSTGRES_HOST", "POSTGRES_PORT")} == {
        "POSTGRES_DBNAME": "archive",
        "POSTGRES_HOST": "db.example.org",
        "POSTGRES_PORT": "6543",
    }
    assert (settings["POSTGRES_USER"], settings["POSTGRES_SCHEMA"]) == ("ana", "vn_us")
    # eventsourcing retries a timed-out table lock ten times: ten waits of 3 s make the 30 s bound
    assert settings["POSTGRES_LOCK_TIMEOUT"] == "3"
    assert store.display == "postgresql://ana@db.example.org:6543/archive?schema=vn_us"
    plain = parse_store("postgres://postgres@127.0.0.1/test")
    assert (plain.port, plain.schema, plain.password) == (5432, "", "")


def test_a_password_can_stay_out_of_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", "from-the-environment")
    assert parse_store("postgresql://ana@h/db").password == "from-the-environment"
    assert parse_store("postgresql://ana:given@h/db").password == "given"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "--store: 'mysql' is not a PostgreSQL URL; expected postgresql://USER"),
        ("archive/events.db", "--store: 'archive/events.db' is not a PostgreSQL URL"),
        ("postgresql://u@h", "--store: no database name; expected postgresql://"),
        ("postgresql:///db", "--store: no host; expected postgresql://"),
        ("postgresql://u@h:port/db", "--store: Port could not be cast to integer value"),
        ("postgresql://u@h/db?sslmode=require", "--store: unknown parameter 'sslmode'; only 'schema' is read"),
    ],
)  # fmt: skip
def test_a_bad_url_is_refused_in_one_line_and_nothing_is_written(
    tmp_path: Path, url: str, message: str
) -> None:
    records = tmp_path / "r.yaml"
    records.write_text(yaml.safe_dump(visit_record()), encoding="utf-8")
    result = run("append", str(records), "--archive", str(tmp_path / "a"), "--store", url)
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {message}")
    assert not (tmp_path / "a").exists()
    with pytest.raises(ArchiveError, match="--store: "):
        Archive(tmp_path / "a", store=url)


def test_a_server_that_does_not_answer_is_one_line_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://ana:secret@127.0.0.1:{free_port()}/archive"
    result = run("build", "--archive", str(tmp_path / "a"), env={"TIMELINE_STORE": url})
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: postgresql://ana@{url.split('@')[1]}: cannot connect: ")
    assert "secret" not in result.output
    assert not (tmp_path / "a").exists()


def test_a_bad_lock_timeout_is_refused(tmp_path: Path) -> None:
    result = run("build", "--archive", str(tmp_path), env={"TIMELINE_LOCK_TIMEOUT": "soon"})
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: $TIMELINE_LOCK_TIMEOUT: 'soon' is not a whole number of seconds >= 1"
    )


def test_a_database_that_does_not_exist(tmp_path: Path, postgres: Backend) -> None:
    store = parse_store(postgres.url)
    url = f"postgresql://{store.user}@{store.host}:{store.port}/no_such_database_here"
    result = run("list", "--archive", str(tmp_path / "a"), "--store", url)
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {url}: cannot connect: ")
    assert 'database "no_such_database_here" does not exist' in line


def test_store_option_python_api_and_projection_agree(
    tmp_path: Path, postgres: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--store given on the command line (not the environment) and store= in Python name the
    same archive; the projection of its events lands in the folder's timeline.db."""
    monkeypatch.delenv("TIMELINE_STORE")
    records = tmp_path / "r.yaml"
    records.write_text(yaml.safe_dump(visit_record()), encoding="utf-8")
    folder = tmp_path / "a"
    result = run("append", str(records), "--archive", str(folder), "--store", postgres.url)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["timeline.db"]
    assert [r[2] for r in postgres.stored(folder)] == ["events.engagement:Engagement.Recorded"]
    with Archive(folder, store=postgres.url, must_exist=True) as archive:
        assert archive.get("vn-us-visit-2025").facts == EngagementFacts.model_validate(
            visit_record()
        )
    verified = run("verify", "--archive", str(folder), "--store", postgres.url)
    assert verified.exit_code == 0, verified.output
    assert verified.output.splitlines()[-1] == "verified"
    listed = run("list", "--nl", "--archive", str(folder), "--store", postgres.url)
    assert [json.loads(x)["engagement"] for x in listed.stdout.splitlines()] == ["vn-us-visit-2025"]
    # Without --store the folder is refused, for reading and for recording: its timeline.db
    # holds positions of the PostgreSQL store, which a new SQLite store would not continue.
    for args in (["show", "vn-us-visit-2025"], ["append", str(records)]):
        plain = run(*args, "--archive", str(folder))
        assert plain.exit_code == 1
        assert plain.stderr == (
            f"Error: {folder}: holds a timeline.db and no events.db (a projection of a store "
            "elsewhere); name that store with --store URL (or $TIMELINE_STORE)\n"
        )
    assert sorted(p.name for p in folder.iterdir()) == ["timeline.db"]


def test_a_folder_holding_an_sqlite_archive_is_not_given_to_postgresql(
    tmp_path: Path, postgres: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIMELINE_STORE")
    folder = tmp_path / "a"
    Archive(folder).append([EngagementFacts.model_validate(visit_record())])
    with pytest.raises(ArchiveError, match=r"holds an SQLite archive \(events.db\)"):
        Archive(folder, store=postgres.url)
    assert postgres.stored(folder) == []


def test_a_store_that_fails_mid_command_is_one_line(
    tmp_path: Path, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that goes away after the archive is open (a fault injected into the read)."""
    from eventsourcing.persistence import OperationalError

    folder = tmp_path / "a"
    with Archive(folder) as archive:
        archive.append([EngagementFacts.model_validate(visit_record())])

    def gone(*args: object, **kwargs: object) -> None:
        raise OperationalError("server closed the connection unexpectedly\n\tThis probably...")

    monkeypatch.setattr(Archive, "find", gone)
    result = run("show", "vn-us-visit-2025", "--archive", str(folder))
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the store failed: server closed the connection unexpectedly This probably...\n"
    )
