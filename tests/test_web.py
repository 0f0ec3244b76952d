"""Web explorer without a browser: routes, JSON API, redirects, errors, escaping and the body limit."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.web.app import create_app
from realpolitik.web.middleware import MAX_BODY
from realpolitik.web.services import Segment, segments

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "article_azerbaijan_israel.md"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), raise_server_exceptions=False)


# ---- API mirrors the CLI -----------------------------------------------------------------------


def test_arms_suppliers_api_matches_query(client):
    r = client.get(
        "/api/arms/suppliers", params={"recipient": "Azerbaijan", "from": 2016, "to": 2020}
    )
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"query", "rows", "sources", "notes"}
    assert body["query"] == {
        "command": "arms suppliers",
        "country": "AZE",
        "from": 2016,
        "to": 2020,
    }
    isr = next(row for row in body["rows"] if row["id"] == "ISR")
    assert round(100 * isr["share"], 1) == 67.7 and isr["rank"] == 1
    assert body["sources"][0]["dataset"] == "sipri"


def test_arms_default_period_is_latest_window(client):
    from realpolitik.store import get_store

    last = get_store().coverage("sipri_tiv")[1]
    body = client.get("/api/arms/suppliers?recipient=AZE").json()
    assert (body["query"]["from"], body["query"]["to"]) == (last - 4, last)


def test_brief_api_has_seed_figures(client):
    r = client.get("/api/brief/Israel/Azeri", params={"as_of": "2024-10-09"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["query"] == {"command": "brief", "a": "ISR", "b": "AZE", "as_of": "2024-10-09"}
    text = json.dumps(body, ensure_ascii=False)
    assert "67.7 %" in text and "689 km" in text
    # served from the cache the second time, byte-identical
    assert client.get("/api/brief/ISR/AZE?as_of=2024-10-09").content == r.content


def test_countries_autocomplete(client):
    rows = client.get("/api/countries", params={"q": "azer"}).json()
    assert rows[0] == {"id": "AZE", "name": "Azerbaijan", "kind": "state"}
    assert client.get("/api/countries", params={"q": ""}).json() == []
    assert client.get("/api/countries/Azeri").json()["id"] == "AZE"


def test_other_endpoints_answer(client):
    for url, needle in [
        ("/api/borders?country=AZE", "IRN"),
        ("/api/border?a=AZE&b=IRN", "689"),
        ("/api/rivals?country=ISR", "IRN"),
        ("/api/trade/partners?country=AZE", "ISR"),
        ("/api/oil/production?country=AZE&from=2020&to=2020", "2020"),
        ("/api/arms/windows?recipient=AZE&supplier=ISR", "2016"),
        ("/api/relations?a=ISR&b=AZE", "sections"),
        ("/api/country/AZE/profile", "presidential republic"),
        ("/api/profile?country=Azeri", "cinc"),
    ]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert needle in r.text, url


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in [
        "/api/arms/suppliers",
        "/api/brief/{a}/{b}",
        "/api/check",
        "/api/countries",
        "/api/network/partnerships",
    ]:
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui-bundle.js" in docs.text and "cdn." not in docs.text


# ---- pages ---------------------------------------------------------------------------------------


def test_pages_render(client):
    assert "Explore partnerships" in client.get("/").text
    page = client.get("/country/AZE").text
    for needle in [
        "Azerbaijan",
        "presidential republic",
        "Top arms suppliers",
        "Türkiye",
        "Iran",
        "689",
        "Armenia",
    ]:
        assert needle in page, needle
    dyad = client.get("/dyad/ISR/AZE?as_of=2024-10-09")
    assert dyad.status_code == 200
    assert "67.7 %" in dyad.text and 'data-chart="share_ISR_to_AZE"' in dyad.text
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', dyad.text)
    assert "/static/vendor/vega-embed.min.js" in scripts
    assert all(s.startswith("/static/") for s in scripts)  # no CDN
    assert "<script>" not in dyad.text  # no inline script (the CSP would block it anyway)


def test_canonical_redirects(client):
    r = client.get("/dyad/Israel/Azerbaijan?as_of=2024-10-09", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/dyad/ISR/AZE?as_of=2024-10-09"
    r = client.get("/country/azeri", follow_redirects=False)
    assert r.headers["location"] == "/country/AZE"
    r = client.get("/search?q=Israel", follow_redirects=False)
    assert r.headers["location"] == "/country/ISR"
    r = client.get("/dyad?a=Israel&b=Azerbaijan&as_of=2024-10-09", follow_redirects=False)
    assert r.headers["location"] == "/dyad/ISR/AZE?as_of=2024-10-09"


def test_unknown_country_404_with_suggestions(client):
    r = client.get("/country/Azerbajanistan")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "Azerbaijan" in r.text and 'href="/country/AZE"' in r.text
    r = client.get("/dyad/ISR/Azerbajanistan?as_of=2024-10-09")
    assert r.status_code == 404 and 'href="/dyad/ISR/AZE?as_of=2024-10-09"' in r.text
    r = client.get("/api/arms/suppliers?recipient=Azerbajanistan")
    assert r.status_code == 404
    assert r.json()["suggestions"][0] == "Azerbaijan"


def test_bad_input_is_400_not_500(client):
    r = client.get("/dyad/ISR/AZE?as_of=yesterday")
    assert r.status_code == 400 and "YYYY-MM-DD" in r.text
    r = client.get("/dyad/ISR/Israel")
    assert r.status_code == 400 and "two different countries" in r.text
    r = client.get("/api/arms/suppliers?recipient=AZE&from=1900&to=1910")
    assert r.status_code == 400 and "coverage" in r.json()["error"]
    r = client.get("/api/arms/suppliers?recipient=AZE&from=abc")
    assert r.status_code == 422 and r.json()["error"] == "invalid request"
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "<html" in r.text


def test_user_text_is_escaped(client):
    r = client.get("/search", params={"q": XSS})
    assert r.status_code == 404
    assert "<script>window.__xss" not in r.text and "&lt;script&gt;" in r.text
    assert "<img src=x" not in r.text
    r = client.get("/api/countries", params={"q": XSS})
    assert r.status_code == 200 and r.json() == []


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    head = client.head("/country/AZE")
    assert (
        head.status_code == 200
        and head.content == b""
        and "content-security-policy" in head.headers
    )


def test_internal_error_hides_details(client, monkeypatch, caplog):
    from realpolitik.web import services

    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail /etc/passwd")

    services.brief.cache_clear()
    services.BRIEF_JSON.clear()
    monkeypatch.setattr("realpolitik.analyses.brief.brief", boom)
    with caplog.at_level(logging.ERROR, logger="realpolitik.web"):
        r = client.get("/api/brief/FRA/DEU?as_of=2020-01-01")
        page = client.get("/dyad/FRA/DEU?as_of=2020-01-01")
    assert r.status_code == 500 and "secret" not in r.text and "Traceback" not in r.text
    assert r.json()["error"].startswith("Something went wrong")
    assert page.status_code == 500 and "secret" not in page.text and "Internal error" in page.text
    assert "secret internal detail" in caplog.text  # the details go to the server log


# ---- body limit ----------------------------------------------------------------------------------


def test_body_limit_413(client):
    big = "x" * (MAX_BODY + 10)
    r = client.post("/api/check", json={"text": big})
    assert r.status_code == 413 and "1 MB" in r.json()["error"]
    r = client.post("/check", data={"text": big}, headers={"accept": "text/html"})
    assert r.status_code == 413 and "text/html" in r.headers["content-type"] and "1 MB" in r.text


def test_body_limit_without_content_length(client):
    def chunks():
        for _ in range(20):
            yield b"y" * (64 * 1024)

    r = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    small = iter([b'{"text": "no claims here", ', b'"date": "2024-01-01"}'])
    r = client.post("/api/check", content=small, headers={"content-type": "application/json"})
    assert r.status_code in (
        200,
        503,
    )  # the body was replayed intact (503 only without the claim checker)


# ---- claim check ---------------------------------------------------------------------------------


def test_segments_split_at_spans():
    text = "Alpha beta gamma delta."
    claims = [{"span": [6, 10]}, {"span": [8, 16]}, {"span": [17, 22]}]
    segs = segments(text, claims)
    assert "".join(s.text for s in segs) == text
    assert segs == [
        Segment("Alpha "),
        Segment("beta", 0),
        Segment(" gamma "),
        Segment("delta", 2),
        Segment("."),
    ]


def test_check_api_and_page(client):
    article = EXAMPLE.read_text(encoding="utf-8")
    body = client.post("/api/check", json={"text": article}).json()
    assert len(body["claims"]) >= 5
    doc_text = body["document"]["text"]
    for c in body["claims"]:
        start, end = c["span"]
        assert doc_text[start:end] == c["text"]
    page = client.post("/check", data={"text": article})
    assert page.status_code == 200
    assert page.text.count('class="claim v-') >= 5
    up = client.post("/check", files={"file": ("a.md", article.encode(), "text/markdown")})
    assert up.status_code == 200 and up.text.count('class="claim v-') >= 5
    r = client.post("/check", data={"text": "   "})
    assert r.status_code == 400


def test_check_page_escapes_article(client):
    text = f"{XSS}\nIsrael supplied 60% of Azerbaijan's arms imports in 2016-2020. {XSS}"
    page = client.post("/check", data={"text": text}).text
    assert "<script>window.__xss" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page


# ---- network -------------------------------------------------------------------------------------


def test_network_api_and_page(client):
    rows = client.get("/api/network/partnerships?year=2020&top=25").json()["rows"]
    pairs = {frozenset((r["a_id"], r["b_id"])) for r in rows}
    assert frozenset(("ISR", "AZE")) in pairs
    hood = client.get("/api/network/neighbourhood?country=AZE&year=2020").json()
    ids = {n["id"] for n in hood["nodes"]}
    assert {"AZE", "ISR", "IRN"} <= ids
    signs = {(lk["a"], lk["b"]): lk["sign"] for lk in hood["links"]}
    assert signs.get(("AZE", "IRN"), signs.get(("IRN", "AZE"))) == -1
    page = client.get("/network?year=2020&country=Azerbaijan")
    assert page.status_code == 200
    assert (
        'href="/dyad/ISR/AZE?as_of=2021-01-01"' in page.text
        or 'href="/dyad/AZE/ISR?as_of=2021-01-01"' in page.text
    )
    assert 'data-chart="neighbourhood"' in page.text


def test_upload_over_limit_is_413(client):
    big = b"Israel supplied 60% of Azerbaijan's arms. " * (MAX_BODY // 40)
    r = client.post(
        "/check", files={"file": ("big.txt", big, "text/plain")}, headers={"accept": "text/html"}
    )
    assert r.status_code == 413 and "Request too large" in r.text


def test_serve_command_is_registered(cli):
    r = cli("serve", "--help")
    assert r.returncode == 0 and "--port" in r.stdout and "--host" in r.stdout


# ---- limits and reliability (issue 17) -------------------------------------------------------


def test_long_query_parameters_are_refused_quickly(client):
    r = client.get("/api/arms/suppliers", params={"recipient": "A" * 20_000})
    assert r.status_code == 414 and "2048" in r.json()["error"]
    r = client.get("/api/arms/suppliers", params={"recipient": "A" * 300})
    assert r.status_code == 422  # over the 200-character cap of a country name
    r = client.get("/country/" + "x" * 300)
    assert r.status_code in (400, 422)


def test_lone_surrogates_are_422_not_500(client):
    body = '{"text": "Israel supplied 60% \\ud800 of Azerbaijan\'s arms."}'
    r = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422 and "surrogate" in r.text


def test_check_text_over_the_cap_is_413(client):
    from realpolitik.web.services import MAX_CHECK_CHARS

    r = client.post("/api/check", json={"text": "a " * (MAX_CHECK_CHARS // 2 + 10)})
    assert r.status_code == 413 and "at most" in r.json()["error"]


def test_slow_body_is_408():
    import asyncio

    from realpolitik.web.middleware import SafetyMiddleware

    async def app(scope, receive, send):  # never reached
        raise AssertionError

    sent: list[dict] = []

    async def receive():
        await asyncio.sleep(5)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/check",
        "headers": [],
        "query_string": b"",
    }
    asyncio.run(SafetyMiddleware(app, body_timeout=0.2)(scope, receive, send))
    assert sent[0]["status"] == 408


def test_checker_deadline_kills_the_worker_and_the_pool_recovers():
    from realpolitik.web.checkpool import CheckPool, CheckTimeout, Worker

    pool = CheckPool(size=1, deadline=60)
    try:
        w = Worker()
        with pytest.raises(CheckTimeout):
            # a job that cannot finish in 0 s: the wait gives up and the caller kills the worker
            w.run(("More than 60% of Azerbaijani weapons imports come from Israel.", None, "x"), 0)
        w.kill()
        assert not w.proc.is_alive()
        report = pool.run("Azerbaijan shares a 689 km border with Iran.", "2024-05-14", "<text>")
        assert any(c["type"] == "border_length" for c in report["claims"])
    finally:
        pool.close()


def test_server_answers_while_a_check_runs(monkeypatch):
    """A check runs in a worker process: the event loop serves other requests meanwhile, and a
    check past its deadline is a 422 (the worker is killed)."""
    import threading
    import time

    import httpx

    from tests.browser import served

    monkeypatch.setenv("REALPOLITIK_CHECK_DEADLINE", "3")
    slow = (
        "Azerbaijan shares a 689 km border with Iran." + "\n\n" * 40_000
    )  # quadratic before the fix
    with served() as base:
        got: dict = {}
        t0 = time.monotonic()
        t = threading.Thread(
            target=lambda: got.update(
                r=httpx.post(f"{base}/api/check", json={"text": slow}, timeout=60)
            )
        )
        t.start()
        answered = []
        while t.is_alive():
            h0 = time.monotonic()
            assert httpx.get(f"{base}/healthz", timeout=10).status_code == 200
            answered.append(time.monotonic() - h0)
            time.sleep(0.05)
        took = time.monotonic() - t0
    r = got["r"]
    if r.status_code == 422:  # the check ran into its deadline; the server answered meanwhile
        assert "deadline" in r.json()["error"] and len(answered) >= 3
    else:  # a checker that is linear on this input finishes in time
        assert r.status_code == 200, r.text
    assert took < 30


def test_shared_check_link_and_expiry(client, monkeypatch):
    from realpolitik.web import shares

    r = client.post(
        "/check",
        data={"text": "Azerbaijan shares a 689 km border with Iran."},
        follow_redirects=False,
    )
    assert r.status_code == 303
    url = r.headers["location"]
    page = client.get(url)
    assert page.status_code == 200 and "689" in page.text and "7 days" in page.text
    csv = client.get(url + "/claims.csv")
    assert csv.status_code == 200 and "border_length" in csv.text
    check_id = url.rsplit("/", 1)[1]
    later = shares.load(check_id)["saved"] + shares.TTL_S + 1
    assert shares.load(check_id, now=later) is None  # expired: deleted
    assert client.get(url).status_code == 404


def test_share_store_is_capped(tmp_path, monkeypatch):
    from realpolitik.web import shares

    monkeypatch.setattr(shares, "folder", lambda: tmp_path)
    monkeypatch.setattr(shares, "MAX_ENTRIES", 3)
    for i in range(5):
        shares.save(f"{i:020x}", {"text": "t"}, now=1_000_000 + i)
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == [f"{i:020x}" for i in (2, 3, 4)]


def test_api_csv_equals_cli_csv(client, cli_in_process):
    cli = cli_in_process  # the CLI's output, printed in-process
    r = client.get("/api/arms/suppliers?recipient=AZE&from=2016&to=2020&format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    out = cli("arms", "suppliers", "AZE", "--from", "2016", "--to", "2020", "--format", "csv")
    assert r.text == out.stdout
    rel = client.get("/api/relations?a=ISR&b=AZE&format=csv").text
    assert rel == cli("relations", "ISR", "AZE", "--format", "csv").stdout


def test_pages_use_words_not_column_names(client):
    page = client.get("/country/IND").text
    assert "Showing 10 of" in page and "suppliers" in page
    assert '<th scope="col">TIV (SIPRI, millions)</th>' in page
    assert ">True<" not in page and ">False<" not in page
    html = client.get("/dyad/IND/RUS?as_of=2024-01-01").text
    dyad = visible(html)
    # one succession note: the share chart starts in 1992 and its title says why; the arms facts
    # give the Soviet Union's share; the web adds no second note of its own
    assert "from 1992; earlier transfers are filed under the Soviet Union" in html  # chart title
    assert "Soviet Union supplied 76.5 % of India's arms imports in 1987–91" in dyad
    assert dyad.count("SIPRI files deliveries before 1992") == 0
    net = client.get("/network?year=2020&country=AZE").text
    assert re.search(r"The graph draws \d+ of Azerbaijan's \d+ neighbours", net)


def test_serve_rejects_bad_host_and_log_level(cli):
    r = cli("serve", "--host", "")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "--host" in r.stderr
    r = cli("serve", "--log-level", "bogus")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1


def test_header_deadline_closes_stalled_connections():
    import socket
    import threading
    import time

    import uvicorn

    from realpolitik.web.server import HttpProtocol
    from tests.browser import free_port

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    HttpProtocol.header_timeout = 0.5
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, http=HttpProtocol, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        stalled = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
        stalled[0].sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # half a request, then nothing
        with socket.create_connection(("127.0.0.1", port)) as ok:
            ok.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert ok.recv(100).startswith(b"HTTP/1.1 200")
        for s in stalled:
            s.settimeout(5)
            assert b"408" in s.recv(200)  # closed with a 408 after the deadline
            s.close()
    finally:
        HttpProtocol.header_timeout = 10.0
        server.should_exit = True
        thread.join(timeout=10)


def visible(html: str) -> str:
    """A page's text as a reader sees it (no tags, attributes, scripts or chart specs)."""
    import html as h

    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    return h.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)))


