"""Importers of other publishers' data, by name: `timeline import NAME SOURCE` runs one.

An importer is a module that holds
- `read(source, **options) -> Batch` (timeline.importers.batch): every record read and
  validated, nothing written; `Archive.append(batch.records, origins=batch.origins)` records them;
- `DESCRIPTION`: one line, which `timeline import --help` lists, and optionally more paragraphs
  (after a blank line) for the importer's own `--help`;
- `SOURCE`: what its help calls the source (`DIR`, `FILE`);
- optionally `OPTIONS`: click options of its own, passed to `read` as keyword arguments.

Adding an importer is that module and one line in `IMPORTERS`; a module is imported only when its
importer is asked for, so `timeline append` starts without any of them."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from timeline.errors import TimelineError
from timeline.importers.batch import Batch

if TYPE_CHECKING:
    from pathlib import Path

    import click

# name -> the module of the importer, in the order `timeline import --help` lists them
IMPORTERS: dict[str, str] = {
    "historyatstate": "timeline.importers.historyatstate",
}


class Importer(Protocol):
    """What `importer(name)` returns: the importer's module. Its `read` may take a keyword
    `progress`, a callback `progress(done, total)` it calls as it reads (the command line draws
    a bar with it on a terminal)."""

    DESCRIPTION: str
    SOURCE: str

    def read(self, source: str | Path, **options: Any) -> Batch: ...


def importer_names() -> list[str]:
    """The registered importers' names."""
    return list(IMPORTERS)


def importer(name: str) -> Importer:
    """The importer registered under `name` (its module, imported now); an unknown name raises
    TimelineError naming the known ones."""
    try:
        module = IMPORTERS[name]
    except KeyError:
        known = ", ".join(importer_names()) or "none"
        raise TimelineError(f"import {name!r}: no such importer (the importers: {known})") from None
    found: Any = import_module(module)
    return found


def importer_options(found: Importer | ModuleType) -> list[click.Option]:
    """The click options an importer adds to `timeline import NAME` (none unless it declares
    `OPTIONS`)."""
    return list(getattr(found, "OPTIONS", []))


def register_importer(name: str, module: str) -> None:
    """Register the importer module `module` (a dotted name) as `name`, as a line of `IMPORTERS`
    does; a name already taken by another module raises ValueError."""
    if IMPORTERS.get(name, module) != module:
        raise ValueError(f"importer {name!r} is already registered: {IMPORTERS[name]}")
    IMPORTERS[name] = module


def unregister_importer(name: str) -> None:
    """Forget the importer registered as `name` (if any)."""
    IMPORTERS.pop(name, None)


__all__ = [
    "IMPORTERS",
    "Batch",
    "Importer",
    "importer",
    "importer_names",
    "importer_options",
    "register_importer",
    "unregister_importer",
]
