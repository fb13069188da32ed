"""Nesting: a session to the trip it is part of (its days, its words "during the visit"), and
which engagement the article's lead tells first."""

from __future__ import annotations

import re

from timeline.extract.gazetteer import Mention
from timeline.extract.model import (
    Engagement,
    SentenceInfo,
)

_DURING_TRIP = re.compile(
    r"\b(?:during|in the course of) (?:his|her|their|the) (?:stay|visit|trip)\b|(?<!\w)(?:trong "
    r"(?:thời gian|dịp|chuyến) (?:ở|thăm|công tác|lưu lại))(?!\w)",
    re.I,
)


def link_parts(engagements: list[Engagement]) -> None:
    """A session reported within a trip is part of it: in the same sentence as the trip, or in
    the trip's country while the trip is being told."""
    visits = [e for e in engagements if e.kind == "visit" and not e.context]
    for e in engagements:
        if e.kind == "visit" or e.context:
            continue
        # "X discussed with Y ways to boost cooperation and prepare for the latter's visit to
        # Kuwait": a session held is no part of a trip still to come (x-world2 page 003)
        trips = [v for v in visits if e.status != "held" or v.status != "planned"]
        same = [v for v in trips if v.info is e.info or any(i is e.info for i in v.sentences)]
        if not same and _DURING_TRIP.search(e.info.sentence.text):
            # "During his stay, the minister is also scheduled to visit …": the trip told before
            same = [v for v in trips if v.start < e.start][-1:]
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
        fits = trips if len(trips) == 1 else [v for v in trips if _within(e, v)]
        if not fits and e.counterpart is not None and e.counterpart.country:
            # a tour of several countries: the one trip to the country of whom it met
            fits = [v for v in trips if v.place_country == e.counterpart.country]
        if len(fits) == 1:
            v = fits[0]
            e.pending_parent = v  # decided once places are known


def _within(e: Engagement, trip: Engagement) -> bool:
    """The session's dates fall within the trip's, both known to the day."""
    r, t = e.resolved, trip.resolved
    if r is None or t is None or None in (r.start, r.end, t.start, t.end):
        return False
    return t.start <= r.start and r.end <= t.end  # type: ignore[operator]


def lead_tells_first(engagements: list[Engagement], infos: list[SentenceInfo]) -> None:
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


def forget_past_clauses(text: str, engagements: list[Engagement]) -> None:
    """ "Weeks after the official visit of Prime Minister X in the country, a professor … paid a
    courtesy call …": who is named in the clause telling an earlier trip (its words up to the
    next comma) took no part in the session the same sentence reports (x-miss7 014: the prime
    minister joined the professor's call)."""
    for past in engagements:
        if not past.context:
            continue
        s = past.info.sentence
        stop = re.search(r"[,;.]", text[past.trigger[1] : s.end])
        end = past.trigger[1] + stop.start() if stop else s.end
        for e in engagements:
            if e.context or e is past or e.info is not past.info:
                continue
            if past.trigger[0] <= e.trigger[0] < end:
                continue  # the session told inside the clause is the past one's own
            e.participants = {
                k: v
                for k, v in e.participants.items()
                if not past.trigger[0] <= v.mention.start < end
            }


def forget_sentence(engagements: list[Engagement], past: Engagement) -> None:
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


def drop_allusions(engagements: list[Engagement]) -> None:
    """A trip only alluded to ("his visit", "chuyến thăm") that, after every pass, has no
    place and no host says nothing a record could hold: not drafted; nor one named only after
    the sessions it would frame ("A met B on 2 June … B was grateful for the visit"), which
    then stand alone. One framing them before ("Trong khuôn khổ chuyến thăm, …") stays."""
    dropped = [
        e
        for e in engagements
        if e.kind == "visit"
        and e.implied
        and e.place_country is None
        and e.host is None
        and all(x.start < e.start for x in engagements if x.parent is e)
    ]
    dropped += [e for e in engagements if _a_call_retold(e, engagements)]
    for e in dropped:
        _hand_over_date(e, [x for x in engagements if not any(x is d for d in dropped)])
    for e in engagements:
        if e.parent is not None and any(e.parent is d for d in dropped):
            e.parent, e.part_cue = None, None
    engagements[:] = [e for e in engagements if not any(e is d for d in dropped)]