# snake_case keys: conflict_reading, tss_rivalries, …
RAW = re.compile(r"\b(?:[a-z]+_)+[a-z0-9]+\b")


def own_words(html: str) -> str:
    """What the page itself writes: without the query layer's notes (they name the download's
    columns), the sources' citations and the page's own address."""
    html = re.sub(
        r'<p class="note">.*?</p>|<section id="sources">.*?</section>', " ", html, flags=re.S
    )
    return re.sub(r"/dyad/\S+", " ", visible(html))


def test_dyad_page_leads_with_the_relationship_in_words(client):
    page = client.get("/dyad/ARM/AZE?as_of=2024-10-09").text
    text = visible(page)
    rel = text.index("The relationship: rivals since 1991")  # after the table of contents
    conflict, summary = text.index("The conflict", rel), text.index("Summary", rel)
    assert rel < conflict < summary  # the relationship first, then the conflict (adversaries only)
    deciding = text[rel:conflict]
    assert "What decides it" in deciding and "UCDP/PRIO conflict 388" in deciding
    assert "[UCDP/PRIO armed conflicts, 1991–2023]" in deciding  # its dataset and years, in words
    assert "side A Azerbaijan, backed by Türkiye" in text[conflict:summary]  # who backed whom, 2020
    # tables in words: each side's hostility by name, levels and obligation types spelled out
    assert "hostility of Armenia" in text and "4 (use of force)" in text
    assert "non-aggression" in text and "COW MIDs" in text
    assert RAW.findall(own_words(page)) == [], "raw keys or ids on the page"
    assert "armed_rivals" not in text and "hostility_ARM" not in text


