"""Record files: YAML, JSON or NDJSON holding one or many engagements, read and validated."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from events import EngagementFacts, describe_validation_error
from timeline.errors import RecordError

SUFFIXES = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
}


# The lists a record file may hold: engagements here, offices and people in inputs/offices.py.
_HOLDS_LISTS = {"engagements", "offices", "people"}
TWICE = "key {key!r} is given twice (the later would silently win)"
# Python refuses to convert a longer run of digits to a number (CVE-2020-10735): ValueError.
LONG_NUMBER = re.compile(rf"\d{{{sys.get_int_max_str_digits() + 1},}}")
TOO_LONG = f"a number of more than {sys.get_int_max_str_digits()} digits"


class KeyGivenTwice(Exception):
    """A YAML mapping that gives a key twice; `line` counts from 1."""

    def __init__(self, key: Any, line: int):
        self.key, self.line = key, line
        self.problem = TWICE.format(key=key)  # as a YAMLError names it, for its readers
        super().__init__(self.problem)


class TwiceKeyed(dict):  # type: ignore[type-arg]
    """A JSON object that gave a key twice (json keeps the last value): `parse` refuses it,
    naming the record and where in it."""

    __slots__ = ("key",)

    def __init__(self, pairs: list[tuple[str, Any]], key: str):
        super().__init__(pairs)
        self.key = key


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) == len(keys):
        return dict(pairs)
    return TwiceKeyed(pairs, next(k for i, k in enumerate(keys) if k in keys[:i]))


def _json(text: str) -> Any:
    return json.loads(text, object_pairs_hook=_json_object)


def _twice_keyed(value: Any) -> tuple[str, str] | None:
    """(where, key) of the first mapping in `value` that gave a key twice; walked with a stack,
    as a value may be nested as deeply as the parser allows."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, TwiceKeyed):
            return path, item.key
        if isinstance(item, dict):
            children = [(f"{path}.{k}" if path else str(k), v) for k, v in item.items()]
        elif isinstance(item, list):
            children = [(f"{path}[{i}]", v) for i, v in enumerate(item)]
        else:
            continue
        stack.extend(reversed(children))
    return None


def _long_number_line(text: str) -> int:
    found = LONG_NUMBER.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


@cache
def _loader() -> Any:
    """YAML's safe loader, less its timestamp rule: a date stays text, so the record's model
    parses it and a date such as 2025-02-30 is refused naming its field, not by the parser; and
    a mapping that gives a key twice is refused (`KeyGivenTwice`), where PyYAML keeps the last.

    Made on first use: yaml is imported only when YAML is read, so `timeline append` of a JSON
    file starts without it."""
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # `<<: *defaults` is overridden on purpose
                key = self.construct_object(key_node, deep=deep)
                if isinstance(key, list | dict):
                    continue  # unhashable: refused by PyYAML itself
                if key in seen:
                    raise KeyGivenTwice(key, key_node.start_mark.line + 1)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def load_yaml(text: str) -> Any:
    """One YAML value (a document's metadata, say), dates as text; errors as `yaml.YAMLError`,
    a key given twice as `KeyGivenTwice`."""
    import yaml

    return yaml.load(text, Loader=_loader())  # a SafeLoader subclass: builds no objects


def load_value(text: str, name: str) -> Any:
    """A command-line value in YAML (`--set FIELD=VALUE`): what it cannot be is a `RecordError`
    naming `name` (the option)."""
    import yaml

    try:
        return load_yaml(text)
    except KeyGivenTwice as e:
        raise RecordError(name, str(e)) from None
    except RecursionError:
        raise RecordError(name, "the value is nested too deeply") from None
    except ValueError:
        raise RecordError(name, TOO_LONG) from None
    except yaml.YAMLError:
        raise RecordError(name, "the value is not valid YAML") from None


def detect_format(name: str, text: str) -> str:
    """The format of a file from its suffix, or from its first character for standard input."""
    suffix = Path(name).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    stripped = text.lstrip()
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        lines = [line for line in stripped.splitlines() if line.strip()]
        return (
            "ndjson"
            if len(lines) > 1 and all(x.lstrip().startswith("{") for x in lines)
            else "json"
        )
    return "yaml"


