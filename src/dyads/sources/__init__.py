"""Sources: read files and folders into :class:`~dyads.records.Document` records.

``read_paths`` walks files and folders (recursively) and yields, for every article, either a
``Document`` or a ``SourceError`` naming the file (and line) and the reason, so that one bad file
never stops the others. Readers are registered by file suffix in :data:`READERS`; a plug-in adds
its own with :func:`register_reader`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dyads.errors import SourceError, UnreadableFile, UnsupportedFormat
from dyads.records import Document
from dyads.sources.readers import READERS, Reader, register_reader

__all__ = ["READERS", "Reader", "iter_files", "read_file", "read_paths", "register_reader"]

_SKIP_NAMES = {"README.md", ".DS_Store"}


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under ``paths`` with a known suffix, folders walked recursively in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name in _SKIP_NAMES or child.name.startswith("."):
                    continue
                if child.suffix.lower() in READERS:
                    yield child
        else:
            yield path


def read_file(path: Path) -> Iterator[Document | SourceError]:
    """Documents (or per-record errors) from one file; never raises for bad input."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield UnsupportedFormat(
            f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .html, .jsonl or .csv",
            path=str(path),
        )
        return
    try:
        yield from reader(path)
    except SourceError as err:
        yield err
    except FileNotFoundError:
        yield UnreadableFile("file vanished before it could be read", path=str(path))
    except PermissionError:
        yield UnreadableFile("permission denied; check the file's read permissions", path=str(path))
    except IsADirectoryError:
        yield UnreadableFile("is a directory", path=str(path))
    except OSError as err:
        yield UnreadableFile(f"cannot read file ({err.strerror or err})", path=str(path))


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document | SourceError]:
    for path in iter_files(paths):
        if not path.exists():
            yield UnreadableFile("no such file or folder", path=str(path))
            continue
        yield from read_file(path)
