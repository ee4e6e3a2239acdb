"""Story clustering benchmark: precision, recall and speed on a synthetic corpus of copies.

Each document of ``bench/corpus.py`` goes through repair, sentence splitting, ``fingerprint``
and ``StoryIndex.assign`` (no spaCy), in arrival order, as at ingest. Prints pairwise precision
and recall of the stories against the known labels, the share of each kind of copy that joined
its original's story, the share of new articles wrongly joined to an earlier story, documents
per second per stage, the scramble score by kind, and peak memory.

    python bench/stories_bench.py --docs 100000            # the reference run (2 cores: ~5 min)
    python bench/stories_bench.py --docs 5000 --samples samples
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is not a package

from corpus import KINDS, make_corpus  # noqa: E402

from dyads.repair import repair, scramble_score, split_sentences  # noqa: E402
from dyads.stories import StoryIndex, fingerprint  # noqa: E402

GOAL_PRECISION = 0.99
GOAL_RECALL_SHUFFLED = 0.95
SCRAMBLE_EVERY = 10  # the scramble score is measured on every tenth document


def _pairs(counts: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def run(
    n_docs: int, seed: int, samples: str | None, threshold: float, num_perm: int
) -> dict[str, object]:
    index = StoryIndex(threshold, num_perm)
    seconds: dict[str, float] = defaultdict(float)
    label_of: list[str] = []
    pred_of: list[str] = []
    kind_of: list[str] = []
    founder_label: dict[str, str] = {}  # predicted story -> label of its first document
    original_story: dict[str, str] = {}  # label -> predicted story of the label's first document
    scramble: dict[str, list[float]] = defaultdict(list)
    chars = 0
    t_start = time.perf_counter()
    cpu_start = time.process_time()
    for i, doc in enumerate(make_corpus(n_docs, seed, samples)):
        t0 = time.perf_counter()
        fixed = repair(doc["text"])
        sentences = [fixed.text[a:b] for a, b in split_sentences(fixed.text)]
        t1 = time.perf_counter()
        fp = fingerprint(sentences)
        t2 = time.perf_counter()
        story = index.assign(doc["id"], fp)
        t3 = time.perf_counter()
        seconds["repair+split"] += t1 - t0
        seconds["fingerprint"] += t2 - t1
        seconds["assign"] += t3 - t2
        chars += len(doc["text"])
        if i % SCRAMBLE_EVERY == 0:
            scramble[doc["kind"]].append(scramble_score(sentences))
        label_of.append(doc["story"])
        pred_of.append(story)
        kind_of.append(doc["kind"])
        founder_label.setdefault(story, doc["story"])
        original_story.setdefault(doc["story"], story)
    total = time.perf_counter() - t_start
    cpu = time.process_time() - cpu_start
    # Pairwise precision and recall over all documents.
    tp = _pairs(Counter(zip(pred_of, label_of, strict=True)))
    pred_pairs = _pairs(Counter(pred_of))
    label_pairs = _pairs(Counter(label_of))
    joined: dict[str, list[bool]] = defaultdict(list)
    for label, pred, kind in zip(label_of, pred_of, kind_of, strict=True):
        if kind in ("original", "unrelated"):
            # a new article must start its own story
            joined[kind].append(founder_label[pred] == label and original_story[label] == pred)
        else:
            joined[kind].append(original_story[label] == pred)
    return {
        "documents": len(label_of),
        "stories_true": len(set(label_of)),
        "stories_found": len(set(pred_of)),
        "pairwise_precision": tp / pred_pairs if pred_pairs else 1.0,
        "pairwise_recall": tp / label_pairs if label_pairs else 1.0,
        "correct_by_kind": {k: (sum(v) / len(v), len(v)) for k, v in joined.items()},
        "docs_per_s": len(label_of) / total,
        "docs_per_cpu_s": len(label_of) / cpu,
        "mb_per_s": chars / 1e6 / total,
        "seconds": dict(seconds, total=total, cpu=cpu),
        "scramble_by_kind": {k: sum(v) / len(v) for k, v in scramble.items() if v},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "bands_rows": (index.bands, index.rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--samples", default=None, help="folder of sample articles for the corpus")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--num-perm", type=int, default=128)
    args = parser.parse_args()
    r = run(args.docs, args.seed, args.samples, args.threshold, args.num_perm)
    secs = r["seconds"]
    assert isinstance(secs, dict)
    print(
        f"documents            {r['documents']:,} ({r['stories_true']:,} true stories, {r['stories_found']:,} found)"
    )
    print(
        f"threshold, num_perm  {args.threshold}, {args.num_perm} (bands x rows {r['bands_rows']})"
    )
    print(f"pairwise precision   {r['pairwise_precision']:.4f}  (goal >= {GOAL_PRECISION})")
    print(f"pairwise recall      {r['pairwise_recall']:.4f}")
    print(
        "correct by kind      (copies: joined the original's story; new articles: started their own)"
    )
    by_kind = r["correct_by_kind"]
    assert isinstance(by_kind, dict)
    for kind in KINDS:
        if kind in by_kind:
            share, n = by_kind[kind]
            goal = f"  (goal >= {GOAL_RECALL_SHUFFLED})" if kind == "shuffled" else ""
            print(f"  {kind:<12} {share:.4f} of {n:,}{goal}")
    print(
        f"throughput           {r['docs_per_s']:.0f} docs/s, {r['mb_per_s']:.2f} MB/s wall clock;"
        f" {r['docs_per_cpu_s']:.0f} docs per CPU second (1 process, corpus generation included)"
    )
    print("seconds              " + ", ".join(f"{k} {v:.1f}" for k, v in secs.items()))
    sc = r["scramble_by_kind"]
    assert isinstance(sc, dict)
    print("mean scramble score  " + ", ".join(f"{k} {sc[k]:.2f}" for k in KINDS if k in sc))
    print(f"peak RSS             {r['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
