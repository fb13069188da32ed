"""Dates typed on the command line as a day, a month or a year (`2025-09-05`, `2025-09`,
`2025`): `--since` takes the first day of the period, `--until` the last, so `--until 2024`
keeps what started in December 2024."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

import click

_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class Period(click.ParamType):
    """A day, month or year; its first day, or with `end` its last. A malformed or impossible
    date (`2025-13`, `2025-02-30`, `5/9/2025`) is a usage error naming the option."""

    name = "date"

    def __init__(self, *, end: bool = False) -> None:
        self.end = end

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YYYY[-MM[-DD]]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, date):
            return value
        match = _PERIOD.fullmatch(str(value).strip())
        if match is None:
            self.fail(f"{value!r}: expected a date as YYYY-MM-DD, YYYY-MM or YYYY", param, ctx)
        year, month, day = (int(x) if x else None for x in match.groups())
        try:
            return period_bound(year, month, day, end=self.end)
        except ValueError as e:
            self.fail(f"{value!r}: not a date ({e})", param, ctx)


def period_bound(year: int, month: int | None, day: int | None, *, end: bool) -> date:
    """The first (or with `end` the last) day of a year, a month, or a day."""
    if month is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    if day is None:
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 1
        return date(year, month, last if end else 1)
    return date(year, month, day)
