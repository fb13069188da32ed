"""The headline and the lead as a last reading: a page from which the sentence loop drafted no
engagement of its own still tells one when its headline or lead names an engagement's cue and
two sides.

A page cut from the middle of its article ("Tại buổi hội đàm, …"), a conference of two
provinces' police told by its noun, or two agencies named only in the headline give the
sentence loop no verb with its object; the headline says what happened ("Công an tỉnh A hội
đàm với Công an tỉnh B", "Deputy Minister hosts the departing envoy") and the lead who, when
and where. The engagement drafted from them is flagged for review (`lead-inferred`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from timeline.extract import languages
from timeline.extract.dates import find_dates, resolve
from timeline.extract.gazetteer import CITY, COUNTRY, Mention, find_organisations, find_places
from timeline.extract.lexicon import alternation, cues, word_regex
from timeline.extract.model import Analysis, Engagement, SentenceInfo, Span, another_time
from timeline.extract.passes import dating
from timeline.extract.passes.engagements import COURSE_BEGUN
from timeline.extract.passes.participants import add_participants
from timeline.extract.passes.series import told_to_come
from timeline.extract.people import PersonMention
from timeline.extract.segment import BODY, BYLINE, CAPTION, HEADLINE

# the lead: the story's first sentences, where a news page says who met whom, when and where
# (a page whose first line is its title in a paragraph of its own has its lead in the next)
LEAD_SENTENCES = 3


# "Tại hội nghị, …", "At the meeting, …": a sentence opening on the engagement's noun
_AT = re.compile(
    r"(?:Tại|Trong|Phát biểu tại|At|During|Speaking at)\s+(?:the\s+|buổi\s+|cuộc\s+)?", re.I
)
# a host's verbs among the cues: its subject receives the other side
_HOSTS = re.compile(
    r"(?:đã\s+)?(?:tiếp|đón|tổ chức đón)(?:\s.*)?|"
    r"receive[sd]?|welcome[sd]?|greet(?:s|ed)|host(?:s|ed)",
    re.I,
)
_SINCE = re.compile(r"(?<!\w)(?:từ sau|kể từ|since)\s+(?:the\s+|kỳ\s+|buổi\s+|cuộc\s+)?$", re.I)
# "hai nước", "the two sides": the lead says the engagement had two sides without naming them
_TWO_SIDES = re.compile(
    r"(?<!\w)(?:hai|2) (?:nước|bên|Bộ|bộ|lực lượng|tỉnh)(?!\w)|\b(?:the two|both) "
    r"(?:sides|countries|ministries|agencies|forces)\b|\bbilateral\b"
)


@dataclass(frozen=True, slots=True)
class Lead:
    """The page's headlines (read here: the sentence loop does not read them) and its lead."""

    heads: list[SentenceInfo]
    lead: list[SentenceInfo]

    @property
    def pieces(self) -> list[SentenceInfo]:
        return self.lead + self.heads


@dataclass(frozen=True, slots=True)
class Cue:
    """An engagement's word in the headline or the lead, and the kind it tells."""

    info: SentenceInfo
    start: int
    end: int
    kind: str  # meeting, visit, dialogue


@cache
def _bodies() -> re.Pattern[str]:
    return word_regex(cues()["lead_cues"]["bodies"])


@cache
def _cue_regex(language: str) -> dict[str, re.Pattern[str]]:
    table = cues()["lead_cues"][language]
    return {
        kind: re.compile(rf"(?<!\w)(?:{alternation(words, escape=False)})(?!\w)", re.I)
        for kind, words in table.items()
    }


