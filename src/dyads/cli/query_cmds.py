"""Commands that read the store: actors, actor, relations, dyad, docs; and info."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dyads.cli import terminal
from dyads.cli.app import (
    COUNT,
    console,
    db_option,
    handle_errors,
    json_option,
    main,
    plural,
    print_data,
    print_table,
    rollup_option,
    time_options,
)
from dyads.records import RELATION_TYPES

if TYPE_CHECKING:
    from dyads.analysis import TimeFilter
    from dyads.analysis.results import Citation

# The library is imported inside each command, so that --help and --version load neither DuckDB
# nor the analysis modules (tests/cli/test_lazy_imports.py).


@main.command()
@db_option
@json_option
@click.option(
    "--limit", type=COUNT, default=50, show_default=True, help="At most this many rows (0: all)."
)
@handle_errors
def actors(db: Path, out: str | None, limit: int) -> None:
    """List actors, most connected first."""
    from dyads.analysis import list_actors
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        rows = list_actors(store, limit or None)
    if out:
        print_data(out, [r.to_dict() for r in rows])
        return
    print_table(
        None,
        ["id", "name", "type", "country", "mentions", "relations"],
        [[r.id, r.name, r.type, r.country, r.mentions, r.relations] for r in rows],
    )


@main.command()
@click.argument("name")
@db_option
@json_option
@handle_errors
def actor(name: str, db: Path, out: str | None) -> None:
    """Show one actor: aliases, type, parent, and where it was mentioned."""
    from dyads.analysis import actor_profile
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        p = actor_profile(store, name)
    if out:
        data = p.to_dict()
        print_data(out, data, [{k: v for k, v in data.items() if k != "mentions"}])
        return
    from rich.markup import escape

    c = console()
    c.print(
        f"[bold]{escape(str(p.name))}[/bold] "
        + escape(f"({p.id}), {p.type}" + (f", {p.country}" if p.country else ""))
    )
    if p.parent:
        c.print(f"part of: {p.parent.name} ({p.parent.id})", markup=False)
    if p.aliases:
        c.print("aliases: " + ", ".join(p.aliases[:20]), markup=False)
    if p.relations:
        c.print("relations: " + ", ".join(f"{r.relation} {r.n}" for r in p.relations), markup=False)
    print_table(
        plural(len(p.mentions), "mention"),
        ["document", "sentence", "text", "rule"],
        [[m.path, m.sentence, m.text, m.rule] for m in p.mentions[:50]],
    )


@main.command()
@db_option
@json_option
@click.option(
    "--type",
    "relation",
    type=click.Choice(RELATION_TYPES, case_sensitive=False),
    help="Relation type.",
)
@click.option("--source", help="Source actor (name, alias or id).")
@click.option("--target", help="Target actor (name, alias or id).")
@click.option(
    "--limit", type=COUNT, default=100, show_default=True, help="At most this many rows (0: all)."
)
@handle_errors
def relations(
    db: Path,
    out: str | None,
    relation: str | None,
    source: str | None,
    target: str | None,
    limit: int,
) -> None:
    """List relations, optionally filtered by type, source and target.

    --json prints relation records (the shape of dyads extract and the JSONL export), --csv and
    --nl the same records flattened (the columns of the CSV export, docs/exports.md).
    """
    from dyads.export.records import nest
    from dyads.export.tables import claim_rows
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        rows = claim_rows(store, relation, source, target, limit or None)
    if out:
        print_data(out, [nest(r) for r in rows], rows)
        return
    print_table(
        None,
        ["source", "relation", "target", "kinds", "modality", "polarity", "evidence"],
        [
            [
                r["source_name"] or r["source_id"],
                r["relation"],
                r["target_name"] or r["target_id"],
                ",".join(r["kinds"] or []),
                r["modality"],
                r["polarity"],
                r["evidence_sentence"][:120],
            ]
            for r in rows
        ],
    )


@main.command(name="dyad")
@click.argument("a")
@click.argument("b")
@db_option
@json_option
@rollup_option
@time_options
@click.option(
    "--copies/--no-copies",
    default=False,
    show_default=True,
    help="Also print copies of a story already shown.",
)
@handle_errors
def dyad_cmd(
    a: str,
    b: str,
    db: Path,
    out: str | None,
    roll_up: bool,
    time: TimeFilter,
    copies: bool,
) -> None:
    """Every relation between actors A and B, both directions: affirmed and denied claims side by side."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from dyads.analysis import dyad
    from dyads.analysis.text import cite
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        d = dyad(store, a, b, roll_up=roll_up, time=time)
    if out:
        data = d.to_dict()
        rows = [
            {
                "relation": g["relation"],
                "source": g["source"]["id"],
                "target": g["target"]["id"],
                "class": cls,
                **e,
            }
            for g in data["groups"]
            for cls in ("affirmed", "denied", "unconfirmed")
            for e in g[cls]
        ]
        print_data(out, data, rows)
        return
    c = console()
    c.print(
        f"[bold]{escape(str(d.a.name))}[/bold] <-> [bold]{escape(str(d.b.name))}[/bold]"
        + escape(f" ({d.time})" if d.time else "")
    )
    if not d.groups:
        c.print("no relations between them in the store")

    def cell(e: Citation) -> str:
        line = cite(e, denied=False, sep=" ")  # plain text, never markup
        return terminal.printable(line)  # escaped before rich lays the table out

    for g in d.groups:
        st = g.stories
        c.print(
            f"\n[bold]{escape(str(g.source.name))} {g.relation} "
            f"{escape(str(g.target.name))}[/bold]"
            + escape(
                (f" ({', '.join(g.kinds)})" if g.kinds else "")
                + f": {plural(g.n_stories, 'story', 'stories')} ({st.affirmed} affirm, "
                f"{st.denied} deny, {st.unconfirmed} hypothetical or asked), "
                f"{plural(g.n_copies, 'copy', 'copies')}"
            )
            + (" [red]CONTESTED[/red]" if g.contested else ""),
            soft_wrap=True,
        )
        affirmed = [e for e in g.affirmed if copies or not e.copy]
        denied = [e for e in g.denied if copies or not e.copy]
        if denied:
            table = Table(show_lines=True, header_style="bold", expand=True)
            table.add_column("affirmed", overflow="fold", ratio=1)
            table.add_column("denied", overflow="fold", ratio=1)
            for i in range(max(len(affirmed), len(denied))):
                table.add_row(
                    Text(cell(affirmed[i]) if i < len(affirmed) else ""),
                    Text(cell(denied[i]) if i < len(denied) else ""),
                )
            c.print(table)
        else:
            for e in affirmed:
                c.print("  + " + cell(e), soft_wrap=True, markup=False)
        for e in g.unconfirmed:
            if copies or not e.copy:
                c.print("  ? " + cell(e), soft_wrap=True, markup=False)


