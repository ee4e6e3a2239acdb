"""The store the web app reads: opened read-only on first use and kept open, one cursor a request.

DuckDB lets one process write a file or several read it, never both. While the app holds the
store, an ingest into it stops with a one-line "in use" error (:class:`~dyads.errors.StoreBusy`);
when the app starts (or first reads) during an ingest, opening fails the same way and every
request gets a clear "busy" page until the ingest is done, after which the next request opens it.

A read-only store cannot change while it is open, so what it remembers (the hierarchy, actor
names, drawn networks: :meth:`~dyads.store.Store.memo`) is shared by all requests.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dyads.store import Store


class Reader:
    """The app's read-only store at ``path``, opened on first use."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._store: Store | None = None
        self._lock = threading.Lock()

    def _open(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = Store(self.path, read_only=True)  # StoreBusy, StoreError
            return self._store

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A view of the store for one request: its own DuckDB cursor (a connection is not
        shared between threads), the shared memo."""
        base = self._open()
        view = object.__new__(Store)
        view.__dict__.update(base.__dict__)
        view.con = base.con.cursor()
        try:
            yield view
        finally:
            view.con.close()

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
