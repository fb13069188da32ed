"""Series: dialogues and numbered conferences as sessions of a series, whether a numbered
conference is international, and the series' names."""

from __future__ import annotations

import re

from timeline.extract import languages
from timeline.extract.dates import DateMention
from timeline.extract.gazetteer import (
    COUNTRY,
    find_regions,
)
from timeline.extract.model import (
    DialogueMention,
    Engagement,
    SentenceInfo,
    span_of,
)


def dialogue_mentions(text: str, info: SentenceInfo, code: str) -> list[DialogueMention]:
    """The dialogues and numbered conferences the sentence names (see `Language.series_names`)."""
    return languages.get(code).series_names(text, info)


def international(
    info: SentenceInfo, dm: DialogueMention, engagements: list[Engagement], home: str
) -> bool:
    """A numbered conference worth a record: another country takes part (named in the sentence
    or the conference's name), or it is a later session of one that had."""
    if dm.session is None and not dm.pair:
        return False
    if find_regions(dm.span[2], 0, len(dm.span[2])):
        return False  # "Hội nghị … Khu vực châu Á – Thái Bình Dương lần thứ 41": multilateral
    if any(e.kind == "dialogue" and e.noun == "conference" for e in engagements):
        return True
    return any(
        (x.key if x.kind == COUNTRY else x.country) not in (home, None)
        for x in [*info.places, *info.orgs]
    ) or any(p.country not in (home, None) for p in info.people)


def new_series_session(
    text: str,
    info: SentenceInfo,
    dm: DialogueMention,
    main: Engagement | None,
    past_cue: re.Pattern[str],
    planned_cue: re.Pattern[str],
) -> Engagement:
    """A dialogue or numbered conference first named here: held, planned ("sẽ", a later
    session than the one reported) or mentioned for context (an earlier session)."""
    s = info.sentence
    e = Engagement(
        "dialogue",
        info,
        dm.span,
        name=dm.span,
        name_core=dm.core,
        pair=dm.pair,
        session=dm.session,
        session_span=dm.session_span,
        noun=dm.noun,
    )
    e.add(info)
    window = text[max(s.start, dm.span[0] - 50) : min(s.end, dm.span[1] + 90)]
    past = past_cue.search(window)
    planned = planned_cue.search(text[max(s.start, dm.span[0] - 60) : min(s.end, dm.span[1] + 30)])
    # "The Homeland Security Dialogue between A and B is scheduled to take place in …": the
    # session is the subject of a predicate of what is to come, however long the name's tail
    # (x-miss7 011: drafted as held)
    planned = planned or told_to_come(text, dm.span[1], s.end)
    # (sessions of two series are not each other's earlier or later one: "the twelfth meeting
    # of the A-B Joint Working Group … and the third session of the A-B Cyber Policy Dialogue")
    one_series = main is not None and (
        not dm.core or not main.name_core or same_core(dm.core, main.name_core)
    )
    later = one_series and dm.session and main.session and dm.session > main.session
    earlier = one_series and dm.session and main.session and dm.session < main.session
    # ("Kể từ Đối thoại an ninh lần thứ nhất năm 2019, hai bên đã duy trì …", "since the 2019
    # dialogue"): the session the years are counted from, before the one reported
    since = _SINCE_SESSION.search(text, max(s.start, dm.span[0] - 12), dm.span[0])
    if main is not None and since is not None:
        e.context, e.context_cue = True, (since.start(), since.end(), since.group())
    elif main is not None and not planned and (past or earlier):
        e.context = True
        e.context_cue = span_of(text, s, past) if past else dm.session_span
    elif planned or later:
        e.status = "planned"
        e.status_cue = span_of(text, s, planned) if planned else dm.session_span
    elif (own := _own_other_month(info, main)) is not None and _HELD.search(s.text):
        e.context, e.context_cue = True, (own.start, own.end, own.phrase)
    return e


# the rest of the subject (no verb of its own, no clause) before a predicate of a plan
_TO_COME = re.compile(
    r"(?P<gap>[^.;:!?\n]{0,120}?)\b(?:(?:is|are)\s+(?:scheduled|set|slated|due|expected|planned)"
    r"\s+to|will)\s+(?:take place|be held|be convened|convene|open|begin|start|be co-chaired)\b"
)
# a verb of the subject's own: the plan is another subject's ("… agreed that the next round
# will take place in Hanoi")
_OWN_VERB = re.compile(
    r"\b(?:who|that|which|held|agreed|said|says|noted|discussed|reviewed|met|took place|"
    r"co-chaired|chaired|hosted|signed|decided|announced|stated|stressed|was|were|has|have|had)\b"
)


