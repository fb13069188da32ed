"""The Office of the Historian's visits and travels (history.state.gov, public domain) as
engagements: visits to the United States by foreign leaders, and trips abroad by US presidents
and secretaries of state.

`read(folder)` reads and validates every record and returns a `Batch` of engagements, with what
it merged and skipped; `Archive.append(batch.records)` records them in one transaction. Nothing is
fetched: a record's source text is its serialised XML fields (`document_text`), so every quote and
offset can be reproduced from the data alone. The mapping rules are in docs/import.md."""

from __future__ import annotations

import csv
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse as parse_xml
from pydantic import ValidationError

from events import EngagementFacts, Evidence, Participant, Place, Source, When, country
from events import describe_validation_error as describe
from timeline.errors import ImportDataError
from timeline.importers import batch
from timeline.text import slugify

# What `timeline import --help` lists (the first line), and `timeline import historyatstate --help`.
DESCRIPTION = """The Office of the Historian's visits and travels (DIR holds visits/ and travels/).

Records of one visit under two ids are recorded once, with both as sources."""
# What `timeline import historyatstate` reads: the folder of the data's repository.
SOURCE = "DIR"

PUBLISHER = "Office of the Historian, U.S. Department of State"
SITE = "https://history.state.gov/departmenthistory"
DOCUMENT_PREFIX = "historyatstate"
US = "US"

# What a role code of the travels' code table makes of a traveller, as a title at the time.
ROLE_TITLES = {"president": "President of the United States", "secretary": "Secretary of State"}
# Fields that are record-keeping, not content: two records that differ only here are one trip.
BOOKKEEPING = {
    "id",
    "created-by",
    "created-datetime",
    "last-modified-by",
    "last-modified-datetime",
}
# What a record says happened; the other fields say who went where and when.
NARRATIVE = ("description", "remarks")


@dataclass(frozen=True)
class Entry:
    """One <visit> or <trip> as read: its text fields (whitespace collapsed) and where it is."""

    collection: str  # "visits" or "travels"
    file: str
    id: str
    fields: dict[str, str]

    @property
    def document(self) -> str:
        return f"{DOCUMENT_PREFIX}-{self.collection}-{self.id}"

    def visit_key(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        """Who went where and when: two records with the same key tell one visit or trip."""
        kept = {k: v for k, v in self.fields.items() if k not in BOOKKEEPING | set(NARRATIVE)}
        return self.collection, tuple(sorted(kept.items()))

    @property
    def narrative(self) -> str:
        return self.fields.get(NARRATIVE[0] if self.collection == "visits" else NARRATIVE[1], "")

    def error(self, field: str, message: str) -> ImportDataError:
        return ImportDataError(self.file, f"{field}: {message}", record=self.id)


@dataclass(frozen=True)
class Merge:
    """Records that tell one visit or trip: word for word (`identical`), or each with remarks
    of its own."""

    slug: str
    documents: list[str]
    identical: bool

    def describe(self) -> str:
        how = "the same content" if self.identical else "the same visit, with other remarks"
        return f"{self.slug} ({', '.join(self.documents)}): {how}"


@dataclass
class Batch(batch.Batch):
    """What `read` made of a folder: the engagements, and what it merged or skipped; the records
    read are visits or trips."""

    visits: int = 0
    trips: int = 0

    def what_was_read(self) -> str:
        return f"{self.read} read ({self.visits} visits, {self.trips} trips)"


# --- country slugs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SlugRule:
    code: str
    before: date | None
    note: str


@cache
def country_table() -> dict[str, list[SlugRule]]:
    """The shipped table of country slugs to codes (timeline/data/historyatstate_countries.tsv)."""
    text = resources.files("timeline").joinpath("data/historyatstate_countries.tsv").read_text()
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")),
                          delimiter="\t")  # fmt: skip
    table: dict[str, list[SlugRule]] = {}
    for row in rows:
        before = date.fromisoformat(row["before"]) if row["before"] else None
        table.setdefault(row["slug"], []).append(SlugRule(row["code"], before, row["note"]))
    return table


def country_code(slug: str, on: date) -> SlugRule | None:
    """The rule that gives a country slug's code for an engagement starting on `on`."""
    for rule in country_table().get(slug, []):
        if rule.before is None or on < rule.before:
            return rule
    return None


