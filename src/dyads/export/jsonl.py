"""JSON Lines: one relation record per line (the shape ``dyads extract`` prints), with the
exports' additions: each side's ``rollup``, ``counted``, ``evidence.index``, ``cue`` and the
``document``."""

from __future__ import annotations

import json
from pathlib import Path

from dyads.export.records import Nester
from dyads.export.tables import ExportOptions, claims_sql
from dyads.store import Store


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    sql, params = claims_sql(store, opts)
    cur = store.con.cursor()  # its own result set: the store's may hold an unfinished one
    cur.execute(sql, params)
    nest = Nester(tuple(d[0] for d in cur.description or []))
    with path.open("w", encoding="utf-8") as f:
        while rows := cur.fetchmany(10_000):
            f.writelines(json.dumps(nest(row), ensure_ascii=False) + "\n" for row in rows)
    cur.close()
    return [path]