def lead_engagement(a: Analysis) -> None:
    """When nothing held was drafted, the engagement the headline and lead tell, if they name
    a cue and two sides."""
    held = [e for e in a.engagements if e.status == "held" and not e.context and not _allusion(e)]
    if any(e.kind != "visit" for e in held):
        return
    lead = _lead(a)
    cue = _cue(a, lead)
    if cue is None or (held and _framed(a, cue, lead)):
        # (a lead telling no session, or only a gathering the trip attended: a photo of the
        # traveller with a host official is a session of the trip all the same, x-vi7 page 001)
        lead, cue = _captioned_session(a, lead, bare=bool(held))
        if cue is not None and held:
            if not _session_of_a_trip(a, cue, held):
                return
            held = []
    if cue is None or _framed(a, cue, lead):
        return
    if held and (
        a.language != "vi"  # (an English airport welcome after the arrival is no reception)
        or cue.kind != "meeting"
        or _TRIP_WORD.search(a.text, cue.start, cue.end)
        or not any(cue.info is i for e in held for i in e.sentences)
    ):
        # a trip drafted with none of its sessions: the reception its own sentence tells may be
        # one ("đã tổ chức đón đoàn … sang Việt Nam"); the trip is already drafted
        return
    sides = _sides(lead, a.home, a.layout.tag) or _two_sides(a, lead)
    if sides is not None:
        _draft(a, cue, sides, lead)
        return
    for pair in _guests_each(a, cue, lead):
        # (the home side received each guest: "Tại buổi tiếp", "At the reception")
        _draft(
            a, cue, pair, lead, a.home if _RECEPTION.search(a.text, cue.start, cue.end) else None
        )


# "Bộ trưởng A và Đại sứ B tại buổi tiếp.", "X and Y at the talks": a photo's caption naming
# the two people at a session of the story, the page cut above the sentence that told it
_AT_THE_SESSION = re.compile(
    r"(?<!\w)(?:tại|trong) (?:buổi|cuộc) (?:tiếp|hội đàm|hội kiến|làm việc|gặp)(?!\w)"
    r"|\bat the (?:meeting|talks|reception|working session)\b"
)


def _captioned_session(a: Analysis, lead: Lead, *, bare: bool = False) -> tuple[Lead, Cue | None]:
    """With no cue in the headline and the lead, a caption of two people at a session ("A và
    B tại buổi tiếp"): the session, its sides the caption's and the lead's; `bare`, also a
    caption of the two alone ("Thứ trưởng A và Tư lệnh Cảnh sát B.")."""
    for info in a.infos:
        s = info.sentence
        m = _AT_THE_SESSION.search(a.text, s.start, s.end)
        if s.role != CAPTION or len(info.people) < 2:
            continue
        if m is None:
            pair = _bare_pair(a.text, info) if bare else None
            if pair is not None:
                return Lead(lead.heads, [info, *lead.lead]), Cue(info, *pair, "meeting")
            continue
        found = Lead(lead.heads, [info, *lead.lead])
        word = re.search(r"tiếp|hội đàm|hội kiến|làm việc|gặp|\w+$", m.group())
        assert word is not None
        return found, Cue(info, m.start() + word.start(), m.start() + word.end(), "meeting")
    return lead, None


# the words between two people a caption names alone, and what may close it: its full stop,
# a photographer's credit ("Thứ trưởng A và Tư lệnh B. Ảnh: C")
_PAIR_JOIN = re.compile(r"\s+(?:và|and)\s+")
_PAIR_END = re.compile(r"\s*\.?\s*(?:\(?(?:Ảnh|Photo):[^\n]*)?\s*")


def _bare_pair(text: str, info: SentenceInfo) -> tuple[int, int] | None:
    """A caption that is only two people of two countries joined by `và` ("Thứ trưởng A và
    Quyền Tư lệnh Cơ quan Cảnh sát quốc gia Hàn Quốc B."): the span of the joining word."""
    s = info.sentence
    named = [p for p in info.people if p.person >= 0]
    if len(named) != 2 or None in (named[0].country, named[1].country):
        return None
    first, second = sorted(named, key=lambda p: p.extent[0])
    if first.country == second.country or text[s.start : first.extent[0]].strip():
        return None
    join = _PAIR_JOIN.fullmatch(text, first.extent[1], second.extent[0])
    if join is None or not _PAIR_END.fullmatch(text, second.extent[1], s.end):
        return None
    return join.start() + 1, join.end() - 1


def _session_of_a_trip(a: Analysis, cue: Cue, held: list[Engagement]) -> bool:
    """The caption's foreign person is of the country a held trip went to (named where the trip
    was told), and every held engagement is a trip."""
    if any(e.kind != "visit" for e in held):
        return False
    theirs = {p.country for p in cue.info.people if p.country and p.country != a.home}
    visited = {
        x.key if x.kind == COUNTRY else x.country
        for e in held
        for i in e.sentences
        for x in i.places
        if x.kind in (COUNTRY, CITY)
    }
    return bool(theirs) and theirs <= visited


