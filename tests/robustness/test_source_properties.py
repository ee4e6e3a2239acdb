"""Properties of the source readers and of repair-then-split on any input: never crash, every
item is a Document or an error naming the file, and every sentence span maps into the original
document text."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyads.errors import SourceError
from dyads.pipeline import Pipeline
from dyads.records import Document
from dyads.sources import read_file

SUFFIXES = [".txt", ".md", ".jsonl", ".csv", ".tsv", ".html"]
PIECES = st.sampled_from(
    [
        "\n",
        "\r\n",
        ",",
        '"',
        "\t",
        "{",
        "}",
        '{"text": "',
        '"}',
        "<p>",
        "</p>",
        "<html>",
        "\x00",
        "\xff",
        "\xe9",
        "Ōfficials",
        "â€™",
        "text",
        "id,text\n",
        ". ",
        "Iran arms the Houthis.",
    ]
)
RAW = st.one_of(
    st.binary(max_size=400),
    st.lists(PIECES | st.text(max_size=20), max_size=40).map(
        lambda xs: "".join(xs).encode("utf-8", "surrogatepass")
    ),
)


@settings(max_examples=150, deadline=None)
@given(data=RAW, suffix=st.sampled_from(SUFFIXES))
def test_readers_never_crash_and_errors_name_the_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"in{suffix}"
        path.write_bytes(data)
        warnings: list[tuple[str, str]] = []
        items = list(read_file(path, lambda p, m: warnings.append((p, m))))
    for item in items:
        assert isinstance(item, Document | SourceError)
        if isinstance(item, SourceError):
            assert f"in{suffix}" in str(item) and "\n" not in str(item)
        else:
            assert item.text.strip() and item.id
    assert all(p.endswith(f"in{suffix}") for p, _ in warnings)


@settings(max_examples=80, deadline=None)
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(["id", "text", "title", "date"]), st.text(max_size=30) | st.integers()
        ),
        min_size=1,
        max_size=6,
    ),
    ascii_only=st.booleans(),
)
def test_jsonl_records_are_one_per_line_and_errors_carry_the_line_number(
    records: list[dict[str, object]], ascii_only: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.jsonl"
        lines = [json.dumps(r, ensure_ascii=ascii_only) for r in records]
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        items = list(read_file(path))
    if all(not line.strip() for line in lines) or not any(
        isinstance(r.get("text"), str) for r in records
    ):
        return
    for item in items:
        if isinstance(item, SourceError) and item.line is not None:
            assert 1 <= item.line <= len(records), str(item)
            assert "invalid JSON" not in str(item), str(item)  # every line was valid JSON


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(PIECES | st.text(max_size=30), max_size=60).map("".join))
def test_sentence_spans_always_map_into_the_original_text(pipeline: Pipeline, text: str) -> None:
    doc = Document(id="x", text=text)
    prepared = pipeline._prepare(doc)  # repair, split and map back: no spaCy
    n = len(text)
    last = -1
    for s in prepared.sentences:
        assert 0 <= s.start <= s.end <= n
        assert s.start >= last  # in document order
        last = s.start
        assert s.text.strip() == s.text and s.text
