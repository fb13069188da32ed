"""Dates as news writes them, Vietnamese and English, and their resolution to calendar dates.

A date without a year takes its year from the publication date and is flagged as inferred; with no
publication date it stays partial (`????-09-05`), a form the record reader refuses."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from timeline.extract.lexicon import load, word_regex

_MONTHS_EN = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"  # noqa: E501
# longest alternatives first, and no digit after: "tháng 11" is November, not January
D = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
M = r"(?:1[0-2]|0?[1-9])(?!\d)"
Y = r"(?:19|20)\d{2}"
# ("Hôm nay 15-12", "hôm 3/4": the day's word before a day written as a date)
TOD_VI = r"(?:(?:(?P<tod>[Rr]ạng sáng|[Ss]áng sớm|[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm)|[Hh]ôm)\s+(?:(?:nay|qua)\s+)?(?:[Nn]gày\s+)?)"  # noqa: E501
# "lần thứ hai, ngày 14/3": the second session, not a Monday (nor "khóa", "phiên", "kỳ" …);
# "bước sang ngày thứ ba vào ngày 26/12", "ngày thứ hai liên tiếp", "ngày thứ ba của chuyến
# thăm": the talks' third day, not a Tuesday (found at the sixteenth round's merge: x-world7's
# page 003, its border talks dated on the Tuesday before their third day)
_ORDINAL_NOUN = (
    r"(?<![Ll]ần )(?<![Kk]hóa )(?<![Kk]hoá )(?<![Pp]hiên )(?<![Kk]ỳ )(?<![Đđ]ợt )"
    r"(?<![Ss]ang ngày )"
)
_ORDINAL_DAY_AFTER = r"(?!\s+(?:liên tiếp|của (?:chuyến|hội nghị|cuộc|phiên|đợt|kỳ)))"
WEEKDAY_VI = (
    _ORDINAL_NOUN
    + r"(?:(?:[Tt]hứ (?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ [Nn]hật)"
    + _ORDINAL_DAY_AFTER
    + r"\s*,?\s*(?:[Nn]gày\s+)?)"
)
ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DASH = r"\s*(?:-|–|—)\s*"
TO_VI = r"(?:\s*(?:-|–|—)\s*|\s+(?:đến|tới|và)\s+(?:hết\s+)?(?:[Nn]gày\s+)?)"
TO_EN = r"(?:\s*(?:-|–|—)\s*|\s+(?:to|and|through|until)\s+)"

# Each pattern names its groups d, m, y (start) and d2, m2, y2 (end); order matters: a longer form
# is tried first and its span is not read again by a shorter one.
# the year closing a quarter or a part of a year, read as the year alone (its period is what a
# story reviews, not when it met): "quý IV/2023", "the fourth quarter of 2023", "late 2023"
_PART_YEAR_EN = (
    r"(?:(?<=quarter of )|(?<=half of )|(?<=end of )|(?<=beginning of )|(?<=middle of )"
    r"|(?<=[Ee]arly )|(?<=[Ll]ate )|(?<=[Mm]id-)|(?<=[Mm]id )|(?<=[Qq][1-4] ))"
)
_PATTERNS_VI = [
    rf"(?:[Tt]ừ\s+)?{TOD_VI}?(?:[Nn]gày\s+)?(?P<d>{D})[/-](?P<m>{M})(?:[/-](?P<y>{Y}))?{TO_VI}(?P<d2>{D})[/-](?P<m2>{M})(?:[/-](?P<y2>{Y}))?(?![/\d])",
    rf"(?:[Tt]ừ\s+)?{TOD_VI}?(?:[Nn]gày\s+)?(?P<d>{D}){TO_VI}(?P<d2>{D})[/-](?P<m>{M})(?:[/-](?P<y>{Y}))?(?![/\d])",
    rf"(?:[Tt]ừ\s+)?{TOD_VI}?(?:[Nn]gày\s+)?(?P<d>{D}){TO_VI}(?P<d2>{D})\s+tháng\s+(?P<m>{M})(?:\s*(?:năm\s+|[/-])(?P<y>{Y}))?",
    # two days listed with a comma: "Ngày 12, 13/3" (after "ngày" only: "khoản 2, 13/3" is none)
    rf"{TOD_VI}?[Nn]gày\s+(?P<d>{D})\s*,\s*(?P<d2>{D})[/-](?P<m>{M})(?:[/-](?P<y>{Y}))?(?![/\d])",
    # ranges written with dots, after "ngày" or "từ" (a number "12-13.3" alone is none):
    # "từ ngày 28.2 - 2.3.2024", "trong hai ngày 12-13.3"
    rf"(?:[Tt]ừ\s+)?(?:{TOD_VI}|[Nn]gày\s+|[Tt]ừ\s+)(?P<d>{D})\.(?P<m>{M}){TO_VI}(?P<d2>{D})\.(?P<m2>{M})(?:\.(?P<y2>{Y}))?(?!\.?\d)",
    rf"(?:[Tt]ừ\s+)?(?:{TOD_VI}|[Nn]gày\s+|[Tt]ừ\s+)(?P<d>{D}){TO_VI}(?P<d2>{D})\.(?P<m>{M})(?:\.(?P<y>{Y}))?(?!\.?\d)",
    rf"{TOD_VI}?{WEEKDAY_VI}?(?:[Nn]gày\s+)?(?P<d>{D})\s+tháng\s+(?P<m>{M})(?:\s*(?:,\s*)?(?:năm\s+|[/-])(?P<y>{Y}))?",
    rf"(?:{TOD_VI}|{WEEKDAY_VI}|[Nn]gày\s+)(?:\(\s*)?(?P<d>{D})-(?P<m>{M})(?:-(?P<y>{Y}))?(?![-/\d])",
    rf"{TOD_VI}?{WEEKDAY_VI}?(?:[Nn]gày\s+)?(?:\(\s*)?(?P<d>{D})/(?P<m>{M})(?:/(?P<y>{Y}))?(?![/\d])",
    rf"(?P<d>{D})-(?P<m>{M})-(?P<y>{Y})(?![-\d])",
    # dots: "Chiều 10.1.2024", "ngày 5.6", after a time of day, a weekday or "ngày" (a number
    # "3.5" or an effective date "từ 1.7.2025" alone is none)
    rf"(?:{TOD_VI}|{WEEKDAY_VI}|[Nn]gày\s+)(?P<d>{D})\.(?P<m>{M})(?:\.(?P<y>{Y}))?(?!\.?\d)",
    rf"(?:[Tt]ừ\s+)?tháng\s+(?P<m>{M}){TO_VI}(?:tháng\s+)?(?P<m2>{M})(?:\s*(?:năm\s+|[/-])\s*(?P<y>{Y}))",
    rf"(?:[Hh]ồi\s+|[Vv]ào\s+|[Tt]rong\s+|[Cc]uối\s+|[Đđ]ầu\s+|[Gg]iữa\s+)?[Tt]háng\s+(?P<m>{M})(?:\s*(?:năm\s+|[/-])\s*(?P<y>{Y}))?(?![/\d])",
    rf"(?:[Nn]ăm|[Tt]rong năm)\s+(?P<y>{Y})(?!\d)",
    # the year of a quarter, "quý IV/2023", "quý 4/2023": the year alone (a period reviewed)
    rf"[Qq]uý\s+(?:I{{1,3}}|IV|[1-4])/(?P<y>{Y})(?!\d)",
]
_PATTERNS_EN = [
    rf"(?:[Ff]rom\s+)?(?:on\s+)?(?P<d>{D}){ORD}\s+(?:of\s+)?(?P<m>{MON}){TO_EN}(?P<d2>{D}){ORD}\s+(?:of\s+)?(?P<m2>{MON})(?:,?\s+(?P<y>{Y}))?",
    rf"(?:[Ff]rom\s+)?(?P<m>{MON})\s+(?P<d>{D}){ORD}{TO_EN}(?P<m2>{MON})\s+(?P<d2>{D}){ORD}(?:,?\s+(?P<y>{Y}))?",
    rf"(?:[Ff]rom\s+)?(?P<m>{MON})\s+(?P<d>{D}){ORD}{TO_EN}(?P<d2>{D}){ORD}(?:,?\s+(?P<y>{Y}))?(?!\d)",
    rf"(?:[Ff]rom\s+)?(?P<d>{D}){ORD}{TO_EN}(?P<d2>{D}){ORD}\s+(?:of\s+)?(?P<m>{MON})(?:,?\s+(?P<y>{Y}))?",
    # the month written once, after the second day: "from 9 to March 11"
    rf"[Ff]rom\s+(?P<d>{D}){ORD}{TO_EN}(?P<m>{MON})\s+(?P<d2>{D}){ORD}(?:,?\s+(?P<y>{Y}))?(?!\d)",
    rf"(?P<y>{Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)",
    rf"(?:[Oo]n\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?P<m>{MON})\s+(?P<d>{D}){ORD}(?:,?\s+(?P<y>{Y}))?(?![\d:])",
    rf"(?:[Oo]n\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?P<d>{D}){ORD}\s+(?:of\s+)?(?P<m>{MON})(?:,?\s+(?P<y>{Y}))?",
    rf"(?P<d>{D})/(?P<m>{M})/(?P<y>{Y})(?!\d)",
    # a weekday glossed with its day and month in parentheses, the day first as Indonesian and
    # Malaysian outlets write it in English: "on Tuesday (09/01)", "Wednesday (17/5/2023)"
    rf"(?:[Oo]n\s+)?{_WEEKDAY_NAME}\s*\(\s*(?P<d>{D})/(?P<m>{M})(?:/(?P<y>{Y}))?\s*\)",
    rf"(?:[Ii]n\s+(?:early\s+|mid-|late\s+)?)?(?P<m>{MON})\s+(?P<y>{Y})",
    rf"(?:[Ii]n\s+(?:early\s+|mid-|late\s+)?)(?P<m>{MON})(?!\s*\d)",
    # "last July", "this May": the month named, its year from the publication date
    rf"(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier in|[Ll]ater in)\s+(?P<m>{MON})(?!\s*\d)",
    rf"(?:[Ii]n\s+)(?P<y>{Y})(?!\d)",
    rf"{_PART_YEAR_EN}(?P<y>{Y})(?!\d)",
    # "July last year", "in March this year": the month, its year relative (joined below)
    rf"(?:[Ii]n\s+)?(?P<m>{MON})(?=,?\s+(?:last|this|next)\s+year\b)",
    # "on the 16th to discuss …": the day of the publication's month (Korean and Japanese
    # outlets' English, after 16일), not an ordinal ("on the 16th floor")
    rf"[Oo]n\s+the\s+(?P<d>{D})(?:st|nd|rd|th)(?=\s*(?:[,.;]|$|(?:to|and|at|in|with|when|as)\b))",
]


@cache
def _compiled(language: str) -> list[re.Pattern[str]]:
    pats = _PATTERNS_VI if language == "vi" else _PATTERNS_EN
    return [re.compile(rf"(?<![\w/-]){p}") for p in pats]


# "kể từ khi hai nước nâng cấp quan hệ lên Đối tác chiến lược vào tháng 9/2023",
# "since the two countries upgraded their ties to a comprehensive strategic partnership in
# December 2022": the date of the clause a period is counted from, however long the clause
# (the story's talks took that month and lost their own)
_SINCE_WHEN = re.compile(
    r"(?:(?<!\w)(?:kể từ khi|từ khi|từ sau khi)(?!\w)|"
    r"\b(?:ever since|since (?:the two|both|their|our))\b)"
    r"[^.;:!?()\n]{0,110}$",
    re.I,
)


@cache
def _exclusion(language: str) -> re.Pattern[str]:
    cues = load("cues")["not_engagement_dates"][language]
    # "since the previous meeting, held in May": the date is the meeting's, told in between
    held = r"(?!held\b|took place\b|diễn ra|được tổ chức)"
    return re.compile(
        rf"(?:{word_regex(cues, escape=False, flags=0).pattern})(?:{held}[^.;)]){{0,45}}$", re.I
    )


# "… nhân kỷ niệm Quốc khánh 2/9 ĐNO - Ngày 26/8, đoàn …", "… Quốc khánh 2/9 Ngày 1/9, Lực
# lượng …": a headline glued to the story, whose first sentence opens on a capitalised day
# word; the anniversary named in the headline is not that day's
_OPENING_DAY = re.compile(r"(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm nay|Hôm qua)(?!\w)")


def _opens_story(text: str, at: int, m: re.Match[str]) -> bool:
    """The date opens a sentence of its own: a capitalised day word after no lower-case word
    (a number, a dash, a source tag or a line's start before it), not a holiday's name inside
    a clause ("nhân dịp Ngày 2/9")."""
    if not _OPENING_DAY.match(m.group()):
        return False
    before = text[max(0, at - 30) : at].rstrip()
    return not before or not before[-1].isalpha() or not before[-1].islower()


def _month(value: str | None) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return _MONTHS_EN[value.lower().rstrip(".")]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase found in the text, with what it states (missing parts are None)."""

    start: int
    end: int
    phrase: str
    day: int | None
    month: int | None
    year: int | None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    time_of_day: str | None = None
    excluded: str | None = None  # why this is not the date of an engagement
    parenthesised: bool = False
    relative: int | None = None  # "năm nay", "next year": years after the publication year
    weekday: int | None = None  # "on Tuesday": Monday is 0
    end_weekday: int | None = None  # "on Monday and Tuesday": the last day of the span
    day_offset: int | None = None  # "cùng ngày", "the next day": days after the story's last date
    today: int | None = None  # "today", "hôm qua": days after the publication date
    week: int | None = None  # "this week", "tuần tới": weeks after the publication week
    month_offset: int | None = None  # "earlier this month", "tháng trước": months after it

    @property
    def precision(self) -> str:
        if self.day is None:
            return (
                "year" if self.month is None else ("month" if self.end_month is None else "range")
            )
        return "range" if self.end_day is not None else "day"


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention turned into calendar dates; `partial` when the year could not be known."""

    start: date | None
    end: date | None
    precision: str
    phrase: str
    year_inferred: bool = False
    partial: bool = False
    from_weekday: bool = False
    month: int | None = None
    day: int | None = None

    def as_record(self) -> dict[str, object]:
        """The record file's `date` mapping; a partial date keeps `????` where the year goes."""
        if self.partial or self.start is None or self.end is None:
            mm = f"{self.month:02d}" if self.month else "??"
            # a month without its day is written as its first; a day never named stays ??, and
            # so does the day of a month never known ("this week" with nothing to count from)
            dd = (
                f"{self.day:02d}"
                if self.day
                else ("01" if self.month and self.precision != "day" else "??")
            )
            return {"start": f"????-{mm}-{dd}", "precision": self.precision, "phrase": self.phrase}
        out: dict[str, object] = {"start": self.start.isoformat()}
        if self.end != self.start:
            out["end"] = self.end.isoformat()
        out["precision"] = self.precision
        out["phrase"] = self.phrase
        return out


def _unclaimed(
    pattern: re.Pattern[str], segment: str, taken: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that overlap no span already taken; each one taken in turn."""
    for m in pattern.finditer(segment):
        a, b = m.start(), m.end()
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        yield m


def find_dates(
    text: str, language: str, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Date phrases in text[start:end], longest forms first, in text order."""
    end = len(text) if end is None else end
    segment = text[start:end]
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern in _compiled(language):
        for m in pattern.finditer(segment):
            a, b = m.start(), m.end()
            if any(a < y and x < b for x, y in taken):
                continue
            g = m.groupdict()
            day, month = (int(g["d"]) if g.get("d") else None), _month(g.get("m"))
            year = int(g["y"]) if g.get("y") else None
            d2 = int(g["d2"]) if g.get("d2") else None
            m2 = _month(g.get("m2"))
            y2 = int(g["y2"]) if g.get("y2") else None
            if day is not None and month is not None and not _valid(day, month):
                continue
            if d2 is not None and not _valid(d2, m2 or month or 1):
                continue
            # a range of days in one month writes its month once
            if d2 is not None and m2 is None:
                m2 = month
            if day is None and d2 is None and m2 is not None and year is not None:
                y2 = year
            if y2 is not None and year is None:
                year = y2 - (1 if (m2 or 0) < (month or 0) else 0)
            if d2 is not None and y2 is None:
                y2 = year + (1 if year and (m2 or 0) < (month or 0) else 0) if year else None
            if year is not None and y2 is None and d2 is not None:
                y2 = year
            taken.append((a, b))
            before = text[max(0, start + a - 60) : start + a]
            excluded = None
            if _exclusion(language).search(before) and not _opens_story(text, start + a, m):
                excluded = "context"  # anniversaries, signatures, foundings are no engagements
            elif _SINCE_WHEN.search(text, max(0, start + a - 120), start + a):
                excluded = "context"  # "kể từ khi hai nước nâng cấp quan hệ … vào tháng 12/2022"
            paren = before.rstrip().endswith("(") or "(" in before[-3:]
            if paren and year is not None and y2 is not None and y2 - year > 1:
                # "(5/4/1961 - 5/4/2023)": a founding and its anniversary, years apart
                excluded = excluded or "context"
            found.append(
                DateMention(
                    start + a,
                    start + b,
                    m.group(),
                    day,
                    month,
                    year,
                    d2,
                    m2 if (d2 is not None or m2 != month) else None,
                    y2 if d2 is not None or (m2 is not None and m2 != month) else None,
                    (g.get("tod") or None),
                    excluded,
                    paren,
                )
            )
    found += _weekends(segment, start, taken)  # before "tuần qua" claims "cuối tuần qua"
    found += _relative_mentions(segment, start, language, taken)
    found.sort(key=lambda d: d.start)
    found = _weekday_spans(text, _weekdays_of_weeks(text, _weekdays_glossed(text, found)))
    return _reports_dated(text, _join_relative_years(text, found))


# the weekend before the story was written: "over the weekend", "cuối tuần qua"
_WEEKEND = re.compile(
    r"\b(?:over|during|at)\s+the\s+weekend\b|\b(?:last|this past)\s+weekend\b"
    r"|(?<!\w)(?:vào\s+)?(?:dịp\s+)?cuối tuần (?:qua|trước|vừa qua)(?!\w)",
    re.I,
)


def _weekends(segment: str, start: int, taken: list[tuple[int, int]]) -> list[DateMention]:
    """ "met over the weekend", "cuối tuần qua": the Saturday and Sunday last before the day of
    writing, a span counted from it as a weekday is (Saturday is 5)."""
    return [
        _relative_mention(start, m, weekday=5, end_weekday=6)
        for m in _unclaimed(_WEEKEND, segment, taken)
    ]


def _relative_mention(start: int, m: re.Match[str], **relative: int) -> DateMention:
    """The mention of a relative form matched in a segment from `start`: no day, month or year
    of its own, only what `relative` says (its weekday, its offset …)."""
    return DateMention(start + m.start(), start + m.end(), m.group(), None, None, None, **relative)


# "on Monday and Tuesday", "from Tuesday to Thursday", "vào thứ Hai và thứ Ba"
_WEEKDAY_JOIN = re.compile(r"\s*(?:and|to|through|until|-|–|và|đến)\s*")


def _weekday_spans(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "held talks on Monday and Tuesday", "from Tuesday to Thursday": two weekdays joined are
    the days of one span, from the first to the second (the talks took both; read apart, the
    span was dated by its first day only)."""

    def joined(prev: DateMention, d: DateMention) -> DateMention | None:
        if (
            prev.weekday is not None
            and d.weekday is not None
            and prev.week is None
            and d.week is None
            and prev.end_weekday is None
            and d.weekday != prev.weekday
            and _WEEKDAY_JOIN.fullmatch(text[prev.end : d.start])
        ):
            phrase = text[prev.start : d.end]
            return replace(prev, end=d.end, phrase=phrase, end_weekday=d.weekday)
        return None

    return _join_adjacent(found, joined)


def _join_adjacent(
    found: list[DateMention], joined: Callable[[DateMention, DateMention], DateMention | None]
) -> list[DateMention]:
    """The mentions in order, each that `joined` makes one with the mention before it (as
    joined so far) replaced by what it makes."""
    out: list[DateMention] = []
    for d in found:
        one = joined(out[-1], d) if out else None
        if one is None:
            out.append(d)
        else:
            out[-1] = one
    return out


# "The agency reported on Saturday that X met Y on Friday": the day a report was made, between
# its verb and "that", is not the day of what it reports (x-fields5: a meeting took it)
_REPORTING = r"reported|said|announced|stated|told reporters|wrote|confirmed|disclosed"
_REPORTED_BEFORE = re.compile(rf"\b(?:{_REPORTING})\s*$")
_THAT_AFTER = re.compile(r",?\s+that\b")
# "…, the police said Wednesday.", "…, media reports showed Wednesday.": wire copy closes its
# lead with the day the source spoke; a weekday right after the reporting verb, ending the
# clause, is that day, not the day of what the clause before it tells
_REPORTING_VERB_BEFORE = re.compile(
    rf"\b(?:{_REPORTING}|says|showed|revealed|quoted as saying)\s+(?:on\s+)?$"
)
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[.;,]|$)")


def _told_on(text: str, d: DateMention) -> bool:
    """The date is the day a report was made: between its verb and `that`, or a weekday right
    after the verb closing the clause (see `_REPORTING_VERB_BEFORE`)."""
    before = text[max(0, d.start - 40) : d.start]
    if _REPORTED_BEFORE.search(before) and _THAT_AFTER.match(text, d.end):
        return True
    return (
        d.weekday is not None
        and _REPORTING_VERB_BEFORE.search(before) is not None
        and _CLAUSE_END_AFTER.match(text, d.end) is not None
    )


def _reports_dated(text: str, found: list[DateMention]) -> list[DateMention]:
    """Each date told as the day of a report set aside (see `_told_on`)."""
    return [
        replace(d, excluded="report") if d.excluded is None and _told_on(text, d) else d
        for d in found
    ]


def _weekdays_glossed(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "on Wednesday (May 17, 2023)", "on Friday (19/5)": the date in parentheses right after
    a weekday is that day's date, the one the engagement takes; so is the full date after
    "today" ("today, August 20, 2014", "today (May 3)")."""

    def joined(prev: DateMention, d: DateMention) -> DateMention | None:
        gap = text[prev.end : d.start]
        glossed = (
            (prev.weekday is not None or prev.today is not None)
            and d.day is not None
            and d.month is not None
            and (
                re.fullmatch(r"\s*\(\s*", gap) is not None
                or (prev.today is not None and d.year is not None and gap.strip() == ",")
            )
        )
        return replace(d, parenthesised=False) if glossed else None

    return _join_adjacent(found, joined)


_WEEK_IN_PHRASE = {"tuần trước": -1, "tuần này": 0}


def _weekdays_of_weeks(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "on Thursday last week", "Thứ Năm tuần trước": the weekday of the week named, not the
    last one before publication (which may be of the same week)."""

    def of_week(d: DateMention) -> DateMention:
        week = next((v for k, v in _WEEK_IN_PHRASE.items() if k in d.phrase.lower()), None)
        return replace(d, week=week) if week is not None else d

    def joined(prev: DateMention, d: DateMention) -> DateMention | None:
        if (
            d.weekday is None
            and prev.weekday is not None
            and prev.week is None
            and d.week is not None
            and re.fullmatch(r"\s*,?\s*(?:of\s+)?", text[prev.end : d.start])
        ):
            return replace(prev, end=d.end, phrase=text[prev.start : d.end], week=d.week)
        return None

    return _join_adjacent([of_week(d) if d.weekday is not None else d for d in found], joined)


def _relative_mentions(
    segment: str, start: int, language: str, taken: list[tuple[int, int]]
) -> list[DateMention]:
    """Relative forms ("hôm qua", "on Friday", "earlier this month"), each claiming only what
    no earlier form took."""
    relative_forms: list[tuple[re.Pattern[str], dict[str, int], str]] = [
        (_WEEKDAYS[language], _WEEKDAY_INDEX, "weekday"),
        (_TODAY[language], _TODAY_OFFSET, "today"),
        (_WEEK[language], _WEEK_OFFSET, "week"),
        (_MONTH_REL[language], _MONTH_OFFSET, "month_offset"),
        *((p, offsets, "day_offset") for p, offsets in _SAME_DAY[language]),
        *((p, offsets, "relative") for p, offsets in _RELATIVE[language]),
    ]
    found: list[DateMention] = []
    for pattern, values, keyword in relative_forms:
        for m in _unclaimed(pattern, segment, taken):
            found.append(_relative_mention(start, m, **{keyword: values[m["w"].lower()]}))
    return found


def _join_relative_years(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "October last year", "tháng 10 năm ngoái": a month or day whose year is relative."""

    def joined(prev: DateMention, d: DateMention) -> DateMention | None:
        if (
            d.relative is not None
            and prev.month is not None
            and prev.year is None
            and prev.relative is None
            and re.fullmatch(r"[\s,]*", text[prev.end : d.start])
        ):
            return replace(prev, end=d.end, phrase=text[prev.start : d.end], relative=d.relative)
        return None

    return _join_adjacent(found, joined)


_WEEKDAY_INDEX = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "thứ hai": 0, "thứ ba": 1, "thứ tư": 2, "thứ năm": 3, "thứ sáu": 4,
    "thứ bảy": 5, "chủ nhật": 6,
}  # fmt: skip
_WEEKDAYS = {
    "en": re.compile(
        # "on Tuesday"; in wire style the bare day after a verb: "agreed Tuesday", "met Monday"
        r"(?:\b(?:on|last|this|next)\s+|(?<=[a-z]\s))"
        r"(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’]s)"
    ),
    "vi": re.compile(
        r"(?<!lần )(?<!khóa )(?<!kỳ )(?<!đợt )(?<!phiên )(?<!vòng )(?<!năm )(?<![Ss]ang ngày )"
        r"(?:vào\s+)?(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối)\s+)?"
        r"(?P<w>[Tt]hứ (?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ [Nn]hật)"
        + _ORDINAL_DAY_AFTER
        + r"(?:\s+(?:vừa qua|tuần trước|tuần này))?"
        r"(?![\w/(]|\s*[,(]?\s*(?:ngày\s+)?\d)"
    ),
}

_TODAY = {
    # "chiều nay" is this afternoon, "tối qua" last night, "chiều qua" yesterday afternoon: the
    # day of publication and the one before (a time of day before "nay" with a date after it,
    # "Chiều nay (4/3)", is that date)
    "vi": re.compile(
        r"(?<!\w)(?P<w>hôm nay|hôm qua|hôm kia|ngày mai|"
        r"(?:sáng|chiều|trưa|tối|đêm) nay|(?:sáng|chiều|trưa|tối|đêm) qua)(?!\w)(?!\s*\(?\s*\d)",
        re.I,
    ),
    "en": re.compile(
        r"\b(?P<w>today|yesterday|tomorrow|this (?:morning|afternoon|evening)|tonight|"
        r"last night)\b",
        re.I,
    ),
}
_TODAY_OFFSET = {"hôm nay": 0, "hôm qua": -1, "hôm kia": -2, "ngày mai": 1, "sáng nay": 0,
                 "chiều nay": 0, "trưa nay": 0, "tối nay": 0, "đêm nay": 0, "tối qua": -1,
                 "đêm qua": -1, "sáng qua": -1, "chiều qua": -1, "trưa qua": -1, "today": 0,
                 "yesterday": -1, "tomorrow": 1, "this morning": 0, "this afternoon": 0,
                 "this evening": 0, "tonight": 0,
                 "last night": -1}  # fmt: skip

# a week is no precision of the record: it becomes the month it falls in
_WEEK = {
    "vi": re.compile(r"(?<!\w)(?P<w>tuần này|tuần trước|tuần qua|tuần tới|tuần sau)(?!\w)", re.I),
    # ("this past week", "the past week": the week before, as "tuần qua")
    "en": re.compile(r"\b(?P<w>this past|the past|this|last|next) week\b", re.I),
}
_WEEK_OFFSET = {"tuần này": 0, "tuần trước": -1, "tuần qua": -1, "tuần tới": 1, "tuần sau": 1,
                "this": 0, "last": -1, "next": 1, "this past": -1, "the past": -1}  # fmt: skip

# "earlier this month", "tháng trước": the month of publication, or the one before or after
_MONTH_REL = {
    "vi": re.compile(
        r"(?<!\w)(?:(?:đầu|cuối|giữa|trong|vào)\s+)?(?P<w>tháng này|tháng trước|tháng tới)(?!\w)",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:(?:earlier|later|early|late|in|by the end of)\s+)?(?P<w>this|last|next) month\b",
        re.I,
    ),
}
_MONTH_OFFSET = {"tháng này": 0, "tháng trước": -1, "tháng tới": 1, "this": 0, "last": -1,
                 "next": 1}  # fmt: skip

# a number of days counted from the day told before: "a day earlier", "two days later", "the
# day after", "một ngày sau", "hai ngày trước đó", "sau đó ba ngày"
_COUNTS = {"en": {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5},
           "vi": {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5}}  # fmt: skip
_DAYS_COUNTED = {
    "en": re.compile(
        r"(?P<w>(?:a|one|two|three|four|five) days? (?:earlier|later|before|after)|"
        r"the day after)(?=\s*[,.;]|\s+(?:the|that|this|his|her|their|its)\b)",
        re.I,
    ),
    "vi": re.compile(
        r"(?<!\w)(?P<w>(?:một|hai|ba|bốn|năm) ngày (?:sau(?: đó)?|trước(?: đó)?)|"
        r"(?:sau|trước) đó (?:một|hai|ba|bốn|năm) ngày)(?!\w)",
        re.I,
    ),
}


def _days_counted(language: str) -> dict[str, int]:
    """Each counted form of `_DAYS_COUNTED` and the days it counts (after: more, before: less)."""
    out: dict[str, int] = {"the day after": 1} if language == "en" else {}
    for word, n in _COUNTS[language].items():
        if language == "en":
            for unit in ("day", "days"):
                out |= {f"{word} {unit} later": n, f"{word} {unit} after": n}
                out |= {f"{word} {unit} earlier": -n, f"{word} {unit} before": -n}
        else:
            out |= {f"{word} ngày sau": n, f"{word} ngày sau đó": n, f"sau đó {word} ngày": n}
            out |= {f"{word} ngày trước": -n, f"{word} ngày trước đó": -n}
            out |= {f"trước đó {word} ngày": -n}
    return out


_SAME_DAY = {
    "vi": [
        (
            re.compile(
                r"(?:(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm)\s+)?(?:trong\s+)?"
                r"(?P<w>cùng ngày|ngày hôm sau|hôm sau|ngày hôm trước|hôm trước)(?!\w)",
                re.I,
            ),
            {"cùng ngày": 0, "ngày hôm sau": 1, "hôm sau": 1, "ngày hôm trước": -1,
             "hôm trước": -1},
        ),
        (_DAYS_COUNTED["vi"], _days_counted("vi")),
        # "Ngay sau lễ đón, A cùng B đã tiến hành hội đàm": the talks right after the welcome
        # told before are of its day (x-vi7 page 013: undated talks, the welcome dated)
        (
            re.compile(r"(?:[Nn]gay\s+)?(?P<w>sau lễ đón|sau buổi lễ đón)(?!\w)"),
            {"sau lễ đón": 0, "sau buổi lễ đón": 0},
        ),
    ],
    "en": [
        (
            re.compile(
                r"(?:(?:earlier|later)\s+)?(?:(?:on|in)\s+)?(?P<w>the same day|that day|"
                r"the following day|the next day|the day before|the previous day|"
                # "Later on the day", "earlier in the day": the day told before
                r"(?<=earlier on )the day|(?<=later on )the day|(?<=earlier in )the day|"
                r"(?<=later in )the day)\b",
                re.I,
            ),
            {"the same day": 0, "that day": 0, "the following day": 1, "the next day": 1,
             "the day before": -1, "the previous day": -1, "the day": 0},
        ),
        (_DAYS_COUNTED["en"], _days_counted("en")),
    ],
}  # fmt: skip

_RELATIVE = {
    "vi": [
        (
            re.compile(
                r"(?:(?:vào|trong|cuối|đầu|giữa)\s+)?năm (?P<w>nay|tới|sau|ngoái)(?!\w)", re.I
            ),
            {"nay": 0, "tới": 1, "sau": 1, "ngoái": -1},
        )
    ],
    "en": [
        (
            re.compile(
                r"(?:(?:later|earlier|early|late|in|by the end of)\s+)?"
                r"(?P<w>this|next|last) year\b",
                re.I,
            ),
            {"this": 0, "next": 1, "last": -1},
        )
    ],
}


def _valid(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve(mention: DateMention, published: date | None, *, planned: bool = False) -> Resolved:
    """Calendar dates for a mention; a missing year comes from the publication date.

    News reports what happened shortly before publication, or what is planned after it: a date
    that would fall well after the publication date belongs to the year before, unless planned."""
    m = mention
    precision = m.precision
    year, year_inferred = m.year, False
    counted = _counted_from_publication(m, published, planned)
    if counted is not None:
        return counted
    if m.relative is not None and m.month is not None:
        if published is None:
            return Resolved(None, None, precision, m.phrase, partial=True, month=m.month, day=m.day)
        year, year_inferred = published.year + m.relative, True
    elif m.relative is not None:
        if published is None:
            return Resolved(None, None, "year", m.phrase, partial=True)
        y = published.year + m.relative
        return Resolved(date(y, 1, 1), date(y, 12, 31), "year", m.phrase, True)
    if year is None:
        if published is None:
            return Resolved(None, None, precision, m.phrase, partial=True, month=m.month, day=m.day)
        year, year_inferred = published.year, True
        probe = _safe(year, m.month or 1, m.day or 1)
        if probe and not planned and probe > published + timedelta(days=45):
            year -= 1
        elif probe and planned and probe < published - timedelta(days=30):
            year += 1
    if m.month is None:
        return Resolved(date(year, 1, 1), date(year, 12, 31), "year", m.phrase, year_inferred)
    if m.day is None:
        start = date(year, m.month, 1)
        last_month = m.end_month or m.month
        last_year = m.end_year or (year + (1 if last_month < m.month else 0))
        end = date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
        precision = "month" if end.month == start.month and end.year == start.year else "range"
        return Resolved(start, end, precision, m.phrase, year_inferred)
    start = _safe(year, m.month, m.day)
    if start is None:
        return Resolved(None, None, precision, m.phrase, partial=True, month=m.month, day=m.day)
    if m.end_day is None:
        return Resolved(start, start, "day", m.phrase, year_inferred)
    end_month = m.end_month or m.month
    end_year = m.end_year if m.end_year and not year_inferred else year
    if end_month < m.month:
        end_year = year + 1
    end = _safe(end_year, end_month, m.end_day)
    if end is None or end <= start:
        return Resolved(start, start, "day", m.phrase, year_inferred)
    return Resolved(start, end, "range", m.phrase, year_inferred)


def _counted_from_publication(
    m: DateMention, published: date | None, planned: bool
) -> Resolved | None:
    """A day, week or month counted from the publication date (`hôm qua`, `on Friday`, `last
    week`, `earlier this month`, `the 16th`), or None for a date that names its own."""
    if m.day_offset is not None:
        # only the story can say which day it counts from (see structure)
        return Resolved(None, None, "day", m.phrase, partial=True)
    if m.today is not None:
        if published is None:
            return Resolved(None, None, "day", m.phrase, partial=True)
        day = published + timedelta(days=m.today)
        return Resolved(day, day, "day", m.phrase, True, from_weekday=True)
    if m.weekday is not None and m.week is not None:
        if published is None:
            return Resolved(None, None, "day", m.phrase, partial=True)
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=m.week)
        day = monday + timedelta(days=m.weekday)
        return Resolved(day, day, "day", m.phrase, True, from_weekday=True)
    if m.week is not None:
        if published is None:
            return Resolved(None, None, "month", m.phrase, partial=True)
        day = published + timedelta(weeks=m.week)
        last = calendar.monthrange(day.year, day.month)[1]
        start, end = date(day.year, day.month, 1), date(day.year, day.month, last)
        return Resolved(start, end, "month", m.phrase, True, from_weekday=True)
    if m.day is not None and m.month is None:
        return _day_of_month(m, published)
    if m.month_offset is not None:
        if published is None:
            return Resolved(None, None, "month", m.phrase, partial=True)
        y, mo = divmod(published.year * 12 + published.month - 1 + m.month_offset, 12)
        start, end = date(y, mo + 1, 1), date(y, mo + 1, calendar.monthrange(y, mo + 1)[1])
        return Resolved(start, end, "month", m.phrase, True, from_weekday=True)
    if m.weekday is not None:
        if published is None:
            return Resolved(None, None, "day", m.phrase, partial=True)
        back = (published.weekday() - m.weekday) % 7
        if back == 0 and m.phrase.lower().startswith("last "):
            back = 7  # "last Friday" written on a Friday is a week before
        day = published - timedelta(days=back)
        if planned and day < published:
            day += timedelta(days=7)
        if m.end_weekday is not None:  # "on Monday and Tuesday": the span from the first
            last = day + timedelta(days=(m.end_weekday - m.weekday) % 7)
            return Resolved(day, last, "range", m.phrase, True, from_weekday=True)
        return Resolved(day, day, "day", m.phrase, True, from_weekday=True)
    return None


def _day_of_month(m: DateMention, published: date | None) -> Resolved:
    """ "on the 16th": that day of the publication's month, or of the month before when the day
    is still to come."""
    if published is None or m.day is None:
        return Resolved(None, None, "day", m.phrase, partial=True, day=m.day)
    y, mo = published.year, published.month
    if m.day > published.day:
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    day = _safe(y, mo, m.day)
    if day is None:
        return Resolved(None, None, "day", m.phrase, partial=True, day=m.day)
    return Resolved(day, day, "day", m.phrase, True, from_weekday=True)


def month_from_url(url: str | None) -> tuple[int, int] | None:
    """A year and month without the day in a URL (`/2017/11/slug`, `/chinh-tri/201711/`): the
    month the page was published in, as WordPress and many Vietnamese sites file pages."""
    if not url:
        return None
    # the page's id may follow ("/2023/10/113_361812.html", "/page/202310/1300123.shtml")
    m = re.search(r"/(20\d{2})/?(0[1-9]|1[0-2])/", url)
    return (int(m[1]), int(m[2])) if m else None


def year_from_url(url: str | None) -> int | None:
    """A year alone as a folder of the URL (`interpol.int/…/News/2024/slug`,
    `…/media-releases/2019/…`): the year the page was filed in, as many ministries and
    international bodies file their news. A year followed by its month is `month_from_url`'s.
    A number just after a Liferay portal's "/-/" is the portlet's id, not a year: every page of
    tapchicongsan.org.vn is filed under "/-/2018/<id>/" whatever its year (x-date7 015: a 2015
    trip drafted in 2018, a false draft and a miss)."""
    if not url:
        return None
    m = re.search(r"(?<!/-)/(20\d{2})/(?!(?:0?[1-9]|1[0-2])/)", url)
    return int(m[1]) if m else None


def published_from_url(url: str | None) -> date | None:
    """A publication date written in a URL (`/2025/09/06/`, `-20250906`, `2025-09-06`)."""
    if not url:
        return None
    for pattern in (
        # (an archive's page of the last century too: "/news/1999/08/23/national/…", x-en6)
        r"(?<!\d)(20\d{2}|19[89]\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?!\d)",
        r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\d{6,12})?(?!\d)",
        # the day and a four-digit count of its stories closing the page's name, as AllAfrica
        # files them: "/stories/202106280203.html" (28 Jun 2021; four of the 880 addresses)
        r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{4}(?=\.s?html?(?:[?#]|$))",
        # filed by year and then month-day, or year-month and then day, as folders:
        # "/n3/2024/0506/c90000-….html", "/a/202405/06/WS….html" (Chinese outlets' English)
        r"/(20\d{2})/(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/",
        r"/(20\d{2})(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/",
    ):
        m = re.search(pattern, url)
        if m:
            return _safe(int(m[1]), int(m[2]), int(m[3]))
    named = _named_month_in_url(url)
    if named is not None:
        return named
    stamp = _short_stamp(url) or _unix_time(url)
    if stamp is not None:
        return stamp
    # a query's date written day first: "?date=29/09/2024", "&ngay=29-09-2024" (%2F escaped)
    m = re.search(
        r"[?&](?:date|ngay|d)=(0?[1-9]|[12]\d|3[01])(?:/|-|\.|%2F)(0?[1-9]|1[0-2])(?:/|-|\.|%2F)"
        r"(20\d{2})(?!\d)",
        url,
        re.I,
    )
    return _safe(int(m[3]), int(m[2]), int(m[1])) if m else None


_URL_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# a date with its month's name in a URL: "/24-Apr-2024/", "/2024/apr/24/", "-april-24-2024"
_URL_NAMED = [
    re.compile(rf"(?<![\w])(?P<d>{D})-(?P<m>{_URL_MONTH})-(?P<y>20\d{{2}})(?!\d)", re.I),
    re.compile(rf"/(?P<y>20\d{{2}})/(?P<m>{_URL_MONTH})/(?P<d>{D})/", re.I),
    re.compile(rf"(?<![a-z])(?P<m>{_URL_MONTH})-(?P<d>{D})-(?P<y>20\d{{2}})(?!\d)", re.I),
]


def _named_month_in_url(url: str) -> date | None:
    """A URL's date that names its month (`nation.com.pk/24-Apr-2024/…`, `/2024/apr/24/`)."""
    for pattern in _URL_NAMED:
        m = pattern.search(url)
        if m:
            return _safe(int(m["y"]), _MONTHS_EN[m["m"].lower()], int(m["d"]))
    return None


def _short_stamp(url: str) -> date | None:
    """The first `yyMMddHHmmss` with a valid time of day in a long page id that ends the URL:
    some sites file a page under its section and the time it was filed, the year in two digits
    (`…-196251026221758241.htm`: section 196, 25-10-26 22:17:58.241)."""
    m = re.search(r"(?<!\d)(\d{15,20})(?:\.[a-z]{2,5})?/?(?:[?#].*)?$", url, re.I)
    if m is None:
        return None
    digits = m[1]
    # the stamp may close the id: "-185231121101010.htm" (section 185, 23-11-21 10:10:10)
    for k in range(len(digits) - 11):
        yy, mo, dd, hh, mi, ss = (int(digits[k + i : k + i + 2]) for i in range(0, 12, 2))
        if hh < 24 and mi < 60 and ss < 60 and 1 <= mo <= 12:
            found = _safe(2000 + yy, mo, dd)
            if found is not None:
                return found
    return None


def _unix_time(url: str) -> date | None:
    """A Unix time closing the URL's slug, in seconds or milliseconds, as some Vietnamese
    portals file pages (`bocongan.gov.vn/bai-viet/…-1764645732`, `…-1700610220545.htm`): two
    of the 336 addresses read so far, both the page's day; read between 2005 and 2035 only."""
    m = re.search(r"-(1\d{9}|1\d{12})(?:\.[a-z]{2,5})?/?(?:[?#].*)?$", url, re.I)
    if m is None:
        return None
    seconds = int(m[1]) // (1000 if len(m[1]) == 13 else 1)
    if not 1104537600 <= seconds < 2051222400:  # 2005-01-01 to 2035-01-01
        return None
    return date(1970, 1, 1) + timedelta(seconds=seconds + 7 * 3600)  # the outlets' UTC+7


# a wire dateline opening the story, its month and day without a year: "BEIJING, May 21
# (Xinhua) --", "DOHA, MAY 5 /DNA/ –", "VIETNAM, November 21 -", "SEOUL, Oct. 21 (Yonhap) --";
# Interfax puts a full stop after the city: "WASHINGTON. May 24 (Interfax) -" (x-date7 004);
# TASS, full stops around its name: "DUSHANBE, May 23. /TASS/. The minister …" (every story)
_DATELINE = re.compile(
    rf"(?m)^[ \t]*[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'’-]{{1,30}}(?:,|\.(?=[ \t]))\s*(?P<m>(?i:{MON}))\s+(?P<d>{D})"
    r"(?:(?:\s*\([^)\n]{1,25}\)|\s*/[^/\n]{1,15}/)?\s*(?:--|–|—|-|:)|\.\s*/[^/\n]{1,15}/\.)"
)


def dateline_day(text: str) -> DateMention | None:
    """The month and day of a wire dateline among the page's first lines, without a year (one
    with its year is a date the story gives): the day the story was filed."""
    m = _DATELINE.search(text[:600])
    if m is None:
        return None
    day, month = int(m["d"]), _MONTHS_EN[m["m"].lower().rstrip(".")]
    if not _valid(day, month):
        return None
    return DateMention(m.start("m"), m.end("d"), text[m.start("m") : m.end("d")], day, month, None)


# wire copy a site republishes across time zones carries the page's date a day or more after
# its dateline's: "BEIJING, Jan. 11 (Xinhua) --" on a page of January 12
_REPUBLISHED = timedelta(days=3)


def filing_day(text: str, published: date | None) -> date | None:
    """The day the story was written, which its "today", "yesterday" and weekdays count from:
    a wire dateline's month and day one to three days before the page's date (wire copy
    republished the next day: "BEIJING, Jan. 11 (Xinhua) -- … met … yesterday" on a page of
    January 12 met on the 10th), else the publication date."""
    d = dateline_day(text) if published is not None else None
    if published is None or d is None or d.month is None or d.day is None:
        return published
    filed = _safe(published.year, d.month, d.day)
    if filed is not None and filed > published:
        filed = _safe(published.year - 1, d.month, d.day)  # a page of January 1st
    if filed is None or not timedelta(days=1) <= published - filed <= _REPUBLISHED:
        return published
    return filed


_WEEKDAY_EN = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
# a time of day as bylines print it: "14:15", "9h30", "07:14 PM", "10:32 (GMT+7)"
_TIME = (
    r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}\)?)?"
)

# the words that introduce a page's date: "Published:", "Last updated on", "Ngày đăng:"
_STAMP_WORDS = (
    r"Published|(?:Last\s+[Uu]|U)pdated|Posted|Date|Dated|Cập nhật|Ngày cập nhật|Đăng|Ngày đăng"
    r"|Ngày xuất bản"
)

_BYLINE_DATES = [
    # the aggregator's stamp closing each page it reprints, the day first and glued to its
    # id: "MENAFN14082024000045015839ID1108554337" (14 Aug 2024). Nine of the 880 addresses
    # read so far are MENAFN's; x-date7 002 printed no other date, and its "On Tuesday"
    # stayed `????-??-??`
    re.compile(
        r"(?<![A-Za-z])MENAFN(?P<d>0[1-9]|[12]\d|3[01])(?P<m>0[1-9]|1[0-2])(?P<y>(?:19|20)\d\d)"
        r"\d{6,}ID\d+"
    ),
    # a US-culture stamp, the month first, the time with its seconds and AM/PM: "11/5/2024
    # 9:08:34 AM" (MENAFN's reprints of the Gulf agencies' copy); before the day-first stamp
    # below, which would read it as the 11th of May
    re.compile(
        rf"(?m)^[ \t]*(?P<m>0?[1-9]|1[0-2])/(?P<d>{D})/(?P<y>{Y})\s+\d{{1,2}}:\d{{2}}:\d{{2}}\s*[AP]M[ \t]*$"  # noqa: E501
    ),
    # the same culture's stamp with dashes and no seconds: "07-30-2018 04:08 PM", "Old
    # 08-02-2018, 10:34 AM" (a US agency's release reposted on a forum, x-miss7 010); the
    # clock's AM/PM tells the month comes first (a day over 12 falls to the day-first one below)
    re.compile(
        rf"(?<![\d/.-])(?P<m>0?[1-9]|1[0-2])([/-])(?P<d>{D})\2(?P<y>{Y}),?\s+\d{{1,2}}:\d{{2}}\s*[AP]M\b"
    ),
    re.compile(
        rf"(?:(?:Thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ [Nn]hật)\s*,?\s*)?"
        rf"(?<!\d)(?P<d>{D})[/.-](?P<m>{M})[/.-](?P<y>{Y})\s*[-,|]?\s*(?:lúc\s+)?\d{{1,2}}[:h]\d{{2}}"
    ),
    re.compile(
        rf"(?:Thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ [Nn]hật)\s*,?\s*(?:[Nn]gày\s+)?(?P<d>{D})[/-](?P<m>{M})[/-](?P<y>{Y})"  # noqa: E501
    ),
    # "Published: Oct 12, 2023", "Last updated on 12 October 2023", "Date: 12/10/2023"
    re.compile(
        rf"(?<!\w)(?:{_STAMP_WORDS})\s*:?\s*(?:(?i:on|at|lúc|ngày)\s+)?(?:\w+,\s*)?(?P<m>{MON})\s+(?P<d>{D}),?\s+(?P<y>{Y})"
    ),
    re.compile(
        rf"(?<!\w)(?:{_STAMP_WORDS})\s*:?\s*(?:(?i:on|at|lúc|ngày)\s+)?(?:\w+,\s*)?(?P<d>{D})[/ .-](?P<m>{M}|{MON})[/ .-](?P<y>{Y})"  # noqa: E501
    ),
    re.compile(
        rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+(?P<m>{MON})\s+(?P<d>{D}),\s+(?P<y>{Y})"
    ),
    # the time first: "11:41 04/03/2025", "16:45 | 12/03/2024", "09:30 (GMT+7) ngày 5/7/2023",
    # "10:32 | Thứ bảy, 21/10/2023"
    re.compile(
        rf"(?<![\d:]){_TIME}\s*[-,|]?\s*(?:(?:Thứ (?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|Chủ [Nn]hật|{_WEEKDAY_EN}),?\s*)?"  # noqa: E501
        rf"(?:ngày\s+)?(?P<d>{D})[/.-](?P<m>{M})[/.-](?P<y>{Y})(?!\d)"
    ),
    # the weekday and the day first, a time after it: "Thursday, 12 October 2023 10:32"
    re.compile(
        rf"{_WEEKDAY_EN},?\s+(?P<d>{D})\s+(?P<m>{MON}),?\s+(?P<y>{Y})(?:,?\s*(?:[-|]\s*)?{_TIME})?"
    ),
    # a time before the month: "07:14 PM May 17, 2025"
    re.compile(rf"(?<![\d:]){_TIME}\s*[-,|]?\s*(?P<m>{MON})\s+(?P<d>{D}),?\s+(?P<y>{Y})(?!\d)"),
    # an ISO stamp with its time, as pages print them: "2023-10-12T10:32:00+07:00", "2023-10-12
    # 10:32"; or alone on its line ("Published: 2023-10-12")
    re.compile(
        rf"(?<![\d-])(?P<y>{Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:[T ]\d{{2}}:\d{{2}}|(?=[ \t]*$))",  # noqa: E501
        re.M,
    ),
    # a publishing stamp with an unpadded month and day and its time: "Published: 2014-2-13
    # 21:59:50" (wire copy reprinted by Chinese outlets)
    re.compile(
        rf"(?:Published|Updated|Posted)\s*:?\s*(?P<y>{Y})-(?P<m>[1-9]|1[0-2])-(?P<d>[1-9]|[12]\d|3[01])\s+\d{{1,2}}:\d{{2}}"
    ),
    # a date line of its own, the day or the month first, with a time or a weekday or neither:
    # "12 October 2023", "October 12, 2023 10:32 AM", "Oct 12, 2023"
    re.compile(
        rf"(?m)^[ \t]*(?:{_WEEKDAY_EN},?\s+)?(?P<m>{MON})\s+(?P<d>{D}),?\s+(?P<y>{Y})(?:,?\s*(?:at\s+)?{_TIME})?[ \t]*$"  # noqa: E501
    ),
    # a date line of its own written with dots or dashes, the day or the year first, a time
    # after it or not: "21.10.2023", "21-10-2023", "2023.10.21 10:32" (Korean, Russian pages),
    # "2023/10/21 10:32" (Japanese and Chinese pages' English)
    re.compile(rf"(?m)^[ \t]*(?P<d>{D})([.-])(?P<m>{M})\2(?P<y>{Y})(?:,?\s*{_TIME})?[ \t]*$"),
    # (a Japanese page's section word after it: "2025/5/18 英字", x-miss7 014)
    re.compile(
        rf"(?m)^[ \t]*(?P<y>{Y})([./])(?P<m>0?[1-9]|1[0-2])\2(?P<d>0?[1-9]|[12]\d|3[01])\.?"
        rf"(?:\s*{_TIME})?(?:[ \t]+[\u3040-\u30ff\u4e00-\u9fff]{{1,6}})?[ \t]*$"
    ),
    re.compile(rf"(?m)^[ \t]*(?P<d>{D})\s+(?P<m>{MON}),?\s+(?P<y>{Y})(?:,?\s*{_TIME})?[ \t]*$"),
    # the long Vietnamese form: "Thứ Hai, ngày 07 tháng 10 năm 2024"
    re.compile(
        rf"(?:Thứ (?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|Chủ [Nn]hật)\s*,?\s*(?:[Nn]gày\s+)?"
        rf"(?P<d>{D})\s+tháng\s+(?P<m>{M}),?\s+năm\s+(?P<y>{Y})"
    ),
    # a short line of the author and the date, not a sentence: "By Jane Doe | October 12, 2023"
    re.compile(
        rf"(?m)^(?:By|Bởi|Posted|Đăng)\b[^\n.]{{0,60}}?(?P<m>{MON})\s+(?P<d>{D}),?\s+(?P<y>{Y})[^\n.]{{0,20}}$"
    ),
    re.compile(
        rf"(?m)^(?:By|Bởi|Posted|Đăng)\b[^\n.]{{0,60}}?(?P<d>{D})\s+(?P<m>{MON}),?\s+(?P<y>{Y})[^\n.]{{0,20}}$"
    ),
    # a date line of its own, month first with a comma after it: "May, 01 2019"
    re.compile(rf"(?m)^[ \t]*(?P<m>{MON}),?\s+(?P<d>{D}),?\s+(?P<y>{Y})[ \t]*$"),
    # a date line with its weekday, day first: "Thu, 11 Apr 2002" (last: a page's "Published
    # on:" line wins over the crawl date some sites print on top of it)
    re.compile(
        rf"(?m)^[ \t]*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+(?P<d>{D})\s+(?P<m>{MON})\.?,?\s+(?P<y>{Y})[ \t]*$"  # noqa: E501
    ),
]
_TIME_AT_LINE_END = re.compile(r"\d{1,2}[:h]\d{2}\s*$")


def published_from_byline(text: str) -> tuple[date, int, int] | None:
    """A publication date printed in a byline or date line: (date, start, end) or None."""
    return next(bylines(text), None)


def bylines(text: str) -> Iterator[tuple[date, int, int]]:
    """Every date printed as a byline or date line, the likeliest first: (date, start, end)."""
    seen: set[int] = set()
    for pattern in _BYLINE_DATES:
        for m in pattern.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : len(text) if line_end < 0 else line_end]
            glued = _TIME_AT_LINE_END.search(text[m.start() : m.end()]) and m.end() == (
                line_start + len(line.rstrip())
            )
            # a date line is short; a date in a story is not a byline, but a timestamp closing
            # the headline's line ("… DeSombre 14/02/2026 12:54") is the page's
            if len(line.split()) > 14 and not glued:
                continue
            found = _safe(int(m["y"]), _month(m["m"]) or 0, int(m["d"]))
            if found and m.start() not in seen:
                seen.add(m.start())
                yield found, m.start(), m.end()
    yield from (line for line in _furnished_lines(text) if line[1] not in seen)


