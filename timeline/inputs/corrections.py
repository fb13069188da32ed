"""Corrections files: reading and validating what users write to correct engagements.

A corrections file (YAML, JSON or NDJSON, like record files) holds entries such as

    - slug: vn-us-security-dialogue-2
      set: {session: 2, guests: [VN, AU]}
      reason: The embassy's release names Australia among the guests
      source: {document: embassy-2025-09-07, publisher: …, language: en,
               quote: …, start: 0, end: 40}
    - slug: vn-au-ministerial-2024
      set: {date: 2024-03-13}
      reason: The ministry's release gives the 13th
      quote: Ngày 13/3/2024          # found in documents/DOC.txt: the offsets are computed
      document: DOC                  # optional when the entry (or the engagement) has one source

A corrected field with neither a quote nor a source is recorded as corrected without a source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError

from events import Source, describe_validation_error
from timeline.errors import RecordError
from timeline.inputs import records
from timeline.inputs.support import SupportError, supported
from timeline.store.commands import Correction


def parse_corrections(
    text: str, name: str, dirs: Sequence[Path] = ()
) -> list[tuple[int, Correction]]:
    """Every correction of a file with its number, validated, its `quote:` found in its
    document's text (in `dirs`); the first bad one raises `RecordError`."""
    out = []
    for index, raw in records.parse(text, name):
        if not isinstance(raw, dict):
            raise RecordError(
                name, f"expected a mapping of fields, found {type(raw).__name__}", index
            )
        slug = raw.get("slug") if isinstance(raw.get("slug"), str) else None
        if not slug:
            raise RecordError(name, "slug: missing (every correction names its engagement)", index)
        raw = dict(raw)
        quote, document = raw.pop("quote", None), raw.pop("document", None)
        try:
            correction = Correction.model_validate(raw)
            if not (quote is None or isinstance(quote, str)):
                raise SupportError("quote: expected the quoted words as a string")
            if not (document is None or isinstance(document, str)):
                raise SupportError("document: expected a document id as a string")
            correction = supported(correction, quote=quote, document=document, dirs=dirs)
        except ValidationError as e:
            raise RecordError(name, _describe(e), index, slug) from None
        except SupportError as e:
            # The file says `quote:` and `document:` where the command line says --quote and
            # --document (--documents DIR stays: it is the command's).
            message = re.sub(r"--(quote|document)\b(?!s)", r"\1", str(e))
            raise RecordError(name, message, index, slug) from None
        out.append((index, correction))
    if not out:
        raise RecordError(name, "no corrections in this file")
    return out


def _describe(error: ValidationError) -> str:
    # The file says `set`; the model calls it `changes`.
    message = describe_validation_error(error)
    return "set" + message.removeprefix("changes") if message.startswith("changes") else message


def iter_corrections(
    paths: Iterable[str], documents: str | Path | None = None
) -> Iterator[tuple[str, int, Correction]]:
    """Each correction of each file as (file name, number, correction), validated in order;
    quotes are looked up in `documents` (or a `documents/` folder beside the file)."""
    for path in records.expand(paths):
        name = "<stdin>" if path == "-" else path
        dirs = records.documents_dirs(path, documents)
        for index, correction in parse_corrections(records.read_text(path), name, dirs):
            yield name, index, correction


def load_corrections(paths: Iterable[str], documents: str | Path | None = None) -> list[Correction]:
    """The corrections of every file, in order (a folder stands for its record files)."""
    return [c for _, _, c in iter_corrections(paths, documents)]


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
