"""From article to reviewed record: draft engagement records extracted from news articles."""

from timeline.extract.corroboration import corroboration
from timeline.extract.draft import Draft, DraftRecord, Flag, extract, render_yaml
from timeline.extract.errors import ExtractError
from timeline.extract.score import Scores, evaluate_folder, score_document

__all__ = [
    "Draft",
    "DraftRecord",
    "ExtractError",
    "Flag",
    "Scores",
    "corroboration",
    "evaluate_folder",
    "extract",
    "render_yaml",
    "score_document",
]
