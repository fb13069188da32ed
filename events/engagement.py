"""The `Engagement` aggregate and its events. Nothing is updated in place: the state is the fold."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, ClassVar
from uuid import UUID

from eventsourcing.domain import BaseAggregate, CanInitAggregate, CanMutateAggregate
from eventsourcing.utils import get_topic
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

from events.collections import COLLECTIONS, CURATED, check_collection, collection_of_stored
from events.facts import STORED, EngagementFacts, Evidence, Model, Slug, Source, Text
from events.identity import engagement_id


def _trust_validated(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # Facts are frozen and were validated when made: passing them on into an event or a state
    # must not run every check again (that doubled the cost of recording a batch).
    return value if type(value) is EngagementFacts else handler(value)


Facts = Annotated[EngagementFacts, WrapValidator(_trust_validated)]


def _known_collection(value: str, info: ValidationInfo) -> str:
    # A stored event's collection was known when it was recorded (events.facts.STORED).
    return value if info.context is STORED else check_collection(value)


CollectionName = Annotated[str, AfterValidator(_known_collection)]


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
    # Evidence kept but no longer current: its position in `facts.evidence` -> the version of
    # the correction that changed its field. The fact it quoted is not the fact recorded now.
    superseded: dict[int, int] = Field(default_factory=dict)
    # Fields whose current value a correction set with no quote for it: field -> that version.
    unsourced: dict[str, int] = Field(default_factory=dict)
    # The collection its `Recorded` event named (events.collections); the default reads states
    # saved in timeline.db before collections existed.
    collection: str = CURATED


class DomainEvent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

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
        """The facts as first known, where they came from (a record file and its number), and
        the collection they belong to.

        v2 added `origin`; events stored by v1 have none. v3 added `collection`; events stored
        by v1 and v2 get it from what they hold (`events.collections.collection_of_stored`)."""

        class_version: ClassVar[int] = 3
        originator_topic: str
        facts: Facts
        origin: str | None
        collection: CollectionName = CURATED

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["origin"] = None

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["collection"] = collection_of_stored(state)

        def evolve(self, state: EngagementState | None) -> EngagementState:
            return EngagementState(
                id=self.originator_id,
                version=self.originator_version,
                facts=self.facts,
                recorded_at=self.timestamp,
                modified_at=self.timestamp,
                collection=self.collection,
            )

    class Corrected(Event):
        """Fields changed, why, and on what evidence: the documents that justify it (added to
        the engagement's sources) and quotes for the changed facts.

        v2 holds `sources` (any number) and `evidence`; v1 held one optional `source`."""

        class_version: ClassVar[int] = 2
        changes: dict[str, Any]
        reason: Text
        sources: tuple[Source, ...] = ()
        evidence: tuple[Evidence, ...] = ()

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            source = state.pop("source", None)
            state["sources"] = [source] if source else []
            state["evidence"] = []

        def evolve(self, state: EngagementState | None) -> EngagementState:
            assert state is not None
            facts = corrected_facts(state.facts, self.changes, self.sources, self.evidence)
            superseded, unsourced = corrected_support(state, self)
            return self._next(state, facts=facts, superseded=superseded, unsourced=unsourced)

    class SourceAdded(Event):
        """Another document reports the engagement (corroboration), with its quotes."""

        class_version: ClassVar[int] = 1
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
            quoted = {e.root for e in self.evidence}
            unsourced = {k: v for k, v in state.unsourced.items() if k not in quoted}
            return self._next(state, facts=facts, unsourced=unsourced)

    class Retracted(Event):
        """The engagement is withdrawn: wrong, or a duplicate `merged_into` another slug."""

        class_version: ClassVar[int] = 1
        reason: Text
        merged_into: Slug | None = None

        def evolve(self, state: EngagementState | None) -> EngagementState:
            retraction = Retraction(reason=self.reason, merged_into=self.merged_into)
            return self._next(state, retraction=retraction)

    @classmethod
    def record(
        cls, facts: EngagementFacts, origin: str | None = None, collection: str = CURATED
    ) -> Engagement:
        return cls._create(
            cls.Recorded,
            id=engagement_id(facts.slug),
            facts=facts,
            origin=origin,
            collection=collection,
        )

    @classmethod
    def recorded(
        cls,
        facts: EngagementFacts,
        origin: str | None = None,
        collection: str = CURATED,
        *,
        originator_id: UUID | None = None,
    ) -> Engagement.Recorded:
        """The event `record` triggers, without the aggregate: a batch of new engagements
        stores these as they are. The aggregate, its state and its fold cost four times the
        event (20 us against 5 us an engagement), and a new engagement needs none of them.
        `originator_id` is `engagement_id(facts.slug)`, when the caller has worked it out.
        Values already of their fields' types (validated facts, a known collection) are not
        validated again (see `_of_their_types`)."""
        values = {
            "originator_id": originator_id or engagement_id(facts.slug),
            "originator_version": cls.INITIAL_VERSION,
            "timestamp": cls.Recorded.create_timestamp(),
            "originator_topic": _ENGAGEMENT_TOPIC,
            "facts": facts,
            "origin": origin,
            "collection": collection,
        }
        if _of_their_types(values):
            return _unchecked(cls.Recorded, values)
        return cls.Recorded(**values)

    @classmethod
    def from_recorded(cls, event: Engagement.Recorded) -> Engagement:
        """The aggregate `record` would have made with `event`, its event still pending."""
        engagement = event.mutate(None)
        assert isinstance(engagement, Engagement)
        engagement.pending_events.append(event)
        return engagement

    @property
    def slug(self) -> str:
        return self.state.facts.slug

    @property
    def facts(self) -> EngagementFacts:
        return self.state.facts

    def correct(
        self,
        changes: dict[str, Any],
        reason: str,
        sources: Sequence[Source] = (),
        evidence: Sequence[Evidence] = (),
    ) -> None:
        """Change some fields; the new facts, with the new sources and evidence, must validate
        as a whole. A source already among the engagement's (same document) is not added twice."""
        if self.state.retraction:
            raise EngagementError("retracted: a retracted engagement is not corrected")
        _check_reason(reason)
        unknown = sorted(set(changes) - set(EngagementFacts.model_fields))
        if unknown:
            raise EngagementError(f"{unknown[0]}: no such field")
        if "slug" in changes and changes["slug"] != self.slug:
            raise EngagementError("slug: a slug never changes; retract with --merged-into instead")
        current = self.facts.model_dump(mode="json")
        try:
            new = corrected_facts(self.facts, changes, sources, evidence).model_dump(mode="json")
        except ValidationError as e:
            raise EngagementError(describe_validation_error(e)) from None
        changed = {k: new[k] for k in changes if new[k] != current[k]}
        if not changed:
            raise EngagementError("the correction changes nothing")
        self._trigger(
            self.Corrected,
            changes=changed,
            reason=reason,
            sources=tuple(sources),
            evidence=tuple(evidence),
        )

    def add_source(self, source: Source, evidence: list[Evidence] | None = None) -> None:
        if self.state.retraction:
            raise EngagementError("retracted: a retracted engagement takes no more sources")
        if any(s.document == source.document for s in self.facts.sources):
            raise EngagementError(f"sources: document {source.document!r} is already a source")
        self._trigger(self.SourceAdded, source=source, evidence=tuple(evidence or ()))

    def retract(self, reason: str, merged_into: str | None = None) -> None:
        if self.state.retraction:
            raise EngagementError(f"{self.slug} is already retracted")
        _check_reason(reason)
        if merged_into == self.slug:
            raise EngagementError("merged_into: an engagement cannot be merged into itself")
        self._trigger(self.Retracted, reason=reason, merged_into=merged_into)

    def _trigger(self, event_class: type[Event], **fields: Any) -> None:
        """Trigger an event; a field it refuses is the caller's error, named, not a crash."""
        try:
            self.trigger_event(event_class, **fields)
        except ValidationError as e:
            raise EngagementError(describe_validation_error(e)) from None


_ENGAGEMENT_TOPIC = get_topic(Engagement)
_new = object.__new__
_set = object.__setattr__


def _of_their_types(values: dict[str, Any]) -> bool:
    """Whether a `Recorded` event's values are what validating them would keep as they are:
    validation then only costs (6 of the 9 us of making the event, cProfile of a bulk append
    of 30,000; tests/events check that both ways make equal events)."""
    origin = values["origin"]
    return (
        type(values["facts"]) is EngagementFacts
        and type(values["originator_id"]) is UUID
        and type(values["timestamp"]) is datetime
        and (origin is None or type(origin) is str)
        and type(values["collection"]) is str
        and values["collection"] in COLLECTIONS
    )


def _unchecked(cls: type[Engagement.Recorded], values: dict[str, Any]) -> Engagement.Recorded:
    """The event of `values`, every field given, as pydantic's `model_construct` makes it."""
    event = _new(cls)
    _set(event, "__dict__", values)
    _set(event, "__pydantic_fields_set__", set(values))
    _set(event, "__pydantic_extra__", None)
    _set(event, "__pydantic_private__", None)
    return event


def _check_reason(reason: str) -> None:
    if not reason or not reason.strip():
        raise EngagementError("reason: say why (an empty reason is refused)")


# Fields that hold the evidence itself: setting them is not a fact to support.
_NOT_FACTS = frozenset({"sources", "evidence"})


def corrected_support(
    state: EngagementState, event: Engagement.Corrected
) -> tuple[dict[int, int], dict[str, int]]:
    """What a correction does to the support of the facts: the evidence of each changed field
    becomes superseded (kept, no longer current), and a changed field the correction quotes no
    evidence for is marked as corrected without a source. A pure function of the state and the
    event, so events stored before corrections named their support fold the same way."""
    version = event.originator_version
    changed = set(event.changes) - _NOT_FACTS
    if "evidence" in event.changes:  # the list was replaced: old positions mean nothing now
        superseded: dict[int, int] = {}
    else:
        superseded = dict(state.superseded)
        for i, e in enumerate(state.facts.evidence):
            if i not in superseded and e.root in changed:
                superseded[i] = version
    quoted = {e.root for e in event.evidence}
    if event.sources and not event.evidence:
        # Stored before corrections quoted their support: the named document stands for it.
        quoted = changed
    unsourced = {k: v for k, v in state.unsourced.items() if k not in changed | quoted}
    unsourced |= {k: version for k in sorted(changed - quoted)}
    return superseded, unsourced


def corrected_facts(
    facts: EngagementFacts,
    changes: dict[str, Any],
    sources: Sequence[Source] = (),
    evidence: Sequence[Evidence] = (),
) -> EngagementFacts:
    """The facts after a correction: shared by the command (to validate) and the event."""
    changed = EngagementFacts.model_validate({**facts.model_dump(mode="json"), **changes})
    if not sources and not evidence:
        return changed
    data = changed.model_dump(mode="json")
    documents = {s["document"] for s in data["sources"]}
    for source in sources:
        if source.document not in documents:
            data["sources"].append(source.model_dump(mode="json"))
            documents.add(source.document)
    data["evidence"].extend(e.model_dump(mode="json") for e in evidence)
    return EngagementFacts.model_validate(data)


def describe_validation_error(error: ValidationError) -> str:
    """The first problem of a pydantic error, as `field.path[index]: message`."""
    first = error.errors()[0]
    path = ""
    for part in first["loc"]:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    message = first["msg"].removeprefix("Value error, ")
    return f"{path}: {message}" if path else message
