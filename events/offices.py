"""Offices and who held them: an office record (one holder of one office, with dates and the
source of the fact) and the `OfficeHolding` aggregate, event-sourced as engagements are."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Literal
from uuid import UUID, uuid5

from eventsourcing.domain import BaseAggregate, CanInitAggregate, CanMutateAggregate
from pydantic import Field, ValidationError, model_validator

from events.engagement import DomainEvent, EngagementError, describe_validation_error
from events.facts import CountryCode, Model, Slug, Text
from events.identity import NAMESPACE

# The kinds of office the registry knows; an office record names one of them.
OFFICE_KINDS: dict[str, str] = {
    "head_of_state": "Head of state",
    "head_of_government": "Head of government",
    "party_leader": "Leader of the ruling party",
    "foreign_minister": "Foreign minister",
    "public_security_minister": "Minister of public security",
    "home_affairs_minister": "Minister of home affairs / the interior",
    "justice_minister": "Minister of justice / attorney general",
    "defence_minister": "Minister of defence",
    "homeland_security_minister": "Minister of homeland security",
    "deputy_minister": "Deputy minister",
    "agency_head": "Head of a police or security agency",
    "deputy_agency_head": "Deputy head of a police or security agency",
}
OfficeKind = Literal[
    "head_of_state",
    "head_of_government",
    "party_leader",
    "foreign_minister",
    "public_security_minister",
    "home_affairs_minister",
    "justice_minister",
    "defence_minister",
    "homeland_security_minister",
    "deputy_minister",
    "agency_head",
    "deputy_agency_head",
]
OFFICE_TOPIC = "events.offices:"


class OfficeRecord(Model):
    """One holder of one office, from a start to an end (none: in office), with the source of
    the fact. The office is the registry's, or defined here by country, kind and title."""

    office: Slug = Field(description="The office's slug, e.g. `vn-prime-minister`.")
    holder: Text = Field(description="The holder's name as the source writes it.")
    variants: list[Text] = Field(default_factory=list, description="Other spellings of the name.")
    start: date = Field(description="The first day in office.")
    end: date | None = Field(None, description="The last day in office; none while in office.")
    source: Text = Field(description="Where the fact comes from: a URL or a publication.")
    note: Text | None = Field(None, description="Anything the dates do not say (acting, etc.).")
    country: CountryCode | None = Field(
        None, description="The office's country: required for an office the registry lacks."
    )
    kind: OfficeKind | None = Field(
        None, description="The office's kind: required for an office the registry lacks."
    )
    title: Text | None = Field(
        None, description="The office's title: required for an office the registry lacks."
    )
    titles: list[Text] = Field(
        default_factory=list, description="Other titles records give the office's holder."
    )
    single_holder: bool | None = Field(
        None, description="One holder at a time (a minister), or many (deputy ministers)."
    )

    @model_validator(mode="after")
    def _end_not_before_start(self) -> OfficeRecord:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end: {self.end} is before start {self.start}")
        return self

    @property
    def key(self) -> str:
        """The holding's key: office, holder and start; its id is the uuid5 of this."""
        return holding_key(self.office, self.holder, self.start)


def holding_key(office: str, holder: str, start: date) -> str:
    return f"office:{office}:{holder.casefold()}:{start.isoformat()}"


def holding_id(key: str) -> UUID:
    return uuid5(NAMESPACE, key)


class HoldingState(Model):
    """An office holding as folded from its events."""

    id: UUID
    key: str
    version: int
    record: OfficeRecord
    recorded_at: datetime
    modified_at: datetime
    reason: Text | None = None
    withdrawn: bool = False


class OfficeHolding(BaseAggregate[UUID]):
    """One holder of one office: recorded, corrected (with a reason), withdrawn (with one)."""

    class Event(DomainEvent, CanMutateAggregate[UUID]):
        def evolve(self, state: HoldingState | None) -> HoldingState:
            raise NotImplementedError

        def apply(self, aggregate: Any) -> None:
            aggregate.state = self.evolve(getattr(aggregate, "state", None))

    class Recorded(Event, CanInitAggregate[UUID]):
        class_version: ClassVar[int] = 1
        originator_topic: str
        key: str
        record: OfficeRecord
        origin: str | None

        def evolve(self, state: HoldingState | None) -> HoldingState:
            return HoldingState(
                id=self.originator_id,
                key=self.key,
                version=self.originator_version,
                record=self.record,
                recorded_at=self.timestamp,
                modified_at=self.timestamp,
            )

    class Corrected(Event):
        class_version: ClassVar[int] = 1
        changes: dict[str, Any]
        reason: Text

        def evolve(self, state: HoldingState | None) -> HoldingState:
            assert state is not None
            record = OfficeRecord.model_validate(
                {**state.record.model_dump(mode="json"), **self.changes}
            )
            return state.model_copy(
                update={
                    "version": self.originator_version,
                    "modified_at": self.timestamp,
                    "record": record,
                    "reason": self.reason,
                }
            )

    class Withdrawn(Event):
        class_version: ClassVar[int] = 1
        reason: Text

        def evolve(self, state: HoldingState | None) -> HoldingState:
            assert state is not None
            return state.model_copy(
                update={
                    "version": self.originator_version,
                    "modified_at": self.timestamp,
                    "reason": self.reason,
                    "withdrawn": True,
                }
            )

    @classmethod
    def record(cls, record: OfficeRecord, origin: str | None = None) -> OfficeHolding:
        key = record.key
        return cls._create(cls.Recorded, id=holding_id(key), key=key, record=record, origin=origin)

    def correct(self, record: OfficeRecord, reason: str) -> None:
        """Make the holding say what `record` says; the changed fields are the event's."""
        if self.state.withdrawn:
            raise EngagementError("withdrawn: a withdrawn office record is not corrected")
        if not reason.strip():
            raise EngagementError("reason: say why (an empty reason is refused)")
        old, new = self.state.record.model_dump(mode="json"), record.model_dump(mode="json")
        changes = {k: v for k, v in new.items() if old.get(k) != v}
        if not changes:
            raise EngagementError("the correction changes nothing")
        try:
            self.trigger_event(self.Corrected, changes=changes, reason=reason)
        except ValidationError as e:
            raise EngagementError(describe_validation_error(e)) from None

    def withdraw(self, reason: str) -> None:
        if self.state.withdrawn:
            raise EngagementError("withdrawn: this office record is already withdrawn")
        if not reason.strip():
            raise EngagementError("reason: say why (an empty reason is refused)")
        self.trigger_event(self.Withdrawn, reason=reason)
