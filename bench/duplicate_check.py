"""What refusing duplicates under other slugs costs an append, against the same append without
the check (`allow_duplicates=True`), in the same run.

    python bench/duplicate_check.py [--recorded 5000] [--batch 500] [--scale 10] [--repeat 3]

The check probes the store's identity table (two indexes, a key per record and index), so it
should cost the same whatever the archive's size and whether timeline.db is built. Both sides
write the identity rows: the ratio is the check alone. Cases, each timed against its baseline
on a copy of the same archive:
  recorded    a batch of `--batch` new engagements appended to `--recorded` ones
  scaled      the same batch appended to `--scale` times as many
  successive  `--recorded` engagements appended to a new archive in batches of `--batch`, one
              after another
  writes      what keeping the table costs: the batch appended to `--recorded` ones without
              the check, by the archive's recorder (check s) and by one that drops the identity
              rows instead of writing them (baseline s)
Prints the median seconds of each and the ratio check/baseline."""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from events import EngagementFacts
from timeline.store.application import Archive
from timeline.store.sqlite import ChainedSQLiteRecorder

SOURCE = {
    "document": "bench-doc",
    "publisher": "Bench Wire",
    "language": "en",
    "quote": "The dialogue was held.",
    "start": 0,
    "end": 22,
}


def records(start: int, count: int) -> list[EngagementFacts]:
    """Distinct engagements: each its own title, day and session."""
    out = []
    for i in range(start, start + count):
        day = f"{2000 + i // 336:04d}-{(i // 28) % 12 + 1:02d}-{i % 28 + 1:02d}"
        out.append(
            EngagementFacts.model_validate(
                {
                    "slug": f"bench-{i}",
                    "kind": "dialogue",
                    "title": f"Bench engagement {i}",
                    "date": day,
                    "place": {"city": "Hanoi", "country": "VN"},
                    "host": "VN",
                    "guests": ["US"],
                    "series": "bench-dialogue",
                    "session": i + 1,
                    "sources": [SOURCE],
                }
            )
        )
    return out


class UnindexedRecorder(ChainedSQLiteRecorder):
    """The archive's recorder, less the identity rows: the baseline of the `writes` case."""

    def _insert_events(self, c: Any, stored_events: Any, **kwargs: Any) -> Any:
        kwargs.pop("identities", None)
        return super()._insert_events(c, stored_events, **kwargs)


UNINDEXED = {"APPLICATION_RECORDER_TOPIC": f"{__name__}:UnindexedRecorder"}


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def successive(archive: Archive, batch: list[EngagementFacts], size: int, allow: bool) -> None:
    for i in range(0, len(batch), size):
        archive.append(batch[i : i + size], allow_duplicates=allow)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recorded", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="bench-duplicates-"))
    try:
        sizes = {"recorded": args.recorded, "scaled": args.recorded * args.scale}
        batch = records(max(sizes.values()), args.batch)
        print(f"a batch of {args.batch} new engagements appended")
        print(f"{'case':<10} {'recorded':>9} {'baseline s':>11} {'check s':>9} {'ratio':>6}")
        for name, size in sizes.items():
            folder = root / name
            Archive(folder).append(records(0, size), allow_duplicates=True)
            seconds: dict[bool, list[float]] = {True: [], False: []}
            for _ in range(args.repeat):
                for allow in (True, False):  # alternate, so drift in the machine hits both
                    copy = root / "run"
                    shutil.rmtree(copy, ignore_errors=True)
                    shutil.copytree(folder, copy)
                    target = Archive(copy)
                    seconds[allow].append(
                        timed(lambda t=target, a=allow: t.append(batch, allow_duplicates=a))
                    )
            report(name, size, seconds)
        everything = records(0, args.recorded)
        seconds = {True: [], False: []}
        for i in range(args.repeat):
            for allow in (True, False):
                target = Archive(root / f"successive-{i}-{allow}")
                seconds[allow].append(
                    timed(lambda t=target, a=allow: successive(t, everything, args.batch, a))
                )
        report("successive", 0, seconds)
        seconds = {True: [], False: []}
        for _ in range(args.repeat):
            for unindexed in (True, False):
                copy = root / "run"
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(root / "recorded", copy)
                target = Archive(copy, env=UNINDEXED if unindexed else None)
                seconds[unindexed].append(
                    timed(lambda t=target: t.append(batch, allow_duplicates=True))
                )
        report("writes", args.recorded, seconds)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def report(name: str, size: int, seconds: dict[bool, list[float]]) -> None:
    baseline, check = statistics.median(seconds[True]), statistics.median(seconds[False])
    print(f"{name:<10} {size or '':>9} {baseline:>11.3f} {check:>9.3f} {check / baseline:>6.2f}")


if __name__ == "__main__":
    main()
