"""Generated text through the whole pipeline into a store, not only the readers: arbitrary
unicode, control characters and escape sequences, lone surrogates where JSON allows them (as
``\\ud83d`` escapes), in texts, ids, titles and file names. The ingest never raises; every
record is stored or reported; the store is consistent and prints safely; a second run stores
nothing new."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import duckdb
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyads.cli import main
from dyads.ingest import ingest
from dyads.pipeline import Pipeline

NASTY = st.sampled_from(
    [
        "\ud83d",
        "\udc00",
        "\ud83d\ude00",
        "\x00",
        "\x1b]0;PWNED\x07",
        "\x1b[2J",
        "\x9b31m",
        "\r",
        "\u2028",
        "\ufeff",
        "\u202e",
        "Ōfficials",
        "â€™",
        "?",
        ".",
        "-and ",
        "U.S.",
        "\n\n",
        "Iran has supplied the Houthis with drones. ",
        "Rwanda has backed the M23 rebels. ",
    ]
)
TEXT = st.lists(NASTY | st.text(max_size=12), min_size=1, max_size=25).map("".join)
FIELD = st.none() | TEXT | st.integers(-5, 5)
RECORD = st.fixed_dictionaries(
    {"text": TEXT}, optional={"id": FIELD, "title": FIELD, "source": FIELD, "date": FIELD}
)
NAME = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]),
    min_size=1,
    max_size=12,
)
CONTROLS = {chr(c) for c in (*range(0, 9), *range(11, 32), *range(127, 160))}


def _q(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(records=st.lists(RECORD, min_size=1, max_size=5), name=NAME, loose=TEXT)
def test_generated_input_through_the_pipeline_into_a_store(
    pipeline: Pipeline, records: list[dict[str, object]], name: str, loose: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        lines = [json.dumps(r, ensure_ascii=True) for r in records]  # surrogates as escapes
        (folder / "w.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        safe_name = name.replace(".", "_").strip() or "x"
        (folder / f"{safe_name}.txt").write_bytes(loose.encode("utf-8", "surrogatepass"))
        db = Path(tmp) / "s.duckdb"

        report = ingest([folder], db, pipeline=pipeline)
        assert report.documents_read + len(report.errors) >= 1
        for err in report.errors:
            assert "\n" not in str(err) and not CONTROLS & set(str(err))
            assert "w.jsonl" in str(err) or ".txt" in str(err)  # the file, its name escaped

        n_docs = _q(db, "SELECT count(*) FROM documents")[0][0]
        assert n_docs <= report.documents_read
        for table in ("sentences", "mentions", "relations"):
            orphans = _q(
                db, f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
            )
            assert orphans == [(0,)]
        bad_span = _q(
            db,
            """SELECT count(*) FROM relations r JOIN documents d ON d.id = r.doc_id
               WHERE r.start < 0 OR r."end" > length(d.text) OR r.start > r."end" """,
        )
        assert bad_span == [(0,)]
        for text, path, title in _q(db, "SELECT text, path, title FROM documents"):
            for value in (text, path, title):
                assert value is None or not any("\ud800" <= c <= "\udfff" for c in value)

        for args in (["docs"], ["relations"], ["docs", "--json"]):
            out = CliRunner().invoke(main, [*args, "--db", str(db)])
            assert out.exit_code == 0, out.output
            assert not CONTROLS & set(out.output)

        again = ingest([folder], db, pipeline=pipeline)
        assert again.documents_written == 0 and again.documents_replaced == 0
        assert len(again.errors) == len(report.errors)
