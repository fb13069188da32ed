"""The gazetteers and lexicons shipped in `data/`: loaded once, read-only."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The JSON file `data/<name>.json` of this package."""
    with (
        resources.files("timeline.extract")
        .joinpath("data", f"{name}.json")
        .open(encoding="utf-8") as f
    ):
        return json.load(f)


def alternation(phrases: list[str], *, escape: bool = True) -> str:
    """One regex alternation of phrases, longest first so the longest phrase wins."""
    items = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p) if escape else p for p in items)


def word_regex(phrases: list[str], *, flags: int = 0, escape: bool = True) -> re.Pattern[str]:
    """Phrases matched as whole words (no word character right before or after)."""
    return re.compile(rf"(?<!\w)(?:{alternation(phrases, escape=escape)})(?!\w)", flags)


@cache
def cues() -> dict:
    return load("cues")


@cache
def cue_regex(key: str, language: str, sub: str | None = None) -> re.Pattern[str]:
    node = cues()[key]
    phrases = node[sub][language] if sub else node[language]
    return word_regex(phrases, escape=False, flags=re.IGNORECASE)


def role_regexes() -> dict[str, re.Pattern[str]]:
    return {k: word_regex(v, flags=re.IGNORECASE) for k, v in cues()["roles"].items()}