# a host's reception told by its verb or its noun
_RECEPTION = re.compile(rf"{_HOSTS.pattern}|reception|buổi tiếp", re.I)


def _draft(
    a: Analysis, cue: Cue, sides: list[tuple[str, Mention]], lead: Lead, host: str | None = None
) -> None:
    """The engagement of the cue between two sides, dated, appended when held; `host`, the
    side known to have received the other."""
    e = _engagement(a, cue, sides, lead)
    if host is not None and e.place_country is None:
        e.place_country, e.place_origin = host, "host"
    if _domestic(e):
        return
    # dated as the sentence loop's engagements were, in the pass before this one
    dating.date_engagements([e], a.infos, a.published, a.language)
    if a.infos:  # a page of a headline and a byline has no story sentence to date it by
        dating.lead_dates([e], a.infos, a.published)
    if e.date is None:
        _date_from_retelling(a, e, cue, lead)
    if e.date is None:
        # (a date of the lead's other sentences was tried: on read-n it dated two drafts by
        # what else the lead told, 29 -> 27 matched)
        date_from_byline(a, e)
    dating.old_news([e], a.published, bound=a.published_bound)
    if e.status == "held" and not e.context:
        a.engagements.append(e)


def _domestic(e: Engagement) -> bool:
    """A working visit whose head and whose receiving chair are both of one country (a
    ministry's department at a provincial police, reviewing its cooperation with a neighbour)
    is between units of that country, whatever foreign partner the lead names as its subject:
    no bilateral engagement (read-m's domestic survey visit had been drafted as a meeting with
    the neighbour)."""
    heads = {p.mention.country for p in e.participants.values() if p.role == "delegation_head"}
    chairs = {p.mention.country for p in e.participants.values() if p.role in ("chair", "host")}
    people = {p.mention.country for p in e.participants.values()}
    return len(people) == 1 and None not in people and bool(heads) and heads == chairs


def _date_from_retelling(a: Analysis, e: Engagement, cue: Cue, lead: Lead) -> None:
    """ "… following the signing of a memorandum with …" then "The signing took place on
    March 3, 2026": a later sentence of the lead naming the engagement again by the cue's own
    word dates it (any date of the lead's other sentences was too loose, see below)."""
    word = re.compile(rf"(?<!\w){re.escape(a.text[cue.start : cue.end])}(?!\w)", re.I)
    lead_ids = {id(i) for i in lead.lead}
    for info in [i for i in a.infos if i.sentence.role == BODY or id(i) in lead_ids]:
        s = info.sentence
        said = word.search(a.text, s.start, s.end)
        if info is cue.info or s.start < cue.start:
            continue
        if not said and (held := dating.held_on(info)) is not None:
            # "have signed a memorandum …" then "The event was held on Sep 10, 2013 at …"
            e.date, e.date_origin, e.resolved = held, "own", resolve(held, a.published)
            e.add(info)
            if e.place_country is None:
                _place_from(a.text, info, e)
            return
        if not said:
            continue
        # past the lead, only the day written right beside the noun ("Trong hai ngày diễn ra
        # cuộc họp (20-21/6), …": a page cut below its headline dates its session there)
        near = id(info) in lead_ids or None
        d = next(
            (
                d
                for d in info.dates
                if not d.excluded
                and d.day is not None
                and (near or 0 <= d.start - said.end() <= 12)
            ),
            None,
        )
        if d is not None:
            e.date, e.date_origin, e.resolved = d, "own", resolve(d, a.published)
            e.add(info)
            if e.place_country is None:
                _place_from(a.text, info, e)  # "… took place at X in Manila on May 14"
            return


def _place_from(text: str, info: SentenceInfo, e: Engagement) -> None:
    """The city the retelling sentence says it happened in (`in`/`at`/`tại` before it)."""
    for p in info.places:
        if p.kind == CITY and re.search(
            r"(?:tại|ở|in|at)\s+(?:the\s+)?$", text[p.start - 8 : p.start]
        ):
            e.city, e.place_country, e.place_span = p, p.country, p
            return


