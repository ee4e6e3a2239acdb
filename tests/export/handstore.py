"""A small store written by hand, every id and offset fixed, for the exports' golden files.

It holds what the exports must carry: a hierarchy that rolls up (quds-force -> iran.military ->
iran), a copy of a story, a denial with its attribution, a cue's own PLOVER event (ACCUSE), a
hypothetical claim, a generic actor ("Yemeni militants"), a standing relation (LEADS) and a
document without a date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dyads.store import Store

# id, name, type, country, parent, aliases, generic
ACTORS: list[tuple[str, str, str, str | None, str | None, list[str], bool]] = [
    ("iran", "Iran", "state", "IRN", None, ["Islamic Republic of Iran"], False),
    ("iran.government", "Government of Iran", "government", "IRN", "iran", ["Tehran"], False),
    ("iran.military", "Iranian military", "military", "IRN", "iran", [], False),
    ("quds-force", "Quds Force", "military", "IRN", "iran.military", ["Qods Force"], False),
    ("houthis", "Houthis", "armed_group", "YEM", None, ["Ansar Allah"], False),
    ("saudi-arabia", "Saudi Arabia", "state", "SAU", None, ["Riyadh"], False),
    ("abdul-malik-al-houthi", "Abdul-Malik al-Houthi", "person", "YEM", None, [], False),
    ("yemeni-militants", "Yemeni militants", "armed_group", "YEM", None, [], True),
]

# id: (date, story, outlet, url, sentences)
DOCUMENTS: dict[str, tuple[str | None, str, str | None, str | None, list[str]]] = {
    "d1": (
        "2020-01-05",
        "s1",
        "Harbour Wire",
        "https://wire.example/d1",
        [
            "Iran arms and funds the Houthis.",
            "The Houthis deny it.",
        ],
    ),
    "d1-copy": (
        "2020-01-06",
        "s1",
        "Coast Post",
        None,
        [
            "Iran arms and funds the Houthis.",
        ],
    ),
    "d2": (
        "2021-03-01",
        "s2",
        "Harbour Wire",
        "https://wire.example/d2",
        [
            "The Quds Force reportedly trains Houthi fighters.",
            "Tehran denies arming the Houthis.",
            "Riyadh accuses Iran of meddling in Yemen.",
        ],
    ),
    "d3": (
        None,
        "s3",
        None,
        None,
        [
            "Saudi Arabia has bombed the Houthis since 2015.",
            "Yemeni militants could strike Saudi Arabia.",
            "Abdul-Malik al-Houthi leads the Houthis.",
        ],
    ),
}

# (doc, sentence, text, actor)
MENTIONS: list[tuple[str, int, str, str]] = [
    ("d1", 0, "Iran", "iran"),
    ("d1", 0, "Houthis", "houthis"),
    ("d1", 1, "Houthis", "houthis"),
    ("d1-copy", 0, "Iran", "iran"),
    ("d1-copy", 0, "Houthis", "houthis"),
    ("d2", 0, "Quds Force", "quds-force"),
    ("d2", 0, "Houthi fighters", "houthis"),
    ("d2", 1, "Tehran", "iran.government"),
    ("d2", 1, "Houthis", "houthis"),
    ("d2", 2, "Riyadh", "saudi-arabia"),
    ("d2", 2, "Iran", "iran"),
    ("d3", 0, "Saudi Arabia", "saudi-arabia"),
    ("d3", 0, "Houthis", "houthis"),
    ("d3", 1, "Yemeni militants", "yemeni-militants"),
    ("d3", 1, "Saudi Arabia", "saudi-arabia"),
    ("d3", 2, "Abdul-Malik al-Houthi", "abdul-malik-al-houthi"),
    ("d3", 2, "Houthis", "houthis"),
]

# id, doc, sentence, source, source mention, relation, target, target mention, extra columns
RELATIONS: list[tuple[str, str, int, str, str, str, str, str, dict[str, Any]]] = [
    ("c-arms", "d1", 0, "iran", "Iran", "SUPPORTS", "houthis", "the Houthis",
     {"kinds": ["weapons", "funding"], "confidence": 0.75 * 0.75, "cue": "arm", "event": "AID"}),
    ("c-arms-copy", "d1-copy", 0, "iran", "Iran", "SUPPORTS", "houthis", "the Houthis",
     {"kinds": ["weapons", "funding"], "confidence": 0.5625, "cue": "arm", "event": "AID"}),
    ("c-train", "d2", 0, "quds-force", "The Quds Force", "SUPPORTS", "houthis", "Houthi fighters",
     {"kinds": ["training"], "modality": "reported", "confidence": 0.6, "cue": "train",
      "event": "AID"}),
    ("c-deny", "d2", 1, "iran.government", "Tehran", "SUPPORTS", "houthis", "the Houthis",
     {"kinds": ["weapons"], "modality": "believed", "polarity": "denied",
      "attributed_to": "iran.government", "confidence": 0.7, "cue": "arm", "event": "AID"}),
    ("c-accuse", "d2", 2, "saudi-arabia", "Riyadh", "OPPOSES", "iran", "Iran",
     {"modality": "believed", "attributed_to": "saudi-arabia", "confidence": 0.65,
      "cue": "accuse", "event": "ACCUSE", "event_mode": "disapprove"}),
    ("c-bomb", "d3", 0, "saudi-arabia", "Saudi Arabia", "ATTACKS", "houthis", "the Houthis",
     {"date": "2015", "confidence": 0.8, "cue": "bomb", "event": "ASSAULT"}),
    ("c-strike", "d3", 1, "yemeni-militants", "Yemeni militants", "ATTACKS",
     "saudi-arabia", "Saudi Arabia",
     {"modality": "hypothetical", "confidence": 0.4, "cue": "strike", "event": "ASSAULT"}),
    ("c-lead", "d3", 2, "abdul-malik-al-houthi", "Abdul-Malik al-Houthi", "LEADS", "houthis",
     "the Houthis", {"role": "leader", "confidence": 0.9, "cue": "lead"}),
]  # fmt: skip


def make_store(path: Path) -> Path:
    """The store above, written to ``path``."""
    with Store(path) as store:
        con = store.con
        for aid, name, typ, country, parent, aliases, generic in ACTORS:
            con.execute(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    aid,
                    name,
                    typ,
                    country,
                    parent,
                    aliases,
                    "text" if generic else "gazetteer",
                    generic,
                ],
            )
        spans: dict[tuple[str, int], tuple[int, int, str]] = {}
        for did, (date, story, outlet, url, sentences) in DOCUMENTS.items():
            text, pos = "", 0
            for idx, sentence in enumerate(sentences):
                start = pos + (1 if idx else 0)
                text += (" " if idx else "") + sentence
                pos = start + len(sentence)
                spans[(did, idx)] = (start, pos, sentence)
                con.execute(
                    "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)", [did, idx, start, pos, sentence]
                )
            con.execute(
                "INSERT INTO documents (id, path, url, title, date, outlet, story_id, n_sentences, "
                "n_chars, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [did, f"news/{did}.txt", url, f"Title {did}", date, outlet, story,
                 len(sentences), len(text), text],
            )  # fmt: skip
        for did, idx, mention, actor in MENTIONS:
            start, _, sentence = spans[(did, idx)]
            at = start + sentence.index(mention)
            con.execute(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, 'gazetteer')",
                [did, idx, at, at + len(mention), mention, actor],
            )
        for rid, did, idx, src, src_m, relation, tgt, tgt_m, extra in RELATIONS:
            start, end, sentence = spans[(did, idx)]
            row: dict[str, Any] = {
                "id": rid,
                "relation": relation,
                "source_id": src,
                "source_mention": src_m,
                "target_id": tgt,
                "target_mention": tgt_m,
                "kinds": [],
                "modality": "asserted",
                "polarity": "affirmed",
                "doc_id": did,
                "sentence": idx,
                "start": start,
                "end": end,
                "evidence": sentence,
            } | extra
            cols = ", ".join(f'"{c}"' for c in row)
            con.execute(
                f"INSERT INTO relations ({cols}) VALUES ({', '.join('?' for _ in row)})",
                list(row.values()),
            )
    return path
