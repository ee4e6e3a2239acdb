"""Extract typed, directed edges from dependency-parsed sentences.

Four kinds of cue, all from the lexicon (``data/lexicon.yaml``):

- verbs: "Iran arms the Houthis", "the rebels were armed by Kigali", "Tehran provided the group
  with drones", "Qatar hosts Hamas's political bureau", "Kinshasa accuses Kigali of arming M23";
- relational nouns: "X is a proxy of Y", "Y's backers in Tehran", "Hezbollah leader Naim Qassem";
- event nouns: "Iran's support for the Houthis", "influence over the Taliban", "ties with Moscow";
- adjectives and hyphenated participles: "X is hostile to Y", "Iran-backed Houthis".

Every sentence is handled on its own, so results never depend on sentence order. Each edge gets
its modality, polarity and attribution from :mod:`dyads.relations.modality`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from dyads.actors import DocumentActors
from dyads.records import Actor, ActorRef, Evidence, Mention, Relation, Sentence
from dyads.relations.lexicon import Lexicon, NounCue, VerbCue, load_lexicon, symmetric_relations
from dyads.relations.modality import date_of, frame_of

#: Nouns that stand for an actor named by their modifier: "the Taliban leadership", "M23
#: rebels", "Hamas's political bureau", "Houthi fighters".
PART_NOUNS = frozenset(
    """leadership leader leaders bureau office wing fighter fighters rebel rebels militant militants
    militia militias force forces troop troops soldier soldiers unit units commander commanders
    member members cadre cadres official officials representative representatives delegation
    headquarters group movement insurgent insurgents operative operatives branch faction
    army military state brigade brigades battalion battalions factions operations agency service
    peacekeeper peacekeepers mercenary mercenaries ally allies proxy proxies partner partners
    client clients soil territory land ambassador ambassadors envoy envoys diplomat diplomats
    delegation embassy
    organisation organization company party coalition alliance network""".split()
)
#: Civilians named by an ethnic group: "Rohingya villages", "Fulani villagers".
CIVILIAN_PARTS = frozenset(
    "village villages villager villagers civilian civilians community communities home homes".split()
)
#: More nouns that stand for their modifier when something is attacked or attacks: "Houthi
#: positions", "Pakistani jets", "TTP hideouts", "the group's facilities".
ATTACK_PART_NOUNS = (
    PART_NOUNS
    | frozenset(
        """position positions base bases site sites facility facilities stronghold strongholds camp
    camps hideout hideouts target targets convoy convoys vessel vessels launcher launchers depot
    depots infrastructure city cities town towns territory airport airports port ports jet jets
    aircraft warplane warplanes drone drones missile missiles rocket rockets artillery campaign
    offensive strike strikes gunman gunmen crew crews patrol patrols outpost outposts post posts
    ship ships radar station stations plant plants grid""".split()
    )
    | CIVILIAN_PARTS
)
#: Nouns for a state's soldiers and their kit: "Rwandan troops" are the Rwandan military.
MILITARY_PARTS = frozenset(
    """troop soldier force army military post position base jet warplane aircraft drone patrol
    convoy outpost unit officer commander general artillery navy division brigade battalion
    regiment garrison peacekeeper""".split()
)
#: Nouns for a state's officials: "Ethiopia's ambassador" is the Ethiopian government's.
GOVERNMENT_PARTS = frozenset(
    "ambassador envoy diplomat official minister delegation embassy spokesman negotiator".split()
)
#: Light verbs that deny a relation noun ("cut ties with") or make it moot ("strained ties").
SEVER_VERBS = frozenset("cut sever break freeze suspend end halt withdraw stop".split())
STRAIN_VERBS = frozenset("strain damage hurt sour undermine test weaken".split())
#: Exhortations report a request, not a relation: "called on Iraqis to fight the Islamic State".
EXHORT_VERBS = frozenset("urge call ask encourage press push invite appeal beg implore".split())
#: Intentions to attack are coded as opposition: "vowed to crush the TTP".
INTENT_VERBS = frozenset("vow threaten pledge promise swear".split())

#: Who speaks for an actor: "UN experts", "US officials", "a senior US military officer".
SPEAKER_NOUNS = frozenset(
    """expert experts monitor monitors investigator investigators official officials diplomat
    diplomats analyst analysts spokesman spokeswoman spokesperson officer officers lawmaker
    lawmakers panel report minister ministers source sources envoy envoys""".split()
)
GOVERNMENT_SPEAKERS = frozenset(
    "official officials diplomat diplomats spokesman spokeswoman spokesperson minister ministers envoy envoys lawmaker lawmakers".split()
)
MILITARY_SPEAKERS = frozenset("officer officers commander commanders general generals".split())

#: Nouns of quantity that pass through to their "of" object: "hundreds of AU peacekeepers".
QUANTITY_NOUNS = frozenset(
    """hundreds dozens thousands scores hundred dozen thousand score million millions number
    series wave string spate handful couple several most many some all members part parts area
    areas swathe swathes swath much bulk majority""".split()
)
#: Nouns whose "in" phrase says where an actor's people are: "US forces in Iraq".
DEPLOYED_NOUNS = frozenset(
    """troop troops soldier soldiers force forces fighter fighters mercenary mercenaries militant
    militants presence base bases contingent peacekeeper peacekeepers adviser advisers advisor
    advisors instructor instructors unit units""".split()
)
#: "under the command of X", "under pressure from X": X leads or sways the subject.
UNDER_NOUNS = {
    "command": "LEADS",
    "leadership": "LEADS",
    "control": "INFLUENCES",
    "authority": "INFLUENCES",
    "influence": "INFLUENCES",
    "sway": "INFLUENCES",
    "pressure": "INFLUENCES",
    "thumb": "INFLUENCES",
    "protection": "SUPPORTS",
    "patronage": "SUPPORTS",
    "umbrella": "INFLUENCES",
}

#: Verbs of holding ground: a non-state actor that controls a place is located there.
TERRITORY_VERBS = frozenset("control hold occupy administer run dominate".split())
NON_STATE = frozenset({"armed_group", "political_party", "military", "other"})

#: Events whose "of" object is their target: "the invasion of Ukraine".
OF_TARGET_EVENTS = frozenset(
    "invasion occupation bombardment shelling siege blockade annexation".split()
)
#: A state's infrastructure, attacked: "Ukrainian power stations", "Saudi oil facilities".
INFRA_PARTS = frozenset(
    """station plant grid city town port airport infrastructure facility refinery pipeline
    capital village""".split()
)
#: Places named by a demonym: "Venezuelan soil", "Afghan territory".
LOCATION_PARTS = frozenset("soil territory land lands border borders".split())

#: "created with the help of X": X is the agent.
HELP_NOUNS = frozenset("help support backing assistance aid blessing".split())

#: "X and Y fought (a war)": each side attacks the other.
RECIPROCAL_VERBS = frozenset("fight battle clash".split())
RECIPROCAL_OBJECTS = frozenset("war battle conflict fight".split())
#: Titles that say a person leads the body the gazetteer names for them.
LEADING_TITLES = frozenset(
    """president prime minister premier king emir supreme leader leader commander chief chairman
    secretary-general head chancellor sultan""".split()
)

#: Words of a title before a name: "Prime Minister Abiy Ahmed", "Senior General Min Aung Hlaing".
TITLE_WORDS = frozenset(
    """president prime minister premier king queen emir supreme leader commander chief chairman
    secretary-general head chancellor sultan general senior marshal field vice deputy
    colonel captain lieutenant army""".split()
)

#: Modifiers that make a "unit of X" a former part of X: "a FARC dissident unit".
SPLINTER_WORDS = frozenset("dissident breakaway splinter former ex rogue renegade".split())

#: Nouns for a governing body whose possessor leads it: "Assad's government".
RULED_NOUNS = frozenset("government regime administration cabinet junta".split())

#: Verbs that pass a relation noun's giver or holder to their subject.
GIVE_VERBS = frozenset(
    """provide give offer extend lend send pledge increase continue maintain channel funnel
    step expand deepen boost promise deliver supply grant""".split()
)
RECEIVE_VERBS = frozenset("receive get obtain enjoy accept seek secure solicit rely depend".split())
HAVE_VERBS = frozenset(
    """have wield exert hold retain maintain enjoy gain lose keep use exercise build develop
    restore resume renew normalise normalize sign conclude impose plan order mastermind claim fly
    form forge
    contribute
    forge strengthen deepen cultivate establish launch wage conduct mount carry intensify
    escalate begin start resume lead open""".split()
)
COPULAS = frozenset("be become remain serve act".split())
#: "sent X to do": X does it.
SEND_VERBS = frozenset("send deploy dispatch despatch order rush move".split())
#: Verbs whose object (or "on" object) is the subject of their complement: "urged X to arm Y".
OBJECT_CONTROL = frozenset(
    """urge ask help allow encourage force order persuade push press enable tell call invite
    pressure instruct direct train equip permit""".split()
)
APPOINT_VERBS = frozenset("name appoint elect make install choose select".split())
#: Relations whose target may be a place (a location actor).
PLACE_TARGETS = frozenset({"LOCATED_IN"})
#: Relations a bare location may not be the source of.
MODALITY_FACTOR = {
    "asserted": 1.0,
    "reported": 0.8,
    "believed": 0.8,
    "hypothetical": 0.6,
    "question": 0.5,
}
#: Resolution rules that are guesses: edges through them lose confidence.
WEAK_RULES = {"description": 0.85, "pronoun": 0.85, "new_entity": 0.9, "metonym": 0.95}


@dataclass(frozen=True)
class _Edge:
    relation: str
    source: Mention
    target: Mention
    kinds: tuple[str, ...]
    cue: Token
    weight: float
    light: Token | None = None
    role: str | None = None
    speaker_hint: Mention | None = None
    modality_hint: str | None = None


class _Sent:
    """One parsed sentence with its mentions indexed by token."""

    def __init__(
        self, doc: Doc, mentions: Sequence[Mention], actors: DocumentActors | None = None
    ) -> None:
        self.doc = doc
        self.actors = actors
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self.by_token.setdefault(i, m)

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)


class RelationExtractor:
    """Turns parsed sentences plus resolved mentions into Relations."""

    def __init__(self, gazetteer: Any = None, lexicons: Iterable[Path] = ()) -> None:
        self.gazetteer = gazetteer
        self.lex: Lexicon = load_lexicon(tuple(Path(p) for p in lexicons))
        self.symmetric = symmetric_relations(self.lex)

    # -- public ----------------------------------------------------------------------------
    def extract(
        self, sents: Sequence[Doc], sentences: Sequence[Sentence], actors: DocumentActors
    ) -> list[Relation]:
        out: list[Relation] = []
        for i, (doc, sentence) in enumerate(zip(sents, sentences, strict=True)):
            mentions = actors.in_sentence(i)
            if len(mentions) < 2 and not any(m.rule == "pronoun" for m in mentions):
                continue  # too few mentions to relate (a lone titled name is skipped too)
            s = _Sent(doc, mentions, actors)
            edges = self.sentence_edges(s)
            out.extend(self._relations(edges, s, sentence, actors))
        return out

    # -- cues --------------------------------------------------------------------------------
    def sentence_edges(self, s: _Sent) -> list[_Edge]:
        edges: list[_Edge] = []
        lex = self.lex
        for tok in s.doc:
            lemma = tok.lemma_.lower()
            if (
                tok.pos_ in ("VERB", "AUX")
                or (tok.tag_ == "VBN" and tok.dep_ in ("acomp", "amod", "acl"))
                # "Can the EU arm Ukraine?": the small model tags a verb with a subject as a noun
                or (
                    tok.pos_ == "NOUN"
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                )
            ):
                for cue in lex.verbs.get(lemma, ()):
                    edges.extend(self._verb(s, tok, cue))
            elif (
                tok.pos_ == "ADJ"
                and tok.dep_ in ("acomp", "conj", "amod")
                and tok.lower_.endswith("ed")
            ):
                # "the rebels were armed": the small model tags some participles as adjectives
                for stem in _stems(tok.lower_):
                    for cue in lex.verbs.get(stem, ()):
                        edges.extend(self._verb(s, tok, cue, passive_participle=True))
            if tok.pos_ in ("NOUN", "PROPN"):
                if lemma in lex.nouns:
                    edges.extend(self._noun(s, tok, lex.nouns[lemma]))
                if (
                    lemma in lex.events and s.at(tok) is None
                ):  # "the Alliance of Sahel States" is a name
                    edges.extend(self._event(s, tok))
            if (
                lemma in DEPLOYED_NOUNS
                and tok.pos_ in ("NOUN", "PROPN")
                or (tok.pos_ == "PROPN" and s.at(tok) is not None and tok.dep_ != "pobj")
            ):
                edges.extend(self._deployed(s, tok))
            if tok.lower_ in ("under", "at") and tok.dep_ == "prep":
                edges.extend(self._under(s, tok))
            if lemma in RULED_NOUNS and tok.pos_ == "NOUN":
                edges.extend(self._ruler_of(s, tok))
            if tok.pos_ == "PROPN" and s.at(tok) is not None:
                edges.extend(self._title(s, tok))
                edges.extend(self._possessed_unit(s, tok))
            if tok.pos_ == "ADJ" and lemma in lex.adjectives:
                edges.extend(self._adjective(s, tok))
            if (
                tok.lower_ in lex.compounds
                and tok.i >= 2
                and s.doc[tok.i - 1].text in ("-", "\u2011", "\u2013")
            ):
                edges.extend(self._compound(s, tok))
        return edges

    # -- arguments ---------------------------------------------------------------------------
    def np_actors(
        self,
        s: _Sent,
        tok: Token,
        depth: int = 0,
        parts: frozenset[str] = PART_NOUNS,
        conjuncts: bool = True,
    ) -> list[Mention]:
        """The actors a noun phrase headed by ``tok`` (and its conjuncts) refers to."""
        out: list[Mention] = []
        for t in (tok, *tok.conjuncts) if conjuncts else (tok,):
            m = s.at(t)
            # "the group's armed wing, the Qassam Brigades": the apposition names it
            appos = [s.at(c) for c in t.children if c.dep_ == "appos" and s.at(c)]
            if appos and (m is None or m.rule in ("description", "pronoun")):
                out.append(appos[0])  # type: ignore[arg-type]
                continue
            if m is not None and m.rule == "description" and t.dep_ == "appos" and s.at(t.head):
                out.append(s.at(t.head))  # type: ignore[arg-type]
                continue
            if m is not None:
                out.append(m)
                for c in t.children:  # "Mali, Burkina Faso and Niger" misparsed as an apposition
                    if c.dep_ == "appos" and c.conjuncts and s.at(c) is not None:
                        out.extend(x for x in (s.at(y) for y in (c, *c.conjuncts)) if x is not None)
                continue
            if (
                t.lemma_.lower() in QUANTITY_NOUNS or t.lower_ in QUANTITY_NOUNS
            ) and depth < 3:  # "hundreds of AU peacekeepers"
                out.extend(
                    m
                    for p in self._pobjs(t, ("of",))
                    for m in self.np_actors(s, p, depth + 1, parts)
                )
                continue
            if t.dep_ == "appos" and s.at(t.head) is not None:  # "the FDLR, a Hutu militia"
                out.append(s.at(t.head))  # type: ignore[arg-type]
                continue
            if t.lower_ in ("which", "who", "that", "whom") and t.head.dep_ == "relcl":
                out.extend(self.np_actors(s, t.head.head, depth + 1) if depth < 3 else [])
                continue
            if t.lemma_.lower() in parts or t.lower_ in parts:
                found = None
                for c in t.children:
                    if c.dep_ == "poss" and c.lower_ == "whose" and t.head.dep_ == "relcl":
                        owner = self.np_actors(s, t.head.head, depth + 1) if depth < 3 else []
                        if owner:  # "Kenya, whose troops serve in Somalia"
                            found = self._military_of(owner[0], t, s.actors)
                            break
                    mc = s.at(c)
                    if c.dep_ in ("poss", "compound", "amod", "nmod") and mc is not None:
                        kind = self._actor(s.actors, mc.actor_id) if s.actors is not None else None
                        noun = t.lemma_.lower()
                        if (
                            kind is not None
                            and kind.type == "ethnic_group"
                            and noun not in CIVILIAN_PARTS
                        ):
                            continue  # a "Hutu militia" is not the Hutu (but "Rohingya villages" are)
                        if (
                            mc.rule == "adjectival"
                            and noun
                            not in MILITARY_PARTS | LOCATION_PARTS | CIVILIAN_PARTS | INFRA_PARTS
                        ):
                            continue  # "Syrian rebel factions" are not Syria
                        found = self._military_of(mc, t, s.actors)
                        break
                if found is None and depth < 2:
                    for c in t.children:
                        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                            for p in c.children:
                                if p.dep_ == "pobj":
                                    sub = self.np_actors(s, p, depth + 1, parts)
                                    if sub:
                                        found = sub[0]
                if found is not None:
                    out.append(found)
        uniq: dict[str, Mention] = {}
        for m in out:
            uniq.setdefault(m.actor_id, m)
        return list(uniq.values())

    def _pobjs(self, tok: Token, preps: Iterable[str]) -> list[Token]:
        wanted = set(preps)
        found: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ in wanted:
                found.extend(p for p in c.children if p.dep_ == "pobj")
        return found

    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """Subject tokens of ``verb`` and whether it is passive (inherited along conj/xcomp)."""
        passive = (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            or (
                verb.tag_ == "VBN"
                and verb.dep_ in ("acomp", "acl", "amod", "conj")
                and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
                and (
                    verb.dep_ != "conj"
                    or self.subjects(verb.head, depth + 1)[1]
                    or verb.head.dep_ == "acomp"
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
        if verb.dep_ == "acomp" and head.lemma_ in COPULAS:
            return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")], True
        if verb.dep_ == "relcl":
            return [head], passive
        if verb.dep_ == "acl":
            return [head], verb.tag_ == "VBN"
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            gov = head.head
            for _ in range(
                3
            ):  # "accused by UN experts and US lawmakers of arming": "of" misattached
                if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                    break
                gov = gov.head
            if gov.lemma_ in self.lex.cue_set("belief_verbs") | {
                "blame",
                "suspect",
                "accuse",
                "charge",
                "criticize",
                "condemn",
                "sanction",
                "punish",
            }:
                objs = [c for c in gov.children if c.dep_ == "dobj"]
                if objs:
                    return objs, passive
            return self.subjects(gov, depth + 1)[0], passive
        if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            if (
                verb.dep_ in ("advcl", "xcomp")
                and head.lemma_ in SEND_VERBS
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            ):
                objs = [c for c in head.children if c.dep_ == "dobj" and self._names_actor(c)]
                if objs:  # "sent the army into the region to crush the TPLF": the army crushes
                    return objs, passive
            if verb.dep_ == "xcomp":
                objs = [c for c in head.children if c.dep_ == "dobj"]
                if head.lemma_ in OBJECT_CONTROL:
                    if not objs:
                        objs = [p for p in self._pobjs(head, ("on", "upon"))]
                    return objs, passive
            if verb.dep_ == "ccomp":
                return [], passive
            return self.subjects(head, depth + 1)[0], passive
        return [], passive

    def _names_actor(self, tok: Token) -> bool:
        """Whether a token heads a phrase naming an actor (a proper name or a resolved group),
        as opposed to "troops" sent to do something on the sender's behalf."""
        return (
            tok.pos_ == "PROPN"
            or tok.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")
            or any(c.pos_ == "PROPN" for c in tok.children if c.dep_ in ("compound", "amod"))
        )

    def _agents(self, verb: Token) -> list[Token]:
        found = [
            p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ]
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
            found = self._pobjs(verb, ("by",))
        return found

    def kinds_of(self, tok: Token) -> list[str]:
        """Support kinds named by a noun phrase headed by ``tok`` (and its conjuncts)."""
        lex = self.lex
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

    # -- verbs ---------------------------------------------------------------------------------
    def _verb(
        self, s: _Sent, v: Token, cue: VerbCue, passive_participle: bool = False
    ) -> list[_Edge]:
        if cue.particle and not any(
            c.dep_ == "prt" and c.lower_ == cue.particle for c in v.children
        ):
            return []
        if cue.requires and not any(t.lemma_.lower() in cue.requires for t in v.subtree):
            return []
        subj_toks, passive = self.subjects(v)
        passive = (passive or passive_participle) and not cue.ignore_voice
        if cue.relation == "COOPERATES" and not cue.has_object:
            passive = False  # "is allied with", "is aligned with": the subject cooperates
        if cue.passive_only and not passive:
            return []
        kinds: list[str] = list(cue.kinds)
        objects: list[Token] = []
        dobjs = [c for c in v.children if c.dep_ in ("dobj", "obj")]
        if not dobjs and cue.has_object and not passive:
            # "trains, pays and arms the SNA's brigades": the object hangs on the last conjunct
            for conj in v.conjuncts:
                if conj.i > v.i:
                    dobjs = [c for c in conj.children if c.dep_ in ("dobj", "obj")]
                    if dobjs:
                        break
        datives = [
            c for c in v.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")
        ]
        parts = ATTACK_PART_NOUNS if cue.relation == "ATTACKS" else PART_NOUNS
        # a participle modifying a noun ("the alliance, made up of ...") says nothing of the
        # noun's conjuncts
        reduced = v.dep_ == "acl"
        if cue.relation == "LOCATED_IN":
            holders = [m for t in subj_toks for m in self.np_actors(s, t, conjuncts=not reduced)]
            if (
                cue.requires
            ):  # "Addis Ababa has kept thousands of soldiers in Somalia": its military
                holders = [self._armed_forces_of(h, s.actors) for h in holders]
            places = [m for t in self._pobjs(v, cue.target_preps) for m in self.np_actors(s, t)]
            return [_Edge(cue.relation, h, p, (), v, cue.weight) for h in holders for p in places]
        if passive:
            sources = [m for t in self._agents(v) for m in self.np_actors(s, t, parts=parts)]
            targets = [m for t in subj_toks for m in self.np_actors(s, t, parts=parts)]
            if v.dep_ == "acl" and v.tag_ == "VBN":
                targets = self.np_actors(s, v.head, parts=parts, conjuncts=False)
            for t in dobjs:  # "the rebels were supplied weapons"
                kinds.extend(self.kinds_of(t))
            for t in subj_toks:  # "the shipment was provided to the rebels by the IRGC"
                if not self.np_actors(s, t):
                    objects.append(t)
                    kinds.extend(self.kinds_of(t))
            if cue.target_preps and not targets:
                targets = [
                    m for t in self._pobjs(v, cue.target_preps) for m in self.np_actors(s, t)
                ]
        else:
            sources = [
                m
                for t in subj_toks
                for m in self.np_actors(s, t, parts=parts, conjuncts=not reduced)
            ]
            targets = []
            if cue.has_object:
                for t in datives + dobjs:
                    acts = self.np_actors(s, t, parts=parts)
                    if acts:
                        targets.extend(acts)
                    else:
                        objects.append(t)
                        kinds.extend(self.kinds_of(t))
            if cue.target_preps:
                for t in self._pobjs(v, cue.target_preps):
                    targets.extend(self.np_actors(s, t, parts=parts))
                # "send troops to the rebels", "exchanged fire with X": the preposition may hang
                # on the object
                if not cue.has_object:
                    objects = [o for o in dobjs if not self.np_actors(s, o)]
                for o in objects:
                    for t in self._pobjs(o, cue.target_preps):
                        targets.extend(self.np_actors(s, t))
        for t in self._pobjs(v, cue.kind_preps):
            kinds.extend(self.kinds_of(t))
        if cue.needs_kind and not targets and not passive:
            # "given the Haqqanis safe haven" parsed with the receiver as a modifier of the kind
            for o in objects:
                for c in o.children:
                    if c.dep_ in ("compound", "poss", "nmod") and s.at(c) is not None:
                        targets.append(s.at(c))  # type: ignore[arg-type]
        if passive and not sources:
            # "was created with the help of Iran's Revolutionary Guards"
            for t in self._pobjs(v, ("with",)):
                if t.lemma_.lower() in HELP_NOUNS:
                    sources.extend(
                        m for p in self._pobjs(t, ("of", "from")) for m in self.np_actors(s, p)
                    )
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
        if passive and not sources and cue.relation == "ATTACKS":
            # "was killed in a US drone strike": the strike's owner attacked
            for t in self._pobjs(v, ("in", "by")):
                if (
                    t.lemma_.lower() in self.lex.events
                    and self.lex.events[t.lemma_.lower()].relation == "ATTACKS"
                ):
                    for c in t.children:
                        if c.dep_ in ("compound", "amod", "poss", "nmod") and s.at(c) is not None:
                            sources.append(s.at(c))  # type: ignore[arg-type]
        if cue.target_types and s.actors is not None:
            targets = [
                t
                for t in targets
                if (a := self._actor(s.actors, t.actor_id)) is not None
                and a.type in cue.target_types
            ]
        if (
            cue.relation == "COOPERATES"
            and "with" in cue.target_preps
            and not targets
            and len(sources) >= 2
            and not passive
        ):
            # "Somalia and Ethiopia agreed to work together"
            sources, targets = sources[:1], sources[1:]
        if cue.reverse:
            sources, targets = targets, sources
        if (
            cue.relation == "ATTACKS"
            and cue.lemma in RECIPROCAL_VERBS
            and not targets
            and len(sources) >= 2
            and not passive
            and all(o.lemma_.lower() in RECIPROCAL_OBJECTS for o in dobjs)
        ):
            # "the SAF and the RSF have fought a war": each side attacks the other
            return [
                _Edge(cue.relation, a, b, (), v, cue.weight * 0.9)
                for a in sources
                for b in sources
                if a.actor_id != b.actor_id
            ]
        hint = "denied" if cue.polarity == "denied" else None
        extra: list[_Edge] = []
        if cue.relation == "COOPERATES" and targets:
            # "partnered with the SDF against the Islamic State": both partners oppose it
            foes = [
                m
                for t in self._pobjs(v, ("against",))
                for m in self.np_actors(s, t, parts=ATTACK_PART_NOUNS)
            ]
            rel = "ATTACKS" if cue.lemma in RECIPROCAL_VERBS else "OPPOSES"
            extra = [
                _Edge(rel, a, f, (), v, cue.weight * 0.9) for a in sources + targets for f in foes
            ]
        if cue.both_ways:
            extra += [
                _Edge(cue.relation, t, s_, (), v, cue.weight) for s_ in sources for t in targets
            ]
        return [
            _Edge(cue.relation, src, tgt, uniq_kinds, v, cue.weight, role=role, modality_hint=hint)
            for src in sources
            for tgt in targets
        ] + extra

    # -- relational nouns ----------------------------------------------------------------------
    def holders(self, s: _Sent, n: Token) -> list[Mention]:
        """Who the noun ``n`` is said of: "X is a proxy", "X, a proxy", "proxy X"."""
        head = n.head
        if n.dep_ in ("attr", "acomp", "oprd") and head.lemma_ in COPULAS:
            subs, _ = self.subjects(head)
            return [m for t in subs for m in self.np_actors(s, t)]
        if n.dep_ == "nsubj" and head.lemma_ in COPULAS:  # "Ankara's main enemy is the SDF"
            attrs = [c for c in head.children if c.dep_ == "attr"]
            return [m for t in attrs for m in self.np_actors(s, t)]
        if n.dep_ == "oprd" or (
            n.dep_ in ("dobj", "attr")
            and head.lemma_ in ("consider", "call", "deem", "label", "brand")
        ):
            # "Turkey considers the YPG an extension of the PKK"
            objs = [
                c for c in head.children if c.dep_ in ("dobj", "nsubj") and c.i != n.i and c.i < n.i
            ]
            objs = [c for c in objs if c.dep_ == "dobj"] or []
            return [m for t in objs for m in self.np_actors(s, t)]
        if n.dep_ == "appos":
            return self.np_actors(s, head)
        for c in n.children:
            if c.dep_ == "appos":
                acts = self.np_actors(s, c)
                if acts:
                    return acts
        if n.dep_ == "compound" and head.pos_ == "PROPN" and s.at(head):
            return [s.at(head)]  # type: ignore[list-item]
        if n.dep_ == "pobj" and head.lower_ == "as":
            gov = head.head
            objs = [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")]
            if objs:  # "named X as leader", "regard the movement as Iran's proxy"
                return [m for t in objs for m in self.np_actors(s, t)]
            subs, _ = self.subjects(gov) if gov.pos_ in ("VERB", "AUX") else ([], False)
            return [m for t in subs for m in self.np_actors(s, t)]
        if n.dep_ in ("dobj", "oprd") and head.lemma_ in APPOINT_VERBS:
            objs = [c for c in head.children if c.dep_ == "dobj" and c.i != n.i]
            if objs:
                return [m for t in objs for m in self.np_actors(s, t)]
        for c in n.children:  # "the Houthis' backers in Tehran"
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        acts = [self._seat_government(a, s.actors) for a in self.np_actors(s, p)]
                        acts = [a for a in acts if a.rule == "metonym"]
                        if acts:
                            return acts
        return []

    def _noun(self, s: _Sent, n: Token, cue: NounCue) -> list[_Edge]:
        holders = self.holders(s, n)
        others: list[Mention] = []
        mod_holders: list[Mention] = []
        for c in n.children:
            if c.dep_ == "poss":
                others.extend(self.np_actors(s, c))
            elif c.dep_ in ("compound", "amod", "nmod"):
                acts = [s.at(c)] if s.at(c) else []
                if cue.modifier == "holder":
                    if cue.holder_is == "target" or cue.relation in ("COOPERATES", "OPPOSES"):
                        # "its Yemeni allies" are not Yemen
                        acts = [a for a in acts if a and a.rule != "adjectival"]
                    mod_holders.extend(a for a in acts if a)
                else:
                    others.extend(a for a in acts if a)
        for t in self._pobjs(n, cue.preps):
            others.extend(self.np_actors(s, t))
        own = s.at(n)
        if not holders and mod_holders:
            holders = mod_holders
        elif not holders and own is not None and cue.modifier == "holder":
            holders = [own]  # the noun is itself part of a name: "their Houthi proxies"
        if not holders or not others:
            return []
        if cue.relation == "MEMBER_OF" and any(c.lower_ in SPLINTER_WORDS for c in n.children):
            return []  # "a FARC dissident unit" has left FARC
        if cue.relation == "LEADS" and any(
            c.dep_ in ("compound", "amod")
            and c.lemma_.lower() in ("army", "military", "armed", "defence", "defense")
            for c in n.children
        ):  # "Pakistan's army chief" leads the military, not the state
            others = [self._military_of(o, n.doc[n.i], s.actors, force=True) for o in others]
        role = None
        relation = cue.relation
        if cue.role:
            mods = [c.lower_ for c in n.children if c.dep_ in ("amod", "compound") and not s.at(c)]
            role = " ".join([*mods, n.lower_]).strip()
            if role.endswith("s") and not role.endswith("ss"):
                role = role[:-1]
            if relation == "LEADS" and (
                n.tag_ == "NNS"
                or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.children)
            ):
                relation = "MEMBER_OF"  # "a senior Kataib Hezbollah commander" is one of several
        edges = []
        for h in holders:
            for o in others:
                src, tgt = (h, o) if cue.holder_is == "source" else (o, h)
                edges.append(
                    _Edge(
                        relation,
                        src,
                        tgt,
                        (),
                        n,
                        cue.weight,
                        role=role,
                        modality_hint=None if _predicative(n) else "presupposed",
                    )
                )
        return edges

    # -- event nouns -------------------------------------------------------------------------
    def _event(self, s: _Sent, n: Token) -> list[_Edge]:
        lex = self.lex
        cue = lex.events[n.lemma_.lower()]
        sources: list[Mention] = []
        targets: list[Mention] = []
        for c in n.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and s.at(c):
                sources.append(s.at(c))  # type: ignore[arg-type]
        for t in self._pobjs(n, cue.source_preps):
            sources.extend(self.np_actors(s, t))
        parts = ATTACK_PART_NOUNS if cue.relation == "ATTACKS" else PART_NOUNS
        target_preps = cue.target_preps + (("of",) if n.lemma_.lower() in OF_TARGET_EVENTS else ())
        for t in self._pobjs(n, target_preps):
            targets.extend(self.np_actors(s, t, parts=parts))
        if n.dep_ == "pobj" and n.head.lower_ == "in" and cue.relation == "SUPPORTS":
            # "opened a second front in support of the group"
            for t in self._pobjs(n, ("of",)):
                targets.extend(self.np_actors(s, t))
            gov = n.head.head
            if gov.pos_ in ("VERB", "AUX") and not sources:
                subs, _ = self.subjects(gov)
                sources = [m for t in subs for m in self.np_actors(s, t)]
        if cue.relation == "COOPERATES":
            for t in self._pobjs(n, ("between",)):
                pair = self.np_actors(s, t)
                if len(pair) >= 2:
                    sources, targets = [pair[0]], pair[1:]
        light: Token | None = None
        pos = n
        while (
            pos.dep_ == "pobj"
            and pos.head.lower_ == "of"
            and (
                pos.head.head.lemma_.lower() in QUANTITY_NOUNS
                or pos.head.head.lower_ in QUANTITY_NOUNS
            )
        ):
            pos = pos.head.head  # "carried out hundreds of air strikes"
        head = pos.head
        gov = head.head if head.dep_ == "prep" and pos.dep_ == "pobj" else head
        n_dep = pos.dep_
        polarity_hint: str | None = None
        if n_dep in ("dobj", "pobj", "attr", "nsubjpass", "conj") and gov.pos_ in ("VERB", "AUX"):
            lemma = gov.lemma_.lower()
            if lemma in STRAIN_VERBS:
                return []
            if lemma in SEVER_VERBS and cue.relation in ("COOPERATES", "SUPPORTS"):
                polarity_hint = "denied"
                light = gov
                subs, _ = self.subjects(gov)
                if not sources:
                    sources = [m for t in subs for m in self.np_actors(s, t)]
            subs, passive = self.subjects(gov)
            subj_acts = [m for t in subs for m in self.np_actors(s, t)]
            if lemma in RECEIVE_VERBS and not passive:
                light = gov
                if not targets:
                    targets = subj_acts
                for t in self._pobjs(gov, ("from",)):
                    sources.extend(self.np_actors(s, t))
            elif (
                lemma in GIVE_VERBS
                and n_dep == "dobj"
                and not passive
                and cue.relation == "INFLUENCES"
            ):
                light = gov  # "gives Beijing leverage": Beijing holds it
                sources = [
                    m for d in gov.children if d.dep_ == "dative" for m in self.np_actors(s, d)
                ]
                for t in self._pobjs(gov, cue.target_preps):
                    targets.extend(self.np_actors(s, t))
            elif lemma in GIVE_VERBS | HAVE_VERBS and n_dep == "dobj" and not passive:
                light = gov
                if not sources:
                    sources = subj_acts
                for t in self._pobjs(gov, cue.target_preps):
                    targets.extend(self.np_actors(s, t))
                for d in gov.children:
                    if d.dep_ == "dative" and not targets:
                        targets.extend(self.np_actors(s, d))
            elif lemma in COPULAS and n_dep in ("attr", "pobj") and not sources:
                light = gov  # "Egypt has been at odds with Ethiopia"
                sources = subj_acts
            elif lemma in self.lex.cue_set("deny_verbs") and n_dep == "dobj" and not sources:
                sources = subj_acts  # "the service denies any link to the network"
        if cue.relation == "COOPERATES" and not targets and len(sources) >= 2:
            # "Egypt and Turkey restored full diplomatic ties"
            sources, targets = sources[:1], sources[1:]
        if not sources or not targets:
            return []
        kinds: tuple[str, ...] = ()
        if cue.relation == "SUPPORTS":
            kinds = tuple(k for k in self.kinds_of(n) if k != "other")
        return [
            _Edge(
                cue.relation,
                src,
                tgt,
                kinds,
                n,
                cue.weight,
                light=light,
                modality_hint=polarity_hint,
            )
            for src in sources
            for tgt in targets
        ]

    # -- where and under whom ------------------------------------------------------------------
    def _deployed(self, s: _Sent, n: Token) -> list[_Edge]:
        """ "US forces in Iraq, Syria and Jordan", "Wagner's fighters in Bangui"."""
        if s.actors is None:
            return []
        holders = self.np_actors(s, n, parts=PART_NOUNS | DEPLOYED_NOUNS)
        if not holders:
            return []
        holders = [self._military_of(h, n, s.actors) for h in holders]
        places = []
        for t in self._pobjs(n, ("in", "inside")):
            for m in self.np_actors(s, t):
                a = self._actor(s.actors, m.actor_id)
                if a is not None and a.type in ("location", "state"):
                    places.append(m)
        return [
            _Edge("LOCATED_IN", h, p, (), n, 0.6, modality_hint="presupposed")
            for h in holders
            for p in places
            if h.actor_id != p.actor_id
        ]

    def _under(self, s: _Sent, prep: Token) -> list[_Edge]:
        """ "the force is under the command of Iraq's prime minister"."""
        edges = []
        for n in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "at":  # "Soleimani's successor at the head of the Quds Force"
                if n.lemma_.lower() not in ("head", "helm"):
                    continue
                bosses_of = [m for t in self._pobjs(n, ("of",)) for m in self.np_actors(s, t)]
                gov = prep.head
                if gov.pos_ in ("VERB", "AUX"):
                    subs, _ = self.subjects(gov)
                    leaders = [m for t in subs for m in self.np_actors(s, t)]
                else:
                    leaders = self.np_actors(s, gov) + [
                        x for c in gov.children if c.dep_ == "appos" for x in self.np_actors(s, c)
                    ]
                    if gov.dep_ == "appos":
                        leaders += self.np_actors(s, gov.head)
                edges += [
                    _Edge("LEADS", ld, b, (), n, 0.7, role="head", modality_hint="presupposed")
                    for ld in leaders
                    for b in bosses_of
                ]
                continue
            rel = UNDER_NOUNS.get(n.lemma_.lower())
            if rel is None:
                continue
            bosses = [m for t in self._pobjs(n, ("of", "from", "by")) for m in self.np_actors(s, t)]
            for c in n.children:
                owner = s.at(c)
                if c.dep_ in ("poss", "amod", "compound") and owner is not None:
                    bosses.append(owner)
            gov = prep.head
            if gov.pos_ in ("VERB", "AUX"):
                subs, _ = self.subjects(gov)
                held = [m for t in subs for m in self.np_actors(s, t)]
            else:
                held = self.np_actors(s, gov)
            role = "commander" if rel == "LEADS" else None
            for b in bosses:
                b = self._military_of(b, n, s.actors, force=False)
                for h in held:
                    edges.append(
                        _Edge(
                            rel,
                            b,
                            h,
                            (),
                            n,
                            0.7,
                            role=role,
                            light=gov if gov.pos_ in ("VERB", "AUX") else None,
                        )
                    )
        return edges

    def _possessed_unit(self, s: _Sent, tok: Token) -> list[_Edge]:
        """ "the corps' Quds Force": a unit named with its parent body as possessor belongs to it
        (only when the gazetteer agrees that the possessor is its parent, and not for states:
        "Iran's army" is not news)."""
        m = s.at(tok)
        if m is None or s.actors is None or tok.i != m.token_end - 1:
            return []
        unit = self._actor(s.actors, m.actor_id)
        if unit is None or not unit.parent:
            return []
        edges = []
        for c in tok.children:
            owner = s.at(c)
            if c.dep_ != "poss" or owner is None or owner.actor_id != unit.parent:
                continue
            parent = self._actor(s.actors, owner.actor_id)
            if parent is not None and parent.type != "state":
                edges.append(
                    _Edge("MEMBER_OF", m, owner, (), tok, 0.75, modality_hint="presupposed")
                )
        return edges

    # -- rulers and titles ----------------------------------------------------------------------
    def _ruler_of(self, s: _Sent, n: Token) -> list[_Edge]:
        """ "Bashar al-Assad's government": the possessor leads the government named."""
        body = s.at(n)
        if s.actors is None:
            return []
        actor = self._actor(s.actors, body.actor_id) if body is not None else None
        if body is not None and (actor is None or actor.type not in ("government", "military")):
            return []
        edges = []
        for c in n.children:
            pm = s.at(c)
            if c.dep_ != "poss" or pm is None:
                continue
            person = self._actor(s.actors, pm.actor_id)
            if person is None or person.type != "person":
                continue
            target = body
            if target is None:  # "Bashar al-Assad's government": the gazetteer knows of which state
                for role in person.roles:
                    gov = f"{role.get('of')}.government"
                    if self.gazetteer is not None and self.gazetteer.get(gov) is not None:
                        target = replace(pm, actor_id=gov, rule="title", text=n.text)
                        break
            if target is not None:
                edges.append(_Edge("LEADS", pm, target, (), n, 0.75, modality_hint="presupposed"))
        return edges

    def _title(self, s: _Sent, name: Token) -> list[_Edge]:
        """ "President Faustin-Archange Touadera": a title the gazetteer knows for this person
        says whom they lead (the text gives the title; the gazetteer says of what)."""
        m = s.at(name)
        if m is None or name.i != m.token_end - 1 or s.actors is None:
            return []
        person = self._actor(s.actors, m.actor_id)
        if person is None or person.type != "person" or not person.roles:
            return []
        window = s.doc[max(0, m.token_start - 4) : m.token_end]
        if any(c.lower_ in ("former", "ex", "late", "then", "deposed", "ousted") for c in window):
            return []  # "former president Omar al-Bashir" leads nothing now
        # the title as written, inside an alias ("Prime Minister Abiy") or before the name
        title = " ".join(c.lower_ for c in window if c.lower_ in TITLE_WORDS)
        if not title:
            return []
        edges = []
        for role in person.roles:
            r = str(role.get("role", "")).lower()
            target_id = role.get("of")
            if not r or not target_id:
                continue
            if r not in LEADING_TITLES and r.split()[-1] not in LEADING_TITLES:
                continue
            if r.split()[0] in ("vice", "deputy"):
                continue
            words = title.split()
            n_r = len(r.split())
            if title == r or (
                title.endswith(" " + r) and words[-n_r - 1] not in ("vice", "deputy")
            ):
                target = self._actor(s.actors, str(target_id))
                if target is None:
                    continue
                tm = replace(m, actor_id=target.id, rule="title", text=r)
                edges.append(
                    _Edge("LEADS", m, tm, (), name, 0.7, role=r, modality_hint="presupposed")
                )
        return edges

    # -- adjectives and compounds --------------------------------------------------------------
    def _adjective(self, s: _Sent, a: Token) -> list[_Edge]:
        cue = self.lex.adjectives[a.lemma_.lower()]
        holders: list[Mention] = []
        if a.dep_ in ("acomp", "attr", "oprd") and a.head.pos_ in ("AUX", "VERB"):
            subs, _ = self.subjects(a.head)
            holders = [m for t in subs for m in self.np_actors(s, t)]
        elif a.dep_ in ("amod", "appos") or a.head.pos_ in ("NOUN", "PROPN"):
            holders = self.np_actors(s, a.head)
        others = (
            [m for t in self._pobjs(a, cue.preps) for m in self.np_actors(s, t)]
            if cue.preps
            else []
        )
        if not cue.preps and a.dep_ == "oprd":
            # "Kinshasa calls the M23 illegitimate": the caller opposes the object
            verb = a.head
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            others = [m for t in objs for m in self.np_actors(s, t)]
            subs, _ = self.subjects(verb)
            holders = [m for t in subs for m in self.np_actors(s, t)]
        edges = []
        for h in holders:
            for o in others:
                src, tgt = (o, h) if cue.reverse else (h, o)
                edges.append(_Edge(cue.relation, src, tgt, (), a, cue.weight))
        return edges

    def _compound(self, s: _Sent, part: Token) -> list[_Edge]:
        rel, kinds = self.lex.compounds[part.lower_]
        src = s.at(s.doc[part.i - 2])
        if src is None:
            return []
        head = part.head
        if part.dep_ not in ("amod", "compound", "nmod", "acomp", "npadvmod") or head.i == part.i:
            return []
        if part.dep_ == "acomp":  # "the group is Iran-backed"
            subs, _ = self.subjects(head)
            targets = [m for t in subs for m in self.np_actors(s, t)]
        else:
            targets = self.np_actors(s, head)
        role = "leader" if rel == "LEADS" else None
        return [
            _Edge(rel, src, t, kinds, part, 0.8, role=role, modality_hint="presupposed")
            for t in targets
            if t.actor_id != src.actor_id
        ]

    # -- edges to records ----------------------------------------------------------------------
    def _actor(self, actors: DocumentActors, actor_id: str) -> Actor | None:
        a = actors.actors.get(actor_id)
        if a is None and self.gazetteer is not None:
            a = self.gazetteer.get(actor_id)
        return a

    def _military_of(
        self, m: Mention, noun: Token, actors: DocumentActors | None, force: bool = False
    ) -> Mention:
        """ "Pakistani border posts", "Rwandan troops": a state's soldiers are its military;
        "Ethiopia's ambassador", "Egyptian officials" are its government."""
        if actors is None or self.gazetteer is None:
            return m
        lemma = noun.lemma_.lower()
        body = (
            "military"
            if force or lemma in MILITARY_PARTS
            else "government"
            if lemma in GOVERNMENT_PARTS
            else None
        )
        if body is None:
            return m
        actor = self._actor(actors, m.actor_id)
        if (
            actor is None
            or actor.type != "state"
            or self.gazetteer.get(f"{actor.id}.{body}") is None
        ):
            return m
        return replace(m, actor_id=f"{actor.id}.{body}")

    def _armed_forces_of(self, m: Mention, actors: DocumentActors | None) -> Mention:
        """A state's or government's troops are its military's."""
        if actors is None or self.gazetteer is None:
            return m
        actor = self._actor(actors, m.actor_id)
        if actor is None or actor.type not in ("state", "government"):
            return m
        country = actor.id if actor.type == "state" else (actor.parent or "")
        if self.gazetteer.get(f"{country}.military") is None:
            return m
        return replace(m, actor_id=f"{country}.military")

    def _speaker_body(self, m: Mention, noun: Token, actors: DocumentActors) -> Mention:
        """ "US officials say": officials speak for the government, officers for the military."""
        actor = self._actor(actors, m.actor_id)
        if actor is None or actor.type != "state":
            return m
        lemma = noun.lemma_.lower()
        body = (
            "government"
            if lemma in GOVERNMENT_SPEAKERS
            else "military"
            if lemma in MILITARY_SPEAKERS
            else None
        )
        if (
            body
            and self.gazetteer is not None
            and self.gazetteer.get(f"{actor.id}.{body}") is not None
        ):
            return replace(m, actor_id=f"{actor.id}.{body}")
        return m

    def _seat_government(self, m: Mention, actors: DocumentActors | None) -> Mention:
        """A capital named as the party to a relation stands for its government ("Kinshasa is
        hostile to the M23"): being an argument of a relation cue is a political context."""
        actor = self._actor(actors, m.actor_id) if actors is not None else None
        if actor is None or actor.type != "location" or self.gazetteer is None:
            return m
        capitals = self._capitals()
        gov = capitals.get(actor.name.lower())
        return replace(m, actor_id=gov, rule="metonym") if gov else m

    def _capitals(self) -> dict[str, str]:
        cache = getattr(self, "_capital_cache", None)
        if cache is None:
            cache = {}
            for c in getattr(self.gazetteer, "countries", {}).values():
                if c.capital and self.gazetteer.get(f"{c.id}.government") is not None:
                    cache.setdefault(c.capital.lower(), f"{c.id}.government")
            self._capital_cache = cache
        return cache

    def _relations(
        self, edges: list[_Edge], s: _Sent, sentence: Sentence, actors: DocumentActors
    ) -> list[Relation]:
        out: dict[tuple[str, str, str, str], Relation] = {}
        for e in edges:
            if e.relation == "ATTACKS":  # a capital attacked or seized is a place
                e = replace(e, source=self._seat_government(e.source, actors))
            elif e.relation not in PLACE_TARGETS:
                e = replace(
                    e,
                    source=self._seat_government(e.source, actors),
                    target=self._seat_government(e.target, actors),
                )
            if e.source.actor_id == e.target.actor_id:
                continue
            src = self._actor(actors, e.source.actor_id)
            tgt = self._actor(actors, e.target.actor_id)
            if (
                e.relation == "INFLUENCES"
                and tgt is not None
                and tgt.type in ("location", "state")
                and e.cue.lemma_.lower() in TERRITORY_VERBS
                and src is not None
                and src.type in NON_STATE
            ):
                e = replace(e, relation="LOCATED_IN")  # "the group controls most of Darfur"
            if src is None or tgt is None or not _types_ok(e.relation, src, tgt):
                continue
            if e.relation == "COOPERATES" and (
                _is_ancestor(src, tgt, actors, self) or _is_ancestor(tgt, src, actors, self)
            ):
                continue  # a service cooperating with its own state is not news
            if e.relation in ("INFLUENCES", "SUPPORTS", "OPPOSES", "ATTACKS") and _same_state(
                src, tgt
            ):
                continue  # "China" and "Beijing" are one actor at two levels, not a dyad
            if e.modality_hint == "presupposed":
                # "the Houthis' backers in Tehran": taken for granted by whoever speaks, so it keeps
                # the speaker but not the negation or the conditional of the clause around it
                frame = frame_of(e.cue, None, self.lex, e.light)
                frame = replace(
                    frame,
                    polarity="affirmed",
                    modality="asserted" if frame.modality == "hypothetical" else frame.modality,
                )
            else:
                frame = frame_of(e.cue, None, self.lex, e.light)
            if e.modality_hint == "denied":
                frame = replace(frame, polarity="denied")
            governor = _governing_verb(e.cue)
            if governor is not None and governor.lemma_.lower() in EXHORT_VERBS:
                continue
            relation = e.relation
            if (
                relation == "ATTACKS"
                and governor is not None
                and governor.lemma_.lower() in INTENT_VERBS
            ):
                relation = "OPPOSES"  # a threat to attack: coded as the opposition it states
                frame = replace(
                    frame,
                    modality="asserted" if frame.modality == "hypothetical" else frame.modality,
                )
            attributed: ActorRef | None = None
            if frame.speaker is not None:
                sp = s.at(frame.speaker)
                if sp is None:
                    sp_list = self.np_actors(s, frame.speaker, parts=PART_NOUNS | SPEAKER_NOUNS)
                    sp = sp_list[0] if sp_list else None
                if sp is not None:
                    sp = self._speaker_body(sp, frame.speaker, actors)
                if sp is not None:
                    sa = self._actor(actors, sp.actor_id)
                    if sa is not None:
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
            )
            key = (rel.relation, rel.source.id, rel.target.id, rel.polarity)
            prev = out.get(key)
            if prev is None:
                out[key] = rel
            else:  # the same edge from two cues: keep one, union the kinds
                kinds = tuple(dict.fromkeys(prev.kinds + rel.kinds))
                best = prev if prev.confidence >= rel.confidence else rel
                out[key] = replace(best, kinds=kinds, id=best.id)
        return list(out.values())


