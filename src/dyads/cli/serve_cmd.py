"""``dyads serve``: the web app over a store (dyads.web), on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

from pathlib import Path

import click

from dyads.cli.app import db_option, handle_errors, main
from dyads.errors import StoreError


@main.command(name="serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0 opens it to the network).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@handle_errors
def serve_cmd(db: Path, host: str, port: int) -> None:
    """Start the web app over the store (read-only) and print its address.

    Search actors or ask a question, see the network, read an actor, a dyad with its timeline,
    a leverage score, and every sentence in its document. The JSON API is under /api, its schema
    at /openapi.json. Needs the web extra: pip install 'dyads[web]'.
    """
    if not db.exists():
        raise StoreError(f"no database at {db}; run 'dyads ingest PATH --db {db}' first")
    try:
        from dyads.web import create_app, run
    except ImportError as err:
        raise click.ClickException(
            f"the web app needs the web extra ({err.name} is missing): pip install 'dyads[web]'"
        ) from err
    app = create_app(db)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"dyads: serving {db} at http://{shown}:{port}/ (read-only; Ctrl-C to stop)")
    run(app, host=host, port=port)
