"""The application around the domain: store, projection, publishing and the command line.

The public API is loaded lazily: `from timeline import Archive` imports the store (and
eventsourcing) when the name is first asked for, so `import timeline.web` in a Datasette process
loads none of it (the eager imports cost about a second before this). `_API` says which module
holds each name; type checkers read the imports under TYPE_CHECKING."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.errors import (
        ArchiveError,
        ConflictError,
        CorrectionError,
        DuplicateError,
        NotFoundError,
        RecordError,
        TimelineError,
    )
    from timeline.exports.formats import ExportReport, export, export_text
    from timeline.exports.publish import publish
    from timeline.importers import (
        Batch,
        importer,
        importer_names,
        register_importer,
        unregister_importer,
    )
    from timeline.inputs.corrections import load_corrections
    from timeline.inputs.records import iter_records, load
    from timeline.integrity import VerifyReport, verify
    from timeline.projection.build import BuildReport, build, build_as_of, is_current, parse_as_of
    from timeline.projection.clean_copy import PublishedCopy
    from timeline.projection.queries import timeline_rows
    from timeline.store.application import AppendReport, Archive
    from timeline.store.commands import Correction
    from timeline.store.revisions import Revision, engagement_document, revision_data

_API = {
    "AppendReport": "timeline.store.application",
    "Archive": "timeline.store.application",
    "ArchiveError": "timeline.errors",
    "Batch": "timeline.importers",
    "BuildReport": "timeline.projection.build",
    "ConflictError": "timeline.errors",
    "Correction": "timeline.store.commands",
    "CorrectionError": "timeline.errors",
    "DuplicateError": "timeline.errors",
    "ExportReport": "timeline.exports.formats",
    "NotFoundError": "timeline.errors",
    "PublishedCopy": "timeline.projection.clean_copy",
    "RecordError": "timeline.errors",
    "Revision": "timeline.store.revisions",
    "TimelineError": "timeline.errors",
    "VerifyReport": "timeline.integrity",
    "build": "timeline.projection.build",
    "build_as_of": "timeline.projection.build",
    "engagement_document": "timeline.store.revisions",
    "export": "timeline.exports.formats",
    "export_text": "timeline.exports.formats",
    "importer": "timeline.importers",
    "importer_names": "timeline.importers",
    "is_current": "timeline.projection.build",
    "iter_records": "timeline.inputs.records",
    "load": "timeline.inputs.records",
    "load_corrections": "timeline.inputs.corrections",
    "parse_as_of": "timeline.projection.build",
    "publish": "timeline.exports.publish",
    "register_importer": "timeline.importers",
    "revision_data": "timeline.store.revisions",
    "timeline_rows": "timeline.projection.queries",
    "unregister_importer": "timeline.importers",
    "verify": "timeline.integrity",
}

__all__ = [
    "AppendReport",
    "Archive",
    "ArchiveError",
    "Batch",
    "BuildReport",
    "ConflictError",
    "Correction",
    "CorrectionError",
    "DuplicateError",
    "ExportReport",
    "NotFoundError",
    "PublishedCopy",
    "RecordError",
    "Revision",
    "TimelineError",
    "VerifyReport",
    "build",
    "build_as_of",
    "engagement_document",
    "export",
    "export_text",
    "importer",
    "importer_names",
    "is_current",
    "iter_records",
    "load",
    "load_corrections",
    "parse_as_of",
    "publish",
    "register_importer",
    "revision_data",
    "timeline_rows",
    "unregister_importer",
    "verify",
]


def __getattr__(name: str) -> Any:
    try:
        module = _API[name]
    except KeyError:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}") from None
    value = getattr(import_module(module), name)
    globals()[name] = value  # asked once: the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
