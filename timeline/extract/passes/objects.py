"""Who is met: the persons and organisations after a meeting verb, without the offices named
in their titles and the ministries their agencies belong to."""

from __future__ import annotations

import re

from events.countries import country
from timeline.extract import languages
from timeline.extract.gazetteer import ABROAD, CITY, COUNTRY, ORG, Mention, country_aliases
from timeline.extract.model import SentenceInfo
from timeline.extract.people import PersonMention


def _inside(m: Mention | PersonMention, spans: list[tuple[int, int]]) -> bool:
    a, b = (m.start, m.end)
    return any(x <= a and b <= y and (x, y) != (a, b) for x, y in spans)


def person_extents(info: SentenceInfo) -> list[tuple[int, int]]:
    return [p.extent for p in info.people]


_NOUN_BEFORE = re.compile(
    r"(?:[Tt]ham dự|[Cc]hủ trì|[Ss]au|[Tt]ại|[Tt]rong|[Kk]ết thúc|[Bb]uổi|[Cc]uộc|[Bb]iên bản|"
    r"[Kk]ết quả|[Nn]ội dung|[Pp]hiên|[Mm]ở đầu|the|at the|after the|during the|of the)\s*$"
)


# "phát biểu tại buổi tiếp <the guest>": a speech told at the session with someone
_SPOKEN_AT = re.compile(
    r"(?:phát biểu|chia sẻ|cho biết|khẳng định) (?:tại|trong) (?:buổi|cuộc)\s*$"
)
_RECEPTION = re.compile(r"tiếp|hội kiến|hội đàm|gặp")
_WITH = re.compile(r"\s+với\s")
# "đã diễn ra buổi hội đàm", "tiến hành cuộc hội đàm": the noun told as happening ("đã diễn ra
# Hội đàm giữa Đoàn A … và Đoàn B …": capitalised, without its classifier); "đã có buổi tiếp xã
# giao ông X", "có buổi chào xã giao Thứ trưởng Y": a session someone had, with whom
_TOLD_HAPPENING = re.compile(
    r"(?<!\w)(?:(?:diễn ra|tiến hành)\s+(?:(?:các |những )?(?:buổi|cuộc)\s*)?"
    r"|có\s+(?:các |những )?(?:buổi|cuộc)\s*)$"
)
_HONORIFIC_GAP = re.compile(r"\s*(?:(?:ông|bà|ngài)\s+)?")
# "…, Thứ trưởng Lê Quý Vương nhấn mạnh …": who speaks next opens a clause of their own
_SPEAKS = re.compile(
    r"\s*(?:đã\s+)?(?:nhấn mạnh|cho biết|khẳng định|phát biểu|đề nghị|bày tỏ|đánh giá|cảm ơn|"
    r"said|stressed|noted|affirmed|thanked)(?!\w)"
)


_NEXT_PERSON = re.compile(r"\s*(?:ngài|ông|bà|đồng chí|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s")
# "ngài A và ngài B, Thứ trưởng Bộ Tư pháp": two persons sharing the title after the second
_SHARED_TITLE = re.compile(r"\s*(?:và|and)\s+(?:(?:ngài|ông|bà|Mr\.?|Ms\.?)\s+)?")


# "…, Đại tướng Y đã chuyển lời hỏi thăm …": the past marker right after a name opens its clause
_OWN_CLAUSE = re.compile(r",?\s+đã\s+(?!từng\b)")


def speaks_next(text: str, p: PersonMention) -> bool:
    """The person is the subject of a reporting verb right after their name and titles, or of
    any verb Vietnamese marks as done ("đã")."""
    return any(r.match(text, at) for r in (_SPEAKS, _OWN_CLAUSE) for at in (p.end, p.extent[1]))


def noun_phrase(text: str, info: SentenceInfo, m: re.Match[str]) -> bool:
    """ "Tại cuộc hội đàm với …", "At the meeting with …": the meeting's word is a noun."""
    return bool(_NOUN_BEFORE.search(text, max(info.sentence.start, m.start() - 20), m.start()))


