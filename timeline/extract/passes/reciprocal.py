"""Meetings told without a counterpart after the verb: by their two sides as the subject ("A and
B met", "the two sides held their annual meeting"), as an earlier or next round between the same
sides, or with a counterpart named only by country and office ("met Vietnam's public security
minister")."""

from __future__ import annotations

import re

from timeline.extract.gazetteer import COUNTRY, Mention
from timeline.extract.languages.en import NOT_NEEDS
from timeline.extract.model import (
    Engagement,
    Participation,
    SentenceInfo,
    Span,
    counterpart_key,
)
from timeline.extract.passes.objects import TIME_FIRST
from timeline.extract.people import PersonMention

# "A and B met", "held their annual meeting", "the two first met": the meeting's sides are its
# subject, not an object after the verb
_RECIPROCAL_EN = re.compile(
    # ("… and Vietnam has fully met the requirements of the US side": no meeting, x-en6)
    rf"\b(?:(?:first |last |also )?met{NOT_NEEDS}|held (?:their|its|a|an|the)\s+(?:\w+\s+){0, 2}?"
    r"(?:meeting|talks|consultations|session)|held talks|(?:signed|inked) (?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:agreement|memorandum|MOU|MoU|minutes|plan|document|deal|accord|"
    r"protocol|letter|declaration|treaty)|"
    # "officials from A, B and C gathered in Hanoi for a regional meeting": a multilateral meeting
    # "A and B discussed … at their meeting in Jakarta on Monday", "… made the pledge during a
    # meeting in Beijing": what the two sides did at a meeting names it
    r"(?:discussed|agreed|pledged|vowed|made the pledge|exchanged views)\b[^.;]{0,100}?\b"
    r"(?:at|during) (?:their|a|the) (?:bilateral )?(?:meeting|talks)|"
    r"(?:gathered|convened|met)\s+(?:in\s+[A-Z][\w\s]{0,30}?\s+)?(?:on\s+[\w\s-]{0,20}?\s+)?"
    r"(?:for|at)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:meeting|conference|workshop|consultation))"
    r"\b(?!\s+with\b)"
)
SIGNING = re.compile(r"signed|inked|(?:đã )?ký")
_RECIPROCAL_VI = re.compile(
    # "A và B đã ký kết Biên bản ghi nhớ": the signatories met
    # ("Mỹ và Trung Quốc đã đàm phán về …": the two sides negotiated; x-world7 page 001 lost
    # the talks its page reported, the noun `đàm phán` of a round needs the `đã` of the verb)
    r"(?<!\w)(?:(?:đã |)(?:hội đàm|gặp gỡ|gặp|họp)|đã đàm phán|(?:đã |)ký kết|đã ký|"
    r"(?:tổ chức|có) (?:cuộc|buổi) (?:họp|hội đàm|gặp|làm việc)(?: thường niên| định kỳ)?)"
    r"(?!\w)(?!\s+(?:với|cùng))"
)
# "the previous meeting, held in Svay Rieng in October": an earlier round between the same sides
_PREVIOUS_ROUND = re.compile(
    r"\b(?:previous|last|earlier) (?:meeting|session|round of talks|talks)\b,?\s+(?:which\s+)?"
    r"(?:was\s+)?(?:held|took place)|(?<!\w)(?:cuộc họp|hội nghị|Hội nghị|buổi làm việc|"
    r"cuộc hội đàm|phiên họp) (?:lần trước|trước đó)(?:,)?\s+(?:được\s+)?(?:tổ chức|diễn ra)|"
    # the next round between the same sides: planned once its date is after publication
    r"\b(?:the )?(?:next|following) (?:meeting|session|round of talks)\b|(?<!\w)(?:cuộc họp|"
    r"hội nghị|buổi làm việc|phiên họp|cuộc hội đàm) (?:tiếp theo|lần tới|kế tiếp)(?!\w)"
)
_THE_TWO = re.compile(
    r"^\s*(?:The|the|Hai|hai)\s+(?:two|bên|Bên)(?:\s+(?:sides|leaders|officials|ministers|"
    r"chiefs|men|forces|agencies|delegations|lãnh đạo|đoàn))?\s*$|^\s*(?:Both sides|Both)\s*$"
)


