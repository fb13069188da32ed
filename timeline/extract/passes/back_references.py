"""Title-only back-references: "the Commissioner", "Thứ trưởng cho biết" point back to the one
person the article titled so. Press releases name the counterpart once and then call them by
office alone; without this the sentences telling what they did lose them."""

from __future__ import annotations

import re
from functools import cache

from timeline.extract.languages import get
from timeline.extract.lexicon import alternation, load
from timeline.extract.model import SentenceInfo
from timeline.extract.people import Person, PersonMention

# abbreviated titles a reference may use once the article has given them ("the IGP")
_ABBREVIATED = ["IGP", "DG", "CEO", "AG"]


@cache
def _titles(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The lexicon's titles (longest first), alone and as the language writes a reference."""
    alt = alternation(load("people")["titles"][language] + _ABBREVIATED)
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)"), get(language).title_reference(alt)


# "Inspector-General of Police (IGP)": the abbreviation the article gives the title
_TITLE_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def _held(text: str, person: Person, titles: re.Pattern[str]) -> set[str]:
    """The titles a person is named with, each at its longest ("Deputy Minister", not
    "Minister"), and their abbreviations, compared without case."""
    held = set()
    for p in person.mentions:
        for t in p.titles:
            held |= {m.group().casefold() for m in titles.finditer(t[2])}
            abbreviation = _TITLE_ABBREVIATION.match(text, t[1])
            if abbreviation:
                held.add(abbreviation.group(1).casefold())
    return held


def title_references(
    text: str, infos: list[SentenceInfo], persons: list[Person], language: str
) -> None:
    """Each bare title held by one person only is a mention of that person, from the sentence
    after the one naming them; a title held by two people is left alone (ambiguous)."""
    titles, reference = _titles(language)
    holders: dict[str, list[int]] = {}
    for i, person in enumerate(persons):
        for title in _held(text, person, titles):
            holders.setdefault(title, []).append(i)
    unique = {t: ids[0] for t, ids in holders.items() if len(ids) == 1}
    if not unique:
        return
    for info in infos:
        s = info.sentence
        taken = [p.extent for p in info.people] + [(e.start, e.end) for e in info.entities]
        for m in reference.finditer(text, s.start, s.end):
            who = unique.get(m.group(1).casefold())
            if who is None or any(x <= m.start(1) < y for x, y in taken):
                continue
            first = min(p.start for p in persons[who].mentions)
            if first >= s.start or _name_follows(text, m.end(), s.end):
                continue  # before the full name, or a full mention ("Thứ trưởng Lê Quốc Hùng")
            mention = PersonMention(
                m.start(), m.end(), persons[who].name, extent=(m.start(), m.end()), person=who
            )
            mention.country = persons[who].country
            info.people.append(mention)
            persons[who].mentions.append(mention)
            persons[who].mentions.sort(key=lambda p: p.start)
        info.people.sort(key=lambda p: p.start)


def _name_follows(text: str, at: int, end: int) -> bool:
    word = re.match(r"\s+(\S)", text[at:end])
    return bool(word and word.group(1).isupper())
