"""Who travelled: a sentence that opens on a trip (`During the visit to Tokyo, X met Y`, `Trong
chuyến thăm Lào, X đã hội đàm với Y`) tells its meeting at the trip's destination with X the
visitor; one that opens on another person's trip (`Trong khuôn khổ chuyến thăm … của Thủ tướng
X, Bộ trưởng Y đã hội đàm với Z`) frames Y's meeting, which X did not attend."""

from __future__ import annotations

import re

from timeline.extract.gazetteer import CITY, COUNTRY, Mention
from timeline.extract.model import Engagement, SentenceInfo
from timeline.extract.people import PersonMention

# "During the visit to Tokyo, ", "On his official trip to Seoul, ", "Trong chuyến thăm Lào, ",
# "Nhân dịp sang thăm và làm việc tại Nhật Bản, " (x-people7: an FBI Director's three sessions
# abroad, each told so, had him host his own meetings; 3 on 1 page, a shape of every outlet
# that tells a tour stop by stop)
_OWN_TRIP = re.compile(
    r"\W*(?:(?:During|On|In the course of|While on)\s+(?:the|his|her|their|a|an|this)\s+"
    r"(?:(?:official|working|recent|two-day|three-day|first)\s+)*(?:visit|trip)\s+to\s+"
    r"|(?:Trong|Nhân dịp|Nhân)\s+(?:chuyến\s+)?(?:sang\s+)?(?:thăm|công tác)"
    r"(?:\s+(?:chính thức|và làm việc|làm việc))*(?:\s+(?:tại|ở))?\s+)"
    r"(?P<dest>[^,]{2,60}?),\s*"
)
# the frame names whose trip it is: "chuyến thăm … của Thủ tướng X", "the Prime Minister's visit"
_ANOTHERS = re.compile(r"\bcủa\b|['’]s\b|\bof\s+(?:the\s+)?[A-Z]")
# "Trong khuôn khổ (chương trình) chuyến thăm … của X, ", "On the sidelines of X's visit to …, ",
# "As part of Prime Minister X's official visit to …, " (x-people7: a minister's talks told in the
# frame of the Prime Minister's visit had the Prime Minister at the table)
_ANOTHERS_TRIP = re.compile(
    r"\W*(?:Trong khuôn khổ|Nhân dịp|Bên lề|Nhân)\s+(?:chương trình\s+)?(?:chuyến\s+)"
    r"(?:thăm|công tác)[^,]{0,40}?\s+của\s+[^,]{3,120},\s*"
    r"|\W*(?:As part of|On the sidelines of|During)\s+[^,]{3,80}['’]s\s+(?:\w+\s+){0,3}"
    r"(?:visit|trip)\b[^,]{0,60},\s*"
)


def opening_trip(text: str, info: SentenceInfo) -> tuple[int, Mention | None] | None:
    """Where a sentence's opening trip frame ends and the place it went to, when the sentence
    opens on the traveller's own trip; None otherwise."""
    s = info.sentence
    m = _OWN_TRIP.match(text, s.start, s.end)
    if m is None or _ANOTHERS.search(m.group("dest")):
        return None
    dest = [p for p in info.places if m.start("dest") <= p.start and p.end <= m.end("dest")]
    return m.end(), (dest[-1] if dest else None)


def _country_of(place: Mention) -> str | None:
    return place.key if place.kind == COUNTRY else place.country


def traveller(text: str, info: SentenceInfo) -> PersonMention | None:
    """The person the sentence's own-trip frame is about: the first one named after it."""
    frame = opening_trip(text, info)
    if frame is None:
        return None
    end = frame[0]
    after = [p for p in info.people if p.start >= end]
    first = min(after, key=lambda p: p.start, default=None)
    if first is None or first.extent[0] - end > 60:
        return None
    return first


