"""The store's tables. Plain DuckDB tables that export to Parquet as they are, so the web app and
a distributed run can read them without dyads. Bump SCHEMA_VERSION on any change.

Only ``meta``, ``documents`` and ``actors`` have a PRIMARY KEY: DuckDB keeps each key's ART index
in memory for as long as the database is open, and the per-document tables hold ~30 rows per
document (measured ~0.8 kB of ART per document with keys on ``sentences`` and ``relations``).
Their rows are written only with a document that is not yet stored, in the same transaction
(``Store.write``), so the document key alone keeps them free of duplicates.
Version 2: no PRIMARY KEY on ``sentences`` and ``relations``."""

SCHEMA_VERSION = 2

TABLES: dict[str, str] = {
    "meta": """
        key VARCHAR PRIMARY KEY,
        value VARCHAR
    """,
    "documents": """
        id VARCHAR PRIMARY KEY,
        path VARCHAR,
        url VARCHAR,
        title VARCHAR,
        date VARCHAR,
        outlet VARCHAR,
        story_id VARCHAR,
        scramble DOUBLE,
        n_sentences INTEGER,
        n_chars INTEGER,
        repairs VARCHAR,
        fingerprint BIGINT[],
        text VARCHAR
    """,
    "sentences": """
        doc_id VARCHAR,
        idx INTEGER,
        start INTEGER,
        "end" INTEGER,
        text VARCHAR
    """,
    "actors": """
        id VARCHAR PRIMARY KEY,
        name VARCHAR,
        type VARCHAR,
        country VARCHAR,
        parent VARCHAR,
        aliases VARCHAR[],
        origin VARCHAR
    """,
    "mentions": """
        doc_id VARCHAR,
        sentence INTEGER,
        start INTEGER,
        "end" INTEGER,
        text VARCHAR,
        actor_id VARCHAR,
        rule VARCHAR
    """,
    "relations": """
        id VARCHAR,
        relation VARCHAR,
        source_id VARCHAR,
        source_mention VARCHAR,
        target_id VARCHAR,
        target_mention VARCHAR,
        kinds VARCHAR[],
        role VARCHAR,
        date VARCHAR,
        modality VARCHAR,
        polarity VARCHAR,
        attributed_to VARCHAR,
        doc_id VARCHAR,
        sentence INTEGER,
        start INTEGER,
        "end" INTEGER,
        evidence VARCHAR,
        confidence DOUBLE,
        cue VARCHAR
    """,
}

#: Tables written per document, in insertion order.
DOCUMENT_TABLES = ("documents", "sentences", "mentions", "relations")
