"""Countries, cities and organisations named in a text, from the shipped gazetteers, plus the
abbreviations an article defines itself (`Full Name (ABBR)`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from urllib.parse import urlparse

from events.countries import all_countries, country, is_country
from timeline.extract.lexicon import alternation, load

COUNTRY = "country"
CITY = "city"
ORG = "org"
VENUE = "venue"
REGION = "region"  # a world region named in a portfolio: never where an engagement is


@dataclass(frozen=True, slots=True)
class Mention:
    """A named thing in the text. `key` is the country code, the city's English name or the
    organisation's English name."""

    start: int
    end: int
    text: str
    kind: str
    key: str
    country: str | None = None
    abbreviation: str | None = None
    org_kind: str | None = None
    city: str | None = None  # where a mission or venue is
    located: str | None = None  # the country a mission or venue is in
    country_inferred: bool = False
    learnt: bool = False  # an abbreviation defined in this article


def _capital(token: str) -> bool:
    return bool(token) and token[0].isupper()


@cache
def country_aliases() -> dict[str, str]:
    """Every name of a country, as written, to its code: the shipped list first, then
    CLDR's English and Vietnamese names (events.countries)."""
    aliases: dict[str, str] = {}
    for code, names in load("places")["countries"].items():
        for n in names:
            aliases.setdefault(n, code)
    for c in all_countries():
        for n in (c.name_en, c.name_vi):
            if n and "," not in n and len(n) > 3:
                aliases.setdefault(n, c.code)
                # CLDR writes "Trinidad & Tobago", "Bosnia & Herzegovina"; the news "and"
                aliases.setdefault(n.replace(" & ", " and "), c.code)
    return aliases


@cache
def _ambiguous() -> frozenset[str]:
    return frozenset(load("places")["ambiguous"])


@cache
def _country_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{alternation(list(country_aliases()))})(?![\w])")


@cache
def city_aliases() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for c in load("places")["cities"]:
        for v in [c["name"], *c["variants"]]:
            out.setdefault(v, (c["name"], c["country"]))
    return out


@cache
def _city_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{alternation(list(city_aliases()))})(?![\w])")


@cache
def _venue_regex() -> tuple[re.Pattern[str], dict[str, dict]]:
    table = {v: venue for venue in load("places")["venues"] for v in venue["variants"]}
    return re.compile(rf"(?<![\w])(?:{alternation(list(table))})(?![\w])"), table


@cache
def _region_regex() -> re.Pattern[str]:
    names = [n for n in load("places")["regions"]["names"]]
    return re.compile(rf"(?<![\w])(?:{alternation(names)})(?![\w])")


def find_regions(text: str, start: int, end: int) -> list[Mention]:
    """World regions in text[start:end] ("Đông Á - Thái Bình Dương", "Indo-Pacific"): named in
    portfolios, they are no part of a person's name and no place of an engagement."""
    return [
        Mention(m.start(), m.end(), m.group(), REGION, m.group())
        for r in (_region_regex(), _BORDER_GATE)
        for m in r.finditer(text, start, end)
    ]


# "Cửa khẩu quốc tế Tịnh Biên", "cửa khẩu Pa Hang": a border gate, named in the genre's pages as
# where a handover or talks take place; no person's name ("Tịnh Biên, Bộ Chỉ huy …" was read
# as a person titled by the clause after it)
_BORDER_GATE = re.compile(
    r"(?<!\w)[Cc]ửa khẩu(?: [Qq]uốc tế| [Cc]hính| [Pp]hụ| đường bộ(?: số [IVX\d]+)?)?"
    r"(?: [A-ZĐ][\w-]*){1,3}"
)


@cache
def agencies() -> list[dict]:
    return load("agencies")["agencies"]


@cache
def _agency_regex() -> tuple[re.Pattern[str], dict[str, dict]]:
    # a name the generic list holds ("Ministry of Public Security", "Ministry of Foreign
    # Affairs") is several countries' (China's, Laos's, Vietnam's): its country is resolved
    # from the article (passes/sentences.resolve_generic_orgs), never taken as Vietnam's
    generic = load("agencies")["generic"]["en"]
    table: dict[str, dict] = {}
    spellings: set[str] = set()
    for a in agencies():
        for n in [a["name"], *a["names"]]:
            if n in generic:
                continue
            for spelling in _apostrophes(n):
                spellings.add(spelling)
                table.setdefault(spelling, a)
                if not spelling.isascii():
                    table.setdefault(_loose_key(spelling), a)
    # Vietnamese news capitalises the words of a name unevenly ("Cảnh sát Quốc gia Hàn Quốc",
    # "Cảnh sát quốc gia Hàn Quốc"): after its first letter, a Vietnamese name matches in any case
    names = sorted(spellings, key=len, reverse=True)
    pattern = "|".join(
        re.escape(n) if n.isascii() else re.escape(n[0]) + "(?i:" + re.escape(n[1:]) + ")"
        for n in names
    )
    return re.compile(rf"(?<![\w])(?:{pattern})(?![\w])"), table


def _loose_key(name: str) -> str:
    return name[:1] + name[1:].lower()


def _agency(table: dict[str, dict], found: str) -> dict:
    return table.get(found) or table[_loose_key(found)]


def _apostrophes(name: str) -> list[str]:
    """A name as typed and with the typographic apostrophe English outlets print ("China’s
    Ministry of Public Security"): the lists are typed with the straight one."""
    return [name, name.replace("'", "\u2019")] if "'" in name else [name]


@cache
def _abbreviations() -> dict[str, dict]:
    return {ab: a for a in agencies() for ab in a["abbr"]}


_HEADS_VI = (
    r"Cơ quan|Cục|Tổng cục|Bộ|Văn phòng|Đội|Chương trình|Trung tâm|Lực lượng|Viện|Ban|Ủy ban|"
    r"Tổ chức|Hội đồng|Nhóm|Học viện|Sở|Công ty|Tập đoàn|tập đoàn|Quỹ|Hiệp hội|Mạng lưới|Văn phòng"
)
_HEADS_EN = (
    r"Department|Bureau|Agency|Office|Ministry|Police|Program|Programme|Centre|Center|Commission|"
    r"Service|Force|Team|Unit|Council|Administration|Directorate|Organisation|Organization|Group|"
    r"Authority|Institute|Academy|University|College|Network|Task Force|Secretariat|Command|"
    r"Guard|Corps"
)
_PROGRAMME = re.compile(r"^(?:Chương trình|Program|Programme|Dự án|Project|Quỹ|Fund)\b")
_JOINT = re.compile(r"^(?:Đội|Nhóm|Team|Joint|Mạng lưới|Network)\b")


