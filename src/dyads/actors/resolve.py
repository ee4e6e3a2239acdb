"""Document-level actor resolution: every sentence's cues in, one actor per mention out.

Resolution is order-insensitive. Sentence cues (``dyads.actors.cues``) depend on their own
sentence only; this module first gathers document statistics over ALL sentences (acronym
definitions, new entities and surnames, salience counts) and only then resolves each cue, so
shuffling the sentences of a document never changes which actor a span resolves to.

Evidence, strongest first (``Mention.rule``): alias / acronym, defined_acronym, possessive /
adjectival, metonym, new_entity / surname, description (most salient actor of the right type),
pronoun (nearest agreeing antecedent in the same sentence). ``location`` mentions name places.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyads.actors.cues import (
    ActorCues,
    Cue,
    SentenceCues,
    body_of,
    in_longer_name,
    office_before,
    sentence_cues,
)
from dyads.actors.descriptors import Descriptors, load_descriptors
from dyads.actors.gazetteer import Gazetteer, normalise, slug
from dyads.actors.matcher import GazetteerRuler, tables_for
from dyads.records import ACTOR_TYPES as ACTOR_KINDS
from dyads.records import Actor, Mention

__all__ = ["ActorResolver", "DocumentActors", "Locate", "RULES"]

#: (sentence index, start, end) in the sentence's text -> (start, end) in the original document
Locate = Callable[[int, int, int], tuple[int, int]]

RULES = (
    "alias",
    "acronym",
    "defined_acronym",
    "possessive",
    "part",
    "adjectival",
    "metonym",
    "description",
    "pronoun",
    "discourse_pronoun",
    "pair",
    "apposition",
    "title",
    "short_form",
    "home_state",
    "generic",
    "new_entity",
    "surname",
    "location",
)
#: rules whose mentions count towards an actor's salience (the evidence "the group" is weighed by)
_SALIENT = frozenset(RULES) - {
    "description",
    "apposition",
    "pronoun",
    "discourse_pronoun",
    "pair",
    "home_state",
    "generic",
    "location",
}
#: The resolution passes that can be switched off by name (ablation: ``disabled_rules``).
RULE_NAMES = {
    "resolve.defined_acronym": "'the Rapid Support Forces (RSF)': the acronym names it everywhere",
    "resolve.ambiguous": "a name several actors share: the one the article names otherwise",
    "resolve.description": "'the group', 'the junta': the actor the description fits best",
    "resolve.pronoun": "'Iran says it ...': an antecedent in the pronoun's own sentence",
    "resolve.surname": "'Dagalo' after 'Mohamed Hamdan Dagalo': a person's other names",
    "resolve.short_form": "'Lashkar' after 'Lashkar-e-Taiba': a word of a name the article gives",
    "resolve.home_state": "'the army' in an article about Lebanon: the body of the article's state",
    "resolve.title": "'the foreign minister': the one person the article gave that office",
    "resolve.discourse_pronoun": "'He founded the movement': the article's dominant actor of the kind",
    "resolve.pair": "'the two rivals': the article's two dominant actors of the kind",
    "resolve.pair.local": "'Boko Haram and ISWAP ... the two factions': the two named before it",
    "resolve.generic": "'Islamist militants': an actor without a name, with its type and country",
    "resolve.owner": "'the group's leaders', 'its army': the owner's body or the owner",
    "resolve.country_generic": "'Yemeni rebels': the dominant Yemeni armed group, if one dominates",
    "resolve.apposition": "'the ADF, a militia founded ...': the actor it is apposed to",
    "resolve.unique_antecedent": "'hostile to the Houthis since they took Sanaa': the one agreeing actor",
}
_NOT_IT = frozenset({"person", "location"})
#: owners whose member noun ("council", "wing", "division") stands for the owner itself
_OWN_MEMBERS = frozenset(
    """armed_group political_party igo intelligence_agency military government police ngo
    company""".split()
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "obj", "iobj", "dative", "pobj"})
_NOT_ANTECEDENT = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "QUANTITY"})
_IN_PHRASE = frozenset({"appos", "conj", "compound", "amod", "nmod", "poss", "prep", "pobj"})
_MODIFIERS = frozenset({"amod", "compound", "npadvmod", "poss", "nmod"})


#: Descriptions so generic that a gazetteer listing them says nothing specific: salience decides.
#: For the others ("the junta", "the corps") an actor whose gazetteer nouns list the word wins.
GENERIC_DESCRIPTIONS = frozenset(
    """group movement militia rebels militants insurgents fighters organisation organization
    army military government authorities regime country alliance bloc force forces""".split()
)


@dataclass
class DocumentActors:
    """The resolved mentions of one document and the actors they refer to."""

    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    gazetteer: Gazetteer | None = field(default=None, repr=False)
    _index_size: int = field(default=-1, repr=False)
    _by_sentence: dict[int, list[Mention]] = field(default_factory=dict, repr=False)
    _by_token: dict[tuple[int, int], Mention] = field(default_factory=dict, repr=False)

    def _index(self) -> None:
        if self._index_size == len(self.mentions):
            return
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        by_token: dict[tuple[int, int], Mention] = {}
        for m in self.mentions:
            by_sentence[m.sentence].append(m)
            for t in range(m.token_start, m.token_end):
                by_token[(m.sentence, t)] = m
        self._by_sentence = dict(by_sentence)
        self._by_token = by_token
        self._index_size = len(self.mentions)

    def in_sentence(self, index: int) -> list[Mention]:
        self._index()
        return list(self._by_sentence.get(index, ()))

    def at(self, sentence_index: int, token_i: int) -> Mention | None:
        """The mention whose token span covers ``token_i`` of sentence ``sentence_index``."""
        self._index()
        return self._by_token.get((sentence_index, token_i))

    def actor(self, actor_id: str) -> Actor | None:
        found = self.actors.get(actor_id)
        if found is None and self.gazetteer is not None:
            found = self.gazetteer.get(actor_id)
        return found


class ActorResolver:
    """Adds the gazetteer components to a spaCy pipeline and resolves documents' mentions."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        descriptors: Descriptors | None = None,
        disabled_rules: Iterable[str] = (),
    ) -> None:
        self.gazetteer = gazetteer
        self.desc = descriptors or load_descriptors()
        self.disabled = frozenset(disabled_rules)

    def add_to_pipeline(self, nlp: Language) -> None:
        """Add ``dyads_gazetteer`` (after ``ner``) and ``dyads_actor_cues`` to ``nlp``."""
        after = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("dyads_gazetteer", after=after)
        cues = nlp.add_pipe("dyads_actor_cues", after="dyads_gazetteer")
        for component in (ruler, cues):
            assert isinstance(component, (GazetteerRuler, ActorCues))
            component.set_gazetteer(self.gazetteer)

    def cues(self, sent: Doc) -> SentenceCues:
        found = sent._.dyads_cues
        if isinstance(found, SentenceCues):
            return found
        tables = tables_for(self.gazetteer, sent.vocab, _tokenizer_for(sent))
        return sentence_cues(sent, self.gazetteer, tables, self.desc)

    def resolve(self, doc_id: str, sents: Sequence[Doc], locate: Locate) -> DocumentActors:
        per_sentence = [self.cues(s) for s in sents]
        return _Resolution(self.gazetteer, self.desc, sents, per_sentence, self.disabled).run(
            doc_id, locate
        )


