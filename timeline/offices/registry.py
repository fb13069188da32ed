"""The registry of offices and their holders: shipped as YAML files in `data/` (one a country,
each holder with the source of the fact), and the holdings people record (`office` records),
read as one. Who held an office on a date, and which holders of a single-holder office overlap."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from events import country, describe_validation_error
from timeline.errors import TimelineError
from timeline.text import fold, slugify

if TYPE_CHECKING:
    from events.offices import OfficeRecord

# The shipped registry's files, beside this module (as the gazetteer is, projection/geocode.py):
# importlib.resources and its readers cost 9.6 ms of CPU time to import and ask, in each
# `timeline append` (which checksums these files).
DATA = Path(__file__).parent / "data"
REGISTRY = "registry"  # the origin of the shipped entries
RECORD = "record"  # the origin of entries recorded in the archive


@dataclass(frozen=True)
class Office:
    slug: str
    country: str
    kind: str
    title: str
    titles: tuple[str, ...] = ()
    single_holder: bool = True
    organisation: str | None = None
    source: str | None = None
    origin: str = REGISTRY

    def named_by(self) -> set[str]:
        """The folded titles a participant holding this office may carry."""
        name = country(self.country).name_en
        titles = {self.title, *self.titles}
        return {fold(t) for t in titles} | {fold(f"{t} of {name}") for t in titles}


@dataclass(frozen=True)
class Holding:
    office: str
    holder: str
    start: date
    end: date | None
    source: str
    variants: tuple[str, ...] = ()
    note: str | None = None
    origin: str = REGISTRY
    version: int = 1

    @property
    def id(self) -> str:
        return holding_ref(self.office, self.holder, self.start)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.holder, *self.variants)

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def describe(self, office: Office) -> str:
        """`Prime Minister of VN: Nguyễn Tấn Dũng, 2006-06-27 to 2016-04-07 (registry: URL)`."""
        until = self.end.isoformat() if self.end else "in office"
        return (
            f"{office.title} ({office.country}): {self.holder}, {self.start.isoformat()} to "
            f"{until} ({self.origin}: {self.source})"
        )


def holding_ref(office: str, holder: str, start: date) -> str:
    """A holding's id in the projection: `vn-prime-minister/nguyen-tan-dung/2006-06-27`."""
    return f"{office}/{slugify(holder)}/{start.isoformat()}"


def holding_of(record: OfficeRecord, origin: str = RECORD, version: int = 1) -> Holding:
    return Holding(
        office=record.office,
        holder=record.holder,
        start=record.start,
        end=record.end,
        source=record.source,
        variants=tuple(record.variants),
        note=record.note,
        origin=origin,
        version=version,
    )


def office_of(record: OfficeRecord) -> Office | None:
    """The office an office record defines, when it gives country, kind and title."""
    if record.country is None or record.kind is None or record.title is None:
        return None
    return Office(
        slug=record.office,
        country=record.country,
        kind=record.kind,
        title=record.title,
        titles=tuple(record.titles),
        single_holder=True if record.single_holder is None else record.single_holder,
        source=record.source,
        origin=RECORD,
    )


@dataclass
class Registry:
    """Offices by slug and their holdings, the shipped ones and those recorded."""

    offices: dict[str, Office] = field(default_factory=dict)
    holdings: list[Holding] = field(default_factory=list)

    def with_records(self, offices: Iterable[Office], holdings: Iterable[Holding]) -> Registry:
        """This registry and recorded offices and holdings (which are kept apart from a shipped
        entry of the same holder and start: the recorded one replaces it)."""
        merged = dict(self.offices)
        for office in offices:
            merged.setdefault(office.slug, office)
        recorded = list(holdings)
        ids = {h.id for h in recorded}
        kept = [h for h in self.holdings if h.id not in ids]
        return Registry(merged, kept + recorded)

    def holders(self, office: str) -> list[Holding]:
        return sorted((h for h in self.holdings if h.office == office), key=_order)

    def offices_titled(self, country_code: str | None, title: str | None) -> list[Office]:
        """The offices of a country that a participant's title names."""
        if not country_code or not title:
            return []
        return _titled(self).get((country_code, fold(title)), [])

    def held_on(self, office: str, day: date) -> list[Holding]:
        return [h for h in _by_office(self).get(office, []) if h.held_on(day)]

    def held_by(self, office: str) -> list[Holding]:
        return _by_office(self).get(office, [])


