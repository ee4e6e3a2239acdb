"""Session fixtures: the shipped pipeline (spaCy model loaded once) and the ingested samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dyads.ingest import IngestReport, ingest
from dyads.pipeline import Pipeline
from dyads.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT / "gold"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The shipped pipeline; ``DYADS_DISABLED_RULES=a,b`` switches rules off (bench/rule_ablation.py)."""
    disabled = tuple(x for x in os.environ.get("DYADS_DISABLED_RULES", "").split(",") if x)
    return Pipeline(Settings(disabled_rules=disabled))


@pytest.fixture(scope="session")
def samples_db(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline
) -> tuple[Path, IngestReport]:
    """The sample corpus ingested once for the whole session (read-only for tests)."""
    db = tmp_path_factory.mktemp("store") / "samples.duckdb"
    report = ingest([SAMPLES], db, pipeline=pipeline)
    return db, report