# a full date as a head's date line prints it, alone or among its furniture
_LINE_DATES = [
    re.compile(rf"(?<!\w)(?P<d>{D})(?:st|nd|rd|th)?\s+(?P<m>{MON}),?\s+(?P<y>{Y})(?!\d)"),
    re.compile(rf"(?<!\w)(?P<m>{MON})\s+(?P<d>{D}),?\s+(?P<y>{Y})(?!\d)"),
    re.compile(rf"(?<![\w/])(?P<d>{D})/(?P<m>{M})/(?P<y>{Y})(?!\d)"),
]
# what a date line prints around its date: a label ("PUBLISHED :", "Publication date"), the
# weekday, the time and its zone ("10:15 JST", "22:10 WIB"), a bullet or a bar, an agency in
# parentheses ("(Mainichi Japan)"); at most three capitalised words are left (a city, an
# agency: "Jakarta ●", "| KYODO")
_FURNITURE = re.compile(
    rf"(?i:{_STAMP_WORDS}|publication date|on|at)\s*:?|{_WEEKDAY_EN}|{_TIME}|\b[A-Z]{{2,5}}\b"
    r"|\([^()\n]{1,30}\)|[-–—|●•·,:]"
)


def _furnished_lines(text: str) -> Iterator[tuple[date, int, int]]:
    """A short line of the page's head whose one full date stands among a date line's
    furniture only ("Mar 14, 2024 | 10:15 KYODO", "PUBLISHED : 14 Mar 2024 at 10:15",
    "March 14, 2024 (Mainichi Japan)", "Jakarta ● Thu, March 14, 2024"): the page's date."""
    for line in re.finditer(r"[^\n]+", text[:_HEAD]):
        if len(line.group().split()) > 10:
            continue
        for pattern in _LINE_DATES:
            m = pattern.search(line.group())
            if m is None:
                continue
            rest = line.group()[: m.start()] + " " + line.group()[m.end() :]
            words = _FURNITURE.sub(" ", rest).split()
            if len(words) <= 3 and all(w[:1].isupper() for w in words):
                found = _safe(int(m["y"]), _month(m["m"]) or 0, int(m["d"]))
                if found:
                    yield found, line.start() + m.start(), line.start() + m.end()
            break


