"""Time filters: dates in the text and document dates, read as intervals."""

from __future__ import annotations

from pathlib import Path

import pytest

import dyads
from dyads.analysis import TimeFilter, supporters
from dyads.analysis.timefilter import date_bounds
from dyads.errors import QueryError

from .handmade import make_store, rel


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        ("2015", ("2015-01-01", "2015-12-31")),
        ("2023-03", ("2023-03-01", "2023-03-31")),
        ("2024-02-15", ("2024-02-15", "2024-02-15")),
        ("1990s", ("1990-01-01", "1999-12-31")),
        ("2024-02-15T10:00:00Z", ("2024-02-15", "2024-02-15")),
    ],
)
def test_date_bounds(value: str, bounds: tuple[str, str]) -> None:
    assert date_bounds(value) == bounds


def test_a_bad_date_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="cannot read the date"):
        TimeFilter(since="last year")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = {
        "d2023": ("2023-03-05", "s1"),
        "dnone": (None, "s2"),
        "d2010": ("2010-06-01", "s3"),
        "d2025": ("2025-01-01", "s4"),
    }
    rels = [
        rel("iran", "SUPPORTS", "houthis", "dnone", kinds=["weapons"], date="2015"),  # iran: 2015
        rel("saudi-arabia", "SUPPORTS", "houthis", "d2023"),  # saudi: doc 2023-03-05
        rel("pakistan", "SUPPORTS", "houthis", "d2010", date="1990s"),  # pakistan: 1990s
        rel("hamas", "SUPPORTS", "houthis", "dnone"),  # hamas: undated
        rel(
            "taliban", "SUPPORTS", "houthis", "d2025", date="2020"
        ),  # taliban: 2020, published 2025
    ]
    return make_store(tmp_path_factory.mktemp("tf") / "tf.duckdb", docs, rels)


@pytest.mark.parametrize(
    ("tf", "expected"),
    [
        (TimeFilter(), {"iran", "saudi-arabia", "pakistan", "hamas", "taliban"}),
        (TimeFilter(since="2016"), {"saudi-arabia", "taliban"}),
        (TimeFilter(since="2015-12"), {"iran", "saudi-arabia", "taliban"}),
        (TimeFilter(until="2015"), {"iran", "pakistan"}),
        (TimeFilter(until="1995"), {"pakistan"}),
        (TimeFilter(since="1999", until="2015-01"), {"iran", "pakistan"}),
        (TimeFilter(since="2023-03", until="2023-03"), {"saudi-arabia"}),
        # as of 2024: published by then (taliban's document is from 2025); undated documents
        # fall back to the claim's own date (iran 2015), and undated claims are dropped (hamas)
        (TimeFilter(as_of="2024"), {"iran", "saudi-arabia", "pakistan"}),
        (TimeFilter(as_of="2012"), {"pakistan"}),  # iran: undated document, claim dated 2015
    ],
)
def test_filters(store_path: Path, tf: TimeFilter, expected: set[str]) -> None:
    with dyads.open(store_path) as store:
        got = {r.id for r in supporters(store, "houthis", time=tf).rows}
    assert got == expected
