"""Trips to attend a multilateral event abroad, told by the attendance rather than a visit word.

"Đoàn đại biểu Bộ Công an … đã tham dự Đại hội đồng Interpol lần thứ 93" in a foreign city is a
trip of the delegation to that country; so, in English, is "Malaysia's delegation to the
AMMTC", to where an earlier sentence places the event. The sessions told "bên lề" (on the
sidelines of) the event are the trip's parts, linked as any session of a trip.
"""

from __future__ import annotations

import re

from timeline.extract.gazetteer import CITY, COUNTRY, VENUE, Mention, country_aliases
from timeline.extract.model import Engagement, Participation, SentenceInfo
from timeline.extract.segment import BODY

# a delegation that attended an event: "Đoàn (đại biểu|công tác) … (đã) tham dự / dự <Event>"
_ATTENDED_VI = re.compile(
    r"(?<!\w)Đoàn(?:\s+(?:đại biểu|công tác))?\s[^.;]{0,200}?(?<!\w)(?P<verb>tham dự|dự)\s+"
    r"(?P<event>(?:Đại hội|Hội nghị|Diễn đàn|Hội thảo|Kỳ họp|Phiên họp)[^,.;]*)"
)
# "led a delegation to attend the …", "a delegation attended the … in Lyon"
_ATTENDED_EN = re.compile(
    r"\b(?:led|leading|leads|headed|heading|heads)\s+(?:a|an|the|\w+'s)\s+(?:[\w-]+\s+){0,3}?"
    r"delegation\s+(?:to\s+attend|at)\s+(?P<event>the\s+[^,.;]*)"
)
# the attendance told of the delegation, or as the meetings its head had there: "A delegation
# of the ministry led by X is attending the 20th Y Dialogue that opened in Singapore", "The
# delegation … is in New Delhi, India, where they are attending the 90th General Assembly",
# "X had separate bilateral meetings with … during the 18th Conference … in Sochi, Russia",
# "X met the heads of the delegations of A and B on the sidelines of the … Forum in Z"
# (searched within one sentence, so the full stops of ranks and initials may come between;
# the event must be a gathering, not a visit: "met Y during the visit to China by Z")
_GATHERING = (
    r"(?P<event>the\s+[^,.;]*?\b(?:Conference|Dialogue|Forum|Summit|Meeting|Assembly|Congress|"
    r"Symposium|Session|Exhibition|Expo)\b[^,.;]*)"
)
_ATTENDING_EN = re.compile(
    r"\bdelegation\b[^;]{0,240}?\b(?:is|are|was|were)\s+(?:currently\s+)?attending\s+" + _GATHERING
)
_MET_DURING_EN = re.compile(
    r"\b(?:(?:had|held)\s+(?:separate\s+|several\s+|a\s+(?:series|number)\s+of\s+)?"
    r"(?:bilateral\s+)?meetings\s+with|met(?:\s+with)?)\s+[^;]{0,300}?"
    r"\b(?:during|on\s+the\s+(?:sidelines|margins)\s+of)\s+" + _GATHERING
)
# "Pham, who heads Vietnam's delegation to the AMMTC", "X is leading Malaysia's delegation to
# the meeting": the trip of that country's delegation to where the event is
_HEADS_DELEGATION_EN = re.compile(
    r"\b(?:heads|is heading|headed|leads|is leading|led)\s+(?P<country>[A-Z][\w.]*"
    r"(?:\s[A-Z][\w.]*)?)['’]s\s+delegation\s+to\s+(?:the\s+)?(?P<event>[^,.;]+)"
)
_AT = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:thủ đô\s+|thành phố\s+)?$")
_PLANNED_VI = re.compile(r"(?<!\w)(?:sẽ|dự kiến)\s*$")


def _destination(
    info: SentenceInfo, home: str, after_at: bool = False, after: int = 0
) -> Mention | None:
    """The foreign city (else country) the sentence places the event in; with `after_at`, only
    one named after "tại"/"ở": "Viện trưởng VKSND tối cao Lào … sang dự Hội nghị … các nước
    ASEAN - Trung Quốc … tại Việt Nam" names the delegation's own country and the countries of
    the event's name, neither of them where it is; with `after`, only one named from there on
    (the countries of those met, listed before the event, are not where it is)."""
    foreign = [
        p
        for p in info.places
        if p.kind in (CITY, COUNTRY)
        and p.start >= after
        and (p.key if p.kind == COUNTRY else p.country) != home
        and (not after_at or _AT.search(info.sentence.text[: p.start - info.sentence.start]))
    ]
    cities = [p for p in foreign if p.kind == CITY]
    return (cities or foreign or [None])[0]


# "tiếp đoàn Lào sang dự chương trình …": a foreign delegation received at home,
# come to attend an event here
_RECEIVED_TO_ATTEND = re.compile(
    r"(?<!\w)(?:tiếp|đón)\s+(?:[Đđ]oàn)(?:\s+(?:đại biểu|công tác))?\s+(?P<who>[^.;]{1,80}?)\s+"
    r"(?:sang\s+|đến\s+)?(?P<verb>tham dự|dự)\s+(?P<event>(?:[Cc]hương trình|Đại hội|Hội nghị|"
    r"Hội thao|Hội thảo|[Ll]ễ|[Gg]iao lưu)[^,.;]*)"
)


