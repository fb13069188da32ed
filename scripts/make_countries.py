"""Write events/cldr_countries.py: the English and Vietnamese name of every ISO 3166-1 country
(and Kosovo, XK), and ISO 3166-1 alpha-3 codes, from CLDR as Babel ships it.

The archive shows these names on every page and in every command, and looks names up when a
person types one. Babel is not a run-time dependency: its installed data is 36 MB for the ~500
names the archive needs, so the names are written once into a Python module (compiled with the
package, loaded with no file to open or parse). Run it after upgrading Babel
(pip install -e '.[test]'), and commit the file: tests/events/test_cldr_countries.py compares
the module with Babel, code by code.

    python scripts/make_countries.py [--output events/cldr_countries.py]
"""

from __future__ import annotations

import argparse
import json
from importlib.metadata import version
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "events" / "cldr_countries.py"
LANGUAGES = ("en", "vi")
# CLDR's two-letter territories that are not ISO 3166-1 countries: codes ISO reserves for other
# bodies (Ascension AC, Clipperton CP, Sark CQ, Diego Garcia DG, Ceuta and Melilla EA, the Canary
# Islands IC, Tristan da Cunha TA, the EU, the eurozone EZ, the UN) and private-use codes (QO
# Outlying Oceania, the pseudo-locales XA and XB, ZZ unknown). XK (Kosovo) is user-assigned too
# but in common use (the EU, the IMF and news use it), so it stays.
NOT_COUNTRIES = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
)

# CLDR also aliases the alpha-3 codes of states that are gone to their successors (DDR -> DE,
# BUR -> MM, FXX -> FR, TMP -> TL, YMD -> YE, ZAR -> CD); in this archive those states have their
# own ISO 3166-3 codes (events/former_states.py), so a typed DDR must not become Germany.
FORMER_ALPHA3 = frozenset({"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"})


def country_names() -> dict[str, tuple[str, str]]:
    """Code -> (English name, Vietnamese name), as CLDR names them."""
    from babel import Locale

    en, vi = (Locale(language).territories for language in LANGUAGES)
    codes = sorted(c for c in en if len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES)
    return {code: (en[code], vi[code]) for code in codes}


def alpha3_codes(countries: dict[str, tuple[str, str]]) -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> alpha-2, from CLDR's territory aliases (USA -> US)."""
    from babel.core import get_global

    aliases = get_global("territory_aliases")
    return {
        alias: targets[0]
        for alias, targets in sorted(aliases.items())
        if len(alias) == 3
        and alias.isalpha()
        and alias not in FORMER_ALPHA3
        and len(targets) == 1
        and targets[0] in countries
    }


def module_text(countries: dict[str, tuple[str, str]], alpha3: dict[str, str]) -> str:
    lines = [
        f'"""Country names from CLDR {babel_cldr_version()} (Babel {version("babel")}): written by',
        "scripts/make_countries.py, do not edit. Code -> (English, Vietnamese).",
        "",
        "Unicode CLDR data: Copyright © 1991-2025 Unicode, Inc., under the Unicode License v3",
        "(https://www.unicode.org/license.txt), which asks that this notice go with the data.",
        '"""',
        "",
        "# fmt: off",
        "NAMES: dict[str, tuple[str, str]] = {",
        *(f"    {q(code)}: ({q(en)}, {q(vi)})," for code, (en, vi) in countries.items()),
        "}",
        "",
        "# ISO 3166-1 alpha-3 -> alpha-2 (CLDR's territory aliases).",
        "ALPHA3: dict[str, str] = {",
        *(f"    {q(a3)}: {q(a2)}," for a3, a2 in alpha3.items()),
        "}",
        "# fmt: on",
        "",
    ]
    return "\n".join(lines)


def q(text: str) -> str:
    """A Python string literal in double quotes, as ruff writes them."""
    return json.dumps(text, ensure_ascii=False)


def babel_cldr_version() -> str:
    from babel.core import get_global

    return str(get_global("cldr")["version"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    countries = country_names()
    args.output.write_text(module_text(countries, alpha3_codes(countries)), encoding="utf-8")
    print(f"{args.output}: {len(countries)} countries")


if __name__ == "__main__":
    main()
