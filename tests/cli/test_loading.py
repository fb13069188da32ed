"""A command's modules are imported with the cyclic collector paused and then frozen until the
command ends (timeline/loading.py); a caller that runs commands in its own process gets its
collector back as it was."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tests.helpers import make_record
from timeline.cli import cli
from timeline.loading import load, thaw


def test_load_freezes_the_heap_and_thaw_hands_it_back() -> None:
    # In a process of its own: a test process that started a Datasette has frozen its heap for
    # good (timeline.web.reopen), which this test must not start from.
    code = (
        "import gc\nfrom timeline.loading import load, thaw\n"
        "assert gc.get_freeze_count() == 0\nload('json')\n"
        "assert gc.get_freeze_count() > 0 and gc.isenabled()\nthaw()\n"
        "assert gc.get_freeze_count() == 0\nprint('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_a_heap_the_caller_froze_stays_frozen_after_a_command() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        load("json")
        thaw()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_an_append_run_in_process_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    record = tmp_path / "one.json"
    record.write_text(json.dumps(make_record(part_of=None)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["append", str(record), "--archive", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    assert "recorded   vn-us-security-dialogue-2" in result.output
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_the_timeline_process_ends_its_append_with_its_modules_frozen(tmp_path: Path) -> None:
    """`timeline` (cli.main) keeps them frozen as it exits: thawing them made the interpreter's
    last collection scan them all."""
    record = tmp_path / "one.json"
    record.write_text(json.dumps(make_record(part_of=None)), encoding="utf-8")
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0, file=sys.stderr))\n"
        "from timeline.cli import main\n"
        f"sys.argv = ['timeline', 'append', {str(record)!r}, '--archive', 'a']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "recorded   vn-us-security-dialogue-2" in result.stdout
    assert "frozen True" in result.stderr
