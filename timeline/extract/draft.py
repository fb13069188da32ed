"""Draft records: the engagements of an article in the record-file format, each fact with the
evidence it came from, plus review notes under `x-review` that the record reader ignores."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urlparse

import yaml
from unidecode import unidecode

from events import EngagementFacts
from events.countries import INTERNATIONAL, country
from timeline.extract import languages
from timeline.extract.dates import STORY_ORIGINS, filing_day, publication_date
from timeline.extract.errors import ExtractError
from timeline.extract.gazetteer import ORG, Mention
from timeline.extract.languages.vi import LETTERS as VIETNAMESE_LETTERS
from timeline.extract.lexicon import load
from timeline.extract.model import Analysis, Engagement
from timeline.extract.pipeline import analyse
from timeline.extract.segment import segment
from timeline.text import slugify

LANGUAGES = tuple(languages.LANGUAGES)

# Short English names as titles use them; CLDR's names read oddly in a title ("Hong Kong SAR
# China", "Congo - Kinshasa").
_SHORT = {
    "VN": "Vietnam",
    "US": "US",
    "GB": "UK",
    "KR": "South Korea",
    "KP": "North Korea",
    "LA": "Laos",
    "RU": "Russia",
    "IR": "Iran",
    "SY": "Syria",
    "TW": "Taiwan",
    "MD": "Moldova",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "CZ": "Czechia",
}
_LONG = {
    "US": "the United States",
    "GB": "the United Kingdom",
    "NL": "the Netherlands",
    "PH": "the Philippines",
    "AE": "the United Arab Emirates",
}
_ADJECTIVE = {
    "VN": "Vietnamese",
    "US": "US",
    "AU": "Australian",
    "LA": "Lao",
    "KH": "Cambodian",
    "CN": "Chinese",
    "GB": "British",
    "JP": "Japanese",
    "KR": "South Korean",
    "RU": "Russian",
    "TH": "Thai",
    "FR": "French",
    "DE": "German",
}


def short_name(code: str) -> str:
    return _SHORT.get(code) or country(code).name_en


def long_name(code: str) -> str:
    return _LONG.get(code) or short_name(code)


@dataclass(frozen=True, slots=True)
class Flag:
    """Something the reviewer must check or fill in, and where."""

    code: str
    field: str
    note: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "note": self.note}


@dataclass(slots=True)
class DraftRecord:
    """One engagement as a record mapping, with confidences and flags for the reviewer."""

    record: dict[str, Any]
    confidence: dict[str, float] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.record["slug"]

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.flags]

    def as_dict(self) -> dict[str, Any]:
        review = {
            "confidence": dict(self.confidence),
            "flags": [f.as_dict() for f in self.flags],
        }
        return {**self.record, "x-review": review}

    def facts(self) -> EngagementFacts:
        """The record validated as the reader would; raises pydantic's ValidationError."""
        return EngagementFacts.model_validate(self.record)

    @property
    def complete(self) -> bool:
        try:
            self.facts()
        except ValueError:
            return False
        return True


@dataclass(slots=True)
class Draft:
    """Every engagement extracted from one article."""

    document: str
    language: str
    published: date | None
    published_origin: str  # argument, byline, url, url-month, story, story-year or none
    publisher: str | None
    url: str | None
    records: list[DraftRecord]
    flags: list[Flag] = field(default_factory=list)

    def to_yaml(self) -> str:
        return render_yaml(self)


def detect_language(text: str) -> str:
    """The code of the language the text is written in (see `languages.detect`)."""
    return languages.detect(text)


def _publisher(url: str | None, text: str, tag: tuple[int, int] | None) -> str | None:
    pubs = load("cues")["publishers"]
    if url:
        host = (urlparse(url).hostname or "").lower()
        host = host[4:] if host.startswith("www.") else host
        for domain, name in pubs["domains"].items():
            if host == domain or host.endswith("." + domain):
                return name
    if tag:
        for key, name in pubs["tags"].items():
            if re.search(rf"\({re.escape(key)}\)", text[tag[0] : tag[1]]):
                return name
    return None