def test_dyad_page_of_partners_has_no_conflict_section(client):
    page = client.get("/dyad/ISR/AZE?as_of=2024-10-09").text
    text = visible(page)
    assert "The relationship: partners" in text and "The conflict" not in text
    assert "Israel supplied 40.2 % of Azerbaijan's arms imports in 2019–2023" in text
    assert "[SIPRI Arms Transfers, 2019–2023]" in text
    assert RAW.findall(own_words(page)) == []


def test_tables_cut_at_the_as_of_date_say_so_and_download_the_cut(client):
    page = client.get("/dyad/ISR/AZE?as_of=2015-01-01").text
    assert "up to 2015-01-01" in visible(page)
    deals = client.get("/dyad/ISR/AZE/data/deals_ISR_to_AZE.json?as_of=2015-01-01").json()
    assert deals["rows"] and all(r["order_year"] <= 2014 for r in deals["rows"])
    assert deals["query"]["as_of"] == "2015-01-01"


def test_guessed_country_is_said_on_the_page(client):
    r = client.get("/search?q=Azerbaijann", follow_redirects=False)
    assert r.headers["location"] == "/country/Azerbaijann"  # kept, so the page can say it
    for url in ("/country/Azerbaijann", "/network?year=2020&country=Azerbaijann"):
        assert "Understood 'Azerbaijann' → Azerbaijan (nearest spelling)" in visible(
            client.get(url).text
        )
    r = client.get("/dyad/Azerbaijann/Israel?as_of=2024-10-09", follow_redirects=False)
    assert r.headers["location"] == "/dyad/Azerbaijann/ISR?as_of=2024-10-09"
    page = visible(client.get(r.headers["location"]).text)
    assert "Understood 'Azerbaijann' → Azerbaijan" in page and "67.7 %" in page
    assert "Understood" not in client.get("/country/AZE").text  # exact names say nothing


