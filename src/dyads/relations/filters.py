"""From a sentence's candidate edges to relation records: what the ontology allows, which edges
are no news (a state and its own government), exhortations and threats, the modality frame,
attribution and confidence."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyads.actors import DocumentActors
from dyads.records import Actor, ActorRef, Evidence, Relation, Sentence
from dyads.relations.arguments import np_actors
from dyads.relations.bodies import seat_government, speaker_body
from dyads.relations.context import Context
from dyads.relations.edges import Edge, SentenceView
from dyads.relations.modality import date_of, frame_of, trailing_denier
from dyads.relations.ontology import RelationType

__all__ = ["MODALITY_FACTOR", "STEPS", "WEAK_RULES", "to_relations", "types_ok"]

#: Confidence factor of each modality.
MODALITY_FACTOR = {
    "asserted": 1.0,
    "reported": 0.8,
    "believed": 0.8,
    "hypothetical": 0.6,
    "question": 0.5,
}
#: Resolution rules that are guesses: edges through them lose confidence.
WEAK_RULES = {"description": 0.85, "pronoun": 0.85, "new_entity": 0.9, "metonym": 0.95}

STEPS = {
    "filter.seat_government": "a capital named as a party stands for its government",
    "filter.territory": "'the group controls most of Darfur': a non-state actor is located there",
    "filter.types": "the actor types each relation allows (ontology.yaml)",
    "filter.family": "an actor and its own parent body are no dyad (ontology within_family)",
    "filter.state_levels": "a state and its government are one actor (ontology state_levels)",
    "filter.exhortation": "'called on X to fight Y' reports a request, not a relation",
    "filter.own_territory": "'Palestinians in the West Bank': a state in its own region is no news",
    "frame.trailing_denial": "'..., a charge Kigali denies': the claim's denial beside it",
    "filter.founder_member": "states that found an alliance are its members",
    "filter.intent": "'vowed to crush X' is opposition, not an attack",
}


def types_ok(rtype: RelationType, src: Actor, tgt: Actor) -> bool:
    """Whether the ontology lets ``src`` and ``tgt`` be this relation's ends."""
    if (
        not rtype.own_state
        and tgt.type == "state"
        and src.country
        and src.country == tgt.country
        and src.type in ("person", "government", "military", "state")
    ):
        return False  # a state's own leaders and organs do not attack the state: a misparse
    if src.type == "location" and not rtype.place_source:
        return False
    if tgt.type == "location" and not rtype.place_target:
        return False
    return rtype.allows_target(tgt.type, from_text=tgt.origin == "text")


def _is_ancestor(ctx: Context, a: Actor, b: Actor, actors: DocumentActors) -> bool:
    """Whether ``a`` is ``b``'s parent, grandparent...: edges between them are not news."""
    seen = 0
    cur: Actor | None = b
    while cur is not None and cur.parent and seen < 6:
        if cur.parent == a.id:
            return True
        cur = ctx.actor(actors, cur.parent)
        seen += 1
    return False


def _same_state(a: Actor, b: Actor) -> bool:
    """Whether two actors are the generated levels of one state: "china", "china.government",
    "china.military" (an agency or a named force of that state is not)."""
    base_a, _, level_a = a.id.partition(".")
    base_b, _, level_b = b.id.partition(".")
    levels = {"", "government", "military"}
    return base_a == base_b and level_a in levels and level_b in levels


def governing_verb(cue: Token) -> Token | None:
    """The verb whose open complement the cue is ("vowed to crush", "called on X to fight")."""
    node = cue
    for _ in range(3):
        if node.dep_ in ("xcomp",) and node.head.pos_ in ("VERB", "AUX"):
            return node.head
        if node.dep_ == "conj":
            node = node.head
            continue
        break
    return None


