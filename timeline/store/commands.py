"""Commands on recorded engagements: a correction is what a `Corrected` event needs, whether it
comes from the command line, a corrections file (timeline.inputs.corrections) or Python."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field, model_validator

from events import Evidence, Source
from events.facts import Model, Slug


class Correction(Model):
    """One correction of one engagement: the fields to set, why, and on what evidence."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    slug: Slug
    changes: dict[str, Any] = Field(alias="set", min_length=1)
    reason: str  # an empty one is refused by the engagement, with the others' errors
    sources: list[Source] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _one_source(cls, data: Any) -> Any:
        """`source:` (one document) is a shorthand for `sources:` (a list)."""
        if isinstance(data, dict) and "source" in data:
            data = dict(data)
            one = data.pop("source")
            if "sources" in data:
                raise ValueError("source: give `source` or `sources`, not both")
            data["sources"] = [one] if one is not None else []
        return data
