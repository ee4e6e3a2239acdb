"""The gazetteer entity ruler: a spaCy component that finds every known actor name in a sentence.

Two ``PhraseMatcher``s are compiled once per (gazetteer, vocab) and cached on the gazetteer:
names, aliases and demonyms match on ``LOWER``; acronyms, capitals and seats on ``ORTH``
(case-sensitively). The longest match wins; a match overrides the small model's entity label
(it tags some towns as PERSON and cities as ORG), except that a country, demonym or capital
inside a longer named entity ("Port Sudan", "Sudan Liberation Movement") leaves the entity alone
unless the rest of the entity only names a body of that country ("Iranian Foreign Ministry").

The selected matches are stored on ``doc._.dyads_gaz`` as ``GazMatch`` tuples.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dyads.actors.descriptors import Descriptors, load_descriptors
from dyads.actors.gazetteer import Gazetteer, iter_names

__all__ = ["GazMatch", "GazetteerTables", "find_matches", "tables_for", "COUNTRYISH"]

#: match kinds, strongest first: on the same span an alias beats a capital beats a demonym
KINDS = ("alias", "acronym", "seat", "capital", "demonym")
#: kinds that name a country (or its capital) rather than a specific body
COUNTRYISH = frozenset({"state", "capital", "demonym"})
#: named-entity labels whose span may hold a country name as part of a longer name
_NAME_LABELS = frozenset(
    {"ORG", "PERSON", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "NORP"}
)

if not Doc.has_extension("dyads_gaz"):
    Doc.set_extension("dyads_gaz", default=None)


class GazMatch(NamedTuple):
    start: int  # token span in the sentence
    end: int
    kind: str  # alias, acronym, seat, capital, demonym; "state" for an alias naming only states
    ids: tuple[str, ...]  # actor ids (country ids for capital/demonym, targets for seats)


@dataclass
class GazetteerTables:
    vocab: Vocab
    lower: PhraseMatcher
    orth: PhraseMatcher
    keys: dict[int, tuple[str, str]]  # matcher key -> (kind, id)
    cased: dict[int, bool]  # matcher key -> pattern contains an uppercase letter


def _is_acronym(name: str) -> bool:
    """All-capital short names ("DRC", "U.S.") are matched case-sensitively."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _spellings(name: str) -> list[str]:
    """A name as written with a straight and a curly apostrophe ("Da'esh", "Da’esh")."""
    out = [name]
    if "'" in name:
        out.append(name.replace("'", "\u2019"))
    if "\u2019" in name:
        out.append(name.replace("\u2019", "'"))
    return out


def _patterns(gaz: Gazetteer) -> Iterator[tuple[str, str, str, str]]:
    """(matcher, kind, id, text) for every name the gazetteer can be matched by."""
    for actor in gaz.actors.values():
        generated_name = gaz.generated.get(actor.id)
        for written in iter_names(actor):
            if actor.id in gaz.countries or written != generated_name:
                for name in _spellings(written):
                    yield ("orth" if _is_acronym(name) else "lower"), "alias", actor.id, name
        for acronym in actor.acronyms:
            yield "orth", "acronym", actor.id, acronym
    for country in gaz.countries.values():
        for demonym in country.demonyms:
            yield "lower", "demonym", country.id, demonym
        if country.capital:
            yield "orth", "capital", country.id, country.capital
        for seat, target in country.seats:
            yield "orth", "seat", target, seat