def _subject_sides(places: list[Mention], orgs: list[Mention]) -> list[tuple[str, Mention]]:
    """The countries named in the subject, and its agencies' ("Công an tỉnh A và Công an tỉnh
    B (Lào) đã tổ chức hội đàm": ours was missing from the guests when the place was theirs)."""
    sides = [(c.key, c) for c in places if c.kind == COUNTRY]
    sides += [(o.country, o) for o in orgs if o.country and o.country not in dict(sides)]
    return sides


def reciprocal_meetings(
    text: str,
    info: SentenceInfo,
    engagements: list[Engagement],
    created: list[Engagement],
    language: str,
    home: str,
) -> list[Engagement]:
    """A meeting told by its two sides as the subject ("A and B met", "the two sides held their
    annual meeting"): one meeting, its counterpart the foreign side (or, for "the two", the
    counterpart of the meeting told before)."""
    s = info.sentence
    out: list[Engagement] = []
    if any(e.kind != "visit" for e in created):
        return out  # the sentence already tells its session by a verb with an object
    pattern = _RECIPROCAL_EN if language == "en" else _RECIPROCAL_VI
    matches = [
        *pattern.finditer(text, s.start, s.end),
        *_PREVIOUS_ROUND.finditer(text, s.start, s.end),
    ]
    for m in matches:
        subject = _subject(text, s.start, m)
        begin = m.start() - len(subject)
        counterpart: Mention | None = None
        person: int | None = None
        sides: list[tuple[str, Mention]] = []
        inherits: Engagement | None = None
        two: list[PersonMention] = []
        if _THE_TWO.match(subject) and SIGNING.match(m.group()):
            continue  # "Hai bên ký kết Biên bản hội đàm": the minutes of the talks already told
        if _THE_TWO.match(subject) and not any(
            e.kind == "meeting" and not e.context for e in engagements
        ):
            # "X led a delegation to Cambodia at the invitation of Y. … the two officials held
            # talks": the two are the trip's two sides, named where it was told
            two = _trip_sides(engagements, home)
            if not two or m.re is _PREVIOUS_ROUND:
                continue
            person, counterpart = two[1].person, two[1].organisation
        elif _THE_TWO.match(subject) or m.re is _PREVIOUS_ROUND:
            before = [e for e in engagements if e.kind == "meeting" and not e.context]
            if not before:
                continue
            counterpart, person = before[-1].counterpart, before[-1].counterpart_person
            inherits = before[-1]  # the same two sides: its countries
            if not info.dates:
                continue  # "the two met" again, with no date of its own: the same meeting
        else:
            if not _JOINED_SIDES.search(subject):
                continue
            people = [p for p in info.people if begin <= p.start < m.start() and p.person >= 0]
            orgs = [o for o in info.orgs if begin <= o.start < m.start()]
            places = [p for p in info.places if begin <= p.start < m.start()]
            countries = {x.country for x in [*people, *orgs] if x.country}
            countries |= {p.key if p.kind == COUNTRY else p.country for p in places}
            countries.discard(None)
            sides = _subject_sides(places, orgs)
            unknown = len(people) >= 2 and any(p.country is None for p in people)
            if len(countries) < 2 and not unknown:
                continue  # two sides of one country ("Minister Quang and Deputy Minister Long")
            if SIGNING.match(m.group()) and len(people) < 2:
                continue  # "Vietnam and Australia signed an MOU in 2018": background, not a visit
            # the side of unknown country is the foreign one when the other is ours
            foreign = [p for p in people if p.country and p.country != home] or [
                p for p in people if p.country is None and len(people) == 2
            ]
            if foreign:
                person, counterpart = foreign[0].person, foreign[0].organisation
            else:
                counterpart = next((o for o in orgs if o.country and o.country != home), None)
            key = person if person is not None else (counterpart.key if counterpart else None)
            if key is not None and any(counterpart_key(x) == key for x in engagements):
                continue  # the meeting already told, now by its two sides
        e = _told_by_sides(info, m, counterpart, person, sides)
        e.inherits = inherits
        for p in two:  # named where the trip was told, they are the talks' two sides
            e.participants[p.person] = Participation(p.person, p, "attendee")
        out.append(e)
    return out


