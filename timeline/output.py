"""The output formats of every command that prints rows, as sqlite-utils' command line has them:
`--json` (an array), `--nl` (a JSON object a line), `--csv`, `--tsv` and `--table` (aligned
text; `--fmt` picks another of tabulate's layouts), one at a time; `--no-headers` leaves the
header row out of CSV, TSV and tables. Without one, a command prints its own text.

JSON is written by sqlite-utils' `output_rows` (an array with a row a line, non-ASCII kept)
and tables by tabulate, as `sqlite-utils query` writes them; lists and objects in a cell of CSV,
TSV or a table are written as JSON."""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import click

FORMATS = ("json", "nl", "csv", "tsv", "table")
_HELP = {
    "json": "Output a JSON array.",
    "nl": "Output newline-delimited JSON: an object a line.",
    "csv": "Output CSV.",
    "tsv": "Output TSV.",
    "table": "Output an aligned table.",
}


@dataclass(frozen=True)
class Output:
    """The format asked for (None: the command's own text), tabulate's layout for tables, and
    whether CSV, TSV and tables start with a header row."""

    format: str | None = None
    fmt: str = "simple"
    headers: bool = True

    @property
    def is_json(self) -> bool:
        return self.format in ("json", "nl")


def chosen_output(flags: Mapping[str, bool], fmt: str | None, no_headers: bool) -> Output:
    """The one format of `flags` given (`--fmt` stands for `--table` in that layout); a usage
    error naming them when more than one is."""
    chosen = [name for name in FORMATS if flags.get(name)]
    if fmt is not None:
        import tabulate

        if fmt not in tabulate.tabulate_formats:
            raise click.UsageError(
                f"--fmt {fmt!r}: not a table format (one of {', '.join(tabulate.tabulate_formats)})"
            )
        if "table" not in chosen:
            chosen.append("table")
    if len(chosen) > 1:
        given = ", ".join("--fmt" if n == "table" and fmt else f"--{n}" for n in chosen)
        raise click.UsageError(f"{given}: use just one output format")
    return Output(chosen[0] if chosen else None, fmt or "simple", not no_headers)


def output_options(
    formats: Sequence[str] = FORMATS, *, into: str = "output"
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The output options of `formats` (and --fmt, --no-headers with tables or CSV); the command
    receives them as one `Output`, as its parameter `into`."""
    tabular = any(f in formats for f in ("csv", "tsv", "table"))

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def run(*args: Any, **kwargs: Any) -> Any:
            flags = {name: kwargs.pop(f"output_{name}") for name in formats}
            fmt = kwargs.pop("output_fmt", None)
            no_headers = kwargs.pop("output_no_headers", False)
            kwargs[into] = chosen_output(flags, fmt, no_headers)
            return command(*args, **kwargs)

        options = [
            click.option(f"--{name}", f"output_{name}", is_flag=True, help=_HELP[name])
            for name in formats
        ]
        if "table" in formats:
            options.append(
                click.option(
                    "--fmt",
                    "output_fmt",
                    metavar="FORMAT",
                    help="Output a table in this tabulate format (github, grid, latex, …).",
                )
            )
        if tabular:
            options.append(
                click.option(
                    "--no-headers",
                    "output_no_headers",
                    is_flag=True,
                    help="Leave the header row out of CSV, TSV and tables.",
                )
            )
        for option in reversed(options):
            run = option(run)
        return run

    return decorate


def echo_rows(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], output: Output) -> None:
    """Print `rows` (their `columns`, in that order) in the format of `output`, which is not the
    command's own text."""
    values = ([row.get(c) for c in columns] for row in rows)
    if output.is_json:
        from sqlite_utils.cli import output_rows

        nl = output.format == "nl"
        for line in output_rows(values, list(columns), nl, False, False):
            if not (nl and line == "[]"):  # output_rows' empty array: no line at all in NDJSON
                click.echo(line)
        return
    cells = ([_cell(v) for v in row] for row in values)
    if output.format in ("csv", "tsv"):
        out = sys.stdout
        writer = csv.writer(out, dialect="excel-tab" if output.format == "tsv" else "excel")
        if output.headers:
            writer.writerow(columns)
        writer.writerows(cells)
        out.flush()
        return
    import tabulate

    headers = list(columns) if output.headers else ()
    click.echo(tabulate.tabulate(list(cells), headers=headers, tablefmt=output.fmt))


def echo_json(data: Any) -> None:
    """One JSON document (a report, an object), indented, non-ASCII kept."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value
