"""pydantic's plugin discovery, skipped as a command of the `timeline` process loads its modules
(loading.load) when no installed package declares a pydantic plugin.

pydantic looks for plugins (entry points of the group `pydantic`) as it builds its first model:
it imports importlib.metadata (with email, zipfile and csv) and reads the metadata of every
installed package, 78M of the 1,000M instructions of one `timeline append` into 100,000
engagements (callgrind), some 15 ms of CPU time on the shared machine. Reading the entry-point
files of the packages on sys.path tells whether any declares one (0.8 ms); when none does,
pydantic's loader is this module's, which answers that there are none. When one does (logfire,
say), or a zip archive on sys.path could hold one, pydantic finds and loads it as before; and
when the installed pydantic's loader is not the one this module was written against (a module
`pydantic/plugin/_loader.py` whose `get_plugins()` takes no argument, as in pydantic 2.6–2.12),
pydantic keeps its own: a release that moves or changes it costs the 15 ms, not every command."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
from collections.abc import Iterable
from typing import Any

_GROUP = re.compile(rb"^\s*\[\s*pydantic\s*\]", re.MULTILINE)
_GET_PLUGINS = re.compile(rb"^def get_plugins\(\)", re.MULTILINE)
LOADER = "pydantic.plugin._loader"


def get_plugins() -> Iterable[Any]:
    """What pydantic asks its loader: the plugins installed, none here."""
    return ()


def declared(path: Iterable[str]) -> bool | None:
    """Whether a package in these folders declares a pydantic plugin; None when it cannot be
    told from the folders (an entry that is a zip archive)."""
    for entry in path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return None
            continue
        for item in os.scandir(folder):
            if item.name.endswith((".dist-info", ".egg-info")) and _declares(item.path):
                return True
    return False


def _declares(metadata: str) -> bool:
    try:
        with open(os.path.join(metadata, "entry_points.txt"), "rb") as f:
            return _GROUP.search(f.read()) is not None
    except OSError:
        return False


def known_loader(package: str | None) -> bool:
    """Whether the pydantic package in folder `package` has the loader this module stands in
    for: `plugin/_loader.py` defining `get_plugins()` without arguments."""
    if package is None:
        return False
    try:
        with open(os.path.join(package, "plugin", "_loader.py"), "rb") as f:
            return _GET_PLUGINS.search(f.read()) is not None
    except OSError:
        return False


def _pydantic_folder() -> str | None:
    """The folder of the pydantic that `import pydantic` would load, without importing it."""
    spec = importlib.util.find_spec("pydantic")
    locations = spec.submodule_search_locations if spec else None
    return next(iter(locations), None) if locations else None


def skip_discovery_when_none() -> None:
    """Stand in for pydantic's plugin loader when no package declares a plugin and the
    installed loader is the one known here."""
    if LOADER in sys.modules or declared(sys.path) is not False:
        return
    if known_loader(_pydantic_folder()):
        sys.modules[LOADER] = importlib.import_module(__name__)
