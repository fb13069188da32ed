"""Sides: host and guest countries of each engagement, and a delegation's visit to its own
country's mission abroad."""

from __future__ import annotations

import re
from functools import cache

from events.countries import INTERNATIONAL, country
from timeline.extract import languages
from timeline.extract.gazetteer import (
    COUNTRY,
    ORG,
    Mention,
    agencies,
    country_aliases,
    find_places,
)
from timeline.extract.model import (
    HOME,
    Engagement,
    Participation,
    SentenceInfo,
)
from timeline.extract.passes.placing import place_free_countries
from timeline.extract.passes.roles import hosting_person, is_mission_head
from timeline.extract.passes.travellers import traveller
from timeline.extract.people import Person, PersonMention, is_vietnamese_name

_AMBASSADOR = re.compile(r"\bAmbassador\b|(?<!\w)Đại sứ(?!\s+quán)", re.I)


# "Đại sứ Việt Nam tại Lào X", "Tổng Lãnh sự Việt Nam tại Y": an envoy's title naming where
# the mission is
_ENVOY_AT = re.compile(
    r"(?<!\w)(?:Đại sứ|Tổng Lãnh sự|Ambassador|Consul General)(?!\s+quán)\b.*\s(?:tại|ở|to|in)\s"
)


def _mission(title: tuple[int, int, str], owner: str, where: str) -> Mention:
    """The embassy of `owner` in `where` an envoy's title stands for (its span the title's)."""
    name = f"Embassy of {country(owner).name_en} in {country(where).name_en}"
    return Mention(
        title[0], title[1], title[2], ORG, name, owner, None, "embassy",
        located=where, country_inferred=True,
    )  # fmt: skip


def _received_by_own_envoy(e: Engagement) -> None:
    """ "Đại sứ Việt Nam tại Lào X đã tiếp Đoàn công tác Công an tỉnh A": a delegation received
    by its own country's ambassador abroad visits its mission there (an embassy visit in that
    country), not a meeting of one country at home."""
    if e.kind != "meeting" or e.counterpart is None:
        return
    for part in e.participants.values():
        envoy = part.mention
        title = next((t for t in envoy.titles if _ENVOY_AT.search(t[2])), None)
        if part.role != "host" or title is None or envoy.country != e.counterpart.country:
            continue
        where = [
            p.key for p in find_places(title[2]) if p.kind == COUNTRY and p.key != envoy.country
        ]
        if not where or envoy.country is None:
            continue
        owner = envoy.country
        e.kind = "embassy_visit"
        e.counterpart = _mission(title, owner, where[-1])
        e.host, e.guests, e.place_country = None, [owner], where[-1]
        return


def own_missions(engagements: list[Engagement]) -> None:
    """A visiting delegation meeting its own country's ambassador ("also met with U.S.
    Ambassador X") visits its mission: an embassy visit with guests only, not a meeting with
    the host country."""
    for e in engagements:
        _received_by_own_envoy(e)
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
        e.counterpart = _mission(title, owner, where)
        e.counterpart_person = None
        part.role = "host"
        e.host, e.guests = None, [owner]


def own_mission_visitors(engagements: list[Engagement]) -> None:
    """A delegation's visit to its own country's embassy is of that country's people only:
    one named in the same sentence as met before it ("đến chào Bộ trưởng X và thăm Đại sứ
    quán Việt Nam") is not there, and the guests are the mission's country (x-fields5: the
    minister called on joined the embassy visit and made it a visit of his country)."""
    for e in engagements:
        c = e.counterpart
        if e.kind != "embassy_visit" or c is None or not c.country:
            continue
        e.participants = {
            k: v for k, v in e.participants.items() if v.mention.country in (None, c.country)
        }
        if c.country in e.guests or e.host == c.country:
            e.host, e.guests = None, [c.country]


def unknown_from_foreign(engagements: list[Engagement], home: str, foreign: str | None) -> None:
    """A person of no stated country at a meeting or dialogue that names no other country than
    the home side's is of the one foreign country the article names most ("Thuong met interior
    minister Sar Kheng" on a page about the Cambodian Ministry of Interior), unless the name is
    Vietnamese."""
    if foreign is None:
        return
    for e in engagements:
        if e.kind not in ("meeting", "dialogue"):
            continue
        known = {p.mention.country for p in e.participants.values()} | {c for c, _ in e.pair}
        if e.counterpart is not None:
            known.add(e.counterpart.country)
        if e.place_origin == "own" and e.place_country not in (home, foreign):
            known.add(e.place_country)  # held in a third country: it names another side
        if known - {home, None}:
            continue
        visited = _visited_country(e)
        for part in e.participants.values():
            m = part.mention
            if m.country is not None or is_vietnamese_name(m.name):
                continue
            if part.person == e.counterpart_person and visited is not None:
                # "on a visit to Laos, General A called on the Prime Minister, B": the one
                # met on a trip's session is of the country the trip went to
                m.country = visited
            elif visited != foreign:
                m.country = foreign


def _visited_country(e: Engagement) -> str | None:
    """The country a meeting took place in when it is a session of a trip there (the trip's
    place, the session's own place agreeing with it)."""
    trip = e.parent
    if e.kind != "meeting" or e.remote or trip is None or trip.place_country is None:
        return None
    if e.place_country not in (None, trip.place_country):
        return None
    if any(p.mention.country == trip.place_country for p in e.participants.values()):
        return None  # the visited side is at the table: the one met came to it
    return trip.place_country


def assign_countries(
    engagements: list[Engagement], home: str, *, ours_unnamed: bool = False
) -> None:
    """Host and guest countries of each engagement from the countries its people, counterpart,
    series and trip name; a trip that names none of its own takes them from its sessions.
    `ours_unnamed`: a page of its home side's outlet between two countries neither of which
    is Vietnam, whose own officials may be named without a country (a name tells nothing)."""
    guessed: list[Engagement] = []  # trips whose travellers nothing in their sentences names
    # trips first: their sessions take the trip's guests
    for e in sorted(engagements, key=lambda e: e.kind != "visit"):
        found: dict[str, Mention] = {}
        for code, m in e.pair:
            found.setdefault(code, m)
        for part in e.participants.values():
            agency = part.mention.organisation
            if part.mention.country is None and agency is not None and agency.country:
                part.mention.country = agency.country  # "X, Chỉ huy trưởng Công an tỉnh Y"
            if part.mention.country:
                found.setdefault(part.mention.country, part.mention.organisation or part.mention)  # type: ignore[arg-type]
        if e.counterpart is not None and e.counterpart.country:
            found.setdefault(e.counterpart.country, e.counterpart)
        if e.kind == "dialogue" and not e.pair:
            for c in place_free_countries(e.info):
                found.setdefault(c.key, c)
        if e.kind == "dialogue":
            for o in e.info.orgs:
                # an international body named in a dialogue's sentence is its channel ("qua kênh
                # Interpol"), not a side: dev article 006's gold
                if o.country and o.org_kind not in ("programme", "international"):
                    found.setdefault(o.country, o)
        if e.parent is not None:
            for g in e.parent.guests:
                if g in e.parent.country_spans:
                    found.setdefault(g, e.parent.country_spans[g])
        if e.kind == "visit" and not found:
            found[home] = e.destination  # type: ignore[assignment]
            guessed.append(e)
        if e.inherits is not None and not e.pair:
            for code, m in e.inherits.country_spans.items():
                found.setdefault(code, m)
        host = None if e.remote or _third_ground(e, found, home) else e.place_country
        if e.kind == "embassy_visit" and e.counterpart is not None:
            owner = e.counterpart.country
            visitors = [c for c in found if c != owner] or [home]
            host = owner if owner and owner not in visitors else None
            e.host, e.guests = host, visitors
        else:
            hv = [p for p in e.participants.values() if p.role == "host" and p.mention.country]
            if host is None and hv:
                host = hv[0].mention.country
            e.host = host = _premises(host, found, e)
            e.guests = [c for c in found if c != host]
            if e.kind == "visit" and not e.guests and host != home:
                e.guests = [home]
        e.country_spans = found
        _countries_of_people(e, home, ours_unnamed)
    for e in engagements:
        if e.kind == "visit":
            _sides_from_sessions(e, engagements, any(e is g for g in guessed))
    _travellers_at_sessions(engagements)
    for e in engagements:
        if e.kind == "visit":
            # a trip's record names who travelled; their hosts are in its sessions' records
            # (not the hosts, nor an ambassador of theirs met there: he lives there, unless
            # told as joining the delegation's programme: "Tham gia các hoạt động của đoàn có
            # Đại sứ …")
            hosts = _sessions_hosts(e, engagements)
            e.participants = {
                k: p
                for k, p in e.participants.items()
                if p.mention.country in (*e.guests, None)
                and (not is_mission_head(p.mention) or _joined_the_programme(p))
                and k not in hosts
            }


