"""Dating: each date phrase to its engagement, trips' lengths, days told later, sessions
dated by their trip, and engagements that ended long before publication as context."""

from __future__ import annotations

import calendar
import re
import sys
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from timeline.extract import languages
from timeline.extract.dates import (
    DateMention,
    Resolved,
    background,
    dateline_day,
    earlier_occasion,
    plan_or_review,
    resolve,
)
from timeline.extract.gazetteer import COUNTRY, Mention
from timeline.extract.languages.base import Language
from timeline.extract.model import (
    Engagement,
    SentenceInfo,
    Span,
)
from timeline.extract.passes.nesting import forget_sentence
from timeline.extract.passes.participants import may_take_part
from timeline.extract.passes.reciprocal import SIGNING
from timeline.extract.passes.series import dialogue_mentions

# "Ngày 26-10, đoàn … đã lên đường sang thăm Trung Quốc và đồng chủ trì Hội nghị …": the
# day the delegation set off is the trip's, not the conference's
_DEPARTURE = re.compile(r"(?<!\w)(?:lên đường|departed for|left for|set off for)(?!\w)", re.I)


def _lead_date(group: list[Engagement], d: DateMention) -> None:
    """A date opening the sentence goes to each engagement of it still without one."""
    text = group[0].info.sentence.text
    at = group[0].info.sentence.start
    departure = next(
        (e for e in group if e.kind == "visit" and _DEPARTURE.search(text[: e.trigger[0] - at])),
        None,
    )
    sessions = any(e.kind != "visit" for e in group)
    for e in group:
        # "Sáng 9/4, … tiếp ông X đang ở thăm Việt Nam": the day of the session, not of the trip
        own = e.kind != "visit" or not sessions or _distance(e.trigger, d) <= 10
        if departure is not None:
            own = e is departure
        if e.date is None and own:
            e.date = d
            if e is departure:
                e.date_origin = "start"


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
        usable = [
            d
            for d in info.dates
            if (not d.excluded or _signed_then(group, d)) and not _of_a_person(info, d)
        ]
        if any(d.day is not None for d in usable):
            # "Ngày 5/3/2025, … tổ chức hội đàm thường niên năm 2025": a year alone right after
            # the talks' words beside a day names the session's edition, not its date; so does
            # a year closing the plan reviewed or signed (a conference on a day of February
            # that reviews "Kế hoạch … năm 2024" and signs the one "năm 2025": the plan's year
            # took the day's place, and the conference was dated 2024 instead of its day)
            usable = [
                d for d in usable if not _edition(info, d) and not _plan_year(info, d, language)
            ]
            usable = _lead_day_over_year(info, group, usable)
        # each date to one engagement and each engagement one date, nearest pairs first:
        # "talks … on April 16, as part of his visit to China from April 15 to 17"
        setting = _setting_end(info)
        inner = [d for d in usable if not _leads(info, d) and d.start != setting]
        sides = {e.trigger[0] >= setting for e in group}
        pairs = sorted(
            (_kind_misfit(e, d, inner), _distance(e.trigger, d), i, j)
            for i, d in enumerate(inner)
            for j, e in enumerate(group)
            # a date of the occasion phrase is the occasion's, one after it the main clause's
            if ((d.start >= setting) == (e.trigger[0] >= setting) or len(sides) == 1)
            and not _of_a_plan(info, e, d, language)
        )
        used_d: set[int] = set()
        for _, _, i, j in pairs:
            if i in used_d or group[j].date is not None:
                continue
            group[j].date = inner[i]
            used_d.add(i)
        for d in usable:
            if _leads(info, d):
                _lead_date(group, d)
            elif d.start == setting:
                # the date opening the main clause after the occasion: its engagements' lead
                _lead_date([e for e in group if e.trigger[0] >= setting] or group, d)
    told: tuple[int, Resolved] | None = None
    for e in sorted(engagements, key=lambda e: e.start):
        if e.date is not None and e.date.day_offset is not None:
            e.resolved = _counted_day(e.date, told, infos, published)
            if not e.resolved.partial or e.resolved.day is not None:
                e.date_origin = "story"
        elif e.date is not None:
            e.resolved = resolve(e.date, published, planned=e.status == "planned")
        r = e.resolved
        if r is not None and not e.context and _one_day(r):
            told = (e.date.start if e.date else e.start, r)  # a day, not a trip's range


def _lead_day_over_year(
    info: SentenceInfo, group: list[Engagement], usable: list[DateMention]
) -> list[DateMention]:
    """ "Ngày 30-5, tại …, hai đoàn gặp gỡ … và khởi động chương trình giao lưu … năm 2022": a
    sentence telling one engagement and leading with its day has a year alone later in it for
    the name of what it opens or reviews, not for its date (the year took the day's place, and
    the meeting, a year before the page's date line, was set aside as context)."""
    leads = [d for d in usable if _leads(info, d) and d.day is not None and d.month is not None]
    if not leads or len(group) != 1:
        return usable
    alone = {d.year for d in usable if d.day is None and d.month is None and not _leads(info, d)}
    if not alone:
        return usable
    # the one year the sentence states is its day's: "Ngày 30-5 … năm 2022" is 30 May 2022
    year = alone.pop() if len(alone) == 1 and leads[0].year is None else None
    return [
        (replace(d, year=year) if year is not None and d is leads[0] else d)
        for d in usable
        if d.day is not None or d.month is not None or _leads(info, d)
    ]


def _leads(info: SentenceInfo, d: DateMention) -> bool:
    """A date in the first words of its sentence, or of its line: a headline glued to the lead
    without a full stop ("Họp bàn …\nNgày 5-3 ở …") still leaves the lead's date
    leading (it lost to a year reviewed later in the sentence, nearer the talks' verb)."""
    s = info.sentence
    line = s.text.rfind("\n", 0, d.start - s.start) + 1
    return d.start - s.start - line < 25


