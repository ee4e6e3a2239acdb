"""The application: routes, security headers, static files and error pages.

Safe by default: ``dyads serve`` binds 127.0.0.1 unless told otherwise; the store is opened
read-only (:mod:`dyads.web.reader`); every page is a Jinja2 template with autoescaping, so article
text is always text; every response carries a Content-Security-Policy that allows scripts,
styles and requests from this server only and no inline script; SQL is parameterised in
:mod:`dyads.analysis`; page sizes are capped (:data:`~dyads.web.api.MAX_LIMIT`). Answers are
computed once per distinct request while the (read-only) store is open (:class:`AnswerCache`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from dyads import __version__
from dyads.errors import DyadsError, StoreBusy, StoreError, UnknownActor, UnknownDocument
from dyads.web import assets
from dyads.web.reader import Reader

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

#: Every response's Content-Security-Policy: scripts, styles, images and requests from this
#: server only, no inline script or style element, no plugins, no framing.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
#: Seconds a client is told to wait when an ingest holds the store.
RETRY_AFTER = 5

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]
]


class SecurityHeaders:
    """ASGI middleware: :data:`SECURITY_HEADERS` on every HTTP response (plain ASGI, no
    per-request task as Starlette's BaseHTTPMiddleware makes)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(
        self,
        scope: Scope,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


#: Answers remembered: at most this many, and this many bytes of bodies in all.
CACHE_ENTRIES = 4096
CACHE_BYTES = 64 * 1024 * 1024


class AnswerCache:
    """ASGI middleware: the body and headers of each successful GET answer, by path and query.

    The app's store is read-only, and DuckDB keeps writers out of a file a reader holds, so an
    answer cannot change while the app is up: each distinct question is computed once. Least
    recently used answers go first past :data:`CACHE_ENTRIES` or :data:`CACHE_BYTES`; errors
    (a busy store) and static files are never kept.
    """

    def __init__(self, app: ASGIApp, entries: int = CACHE_ENTRIES, size: int = CACHE_BYTES) -> None:
        self.app = app
        self.entries, self.size, self.used = entries, size, 0
        self.kept: OrderedDict[tuple[str, bytes], tuple[int, list[Any], bytes]] = OrderedDict()
        self.hits = self.misses = 0

    async def __call__(
        self,
        scope: Scope,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or path.startswith(("/static/", "/vendor/"))
        ):
            await self.app(scope, receive, send)
            return
        key = (path, scope.get("query_string", b""))
        found = self.kept.get(key)
        if found is not None:
            self.kept.move_to_end(key)
            self.hits += 1
            status, headers, body = found
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":  # copied: outer layers add headers
                start = {**message, "headers": list(message.get("headers", []))}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    self._store(key, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keep)

    def _store(self, key: tuple[str, bytes], start: Message, body: bytes) -> None:
        if len(body) > self.size // 16:
            return
        self.kept[key] = (start["status"], list(start.get("headers", [])), body)
        self.used += len(body)
        while len(self.kept) > self.entries or self.used > self.size:
            _, (_, _, old) = self.kept.popitem(last=False)
            self.used -= len(old)


def status_of(err: DyadsError) -> int:
    """The HTTP status of a library error: 404 for an unknown actor or document, 503 while the
    store cannot be read (busy or missing), 400 for any other bad question."""
    if isinstance(err, UnknownActor | UnknownDocument):
        return 404
    if isinstance(err, StoreError):
        return 503
    return 400


def create_app(db: str | Path) -> FastAPI:
    """The web app over the store at ``db`` (opened read-only on the first request)."""
    from dyads.web import api, pages

    reader = Reader(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(
        lifespan=lifespan,
        title="dyads",
        version=__version__,
        description=(
            "Evidence-linked networks of political and armed actors: who backs, funds, arms or "
            "attacks whom, with the sentences that say so. Read-only."
        ),
        docs_url=None,  # FastAPI's page loads Swagger UI from a CDN: /docs is ours (pages.py)
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.reader = reader
    app.mount("/static", StaticFiles(directory=assets.STATIC), name="static")
    app.mount("/vendor/vis", StaticFiles(directory=assets.vis_network_dir()), name="vis")
    app.mount("/vendor/swagger", StaticFiles(directory=assets.swagger_ui_dir()), name="swagger")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(DyadsError)
    async def dyads_error(request: Request, err: DyadsError) -> Response:
        status = status_of(err)
        headers = {"Retry-After": str(RETRY_AFTER)} if isinstance(err, StoreBusy) else None
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"error": err.code, "message": err.message}, status_code=status, headers=headers
            )
        return pages.error_page(request, status, err, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, err: RequestValidationError) -> Response:
        message = "; ".join(
            f"{'.'.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
            for e in err.errors()
        )
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "E422", "message": message}, status_code=422)
        return pages.error_page(request, 422, message)

    app.add_middleware(AnswerCache)  # inside SecurityHeaders: cached answers get them too
    app.add_middleware(SecurityHeaders)
    return app


def run(app: FastAPI, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve ``app`` with uvicorn until interrupted (``dyads serve``)."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
