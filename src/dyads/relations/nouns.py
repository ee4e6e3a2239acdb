"""Noun cues.

Relational nouns say what one actor is to another: "X is a proxy of Y", "Y's backers in Tehran",
"Hezbollah leader Naim Qassem". Event nouns name a relation with its giver and receiver in
prepositions or in the verb around them: "Iran's support for the Houthis", "influence over the
Taliban", "ties with Moscow", "cut ties with Kigali".
"""

from __future__ import annotations

from spacy.tokens import Token

from dyads.records import Mention
from dyads.relations.arguments import (
    clause_pobjs,
    holders,
    kinds_of,
    np_actors,
    object_owners,
    pobjs,
    subjects,
)
from dyads.relations.bodies import military_of
from dyads.relations.context import Context
from dyads.relations.edges import Edge, SentenceView

__all__ = ["STEPS", "event_noun", "predicative", "relational_noun"]

STEPS = {
    "noun.name_owner": "'Pakistan's rival India': the name's possessor is the other side",
    "noun.splinter": "'a FARC dissident unit' has left FARC: no MEMBER_OF",
    "noun.unit_apposition": "'2nd Battalion, 5th Special Forces Group': the named unit is the part",
    "noun.army_chief": "'Pakistan's army chief' leads the military, not the state",
    "noun.one_of_several": "'a senior Kataib Hezbollah commander' is one of several: MEMBER_OF",
    "event.in_support_of": "'opened a front in support of the group'",
    "event.between": "'an alliance between X and Y'",
    "event.light_verb": "a light verb passes the event's giver or holder ('X has influence')",
    "event.beneficiary": "'Support from Iran reinforces the Houthis' resolve'",
    "event.provided_by": "'help provided by Rwanda': the agent of the participle gives it",
    "event.key_role": "'was instrumental in the creation of Hezbollah'",
    "event.sever": "'cut ties with': a sanction (OPPOSES, SANCTION withdraw), not a denied tie",
}


def relational_noun(ctx: Context, s: SentenceView, n: Token) -> list[Edge]:
    cue = ctx.lex.nouns[n.lemma_.lower()]
    w = ctx.words
    held = holders(ctx, s, n)
    others: list[Mention] = []
    mod_holders: list[Mention] = []
    for c in n.children:
        if c.dep_ == "poss":
            others.extend(np_actors(ctx, s, c))
        elif c.dep_ in ("compound", "amod", "nmod"):
            mc = s.at(c)
            # the generic phrase the noun heads ("the two deputy leaders") is not another party
            acts = [mc] if mc is not None and not (mc is s.at(n) and mc.rule == "generic") else []
            if cue.modifier == "holder":
                if cue.holder_is == "target" or cue.relation in ("COOPERATES", "OPPOSES"):
                    # "its Yemeni allies" are not Yemen
                    acts = [a for a in acts if a and a.rule != "adjectival"]
                mod_holders.extend(a for a in acts if a)
            else:
                others.extend(a for a in acts if a)
    for t in pobjs(n, cue.preps):
        others.extend(np_actors(ctx, s, t))
    if n.dep_ in ("compound", "amod") and s.at(n.head) is not None and ctx.on("noun.name_owner"):
        # "Pakistan's rival India", "their archenemy India": the name's possessor
        for c in n.head.children:
            if c.dep_ == "poss" and c.i < n.i:
                others.extend(np_actors(ctx, s, c))
    own = s.at(n)
    if (
        own is not None
        and own.rule != "generic"
        and n.dep_ != "appos"
        and ctx.on("noun.unit_apposition")
    ):
        # "2nd Battalion, 5th Special Forces Group": a name the noun heads, followed by its
        # apposition, is the part, not the whole ("Abel Battery, 3rd Battalion" is read from
        # the apposed noun)
        apposed = [c for c in n.children if c.dep_ == "appos"]
        wholes = [h for h in held if any(h.token_start <= c.i < h.token_end for c in apposed)]
        if wholes:
            others = [o for o in others if o is not own]
            if cue.relation == "MEMBER_OF" and not others:
                held, others = [own], wholes
    if not held and mod_holders:
        held = mod_holders
    elif not held and own is not None and cue.modifier == "holder":
        held = [own]  # the noun is itself part of a name: "their Houthi proxies"
    if not held or not others:
        return []
    if (
        cue.relation == "MEMBER_OF"
        and any(c.lower_ in w.splinter_words for c in n.children)
        and ctx.on("noun.splinter")
    ):
        return []  # "a FARC dissident unit" has left FARC
    if (
        cue.relation == "LEADS"
        and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in w.military_modifiers
            for c in n.children
        )
        and ctx.on("noun.army_chief")
    ):  # "Pakistan's army chief" leads the military, not the state
        others = [military_of(ctx, o, n.doc[n.i], s.actors, force=True) for o in others]
    role = None
    relation = cue.relation
    if cue.role:
        mods = [
            c.lower_
            for c in n.children
            if c.dep_ in ("amod", "compound") and (not s.at(c) or s.at(c) is s.at(n))
        ]
        role = " ".join([*mods, n.lower_]).strip()
        if role.endswith("s") and not role.endswith("ss"):
            role = role[:-1]
        partitive = n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ == "one"
        if (
            relation == "LEADS"
            and (
                n.tag_ == "NNS"
                or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.children)
            )
            and not (partitive and role.split()[-1] in w.leading_titles)
            and ctx.on("noun.one_of_several")
        ):
            relation = "MEMBER_OF"  # "a senior Kataib Hezbollah commander" is one of several
        elif relation == "MEMBER_OF" and _leading_role(role, w.leading_titles):
            relation = "LEADS"  # "Ethiopia's prime minister, Abiy Ahmed", not a minister of it
    if relation == "MEMBER_OF" and n.lemma_.lower() in w.government_parts:
        # "Russian Foreign Minister Sergei Lavrov" belongs to Russia's government
        others = [military_of(ctx, o, n, s.actors) for o in others]
    edges = []
    hint = None if predicative(ctx, n) else "presupposed"
    for h in held:
        for o in others:
            src, tgt = (h, o) if cue.holder_is == "source" else (o, h)
            edges.append(
                Edge(
                    relation,
                    src,
                    tgt,
                    (),
                    n,
                    cue.weight,
                    role=role,
                    modality_hint=hint,
                    rule="relational_noun",
                    event=cue.event,
                    mode=cue.mode,
                )
            )
    return edges