def received_to_attend(
    text: str, infos: list[SentenceInfo], engagements: list[Engagement], home: str
) -> list[Engagement]:
    """The trip of a foreign delegation received at home to attend an event here ("X tiếp đoàn
    Lào sang dự hội thao …"), its country the one named as the delegation's, unless a visit of
    that country is already told."""
    added: list[Engagement] = []
    for info in (i for i in infos if i.sentence.role == BODY):
        m = _RECEIVED_TO_ATTEND.search(text, info.sentence.start, info.sentence.end)
        who = [
            p
            for p in info.places
            if m is not None and p.kind == COUNTRY and m.start("who") <= p.start < m.end("who")
        ]
        if m is None or len(who) != 1 or who[0].key == home:
            continue
        code = who[0].key
        if any(
            e.kind == "visit" and code in (*e.guests, *(c for c, _ in e.pair)) for e in engagements
        ):
            continue
        start, end = m.start("verb"), m.end("event")
        trip = Engagement("visit", info, (start, end, text[start:end]), place_country=home)
        trip.pair = [(code, who[0])]
        # (its days, "trong hai ngày 27 - 28.8", not the year its name holds, "năm 2019")
        trip.date = next((d for d in info.dates if d.start >= start and d.day is not None), None)
        trip.add(info)
        trip.group = max((e.group for e in engagements), default=-1) + 1
        engagements.append(trip)
        added.append(trip)
    return added


def attendance_trips(
    text: str, infos: list[SentenceInfo], engagements: list[Engagement], home: str, language: str
) -> list[Engagement]:
    """Add the trip of a delegation attending an event abroad, unless a visit to that country is
    already told; a planned attendance is left to the planned-trip rules. Returns the new trips.
    In Vietnamese, also the trip of a foreign delegation received here to attend one."""
    added: list[Engagement] = []
    if language == "vi":
        added += received_to_attend(text, infos, engagements, home)
    english = (_ATTENDED_EN, _ATTENDING_EN, _MET_DURING_EN)
    patterns = (_ATTENDED_VI,) if language == "vi" else english
    for info in infos:
        s = info.sentence
        if s.role != BODY:
            continue
        m = next((m for p in patterns if (m := p.search(text, s.start, s.end))), None)
        if m is None:
            continue
        if language == "vi" and _PLANNED_VI.search(text[s.start : m.start("verb")]):
            continue
        dest = _destination(info, home, after_at=language == "vi")
        if m.re is not _ATTENDED_EN and m.re is not _ATTENDED_VI:
            # where the gathering is: named after it, else (the delegation "is in X where …")
            # before it, for the attendance; after it only, for the meetings had there
            after = _destination(info, home, after=m.start("event"))
            dest = after if after is not None or m.re is _MET_DURING_EN else dest
        if dest is None:
            continue
        code = dest.key if dest.kind == COUNTRY else dest.country
        if any(e.kind == "visit" and e.place_country == code for e in engagements):
            continue
        start, end = m.span("event") if language == "en" else (m.start("verb"), m.end("event"))
        trip = Engagement(
            "visit",
            info,
            (start, end, text[start:end]),
            destination=dest,
            place_country=code,
        )
        trip.add(info)
        trip.group = max((e.group for e in engagements), default=-1) + 1
        engagements.append(trip)
        added.append(trip)
    return added


def _event_place(info: SentenceInfo, infos: list[SentenceInfo], event: str) -> Mention | None:
    """Where an event is: a city named with it in an earlier sentence (by a capitalised word
    or abbreviation of its name)."""
    words = re.findall(r"\b[A-Z][\w+-]{2,}\b", event)
    for earlier in reversed(infos[: infos.index(info)]):
        if words and not any(
            re.search(rf"\b{re.escape(w)}\b", earlier.sentence.text) for w in words
        ):
            continue
        cities = [p for p in earlier.places if p.kind in (CITY, VENUE)]
        if cities:
            return cities[-1]
    return None


def delegations_to_events(
    text: str, infos: list[SentenceInfo], engagements: list[Engagement], language: str
) -> list[Engagement]:
    """Add the trip of "<Country>'s delegation to the <event>" and its head, the person the
    sentence is about; the event is where an earlier sentence places it. Returns the new trips."""
    added: list[Engagement] = []
    if language != "en":
        return added
    for info in infos:
        s = info.sentence
        m = _HEADS_DELEGATION_EN.search(text, s.start, s.end) if s.role == BODY else None
        code = country_aliases().get(m["country"]) if m else None
        if m is None or code is None:
            continue
        dest = _event_place(info, infos, m["event"])
        where = (dest.located if dest.kind == VENUE else dest.country) if dest else None
        if dest is None or where in (None, code):
            continue
        if any(
            e.kind == "visit" and e.place_country == where and code in e.guests for e in engagements
        ):
            continue
        trip = Engagement(
            "visit", info, (m.start(), m.end(), m.group()), destination=dest, place_country=where
        )
        trip.pair = [(code, next((p for p in info.places if p.key == code), dest))]
        trip.add(info)
        head = [p for p in info.people if p.end <= m.start() and p.person >= 0]
        if head:
            h = head[-1]
            h.country = h.country or code  # who heads a country's delegation is of it
            trip.participants[h.person] = Participation(
                h.person, h, "delegation_head", (m.start(), m.end(), m.group())
            )
        trip.group = max((e.group for e in engagements), default=-1) + 1
        engagements.append(trip)
        added.append(trip)
    return added
