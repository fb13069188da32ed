"""Errors a user can cause. Each carries a one-line message naming what is wrong."""

from __future__ import annotations


class TimelineError(Exception):
    """A problem the user can fix; the CLI prints the message and exits non-zero."""

    exit_code = 1


class RecordError(TimelineError):
    """A record file that cannot be read or a record that does not validate."""

    def __init__(self, file: str, message: str, index: int | None = None, slug: str | None = None):
        self.file, self.index, self.slug = file, index, slug
        where = file
        if index is not None:
            where += f": record {index}"
            if slug:
                where += f" ({slug})"
        super().__init__(f"{where}: {message}")


class ArchiveError(TimelineError):
    """The archive folder or its store is not usable as asked."""


class NotFoundError(TimelineError):
    """An unknown slug."""


class BatchError(ArchiveError):
    """A record that cannot join the archive as it stands; `slug` says which."""

    def __init__(self, slug: str, message: str):
        self.slug = slug
        super().__init__(message)


class ConflictError(BatchError):
    """A slug already recorded with other content."""


class DuplicateError(BatchError):
    """A new slug for an engagement the archive already holds under another slug."""


class CorrectionError(TimelineError):
    """A correction that is refused; `index` (from 1) says which of a batch."""

    def __init__(self, index: int, slug: str, message: str, not_found: bool = False):
        self.index, self.slug, self.detail, self.not_found = index, slug, message, not_found
        super().__init__(f"{slug}: {message}")


class ImportDataError(TimelineError):
    """A file of another publisher's data that cannot be read, or a record field that cannot be
    mapped; the message names the file, the record's own id and the field."""

    def __init__(self, file: str, message: str, record: str | None = None):
        self.file, self.record = file, record
        where = f"{file}: record {record}" if record else file
        super().__init__(f"{where}: {message}")


class CollectionError(TimelineError):
    """A collection that is not one (events.collections); the message names the closest."""
