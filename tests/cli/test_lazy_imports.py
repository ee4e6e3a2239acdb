"""Commands that only read a store never import spaCy (importing it costs 1-3 s).

Each command runs in-process, in a fresh interpreter (the test session has spaCy loaded), and
``sys.modules`` is checked after it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from dyads.ingest import IngestReport

READ_COMMANDS = [
    ["--version"],
    ["--help"],
    ["dyad", "--help"],
    ["serve", "--help"],
    ["actors"],
    ["actor", "IRGC"],
    ["relations", "--type", "SUPPORTS"],
    ["dyad", "Iran", "Houthis"],
    ["supporters", "Houthis"],
    ["supported-by", "Iran"],
    ["leaders", "Hezbollah"],
    ["leverage", "Iran", "Houthis"],
    ["path", "Iran", "Houthis"],
    ["top"],
    ["ask", "Who supports the Houthis?"],
    ["docs"],
    ["export", "--format", "jsonl", "-o", "{out}/x.jsonl"],
    ["export", "--format", "graphml", "-o", "{out}/x.graphml"],
    ["export", "--format", "graphrag", "-o", "{out}/graphrag"],
]

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from click.testing import CliRunner
    from dyads.cli import main
    heavy = ("spacy", "thinc", "trafilatura", "ftfy", "wordfreq")
    # --help and --version (0.3 s at most) load no store, no graph library either
    light = heavy + ("duckdb", "pyarrow", "networkx", "numpy", "rich.table")
    out = []
    for args in json.loads(sys.argv[1]):
        res = CliRunner().invoke(main, args)
        banned = light if args[-1] in ("--help", "--version") else heavy
        out.append({"args": args, "code": res.exit_code, "output": res.output[-300:],
                    "loaded": [m for m in banned if m in sys.modules]})
    print(json.dumps(out))
    """
)


def test_store_commands_never_import_spacy(
    samples_db: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    db = str(samples_db[0])
    commands = [
        [a.format(out=tmp_path) for a in args]
        + ([] if args[-1] in ("--help", "--version") else ["--db", db])
        for args in READ_COMMANDS
    ]
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(commands)],
        capture_output=True,
        text=True,
        check=True,
    )
    results = json.loads(proc.stdout)
    for r in results:
        assert r["code"] == 0, r
        assert r["loaded"] == [], f"dyads {' '.join(r['args'])} imported {r['loaded']}"