def _of_a_plan(info: SentenceInfo, e: Engagement, d: DateMention, language: str) -> bool:
    """ "X, now in Myanmar on an official visit, is scheduled to make a courtesy call on Y
    tomorrow": a date told after a plan's words that follow a held engagement is the plan's."""
    if e.status != "held" or d.start <= e.trigger[1]:
        return False
    s = info.sentence
    between = s.text[e.trigger[1] - s.start : d.start - s.start]
    if _PLACE_THEN_DAY.search(between) and not s.text[d.end - s.start :].strip(" .,"):
        # "X meets Y, who is in China for the upcoming forum, in Beijing, capital of China,
        # Sept. 8, 2024.": a caption's closing place and day are its session's, not the plan's
        return False
    return languages.get(language).cue("planned").search(between) is not None


# a caption's closing "in Beijing, capital of China, " or "in Hanoi, " before its day
_PLACE_THEN_DAY = re.compile(
    r"\bin\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}"
    r"(?:,\s+capital\s+of\s+(?:the\s+)?[A-Z][\w\s'-]{1,30})?,\s*$"
)


# ", who was elected president last year": the date of a fact about the person, not of the
# engagement the sentence tells
_WHO_CLAUSE = re.compile(r"\bwho\s+(?:was|were|had|has|have)\b[^,;]*$")


def _kind_misfit(e: Engagement, d: DateMention, dates: list[DateMention]) -> int:
    """1 when a sentence gives both a span of days and a single day and this pairing crosses
    them: a meeting takes the day, a trip the span ("…, on his visit from 9 to March 11, had
    talks with X on March 9": the talks were dated March 11, the span's nearest end)."""
    spans = any(x.end_day is not None for x in dates)
    days = any(x.day is not None and x.end_day is None for x in dates)
    if not (spans and days) or d.day is None:
        return 0
    return int((e.kind == "visit") != (d.end_day is not None))


def _of_a_person(info: SentenceInfo, d: DateMention) -> bool:
    """A date inside a relative clause about a person (`…, who was elected … last year`)."""
    before = info.sentence.text[: d.start - info.sentence.start]
    return _WHO_CLAUSE.search(before[-80:]) is not None


_EDITION_OF = re.compile(
    # "Hội đàm nghiệp vụ quý 3 năm 2025", "6 tháng đầu năm 2025": the quarter or half reviewed
    r"(?<!\w)(?:thường niên|định kỳ|hội đàm|giao ban|annual talks|annual meeting"
    r"|quý\s+(?:I{1,3}|IV|[1-4])|tháng (?:đầu|cuối))"
    # "hội đàm thường niên lần thứ XIX năm 2025", "Hội đàm định kỳ lần thứ IV, năm 2025"
    r"(?:\s+lần thứ\s+[\dIVXLC]+,?)?(?:\s+[^\s,.;]+){0,2}\s+$"
)


def _edition(info: SentenceInfo, d: DateMention) -> bool:
    """A year alone closing the talks' own words ("hội đàm thường niên năm 2025") or a period
    they review ("quý 3 năm 2025")."""
    s = info.sentence
    before = s.text[max(0, d.start - s.start - 40) : d.start - s.start]
    return d.day is None and d.month is None and bool(_EDITION_OF.search(before))


def _plan_year(info: SentenceInfo, d: DateMention, language: str) -> bool:
    """A year alone closing the name of a plan or a period the talks review or agree (`Kế
    hoạch hợp tác năm 2025`, `the results of 2024`, `the work plan for 2026`), or a clause
    about something else (`dates.background`)."""
    if d.day is not None or d.month is not None or d.year is None:
        return False
    at = info.sentence.start
    before = info.sentence.text[max(0, d.start - at - 70) : d.start - at]
    if plan_or_review(before) or _REVIEWED_AT_LENGTH.search(
        info.sentence.text[max(0, d.start - at - 200) : d.start - at]
    ):
        return True
    return background(info.sentence.text, replace(d, start=d.start - at, end=d.end - at), language)


# "hội đàm để đánh giá kết quả tuần tra chung, chia sẻ tin tức về … trong năm 2024": the year
# whose results the talks review, however long the work reviewed is named (the review words of
# `plan_or_review` reach eight words)
_REVIEWED_AT_LENGTH = re.compile(r"(?:đánh giá|tổng kết|sơ kết) kết quả[^.;:]{0,180}$")


def _one_day(r: Resolved) -> bool:
    """A single day, with its year or (partial) without it."""
    if r.partial:
        return r.precision == "day" and r.month is not None and r.day is not None
    return r.start is not None and r.start == r.end


def _counted_day(
    d: DateMention,
    told: tuple[int, Resolved] | None,
    infos: list[SentenceInfo],
    published: date | None,
) -> Resolved:
    """ "cùng ngày", "the same day", "hôm sau": counted from the day the story told last before
    it, an engagement's or any other's ("Trong ngày 14/10, X thăm … Cùng ngày, X chào …"); a
    day without its year gives a day without its year."""
    stated = [
        m
        for i in infos
        for m in i.dates
        if m.end <= d.start
        # (the day a report was made is not an engagement's, but counts: "officials said
        # Tuesday. X met Y earlier in the day")
        and (not m.excluded or m.excluded == "report")
        and not m.parenthesised
        # "officials said Tuesday. X met Y earlier in the day": a weekday counted from the
        # publication date is a day told too
        and ((m.day is not None and m.month is not None) or m.weekday is not None)
        and m.end_day is None
    ]
    anchor = told[1] if told is not None else None
    if stated and (told is None or stated[-1].start > told[0]):
        later = resolve(stated[-1], published)
        # ("received X on June 11 … an agreement in force since February 12, 2019 … On the
        # same day, he also received Y": a day before the engagement told is background, and
        # the story's day is still the engagement's)
        if not (anchor and anchor.start and later.start and later.start < anchor.start):
            anchor = later
    if anchor is None or not _one_day(anchor):
        return resolve(d, published)
    shift = timedelta(days=d.day_offset or 0)
    if anchor.start is not None:
        day = anchor.start + shift
        return Resolved(day, day, "day", d.phrase, anchor.year_inferred)
    probe = _safe_day(2024, anchor.month or 1, anchor.day or 1) + shift  # 2024: 29/2 exists
    return Resolved(None, None, "day", d.phrase, partial=True, month=probe.month, day=probe.day)


