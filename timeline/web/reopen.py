"""Datasette plugin: reopen a database file that a rebuild replaced while the server runs, so a
rebuilt `timeline.db` is served without a restart; and serve every database file through
`SchemaCachedDatabase` (timeline.web.schema_cache), which keeps its schema lookups; and the
objects a server's start made frozen out of the cyclic collector (`freeze_what_startup_made`).

Registered through the `datasette` entry point `timeline_reopen`."""

from __future__ import annotations

import gc
import os
import weakref
from collections import OrderedDict
from collections.abc import Generator
from concurrent import futures
from typing import Any

from datasette import hookimpl
from datasette.database import Database

from timeline.web.schema_cache import SchemaCachedDatabase, TableAllows

FileId = tuple[int, int]


def _file_id(path: str | None) -> FileId | None:
    """The (device, inode) of a database file: `os.replace` by a rebuild gives a new inode,
    while in-place writes keep it."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class Reopener:
    """Remembers which file each mutable database was opened from, and re-adds a database
    whose file was replaced, so a rebuilt `timeline.db` is served without a restart."""

    def __init__(self, datasette: Any) -> None:
        self.datasette = datasette
        self.opened: dict[str, FileId | None] = {}
        self.table_allows = TableAllows(datasette)

    def _watched(self) -> list[Database]:
        return [
            db
            for db in self.datasette.databases.values()
            if db.path is not None and db.is_mutable and not db.is_memory
        ]

    def remember(self) -> None:
        """Note the file each database is opened from (at startup, before any request)."""
        for db in self._watched():
            self.opened[db.name] = _file_id(db.path)

    def keep_schemas(self) -> None:
        """Serve each database file (not the in-memory `_internal`) through
        SchemaCachedDatabase: the same file, its schema lookups kept (at startup, before any
        request)."""
        for db in list(self.datasette.databases.values()):
            if db.path is None or db.is_memory or isinstance(db, SchemaCachedDatabase):
                continue
            self._replace(
                db, SchemaCachedDatabase(self.datasette, path=db.path, is_mutable=db.is_mutable)
            )

    def _replace(self, old: Database, fresh: Database) -> None:
        ds = self.datasette
        order = list(ds.databases)
        ds.remove_database(old.name)
        ds.add_database(fresh, name=old.name, route=old.route)
        # add_database appends; keep the original order so the default database stays first.
        ds.databases = OrderedDict((name, ds.databases[name]) for name in order)

    def check(self) -> list[str]:
        """One `os.stat` per watched database; return the names of those reopened."""
        reopened = []
        for db in self._watched():
            current = _file_id(db.path)
            known = self.opened.setdefault(db.name, current)
            if current is None or current == known:
                continue
            self._reopen(db)
            self.opened[db.name] = current
            reopened.append(db.name)
        return reopened

    def _reopen(self, old: Database) -> None:
        self._replace(old, SchemaCachedDatabase(self.datasette, path=old.path, is_mutable=True))
        ds = self.datasette
        # Datasette keeps one read connection per executor thread, keyed by database name, so
        # the new Database would reuse connections to the replaced file. Fresh threads have
        # none; the old ones finish their work, exit, and their connections are closed.
        if ds.executor is not None:
            old_executor = ds.executor
            threads = ds.setting("num_sql_threads")
            ds.executor = futures.ThreadPoolExecutor(max_workers=threads)
            old_executor.shutdown(wait=False)


# One per Datasette instance, without adding an attribute to it; gone with the instance.
_REOPENERS: weakref.WeakKeyDictionary[Any, Reopener] = weakref.WeakKeyDictionary()


def reopener(datasette: Any) -> Reopener:
    """The one Reopener of a Datasette instance: `app()` may be called more than once."""
    found = _REOPENERS.get(datasette)
    if found is None:
        found = _REOPENERS[datasette] = Reopener(datasette)
    return found


@hookimpl
def startup(datasette: Any) -> None:
    watcher = reopener(datasette)
    watcher.keep_schemas()
    watcher.remember()


# Whether this process has frozen what its first Datasette's start made.
_FROZEN: list[bool] = []


@hookimpl(specname="startup")
def freeze_what_startup_made() -> None:
    """Move the objects made up to the server's start (Datasette, its plugins, templates, the
    modules: some 64,000 at 100,000 engagements) out of the cyclic collector's sight, so its
    full collections, which land on whichever request is running, walk only what requests
    made since: a full collection took 52-55 ms of CPU on this machine under load, 13-57 ms
    after (bench: 0.6 s of collector time in 50 page views, 0.23 s after). Once a process: a
    process that starts many Datasettes (the tests) would keep each one's garbage for good."""
    if not _FROZEN:
        _FROZEN.append(True)
        gc.freeze()


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    watcher = reopener(datasette)

    def wrap(app: Any) -> Any:
        async def reopen_replaced_files(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                # No await between the stat and the swap, so concurrent requests cannot race.
                watcher.check()
            await app(scope, receive, send)

        return reopen_replaced_files

    return wrap


@hookimpl(hookwrapper=True, specname="permission_allowed")
def table_allows_kept(
    datasette: Any, actor: Any, action: str, resource: Any
) -> Generator[None, Any, None]:
    """Datasette's own `view-table` check (default_permissions), replaced by the same check
    with the metadata's answer kept (schema_cache.TableAllows); other plugins' answers as
    they are."""
    outcome = yield
    if action != "view-table" or not isinstance(resource, tuple):
        return
    kept = reopener(datasette).table_allows
    outcome.force_result(
        [
            (lambda: kept.view_table(actor, resource)) if _datasettes_own(answer) else answer
            for answer in outcome.get_result()
        ]
    )


def _datasettes_own(answer: Any) -> bool:
    """The check Datasette's default permissions return: a function of theirs, called later."""
    return callable(answer) and getattr(answer, "__module__", None) == DEFAULT_PERMISSIONS


DEFAULT_PERMISSIONS = "datasette.default_permissions"
