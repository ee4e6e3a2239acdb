"""Write docs/ontology.md from data/ontology.yaml (run: ``python -m dyads.relations.ontology_doc``)."""

from __future__ import annotations

import sys
from pathlib import Path

from dyads.relations.lexicon import load_lexicon


def render() -> str:
    onto = load_lexicon().ontology
    out = [
        "# The ontology",
        "",
        "Generated from `src/dyads/data/ontology.yaml` by `python -m dyads.relations.ontology_doc`;",
        "a test checks that this page matches the data.",
        "",
        "## Relations",
        "",
        "| relation | symmetric | meaning | PLOVER event |",
        "|---|---|---|---|",
    ]
    for rel, spec in onto["relations"].items():
        plover = spec.get("plover") or {}
        out.append(
            f"| {rel} | {'yes' if spec.get('symmetric') else 'no'} | {spec.get('description', '')} "
            f"| {plover.get('event') or '-'} |"
        )
    out += [
        "",
        "SUPPORTS maps to PLOVER `AID` with the mode given by its kind (below); `-` means PLOVER has",
        "no event type for a standing relation (leadership, membership, location): those export as",
        "relations, not events.",
        "",
        "## Kinds of support",
        "",
        "| kind | meaning | UCDP External Support category | PLOVER AID mode |",
        "|---|---|---|---|",
    ]
    modes = onto["relations"]["SUPPORTS"]["plover"].get("mode_by_kind", {})
    for kind, spec in onto["kinds"].items():
        out.append(
            f"| {kind} | {spec.get('description', '')} | {spec.get('ucdp', '')} | {modes.get(kind) or '-'} |"
        )
    out += [
        "",
        "## Modality",
        "",
        "| modality | PLOVER-style flag |",
        "|---|---|",
    ]
    for mod, flag in onto.get("modality_to_plover", {}).items():
        out.append(f"| {mod} | {flag or '-'} |")
    return "\n".join(out) + "\n"


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/ontology.md")
    target.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