# --- reading the XML -------------------------------------------------------------------------


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _parse(path: Path) -> ET.Element:
    try:
        return parse_xml(path).getroot()
    except DefusedXmlException as e:
        # Entities can expand without bound or reach outside the file: the data has none.
        raise ImportDataError(
            str(path), f"refused: it declares XML entities ({type(e).__name__})"
        ) from None
    except ET.ParseError as e:
        line, column = e.position
        message = str(e).split(":")[0]
        raise ImportDataError(
            str(path), f"malformed XML at line {line}, column {column}: {message}"
        ) from None
    except OSError as e:
        raise ImportDataError(str(path), f"cannot be read: {e.strerror}") from None


def _entries(path: Path, collection: str, tag: str, country_tag: str) -> Iterator[Entry]:
    root = _parse(path)
    for position, element in enumerate(root.iter(tag), 1):
        fields = {child.tag: _text(child) for child in element}
        record = fields.get("id") or f"#{position}"
        if not re.fullmatch(r"\d+", record):
            raise ImportDataError(str(path), "id: missing or not a number", record=record)
        country_element = element.find(country_tag)
        fields["country-slug"] = (
            country_element.get("id", "") if country_element is not None else ""
        )
        for attribute in ("who", "role"):
            if element.get(attribute):
                fields[f"@{attribute}"] = element.get(attribute, "")
        yield Entry(collection, str(path), record, fields)


def _files(folder: Path) -> tuple[list[Path], list[Path]]:
    if not folder.is_dir():
        what = "not a folder" if folder.exists() else "no such folder"
        raise ImportDataError(str(folder), what)
    visits = sorted((folder / "visits" / "data").glob("*.xml"))
    travels = sorted(folder.glob("travels/*-travels/*.xml"))
    if not visits and not travels:
        raise ImportDataError(
            str(folder),
            "no visits/data/*.xml nor travels/*-travels/*.xml here (expected a checkout of the "
            "Office of the Historian's visits and travels)",
        )
    return visits, travels


def _presidents(folder: Path) -> dict[str, str]:
    path = folder / "travels" / "presidents" / "presidents.xml"
    if not path.is_file():
        return {}
    return {_text(p.find("id")): _text(p.find("name")) for p in _parse(path).iter("president")}


def _role_codes(folder: Path) -> dict[str, str]:
    path = folder / "travels" / "code-tables" / "travel-role-codes.xml"
    if not path.is_file():
        return {code: code.title() for code in ROLE_TITLES}
    return {_text(i.find("value")): _text(i.find("label")) for i in _parse(path).iter("item")}


def entries(folder: str | Path) -> Iterator[Entry]:
    """Every record of the folder's visits and travels, in file order."""
    visits, travels = _files(Path(folder))
    for path in visits:
        yield from _entries(path, "visits", "visit", "from")
    for path in travels:
        yield from _entries(path, "travels", "trip", "country")


# --- the source text -------------------------------------------------------------------------

VISIT_LINES = ["visitor", "from", "start-date", "end-date", "description"]
TRIP_LINES = ["name", "role", "country", "locale", "start-date", "end-date", "remarks"]


def document_text(entry: Entry) -> tuple[str, dict[str, tuple[int, int]]]:
    """A record's source text, and where each field's value stands in it.

    One line a field, `name: value`, values with their whitespace collapsed, after a line that
    says which list and record it is; a country is followed by its slug in brackets."""
    if entry.collection == "visits":
        head = f"Office of the Historian: visits to the United States by foreign leaders, record {entry.id}"  # noqa: E501
        lines = VISIT_LINES
    else:
        head = f"Office of the Historian: travels abroad of the President and the Secretary of State, record {entry.id}"  # noqa: E501
        lines = TRIP_LINES
    text, spans = head, {"head": (0, len(head))}
    for key in lines:
        value = entry.fields.get(key, "")
        text += f"\n{key}: "
        spans[key] = (len(text), len(text) + len(value))
        text += value
        if key in ("from", "country"):
            text += f" ({entry.fields['country-slug']})"
    return text + "\n", spans


# --- mapping ---------------------------------------------------------------------------------

