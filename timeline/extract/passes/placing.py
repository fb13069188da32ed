"""Places: where each engagement happened, from its sentence ("tại Canberra", "in Hanoi"), its
trip, or the story; places in subordinate clauses and possessives are not where."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import timedelta

from timeline.extract.gazetteer import (
    CITY,
    COUNTRY,
    VENUE,
    Mention,
    country_aliases,
    find_places,
)
from timeline.extract.model import (
    Engagement,
    SentenceInfo,
    another_time,
)
from timeline.extract.passes.objects import COUNTRY_LIST_GAP, person_extents
from timeline.extract.passes.roles import is_mission_head

# a clause that tells something else than the engagement: its places are not where it was
_SUBORDINATE = re.compile(
    r",\s+(?:as(?! well as| part of)|while|amid|although|even as|because)\s|"
    r"\b(?:before|after) (?:leaving|departing|heading|returning) (?:for|to)\b|\ben route to\b|"
    r"(?<!\w)(?:trước khi|sau khi) (?:rời|lên đường|trở về|về)(?!\w)|,\s+(?:trong khi|khi mà)\s"
)


# "Theo phóng viên TTXVN tại Phnom Penh", "phóng viên VOV thường trú tại Bangkok", "our
# correspondent in Beijing": the reporter's base, not the place (a Cambodia–Thailand border
# committee meeting hosted by Thailand was placed in Phnom Penh)
_REPORTER_AT = re.compile(
    r"(?<!\w)(?:phóng viên|PV|correspondent)(?:\s+[\w+.]+){0,4}?\s+(?:thường trú\s+)?(?:tại|ở|in)"
    r"\s+(?:thủ đô\s+)?$",
    re.IGNORECASE,
)
# "quan hệ giữa Moscow và Bắc Kinh", "ties between Washington and Beijing": a pair of capitals
# named for their governments, not a place (a Russia–China page placed the talks in Moscow)
_BETWEEN_PAIR = re.compile(
    r"(?<!\w)(?:giữa|between)\s+(?:(?:[A-ZĐ][\w.-]*\s+){1,3}(?:và|and)\s+)?$"
)


def _place_candidates(text: str, info: SentenceInfo, told_from: int | None = None) -> list[Mention]:
    """Cities, venues and countries named as where something happens ("tại Canberra,
    Australia", "in Hanoi"), not inside the name of an organisation or a person's title.
    `told_from` is where the sentence's first engagement is told: a subordinate clause that
    closes before it is the engagement's own ("…, as the IGP received them in Abuja")."""
    clause = max(info.sentence.start, told_from or 0)
    blocked = [(o.start, o.end) for o in info.orgs] + person_extents(info)
    out = []
    for p in info.places:
        # a venue named after its body ("INTERPOL headquarters") holds the body's name
        blocked_here = any(
            x <= p.start < y and not (p.kind == VENUE and p.end > y) for x, y in blocked
        )
        if blocked_here and not _seat_of(text, info, p):
            continue
        if text[p.end : p.end + 2] in ("'s", "’s"):
            continue  # "Singapore's minister": whose, not where
        if re.search(
            r"(?<!\w)của\s+$", text[max(info.sentence.start, p.start - 6) : p.start]
        ) and not _just_before(text, info, p, _PART_OF_COUNTRY, 40):
            continue  # "cam kết của Bangkok": whose (a government by its capital), not where
        if _SUBORDINATE.search(text, clause if p.start >= clause else info.sentence.start, p.start):
            continue  # "…, as Vietnamese arrested in Japan climb", "before leaving for Hue"
        if _just_before(text, info, p, _REPORTER_AT, 60):
            continue  # "Theo phóng viên TTXVN tại Phnom Penh": where the reporter is based
        if _just_before(text, info, p, _BETWEEN_PAIR, 40):
            continue  # "giữa Moscow và Bắc Kinh", "between Washington and Beijing": two governments
        before = text[max(info.sentence.start, p.start - 12) : p.start]
        prep = re.search(
            r"(?:tại|ở|in|at|đến|tới|to)\s+(?:thủ đô\s+|the\s+)?$", before
        ) or _just_before(text, info, p, _PART_OF_COUNTRY, 40)
        if p.kind == CITY and _in_country_list(text, info, p):
            continue  # "Đại sứ các nước Australia, Hàn Quốc, Singapore": the country
        if p.kind == CITY and not prep and _state_acting(text, p):
            continue  # "Singapore hopes that …": the state speaking, not where (x-people7)
        if p.kind in (CITY, VENUE) or prep:
            out.append(p)
    # "New Delhi, Nov 4 (IBNS) X met Y in Monaco": the dateline is where it was filed from
    # when the sentence says where it was held
    first = out[0] if out else None
    if (
        first is not None
        and first.start - info.sentence.start < 3
        and _DATELINE_AFTER.match(text, first.end)
        and any(_AT_PLACE.search(text[q.start - 12 : q.start]) for q in out[1:])
    ):
        out = out[1:]
    return out


def _just_before(
    text: str, info: SentenceInfo, p: Mention, pattern: re.Pattern[str], reach: int
) -> bool:
    """Does `pattern` end right before the place, within `reach` characters of its sentence?"""
    return pattern.search(text, max(info.sentence.start, p.start - reach), p.start) is not None


# "tại Hà Nội", "in the capital", "at Canberra": a place the sentence says it happened at
_AT_PLACE = re.compile(r"(?:tại|ở|in|at)\s+(?:thủ đô\s+|the\s+)?$")


def _places_after_at(text: str, info: SentenceInfo) -> list[Mention]:
    """The places of the sentence written right after `tại`/`ở`/`in`/`at`."""
    return [
        p for p in _place_candidates(text, info) if _AT_PLACE.search(text[p.start - 12 : p.start])
    ]


def _one_city_after_at(text: str, info: SentenceInfo) -> Mention | None:
    """The one city the sentence writes after `tại`/`ở`/`in`/`at`; None for none or several."""
    cities = [p for p in _places_after_at(text, info) if p.kind == CITY]
    return cities[0] if len(cities) == 1 else None


# "tại tỉnh Sa Kaeo thuộc miền đông của Thái Lan": a province the gazetteer does not know, in
# the country named after `thuộc … của` (x-people7 page 003: the meeting had no country)
_PART_OF_COUNTRY = re.compile(r"(?<!\w)thuộc\s+(?:(?:miền|phía|vùng|khu vực)\s+\w+\s+)?của\s+$")


# a wire dateline opening the sentence, "New Delhi, Nov 4 (IBNS)", "Bangkok, March 3 (Xinhua) -"
# (x-people7 page 012: a meeting in Monaco was placed in New Delhi, the agency's desk)
_DATELINE_AFTER = re.compile(
    r",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?\s*(?:\(|/|–|—|-|:)"
)


# a city-state's name as the subject of a verb ("Singapore hopes", "Singapore and Malaysia
# signed", "Singapore mong muốn"): x-people7 page 002 had a meeting "in Hanoi" placed in
# Singapore, the sentence's first word
_ACTING = re.compile(r"\s+(?:and\s+[A-Z][\w-]+\s+|và\s+[A-ZĐ][\w-]+\s+)?[a-zà-ỹđ]")


def _state_acting(text: str, p: Mention) -> bool:
    """Is the place a city-state's name written as the subject acting (a lower-case verb after
    it), not as where something happened?"""
    if country_aliases().get(p.text) is None:
        return False
    m = _ACTING.match(text, p.end)
    return m is not None and not re.match(r"\s+(?:on|in|at|from|to)\b", text[p.end : m.end() + 6])


def _in_country_list(text: str, info: SentenceInfo, p: Mention) -> bool:
    """A city named as its country ("Singapore") right after another country in a list."""
    if country_aliases().get(p.text) is None:
        return False
    return any(
        c.kind == COUNTRY and c.end <= p.start and COUNTRY_LIST_GAP.fullmatch(text, c.end, p.start)
        for c in info.places
    )


# "tại Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sơn La", "tại Công an tỉnh X": a province's body whose
# seat the session is held at (5 of the 12 eleventh-round pages placed their talks only so)
_AT_SEAT = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:trụ sở\s+)?$")


