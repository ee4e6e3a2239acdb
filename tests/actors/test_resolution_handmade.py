"""Each document-level resolution rule on spaCy Docs built by hand (tests/handdoc.py): the
sentences are ours, the tables the parses the rule reads, so these tests check our logic and not
the statistical model. Every ``resolve.*`` rule of ``dyads rules`` has a case here, and
``bench/rule_ablation.py`` checks that switching it off makes its case fail.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dyads.actors import ActorResolver, load_gazetteer
from dyads.relations.rules import all_rule_names

from ..handdoc import _disabled, doc, edges, resolve

Found = tuple[int, str, str, str]  # (sentence, text, actor id, rule)

CASES: dict[str, tuple[list[str], list[str], set[Found]]] = {
    "resolve.short_form": (
        ["Lashkar-e-Taiba attacked Mumbai in 2008.", "Lashkar denied any role."],
        [
            """
    Lashkar   Lashkar      PROPN NNP   5 nsubj     B-ORG
    -         =            PUNCT HYPH  0 punct     I-ORG
    e         =            PROPN NNP   0 nummod    I-ORG
    -         =            PROPN NNP   5 nsubj     I-ORG
    Taiba     Taiba        PROPN NNP   5 nsubj     I-ORG
    attacked  attack       VERB  VBD   5 ROOT
    Mumbai    Mumbai       PROPN NNP   5 dobj      B-GPE
    in        =            ADP   IN    5 prep
    2008      =            NUM   CD    7 pobj      B-DATE
    .         =            PUNCT .     5 punct
""",
            """
    Lashkar  Lashkar      PROPN NNP   1 nsubj     B-PERSON
    denied   deny         VERB  VBD   1 ROOT
    any      =            DET   DT    3 det
    role     =            NOUN  NN    1 dobj
    .        =            PUNCT .     1 punct
""",
        ],
        {(1, "Lashkar", "lashkar-e-taiba", "short_form")},
    ),
    "resolve.home_state": (
        [
            "Lebanon's government met Hezbollah.",
            "Lebanon fears a war with Israel.",
            "Beirut wants Hezbollah disarmed.",
            "The army deployed south.",
        ],
        [
            """
    Lebanon     Lebanon      PROPN NNP   2 poss      B-ORG
    's          =            PART  POS   0 case      I-ORG
    government  =            NOUN  NN    3 nsubj     I-ORG
    met         meet         VERB  VBD   3 ROOT
    Hezbollah   Hezbollah    PROPN NNP   3 dobj      B-ORG
    .           =            PUNCT .     3 punct
""",
            """
    Lebanon  Lebanon      PROPN NNP   1 nsubj     B-GPE
    fears    fear         VERB  VBZ   1 ROOT
    a        =            DET   DT    3 det
    war      =            NOUN  NN    1 dobj
    with     =            ADP   IN    3 prep
    Israel   Israel       PROPN NNP   4 pobj      B-GPE
    .        =            PUNCT .     1 punct
""",
            """
    Beirut     Beirut       PROPN NNP   1 nsubj     B-GPE
    wants      want         VERB  VBZ   1 ROOT
    Hezbollah  Hezbollah    PROPN NNP   3 nsubj     B-ORG
    disarmed   disarm       VERB  VBD   1 ccomp
    .          =            PUNCT .     1 punct
""",
            """
    The       =            DET   DT    1 det
    army      =            NOUN  NN    2 nsubj
    deployed  deploy       VERB  VBD   2 ROOT
    south     =            ADV   RB    2 advmod
    .         =            PUNCT .     2 punct
""",
        ],
        {(3, "army", "lebanon.military", "home_state")},
    ),
    "resolve.title": (
        [
            "Foreign Minister Sergei Lavrov criticised the plan.",
            "The foreign minister said Moscow would respond.",
        ],
        [
            """
    Foreign     Foreign      PROPN NNP   1 compound
    Minister    Minister     PROPN NNP   3 compound
    Sergei      Sergei       PROPN NNP   3 compound  B-PERSON
    Lavrov      Lavrov       PROPN NNP   4 nsubj     I-PERSON
    criticised  criticise    VERB  VBD   4 ROOT
    the         =            DET   DT    6 det
    plan        =            NOUN  NN    4 dobj
    .           =            PUNCT .     4 punct
