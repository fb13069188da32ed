"""Plain Datasette, the page benchmarks' baseline: the same file, metadata and settings served by
Datasette and its other installed plugins but none of this package's, as `datasette timeline.db
-m datasette_metadata.json` serves it where `timeline` is not installed.

Until stop 25 the baseline page (`/timeline/engagements?_nofacet=1`) was fetched from the same
Datasette as our pages, with our plugins loaded: their `render_cell` hooks, templates and ASGI
wrappers ran on it too, which made it up to 15% slower by CPU at 100k (`python -m
bench.bench_first_visit COPY --third-party-only`), a baseline that flattered every ratio.

Datasette's plugin manager is one per process, so the plain instance is built, and each of its
requests served, with our plugins unregistered for the while (`without_our_plugins`): its routes,
ASGI wrappers and templates are fixed when it is built, its hooks looked up on each request."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datasette.app import Datasette
from datasette.plugins import pm

# The entry points of pyproject.toml's [project.entry-points.datasette] are all named so.
OUR_PREFIX = "timeline"


@contextmanager
def without_our_plugins() -> Iterator[None]:
    """Our Datasette plugins unregistered while the block runs, registered again after it."""
    ours = [(name, p) for name, p in pm.list_name_plugin() if name.startswith(OUR_PREFIX)]
    for name, _ in ours:
        pm.unregister(name=name)
    try:
        yield
    finally:
        for name, plugin in ours:
            pm.register(plugin, name=name)


async def open_datasette(database: Path, metadata: dict[str, Any]) -> Datasette:
    """A Datasette on `database` with `timeline serve`'s settings and the plugins registered
    now (all installed ones, ours among them, unless inside `without_our_plugins()`)."""
    from timeline.web.serve import typed_settings

    ds = Datasette([str(database)], metadata=copy.deepcopy(metadata), settings=typed_settings())
    await ds.invoke_startup()
    return ds


async def open_plain(database: Path, metadata: dict[str, Any]) -> Datasette:
    """A Datasette on `database` built without our plugins; serve its requests inside
    `without_our_plugins()` too (and start their timers inside it: unregistering is no part of a
    page)."""
    with without_our_plugins():
        return await open_datasette(database, metadata)


def close(ds: Datasette) -> None:
    """The Datasette's connections and its SQL threads closed."""
    for db in ds.databases.values():
        db.close()
    if ds.executor is not None:
        ds.executor.shutdown(wait=True)


@dataclass
class Servers:
    """Our Datasette as `timeline serve` configures it, and plain Datasette on the same file,
    metadata and settings, which serves the pages named in `baselines`."""

    ours: Datasette
    plain: Datasette
    baselines: frozenset[str]

    def serving(self, name: str) -> tuple[Datasette, AbstractContextManager[None]]:
        """The Datasette that serves page `name`, and the plugins to serve it with (enter it
        before starting a timer)."""
        if name in self.baselines:
            return self.plain, without_our_plugins()
        return self.ours, nullcontext()

    def close(self) -> None:
        close(self.ours)
        close(self.plain)


async def open_servers(database: Path, metadata: dict[str, Any], baselines: set[str]) -> Servers:
    """Both Datasettes on `database`, with `timeline serve`'s settings."""
    ours = await open_datasette(database, metadata)
    return Servers(ours, await open_plain(database, metadata), frozenset(baselines))
