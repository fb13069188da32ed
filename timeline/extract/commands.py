"""Click commands: `timeline extract` (article to draft records) and `timeline evaluate` (the
scorer over a folder of articles and gold records)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from timeline.errors import TimelineError
from timeline.extract.batch import (
    Outcome,
    articles_in,
    defects_named,
    extract_file,
    extract_one,
    format_outcomes,
    output_folder,
    summary,
    write_draft,
)
from timeline.extract.documents import Metadata, check_language, check_published, check_url
from timeline.extract.draft import render_yaml
from timeline.extract.errors import ExtractError
from timeline.extract.score import Scores, evaluate_folder, format_table
from timeline.output import Output, echo_rows, output_options
from timeline.progress import with_progress


@click.command("extract")
@click.argument("article", metavar="FILE|-|FOLDER")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date; gives dates their year.")
@click.option("--url", metavar="URL", help="Where the article was published.")
@click.option("--language", metavar="vi|en", help="The article's language (default: detected).")
@click.option(
    "--document", metavar="ID", help="Document id for sources and evidence (default: file name)."
)
@click.option("--publisher", metavar="NAME", help="Publisher (default: from the URL or the text).")
@click.option(
    "--no-metadata",
    "no_metadata",
    is_flag=True,
    help="Ignore NAME.yaml beside NAME.txt (the text and the flags only).",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE|FOLDER",
    help="Write the draft here instead of stdout; for a FOLDER of articles, the drafts' folder.",
)
@output_options(into="table_format")
def extract_command(
    article: str,
    published: str | None,
    url: str | None,
    language: str | None,
    document: str | None,
    publisher: str | None,
    no_metadata: bool,
    output: str | None,
    table_format: Output,
) -> None:
    """Draft records for every engagement an ARTICLE reports, for review before `append`.

    The publisher, URL, publication date, language and document id are read from NAME.yaml
    beside NAME.txt when there is one; flags override it. Every fact carries its evidence (a
    quote and its offsets in the article); what the reviewer must check is listed under each
    record's `x-review` (confidences and flags).

    A FOLDER extracts each of its *.txt articles into `-o DRAFTS/NAME.yaml`, goes on past an
    article that fails, and ends with a table (--json, --csv…: its rows in that format); the
    exit code is 1 if any article failed.

    An article that is empty, binary, not UTF-8, over 1 MB, or in neither Vietnamese nor English
    is refused with one line and nothing written (docs/extract.md, "Limits and bad input")."""
    try:
        flags = Metadata(  # checked as the metadata file's fields are
            document=document,
            publisher=publisher,
            url=check_url(url, f"{article}: --url"),
            published=check_published(published, f"{article}: --published"),
            language=check_language(language, f"{article}: --language"),
        )
        if article != "-" and Path(article).is_dir():
            _extract_folder(article, output, flags, beside=not no_metadata, rows=table_format)
            return
        if table_format.format:
            raise ExtractError(article, f"--{table_format.format}: the table is a FOLDER's")
        draft = extract_file(article, flags, beside=not no_metadata)
        with defects_named("<stdin>" if article == "-" else article):
            out = render_yaml(draft)
        if output:
            write_draft(Path(output), out)
            n = len(draft.records)
            name = "<stdin>" if article == "-" else article
            click.echo(f"{output}: {n} draft record{'s' if n != 1 else ''} from {name}", err=True)
        else:
            click.echo(out, nl=False)
    except TimelineError as e:
        raise click.ClickException(str(e)) from None


def _extract_folder(
    folder: str, output: str | None, flags: Metadata, *, beside: bool, rows: Output
) -> None:
    """`timeline extract FOLDER -o DRAFTS/`: a progress bar on a terminal, a line for each
    article that failed, the table; exit 1 if any failed."""
    if not output:
        raise ExtractError(folder, "is a folder: name the drafts' folder with -o DRAFTS/")
    for option, value in (("--document", flags.document), ("--url", flags.url)):
        if value is not None:
            raise ExtractError(folder, f"{option} names one article; it cannot serve a folder")
    articles = articles_in(Path(folder))
    out = output_folder(Path(output))
    outcomes = [extract_one(a, out, flags, beside=beside) for a in _with_progress(articles)]
    for o in outcomes:
        if o.failed:
            click.echo(o.error, err=True)
    if rows.format:
        columns = ["article", "draft", "records", "complete", "flags", "error"]
        echo_rows((outcome_row(o) for o in outcomes), columns, rows)
    else:
        click.echo(format_outcomes(outcomes))
    click.echo(summary(outcomes, out), err=True)
    if any(o.failed for o in outcomes):
        sys.exit(1)


def outcome_row(outcome: Outcome) -> dict[str, object]:
    """An article's outcome as a row: its draft file, records (complete ones), the flags to
    review (code: count), or why it failed."""
    return {
        "article": outcome.article,
        "draft": str(outcome.output) if outcome.output else None,
        "records": outcome.records,
        "complete": outcome.complete,
        "flags": dict(sorted(outcome.flags.items())),
        "error": outcome.error,
    }


def _with_progress(articles: list[Path]) -> Iterator[Path]:
    """The articles, with a progress bar on standard error when it is a terminal (quiet when
    not, so logs and pipes get the table alone)."""
    return with_progress(articles, "extracting", lambda a: a.name)


@click.command("evaluate")
@click.argument("folder", type=click.Path(file_okay=False))
@output_options()
@click.option(
    "--text-only",
    is_flag=True,
    help="Extract from the texts alone, without the publication date, URL and language of the "
    "documents' metadata.",
)
def evaluate_command(folder: str, output: Output, text_only: bool) -> None:
    """Score `extract` against gold records: FOLDER/documents/*.txt are the articles (with
    optional <id>.yaml metadata), FOLDER/records/ the gold record files citing them.

    --json prints every score as one object (counts, matches, missed and spurious slugs); the
    other formats a row per document and one for all of them: events P/R/F1, each field's F1."""
    try:
        per_doc, total = evaluate_folder(folder, metadata=not text_only)
    except TimelineError as e:
        raise click.ClickException(str(e)) from None
    if output.format == "json":
        data = {"documents": [s.as_dict() for s in per_doc], "overall": total.as_dict()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif output.format:
        rows = [score_row(s) for s in [*per_doc, total]]
        echo_rows(rows, list(rows[0]), output)
    else:
        click.echo(format_table(per_doc, total))


def score_row(scores: Scores) -> dict[str, object]:
    """A document's scores as a flat row: events precision, recall and F1, each field's F1."""
    e = scores.events
    row: dict[str, object] = {"document": scores.document}
    row |= {"events_precision": round(e.precision, 3), "events_recall": round(e.recall, 3)}
    row["events_f1"] = round(e.f1, 3)
    row |= {f"{name}_f1": round(c.f1, 3) for name, c in scores.fields.items()}
    return row


commands = [extract_command, evaluate_command]
