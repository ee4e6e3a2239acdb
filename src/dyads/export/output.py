"""Where an export may write: never onto the store it reads, never onto a DuckDB database, never
over an existing file unless asked (``force``), and only a file where a file goes and a directory
where a directory goes. Checked before anything is written."""

from __future__ import annotations

import os
from pathlib import Path

from dyads.errors import OutputError

#: A DuckDB database file: a checksum (8 bytes), then this magic.
DUCKDB_MAGIC = (8, b"DUCK")


def check_output(out: Path, *, directory: bool, store: Path, force: bool) -> None:
    """Raise :class:`OutputError` if an export of ``store`` must not write ``out`` (a directory of
    files if ``directory``, else one file)."""
    if any(_same_file(out, p) for p in (store, Path(f"{store}.wal"))):
        raise OutputError(
            "refusing to write onto the store being exported; choose another output path",
            path=str(out),
        )
    if out.is_dir():
        if not directory:
            raise OutputError(
                "is a directory, and this format writes one file: give a file name", path=str(out)
            )
        if not force and any(out.iterdir()):
            raise OutputError(
                "directory is not empty; use --force to overwrite the files the export writes",
                path=str(out),
            )
        return
    if not (out.exists() or out.is_symlink()):
        return
    if directory:
        raise OutputError(
            "is not a directory, and this format writes a directory of files: give a directory",
            path=str(out),
        )
    if is_duckdb(out):
        raise OutputError(
            "is a DuckDB database, and an export never overwrites one: choose another output path",
            path=str(out),
        )
    if not force:
        raise OutputError("exists; use --force to overwrite it", path=str(out))


def is_duckdb(path: Path) -> bool:
    """Whether ``path`` is a DuckDB database file (by its magic bytes)."""
    at, magic = DUCKDB_MAGIC
    try:
        with path.open("rb") as f:
            f.seek(at)
            return f.read(len(magic)) == magic
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist
        return False