def extract(
    text: str,
    *,
    published: date | None = None,
    url: str | None = None,
    language: str | None = None,
    document: str | None = None,
    publisher: str | None = None,
) -> Draft:
    """Draft records for every engagement an article reports.

    `published` is the publication date (else it is read from a byline in the text, else from a
    date in the URL); it gives the year to dates written without one. `document` is the id the
    records' sources and evidence use (default: a hash of the text)."""
    name = document or "<article>"
    if not text.strip():
        raise ExtractError(name, "the article is empty")
    if language is not None and language not in LANGUAGES:
        raise ExtractError(name, f"unknown language {language!r} (expected vi or en)")
    language = language or detect_language(text)
    document = document or "article-" + hashlib.sha256(text.encode()).hexdigest()[:16]
    origin = "argument" if published else "none"
    flags: list[Flag] = []
    layout = segment(text, language)
    if published is None:  # a byline, else the URL, else the story's latest full date
        published, origin = publication_date(text, url, language, layout.end_mark)
    publisher = publisher or _publisher(url, text, layout.tag)
    if not publisher:
        flags.append(
            Flag(
                "publisher-missing",
                "sources[0].publisher",
                "Name the publisher: neither the URL nor the text says who it is.",
            )
        )
    # a date read from the story itself is when the page was written at the earliest
    bound = origin in STORY_ORIGINS
    analysis = analyse(text, layout, language, published, url, published_bound=bound)
    draft = Draft(document, language, published, origin, publisher, url, [], flags)
    draft.records = _records(analysis, draft)
    return draft


# --- records ------------------------------------------------------------------------------------


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@cache
def _dialogue_words() -> list[tuple[str, str]]:
    words = load("dialogues")["words"]
    return sorted(words.items(), key=lambda kv: -len(kv[0]))


def translate_name(core: str, language: str) -> tuple[str, bool]:
    """A dialogue's name in English, and whether every word was translated."""
    if language == "en":
        # "Dialogue on Migration" keeps its word order; "Security Dialogue" loses the noun
        if not core.startswith("Dialogue "):
            core = re.sub(r"\bDialogue\b", "", core).strip()
        return core, True
    modifiers = []
    for m in re.finditer(r"cấp (?:Bộ trưởng|Thứ trưởng|cao|Cục)", core):
        modifiers.append(dict(_dialogue_words()).get(m.group(), m.group()))
    rest = re.sub(r"cấp (?:Bộ trưởng|Thứ trưởng|cao|Cục)", " ", core)
    out = rest
    for vi, en in _dialogue_words():
        out = re.sub(rf"(?<!\w){re.escape(vi)}(?!\w)", en, out)
    out = re.sub(r"\s+", " ", " ".join([*modifiers, out])).strip()
    complete = not any(c in VIETNAMESE_LETTERS for c in out) and not re.search(
        r"\b[a-z]{2,}\b(?<!and)(?<!on)", out
    )
    return out, complete


def series_slug(e: Engagement, language: str, home: str, *, canonical: bool = False) -> str:
    """The slug of a dialogue's series: its two countries and its name in English.

    `canonical`: the home country first and the name's words in alphabetical order, since the
    two languages order them differently ("Đối thoại An ninh và Thực thi pháp luật Việt Nam -
    Hoa Kỳ", "the U.S.-Vietnam Law Enforcement and Security Dialogue")."""
    codes = [c for c, _ in e.pair] or sorted(
        {c for c in [e.host, *e.guests] if c}, key=lambda c: (c != home, c)
    )
    core, _ = translate_name(e.name_core, language)
    words = [w for w in slugify(core).split("-") if w and w not in ("and", "the", "of", "on")]
    codes = sorted(set(codes), key=lambda c: (c != home, c))  # "Australia-Vietnam" too
    if canonical:
        words = natural_order(words)
    return "-".join([c.lower() for c in codes] + words + [_series_noun(e).lower()])


# The canonical order of a series name's words, the same whichever language ordered them: the
# level first ("deputy-ministerial"), then qualifiers ("strategic"), then the fields in
# alphabetical order, a field of two words ("law enforcement") kept whole; English reads it
# ("vn-us-law-enforcement-security-dialogue", "vn-cn-deputy-ministerial-strategic-security-…").
_UNITS = ("law enforcement", "deputy ministerial", "vice ministerial", "high level")
_LEVELS = ("deputy-ministerial", "vice-ministerial", "ministerial", "high-level", "deputy")
_QUALIFIERS = ("strategic", "comprehensive", "annual", "joint", "bilateral", "policy")