def _safe_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


# a trip's first day told by its arrival or departure: "arrived in the Lao PDR on February 10,
# starting his visit", "Ngày 26-10, đoàn … đã lên đường sang thăm Trung Quốc"
_ARRIVAL = re.compile(
    r"(?<!\w)(?:arrived|arrives|landed|departed for|left for|"
    r"(?:đã )?(?:đến|tới) (?:thủ đô|sân bay)|lên đường|bắt đầu chuyến)(?!\w)",
    re.I,
)


def date_from_retelling(
    engagements: list[Engagement],
    infos: list[SentenceInfo],
    published: date | None,
    language: Language,
) -> None:
    """An engagement whose first sentence gives no date takes the date of a later sentence
    that tells it again: news states who met whom in its lead ("X đã tiếp Đại sứ Y nhằm …")
    and when in the next paragraph ("Sáng 16-1-2026, tại Hà Nội, X đã tiếp Đại sứ Y"). A
    meeting takes the date opening a sentence told of it alone with a meeting verb; a trip,
    the date beside its arrival ("arrived … on February 10") or beside its name again with
    its destination ("pays a three-day visit to China from April 28-30"), in a sentence
    telling no session. Only up to the next engagement the story tells."""
    holders: Counter[int] = Counter(
        i.sentence.start for e in engagements if e.kind != "visit" for i in e.sentences
    )
    firsts = sorted(e.info.sentence.start for e in engagements)
    for e in engagements:
        counted = _counted_trip(e)
        if (e.date is not None and not counted) or e.context:
            continue
        begin = e.info.sentence.start
        until = next((x for x in firsts if x > begin), sys.maxsize)
        told = infos if e.kind == "visit" else e.sentences
        for info in (i for i in told if begin < i.sentence.start < until):
            found = _retold_date(e, info, holders[info.sentence.start], language)
            if found is not None and counted and found[0].end_day is None:
                continue  # a day counted from publication gives way to days, not a day
            if found is not None:
                d, arrival = found
                e.date, e.resolved = d, resolve(d, published, planned=e.status == "planned")
                if arrival and e.resolved.precision == "day":
                    e.date_origin = "start"  # the day it arrived: its first
                break


# "X made the remarks during his meeting with Y": the meeting where what the sentence before
# reported was said (a wire's way: the quote first, then where it was made)
_REMARKS_MADE = re.compile(
    r"\b(?:made|delivered) (?:the|these|those|his|her|the above) (?:remarks|comments|statements?)\b"
    r"|\bsaid (?:this|so)\b",
    re.I,
)


def remarks_dated(
    engagements: list[Engagement], infos: list[SentenceInfo], published: date | None
) -> None:
    """A meeting told only as where remarks were made ("X made the remarks during his meeting
    with Y") takes the one date of the sentence before, which reported them ("X promised on
    Monday that …")."""
    order = {i.sentence.start: n for n, i in enumerate(infos)}
    for e in engagements:
        if (e.date is not None and e.date_origin != "parent") or e.context or e.kind != "meeting":
            continue  # (a session's own day wins over its trip's span)
        s = e.info.sentence
        if not _REMARKS_MADE.search(e.info.sentence.text[: e.trigger[0] - s.start]):
            continue
        n = order.get(s.start)
        if not n:
            continue
        dates = [
            d
            for d in infos[n - 1].dates
            if not d.excluded and (d.day is not None or d.weekday is not None)
        ]
        if len(dates) == 1:
            e.date, e.resolved = dates[0], resolve(dates[0], published)
            e.date_origin = "own"


# "X and Y also raised the issue … at the meeting", "Tại buổi hội đàm, …": a session named by
# its noun after a definite article, the session the story told just before
_BACK_REFERENCE = re.compile(
    r"(?:at|during|in) the (?:meeting|talks|reception|session|dialogue|conference)|"
    r"(?:tại|trong) (?:buổi|cuộc) (?:tiếp|hội đàm|làm việc|gặp|hội nghị)",
    re.I,
)


# "On the occasion, X also paid a courtesy call to Y", "Nhân dịp này, …": a session of the same
# occasion as the one told before it, on its day (the Vietnamese agencies' English; x-miss7)
_SAME_OCCASION = re.compile(
    r"\s*(?:On (?:the|this|that|the same) occasion|Nhân dịp này|Cũng trong dịp này),", re.I
)


def dates_referred_back(engagements: list[Engagement]) -> None:
    """An engagement drafted from a back-reference to a session ("… also raised the issue …
    at the meeting") with no date of its own took place on the day of the session told
    before it (x-dates2 008: the second draft of a dated meeting of interior ministers stayed
    undated, and the gold paired with it)."""
    told: Engagement | None = None
    for e in sorted(engagements, key=lambda e: e.start):
        if e.context or e.kind == "visit":
            continue
        again = _BACK_REFERENCE.fullmatch(e.trigger[2]) or _SAME_OCCASION.match(
            e.info.sentence.text
        )
        if e.date is None and told is not None and again:
            e.date, e.resolved, e.date_origin = told.date, told.resolved, "story"
        elif e.resolved is not None and _one_day(e.resolved):
            told = e


