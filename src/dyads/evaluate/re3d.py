"""The re3d development split: real documents annotated by defence analysts, kept beside the
repository (``../shared/benchmarks/re3d-dev/``, never inside it) with its own scorer.

Its ``score.py`` runs ``python -m dyads extract`` on the documents and prints precision (a lower
bound: re3d is not exhaustive for dyads' relation types) and recall per type. This module finds
it and runs it; the figures are the scorer's own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from dyads.errors import DataError

__all__ = ["find_scorer", "score_re3d"]

#: Where the scorer lives relative to the repository root, unless DYADS_RE3D names it.
DEFAULT = Path("..") / "shared" / "benchmarks" / "re3d-dev" / "score.py"


def find_scorer(root: Path) -> Path | None:
    """The re3d scorer: ``$DYADS_RE3D``, else ``<root>/../shared/benchmarks/re3d-dev/score.py``."""
    named = os.environ.get("DYADS_RE3D")
    path = Path(named) if named else (root / DEFAULT)
    return path.resolve() if path.is_file() else None


def score_re3d(scorer: Path, errors: Path | None = None) -> dict[str, Any]:
    """Run the re3d scorer with this Python and return its figures (``--json``)."""
    cmd = [sys.executable, str(scorer), "--json"]
    if errors is not None:
        cmd += ["--errors", str(errors)]
    run = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        raise DataError(f"the re3d scorer failed: {last}", path=str(scorer))
    try:
        result: dict[str, Any] = json.loads(run.stdout)
    except json.JSONDecodeError as err:
        raise DataError("the re3d scorer printed no JSON", path=str(scorer)) from err
    return result
