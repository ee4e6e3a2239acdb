"""The read model as plain text: citations, the leverage explanation and ``ask``'s answers.

One place says how a piece of evidence reads in a terminal (``[believed; according to United
Nations; weapons] The M23 rebels were armed ... (Harbour Wire, 2025-02-19, wire.jsonl)``), so the
CLI's commands and ``ask`` print it alike; the web app renders the same records as HTML
(:mod:`dyads.web`). Everything here returns strings and never prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyads.analysis.results import (
        Citation,
        Dyad,
        Leaders,
        Leverage,
        LeverageClaim,
        Paths,
        Support,
    )

__all__ = [
    "cite",
    "explain",
    "n_of",
    "quote",
    "tags",
]


def n_of(count: int, word: str = "story") -> str:
    """``1 story``, ``2 stories``, ``3 supporters``."""
    plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return f"{count} {word if count == 1 else plural}"


def tags(c: Citation, *, denied: bool = True, kinds: bool = True) -> str:
    """What a listing says about a claim before its sentence: modality, DENIED, who said so,
    kinds, the claim's date, ``copy``; joined with ``; ``."""
    out = [c.modality or ""]
    if denied and c.polarity == "denied":
        out.append("DENIED")
    if c.attributed_name:
        out.append(f"according to {c.attributed_name}")
    if kinds and c.kinds:
        out.append("/".join(c.kinds))
    if c.date:
        out.append(str(c.date))
    if c.copy:
        out.append("copy")
    return "; ".join(t for t in out if t)


def cite(c: Citation, *, denied: bool = True, sep: str = "  ") -> str:
    """``[tags] sentence  (outlet, date, path)``: a claim as the query commands list it."""
    return f"[{tags(c, denied=denied)}] {c.evidence}{sep}({c.where})"


def quote(c: Citation, tag: str | None = None) -> str:
    """A claim as ``ask`` quotes it: ``  [modality; DENIED; according to X] "sentence" (where)``."""
    bits = [c.modality or ""]
    if c.polarity == "denied":
        bits.append("DENIED")
    if c.attributed_name:
        bits.append(f"according to {c.attributed_name}")
    if tag:
        bits.insert(0, tag)
    return f'  [{"; ".join(b for b in bits if b)}] "{c.evidence}" ({c.where})'


def explain(result: Leverage) -> tuple[str, ...]:
    """A few lines of plain English explaining a leverage score (the CLI, ``ask``, ``--json``)."""
    from dyads.analysis.leverage import LABELS

    a, b = result.a.name, result.b.name
    lines = [
        f"Leverage of {a} over {b}: {result.score}/100 ({result.level}), "
        f"from {result.n_stories} independent stor{'y' if result.n_stories == 1 else 'ies'}"
        + (", contested" if result.contested else "")
        + (f" ({result.time})" if result.time else "")
        + "."
    ]
    for c in result.components:
        lines.append(
            f"{c.sign} {LABELS.get(c.component, c.component)}: {abs(c.points):.2f} points "
            f"({c.n_stories} stor{'y' if c.n_stories == 1 else 'ies'} x weight {c.weight})"
            + (f", {c.first}" + (f" to {c.last}" if c.last != c.first else "") if c.first else "")
        )
    if result.not_counted:
        lines.append(
            f"not counted: {len(result.not_counted)} hypothetical or questioned claim"
            + ("" if len(result.not_counted) == 1 else "s")
        )
    if not result.components:
        lines.append(f"The store holds no evidence of {a} having leverage over {b}.")
    return tuple(lines)


# -- ask's answers -----------------------------------------------------------------------------
def _kinds(k: Mapping[str, int] | tuple[str, ...]) -> str:
    names = [x for x in k if x != "unspecified"]
    return ", ".join(names) if names else "support of unspecified kind"


def support_lines(res: Support, per: int) -> list[str]:
    name = res.actor.name
    incoming = res.direction == "supporters"
    counted = [r for r in res.rows if r.n_stories]
    if not counted:
        lines = [
            f"The store has no counted evidence of support {'for' if incoming else 'from'} {name}."
        ]
    else:
        who = ", ".join(str(r.name) for r in counted)
        lines = [f"{name} is supported by {who}." if incoming else f"{name} supports {who}."]
    for r in res.rows:
        m = r.modality
        mix = ", ".join(
            f"{k} {getattr(m, k)}" for k in ("asserted", "reported", "believed") if getattr(m, k)
        )
        line = f"- {r.name}: "
        if r.n_stories:
            line += f"{_kinds(r.kinds)}; {n_of(r.n_stories)} ({mix})"
            if r.first:
                line += f", {r.first}" + (f" to {r.last}" if r.last != r.first else "")
        else:
            line += r.status
        if m.denied:
            line += f"; denied in {n_of(m.denied)}"
        lines.append(line)
        shown = [e for e in r.evidence if not e.copy]
        lines += [quote(e) for e in shown[:per]]
    return lines


def leader_lines(res: Leaders, per: int) -> list[str]:
    name = res.actor.name
    if not res.leaders:
        return [f"The store names no leader of {name}."]
    lines = [
        f"{name} is led by: "
        + "; ".join(
            str(p.name)
            + (
                f" ({', '.join(p.roles)}" + (f", {', '.join(p.dates)}" if p.dates else "") + ")"
                if p.roles
                else ""
            )
            for p in res.leaders
        )
        + "."
    ]
    for p in res.leaders:
        lines += [quote(e) for e in [e for e in p.evidence if not e.copy][:1]]
    return lines


def dyad_lines(res: Dyad, per: int) -> list[str]:
    a, b = res.a.name, res.b.name
    if not res.groups:
        return [f"The store has no direct relation between {a} and {b}."]
    lines = []
    for g in res.groups:
        st = g.stories
        lines.append(
            f"{g.source.name} {g.relation} {g.target.name}"
            + (f" ({', '.join(g.kinds)})" if g.kinds else "")
            + f": {n_of(st.affirmed)} affirm"
            + (f", {st.denied} deny" if st.denied else "")
            + (f", {st.unconfirmed} only hypothetical or asked" if st.unconfirmed else "")
            + "."
        )
        lines += [quote(e) for e in [e for e in g.affirmed if not e.copy][:per]]
        lines += [quote(e) for e in [e for e in g.denied if not e.copy][:1]]
    return lines


def path_lines(p: Paths) -> list[str]:
    if not p.paths:
        return [f"No evidence path links {p.a.name} and {p.b.name}."]
    best = p.paths[0]
    lines = ["Shortest path: " + " - ".join(str(x.name) for x in best.actors) + "."]
    for hop in best.hops:
        r = hop.relations[0]
        if r.relation == "PART_OF":
            lines.append(f"  {r.source} is part of {r.target} (gazetteer)")
        elif r.evidence:
            lines.append(f"  {r.source} {r.relation} {r.target}:" + quote(r.evidence)[1:])
    return lines


def leverage_lines(res: Leverage, per: int) -> list[str]:
    lines = list(res.explanation) + [quote(e.citation) for e in res.strongest[:per]]
    return lines + [quote(e.citation, "against") for e in res.counter[:1]]


def claim_line(e: LeverageClaim, mark: str) -> str:
    """A leverage claim as ``dyads leverage`` lists it (``+``, ``-`` or ``?`` first)."""
    return f"  {mark} {cite(e.citation)}"
