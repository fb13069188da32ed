"""Every example in README.md and docs/*.md works as written.

- ```yaml blocks: a record file is appended to a fresh archive through the real CLI, its quotes
  checked against the seed documents; a corrections file is applied to an archive of the seeds.
- ```bash and ```console blocks: every command line that starts with `timeline` (also after `&&`)
  runs, in order, in one workspace per file: a folder holding `seeds/`, `records/` (the seed
  records) and `article.txt`, with `../shared/external/historyatstate` beside it
  (tests/fixtures/docs/); the README's first command records the seeds. `export NAME=VALUE` holds for the rest of its block. A console
  block's output must match what it shows, `…` standing for any text.
- ```python and ```sql blocks run against such a workspace with an archive of the seeds.

Blocks without a language hold no `timeline` command: the command synopses and transcripts of
measured runs are ```text, which nothing runs.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.helpers import ENV_TEST_POSTGRES, ROOT, postgres_schema
from timeline import Archive, build, load

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FIXTURES = ROOT / "tests" / "fixtures" / "docs"
SEED_DOCUMENTS = ROOT / "seeds" / "documents"

# Commands the docs show that no test runs here, and why. Nothing else is left out.
NOT_RUN = {
    "timeline serve": "serves until stopped; tests/web/test_serve.py runs it and reads its pages",
    "timeline review": "serves until stopped; tests/review/test_browser.py runs it and drives its "
    "pages in Chromium",
}
# Store URLs the docs show that name a server of the reader's: the test's PostgreSQL stands in
# (a fresh schema); without $TIMELINE_TEST_POSTGRES, the workspace's SQLite store.
EXAMPLE_STORES = {"postgresql://analyst@db.example.org:5432/timeline?schema=vn_security"}
# What the docs' Python examples take as given.
PYTHON_GIVEN = {"url": "https://…"}
COMMAND_TIMEOUT = 120


@dataclass(frozen=True)
class Block:
    """A fenced block of a doc: its language, the line of its opening fence, its text."""

    path: Path
    line: int
    language: str
    text: str

    def where(self, offset: int = 0) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line + offset}"


def blocks(path: Path) -> Iterator[Block]:
    lines = path.read_text(encoding="utf-8").splitlines()
    opening: tuple[int, str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.startswith("```"):
            continue
        if opening is None:
            opening = (number, line[3:].strip())
        else:
            first, language = opening
            yield Block(path, first, language, "\n".join(lines[first : number - 1]) + "\n")
            opening = None


def all_blocks(*languages: str) -> list[Block]:
    return [b for path in DOCS for b in blocks(path) if b.language in languages]


def by_place(block: Block) -> str:
    return block.where()


@dataclass(frozen=True)
class Step:
    """One line of a shell block: a command to run (with the output a console block shows after
    it), or an `export` that holds for the rest of the block."""

    where: str
    command: str
    expected: list[str] | None = None
    export: tuple[str, str] | None = None


def shell_steps(block: Block) -> Iterator[Step]:
    if block.language == "console":
        yield from _console_steps(block)
        return
    text = block.text.replace("\\\n", " ")
    for offset, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line.startswith("export "):
            name, _, value = shlex.split(line, comments=True)[1].partition("=")
            yield Step(block.where(offset), line, export=(name, value))
            continue
        for part in re.split(r"\s*&&\s*", line):
            if part.startswith("timeline ") or part == "timeline":
                yield Step(block.where(offset), part)


def _console_steps(block: Block) -> Iterator[Step]:
    command: tuple[int, str] | None = None
    expected: list[str] = []
    for offset, line in enumerate([*block.text.splitlines(), "$ "], start=1):
        if not line.startswith("$ "):
            expected.append(line)
            continue
        if command is not None:
            yield Step(block.where(command[0]), command[1], expected=expected)
        command, expected = (offset, line[2:].strip()), []


def not_run(command: str) -> str | None:
    for prefix, reason in NOT_RUN.items():
        if command == prefix or command.startswith(prefix + " "):
            return reason
    return None


def seeded_archive(folder: Path) -> Path:
    archive = Archive(folder)
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    return folder


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """What the docs' commands take as given, as a reader has it in a clone of the repository:
    the seeds, records/ (the seed records), an article, and the Office of the Historian's data at
    ../shared/external/historyatstate. No archive yet: the README's first command records the
    seeds, as a reader's does, and a doc that starts elsewhere starts from nothing (an archive
    made beforehand would be the SQLite store's, which a command given a PostgreSQL store refuses
    to mix with)."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "seeds").symlink_to(ROOT / "seeds")
    (work / "records").symlink_to(ROOT / "seeds" / "records")
    shutil.copy(FIXTURES / "article.txt", work / "article.txt")
    shutil.copytree(
        FIXTURES / "historyatstate", tmp_path / "shared" / "external" / "historyatstate"
    )
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def seeded(workspace: Path) -> Path:
    """The workspace with an archive of the seeds, for the Python and SQL examples."""
    seeded_archive(workspace / "archive")
    return workspace