def _types_ok(relation: str, src: Actor, tgt: Actor) -> bool:
    if (
        relation in ("ATTACKS", "OPPOSES")
        and tgt.type == "state"
        and src.country
        and src.country == tgt.country
        and src.type in ("person", "government", "military", "state")
    ):
        return False  # a state's own leaders and organs do not attack the state: a misparse
    if src.type == "location" and relation != "ATTACKS":
        return False
    if tgt.type == "location" and relation not in PLACE_TARGETS:
        return False
    if relation == "LOCATED_IN":
        # an unknown name the small model tagged ORG ("deployed in Nagorno-Karabakh") is a place here
        return tgt.type in ("location", "state") or (tgt.origin == "text" and tgt.type == "other")
    if relation == "MEMBER_OF":
        return tgt.type not in ("person", "location")
    if relation == "LEADS":
        return tgt.type != "person"
    if relation == "ATTACKS":
        return tgt.type != "other"
    return True


def _is_ancestor(a: Actor, b: Actor, actors: DocumentActors, ex: RelationExtractor) -> bool:
    """Whether ``a`` is ``b``'s parent, grandparent...: edges between them are not news."""
    seen = 0
    cur: Actor | None = b
    while cur is not None and cur.parent and seen < 6:
        if cur.parent == a.id:
            return True
        cur = ex._actor(actors, cur.parent)
        seen += 1
    return False


