"""Errors a user of `timeline extract` and `timeline evaluate` can cause."""

from __future__ import annotations

from timeline.errors import TimelineError


class ExtractError(TimelineError):
    """An article or a folder that cannot be read or extracted; the message names it."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(f"{name}: {message}")