_JOINED = re.compile(r"(?:tham gia các hoạt động|joined the delegation)", re.I)


def _third_ground(e: Engagement, found: dict[str, Mention], home: str) -> bool:
    """ "Lào và Myanmar … cuộc họp cấp bộ trưởng … tại Singapore": a session of two
    other countries, neither the reporting side, on a third's ground has no host (x-noise7 010:
    Malaysia made host, the ceasefire session read as a gathering of three and set aside; where
    the reporting side is one of the two, it hosts by the project's convention)."""
    where = e.place_country
    return (
        e.kind in ("meeting", "dialogue")
        and where is not None
        and where != home
        and home not in found
        and len(found) >= 2
        and where not in found
    )


def _joined_the_programme(p: Participation) -> bool:
    return p.role == "attendee" and p.cue is not None and _JOINED.search(p.cue[2]) is not None


def _sessions_hosts(trip: Engagement, engagements: list[Engagement]) -> set[int]:
    """The persons of the trip's host country at its sessions ("during his visit to Cambodia,
    A called on the Prime Minister, B": B, named without a country, received it)."""
    if trip.host is None:
        return set()
    return {
        k
        for s in engagements
        if s.parent is trip
        for k, p in s.participants.items()
        if p.mention.country == trip.host and p.mention.country not in trip.guests
    }


def _countries_of_people(e: Engagement, home: str, ours_unnamed: bool) -> None:
    """A participant of no stated country, not Vietnamese by name, is of the one side other
    than home (the one met is on the host's side); with `ours_unnamed`, at home they may be
    ours: the one met at home is, others stay unknown."""
    others = [c for c in [e.host, *e.guests] if c and c != home]
    for part in e.participants.values():
        m = part.mention
        if m.country is None and part.role == "host" and _territory(e.host) and e.place_country:
            # "Kuala Lumpur — Home Minister X received the ambassadors of A and B": the one
            # receiving, named without a country, is of the country it took place in
            m.country = e.host
            continue
        if part.person == e.counterpart_person and e.host is not None and e.kind == "meeting":
            if m.country is None and ours_unnamed and e.host == home != INTERNATIONAL:
                m.country = home  # "a meeting with Prime Minister X" at home: ours
            continue  # the one met is on the host's side (roles.counterpart_hosts)
        if m.country is None and len(set(others)) == 1 and not is_vietnamese_name(m.name):
            if (
                home != HOME
                and e.host == home
                and e.place_country == home
                and m.start < e.trigger[0]
                and e.info.sentence.start <= m.start
            ):
                # "Baghdad — The Minister of Interior X discussed with the US Ambassador Y": on
                # a page about another country's officials at home, the subject who met the
                # foreign guest there, named by office alone, is of that home country (a
                # Vietnamese name tells our side only on pages about Vietnam)
                m.country = home
                continue
            if ours_unnamed and e.host in (None, home):
                continue  # between two other countries, a name says nothing of its side
            if part.person == e.counterpart_person and _met_by(e, part.person, others[0]):
                continue  # "X gặp người đồng cấp Y": the one met is not of X's side
            if part.role in ("guest", "delegation_head") and others[0] == e.host:
                continue  # a guest is not of the side that hosts them (x-people7)
            m.country = others[0]


def _met_by(e: Engagement, person: int, country: str) -> bool:
    """Is `country` that of another participant of the meeting, the side who met them?"""
    return e.kind == "meeting" and any(
        p.mention.country == country for k, p in e.participants.items() if k != person
    )


def _travellers_at_sessions(engagements: list[Engagement]) -> None:
    """ "During his visit, Deputy NSA X held discussions with Minister Y": a session of a trip
    that names no one of the travelling side was theirs; it takes the trip's guests, known
    only once the trip's other sessions have told them."""
    for e in engagements:
        trip = e.parent
        if e.kind != "meeting" or e.remote or e.guests or trip is None or not trip.guests:
            continue
        if e.host is None or trip.host != e.host:
            continue
        e.guests = [g for g in trip.guests if g != e.host]
        for g in e.guests:
            if trip.country_spans.get(g) is not None:
                e.country_spans.setdefault(g, trip.country_spans[g])


def _sides_from_sessions(trip: Engagement, engagements: list[Engagement], guessed: bool) -> None:
    """A trip told without who travelled ("The delegation is on a visit to …", "welcomed the
    committee's delegation to visit the ministry") was made by the guests of its sessions, to
    their one host: the sessions say who came where, and the trip is that same journey."""
    if not (guessed or not trip.guests or trip.host is None) or trip.remote:
        return
    sessions = [s for s in engagements if s.parent is trip and not s.context and s.host]
    hosts = {s.host for s in sessions}
    if len(hosts) != 1:
        return
    host = hosts.pop()
    guests = list(dict.fromkeys(g for s in sessions for g in s.guests if g != host))
    if not guests or (trip.host is not None and trip.host != host):
        return
    if not guessed and any(g not in guests for g in trip.guests):
        return  # the trip names travellers its sessions do not: it says more than they do
    trip.host, trip.guests = host, guests
    if trip.place_country is None and _territory(host):
        trip.place_country, trip.place_origin = host, "parts"
    if guessed:
        trip.country_spans = {}
    for s in sessions:
        for g, m in s.country_spans.items():
            if g in guests and m is not None:
                trip.country_spans.setdefault(g, m)