def _told_by_sides(
    info: SentenceInfo,
    m: re.Match[str],
    counterpart: Mention | None,
    person: int | None,
    sides: list[tuple[str, Mention]],
) -> Engagement:
    """The meeting its two sides told, planned when it is the next round, context when it is
    the previous one."""
    e = Engagement("meeting", info, (m.start(), m.end(), m.group()))
    e.counterpart, e.counterpart_person = counterpart, person
    e.pair = sides  # the countries named with the two sides take part
    cue = (m.start(), m.end(), m.group())
    if re.search(r"next|following|tiếp theo|lần tới|kế tiếp", m.group()):
        e.status, e.status_cue = "planned", cue
    elif m.re is _PREVIOUS_ROUND:
        e.context, e.context_cue = True, cue  # the sentences after it tell the current one
    e.add(info)
    return e


def _subject(text: str, start: int, m: re.Match[str]) -> str:
    """The words before the verb that tell who met: its clause, after a subordinator."""
    clause = max(start, text.rfind(";", start, m.start()) + 1)
    subject = text[clause : m.start()]
    subject = re.sub(r"^.*?\b(?:when|after|before|as|khi|sau khi)\s+", "", subject)
    opening = subject.rfind(",")
    if opening >= 0 and _THE_TWO.match(subject[opening + 1 :]):
        subject = subject[opening + 1 :]  # "After the welcome ceremony on May 2, the two …"
    elif opening >= 0 and _SETTING.match(subject) and _JOINED_SIDES.search(subject[opening + 1 :]):
        # "Bên lề Hội nghị X, A và B đã hội đàm": the phrase before the comma sets the scene
        # (a gathering they attended); the two sides are the words after it
        subject = subject[opening + 1 :]
    return subject


# an opening phrase that sets the scene of what follows its comma: the margins of a gathering,
# the time of an event, the framework of a programme
_SETTING = re.compile(
    r"\s*(?:Bên lề|Trong (?:thời gian|khuôn khổ|dịp|chương trình)|Nhân dịp|Dịp này|Tại|"
    r"On the (?:sidelines|margins) of|During|Within the framework of|In the framework of|At)"
    r"(?!\w)"
)
# ("Bộ trưởng A cùng Bộ trưởng B đã tiến hành hội đàm": `cùng` joins the two sides as `và`
# does; x-vi7 page 013 lost the talks after the welcome, only a trip was drafted)
_JOINED_SIDES = re.compile(r"\band\b|(?<!\w)(?:và|cùng)(?!\w)(?! ngày)")


def _trip_sides(engagements: list[Engagement], home: str) -> list[PersonMention]:
    """Ours and theirs: the two persons named where the story's trip was told, when that
    sentence names one of each side (the traveller, and who invited or received them)."""
    trips = [e for e in engagements if e.kind == "visit" and not e.context and e.status == "held"]
    if not trips:
        return []
    # (the host's country may be known only later, from the trip's destination)
    people = {p.person: p for p in trips[-1].info.people if p.person >= 0}
    ours = [p for p in people.values() if p.country == home]
    theirs = [p for p in people.values() if p.country != home]
    return [ours[0], theirs[0]] if len(ours) == 1 and len(theirs) == 1 else []


# "met Vietnam's public security minister", "gặp Bộ trưởng Công an Lào": a counterpart named
# only by country and office
_OFFICE_WORDS = (
    r"minister|ministers|chief|commissioner|counterpart|counterparts|director|head|officials|"
    r"police|ambassador|Bộ trưởng|Thứ trưởng|người đồng cấp|lãnh đạo|Đại sứ"
)


# "The MoU was signed by A and B", "Văn kiện được ký bởi A và B": the signatories after the verb
# ("The pact was signed during a morning ceremony attended by A and visiting B": those who
# attended its signing, x-en6)
_SIGNED_BY = re.compile(
    r"\b(?:was|were) (?:signed|inked) (?:by|between)\b|(?<!\w)được ký (?:bởi|giữa)(?!\w)|"
    r"\b(?:was|were) (?:signed|inked) (?:during|at|in) (?:a|an|the) (?:[\w-]+ ){0,3}?ceremony "
    r"(?:attended|witnessed) by\b"
)
# "A and British Security Minister B": the second signatory's titles the chain did not take
_AND = re.compile(r"\s*,?\s*(?:and|và)\s+(?:visiting\s+)?(?:(?:ông|bà|ngài|[A-ZĐ][\w'’.-]*)\s+)*")


