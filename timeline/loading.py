"""A command's modules, imported as it starts with the cyclic garbage collector paused, and then
frozen (`gc.freeze`) until the command ends.

Imports make modules, classes and functions that live as long as the process and make no
garbage; while the heap grows by them, each collection scans all of it again, and after them
every collection of the command's own work scans them once more. Paused and frozen, one
`timeline append` into 100,000 engagements ran 1,000M -> 945M instructions (callgrind, the
same record each time), about 25 ms of CPU time on the shared machine."""

from __future__ import annotations

import gc
import importlib

from timeline.collector import collector_paused
from timeline.pydantic_plugins import skip_discovery_when_none


class _Frozen:
    """Whether this module froze the heap (and so thaws it: a caller that froze it before, a
    server that forks workers say, keeps its own arrangement), and whether the process is the
    command's own (`timeline` itself): then it stays frozen until the process exits, as thawing
    only made the interpreter's last collection scan it all (44M of those 989M instructions),
    and pydantic is spared looking for plugins no package declares (pydantic_plugins.py)."""

    by_us = False
    own_process = False


def load(*modules: str) -> None:
    """Import `modules` with the collector paused, then freeze everything the process holds."""
    if _Frozen.own_process:
        skip_discovery_when_none()
    if gc.get_freeze_count() and not _Frozen.by_us:
        for module in modules:
            importlib.import_module(module)
        return
    with collector_paused():
        try:
            for module in modules:
                importlib.import_module(module)
        finally:
            gc.freeze()  # before the collector runs again
            _Frozen.by_us = True


def thaw() -> None:
    """Hand what `load` froze back to the collector: a caller that runs commands in its own
    process (tests, a script using click's runner) collects it as before."""
    if _Frozen.by_us and not _Frozen.own_process:
        gc.unfreeze()
        _Frozen.by_us = False


def own_process() -> None:
    """The process is the command's own and ends when it does (`timeline`, cli.main)."""
    _Frozen.own_process = True
