"""From article to reviewed record: draft engagement records extracted from news articles."""

from timeline.extract.batch import Outcome, extract_file, extract_folder
from timeline.extract.corroboration import corroboration
from timeline.extract.documents import MAX_BYTES, Metadata
from timeline.extract.draft import Draft, DraftRecord, Flag, extract, render_yaml
from timeline.extract.errors import ExtractError
from timeline.extract.score import Scores, evaluate_folder, score_document

__all__ = [
    "MAX_BYTES",
    "Draft",
    "DraftRecord",
    "ExtractError",
    "Flag",
    "Metadata",
    "Outcome",
    "Scores",
    "corroboration",
    "evaluate_folder",
    "extract",
    "extract_file",
    "extract_folder",
    "render_yaml",
    "score_document",
]
