"""What every language of the extractor provides, and the parts they share.

A language is one module here (`vi.py`, `en.py`) holding the patterns that are grammar, not
vocabulary: how a trip, a meeting verb and the object after it are written, how a dialogue or a
numbered conference is named. Its vocabulary (trigger words, roles, ranks and titles, captions,
bylines, agencies' local names) lives in the lexicons of `timeline/extract/data/*.json` under the
language's code. Adding a language is a module here implementing `Language`, registered in
`languages/__init__.py`, and its entries in the lexicons."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from timeline.extract.gazetteer import COUNTRY, Mention
from timeline.extract.lexicon import cue_regex, load
from timeline.extract.model import DialogueMention, SentenceInfo


class Language(Protocol):
    code: str
    name: str
    visit: re.Pattern[str]  # a trip's words: "thăm và làm việc tại", "visit to"
    meet: re.Pattern[str]  # a meeting's verb: "hội đàm với", "paid a courtesy call on"
    object_end: re.Pattern[str]  # where the list of those met after the verb ends
    host_verb: re.Pattern[str]  # a verb whose subject hosts: "tiếp", "received"
    here: re.Pattern[str]  # "at the headquarters here": the dateline's city
    subject_pronoun: re.Pattern[str] | None  # "He held talks …": a person's pronoun as subject
    # "Talking with X, Y said …", "Welcoming X, Y affirmed …": a sentence opening on the
    # meeting as a participle, the one met and the subject its two sides (or None)
    opening_participle: re.Pattern[str] | None

    def likelihood(self, text: str) -> float:
        """How much the text looks written in this language, 0 to 1."""
        ...

    def cue(self, key: str, sub: str | None = None) -> re.Pattern[str]:
        """The lexicon's phrases `key` (`triggers`/`dialogue`, `planned`…) as one regex."""
        ...

    def session_number(self, word: str) -> int | None:
        """ "thứ ba", "3rd", "third": the number of a series' session."""
        ...

    def series_names(self, text: str, info: SentenceInfo) -> list[DialogueMention]:
        """The dialogues and numbered conferences a sentence names, with their country pair
        and session number."""
        ...

    def title_reference(self, titles: str) -> re.Pattern[str]:
        """A person referred to by a title alone ("the Commissioner", "Thứ trưởng cho biết"),
        `titles` being a regex alternation of titles; group 1 is the title."""
        ...


class Lexicons:
    """The lexicon-backed half of a `Language`: cues and ordinals under the language's code."""

    code: str

    def cue(self, key: str, sub: str | None = None) -> re.Pattern[str]:
        return cue_regex(key, self.code, sub)

    def session_number(self, word: str) -> int | None:
        word = word.lower().strip()
        if word.isdigit():
            return int(word)
        m = re.match(r"(\d+)(?:st|nd|rd|th)$", word)
        if m:
            return int(m[1])
        if re.fullmatch(r"[ivxl]+", word):
            return roman(word)
        return load("dialogues")[f"ordinals_{self.code}"].get(word)


def roman(word: str) -> int | None:
    """ "ii", "xiv", "xxiv": a session numbered in Roman numerals (a well-formed one only)."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for i, ch in enumerate(word):
        v = values[ch]
        total += -v if i + 1 < len(word) and values[word[i + 1]] > v else v
    return total if 0 < total < 90 and _to_roman(total) == word else None


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv")):
        while n >= value:
            out, n = out + letters, n - value
    return out + "i" * n


def in_sentence(pattern: str, text: str, info: SentenceInfo) -> Iterator[re.Match[str]]:
    """Matches of a series' head words (`Đối thoại`, `Dialogue`) that start in the sentence."""
    s = info.sentence
    # From the sentence's start, not the article's, so a page is linear in its length (pos and
    # endpos: lookbehind and \b still see the text before the sentence).
    return re.compile(pattern).finditer(text, s.start, s.end)


def countries_of(info: SentenceInfo) -> list[Mention]:
    return [e for e in info.places if e.kind == COUNTRY]


def pair_in_name(
    text: str, after: int, found: list[tuple[str, Mention]]
) -> list[tuple[str, Mention]]:
    """The country pair written in a dialogue's name ("Việt Nam-Mỹ", "Việt Nam - Australia")."""
    for i in range(len(found) - 1):
        a, b = found[i][1], found[i + 1][1]
        if re.fullmatch(r"\s*[-–]\s*", text[a.end : b.start]):
            return [found[i], found[i + 1]]
    return []