def predicative(ctx: Context, n: Token) -> bool:
    """Whether noun ``n`` is what the clause asserts ("X is a proxy of Y", "regarded as a proxy")
    rather than a presupposed description ("the group's armed wing")."""
    w = ctx.words
    if n.dep_ in ("attr", "oprd", "acomp"):
        return True
    if n.dep_ in ("dobj", "npadvmod", "ccomp") and n.head.lemma_ in w.predicating_verbs:
        return True  # "Turkey considers the YPG an extension of the PKK"
    if n.dep_ == "nsubj" and n.head.lemma_ in w.copulas:
        return True
    return n.dep_ == "pobj" and n.head.lower_ == "as"


def event_noun(ctx: Context, s: SentenceView, n: Token) -> list[Edge]:
    w = ctx.words
    cue = ctx.lex.events[n.lemma_.lower()]
    sources: list[Mention] = []
    targets: list[Mention] = []
    for c in n.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and s.at(c):
            sources.append(s.at(c))  # type: ignore[arg-type]
    for t in pobjs(n, cue.source_preps):
        sources.extend(np_actors(ctx, s, t))
    parts = w.attack_part_nouns if cue.relation == "ATTACKS" else w.part_nouns
    target_preps = cue.target_preps + (("of",) if n.lemma_.lower() in w.of_target_events else ())
    for t in pobjs(n, target_preps):
        targets.extend(np_actors(ctx, s, t, parts=parts))
    if not targets and ctx.on("parse.gerund_object"):
        # "Turkey bombing PKK positions": the small model makes the gerund a noun with an object
        for c in n.children:
            if c.dep_ == "dobj":
                targets.extend(np_actors(ctx, s, c, parts=parts))
    if not sources and ctx.on("event.provided_by"):
        # "help provided by Rwanda", "the support given by Qatar"
        for c in n.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                sources.extend(m for t in pobjs(c, ("by",)) for m in np_actors(ctx, s, t))
    if (
        n.dep_ == "pobj"
        and n.head.lower_ == "in"
        and cue.relation == "SUPPORTS"
        and ctx.on("event.in_support_of")
    ):
        # "opened a second front in support of the group"
        for t in pobjs(n, ("of",)):
            targets.extend(np_actors(ctx, s, t))
        gov = n.head.head
        if gov.pos_ in ("VERB", "AUX") and not sources:
            subs, _ = subjects(ctx, gov)
            sources = [m for t in subs for m in np_actors(ctx, s, t)]
    if cue.relation == "COOPERATES" and ctx.on("event.between"):
        for t in pobjs(n, ("between",)):
            pair = np_actors(ctx, s, t)
            if len(pair) >= 2:
                sources, targets = [pair[0]], pair[1:]
    light: Token | None = None
    relation, event, mode = cue.relation, cue.event, cue.mode
    pos = n
    while (
        pos.dep_ == "pobj"
        and pos.head.lower_ == "of"
        and (
            pos.head.head.lemma_.lower() in w.quantity_nouns
            or pos.head.head.lower_ in w.quantity_nouns
        )
    ):
        pos = pos.head.head  # "carried out hundreds of air strikes"
    head = pos.head
    gov = head.head if head.dep_ == "prep" and pos.dep_ == "pobj" else head
    n_dep = pos.dep_
    polarity_hint: str | None = None
    if (
        n_dep in ("dobj", "pobj", "attr", "nsubjpass", "conj")
        and gov.pos_ in ("VERB", "AUX")
        and ctx.on("event.light_verb")
    ):
        lemma = ctx.lemma(gov)
        if lemma in w.strain_verbs:
            return []
        if (
            lemma in w.sever_verbs
            and cue.relation in ("COOPERATES", "SUPPORTS")
            and ctx.on("event.sever")
        ):
            # "cut ties with Kigali", "ended its defence cooperation with France": a sanction
            # (PLOVER SANCTION), not a denied cooperation
            relation, event, mode = (
                "OPPOSES",
                "SANCTION",
                ("withdraw" if cue.relation == "COOPERATES" else "discontinue"),
            )
            light = gov
            subs, _ = subjects(ctx, gov)
            if not sources:
                sources = [m for t in subs for m in np_actors(ctx, s, t)]
        subs, passive = subjects(ctx, gov)
        subj_acts = [m for t in subs for m in np_actors(ctx, s, t)]
        if lemma in w.receive_verbs and not passive:
            light = gov
            if not targets:
                targets = subj_acts
            for t in pobjs(gov, ("from",)):
                sources.extend(np_actors(ctx, s, t))
        elif (
            lemma in w.give_verbs
            and n_dep == "dobj"
            and not passive
            and cue.relation == "INFLUENCES"
        ):
            light = gov  # "gives Beijing leverage": Beijing holds it
            sources = [m for d in gov.children if d.dep_ == "dative" for m in np_actors(ctx, s, d)]
            for t in pobjs(gov, cue.target_preps):
                targets.extend(np_actors(ctx, s, t))
        elif lemma in w.give_verbs | w.have_verbs and n_dep == "dobj" and not passive:
            light = gov
            if not sources:
                sources = subj_acts
            for t in pobjs(gov, cue.target_preps):
                targets.extend(np_actors(ctx, s, t))
            if not targets and cue.relation == "ATTACKS" and ctx.on("parse.distant_target"):
                # "conducted 11 strikes, coordinated with Baghdad, using aircraft ... against
                # ISIL targets": the small model hangs "against" on a later word of the clause
                targets = [
                    m
                    for t in clause_pobjs(gov, ("against",))
                    for m in np_actors(ctx, s, t, parts=parts)
                ]
            for d in gov.children:
                if d.dep_ == "dative" and not targets:
                    targets.extend(np_actors(ctx, s, d))
        elif lemma in w.copulas and n_dep in ("attr", "pobj") and not sources:
            light = gov  # "Egypt has been at odds with Ethiopia"
            sources = subj_acts
        elif lemma in ctx.lex.cue_set("deny_verbs") and n_dep == "dobj" and not sources:
            sources = subj_acts  # "the service denies any link to the network"
    if (
        n_dep in ("nsubj", "nsubjpass")
        and gov.pos_ in ("VERB", "AUX")
        and ctx.lemma(gov) in w.benefit_verbs
        and cue.relation == "SUPPORTS"
        and not targets
        and ctx.on("event.beneficiary")
    ):
        # "Support from Iran reinforces the Houthis' resolve": whom it helps is the target
        light = gov
        for c in gov.children:
            if c.dep_ in ("dobj", "obj"):
                targets.extend(np_actors(ctx, s, c) or object_owners(ctx, s, c))
    if (
        n_dep == "pobj"
        and head.lower_ == "in"
        and head.head.lemma_.lower() in w.key_role_words
        and not sources
        and ctx.on("event.key_role")
    ):
        # "The IRGC was instrumental in the creation of Hezbollah", "played a key role in"
        role = head.head
        verb = role.head if role.dep_ in ("acomp", "amod", "dobj", "attr") else role
        if role.dep_ == "amod":
            verb = role.head.head
        subs, _ = subjects(ctx, verb) if verb.pos_ in ("VERB", "AUX") else ([], False)
        sources = [m for t in subs for m in np_actors(ctx, s, t)]
        light = verb if verb.pos_ in ("VERB", "AUX") else None
    if cue.relation == "COOPERATES" and not targets and len(sources) >= 2:
        # "Egypt and Turkey restored full diplomatic ties"
        sources, targets = sources[:1], sources[1:]
    if not sources or not targets:
        return []
    if relation == "COOPERATES" and light is not None and light.lemma_.lower() in ("sign", "ink"):
        event, mode = "SUPPORT", "diplomatic"  # PLOVER: signing a formal agreement
    kinds: tuple[str, ...] = ()
    if relation == "SUPPORTS":
        kinds = tuple(k for k in kinds_of(ctx, n) if k != "other")
    return [
        Edge(
            relation,
            src,
            tgt,
            kinds,
            n,
            cue.weight,
            light=light,
            modality_hint=polarity_hint,
            rule="event_noun",
            event=event,
            mode=mode,
        )
        for src in sources
        for tgt in targets
    ]


def _leading_role(role: str, titles: frozenset[str]) -> bool:
    """Whether a role ends with a multi-word leading title ("prime minister")."""
    words = role.split()
    return any(" ".join(words[k:]) in titles for k in range(len(words) - 1))
