"""The pure mapping from an engagement's state to the rows of the projection's tables.

No database here: `engagement_rows` and `revision_row` are tested on their own."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import orjson

from events import KINDS, ROLES, all_countries
from events.facts import EngagementFacts, Organisation, Quoted
from timeline.offices.names import individual_id
from timeline.projection.geocode import locate
from timeline.text import bilingual, date_label, fold, slugify

if TYPE_CHECKING:
    from events import EngagementState

# Tables whose rows belong to one engagement, with the column that names it.
PER_ENGAGEMENT = {
    "engagements": "slug",
    "timeline": "engagement",
    "participants": "engagement",
    "engagement_organisations": "engagement",
    "engagement_topics": "engagement",
    "sources": "engagement",
    "evidence": "engagement",
}


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def organisation_search_text(org: dict[str, Any]) -> str:
    return fold(" ".join(org[k] for k in ("name", "name_local", "abbreviation") if org.get(k)))


def organisation_id(org: Organisation) -> str:
    return _slug(f"{org.country or 'xx'} {org.abbreviation or org.name}")


def person_id(name: str) -> str:
    return _slug(name)


# The same few thousand names and organisations recur across a rebuild's engagements: each
# slug made once (slugifying them again was a tenth of making the rows).
_slug = lru_cache(maxsize=1 << 16)(slugify)


# Names of people and organisations, folded once: they recur across engagements.
_folded = lru_cache(maxsize=1 << 16)(fold)


def _organisations_by_reference(facts: EngagementFacts) -> dict[str | None, Organisation]:
    """Each name and abbreviation of the record's organisations -> the first that has it, as
    looking them up in order finds it. A participant who names no organisation has none (an
    organisation without an abbreviation is not filed under None: until stop 23 it was, and
    such a participant's row took the record's first organisation of that kind)."""
    found: dict[str, Organisation] = {}
    for o in facts.organisations:
        found.setdefault(o.name, o)
        if o.abbreviation is not None:
            found.setdefault(o.abbreviation, o)
    return found


def engagement_rows(state: EngagementState) -> dict[str, list[dict[str, Any]]]:
    """Every row an engagement contributes, by table. A retracted one contributes none."""
    if state.retraction is not None:
        return {table: [] for table in PER_ENGAGEMENT}
    f = state.facts
    engagement = _engagement_row(state)
    return {
        "engagements": [engagement],
        "timeline": _timeline_rows(f, engagement),
        "participants": _participant_rows(f),
        "engagement_organisations": _organisation_mentions(f),
        "engagement_topics": [{"engagement": f.slug, "topic": t} for t in f.topics],
        "sources": _source_rows(f),
        "evidence": evidence_rows(state),
    }


def _search_text(f: EngagementFacts) -> str:
    """Every name and title of the engagement, folded, for its full-text row."""
    names = [p.name for p in f.participants] + [v for p in f.participants for v in p.variants]
    named = [
        *names,
        *(o.name for o in f.organisations),
        *(o.name_local for o in f.organisations),
        *(o.abbreviation for o in f.organisations),
        f.place.city if f.place else None,
    ]
    # Folding maps each character on its own (to ASCII, then lowercase), so the words folded
    # one by one and joined are the whole folded: the names, which recur, are folded once.
    own = [fold(x) for x in (f.title, f.title_vi, f.summary) if x]
    return " ".join([*own, *(_folded(x) for x in named if x)])


def _engagement_row(state: EngagementState) -> dict[str, Any]:
    f, d = state.facts, state.facts.date
    point = locate(f.place.city, f.place.country) if f.place else None
    return {
        "slug": f.slug,
        "id": str(state.id),
        "kind": f.kind,
        "status": f.status,
        "title": f.title,
        "title_vi": f.title_vi,
        "summary": f.summary,
        "start_date": d.start.isoformat(),
        "end_date": d.end.isoformat(),
        "date_precision": d.precision,
        "date_label": date_label(d.start, d.end, d.precision),
        "date_phrase": d.phrase,
        "city": f.place.city if f.place else None,
        "country": f.place.country if f.place else None,
        "venue": f.place.venue if f.place else None,
        "latitude": point[0] if point else None,
        "longitude": point[1] if point else None,
        "host": f.host,
        "guests": _json(f.guests),
        "countries": _json(f.countries),
        "series": f.series,
        "session": f.session,
        "part_of": f.part_of,
        "topics": _json(f.topics),
        "participants": len(f.participants),
        "sources": len(f.sources),
        "inferred_facts": _json(_inferred_fields(state)),
        "notes": f.notes,
        "version": state.version,
        "recorded_at": state.recorded_at.isoformat(),
        "modified_at": state.modified_at.isoformat(),
        "search_text": _search_text(f),
        "collection": state.collection,
    }


def _timeline_rows(f: EngagementFacts, engagement: dict[str, Any]) -> list[dict[str, Any]]:
    """One row for each country of the engagement and each of its counterparts."""
    rows = []
    for c in f.countries:
        role = "host" if c == f.host else "guest" if c in f.guests else "venue"
        for other in f.countries:
            if other == c:
                continue
            rows.append(
                {
                    "country": c,
                    "counterpart": other,
                    "start_date": engagement["start_date"],
                    "end_date": engagement["end_date"],
                    "date_label": engagement["date_label"],
                    "kind": f.kind,
                    "title": f.title,
                    "city": engagement["city"],
                    "place_country": engagement["country"],
                    "role": role,
                    "status": f.status,
                    "series": f.series,
                    "session": f.session,
                    "collection": engagement["collection"],
                    "engagement": f.slug,
                }
            )
    return rows


def _organisation_mentions(f: EngagementFacts) -> list[dict[str, Any]]:
    """What this engagement calls each organisation; its row in `organisations` is made from
    every engagement that names it (organisation_row). One row per id, the first given."""
    mentions: dict[str, dict[str, Any]] = {}
    for o in f.organisations:
        mentions.setdefault(
            organisation_id(o),
            {
                "engagement": f.slug,
                "organisation": organisation_id(o),
                "name": o.name,
                "abbreviation": o.abbreviation,
                "country": o.country,
                "name_local": o.name_local,
                "start_date": f.date.start.isoformat(),
            },
        )
    return list(mentions.values())


def _participant_rows(f: EngagementFacts) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if not f.participants:
        return rows
    organisations = _organisations_by_reference(f)
    start = f.date.start.isoformat()
    for i, p in enumerate(f.participants):
        org = organisations.get(p.organisation) if p.organisation is not None else None
        rows.append(
            {
                "engagement": f.slug,
                "position": i,
                "person": person_id(p.name),
                "name": p.name,
                "variants": _json(p.variants),
                "title": p.title,
                "rank": p.rank,
                "party_role": p.party_role,
                "organisation": organisation_id(org) if org else None,
                "country": p.country,
                "role": p.role,
                "role_label": ROLES[p.role].en,
                "start_date": start,
                # Worked out against the registry once the rows are in (projection/offices.py).
                "registry_conflict": None,
                "registry_entry": None,
                "individual": individual_id(p.name, p.country),
            }
        )
    return rows


def _quoted(q: Quoted) -> dict[str, Any]:
    """A quote's document, words and offsets (strings and integers, as they are in JSON)."""
    return {"document": q.document, "quote": q.quote, "start": q.start, "end": q.end}


