"""The article as HTML with every evidence span marked in its field's colour: pure, escaped."""

from __future__ import annotations

import itertools
import re
from typing import Any

from markupsafe import Markup, escape

# Fields with a colour of their own (the stylesheet's `.f-NAME`); the others share `f-other`.
COLOURED = ("source", "kind", "title", "title_vi", "date", "place", "host", "guests", "series",
            "session", "part_of", "participants", "organisations", "topics", "status")  # fmt: skip


def root(field: str) -> str:
    return re.split(r"[.\[]", field, maxsplit=1)[0]


def colour(field: str) -> str:
    name = root(field)
    return f"f-{name}" if name in COLOURED else "f-other"


def spans(record: dict[str, Any], document: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of the record's quotes of `document`: its sources (`source`) and
    every evidence entry."""
    out = [
        (s["start"], s["end"], "source")
        for s in record.get("sources") or [] if s.get("document") == document
    ]  # fmt: skip
    out += [
        (e["start"], e["end"], e["field"])
        for e in record.get("evidence") or []
        if e.get("document") == document and isinstance(e.get("start"), int)
        and isinstance(e.get("end"), int) and isinstance(e.get("field"), str)
    ]  # fmt: skip
    return out


def article_html(text: str, marks: list[tuple[int, int, str]]) -> Markup:
    """The text cut at every span's ends; each piece inside spans is a `<span>` naming all its
    fields (`data-fields`) and coloured as the shortest span that holds it. Nothing is added
    between pieces: the element's text is the article's, character for character."""
    marks = [(max(0, s), min(len(text), e), f) for s, e, f in marks if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    pieces = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b])
        holding = sorted((e - s, f) for s, e, f in marks if s <= a and b <= e)
        if not holding:
            pieces.append(str(piece))
            continue
        fields = " ".join(dict.fromkeys(f for _, f in holding))
        pieces.append(
            f'<span class="ev {colour(holding[0][1])}" data-start="{a}" '
            f'data-fields="{escape(fields)}">{piece}</span>'
        )
    return Markup("".join(pieces))
