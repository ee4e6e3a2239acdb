"""``dyads spark ingest``: the ingest on Apache Spark (dyads.spark), into a folder of Parquet
tables that ``--db`` reads."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dyads.cli import terminal
from dyads.cli.app import EXIT_PARTIAL, handle_errors, main, print_json
from dyads.cli.pipeline_cmds import fields_options, follow_links_opt, gazetteer_opt, lexicon_opt
from dyads.settings import Settings
from dyads.sources import RecordFields

# pyspark is imported inside the command: ``dyads --help`` never loads it.


@main.group(name="spark")
def spark_group() -> None:
    """Run the pipeline on Apache Spark (needs: pip install 'dyads[spark]', and Java 17)."""


@spark_group.command(name="ingest")
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True)
@click.argument("output")
@click.option(
    "--master",
    default=None,
    help="Spark master URL (local[2], spark://host:7077, yarn); default: the one spark-submit "
    "sets, else local[*].",
)
@click.option(
    "--partitions",
    type=click.IntRange(1),
    default=None,
    help="Tasks that parse (default: Spark's default parallelism, one per core).",
)
@gazetteer_opt
@lexicon_opt
@fields_options
@follow_links_opt
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handle_errors
def spark_ingest_cmd(
    inputs: tuple[str, ...],
    output: str,
    master: str | None,
    partitions: int | None,
    gazetteers: tuple[Path, ...],
    lexicons: tuple[Path, ...],
    fields: RecordFields,
    follow_links: bool | None,
    as_json: bool,
) -> None:
    """Ingest files and folders on Spark into OUTPUT, a folder of Parquet tables (replaced if it
    exists): OUTPUT/documents/, OUTPUT/relations/, ... with the store's schema. Read it with
    --db OUTPUT. Text, HTML, JSONL, CSV and Parquet files, as 'dyads ingest' reads them; every
    executor must see the INPUT paths (a shared file system on a cluster). Bad files and records
    are reported one line each and kept in OUTPUT/errors/; the others are stored. Exit code 1 if
    any failed.
    """
    try:
        from dyads.spark import spark_ingest
    except ImportError as err:
        raise click.ClickException(
            f"Spark ingest needs the spark extra ({err.name} is missing): "
            "pip install 'dyads[spark]'"
        ) from err
    settings = Settings().with_(
        gazetteers=tuple(gazetteers), lexicons=tuple(lexicons), follow_links=follow_links
    )
    report = spark_ingest(
        inputs, output, settings, master=master, partitions=partitions, fields=fields
    )
    for line in report.error_lines:
        terminal.echo(f"dyads: {line}", err=True)
    for path, message in report.warning_lines:
        terminal.echo(f"dyads: warning: {path}: {message}", err=True)
    hidden = report.errors - len(report.error_lines)
    if hidden > 0:
        terminal.echo(f"dyads: ... and {hidden} more errors in {output}/errors/", err=True)
    summary = {
        "output": output,
        "tables": report.counts,
        "errors": report.errors,
        "warnings": report.warnings,
        "startup_seconds": round(report.startup, 2),
        "seconds": {k: round(v, 2) for k, v in report.seconds.items()},
    }
    if as_json:
        print_json(summary)
    else:
        c = report.counts
        terminal.echo(
            f"ingested {c.get('documents', 0)} documents ({report.errors} errors) on Spark into "
            f"{output}: {c.get('actors', 0)} actors, {c.get('relations', 0)} relations; read it "
            f"with --db {output}"
        )
    if report.failed:
        sys.exit(EXIT_PARTIAL)
