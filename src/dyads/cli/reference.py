"""docs/cli.md, generated from the click commands: ``python -m dyads.cli.reference docs/cli.md``.

``tests/cli/test_cli_docs.py`` checks that the file is what :func:`render` makes now, so the
reference cannot drift from ``dyads COMMAND --help``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

#: Help is rendered at this width whatever the terminal, so the file is the same everywhere.
WIDTH = 100


def help_text(command: click.Command, name: str, parent: click.Context | None = None) -> str:
    """``command``'s --help as ``dyads [name] --help`` prints it: the command's own context
    settings (the group's ``-h/--help``, which its subcommands inherit) at :data:`WIDTH`."""
    settings = {**command.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    ctx = click.Context(command, info_name=name, parent=parent, **settings)
    return command.get_help(ctx)


def render() -> str:
    from dyads.cli import main

    settings = {**main.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    root = click.Context(main, info_name="dyads", **settings)
    parts = [
        "# Command-line reference",
        "",
        "Generated from the commands' `--help` by `python -m dyads.cli.reference docs/cli.md`"
        " (`make docs`); do not edit by hand.",
        "",
        "```text",
        help_text(main, "dyads"),
        "```",
    ]
    assert isinstance(main, click.Group)
    for name in sorted(main.commands):
        cmd = main.commands[name]
        if cmd.hidden:
            continue
        parts += ["", f"## dyads {name}", "", "```text", help_text(cmd, name, root), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    text = render()
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
