"""Worker processes: one per core by default, one for a handful of documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads import pipeline as pipeline_mod
from dyads.ingest import ingest
from dyads.pipeline import Pipeline, available_cores
from dyads.records import Document
from dyads.settings import Settings

TEXT = "Iran armed the Houthis, officials said. Rwanda backs the M23 rebels, a UN report found. {}"


def _docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=TEXT.format(i)) for i in range(n)]


def test_the_default_is_one_worker_per_core() -> None:
    assert Settings().n_process == 0  # 0: automatic
    assert available_cores() >= 1


@pytest.mark.parametrize(
    ("n_docs", "cores", "expected"),
    [
        (1, 2, 1),  # fits one batch of 2: no worker processes
        (2, 2, 1),
        (3, 2, 2),  # two batches
        (5, 2, 2),  # three batches, two cores
        (5, 4, 3),  # no more workers than batches
        (5, 1, 1),
    ],
)
def test_automatic_workers_follow_cores_and_batches(
    pipeline: Pipeline,
    monkeypatch: pytest.MonkeyPatch,
    n_docs: int,
    cores: int,
    expected: int,
) -> None:
    monkeypatch.setattr(pipeline, "settings", Settings().with_(docs_per_batch=2))
    monkeypatch.setattr(pipeline_mod, "available_cores", lambda: cores)
    out = list(pipeline.run(_docs(n_docs)))
    assert [d.document.id for d in out] == [f"d{i}" for i in range(n_docs)]  # type: ignore[union-attr]
    assert pipeline.timings.processes == expected


def test_ingest_reports_the_workers_it_used(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(TEXT.format(i), encoding="utf-8")
    settings = Settings().with_(docs_per_batch=32)
    monkeypatch.setattr(pipeline, "settings", settings)
    report = ingest([folder], tmp_path / "w.duckdb", settings, pipeline=pipeline)
    assert report.documents_written == 3
    assert report.timings.processes == 1  # a handful of documents: parsed in this process
