"""The parts of the docs that are read off the code, as Markdown, for the cog blocks in docs/.

Regenerate with `cog -r docs/*.md README.md`; `tests/test_docs.py` fails when the docs drift.
Of `timeline`, only public names are imported (the CLI's `cli` group, the extractor's `extract`
and `render_yaml`), so that modules can move; the models, their field types and the vocabularies
come from `events`."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import click
from annotated_types import MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from events import all_countries, facts, vocabulary

HELP_WIDTH = 88

# What a reader calls the types the models are written with; a type missing here fails loudly.
TYPE_NAMES: list[tuple[Any, str]] = [
    (facts.Text, "text"),
    (facts.Printable, "text"),
    (str, "text"),
    (facts.Slug, "slug"),
    (facts.CountryCode, "[country code](#countries)"),
    (facts.TerritoryCode, "[country code](#countries), not `INT`"),
    (facts.TopicKey, "[topic](#topics)"),
    (facts.Url, "URL"),
    (facts.FieldPath, "field path"),
    (vocabulary.Kind, "[kind](#kinds)"),
    (vocabulary.Status, "[status](#statuses)"),
    (vocabulary.Role, "[role](#roles)"),
    (vocabulary.Precision, "[precision](#precisions)"),
    (vocabulary.Language, "`vi` or `en`"),
    (date, "date (YYYY-MM-DD)"),
    (int, "integer"),
    (bool, "`true` or `false`"),
]


def cli_reference() -> str:
    """Every command's and subcommand's `--help`, each under a heading, in command order."""
    from timeline.cli import cli  # here: the models' tables need none of the CLI

    return "".join(_help_sections(cli, ("timeline",), None))


def _help_sections(
    command: click.Command, path: tuple[str, ...], parent: click.Context | None
) -> Iterator[str]:
    ctx = click.Context(command, info_name=path[-1], parent=parent, terminal_width=HELP_WIDTH)
    yield f"## {' '.join(path)}\n\n```text\n{command.get_help(ctx)}\n```\n\n"
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                yield from _help_sections(sub, (*path, name), ctx)


def fields_table(model: type[BaseModel]) -> str:
    """A model's fields as a Markdown table: name, type, whether required, description."""
    hints = typing.get_type_hints(model, include_extras=True)
    rows = ["| field | type | required | what it holds |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        rows.append(
            f"| `{name}` | {type_name(hints[name])} | {_required(info)} | "
            f"{_description(model, name, info)} |"
        )
    return "\n".join(rows) + "\n"


def _description(model: type[BaseModel], name: str, info: FieldInfo) -> str:
    if not info.description:
        raise ValueError(f"{model.__name__}.{name} has no Field(description=...)")
    return info.description.replace("|", "\\|")


def _required(info: FieldInfo) -> str:
    if info.is_required():
        return "yes, one or more" if any(isinstance(m, MinLen) for m in info.metadata) else "yes"
    default = info.get_default(call_default_factory=True)
    if default in (None, [], False):
        return ""
    return f"default `{default}`"


def type_name(hint: Any) -> str:
    """How the docs call a field's type: `list of [participant](#participant)`, `country code`."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return " or ".join(type_name(a) for a in args if a is not type(None))
    if typing.get_origin(hint) is list:
        return f"list of {type_name(args[0])}"
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        name = model_title(hint).lower()
        return f"[{name}](#{'dates' if hint is facts.When else name})"
    for known, name in TYPE_NAMES:
        if hint == known:
            return name
    raise ValueError(f"no name for the type {hint!r}: add it to TYPE_NAMES")


def model_title(model: type[BaseModel]) -> str:
    return "Date" if model is facts.When else model.__name__


# The parts of a record, in the order the record's fields name them (the date has its own section).
PARTS: list[type[BaseModel]] = [
    facts.Place,
    facts.Participant,
    facts.Organisation,
    facts.Source,
    facts.Evidence,
]


def record_parts() -> str:
    """A section per part of a record (place, participant, …): its docstring and its fields."""
    return "\n".join(
        f"### {model_title(model)}\n\n{_docstring(model)}\n\n{fields_table(model)}"
        for model in PARTS
    )


def _docstring(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or "").split())


VOCABULARIES: list[tuple[str, Mapping[str, vocabulary.Label | vocabulary.Topic]]] = [
    ("Kinds", vocabulary.KINDS),
    ("Statuses", vocabulary.STATUSES),
    ("Roles", vocabulary.ROLES),
    ("Precisions", vocabulary.PRECISIONS),
    ("Topics", vocabulary.TOPICS),
]


def vocabularies() -> str:
    """A section per vocabulary (kinds, statuses, roles, precisions, topics) with its table."""
    return "\n".join(f"### {title}\n\n{vocabulary_table(labels)}" for title, labels in VOCABULARIES)


def vocabulary_table(labels: Mapping[str, vocabulary.Label | vocabulary.Topic]) -> str:
    """A vocabulary as a Markdown table: key, English and Vietnamese labels (and description)."""
    topics = any(isinstance(label, vocabulary.Topic) for label in labels.values())
    head = "| key | English | Vietnamese |" + (" what it covers |" if topics else "")
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for key, label in labels.items():
        row = f"| `{key}` | {label.en} | {label.vi} |"
        rows.append(row + (f" {label.description} |" if topics else ""))
    return "\n".join(rows) + "\n"


# The seed article's page: it names the publisher, as a reader's --url would.
SEED_URL = (
    "https://www.vietnamplus.vn/"
    "thuc-day-hop-tac-an-ninh-va-thuc-thi-phap-luat-giua-viet-nam-va-my-post1060203.vnp"
)


def draft_example(article: str, *slugs: str) -> str:
    """The draft records `timeline extract` writes for some engagements of a seed article (a path
    from the repository root), as a YAML block."""
    from timeline.extract import extract, render_yaml  # here: only this example needs it

    path = Path(article)
    draft = extract(
        path.read_text(encoding="utf-8"),
        published=date(2025, 9, 6),
        url=SEED_URL,
        document=path.stem,
    )
    records = [r for r in draft.records if r.record["slug"] in slugs]
    missing = set(slugs) - {r.record["slug"] for r in records}
    if missing:
        raise ValueError(f"{article}: the extractor drafts no record {', '.join(sorted(missing))}")
    return f"```yaml\n{render_yaml(records)}```\n"


def country_counts() -> str:
    """How many country codes the vocabulary holds: current and former states, and the side of
    international organisations."""
    current = len(all_countries())
    former = len(all_countries(historical=True)) - current
    bodies = len(all_countries(historical=True, international=True)) - current - former
    return (
        f"The vocabulary holds {current + former + bodies} codes: {current} countries and "
        f"territories of ISO 3166-1, {former} former states and `INT` for international "
        "organisations.\n"
    )