# "reviewed the partnership since the 9th dialogue in 2015", "kể từ Hội nghị lần thứ 9 năm
# 2015": the year of an earlier occasion a period runs from, not the story's (x-fields5: the
# tenth dialogue was dated a year after the ninth's)
_SINCE_CLAUSE = re.compile(r"(?<!\w)(?:since|kể từ)(?!\w)[^.;:!?\n]{0,60}$", re.I)
_PAST_BEFORE = re.compile(
    r"(?:hồi|trước đó|từ|since|last|earlier|in early|in late|kể từ)\s*(?:(?:đầu|giữa|cuối)\s+)?"
    r"(?:ngày|tháng|năm)?\s*$",
    re.I,
)


def published_from_story(
    text: str, language: str, skip: tuple[int, int] | None = None
) -> tuple[date, int, int] | None:
    """With no publication date anywhere, the latest full date the story gives an engagement
    (`từ ngày 22 - 28/10/2023`, `on 25 June 2024`) dates the article: the year-less dates of
    its other sessions take their year from it. Dates of anniversaries, signatures and
    foundings, those told as past (`hồi tháng 7/2024`, `since 2017`) and those of a clause
    about something else (`background`: `the previous round … on 5 June 2022`) are not read; a month
    or a year alone is not precise enough to stand for the day of writing."""
    best: DateMention | None = None
    for d in find_dates(text, language):
        if skip is not None and d.start < skip[1] and skip[0] < d.end:
            continue  # a crawl date set aside
        if d.excluded or d.year is None or d.day is None or d.parenthesised:
            continue
        if _PAST_BEFORE.search(_before(text, d, 12)) or background(text, d, language):
            continue
        last = (d.end_year or d.year, d.end_month or d.month or 1, d.end_day or d.day)
        if best is None or last > (
            best.end_year or best.year,
            best.end_month or best.month or 1,
            best.end_day or best.day,
        ):
            best = d
    if best is None:
        return None
    end = _safe(
        best.end_year or best.year or 0,
        best.end_month or best.month or 0,
        best.end_day or best.day or 0,
    )
    return (end, best.start, best.end) if end else None


