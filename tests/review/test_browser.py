"""Seed article 000 reviewed as a person reviews it: Playwright drives Debian's Chromium against a
real `timeline review` server on 127.0.0.1. Extract, correct one field, set one evidence span
by selecting words with the mouse, accept the visit with its meetings, reject one draft; then
the timeline page shows them. A screenshot of each step goes to tests/screenshots/review-*.png
(git-ignored)."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, copy_seed_article, serving

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is in the test extra")
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = ROOT / "tests" / "screenshots"

pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="headless Chromium is not installed (Debian: apt-get install chromium; .ci/run does)",
)


class Reviewer:
    """A browser page that counts what the person does (each click, typed field or selection),
    by purpose, and saves a screenshot of each step."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.actions: Counter[str] = Counter()
        self.shots: list[Path] = []

    def click(self, selector: str, purpose: str) -> None:
        self.page.click(selector)
        self.actions[purpose] += 1

    def fill(self, selector: str, value: str, purpose: str) -> None:
        self.page.fill(selector, value)
        self.actions[purpose] += 1

    def select_words(self, words: str, purpose: str) -> None:
        """Drag the mouse over the first `words` of the article, as a person selects them."""
        box = self.page.evaluate(
            """(words) => {
                const article = document.getElementById("rv-article");
                const at = article.textContent.indexOf(words);
                const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
                const range = document.createRange();
                let seen = 0, node;
                while ((node = walker.nextNode())) {
                    const n = node.data.length;
                    if (seen <= at && at < seen + n) range.setStart(node, at - seen);
                    if (seen < at + words.length && at + words.length <= seen + n) {
                        range.setEnd(node, at + words.length - seen);
                    }
                    seen += n;
                }
                const rects = range.getClientRects();
                const a = rects[0], b = rects[rects.length - 1];
                return {x0: a.left + 1, y0: a.top + a.height / 2,
                        x1: b.right - 1, y1: b.top + b.height / 2};
            }""",
            words,
        )
        mouse = self.page.mouse
        mouse.move(box["x0"], box["y0"])
        mouse.down()
        mouse.move(box["x1"], box["y1"], steps=8)
        mouse.up()
        self.actions[purpose] += 1

    def shot(self, name: str) -> None:
        SHOTS.mkdir(exist_ok=True)
        path = SHOTS / f"review-{len(self.shots) + 1}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000, f"{path} looks empty"
        self.shots.append(path)
        print(f"screenshot: {path}")

    def message(self) -> str:
        return self.page.inner_text(".message-info, .message-error, .rv-error")


@pytest.fixture
def review_server(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """`timeline review` of an empty folder of articles, on a free port of 127.0.0.1."""
    articles = tmp_path / "articles"
    articles.mkdir()
    archive = tmp_path / "archive"
    command = ("review", str(articles), "--reviewer", "tester")
    with serving(archive, tmp_path, *command) as base:
        yield base, articles, archive


@pytest.fixture
def reviewer() -> Iterator[Reviewer]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(30_000)
            yield Reviewer(page)
        finally:
            browser.close()


def test_seed_article_000_reviewed_end_to_end(
    review_server: tuple[str, Path, Path], reviewer: Reviewer
) -> None:
    base, articles, archive = review_server
    page = reviewer.page

    # The folder is empty: the queue says so.
    page.goto(f"{base}/-/review")
    assert "No articles in" in page.inner_text("#rv-no-articles")
    reviewer.shot("no-articles")

    # Extract: the article arrives, the reviewer asks for its drafts.
    copy_seed_article(articles)
    page.reload()
    assert "000_36722caa4ac8dc06.txt" in page.inner_text("#rv-waiting")
    reviewer.click("#rv-extract", "extract")
    assert "1 articles extracted" in reviewer.message()
    rows = page.locator("#rv-queue tbody tr")
    assert rows.count() >= 2
    reviewer.shot("queue")

    # One draft beside its article: the first draft of kind visit.
    reviewer.click("#rv-queue tr[data-kind=visit] a", "accept a correct draft")
    slug = _slug(page)
    assert page.locator("#rv-article .ev").count() > 0
    reviewer.shot("draft")

    # Correct one field, save: written at once.
    title = "Vietnamese Ministry of Public Security delegation visits the United States"
    reviewer.fill("#rv-form input[name=title]", title, "correct")
    reviewer.click("#rv-save", "correct")
    assert "Saved: version 2" in reviewer.message()
    assert page.input_value("#rv-form input[name=title]") == title
    reviewer.shot("corrected")

    # Set one evidence span by selecting words with the mouse.
    reviewer.select_words("Washington D.C", "evidence")
    page.wait_for_selector("#rv-set-evidence:not([disabled])")
    assert page.inner_text("#rv-selection") == "Washington D.C"
    page.select_option("#rv-evidence-field", "place")
    reviewer.actions["evidence"] += 1
    reviewer.click("#rv-set-evidence", "evidence")
    assert "Evidence of place set from the selection." in reviewer.message()
    assert page.inner_text("#rv-evidence li[data-field=place]").endswith("Washington D.C")
    # Clicking the field's evidence scrolls to its quote and marks it.
    page.click("#rv-evidence li[data-field=place]")
    assert "Washington D.C" in page.inner_text("#rv-article .ev.rv-marked")
    reviewer.shot("evidence")

    # Accept the visit with its meetings.
    parts = page.locator("#rv-accept-form input[name=part]:checked").count()
    assert parts >= 1
    reviewer.click("#rv-accept", "accept a correct draft")
    assert "Recorded in the archive:" in reviewer.message()
    assert page.inner_text("#rv-state") == "accepted"
    reviewer.shot("accepted")

    # Reject a draft still to review (the dialogue the article only mentions).
    page.goto(f"{base}/-/review?state=to+review")
    assert page.locator("#rv-queue tbody tr[data-slug]").count() >= 1
    reviewer.click("#rv-queue tbody tr[data-slug] a", "reject")
    rejected = _slug(page)
    reviewer.fill("#rv-reason", "Only mentioned: held in 2024, reported elsewhere", "reject")
    reviewer.click("#rv-reject", "reject")
    assert page.inner_text("#rv-state") == "rejected"
    reviewer.shot("rejected")

    # The timeline page shows the accepted engagements, and not the rejected one.
    page.goto(f"{base}/-/timeline/VN")
    shown = {a.get_attribute("data-slug") for a in page.locator("a[data-slug]").all()}
    assert slug in shown and rejected not in shown
    assert len(shown) == parts + 1
    reviewer.shot("timeline")
    page.goto(f"{base}/-/engagement/{slug}")
    assert title in page.inner_text("h1")
    reviewer.shot("engagement")

    # The workspace kept every decision, with who made it.
    with sqlite3.connect(archive / "review.db") as db:
        decisions = db.execute("select decision, reviewer from decisions").fetchall()
    assert sorted(decisions) == [("accepted", "tester")] * (parts + 1) + [("rejected", "tester")]
    # Accepting a correct draft took two actions: open it from the queue, press Accept.
    assert reviewer.actions["accept a correct draft"] == 2
    print(f"actions: {dict(reviewer.actions)}")


def _slug(page: Any) -> str:
    """The draft page's slug, from its form."""
    return page.input_value("#rv-form input[name=slug]")
