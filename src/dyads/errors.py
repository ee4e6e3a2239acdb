"""The exceptions dyads raises, and the coded one-line messages users see.

Library code raises these; only the CLI and the web layer turn them into messages and exit codes.

    DyadsError
    ├── UsageError         E001 an option value that cannot be used (a negative --limit)
    ├── SourceError        a file could not be read (names file, line and reason):
    │                      E101 unsupported type, E102 unreadable (or not a regular file),
    │                      E103 empty, E104 malformed record (or one over the size limit, or a
    │                      record id repeated in its file), E105 binary, E106 not English
    ├── DataError          a gazetteer, lexicon or gold file is invalid (names file and line)
    ├── StoreError         E300 the database cannot be opened, is damaged or is not a dyads
    │                      store; E301 busy
    ├── QueryError         a question or actor name the store cannot answer:
    │                      E401 unknown actor, E402 unknown document
    └── OutputError        E500 an output file that must not be written (the store itself, an
                           existing file without ``force``, a directory where a file goes)

Messages are one line, always, and safe to print on a terminal: line breaks and other control
characters inside a file name or a quoted value are escaped (``\\n``, ``\\x1b``).
"""

from __future__ import annotations


class DyadsError(Exception):
    """Base class. ``code`` is a stable identifier such as ``E101``."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        """One line, always: line breaks inside a file name or a quoted value are escaped."""
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return _one_line(f"[{self.code}] {where}{self.message}")


#: Control characters (C0 but tab, DEL, C1) and how a message shows them: a file name holding an
#: escape sequence must not move the cursor or retitle the terminal that prints the message.
_ESCAPES = {
    c: ("\\n" if c == 10 else "\\r" if c == 13 else f"\\x{c:02x}")
    for c in (*range(0, 9), *range(10, 32), *range(127, 160))
} | {c: f"\\u{c:04x}" for c in range(0xD800, 0xE000)}  # lone surrogates cannot be encoded


def _one_line(text: str) -> str:
    return text.translate(_ESCAPES)


class UsageError(DyadsError):
    code = "E001"


class SourceError(DyadsError):
    code = "E100"


class UnsupportedFormat(SourceError):
    code = "E101"


class UnreadableFile(SourceError):
    code = "E102"


class EmptyDocument(SourceError):
    code = "E103"


class MalformedRecord(SourceError):
    code = "E104"


class NotText(SourceError):
    code = "E105"


class NotEnglish(NotText):
    code = "E106"


class DataError(DyadsError):
    code = "E200"


class StoreError(DyadsError):
    code = "E300"


class StoreBusy(StoreError):
    code = "E301"


class QueryError(DyadsError):
    code = "E400"


class UnknownActor(QueryError):
    code = "E401"


class UnknownDocument(QueryError):
    code = "E402"


class OutputError(DyadsError):
    code = "E500"
