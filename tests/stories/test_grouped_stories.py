"""Stories found by grouping band keys (the Spark pass) are those of the sequential index."""

from __future__ import annotations

import random

import pytest

from dyads.settings import Settings
from dyads.stories import StoryIndex, fingerprint

pd = pytest.importorskip("pandas")


def test_grouped_band_keys_give_the_stories_of_the_sequential_index() -> None:
    from dyads.spark.tasks import band_keys, connected, replayer

    rng = random.Random(7)
    words = [f"w{i}" for i in range(400)]
    originals = [[" ".join(rng.choices(words, k=12)) for _ in range(8)] for _ in range(30)]
    docs = []
    for i in range(120):
        base = rng.choice(originals)
        sents = (
            base[: rng.randint(3, 8)]
            if rng.random() < 0.6
            else [" ".join(rng.choices(words, k=12)) for _ in range(6)]
        )
        docs.append((i, f"d{i}", list(fingerprint(rng.sample(sents, len(sents))))))
    index = StoryIndex()
    want = {doc_id: index.assign(doc_id, fp) for _, doc_id, fp in docs}

    keys = band_keys(Settings())
    buckets: dict[int, list[int]] = {}
    for seq, _, fp in docs:
        for k in keys(fp):
            buckets.setdefault(k, []).append(seq)
    group_of = connected([sorted(s) for s in buckets.values() if len(s) > 1])
    got = {doc_id: doc_id for _, doc_id, _ in docs}
    frame = pd.DataFrame(
        [(group_of[s], s, d, fp) for s, d, fp in docs if s in group_of],
        columns=["group", "seq", "id", "fingerprint"],
    )
    replay = replayer(Settings())
    for _, part in frame.groupby("group"):
        got.update(dict(zip(*replay(part).T.values, strict=True)))
    assert got == want
    assert sum(s != d for d, s in want.items()) > 20  # copies were joined