@cache
def _premises_regex() -> re.Pattern[str]:
    """ "visited INTERPOL headquarters", "at the General Secretariat", "tại trụ sở Tổng Ban thư
    ký Interpol": an international body's own premises (not "the headquarters of the Ministry"),
    the bodies named by their abbreviations in the agencies list."""
    abbreviations = {ab for a in agencies() if a["country"] == INTERNATIONAL for ab in a["abbr"]}
    bodies = "(?:" + "|".join(sorted(map(re.escape, abbreviations), key=len, reverse=True)) + ")"
    return re.compile(
        rf"\b(?:at|visited|visit to|to)\s+(?:the\s+|its\s+)?(?:{bodies}(?:['’]s)?\s+)?"
        rf"(?:General Secretariat|headquarters|Secretariat)\b(?!\s+of\s+(?:the\s+)?(?!{bodies}))|"
        rf"\b(?:tại|thăm|đến)\s+trụ sở\s+(?:Tổng Ban [Tt]hư ký|Ban Tổng [Tt]hư ký|{bodies})"
    )


def _premises(host: str | None, found: dict[str, Mention], e: Engagement) -> str | None:
    """An international organisation met in a country that is no side of the meeting (Interpol
    in Lyon, with a Chinese or Vietnamese delegation), or at its premises where the text names
    no place, hosts it: the host is the side whose premises it is (the gold's convention 5);
    the place stays the city's."""
    if host == INTERNATIONAL:
        return host
    at_premises = bool(_premises_regex().search(e.info.sentence.text))
    if INTERNATIONAL not in found:
        # "the first visit … to Interpol General Secretariat headquarters": a trip to the body
        body = next((o for o in e.info.orgs if o.country == INTERNATIONAL), None)
        if e.kind == "visit" and host not in found and body is not None and at_premises:
            found[INTERNATIONAL] = body
            return INTERNATIONAL
        return host
    if host is not None:
        # "on a five-day visit to China to attend Interpol's conference": a trip to a country
        # named as its destination is hosted there, whoever it meets
        dest = e.destination
        to_country = e.kind == "visit" and dest is not None and dest.kind == COUNTRY
        if to_country and dest.key == host:  # type: ignore[union-attr]
            found.setdefault(host, dest)  # type: ignore[arg-type]
            found.pop(INTERNATIONAL, None)  # the body met there does not travel
            return host
        return host if host in found else INTERNATIONAL
    trip = e.parent
    return INTERNATIONAL if at_premises or (trip and trip.host == INTERNATIONAL) else None


def _territory(code: str | None) -> str | None:
    """A host's country as a place: none for an international organisation (INT is no place;
    its premises are in a country the text must name)."""
    return None if code == INTERNATIONAL else code


def hosted_series(engagements: list[Engagement], text: str) -> None:
    """A dialogue whose sentences say who hosted it ("X hosted the … Meeting") was held on the
    host's side: its host is their country, the other sides its guests (by convention 5 of
    the gold: the side on whose territory it happens hosts). Told of a session without a
    place, it outweighs the host read from who met whom ("A's delegation met with B's
    delegation, led by X, who hosted the delegation")."""
    for e in engagements:
        if e.kind != "dialogue" or e.remote or e.context:
            continue
        if e.host is not None and e.place_country is not None:
            continue
        person = hosting_person(e, text)
        if person is None:
            continue
        host = e.participants[person].mention.country
        if e.place_country not in (None, host):
            continue
        e.host = host
        e.guests = [c for c in dict.fromkeys([*e.guests, *e.country_spans]) if c != host]
        if e.parent is not None and e.parent.host is None:
            _sides_from_sessions(e.parent, engagements, False)  # the trip went to the host


# "on the sidelines of the Baltic Security Dialogue in Singapore", "bên lề Đối thoại … tại
# Singapore": a meeting held at a third country's event, its place no side's territory
# (and "had separate bilateral meetings with … during the 18th Conference on …": a gathering's
# meetings, told by the gathering, not its sidelines)
_SIDELINES = re.compile(
    r"(?i)\bon the (?:sidelines?|margins?) of\b|(?<!\w)bên lề(?!\w)|"
    r"\bduring the (?:[\w-]+ ){0,6}?(?-i:Conference|Forum|Summit|Assembly|Congress|Symposium)\b"
)


def sideline_hosts(engagements: list[Engagement], home: str) -> None:
    """A meeting of two sides on the sidelines of an event in a third country is not hosted
    by the place: it is the reporting side's when that side is one of the two (the convention
    of the gold for online meetings, which the round-ten pages' gold kept for sidelines), and
    nobody's otherwise (two foreign ministers meeting in Singapore)."""
    for e in engagements:
        if _unhosted_sideline(e, home):
            # "on the sidelines of …, the minister met officials from A, B and C"
            e.host, e.guests = home, [c for c in e.guests if c != home]
            continue
        if e.kind != "meeting" or e.host is None or e.host in e.country_spans:
            continue
        if e.host != e.place_country or not e.guests:
            continue
        sidelines = any(_SIDELINES.search(i.sentence.text) for i in [e.info, *e.sentences])
        if not sidelines and not _visitors_only(e, home):
            continue
        if home in e.guests and len(e.guests) > 1:
            e.host, e.guests = home, [c for c in e.guests if c != home]
        elif home not in e.guests and len(e.guests) == 1:
            e.host = home  # "the Vietnamese minister met the Norwegian minister": ours unnamed
        else:
            e.host = None


def _on_sidelines(e: Engagement) -> bool:
    return any(_SIDELINES.search(i.sentence.text) for i in [e.info, *e.sentences])


def _unhosted_sideline(e: Engagement, home: str) -> bool:
    """A meeting on the sidelines of a gathering with one foreign counterpart and no host of
    its own: none, or a country no one and no agency of the meeting is from (the list's other
    country, "officials from A, B and C"). The reporting side met them: it hosts (the project's
    convention for sidelines meetings, x-series)."""
    foreign = [c for c in dict.fromkeys(e.guests) if c != home]
    if e.kind != "meeting" or e.context or len(foreign) != 1:
        return False
    if home in e.guests and e.host is not None:
        return False
    if not _on_sidelines(e):
        return False
    if e.host is None:
        return True
    people = {p.mention.country for p in e.participants.values()}
    bodies = {o.country for o in e.organisations.values()}
    return e.host not in people | bodies | {e.place_country, home}


def reception_hosts(engagements: list[Engagement], home: str, language: str) -> None:
    """A reception told with no host named ("tại Bộ Tư pháp đã diễn ra buổi tiếp đón Đoàn
    … Hungary"), of a foreign delegation only, on a page of the home side's language: the home
    side received it (x-fields5: left with no host)."""
    receive = languages.get(language).host_verb
    for e in engagements:
        c = e.counterpart
        if e.kind != "meeting" or e.host is not None or c is None or e.context:
            continue
        received = c.key if c.kind == COUNTRY else c.country
        told = receive.search(e.trigger[2]) or e.trigger[2].startswith("buổi tiếp")
        if received is None or received == home or not told:
            continue
        if set(e.guests) <= {home, received}:
            e.host, e.guests = home, [received]


def _visitors_only(e: Engagement, home: str) -> bool:
    """Two visitors meeting in a third country ("chiều 16-1, tại Vientiane, Bộ trưởng X hội
    kiến Bộ trưởng Y" while both are on visits there): no one and no agency of the place's
    country takes part (x-fields5: drafted as a gathering of three countries, context)."""
    if home not in e.guests or len(set(e.guests)) != 2:
        return False
    people = {p.mention.country for p in e.participants.values()}
    bodies = {o.country for o in e.organisations.values()}
    return e.host not in people | bodies and set(e.guests) <= people


_BY_PHONE = re.compile(r"(?i)điện đàm|phone|(?<!video )\bcall\b")