def told_to_come(text: str, at: int, end: int) -> re.Match[str] | None:
    """ "The Homeland Security Dialogue between A and B is scheduled to take place in …",
    "The 20th Meeting of the A-B Joint Working Group … and the 5th Dialogue will take place
    early next year": the session is the subject of a predicate of what is to come, however
    long the name's tail (x-miss7 011: both drafted as held)."""
    m = _TO_COME.match(text, at, end)
    return m if m is not None and not _OWN_VERB.search(m["gap"]) else None


# the session told as held, a past verb ("đã đồng chủ trì", "co-chaired"), not one agreed on
_HELD = re.compile(
    r"(?<!\w)đã(?!\w)|\b(?:held|co-chaired|co-hosted|hosted|took place|convened|chaired)\b"
)


def _own_other_month(info: SentenceInfo, main: Engagement | None) -> DateMention | None:
    """ "Tháng 9/2025, hai Bộ đã đồng chủ trì Đối thoại … lần thứ II", "co-chaired the second
    Dialogue in September": a session dated by a month of its own, beside the story's meeting
    or reception of another month, told as held (`_HELD`), is a past one recalled, context
    (x-series); the phrase dating it, if so."""
    if main is None or main.kind == "dialogue":
        return None
    theirs = {d.month for d in main.info.dates if d.month is not None and d.day is not None}
    if not theirs:
        return None
    return next(
        (d for d in info.dates if d.day is None and d.month is not None and d.month not in theirs),
        None,
    )


_SINCE_SESSION = re.compile(r"(?<!\w)(?:[Kk]ể từ|[Ss]ince)\s+(?:the\s+)?$")


def same_core(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a.lower() in b.lower() or b.lower() in a.lower())


def name_series(engagements: list[Engagement]) -> None:
    """A dialogue named in short ("Đối thoại lần thứ hai", "the first dialogue") is a session
    of the series the article names in full."""
    dialogues = [e for e in engagements if e.kind == "dialogue"]
    named = sorted(
        (e for e in dialogues if e.pair),
        key=lambda e: (e.context, e.status != "held", e.start),
    )
    for e in dialogues:
        if e.pair:
            continue
        source = next(
            (n for n in named if not e.name_core or same_core(e.name_core, n.name_core)), None
        )
        if source is None:
            source = next((n for n in dialogues if n is not e and not n.context), None)
            if source is None:
                continue
        e.pair = list(source.pair)
        e.name_core = e.name_core or source.name_core
        e.inherits = source


def _named_together(engagements: list[Engagement]) -> list[list[Engagement]]:
    """Series sessions named in one sentence ("the ninth meeting of the A-B … Joint Working
    Group, together with the A-B … Dialogue's third round, took place in Tokyo on …"), held."""
    by_sentence: dict[int, list[Engagement]] = {}
    for e in engagements:
        if e.kind == "dialogue" and not e.context and e.status == "held":
            by_sentence.setdefault(e.info.sentence.start, []).append(e)
    return [group for group in by_sentence.values() if len(group) > 1]


def dates_named_together(engagements: list[Engagement]) -> None:  # after the dates
    """Series sessions named in one sentence share the day it dates one of them by."""
    for group in _named_together(engagements):
        own = next((e for e in group if e.date is not None and e.date_origin == "own"), None)
        if own is None:
            continue
        for e in group:
            if e is not own and (e.date is None or e.date_origin != "own"):
                e.date, e.resolved, e.date_origin = own.date, own.resolved, own.date_origin


def places_named_together(engagements: list[Engagement]) -> None:  # after the places
    """Series sessions named in one sentence met where it places one of them."""
    for group in _named_together(engagements):
        placed = next((e for e in group if e.place_country is not None), None)
        if placed is None:
            continue
        for e in group:
            if e.place_country is None:
                e.city, e.place_country = placed.city, placed.place_country
                e.place_span, e.place_origin = placed.place_span, placed.place_origin