_TITLE_WORDS = [
    "Prime Mini?ste?re?", "President", "Premier", "Vice Premier", "Chancellor",
    "Federal Chancellor", "King", "Queen", "Emperor", "Empress", "Shah", "Amir", "Emir", "Sultan",
    "Crown Prince",
    "Crown Princess", "Prince", "Princess", "Grand Duchess", "Grand Duke", "Governor[- ]General",
    "General Secretary", "First Secretary", "Secretary General", "Chairman of the Presidency",
    "Chairman", "Chief of State", "Head of State", "Junta Member", "Regent", "Pope", "Taoiseach",
    "Brigadier General", "Lieutenant General", "General", "Field Marshal", "Marshal",
]  # fmt: skip
_QUALIFIED = r"(?:(?:Acting|Interim|Provisional|Deputy|First Deputy|Vice) )?"
_ONE_TITLE = (
    _QUALIFIED
    + "(?:"
    + "|".join(sorted(_TITLE_WORDS, key=len, reverse=True))
    + r")(?:\s*-\s*(?:[Ee]lect|designate))?"
)
_TITLE = re.compile(rf"^(?P<title>{_ONE_TITLE}(?:(?: and |-){_ONE_TITLE})*)(?:\s+|(?=[A-Z])|$)")
# Where a visitor line names a second person: before a title, after `and` or a comma.
_SEPARATOR = re.compile(rf"(?:,| and)\s+(?={_ONE_TITLE}\b)")
_SUFFIX = re.compile(r"^(?:jr\.?|sr\.?|[ivx]+|\d+(?:st|nd|rd|th))$", re.IGNORECASE)


def _clean_title(title: str) -> str:
    title = re.sub(r"Prime Mini?ste?re?", "Prime Minister", title)
    return re.sub(r"\s*-\s*([Ee]lect|designate)", lambda m: f"-{m[1].lower()}", title)


def split_visitors(visitor: str) -> list[tuple[str | None, str]]:
    """`Prime Minister Harold Wilson` -> [("Prime Minister", "Harold Wilson")]; a line naming
    two people (`President X and Prime Minister Y`) gives both; a name alone has no title."""
    people: list[tuple[str | None, str]] = []
    pending = ""  # a title standing alone belongs with the next part: `Premier and Prince X`
    for part in _SEPARATOR.split(visitor):
        part = f"{pending} and {part}" if pending else part
        m = _TITLE.match(part)
        name = part[m.end() :].strip() if m else part.strip()
        if m and not name:
            pending = part
            continue
        pending = ""
        people.append((_clean_title(m["title"]) if m else None, name))
    if pending:
        people.append((None, pending))
    return people


def surname(name: str) -> str:
    words = [w for w in re.split(r"[\s,]+", name) if w]
    kept = [w for w in words if not _SUFFIX.match(w)] or words
    # A name of no Latin letters or digits even when transliterated still needs a slug part.
    return (slugify(kept[-1]) if kept else "") or "x"


def cities(locale: str) -> list[str]:
    """`Hanoi, Ho Chi Minh City` -> [Hanoi, Ho Chi Minh City]; a bracketed region or former name
    (`Halifax (Nova Scotia)`, `Mumbai (Bombay)`) is not a city."""
    bare = re.sub(r"\s*\([^)]*\)", "", locale)
    return [c.strip() for c in bare.split(",") if c.strip()]