def noun_usage(text: str, info: SentenceInfo, m: re.Match[str]) -> bool:
    """ "Tham dự hội đàm có …", "Sau hội đàm", "Biên bản hội đàm": the talks as a thing
    already told, not a new meeting."""
    s = info.sentence
    before = text[max(s.start, m.start() - 30) : m.start()]
    if _TOLD_HAPPENING.search(before):
        return False  # "đã diễn ra buổi hội đàm … giữa A và B": the session itself
    if _NOUN_BEFORE.search(before[-20:]):
        if _SPOKEN_AT.search(before) and text[m.end() : m.end() + 2].strip()[:1].isupper():
            return False  # "phát biểu tại buổi tiếp Phó Trợ lý …": the session with someone
        # "trong buổi tiếp ông Ablong": the reception of the person named right after, unless
        # that person speaks next ("Tại buổi hội đàm Bộ trưởng X đề nghị …")
        guest = next(
            (p for p in info.people if _HONORIFIC_GAP.fullmatch(text, m.end(), p.extent[0])),
            None,
        )
        if _RECEPTION.fullmatch(m.group()) and guest is not None and not speaks_next(text, guest):
            return False
        # "trong cuộc gặp với X, Y …": the meeting with X, like "cuộc hội đàm với X" (and "At
        # the meeting with X, Y …": read as the talks already told, it drafted a second
        # meeting with no one)
        return not (m.group().endswith(("với", " with")) or _WITH.match(text, m.end()))
    if _PRESENCE_FIRST.match(text, m.end(), s.end):
        return False  # "met, in the presence of A, with B": a verb, its object after the aside
    if _TIMED_VERB.search(m.group()) and any(
        re.fullmatch(r"\s*,\s*", text[m.end() : p.extent[0]]) for p in info.people
    ):
        return False  # "received on Sunday, X, Police Commissioner …": the time, then whom
    return bool(re.match(r"\s*(?:có|,|\.|;)", text[m.end() : m.end() + 4]))


# a verb told with its time before its object ("received on Sunday, X": a Gulf agency's copy,
# x-recall3 pages)
_TIMED_VERB = re.compile(r"\s(?:on [A-Z]\w+|yesterday|today)\b")


# "Singapore's Minister for Home Affairs and Minister for Law K. Shanmugam": titles before a name
# ("Deputy Director for Operations at the Federal Police H E X": a title's "at")
# (with the abbreviation a title's office is known by: "Director of Internal Security (ISPO) of")
_TITLES_ONLY = re.compile(
    # ("Cabinet Secretary for Home Affairs & Internal Security, Dr X": an "&" in the titles)
    r"\s*(?:(?:[A-Z][\w'’.-]*|\([A-Z][\w&.-]{1,10}\)|and|for|of|the|at|'s|’s|&|,)\s*)*"
)


# "met senior Government functionaries including A, B and C": whom it met is the list after
# "including" (a release's way; x-recall3 026), which otherwise ends the object
_INCLUDING = re.compile(
    r"\s+(?:with\s+)?(?:(?:the|several|many)\s+)?(?:[\w-]+\s+){0,2}?(?:officials|functionaries|"
    r"leaders|dignitaries|counterparts)\s+(?:including|such as)\s+"
)


# "X met, in the presence of the Director General of Police A, with B": who attended is told
# between the verb and whom it met
_PRESENCE_FIRST = re.compile(r",?\s*in the presence of\s[^;.]{1,200}?,\s*with\s+")


# "làm việc tại", "thăm và làm việc tại": a verb whose object is where
_AT_A_PLACE = re.compile(r"(?<!\w)tại$")
_BARE_GAP = re.compile(r"\s*")
# "chào xã giao A, tọa đàm với B; thăm, làm việc với C": a comma or a semicolon, then the next
# meeting verb of the same subject
_LIST_GAP = re.compile(r"\s*[,;]\s*(?:(?:và|and|then|rồi|đã|also|cũng)\s+)*$")