""",
            """
    The       =            DET   DT    2 det
    foreign   =            ADJ   JJ    2 amod
    minister  =            NOUN  NN    3 nsubj
    said      say          VERB  VBD   3 ROOT
    Moscow    Moscow       PROPN NNP   6 nsubj     B-GPE
    would     =            AUX   MD    6 aux
    respond   =            VERB  VB    3 ccomp
    .         =            PUNCT .     3 punct
""",
        ],
        {(1, "foreign minister", "sergei-lavrov", "title")},
    ),
    "resolve.discourse_pronoun": (
        ["Al-Shabaab attacked Mogadishu.", "Al-Shabaab also raided Kismayo.", "It controls Jilib."],
        [
            """
    Al         Al           PROPN NNP   2 compound  B-ORG
    -          =            PUNCT HYPH  2 punct     I-ORG
    Shabaab    Shabaab      PROPN NNP   3 nsubj     I-ORG
    attacked   attack       VERB  VBD   3 ROOT
    Mogadishu  Mogadishu    PROPN NNP   3 dobj      B-GPE
    .          =            PUNCT .     3 punct
""",
            """
    Al       Al           PROPN NNP   2 compound  B-ORG
    -        =            PUNCT HYPH  2 punct     I-ORG
    Shabaab  Shabaab      PROPN NNP   4 nsubj     I-ORG
    also     =            ADV   RB    4 advmod
    raided   raid         VERB  VBD   4 ROOT
    Kismayo  Kismayo      PROPN NNP   4 dobj      B-PERSON
    .        =            PUNCT .     4 punct
""",
            """
    It        =            PRON  PRP   1 nsubj
    controls  control      VERB  VBZ   1 ROOT
    Jilib     Jilib        PROPN NNP   1 dobj      B-PERSON
    .         =            PUNCT .     1 punct
""",
        ],
        {(2, "It", "al-shabaab", "discourse_pronoun")},
    ),
    "resolve.pair.local": (
        [
            "Boko Haram and ISWAP attack army bases, and the two jihadist factions also fight each other."
        ],
        [
            """
    Boko      Boko         PROPN NNP   1 compound  B-ORG
    Haram     Haram        PROPN NNP  14 nsubj     I-ORG
    and       =            CCONJ CC    1 cc
    ISWAP     ISWAP        PROPN NNP   6 compound  B-ORG
    attack    =            NOUN  NN    5 compound
    army      =            NOUN  NN    6 compound
    bases     basis        NOUN  NNS   1 conj
    ,         =            PUNCT ,     1 punct
    and       =            CCONJ CC    1 cc
    the       =            DET   DT   12 det
    two       =            NUM   CD   12 nummod    B-CARDINAL
    jihadist  =            NOUN  NN   12 compound  B-NORP
    factions  faction      NOUN  NNS   1 conj
    also      =            ADV   RB   14 advmod
    fight     =            VERB  VBP  14 ROOT
    each      =            DET   DT   16 det
    other     =            ADJ   JJ   14 dobj
    .         =            PUNCT .    14 punct"""
        ],
        {
            (0, "the two jihadist factions", "boko-haram", "pair"),
            (0, "the two jihadist factions", "iswap", "pair"),
        },
    ),
    "resolve.pair": (
        [
            "The Sudanese army fought the RSF.",
            "The RSF shelled the Sudanese army.",
            "The Sudanese army bombed the RSF.",
            "The two rivals met in Jeddah.",
        ],
        [
            """
    The       =            DET   DT    2 det
    Sudanese  =            ADJ   JJ    2 amod      B-ORG
    army      =            NOUN  NN    3 nsubj     I-ORG
    fought    fight        VERB  VBD   3 ROOT
    the       =            DET   DT    5 det
    RSF       RSF          PROPN NNP   3 dobj      B-ORG
    .         =            PUNCT .     3 punct
