"""Roles: host, guest, co-chairs and delegation heads by side; a trip's head from its sessions
and back."""

from __future__ import annotations

import re

from timeline.extract.model import (
    Engagement,
    Participation,
)
from timeline.extract.people import PersonMention

_MISSION_HEAD = re.compile(
    # ("Ambassador for Counter-Terrorism": a government's envoy on a subject heads no mission)
    r"\bAmbassador\b(?!\s+(?:for|on)\s)|\bConsul\b|Consul[- ]General|(?<!\w)Đại sứ(?! quán)|"
    r"(?<!\w)Tổng Lãnh sự"
    r"(?! quán)|(?<!\w)Lãnh sự(?! quán)|Charg[ée] d['’]affaires|Đại biện|"
    # a Commonwealth country's ambassador to another ("British High Commissioner to Pakistan")
    r"\bHigh Commissioner\b",
    re.I,
)


def _heads_mission(m: PersonMention, e: Engagement) -> bool:
    """An ambassador or consul of the mission's country at an embassy visit."""
    owner = e.counterpart.country if e.counterpart is not None else None
    return m.country in (owner, None) and is_mission_head(m)


def is_mission_head(m: PersonMention) -> bool:
    """An ambassador, consul or chargé d'affaires, by their titles."""
    return any(_MISSION_HEAD.search(t[2]) for t in m.titles)


def _of_the_hosts(part: Participation, e: Engagement) -> bool:
    """At a session of a trip abroad, the host country's people are its hosts: a "led by" of
    theirs leads the side receiving the trip, and one read as a guest by the verb's order
    ("Tại các buổi tiếp và làm việc với ngài X, Phó Tư lệnh …") receives it."""
    trip = e.parent
    return (
        part.role in ("delegation_head", "guest")
        and e.kind == "meeting"
        and trip is not None
        and e.host is not None
        and part.mention.country == e.host
        and e.host not in trip.guests
    )


def _both_sides_led(e: Engagement) -> bool:
    """ "đoàn … do A dẫn đầu đã hội đàm với đoàn … do B làm trưởng đoàn": a meeting, not a
    trip's session, whose host and guest sides each have their delegation's head."""
    if e.kind != "meeting" or e.parent is not None or e.host is None:
        return False
    led = {p.mention.country for p in e.participants.values() if p.role == "delegation_head"}
    return e.host in led and any(g in led for g in e.guests)


def received_delegations(engagements: list[Engagement]) -> None:
    """After a trip's head is read from its sessions: at each meeting, the head of the
    delegation received is its guest when someone receives them at a trip's session, and who
    chairs or speaks is on their side, host or guest (`_received`)."""
    for e in engagements:
        for part in e.participants.values():
            _received(part, e)


def _received(part: Participation, e: Engagement) -> None:
    """At a session of a trip, the head of the delegation received is its guest (the trip's
    record names them its head); at a meeting no trip frames ("X tiếp đoàn … do Y dẫn đầu",
    "welcomed a French delegation led by Y") Y stays the delegation's head, the one record
    that says so (the development and read sets' gold: 6 of 7 such heads). Who chairs or
    speaks at a meeting is on a side: the host's or the guests' (the gold has no chairs and
    no speakers at meetings)."""
    if e.kind != "meeting" or e.host is None:
        return
    c = part.mention.country
    if c is None or (c != e.host and c not in e.guests):
        return
    if part.role == "delegation_head" and c != e.host:
        if e.parent is not None and received_by_someone(e):
            part.role = "guest"
    elif part.role in ("chair", "speaker") and not e.remote:
        part.role = "host" if c == e.host else "guest"


