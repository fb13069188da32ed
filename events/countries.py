"""Countries with English and Vietnamese names: current states by their ISO 3166-1 alpha-2 code,
named as CLDR names them (events/cldr_countries.py, written from Babel by
scripts/make_countries.py), and states that no longer exist by their ISO 3166-3 alpha-4 code,
with the days they existed where that is known (events/former_states.py); and, beside both,
`INT`, an international organisation (Interpol, UNODC, ASEANAPOL, Europol) met as one side of an
engagement, the organisation itself named in the record's `organisations`. `INT` is no state
and no place: it is neither among the 250 current codes nor among the former states, and a
record's place is refused it (events/facts.py)."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import NamedTuple

from events.cldr_countries import NAMES
from events.former_states import FORMER_STATES

# The side of an engagement that is an international body, not a state: the code the real
# articles' gold writes for Interpol's side (development and read sets), which is no ISO 3166
# code (ISO 3166-1 reserves no `INT`, nor does alpha-3).
INTERNATIONAL = "INT"


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

    @property
    def international(self) -> bool:
        """An international organisation's side (`INT`), not a state."""
        return self.code == INTERNATIONAL

    @property
    def group(self) -> str:
        """`current`, `former` (a state that no longer exists) or `international`."""
        if self.international:
            return "international"
        return "former" if self.historical else "current"

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


@cache
def _table() -> dict[str, Country]:
    table = {code: Country(code, en, vi) for code, (en, vi) in NAMES.items()}
    return table


@cache
def _historical_table() -> dict[str, Country]:
    return {
        s.code: Country(s.code, s.name_en, s.name_vi, s.valid_from, s.valid_until)
        for s in FORMER_STATES
    }


ORGANISATIONS = Country(INTERNATIONAL, "International organisation", "Tổ chức quốc tế")


def country(code: str) -> Country:
    """The country with this code (ISO 3166-1 alpha-2, or ISO 3166-3 alpha-4 for a state that
    no longer exists, or `INT` for an international organisation); KeyError if there is none."""
    if len(code) == 2:
        return _table()[code]
    if code == INTERNATIONAL:
        return ORGANISATIONS
    return _historical_table()[code]


def is_country(code: str) -> bool:
    return code in _table() or code in _historical_table() or code == INTERNATIONAL


def all_countries(*, historical: bool = False, international: bool = False) -> list[Country]:
    """Current countries; with `historical`, states that no longer exist too; with
    `international`, the side of international organisations (`INT`) too."""
    found = list(_table().values())
    if historical:
        found += _historical_table().values()
    if international:
        found.append(ORGANISATIONS)
    return sorted(found, key=lambda c: c.code)
