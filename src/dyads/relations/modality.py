"""Modality, polarity, attribution and dates of a relation cue, read off the dependency parse.

The cue is the token that names the relation (a verb, or the verb governing a relation noun).
We walk from it up to the root of the sentence and collect what frames it: a question mark, a
modal or conditional (hypothetical), a verb of saying or believing (believed, attributed to its
subject), a verb of denial (polarity denied), negation, "reportedly" or "according to" (reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyads.relations.lexicon import Lexicon

#: Precedence when several frames apply: the more cautious reading wins.
MODALITY_RANK = {"asserted": 0, "reported": 1, "believed": 2, "hypothetical": 3, "question": 4}
#: Dependency labels through which a clause is embedded under a verb of saying or denying.
COMPLEMENT_DEPS = frozenset(
    {"ccomp", "xcomp", "pcomp", "advcl", "conj", "dobj", "pobj", "prep", "agent"}
)
#: Modifiers of a noun ("the Quds Force, an elite unit of the IRGC,", "Kataib Hezbollah, founded
#: in 2007 by ...") are the writer's background: the frame of the clause around them stops there.
BACKGROUND_DEPS = frozenset({"appos", "acl", "relcl"})
#: Linking verbs: negation and modals on them frame their predicate noun or adjective.
LINKING = frozenset("be become remain serve act stay".split())
#: Passive verbs of belief with nobody named: hearsay ("is accused of") or belief ("is believed to").
HEARSAY = frozenset("accuse allege report rumor rumour charge".split())
_YEAR = re.compile(r"\b(1[89]\d0s|20\d0s|1[89]\d\d|20\d\d)\b")
_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        start=1,
    )
}


@dataclass(frozen=True)
class Frame:
    modality: str = "asserted"
    polarity: str = "affirmed"
    speaker: Token | None = None  # the token naming who says or believes it
    cue: str | None = None


def _raise(cur: str, new: str) -> str:
    return new if MODALITY_RANK[new] > MODALITY_RANK[cur] else cur


def subject_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.dep_ == "nsubj" or not any(a.dep_ == "agent" for a in verb.children):
                return c
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head)  # "Washington imposed sanctions, accusing Iran of ..."
    return None


def _negated(tok: Token, lex: Lexicon) -> bool:
    neg_words = lex.cue_set("negation_words")
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and c.lower_ in neg_words):
            return True
        if (
            c.dep_ == "advmod"
            and c.lower_ == "longer"
            and any(g.lower_ == "no" for g in c.children)
        ):
            return True
    return False


def frame_of(cue: Token, sent: Span | None, lex: Lexicon, light: Token | None = None) -> Frame:
    """The modality frame around ``cue`` (and ``light``, a verb governing a relation noun)."""
    doc = cue.doc
    modality = "asserted"
    polarity = "affirmed"
    speaker: Token | None = None
    cue_word: str | None = None
    text = doc.text.rstrip(" \"'\u201d)")
    if text.endswith("?"):
        modality = "question"
    aux_modal = lex.cue_set("hypothetical_aux")
    marks = lex.cue_set("hypothetical_marks")
    hypo_verbs = lex.cue_set("hypothetical_verbs")
    neg_verbs = lex.cue_set("negating_verbs")
    belief = lex.cue_set("belief_verbs")
    report = lex.cue_set("report_verbs")
    deny = lex.cue_set("deny_verbs")
    adverbs = lex.cue_set("reported_adverbs")

    negs = 0
    # Negation and modals on the cue itself (and its light verb, and a copula it hangs from).
    local = [cue]
    if light is not None:
        local.append(light)
    if cue.dep_ in ("attr", "acomp", "oprd") and cue.head.lemma_ in LINKING:
        local.append(cue.head)
    for t in local:
        if _negated(t, lex):
            negs += 1
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in aux_modal:
                modality = _raise(modality, "hypothetical")

    node = light if light is not None else cue
    if node.dep_ in ("attr", "acomp", "oprd") and node.head.lemma_ in LINKING:
        node = node.head
    seen_speaker = False
    while True:
        for c in node.children:
            if c.dep_ == "advmod" and c.lower_ in adverbs:
                modality = _raise(modality, "reported")
            if c.dep_ == "mark" and c.lower_ in marks:
                modality = _raise(modality, "hypothetical")
            if c.dep_ == "prep" and c.lemma_ == "accord":
                modality = _raise(modality, "reported")
                for t in c.subtree:
                    if t.dep_ == "pobj" and speaker is None:
                        speaker = t
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in BACKGROUND_DEPS and not _content_of(node, head, lex):
            break
        if node.dep_ == "acl" and _content_of(node, head, lex):
            # "evidence that Rwanda armed the M23", "claims that it armed Fano": the clause is
            # the content of the noun; "no evidence that ..." negates it
            if _negated(head, lex):
                negs += 1
        via = node.dep_
        if via == "ccomp" and head.lemma_ in deny and _trailing_denial(node, head, lex):
            # "Burundi accused Rwanda of ..., a charge Kigali denies": the denial is of the
            # accusation's content, not of the accusation
            break
        if via in COMPLEMENT_DEPS or via == "advcl":
            lemma = head.lemma_
            if lemma in deny and not seen_speaker and via != "conj":
                # ("denied any involvement and warned New Delhi": a coordinated verb is no
                # complement of the denial)
                polarity_flip = True
                negs += 1 if polarity_flip else 0
                modality = _raise(modality, "believed")
                speaker = speaker or subject_of(head)
                seen_speaker = True
                cue_word = lemma
            elif lemma in belief and not seen_speaker and via != "conj":
                modality = _raise(modality, "reported" if lemma in report else "believed")
                sp = subject_of(head)
                if (
                    sp is None
                    or head.tag_ == "VBN"
                    and any(c.dep_ == "nsubjpass" for c in head.children)
                ):
                    # "X is accused of arming Y": nobody named says so
                    sp = _agent(head)
                    if sp is None and lemma in HEARSAY:
                        modality = "reported" if modality == "believed" else modality
                speaker = speaker or sp
                seen_speaker = True
                cue_word = lemma
            elif lemma in hypo_verbs and via in ("xcomp", "ccomp", "prep", "pcomp"):
                modality = _raise(modality, "hypothetical")
            elif lemma in neg_verbs and via in ("xcomp", "pcomp", "prep"):
                negs += 1
            if via == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in marks for c in node.children
            ):
                modality = _raise(modality, "hypothetical")
            if via in ("ccomp", "xcomp") and head.pos_ in ("VERB", "AUX"):
                for c in head.children:
                    if c.dep_ == "aux" and c.lower_ in aux_modal and via == "xcomp":
                        modality = _raise(modality, "hypothetical")
                if via == "xcomp" and _negated(head, lex):
                    negs += 1
        node = head
    if not seen_speaker:
        # "X receives weapons from Y, US officials say": the verb of saying hangs on the claim
        for tok in [cue, *cue.ancestors]:
            for c in tok.children:
                if (
                    c.i > cue.i
                    and c.lemma_ in belief
                    and c.dep_ in ("parataxis", "advcl", "ccomp", "conj")
                    and not any(g.dep_ in ("ccomp", "xcomp", "dobj") for g in c.children)
                ):
                    modality = _raise(modality, "reported" if c.lemma_ in report else "believed")
                    speaker = speaker or subject_of(c)
                    cue_word = c.lemma_
                    seen_speaker = True
                    break
            if seen_speaker:
                break
    if negs % 2 == 1:
        polarity = "denied"
    return Frame(modality, polarity, speaker, cue_word)


def _content_of(clause: Token, noun: Token, lex: Lexicon) -> bool:
    """Whether ``clause`` (an "acl" or "relcl") states the content of a noun of claiming or
    denying ("evidence that ...", "accusations that ...", "denial that ...")."""
    return (
        clause.dep_ == "acl"
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.lemma_.lower() in lex.cue_set("belief_nouns") | lex.cue_set("deny_nouns")
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    )


def _trailing_denial(clause: Token, deny: Token, lex: Lexicon) -> bool:
    """ "X accused Y of ..., a charge Y denies": a deny verb after the clause it denies, with a
    noun of claiming ("charge", "claim") before its subject."""
    if clause.i > deny.i:
        return False
    subj = next((c for c in deny.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    limit = subj.i if subj is not None else deny.i
    return any(
        t.lemma_.lower() in lex.cue_set("belief_nouns")
        for t in clause.doc[clause.right_edge.i + 1 : limit]
    )


def trailing_denier(cue: Token, lex: Lexicon) -> Token | None:
    """The subject of a trailing denial of the clause around ``cue`` ("..., a charge Kigali
    denies"), when ``cue`` is inside the content of a claim (below a verb of claiming)."""
    deny = lex.cue_set("deny_verbs")
    belief = lex.cue_set("belief_verbs")
    node = cue
    claim: Token | None = None
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "ccomp" and head.lemma_ in deny and _trailing_denial(node, head, lex):
            if claim is None or claim.i == cue.i:
                return None
            return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if head.lemma_ in belief and claim is None:
            claim = head
        node = head
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def date_of(cue: Token) -> str | None:
    """A date for the clause of ``cue``: a DATE entity in its subtree, else the sentence's only year."""
    doc = cue.doc
    ents = [e for e in doc.ents if e.label_ == "DATE"]
    if not ents:
        return None
    sub = {t.i for t in cue.subtree}
    best: tuple[int, str] | None = None
    for ent in ents:
        if ent.start in sub:
            d = normalise_date(ent.text)
            if d:
                depth, tok = 0, ent.root
                while tok.i != cue.i and tok.head.i != tok.i and depth < 20:
                    tok, depth = tok.head, depth + 1
                if best is None or depth < best[0]:
                    best = (depth, d)  # the date closest to the cue in the tree
    if best is not None:
        return best[1]
    years = {normalise_date(e.text) for e in ents} - {None}
    if len(years) == 1:
        return years.pop()
    return None


def normalise_date(text: str) -> str | None:
    m = _YEAR.search(text)
    if not m:
        return None
    year = m.group(1)
    if year.endswith("s"):
        return year
    for word in text.lower().replace(",", " ").split():
        if word in _MONTHS:
            return f"{year}-{_MONTHS[word]:02d}"
    return year
