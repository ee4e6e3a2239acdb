"""The ingest on Apache Spark: the same passes as ``dyads.ingest``, over a cluster.

``spark_ingest(inputs, output)`` writes a folder of Parquet tables, one folder per table of the
store (``output/documents/``, ``output/relations/``, ...), with the store's schema
(:data:`dyads.store.schema.ARROW`); ``--db output`` reads it (:class:`dyads.store.Store` opens a
folder as DuckDB views over the files). The passes, each the function the local ingest calls:

1. **read**: the files are listed on the driver (:func:`dyads.sources.iter_files`, the local
   order) and read on the executors with the local readers (:func:`dyads.sources.read_file`):
   text, HTML, JSONL, CSV, Parquet. A bad file or record is a row of ``output/errors/`` with the
   one-line message the local ingest prints; warnings go to ``output/warnings/``.
2. **identify**: a record id held by two texts is scoped to its file
   (:func:`dyads.ingest.scoped_id`), a text held by two sources is parsed once (both sources
   point at it): window functions over the id, in the local ingest's reading order.
3. **process**: :meth:`dyads.pipeline.Pipeline.process_batch` and
   :func:`dyads.store.batch_tables` in ``mapInArrow``, one pipeline (one spaCy model) per
   executor process.
4. **stories**: each document's MinHash band keys (:meth:`dyads.stories.StoryIndex.band_keys`) are
   grouped; documents sharing no bucket are stories of their own, and each group of connected
   documents is replayed through a :class:`~dyads.stories.StoryIndex` in reading order, so every
   document gets the story the local ingest gives it.
5. **actors**: one row per actor id, the first document's (as the local ``INSERT``).
6. **sorted copies**: ``relations_by_source`` and ``relations_by_target``, sorted by the actor
   hierarchy's tops as :func:`dyads.store.ensure_indexes` sorts them.

Needs the ``spark`` extra (``pip install 'dyads[spark]'``) and Java 17.
"""

from __future__ import annotations

from dyads.spark.job import SparkReport, session, spark_ingest

__all__ = ["SparkReport", "session", "spark_ingest"]