def _date(entry: Entry, name: str) -> date:
    value = entry.fields.get(name, "")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise entry.error(name, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _when(entry: Entry) -> When:
    start, end = _date(entry, "start-date"), _date(entry, "end-date")
    if end < start:
        raise entry.error("end-date", f"{end} is before start-date {start}")
    return When(start=start, end=end, precision="day" if start == end else "range")


def _country(entry: Entry, on: date) -> SlugRule:
    slug = entry.fields["country-slug"]
    where = "from@id" if entry.collection == "visits" else "country@id"
    if not slug:
        raise entry.error(where, "missing country slug")
    rule = country_code(slug, on)
    if rule is None:
        raise entry.error(
            where,
            f"unknown country slug {slug!r} (add it to timeline/data/historyatstate_countries.tsv)",
        )
    return rule


def _source(entry: Entry, quote_field: str) -> Source:
    text, spans = document_text(entry)
    start, end = spans[quote_field]
    if start == end:  # an empty description: the visitor or traveller line reports the visit
        start, end = spans["visitor" if entry.collection == "visits" else "name"]
    created = entry.fields.get("created-datetime", "")[:10]
    page = (
        f"{SITE}/visits/{entry.fields['country-slug']}"
        if entry.collection == "visits"
        else f"{SITE}/travels/{entry.fields.get('role', '')}/{entry.fields.get('@who', '')}"
    )
    return Source(
        document=entry.document,
        publisher=PUBLISHER,
        url=page,
        published=date.fromisoformat(created)
        if re.fullmatch(r"\d{4}-\d\d-\d\d", created)
        else None,
        language="en",
        quote=text[start:end],
        start=start,
        end=end,
    )


def _evidence(entry: Entry, field: str, quoted: str, note: str | None = None) -> Evidence | None:
    text, spans = document_text(entry)
    start, end = spans[quoted]
    if start == end:
        return None
    return Evidence(field=field, document=entry.document, quote=text[start:end], start=start,
                    end=end, inferred=note is not None, note=note)  # fmt: skip


def _country_evidence(entry: Entry, field: str, rule: SlugRule) -> list[Evidence]:
    quoted = "from" if entry.collection == "visits" else "country"
    slug = entry.fields["country-slug"]
    note = f"slug {slug!r} is {rule.code}: {rule.note}" if rule.note else None
    found = _evidence(entry, field, quoted, note)
    return [found] if found else []


_NEEDS_THE = re.compile(
    r"^(?:United|Soviet|Russian|Netherlands|Holy See|Czech Republic|Dominican Republic|Central "
    r"African|Democratic|State of|Federated|Republic|Gambia)|(?:Islands|ines|amas|ives|elles|oros)$"
)


def _short_name(code: str) -> str:
    """A country's name as a title runs: `the Soviet Union`, `the State of Palestine`."""
    name = country(code).name_en.split(" (")[0]
    if ", " in name:  # `Palestine, State of`
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}".removeprefix("The ")
    return f"the {name}" if _NEEDS_THE.search(name) else name


def visit_facts(entry: Entry) -> EngagementFacts:
    """A visit to the United States: the US hosts, the visitor's country is the guest."""
    when = _when(entry)
    rule = _country(entry, when.start)
    guest = rule.code
    visitor = entry.fields.get("visitor", "")
    if not visitor:
        raise entry.error("visitor", "missing")
    people = split_visitors(visitor)
    participants = [
        Participant(name=name, title=title, country=guest, role="guest") for title, name in people
    ]
    evidence = [
        e
        for e in [
            _evidence(entry, "participants", "visitor"),
            _evidence(entry, "host", "head", "The list holds visits to the United States."),
        ]
        if e
    ]
    evidence += _country_evidence(entry, "guests", rule)
    description = entry.fields.get("description") or None
    return EngagementFacts(
        slug=f"{guest}-{US}-visit-{when.start}-{surname(people[0][1])}".lower(),
        kind="visit",
        title=f"{visitor} ({_short_name(guest).removeprefix('the ')}) visits the United States",
        summary=description,
        date=when,
        place=Place(country=US),
        host=US,
        guests=[guest],
        participants=participants,
        sources=[_source(entry, "description")],
        evidence=evidence,
    )


def trip_facts(entry: Entry, presidents: dict[str, str], roles: dict[str, str]) -> EngagementFacts:
    """A trip abroad: the country visited hosts, the United States is the guest."""
    when = _when(entry)
    rule = _country(entry, when.start)
    host = rule.code
    role = entry.fields.get("role", "")
    if role not in roles:
        raise entry.error("role", f"unknown role code {role!r} (not in the travels' code table)")
    title = ROLE_TITLES.get(role, roles[role])
    who = entry.fields.get("@who", "")
    given = entry.fields.get("name", "")
    name = presidents.get(who) or re.sub(r"\s*\([^)]*\)", "", given).strip()
    if not name:
        raise entry.error("name", "missing")
    variants = [given] if given and given != name else []
    locale = entry.fields.get("locale", "")
    visited = cities(locale)
    place = Place(city=visited[0] if visited else None, country=host)
    evidence = [
        e
        for e in [
            _evidence(entry, "participants[0].title", "role",
                      f"The travels' role code {role!r} ({roles[role]}) is this title."),
            _evidence(entry, "place.city", "locale",
                      "The first of the places visited." if len(visited) > 1 else None),
        ]
        if e
    ]  # fmt: skip
    evidence += _country_evidence(entry, "host", rule)
    where = _short_name(host) + (f" ({', '.join(visited)})" if visited else "")
    return EngagementFacts(
        slug=f"{US}-{host}-visit-{when.start}-{surname(who.split('-')[0] or name)}".lower(),
        kind="visit",
        title=f"{title} {name} visits {where}",
        summary=entry.fields.get("remarks") or None,
        date=when,
        place=place,
        host=host,
        guests=[US],
        participants=[
            Participant(name=name, variants=variants, title=title, country=US, role="guest")
        ],
        sources=[_source(entry, "remarks")],
        evidence=evidence,
        notes=f"Places visited, as recorded: {locale}"
        if len(visited) > 1 or "(" in locale
        else None,
    )