_NAME_STOP_VI = (
    r"với|đã|tại|phối hợp|cùng|để|trong|do|sẽ|được|đang|tiếp|gặp|thăm|và các"
    # ("Bộ Công an Tô Lâm yết kiến Quốc vương Malaysia": a verb of meeting ends the name)
    r"|yết kiến|diện kiến|hội kiến|hội đàm"
)


def _english_name(words: str) -> str:
    """The organisation's name in a run of capitalised words before its abbreviation: from the
    last joining word before its first head word ("Deputy Assistant Secretary of State for the
    Bureau of … Law Enforcement Affairs" is the Bureau's), without leading joiners."""
    head = re.search(rf"\b(?:{_HEADS_EN})\b", words)
    cut = 0
    if head is not None:
        for j in re.finditer(r"\s(?:of the|for the|of|for|and|to the|to)\s", words[: head.start()]):
            cut = j.end()
    return re.sub(r"^(?:(?:the|The|of|for|and|on|&)\s+)+", "", words[cut:])


def _learn(text: str) -> list[Mention]:
    """Organisations the article names in full before an abbreviation in parentheses."""
    out: list[Mention] = []
    for m in re.finditer(r"\((?P<ab>[A-Z][A-Za-z0-9&.\-]{1,11})\)", text):
        ab = m["ab"]
        if sum(ch.isupper() for ch in ab) < 2 or ab in ("CAO", "TTXVN", "VNA", "CAND", "VOV"):
            continue
        if ab in country_aliases() or _title_next().fullmatch(ab):
            # "Daejeon City Police Department (RoK)": the country it is of (m019); "The
            # Inspector-General of Police (IGP)", "Taiwo Adeleke (AIG)": an office (m036)
            continue
        before = text[max(0, m.start() - 160) : m.start()].rstrip()
        base = m.start() - 160 if m.start() > 160 else 0
        heads = list(re.finditer(rf"(?<!\w)(?:{_HEADS_VI})(?!\w)", before))
        name = None
        if heads:
            name_start = heads[-1].start()
            candidate = before[name_start:]
            # "Bộ Công an đã họp với Cảnh sát Liên bang Australia (AFP)": the name is what
            # follows the last verb or preposition, not the clause from the last head word
            clause = list(re.finditer(rf"\s(?:{_NAME_STOP_VI})\s", candidate))
            if clause and candidate[clause[-1].end() :][:1].isupper():
                candidate = candidate[clause[-1].end() :]
            if len(candidate) < 120 and not re.search(r"[,;:()]", candidate):
                name = candidate
        if name is None:
            words = re.search(
                r"((?:the\s+)?(?:[A-Z][\w'’.-]*|of|and|for|on|the|&)(?:\s+(?:[A-Z][\w'’.-]*|of|and|for|on|the|&))*)$",
                before,
            )
            if words and re.search(rf"\b(?:{_HEADS_EN})\b", words.group(1)):
                # "… general of the Korean National Police Agency (KNPA)": the name starts after
                # the words that join it to what comes before
                name = _english_name(words.group(1))
        if not name or _title_next().fullmatch(re.sub(r"^(?:the|The)\s+", "", name)):
            continue  # "Inspector-General of Police (IGP)": an office, not an organisation
        start = base + len(before) - len(name)
        known = _abbreviations().get(ab)
        code = known["country"] if known else None
        if code is None:
            found = [country_aliases()[c.group()] for c in _country_regex().finditer(name)]
            code = found[0] if len(set(found)) == 1 else None
        kind = known["kind"] if known else "agency"
        if _PROGRAMME.match(name):
            kind = "programme"
        elif (
            _JOINT.match(name)
            and len({country_aliases()[c.group()] for c in _country_regex().finditer(name)}) > 1
        ):
            kind = "joint"
        out.append(
            Mention(
                start,
                m.end(),
                text[start : m.end()],
                ORG,
                known["name"] if known else name,
                code,
                ab,
                kind,
                learnt=True,
            )
        )
    return out


@cache  # built once: rebuilding its alternation per sentence was 1.4 s of a 200 KB page's 7 s
def _mission_regex(language: str) -> re.Pattern[str]:
    names = alternation(list(load("agencies")["missions"][language]))
    countries = alternation(list(country_aliases()))
    places = alternation(list(country_aliases()) + list(city_aliases()))
    if language == "vi":
        return re.compile(
            rf"(?P<kind>{names})(?:\s+(?P<owner>{countries}))?(?:\s+tại\s+(?P<place>{places}))?"
        )
    return re.compile(
        rf"(?:(?P<owner1>{countries})(?:['’]s)?\s+)?(?P<kind>{names})(?:\s+of\s+(?:the\s+)?(?P<owner>{countries}))?"
        rf"(?:\s+(?:in|to)\s+(?P<place>{places}))?"
    )


@cache
def _generic_regex(language: str) -> tuple[re.Pattern[str], dict[str, str]]:
    table = load("agencies")["generic"][language]
    return re.compile(rf"(?<![\w])(?:{alternation(list(table))})(?![\w])"), table


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Countries, cities and venues in text[start:end]."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    out: list[Mention] = []
    for m in _venue_regex()[0].finditer(chunk):
        v = _venue_regex()[1][m.group()]
        out.append(
            Mention(
                start + m.start(),
                start + m.end(),
                m.group(),
                VENUE,
                v["name"],
                v["country"],
                city=v["city"],
                located=v["country"],
            )
        )
    for m in _city_regex().finditer(chunk):
        name, code = city_aliases()[m.group()]
        prev = chunk[: m.start()].split()[-1:] or [""]
        if len(m.group()) <= 4 and not re.fullmatch(
            # ("tại thành phố Huế", "Công an TP. Huế": a city after its own word, x-vi7 page
            # 002 placed the Huế talks in Đà Nẵng, the next city of the sentence)
            r"tại|ở|in|at|to|đến|tới|đô|phố|TP\.?|Tp\.?",
            prev[0],
        ):
            continue  # "Viên", "Bali": a short name is a city only after a preposition
        out.append(Mention(start + m.start(), start + m.end(), m.group(), CITY, name, code))
    for m in _country_regex().finditer(chunk):
        alias = m.group()
        if alias in _ambiguous() and not _country_in_context(chunk, m.start(), m.end()):
            continue
        code = country_aliases()[alias]
        a = m.start()
        formal = re.search(
            r"(?:Cộng hòa Liên bang|Cộng hòa|Cộng hoà|Vương quốc|Liên bang)\s+$", chunk[:a]
        )
        if formal:
            a = formal.start()  # "Cộng hòa Pháp" is one name
        out.append(Mention(start + a, start + m.end(), chunk[a : m.end()], COUNTRY, code, code))
    return _without_overlaps(out)


