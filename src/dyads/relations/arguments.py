"""Finding a cue's arguments: the actors a noun phrase names, a verb's subjects and agents, the
holder a relation noun is said of, and the kinds of support a phrase names."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dyads.records import Mention
from dyads.relations.bodies import military_of, seat_government
from dyads.relations.context import Context
from dyads.relations.edges import SentenceView

__all__ = ["agents", "holders", "kinds_of", "names_actor", "np_actors", "pobjs", "subjects"]

_WH = ("which", "who", "that", "whom")
#: "one of the backers", "two of the founders": the noun is said of the partitive's holder
PARTITIVES = frozenset("one two three several some many each any all both".split())
#: mentions that stand in for an actor named in apposition ("the group's armed wing, the
#: Qassam Brigades"): the apposition names it better
_STAND_INS = ("description", "pronoun", "discourse_pronoun", "part", "home_state", "generic")


def pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions (and agent / dative phrases) among ``preps``."""
    wanted = set(preps)
    found: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in wanted:
            found.extend(p for p in c.children if p.dep_ == "pobj")
    return found


def np_actors(
    ctx: Context,
    s: SentenceView,
    tok: Token,
    depth: int = 0,
    parts: frozenset[str] | None = None,
    conjuncts: bool = True,
) -> list[Mention]:
    """The actors a noun phrase headed by ``tok`` (and its conjuncts) refers to."""
    w = ctx.words
    if parts is None:
        parts = w.part_nouns
    out: list[Mention] = []
    conj = [c for c in tok.conjuncts if not (ctx.on("parse.conjunct_clause") and starts_clause(c))]
    for t in (tok, *conj) if conjuncts else (tok,):
        m = s.at(t)
        # "the group's armed wing, the Qassam Brigades": the apposition names it
        appos = [s.at(c) for c in t.children if c.dep_ == "appos" and s.at(c)]
        if appos and (m is None or m.rule in _STAND_INS):
            out.append(appos[0])  # type: ignore[arg-type]
            for c in t.children:  # "its Sahel allies Burkina Faso and Niger"
                if c.dep_ == "appos" and s.at(c) is appos[0]:
                    out.extend(x for x in (s.at(y) for y in c.conjuncts) if x is not None)
            continue
        if m is not None and m.rule == "generic" and depth < 2:
            # "Burundian rebels of the RED-Tabara group": the named owner, not the phrase
            owner = [x for p in pobjs(t, ("of",)) for x in np_actors(ctx, s, p, depth + 1)]
            if owner:
                out.append(owner[0])
                continue
        if m is not None and m.rule == "description" and t.dep_ == "appos" and s.at(t.head):
            out.append(s.at(t.head))  # type: ignore[arg-type]
            continue
        if m is not None:
            out.extend(s.with_pair(m))
            for c in t.children:  # "Mali, Burkina Faso and Niger" misparsed as an apposition
                if c.dep_ == "appos" and c.conjuncts and s.at(c) is not None:
                    out.extend(x for x in (s.at(y) for y in (c, *c.conjuncts)) if x is not None)
            continue
        if (
            t.lemma_.lower() in w.quantity_nouns or t.lower_ in w.quantity_nouns
        ) and depth < 3:  # "hundreds of AU peacekeepers"
            out.extend(m for p in pobjs(t, ("of",)) for m in np_actors(ctx, s, p, depth + 1, parts))
            continue
        if t.dep_ == "appos" and s.at(t.head) is not None:  # "the FDLR, a Hutu militia"
            out.append(s.at(t.head))  # type: ignore[arg-type]
            continue
        if t.lower_ in _WH and t.head.dep_ == "relcl":
            # "strikes against tactical units and the oil infrastructure that provides ISIL's
            # support": a singular verb is said of the last conjunct alone
            one = ctx.on("arg.relative_number") and _singular(t.head)
            out.extend(
                np_actors(ctx, s, t.head.head, depth + 1, conjuncts=not one) if depth < 3 else []
            )
            continue
        if t.lemma_.lower() in parts or t.lower_ in parts:
            found = _part_owner(ctx, s, t, depth, parts)
            if found is not None:
                out.append(found)
                continue
        if depth < 2 and ctx.on("arg.examples"):
            # "outside powers, including Russia and Turkey", "states such as Iran", "namely X"
            listed = [m for p in _examples(t) for m in np_actors(ctx, s, p, depth + 1, parts)]
            if listed:
                out.extend(listed)
                continue
        if depth < 2 and ctx.on("arg.copula_identity"):
            # "The strongest militias, armed and paid by Iran, are A, B and C": the militias
            # are A, B and C
            out.extend(m for p in _identified(ctx, t) for m in np_actors(ctx, s, p, depth + 1))
    uniq: dict[str, Mention] = {}
    for m in out:
        uniq.setdefault(m.actor_id, m)
    return list(uniq.values())