def _seat_of(text: str, info: SentenceInfo, p: Mention) -> bool:
    """The place names the province of a body the session is held at."""
    return any(
        o.start <= p.start
        and p.end <= o.end
        and o.key.startswith(f"{p.key} ")
        and _AT_SEAT.search(text, max(info.sentence.start, o.start - 14), o.start)
        for o in info.orgs
    )


def place_engagements(text: str, engagements: list[Engagement]) -> None:
    by_sentence: dict[int, list[Engagement]] = {}
    for e in engagements:
        by_sentence.setdefault(e.info.sentence.start, []).append(e)
    for group in by_sentence.values():
        info = group[0].info
        told_from = min(e.trigger[0] for e in group)
        candidates = _place_candidates(text, info, told_from)
        for p in candidates:
            if any(v.kind == "visit" and v.destination is p for v in group):
                continue  # where a trip of the sentence went ("recalled his trip to Japan")
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
        pending = e.pending_parent
        if pending is not None and e.parent is None:  # noqa: SIM102
            if (
                e.place_country is None
                or e.place_country == pending.place_country
                or pending.place_country is None
            ):
                within = True
                if e.resolved and pending.resolved and e.resolved.start and pending.resolved.start:
                    within = pending.resolved.start <= e.resolved.start <= pending.resolved.end  # type: ignore[operator]
                    within = within or _day_after_arrival(e, pending)
                if within and _involves_travellers(e, pending) and not _envoy_of(e, pending):
                    e.parent, e.part_cue = pending, pending.trigger
                    _stretch_to(pending, e)


