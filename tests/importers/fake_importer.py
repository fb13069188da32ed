"""An importer made for the tests, registered by them (never in timeline.importers.IMPORTERS):
a text file of visits, one a line, `YYYY-MM-DD Title`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from events import EngagementFacts
from tests.helpers import visit_record
from timeline.importers import Batch

DESCRIPTION = """Visits listed one a line in a text file (a test's importer).

A line that is not `YYYY-MM-DD Title` is skipped."""
SOURCE = "FILE"
OPTIONS = [click.Option(["--host"], default="US", show_default=True, help="The host country.")]


def read(source: str | Path, *, host: str = "US") -> Batch:
    batch = Batch()
    for number, line in enumerate(Path(source).read_text(encoding="utf-8").splitlines(), 1):
        batch.read += 1
        day, _, title = line.partition(" ")
        try:
            start = date.fromisoformat(day)
        except ValueError:
            batch.skipped.append((str(source), str(number), f"{day!r} is not a date"))
            continue
        slug = f"vn-{host.lower()}-visit-{start.isoformat()}"
        batch.records.append(
            EngagementFacts.model_validate(
                visit_record(
                    slug=slug,
                    title=title,
                    date=start.isoformat(),
                    host=host,
                    place={"country": host},
                )
            )
        )
        batch.origins[slug] = f"{source}: record {number}"
    return batch