def _singular(verb: Token) -> bool:
    """Whether a finite verb agrees with a singular subject ("provides", "has provided")."""
    return verb.tag_ == "VBZ" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBZ" for c in verb.children
    )


def _part_owner(
    ctx: Context, s: SentenceView, t: Token, depth: int, parts: frozenset[str]
) -> Mention | None:
    """ "Houthi fighters", "Kenya, whose troops", "the leadership of the Taliban": the owner."""
    w = ctx.words
    found = None
    for c in t.children:
        if c.dep_ == "poss" and c.lower_ == "whose" and t.head.dep_ == "relcl":
            owner = np_actors(ctx, s, t.head.head, depth + 1) if depth < 3 else []
            if owner:  # "Kenya, whose troops serve in Somalia"
                found = military_of(ctx, owner[0], t, s.actors)
                break
        mc = s.at(c)
        if c.dep_ in ("poss", "compound", "amod", "nmod") and mc is not None:
            kind = ctx.actor(s.actors, mc.actor_id) if s.actors is not None else None
            noun = t.lemma_.lower()
            if kind is not None and kind.type == "ethnic_group" and noun not in w.civilian_parts:
                continue  # a "Hutu militia" is not the Hutu (but "Rohingya villages" are)
            if (
                mc.rule == "adjectival"
                and noun
                not in w.military_parts | w.location_parts | w.civilian_parts | w.infra_parts
            ):
                continue  # "Syrian rebel factions" are not Syria
            found = military_of(ctx, mc, t, s.actors)
            break
    if found is None and depth < 2 and t.lemma_.lower() not in w.collective_parts:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        sub = np_actors(ctx, s, p, depth + 1, parts)
                        if sub:
                            found = sub[0]
    return found


