"""Sentence-local evidence for actor mentions ("cues"), computed from one parsed sentence alone.

A cue is a candidate mention: a token span with the rule that found it and, when the sentence
alone settles it, the actor id(s). Cues of one sentence never overlap. Whatever needs the whole
document (acronyms defined elsewhere, salience for "the group", surnames, ambiguity) is left to
``dyads.actors.resolve``, which sees every sentence's cues before resolving any of them; cues
themselves never depend on other sentences, so sentence order cannot change them.

Rules (the ``rule`` field):
    alias, acronym      a gazetteer name or acronym (``ids`` set)
    possessive          "Iran's" (the state), "Iran's army", "the government of Sudan"
    adjectival          "Iranian" (the state), "the Pakistani army", "Sudanese military leaders"
    metonym             "Tehran says", "officials in Kinshasa", "the Kremlin"
    location            a capital or place named as a place ("fighting in Goma")
    entity              an unknown ORG or PERSON entity (``text`` is the name, ``label`` the type)
    acronym_use         an all-capital token the gazetteer does not know (may be defined in text)
    description         "the group", "the corps" (``text`` is the noun); ``ids`` = a country for
                        "the Yemeni group", "Somalia's jihadists"
    pair                "the two rivals", "both sides": two actors (``text`` is the noun)
    title_ref           "the foreign minister": the person given that office (``text``)
    generic             "Islamist militants", "protesters": an actor without a name (``text`` the
                        phrase, ``label`` its type, ``ids`` a country named by a demonym)
    proper              a capitalised proper noun no other cue took (a short form, perhaps)
    owned               "its forces", "Hemedti's fighters" (``text`` is the category or
                        "member"; the owner is ``ids`` or the pronoun at token ``label``)
    pronoun             it, its, they, them, their (``text`` is the pronoun)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyads.actors.descriptors import Descriptors
from dyads.actors.gazetteer import Gazetteer
from dyads.actors.matcher import (
    GazetteerComponent,
    GazetteerTables,
    GazMatch,
    find_matches,
)

__all__ = ["Cue", "SentenceCues", "sentence_cues"]

if not Doc.has_extension("dyads_cues"):
    Doc.set_extension("dyads_cues", default=None)

_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&-]*[A-Z0-9]$")
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})

#: Modifiers that set a description apart from the document's salient actor of its type: "the
#: private army" (Wagner, not Mali's army), "the army-aligned government".
CONTRASTIVE_MODIFIERS = frozenset(
    """private paramilitary rival other former opposition second another
    foreign separate smaller regional local interim transitional parallel breakaway splinter
    dissident aligned allied exiled""".split()
)

_NOUNS = frozenset({"NOUN", "PROPN"})
_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
#: named actors whose possessed member noun is their own ("the Taliban's leadership council")
_OWNERS = frozenset(
    """person armed_group political_party igo intelligence_agency military government police
    ngo company""".split()
)
#: "its Yemeni allies": a relational noun after a demonym names an actor of that country
_ALLY_NOUNS = frozenset("ally allies proxy proxies client clients partner partners".split())
#: modifiers that make a description the article's own state's ("the national army")
_HOME_MODIFIERS = frozenset({"national", "country's", "federal", "central"})
#: determiners of a definite description: "the group", "this terrorist group"
_DEFINITE = frozenset({"the", "this", "these"})
_LONG_FORM_LINKS = frozenset(
    {"of", "for", "and", "al", "el", "-", "'s", "the", "de", "du", "des", "la", "le"}
)
_DESCRIPTION_MODIFIERS = frozenset({"amod", "compound", "npadvmod", "nmod", "advmod", "punct"})
#: modifiers allowed between a demonym and its head noun ("Sudanese military intelligence chiefs")
_MAX_CHAIN = 4


class Cue(NamedTuple):
    start: int
    end: int
    rule: str
    ids: tuple[str, ...] = ()
    text: str = ""
    label: str = ""  # entity: PERSON/ORG (+ "+title" when a title preceded it)


@dataclass
class SentenceCues:
    cues: list[Cue] = field(default_factory=list)
    #: (acronym, index of the cue naming its long form)
    definitions: list[tuple[str, int]] = field(default_factory=list)


def in_longer_name(tok: Token) -> bool:
    """Whether a word modifies a proper noun right after it, as part of a longer name the model
    left without an entity ("Combined" and "Forces" in "Combined Joint Forces Land Component
    Command")."""
    after = tok.i + 1
    return tok.dep_ == "compound" and after < len(tok.doc) and tok.doc[after].pos_ == "PROPN"


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= len(text) / 2


def sentence_cues(
    doc: Doc, gaz: Gazetteer, tables: GazetteerTables, desc: Descriptors
) -> SentenceCues:
    matches = doc._.dyads_gaz
    if matches is None:
        matches = find_matches(doc, gaz, tables, desc)
    return _Builder(doc, gaz, desc).build(matches)


class _Builder:
    def __init__(self, doc: Doc, gaz: Gazetteer, desc: Descriptors) -> None:
        self.doc = doc
        self.gaz = gaz
        self.desc = desc
        self.occ = bytearray(len(doc))
        self.cues: list[Cue] = []
        self.cue_at_end: dict[int, int] = {}  # token end -> cue index
        self.named_at: dict[int, GazMatch] = {}  # start -> named (non-country) match
        self.country_tokens: set[int] = set()  # tokens of country, demonym and capital cues
        #: named match start -> new start ("Lebanese Hezbollah" is one mention)
        self.extend_left: dict[int, int] = {}

    # -- bookkeeping ---------------------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return 0 <= start < end <= len(self.doc) and not any(self.occ[start:end])

    def add(self, cue: Cue) -> None:
        if cue.rule in ("possessive", "adjectival", "metonym") or (
            cue.rule == "alias" and cue.ids and cue.ids[0] in self.gaz.countries
        ):
            self.country_tokens.update(range(cue.start, cue.end))
        self.occ[cue.start : cue.end] = b"\x01" * (cue.end - cue.start)
        self.cue_at_end[cue.end] = len(self.cues)
        self.cues.append(cue)

    def build(self, matches: tuple[GazMatch, ...]) -> SentenceCues:
        for m in matches:  # every match claims its own tokens first; extensions come after
            self.occ[m.start : m.end] = b"\x01" * (m.end - m.start)
            if m.kind in ("alias", "acronym") and len(m.ids) == 1:
                self.named_at[m.start] = m
        for m in matches:
            self.occ[m.start : m.end] = b"\x00" * (m.end - m.start)
            if m.kind in ("alias", "acronym"):
                self._named(m)
            elif m.kind in ("state", "demonym"):
                self._country(m)
            else:
                self._seat(m)
            if not any(self.occ[m.start : m.end]):  # no cue claimed it: keep it blocked anyway
                self.occ[m.start : m.end] = b"\x01" * (m.end - m.start)
        self._entities()
        out = SentenceCues()
        self._acronyms(out)
        self._descriptions()
        self._title_references()
        self._generics()
        self._pronouns()
        self._proper_names()
        order = sorted(range(len(self.cues)), key=lambda k: self.cues[k].start)
        remap = {old: new for new, old in enumerate(order)}
        out.cues = [self.cues[k] for k in order]
        out.definitions = [(acr, remap[k]) for acr, k in out.definitions]
        return out

    # -- gazetteer names ----------------------------------------------------------------------------
    def _named(self, m: GazMatch) -> None:
        end = m.end
        start = self.extend_left.get(m.start, m.start)
        for k in range(m.start + 1, m.end - 1):  # "Sudan's Rapid Support Forces": Sudan apart
            if self.doc[k].tag_ == "POS":
                owners = [
                    a for a in self.gaz.lookup(self.doc[m.start : k].text) if a.type == "state"
                ]
                if len(owners) == 1:
                    self.add(Cue(m.start, k, "possessive", (owners[0].id,)))
                    start = k + 1
                break
        if len(m.ids) == 1 and self.gaz.actors[m.ids[0]].type not in (
            "person",
            "location",
            "state",
        ):
            head, contiguous, _ = self._head_noun(m.start, m.end)
            if (
                head is not None
                and contiguous
                and head.pos_ == "NOUN"
                and head.lower_ in self.desc.member_nouns
                and self.free(m.end, head.i + 1)
            ):
                end = head.i + 1
        self.add(Cue(start, end, m.kind, m.ids))
        if end == m.end and len(m.ids) == 1 and self.gaz.actors[m.ids[0]].type in _OWNERS:
            root = self._root(m.start, m.end)
            if root.dep_ == "poss":
                self._owned(root, m.ids[0])  # "Hemedti's fighters", "the Taliban's council"

    def _owned(self, owner: Token, owner_id: str = "") -> None:
        """ "Hemedti's fighters", "its forces": the owned noun, resolved once the owner is known
        (``ids`` = the owner, or ``label`` = the index of the possessive pronoun)."""
        noun = owner.head
        if noun.i <= owner.i or noun.pos_ != "NOUN":
            return
        start = owner.i + 1
        while start < noun.i and self.doc[start].tag_ == "POS":
            start += 1
        if not all(t.dep_ in _MODIFIER_DEPS for t in self.doc[start : noun.i]) or not self.free(
            start, noun.i + 1
        ):
            return
        words = [t.lower_ for t in self.doc[start : noun.i + 1]]
        what = self.desc.head_category(words) or (
            "member"
            if noun.lower_ in self.desc.member_nouns
            else "state"
            if noun.lower_ in ("country", "nation", "homeland")
            else None
        )
        if what:
            ids = (owner_id,) if owner_id else ()
            self.add(Cue(start, noun.i + 1, "owned", ids, what, "" if owner_id else str(owner.i)))

    def _country(self, m: GazMatch) -> None:
        rule = "alias" if m.kind == "state" else "adjectival"
        root = self._root(m.start, m.end)
        country = m.ids[0] if len(m.ids) == 1 else None
        named = self.named_at.get(m.end)
        if country is not None and named is not None and m.kind == "demonym":
            actor = self.gaz.actors[named.ids[0]]
            if actor.type != "person" and actor.country == self.gaz.actors[country].country:
                self.extend_left[named.start] = m.start  # "Lebanese Hezbollah": one mention
                return
        if country is not None and self._of_phrase(m, root, country, ("of",), "possessive"):
            return
        if root.dep_ == "poss":
            self.add(Cue(m.start, m.end, "possessive", m.ids))
            if country is not None:
                self._possessed(root, country, m.end)
            return
        head, contiguous, words = self._head_noun(m.start, m.end)
        cat = self.desc.head_category(words) if head is not None else None
        if (
            head is not None
            and cat is None
            and country is not None
            and contiguous
            and self._country_description(m, head, country)
        ):
            return
        if (
            head is not None
            and country is not None
            and contiguous
            and self._country_generic(m, head, country, words, cat)
        ):
            return
        if (
            head is not None
            and country is not None
            and contiguous
            and head.lower_ in _ALLY_NOUNS
            and self.free(m.end, head.i + 1)
        ):
            # "its Yemeni allies", "Iran's Lebanese ally": an actor of that country
            self.add(Cue(m.start, head.i + 1, "description", (country,), head.lower_))
            return
        if cat and country is not None:
            body = self._body(country, cat)
            if contiguous and self.free(m.end, head.i + 1):  # type: ignore[union-attr]
                self.add(Cue(m.start, head.i + 1, "adjectival", (body,)))  # type: ignore[union-attr]
            else:
                self.add(Cue(m.start, m.end, "adjectival", (body,)))
            return
        self.add(Cue(m.start, m.end, rule, m.ids))

    def _country_generic(
        self, m: GazMatch, head: Token, country: str, words: list[str], cat: str | None
    ) -> bool:
        """ "Iraqi groups", "Syrian rebel factions", "Syrian opposition forces": an actor of that
        country without a name, not the state's own body ("Iraqi security forces" is)."""
        desc = self.desc
        kind = desc.generic_heads.get(head.lower_)
        if kind is None or not self.free(m.end, head.i + 1):
            return False
        if head.tag_ not in ("NNS", "NNPS") and head.lower_ not in ("personnel", "opposition"):
            return False
        if cat is not None:
            foreign = [
                w
                for w in words[:-1]
                if w not in desc.state_force_modifiers and (w,) not in desc.phrase_category
            ]
            if not foreign:
                return False  # "Iraqi security forces": the state's military
            kind = "armed_group" if cat == "military" else "political_party"
        text = self.doc[m.start : head.i + 1].text
        self.add(Cue(m.start, head.i + 1, "generic", (country,), text, kind))
        return True

    def _country_description(self, m: GazMatch, head: Token, country: str) -> bool:
        """ "the Yemeni group": a description restricted to actors of that country."""
        if head.lower_ not in self.desc.descriptions or not self.free(m.end, head.i + 1):
            return False
        lefts = list(head.lefts)
        if not lefts or lefts[0].lower_ != "the" or lefts[0].i != m.start - 1:
            return False
        self.add(Cue(m.start, head.i + 1, "description", (country,), head.lower_))
        return True

    def _seat(self, m: GazMatch) -> None:
        """A capital (ids = country) or another seat of power (ids = the actor it stands for)."""
        if len(m.ids) != 1:
            return
        target = m.ids[0]
        if m.kind == "capital":
            country: str | None = target
            actor_id = f"{target}.government"
        else:
            actor = self.gaz.actors.get(target)
            country = self.gaz.by_iso3.get(actor.country or "") if actor else None
            actor_id = target
        root = self._root(m.start, m.end)
        preps = ("of", *self.desc.seat_preps)
        if country is not None and self._of_phrase(m, root, country, preps, "metonym"):
            return
        if root.dep_ == "poss":
            self.add(Cue(m.start, m.end, "metonym", (actor_id,)))
            if country is not None:
                self._possessed(root, country, m.end)
            return
        head, contiguous, words = self._head_noun(m.start, m.end)
        cat = self.desc.head_category(words) if head is not None else None
        if cat and contiguous and head is not None and self.free(m.end, head.i + 1):
            body = self._body(country, cat) if country and m.kind == "capital" else actor_id
            self.add(Cue(m.start, head.i + 1, "metonym", (body,)))
            return
        if self._political(root, m.end):
            self.add(Cue(m.start, m.end, "metonym", (actor_id,)))
        elif m.kind == "capital":
            self.add(Cue(m.start, m.end, "location", (), self.doc[m.start : m.end].text))

    def _political(self, root: Token, end: int) -> bool:
        """Is a capital used as an actor (subject, object, agent, possessor, 'backed by ...')?"""
        doc, desc = self.doc, self.desc
        if (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and doc[end + 1].lower_ in desc.metonym_compounds
        ):
            return True
        tok = _effective(root)
        dep = tok.dep_
        if dep in desc.metonym_deps:
            if dep in ("dobj", "obj", "dative", "iobj"):
                return tok.head.lemma_ not in desc.place_verbs
            return True
        if dep == "pobj":
            prep = tok.head
            word = prep.lower_
            if word == "of":
                return prep.head.lower_ in desc.metonym_of_nouns
            if word not in desc.metonym_preps:
                return False
            if word in ("by", "against", "between"):
                return True
            return (
                prep.head.lemma_ not in desc.place_verbs
                and prep.head.lower_ not in desc.place_verbs
            )
        return False

    def _of_phrase(
        self, m: GazMatch, root: Token, country: str, preps: tuple[str, ...], rule: str
    ) -> bool:
        """ "the government of Sudan", "officials in Kinshasa": one span from the noun."""
        if root.dep_ != "pobj" or root.head.lower_ not in preps:
            return False
        noun = root.head.head
        if noun.i >= root.i or noun.pos_ not in _NOUNS:
            return False
        left = _left_edge(noun)
        words = [t.lower_ for t in self.doc[left : noun.i + 1]]
        cat = self.desc.head_category(words)
        if cat is None or not self.free(left, m.start):
            return False
        if root.head.lower_ != "of" and cat == "intelligence":
            cat = "government"
        self.add(Cue(left, m.end, rule, (self._body(country, cat),)))
        return True

    def _possessed(self, owner: Token, country: str, after: int = 0) -> None:
        """ "Iran's army": the possessed noun is a mention of the country's body (``after``: the
        end of the owner's name, "the Democratic Republic of Congo's foreign ministry")."""
        noun = owner.head
        if noun.i <= owner.i or noun.pos_ not in _NOUNS:
            return
        start = max(owner.i + 1, after)
        while start < noun.i and self.doc[start].tag_ == "POS":
            start += 1
        words = [t.lower_ for t in self.doc[start : noun.i + 1]]
        if not all(t.dep_ in _MODIFIER_DEPS for t in self.doc[start : noun.i]):
            return
        cat = self.desc.head_category(words)
        if cat and self.free(start, noun.i + 1):
            self.add(Cue(start, noun.i + 1, "possessive", (self._body(country, cat),)))
        elif (
            noun.lower_ in self.desc.descriptions
            and noun.lower_ not in _ALLY_NOUNS  # "Iran's ally Bashar al-Assad" is not Iran's actor
            and self.free(start, noun.i + 1)
        ):
            # "Somalia's jihadists": a description among that country's actors
            self.add(Cue(start, noun.i + 1, "description", (country,), noun.lower_))

    def _body(self, country: str, category: str) -> str:
        return body_of(self.gaz, self.desc, country, category)

    # -- syntax helpers ---------------------------------------------------------------------------------
    def _root(self, start: int, end: int) -> Token:
        """The head of a name; for a possessed name whose own head is elsewhere ("the Democratic
        Republic of Congo's foreign ministry": the possessive mark hangs on "Congo"), the token
        that carries the possessive."""
        root = self.doc[start:end].root
        last = self.doc[end - 1]
        if root.dep_ != "poss" and last.dep_ == "poss" and not start <= last.head.i < end:
            return last
        return root

    def _head_noun(self, start: int, end: int) -> tuple[Token | None, bool, list[str]]:
        """The noun a name modifies ("Sudanese [military] leaders"), whether the tokens between
        are all its modifiers (so the span can be contiguous), and the words from the name's end
        to the noun."""
        root = self._root(start, end)
        tok = _effective(root)
        if tok.dep_ not in _MODIFIER_DEPS:
            return None, False, []
        head = tok.head
        steps = 0
        while head.dep_ in _MODIFIER_DEPS and head.head.i > head.i and steps < _MAX_CHAIN:
            if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
                break
            head = head.head
            steps += 1
        if head.i < end or head.pos_ not in _NOUNS:
            return None, False, []
        between = self.doc[end : head.i]
        contiguous = tok is root and all(
            t.dep_ in _MODIFIER_DEPS
            and t.pos_ in ("NOUN", "PROPN", "ADJ")
            and end <= t.head.i <= head.i
            for t in between
        )
        if contiguous:
            words = [t.lower_ for t in self.doc[end : head.i + 1]]
        else:
            words = [t.lower_ for t in head.lefts if t.dep_ == "compound" and t.i >= end] + [
                head.lower_
            ]
        return head, contiguous, words

    # -- named entities the gazetteer does not know ------------------------------------------------
    def _entities(self) -> None:
        doc = self.doc
        for ent in doc.ents:
            if ent.kb_id_ or ent.label_ not in ("ORG", "PERSON", "GPE", "LOC"):
                continue
            start, end = ent.start, ent.end
            while start < end and doc[start].lower_ in _DETS:
                start += 1
            while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
                end -= 1
            if start >= end or not self.free(start, end):
                continue
            if not any(c.isupper() for c in doc[start:end].text):
                continue
            if ent.label_ in ("GPE", "LOC"):
                if end < len(doc) and doc[end].text == "-":
                    continue  # "Tutsi-led": a modifier, not a place
                self.add(Cue(start, end, "location", (), doc[start:end].text))
                continue
            if end - start == 1 and is_acronym(doc[start].text):
                self.add(Cue(start, end, "acronym_use", (), doc[start].text, ent.label_))
                continue
            label = ent.label_
            if label == "PERSON":
                start, end, titled = self._strip_titles(start, end)
                if start >= end:
                    continue
                if titled:
                    label = "PERSON+title:" + self._office_before(start)
            self.add(Cue(start, end, "entity", (), doc[start:end].text, label))

    def _strip_titles(self, start: int, end: int) -> tuple[int, int, bool]:
        doc, desc = self.doc, self.desc
        titled = start > 0 and doc[start - 1].lower_ in desc.titles
        if not titled:
            for phrase in desc.title_phrases:
                k = len(phrase)
                if start >= k and tuple(t.lower_ for t in doc[start - k : start]) == phrase:
                    titled = True
                    break
        while start < end and doc[start].lower_ in desc.titles:
            start += 1
            titled = True
        return start, end, titled

    def _office_before(self, start: int) -> str:
        """The office written before a name ("Foreign Minister", "Army chief"), lower case."""
        return office_before(self.doc, start, self.desc.office_words)

    # -- acronyms -----------------------------------------------------------------------------------------
    def _acronyms(self, out: SentenceCues) -> None:
        doc = self.doc
        n = len(doc)
        for tok in doc:
            i = tok.i
            if self.occ[i] or not is_acronym(tok.text):
                continue
            self.add(Cue(i, i + 1, "acronym_use", (), tok.text))
        for tok in doc:
            i = tok.i
            if (
                tok.text == "("
                and i + 2 < n
                and doc[i + 2].text == ")"
                and is_acronym(doc[i + 1].text)
            ):
                self._define(out, doc[i + 1].text, i)
            elif (
                tok.lower_ == "known"
                and i + 2 < n
                and doc[i + 1].lower_ == "as"
                and is_acronym(doc[i + 2].text)
            ):
                j = i - 1
                if j >= 0 and doc[j].lower_ == "also":
                    j -= 1
                if j >= 1 and doc[j].text == ",":
                    self._define(out, doc[i + 2].text, j)

    def _define(self, out: SentenceCues, acronym: str, end: int) -> None:
        """Record that the name ending just before token ``end`` is abbreviated ``acronym``."""
        k = self.cue_at_end.get(end)
        if k is not None and self.cues[k].rule in (
            "alias",
            "acronym",
            "entity",
            "adjectival",
            "possessive",
        ):
            out.definitions.append((acronym, k))
            return
        # No known name there: take the run of capitalised words whose initials spell the acronym.
        doc = self.doc
        start = end
        while start > 0 and not self.occ[start - 1]:
            prev = doc[start - 1]
            if (
                prev.is_title
                or prev.is_upper
                or (prev.lower_ in _LONG_FORM_LINKS and start - 1 > 0)
            ):
                start -= 1
            else:
                break
        while start < end and doc[start].lower_ in _LONG_FORM_LINKS:
            start += 1
        words = [t.text for t in doc[start:end] if t.is_title or t.is_upper]
        initials = "".join(w[0] for w in words)
        letters = "".join(c for c in acronym if c.isupper())
        if start < end and len(words) >= 2 and initials.upper() == letters:
            self.add(Cue(start, end, "entity", (), doc[start:end].text, "ORG"))
            out.definitions.append((acronym, self.cue_at_end[end]))

    # -- definite descriptions and pronouns ------------------------------------------------------------
    def _descriptions(self) -> None:
        """ "the group", "the Shia Islamist movement", "the Iranian-backed group"."""
        nouns = self.desc.descriptions
        for tok in self.doc:
            if self._pair(tok, list(tok.lefts)):
                continue
            if self.occ[tok.i] or tok.pos_ not in _NOUNS or tok.lower_ not in nouns:
                continue
            lefts = list(tok.lefts)
            if (
                lefts
                and lefts[0].lower_ in ("a", "an")
                and tok.dep_ == "appos"
                and self.occ[tok.head.i]
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)
            ):
                # "The ADF, a militia founded by ...": the actor it is apposed to
                self.add(Cue(lefts[0].i, tok.i + 1, "apposition", (), tok.lower_, str(tok.head.i)))
                continue
            if not lefts or lefts[0].lower_ not in _DEFINITE or lefts[0].dep_ != "det":
                continue
            if any(t.dep_ not in _DESCRIPTION_MODIFIERS for t in lefts[1:]):
                continue
            if any(_of_noun(c) for c in tok.rights):
                continue  # "the group of experts" (but "accused the mercenaries of killing")
            contrast = [
                t for t in self.doc[lefts[0].i + 1 : tok.i] if t.lower_ in CONTRASTIVE_MODIFIERS
            ]
            if contrast:
                # "the private army" is another actor than the salient army: only one whose
                # gazetteer nouns list "private army" (Wagner)
                phrase = " ".join(t.lower_ for t in self.doc[contrast[0].i : tok.i + 1])
                if self.free(contrast[0].i, tok.i + 1):
                    self.add(Cue(contrast[0].i, tok.i + 1, "description", (), phrase, "contrast"))
                continue
            if any(
                self.occ[i] and i not in self.country_tokens for i in range(lefts[0].i + 1, tok.i)
            ):
                continue  # "the Hamas movement": a named actor's own description
            start = tok.i
            while (
                start - 1 > lefts[0].i
                and not self.occ[start - 1]
                and self.doc[start - 1].dep_ in ("amod", "compound")
            ):
                start -= 1
            national = any(t.lower_ in _HOME_MODIFIERS for t in self.doc[lefts[0].i + 1 : tok.i])
            self.add(
                Cue(start, tok.i + 1, "description", (), tok.lower_, "home" if national else "")
            )
            if tok.dep_ == "poss":
                self._owned(tok)  # "the group's leaders", "the country's intelligence service"

    def _pair(self, tok: Token, lefts: list[Token]) -> bool:
        """ "the two rivals", "both sides": a reference to two actors (``text`` the noun)."""
        if tok.lower_ not in self.desc.pair_nouns or self.occ[tok.i]:
            return False
        two = any(t.lower_ == "two" and t.dep_ == "nummod" for t in lefts)
        both = any(t.lower_ == "both" and t.dep_ in ("det", "predet", "amod") for t in lefts)
        if not (two or both) or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
            return False
        start = min([t.i for t in lefts if t.lower_ in ("the", "two", "both")] + [tok.i])
        if not self.free(start, tok.i + 1):
            return False
        self.add(Cue(start, tok.i + 1, "pair", (), tok.lower_))
        return True

    def _title_references(self) -> None:
        """ "the foreign minister", "the army chief": an office with no name beside it, resolved
        to the one person of the article given that office (``text`` the office)."""
        doc, office = self.doc, self.desc.office_words
        for tok in doc:
            if (
                self.occ[tok.i]
                or tok.pos_ != "NOUN"
                or tok.lower_
                not in self.desc.titles
                | {
                    "minister",
                    "secretary",
                    "chief",
                    "envoy",
                    "ambassador",
                    "spokesman",
                    "spokeswoman",
                }
            ):
                continue
            lefts = list(tok.lefts)
            if not lefts or lefts[0].lower_ != "the":
                continue
            if any(t.lower_ not in office for t in doc[lefts[0].i + 1 : tok.i]):
                continue
            if any(
                c.dep_ in ("appos", "compound", "flat") and c.i > tok.i for c in tok.children
            ) or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                continue  # "the foreign minister, Sergei Lavrov": the name is there
            if not self.free(lefts[0].i + 1, tok.i + 1):
                continue
            title = " ".join(t.lower_ for t in doc[lefts[0].i + 1 : tok.i + 1])
            self.add(Cue(lefts[0].i + 1, tok.i + 1, "title_ref", (), title))

    def _generics(self) -> None:
        """ "Islamist militants", "pro-government militias", "coalition forces", "protesters":
        an actor without a name (``label`` its type, ``text`` the phrase, ``ids`` a country)."""
        desc, doc = self.desc, self.doc
        for tok in doc:
            if self.occ[tok.i] or tok.pos_ not in _NOUNS or tok.lower_ not in desc.generic_heads:
                continue
            if tok.tag_ not in ("NNS", "NNPS") and tok.lower_ not in (
                "police",
                "personnel",
                "opposition",
                "aircraft",
            ):
                continue
            if tok.pos_ == "PROPN" and in_longer_name(tok):
                continue  # "Joint Forces" in "Combined Joint Forces Land Component Command"
            start = tok.i
            while start > 0 and not self.occ[start - 1]:
                prev = doc[start - 1]
                inside = start - 1 < prev.head.i <= tok.i
                if inside and (
                    prev.dep_ in ("amod", "compound", "nmod", "npadvmod", "cc", "conj", "punct")
                    or prev.text in ("-", "\u2011")
                ):
                    start -= 1
                else:
                    break
            while start < tok.i and (doc[start].dep_ == "cc" or doc[start].text in ("-",)):
                start += 1
            mods = [t for t in doc[start : tok.i] if t.is_alpha]
            if any(t.lower_ in desc.no_actor_modifiers for t in mods):
                continue
            while start < tok.i and doc[start].lower_ in desc.vague_modifiers:
                start += 1
            meaningful = [t for t in doc[start : tok.i] if t.is_alpha]
            if not meaningful and tok.lower_ not in desc.bare_generic_heads:
                continue
            if start > 0 and doc[start - 1].lower_ == "the" and not meaningful:
                continue  # "the militants": a description of a named actor
            if (
                start > 0
                and doc[start - 1].lower_ == "the"
                and all(t.lower_ in _HOME_MODIFIERS for t in meaningful)
                and desc.generic_heads[tok.lower_] in ("military", "government")
            ):
                # "the federal troops", "the national forces": the article's own state's
                self.add(Cue(start, tok.i + 1, "description", (), tok.lower_, "home"))
                continue
            name = doc[start : tok.i + 1].text
            self.add(Cue(start, tok.i + 1, "generic", (), name, desc.generic_heads[tok.lower_]))

    def _proper_names(self) -> None:
        """A capitalised proper noun no other cue took: perhaps a short form of a name the
        article gives in full elsewhere ("Lashkar" for Lashkar-e-Taiba)."""
        doc = self.doc
        for tok in doc:
            if (
                self.occ[tok.i]
                or tok.pos_ != "PROPN"
                or not tok.is_title
                or len(tok.text) < 4
                or tok.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "EVENT")
            ):
                continue
            self.add(Cue(tok.i, tok.i + 1, "proper", (), tok.text))

    def _pronouns(self) -> None:
        desc = self.desc
        forms = desc.singular_pronouns | desc.plural_pronouns | desc.person_pronouns
        for tok in self.doc:
            if self.occ[tok.i] or tok.lower_ not in forms or tok.tag_ not in ("PRP", "PRP$"):
                continue
            if tok.lower_ == "it" and (
                tok.dep_ == "expl"
                or (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in desc.pleonastic_verbs)
            ):
                continue
            self.add(Cue(tok.i, tok.i + 1, "pronoun", (), tok.lower_))
            if tok.tag_ == "PRP$" and tok.dep_ == "poss":
                self._owned(tok)