# a trip dated by its first day only ("Ngày 3/6, Thứ trưởng X đã có chuyến thăm …") goes on
# for the days of the sessions told after it; a fortnight bounds how long such a trip lasts
_TRIP_DAYS = 14


def _day_after_arrival(e: Engagement, trip: Engagement) -> bool:
    """The session falls on a day after the one day the trip is dated by, within a
    fortnight."""
    r, t = e.resolved, trip.resolved
    if r is None or t is None or None in (r.start, r.end, t.start, t.end):
        return False
    d = trip.date
    one_day = d is not None and d.day is not None and d.end_day is None and d.end_month is None
    if not one_day or trip.date_origin != "own":
        return False
    return t.start < r.start <= t.start + timedelta(days=_TRIP_DAYS)  # type: ignore[operator]


def _stretch_to(trip: Engagement, session: Engagement) -> None:
    """A trip dated by its first day spans the days of its sessions told later."""
    r, t = session.resolved, trip.resolved
    if r is None or t is None or r.end is None or t.end is None:
        return
    if t.end < r.end and _day_after_arrival(session, trip):
        trip.resolved = replace(t, end=r.end, precision="range")


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
    if not travellers:
        # ("X received Y, who is on his visit to Vietnam": the trip's head is named in its
        # sentence before the roles pass makes them its head; a guest of a third country
        # received the same day is not one of Y's travellers)
        travellers = {p.country for p in trip.info.people if p.country} - {trip.place_country}
    if not travellers or trip.place_country is None:
        return True
    before = text_before_trigger(e)
    # ("the Vietnamese delegation", "the visiting delegation": the travellers too)
    if re.search(
        r"(?:^|\W)(?:Đoàn|đoàn|[Tt]he (?:[\w-]+ )?delegation|[Tt]he visitors?)\b", before
    ) or re.match(r"\s*(?:He|She|They|Ông|Bà)\b", before):
        return True  # "Đoàn đã làm việc với …", "He also met …": the travellers
    if _BARE_TITLE_SUBJECT.search(before):
        return True  # "Cùng ngày, Thứ trưởng đã gặp …": the trip's head, by title alone
    here = {p.mention.country for p in e.participants.values() if p.mention.country}
    if e.counterpart is not None and e.counterpart.country:
        here.add(e.counterpart.country)
    if here & travellers or not e.participants:
        return True
    return e.counterpart is not None and e.counterpart.country == trip.place_country


def _envoy_of(e: Engagement, trip: Engagement) -> bool:
    """ "X met US Ambassador Y" on a page that also tells X's trip to the US: an ambassador
    lives in the country they are posted to, never their own, so a meeting with the trip
    country's envoy is not one of its sessions (x-sides pages: 2 of 12 meetings with an
    ambassador were placed in the ambassador's country by a past trip told after them)."""
    return trip.place_country is not None and any(
        p.mention.country == trip.place_country and is_mission_head(p.mention)
        for p in e.participants.values()
    )


