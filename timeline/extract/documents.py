"""An article as `timeline extract` reads it: its text (refused with one line when it is empty,
binary, not UTF-8, too large or in a language the extractor does not read) and its metadata, from
`NAME.yaml` beside `NAME.txt` (as in `seeds/documents/`) and from the command line."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from timeline.extract.draft import LANGUAGES, detect_language
from timeline.extract.errors import ExtractError

# The largest article read, in bytes. The longest article of the development set and of the
# fixtures is 4.8 KB; extraction is linear, about 0.35 s of CPU per 100 KB here (bench/
# bench_extract.py), so 1 MB is a few seconds. Anything larger is not one article (a site dump,
# a log, a book) and is refused.
MAX_BYTES = 1_000_000

SUPPORTED = "Vietnamese (vi) and English (en)"

# Words almost every English paragraph holds; a page whose words are almost none of them, and
# that is not Vietnamese, is in a language the extractor does not read.
# ("in", "a", "on" are left out: German, Italian and Spanish write them too.) Written English
# articles of the genre hold one in 6 words at least (0.167 the lowest of the fixtures).
_ENGLISH = frozenset(
    re.findall(
        r"\w+",
        "the of and to is was for with that by at from has have had are were be been it its this "
        "said will or which who their his her they he she not but after also",
    )
)
# Letters Vietnamese writes and French, Spanish or German do not (ơ, ư, đ, ă, and the tones
# under or over the vowels): French shares é, è, à, ê, ô with it, and would read as Vietnamese.
_VIETNAMESE_ONLY = frozenset(
    "ăđơưảãạấầẩẫậắằẳẵặẻẽẹếềểễệỉĩịỏọốồổỗộớờởỡợủũụứừửữựỳỷỹỵ"
    "ĂĐƠƯẢÃẠẤẦẨẪẬẮẰẲẴẶẺẼẸẾỀỂỄỆỈĨỊỎỌỐỒỔỖỘỚỜỞỠỢỦŨỤỨỪỬỮỰỲỶỸỴ"
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Metadata:
    """What the command line can say about an article; None where it says nothing."""

    document: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None

    def over(self, other: Metadata) -> Metadata:
        """These values, and `other`'s where these say nothing (flags over the metadata file)."""
        given = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(other, **{k: v for k, v in given.items() if v is not None})


@dataclass(frozen=True)
class Article:
    """One article to extract: where it came from, its text and its metadata."""

    name: str  # the file as the user named it, or <stdin>
    text: str
    metadata: Metadata


def metadata_path(article: Path) -> Path:
    """`NAME.yaml` beside `NAME.txt`."""
    return article.with_suffix(".yaml")


def read_metadata(path: Path) -> Metadata:
    """The metadata file's publisher, url, published, language and document; other keys (title,
    notes, checksums) are for people and ignored. A malformed file or field is refused, naming
    the file and the field."""
    from timeline.inputs.records import load_yaml

    name = str(path)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as e:
        raise ExtractError(name, f"not UTF-8 text (byte {e.start})") from None
    except OSError as e:
        raise ExtractError(name, f"cannot be read ({e.strerror})") from None
    except Exception as e:  # yaml.YAMLError: PyYAML is imported lazily by load_yaml
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(e, "problem", None) or type(e).__name__
        raise ExtractError(name, f"not valid YAML{where}: {problem}") from None
    if raw is None:
        return Metadata()
    if not isinstance(raw, dict):
        raise ExtractError(name, "must be a mapping of fields (publisher:, url:, published: …)")
    return Metadata(
        document=_text_field(raw, "document", name),
        publisher=_text_field(raw, "publisher", name),
        url=check_url(_text_field(raw, "url", name), f"{name}: url"),
        published=check_published(_text_field(raw, "published", name), f"{name}: published"),
        language=check_language(_text_field(raw, "language", name), f"{name}: language"),
    )


