"""A store for the web tests: the samples plus a document whose text is HTML and script."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyads.ingest import ingest
from dyads.pipeline import Pipeline

#: An article that holds markup: it must show as text, never run. Its first sentence is evidence.
XSS_TEXT = (
    "Iran has supplied the Houthis with missiles <script>window.__xss = 1; alert('xss')</script> "
    "and drones, according to a UN panel. "
    '<img src="http://203.0.113.9/x.png" onerror="window.__xss = 2"> The panel said so again.\n'
)


@pytest.fixture(scope="session")
def web_db(
    samples_db: tuple[Path, object], pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The sample store with the XSS article ingested too (read-only for the tests)."""
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.duckdb"
    shutil.copy(samples_db[0], db)
    article = folder / "xss_article.txt"
    article.write_text(XSS_TEXT, encoding="utf-8")
    ingest([article], db, pipeline=pipeline)
    return db
