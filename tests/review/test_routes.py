"""The review routes through Datasette's test client, with the review plugin registered as
`timeline review` registers it: the queue, the draft page, each action, CSRF, escaping, stale
saves and refused input. `timeline serve` has no review route."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import httpx
import pytest
from datasette.plugins import pm

from tests.helpers import SEED_ARTICLE, DatasetteClient, make_record, review_form
from timeline.projection.build import build
from timeline.review.form import form_values
from timeline.review.plugin import ReviewConfig, ReviewPlugin
from timeline.review.workspace import ACCEPTED, REJECTED, Article, Draft, Workspace
from timeline.store.application import Archive
from timeline.web.serve import typed_settings

PLUGIN = "timeline_review_test"


@pytest.fixture(autouse=True)
def _no_rich_tracebacks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Datasette 0.65 prints every handled exception with rich when rich is installed (the test
    extra has it, through import-linter), and for a path no route matches it does so outside an
    `except` block, where rich raises: the 404 would become an error of the test client."""
    monkeypatch.setattr("datasette.handle_exception.rich", None)


class Client(DatasetteClient):
    """Datasette's test client with `timeline serve`'s settings, keeping cookies as a browser
    does."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(db_path, settings=typed_settings())
        self.cookies: dict[str, str] = {}

    def _keep(self, response: httpx.Response) -> httpx.Response:
        for name, value in response.cookies.items():
            self.cookies[name] = value
        return response

    def _headers(self) -> dict[str, str]:
        jar = "; ".join(f"{k}={v}" for k, v in self.cookies.items() if v)
        return {"cookie": jar} if jar else {}

    def get(self, path: str, status: int = 200) -> httpx.Response:
        response = self.run(self.ds.client.get(path, headers=self._headers()))
        assert response.status_code == status, (path, response.text[-800:])
        return self._keep(response)

    def post(self, path: str, data: dict[str, Any], status: int = 302) -> httpx.Response:
        response = self.run(self.ds.client.post(path, data=data, headers=self._headers()))
        assert response.status_code == status, (path, response.text[-1500:])
        return self._keep(response)

    def token(self, page: httpx.Response) -> str:
        found = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
        assert found, "the page carries a CSRF token"
        return found[1]


@pytest.fixture
def client(workspace: Workspace, archive: Archive, articles: Path) -> Iterator[Client]:
    build(archive)
    config = ReviewConfig(articles, archive.folder, "ana")
    pm.register(ReviewPlugin(config), name=PLUGIN)
    try:
        c = Client(archive.projection_path)
        yield c
        c.close()
    finally:
        pm.unregister(name=PLUGIN)


def first(ws: Workspace, kind: str) -> Draft:
    return next(d for d in ws.drafts() if d.kind == kind)


def article_text(page: str) -> str:
    """The text of the page's article element, tags removed, entities read."""
    inner = re.search(r'<div id="rv-article" class="rv-text">(.*?)</div>', page, re.S)
    assert inner
    return html.unescape(re.sub(r"<[^>]+>", "", inner[1]))


def test_the_queue_lists_the_drafts_with_flags_and_state(
    client: Client, workspace: Workspace
) -> None:
    page = client.get("/-/review").text
    drafts = workspace.drafts()
    assert page.count('<tr class="rv-state-to-review"') == len(drafts)
    for d in drafts:
        assert f'href="/-/review/draft/{d.id}"' in page
    codes = {f["code"] for d in drafts for f in d.flags}
    assert all(f'<span class="rv-flag">{c}</span>' in page for c in codes)
    assert "No drafts match these filters" in client.get("/-/review?state=rejected").text
    visit = first(workspace, "visit")
    only = client.get(f"/-/review?q={visit.slug}").text
    assert f'href="/-/review/draft/{visit.id}"' in only and only.count("<tr class=") == 1


def test_a_filter_value_is_escaped(client: Client) -> None:
    page = client.get("/-/review?q=%3Cscript%3Ealert(1)%3C/script%3E&state=%3Cb%3E").text
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_draft_page_shows_the_article_with_its_evidence_marked(
    client: Client, workspace: Workspace
) -> None:
    visit = first(workspace, "visit")
    page = client.get(f"/-/review/draft/{visit.id}").text
    text = workspace.article(SEED_ARTICLE).text
    # The article element's text is the article's, character for character: offsets computed
    # in the browser are offsets into the text.
    assert article_text(page) == text
    for e in visit.record["evidence"]:
        if e["document"] == SEED_ARTICLE:
            assert re.search(
                rf'data-start="{e["start"]}" data-fields="[^"]*{re.escape(e["field"])}', page
            )
    assert 'class="rv-flag">year-inferred</span>' in page
    assert 'id="rv-accept"' in page and 'id="rv-reject"' in page