@main.command()
@db_option
@json_option
@handle_errors
def docs(db: Path, out: str | None) -> None:
    """List documents with path or url, title, date, story id and scramble score."""
    from dyads.analysis import list_documents
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        rows = list_documents(store)
    if out:
        print_data(out, [r.to_dict() for r in rows])
        return
    print_table(
        None,
        ["location", "title", "date", "story", "scramble", "relations"],
        [
            [r.location, (r.title or "")[:50], r.date, r.story_id, r.scramble, r.relations]
            for r in rows
        ],
    )


@main.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("dyads.duckdb"),
    show_default=True,
    envvar="DYADS_DB",
    help="DuckDB database file to check (if it exists).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")
@handle_errors
def info(db: Path, as_json: bool) -> None:
    """What is installed: dyads, spaCy and the model, the gazetteer and lexicon, the store's
    schema, the optional extras; one verdict per check (exit code 1 if any fails)."""
    from dyads.info import collect

    checks = collect(db)
    if as_json:
        print_data("json", [c.to_dict() for c in checks])
    else:
        for c in checks:
            mark = "--" if c.ok is None else ("ok" if c.ok else "FAIL")
            click.echo(f"{mark:4} {c.detail}")
    if any(c.ok is False for c in checks):
        sys.exit(1)
