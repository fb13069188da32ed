"""The `Engagement` aggregate and its events. Nothing is updated in place: the state is the fold."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from eventsourcing.domain import BaseAggregate, CanInitAggregate, CanMutateAggregate
from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

from events.facts import EngagementFacts, Evidence, Model, Slug, Source, Text
from events.identity import engagement_id


def _trust_validated(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # Facts are frozen and were validated when made: passing them on into an event or a state
    # must not run every check again (that doubled the cost of recording a batch).
    return value if type(value) is EngagementFacts else handler(value)


Facts = Annotated[EngagementFacts, WrapValidator(_trust_validated)]


class EngagementError(ValueError):
    """A command the engagement refuses: the message says why."""


class Retraction(Model):
    reason: Text
    merged_into: Slug | None = None


class EngagementState(Model):
    """The current state of an engagement, as folded from its events."""

    id: UUID
    version: int
    facts: Facts
    recorded_at: datetime
    modified_at: datetime
    retraction: Retraction | None = None


class DomainEvent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    originator_id: UUID
    originator_version: int
    timestamp: datetime


class Engagement(BaseAggregate[UUID]):
    """One dialogue, visit, meeting or embassy visit, identified by the uuid5 of its slug.

    Its `state` (an `EngagementState`) is set by each event's `apply`.
    """

    class Event(DomainEvent, CanMutateAggregate[UUID]):
        def evolve(self, state: EngagementState | None) -> EngagementState:
            """The state after this event: a pure function, shared by the aggregate and the
            projection."""
            raise NotImplementedError

        def _next(self, state: EngagementState | None, **changes: Any) -> EngagementState:
            assert state is not None
            return state.model_copy(
                update={
                    "version": self.originator_version,
                    "modified_at": self.timestamp,
                    **changes,
                }
            )

        def apply(self, aggregate: Any) -> None:
            aggregate.state = self.evolve(getattr(aggregate, "state", None))

    class Recorded(Event, CanInitAggregate[UUID]):
        originator_topic: str
        facts: Facts

        def evolve(self, state: EngagementState | None) -> EngagementState:
            return EngagementState(
                id=self.originator_id,
                version=self.originator_version,
                facts=self.facts,
                recorded_at=self.timestamp,
                modified_at=self.timestamp,
            )

    class Corrected(Event):
        changes: dict[str, Any]
        reason: Text
        source: Source | None = None

        def evolve(self, state: EngagementState | None) -> EngagementState:
            assert state is not None
            data = state.facts.model_dump(mode="json")
            data.update(self.changes)
            if self.source and all(s.document != self.source.document for s in state.facts.sources):
                data["sources"] = [*data["sources"], self.source.model_dump(mode="json")]
            return self._next(state, facts=EngagementFacts.model_validate(data))

    class SourceAdded(Event):
        source: Source
        evidence: tuple[Evidence, ...] = ()

        def evolve(self, state: EngagementState | None) -> EngagementState:
            assert state is not None
            facts = state.facts.model_copy(
                update={
                    "sources": [*state.facts.sources, self.source],
                    "evidence": [*state.facts.evidence, *self.evidence],
                }
            )
            return self._next(state, facts=facts)

    class Retracted(Event):
        reason: Text
        merged_into: Slug | None = None

        def evolve(self, state: EngagementState | None) -> EngagementState:
            retraction = Retraction(reason=self.reason, merged_into=self.merged_into)
            return self._next(state, retraction=retraction)

    @classmethod
    def record(cls, facts: EngagementFacts) -> Engagement:
        return cls._create(cls.Recorded, id=engagement_id(facts.slug), facts=facts)

    @property
    def slug(self) -> str:
        return self.state.facts.slug

    @property
    def facts(self) -> EngagementFacts:
        return self.state.facts

    def correct(self, changes: dict[str, Any], reason: str, source: Source | None = None) -> None:
        """Change some fields; the new facts must validate as a whole."""
        unknown = sorted(set(changes) - set(EngagementFacts.model_fields))
        if unknown:
            raise EngagementError(f"{unknown[0]}: no such field")
        if "slug" in changes and changes["slug"] != self.slug:
            raise EngagementError("slug: a slug never changes; retract with --merged-into instead")
        current = self.facts.model_dump(mode="json")
        try:
            new = EngagementFacts.model_validate({**current, **changes}).model_dump(mode="json")
        except ValidationError as e:
            raise EngagementError(describe_validation_error(e)) from None
        changed = {k: new[k] for k in changes if new[k] != current[k]}
        if not changed:
            raise EngagementError("the correction changes nothing")
        self.trigger_event(
            self.Corrected,
            changes=changed,
            reason=reason,
            source=source,
        )

    def add_source(self, source: Source, evidence: list[Evidence] | None = None) -> None:
        if any(s.document == source.document for s in self.facts.sources):
            raise EngagementError(f"sources: document {source.document!r} is already a source")
        self.trigger_event(self.SourceAdded, source=source, evidence=evidence or [])

    def retract(self, reason: str, merged_into: str | None = None) -> None:
        if self.state.retraction:
            raise EngagementError(f"{self.slug} is already retracted")
        if merged_into == self.slug:
            raise EngagementError("merged_into: an engagement cannot be merged into itself")
        self.trigger_event(self.Retracted, reason=reason, merged_into=merged_into)


def describe_validation_error(error: ValidationError) -> str:
    """The first problem of a pydantic error, as `field.path[index]: message`."""
    first = error.errors()[0]
    path = ""
    for part in first["loc"]:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    message = first["msg"].removeprefix("Value error, ")
    return f"{path}: {message}" if path else message
