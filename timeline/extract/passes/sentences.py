"""Sentences: short references to a person named in full, and ministries named without a
country resolved from who holds them."""

from __future__ import annotations

import re
from collections import Counter

from timeline.extract.gazetteer import (
    CITY,
    COUNTRY,
    Mention,
    specific_agency,
)
from timeline.extract.model import (
    HOME,
    SentenceInfo,
)
from timeline.extract.people import (
    Person,
    PersonMention,
    called_after_prophet,
    is_vietnamese_name,
    names_a_venue,
    surname,
)


def short_references(text: str, infos: list[SentenceInfo]) -> None:
    """A person named in full once is later called by one word ("Kershaw", "Hung", "Quang"):
    find those words too, so the person is seen where the article refers to them."""
    full = [p for i in infos for p in i.people if not p.short]
    # the last word ("Kershaw"), or the first of a name whose given name leads ("Khalid" of
    # Khalid Abu Bakar, "Cho" of Cho Ji-ho); a word two names share is no reference
    words = Counter(
        w
        for p in {p.name: p for p in full}.values()
        for w in {surname(p.name), p.name.split()[0], *called_after_prophet(p.name)}
        if len(w) > 2 and not w.endswith(".")
    )
    known = {w for w, n in words.items() if n == 1}
    if not known:
        return
    pattern = re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, known))})(?:'s)?(?![\w])")
    for info in infos:
        taken = [p.extent for p in info.people] + [(e.start, e.end) for e in info.entities]
        for m in pattern.finditer(text, info.sentence.start, info.sentence.end):
            a, b = m.start(), m.start() + len(m.group().removesuffix("'s"))
            if any(x <= a < y for x, y in taken):
                continue
            before = text[max(info.sentence.start, a - 2) : a]
            if before.endswith(" ") and text[a - 2 : a - 1].isupper():
                continue  # part of a longer capitalised name
            if names_a_venue(text, b):
                continue  # "King Khalid International Airport": not Khalid bin X
            p = PersonMention(a, b, text[a:b], extent=(a, b))
            info.people.append(p)
        info.people.sort(key=lambda p: p.start)


# "The Royal Malaysia Police, represented by its Deputy Inspector-General X,": X speaks for it
_REPRESENTED = re.compile(r"\s*,?\s*(?:represented|led|headed) by\s+(?:its|the|their)?\s*")


_TITLE_WORDS = re.compile(r"(?:[A-Z][\w'’.-]*\s*){0,5}")


def represented_by(text: str, infos: list[SentenceInfo]) -> None:
    """A person named right after "ORG, represented by (its titles)" is of that organisation
    and its country (the held-out set's "X, represented by Y": Y's side was unknown)."""
    for info in infos:
        for o in info.orgs:
            m = _REPRESENTED.match(text, o.end)
            if m is None or not o.country:
                continue
            p = next(
                (
                    x
                    for x in info.people
                    if x.extent[0] >= m.end() and _TITLE_WORDS.fullmatch(text, m.end(), x.extent[0])
                ),
                None,
            )
            if p is not None and p.country in (None, o.country):
                p.organisation = p.organisation or o
                p.country = o.country


_THIS_COUNTRY = re.compile(r"\s+(?:của\s+)?nước (?:này|bạn|sở tại)(?!\w)")


def resolve_generic_orgs(
    text: str,
    infos: list[SentenceInfo],
    persons: list[Person],
    home: str,
    foreign: str | None,
) -> list[Mention]:
    """A ministry named without a country ("Bộ Nội vụ") belongs to the person whose title names
    it; a foreign person's ministry is the counterpart's, otherwise it is the home country's.
    Each resolution is flagged for the reviewer, since "Bộ Nội vụ" names ministries of both."""
    from dataclasses import replace

    inferred: list[Mention] = []
    for info in infos:
        new_orgs = []
        for o in info.orgs:
            if o.country is None and o.org_kind == "ministry":
                holder = next(
                    (p for p in info.people for t in p.titles if t[0] <= o.start < t[1]), None
                )
                code = home
                stated = stated_country(text, info, o)
                listed = _listed_after(text, info, holder) if holder is not None else None
                # "National Police Agency Commissioner General X": the agency right before the
                # titles is the holder's (read as ours, the third of three Japanese met in one
                # list was dropped as one of our own)
                holder = holder or next(
                    (
                        p
                        for p in info.people
                        if p.titles and _AGENCY_THEN_TITLE.fullmatch(text, o.end, p.titles[0][0])
                    ),
                    None,
                )
                if stated is not None:
                    code = stated  # "China’s Public Security Ministry", "Bộ Nội vụ Lào"
                elif listed is not None:
                    code = listed  # "A, Saudi Ambassador to the UK, Dr. B, Undersecretary of …"
                elif foreign and _THIS_COUNTRY.match(text, o.end):
                    # "Bộ Quốc phòng nước này" on a page about two other countries: the
                    # foreign country the page names most, never the page's own side
                    code = foreign
                elif holder is not None:
                    # a name not Vietnamese tells a foreigner only on a page whose home side
                    # is Vietnam; between two other countries the holder is the home side's
                    foreign_name = (
                        not is_vietnamese_name(persons[holder.person].name)
                        if holder.person >= 0 and home == HOME
                        else False
                    )
                    if foreign_name and foreign:
                        code = foreign
                    elif holder.country and holder.country != home:
                        code = holder.country
                known = specific_agency(o.text, code)
                o = replace(
                    o,
                    key=known["name"] if known else o.key,
                    abbreviation=(known["abbr"] or [None])[0] if known else None,
                    country=code,
                    country_inferred=stated is None
                    and (o.key != "Ministry of Public Security" or code != home),
                )
                if o.country_inferred:
                    inferred.append(o)
                for p in info.people:
                    if p.organisation is not None and p.organisation.start == o.start:
                        p.organisation = o
                        p.country = p.country or code
                        if holder is p and p.country != code and not is_vietnamese_name(p.name):
                            p.country = code
            new_orgs.append(o)
        info.orgs = new_orgs
    return inferred


# between two of a list: a comma, "and", an honorific
_LIST_LINK = re.compile(r"\s*,\s*(?:and\s+)?(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?")


def _listed_after(text: str, info: SentenceInfo, holder: PersonMention) -> str | None:
    """The country of the person listed right before the holder, who names none of their own:
    a list of one side's officials ("A, Saudi Ambassador to the UK, Dr. B, Undersecretary of
    the Ministry of Interior": B's ministry is Saudi; x-people page 012)."""
    if holder.country is not None:
        return None
    before = [q for q in info.people if q.extent[1] <= holder.extent[0] and q is not holder]
    if not before:
        return None
    prev = max(before, key=lambda q: q.extent[1])
    if prev.country is None or not _LIST_LINK.fullmatch(text, prev.extent[1], holder.extent[0]):
        return None
    return prev.country


# what may stand between a generic agency and its holder's titles ("National Police Agency
# Commissioner General X": the agency's head noun the generic name leaves out)
_AGENCY_THEN_TITLE = re.compile(r"\s+(?:(?:Agency|Service|Force|Department|Bureau)\s+)?")


# "China’s Public Security Ministry", "the Cambodian Interior Ministry": the country before it;
# "the Ministry of Interior of Laos", "Bộ Nội vụ Lào": after it
# "Thailand’s deputy National Police chief": a lowercase rank of the title between them
_OWNER_BEFORE = re.compile(
    r"(?:['’]s?)?\s+(?:the\s+)?(?:(?:deputy|acting|assistant|vice|former)\s+)?"
)
_OWNER_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?)?")
# "Singapore’s Ministry of Home Affairs": a city (a city-state) only as a possessive owner
_CITY_OWNER = re.compile(r"['’]s?\s+")


