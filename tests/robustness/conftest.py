"""Helpers for the robustness tests: a small synthetic corpus and subprocess runs of the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dyads.store import TABLES

#: Sentences for small corpora: enough variety for actors, relations and several stories.
SENTENCES = [
    "Iran has supplied the Houthis with drones and missiles, officials said.",
    "Saudi Arabia bombed Houthi positions near Sanaa on Monday.",
    "Russia sent Wagner fighters to support the junta in Mali.",
    "Qatar hosts the political bureau of Hamas in Doha.",
    "Turkey attacked YPG positions in northern Syria, the ministry said.",
    "The United Arab Emirates armed Khalifa Haftar's forces in eastern Libya.",
    "Rwanda has backed the M23 rebels in eastern Congo, a UN report found.",
    "Hezbollah fired rockets at Israel after the strike on Beirut.",
    "Pakistan accused the Afghan Taliban of sheltering TTP fighters.",
    "Egypt and the UAE cooperated with Haftar against the Tripoli government.",
]


def write_corpus(folder: Path, n_docs: int, seed: int = 0) -> Path:
    """``n_docs`` short articles, one JSONL file; each document a different mix of sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n_docs):
            k = 3 + (i + seed) % 4
            sents = [SENTENCES[(i * 7 + j * 3 + seed) % len(SENTENCES)] for j in range(k)]
            text = f"Report {i} from the region. " + " ".join(sents)
            f.write(json.dumps({"id": f"d{i:04d}", "text": text}) + "\n")
    return path


def dyads_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "dyads", *args]


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env


def run_dyads(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        dyads_cmd(*args), capture_output=True, text=True, env=env or child_env(), timeout=timeout
    )


def table_rows(db: Path) -> dict[str, object]:
    """Every table's row count, plus the keys that must match exactly between two runs."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, object] = {
            name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]  # type: ignore[index]
            for name in TABLES
        }
        out["documents.keys"] = con.execute(
            "SELECT id, story_id FROM documents ORDER BY id"
        ).fetchall()
        out["relations.ids"] = [
            r[0] for r in con.execute("SELECT id FROM relations ORDER BY id").fetchall()
        ]
        out["mentions.keys"] = con.execute(
            'SELECT doc_id, start, "end", actor_id FROM mentions ORDER BY ALL'
        ).fetchall()
        out["actors.ids"] = [
            r[0] for r in con.execute("SELECT id FROM actors ORDER BY id").fetchall()
        ]
    finally:
        con.close()
    return out


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_corpus(folder, 40)
    return folder
