"""What supports a correction: the quote, found in its document's text, that each corrected
field rests on.

A correction names its support as a quote of a document (`--quote`/`--document`, or `quote:`
and `document:` in a corrections file), or as a source (`--source FILE`) whose own quoted
sentence stands for every corrected field. The offsets are computed here, never typed. A field
that gets neither is recorded as "corrected without a source" (the fold marks it; see
`events.engagement.corrected_support`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from events import Evidence, Source
from timeline.errors import TimelineError
from timeline.store.commands import Correction

# Setting these changes the evidence itself, not a fact that needs a quote.
NOT_FACTS = frozenset({"sources", "evidence"})


class SupportError(TimelineError):
    """A quote that cannot be placed: the message names the field."""


def unsupported_fields(correction: Correction) -> list[str]:
    """The corrected fields the correction quotes nothing for."""
    quoted = {e.root for e in correction.evidence}
    return sorted(set(correction.changes) - NOT_FACTS - quoted)


def document_text(document: str, dirs: Sequence[Path]) -> str | None:
    """The text of a document (`ID.txt`) in the first folder that has it."""
    for folder in dirs:
        path = Path(folder) / f"{document}.txt"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def quoted_evidence(
    fields: Sequence[str], quote: str, document: str, dirs: Sequence[Path]
) -> list[Evidence]:
    """Evidence for each field: `quote` where it first stands in the document's text."""
    field = fields[0] if fields else "quote"
    if not quote.strip():
        raise SupportError(f"{field}: --quote is empty")
    text = document_text(document, dirs)
    if text is None:
        where = f"is not in {', '.join(str(d) for d in dirs)}" if dirs else "is not at hand"
        raise SupportError(
            f"{field}: the text of document {document!r} {where} "
            "(give --documents DIR, the folder of ID.txt files)"
        )
    start = text.find(quote)
    if start < 0:
        raise SupportError(f"{field}: --quote {quote!r} is not found in document {document!r}")
    end = start + len(quote)
    return [Evidence(field=f, document=document, quote=quote, start=start, end=end) for f in fields]


def source_evidence(fields: Sequence[str], source: Source) -> list[Evidence]:
    """Evidence for each field from a source's own quoted sentence."""
    span = source.model_dump(include={"document", "quote", "start", "end"})
    return [Evidence(field=f, **span) for f in fields]


def pick_document(
    field: str, document: str | None, sources: Sequence[Source], known: Sequence[Source]
) -> str:
    """The document a quote is from: the one named, else the correction's one source, else the
    engagement's one source."""
    if document:
        return document
    for candidates in (sources, known):
        documents = sorted({s.document for s in candidates})
        if len(documents) == 1:
            return documents[0]
        if documents:
            raise SupportError(
                f"{field}: --quote: name its document (--document), one of {', '.join(documents)}"
            )
    raise SupportError(f"{field}: --quote: name the document it is quoted from (--document ID)")


def supported(
    correction: Correction,
    *,
    quote: str | None = None,
    document: str | None = None,
    dirs: Sequence[Path] = (),
    known: Sequence[Source] = (),
) -> Correction:
    """The correction with evidence for every corrected field it quotes nothing for: `quote`
    found in `document` (or the one source of the correction or of the engagement, `known`), or
    else the quote of the correction's first source. Without either, it is returned as it is,
    and those fields are recorded as corrected without a source."""
    fields = unsupported_fields(correction)
    if document and not quote:
        raise SupportError(f"{fields[0] if fields else 'document'}: --document needs --quote")
    if not fields:
        if quote:
            raise SupportError("quote: every corrected field already has its evidence")
        return correction
    if quote:
        chosen = pick_document(fields[0], document, correction.sources, known)
        added = quoted_evidence(fields, quote, chosen, dirs)
    elif correction.sources:
        added = source_evidence(fields, correction.sources[0])
    else:
        return correction
    return correction.model_copy(update={"evidence": [*correction.evidence, *added]})