""",
            """
    The       =            DET   DT    1 det
    RSF       RSF          PROPN NNP   2 nsubj     B-ORG
    shelled   shell        VERB  VBD   2 ROOT
    the       =            DET   DT    5 det
    Sudanese  =            ADJ   JJ    5 amod      B-ORG
    army      =            NOUN  NN    2 dobj      I-ORG
    .         =            PUNCT .     2 punct
""",
            """
    The       =            DET   DT    2 det
    Sudanese  =            ADJ   JJ    2 amod      B-ORG
    army      =            NOUN  NN    3 nsubj     I-ORG
    bombed    bomb         VERB  VBD   3 ROOT
    the       =            DET   DT    5 det
    RSF       RSF          PROPN NNP   3 dobj      B-ORG
    .         =            PUNCT .     3 punct
""",
            """
    The     =            DET   DT    2 det
    two     =            NUM   CD    2 nummod    B-CARDINAL
    rivals  rival        NOUN  NNS   3 nsubj
    met     meet         VERB  VBD   3 ROOT
    in      =            ADP   IN    3 prep
    Jeddah  Jeddah       PROPN NNP   4 pobj      B-GPE
    .       =            PUNCT .     3 punct
""",
        ],
        {(3, "The two rivals", "rsf", "pair"), (3, "The two rivals", "sudan.military", "pair")},
    ),
    "resolve.generic": (
        ["Islamist militants attacked Mali's army."],
        [
            """
    Islamist   =            ADJ   JJ    1 amod      B-NORP
    militants  militant     NOUN  NNS   2 nsubj
    attacked   attack       VERB  VBD   2 ROOT
    Mali       Mali         PROPN NNP   5 poss      B-ORG
    's         =            PART  POS   3 case      I-ORG
    army       =            NOUN  NN    2 dobj      I-ORG
    .          =            PUNCT .     2 punct
""",
        ],
        {(0, "Islamist militants", "islamist-militants", "generic")},
    ),
    "resolve.owner": (
        ["Hamas says its fighters attacked Israel."],
        [
            """
    Hamas     Hamas        PROPN NNP   1 nsubj     B-ORG
    says      say          VERB  VBZ   1 ROOT
    its       =            PRON  PRP$  3 poss
    fighters  fighter      NOUN  NNS   4 nsubj
    attacked  attack       VERB  VBD   1 ccomp
    Israel    Israel       PROPN NNP   4 dobj      B-GPE
    .         =            PUNCT .     1 punct
""",
        ],
        {(0, "fighters", "hamas", "part")},
    ),
    "resolve.country_generic": (
        [
            "The Houthis attacked a ship.",
            "The Houthis also fired at Israel.",
            "Yemeni rebels seized a tanker.",
        ],
        [
            """
    The       =            DET   DT    1 det
    Houthis   Houthis      PROPN NNP   2 nsubj     B-ORG
    attacked  attack       VERB  VBD   2 ROOT
    a         =            DET   DT    4 det
    ship      =            NOUN  NN    2 dobj
    .         =            PUNCT .     2 punct
""",
            """
    The      =            DET   DT    1 det
    Houthis  Houthis      PROPN NNP   3 nsubj     B-ORG
    also     =            ADV   RB    3 advmod
    fired    fire         VERB  VBD   3 ROOT
    at       =            ADP   IN    3 prep
    Israel   Israel       PROPN NNP   4 pobj      B-GPE
    .        =            PUNCT .     3 punct
""",
            """
    Yemeni  =            ADJ   JJ    1 amod      B-NORP
    rebels  rebel        NOUN  NNS   2 nsubj
    seized  seize        VERB  VBD   2 ROOT
    a       =            DET   DT    4 det
    tanker  =            NOUN  NN    2 dobj
    .       =            PUNCT .     2 punct
