"""The candidate engagements an article yields, and the sentence facts they are built from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from timeline.extract.dates import DateMention, Resolved
from timeline.extract.gazetteer import Mention
from timeline.extract.people import Person, PersonMention
from timeline.extract.segment import Layout, Sentence
from timeline.extract.topics import TopicMention

Span = tuple[int, int, str]


@dataclass(slots=True)
class SentenceInfo:
    sentence: Sentence
    places: list[Mention]
    orgs: list[Mention]
    people: list[PersonMention]
    dates: list[DateMention]

    @property
    def entities(self) -> list[Mention]:
        return self.orgs + self.places


@dataclass(slots=True)
class DialogueMention:
    """A dialogue or numbered conference named in a sentence."""

    span: Span
    core: str  # its name without the countries and the session ("An ninh cấp Thứ trưởng")
    pair: list[tuple[str, Mention]]
    session: int | None
    session_span: Span | None
    mechanism: bool  # "cơ chế Đối thoại …": the series as a mechanism, no session
    noun: str = "dialogue"  # or "conference": a numbered Hội nghị, Phiên họp, Meeting

    @property
    def anaphoric(self) -> bool:
        return not self.core and not self.pair


@dataclass(slots=True)
class Participation:
    person: int
    mention: PersonMention
    role: str
    cue: Span | None = None
    inherited: bool = False  # from the trip the engagement was part of


@dataclass(slots=True)
class Engagement:
    """A candidate engagement with the spans of text that support each of its facts."""

    kind: str
    info: SentenceInfo
    trigger: Span
    status: str = "held"
    status_cue: Span | None = None
    context: bool = False
    context_cue: Span | None = None
    name: Span | None = None  # the dialogue's name as written
    name_core: str = ""
    pair: list[tuple[str, Mention]] = field(default_factory=list)
    session: int | None = None
    session_span: Span | None = None
    date: DateMention | None = None
    resolved: Resolved | None = None
    # own, parent, parts, session-days, lead, story, start (first day), dateline
    date_origin: str = "own"
    city: Mention | None = None
    place_country: str | None = None
    place_span: Mention | None = None
    place_origin: str = "own"
    destination: Mention | None = None  # where a visit goes
    counterpart: Mention | None = None  # the organisation met
    counterpart_person: int | None = None
    participants: dict[int, Participation] = field(default_factory=dict)
    organisations: dict[str, Mention] = field(default_factory=dict)
    sentences: list[SentenceInfo] = field(default_factory=list)
    topics: list[TopicMention] = field(default_factory=list)
    parent: Engagement | None = None
    pending_parent: Engagement | None = None  # a trip it may be part of, once places are known
    part_cue: Span | None = None
    group: int = -1
    implied: bool = False
    caption: bool = False  # known only from a photo caption
    remote: bool = False  # a phone or video call: no one hosts it
    host: str | None = None
    guests: list[str] = field(default_factory=list)
    country_spans: dict[str, Mention] = field(default_factory=dict)
    noun: str = "dialogue"  # a series session named "Hội nghị", "Meeting": "conference"
    inherits: Engagement | None = None  # whose countries it shares (a series, the same sides)
    lead_inferred: bool = False  # read from the headline and lead, no sentence told it
    bystanders: set[int] = field(default_factory=set)  # named beside it, not taking part

    @property
    def start(self) -> int:
        return self.trigger[0]

    @property
    def record_kind(self) -> str:
        """The kind written in the record. A numbered conference of two countries ("Hội nghị
        hợp tác an ninh Việt Nam - Lào lần thứ 10") is a standing mechanism like a dialogue and
        recorded as one (the development gold's convention); one of more countries, or an
        English "… Meeting", is a meeting of a series."""
        if self.kind == "dialogue" and self.noun == "conference":
            named = self.name[2] if self.name else ""
            sides = {c for c in [self.host, *self.guests] if c}
            # ("the ninth ministerial conference", "the AFP-INP Senior Officers' Meeting": two
            # agencies' standing mechanism, typed dialogue by the further articles' gold too)
            # (a joint commission's meeting, "Cuộc họp … Ủy ban liên hợp biên giới": the same)
            # ("the 14th A-B Bilateral Meeting on Drug Control Cooperation": the same)
            bilateral = len(sides) == 2 and bool(
                re.search(
                    r"[Hh]ội nghị|[Cc]onference|[A-Z]{2,}[-–][A-Z]{2,}|"
                    r"(?:Ủy|Uỷ) ban (?:liên hợp|hỗn hợp)|[Jj]oint [Cc]ommission|"
                    # ("the 11th Bilateral Meeting between the two coast guards", "the 7th A-B
                    # Ministerial Council Meeting", "a Joint Committee's meeting": a standing
                    # body of the two sides, numbered by its meetings)
                    r"[Bb]ilateral [Mm]eeting|[Mm]inisterial [Cc]ouncil|[Jj]oint [Cc]ommittee|"
                    r"[Cc]oordination [Gg]roup|"
                    # ("Phiên họp lần thứ 5 của Nhóm công tác chung A - B": a joint working
                    # group's numbered session, x-series)
                    r"[Nn]hóm [Cc]ông tác (?:chung|liên hợp|hỗn hợp)|[Jj]oint [Ww]orking [Gg]roup|"
                    # ("the 27th Review of the Joint A-B Working Committee Meeting on …": a
                    # working committee of the two, x-en6)
                    r"[Ww]orking [Cc]ommittee|[Ww]orking [Gg]roup|"
                    # ("Ủy ban Biên giới chung (GBC)", "the General / Regional Border Committee",
                    # "the Border Coordination Conference": two neighbours' border committee,
                    # x-world7 pages 002, 003, 010)
                    r"(?:Ủy|Uỷ) ban [Bb]iên giới|[Bb]order [Cc]ommittee|[Bb]order [Cc]oordination",
                    named,
                )
            )
            return "dialogue" if bilateral else "meeting"
        return self.kind

    def add(self, info: SentenceInfo) -> None:
        if all(i.sentence.start != info.sentence.start for i in self.sentences):
            self.sentences.append(info)


@dataclass(slots=True)
class Analysis:
    text: str
    language: str
    layout: Layout
    infos: list[SentenceInfo] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    variants: list[tuple[str, str]] = field(default_factory=list)
    engagements: list[Engagement] = field(default_factory=list)
    published: date | None = None
    # the publication date is only the story's own latest date (no byline, no date in the
    # address): the page was written on or after it, so a day told after it is no plan
    published_bound: bool = False
    home: str = "VN"
    foreign: str | None = None
    inferred_orgs: list[Mention] = field(default_factory=list)
    url: str | None = None  # where the article was published: its site's country
    home_from_site: bool = False  # the home side is the country of the site it was published on


def another_time(e: Engagement, info: SentenceInfo) -> bool:
    """ "Last month, X held meetings with … in Washington", "In July 2017, Prime Minister Y
    announced …": a later sentence dated otherwise than the engagement (another day, month or
    weekday, or a time counted back) tells another time: neither its place nor its people are
    this engagement's."""
    # (before the dates pass: the first date of the engagement's own sentence)
    own = e.date or next((d for d in e.info.dates if d.excluded is None), None)
    for d in info.dates:
        if d.excluded is not None or d.day_offset == 0:
            continue  # "the same day": this one's
        if own is None:
            return d.month_offset is not None or d.week is not None
        if (d.day, d.month, d.weekday, d.month_offset) != (
            own.day,
            own.month,
            own.weekday,
            own.month_offset,
        ):
            return True
    return False


def counterpart_key(e: Engagement) -> str | int | None:
    """Who an engagement is with: the person met, else the organisation met."""
    if e.counterpart_person is not None:
        return e.counterpart_person
    return e.counterpart.key if e.counterpart else None


def span_of(text: str, s: Sentence, m: re.Match[str] | None) -> Span | None:
    """The span of a match made on a slice of the text, found again in the sentence."""
    if m is None:
        return None
    # matches come from a slice of the text; find the phrase in the sentence
    at = text.find(m.group(), s.start, s.end)
    return (at, at + len(m.group()), m.group()) if at >= 0 else None


HOME = "VN"  # the archive follows Vietnam's Ministry of Public Security first
