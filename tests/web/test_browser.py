"""The real pages in headless Chromium: Debian's chromium driven by Playwright's Python API
(``executable_path``; never ``playwright install``). The server runs on 127.0.0.1 in this
process; every request the browser makes is checked to stay on it.

Screenshots of each page are written to a temporary folder, or to the folder named by
``DYADS_SCREENSHOTS`` (``DYADS_SCREENSHOTS=docs/img pytest tests/web`` regenerates the README's).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from dyads.web import create_app

CHROMIUM = Path(os.environ.get("DYADS_CHROMIUM", "/usr/bin/chromium"))

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason=f"no {CHROMIUM} (apt install chromium; CI installs it and never skips)",
)


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("DYADS_SCREENSHOTS")
    out = Path(folder) if folder else tmp_path_factory.mktemp("shots")
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield b
        b.close()


class Watched:
    """A page whose every request, console error and dialog is recorded; a request to any host
    but the server's is aborted (and recorded), so nothing can leave 127.0.0.1."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1360, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or f"{parts.scheme}://{parts.netloc}" == self.base:
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self) -> None:
        assert self.outside == [], f"requests left the server: {self.outside}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == []
        assert all(u.startswith((self.base, "data:", "blob:")) for u in self.requests)


@pytest.fixture()
def watched(browser: Any, server: str) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.context.close()


def test_search_actor_dyad_document_with_the_sentence_highlighted(
    watched: Watched, server: str, shots: Path
) -> None:
    page = watched.page
    page.goto(server + "/")
    page.screenshot(path=str(shots / "search.png"))
    page.fill("input[name=q]", "M23")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=M23")
    page.click("ul.actors a.actor >> text=March 23 Movement")
    page.wait_for_url("**/actor/m23")
    assert page.locator("h1").first.inner_text().startswith("March 23 Movement")
    assert page.locator("figure.timeline svg circle").count() > 0
    page.screenshot(path=str(shots / "actor.png"), full_page=True)
    page.click("ul.partners li:has(a.actor:text('Rwanda')) >> a:text('dyad')")
    page.wait_for_url("**/dyad?a=rwanda&b=m23")
    assert page.locator("table.side-by-side").count() >= 1  # affirmed and denied side by side
    assert page.locator("figure.timeline svg circle").count() > 0
    page.screenshot(path=str(shots / "dyad.png"), full_page=True)
    link = page.locator("table.side-by-side td a.sentence").first
    sentence = link.inner_text()
    link.click()
    page.wait_for_url("**/document/**")
    selected = page.locator("mark.evidence.selected")
    assert selected.count() >= 1
    assert " ".join(selected.all_inner_texts()).split() == sentence.split()
    assert selected.first.is_visible()
    page.screenshot(path=str(shots / "document.png"))
    watched.check()


def test_the_network_renders_nodes_and_edges_for_the_samples(
    watched: Watched, server: str, shots: Path
) -> None:
    page = watched.page
    page.goto(server + "/network")
    page.wait_for_selector("#graph[data-drawn=true]", timeout=20_000)
    graph = page.locator("#graph")
    assert int(graph.get_attribute("data-nodes") or 0) >= 10
    assert int(graph.get_attribute("data-edges") or 0) >= 10
    assert page.locator("#graph canvas").count() == 1
    assert "actors and" in page.locator("#graph-status").inner_text()
    page.screenshot(path=str(shots / "network.png"))
    # a filter from the form is applied by the server
    page.goto(server + "/network?type=SUPPORTS&min_stories=1&roll_up=true")
    page.wait_for_selector("#graph[data-drawn=true]", timeout=20_000)
    assert int(page.locator("#graph").get_attribute("data-edges") or 0) >= 3
    watched.check()


def test_the_leverage_page_shows_each_component(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/leverage?a=pakistan&b=taliban")
    assert "/100" in page.locator("p.score").inner_text()
    assert page.locator("table.components tbody tr").count() >= 3
    page.screenshot(path=str(shots / "leverage.png"), full_page=True)
    watched.check()


def test_a_document_with_markup_renders_as_text(watched: Watched, server: str) -> None:
    page = watched.page
    docs = page.request.get(server + "/api/documents?limit=200").json()
    xss = next(d for d in docs if "xss_article" in (d["location"] or ""))
    page.goto(f"{server}/document/{xss['id']}")
    text = page.locator(".doc-text").inner_text()
    assert "<script>window.__xss = 1; alert('xss')</script>" in text
    assert '<img src="http://203.0.113.9/x.png"' in text
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator(".doc-text script, .doc-text img").count() == 0
    watched.check()  # no alert, and the image's address was never requested


def test_the_api_docs_load_from_this_server(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".swagger-ui .opblock").count() >= 12
    page.screenshot(path=str(shots / "api.png"))
    watched.check()