""",
        ],
        {(2, "Yemeni rebels", "houthis", "description")},
    ),
    "resolve.apposition": (
        ["The ADF, a militia founded in Uganda, attacked Beni."],
        [
            """
    The       =            DET   DT    1 det
    ADF       ADF          PROPN NNP   9 nsubj     B-ORG
    ,         =            PUNCT ,     1 punct
    a         =            DET   DT    4 det
    militia   =            NOUN  NN    1 appos
    founded   found        VERB  VBN   4 acl
    in        =            ADP   IN    5 prep
    Uganda    Uganda       PROPN NNP   6 pobj      B-GPE
    ,         =            PUNCT ,     1 punct
    attacked  attack       VERB  VBD   9 ROOT
    Beni      Beni         PROPN NNP   9 dobj      B-PERSON
    .         =            PUNCT .     9 punct
""",
        ],
        {(0, "a militia", "adf", "apposition")},
    ),
    "resolve.unique_antecedent": (
        ["Saudi Arabia has been hostile to the Houthis since they took Sanaa."],
        [
            """
    Saudi    Saudi        PROPN NNP   1 compound  B-GPE
    Arabia   Arabia       PROPN NNP   3 nsubj     I-GPE
    has      have         AUX   VBZ   3 aux
    been     be           AUX   VBN   3 ROOT
    hostile  =            ADJ   JJ    3 acomp
    to       =            ADP   IN    4 prep
    the      =            DET   DT    7 det
    Houthis  Houthis      PROPN NNP   5 pobj      B-ORG
    since    =            SCONJ IN   10 mark
    they     =            PRON  PRP  10 nsubj
    took     take         VERB  VBD   3 advcl
    Sanaa    Sanaa        PROPN NNP  10 dobj      B-PERSON
    .        =            PUNCT .     3 punct
""",
        ],
        {(0, "they", "houthis", "pronoun")},
    ),
    "resolve.defined_acronym": (
        ["The North Kivu Liberation Movement (NKLM) took Goma.", "The NKLM later retreated."],
        [
            """
    The         =            DET   DT    4 det       B-ORG
    North       North        PROPN NNP   2 compound  I-ORG
    Kivu        Kivu         PROPN NNP   4 compound  I-ORG
    Liberation  Liberation   PROPN NNP   4 compound  I-ORG
    Movement    Movement     PROPN NNP   8 nsubj     I-ORG
    (           =            PUNCT -LRB-  4 punct
    NKLM        NKLM         PROPN NNP   4 appos     B-ORG
    )           =            PUNCT -RRB-  4 punct
    took        take         VERB  VBD   8 ROOT
    Goma        Goma         PROPN NNP   8 dobj      B-PERSON
    .           =            PUNCT .     8 punct
""",
            """
    The        =            DET   DT    1 det
    NKLM       NKLM         PROPN NNP   3 nsubj     B-ORG
    later      =            ADV   RB    3 advmod
    retreated  retreat      VERB  VBD   3 ROOT
    .          =            PUNCT .     3 punct
""",
        ],
        {(1, "NKLM", "north-kivu-liberation-movement", "defined_acronym")},
    ),
    "resolve.ambiguous": (
        [
            "The Justice and Equality Movement attacked El Fasher.",
            "JEM later withdrew from Darfur.",
        ],
        [
            """
    The       =            DET   DT    4 det
    Justice   Justice      PROPN NNP   4 nmod      B-ORG
    and       =            CCONJ CC    1 cc        I-ORG
    Equality  Equality     PROPN NNP   1 conj      I-ORG
    Movement  Movement     PROPN NNP   5 nsubj     I-ORG
    attacked  attack       VERB  VBD   5 ROOT
    El        El           PROPN NNP   7 compound  B-ORG
    Fasher    Fasher       PROPN NNP   5 dobj      I-ORG
    .         =            PUNCT .     5 punct