def _first_story_date(
    text: str, language: str, skip: tuple[int, int], header: date | None = None
) -> date | None:
    """The first date with its day the story gives an engagement, outside `skip`; one written
    without its year is read as the `header` date would date it (within the 45 days after it,
    else in the year before)."""
    found = find_dates(text, language)
    for d in found:
        if d.start < skip[1] and skip[0] < d.end:
            continue
        if d.excluded or d.day is None or d.month is None or d.parenthesised:
            continue
        year = d.year if d.year is not None else _year_later_in_sentence(text, d, found)
        if year is None and header is None:
            continue
        if _PAST_BEFORE.search(_before(text, d, 12)):
            continue
        return resolve(d, header).start if year is None else _safe(year, d.month, d.day)
    return None


def _year_later_in_sentence(text: str, d: DateMention, found: list[DateMention]) -> int | None:
    """The one year stated alone later in the sentence a day without its year leads ("Ngày
    30-5, … khởi động chương trình giao lưu … năm 2022"): the day's year, so a site's clock
    line of the next year above it is not taken for the page's date."""
    stop = re.compile(r"\.\s|\n").search(text, d.end)
    end = stop.start() if stop else len(text)
    years = {
        x.year
        for x in found
        if d.end <= x.start < end and x.day is None and x.month is None and not x.excluded
    }
    return years.pop() if len(years) == 1 else None


