"""The application around the domain: store, projection, publishing and the command line."""

from timeline.archive import AppendReport, Archive
from timeline.corrections import Correction, load_corrections
from timeline.errors import (
    ArchiveError,
    ConflictError,
    CorrectionError,
    DuplicateError,
    NotFoundError,
    RecordError,
    TimelineError,
)
from timeline.history import Revision
from timeline.integrity import VerifyReport, verify
from timeline.projection import BuildReport, build, build_as_of, is_current, parse_as_of
from timeline.records import iter_records, load

__all__ = [
    "AppendReport",
    "Archive",
    "ArchiveError",
    "BuildReport",
    "ConflictError",
    "Correction",
    "CorrectionError",
    "DuplicateError",
    "NotFoundError",
    "RecordError",
    "Revision",
    "TimelineError",
    "VerifyReport",
    "build",
    "build_as_of",
    "is_current",
    "iter_records",
    "load",
    "load_corrections",
    "parse_as_of",
    "verify",
]
