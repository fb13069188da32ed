"""Participants: the persons of a sentence in an engagement it reports, with the role its
cues give (co-chair, led by, received, head of delegation)."""

from __future__ import annotations

import re

from timeline.extract import languages
from timeline.extract.gazetteer import COUNTRY
from timeline.extract.lexicon import role_regexes
from timeline.extract.model import (
    Engagement,
    Participation,
    SentenceInfo,
    Span,
)
from timeline.extract.passes.objects import speaks_next
from timeline.extract.people import PersonMention, ends_with_title, title_at
from timeline.extract.segment import Sentence

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


_PREDECESSOR = re.compile(r"['’]s\s+(?:predecessor|successor|predecessors)\b|\s+tiền nhiệm\b")


# "a meeting with (the) participation of Minister A of X and Minister B of Y": the list after
# it names both sides, as after "between"
PARTICIPATION_OF = re.compile(r"\s*(?:the\s+)?participation\s+of\s")


def add_participants(text: str, info: SentenceInfo, e: Engagement, language: str) -> None:
    """Roles of the persons of a sentence in an engagement it reports or refers to."""
    if not info.people:
        return
    # a headline's or lead's one engagement has no list of meetings to share its people with
    sentence_meetings = e.kind in ("meeting", "embassy_visit") and not e.lead_inferred
    for p in info.people:
        if p.person < 0 or _PREDECESSOR.match(text, p.end):
            continue  # "Tsuyuki's predecessor visited Hanoi": someone else
        if sentence_meetings and e.info is info:
            # in a list of meetings a counterpart person belongs to its own meeting only
            between = re.search(r"between|giữa", e.trigger[2]) or PARTICIPATION_OF.match(
                text, e.trigger[1]
            )
            # "phát biểu tại buổi tiếp X, Thứ trưởng Y nhấn mạnh": Y speaks in the main clause
            subject = "," in text[e.trigger[1] : p.start] and speaks_next(text, p)
            # (a verb of the headline has the whole lead after it: not a list's object)
            told_here = e.trigger[0] >= info.sentence.start
            after_verb = told_here and p.start > e.trigger[1] and e.counterpart_person != p.person
            present = _PRESENCE.search(text, info.sentence.start, p.extent[0]) is not None
            if after_verb and not (between or subject or present or _co_holder(info, e, p)):
                continue
        if _other_missions_head(e, p) or p.person in e.bystanders:
            continue
        if not_taking_part(text, info, e, p, language):
            e.bystanders.add(p.person)  # nor later by a short reference ("Ath stressed …")
            continue
        role, cue = _role(text, info, e, p, language)
        head = _list_head(text, info, p) if role in ("host", "guest") else None
        if head is not None and getattr(e.participants.get(head.person), "role", "") == "attendee":
            role = "attendee"  # the rest of a list of those who attended attend
        if (
            info is not e.info
            and p.person not in e.participants
            and not _told_of(text, info, p, role, cue, language)
            and not _envoy_of_the_country_met(e, p)
        ):
            continue  # "… do Chủ tịch Mao Trạch Đông vun đắp": named, not taking part
        if not may_take_part(e, p.person, role):
            continue  # who talks of a planned or past engagement did not take part in it
        prior = e.participants.get(p.person)
        if prior is not None and {prior.role, role} == {"host", "guest"}:
            continue  # a side is told once ("đã tiếp ông X"); "thanked Y for receiving" later
        if prior is None or ROLE_RANK.index(role) > ROLE_RANK.index(prior.role):
            e.participants[p.person] = Participation(p.person, p, role, cue)


def _envoy_of_the_country_met(e: Engagement, p: PersonMention) -> bool:
    """A meeting with a country's envoys left unnamed ("received ambassadors of Laos and
    Cambodia") takes that country's one person a later sentence names ("wished Cambodian
    Ambassador X a happy New Year"): its guest (x-fields5)."""
    c = e.counterpart
    if e.counterpart_person is not None:
        return e.kind == "meeting" and e.counterpart_person == p.person  # named since
    if e.kind != "meeting" or c is None or not p.country:
        return False
    own = c.key if c.kind == COUNTRY else (c.country if c.org_kind == "delegation" else None)
    return own == p.country


