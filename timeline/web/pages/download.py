"""The archive for download (/-/download/timeline.db): a clean copy of the served timeline.db,
as `timeline publish` writes it (no internal tables; the head hash of the store's chain in
`archive_head`, so `timeline verify --database FILE --expect HASH` checks it).

A copy is made once for each state of timeline.db (its recorded position and head, and the
file's modification time, which a rebuild changes) and kept in the system's temporary folder;
the copy of an earlier state is removed when a new one is made."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

from datasette.utils.asgi import AsgiFileDownload, NotFound

from timeline.projection.clean_copy import publish_copy
from timeline.web.database import archive_database

CACHE = Path(tempfile.gettempdir()) / "timeline-downloads"
SQLITE_TYPE = "application/vnd.sqlite3"
# One copy made at a time in this process: two first requests do not both write it.
_making = asyncio.Lock()


def copy_name(source: Path, position: int, head: str) -> str:
    stamp = source.stat().st_mtime_ns
    return f"{source.stem}-{position}-{head[:16]}-{stamp}.db"


async def download_file(datasette: Any) -> tuple[Path, str]:
    """The clean copy of the served archive (made if needed) and the name to download it as."""
    db = await archive_database(datasette)
    if db.path is None:
        raise NotFound("The served archive is not a file: nothing to download")
    row = (await db.execute("select position, head from archive_head")).first()
    if row is None or not row["head"]:
        raise NotFound("The archive is empty: nothing is published for download yet")
    source = Path(db.path)
    target = CACHE / copy_name(source, row["position"], row["head"])
    async with _making:
        if not target.exists():
            CACHE.mkdir(parents=True, exist_ok=True)
            for old in CACHE.glob(f"{source.stem}-*.db"):
                old.unlink(missing_ok=True)
            await asyncio.to_thread(publish_copy, source, target)
    return target, f"{db.name}-{row['position']}.db"


async def download_page(request: Any, datasette: Any) -> AsgiFileDownload:
    path, filename = await download_file(datasette)
    return AsgiFileDownload(path, filename=filename, content_type=SQLITE_TYPE)
