"""``dyads eval`` (score against gold files, or every evaluation at once) and ``dyads rules``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dyads.cli.app import handle_errors, main, print_json, print_table
from dyads.cli.pipeline_cmds import _settings, gazetteer_opt, lexicon_opt

__all__ = ["eval_cmd", "rules_cmd"]


def _repo_root() -> Path:
    """The folder gold paths are relative to: the working directory when it holds ``gold/``."""
    here = Path.cwd()
    return here if (here / "gold").is_dir() else Path(__file__).resolve().parents[3]


def _fmt(x: Any) -> str:
    return "-" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def _print_relations(title: str, result: dict[str, Any]) -> None:
    rows = [
        (rel, m["precision"], m["recall"], m["f1"], m["tp"], m["fp"], m["fn"])
        for rel, m in result["per_type"].items()
    ]
    o = result["overall"]
    rows.append(("ALL", o["precision"], o["recall"], o["f1"], o["tp"], o["fp"], o["fn"]))
    print_table(title, ["type", "P", "R", "F1", "tp", "fp", "fn"], rows)
    click.echo(
        f"kind recall {result['kind_recall']}  modality accuracy {result['modality_accuracy']}  "
        f"attribution accuracy {result['attribution_accuracy']}  "
        f"PLOVER event accuracy {result.get('event_accuracy')}"
    )
    if "mentions" in result:
        m = result["mentions"]
        click.echo(f"mention accuracy {m.get('accuracy')} ({m.get('correct')}/{m.get('total')})")
        kinds = m.get("by_kind") or {}
        if len(kinds) > 1:
            click.echo(
                "  by kind: "
                + ", ".join(
                    f"{k} {v['correct']}/{v['total']}" for k, v in kinds.items() if k != "-"
                )
            )


def _print_errors(result: dict[str, Any]) -> None:
    for e in result.get("errors", []):
        detail = f" [{e['detail']}]" if e.get("detail") else ""
        click.echo(f"{e['type']:6} {e['doc']}: {' '.join(e['edge'])}{detail} | {e.get('sentence')}")
    for m in (result.get("mentions") or {}).get("misses", []):
        click.echo(
            f"mention {m['doc']}: {m['text']!r} #{m['occurrence']} gold {m['gold']} got {m['predicted']}"
        )


def _print_suite(results: dict[str, Any]) -> None:
    rows = []
    for name, r in results.items():
        if name == "re3d-dev":
            rows.append(
                (
                    name,
                    "-",
                    r["gold"],
                    r["precision_lower_bound"],
                    r["recall"],
                    r["f1"],
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                )
            )
            continue
        o = r["overall"]
        m = r.get("mentions") or {}
        rows.append(
            (
                name,
                r["documents"],
                o["tp"] + o["fn"],
                o["precision"],
                o["recall"],
                o["f1"],
                _fmt(r["kind_recall"]),
                _fmt(r["modality_accuracy"]),
                _fmt(r["attribution_accuracy"]),
                _fmt(r.get("event_accuracy")),
                f"{m['accuracy']} ({m['correct']}/{m['total']})" if m else "-",
            )
        )
    print_table(
        "every evaluation (re3d precision is a lower bound: its gold is not exhaustive)",
        [
            "set",
            "docs",
            "gold",
            "P",
            "R",
            "F1",
            "kinds",
            "modality",
            "attrib.",
            "PLOVER",
            "mentions",
        ],
        rows,
    )
    if "re3d-dev" in results:
        by_type = results["re3d-dev"].get("recall_by_type", {})
        click.echo("re3d-dev recall by type: " + ", ".join(f"{k} {v}" for k, v in by_type.items()))


@main.command(name="eval")
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--all",
    "run_all",
    is_flag=True,
    help="Every evaluation: our gold sets (gold/) and the re3d development split when "
    "../shared/benchmarks/re3d-dev/ (or $DYADS_RE3D) is there.",
)
@click.option(
    "--mentions",
    "mentions_gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also score actor mention resolution against this gold file.",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder the gold 'doc' paths are relative to (default: the repository).",
)
@click.option("--errors", "show_errors", is_flag=True, help="List every wrong and missed edge.")
@gazetteer_opt
@lexicon_opt
@click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")
@handle_errors
def eval_cmd(
    gold: tuple[Path, ...],
    run_all: bool,
    mentions_gold: Path | None,
    root: Path | None,
    show_errors: bool,
    gazetteers: tuple[Path, ...],
    lexicons: tuple[Path, ...],
    as_json: bool,
) -> None:
    """Score extraction against GOLD relation files: precision, recall and F1 per relation type
    (dyad level), kind recall, modality, attribution and PLOVER event accuracy, and with
    --mentions the resolution of actor mentions (format: docs/gold.md). --all runs every
    evaluation the project keeps."""
    from dyads.evaluate import evaluate_mentions, evaluate_relations, evaluate_suite
    from dyads.pipeline import Pipeline

    if not gold and not run_all:
        raise click.UsageError("give GOLD files, or --all for every evaluation")
    pipe = Pipeline(_settings(gazetteers, lexicons, None))
    if run_all:
        results = evaluate_suite(root or _repo_root(), pipe, errors=show_errors)
        if as_json:
            print_json(results)
            return
        _print_suite(results)
        if show_errors:
            for name, r in results.items():
                if name != "re3d-dev":
                    click.echo(f"-- {name}")
                    _print_errors(r)
        return
    result = evaluate_relations(gold, root, pipe)
    if mentions_gold:
        result["mentions"] = evaluate_mentions(mentions_gold, root or Path.cwd(), pipe)
    if as_json:
        if not show_errors:
            result.pop("errors")
        print_json(result)
        return
    _print_relations(f"relations, {result['documents']} documents", result)
    if show_errors:
        _print_errors(result)


@main.command(name="rules")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")
def rules_cmd(as_json: bool) -> None:
    """The extractor's named rules and steps (any can be switched off by name with the
    disabled_rules setting, for ablation studies)."""
    from dyads.relations.rules import all_rule_names

    names = all_rule_names()
    if as_json:
        print_json(names)
        return
    print_table("rules", ["name", "what it does"], list(names.items()))