def signed_by(
    text: str, info: SentenceInfo, engagements: list[Engagement], home: str
) -> list[Engagement]:
    """An agreement signed by two persons of two countries named after the verb: their
    meeting, unless the article already told it."""
    m = _SIGNED_BY.search(text, info.sentence.start, info.sentence.end)
    if m is None:
        return []
    sides = _signatories(text, info, m.end())
    if sides is None:
        return []
    countries = [p.country for p in sides]
    if countries.count(None) == 1 and {*countries} - {None, home}:
        # ("… attended by A, superintendent general of the Metropolitan Police, and visiting B
        # of Seoul": the foreign one named, the other of unnamed country is the home side)
        countries = [c or home for c in countries]
    if home not in countries or None in countries or countries[0] == countries[1]:
        return []
    other = sides[0] if countries[1] == home else sides[1]
    e = _signing_told(other, engagements) or _new_meeting(
        info, (m.start(), m.end(), m.group()), other, engagements
    )
    if e is None:
        return []
    for p in sides:  # named after the verb, where a list's counterparts are not taken
        if isinstance(p, PersonMention):
            e.participants[p.person] = Participation(p.person, p, "attendee", e.trigger)
    e.add(info)
    return [] if e in engagements else [e]


def _signing_told(
    other: Mention | PersonMention, engagements: list[Engagement]
) -> Engagement | None:
    """The meeting of the signatory's agency (or, with no agency named, of an agency of their
    country) the article already told ("A signed a memorandum with B in Tokyo on May 10. It was
    signed by A's X and B's Y"): the signatories are its people, not a second, undated meeting."""
    agency = other.organisation if isinstance(other, PersonMention) else other
    country = agency.country if agency is not None else other.country
    return next(
        (
            x
            for x in engagements
            if x.kind == "meeting"
            and not x.context
            and x.counterpart_person is None
            and x.counterpart is not None
            and (
                x.counterpart.key == agency.key
                if agency is not None
                else x.counterpart.country == country
            )
        ),
        None,
    )


# "signed between AFP Commissioner X and the Chief of the INP, General Y": the second
# signatory named by office and agency
_AND_OFFICE_OF = re.compile(
    r"\s*,?\s*(?:and|và)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?(?:of|của)\s+(?:the\s+)?"
)


def _signatories(text: str, info: SentenceInfo, start: int) -> list[PersonMention | Mention] | None:
    """The two signatories after the verb: two persons joined by "and", or a person and the
    agency whose office signed beside them."""
    people = [p for p in info.people if p.start >= start and p.person >= 0][:2]
    if not people:
        return None
    if len(people) == 2 and _AND.fullmatch(text, people[0].extent[1], people[1].extent[0]):
        return people
    agency = next(
        (
            o
            for o in info.orgs
            if o.start >= people[0].extent[1]
            and _AND_OFFICE_OF.fullmatch(text, people[0].extent[1], o.start)
        ),
        None,
    )
    return [people[0], agency] if agency is not None else None


# "the signing of an agreement on drug control between the Royal Thai Police and the National
# Police Agency of Japan on May 2", "lễ ký kết Bản ghi nhớ … giữa Bộ Công an Việt Nam và Bộ Nội
# vụ Singapore": the two agencies that met to sign, named after "between"
_SIGNING_BETWEEN = re.compile(
    r"\b(?P<en>signing)\s+(?:ceremony\s+)?(?:of|for)\s+(?:a|an|the)\s+[^.;]{0,120}?\bbetween\s+|"
    r"(?<!\w)(?P<vi>lễ ký(?: kết)?|ký kết|đã ký)\s+[^.;]{0,120}?(?<!\w)giữa\s+"
)
_PARTIES_JOINED = re.compile(r"\s*(?:and|và|với)\s+(?:the\s+)?")
# "the X team and the Y", "the X and the Japanese Y": the people of the first party, or the
# second's country, around the join
_PEOPLE_JOINED = re.compile(
    r"\s+(?:(?:team|officers|officials|delegation|delegates)\s+)?and\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*\s+)?"
)
_BEFORE_PARTY = re.compile(r"\s{0,4}|\s*(?:[A-Z][\w'’-]*\s+){1,2}")


