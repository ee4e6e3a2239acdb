"""The ``dyads`` command line: a thin skin over importable functions.

Each command parses arguments, calls a library function and prints. Library errors
(:class:`dyads.errors.DyadsError`) become one-line messages and exit codes here, nowhere else.
"""

from __future__ import annotations

from dyads.cli import (  # noqa: F401  (register commands)
    analysis_cmds,  # noqa: F401  (register commands)
    eval_cmds,
    pipeline_cmds,
    query_cmds,
    serve_cmd,
    spark_cmd,
)
from dyads.cli.app import main

__all__ = ["main"]