def _next_verb(
    text: str, language: str, start: int, end: int, blocked: list[tuple[int, int]]
) -> int:
    """The object ends where the next meeting verb of a list of sessions begins ("chào xã giao
    ông A, tọa đàm với ông B": B was met in a session of their own, not with A); two verbs of
    one object ("đã tiếp đón, làm việc với đoàn …") share it."""
    for m in languages.get(language).meet.finditer(text, start, end):
        if m.start() == start or any(x <= m.start() < y for x, y in blocked):
            continue
        named = any(start <= x < m.start() for x, _ in blocked)
        if named and _LIST_GAP.search(text, start, m.start()):
            return m.start()
    return end


# an item of a list of units met: its head noun opens it, its name runs to the next comma
# ("Viện Chiến lược quốc phòng", "Đoàn 871"), an office held in it before it ("chào Chủ nhiệm
# Ủy ban …": the committee's chair called on)
_UNIT_ITEM = re.compile(
    r"(?:(?:[Cc]hủ nhiệm|[Cc]hủ tịch|lãnh đạo|[Ll]ãnh đạo|[Gg]iám đốc|[Cc]ục trưởng|"
    r"[Vv]iện trưởng)\s+)?(?P<unit>(?:Cục|Viện|Vụ|Học viện|Tổng cục|Ủy ban|Uỷ ban|Bộ Tư lệnh|"
    r"Quân khu|Quân chủng|Binh chủng|Đoàn(?= \d))\s+[^,;.…()]+?)\s*(?=[,;.…(]|\s+và\s|$)"
)


def _unlisted_units(text: str, info: SentenceInfo, start: int, end: int) -> list[Mention]:
    """ "làm việc với Cục Đối ngoại, Viện Chiến lược quốc phòng, Đoàn 871": the units of a list
    of agencies met that the gazetteer lacks, next to one it knows, each met in a session of its
    own; of the country a country name ends them with, else of our side (a list of units met,
    the gazetteer's known one among them, is the programme of a delegation's visit)."""
    # (a title no one is named by, "Chủ nhiệm Ủy ban …", takes no unit's place)
    taken = [(e.start, e.end) for e in info.entities]
    taken += [p.extent for p in info.people if p.person >= 0]
    out = []
    pos = start
    while pos < end:
        m = _UNIT_ITEM.match(text, pos, end)
        gap = re.match(r"[^,;]*[,;]\s*|\S+\s+và\s+", text[pos:end]) if m is None else None
        if m is not None:
            a, b = m.span("unit")
            if not any(x < b and a < y for x, y in taken):
                named = [p for p in info.places if a <= p.start < b and p.kind == COUNTRY]
                code = named[-1].key if named else "VN"
                out.append(Mention(a, b, m["unit"], ORG, m["unit"], code, None, "agency"))
            nxt = re.match(r"\s*(?:[,;]|\s+và)\s*", text[m.end() : end])
            if nxt is None:
                break
            pos = m.end() + nxt.end()
        elif gap is not None:
            pos += gap.end()
        else:
            break
    return out