def test_everything_from_an_article_is_escaped(
    client: Client, workspace: Workspace, tmp_path: Path
) -> None:
    text = 'The <script>alert("x")</script> dialogue & <b>talks</b> were held on 5 September.'
    source = {"document": "hostile", "publisher": "<i>Wire</i>", "language": "en", "quote": text,
              "start": 0, "end": len(text)}  # fmt: skip
    record = make_record(slug="hostile-draft", title="<img src=x onerror=alert(1)>",
                         part_of=None, sources=[source], evidence=[])  # fmt: skip
    (tmp_path / "hostile.txt").write_text(text, encoding="utf-8")
    workspace.add_article(
        Article("hostile", str(tmp_path / "hostile.txt"), text, {"publisher": "<i>Wire</i>"},
                "test", None),
        [{"record": record, "flags": [{"code": "<u>x</u>", "field": "title", "note": "<s>n</s>"}]}],
    )  # fmt: skip
    draft = next(d for d in workspace.drafts("hostile"))
    page = client.get(f"/-/review/draft/{draft.id}").text
    for raw in ("<script>alert", "<b>talks", "<img src=x", "<i>Wire", "<u>x</u>", "<s>n</s>"):
        assert raw not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert article_text(page) == text
    assert "&lt;img src=x onerror=alert(1)&gt;" in client.get("/-/review").text


@pytest.mark.parametrize("how", ["no token", "no cookie", "wrong token"])
def test_a_change_without_the_page_s_csrf_token_is_refused(
    client: Client, workspace: Workspace, how: str
) -> None:
    visit = first(workspace, "visit")
    page = client.get(f"/-/review/draft/{visit.id}")
    form = review_form(form_values(visit.record)) | {"version": visit.version, "notes": "x"}
    if how == "no cookie":
        form["csrftoken"] = client.token(page)
        client.cookies.clear()
    elif how == "wrong token":
        form["csrftoken"] = client.token(page)[:-2] + "xx"
    client.post(f"/-/review/draft/{visit.id}/save", form, status=403)
    assert workspace.draft(visit.id).version == visit.version


def test_a_save_is_written_at_once_and_said(client: Client, workspace: Workspace) -> None:
    visit = first(workspace, "visit")
    page = client.get(f"/-/review/draft/{visit.id}")
    form = review_form(form_values(visit.record)) | {
        "csrftoken": client.token(page), "version": visit.version, "host": "Hoa Kỳ",
        "notes": "Checked <against> the article",
    }  # fmt: skip
    response = client.post(f"/-/review/draft/{visit.id}/save", form)
    assert response.headers["location"] == f"/-/review/draft/{visit.id}"
    saved = workspace.draft(visit.id)
    assert saved.version == visit.version + 1
    assert (saved.record["host"], saved.record["notes"]) == ("US", "Checked <against> the article")
    shown = client.get(f"/-/review/draft/{visit.id}").text
    assert f"Saved: version {saved.version} of {visit.slug}." in shown
    assert 'value="Checked &lt;against&gt; the article"' in shown


def test_an_invalid_edit_shows_one_message_and_keeps_what_was_typed(
    client: Client, workspace: Workspace
) -> None:
    visit = first(workspace, "visit")
    page = client.get(f"/-/review/draft/{visit.id}")
    form = review_form(form_values(visit.record)) | {
        "csrftoken": client.token(page), "version": visit.version, "date_start": "2025-02-30",
        "notes": "my note",
    }  # fmt: skip
    shown = client.post(f"/-/review/draft/{visit.id}/save", form, status=400).text
    errors = re.findall(r'<p class="rv-error" id="rv-error">(.*?)</p>', shown, re.S)
    assert len(errors) == 1
    assert errors[0].startswith(
        f"{SEED_ARTICLE}: record {visit.position} ({visit.slug}): date.start"
    )
    assert 'value="2025-02-30"' in shown and 'value="my note"' in shown
    assert workspace.draft(visit.id).record == visit.record


def test_a_second_reviewer_s_stale_save_is_refused_and_shows_the_newer_version(
    client: Client, workspace: Workspace
) -> None:
    visit = first(workspace, "visit")
    page = client.get(f"/-/review/draft/{visit.id}")
    token = client.token(page)
    base = review_form(form_values(visit.record)) | {"csrftoken": token, "version": visit.version}
    client.post(f"/-/review/draft/{visit.id}/save", base | {"notes": "first reviewer"})
    # The other browser still shows version 1.
    shown = client.post(
        f"/-/review/draft/{visit.id}/save", base | {"notes": "second reviewer"}, status=409
    ).text
    assert "after this page showed version 1; nothing was written" in shown
    assert 'value="first reviewer"' in shown and "second reviewer" not in shown
    assert f'name="version" value="{visit.version + 1}"' in shown
    assert workspace.draft(visit.id).record["notes"] == "first reviewer"