# "X, National Security Adviser to Prime Minister Y, co-chaired …": the one an adviser, an envoy
# or a secretary serves is named in that title, not at the table (x-miss7 002: the prime
# minister was drafted as the dialogue's co-chair)
# (in apposition to the one named before it: "met Special Representative of the Secretary-General
# X" names X by the office he holds)
_SERVED = re.compile(
    r"[A-Z][\w'’-]+,\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:[Aa]dvis[eo]r|[Ee]nvoy|[Ss]ecretary|[Aa]ide|[Aa]ssistant|[Rr]epresentative)\s+"
    r"(?:to|of)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,4}$"
)


def not_taking_part(
    text: str, info: SentenceInfo, e: Engagement, p: PersonMention, language: str
) -> bool:
    """Named beside the engagement without taking part in it: the leader a delegation
    accompanies (`khi tháp tùng Thủ tướng X sang …`: the leader's visit frames the
    delegation's trip and sessions, which the leader does not lead), and, in a sentence that
    goes on telling it, a person first named there as a commentator (`X, an analyst at …`) or
    at an occasion of the sentence's own (`Y, speaking at a press conference, …`)."""
    lang = languages.get(language)
    before = text[max(info.sentence.start, p.extent[0] - 60) : p.extent[0]]
    # the leader's titles may stand between the cue and the name ("tháp tùng Chủ tịch Quốc
    # hội X"), never a comma
    if re.search(
        rf"(?:{lang.cue('not_taking_part', 'accompanied').pattern})\s+(?:[^\s,.;:]+\s+){{0,5}}$",
        before,
        re.I,
    ):
        return True
    served = text[max(info.sentence.start, p.start - 80) : p.start]
    if language == "en" and _SERVED.search(served):
        return True  # "X, National Security Adviser to Prime Minister Y": Y is X's title
    if info is e.info or p.person in e.participants:
        return False
    titles = " ".join(t[2] for t in p.titles)
    if lang.cue("not_taking_part", "commentators").search(titles):
        return True
    # "President X later endorsed the agreement": who approves its outcome afterwards
    after = text[p.extent[1] : min(info.sentence.end, p.extent[1] + 60)]
    approved = lang.cue("not_taking_part", "afterwards").pattern
    if re.match(rf"[^.;:]{{0,25}}?(?:{approved})", after, re.I):
        return True
    return lang.cue("not_taking_part", "elsewhere").search(info.sentence.text) is not None


_AMBASSADOR = re.compile(r"\bAmbassador\b|(?<!\w)Đại sứ(?!\s+quán)|Chargé|Đại biện", re.I)
_CONSUL = re.compile(r"\bConsul\b|Consul[- ]General|(?<!\w)(?:Tổng )?Lãnh sự(?!\s+quán)", re.I)


def _other_missions_head(e: Engagement, p: PersonMention) -> bool:
    """At a visit to a consulate the ambassador is the embassy's head, not its host, and at an
    embassy the consul general is the consulate's ("Đại sứ Việt Nam tại Australia X" told with
    a visit to the Consulate General in Sydney)."""
    if e.kind != "embassy_visit" or e.counterpart is None:
        return False
    titles = " ".join(t[2] for t in p.titles)
    consulate = e.counterpart.key.startswith("Consulate")
    if consulate:
        return bool(_AMBASSADOR.search(titles)) and not _CONSUL.search(titles)
    return bool(_CONSUL.search(titles)) and not _AMBASSADOR.search(titles)


def _co_holder(info: SentenceInfo, e: Engagement, p: PersonMention) -> bool:
    """ "ngài A và ngài B, Thứ trưởng Bộ Tư pháp": B holds the office of A, the one met, and
    is met with A (a plural title, one meeting)."""
    met = next((q for q in info.people if q.person == e.counterpart_person), None)
    return met is not None and bool(p.titles) and p.titles == met.titles


