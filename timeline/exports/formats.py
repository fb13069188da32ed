"""The export formats by name, and `export`: the archive's engagements written in one of them,
to a new file (whole or absent) or to a stream."""

from __future__ import annotations

import difflib
import io
import os
import sys
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from timeline.errors import TimelineError
from timeline.exports.geojson import write_geojson
from timeline.exports.plover import write_plover
from timeline.exports.read import ExportRecord, read_records
from timeline.exports.tabular import write_csv
from timeline.exports.timelinejs import write_timelinejs
from timeline.projection.clean_copy import check_target

if TYPE_CHECKING:
    from timeline.store.application import Archive

Writer = Callable[[Iterable[ExportRecord], TextIO], int]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    description: str
    write: Writer


FORMATS = {
    f.name: f
    for f in [
        ExportFormat("csv", ".csv", "one row per engagement (RFC 4180)", write_csv),
        ExportFormat(
            "geojson", ".geojson", "a FeatureCollection of engagements at their city (RFC 7946)",
            write_geojson,
        ),
        ExportFormat(
            "timelinejs", ".json", "TimelineJS3's JSON: a slide per engagement", write_timelinejs
        ),
        ExportFormat(
            "plover", ".jsonl", "PLOVER CONSULT event records, one JSON object a line",
            write_plover,
        ),
    ]
}  # fmt: skip


@dataclass(frozen=True)
class ExportReport:
    format: str
    engagements: int
    path: Path | None


def export_format(name: str) -> ExportFormat:
    """The format called `name` (any case); an unknown one names the closest and the others."""
    found = FORMATS.get(name.strip().lower())
    if found is not None:
        return found
    close = difflib.get_close_matches(name.strip().lower(), FORMATS, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]}? " if close else ""
    raise TimelineError(f"FORMAT {name!r}: unknown format; {hint}(one of {', '.join(FORMATS)})")


def export(
    archive: Archive,
    format: str,
    out: str | Path | TextIO | None = None,
    selection: Mapping[str, Any] | None = None,
) -> ExportReport:
    """Write the archive's engagements (timeline.db, brought up to date first) in `format`, to
    `out`: a new file (an existing one is refused), a text stream, or standard output.

    `selection` narrows them as `timeline list` does (`timeline_rows`' options: country, kind,
    since, until, counterpart, collections); without collections, every collection's."""
    from timeline.projection.build import build
    from timeline.projection.queries import check_options, chosen_collections

    fmt = export_format(format)
    asked = {**(selection or {})}
    asked["collections"] = asked.get("collections") or ["all"]
    check_options(**{k: asked.get(k) for k in ("kind", "country", "counterpart")})
    chosen_collections(asked["collections"])  # an unknown one names the closest
    target = Path(out) if isinstance(out, (str, Path)) else None
    if target is not None:
        check_target(target)
    build(archive)
    only = _selected(archive.projection_path, asked) if selection else None
    return write_export(fmt, archive.projection_path, out if target is None else target, only)


def _selected(source: Path, selection: Mapping[str, Any]) -> set[str]:
    """The slugs of the engagements `timeline list` gives for `selection`."""
    from timeline.projection.queries import timeline_rows

    return {row["engagement"] for row in timeline_rows(source, **selection)}


def write_export(
    fmt: ExportFormat, source: Path, out: Path | TextIO | None, only: Collection[str] | None = None
) -> ExportReport:
    """The export of timeline.db at `source` (of the engagements in `only`, when given); a file
    is written beside its name and renamed."""
    if not isinstance(out, Path):
        count = fmt.write(read_records(source, only), out or sys.stdout)
        return ExportReport(fmt.name, count, None)
    check_target(out)
    scratch = out.with_name(f".{out.name}.{os.getpid()}.new")
    try:
        # newline="" so CSV's CRLF line ends are written as they are (RFC 4180).
        with open(scratch, "w", encoding="utf-8", newline="") as stream:
            count = fmt.write(read_records(source, only), stream)
        os.replace(scratch, out)
    except OSError as e:
        raise TimelineError(f"{out}: cannot be written ({e.strerror or e})") from None
    finally:
        scratch.unlink(missing_ok=True)
    return ExportReport(fmt.name, count, out)


def export_text(archive: Archive, format: str) -> str:
    """The export as a string (for a caller that wants the text, not a file)."""
    buffer = io.StringIO(newline="")
    export(archive, format, buffer)
    return buffer.getvalue()