def counterparts(
    text: str, info: SentenceInfo, start: int, language: str
) -> tuple[int, list[Mention | PersonMention]]:
    """Who is met after a meeting verb: persons, and organisations not named in a person's
    titles. Returns the end of the object and the counterparts in order."""
    s = info.sentence
    when = TIME_FIRST.match(text, start, s.end)
    start = when.end() if when else start  # "received on Sunday his counterpart X"
    present = _PRESENCE_FIRST.match(text, start, s.end)
    start = present.end() if present else start  # "met, in the presence of A, with B"
    listed = _INCLUDING.match(text, start, s.end)
    start = listed.end() if listed else start  # "met senior officials including A, B and C"
    blocked = [(e.start, e.end) for e in info.orgs] + person_extents(info)
    if _AT_A_PLACE.search(text, max(s.start, start - 5), start) and any(
        _BARE_GAP.fullmatch(text, start, p.start) and p.kind in (COUNTRY, CITY) for p in info.places
    ):
        # "Trong thời gian làm việc tại Việt Nam, đoàn … cũng làm việc với …": a stay at a
        # place is no session, and whom the clause after it names was met by another verb
        return start, []
    stop = languages.get(language).object_end
    end = s.end
    for m in stop.finditer(text, start, s.end):
        if m.group() == ";" and _NEXT_PERSON.match(text, m.end()):
            continue  # "ngài A, Phó Tư lệnh …; ngài B và ngài C, Thứ trưởng …": the list goes on
        if not any(x < m.start() + 1 < y for x, y in blocked):
            end = m.start()
            break
    end = _next_verb(text, language, start, end, blocked)
    head = text[start:end]
    # an object must begin with who is met, not a clause
    lead = re.match(
        r"\s*(?:(?:the|các|những|với|cả|đại diện|lãnh đạo|officials? (?:of|from)|"
        r"representatives? of|leaders? of|đoàn đại biểu|Đoàn đại biểu|đoàn|Đoàn|"
        # "gặp gỡ cán bộ, nhân viên Đại sứ quán", "met staff of the Embassy"
        r"cán bộ,? nhân viên|cán bộ|nhân viên|(?:the )?staff (?:of|at)|"
        r"a delegation (?:of|from)|delegations? (?:of|from))\s+)*",
        head,
    )
    first = start + (lead.end() if lead else 0)
    out: list[Mention | PersonMention] = []
    extents = person_extents(info)
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
    if any(isinstance(x, PersonMention) for x in out):
        _works_at(text, out)
        # "gặp X tại trụ sở Bộ Nội vụ Anh", "met X at the headquarters of Y": where, not whom
        out = [
            x
            for x in out
            if isinstance(x, PersonMention)
            or not _VENUE_BEFORE.search(text, max(s.start, x.start - 40), x.start)
        ]
    if language == "vi" and all(isinstance(x, Mention) for x in out):
        # (none known: only a unit opening the object, "chào Chủ nhiệm Ủy ban …")
        units = _unlisted_units(text, info, start if out else first, end)
        out += units if out or (units and _UNIT_ITEM.match(text, first)) else []
    if not out:
        out = delegations_listed(text, info, start)
    out.sort(key=lambda x: x.start)
    # a person met begins with their titles ("Trợ lý Ngoại trưởng … phụ trách khu vực …")
    begin = (out[0].extent[0] if isinstance(out[0], PersonMention) else out[0].start) if out else 0
    if out and begin > first + 60 and not _TITLES_ONLY.fullmatch(text[first:begin]):
        return end, []
    return end, _kept(text, out)


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_DAY = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?|\d{1,2} [A-Z][a-z]{2,8}(?: \d{4})?)"
# "hosted on Monday 4/3/2024 his Omani counterpart", "met yesterday with X": wire copy puts
# the day between the verb and whom it met, where the object would otherwise end at "on"
_WHEN_SAID = (
    rf"(?:on\s+{_WEEKDAY}(?:,?\s+(?:\d{{1,2}}/\d{{1,2}}/\d{{4}}|{_MONTH_DAY}))?|"
    rf"on\s+{_MONTH_DAY}|on\s+\d{{1,2}}/\d{{1,2}}/\d{{4}}|yesterday|today|"
    r"this (?:morning|afternoon|evening|week))"
)
# ("received in Riyadh on Tuesday X": a one-word city with the day, before or after it; a city
# alone is not skipped, its next capitalised word may be the guest's title)
_IN_CITY = r"in\s+[A-Z][\w'’-]+"
TIME_FIRST = re.compile(rf"\s*(?:{_IN_CITY}\s+)?{_WHEN_SAID}(?:\s+{_IN_CITY})?(?=[\s,])")


