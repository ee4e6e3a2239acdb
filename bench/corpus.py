"""A synthetic news corpus with known stories: originals and the copies scrapers make of them.

``make_corpus(n_docs, seed, sample_dir)`` yields dicts ``{"id", "text", "story", "kind"}`` in
arrival order: a story's original always arrives before its copies, which arrive later, mixed
with other stories. ``kind`` is one of

- ``original``: a new article (paragraphs of sentences about a cast of actors and a place);
- ``unrelated``: a new article on the same topic as an earlier one (same cast and place,
  different sentences): its own story, the hard case for precision;
- ``shuffled``: a copy with all sentences shuffled and new paragraph breaks;
- ``partial``: a copy of 50-90% of the original's paragraphs, sometimes shuffled;
- ``inserted``: a copy with one to three paragraphs of another article inserted;
- ``mangled``: a shuffled copy with drop-cap damage, glued sentences, mojibake, hard wraps and
  boilerplate lines.

Sentences come from templates with dense slots, and, when ``sample_dir`` holds articles
(``.txt``/``.md`` files or ``.jsonl`` with a ``text`` field), from their sentences with names
and numbers replaced. Everything is derived from ``seed``: the same call gives the same corpus.

    python bench/corpus.py 5 --seed 1      # print five documents
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

KINDS = ("original", "unrelated", "shuffled", "partial", "inserted", "mangled")
# Share of each kind in the stream (copies need a live story; the first document is original).
MIX = {
    "original": 0.30,
    "unrelated": 0.10,
    "shuffled": 0.20,
    "partial": 0.12,
    "inserted": 0.12,
    "mangled": 0.16,
}
LIVE_STORIES = 3000  # copies are made of one of the most recent stories

_SYL = [
    "ka",
    "bo",
    "ra",
    "mu",
    "ti",
    "za",
    "ne",
    "lo",
    "shi",
    "da",
    "gu",
    "ve",
    "ma",
    "ri",
    "to",
    "an",
    "el",
    "or",
    "ul",
    "ba",
    "ke",
    "si",
    "wa",
    "ho",
    "mi",
    "ja",
    "pe",
    "lu",
    "qa",
    "dra",
]
_FIRST = [
    "Amina",
    "Joseph",
    "Hassan",
    "Maria",
    "Idris",
    "Grace",
    "Viktor",
    "Leila",
    "Samuel",
    "Fatima",
    "Omar",
    "Elena",
    "Tariq",
    "Nadia",
    "Pierre",
    "Aisha",
    "Dmitri",
    "Zainab",
    "Juan",
    "Chen",
    "Kofi",
    "Salma",
    "Yusuf",
    "Irina",
    "Abdel",
    "Ngozi",
    "Ahmed",
    "Olena",
    "Jean-Claude",
    "Thandiwe",
    "Rashid",
    "José",
    "Zoë",
    "André",
]
_ROLES = [
    "spokesman",
    "spokeswoman",
    "commander",
    "defence minister",
    "foreign minister",
    "deputy leader",
    "chief of staff",
    "senior adviser",
    "regional governor",
    "envoy",
    "military governor",
    "intelligence chief",
    "party secretary",
    "head of operations",
]
_GROUP = [
    "Liberation Front",
    "Defence Forces",
    "Patriotic Movement",
    "Revolutionary Army",
    "People's Militia",
    "Resistance Council",
    "National Guard",
    "Freedom Brigades",
    "Unity Alliance",
    "Popular Front",
    "Self-Defence Units",
    "Islamic Movement",
    "Democratic Forces",
    "Salvation Council",
    "Republican Guard",
]
_OUTLETS = [
    "Reuters",
    "the BBC",
    "Al Jazeera",
    "AFP",
    "local radio",
    "state television",
    "The Associated Press",
    "a local newspaper",
    "Radio Okapi",
    "journalists",
]
_SOURCES = [
    "officials said",
    "witnesses said",
    "a UN report found",
    "analysts said",
    "according to a leaked memo",
    "diplomats said",
    "residents told reporters",
    "the group said in a statement",
    "security sources said",
    "local officials said",
]
_ATTACK = [
    "attacked",
    "shelled",
    "overran",
    "ambushed",
    "raided",
    "besieged",
    "bombed",
    "seized",
    "stormed",
    "struck",
]
_SUPPORT = ["supplied", "sent", "provided", "smuggled", "delivered", "promised", "financed"]
_KINDS = [
    "weapons",
    "ammunition",
    "drones",
    "cash",
    "fuel",
    "military advisers",
    "training",
    "intelligence",
    "medical supplies",
    "armoured vehicles",
    "rocket launchers",
    "fighters",
]
_TARGETS = [
    "a police station",
    "an army base",
    "the main market",
    "a refugee camp",
    "the airport",
    "a convoy",
    "the border post",
    "a checkpoint",
    "government offices",
    "a mining site",
    "the port",
    "a military hospital",
    "the radio station",
]
_VICTIMS = [
    "civilians",
    "soldiers",
    "police officers",
    "fighters",
    "aid workers",
    "villagers",
    "people",
    "militiamen",
    "children",
    "miners",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ABSTRACT = [
    "ceasefire",
    "peace talks",
    "sanctions",
    "the election",
    "the offensive",
    "the blockade",
    "the referendum",
    "the amnesty",
    "the withdrawal",
    "the truce",
    "the mining deal",
    "the power-sharing agreement",
    "the curfew",
]
_TEMPLATES = [
    "{A} {attack} {target} in {P} on {day}, killing {n} {victims}, {source}.",
    "{A} {support} {kind} to {B} through {P2} in {month} {year}, {source}.",
    "{person}, {the_role} of {A}, told {outlet} that {B} had {support} {kind} to the {group} since {year}.",
    "{A} denied {support_ing} {kind} to {B}, calling the accusation {adj}.",
    "The {group} said it had {attack} {target} near {P} after {B} broke {abstract}.",
    "At least {n} {victims} were killed when {A} {attack} {target} outside {P} early on {day}.",
    "{person} accused {A} of {support_ing} {kind} and {kind2} to {B} in defiance of {abstract}.",
    "Talks on {abstract} between {A} and {B} collapsed in {P2} on {day}, {source}.",
    "{A} and {B} agreed in {month} to cooperate against the {group} along the border with {P2}.",
    "A {the_role_bare} of {A} said {n} of its {victims} had been captured by {B} near {P}.",
    "Since {year}, {A} has trained about {n0} {victims} of the {group} at camps in {P2}.",
    "{B} has controlled much of {P} since {month} {year}, when it {attack} {target}.",
    "The {org} warned that fighting between {A} and {B} had displaced {n0} {victims} around {P}.",
    "{person} met {person2} in {P2} on {day} to discuss {abstract} and the fate of {n} {victims}.",
    "Satellite images showed {n} {kind} moving from {P2} towards {P} in late {month}.",
    "The {org} imposed {abstract_bare} on {n} commanders of {A} it accused of {attack_ing} {target}.",
    "{B} said on {day} it would join {abstract} only if {A} withdrew from {P}.",
    "Officials in {P2} said {A} had paid {B} ${n} million for {kind} between {year} and {year2}.",
    "He added that {B} would not attend {abstract} while {A} remained in {P}.",
    "However, {A} insisted that its forces in {P} had only {attack} {target} in self-defence.",
    "The move follows months of clashes between {A} and {B} over {target_bare} in {P}.",
    "They said {n} {victims} from {P} were still missing after the attack on {target}.",
    "{person}’s office said {A} would review its support for {B} after the {month} killings.",
    "In {month} {year}, a UN panel of experts reported that {A} {support} {kind} to {B}.",
    "The {group} of {P} split in {year}, and one faction now fights alongside {A}.",
    "Its fighters were seen in {P} and {P2} in {month}, {source}.",
    "Analysts say {A} sees {B} as a buffer against the {group} on its border with {P2}.",
    "Residents of {P} said fighters of {B} had looted {target} and burned {n} homes.",
    "The café owner in {P} said the {group} had demanded payment every {day} since {year}.",
]
_DEPENDENT = ("He ", "However", "The move", "They ", "Its ")
_LEADS = [t for t in _TEMPLATES if not t.startswith(_DEPENDENT)]
_ADJ = ["baseless", "absurd", "a fabrication", "politically motivated", "false", "slander"]
_ORGS = [
    "United Nations",
    "African Union",
    "European Union",
    "Red Cross",
    "UN Security Council",
    "regional bloc",
    "International Crisis Group",
    "Human Rights Watch",
    "World Food Programme",
]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


@dataclass
class _Cast:
    actors: list[str]
    people: list[str]
    places: list[str]
    group: str


@dataclass
class _Story:
    label: str
    cast: _Cast
    paragraphs: list[list[str]]


class _Writer:
    def __init__(self, rng: random.Random, sample_sentences: list[str]) -> None:
        self.rng = rng
        self.samples = sample_sentences

    def cast(self) -> _Cast:
        r = self.rng
        country = _name(r, r.choice((2, 3)))
        places = [_name(r, r.choice((2, 3, 4))) for _ in range(4)]
        actors = [
            f"the {country}n army",
            f"the {_name(r, 2)} {r.choice(_GROUP)}",
            f"{r.choice(('the M', 'the F', 'the A', 'the U'))}{r.randint(2, 99)} rebels",
            f"the government of {_name(r, 3)}",
            f"{_name(r, 2).upper()[:4]} militia",
            f"the {places[0]} {r.choice(_GROUP)}",
        ]
        people = [f"{r.choice(_FIRST)} {_name(r, r.choice((2, 3)))}" for _ in range(4)]
        return _Cast(actors, people, places, r.choice(_GROUP))

    def sentence(self, cast: _Cast, focus: list[str]) -> str:
        """One sentence; ``focus`` holds the actors of the sentence before (updated)."""
        r = self.rng
        first = not focus
        if self.samples and not first and r.random() < 0.3:
            return self._from_sample(cast)
        # Keep actors of the previous sentence most of the time: written text is cohesive.
        a = r.choice(focus) if focus and r.random() < 0.8 else r.choice(cast.actors)
        others = [x for x in (focus if focus and r.random() < 0.5 else cast.actors) if x != a]
        b = r.choice(others or [x for x in cast.actors if x != a])
        focus[:] = [a, b]
        person, person2 = r.sample(cast.people, 2)
        year = r.randint(2005, 2024)
        slots = {
            "A": a,
            "B": b,
            "P": cast.places[0] if r.random() < 0.6 else r.choice(cast.places),
            "P2": r.choice(cast.places[1:]),
            "person": person,
            "person2": person2,
            "the_role": f"the {r.choice(_ROLES)}",
            "the_role_bare": r.choice(_ROLES),
            "outlet": r.choice(_OUTLETS),
            "source": r.choice(_SOURCES),
            "attack": r.choice(_ATTACK),
            "attack_ing": r.choice(_ATTACK)[:-2] + "ing",
            "support": r.choice(_SUPPORT),
            "support_ing": r.choice(_SUPPORT).rstrip("ed").rstrip("e") + "ing",
            "kind": r.choice(_KINDS),
            "kind2": r.choice(_KINDS),
            "target": r.choice(_TARGETS),
            "target_bare": r.choice(_TARGETS).split(" ", 1)[1],
            "victims": r.choice(_VICTIMS),
            "n": r.randint(2, 95),
            "n0": r.choice((100, 250, 400, 1200, 3000, 15000, 40000)) + r.randint(0, 99),
            "day": r.choice(_DAYS),
            "month": r.choice(_MONTHS),
            "year": year,
            "year2": year + r.randint(1, 4),
            "group": cast.group,
            "abstract": r.choice(_ABSTRACT),
            "abstract_bare": r.choice(_ABSTRACT).removeprefix("the "),
            "adj": r.choice(_ADJ),
            "org": r.choice(_ORGS),
        }
        # An article never opens with a sentence that needs one before it ("He added...").
        text = r.choice(_LEADS if first else _TEMPLATES).format(**slots)
        return text[0].upper() + text[1:]

    def _from_sample(self, cast: _Cast) -> str:
        r = self.rng
        s = r.choice(self.samples)
        s = re.sub(r"\d+", lambda m: str(r.randint(2, 2024)), s)
        names = cast.actors + cast.people + cast.places
        return re.sub(r"(?<=\s)[A-Z][a-z]+(?: [A-Z][a-z]+)*", lambda m: r.choice(names), s)

    def article(self, cast: _Cast) -> list[list[str]]:
        r = self.rng
        focus: list[str] = []
        return [
            [self.sentence(cast, focus) for _ in range(r.randint(1, 4))]
            for _ in range(r.randint(4, 9))
        ]


def _render(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs)


def _regroup(rng: random.Random, sentences: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    i = 0
    while i < len(sentences):
        k = rng.randint(1, 4)
        out.append(sentences[i : i + k])
        i += k
    return out


_DROPCAP = "ĪīŌōĀĒŪĬ"
_BOILER = [
    "Share on Facebook",
    "Share this article",
    "Advertisement",
    "Read more: {t}",
    "Facebook Twitter WhatsApp Email",
    "Related: {t}",
    "Sign up for our daily newsletter",
    "Click here to subscribe",
    "© 2024 Some Outlet. All rights reserved.",
]


def _mangle(rng: random.Random, paragraphs: list[list[str]]) -> str:
    """Damage a copy the way scrapers and content farms do."""
    out: list[str] = []
    for para in paragraphs:
        sents = list(para)
        first = sents[0]
        if first[:1].isalpha() and first[:1].isupper() and rng.random() < 0.5:
            first = (rng.choice(_DROPCAP) if rng.random() < 0.85 else "") + first[1:]
        sents[0] = first
        text = sents[0]
        for s in sents[1:]:
            text += ("" if rng.random() < 0.3 else " ") + s  # glued sentences
        if rng.random() < 0.3:
            text = text.replace("’", "â€™").replace("é", "Ã©").replace("ë", "Ã«")
        if rng.random() < 0.2:  # a hard wrap inside a sentence
            cut = [m.start() for m in re.finditer(r" (?=[a-z])", text)]
            if cut:
                c = rng.choice(cut)
                text = text[:c] + "\n" + text[c + 1 :]
        out.append(text)
        if rng.random() < 0.2:
            out.append(rng.choice(_BOILER).format(t=_name(rng, 3) + " rebels regroup"))
    return "\n\n".join(out)


def _read_samples(sample_dir: str | Path | None) -> list[str]:
    if not sample_dir or not Path(sample_dir).is_dir():
        return []
    texts: list[str] = []
    for path in sorted(Path(sample_dir).rglob("*")):
        if path.suffix in (".txt", ".md"):
            texts.append(path.read_text("utf-8", errors="replace"))
        elif path.suffix == ".jsonl":
            for line in path.read_text("utf-8", errors="replace").splitlines():
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                    texts.append(rec["text"])
    sentences: list[str] = []
    for text in texts:
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
            s = " ".join(s.split())
            if 40 <= len(s) <= 300 and s[-1] in ".!?":
                sentences.append(s)
    return sentences


def make_corpus(
    n_docs: int, seed: int = 0, sample_dir: str | Path | None = None
) -> Iterator[dict[str, str]]:
    """Yield ``n_docs`` documents ``{"id", "text", "story", "kind"}`` (see the module docstring)."""
    rng = random.Random(seed)
    writer = _Writer(rng, _read_samples(sample_dir))
    live: deque[_Story] = deque(maxlen=LIVE_STORIES)
    kinds = list(MIX)
    weights = [MIX[k] for k in kinds]
    n_stories = 0
    for i in range(n_docs):
        kind = rng.choices(kinds, weights)[0] if live else "original"
        doc_id = f"doc{seed}-{i:07d}"
        if kind in ("original", "unrelated"):
            cast = writer.cast() if kind == "original" else rng.choice(live).cast
            story = _Story(f"story{seed}-{n_stories:07d}", cast, writer.article(cast))
            n_stories += 1
            live.append(story)
            yield {
                "id": doc_id,
                "text": _render(story.paragraphs),
                "story": story.label,
                "kind": kind,
            }
            continue
        story = rng.choice(live)
        sentences = [s for p in story.paragraphs for s in p]
        if kind == "shuffled":
            rng.shuffle(sentences)
            text = _render(_regroup(rng, sentences))
        elif kind == "partial":
            paras = story.paragraphs
            k = max(1, round(len(paras) * rng.uniform(0.5, 0.9)))
            start = rng.randint(0, len(paras) - k)
            part = [s for p in paras[start : start + k] for s in p]
            if rng.random() < 0.5:
                rng.shuffle(part)
            text = _render(_regroup(rng, part))
        elif kind == "inserted":
            other = writer.article(writer.cast())
            paras = [list(p) for p in story.paragraphs]
            for p in rng.sample(other, k=min(len(other), rng.randint(1, 3))):
                paras.insert(rng.randint(0, len(paras)), p)
            text = _render(paras)
        else:  # mangled
            rng.shuffle(sentences)
            text = _mangle(rng, _regroup(rng, sentences))
        yield {"id": doc_id, "text": text, "story": story.label, "kind": kind}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n_docs", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--samples", default=None, help="folder of sample articles")
    args = parser.parse_args()
    for doc in make_corpus(args.n_docs, args.seed, args.samples):
        print(json.dumps(doc, ensure_ascii=False))


if __name__ == "__main__":
    main()
