"""The exceptions dyads raises, and the coded one-line messages users see.

Library code raises these; only the CLI and the web layer turn them into messages and exit codes.

    DyadsError
    ├── SourceError        a file could not be read (names file, line and reason):
    │                      E101 unsupported type, E102 unreadable, E103 empty, E104 malformed
    │                      record, E105 binary, E106 not English
    ├── DataError          a gazetteer, lexicon or gold file is invalid (names file and line)
    ├── StoreError         the database cannot be opened or is busy
    └── QueryError         a question or actor name the store cannot answer
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


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


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