def _works_at(text: str, out: list[Mention | PersonMention]) -> None:
    """ "làm việc với bà X tại FBI", "met Y at the Interpol": a person met at an agency, named
    without one of their own, speaks for it."""
    for p in out:
        if not isinstance(p, PersonMention) or p.organisation is not None:
            continue
        venue = next(
            (
                o
                for o in out
                if isinstance(o, Mention)
                and o.country
                and _AT_AGENCY.fullmatch(text, p.extent[1], o.start)
            ),
            None,
        )
        if venue is not None:
            p.organisation, p.country = venue, p.country or venue.country


_AT_AGENCY = re.compile(r"\s*,?\s*(?:tại|at)\s+(?:the\s+)?")


_VENUE_BEFORE = re.compile(
    # "tại trụ sở Cơ quan Cảnh sát quốc gia": the agency's generic head noun ("Cơ quan", "Bộ",
    # "Sở") is not always part of the name the gazetteer knows
    r"(?:tại|ở|at|in)\s+(?:(?:trụ sở(?: chính)?(?: của)?(?:\s+(?:[Cc]ơ quan|[Bb]ộ|[Ss]ở|[Cc]ục))?|"
    r"the (?:headquarters|premises|offices) of|the)\s+)?$"
)

# "a delegation of the KNPA led by X", "đoàn Công an TP Thượng Hải - Trung Quốc do ông X", "the
# AFP Commissioner, X": what lies between an organisation met and the person leading it
_LED_BY = re.compile(
    r"\s*(?:(?:\s[-–]\s*|,\s*)?(?:[\w.]+\s+){0,3}?(?:led by|headed by|do)|,|[\w\s]{0,25},)"
    r"\s*(?:[\w.]+\s+){0,3}"
)
# "Tư lệnh Cơ quan Cảnh sát biển Hàn Quốc Kim Jong-uk", "the KNPA Commissioner General Kim":
# the name right after the agency, or after a title in capitals, is its officer's
# ("China Coast Guard law enforcement department deputy chief Sr. Col. X": its unit and
# office in lower case, no joining word among them, before the capitalised rank)
_TITLE_THEN_NAME = re.compile(
    r"\s*(?:(?!(?:and|with|as|of|to|from|in|at|on|by|for|who|also|while|và|với|cùng|của)\s)"
    r"[a-z][\w-]*\s+){0,5}(?:[A-ZĐ][\w.-]*\s+){0,3}"
)


# "tiếp xã giao các đoàn: Lào; đoàn Singapore; … và đoàn Malaysia", "received the delegations of
# Laos, Singapore and Malaysia": the delegations met, named by their countries only
_DELEGATIONS = re.compile(
    r"\s*(?:xã giao\s+|thân mật\s+)?(?:(?:các|những) (?:đoàn(?: đại biểu)?|Đại sứ|đại sứ)|"
    # "tiếp xã giao Đại sứ các nước A, B, C", "Trưởng đoàn các nước A và B": several countries'
    # envoys or heads received together, one meeting each
    r"(?:[Đđ]ại sứ|[Tt]rưởng đoàn|[Tt]rưởng đoàn đại biểu|[Đđ]oàn đại biểu|[Đđ]oàn) "
    r"(?:các|những) (?:nước|quốc gia)|"
    r"(?:the )?(?:heads of )?delegations (?:of|from)|"
    # "received the ambassadors of Japan, Korea and Australia", "the police chiefs of A and B":
    # several countries' envoys or chiefs received together, one meeting each (the held-out
    # set's 'several countries' chiefs received together')
    r"(?:the )?(?:(?:newly[- ]appointed|visiting|outgoing) )?(?:ambassadors|envoys|"
    r"heads of mission|police chiefs|chiefs of police|interior ministers|security chiefs) "
    r"(?:of|from)(?: the)?)\s*:?\s*"
)