def multilateral(engagements: list[Engagement], text: str = "") -> None:
    """A meeting or dialogue of three countries or more, its host's among them, is a
    multilateral gathering (officials of several countries at a regional meeting): the archive
    records bilateral engagements, so it is context, never a draft of its own. (No gold event of
    the development set, or of the 100 pages gathered with gold at this stop, has more than two
    sides: gold writes one host and one guest country. Several guests received one by one are
    one meeting each before this pass.)"""
    for e in engagements:
        if e.kind not in ("meeting", "dialogue") or e.context:
            continue
        if len(set(e.guests) | {e.host} - {None}) >= 3 or _body_of_the_event(e, text):
            e.context, e.context_cue = True, e.trigger


# after a body's name, the rest of the name of a gathering it convenes ("the Interpol Americas
# Regional Conference", "Hội nghị … của ASEANAPOL")
_GATHERING_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,4}\s+(?:Conference|Meeting|Assembly|Forum|Summit|Congress|Session)\b"
)


# … or the session's number right after the body's name: "to attend ASEANAPOL 39", "heads of
# delegations to SOMTC 23" (a number of one to three digits, not a year)
_SESSION_NUMBER_AFTER = re.compile(r"\s*-?\s*\d{1,3}(?!\d|[.,/]\d)")


def _body_of_the_event(e: Engagement, text: str) -> bool:
    """ "Son also attended the Interpol Americas Regional Conference … and met the heads of the
    Peruvian and Colombian delegations": an international body met only as the name of the
    gathering attended, with no one of it taking part, is no side met."""
    body = e.counterpart
    if body is None or body.country != INTERNATIONAL or not text:
        return False
    if any(p.mention.country == INTERNATIONAL for p in e.participants.values()):
        return False
    return (
        _GATHERING_AFTER.match(text, body.end) is not None
        or _SESSION_NUMBER_AFTER.match(text, body.end) is not None
    )


def remote_hosts(engagements: list[Engagement], home: str) -> None:
    """A video or online meeting of the page's own side and one other is hosted by the side
    that reports it, whose delegates sat at home and organised it (the held-out gold's
    convention: a video call's host is the reporting side; x-sides s08: To Lam's online
    meeting, Hanoi). A phone call stays without a host."""
    for e in engagements:
        if e.kind != "meeting" or not e.remote or e.host is not None or e.context:
            continue
        if _BY_PHONE.search(e.trigger[2]):
            continue  # a call between two offices: neither receives the other
        sides = list(dict.fromkeys(e.guests))
        if len(sides) == 2 and home in sides:
            e.host, e.guests = home, [c for c in sides if c != home]


# "tại Đại sứ quán Trung Quốc tại Việt Nam", "đã đến Đại sứ quán Nhật Bản", "at the Embassy of
# Japan": a session on the premises of a country's embassy or consulate
_AT_MISSION = re.compile(
    r"(?<!\w)(?:tại|đến|tới|thăm|at|to|visited)\s+(?:trụ sở\s+|the\s+)?(?:Đại sứ quán|"
    r"Tổng Lãnh sự quán|Lãnh sự quán|Embassy of|Consulate(?: General)? of)\s+"
)


def at_their_mission(
    engagements: list[Engagement], infos: list[SentenceInfo], text: str, home: str
) -> None:
    """A meeting of ours told on the premises of the other side's embassy or consulate ("ghi
    sổ tang chia buồn tại Đại sứ quán Trung Quốc tại Việt Nam", "đến Đại sứ quán Nhật Bản và
    hội đàm với Đại sứ") is hosted by that side, whose envoy receives our officials there: the
    host is the side on whose premises it happens (x-vi7 page 005: our deputy minister calling at
    the Chinese embassy was read as its host; the embassy named in a caption of the same
    official). The place stays where the mission is."""
    for e in engagements:
        if e.kind != "meeting" or e.context or e.host != home or len(e.guests) != 1:
            continue
        theirs = e.guests[0]
        told = e.sentences + [i for i in infos if any(p.person in e.participants for p in i.people)]
        where = next((w for i in told if (w := _mission_of(text, i, theirs))), None)
        if where is None:
            continue
        e.host, e.guests = theirs, [home]
        if e.place_country is None and where != theirs:
            e.place_country, e.place_origin = where, "mission"
        for part in e.participants.values():
            c = part.mention.country
            if part.role == "host" and c == home:
                part.role = "guest"
            elif part.role == "guest" and c == theirs:
                part.role = "host"


def _mission_of(text: str, info: SentenceInfo, country: str) -> str | None:
    """Where the sentence's mission of `country` is, when it tells a session there: the country
    named after it ("… tại Việt Nam", "… in Hanoi"), else the mission's own."""
    s = info.sentence
    for m in _AT_MISSION.finditer(text, s.start, s.end):
        if any(p.extent[0] <= m.start() < p.extent[1] for p in info.people):
            continue  # "Charge d'Affaires at the Embassy of Canada": a title, not a place
        named = [p for p in info.places if m.end() <= p.start <= m.end() + 2]
        if not any((p.key if p.kind == COUNTRY else p.country) == country for p in named):
            continue
        after = [p for p in info.places if named[0].end < p.start <= named[0].end + 12]
        located = next((p.key if p.kind == COUNTRY else p.country for p in after), None)
        return located or country
    return None


def place_from_host(engagements: list[Engagement]) -> None:
    """A meeting or dialogue told without a place took place in its host's country: the host
    is, by definition, the side on whose territory it happens (flagged `place-from-host`). Not
    a meeting on a gathering's sidelines: its host is the side that reports it, not the place."""
    for e in engagements:
        if e.kind in ("meeting", "dialogue") and e.place_country is None and _territory(e.host):
            if e.kind == "meeting" and _on_sidelines(e):
                continue
            e.place_country, e.place_origin = e.host, "host"


def _days(e: Engagement) -> set[tuple[int, int]]:
    """(month, day) of each day the engagement's own date phrase covers, year or not."""
    d = e.date
    if d is None or d.day is None or d.month is None:
        # "sáng cùng ngày": the day the story told just before, resolved
        r = e.resolved
        if r is not None and r.precision == "day" and r.start is not None:
            return {(r.start.month, r.start.day)}
        if r is not None and r.month is not None and r.day is not None:
            return {(r.month, r.day)}
        return set()
    last = d.end_day if d.end_day is not None and (d.end_month in (None, d.month)) else d.day
    return {(d.month, day) for day in range(d.day, max(d.day, last) + 1)}


def dialogue_place_from_days(engagements: list[Engagement]) -> None:
    """A dialogue told without a place took place where the story's meeting of one of its days
    did ("Đối thoại … từ ngày 2 - 3/12" and "trong buổi tiếp ông X" on 2/12 in Hanoi), or,
    told without days, where the meetings of one of its participants were: its host is that
    meeting's host, flagged `place-from-story`."""
    placed = [
        e
        for e in engagements
        if e.kind == "meeting" and e.host and e.place_country and not e.context and not e.remote
    ]
    for e in engagements:
        if e.kind != "dialogue" or e.place_country or e.context or e.host:
            continue
        days = _days(e)
        near = [x for x in placed if days & _days(x)]
        if not days:
            # "X received Y …. The reception came after the fourth … Security Dialogue,
            # co-chaired by Y and Z": a dialogue told without days was held where its
            # co-chair of the other side was received
            near = [x for x in placed if set(x.participants) & set(e.participants)]
        hosts = {x.host for x in near}
        if len(hosts) == 1 and _territory(next(iter(hosts))):
            host = hosts.pop()
            e.place_country, e.place_origin, e.host = host, "story", host
            e.guests = [g for g in e.guests if g != host]


