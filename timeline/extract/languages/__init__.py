"""The languages the extractor reads, one module each behind the `Language` protocol."""

from __future__ import annotations

from timeline.extract.languages.base import Language
from timeline.extract.languages.en import ENGLISH
from timeline.extract.languages.vi import VIETNAMESE

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (VIETNAMESE, ENGLISH)}


def get(code: str) -> Language:
    """The language of a code (`vi`, `en`); KeyError for one the extractor does not read."""
    return LANGUAGES[code]


def detect(text: str) -> str:
    """The code of the language the text looks most written in (ties: the first registered)."""
    return max(LANGUAGES.values(), key=lambda lang: lang.likelihood(text)).code


__all__ = ["LANGUAGES", "Language", "detect", "get"]