def test_evidence_set_from_a_selection_by_offsets(client: Client, workspace: Workspace) -> None:
    visit = first(workspace, "visit")
    text = workspace.article(SEED_ARTICLE).text
    start = text.index("Washington D.C")
    page = client.get(f"/-/review/draft/{visit.id}")
    form = {"csrftoken": client.token(page), "version": visit.version, "field": "place",
            "start": start, "end": start + len("Washington D.C")}  # fmt: skip
    client.post(f"/-/review/draft/{visit.id}/evidence", form)
    shown = client.get(f"/-/review/draft/{visit.id}").text
    assert "Evidence of place set from the selection." in shown
    assert re.search(rf'data-start="{start}" data-fields="[^"]*place', shown)


def test_accept_records_the_visit_with_its_parts_and_the_timeline_shows_them(
    client: Client, workspace: Workspace
) -> None:
    visit = first(workspace, "visit")
    page = client.get(f"/-/review/draft/{visit.id}")
    parts = re.findall(r'name="part" value="(\d+):(\d+)" checked', page.text)
    assert parts
    form = {"csrftoken": client.token(page), "version": visit.version,
            "part": [f"{i}:{v}" for i, v in parts]}  # fmt: skip
    client.post(f"/-/review/draft/{visit.id}/accept", form)
    accepted = [workspace.draft(int(i)) for i, _ in parts] + [workspace.draft(visit.id)]
    assert all(d.state == ACCEPTED for d in accepted)
    shown = client.get(f"/-/review/draft/{visit.id}").text
    assert "Recorded in the archive:" in shown and 'id="rv-accept"' not in shown
    client.get(f"/-/engagement/{visit.slug}")
    assert visit.slug in client.get("/-/timeline/VN").text


def test_an_accept_the_archive_refuses_shows_one_message(
    client: Client, workspace: Workspace
) -> None:
    meeting = next(d for d in workspace.drafts() if d.record.get("part_of"))
    page = client.get(f"/-/review/draft/{meeting.id}")
    form = {"csrftoken": client.token(page), "version": meeting.version}
    shown = client.post(f"/-/review/draft/{meeting.id}/accept", form, status=400).text
    errors = re.findall(r'<p class="rv-error" id="rv-error">(.*?)</p>', shown, re.S)
    assert len(errors) == 1 and "part_of: no engagement" in errors[0]
    assert "nothing was written" in errors[0]
    assert workspace.draft(meeting.id).state != ACCEPTED


def test_reject_needs_a_reason(client: Client, workspace: Workspace) -> None:
    dialogue = first(workspace, "dialogue")
    page = client.get(f"/-/review/draft/{dialogue.id}")
    form = {"csrftoken": client.token(page), "version": dialogue.version, "reason": " "}
    shown = client.post(f"/-/review/draft/{dialogue.id}/reject", form, status=400).text
    assert "reject: say why (an empty reason is refused); nothing was written" in shown
    client.post(f"/-/review/draft/{dialogue.id}/reject", form | {"reason": "A mention only"})
    assert workspace.draft(dialogue.id).state == REJECTED


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/-/review/draft/999999", 404),
        ("/-/review/draft/abc", 404),
        ("/-/review/draft/1/nope", 404),
    ],
)
def test_a_draft_that_is_not_there_is_not_found(client: Client, path: str, status: int) -> None:
    client.get(path, status=status)


def test_a_bad_version_in_a_form_shows_one_message(client: Client, workspace: Workspace) -> None:
    visit = first(workspace, "visit")
    page = client.get(f"/-/review/draft/{visit.id}")
    form = {"csrftoken": client.token(page), "version": "latest", "reason": "x"}
    shown = client.post(f"/-/review/draft/{visit.id}/reject", form, status=400).text
    assert "version: expected a whole number; nothing was written" in shown


def test_extracting_a_folder_without_articles_says_so(
    client: Client, workspace: Workspace, articles: Path
) -> None:
    for f in articles.iterdir():
        f.unlink()
    page = client.get("/-/review")
    client.post("/-/review/extract", {"csrftoken": client.token(page)})
    shown = client.get("/-/review").text
    assert f"No articles in {articles}: put ID.txt files there" in shown


def test_timeline_serve_has_no_review_route(archive: Archive) -> None:
    """Without `timeline review`'s registration, Datasette (as `timeline serve` starts it) has
    no review route, and no entry point of the package names the review plugin."""
    build(archive)
    assert all(not ep.value.startswith("timeline.review") for ep in entry_points(group="datasette"))
    c = Client(archive.projection_path)
    try:
        c.get("/-/review", status=404)
        c.get("/-/review/draft/1", status=404)
    finally:
        c.close()