def tables_for(gaz: Gazetteer, vocab: Vocab, make_doc: object) -> GazetteerTables:
    """The compiled matchers for ``gaz`` on ``vocab`` (built once, then cached on ``gaz``)."""
    cached = gaz.cache.get("tables")
    if isinstance(cached, GazetteerTables) and cached.vocab is vocab:
        return cached
    lower = PhraseMatcher(vocab, attr="LOWER")
    orth = PhraseMatcher(vocab, attr="ORTH")
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for which, kind, aid, text in _patterns(gaz):
        grouped.setdefault((which, kind, aid), []).append(text)
    keys: dict[int, tuple[str, str]] = {}
    cased: dict[int, bool] = {}
    tokenizer = make_doc  # a callable str -> Doc (the pipeline's tokenizer)
    for (which, kind, aid), texts in grouped.items():
        for flag in (True, False):
            chosen = [t for t in dict.fromkeys(texts) if any(c.isupper() for c in t) == flag]
            if not chosen:
                continue
            label = f"{kind}|{aid}|{int(flag)}"
            key = vocab.strings.add(label)
            keys[key] = (kind, aid)
            cased[key] = flag
            docs = [tokenizer(t) for t in chosen]  # type: ignore[operator]
            (orth if which == "orth" else lower).add(label, docs)
    tables = GazetteerTables(vocab, lower, orth, keys, cased)
    gaz.cache["tables"] = tables
    return tables


def find_matches(
    doc: Doc, gaz: Gazetteer, tables: GazetteerTables, desc: Descriptors
) -> tuple[GazMatch, ...]:
    """The selected (longest, non-overlapping) gazetteer matches of a sentence."""
    text_is_cased = any(c.isupper() for c in doc.text)
    spans: dict[tuple[int, int], dict[str, list[str]]] = {}
    for matcher in (tables.lower, tables.orth):
        for key, start, end in matcher(doc):
            kind, aid = tables.keys[key]
            if (
                tables.cased[key]
                and text_is_cased
                and not any(c.isupper() for c in doc[start:end].text)
            ):
                continue  # "turkey", "chad": a capitalised name written in lower case is a word
            spans.setdefault((start, end), {}).setdefault(kind, []).append(aid)
    if not spans:
        return ()
    chosen: list[GazMatch] = []
    taken = bytearray(len(doc))
    for (start, end), by_kind in sorted(spans.items(), key=lambda s: (s[0][0] - s[0][1], s[0][0])):
        if any(taken[start:end]):
            continue
        kind = next(k for k in KINDS if k in by_kind)
        ids = tuple(sorted(set(by_kind[kind])))
        if kind == "alias" and all(gaz.actors[i].type == "state" for i in ids):
            kind = "state"
        chosen.append(GazMatch(start, end, kind, ids))
        taken[start:end] = b"\x01" * (end - start)
    chosen.sort()
    return tuple(_yield_to_entities(doc, chosen, desc, gaz))


def _yield_to_entities(
    doc: Doc, matches: list[GazMatch], desc: Descriptors, gaz: Gazetteer
) -> Iterator[GazMatch]:
    """Drop a country-ish match that is only part of a longer named entity, and a name that is
    only part of a longer one ("National Security Council", "Sudanese Congress Party")."""
    ents = [e for e in doc.ents if e.label_ in _NAME_LABELS]
    if not ents:
        yield from matches
        return
    ent_at: dict[int, Span] = {}
    for ent in ents:
        for i in range(ent.start, ent.end):
            ent_at[i] = ent
    covered: set[int] = {i for m in matches for i in range(m.start, m.end)}
    demonym_at = {m.end: m for m in matches if m.kind == "demonym" and len(m.ids) == 1}
    for m in matches:
        found = ent_at.get(m.start)
        if m.kind in ("alias", "acronym") and _inside_longer_name(doc, m, ent_at, covered, desc):
            continue  # "National Security Council" is not the UN Security Council
        before = demonym_at.get(m.start)
        if (
            m.kind == "alias"
            and before is not None
            and found is not None
            and found.start <= before.start
            and len(m.ids) == 1
            and gaz.actors[m.ids[0]].country not in (None, gaz.actors[before.ids[0]].country)
        ):
            continue  # "Sudanese Congress Party" is not India's Congress party
        if (
            m.kind in COUNTRYISH
            and found is not None
            and found.start <= m.start
            and m.end <= found.end
            and (found.end - found.start) > (m.end - m.start)
            and not _rest_names_a_body(doc, found, m, desc)
            and not _is_a_list(found)
        ):
            continue
        yield m