# A byline date more than this after the story's own first full date is the day the page was
# saved, not written: sites print today's date in their header ("Thứ Hai, 07/12/2026" above a
# report dated "Sáng 5/6/2023"); news is written within days of what it reports.
CRAWL_GAP = timedelta(days=90)


# the head of a page, where its own date line stands (above or just under the headline); past
# it, a short dated line is a related article's or a caption's
_HEAD = 500


def _head_bylines(
    text: str, first: tuple[date, int, int] | None
) -> Iterator[tuple[date, int, int]]:
    """The likeliest byline, then the other date lines of the page's head: a site that prints
    today's date on top ("Thứ Hai, 07/12/2026 09:00") over the page's own ("12/03/2019 10:00")
    has it set aside as a crawl date, and the next one read."""
    if first is None:
        return
    yield first
    yield from (line for line in bylines(text) if line[1] < _HEAD and line[1] != first[1])


# where a publication date read from the page itself comes from when no byline and no full date
# in the address gives it: the story's latest date, so a lower bound of the day of writing
STORY_ORIGINS = ("story", "story-year", "url-month", "url-year", "url-number")


def publication_date(
    text: str, url: str | None, language: str, story_end: int | None = None
) -> tuple[date | None, str]:
    """The publication date and where it comes from (`byline`, `url`, `story` or `none`): a
    byline or date line, else a date in the URL, else the story's latest full date. A byline
    date the story contradicts (its first full date lies months before) is a crawl date, not
    taken."""
    story_text = text[:story_end]
    found = published_from_byline(text)
    for line in _head_bylines(text, found):
        first = _first_story_date(story_text, language, (line[1], line[2]), line[0])
        if first is None or line[0] - first <= CRAWL_GAP:
            return line[0], "byline"
    from_url = published_from_url(url)
    if from_url is not None:
        return from_url, "url"
    skip = (found[1], found[2]) if found else None
    month = month_from_url(url)
    if month is not None:
        return _latest_in_month(story_text, language, *month), "url-month"
    story = published_from_story(story_text, language, skip=skip)
    if story:
        return story[0], "story"
    year = year_from_url(url)
    in_year = _latest_in_year(story_text, language, year) if year is not None else None
    if in_year is not None:
        return in_year, "url-year"
    numbered = filed_about(url)
    near = _latest_near(story_text, language, numbered) if numbered is not None else None
    if near is not None:
        return near, "url-number"
    latest = latest_in_story_year(story_text, language, skip)
    return (latest, "story-year") if latest else (None, "none")


