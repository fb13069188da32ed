"""The `collections` table of timeline.db: every collection (events.collections) with its
description and how many engagements it holds now."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from events.collections import COLLECTIONS
from timeline.projection.collection_counts import count_collections

if TYPE_CHECKING:
    import sqlite_utils

_VOCABULARY = ("name", "label", "description", "default_view")


def collection_rows() -> list[dict[str, Any]]:
    """The collections as the code defines them, without their counts."""
    return [
        {
            "name": name,
            "label": c.label,
            "description": c.description,
            "default_view": int(c.default),
        }
        for name, c in COLLECTIONS.items()
    ]


def write_collections(db: sqlite_utils.Database) -> None:
    """The collections' names and descriptions, written only when they differ; their counts
    are left as they are (`count_collections` keeps them)."""
    rows = collection_rows()
    stored = db.execute(f"select {', '.join(_VOCABULARY)} from collections").fetchall()
    if {tuple(r.values()) for r in rows} <= set(stored):
        return
    with db.atomic():
        for row in rows:
            db.execute(
                "insert into collections (name, label, description, default_view, engagements) "
                "values (:name, :label, :description, :default_view, 0) on conflict (name) do "
                "update set label = :label, description = :description, "
                "default_view = :default_view",
                row,
            )
    count_collections(db)
