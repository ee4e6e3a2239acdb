"""Fixtures for the actor tests: the gazetteer (shipped + a small test file) and one pipeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dyads import nlp as nlp_stage
from dyads.actors import ActorResolver, DocumentActors, Gazetteer, load_gazetteer
from dyads.repair import split_sentences
from dyads.settings import Settings

MINI = Path(__file__).parent / "data" / "mini_gazetteer.yaml"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer([MINI])


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> ActorResolver:
    return ActorResolver(gazetteer)


@pytest.fixture(scope="session")
def actor_nlp(resolver: ActorResolver) -> nlp_stage.Language:
    return nlp_stage.build(Settings().model, [resolver.add_to_pipeline])


@pytest.fixture(scope="session")
def resolve(
    actor_nlp: nlp_stage.Language, resolver: ActorResolver
) -> Callable[[str], DocumentActors]:
    """Split ``text`` into sentences, parse each alone and resolve the document."""

    def run(text: str) -> DocumentActors:
        spans = split_sentences(text)
        sents = list(actor_nlp.pipe([text[a:b] for a, b in spans]))

        def locate(i: int, start: int, end: int) -> tuple[int, int]:
            return spans[i][0] + start, spans[i][0] + end

        return resolver.resolve("test", sents, locate)

    return run
