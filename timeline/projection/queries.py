"""The read queries over timeline.db that the command line prints: `timeline list`'s rows.

They read the projection only (a file, or the archive whose timeline.db it is) and write
nothing: bringing timeline.db up to date first is `build`'s work."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from events import KINDS, UnknownCountry, resolve_country
from events.collections import ALL, COLLECTIONS, default_collections, unknown_collection
from timeline.errors import CollectionError, TimelineError

if TYPE_CHECKING:
    from timeline.store.application import Archive

_DATES = ("start_date", "end_date", "date_label", "kind", "title", "city")
PAIR_SELECT = (
    *_DATES,
    "place_country",
    "country",
    "group_concat(counterpart, ', ') as counterpart",
    "role",
    "engagement",
)
ENGAGEMENT_SELECT = (*_DATES, "country as place_country", "countries", "slug as engagement")
PAIR_COLUMNS = tuple(c.split(" as ")[-1] for c in PAIR_SELECT)
ENGAGEMENT_COLUMNS = tuple(c.split(" as ")[-1] for c in ENGAGEMENT_SELECT)


def timeline_rows(
    source: Archive | str | Path,
    *,
    country: str | None = None,
    kind: str | None = None,
    since: date | None = None,
    until: date | None = None,
    counterpart: str | None = None,
    collections: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Engagements in date order, from an archive's timeline.db or a timeline.db file; for a
    country (a code in any case, or a name in English or Vietnamese), its timeline: one row per
    engagement with its counterparts joined and its role. `kind` is a key of the kinds
    vocabulary; `since` keeps engagements that end on or after that day, `until` those that
    start on or before it; `counterpart` (with `country`) those of the pair; `limit` the first
    so many. Retracted engagements are not in timeline.db. `collections`: the collections to
    list (by default those shown by default, `["all"]` every one)."""
    check_options(kind=kind, country=country, counterpart=counterpart, limit=limit)
    chosen = chosen_collections(collections)
    db = _open(source)
    try:
        sql, params = _timeline_sql(country, kind, since, until, counterpart, chosen)
        if limit is not None:
            sql, params = f"{sql} limit ?", [*params, limit]
        rows = [dict(r) for r in db.query(sql, params)]
    finally:
        db.close()
    for row in rows:
        if "countries" in row:
            row["countries"] = "–".join(json.loads(row["countries"]))
    return rows


def check_options(
    *,
    kind: str | None = None,
    country: str | None = None,
    counterpart: str | None = None,
    limit: int | None = None,
) -> None:
    """Refuse options `timeline_rows` cannot answer, before anything is opened."""
    if kind is not None and kind not in KINDS:
        raise TimelineError(f"kind {kind!r}: not a kind of the vocabulary ({', '.join(KINDS)})")
    if counterpart and not country:
        raise TimelineError("--counterpart: give --country too (the pair's timeline)")
    if limit is not None and limit < 0:
        raise TimelineError(f"--limit {limit}: a limit is 0 or more")
    for option, code in (("--country", country), ("--counterpart", counterpart)):
        _check_country(option, code)


def timeline_columns(country: str | None) -> list[str]:
    """The columns of `timeline_rows`' rows, in order: a country's timeline, or engagements."""
    return list(PAIR_COLUMNS if country else ENGAGEMENT_COLUMNS)


def _check_country(option: str, typed: str | None) -> None:
    """A country typed as a code or a name: one that names none is an error suggesting the
    closest, not an empty list."""
    if typed is not None:
        try:
            resolve_country(typed)
        except UnknownCountry as e:
            raise TimelineError(f"{option}: {e}") from None


def chosen_collections(names: Sequence[str] | None) -> list[str] | None:
    """The collections asked for, checked (one naming the closest if unknown); None for all."""
    if not names:
        return default_collections()
    if ALL in names:
        return None
    for name in names:
        if name not in COLLECTIONS:
            raise CollectionError(unknown_collection(name, [*COLLECTIONS, ALL]))
    return list(dict.fromkeys(names))


def collection_counts(source: Archive | str | Path) -> list[dict[str, Any]]:
    """The `collections` table: name, label, description, whether shown by default, and how
    many engagements each holds."""
    db = _open(source)
    try:
        return [dict(r) for r in db.query("select * from collections order by rowid")]
    finally:
        db.close()


def _open(source: Archive | str | Path) -> sqlite_utils.Database:
    path = Path(source) if isinstance(source, str | Path) else source.projection_path
    if not path.is_file():  # sqlite would create an empty file, and answer "no such table"
        raise TimelineError(f"{path}: no timeline.db here (`timeline build` makes it)")
    return sqlite_utils.Database(path)


def country_code(typed: str) -> str:
    """The code of a country typed as a code or a name; TimelineError, suggesting the closest
    country, if it names none."""
    try:
        return resolve_country(typed)
    except UnknownCountry as e:
        raise TimelineError(f"country: {e}") from None


def _timeline_sql(
    country: str | None,
    kind: str | None,
    since: date | None,
    until: date | None = None,
    counterpart: str | None = None,
    collections: list[str] | None = None,
) -> tuple[str, list[str]]:
    where, params = [], []
    if country:
        table = "timeline"
        select = f"select {', '.join(PAIR_SELECT)} from timeline"
        where.append("country = ?")
        params.append(country_code(country))
    else:
        table = "engagements"
        select = f"select {', '.join(ENGAGEMENT_SELECT)} from engagements"
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if since:
        where.append("end_date >= ?")
        params.append(since.isoformat())
    if until:
        where.append("start_date <= ?")
        params.append(until.isoformat())
    if counterpart:  # the pair's engagements, each still with all its counterparts
        where.append("engagement in (select engagement from timeline where country = ? and "
                     "counterpart = ?)")  # fmt: skip
        params += [country_code(country) if country else "", country_code(counterpart)]
    if collections is not None:
        where.append(f"collection in ({', '.join('?' for _ in collections)})")
        params.extend(collections)
    sql = select + (" where " + " and ".join(where) if where else "")
    if country:  # one line per engagement, with all its counterparts
        sql += " group by engagement"
    sql += f" order by {table}.start_date, {table}.end_date, engagement"
    return sql, params