def _role(
    text: str, info: SentenceInfo, e: Engagement, p: PersonMention, language: str
) -> tuple[str, Span | None]:
    """The person's role in the engagement by the sentence's cues, and the cue."""
    s = info.sentence
    roles = role_regexes()
    role, cue = "attendee", None
    before = text[s.start : p.start]
    after = text[p.end : s.end]
    co = roles["co_chair"]
    m_before = list(co.finditer(before))
    m_after = co.search(after)
    if m_after and _PLANNED_CHAIR.search(after[: m_after.start()][-12:]) and e.status == "held":
        m_after = None  # "A và B sẽ đồng chủ trì Lễ khánh thành …": another, planned event
    if (occasion := _chairs_the_occasion(text, info, e, p)) is not None:
        role, cue = "co_chair", occasion
    elif m_after and not re.search(r"\bby\b", text[s.start : p.start][-40:] or ""):
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
    elif e.kind == "meeting" and (
        m := _chairs_right_after(text, p, info, roles["chair"], language)
    ):
        role, cue = "chair", (m.start(), m.end(), m.group())  # "X, Phó Cục trưởng, chủ trì"
    elif (cv := _CALLS_ON.search(text, s.start, s.end)) and e.kind == "meeting":
        # ("A dẫn đầu đoàn … đến chào xã giao B": at the call A is its guest, the trip's head)
        role, cue = _call_role(text, s, cv, p), (cv.start(), cv.end(), cv.group())
    elif (led := _leads(text, s, p, roles["delegation_head"])) is not None:
        role, cue = "delegation_head", led
    elif presence := _PRESENCE.search(text, s.start, p.extent[0]):
        role, cue = "attendee", (presence.start(1), presence.end(1), presence.group(1))
    elif (opener := _ATTENDING_LINE.match(text, s.start, p.extent[0])) and not (
        _CHAIRS_A_SIDE.search(before[-80:])
    ):
        # "Tham dự buổi tiếp có lãnh đạo Cục A, Cục B và ngài X, Đại sứ …": all of the list
        role, cue = "attendee", (opener.start(1), opener.end(1), opener.group(1))
    elif (
        roles["attendee"].search(before)
        and _PRESENTED.search(text, max(s.start, p.extent[0] - 16), p.extent[0])
        and not _CHAIRS_A_SIDE.search(before[-80:])
    ):
        role, cue = "attendee", _abs(s.start, roles["attendee"].search(before))  # "… có X"
    elif (
        hv := languages.get(language).host_verb.search(text, s.start, s.end)
    ) and e.kind == "meeting":
        role = _host_verb_role(text, info, p, hv, language)
        cue = (hv.start(), hv.end(), hv.group())
    elif _CHAIRS_A_SIDE.search(before[-80:]):
        pass  # "Tham dự và chủ trì hội đàm về phía tỉnh X có …": the side decides the role
    elif (late := _listed_or_speaking(text, info, e, p, roles, before, after)) is not None:
        role, cue = late
    return role, cue


def _listed_or_speaking(
    text: str,
    info: SentenceInfo,
    e: Engagement,
    p: PersonMention,
    roles: dict[str, re.Pattern[str]],
    before: str,
    after: str,
) -> tuple[str, Span | None] | None:
    """The last cues of `_role` (`roles`: its cues' patterns): a list of those present around
    the person, or a speaker."""
    s = info.sentence
    present = roles["attendee"]
    if m := present.search(before):
        return "attendee", _abs(s.start, m)
    if m := present.search(after[:30]):
        return "attendee", _abs(p.end, m)
    end = _list_end(text, info, p)
    # (within the sentence: the next one's "Tham gia các hoạt động …" is another's cue)
    if m := present.search(text, end, min(end + 30, s.end)):
        return "attendee", (m.start(), m.end(), m.group())  # "A, and B were also present"
    if m := _present_after_names(text, present, end, s.end):
        # ("A, B and IG Islamabad Police C were also present": a last name the people pass
        # did not read still closes the list of those present, x-en6)
        return "attendee", (m.start(), m.end(), m.group())
    speaker = roles["speaker"]
    if not e.remote and (speaker.search(before[-60:]) or speaker.search(after[:25])):
        return "speaker", None
    return None


