"""One reader per file format. Each yields Documents, or SourceErrors for bad records."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser

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
#: Where a record's text is found when no field is named: the first of these it has.
TEXT_FIELDS = ("text", "body", "content")
#: Delimiters the CSV sniffer chooses from (``.tsv`` files are always tab-separated).
CSV_DELIMITERS = ",;\t|"
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T ])")


@dataclass(frozen=True)
class RecordFields:
    """Which fields of a JSONL record or CSV row hold what (``--text-field`` and the others).

    ``text`` None: the first of :data:`TEXT_FIELDS` the record has. CSV headers are matched
    without regard to case.
    """

    text: str | None = None
    id: str = "id"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    source: str = "source"

    def lower(self) -> RecordFields:
        return RecordFields(
            text=self.text.lower() if self.text else None,
            id=self.id.lower(),
            date=self.date.lower(),
            title=self.title.lower(),
            url=self.url.lower(),
            source=self.source.lower(),
        )

    def text_key(self, keys: Any) -> str | None:
        """The text field among ``keys``: the one named, else the first of TEXT_FIELDS."""
        if self.text is not None:
            return self.text if self.text in keys else None
        return next((k for k in TEXT_FIELDS if k in keys), None)

    def missing_text(self, what: str) -> str:
        """ "no 'text' field (nor 'body' or 'content'); ...": what the error says is missing."""
        if self.text:
            return f"no {self.text!r} {what}"
        return f"no 'text' {what} (nor 'body' or 'content'); name it with --text-field"


DEFAULT_FIELDS = RecordFields()


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


def parse_date(value: Any) -> str | None:
    """A record's date as ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (as precise as written),
    or None when it names no calendar date.

    ISO dates are read as they are; anything else by python-dateutil: "15 February 2024",
    "Thu, 15 Feb 2024 10:00:00 GMT" (the date where it was written, no time-zone shift),
    "02/15/2024" (month first, as dateutil reads it, unless the first number cannot be a month:
    "15/02/2024"). What the text leaves out is found by parsing it with two different defaults:
    a field that changes with the default was not written.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    m = _ISO_DATE.match(text)
    if m:
        year, month, day = m.groups()
        try:
            datetime(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        return m.group(0)
    try:
        one = date_parser.parse(text, default=datetime(1, 1, 1))
        two = date_parser.parse(text, default=datetime(2, 2, 2))
    except (ValueError, OverflowError):
        return None
    if one.year != two.year:
        return None  # no year written ("15 February", "10:00")
    if one.month != two.month:
        return f"{one.year:04d}"
    if one.day != two.day:
        return f"{one.year:04d}-{one.month:02d}"
    return f"{one.year:04d}-{one.month:02d}-{one.day:02d}"


def _from_record(
    rec: dict[str, Any], path: Path, line: int, fields: RecordFields = DEFAULT_FIELDS
) -> Document:
    key = fields.text_key(rec)
    text = rec.get(key) if key else None
    if not isinstance(text, str):
        raise MalformedRecord(
            f"record has {fields.missing_text('field')}", path=str(path), line=line
        )
    if not text.strip():
        raise EmptyDocument("record's text is empty", path=str(path), line=line)
    rid = rec.get(fields.id)

    def opt(key: str) -> str | None:
        v = rec.get(key)
        return str(v) if v not in (None, "") else None

    return Document(
        id=str(rid) if rid not in (None, "") else Document.make_id(text),
        text=text,
        path=f"{path}#{rid}" if rid not in (None, "") else f"{path}:{line}",
        url=opt(fields.url),
        title=opt(fields.title),
        date=parse_date(rec.get(fields.date)),
        outlet=opt(fields.source),
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
def read_jsonl(
    path: Path, warn: Warn | None = None, fields: RecordFields = DEFAULT_FIELDS
) -> Iterator[Document | SourceError]:
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
            yield _from_record(rec, path, lineno, fields)
        except SourceError as err:
            yield err


def sniff_delimiter(raw: str) -> str:
    """The delimiter of a CSV text, from its header line (column names hold no delimiters, where
    article texts in later rows may hold any): one of :data:`CSV_DELIMITERS`, else a comma."""
    header = raw.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


@register_reader(".csv", ".tsv")
def read_csv(
    path: Path, warn: Warn | None = None, fields: RecordFields = DEFAULT_FIELDS
) -> Iterator[Document | SourceError]:
    raw = decode(path.read_bytes(), path, warn)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(raw)
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    fields = fields.lower()
    text_key = fields.text_key(header)
    if text_key is None:
        yield MalformedRecord(
            f"CSV has {fields.missing_text('column')}; columns: {', '.join(header) or 'none'}",
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
        if row.get(text_key) is None:  # DictReader fills missing trailing cells with None
            n = sum(v is not None for v in row.values())
            yield MalformedRecord(
                f"row has {n} cells, the header {len(header)}: no {text_key!r} cell",
                path=str(path),
                line=lineno,
            )
            continue
        try:
            yield _from_record(dict(row), path, lineno, fields)
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
        date=parse_date(getattr(meta, "date", None)) if meta else None,
        outlet=getattr(meta, "sitename", None) if meta else None,
    )