def delegations_listed(text: str, info: SentenceInfo, start: int) -> list[Mention | PersonMention]:
    """One counterpart per country in a list of delegations received, to the sentence's end:
    each delegation is met on its own (the list's `;` does not end it)."""
    lead = _DELEGATIONS.match(text, start)
    if lead is None:
        return []
    out: list[Mention | PersonMention] = []
    for c in info.places:
        # "Singapore" is a city and a country: here a delegation's country
        code = c.key if c.kind == COUNTRY else country_aliases().get(c.text)
        if code is None or c.start < lead.end() or code in [o.country for o in out]:
            continue
        if ABROAD.match(text, c.end):
            continue  # "các Đại sứ, Trưởng Cơ quan đại diện Việt Nam ở nước ngoài": ours abroad
        name = f"Delegation of {country(code).name_en}"
        out.append(Mention(c.start, c.end, c.text, ORG, name, code, None, "delegation"))
    return out


# "Russia's security leaders", "the Lao police authorities", "Japanese officials": a country's
# officials met without a name (x-recall3 pages: 1 of 9 English pages, a delegation's talks
# told only so)
_OFFICIALS = re.compile(
    r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,3}?(?:leaders|leadership|officials|counterparts|"
    r"authorities|officers)\b"
)


# "officials in the Austrian government", "counterparts from Hungary": who, then whose
# ("the heads of the delegations of Laos, Cambodia and Korea": each country's head, met one by
# one on a conference's sidelines)
_OFFICIALS_OF = re.compile(
    r"\s*(?:(?:the|his|her|their)\s+)?(?:[a-z][\w-]*\s+){0,6}?(?:officials|counterparts|"
    r"authorities|officers|leaders|heads\s+of\s+(?:the\s+)?delegations)\s+(?:of|from|in)\s+"
    r"(?:the\s+)?"
    r"(?:government\s+of\s+(?:the\s+)?)?"
)
# "có các cuộc gặp với quan chức Na Uy, Phần Lan và Đan Mạch": Vietnamese officials of a
# country, named before it ("quan chức", "giới chức", "lãnh đạo", "đại diện"), with a field
_OFFICIALS_VI = re.compile(
    r"\s*(?:các\s+|những\s+)?(?:quan chức|giới chức|lãnh đạo|đại diện)"
    r"(?:\s+(?:cấp cao|an ninh|cảnh sát|công an|quốc phòng|tư pháp|di trú|nhập cư))?"
    r"\s+(?:của\s+)?(?:các nước\s+|nước\s+)?"
)
# the object is a country's unnamed officials, its country told elsewhere
_UNNAMED_OFFICIALS = re.compile(
    r"\s*(?:(?:the|his|her|their)\s+)?(?:[a-z][\w-]*\s+){0,4}?(?:officials|counterparts|"
    r"authorities|leaders)\b"
)
_IN_PLACE_FIRST = re.compile(r"\s*In\s+(?:the\s+)?")


def officials_of_country(
    text: str, info: SentenceInfo, start: int, end: int
) -> list[Mention | PersonMention]:
    """The country whose unnamed officials open the object: one counterpart, that country's
    officials; none when the subject is of that country ("The Vietnamese minister met
    Vietnamese police officials": at home, among themselves)."""
    lead = re.match(r"\s*(?:the\s+)?", text[start:end])
    first = start + (lead.end() if lead else 0)
    s = info.sentence
    # "In Germany, Director X met with …": the place the sentence opens on is where, not whose
    fronted = [
        c
        for c in info.places
        if c.kind == COUNTRY and _IN_PLACE_FIRST.fullmatch(text, s.start, c.start)
    ]
    before = {
        c.key for c in info.places if c.kind == COUNTRY and c.start < start and c not in fronted
    }
    before |= {p.country for p in info.people if p.start < start}
    for c in info.places:
        code = c.key if c.kind == COUNTRY else None
        if code is None or not c.start < end:
            continue
        opening = c.start == first and _OFFICIALS.match(text, c.end, end)
        # "met with police officials in the Austrian government", "… of Hungary"
        if not (
            opening
            or _OFFICIALS_OF.fullmatch(text, start, c.start)
            or _OFFICIALS_VI.fullmatch(text, start, c.start)
        ):
            continue
        if code in before:
            return []
        return [_officials(x, x.key) for x in _countries_listed_from(text, info, c, end)]
    # "In the United Kingdom, Director X met with counterparts": that country's, unnamed
    if fronted and _UNNAMED_OFFICIALS.match(text, start, end) and fronted[0].key not in before:
        return [_officials(fronted[0], fronted[0].key)]
    return []