def inherit_places(engagements: list[Engagement]) -> None:
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
            where = p.located if p.kind == VENUE else p.country
            if e.place_origin == "host" and where:
                # the receiver's ground was assumed; the city the sentence names says where
                e.place_country, e.place_origin = where, "own"
            e.place_country = e.place_country or where
            e.place_span = e.place_span or p
    elif e.place_country is None:
        e.place_country = p.key
        e.place_span = p


def place_free_countries(info: SentenceInfo) -> list[Mention]:
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


def place_from_story(engagements: list[Engagement]) -> None:
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


def place_from_retelling(text: str, engagements: list[Engagement], meet: re.Pattern[str]) -> None:
    """A session whose first sentence gives no place takes the one a later sentence retelling
    it gives ("Cho met with Minister To Lam at the agency's headquarters in Seoul"): wire copy
    tells who met whom in its lead and where in the next paragraph. Only a sentence that is
    itself a meeting told of this engagement alone, with a place after `in`/`at`/`tại`."""
    holders: Counter[int] = Counter(
        i.sentence.start for e in engagements if e.kind != "visit" for i in e.sentences
    )
    for e in engagements:
        if e.kind == "visit" or e.city is not None or e.place_country or e.remote:
            continue
        for info in e.sentences[1:]:
            if holders[info.sentence.start] != 1 or not meet.search(info.sentence.text):
                continue
            if _meets_others(e, info) or another_time(e, info):
                continue
            where = _places_after_at(text, info)
            if where:
                _set_place(e, where[0])  # its own evidence, in the sentence that retells it
                break


def place_from_caption(text: str, engagements: list[Engagement], infos: list[SentenceInfo]) -> None:
    """A meeting told without a place takes the one a photo's caption of it gives: a caption
    naming its two sides' people "in <City>" ("X (R) meets with Y, head of the … delegation,
    in Hanoi on May 27 (Photo: …)"; x-fields5: the story's sentence said only the day)."""
    captions = [i for i in infos if i.sentence.role == "caption"]
    for e in engagements:
        if e.kind != "meeting" or e.city is not None or e.remote:
            continue
        ours = {k for k, p in e.participants.items() if p.role in ("host", "guest")}
        for info in captions:
            if len(ours & {p.person for p in info.people}) < 2:
                continue
            city = _one_city_after_at(text, info)
            if city is not None and e.place_country in (None, city.country):
                _set_place(e, city)
                break


# "Ngay sau lễ đón, A cùng B đã tiến hành hội đàm": the talks that open on the welcome told
# before them; "Lễ đón chính thức …", "chủ trì lễ đón": the welcome's own sentence
_AFTER_THE_WELCOME = re.compile(r"\s*(?:[Nn]gay\s+)?[Ss]au (?:buổi )?lễ đón(?!\w)")
_WELCOME = re.compile(r"(?<!\w)[Ll]ễ đón(?!\w)")


def place_after_the_welcome(
    text: str, engagements: list[Engagement], infos: list[SentenceInfo]
) -> None:
    """Talks told "right after the welcome" with no place of their own were where the welcome
    told before them was ("Sáng 31/10, tại Hà Nội, … tổ chức Lễ đón chính thức …. Ngay sau lễ
    đón, A cùng B đã tiến hành hội đàm": x-vi7 page 013, the talks had no city)."""
    for e in engagements:
        if e.kind != "meeting" or e.city is not None or e.remote or not e.sentences:
            continue
        s = e.sentences[0].sentence
        if not _AFTER_THE_WELCOME.match(text, s.start):
            continue
        before = [i for i in infos if i.sentence.end <= s.start]
        welcome = next((i for i in reversed(before) if _WELCOME.search(i.sentence.text)), None)
        if welcome is None:
            continue
        city = _one_city_after_at(text, welcome)
        if city is not None and e.place_country in (None, city.country):
            _set_place(e, city)