""",
            """
    JEM       JEM          PROPN NNP   2 nsubj     B-ORG
    later     =            ADV   RB    2 advmod
    withdrew  withdraw     VERB  VBD   2 ROOT
    from      =            ADP   IN    2 prep
    Darfur    Darfur       PROPN NNP   3 pobj      B-GPE
    .         =            PUNCT .     2 punct
""",
        ],
        {(1, "JEM", "jem", "acronym")},
    ),
    "resolve.description": (
        ["Al-Shabaab attacked Mogadishu.", "The group later withdrew."],
        [
            """
    Al         Al           PROPN NNP   2 compound  B-ORG
    -          =            PUNCT HYPH  2 punct     I-ORG
    Shabaab    Shabaab      PROPN NNP   3 nsubj     I-ORG
    attacked   attack       VERB  VBD   3 ROOT
    Mogadishu  Mogadishu    PROPN NNP   3 dobj      B-GPE
    .          =            PUNCT .     3 punct
""",
            """
    The       =            DET   DT    1 det
    group     =            NOUN  NN    3 nsubj
    later     =            ADV   RB    3 advmod
    withdrew  withdraw     VERB  VBD   3 ROOT
    .         =            PUNCT .     3 punct
""",
        ],
        {(1, "group", "al-shabaab", "description")},
    ),
    "resolve.pronoun": (
        ["Iran says it will arm the Houthis."],
        [
            """
    Iran     Iran         PROPN NNP   1 nsubj     B-GPE
    says     say          VERB  VBZ   1 ROOT
    it       =            PRON  PRP   4 nsubj
    will     =            AUX   MD    4 aux
    arm      =            VERB  VB    1 ccomp
    the      =            DET   DT    6 det
    Houthis  Houthis      PROPN NNP   4 dobj      B-ORG
    .        =            PUNCT .     1 punct
""",
        ],
        {(0, "it", "iran", "pronoun")},
    ),
    "resolve.surname": (
        ["Mohammed Ali Haidari met the envoy of Iraq.", "Haidari said the militia had disbanded."],
        [
            """
    Mohammed  Mohammed     PROPN NNP   2 compound  B-PERSON
    Ali       Ali          PROPN NNP   2 compound  I-PERSON
    Haidari   Haidari      PROPN NNP   3 nsubj     I-PERSON
    met       meet         VERB  VBD   3 ROOT
    the       =            DET   DT    5 det
    envoy     =            NOUN  NN    3 dobj
    of        =            ADP   IN    5 prep
    Iraq      Iraq         PROPN NNP   6 pobj      B-GPE
    .         =            PUNCT .     3 punct
""",
            """
    Haidari    Haidari      PROPN NNP   1 nsubj     B-ORG
    said       say          VERB  VBD   1 ROOT
    the        =            DET   DT    3 det
    militia    =            NOUN  NN    5 nsubj
    had        have         AUX   VBD   5 aux
    disbanded  disband      VERB  VBN   1 ccomp
    .          =            PUNCT .     1 punct
""",
        ],
        {(1, "Haidari", "mohammed-ali-haidari", "surname")},
    ),
}


def _found(tables: list[str]) -> set[Found]:
    return {
        (m.sentence, m.text, m.actor_id, m.rule) for m in resolve([doc(t) for t in tables]).mentions
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_resolution_rule_on_hand_built_docs(name: str) -> None:
    _sentences, tables, expected = CASES[name]
    assert expected <= _found(tables)


@pytest.mark.parametrize(
    "name", ["resolve.discourse_pronoun", "resolve.home_state", "resolve.pair"]
)
def test_resolution_does_not_depend_on_sentence_order(name: str) -> None:
    """The document-level rules read the whole article: shuffled sentences resolve the same."""
    _sentences, tables, expected = CASES[name]
    order = list(range(len(tables)))
    random.Random(3).shuffle(order)
    assert order != sorted(order)
    found = _found([tables[i] for i in order])
    assert {(order[si], text, aid, rule) for si, text, aid, rule in found} >= expected


def test_an_ambiguous_pronoun_stays_unresolved() -> None:
    """Two actors named equally often: "It" after them fits both, so it is left alone."""
    tables = CASES["resolve.discourse_pronoun"][1][:1] + [
        """
    Hezbollah  Hezbollah    PROPN NNP   1 nsubj     B-ORG
    attacked   attack       VERB  VBD   1 ROOT
    Israel     Israel       PROPN NNP   1 dobj      B-GPE
    .          =            PUNCT .     1 punct
