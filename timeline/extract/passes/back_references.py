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
            # the office nearest the name: "Minister and Secretary X" holds the second
            offices = [m.group().casefold() for m in titles.finditer(t[2])]
            held |= set(offices[-1:])
            abbreviation = _TITLE_ABBREVIATION.match(text, t[1])
            if abbreviation:
                held.add(abbreviation.group(1).casefold())
    return held


def title_references(
    text: str, infos: list[SentenceInfo], persons: list[Person], language: str
) -> None:
    """A bare title is a mention of the one person named before it who holds that title (or one
    ending in it: "the Minister" of an "Interior Minister"); with two such people it is
    ambiguous and left alone."""
    titles, reference = _titles(language)
    held = [_held(text, person, titles) for person in persons]
    firsts = [min(p.start for p in person.mentions) for person in persons]
    for info in infos:
        s = info.sentence
        taken = [p.extent for p in info.people] + [(e.start, e.end) for e in info.entities]
        for m in reference.finditer(text, s.start, s.end):
            said = m.group(1).casefold()
            holders = [
                i
                for i, offices in enumerate(held)
                if firsts[i] < s.start and any(o == said or o.endswith(" " + said) for o in offices)
            ]
            if len(holders) != 1 or any(x <= m.start(1) < y for x, y in taken):
                continue
            if _name_follows(text, m.end(), s.end, info):
                continue  # a full mention ("Thứ trưởng Lê Quốc Hùng")
            who = holders[0]
            mention = PersonMention(
                m.start(), m.end(), persons[who].name, extent=(m.start(), m.end()), person=who
            )
            mention.country = persons[who].country
            info.people.append(mention)
            persons[who].mentions.append(mention)
            persons[who].mentions.sort(key=lambda p: p.start)
        info.people.sort(key=lambda p: p.start)


# "Đại sứ Đặc mệnh toàn quyền Liên bang Nga": the rank of an envoy's office, not a name
_ENVOY_RANK = re.compile(r"\s+(?:Đặc mệnh [Tt]oàn quyền|Extraordinary and Plenipotentiary)")


def _name_follows(text: str, at: int, end: int, info: SentenceInfo) -> bool:
    """A capitalised word after the title opens a name, unless it is the envoy's rank or a
    country or an agency the title is of ("được tiếp Đại sứ Đặc mệnh toàn quyền Liên bang Nga
    tại Việt Nam": the ambassador met, by office alone)."""
    rank = _ENVOY_RANK.match(text, at, end)
    at = rank.end() if rank else at
    word = re.match(r"\s+(\S)", text[at:end])
    if not (word and word.group(1).isupper()):
        return False
    first = at + word.start(1)
    return not any(e.start == first for e in info.entities)


def pronoun_subjects(
    text: str, infos: list[SentenceInfo], persons: list[Person], language: str
) -> None:
    """ "He held discussions with …": a sentence whose subject is a pronoun is about the person
    the sentence before it had for subject (its first person named), when that one was."""
    pronoun = get(language).subject_pronoun
    if pronoun is None:
        return
    subject: int | None = None
    for info in infos:
        s = info.sentence
        # (searched in the sentence's own text: the pattern's "^" is its start, which a search
        # of the article from the sentence's offset never matched; x-people page 011)
        m = pronoun.search(text[s.start : min(s.end, s.start + 60)])
        at = (s.start + m.start(), s.start + m.end()) if m else None
        if at and subject is not None and not any(p.start < at[0] for p in info.people):
            mention = PersonMention(at[0], at[1], persons[subject].name, extent=at)
            mention.person, mention.country = subject, persons[subject].country
            info.people.insert(0, mention)
            persons[subject].mentions.append(mention)
            persons[subject].mentions.sort(key=lambda p: p.start)
        first = next((p for p in info.people if p.person >= 0), None)
        if first is not None:
            near = first.start - s.start < 60 or first.person == subject
            subject = first.person if near else None