def signed_between(
    text: str,
    info: SentenceInfo,
    engagements: list[Engagement],
    home: str,
    past: re.Pattern[str],
) -> list[Engagement]:
    """An agreement's signing between two agencies of two countries, dated to a day in its
    sentence: the agencies met to sign it (an undated or yearly one is background: "the MOU
    signed between A and B in 2019")."""
    s = info.sentence
    m = _SIGNING_BETWEEN.search(text, s.start, s.end)
    if m is None or past.search(text, s.start, m.start()):
        return []
    if not any(d.day is not None and d.excluded is None for d in info.dates):
        return []
    parties = sorted(
        [o for o in info.orgs if o.start >= m.end() and o.country]
        + [p for p in info.people if p.start >= m.end() and p.country and p.person >= 0],
        key=lambda x: x.start,
    )[:2]
    if len(parties) < 2 or parties[0].country == parties[1].country:
        return []
    first_end = parties[0].extent[1] if isinstance(parties[0], PersonMention) else parties[0].end
    if parties[0].start - m.end() > 4 or not _PARTIES_JOINED.fullmatch(
        text, first_end, parties[1].start
    ):
        return []
    other = parties[1] if parties[0].country == home else parties[0]
    verb = m.span("en") if m.group("en") else m.span("vi")
    e = _new_meeting(info, (verb[0], verb[1], text[verb[0] : verb[1]]), other, engagements)
    if e is None:
        return []
    e.pair = [(p.country, p) for p in parties if isinstance(p, Mention) and p.country]
    e.add(info)
    return [e]


def _new_meeting(
    info: SentenceInfo,
    trigger: Span,
    other: Mention | PersonMention,
    engagements: list[Engagement],
) -> Engagement | None:
    """A meeting with `other` (a person, or an agency), unless the article already told one."""
    e = Engagement("meeting", info, trigger)
    if isinstance(other, PersonMention):
        e.counterpart, e.counterpart_person = other.organisation, other.person
    else:
        e.counterpart = other
    if any(counterpart_key(x) == counterpart_key(e) for x in engagements):
        return None
    return e


def _long_office(text: str, info: SentenceInfo, at: int) -> Mention | None:
    """ "Bộ trưởng Điều phối Chính trị, Pháp luật và An ninh Indonesia": the country closing an
    office of up to ten words, commas and "và" among them, right after the office word."""
    return next(
        (
            p
            for p in info.places
            if p.kind == COUNTRY
            and p.start > at
            and re.fullmatch(r"(?:[\w-]+,?\s+){0,10}", text[at : p.start])
        ),
        None,
    )


def unnamed_counterparts(
    text: str,
    info: SentenceInfo,
    created: list[Engagement],
    language: str,
    meet: re.Pattern[str],
    planned_cue: re.Pattern[str],
) -> list[Engagement]:
    """A meeting whose counterpart is named only by country and office: one meeting with that
    country, and no organisation or person to name it by."""
    s = info.sentence
    if any(e.kind != "visit" for e in created):
        return []
    out = []
    for mm in meet.finditer(text, s.start, s.end):
        if mm.group() in ("thăm", "visited", "visit"):
            continue
        when = TIME_FIRST.match(text, mm.end(), s.end)  # "hosted on Monday his counterpart"
        after = text[when.end() if when else mm.end() : s.end]
        if language == "en":
            # "met the Thai police chief", "hosted his Cambodian counterpart"
            shape = (
                r"\s+(?:the\s+|his\s+|her\s+|their\s+)?(\S+?)(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?"
                rf"(?:{_OFFICE_WORDS})\b"
            )
        else:
            # ("gặp song phương với Quyền Bộ trưởng Quốc phòng A": a bilateral meeting with
            # an acting minister)
            shape = (
                rf"\s+(?:song phương\s+)?(?:với\s+)?(?:Quyền\s+)?"
                rf"(?:(?:{_OFFICE_WORDS})\s+(?:[\w-]+\s+){{0,3}}?)(\S+(?:\s\S+)?)"
            )
        listed = (
            _offices_listed(text, info, when.end() if when else mm.end())
            if language == "en"
            else _offices_listed_vi(text, info, mm.end())
        )
        if len(listed) >= 2:
            # "met the Deputy Police Chief of Nepal and Deputy Police Chief of Bhutan": one
            # meeting per country whose office was met
            for owner in listed:
                e = Engagement("meeting", info, (mm.start(), mm.end(), mm.group()))
                e.pair = [(owner.key, owner)]
                e.add(info)
                out.append(e)
            break
        m = re.match(shape, after, re.I)
        if m is None:
            continue
        at = (when.end() if when else mm.end()) + m.start(1)
        owner = next(
            (p for p in info.places if p.kind == COUNTRY and p.start <= at < p.end + 1), None
        )
        if owner is None and language == "vi":
            owner = _long_office(text, info, at)
        if owner is None:
            continue
        people = [*info.places, *info.orgs, *info.people]
        if not any(x.country not in (owner.key, None) for x in people):
            continue  # someone of another country must meet them: "Japan's police chief met …"
        e = Engagement("meeting", info, (mm.start(), mm.end(), mm.group()))
        e.pair = [(owner.key, owner)]
        planned = planned_cue.search(text, max(s.start, mm.start() - 80), mm.start())
        if planned:  # "is due to travel to Mae Sot on Wednesday to meet Thai officials"
            e.status, e.status_cue = "planned", (planned.start(), planned.end(), planned.group())
        e.add(info)
        out.append(e)
        break
    return out


