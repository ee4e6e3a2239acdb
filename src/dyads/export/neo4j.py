"""Neo4j bulk import: CSV files with neo4j-admin headers, and ``import.sh`` with the command.

- ``actors.csv``: ``id:ID(Actor)``, name, type, country, ``aliases:string[]``, ``:LABEL``
  (``Actor`` plus the type in CamelCase, e.g. ``Actor;ArmedGroup``);
- ``relations.csv``: one relationship per claim, ``:START_ID(Actor)``, ``:END_ID(Actor)``,
  ``:TYPE`` (SUPPORTS, ATTACKS...), and the claim's properties (``kinds:string[]``, modality,
  polarity, ``counted:boolean``, evidence sentence, document, story id, dates);
- ``part_of.csv``: PART_OF relationships from the gazetteer hierarchy.

Arrays use ``;``, the neo4j-admin default. See docs/exports.md.
"""

from __future__ import annotations

from pathlib import Path

from dyads.export.csvfiles import copy
from dyads.export.tables import ExportOptions, claims_sql
from dyads.store import Store

#: The import command written to import.sh (Neo4j 5 syntax).
COMMAND = (
    "neo4j-admin database import full neo4j --overwrite-destination "
    "--nodes=actors.csv --relationships=relations.csv --relationships=part_of.csv "
    "--array-delimiter=';' --skip-bad-relationships=true"
)


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    label = (
        "'Actor;' || list_reduce(list_transform(string_split(coalesce(a.type, 'other'), '_'), "
        "lambda x: upper(x[1]) || x[2:]), lambda p, q: p || q)"
    )
    actors = copy(
        store,
        f"""SELECT a.id AS "id:ID(Actor)", a.name, a.type, a.country,
                   array_to_string(a.aliases, ';') AS "aliases:string[]",
                   coalesce(a.generic, false) AS "generic:boolean", {label} AS ":LABEL"
            FROM actors a ORDER BY a.id""",
        [],
        path / "actors.csv",
        "csv",
    )
    c_sql, c_params = claims_sql(store, opts, list_sep=";")
    rels = copy(
        store,
        f"""SELECT source_id AS ":START_ID(Actor)", target_id AS ":END_ID(Actor)", relation AS ":TYPE",
                   id AS claim_id, kinds AS "kinds:string[]", role, date, modality, polarity,
                   counted AS "counted:boolean", attributed_to_id AS attributed_to,
                   confidence AS "confidence:double", evidence_doc AS doc_id,
                   document_story_id AS story_id, document_date AS doc_date,
                   document_outlet AS outlet, coalesce(document_url, document_path) AS location,
                   evidence_sentence AS evidence, source_mention, target_mention,
                   plover_event, plover_mode, evidence_start AS "start:int", evidence_end AS "end:int"
            FROM ({c_sql}) c""",
        c_params,
        path / "relations.csv",
        "csv",
    )
    part_of = copy(
        store,
        """SELECT a.id AS ":START_ID(Actor)", a.parent AS ":END_ID(Actor)", 'PART_OF' AS ":TYPE"
           FROM actors a JOIN actors p ON p.id = a.parent ORDER BY a.id""",
        [],
        path / "part_of.csv",
        "csv",
    )
    script = path / "import.sh"
    script.write_text(
        "#!/bin/sh\n"
        "# Import into a stopped Neo4j 5 DBMS, then start it and run: CREATE DATABASE neo4j (if needed).\n"
        "# Run from this directory, or give absolute paths; $NEO4J_HOME/bin must be on PATH.\n"
        f"{COMMAND}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return [actors, rels, part_of, script]
