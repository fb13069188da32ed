"""The review workspace: a SQLite file (`review.db`) in the archive folder that holds the articles,
their draft records with a version each, and the reviewers' decisions.

Every change is written at once, in its own transaction, so closing the browser or killing the
server loses no edit. A draft changes only from the version its reader saw: a save from a page
that shows an older version is refused (`StaleError`), never written over a newer one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from timeline.errors import TimelineError

WORKSPACE_FILE = "review.db"
TO_REVIEW, ACCEPTED, REJECTED, CORROBORATED = "to review", "accepted", "rejected", "corroborated"
STATES = (TO_REVIEW, ACCEPTED, REJECTED, CORROBORATED)


class ReviewError(TimelineError):
    """An action the workspace refuses; the message says why and that nothing was written."""


class StaleError(ReviewError):
    """The page showed an older version of the draft than the workspace holds."""


@dataclass
class Article:
    document: str
    path: str
    text: str
    metadata: dict[str, Any]
    extractor_version: str | None
    error: str | None


@dataclass
class Draft:
    """One draft record of an article, as the workspace holds it."""

    id: int
    document: str
    position: int
    record: dict[str, Any]
    confidence: dict[str, float]
    flags: list[dict[str, str]]
    version: int
    state: str
    extractor_version: str
    updated_at: str
    updated_by: str | None
    decision: dict[str, Any] | None = field(default=None)

    @property
    def slug(self) -> str:
        return str(self.record.get("slug") or "")

    @property
    def kind(self) -> str:
        return str(self.record.get("kind") or "")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Workspace:
    """The review state of one archive folder."""

    def __init__(self, folder: str | Path) -> None:
        self.path = Path(folder) / WORKSPACE_FILE
        self.db = sqlite_utils.Database(self.path)
        self.db.execute("pragma journal_mode = wal")
        self.db.execute("pragma busy_timeout = 10000")
        self._create()

    def _create(self) -> None:
        self.db["articles"].create(
            {"document": str, "path": str, "text": str, "metadata": str,
             "extractor_version": str, "error": str, "added_at": str},
            pk="document", if_not_exists=True,
        )  # fmt: skip
        self.db["drafts"].create(
            {"id": int, "document": str, "position": int, "slug": str, "kind": str,
             "record": str, "confidence": str, "flags": str, "version": int, "state": str,
             "extractor_version": str, "updated_at": str, "updated_by": str},
            pk="id", foreign_keys=[("document", "articles", "document")], if_not_exists=True,
        )  # fmt: skip
        self.db["decisions"].create(
            {"id": int, "draft": int, "decision": str, "engagement": str, "reason": str,
             "reviewer": str, "at": str, "extractor_version": str, "draft_version": int},
            pk="id", foreign_keys=[("draft", "drafts", "id")], if_not_exists=True,
        )  # fmt: skip

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, taken at once (`begin immediate`): all of it or none."""
        conn = self.db.conn
        conn.execute("begin immediate")
        try:
            yield
        except BaseException:
            conn.execute("rollback")
            raise
        conn.execute("commit")

    def _insert(self, table: str, row: dict[str, Any], *, replace: bool = False) -> None:
        """An insert inside the caller's transaction (sqlite-utils' own insert commits)."""
        verb = "insert or replace" if replace else "insert"
        columns = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"{verb} into [{table}] ({columns}) values ({marks})", list(row.values()))

    # --- articles ------------------------------------------------------------------------------

    def has_article(self, document: str) -> bool:
        return bool(
            self.db.execute("select 1 from articles where document = ?", [document]).fetchone()
        )

    def knows(self, path: Path) -> bool:
        """Whether the article file at `path` is in the workspace (by its path, or by its name
        for a workspace whose folder moved)."""
        row = self.db.execute(
            "select 1 from articles where path = ? or document = ?",
            [str(path.resolve()), path.stem],
        ).fetchone()
        return bool(row)

    def add_article(self, article: Article, drafts: list[dict[str, Any]]) -> None:
        """An article and its drafts (`record`, `confidence`, `flags` each), in one transaction."""
        with self.transaction():
            self._insert(
                "articles",
                {"document": article.document, "path": article.path, "text": article.text,
                 "metadata": json.dumps(article.metadata, ensure_ascii=False, default=str),
                 "extractor_version": article.extractor_version, "error": article.error,
                 "added_at": now()},
                replace=True,
            )  # fmt: skip
            for position, d in enumerate(drafts, 1):
                self._insert(
                    "drafts",
                    {"document": article.document, "position": position,
                     "slug": d["record"].get("slug"), "kind": d["record"].get("kind"),
                     "record": _dump(d["record"]), "confidence": _dump(d.get("confidence", {})),
                     "flags": _dump(d.get("flags", [])), "version": 1, "state": TO_REVIEW,
                     "extractor_version": article.extractor_version, "updated_at": now(),
                     "updated_by": None},
                )  # fmt: skip

    def article(self, document: str) -> Article:
        row = self.db.execute(
            "select document, path, text, metadata, extractor_version, error from articles "
            "where document = ?",
            [document],
        ).fetchone()
        if row is None:
            raise ReviewError(f"article {document!r}: not in this workspace")
        return Article(row[0], row[1], row[2], json.loads(row[3] or "{}"), row[4], row[5])

    def articles(self) -> list[Article]:
        rows = self.db.execute("select document from articles order by document").fetchall()
        return [self.article(r[0]) for r in rows]

    # --- drafts --------------------------------------------------------------------------------

    def draft(self, draft_id: int) -> Draft:
        row = self.db.execute("select * from drafts where id = ?", [draft_id]).fetchone()
        if row is None:
            raise ReviewError(f"draft {draft_id}: not in this workspace")
        return self._draft(row)

    def drafts(self, document: str | None = None) -> list[Draft]:
        sql = "select * from drafts"
        params: list[Any] = []
        if document is not None:
            sql += " where document = ?"
            params.append(document)
        return [
            self._draft(r) for r in self.db.execute(sql + " order by document, position", params)
        ]

    def _draft(self, row: Any) -> Draft:
        columns = [c.name for c in self.db["drafts"].columns]
        d = dict(zip(columns, row, strict=True))
        decision = self.db.execute(
            "select decision, engagement, reason, reviewer, at from decisions where draft = ? "
            "order by id desc limit 1",
            [d["id"]],
        ).fetchone()
        return Draft(
            id=d["id"], document=d["document"], position=d["position"],
            record=json.loads(d["record"]), confidence=json.loads(d["confidence"] or "{}"),
            flags=json.loads(d["flags"] or "[]"), version=d["version"], state=d["state"],
            extractor_version=d["extractor_version"], updated_at=d["updated_at"],
            updated_by=d["updated_by"],
            decision=dict(zip(("decision", "engagement", "reason", "reviewer", "at"), decision,
                              strict=True)) if decision else None,
        )  # fmt: skip

    def check_version(self, draft_id: int, version: int) -> Draft:
        """The draft, if the workspace still holds `version` of it; else `StaleError`."""
        current = self.draft(draft_id)
        if current.version != version:
            who = f" by {current.updated_by}" if current.updated_by else ""
            raise StaleError(
                f"draft {draft_id} ({current.slug}): changed{who} at {current.updated_at} "
                f"(version {current.version}) after this page showed version {version}; "
                "nothing was written: the newer version is shown, make the change again"
            )
        return current

    def save_record(
        self, draft_id: int, version: int, record: dict[str, Any], reviewer: str
    ) -> Draft:
        """Store `record` as the next version of the draft, if `version` is still current."""
        with self.transaction():
            self.check_version(draft_id, version)
            self.db.execute(
                "update drafts set record = ?, slug = ?, kind = ?, version = version + 1, "
                "updated_at = ?, updated_by = ? where id = ? and version = ?",
                [_dump(record), record.get("slug"), record.get("kind"), now(), reviewer,
                 draft_id, version],
            )  # fmt: skip
        return self.draft(draft_id)

    def decide(
        self,
        draft: Draft,
        decision: str,
        reviewer: str,
        *,
        engagement: str | None = None,
        reason: str | None = None,
    ) -> None:
        """Record a decision and the draft's new state; inside the caller's transaction."""
        state = {"accepted": ACCEPTED, "rejected": REJECTED, "corroborated": CORROBORATED}[decision]
        self.db.execute(
            "update drafts set state = ?, version = version + 1, updated_at = ?, updated_by = ? "
            "where id = ?",
            [state, now(), reviewer, draft.id],
        )
        self._insert(
            "decisions",
            {"draft": draft.id, "decision": decision, "engagement": engagement, "reason": reason,
             "reviewer": reviewer, "at": now(), "extractor_version": draft.extractor_version,
             "draft_version": draft.version},
        )  # fmt: skip


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