def roles_by_side(engagements: list[Engagement], text: str = "") -> None:
    """A person with no stated role takes the side they are on: in a meeting or embassy visit the
    host country's people host and the others are guests; a trip's first traveller leads it."""
    for e in engagements:
        both_led = _both_sides_led(e)
        # a lead that states who received whom: those its story presents as present attend
        sided = {"host", "guest"} <= {p.role for p in e.participants.values()}
        for part in e.participants.values():
            if _of_the_hosts(part, e):
                part.role = "host"  # "… the Consular Department, led by Director General X"
            if (
                e.kind == "embassy_visit"
                and part.role == "guest"
                and _heads_mission(part.mention, e)
            ):
                part.role = "host"  # the ambassador receives the delegation at the mission
            if e.remote and e.host is not None and part.role in ("host", "guest"):
                # a video call no one travelled to, hosted by a side: the verb's reading
                # ("X meets with Y via video link": X a guest) gives way to the sides
                c = part.mention.country
                part.role = "host" if c == e.host else "guest" if c in e.guests else part.role
            if part.role == "delegation_head" and both_led:
                # talks between two delegations: each head is their side at the table
                c = part.mention.country
                part.role = "host" if c == e.host else "guest" if c in e.guests else part.role
            if part.role not in ("attendee", "speaker") or e.kind == "dialogue":
                continue
            if (part.cue is not None and not e.lead_inferred) or (e.remote and e.host is None):
                # a role the text states ("tham dự", "phát biểu") stands; but a lead that
                # names the two sides' people only as present ("Tham dự có A … và B …") tells
                # no one's part in it but their side's
                continue
            if e.lead_inferred and (sided or _present_besides(text, part)):
                continue  # "The session was also attended by A": present besides the two sides
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


# "was also attended by", "were also present", "in the presence of", "Cùng dự có": people
# present besides the two sides a lead names (x-people pages: 4 such attendees, all read as a
# side before)
_BESIDES = re.compile(
    r"\b[Aa]lso\b[^.;]{0,20}$|\bin the presence of\s*$|(?<!\w)[Cc]ùng (?:tham )?dự\s*$|"
    # a side's listed members ("the Thai side included A, …"): attendees (x-people7)
    r"\b(?:side|delegation|delegates|and)\s+included\s*$"
)


def _present_besides(text: str, part: Participation) -> bool:
    """Is the person's attendance cue one that adds them to the engagement's two sides?"""
    if part.role != "attendee" or part.cue is None or not text:
        return False
    before = text[max(0, part.cue[0] - 30) : part.cue[1]]
    return _BESIDES.search(before) is not None


def own_meeting_of_a_list(engagements: list[Engagement]) -> None:
    """Of one verb's list of meetings ("làm việc với FBI và DEA"), a later sentence's officer of
    one agency met ("Tiếp đoàn có ông X, Phó Giám đốc FBI") is at that agency's meeting only
    (x-people probes: the FBI's deputy director was at the DEA's too)."""
    for e in engagements:
        if e.kind != "meeting" or e.counterpart is None:
            continue
        others = {
            x.counterpart.key
            for x in engagements
            if x is not e and x.kind == "meeting" and x.info is e.info and x.counterpart
        }
        s = e.info.sentence
        for key, part in list(e.participants.items()):
            org = part.mention.organisation
            told_apart = not s.start <= part.mention.start < s.end
            if (
                told_apart
                and org is not None
                and org.key != e.counterpart.key
                and org.key in others
            ):
                del e.participants[key]


def met_at_their_own_meeting(engagements: list[Engagement]) -> None:
    """Of one sentence's meetings, each told by its own verb ("hội đàm với A; gặp gỡ … với
    B", "held talks with A and met with B"), the one met at another is not at this one: A
    met there is no host of B's meeting (x-people6 probes: A was at both)."""
    for e in engagements:
        if e.kind != "meeting":
            continue
        s = e.info.sentence
        for x in engagements:
            met = x.counterpart_person
            if x is e or x.kind != "meeting" or x.info is not e.info or met is None:
                continue
            part = e.participants.get(met)
            if (
                part is not None
                and met != e.counterpart_person
                and e.counterpart_person is not None
                and s.start <= part.mention.start < s.end
                and part.role in ("host", "guest")
            ):
                del e.participants[met]


def head_from_sessions(engagements: list[Engagement]) -> None:
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


def received_by_someone(e: Engagement) -> bool:
    """Whether a trip's session names someone of the host side who receives the delegation
    (`tiếp`, `hội đàm với ngài X`)."""
    trip_guests = e.parent.guests if e.parent is not None else []
    return any(
        p.mention.country == e.host and e.host not in trip_guests for p in e.participants.values()
    )


