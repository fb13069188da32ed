"""Decisions about people: two ids that are one person (a merge) or one id that is two (a
split, by the spellings that belong to the other). Recorded as events, each reversible by a
`Reverted` event with its reason: never silent."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Literal
from uuid import UUID, uuid5

from eventsourcing.domain import BaseAggregate, CanInitAggregate, CanMutateAggregate
from pydantic import Field, model_validator

from events.engagement import DomainEvent, EngagementError
from events.facts import Model, Text
from events.identity import NAMESPACE

PersonId = Text


class PersonDecisionRecord(Model):
    """`merge` PERSON `into` OTHER, or `split` from PERSON the `names` `into` a new id."""

    decision: Literal["merge", "split"]
    person: PersonId = Field(description="The person id the decision is about.")
    into: PersonId = Field(description="Where its participants (or the named ones) go.")
    names: list[Text] = Field(default_factory=list, description="A split's spellings.")
    reason: Text = Field(description="Why: a decision about people is never silent.")

    @model_validator(mode="after")
    def _coherent(self) -> PersonDecisionRecord:
        if self.person == self.into:
            raise ValueError("into: a person is merged into or split off another id")
        if self.decision == "split" and not self.names:
            raise ValueError("names: a split names the spellings that go to the other id")
        if self.decision == "merge" and self.names:
            raise ValueError("names: a merge takes every spelling; names are for a split")
        return self

    @property
    def key(self) -> str:
        return f"{self.decision}:{self.person}:{self.into}"


def decision_id(key: str) -> UUID:
    return uuid5(NAMESPACE, f"person-decision:{key}")


class DecisionState(Model):
    id: UUID
    version: int
    record: PersonDecisionRecord
    decided_at: datetime
    reverted: bool = False
    revert_reason: Text | None = None


class PersonDecision(BaseAggregate[UUID]):
    """A merge or split of people, and its reversal."""

    class Event(DomainEvent, CanMutateAggregate[UUID]):
        def evolve(self, state: DecisionState | None) -> DecisionState:
            raise NotImplementedError

        def apply(self, aggregate: Any) -> None:
            aggregate.state = self.evolve(getattr(aggregate, "state", None))

    class Decided(Event, CanInitAggregate[UUID]):
        class_version: ClassVar[int] = 1
        originator_topic: str
        record: PersonDecisionRecord
        origin: str | None

        def evolve(self, state: DecisionState | None) -> DecisionState:
            return DecisionState(
                id=self.originator_id,
                version=self.originator_version,
                record=self.record,
                decided_at=self.timestamp,
            )

    class Reverted(Event):
        class_version: ClassVar[int] = 1
        reason: Text

        def evolve(self, state: DecisionState | None) -> DecisionState:
            assert state is not None
            return state.model_copy(
                update={
                    "version": self.originator_version,
                    "reverted": True,
                    "revert_reason": self.reason,
                }
            )

    class Redecided(Event):
        """A reverted decision taken again, with why."""

        class_version: ClassVar[int] = 1
        reason: Text

        def evolve(self, state: DecisionState | None) -> DecisionState:
            assert state is not None
            return state.model_copy(
                update={
                    "version": self.originator_version,
                    "reverted": False,
                    "revert_reason": None,
                }
            )

    @classmethod
    def decide(cls, record: PersonDecisionRecord, origin: str | None = None) -> PersonDecision:
        return cls._create(cls.Decided, id=decision_id(record.key), record=record, origin=origin)

    def revert(self, reason: str) -> None:
        if self.state.reverted:
            raise EngagementError("revert: this decision is already reverted")
        self.trigger_event(self.Reverted, reason=reason)

    def redecide(self, reason: str) -> None:
        if not self.state.reverted:
            raise EngagementError("this decision is already in force")
        self.trigger_event(self.Redecided, reason=reason)