def _counted_trip(e: Engagement) -> bool:
    """A trip dated by a day counted from the publication date ("left yesterday on a six-day
    visit"): the days it is told over later ("is visiting Vietnam from May 10-15") say more
    (read-for-rules h050: the count was a day early, the retelling right)."""
    d = e.date
    return e.kind == "visit" and d is not None and (d.today is not None or d.weekday is not None)


def _retold_date(
    e: Engagement, info: SentenceInfo, holders: int, language: Language
) -> tuple[DateMention, bool] | None:
    """The date a later sentence tells the engagement with, and whether it is an arrival."""
    s = info.sentence
    dates = [d for d in info.dates if not d.excluded]
    if e.kind == "visit":
        arrival = _ARRIVAL.search(s.text)
        named = language.visit.search(s.text)
        if named and not any(_same_destination(e.destination, p) for p in info.places):
            named = None
        verb = arrival or named
        if holders or verb is None:
            return None
        at = s.start + verb.start()
        near = [d for d in dates if abs(d.start - at) <= 40 or d.start - s.start < 25]
        return (near[0], arrival is not None) if near else None
    if e.kind == "dialogue" and holders == 1 and _SESSION_NAMED_BACK.search(s.text):
        # "X attended the meeting, accompanied by …, in Bangkok on Tuesday": the session told
        # again by its noun, with its day (x-en6)
        return (dates[0], False) if len(dates) == 1 else None
    if holders == 1 and (held := held_on(info)) is not None:
        return (held, False)  # "The event was held on Sep 10, 2013 at …"
    if holders != 1 or not language.meet.search(s.text) or not _names_counterpart(e, info):
        return None
    d = next(iter(dates), None)
    return (d, False) if d is not None and d.start - s.start < 25 else None


# "attended the meeting", "at the dialogue": a standing body's session named again by its noun
_SESSION_NAMED_BACK = re.compile(
    r"\b(?:attended|at|during) the (?:meeting|dialogue|conference|session)\b", re.I
)


def held_on(info: SentenceInfo) -> DateMention | None:
    """The date of a sentence telling when the engagement just told was held, by its noun
    ("The event was held on Sep 10, 2013 at …", "Buổi tiếp diễn ra chiều 5/3 tại …")."""
    s = info.sentence
    held = _NOUN_HELD_ON.match(s.text)
    if held is None:
        return None
    dates = [d for d in info.dates if not d.excluded]
    return next((d for d in dates if d.start - s.start <= held.end() + 30), None)


def _day_of_saying(e: Engagement) -> bool:
    """ "…, the police said Wednesday": the engagement's only date is the day its news was
    told, which the day it was held, told by its noun later, replaces."""
    s, d = e.info.sentence, e.date
    if d is None or not s.start <= d.start <= s.end:
        return False
    return _SAID_BEFORE.search(s.text, 0, d.start - s.start) is not None


_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported)\s+(?:on\s+)?$")


def date_from_meeting_noun(
    engagements: list[Engagement], infos: list[SentenceInfo], published: date | None
) -> None:
    """The story's one session, told without a date, was held on the day a later sentence
    gives it by its noun ("have signed a memorandum …" then "The event was held on …")."""
    held = [e for e in engagements if e.kind != "visit" and not e.context]
    if len(held) != 1 or (held[0].date is not None and not _day_of_saying(held[0])):
        return
    e = held[0]
    for info in infos:
        if info.sentence.start > e.info.sentence.start and (d := held_on(info)) is not None:
            e.date, e.resolved = d, resolve(d, published, planned=e.status == "planned")
            return


# a sentence telling when the engagement just told was held, by its noun
_NOUN_HELD_ON = re.compile(
    r"\s*(?:The|This) (?:meeting|talks|discussions?|reception|event|(?:signing )?ceremony|"
    r"signing|session|courtesy call)\s+(?:took place|was held|were held)\b|"
    # ("In the meeting held on Tuesday at the agency's headquarters in Tokyo, A and B …": the
    # wire's opening of the retold session; x-miss7, Yonhap's way)
    r"\s*(?:In|At|During) (?:the|this) (?:meeting|talks|discussions?|session)\s+held\b|"
    r"\s*(?:Buổi|Cuộc) (?:tiếp|hội đàm|làm việc|gặp|hội kiến|ký kết)\s+(?:đã\s+)?"
    r"(?:diễn ra|được tổ chức)(?!\w)"
)


def _same_destination(destination: Mention | None, place: Mention) -> bool:
    """The trip's destination named again, or its country ("a visit to Hanoi" then "is
    visiting Vietnam from May 10-15")."""
    if destination is None:
        return False
    if place.key == destination.key:
        return True
    country = destination.key if destination.kind == COUNTRY else destination.country
    return place.kind == COUNTRY and place.key == country


def _names_counterpart(e: Engagement, info: SentenceInfo) -> bool:
    """Does the sentence name the one met (the person, else the organisation), if known?"""
    if e.counterpart_person is not None:
        return any(p.person == e.counterpart_person for p in info.people)
    if e.counterpart is not None:
        return any(o.key == e.counterpart.key for o in info.orgs)
    return True