# "met X in the presence of the Director General of Police, Lt. Gen. Y", "với sự có mặt của
# Y": Y attends besides the two sides (the development gold's attendees; x-people page 010)
_PRESENCE = re.compile(
    r"(in the presence of|với sự (?:có mặt|tham dự|chứng kiến) của)\s+(?:the\s+)?"
    r"(?:[^,.;]{0,80},\s*)?(?:[A-Z][a-z]{0,4}\.\s*)*$"
)


# a sentence presenting who attended, the person in its list (x-people probes: an ambassador
# listed after the units' leaders was a guest, then dropped as not told of)
_ATTENDING_LINE = re.compile(
    r"(Tham dự|Cùng dự|Cùng tham dự|Dự buổi|Also attending|Attending|Present at)"
    r"[^.;:]{0,80}?(?<!\w)(?:có|were|was|included)\s[^.;:]*$"
)


# between two names of one list: a comma, "and" / "và", an article or honorific
_IN_LIST = re.compile(r"\s*,?\s*(?:and|và)?\s*(?:the\s+|(?:ông|bà|ngài|Mr|Ms|Mrs|Dr)\.?\s+)?", re.I)


def _list_end(text: str, info: SentenceInfo, p: PersonMention) -> int:
    """Where the list the person opens ends: after the last of the persons named one after
    the other with their titles ("A, and the Ambassador of Qatar B were also present")."""
    end = p.extent[1]
    for q in sorted(info.people, key=lambda q: q.extent[0]):
        if q.extent[0] < end:
            continue
        if not _IN_LIST.fullmatch(text, end, q.extent[0]):
            break
        end = q.extent[1]
    return end


# "A và B tại buổi tiếp": two people, then the reception they were at (see _host_verb_role)
_PAIR_AT_RECEPTION = re.compile(r"\s+tại buổi ")
_AND_BEFORE = re.compile(r"\svà\s+(?:\S+\s+){0,4}$")


# names and titles only: capitalised words, commas, "and", "of the"
_NAMES_ONLY = re.compile(
    r"(?:\s*,?\s*(?:and\s+|of\s+(?:the\s+)?)?[A-Z][\w.'’-]*)+\s*,?\s*(?:(?:were|was)\s+)?"
)


def _present_after_names(
    text: str, attendee: re.Pattern[str], end: int, stop: int
) -> re.Match[str] | None:
    """The attendance cue after the rest of a list of names and titles (`… and IG X Police
    Y were also present`), when nothing but names stands between."""
    m = attendee.search(text, end, stop)
    if m is None or m.start() - end > 120:
        return None
    return m if _NAMES_ONLY.fullmatch(text, end, m.start()) else None


# thanks for a reception, its verb after them
_THANKS = re.compile(r"(?<!\w)(?:cảm ơn|cám ơn|thanked|thanks|thanking)(?!\w)", re.I)


def _host_verb_role(
    text: str, info: SentenceInfo, p: PersonMention, hv: re.Match[str], language: str
) -> str:
    """Host or guest by the receiving verb: before it hosts, after it is received, unless
    the reception is told first, in the passive, or thanked for."""
    s = info.sentence
    # the reception told first, then its host: "Tiếp X, Bộ trưởng Y …", "phát biểu tại
    # buổi tiếp X, Thứ trưởng Y nhấn mạnh …"
    lead = hv.start() - s.start < 3 or speaks_next(text, p)
    fronted = lead and "," in text[hv.end() : p.start]
    # "Tiếp (và làm việc với) đoàn có Đại tá X": presented as the ones receiving
    receiving = hv.start() - s.start < 3 and _PRESENTED.search(
        text, max(s.start, p.extent[0] - 16), p.extent[0]
    )
    role = "host" if p.start < hv.start() or fronted or receiving else "guest"
    if role == "host" and _PAIR_AT_RECEPTION.fullmatch(text, p.extent[1], hv.start()):
        # "Bộ trưởng A và Đại sứ B tại buổi tiếp": a caption names the host first, then the
        # one received
        role = "guest" if _AND_BEFORE.search(text, s.start, p.extent[0]) else role
    if _passive(text, s.start, hv):
        # "The delegation was received by General X": the one after "by" receives
        role = "guest" if role == "host" else "host"
    if (thanks := _THANKS.search(text, s.start, hv.start())) is not None:
        # "A cảm ơn B đã dành thời gian tiếp đoàn", "A thanked B for receiving": the one
        # thanked received the one thanking (x-people page 002: both were hosts)
        thanking = p.start < thanks.start() and is_subject(text, info, p, language)
        role = "guest" if thanking else "host"
    return role


