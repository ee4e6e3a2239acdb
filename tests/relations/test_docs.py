"""Docs that cannot drift: the ontology page and the README's commands."""

from __future__ import annotations

import re

from click.testing import CliRunner

from dyads.cli import main
from dyads.relations.ontology_doc import render

from ..conftest import ROOT


def test_ontology_doc_matches_the_data() -> None:
    assert (ROOT / "docs" / "ontology.md").read_text("utf-8") == render(), (
        "regenerate with: python -m dyads.relations.ontology_doc"
    )


def test_every_command_in_the_readme_exists() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = set(re.findall(r"^\$ dyads ([a-z-]+)", readme, flags=re.M))
    commands |= set(re.findall(r"`dyads ([a-z-]+)", readme))
    assert {"extract", "ingest", "dyad", "eval"} <= commands
    for name in sorted(commands):
        res = CliRunner().invoke(main, [name, "--help"])
        assert res.exit_code == 0, (name, res.output)


def test_readme_has_the_two_setup_commands_and_ci_calls_one() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_every_resolution_rule_is_explained_in_docs() -> None:
    """docs/resolution.md says how each resolution pass decides: every `resolve.*` rule of
    `dyads rules` is in its table."""
    from pathlib import Path

    from dyads.relations.rules import all_rule_names

    page = (Path(__file__).resolve().parents[2] / "docs" / "resolution.md").read_text("utf-8")
    missing = [n for n in all_rule_names() if n.startswith("resolve.") and f"`{n}`" not in page]
    assert not missing, missing


def test_rules_page_matches_the_rule_table() -> None:
    from pathlib import Path

    from dyads.relations.rules_doc import render

    page = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert page.read_text("utf-8") == render(), (
        "regenerate with: python -m dyads.relations.rules_doc"
    )
