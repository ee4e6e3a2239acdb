"""``dyads ask "QUESTION"``: plain-English questions routed to the analysis functions.

Routing is by pattern, never by guess: each pattern in :data:`ROUTES` names an intent and the
actor slots it fills; the slots go through the same resolver as every command
(:func:`~dyads.analysis.queries.resolve_actor`). A question no pattern matches gets a one-line
answer naming what ``ask`` knows (:data:`KNOWN`); a name the store does not know raises
:class:`~dyads.errors.UnknownActor`, as the commands do.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

from dyads.analysis.graph import most_supported, shortest_paths, top_actors
from dyads.analysis.leverage import leverage
from dyads.analysis.queries import dyad, leaders, resolve_actor
from dyads.analysis.results import as_data
from dyads.analysis.rollup import load_hierarchy
from dyads.analysis.supporters import supported_by, supporters
from dyads.analysis.text import (
    dyad_lines,
    leader_lines,
    leverage_lines,
    n_of,
    path_lines,
    support_lines,
)
from dyads.analysis.timefilter import NO_FILTER, TimeFilter
from dyads.errors import UnknownActor
from dyads.store import Store

KNOWN = (
    "I can only answer questions like: Who supports X? Whom does X support? Who leads X? "
    "What ties A to B? How is A connected to B? How much leverage does A have over B? "
    "Who are the most central actors? (commands: supporters, supported-by, leaders, dyad, path, "
    "leverage, top)"
)

_SUPPORT_VERBS = {
    "support": None,
    "supports": None,
    "supported": None,
    "supporting": None,
    "back": None,
    "backs": None,
    "backed": None,
    "backing": None,
    "sponsor": None,
    "sponsors": None,
    "sponsored": None,
    "help": None,
    "helps": None,
    "helped": None,
    "aid": None,
    "aids": None,
    "aided": None,
    "is behind": None,
    "stands behind": None,
    "arm": "weapons",
    "arms": "weapons",
    "armed": "weapons",
    "arming": "weapons",
    "equip": "weapons",
    "equips": "weapons",
    "equipped": "weapons",
    "supply": "weapons",
    "supplies": "weapons",
    "supplied": "weapons",
    "fund": "funding",
    "funds": "funding",
    "funded": "funding",
    "funding": "funding",
    "finance": "funding",
    "finances": "funding",
    "financed": "funding",
    "bankrolls": "funding",
    "train": "training",
    "trains": "training",
    "trained": "training",
    "training": "training",
    "shelter": "sanctuary",
    "shelters": "sanctuary",
    "sheltered": "sanctuary",
    "harbour": "sanctuary",
    "harbours": "sanctuary",
    "harbor": "sanctuary",
    "harbors": "sanctuary",
    "hosts": "sanctuary",
}
_SV = "|".join(sorted((re.escape(v) for v in _SUPPORT_VERBS), key=len, reverse=True))
_POWER = r"(?:influence|leverage|sway|control|power|clout|hold)"

#: (intent, pattern). Named groups: x (one actor), a and b (a pair), verb.
ROUTES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (intent, re.compile(p, re.IGNORECASE))
    for intent, p in (
        (
            "leverage",
            rf"^(?:how much|what|what kind of|how strong an?|how much of an?) {_POWER} (?:does|do|did|can|could) (?P<a>.+?) (?:still )?(?:have|wield|exert|hold|retain|keep|enjoy|command)(?: still)? (?:over|on|with|in) (?P<b>.+)$",
        ),
        (
            "leverage",
            rf"^(?:does|do|can|could) (?P<a>.+?) (?:still )?(?:control|influence|sway|command|have (?:any |much )?{_POWER} (?:over|on)) (?P<b>.+)$",
        ),
        (
            "leverage",
            r"^how (?:much|strongly|far) (?:does|do|can) (?P<a>.+?) (?:influence|control|sway) (?P<b>.+)$",
        ),
        ("leverage", rf"^(?:the )?{_POWER} of (?P<a>.+?) (?:over|on) (?P<b>.+)$"),
        (
            "top",
            r"^(?:who|which actors?|what actors?) (?:are|is) (?:the )?most (?:central|important|connected|influential|powerful)(?: actors?)?$",
        ),
        (
            "top",
            r"^(?:who|which groups?|what groups?) (?:are|is) (?:the )?most (?:supported|backed)(?: groups?)?$",
        ),
        (
            "supported_by",
            rf"^(?:who|whom|what|which (?:groups?|actors?|countries|states|governments)) (?:does|do|did|is|has) (?P<x>.+?) (?:still )?(?P<verb>{_SV})$",
        ),
        (
            "supporters",
            rf"^(?:who|which (?:countries|states|actors|governments|groups)|what (?:countries|states|actors)) (?:still |else )?(?P<verb>{_SV}) (?P<x>.+)$",
        ),
        (
            "supporters",
            r"^(?:who|what|which) (?:are|is) (?:the )?(?:main |key )?(?:supporters|backers|patrons|sponsors|allies) of (?P<x>.+)$",
        ),
        ("supporters", r"^who is (?:supporting|backing|arming|funding|behind) (?P<x>.+)$"),
        (
            "leaders",
            r"^who (?:leads|heads|commands|runs|led|headed|commanded|ran|is leading|is in charge of|founded and leads) (?P<x>.+)$",
        ),
        (
            "leaders",
            r"^who (?:is|was|are|were) (?:the )?(?:leaders?|heads?|commanders?|chiefs?) of (?P<x>.+)$",
        ),
        (
            "dyad",
            r"^what (?:ties|links|connects|binds|relates) (?P<a>.+?) (?:to|and|with) (?P<b>.+)$",
        ),
        (
            "dyad",
            r"^what (?:is|are) the (?:relationship|relationships|relations|ties|links|connections?) between (?P<a>.+?) and (?P<b>.+)$",
        ),
        ("dyad", r"^(?:how do|how does) (?P<a>.+?) (?:relate to|deal with) (?P<b>.+)$"),
        (
            "path",
            r"^how (?:is|are|was|were) (?P<a>.+?) (?:connected|linked|tied|related) (?:to|with) (?P<b>.+)$",
        ),
        (
            "path",
            r"^(?:what is the )?(?:shortest )?path (?:from|between) (?P<a>.+?) (?:to|and) (?P<b>.+)$",
        ),
    )
)

_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s? (?P<noun>[\w -]+)$")
_OWN_BODIES = {
    "army": "military",
    "military": "military",
    "armed forces": "military",
    "forces": "military",
    "troops": "military",
    "generals": "military",
    "government": "government",
    "leaders": "government",
    "leadership": "government",
    "rulers": "government",
}
_INTEL = {
    "intelligence",
    "intelligence agency",
    "intelligence service",
    "spy agency",
    "spies",
    "spymasters",
}


@dataclass(frozen=True)
class Answer:
    """A question's answer: the lines to print, the command that gives more, and the record of
    the function it was routed to (``result``: a :class:`~dyads.analysis.results.Support`,
    ``Leaders``, ``Leverage``, ``Dyad``; for a path, ``{"dyad": Dyad, "path": Paths}``; for top,
    ``{"central": [...], "supported": [...]}``)."""

    question: str
    routed: bool
    intent: str | None
    command: str | None
    lines: tuple[str, ...]
    result: Any = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "routed": self.routed,
            "intent": self.intent,
            "command": self.command,
            "answer": list(self.lines),
            "notes": list(self.notes),
            "result": as_data(self.result),
        }


_MONTHS = "|".join(calendar.month_name[1:] + calendar.month_abbr[1:])
#: A date as a question writes it: 2015, 2023-03, 2024-02-15, 1990s, "the 1990s", "March 2023".
_QDATE = rf"(?:the )?(?:\d{{3}}0s|\d{{4}}(?:-\d{{2}}(?:-\d{{2}})?)?|(?:{_MONTHS})\.? \d{{4}})"
#: Time phrases at the end of a question, and the --since/--until/--as-of they stand for.
_TIME_PHRASES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(p, re.IGNORECASE), fields)
    for p, fields in (
        (rf"\s+between (?P<a>{_QDATE}) and (?P<b>{_QDATE})$", ("since", "until")),
        (rf"\s+(?:since|after|from) (?P<a>{_QDATE})(?: on)?$", ("since",)),
        (rf"\s+(?:until|till|before|up to|through) (?P<a>{_QDATE})$", ("until",)),
        (rf"\s+as of (?P<a>{_QDATE})$", ("as_of",)),
        (rf"\s+(?:in|during) (?P<a>{_QDATE})$", ("since+until",)),
    )
)


def _iso(phrase: str) -> str:
    """2015, 1990s, 2023-03 as they are; "March 2023" as 2023-03."""
    phrase = re.sub(r"^the ", "", phrase.strip(), flags=re.IGNORECASE)
    m = re.match(r"^([A-Za-z]+)\.? (\d{4})$", phrase)
    if not m:
        return phrase
    names = [n.lower() for n in calendar.month_name]
    abbrs = [n.lower() for n in calendar.month_abbr]
    word = m.group(1).lower()
    month = names.index(word) if word in names else abbrs.index(word)
    return f"{m.group(2)}-{month:02d}"


def question_time(question: str) -> tuple[str, dict[str, str]]:
    """The question without its time phrase, and the filter the phrase names.

    >>> question_time("Who supports the Houthis since 2015?")
    ('Who supports the Houthis', {'since': '2015'})
    >>> question_time("Who backed the Taliban in the 1990s")
    ('Who backed the Taliban', {'since': '1990s', 'until': '1990s'})
    """
    q = re.sub(r"\s+", " ", question.strip()).rstrip("?.! ").strip()
    for pat, fields in _TIME_PHRASES:
        m = pat.search(q)
        if not m:
            continue
        dates = [_iso(m.group("a"))] + ([_iso(m.group("b"))] if "b" in m.groupdict() else [])
        if fields == ("since+until",):
            return q[: m.start()], {"since": dates[0], "until": dates[0]}
        return q[: m.start()], dict(zip(fields, dates, strict=True))
    return q, {}


def route(question: str) -> tuple[str, dict[str, str]] | None:
    """The intent and the raw slots of ``question``, or None if no pattern matches."""
    q = re.sub(r"\s+", " ", question.strip()).rstrip("?.! ").strip()
    q = re.sub(r"^(?:and |so |but |tell me |please )", "", q, flags=re.IGNORECASE)
    for intent, pat in ROUTES:
        m = pat.match(q)
        if m:
            return intent, {k: v.strip() for k, v in m.groupdict().items() if v}
    return None


def resolve_phrase(store: Store, phrase: str) -> tuple[str, str | None]:
    """The actor id a noun phrase names, and a note if it was read loosely.

    Tries the phrase as a name, then "X's army/government/intelligence" (the body of X), then
    "X's <anything>" read as X itself (noted, so the reader sees it).
    """
    phrase = re.sub(r"^(?:the|a|an) ", "", phrase.strip(), flags=re.IGNORECASE)
    phrase = re.sub(r"\s+(?:today|now|still|these days|nowadays)$", "", phrase, flags=re.IGNORECASE)
    try:
        return resolve_actor(store, phrase), None
    except UnknownActor:
        m = _POSSESSIVE.match(phrase)
        if not m:
            raise
    owner_id = resolve_actor(store, re.sub(r"^(?:the) ", "", m.group("owner"), flags=re.IGNORECASE))
    noun = m.group("noun").lower().strip()
    hier = load_hierarchy(store)
    top = hier.top(owner_id)
    if noun in _OWN_BODIES:
        body = f"{top}.{_OWN_BODIES[noun]}"
        if store.query("SELECT id FROM actors WHERE id = ?", [body]):
            return body, None
    if noun in _INTEL:
        rows = store.query("SELECT id FROM actors WHERE type = 'intelligence_agency' ORDER BY id")
        for r in rows:
            if top in hier.chain(r["id"]):
                return str(r["id"]), None
    return owner_id, f"read {phrase!r} as {owner_id!r}"


def ask(
    store: Store,
    question: str,
    *,
    time: TimeFilter = NO_FILTER,
    roll_up: bool = True,
    evidence: int = 2,
) -> Answer:
    """Answer ``question`` from the store, with the evidence sentences; see the module docstring.

    A time phrase at the end of the question ("since 2015", "in the 1990s", "between 2010 and
    2015", "as of March 2023") filters the evidence as ``--since/--until/--as-of`` do; ``time``
    given by the caller wins over it.
    """
    bare, asked = question_time(question)
    if asked:
        time = TimeFilter(
            since=time.since or asked.get("since"),
            until=time.until or asked.get("until"),
            as_of=time.as_of or asked.get("as_of"),
        )
    routed = route(bare)
    if routed is None:
        return Answer(question, False, None, None, (KNOWN,))
    intent, slots = routed
    notes: list[str] = []

    def actor(slot: str) -> str:
        actor_id, note = resolve_phrase(store, slots[slot])
        if note:
            notes.append(note)
        return actor_id

    ru = "" if roll_up else " --no-roll-up"
    ru += "".join(
        f" --{flag} {value}"
        for flag, value in (("since", time.since), ("until", time.until), ("as-of", time.as_of))
        if value
    )
    res: Any
    lines: list[str]
    if intent in ("supporters", "supported_by"):
        x = actor("x")
        kind = _SUPPORT_VERBS.get(slots.get("verb", "").lower())
        fn = supporters if intent == "supporters" else supported_by
        res = fn(store, x, roll_up=roll_up, time=time, kind=kind, evidence=evidence)
        cmd = f"dyads {'supporters' if intent == 'supporters' else 'supported-by'} {x}{ru}" + (
            f" --kind {kind}" if kind else ""
        )
        lines = support_lines(res, evidence)
    elif intent == "leaders":
        x = actor("x")
        res = leaders(store, x, roll_up=roll_up, time=time)
        cmd = f"dyads leaders {x}{ru}"
        lines = leader_lines(res, evidence)
    elif intent == "leverage":
        a, b = actor("a"), actor("b")
        res = leverage(store, a, b, time=time)
        cmd = f"dyads leverage {a} {b}"
        lines = leverage_lines(res, evidence)
    elif intent == "dyad":
        a, b = actor("a"), actor("b")
        d = dyad(store, a, b, roll_up=roll_up, time=time)
        res = d
        cmd = f"dyads dyad {a} {b}{ru}"
        lines = dyad_lines(d, evidence)
        if not d.groups:
            p = shortest_paths(store, a, b, roll_up=roll_up, time=time, k=1)
            res = {"dyad": d, "path": p}
            cmd += f"; dyads path {a} {b}{ru}"
            lines += path_lines(p)
    elif intent == "path":
        a, b = actor("a"), actor("b")
        d = dyad(store, a, b, roll_up=roll_up, time=time)
        p = shortest_paths(store, a, b, roll_up=roll_up, time=time)
        res = {"dyad": d, "path": p}
        cmd = f"dyads path {a} {b}{ru}"
        lines = (dyad_lines(d, evidence) if d.groups else []) + path_lines(p)
    else:  # top
        central = top_actors(store, time=time, roll_up=roll_up)
        supported = most_supported(store, time=time, roll_up=roll_up)
        res = {"central": central, "supported": supported}
        cmd = f"dyads top{ru}"
        lines = [
            "Most connected: "
            + ", ".join(f"{r.name} ({r.degree} partners)" for r in central[:5])
            + "."
        ]
        if supported:
            lines.append(
                "Most supported groups: "
                + ", ".join(
                    f"{r.name} ({n_of(r.n_stories)}, {n_of(r.n_supporters, 'supporter')})"
                    for r in supported[:5]
                )
                + "."
            )
    return Answer(question, True, intent, cmd, tuple(lines), res, tuple(notes))