def shell_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TIMELINE_STORE", "TIMELINE_ARCHIVE")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def run(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=COMMAND_TIMEOUT,
    )  # fmt: skip


def matches(expected: list[str], output: str) -> bool:
    """Whether the output is the lines shown, `…` standing for any text within a line."""
    lines = output.rstrip("\n").splitlines()
    patterns = [".*".join(map(re.escape, line.rstrip().split("…"))) for line in expected]
    return len(lines) == len(patterns) and all(
        re.fullmatch(p, line.rstrip()) for p, line in zip(patterns, lines, strict=True)
    )


def example_store(stack: ExitStack, monkeypatch: pytest.MonkeyPatch) -> str | None:
    if not os.environ.get(ENV_TEST_POSTGRES):
        return None
    url = stack.enter_context(postgres_schema(monkeypatch)).url
    monkeypatch.delenv("TIMELINE_STORE")  # set by postgres_schema; here only an export sets it
    return url


DOCS_WITH_COMMANDS = [
    path for path in DOCS for b in blocks(path) if b.language in ("bash", "console")
    for _ in shell_steps(b)
]  # fmt: skip


@pytest.mark.parametrize(
    "path", sorted(set(DOCS_WITH_COMMANDS)), ids=lambda p: str(p.relative_to(ROOT))
)
def test_every_command_of_a_doc_runs_as_written(
    path: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[str] = []
    with ExitStack() as stack:
        for block in blocks(path):
            if block.language not in ("bash", "console"):
                continue
            env = shell_env()
            for step in shell_steps(block):
                if step.export:
                    name, value = step.export
                    if value in EXAMPLE_STORES:
                        value = example_store(stack, monkeypatch) or ""
                    env[name] = value
                    continue
                if not_run(step.command):
                    continue
                result = run(step.command, workspace, env)
                assert result.returncode == 0, (
                    f"{step.where}: `{step.command}` exited {result.returncode}:\n"
                    f"{result.stdout}{result.stderr}"
                )
                if step.expected is not None:
                    assert matches(step.expected, result.stdout), (
                        f"{step.where}: `{step.command}` printed\n{result.stdout}\n"
                        "not what the doc shows:\n" + "\n".join(step.expected)
                    )
                ran.append(step.command)
    assert ran, f"{path.relative_to(ROOT)}: no command ran"


def is_corrections(documents: list[object]) -> bool:
    entries = [e for d in documents for e in (d if isinstance(d, list) else [d])]
    return bool(entries) and all(isinstance(e, dict) and "set" in e for e in entries)


@pytest.mark.parametrize("block", all_blocks("yaml"), ids=by_place)
def test_every_yaml_example_is_accepted_by_the_cli(block: Block, tmp_path: Path) -> None:
    example = tmp_path / "example.yaml"
    example.write_text(block.text, encoding="utf-8")
    documents = [d for d in yaml.safe_load_all(block.text) if d is not None]
    if is_corrections(documents):
        archive = seeded_archive(tmp_path / "archive")
        command = (
            f"timeline correct --file {example} --documents {SEED_DOCUMENTS} --archive {archive}"
        )
        done, count = "corrected", sum(len(d) if isinstance(d, list) else 1 for d in documents)
    else:
        archive = tmp_path / "archive"
        command = f"timeline append {example} --documents {SEED_DOCUMENTS} --archive {archive}"
        done, count = "recorded", len(load([example]))
    result = run(command, tmp_path, shell_env())
    assert result.returncode == 0, f"{block.where()}: {result.stdout}{result.stderr}"
    assert result.stdout.count(f"{done} ") == count, result.stdout


def test_a_record_example_whose_quote_is_not_at_its_offsets_is_refused(tmp_path: Path) -> None:
    """The check above has teeth: the seed documents are read, and a quote moved is refused."""
    (readme,) = [b for b in all_blocks("yaml") if b.path.name == "README.md"]
    moved = tmp_path / "moved.yaml"
    moved.write_text(readme.text.replace("start: 239, end: 315", "start: 240, end: 316"), "utf-8")
    archive = tmp_path / "archive"
    result = run(
        f"timeline append {moved} --documents {SEED_DOCUMENTS} --archive {archive}",
        tmp_path, shell_env(),
    )  # fmt: skip
    assert result.returncode == 1
    assert "sources[0]" in result.stderr
    assert not (archive / "events.db").exists()


@pytest.mark.parametrize("block", all_blocks("python"), ids=by_place)
def test_every_python_example_runs(block: Block, seeded: Path) -> None:
    given = {**PYTHON_GIVEN, "text": (seeded / "article.txt").read_text(encoding="utf-8")}
    exec(compile(block.text, block.where(), "exec"), given)


@pytest.mark.parametrize("block", all_blocks("sql"), ids=by_place)
def test_every_sql_example_answers_on_the_seeds(block: Block, seeded: Path) -> None:
    names = set(re.findall(r":(\w+)", block.text))
    with sqlite3.connect(seeded / "archive" / "timeline.db") as db:
        rows = db.execute(block.text, dict.fromkeys(names, "9999-12-31")).fetchall()
    assert rows, f"{block.where()}: no row on the seed archive"


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_command_hides_in_a_block_without_a_language(path: Path) -> None:
    for block in blocks(path):
        if block.language:
            continue
        for offset, line in enumerate(block.text.splitlines(), start=1):
            assert not re.match(r"(\$ )?timeline( |$)", line), (
                f"{block.where(offset)}: a `timeline` command in a block without a language: "
                "mark it ```bash or ```console (run by the tests) or ```text (a synopsis)"
            )


def test_the_commands_left_out_are_only_those_named() -> None:
    steps = [s for p in DOCS for b in blocks(p) if b.language in ("bash", "console")
             for s in shell_steps(b) if not s.export]  # fmt: skip
    left_out = {s.command.split()[1] for s in steps if not_run(s.command)}
    assert left_out == {"serve", "review"}
    assert len(steps) > len([s for s in steps if not_run(s.command)])


def test_a_console_block_matches_only_the_output_it_shows() -> None:
    shown = ["store:       12 events of 12 engagements", "head:        … (notification 12)"]
    assert matches(
        shown, "store:       12 events of 12 engagements\nhead:        ab12 (notification 12)\n"
    )
    assert not matches(
        shown, "store:       12 events of 12 engagements\nhead:        ab12 (notification 13)\n"
    )
    assert not matches(shown, "store:       12 events of 12 engagements\n")
    assert not matches(shown[:1], "store:       12 events of 12 engagements\nverified\n")
