"""How events are stored: pydantic models as readable JSON (orjson), never pickle."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import Mapper, StoredEvent, Transcoder
from eventsourcing.utils import get_topic, resolve_topic
from pydantic import BaseModel


class OrjsonTranscoder(Transcoder):
    def encode(self, obj: Any) -> bytes:
        return orjson.dumps(obj)

    def decode(self, data: bytes) -> Any:
        return orjson.loads(data)


class PydanticMapper(Mapper[UUID]):
    """Stores an event's fields, less the id and version that the store keeps in columns."""

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        assert isinstance(domain_event, BaseModel)
        state = domain_event.model_dump(
            mode="json", exclude={"originator_id", "originator_version"}
        )
        class_version = getattr(type(domain_event), "class_version", 1)
        if class_version > 1:
            state["class_version"] = class_version
        return StoredEvent(
            originator_id=domain_event.originator_id,
            originator_version=domain_event.originator_version,
            topic=get_topic(type(domain_event)),
            state=self.transcoder.encode(state),
        )

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        cls = resolve_topic(stored_event.topic)
        state = self.transcoder.decode(stored_event.state)
        version = state.pop("class_version", 1)
        while version < getattr(cls, "class_version", 1):
            getattr(cls, f"upcast_v{version}_v{version + 1}")(state)
            version += 1
        originator_id = stored_event.originator_id
        state["originator_id"] = (
            originator_id if isinstance(originator_id, UUID) else UUID(originator_id)
        )
        state["originator_version"] = stored_event.originator_version
        return cls(**state)
