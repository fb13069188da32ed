"""The articles of a folder (`ID.txt`, with `ID.yaml` metadata beside it when there is one) and
their extraction into the workspace's drafts."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import TimelineError
from timeline.extract import extract
from timeline.review.workspace import Article, ReviewError, Workspace

EXTRACT_PACKAGE = Path(__file__).resolve().parents[1] / "extract"


@cache
def extractor_version() -> str:
    """The package's version and a digest of the extractor's code and data: two drafts with the
    same version were made by the same extractor, whatever the release number says."""
    digest = hashlib.sha256()
    for path in sorted(EXTRACT_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".yml", ".json", ".txt", ".tsv"):
            digest.update(path.relative_to(EXTRACT_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{version('timeline')}+{digest.hexdigest()[:10]}"


def check_folder(folder: str | Path) -> Path:
    path = Path(folder)
    if not path.exists():
        raise ReviewError(f"{folder}: no such folder")
    if not path.is_dir():
        raise ReviewError(f"{folder}: not a folder (name the folder of articles, ID.txt each)")
    return path


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".txt" and p.is_file())


@dataclass
class ExtractReport:
    """What one pass over the folder did."""

    extracted: list[str] = field(default_factory=list)
    drafts: int = 0
    failed: list[str] = field(default_factory=list)  # one line each: document: why
    found: int = 0


def extract_new(
    workspace: Workspace,
    folder: Path,
    progress: Callable[[Path], None] | None = None,
) -> ExtractReport:
    """Extract every article of `folder` that is not in the workspace yet. An article that fails
    to extract is reported (one line) and not written, so the next pass tries it again; the
    others go on."""
    report = ExtractReport()
    files = article_files(folder)
    report.found = len(files)
    for path in files:
        if progress is not None:
            progress(path)
        if workspace.has_article(path.stem):
            continue
        try:
            article, drafts = read_and_extract(path)
        except ReviewError as e:
            report.failed.append(str(e))
            continue
        workspace.add_article(article, drafts)
        report.extracted.append(article.document)
        report.drafts += len(drafts)
    return report


def read_and_extract(path: Path) -> tuple[Article, list[dict[str, Any]]]:
    """The article and its drafts; `ReviewError` (one line) when it cannot be extracted."""
    document = path.stem
    article = Article(document, str(path), "", {}, extractor_version(), None)
    try:
        raw = path.read_bytes()
        article.text = raw.decode("utf-8").removeprefix("\ufeff")
        article.metadata = metadata(path)
        draft = extract(
            article.text,
            published=_date(article.metadata.get("published")),
            url=article.metadata.get("url"),
            language=article.metadata.get("language"),
            publisher=article.metadata.get("publisher"),
            document=document,
        )
    except UnicodeDecodeError as e:
        raise ReviewError(
            f"{path.name}: not UTF-8 text (byte {e.start}); nothing extracted"
        ) from None
    except (TimelineError, OSError, ValueError) as e:
        raise ReviewError(f"{path.name}: {_one_line(str(e))}; nothing extracted") from None
    drafts = [
        {"record": d.record, "confidence": d.confidence, "flags": [f.as_dict() for f in d.flags]}
        for d in draft.records
    ]
    if draft.flags:  # flags of the article (a missing publisher) belong to each of its drafts
        for d in drafts:
            d["flags"] = [*(f.as_dict() for f in draft.flags), *d["flags"]]
    if not drafts:
        article.error = "the extractor found no engagement in it"
    return article, drafts


def metadata(path: Path) -> dict[str, Any]:
    """The article's `ID.yaml` beside it, when it is metadata (a mapping without a `slug`)."""
    meta = path.with_suffix(".yaml")
    if not meta.is_file():
        return {}
    try:
        data = yaml.safe_load(meta.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise ReviewError(f"{meta.name}: malformed YAML ({_one_line(str(e))})") from None
    if not isinstance(data, dict) or "slug" in data:
        return {}
    return data


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _one_line(text: str) -> str:
    return " ".join(text.split())
