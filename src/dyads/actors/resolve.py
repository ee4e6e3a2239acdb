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

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyads.actors.cues import ActorCues, Cue, SentenceCues, body_of, sentence_cues
from dyads.actors.descriptors import Descriptors, load_descriptors
from dyads.actors.gazetteer import Gazetteer, normalise, slug
from dyads.actors.matcher import GazetteerRuler, tables_for
from dyads.records import Actor, Mention

__all__ = ["ActorResolver", "DocumentActors", "Locate", "RULES"]

#: (sentence index, start, end) in the sentence's text -> (start, end) in the original document
Locate = Callable[[int, int, int], tuple[int, int]]

RULES = (
    "alias",
    "acronym",
    "defined_acronym",
    "possessive",
    "adjectival",
    "metonym",
    "description",
    "pronoun",
    "new_entity",
    "surname",
    "location",
)
#: rules whose mentions count towards an actor's salience (the evidence "the group" is weighed by)
_SALIENT = frozenset(RULES) - {"description", "pronoun", "location"}
_NOT_IT = frozenset({"person", "location"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "obj", "iobj", "dative", "pobj"})
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

    def __init__(self, gazetteer: Gazetteer, descriptors: Descriptors | None = None) -> None:
        self.gazetteer = gazetteer
        self.desc = descriptors or load_descriptors()

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
        return _Resolution(self.gazetteer, self.desc, sents, per_sentence).run(doc_id, locate)


def _tokenizer_for(doc: Doc) -> Callable[[str], Doc]:
    """Tokenise gazetteer names for a Doc built outside our pipeline (tests, other tools)."""
    from spacy.lang.en import English

    nlp = English(vocab=doc.vocab)
    return nlp.make_doc


class _Resolution:
    """One document's resolution: statistics over all sentences first, then each cue."""

    def __init__(
        self, gaz: Gazetteer, desc: Descriptors, sents: Sequence[Doc], cues: list[SentenceCues]
    ) -> None:
        self.gaz = gaz
        self.desc = desc
        self.sents = sents
        self.cues = cues
        self.created: dict[str, Actor] = {}
        self.resolved: dict[tuple[int, int], tuple[str, str]] = {}  # (sent, cue) -> (actor, rule)

    # -- statistics over the whole document -------------------------------------------------------
    def run(self, doc_id: str, locate: Locate) -> DocumentActors:
        self._entities_and_names()
        self._definitions()
        self._ambiguous()
        salience = Counter(aid for aid, rule in self.resolved.values() if rule in _SALIENT)
        self._descriptions(salience)
        self._pronouns()
        self._owned()
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
                surnames[_surname(actor.name)].add(aid)
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
                    surnames[_surname(name)].add(aid)
                    self.resolved[(si, ci)] = (aid, "new_entity")
            else:
                aid = slug(name)
                words = [t.text for t in self.sents[si][cue.start : cue.end]]
                kind = self.desc.entity_type(words)
                if len(words) == 1 and kind == "other" and (si, ci) not in defining:
                    continue  # one unknown capitalised word the model calls ORG is often a town
                if aid and aid not in self.gaz.actors:
                    self._create(aid, name, kind)
                    self.resolved[(si, ci)] = (aid, "new_entity")
        for si, ci, cue in singles:
            owners = surnames.get(normalise(cue.text), set())
            if len(owners) == 1:
                self.resolved[(si, ci)] = (next(iter(owners)), "surname")
            elif not owners and cue.label == "PERSON+title":
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
        chosen: dict[tuple[str, str], str | None] = {}
        for si, ci, cue in self._each(("description",)):
            country = cue.ids[0] if cue.ids else ""
            key = (cue.text, country)
            if key not in chosen:
                chosen[key] = self._most_salient(cue.text, salience, country)
            aid = chosen[key]
            if aid is not None:
                self.resolved[(si, ci)] = (aid, "description")
            elif country:
                self.resolved[(si, ci)] = (country, "adjectival")

    def _most_salient(self, noun: str, salience: Counter[str], country: str = "") -> str | None:
        types = set(self.desc.descriptions.get(noun, ()))
        iso3 = self.gaz.countries[country].iso3 if country in self.gaz.countries else None
        best: tuple[int, int, str] | None = None
        for aid, count in salience.items():
            actor = self._actor(aid)
            if actor is None or not (actor.type in types or noun in actor.nouns):
                continue
            if iso3 is not None and actor.country != iso3:
                continue
            # an actor whose gazetteer nouns name it ("junta" for Mali's government) beats one
            # that only has the right type (Russia's government in an article about Mali)
            tier = 0 if noun in actor.nouns and noun not in GENERIC_DESCRIPTIONS else 1
            key = (tier, -count, aid)
            if best is None or key < best:
                best = key
        return best[2] if best else None

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
                if (subject is not None and subject.head.is_ancestor(pron))
                or (pron.dep_ == "poss" and pron.head.dep_ == "conj" and pron.head.head == head)
            }
        return kept.pop() if len(kept) == 1 else None

    def _owned(self) -> None:
        """ "its forces", "Hemedti's fighters": the owner's body, through its country or role."""
        for si, sc in enumerate(self.cues):
            pronoun_at = {cue.start: ci for ci, cue in enumerate(sc.cues) if cue.rule == "pronoun"}
            for ci, cue in enumerate(sc.cues):
                if cue.rule != "owned":
                    continue
                owner_id = cue.ids[0] if cue.ids else None
                if owner_id is None:
                    pk = pronoun_at.get(int(cue.label)) if cue.label.isdigit() else None
                    got = self.resolved.get((si, pk)) if pk is not None else None
                    owner_id = got[0] if got else None
                owner = self._actor(owner_id) if owner_id else None
                aid = self._body_of_owner(owner, cue.text) if owner else None
                if aid is not None:
                    self.resolved[(si, ci)] = (aid, "possessive")

    def _body_of_owner(self, owner: Actor, what: str) -> str | None:
        if owner.type == "person":
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
        if owner.type == "state":
            return body_of(self.gaz, self.desc, owner.id, what) if what != "member" else None
        if owner.type in ("government", "military") and owner.id in self.gaz.generated:
            country = owner.id.split(".")[0]
            return body_of(self.gaz, self.desc, country, what) if what != "member" else None
        if owner.type in ("armed_group", "military", "police") and what in ("member", "military"):
            return owner.id
        return None

    def _agrees(self, tag: str, actor: Actor, plural: bool) -> bool:
        if actor.type in _NOT_IT:
            return False
        plural_name = tag in ("NNS", "NNPS")
        if plural:
            return plural_name or actor.type in self.desc.collective_types
        return not plural_name

    # -- helpers ------------------------------------------------------------------------------------------
    def _actor(self, aid: str) -> Actor | None:
        return self.created.get(aid) or self.gaz.actors.get(aid)

    def _create(self, aid: str, name: str, kind: str, country: str | None = None) -> None:
        old = self.created.get(aid)
        if old is None or name < old.name:  # the same name whatever the sentence order
            self.created[aid] = Actor(aid, name, kind, country=country, origin="text")

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
            mentions.append(
                Mention(doc_id, si, cue.start, cue.end, start, end, span.text, aid, rule)
            )
            actor = self._actor(aid)
            if actor is not None:
                actors[aid] = actor
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


def _surname(name: str) -> str:
    words = [w for w in normalise(name).split() if w not in ("al", "el", "bin", "ibn")]
    return words[-1] if words else ""