def _hand_over_date(allusion: Engagement, kept: list[Engagement]) -> None:
    """ "X arrived here on Monday for a two-day visit … his visit to Cambodia is to …": the trip
    alluded to with its day and told again with its place is one trip; the one kept, undated,
    takes the allusion's date (it was lost with the allusion)."""
    if allusion.kind != "visit" or allusion.date is None:
        return
    trips = [x for x in kept if x.kind == "visit" and not x.context and x.status == allusion.status]
    if len(trips) == 1 and trips[0].date is None:
        trips[0].date, trips[0].resolved = allusion.date, allusion.resolved
        trips[0].date_origin = allusion.date_origin


def _a_call_retold(e: Engagement, engagements: list[Engagement]) -> bool:
    """ "X paid a courtesy call on Y … the visit was brief": a trip only alluded to after a
    courtesy call or an envoy's meeting of the same two sides, in no other country, with no session
    told after it, is the call told again, not a trip of the guest's (an ambassador calls from
    within the country)."""
    if e.kind != "visit" or not e.implied:
        return False
    if any(x.parent is e and x.start > e.start for x in engagements):
        return False
    return any(
        x.kind == "meeting"
        and not x.context
        and x.start < e.start
        and x.host == e.host
        and set(x.guests) == set(e.guests)
        and e.place_country in (None, x.place_country)
        and (_resident_envoys(x) or "courtesy" in x.trigger[2].lower())
        for x in engagements
    )


# a diplomat posted in the country: their call on its officials is no trip into it
_ENVOY = re.compile(
    r"(?i)\b(?:ambassador|envoy|chargé d['’]affaires|charge d['’]affaires|attach[ée]|consul"
    r"|high commissioner)"
)


def _resident_envoys(x: Engagement) -> bool:
    guests = [p for p in x.participants.values() if p.role == "guest"]
    return bool(guests) and all(any(_ENVOY.search(t[2]) for t in p.mention.titles) for p in guests)


def _unnamed_twice(k: Engagement, e: Engagement) -> bool:
    """The same trigger read twice between the same two sides, naming no counterpart either time
    ("The intelligence chiefs of A and B held a meeting")."""
    return (
        k.counterpart is None
        and k.counterpart_person is None
        and bool(k.pair)
        and {c for c, _ in k.pair} == {c for c, _ in e.pair}
    )


def _agencies_around(named: Engagement, agencies: Engagement) -> bool:
    """A meeting read from agencies' words that hold the words of a meeting naming its people
    (a wider span, no one named) is that meeting."""
    return (
        named.kind == "meeting"
        and bool(named.participants)
        and not agencies.participants
        and agencies.counterpart_person is None
        and agencies.trigger[0] <= named.trigger[0] < agencies.trigger[1]
    )


def one_per_trigger(engagements: list[Engagement]) -> None:
    """ "Tại cuộc hội đàm giữa Bộ trưởng A và Bộ trưởng B, …": two rules that read the same
    words of a sentence as an engagement of one kind ("Tại cuộc hội đàm", "cuộc hội đàm giữa")
    tell it once; the later draft's participants join the first, and it is not drafted (two
    identical drafts of one set of talks, one of them a false positive)."""
    kept: list[Engagement] = []
    for e in engagements:
        first = next(
            (
                k
                for k in kept
                if k.kind == e.kind
                and k.info.sentence.start == e.info.sentence.start
                and k.trigger[0] < e.trigger[1]
                and e.trigger[0] < k.trigger[1]
                # one trigger met in a list is one engagement per counterpart (the same words
                # read twice with the same two sides and no one named is one, x-one6 001)
                and (k.trigger[:2] != e.trigger[:2] or _unnamed_twice(k, e))
                and (
                    (
                        _key(k.counterpart) == _key(e.counterpart)
                        and _key(k.destination) == _key(e.destination)
                        and k.counterpart_person == e.counterpart_person
                    )
                    # ("A and B agreed … during a meeting between X and Y": the agencies'
                    # words around the meeting the people's words tell; x-miss7, written)
                    or _agencies_around(k, e)
                )
            ),
            None,
        )
        if first is None:
            kept.append(e)
            continue
        for key, part in e.participants.items():
            first.participants.setdefault(key, part)
        for x in engagements:
            x.parent = first if x.parent is e else x.parent
            x.pending_parent = first if x.pending_parent is e else x.pending_parent
            x.inherits = first if x.inherits is e else x.inherits
    engagements[:] = kept


