"""Engagement ids: a uuid5 of the human-readable slug, so one engagement has one id everywhere."""

from __future__ import annotations

from functools import lru_cache
from uuid import UUID, uuid5

NAMESPACE = UUID("6f1c1d2e-3b5a-5c6e-9a57-7a1e0f4c2b90")


@lru_cache(maxsize=1 << 16)  # a batch asks for each id twice: when it checks and when it records
def engagement_id(slug: str) -> UUID:
    return uuid5(NAMESPACE, slug)
