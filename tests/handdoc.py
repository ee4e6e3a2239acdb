"""spaCy Docs built by hand, so a rule's test checks our logic and not the statistical model.

A sentence is written as a table, one token per line::

    Iran      iran    PROPN NNP  2 nsubj  B-GPE
    has       have    AUX   VBZ  2 aux
    armed     arm     VERB  VBN  2 ROOT
    the       the     DET   DT   4 det
    Houthis   houthis PROPN NNPS 2 dobj   B-ORG
    .         .       PUNCT .    2 punct

columns: word, lemma (``=`` for the lower-cased word), coarse POS, fine tag, the index of the
head (0-based; the root points at itself), dependency label, and an optional BIO entity tag.
Spaces follow every token except before punctuation and around hyphens.

``python -m tests.handdoc "A sentence."`` prints the table the small model gives, as a starting
point to edit: the test then holds the parse, whatever a later model does.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyads.actors import ActorResolver, DocumentActors, load_gazetteer
from dyads.records import Relation, Sentence
from dyads.relations import RelationExtractor

_NO_SPACE_BEFORE = {",", ".", "?", "!", ";", ":", "'s", "'", "’s", "’", ")", "n't", "-", "%", '"'}
_NO_SPACE_AFTER = {"(", "-", "$"}


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    return spacy.blank("en").vocab


def doc(table: str) -> Doc:
    """The Doc a token table describes (format in the module docstring)."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words, lemmas, pos, tags, heads, deps, ents = [], [], [], [], [], [], []
    for n, row in enumerate(rows):
        if len(row) not in (6, 7):
            raise ValueError(f"row {n}: expected 6 or 7 columns, got {row}")
        word, lemma, p, tag, head, dep = row[:6]
        words.append(word)
        lemmas.append(word.lower() if lemma == "=" else lemma)
        pos.append(p)
        tags.append(tag)
        heads.append(int(head))
        deps.append(dep)
        ents.append(row[6] if len(row) == 7 else "O")
    spaces = [
        i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE and w not in _NO_SPACE_AFTER
        for i, w in enumerate(words)
    ]
    return Doc(
        vocab(),
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        tags=tags,
        heads=heads,
        deps=deps,
        ents=ents,
        sent_starts=[True] + [False] * (len(words) - 1),
    )


@lru_cache(maxsize=4)
def _stages(disabled: tuple[str, ...] = ()) -> tuple[ActorResolver, RelationExtractor]:
    gaz = load_gazetteer()
    return ActorResolver(gaz, disabled_rules=disabled), RelationExtractor(
        gaz, disabled_rules=disabled
    )


def resolve(sents: Sequence[Doc], doc_id: str = "t") -> DocumentActors:
    """Actor resolution over hand-built sentences of one document."""
    resolver, _ = _stages(_disabled())
    offsets = _offsets(sents)
    return resolver.resolve(doc_id, sents, lambda i, a, b: (offsets[i] + a, offsets[i] + b))


def relations(sents: Sequence[Doc], doc_id: str = "t") -> list[Relation]:
    """Resolution and extraction over hand-built sentences of one document."""
    _, extractor = _stages(_disabled())
    actors = resolve(sents, doc_id)
    offsets = _offsets(sents)
    records = [
        Sentence(doc_id, i, d.text, offsets[i], offsets[i] + len(d.text))
        for i, d in enumerate(sents)
    ]
    return extractor.extract(sents, records, actors)


def edges(*tables: str) -> set[tuple[str, str, str]]:
    """(source id, relation, target id) of every relation of the sentences ``tables``."""
    return {(r.source.id, r.relation, r.target.id) for r in relations([doc(t) for t in tables])}


def _offsets(sents: Sequence[Doc]) -> list[int]:
    out, pos = [], 0
    for d in sents:
        out.append(pos)
        pos += len(d.text) + 1
    return out


def _disabled() -> tuple[str, ...]:
    """Rules switched off for an ablation run (``DYADS_DISABLED_RULES=a,b pytest ...``)."""
    import os

    return tuple(x for x in os.environ.get("DYADS_DISABLED_RULES", "").split(",") if x)


def table(text: str) -> str:
    """The token table the shipped model gives for ``text`` (a starting point for a test)."""
    from dyads.pipeline import Pipeline

    nlp = Pipeline().nlp
    d = nlp(text)
    width = max(len(t.text) for t in d) + 1
    lines = []
    for t in d:
        ent = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else ""
        lemma = "=" if t.lemma_ == t.lower_ else t.lemma_
        lines.append(
            f"    {t.text:<{width}} {lemma:<12} {t.pos_:<5} {t.tag_:<4} {t.head.i:>2} {t.dep_:<9} {ent}".rstrip()
        )
    return "\n".join(lines)


if __name__ == "__main__":
    for sentence in sys.argv[1:]:
        print(table(sentence))
        print()