def _latest_in_month(text: str, language: str, year: int, month: int) -> date:
    """The page was published in that month: the latest day of it the story names (without a
    year) stands for the day of writing, else the month's last day."""
    days = [
        d.end_day or d.day
        for d in find_dates(text, language)
        if d.year is None and (d.end_month or d.month) == month and not d.excluded
    ]
    last = calendar.monthrange(year, month)[1]
    return date(year, month, max((d for d in days if d and d <= last), default=last))


def _latest_in_year(text: str, language: str, year: int) -> date | None:
    """The page was filed in that year: the latest day of it the story names without a year
    stands for the day of writing (None when it names none)."""
    days = [
        _safe(year, d.end_month or d.month, d.end_day or d.day)
        for d in find_dates(text, language)
        if d.year is None and d.day is not None and d.month is not None and not d.excluded
    ]
    return max((d for d in days if d), default=None)


@cache
def _numbered_outlets() -> list[tuple[re.Pattern[str], list[tuple[int, date]]]]:
    return [
        (re.compile(o["pattern"], re.I), [(n, date.fromisoformat(d)) for n, d in o["points"]])
        for o in load("url_ids")["outlets"]
    ]


# how far past its first or last known page an outlet's numbering is read: its pace changes
_NUMBERED_REACH = timedelta(days=120)