# what a country's adjective is written before in English: the bodies of its state
_STATE_BODY = re.compile(
    r"(?:Royal |National |Federal )?(?:Police|Ministry|Government|Embassy|Army|Navy|Air Force|"
    r"Coast Guard|Immigration|Customs|Interior|Foreign|Home Affairs|Defen[cs]e|Justice)\b"
)


# "the Lao People's Army", "the Lao People's Police": a state body named for the people (and
# the ruling party: "the Lao People's Revolutionary Party", "the Cambodian People's Party")
_PEOPLES_BODY = re.compile(
    r"People['’]s\s+(?:[A-Z][\w-]*\s+){0,2}?(?:Army|Armed Forces|Police|Security|Navy|"
    r"Court|Procuracy|Democratic Republic|Party)\b|Communist Party\b"
)


def _country_in_context(chunk: str, a: int, b: int) -> bool:
    """An ambiguous short name ("Anh", "Nga", "Đức") is a country only where a name is not:
    after a lowercase word or a dash, and not before another capitalised word."""
    before = chunk[:a].rstrip()
    after = chunk[b:].lstrip()
    prev = before.split()[-1] if before.split() else ""
    nxt = after.split()[0] if after.split() else ""
    if chunk[a:b].isupper() and len(chunk[a:b]) > 1:
        return True  # "US Ambassador", "the US": an abbreviation is never part of a name
    if _title_next().match(after):
        return True  # "Lao Prime Minister", "Thai Police General": a title's country
    if _STATE_BODY.match(after) or _PEOPLES_BODY.match(after):
        return True  # "Thai Police Commissioner-General X", "Chinese Ministry of …"
    if _capital(nxt) and _vi_title_before().search(before):
        # "Bộ trưởng Nội vụ Nga Ivan", "Thư ký Hội đồng An ninh Nga Sergei": a title's country
        return True
    if _capital(nxt) and not re.match(r"[(\-–,.;:]", after):
        return False
    if before.endswith(("-", "–")):
        return True
    if re.search(r"(?:Cộng hòa|Cộng hoà|Vương quốc|Liên bang|Republic of|Kingdom of)$", before):
        return True  # "Cộng hòa Pháp", "Vương quốc Anh": the state's formal name
    if len(prev) > 3 and prev.isupper():
        return True  # "A HIGH-RANKING Chinese delegation": a lead's opening words in capitals
    if prev in ("A", "An", "The") and nxt[:1].islower():
        return True  # "A Chinese delegation met …": a sentence's article, not a name (x-miss7)
    return bool(prev) and not _capital(prev) and prev[-1].isalpha()


def find_organisations(
    text: str,
    language: str,
    start: int = 0,
    end: int | None = None,
    learnt: list[Mention] | None = None,
) -> list[Mention]:
    """Organisations in text[start:end]: known agencies, missions, generic ministries (country
    left open, to be resolved from context), and abbreviations."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    out: list[Mention] = [m for m in learnt or [] if start <= m.start and m.end <= end]
    out += _agencies(chunk, start)
    if language == "vi":
        out += sub_units(chunk, start, out)
    out += _missions(chunk, start, language)
    if language == "vi":
        out = _unlisted_agencies(chunk, start, out)
    regex, generic = _generic_regex(language)
    for m in regex.finditer(chunk):
        a, b = start + m.start(), start + m.end()
        out.append(Mention(a, b, m.group(), ORG, generic[m.group()], None, None, "ministry"))
    out += _local_police(chunk, start, language)
    out += _local_governments(chunk, start, language)
    if language == "vi":
        out += _border_units(chunk, start) + provincial_forces(chunk, start)
        out += _local_justice(chunk, start)
    out += _abbreviated(chunk, start, learnt or [])
    return _without_overlaps(out)


# "Đồn Biên phòng cửa khẩu Quốc tế Nậm Cắn", "đồn biên phòng A Xan", "Đồn Công an Nậm On",
# "Đại đội Biên phòng 252": border posts and units, named by their place or number
_BORDER_UNIT = re.compile(
    r"(?<!\w)(?:[Đđ]ồn (?P<kind>[Bb]iên phòng|Công an)(?: [Cc]ửa khẩu(?: [Qq]uốc tế)?)?"
    # "Trạm Công an Cửa khẩu Nậm On": a neighbour's police post at a border gate
    r"|Trạm Công an [Cc]ửa khẩu(?: [Qq]uốc tế)?"
    # "Đội Quản lý biên giới Sùng Tả", "Trạm Kiểm soát biên phòng X": the neighbours' units
    r"|Đại đội Biên phòng|(?:Chi đội|Đội) [Qq]uản lý biên giới|Trạm [Kk]iểm soát biên phòng"
    # China's border units, named by their area or city: "Bộ đội Biên phòng khu vực X", "Chi
    # đội Công an Biên phòng TP X", "trạm (Hội ngộ) hội đàm khu vực X", "(Tổng) Trạm kiểm tra
    # Biên phòng xuất, nhập cảnh (tỉnh) X"
    r"|(?P<area>Bộ đội Biên phòng khu vực|Chi đội Công an [Bb]iên phòng(?: TP| thành phố)?"
    r"|[Tt]rạm (?:[Hh]ội ngộ )?[Hh]ội đàm khu vực"
    r"|(?:Tổng [Tt]rạm|Trạm) [Kk]iểm tra [Bb]iên phòng xuất,? nhập cảnh(?: tỉnh)?))"
    r"(?P<name>(?: [A-ZĐ][\w-]*){1,3}|\s+\d+)(?!\w)"
)
# what the unit belongs to, in brackets after its name: "(Bộ đội Biên phòng Nghệ An)", "(BĐBP
# Quảng Nam)", "(Bộ Chỉ huy quân sự tỉnh A, Lào)"
_UNIT_OWNER = re.compile(r"\s*\(([^()]{1,80})\)")
# or after "thuộc", to the clause's end: "Đại đội Biên phòng 305 thuộc Bộ CHQS tỉnh A (Lào)" (a
# Lao company greeted; unread, its greeting had no host)
_UNIT_OF = re.compile(r"\s+thuộc\s+([^,.;()]{1,80}(?:\([^()]{1,30}\))?)")


def _border_units(chunk: str, start: int) -> list[Mention]:
    """Border posts and units the gazetteer cannot list (every crossing has one): a
    Vietnamese border guard station ("Đồn Biên phòng"), of Vietnam unless the brackets after it
    name another country; another post or unit, of the country its brackets or its place name;
    a neighbour's unit named by its area, of no country when neither names one."""
    out = []
    for m in _BORDER_UNIT.finditer(chunk):
        owner = _UNIT_OWNER.match(chunk, m.end()) or _UNIT_OF.match(chunk, m.end())
        named = find_places(owner.group(1)) if owner else []
        named = named or find_places(m["name"])  # "Đội Quản lý biên giới Sùng Tả": its place
        countries = [p.country or p.key for p in named if p.kind in (COUNTRY, CITY)]
        code = countries[-1] if countries else None
        if code is None and (m["kind"] or "").lower() == "biên phòng":
            code = "VN"
        if code is None and not m["area"]:
            continue
        # (a unit named by its area with no country named is still an agency, its country left
        # open: no person "Kim Bình", no talks in "Trạm Hội ngộ hội đàm khu vực Kim Bình")
        # one key however the page capitalises it ("đồn biên phòng …", "Đồn Biên phòng …")
        words = re.sub(r"\s+", " ", m.group()).split(" ")
        if words[0].lower() == "đồn":
            words[:2] = [words[0].capitalize(), words[1].capitalize()]
        name = " ".join(words)
        out.append(
            Mention(start + m.start(), start + m.end(), m.group(), ORG, name, code, None, "police")
        )
    return out


