"""Names people type for a country beside CLDR's (events/cldr_countries.py) and the former
states' (events/former_states.py): the short names Vietnamese news uses, English abbreviations,
formal names and names a country had until recently. Diacritics and case do not matter here:
`Viet Nam`, `viet nam` and `Việt Nam` are all found from CLDR's `Việt Nam`.

A name here wins over a code: `Mỹ` is the United States although `MY` is Malaysia."""

from __future__ import annotations

ALIASES: dict[str, tuple[str, ...]] = {
    "AE": ("UAE",),
    "AU": ("Australia", "Ôxtrâylia"),
    "BA": ("Bosnia and Herzegovina", "Bosnia-Herzegovina"),
    "BN": ("Brunei Darussalam",),
    "CD": ("DR Congo", "DRC", "Democratic Republic of the Congo", "Cộng hòa Dân chủ Congo"),
    "CG": ("Republic of the Congo", "Cộng hòa Congo"),
    "CI": ("Ivory Coast", "Bờ Biển Ngà"),
    "CN": ("PRC", "People's Republic of China", "Trung Hoa"),
    "CV": ("Cabo Verde",),
    "CZ": ("Czech Republic", "Cộng hòa Séc"),
    "DE": ("CHLB Đức",),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "Anh",
           "Liên hiệp Vương quốc Anh và Bắc Ireland"),
    "HK": ("Hong Kong", "Hồng Kông"),
    # The international organisations' side (events/countries.py): its plural, and PLOVER's
    # actor code for intergovernmental organisations.
    "INT": ("International organisations", "Các tổ chức quốc tế", "IGO"),
    "IR": ("Islamic Republic of Iran",),
    "IT": ("Ý",),
    "JP": ("Nhật",),
    "KP": ("DPRK", "Bắc Triều Tiên"),
    "KR": ("Korea", "Republic of Korea", "ROK", "Nam Hàn"),
    "LA": ("Lao PDR", "Lao"),
    "MK": ("Macedonia",),
    "MM": ("Myanmar", "Burma"),
    "MO": ("Macao", "Macau", "Ma Cao"),
    "PS": ("Palestine",),
    "RU": ("Russian Federation", "Liên bang Nga"),
    "SZ": ("Swaziland",),
    "TR": ("Turkey",),
    "TW": ("Republic of China",),
    "US": ("Mỹ", "USA", "U.S.", "U.S.A.", "America", "United States of America", "Hoa Kì",
           "Hợp chủng quốc Hoa Kỳ"),
    "VA": ("Vatican", "Holy See", "Tòa Thánh"),
    "VN": ("Viet Nam", "Socialist Republic of Vietnam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    "SUHH": ("USSR", "Soviet Union"),
    "DDDE": ("East Germany", "GDR", "DDR", "Đông Đức"),
    "VNVN": ("South Vietnam", "Republic of Vietnam", "Việt Nam Cộng hòa", "Nam Việt Nam"),
    "VDVN": ("North Vietnam", "Democratic Republic of Vietnam", "Bắc Việt Nam"),
}  # fmt: skip
