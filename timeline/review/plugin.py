"""Datasette plugin: the review workspace at `/-/review`, registered only by `timeline review`
(`timeline serve` stays read-only and never loads it).

Routes: /-/review (the queue), /-/review/extract (POST: extract the new articles),
/-/review/draft/ID (one draft beside its article) and its POST actions save, evidence, accept,
reject and corroborate. Every POST must carry the page's CSRF token; a refused action shows
one message on the page and writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qsl

from datasette import hookimpl
from datasette.utils.asgi import Forbidden, NotFound, Response

from timeline.errors import TimelineError
from timeline.review import actions
from timeline.review.articles import extract_new, inputs
from timeline.review.pages import draft_context, queue_context
from timeline.review.workspace import StaleError, Workspace
from timeline.store.application import Archive

PACKAGE = "timeline.review"


@dataclass(frozen=True)
class ReviewConfig:
    """What `timeline review` was started on: the articles' folder, the archive, who reviews."""

    articles: Path
    archive: Path
    reviewer: str


class ReviewPlugin:
    """The plugin object `timeline review` registers with Datasette's plugin manager.

    Datasette names a plugin by `__name__` and, for a package's name, serves the package's
    `static/` at /-/static-plugins/NAME/ and finds templates in its `templates/`."""

    __name__: ClassVar[str] = PACKAGE

    def __init__(self, config: ReviewConfig) -> None:
        self.config = config

    @hookimpl
    def register_routes(self) -> list[tuple[str, Any]]:
        return [
            (r"^/-/review/?$", self.queue),
            (r"^/-/review/extract$", self.extract),
            (r"^/-/review/draft/(?P<id>\d+)$", self.draft),
            (r"^/-/review/draft/(?P<id>\d+)/(?P<action>save|evidence|accept|reject|corroborate)$",
             self.act),
        ]  # fmt: skip

    @hookimpl
    def menu_links(self, datasette: Any) -> list[dict[str, str]]:
        return [{"href": datasette.urls.path("/-/review"), "label": "Review drafts"}]

    @contextmanager
    def workspace(self) -> Iterator[Workspace]:
        with closing(Workspace(self.config.archive)) as ws:
            yield ws

    def archive(self) -> Archive:
        return Archive(self.config.archive)

    async def render(
        self,
        datasette: Any,
        request: Any,
        template: str,
        context: dict[str, Any],
        status: int = 200,
    ) -> Response:
        context = {
            "review_css": datasette.urls.static_plugins(PACKAGE, "review.css"),
            "review_js": datasette.urls.static_plugins(PACKAGE, "review.js"),
            **context,
        }
        html = await datasette.render_template(template, context, request=request)
        return Response.html(html, status=status)

    async def queue(self, datasette: Any, request: Any) -> Response:
        with self.workspace() as ws:
            context = queue_context(ws, self.config.articles, request.args)
        return await self.render(datasette, request, "review_queue.html", context)

    async def extract(self, datasette: Any, request: Any) -> Response:
        if request.method != "POST":
            return Response.redirect(datasette.urls.path("/-/review"))
        await _form(request)
        if not inputs(self.config.articles):
            datasette.add_message(
                request, f"No articles in {self.config.articles}: put ID.txt files there "
                "(with ID.yaml metadata), then extract again. Nothing was written.",
                datasette.ERROR,
            )  # fmt: skip
            return Response.redirect(datasette.urls.path("/-/review"))
        with self.workspace() as ws:
            report = extract_new(ws, self.config.articles)
        for failure in report.failed:
            datasette.add_message(request, failure, datasette.ERROR)
        datasette.add_message(
            request, f"{len(report.extracted)} articles extracted, {report.drafts} drafts."
        )
        return Response.redirect(datasette.urls.path("/-/review"))

    async def draft(self, datasette: Any, request: Any) -> Response:
        draft_id = int(request.url_vars["id"])
        with self.workspace() as ws, closing(self.archive()) as archive:
            try:
                context = draft_context(ws, archive, ws.draft(draft_id))
            except TimelineError as e:
                raise NotFound(str(e)) from None
        return await self.render(datasette, request, "review_draft.html", context)

    async def act(self, datasette: Any, request: Any) -> Response:
        """A POST action on a draft: done, then back to the draft; refused, the draft page with
        one message (and the form as sent, for a refused save)."""
        if request.method != "POST":
            return Response.redirect(
                datasette.urls.path(f"/-/review/draft/{request.url_vars['id']}")
            )
        form = await _form(request)
        draft_id = int(request.url_vars["id"])
        action = request.url_vars["action"]
        with self.workspace() as ws, closing(self.archive()) as archive:
            try:
                ws.draft(draft_id)
                done = self.perform(ws, archive, draft_id, action, form)
            except StaleError as e:
                context = draft_context(ws, archive, ws.draft(draft_id), error=str(e))
                return await self.render(datasette, request, "review_draft.html", context, 409)
            except (TimelineError, ValueError) as e:
                values = form if action == "save" else None
                try:
                    draft = ws.draft(draft_id)
                except TimelineError as gone:
                    raise NotFound(str(gone)) from None
                context = draft_context(ws, archive, draft, error=str(e), values=values)
                return await self.render(datasette, request, "review_draft.html", context, 400)
        datasette.add_message(request, done)
        return Response.redirect(datasette.urls.path(f"/-/review/draft/{draft_id}"))

    def perform(
        self, ws: Workspace, archive: Archive, draft_id: int, action: str, form: dict[str, Any]
    ) -> str:
        """Do one action; the message that says what was done."""
        reviewer = self.config.reviewer
        version = _int(form, "version")
        if action == "save":
            draft = actions.save(ws, draft_id, version, form, reviewer)
            return f"Saved: version {draft.version} of {draft.slug}."
        if action == "evidence":
            field = str(form.get("field") or "")
            actions.set_evidence(
                ws, draft_id, version, field, _int(form, "start"), _int(form, "end"), reviewer
            )
            return f"Evidence of {field} set from the selection."
        if action == "reject":
            actions.reject(ws, draft_id, version, str(form.get("reason") or ""), reviewer)
            return "Rejected."
        if action == "corroborate":
            slug = str(form.get("slug") or "")
            actions.corroborate(ws, archive, draft_id, version, slug, reviewer)
            return f"This article was added as a source of {slug}."
        versions = {draft_id: version}
        for part in form.get("part") or []:
            part_id, _, part_version = part.partition(":")
            versions[int(part_id)] = int(part_version)
        report = actions.accept(ws, archive, versions, reviewer)
        return f"Recorded in the archive: {', '.join(report.recorded) or 'nothing new'}."


async def _form(request: Any) -> dict[str, Any]:
    """The POSTed form (`topics` and `part` as lists), once its CSRF token is checked.

    Datasette's CSRF check (asgi-csrf) lets a POST without cookies through; a browser sends
    none with a cross-site POST (the token cookie is SameSite=Lax), so every change here also
    needs the cookie and the form's token, equal."""
    body = (await request.post_body()).decode("utf-8", "replace")
    form: dict[str, Any] = {"topics": [], "part": []}
    for name, value in parse_qsl(body, keep_blank_values=True):
        if name in ("topics", "part"):
            form[name].append(value)
        else:
            form[name] = value
    cookie = request.cookies.get("ds_csrftoken")
    if not cookie or form.get("csrftoken") != cookie:
        raise Forbidden("This change needs the page's CSRF token: reload the page and try again.")
    return form


def _int(form: dict[str, Any], name: str) -> int:
    try:
        return int(str(form.get(name, "")).strip())
    except ValueError:
        raise ValueError(f"{name}: expected a whole number; nothing was written") from None
