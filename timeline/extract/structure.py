"""Engagements in an article: which sentences report a dialogue, a visit, a meeting or an embassy
visit; how they nest (a trip and the sessions within it); who took part in which role; when,
where, between which countries, about what."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from events.countries import country
from timeline.extract.attendance import attendance_trips, delegations_to_events
from timeline.extract.dates import DateMention, Resolved, find_dates, resolve
from timeline.extract.gazetteer import (
    CITY,
    COUNTRY,
    ORG,
    VENUE,
    Mention,
    country_aliases,
    find_organisations,
    find_places,
    learn_abbreviations,
    specific_agency,
)
from timeline.extract.lexicon import load, word_regex
from timeline.extract.meetings import reciprocal_meetings, unnamed_counterparts
from timeline.extract.model import (
    Analysis,
    Engagement,
    Participation,
    SentenceInfo,
    Span,
    counterpart_key,
)
from timeline.extract.people import Person, PersonMention, find_people, is_vietnamese_name, merge
from timeline.extract.segment import BODY, CAPTION, Layout, Sentence
from timeline.extract.topics import find_topics

ROLE_RANK = [
    "attendee",
    "speaker",
    "delegation_member",
    "guest",
    "host",
    "delegation_head",
    "chair",
    "co_chair",
]
HOME = "VN"  # the archive follows Vietnam's Ministry of Public Security first


@cache
def _cues() -> dict:
    return load("cues")


@cache
def _re(key: str, language: str, sub: str | None = None) -> re.Pattern[str]:
    node = _cues()[key]
    phrases = node[sub][language] if sub else node[language]
    return word_regex(phrases, escape=False, flags=re.IGNORECASE)


def _roles_re() -> dict[str, re.Pattern[str]]:
    return {k: word_regex(v, flags=re.IGNORECASE) for k, v in _cues()["roles"].items()}


# --- dialogues -------------------------------------------------------------------------------

_DIALOGUE_STOP_VI = re.compile(
    r"[,.;:()]|\s(?:đã|được|diễn ra|do|có|tại|hồi|cũng|đến|theo|giữa|nhằm|với|là|sẽ|thực sự|"
    r"hai [Bb]ên|cho|trong|từ|vào|ngày|tháng|nay|tới|thành công|kết thúc|dự kiến|nhằm|và các)(?!\w)"
)
_ORDINAL = r"\d+|mười (?:một|hai|ba|bốn|lăm)|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười"


@dataclass
class DialogueMention:
    span: Span
    core: str
    pair: list[tuple[str, Mention]]
    session: int | None
    session_span: Span | None
    mechanism: bool
    noun: str = "dialogue"  # or "conference": a numbered Hội nghị, Phiên họp, Meeting

    @property
    def anaphoric(self) -> bool:
        return not self.core and not self.pair


# a numbered conference ("Hội nghị … lần thứ 11", "the 5th … Ministerial Meeting") is a session of
# a series like a dialogue, but recorded as a meeting; unnumbered, these words name anything
_CONFERENCE_VI = r"Hội nghị|Phiên họp|Kỳ họp"
_CONFERENCE_EN = r"\b(?:Meeting|Conference)\b"


def _conference_session_vi(text: str, at: int, limit: int) -> re.Match[str] | None:
    """ "lần thứ N" closing a conference's name, which may hold commas ("phòng, chống")."""
    stop = re.compile(r"[.;]|\s(?:với|tại|do|đã|sẽ|được|diễn ra)(?!\w)")
    end = stop.search(text, at, limit)
    window_end = min(end.start() if end else limit, at + 160)
    return re.compile(rf"\blần thứ\s+({_ORDINAL})\b").search(text, at, window_end)