_OFFICE_OF = re.compile(rf"\b(?:{_OFFICE_WORDS})\s+of\s+(?:the\s+)?$", re.I)
_OFFICE_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{_OFFICE_WORDS})\b", re.I)
_LIST_LINK = re.compile(
    rf"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?(?:(?:[\w-]+\s+){{0,4}}?(?:{_OFFICE_WORDS})\s+of\s+(?:the\s+)?)?",
    re.I,
)


def _offices_listed(text: str, info: SentenceInfo, start: int) -> list[Mention]:
    """The countries of the offices listed right after a meeting verb, each once: "the Deputy
    Interior Minister of A and the Deputy Interior Minister of B", "the A and B envoys"."""
    out: list[Mention] = []
    pos = start
    for c in sorted(
        (p for p in info.places if p.kind == COUNTRY and p.start >= start), key=lambda p: p.start
    ):
        owned = _OFFICE_OF.search(text, max(pos, c.start - 60), c.start) or _OFFICE_AFTER.match(
            text, c.end
        )
        if owned is None or any(o.key == c.key for o in out):
            continue
        if out and not _LIST_LINK.fullmatch(text, pos, c.start):
            break  # the list ends where something else than "and the …" comes between
        out.append(c)
        pos = owned.end() if owned.start() >= c.end else c.end
    return out


# "gặp song phương với Quyền Bộ trưởng Quốc phòng A và Bộ trưởng Quốc phòng B": offices of
# two countries met in one verb's list, each named by its office and country alone
_VI_OFFICE_BEFORE = re.compile(
    r"\s*(?:(?:,|và)\s+)?(?:song phương\s+)?(?:với\s+)?(?:Quyền\s+)?"
    r"(?:Bộ trưởng|Thứ trưởng|Đại sứ|Tư lệnh|Tổng Tham mưu trưởng)(?:\s+[\w-]+){0,4}?\s+"
)


def _offices_listed_vi(text: str, info: SentenceInfo, start: int) -> list[Mention]:
    """The countries of the offices listed right after a Vietnamese meeting verb, each once,
    when no name follows an office (a name makes its holder the one met)."""
    out: list[Mention] = []
    pos = start
    for c in sorted(
        (p for p in info.places if p.kind == COUNTRY and p.start >= start), key=lambda p: p.start
    ):
        if any(o.key == c.key for o in out) or not _VI_OFFICE_BEFORE.fullmatch(text, pos, c.start):
            break
        out.append(c)
        pos = c.end
    return out


