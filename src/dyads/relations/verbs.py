"""Verb cues: "Iran arms the Houthis", "the rebels were armed by Kigali", "Tehran provided the
group with drones", "Qatar hosts Hamas's political bureau", "Kinshasa accuses Kigali of arming M23".

A verb's subject is the source and its object (or a preposition the lexicon names) the target,
unless the verb is passive (the agent is the source) or the lexicon says ``reverse``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyads.records import Mention
from dyads.relations.arguments import (
    agents,
    kinds_of,
    np_actors,
    object_owners,
    pobjs,
    subjects,
)
from dyads.relations.bodies import armed_forces_of
from dyads.relations.context import Context
from dyads.relations.edges import Edge, SentenceView
from dyads.relations.lexicon import VerbCue

__all__ = ["STEPS", "is_verb", "participle", "verb"]

#: Named steps inside the verb rule (each can be switched off with ``disabled_rules``).
STEPS = {
    "verb.conjunct_object": "the object of the last conjunct serves every conjunct verb",
    "verb.reciprocal": "'X and Y fought a war': each side attacks the other",
    "verb.together": "'X and Y agreed to work together': the subjects cooperate",
    "verb.allied_against": "'partnered with X against Y': both partners oppose Y",
    "verb.help_agent": "'created with the help of X': X is the agent",
    "verb.strike_owner": "'killed in a US drone strike': the strike's owner attacks",
    "verb.kind_owner": "'given the Haqqanis safe haven': the receiver modifies the kind",
    "verb.together_with": "'Together with Mali, Niger founded the AES': Mali is a subject too",
    "verb.each_other": "'the two networks fight each other': each subject to every other",
    "verb.object_owner": "'rejected Islamabad's claims': the owner of the object is the target",
}


def is_verb(tok: Token) -> bool:
    """Tokens the verb rule reads: verbs, participles, and a verb the small model tagged NOUN."""
    return (
        tok.pos_ in ("VERB", "AUX")
        or (tok.tag_ == "VBN" and tok.dep_ in ("acomp", "amod", "acl"))
        # "Can the EU arm Ukraine?": the small model tags a verb with a subject as a noun
        or (tok.pos_ == "NOUN" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))
    )


def verb(ctx: Context, s: SentenceView, tok: Token) -> list[Edge]:
    """Every verb cue of the token's lemma."""
    edges: list[Edge] = []
    for cue in ctx.lex.verbs.get(ctx.lemma(tok), ()):
        edges.extend(verb_cue(ctx, s, tok, cue))
    return edges


def is_participle(tok: Token) -> bool:
    """ "the rebels were armed": the small model tags some participles as adjectives."""
    return (
        not is_verb(tok)
        and tok.pos_ == "ADJ"
        and tok.dep_ in ("acomp", "conj", "amod", "advcl", "acl")
        and tok.lower_.endswith("ed")
    )


def participle(ctx: Context, s: SentenceView, tok: Token) -> list[Edge]:
    edges: list[Edge] = []
    active = in_active_series(tok) and ctx.on("parse.series_verb")
    for stem in _stems(tok.lower_):
        for cue in ctx.lex.verbs.get(stem, ()):
            edges.extend(verb_cue(ctx, s, tok, cue, passive_participle=not active))
    return edges