def _inside_longer_name(
    doc: Doc, m: GazMatch, ent_at: dict[int, Span], covered: set[int], desc: Descriptors
) -> bool:
    """Whether a name the gazetteer knows is only part of a longer name the model found: the
    entity around it has a capitalised word right next to it that no other match covers and
    that is no title ("National Security Council", "Syrian Arab Coalition")."""
    ent = ent_at.get(m.start)
    if ent is None or ent.label_ not in ("ORG", "FAC", "EVENT", "LAW", "PRODUCT"):
        return False
    if not (ent.start <= m.start and m.end <= ent.end) or ent.end - ent.start <= m.end - m.start:
        return False
    for k in (m.start - 1, m.end):
        if not (ent.start <= k < ent.end) or k in covered:
            continue
        tok = doc[k]
        if (
            tok.is_alpha
            and tok.is_title
            and tok.lower_ not in _FILLER
            and tok.lower_ not in desc.titles
            and tok.lower_ not in _TITLE_WORDS
        ):
            return True
    return False


def _is_a_list(ent: Span) -> bool:
    """ "Mali, Burkina Faso and Niger" tagged as one entity is a list of names, not one name."""
    return any(t.text == "," or t.dep_ == "cc" for t in ent)


#: words of an office next to a name, which do not make a longer name ("Hezbollah Secretary-General")
_TITLE_WORDS = frozenset(
    "secretary general minister president chief commander spokesman leader deputy head".split()
)
_FILLER = frozenset({"the", "of", "'s", "\u2019s", "-", "'"})


def _rest_names_a_body(doc: Doc, ent: Span, m: GazMatch, desc: Descriptors) -> bool:
    """True when the entity's words besides the match all name a country body."""
    words = [
        t.lower_
        for t in doc[ent.start : ent.end]
        if (t.i < m.start or t.i >= m.end) and t.lower_ not in _FILLER
    ]
    if not words:
        return True
    i = 0
    while i < len(words):
        for k in range(min(desc.max_phrase, len(words) - i), 0, -1):
            if tuple(words[i : i + k]) in desc.phrase_category:
                i += k
                break
        else:
            return False
    return True


# -- the spaCy component ---------------------------------------------------------------------------
@Language.factory(
    "dyads_gazetteer",
    requires=["doc.ents"],
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "doc._.dyads_gaz"],
)
def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    return GazetteerRuler(nlp, name)


_LABELS = {
    "state": "GPE",
    "location": "GPE",
    "person": "PERSON",
    "ethnic_group": "NORP",
}


class GazetteerComponent:
    """Base of our pipeline components that read the gazetteer. The gazetteer is attached with
    ``set_gazetteer`` after ``nlp.add_pipe`` (it is data loaded at run time, not part of the
    model's config)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.gazetteer: Gazetteer | None = None
        self.tables: GazetteerTables | None = None
        self.desc = load_descriptors()

    def set_gazetteer(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.tables = tables_for(gazetteer, self.nlp.vocab, self.nlp.make_doc)


class GazetteerRuler(GazetteerComponent):
    """Finds gazetteer names; sets ``doc._.dyads_gaz`` and overrides ``doc.ents`` with them."""

    def __call__(self, doc: Doc) -> Doc:
        if self.gazetteer is None or self.tables is None:
            return doc
        matches = find_matches(doc, self.gazetteer, self.tables, self.desc)
        doc._.dyads_gaz = matches
        if matches:
            doc.ents = self._entities(doc, matches)
        return doc

    def _entities(self, doc: Doc, matches: tuple[GazMatch, ...]) -> list[Span]:
        assert self.gazetteer is not None
        spans: list[Span] = []
        taken: set[int] = set()
        for m in matches:
            if m.kind == "demonym":
                label = "NORP"
            elif m.kind in ("capital", "state"):
                label = "GPE"
            else:
                label = _LABELS.get(self.gazetteer.actors[m.ids[0]].type, "ORG")
            spans.append(Span(doc, m.start, m.end, label=label, kb_id=m.ids[0]))
            taken.update(range(m.start, m.end))
        for ent in doc.ents:
            if not taken.intersection(range(ent.start, ent.end)):
                spans.append(ent)
        return sorted(spans, key=lambda s: s.start)
