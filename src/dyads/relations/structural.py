"""Structural cues: relations said by the shape of a phrase rather than by a relation word.

"US forces in Iraq" (deployed), "under the command of X", "at the head of the Quds Force",
"Bashar al-Assad's government", "President Touadera" (a title the gazetteer knows), "the corps'
Quds Force" (a unit named with its parent), "X is hostile to Y" (adjectives) and "Iran-backed
Houthis" (hyphenated compounds).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyads.relations.arguments import kinds_of, np_actors, pobjs, subjects
from dyads.relations.bodies import military_of
from dyads.relations.context import Context
from dyads.relations.edges import Edge, SentenceView

__all__ = [
    "STEPS",
    "adjective",
    "compound",
    "deployed",
    "possessed_unit",
    "ruler_of",
    "title",
    "under",
]

DASHES = ("-", "\u2011", "\u2013")
_DEPLOYED_PREPS = ("in", "inside", "across", "throughout")


STEPS = {
    "parse.place_conjunct": "'Da'esh in Iraq and Syria' parsed 'Da'esh and Syria': Syria is a place",
}


def deployed(ctx: Context, s: SentenceView, n: Token) -> list[Edge]:
    """ "US forces in Iraq, Syria and Jordan", "Wagner's fighters in Bangui"."""
    if s.actors is None:
        return []
    w = ctx.words
    if n.pos_ == "PROPN" and n.dep_ == "appos" and s.at(n) is None:
        return []  # "Knox Thames, the Special Advisor ... in the Near East": an office's remit
    found = np_actors(ctx, s, n, parts=w.part_nouns | w.deployed_nouns)
    if not found:
        return []
    places = []
    preps = [c for c in n.children if c.dep_ == "prep" and c.lower_ in _DEPLOYED_PREPS]
    for t in pobjs(n, _DEPLOYED_PREPS):
        for m in np_actors(ctx, s, t):
            a = ctx.actor(s.actors, m.actor_id)
            if a is not None and a.type in ("location", "state"):
                places.append(m)
    if places and preps and ctx.on("parse.place_conjunct"):
        # "the campaign against Da'esh in Iraq and Syria", parsed "Da'esh and Syria in Iraq": a
        # state after the place phrase is another place, not one of the actors there
        after = min(p.i for p in preps)
        moved = [
            m
            for m in found
            if m.token_start > after
            and (a := ctx.actor(s.actors, m.actor_id)) is not None
            and a.type in ("location", "state")
        ]
        found = [m for m in found if m not in moved]
        places += moved
    found = [military_of(ctx, h, n, s.actors) for h in found]
    return [
        Edge("LOCATED_IN", h, p, (), n, 0.6, modality_hint="presupposed", rule="deployed")
        for h in found
        for p in places
        if h.actor_id != p.actor_id
    ]


def under(ctx: Context, s: SentenceView, prep: Token) -> list[Edge]:
    """ "the force is under the command of Iraq's prime minister", "at the head of"."""
    w = ctx.words
    edges = []
    for n in (c for c in prep.children if c.dep_ == "pobj"):
        if prep.lower_ == "at":  # "Soleimani's successor at the head of the Quds Force"
            if n.lemma_.lower() not in w.head_nouns:
                continue
            bosses_of = [m for t in pobjs(n, ("of",)) for m in np_actors(ctx, s, t)]
            gov = prep.head
            if gov.pos_ in ("VERB", "AUX"):
                subs, _ = subjects(ctx, gov)
                leaders = [m for t in subs for m in np_actors(ctx, s, t)]
            else:
                leaders = np_actors(ctx, s, gov) + [
                    x for c in gov.children if c.dep_ == "appos" for x in np_actors(ctx, s, c)
                ]
                if gov.dep_ == "appos":
                    leaders += np_actors(ctx, s, gov.head)
            edges += [
                Edge(
                    "LEADS",
                    ld,
                    b,
                    (),
                    n,
                    0.7,
                    role="head",
                    modality_hint="presupposed",
                    rule="under",
                )
                for ld in leaders
                for b in bosses_of
            ]
            continue
        rel = w.under_nouns.get(n.lemma_.lower())
        if rel is None:
            continue
        bosses = [m for t in pobjs(n, ("of", "from", "by")) for m in np_actors(ctx, s, t)]
        for c in n.children:
            owner = s.at(c)
            if c.dep_ in ("poss", "amod", "compound") and owner is not None:
                bosses.append(owner)
        gov = prep.head
        if gov.pos_ in ("VERB", "AUX"):
            subs, _ = subjects(ctx, gov)
            held = [m for t in subs for m in np_actors(ctx, s, t)]
        else:
            held = np_actors(ctx, s, gov)
        role = "commander" if rel == "LEADS" else None
        for b in bosses:
            b = military_of(ctx, b, n, s.actors, force=False)
            for h in held:
                edges.append(
                    Edge(
                        rel,
                        b,
                        h,
                        (),
                        n,
                        0.7,
                        role=role,
                        light=gov if gov.pos_ in ("VERB", "AUX") else None,
                        rule="under",
                    )
                )
    return edges


def possessed_unit(ctx: Context, s: SentenceView, tok: Token) -> list[Edge]:
    """ "the corps' Quds Force": a unit named with its parent body as possessor belongs to it
    (only when the gazetteer agrees that the possessor is its parent, and not for states:
    "Iran's army" is not news)."""
    m = s.at(tok)
    if m is None or s.actors is None or tok.i != m.token_end - 1:
        return []
    unit = ctx.actor(s.actors, m.actor_id)
    if unit is None or not unit.parent:
        return []
    edges = []
    for c in tok.children:
        owner = s.at(c)
        if c.dep_ != "poss" or owner is None or owner.actor_id != unit.parent:
            continue
        parent = ctx.actor(s.actors, owner.actor_id)
        if parent is not None and parent.type != "state":
            edges.append(
                Edge(
                    "MEMBER_OF",
                    m,
                    owner,
                    (),
                    tok,
                    0.75,
                    modality_hint="presupposed",
                    rule="possessed_unit",
                )
            )
    return edges


def ruler_of(ctx: Context, s: SentenceView, n: Token) -> list[Edge]:
    """ "Bashar al-Assad's government": the possessor leads the government named."""
    body = s.at(n)
    if s.actors is None:
        return []
    actor = ctx.actor(s.actors, body.actor_id) if body is not None else None
    if body is not None and (actor is None or actor.type not in ("government", "military")):
        return []
    edges = []
    for c in n.children:
        pm = s.at(c)
        if c.dep_ != "poss" or pm is None:
            continue
        person = ctx.actor(s.actors, pm.actor_id)
        if person is None or person.type != "person":
            continue
        target = body
        if target is None:  # "Bashar al-Assad's government": the gazetteer knows of which state
            for role in person.roles:
                gov = f"{role.get('of')}.government"
                if ctx.gazetteer is not None and ctx.gazetteer.get(gov) is not None:
                    target = replace(pm, actor_id=gov, rule="title", text=n.text)
                    break
        if target is not None:
            edges.append(
                Edge("LEADS", pm, target, (), n, 0.75, modality_hint="presupposed", rule="ruler_of")
            )
    return edges


def title(ctx: Context, s: SentenceView, name: Token) -> list[Edge]:
    """ "President Faustin-Archange Touadera": a title the gazetteer knows for this person
    says whom they lead (the text gives the title; the gazetteer says of what)."""
    w = ctx.words
    m = s.at(name)
    if m is None or name.i != m.token_end - 1 or s.actors is None:
        return []
    person = ctx.actor(s.actors, m.actor_id)
    if person is None or person.type != "person" or not person.roles:
        return []
    window = s.doc[max(0, m.token_start - 4) : m.token_end]
    if any(c.lower_ in w.former_words for c in window):
        return []  # "former president Omar al-Bashir" leads nothing now
    # the title as written, inside an alias ("Prime Minister Abiy") or before the name
    written = " ".join(c.lower_ for c in window if c.lower_ in w.title_words)
    if not written:
        return []
    edges = []
    for role in person.roles:
        r = str(role.get("role", "")).lower()
        target_id = role.get("of")
        if not r or not target_id:
            continue
        if not _leading(r, w.leading_titles):
            continue
        if r.split()[0] in ("vice", "deputy"):
            continue
        words = written.split()
        n_r = len(r.split())
        if written == r or (
            written.endswith(" " + r) and words[-n_r - 1] not in ("vice", "deputy")
        ):
            target = ctx.actor(s.actors, str(target_id))
            if target is None:
                continue
            tm = replace(m, actor_id=target.id, rule="title", text=r)
            edges.append(
                Edge(
                    "LEADS", m, tm, (), name, 0.7, role=r, modality_hint="presupposed", rule="title"
                )
            )
    return edges


def _leading(role: str, titles: frozenset[str]) -> bool:
    """Whether a role ("prime minister", "army chief") is a leading title: the whole role, or
    the title it ends with ("army chief" ends with "chief"; "foreign minister" ends with no
    leading title, so a foreign minister leads nothing)."""
    words = role.split()
    return any(" ".join(words[k:]) in titles for k in range(len(words)))


def adjective(ctx: Context, s: SentenceView, a: Token) -> list[Edge]:
    cue = ctx.lex.adjectives[a.lemma_.lower()]
    found: list = []
    if a.dep_ in ("acomp", "attr", "oprd") and a.head.pos_ in ("AUX", "VERB"):
        subs, _ = subjects(ctx, a.head)
        found = [m for t in subs for m in np_actors(ctx, s, t)]
    elif a.dep_ in ("amod", "appos") or a.head.pos_ in ("NOUN", "PROPN"):
        found = np_actors(ctx, s, a.head)
    others = [m for t in pobjs(a, cue.preps) for m in np_actors(ctx, s, t)] if cue.preps else []
    if not cue.preps and a.dep_ == "oprd":
        # "Kinshasa calls the M23 illegitimate": the caller opposes the object
        verb = a.head
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        others = [m for t in objs for m in np_actors(ctx, s, t)]
        subs, _ = subjects(ctx, verb)
        found = [m for t in subs for m in np_actors(ctx, s, t)]
    edges = []
    for h in found:
        for o in others:
            src, tgt = (o, h) if cue.reverse else (h, o)
            edges.append(
                Edge(
                    cue.relation,
                    src,
                    tgt,
                    (),
                    a,
                    cue.weight,
                    rule="adjective",
                    event=cue.event,
                    mode=cue.mode,
                )
            )
    return edges


def is_compound(ctx: Context, s: SentenceView, tok: Token) -> bool:
    return tok.lower_ in ctx.lex.compounds and tok.i >= 2 and s.doc[tok.i - 1].text in DASHES


def compound(ctx: Context, s: SentenceView, part: Token) -> list[Edge]:
    """ "Iran-backed Houthis", "the group is Iran-backed"."""
    rel, kinds = ctx.lex.compounds[part.lower_]
    src = s.at(s.doc[part.i - 2])
    if src is None:
        return []
    head = part.head
    if part.dep_ not in ("amod", "compound", "nmod", "acomp", "npadvmod") or head.i == part.i:
        return []
    if part.dep_ == "acomp":  # "the group is Iran-backed"
        subs, _ = subjects(ctx, head)
        targets = [m for t in subs for m in np_actors(ctx, s, t)]
    else:
        targets = np_actors(ctx, s, head)
    role = "leader" if rel == "LEADS" else None
    return [
        Edge(rel, src, t, kinds, part, 0.8, role=role, modality_hint="presupposed", rule="compound")
        for t in targets
        if t.actor_id != src.actor_id
    ]


_SCENE_PREPS = ("in", "inside", "near", "across", "throughout")


def _places(ctx: Context, s: SentenceView, pobj_tokens: list[Token]) -> list:
    out = []
    for t in pobj_tokens:
        for m in np_actors(ctx, s, t):
            a = ctx.actor(s.actors, m.actor_id)
            if a is not None and a.type in ("location", "state"):
                out.append(m)
    return out


def _coordinated_phrase(prep: Token) -> bool:
    """ "... made in Vienna and now in Riyadh": the phrase follows "and" or a mid-sentence
    adverb (a sentence-opening one, "Additionally in Iraq, ...", sets the scene)."""
    if prep.i == prep.sent.start:
        return False
    before = prep.nbor(-1)
    if before.pos_ == "CCONJ":
        return True
    return before.pos_ == "ADV" and before.i > prep.sent.start and not before.nbor(-1).is_punct


def scene(ctx: Context, s: SentenceView, v: Token) -> list[Edge]:
    """ "In Tripoli, the internationally recognised government ...", "Near Mosul, five strikes
    engaged four ISIL tactical units": a place fronted before the subject sets the scene, so the
    clause's actors (subject; the object of an attack) are there."""
    if s.actors is None:
        return []
    subs, _ = subjects(ctx, v)
    if not subs:
        return []
    first = min(t.i for t in subs)
    fronted = [
        c
        for c in v.children
        if c.dep_ == "prep"
        and c.lower_ in _SCENE_PREPS
        and c.i < first
        # "With the progress made in Vienna and now in Riyadh, the group ...": a place
        # coordinated with an earlier phrase belongs to that phrase, whatever the parse says
        and not _coordinated_phrase(c)
    ]
    places = _places(ctx, s, [p for c in fronted for p in c.children if p.dep_ == "pobj"])
    if not places:
        return []
    w = ctx.words
    held = [m for t in subs for m in np_actors(ctx, s, t, parts=w.attack_part_nouns)]
    if any(cue.relation == "ATTACKS" for cue in ctx.lex.verbs.get(v.lemma_.lower(), ())):
        held += [
            m
            for c in v.children
            if c.dep_ in ("dobj", "obj")
            for m in np_actors(ctx, s, c, parts=w.attack_part_nouns)
        ]
    return [
        Edge("LOCATED_IN", h, p, (), v, 0.55, modality_hint="presupposed", rule="scene")
        for h in held
        for p in places
        if h.actor_id != p.actor_id
    ]


