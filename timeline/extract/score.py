"""The scorer: drafts compared with hand-written gold records, per document and over a folder.

Engagements are matched one to one by kind, overlapping dates and counterpart (the countries, and
for meetings and embassy visits the organisation met). Matched pairs are then compared field by
field: date, place, participants, topics, and the roles and sides (host, guests) as extras."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from events import EngagementFacts
from timeline.extract.documents import read_metadata
from timeline.extract.draft import extract
from timeline.extract.errors import ExtractError
from timeline.extract.gazetteer import find_places
from timeline.inputs.records import SUFFIXES, load
from timeline.text import fold

FIELDS = ("date", "place", "participants", "topics", "roles", "countries")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Scores:
    document: str
    events: Counts = field(default_factory=Counts)
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    matches: list[tuple[str, str]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        self.events.add(other.events)
        for f in FIELDS:
            self.fields[f].add(other.fields[f])

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "events": self.events.as_dict(),
            "fields": {f: c.as_dict() for f, c in self.fields.items()},
            "matches": [{"draft": d, "gold": g} for d, g in self.matches],
            "missed": self.missed,
            "spurious": self.spurious,
        }


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(str(text))).strip()


_MISSION = re.compile(
    r"^(?:the\s+)?(?:(?P<kind>Embassy|Consulate General|Consulate|Đại sứ quán|Tổng Lãnh sự quán|"
    r"Lãnh sự quán)\s+(?:of\s+)?(?P<owner>.+?)\s+(?:in|at|tại|ở)\s+(?P<where>.+)|"
    r"(?P<owner2>.+?)\s+(?P<kind2>Embassy|Consulate General|Consulate)\s+(?:in\s+)?"
    r"(?P<where2>.+))$",
    re.I,
)


def _mission_key(name: str) -> str | None:
    """A diplomatic mission by its kind and countries ("Embassy of Vietnam in South Korea" and
    "… in the Republic of Korea", "U.S. Embassy Hanoi"), so that names of one country compare
    equal whatever name the writer used."""
    m = _MISSION.match(name.strip())
    if m is None:
        return None
    kind = _norm(m["kind"] or m["kind2"])
    kind = {"dai su quan": "embassy", "tong lanh su quan": "consulate general"}.get(kind, kind)
    kind = "consulate" if kind.startswith("consulate") or kind == "lanh su quan" else kind
    codes = []
    for part in (m["owner"] or m["owner2"], m["where"] or m["where2"]):
        found = find_places(part)
        code = next((p.key if p.kind == "country" else p.country for p in found), None)
        if code is None:
            return None
        codes.append(code)
    return f"mission {kind} {codes[0]} {codes[1]}"


@dataclass
class _View:
    """What the scorer compares of one record, from a draft mapping or validated facts."""

    slug: str
    kind: str
    start: date | None
    end: date | None
    countries: set[str]
    counterpart: set[str]
    session: int | None
    place: set[tuple[str, str]]
    people: list[tuple[set[str], str]]
    topics: set[str]
    sides: set[tuple[str, str]]


def _view(record: EngagementFacts | dict[str, Any]) -> _View:
    r = record.model_dump(mode="json") if isinstance(record, EngagementFacts) else record
    start = end = None
    d = r.get("date")
    if isinstance(d, dict | str):
        try:
            from events.facts import When

            w = When.model_validate(d)
            start, end = w.start, w.end
        except ValueError:
            pass  # a partial draft date matches on the other criteria
    host = r.get("host")
    guests = list(r.get("guests") or [])
    place = r.get("place") or {}
    countries = {c for c in [host, *guests, place.get("country")] if c}
    own = set(guests) if host else set()
    counterpart: set[str] = set()
    for o in r.get("organisations") or []:
        if o.get("country") in own or (not host and o.get("country") in guests):
            continue
        counterpart.add(_norm(o["name"]))
        if key := _mission_key(o["name"]):
            counterpart.add(key)
        for key in ("abbreviation", "name_local"):  # a draft may keep the name as written
            if o.get(key):
                counterpart.add(_norm(o[key]))
    if place.get("venue") and r["kind"] == "embassy_visit":
        counterpart.add(_norm(place["venue"]))  # the mission visited is who is met
        if key := _mission_key(place["venue"]):
            counterpart.add(key)
    places = set()
    if place.get("city"):
        places.add(("city", _norm(place["city"])))
    if place.get("country"):
        places.add(("country", place["country"]))
    people = [
        (
            {_norm(p["name"]), *(_norm(v) for v in p.get("variants") or [])},
            p.get("role") or "attendee",
        )
        for p in r.get("participants") or []
    ]
    sides = {("host", host)} if host else set()
    sides |= {("guest", g) for g in guests}
    return _View(
        r["slug"],
        r["kind"],
        start,
        end,
        countries,
        counterpart,
        r.get("session"),
        places,
        people,
        set(r.get("topics") or []),
        sides,
    )


def _compatible(d: _View, g: _View) -> float | None:
    """How well a draft fits a gold record, or None when they cannot be the same engagement."""
    if d.kind != g.kind:
        return None
    if d.start and g.start and (d.end < g.start or g.end < d.start):  # type: ignore[operator]
        return None
    if d.countries and g.countries and not d.countries & g.countries:
        return None
    meets = d.kind in ("meeting", "embassy_visit")
    if meets and d.counterpart and g.counterpart and not d.counterpart & g.counterpart:
        return None
    score = 1.0
    if d.counterpart and g.counterpart:
        score += 2 * len(d.counterpart & g.counterpart) / len(d.counterpart | g.counterpart)
    if d.start and g.start and (d.start, d.end) == (g.start, g.end):
        score += 1
    if d.session is not None and d.session == g.session:
        score += 2
    score += len(d.countries & g.countries) / max(1, len(d.countries | g.countries))
    return score


def _people(d: _View, g: _View) -> tuple[Counts, Counts]:
    names, roles = Counts(), Counts()
    used: set[int] = set()
    for dn, drole in d.people:
        hit = next((i for i, (gn, _) in enumerate(g.people) if i not in used and dn & gn), None)
        if hit is None:
            names.fp += 1
            roles.fp += 1
            continue
        used.add(hit)
        names.tp += 1
        if drole == g.people[hit][1]:
            roles.tp += 1
        else:
            roles.fp += 1
            roles.fn += 1
    names.fn += len(g.people) - len(used)
    roles.fn += len(g.people) - len(used)
    return names, roles


def _sets(d: set[Any], g: set[Any]) -> Counts:
    return Counts(len(d & g), len(d - g), len(g - d))


def score_document(
    drafts: list[dict[str, Any]] | list[EngagementFacts],
    gold: list[EngagementFacts],
    document: str = "",
) -> Scores:
    """Drafts of one article against its gold records."""
    dv = [_view(r) for r in drafts]
    gv = [_view(r) for r in gold]
    pairs = []
    for i, d in enumerate(dv):
        for j, g in enumerate(gv):
            s = _compatible(d, g)
            if s is not None:
                pairs.append((s, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    taken_d: set[int] = set()
    taken_g: set[int] = set()
    scores = Scores(document)
    for _, i, j in pairs:
        if i in taken_d or j in taken_g:
            continue
        taken_d.add(i)
        taken_g.add(j)
        d, g = dv[i], gv[j]
        scores.matches.append((d.slug, g.slug))
        f = scores.fields
        if d.start is None:
            f["date"].fn += 1
        elif (d.start, d.end) == (g.start, g.end):
            f["date"].tp += 1
        else:
            f["date"].fp += 1
            f["date"].fn += 1
        f["place"].add(_sets(d.place, g.place))
        names, roles = _people(d, g)
        f["participants"].add(names)
        f["roles"].add(roles)
        f["topics"].add(_sets(d.topics, g.topics))
        f["countries"].add(_sets(d.sides, g.sides))
    scores.events = Counts(len(taken_d), len(dv) - len(taken_d), len(gv) - len(taken_g))
    scores.missed = [gv[j].slug for j in range(len(gv)) if j not in taken_g]
    scores.spurious = [dv[i].slug for i in range(len(dv)) if i not in taken_d]
    return scores


def _metadata(documents: Path, doc: str, gold: list[EngagementFacts]) -> dict[str, Any]:
    """What an analyst would pass on the command line: publication date, URL, language,
    publisher; from `documents/<doc>.yaml` if there is one, else from the gold sources."""
    meta_file = documents / f"{doc}.yaml"
    if meta_file.is_file():
        meta = read_metadata(meta_file)  # as `timeline extract` reads it beside an article
        return {
            "published": meta.published,
            "url": meta.url,
            "language": meta.language,
            "publisher": meta.publisher,
        }
    for r in gold:
        for s in r.sources:
            if s.document == doc:
                return {
                    "published": s.published,
                    "url": s.url,
                    "language": s.language,
                    "publisher": s.publisher,
                }
    return {}


def evaluate_folder(folder: str | Path, *, metadata: bool = True) -> tuple[list[Scores], Scores]:
    """Extract every article of `FOLDER/documents/*.txt` and score it against the gold records
    of `FOLDER/records/` that cite it. Returns the per-document scores and their sum."""
    root = Path(folder)
    documents, records = root / "documents", root / "records"
    if not root.is_dir():
        raise ExtractError(str(root), "no such folder")
    if not documents.is_dir() or not records.is_dir():
        raise ExtractError(
            str(root), "expected documents/ (articles, *.txt) and records/ (gold records)"
        )
    # each file on its own: two documents may well report the same engagement under one slug
    gold = [
        r
        for f in sorted(records.iterdir())
        if f.suffix.lower() in SUFFIXES
        for r in load([str(f)], documents=documents)
    ]
    texts = sorted(documents.glob("*.txt"))
    if not texts:
        raise ExtractError(str(documents), "no articles (*.txt)")
    per_doc: list[Scores] = []
    total = Scores("overall")
    for path in texts:
        doc = path.stem
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise ExtractError(str(path), f"not UTF-8 text (byte {e.start})") from None
        mine = [r for r in gold if any(s.document == doc for s in r.sources)]
        meta = _metadata(documents, doc, mine) if metadata else {}
        draft = extract(text, document=doc, **meta)
        s = score_document([r.record for r in draft.records], mine, doc)
        per_doc.append(s)
        total.add(s)
    return per_doc, total


def format_table(per_doc: list[Scores], total: Scores) -> str:
    """A plain-text table: events P/R/F1 and field F1 per document, then overall."""
    head = f"{'document':<34} {'events P':>8} {'R':>6} {'F1':>6}  " + " ".join(
        f"{f[:8]:>8}" for f in FIELDS
    )
    lines = [head, "-" * len(head)]
    for s in [*per_doc, total]:
        e = s.events
        row = f"{s.document[:34]:<34} {e.precision:>8.3f} {e.recall:>6.3f} {e.f1:>6.3f}  "
        row += " ".join(f"{s.fields[f].f1:>8.3f}" for f in FIELDS)
        lines.append(row)
    lines.append("")
    lines.append(
        "fields are F1 over matched engagements; "
        + "; ".join(
            f"{f}: P {total.fields[f].precision:.3f} R {total.fields[f].recall:.3f}" for f in FIELDS
        )
    )
    for s in per_doc:
        if s.missed or s.spurious:
            lines.append(f"{s.document}: missed {s.missed or '-'}; spurious {s.spurious or '-'}")
    return "\n".join(lines)