""",
        """
    Hezbollah  Hezbollah    PROPN NNP   1 nsubj     B-ORG
    attacked   attack       VERB  VBD   1 ROOT
    Israel     Israel       PROPN NNP   1 dobj      B-GPE
    .          =            PUNCT .     1 punct
""",
        CASES["resolve.discourse_pronoun"][1][1],
        CASES["resolve.discourse_pronoun"][1][2],
    ]
    assert not {f for f in _found(tables) if f[3] == "discourse_pronoun"}


def test_a_shared_name_goes_to_the_actor_the_article_names_otherwise(tmp_path: Path) -> None:
    """resolve.ambiguous: a user gazetteer gives "JEM" to a second actor; the article names the
    Justice and Equality Movement in full, so its "JEM" is that movement."""
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- id: jem-north\n  name: Jebel Marra Front\n  type: armed_group\n  acronyms: [JEM]\n"
    )
    gaz = load_gazetteer([extra])
    resolver = ActorResolver(gaz, disabled_rules=_disabled())
    _sentences, tables, expected = CASES["resolve.ambiguous"]
    sents = [doc(t) for t in tables]
    found = {
        (m.sentence, m.text, m.actor_id)
        for m in resolver.resolve("t", sents, lambda i, a, b: (a, b)).mentions
    }
    assert (1, "JEM", "jem") in found


def test_every_resolution_rule_has_a_hand_built_case() -> None:
    names = {n for n in all_rule_names() if n.startswith("resolve.")}
    assert names <= set(CASES), sorted(names - set(CASES))


def test_both_juntas_are_the_two_governments() -> None:
    """resolve.pair: "both juntas" is two governments (not the states named as often), and each
    is a party of the clause: both expelled French troops."""
    tables = [
        """
    Mali   Mali         PROPN NNP   2 poss      B-ORG
    's     =            PART  POS   0 case      I-ORG
    junta  =            PROPN NNP   7 nsubj     I-ORG
    and    =            CCONJ CC    2 cc
    Niger  Niger        PROPN NNP   6 poss      B-ORG
    's     =            PART  POS   4 case      I-ORG
    junta  =            NOUN  NN    2 conj      I-ORG
    met    meet         VERB  VBD   7 ROOT
    .      =            PUNCT .     7 punct""",
        """
    Mali        Mali         PROPN NNP   2 poss      B-ORG
    's          =            PART  POS   0 case      I-ORG
    government  =            NOUN  NN    3 nsubj     I-ORG
    spoke       speak        VERB  VBD   3 ROOT
    .           =            PUNCT .     3 punct""",
        """
    Niger       Niger        PROPN NNP   2 poss      B-ORG
    's          =            PART  POS   0 case      I-ORG
    government  =            NOUN  NN    3 nsubj     I-ORG
    spoke       speak        VERB  VBD   3 ROOT
    .           =            PUNCT .     3 punct""",
        """
    Both      =            DET   DT    1 det
    juntas    junta        NOUN  NNS   3 nsubj
    have      =            AUX   VBP   3 aux
    expelled  expel        VERB  VBN   3 ROOT
    French    =            ADJ   JJ    5 amod      B-NORP
    troops    troop        NOUN  NNS   3 dobj
    .         =            PUNCT .     3 punct""",
    ]
    assert {
        (3, "Both juntas", "mali.government", "pair"),
        (3, "Both juntas", "niger.government", "pair"),
    } <= _found(tables)
    assert edges(*tables) >= {
        ("mali.government", "OPPOSES", "france.military"),
        ("niger.government", "OPPOSES", "france.military"),
    }


def test_the_federal_troops_are_the_home_state_military() -> None:
    """resolve.home_state: "the federal troops" in an article about Ethiopia are its military
    (not a generic actor), and "Eritrean divisions" are Eritrea's."""
    tables = [
        """
    Ethiopia  Ethiopia     PROPN NNP   2 poss      B-ORG
    's        =            PART  POS   0 case      I-ORG
    army      =            NOUN  NN    3 nsubj     I-ORG
    fought    fight        VERB  VBD   3 ROOT
    the       =            DET   DT    5 det
    TPLF      TPLF         PROPN NNP   3 dobj      B-ORG
    .         =            PUNCT .     3 punct""",
        """
    Ethiopia    Ethiopia     PROPN NNP   2 poss      B-ORG
    's          =            PART  POS   0 case      I-ORG
    government  =            NOUN  NN    3 nsubj     I-ORG
    said        say          VERB  VBD   3 ROOT
    so          =            ADV   RB    3 advmod
    .           =            PUNCT .     3 punct""",
        """
    Eritrean   =            ADJ   JJ    1 amod      B-NORP
    divisions  division     NOUN  NNS   2 nsubj
    crossed    cross        VERB  VBD   2 ROOT
    the        =            DET   DT    4 det
    border     =            NOUN  NN    2 dobj
    to         =            PART  TO    6 aux
    fight      =            VERB  VB    2 advcl
    beside     =            ADP   IN    6 prep
    the        =            DET   DT   10 det
    federal    =            ADJ   JJ   10 amod
    troops     troop        NOUN  NNS   7 pobj
    .          =            PUNCT .     2 punct""",
    ]
    assert (2, "federal troops", "ethiopia.military", "home_state") in _found(tables)
    assert ("eritrea.military", "COOPERATES", "ethiopia.military") in edges(*tables)


