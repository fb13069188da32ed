"""Subjects: the topics an engagement's sentences discuss and the organisations it involves."""

from __future__ import annotations

from timeline.extract.gazetteer import ORG, Mention
from timeline.extract.model import (
    Engagement,
)
from timeline.extract.topics import find_topics


def find_subjects(text: str, engagements: list[Engagement], language: str) -> None:
    for e in engagements:
        if e.context or e.status != "held":
            continue  # what was discussed belongs to what was held, not to what is mentioned
        if e.kind == "visit" and any(x.parent is e for x in engagements):
            continue  # a trip's talks are its sessions'
        masked = []
        for info in e.sentences:
            masked += [(o.start, o.end) for o in info.orgs]
            masked += [(p.extent[0], p.extent[1]) for p in info.people]
        masked += [(x.name[0], x.name[1]) for x in engagements if x.name]
        seen: set[str] = set()
        for info in e.sentences:
            for t in find_topics(text, info.sentence.start, info.sentence.end, masked):
                if t.key not in seen:
                    seen.add(t.key)
                    e.topics.append(t)


def organisations_met(e: Engagement) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for part in sorted(e.participants.values(), key=lambda p: p.mention.start):
        o = part.mention.organisation
        if o is not None and o.org_kind not in ("programme", "joint"):
            out.setdefault(o.key, o)
    if e.kind == "visit" or (e.kind == "meeting" and e.counterpart is not None):
        # "chuyến thăm của Đoàn Công an tỉnh A": the travelling agency named as the trip's side
        # (and a meeting's other side named as an agency, before the one met: a greeting's
        # delegation, the subject of talks)
        for _, x in e.pair:
            if isinstance(x, Mention) and x.kind == ORG and x is not e.counterpart:
                out.setdefault(x.key, x)
    if e.counterpart is not None:
        out.setdefault(e.counterpart.key, e.counterpart)
    if e.kind == "dialogue":
        for info in e.sentences:
            for o in info.orgs:
                if (o.org_kind != "programme" and o.country is not None) or o.org_kind == "joint":
                    out.setdefault(o.key, o)
    return out