def _source_rows(f: EngagementFacts) -> list[dict[str, Any]]:
    return [
        {
            "engagement": f.slug,
            "position": i,
            **_quoted(s),
            "publisher": s.publisher,
            "url": s.url,
            "published": s.published.isoformat() if s.published else None,
            "published_inferred": s.published_inferred,
            "language": s.language,
            "note": s.note,
        }
        for i, s in enumerate(f.sources)
    ]


def _inferred_fields(state: EngagementState) -> list[str]:
    """Fields whose current evidence is inferred (superseded evidence no longer speaks)."""
    evidence = state.facts.evidence
    return sorted(
        {e.field for i, e in enumerate(evidence) if e.inferred and i not in state.superseded}
    )


def evidence_rows(state: EngagementState) -> list[dict[str, Any]]:
    """Every quote ever given for a fact, current or superseded by the correction (its version)
    that changed the fact; then a row for each field a correction set without a source."""
    f = state.facts
    rows = [
        {
            "engagement": f.slug,
            "position": i,
            "field": e.field,
            **_quoted(e),
            "inferred": e.inferred,
            "note": e.note,
            "status": "superseded" if i in state.superseded else "current",
            "correction": state.superseded.get(i),
        }
        for i, e in enumerate(f.evidence)
    ]
    for n, (field, version) in enumerate(sorted(state.unsourced.items()), len(f.evidence)):
        rows.append(
            {
                "engagement": f.slug, "position": n, "field": field, "document": None,
                "quote": None, "start": None, "end": None, "inferred": None, "note": None,
                "status": UNSOURCED, "correction": version,
            }
        )  # fmt: skip
    return rows