def date_from_byline(a: Analysis, e: Engagement) -> bool:
    """The month of the page's byline date: news tells what just happened, and a page that
    dates its engagement nowhere was filed in its month (the read set's gold writes the
    month then, `2021-05` under `Friday 14 May 2021`); flagged for review."""
    for s in a.layout.sentences:
        if s.role != BYLINE:
            continue
        d = next((d for d in find_dates(a.text, a.language, s.start, s.end) if d.year), None)
        if d is not None and d.month is not None:
            month = replace(d, day=None, end_day=None, end_month=None, end_year=None)
            e.date, e.date_origin, e.resolved = month, "publication", resolve(month, a.published)
            return True
    return False


_TRIP_WORD = re.compile(r"thăm|visit", re.I)


def _allusion(e: Engagement) -> bool:
    """A trip only alluded to ("the visit", "chuyến thăm") with no place: unless a session
    told elsewhere is found part of it, it is not drafted (`nesting.drop_allusions`)."""
    return e.kind == "visit" and e.implied and e.place_country is None


def _lead(a: Analysis) -> Lead:
    """The headline and the lead's first sentences; a page with neither headline nor story
    opens on a caption, which is then its lead."""
    text = a.text
    heads: list[SentenceInfo] = []
    for s in a.layout.sentences:
        if s.role == HEADLINE:
            places = find_places(text, s.start, s.end)
            orgs = find_organisations(text, a.language, s.start, s.end)
            heads.append(SentenceInfo(s, places, orgs, [], []))
    body = [i for i in a.infos if i.sentence.role == BODY]
    if not heads and not body:
        body = [i for i in a.infos if i.sentence.role == CAPTION]
    # the first paragraph naming a country, its agency or a person of it, or opening on the
    # engagement: a page's opening lines may be the site's own ("Welcome to our portal, follow us
    # on …"), and a page cut from its article opens "Tại hội nghị, …"
    named = next((i for i in body if _countries(i) or _opens_on_it(a, i)), None)
    if named is None:
        return Lead(heads, [])
    first = named.sentence.paragraph
    # a short line between the page's top and its lead is the article's own title, the
    # page's first line being the site's ("Australia-Laos legal cooperation")
    heads += [
        i
        for i in a.infos
        if i.sentence.role == CAPTION and i.sentence.paragraph < first and _countries(i)
    ]
    at = body.index(named)
    return Lead(heads, body[at : at + LEAD_SENTENCES])


def _opens_on_it(a: Analysis, info: SentenceInfo) -> bool:
    s = info.sentence
    at = _AT.match(a.text, s.start, s.end)
    return at is not None and any(
        r.match(a.text, at.end(), s.end) for r in _cue_regex(a.language).values()
    )


def _cue(a: Analysis, lead: Lead) -> Cue | None:
    """The first cue of the lead's sentences, else of the headline: the lead's sentence holds
    the date and the place, the headline only the sides."""
    for info in lead.pieces:
        s = info.sentence
        found = [
            Cue(info, m.start(), m.end(), kind)
            for kind, regex in _cue_regex(a.language).items()
            for m in regex.finditer(a.text, s.start, s.end)
            if not any(e.trigger[0] <= m.start() < e.trigger[1] for e in a.engagements)
        ]
        if found:
            return min(found, key=lambda c: c.start)
    return None


# a number right before the cue: "05 phiên họp", "ba buổi làm việc" (a count of sessions; not
# "các buổi làm việc", the sessions of one visit the lead may tell)
_COUNTED = re.compile(r"(?<!\w)(?:\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám)\s+$")