def travellers_abroad(text: str, infos: list[SentenceInfo]) -> None:
    """The traveller is not of the country visited: a country read from the place before them
    (`the visit to Tokyo, Director X`) is cleared, on every mention of that person."""
    for info in infos:
        frame = opening_trip(text, info)
        m = traveller(text, info)
        if frame is None or m is None or frame[1] is None:
            continue
        visited = _country_of(frame[1])
        if visited is None or m.country != visited:
            continue
        for other in (p for i in infos for p in i.people):
            if other.person == m.person and other.country == visited:
                other.country = None
        m.country = None


def sessions_at_the_destination(text: str, engagements: list[Engagement]) -> None:
    """A meeting told after the trip frame is held where the trip went, not at a place named
    later in its sentence (`… follow up on the meeting between A and B in Busan`)."""
    for e in engagements:
        if e.kind != "meeting":
            continue
        frame = opening_trip(text, e.info)
        if frame is None or frame[1] is None or e.trigger[0] < frame[0]:
            continue
        dest = frame[1]
        e.place_span = dest
        e.city = dest if dest.kind == CITY else None
        e.place_country = _country_of(dest)


def travellers_are_guests(text: str, engagements: list[Engagement]) -> None:
    """The traveller of the frame is the guest of the meeting told after it, and heads the
    trip the frame tells."""
    for e in engagements:
        if e.kind not in ("meeting", "visit"):
            continue
        m = traveller(text, e.info)
        if m is None:
            continue
        role = "guest" if e.kind == "meeting" else "delegation_head"
        for part in e.participants.values():
            if part.person == m.person and part.role in ("host", "attendee"):
                part.role = role


def framed_by_anothers_trip(text: str, engagements: list[Engagement]) -> None:
    """Those named in the frame of another person's trip are not at the meeting the sentence
    then tells of its own subject."""
    for e in engagements:
        if e.kind not in ("meeting", "dialogue"):
            continue
        s = e.info.sentence
        m = _ANOTHERS_TRIP.match(text, s.start, s.end)
        if m is None or e.trigger[0] < m.end():
            continue
        framed = {
            k for k, part in e.participants.items() if s.start <= part.mention.start < m.end()
        }
        told = [k for k, p in e.participants.items() if p.mention.start >= m.end()]
        if framed and told:
            for k in framed:
                del e.participants[k]


# "visited Thailand’s Ministry of Defense to discuss … with X": a call at a body's premises in
# the country, so a meeting with whom it names, not a trip to the country (x-people7 pages 014
# and 016; the premises' own name, "visited CBI Headquarters", is `premises_visited`'s)
_PREMISES_OF = re.compile(
    r"\s*['’]s\s+(?:[A-Z][\w'’-]*\s+){0,4}(?:Ministry|Headquarters|Department|Agency|Bureau|"
    r"Office|Police|Command|Academy|Directorate|Secretariat)\b"
)


def premises_called_at(text: str, engagements: list[Engagement]) -> None:
    """A visit to a country's body's premises is a meeting there: its traveller the guest, the
    first person named after the trigger the one met."""
    for e in engagements:
        if e.kind != "visit" or e.destination is None or e.context:
            continue
        if not _PREMISES_OF.match(text, e.destination.end):
            continue
        e.kind, e.destination = "meeting", None
        for part in e.participants.values():
            if part.role == "delegation_head":
                part.role = "guest"
        met = [p for p in e.participants.values() if p.mention.start > e.trigger[1]]
        if met and e.counterpart_person is None:
            e.counterpart_person = min(met, key=lambda p: p.mention.start).person


def _pair(e: Engagement) -> frozenset[int]:
    return frozenset(k for k, p in e.participants.items() if p.role != "attendee")