def _tokenizer_for(doc: Doc) -> Callable[[str], Doc]:
    """Tokenise gazetteer names for a Doc built outside our pipeline (tests, other tools)."""
    from spacy.lang.en import English

    nlp = English(vocab=doc.vocab)
    return nlp.make_doc


class _Resolution:
    """One document's resolution: statistics over all sentences first, then each cue."""

    def __init__(
        self,
        gaz: Gazetteer,
        desc: Descriptors,
        sents: Sequence[Doc],
        cues: list[SentenceCues],
        disabled: frozenset[str] = frozenset(),
    ) -> None:
        self.gaz = gaz
        self.desc = desc
        self.sents = sents
        self.cues = cues
        self.disabled = disabled
        self.created: dict[str, Actor] = {}
        self.resolved: dict[tuple[int, int], tuple[str, str]] = {}  # (sent, cue) -> (actor, rule)
        #: the second actor of a reference to two ("the two rivals")
        self.second: dict[tuple[int, int], str] = {}
        self.home: str | None = None  # the article's own state

    def on(self, name: str) -> bool:
        return f"resolve.{name}" not in self.disabled

    # -- statistics over the whole document -------------------------------------------------------
    def run(self, doc_id: str, locate: Locate) -> DocumentActors:
        """The passes, in order; each reads what the earlier ones resolved over the WHOLE
        document, never the order of its sentences."""
        self._entities_and_names()
        if self.on("defined_acronym"):
            self._definitions()
        if self.on("ambiguous"):
            self._ambiguous()
        if self.on("short_form"):
            self._short_forms()
        salience = Counter(aid for aid, rule in self.resolved.values() if rule in _SALIENT)
        self.home = self._home_state(salience) if self.on("home_state") else None
        if self.on("description"):
            self._descriptions(salience)
        if self.on("apposition"):
            self._appositions()
        if self.on("title"):
            self._titles()
        if self.on("pronoun"):
            self._pronouns()
        if self.on("discourse_pronoun"):
            self._discourse_pronouns(salience)
        if self.on("pair"):
            self._pairs(salience)
        if self.on("owner"):
            self._owned()
        if self.on("generic"):
            self._generics(salience)
        return self._output(doc_id, locate)

    def _each(self, rules: Iterable[str]) -> Iterable[tuple[int, int, Cue]]:
        wanted = set(rules)
        for si, sc in enumerate(self.cues):
            for ci, cue in enumerate(sc.cues):
                if cue.rule in wanted:
                    yield si, ci, cue

    def _entities_and_names(self) -> None:
        """Known names first, then unknown entities; persons get a surname index."""
        for si, ci, cue in self._each(("alias", "acronym", "possessive", "adjectival", "metonym")):
            if len(cue.ids) == 1:
                self.resolved[(si, ci)] = (cue.ids[0], cue.rule)
        for si, ci, cue in self._each(("location",)):
            aid = slug(cue.text)
            if aid and aid not in self.gaz.actors:
                self._create(aid, cue.text, "location", self._country_of_capital(cue.text))
                self.resolved[(si, ci)] = (aid, "location")
        surnames: dict[str, set[str]] = defaultdict(set)
        for aid, _ in list(self.resolved.values()):
            actor = self.gaz.actors.get(aid)
            if actor is not None and actor.type == "person":
                for key in _name_keys(actor.name):
                    surnames[key].add(aid)
        singles: list[tuple[int, int, Cue]] = []
        defining = {(si, ci) for si, sc in enumerate(self.cues) for _, ci in sc.definitions}
        for si, ci, cue in self._each(("entity",)):
            name = cue.text
            known = self.gaz.lookup(name)
            if len(known) == 1:
                self.resolved[(si, ci)] = (known[0].id, "alias")
                continue
            if cue.label.startswith("PERSON"):
                if cue.end - cue.start < 2:
                    singles.append((si, ci, cue))
                    continue
                aid = slug(name)
                if aid and aid not in self.gaz.actors:
                    self._create(aid, name, "person")
                    for key in _name_keys(name):
                        surnames[key].add(aid)
                    self.resolved[(si, ci)] = (aid, "new_entity")
            else:
                aid = slug(name)
                words = [t.text for t in self.sents[si][cue.start : cue.end]]
                kind = self.desc.entity_type(words)
                if len(words) == 1 and kind == "other" and (si, ci) not in defining:
                    # one unknown capitalised word the model calls ORG is often a town, or a
                    # person's surname ("Haidari said")
                    singles.append((si, ci, cue))
                    continue
                if aid and aid not in self.gaz.actors:
                    self._create(aid, name, kind)
                    self.resolved[(si, ci)] = (aid, "new_entity")
        for si, ci, cue in singles if self.on("surname") else ():
            owners = surnames.get(normalise(cue.text), set())
            if len(owners) == 1:
                self.resolved[(si, ci)] = (next(iter(owners)), "surname")
            elif not owners and cue.label.startswith("PERSON+title"):
                aid = slug(cue.text)  # "Mr. Smith" with no fuller name in the document
                if aid and aid not in self.gaz.actors:
                    self._create(aid, cue.text, "person")
                    self.resolved[(si, ci)] = (aid, "new_entity")

    def _definitions(self) -> None:
        """Acronyms defined anywhere in the document ("the Rapid Support Forces (RSF)")."""
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for si, sc in enumerate(self.cues):
            for acronym, ci in sc.definitions:
                got = self.resolved.get((si, ci))
                if got is not None:
                    votes[acronym][got[0]] += 1
        defined = {
            acr: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for acr, c in votes.items()
        }
        for si, ci, cue in self._each(("acronym_use", "acronym")):
            text = self.sents[si][cue.start : cue.end].text
            if text in defined:
                self.resolved[(si, ci)] = (defined[text], "defined_acronym")
            elif cue.rule == "acronym_use" and cue.label == "ORG":
                aid = slug(text)
                if aid and aid not in self.gaz.actors:
                    self._create(aid, text, "other")
                    self.resolved[(si, ci)] = (aid, "new_entity")

    def _ambiguous(self) -> None:
        """A name shared by several actors goes to the one the document otherwise mentions most."""
        counts = Counter(aid for aid, _ in self.resolved.values())
        for si, ci, cue in self._each(("alias", "acronym", "possessive", "adjectival")):
            if len(cue.ids) < 2 or (si, ci) in self.resolved:
                continue
            ranked = sorted(cue.ids, key=lambda a: -counts[a])
            if counts[ranked[0]] > counts[ranked[1]]:
                self.resolved[(si, ci)] = (ranked[0], cue.rule)

    # -- descriptions and pronouns ------------------------------------------------------------------
    def _descriptions(self, salience: Counter[str]) -> None:
        """ "the group" -> the most salient actor of its types (or whose nouns list it);
        "the Yemeni group" (``ids`` = a country) -> the same among that country's actors, else
        the country itself."""
        chosen: dict[tuple[str, str], tuple[str, str] | None] = {}
        for si, ci, cue in self._each(("description",)):
            country = cue.ids[0] if cue.ids else ""
            key = (cue.text, country + cue.label)
            if key not in chosen:
                if cue.label == "contrast":  # "the private army": only an actor listed so
                    aid = self._most_salient(cue.text, salience, country, listed_only=True)
                    chosen[key] = (aid, "description") if aid is not None else None
                elif cue.label == "home":  # "the national army": the article's state's, or none
                    body = self._home_body(cue.text) if self.home is not None else None
                    chosen[key] = (body, "home_state") if body is not None else None
                else:
                    chosen[key] = self._describe(cue.text, salience, country)
            found = chosen[key]
            if found is not None:
                self.resolved[(si, ci)] = found
            elif country:
                self.resolved[(si, ci)] = (country, "adjectival")

    def _describe(self, noun: str, salience: Counter[str], country: str) -> tuple[str, str] | None:
        """What "the <noun>" names: an actor whose gazetteer nouns list it, else the article's
        own state's body ("the army" in an article about Lebanon), else the most salient actor
        of the noun's types."""
        named = self._most_salient(noun, salience, country, listed_only=True)
        if named is not None:
            return named, "description"
        if not country and noun in self.desc.home_state_descriptions:
            # "the army", "the government": the article's own state's, or nobody's when the
            # article has no state of its own (several states named about as often)
            body = self._home_body(noun) if self.home is not None else None
            if body is not None:
                return body, "home_state"
            types = set(self.desc.descriptions.get(noun, ()))
            aid = self._dominant(salience, lambda a: a.type in types, bodies=True)
            return (aid, "description") if aid is not None else None
        aid = self._most_salient(noun, salience, country)
        return (aid, "description") if aid is not None else None

    def _home_body(self, noun: str) -> str | None:
        assert self.home is not None
        if noun in ("country", "state", "nation"):
            return self.home
        cat = self.desc.head_category(noun.split())
        if cat is None and noun in ("junta", "generals"):
            cat = "military"
        if cat is None:
            cat = "government"
        aid = body_of(self.gaz, self.desc, self.home, cat)
        return aid if self._actor(aid) is not None else None

    def _most_salient(
        self, noun: str, salience: Counter[str], country: str = "", listed_only: bool = False
    ) -> str | None:
        types = set() if listed_only else set(self.desc.descriptions.get(noun, ()))
        iso3 = self.gaz.countries[country].iso3 if country in self.gaz.countries else None
        keys: list[tuple[int, int, str]] = []
        for aid, count in salience.items():
            actor = self._actor(aid)
            if actor is None or not (actor.type in types or noun in actor.nouns):
                continue
            if iso3 is not None and actor.country != iso3:
                continue
            # an actor whose gazetteer nouns name it ("junta" for Mali's government) beats one
            # that only has the right type (Russia's government in an article about Mali)
            tier = 0 if noun in actor.nouns and noun not in GENERIC_DESCRIPTIONS else 1
            if listed_only and tier:
                continue
            keys.append((tier, -count, aid))
        keys.sort()
        if not keys:
            return None
        if len(keys) > 1 and keys[0][:2] == keys[1][:2]:
            return None  # two actors fit equally: leave it unresolved
        return keys[0][2]

    def _pronouns(self) -> None:
        """A pronoun takes an antecedent in its own sentence only, and only when one is clear:
        for a subject or possessive pronoun, the single agreeing subject of a clause containing
        it ("Iran says it ...") or the noun its own noun is coordinated with ("the Houthis and
        their patrons"); for an object pronoun, the single agreeing actor before it that is not a
        subject ("Iran armed the rebels and trained them")."""
        for si, sc in enumerate(self.cues):
            sent = self.sents[si]
            resolved = [
                (cue, self.resolved[(si, ci)][0])
                for ci, cue in enumerate(sc.cues)
                if (si, ci) in self.resolved and cue.rule != "pronoun"
            ]
            for ci, cue in enumerate(sc.cues):
                if cue.rule == "pronoun":
                    aid = self._antecedent(sent, cue, resolved)
                    if aid is not None:
                        self.resolved[(si, ci)] = (aid, "pronoun")

    def _antecedent(self, sent: Doc, cue: Cue, resolved: list[tuple[Cue, str]]) -> str | None:
        pron = sent[cue.start]
        plural = cue.text in self.desc.plural_pronouns
        person = cue.text in self.desc.person_pronouns
        options: list[tuple[str, Token | None, Token]] = []  # (actor id, subject it is in, head)
        for ante, aid in resolved:
            if ante.end > cue.start:
                break
            head = sent[ante.start : ante.end].root
            if head.dep_ in _MODIFIERS:
                continue  # "Iranian-backed group ... its": the modifier is not the antecedent
            actor = self._actor(aid)
            if actor is None:
                continue
            if person:
                if actor.type != "person":
                    continue
            elif not self._agrees(head.tag_, actor, plural):
                continue
            options.append((aid, _subject_of(head), head))
        if pron.dep_ in _OBJECTS:
            kept = {aid for aid, subject, _ in options if subject is None}
        else:
            kept = {
                aid
                for aid, subject, head in options
                if (
                    subject is not None
                    and subject.head.is_ancestor(pron)
                    and _clause_subject(pron) in (None, subject)
                )
                or (pron.dep_ == "poss" and pron.head.dep_ == "conj" and pron.head.head == head)
            }
        if not kept and (plural or person) and self.on("unique_antecedent"):
            # "hostile to the Houthis since they took Sanaa": the one agreeing actor before it
            kept = {aid for aid, _, _ in options}
        return kept.pop() if len(kept) == 1 else None

    def _owned(self) -> None:
        """ "its forces", "Hemedti's fighters": the owner's body, through its country or role."""
        for si, sc in enumerate(self.cues):
            cue_at = {
                i: ci
                for ci, cue in enumerate(sc.cues)
                if cue.rule != "owned"
                for i in range(cue.start, cue.end)
            }
            for ci, cue in enumerate(sc.cues):
                if cue.rule != "owned":
                    continue
                owner_id = cue.ids[0] if cue.ids else None
                if owner_id is None:
                    pk = cue_at.get(int(cue.label)) if cue.label.isdigit() else None
                    got = self.resolved.get((si, pk)) if pk is not None else None
                    owner_id = got[0] if got else None
                owner = self._actor(owner_id) if owner_id else None
                aid = self._body_of_owner(owner, cue.text) if owner else None
                if aid is not None:
                    rule = "part" if cue.text == "member" else "possessive"
                    self.resolved[(si, ci)] = (aid, rule)

    def _body_of_owner(self, owner: Actor, what: str) -> str | None:
        if owner.type == "person":
            if what == "state":  # "his country": the state he holds office in
                states = {
                    str(r["of"]).split(".")[0]
                    for r in owner.roles
                    if r.get("until") is None
                    and str(r.get("of", "")).split(".")[0] in self.gaz.countries
                }
                return states.pop() if len(states) == 1 else None
            for role in owner.roles:
                target = role.get("of")
                if (
                    role.get("until") is None
                    and isinstance(target, str)
                    and target in self.gaz.actors
                ):
                    if target in self.gaz.countries:
                        return (
                            body_of(self.gaz, self.desc, target, what) if what != "member" else None
                        )
                    return target
            return None
        if what == "state":
            return None
        if owner.type == "state":
            return body_of(self.gaz, self.desc, owner.id, what) if what != "member" else None
        if owner.type in ("government", "military") and owner.id in self.gaz.generated:
            country = owner.id.split(".")[0]
            return body_of(self.gaz, self.desc, country, what) if what != "member" else None
        if owner.type in ("armed_group", "military", "police") and what in ("member", "military"):
            return owner.id
        if what == "member" and owner.type in _OWN_MEMBERS:
            return owner.id  # "the Taliban's leadership council", "the army's northern division"
        return None

    def _agrees(self, tag: str, actor: Actor, plural: bool) -> bool:
        if actor.type in _NOT_IT:
            return False
        plural_name = tag in ("NNS", "NNPS")
        if plural:
            return plural_name or actor.type in self.desc.collective_types
        return not plural_name

    # -- short forms, the article's state, offices ---------------------------------------------------
    def _short_forms(self) -> None:
        """ "Lashkar" after "Lashkar-e-Taiba", "Shabaab" after "al-Shabaab": a capitalised word that
        is a distinctive word of exactly one named (non-person) actor of the article."""
        named = {aid for aid, rule in self.resolved.values() if rule in _SALIENT}
        places = self._place_words()
        index: dict[str, set[str]] = defaultdict(set)
        for aid in named:
            actor = self._actor(aid)
            if actor is None or actor.type in ("person", "location", "state"):
                continue
            for name in (actor.name, *actor.aliases):
                words = [w for w in _name_words(name) if w not in ("al", "el", "the")]
                if self.desc.head_category(words[-1:]) is not None:
                    continue  # "Sanaa authorities": a place and a body, no short form
                if len(words) >= 2 and words[0] not in self.desc.generic_words | places:
                    index[words[0]].add(aid)  # "Lashkar" of Lashkar-e-Taiba
        skip = self.desc.office_words | self.desc.titles | self.desc.generic_words
        for si, ci, cue in self._each(("proper", "entity", "acronym_use")):
            if (si, ci) in self.resolved or cue.end - cue.start != 1 or cue.text.lower() in skip:
                continue
            tok = self.sents[si][cue.start]
            if tok.ent_type_ in ("NORP", "GPE", "LOC", "FAC"):
                continue  # "Kurdish", "Sanaa": a people or a place, not a short name
            if in_longer_name(tok):
                continue  # "Combined" in "Combined Joint Forces Land Component Command"
            owners = index.get(normalise(cue.text), set())
            if len(owners) == 1:
                self.resolved[(si, ci)] = (next(iter(owners)), "short_form")

    def _appositions(self) -> None:
        """ "The ADF, a militia founded ...", "IGAD, an eight-member bloc": an indefinite
        description in apposition names the actor it is apposed to."""
        for si, sc in enumerate(self.cues):
            at = {
                i: ci
                for ci, cue in enumerate(sc.cues)
                if cue.rule != "apposition"
                for i in range(cue.start, cue.end)
            }
            for ci, cue in enumerate(sc.cues):
                if cue.rule != "apposition" or (si, ci) in self.resolved:
                    continue
                hk = at.get(int(cue.label))
                got = self.resolved.get((si, hk)) if hk is not None else None
                if got is not None and got[1] in _SALIENT:
                    self.resolved[(si, ci)] = (got[0], "apposition")

    def _place_words(self) -> frozenset[str]:
        """Country names, capitals and demonyms: "Sanaa authorities" has no short form "Sanaa"."""
        cached = self.gaz.cache.get("place_words")
        if isinstance(cached, frozenset):
            return cached
        words: set[str] = set()
        for c in self.gaz.countries.values():
            for name in (c.name, c.capital or "", *c.demonyms):
                words.update(normalise(name).split())
        out = frozenset(words)
        self.gaz.cache["place_words"] = out
        return out

    def _home_state(self, salience: Counter[str]) -> str | None:
        """The article's own state: the country whose actors (the state with its bodies,
        capital and demonym, and every armed group, party or person of that country) the article
        names at least ``home_state_ratio`` times as often as the next country's. An article
        about Myanmar that names China often is still about Myanmar when its armed groups are
        Myanmar's."""
        per_state: Counter[str] = Counter()
        for aid, n in salience.items():
            base = aid.split(".", 1)[0]
            if base in self.gaz.countries:
                per_state[base] += n
                continue
            actor = self._actor(aid)
            country = self.gaz.by_iso3.get(actor.country or "") if actor is not None else None
            if country:
                per_state[country] += n
        ranked = per_state.most_common(2)
        if not ranked:
            return None
        if len(ranked) == 1 or ranked[0][1] >= self.desc.home_state_ratio * ranked[1][1]:
            return ranked[0][0]
        return None

    def _titles(self) -> None:
        """ "the foreign minister": the one person of the article written with that office
        ("Foreign Minister Sheikh Mohammed said ..."), or whose gazetteer role it is."""
        offices: dict[str, set[str]] = defaultdict(set)
        for si, ci, cue in self._each(("entity", "alias")):
            got = self.resolved.get((si, ci))
            if got is None:
                continue
            actor = self._actor(got[0])
            if actor is None or actor.type != "person":
                continue
            if cue.label.startswith("PERSON+title:"):
                offices[cue.label.split(":", 1)[1]].add(actor.id)
            else:
                written = office_before(self.sents[si], cue.start, self.desc.office_words)
                if written:
                    offices[written].add(actor.id)  # "Field Marshal Khalifa Haftar"
            for role in actor.roles:
                if role.get("until") is None and isinstance(role.get("role"), str):
                    offices[str(role["role"]).lower()].add(actor.id)
            for alias in actor.aliases:  # "Field Marshal Haftar"
                words = alias.lower().split()
                k = 0
                while k < len(words) and words[k] in self.desc.office_words:
                    k += 1
                if 0 < k < len(words):
                    offices[" ".join(words[:k])].add(actor.id)
        for si, ci, cue in self._each(("title_ref",)):
            holders: set[str] = set()
            for office, people in offices.items():
                if office == cue.text or office.endswith(" " + cue.text):
                    holders |= people
            if len(holders) == 1:
                self.resolved[(si, ci)] = (holders.pop(), "title")

    # -- references across sentences -------------------------------------------------------------
    def _discourse_pronouns(self, salience: Counter[str]) -> None:
        """A pronoun with no antecedent in its own sentence, and no noun before it there that
        could be one ("He founded the movement in 1987 ..."), refers to the article's dominant
        actor of its kind; when two fit about equally, it stays unresolved."""
        for si, sc in enumerate(self.cues):
            sent = self.sents[si]
            for ci, cue in enumerate(sc.cues):
                if cue.rule != "pronoun" or (si, ci) in self.resolved:
                    continue
                if _noun_before(sent, cue.start):
                    continue
                fits = self._fits(cue.text)
                owned = sc.cues[ci + 1] if ci + 1 < len(sc.cues) else None
                if owned is not None and owned.rule == "owned" and owned.text == "member":
                    # "Its leader, Ahmed Diriye, ...": an organisation's, not a state's
                    fits = _organisation_only(fits)
                aid = self._dominant(salience, fits)
                if aid is not None:
                    self.resolved[(si, ci)] = (aid, "discourse_pronoun")

    def _fits(self, pronoun: str) -> Callable[[Actor], bool]:
        desc = self.desc
        if pronoun in desc.person_pronouns or pronoun in ("she", "her", "hers"):
            return lambda a: a.type == "person"
        if pronoun in desc.plural_pronouns:
            return lambda a: a.type in desc.collective_types
        return lambda a: a.type not in _NOT_IT

    def _dominant(
        self, salience: Counter[str], fits: Callable[[Actor], bool], bodies: bool = False
    ) -> str | None:
        """The most salient actor that ``fits``, if it dominates the next one (a state's
        generated bodies share its salience and are left out unless ``bodies``)."""
        ranked = [
            (n, aid)
            for aid, n in salience.items()
            if (a := self._actor(aid)) is not None and fits(a) and (bodies or not _is_body(aid))
        ]
        ranked.sort(key=lambda x: (-x[0], x[1]))
        if not ranked or ranked[0][0] < self.desc.discourse_min:
            return None
        if len(ranked) > 1 and ranked[0][0] < self.desc.discourse_ratio * ranked[1][0]:
            return None
        return ranked[0][1]

    def _pairs(self, salience: Counter[str]) -> None:
        """ "the two rivals", "both sides": the article's two most named actors of a fitting
        kind, when the third is named at most half as often as the second."""
        for si, ci, cue in self._each(("pair",)):
            noun = cue.text
            if noun in (
                "countries",
                "states",
                "nations",
                "capitals",
                "governments",
                "neighbours",
                "neighbors",
            ):
                kinds: frozenset[str] = frozenset({"state", "government"})
            elif noun in ("leaders", "men", "generals"):
                kinds = frozenset({"person"})
            elif noun in ("juntas", "regimes"):
                kinds = frozenset({"government"})
            elif noun in ("networks", "groups", "militias", "factions", "movements"):
                kinds = frozenset({"armed_group", "political_party"})
            else:
                kinds = frozenset(t for t in ACTOR_KINDS if t not in ("person", "location"))
            # "Boko Haram and ISWAP ..., and the two jihadist factions": the two named before it
            # in its own sentence, when exactly two fit
            local: list[str] = []
            for cj, other in enumerate(self.cues[si].cues):
                found = self.resolved.get((si, cj))
                if other.end > cue.start or found is None or found[1] == "pair":
                    continue
                a = self._actor(found[0])
                if a is not None and a.type in kinds and found[0] not in local:
                    local.append(found[0])
            if len(local) == 2 and self.on("pair.local"):
                self.resolved[(si, ci)] = (local[0], "pair")
                self.second[(si, ci)] = local[1]
                continue
            ranked = sorted(
                (
                    (n, aid)
                    for aid, n in salience.items()
                    if (a := self._actor(aid)) is not None and a.type in kinds
                ),
                key=lambda x: (-x[0], x[1]),
            )
            if len(ranked) < 2 or ranked[1][0] < self.desc.discourse_min:
                continue
            if len(ranked) > 2 and ranked[2][0] * self.desc.discourse_ratio > ranked[1][0]:
                continue
            self.resolved[(si, ci)] = (ranked[0][1], "pair")
            self.second[(si, ci)] = ranked[1][1]

    # -- actors without a name --------------------------------------------------------------------------
    def _generics(self, salience: Counter[str]) -> None:
        """ "Islamist militants", "Iraqi groups", "protesters": an actor of the type its head noun
        says, marked generic; "Yemeni rebels" is the article's dominant Yemeni armed group when
        one dominates."""
        for si, ci, cue in self._each(("generic",)):
            country = cue.ids[0] if cue.ids else None
            head = cue.text.split()[-1].lower()
            if (
                country is not None
                and head in self.desc.descriptions
                and len(cue.text.split()) == 2
                and self.on("country_generic")
            ):
                iso3 = self.gaz.countries[country].iso3 if country in self.gaz.countries else None
                types = set(self.desc.descriptions[head])
                aid = self._dominant(
                    salience,
                    lambda a, t=types, c=iso3: a.type in t and a.country == c,  # type: ignore[misc]
                )
                if aid is not None:
                    self.resolved[(si, ci)] = (aid, "description")
                    continue
            name = _generic_name(cue.text)
            aid = slug(name)
            if not aid or aid in self.gaz.actors:
                continue
            iso3 = self.gaz.countries[country].iso3 if country in self.gaz.countries else None
            self._create(aid, name, cue.label, iso3, generic=True)
            self.resolved[(si, ci)] = (aid, "generic")

    # -- helpers ------------------------------------------------------------------------------------------
    def _actor(self, aid: str) -> Actor | None:
        return self.created.get(aid) or self.gaz.actors.get(aid)

    def _create(
        self, aid: str, name: str, kind: str, country: str | None = None, generic: bool = False
    ) -> None:
        old = self.created.get(aid)
        if old is None or name < old.name:  # the same name whatever the sentence order
            self.created[aid] = Actor(
                aid, name, kind, country=country, origin="text", generic=generic
            )

    def _country_of_capital(self, name: str) -> str | None:
        for country in self.gaz.countries.values():
            if country.capital == name:
                return country.iso3
        return None

    def _output(self, doc_id: str, locate: Locate) -> DocumentActors:
        mentions: list[Mention] = []
        actors: dict[str, Actor] = {}
        for (si, ci), (aid, rule) in sorted(self.resolved.items()):
            cue = self.cues[si].cues[ci]
            sent = self.sents[si]
            span = sent[cue.start : cue.end]
            start, end = locate(si, span.start_char, span.end_char)
            ids = [aid] + ([self.second[(si, ci)]] if (si, ci) in self.second else [])
            for one in ids:
                mentions.append(
                    Mention(doc_id, si, cue.start, cue.end, start, end, span.text, one, rule)
                )
                actor = self._actor(one)
                if actor is not None:
                    actors[one] = actor
        mentions.sort(key=lambda m: (m.sentence, m.token_start))
        return DocumentActors(mentions, actors, self.gaz)