def parse(text: str, name: str, fmt: str | None = None) -> list[tuple[int, Any]]:
    """The raw records of a file, numbered from 1 (NDJSON: by line)."""
    fmt = fmt or detect_format(name, text)
    if fmt == "ndjson":
        out = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    out.append((lineno, _json(line)))
                except json.JSONDecodeError as e:
                    raise RecordError(name, f"line {lineno}: malformed JSON: {e.msg}") from None
                except RecursionError:
                    raise RecordError(name, f"line {lineno}: nested too deeply") from None
                except ValueError:
                    raise RecordError(name, f"line {lineno}: {TOO_LONG}") from None
        return _refuse_keys_twice(out, name)
    if fmt == "json":
        try:
            docs = [_json(text)]
        except json.JSONDecodeError as e:
            raise RecordError(name, f"malformed JSON at line {e.lineno}: {e.msg}") from None
        except RecursionError:
            raise RecordError(name, "nested too deeply to be a record file") from None
        except ValueError:
            raise RecordError(name, f"line {_long_number_line(text)}: {TOO_LONG}") from None
    else:
        docs = _load_yaml_documents(text, name)
    records: list[Any] = []
    for doc in docs:
        if isinstance(doc, dict) and _HOLDS_LISTS & doc.keys() and "slug" not in doc:
            if isinstance(doc, TwiceKeyed):
                raise RecordError(name, TWICE.format(key=doc.key))
            doc = doc.get("engagements", [])  # offices and people: inputs/offices.py
        records.extend(doc if isinstance(doc, list) else [doc])
    return _refuse_keys_twice(list(enumerate(records, 1)), name)


def _refuse_keys_twice(records: list[tuple[int, Any]], name: str) -> list[tuple[int, Any]]:
    for index, raw in records:
        if found := _twice_keyed(raw):
            where, key = found
            slug = raw.get("slug") if isinstance(raw, dict) else None
            message = f"{where}: {TWICE.format(key=key)}" if where else TWICE.format(key=key)
            raise RecordError(name, message, index, slug if isinstance(slug, str) else None)
    return records


def validate(raw: Any, name: str, index: int) -> EngagementFacts:
    if not isinstance(raw, dict):
        raise RecordError(name, f"expected a mapping of fields, found {type(raw).__name__}", index)
    slug = raw.get("slug") if isinstance(raw.get("slug"), str) else None
    if not slug:
        raise RecordError(name, "slug: missing (every record needs a slug)", index)
    data = {k: v for k, v in raw.items() if not (isinstance(k, str) and k.startswith("x-"))}
    try:
        return EngagementFacts.model_validate(data)
    except ValidationError as e:
        raise RecordError(name, describe_validation_error(e), index, slug) from None


