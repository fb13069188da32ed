"""The analysis of an article as named passes, run in this order over one `Analysis`.

Each pass reads what the passes before it left in the analysis and adds to it; the order is the
contract (docs/extract.md, "The passes"). A pass is a function of the analysis, so a new rule
goes into the pass whose question it answers, or into a new pass at the place its inputs exist.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from events.countries import INTERNATIONAL
from timeline.extract import languages
from timeline.extract.dates import filing_day, find_dates
from timeline.extract.gazetteer import (
    COUNTRY,
    Mention,
    find_organisations,
    find_places,
    find_regions,
    learn_abbreviations,
    share_list_country,
    site_country,
)
from timeline.extract.model import HOME, Analysis, SentenceInfo
from timeline.extract.passes import (
    dating,
    framing,
    nesting,
    placing,
    roles,
    sides,
    subjects,
    travellers,
)
from timeline.extract.passes.attendance import attendance_trips, delegations_to_events
from timeline.extract.passes.back_references import pronoun_subjects, title_references
from timeline.extract.passes.engagements import find_engagements
from timeline.extract.passes.greetings import greeting_dates, tet_year
from timeline.extract.passes.leads import date_from_byline, lead_engagement
from timeline.extract.passes.participants import add_participants
from timeline.extract.passes.sentences import (
    represented_by,
    resolve_generic_orgs,
    short_references,
)
from timeline.extract.passes.series import (
    dates_named_together,
    name_series,
    places_named_together,
)
from timeline.extract.people import (
    Person,
    PersonMention,
    ends_with_title,
    find_people,
    foreign_post,
    is_vietnamese_name,
    merge,
)
from timeline.extract.segment import BODY, CAPTION, Layout


@dataclass(frozen=True, slots=True)
class Pass:
    name: str
    run: Callable[[Analysis], None]


def read_sentences(a: Analysis) -> None:
    """Places, organisations, people and dates of each sentence of the story and its captions;
    abbreviations the article defines (`Full Name (ABBR)`) are learnt from the story first."""
    text = a.text
    story_end = a.layout.end_mark if a.layout.end_mark is not None else len(text)
    learnt = learn_abbreviations(text[:story_end])
    read = [x for x in a.layout.sentences if x.role in (BODY, CAPTION)]
    found = [find_organisations(text, a.language, s.start, s.end, learnt) for s in read]
    named = [o for orgs in found for o in orgs]
    for s, orgs in zip(read, found, strict=True):
        orgs = _named_in_full(orgs, named)
        regions = find_regions(text, s.start, s.end)
        # "Thái Bình Dương" (the Pacific) holds "Bình Dương", a province: the region wins
        places = [
            p
            for p in find_places(text, s.start, s.end)
            if not any(r.start <= p.start and p.end <= r.end for r in regions)
            and not _ends_a_titled_name(text, p, a.language)
        ]
        if a.language == "vi":
            orgs = share_list_country(text, orgs, places)
        people = find_people(text, s.start, s.end, a.language, orgs + places + regions)
        dates = find_dates(text, a.language, s.start, s.end)
        a.infos.append(SentenceInfo(s, places, orgs, people, dates))


# "President Xi Jinping": a title, a given name, then the place's word (x-people7: `Jinping`, a
# county of Yunnan, placed an FBI Director's meeting in Beijing; 1 of 16 pages, a shape any
# page that names a leader so can print)
_GIVEN = re.compile(r"([^\W\d_][\w'’-]*)\s+$")


def _ends_a_titled_name(text: str, place: Mention, language: str) -> bool:
    """Is the place the last word of a person's name written after a title (`President Xi |
    Jinping`), so no place at all? Not a country's name, nor after an acronym: `Thư ký GBC Thái
    Lan` is the secretary of Thailand's side of a committee (x-noise7 page 004: read as a person
    named "Thái Lan", a Thai–Cambodian meeting was drafted as Vietnam's)."""
    if place.kind == COUNTRY:
        return False
    given = _GIVEN.search(text, max(0, place.start - 40), place.start)
    if given is None or not given.group(1)[0].isupper() or given.group(1).isupper():
        return False
    before = text[: given.start()].rstrip()
    return ends_with_title(text, len(before), language) and not before.endswith(",")


def _named_in_full(orgs: list[Mention], named: list[Mention]) -> list[Mention]:
    """ "the Coast Guard" on a page that named the "Philippine Coast Guard" before: the agency
    named in full, not the one the bare name stands for elsewhere (x-en6: a Philippine coast
    guard's commandant was read as American). Agencies only, and one full name only."""
    out = []
    for o in orgs:
        fuller = {
            f.key: f
            for f in named
            if f.start < o.start
            and f.key != o.key
            and f.country
            and o.org_kind == f.org_kind == "agency"
            and f.text.endswith(" " + o.text)
        }
        if len(fuller) == 1:
            (f,) = fuller.values()
            o = replace(o, key=f.key, country=f.country, abbreviation=f.abbreviation)
        out.append(o)
    return out


def merge_people(a: Analysis) -> None:
    """Short references (`Kershaw`, `Thứ trưởng Hùng`) found and joined to the person named in
    full, and titles alone (`the Commissioner`) to the one person so titled; spelling variants
    merged; a short reference takes the full name's country."""
    short_references(a.text, a.infos)
    represented_by(a.text, a.infos)
    a.persons, a.variants = merge([p for i in a.infos for p in i.people])
    title_references(a.text, a.infos, a.persons, a.language)
    pronoun_subjects(a.text, a.infos, a.persons, a.language)
    for person in a.persons:
        full = next((m for m in person.mentions if m.country), None)
        for m in person.mentions:
            if m.country is None and full is not None:
                m.country = full.country
        if a.language == "vi":
            _stated_abroad(a.text, person)
            _home_official(a.text, person)
    travellers.travellers_abroad(a.text, a.infos)


def _stated_abroad(text: str, person: Person) -> None:
    """A Chinese official written the Vietnamese way ("Vương Tiểu Hồng, … Bộ trưởng Bộ Công an
    Trung Quốc") is later "Bộ trưởng Vương Tiểu Hồng", read as Vietnam's by the look of the
    name: the country the person's agency states, or a post only that country has ("Ủy viên
    Quốc vụ viện"), stands for the bare mentions too (x-people pages 002 and 005: the Chinese
    ministers were Vietnam's in their talks). A country written in the mention's title stands
    too ("Ngoại trưởng Trung Quốc Vương Nghị", later "Ngoại trưởng Vương Nghị": x-world7 page
    009 drafted the retold talks with Vietnam as host)."""
    stated = next(
        (
            m
            for m in person.mentions
            if (
                m.organisation is not None
                and m.organisation.country not in (None, HOME)
                and m.country == m.organisation.country
            )
            or (m.country is not None and m.country == foreign_post(m))
        ),
        None,
    ) or next((m for m in person.mentions if _country_in_words(text, m)), None)
    if stated is None:
        return
    for m in person.mentions:
        if m.country == HOME and m.organisation is None:
            m.country = stated.country


def _country_in_words(text: str, m: PersonMention) -> bool:
    """The mention's own words name its foreign country ("Ngoại trưởng Trung Quốc Vương Nghị")."""
    if m.country in (None, HOME):
        return False
    words = find_places(text, m.extent[0], m.extent[1])
    return any(p.kind == COUNTRY and p.key == m.country for p in words)


def _home_official(text: str, person: Person) -> None:
    """A Vietnamese-named official whose mentions are elsewhere Vietnam's is not of the foreign
    country a sentence names beside an agency with no country ("đại tướng A, Bộ trưởng Bộ Quốc
    phòng, tiếp đoàn Bộ Quốc phòng Trung Quốc": A is Vietnam's minister, not China's;
    the reception had him as the guest). A country stated in the mention's own words, or by its
    agency, stands ("Bộ trưởng Công an Trung Quốc Triệu Khắc Chí")."""
    if not is_vietnamese_name(person.name) or not any(m.country == HOME for m in person.mentions):
        return
    if any(foreign_post(m) for m in person.mentions):
        return  # "Ủy viên Quốc vụ viện": China's, though the ministry names no country
    for m in person.mentions:
        if m.country in (None, HOME):
            continue
        if m.organisation is not None and m.organisation.country is not None:
            return
        words = find_places(text, m.extent[0], m.extent[1])
        if any(p.kind == COUNTRY and p.key == m.country for p in words):
            return
    for m in person.mentions:
        m.country = HOME


def choose_sides(a: Analysis) -> None:
    """The home side (Vietnam, whenever it is named or the article is Vietnamese; else the
    country of the site it was published on, when the page names it or the site is a
    government's own; else the country named most) and the most named foreign country;
    ministries named without a country resolved from their holders."""
    counts = Counter(
        c
        for i in a.infos
        for c in [e.key for e in i.places if e.kind == COUNTRY]
        + [o.country for o in i.orgs if o.country]
        + [p.country for p in i.people if p.country]
    )
    site, official = site_country(a.url)
    datelined = placing.dateline_city(a.text, a.layout.tag)
    # ("ISLAMABAD -" on a Pakistani paper's page: it writes from home)
    at_home = datelined is not None and datelined.country == site
    if counts.get(HOME) or a.language == "vi":
        a.home = HOME
    elif site and (
        official
        or counts.get(site)
        or _unnamed_subjects(a.infos)
        or at_home
        or _ministry_without_country(a.infos)
    ):
        # "met yesterday with X, who is visiting the country" on a ministry's own site, a
        # Cambodian outlet's page about Cambodia and Thailand, a Pakistani paper's "Interior
        # Minister X met …": the publisher's side is home (not a paper's foreign news)
        a.home, a.home_from_site = site, True
    elif datelined is not None and _home_by_dateline(a, counts, datelined.country):
        # "KUWAIT - Acting Undersecretary of the Ministry of Interior X met … a delegation from
        # the Saudi Ministry of Interior": a wire story filed from home names its own officials
        # by office alone, the foreigners by country (x-world2 pages 001, 004, 006)
        a.home = datelined.country
        titled_at_home(a.infos, a.persons, a.home)
    elif counts.get(INTERNATIONAL, 0) and len(counts) > 1:
        del counts[INTERNATIONAL]  # Interpol named most is no page's home side
        a.home = counts.most_common(1)[0][0]
    else:
        a.home = (counts.most_common(1) or [(HOME,)])[0][0]
    a.foreign = next((c for c, _ in counts.most_common() if c != a.home), None)
    a.inferred_orgs = resolve_generic_orgs(a.text, a.infos, a.persons, a.home, a.foreign)
    if a.home_from_site and site != HOME:
        titled_at_home(a.infos, a.persons, site)
    travellers.travellers_abroad(a.text, a.infos)


def _ministry_without_country(infos: list[SentenceInfo]) -> bool:
    """ "The delegation was headed by the General Commander of Civil Defence at the Ministry of
    Interior" on a Gulf paper's page: a ministry named without a country is the publisher's
    own (x-recall3 027: the most named country, the one visited, took it)."""
    return any(o.org_kind == "ministry" and o.country is None for i in infos for o in i.orgs)


# the national agencies whose copy, filed from home, names their own officials by office alone
_NATIONAL_AGENCY = re.compile(
    r"\b(?:WAM|KUNA|SPA|QNA|BNA|ONA|APP|PTI|Xinhua|Yonhap|Kyodo|Kazinform|KAZINFORM|AKIpress|"
    r"Trend|Bernama|Antara|IRNA|MENA|Petra|SANA|NAN|KNA|BSS|UNB)\b"
)


def _home_by_dateline(a: Analysis, counts: Counter[str], dated: str) -> bool:
    """A story filed from a country whose officials open a sentence by office alone is that
    country's when the story never names it (x-world2 page 001: `KUWAIT - Acting Undersecretary
    of the Ministry of Interior X met … a delegation from the Saudi Ministry of Interior`, the
    Kuwaiti ministry read as Saudi), or when a national agency files it (page 006, WAM) or the
    dateline spells out its country (page 004, `Doha, Qatar:`). A paper's city alone does not
    decide: an Indian paper's `NEW DELHI:` page on a Nepali delegation keeps the most named
    country (x-facts 015, whose visit lost its travellers)."""
    if not _unnamed_subjects(a.infos) or a.layout.tag is None:
        return False
    if not counts.get(dated):
        return True
    tag = a.text[a.layout.tag[0] : a.layout.tag[1]]
    # ("Doha, Qatar: The Minister of Interior …": a dateline that spells out its country)
    spelt = any(p.kind == COUNTRY and p.key == dated for p in find_places(tag))
    return bool(_NATIONAL_AGENCY.search(tag) or spelt)


def _unnamed_subjects(infos: list[SentenceInfo]) -> list[PersonMention]:
    """The officials opening a sentence with a title and no country (`Interior Minister X on
    Friday met …`), as a paper writes its own side's."""
    found = []
    for info in infos:
        first = min(info.people, key=lambda p: p.start, default=None)
        if first is None or first.country is not None or not first.titles:
            continue
        # the sentence's subject: at its start, or after an opening phrase and its comma
        # ("On Friday, Interior Minister X met …"), not an object ("He met Commissioner X")
        opening = info.sentence.text[: first.extent[0] - info.sentence.start]
        if _OPENING.fullmatch(opening):
            found.append(first)
    return found


# ("Chief Security Minister Wiranto met …": words of the office the title lexicon lacks)
_OPENING = re.compile(r"\s*(?:[^,.;:]{1,60},\s*)?(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){0,3}")


def titled_at_home(infos: list[SentenceInfo], persons: list[Person], home: str) -> None:
    """On a page of the home side's own outlet, an official opening a sentence with a title and
    no country (`Interior Minister X met …`) is the home side's: the press names foreigners'
    countries."""
    subjects = {id(m) for m in _unnamed_subjects(infos)}
    for person in persons:
        # an international body's own site names its head by office alone ("Secretary
        # General X met …"): the head is the body's, the side it is
        head = home == INTERNATIONAL and any(
            _BODY_HEAD.search(t[2]) for m in person.mentions for t in m.titles
        )
        if person.country is None and (head or any(id(m) in subjects for m in person.mentions)):
            for m in person.mentions:
                m.country = home


_BODY_HEAD = re.compile(r"^(?:Deputy\s+|Executive\s+)?(?:Secretary[- ]General|Director)$", re.I)


def find(a: Analysis) -> None:
    """Engagements sentence by sentence (passes/engagements.py), then trips told by attending
    an event abroad, with their heads."""
    a.engagements = find_engagements(a.text, a.infos, a.persons, a.language, a.home)
    travellers.premises_called_at(a.text, a.engagements)
    nesting.one_per_trigger(a.engagements)
    for trip in attendance_trips(a.text, a.infos, a.engagements, a.home, a.language):
        add_participants(a.text, trip.info, trip, a.language)  # "do X làm Trưởng đoàn"


def date_them(a: Analysis) -> None:
    """Each date to its engagement; a trip's length; days told later; old news as context.
    Days are counted from the day the story was filed (a wire dateline's, when the page
    republishes it a day or more later), how old news is from the page's date."""
    filed = filing_day(a.text, a.published)
    dating.date_engagements(a.engagements, a.infos, filed, a.language)
    dating.series_dates_told_later(a.text, a.engagements, filed, a.language)
    dating.date_from_retelling(a.engagements, a.infos, filed, languages.get(a.language))
    dating.date_from_meeting_noun(a.engagements, a.infos, filed)
    dating.lead_dates(a.engagements, a.infos, filed)
    dating.dates_told_before(a.engagements, a.infos, filed)
    dating.dates_referred_back(a.engagements)
    dating.one_verb_one_date(a.engagements)
    dates_named_together(a.engagements)
    for e in greeting_dates(a.engagements):
        # the Tết the page names, else the byline's month as for the lead pass's undated drafts
        # (read-n: 2 pages' greeting visits dated by "Tết Nguyên đán … 2026" only)
        tet_year(a.text, e, a.published) or date_from_byline(a, e)
    dating.trip_lengths(a.text, a.engagements)
    dating.closing_days(a.text, a.engagements)
    dating.days_told_later(a.engagements, filed)
    dating.dateline_days(a.text, a.engagements, a.published)
    dating.earlier_occasions(a.text, a.engagements)
    dating.earlier_trips(a.engagements)
    dating.old_news(a.engagements, a.published, bound=a.published_bound)
    dating.sessions_of_past_trips(a.text, a.engagements)
    framing.leaders_visits(a.text, a.engagements)


def delegations(a: Analysis) -> None:
    """After the dates: a delegation to an event abroad, whose sentence's dates tell the
    speaker's other news."""
    delegations_to_events(a.text, a.infos, a.engagements, a.language)


def nest(a: Analysis) -> None:
    """Sessions linked to the trip they are part of."""
    nesting.link_parts(a.engagements)


def place_them(a: Analysis) -> None:
    """Places: the engagement's own, its trip's dates and place for a session without them,
    the story's place for a meeting told without one. First, the officials an envoy meets are
    of the country the envoy is posted to (the dateline's place takes their country)."""
    datelined = placing.dateline_city(a.text, a.layout.tag)
    posted = datelined.country if datelined else (a.home if a.home_from_site else None)
    sides.envoys_hosts(a.text, a.engagements, a.persons, posted)
    placing.place_engagements(a.text, a.engagements)
    travellers.sessions_at_the_destination(a.text, a.engagements)
    placing.place_from_retelling(a.text, a.engagements, languages.get(a.language).meet)
    placing.place_from_lead(a.text, a.engagements, a.infos)
    placing.place_from_caption(a.text, a.engagements, a.infos)
    placing.place_after_the_welcome(a.text, a.engagements, a.infos)
    placing.place_from_meeting_noun(a.text, a.infos, a.engagements)
    placing.place_of_the_gathering(a.text, a.engagements, a.infos)
    placing.one_verb_one_place(a.engagements)
    places_named_together(a.engagements)
    dating.inherit_dates(a.engagements)
    placing.inherit_places(a.engagements)
    placing.place_from_story(a.engagements)
    language = languages.get(a.language)
    placing.place_from_dateline(a.text, a.layout.tag, a.engagements, language.here)


def name_sides(a: Analysis) -> None:
    """Series names, host and guest countries, and a delegation's visit to its own mission."""
    name_series(a.engagements)
    # (the traveller of `During the visit to Tokyo, X met Y` is no host, so of no host's side)
    travellers.travellers_are_guests(a.text, a.engagements)
    # between two other countries, a page of one side's outlet: a name says nothing of a side
    abroad = a.home_from_site and a.home != HOME
    if not abroad:
        sides.unknown_from_foreign(a.engagements, a.home, a.foreign)
    sides.assign_countries(a.engagements, a.home, ours_unnamed=abroad)
    sides.own_missions(a.engagements)
    sides.own_mission_visitors(a.engagements)
    sides.mission_staff_met(a.engagements)
    sides.hosts_without_place(a.engagements, a.text)
    sides.envoy_met_alone(a.engagements, a.home, a.foreign)
    sides.delegation_of_the_story(a.engagements, a.home, a.home_from_site)
    sides.national_delegation_met(a.engagements)
    sides.visitors_of_the_story(a.engagements, a.infos)
    sides.callers_of_the_story(a.text, a.engagements, a.infos)
    sides.sides_of_the_delegation(a.engagements)
    sides.hosted_by_the_site(a.engagements, a.home, a.home_from_site)
    sides.hosted_series(a.engagements, a.text)
    sides.remote_hosts(a.engagements, a.home)
    sides.sideline_hosts(a.engagements, a.home)
    if a.language == "vi":
        sides.reception_hosts(a.engagements, a.home, a.language)
    sides.at_their_mission(a.engagements, a.infos, a.text, a.home)
    sides.place_from_host(a.engagements)
    if placing.one_verb_one_place(a.engagements):
        # the hosts of the list's other meetings
        sides.assign_countries(a.engagements, a.home, ours_unnamed=abroad)
    sides.dialogue_place_from_days(a.engagements)
    sides.receivers_of_the_host(a.engagements)
    sides.multilateral(a.engagements, a.text)


def assign_roles(a: Analysis) -> None:
    """Roles by side (host, guest, co-chairs), a trip's head from its sessions and back; first,
    a meeting told in general words merged into the one meeting of its sides that names whom."""
    nesting.forget_past_clauses(a.text, a.engagements)
    nesting.merge_unnamed_retellings(a.engagements, a.home)
    nesting.merge_co_chaired_meetings(a.engagements)
    roles.travellers_of_past_trips(a.engagements)
    roles.roles_by_side(a.engagements, a.text)
    roles.own_meeting_of_a_list(a.engagements)
    roles.met_at_their_own_meeting(a.engagements)
    roles.co_chaired_committees(a.engagements)
    roles.dialogue_chairs(a.engagements)
    roles.hosted_dialogues(a.engagements, a.text)
    roles.counterpart_hosts(a.engagements)
    roles.head_from_sessions(a.engagements)
    roles.heads_in_parts(a.engagements)
    roles.received_delegations(a.engagements)
    travellers.travellers_are_guests(a.text, a.engagements)
    travellers.framed_by_anothers_trip(a.text, a.engagements)
    travellers.delegation_level_heads(a.text, a.engagements)
    travellers.companions_attend(a.text, a.engagements)
    travellers.signatories_by_side(a.text, a.engagements)
    a.engagements = travellers.trips_of_one_call(travellers.retold_by_its_pair(a.engagements))
    nesting.lead_tells_first(a.engagements, a.infos)
    nesting.drop_allusions(a.engagements)
    nesting.drop_lead_retold(a.engagements)
    # (last: dated earlier, a meeting told only as where remarks were made was taken for a
    # session of the trip alluded to that day, and took its sides)
    dating.remarks_dated(a.engagements, a.infos, filing_day(a.text, a.published))


def summarise(a: Analysis) -> None:
    """Topics discussed and the organisations each engagement involves."""
    subjects.find_subjects(a.text, a.engagements, a.language)
    for e in a.engagements:
        e.organisations = subjects.organisations_met(e)


PASSES: list[Pass] = [
    Pass("sentences", read_sentences),
    Pass("people", merge_people),
    Pass("sides", choose_sides),
    Pass("engagements", find),
    Pass("dates", date_them),
    Pass("lead", lead_engagement),
    Pass("delegations", delegations),
    Pass("nesting", nest),
    Pass("places", place_them),
    Pass("countries", name_sides),
    Pass("roles", assign_roles),
    Pass("subjects", summarise),
]


def analyse(
    text: str,
    layout: Layout,
    language: str,
    published: date | None,
    url: str | None = None,
    *,
    published_bound: bool = False,
) -> Analysis:
    """The article's engagements with every fact and the spans supporting it; `url`, where it
    was published, tells the publisher's country; `published_bound`, that the publication date
    is only the story's own latest date."""
    analysis = Analysis(
        text, language, layout, published=published, url=url, published_bound=published_bound
    )
    for step in PASSES:
        step.run(analysis)
    return analysis
