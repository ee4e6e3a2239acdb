"""Analysis commands (supporters, supported-by, leaders, leverage, path, top, ask) and exports."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from dyads.cli import terminal
from dyads.cli.app import (
    COUNT,
    EXIT_PARTIAL,
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
from dyads.export import FORMATS
from dyads.records import SUPPORT_KINDS

if TYPE_CHECKING:
    from dyads.analysis import TimeFilter
    from dyads.analysis.results import Support

# The library is imported inside each command, so that --help and --version load neither DuckDB
# nor the analysis modules (tests/cli/test_lazy_imports.py).

F = TypeVar("F", bound=Callable[..., Any])


def _print_support(res: Support, show_evidence: bool) -> None:
    from dyads.analysis.text import cite

    incoming = res.direction == "supporters"
    title = (
        f"Supporters of {res.actor.name}" if incoming else f"Supported by {res.actor.name}"
    ) + (f" ({res.time})" if res.time else "")
    rows = []
    for r in res.rows:
        m = r.modality
        mix = ", ".join(
            f"{k} {getattr(m, k)}" for k in ("asserted", "reported", "believed") if getattr(m, k)
        )
        other = ", ".join(
            f"{k} {getattr(m, k)}" for k in ("denied", "unconfirmed") if getattr(m, k)
        )
        when = (r.first or "") + (f" to {r.last}" if r.last and r.last != r.first else "")
        rows.append(
            [
                r.name,
                ", ".join(k for k in r.kinds),
                when,
                f"{r.n_stories}"
                + (f" (+{plural(r.n_copies, 'copy', 'copies')})" if r.n_copies else ""),
                mix,
                other,
                r.status,
            ]
        )
    print_table(
        title,
        ["actor", "kinds", "when", "stories", "support claims", "denied / unconfirmed", "status"],
        rows,
    )
    if show_evidence:
        from rich.markup import escape

        c = console()
        for r in res.rows:
            c.print(
                f"[bold]{escape(str(r.name))}[/bold]"
                + escape(f" (via {', '.join(r.via)})" if r.via else "")
            )
            for e in r.evidence:
                c.print(f"  - {cite(e)}", soft_wrap=True, markup=False)


def _support_command(name: str, fn_name: str, doc: str) -> None:
    @main.command(name=name, help=doc)
    @click.argument("actor")
    @db_option
    @json_option
    @rollup_option
    @time_options
    @click.option("--kind", type=click.Choice(SUPPORT_KINDS), help="Only this kind of support.")
    @click.option(
        "--evidence/--no-evidence",
        default=True,
        show_default=True,
        help="Print the strongest sentences.",
    )
    @click.option(
        "--limit",
        type=COUNT,
        default=50,
        show_default=True,
        help="At most this many actors (0: all).",
    )
    @handle_errors
    def cmd(
        actor: str,
        db: Path,
        out: str | None,
        roll_up: bool,
        time: TimeFilter,
        kind: str | None,
        evidence: bool,
        limit: int,
    ) -> None:
        import dyads.analysis
        from dyads.store import Store

        fn: Callable[..., Support] = getattr(dyads.analysis, fn_name)
        with Store(db, read_only=True) as store:
            res = fn(
                store,
                actor,
                roll_up=roll_up,
                time=time,
                kind=kind,
                limit=limit or None,
            )
        if out:
            data = res.to_dict()
            rows = [{k: v for k, v in r.items() if k != "evidence"} for r in data["rows"]]
            print_data(out, data, rows)
            return
        _print_support(res, evidence)


_support_command(
    "supporters", "supporters", "Who supports ACTOR: kinds, first/last date, stories, modality mix."
)
_support_command(
    "supported-by", "supported_by", "Whom ACTOR supports (the actors supported by ACTOR)."
)


@main.command(name="leaders")
@click.argument("actor")
@db_option
@json_option
@rollup_option
@time_options
@handle_errors
def leaders_cmd(
    actor: str,
    db: Path,
    out: str | None,
    roll_up: bool,
    time: TimeFilter,
) -> None:
    """Who leads ACTOR, with roles, dates and evidence."""
    from dyads.analysis import leaders
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        res = leaders(store, actor, roll_up=roll_up, time=time)
    if out:
        data = res.to_dict()
        print_data(
            out, data, [{k: v for k, v in p.items() if k != "evidence"} for p in data["leaders"]]
        )
        return
    print_table(
        f"Leaders of {res.actor.name}",
        ["leader", "roles", "dates", "stories", "evidence"],
        [
            [
                p.name,
                ", ".join(p.roles),
                ", ".join(p.dates),
                p.n_stories,
                p.evidence[0].evidence if p.evidence else "",
            ]
            for p in res.leaders
        ],
    )


@main.command(name="leverage")
@click.argument("a")
@click.argument("b")
@db_option
@json_option
@time_options
@click.option(
    "--top", type=COUNT, default=3, show_default=True, help="Strongest sentences to show."
)
@handle_errors
def leverage_cmd(
    a: str,
    b: str,
    db: Path,
    out: str | None,
    time: TimeFilter,
    top: int,
) -> None:
    """How much leverage A has over B: a documented score with its strongest evidence.

    Hierarchy always rolls up here (evidence about an agency counts for its state). See
    docs/analysis.md for every component and weight.
    """
    from dyads.analysis import leverage
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        res = leverage(store, a, b, time=time, top=top)
    if out:
        data = res.to_dict()
        print_data(out, data, data["components"])
        return
    from rich.markup import escape

    from dyads.analysis.text import claim_line

    c = console()
    lines = res.explanation
    c.print(f"[bold]{escape(lines[0])}[/bold]", soft_wrap=True)
    for line in lines[1:]:
        c.print("  " + line, soft_wrap=True, markup=False)
    for title, mark, claims in (
        ("strongest evidence:", "+", res.strongest),
        ("counter-evidence:", "-", res.counter),
        ("not counted (hypothetical or asked):", "?", res.not_counted),
    ):
        if claims:
            c.print(title)
            for e in claims:
                c.print(claim_line(e, mark), soft_wrap=True, markup=False)


@main.command(name="path")
@click.argument("a")
@click.argument("b")
@db_option
@json_option
@rollup_option
@time_options
@click.option("-k", "k", type=COUNT, default=3, show_default=True, help="At most this many paths.")
@click.option(
    "--max-hops", type=COUNT, default=4, show_default=True, help="Longest path to look for."
)
@click.option(
    "--hierarchy/--no-hierarchy",
    default=True,
    show_default=True,
    help="Let paths use PART_OF links from the gazetteer (agency -> military -> state).",
)
@handle_errors
def path_cmd(
    a: str,
    b: str,
    db: Path,
    out: str | None,
    roll_up: bool,
    time: TimeFilter,
    k: int,
    max_hops: int,
    hierarchy: bool,
) -> None:
    """Shortest evidence paths between A and B (ties in either direction)."""
    from dyads.analysis import shortest_paths
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        res = shortest_paths(
            store,
            a,
            b,
            k=k,
            max_hops=max_hops,
            roll_up=roll_up,
            hierarchy=hierarchy,
            time=time,
        )
    if out:
        data = res.to_dict()
        rows = [
            {"path": i, "hop": j, **{k: v for k, v in r.items() if k != "evidence"}}
            for i, p in enumerate(data["paths"], 1)
            for j, hop in enumerate(p["hops"], 1)
            for r in hop["relations"]
        ]
        print_data(out, data, rows)
        return
    from rich.markup import escape

    from dyads.analysis.text import cite

    c = console()
    if not res.paths:
        c.print(
            f"no evidence path between {res.a.name} and {res.b.name} within "
            f"{plural(max_hops, 'hop')}",
            markup=False,
        )
    for i, p in enumerate(res.paths, 1):
        c.print(f"[bold]{i}. " + escape(" - ".join(str(x.name) for x in p.actors)) + "[/bold]")
        for hop in p.hops:
            for r in hop.relations:
                src, tgt = r.source_name, r.target_name
                if r.relation == "PART_OF":
                    c.print(f"  {src} PART_OF {tgt} (gazetteer)", markup=False)
                    continue
                c.print(
                    f"  {src} {r.relation} {tgt} ({plural(r.n_stories, 'story', 'stories')}"
                    + (f", {r.denied_stories} denied" if r.denied_stories else "")
                    + ")",
                    markup=False,
                )
                if r.evidence:
                    c.print(f"    {cite(r.evidence)}", soft_wrap=True, markup=False)


@main.command(name="top")
@db_option
@json_option
@rollup_option
@time_options
@click.option("-n", "n", type=COUNT, default=10, show_default=True, help="Rows per table.")
@click.option(
    "--by",
    type=click.Choice(["degree", "pagerank", "betweenness"]),
    default="degree",
    show_default=True,
    help="Centrality to rank by.",
)
@handle_errors
def top_cmd(
    db: Path,
    out: str | None,
    roll_up: bool,
    time: TimeFilter,
    n: int,
    by: str,
) -> None:
    """Most central actors (networkx centralities) and most supported groups."""
    from dyads.analysis import most_supported, top_actors
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        central = top_actors(store, n=n, roll_up=roll_up, time=time, by=by)
        supported = most_supported(store, n=n, roll_up=roll_up, time=time)
    if out:
        c_data = [r.to_dict() for r in central]
        s_data = [r.to_dict() for r in supported]
        rows = [{"list": "central", **r} for r in c_data]
        rows += [{"list": "supported", **r} for r in s_data]
        print_data(out, {"central": c_data, "supported": s_data}, rows)
        return
    print_table(
        f"Most central actors (by {by})",
        ["actor", "type", "partners", "stories", "pagerank", "betweenness"],
        [
            [r.name, r.type, r.degree, r.stories, r.pagerank, _or_dash(r.betweenness)]
            for r in central
        ],
    )
    print_table(
        "Most supported groups",
        ["group", "stories", "supporters", "kinds"],
        [
            [r.name, r.n_stories, _first(list(r.supporter_names)), ", ".join(r.kinds)]
            for r in supported
        ],
    )


@main.command(name="ask")
@click.argument("question")
@db_option
@json_option
@rollup_option
@time_options
@click.option(
    "--evidence", type=COUNT, default=2, show_default=True, help="Sentences per answer item."
)
@handle_errors
def ask_cmd(
    question: str,
    db: Path,
    out: str | None,
    roll_up: bool,
    time: TimeFilter,
    evidence: int,
) -> None:
    """Answer a plain-English QUESTION ("Who supports the Houthis?") with the evidence.

    A question ask cannot route gets a one-line answer naming what it knows (exit code 1).
    """
    from dyads.analysis import ask
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        ans = ask(store, question, time=time, roll_up=roll_up, evidence=evidence)
    if out:
        print_data(out, ans.to_dict(), [{"answer": line} for line in ans.lines])
    else:
        c = console()
        for line in ans.lines:
            c.print(line, soft_wrap=True, markup=False, highlight=False)
        for note in ans.notes:
            c.print(f"(note: {note})", markup=False)
        if ans.command:
            c.print(f"(see: {ans.command})", markup=False, style="dim")
    if not ans.routed:
        sys.exit(EXIT_PARTIAL)


@main.command(name="export")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), required=True, help="Output format."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File (jsonl, graphml, gexf, plover) or directory (csv, parquet, neo4j).",
)
@click.option(
    "--force", is_flag=True, help="Overwrite an existing output file (never the store itself)."
)
@rollup_option
@time_options
@handle_errors
def export_cmd(
    db: Path,
    fmt: str,
    output: Path | None,
    force: bool,
    roll_up: bool,
    time: TimeFilter,
) -> None:
    """Export relations, actors and evidence (see docs/exports.md).

    An existing output is never overwritten without --force, and the store itself (or any DuckDB
    database) never.
    """
    from dyads.export import export
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        paths = export(store, fmt, output, roll_up=roll_up, time=time, force=force)
    for p in paths:
        terminal.echo(str(p))


def _or_dash(value: object) -> object:
    """A table cell: ``-`` for a value that was not computed."""
    return "-" if value is None else value


def _first(items: list[str], n: int = 8) -> str:
    """The first ``n`` of ``items``, and how many more (a hub has thousands of supporters)."""
    more = len(items) - n
    return ", ".join(items[:n]) + (f" and {more:,} more" if more > 0 else "")
