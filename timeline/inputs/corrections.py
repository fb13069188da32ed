"""Corrections files: reading and validating what users write to correct engagements.

A corrections file (YAML, JSON or NDJSON, like record files) holds entries such as

    - slug: vn-us-security-dialogue-2
      set: {session: 2, guests: [VN, AU]}
      reason: The embassy's release names Australia among the guests
      source: {document: embassy-2025-09-07, publisher: …, language: en,
               quote: …, start: 0, end: 40}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from events import Source, describe_validation_error
from timeline.errors import RecordError
from timeline.inputs import records
from timeline.store.commands import Correction


def parse_corrections(text: str, name: str) -> list[tuple[int, Correction]]:
    """Every correction of a file with its number, validated; the first bad one raises
    `RecordError`."""
    out = []
    for index, raw in records.parse(text, name):
        if not isinstance(raw, dict):
            raise RecordError(
                name, f"expected a mapping of fields, found {type(raw).__name__}", index
            )
        slug = raw.get("slug") if isinstance(raw.get("slug"), str) else None
        if not slug:
            raise RecordError(name, "slug: missing (every correction names its engagement)", index)
        try:
            out.append((index, Correction.model_validate(raw)))
        except ValidationError as e:
            raise RecordError(name, _describe(e), index, slug) from None
    if not out:
        raise RecordError(name, "no corrections in this file")
    return out


def _describe(error: ValidationError) -> str:
    # The file says `set`; the model calls it `changes`.
    message = describe_validation_error(error)
    return "set" + message.removeprefix("changes") if message.startswith("changes") else message


def iter_corrections(paths: Iterable[str]) -> Iterator[tuple[str, int, Correction]]:
    """Each correction of each file as (file name, number, correction), validated in order."""
    for path in records.expand(paths):
        name = "<stdin>" if path == "-" else path
        for index, correction in parse_corrections(records.read_text(path), name):
            yield name, index, correction


def load_corrections(paths: Iterable[str]) -> list[Correction]:
    """The corrections of every file, in order (a folder stands for its record files)."""
    return [c for _, _, c in iter_corrections(paths)]


def read_sources(text: str, name: str) -> list[Source]:
    """A source file: one source (a mapping) or a list of them, in YAML or JSON."""
    items = [raw for _, raw in records.parse(text, name)]
    if not items:
        raise RecordError(name, "no source in this file")
    out = []
    for index, raw in enumerate(items, 1):
        try:
            out.append(Source.model_validate(raw))
        except ValidationError as e:
            what = describe_validation_error(e)
            what = what if len(items) == 1 else f"source {index}: {what}"
            raise RecordError(name, what) from None
    return out