def retold_by_its_pair(engagements: list[Engagement]) -> list[Engagement]:
    """A later meeting of the same two people, with no day or place of its own that differs,
    is the first retold (`X welcomed the FBI Director and thanked him for his visit` after `the
    Director held discussions with X`: x-people7 page 014, two drafts of one call)."""
    out: list[Engagement] = []
    for e in engagements:
        first = next(
            (
                f
                for f in out
                if f.kind == e.kind == "meeting"
                and not f.context
                and not e.context
                and len(_pair(e)) == 2
                and _pair(e) == _pair(f)
                and e.host == f.host
                and (e.resolved is None or e.resolved == f.resolved)
                and (e.city is None or f.city is None or e.city.key == f.city.key)
            ),
            None,
        )
        if first is None:
            out.append(e)
            continue
        for info in e.sentences:
            if not any(info is i for i in first.sentences):
                first.add(info)
    return out


def trips_of_one_call(engagements: list[Engagement]) -> list[Engagement]:
    """A trip with no place, day or destination whose only session holds all its people is
    that session's own word (`During the visit, X held discussions with Y`): no trip."""
    out = []
    for e in engagements:
        parts = [x for x in engagements if x.parent is e]
        bare = e.kind == "visit" and e.destination is None and e.place_country is None
        lone = bare and e.resolved is None and len(parts) == 1
        if lone and set(e.participants) <= set(parts[0].participants):
            parts[0].parent = None
            continue
        out.append(e)
    return out


# "X had a delegation level meeting with Y", "delegation-level talks between X and Y": each
# heads their side's delegation (x-people7 page 012, the wording of India's home ministry)
_DELEGATION_LEVEL = re.compile(r"\bdelegation[- ]level\s+(?:meeting|talks)\b", re.I)


def delegation_level_heads(text: str, engagements: list[Engagement]) -> None:
    """The two people of a delegation-level meeting head their delegations; the others named
    with it attend."""
    for e in engagements:
        if e.kind != "meeting" or not _DELEGATION_LEVEL.search(e.info.sentence.text):
            continue
        s = e.info.sentence
        here = sorted(
            (p for p in e.participants.values() if s.start <= p.mention.start < s.end),
            key=lambda p: p.mention.start,
        )
        before = [p for p in here if p.mention.start < e.trigger[0]]
        after = [p for p in here if p.mention.start >= e.trigger[1]]
        if before and after:
            before[-1].role = after[0].role = "delegation_head"


# "Director X, alongside U.S. Ambassador Y, met …", "accompanied by Ambassador Y": who came with
# the one who met attends (x-people7 page 008: the ambassador was taken for a second guest)
_ALONGSIDE = re.compile(r"(?:\balongside|\baccompanied by|\btogether with)\s+(?:the\s+)?$")


def companions_attend(text: str, engagements: list[Engagement]) -> None:
    """The person named right after `alongside` in a meeting's own sentence attends it."""
    for e in engagements:
        if e.kind != "meeting":
            continue
        for part in e.participants.values():
            m = part.mention
            if not e.info.sentence.start <= m.start < e.trigger[0]:
                continue
            if part.role in ("guest", "host") and _ALONGSIDE.search(
                text, max(e.info.sentence.start, m.extent[0] - 24), m.extent[0]
            ):
                part.role = "attendee"


# "The MOU was signed by A and B at …": the two who signed are the two sides, not bystanders
# (x-people7 page 010: the host minister who signed was drafted as attending)
_SIGNED_BY = re.compile(r"\b(?:was|were)\s+signed\s+by\b", re.I)


def signatories_by_side(text: str, engagements: list[Engagement]) -> None:
    """Those named after `was signed by` in a meeting's sentence take their side's role."""
    for e in engagements:
        if e.kind != "meeting" or e.host is None:
            continue
        s = e.info.sentence
        signed = _SIGNED_BY.search(text, s.start, s.end)
        if signed is None:
            continue
        for part in e.participants.values():
            c = part.mention.country
            if part.role != "attendee" or not signed.end() <= part.mention.start < s.end:
                continue
            part.role = "host" if c == e.host else "guest" if c in e.guests else part.role