def country_code(alias: str) -> str | None:
    return country_aliases().get(alias)


# "U.S. Ambassador to Cambodia X", "Đại sứ Trung Quốc tại Việt Nam X": the country they serve in
_POSTED_IN = re.compile(
    r"(?:Ambassador|Consul(?:-| )General|Consul|Chargé d['’]Affaires|Charge d['’]Affaires|"
    r"Đại sứ|Tổng Lãnh sự|Lãnh sự|Đại biện)\b[^,;]*?\s(?:to|in|tại|ở)\s+(?:the\s+)?$",
    re.I,
)
# "at the headquarters of the Chinese Ministry of Public Security", "tại trụ sở Bộ Công an"
_HEADQUARTERS = re.compile(
    # ("tới thăm trụ sở X", "visited the headquarters of X": a visit to their premises too)
    r"(?:\b(?:at|visited|to)\s+(?:the\s+)?(?:headquarters|head office|office|offices|premises)"
    r"\s+of\s+(?:the\s+)?|(?<!\w)(?:tại|thăm|đến|tới)\s+(?:trụ sở|văn phòng)\s+(?:của\s+)?)$",
    re.I,
)
# "hội đàm với đoàn đại biểu … FBI", "received a delegation of …": the delegation met travelled
_DELEGATION_MET = re.compile(
    r"(?:\bwith|\breceived|(?<!\w)với|(?<!\w)tiếp)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:delegation|(?<!\w)đoàn(?:\s+(?:đại biểu|công tác))?)(?!\w)",
    re.I,
)

# "tiếp đoàn", "làm việc với đoàn" with no agency named after it: the delegation told before
_OUR_DELEGATION = re.compile(
    r"(?<!\w)(?:tiếp|đón|với)\s+(?:đoàn|Đoàn)(?!\w)(?!\s+(?:đại biểu|công tác)?\s*[A-ZĐ])"
)
_A_DELEGATION = re.compile(r"\b[Dd]elegation\b|(?<!\w)[Đđ]oàn(?!\w)")


def envoys_hosts(
    text: str, engagements: list[Engagement], persons: list[Person], posted: str | None
) -> None:
    """ "Acting British High Commissioner X called on Interior Minister Y": the officials an
    envoy meets, named by office without a country, are of the country the envoy is posted
    to, the page's (its dateline's city, or the outlet's own country when it writes from
    home); never the envoy's own (x-sides s05, s06: the minister met took the envoy's). A
    person told again by title alone ("The High Commissioner, the IGP and … had held a
    meeting") is known by the titles of their full mention (x-recall3 015)."""
    if posted is None:
        return
    for e in engagements:
        if e.kind != "meeting" or e.context:
            continue
        told = {k: _told(part, persons) for k, part in e.participants.items()}
        envoys = {
            p.mention.country
            for k, p in e.participants.items()
            if p.mention.country and any(is_mission_head(x) for x in told[k])
        }
        if not envoys or posted in envoys:
            continue
        # (the traveller beside the envoy, `During the visit to Tokyo, Director X, alongside
        # the Ambassador, met …`, is of the envoy's side, not the country visited: x-people7)
        visitor = traveller(text, e.info)
        for k, part in e.participants.items():
            m = part.mention
            titled = any(x.titles for x in told[k])
            if visitor is not None and part.person == visitor.person:
                continue
            if m.country is None and titled and not any(is_mission_head(x) for x in told[k]):
                for other in told[k]:
                    other.country = other.country or posted
                m.country = posted


def _told(part: Participation, persons: list[Person]) -> list[PersonMention]:
    """The participant's mention and every other mention of the same person."""
    return [part.mention, *(persons[part.person].mentions if part.person >= 0 else [])]


def hosts_without_place(engagements: list[Engagement], text: str) -> None:
    """A meeting of two sides told without a place or a receiving verb is hosted by the side
    the story shows at home: where an ambassador met is posted (`U.S. Ambassador to Cambodia`),
    whose headquarters it is held at, the side that was not the delegation met (`hội đàm với
    đoàn đại biểu FBI`), where the story's trip of the other side went, or the side an
    ambassador met is not of: the ambassador lives in the host's country."""
    for e in engagements:
        # "Tiếp và làm việc với đoàn có Đại tá X, Chỉ huy trưởng Công an tỉnh Hủa Phăn": the
        # delegation a foreign host receives, unnamed, is the page's own side's
        foreign_host = e.kind == "meeting" and e.host not in (None, HOME) and not e.guests
        if foreign_host and _OUR_DELEGATION.search(e.info.sentence.text):
            e.guests = [HOME]
        if e.kind not in ("meeting", "dialogue") or e.remote or e.host or e.place_country:
            continue
        sides = list(dict.fromkeys(e.guests))
        if e.kind == "dialogue":
            host = _organiser_host(e, text, sides) if len(sides) == 2 else None
            if host is not None:
                e.host, e.guests = host, [c for c in sides if c != host]
            continue
        if len(sides) == 1:
            # "X tới thăm trụ sở Cơ quan Cảnh sát Croatia và gặp người đồng cấp Y": held at the
            # premises of an agency of the other side, whose country its one known side is not
            others = {o.country for i in [e.info, *e.sentences] for o in i.orgs} - {sides[0], None}
            at_theirs = _headquarters_host(e, text, sorted(others))  # type: ignore[arg-type]
            if at_theirs is not None:
                e.host, e.guests = at_theirs, sides
            else:
                _on_our_trip(e, engagements, sides[0])
            continue
        if len(sides) != 2:
            continue
        host = (
            _posted_host(e, text, sides)
            or _headquarters_host(e, text, sides)
            or _organiser_host(e, text, sides)
            or _delegation_host(e, text, sides)
            or _travelling_subject_host(e, text, sides)
            or _trip_guest_host(e, sides)
            or _visited_host(e, engagements, sides)
            or _resident_host(e, sides)
            or _called_on_host(e, sides)
            or _leader_host(e, sides)
            or _office_host(e, text, sides)
            or _visitor_host(e, sides)
            or _story_host(e, engagements, sides)
        )
        if host is not None:
            e.host, e.guests = host, [c for c in sides if c != host]


# "The delegation also met DG, NIA, …", "the delegation also visited the Police Academy":
# the delegation the story has been following, the subject of the sentence
_THE_DELEGATION = re.compile(r"\b[Tt]he (?:visiting )?delegation(?:\s+(?:also|then|later))?\s+$")


_THE_VISITORS = re.compile(r"(?i)\bthe (?:visiting |high-level )?delegation\b")


def sides_of_the_delegation(engagements: list[Engagement]) -> None:
    """A meeting told of "the delegation" with no country of its own ("Later the delegation called
    at the central police office and met its chief X") is one more session of the story's one
    visiting delegation: the sides and city of its other sessions."""
    held = [e for e in engagements if not e.context and e.status == "held" and e.host]
    if len({(e.host, tuple(e.guests)) for e in held}) != 1:
        return
    for e in engagements:
        if e.kind != "meeting" or e.context or e.host or e.guests or e.remote:
            continue
        s = e.info.sentence
        if not _THE_VISITORS.search(s.text, 0, e.trigger[0] - s.start):
            continue
        e.host, e.guests = held[0].host, list(held[0].guests)
        if e.place_country in (None, e.host) and e.city is None and held[0].city is not None:
            e.city, e.place_country = held[0].city, held[0].place_country


