"""Countries with English and Vietnamese names: current states by their ISO 3166-1 alpha-2 code,
named as CLDR names them (events/cldr_countries.py, written from Babel by
scripts/make_countries.py), and states that no longer exist by their ISO 3166-3 alpha-4 code,
with the days they existed where that is known (events/former_states.py)."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import NamedTuple

from events.cldr_countries import NAMES
from events.former_states import FORMER_STATES


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
