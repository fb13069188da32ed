"""Collections: the data set an engagement belongs to, named when it is recorded.

The archive holds engagements of different kinds of provenance: security engagements curated
by hand from record files, drafts extracted from articles and accepted by a reviewer, and
other publishers' data sets brought in by an importer (the Office of the Historian's 7,530
leader visits and trips, which turn Vietnam's 12 security engagements into 35, mostly
presidential trips). An analyst of security engagements sees the collections marked `default`
unless they ask for others.

The collection is a field of the `Recorded` event, not of the facts: it says where the record
came from, which a correction of the facts does not change. Events stored before it existed
get it from what they hold (see `collection_of_stored`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Collection:
    label: str  # a few words, for legends and menus
    description: str  # a sentence: what is in it and where it comes from
    default: bool  # shown on pages and in `timeline list` unless other collections are asked for


CURATED = "curated"
REVIEWED = "reviewed"

COLLECTIONS: dict[str, Collection] = {
    CURATED: Collection(
        "Curated security engagements",
        "Security and law-enforcement engagements recorded from record files written by hand "
        "(`timeline append`), every fact with the sentence of its source.",
        True,
    ),
    REVIEWED: Collection(
        "Extracted and reviewed",
        "Security and law-enforcement engagements drafted from news articles by `timeline "
        "extract` and accepted by a reviewer in `timeline review`.",
        True,
    ),
    "historyatstate-visits": Collection(
        "Leader visits to the US (Office of the Historian)",
        "Visits to the United States by foreign heads of state and government, from the US "
        "Office of the Historian (`timeline import historyatstate`, public domain).",
        False,
    ),
    "historyatstate-travels": Collection(
        "US presidents' and secretaries' trips (Office of the Historian)",
        "Trips abroad by US presidents and secretaries of state, from the US Office of the "
        "Historian (`timeline import historyatstate`, public domain).",
        False,
    ),
}

# What "all collections" is spelled as on pages and in `--collection`.
ALL = "all"


def default_collections() -> list[str]:
    """The collections shown unless others are asked for."""
    return [name for name, c in COLLECTIONS.items() if c.default]


def register_collection(name: str, collection: Collection) -> None:
    """Add a collection (an importer of one's own, a test's): a name already taken by another
    collection raises ValueError."""
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) or name == ALL:
        raise ValueError(f"collection {name!r}: a name is lowercase words joined by hyphens")
    if COLLECTIONS.get(name, collection) != collection:
        raise ValueError(f"collection {name!r} is already registered")
    COLLECTIONS[name] = collection


def unregister_collection(name: str) -> None:
    """Forget a collection added by `register_collection` (if any)."""
    if name not in (CURATED, REVIEWED):
        COLLECTIONS.pop(name, None)


def closest(name: str, known: list[str]) -> str:
    """' (did you mean X?)' for the known name closest to `name`, or the list of known names."""
    import difflib  # only when a name is wrong: it stays off the append path

    near = difflib.get_close_matches(name.strip().lower(), known, n=1, cutoff=0.5)
    if near:
        return f" (did you mean {near[0]!r}?)"
    return f" (the collections: {', '.join(known)})"


def unknown_collection(name: str, known: list[str] | None = None) -> str:
    """The message for a collection that is not one of `known` (by default, the collections):
    names the closest."""
    known = known if known is not None else list(COLLECTIONS)
    return f"unknown collection {name!r}{closest(name, known)}"


def check_collection(name: str) -> str:
    """`name` if it is a collection; ValueError naming the closest otherwise."""
    if name not in COLLECTIONS:
        raise ValueError(unknown_collection(name))
    return name


_IMPORTED_DOCUMENT = re.compile(r"^(historyatstate-(?:visits|travels))-\d+$")


def collection_of_stored(state: dict[str, Any]) -> str:
    """The collection of a `Recorded` event stored before events named one (class version 2),
    from what it holds: a record of the Office of the Historian has its record as its first
    source (`historyatstate-visits-123`); a reviewed draft's origin says `timeline review`;
    anything else came from a record file."""
    sources = (state.get("facts") or {}).get("sources") or []
    first = sources[0].get("document", "") if sources else ""
    if found := _IMPORTED_DOCUMENT.match(first or ""):
        return found.group(1)
    if (state.get("origin") or "").endswith("with timeline review"):
        return REVIEWED
    return CURATED
