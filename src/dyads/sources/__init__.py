"""Sources: read files and folders into :class:`~dyads.records.Document` records.

``read_paths`` walks files and folders (recursively) and yields, for every article, either a
``Document`` or a ``SourceError`` naming the file (and line) and the reason, so that one bad file
never stops the others. Files, FIFOs, unreadable folders and symbolic links: see
:func:`iter_files`; sizes and encodings: :mod:`dyads.sources.readers`. Readers are registered by
file suffix in :data:`READERS`; a plug-in adds its own with :func:`register_reader`.
"""

from __future__ import annotations

import csv
import inspect
import io
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyads.errors import NotEnglish, SourceError, UnreadableFile, UnsupportedFormat
from dyads.records import Document
from dyads.sources.readers import (
    DEFAULT_FIELDS,
    MAX_FILE_BYTES,
    READERS,
    Reader,
    RecordFields,
    Warn,
    display,
    parse_date,
    register_reader,
    sniff_delimiter,
)

__all__ = [
    "DEFAULT_FIELDS",
    "READERS",
    "Reader",
    "RecordFields",
    "Warn",
    "count_documents",
    "iter_files",
    "looks_english",
    "parse_date",
    "read_file",
    "read_paths",
    "register_reader",
]

#: The pipeline parses English only. A text of at least ENGLISH_MIN_WORDS words is taken for
#: English when at least ENGLISH_MIN_SHARE of its words are among these function words. Measured:
#: our sample articles 31-38%, synthetic bench news 20% and up; French and Spanish news 0-3%,
#: German about 10% ("in", "an").
ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on was with he it as at by from his be have has had are "
    "were said not but this which an they their its who or been will would after also more "
    "than".split()
)
ENGLISH_MIN_WORDS = 30
ENGLISH_MIN_SHARE = 0.12
ENGLISH_SAMPLE_CHARS = 20_000  # enough words to decide; bounded time on huge files
_WORD = re.compile(r"\w+")


def looks_english(text: str) -> bool:
    """Whether ``text`` is (probably) English: short texts always are (nothing to judge by)."""
    words = _WORD.findall(text[:ENGLISH_SAMPLE_CHARS].lower())
    if len(words) < ENGLISH_MIN_WORDS:
        return True
    return sum(w in ENGLISH_WORDS for w in words) / len(words) >= ENGLISH_MIN_SHARE


_SKIP_NAMES = {"README.md", ".DS_Store"}


def iter_files(
    paths: Iterable[str | Path], *, follow_links: bool = False, warn: Warn | None = None
) -> Iterator[Path | SourceError]:
    """Files under ``paths`` with a known suffix, folders walked recursively in sorted order.

    Named paths are yielded as they are (read_file says if one cannot be read). Inside a folder:
    a subfolder that cannot be listed is an UnreadableFile; so is a FIFO, socket or device with a
    known suffix (reading one would wait forever) and a symbolic link that leads nowhere. A
    symbolic link to a file or folder outside the folder walked is skipped with a warning unless
    ``follow_links``; links inside it are read as the files they point to (a folder linked from
    inside is walked where it is). Each folder is walked once, even through a cycle of links.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = os.path.realpath(path)
            yield from _walk(path, root, follow_links, warn, {root})
        else:
            yield path


def _walk(
    folder: Path, root: str, follow_links: bool, warn: Warn | None, walked: set[str]
) -> Iterator[Path | SourceError]:
    """The files of ``folder``, inside the walk of ``root`` (a real path); ``walked``: the real
    paths of the folders walked so far."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        reason = "permission denied" if isinstance(err, PermissionError) else err.strerror
        yield UnreadableFile(
            f"cannot read folder ({reason or err}); its files are skipped", path=display(folder)
        )
        return
    for entry in entries:
        path = Path(entry.path)
        known = path.suffix.lower() in READERS
        if entry.name in _SKIP_NAMES or entry.name.startswith("."):
            continue
        try:
            if entry.is_symlink():
                target = os.path.realpath(path)
                inside = os.path.commonpath([root, target]) == root
                if not os.path.exists(target):
                    if known:
                        yield UnreadableFile(
                            f"a symbolic link to {display(target)}, which does not exist",
                            path=display(path),
                        )
                    continue
                is_dir = os.path.isdir(target)
                if not is_dir and not known:
                    continue
                if not inside and not follow_links:
                    if warn:
                        what = "folder" if is_dir else "file"
                        warn(
                            display(path),
                            f"skipped: a symbolic link to a {what} outside {display(root)} "
                            f"({display(target)}); use --follow-links to read it",
                        )
                    continue
                if is_dir:
                    if not inside and target not in walked:  # inside: walked where it is
                        walked.add(target)
                        yield from _walk(path, root, follow_links, warn, walked)
                    continue
                yield path
            elif entry.is_dir(follow_symlinks=False):
                walked.add(os.path.realpath(path))
                yield from _walk(path, root, follow_links, warn, walked)
            elif known:
                if entry.is_file(follow_symlinks=False):
                    yield path
                else:
                    yield UnreadableFile(_NOT_REGULAR, path=display(path))
        except OSError as err:  # vanished or unreadable while walking
            if known:
                yield UnreadableFile(f"cannot read ({err.strerror or err})", path=display(path))


