"""Dating: each date phrase to its engagement, trips' lengths, days told later, sessions
dated by their trip, and engagements that ended long before publication as context."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from timeline.extract.dates import DateMention, Resolved, resolve
from timeline.extract.model import (
    Engagement,
    SentenceInfo,
    Span,
)
from timeline.extract.passes.nesting import forget_sentence
from timeline.extract.passes.participants import may_take_part
from timeline.extract.passes.reciprocal import SIGNING
from timeline.extract.passes.series import dialogue_mentions


def _signed_then(group: list[Engagement], d: DateMention) -> bool:
    """ "A and B signed a plan in Vientiane on May 6": the signing is the meeting, dated so."""
    return any(SIGNING.match(e.trigger[2]) and 0 <= d.start - e.trigger[1] <= 60 for e in group)


def date_engagements(
    engagements: list[Engagement], infos: list[SentenceInfo], published: date | None, language: str
) -> None:
    """Each date of a sentence goes to the nearest engagement reported there; a date leading the
    sentence goes to all of them. Sessions of a trip without a date of their own take the trip's;
    a trip without one spans its sessions."""
    by_sentence: dict[int, list[Engagement]] = {}
    for e in engagements:
        by_sentence.setdefault(e.info.sentence.start, []).append(e)
    for group in by_sentence.values():
        info = group[0].info
        # a signature's date is no engagement's, except the signing told as the meeting itself
        usable = [d for d in info.dates if not d.excluded or _signed_then(group, d)]
        # each date to one engagement and each engagement one date, nearest pairs first:
        # "talks … on April 16, as part of his visit to China from April 15 to 17"
        inner = [d for d in usable if d.start - info.sentence.start >= 25]
        setting = _setting_end(info)
        sides = {e.trigger[0] >= setting for e in group}
        pairs = sorted(
            (_distance(e.trigger, d), i, j)
            for i, d in enumerate(inner)
            for j, e in enumerate(group)
            # a date of the occasion phrase is the occasion's, one after it the main clause's
            if (d.start >= setting) == (e.trigger[0] >= setting) or len(sides) == 1
        )
        used_d: set[int] = set()
        for _, i, j in pairs:
            if i in used_d or group[j].date is not None:
                continue
            group[j].date = inner[i]
            used_d.add(i)
        for d in usable:
            lead = d.start - info.sentence.start < 25
            if lead:
                sessions = any(e.kind != "visit" for e in group)
                for e in group:
                    # "Sáng 9/4, … tiếp ông X đang ở thăm Việt Nam": the day of the session,
                    # not of the trip
                    own = e.kind != "visit" or not sessions or _distance(e.trigger, d) <= 10
                    if e.date is None and own:
                        e.date = d
                continue
    told: Resolved | None = None
    for e in sorted(engagements, key=lambda e: e.start):
        if e.date is not None and e.date.day_offset is not None:
            # "cùng ngày", "the same day": the day of what the story told last
            if told is not None and told.start is not None and told.start == told.end:
                day = told.start + timedelta(days=e.date.day_offset)
                e.resolved = Resolved(day, day, "day", e.date.phrase, told.year_inferred)
                e.date_origin = "story"
            else:
                e.resolved = resolve(e.date, published)
        elif e.date is not None:
            e.resolved = resolve(e.date, published, planned=e.status == "planned")
        r = e.resolved
        if r is not None and r.start is not None and r.start == r.end and not e.context:
            told = r  # "the same day" counts from a day, not from a trip's range


def lead_dates(
    engagements: list[Engagement], infos: list[SentenceInfo], published: date | None
) -> None:
    """A dialogue (or the story's first meeting, when the lead reports none) with no date of
    its own takes the date of the article's lead."""
    lead_date = next((d for i in infos[:1] for d in i.dates if not d.excluded), None)
    for e in engagements:
        # "agreed Tuesday …" in the lead, "X and Y met for two hours" after it: the story's day
        # (only when the lead reports no engagement itself: then its date is nobody else's)
        first = (
            e.kind == "meeting"
            and e is next(x for x in engagements if x.kind != "visit")
            and not any(x.info is infos[0] for x in engagements)
        )
        if (
            e.date is None
            and (e.kind == "dialogue" or first)
            and lead_date is not None
            and not e.context
        ):
            e.date, e.date_origin = lead_date, "lead"
            e.resolved = resolve(lead_date, published)


_LENGTH_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "hai": 2,
                 "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7}  # fmt: skip


_TRIP_LENGTH = re.compile(
    r"\b(?P<n>\d|two|three|four|five|six|seven)-day\b|(?<!\w)(?:trong |kéo dài )?"
    r"(?P<m>\d|hai|ba|bốn|năm|sáu|bảy) ngày(?!\s*\d|\s*/)(?!\w)"
)


def trip_lengths(text: str, engagements: list[Engagement]) -> None:
    """ "a three-day visit … that began on Tuesday": a trip dated by its first day and its
    length spans those days."""
    for e in engagements:
        r = e.resolved
        if e.kind != "visit" or r is None or r.start is None or r.precision != "day":
            continue
        s = e.info.sentence
        m = _TRIP_LENGTH.search(
            text, max(s.start, e.trigger[0] - 20), min(s.end, e.trigger[1] + 20)
        )
        if m is None:
            continue
        word = (m["n"] or m["m"]).lower()
        days = int(word) if word.isdigit() else _LENGTH_WORDS[word]
        end = r.start + timedelta(days=days - 1)
        phrase = f"{m.group().strip()} … {r.phrase}"
        e.resolved = Resolved(
            r.start, end, "range", phrase, r.year_inferred, r.partial, r.from_weekday
        )


# "Nhân chuyến thăm và đồng chủ trì Hội nghị …, chiều 16/7, … đã đến chào …": the occasion
# told first is the setting of the sentence's engagement, and its date is not the setting's
_OCCASION = re.compile(
    r"(?:(?:Ngày|Sáng|Chiều|Tối|On)\s[^,]{1,20},\s*)?"  # "Ngày 25/6/2024, trong khuôn khổ …"
    r"(?:Nhân (?:dịp|chuyến)|Trong khuôn khổ|Bên lề|On the occasion of|On the sidelines of|"
    r"As part of|During)\b[^,]*,",
    re.I,
)


def _setting_end(info: SentenceInfo) -> int:
    """Where an opening occasion phrase of the sentence ends (its start when there is none)."""
    m = _OCCASION.match(info.sentence.text)
    return info.sentence.start + (m.end() if m else 0)


_HELD = re.compile(r"(?<!\w)(?:tổ chức|diễn ra|khai mạc|held|took place|opened)(?!\w)")


def series_dates_told_later(
    text: str, engagements: list[Engagement], published: date | None, language: str
) -> None:
    """A dialogue or conference without a date of its own, named again later with its day
    ("Hội nghị … lần thứ 10 vừa tổ chức sáng 15/7"), takes that day."""
    for e in engagements:
        if e.date is not None or e.kind != "dialogue" or e.context:
            continue
        for info in e.sentences:
            for dm in dialogue_mentions(text, info, language):
                if dm.session != e.session:
                    continue
                d = next(
                    (
                        d
                        for d in info.dates
                        if 0 <= d.start - dm.span[1] <= 40
                        and _HELD.search(text, dm.span[1], d.start)
                    ),
                    None,
                )
                if d is not None and not d.excluded:
                    e.date, e.resolved = d, resolve(d, published)
                    break
            if e.date is not None:
                break


def days_told_later(engagements: list[Engagement], published: date | None) -> None:
    """ "Sáng 22/5, … khai mạc Hội nghị" then "Trong 2 ngày 22 và 23/5, các đoàn …": a day
    opening an engagement whose days a later sentence of it gives spans those days."""
    for e in engagements:
        r = e.resolved
        if r is None or r.precision != "day" or e.kind == "visit" or e.date is None:
            continue
        for info in e.sentences:
            if info is e.info:
                continue
            for d in info.dates:
                if d.excluded or d.end_day is None:
                    continue
                later = resolve(d, published)
                # without a year the days still match: "Sáng 02/12" then "từ ngày 2 - 3/12"
                same = (d.day, d.month) == (e.date.day, e.date.month) and d.end_day != d.day
                known = r.start is not None and later.start == r.start
                if (known and later.end and later.end > r.start) or (r.start is None and same):
                    e.date, e.resolved = d, later
                    break


def inherit_dates(engagements: list[Engagement]) -> None:
    for e in engagements:
        if e.date is None and e.parent is not None and e.parent.date is not None:
            e.date, e.date_origin = e.parent.date, "parent"
            e.resolved = e.parent.resolved
    for v in engagements:
        if v.kind != "visit" or v.date is not None:
            continue
        # its sessions, or a session told in the same sentence ("the two first met in Hanoi in
        # November, when X led a delegation to Vietnam")
        parts = [
            e
            for e in engagements
            if (e.parent is v or (e.info is v.info and e.kind != "visit"))
            and e.resolved
            and e.resolved.start
        ]
        if parts:
            first = min(parts, key=lambda e: e.resolved.start)  # type: ignore[union-attr,return-value]
            last = max(parts, key=lambda e: e.resolved.end)  # type: ignore[union-attr,return-value]
            s, t = first.resolved.start, last.resolved.end  # type: ignore[union-attr]
            # the trip's own days are not known: say the month(s) its sessions fall in
            s = s.replace(day=1)
            t = t.replace(day=calendar.monthrange(t.year, t.month)[1])
            v.date, v.date_origin = first.date, "parts"
            v.resolved = Resolved(
                s,
                t,
                "month" if (s.year, s.month) == (t.year, t.month) else "range",
                first.resolved.phrase,
                first.resolved.year_inferred,
            )  # type: ignore[union-attr]
            if all(e.context for e in parts):  # dated by past sessions only: past itself
                v.context, v.context_cue = True, first.context_cue
    for e in engagements:
        if e.date is None and e.parent is not None and e.parent.resolved is not None:
            r = e.parent.resolved
            e.date, e.date_origin = e.parent.date, "parent"
            if r.start is not None and e.parent.date_origin == "parts" and r.precision == "month":
                e.resolved = r
            elif r.start is not None and e.parent.date_origin == "parts":
                # the trip's own dates are not known: the month is what can be said
                last = calendar.monthrange(r.start.year, r.start.month)[1]
                e.resolved = Resolved(
                    r.start.replace(day=1),
                    r.start.replace(day=last),
                    "month",
                    r.phrase,
                    r.year_inferred,
                )
            else:
                e.resolved = r


def _distance(trigger: Span, d: DateMention) -> int:
    if d.start >= trigger[1]:
        return d.start - trigger[1]
    if d.end <= trigger[0]:
        return trigger[0] - d.end
    return 0


def old_news(engagements: list[Engagement], published: date | None) -> None:
    """News reports what just happened: an engagement that ended months before publication is
    mentioned for context ("hồi tháng 7/2024"), not reported, and belongs to no trip."""
    if published is None:
        return
    for e in engagements:
        r = e.resolved
        if e.context or e.status != "held" or r is None or r.end is None or r.start is None:
            continue
        if r.start > published:
            # dated after publication: it can only be planned
            e.status = "planned"
            e.status_cue = (e.date.start, e.date.end, e.date.phrase) if e.date else None
            e.participants = {
                k: v for k, v in e.participants.items() if may_take_part(e, k, v.role)
            }
            p = e.parent.resolved if e.parent is not None else None
            if p is None or p.start is None or not (p.start <= r.start <= p.end):  # type: ignore[operator]
                e.parent = None
            continue
        if (published - r.end).days > 90:
            e.context = True
            e.context_cue = (e.date.start, e.date.end, e.date.phrase) if e.date else None
            e.parent = None
            forget_sentence(engagements, e)


def one_verb_one_date(engagements: list[Engagement]) -> None:
    """Meetings drafted from one verb with a list ("called on the Prime Minister, the Minister
    for Home Affairs and his counterpart") happened when the first of them did: each takes the
    date the first was given, whatever gave it."""
    first: dict[tuple[int, int], Engagement] = {}
    for e in engagements:
        if e.kind == "visit":
            continue
        lead = first.setdefault((e.trigger[0], e.trigger[1]), e)
        if lead is not e and e.date is None and lead.date is not None:
            e.date, e.resolved, e.date_origin = lead.date, lead.resolved, lead.date_origin