def _framed(a: Analysis, cue: Cue, lead: Lead) -> bool:
    """Told as planned, as past, or as a multilateral event: not the page's own engagement."""
    lang = languages.get(a.language)
    s = cue.info.sentence
    before = a.text[max(s.start, cue.start - 40) : cue.start]
    if lang.cue("planned").search(before) or lang.cue("past_context").search(before):
        return True
    # ("The 20th Meeting of the A-B Working Group … will take place early next year": the cue
    # is the subject of a plan told after it; x-miss7)
    if a.language == "en" and told_to_come(a.text, cue.end, s.end):
        return True
    # ("welcomed the recent signing of the action plan during X's visit on November 30"):
    # what the cue's verb governs was before
    if lang.cue("past_context").match(a.text[cue.end : min(s.end, cue.end + 40)].strip()):
        return True
    if _SINCE.search(before):
        return True  # "Kể từ kỳ giao ban trước, hai bên …": the one before this
    if _COUNTED.search(before):
        # "Hội nghị kéo dài 04 ngày với 05 phiên họp": sessions counted are a gathering's
        # programme, not one meeting of two sides (x-vi7 page 012 drafted a meeting of its
        # delegation with India from the sessions of a conference of police academies)
        return True
    if COURSE_BEGUN.match(a.text, cue.end, s.end):
        return True  # "đón tiếp 20 sĩ quan … và khai giảng khóa đào tạo": a course's trainees
    if lang.cue("over_years").search(a.text, s.start, cue.start):
        return True  # "Trong giai đoạn 2019-2021, … đã nhiều lần giao ban": summed up over years
    # "Minister to visit Japan": a headline's infinitive is a plan
    if a.language == "en" and re.search(r"\bto\s+$", before):
        return True
    # "Laos, Interpol boost ties": a body of many countries in the headline
    # or the cue's sentence is no engagement of two (the archive's sides are countries)
    if lang.cue("multilateral").search(s.text):
        return True
    return any(_bodies().search(i.sentence.text) for i in lead.heads)


def _countries(info: SentenceInfo) -> list[tuple[str, Mention]]:
    out: list[tuple[str, Mention]] = []
    for p in info.places:
        if p.kind == COUNTRY:
            out.append((p.key, p))
        elif p.kind == CITY and p.country:
            out.append((p.country, p))
    out += [(o.country, o) for o in info.orgs if o.country]
    out += [(p.country, p) for p in info.people if p.country]  # type: ignore[misc]
    return sorted(out, key=lambda cm: cm[1].start)


def _sides(lead: Lead, home: str, tag: tuple[int, int] | None) -> list[tuple[str, Mention]] | None:
    """The two countries the headline and lead name, each with its first mention: the
    headline's two when it names two, else the lead's; three or more is no bilateral
    engagement, and one is the home side's counterpart only when it is foreign."""
    found: dict[str, Mention] = {}
    for group in (lead.heads, lead.heads + lead.lead):
        found = {}
        for info in group:
            for code, m in _countries(info):
                # "Hanoi (VNA) –": the dateline is where the outlet wrote, not a side
                if tag is None or not tag[0] <= m.start < tag[1]:
                    found.setdefault(code, m)
        if len(found) == 2:
            return list(found.items())
    if len(found) == 1 and home not in found:
        return list(found.items())
    return None


def _guests_each(a: Analysis, cue: Cue, lead: Lead) -> list[list[tuple[str, Mention]]]:
    """A page cut below its headline that opens on a reception or talks ("Tại buổi tiếp, …",
    "At the talks, …") and names guests of two or more foreign countries, each by name, with the
    home side: one meeting with each guest's country (the gold's rule for a list of
    counterparts), where the sides counted together were too many for one bilateral meeting."""
    if cue.kind != "meeting" or not lead.lead or not _opens_on_it(a, lead.lead[0]):
        return []
    home = next((m for i in lead.lead for c, m in _countries(i) if c == a.home), None)
    # the lead, and the story's later sentences opening on the same session ("Tại buổi tiếp,
    # X đã trao Kỷ niệm chương cho ông A, … Lào và ông B, … Campuchia")
    told = lead.lead + [
        i
        for i in a.infos
        if i.sentence.role == BODY
        and i.sentence.start > lead.lead[-1].sentence.start
        and _opens_on_it(a, i)
    ]
    guests: dict[str, Mention] = {}
    for i in told:
        for p in i.people:
            code = p.country or _apposed_country(a.text, i, p)
            if p.person >= 0 and code and code != a.home:
                guests.setdefault(code, p)  # type: ignore[arg-type]
    if home is None or len(guests) < 2:
        return []
    return [[(a.home, home), (code, m)] for code, m in guests.items()]