_NOT_REGULAR = (
    "not a regular file (a FIFO, socket or device): skipped, reading it could wait forever"
)


def read_file(
    path: Path,
    on_warning: Warn | None = None,
    fields: RecordFields = DEFAULT_FIELDS,
    *,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Iterator[Document | SourceError]:
    """Documents (or per-record errors) from one file; never raises for bad input.

    Text that does not look like English becomes a ``NotEnglish`` error; ``on_warning`` is called
    with (path, message) for files read with a problem (invalid UTF-8, say). A file holding one
    document is read up to ``max_file_bytes``; a longer JSONL line or CSV cell is an error.
    ``fields`` says which JSONL/CSV fields hold what."""
    where = display(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield UnsupportedFormat(
            f"unsupported file type {display(path.suffix) or '(none)'!r}; use .txt, .html, "
            ".jsonl or .csv",
            path=where,
        )
        return
    try:
        if not stat.S_ISREG(os.stat(path).st_mode) and not path.is_dir():
            yield UnreadableFile(_NOT_REGULAR, path=where)
            return
    except OSError:
        pass  # said below, by the reader's own open
    accepted = inspect.signature(reader).parameters
    options: dict[str, object] = {"warn": on_warning, "max_file_bytes": max_file_bytes}
    if fields is not DEFAULT_FIELDS:
        options["fields"] = fields
    kwargs = {k: v for k, v in options.items() if k in accepted and (k != "warn" or v)}
    try:
        for item in reader(path, **kwargs):
            if isinstance(item, Document) and not looks_english(item.text):
                yield NotEnglish(
                    "text does not look like English; dyads parses English only",
                    path=where,
                    line=item.line,
                )
                continue
            yield item
    except SourceError as err:
        yield err
    except FileNotFoundError:
        yield UnreadableFile("file vanished before it could be read", path=where)
    except PermissionError:
        yield UnreadableFile("permission denied; check the file's read permissions", path=where)
    except IsADirectoryError:
        yield UnreadableFile("is a directory", path=where)
    except OSError as err:
        yield UnreadableFile(f"cannot read file ({err.strerror or err})", path=where)


def count_documents(paths: Iterable[str | Path], *, follow_links: bool = False) -> int:
    """How many documents :func:`read_paths` will yield (bad records included), read cheaply
    before an ingest so that its progress has a total: one per non-blank JSONL line, one per CSV
    row (quoted line breaks understood), one per file of any other known type or error. Only
    regular files are opened (a FIFO would wait forever)."""
    n = 0
    for path in iter_files(paths, follow_links=follow_links):
        if isinstance(path, SourceError):
            n += 1
            continue
        suffix = path.suffix.lower()
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                n += 1
            elif suffix in (".jsonl", ".ndjson"):
                with path.open("rb") as f:
                    n += sum(1 for line in f if line.strip())
            elif suffix == ".parquet":
                import pyarrow.parquet as pq

                try:
                    n += max(1, pq.ParquetFile(path).metadata.num_rows)
                except Exception:  # not Parquet: read_paths reports it, one error
                    n += 1
            elif suffix in (".csv", ".tsv"):
                with path.open("rb") as f:
                    text = io.TextIOWrapper(f, encoding="utf-8", errors="replace", newline="")
                    first = text.readline()
                    delimiter = "\t" if suffix == ".tsv" else sniff_delimiter(first)
                    old = csv.field_size_limit(2**31 - 1)  # counted, not read: any cell size
                    try:
                        rows = csv.reader(text, delimiter=delimiter)
                        n += sum(1 for row in rows if row)  # the header was read above
                    finally:
                        csv.field_size_limit(old)
            else:
                n += 1
        except (OSError, csv.Error):
            n += 1  # read_paths will report it: one error
    return n


def read_paths(
    paths: Iterable[str | Path],
    on_warning: Warn | None = None,
    fields: RecordFields = DEFAULT_FIELDS,
    *,
    follow_links: bool = False,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Iterator[Document | SourceError]:
    """Documents and errors from files and folders (see :func:`iter_files`, :func:`read_file`);
    ``fields`` says which JSONL/CSV fields hold what."""
    for item in iter_files(paths, follow_links=follow_links, warn=on_warning):
        if isinstance(item, SourceError):
            yield item
        elif not (item.exists() or item.is_symlink()):
            yield UnreadableFile("no such file or folder", path=display(item))
        else:
            yield from read_file(item, on_warning, fields, max_file_bytes=max_file_bytes)
