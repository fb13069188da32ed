"""The application around the domain: store, projection, publishing and the command line."""

from timeline.archive import AppendReport, Archive
from timeline.errors import ArchiveError, ConflictError, NotFoundError, RecordError, TimelineError
from timeline.integrity import VerifyReport, verify
from timeline.projection import BuildReport, build, is_current
from timeline.records import iter_records, load

__all__ = [
    "AppendReport",
    "Archive",
    "ArchiveError",
    "BuildReport",
    "ConflictError",
    "NotFoundError",
    "RecordError",
    "TimelineError",
    "VerifyReport",
    "build",
    "is_current",
    "iter_records",
    "load",
    "verify",
]