# the one or two capitalised words right before an agency's name: "Indian Coast Guard"
_WORDS_BEFORE = re.compile(r"(?:(?<=\s)|^)([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+$")


def _named_for_another_country(chunk: str, m: re.Match[str], a: dict) -> Mention | None:
    """ "the Indian Coast Guard", "Bangladesh Coast Guard": a name the gazetteer knows as one
    country's agency ("Coast Guard", the U.S.'s), written with another country before it, is
    that country's (the genre's coast guards, read as the U.S.'s before)."""
    if any(country_aliases().get(w) for w in m.group().split()):
        return None  # "U.S. Coast Guard": the name says its country
    before = _WORDS_BEFORE.search(chunk, max(0, m.start() - 30), m.start())
    if before is None:
        return None
    words = before.group(1)
    code = country_aliases().get(words) or country_aliases().get(words.split()[-1])
    if code is None or code == a["country"]:
        return None
    named = words if country_aliases().get(words) else words.split()[-1]
    at = m.start() - len(before.group(0)) + before.group(0).rfind(named)
    text = chunk[at : m.end()]
    return Mention(at, m.end(), text, ORG, text, code, None, a["kind"])


def _agencies(chunk: str, start: int) -> list[Mention]:
    regex, table = _agency_regex()
    out = []
    for m in regex.finditer(chunk):
        a = _agency(table, m.group())
        abbr = (a["abbr"] or [None])[0]
        other = _named_for_another_country(chunk, m, a)
        if other is not None:
            out.append(replace(other, start=start + other.start, end=start + other.end))
            continue
        out.append(
            Mention(
                start + m.start(),
                start + m.end(),
                m.group(),
                ORG,
                a["name"],
                a["country"],
                abbr,
                a["kind"],
            )
        )
    return out


# "các Đại sứ, Trưởng Cơ quan đại diện Việt Nam ở nước ngoài" met at home (a minister's meeting
# with the new heads of missions): no one mission, no premises visited, no embassy visit
ABROAD = re.compile(r"\s+(?:ở|tại)\s+(?:nước ngoài|các nước)(?!\w)|\s+abroad\b")


def _missions(chunk: str, start: int, language: str) -> list[Mention]:
    """ "Đại sứ quán Việt Nam tại Australia", "Vietnam’s Embassy in Beijing": a mission of its
    owner in a place; with neither named, no mission."""
    out = []
    for m in _mission_regex(language).finditer(chunk):
        owner = m["owner"] or m.groupdict().get("owner1")
        code = country_aliases().get(owner) if owner else None
        place = m["place"]
        city, located = None, None
        if place in city_aliases():
            city, located = city_aliases()[place]
        elif place:
            located = country_aliases()[place]
        if not (code or place):
            continue
        if not place and ABROAD.match(chunk, m.end()):
            continue  # "Cơ quan đại diện Việt Nam ở nước ngoài": the missions in general
        kind_en = load("agencies")["missions"][language][m["kind"]]
        owner_name = country(code).name_en if code else "?"
        where = city or (country(located).name_en if located else None)
        name = f"{kind_en} of {owner_name}" + (f" in {where}" if where else "")
        out.append(
            Mention(
                start + m.start(),
                start + m.end(),
                m.group(),
                ORG,
                name,
                code,
                None,
                "embassy",
                city=city,
                located=located,
                country_inferred=code is None,
            )
        )
    return out


def _unlisted_agencies(chunk: str, start: int, known: list[Mention]) -> list[Mention]:
    """ "Cục Quản lý xuất nhập cảnh và lưu trú Nhật Bản": an agency the gazetteer lacks, named
    by its head word and its country; kept in Vietnamese for the reviewer to translate."""
    out = list(known)
    for m in _unlisted_regex().finditer(chunk):
        a, b = start + m.start(), start + m.end()
        code = country_aliases()[m["c"]]
        if _title_inside().search(m.group(), 1):
            continue  # "Bộ Công an Lương Tam Quang và Đại sứ Mỹ": it ran on to a title
        if ABROAD.match(chunk, m.end()):
            continue  # "Cơ quan đại diện Việt Nam ở nước ngoài": the missions in general
        inside = [k for k in known if a <= k.start and k.end <= b]
        if any(k.country == code for k in inside):
            continue  # "Bộ Công an Việt Nam": a listed agency and its own country
        # "Cục Quản lý xuất nhập cảnh … Nhật Bản": a foreign namesake of a listed agency
        out = [o for o in out if o not in inside]
        kind = "ministry" if m.group().startswith("Bộ ") else "agency"
        out.append(Mention(a, b, m.group(), ORG, m.group(), code, None, kind, learnt=True))
    return out