def _key(m: Mention | None) -> str | None:
    return m.key if m is not None else None


def drop_lead_retold(engagements: list[Engagement]) -> None:
    """The lead pass runs when the sentence loop drafted nothing held, but a trip it drafted
    only alluded to ("starting his visit to the country") may get its place and host later: the
    lead's draft of the same kind between the same sides then tells it a second time."""
    told = [e for e in engagements if not e.lead_inferred and not e.context]
    engagements[:] = [
        e
        for e in engagements
        if not (
            e.lead_inferred
            and any(
                (x.kind == e.kind or _visit_read_as_meeting(e, x))
                and x.host == e.host
                and set(x.guests) == set(e.guests)
                and x.status == e.status
                for x in told
            )
        )
    ]


# a trip's word ("Chuyến thăm và giao lưu …", "The visit …"): a lead's cue without a place after
# it is drafted as a meeting (passes/leads.py)
_TRIP_CUE = re.compile(r"thăm|visit", re.I)


def _visit_read_as_meeting(lead: Engagement, told: Engagement) -> bool:
    """The lead's meeting drafted from a trip's word, and the trip itself drafted later with its
    place ("Chuyến thăm và giao lưu … giữa A và B" then "chuyến thăm … tại Nhật Bản"): one trip."""
    return (
        lead.kind == "meeting"
        and told.kind == "visit"
        and _TRIP_CUE.search(lead.trigger[2]) is not None
    )


# "She also met Deputy Minister Z" after "A met her Omani counterpart": "also" (`cũng`)
# before the verb adds a session to those told, never names the counterpart left unnamed
# before (x-noise7 001: the minister of state's meeting was folded into the one with
# the minister, and the trip's second session lost)
ALSO = re.compile(r"(?:\balso|\bcũng(?:\s+đã)?)\s+$")


def _told_as_another(e: Engagement) -> bool:
    """The meeting's verb comes after "also" in its sentence."""
    s = e.info.sentence
    return bool(ALSO.search(s.text[: max(0, e.trigger[0] - s.start)]))


def merge_unnamed_retellings(engagements: list[Engagement], home: str) -> None:
    """ "Defence talks were held in the capital on Monday as the chiefs of both armies met"
    and then "… sat down with General X": a meeting that names no one of the other side,
    between the same two countries as the one meeting of the article that does, in no other
    place and on no other day, is that meeting told in general words first. It gives the named
    one its date and place when it lacks them and is not drafted itself (x-noise5 001: the
    lead's talks and the body's meeting were two drafts of one)."""
    held = [
        e
        for e in engagements
        if e.kind == "meeting" and not e.context and e.status == "held" and e.host is not None
    ]
    dropped: list[Engagement] = []
    for e in held:
        if _names_the_other_side(e, home) and not _one_side_named(e, home):
            continue
        named = [
            x
            for x in held
            if x is not e and _names_the_other_side(x, home) and not _one_side_named(x, home)
        ]
        same = [
            x
            for x in named
            if _same_meeting(e, x) and _counterpart_named_in(e, x) and not _told_as_another(x)
        ]
        if len(same) != 1 or len([x for x in named if _same_sides(e, x)]) != 1:
            continue
        _absorb(same[0], e)
        dropped.append(e)
    for e in engagements:
        if any(e.parent is d for d in dropped):
            e.parent, e.part_cue = None, None
    engagements[:] = [e for e in engagements if not any(e is d for d in dropped)]


_COUNTERPART_WORD = re.compile(
    r"(?i)\b(?:his|her|their|its) (?:[A-Z][\w-]+ )?counterparts?\b|"
    r"(?<!\w)người đồng (?:cấp|nhiệm)(?!\w)"
)


# "co-chaired the meeting with X", "đồng chủ trì cuộc họp với X": chairing with the other side
# is what a dialogue's session is
_CO_CHAIRED_THE = re.compile(
    r"(?i)(?:\bco-?chair(?:ed|s|ing)?|(?<!\w)đồng chủ trì)\s+(?:the |this |cuộc |phiên |buổi )?$"
)


