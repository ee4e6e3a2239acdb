"""The JSON API with FastAPI's test client: every endpoint, and one clear 4xx per bad parameter."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyads.web import create_app
from dyads.web.api import MAX_LIMIT
from dyads.web.app import CSP


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_db)) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> object:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-security-policy"] == CSP
    return r.json()


def test_actor_search_by_name_alias_and_a_misspelling(client: TestClient) -> None:
    assert get(client, "/api/actors?q=Hezbollah")[0]["id"] == "hezbollah"  # type: ignore[index]
    hits = get(client, "/api/actors?q=Hezbolah")
    assert any(h["id"] == "hezbollah" and h["match"] == "fuzzy" for h in hits)  # type: ignore[attr-defined]
    assert get(client, "/api/actors?q=Ansar+Allah")[0]["id"] == "houthis"  # type: ignore[index]
    assert len(get(client, "/api/actors?q=a&limit=3")) <= 3  # type: ignore[arg-type]


def test_actor_detail(client: TestClient) -> None:
    p = get(client, "/api/actors/IRGC")
    assert p["id"] == "irgc" and p["parent"]["id"] and p["mentions"]  # type: ignore[index]


def test_relations_with_filters(client: TestClient) -> None:
    rows = get(client, "/api/relations?type=SUPPORTS&target=Houthis&limit=100")
    assert rows and all(r["relation"] == "SUPPORTS" for r in rows)  # type: ignore[union-attr]
    denied = get(client, "/api/relations?polarity=denied&limit=200")
    assert denied and all(r["polarity"] == "denied" for r in denied)  # type: ignore[union-attr]
    weapons = get(client, "/api/relations?kind=weapons&modality=asserted&modality=reported")
    assert all("weapons" in r["kinds"] for r in weapons)  # type: ignore[union-attr]
    assert all(r["modality"] in ("asserted", "reported") for r in weapons)  # type: ignore[union-attr]
    two = get(client, "/api/relations?min_stories=2&limit=200")
    every = get(client, "/api/relations?limit=200")
    assert 0 < len(two) < len(every)  # type: ignore[arg-type]
    since = get(client, "/api/relations?since=2024&limit=200")
    assert 0 < len(since) < len(every)  # type: ignore[arg-type]
    named = get(client, "/api/relations?generic=false&limit=200")
    assert len(named) <= len(every)  # type: ignore[arg-type]
    page2 = get(client, "/api/relations?limit=5&offset=5")
    assert len(page2) == 5 and page2 != get(client, "/api/relations?limit=5")  # type: ignore[arg-type]


def test_dyad_both_directions_with_evidence(client: TestClient) -> None:
    d = get(client, "/api/dyad?a=Rwanda&b=M23")
    sup = [g for g in d["groups"] if g["relation"] == "SUPPORTS"]  # type: ignore[index]
    assert sup and sup[0]["contested"] and sup[0]["denied"] and sup[0]["affirmed"][0]["evidence"]
    e = sup[0]["affirmed"][0]
    assert {"doc_id", "start", "end", "modality", "attributed_name", "outlet"} <= set(e)


def test_supporters_supported_leaders_leverage_path(client: TestClient) -> None:
    sup = get(client, "/api/supporters?actor=Houthis")
    assert "iran" in {r["id"] for r in sup["rows"]}  # type: ignore[index]
    supd = get(client, "/api/supporters?actor=Iran&direction=supported&limit=5")
    assert supd["direction"] == "supported" and len(supd["rows"]) <= 5  # type: ignore[index]
    assert get(client, "/api/leaders?actor=Taliban")["leaders"]  # type: ignore[index]
    lev = get(client, "/api/leverage?a=Pakistan&b=Taliban")
    assert 0 < lev["score"] <= 100 and lev["components"] and lev["explanation"]  # type: ignore[index]
    path = get(client, "/api/path?a=Russia&b=Africa+Corps")
    assert path["paths"]  # type: ignore[index]


def test_ask_routes_and_refuses(client: TestClient) -> None:
    ans = get(client, "/api/ask?q=Who+supports+the+Houthis%3F")
    assert ans["routed"] and ans["intent"] == "supporters" and ans["result"]["rows"]  # type: ignore[index]
    no = get(client, "/api/ask?q=What+is+the+capital+of+France%3F")
    assert not no["routed"] and len(no["answer"]) == 1  # type: ignore[index]


def test_documents_and_one_document_with_its_evidence_offsets(client: TestClient) -> None:
    docs = get(client, f"/api/documents?limit={MAX_LIMIT}")
    assert len(docs) == 20  # type: ignore[arg-type]
    xss = next(d for d in docs if "xss_article" in (d["location"] or ""))  # type: ignore[union-attr]
    doc = get(client, f"/api/documents/{xss['id']}")
    assert "<script>" in doc["text"] and doc["highlights"]  # type: ignore[index]
    h = doc["highlights"][0]  # type: ignore[index]
    assert doc["text"][h["start"] : h["end"]].startswith("Iran has supplied")  # type: ignore[index]


def test_network(client: TestClient) -> None:
    net = get(client, "/api/network")
    assert len(net["nodes"]) >= 10 and len(net["edges"]) >= 10  # type: ignore[index, arg-type]
    assert {e["status"] for e in net["edges"]} >= {"affirmed", "contested"}  # type: ignore[index]
    assert all("x" in n and "community" in n for n in net["nodes"])  # type: ignore[index]
    few = get(client, "/api/network?type=SUPPORTS&min_stories=2&max_nodes=5")
    assert len(few["nodes"]) <= 5 and {e["relation"] for e in few["edges"]} <= {"SUPPORTS"}  # type: ignore[index]


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    schema = get(client, "/openapi.json")
    paths = set(schema["paths"])  # type: ignore[index]
    assert paths == {
        "/api/actors",
        "/api/actors/{actor}",
        "/api/relations",
        "/api/dyad",
        "/api/supporters",
        "/api/leaders",
        "/api/leverage",
        "/api/path",
        "/api/ask",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/network",
    }


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/api/actors", 422, "q: Field required"),
        ("/api/actors?q=", 422, "q: String should have at least 1 character"),
        (f"/api/actors?q=iran&limit={MAX_LIMIT + 1}", 422, "limit: Input should be less than"),
        ("/api/actors?q=iran&limit=0", 422, "limit"),
        ("/api/actors/Nobody%20At%20All", 404, "E401"),
        ("/api/relations?type=LOVES", 422, "type"),
        ("/api/relations?kind=hugs", 422, "kind"),
        ("/api/relations?modality=sure", 422, "modality"),
        ("/api/relations?polarity=maybe", 422, "polarity"),
        ("/api/relations?since=yesterday", 400, "cannot read the date"),
        ("/api/relations?until=2024-13", 400, "month 13"),
        ("/api/relations?min_stories=-1", 422, "min_stories"),
        ("/api/relations?offset=-5", 422, "offset"),
        ("/api/relations?source=Nobody%20At%20All", 404, "E401"),
        ("/api/dyad?a=Rwanda", 422, "b: Field required"),
        ("/api/dyad?a=Rwanda&b=Hezbolah", 404, "did you mean Hezbollah"),
        ("/api/dyad?a=Rwanda&b=M23&roll_up=perhaps", 422, "roll_up"),
        ("/api/supporters", 422, "actor: Field required"),
        ("/api/supporters?actor=Iran&direction=sideways", 422, "direction"),
        ("/api/supporters?actor=Iran&kind=hugs", 422, "kind"),
        ("/api/supporters?actor=Iran&evidence=99", 422, "evidence"),
        ("/api/leaders?actor=Nobody%20At%20All", 404, "E401"),
        ("/api/leverage?a=Pakistan&b=Taliban&top=0", 422, "top"),
        ("/api/leverage?a=Pakistan&b=Taliban&as_of=soon", 400, "cannot read the date"),
        ("/api/path?a=Iran&b=Iran", 400, "same actor"),
        ("/api/path?a=Iran&b=Houthis&max_hops=99", 422, "max_hops"),
        ("/api/ask", 422, "q: Field required"),
        ("/api/ask?q=" + "x" * 501, 422, "q: String should have at most 500"),
        ("/api/documents?limit=1000", 422, "limit"),
        ("/api/documents/nope", 404, "E402"),
        ("/api/network?min_stories=0", 422, "min_stories"),
        ("/api/network?type=LOVES", 422, "type"),
        ("/api/network?max_nodes=1", 422, "max_nodes"),
        ("/api/nothing-here", 404, "Not Found"),
    ],
)
def test_bad_parameters_get_one_clear_4xx(
    client: TestClient, url: str, status: int, says: str
) -> None:
    r = client.get(url)
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    text = body.get("message") or body.get("detail") or ""
    assert says in f"{body.get('error', '')} {text}", body
    assert "\n" not in text


def test_pages_render_and_unknown_ones_are_clear(client: TestClient) -> None:
    for url in (
        "/",
        "/?q=M23",
        "/?q=Who+supports+the+Houthis%3F",
        "/?q=What+ties+Rwanda+to+M23%3F",
        "/network",
        "/actor/m23",
        "/dyad?a=rwanda&b=m23",
        "/leverage?a=pakistan&b=taliban",
        "/docs",
    ):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), url
        assert "<script>" not in r.text.replace("<script src=", "")  # no inline script, ever
    r = client.get("/actor/Nobody%20At%20All")
    assert r.status_code == 404 and "E401" in r.text and "<html" in r.text
    r = client.get("/dyad?a=Rwanda")
    assert r.status_code == 422 and "b: Field required" in r.text


def test_article_text_is_escaped(client: TestClient) -> None:
    docs = client.get(f"/api/documents?limit={MAX_LIMIT}").json()
    xss = next(d for d in docs if "xss_article" in (d["location"] or ""))
    page = client.get(f"/document/{xss['id']}").text
    assert "<script>window.__xss" not in page and "&lt;script&gt;window.__xss" in page
    assert "<img src=" not in page and "&lt;img src=" in page
    assert '<mark class="evidence"' in page


def test_docs_page_serves_swagger_from_the_package(client: TestClient) -> None:
    page = client.get("/docs").text
    assert (
        'src="/vendor/swagger/swagger-ui-bundle.js"' in page
        and "http" not in page.split("<main>")[1]
    )
    assert client.get("/vendor/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/vendor/vis/vis-network.min.js").status_code == 200


def test_the_store_is_opened_read_only(client: TestClient) -> None:
    with client.app.state.reader.store() as s:  # type: ignore[attr-defined]
        assert s.read_only


def test_a_reader_during_an_ingest_gets_a_clear_busy_page(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    db.write_bytes(web_db.read_bytes())
    writer = subprocess.Popen(  # another process holds the write lock, as an ingest does
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(60)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    with TestClient(create_app(db)) as c:
        try:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "locked"
            page = c.get("/actor/m23")
            api = c.get("/api/actors?q=iran")
            assert page.status_code == 503 and "busy" in page.text and "ingest" in page.text
            assert page.headers["retry-after"]
            assert api.status_code == 503 and api.json()["error"] == "E301"
        finally:
            writer.kill()
            writer.wait()
        time.sleep(0.1)
        # the ingest is over: the same app opens the store on the next request (a busy answer
        # was not remembered)
        assert c.get("/api/actors?q=iran").status_code == 200
        assert c.get("/actor/m23").status_code == 200


def test_answers_are_remembered_with_their_headers(client: TestClient) -> None:
    first = client.get("/api/dyad?a=Iran&b=Houthis")
    again = client.get("/api/dyad?a=Iran&b=Houthis")
    assert first.content == again.content and again.headers["content-security-policy"] == CSP
    assert again.headers["content-type"] == "application/json"
    missing = client.get("/api/actors/Nobody%20At%20All")
    assert missing.status_code == 404 == client.get("/api/actors/Nobody%20At%20All").status_code


def test_serve_binds_loopback_by_default() -> None:
    from dyads.cli.serve_cmd import serve_cmd

    defaults = {p.name: p.default for p in serve_cmd.params}
    assert defaults["host"] == "127.0.0.1" and defaults["port"] == 8000
