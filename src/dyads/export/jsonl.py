"""JSON Lines: one claim per line, with both actors and the document inline."""

from __future__ import annotations

import json
from pathlib import Path

from dyads.export.tables import ExportOptions, claims_sql
from dyads.store import Store


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    actors = {r["id"]: r for r in store.query("SELECT id, name, type, country, parent FROM actors")}
    sql, params = claims_sql(store, opts)
    cur = store.con.execute(sql, params)
    cols = [d[0] for d in cur.description or []]
    with path.open("w", encoding="utf-8") as f:
        while rows := cur.fetchmany(10_000):
            for row in rows:
                r = dict(zip(cols, row, strict=True))
                rec = {
                    "id": r["id"],
                    "relation": r["relation"],
                    "source": actors.get(r["source_id"], {"id": r["source_id"]})
                    | {"rollup": r["source_rollup"]},
                    "target": actors.get(r["target_id"], {"id": r["target_id"]})
                    | {"rollup": r["target_rollup"]},
                    "kinds": list(r["kinds"] or []),
                    "role": r["role"],
                    "date": r["date"],
                    "modality": r["modality"],
                    "polarity": r["polarity"],
                    "counted": r["counted"],
                    "attributed_to": r["attributed_to"],
                    "confidence": r["confidence"],
                    "evidence": {
                        "sentence": r["evidence"],
                        "doc": r["doc_id"],
                        "index": r["sentence"],
                        "start": r["start"],
                        "end": r["end"],
                    },
                    "document": {
                        "id": r["doc_id"],
                        "story_id": r["story_id"],
                        "date": r["doc_date"],
                        "outlet": r["outlet"],
                        "title": r["title"],
                        "url": r["url"],
                        "path": r["path"],
                    },
                }
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return [path]
