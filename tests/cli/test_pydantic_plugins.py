"""pydantic's plugin discovery is skipped in the `timeline` process only when no installed
package declares a plugin (timeline/pydantic_plugins.py): a declared plugin still sees every
model pydantic builds, and with none, importlib.metadata is never imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import make_record, modules_loaded_by
from timeline.pydantic_plugins import _pydantic_folder, declared, known_loader

PLUGIN = """
import sys


class Plugin:
    def new_schema_validator(self, schema, schema_type, schema_type_path, *args):
        print("plugin saw", schema_type_path.name, file=sys.stderr)
        return None, None, None


plugin = Plugin()
"""


def site_with_a_plugin(folder: Path) -> Path:
    """A folder on sys.path holding a package that declares a pydantic plugin, as pip leaves
    an installed one."""
    folder.mkdir()
    (folder / "seeing_plugin.py").write_text(PLUGIN, encoding="utf-8")
    metadata = folder / "seeing_plugin-0.1.dist-info"
    metadata.mkdir()
    (metadata / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: seeing-plugin\nVersion: 0.1\n", encoding="utf-8"
    )
    (metadata / "entry_points.txt").write_text(
        "[pydantic]\nseeing = seeing_plugin:plugin\n", encoding="utf-8"
    )
    return folder


def test_an_append_without_plugins_imports_no_package_metadata(tmp_path: Path) -> None:
    record = tmp_path / "one.json"
    record.write_text(json.dumps(make_record(part_of=None)), encoding="utf-8")
    loaded, out = modules_loaded_by(
        "append", str(record), "--archive", str(tmp_path / "a"), cwd=tmp_path
    )
    assert "recorded   vn-us-security-dialogue-2" in out
    assert "importlib.metadata" not in loaded
    assert "pydantic.plugin._loader" in loaded  # this module, standing in for it


def test_a_declared_pydantic_plugin_sees_the_models_of_an_append(tmp_path: Path) -> None:
    site = site_with_a_plugin(tmp_path / "site")
    assert declared([str(site)]) is True
    record = tmp_path / "one.json"
    record.write_text(json.dumps(make_record(part_of=None)), encoding="utf-8")
    code = (
        "import sys\nfrom timeline.cli import main\n"
        f"sys.argv = ['timeline', 'append', {str(record)!r}, '--archive', 'a']\nmain()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "recorded   vn-us-security-dialogue-2" in result.stdout
    assert "plugin saw EngagementFacts" in result.stderr


def test_folders_without_a_declared_plugin_are_told_apart_from_a_zip_archive(
    tmp_path: Path,
) -> None:
    (tmp_path / "plain-1.0.dist-info").mkdir()
    (tmp_path / "plain-1.0.dist-info" / "entry_points.txt").write_text(
        "[console_scripts]\nplain = plain:main\n", encoding="utf-8"
    )
    archive = tmp_path / "packages.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip archive
    assert declared([str(tmp_path), str(tmp_path / "missing")]) is False
    assert declared([str(tmp_path), str(archive)]) is None


def test_the_stand_in_serves_only_the_loader_it_was_written_against(tmp_path: Path) -> None:
    assert known_loader(_pydantic_folder())  # the installed pydantic's
    changed = tmp_path / "pydantic"
    (changed / "plugin").mkdir(parents=True)
    loader = changed / "plugin" / "_loader.py"
    loader.write_text("def get_plugins(config=None):\n    return ()\n", encoding="utf-8")
    assert not known_loader(str(changed))  # a release whose loader takes an argument
    loader.unlink()
    assert not known_loader(str(changed))  # or has moved it
    assert not known_loader(None)  # or no pydantic at all
