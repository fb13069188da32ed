"""The domain of the archive: what can be recorded about an engagement. Pure: no files, no SQL."""

from events.countries import Country, all_countries, country, is_country
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
from events.vocabulary import KINDS, PRECISIONS, ROLES, STATUSES, TOPICS

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
    "When",
    "all_countries",
    "country",
    "describe_validation_error",
    "engagement_id",
    "is_country",
]
