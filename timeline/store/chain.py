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
from functools import lru_cache
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
    return _hashed(previous, notification_id, originator, event.originator_version, event.topic,
                   event.state)  # fmt: skip


@lru_cache(maxsize=256)
def _framed(topic: str) -> bytes:
    """A topic as a link frames it, its length first: a batch's events share a few topics, so
    each is encoded once, not once an event."""
    encoded = topic.encode()
    return _LENGTH.pack(len(encoded)) + encoded


def _hashed(
    previous: bytes, notification_id: int, originator: str, version: int, topic: str, state: Any
) -> bytes:
    key = originator.encode()
    if type(state) is not bytes:  # stored as a blob; an edit behind our back may leave text
        state = state.encode() if isinstance(state, str) else bytes(state)
    # One buffer, one digest: the chain is on the append path, which must stay fast.
    return hashlib.sha256(
        b"".join((
            previous,
            _HEAD.pack(notification_id, version, len(key)),
            key,
            _framed(topic),
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


def chain_rows(
    previous: str | None, first: int, rows: Iterable[tuple[str, int, str, Any]]
) -> list[tuple[int, str, int, str]]:
    """The chain table's rows for events stored as rows (originator text, version, topic,
    state) under the consecutive notification ids from `first`, after the link `previous`: the
    links `extend` makes, from the rows the events' insert was given (each originator's text
    and each topic's bytes made once, not again for the chain)."""
    head = bytes.fromhex(previous) if previous else GENESIS
    links = []
    for notification_id, (originator, version, topic, state) in enumerate(rows, first):
        head = _hashed(head, notification_id, originator, version, topic, state)
        links.append((notification_id, originator, version, head.hex()))
    return links