def filed_about(url: str | None) -> date | None:
    """About when a page was filed, by the number in its address, for outlets that number their
    pages in the order they publish them (`…-post1807341.tpo`, `…Seq_Code=58991`): read
    between the two known pages around it (`data/url_ids.json`), or at most 120 days past the
    first or last at the pace of the two nearest. Many Vietnamese outlets print no date a text
    keeps and give only day and month ("Ngày 22/12"): the year is the number's. Weeks off at
    most, so it only chooses the year of the story's own days (`_latest_near`)."""
    if not url:
        return None
    for pattern, points in _numbered_outlets():
        m = pattern.search(url)
        if m is None or len(points) < 2:
            continue
        n = int(m[1])
        # the two known pages around it, or the two nearest past either end
        k = next((i for i, (num, _) in enumerate(points) if num >= n), len(points))
        k = min(max(k, 1), len(points) - 1)
        (n0, d0), (n1, d1) = points[k - 1], points[k]
        if n1 == n0:
            return None
        day = d0 + timedelta(days=(n - n0) * (d1 - d0).days / (n1 - n0))
        if not points[0][1] - _NUMBERED_REACH <= day <= points[-1][1] + _NUMBERED_REACH:
            return None
        return day
    return None


def _latest_near(text: str, language: str, about: date) -> date | None:
    """The latest day the story names without a year, each given the year that puts it nearest
    before `about` (or within the 45 days after it, as news may be filed late): the page's
    date as its own story tells it, so the days it names keep their order (None when it names
    no day and month)."""
    days = [
        resolve(d, about).end
        for d in find_dates(text, language)
        if d.year is None and d.day is not None and d.month is not None and not d.excluded
    ]
    return max((d for d in days if d), default=None)


# a year told as a target or a bound is not the year of the story's events
_BOUND_BEFORE = re.compile(
    r"(?:đến|tới|trước|sau|by|until|before|after|through|to)\s*(?:năm|the end of)?\s*$", re.I
)
# a year that closes the name of a term, an event or a plan ("năm Chủ tịch ASEAN 2024", "APEC
# 2017", "ASEAN Chairmanship 2024", "Tầm nhìn 2030") names it: talks in December 2023 prepare
# "the ASEAN Chair year 2024", so the page's year is not that one (read-for-rules n006: the one
# year such a page stated dated its three sessions a year late, and none of them matched); an
# ordinal in Roman numerals is no name ("hội đàm thường niên lần thứ XIX năm 2025")
_NAMED_YEAR_BEFORE = re.compile(
    r"(?:\b(?![IVXLC]+\s*$)[A-Z]{3,}|Chủ tịch|[Cc]hair(?:manship)?|Games|Expo|Tầm nhìn"
    r"|[Vv]ision)\s*$"
)


def latest_in_story_year(
    text: str, language: str, skip: tuple[int, int] | None = None
) -> date | None:
    """With no full date anywhere, the one year the story states for itself ("Năm 2023, hai
    bên …", "In 2023, the two sides …", "chương trình đối ngoại năm 2023") is the year of its
    dates written without one: the latest of them, in that year, stands for the day of writing.
    A year told as past (`since 2017`, `từ năm 2016`), as a bound (`đến năm 2016`), of an
    anniversary, or closing a term's or an event's name (`năm Chủ tịch ASEAN 2024`, `APEC
    2017`) is not read; a year closing a document's name (`văn kiện pháp lý năm 2016`) only
    when no other is stated; two different years leave it unknown, unless the later is only
    the plan the talks agree for it (`_planned_year`). A period reviewed up to now (`Từ tháng
    9/2025 đến nay`) sets the earliest year; a quarter written `quý 4/2025` is read."""
    mentions = [d for d in find_dates(text, language) if skip is None or d.start >= skip[1]]
    stated = [d for d in mentions if _story_year(text, d, language)]
    years = {d.year for d in stated if not _DOCUMENT_BEFORE.search(_before(text, d, 160))}
    years = years or {d.year for d in stated}
    years |= {y for d in stated if d.year in years for y in _coordinated_years(text, d)}
    quarters = _slashed_quarters(text, skip)
    years |= {y for y, _ in quarters}
    # "Từ đầu năm 2024 đến nay": the story is written in that year or after; a year before it
    # (a document's "biên bản hội đàm năm 2023") is not the story's
    floor = _since_year(text, mentions)
    if floor is not None:
        years = {y for y in years if y is not None and y >= floor}
    since = _since(text, mentions)
    if since is not None:
        years = {y for y in years if y is not None and y >= since[0]} or {since[0]}
    planned = _planned_year(text, mentions, years)
    if planned is not None:
        years.discard(planned)  # the year planned at talks that review the one before
    jubilee = anniversary_year(text)
    if jubilee is not None:  # the occasion's year: an older one stated is background
        years = {y for y in years if y is not None and y > jubilee} or {jubilee}
    if len(years) != 1:
        return None
    year = years.pop()
    # "In the last quarter of 2024 both forces ran six joint patrols": a period reviewed is
    # over, so the talks on "January 30" that review it are in the next year
    plain = [d for d in stated if d.year == year]
    opens = _period_opening(text, plain) if plain else None
    if not plain or opens is not None:
        more = {o for y, o in quarters if y == year}
        more |= {since[1]} if since is not None and since[0] == year else set()
        opens = max(more | ({opens} if opens else set()), default=None)
    if planned is not None:
        opens = 7  # talks between the two years: a day of the first half is in the second
    days = [
        _safe(
            year + (opens is not None and (d.month or 0) < opens),
            d.end_month or d.month,
            d.end_day or d.day,
        )
        for d in mentions
        if d.year is None
        and d.day is not None
        and d.month is not None
        and not d.excluded
        # ("their meeting in Putrajaya last May 3": a day told as before the writing, never
        # its day; x-miss7 001 took it, with a background year, for the page's date)
        and not _LAST_DAY.search(_before(text, d, 8))
    ]
    return max((d for d in days if d), default=None)


_LAST_DAY = re.compile(r"\blast\s+$", re.I)


# "in 2020 and 2021", "năm 2023 và 2024", "các năm 2022, 2023": the years listed after a stated
# one, which the date finder reads as one mention of the first
_NEXT_YEAR = re.compile(r"\s*(?:,|and|và|&)\s*(?:năm\s+)?((?:19|20)\d\d)(?!\d)")


def _coordinated_years(text: str, d: DateMention) -> set[int]:
    """The years coordinated with a year alone: two years stated leave the story's year
    unknown ("especially in 2020 and 2021 when …" dated a reception of 2022 to 2020)."""
    out: set[int] = set()
    at = d.end
    while (m := _NEXT_YEAR.match(text, at)) is not None:
        out.add(int(m.group(1)))
        at = m.end()
    return out


def _before(text: str, d: DateMention, span: int) -> str:
    return text[max(0, d.start - span) : d.start]


def _story_year(text: str, d: DateMention, language: str) -> bool:
    """A year alone the story may state for itself (see `latest_in_story_year`); one set aside
    as context still counts when it closes a period reviewed ("… năm 2024 và 6 tháng đầu năm
    2025" after "đã ký kết") or the plan signed for it ("ký Kế hoạch hợp tác năm 2025", which
    `_planned_year` then reads as the year after the talks')."""
    return (
        d.year is not None
        and d.month is None
        and (not d.excluded or plan_or_review(_before(text, d, 70)))
        and d.relative is None
        and not _PAST_BEFORE.search(_before(text, d, 12))
        and not _SINCE_CLAUSE.search(_before(text, d, 70))
        and not _BOUND_BEFORE.search(_before(text, d, 15))
        and not _NAMED_YEAR_BEFORE.search(_before(text, d, 20))
        and not background(text, d, language)
        and not _SIGNED_THEN.match(text, d.end, min(len(text), d.end + 90))
        and not _FORECAST_BEFORE.search(_before(text, d, 100))
    )


# The clause before a date that tells something other than the story's engagements: a founding
# or an opening ("opened its liaison office in Hanoi in 1999", "khai trương năm 2003"), ties
# raised ("elevated to a strategic partnership in 2018"), an earlier occasion ("last visited
# Vietnam in 2019", "the previous round … in 2022", "Hội nghị lần trước … năm 2022"), an
# agreement made before ("the agreement reached in 2019", "triển khai Hiệp định … năm 2019") or
# what is still to come ("will hold the next dialogue in 2025", "sẽ tổ chức … năm 2025"). Of the
# held-out set's date errors, 3 pages took such a year for their engagement's.
# an earlier occasion of the same kind, in either language (see `earlier_occasion`)
_EARLIER = (
    r"last\s+(?:met|visited|held|hosted|received|talked|came|went|travell?ed)|previous|prior"
    # ("the meeting was a follow-up to their meeting in Putrajaya last May 3": the earlier
    # one's date, not the story's; x-miss7 001)
    r"|(?:a|the)\s+follow[- ]up\s+(?:to|of)"
    r"|lần trước|lần gần (?:đây )?nhất"
)
_BACKGROUND_BEFORE = {
    "en": re.compile(
        r"\b(?:set up|launched|opened|inaugurated|created|formed|elevated|upgraded|normali[sz]ed"
        r"|entered into force|came into (?:force|effect)|took effect|began operating"
        rf"|{_EARLIER}"
        # an earlier edition held, not a first trip ("his first visit abroad in 2021" is his)
        r"|first\s+(?:[\w-]+\s+){0,5}(?:was|were)\s+(?:held|organi[sz]ed|convened)"
        r"|reached|concluded|inked|will|next|upcoming|plans? to|expected to)\b[^.;:!?\n]*$",
        re.I,
    ),
    "vi": re.compile(
        r"(?<!\w)(?:khai trương|khánh thành|ra đời|đi vào hoạt động|nâng cấp|nâng tầm|có hiệu lực"
        rf"|{_EARLIER}|sẽ|dự kiến"
        r"|lần (?:thứ nhất|đầu tiên)[^.;:!?\n]{0,40}(?:được tổ chức|diễn ra)"
        r"|(?:triển khai|thực hiện)(?:\s+(?:có\s+)?hiệu quả)?\s+(?:các\s+)?(?:Hiệp định|Hiệp ước"
        r"|Thỏa thuận|Thoả thuận|Bản ghi nhớ|Nghị định thư))(?!\w)[^.;:!?\n]*$",
        re.I,
    ),
}
# "In 2023, the two sides will coordinate …", "Năm 2023, hai bên sẽ …": a year opening what is
# planned for it
_FUTURE_AFTER = re.compile(r"\s*,?\s*(?:[^\s,.;]+\s+){0,4}(?:will|sẽ)(?!\w)", re.I)