def _apposed_country(text: str, info: SentenceInfo, p: PersonMention) -> str | None:
    """The country of the titles set after a person's name ("ông A, Chánh án TAND tối cao
    Lào"), before the next person is named."""
    after = min((q.start for q in info.people if q.start > p.end), default=info.sentence.end)
    # (a name's last syllable the reader of names left out: "ông A B Pha, Chánh án …")
    if not re.match(r"(?:\s+[A-ZĐ]\w*){0,2}\s*,", text[p.end : after]):
        return None
    return next(
        (
            c.key
            for c in info.places
            if c.kind == COUNTRY and p.end < c.start < min(after, p.end + 80)
        ),
        None,
    )


def _two_sides(a: Analysis, lead: Lead) -> list[tuple[str, Mention]] | None:
    """A lead that says "hai nước", "the two sides" and names neither: the page's home side
    and the foreign country it names most (`choose_sides`)."""
    if a.foreign is None or not any(
        _TWO_SIDES.search(a.text, i.sentence.start, i.sentence.end) for i in lead.pieces
    ):
        return None
    spans = {c: m for i in a.infos for c, m in _countries(i)}
    if a.home not in spans or a.foreign not in spans:
        return None
    return [(a.home, spans[a.home]), (a.foreign, spans[a.foreign])]


def _receiver(a: Analysis, cue: Cue, sides: list[tuple[str, Mention]]) -> str | None:
    """ "Công an tỉnh A đón đoàn Công an tỉnh B", "X receives Y": the side named last before
    a host's verb receives, on its own ground."""
    if not _HOSTS.fullmatch(a.text, cue.start, cue.end):
        return None
    codes = {c for c, _ in sides}
    s = cue.info.sentence
    # "The NPF reviewed its partnership with the US INL, as the IGP, X, received …": the
    # person just before the verb is its subject, whatever countries the clause before names
    subject = max(
        (p for p in cue.info.people if p.extent[1] <= cue.start), key=lambda p: p.end, default=None
    )
    if subject is not None and subject.country in codes and cue.start - subject.extent[1] < 30:
        return subject.country
    before = [c for c, m in _countries(cue.info) if s.start <= m.start < cue.start and c in codes]
    if before:
        return before[-1]
    # one foreign side named: the page's home side, the subject of the verb, receives it
    subject = bool(re.search(r"\w", a.text[s.start : cue.start]))
    return a.home if len(codes) == 1 and a.home not in codes and subject else None


# "visiting UK minister": a country named as the adjective of a title or a delegation is whose
# the guest is, not where a trip went
_TITLE_AFTER = re.compile(
    r"\s+(?:[Mm]inister|Secretary|Deputy|Vice|Director|Chief|Commissioner|Ambassador|"
    r"delegation|officials?|counterpart)\b"
)


def _engagement(a: Analysis, cue: Cue, sides: list[tuple[str, Mention]], lead: Lead) -> Engagement:
    info = cue.info
    anchor = info if any(info is i for i in lead.lead) or not lead.lead else lead.lead[0]
    trigger = (cue.start, cue.end, a.text[cue.start : cue.end])
    kind, dest = cue.kind, None
    if kind == "visit":
        dest = next(
            (
                p
                for p in info.places
                if cue.end <= p.start <= cue.end + 40
                and p.kind in (COUNTRY, CITY)
                and not _TITLE_AFTER.match(a.text, p.end)
            ),
            None,
        )
        kind = "visit" if dest is not None else "meeting"
    e = Engagement(kind, anchor, trigger, pair=list(sides), lead_inferred=True)
    if kind == "dialogue":
        e.name, e.name_core = trigger, ""  # a conference told by its noun: no series name
    if dest is not None:
        e.destination = dest
        e.place_country = dest.key if dest.kind == COUNTRY else dest.country
    for i in lead.lead or [anchor]:
        e.add(i)
    if kind != "visit" and (host := _receiver(a, cue, sides)) is not None:
        e.place_country, e.place_origin = host, "host"
    foreign = [c for c, _ in sides if c != a.home] or [sides[-1][0]]
    met = next(
        (p for i in e.sentences for p in i.people if p.person >= 0 and p.country in foreign), None
    )
    if met is None and kind == "meeting":
        # a guest named in a later sentence opening on the session (`_guests_each`)
        met = next(
            (
                m
                for c, m in sides
                if c in foreign and isinstance(m, PersonMention) and m.person >= 0
            ),
            None,
        )
        told = next((i for i in a.infos if met is not None and met in i.people), None)
        if told is not None and not any(told is i for i in e.sentences):
            e.add(told)
    if kind == "meeting":
        if met is not None:
            e.counterpart_person, e.counterpart = met.person, met.organisation
        else:
            orgs = [o for i in lead.pieces for o in i.orgs if o.country in foreign]
            e.counterpart = orgs[0] if orgs else None
    for i in e.sentences:
        add_participants(a.text, i, e, a.language)
    _attending_later(a, e, lead)
    return e


