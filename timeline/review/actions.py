"""What a reviewer does to a draft: edit it, set a field's evidence from a selection of the
article, accept it (with the meetings of a visit) into the archive, reject it with a reason, or
add its article as a source of an engagement already recorded.

Each action validates first and writes nothing when it is refused: the workspace stays as it
was, and so does the archive. Records are validated as `timeline append` validates them, with
the same one-line messages."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from events import EngagementFacts, Source, describe_validation_error
from events.collections import REVIEWED
from events.facts import FieldPath
from timeline.errors import BatchError, TimelineError
from timeline.inputs import records
from timeline.projection import build as projection
from timeline.review.form import record_from_form
from timeline.review.workspace import TO_REVIEW, Draft, ReviewError, Workspace
from timeline.store.application import AppendReport, Archive

FIELD_PATH = re.compile(FieldPath.__metadata__[0].pattern)


def validated(workspace: Workspace, draft: Draft, record: dict[str, Any]) -> EngagementFacts:
    """The record as `timeline append` reads it, its quotes checked against the article."""
    article = workspace.article(draft.document)
    name = f"{draft.document}"
    facts = records.validate(record, name, draft.position)
    records.check_quotes(facts, [Path(article.path).parent], name, draft.position)
    return facts


def _open(draft: Draft) -> None:
    if draft.state != TO_REVIEW:
        raise ReviewError(
            f"draft {draft.id} ({draft.slug}): already {draft.state}; nothing was written"
        )


def save(
    workspace: Workspace, draft_id: int, version: int, form: Mapping[str, Any], reviewer: str
) -> Draft:
    """The form's record as the draft's next version, if it is a valid record."""
    draft = workspace.check_version(draft_id, version)
    _open(draft)
    record = record_from_form(form, draft.record)
    validated(workspace, draft, record)
    return workspace.save_record(draft_id, version, record, reviewer)


def set_evidence(
    workspace: Workspace,
    draft_id: int,
    version: int,
    field: str,
    start: int,
    end: int,
    reviewer: str,
) -> Draft:
    """Make the article's characters [start, end) the evidence of `field` (replacing the
    field's evidence from this article). The quote is read from the article, never typed;
    spaces around the selection are left out."""
    draft = workspace.check_version(draft_id, version)
    _open(draft)
    if (
        not FIELD_PATH.match(field)
        or re.split(r"[.\[]", field)[0] not in EngagementFacts.model_fields
    ):
        raise ReviewError(f"evidence: {field!r} names no field of a record; nothing was written")
    text = workspace.article(draft.document).text
    if not 0 <= start < end <= len(text):
        raise ReviewError(
            f"evidence for {field}: select words of the article (characters {start}..{end} are "
            f"not in its {len(text)}); nothing was written"
        )
    quote = text[start:end]
    start += len(quote) - len(quote.lstrip())
    end -= len(quote) - len(quote.rstrip())
    if start >= end:
        raise ReviewError(
            f"evidence for {field}: the selection holds no words; nothing was written"
        )
    evidence = [
        e for e in draft.record.get("evidence", [])
        if not (e.get("field") == field and e.get("document") == draft.document)
    ]  # fmt: skip
    evidence.append(
        {"field": field, "document": draft.document, "quote": text[start:end], "start": start,
         "end": end}
    )  # fmt: skip
    record = {**draft.record, "evidence": evidence}
    validated(workspace, draft, record)
    return workspace.save_record(draft_id, version, record, reviewer)


def reject(workspace: Workspace, draft_id: int, version: int, reason: str, reviewer: str) -> Draft:
    if not reason or not reason.strip():
        raise ReviewError("reject: say why (an empty reason is refused); nothing was written")
    with workspace.transaction():
        draft = workspace.check_version(draft_id, version)
        _open(draft)
        workspace.decide(draft, "rejected", reviewer, reason=" ".join(reason.split()))
    return workspace.draft(draft_id)


def origin(draft: Draft, reviewer: str) -> str:
    """What the record's `Recorded` event says of where it came from."""
    day = datetime.now(UTC).date().isoformat()
    return (
        f"{draft.document} draft {draft.position}: extracted by timeline extract "
        f"{draft.extractor_version}, reviewed by {reviewer} on {day} with timeline review"
    )


def parts(workspace: Workspace, draft: Draft) -> list[Draft]:
    """The drafts of the same article that are part of this one (a visit's meetings), still to
    review."""
    return [
        d for d in workspace.drafts(draft.document)
        if d.id != draft.id and d.state == TO_REVIEW and draft.slug
        and d.record.get("part_of") == draft.slug
    ]  # fmt: skip


def accept(
    workspace: Workspace,
    archive: Archive,
    versions: Mapping[int, int],
    reviewer: str,
) -> AppendReport:
    """Record the drafts (`draft id -> version` shown on the page) through `Archive.append`, in
    one transaction, with its duplicate check: all of them or none. timeline.db is brought up
    to date after."""
    if not versions:
        raise ReviewError("accept: no draft chosen; nothing was written")
    with workspace.transaction():
        drafts = [workspace.check_version(i, v) for i, v in versions.items()]
        for d in drafts:
            _open(d)
        batch = [validated(workspace, d, d.record) for d in drafts]
        origins = {d.slug: origin(d, reviewer) for d in drafts}
        try:
            report = archive.append(batch, origins=origins, collection=REVIEWED)
        except BatchError as e:
            raise ReviewError(str(e)) from None
        for d in drafts:
            workspace.decide(d, "accepted", reviewer, engagement=d.slug)
    projection.build(archive)
    return report


def corroborate(
    workspace: Workspace,
    archive: Archive,
    draft_id: int,
    version: int,
    slug: str,
    reviewer: str,
) -> AppendReport:
    """Add the draft's article as a source of the recorded engagement `slug` instead of
    recording the draft: the engagement's facts stay as they are."""
    with workspace.transaction():
        draft = workspace.check_version(draft_id, version)
        _open(draft)
        engagement = archive.get(slug)
        try:
            source = next(
                Source.model_validate(s) for s in draft.record.get("sources", [])
                if s.get("document") == draft.document
            )  # fmt: skip
        except StopIteration:
            raise ReviewError(
                f"draft {draft_id}: no source quotes this article; nothing was written"
            ) from None
        except ValidationError as e:
            raise ReviewError(
                f"draft {draft_id}: sources: {describe_validation_error(e)}; nothing was written"
            ) from None
        facts = engagement.facts.model_copy(update={"sources": [*engagement.facts.sources, source]})
        try:
            report = archive.append(
                [facts], origins={slug: origin(draft, reviewer)}, collection=REVIEWED
            )
        except (BatchError, TimelineError) as e:
            raise ReviewError(str(e)) from None
        if slug not in report.corroborated:
            raise ReviewError(
                f"{slug}: {draft.document} is already one of its sources; nothing was written"
            )
        workspace.decide(draft, "corroborated", reviewer, engagement=slug)
    projection.build(archive)
    return report