# "A and B officials wrapped up a defence dialogue on Friday in <City>": the
# lead names the dialogue as a common noun, the next sentence names its session
_LEAD_DIALOGUE = re.compile(r"(?i)\bdialogue\b|(?<!\w)đối thoại(?!\w)")


def place_from_lead(text: str, engagements: list[Engagement], infos: list[SentenceInfo]) -> None:
    """The article's one dialogue, told without a place, took place where its lead says a
    dialogue did, when the lead told no engagement of its own (wire copy: the news first,
    the session's name after)."""
    held = [e for e in engagements if not e.context and e.status == "held"]
    dialogues = [e for e in held if e.kind == "dialogue"]
    lead = next((i for i in infos if i.sentence.role == "body"), None)
    if len(dialogues) != 1 or lead is None or not _LEAD_DIALOGUE.search(lead.sentence.text):
        return
    e = dialogues[0]
    if e.city is not None or e.place_country or e.remote:
        return
    if any(i.sentence.start == lead.sentence.start for x in held for i in x.sentences):
        return
    where = [
        p
        for p in _place_candidates(text, lead)
        if re.search(r"(?:tại|ở|in|at)\s+(?:thủ đô\s+|the\s+)?$", text[p.start - 12 : p.start])
    ]
    if where:
        _set_place(e, where[0])


# "on the sidelines of the conference", "bên lề Hội nghị": a meeting at a gathering, and the
# sentence that names the gathering with where it met ("The 11th International Conference …
# opened in Moscow, Russia", "Hội nghị … diễn ra tại Bắc Kinh")
_ON_SIDELINES = re.compile(r"(?i)\bon the (?:sidelines?|margins?) of\b|(?<!\w)bên lề(?!\w)")
_GATHERING = re.compile(
    r"\b(?:Conference|Summit|Forum|Assembly|Congress|Meeting|Dialogue)\b|"
    r"(?<!\w)(?:Hội nghị|Diễn đàn|Đối thoại|Hội thảo)(?!\w)"
)


def place_of_the_gathering(
    text: str, engagements: list[Engagement], infos: list[SentenceInfo]
) -> None:
    """A meeting on a gathering's sidelines, told without a place, was held where the
    gathering was: the place the nearest sentence before it naming the gathering gives after
    `in`/`at`/`tại` ("The 11th International Conference … opened in Moscow, Russia, on May 24.
    … On the sidelines of the conference, General A had separate meetings with …")."""
    for e in engagements:
        if e.kind != "meeting" or e.context or e.city is not None or e.place_country:
            continue
        if e.remote or not _ON_SIDELINES.search(e.info.sentence.text):
            continue
        for info in reversed([i for i in infos if i.sentence.start < e.info.sentence.start]):
            if not _GATHERING.search(info.sentence.text):
                continue
            where = _places_after_at(text, info)
            if where:
                _set_place(e, where[0])
                e.place_origin = "gathering"
                break


# "According to a press release …, the meeting took place at Bayan Palace": the meeting named
# by its noun, then where it was held (KUNA, QNA; x-world2 page 002)
_NOUN_HELD_AT = re.compile(
    r"\b[Tt]he (?:meeting|talks|discussions?|reception|event|(?:signing )?ceremony|signing|"
    r"session|courtesy call)\s+(?:took place|was held|were held)\s+"
    # ("The event was held on Sep 10 at the agency's headquarters in Seoul": the day, the
    # premises, then the city)
    r"(?:[^.;]{0,60}?\s)?(?:at|in)\s+(?:the\s+)?(?:[^.;]{0,60}?\s(?:at|in)\s+)?$|"
    # ("In the meeting held on Tuesday at the agency's headquarters in Tokyo, …", x-miss7)
    r"(?:^|(?<=\n))\s*(?:In|At|During) (?:the|this) (?:meeting|talks|discussions?|session)\s+held"
    r"\s+(?:[^.;,]{0,60}?\s)?(?:at|in)\s+(?:the\s+)?(?:[^.;,]{0,60}?\s(?:at|in)\s+)?$|"
    # ("Cuộc họp hôm 16.9 diễn ra … tại tỉnh Sa Kaeo thuộc miền đông của Thái Lan": the day,
    # and a province unknown to the gazetteer, placed by its country; x-people7 page 003)
    r"(?<!\w)(?:[Bb]uổi|[Cc]uộc) (?:tiếp|hội đàm|làm việc|gặp|hội kiến|ký kết|họp)\s+"
    r"(?:hôm\s+[\d./-]+\s+)?(?:đã\s+)?"
    r"(?:diễn ra|được tổ chức)\s+(?:[^.;]{0,60}?\s)?tại\s+(?:[^.;]{0,60}?\s(?:tại|ở)\s+|"
    r"(?:tỉnh|thành phố)\s+[^.;,]{1,30}?\s+thuộc\s+(?:(?:miền|phía|vùng|khu vực)\s+\w+\s+)?"
    r"của\s+)?$"
)


