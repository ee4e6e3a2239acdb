"""The repair data file loads, and a broken one is refused with its name and the reason."""

from __future__ import annotations

import pytest

from dyads.errors import DataError
from dyads.repair.data import load, parse


def test_shipped_data_loads() -> None:
    data = load()
    assert {"gen", "dr", "lt", "col", "mr"} <= data.titles
    assert "no" in data.before_number  # quoted in the file: YAML would read it as False
    assert data.lookalikes["Ō"] == "O"
    assert data.boilerplate.search("Share on Facebook\n")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abbreviations: [", "invalid YAML"),
        ("- a list", "mapping"),
        ("boilerplate: {patterns: ['(']}", "bad boilerplate pattern"),
        ("boilerplate: {patterns: [x]}\ndropcap: {lookalikes: {AB: C}}", "single characters"),
    ],
)
def test_broken_data_is_refused(text: str, reason: str) -> None:
    with pytest.raises(DataError, match=reason) as err:
        parse(text)
    assert "repair.yaml" in str(err.value)
