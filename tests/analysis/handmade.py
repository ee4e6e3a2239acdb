"""Small hand-built stores for exact-logic tests (no spaCy, no ingest)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import count
from pathlib import Path
from typing import Any

from dyads.store import Store

#: A small hierarchy: quds-force -> irgc -> iran.military -> iran; isi -> pakistan.military -> pakistan.
ACTORS: list[tuple[str, str, str, str | None]] = [
    ("iran", "Iran", "state", None),
    ("iran.government", "Government of Iran", "government", "iran"),
    ("iran.military", "Iranian military", "military", "iran"),
    ("irgc", "Islamic Revolutionary Guard Corps", "military", "iran.military"),
    ("quds-force", "Quds Force", "military", "irgc"),
    ("pakistan", "Pakistan", "state", None),
    ("pakistan.government", "Government of Pakistan", "government", "pakistan"),
    ("pakistan.military", "Pakistan Armed Forces", "military", "pakistan"),
    ("isi", "Inter-Services Intelligence", "intelligence_agency", "pakistan.military"),
    ("houthis", "Houthis", "armed_group", None),
    ("hamas", "Hamas", "armed_group", None),
    ("qassam-brigades", "Izz ad-Din al-Qassam Brigades", "armed_group", "hamas"),
    ("taliban", "Taliban", "armed_group", None),
    ("saudi-arabia", "Saudi Arabia", "state", None),
    ("sanaa", "Sanaa", "location", None),
    ("leader-x", "Leader X", "person", None),
]

_ids = count(1)


def rel(
    source: str,
    relation: str,
    target: str,
    doc: str,
    *,
    kinds: Iterable[str] = (),
    modality: str = "asserted",
    polarity: str = "affirmed",
    date: str | None = None,
    attributed_to: str | None = None,
    evidence: str | None = None,
    confidence: float = 0.8,
    role: str | None = None,
) -> dict[str, Any]:
    n = next(_ids)
    return {
        "id": f"r{n}",
        "relation": relation,
        "source_id": source,
        "source_mention": source,
        "target_id": target,
        "target_mention": target,
        "kinds": list(kinds),
        "role": role,
        "date": date,
        "modality": modality,
        "polarity": polarity,
        "attributed_to": attributed_to,
        "doc_id": doc,
        "sentence": 0,
        "start": 10 * n,
        "end": 10 * n + 9,
        "evidence": evidence or f"{source} {relation.lower()} {target} ({n}).",
        "confidence": confidence,
        "cue": None,
    }


def make_store(
    path: Path,
    docs: Mapping[str, tuple[str | None, str | None]],
    rels: list[dict[str, Any]],
    actors: list[tuple[str, str, str, str | None]] | None = None,
) -> Path:
    """A store at ``path`` with ``docs`` ({id: (date, story_id)}), ``rels`` and ``actors``."""
    with Store(path) as store:
        con = store.con
        for aid, name, typ, parent in actors or ACTORS:
            con.execute(
                "INSERT INTO actors VALUES (?, ?, ?, NULL, ?, ?, 'gazetteer', false)",
                [aid, name, typ, parent, []],
            )
        for did, (date, story) in docs.items():
            con.execute(
                "INSERT INTO documents (id, path, title, date, outlet, story_id, text) VALUES (?, ?, ?, ?, ?, ?, '')",
                [did, f"{did}.txt", f"Title {did}", date, "Wire" if date else None, story],
            )
        cols = list(rels[0]) if rels else []
        for r in rels:
            con.execute(
                f"INSERT INTO relations ({', '.join(chr(34) + c + chr(34) for c in cols)}) VALUES ({', '.join('?' for _ in cols)})",
                [r[c] for c in cols],
            )
    return path
