"""Session fixtures: the shipped pipeline (spaCy model loaded once) and the ingested samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.ingest import IngestReport, ingest
from dyads.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT / "gold"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def samples_db(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline
) -> tuple[Path, IngestReport]:
    """The sample corpus ingested once for the whole session (read-only for tests)."""
    db = tmp_path_factory.mktemp("store") / "samples.duckdb"
    report = ingest([SAMPLES], db, pipeline=pipeline)
    return db, report
