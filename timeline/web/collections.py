"""The collections a page or feed shows (`?collection=NAME`, repeatable or comma-separated,
`all` for every one; by default those the `collections` table marks `default_view`, the
security engagements), checked against the served timeline.db, and the legend that says which
is which."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from datasette.database import Database
from datasette.utils.asgi import BadRequest

from events.collections import ALL, unknown_collection


@dataclass(frozen=True)
class Chosen:
    """The collections asked for (`names`, None for all of them) and every collection known."""

    names: tuple[str, ...] | None
    asked: tuple[str, ...]  # as the request spelled them: kept in the page's links
    known: list[dict[str, Any]] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, ...]:
        """For caches: the same collections give the same key."""
        return (ALL,) if self.names is None else tuple(sorted(self.names))

    @property
    def hold_every_engagement(self) -> bool:
        """Whether no engagement is in a collection not asked for (`collections.engagements`,
        kept by triggers on engagements, every engagement's collection having a row there):
        then a filter on the collections leaves every engagement."""
        return self.names is None or not any(
            c["engagements"] for c in self.known if c["name"] not in self.names
        )

    def where(self, column: str) -> tuple[str, list[str]]:
        """` and COLUMN in (?, …)`, or nothing for all collections, with its parameters."""
        if self.names is None:
            return "", []
        if not self.names:
            return " and 0", []
        return f" and {column} in ({', '.join('?' for _ in self.names)})", list(self.names)

    def named(self, column: str) -> tuple[str, dict[str, str]]:
        """`where`, with named parameters (:collection0, …)."""
        sql, names = self.where(column)
        params = {f"collection{i}": name for i, name in enumerate(names)}
        return sql.replace("?", "{}").format(*(f":{k}" for k in params)), params

    def args(self) -> dict[str, str]:
        """The query-string parameter that keeps this choice in a link (none for the default)."""
        return {"collection": ",".join(self.asked)} if self.asked else {}


def asked_names(request: Any) -> list[str]:
    values = request.args.getlist("collection") if request else []
    return [n.strip() for v in values for n in v.split(",") if n.strip()]


async def chosen(db: Database, request: Any) -> Chosen:
    """The collections a request asks for; an unknown one is a 400 naming the closest."""
    return await choose(db, asked_names(request))


async def choose(db: Database, asked: list[str]) -> Chosen:
    """The collections named (none: the default ones); an unknown one is a 400."""
    rows = await db.execute(
        "select name, label, description, default_view, engagements from collections order by rowid"
    )
    known = [dict(r) for r in rows]
    names = [r["name"] for r in known]
    for name in asked:
        if name != ALL and name not in names:
            raise BadRequest(f"collection: {unknown_collection(name, [*names, ALL])}")
    if not asked:
        default = tuple(r["name"] for r in known if r["default_view"])
        return Chosen(default, (), known)
    if ALL in asked:
        return Chosen(None, (ALL,), known)
    return Chosen(tuple(dict.fromkeys(asked)), tuple(dict.fromkeys(asked)), known)


def legend(chosen: Chosen, counts: dict[str, int], url: Any) -> list[dict[str, Any]]:
    """One entry a collection with engagements here: its label and description, how many, if
    shown, and the link that shows it alone; `url(collection=…)` makes a link."""
    out = []
    for row in chosen.known:
        n = counts.get(row["name"], 0)
        shown = chosen.names is None or row["name"] in chosen.names
        if not n and not shown:
            continue
        out.append(
            {
                "name": row["name"],
                "label": row["label"] or row["name"],
                "description": row["description"] or "",
                "count": n,
                "shown": shown,
                "default": bool(row["default_view"]),
                "only_url": url(collection=row["name"]),
            }
        )
    return out


def legend_links(chosen: Chosen, url: Any) -> dict[str, str | None]:
    """Links to every collection and back to the default ones (None where already there)."""
    return {
        "all_url": None if chosen.names is None else url(collection=ALL),
        "default_url": None if not chosen.asked else url(collection=None),
    }
