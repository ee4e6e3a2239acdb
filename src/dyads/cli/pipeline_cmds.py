"""Commands that run the pipeline: extract, ingest."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dyads.cli import terminal
from dyads.cli.app import EXIT_PARTIAL, db_option, handle_errors, main, print_json, print_table
from dyads.errors import SourceError
from dyads.records import Document, ProcessedDocument
from dyads.settings import Settings

if TYPE_CHECKING:
    from dyads.sources import RecordFields

# The pipeline (spaCy) is imported inside the commands that run it: --help, --version and the
# commands that read a store never load it (tests/cli/test_lazy_imports.py).

paths_arg = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
gazetteer_opt = click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra gazetteer YAML file (repeatable).",
)
lexicon_opt = click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra relation lexicon YAML file (repeatable).",
)
workers_opt = click.option(
    "-j",
    "--workers",
    "n_process",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes for parsing (default: one per core; 1 when the documents fit in one "
    f"batch of {Settings().docs_per_batch}).",
)


def fields_options(f: Any) -> Any:
    """--text-field, --id-field, --date-field, --title-field, handed to the command as one
    ``fields: RecordFields``."""
    import functools

    @functools.wraps(f)
    def wrapper(
        *args: Any,
        text_field: str | None,
        id_field: str,
        date_field: str,
        title_field: str,
        **kwargs: Any,
    ) -> Any:
        from dyads.sources import RecordFields

        fields = RecordFields(text=text_field, id=id_field, date=date_field, title=title_field)
        return f(*args, fields=fields, **kwargs)

    out: Any = wrapper
    for name, default, what in reversed(
        (
            ("text", None, "the article text (default: text, body or content)"),
            ("id", "id", "the document id (default: id; else a hash of the text)"),
            ("date", "date", "the publication date (default: date)"),
            ("title", "title", "the title (default: title)"),
        )
    ):
        out = click.option(
            f"--{name}-field",
            f"{name}_field",
            metavar="NAME",
            default=default,
            help=f"JSONL/CSV field holding {what}.",
        )(out)
    return out


#: Documents between two progress lines when stderr is not a terminal (a log, CI).
PROGRESS_EVERY = 1000


@contextmanager
def _progress(total: int, silent: bool, every: int) -> Iterator[Callable[[int], None]]:
    """A function to call with the number of documents just done: it moves a bar with a total
    and an ETA on a terminal, prints a line every ``every`` documents to any other stderr, and
    does nothing when ``silent``. The bar shows at once, before the model loads."""
    if silent:
        yield lambda n: None
        return
    if sys.stderr.isatty():
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        with Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            transient=True,
        ) as bar:
            task = bar.add_task("ingest", total=total)
            yield lambda n: bar.advance(task, n)
        return
    click.echo(f"dyads: ingesting {total:,} documents", err=True)
    start = time.monotonic()
    done = 0

    def line(n: int) -> None:
        nonlocal done
        before, done = done, done + n
        if done // every == before // every and done != total:
            return
        spent = time.monotonic() - start
        left = spent / done * (total - done) if done and total >= done else None
        click.echo(
            f"dyads: ingested {done:,} of {total:,} documents ({done / max(total, 1):.0%}), "
            f"{_clock(spent)} elapsed"
            + (f", about {_clock(left)} left" if left is not None else ""),
            err=True,
        )

    yield line


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


follow_links_opt = click.option(
    "--follow-links",
    is_flag=True,
    default=None,
    help="Read what symbolic links in a folder point to outside it (skipped by default).",
)


def _settings(
    gazetteers: tuple[Path, ...], lexicons: tuple[Path, ...], n_process: int | None
) -> Settings:
    return Settings().with_(
        gazetteers=tuple(gazetteers), lexicons=tuple(lexicons), n_process=n_process
    )


def _report_error(err: SourceError) -> None:
    terminal.echo(f"dyads: {err}", err=True)


def _report_warning(path: str, message: str) -> None:
    terminal.echo(f"dyads: warning: {path}: {message}", err=True)


batch_opt = click.option(
    "--batch-docs",
    "docs_per_batch",
    type=click.IntRange(1, 100_000),
    default=None,
    envvar="DYADS_BATCH",
    hidden=True,
    help="Documents per batch and transaction (setting docs_per_batch).",
)


@main.command()
@paths_arg
@gazetteer_opt
@lexicon_opt
@workers_opt
@fields_options
@follow_links_opt
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write JSON Lines here instead of stdout.",
)
@handle_errors
def extract(
    paths: tuple[Path, ...],
    gazetteers: tuple[Path, ...],
    lexicons: tuple[Path, ...],
    n_process: int | None,
    fields: RecordFields,
    follow_links: bool | None,
    output: Path | None,
) -> None:
    """Print relation records as JSON Lines (no database needed).

    PATHS are files or folders of .txt, .html, .jsonl and .csv articles.
    """
    from dyads.pipeline import Pipeline
    from dyads.sources import read_paths

    settings = _settings(gazetteers, lexicons, n_process).with_(follow_links=follow_links)
    pipe = Pipeline(settings)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    failed = False
    read = read_paths(
        paths,
        _report_warning,
        fields,
        follow_links=settings.follow_links,
        max_file_bytes=settings.max_file_bytes,
    )
    try:
        for item in pipe.run(read):
            if isinstance(item, SourceError):
                _report_error(item)
                failed = True
                continue
            assert isinstance(item, ProcessedDocument)
            if len(item.document.text) > settings.max_chars:
                _report_warning(
                    item.document.path or item.document.id,
                    f"text is {len(item.document.text):,} characters; only the first "
                    f"{settings.max_chars:,} are parsed (setting max_chars)",
                )
            for rel in item.relations:
                out.write(json.dumps(rel.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    if failed:
        sys.exit(EXIT_PARTIAL)


@main.command(name="ingest")
@paths_arg
@db_option
@gazetteer_opt
@lexicon_opt
@workers_opt
@fields_options
@batch_opt
@follow_links_opt
@click.option(
    "--story-window",
    type=click.IntRange(1),
    default=None,
    help="Compare each document with the latest N for copies (default 100,000; <1 kB each).",
)
@click.option("--profile", is_flag=True, help="Print seconds spent per pipeline stage.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or progress lines.")
@click.option(
    "--progress-every",
    type=click.IntRange(1),
    default=PROGRESS_EVERY,
    show_default=True,
    help="When stderr is not a terminal, a progress line every N documents.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handle_errors
def ingest_cmd(
    paths: tuple[Path, ...],
    db: Path,
    gazetteers: tuple[Path, ...],
    lexicons: tuple[Path, ...],
    n_process: int | None,
    fields: RecordFields,
    docs_per_batch: int | None,
    follow_links: bool | None,
    story_window: int | None,
    profile: bool,
    quiet: bool,
    progress_every: int,
    as_json: bool,
) -> None:
    """Store documents, sentences, mentions, actors and relations in DuckDB.

    Files that cannot be read are reported one line each; the others are stored. Re-running on
    the same files stores nothing twice; a file (or JSONL/CSV record) whose text changed
    replaces its old document. Each batch of documents is one transaction: after a
    crash, run the same command again to finish. Ctrl-C stops after the current batch (exit code
    130). Exit code 1 if any file or record failed (warnings, such as a truncated text, do not
    count).
    """
    from dyads.ingest import ingest
    from dyads.sources import count_documents

    settings = _settings(gazetteers, lexicons, n_process).with_(
        docs_per_batch=docs_per_batch, story_window=story_window, follow_links=follow_links
    )
    total = count_documents(
        paths, follow_links=settings.follow_links
    )  # cheap next to parsing: the progress gets a total and an ETA
    with _progress(total, quiet or as_json, progress_every) as advance:
        report = ingest(
            paths,
            db,
            settings,
            on_error=_report_error,
            on_warning=_report_warning,
            progress=advance,
            fields=fields,
        )
    summary = {
        "database": str(db),
        "documents_read": report.documents_read,
        "documents_written": report.documents_written,
        "documents_skipped": report.documents_skipped,
        "documents_replaced": report.documents_replaced,
        "relations_extracted": report.relations,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "interrupted": report.interrupted,
        "store": report.counts,
    }
    prof = _profile(report.timings)
    if profile:
        summary["profile"] = prof
    if as_json:
        print_json(summary)
    else:
        c = report.counts
        replaced = (
            f"{report.documents_replaced} replaced an edited version, "
            if report.documents_replaced
            else ""
        )
        terminal.echo(
            f"ingested {report.documents_written} new documents ({replaced}"
            f"{report.documents_skipped} already stored, {len(report.errors)} errors) into {db}; "
            f"store: {c.get('documents', 0)} documents, {c.get('actors', 0)} actors, "
            f"{c.get('relations', 0)} relations"
        )
        if report.interrupted:
            click.echo(
                "interrupted: stopped after the last complete batch; run again to resume", err=True
            )
        if profile:
            rows = prof["stages"]
            title = (
                f"time per stage: {prof['words']} words in {prof['wall_seconds']:.1f} s "
                f"({prof['words_per_second']:.0f} words/s)"
            )
            if prof["processes"] > 1:
                title += f"; repair to relations summed over {prof['processes']} workers"
            print_table(
                title,
                ["stage", "seconds", "share"],
                [(r["stage"], f"{r['seconds']:.2f}", f"{r['share']:.0%}") for r in rows],
            )
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if report.failed:
        sys.exit(EXIT_PARTIAL)


#: Exit code after Ctrl-C (128 + SIGINT, as shells report it): the stored batches are complete.
EXIT_INTERRUPTED = 130


def _profile(t: object) -> dict[str, Any]:
    """Seconds per stage and their share of all stage seconds; words per second of wall time.

    With worker processes the stages repair..relations run in parallel and their seconds are
    summed over the workers, so the shares say where the CPU goes, not what the wall time was.
    """
    from dyads.pipeline import STAGES, Timings

    assert isinstance(t, Timings)
    total = sum(t.seconds.values()) or 1e-9
    wall = t.wall or total
    stages = [
        {
            "stage": s,
            "seconds": round(t.seconds.get(s, 0.0), 3),
            "share": t.seconds.get(s, 0.0) / total,
        }
        for s in STAGES
    ]
    return {
        "stages": stages,
        "words": t.words,
        "wall_seconds": round(wall, 3),
        "processes": t.processes,
        "words_per_second": t.words / wall,
    }


__all__ = ["Document", "extract", "ingest_cmd"]
