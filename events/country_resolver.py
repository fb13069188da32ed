"""A country as people type it, to its code: `VN`, `vn`, `VNM`, `Vietnam`, `Việt Nam`, `Viet Nam`,
`viet nam`, `Mỹ`, `Hoa Kỳ`, `United States`, `SUHH`, `Liên Xô`, `INT` (`International
organisation`, `Tổ chức quốc tế`: the side of international organisations). The one resolver of
every input that takes a country (the command line's options, the pages, feeds and canned
queries).

In order: a code typed in capitals (ISO 3166-1 alpha-2 or alpha-3, ISO 3166-3 alpha-4), a name as
written (case aside), a code in any case, then a name without its diacritics: `Mỹ` is the United
States and `my` Malaysia; `Nga` is Russia and `NGA` Nigeria.
Anything else is `UnknownCountry`, whose message suggests the closest name."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from events.cldr_countries import ALPHA3
from events.countries import Country, all_countries, country, is_country
from events.country_aliases import ALIASES

# A folded name this close (difflib's ratio) is offered as "did you mean": a typo of one letter
# in a name of five or more scores 0.9 (`Vietnm` 0.92, `Frnce` 0.91); at 0.6, `Atlantis` was
# offered Albania and `XX` Serbia and Montenegro (CSXX).
SUGGESTION_CUTOFF = 0.75
# A name's beginning typed (`Viet`, `Campu`) finds it from this many letters on.
MIN_PREFIX = 3
_NOT_WORD = re.compile(r"[^a-z0-9]+")


class UnknownCountry(ValueError):
    """Text that names no country; `suggestion` is the closest country, if one is close."""

    def __init__(self, text: str, suggestion: Country | None) -> None:
        self.text = text
        self.suggestion = suggestion
        super().__init__(unknown_message(text, suggestion))


def unknown_message(text: str, suggestion: Country | None) -> str:
    if not text.strip():
        return "no country given: expected an ISO code (VN) or a name (Vietnam, Việt Nam)"
    if suggestion is None:
        return (
            f"unknown country {text!r}: expected an ISO code (VN, US) or a name in English or "
            "Vietnamese (Vietnam, Việt Nam, Hoa Kỳ)"
        )
    return f"unknown country {text!r}: did you mean {suggestion.code} ({label(suggestion)})?"


def label(c: Country) -> str:
    """`Vietnam / Việt Nam`, or one name where both are the same."""
    return c.name_en if c.name_en == c.name_vi else f"{c.name_en} / {c.name_vi}"


def fold(text: str) -> str:
    """Lowercase ASCII words without diacritics or punctuation: `Việt-Nam` -> `viet nam`,
    `U.S.` -> `us`, `Bosnia & Herzegovina` -> `bosnia and herzegovina`."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("&", " and ").replace(".", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub(" ", ascii_text.casefold()).strip()


@cache
def _names() -> tuple[dict[str, str], dict[str, str]]:
    """Names as written (case aside) and names folded, to codes. Aliases come first (`Burma` is
    Myanmar, not the 1974-1988 state), then CLDR's names, then the former states'."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    named = [(name, code) for code, names in ALIASES.items() for name in names]
    for c in all_countries(historical=True, international=True):
        named += [(c.name_en, c.code), (c.name_vi, c.code)]
    for name, code in named:
        exact.setdefault(name.casefold(), code)
        folded.setdefault(fold(name), code)
    return exact, folded


def resolve_country(text: str) -> str:
    """The code of the country `text` names; UnknownCountry if it names none."""
    typed = text.strip()
    exact, folded = _names()
    # A code typed in capitals is that code: NGA is Nigeria, though `Nga` is Russia in Vietnamese.
    if typed.isupper() and (code := _code(typed)):
        return code
    if typed.casefold() in exact:
        return exact[typed.casefold()]
    if code := _code(typed.upper()):
        return code
    key = fold(typed)
    if key in folded:
        return folded[key]
    raise UnknownCountry(text, closest_country(key))


def _code(text: str) -> str | None:
    if is_country(text):
        return text
    return ALPHA3.get(text)


def closest_country(key: str) -> Country | None:
    """The country whose folded name is closest to `key`, or begins with it; None if none is
    close enough."""
    if not key:
        return None
    _, folded = _names()
    found = difflib.get_close_matches(key, list(folded), n=1, cutoff=SUGGESTION_CUTOFF)
    if found:
        return country(folded[found[0]])
    if len(key) >= MIN_PREFIX:
        starting = sorted(name for name in folded if name.startswith(key))
        if starting:
            return country(folded[starting[0]])
    return None
