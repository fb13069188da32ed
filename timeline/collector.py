"""The cyclic garbage collector paused around work that makes many objects and no cycles: a
batch built and stored (timeline.store.application), a command's modules imported
(timeline.loading)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is built and stored: it would scan the whole
    heap (every record of the batch) again and again, for objects that hold no cycles (making
    10,000 generated records took 1.0 s of CPU time with it and 0.23 s without)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