def _call_role(text: str, s: Sentence, cv: re.Match[str], p: PersonMention) -> str:
    """ "X called on Prime Minister Y", "X đến chào Thủ tướng Y": the one called on hosts and
    the caller is the guest, also when fronted after the call ("khi tới chào xã giao Y, Bộ
    trưởng X đã …") or the first person of a quote ("“We called on X …,” Y said")."""
    if p.start < cv.start():
        return "guest"
    fronted = "," in text[cv.end() : p.start] and speaks_next(text, p)
    quoted = (
        _FIRST_PERSON_CALLER.search(text, s.start, cv.start()) is not None
        and re.search(r"[”\"]", text[cv.end() : p.start]) is not None
    )
    return "guest" if fronted or quoted else "host"


# "was warmly received by", "were welcomed by": the receiving verb in the passive
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
_BY_AFTER = re.compile(r"\s+by\b")


def _passive(text: str, start: int, verb: re.Match[str]) -> bool:
    """Is the receiving verb told in the passive, its host the one after `by`?"""
    before = text[max(start, verb.start() - 30) : verb.start()]
    return bool(_PASSIVE_BEFORE.search(before)) and bool(_BY_AFTER.match(text, verb.end()))


def _leads(text: str, s: Sentence, p: PersonMention, head: re.Pattern[str]) -> Span | None:
    """The cue of a delegation's head: `do X … làm trưởng đoàn`, `led by X`, `X led the Thai
    side`, `X headed the visiting delegation`."""
    before, after = text[s.start : p.start], text[p.end : s.end]
    if re.search(
        r"(?:\bdo\b|led by|headed by)[^.]{0,12}$", text[s.start : min(p.start, p.extent[0])]
    ) and (m := head.search(after)):
        return _abs(p.end, m)
    if m := _LEADS_A_SIDE.match(text, p.extent[1], s.end):
        return (m.start("verb"), m.end(), m.group("verb"))
    if re.search(r"(?:led by|headed by)\s*(?:\S+\s+){0,6}$", before):
        m = re.search(r"(?:led by|headed by)", before)
        return (s.start + m.start(), s.start + m.end(), m.group())  # type: ignore[union-attr]
    return None


# "X led the Thai side", "Y headed the visiting delegation", "Z dẫn đầu đoàn": who leads a side
_LEADS_A_SIDE = re.compile(
    r"\s*(?:,[^,.;]{0,80},\s*)?(?P<verb>led|headed|dẫn đầu)\s+(?:the\s+|đoàn\b\s*)?"
    r"(?:[\w-]+\s+){0,3}?(?:side|delegation|team|đại biểu|công tác)(?!\w)"
)

_PLANNED_CHAIR = re.compile(r"(?<!\w)(?:sẽ|dự kiến|will|would|to)\s+$")

# "“We called on X …,” Y said": a call told in the first person inside a quote
_FIRST_PERSON_CALLER = re.compile(r"(?<!\w)(?:I|[Ww]e)\s+(?:[a-z]+\s+){0,2}$")

_CALLS_ON = re.compile(
    r"(?<!\w)(?:called on|calls on|paid a courtesy (?:call|visit) (?:on|to)|"
    r"(?:đến|tới) chào(?: xã giao)?|chào xã giao|thăm xã giao|yết kiến)(?!\w)"
)

# "chủ trì hội đàm về phía tỉnh Quảng Trị có …", "chaired for the Thai side": who leads a side
_CHAIRS_A_SIDE = re.compile(
    r"(?:chủ trì|chaired|co-chaired)[^.;]{0,30}?(?:về phía|phía|for the|on the)\s[^.;]{0,40}$",
    re.I,
)