def _abbreviated(chunk: str, start: int, learnt: list[Mention]) -> list[Mention]:
    """Abbreviations: those the article defined, then those the gazetteer knows."""
    learnt_abbr = {m.abbreviation: m for m in learnt if m.abbreviation}
    out = []
    for m in re.finditer(r"(?<![\w.])[A-Z][A-Za-z]*[A-Z](?![\w])", chunk):
        ab = m.group()
        known = learnt_abbr.get(ab)
        if known:
            out.append(replace(known, start=start + m.start(), end=start + m.end(), text=ab))
        elif ab in _abbreviations():
            a = _abbreviations()[ab]
            out.append(
                Mention(
                    start + m.start(),
                    start + m.end(),
                    ab,
                    ORG,
                    a["name"],
                    a["country"],
                    ab,
                    a["kind"],
                )
            )
    return out


@cache
def _local_police_regex(language: str) -> re.Pattern[str]:
    places = alternation(list(city_aliases()))
    if language == "vi":
        # "Công an tỉnh Quảng Ninh"; a foreign force is "Cảnh sát": "Cảnh sát Osaka, Hyogo"
        return re.compile(
            # "Công an các tỉnh Ratanakiri, Stung Treng", "Công an 2 tỉnh …": each province's
            # "Công an 03 tỉnh: A, B và C", "Công an tỉnh 03 tỉnh: …" (a count, zero-padded,
            # and a colon before the list)
            # ("công an 2 tỉnh A và B": lower case before a count)
            # ("Sở Công an tỉnh Vân Nam", "Sở Công an Khu tự trị dân tộc Choang Quảng Tây": a
            # Chinese province's or region's public security department, the counterpart of
            # our border provinces' police; its "Sở" and region hid it from the object read)
            # ("Ty An ninh tỉnh Savannakhet", "An ninh tỉnh Luông Phra Bang": a Lao province's
            # security service, as Laos's press in Vietnamese names it)
            r"(?<!\w)(?:Sở |Ty )?(?:Công an|Cảnh sát|công an(?= (?:các|hai|ba|bốn|0?[2-9]) tỉnh)"
            r"|(?<=Ty )An ninh|An ninh(?= (?:các |0?[2-9] )?tỉnh [A-ZĐ])) "
            r"(?:(?:[Tt]ỉnh\s+)?(?:các|hai|ba|bốn|năm|0?[2-9])\s+(?=[Tt]ỉnh|[Tt]hành phố))?"
            r"(?:(?P<level>[Tt]ỉnh|[Tt]hành phố|TP\.?|Khu tự trị(?: dân tộc \w+)?)\s*:?\s+)?"
            rf"(?P<place>{places})(?P<more>(?:(?:\s*,\s*|\s+và\s+)(?:{places})(?!\w))*)(?!\w)"
        )
    return re.compile(
        # "the Gwangju Metropolitan Police Agency", "Daejeon City's Police Department" (m019)
        rf"(?<!\w)(?:(?P<place>{places})\s+(?P<level>[Pp]rovincial|[Pp]refectural|[Cc]ity|"
        r"Metropolitan)(?:['’]s)?\s+[Pp]olice"
        r"(?:\s+(?:Department|Force|Agency|Bureau))?|"
        # "the New York Police Department", "the Chicago Police Force": a city's own force
        # named without a level word (x-recall3 pages: two Gulf agency pages)
        rf"(?P<place3>{places})\s+Police\s+(?:Department|Force)|"
        # "Police Commissioner of the City of New York", "Police Commissioner of New York
        # City": the office names the city's force
        r"[Pp]olice(?: Commissioner| Chief| Department)? of (?:the (?:\w+ )?"
        rf"(?P<level2>province|city|City) of )?(?P<place2>{places}))(?!\w)"
    )


def _local_police(chunk: str, start: int, language: str) -> list[Mention]:
    """Police of a province or city ("Công an tỉnh Quảng Ninh", "the Svay Rieng provincial
    police"), named after their place, which gives their country."""
    out = []
    for m in _local_police_regex(language).finditer(chunk):
        place = m["place"] or m.groupdict().get("place2") or m.groupdict().get("place3")
        level = (m["level"] or m.groupdict().get("level2") or "").lower()
        kind = "Provincial" if level in ("tỉnh", "provincial", "province") else "City"
        kind = "Regional" if level.startswith("khu tự trị") else kind
        if level in ("prefectural", "metropolitan"):
            kind = level.title()
        end = m.end("place") if m.groupdict().get("more") else m.end()
        spans = [(m.start(), end, place)]
        # "Cảnh sát Osaka, Hyogo": the police of each place listed
        for more in re.finditer(_place_regex_text(), m.groupdict().get("more") or ""):
            a = m.start("more") + more.start()
            spans.append((a, a + len(more.group()), more.group()))
        # a list's members are each named as the force of their place, without the list's
        # lead-in ("Công an tỉnh 03 tỉnh: Bò Kẹo" is "Công an tỉnh Bò Kẹo")
        listed = len(spans) > 1 or _COUNTED.search(chunk, m.start(), m.start("place"))
        lead = f"{m.group().split()[0].capitalize()} {m.group().split()[1]}"
        lead += f" {m['level'].lower()}" if m.groupdict().get("level") else ""
        for a, b, where in spans:
            city, code = city_aliases()[where]
            name = f"{city} {kind} Police".replace("City City", "City")
            local = f"{lead} {where}" if listed and language == "vi" else chunk[a:b]
            out.append(Mention(start + a, start + b, local, ORG, name, code, None, "police"))
    return out


# a count or a colon before the places listed: "Công an 03 tỉnh: …", "Công an các tỉnh …"
_COUNTED = re.compile(r"\d|:|(?<!\w)(?:các|hai|ba|bốn|năm)(?!\w)")


@cache
def _place_regex_text() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(list(city_aliases()))})(?!\w)")


@cache
def _local_government_regex(language: str) -> re.Pattern[str]:
    places = alternation(list(city_aliases()))
    if language == "vi":
        return re.compile(
            r"(?<!\w)(?P<body>UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chính quyền nhân dân)\s+"
            rf"(?P<level>[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+(?P<place>{places})(?!\w)"
        )
    return re.compile(
        rf"(?<!\w)(?:the\s+)?(?P<place>{places})\s+(?:(?P<level>Provincial|City|Municipal)\s+)?"
        r"People['’]s\s+(?P<body>Committee|Government)(?!\w)"
    )