def _of_noun(tok: Token) -> bool:
    """Whether ``tok`` is an "of" phrase with a noun object ("of experts", not "of killing")."""
    return tok.dep_ == "prep" and tok.lower_ == "of" and any(c.dep_ == "pobj" for c in tok.children)


def office_before(sent: Doc, start: int, office: frozenset[str]) -> str:
    """The office written before a name ("Field Marshal", "Foreign Minister"), lower case."""
    k = start
    while k > 0 and start - k < 6 and sent[k - 1].lower_ in office:
        k -= 1
    while k < start and sent[k].lower_ in ("the", "of"):
        k += 1
    return " ".join(t.lower_ for t in sent[k:start])


def body_of(gaz: Gazetteer, desc: Descriptors, country: str, category: str) -> str:
    """The actor a country's category noun names: <country>.military, .government, or the
    country's main intelligence agency."""
    if category == "intelligence":
        agency = desc.main_intelligence.get(country)
        if agency and agency in gaz.actors:
            return agency
        return f"{country}.government"
    return f"{country}.{category}"


def _effective(tok: Token) -> Token:
    """The first conjunct of a coordination ("Iranian and [Syrian] forces" -> "Iranian")."""
    steps = 0
    while tok.dep_ == "conj" and tok.head is not tok and steps < 8:
        tok = tok.head
        steps += 1
    return tok


def _left_edge(noun: Token) -> int:
    """Start of a noun with its compound and adjective modifiers (no determiner)."""
    start = noun.i
    for t in reversed(list(noun.lefts)):
        if t.i == start - 1 and t.dep_ in _MODIFIER_DEPS:
            start = t.i
        else:
            break
    return start


# -- the spaCy component ------------------------------------------------------------------------------
@Language.factory(
    "dyads_actor_cues",
    requires=["doc.ents", "token.dep", "token.tag", "token.lemma", "doc._.dyads_gaz"],
    assigns=["doc._.dyads_cues"],
)
def make_actor_cues(nlp: Language, name: str) -> ActorCues:
    return ActorCues(nlp, name)


class ActorCues(GazetteerComponent):
    """Computes each sentence's cues inside ``nlp.pipe`` (attach the gazetteer with ``set_gazetteer``)."""

    def __call__(self, doc: Doc) -> Doc:
        if self.gazetteer is not None and self.tables is not None:
            doc._.dyads_cues = sentence_cues(doc, self.gazetteer, self.tables, self.desc)
        return doc
