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
from pathlib import Path

from dyads.analysis.timefilter import NO_FILTER, TimeFilter
from dyads.errors import QueryError
from dyads.export import csvfiles, gexf, graphml, jsonl, neo4j, parquet, plover
from dyads.export.tables import ExportOptions
from dyads.store import Store

Writer = Callable[[Store, Path, ExportOptions], list[Path]]


@dataclass(frozen=True)
class Format:
    write: Writer
    default: str  # default output path
    help: str
    directory: bool  # the output is a directory of files


FORMATS: dict[str, Format] = {
    "jsonl": Format(
        jsonl.write,
        "dyads-relations.jsonl",
        "one JSON record per claim, actors and document inline",
        False,
    ),
    "csv": Format(
        csvfiles.write,
        "dyads-csv",
        "actors.csv, relations.csv (one row per claim), documents.csv",
        True,
    ),
    "parquet": Format(
        parquet.write, "dyads-parquet", "actors, relations, documents as Parquet files", True
    ),
    "graphml": Format(
        graphml.write,
        "dyads.graphml",
        "aggregated dyads as a GraphML multigraph (Gephi, networkx)",
        False,
    ),
    "gexf": Format(
        gexf.write, "dyads.gexf", "aggregated dyads as a GEXF multigraph (Gephi, networkx)", False
    ),
    "neo4j": Format(
        neo4j.write, "dyads-neo4j", "CSV files and import.sh for neo4j-admin database import", True
    ),
    "plover": Format(
        plover.write, "dyads-plover.json", "PLOVER-style event records (JSON array)", False
    ),
}


def export(
    store: Store,
    fmt: str,
    path: str | Path | None = None,
    *,
    roll_up: bool = False,
    time: TimeFilter = NO_FILTER,
) -> list[Path]:
    """Write the store in format ``fmt`` to ``path`` (default: the format's default name)."""
    if fmt not in FORMATS:
        raise QueryError(
            f"unknown export format {fmt!r}; choose one of {', '.join(sorted(FORMATS))}"
        )
    spec = FORMATS[fmt]
    out = Path(path) if path is not None else Path(spec.default)
    if spec.directory:
        out.mkdir(parents=True, exist_ok=True)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
    return spec.write(store, out, ExportOptions(roll_up=roll_up, time=time))


__all__ = ["FORMATS", "ExportOptions", "Format", "export"]