def test_country_panel_gap_is_said_once(client):
    text = visible(client.get("/country/AND").text)
    assert text.count("SIPRI records no arms imports for Andorra") == 1


def test_network_page_names_the_model_types(client):
    text = own_words(client.get("/network?year=2020&country=AZE").text)
    assert re.search(
        r"The relationship model reads Azerbaijan's \d+ ties in 2020 as: .*at war 1", text
    )
    # the ties table
    assert "Armenia Azerbaijan at war" in text or "Azerbaijan Armenia at war" in text
    assert "(rule " not in text and "docs/relations.md" not in text
    hood = client.get("/api/network/neighbourhood?country=AZE&year=2020").json()
    assert {lk["type"] for lk in hood["links"] if lk["ego"]} >= {"at war", "allies"}


def test_network_parts_equal_the_analyses(client, cli):
    """The web reads triads off its cached graph and slices one ranking per year: same rows as the CLI."""
    from realpolitik.analyses.network.triads import triads
    from realpolitik.web import services as S

    ours, theirs = S.triads("AZE", 2020), triads("AZE", 2020)
    assert ours.frame.equals(theirs.frame) and ours.notes == theirs.notes
    csv = client.get("/api/network/partnerships?year=2020&top=5&format=csv").text
    assert (
        csv
        == cli("network", "partnerships", "--year", "2020", "--top", "5", "--format", "csv").stdout
    )