def natural_order(words: list[str]) -> list[str]:
    if not words:
        return []  # a conference told by its noun alone has no name to order
    units: list[str] = []
    i = 0
    while i < len(words):
        pair = f"{words[i]} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in _UNITS or " ".join(reversed(pair.split())) in _UNITS:
            units.append(next(u for u in _UNITS if set(u.split()) == set(pair.split())))
            i += 2
        else:
            units.append(words[i])
            i += 1
    keys = [u.replace(" ", "-") for u in dict.fromkeys(units)]

    def rank(u: str) -> tuple[int, int, str]:
        if u in _LEVELS:
            return (0, _LEVELS.index(u), u)
        return (1, 0, u) if u in _QUALIFIERS else (2, 0, u)

    return "-".join(sorted(keys, key=rank)).split("-")


def _series_noun(e: Engagement) -> str:
    """What a session of the series is called in English."""
    if e.noun != "conference":
        return "Dialogue"
    if e.name and re.search(r"Meeting|[Pp]hiên họp|[Kk]ỳ họp", e.name[2]):
        return "Meeting"
    return "Conference"


class _Builder:
    """Builds one record's fields and evidence from an engagement."""

    def __init__(self, analysis: Analysis, draft: Draft, e: Engagement):
        self.a, self.d, self.e = analysis, draft, e
        self.text = analysis.text
        self.evidence: list[dict[str, Any]] = []
        self.flags: list[Flag] = []
        self.conf: dict[str, float] = {}

    def ev(
        self,
        fieldname: str,
        span: tuple[int, int] | None,
        *,
        inferred: bool = False,
        note: str | None = None,
    ) -> None:
        if span is None:
            return
        a, b = span
        while a < b and self.text[a].isspace():
            a += 1
        while b > a and self.text[b - 1].isspace():
            b -= 1
        if a >= b:
            return
        item: dict[str, Any] = {
            "field": fieldname,
            "document": self.d.document,
            "quote": self.text[a:b],
            "start": a,
            "end": b,
        }
        if inferred:
            item["inferred"] = True
            item["note"] = note or "inferred"
        elif note:
            item["note"] = note
        self.evidence.append(item)

    def flag(self, code: str, fieldname: str, note: str) -> None:
        self.flags.append(Flag(code, fieldname, note))


def _records(a: Analysis, d: Draft) -> list[DraftRecord]:
    slugs: dict[int, str] = {}
    out: list[tuple[Engagement, DraftRecord]] = []
    order = sorted(a.engagements, key=lambda e: (e.parent is not None, e.start))
    for e in order:
        b = _Builder(a, d, e)
        rec = _record(b, slugs)
        slug = rec["slug"]
        n = 2
        while slug in slugs.values():
            slug = f"{rec['slug']}-{n}"
            n += 1
        rec["slug"] = slug
        slugs[id(e)] = slug
        out.append((e, DraftRecord(rec, b.conf, b.flags)))
    # parents are named before their parts, so part_of can point at them
    for e, r in out:
        if e.parent is not None and id(e.parent) in slugs:
            r.record["part_of"] = slugs[id(e.parent)]
            _reorder(r.record)
    out.sort(key=lambda er: er[0].start)
    return [r for _, r in out]


_FIELDS = list(EngagementFacts.model_fields)


def _reorder(record: dict[str, Any]) -> None:
    items = sorted(record.items(), key=lambda kv: _FIELDS.index(kv[0]) if kv[0] in _FIELDS else 99)
    record.clear()
    record.update(items)


def _record(b: _Builder, slugs: dict[int, str]) -> dict[str, Any]:
    e = b.e
    rec: dict[str, Any] = {"slug": "", "kind": e.record_kind}
    b.ev("kind", e.trigger[:2])
    b.conf["kind"] = 0.9 if e.kind == "dialogue" else 0.75
    _status(b, rec)
    participants, organisations = _people(b)
    place = _place(b)
    title, title_vi, slug_core = _titles(b, organisations)
    rec["title"] = title
    if title_vi:
        rec["title_vi"] = title_vi
    rec["date"] = _date(b)
    if place:
        rec["place"] = place
    _sides(b, rec)
    _series_and_trip(b, rec, slugs)
    if participants:
        rec["participants"] = participants
    if organisations:
        rec["organisations"] = [o for o, _ in organisations]
    if e.topics:
        rec["topics"] = [t.key for t in e.topics]
        for i, t in enumerate(e.topics):
            b.ev(f"topics[{i}]", (t.start, t.end))
        b.conf["topics"] = 0.7
    rec["sources"] = [_source(b)]
    if e.date is None:
        b.flag("date-missing", "date", "The article gives no date for it: fill in the date.")
    rec["evidence"] = b.evidence
    rec["slug"] = slug_core
    _reorder(rec)
    if "notes" in rec:
        rec["notes"] = rec.pop("notes")
    return rec


