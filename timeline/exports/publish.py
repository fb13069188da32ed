"""`publish`: timeline.db brought up to date, then copied clean for download (see
timeline.projection.clean_copy)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from timeline.projection.clean_copy import PublishedCopy, check_target, publish_copy

if TYPE_CHECKING:
    from timeline.store.application import Archive


def publish(archive: Archive, out: str | Path) -> PublishedCopy:
    """A clean copy of the archive's timeline.db at `out` (a new file), with the head hash of
    the store's chain it was built from in its `archive_head` table."""
    from timeline.projection.build import build

    target = Path(out)
    check_target(target)  # before the build: a bad target changes nothing at all
    build(archive)
    return publish_copy(archive.projection_path, target)