def _session_number(word: str, language: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    m = re.match(r"(\d+)(?:st|nd|rd|th)$", word)
    if m:
        return int(m[1])
    table = load("dialogues")["ordinals_vi" if language == "vi" else "ordinals_en"]
    return table.get(word)


def dialogue_mentions(text: str, info: SentenceInfo, language: str) -> list[DialogueMention]:
    s = info.sentence
    out: list[DialogueMention] = []
    countries = [e for e in info.places if e.kind == COUNTRY]
    if language == "vi":
        # scanned from the sentence's start, not the article's: linear in the page's length
        for m in re.compile(rf"Đối thoại|{_CONFERENCE_VI}").finditer(text, s.start, s.end):
            noun = "dialogue" if m.group() == "Đối thoại" else "conference"
            stop = _DIALOGUE_STOP_VI.search(text, m.end(), s.end)
            end = stop.start() if stop else s.end
            if noun == "conference":
                numbered = _conference_session_vi(text, m.end(), s.end)
                if numbered is None:
                    if re.match(r"\s*(?:[.,;]|$)", text[m.end() : m.end() + 2]):
                        # "khai mạc Hội nghị.": the conference already told
                        out.append(
                            DialogueMention(
                                (m.start(), m.end(), m.group()), "", [], None, None, False, noun
                            )
                        )
                    continue
                end = numbered.end()
            window = text[m.end() : end]
            session, session_span = None, None
            sm = re.search(rf"\blần thứ\s+({_ORDINAL})\b", window)
            if sm is None:
                after = re.match(rf"\s+lần thứ\s+({_ORDINAL})\b", text[end : s.end])
                if after:
                    sm = after
                    session_span = (
                        end + after.start() + 1,
                        end + after.end(),
                        after.group().strip(),
                    )
            if sm is not None and session_span is None:
                a = m.end() + sm.start()
                session_span = (a, m.end() + sm.end(), sm.group())
            if sm is not None:
                session = _session_number(sm.group(1), language)
            pair = [
                (c.key, c)
                for c in countries
                if m.end() <= c.start < max(end, session_span[1] if session_span else end) + 40
                and c.start < s.end
            ]
            pair = _pair_in_name(text, m.end(), pair)
            core = window
            if sm is not None and session_span and session_span[0] < end:
                core = core.replace(sm.group(), " ")
            for _, c in pair:
                core = core.replace(c.text, " ")
            core = re.sub(r"\s*[-–]\s*$|^\s*[-–]\s*", "", re.sub(r"\s+", " ", core)).strip(" -–")
            last = max(
                [end] + [c.end for _, c in pair] + ([session_span[1]] if session_span else [])
            )
            mechanism = bool(re.search(r"(?:cơ chế|khuôn khổ)\s*$", text[s.start : m.start()]))
            while last > m.end() and text[last - 1].isspace():
                last -= 1
            out.append(
                DialogueMention(
                    (m.start(), last, text[m.start() : last]),
                    core,
                    pair,
                    session,
                    session_span,
                    mechanism,
                    noun,
                )
            )
        return out
    for m in re.compile(rf"\b[Dd]ialogue\b|{_CONFERENCE_EN}").finditer(text, s.start, s.end):
        noun = "conference" if m.group() in ("Meeting", "Conference") else "dialogue"
        before = text[s.start : m.start()]
        back = re.search(
            r"((?:(?:[A-Z][\w'’.]*(?:[-–][A-Z][\w'’.]*)?|and|on|of|[-–]|\d+(?:st|nd|rd|th)|first|"
            r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural)\s+)*)$",
            before,
        )
        begin = m.start() - len(back.group(1)) if back else m.start()
        words = text[begin : m.start()]
        lead = re.match(r"(?:(?:The|the|and|on|of)\s+)+", words)
        if lead:
            begin += lead.end()
            words = words[lead.end() :]
        session, session_span = None, None
        sm = re.search(
            r"\b(\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
            r"tenth|inaugural)\b",
            words,
            re.I,
        )
        if sm:
            session = _session_number(sm.group(1), language)
            session_span = (begin + sm.start(), begin + sm.end(), sm.group())
        pair = [(c.key, c) for c in countries if begin <= c.start < m.start()]
        core = words
        if sm:
            core = core.replace(sm.group(), " ")
        for _, c in pair:
            core = core.replace(c.text, " ")
        core = re.sub(r"\s+", " ", core).strip(" -–")
        end = m.end()
        on = re.match(
            r"\s+on\s+((?:[A-Z][\w-]*|and)(?:\s+(?:[A-Z][\w-]*|and))*)", text[end : s.end]
        )
        if on:
            end += on.end()
            core = (core + " Dialogue on " + on.group(1)).strip()
        mechanism = bool(re.search(r"mechanism\s*$", text[s.start : begin]))
        if m.group() == "dialogue" and not (session or pair or core):
            # "the first Vietnam-Korea police dialogue": an ordinal a few words before
            low = re.search(
                r"\b(\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                r"ninth|tenth|inaugural)\s+((?:[\w'’-]+\s+){0,4})$",
                before,
                re.I,
            )
            if low is None:
                continue  # "dialogue" in lowercase without a name is a common noun
            begin = s.start + low.start()
            session = _session_number(low.group(1), language)
            session_span = (begin, begin + len(low.group(1)), low.group(1))
            pair = [(c.key, c) for c in countries if begin <= c.start < m.start()]
            core = low.group(2)
            for _, c in pair:
                core = core.replace(c.text, " ")
            core = re.sub(r"\s+", " ", core).strip(" -–").title()
        if noun == "conference" and session is None and len(pair) < 2:
            continue  # "a Meeting" without a number or the two countries of a series
        out.append(
            DialogueMention(
                (begin, end, text[begin:end]), core, pair, session, session_span, mechanism, noun
            )
        )
    return [d for d in out if not _SETTING.search(text, max(s.start, d.span[0] - 40), d.span[0])]


# "on the sidelines of the 20th AMMTC", "bên lề Hội nghị …": the event is where another
# engagement happened, not the engagement told
_SETTING = re.compile(
    r"(?:\bon the (?:sidelines|margins?)|(?<!\w)[Bb]ên lề|\bon the sideline) (?:of )?(?:the )?$"
)


def _pair_in_name(
    text: str, after: int, found: list[tuple[str, Mention]]
) -> list[tuple[str, Mention]]:
    """The country pair written in a dialogue's name ("Việt Nam-Mỹ", "Việt Nam - Australia")."""
    for i in range(len(found) - 1):
        a, b = found[i][1], found[i + 1][1]
        if re.fullmatch(r"\s*[-–]\s*", text[a.end : b.start]):
            return [found[i], found[i + 1]]
    return []


# --- visits and meetings -----------------------------------------------------------------------

_VISIT_VI = re.compile(
    r"(?<!\w)(?:chuyến (?:thăm|công tác)(?: và làm việc| chính thức| làm việc| hữu nghị)?|"
    r"(?:sang |đến |tới )?thăm(?: và|,)? làm việc|(?:sang |đến |tới )?thăm (?:chính thức|hữu nghị)|"
    r"sang thăm|"
    r"đến thăm|tới thăm|thăm)(?!\w)(?:\s+(?:tại|ở|đến|tới|sang))?"
)
_VISIT_EN = re.compile(
    r"\b(?:(?:official|working|state|study|three-day|two-day|four-day|five-day)\s+)?"
    r"(?:visit(?:ed|ing|s)?|trip)\b(?:\s+(?:to|in))?(?:\s+the)?|"
    # "is leading an MPS delegation to Australia", "led a Thai police delegation to Vietnam"
    r"\b(?:led|leads|leading|headed|heads|heading)\s+(?:a|an|the|his|her|their)\s+"
    r"(?:[\w.-]+\s+){0,4}?delegation\s+to(?:\s+the)?"
)
_MEET_VI = re.compile(
    r"(?<!\w)(?:hội đàm trực tuyến với|hội đàm với|hội đàm|hội kiến|tiếp xã giao|tiếp thân mật|"
    r"đã tiếp|(?<!đón )tiếp(?!\s+(?:tục|cận|nhận|theo|xúc|đón|thu|sức|tế|giáp|nối|diễn|quản|đến|"
    r"tới|đó|"
    r"cũng|sau))|(?:thăm,?\s+(?:và\s+)?)?làm việc với|(?:có|tổ chức) (?:các |những |)?"
    r"(?:buổi|cuộc) (?:làm việc|gặp|họp|hội đàm|tiếp xúc|gặp gỡ)(?: riêng| trực tuyến)? với|"
    r"họp trực tuyến với|gặp gỡ|gặp mặt|gặp|điện đàm với|điện đàm|thăm xã giao|chào xã giao|"
    r"thăm)(?!\w)"
)
_MEET_EN = re.compile(
    r"\b(?:met(?: with)?|meets(?: with)?|meet(?: with)?|meeting with|held (?:bilateral |separate )?(?:talks|a meeting|"  # noqa: E501
    r"meetings|a working session|working sessions|discussions)(?: in [A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})? with|"  # noqa: E501
    r"had (?:talks|a meeting|"
    r"meetings|a working session|working sessions|discussions) with|received|"
    r"hosted (?:talks|a meeting|meetings|discussions|a working session) with|hosted(?! by)|"
    r"(?<=to )visit|(?<=will )visit|"
    r"paid a courtesy (?:call|visit) (?:on|to)|called on|worked with|visited|toured|"
    r"held (?:a )?(?:phone|telephone|video|online) (?:talks|call|conversation|conference) with|"
    r"had (?:a )?(?:phone|telephone|video|online) (?:talks|call|conversation) with|"
    r"spoke by phone with)\b"
)
_OBJECT_END_VI = re.compile(
    r"[.;:]|\s(?:nhằm|để|về việc|nhân dịp|trong khuôn khổ|bàn về|trao đổi về|thảo luận|"
    r"hai bên|đánh giá|cảm ơn|khẳng định)(?!\w)"
)
_OBJECT_END_EN = re.compile(
    r"(?<!\b[A-Z])\.|[;:]|\s(?:to discuss|on the sidelines|during|as part of|where|in order|to|"
    r"on|about|and discussed|discussing|the two sides|including)\b"
)
_REMOTE = re.compile(r"điện đàm|trực tuyến|phone|video|(?<!courtesy )\bcall\b|online", re.I)
_HOST_VERB = re.compile(
    r"(?<!\w)(?:đã tiếp|tiếp xã giao|tiếp thân mật|"
    r"(?<!đón )[Tt]iếp(?!\s+(?:tục|cận|nhận|theo|xúc|đón|thu|sức|tế|giáp|nối|diễn|quản|đến|tới|"
    r"đó|cũng|sau))|"
    r"received|hosted)(?!\w)"
)


def _inside(m: Mention | PersonMention, spans: list[tuple[int, int]]) -> bool:
    a, b = (m.start, m.end)
    return any(x <= a and b <= y and (x, y) != (a, b) for x, y in spans)


def _person_extents(info: SentenceInfo) -> list[tuple[int, int]]:
    return [p.extent for p in info.people]


_NOUN_BEFORE = re.compile(
    r"(?:[Tt]ham dự|[Cc]hủ trì|[Ss]au|[Tt]ại|[Tt]rong|[Kk]ết thúc|[Bb]uổi|[Cc]uộc|[Bb]iên bản|"
    r"[Kk]ết quả|[Nn]ội dung|[Pp]hiên|[Mm]ở đầu|the|at the|after the|during the|of the)\s*$"
)


def _noun_usage(text: str, s: Sentence, m: re.Match[str]) -> bool:
    """ "Tham dự hội đàm có …", "Sau hội đàm", "Biên bản hội đàm": the talks as a thing
    already told, not a new meeting."""
    if _NOUN_BEFORE.search(text[max(s.start, m.start() - 20) : m.start()]):
        return not m.group().endswith("với")
    return bool(re.match(r"\s*(?:có|,|\.|;)", text[m.end() : m.end() + 4]))


# "Singapore's Minister for Home Affairs and Minister for Law K. Shanmugam": titles before a name
_TITLES_ONLY = re.compile(r"\s*(?:(?:[A-Z][\w'’.-]*|and|for|of|the|'s|,)\s*)*")


def _counterparts(
    text: str, info: SentenceInfo, start: int, language: str
) -> tuple[int, list[Mention | PersonMention]]:
    """Who is met after a meeting verb: persons, and organisations not named in a person's
    titles. Returns the end of the object and the counterparts in order."""
    s = info.sentence
    blocked = [(e.start, e.end) for e in info.orgs] + _person_extents(info)
    stop = _OBJECT_END_VI if language == "vi" else _OBJECT_END_EN
    end = s.end
    for m in stop.finditer(text, start, s.end):
        if not any(x < m.start() + 1 < y for x, y in blocked):
            end = m.start()
            break
    head = text[start:end]
    # an object must begin with who is met, not a clause
    lead = re.match(
        r"\s*(?:(?:the|các|những|với|cả|đại diện|lãnh đạo|officials? (?:of|from)|"
        r"representatives? of|leaders? of|đoàn đại biểu|Đoàn đại biểu|đoàn|Đoàn|"
        r"a delegation (?:of|from)|delegations? (?:of|from))\s+)*",
        head,
    )
    first = start + (lead.end() if lead else 0)
    out: list[Mention | PersonMention] = []
    extents = _person_extents(info)
    for p in info.people:
        if start <= p.start < end and p.person >= 0:  # a lone word nobody is named by is no one
            out.append(p)
    for o in info.orgs:
        if (  # noqa: SIM102
            start <= o.start < end
            and not _inside(o, extents)
            and o.org_kind not in ("programme", "joint")
        ):
            if not any(p.extent[0] <= o.start < p.extent[1] for p in info.people):
                out.append(o)
    out.sort(key=lambda x: x.start)
    if out and out[0].start > first + 60 and not _TITLES_ONLY.fullmatch(text[first : out[0].start]):
        return end, []
    # "Immigration Department under the Ministry of Public Security", "Cục …, Bộ Công an": the
    # ministry an agency belongs to is not met on its own
    kept: list[Mention | PersonMention] = []
    for cp in out:
        prev = kept[-1] if kept else None
        if isinstance(cp, PersonMention) and isinstance(prev, Mention) and prev.end <= cp.start:
            # "a delegation of the KNPA led by Cho Ji-ho", "the AFP Commissioner, Reece Kershaw":
            # the person speaks for the organisation met, not for a meeting of their own
            gap = text[prev.end : cp.extent[0]]
            if re.fullmatch(
                r"\s*(?:led by|headed by|do|,|[\w\s]{0,25},)\s*(?:[\w.]+\s+){0,3}", gap
            ):
                cp.organisation = cp.organisation or prev
                if cp.organisation is prev and prev.country:
                    # "Cục … thuộc Cảnh sát biển Trung Quốc do ông Lưu Chí Cường": a
                    # Sino-Vietnamese reading is no Vietnamese
                    cp.country = prev.country
                continue
        if _office_in_apposition(text, prev, cp):
            continue
        if _officials_of_parent(text, prev, cp):
            continue
        if isinstance(cp, Mention) and isinstance(prev, Mention) and prev.end <= cp.start:
            gap = text[prev.end : cp.start]
            if re.fullmatch(
                r"\s*(?:under|of|thuộc|trực thuộc|của|belonging to)\s+(?:the\s+)?", gap
            ):
                continue
            if (
                re.fullmatch(r"\s*,\s*", gap)
                and cp.org_kind == "ministry"
                and prev.org_kind not in ("ministry", "embassy")
                and prev.country == cp.country
                and text[cp.end : cp.end + 2].strip()[:1] in ("", ".", ";")
            ):
                continue
        kept.append(cp)
    return end, kept


def _office_in_apposition(
    text: str, prev: Mention | PersonMention | None, cp: Mention | PersonMention
) -> bool:
    """ "đồng chí X, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Y", "Z, director of the W": the
    organisation in the titles after a person met is their office, not a second counterpart."""
    if not (isinstance(prev, PersonMention) and isinstance(cp, Mention)) or cp.start < prev.end:
        return False
    gap = text[prev.end : cp.start]
    if not re.fullmatch(r"\s*,\s*[^,;.()]{0,40}(?:,\s*[^,;.()]{0,40})?", gap):
        return False
    if re.search(r"(?<!\w)(?:và|cùng|với|and|with|as well as)(?!\w)", gap):
        return False
    prev.organisation = prev.organisation or cp
    return True


# a clause that tells something else than the engagement: its places are not where it was
_SUBORDINATE = re.compile(
    r",\s+(?:as(?! well as| part of)|while|amid|although|even as|because)\s|"
    r"\b(?:before|after) (?:leaving|departing|heading|returning) (?:for|to)\b|\ben route to\b|"
    r"(?<!\w)(?:trước khi|sau khi) (?:rời|lên đường|trở về|về)(?!\w)|,\s+(?:trong khi|khi mà)\s"
)


def _place_candidates(text: str, info: SentenceInfo) -> list[Mention]:
    """Cities, venues and countries named as where something happens ("tại Canberra,
    Australia", "in Hanoi"), not inside the name of an organisation or a person's title."""
    blocked = [(o.start, o.end) for o in info.orgs] + _person_extents(info)
    out = []
    for p in info.places:
        if any(x <= p.start < y for x, y in blocked):
            continue
        if text[p.end : p.end + 2] in ("'s", "’s"):
            continue  # "Singapore's minister": whose, not where
        if _SUBORDINATE.search(text, info.sentence.start, p.start):
            continue  # "…, as Vietnamese arrested in Japan climb", "before leaving for Hue"
        before = text[max(info.sentence.start, p.start - 12) : p.start]
        prep = re.search(r"(?:tại|ở|in|at|đến|tới|to)\s+(?:thủ đô\s+|the\s+)?$", before)
        if p.kind in (CITY, VENUE) or prep:
            out.append(p)
    return out


def _officials_of_parent(
    text: str, prev: Mention | PersonMention | None, cp: Mention | PersonMention
) -> bool:
    """ "X, Director General of the Immigration Department, and officials of the Ministry of
    Public Security": the ministry's officials join the session with its agency."""
    if prev is None or not isinstance(cp, Mention) or cp.org_kind != "ministry":
        return False
    end = prev.extent[1] if isinstance(prev, PersonMention) else prev.end
    country = prev.country
    return (
        end <= cp.start
        and country == cp.country
        and bool(
            re.fullmatch(
                r",?\s*(?:and|và)\s+(?:other\s+|các\s+)?(?:officials|representatives|leaders|"
                r"members|officers|staff|cán bộ|đại diện|lãnh đạo)\s+(?:of|from|của)\s+(?:the\s+)?",
                text[end : cp.start],
            )
        )
    )


# --- the article --------------------------------------------------------------------------------


def analyse(text: str, layout: Layout, language: str, published: date | None) -> Analysis:
    story_end = layout.end_mark if layout.end_mark is not None else len(text)
    learnt = learn_abbreviations(text[:story_end])
    infos: list[SentenceInfo] = []
    for s in [x for x in layout.sentences if x.role in (BODY, CAPTION)]:
        places = find_places(text, s.start, s.end)
        orgs = find_organisations(text, language, s.start, s.end, learnt)
        people = find_people(text, s.start, s.end, language, orgs + places)
        dates = find_dates(text, language, s.start, s.end)
        infos.append(SentenceInfo(s, places, orgs, people, dates))
    _short_references(text, infos)
    persons, variants = merge([p for i in infos for p in i.people])
    for person in persons:
        # a short reference ("Hung", "Kershaw") is the person named in full elsewhere
        full = next((m for m in person.mentions if m.country), None)
        for m in person.mentions:
            if m.country is None and full is not None:
                m.country = full.country

    counts = Counter(
        c
        for i in infos
        for c in [e.key for e in i.places if e.kind == COUNTRY]
        + [o.country for o in i.orgs if o.country]
        + [p.country for p in i.people if p.country]
    )
    home = (
        HOME if counts.get(HOME) or language == "vi" else (counts.most_common(1) or [(HOME,)])[0][0]
    )
    foreign = next((c for c, _ in counts.most_common() if c != home), None)
    inferred = _resolve_generic_orgs(infos, persons, home, foreign, language)

    engagements = _find(text, infos, persons, language, home)
    for trip in attendance_trips(text, infos, engagements, home, language):
        _participants(text, trip.info, trip, language)  # its head: "do X làm Trưởng đoàn"
    _dates(engagements, infos, published, language)
    _trip_lengths(text, engagements)
    _days_told_later(engagements, published)
    _old_news(engagements, published)
    # added after the dates: the date phrases of its sentence tell the speaker's other news
    delegations_to_events(text, infos, engagements, language)
    _link(engagements)
    _places(text, engagements)
    _inherit_dates(engagements)
    _inherit_places(engagements)
    _place_from_story(engagements)
    _series(engagements)
    _countries(engagements, home)
    _own_missions(engagements)
    _roles_by_side(engagements)
    _head_from_sessions(engagements)
    _heads_in_parts(engagements)
    _lead_tells_first(engagements, infos)
    _topics(text, engagements, language)
    for e in engagements:
        e.organisations = _organisations(e)
    return Analysis(
        text, language, layout, infos, persons, variants, engagements, home, foreign, inferred
    )


def _short_references(text: str, infos: list[SentenceInfo]) -> None:
    """A person named in full once is later called by one word ("Kershaw", "Hung", "Quang"):
    find those words too, so the person is seen where the article refers to them."""
    full = [p for i in infos for p in i.people if not p.short]
    words = Counter(p.name.split()[-1] for p in {p.name: p for p in full}.values())
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
            p = PersonMention(a, b, text[a:b], extent=(a, b))
            info.people.append(p)
        info.people.sort(key=lambda p: p.start)


def _resolve_generic_orgs(
    infos: list[SentenceInfo], persons: list[Person], home: str, foreign: str | None, language: str
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
                if holder is not None:
                    foreign_name = (
                        not is_vietnamese_name(persons[holder.person].name)
                        if holder.person >= 0
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
                    country_inferred=o.key != "Ministry of Public Security" or code != home,
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


def _find(
    text: str, infos: list[SentenceInfo], persons: list[Person], language: str, home: str
) -> list[Engagement]:
    engagements: list[Engagement] = []
    main: Engagement | None = None
    visits: list[Engagement] = []
    groups = 0
    last_group: list[Engagement] = []
    focus: list[Engagement] = []
    held_cue = _re("triggers", language, "dialogue")
    past_cue = _re("past_context", language)
    planned_cue = _re("planned", language)
    meeting_words = word_regex(_cues()["meeting_words"][language], flags=re.I)
    visit_words = word_regex(_cues()["visit_words"][language], flags=0)

    for info in infos:
        s = info.sentence
        created: list[Engagement] = []
        referenced: list[Engagement] = []
        if s.role == CAPTION:
            # a caption illustrates the story: it adds an engagement only when it shows a
            # session the story does not tell, and that candidate is flagged for review
            for e in _caption_sessions(text, info, engagements, language):
                e.group = groups
                groups += 1
                engagements.append(e)
            continue

        # dialogues
        for dm in dialogue_mentions(text, info, language):
            if dm.mechanism:
                continue
            target = None
            if dm.session is not None:
                target = next(
                    (
                        e
                        for e in engagements
                        if e.kind == "dialogue" and e.session == dm.session and e.noun == dm.noun
                    ),
                    None,
                )
                if (
                    target is None
                    and main is not None
                    and main.session is None
                    and not main.context
                ):
                    target = main if not past_cue.search(s.text) else None
            elif main is not None and (dm.anaphoric or _same_core(dm.core, main.name_core)):
                target = main
            if target is not None:
                target.add(info)
                if target.name is None or (len(dm.core) > len(target.name_core) and dm.session):
                    target.name, target.name_core = dm.span, dm.core or target.name_core
                    target.pair = dm.pair or target.pair
                if target.session is None and dm.session is not None:
                    target.session, target.session_span = dm.session, dm.session_span
                referenced.append(target)
                continue
            if dm.noun == "conference" and not _international(info, dm, engagements, home):
                continue  # "Hội nghị Công an toàn quốc lần thứ 80", an unnumbered "Hội nghị"
            if not (held_cue.search(s.text) or info.dates or dm.session):
                continue
            e = _new_series_session(text, info, dm, main, past_cue, planned_cue)
            if main is None and not e.context and e.status == "held":
                main = e
            engagements.append(e)
            created.append(e)

        # visits (a trip to a country)
        for vm in (_VISIT_VI if language == "vi" else _VISIT_EN).finditer(text, s.start, s.end):
            after = text[vm.end() : s.end]
            if re.match(r"\s*,?\s*(?:làm việc )?với\b|\s*(?:with)\b", after) or any(
                0 <= o.start - vm.end() <= 1 for o in info.orgs
            ):
                continue  # "thăm, làm việc với …", "to visit the Traffic Police": a meeting
            dest = next(
                (
                    p
                    for p in info.places
                    if vm.end() <= p.start <= vm.end() + 3 and p.kind in (COUNTRY, CITY)
                ),
                None,
            )
            if re.search(r"(?:mời|lời mời|invit\w*)\b[^.;]{0,40}$", text[s.start : vm.start()]):
                continue  # an invitation to visit is no engagement until it has a date
            word = vm.group().split()[0].lower()
            anaphoric = dest is None and word in ("chuyến", "visit", "trip", "visits")
            if dest is None and not anaphoric:
                continue
            code = (
                dest.key
                if dest is not None and dest.kind == COUNTRY
                else (dest.country if dest else None)
            )
            earlier = bool(past_cue.search(s.text) and info.dates)  # another, earlier trip
            target = next((v for v in visits if code and v.place_country == code), None)
            target = None if earlier else target
            if target is None and dest is None:
                target = visits[-1] if visits else None
            if (
                target is None
                and dest is not None
                and code == home
                and language == "vi"
                and not _incoming(info, home)
            ):
                continue
            if target is not None:
                target.add(info)
                if target.destination is None and dest is not None:
                    target.destination, target.place_country = dest, code
                referenced.append(target)
                continue
            # the trip's words run to its destination: "visit to Vietnam from October 7 to 9"
            end = dest.end if dest is not None else vm.end()
            e = Engagement(
                "visit",
                info,
                (vm.start(), end, text[vm.start() : end]),
                destination=dest,
                place_country=code,
                implied=dest is None,
                pair=_delegation_countries(info, vm, code),
            )
            e.add(info)
            planned = planned_cue.search(text[max(s.start, vm.start() - 40) : vm.start()])
            if planned:
                e.status, e.status_cue = "planned", _span_of(text, s, planned)
            visits.append(e)
            engagements.append(e)
            created.append(e)

        # meetings: one per counterpart met
        new_group: list[Engagement] = []
        for mm in (_MEET_VI if language == "vi" else _MEET_EN).finditer(text, s.start, s.end):
            if any(c.trigger[0] <= mm.start() < c.trigger[1] for c in created):
                continue
            if (
                language == "vi"
                and mm.group() == "thăm"
                and not re.match(
                    r"\s+(?:Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán|trụ sở|Trụ sở)",
                    text[mm.end() :],
                )
            ):
                continue
            if _noun_usage(text, s, mm):
                continue
            end, cps = _counterparts(text, info, mm.end(), language)
            if (
                language == "en"
                and mm.group() in ("visited", "visit")
                and not any(isinstance(c, Mention) and c.org_kind for c in cps)
            ):
                continue
            for cp in cps:
                if isinstance(cp, PersonMention):
                    key: str | int = cp.person
                    org = cp.organisation
                else:
                    key, org = cp.key, cp
                    if (  # noqa: SIM102
                        cp.country == home
                        and cp.org_kind == "ministry"
                        and language == "vi"
                        and not _HOST_VERB.search(mm.group())
                    ):
                        # "làm việc với Bộ Công an" by a foreign delegation is fine; by the
                        # article's own delegation it is a reference to itself
                        if not any(p.country and p.country != home for p in info.people):
                            continue
                existing = next(
                    (
                        e
                        for e in engagements
                        if e.kind in ("meeting", "embassy_visit") and _cp_key(e) == key
                    ),
                    None,
                )
                if existing is None and org is not None:
                    # the organisation met earlier in a list, now with the person who received
                    # them: the same session, unless other people of ours were at each
                    existing = next(
                        (
                            x
                            for x in engagements
                            if x.kind == "meeting"
                            and x.counterpart_person is None
                            and x.counterpart is not None
                            and x.counterpart.key == org.key
                            and not _other_hosts(x, info, home)
                        ),
                        None,
                    )
                    if existing is not None:
                        existing.counterpart_person = cp.person
                        existing.info = info
                        existing.trigger = (mm.start(), mm.end(), mm.group())
                if existing is not None:
                    existing.add(info)
                    referenced.append(existing)
                    continue
                kind = (
                    "embassy_visit" if org is not None and org.org_kind == "embassy" else "meeting"
                )
                e = Engagement(kind, info, (mm.start(), mm.end(), mm.group()))
                e.remote = bool(_REMOTE.search(mm.group()))
                if isinstance(cp, PersonMention):
                    e.counterpart_person = cp.person
                    e.counterpart = cp.organisation
                else:
                    e.counterpart = cp
                    spokesman = next(
                        (
                            p
                            for p in info.people
                            if p.start > mm.end()
                            and p.organisation is not None
                            and p.organisation.start == cp.start
                            and p.person >= 0
                        ),
                        None,
                    )
                    if spokesman is not None:
                        e.counterpart_person = spokesman.person
                e.add(info)
                planned = planned_cue.search(text[max(s.start, mm.start() - 40) : mm.start()])
                if planned:
                    e.status, e.status_cue = "planned", _span_of(text, s, planned)
                e.group = groups
                engagements.append(e)
                created.append(e)
                new_group.append(e)
        told = [*_talks_between(text, info, home), *_briefings(text, info)]
        told = [e for e in told if not any(_cp_key(x) == _cp_key(e) for x in engagements)]
        told += reciprocal_meetings(text, info, engagements, created, language, home)
        meet = _MEET_VI if language == "vi" else _MEET_EN
        for e in told + unnamed_counterparts(text, info, created, language, meet, planned_cue):
            e.group = groups
            engagements.append(e)
            created.append(e)
            new_group.append(e)
        if new_group:
            groups += 1
            last_group = new_group

        # who took part, and in which role
        for e in created + referenced:
            _participants(text, info, e, language)

        # what the sentence is about, when it reports nothing new
        # an earlier or planned engagement, or a trip only alluded to, does not take over what
        # the story is about: the sentence still tells the current engagement
        live = [
            e
            for e in created + referenced
            if not e.context and e.status == "held" and not (e.implied and e in created)
        ]
        if not live:
            if dialogue_mentions(text, info, language) and main is not None and main not in created:
                live = [main]
            elif any(e.kind != "visit" for e in created):
                # the sentence tells a planned or past session: what it says was agreed may
                # still be the current session's topic, but its people are the other's
                for e in focus:
                    e.add(info)
                live = []
            elif meeting_words.search(s.text) and last_group:
                live = list(last_group)
            elif visit_words.search(s.text) and visits and visits[-1] not in created:
                live = [visits[-1]]
            else:
                live = list(focus)
            for e in live:
                e.add(info)
                _participants(text, info, e, language)
        sessions = [e for e in live if e.kind != "visit"]
        told_here = any(e.kind != "visit" for e in created)
        if live and not sessions and not told_here and any(f.kind != "visit" for f in focus):
            # a sentence about the trip itself ("Wray, who is on a visit, said …") still
            # tells the session being reported
            for f in focus:
                if f.kind != "visit":
                    f.add(info)
                    _participants(text, info, f, language)
        elif live:
            focus = sessions or live
    return engagements


def _international(
    info: SentenceInfo, dm: DialogueMention, engagements: list[Engagement], home: str
) -> bool:
    """A numbered conference worth a record: another country takes part (named in the sentence
    or the conference's name), or it is a later session of one that had."""
    if dm.session is None and not dm.pair:
        return False
    if any(e.kind == "dialogue" and e.noun == "conference" for e in engagements):
        return True
    return any(
        (x.key if x.kind == COUNTRY else x.country) not in (home, None)
        for x in [*info.places, *info.orgs]
    ) or any(p.country not in (home, None) for p in info.people)


def _new_series_session(
    text: str,
    info: SentenceInfo,
    dm: DialogueMention,
    main: Engagement | None,
    past_cue: re.Pattern[str],
    planned_cue: re.Pattern[str],
) -> Engagement:
    """A dialogue or numbered conference first named here: held, planned ("sẽ", a later
    session than the one reported) or mentioned for context (an earlier session)."""
    s = info.sentence
    e = Engagement(
        "dialogue",
        info,
        dm.span,
        name=dm.span,
        name_core=dm.core,
        pair=dm.pair,
        session=dm.session,
        session_span=dm.session_span,
        noun=dm.noun,
    )
    e.add(info)
    window = text[max(s.start, dm.span[0] - 50) : min(s.end, dm.span[1] + 90)]
    past = past_cue.search(window)
    planned = planned_cue.search(text[max(s.start, dm.span[0] - 60) : min(s.end, dm.span[1] + 30)])
    later = main is not None and dm.session and main.session and dm.session > main.session
    earlier = main is not None and dm.session and main.session and dm.session < main.session
    if main is not None and not planned and (past or earlier):
        e.context = True
        e.context_cue = _span_of(text, s, past) if past else dm.session_span
    elif planned or later:
        e.status = "planned"
        e.status_cue = _span_of(text, s, planned) if planned else dm.session_span
    return e


def _delegation_countries(
    info: SentenceInfo, vm: re.Match[str], destination: str | None
) -> list[tuple[str, Mention]]:
    """ "led a Thai police delegation to Vietnam": the country named in the delegation's words
    is the travellers'; so is the organisation whose trip it is ("chuyến thăm Việt Nam của Đoàn
    Tổng cục Cảnh sát quốc gia Hàn Quốc")."""
    found: list[tuple[str, Mention]] = [
        (p.key, p)
        for p in info.places
        if p.kind == COUNTRY and vm.start() <= p.start < vm.end() and p.key != destination
    ]
    text = info.sentence.text
    base = info.sentence.start
    for o in info.orgs:
        gap = text[vm.end() - base : o.start - base] if o.start >= vm.end() else ""
        own = re.fullmatch(r"\s*(?:\S+\s+){0,3}?(?:của|of|by)\s+(?:\S+\s+){0,3}", gap)
        if own and o.country and o.country != destination:
            found.append((o.country, o))
    return found


_AMBASSADOR = re.compile(r"\bAmbassador\b|(?<!\w)Đại sứ(?!\s+quán)", re.I)


def _own_missions(engagements: list[Engagement]) -> None:
    """A visiting delegation meeting its own country's ambassador ("also met with U.S.
    Ambassador X") visits its mission: an embassy visit with guests only, not a meeting with
    the host country."""
    for e in engagements:
        if e.kind != "meeting" or e.counterpart_person is None or e.host is None:
            continue
        part = e.participants.get(e.counterpart_person)
        ambassador = part.mention if part is not None else None
        if ambassador is None or ambassador.country is None or ambassador.country == e.host:
            continue
        title = next((t for t in ambassador.titles if _AMBASSADOR.search(t[2])), None)
        # an ambassador received by the host is a meeting; one met by a delegation of their
        # own country on its trip stands for their mission
        trip = e.parent
        if title is None or trip is None or ambassador.country not in trip.guests:
            continue
        owner, where = ambassador.country, e.host
        e.kind = "embassy_visit"
        e.counterpart = Mention(
            title[0],
            title[1],
            title[2],
            ORG,
            f"Embassy of {country(owner).name_en} in {country(where).name_en}",
            owner,
            None,
            "embassy",
            located=where,
            country_inferred=True,
        )
        e.counterpart_person = None
        part.role = "host"
        e.host, e.guests = None, [owner]


_BRIEF = re.compile(
    r"(?<!\w)(?:giới thiệu|thuyết trình|trình bày)(?:\s+với)?\s+(?:các đại biểu|đoàn|Đoàn)|\bbriefed\s+"  # noqa: E501
    r"(?:the\s+)?(?:delegation|delegates|visitors)"
)


_BETWEEN = re.compile(
    r"\b(?:talks|a meeting|meetings|discussions)\b[^.;]{0,40}?\bbetween\b|"
    r"(?<!\w)(?:cuộc hội đàm|buổi hội đàm|cuộc gặp|buổi làm việc)[^.;]{0,30}?(?<!\w)giữa(?!\w)"
)


def _talks_between(text: str, info: SentenceInfo, home: str) -> list[Engagement]:
    """ "after talks in Phnom Penh between A and B": a meeting of A and B."""
    out = []
    for m in _BETWEEN.finditer(text, info.sentence.start, info.sentence.end):
        sides = [p for p in info.people if p.start >= m.end() and p.person >= 0][:2]
        if len(sides) < 2:
            continue
        other = next((p for p in sides if p.country and p.country != home), sides[-1])
        e = Engagement("meeting", info, (m.start(), m.end(), m.group()))
        e.counterpart_person = other.person
        e.counterpart = other.organisation
        e.add(info)
        out.append(e)
    return out


def _briefings(text: str, info: SentenceInfo) -> list[Engagement]:
    """An official presenting their agency to the delegation: a meeting with that agency."""
    out = []
    for m in _BRIEF.finditer(text, info.sentence.start, info.sentence.end):
        speakers = [p for p in info.people if p.end <= m.start() and p.organisation is not None]
        if not speakers:
            continue
        p = speakers[-1]
        e = Engagement("meeting", info, (m.start(), m.end(), m.group()))
        e.counterpart, e.counterpart_person = p.organisation, None
        e.participants[p.person] = Participation(
            p.person, p, "speaker", (m.start(), m.end(), m.group())
        )
        e.add(info)
        out.append(e)
    return out


def _caption_sessions(
    text: str, info: SentenceInfo, engagements: list[Engagement], language: str
) -> list[Engagement]:
    known = {_cp_key(e) for e in engagements} | {
        e.counterpart.key for e in engagements if e.counterpart is not None
    }
    out = []
    for e in _briefings(text, info):
        if _cp_key(e) not in known and e.counterpart is not None:
            e.caption = True  # type: ignore[attr-defined]
            out.append(e)
    return out


def _other_hosts(e: Engagement, info: SentenceInfo, home: str) -> bool:
    """Whether the home side's people at `e` differ from those in this sentence."""
    ours = {p.person for p in e.participants.values() if p.mention.country == home}
    here = {p.person for p in info.people if p.country == home}
    return bool(ours and here and not ours & here)


def _incoming(info: SentenceInfo, home: str) -> bool:
    """A delegation from abroad visiting the home country."""
    return any(p.country and p.country != home for p in info.people) or any(
        o.country and o.country != home for o in info.orgs
    )


def _same_core(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a.lower() in b.lower() or b.lower() in a.lower())


_cp_key = counterpart_key


def _span_of(text: str, s: Sentence, m: re.Match[str] | None) -> Span | None:
    if m is None:
        return None
    # matches come from a slice of the text; find the phrase in the sentence
    at = text.find(m.group(), s.start, s.end)
    return (at, at + len(m.group()), m.group()) if at >= 0 else None


_PREDECESSOR = re.compile(r"['’]s\s+(?:predecessor|successor|predecessors)\b|\s+tiền nhiệm\b")


def _participants(text: str, info: SentenceInfo, e: Engagement, language: str) -> None:
    """Roles of the persons of a sentence in an engagement it reports or refers to."""
    s = info.sentence
    if not info.people:
        return
    roles = _roles_re()
    sentence_meetings = e.kind in ("meeting", "embassy_visit")
    for p in info.people:
        if p.person < 0 or _PREDECESSOR.match(text, p.end):
            continue  # "Tsuyuki's predecessor visited Hanoi": someone else
        if sentence_meetings and e.info is info:
            # in a list of meetings a counterpart person belongs to its own meeting only
            between = re.search(r"between|giữa", e.trigger[2])
            if p.start > e.trigger[1] and e.counterpart_person != p.person and not between:
                continue
        role, cue = "attendee", None
        before = text[s.start : p.start]
        after = text[p.end : s.end]
        co = roles["co_chair"]
        m_before = list(co.finditer(before))
        m_after = co.search(after)
        if m_after and not re.search(r"\bby\b", text[s.start : p.start][-40:] or ""):
            role, cue = "co_chair", _abs(p.end, m_after)
        elif m_before and re.search(r"\bby\b", before[m_before[-1].end() :]):
            role, cue = "co_chair", _abs(s.start, m_before[-1])
        elif re.search(
            r"(?:dưới sự|under the)\s+(?:đồng\s+)?(?:chủ trì|chairmanship|co-chairmanship)\s+(?:của|of)\s",  # noqa: E501
            before,
        ):
            m = re.search(
                r"(?:dưới sự|under the)\s+(?:đồng\s+)?(?:chủ trì|chairmanship|co-chairmanship)",
                before,
            )
            chairs = [q for q in info.people if q.start > s.start + m.end()]
            role = "co_chair" if len({q.person for q in chairs}) > 1 else "chair"
            cue = (s.start + m.start(), s.start + m.end(), m.group())
        elif roles["chair"].search(after) and e.kind == "dialogue":
            m = roles["chair"].search(after)
            role, cue = "chair", _abs(p.end, m)
        elif e.kind == "meeting" and (m := _chairs_right_after(text, p, info, roles["chair"])):
            role, cue = "chair", (m.start(), m.end(), m.group())  # "X, Phó Cục trưởng, chủ trì"
        elif re.search(
            r"(?:\bdo\b|led by|headed by)[^.]{0,12}$", text[s.start : min(p.start, p.extent[0])]
        ) and roles["delegation_head"].search(after):
            m = roles["delegation_head"].search(after)
            role, cue = "delegation_head", _abs(p.end, m)
        elif re.search(r"(?:led by|headed by)\s*(?:\S+\s+){0,6}$", before):
            m = re.search(r"(?:led by|headed by)", before)
            role, cue = "delegation_head", (s.start + m.start(), s.start + m.end(), m.group())
        elif (hv := _HOST_VERB.search(text, s.start, s.end)) and e.kind == "meeting":
            fronted = hv.start() - s.start < 3 and "," in text[hv.end() : p.start]
            role = "host" if p.start < hv.start() or fronted else "guest"
            cue = (hv.start(), hv.end(), hv.group())
        elif _CHAIRS_A_SIDE.search(before[-80:]):
            pass  # "Tham dự và chủ trì hội đàm về phía tỉnh X có …": the side decides the role
        elif roles["attendee"].search(before) or roles["attendee"].search(after[:30]):
            m = roles["attendee"].search(before) or roles["attendee"].search(after[:30])
            role = "attendee"
            base = s.start if roles["attendee"].search(before) else p.end
            cue = _abs(base, m)
        elif not e.remote and (
            roles["speaker"].search(before[-60:]) or roles["speaker"].search(after[:25])
        ):
            role = "speaker"
        if not _may_take_part(e, p.person, role):
            continue  # who talks of a planned or past engagement did not take part in it
        prior = e.participants.get(p.person)
        if prior is not None and {prior.role, role} == {"host", "guest"}:
            continue  # a side is told once ("đã tiếp ông X"); "thanked Y for receiving" later
        if prior is None or ROLE_RANK.index(role) > ROLE_RANK.index(prior.role):
            e.participants[p.person] = Participation(p.person, p, role, cue)


# "chủ trì hội đàm về phía tỉnh Quảng Trị có …", "chaired for the Thai side": who leads a side
_CHAIRS_A_SIDE = re.compile(
    r"(?:chủ trì|chaired|co-chaired)[^.;]{0,30}?(?:về phía|phía|for the|on the)\s[^.;]{0,40}$",
    re.I,
)


def _chairs_right_after(
    text: str, p: PersonMention, info: SentenceInfo, chair: re.Pattern[str]
) -> re.Match[str] | None:
    """ "X, Phó Cục trưởng Cục Cảnh sát hình sự chủ trì cuộc họp": a chair verb right after the
    person, their titles and the organisation those name."""
    m = chair.search(text, p.extent[1], min(info.sentence.end, p.extent[1] + 80))
    if m is None:
        return None
    gap = text[p.extent[1] : m.start()]
    for o in info.orgs:
        if p.extent[1] <= o.start and o.end <= m.start():
            gap = gap.replace(o.text, " ")
    return m if not gap.strip(" ,") else None


def _may_take_part(e: Engagement, person: int, role: str) -> bool:
    if not e.context and e.status == "held":
        return True
    return role in ("co_chair", "chair", "delegation_head") or person == e.counterpart_person


def _abs(base: int, m: re.Match[str]) -> Span:
    return (base + m.start(), base + m.end(), m.group())


_DURING_TRIP = re.compile(
    r"\b(?:during|in the course of) (?:his|her|their|the) (?:stay|visit|trip)\b|(?<!\w)(?:trong "
    r"(?:thời gian|dịp|chuyến) (?:ở|thăm|công tác|lưu lại))(?!\w)",
    re.I,
)


def _link(engagements: list[Engagement]) -> None:
    """A session reported within a trip is part of it: in the same sentence as the trip, or in
    the trip's country while the trip is being told."""
    visits = [e for e in engagements if e.kind == "visit" and not e.context]
    for e in engagements:
        if e.kind == "visit" or e.context:
            continue
        same = [v for v in visits if v.info is e.info or any(i is e.info for i in v.sentences)]
        if not same and _DURING_TRIP.search(e.info.sentence.text):
            # "During his stay, the minister is also scheduled to visit …": the trip told before
            same = [v for v in visits if v.start < e.start][-1:]
        if e.status == "planned" and not same:
            continue  # a planned session belongs to a trip only where the text says so
        if same:
            e.parent = same[0]
            m = re.search(
                r"(?:trong khuôn khổ|nhân dịp|during|as part of|on the sidelines of)[^,]{0,60}(?:chuyến|visit|trip)[^,]*",  # noqa: E501
                e.info.sentence.text,
                re.I,
            )
            if m:
                a = e.info.sentence.start + m.start()
                e.part_cue = (a, a + len(m.group()), m.group())
            else:
                e.part_cue = same[0].trigger
            continue
        # the one trip told, or of several the one whose days hold the session's
        fits = visits if len(visits) == 1 else [v for v in visits if _within(e, v)]
        if len(fits) == 1:
            v = fits[0]
            e._pending_parent = v  # decided once places are known  # type: ignore[attr-defined]


def _within(e: Engagement, trip: Engagement) -> bool:
    """The session's dates fall within the trip's, both known to the day."""
    r, t = e.resolved, trip.resolved
    if r is None or t is None or None in (r.start, r.end, t.start, t.end):
        return False
    return t.start <= r.start and r.end <= t.end  # type: ignore[operator]


def _signed_then(group: list[Engagement], d: DateMention) -> bool:
    """ "A and B signed a plan in Vientiane on May 6": the signing is the meeting, dated so."""
    return any(
        e.trigger[2].startswith("signed") and 0 <= d.start - e.trigger[1] <= 60 for e in group
    )


def _dates(
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
        pairs = sorted(
            (
                (_distance(e.trigger, d), i, j)
                for i, d in enumerate(inner)
                for j, e in enumerate(group)
            ),
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
    lead_date = next((d for i in infos[:1] for d in i.dates if not d.excluded), None)
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


def _trip_lengths(text: str, engagements: list[Engagement]) -> None:
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


def _days_told_later(engagements: list[Engagement], published: date | None) -> None:
    """ "Sáng 22/5, … khai mạc Hội nghị" then "Trong 2 ngày 22 và 23/5, các đoàn …": a day
    opening an engagement whose days a later sentence of it gives spans those days."""
    for e in engagements:
        r = e.resolved
        if r is None or r.start is None or r.precision != "day" or e.kind == "visit":
            continue
        for info in e.sentences:
            if info is e.info:
                continue
            for d in info.dates:
                if d.excluded or d.end_day is None:
                    continue
                later = resolve(d, published)
                if later.start == r.start and later.end and later.end > r.start:
                    e.date, e.resolved = d, later
                    break


def _inherit_dates(engagements: list[Engagement]) -> None:
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


def _places(text: str, engagements: list[Engagement]) -> None:
    by_sentence: dict[int, list[Engagement]] = {}
    for e in engagements:
        by_sentence.setdefault(e.info.sentence.start, []).append(e)
    for group in by_sentence.values():
        info = group[0].info
        candidates = _place_candidates(text, info)
        for p in candidates:
            lead = p.start - info.sentence.start < 40
            if lead and len(group) > 1:
                targets = [e for e in group if e.place_span is None and e.kind != "visit"]
            else:
                eligible = [
                    e for e in group if not (e.kind == "visit" and e.destination is not None)
                ] or group
                targets = [min(eligible, key=lambda e: abs(e.trigger[0] - p.start))]
            for e in targets:
                if e.kind == "visit" and e.destination is not None:
                    continue
                parted = e.kind in ("meeting", "embassy_visit") and e.parent is not None
                if parted and not lead and p.kind == COUNTRY:
                    continue  # the trip's country, said of the trip
                _set_place(e, p)
    for e in engagements:
        if e.kind == "visit" and e.destination is not None:
            _set_place(e, e.destination)
        if e.kind == "embassy_visit" and e.counterpart is not None and e.counterpart.located:
            e.city = None
            if e.counterpart.city:
                e.city = Mention(
                    e.counterpart.start,
                    e.counterpart.end,
                    e.counterpart.text,
                    CITY,
                    e.counterpart.city,
                    e.counterpart.located,
                )
            e.place_country = e.counterpart.located
            e.place_span = e.counterpart
        pending = getattr(e, "_pending_parent", None)
        if pending is not None and e.parent is None:  # noqa: SIM102
            if (
                e.place_country is None
                or e.place_country == pending.place_country
                or pending.place_country is None
            ):
                within = True
                if e.resolved and pending.resolved and e.resolved.start and pending.resolved.start:
                    within = pending.resolved.start <= e.resolved.start <= pending.resolved.end  # type: ignore[operator]
                if within and _involves_travellers(e, pending):
                    e.parent, e.part_cue = pending, pending.trigger


def text_before_trigger(e: Engagement) -> str:
    s = e.info.sentence
    return s.text[: max(0, e.trigger[0] - s.start)]


_BARE_TITLE_SUBJECT = re.compile(
    r"(?:^|,\s)(?:Thứ trưởng|Bộ trưởng|Trưởng đoàn|Đại sứ|[Tt]he (?:deputy |vice )?minister|"
    r"[Tt]he (?:head of (?:the )?delegation|delegation head))\s+(?:(?:đã|cũng|also|then)\s+)*$"
)


def _involves_travellers(e: Engagement, trip: Engagement) -> bool:
    """A session told while a trip is told is part of it when the travellers are there, or
    when it is with the host country's own agencies (the travellers' programme)."""
    travellers = {p.mention.country for p in trip.participants.values() if p.mention.country}
    travellers.discard(trip.place_country)
    if not travellers or trip.place_country is None:
        return True
    before = text_before_trigger(e)
    if re.search(r"(?:^|\W)(?:Đoàn|đoàn|[Tt]he delegation|[Tt]he visitors?)\b", before) or re.match(
        r"\s*(?:He|She|They|Ông|Bà)\b", before
    ):
        return True  # "Đoàn đã làm việc với …", "He also met …": the travellers
    if _BARE_TITLE_SUBJECT.search(before):
        return True  # "Cùng ngày, Thứ trưởng đã gặp …": the trip's head, by title alone
    here = {p.mention.country for p in e.participants.values() if p.mention.country}
    if e.counterpart is not None and e.counterpart.country:
        here.add(e.counterpart.country)
    if here & travellers or not e.participants:
        return True
    return e.counterpart is not None and e.counterpart.country == trip.place_country


def _inherit_places(engagements: list[Engagement]) -> None:
    for v in engagements:
        if v.kind == "visit" and v.place_country is None:
            parts = [e.place_country for e in engagements if e.parent is v and e.place_country]
            if parts:
                v.place_country, v.place_origin = Counter(parts).most_common(1)[0][0], "parts"
    for e in engagements:
        if e.place_country is None and e.parent is not None and e.parent.place_country:
            e.place_country, e.place_origin = e.parent.place_country, "parent"
            e.place_span = e.parent.place_span
        trip = e.parent
        if (
            e.city is None
            and trip is not None
            and trip.city is not None
            and e.place_country in (None, trip.place_country)
            and e.kind == "meeting"
        ):
            # a trip to one city ("visited Hanoi January 14-16"): its sessions were there
            e.city, e.place_origin = trip.city, "parent"
            e.place_country = e.place_country or trip.place_country


def _set_place(e: Engagement, p: Mention) -> None:
    if p.kind in (CITY, VENUE):
        if e.city is None:
            e.city = p
            e.place_country = e.place_country or (p.located if p.kind == VENUE else p.country)
            e.place_span = e.place_span or p
    elif e.place_country is None:
        e.place_country = p.key
        e.place_span = p


def _place_free_countries(info: SentenceInfo) -> list[Mention]:
    """Countries a sentence names as actors, not inside an organisation's name or a title,
    and not as where something happened."""
    blocked = [(o.start, o.end) for o in info.orgs] + [p.extent for p in info.people]
    out = []
    text = info.sentence.text
    for c in info.places:
        if c.kind != COUNTRY or any(x <= c.start < y for x, y in blocked):
            continue
        before = text[max(0, c.start - info.sentence.start - 8) : c.start - info.sentence.start]
        if re.search(r"(?:tại|ở|in|to|at)\s+(?:the\s+)?$", before):
            continue
        out.append(c)
    return out


def _countries(engagements: list[Engagement], home: str) -> None:
    # trips first: their sessions take the trip's guests
    for e in sorted(engagements, key=lambda e: e.kind != "visit"):
        found: dict[str, Mention] = {}
        for code, m in e.pair:
            found.setdefault(code, m)
        for part in e.participants.values():
            if part.mention.country:
                found.setdefault(part.mention.country, part.mention.organisation or part.mention)  # type: ignore[arg-type]
        if e.counterpart is not None and e.counterpart.country:
            found.setdefault(e.counterpart.country, e.counterpart)
        if e.kind == "dialogue" and not e.pair:
            for c in _place_free_countries(e.info):
                found.setdefault(c.key, c)
        if e.kind == "dialogue":
            for o in e.info.orgs:
                if o.country and o.org_kind != "programme":
                    found.setdefault(o.country, o)
        if e.parent is not None:
            for g in e.parent.guests:
                if g in e.parent.country_spans:
                    found.setdefault(g, e.parent.country_spans[g])
        if e.kind == "visit" and not found:
            found[home] = e.destination  # type: ignore[assignment]
        if e.inherits is not None and not e.pair:
            for code, m in e.inherits.country_spans.items():
                found.setdefault(code, m)
        host = None if e.remote else e.place_country
        if e.kind == "embassy_visit" and e.counterpart is not None:
            owner = e.counterpart.country
            visitors = [c for c in found if c != owner] or [home]
            host = owner if owner and owner not in visitors else None
            e.host, e.guests = host, visitors
        else:
            hv = [p for p in e.participants.values() if p.role == "host" and p.mention.country]
            if host is None and hv:
                host = hv[0].mention.country
            e.host = host
            e.guests = [c for c in found if c != host]
            if e.kind == "visit" and not e.guests and host != home:
                e.guests = [home]
        e.country_spans = found
        others = [c for c in [e.host, *e.guests] if c and c != home]
        for part in e.participants.values():
            m = part.mention
            if m.country is None and len(set(others)) == 1 and not is_vietnamese_name(m.name):
                m.country = others[0]
        if e.kind == "visit":
            # a trip's record names who travelled; their hosts are in its sessions' records
            # (not the hosts, nor an ambassador of theirs met there: he lives there)
            e.participants = {
                k: p
                for k, p in e.participants.items()
                if p.mention.country in (*e.guests, None) and not _is_mission_head(p.mention)
            }


def _lead_tells_first(engagements: list[Engagement], infos: list[SentenceInfo]) -> None:
    """A lead that reports no engagement itself ("The AFP and the MPS have renewed their
    commitment to combat organised crime, signing …") sums up the first session told after it:
    its topics are that session's."""
    if not infos or any(e.info is infos[0] for e in engagements):
        return
    first = next(
        (e for e in engagements if e.kind != "visit" and not e.context and e.status == "held"),
        None,
    )
    if first is not None:
        first.add(infos[0])


def _topics(text: str, engagements: list[Engagement], language: str) -> None:
    for e in engagements:
        if e.context or e.status != "held":
            continue  # what was discussed belongs to what was held, not to what is mentioned
        if e.kind == "visit" and any(x.parent is e for x in engagements):
            continue  # a trip's talks are its sessions'
        masked = []
        for info in e.sentences:
            masked += [(o.start, o.end) for o in info.orgs]
            masked += [(p.extent[0], p.extent[1]) for p in info.people]
        masked += [(x.name[0], x.name[1]) for x in engagements if x.name]
        seen: set[str] = set()
        for info in e.sentences:
            for t in find_topics(text, info.sentence.start, info.sentence.end, masked):
                if t.key not in seen:
                    seen.add(t.key)
                    e.topics.append(t)


def _organisations(e: Engagement) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for part in sorted(e.participants.values(), key=lambda p: p.mention.start):
        o = part.mention.organisation
        if o is not None and o.org_kind not in ("programme", "joint"):
            out.setdefault(o.key, o)
    if e.counterpart is not None:
        out.setdefault(e.counterpart.key, e.counterpart)
    if e.kind == "dialogue":
        for info in e.sentences:
            for o in info.orgs:
                if (o.org_kind != "programme" and o.country is not None) or o.org_kind == "joint":
                    out.setdefault(o.key, o)
    return out


def country_code(alias: str) -> str | None:
    return country_aliases().get(alias)


__all__ = ["ORG", "Analysis", "Engagement", "analyse"]


def _series(engagements: list[Engagement]) -> None:
    """A dialogue named in short ("Đối thoại lần thứ hai", "the first dialogue") is a session
    of the series the article names in full."""
    dialogues = [e for e in engagements if e.kind == "dialogue"]
    named = sorted(
        (e for e in dialogues if e.pair),
        key=lambda e: (e.context, e.status != "held", e.start),
    )
    for e in dialogues:
        if e.pair:
            continue
        source = next(
            (n for n in named if not e.name_core or _same_core(e.name_core, n.name_core)), None
        )
        if source is None:
            source = next((n for n in dialogues if n is not e and not n.context), None)
            if source is None:
                continue
        e.pair = list(source.pair)
        e.name_core = e.name_core or source.name_core
        e.inherits = source


_MISSION_HEAD = re.compile(
    r"\bAmbassador\b|\bConsul\b|Consul[- ]General|(?<!\w)Đại sứ(?! quán)|(?<!\w)Tổng Lãnh sự"
    r"(?! quán)|(?<!\w)Lãnh sự(?! quán)|Chargé d'affaires|Đại biện",
    re.I,
)


def _heads_mission(m: PersonMention, e: Engagement) -> bool:
    """An ambassador or consul of the mission's country at an embassy visit."""
    owner = e.counterpart.country if e.counterpart is not None else None
    return m.country in (owner, None) and _is_mission_head(m)


def _is_mission_head(m: PersonMention) -> bool:
    """An ambassador, consul or chargé d'affaires, by their titles."""
    return any(_MISSION_HEAD.search(t[2]) for t in m.titles)


def _leads_the_hosts(part: Participation, e: Engagement) -> bool:
    """A session's "led by" who belongs to the host country leads the side receiving the trip."""
    trip = e.parent
    return (
        part.role == "delegation_head"
        and e.kind == "meeting"
        and trip is not None
        and e.host is not None
        and part.mention.country == e.host
        and e.host not in trip.guests
    )


def _roles_by_side(engagements: list[Engagement]) -> None:
    """A person with no stated role takes the side they are on: in a meeting or embassy visit the
    host country's people host and the others are guests; a trip's first traveller leads it."""
    for e in engagements:
        for part in e.participants.values():
            if _leads_the_hosts(part, e):
                part.role = "host"  # "… the Consular Department, led by Director General X"
            if part.role not in ("attendee", "speaker") or e.kind == "dialogue":
                continue
            if part.cue is not None or e.remote:
                continue  # a role the text states ("tham dự", "phát biểu") stands
            c = part.mention.country
            if e.kind == "visit":
                continue
            if e.kind == "embassy_visit" and _heads_mission(part.mention, e):
                part.role = "host"  # the ambassador receives the delegation at the mission
            elif c and c == e.host:
                part.role = "host"
            elif c and c in e.guests:
                part.role = "guest"
        if e.kind == "visit" and not any(
            p.role == "delegation_head" for p in e.participants.values()
        ):
            travellers = [p for p in e.participants.values() if p.mention.country in e.guests]
            if travellers:
                first = min(travellers, key=lambda p: p.mention.start)
                first.role = "delegation_head"


def _head_from_sessions(engagements: list[Engagement]) -> None:
    """A trip told without its head ("bắt đầu chuyến thăm …") is led by whoever leads the
    travellers at its sessions, or by its one visitor there; the head's country is then among
    its guests."""
    for trip in engagements:
        if trip.kind != "visit" or any(
            p.role == "delegation_head" for p in trip.participants.values()
        ):
            continue
        heads = [
            p
            for e in engagements
            if e.parent is trip and not e.context
            for p in e.participants.values()
            if p.role == "delegation_head"
            and p.mention.country
            and p.mention.country != trip.place_country
            and (not trip.guests or p.mention.country in trip.guests)
        ]
        if not heads:
            # else the one visitor received at its sessions ("Wang held talks with Quang")
            guests = {
                p.person: p
                for e in engagements
                if e.parent is trip and not e.context
                for p in e.participants.values()
                if p.role == "guest" and p.mention.country and p.mention.country in trip.guests
            }
            heads = list(guests.values()) if len(guests) == 1 else []
        if not heads:
            continue
        first = min(heads, key=lambda p: p.mention.start)
        trip.participants[first.person] = Participation(
            first.person, first.mention, "delegation_head", first.cue
        )
        if not trip.guests:
            trip.guests = [first.mention.country]


def _heads_in_parts(engagements: list[Engagement]) -> None:
    """Whoever leads the trip leads the delegation at each of its sessions too."""
    for e in engagements:
        if e.parent is None or e.kind == "dialogue":
            continue
        heads = [p for p in e.parent.participants.values() if p.role == "delegation_head"]
        for part in e.participants.values():
            if any(h.person == part.person for h in heads) and part.role in (
                "attendee",
                "speaker",
                "guest",
                "host",
            ):
                part.role = "delegation_head"
        # the delegation's own people (their ambassador, met there, is not of the delegation)
        ours = [
            p
            for p in e.participants.values()
            if p.mention.country in e.parent.guests and not _is_mission_head(p.mention)
        ]
        if not ours:
            # "Đoàn đã làm việc với …": the delegation, led by the trip's head
            for h in heads:
                e.participants.setdefault(
                    h.person, Participation(h.person, h.mention, "delegation_head", None, True)
                )
                c = h.mention.country
                if c and c != e.host and c not in e.guests and not e.remote:
                    e.guests.append(c)  # the delegation's side


def _old_news(engagements: list[Engagement], published: date | None) -> None:
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
                k: v for k, v in e.participants.items() if _may_take_part(e, k, v.role)
            }
            p = e.parent.resolved if e.parent is not None else None
            if p is None or p.start is None or not (p.start <= r.start <= p.end):  # type: ignore[operator]
                e.parent = None
            continue
        if (published - r.end).days > 90:
            e.context = True
            e.context_cue = (e.date.start, e.date.end, e.date.phrase) if e.date else None
            e.parent = None
            _forget_sentence(engagements, e)


def _place_from_story(engagements: list[Engagement]) -> None:
    """A meeting told without a place ("Trước đó, chiều 6/11, … làm việc với Cơ quan Cảnh sát
    quốc gia Nhật Bản") took place where the story's engagements of those days did, when that is
    the country of the organisation met."""
    placed = [e for e in engagements if e.place_country and e.resolved and e.resolved.start]
    for e in engagements:
        if e.kind != "meeting" or e.place_country or e.remote or e.counterpart is None:
            continue
        r = e.resolved
        if r is None or r.start is None:
            continue
        near = [
            x
            for x in placed
            if abs((x.resolved.start - r.start).days) <= 7  # type: ignore[union-attr,operator]
            and x.place_country == e.counterpart.country
        ]
        if near:
            e.place_country, e.place_origin = near[0].place_country, "story"


def _forget_sentence(engagements: list[Engagement], past: Engagement) -> None:
    """The sentence telling a past engagement tells nothing of the others: it gives them no
    people and no topics."""
    s = past.info.sentence
    for e in engagements:
        if e is past or e.info is past.info:
            continue
        e.sentences = [i for i in e.sentences if i.sentence.start != s.start]
        e.participants = {
            k: v for k, v in e.participants.items() if not s.start <= v.mention.start < s.end
        }