def test_check_cards_say_roles_both_rankings_and_the_verdict_as_published(client):
    """An analyst's reading of the evidence cards: who supplies whom, both oil-producer rankings
    in every year, SIPRI's release at the article date beside today's data, sources by name."""
    text = (
        "China accounted for 5.8% of global arms exports in 2019-2023. "
        "Azerbaijan, the 24th largest oil producer, shares a 689 km border with Iran."
    )
    page = client.post("/check", data={"text": text, "date": "2024-03-11"})
    cards = visible(page.text.split('id="evidence"')[1].split('id="all-claims"')[0])
    china = cards[: cards.index("Oil-producer rank")]
    # today's data contradict 5.8 %, SIPRI's 2024 release (current on 2024-03-11) supports it
    assert "contradicted supported as published (2024 release)" in china
    assert "5.8 %" in china and "6.3 %" in china
    assert "SIPRI Arms Transfers, 2025" in china and "sources sipri" not in china
    oil = cards[cards.index("Oil-producer rank") :]
    assert "2016 rank " in oil and " by volume, " in oil and " by energy" in oil
    assert "about Azerbaijan; Iran" in cards
    r = client.post(
        "/check", data={"text": "Israel supplied 60% of Azerbaijan's arms imports in 2016-2020."}
    )
    assert "about recipient Azerbaijan; supplier Israel" in visible(r.text)