def _status(b: _Builder, rec: dict[str, Any]) -> None:
    """Planned, known only from a caption, or mentioned for context: flagged for review."""
    e = b.e
    if e.status != "held":
        rec["status"] = e.status
        b.ev("status", e.status_cue[:2] if e.status_cue else None)
        b.flag("planned", "status", "Reported as planned: check it has not taken place since.")
        b.conf["status"] = 0.6
    if e.caption:
        b.flag(
            "caption-only",
            "kind",
            "Known only from a photo caption: keep it only if the "
            "caption reports a session of its own.",
        )
        b.conf["kind"] = 0.4
    if e.lead_inferred:
        b.flag(
            "lead-inferred",
            "kind",
            "No sentence tells it with its verb: inferred from the headline and the lead. "
            "Check the kind, the sides and who took part.",
        )
        b.conf["kind"] = 0.5
    if e.context:
        b.flag(
            "context-mention",
            "kind",
            "Mentioned for context (an earlier engagement, or a gathering of more than two "
            "countries), not reported by this article as its own: keep it only if the archive "
            "lacks it.",
        )
        rec["notes"] = "Mentioned for context in a report on another engagement."


def _sides(b: _Builder, rec: dict[str, Any]) -> None:
    """Host and guest countries with their evidence, or the flag saying which is missing."""
    e = b.e
    host, guests = e.host, list(e.guests)
    if host:
        rec["host"] = host
        span = e.place_span or e.country_spans.get(host)
        b.ev(
            "host",
            (span.start, span.end) if span else None,
            inferred=e.place_origin != "own" or e.place_span is None,
            note="The host is the country where it took place, as for its trip.",
        )
        b.conf["host"] = 0.8 if e.place_origin == "own" else 0.6
    if guests:
        rec["guests"] = guests
        for g in guests:
            span = e.country_spans.get(g)
            b.ev(
                "guests",
                (span.start, span.end) if span else None,
                inferred=span is None or getattr(span, "kind", None) != "country",
                note=f"{short_name(g)} from the country of who took part.",
            )
        b.conf["guests"] = 0.75
    if not host and not guests:
        b.flag("countries-missing", "host", "Name the host or the guest countries.")
    elif not host and e.kind != "embassy_visit" and not e.remote:
        b.flag(
            "host-unknown",
            "host",
            "The article does not say where it took place: add the host if known.",
        )


def _series_and_trip(b: _Builder, rec: dict[str, Any], slugs: dict[int, str]) -> None:
    """A dialogue's series and session; a session's trip (`part_of`)."""
    a, e = b.a, b.e
    if e.kind == "dialogue" and (e.pair or e.host or e.guests):
        rec["series"] = series_slug(e, a.language, a.home)
        b.ev("series", e.name[:2] if e.name else None)
        b.conf["series"] = 0.7
        if e.session is not None:
            rec["session"] = e.session
            b.ev("session", e.session_span[:2] if e.session_span else None)
            b.conf["session"] = 0.9
    if e.parent is not None:
        rec["part_of"] = slugs.get(id(e.parent), "")
        same = e.parent.info is e.info or any(i is e.info for i in e.parent.sentences)
        b.ev(
            "part_of",
            e.part_cue[:2] if e.part_cue else None,
            inferred=not same,
            note="Told while the trip is reported, in the trip's country and dates.",
        )
        b.conf["part_of"] = 0.8 if same else 0.55


def _source(b: _Builder) -> dict[str, Any]:
    """The article as the record's source, quoting the sentence that reports the engagement."""
    a, d = b.a, b.d
    source: dict[str, Any] = {"document": d.document, "publisher": d.publisher or ""}
    if d.url:
        source["url"] = d.url
    if d.published and d.published_origin not in STORY_ORIGINS:
        source["published"] = d.published.isoformat()
        if d.published_origin == "url":
            source["published_inferred"] = True
    source["language"] = a.language
    s = b.e.info.sentence
    source.update({"quote": s.text, "start": s.start, "end": s.end})
    if d.published_origin == "url":
        b.flag(
            "published-from-url",
            "sources[0].published",
            "The publication date is read from the URL: check it.",
        )
    if not d.publisher:
        b.flag("publisher-missing", "sources[0].publisher", "Name the publisher.")
    return source