# a later sentence presenting who else was there: "The session was also attended by A, B",
# "Also present were …", "Cùng dự có …" (x-people pages: 5 attendees on 3 pages were lost,
# the lead's draft taking no one from a later sentence)
_ATTENDED_TOO = re.compile(
    r"\b(?:was|were)\s+also\s+(?:attended|present)\b|\bAlso\s+(?:present|attending)\b|"
    r"\balso\s+present\b|(?<!\w)Cùng (?:tham )?dự(?: có)?(?!\w)|"
    # "Representatives of the Thai side included A, …", "The Chinese delegation was led by X,
    # …, and included: A, …" (x-people7 pages 004 and 012: a side's people listed after the
    # session was told)
    r"\b(?:side|delegation|delegates)\s+(?:(?:was|were)\s+(?:led|headed)\s+by\b[^.]*?\b)?"
    r"(?:also\s+)?(?:included|comprised)\b"
)


# "Tại buổi lễ, quyền Cục trưởng X nhấn mạnh …", "At the ceremony, X said …": a later sentence
# opening at the session tells who spoke there (x-people7 page 009: an MOU signing's two
# signatories named only so)
_OPENING_AT_THE_SESSION = re.compile(
    r"\W*(?:(?:Tại|Trong)\s+(?:buổi|cuộc)\s+(?:lễ|tiếp|làm việc|gặp|hội đàm|ký kết)|"
    r"(?:At|During)\s+the\s+(?:ceremony|signing|event|reception))(?!\w)"
)


def _attending_later(a: Analysis, e: Engagement, lead: Lead) -> None:
    """The people a later sentence of the story presents as also attending the lead's
    engagement, with their stated role (the lead's own later sentences included)."""
    if e.kind == "visit" or not lead.lead:
        return
    listing: Span | None = None  # the cue of the sentence before presenting those attending
    for i in a.infos:
        s = i.sentence
        if s.role != BODY or s.start <= e.info.sentence.start:
            continue
        m = _ATTENDED_TOO.search(a.text, s.start, s.end) or _OPENING_AT_THE_SESSION.match(
            a.text, s.start, s.end
        )
        # "… On the British side, officials and the Ambassador, X.": the list goes on by side
        goes_on = listing is not None and _ON_A_SIDE.match(s.text) is not None
        cue = (m.start(), m.end(), m.group()) if m else listing if goes_on else None
        listing = cue
        cue = cue or _titled_by_a_side(e, i)
        if cue is None or not i.people or another_time(e, i):
            continue
        if not any(i is x for x in e.sentences):
            e.add(i)
            add_participants(a.text, i, e, a.language)
        for part in e.participants.values():
            if (
                part.role == "attendee"
                and part.cue is None
                and s.start <= part.mention.start < s.end
            ):
                part.cue = cue  # present as the list's first sentence says


def _titled_by_a_side(e: Engagement, info: SentenceInfo) -> Span | None:
    """ "Thiếu tướng X, Cục trưởng Cục Y, đã cảm ơn …" after "AFP trao tặng cho Cục Y …": a
    later sentence's person whose title names a body the engagement's own sentence names as a
    side speaks for that side there (x-people7 pages 009 and 015: the two heads named only
    so were lost)."""
    sides = {o.key for o in e.info.orgs if o.key}
    for p in info.people:
        org = p.organisation
        if org is not None and org.key in sides and p.titles:
            return (p.titles[0][0], p.titles[0][1], p.titles[0][2])
    return None


_ON_A_SIDE = re.compile(
    r"(?:On the|For the|Về phía|Phía)\s+[^,.;]{2,40}?(?:side|bạn|ta)?\s*,", re.I
)