def subjects(ctx: Context, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """Subject tokens of ``verb`` and whether it is passive (inherited along conj/xcomp)."""
    w = ctx.words
    passive = (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        or (
            verb.tag_ == "VBN"
            and verb.dep_ in ("acomp", "acl", "amod", "conj")
            and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
            and (
                verb.dep_ != "conj"
                or subjects(ctx, verb.head, depth + 1)[1]
                or verb.head.dep_ in ("acomp", "acl")
            )
        )
        if depth < 4
        else False
    )
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if subs:
        return subs, passive
    if depth >= 4 or verb.head.i == verb.i:
        return [], passive
    head = verb.head
    if verb.dep_ == "acomp" and head.lemma_ in w.copulas:
        return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")], True
    if verb.dep_ == "relcl":
        return [head], passive
    if verb.dep_ == "acl":
        # "the militias, armed and paid by Iran": a participle the model tags JJ is passive too
        return [head], verb.tag_ == "VBN" or (verb.tag_ == "JJ" and verb.lower_.endswith("ed"))
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        gov = head.head
        for _ in range(3):  # "accused by UN experts and US lawmakers of arming": "of" misattached
            if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                break
            gov = gov.head
        if gov.lemma_ in ctx.lex.cue_set("belief_verbs") | w.accusing_verbs:
            objs = [c for c in gov.children if c.dep_ == "dobj"]
            if objs:
                return objs, passive
        return subjects(ctx, gov, depth + 1)[0], passive
    if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        if (
            verb.dep_ in ("advcl", "xcomp")
            and head.lemma_ in w.send_verbs
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            objs = [c for c in head.children if c.dep_ == "dobj" and names_actor(c)]
            if objs:  # "sent the army into the region to crush the TPLF": the army crushes
                return objs, passive
        if verb.dep_ == "xcomp":
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if head.lemma_ in w.object_control:
                if not objs:
                    objs = list(pobjs(head, ("on", "upon")))
                return objs, passive
        if verb.dep_ == "ccomp":
            return [], passive
        return subjects(ctx, head, depth + 1)[0], passive
    return [], passive


def names_actor(tok: Token) -> bool:
    """Whether a token heads a phrase naming an actor (a proper name or a resolved group),
    as opposed to "troops" sent to do something on the sender's behalf."""
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")
        or any(c.pos_ == "PROPN" for c in tok.children if c.dep_ in ("compound", "amod"))
    )


def agents(verb: Token) -> list[Token]:
    """The "by" agents of a passive verb."""
    found = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not found:  # "armed and trained by Kigali": the agent hangs on the last conjunct
        for conj in verb.conjuncts:
            found.extend(
                p
                for c in conj.children
                if c.dep_ == "agent"
                for p in c.children
                if p.dep_ == "pobj"
            )
    if not found:
        found = pobjs(verb, ("by",))
    return found


def kinds_of(ctx: Context, tok: Token) -> list[str]:
    """Support kinds named by a noun phrase headed by ``tok`` (and its conjuncts)."""
    lex = ctx.lex
    kinds: list[str] = []
    for t in (tok, *tok.conjuncts):
        lemma = t.lemma_.lower()
        mods = []
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                mods.append(c.lemma_.lower())
                mods.extend(x.lemma_.lower() for x in c.conjuncts)
        found = None
        for mod in mods:
            if (mod, lemma) in lex.kind_phrases:
                found = lex.kind_phrases[(mod, lemma)]
                kinds.append(found)
        if found is None and tuple(mods) in lex.kind_phrases:
            found = lex.kind_phrases[tuple(mods)]  # "air defence systems"
            kinds.append(found)
        if found is None:
            if lemma in lex.kind_words:
                kinds.append(lex.kind_words[lemma])
            elif t.lower_ in lex.kind_words:
                kinds.append(lex.kind_words[t.lower_])
    seen: list[str] = []
    for k in kinds:
        if k not in seen:
            seen.append(k)
    if len(seen) > 1 and "other" in seen:
        seen.remove("other")
    return seen


def holders(ctx: Context, s: SentenceView, n: Token) -> list[Mention]:
    """Who the noun ``n`` is said of: "X is a proxy", "X, a proxy", "proxy X"."""
    w = ctx.words
    head = n.head
    if ctx.on("arg.partitive") and n.dep_ == "pobj" and head.lower_ in ("of", "among"):
        one = head.head
        if head.lower_ == "of" and one.lower_ in PARTITIVES:
            # "Qatar is one of the main backers of Hamas": what is said of "one"
            return holders(ctx, s, one)
        if head.lower_ == "among" and one.lemma_ in w.copulas:
            # "Qatar is among the main backers of Hamas"
            subs, _ = subjects(ctx, one)
            return [m for t in subs for m in np_actors(ctx, s, t)]
    if ctx.on("arg.coordinated_appositive") and n.dep_ == "conj" and head.dep_ in ("appos", "attr"):
        # "The P, the largest party in the coalition and a close ally of X": the first apposition's
        first = head
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        return holders(ctx, s, first)
    if n.dep_ in ("attr", "acomp", "oprd") and head.lemma_ in w.copulas:
        subs, _ = subjects(ctx, head)
        return [m for t in subs for m in np_actors(ctx, s, t)]
    if n.dep_ == "nsubj" and head.lemma_ in w.copulas:  # "Ankara's main enemy is the SDF"
        attrs = [c for c in head.children if c.dep_ == "attr"]
        return [m for t in attrs for m in np_actors(ctx, s, t)]
    if n.dep_ in ("dobj", "oprd", "attr", "xcomp") and head.lemma_ in w.appoint_verbs:
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.i != n.i]
        if objs:  # "appointed X commander", "X was appointed one of the deputy leaders"
            return [m for t in objs for m in np_actors(ctx, s, t)]
    if n.dep_ == "oprd" or (n.dep_ in ("dobj", "attr") and head.lemma_ in w.consider_verbs):
        # "Turkey considers the YPG an extension of the PKK"
        objs = [
            c for c in head.children if c.dep_ in ("dobj", "nsubj") and c.i != n.i and c.i < n.i
        ]
        objs = [c for c in objs if c.dep_ == "dobj"] or []
        return [m for t in objs for m in np_actors(ctx, s, t)]
    if n.dep_ == "appos":
        # "Cohen and Murad, director of the office": a singular apposition after the last of
        # several names is said of that one ("Mali, Burkina Faso and Niger, all members" of all)
        alone = head.dep_ == "conj" and n.tag_ in ("NN", "NNP") and ctx.on("arg.appositive_one")
        return np_actors(ctx, s, head, conjuncts=not alone)
    for c in n.children:
        if c.dep_ == "appos":
            acts = np_actors(ctx, s, c)
            if acts:
                return acts
    if n.dep_ in ("compound", "amod") and head.pos_ == "PROPN" and s.at(head):
        return [s.at(head)]  # type: ignore[list-item]
    if n.dep_ == "pobj" and head.lower_ == "as":
        gov = head.head
        objs = [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")]
        if objs:  # "named X as leader", "regard the movement as Iran's proxy"
            return [m for t in objs for m in np_actors(ctx, s, t)]
        subs, _ = subjects(ctx, gov) if gov.pos_ in ("VERB", "AUX") else ([], False)
        return [m for t in subs for m in np_actors(ctx, s, t)]
    for c in n.children:  # "the Houthis' backers in Tehran"
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for p in c.children:
                if p.dep_ == "pobj":
                    acts = [seat_government(ctx, a, s.actors) for a in np_actors(ctx, s, p)]
                    acts = [a for a in acts if a.rule == "metonym"]
                    if acts:
                        return acts
    return []


def starts_clause(t: Token) -> bool:
    """A parser error: "Mogadishu condemned Addis Ababa, and Somalia's president, Hassan Sheikh
    Mohamud, called the deal ...": the small model makes "president" a second object of
    "condemned", though it is the subject of "called". A conjunct followed (after its
    apposition and commas) by a verb with no subject of its own starts a new clause."""
    if t.dep_ != "conj" or t.i <= t.head.i:
        return False
    first = t.head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ not in ("dobj", "obj", "pobj", "attr", "dative"):
        return False  # "The United States and Britain have struck": subjects stay subjects
    doc = t.doc
    k = t.right_edge.i + 1
    while k < len(doc) and doc[k].is_punct and doc[k].text != ".":
        k += 1
    if k >= len(doc):
        return False
    verb = doc[k]
    return (
        not verb.is_ancestor(t)
        and verb.pos_ in ("VERB", "AUX")
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def object_owners(ctx: Context, s: SentenceView, obj: Token) -> list[Mention]:
    """Whom an object belongs to: "Islamabad's claims", "a proposal by ECOWAS", "the support
    from Cairo", "the American measures", "the decision of the junta"."""
    out: list[Mention] = []
    for t in (obj, *obj.conjuncts):
        for c in t.children:
            m = s.at(c)
            if c.dep_ in ("poss", "compound", "amod", "nmod") and m is not None:
                out.append(m)
        for p in pobjs(t, ("by", "from", "of", "between")):
            out.extend(np_actors(ctx, s, p))
    uniq: dict[str, Mention] = {}
    for m in out:
        uniq.setdefault(m.actor_id, m)
    return list(uniq.values())


def clause_pobjs(verb: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` anywhere in ``verb``'s own clause (not inside a
    clause with a subject of its own, nor in a relative clause)."""
    wanted = set(preps)
    found: list[Token] = []
    stack = list(verb.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("relcl", "ccomp") or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children
        ):
            continue
        if t.dep_ == "prep" and t.lower_ in wanted:
            found.extend(p for p in t.children if p.dep_ == "pobj")
        stack.extend(t.children)
    return sorted(found, key=lambda t: t.i)


def _examples(t: Token) -> list[Token]:
    """The examples a noun phrase lists: "including X", "such as X", "like X", "namely X"."""
    out: list[Token] = []
    for c in t.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("including", "like", "notably", "especially")
            or c.dep_ == "prep"
            and c.lower_ == "as"
            and any(g.lower_ == "such" for g in c.children)
        ):
            out.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "appos" and any(g.lower_ == "namely" for g in c.children):
            out.append(c)
    return out


def _identified(ctx: Context, t: Token) -> list[Token]:
    """What a copula says a subject noun is ("the militias ... are A, B and C"), or what an
    attribute noun's subject is ("A is the militia armed by Iran")."""
    head = t.head
    if head.lemma_ not in ctx.words.copulas:
        return []
    if t.dep_ == "nsubj":
        return [c for c in head.children if c.dep_ == "attr"]
    if t.dep_ == "attr":
        return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []
