"""An offline gazetteer: a city's name, in Vietnamese or English, with or without diacritics, to
its coordinates within a country, from the GeoNames cities (CC BY 4.0; the table's `about` row
says so) reduced by scripts/make_gazetteer.py to data/gazetteer.sqlite.

The table is looked up, not built: building the index of 34,000 cities (184,000 keys) took about
2 s in every process that projected; one primary-key probe of the file takes microseconds, and
`locate` caches its answers, so geocoding a million rows costs a few thousand probes."""

from __future__ import annotations

import re
import sqlite3
from functools import cache, lru_cache
from pathlib import Path

from timeline.text import fold

# Cities of 15000 people or more: every capital and provincial capital. The 5000 list adds small
# towns (Sa Pa) but doubles the size of the table.
DATASET = "cities15000.json"
GAZETTEER = Path(__file__).parent / "data" / "gazetteer.sqlite"
# Words that name the kind of place rather than the place: "Thành phố Hồ Chí Minh", "TP. Huế",
# "Hue City", "tỉnh Quảng Ninh".
PREFIX = re.compile(r"^(thanh pho|tp\.?|tinh|city of)\s*", re.IGNORECASE)
SUFFIX = re.compile(r"\s+(city|province)$", re.IGNORECASE)
LOOKUP = (
    "select latitude, longitude from place join point on point.id = place.point"
    " where country = ? and key = ?"
)

Point = tuple[float, float]


def name_key(name: str) -> str:
    """`Hà Nội`, `Ha Noi`, `HANOI` and `Ha-noi` all give `hanoi`; `TP.HCM` gives `tphcm`."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


@cache
def gazetteer() -> sqlite3.Connection:
    """The shipped table, opened read-only and immutable (no locks, no journal), once per process;
    usable from any thread, since nothing is ever written to it."""
    uri = f"{GAZETTEER.resolve().as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def point_of(country: str, key: str) -> Point | None:
    """The coordinates under (country code, name key), or None."""
    row = gazetteer().execute(LOOKUP, (country, key)).fetchone()
    return None if row is None else (row[0], row[1])


def _forms(city: str) -> list[str]:
    """The name as written, then without a trailing qualifier (`, D.C.`, `, Vietnam`), then
    without words for the kind of place."""
    forms = [city]
    head = city.split(",")[0].strip()
    forms.append(head)
    folded = fold(head)
    bare = SUFFIX.sub("", PREFIX.sub("", folded)).strip()
    forms.append(bare)
    return forms


@lru_cache(maxsize=65536)
def locate(city: str | None, country: str | None) -> Point | None:
    """The coordinates of a city in a country (ISO 3166-1 alpha-2), or None when unknown."""
    if not city or not country:
        return None
    for form in _forms(city):
        point = point_of(country.upper(), name_key(form))
        if point is not None:
            return point
    return None
