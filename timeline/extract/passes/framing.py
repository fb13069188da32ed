"""Framing: a head of state's or government's visit that a security engagement is told within
is the occasion, not an engagement of the archive."""

from __future__ import annotations

import re

from timeline.extract.model import Engagement

# "the state visit of …", "thăm cấp Nhà nước": a head of state's trip by its very name
_STATE_VISIT = re.compile(r"(?<!\w)(?:state visit|thăm cấp [Nn]hà nước)(?!\w)", re.I)
# "the Laos visit by Prime Minister X", "chuyến thăm Mỹ trước đây của Chủ tịch nước X": the
# traveller named right after the trip is a head of state or government (not their deputy)
_LEADER = (
    r"(?<!Deputy )(?<!Vice )(?<!Phó )(?:President|Prime Minister|Premier|General Secretary|King|"
    r"Tổng [Bb]í thư|Chủ tịch nước|Thủ tướng|Quốc vương)(?!\w)"
)
_BY_LEADER = re.compile(
    rf"^[^,;.\n]{{0,40}}?(?<!\w)(?:of|by|của)\s+(?:[^,;.\n]{{0,30}}?\s)?{_LEADER}"
)


def leaders_visits(text: str, engagements: list[Engagement]) -> None:  # after the dates
    """A trip named as a state visit, or told as made by a president, prime minister, general
    secretary or king ("within the framework of the Laos visit by Prime Minister X", "trong
    chuyến thăm cấp Nhà nước đến Việt Nam của Tổng Bí thư …"), frames the security engagement
    told with it: context. The read-for-rules gold lists such visits among the mentions not to
    extract (5 of 5 pages), never as engagements."""
    for e in engagements:
        if e.kind != "visit" or e.context:
            continue
        a, b = e.trigger[0], e.trigger[1]
        around = text[max(e.info.sentence.start, a - 12) : min(e.info.sentence.end, b + 12)]
        after = text[b : min(e.info.sentence.end, b + 100)]
        cue = _STATE_VISIT.search(around) or _BY_LEADER.search(after)
        if cue is None:
            continue
        e.context, e.context_cue = True, (a, b, e.trigger[2])
        # "held talks … in Vientiane on January 12, within the framework of the visit by …":
        # the date the sentence gave the occasion is the day of what it frames
        for other in engagements:
            if other.info is e.info and other is not e and other.date is None and not other.context:
                other.date, other.resolved = e.date, e.resolved