def _local_governments(chunk: str, start: int, language: str) -> list[Mention]:
    """The government of a province or city ("UBND tỉnh Quảng Trị", "Chính quyền nhân dân thành
    phố Nam Ninh", "the Da Nang People's Committee"), named after its place, which gives its
    country: the host's local authorities a visiting delegation calls on."""
    out = []
    for m in _local_government_regex(language).finditer(chunk):
        city, code = city_aliases()[m["place"]]
        level = (m["level"] or "").lower()
        kind = "Provincial" if level in ("tỉnh", "provincial") else "Municipal"
        if level == "city" or (level == "" and language == "en"):
            kind = "City" if code == "VN" else "Municipal"
        body = "Government" if m["body"] in ("Chính quyền nhân dân", "Government") else "Committee"
        name = f"{city} {kind} People's {body}".replace("City City", "City")
        out.append(
            Mention(start + m.start(), start + m.end(), m.group(), ORG, name, code, None, "agency")
        )
    return out


@cache
def _local_justice_regex() -> re.Pattern[str]:
    places = alternation(list(city_aliases()))
    return re.compile(
        r"(?<!\w)(?P<body>Viện [Kk]iểm sát nhân dân|VKSND|Tòa án nhân dân|Toà án nhân dân|TAND)\s+"
        r"(?:(?:các|hai|ba|bốn|0?[2-9])\s+)?(?:(?P<level>[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+)?"
        rf"(?P<place>{places})(?P<more>(?:(?:\s*,\s*|\s+và\s+)(?:{places})(?!\w))*)(?!\w)"
    )


