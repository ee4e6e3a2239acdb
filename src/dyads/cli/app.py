"""The click group, shared options and output helpers."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from dyads import __version__
from dyads.cli import terminal
from dyads.errors import DyadsError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes: 0 ok, 1 some input failed, 2 usage or data error (nothing done).
EXIT_PARTIAL = 1
EXIT_ERROR = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dyads")
def main() -> None:
    """dyads: evidence-linked networks of political and armed actors from news and analysis.

    Ingest a folder of articles, then ask who supports, arms, funds, trains, shelters, leads or
    attacks whom, with the sentences that say so.
    """


def db_option(f: F) -> F:
    return click.option(
        "--db",
        type=click.Path(path_type=Path),
        default=Path("dyads.duckdb"),
        show_default=True,
        envvar="DYADS_DB",
        help="DuckDB database file, or a folder of Parquet tables (dyads spark ingest).",
    )(f)


def json_option(f: F) -> F:
    """``--json``, ``--csv`` and ``--nl``, handed to the command as ``out``: None for the table
    people read (the default), else the machine format: one JSON document, or the command's rows
    as CSV or JSON Lines (flattened by :func:`flat_rows`), like sqlite-utils."""
    out: Any = f
    out = click.option(
        "--nl", "out", flag_value="nl", help="Print the rows as JSON Lines (one object a line)."
    )(out)
    out = click.option("--csv", "out", flag_value="csv", help="Print the rows as CSV.")(out)
    out = click.option("--json", "out", flag_value="json", help="Print JSON for machines.")(out)
    return out


def print_data(out: str, data: Any, rows: Sequence[dict[str, Any]] | None = None) -> None:
    """``data`` as one JSON document, or ``rows`` (default: ``data`` itself) as CSV or JSON Lines."""
    if out == "json":
        print_json(data)
        return
    records = flat_rows(data if rows is None else rows)
    if out == "nl":
        for rec in records:
            click.echo(
                json.dumps(rec, ensure_ascii=False, default=_default).translate(_JSON_UNSAFE)
            )
        return
    import csv
    import io

    fields: dict[str, None] = {}
    for rec in records:
        fields.update(dict.fromkeys(rec))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    click.echo(terminal.printable(buf.getvalue()), nl=False)


def flat_rows(rows: Any) -> list[dict[str, Any]]:
    """Rows for CSV and JSON Lines: lists of scalars joined with ``;``, nested values as JSON."""
    out = []
    for row in rows:
        rec = {}
        for k, v in row.items():
            if isinstance(v, list | tuple | set | frozenset) and all(
                not isinstance(x, dict | list) for x in v
            ):
                v = ";".join(str(x) for x in (sorted(v) if isinstance(v, set | frozenset) else v))
            elif isinstance(v, dict | list):
                v = json.dumps(v, ensure_ascii=False, default=_default)
            rec[k] = v
        out.append(rec)
    return out


def rollup_option(f: F) -> F:
    return click.option(
        "--roll-up/--no-roll-up",
        "roll_up",
        default=True,
        show_default=True,
        help="Count an agency's, military's or government's evidence for its state "
        "(--no-roll-up: show them apart).",
    )(f)


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 story``, ``2 stories``: ``nouns`` defaults to ``noun + 's'``."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


def time_options(f: F) -> F:
    """--since, --until, --as-of (dates like 2015, 2023-03, 2024-02-15 or 1990s), handed to the
    command as one ``time: TimeFilter``; a date that cannot be read is a one-line error."""

    @handle_errors
    @functools.wraps(f)
    def wrapper(
        *args: Any, since: str | None, until: str | None, as_of: str | None, **kwargs: Any
    ) -> Any:
        from dyads.analysis.timefilter import TimeFilter  # on use: --help stays light

        return f(*args, time=TimeFilter(since=since, until=until, as_of=as_of), **kwargs)

    out: Any = wrapper
    out = click.option("--as-of", "as_of", metavar="DATE", help="Only what was published by DATE.")(
        out
    )
    out = click.option("--until", metavar="DATE", help="Only claims about DATE or earlier.")(out)
    out = click.option(
        "--since", metavar="DATE", help="Only claims about DATE or later (2015, 2023-03, 1990s)."
    )(out)
    return out


class OneLineUsage(click.ClickException):
    """A bad option value shown as one coded line (click's usage errors print three)."""

    exit_code = EXIT_ERROR

    def show(self, file: Any = None) -> None:
        terminal.echo(f"dyads: {self.message}", err=True)


class Count(click.ParamType):
    """A whole number, 0 or more: counts and limits (where the help says so, 0 means all)."""

    name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            n = int(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a whole number", param, ctx)
        if n < 0:
            opt = "/".join(param.opts) if param is not None else "the value"
            raise OneLineUsage(str(UsageError(f"{opt} must be 0 or more, got {n}")))
        return n


COUNT = Count()


def handle_errors(f: F) -> F:
    """Turn library errors into one line on stderr and exit code 2."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except DyadsError as err:
            terminal.echo(f"dyads: {err}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]


def console(width: int | None = None) -> Console:
    """The console every command prints with: control characters in any text are escaped
    (dyads.cli.terminal); rich is imported on first output: --help and --version skip it."""
    return terminal.console(soft_wrap=False, highlight=False, width=width)


#: JSON escapes C0 controls itself; C1 controls (8-bit CSI, OSC) and lone surrogates it leaves raw.
_JSON_UNSAFE = {c: f"\\u{c:04x}" for c in (*range(127, 160), *range(0xD800, 0xE000))}


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_default)
    click.echo(text.translate(_JSON_UNSAFE))  # only strings can hold them: still valid JSON


def _default(o: Any) -> Any:
    if isinstance(o, set | frozenset | tuple):
        return sorted(o) if isinstance(o, set | frozenset) else list(o)
    return str(o)


def print_table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A table whose cells are plain text (never markup). Piped (stdout not a terminal), it is as
    wide as its widest cells, one line per row: rich would otherwise assume 80 columns and cut
    words in two; on a terminal it wraps cells at spaces to fit."""
    from rich.table import Table
    from rich.text import Text

    cells = [["" if v is None else terminal.printable(str(v)) for v in row] for row in rows]
    title = title and terminal.printable(title)
    table = Table(title=title and Text(title), show_lines=False, header_style="bold")
    natural = 1
    for i, col in enumerate(columns):
        table.add_column(Text(col), overflow="fold")
        natural += 3 + max([len(col)] + [len(line) for r in cells for line in r[i].splitlines()])
    for row in cells:
        table.add_row(*(Text(v) for v in row))
    c = console()
    if not c.is_terminal and c.width < natural:
        c = console(width=natural)
    c.print(table)