def mission_staff_met(engagements: list[Engagement]) -> None:
    """ "Representatives of the Japanese Embassy in Thailand met with Police General X,
    Inspector-General of the Royal Thai Police": an embassy's staff, the subject, call on an
    official of the country the embassy is in; that country hosts, the embassy's is the guest
    (x-miss7 007: the embassy's country was read as the host and the place)."""
    for e in engagements:
        if e.kind != "meeting" or e.context or e.counterpart_person is None:
            continue
        met = e.participants.get(e.counterpart_person)
        s = e.info.sentence
        missions = [
            o
            for o in e.info.orgs
            if o.org_kind == "embassy" and o.country and s.start <= o.start < e.trigger[0]
        ]
        if met is None or len(missions) != 1:
            continue
        (mission,) = missions
        seat = next(
            (
                p.key
                for p in e.info.places
                if p.kind == COUNTRY
                and mission.start < p.start < mission.end
                and p.key != mission.country
            ),
            None,
        )
        if seat is None or met.mention.country != seat:
            continue
        e.host, e.guests = seat, [mission.country]
        if e.place_country not in (None, seat):
            e.place_country, e.city, e.place_span = seat, None, None


# "A Chinese delegation met with the Royal Thai Police on Tuesday": the subject is a country's
# delegation, named by the country's adjective, right before the verb (or before "led by …")
_NATIONAL_DELEGATION = re.compile(
    r"(?:^|\.\s+|,\s+)(?:[Aa]n?|[Tt]he)\s+(?P<adj>[A-Z][a-z]+)\s+(?:high-level\s+|police\s+|"
    r"security\s+|government\s+)?delegation(?:\s+led by\s+[^,.;]{3,80}?)?,?\s*$"
)


def national_delegation_met(engagements: list[Engagement]) -> None:
    """ "A Chinese delegation met with the Royal Thai Police": a meeting whose subject is a
    country's delegation, the side met of another country, has that delegation as its guest
    (x-miss7 005: the delegation's side was lost and the meeting drafted twice)."""
    for e in engagements:
        if e.kind != "meeting" or e.context or e.remote:
            continue
        met = {e.host} if e.host and not e.guests else set(e.guests) if not e.host else set()
        if len(met) != 1:
            continue
        s = e.info.sentence
        d = _NATIONAL_DELEGATION.search(s.text, 0, e.trigger[0] - s.start)
        if d is None:
            continue
        at = s.start + d.start("adj")
        adj = next((p for p in e.info.places if p.start == at and p.kind == COUNTRY), None)
        if adj is None or adj.key in met:
            continue
        e.host, e.guests = met.pop(), [adj.key]


def visitors_of_the_story(engagements: list[Engagement], infos: list[SentenceInfo]) -> None:
    """A trip whose host is known and whose travellers have no stated country was made by the
    one other country the story names ("A slew of meetings await Home Minister X as Malaysia
    seeks to deepen ties with the United States. … X arrived on Sunday in Washington for a
    working visit"): the trip had no guest side, so it met none of the story's two."""
    named = {p.key for i in infos for p in i.places if p.kind == COUNTRY}
    for e in engagements:
        if e.kind != "visit" or e.context or e.host is None or e.guests:
            continue
        others = named - {e.host, INTERNATIONAL}
        travellers = [p.mention.country for p in e.participants.values()]
        if len(others) == 1 and travellers and not any(travellers):
            e.guests = sorted(others)
            for part in e.participants.values():
                part.mention.country = e.guests[0]


def _stated(text: str, info: SentenceInfo, m: PersonMention) -> bool:
    """Whether the mention's own words name a country ("Norway's Police Director X")."""
    a, b = m.extent
    return any(
        p.kind == COUNTRY
        and p.start < b
        and (p.end >= a or _POSSESSIVE_TITLE.fullmatch(text, p.end, a) is not None)
        for p in info.places
    )


# "Norway's Police Director X": the possessive and the title's capitalised words before the name
_POSSESSIVE_TITLE = re.compile(r"(?:['’]s)?\s+(?:[A-Z][\w-]*\s+){0,4}")


def _one_host(text: str, calls: list[Engagement]) -> None:
    """Calls told by one verb on officials of one country: the host the list names (a host
    known, or the country one official's own words state) is the others'; an official of no
    stated country, or given the caller's own by default, is of it ("… on Prime Minister A,
    Justice Minister B and Norway's Police Director C": not calls on the caller's ministers)."""
    met = {id(e): e.participants.get(e.counterpart_person) for e in calls}  # type: ignore[arg-type]
    stated = {
        m.mention.country
        for e in calls
        if (m := met[id(e)]) is not None and _stated(text, e.info, m.mention)
    }
    hosts = stated or {e.host for e in calls if e.host}
    if len(hosts) != 1 or None in hosts:
        return
    (host,) = hosts
    for e in calls:
        m = met[id(e)]
        if m is None or m.mention.country == host:
            continue
        callers = {p.mention.country for k, p in e.participants.items() if k != m.person}
        defaulted = m.mention.country in callers and not _stated(text, e.info, m.mention)
        if m.mention.country is None or defaulted:
            e.host, m.mention.country = host, host
            e.guests = [g for g in e.guests if g != host]


def callers_of_the_story(
    text: str, engagements: list[Engagement], infos: list[SentenceInfo]
) -> None:
    """ "Before the ceremony, Mr X made separate courtesy calls on Prime Minister A, Home Minister
    B and Commissioner C": calls told by one verb are on one country's officials, so a host one
    of them has is the others' when theirs is unknown; and the caller, of no stated country, is
    of the one other country the story names (x-miss7 015: the three calls had no sides)."""
    named = {p.key for i in infos for p in i.places if p.kind == COUNTRY}
    lists: dict[tuple[int, int], list[Engagement]] = {}
    for e in engagements:
        if e.kind == "meeting" and not e.context and e.counterpart_person is not None:
            lists.setdefault((e.trigger[0], e.trigger[1]), []).append(e)
    for calls in lists.values():
        if len(calls) >= 2:
            _one_host(text, calls)
    for e in (e for calls in lists.values() for e in calls):
        others = named - {e.host, INTERNATIONAL}
        callers = [p for k, p in e.participants.items() if k != e.counterpart_person]
        if e.host is None or len(others) != 1 or not callers:
            continue
        # (one caller's mention is each call's: set at the first, it is still the others')
        if e.guests not in ([], sorted(others)):
            continue
        if all(p.mention.country in (None, *others) for p in callers):
            e.guests = sorted(others)
            for p in callers:
                p.mention.country = e.guests[0]