def test_fighting_each_other_is_no_cooperation() -> None:
    """verb.each_other: "the two factions fight each other" attacks both ways; the "fight
    alongside" cue needs "alongside each other"."""
    _sentences, tables, _ = CASES["resolve.pair.local"]
    assert edges(*tables) == {
        ("boko-haram", "ATTACKS", "iswap"),
        ("iswap", "ATTACKS", "boko-haram"),
    }


def test_a_word_inside_a_longer_unknown_name_is_no_short_form_nor_generic() -> None:
    """ "Combined Joint Forces Land Component Command": an unknown name the model leaves without
    an entity. "Combined" is no short form of the Combined Joint Task Force the article named, and
    "Joint Forces" no actor without a name: each is part of the longer name."""
    found = _found(
        [
            """
    The       =            DET   DT    4 det       B-ORG
    Combined  Combined     PROPN NNP   4 compound  I-ORG
    Joint     Joint        PROPN NNP   4 compound  I-ORG
    Task      Task         PROPN NNP   4 compound  I-ORG
    Force     Force        PROPN NNP   5 nsubj     I-ORG
    struck    strike       VERB  VBD   5 ROOT
    ISIL      ISIL         PROPN NNP   5 dobj      B-ORG
    .         =            PUNCT .     5 punct
""",
            """
    Gary        Gary         PROPN NNP   1 compound  B-PERSON
    Volesky     Volesky      PROPN NNP  11 nsubj     I-PERSON
    ,           =            PUNCT ,     1 punct
    commander   =            NOUN  NN    1 appos
    ,           =            PUNCT ,     3 punct
    Combined    Combined     PROPN NNP   9 compound
    Joint       Joint        PROPN NNP   7 compound
    Forces      Forces       PROPN NNPS  9 compound
    Land        Land         PROPN NNP   9 compound
    Component   Component    PROPN NNP   9 compound
    Command     Command      PROPN NNP   3 appos
    spoke       speak        VERB  VBD  11 ROOT
    .           =            PUNCT .    11 punct
""",
        ]
    )
    assert {f[1] for f in found if f[0] == 1} == {"Gary Volesky"}
