"""Greeting visits: a delegation of one or more agencies across the border visiting an agency
to bring the New Year's wishes ("các đoàn Công an tỉnh A và tỉnh B tới thăm, chúc Tết Công an
tỉnh B"). Each visiting agency's delegation is a visit of its own, hosted by the agency greeted.

Why a pass of its own: these pages (provincial police of Laos and Cambodia at Tết, 3 of the 35
read-n pages, 6 of their required engagements) name no trip word with a destination and no one
met, so neither the trip nor the meeting rule drafts them; the gold records one visit per
visiting province.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.extract.dates import DateMention, resolve
from timeline.extract.model import Engagement, SentenceInfo

# "sang thăm, chúc Tết", "thăm và chúc Tết", "chúc Tết", "thăm, chúc mừng năm mới", "sang thăm,
# chúc mừng" (a national day): the verb, right before the agency greeted
_GREETING = re.compile(
    r"(?<!\w)((?:sang |đến |tới )?thăm,?\s+(?:và\s+)?)?(chúc Tết|chúc mừng năm mới|chúc mừng)(?!\w)"
    r"(?:\s+(?:tới|đến))?\s*"
)
# without "thăm" only a delegation brings wishes in person ("lãnh đạo đoàn Công an tỉnh A chúc
# Tết …"); wishes sent by letter or telegram ("gửi thư chúc mừng năm mới") are no visit
_DELEGATION = re.compile(r"(?<!\w)[Đđ]oàn(?!\w)")
# the travellers are the sentence's subject: nothing but the agencies' list, their country and
# the delegation's head may lie between them and the verb ("do Đại tá X dẫn đầu đã sang")
_NO_CLAUSE = re.compile(r"[^.;:]*")


def greeting_visits(
    text: str, info: SentenceInfo, engagements: list[Engagement]
) -> tuple[list[Engagement], list[Engagement]]:
    """The greeting visits a sentence tells: (new ones, ones already drafted it tells again)."""
    s = info.sentence
    created: list[Engagement] = []
    referenced: list[Engagement] = []
    for m in _GREETING.finditer(text, s.start, s.end):
        host = next((o for o in info.orgs if o.start == m.end() and o.country), None)
        if host is None:
            continue
        in_person = m.group(1) or (
            m.group(2) == "chúc Tết" and _DELEGATION.search(text, s.start, m.start())
        )
        if not in_person:
            continue
        travellers = [
            o
            for o in info.orgs
            if o.end <= m.start()
            and o.country
            and o.country != host.country
            and _NO_CLAUSE.fullmatch(text, o.end, m.start())
        ]
        for agency in travellers:
            told = next(
                (
                    e
                    for e in engagements + created
                    if e.kind == "visit" and any(x.key == agency.key for _, x in e.pair)
                ),
                None,
            )
            if told is not None:
                told.add(info)
                referenced.append(told)
                continue
            e = Engagement(
                "visit",
                info,
                (m.start(), m.end(), m.group().strip()),
                place_country=host.country,
                pair=[(agency.country, agency)],
            )
            e.counterpart = host
            e.add(info)
            created.append(e)
    return created, referenced


def greeting_dates(engagements: list[Engagement]) -> list[Engagement]:  # after the dates
    """The delegations of one greeting verb ("các đoàn Công an tỉnh A, tỉnh B tới thăm, chúc Tết")
    came together: each takes the date the first was given. Returns those still undated."""
    first: dict[tuple[int, int], Engagement] = {}
    undated = []
    for e in engagements:
        if e.kind != "visit" or e.counterpart is None:
            continue
        lead = first.setdefault((e.trigger[0], e.trigger[1]), e)
        if lead is not e and e.date is None and lead.date is not None:
            e.date, e.resolved, e.date_origin = lead.date, lead.resolved, lead.date_origin
        if e.date is None:
            undated.append(e)
    return undated


# "Nhân dịp Tết Nguyên đán Giáp Thìn 2024", "đón Xuân Ất Tỵ - 2025": the lunar year's holiday,
# late January to February of that year
_TET_YEAR = re.compile(
    r"(?<!\w)(?:Tết(?: Nguyên [Đđ]án)?|Xuân)(?:\s+[A-ZĐẤẤẬ]\w*\s+[A-ZĐ]\w*)?\s*[-–]?\s*"
    r"((?:19|20)\d\d)(?!\d)"
)


def tet_year(text: str, e: Engagement, published: date | None) -> bool:
    """An undated greeting visit dated by the year of the Tết the page names (its year only)."""
    m = _TET_YEAR.search(text)
    if m is None:
        return False
    e.date = DateMention(m.start(1), m.end(1), m.group(), None, None, int(m.group(1)))
    e.resolved, e.date_origin = resolve(e.date, published), "lead"
    return True