UNSOURCED = "corrected without a source"


def organisation_row(named: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """An organisation's row from the `engagement_organisations` rows of the engagements that
    name it now, latest first (by date, then slug): each field from the latest that gives it.

    A function of those engagements alone, not of the order they were recorded or projected
    in, so a build step by step equals a rebuild; and a record that leaves a field out (the
    local name, say) does not erase what others give."""
    org: dict[str, Any] = {"id": named[0]["organisation"]}
    for key in ("name", "abbreviation", "country", "name_local"):
        org[key] = next((n[key] for n in named if n[key] is not None), None)
    return {**org, "search_text": organisation_search_text(org)}


def person_row(named: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A person's row from the `participants` rows that name them now, latest first (by date,
    then slug and position): the latest name and country given, and every spelling variant."""
    name = named[0]["name"]
    variants = sorted({v for n in named for v in orjson.loads(n["variants"])})
    return {
        "id": named[0]["person"],
        "name": name,
        "variants": _json(variants),
        "country": next((n["country"] for n in named if n["country"] is not None), None),
        "search_text": fold(" ".join([name, *variants])),
    }


def revision_row(event: Any, state: EngagementState) -> dict[str, Any]:
    """One row of the revision history: what an event changed, why, and the state it made."""
    name = type(event).__name__
    changes: Any = None
    if name == "Corrected":
        changes = event.changes
    elif name == "SourceAdded":
        changes = {"sources": [event.source.model_dump(mode="json")]}
    elif name == "Retracted":
        changes = {"merged_into": event.merged_into}
    return {
        "engagement": state.facts.slug,
        "version": state.version,
        "event": name,
        "current_from": event.timestamp.isoformat(),
        "current_until": None,
        # Asked of the class: a missing attribute of a pydantic model costs an error message.
        "reason": event.reason if "reason" in type(event).model_fields else None,
        "changes": _json(changes) if changes is not None else None,
        "title": state.facts.title,
        "retracted": state.retraction is not None,
        "merged_into": state.retraction.merged_into if state.retraction else None,
        "state": state.model_dump_json(),
        "collection": state.collection,
        "countries": _json(state.facts.countries),
    }


def retraction_row(event: Any, state: EngagementState) -> dict[str, Any]:
    """One row of `retractions`: a withdrawn slug and, for a duplicate, where it was merged."""
    assert state.retraction is not None
    return {
        "slug": state.facts.slug,
        "title": state.facts.title,
        "reason": state.retraction.reason,
        "merged_into": state.retraction.merged_into,
        "survivor": state.retraction.merged_into,
        "retracted_at": event.timestamp.isoformat(),
        "version": state.version,
    }


def country_rows() -> list[dict[str, Any]]:
    """Current countries, states that no longer exist (with the days those existed) and the
    international organisations' side (`INT`)."""
    return [
        {
            "code": c.code,
            "name_en": c.name_en,
            "name_vi": c.name_vi,
            "label": bilingual(c.name_en, c.name_vi),
            "historical": c.historical,
            "international": c.international,
            "valid_from": c.valid_from.isoformat() if c.valid_from else None,
            "valid_until": c.valid_until.isoformat() if c.valid_until else None,
        }
        for c in all_countries(historical=True, international=True)
    ]


def kind_rows() -> list[dict[str, Any]]:
    return [
        {"key": k, "label_en": v.en, "label_vi": v.vi, "label": bilingual(v.en, v.vi)}
        for k, v in KINDS.items()
    ]