def place_from_meeting_noun(
    text: str, infos: list[SentenceInfo], engagements: list[Engagement]
) -> None:
    """The story's one meeting, told without a place, was held where a later sentence says
    "the meeting took place at X"."""
    held = [e for e in engagements if e.kind != "visit" and not e.context and not e.remote]
    if len(held) != 1 or held[0].city is not None or held[0].place_country:
        return
    e = held[0]
    for info in infos:
        if info.sentence.start <= e.info.sentence.start:
            continue
        where = [
            p
            for p in _place_candidates(text, info)
            if _just_before(text, info, p, _NOUN_HELD_AT, 160)
        ]
        if where:
            _set_place(e, where[0])
            return
    _place_of_the_sitting(text, infos, e)


# "Ngày 9-5, cuộc họp cấp bộ trưởng kéo dài hai giờ tại Singapore" beside "A và B đã ký biên
# bản …": the sitting named as the sentence's subject, then where it sat
# (x-noise7 010: a ceasefire session in a third country, drafted from the signing with no
# place, matched nothing and its session was a miss)
_SITTING_AT = re.compile(
    r"(?<!\w)(?:[Cc]uộc|[Pp]hiên|[Kk]ỳ) họp(?!\w)(?: [^.;,]{0,60}?)? (?:tại|ở)\s+$"
)


def _place_of_the_sitting(text: str, infos: list[SentenceInfo], e: Engagement) -> None:
    """The story's one session, told without a place, sat where a sentence before or after its
    own says `cuộc họp … tại X` of a sitting, when that sentence dates nothing else."""
    for info in infos:
        if info is e.info:
            continue
        if info.dates and (e.date is None or any(d.phrase != e.date.phrase for d in info.dates)):
            continue  # a sitting of another day
        where = [
            p for p in _place_candidates(text, info) if _just_before(text, info, p, _SITTING_AT, 90)
        ]
        if where:
            _set_place(e, where[0])
            return


def _meets_others(e: Engagement, info: SentenceInfo) -> bool:
    """ "Last month, X held separate meetings with Congressmen A and B in Washington": a later
    sentence naming people who took no part in the engagement tells another meeting, and its
    place is that one's (x-sides s06: an ambassador's call in Islamabad placed in Washington)."""
    return any(p.person >= 0 and p.person not in e.participants for p in info.people)


def one_verb_one_place(engagements: list[Engagement]) -> bool:
    """Meetings drafted from one verb with a list took place where the first of them did,
    when the sentence places only that one ("met X in Canberra, Y and Z"). True if any did."""
    first: dict[tuple[int, int], Engagement] = {}
    changed = False
    for e in engagements:
        if e.kind == "visit":
            continue
        lead = first.setdefault((e.trigger[0], e.trigger[1]), e)
        if lead is e or e.place_country or lead.place_country is None or lead.remote:
            continue
        e.city, e.place_country, e.place_span = lead.city, lead.place_country, lead.place_span
        e.place_origin, changed = lead.place_origin, True
    return changed


def dateline_city(text: str, tag: tuple[int, int] | None) -> Mention | None:
    """The city of the story's dateline ("VIENTIANE —", "DOHA, MAY 5 /DNA/ –"), if any."""
    if tag is None:
        return None
    # the dateline is in capitals: looked up as a name is written ("VIENTIANE" as "Vientiane"),
    # after "in" (a short name, "DOHA —", is a city where the dateline puts it)
    named = find_places("in " + text[tag[0] : tag[1]].title())
    city = next((p for p in named if p.kind == CITY), None)
    if city is None:
        return _capital_named_as_country(text, tag, named)
    a, b = tag[0] + city.start - 3, tag[0] + city.end - 3
    return replace(city, start=a, end=b, text=text[a:b])