def _chairs_right_after(
    text: str, p: PersonMention, info: SentenceInfo, chair: re.Pattern[str], language: str
) -> re.Match[str] | None:
    """ "X, Phó Cục trưởng Cục Cảnh sát hình sự chủ trì cuộc họp": a chair verb right after the
    person, their titles and the organisation those name; "X – Phó Chỉ huy trưởng, dự,
    chủ trì buổi tiếp": an office after a dash, attending and chairing."""
    m = chair.search(text, p.extent[1], min(info.sentence.end, p.extent[1] + 80))
    if m is None:
        return None
    gap = text[p.extent[1] : m.start()]
    for o in info.orgs:
        if p.extent[1] <= o.start and o.end <= m.start():
            gap = gap.replace(o.text, " ")
    attends = re.search(r"\s(?:dự|tham dự|attended)(?:\s*,|\s+(?:và|and)(?!\w))\s*$", gap)
    if attends is not None:
        gap = gap[: attends.start()]
        office = re.match(r"\s*[,–-]\s*", gap)
        if office and title_at(text, p.extent[1] + office.end(), language):
            return m  # (the office's own words are the title's, whatever they are)
    return m if not gap.strip(" ,") else None


# what may stand between a clause's start and its subject: other subjects and their links
_SUBJECT_LINK = re.compile(
    r"(?:\s|[“”\"'‘’(\[\]]|(?<!\w)(?:và|cùng(?: với)?|với|and|as well as|together with|"
    r"ông|bà|ngài|đồng chí|of|for|the|của|"
    # the rest of a title the name's chain did not take ("Executive Secretary and PAOCC
    # Chair X", "Vietnam’s Ambassador to China X")
    r"[A-ZĐ][\w.-]*(?:['’]s)?)(?!\w))*"
)


# "met with Thai Police Commissioner-General Somchai Wong": the one met's country and agency,
# capitalised words before the title the person's mention starts with, are still the one met
_QUALIFIED = re.compile(
    r"\s*(?:(?:ông|bà|ngài|đồng chí|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+)?(?:the\s+)?"
    r"(?:[A-ZĐ][\w’'-]*\s+){0,4}"
)
# "Tham dự … có X", "Joining the event were X", "The delegation … included Mr. X": the sentence
# presents who was there
_PRESENTED = re.compile(
    r"(?<!\w)(?:có|were|are|included|includes|comprised)\s+"
    r"(?:(?:ông|bà|ngài|đồng chí|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+)?$"
)
# "… included Mr. A, Senior Advisor, INL, and Mr. B": the next of the list presented
# ("có A, Cục trưởng …; B, Phó Cục trưởng … và C": a Vietnamese list, its semicolons and "và",
# each one after the one before, x-fields5)
_NEXT_IN_LIST = re.compile(
    r"\s*[,;]?\s*(?:(?:and|và)\s+)?(?:(?:Mr|Ms|Mrs|Dr|ông|bà|đồng chí)\.?\s+)?"
)


def _listed_after_presented(text: str, info: SentenceInfo, p: PersonMention) -> bool:
    return _list_head(text, info, p) is not None


def _list_head(text: str, info: SentenceInfo, p: PersonMention) -> PersonMention | None:
    """The first of a presented list ("có A, …; B, … và C") that `p` comes later in."""
    while True:
        before = [q for q in info.people if q.extent[1] <= p.extent[0] and q.person >= 0]
        if not before:
            return None
        prev = max(before, key=lambda q: q.extent[1])
        if not _NEXT_IN_LIST.fullmatch(text, prev.extent[1], p.extent[0]):
            return None
        start = max(info.sentence.start, prev.extent[0] - 16)
        if _PRESENTED.search(text, start, prev.extent[0]):
            return prev
        p = prev


