"""docs/cli.md is the commands' --help, generated (python -m dyads.cli.reference docs/cli.md)."""

from __future__ import annotations

import click
from click.testing import CliRunner

from dyads.cli import main
from dyads.cli.reference import render

from ..conftest import ROOT


def test_cli_reference_is_generated_from_click() -> None:
    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == render(), (
        "regenerate with: python -m dyads.cli.reference docs/cli.md (or make docs)"
    )


def test_every_command_help_is_in_the_reference() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert isinstance(main, click.Group)
    for name, cmd in main.commands.items():
        if cmd.hidden:
            continue
        assert f"## dyads {name}\n" in doc, name
        res = CliRunner().invoke(main, [name, "--help"], terminal_width=100)
        assert res.exit_code == 0
        for line in res.output.splitlines()[2:]:  # the option lines, as --help prints them
            assert line.strip() in doc, (name, line)