def lead_dates(
    engagements: list[Engagement], infos: list[SentenceInfo], published: date | None
) -> None:
    """A dialogue (or the story's first meeting, when the lead reports none) with no date of
    its own takes the date of the article's lead."""
    # the lead is the first sentence, past a site's short lines above it ("In bài này")
    at = next((k for k, i in enumerate(infos[:3]) if len(i.sentence.text.split()) >= 6), 0)
    infos = infos[at:]
    lead_date = next((d for i in infos[:1] for d in i.dates if not d.excluded), None)
    if lead_date is not None and _DEPARTURE.search(infos[0].sentence.text):
        return  # the day the delegation set off, not the day of its sessions
    dated_trip = any(
        x.kind == "visit" and x.date is not None and not x.context for x in engagements
    )
    for e in engagements:
        # "agreed Tuesday …" in the lead, "X and Y met for two hours" after it: the story's day
        # (only when the lead reports no engagement itself: then its date is nobody else's)
        first = (
            e.kind == "meeting"
            and e is next(x for x in engagements if x.kind != "visit")
            and not any(x.info is infos[0] for x in engagements)
        )
        if first and lead_date is not None and lead_date.month is None and dated_trip:
            # "Năm 2017 là năm …": a lead's bare year says less than the trip the meeting
            # is a session of (its days are the meeting's, once nested)
            continue
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
        # the length may follow the arrival's day: "arrived in Canberra on March 10 for a
        # five-day visit" (its day and "for a" between the trip's words and its length)
        m = _TRIP_LENGTH.search(
            text, max(s.start, e.trigger[0] - 20), min(s.end, e.trigger[1] + 45)
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


_AFTER_DAYS = re.compile(
    r"(?<!\w)(?:[Ss]au|[Aa]fter)\s+(?P<n>\d|two|three|four|five|hai|ba|bốn|năm)\s+"
    r"(?:ngày|days)(?!\w)"
)


def closing_days(text: str, engagements: list[Engagement]) -> None:
    """ "Sau hai ngày làm việc …, chiều 3-12, … Đối thoại … đã bế mạc", "After two days of
    talks, the dialogue closed on Tuesday": the day told is the last of that many."""
    for e in engagements:
        r, d = e.resolved, e.date
        if r is None or d is None or r.start is None or r.precision != "day":
            continue
        s = next(
            (i.sentence for i in e.sentences if i.sentence.start <= d.start < i.sentence.end), None
        )
        m = _AFTER_DAYS.search(text, s.start, d.start) if s is not None else None
        if m is None:
            continue
        word = m["n"].lower()
        days = int(word) if word.isdigit() else _LENGTH_WORDS[word]
        start = r.start - timedelta(days=days - 1)
        phrase = f"{m.group()} … {r.phrase}"
        e.resolved = Resolved(
            start, r.end, "range", phrase, r.year_inferred, r.partial, r.from_weekday
        )


# "Nhân chuyến thăm và đồng chủ trì Hội nghị …, chiều 16/7, … đã đến chào …": the occasion
# told first is the setting of the sentence's engagement, and its date is not the setting's
_OCCASION = re.compile(
    # "Theo phóng viên TTXVN tại Lào, nhân dịp …": after the reporter's attribution
    r"(?:(?:Theo|According to)\s[^,]{1,60},\s*)?"
    r"(?:(?:Ngày|Sáng|Chiều|Tối|On)\s[^,]{1,20},\s*)?"  # "Ngày 25/6/2024, trong khuôn khổ …"
    r"(?:Nhân (?:dịp|chuyến)|Trong khuôn khổ|Bên lề|On the occasion of|On the sidelines of|"
    r"As part of|During)\b[^,]*,",
    re.I,
)


# the date that opens the main clause after an occasion phrase: "…, ngày 6/12, đoàn …",
# "…, chiều 16/7, Bộ trưởng …", "…, on May 5, the minister …"
_CLAUSE_DATE_BEFORE = re.compile(
    r",\s*(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm)\s+)?(?:(?:[Nn]gày|[Oo]n)\s+)?$"
)
_MAIN_VERB = re.compile(r"(?<!\w)(?:đã|đang|sẽ|has|have|had|was|were|will)(?!\w)")


def _setting_end(info: SentenceInfo) -> int:
    """Where an opening occasion phrase of the sentence ends (its start when there is none):
    at its first comma, or, when a date follows one of its commas before any verb of a main
    clause, at that date ("Nhân dịp tháp tùng Chủ tịch Quốc hội thăm, làm việc tại Lào và
    tham dự Hội nghị …, ngày 6/12, đoàn … đã đến chào …": the day is the main clause's, and
    the conference attended is the occasion; the phrase holds commas of its own lists)."""
    s = info.sentence
    m = _OCCASION.match(s.text)
    if m is None:
        return s.start
    end = s.start + m.end()
    for d in info.dates:
        if d.start < end or d.start - end > 240:
            continue
        between = s.text[m.end() : d.start - s.start]
        if _MAIN_VERB.search(between):
            break
        if _CLAUSE_DATE_BEFORE.search(between):
            return d.start
    return end


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
            if e.date is None and e.session is not None:
                d = _ordinal_held(text, info, e.session)
                if d is not None:
                    e.date, e.resolved = d, resolve(d, published)
            if e.date is not None:
                break


# "The 15th meeting of the … Working Group was held in New Delhi on March 27, 2018", "Phiên họp
# lần thứ 3 đã diễn ra ngày 5/6": the session named again by its number alone, in lower case
_ORDINAL = r"(?:(?<!\w)(?:lần|phiên|khóa|kỳ) thứ {n}|\b{n}(?:st|nd|rd|th))(?!\w)"


def _ordinal_held(text: str, info: SentenceInfo, session: int) -> DateMention | None:
    """The date told right after `held`, in a sentence naming the session by its number."""
    s = info.sentence
    named = re.search(_ORDINAL.format(n=session), s.text)
    if named is None:
        return None
    held = _HELD.search(text, s.start + named.end(), min(s.end, s.start + named.end() + 160))
    if held is None:
        return None
    return next((d for d in info.dates if 0 <= d.start - held.end() <= 60 and not d.excluded), None)


def days_told_later(engagements: list[Engagement], published: date | None) -> None:
    """ "Sáng 22/5, … khai mạc Hội nghị" then "Trong 2 ngày 22 và 23/5, các đoàn …": a day
    opening an engagement whose days a later sentence of it gives spans those days. A meeting
    is held on its day: the days after it are the stay of whoever came ("The previous day, X
    called on Y" then "The delegation is in Vietnam from June 3 to 6", x-fields5)."""
    for e in engagements:
        r = e.resolved
        if r is None or r.precision != "day" or e.kind in ("visit", "meeting") or e.date is None:
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


def _month_of(r: Resolved) -> Resolved:
    """The month a trip's first day falls in: what can be said of a session's date when only
    the day the trip began is known."""
    if r.start is None or r.partial:
        return Resolved(None, None, "month", r.phrase, r.year_inferred, True, month=r.month)
    last = calendar.monthrange(r.start.year, r.start.month)[1]
    return Resolved(
        r.start.replace(day=1), r.start.replace(day=last), "month", r.phrase, r.year_inferred
    )


def _span_of_days(r: Resolved) -> bool:
    """Days from one to another, as a trip is told (`từ ngày 28/5 - 4/6/2024`)."""
    return (
        r.precision == "range"
        and r.start is not None
        and r.end is not None
        and r.end > r.start
        and (r.start.day != 1 or r.end.day != calendar.monthrange(r.end.year, r.end.month)[1])
    )


def dates_told_before(
    engagements: list[Engagement], infos: list[SentenceInfo], published: date | None
) -> None:
    """A meeting told without a date took place on the one day of the nearest sentence before
    it that names the one met and tells no engagement of its own: news gives the day with the
    occasion ("… conveyed their hopes during Khalid's visit to police headquarters in Jakarta
    on Thursday") and the meeting after the quotes ("…, Sutarman said after a closed-door
    meeting with Khalid"). `date_from_retelling` reads the sentences after a meeting; this one,
    those before it, back to the engagement told before (x-date7 012: `????-??-??` under a
    byline of Friday 14 February 2014)."""
    holders: Counter[int] = Counter(i.sentence.start for e in engagements for i in e.sentences)
    firsts = sorted(e.info.sentence.start for e in engagements)
    for e in engagements:
        if e.date is not None or e.context or e.kind == "visit" or e.counterpart_person is None:
            continue
        begin = e.info.sentence.start
        since = max((x for x in firsts if x < begin), default=-1)
        told = [i for i in infos if since < i.sentence.start < begin]
        info = next((i for i in reversed(told) if _names_counterpart(e, i)), None)
        if info is None or holders[info.sentence.start]:
            continue
        days = [
            d for d in info.dates if not d.excluded and (d.day is not None or d.weekday is not None)
        ]
        if len(days) == 1:
            e.date, e.date_origin = days[0], "story"
            e.resolved = resolve(days[0], published, planned=e.status == "planned")


def inherit_dates(engagements: list[Engagement]) -> None:
    for e in engagements:
        if e.date is None and e.parent is not None and e.parent.date is not None:
            e.date, e.date_origin = e.parent.date, "parent"
            r = e.parent.resolved
            # a trip dated by the day it set off or arrived: its sessions, by the month
            e.resolved = _month_of(r) if r and e.parent.date_origin == "start" else r
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
            # the trip's own days are not known: say the month(s) its sessions fall in; but
            # days a session is told over ("hội đàm … từ ngày 28/5 - 4/6/2024") are the trip's
            whole = _span_of_days(first.resolved) and _span_of_days(last.resolved)  # type: ignore[arg-type]
            whole = whole or _every_session_dated(v, engagements)
            if not whole:
                s = s.replace(day=1)
                t = t.replace(day=calendar.monthrange(t.year, t.month)[1])
            v.date, v.date_origin = first.date, "session-days" if whole else "parts"
            v.resolved = Resolved(
                s,
                t,
                "day"
                if whole and s == t
                else ("month" if (s.year, s.month) == (t.year, t.month) and not whole else "range"),
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


def _every_session_dated(trip: Engagement, engagements: list[Engagement]) -> bool:
    """Is each session told of the trip dated to its day? Then the trip is told as those days
    ("Ngày 3/4 tại Tokyo, X hội đàm với A và có các cuộc gặp với B; C"): the read-for-rules
    gold dates such trips by their sessions' days (n006, n014: one day each), and a month said
    instead is never exactly right. A session without a day leaves the trip its month."""
    sessions = [e for e in engagements if e.parent is trip and not e.context]
    return bool(sessions) and all(
        e.resolved is not None
        and not e.resolved.partial
        and e.resolved.start is not None
        and e.resolved.precision in ("day", "range")
        and e.date_origin != "parent"
        for e in sessions
    )


def _distance(trigger: Span, d: DateMention) -> int:
    if d.start >= trigger[1]:
        return d.start - trigger[1]
    if d.end <= trigger[0]:
        return trigger[0] - d.end
    return 0


def dateline_days(text: str, engagements: list[Engagement], published: date | None) -> None:
    """With no year anywhere, a wire dateline's month and day ("DOHA, MAY 5 /DNA/ –") is the
    day the story was filed: a meeting its lead tells without a date took place then, and
    "today" and "yesterday" are counted from it; the date stays partial (`????-05-05`) and is
    flagged. (x-sides' development pages: 2 of 12 English pages open on such a dateline and
    print no year; their meetings were drafted `????-??-??`.)"""
    d = dateline_day(text) if published is None else None
    if d is None or d.month is None or d.day is None:
        return
    lead_end = text.find("\n", d.end)
    for e in engagements:
        if e.context or e.kind == "visit":
            continue
        counted = next((m for m in e.info.dates if _days_back(m) or m.month_offset), None)
        if counted is not None and (e.date is None or e.date.start == d.start):
            # a second draft of the lead's meeting told "on Tuesday" (undated, or given the
            # dateline's own day as its lead's date): that day, not the filing's
            e.date, e.resolved = counted, resolve(counted, None)
            _dateline_month(e, d)
            continue
        if e.date is None and e.info.sentence.start <= (lead_end if lead_end >= 0 else len(text)):
            offset = 0
        elif e.date is not None and e.date.today is not None:
            offset = e.date.today
        else:
            _dateline_month(e, d)
            continue
        day = _safe_day(2024, d.month, d.day) + timedelta(days=offset)  # 2024: 29/2 exists
        phrase = e.date.phrase if e.date is not None else d.phrase
        e.date = e.date or d
        e.resolved = Resolved(None, None, "day", phrase, partial=True, month=day.month, day=day.day)
        e.date_origin = "dateline"


def _days_back(m: DateMention) -> tuple[int, int] | None:
    """The days before the filing day a weekday, a week or a month counted from it may fall
    on, as (earliest, latest) offsets; None when it may lie ahead or is no such form."""
    if m.weekday is not None and m.week is None:
        last = m.phrase.lower().startswith("last ")
        return (-7, -1) if last else (-6, 0)
    if m.week is not None and m.week <= 0:
        return (7 * m.week - 6, 7 * m.week + 6) if m.week < 0 else (-6, 0)
    return None


def _dateline_month(e: Engagement, d: DateMention) -> None:
    """Under a dateline without a year, a weekday or a week counted from it ("BANGKOK, Sept 16
    (TNA) – … met on Tuesday") falls in the dateline's month when every day it may be on does
    (the weekday's offset needs the year); "last month", "this month" name their month. The
    date stays partial, month known, flagged as the dateline's."""
    m = e.date
    if m is None or d.month is None or d.day is None:
        return
    if m.month_offset is not None:
        month = (d.month - 1 + m.month_offset) % 12 + 1
    else:
        window = _days_back(m)
        if window is None or d.day + window[0] < 1:
            return
        last = _safe_day(2023, d.month, 31).day  # a month's length (February's of no leap year)
        if d.day + window[1] > last:
            return
        month = d.month
    e.resolved = Resolved(None, None, "month", m.phrase, partial=True, month=month)
    e.date_origin = "dateline-month"


def earlier_occasions(text: str, engagements: list[Engagement]) -> None:
    """An engagement dated in a clause about an earlier occasion ("Moffat last met Vinh in
    Canberra in March 2023", "Cuộc gặp lần trước … năm 2022") is mentioned for context, as
    old news is, also when no publication date tells how old it is; never the page's only
    engagement."""
    if len([e for e in engagements if not e.context]) < 2:
        return
    for e in engagements:
        if e.context or e.date is None or e.status != "held":
            continue
        opens = text[e.info.sentence.start : e.date.start]
        last = _LAST_SESSION.match(e.info.sentence.text.lstrip())
        if (
            last
            or earlier_occasion(text, e.date)
            or _RELATIVE_PAST.fullmatch(e.date.phrase.strip())
            or _AGO_OPENS.match(opens)
        ):
            e.context = True
            e.context_cue = (e.date.start, e.date.end, e.date.phrase)
            e.parent = None
            forget_sentence(engagements, e)


# a sentence whose subject is the session before ("The last DG Level Border Co-ordination
# conference between the BSF and the BGB was held from April 23 to 27 in Dhaka", "Hội nghị lần
# trước được tổ chức tại …"): the standing mechanism's earlier round, told beside the one reported
# (three of the x-world7 border-conference pages close on it)
_LAST_SESSION = re.compile(
    r"(?i)(?:the\s+(?:last|previous)\s+(?:[^\s.,;]+\s+){0,8}?(?:meeting|conference|round|session|"
    r"dialogue|talks)\b|(?:cuộc họp|hội nghị|phiên họp|vòng đàm phán|vòng tham vấn)\s+"
    r"(?:[^\s.,;]+\s+){0,8}?(?:lần trước|gần đây nhất|gần nhất|trước đó)(?!\w))"
)
# a date phrase that is itself a past period ("held a bilateral meeting … in Jakarta last
# month", "gặp nhau tại A năm ngoái"): an earlier occasion beside the story's engagement
_RELATIVE_PAST = re.compile(
    # ("Earlier this year, X visited Hanoi" beside a port call the story announces)
    r"(?i)(?:(?:in|during) )?(?:last (?:year|month|week)|the (?:previous|past) (?:year|month)|"
    r"earlier this year|"
    r"(?:hồi |vào )?(?:năm|tháng) (?:ngoái|trước))"
)
# "Two weeks ago, X also visited …", "A month ago, …": a sentence opening on how long before
# the story it tells, however far its date from those words (x-miss7 014: a prime minister's
# visit of two weeks before was drafted beside the call the page reports)
_AGO_OPENS = re.compile(
    r"(?i)\s*(?:(?:a|an|one|two|three|four|five|six|several|a few|some|\d+)\s+)"
    r"(?:days?|weeks?|months?|years?)\s+ago\b"
)
# "Trước đó, vào tháng 3/2024, …", "Earlier, in March, …": a sentence going back in time
_BACK_THEN = re.compile(r"(?:Trước đó|Earlier|Previously)\b,?")
# a trip over this long before the story's engagement is an earlier occasion, not the trip the
# engagement belongs to (a session of one trip told with "Trước đó" is days before the next)
_TRIP_GAP = timedelta(days=30)


def earlier_trips(engagements: list[Engagement]) -> None:
    """A trip told by a sentence opening on "Trước đó"/"Earlier", over a month or more before
    another engagement the story reports, is mentioned for context: "Chiều 15/8, Thứ trưởng X
    tiếp ông Y … Trước đó, vào tháng 3/2024, Thứ trưởng X đã dẫn đầu đoàn … thăm Anh" reports
    the reception, not the March trip. The same words opening an earlier session of the trip
    told (days before the next) leave it held."""
    held = [e for e in engagements if not e.context and e.status == "held"]
    for e in held:
        r = e.resolved
        if e.kind != "visit" or r is None or r.end is None:
            continue
        s = e.info.sentence
        if not _BACK_THEN.match(s.text.lstrip()):
            continue
        later = [
            x.resolved.start
            for x in held
            if x is not e and x.resolved is not None and x.resolved.start is not None
        ]
        if any(start - r.end > _TRIP_GAP for start in later):  # type: ignore[operator]
            e.context = True
            e.context_cue = (e.date.start, e.date.end, e.date.phrase) if e.date else None
            e.parent = None
            forget_sentence(engagements, e)


# a page dated only by its story's latest date was written within days of it: a day a few days
# after is told, one weeks after is still a plan (x-vi4 006: a session of next month)
_WRITTEN_WITHIN = timedelta(days=7)

# a verb told as done: "đã" before it, or an English verb in the past ("met", "was held")
_DONE = {
    "vi": re.compile(r"(?<!\w)đã(?!\w)"),
    "en": re.compile(r"\b(?:was|were|had been) (?:held|hosted|received|welcomed)\b|\btook place\b"),
}


def _told_as_done(e: Engagement) -> bool:
    """Is the engagement's own clause, up to its trigger, told in the past?"""
    s = e.info.sentence
    before = s.text[: max(0, e.trigger[1] - s.start)]
    return any(p.search(before) for p in _DONE.values())


def old_news(engagements: list[Engagement], published: date | None, *, bound: bool = False) -> None:
    """News reports what just happened: an engagement that ended months before publication is
    mentioned for context ("hồi tháng 7/2024"), not reported, and belongs to no trip. One dated
    after publication is planned, unless the publication date is only the story's own latest
    date (`bound`) and the day is within a week of it: "on March 12, 2024. The next day, …"
    was written on the 13th or later."""
    if published is None:
        _last_year_only(engagements)
        return
    for e in engagements:
        r = e.resolved
        if e.context or e.status != "held" or r is None or r.end is None or r.start is None:
            continue
        late = r.start > published + _WRITTEN_WITHIN
        if late and r.year_inferred and _told_as_done(e):
            # "Sáng 8/11, đoàn … đã bắt đầu chuyến thăm" under a page's clock line of 26/09:
            # done weeks after a date that is not the page's; its year is not known (a day
            # or two after a date taken from the story is the story's next day)
            e.resolved = replace(
                r,
                start=None,
                end=None,
                partial=True,
                year_inferred=False,
                month=r.start.month,
                day=r.start.day if r.precision == "day" else None,
            )
            continue
        if r.start > published and not (bound and r.start - published <= _WRITTEN_WITHIN):
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
        # a session dated only by an earlier year is background, however near its 31 December
        # ("On the sidelines of … last year, X held talks with Y" on a page of early March), and
        # so is one dated "last year" only ("hồi cuối năm ngoái", told in January, x-people 005)
        earlier_year = r.precision == "year" and r.end.year < published.year
        last_year = _LAST_YEAR.search(e.date.phrase if e.date else "") or _of_last_year(e)
        if (published - r.end).days > 90 or earlier_year or last_year:
            e.context = True
            e.context_cue = (e.date.start, e.date.end, e.date.phrase) if e.date else None
            e.parent = None
            forget_sentence(engagements, e)


# a date told only relative to the publication's year, as the year before it
_LAST_YEAR = re.compile(r"(?<!\w)(?:năm ngoái|năm trước|last year)(?!\w)", re.I)


# "in November of last year": the month told, its year after it (x-miss7 011: an earlier
# ministerial dialogue was drafted as held once no dialogue of the story was)
_OF_LAST_YEAR = re.compile(r"\s*,?\s+(?:of\s+)?(?:last year|năm ngoái)(?!\w)", re.I)


def _of_last_year(e: Engagement) -> bool:
    s = e.info.sentence
    d = e.date
    return (
        d is not None
        and s.start <= d.end <= s.end
        and bool(_OF_LAST_YEAR.match(s.text, d.end - s.start))
    )


# "X met the directors of A and B during a December visit to India last year": a meeting told as
# held during a trip of the sentence (the trip's word after "during" and its article)
_DURING_TRIP = re.compile(r"\bduring\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}$", re.I)


def sessions_of_past_trips(text: str, engagements: list[Engagement]) -> None:
    """A meeting told in the sentence of a trip mentioned for context, as held during it, is
    of that trip's time: context too (x-miss7 011: an FBI director's meetings on a trip of "last
    year" were drafted as the story's)."""
    for v in engagements:
        if v.kind != "visit" or not v.context:
            continue
        s = v.info.sentence
        if not _DURING_TRIP.search(text, max(s.start, v.start - 40), v.start):
            continue
        for e in engagements:
            if e.kind == "visit" or e.context or e.status != "held" or e.info is not v.info:
                continue
            e.context, e.context_cue, e.parent = True, v.context_cue, None


def _last_year_only(engagements: list[Engagement]) -> None:
    """With no publication date, an engagement told as of "last year" ("the visit to India by
    the minister last year") is still before the story: context (x-fields5: it became a
    claimed trip once the page's year was no longer guessed)."""
    for e in engagements:
        if e.context or e.status != "held" or e.date is None:
            continue
        if _LAST_YEAR.search(e.date.phrase) or _of_last_year(e):
            e.context = True
            e.context_cue = (e.date.start, e.date.end, e.date.phrase)
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
    # "traveled to Austria, Hungary, and the Czech Republic last week": one verb's trips
    # to a list of countries share the date any of them was given
    tours: dict[int, list[Engagement]] = {}
    for e in engagements:
        if e.kind == "visit" and e.destination is not None:
            tours.setdefault(e.trigger[0], []).append(e)
    for trips in tours.values():
        dated = next((t for t in trips if t.date is not None), None)
        for t in trips if dated is not None and len(trips) > 1 else []:
            if t.date is None:
                t.date, t.resolved, t.date_origin = dated.date, dated.resolved, dated.date_origin
