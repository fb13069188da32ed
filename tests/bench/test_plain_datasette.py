"""bench/plain.py: the page benchmarks' baseline is plain Datasette, on the same file with the
same metadata and settings, served without any of this package's Datasette plugins."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from datasette.plugins import pm

from bench.plain import open_servers
from timeline import load
from timeline.projection.build import build
from timeline.store.application import Archive

ROOT = Path(__file__).resolve().parents[2]
PLAIN = "/timeline/engagements?_nofacet=1"


def ours() -> set[str]:
    return {name for name, _ in pm.list_name_plugin() if name.startswith("timeline")}


async def both_pages(database: Path) -> tuple[str, str, set[str]]:
    metadata = json.loads((ROOT / "datasette_metadata.json").read_text())
    servers = await open_servers(database, metadata, {"baseline"})
    try:
        pages = []
        for name in ("baseline", "ours"):
            ds, plugins = servers.serving(name)
            with plugins:
                response = await ds.client.get(PLAIN)
                assert response.status_code == 200
                pages.append(response.text)
                during = ours() if name == "baseline" else set()
        return pages[0], pages[1], during
    finally:
        servers.close()


def test_the_baseline_page_is_served_without_our_plugins_and_ours_with_them(
    tmp_path: Path,
) -> None:
    archive = Archive(tmp_path / "archive")
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    before = ours()
    assert "timeline_labels" in before
    plain, published, during = asyncio.run(both_pages(tmp_path / "archive" / "timeline.db"))
    assert during == set()
    assert ours() == before
    # our pages plugin adds its stylesheet and menu, and our template the columns' descriptions
    for ours_only in (
        "/-/timeline-static/pages.css",
        "Search engagements, people, organisations",
        "tl-column-descriptions",
    ):
        assert ours_only in published
        assert ours_only not in plain
    # the same rows either way
    assert plain.count("<tr") == published.count("<tr")