# "hosted a reception for the visiting Indian delegation": the country's delegation, unnamed
_DELEGATION_LEAD = re.compile(r"\s*(?:the|a|an)\s+(?:visiting\s+)?")
_DELEGATION_NOUN = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?delegation\b")


def delegation_of_country(
    text: str, info: SentenceInfo, start: int, end: int
) -> list[Mention | PersonMention]:
    """The country whose delegation, named by no one, opens the object ("hosted a reception
    for the visiting Indian delegation"): one counterpart, that country's delegation (x-fields5:
    the reception went into the dialogue the delegation came for)."""
    lead = _DELEGATION_LEAD.match(text, start, end)
    if lead is None:
        return []
    for c in info.places:
        if (
            c.kind != COUNTRY
            or c.start != lead.end()
            or not _DELEGATION_NOUN.match(text, c.end, end)
        ):
            continue
        name = f"Delegation of {country(c.key).name_en}"
        return [Mention(c.start, c.end, c.text, ORG, name, c.key, None, "delegation")]
    return []


# between two countries of a list: "China, Laos and Malaysia", "China,Laos", "A & B", "Na Uy,
# Phần Lan và Đan Mạch" (named apart from `_LIST_GAP` above, a list's end before a verb; the
# places pass reads lists of countries with it too)
COUNTRY_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|và\s+)?|and\s+|và\s+|&\s*)(?:the\s+)?")


def _countries_listed_from(
    text: str, info: SentenceInfo, first: Mention, end: int
) -> list[Mention]:
    """`first` and the countries listed right after it ("officials from China, Laos and
    Malaysia"): each country's officials are a counterpart of their own, one meeting each, as
    a list of agencies met is (x-audit-en's rule gave the list's first country alone)."""
    countries = sorted(
        (c for c in info.places if c.kind == COUNTRY and first.start < c.start < end),
        key=lambda c: c.start,
    )
    listed, last = [first], first
    for c in countries:
        if not COUNTRY_LIST_GAP.fullmatch(text, last.end, c.start):
            break
        if c.key not in {x.key for x in listed}:
            listed.append(c)
        last = c
    return listed


def _officials(c: Mention, code: str) -> Mention:
    name = f"Officials of {country(code).name_en}"
    return Mention(c.start, c.end, c.text, ORG, name, code, None, "delegation")


