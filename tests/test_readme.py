"""The README's Python example runs as written, against the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ROOT


def test_the_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert (tmp_path / "archive" / "events.db").is_file()
    assert (tmp_path / "archive" / "timeline.db").is_file()