def merge_co_chaired_meetings(engagements: list[Engagement]) -> None:
    """ "… held the 5th joint working group meeting … Minister A co-chaired the meeting with
    B": the meeting co-chaired is the dialogue's session already drafted between the same two
    sides (with one of its people, or no one named), not a meeting of its own (it was drafted
    twice); the dialogue takes its people."""
    dropped: list[Engagement] = []
    for e in engagements:
        if e.kind != "meeting" or e.context or e.status != "held":
            continue
        s = e.info.sentence
        if not _CO_CHAIRED_THE.search(s.text[: max(0, e.trigger[0] - s.start)]):
            continue
        people = set(e.participants)
        same = [
            x
            for x in engagements
            if x.kind == "dialogue"
            and not x.context
            and x.status == "held"
            and {x.host, *x.guests} - {None} == {e.host, *e.guests} - {None}
            and (people & set(x.participants) or not x.participants)
        ]
        if len(same) == 1:
            _absorb(same[0], e)
            dropped.append(e)
    engagements[:] = [e for e in engagements if not any(e is d for d in dropped)]


def _one_side_named(e: Engagement, home: str) -> bool:
    """A meeting whose people are all of one side, the other told only as "his Iranian
    counterpart" ("The Turkish Interior Minister … met his Iranian counterpart in Tehran"):
    a retelling of the meeting that names both, as one naming none of the other side is."""
    sides = {e.host, *e.guests} - {None}
    if len(sides) != 2 or not _COUNTERPART_WORD.search(e.info.sentence.text):
        return False
    named = {p.mention.country for p in e.participants.values()} & sides
    return len(named) == 1


def _counterpart_named_in(told: Engagement, named: Engagement) -> bool:
    """ "A hội đàm với Bộ CHQS tỉnh X" then "Đại tá B, …, và Đại tá C, Chính ủy Bộ CHQS tỉnh
    X, đồng chủ trì hội đàm": talks told with the agency met are the named meeting when one
    of its people is of that agency (the two sentences gave two drafts of one set of talks)."""
    cp = told.counterpart
    if cp is None:
        return True
    if named.counterpart is not None and named.counterpart.key == cp.key:
        return True
    # ("A Chinese delegation met with the Royal Thai Police", then "National Police chief X met
    # Y and his delegation": told first in general words, no agency named on the side met in
    # the meeting told after, nothing tells another; x-miss7 005. Agencies "also met" after a
    # named meeting are meetings of their own.)
    side = [p.mention for p in named.participants.values() if p.mention.country == cp.country]
    first = told.start < named.start and named.counterpart is None
    if first and side and all(m.organisation is None for m in side):
        return True
    return any(
        p.mention.organisation is not None and p.mention.organisation.key == cp.key
        for p in named.participants.values()
    )


def _names_the_other_side(e: Engagement, home: str) -> bool:
    other = ({e.host} | set(e.guests)) - {home, None}
    return e.counterpart_person is not None or any(
        p.mention.country in other for p in e.participants.values()
    )


def _same_sides(a: Engagement, b: Engagement) -> bool:
    return a.host == b.host and set(a.guests) == set(b.guests)


def _same_meeting(a: Engagement, b: Engagement) -> bool:
    """The same two sides, in one place and on one day as far as each tells."""
    if not _same_sides(a, b) or (a.parent is not None and b.parent not in (None, a.parent)):
        return False
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    if a.city and b.city and a.city.key != b.city.key:
        return False
    ra, rb = a.resolved, b.resolved
    if a.date is not None and b.date is not None and ra is not None and rb is not None:
        return (ra.start, ra.month, ra.day) == (rb.start, rb.month, rb.day)
    return True


def _absorb(named: Engagement, told: Engagement) -> None:
    """The named meeting takes what only the general words told: the date, the place, the
    sentences and the home side's people."""
    if named.date is None and told.date is not None:
        named.date, named.resolved, named.date_origin = told.date, told.resolved, told.date_origin
    if named.city is None and told.city is not None:
        named.city, named.place_span, named.place_origin = (
            told.city,
            told.place_span,
            told.place_origin,
        )
        named.place_country = named.place_country or told.place_country
    for info in told.sentences:
        named.add(info)
    for person, part in told.participants.items():
        named.participants.setdefault(person, part)