# how an engagement's date was found when not in its own words: the flag and the reviewer's note
_DATE_ORIGINS = {
    "parent": ("date-from-parent", "The article gives it no date of its own; it takes its trip's"),
    "parts": (
        "date-from-parts",
        "The article does not date the trip; it is dated by the month of its sessions.",
    ),
    "session-days": (
        "date-from-parts",
        "The article gives the trip no date of its own; it takes the days of its sessions.",
    ),
    "story": ("date-from-story", "The article dates it by the day of what it told just before."),
    "lead": ("date-from-lead", "Dated by the date in the article's lead."),
    "dateline": (
        "date-from-dateline",
        "The article dates it only by its dateline's month and day (the day it was filed): "
        "check it took place that day.",
    ),
    "dateline-month": (
        "date-from-dateline",
        "The article counts the day from its dateline, which gives no year: only the month is "
        "known (that of every day it may be); fill in the day and the year.",
    ),
    "publication": (
        "date-from-publication",
        "The article does not date it; it is dated by the month of its byline: check it did "
        "not take place the month before.",
    ),
}


def _date(b: _Builder) -> Any:
    e, d = b.e, b.d
    r = e.resolved
    if e.date is None or r is None:
        b.conf["date"] = 0.0
        return {"start": "????-??-??", "precision": "day"}
    out = r.as_record()
    span = (e.date.start, e.date.end)
    origin = {
        "argument": "--published or the metadata file",  # both reach extract() as an argument
        "byline": "the byline",
        "url": "the URL",
        "story": "the latest date the story gives with its year",
        "story-year": "the latest date the story gives, in the one year it states",
        "url-month": "the month in the URL and the latest day of it the story gives",
        "url-year": "the year in the URL and the latest day of it the story gives",
        "url-number": "the latest day the story gives, in the year the page's number in the URL "
        "puts it",
        "none": "nowhere",
    }[d.published_origin]
    notes = []
    if r.from_weekday:
        counted = {
            "day": f"{r.start}",
            "month": f"the month of that week, {r.start:%Y-%m},",
        }.get(r.precision, f"{r.start} to {r.end} (the trip's length from its first day)")
        filed = filing_day(b.a.text, d.published)
        since = f"the publication date ({d.published}, from {origin})"
        if filed != d.published:
            since = f"the day of its dateline ({filed}; the page is of {d.published})"
        notes.append(
            f"The article names the day only relative to its publication ({r.phrase!r}); "
            f"{counted} is counted from {since}."
        )
        b.flag("day-from-publication", "date", notes[-1])
    elif r.year_inferred:
        notes.append(
            f"The article gives no year; {r.start.year if r.start else '?'} is taken "
            f"from the publication date ({d.published}, from {origin})."
        )
        b.flag("year-inferred", "date", notes[-1])
    told = _DATE_ORIGINS.get(e.date_origin)
    if told is not None:
        code, note = told
        if e.date_origin == "parent":
            note += " month." if r.precision == "month" else " dates."
        notes.append(note)
        b.flag(code, "date", note)
    if r.partial:
        b.flag(
            "partial-date",
            "date",
            "The article gives no year and no publication date is known: write the year "
            "in place of ????.",
        )
    b.ev("date", span, inferred=bool(notes), note=" ".join(notes) or None)
    if e.date.time_of_day:
        b.ev("date", span, note=f"time of day: {e.date.time_of_day}")
    b.conf["date"] = (
        0.2
        if r.partial
        else (0.9 if not notes else (0.7 if r.year_inferred and len(notes) == 1 else 0.5))
    )
    return out


def _place(b: _Builder) -> dict[str, Any] | None:
    e = b.e
    if not e.place_country:
        return None
    place: dict[str, Any] = {}
    inferred = e.place_origin != "own"
    if e.city is not None:
        place["city"] = e.city.key
    elif e.kind == "embassy_visit" and e.counterpart is not None and e.counterpart.located:
        city = load("places")["embassy_cities"].get(e.counterpart.located)
        if city:
            place["city"] = city
            note = f"The article names only the country; {city} is where its embassies are."
            c = e.counterpart
            b.ev("place", (c.start, c.end), inferred=True, note=note)
            b.flag("city-inferred", "place", note)
    place["country"] = e.place_country
    if e.kind == "embassy_visit" and e.counterpart is not None:
        place["venue"] = e.counterpart.key
    elif e.city is not None and e.city.kind == "venue":
        place["venue"] = e.city.key
        place["city"] = e.city.city
    span = e.city or e.place_span or (e.counterpart if e.place_origin == "story" else None)
    note = {
        "story": "The article gives no place; it is where the story's engagements of those days "
        "were, the country of the organisation met.",
        "parent": "The article places it only by its trip's country.",
        "parts": "The article does not say where the trip went; its sessions were here.",
        "host": "The article gives no place; it took place in its host's country.",
        "mission": "The article places it only at a foreign embassy or consulate; it was in "
        "the country the mission is in.",
    }.get(e.place_origin)
    b.ev("place", (span.start, span.end) if span else None, inferred=inferred, note=note)
    if inferred:
        b.flag(f"place-from-{e.place_origin}", "place", note or "")
    b.conf["place"] = 0.85 if not inferred else 0.55
    return place