def _order(h: Holding) -> tuple[date, str]:
    return h.start, h.holder


# Indexes of a registry, made once per registry object (a registry is not changed once made).
_INDEXES: dict[int, tuple[Registry, dict[Any, Any], dict[Any, Any]]] = {}


def _indexes(registry: Registry) -> tuple[dict[Any, Any], dict[Any, Any]]:
    cached = _INDEXES.get(id(registry))
    if cached is None or cached[0] is not registry:
        titled: dict[tuple[str, str], list[Office]] = {}
        for office in registry.offices.values():
            for name in office.named_by():
                titled.setdefault((office.country, name), []).append(office)
        by_office: dict[str, list[Holding]] = {}
        for h in sorted(registry.holdings, key=_order):
            by_office.setdefault(h.office, []).append(h)
        cached = (registry, titled, by_office)
        _INDEXES.clear()  # one registry at a time is in use: keep no stale ones alive
        _INDEXES[id(registry)] = cached
    return cached[1], cached[2]


def _titled(registry: Registry) -> dict[tuple[str, str], list[Office]]:
    return _indexes(registry)[0]


def _by_office(registry: Registry) -> dict[str, list[Holding]]:
    return _indexes(registry)[1]


def overlap(office: Office, holdings: Iterable[Holding]) -> tuple[Holding, Holding] | None:
    """Two holders of a single-holder office in office on one day, if any. A handover on one
    day (one leaves and the next comes in on the same date) is no overlap."""
    if not office.single_holder:
        return None
    ordered = sorted(holdings, key=_order)
    for before, after in pairwise(ordered):
        if before.end is None or after.start < before.end:
            return before, after
    return None


@cache
def shipped() -> Registry:
    """The registry that ships in the package: every `data/*.yaml`, validated."""
    registry = Registry()
    for item in sorted(DATA.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            offices, holdings = read_registry_file(item.name, item.read_text(encoding="utf-8"))
            registry.offices.update({o.slug: o for o in offices})
            registry.holdings.extend(holdings)
    return registry


def read_registry_file(name: str, text: str) -> tuple[list[Office], list[Holding]]:
    """The offices of one registry file and their holders, each checked as an office record."""
    import yaml

    # libyaml's parser where PyYAML has it (its wheels do): the pure-Python one took 40 ms of
    # the 50 ms it takes to read the shipped registry, which `timeline append` reads to warn of
    # titles it contradicts. Both build the same data from these files.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader) or {}  # a safe loader: builds no objects
    offices: list[Office] = []
    holdings: list[Holding] = []
    for number, raw in enumerate(data.get("offices", []), 1):
        office, held = _read_office(name, number, raw)
        offices.append(office)
        holdings.extend(held)
    return offices, holdings


def _read_office(name: str, number: int, raw: dict[str, Any]) -> tuple[Office, list[Holding]]:
    where = f"{name}: office {number} ({raw.get('office')})"
    base = {k: raw.get(k) for k in ("office", "country", "kind", "title", "single_holder")}
    base["titles"] = raw.get("titles", [])
    from events.offices import OfficeRecord  # the shipped YAML is read rarely: see offices.py

    held = []
    office = None
    for i, entry in enumerate(raw.get("holders", [])):
        data = {**base, "source": raw.get("source"), **entry}
        try:
            record = OfficeRecord.model_validate(data)
        except ValidationError as e:
            raise TimelineError(f"{where}: holders[{i}]: {describe_validation_error(e)}") from None
        office = office or office_of(record)
        held.append(holding_of(record, REGISTRY))
    if office is None:
        raise TimelineError(f"{where}: an office needs country, kind, title and a holder")
    office = replace(
        office, organisation=raw.get("organisation"), origin=REGISTRY, source=raw.get("source")
    )
    if found := overlap(office, held):
        raise TimelineError(f"{where}: {found[0].holder} and {found[1].holder} overlap")
    return office, held


def iter_holdings(registry: Registry) -> Iterator[tuple[Office, Holding]]:
    for h in sorted(registry.holdings, key=lambda h: (h.office, h.start, h.holder)):
        office = registry.offices.get(h.office)
        if office is not None:
            yield office, h
