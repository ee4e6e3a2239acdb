"""The web app: a JSON API and server-rendered pages over one store, opened read-only.

    from dyads.web import create_app
    app = create_app("demo.duckdb")          # an ASGI app (FastAPI); `dyads serve` runs it

Modules: ``app`` (the application, its security headers and error pages), ``reader`` (the shared
read-only store), ``api`` (``/api/...``, JSON, OpenAPI schema at ``/openapi.json``), ``pages``
(HTML from Jinja2 templates, autoescaped), ``charts`` (the timeline, drawn as SVG on the server),
``assets`` (the front-end libraries served from the folders of the packages that ship them).
Needs the ``web`` extra: ``pip install 'dyads[web]'``.
"""

from __future__ import annotations

from dyads.web.app import DEFAULT_HOST, DEFAULT_PORT, create_app, run

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app", "run"]
