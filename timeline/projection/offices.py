"""Offices in `timeline.db`: the shipped registry, the office holdings of the store, and the
participants whose title contradicts them (`participants.registry_conflict`).

Every row is a function of the registry and the current events, whatever the order of builds:
the registry's rows are written first and never over a recorded holding of the same id; a
recorded holding replaces the registry's; flags are worked out again for every participant when
an office changes, for the participants of the changed engagements otherwise."""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from timeline.offices.conflicts import conflict
from timeline.offices.names import individual_id
from timeline.offices.registry import (
    DATA,
    RECORD,
    Holding,
    Office,
    Registry,
    holding_of,
    holding_ref,
    office_of,
    shipped,
)
from timeline.projection.schema import TRACKING_TABLE

if TYPE_CHECKING:
    import sqlite_utils

    from events.offices import HoldingState


def office_row(office: Office) -> dict[str, Any]:
    return {
        "slug": office.slug,
        "country": office.country,
        "kind": office.kind,
        "title": office.title,
        "titles": json.dumps(list(office.titles), ensure_ascii=False),
        "organisation": office.organisation,
        "single_holder": int(office.single_holder),
        "origin": office.origin,
        "source": office.source,
    }


def holder_row(office: Office, h: Holding, reason: str | None = None) -> dict[str, Any]:
    return {
        "id": h.id,
        "office": h.office,
        "country": office.country,
        "title": office.title,
        "holder": h.holder,
        "person": individual_id(h.holder, office.country),
        "variants": json.dumps(list(h.variants), ensure_ascii=False),
        "start_date": h.start.isoformat(),
        "end_date": h.end.isoformat() if h.end else None,
        "source": h.source,
        "note": h.note,
        "origin": h.origin,
        "version": h.version,
        "reason": reason,
    }


# A row of `_tracking` names the shipped registry's files that timeline.db holds (a checksum of
# them and of REGISTRY_ROWS, the version of `office_row` and `holder_row`): while it matches,
# a build need not read the registry's YAML (100 ms of the first build in a process: a
# `timeline append`) to find nothing to write.
REGISTRY_MARK = "registry:shipped"
REGISTRY_ROWS = 1


def write_registry(db: sqlite_utils.Database) -> set[str]:
    """The shipped offices and holders; a row recorded in the archive stays as it is. Written
    only when the file lacks one of them (replacing the offices on every build made each
    incremental build commit and sync a transaction of its own), and looked for only when the
    shipped files are not the ones the file holds. Returns the people of the holders it added,
    whose rows are to be written."""
    mark = _shipped_mark()
    found = db.execute(f"select position from {TRACKING_TABLE} where name = ?", [REGISTRY_MARK])
    if found.fetchone() == (mark,):
        return set()
    offices, holders = _shipped_rows()
    with db.atomic():
        stored = {tuple(row) for row in db.execute(f"select {_OFFICE_COLUMNS} from offices")}
        if not {tuple(row.values()) for row in offices} <= stored:
            db["offices"].insert_all(offices, pk="slug", replace=True)
        held = {row[0] for row in db.execute("select id from office_holders")}
        added = [row for row in holders if row["id"] not in held]
        db["office_holders"].insert_all(added, pk="id", ignore=True)
        db.execute(
            f"insert or replace into {TRACKING_TABLE} (name, position, updated_at) "
            "values (?, ?, ?)",
            [REGISTRY_MARK, mark, datetime.now(UTC).isoformat()],
        )
    return {row["person"] for row in added}