def _subject_of(tok: Token) -> Token | None:
    """The subject phrase ``tok`` belongs to ("Sudan Liberation Movement (SLM)" -> Movement)."""
    for _ in range(4):
        if tok.dep_ in _SUBJECTS:
            return tok
        if tok.dep_ not in _IN_PHRASE or tok.head is tok:
            return None
        tok = tok.head
    return None


def _name_keys(name: str) -> set[str]:
    """Words a person may be called by alone: the surname, and any other name of three letters
    or more ("Abiy" for Abiy Ahmed, "Kim" for Kim Jong Un); a word two people share names
    neither."""
    words = [w for w in normalise(name).split() if w not in ("al", "el", "bin", "ibn", "de", "da")]
    return {_surname(name)} | {w for w in words if len(w) >= 3}


def _surname(name: str) -> str:
    words = [w for w in normalise(name).split() if w not in ("al", "el", "bin", "ibn")]
    return words[-1] if words else ""


def _name_words(name: str) -> list[str]:
    """The words of a name, hyphenated parts split ("Lashkar-e-Taiba" -> lashkar, e, taiba)."""
    return [w for w in re.split(r"[\s-]+", normalise(name)) if w]


def _noun_before(sent: Doc, i: int) -> bool:
    """Whether a noun that could be an antecedent comes before token ``i`` in its sentence
    (dates, numbers and places do not count)."""
    return any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in _NOT_ANTECEDENT for t in sent[:i])


def _is_body(aid: str) -> bool:
    """A generated body of a state ("iran.government"): it shares the state's salience."""
    return aid.endswith((".government", ".military"))


def _generic_name(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an", "these", "those", "some"):
        words = words[1:]
    return " ".join(words)


def _organisation_only(fits: Callable[[Actor], bool]) -> Callable[[Actor], bool]:
    """``fits``, without states and governments ("Its leader" is an organisation's)."""
    return lambda a: fits(a) and a.type not in ("state", "government")


def _clause_subject(pron: Token) -> Token | None:
    """The subject of the nearest clause around ``pron`` that has one other than ``pron``
    itself: "the Israeli military escalated, and an air strike killed its leader" gives "strike",
    so the subject of the first clause is not the antecedent of "its"."""
    node = pron
    for _ in range(12):
        if node.head is node:
            return None
        node = node.head
        subs = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c is not pron]
        if subs and not any(pron.i in range(c.left_edge.i, c.right_edge.i + 1) for c in subs):
            return subs[0]
    return None
