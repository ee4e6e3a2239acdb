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
from dyads.errors import DyadsError

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
        type=click.Path(dir_okay=False, path_type=Path),
        default=Path("dyads.duckdb"),
        show_default=True,
        envvar="DYADS_DB",
        help="DuckDB database file.",
    )(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")(f)


def rollup_option(f: F) -> F:
    return click.option(
        "--roll-up",
        "roll_up",
        is_flag=True,
        help="Count an agency's, military's or government's evidence for its state.",
    )(f)


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


def handle_errors(f: F) -> F:
    """Turn library errors into one line on stderr and exit code 2."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except DyadsError as err:
            click.echo(f"dyads: {err}", err=True)
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]


def console() -> Console:
    from rich.console import Console  # imported on first output: --help and --version skip it

    return Console(soft_wrap=False, highlight=False)


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_default))


def _default(o: Any) -> Any:
    if isinstance(o, set | frozenset | tuple):
        return sorted(o) if isinstance(o, set | frozenset) else list(o)
    return str(o)


def print_table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console().print(table)
