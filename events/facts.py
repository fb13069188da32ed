"""The facts of an engagement as pydantic models: what a record holds and `Recorded` carries."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from events.countries import INTERNATIONAL, country, is_country
from events.vocabulary import TOPICS, Kind, Language, Precision, Role, Status

MAX_OFFSET = 10**9
MAX_SESSION = 10**6
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Refused in text: the C0 controls but tab, line feed and carriage return; DEL; the C1
# controls (CSI, U+009B, starts an escape sequence as ESC [ does); and the bidirectional
# embeddings, overrides and isolates, which show text in another order than it is stored
# ("Trojan Source", CVE-2021-42574). A terminal or page showing them can be made to show
# something else than the archive holds.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROL_NAMES = {0x00: "NUL", 0x1B: "ESC", 0x7F: "DEL", 0x9B: "CSI"}


def _no_control_characters(value: str) -> str:
    if found := CONTROL.search(value):
        code = ord(found.group())
        name = CONTROL_NAMES.get(code, "a bidirectional control" if code > 0x9F else "")
        raise ValueError(
            f"holds the control character U+{code:04X}{f' ({name})' if name else ''} at "
            f"character {found.start()}; text may hold tabs and line breaks, no other controls"
        )
    return value


Printable = Annotated[str, AfterValidator(_no_control_characters)]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_control_characters),
]
Slug = Annotated[str, StringConstraints(strip_whitespace=True, pattern=SLUG_PATTERN)]
Url = Annotated[
    str, StringConstraints(pattern=r"^https?://\S+$"), AfterValidator(_no_control_characters)
]
FieldPath = Annotated[str, StringConstraints(pattern=r"^[a-z_]+(?:\[\d+\]|\.[a-z_]+)*$")]


# The validation context of stored events read back (timeline.store.persistence): they were
# validated when they were made, and a stored event never changes (the hash chain says so), so
# the checks written in Python are skipped; pydantic-core still converts every value. Those
# checks were more than half of the cost of reading an event back (cProfile of a rebuild of
# 5,000 engagements: 2.3 s of 3.9 s), and a rebuild reads every event.
STORED: dict[str, bool] = {"stored": True}


def _stored(info: ValidationInfo) -> bool:
    return info.context is STORED


def _country_code(value: str, info: ValidationInfo) -> str:
    if _stored(info):
        return value
    code = value.strip().upper()
    if not is_country(code):
        raise ValueError(
            f"unknown country code {value!r} (expected ISO 3166-1 alpha-2, e.g. VN; "
            f"ISO 3166-3 alpha-4 for a former state, e.g. SUHH; INT for an international "
            f"organisation){_code_of_name(value)}"
        )
    return code


def _code_of_name(value: str) -> str:
    """`; Việt Nam is VN`, when a record names a country where its code belongs."""
    # Imported when a record is wrong only: difflib and the name tables stay off the append path.
    from events.country_resolver import UnknownCountry, resolve_country

    try:
        return f"; {value.strip()} is {resolve_country(value)}"
    except UnknownCountry:
        return ""


def _topic_key(value: str, info: ValidationInfo) -> str:
    if value not in TOPICS and not _stored(info):
        raise ValueError(f"unknown topic {value!r} (see `timeline topics` for the vocabulary)")
    return value


def _territory(value: str, info: ValidationInfo) -> str:
    if value == INTERNATIONAL and not _stored(info):
        raise ValueError(
            "INT is an international organisation, not a place: give the country the "
            "engagement took place in (FR for Interpol's headquarters in Lyon)"
        )
    return value


CountryCode = Annotated[str, AfterValidator(_country_code)]
# A place's country: a state, never the international organisations' side.
TerritoryCode = Annotated[str, AfterValidator(_country_code), AfterValidator(_territory)]
TopicKey = Annotated[str, AfterValidator(_topic_key)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


_DATE_TEXT = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?"
    r"(?:/(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2}))?$"
)


def _parse_date_text(text: str) -> dict[str, Any]:
    """`2025-09-05`, `2025-09-04/2025-09-05`, `2024-07` or `2023` as start, end and precision."""
    m = _DATE_TEXT.match(text.strip())
    if not m:
        raise ValueError(f"date {text!r} is not YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD, YYYY-MM or YYYY")
    y, mo, d = m["y"], m["m"], m["d"]
    if m["y2"]:
        if not d:
            raise ValueError(f"date range {text!r} needs full dates on both sides")
        return {
            "start": f"{y}-{mo}-{d}",
            "end": f"{m['y2']}-{m['m2']}-{m['d2']}",
            "precision": "range",
        }
    if d:
        return {"start": f"{y}-{mo}-{d}", "precision": "day"}
    if mo:
        return {"start": f"{y}-{mo}-01", "precision": "month"}
    return {"start": f"{y}-01-01", "precision": "year"}


class When(Model):
    """When an engagement took place: first and last day (inclusive), how precisely that is known,
    and the phrase of the source it came from."""

    start: date = Field(description="The first day.")
    end: date = Field(
        description="The last day, inclusive; left out, it follows from `start` and `precision`."
    )
    precision: Precision = Field(description="How precisely the date is known.")
    phrase: Printable | None = Field(
        None, description="The words of the source that give the date."
    )

    @model_validator(mode="before")
    @classmethod
    def _expand(cls, data: Any) -> Any:
        if isinstance(data, date):
            data = {"start": data, "precision": "day"}
        elif isinstance(data, str | int):
            data = _parse_date_text(str(data))
        if isinstance(data, dict) and data.get("end") is None and "start" in data:
            data = dict(data)
            start = data["start"]
            if isinstance(start, str) and len(start) < 10:
                parsed = _parse_date_text(start)
                data["start"] = parsed["start"]
                data.setdefault("precision", parsed["precision"])
            start = date.fromisoformat(str(data["start"]))
            precision = data.get("precision", "day")
            data.setdefault("precision", precision)
            if precision == "month":
                last = calendar.monthrange(start.year, start.month)[1]
                data["end"] = start.replace(day=last)
            elif precision == "year":
                data["end"] = start.replace(month=12, day=31)
            else:
                data["end"] = start
        return data

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> When:
        if _stored(info):
            return self
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        p = self.precision
        if p == "day" and self.end != self.start:
            raise ValueError("a day-precision date has end equal to start; use precision: range")
        if p == "range" and self.end == self.start:
            raise ValueError("a range needs an end after its start; use precision: day")
        if p == "month":
            last = calendar.monthrange(self.start.year, self.start.month)[1]
            if (self.start.day, self.end) != (1, self.start.replace(day=last)):
                raise ValueError("a month-precision date runs from the 1st to the month's last day")
        if p == "year" and (self.start.timetuple()[1:3], self.end.timetuple()[1:3]) != (
            (1, 1),
            (12, 31),
        ):
            raise ValueError("a year-precision date runs from 1 January to 31 December")
        return self


class Place(Model):
    """Where an engagement took place."""

    city: Text | None = Field(None, description="The city, as English writes it.")
    country: TerritoryCode = Field(description="The country the place is in.")
    venue: Text | None = Field(None, description="The building or site.")


class Organisation(Model):
    """An organisation that took part; participants name it by name or abbreviation."""

    name: Text = Field(description="Its English name.")
    abbreviation: Text | None = Field(None, description="Its abbreviation, e.g. MPS.")
    country: CountryCode | None = Field(None, description="The country it belongs to.")
    name_local: Text | None = Field(None, description="The name as the source writes it.")


class Participant(Model):
    """A person who took part, with the offices held at the time."""

    name: Text = Field(description="The name as the source writes it, with its diacritics.")
    variants: list[Text] = Field(default_factory=list, description="Other spellings in sources.")
    title: Text | None = Field(None, description="Position held at the time.")
    rank: Text | None = Field(None, description="Military or police rank at the time.")
    party_role: Text | None = Field(
        None, description="Party office at the time, e.g. Member of the Party Central Committee."
    )
    organisation: Text | None = Field(
        None, description="Name or abbreviation of one of the record's organisations."
    )
    country: CountryCode | None = Field(None, description="The country the person serves.")
    role: Role = Field("attendee", description="What the person did at the engagement.")


class Quoted(Model):
    """A sentence of a source document and its character offsets [start, end) in the text."""

    document: Text = Field(
        description="The document's id (for the seeds, the file name without `.txt`)."
    )
    quote: Text = Field(description="The sentence or words of the document, as written.")
    # Bounded so that every offset fits an SQLite integer (a billion characters is no article).
    start: int = Field(
        ge=0,
        le=MAX_OFFSET,
        description="Character offset of the quote in the document's text, 0 to 10⁹.",
    )
    end: int = Field(
        gt=0,
        le=MAX_OFFSET,
        description="Character offset just after the quote: `end - start` is the quote's length.",
    )

    @model_validator(mode="after")
    def _offsets_fit_quote(self, info: ValidationInfo) -> Quoted:
        if _stored(info):
            return self
        if self.end - self.start != len(self.quote):
            raise ValueError(
                f"offsets {self.start}..{self.end} span {self.end - self.start} characters "
                f"but the quote has {len(self.quote)}"
            )
        return self


class Source(Quoted):
    """A document that reports the engagement, and the sentence that reports it."""

    publisher: Text = Field(description="Who published the document.")
    url: Url | None = Field(None, description="Where it was published.")
    published: date | None = Field(None, description="The publication date.")
    published_inferred: bool = Field(
        False, description="True when the publication date is inferred, not printed."
    )
    language: Language = Field(description="The document's language.")
    note: Text | None = Field(None, description="What a reader should know about the source.")


class Evidence(Quoted):
    """Where one fact came from, and whether it was stated or inferred."""

    field: FieldPath = Field(
        description="A path into the record: `date`, `place`, `participants[1]`, "
        "`participants[1].title`, `topics`…"
    )
    inferred: bool = Field(False, description="True when the source does not state the fact.")
    note: Text | None = Field(
        None, description="How the fact was inferred (required when `inferred`)."
    )

    @model_validator(mode="after")
    def _inferred_says_why(self, info: ValidationInfo) -> Evidence:
        if _stored(info):
            return self
        if self.inferred and not self.note:
            raise ValueError("an inferred fact needs a note that says how it was inferred")
        return self

    @property
    def root(self) -> str:
        return re.split(r"[.\[]", self.field, maxsplit=1)[0]


class EngagementFacts(Model):
    """Everything known about one engagement, as first recorded or as corrected."""

    slug: Slug = Field(
        description="The engagement's name in URLs and commands, lowercase words joined by `-`, "
        "e.g. `vn-us-security-dialogue-2`. Its id is the uuid5 of the slug."
    )
    kind: Kind = Field(
        description="`dialogue`, `visit` (a delegation's trip), `meeting` (a working session, "
        "call or briefing), `embassy_visit`."
    )
    status: Status = Field("held", description="Whether it took place.")
    title: Text = Field(description="English title.")
    title_vi: Text | None = Field(None, description="Vietnamese title, as the source names it.")
    summary: Text | None = Field(None, description="A few sentences in English.")
    date: When = Field(description="When it took place; see Dates.")
    place: Place | None = Field(None, description="Where it took place.")
    host: CountryCode | None = Field(
        None, description="The host country. A record names a host, guests or both."
    )
    guests: list[CountryCode] = Field(default_factory=list, description="The guest countries.")
    series: Slug | None = Field(
        None,
        description="Slug of a dialogue series, e.g. `vn-us-security-law-enforcement-dialogue`.",
    )
    session: int | None = Field(
        None,
        ge=1,
        le=MAX_SESSION,
        description='The session number in the series (the "2nd" dialogue: `2`); needs '
        "`series`; 1 to 1,000,000.",
    )
    part_of: Slug | None = Field(
        None, description="Slug of the parent engagement (the visit a meeting took place in)."
    )
    participants: list[Participant] = Field(
        default_factory=list, description="The people who took part."
    )
    organisations: list[Organisation] = Field(
        default_factory=list, description="The organisations that took part."
    )
    topics: list[TopicKey] = Field(
        default_factory=list,
        description="What was discussed: keys of the topic vocabulary (`timeline topics` lists "
        "them with English and Vietnamese labels).",
    )
    sources: list[Source] = Field(
        min_length=1, description="The documents that report the engagement, one or more."
    )
    evidence: list[Evidence] = Field(
        default_factory=list, description="Where single facts came from, stated or inferred."
    )
    notes: Text | None = Field(None, description="Anything a reader should know.")

    @model_validator(mode="after")
    def _coherent(self, info: ValidationInfo) -> EngagementFacts:
        if _stored(info):
            return self
        if not self.host and not self.guests:
            raise ValueError("host or guests: name at least one country")
        if self.host in self.guests:
            raise ValueError(f"guests: {self.host} is the host and cannot be a guest too")
        if len(set(self.guests)) != len(self.guests):
            raise ValueError("guests: a country is listed twice")
        if self.session is not None and self.series is None:
            raise ValueError("session: a session number needs a series")
        if self.part_of == self.slug:
            raise ValueError("part_of: an engagement cannot be part of itself")
        self._check_countries_existed()
        self._check_organisation_named()
        if len(set(self.topics)) != len(self.topics):
            raise ValueError("topics: a topic is listed twice")
        names = {o.name for o in self.organisations} | {
            o.abbreviation for o in self.organisations if o.abbreviation
        }
        for i, p in enumerate(self.participants):
            if p.organisation and p.organisation not in names:
                raise ValueError(
                    f"participants[{i}].organisation: {p.organisation!r} is not one of the "
                    "record's organisations (by name or abbreviation)"
                )
        documents = {s.document for s in self.sources}
        fields = set(type(self).model_fields)
        for i, e in enumerate(self.evidence):
            if e.document not in documents:
                raise ValueError(
                    f"evidence[{i}].document: {e.document!r} is not one of the record's sources"
                )
            if e.root not in fields:
                raise ValueError(f"evidence[{i}].field: {e.field!r} names no field of a record")
        return self

    def _check_organisation_named(self) -> None:
        """An international organisation's side (INT) names the organisation: `INT` alone
        does not say whether Interpol or UNODC was met."""
        sides = [("host", self.host)] + [(f"guests[{i}]", g) for i, g in enumerate(self.guests)]
        for field, code in sides:
            if code == INTERNATIONAL and not any(
                o.country == INTERNATIONAL for o in self.organisations
            ):
                raise ValueError(
                    f"{field}: INT (an international organisation) needs the organisation in "
                    "organisations, with country INT"
                )

    def _check_countries_existed(self) -> None:
        """A state that no longer exists cannot take part after its end, nor before its start."""
        fields = [("host", self.host)] + [(f"guests[{i}]", g) for i, g in enumerate(self.guests)]
        if self.place:
            fields.append(("place.country", self.place.country))
        for field, code in fields:
            if code is None:
                continue
            c = country(code)
            if not c.exists_during(self.date.start, self.date.end):
                raise ValueError(
                    f"{field}: {code} ({c.name_en}) existed {c.existence()}; the engagement's "
                    f"date {self.date.start}..{self.date.end} falls outside"
                )

    @property
    def countries(self) -> list[str]:
        """Host first, then guests, then the place's country if it is neither."""
        found = [c for c in [self.host, *self.guests] if c]
        if self.place and self.place.country not in found:
            found.append(self.place.country)
        return found