def test_dyad_page_heading_says_a_war_ended_and_an_unread_pair(client):
    """The heading follows the reading: the Falklands war of 1982 ended that year; Tuvalu (in the COW system
    from 2000) with the United States in 1994 is not read — not 'no tie above the thresholds'."""
    war = visible(client.get("/dyad/GBR/ARG?as_of=1983-06-30").text)
    assert "The relationship: at war in 1982, the fighting ended that year" in war
    tuvalu = visible(client.get("/dyad/TUV/USA?as_of=1995-06-01").text)
    assert "The relationship: not read (a state outside the COW state system)" in tuvalu
    assert "no tie above the thresholds" not in tuvalu and "What's in it for" not in tuvalu


def test_dyad_page_of_adversaries_says_each_thing_once(client):
    text = visible(client.get("/dyad/IND/PAK?as_of=1972-01-01").text)
    line = "UCDP/PRIO conflict 218 in 1971 (war intensity): side A India; side B Pakistan."
    assert text.count(line) == 1  # in the conflict section, not again in the summary
    assert "Summary India and Pakistan were at war in 1971, and the fighting ended that year" in text
    assert "What's in it for" not in text and "No motive found" not in text  # enemies, no motives
    assert "1 rows" not in text and "Border India – Pakistan (1 row)" in text
    trade_note = "cow_trade: COW Dyadic Trade v4, US$ millions"
    assert text.count(trade_note) == 1  # under the trade chart, not again under its table