def in_active_series(tok: Token) -> bool:
    """A parser error: "Qatar funded, armed and trained the rebels": the small model tags
    "armed" ADJ (advcl or conj) between two verbs of the past with a subject; it is a verb of
    the series, active like them."""
    if tok.dep_ not in ("advcl", "conj") or tok.tag_ != "JJ":
        return False
    head = tok.head
    verbs = [head, *(c for c in tok.children if c.dep_ == "conj")]
    return (
        any(v.pos_ == "VERB" and v.tag_ == "VBD" for v in verbs if v is not tok)
        and any(c.dep_ == "nsubj" for c in head.children)
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def _stems(word: str) -> list[str]:
    """Candidate verb lemmas of a past participle: armed -> arm, trained -> train, backed ->
    back, funded -> fund, created -> create, equipped -> equip."""
    out = [word[:-2], word[:-1]]
    if len(word) > 4 and word[-3] == word[-4]:
        out.append(word[:-3])
    return out


def verb_cue(
    ctx: Context, s: SentenceView, v: Token, cue: VerbCue, passive_participle: bool = False
) -> list[Edge]:
    w = ctx.words
    if cue.particle and not any(c.dep_ == "prt" and c.lower_ == cue.particle for c in v.children):
        return []
    if cue.requires and not any(t.lemma_.lower() in cue.requires for t in v.subtree):
        return []
    subj_toks, passive = subjects(ctx, v)
    if ctx.on("verb.together_with"):
        # "Together with Mali, Burkina Faso and Niger founded the AES": Mali founded it too
        subj_toks = (
            subj_toks
            + [
                p
                for c in v.children
                if c.dep_ == "advmod" and c.lower_ == "together"
                for p in pobjs(c, ("with",))
            ]
            + [p for p in pobjs(v, ("with",)) if _together(p)]
        )
    passive = (passive or passive_participle) and not cue.ignore_voice
    if cue.relation == "COOPERATES" and not cue.has_object:
        passive = False  # "is allied with", "is aligned with": the subject cooperates
    if cue.passive_only and not passive:
        return []
    kinds: list[str] = list(cue.kinds)
    objects: list[Token] = []
    dobjs = [c for c in v.children if c.dep_ in ("dobj", "obj")]
    if not dobjs and cue.has_object and not passive and ctx.on("verb.conjunct_object"):
        # "trains, pays and arms the SNA's brigades": the object hangs on the last conjunct
        series = list(v.conjuncts) + [
            x
            for c in v.children
            if c.dep_ == "advcl" and in_active_series(c)
            for x in (c, *c.conjuncts)
        ]
        for conj in series:
            if conj.i > v.i:
                dobjs = [c for c in conj.children if c.dep_ in ("dobj", "obj")]
                if dobjs:
                    break
    datives = [c for c in v.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
    parts = w.attack_part_nouns if cue.relation == "ATTACKS" else w.part_nouns
    # a participle modifying a noun ("the alliance, made up of ...") says nothing of the
    # noun's conjuncts
    reduced = v.dep_ == "acl"
    if cue.relation == "LOCATED_IN":
        holders = [m for t in subj_toks for m in np_actors(ctx, s, t, conjuncts=not reduced)]
        if cue.has_object and cue.target_preps and not passive:
            # "Carter met Abadi in Baghdad": whom one meets is there too
            holders += [m for t in dobjs for m in np_actors(ctx, s, t)]
        if cue.has_object and not cue.target_preps:
            # "visited Kabul": the object is the place
            places = [m for t in dobjs for m in np_actors(ctx, s, t)]
            if cue.target_types and s.actors is not None:
                places = [
                    p
                    for p in places
                    if (a := ctx.actor(s.actors, p.actor_id)) is not None
                    and cue.allows_target(a.type, a.origin)
                ]
            return [
                Edge(cue.relation, h, p, (), v, cue.weight, rule="verb")
                for h in holders
                for p in places
            ]
        if cue.requires:  # "Addis Ababa has kept thousands of soldiers in Somalia": its military
            holders = [armed_forces_of(ctx, h, s.actors) for h in holders]
        places = [m for t in pobjs(v, cue.target_preps) for m in np_actors(ctx, s, t)]
        return [
            Edge(cue.relation, h, p, (), v, cue.weight, rule="verb")
            for h in holders
            for p in places
        ]
    sources: list[Mention]
    targets: list[Mention]
    if passive:
        sources = [m for t in agents(v) for m in np_actors(ctx, s, t, parts=parts)]
        targets = [m for t in subj_toks for m in np_actors(ctx, s, t, parts=parts)]
        if v.dep_ == "acl" and v.tag_ == "VBN":
            targets = np_actors(ctx, s, v.head, parts=parts, conjuncts=False)
        for t in dobjs:  # "the rebels were supplied weapons"
            kinds.extend(kinds_of(ctx, t))
        for t in subj_toks:  # "the shipment was provided to the rebels by the IRGC"
            if not np_actors(ctx, s, t):
                objects.append(t)
                kinds.extend(kinds_of(ctx, t))
        if cue.target_preps and not targets:
            targets = [m for t in pobjs(v, cue.target_preps) for m in np_actors(ctx, s, t)]
    else:
        sources = [
            m for t in subj_toks for m in np_actors(ctx, s, t, parts=parts, conjuncts=not reduced)
        ]
        targets = []
        if cue.has_object:
            for t in datives + dobjs:
                acts = np_actors(ctx, s, t, parts=parts)
                if not acts and cue.object_owner and ctx.on("verb.object_owner"):
                    acts = object_owners(ctx, s, t)  # "rejected Islamabad's claims"
                if acts:
                    targets.extend(acts)
                else:
                    objects.append(t)
                    kinds.extend(kinds_of(ctx, t))
        if cue.target_preps:
            for t in pobjs(v, cue.target_preps):
                targets.extend(np_actors(ctx, s, t, parts=parts))
            # "send troops to the rebels", "exchanged fire with X": the preposition may hang
            # on the object
            if not cue.has_object:
                objects = [o for o in dobjs if not np_actors(ctx, s, o)]
            for o in objects:
                # "launched 400 drones and 40 missiles at Ukraine": the small model hangs the
                # preposition on the nearest object noun, a conjunct of the object too
                for oc in (o, *o.conjuncts) if ctx.on("parse.object_preposition") else (o,):
                    for t in pobjs(oc, cue.target_preps):
                        targets.extend(np_actors(ctx, s, t))
    for t in pobjs(v, cue.kind_preps):
        kinds.extend(kinds_of(ctx, t))
    if cue.needs_kind and not targets and not passive and ctx.on("verb.kind_owner"):
        # "given the Haqqanis safe haven" parsed with the receiver as a modifier of the kind
        for o in objects:
            for c in o.children:
                if c.dep_ in ("compound", "poss", "nmod") and s.at(c) is not None:
                    targets.append(s.at(c))  # type: ignore[arg-type]
    if cue.relation == "CREATED" and not passive and targets and ctx.on("verb.help_agent"):
        # "Massoud founded the Northern Alliance with the help of Russia": Russia helped create it
        helpers = [
            m
            for t in pobjs(v, ("with",))
            if t.lemma_.lower() in w.help_nouns
            for p in pobjs(t, ("of", "from"))
            for m in np_actors(ctx, s, p)
        ]
        sources = sources + helpers
    if passive and not sources and ctx.on("verb.help_agent"):
        # "was created with the help of Iran's Revolutionary Guards"
        for t in pobjs(v, ("with",)):
            if t.lemma_.lower() in w.help_nouns:
                sources.extend(m for p in pobjs(t, ("of", "from")) for m in np_actors(ctx, s, p))
    if cue.needs_kind and not kinds:
        return []
    if cue.needs_kind and kinds == ["other"] and not objects:
        return []
    uniq_kinds = tuple(
        dict.fromkeys(k for k in kinds if not (k == "other" and len(set(kinds)) > 1))
    )
    if cue.relation != "SUPPORTS":
        uniq_kinds = ()
    role = None
    if cue.relation == "LEADS":
        role = {"command": "commander", "chair": "chair"}.get(cue.lemma, "leader")
    if passive and not sources and cue.relation == "ATTACKS" and ctx.on("verb.strike_owner"):
        # "was killed in a US drone strike": the strike's owner attacked
        for t in pobjs(v, ("in", "by")):
            ev = ctx.lex.events.get(t.lemma_.lower())
            if ev is not None and ev.relation == "ATTACKS":
                for c in t.children:
                    if c.dep_ in ("compound", "amod", "poss", "nmod") and s.at(c) is not None:
                        sources.append(s.at(c))  # type: ignore[arg-type]
    if cue.target_types and s.actors is not None:
        targets = [
            t
            for t in targets
            if (a := ctx.actor(s.actors, t.actor_id)) is not None
            and cue.allows_target(a.type, a.origin)
        ]
    if (
        cue.relation == "COOPERATES"
        and "with" in cue.target_preps
        and not targets
        and len(sources) >= 2
        and not passive
        and ctx.on("verb.together")
    ):
        # "Somalia and Ethiopia agreed to work together"
        sources, targets = sources[:1], sources[1:]
    if (
        not targets
        and len(sources) >= 2
        # "fight each other" is not "fight alongside each other"
        and any(
            _each_other(o) for o in (dobjs if cue.has_object else []) + pobjs(v, cue.target_preps)
        )
        and ctx.on("verb.each_other")
    ):
        # "the two networks fight each other", "pledging to assist each other"
        return [
            Edge(
                cue.relation,
                a,
                b,
                uniq_kinds,
                v,
                cue.weight,
                rule="verb.each_other",
                event=cue.event,
                mode=cue.mode,
            )
            for a in sources
            for b in sources
            if a.actor_id != b.actor_id
        ]
    if cue.reverse:
        sources, targets = targets, sources
    if (
        cue.relation == "ATTACKS"
        and cue.lemma in w.reciprocal_verbs
        and not targets
        and len(sources) >= 2
        and not passive
        and all(o.lemma_.lower() in w.reciprocal_objects for o in dobjs)
        and ctx.on("verb.reciprocal")
    ):
        # "the SAF and the RSF have fought a war": each side attacks the other
        return [
            Edge(cue.relation, a, b, (), v, cue.weight * 0.9, rule="verb.reciprocal")
            for a in sources
            for b in sources
            if a.actor_id != b.actor_id
        ]
    hint = "denied" if cue.polarity == "denied" else None
    extra: list[Edge] = []
    if cue.relation == "COOPERATES" and targets and ctx.on("verb.allied_against"):
        # "partnered with the SDF against the Islamic State": both partners oppose it
        foes = [
            m
            for t in pobjs(v, ("against",))
            for m in np_actors(ctx, s, t, parts=w.attack_part_nouns)
        ]
        rel = "ATTACKS" if cue.lemma in w.reciprocal_verbs else "OPPOSES"
        extra = [
            Edge(rel, a, f, (), v, cue.weight * 0.9, rule="verb.allied_against")
            for a in sources + targets
            for f in foes
        ]
    if cue.both_ways:
        extra += [
            Edge(cue.relation, t, s_, (), v, cue.weight, rule="verb")
            for s_ in sources
            for t in targets
        ]
    return [
        Edge(
            cue.relation,
            src,
            tgt,
            uniq_kinds,
            v,
            cue.weight,
            role=role,
            modality_hint=hint,
            rule="verb",
            event=cue.event,
            mode=cue.mode,
        )
        for src in sources
        for tgt in targets
    ] + extra


def _each_other(tok: Token) -> bool:
    """ "each other", "one another" as an object."""
    return (
        tok.lower_ in ("other", "another")
        and any(c.lower_ in ("each", "one") for c in tok.children)
        or (tok.lower_ == "each" and any(c.lower_ == "other" for c in tok.children))
    )


def _together(tok: Token) -> bool:
    """A "with" object that "together" modifies ("with X together")."""
    return any(c.lower_ == "together" for c in tok.head.children)