# "hội nghị hợp tác thường niên giữa Công an tỉnh A và Công an tỉnh B", "hội đàm trực tuyến giữa
# lãnh đạo Công an TP A và Công an TP B", "talks between the A Police and the B Police": a
# session of two agencies named as its sides, without a person or a verb with an object
_AGENCIES_BETWEEN = re.compile(
    r"(?<!\w)(?:[Hh]ội nghị|[Cc]uộc họp|[Bb]uổi làm việc|[Cc]uộc làm việc|(?:[Cc]uộc |[Bb]uổi )?"
    r"[Hh]ội đàm)(?![\w-])[^.;]{0,80}?(?<!\w)giữa\s+(?:(?:lãnh đạo|đại diện)\s+)?|"
    r"\b(?:[Tt]alks|[Mm]eeting|[Cc]onference|[Vv]ideo conference|[Dd]iscussions?)\b[^.;]{0,60}?"
    r"\bbetween\s+"
    r"(?:(?:the\s+)?(?:leaders|heads) of\s+)?(?:the\s+)?"
)
_ONLINE = re.compile(r"trực tuyến|\b(?:online|video|virtual)\b", re.I)
# "vừa diễn ra", "has just held": told as the news, though without its day
_JUST = re.compile(
    r"(?<!\w)(?:vừa|mới) (?:diễn ra|tổ chức|có)|\bhas just\b|\bjust (?:held|concluded)\b"
)


def agencies_between(
    text: str,
    info: SentenceInfo,
    engagements: list[Engagement],
    home: str,
    past: re.Pattern[str],
) -> list[Engagement]:
    """A session of two agencies of two countries named after "giữa"/"between" (two provinces'
    police across a border, two cities' police online): one meeting, with the foreign agency,
    when the sentence tells it as news (a day, "vừa diễn ra") or is the story's first."""
    s = info.sentence
    m = _AGENCIES_BETWEEN.search(text, s.start, s.end)
    if m is None or past.search(text, s.start, m.start()):
        return []
    news = any(d.day is not None and d.excluded is None for d in info.dates)
    if not (news or _JUST.search(text, s.start, m.start())):
        return []
    parties = sorted(
        (o for o in info.orgs if o.start >= m.end() and o.country), key=lambda o: o.start
    )
    # ("between the Kenya Police Service team and …": a country's name before its generic
    # agency, and a word for its people after it; x-recall3 028)
    if len(parties) < 2 or not _BEFORE_PARTY.fullmatch(text, m.end(), parties[0].start):
        return []
    first = parties[0]
    second = next(
        (
            o
            for o in parties[1:]
            if _PARTIES_JOINED.fullmatch(text, first.end, o.start)
            or _PEOPLE_JOINED.fullmatch(text, first.end, o.start)
        ),
        None,
    )
    if second is None or second.country == first.country:
        return []
    other = second if first.country == home else first
    e = _new_meeting(info, (m.start(), m.end(), m.group()), other, engagements)
    if e is None:
        return []
    e.pair = [(first.country, first), (second.country, second)]  # type: ignore[list-item]
    e.remote = bool(_ONLINE.search(m.group()))
    e.add(info)
    return [e]


# "The Kenya Police Service and the Japanese Embassy held talks on …": two
# agencies of two countries, the sentence's subjects, held the session (x-recall3 pages: an
# African paper's lead; the release's way when no person opens the story)
_HELD_BY_TWO = re.compile(
    r"\s+(?:have\s+|has\s+)?(?:held|had)\s+(?:an?\s+)?(?:bilateral\s+|separate\s+)?"
    r"(?:discussions?|talks|meetings?|working sessions?)\b"
)


def agencies_as_subjects(
    text: str, info: SentenceInfo, engagements: list[Engagement], home: str
) -> list[Engagement]:
    """A session held by two agencies of two countries named as the sentence's subjects: one
    meeting, with the foreign agency."""
    s = info.sentence
    orgs = sorted((o for o in info.orgs if o.country), key=lambda o: o.start)
    # ("The Ghana Police Service": the country's name before a generic agency's)
    lead = r"\s*(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
    if len(orgs) < 2 or not re.fullmatch(lead, text[s.start : orgs[0].start]):
        return []
    first, second = orgs[0], orgs[1]
    held = _HELD_BY_TWO.match(text, second.end)
    if (
        second.country == first.country
        or not _PARTIES_JOINED.fullmatch(text, first.end, second.start)
        or held is None
    ):
        return []
    other = second if first.country == home else first
    trigger = (held.start() + len(held.group()) - len(held.group().lstrip()), held.end())
    e = _new_meeting(info, (*trigger, text[trigger[0] : trigger[1]]), other, engagements)
    if e is None:
        return []
    e.pair = [(first.country, first), (second.country, second)]  # type: ignore[list-item]
    e.add(info)
    return [e]