def to_relations(
    ctx: Context, edges: list[Edge], s: SentenceView, sentence: Sentence, actors: DocumentActors
) -> list[Relation]:
    w = ctx.words
    onto = ctx.onto.relations
    out: dict[tuple[str, str, str, str], Relation] = {}
    for e in edges:
        if ctx.on("filter.seat_government"):
            if e.relation == "ATTACKS":  # a capital attacked or seized is a place
                e = replace(e, source=seat_government(ctx, e.source, actors))
            elif not onto[e.relation].place_target:
                e = replace(
                    e,
                    source=seat_government(ctx, e.source, actors),
                    target=seat_government(ctx, e.target, actors),
                )
        if e.source.actor_id == e.target.actor_id:
            continue
        src = ctx.actor(actors, e.source.actor_id)
        tgt = ctx.actor(actors, e.target.actor_id)
        if (
            e.relation == "INFLUENCES"
            and tgt is not None
            and tgt.type in ("location", "state")
            and e.cue.lemma_.lower() in w.territory_verbs
            and src is not None
            and src.type in w.non_state_types
            and ctx.on("filter.territory")
        ):
            e = replace(e, relation="LOCATED_IN")  # "the group controls most of Darfur"
        if src is None or tgt is None:
            continue
        rtype = onto[e.relation]
        if ctx.on("filter.types") and not types_ok(rtype, src, tgt):
            continue
        if (
            e.relation == "LOCATED_IN"
            and src.type == "state"
            and tgt.type == "location"
            and tgt.country == src.country
            and ctx.on("filter.own_territory")
        ):
            continue  # "Palestinians in the West Bank", "Ethiopia's regions such as Tigray"
        if (
            not rtype.within_family
            and ctx.on("filter.family")
            and (_is_ancestor(ctx, src, tgt, actors) or _is_ancestor(ctx, tgt, src, actors))
        ):
            continue  # a service cooperating with its own state is not news
        if not rtype.state_levels and ctx.on("filter.state_levels") and _same_state(src, tgt):
            continue  # "China" and "Beijing" are one actor at two levels, not a dyad
        frame = frame_of(e.cue, None, ctx.lex, e.light)
        if e.modality_hint == "presupposed":
            # "the Houthis' backers in Tehran": taken for granted by whoever speaks, so it keeps
            # the speaker but not the negation or the conditional of the clause around it
            frame = replace(
                frame,
                polarity="affirmed",
                modality="asserted" if frame.modality == "hypothetical" else frame.modality,
            )
        if e.modality_hint == "denied":
            frame = replace(frame, polarity="denied")
        governor = governing_verb(e.cue)
        if (
            governor is not None
            and governor.lemma_.lower() in w.exhort_verbs
            and ctx.on("filter.exhortation")
        ):
            continue
        relation = e.relation
        event, mode = e.event, e.mode
        if (
            relation in ("ATTACKS", "OPPOSES")
            and governor is not None
            and governor.lemma_.lower() in w.intent_verbs
            and ctx.on("filter.intent")
        ):
            relation = "OPPOSES"  # a threat to attack: coded as the opposition it states
            event, mode = "THREATEN", "violence" if e.relation == "ATTACKS" else None
            frame = replace(
                frame,
                modality="asserted" if frame.modality == "hypothetical" else frame.modality,
            )
        attributed: ActorRef | None = None
        if frame.speaker is not None:
            sp = s.at(frame.speaker)
            if sp is None:
                sp_list = np_actors(ctx, s, frame.speaker, parts=w.part_nouns | w.speaker_nouns)
                sp = sp_list[0] if sp_list else None
            if sp is not None:
                sp = speaker_body(ctx, sp, frame.speaker, actors)
                sa = ctx.actor(actors, sp.actor_id)
                if sa is not None and not sa.generic:  # "Western officials say": nobody named
                    attributed = sa.ref(sp.text)
        conf = e.weight * MODALITY_FACTOR[frame.modality]
        for m in (e.source, e.target):
            conf *= WEAK_RULES.get(m.rule, 1.0)
        rel = Relation(
            relation=relation,
            source=src.ref(e.source.text),
            target=tgt.ref(e.target.text),
            evidence=Evidence(
                sentence.doc_id, sentence.text, sentence.start, sentence.end, sentence.index
            ),
            kinds=e.kinds,
            role=e.role,
            date=date_of(e.cue),
            modality=frame.modality,
            polarity=frame.polarity,
            attributed_to=attributed,
            confidence=round(min(conf, 0.99), 3),
            cue=e.cue.lemma_.lower(),
            event=event or onto[relation].plover_event,
            mode=mode if event else onto[relation].plover_mode,
        )
        if (
            rel.relation == "CREATED"
            and tgt.type == "igo"
            and src.type in ("state", "government")
            and ctx.on("filter.founder_member")
        ):
            # "Mali, Burkina Faso and Niger founded the Alliance of Sahel States": members too
            member = replace(rel, relation="MEMBER_OF", event=None, mode=None, id="")
            out.setdefault(
                (member.relation, member.source.id, member.target.id, member.polarity), member
            )
        denier = trailing_denier(e.cue, ctx.lex) if ctx.on("frame.trailing_denial") else None
        if denier is not None and rel.polarity == "affirmed":
            # "..., a charge Kigali denies": the denier's denial of the same claim, beside it
            dm = s.at(denier) or next(iter(np_actors(ctx, s, denier)), None)
            da = ctx.actor(actors, dm.actor_id) if dm is not None else None
            denial = replace(
                rel,
                polarity="denied",
                modality="believed",
                attributed_to=da.ref(dm.text) if da is not None and dm is not None else None,
                id="",
            )
            out.setdefault((denial.relation, denial.source.id, denial.target.id, "denied"), denial)
        key = (rel.relation, rel.source.id, rel.target.id, rel.polarity)
        prev = out.get(key)
        if prev is None:
            out[key] = rel
        else:  # the same edge from two cues: keep one, union the kinds
            kinds = tuple(dict.fromkeys(prev.kinds + rel.kinds))
            best = prev if prev.confidence >= rel.confidence else rel
            out[key] = replace(best, kinds=kinds, id=best.id)
    return list(out.values())
