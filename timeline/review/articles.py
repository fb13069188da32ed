"""The articles of a folder (`ID.txt`, with `ID.yaml` metadata beside it when there is one) and
their extraction into the workspace's drafts."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from timeline.errors import TimelineError
from timeline.extract import documents
from timeline.extract.batch import draft_article
from timeline.inputs import records
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


def draft_files(folder: Path) -> list[Path]:
    """The record files of `folder` (drafts written by `timeline extract -o`): YAML or JSON whose
    records have a slug, unlike an article's metadata."""
    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in records.SUFFIXES or not path.is_file():
            continue
        try:
            raw = records.parse(records.read_text(str(path)), str(path))
        except TimelineError:
            continue  # not a record file: metadata, or something else of the folder
        if raw and all(isinstance(r, dict) and "slug" in r for _, r in raw):
            found.append(path)
    return found


def inputs(folder: Path) -> list[Path]:
    """What a pass reads: the drafts files first (their articles are not extracted again), then
    the articles."""
    return [*draft_files(folder), *article_files(folder)]


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
    """Take in every article of `folder` that is not in the workspace yet: the drafts of its
    drafts files (`timeline extract -o`), then the articles without drafts, extracted. One
    that fails is reported (one line) and not written, so the next pass tries it again; the
    others go on."""
    report = ExtractReport()
    for path in inputs(folder):
        if progress is not None:
            progress(path)
        try:
            if path.suffix == ".txt":
                report.found += 1
                if workspace.knows(path):
                    continue
                taken = [read_and_extract(path)]
            else:
                taken = read_drafts(path, workspace)
        except ReviewError as e:
            report.failed.append(str(e))
            continue
        for article, drafts in taken:
            workspace.add_article(article, drafts)
            report.extracted.append(article.document)
            report.drafts += len(drafts)
    return report


def read_drafts(path: Path, workspace: Workspace) -> list[tuple[Article, list[dict[str, Any]]]]:
    """The articles of a drafts file not in the workspace yet, each with its drafts (their
    `x-review` confidences and flags kept apart); the article's text is found beside the file
    or in a `documents/` folder beside it or above it."""
    by_document: dict[str, list[dict[str, Any]]] = {}
    for index, raw in records.parse(records.read_text(str(path)), str(path)):
        sources = raw.get("sources") or [{}]
        document = sources[0].get("document") if isinstance(sources[0], dict) else None
        if not isinstance(document, str) or not document:
            raise ReviewError(f"{path.name}: record {index}: sources[0].document: missing")
        review = raw.get("x-review") or {}
        record = {k: v for k, v in raw.items() if not str(k).startswith("x-")}
        by_document.setdefault(document, []).append(
            {"record": record, "confidence": review.get("confidence") or {},
             "flags": review.get("flags") or []}
        )  # fmt: skip
    out = []
    for document, drafts in by_document.items():
        if workspace.has_article(document):
            continue
        places = [path.parent, path.parent / "documents", path.parent.parent / "documents"]
        text_file = next(
            (d / f"{document}.txt" for d in places if (d / f"{document}.txt").is_file()), None
        )
        if text_file is None:
            raise ReviewError(
                f"{path.name}: document {document}: no {document}.txt beside it or in documents/; "
                "nothing was taken from this file"
            )
        article = _read_article(text_file, f"drafts file {path.name}")
        out.append((article, drafts))
    return out


def read_and_extract(path: Path) -> tuple[Article, list[dict[str, Any]]]:
    """The article (read as `timeline extract` reads it, with `ID.yaml` beside it as its
    metadata) and its drafts; `ReviewError` (one line) when it cannot be read or extracted."""
    article = _read_article(path, extractor_version())
    try:
        draft = draft_article(
            documents.Article(
                path.name,
                article.text,
                documents.Metadata(document=article.document, **article.metadata),
            )
        )
    except TimelineError as e:
        raise ReviewError(f"{_one_line(str(e))}; nothing extracted") from None
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


def _read_article(path: Path, drafted_by: str) -> Article:
    """The article's text and metadata, as `timeline extract` reads them (one line when it is
    empty, binary, not UTF-8, too large or in a language the extractor does not read)."""
    try:
        read = documents.read_article(str(path), documents.Metadata())
    except TimelineError as e:
        raise ReviewError(f"{_one_line(str(e))}; nothing extracted") from None
    meta = dataclasses.asdict(read.metadata)
    document = meta.pop("document") or path.stem
    return Article(document, str(path.resolve()), read.text, meta, drafted_by, None)


def _one_line(text: str) -> str:
    return " ".join(text.split())
