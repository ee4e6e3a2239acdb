"""Properties of repair that hold for any text: no crash, offsets in range and monotonic,
clean text untouched."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyads.repair import repair, scramble_score, split_sentences

# Pieces that trigger every step, mixed with arbitrary text.
PIECES = [
    "Ōfficials",
    "īy",
    "Ī",
    "fficials",
    "\n",
    "\n\n",
    " ",
    ". ",
    ".",
    ").The",
    "group.But",
    "â€™",
    "Ã©",
    "&amp;",
    "ﬁ",
    "Ｆ",
    "Share on Facebook\n",
    "\nRead more: x\n",
    "U.S.",
    "a.m.",
    "Gen.",
    "No. 2",
    "3.5",
    "”",
    "\r\n",
    "\x85",
    "\u2028",
    "\ufffd",
    "e\u0301",
    "\x00",
]
damaged_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map(
    "".join
)
WORDS = [
    "the",
    "militia",
    "army",
    "attacked",
    "town",
    "rebels",
    "said",
    "officials",
    "on",
    "in",
    "Rwanda",
    "Kigali",
    "border",
    "talks",
    "2019",
    "weapons",
    "group",
    "government",
]
clean_sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=12).map(
    lambda ws: " ".join(ws)[0].upper() + " ".join(ws)[1:] + "."
)
clean_text = st.lists(
    st.lists(clean_sentence, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=5
).map("\n\n".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_text, st.data())
def test_to_original_is_in_range_and_monotonic(text: str, data: st.DataObject) -> None:
    r = repair(text)
    n, m = len(r.text), len(text)
    positions = sorted(data.draw(st.lists(st.integers(-3, n + 3), min_size=2, max_size=8)))
    starts = [r.to_original(p, n)[0] for p in positions]
    ends = [r.to_original(0, p)[1] for p in positions]
    assert starts == sorted(starts)
    assert ends == sorted(ends)
    for a in positions:
        for b in positions:
            s, e = r.to_original(a, b)
            assert 0 <= s <= e <= m


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_repair_and_split_never_crash(text: str) -> None:
    r = repair(text)
    spans = split_sentences(r.text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(r.text)
        assert r.text[a:b] == r.text[a:b].strip()
        last = b
    assert 0.0 <= scramble_score([r.text[a:b] for a, b in spans]) <= 1.0


@settings(max_examples=200, deadline=None)
@given(clean_text, st.integers(0, 500), st.integers(0, 500))
def test_clean_text_is_identity(text: str, a: int, b: int) -> None:
    r = repair(text)
    assert r.text == text
    assert r.steps == ()
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    assert r.to_original(a, b) == (a, b)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            clean_text,
            st.sampled_from(["Share on Facebook", "Advertisement", "Read more: the war"]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_sentences_untouched_by_repair_map_exactly(paragraphs: list[str]) -> None:
    """Dropping boilerplate lines moves the text after them: each sentence still maps onto
    exactly the same characters of the original."""
    text = "\n".join(paragraphs)
    r = repair(text)
    for a, b in split_sentences(r.text):
        s, e = r.to_original(a, b)
        assert text[s:e] == r.text[a:b]


@settings(deadline=None)
@given(st.lists(st.text(max_size=80), max_size=30))
def test_scramble_score_is_in_range(sentences: list[str]) -> None:
    assert 0.0 <= scramble_score(sentences) <= 1.0
