"""Participants whose title at the time contradicts the registry: `Prime Minister Nguyen Tan Dung`
on 2022-05-12, when the registry has Phạm Minh Chính in that office and Nguyễn Tấn Dũng out of
it since 2016-04-07.

Only what the registry knows is checked: a title that names no office of the participant's
country, a date before the first holder listed or between two holders (an acting holder, say)
is no contradiction, and names are compared leniently (`names.may_be_same_person`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline.offices.names import may_be_same_person
from timeline.offices.registry import Holding, Office, Registry


@dataclass(frozen=True)
class Conflict:
    """A participant's title that the registry contradicts, and the entry that does."""

    office: str
    entry: str  # the id of the registry's holding that contradicts the title
    message: str


def _terms(holdings: Sequence[Holding]) -> str:
    return ", ".join(
        f"{h.start.isoformat()} to {h.end.isoformat() if h.end else 'in office'}" for h in holdings
    )


def conflict(
    registry: Registry,
    names: Sequence[str],
    title: str | None,
    country: str | None,
    day: date,
) -> Conflict | None:
    """The registry's contradiction of a participant called `names` (name and variants) who is
    `title` of `country` on `day`, or None."""
    for office in registry.offices_titled(country, title):
        found = _office_conflict(registry, office, names, day)
        if found is not None:
            return found
    return None


def _office_conflict(
    registry: Registry, office: Office, names: Sequence[str], day: date
) -> Conflict | None:
    then = registry.held_on(office.slug, day)
    if any(may_be_same_person(names, h.names, office.country) for h in then):
        return None
    own = [
        h
        for h in registry.held_by(office.slug)
        if may_be_same_person(names, h.names, office.country)
    ]
    held = f"; {names[0]} held it {_terms(own)}" if own else ""
    if office.single_holder and then:
        holder = then[0]
        return Conflict(
            office.slug,
            holder.id,
            f"{office.title} ({office.country}) on {day.isoformat()} was {holder.holder} "
            f"({_terms([holder])}, {holder.origin}: {holder.source}){held}",
        )
    if not office.single_holder and own:
        return Conflict(
            office.slug,
            own[0].id,
            f"{names[0]} was not {office.title} ({office.country}) on {day.isoformat()}: "
            f"held it {_terms(own)} ({own[0].origin}: {own[0].source})",
        )
    return None
