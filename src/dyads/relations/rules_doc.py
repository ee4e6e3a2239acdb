"""Write docs/rules.md from the rule table and the lexicon (``python -m dyads.relations.rules_doc``);
a test checks that the page matches."""

from __future__ import annotations

import sys
from pathlib import Path

from dyads.relations.lexicon import load_lexicon
from dyads.relations.rules import RULES, all_rule_names


def render() -> str:
    lex = load_lexicon()
    rule_names = {r.name for r in RULES}
    out = [
        "# The extractor's rules",
        "",
        "Generated from `dyads.relations.rules` and `data/lexicon.yaml` by",
        "`python -m dyads.relations.rules_doc`; a test checks that this page matches the code.",
        "",
        "The extractor walks every token of a sentence and runs, in this order, each rule whose",
        "trigger holds; the named steps are parts of rules (and repairs of the small parser's usual",
        "mistakes) that can be switched off on their own. Any name below can be switched off with",
        "the `disabled_rules` setting; `bench/rule_ablation.py` switches each off in turn and checks",
        "that some test, built on a hand-made spaCy Doc, fails. How actors are resolved is in",
        "[resolution.md](resolution.md).",
        "",
        "## Rules",
        "",
        "| rule | what it reads |",
        "|---|---|",
    ]
    out += [f"| `{r.name}` | {r.doc} |" for r in RULES]
    out += ["", "## Named steps and parser repairs", "", "| step | what it does |", "|---|---|"]
    out += [
        f"| `{name}` | {doc} |"
        for name, doc in all_rule_names().items()
        if name not in rule_names and not name.startswith("resolve.")
    ]
    out += [
        "",
        "## Cues that name a PLOVER event type",
        "",
        "Verbal conflict and cooperation carry the PLOVER event type and mode of their cue (after",
        "the Open Event Data Alliance's CAMEO2PLOVER 2021 table, except that sanctions and embargoes",
        "are SANCTION/restrict where that table files them under COERCE); other edges carry their",
        "relation's type from [ontology.md](ontology.md).",
        "",
        "| cue | kind | relation | PLOVER event | mode |",
        "|---|---|---|---|---|",
    ]
    rows: dict[tuple[str, str, str, str], list[str]] = {}
    for lemma, cues in lex.verbs.items():
        for c in cues:
            if c.event:
                rows.setdefault(("verb", c.relation, c.event, c.mode or "-"), []).append(lemma)
    for lemma, n in lex.nouns.items():
        if n.event:
            rows.setdefault(("noun", n.relation, n.event, n.mode or "-"), []).append(lemma)
    for lemma, e in lex.events.items():
        if e.event:
            rows.setdefault(("event noun", e.relation, e.event, e.mode or "-"), []).append(lemma)
    for (kind, rel, event, mode), lemmas in sorted(rows.items(), key=lambda kv: (kv[0][2], kv[0])):
        out.append(f"| {', '.join(sorted(set(lemmas)))} | {kind} | {rel} | {event} | {mode} |")
    return "\n".join(out) + "\n"


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/rules.md")
    target.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
