"""A folder of articles to a folder of drafts: one draft file per article (`NAME.txt` gives
`DRAFTS/NAME.yaml`), an outcome per article, and a failed article named without stopping the rest.
The extractor is imported once and runs in this process: 100 articles take seconds, not the
minutes 100 `timeline extract` processes would."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from timeline.extract.documents import Article, Metadata, read_article
from timeline.extract.draft import Draft, extract, render_yaml
from timeline.extract.errors import ExtractError


@dataclass(frozen=True)
class Outcome:
    """What became of one article: its draft file and what to review, or why it failed."""

    article: str
    output: Path | None = None
    records: int = 0
    complete: int = 0
    flags: Counter[str] = field(default_factory=Counter)
    error: str | None = None  # the one line naming the file at fault (the article or its .yaml)

    @property
    def failed(self) -> bool:
        return self.error is not None


@contextmanager
def defects_named(name: str) -> Iterator[None]:
    """An extractor failure inside the block (a defect, not the user's) becomes an ExtractError
    naming the article, so one line says it and a batch goes on."""
    try:
        yield
    except ExtractError:
        raise
    except Exception as e:  # named and reported, never a traceback
        raise ExtractError(
            name, f"the extractor failed ({type(e).__name__}: {e}); please report it"
        ) from e


def draft_article(article: Article) -> Draft:
    """The draft of an article read by `read_article`."""
    meta = article.metadata
    with defects_named(article.name):
        return extract(
            article.text,
            published=meta.published,
            url=meta.url,
            language=meta.language,
            document=meta.document,
            publisher=meta.publisher,
        )


def extract_file(path: str, flags: Metadata | None = None, *, beside: bool = True) -> Draft:
    """The draft of one article file, with `NAME.yaml` beside it as its metadata (the flags
    over it); raises ExtractError naming the file and the problem."""
    return draft_article(read_article(path, flags or Metadata(), beside=beside))


def write_draft(path: Path, content: str) -> None:
    """Write the whole file or nothing: a temporary file renamed into place."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExtractError(str(path), f"cannot write: no folder {str(folder)!r}")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise ExtractError(str(path), f"cannot write ({e.strerror})") from None


def articles_in(folder: Path) -> list[Path]:
    """The articles of a folder: its `*.txt` files, in name order."""
    found = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if not found:
        raise ExtractError(str(folder), "is a folder without articles (*.txt); nothing was written")
    return found


def output_folder(path: Path) -> Path:
    """The drafts' folder: refused when it is a file; made when the first draft is written."""
    if path.exists() and not path.is_dir():
        raise ExtractError(str(path), "is a file; -o names a folder when extracting a folder")
    return path


def extract_one(article: Path, out: Path, flags: Metadata, *, beside: bool = True) -> Outcome:
    """Extract one article of a batch into `out/NAME.yaml`; a failure is its outcome."""
    try:
        draft = extract_file(str(article), flags, beside=beside)
        with defects_named(str(article)):
            content = render_yaml(draft)
            codes = Counter(code for r in draft.records for code in r.codes)
            codes.update(f.code for f in draft.flags)
            complete = sum(1 for r in draft.records if r.complete)
        target = out / f"{article.stem}.yaml"
        out.mkdir(parents=True, exist_ok=True)
        write_draft(target, content)
    except ExtractError as e:
        return Outcome(article.name, error=str(e))
    return Outcome(article.name, target, len(draft.records), complete, codes)


def extract_folder(
    folder: Path, out: Path, flags: Metadata | None = None, *, beside: bool = True
) -> Iterator[Outcome]:
    """Extract every article of `folder` into `out`, one outcome per article as it is done."""
    articles = articles_in(folder)
    out = output_folder(out)
    for article in articles:
        yield extract_one(article, out, flags or Metadata(), beside=beside)


def format_outcomes(outcomes: list[Outcome]) -> str:
    """The closing table: article, drafts (complete ones), flags to review."""
    rows = [("article", "drafts", "complete", "flags to review")]
    for o in outcomes:
        if o.failed:
            head, _, rest = (o.error or "").partition(": ")
            reason = rest if Path(head).name == o.article else o.error  # the article is the row
            rows.append((o.article, "-", "-", f"FAILED: {reason}"))
            continue
        review = ", ".join(f"{code} x{n}" if n > 1 else code for code, n in sorted(o.flags.items()))
        rows.append((o.article, str(o.records), str(o.complete), review or "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [
        f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}".rstrip()
        for r in rows
    ]
    return "\n".join(lines)


def summary(outcomes: list[Outcome], out: Path) -> str:
    """One line: how many articles, drafts, and failures."""
    failed = [o for o in outcomes if o.failed]
    records = sum(o.records for o in outcomes)
    done = len(outcomes) - len(failed)
    line = (
        f"{len(outcomes)} article{'s' if len(outcomes) != 1 else ''}: {records} draft record"
        f"{'s' if records != 1 else ''} in {done} file{'s' if done != 1 else ''} under {out}"
    )
    if failed:
        line += f"; {len(failed)} failed, nothing written for {'them' if len(failed) > 1 else 'it'}"
    return line