def delegation_of_the_story(engagements: list[Engagement], home: str, home_from_site: bool) -> None:
    """A meeting whose subject is "the delegation", with only the side met known, has the
    story's visitors as its guests: the one country all its other engagements received, or,
    when none did, the country of the site that writes from home about its own delegation
    abroad (a Gulf paper's delegation that, on its trip, also saw a US city's police chief:
    x-recall3 027)."""
    for e in engagements:
        s = e.info.sentence
        if (
            e.kind != "meeting"
            or e.context
            or not _THE_DELEGATION.search(s.text, 0, e.trigger[0] - s.start)
        ):
            continue
        met = {e.host} if e.host else set(e.guests)
        visitors = {
            g
            for x in engagements
            if x is not e and not x.context and x.host and len(x.guests) == 1
            for g in x.guests
        }
        if not visitors and home_from_site:
            visitors = {home}
        if len(met) == 1 and len(visitors) == 1 and met != visitors and len(e.guests) <= 1:
            e.host, e.guests = met.pop(), sorted(visitors)
            if e.parent is not None:
                _sides_from_sessions(e.parent, engagements, True)  # the trip went there


def receivers_of_the_host(engagements: list[Engagement]) -> None:
    """ "X called on Union Minister for Home Affairs Y in New Delhi": the one received, whose
    titles name no country, is of the meeting's host country once that is known."""
    for e in engagements:
        if e.kind != "meeting" or e.context or e.host is None:
            continue
        for part in e.participants.values():
            if part.role == "host" and part.mention.country is None:
                part.mention.country = e.host


def hosted_by_the_site(engagements: list[Engagement], home: str, home_from_site: bool) -> None:
    """A meeting of the home side and one other, told without a place or anything else that
    tells who received whom, on a page of the home side's own site or outlet (`moi.gov.qa`, a
    Cambodian paper): the publisher reports what its side did at home, so its side hosts."""
    if not home_from_site:
        return
    for e in engagements:
        if e.kind != "meeting" or e.remote or e.context or e.host or e.place_country:
            continue
        if e.status != "held" or (e.parent is not None and e.parent.host not in (None, home)):
            continue
        sides = list(dict.fromkeys(e.guests))
        if len(sides) == 1 and sides[0] != home:
            # "the British High Commissioner called on Interior Minister X": the one called on,
            # of no stated country, is the site's own side, at home
            received = [
                p for p in e.participants.values() if p.role == "host" and p.mention.country is None
            ]
            if received:
                for p in received:
                    p.mention.country = home
                sides.append(home)
        if len(sides) == 2 and home in sides:
            e.host, e.guests = home, [c for c in sides if c != home]
            trip = e.parent
            if trip is not None and trip.implied and trip.host is None and not trip.place_country:
                e.parent = None  # "thanked him for the visit": an allusion, no trip to draft


def envoy_met_alone(engagements: list[Engagement], home: str, foreign: str | None) -> None:
    """ "The Minister of Public Security, X, met with U.S. Ambassador Y as he winds up his tour
    of duty here": a meeting whose one side read is an ambassador's, the other side's official
    named without a country and no place told, was held where the ambassador is posted: the
    other of the article's two countries (x-en6)."""
    for e in engagements:
        if e.kind != "meeting" or e.host or e.place_country or e.context or len(e.guests) != 1:
            continue
        (side,) = e.guests
        envoys = [p for p in e.participants.values() if is_mission_head(p.mention)]
        if not any(p.mention.country == side for p in envoys):
            continue
        if any(p.mention.country not in (None, side) for p in e.participants.values()):
            continue
        other = next((c for c in (home, foreign) if c and c != side and c != INTERNATIONAL), None)
        if other is not None:
            e.host = other


def _on_our_trip(e: Engagement, engagements: list[Engagement], side: str) -> None:
    """ "On May 3, our delegation also met Deputy Prime Minister X there": a meeting
    whose one side read is the country the story's trip went to, the travellers named only as
    a delegation, was a session of that trip: hosted there, the trip's guests its guests."""
    trips = {
        (t.place_country, tuple(t.guests))
        for t in engagements
        if t.kind == "visit" and not t.context and t.place_country and t.guests
    }
    if len(trips) != 1:
        return
    where, travellers = trips.pop()
    if where == side and side not in travellers:
        e.host, e.guests = side, list(travellers)


def _posted_host(e: Engagement, text: str, sides: list[str]) -> str | None:
    for part in e.participants.values():
        m = part.mention
        for t0, t1, _ in m.titles:
            for place in e.info.places + [x for i in e.sentences for x in i.places]:
                code = place.key if place.kind == "country" else None
                if (
                    code in sides
                    and t0 <= place.start < t1
                    and _POSTED_IN.search(text, t0, place.start)
                ):
                    return code
    return None


def _headquarters_host(e: Engagement, text: str, sides: list[str]) -> str | None:
    for info in [e.info, *e.sentences]:
        for o in info.orgs:
            if o.country in sides and _HEADQUARTERS.search(
                text, max(info.sentence.start, o.start - 60), o.start
            ):
                return o.country
    return None


# "A phối hợp B tổ chức Hội nghị …", "X long trọng tổ chức lễ …": who organises the event
# "Hội nghị … do Thái Lan đăng cai tổ chức", "hosted by Malaysia": a country named as the
# host of the session (x-world7 page 002: a border committee's meeting, no place named)
_HOSTED_BY = re.compile(
    r"(?<!\w)(?:do|được)\s+(?P<c>[A-ZĐ][\w]*(?:\s+[A-ZĐ][\w]*)?)\s+đăng cai(?!\w)"
    r"|\bhosted by\s+(?P<e>[A-Z][\w]*(?:\s+[A-Z][\w]*)?)\b"
)


def _named_host(text: str, start: int, end: int, sides: list[str]) -> str | None:
    """The side a sentence names as the session's host (`do Thái Lan đăng cai`)."""
    for m in _HOSTED_BY.finditer(text, start, end):
        code = country_aliases().get(m.group("c") or m.group("e") or "")
        if code in sides:
            return code
    return None


_ORGANISES = re.compile(
    r"(?<!\w)(?:đã\s+|long trọng\s+)?tổ chức\s+(?=(?:[Hh]ội nghị|[Hh]ội đàm|buổi|lễ|[Ll]ễ|cuộc|"
    r"[Đđ]ối thoại|hội thảo|chương trình|giao ban|[Gg]iao lưu)(?!\w))"
    r"|\b(?:organi[sz]ed|hosted)\s+(?=(?:the|a|an)\s)"
)


def _organiser_host(e: Engagement, text: str, sides: list[str]) -> str | None:
    """The side that organises the event hosts it: the first side named in the sentence
    before its `tổ chức`/`organised` (`Công an tỉnh A phối hợp Công an tỉnh B tổ chức Hội
    nghị`: A; `… do Công an tỉnh B tổ chức`: B, named right after `do`)."""
    for info in [e.info, *e.sentences]:
        s = info.sentence
        named_host = _named_host(text, s.start, s.end, sides)
        if named_host is not None:
            return named_host
        m = _ORGANISES.search(text, s.start, s.end)
        if m is None:
            continue
        named = sorted(
            [x for x in info.orgs if x.country in sides and x.end <= m.start()]
            + [p for p in info.people if p.country in sides and p.end <= m.start()],  # type: ignore[misc]
            key=lambda x: x.start,
        )
        if not named:
            continue
        by = [x for x in named if re.search(r"(?<!\w)do\s+$", text[x.start - 4 : x.start])]
        return (by[-1] if by else named[0]).country
    return None