# "A signed a Memorandum of Understanding with B", "A đã ký Bản ghi nhớ hợp tác với B": the
# signatory agencies met, the subject and the one after "with"
_SIGNED_WITH = re.compile(
    r"\b(?:signed|inked)\s+(?:a|an|the)\s+[^.;]{0,80}?\bwith\s+(?:the\s+)?|"
    r"(?<!\w)(?:đã\s+)?ký(?: kết)?\s+[^.;]{0,80}?(?<!\w)với\s+"
)


def signed_with(
    text: str,
    info: SentenceInfo,
    engagements: list[Engagement],
    home: str,
    past: re.Pattern[str],
) -> list[Engagement]:
    """An agency that signed an agreement with another agency of another country, on a day the
    sentence gives (`on Tuesday`, `ngày 5/6`): the two met to sign it (an undated signing is
    background: "A signed an MOU with B in 2019")."""
    s = info.sentence
    m = _SIGNED_WITH.search(text, s.start, s.end)
    if m is None or past.search(text, s.start, m.start()):
        return []
    if not any(
        (d.day is not None or d.weekday is not None) and d.excluded is None for d in info.dates
    ):
        return []
    clause = max(s.start, text.rfind(",", s.start, m.start()) + 1)
    signer = next(
        (o for o in reversed(info.orgs) if clause <= o.start and o.end <= m.start() and o.country),
        None,
    )
    other = next((o for o in info.orgs if m.end() <= o.start <= m.end() + 4 and o.country), None)
    if signer is None or other is None or signer.country == other.country:
        return []
    if other.country == home:
        signer, other = other, signer
    e = _new_meeting(info, (m.start(), m.end(), m.group()), other, engagements)
    if e is None:
        return []
    e.pair = [(signer.country, signer), (other.country, other)]  # type: ignore[list-item]
    e.add(info)
    return [e]


# "A and B signed a Memorandum of Understanding … on Friday, May 11": the signatories as
# subjects, joined by "and", before the verb
_SIGNED_JOINTLY = re.compile(
    # ("A and Vietnam's Minister …, General B, signed the MoU": titles closed by a comma)
    r",?\s+(?:signed|inked)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:Memorandum|MoU|MOU|"
    r"[Aa]greement|[Pp]rotocol|[Dd]eclaration)\b"
)
# "A and China’s B": the second's country before their titles
_JOINED = re.compile(r"\s+and\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}")


def _two_countries(
    info: SentenceInfo, first: PersonMention, second: PersonMention, home: str
) -> bool:
    """Are the two signers of two countries? One of the home side and one named without a
    country count, when the sentence names one other country ("the first visit to Vietnam by an
    Australian immigration minister …, Senator A and Vietnam's Minister B signed …": a
    minister's own release names its minister by title only)."""
    countries = {first.country, second.country}
    if None not in countries:
        return len(countries) == 2
    foreign = {p.key for p in info.places if p.kind == COUNTRY and p.key != home}
    return home in countries and len(foreign) == 1


def signed_jointly(
    text: str,
    info: SentenceInfo,
    engagements: list[Engagement],
    home: str,
    past: re.Pattern[str],
) -> list[Engagement]:
    """Two officials of two countries, subjects of the sentence joined by `and`, who signed an
    agreement on a day the sentence gives: they met to sign it (undated, it is background)."""
    s = info.sentence
    if past.search(s.text) or not any(
        (d.day is not None or d.weekday is not None or d.today is not None) and d.excluded is None
        for d in info.dates
    ):
        return []  # ("signed … in Hanoi today": a release's day is its own date line's)
    for m in _SIGNED_JOINTLY.finditer(text, s.start, s.end):
        before = [p for p in info.people if p.extent[1] <= m.start()]
        if len(before) < 2:
            continue
        first, second = before[-2], before[-1]
        joined = _JOINED.fullmatch(text, first.extent[1], second.extent[0])
        if second.extent[1] != m.start() or joined is None:
            continue
        if not _two_countries(info, first, second, home):
            continue
        other = first if second.country == home else second
        verb = m.start() + len(m.group()) - len(m.group().lstrip(", "))
        e = _new_meeting(info, (verb, m.end(), text[verb : m.end()]), other, engagements)
        if e is None:
            return []
        for p in (first, second):
            e.participants[p.person] = Participation(p.person, p, "attendee", e.trigger)
        e.add(info)
        return [e]
    return []