@cache
def _translations() -> dict:
    return load("people")["translations"]


def _english_title(local: str, org_name: str | None) -> str | None:
    """An English title for a Vietnamese one: the position's word and its organisation."""
    titles = _translations()["titles"]
    head = next(
        (t for t in sorted(titles, key=len, reverse=True) if local.lower().startswith(t.lower())),
        None,
    )
    if head is None:
        return None
    en = titles[head]
    if org_name and org_name.startswith("Ministry of "):
        return f"{en} of {org_name[len('Ministry of ') :]}"
    if org_name:
        return f"{en}, {org_name}"
    rest = local[len(head) :].strip()
    return en if not rest else None


def _title_of(titled: Any, org: Any) -> tuple[str, tuple[int, int], str | None]:
    """The person's title as written, its span and its English: several positions
    ("Phó Thủ tướng, Bộ trưởng Bộ An ninh Lào") each in English, the organisation going only
    with the position that names it."""
    titles = titled.titles
    if org is not None:  # a "title" that is only the organisation ("…, Bộ Nội vụ") is no position
        titles = [t for t in titles if not (org.start <= t[0] and t[1] <= org.end)] or titles
    owner = next((t for t in titles if org is not None and t[0] <= org.start < t[1]), titles[0])
    english = [_english_title(t[2], org.key if t is owner and org else None) for t in titles]
    if len(titles) > 1 and all(english):
        local = ", ".join(t[2] for t in titles)
        return local, (titles[0][0], titles[-1][1]), ", ".join(english)  # type: ignore[arg-type]
    # one position, or one the lexicons cannot translate: the first, with the organisation
    first = titled.titles[0]
    return first[2], first[:2], _english_title(first[2], org.key if org else None)


@dataclass(slots=True)
class _Organisations:
    """The record's organisations, each added once, with its evidence and flags."""

    b: _Builder
    orgs: list[tuple[dict[str, Any], Any]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, m: Any) -> str:
        """Adds the organisation if new; the name a participant's `organisation` refers by."""
        if m.key in self.names:
            return self.names[m.key]
        b = self.b
        item: dict[str, Any] = {"name": m.key}
        if m.abbreviation:
            item["abbreviation"] = m.abbreviation
        if m.country:
            item["country"] = m.country
        if m.text not in (m.key, m.abbreviation) and not m.learnt:
            item["name_local"] = m.text
        elif m.learnt and m.key != m.text.split(" (")[0]:
            item["name_local"] = m.text.split(" (")[0]
        i = len(self.orgs)
        self.orgs.append((item, m))
        self.names[m.key] = item.get("abbreviation") or item["name"]
        b.ev(f"organisations[{i}]", (m.start, m.end))
        if m.country_inferred and m.country:  # an "Embassy in X" of no named country has none
            note = (
                f"The article writes {m.text!r} without a country; {short_name(m.country)} "
                "is read from who holds it and the engagement's sides."
                if m.country
                else f"The article writes {m.text!r} without a country: give it."
            )
            b.ev(f"organisations[{i}].country", (m.start, m.end), inferred=True, note=note)
            b.flag("ministry-country-inferred", f"organisations[{i}].country", note)
        if m.learnt and m.key == m.text.split(" (")[0]:
            b.flag(
                "name-untranslated",
                f"organisations[{i}].name",
                "The organisation is not in the gazetteer: give its English name and keep "
                "this one as name_local.",
            )
        return self.names[m.key]


