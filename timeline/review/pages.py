"""What the review pages show: the queue of drafts, and one draft beside its article."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

from events.countries import all_countries
from events.vocabulary import Kind, Precision, Role, Status
from timeline.review import actions, matches
from timeline.review.articles import article_files, inputs
from timeline.review.form import evidence_fields, form_values, record_from_form, topic_choices
from timeline.review.highlight import article_html, colour, spans
from timeline.review.workspace import STATES, TO_REVIEW, Draft, Workspace
from timeline.store.application import Archive
from timeline.text import fold

# A field the extractor is less sure of than this stands out on the draft page.
LOW_CONFIDENCE = 0.75


def queue_context(ws: Workspace, folder: Path, args: Any) -> dict[str, Any]:
    """Every draft with its article, flags and state; filtered by state, flag and words."""
    state = args.get("state") or ""
    flag = args.get("flag") or ""
    words = fold(args.get("q") or "")
    drafts = ws.drafts()
    rows = []
    for d in drafts:
        codes = [f["code"] for f in d.flags]
        if state and d.state != state:
            continue
        if flag and flag not in codes:
            continue
        text = fold(" ".join([d.document, d.slug, str(d.record.get("title") or "")]))
        if words and not all(w in text for w in words.split()):
            continue
        rows.append({"draft": d, "codes": codes, "title": d.record.get("title") or d.slug,
                     "date": _date_label(d.record)})  # fmt: skip
    known = {a.document for a in ws.articles()}
    waiting = [p.name for p in article_files(folder) if p.stem not in known]
    counts = {s: sum(1 for d in drafts if d.state == s) for s in STATES}
    return {
        "rows": rows, "states": STATES, "state": state, "flag": flag, "q": args.get("q") or "",
        "flags": sorted({f["code"] for d in drafts for f in d.flags}), "counts": counts,
        "total": len(drafts), "waiting": waiting, "folder": str(folder),
        "no_articles": not inputs(folder) and not drafts,
    }  # fmt: skip


def _date_label(record: dict[str, Any]) -> str:
    when = record.get("date") or {}
    if not isinstance(when, dict):
        return str(when)
    start, end = when.get("start") or "", when.get("end")
    return f"{start}–{end}" if end and end != start else str(start)


def draft_context(
    ws: Workspace,
    archive: Archive,
    draft: Draft,
    *,
    error: str | None = None,
    values: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The draft page: the article with its evidence marked, the form (as stored, or as the
    reviewer sent it when the save was refused), flags, matches and the actions."""
    article = ws.article(draft.document)
    shown = draft.record
    if values is not None:
        try:
            shown = record_from_form(values, draft.record)
        except (TypeError, ValueError):
            shown = draft.record
    evidence = [
        {"index": i, "field": e.get("field"), "quote": e.get("quote"), "colour": colour(e["field"]),
         "inferred": e.get("inferred"), "note": e.get("note")}
        for i, e in enumerate(draft.record.get("evidence") or [])
        if e.get("document") == draft.document and e.get("field")
    ]  # fmt: skip
    flagged: dict[str, list[str]] = {}
    for f in draft.flags:
        flagged.setdefault(f["field"].split(".")[0].split("[")[0], []).append(f["note"])
    return {
        "draft": draft, "article": article, "error": error,
        "article_html": article_html(article.text, spans(draft.record, draft.document)),
        "values": form_values(shown), "evidence": evidence,
        "evidence_fields": evidence_fields(draft.record), "flagged": flagged,
        "low": {k for k, v in draft.confidence.items() if v < LOW_CONFIDENCE},
        "parts": actions.parts(ws, draft) if draft.state == TO_REVIEW else [],
        "matches": matches.similar(archive, draft.record),
        "names": matches.known_names(archive, ws),
        "visits": [v for v in matches.visits(archive, ws, draft.document) if v[0] != draft.slug],
        "countries": [(c.code, c.name_en, c.name_vi) for c in all_countries(international=True)],
        "topics": topic_choices(), "kinds": get_args(Kind), "precisions": get_args(Precision),
        "statuses": get_args(Status), "roles": get_args(Role), "open": draft.state == TO_REVIEW,
        "siblings": ws.drafts(draft.document),
    }  # fmt: skip
