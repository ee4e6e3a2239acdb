"""GEXF (Gephi, networkx ``read_gexf``): see :func:`dyads.export.graphs.export_graph`."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from dyads.export.graphs import export_graph
from dyads.export.tables import ExportOptions
from dyads.store import Store


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    nx.write_gexf(export_graph(store, opts), path)
    return [path]
