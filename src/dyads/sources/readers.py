"""One reader per file format. Each yields Documents, or SourceErrors for bad records."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dyads.errors import EmptyDocument, MalformedRecord, NotText, SourceError
from dyads.records import Document

Reader = Callable[[Path], Iterator[Document | SourceError]]
#: Called with (path, message) for a file that was read but not as it should be (the document is
#: still yielded): undecodable bytes replaced, for instance. Readers may accept it as ``warn=``.
Warn = Callable[[str, str], None]
READERS: dict[str, Reader] = {}

#: Share of NUL and other control bytes above which a file is taken for binary.
BINARY_CONTROL_RATIO = 0.05
#: An HTML page whose main text is shorter than this is navigation or a page cut short, not an
#: article ("Home" alone was stored as a document before).
MIN_HTML_WORDS = 8
#: Fields an article record may carry in JSONL and CSV; ``text`` is required.
RECORD_FIELDS = ("id", "url", "title", "date", "source", "text")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def register_reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register ``reader`` for file ``suffixes`` (with the dot, lower case)."""

    def deco(fn: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = fn
        return fn

    return deco


def decode(data: bytes, path: Path, warn: Warn | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else cp1252 (with a warning), refusing binary
    data."""
    if not data.strip():
        raise EmptyDocument("file is empty", path=str(path))
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls / max(1, len(sample)) > BINARY_CONTROL_RATIO:
        raise NotText("looks like a binary file, not text", path=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        # Invalid UTF-8: the usual culprit is a Windows code page; repair fixes the rest.
        if warn:
            warn(
                str(path),
                f"not valid UTF-8 (first bad byte at offset {err.start}); read as Windows-1252",
            )
        return data.decode("cp1252", errors="replace")


def _norm_date(value: Any) -> str | None:
    if value is None:
        return None
    m = _DATE.match(str(value).strip())
    return m.group(0) if m else None


def _from_record(rec: dict[str, Any], path: Path, line: int) -> Document:
    text = rec.get("text")
    if not isinstance(text, str):
        raise MalformedRecord("record has no 'text' field", path=str(path), line=line)
    if not text.strip():
        raise EmptyDocument("record's text is empty", path=str(path), line=line)
    rid = rec.get("id")

    def opt(key: str) -> str | None:
        v = rec.get(key)
        return str(v) if v not in (None, "") else None

    return Document(
        id=str(rid) if rid not in (None, "") else Document.make_id(text),
        text=text,
        path=f"{path}#{rid}" if rid not in (None, "") else f"{path}:{line}",
        url=opt("url"),
        title=opt("title"),
        date=_norm_date(rec.get("date")),
        outlet=opt("source"),
        line=line,
    )


@register_reader(".txt", ".text", ".md")
def read_text(path: Path, warn: Warn | None = None) -> Iterator[Document | SourceError]:
    text = decode(path.read_bytes(), path, warn)
    title = text.strip().splitlines()[0].strip() if text.strip() else None
    if title and (len(title) > 200 or title.endswith(".")):
        title = None
    yield Document(id=Document.make_id(text), text=text, path=str(path), title=title)


@register_reader(".jsonl", ".ndjson")
def read_jsonl(path: Path, warn: Warn | None = None) -> Iterator[Document | SourceError]:
    raw = decode(path.read_bytes(), path, warn)
    # Split on "\n" only: str.splitlines() also splits at U+2028, U+0085 and others, which JSON
    # strings may hold unescaped.
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            yield MalformedRecord(f"invalid JSON ({err.msg})", path=str(path), line=lineno)
            continue
        if not isinstance(rec, dict):
            yield MalformedRecord("line is not a JSON object", path=str(path), line=lineno)
            continue
        try:
            yield _from_record(rec, path, lineno)
        except SourceError as err:
            yield err


@register_reader(".csv", ".tsv")
def read_csv(path: Path, warn: Warn | None = None) -> Iterator[Document | SourceError]:
    raw = decode(path.read_bytes(), path, warn)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "text" not in header:
        yield MalformedRecord(
            f"CSV has no 'text' column (columns: {', '.join(header) or 'none'})",
            path=str(path),
            line=1,
        )
        return
    reader.fieldnames = header
    for row in reader:
        lineno = reader.line_num
        if None in row:  # more cells than header columns
            yield MalformedRecord("row has more cells than the header", path=str(path), line=lineno)
            continue
        if row.get("text") is None:  # DictReader fills missing trailing cells with None
            n = sum(v is not None for v in row.values())
            yield MalformedRecord(
                f"row has {n} cells, the header {len(header)}: no 'text' cell",
                path=str(path),
                line=lineno,
            )
            continue
        try:
            yield _from_record(dict(row), path, lineno)
        except SourceError as err:
            yield err


@register_reader(".html", ".htm", ".xhtml")
def read_html(path: Path, warn: Warn | None = None) -> Iterator[Document | SourceError]:
    import trafilatura  # imported lazily: it is slow to import

    html = decode(path.read_bytes(), path, warn)
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise EmptyDocument(
            "no article text found in the HTML page (a navigation bar or a page cut short?)",
            path=str(path),
        )
    tail = html[-4096:].lower()
    if warn and "</html>" not in tail and "</body>" not in tail:
        warn(str(path), "HTML is cut short (no closing </body> or </html>); stored the text found")
    meta = trafilatura.extract_metadata(html)
    yield Document(
        id=Document.make_id(text),
        text=text,
        path=str(path),
        url=getattr(meta, "url", None) if meta else None,
        title=getattr(meta, "title", None) if meta else None,
        date=_norm_date(getattr(meta, "date", None)) if meta else None,
        outlet=getattr(meta, "sitename", None) if meta else None,
    )
