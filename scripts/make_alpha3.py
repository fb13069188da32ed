"""Write timeline/exports/alpha3.py: ISO 3166 alpha-3 codes for the archive's country codes, which
PLOVER's actor codes use. Taken from pycountry's ISO 3166-1 and ISO 3166-3 tables (pycountry is
not a dependency: `pip install pycountry` to run this), for every code `events.all_countries`
knows; codes with no alpha-3 are left out.

    python scripts/make_alpha3.py
"""

from __future__ import annotations

from pathlib import Path

import pycountry

from events import all_countries

OUT = Path(__file__).resolve().parents[1] / "timeline" / "exports" / "alpha3.py"
# Kosovo's user-assigned XK has no ISO alpha-3; XKX is the one the European Commission and the
# IMF use where an alpha-3 is needed.
EXTRA = {"XK": "XKX"}


def alpha3(code: str) -> str | None:
    if code in EXTRA:
        return EXTRA[code]
    found = (
        pycountry.historic_countries.get(alpha_4=code)
        if len(code) == 4
        else pycountry.countries.get(alpha_2=code)
    )
    return found.alpha_3 if found is not None else None


def main() -> None:
    codes = {c.code: alpha3(c.code) for c in all_countries(historical=True)}
    lines = [f'    "{code}": "{three}",' for code, three in sorted(codes.items()) if three]
    missing = sorted(code for code, three in codes.items() if not three)
    OUT.write_text(
        '"""ISO 3166 alpha-3 codes by the archive\'s country code (ISO 3166-1 alpha-2, or ISO\n'
        "3166-3 alpha-4 for a former state): written by scripts/make_alpha3.py from pycountry's\n"
        f'tables, do not edit. No alpha-3 exists for: {", ".join(missing)}."""\n\n'
        "# fmt: off\nALPHA3: dict[str, str] = {\n" + "\n".join(lines) + "\n}\n",
        encoding="utf-8",
    )
    print(f"{OUT}: {len(lines)} codes; none for {', '.join(missing)}")


if __name__ == "__main__":
    main()