def read_text(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise RecordError("<stdin>", f"not UTF-8 text (byte {e.start})") from None
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecordError(path, "no such file") from None
    except IsADirectoryError:
        raise RecordError(path, "is a folder; name the record files in it") from None
    except UnicodeDecodeError as e:
        raise RecordError(path, f"not UTF-8 text (byte {e.start})") from None
    except (OSError, ValueError) as e:  # unreadable, or a name the system refuses
        raise RecordError(path, f"cannot read it ({getattr(e, 'strerror', None) or e})") from None


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; a folder stands for the record files in it, in name order."""
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            yield from (str(f) for f in sorted(p.iterdir()) if f.suffix.lower() in SUFFIXES)
        else:
            yield path


def documents_dirs(path: str, documents: str | Path | None) -> list[Path]:
    """Where the texts of a record file's source documents may be."""
    if documents is not None:
        return [Path(documents)]
    if path == "-":
        return []
    here = Path(path).resolve().parent
    return [d for d in (here / "documents", here.parent / "documents") if d.is_dir()]


def check_quotes(facts: EngagementFacts, dirs: list[Path], name: str, index: int) -> None:
    """Every quote must stand at its offsets in its document, where that text is at hand."""
    texts: dict[str, str | None] = {}
    quoted = [("sources", i, q) for i, q in enumerate(facts.sources)]
    quoted += [("evidence", i, q) for i, q in enumerate(facts.evidence)]
    for field, i, q in quoted:
        if q.document not in texts:
            found = next(
                (d / f"{q.document}.txt" for d in dirs if (d / f"{q.document}.txt").is_file()), None
            )
            texts[q.document] = found.read_text(encoding="utf-8") if found else None
        text = texts[q.document]
        if text is not None and text[q.start : q.end] != q.quote:
            raise RecordError(
                name,
                f"{field}[{i}].quote: not found at {q.start}..{q.end} of document {q.document}"
                + (f" (it stands at {text.find(q.quote)})" if q.quote in text else ""),
                index,
                facts.slug,
            )


def iter_records(
    paths: Iterable[str], documents: str | Path | None = None
) -> Iterator[tuple[str, int, EngagementFacts]]:
    """Each record of each file as (file name, record number, facts), validated in order.

    The first bad record raises `RecordError`; a slug given twice in the batch with other facts
    (sources and evidence aside) is refused, so a batch never contradicts itself; with the same
    facts, the later record corroborates the earlier. Quotes are checked against their
    documents' texts where those are found (see `documents_dirs`)."""
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in expand(paths):
        name = "<stdin>" if path == "-" else path
        text = read_text(path)  # first: it refuses a path that cannot be a file, by name
        dirs = documents_dirs(path, documents)
        for index, raw in parse(text, name):
            facts = validate(raw, name, index)
            check_quotes(facts, dirs, name, index)
            # The same engagement from another document (its sources aside) corroborates it.
            core = facts.model_dump(mode="json", exclude={"sources", "evidence"})
            if facts.slug in seen and seen[facts.slug][1] != core:
                raise RecordError(
                    name,
                    f"slug: also given in {seen[facts.slug][0]} of this batch, with other facts",
                    index,
                    facts.slug,
                )
            seen.setdefault(facts.slug, (f"{name} record {index}", core))
            yield name, index, facts


def listed(paths: Iterable[str], keys: Iterable[str]) -> dict[str, list[tuple[str, int, Any]]]:
    """The raw entries of each `key:` list (`offices:`, `people:`) of the files, unvalidated,
    as (file, number from 1, entry). Standard input holds none here: it is read once, by the
    engagements' reader."""
    found: dict[str, list[tuple[str, int, Any]]] = {key: [] for key in keys}
    for path in expand(paths):
        if path == "-":
            continue
        text = read_text(path)
        fmt = detect_format(path, text)
        if fmt == "ndjson":
            continue
        docs = [_json(text)] if fmt == "json" else _load_yaml_documents(text, path)
        for key, entries in found.items():
            items: list[Any] = []
            for doc in docs:
                if isinstance(doc, dict) and key in doc and "slug" not in doc:
                    items.extend(doc[key] if isinstance(doc[key], list) else [doc[key]])
            entries.extend((path, index, raw) for index, raw in enumerate(items, 1))
    return found


def load(paths: Iterable[str], documents: str | Path | None = None) -> list[EngagementFacts]:
    """Every record of every file, validated (see `iter_records`)."""
    return [facts for _, _, facts in iter_records(paths, documents)]


def _load_yaml_documents(text: str, name: str) -> list[Any]:
    import yaml

    try:
        return [d for d in yaml.load_all(text, Loader=_loader()) if d is not None]
    except KeyGivenTwice as e:
        raise RecordError(name, f"line {e.line}: {e}") from None
    except RecursionError:
        raise RecordError(name, "nested too deeply to be a record file") from None
    except ValueError:  # not a YAMLError: a number too long to convert
        raise RecordError(name, f"line {_long_number_line(text)}: {TOO_LONG}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise RecordError(name, f"malformed YAML{at}: {problem}") from None


def dump_yaml(records: Iterable[EngagementFacts | dict[str, Any]]) -> str:
    """Records as a YAML file of the same format, readable and stable."""
    docs = [
        r.model_dump(mode="json", exclude_defaults=True) if isinstance(r, EngagementFacts) else r
        for r in records
    ]
    import yaml

    return yaml.safe_dump_all(docs, allow_unicode=True, sort_keys=False, width=100)
