"""Session fixtures: the shipped pipeline (spaCy model loaded once) and the ingested samples;
golden files (``pytest --update-golden`` rewrites them from the current output)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from dyads.ingest import IngestReport, ingest
from dyads.pipeline import Pipeline
from dyads.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT / "gold"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files (tests/*/golden/) from the current output, then review "
        "the diff with git",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(name, text)``: assert ``text`` equals the file ``golden/<name>`` beside the test
    (with ``--update-golden``: write it there)."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = request.path.parent / "golden" / name
        if update:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; write it with: pytest --update-golden"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, (
            f"output differs from {path}; if the change is meant, run pytest --update-golden "
            "and review the diff"
        )

    return check


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