def _predicative(n: Token) -> bool:
    """Whether noun ``n`` is what the clause asserts ("X is a proxy of Y", "regarded as a proxy")
    rather than a presupposed description ("the group's armed wing")."""
    if n.dep_ in ("attr", "oprd", "acomp"):
        return True
    if n.dep_ in ("dobj", "npadvmod", "ccomp") and n.head.lemma_ in (
        "consider",
        "call",
        "deem",
        "label",
        "brand",
        "regard",
        "describe",
        "see",
        "view",
    ):
        return True  # "Turkey considers the YPG an extension of the PKK"
    if n.dep_ == "nsubj" and n.head.lemma_ in COPULAS:
        return True
    return n.dep_ == "pobj" and n.head.lower_ == "as"


def _stems(word: str) -> list[str]:
    """Candidate verb lemmas of a past participle: armed -> arm, trained -> train, backed ->
    back, funded -> fund, created -> create, equipped -> equip."""
    out = [word[:-2], word[:-1]]
    if len(word) > 4 and word[-3] == word[-4]:
        out.append(word[:-3])
    return out


def _same_state(a: Actor, b: Actor) -> bool:
    """Whether two actors are the generated levels of one state: "china", "china.government",
    "china.military" (an agency or a named force of that state is not)."""
    base_a, _, level_a = a.id.partition(".")
    base_b, _, level_b = b.id.partition(".")
    levels = {"", "government", "military"}
    return base_a == base_b and level_a in levels and level_b in levels


def _governing_verb(cue: Token) -> Token | None:
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
