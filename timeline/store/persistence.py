"""How events are stored: pydantic models as readable JSON (orjson), never pickle."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import Mapper, StoredEvent, Transcoder
from eventsourcing.utils import get_topic, resolve_topic
from pydantic import BaseModel

from events.facts import STORED
from events.identity import id_text
from timeline.store.encoding import no_new_subclasses, plain_json


class OrjsonTranscoder(Transcoder):
    def encode(self, obj: Any) -> bytes:
        return orjson.dumps(obj)

    def decode(self, data: bytes) -> Any:
        return orjson.loads(data)


_IN_COLUMNS = frozenset({"originator_id", "originator_version"})


@cache
def _class_version(cls: type) -> int:
    # Cached: a missing attribute on a pydantic model class costs tens of microseconds (its
    # metaclass builds an error message), which was a third of the cost of storing an event.
    return getattr(cls, "class_version", 1)


@cache
def _stored_form(cls: type) -> tuple[int, str]:
    """A stored event class's version and topic, asked once a class: the isinstance checks of
    pydantic's ABC metaclass and eventsourcing's topic lookup were a fifth of storing an event
    beside its JSON (cProfile of a bulk append of 30,000)."""
    if not issubclass(cls, BaseModel):
        raise TypeError(f"{cls.__qualname__}: not a pydantic model; only those are stored")
    return _class_version(cls), get_topic(cls)


@cache
def _is_orjson(transcoder: type) -> bool:
    return issubclass(transcoder, OrjsonTranscoder)


# A stored event as the SQLite recorder inserts it: `StoredEvent`'s fields, the originator id as
# its uuid's 32 hex digits, in a plain tuple. A recorder that says `stores_rows` takes these for
# `StoredEvent`s and inserts each as it is, where it made a tuple of each `StoredEvent` (and the
# frozen dataclass's four `object.__setattr__` calls went before). Not a NamedTuple: sqlite3
# binds a plain tuple's items directly, a subclass's through its `__getitem__` as a Python slot
# (0.3 us an event's four; see the identity rows in `ChainedSQLiteRecorder`).
StoredRow = tuple[str, int, str, bytes]


class PydanticMapper(Mapper[UUID]):
    """Stores an event's fields, less the id and version that the store keeps in columns."""

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        topic, state = self._encoded(domain_event, checked=False)
        return StoredEvent(
            originator_id=domain_event.originator_id,
            originator_version=domain_event.originator_version,
            topic=topic,
            state=state,
        )

    def to_stored_events(self, domain_events: Iterable[Any]) -> list[StoredEvent]:
        """`to_stored_event` of each, with what can be asked once for all of them asked once."""
        checked = no_new_subclasses()
        return [
            StoredEvent(
                event.originator_id,
                event.originator_version,
                *self._encoded(event, checked=checked),
            )
            for event in domain_events
        ]

    def to_stored_rows(self, domain_events: Iterable[Any]) -> list[StoredRow]:
        """The events of `to_stored_events` as `StoredRow`s, for a recorder that `stores_rows`;
        their originator ids are uuids. What `_encoded` asks of each event is asked here without
        its layer of calls; pydantic writes what orjson cannot, as there."""
        checked = no_new_subclasses()
        orjson_writes = _is_orjson(type(self.transcoder))
        rows = []
        for event in domain_events:
            version, topic = _stored_form(type(event))
            state = (
                plain_json(event, _IN_COLUMNS, version, checked=checked) if orjson_writes else None
            )
            if state is None:
                topic, state = self._encoded(event, checked=checked)
            rows.append((id_text(event.originator_id), event.originator_version, topic, state))
        return rows

    def _encoded(self, domain_event: Any, *, checked: bool) -> tuple[str, bytes]:
        """An event's topic and stored state."""
        cls = type(domain_event)
        class_version, topic = _stored_form(cls)
        if _is_orjson(type(self.transcoder)):
            # The same bytes as dumping to a dict and encoding it with orjson (pydantic writes
            # the same compact JSON), at half the cost; the version goes last, as it did. orjson
            # writes them from the fields (timeline/store/encoding.py), pydantic what it cannot.
            encoded = plain_json(domain_event, _IN_COLUMNS, class_version, checked=checked)
            if encoded is None:
                encoded = cls.__pydantic_serializer__.to_json(domain_event, exclude=_IN_COLUMNS)
                if class_version > 1:
                    encoded = encoded[:-1] + b',"class_version":%d}' % class_version
        else:
            state = domain_event.model_dump(mode="json", exclude=_IN_COLUMNS)
            if class_version > 1:
                state["class_version"] = class_version
            encoded = self.transcoder.encode(state)
        return topic, encoded

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        cls = resolve_topic(stored_event.topic)
        state = self.transcoder.decode(stored_event.state)
        version = state.pop("class_version", 1)
        while version < _class_version(cls):
            getattr(cls, f"upcast_v{version}_v{version + 1}")(state)
            version += 1
        originator_id = stored_event.originator_id
        state["originator_id"] = (
            originator_id if isinstance(originator_id, UUID) else UUID(originator_id)
        )
        state["originator_version"] = stored_event.originator_version
        # Converted, not checked again: see events.facts.STORED.
        return cls.model_validate(state, context=STORED)