def read(folder: str | Path, *, progress: Callable[[int, int], None] | None = None) -> Batch:
    """The engagements of an Office of the Historian folder (visits/ and travels/), validated.

    Records of the same visit or trip (the same people, country, places and days) under two
    ids make one engagement with both as sources, their remarks joined where they differ. A
    record that makes no valid engagement (say, a date outside its country's existence) is
    skipped with its reason; a file or field that cannot be read raises `ImportDataError`.
    `progress(done, total)` is told the engagements made so far, every hundred."""
    folder = Path(folder)
    batch = Batch()
    groups: dict[tuple[str, tuple[tuple[str, str], ...]], list[Entry]] = {}
    for entry in entries(folder):
        batch.read += 1
        if entry.collection == "visits":
            batch.visits += 1
        else:
            batch.trips += 1
        groups.setdefault(entry.visit_key(), []).append(entry)
    presidents, roles = _presidents(folder), _role_codes(folder)
    made: list[tuple[str, EngagementFacts, list[Entry]]] = []
    for done, (key, group) in enumerate(groups.items()):
        if progress and done % 100 == 0:  # validating is most of the reading: 7,530 records
            progress(done, len(groups))
        group.sort(key=lambda e: int(e.id))
        first = group[0]
        try:
            if first.collection == "visits":
                facts = visit_facts(first)
            else:
                facts = trip_facts(first, presidents, roles)
            facts = _with_sources(facts, group)
        except ValidationError as e:
            batch.skipped.append((first.file, first.id, describe(e)))
            continue
        made.append((repr(key), facts, group))
    if progress:
        progress(len(groups), len(groups))
    # Two records telling the same people, place and day differently share a slug: the lower
    # record id keeps it, the other takes a hash of its content, whatever the order of the files.
    owner: dict[str, int] = {}
    for _, facts, group in made:
        owner[facts.slug] = min(owner.get(facts.slug, int(group[0].id)), int(group[0].id))
    for key, facts, group in made:
        if int(group[0].id) != owner[facts.slug]:
            digest = hashlib.sha1(key.encode()).hexdigest()[:6]
            facts = facts.model_copy(update={"slug": f"{facts.slug}-{digest}"})
        batch.origins[facts.slug] = f"{group[0].file}: record {group[0].id}"
        batch.collections[facts.slug] = f"{DOCUMENT_PREFIX}-{group[0].collection}"
        if len(group) > 1:
            identical = len({e.narrative for e in group}) == 1
            batch.merged.append(Merge(facts.slug, [e.document for e in group], identical))
        batch.records.append(facts)
    return batch


def texts(folder: str | Path) -> dict[str, str]:
    """The source text of every record (see `document_text`), by document id: the text that
    every quote's offsets point into."""
    return {entry.document: document_text(entry)[0] for entry in entries(folder)}


def _with_sources(facts: EngagementFacts, group: list[Entry]) -> EngagementFacts:
    """One engagement for the records of one visit: each is a source, quoting its own remarks;
    different remarks are joined in the summary, in the order of the records' ids."""
    if len(group) == 1:
        return facts
    quoted = NARRATIVE[0] if group[0].collection == "visits" else NARRATIVE[1]
    sources = [*facts.sources, *(_source(e, quoted) for e in group[1:])]
    told = list(dict.fromkeys(e.narrative for e in group if e.narrative))
    if len(told) < 2:
        return facts.model_copy(update={"sources": sources})
    ids = ", ".join(e.id for e in group)
    note = f"The list records this visit {len(group)} times (records {ids}) with other remarks; "
    note += "the summary joins them."
    return facts.model_copy(
        update={
            "sources": sources,
            "summary": " ".join(told),
            "notes": " ".join(n for n in (facts.notes, note) if n),
        }
    )
