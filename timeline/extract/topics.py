"""Topics of the controlled vocabulary named in a text, by the shipped phrase lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from events.vocabulary import TOPICS
from timeline.extract.lexicon import alternation, load


@dataclass(frozen=True, slots=True)
class TopicMention:
    start: int
    end: int
    text: str
    key: str


@cache
def _table() -> tuple[re.Pattern[str], dict[str, str]]:
    phrases: dict[str, str] = {}
    data = load("topics")
    for key, items in data.items():
        if key.startswith("_"):
            continue
        for p in items:
            phrases.setdefault(p.lower(), key)
    for p, keys in data.get("_both", {}).items():
        if not p.startswith("_"):
            phrases[p.lower()] = "|".join(keys)
    for key, topic in TOPICS.items():
        phrases.setdefault(topic.vi.lower(), key)
        phrases.setdefault(topic.en.lower(), key)
    return re.compile(rf"(?<![\w-])(?:{alternation(list(phrases))})(?![\w-])", re.I), phrases


def find_topics(
    text: str, start: int, end: int, masked: list[tuple[int, int]]
) -> list[TopicMention]:
    """Topic phrases in text[start:end], the longest first, skipping masked spans (names of
    organisations and dialogues, whose words are not what was discussed)."""
    regex, phrases = _table()
    out = []
    for m in regex.finditer(text, start, end):
        a, b = m.start(), m.end()
        if any(a < y and x < b for x, y in masked):
            continue
        for key in phrases[m.group().lower()].split("|"):
            out.append(TopicMention(a, b, m.group(), key))
    return out
