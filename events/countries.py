"""ISO 3166-1 countries with English and Vietnamese names, from pycountry's offline data."""

from __future__ import annotations

import gettext
from functools import cache
from typing import NamedTuple

import pycountry


class Country(NamedTuple):
    code: str
    name_en: str
    name_vi: str


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


@cache
def _table() -> dict[str, Country]:
    vi = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"], fallback=True)
    table: dict[str, Country] = {}
    for c in pycountry.countries:
        name_en = getattr(c, "common_name", None) or c.name
        name_vi = _VI_COMMON.get(c.alpha_2) or vi.gettext(c.name)
        table[c.alpha_2] = Country(c.alpha_2, name_en, name_vi)
    table.update(_EXTRA)
    return table


def country(code: str) -> Country:
    """The country with this ISO 3166-1 alpha-2 code; KeyError if there is none."""
    return _table()[code]


def is_country(code: str) -> bool:
    return code in _table()


def all_countries() -> list[Country]:
    return sorted(_table().values())
