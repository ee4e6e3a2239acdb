"""One reader per file format. Each yields Documents, or SourceErrors for bad records.

Every reader reads at most ``max_file_bytes`` (the setting, 64 MiB by default) of a file that holds
one document (the rest is dropped, with a warning), and refuses a JSONL line or CSV cell longer
than that (one error naming the line; the file's other records are read), so memory stays bounded
whatever the input. Text is decoded as UTF-8, UTF-16 or UTF-32 when a byte-order mark says so, and
line by line as Windows-1252 where it is not valid UTF-8. Lone surrogates (a JSON ``"\\ud83d"``)
become U+FFFD, with a warning: they cannot be stored or printed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from dateutil import parser as date_parser

from dyads.errors import EmptyDocument, MalformedRecord, NotText, SourceError
from dyads.records import Document
from dyads.settings import Settings
from dyads.sources.html import html_text

Reader = Callable[..., Iterator[Document | SourceError]]
#: Called with (path, message) for a file that was read but not as it should be (the document is
#: still yielded): undecodable bytes replaced, for instance. Readers may accept it as ``warn=``.
Warn = Callable[[str, str], None]
READERS: dict[str, Reader] = {}

#: Share of control bytes (NUL aside: one NUL is enough) in any 64 kB block above which a file is
#: taken for binary. The whole file is checked, not only its start.
BINARY_CONTROL_RATIO = 0.05
BLOCK = 65536
#: The default of the setting ``max_file_bytes``; readers take the setting as ``max_file_bytes=``.
MAX_FILE_BYTES: int = Settings.max_file_bytes
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
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8 (surrogateescape)
_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
)


def register_reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register ``reader`` for file ``suffixes`` (with the dot, lower case)."""

    def deco(fn: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = fn
        return fn

    return deco


def display(path: str | Path) -> str:
    """``path`` as text that can be stored and printed: bytes of the name that are not UTF-8
    (a name with the byte 0xFF) are shown as ``\\xff``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def source_of(path: Path) -> str:
    """A file's identity in the store: its absolute path (as :func:`display` shows it)."""
    return display(os.path.abspath(path))


def _bom(head: bytes) -> str | None:
    return next((enc for mark, enc in _BOMS if head.startswith(mark)), None)


def check_binary(data: bytes, path: Path, offset: int = 0) -> None:
    """Raise NotText if ``data`` (at ``offset`` in the file) holds a NUL byte, or a 64 kB block
    with more than BINARY_CONTROL_RATIO control bytes."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise NotText(
            f"looks like a binary file, not text (NUL byte at offset {offset + nul:,})",
            path=display(path),
        )
    for at in range(0, len(data), BLOCK):
        at = min(at, max(0, len(data) - BLOCK))  # a short last block is judged with the one before
        block = data[at : at + BLOCK]
        controls = len(block) - len(block.translate(None, _CONTROL_BYTES))
        if block and controls / len(block) > BINARY_CONTROL_RATIO:
            raise NotText(
                f"looks like a binary file, not text (control bytes at offset {offset + at:,})",
                path=display(path),
            )


def decode(data: bytes, path: Path, warn: Warn | None = None, *, cut: bool = False) -> str:
    """Bytes to text: by the byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, else
    Windows-1252 (with a warning), refusing binary data. ``cut``: ``data`` is the start of a
    longer file, so a character cut in two at its end is dropped."""
    if not data.strip():
        raise EmptyDocument("file is empty", path=display(path))
    encoding = _bom(data[:4])
    if encoding in ("utf-16", "utf-32"):
        text = _decode(data, encoding, cut, errors="replace")
        check_binary(text.encode("utf-8", "surrogatepass"), path)
        if not text.strip():
            raise EmptyDocument("file is empty", path=display(path))
        return text
    check_binary(data, path)
    try:
        text = _decode(data, "utf-8-sig", cut)
    except UnicodeDecodeError as err:
        # Invalid UTF-8: the usual culprit is a Windows code page; repair fixes the rest.
        if warn:
            warn(
                display(path),
                f"not valid UTF-8 (first bad byte at offset {err.start}); read as Windows-1252",
            )
        text = data.decode("cp1252", errors="replace")
    if not text.strip():  # a byte-order mark alone
        raise EmptyDocument("file is empty", path=display(path))
    return text


def _decode(data: bytes, encoding: str, cut: bool, errors: str = "strict") -> str:
    try:
        return data.decode(encoding, errors="strict")
    except UnicodeDecodeError as err:
        if cut and err.start >= len(data) - 4 and err.end == len(data):
            return data[: err.start].decode(encoding, errors=errors)  # the cut character
        if errors == "strict":
            raise
        return data.decode(encoding, errors=errors)


def read_limited(path: Path, max_bytes: int) -> tuple[bytes, int]:
    """The first ``max_bytes`` of the file and the file's size."""
    with path.open("rb") as f:
        data = f.read(max_bytes)
        size = os.fstat(f.fileno()).st_size
    return data, max(size, len(data))


def _cut_warning(path: Path, size: int, max_bytes: int, warn: Warn | None) -> None:
    if warn and size > max_bytes:
        warn(
            display(path),
            f"file is {size:,} bytes, over the size limit: only the first {max_bytes:,} bytes "
            "are read (setting max_file_bytes)",
        )


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


def _clean(value: str) -> tuple[str, int]:
    """``value`` with lone surrogates replaced by U+FFFD, and how many there were."""
    return _SURROGATE.subn("\ufffd", value)


def document(
    path: Path,
    text: str,
    *,
    warn: Warn | None = None,
    record_id: str | None = None,
    line: int | None = None,
    **meta: str | None,
) -> Document:
    """The Document of a file (or of its record ``record_id`` at ``line``): strings cleaned of
    lone surrogates (with one warning), its id and its source set."""
    values = {"text": text, "record_id": record_id, **meta}
    bad = 0
    for key, value in values.items():
        if value is not None:
            values[key], n = _clean(value)
            bad += n
    if bad and warn:
        where = f"{display(path)}:{line}" if line else display(path)
        warn(where, f"invalid characters (lone surrogates) replaced by U+FFFD: {bad}")
    text = values.pop("text") or ""
    rid = values.pop("record_id")
    here = display(path)
    if rid is not None:
        shown, source = f"{here}#{rid}", f"{source_of(path)}#{rid}"
    elif line is not None:
        shown, source = f"{here}:{line}", f"{source_of(path)}:{line}"
    else:
        shown, source = here, source_of(path)
    return Document(
        id=rid if rid is not None else Document.make_id(text),
        text=text,
        path=shown,
        line=line,
        source=source,
        **values,
    )


def _from_record(
    rec: dict[str, Any],
    path: Path,
    line: int,
    warn: Warn | None,
    seen: dict[str, int],
    fields: RecordFields = DEFAULT_FIELDS,
) -> Document:
    key = fields.text_key(rec)
    text = rec.get(key) if key else None
    if not isinstance(text, str):
        raise MalformedRecord(
            f"record has {fields.missing_text('field')}", path=display(path), line=line
        )
    if not text.strip():
        raise EmptyDocument("record's text is empty", path=display(path), line=line)
    rid = rec.get(fields.id)
    rid = str(rid) if rid not in (None, "") else None
    if rid is not None:
        clean_rid = _clean(rid)[0]
        if clean_rid in seen:
            raise MalformedRecord(
                f"record id {clean_rid!r} is repeated (first on line {seen[clean_rid]}); a "
                "record's id must be unique in its file: record skipped",
                path=display(path),
                line=line,
            )
        seen[clean_rid] = line

    def opt(key: str) -> str | None:
        v = rec.get(key)
        return str(v) if v not in (None, "") else None

    return document(
        path,
        text,
        warn=warn,
        record_id=rid,
        line=line,
        url=opt(fields.url),
        title=opt(fields.title),
        date=parse_date(rec.get(fields.date)),
        outlet=opt(fields.source),
    )


@register_reader(".txt", ".text", ".md")
def read_text(
    path: Path, warn: Warn | None = None, max_file_bytes: int = MAX_FILE_BYTES
) -> Iterator[Document | SourceError]:
    data, size = read_limited(path, max_file_bytes)
    text = decode(data, path, warn, cut=size > len(data))
    _cut_warning(path, size, max_file_bytes, warn)
    title = text.strip().splitlines()[0].strip() if text.strip() else None
    if title and (len(title) > 200 or title.endswith(".")):
        title = None
    yield document(path, text, warn=warn, title=title)


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes | str | None]]:
    """(line number, line) of a text file, split at line feeds only, read one line at a time: a
    line as bytes (UTF-8, to decode), or as text (a file with a UTF-16/32 byte-order mark), or
    None for a line longer than ``max_bytes`` (skipped without holding it in memory)."""
    with path.open("rb") as f:
        head = f.read(BLOCK)
        encoding = _bom(head)
        if encoding in ("utf-16", "utf-32"):
            f.seek(0)
            stream: IO[Any] = io.TextIOWrapper(f, encoding=encoding, errors="replace", newline="\n")
        else:
            check_binary(head.replace(b"\x00", b""), path)  # NUL bytes: the line's own error
            f.seek(3 if encoding == "utf-8-sig" else 0)
            stream = f
        lineno = 0
        while line := stream.readline(max_bytes + 1):
            lineno += 1
            if len(line) > max_bytes and line[-1:] not in (b"\n", "\n"):
                while (rest := stream.readline(BLOCK)) and rest[-1:] not in (b"\n", "\n"):
                    pass
                yield lineno, None
                continue
            yield lineno, line


