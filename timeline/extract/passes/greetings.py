"""Greeting visits: a delegation of one or more agencies across the border visiting an agency
to bring the New Year's wishes ("các đoàn Công an tỉnh A và tỉnh B tới thăm, chúc Tết Công an
tỉnh C"). Each delegation's greeting of each agency greeted is a meeting of its own, hosted by
the agency greeted; a delegation that crossed over for it ("sang thăm, chúc Tết") has its trip
drafted by the trip rule (passes/engagements.py), the greetings its sessions.

Why a pass of its own: these pages (provincial police of Laos and Cambodia at Tết, 3 of the 35
read-n pages, 6 of their required engagements) name no trip word with a destination and no one
met, so neither the trip nor the meeting rule drafts them. The eighth round drafted each as a
visit; the read sets' gold records 4 of 5 such pages' greetings as meetings (ninth round).
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from timeline.extract.dates import DateMention, resolve
from timeline.extract.gazetteer import COUNTRY, Mention
from timeline.extract.model import Engagement, SentenceInfo

# "sang thăm, chúc Tết", "thăm và chúc Tết", "chúc Tết", "thăm, chúc mừng năm mới", "sang thăm,
# chúc mừng" (a national day): the verb, right before the agency greeted
# ("tặng quà, gửi lời chúc mừng năm mới … đến lãnh đạo, cán bộ, chiến sĩ Công an tỉnh B":
# gifts handed over bring the wishes in person, to the agency's staff)
_GREETING = re.compile(
    # ("đã đến chúc mừng cán bộ, chiến sỹ công an 2 tỉnh A và B": gone to greet them)
    r"(?<!\w)((?:sang |đến |tới )?thăm,?\s+(?:và\s+)?|(?:sang|đến|tới)\s+"
    r"|tặng (?:quà|hoa),?\s+(?:và\s+)?"
    r"(?:gửi lời\s+)?)?(chúc Tết|chúc mừng năm mới|chúc mừng)(?!\w)"
    r"(?:(?:\s+[a-zàáảãạăâđêôơư]\w*){0,4}?\s+(?:tới|đến))?\s*"
    r"(?:(?:lãnh đạo|cán bộ|chiến sĩ|chiến sỹ)(?:,\s*|\s+và\s+|\s+))*"
)
# without "thăm" only a delegation brings wishes in person ("lãnh đạo đoàn Công an tỉnh A chúc
# Tết …"); wishes sent by letter or telegram ("gửi thư chúc mừng năm mới") are no visit
_DELEGATION = re.compile(r"(?<!\w)[Đđ]oàn(?!\w)")
# the travellers are the sentence's subject: nothing but the agencies' list, their country and
# the delegation's head may lie between them and the verb ("do Đại tá X dẫn đầu đã sang")
_NO_CLAUSE = re.compile(r"[^.;:]*")
# the head's own office ("do Thiếu tướng X, Chỉ huy trưởng Hiến binh tỉnh A làm trưởng đoàn đã
# đến thăm"): an agency between "do" and the end of the led-by clause is no second delegation
_HEAD_OFFICE = re.compile(r"(?:(?!\sdo\s)[^.;:])*\s(?:làm [Tt]rưởng đoàn|dẫn đầu)(?!\w)")


def greeting_visits(
    text: str, info: SentenceInfo, engagements: list[Engagement]
) -> tuple[list[Engagement], list[Engagement]]:
    """The greeting visits a sentence tells: (new ones, ones already drafted it tells again).
    Each is a meeting of one delegation with one agency greeted."""
    s = info.sentence
    created: list[Engagement] = []
    referenced: list[Engagement] = []
    for m in _GREETING.finditer(text, s.start, s.end):
        hosts = _greeted(text, info, m.end())
        if not hosts:
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
            and o.country != hosts[0].country
            and _NO_CLAUSE.fullmatch(text, o.end, m.start())
            and not _HEAD_OFFICE.match(text, o.end, m.start())
        ]
        if not travellers:
            travellers = _country_of_delegation(text, info, m.start(), hosts[0].country)
        for delegation in _delegations(text, travellers):
            for host in hosts:
                keys = {o.key for o in delegation}
                told = next(
                    (
                        e
                        for e in engagements + created
                        if e.kind == "meeting"
                        and e.counterpart is not None
                        and e.counterpart.key == host.key
                        and keys & {x.key for _, x in e.pair}
                    ),
                    None,
                )
                if told is not None:
                    told.add(info)
                    referenced.append(told)
                    continue
                e = Engagement(
                    "meeting",
                    info,
                    (m.start(), m.end(), m.group().strip()),
                    place_country=host.country,
                    pair=[(o.country, o) for o in delegation if o.country],
                )
                e.counterpart = host
                e.add(info)
                created.append(e)
    return created, referenced


# "Đoàn Cụm Cửa khẩu quốc tế Nậm Cắn, nước bạn Lào đã sang thăm, chúc mừng …": a delegation
# whose unit the gazetteer does not know, its country named after it ("nước bạn", "nước")
_COUNTRY_OF_DELEGATION = re.compile(r",?\s*(?:\(\s*)?(?:nước(?: bạn)?\s+)?$")


def _country_of_delegation(
    text: str, info: SentenceInfo, verb: int, hosts_country: str | None
) -> list[Mention]:
    """The delegation's country when no agency of it is known: the one country named in the
    subject's clause, after "Đoàn" and before the verb, other than the host's."""
    opening = _DELEGATION.search(text, info.sentence.start, verb)
    if opening is None:
        return []
    named = [
        p
        for p in info.places
        if p.kind == COUNTRY
        and opening.end() <= p.start
        and p.end <= verb
        and p.key != hosts_country
        and _NO_CLAUSE.fullmatch(text, p.end, verb)
    ]
    keys = {p.key for p in named}
    if len(keys) != 1:
        return []
    place = named[-1]
    return [
        Mention(
            place.start, place.end, place.text, place.kind, place.key, place.key, None, "country"
        )
    ]


# "chúc Tết Công an tỉnh A và Công an TP B": the agencies greeted, one list after the verb
_NEXT_GREETED = re.compile(r"\s*(?:,|và)\s*")
# "Đoàn đại biểu Công an các tỉnh A, B, C": one delegation of several agencies (a single
# "Đoàn", not "các đoàn")
_ONE_DELEGATION = re.compile(
    r"(?<!các )(?<!những )(?<!hai )[Đđ]oàn(?: đại biểu| công tác| cán bộ)?\s+$"
)


def _greeted(text: str, info: SentenceInfo, at: int) -> list[Mention]:
    """The agencies greeted: the one right after the verb, and those listed after it with
    the same country."""
    first = next((o for o in info.orgs if o.start == at and o.country), None)
    if first is None:
        return []
    out = [first]
    for o in info.orgs:
        if (
            o.start > out[-1].end
            and o.country == first.country
            and _NEXT_GREETED.fullmatch(text, out[-1].end, o.start)
        ):
            out.append(o)
    return out


def _delegations(text: str, travellers: list[Mention]) -> list[list[Mention]]:
    """The visiting delegations: one for a single "Đoàn" naming a list of agencies, else one
    per agency."""
    if len(travellers) > 1 and _ONE_DELEGATION.search(
        text, max(0, travellers[0].start - 30), travellers[0].start
    ):
        joined = all(
            re.fullmatch(r"\s*(?:,|và)\s*", text[a.end : b.start]) for a, b in pairwise(travellers)
        )
        if joined:
            return [travellers]
    return [[t] for t in travellers]


def greeting_dates(engagements: list[Engagement]) -> list[Engagement]:  # after the dates
    """The delegations of one greeting verb ("các đoàn Công an tỉnh A, tỉnh B tới thăm, chúc Tết")
    came together: each takes the date the first was given. Returns those still undated."""
    first: dict[tuple[int, int], Engagement] = {}
    undated = []
    for e in engagements:
        if e.kind != "meeting" or e.counterpart is None or not _GREETING.match(e.trigger[2]):
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
