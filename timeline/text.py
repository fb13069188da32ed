"""Text helpers shared by the projection, search and the CLI."""

from __future__ import annotations

import re
from datetime import date

from unidecode import unidecode


class _Transliterations(dict[int, str]):
    """Code point -> its ASCII transliteration, learnt from unidecode once per character."""

    def __missing__(self, code: int) -> str:
        self[code] = value = unidecode(chr(code))
        return value


# unidecode maps character by character, so a table of its answers gives the same text; `translate`
# walks the string in C, where unidecode's own loop ran in Python and dominated a rebuild.
_ASCII = _Transliterations({code: chr(code) for code in range(128)})


def fold(text: str | None) -> str:
    """Lowercase ASCII without diacritics, `Đối thoại` -> `doi thoai`, so search ignores them.

    Unicode decomposition alone leaves đ/Đ as they are; unidecode maps them to d/D."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return text.translate(_ASCII).lower()


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def date_label(start: date, end: date, precision: str) -> str:
    """A date as people write it, at its precision: `5 Sep 2025`, `4–5 Sep 2025`, `Jul 2024`."""
    if precision == "year":
        return str(start.year)
    if precision == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if precision == "day" or start == end:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return (
            f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {end.year}"
        )
    return (
        f"{start.day} {MONTHS[start.month - 1]} {start.year} – "
        f"{end.day} {MONTHS[end.month - 1]} {end.year}"
    )


def bilingual(en: str, vi: str) -> str:
    """The label a vocabulary shows wherever it appears: `Dialogue / Đối thoại`."""
    return en if en == vi else f"{en} / {vi}"