class _Decoder:
    """Decodes the lines or cells of one file: UTF-8, else Windows-1252, warning once."""

    def __init__(self, path: Path, warn: Warn | None) -> None:
        self.path, self.warn, self.warned = path, warn, False

    def __call__(self, data: bytes, line: int) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as err:
            self._warn(line, err.start)
            return data.decode("cp1252", errors="replace")

    def unescape(self, value: str, line: int) -> str:
        """A cell read with surrogateescape: its undecodable bytes read as Windows-1252."""
        if not _ESCAPED_BYTE.search(value):
            return value
        self._warn(line, None)
        return value.encode("utf-8", "surrogateescape").decode("cp1252", errors="replace")

    def _warn(self, line: int, offset: int | None) -> None:
        if self.warn and not self.warned:
            self.warned = True
            at = f"line {line}" + (f", offset {offset}" if offset is not None else "")
            self.warn(
                display(self.path),
                f"not valid UTF-8 (first bad byte on {at}); those lines read as Windows-1252",
            )


def _oversized_record(where: str, line: int, max_file_bytes: int) -> MalformedRecord:
    """A JSONL line or Parquet row over the size limit: skipped, the rest of the file read."""
    return MalformedRecord(
        f"record is over the size limit ({max_file_bytes:,} bytes, setting max_file_bytes): "
        "skipped",
        path=where,
        line=line,
    )