def _delegation_host(e: Engagement, text: str, sides: list[str]) -> str | None:
    """The side other than the delegation named right after the meeting's verb."""
    s = e.info.sentence
    m = _DELEGATION_MET.search(text, e.trigger[0], min(s.end, e.trigger[1] + 40))
    if m is None or _A_DELEGATION.search(text, s.start, e.trigger[0]):
        return None  # two delegations met: which one travelled, the sentence does not say
    met = e.counterpart.country if e.counterpart is not None else None
    if met is None and e.counterpart_person is not None:
        part = e.participants.get(e.counterpart_person)
        met = part.mention.country if part is not None else None
    others = [c for c in sides if c != met]
    return others[0] if met in sides and len(others) == 1 else None


# a host's verb: its subject received the other side
_HOSTING_VERB = re.compile(r"tiếp|đón|receiv|hosted|host to|welcomed|greeted", re.I)


def _travelling_subject_host(e: Engagement, text: str, sides: list[str]) -> str | None:
    """ "Đoàn công tác Tòa án tỉnh A đã làm việc với Tòa án tỉnh B (Lào)": a delegation, the
    subject of a verb no host uses, went to the agency it worked with, whose side hosts (not
    when a delegation is met too: two delegations, the sentence does not say who travelled)."""
    s = e.info.sentence
    if (
        _HOSTING_VERB.search(e.trigger[2])
        or not _A_DELEGATION.search(text, s.start, e.trigger[0])
        or _DELEGATION_MET.search(text, e.trigger[0], min(s.end, e.trigger[1] + 40))
    ):
        return None
    return _met_side_hosts(e, sides)


def _met_side_hosts(e: Engagement, sides: list[str]) -> str | None:
    """The side of whom the engagement met (the person met's country over their agency's), when
    it is one of two sides: it hosts."""
    met = e.counterpart.country if e.counterpart is not None else None
    if e.counterpart_person is not None and e.counterpart_person in e.participants:
        met = e.participants[e.counterpart_person].mention.country or met
    others = [c for c in sides if c != met]
    return met if met in sides and len(others) == 1 else None


def _resident_host(e: Engagement, sides: list[str]) -> str | None:
    """ "The minister met UK ambassador X": an ambassador (consul, chargé d'affaires) of one
    side, met by the other without a place named, was met where they are posted, at home for
    the other side, whichever country the article is from."""
    # the title may be on another mention of theirs than the one the record keeps
    titled = {m.person for i in [e.info, *e.sentences] for m in i.people if is_mission_head(m)}
    envoys = {
        p.mention.country
        for p in e.participants.values()
        if p.mention.country in sides and (p.person in titled or is_mission_head(p.mention))
    }
    others = [c for c in sides if c not in envoys]
    return others[0] if len(envoys) == 1 and len(others) == 1 else None


# a head of government or state: "Thủ tướng Campuchia X", "Prime Minister X", "Quốc vương"
_LEADER = re.compile(
    r"^(?:Thủ tướng|Chủ tịch nước|Tổng thống|Quốc vương|Nhà vua|Prime Minister|President|King)"
    r"(?!\w)"
)


def _leader_host(e: Engagement, sides: list[str]) -> str | None:
    """ "Trong cuộc gặp với Thủ tướng Campuchia X, Phó Thủ tướng Thái Lan Y …": the head of
    government (or state) met, without a place named, received the other side at home; a
    deputy prime minister is no head ("Phó Thủ tướng" does not open the title)."""
    if e.counterpart_person is None:
        return None
    part = e.participants.get(e.counterpart_person)
    if part is None or part.mention.country not in sides:
        return None
    if not any(_LEADER.search(t[2]) for t in part.mention.titles):
        return None
    return part.mention.country


# "met X at his office", "… at the national police headquarters": the one met's own premises
_AT_THEIR_OFFICE = re.compile(
    r"\bat (?:his|her|their|the) (?:(?:national |central |federal )?(?:police )?headquarters|"
    r"office|offices|ministry)\b"
)


def _office_host(e: Engagement, text: str, sides: list[str]) -> str | None:
    """ "He met police chief X at the national police headquarters": met at their own office,
    named without a place, the one met received the other side at home."""
    if e.counterpart_person is None:
        return None
    part = e.participants.get(e.counterpart_person)
    if part is None or part.mention.country not in sides:
        return None
    s = e.info.sentence
    if not _AT_THEIR_OFFICE.search(text, e.trigger[1], s.end):
        return None
    return part.mention.country


# "met with X, who is currently visiting the country": the one met came to the other side
_VISITING_HERE = re.compile(
    r"\bwho\s+(?:is|was|are|were)\s+(?:currently\s+|now\s+)?(?:visiting|on\s+an?\s+"
    r"(?:\w+\s+){0,2}visit\s+to)\s+(?:the|this)\s+(?:country|kingdom|state|emirate|sultanate)\b",
    re.I,
)


# a call made on whom is met: "paid a courtesy call on", "visited and extended New Year
# greetings to", "paid a Tet visit to", "đến chào", "chào xã giao"
_CALL_VERB = re.compile(
    r"courtesy (?:calls?|visits?)|called on|greetings to|wishes to|visits? to$|(?<!\w)chào(?!\w)",
    re.I,
)


def _called_on_host(e: Engagement, sides: list[str]) -> str | None:
    """ "A delegation of A paid a courtesy call on B", "… visited and extended New Year greetings
    to B": the one called on receives the call, at home; its side hosts (the call's verb
    is no host's, so the host went unnamed)."""
    if not _CALL_VERB.search(e.trigger[2]):
        return None
    return _met_side_hosts(e, sides)


def _visitor_host(e: Engagement, sides: list[str]) -> str | None:
    """ "X met yesterday with Y, who is currently visiting the country": the side of the one
    met is the guest, the other side hosts (a page that never names its own country)."""
    if e.counterpart_person is None or not _VISITING_HERE.search(e.info.sentence.text):
        return None
    met = e.participants.get(e.counterpart_person)
    if met is None or met.mention.country not in sides:
        return None
    others = [c for c in sides if c != met.mention.country]
    return others[0] if len(others) == 1 else None


def _trip_guest_host(e: Engagement, sides: list[str]) -> str | None:
    """ "A discussed Monday with B … as part of B's official visit to the country": the meeting
    is a session of a trip whose travellers are one of its two sides; the other side hosts."""
    trip = e.parent or e.pending_parent
    if trip is None or trip.kind != "visit" or trip.context or len(set(trip.guests)) != 1:
        return None
    others = [c for c in sides if c not in trip.guests]
    return others[0] if len(others) == 1 and trip.guests[0] in sides else None


def _story_host(e: Engagement, engagements: list[Engagement], sides: list[str]) -> str | None:
    """ "A and B signed an MOU on Friday" then "While in Cambodia, B also met C": the story's
    other meetings of the same two sides, all held at one of them, tell where this one was."""
    hosts = {
        x.host
        for x in engagements
        if x is not e
        and x.kind == "meeting"
        and not x.context
        and x.host in sides
        and set(x.guests) | {x.host} == set(sides)
    }
    return hosts.pop() if len(hosts) == 1 else None


def _visited_host(e: Engagement, engagements: list[Engagement], sides: list[str]) -> str | None:
    """Where the story's trip of one side to the other went (`chuyến thăm Việt Nam của …`)."""
    trips = sorted(
        (t for t in engagements if t.kind == "visit" and t.place_country in sides),
        key=lambda t: t.context,
    )
    for t in trips:
        if any(g in sides and g != t.place_country for g in t.guests):
            return t.place_country
    return None