def _people(b: _Builder) -> tuple[list[dict[str, Any]], list[tuple[dict[str, Any], Any]]]:
    e = b.e
    orgs = _Organisations(b)
    people: list[dict[str, Any]] = []
    for part in sorted(e.participants.values(), key=lambda p: p.mention.start):
        people.append(_participant(b, part, len(people), orgs))
    for key, m in e.organisations.items():
        if key not in orgs.names:
            orgs.add(m)
    if INTERNATIONAL in (e.host, *e.guests) and not any(
        m.country == INTERNATIONAL for _, m in orgs.orgs
    ):
        # the side `INT` names the body met (a record refuses INT without it): the trip "to
        # Interpol General Secretariat headquarters" names it only as where it went
        named = [e.country_spans.get(INTERNATIONAL), *e.info.orgs]
        body = next(
            (
                m
                for m in named
                if isinstance(m, Mention) and m.kind == ORG and m.country == INTERNATIONAL
            ),
            None,
        )
        if body is not None:
            orgs.add(body)
    b.conf["participants"] = 0.8 if people else 0.0
    return people, orgs.orgs


def _participant(b: _Builder, part: Any, i: int, orgs: _Organisations) -> dict[str, Any]:
    """One participant with rank, title, party office, organisation, role and evidence."""
    a, e = b.a, b.e
    person = a.persons[part.person]
    item: dict[str, Any] = {"name": person.name}
    if person.variants:
        item["variants"] = list(person.variants)
    ranked = person.rank
    if ranked is not None and ranked.rank:
        item["rank"] = _translations()["ranks"].get(ranked.rank, ranked.rank)
        b.ev(f"participants[{i}].rank", ranked.rank_span)
    titled = person.titled
    org = person.organisation
    if titled is not None:
        local, span, en = _title_of(titled, org)
        item["title"] = en or local
        b.ev(f"participants[{i}].title", span)
        if en is None and a.language == "vi":
            b.flag(
                "title-untranslated",
                f"participants[{i}].title",
                "The title is as the article writes it: translate it.",
            )
    party = next((m.party for m in person.mentions if m.party), [])
    if party:
        roles = _translations()["party_roles"]
        item["party_role"] = "; ".join(roles.get(t, t) for _, _, t in party)
        for x, y, _ in party:
            b.ev(f"participants[{i}].party_role", (x, y))
    if org is not None and org.org_kind not in ("programme",):
        item["organisation"] = orgs.add(org)
    if person.country:
        item["country"] = person.country
    item["role"] = part.role
    first = next(
        (
            m
            for m in person.mentions
            if any(s.sentence.start <= m.start < s.sentence.end for s in e.sentences)
        ),
        part.mention,
    )
    b.ev(
        f"participants[{i}]",
        (first.start, first.end),
        inferred=part.inherited,
        note="Named as the head of the trip this was part of." if part.inherited else None,
    )
    if part.cue:
        b.ev(f"participants[{i}].role", part.cue[:2])
    for v in person.variants:
        m = next(m for m in person.mentions if m.name == v)
        note = (
            f"Also spelt {v!r} in this article; {person.name!r} is the more frequent or first "
            "spelling."
        )
        b.ev(f"participants[{i}].variants", (m.start, m.end), note=note)
        b.flag("spelling-variant", f"participants[{i}].variants", note + " Check which is right.")
    return item


def _side_name(b: _Builder, organisations: list[tuple[dict[str, Any], Any]]) -> str:
    """How a title names the delegation's side: its ministry, else its country."""
    e = b.e
    # an international organisation met (Interpol's Secretary General received) is the one
    # met, not the delegation
    states = [c for c in e.guests if c != INTERNATIONAL]
    guests = states or ([e.host] if e.host and e.host != INTERNATIONAL else [])
    for item, _m in organisations:
        if (
            item.get("country") in guests
            and item.get("country") != e.host
            and e.counterpart is not _m
        ):
            adj = _ADJECTIVE.get(item["country"], short_name(item["country"]))
            return f"{adj} {item['name']}"
    return _ADJECTIVE.get(guests[0], short_name(guests[0])) if guests else "The"


def _titles(
    b: _Builder, organisations: list[tuple[dict[str, Any], Any]]
) -> tuple[str, str | None, str]:
    """An English title, the Vietnamese title as the source writes it, and a slug.

    The slug is made of what both languages' reports of one engagement give alike (its
    countries, kind, counterpart, series and session, month), never of the article's wording,
    so a Vietnamese and an English report of it get the same slug (issue 11, item 7)."""
    a, e = b.a, b.e
    r = e.resolved
    when = r.start.isoformat()[:7] if r is not None and r.start is not None else "undated"
    codes = [c.lower() for c in ([*e.guests, e.host] if e.host else e.guests) if c]
    home = a.home.lower()
    codes = sorted(set(codes), key=lambda c: (c != home, c))
    side = _side_name(b, organisations)
    if e.kind == "dialogue":
        return _dialogue_title(b, when)
    if e.kind == "visit":
        return _visit_title(b, side, codes, when)
    return _meeting_title(b, side, codes, when)