@register_reader(".jsonl", ".ndjson")
def read_jsonl(
    path: Path,
    warn: Warn | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    fields: RecordFields = DEFAULT_FIELDS,
) -> Iterator[Document | SourceError]:
    decode_line = _Decoder(path, warn)
    seen: dict[str, int] = {}
    blank = True
    where = display(path)
    # Lines end at "\n" only: str.splitlines() would also split at U+2028, U+0085 and others,
    # which JSON strings may hold unescaped.
    for lineno, raw in _lines(path, max_file_bytes):
        if raw is None:
            blank = False
            yield _oversized_record(where, lineno, max_file_bytes)
            continue
        if "\x00" in raw if isinstance(raw, str) else b"\x00" in raw:
            blank = False
            yield MalformedRecord(
                "line holds NUL bytes: binary data, not a JSON record", path=where, line=lineno
            )
            continue
        line = raw if isinstance(raw, str) else decode_line(raw, lineno)
        if not line.strip():
            continue
        blank = False
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            yield MalformedRecord(f"invalid JSON ({err.msg})", path=where, line=lineno)
            continue
        except RecursionError:
            yield MalformedRecord("invalid JSON (nested too deep)", path=where, line=lineno)
            continue
        if not isinstance(rec, dict):
            yield MalformedRecord("line is not a JSON object", path=where, line=lineno)
            continue
        try:
            yield _from_record(rec, path, lineno, warn, seen, fields)
        except SourceError as err:
            yield err
    if blank:
        raise EmptyDocument("file is empty", path=where)


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
    path: Path,
    warn: Warn | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    fields: RecordFields = DEFAULT_FIELDS,
) -> Iterator[Document | SourceError]:
    where = display(path)
    with path.open("rb") as f:
        head = f.read(BLOCK)
        if not head.strip():
            raise EmptyDocument("file is empty", path=where)
        encoding = _bom(head) or "utf-8"
        if encoding in ("utf-8", "utf-8-sig"):
            check_binary(head.replace(b"\x00", b""), path)  # NUL bytes: the row's own error
        f.seek(0)
        errors = "surrogateescape" if encoding.startswith("utf-8") else "replace"
        text = io.TextIOWrapper(f, encoding=encoding, errors=errors, newline="")
        if path.suffix.lower() == ".tsv":
            delimiter = "\t"
        else:
            delimiter = sniff_delimiter(head.decode(encoding, errors="replace").lstrip("\ufeff"))
        rows = csv.reader(text, delimiter=delimiter)
        yield from _csv_records(path, rows, warn, max_file_bytes, fields.lower())


