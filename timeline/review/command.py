"""`timeline review DIR`: extract the folder's new articles (with a progress bar), then serve the
archive with Datasette and the review workspace at /-/review, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import getpass

import click

from timeline.errors import TimelineError
from timeline.projection import build as projection
from timeline.review.articles import check_folder, extract_new, inputs
from timeline.review.plugin import ReviewConfig, ReviewPlugin
from timeline.review.workspace import WORKSPACE_FILE, Workspace
from timeline.store.application import ENV_ARCHIVE, Archive
from timeline.web.serve import check_port, datasette_args, metadata_path

PLUGIN_NAME = "timeline_review"


def _reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return "reviewer"


@click.command("review")
@click.argument("folder", metavar="ARTICLES_DIR")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--reviewer", help="Who reviews (kept with each decision). [default: your login]")
@click.option(
    "--archive",
    "archive_folder",
    envvar=ENV_ARCHIVE,
    default="archive",
    show_default=True,
    metavar="DIR",
    help=f"Archive folder (events.db, timeline.db and the workspace {WORKSPACE_FILE}); "
    f"or set ${ENV_ARCHIVE}.",
)
@click.option("--metadata", type=click.Path(dir_okay=False, exists=True), help="Metadata file.")
def review_command(
    folder: str,
    host: str,
    port: int,
    reviewer: str | None,
    archive_folder: str,
    metadata: str | None,
) -> None:
    """Review the draft records of a folder of articles (ID.txt, with ID.yaml metadata) in the
    browser, and record the accepted ones in the archive.

    Extracts the articles that have no draft yet, then serves /-/review: the queue, each draft
    beside its article, accept (through the archive's duplicate check) and reject. The
    workspace is kept in the archive folder's review.db: every save is written at once."""
    articles = check_folder(folder)
    who = (reviewer or _reviewer()).strip()
    if not who:
        raise TimelineError("--reviewer: name who reviews")
    check_port(host, port)
    archive = Archive(archive_folder)
    workspace = Workspace(archive.folder)
    try:
        files = inputs(articles)
        with click.progressbar(length=len(files), label="extracting", show_pos=True) as bar:
            report = extract_new(workspace, articles, lambda _: bar.update(1))
    finally:
        workspace.close()
    for failure in report.failed:
        click.echo(f"not extracted: {failure}", err=True)
    click.echo(
        f"{report.found} articles in {articles}: {len(report.extracted)} extracted now "
        f"({report.drafts} drafts), {len(report.failed)} failed"
    )
    projection.build(archive)
    _serve(archive, ReviewConfig(articles.resolve(), archive.folder.resolve(), who), host, port,
           metadata)  # fmt: skip


def _serve(
    archive: Archive, config: ReviewConfig, host: str, port: int, metadata: str | None
) -> None:
    """Datasette as `timeline serve` starts it, with the review plugin registered in this
    process only."""
    from datasette.cli import cli as datasette
    from datasette.plugins import pm

    pm.register(ReviewPlugin(config), name=PLUGIN_NAME)
    args = datasette_args(archive.projection_path, metadata_path(metadata), host, port)
    click.echo(f"reviewing on http://{host}:{port}/-/review (Ctrl-C to stop)")
    datasette.main(args, prog_name="timeline review")