# of the background: an earlier occasion of the same kind ("last met … in March 2023", "the
# previous round … on 3 June 2022", "lần gần nhất … năm 2019", "Cuộc gặp lần trước …"); not
# "Trước đó, sáng cùng ngày", an earlier session of the same days, nor "the last day of …"
_EARLIER_BEFORE = re.compile(rf"(?<!\w)(?:{_EARLIER})(?!\w)[^.;:!?\n]*$", re.I)


def earlier_occasion(text: str, d: DateMention) -> bool:
    """Whether the date closes a clause about an earlier occasion (see `background`)."""
    return bool(_EARLIER_BEFORE.search(_before(text, d, 120)))


def background(text: str, d: DateMention, language: str) -> bool:
    """Whether the date closes (or a year opens) a clause about a founding, ties raised, an
    earlier occasion, an agreement made before or what is still to come: such a date never
    dates the story (a period reviewed, "the results of 2024", is not background)."""
    before = _before(text, d, 120)
    if _QUARTER_BEFORE.search(before[-70:]):
        return False
    return bool(_BACKGROUND_BEFORE["vi" if language == "vi" else "en"].search(before)) or bool(
        d.month is None and _FUTURE_AFTER.match(text, d.end)
    )


# "tình hình tội phạm … dự báo sẽ gia tăng, nhất là vào dịp Tết Nguyên đán Ất Tỵ năm 2025": a
# year in a forecast is ahead of the story (an eleventh-round page's talks of 24/12 after "Từ
# đầu năm 2024 đến nay" were dated a year late by it)
_FORECAST_BEFORE = re.compile(r"(?<!\w)(?:dự báo|sẽ|sắp tới|thời gian tới)(?!\w)[^.;]*$")


# "Năm 2015, Cảnh sát biển hai nước đã ký kết Bản ghi nhớ …": the year an agreement was signed,
# recalled as background, is not the story's (an eleventh-round coast guard page's only year
# dated its port call four years early)
_SIGNED_THEN = re.compile(r"[^.;\n]*?(?<!\w)đã ký(?: kết)?(?!\w)")


# a year closing a document's name is the document's ("2 văn kiện pháp lý năm 2016", "biên bản
# hội đàm năm 2024"), which may be years before the story: read only when no other is stated
_DOCUMENT_BEFORE = re.compile(
    r"(?:văn kiện|biên bản|hiệp định|nghị định thư|thỏa thuận|thoả thuận|hiệp ước)"
    # ("Hiệp định về quy chế quản lý … biên giới trên đất liền giữa hai nước năm 2016": an
    # agreement's long name, up to 24 words)
    r"(?:\s+[^\s,.;]+){0,24}\s*$",
    re.I,
)
# "quý 4/2025": a quarter with its year after a slash, which the date patterns do not read
_SLASHED_QUARTER = re.compile(r"(?<!\w)quý\s+(I{1,3}|IV|[1-4])\s*/\s*((?:19|20)\d\d)(?!\d)", re.I)
# "Từ tháng 9/2025 đến nay", "từ tháng 11/2024 cho đến nay": a period running to the day of writing
_UP_TO_NOW = re.compile(r"\s*(?:cho\s+)?(?:đến|tới)\s+nay(?!\w)", re.I)


def _slashed_quarters(text: str, skip: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Each `quý N/YYYY`: its year and the month the next quarter opens (a quarter reviewed is
    over)."""
    out = []
    for m in _SLASHED_QUARTER.finditer(text):
        if skip is not None and m.start() < skip[1]:
            continue
        q = m[1]
        n = int(q) if q.isdigit() else _QUARTERS[q.lower()]
        out.append((int(m[2]), 3 * n - 2))
    return out


# "nhân kỷ niệm 80 năm Quốc khánh … (2/9/1945 - 2/9/2025)", "marking the 50th anniversary of
# diplomatic ties (1973-2023)": an anniversary and the span it closes, its first and its last
# year as many years apart as the anniversary counts
_ANNIVERSARY = re.compile(
    r"(?<!\w)(?:(?:kỷ niệm|kỉ niệm|mừng)\s+)?(?P<n>\d{1,3})\s+năm(?!\w)"
    r"|(?<!\w)(?P<en>\d{1,3})(?:st|nd|rd|th)\s+anniversary(?!\w)",
    re.I,
)
_ANNIVERSARY_SPAN = re.compile(
    r"[^()\n]{0,160}?\(\s*(?:[\d/.]+[/.])?(?P<y1>(?:1[89]|20)\d\d)\s*[-–]\s*"
    r"(?:[\d/.]+[/.])?(?P<y2>(?:19|20)\d\d)\s*\)"
)


def anniversary_year(text: str) -> int | None:
    """The year of the anniversary the story celebrates, when it writes the span it closes
    (`kỷ niệm 80 năm … (19/8/1945 - 19/8/2025)`): its last year, the year of the visits and
    greetings made for it, which the excluded span itself no longer gives. The latest such year
    when several are written; None when none is."""
    found = []
    for m in _ANNIVERSARY.finditer(text):
        span = _ANNIVERSARY_SPAN.match(text, m.end())
        if span is None:
            continue
        y1, y2 = int(span["y1"]), int(span["y2"])
        if y2 - y1 == int(m["n"] or m["en"]):
            found.append(y2)
    return max(found, default=None)


def _since_year(text: str, mentions: list[DateMention]) -> int | None:
    """The latest year a period runs from up to now, named without its month."""
    found = [
        d.year
        for d in mentions
        if d.year is not None
        and d.month is None
        and _PAST_BEFORE.search(_before(text, d, 12))
        and _UP_TO_NOW.match(text, d.end)
    ]
    return max(found, default=None)


def _since(text: str, mentions: list[DateMention]) -> tuple[int, int] | None:
    """The latest month of a year a period runs from up to now ("Từ tháng 9/2025 đến nay"):
    the story is written in that year or after, that month or after."""
    found = [
        (d.year, d.month)
        for d in mentions
        if d.year is not None
        and d.month is not None
        and d.day is None
        and _PAST_BEFORE.search(_before(text, d, 12))
        and _UP_TO_NOW.match(text, d.end)
    ]
    return max(found, default=None)


# the plan a meeting agrees for the year to come: "phương hướng hợp tác năm 2026", "Biên bản
# ghi nhớ hợp tác năm 2026", "the work plan for 2026"
_PLAN_BEFORE = re.compile(
    r"(?:phương hướng|kế hoạch|nhiệm vụ|định hướng|ghi nhớ|plans?|priorities|directions?)"
    r"\b[^.;\n]{0,40}$",
    re.I,
)


# "đã ký Bản ghi nhớ … vào năm 2016", "signed a memorandum … in 2016": the year a document was
# signed in, not the year a plan is for (an MoU's signing year dated a port call nine years
# early on a page of the eleventh round)
_SIGNED_IN_BEFORE = re.compile(r"(?<!\w)(?:vào|in)\s+(?:năm\s+)?$", re.I)


def plan_or_review(before: str) -> bool:
    """Whether the words before a year alone name a plan for it or a period reviewed
    (`Kế hoạch hợp tác năm 2025`, `tổng kết … năm 2024`, `the work plan for 2026`)."""
    plan = _PLAN_BEFORE.search(before[-50:]) and not _SIGNED_IN_BEFORE.search(before)
    return bool(plan or _QUARTER_BEFORE.search(before[-70:]))


def _planned_year(text: str, mentions: list[DateMention], years: set[int]) -> int | None:
    """Of two years one after the other, the later when each mention of it is the plan agreed
    (`đánh giá kết quả năm 2025; thống nhất phương hướng hợp tác năm 2026`): the talks review
    the one year and plan the next, so they are held at the turn of the two."""
    if len(years) != 2 or max(years) - min(years) != 1:
        return None
    later = max(years)
    told = [d for d in mentions if d.year == later and d.month is None]
    if told and all(_PLAN_BEFORE.search(_before(text, d, 50)) for d in told):
        return later
    return None


# "quý IV/2024", "quý 4 năm 2024", "the last quarter of 2024", "6 tháng cuối năm 2024",
# "the second half of 2023": a period of the year, the first month of which the groups give
_QUARTER_BEFORE = re.compile(
    r"(?:quý\s+(?P<vq>I{1,3}|IV|[1-4])\s*(?:/|năm)?\s*|"
    r"(?P<eq>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+quarter(?:\s+of)?\s*|"
    r"(?P<vh>6 tháng (?:đầu|cuối)|sáu tháng (?:đầu|cuối))(?:\s+năm)?\s*|"
    r"(?P<eh>first|second)\s+half(?:\s+of)?\s*|"
    # "reviewed the results of joint work in 2024", "tổng kết công tác năm 2024": a whole year
    # reviewed, which no one does in its first quarter; so is a year's plan whose results are
    # reviewed ("kết quả thực hiện Kế hoạch phối hợp liên ngành năm 2024": up to eight words)
    r"(?P<year>(?:results?|outcomes?|review(?:ed|ing)?|kết quả|tổng kết|sơ kết)"
    r"(?:\s+[\w-]+){0,8}?(?:\s+(?:in|of|for|năm))?\s*))$",
    re.I,
)
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "first": 1, "1st": 1, "second": 2, "2nd": 2}
_QUARTERS |= {"third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}


def _period_opening(text: str, years: list[DateMention]) -> int | None:
    """When every mention of the story's one year closes a period reviewed (a quarter, a
    half, or the year's results), the month before which a day of the story is in the next
    year: the period's first month, April for a whole year (the earliest of several); else
    None."""
    opening: set[int] = set()
    for d in years:
        # the words before the year, within the phrase too ("quý IV/2023")
        m = _QUARTER_BEFORE.search(text[max(0, d.start - 70) : d.end - 4])
        if m is None:
            return None
        if m["year"]:
            opening.add(4)
        elif m["vq"] or m["eq"]:
            q = m["vq"] or m["eq"]
            opening.add(3 * (int(q) if q.isdigit() else _QUARTERS[q.lower()]) - 2)
        else:
            half = (m["vh"] or m["eh"]).lower()
            opening.add(7 if ("cuối" in half or "second" in half) else 1)
    # periods of one year reviewed together ("the fourth quarter" and "the year's results"):
    # a day before the earliest opening is in the next year by all of them
    return min(opening) if opening else None