def event_location(ctx: Context, s: SentenceView, n: Token) -> list[Edge]:
    """ "ISIL's campaign in Iraq and Syria", "the Coalition's strikes in Syria": whoever carries
    out a campaign or attacks in a place is present there."""
    if s.actors is None:
        return []
    cue = ctx.lex.events.get(n.lemma_.lower())
    if cue is None or cue.relation != "ATTACKS":
        return []
    owners = [
        m
        for c in n.children
        if c.dep_ in ("poss", "compound", "nmod") and (m := s.at(c)) is not None
    ]
    owners += [m for t in pobjs(n, cue.source_preps) for m in np_actors(ctx, s, t)]
    places = _places(ctx, s, pobjs(n, ("in", "inside", "across", "throughout")))
    return [
        Edge("LOCATED_IN", o, p, (), n, 0.5, modality_hint="presupposed", rule="event_location")
        for o in owners
        for p in places
        if o.actor_id != p.actor_id
    ]


def demonym_supplier(ctx: Context, s: SentenceView, n: Token) -> list[Edge]:
    """ "The Houthis have been buying Iranian drones", "RSF fighters carried Chinese-made
    rifles": goods named with their maker's demonym, bought, received or used by an actor, were
    supplied by that state (the kinds of the goods)."""
    if s.actors is None or n.dep_ not in ("dobj", "obj"):
        return []
    verb = n.head
    if verb.pos_ not in ("VERB", "AUX") or ctx.lemma(verb) not in ctx.words.goods_verbs:
        return []
    kinds = tuple(k for k in kinds_of(ctx, n) if k != "other")
    if not kinds:
        return []
    makers = []
    for c in n.children:
        if c.dep_ not in ("amod", "compound", "nmod"):
            continue
        m = s.at(c)
        if m is None and c.lower_ == "made":  # "Chinese-made"
            m = next((s.at(g) for g in c.children if s.at(g) is not None), None)
        a = ctx.actor(s.actors, m.actor_id) if m is not None else None
        if (
            m is not None
            and a is not None
            and a.type == "state"
            and m.rule in ("adjectival", "alias")
        ):
            makers.append(m)
    if not makers:
        return []
    subs, passive = subjects(ctx, verb)
    if passive:
        return []
    buyers = [b for t in subs for b in np_actors(ctx, s, t)]
    return [
        Edge("SUPPORTS", mk, b, kinds, n, 0.55, light=verb, rule="demonym_supplier", event="AID")
        for mk in makers
        for b in buyers
        if mk.actor_id != b.actor_id
    ]