# "KUWAIT, Nov 5 (KUNA) --", "KUWAIT -": a dateline naming a country whose capital bears its
# name is filed from that capital (the Gulf agencies' copy; 2 of x-world2's 8 pages)
_NAMESAKE_CAPITALS = {"KW": "Kuwait City", "SG": "Singapore", "DJ": "Djibouti"}


def _capital_named_as_country(
    text: str, tag: tuple[int, int], named: list[Mention]
) -> Mention | None:
    first = named[0] if named else None
    if first is None or first.kind != COUNTRY or first.key not in _NAMESAKE_CAPITALS:
        return None
    if first.start != 3:  # the dateline's first word, nothing before it
        return None
    capital = find_places("in " + _NAMESAKE_CAPITALS[first.key])
    city = next((p for p in capital if p.kind == CITY), None)
    if city is None:
        return None
    a, b = tag[0] + first.start - 3, tag[0] + first.end - 3
    return replace(city, start=a, end=b, text=text[a:b])


def _lead_says_here(text: str, e: Engagement, here: re.Pattern[str]) -> bool:
    """ "Pune, Mar 3: The two countries' officials met here on Monday for talks. Their second
    round was led by …": a session dated by the lead is where the lead says it was (x-miss7 002:
    the dateline's city was lost with the lead's "here")."""
    if e.date_origin != "lead" or e.date is None:
        return False
    a = max(text.rfind(".", 0, e.date.start), text.rfind("\n", 0, e.date.start)) + 1
    ends = [i for i in (text.find(".", e.date.end), text.find("\n", e.date.end)) if i >= 0]
    return here.search(text[a : min(ends, default=len(text))]) is not None


def place_from_dateline(
    text: str, tag: tuple[int, int] | None, engagements: list[Engagement], here: re.Pattern[str]
) -> None:
    """The city of the story's dateline ("VIENTIANE —", "SINGAPORE:") is where a meeting told
    without a place happened when the story says so ("at the police headquarters here"), or
    when the one met is of the dateline's country. A dateline alone is where the reporter
    files from ("SEOUL, Oct. 21 (Yonhap) --" on talks abroad): otherwise it is not taken."""
    city = dateline_city(text, tag)
    if city is None:
        return
    for e in engagements:
        if e.kind == "visit" or e.city or e.place_country not in (None, city.country):
            continue
        if e.remote or e.context:
            continue
        said_here = any(here.search(i.sentence.text) for i in e.sentences)
        said_here = said_here or _lead_says_here(text, e, here)
        met = e.participants.get(e.counterpart_person) if e.counterpart_person is not None else None
        theirs = met is not None and met.mention.country == city.country
        # "DOHA — X visited the Ministry of Interior of Qatar": the agency met is the one met
        theirs = theirs or (e.counterpart is not None and e.counterpart.country == city.country)
        # "NAIROBI — Kenya's police chief received the Ugandan police chief": the one receiving
        # is of the dateline's country, at home
        theirs = theirs or any(
            p.role == "host" and p.mention.country == city.country for p in e.participants.values()
        )
        # "KUALA LUMPUR — Home Minister A and police chief B received a Vietnamese delegation":
        # those receiving, named by office alone, receive at home, where the story is filed
        hosts = [p for p in e.participants.values() if p.role == "host"]
        theirs = theirs or (
            bool(hosts)
            and all(p.mention.country is None for p in hosts)
            and any(
                p.mention.country not in (None, city.country)
                for p in e.participants.values()
                if p.role != "host"
            )
        )
        # "Doha, Qatar: The Minister of Interior … met with X, Chargé d'Affaires at the
        # Embassy of the United States": a foreign envoy met lives where the story is filed
        theirs = theirs or any(
            is_mission_head(p.mention) and p.mention.country not in (None, city.country)
            for p in e.participants.values()
        )
        if said_here or theirs:
            _set_place(e, city)
