"""Progress bars of the long commands (build, rebuild, import, batch extraction): click's
progressbar on standard error, with the count done, the total and the time left, drawn only when
standard error is a terminal. Logs, pipes and tests get no bar: the command's output is the same
as without one.

The library reports progress through a plain callback, `report(done, total)`, called after each
batch; it knows nothing of terminals."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO, TypeVar

import click

Report = Callable[[int, int], None]
T = TypeVar("T")


def terminal() -> TextIO | None:
    """Standard error, when it is a terminal; None otherwise."""
    stream = sys.stderr
    isatty = getattr(stream, "isatty", None)
    return stream if isatty is not None and isatty() else None


def _bar(length: int, label: str, stream: TextIO) -> Any:
    return click.progressbar(
        length=length,
        label=label,
        file=stream,
        show_pos=True,
        show_eta=True,
        show_percent=True,
    )


@contextmanager
def progress_report(label: str) -> Iterator[Report | None]:
    """A `report(done, total)` callback that draws a bar labelled `label` on a terminal, from
    the first report on (when the total is known); None when standard error is no terminal,
    so the library does not even count."""
    stream = terminal()
    if stream is None:
        yield None
        return
    bars: list[Any] = []  # the bar, once the first report gives its length

    def report(done: int, total: int) -> None:
        if not bars:
            if total <= 0:
                return
            bars.append(_bar(total, label, stream).__enter__())
        bar = bars[0]
        bar.update(done - bar.pos)

    try:
        yield report
    finally:
        if bars:
            bars[0].__exit__(None, None, None)


def with_progress(
    items: list[T], label: str, name: Callable[[T], str] | None = None
) -> Iterator[T]:
    """`items`, with a bar on a terminal (each item's `name` shown beside it)."""
    stream = terminal()
    if stream is None or not items:
        yield from items
        return
    bar = click.progressbar(
        items,
        label=label,
        file=stream,
        show_pos=True,
        show_eta=True,
        show_percent=True,
        item_show_func=(lambda item: name(item) if item is not None else None) if name else None,
    )
    with bar as shown:
        yield from shown