def _csv_records(
    path: Path, reader: Any, warn: Warn | None, max_bytes: int, fields: RecordFields
) -> Iterator[Document | SourceError]:
    where = display(path)
    decoder = _Decoder(path, warn)
    header: list[str] | None = None
    text_key = "text"
    seen: dict[str, int] = {}
    while True:
        # Python's csv module refuses cells over field_size_limit (131,072 characters by
        # default), a setting of the module: set to ours for each row, then put back.
        old = csv.field_size_limit(max_bytes)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            big = "field larger than field limit" in str(err)
            reason = (
                f"a cell is over the size limit ({max_bytes:,} bytes, setting max_file_bytes)"
                if big
                else f"malformed CSV ({err})"
            )
            yield MalformedRecord(f"{reason}: row skipped", path=where, line=reader.line_num)
            if header is None:
                return
            continue
        finally:
            csv.field_size_limit(old)
        lineno = reader.line_num
        if not row:
            continue
        if header is None:
            header = [decoder.unescape(h, 1).strip().lower() for h in row]
            key = fields.text_key(header)
            if key is None:
                yield MalformedRecord(
                    f"CSV has {fields.missing_text('column')}; columns: "
                    f"{', '.join(header) or 'none'}",
                    path=where,
                    line=1,
                )
                return
            text_key = key
            continue
        if len(row) > len(header):  # more cells than header columns
            yield MalformedRecord("row has more cells than the header", path=where, line=lineno)
            continue
        if len(row) <= header.index(text_key):
            yield MalformedRecord(
                f"row has {len(row)} cells, the header {len(header)}: no {text_key!r} cell",
                path=where,
                line=lineno,
            )
            continue
        if any("\x00" in cell for cell in row):
            yield MalformedRecord(
                "row holds NUL bytes: binary data, not text", path=where, line=lineno
            )
            continue
        rec = {h: decoder.unescape(v, lineno) for h, v in zip(header, row, strict=False)}
        try:
            yield _from_record(rec, path, lineno, warn, seen, fields)
        except SourceError as err:
            yield err
    if header is None:
        raise EmptyDocument("file is empty", path=where)


@register_reader(".html", ".htm", ".xhtml")
def read_html(
    path: Path, warn: Warn | None = None, max_file_bytes: int = MAX_FILE_BYTES
) -> Iterator[Document | SourceError]:
    data, size = read_limited(path, max_file_bytes)
    html = decode(data, path, warn, cut=size > len(data))
    _cut_warning(path, size, max_file_bytes, warn)
    page = html_text(html)
    if not page.text or len(page.text.split()) < MIN_HTML_WORDS:
        raise EmptyDocument(
            "no article text found in the HTML page (a navigation bar or a page cut short?)",
            path=display(path),
        )
    tail = html[-4096:].lower()
    if warn and "</html>" not in tail and "</body>" not in tail:
        warn(
            display(path),
            "HTML is cut short (no closing </body> or </html>); stored the text found",
        )
    yield document(
        path,
        page.text,
        warn=warn,
        url=page.url,
        title=page.title,
        date=parse_date(page.date),
        outlet=page.sitename,
    )


#: Rows of a Parquet file decoded at a time (memory stays bounded on large files).
PARQUET_BATCH_ROWS = 1024


@register_reader(".parquet")
def read_parquet(
    path: Path,
    warn: Warn | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    fields: RecordFields = DEFAULT_FIELDS,
) -> Iterator[Document | SourceError]:
    """The rows of a Parquet file as records (the fields of a JSONL record, by column name; its
    ``line`` is the row number, 1-based). A file Arrow cannot read is one error."""
    import pyarrow.lib
    import pyarrow.parquet as pq

    where = display(path)
    try:
        parquet = pq.ParquetFile(path)
    except (pyarrow.lib.ArrowException, OSError) as err:
        if isinstance(err, FileNotFoundError | PermissionError | IsADirectoryError):
            raise
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise NotText(f"not a readable Parquet file ({reason})", path=where) from err
    if parquet.metadata.num_rows == 0:
        raise EmptyDocument("file is empty (no rows)", path=where)
    seen: dict[str, int] = {}
    row = 0
    for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        for rec in batch.to_pylist():
            row += 1
            text = rec.get(fields.text_key(rec) or "text")
            if isinstance(text, str) and len(text.encode("utf-8", "replace")) > max_file_bytes:
                yield _oversized_record(where, row, max_file_bytes)
                continue
            try:
                yield _from_record(rec, path, row, warn, seen, fields)
            except SourceError as err:
                yield err