def _head_at_session(e: Engagement) -> str:
    """The trip's head at a meeting of the trip where the head is not named as taking part
    (`Đoàn đã làm việc với Cảnh sát Osaka`, `Đoàn … do X làm Trưởng đoàn đã sang thăm và hội
    đàm với Công an tỉnh A, B`): the delegation's head when the meeting names no one who
    received them, else their guest (the development and read sets' gold: 6 of 6 such
    sessions with an agency)."""
    if e.kind != "meeting":
        return "guest"
    return "guest" if received_by_someone(e) else "delegation_head"


def heads_in_parts(engagements: list[Engagement]) -> None:
    """Whoever leads the trip is, at each of its sessions, on the side that travels: the guest
    of whoever receives them, the head of the delegation at an agency (`_head_at_session`)."""
    for e in engagements:
        if e.parent is None or e.kind == "dialogue":
            continue
        heads = [p for p in e.parent.participants.values() if p.role == "delegation_head"]
        for part in e.participants.values():
            if part.mention.country is not None and part.mention.country == e.host:
                continue  # of the side at home: not who travelled to this session
            if part.role == "delegation_head" and any(h.person == part.person for h in heads):
                part.role = _head_at_session(e)  # named as the head where the trip was told
            elif any(h.person == part.person for h in heads) and part.role in (
                "attendee",
                "speaker",
                "host",
            ):
                part.role = "guest"  # named at the session: the guest of the side at home
        # the delegation's own people (their ambassador, met there, is not of the delegation)
        ours = [
            p
            for p in e.participants.values()
            if p.mention.country in e.parent.guests and not is_mission_head(p.mention)
        ]
        if not ours:
            # "Đoàn đã làm việc với …": the delegation, led by the trip's head
            for h in heads:
                e.participants.setdefault(
                    h.person, Participation(h.person, h.mention, _head_at_session(e), None, True)
                )
                c = h.mention.country
                if c and c != e.host and c not in e.guests and not e.remote:
                    e.guests.append(c)  # the delegation's side


def counterpart_hosts(engagements: list[Engagement]) -> None:
    """ "The Commissioner also met with Deputy Minister X": the one met, whose country the
    article does not say, is on the host's side when the meeting has a host and its guest
    side is known; they take the host's country."""
    for e in engagements:
        if e.kind != "meeting" or e.remote or e.host is None or e.counterpart_person is None:
            continue
        part = e.participants.get(e.counterpart_person)
        if part is None or part.mention.country is not None or part.role != "attendee":
            continue
        if any(p.role in ("guest", "delegation_head") for p in e.participants.values()):
            part.role = "host"
            part.mention.country = e.host


# "AFP Commissioner X hosted the AFP-INP Senior Officers' Meeting", "Bộ Công an Việt Nam đăng
# cai Hội nghị …", "… led by Ambassador X, who hosted the delegation": who hosts a session of
# a series, right after their name
_HOSTED = re.compile(r"\s*(?:,\s*)?(?:who\s+)?(?:hosted|đăng cai|chủ trì đón tiếp)(?!\w)", re.I)


def hosting_person(e: Engagement, text: str) -> int | None:
    """The participant a dialogue's sentences say hosted it, if exactly one."""
    hosts = {
        p.person
        for i in [e.info, *e.sentences]
        for p in i.people
        if p.person in e.participants and p.country and _HOSTED.match(text, p.end)
    }
    return hosts.pop() if len(hosts) == 1 else None


def hosted_dialogues(engagements: list[Engagement], text: str) -> None:
    """At a dialogue one side hosted ("X hosted the AFP-INP Senior Officers' Meeting"), X is
    its host and the first named of the other side its guest, as at a meeting (the gold's
    roles for such sessions); the others stay as their cues say."""
    for e in engagements:
        if e.kind != "dialogue" or e.host is None:
            continue
        person = hosting_person(e, text)
        if person is None or e.participants[person].mention.country != e.host:
            continue
        e.participants[person].role = "host"
        others = sorted(
            (p for p in e.participants.values() if p.mention.country in e.guests),
            key=lambda p: p.mention.start,
        )
        if others and others[0].role in ("attendee", "speaker", "co_chair", "delegation_head"):
            others[0].role = "guest"