@cache
def _shipped_mark() -> int:
    """A checksum of the shipped registry's files and of REGISTRY_ROWS."""
    crc = zlib.crc32(str(REGISTRY_ROWS).encode())
    for item in sorted(DATA.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            crc = zlib.crc32(item.read_bytes(), zlib.crc32(item.name.encode(), crc))
    return crc


@cache
def _shipped_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    registry = shipped()
    offices = [office_row(o) for o in registry.offices.values()]
    holders = [holder_row(registry.offices[h.office], h) for h in registry.holdings]
    return offices, holders


_OFFICE_COLUMNS = "slug, country, kind, title, titles, organisation, single_holder, origin, source"


def is_office_event(event: Any) -> bool:
    """Events of offices and of decisions about people, which this module projects. Their
    classes are in events.offices and events.persons: while neither is imported (the mapper
    imports an event's module to decode it), no event is one of them, and neither is imported
    to ask. An append of engagements then loads neither model module (python -X importtime:
    12-15 ms of its process on the shared machine)."""
    offices, persons = sys.modules.get("events.offices"), sys.modules.get("events.persons")
    return (offices is not None and isinstance(event, offices.OfficeHolding.Event)) or (
        persons is not None and isinstance(event, persons.PersonDecision.Event)
    )


def project_offices(db: sqlite_utils.Database, events: Iterable[Any]) -> bool:
    """Fold office events into their tables; whether there were any."""
    events = list(events)
    if not events:
        return False
    from events.persons import PersonDecision

    for event in events:
        if isinstance(event, PersonDecision.Event):
            write_decision(db, event)
            continue
        state = event.evolve(_current(db, event.originator_id))
        _write_holding(db, event, state)
    return True


def _current(db: sqlite_utils.Database, key: Any) -> HoldingState | None:
    from events.offices import HoldingState

    row = db.execute(
        "select state from office_revisions where json_extract(state, '$.id') = ? "
        "order by version desc limit 1",
        [str(key)],
    ).fetchone()
    return HoldingState.model_validate_json(row[0]) if row else None


def _write_holding(db: sqlite_utils.Database, event: Any, state: HoldingState) -> None:
    record = state.record
    ref = holding_ref(record.office, record.holder, record.start)
    defined = office_of(record)
    if defined is not None:
        db["offices"].insert(office_row(defined), pk="slug", ignore=True)
    office = _office(db, record.office) or defined
    first = db.execute(
        "select state from office_revisions where holding = ? and version = 1", [state.key]
    ).fetchone()
    if first is not None:  # a correction may move the start: the row of the old id goes
        from events.offices import HoldingState

        old = HoldingState.model_validate_json(first[0]).record
        db.execute(
            "delete from office_holders where id = ? and origin = ?",
            [holding_ref(old.office, old.holder, old.start), RECORD],
        )
    db.execute("delete from office_holders where id = ?", [ref])
    if not state.withdrawn and office is not None:
        holding = holding_of(record, RECORD, state.version)
        db["office_holders"].insert(holder_row(office, holding, state.reason), pk="id")
    elif state.withdrawn:
        _restore_registry(db, ref)
    db["office_revisions"].insert(
        {
            "holding": state.key,
            "version": state.version,
            "event": type(event).__name__,
            "recorded_at": event.timestamp.isoformat(),
            "reason": state.reason if state.version > 1 else None,
            "changes": json.dumps(getattr(event, "changes", None), ensure_ascii=False),
            "origin": getattr(event, "origin", None),
            "state": state.model_dump_json(),
        },
        pk=("holding", "version"),
        replace=True,
    )


def _restore_registry(db: sqlite_utils.Database, ref: str) -> None:
    registry = shipped()
    for h in registry.holdings:
        if h.id == ref:
            db["office_holders"].insert(holder_row(registry.offices[h.office], h), pk="id")


def _office(db: sqlite_utils.Database, slug: str) -> Office | None:
    rows = list(db.query("select * from offices where slug = ?", [slug]))
    return _office_of_row(rows[0]) if rows else None


def _office_of_row(row: dict[str, Any]) -> Office:
    return Office(
        slug=row["slug"],
        country=row["country"],
        kind=row["kind"],
        title=row["title"],
        titles=tuple(json.loads(row["titles"] or "[]")),
        single_holder=bool(row["single_holder"]),
        organisation=row["organisation"],
        source=row["source"],
        origin=row["origin"],
    )


_OFFICES = "select * from offices"
_HOLDERS = (
    "select office, holder, start_date, end_date, source, variants, note, origin, version "
    "from office_holders"
)


def projected_registry(db: sqlite_utils.Database) -> Registry:
    """The registry as timeline.db holds it: shipped and recorded."""
    cursor = db.execute(_OFFICES)
    columns = tuple(c[0] for c in cursor.description)
    return _registry_of(columns, tuple(cursor), tuple(db.execute(_HOLDERS)))


@lru_cache(maxsize=1)
def _registry_of(
    columns: tuple[str, ...], offices: tuple[tuple[Any, ...], ...], holders: tuple[Any, ...]
) -> Registry:
    """The registry of these rows of `offices` and `office_holders`: made again only when they
    change (a build read and parsed some 300 rows for each batch it projected)."""
    by_slug = {}
    for values in offices:
        row = dict(zip(columns, values, strict=True))
        by_slug[row["slug"]] = _office_of_row(row)
    holdings = [
        Holding(
            office=office,
            holder=holder,
            start=date.fromisoformat(start),
            end=date.fromisoformat(end) if end else None,
            source=source,
            variants=tuple(json.loads(variants or "[]")),
            note=note,
            origin=origin,
            version=version,
        )
        for office, holder, start, end, source, variants, note, origin, version in holders
    ]
    return Registry(by_slug, holdings)


def flag_participants(
    db: sqlite_utils.Database,
    engagements: Iterable[str] | None,
    registry: Registry | None = None,
) -> None:
    """Work out `registry_conflict` and `registry_entry` for the participants of these
    engagements (all, if None), against `registry` (the one timeline.db holds, if None).
    Only the rows whose flags change are written, and all of them are read as a stream: a
    rebuild of a million engagements held 3.3 million participants and their updates."""
    registry = registry or projected_registry(db)
    sql = (
        "select engagement, position, name, variants, title, country, start_date, "
        "registry_conflict, registry_entry from participants"
    )
    if engagements is None:
        rows: Iterable[tuple[Any, ...]] = db.execute(sql)
    else:
        rows = [
            r for slug in engagements for r in db.execute(sql + " where engagement = ?", [slug])
        ]
    updates = []
    for engagement, position, name, variants, title, country, start, *flags in rows:
        found = None
        if registry.offices_titled(country, title):
            names = [name, *json.loads(variants or "[]")]
            found = conflict(registry, names, title, country, date.fromisoformat(start))
        new = [found.message, found.entry] if found else [None, None]
        if new != flags:
            updates.append((*new, engagement, position))
    db.conn.executemany(
        "update participants set registry_conflict = ?, registry_entry = ? "
        "where engagement = ? and position = ?",
        updates,
    )


def flagged_participants(db: Any, slugs: Iterable[str]) -> list[tuple[str, str, str, str]]:
    """(engagement, name, title, what the registry says) of each participant of these
    engagements whose title the registry contradicts, as `flag_participants` left them: a
    lookup by engagement (`db`: a connection to timeline.db)."""
    return [
        (slug, name, title, message)
        for slug in slugs
        for name, title, message in db.execute(
            "select name, title, registry_conflict from participants where engagement = ? "
            "and registry_conflict is not null order by position",
            [slug],
        )
    ]


def write_decision(db: sqlite_utils.Database, event: Any) -> None:
    """A decision about people as it stands after `event` (its whole state is in the row)."""
    from events.persons import DecisionState

    found = db.execute(
        "select state from person_decisions where json_extract(state, '$.id') = ?",
        [str(event.originator_id)],
    ).fetchone()
    previous = DecisionState.model_validate_json(found[0]) if found else None
    state = event.evolve(previous)
    record = state.record
    db["person_decisions"].insert(
        {
            "id": record.key,
            "decision": record.decision,
            "person": record.person,
            "into": record.into,
            "names": json.dumps(record.names, ensure_ascii=False),
            "reason": record.reason,
            "decided_at": state.decided_at.isoformat(),
            "reverted": int(state.reverted),
            "revert_reason": state.revert_reason,
            "version": state.version,
            "state": state.model_dump_json(),
        },
        pk="id",
        replace=True,
    )
