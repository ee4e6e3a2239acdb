"""Exports of the network: relations, actors and evidence, in the formats of ``FORMATS``.

Each format is one module with one function ``write(store, path, options) -> list[Path]``.
:data:`FORMATS` is the registry: add an entry (name -> :class:`Format`) to plug in an exporter,
and ``dyads export --format NAME`` and :func:`export` will use it.

    from dyads.export import FORMATS, Format
    FORMATS["mine"] = Format(my_write, "mine.txt", "my format", directory=False)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from dyads.errors import QueryError
from dyads.export.output import check_output

if TYPE_CHECKING:
    from dyads.analysis.timefilter import TimeFilter
    from dyads.export.tables import ExportOptions
    from dyads.store import Store

Writer = Callable[["Store", Path, "ExportOptions"], list[Path]]


def _builtin(module: str) -> Writer:
    """The ``write`` of ``dyads.export.<module>``, imported when called: the CLI lists the formats
    without importing every exporter (networkx, the analysis modules)."""

    def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
        fn: Writer = import_module(f"dyads.export.{module}").write
        return fn(store, path, opts)

    write.__name__ = write.__qualname__ = f"{module}.write"
    return write


@dataclass(frozen=True)
class Format:
    write: Writer
    default: str  # default output path
    help: str
    directory: bool  # the output is a directory of files


FORMATS: dict[str, Format] = {
    "jsonl": Format(
        _builtin("jsonl"),
        "dyads-relations.jsonl",
        "one JSON record per claim, actors and document inline",
        False,
    ),
    "csv": Format(
        _builtin("csvfiles"),
        "dyads-csv",
        "actors.csv, relations.csv (one row per claim), documents.csv",
        True,
    ),
    "parquet": Format(
        _builtin("parquet"), "dyads-parquet", "actors, relations, documents as Parquet files", True
    ),
    "graphml": Format(
        _builtin("graphml"),
        "dyads.graphml",
        "aggregated dyads as a GraphML multigraph (Gephi, networkx)",
        False,
    ),
    "gexf": Format(
        _builtin("gexf"),
        "dyads.gexf",
        "aggregated dyads as a GEXF multigraph (Gephi, networkx)",
        False,
    ),
    "neo4j": Format(
        _builtin("neo4j"),
        "dyads-neo4j",
        "CSV files and import.sh for neo4j-admin database import",
        True,
    ),
    "plover": Format(
        _builtin("plover"), "dyads-plover.json", "PLOVER-style event records (JSON array)", False
    ),
    "graphrag": Format(
        _builtin("graphrag"),
        "dyads-graphrag",
        "GraphRAG-style Parquet tables: entities, relationships, text_units, covariates, documents",
        True,
    ),
}


def export(
    store: Store,
    fmt: str,
    path: str | Path | None = None,
    *,
    roll_up: bool = True,
    time: TimeFilter | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the store in format ``fmt`` to ``path`` (default: the format's default name).

    Raises :class:`~dyads.errors.OutputError`, before writing anything, if ``path`` is the store
    itself or another DuckDB database, or exists and ``force`` is not set (a non-empty directory,
    for the formats that write a directory), or is a directory where the format writes a file
    (or a file where it writes a directory)."""
    if fmt not in FORMATS:
        raise QueryError(
            f"unknown export format {fmt!r}; choose one of {', '.join(sorted(FORMATS))}"
        )
    spec = FORMATS[fmt]
    out = Path(path) if path is not None else Path(spec.default)
    check_output(out, directory=spec.directory, store=store.path, force=force)
    if spec.directory:
        out.mkdir(parents=True, exist_ok=True)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
    from dyads.analysis.timefilter import NO_FILTER
    from dyads.export.tables import ExportOptions

    return spec.write(store, out, ExportOptions(roll_up=roll_up, time=time or NO_FILTER))


def __getattr__(name: str) -> object:
    if name == "ExportOptions":  # re-exported, imported on first use
        from dyads.export.tables import ExportOptions

        return ExportOptions
    raise AttributeError(f"module 'dyads.export' has no attribute {name!r}")


__all__ = ["FORMATS", "ExportOptions", "Format", "export"]
