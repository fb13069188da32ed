"""Office records in record files: an `offices:` list beside (or instead of) `engagements:`,
each one holder of one office, validated as `events.offices.OfficeRecord`.

A record may carry `reason:`: then it corrects the recorded holding of the same office, holder
and start (or withdraws it, with `withdrawn: true`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from events import country, describe_validation_error
from events.offices import OfficeRecord
from events.persons import PersonDecisionRecord
from timeline.errors import RecordError
from timeline.inputs.records import _twice_keyed
from timeline.offices.registry import Registry, holding_of, office_of, overlap

# Keys of an office record that are about the change, not the holding.
CHANGE_KEYS = ("reason", "withdrawn")


@dataclass(frozen=True)
class OfficeEntry:
    """An office record of a file, where it came from, and the change it asks for."""

    file: str
    index: int
    record: OfficeRecord
    reason: str | None = None
    withdrawn: bool = False

    @property
    def origin(self) -> str:
        return f"{self.file}: office record {self.index}"

    def error(self, message: str) -> RecordError:
        return RecordError(
            self.file, f"office record {self.index} ({self.record.office}): {message}"
        )


def _validate(raw: Any, name: str, index: int) -> OfficeEntry:
    where = f"office record {index}"
    if not isinstance(raw, dict):
        raise RecordError(name, f"{where}: expected a mapping of fields")
    if found := _twice_keyed(raw):
        raise RecordError(name, f"{where}: {found[0]}: key {found[1]!r} is given twice")
    data = {k: v for k, v in raw.items() if not (isinstance(k, str) and k.startswith("x-"))}
    reason = data.pop("reason", None)
    withdrawn = data.pop("withdrawn", False)
    label = f"{where} ({data.get('office')})" if isinstance(data.get("office"), str) else where
    if reason is not None and (not isinstance(reason, str) or not reason.strip()):
        raise RecordError(name, f"{label}: reason: say why (an empty reason is refused)")
    if withdrawn not in (True, False) or (withdrawn and reason is None):
        raise RecordError(name, f"{label}: withdrawn: true, with a reason, or leave it out")
    try:
        record = OfficeRecord.model_validate(data)
    except ValidationError as e:
        raise RecordError(name, f"{label}: {describe_validation_error(e)}") from None
    return OfficeEntry(name, index, record, reason, bool(withdrawn))


def validate_offices(listed: Iterable[tuple[str, int, Any]]) -> list[OfficeEntry]:
    """The office records `records.listed` found, validated one by one (the first bad one
    raises)."""
    return [_validate(raw, name, index) for name, index, raw in listed]


def check_offices(entries: list[OfficeEntry], registry: Registry) -> None:
    """Each record names an office the registry knows or defines one, agrees with the office it
    names, and no two holders of a single-holder office overlap (the registry's, the recorded
    ones and the batch's); raises `RecordError` naming the file, record and field."""
    offices = dict(registry.offices)
    for entry in entries:
        _check_office(entry, offices)
    holdings = {h.id: h for h in registry.holdings}
    for entry in entries:
        new = holding_of(entry.record)
        if entry.withdrawn:
            holdings.pop(new.id, None)
            continue
        holdings[new.id] = new
        office = offices[entry.record.office]
        found = overlap(office, [h for h in holdings.values() if h.office == office.slug])
        if found and new in found:
            other = found[0] if found[1] is new else found[1]
            raise entry.error(
                f"start: {new.holder} ({new.start} to {new.end or 'in office'}) overlaps "
                f"{other.holder} ({other.start} to {other.end or 'in office'}, {other.origin}) "
                f"in {office.title} ({office.country}), which one person holds at a time"
            )


def _check_office(entry: OfficeEntry, offices: dict[str, Any]) -> None:
    record = entry.record
    known = offices.get(record.office)
    if known is None:
        defined = office_of(record)
        if defined is None:
            missing = next(f for f in ("country", "kind", "title") if getattr(record, f) is None)
            raise entry.error(
                f"{missing}: the registry has no office {record.office!r}; define it with "
                "country, kind and title"
            )
        offices[record.office] = defined
        return
    for field in ("country", "kind", "title"):
        given = getattr(record, field)
        if given is not None and given != getattr(known, field):
            raise entry.error(
                f"{field}: {given!r}, but office {record.office!r} has {getattr(known, field)!r}"
            )
    if record.country is not None:
        country(record.country)


@dataclass(frozen=True)
class DecisionEntry:
    """A decision about people in a record file: `merge: ID, into: ID` or `split: ID, names:
    [...], into: ID`, with a reason; `revert: true` reverts the decision so named."""

    file: str
    index: int
    record: PersonDecisionRecord
    revert: bool = False

    @property
    def origin(self) -> str:
        return f"{self.file}: people record {self.index}"

    def error(self, message: str) -> RecordError:
        return RecordError(self.file, f"people record {self.index} ({self.record.key}): {message}")


def validate_decisions(listed: Iterable[tuple[str, int, Any]]) -> list[DecisionEntry]:
    """The decisions about people `records.listed` found, validated (the first bad one
    raises)."""
    return [_decision(raw, name, index) for name, index, raw in listed]


def _decision(raw: Any, name: str, index: int) -> DecisionEntry:
    where = f"people record {index}"
    if not isinstance(raw, dict):
        raise RecordError(name, f"{where}: expected a mapping of fields")
    kinds = [k for k in ("merge", "split") if k in raw]
    if len(kinds) != 1:
        raise RecordError(name, f"{where}: decision: give `merge: ID` or `split: ID` (one)")
    data = {k: v for k, v in raw.items() if k not in ("merge", "split", "revert")}
    data.update(decision=kinds[0], person=raw[kinds[0]])
    revert = raw.get("revert", False)
    if revert not in (True, False):
        raise RecordError(name, f"{where}: revert: true, or leave it out")
    try:
        record = PersonDecisionRecord.model_validate(data)
    except ValidationError as e:
        raise RecordError(name, f"{where}: {describe_validation_error(e)}") from None
    return DecisionEntry(name, index, record, bool(revert))
