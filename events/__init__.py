"""The domain of the archive: what can be recorded about an engagement. Pure: no files, no SQL.

Names are handed on lazily: `from events import KINDS` (what the web layer needs: countries and
vocabularies) loads neither `events.engagement` nor eventsourcing; `from events import Engagement`
does. `_API` says which module holds each name."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from events.countries import (
        Country,
        all_countries,
        country,
        is_country,
    )
    from events.country_resolver import UnknownCountry, resolve_country
    from events.engagement import (
        Engagement,
        EngagementError,
        EngagementState,
        Retraction,
        describe_validation_error,
    )
    from events.facts import (
        EngagementFacts,
        Evidence,
        Organisation,
        Participant,
        Place,
        Source,
        When,
    )
    from events.identity import engagement_id
    from events.vocabulary import (
        KINDS,
        PRECISIONS,
        ROLES,
        STATUSES,
        TOPICS,
    )

_API = {
    "Country": "events.countries",
    "all_countries": "events.countries",
    "country": "events.countries",
    "is_country": "events.countries",
    "UnknownCountry": "events.country_resolver",
    "resolve_country": "events.country_resolver",
    "Engagement": "events.engagement",
    "EngagementError": "events.engagement",
    "EngagementState": "events.engagement",
    "Retraction": "events.engagement",
    "describe_validation_error": "events.engagement",
    "EngagementFacts": "events.facts",
    "Evidence": "events.facts",
    "Organisation": "events.facts",
    "Participant": "events.facts",
    "Place": "events.facts",
    "Source": "events.facts",
    "When": "events.facts",
    "engagement_id": "events.identity",
    "KINDS": "events.vocabulary",
    "PRECISIONS": "events.vocabulary",
    "ROLES": "events.vocabulary",
    "STATUSES": "events.vocabulary",
    "TOPICS": "events.vocabulary",
}

__all__ = [
    "KINDS",
    "PRECISIONS",
    "ROLES",
    "STATUSES",
    "TOPICS",
    "Country",
    "Engagement",
    "EngagementError",
    "EngagementFacts",
    "EngagementState",
    "Evidence",
    "Organisation",
    "Participant",
    "Place",
    "Retraction",
    "Source",
    "UnknownCountry",
    "When",
    "all_countries",
    "country",
    "describe_validation_error",
    "engagement_id",
    "is_country",
    "resolve_country",
]


def __getattr__(name: str) -> Any:
    try:
        module = _API[name]
    except KeyError:
        raise AttributeError(f"module 'events' has no attribute {name!r}") from None
    value = getattr(import_module(module), name)
    globals()[name] = value  # asked once: the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
