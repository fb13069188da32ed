"""Countries with English and Vietnamese names, from pycountry's offline data: current states by
their ISO 3166-1 alpha-2 code, states that no longer exist by their ISO 3166-3 alpha-4 code, with
the days they existed where that is known.

pycountry's names are shipped in `events.country_names` (made by scripts/make_country_names.py):
importing pycountry and reading its translations cost 0.14 s of every process that validates a
record, a fifth of `timeline append` of one record."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import NamedTuple

from events.country_names import CURRENT, HISTORICAL


class Country(NamedTuple):
    code: str
    name_en: str
    name_vi: str
    # First and last day (inclusive) the state existed; None where open or not known.
    valid_from: date | None = None
    valid_until: date | None = None

    @property
    def historical(self) -> bool:
        return len(self.code) == 4

    def exists_during(self, start: date, end: date) -> bool:
        """True unless the days start..end fall (partly) outside the state's known existence."""
        if self.valid_from and start < self.valid_from:
            return False
        return not (self.valid_until and end > self.valid_until)

    def existence(self) -> str:
        """`1922-12-30 to 1991-12-26`, `until 1898-08-12`, or `''` when not known."""
        if self.valid_from and self.valid_until:
            return f"{self.valid_from} to {self.valid_until}"
        if self.valid_until:
            return f"until {self.valid_until}"
        return f"from {self.valid_from}" if self.valid_from else ""


# Names Vietnamese news actually uses, where pycountry's translation is formal or dated.
_VI_COMMON = {
    "AU": "Australia",
    "CN": "Trung Quốc",
    "DE": "Đức",
    "FR": "Pháp",
    "GB": "Anh",
    "IN": "Ấn Độ",
    "JP": "Nhật Bản",
    "KH": "Campuchia",
    "KP": "Triều Tiên",
    "KR": "Hàn Quốc",
    "LA": "Lào",
    "RU": "Nga",
    "SG": "Singapore",
    "TH": "Thái Lan",
    "US": "Hoa Kỳ",
    "VN": "Việt Nam",
}

# Codes outside ISO 3166-1 proper that are in common use for current states.
_EXTRA = {"XK": Country("XK", "Kosovo", "Kosovo")}


def _d(text: str) -> date:
    return date.fromisoformat(text)


# States that no longer exist, as people name them, with the days they existed. ISO 3166-3 gives
# only the day a code was withdrawn, which is not the day a state ended, so these are curated.
# VNVN and HIUS are not ISO codes: ISO 3166-3 has none for the Republic of Vietnam (its alpha-2
# VN passed to the unified state) or for the Kingdom of Hawaii (which predates ISO 3166); they are
# formed as ISO 3166-3 forms its codes, the state's own two letters then its successor's.
_HISTORICAL = {
    "SUHH": Country("SUHH", "Soviet Union (USSR)", "Liên Xô", _d("1922-12-30"), _d("1991-12-26")),
    "YUCS": Country("YUCS", "Yugoslavia", "Nam Tư", _d("1918-12-01"), _d("2003-02-03")),
    "CSXX": Country(
        "CSXX", "Serbia and Montenegro", "Serbia và Montenegro", _d("2003-02-04"), _d("2006-06-04")
    ),
    "CSHH": Country("CSHH", "Czechoslovakia", "Tiệp Khắc", _d("1918-10-28"), _d("1992-12-31")),
    "DDDE": Country(
        "DDDE",
        "East Germany (German Democratic Republic)",
        "Cộng hòa Dân chủ Đức (Đông Đức)",
        _d("1949-10-07"),
        _d("1990-10-02"),
    ),
    "VDVN": Country(
        "VDVN",
        "North Vietnam (Democratic Republic of Vietnam)",
        "Việt Nam Dân chủ Cộng hòa",
        _d("1945-09-02"),
        _d("1976-07-01"),
    ),
    "VNVN": Country(
        "VNVN",
        "South Vietnam (Republic of Vietnam; State of Vietnam until 1955)",
        "Việt Nam Cộng hòa (Quốc gia Việt Nam đến 1955)",
        _d("1949-07-02"),
        _d("1975-04-30"),
    ),
    "ANHH": Country(
        "ANHH", "Netherlands Antilles", "Antille thuộc Hà Lan", _d("1954-12-15"), _d("2010-10-09")
    ),
    "HIUS": Country(
        "HIUS", "Hawaii (Kingdom, then Republic)", "Vương quốc Hawaii", None, _d("1898-08-12")
    ),
}  # fmt: skip


@cache
def _table() -> dict[str, Country]:
    table = {
        code: Country(code, name_en, _VI_COMMON.get(code) or name_vi)
        for code, (name_en, name_vi) in CURRENT.items()
    }
    table.update(_EXTRA)
    return table


@cache
def _historical_table() -> dict[str, Country]:
    table = {code: Country(code, en, vi) for code, (en, vi) in HISTORICAL.items()}
    table.update(_HISTORICAL)
    return table


def country(code: str) -> Country:
    """The country with this code (ISO 3166-1 alpha-2, or ISO 3166-3 alpha-4 for a state that
    no longer exists); KeyError if there is none."""
    return _table()[code] if len(code) == 2 else _historical_table()[code]


def is_country(code: str) -> bool:
    return code in _table() or code in _historical_table()


def all_countries(*, historical: bool = False) -> list[Country]:
    """Current countries; with `historical`, states that no longer exist too."""
    found = list(_table().values())
    if historical:
        found += _historical_table().values()
    return sorted(found, key=lambda c: c.code)