def _text_field(raw: dict[Any, Any], key: str, name: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ExtractError(name, f"{key}: expected text, got {type(value).__name__}")
    value = str(value).strip()
    if not value:
        raise ExtractError(name, f"{key}: is empty")
    return value


def check_published(value: str | None, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ExtractError(where, f"{value!r} is not a date (YYYY-MM-DD)") from None


def check_language(value: str | None, where: str) -> str | None:
    if value is not None and value not in LANGUAGES:
        raise ExtractError(where, f"{value!r}: the languages supported are {SUPPORTED}")
    return value


def check_url(value: str | None, where: str) -> str | None:
    if value is not None and not value.startswith(("http://", "https://")):
        raise ExtractError(where, f"{value!r} is not an http(s) URL")
    return value


def read_bytes(path: str) -> tuple[bytes, str]:
    """The raw bytes of a file (or of standard input for `-`), refused above MAX_BYTES without
    reading further."""
    if path == "-":
        stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
        data = stream.read(MAX_BYTES + 1) if stream else sys.stdin.read().encode()
        if len(data) > MAX_BYTES:
            raise _too_large("<stdin>", None)
        return data, "<stdin>"
    p = Path(path)
    if p.is_dir():
        raise ExtractError(path, "is a folder; name one article file, or pass -o FOLDER")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(path, size)
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ExtractError(path, "no such file") from None
    except OSError as e:
        raise ExtractError(path, f"cannot be read ({e.strerror})") from None
    if len(data) > MAX_BYTES:  # grew since, or a device
        raise _too_large(path, None)
    return data, path


def _too_large(name: str, size: int | None) -> ExtractError:
    told = f" ({size / 1e6:.1f} MB)" if size is not None else ""
    return ExtractError(
        name,
        f"larger than an article can be{told}: the limit is {MAX_BYTES / 1e6:g} MB "
        "(split the page into its articles)",
    )


def decode(data: bytes, name: str) -> str:
    """The article's text: UTF-8, not binary, not empty; a byte-order mark dropped."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractError(
            name, "not UTF-8 text (UTF-16, by its byte-order mark); save it as UTF-8"
        )
    if b"\x00" in data:
        raise ExtractError(name, "a binary file (it holds NUL bytes), not an article's text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ExtractError(name, f"not UTF-8 text (byte {e.start})") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ExtractError(name, "the article is empty")
    return text


def language_of(text: str, name: str) -> str:
    """`vi` or `en`; a page in another language is refused, saying which ones are read."""
    sample = text[:20_000]
    letters = [c for c in sample if c.isalpha()]
    vietnamese = sum(1 for c in letters if c in _VIETNAMESE_ONLY)
    if letters and vietnamese / len(letters) > 0.01 and detect_language(sample) == "vi":
        return "vi"
    words = _WORD.findall(sample.lower())
    latin = sum(1 for w in words if w.isascii())
    common = sum(1 for w in words if w in _ENGLISH)
    # 1 in 20 leaves room for a page of names and titles, and none for French, German, Spanish,
    # Indonesian or a page in another script; a page of a few words is not judged
    if words and latin / len(words) >= 0.5 and (len(words) < 8 or common / len(words) >= 0.05):
        return "en"
    raise ExtractError(
        name,
        f"not written in a language the extractor reads: the languages supported are {SUPPORTED} "
        "(pass --language to extract it anyway)",
    )


def read_article(path: str, flags: Metadata, *, beside: bool = True) -> Article:
    """The article at `path` with its metadata: the flags over `NAME.yaml` beside it (unless
    `beside` is false), the document id defaulting to the file's name."""
    data, name = read_bytes(path)
    metadata = flags
    if path != "-":
        meta_file = metadata_path(Path(path))
        if beside and meta_file.is_file() and Path(path).suffix != ".yaml":
            metadata = flags.over(read_metadata(meta_file))
        if metadata.document is None:
            metadata = replace(metadata, document=Path(path).stem)
    text = decode(data, name)
    if metadata.language is None:
        metadata = replace(metadata, language=language_of(text, name))
    return Article(name, text, metadata)
