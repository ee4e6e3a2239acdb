"""Bodies of a state: which level of a state an argument stands for.

"Rwandan troops" are the Rwandan military, "Ethiopia's ambassador" the Ethiopian government,
"US officials say" the US government speaking, and a capital named as the party to a relation
("Kinshasa is hostile to the M23") its government.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyads.actors import DocumentActors
from dyads.records import Mention
from dyads.relations.context import Context

__all__ = ["armed_forces_of", "military_of", "seat_government", "speaker_body"]


def _body(ctx: Context, m: Mention, actors: DocumentActors | None, body: str | None) -> Mention:
    """``m`` moved to ``<state>.<body>`` when ``m`` is a state that has that body."""
    if body is None or actors is None or ctx.gazetteer is None:
        return m
    actor = ctx.actor(actors, m.actor_id)
    if actor is None or actor.type != "state" or ctx.gazetteer.get(f"{actor.id}.{body}") is None:
        return m
    return replace(m, actor_id=f"{actor.id}.{body}")


def military_of(
    ctx: Context, m: Mention, noun: Token, actors: DocumentActors | None, force: bool = False
) -> Mention:
    """ "Pakistani border posts", "Rwandan troops": a state's soldiers are its military;
    "Ethiopia's ambassador", "Egyptian officials" are its government."""
    if not ctx.on("body.part_of_state"):
        return m
    lemma = noun.lemma_.lower()
    w = ctx.words
    body = (
        "military"
        if force or lemma in w.military_parts
        else "government"
        if lemma in w.government_parts
        else None
    )
    return _body(ctx, m, actors, body)


def armed_forces_of(ctx: Context, m: Mention, actors: DocumentActors | None) -> Mention:
    """A state's or government's troops are its military's."""
    if actors is None or ctx.gazetteer is None:
        return m
    actor = ctx.actor(actors, m.actor_id)
    if actor is None or actor.type not in ("state", "government"):
        return m
    country = actor.id if actor.type == "state" else (actor.parent or "")
    if ctx.gazetteer.get(f"{country}.military") is None:
        return m
    return replace(m, actor_id=f"{country}.military")


def speaker_body(ctx: Context, m: Mention, noun: Token, actors: DocumentActors) -> Mention:
    """ "US officials say": officials speak for the government, officers for the military."""
    lemma = noun.lemma_.lower()
    w = ctx.words
    body = (
        "government"
        if lemma in w.government_speakers
        else "military"
        if lemma in w.military_speakers
        else None
    )
    return _body(ctx, m, actors, body)


def seat_government(ctx: Context, m: Mention, actors: DocumentActors | None) -> Mention:
    """A capital named as the party to a relation stands for its government ("Kinshasa is
    hostile to the M23"): being an argument of a relation cue is a political context."""
    actor = ctx.actor(actors, m.actor_id) if actors is not None else None
    if actor is None or actor.type != "location" or ctx.gazetteer is None:
        return m
    gov = ctx.capitals().get(actor.name.lower())
    return replace(m, actor_id=gov, rule="metonym") if gov else m