def test_conflict_section_in_time_order(client):
    text = visible(client.get("/dyad/ISR/EGY?as_of=1975-06-01").text)
    years = [int(y) for y in re.findall(r"UCDP/PRIO conflict \d+ in (\d{4})", text)]
    assert len(years) >= 3 and years == sorted(years)


@given(st.text(alphabet="ab #-1.\n ", max_size=80))
def test_reflow_keeps_length_and_paragraphs(text):
    from realpolitik.web.services import reflow

    out = reflow(text)
    assert len(out) == len(text)  # claim spans still index it
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, out, strict=True))
    assert out.count("\n\n") == text.count("\n\n")  # paragraph breaks stay


def test_check_page_reads_as_written(client):
    text = "Azerbaijan shares a 689 km\nborder with Iran.\n\nA second paragraph."
    page = client.post("/check", data={"text": text}).text
    article = page.split('id="article">')[1].split("</article>")[0]
    assert "689 km\nborder" not in article and "\n\nA second paragraph." in article


def test_shared_check_is_checked_again_after_a_new_checker(client):
    """A link stored by an older checker or snapshot shows today's verdicts, under the same id and expiry."""
    from realpolitik.web import shares

    text = "Azerbaijan shares a 689 km border with Iran."
    url = client.post("/check", data={"text": text}, follow_redirects=False).headers["location"]
    check_id = url.rsplit("/", 1)[1]
    old = shares.load(check_id)
    stale = {**old, "checker": "an older checker", "report": {**old["report"], "claims": []}}
    shares.save(check_id, {k: v for k, v in stale.items() if k != "saved"}, now=old["saved"])
    assert shares.load(check_id)["report"]["claims"] == []
    page = client.get(url)
    assert page.status_code == 200 and 'class="claim v-supported"' in page.text
    again = shares.load(check_id)
    assert again["checker"] == old["checker"] and again["saved"] == old["saved"]