def _kept(text: str, out: list[Mention | PersonMention]) -> list[Mention | PersonMention]:
    """The counterparts met on their own: not a person speaking for the organisation before
    them, an office in a person's apposition, nor the ministry an agency belongs to."""
    # "Immigration Department under the Ministry of Public Security", "Cục …, Bộ Công an": the
    # ministry an agency belongs to is not met on its own
    kept: list[Mention | PersonMention] = []
    for cp in out:
        prev = kept[-1] if kept else None
        if isinstance(cp, Mention) and any(
            isinstance(k, PersonMention) and k.organisation and k.organisation.key == cp.key
            for k in kept
        ):
            continue  # "… bà X, Phó Tổng Tư lệnh AFP, tại trụ sở của AFP": met through X
        if (
            isinstance(cp, PersonMention)
            and isinstance(prev, PersonMention)
            and prev.organisation is None
            and cp.organisation is not None
            and _SHARED_TITLE.fullmatch(text, prev.extent[1], cp.start)
        ):
            prev.organisation, prev.country = cp.organisation, prev.country or cp.country
        if prev is not None and isinstance(cp, PersonMention) and speaks_next(text, cp):
            break
        if isinstance(cp, PersonMention) and isinstance(prev, Mention) and prev.end <= cp.start:
            # "a delegation of the KNPA led by Cho Ji-ho", "the AFP Commissioner, Reece Kershaw":
            # the person speaks for the organisation met, not for a meeting of their own
            gap = text[prev.end : cp.extent[0]]
            # "Commissioner General of the Korean National Police Agency (KNPA) Min Gap-ryong":
            # the office's agency right before the name
            office_of = re.search(
                r"\b(?:of|for)\s+(?:the\s+)?$", text[max(0, prev.start - 12) : prev.start]
            )
            if (
                _LED_BY.fullmatch(gap)
                or (office_of and not gap.strip())
                or _TITLE_THEN_NAME.fullmatch(gap)
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
    return kept


def _office_in_apposition(
    text: str, prev: Mention | PersonMention | None, cp: Mention | PersonMention
) -> bool:
    """ "đồng chí X, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Y", "Z, director of the W": the
    organisation in the titles after a person met is their office, not a second counterpart."""
    if not (isinstance(prev, PersonMention) and isinstance(cp, Mention)) or cp.start < prev.end:
        return False
    gap = text[prev.end : cp.start]
    # "Đại tướng Tô Lâm - Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an": a dash opens it too
    if not re.fullmatch(r"\s*(?:,|\s[-–])\s*[^,;.()]{0,40}(?:,\s*[^,;.()]{0,40})?", gap):
        return False
    if re.search(r"(?<!\w)(?:và|cùng|với|and|with|as well as)(?!\w)", gap):
        return False
    prev.organisation = prev.organisation or cp
    return True


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


# "ông A, Tổng Giám đốc …, và ông B, Phó Tổng Giám đốc", "Commissioner A and Deputy Commissioner
# B", "A and his deputy, B": the second person met is one of the first's body, received with them
_TOGETHER = re.compile(
    r"[^.;:]{0,120}?(?<!\w)(?:và|cùng|and|together with|along with)\s+(?:(?:his|her|their)\s+"
    r"deputy,?\s+|(?:ông|bà|ngài|Ngài|đồng chí|Mr\.?|Ms\.?|Mrs\.?)\s+)?$"
)
_DEPUTY = re.compile(r"^(?:Phó|[Dd]eputy|[Vv]ice|[Aa]ssistant|Trợ lý)(?!\w)")


def met_together(text: str, prev: Mention | PersonMention, cp: Mention | PersonMention) -> bool:
    """Is `cp` a deputy of `prev`'s body, met in the same breath (one object, joined by "và",
    "and"), rather than a counterpart of a meeting of their own? Their bodies must not differ:
    one of them is named without one, and their countries agree."""
    if not (isinstance(prev, PersonMention) and isinstance(cp, PersonMention)):
        return False
    if cp.start <= prev.end or not _TOGETHER.fullmatch(text, prev.end, cp.extent[0]):
        return False
    if prev.organisation is not None and cp.organisation is not None:
        return False  # both named with theirs: the same one is already one meeting
    if prev.country and cp.country and prev.country != cp.country:
        return False
    deputy = any(_DEPUTY.match(t[2]) for t in cp.titles) or bool(
        re.search(r"deputy,?\s+$", text[prev.end : cp.extent[0]])
    )
    return deputy and not _deputy_elsewhere(prev, cp)


def _deputy_elsewhere(prev: PersonMention, cp: PersonMention) -> bool:
    """ "met the Minister of Public Security, General A, and Deputy Prime Minister B": a deputy
    of another office than the one named first is a counterpart of their own (the office after
    "Deputy" is not in the first one's titles)."""
    offices = [_DEPUTY.sub("", t[2]).strip().lower() for t in cp.titles if _DEPUTY.match(t[2])]
    held = [t[2].lower() for t in prev.titles]
    if not offices or not held:
        return False
    return not any(office and office in title for office in offices for title in held)
