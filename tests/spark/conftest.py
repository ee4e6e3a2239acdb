"""One local Spark (``local[2]``) for the whole test session, and the sample corpus ingested on
it and locally. Skips when pyspark or Java is missing; CI installs both (``.ci/run``)."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from dyads.ingest import IngestReport, ingest
from dyads.pipeline import Pipeline

from ..conftest import SAMPLES

pytest.importorskip("pyspark", reason="the Spark tests need the spark extra")
if shutil.which("java") is None:
    pytest.skip(
        "the Spark tests need Java 17 (apt install openjdk-17-jre-headless)",
        allow_module_level=True,
    )


@pytest.fixture(scope="session")
def spark():  # type: ignore[no-untyped-def]
    from dyads.spark import session

    s = session("local[2]", app="dyads-tests")
    yield s
    s.stop()


#: Bad input beside the samples: each is one error of the local ingest, and of the Spark job.
BAD_FILES = {
    "bad/empty.txt": b"",
    "bad/binary.txt": b"\x00\x01\x02 not text \x00" * 50,
    "bad/no-text.csv": b"id,title\n1,no text column\n",
}


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    shutil.copytree(SAMPLES, corpus)
    for name, data in BAD_FILES.items():
        (corpus / name).parent.mkdir(exist_ok=True)
        (corpus / name).write_bytes(data)
    # a second wire file: one record repeats a first file's record (same id, same text: one
    # document, two sources), one reuses an id with another text (scoped to its file), and one
    # line is not JSON (an error naming the line)
    first = [json.loads(line) for line in (SAMPLES / "wire.jsonl").read_text().splitlines()]
    edited = dict(first[1], text=first[1]["text"].replace("said", "stated"))
    lines = [json.dumps(first[0]), json.dumps(edited), "{not json"]
    (corpus / "bad" / "wire-again.jsonl").write_text("\n".join(lines) + "\n")
    return corpus


@dataclass
class Runs:
    corpus: Path
    local_db: Path
    local: IngestReport
    output: Path
    report: object  # dyads.spark.SparkReport


@pytest.fixture(scope="session")
def runs(spark, tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Runs:  # type: ignore[no-untyped-def]
    """The corpus (samples and bad files) ingested locally and on Spark, once."""
    from dyads.spark import spark_ingest

    root = tmp_path_factory.mktemp("spark")
    corpus = _corpus(root)
    db = root / "local.duckdb"
    local = ingest([corpus], db, pipeline=pipeline)
    output = root / "out"
    report = spark_ingest([corpus], output, spark=spark, partitions=2)
    return Runs(corpus, db, local, output, report)