# a standing bilateral body whose meeting two sides co-chair: "the Security and Judicial
# Coordination Committee", "the Joint Working Group", "the Joint Commission"
_STANDING_BODY = re.compile(r"\b(?:Committee|Commission|Working Group)\b")


def co_chaired_committees(engagements: list[Engagement]) -> None:
    """A meeting of a standing bilateral committee co-chaired by one person of each side is
    that body's session: a dialogue, as the gold types "Hội nghị … lần thứ N" and dialogues."""
    for e in engagements:
        if e.kind != "meeting" or e.context or e.status != "held":
            continue
        chairs = {p.mention.country for p in e.participants.values() if p.role == "co_chair"}
        chairs.discard(None)
        told = [e.info, *e.sentences]
        if len(chairs) == 2 and any(_STANDING_BODY.search(i.sentence.text) for i in told):
            e.kind = "dialogue"


def dialogue_chairs(engagements: list[Engagement]) -> None:
    """Each side of a dialogue is led by its co-chair: the first of a side named in it, when
    the text names no chair of that side (`Giám đốc Yoon đã tham dự Hội nghị … với Thứ trưởng
    X`, `Tại lễ bế mạc, A và B đã ký Biên bản`). An ambassador attends (the development and
    further gold: 15 of 16 dialogues name one co-chair per side, never the ambassador)."""
    for e in engagements:
        if e.kind != "dialogue" or e.context or e.status != "held":
            continue
        chaired = {
            p.mention.country for p in e.participants.values() if p.role in ("co_chair", "chair")
        }
        first: dict[str, Participation] = {}
        # a side's head ("The Vietnamese delegation was led by X") chairs it before whoever
        # the dialogue's sentence names first (x-fields5)
        heads_first = sorted(
            e.participants.values(), key=lambda p: (p.role != "delegation_head", p.mention.start)
        )
        for part in heads_first:
            c = part.mention.country
            if c is None or c in chaired or c in first or is_mission_head(part.mention):
                continue
            first[c] = part
        if len(first) + len(chaired) > 2:
            continue  # more than two sides: not a bilateral dialogue's chairs
        for part in first.values():
            if part.role in ("attendee", "speaker", "guest", "host", "delegation_head"):
                part.role = "co_chair"


def travellers_of_past_trips(engagements: list[Engagement]) -> None:
    """ "held their dialogue …, focusing on what was agreed during the visit to India by
    Minister X last year": X, named in the past trip's clause, took part in that trip, not in
    the dialogue of the same sentence (x-fields5: X became one of its co-chairs)."""
    past = [e for e in engagements if e.kind == "visit" and e.context and e.context_cue]
    for ctx in past:
        a, b = ctx.trigger[0], ctx.context_cue[1]  # type: ignore[index]
        for e in engagements:
            if e is ctx or e.context or e.info is not ctx.info:
                continue
            e.participants = {
                k: v
                for k, v in e.participants.items()
                if not (v.role == "attendee" and a <= v.mention.start < b)
            }
    travellers_of_trips_ahead(engagements)


_AHEAD = re.compile(r"(?:[Aa]head of|[Ii]n the run-up to|[Tt]rước thềm)\s")


def travellers_of_trips_ahead(engagements: list[Engagement]) -> None:
    """ "Ahead of President X's visit to India this month, home secretaries … are meeting": X,
    named in the clause of the trip to come, takes no part in the sentence's meeting."""
    for trip in engagements:
        cue = trip.status_cue
        if trip.kind != "visit" or trip.status != "planned" or cue is None:
            continue
        if not _AHEAD.match(cue[2]):
            continue
        a, b = cue[0], trip.trigger[1]
        for e in engagements:
            if e is not trip and e.info is trip.info:
                e.participants = {
                    k: v for k, v in e.participants.items() if not a <= v.mention.start < b
                }
