"""The pages a first-time visitor lands on, as a person sees them: `timeline serve` of the seed
records on 127.0.0.1, read with Playwright in Debian's Chromium. From the home page they find
the timelines, the engagements start with their rows (the column descriptions folded), a canned
query opens with an answer, and a facet label is never split inside a word. Screenshots go to
tests/screenshots/front-*.png (git-ignored)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers import ROOT, serving
from timeline import load
from timeline.projection.build import build
from timeline.store.application import Archive

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is in the test extra")
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = ROOT / "tests" / "screenshots"

pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="headless Chromium is not installed (Debian: apt-get install chromium; .ci/run does)",
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("front") / "archive"
    archive = Archive(folder)
    archive.append(load([ROOT / "seeds" / "records"]))
    build(archive)
    with serving(folder, tmp_path_factory.mktemp("serve")) as address:
        yield address


@pytest.fixture
def page() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.set_default_timeout(30_000)
            yield page
        finally:
            browser.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"front-{name}.png"), full_page=True)


def test_from_the_home_page_a_visitor_reaches_a_countrys_timeline(base: str, page: Any) -> None:
    page.goto(f"{base}/")
    links = page.locator("nav.tl-archive-links")
    assert links.is_visible()
    shot(page, "home")
    links.get_by_text("Timelines by country").click()
    page.wait_for_url(f"{base}/-/timeline")
    vietnam = page.locator("ul.tl-countries li", has_text="Vietnam")
    assert "engagements" in vietnam.inner_text()
    vietnam.locator("a").first.click()
    page.wait_for_url(f"{base}/-/timeline/VN")
    assert page.locator("svg").first.is_visible()


def test_the_engagements_page_starts_with_its_rows_not_its_column_descriptions(
    base: str, page: Any
) -> None:
    page.goto(f"{base}/timeline/engagements")
    shot(page, "engagements")
    assert not page.locator("dl.column-descriptions").is_visible()
    folded = page.locator("details.tl-columns")
    assert folded.is_visible() and not page.locator("dl.tl-column-descriptions").is_visible()
    # The rows begin after the description, six facets and the map (280 px, not 500): within
    # a screen and a half, where 32 column descriptions alone took two screens.
    table = page.locator("table.rows-and-columns").bounding_box()
    assert table is not None and table["y"] < 1350
    folded.locator("summary").click()
    assert page.locator("dl.tl-column-descriptions").is_visible()


def test_a_canned_query_opens_with_an_answer(base: str, page: Any) -> None:
    page.goto(f"{base}/timeline/country_timeline")
    assert "country=VN" in page.url
    assert page.locator("table.rows-and-columns tbody tr").count() > 0
    assert page.locator("p.zero-results").count() == 0
    shot(page, "country-timeline")


def test_facet_labels_wrap_between_words(base: str, page: Any) -> None:
    page.set_viewport_size({"width": 700, "height": 900})
    page.goto(f"{base}/timeline/engagements")
    shot(page, "facets-narrow")
    styles = page.locator(".facet-info ul.tight-bullets li").first.evaluate(
        "li => [getComputedStyle(li).wordBreak, getComputedStyle(li).overflowWrap]"
    )
    assert styles == ["normal", "normal"]


def test_the_timeline_tables_rows_are_labelled_row(base: str, page: Any) -> None:
    page.goto(f"{base}/timeline/timeline")
    first = page.locator("td.col-Link a").first
    assert first.inner_text() == "row"
    assert "," in (first.get_attribute("title") or "")
    shot(page, "timeline-table")


def test_as_of_refuses_a_date_it_cannot_read_in_words(base: str, page: Any) -> None:
    response = page.goto(f"{base}/timeline/as_of?when=yesterday")
    assert response is not None and response.status == 400
    assert "when:" in page.inner_text("body") and "is not a date" in page.inner_text("body")
    shot(page, "as-of-400")