def _local_justice(chunk: str, start: int) -> list[Mention]:
    """A province's or city's procuracy or court ("VKSND các thành phố Bắc Kinh, Thượng Hải",
    "Tòa án nhân dân tỉnh Savannakhet"), named after its place, which gives its country; each
    place of a list is an agency of its own (as "Công an các tỉnh A, B" is each province's
    police)."""
    out = []
    for m in _local_justice_regex().finditer(chunk):
        court = m["body"].startswith(("Tòa", "Toà", "TAND"))
        kind = "Provincial" if (m["level"] or "").lower() == "tỉnh" else "City"
        body = "People's Court" if court else "People's Procuracy"
        spans = [(m.start(), m.end("place"), m["place"])]
        for more in _place_regex_text().finditer(m["more"] or ""):
            a = m.start("more") + more.start()
            spans.append((a, a + len(more.group()), more.group()))
        for a, b, where in spans:
            city, code = city_aliases()[where]
            name = f"{city} {kind} {body}".replace("City City", "City")
            text = chunk[a:b] if a == m.start() else f"{m['body']} {where}"
            out.append(Mention(start + a, start + b, text, ORG, name, code, None, "agency"))
    return out


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The longest of overlapping mentions wins; ties go to the earlier in the list."""
    ranked = sorted(enumerate(mentions), key=lambda im: (-(im[1].end - im[1].start), im[0]))
    kept: list[Mention] = []
    for _, m in ranked:
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


# between two agencies of one list: "A, B và C Nhật Bản"
_LISTED = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
_HEADS = r"Bộ|Cục|Tổng cục|Cơ quan|Văn phòng|Sở|Viện|Ủy ban|Lực lượng|Trung tâm|Học viện|Cảnh sát"
# the list's item before `pos`: an agency's head word and up to seven words, then a separator
_ITEM_BEFORE = re.compile(
    rf"(?:^|[,:]\s*|\s(?:với|và|đoàn)\s+)((?:{_HEADS})(?:\s+(?!(?:{_NAME_STOP_VI})(?!\w))"
    r"[^\s,.;:()]+){1,7})(?:\s*,\s*(?:và\s+)?|\s+và\s+)$"
)


def share_list_country(
    text: str, orgs: list[Mention], places: list[Mention], home: str = "VN"
) -> list[Mention]:
    """ "làm việc với Bộ Tư pháp, Cục Cảnh sát Hình sự và Cơ quan Quản lý Xuất nhập cảnh Nhật
    Bản": a list of agencies closed by one foreign country is that country's, each of them
    (the ones the gazetteer knows as the home side's, and those it cannot name); the names
    are kept as written, with the country, for the reviewer to translate."""
    out = list(orgs)
    for c in (p for p in places if p.kind == COUNTRY and p.key != home):
        last = next((o for o in out if o.end == c.end or 0 <= c.start - o.end <= 1), None)
        if last is None or last.country not in (None, home, c.key) or last.org_kind == "embassy":
            continue
        if re.search(r"(?:tại|ở)\s+$", text[max(0, c.start - 5) : c.start]):
            continue  # "Đại sứ quán Việt Nam tại Nhật Bản": where it serves
        item: Mention | None = last
        while item is not None:
            if item is not last and _names_other_country(item, places, c.key):
                break  # "Bộ Công an Việt Nam và Bộ Nội vụ Campuchia": the first says its own
            if item.country != c.key:
                local = f"{item.text} {c.text}" if item.end < c.start else item.text
                out = [
                    o if o is not item else replace(o, key=local, country=c.key, learnt=True)
                    for o in out
                ]
            item = _item_before(text, out, item.start, c)
    return _ministry_list_country(text, sorted(out, key=lambda o: o.start), home)


def _names_other_country(item: Mention, places: list[Mention], code: str) -> bool:
    """An agency whose own name holds a country other than `code` ("Bộ Công an Việt Nam" in a
    list closed by "Campuchia")."""
    own = {
        p.key for p in places if p.kind == COUNTRY and item.start <= p.start and p.end <= item.end
    }
    return bool(own) and code not in own


_DEPARTMENT_HEAD = re.compile(r"(?<!\w)(?:Cục|Tổng cục|Vụ|Văn phòng|Sở|Viện|Trung tâm)\s")


def _department_before(text: str, out: list[Mention], pos: int) -> Mention | None:
    """A department named right before `pos` that the gazetteer cannot name ("Cục Quản lý
    người nước ngoài"), from its last head word; added to `out`."""
    window = text[max(0, pos - 80) : pos]
    heads = list(_DEPARTMENT_HEAD.finditer(window))
    if not heads or not window.endswith(" ") or re.search(r"[,.;:()]", window[heads[-1].start() :]):
        return None
    a = pos - len(window) + heads[-1].start()
    name = text[a:pos].strip()
    if any(o.start < a + len(name) and a < o.end for o in out):
        return None
    item = Mention(a, a + len(name), name, ORG, name, None, None, "agency")
    out.append(item)
    return item


def _ministry_list_country(text: str, out: list[Mention], home: str) -> list[Mention]:
    """ "đoàn Cục Cảnh sát giao thông và Cục Quản lý người nước ngoài Bộ An ninh Lào": a
    list of departments closed by a foreign ministry is that ministry's country's, each (the
    eleventh round's immigration page read the first as Vietnam's and swapped the sides)."""
    for f in [o for o in out if o.org_kind == "ministry" and o.country not in (None, home)]:
        item = next((o for o in out if o is not f and 0 <= f.start - o.end <= 1), None)
        item = item or _department_before(text, out, f.start)
        if item is None or item.country not in (None, home) or item.org_kind == "ministry":
            continue
        owner = replace(f, key=f.country)
        # the last department holds its ministry's name: one agency, not two sides
        last = replace(item, end=f.end, text=text[item.start : f.end], key=text[item.start : f.end])
        out = [o for o in out if o is not f and o is not item] + [last]
        item = last
        while item is not None:
            out = [o if o is not item else replace(o, country=f.country, learnt=True) for o in out]
            item = _item_before(text, out, item.start, owner)
    return sorted(out, key=lambda o: o.start)


def _item_before(text: str, out: list[Mention], pos: int, c: Mention) -> Mention | None:
    """The agency listed right before `pos` (one the gazetteer found, or a head word and its
    name), when it is of no other country than `c`; added to `out`."""
    m = _ITEM_BEFORE.search(text, max(0, pos - 120), pos)
    if m is None:
        return None
    a, b = m.span(1)
    inside = [o for o in out if a <= o.start < b]
    if any(o.country not in (None, "VN", c.key) for o in inside):
        return None
    kind = "ministry" if m.group(1).startswith("Bộ ") else "agency"
    item = Mention(a, b, m.group(1), ORG, m.group(1), None, None, kind)
    out[:] = [o for o in out if o not in inside] + [item]
    return item


def learn_abbreviations(text: str) -> list[Mention]:
    return _learn(text)


def specific_agency(local: str, code: str) -> dict | None:
    """The known agency a generic ministry name stands for in a country ("Bộ Nội vụ" in
    Australia is its Department of Home Affairs), if the gazetteer has it."""
    _, table = _agency_regex()
    for alias, c in country_aliases().items():
        if c == code and f"{local} {alias}" in table:
            return table[f"{local} {alias}"]
    return None


@cache
def _title_next() -> re.Pattern[str]:
    lex = load("people")
    words = [w for w in lex["titles"]["en"] + lex["ranks"]["en"] if w[:1].isupper()]
    return re.compile(rf"(?:Deputy |Vice |Acting )?(?:{alternation(words)})(?!\w)")


@cache
def _vi_title_before() -> re.Pattern[str]:
    """A Vietnamese title, with the body it heads, ending just before a word: "Bộ trưởng Nội vụ",
    "Thư ký Hội đồng An ninh", "Đại sứ". Words after the title that open with a Vietnamese surname
    are a name ("Bộ trưởng Nguyễn Văn"), so they are not allowed."""
    lex = load("people")
    titles = alternation(lex["titles"]["vi"])
    surnames = alternation(lex["vietnamese_surnames"])
    # each capitalised word may carry one lowercase one: "Nội vụ", "Hội đồng An ninh"
    body = rf"(?:\s+(?!(?:{surnames})\b)[A-ZĐ]\w*(?:\s+(?![A-ZĐ])\w+)?){{0,4}}"
    return re.compile(rf"(?<!\w)(?:{titles}){body}$")


@cache
def _title_inside() -> re.Pattern[str]:
    words = load("people")["titles"]["vi"] + load("people")["honorifics"]["vi"]
    return re.compile(rf"(?<=\s)(?:{alternation(words)})(?!\w)")


@cache
def _unlisted_regex() -> re.Pattern[str]:
    heads = r"Cục|Tổng cục|Bộ|Cơ quan|Văn phòng|Sở|Viện|Ủy ban|Lực lượng|Trung tâm|Học viện"
    # ("Tổng cục Cảnh sát và Cục Xuất nhập cảnh Lào": "và" before a head word starts the next)
    stop = rf"{_NAME_STOP_VI}|về|của|và(?=\s+(?:{heads})\s)"
    countries = alternation([a for a in country_aliases() if a not in _ambiguous()])
    # "Bộ trưởng", "Cục trưởng", "Viện trưởng": the head word with "trưởng" is a title, whose
    # holder's ministry follows ("Bộ trưởng Giao thông vận tải Việt Nam Nguyễn Văn A")
    # ("… tỉnh Lai Châu và Lào Cai": Laos's name opens the name of a Vietnamese province)
    return re.compile(
        rf"(?<!\w)(?:{heads})(?!\s+trưởng(?!\w))\s+(?:(?!(?:{stop})\s)[^\s,.;:()]+\s+){{1,9}}?(?P<c>{countries})(?!\w)(?!\s+Cai(?!\w))"
    )


# country-code domains used as generic names ("x.io", "y.co", "z.tv"): no country's sites
_GENERIC_CC = frozenset({"io", "co", "tv", "me", "ai", "fm", "to", "cc", "ws", "gg", "sh", "nu"})
_OFFICIAL = frozenset({"gov", "gob", "go", "mil", "police"})


def site_country(url: str | None) -> tuple[str | None, bool]:
    """The country of the site an article was published on, from its address, and whether the
    site is a government's own: a known outlet's (`phnompenhpost.com`), else its country-code
    domain (`thenews.com.pk`, `policemc.gov.bh`); `.gov` and `.mil` are the US's, `.int` an
    international body's (`INT`)."""
    if not url:
        return None, False
    try:
        host = (urlparse(url).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return None, False
    labels = host.split(".")
    known = load("cues")["publishers"]["countries"]
    for i in range(len(labels) - 1):
        code = known.get(".".join(labels[i:]))
        if code and not code.startswith("_"):
            return code, False
    top = labels[-1]
    if top in ("gov", "mil"):
        return "US", True
    if top == "int":
        return "INT", True
    code = "GB" if top == "uk" else top.upper()
    if len(top) != 2 or top in _GENERIC_CC or not is_country(code):
        return None, False
    return code, any(label in _OFFICIAL for label in labels[:-1])


# A province's forces named after it: "Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Sơn La", "Bộ
# CHQS tỉnh Hủa Phăn", "Lực lượng vũ trang tỉnh Mondulkiri", "Hiến binh tỉnh Mondulkiri",
# "BĐBP hai tỉnh Sơn La và Điện Biên" (each province's). On 12 border-guard and procuracy pages
# gathered for the eleventh round, 9 named their sides only so: no agency was found for them,
# and the talks fell back on bare places (no organisation, a visit instead of a meeting).
_FORCE_KINDS = (
    (r"B(?i:ộ chỉ huy|an chỉ huy)\s+(?:B(?i:ộ đội biên phòng)|BĐBP)", "Border Guard Command"),
    (r"B(?i:ộ đội biên phòng)|BĐBP", "Border Guard"),
    (r"B(?i:ộ chỉ huy quân sự)|Bộ CHQS", "Military Command"),
    (r"T(?i:iểu khu quân sự)", "Military Sub-Region"),
    (r"L(?i:ực lượng vũ trang)", "Armed Forces"),
    (r"H(?i:iến binh)", "Gendarmerie"),
    (r"C(?i:ảnh sát (?:bảo vệ )?biên giới)", "Border Police"),
    # ("Viện KSND tỉnh X" and "Tòa án nhân dân tỉnh X": a border province's procuracy and court
    # meet their neighbours' as its police do; the twelfth round's procuracy page named its two
    # sides only so, and drafted neither the trip nor the talks)
    (r"V(?i:iện kiểm sát nhân dân)|VKSND|Viện KSND", "People's Procuracy"),
    (r"T(?i:òa án nhân dân)|TAND", "People's Court"),
    # ("Cục Hải quan và Thuế gián thu tỉnh Prey Veng": a Cambodian province's customs, which our
    # border customs hold cooperation conferences with; unread, the conference had no sides)
    (r"(?:Cục |Chi cục )?H(?i:ải quan)(?: và (?i:thuế gián thu))?", "Customs"),
)


_OWNER_BRACKET = re.compile(r"\(\s*(?:thuộc\s+)?$|\s\d+\s+thuộc\s+$")


@cache
def _force_regex() -> re.Pattern[str]:
    places = alternation(list(city_aliases()))
    kinds = "|".join(f"(?P<k{i}>{k})" for i, (k, _) in enumerate(_FORCE_KINDS))
    return re.compile(
        rf"(?<!\w)(?:{kinds})(?:\s*\([^()]{{1,12}}\))?\s+"  # "(BĐBP)", "(CHQS)"
        r"(?:(?:các|hai|ba|bốn|0?[2-9])\s+(?=[Tt]ỉnh))?"
        r"(?:(?P<level>[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+)?"
        rf"(?P<place>{places})(?P<more>(?:(?:\s*,\s*|\s+và\s+)(?:{places})(?!\w))*)(?!\w)"
    )


def provincial_forces(chunk: str, start: int) -> list[Mention]:
    """A province's border guard, military command, armed forces, gendarmerie, border police or
    procuracy, named after its place (which gives its country); a list of places names each
    province's force."""
    out = []
    for m in _force_regex().finditer(chunk):
        if _OWNER_BRACKET.search(chunk, max(0, m.start() - 8), m.start()):
            continue  # "Đại đội Biên phòng 415 (thuộc Bộ CHQS tỉnh A)": whose unit, not a side
        i = next(int(k[1:]) for k, v in m.groupdict().items() if k[0] == "k" and v)
        kind = _FORCE_KINDS[i][1]
        level = "City" if (m["level"] or "").lower() in ("thành phố", "tp", "tp.") else "Provincial"
        level = "Capital" if m["place"].lower().startswith("thủ đô") else level
        spans = [(m.start(), m.end("place"), m["place"])]
        for more in _place_regex_text().finditer(m["more"] or ""):
            a = m.start("more") + more.start()
            spans.append((a, a + len(more.group()), more.group()))
        lead = chunk[m.start() : m.start("place")].strip()
        for a, b, where in spans:
            city, code = city_aliases()[where]
            local = chunk[a:b] if len(spans) == 1 else f"{lead} {where}"
            name = f"{city} {level} {kind}"
            out.append(Mention(start + a, start + b, local, ORG, name, code, None, "agency"))
    return out


# "Bộ Tư lệnh Vùng Cảnh sát biển 2": a region of Vietnam's coast guard (the page named it six
# times, and read "Vùng Cảnh" as a person and a second meeting)
_COAST_GUARD_REGION = re.compile(r"(?<!\w)(?:Bộ Tư lệnh )?Vùng Cảnh sát biển (\d+)(?!\w)")
# "Vùng 3 Lực lượng bảo vệ bờ biển Nhật Bản", "Văn phòng Yokohama Lực lượng …": a region or
# office of a listed agency, named before it, is that agency's country's
_SUB_UNIT = re.compile(r"(?<!\w)(Vùng \d+|Văn phòng [A-Z][\w-]*(?: [A-Z][\w-]*)?)\s+$")


# "Chi cục Hải quan khu vực XX": one of Vietnam's regional customs sub-departments (twenty since
# 2025), which hold the border's customs talks; unread, a conference of one had one side only
_CUSTOMS_REGION = re.compile(r"(?<!\w)(?:Chi cục )?Hải quan khu vực ([IVXL]+|\d+)(?!\w)")


def sub_units(chunk: str, start: int, found: list[Mention]) -> list[Mention]:
    """Coast guard and customs regions, and a listed agency's region or office named before
    it."""
    regions = [
        (m, f"Vietnam Coast Guard Region {m[1]}") for m in _COAST_GUARD_REGION.finditer(chunk)
    ]
    regions += [(m, f"Vietnam Customs Region {m[1]}") for m in _CUSTOMS_REGION.finditer(chunk)]
    out = [
        Mention(start + m.start(), start + m.end(), m.group(), ORG, key, "VN", None, "agency")
        for m, key in regions
    ]
    for o in found:
        m = _SUB_UNIT.search(chunk, max(0, o.start - start - 30), o.start - start)
        if m is not None and o.country:
            key = f"{o.key} ({m[1]})"
            a = start + m.start()
            out.append(Mention(a, o.end, chunk[m.start() : o.end - start], ORG, key, o.country))
    return out