def stated_country(text: str, info: SentenceInfo, o: Mention) -> str | None:
    """The country the sentence writes with a ministry named without one: a country mention
    of the gazetteer's right before it as its owner, or right after it."""
    for c in info.places:
        if c.kind == CITY and c.end <= o.start and _CITY_OWNER.fullmatch(text, c.end, o.start):
            return c.country
        if c.kind != COUNTRY:
            continue
        if c.end <= o.start and _OWNER_BEFORE.fullmatch(text, c.end, o.start):
            return c.key
        if o.end <= c.start and _OWNER_AFTER.fullmatch(text, o.end, c.start):
            return c.key
    # "toured the National Police offices in Tokyo": the agency whose seat the
    # sentence places in a city or country is that country's
    for c in info.places:
        if o.end <= c.start and _SEAT_IN.fullmatch(text, o.end, c.start):
            return c.key if c.kind == COUNTRY else c.country
    # "Cục Bộ đội Biên phòng (Bộ Tổng Tham mưu Quân đội nhân dân Lào)", "Cục BĐBP, Bộ Tổng tham
    # mưu QĐND Lào": a unit named with no country, then its parent body, is the parent's
    for parent in info.orgs:
        if (
            parent.country
            and o.end <= parent.start
            and _PARENT_AFTER.fullmatch(text, o.end, parent.start)
        ):
            return parent.country
    return None


# between a unit and the parent body named right after it: an opening bracket or a comma
_PARENT_AFTER = re.compile(r"\s*[(,]\s*")


_SEAT_IN = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:headquarters|head office|offices?|compound|premises)\s+in\s+"
    r"(?:the\s+)?"
)