def _told_of(
    text: str, info: SentenceInfo, p: PersonMention, role: str, cue: Span | None, language: str
) -> bool:
    """Does a sentence that goes on telling an engagement tell the person took part in it: a
    cue of their role, presented as there (`có X`), met (`met with X`), or its subject?"""
    if _cued(text, p, role, cue):
        return True
    if _PRESENTED.search(text, max(info.sentence.start, p.extent[0] - 16), p.extent[0]):
        return True
    if _listed_after_presented(text, info, p):
        return True
    meet = languages.get(language).meet
    s = info.sentence
    for m in meet.finditer(text, s.start, p.extent[0]):
        if _QUALIFIED.fullmatch(text, m.end(), p.extent[0]):
            return True  # "Park met with Minister Tran": the one met
    if _QUOTE_INTRO.fullmatch(text, p.extent[1], s.end):
        return False  # "NCA Director of Threat Leadership, X, said:": a quote's speaker only
    return is_subject(text, info, p, language)


# a sentence that only introduces a quote after the person's name
_QUOTE_INTRO = re.compile(r"\s*,?\s*(?:said|says|added|stated)\s*:?\s*")


def _cued(text: str, p: PersonMention, role: str, cue: Span | None) -> bool:
    """Is the person's role told of them: co-chairing, chairing, leading, attending, or the
    object right after the receiving verb ("tiếp ông X")?"""
    if cue is None:
        return False
    if role not in ("host", "guest"):
        return True
    return cue[1] <= p.extent[0] and _SUBJECT_LINK.fullmatch(text, cue[1], p.extent[0]) is not None


def is_subject(text: str, info: SentenceInfo, p: PersonMention, language: str) -> bool:
    """Is the person a subject of the sentence: named at the start of the sentence or of a
    clause after a comma (`Tại buổi tiếp, Phó Thủ tướng X …`), with only other subjects and
    their links (`A và B`, `A and B`) before them? A person named inside a phrase (`chuyến
    thăm của X`, `do Chủ tịch X vun đắp`, `congratulated X`) is talked about, not taking part."""
    s = info.sentence
    start = p.extent[0]
    marks = list(re.finditer(r"[,;:]\s", text[s.start : start]))
    floor = s.start + marks[-1].end() if marks else s.start
    if marks:
        mark = s.start + marks[-1].start()
        if ends_with_title(text, mark, language):
            return False  # "của Tổng Bí thư, Chủ tịch X": a title list, not a new clause
        listed = next((q for q in info.people if q.extent[1] == mark and q is not p), None)
        if listed is not None:
            return is_subject(text, info, listed, language)  # "của A, B; C": A's list
    gap = text[floor:start]
    for q in info.people:
        if q is not p and floor <= q.extent[0] and q.extent[1] <= start:
            gap = gap.replace(text[q.extent[0] : q.extent[1]], " ")
    return _SUBJECT_LINK.fullmatch(gap) is not None


def may_take_part(e: Engagement, person: int, role: str) -> bool:
    if not e.context and e.status == "held":
        return True
    return role in ("co_chair", "chair", "delegation_head") or person == e.counterpart_person


def _abs(base: int, m: re.Match[str]) -> Span:
    return (base + m.start(), base + m.end(), m.group())


# "Nhân chuyến thăm … và đồng chủ trì Đối thoại …, Thượng tướng X …": the occasion phrase's
# co-chairing is done by the subject of the sentence
_OCCASION_CHAIR = re.compile(
    r"(?:Nhân|Trong khuôn khổ|On the occasion of|While)[^,]*?"
    r"(?P<cue>đồng chủ trì|co-chair(?:ing)?)\s[^,]*,",
    re.I,
)


def _chairs_the_occasion(
    text: str, info: SentenceInfo, e: Engagement, p: PersonMention
) -> Span | None:
    """The cue, when the dialogue is co-chaired in the sentence's opening occasion phrase and
    the person is the sentence's subject, the first named after it."""
    if e.kind != "dialogue":
        return None
    s = info.sentence
    m = _OCCASION_CHAIR.match(s.text)
    if m is None or not (s.start + m.start("cue") < e.trigger[0] < s.start + m.end()):
        return None
    subject = next((q for q in info.people if q.start >= s.start + m.end()), None)
    if subject is None or subject.person != p.person:
        return None
    return (s.start + m.start("cue"), s.start + m.end("cue"), m.group("cue"))
