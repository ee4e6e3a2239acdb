"""The Spark job of ``dyads spark ingest``: the passes of :mod:`dyads.spark`, on DataFrames.

The functions that run on the executors (reading, processing, replaying stories) live in
:mod:`dyads.spark.tasks`, which imports no Spark: each is a plain function of rows.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from dyads.errors import SourceError, UnreadableFile, UsageError
from dyads.settings import Settings
from dyads.sources import DEFAULT_FIELDS, RecordFields, iter_files
from dyads.sources.readers import display
from dyads.spark import tasks
from dyads.store import SORTED_STAMP
from dyads.store.clustered import CLUSTERED, DOC_FIELDS, stamp
from dyads.store.hierarchy import ROLLUP_TYPES, Hierarchy
from dyads.store.schema import ARROW, MARKER

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

#: Spark settings for a local master: loopback only, no web UI (a laptop or CI machine).
LOCAL_CONF = {
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "8",
    "spark.ui.showConsoleProgress": "false",
}
#: Bytes per Parquet row group of the sorted relation copies. A pair query reads whole row
#: groups, so small groups let DuckDB skip more of them by their min/max statistics (as
#: ``dyads.store.ROW_GROUP_SIZE`` does for a DuckDB store).
COPY_ROW_GROUP_BYTES = 1 << 20
#: Errors (and warnings) a report carries to the driver; the rest are in ``output/errors/``.
SHOWN_PROBLEMS = 100


@dataclass
class SparkReport:
    """What a Spark ingest did: rows per table written, errors, and seconds per pass."""

    output: str
    counts: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    warnings: int = 0
    #: The first :data:`SHOWN_PROBLEMS` error lines, and as many warnings: (path, message) for a
    #: warning, the one-line message for an error (all are in ``output/errors``, ``warnings``).
    error_lines: list[str] = field(default_factory=list)
    warning_lines: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    startup: float = 0.0  # seconds to start the SparkSession (0 when one was running)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def session(master: str | None = None, app: str = "dyads") -> SparkSession:
    """A SparkSession: ``master`` (a URL: ``local[2]``, ``spark://host:7077``, ``yarn``), else
    the one ``spark-submit`` set, else ``local[*]``. A local master listens on loopback only."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    conf = SparkConf()
    master = master or conf.get("spark.master", None) or "local[*]"
    builder = SparkSession.builder.appName(app).master(master)
    if master.startswith("local"):
        # the Python workers run the interpreter of the driver (with dyads installed)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # else it picks a network address
        for key, value in LOCAL_CONF.items():
            builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_ingest(
    inputs: Iterable[str | Path],
    output: str | Path,
    settings: Settings | None = None,
    *,
    spark: SparkSession | None = None,
    master: str | None = None,
    partitions: int | None = None,
    fields: RecordFields = DEFAULT_FIELDS,
) -> SparkReport:
    """Ingest files and folders into ``output``, a folder of Parquet tables (replaced if it
    exists). Bad input never raises: each bad file or record is a row of ``output/errors/``
    (``report.errors`` counts them). Uses ``spark`` if given (and leaves it running), else starts
    a session on ``master`` and stops it at the end. ``partitions``: how many tasks parse
    (default: Spark's default parallelism)."""
    settings = settings or Settings()
    out = str(output)
    from pyspark.sql import SparkSession

    t0 = time.perf_counter()
    # a session this call starts is stopped at the end; one already running is left running
    own = spark is None and SparkSession.getActiveSession() is None
    spark = spark or session(master)
    report = SparkReport(out, startup=time.perf_counter() - t0 if own else 0.0)
    try:
        _run(spark, [str(p) for p in inputs], out, settings, partitions, fields, report)
    finally:
        if own:
            spark.stop()
    return report


def _run(
    spark: SparkSession,
    inputs: list[str],
    out: str,
    settings: Settings,
    partitions: int | None,
    fields: RecordFields,
    report: SparkReport,
) -> None:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    from pyspark.sql.window import Window

    sc = spark.sparkContext
    n = partitions or sc.defaultParallelism
    if n < 1:
        raise UsageError(f"--partitions must be at least 1, not {n}")
    clock = _Clock(report)

    # -- 1. read ---------------------------------------------------------------------------------
    files, listing_errors = _list_files(inputs, settings)
    rows: list[tuple[Any, ...]] = [tasks.error_row(i, 0, err) for i, err in listing_errors]
    read_schema = _spark_schema(tasks.READ_SCHEMA)
    read = spark.createDataFrame(rows, read_schema) if rows else None
    if files:
        rdd = sc.parallelize(files, max(1, min(len(files), n * 4)))
        got = rdd.mapPartitions(tasks.reader(settings, fields)).toDF(read_schema)
        read = got if read is None else read.unionByName(got)
    if read is None:
        read = spark.createDataFrame([], read_schema)
    read = read.persist(StorageLevel.MEMORY_AND_DISK)
    clock("read")

    problems = read.filter(F.col("kind") != "doc")
    _write(
        problems.filter(F.col("kind") == "error")
        .orderBy("seq")
        .select("path", "line", "code", "message"),
        out,
        "errors",
    )
    _write(
        problems.filter(F.col("kind") == "warning").orderBy("seq").select("path", "message"),
        out,
        "warnings",
    )

    # -- 2. identify -----------------------------------------------------------------------------
    docs = read.filter(F.col("kind") == "doc").withColumn(
        "key", F.coalesce(F.col("source"), F.col("id"))
    )
    first_of_key = Window.partitionBy("key").orderBy("seq")
    docs = docs.withColumn("_k", F.row_number().over(first_of_key)).filter("_k = 1").drop("_k")
    by_id = Window.partitionBy("id").orderBy("seq")
    docs = (
        docs.withColumn("_first_hash", F.first("text_hash").over(by_id))
        .withColumn("_first_seq", F.first("seq").over(by_id))
        .withColumn(
            "role",
            F.when(F.col("seq") == F.col("_first_seq"), "parse")
            .when(F.col("text_hash") == F.col("_first_hash"), "link")
            .otherwise("parse"),
        )
        .withColumn(
            "id",
            F.when(
                (F.col("seq") != F.col("_first_seq"))
                & (F.col("text_hash") != F.col("_first_hash")),
                F.concat(F.col("id"), F.lit("~"), _stable_hash8(F.col("key"))),
            ).otherwise(F.col("id")),
        )
        .drop("_first_hash", "_first_seq")
    ).persist(StorageLevel.MEMORY_AND_DISK)
    _write(
        docs.orderBy("seq").select(
            F.col("key").alias("source"), F.col("id").alias("doc_id"), "text_hash"
        ),
        out,
        "sources",
    )
    clock("identify")

    # -- 3. process ------------------------------------------------------------------------------
    to_parse = docs.filter(F.col("role") == "parse").select(*tasks.DOC_COLUMNS)
    processed_schema = _spark_schema(tasks.PROCESSED_SCHEMA)
    processed = (
        to_parse.repartition(n)
        .mapInArrow(tasks.processor(settings), processed_schema)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    processed.count()
    clock("process")

    # -- 4. stories ------------------------------------------------------------------------------
    documents = processed.filter(F.col("table") == "documents").select("seq", F.col("documents.*"))
    with warnings.catch_warnings():  # "cannot infer the eval type from type hints": a plain UDF
        warnings.simplefilter("ignore", UserWarning)
        band_udf = F.udf(tasks.band_keys(settings), T.ArrayType(T.LongType()))
    keys = documents.select("seq", F.explode(band_udf(F.col("fingerprint"))).alias("band"))
    buckets = (
        keys.groupBy("band")
        .agg(F.sort_array(F.collect_list("seq")).alias("seqs"))
        .filter(F.size("seqs") > 1)
        .select("seqs")
    )
    group_of = tasks.connected([r.seqs for r in buckets.toLocalIterator()])
    if group_of:
        groups = spark.createDataFrame(
            list(group_of.items()),
            T.StructType(
                [T.StructField("seq", T.LongType()), T.StructField("group", T.LongType())]
            ),
        )
        replay_in = documents.join(
            F.broadcast(groups) if len(group_of) < 1_000_000 else groups, "seq"
        ).select("group", "seq", "id", "fingerprint")
        stories = replay_in.groupBy("group").applyInPandas(
            tasks.replayer(settings), "id string, story string"
        )
        documents = documents.join(stories, "id", "left").withColumn(
            "story_id", F.coalesce(F.col("story"), F.col("id"))
        )
    else:
        documents = documents.withColumn("story_id", F.col("id"))
    doc_cols = [c.name for c in tasks.table_columns("documents")]
    documents = documents.orderBy("seq").select(*doc_cols).persist(StorageLevel.MEMORY_AND_DISK)
    _write(documents, out, "documents")
    clock("stories")

    # -- 5. actors, and the other per-document tables ---------------------------------------------
    actors = processed.filter(F.col("table") == "actors").select("seq", F.col("actors.*"))
    first_of_actor = Window.partitionBy("id").orderBy("seq")
    actors = (
        actors.withColumn("_k", F.row_number().over(first_of_actor))
        .filter("_k = 1")
        .orderBy("id")
        .select(*[c.name for c in tasks.table_columns("actors")])
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    _write(actors, out, "actors")
    for name in ("sentences", "mentions", "relations"):
        part = processed.filter(F.col("table") == name).orderBy("seq").select(f"{name}.*")
        _write(part, out, name)
    clock("actors")

    # -- 6. sorted copies ------------------------------------------------------------------------
    hier = Hierarchy(
        {
            r.id: r.parent
            for r in actors.filter(F.col("parent").isNotNull())
            .select("id", "type", "parent")
            .collect()
            if r.type in ROLLUP_TYPES and r.parent and r.parent != r.id
        }
    )
    mapping = hier.mapping()
    tops = spark.createDataFrame(
        list(mapping.items()),
        T.StructType([T.StructField("id", T.StringType()), T.StructField("up", T.StringType())]),
    )
    relations = processed.filter(F.col("table") == "relations").select(F.col("relations.*"))
    rel_cols = relations.columns
    doc = documents.select(
        F.col("id").alias("_doc_id"),
        F.struct(*[F.col(f) for f in DOC_FIELDS]).alias("doc"),
    )
    staged = relations.join(doc, relations.doc_id == doc._doc_id, "left").drop("_doc_id")
    ts, tt = tops.alias("ts"), tops.alias("tt")
    staged = (
        staged.join(F.broadcast(ts), staged.source_id == F.col("ts.id"), "left")
        .join(F.broadcast(tt), staged.target_id == F.col("tt.id"), "left")
        .select(
            *[staged[c] for c in rel_cols],
            staged["doc"],
            F.coalesce(F.col("ts.up"), staged.source_id).alias("source_top"),
            F.coalesce(F.col("tt.up"), staged.target_id).alias("target_top"),
        )
    ).persist(StorageLevel.MEMORY_AND_DISK)
    for side, table in CLUSTERED.items():
        other = "target" if side == "source" else "source"
        ordered = staged.orderBy(f"{side}_top", f"{side}_id", f"{other}_id")
        _write(ordered, out, table, row_group_bytes=COPY_ROW_GROUP_BYTES)
    staged.unpersist()
    meta = [*MARKER.items(), (SORTED_STAMP, stamp(hier))]
    _write(spark.createDataFrame(meta, "key string, value string").coalesce(1), out, "meta")
    clock("sorted copies")

    report.counts = {
        "documents": documents.count(),
        "actors": actors.count(),
        "relations": relations.count(),
    }
    errors = problems.filter(F.col("kind") == "error")
    notes = problems.filter(F.col("kind") == "warning")
    report.errors, report.warnings = errors.count(), notes.count()
    shown = SHOWN_PROBLEMS
    report.error_lines = [r.message for r in errors.orderBy("seq").limit(shown).collect()]
    report.warning_lines = [
        (r.path, r.message) for r in notes.orderBy("seq").limit(shown).collect()
    ]
    for df in (read, docs, processed, documents, actors):
        df.unpersist()


def _list_files(
    inputs: list[str], settings: Settings
) -> tuple[list[tuple[int, str]], list[tuple[int, SourceError]]]:
    """(file number, path) of every file to read, in the local ingest's order, and the errors
    of listing (numbered in the same sequence). Paths must be readable where the executors run:
    local paths for a local master, a shared file system (NFS, a mounted bucket) on a cluster."""
    files: list[tuple[int, str]] = []
    errors: list[tuple[int, SourceError]] = []
    for i, item in enumerate(iter_files(inputs, follow_links=settings.follow_links)):
        if isinstance(item, SourceError):
            errors.append((i, item))
        elif not (item.exists() or item.is_symlink()):
            errors.append((i, UnreadableFile("no such file or folder", path=display(item))))
        else:
            files.append((i, os.fsdecode(item)))
    return files, errors


def _stable_hash8(col: Any) -> Any:
    """Spark SQL for ``dyads.records.stable_hash("source", col, length=8)``."""
    from pyspark.sql import functions as F

    return F.substring(F.sha2(F.concat(F.lit("source\x1f"), col, F.lit("\x1f")), 256), 1, 8)


def _spark_schema(schema: pa.Schema) -> Any:
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def _write(df: DataFrame, out: str, name: str, *, row_group_bytes: int | None = None) -> None:
    writer = df.write.mode("overwrite")
    if row_group_bytes:
        writer = writer.option("parquet.block.size", row_group_bytes)
    writer.parquet(f"{out.rstrip('/')}/{name}")


class _Clock:
    def __init__(self, report: SparkReport) -> None:
        self.report = report
        self.last = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.report.seconds[name] = now - self.last
        self.last = now


__all__ = ["ARROW", "SparkReport", "session", "spark_ingest"]
