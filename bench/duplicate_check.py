"""What refusing duplicates under other slugs costs an append, against the same append without
the check (`allow_duplicates=True`), in the same run.

    python bench/duplicate_check.py [--recorded 5000] [--batch 500] [--repeat 3]

Three cases, each timed against its baseline on a copy of the same archive:
  projected   timeline.db is current: the check reads it through its indexes
  stale       the last `--batch` engagements are not projected yet: the check folds them
  unbuilt     no timeline.db: the check folds every engagement from the store (the worst case)
  successive  `--recorded` engagements appended to a new archive in batches of `--batch`, one
              after another with no build: each event is folded once, not once per append
Prints the median seconds of each and the ratio check/baseline."""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from events import EngagementFacts
from timeline.projection.build import build
from timeline.store.application import Archive

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
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="bench-duplicates-"))
    try:
        base = root / "base"
        archive = Archive(base)
        archive.append(records(0, args.recorded), allow_duplicates=True)
        build(archive)
        stale = root / "stale"
        shutil.copytree(base, stale)
        Archive(stale).append(records(args.recorded, args.batch), allow_duplicates=True)
        unbuilt = root / "unbuilt"
        shutil.copytree(base, unbuilt)
        (unbuilt / "timeline.db").unlink()
        batch = records(args.recorded + args.batch, args.batch)

        print(f"{args.recorded} engagements recorded, a batch of {args.batch} new ones appended")
        print(f"{'case':<10} {'baseline s':>11} {'check s':>9} {'ratio':>6}")
        for name, folder in (("projected", base), ("stale", stale), ("unbuilt", unbuilt)):
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
            baseline = statistics.median(seconds[True])
            check = statistics.median(seconds[False])
            print(f"{name:<10} {baseline:>11.3f} {check:>9.3f} {check / baseline:>6.2f}")
        everything = records(0, args.recorded)
        seconds = {True: [], False: []}
        for i in range(args.repeat):
            for allow in (True, False):
                target = Archive(root / f"successive-{i}-{allow}")
                seconds[allow].append(
                    timed(lambda t=target, a=allow: successive(t, everything, args.batch, a))
                )
        baseline, check = statistics.median(seconds[True]), statistics.median(seconds[False])
        print(f"{'successive':<10} {baseline:>11.3f} {check:>9.3f} {check / baseline:>6.2f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
