"""One person however written: a name's key ignores diacritics, case, punctuation, name order
and the usual romanisation variants of hyphenated (Korean) given names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from timeline.text import fold

# Titles, honorifics and generational suffixes, which name no one: `King Hussein I`.
_NOISE = {"jr", "sr", "ii", "iii", "iv", "i", "dr", "mr", "mrs", "ms", "sir", "dame", "h", "e"}
# Syllables of a hyphenated given name (`Hee-keun`, `Hee-geun`) are romanised with an aspirated
# or a plain initial by turns (McCune-Reischauer against the Revised Romanisation): the key takes
# the plain one. Only hyphenated names: in Vietnamese `Tân` and `Đan` are other names.
_INITIALS = (("ch", "j"), ("k", "g"), ("t", "d"), ("p", "b"))


def _syllable(word: str) -> str:
    for aspirated, plain in _INITIALS:
        if word.startswith(aspirated):
            return plain + word[len(aspirated) :]
    return word


@lru_cache(maxsize=1 << 16)
def name_tokens(name: str) -> frozenset[str]:
    """The words of a name, folded: `Nguyễn Tấn Dũng` and `Dung Nguyen Tan` have the same."""
    words: list[str] = []
    for part in fold(name).replace("'", "").replace("’", "").split():
        pieces = [p for p in re.split(r"[^a-z0-9-]+", part) if p]
        for piece in pieces:
            syllables = [s for s in piece.split("-") if s]
            if len(syllables) > 1:
                words.extend(_syllable(s) for s in syllables)
            else:
                words.extend(syllables)
    kept = [w for w in words if w not in _NOISE]
    return frozenset(kept or words)


def person_key(name: str) -> str:
    """A person's key: the folded words of the name in order of the alphabet."""
    return "-".join(sorted(name_tokens(name)))


def same_name(a: str, b: str) -> bool:
    """Exactly the same name, however written."""
    return name_tokens(a) == name_tokens(b)


# Countries whose names put the family name first, as their records write them: there the
# last word is a given name, and sharing it says nothing (`Nguyễn Tấn Dũng`, `Nguyễn Quốc Dũng`).
FAMILY_NAME_FIRST = {"VN", "CN", "KR", "KP", "TW", "HU"}


def may_be_same_person(
    names: Iterable[str], others: Iterable[str], country: str | None = None
) -> bool:
    """Whether two people's names may name one person. Lenient on purpose, since a contradiction
    is flagged only when no spelling of the holder could be the participant: every word of the
    shorter name is a word, an initial or a near spelling of a word of the other (`Madeleine
    Korbel Albright` and `Madeleine K. Albright`, `Kakui Tanaka` and `Kakuei Tanaka`); or, where
    the family name comes last, the family names agree (`Robert J. L. Hawke` and `Bob Hawke`)."""
    mine = [_loose_words(n) for n in names]
    theirs = [_loose_words(n) for n in others]
    surname = country not in FAMILY_NAME_FIRST
    return any(
        a and b and (_covers(a, b) or (surname and _near(a[-1], b[-1])))
        for a in mine
        for b in theirs
    )


@lru_cache(maxsize=1 << 16)
def _loose_words(name: str) -> tuple[str, ...]:
    text = fold(name.replace("ö", "o").replace("ü", "u").replace("ä", "a"))
    text = text.replace("oe", "o").replace("ue", "u").replace("ae", "a")
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w]
    kept = [w for w in words if w not in _NOISE or (len(w) == 1 and w not in {"i"})]
    return tuple(_syllable(w) for w in (kept or words))


def _covers(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Each word of the shorter name matches a word of its own in the other, and at least one
    match is of whole words (two initials agreeing name no one)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    left = list(long)
    whole = False
    for word in short:
        match = next((x for x in left if _near(word, x)), None)
        if match is None:
            return False
        left.remove(match)
        whole = whole or (len(word) > 1 and len(match) > 1)
    return whole


# Cached: flagging a rebuild's participants against the registry compares the same few words
# with each office's holders again and again (a rebuild of 20,000: 59,000 calls, 14,000 edit
# distances).
@lru_cache(maxsize=1 << 16)
def _near(a: str, b: str) -> bool:
    """The same word, an initial of it, or a spelling one edit away (two for long words)."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    allowed = 0 if min(len(a), len(b)) < 4 else 1 if min(len(a), len(b)) < 7 else 2
    return allowed > 0 and _distance(a, b) <= allowed


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) between two short words."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


# Cached: a rebuild asks it of every participant, and the same people recur.
@lru_cache(maxsize=1 << 16)
def individual_id(name: str, country: str | None) -> str:
    """One person's id, however the name is written: the country and the name's key
    (`vn-dung-nguyen-tan` for `Nguyễn Tấn Dũng` and `Nguyen Tan Dung` of Vietnam). Two people of
    one name stay apart when their countries differ; `xx` when the record gives none."""
    return f"{(country or 'xx').lower()}-{person_key(name)}"
