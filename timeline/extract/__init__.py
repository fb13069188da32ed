"""From article to reviewed record: draft engagement records extracted from news articles."""

from timeline.extract.draft import Draft, DraftRecord, Flag, extract, render_yaml
from timeline.extract.errors import ExtractError

__all__ = [
    "Draft",
    "DraftRecord",
    "ExtractError",
    "Flag",
    "extract",
    "render_yaml",
]
