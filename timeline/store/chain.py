"""The hash chain over the stored events: each link commits to its event and every link before it.

A link's hash is sha256 over the previous link's hash, the event's notification id, originator
id, version, topic and stored state (each field framed by its length, so no two events hash
alike by shifting bytes between fields). The recorders write the links in the transaction that
writes the events; `timeline verify` recomputes them. The head, the hash of the last link, names
the whole history: publish it, and anyone can check a copy with `timeline verify --expect HEAD`.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable
from typing import Any, NamedTuple, Protocol
from uuid import UUID

CHAIN_TABLE_SUFFIX = "_chain"
# The link before the first event.
GENESIS = bytes(32)
# Statements that change stored events or links are refused with this message.
REFUSAL = "stored events are append-only: the archive refuses to change or remove them"


class Link(NamedTuple):
    """One link of the chain: which event it covers, and the hash up to and including it.

    A tuple, as the chain table's rows are, so links go to the database as they are."""

    notification_id: int
    originator_id: str
    originator_version: int
    hash: str


class StoredEventLike(Protocol):
    originator_id: Any
    originator_version: int
    topic: str
    state: bytes


def originator_text(originator_id: UUID | str) -> str:
    """The originator id as the chain hashes it: a uuid's 32 hex digits, else the text."""
    return originator_id.hex if isinstance(originator_id, UUID) else str(originator_id)


_HEAD = struct.Struct(">QQQ")  # notification id, version, length of the originator id
_LENGTH = struct.Struct(">Q")


def link_hash(previous: bytes, notification_id: int, event: StoredEventLike) -> bytes:
    """sha256(previous ‖ id ‖ version ‖ len ‖ originator ‖ len ‖ topic ‖ len ‖ state)."""
    return _digest(previous, notification_id, originator_text(event.originator_id), event)


def _digest(
    previous: bytes, notification_id: int, originator: str, event: StoredEventLike
) -> bytes:
    key = originator.encode()
    topic = event.topic.encode()
    # Stored as a blob; an edit behind the archive's back may leave text.
    state = event.state.encode() if isinstance(event.state, str) else bytes(event.state)
    # One buffer, one digest: the chain is on the append path, which must stay fast.
    return hashlib.sha256(
        b"".join((
            previous,
            _HEAD.pack(notification_id, event.originator_version, len(key)),
            key,
            _LENGTH.pack(len(topic)),
            topic,
            _LENGTH.pack(len(state)),
            state,
        ))
    ).digest()  # fmt: skip


def extend(previous: str | None, events: Iterable[tuple[int, StoredEventLike]]) -> list[Link]:
    """The links of events (notification id, event) in order, after the link `previous`."""
    head = bytes.fromhex(previous) if previous else GENESIS
    links = []
    for notification_id, event in events:
        originator = originator_text(event.originator_id)
        head = _digest(head, notification_id, originator, event)
        links.append(Link(notification_id, originator, event.originator_version, head.hex()))
    return links
