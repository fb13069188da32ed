# ruff: noqa: E501 (a table reads best one state a line)
"""States that no longer exist, by their ISO 3166-3 code, with English and Vietnamese names, the
days they existed where the archive relies on them, and where each name comes from.

CLDR (events/cldr_countries.py) names only current territories, so these are curated: every
ISO 3166-3 code (what the Office of the Historian's data or a record can name), plus two states
ISO never coded. VNVN and HIUS are not ISO codes: ISO 3166-3 has none for the Republic of
Vietnam (its alpha-2 VN passed to the unified state) or for the Kingdom of Hawaii (which
predates ISO 3166); they are formed as ISO 3166-3 forms its codes, the state's own two letters
then its successor's.

The English names are ISO 3166-3's, shortened to the name in common use where ISO gives the
formal one ("USSR, Union of Soviet Socialist Republics" -> "Soviet Union (USSR)"). The days a
state existed are curated too: ISO 3166-3 gives the day a code was withdrawn, which is not the
day a state ended (the USSR ended on 1991-12-26; its code was withdrawn on 1992-08-30).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class FormerState(NamedTuple):
    code: str
    name_en: str
    name_vi: str
    # Where the Vietnamese name comes from: `viwiki` is the title of Vietnamese Wikipedia's
    # article on the state; `cldr XX` is CLDR's Vietnamese name of the territory that continues
    # it; `translated` is a plain translation where no established name was found (kept apart
    # from the successor's name, so a typed name finds one code).
    source: str
    valid_from: date | None = None
    valid_until: date | None = None


def _d(text: str) -> date:
    return date.fromisoformat(text)


# One row a state, in code order.
FORMER_STATES: tuple[FormerState, ...] = (
    FormerState("AIDJ", "French Territory of the Afars and the Issas", "Lãnh thổ Afar và Issa thuộc Pháp", "translated"),
    FormerState("ANHH", "Netherlands Antilles", "Antille thuộc Hà Lan", "viwiki", _d("1954-12-15"), _d("2010-10-09")),
    FormerState("BQAQ", "British Antarctic Territory", "Lãnh thổ châu Nam Cực thuộc Anh", "viwiki"),
    FormerState("BUMM", "Socialist Republic of the Union of Burma", "Cộng hòa Xã hội chủ nghĩa Liên bang Miến Điện", "translated"),
    FormerState("BYAA", "Byelorussian SSR", "Cộng hòa Xã hội chủ nghĩa Xô viết Byelorussia", "viwiki"),
    FormerState("CSHH", "Czechoslovakia", "Tiệp Khắc", "viwiki", _d("1918-10-28"), _d("1992-12-31")),
    FormerState("CSXX", "Serbia and Montenegro", "Serbia và Montenegro", "viwiki", _d("2003-02-04"), _d("2006-06-04")),
    FormerState("CTKI", "Canton and Enderbury Islands", "Quần đảo Canton và Enderbury", "translated"),
    FormerState("DDDE", "East Germany (German Democratic Republic)", "Cộng hòa Dân chủ Đức (Đông Đức)", "viwiki", _d("1949-10-07"), _d("1990-10-02")),
    FormerState("DYBJ", "Dahomey", "Dahomey", "viwiki"),
    FormerState("FQHH", "French Southern and Antarctic Territories", "Vùng đất phía Nam và châu Nam Cực thuộc Pháp", "translated"),
    FormerState("FXFR", "Metropolitan France", "Chính quốc Pháp", "viwiki"),
    FormerState("GEHH", "Gilbert and Ellice Islands", "Quần đảo Gilbert và Ellice", "translated"),
    FormerState("HIUS", "Hawaii (Kingdom, then Republic)", "Vương quốc Hawaii", "viwiki", None, _d("1898-08-12")),
    FormerState("HVBF", "Upper Volta", "Thượng Volta", "viwiki"),
    FormerState("JTUM", "Johnston Island", "Đảo Johnston", "viwiki"),
    FormerState("MIUM", "Midway Islands", "Quần đảo Midway", "translated"),
    FormerState("NHVU", "New Hebrides", "Tân Hebrides", "viwiki"),
    FormerState("NQAQ", "Queen Maud Land", "Vùng đất Nữ hoàng Maud", "viwiki"),
    FormerState("NTHH", "Saudi–Iraqi Neutral Zone", "Vùng trung lập Ả Rập Xê Út–Iraq", "translated"),
    FormerState("PCHH", "Trust Territory of the Pacific Islands", "Lãnh thổ Ủy thác Quần đảo Thái Bình Dương", "translated"),
    FormerState("PUUM", "United States Miscellaneous Pacific Islands", "Các đảo nhỏ của Hoa Kỳ ở Thái Bình Dương", "translated"),
    FormerState("PZPA", "Panama Canal Zone", "Vùng kênh đào Panama", "viwiki"),
    FormerState("RHZW", "Southern Rhodesia", "Nam Rhodesia", "viwiki"),
    FormerState("SKIN", "Sikkim", "Sikkim", "viwiki"),
    FormerState("SUHH", "Soviet Union (USSR)", "Liên Xô", "viwiki", _d("1922-12-30"), _d("1991-12-26")),
    FormerState("TPTL", "East Timor", "Đông Timor", "viwiki"),
    FormerState("VDVN", "North Vietnam (Democratic Republic of Vietnam)", "Việt Nam Dân chủ Cộng hòa", "viwiki", _d("1945-09-02"), _d("1976-07-01")),
    FormerState("VNVN", "South Vietnam (Republic of Vietnam; State of Vietnam until 1955)", "Việt Nam Cộng hòa (Quốc gia Việt Nam đến 1955)", "viwiki", _d("1949-07-02"), _d("1975-04-30")),
    FormerState("WKUM", "Wake Island", "Đảo Wake", "viwiki"),
    FormerState("YDYE", "South Yemen (People's Democratic Republic of Yemen)", "Nam Yemen (Cộng hòa Dân chủ Nhân dân Yemen)", "viwiki"),
    FormerState("YUCS", "Yugoslavia", "Nam Tư", "viwiki", _d("1918-12-01"), _d("2003-02-03")),
    FormerState("ZRCD", "Zaire", "Zaire", "viwiki"),
)  # fmt: skip
