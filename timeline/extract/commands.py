"""Click commands: `timeline extract` (article to draft records) and `timeline evaluate` (the
scorer over a folder of articles and gold records)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

import click

from timeline.errors import TimelineError
from timeline.extract.draft import LANGUAGES, extract, render_yaml
from timeline.extract.errors import ExtractError
from timeline.extract.score import evaluate_folder, format_table


def _read_article(path: str) -> tuple[str, str]:
    """The article's text and its document id (the file name without suffix)."""
    if path == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if p.is_dir():
            raise ExtractError(path, "is a folder; name one article file")
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise ExtractError(path, "no such file") from None
        except OSError as e:
            raise ExtractError(path, f"cannot be read ({e.strerror})") from None
        name = path
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise ExtractError(name, f"not UTF-8 text (byte {e.start})") from None
    else:
        text = data
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ExtractError(name, "the article is empty")
    return text, name


def _write(path: str, content: str) -> None:
    """Write the whole file or nothing: a temporary file renamed into place."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExtractError(path, f"cannot write: no folder {str(folder)!r}")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise ExtractError(path, f"cannot write ({e.strerror})") from None


@click.command("extract")
@click.argument("article", metavar="FILE|-")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date; gives dates their year.")
@click.option("--url", metavar="URL", help="Where the article was published.")
@click.option("--language", metavar="vi|en", help="The article's language (default: detected).")
@click.option(
    "--document", metavar="ID", help="Document id for sources and evidence (default: file name)."
)
@click.option("--publisher", metavar="NAME", help="Publisher (default: from the URL or the text).")
@click.option("-o", "--output", metavar="FILE", help="Write the draft here instead of stdout.")
def extract_command(
    article: str,
    published: str | None,
    url: str | None,
    language: str | None,
    document: str | None,
    publisher: str | None,
    output: str | None,
) -> None:
    """Draft records for every engagement an ARTICLE reports, for review before `append`.

    Every fact carries its evidence (a quote and its offsets in the article); what the reviewer
    must check is listed under each record's `x-review` (confidences and flags)."""
    try:
        when = None
        if published is not None:
            try:
                when = date.fromisoformat(published)
            except ValueError:
                raise ExtractError(
                    article, f"--published: {published!r} is not a date (YYYY-MM-DD)"
                ) from None
        if language is not None and language not in LANGUAGES:
            raise ExtractError(article, f"--language: {language!r} is not one of vi, en")
        if url is not None and not url.startswith(("http://", "https://")):
            raise ExtractError(article, f"--url: {url!r} is not an http(s) URL")
        text, name = _read_article(article)
        doc = document or (Path(article).stem if article != "-" else None)
        draft = extract(
            text, published=when, url=url, language=language, document=doc, publisher=publisher
        )
        out = render_yaml(draft)
        if output:
            _write(output, out)
            n = len(draft.records)
            click.echo(f"{output}: {n} draft record{'s' if n != 1 else ''} from {name}", err=True)
        else:
            click.echo(out, nl=False)
    except TimelineError as e:
        raise click.ClickException(str(e)) from None


@click.command("evaluate")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--text-only",
    is_flag=True,
    help="Extract from the texts alone, without the publication date, URL and language of the "
    "documents' metadata.",
)
def evaluate_command(folder: str, as_json: bool, text_only: bool) -> None:
    """Score `extract` against gold records: FOLDER/documents/*.txt are the articles (with
    optional <id>.yaml metadata), FOLDER/records/ the gold record files citing them."""
    try:
        per_doc, total = evaluate_folder(folder, metadata=not text_only)
    except TimelineError as e:
        raise click.ClickException(str(e)) from None
    if as_json:
        data = {"documents": [s.as_dict() for s in per_doc], "overall": total.as_dict()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(per_doc, total))


commands = [extract_command, evaluate_command]