def _dialogue_title(b: _Builder, when: str) -> tuple[str, str | None, str]:
    a, e = b.a, b.e
    core, complete = translate_name(e.name_core, a.language)
    pair = "–".join(short_name(c) for c, _ in e.pair)
    n = f"{_ordinal(e.session)} " if e.session else ""
    noun = _series_noun(e)
    name = core if core.startswith(("Dialogue ", noun)) or core.endswith(noun) else f"{core} {noun}"
    title = re.sub(r"\s+", " ", f"{n}{pair} {name}").strip()
    if not complete:
        b.flag(
            "title-untranslated",
            "title",
            "Part of the dialogue's name is not translated: check the title.",
        )
    title_vi = e.name[2] if a.language == "vi" and e.name else None
    series = series_slug(e, a.language, a.home, canonical=True)
    slug = f"{series}-{e.session}" if e.session else f"{series}-{when}"
    return title, title_vi, slug


def _visit_title(
    b: _Builder, side: str, codes: list[str], when: str
) -> tuple[str, str | None, str]:
    a, e = b.a, b.e
    dest = long_name(e.place_country) if e.place_country else "an unnamed country"
    title = f"{side} delegation visit to {dest}"
    title_vi = None
    if a.language == "vi":
        title_vi = e.trigger[2].strip() + (
            f" {e.destination.text}"
            if e.destination and not e.trigger[2].rstrip().endswith(e.destination.text)
            else ""
        )
        if e.destination is None and e.place_country:
            # "Trong khuôn khổ chuyến thăm": the trip is named by where it went
            title_vi = f"{title_vi} {country(e.place_country).name_vi}"
        title_vi = title_vi[0].upper() + title_vi[1:]
    return title, title_vi, slugify("-".join([*codes, "delegation-visit", when]))


def _meeting_title(
    b: _Builder, side: str, codes: list[str], when: str
) -> tuple[str, str | None, str]:
    a, e = b.a, b.e
    cp = e.counterpart
    if cp is not None:
        who = cp.key
    elif e.counterpart_person is not None:
        who = a.persons[e.counterpart_person].name
    else:
        who = "a counterpart"
    short = (cp.abbreviation or cp.key) if cp is not None else unidecode(who)
    if e.kind == "embassy_visit":
        title = f"{side} delegation visit to the {who}"
        where = cp.city or (short_name(cp.located) if cp.located else "") if cp else ""
        parts = [*codes, "embassy-visit", slugify(where), when]
    else:
        the = "the " if cp is not None and not who.startswith(("The ", "U.S.", "US ")) else ""
        shown = cp.abbreviation if cp is not None and cp.abbreviation and len(cp.key) > 40 else who
        title = f"{side} delegation's meeting with {the}{shown}"
        parts = [*codes, slugify(short)[:30], "meeting", when]
    title_vi = None
    if a.language == "vi":
        target = cp.text if cp is not None else who
        verb = re.sub(r"^có\s+(?:các\s+|những\s+)?(?:buổi|cuộc)\s+", "buổi ", e.trigger[2].strip())
        title_vi = f"{verb} {target}".strip()
        title_vi = title_vi[0].upper() + title_vi[1:]
    return title, title_vi, slugify("-".join(p for p in parts if p))


# --- YAML ---------------------------------------------------------------------------------------


# libyaml's emitter when PyYAML has it: 5x faster than the Python one, which was 2/3 of the time
# of a folder of 100 articles; the drafts of every fixture, seed and development article are
# byte-for-byte the same, and any draft reads back to the same records.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def render_yaml(draft: Draft | Iterable[DraftRecord]) -> str:
    """A draft as a YAML record file: one document per record, review notes under `x-review`."""
    records = draft.records if isinstance(draft, Draft) else list(draft)
    head = ""
    if isinstance(draft, Draft):
        head = (
            f"# Draft records extracted from {draft.document} by `timeline extract`.\n"
            "# Review every x-review flag, correct the facts, then `timeline append` this file.\n"
        )
    if not records:
        return head + "# No engagement found.\n"
    body = yaml.dump_all(
        [r.as_dict() for r in records],
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        explicit_start=True,
    )
    return head + body
