"""Named points at which a test can make the process kill itself, to prove crash safety.

`TIMELINE_CRASH_AT=NAME` (or `NAME:N`, the Nth time the point is reached) sends SIGKILL to the
process there: no cleanup runs, as when the power fails. Unset, a point costs one comparison.
The points are listed in POINTS, so a test can name each of them."""

from __future__ import annotations

import os
import signal
from collections import Counter

from timeline.errors import TimelineError

ENV = "TIMELINE_CRASH_AT"
POINTS = (
    "store.before_insert",  # a batch validated and mapped, nothing written
    "store.before_chain",  # events inserted, their links not yet (same transaction)
    "store.before_commit",  # events and links inserted, not committed
    "build.after_read",  # a batch of notifications read, nothing projected
    "build.before_track",  # a batch's rows written, the tracking position not yet
    "build.before_commit",  # a batch and its position written, not committed
    "build.before_search",  # a rebuild's rows written to the temporary file, no search index
    "build.before_swap",  # a rebuild complete in its temporary file, not yet renamed
)


def _target() -> tuple[str, int] | None:
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    name, _, nth = value.partition(":")
    if name not in POINTS or not (nth or "1").isdigit() or int(nth or "1") < 1:
        # Refused at the first point reached, before anything is written, as a one-line error.
        return (f"${ENV}: {value!r} is not NAME or NAME:N with N >= 1, NAME one of "
                f"{', '.join(POINTS)}", 0)  # fmt: skip
    return name, int(nth or 1)


_TARGET = _target()
_hits: Counter[str] = Counter()


def crash_point(name: str) -> None:
    """Kill this process here if the environment asks for it (tests only)."""
    if _TARGET is None:
        return
    target, nth = _TARGET
    if nth == 0:
        raise TimelineError(target)
    if target != name:
        return
    _hits[name] += 1
    if _hits[name] == nth:
        os.kill(os.getpid(), signal.SIGKILL)
