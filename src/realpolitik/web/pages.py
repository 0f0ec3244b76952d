"""Server-rendered pages: search, country, dyad brief, claim check, network."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from realpolitik.errors import UserError
from realpolitik.result import Result
from realpolitik.web import evidence, relationship, shares, views
from realpolitik.web import services as S
from realpolitik.web.charts import balance_chart, force_graph
from realpolitik.web.checkpool import digest

router = APIRouter(include_in_schema=False)
EXAMPLE = FsPath(__file__).resolve().parents[3] / "examples" / "article_azerbaijan_israel.md"
VERDICTS = ["supported", "contradicted", "mixed", "unverifiable"]


def render(request: Request, name: str, **ctx: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, ctx)


def spec_json(spec: dict[str, Any]) -> str:
    """A chart spec as JSON for a data-spec attribute (Jinja escapes it; JS parses it)."""
    return json.dumps(S.clean(spec), ensure_ascii=False)


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=307)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return render(request, "index.html", title="realpolitik explorer")


@router.get("/search")
def search(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    """A country name, code or demonym → its page (unknown → 404 with suggestions)."""
    if not q.strip():
        return _redirect("/")
    c = S.country(q.strip())
    return _redirect(f"/country/{_q(_shown(q.strip(), c.id))}")


PAGES: dict[str, bytes] = {}
PAGES_MAX = 256


def cached_page(request: Request, build: Callable[[], HTMLResponse]) -> Response:
    """A page that depends only on its URL and the (read-only) snapshot: rendered once, then
    served from memory (oldest of PAGES_MAX dropped first)."""
    key = str(request.url.path) + "?" + str(request.url.query)
    body = PAGES.get(key)
    if body is None:
        body = bytes(build().body)
        while len(PAGES) >= PAGES_MAX:
            PAGES.pop(next(iter(PAGES)), None)
        PAGES[key] = body
    return HTMLResponse(body)


def _q(value: str) -> str:
    return quote(value, safe="")


def _shown(text: str, cid: str) -> str:
    """What a page's address keeps for a country: its id, unless the resolver guessed (a typo
    read as its nearest spelling), where the text stays so that the page can say what it understood."""
    return text if S.guessed(text) else cid


MAP_SIDES = ("suppliers", "recipients")


@router.get("/country/{text}", response_class=HTMLResponse)
def country(
    request: Request,
    text: Annotated[str, Path(max_length=200)],
    map: Annotated[str, Query(max_length=20, pattern="^(suppliers|recipients)$")] = "suppliers",
) -> Response:
    """A country's page; `map` chooses the arms map (its suppliers or its recipients)."""
    c = S.country(text)
    if _shown(text, c.id) != text:
        return _redirect(f"/country/{_q(c.id)}" + (f"?map={map}" if map != "suppliers" else ""))
    understood = S.UNDERSTOOD.get()

    def build() -> HTMLResponse:
        panels = S.profile(c.id)
        side = "arms_suppliers" if map == "suppliers" else "arms_clients"
        arms = next((p for p in panels if p.key == side), None)
        amap = views.arms_map(arms.result, c.id, map) if arms and arms.result is not None else None
        if amap is not None and not amap.rows:
            amap = None
        return render(request, "country.html", title=c.name, c=c, panels=panels, amap=amap,
                      map_side=map, spec_json=spec_json, understood=understood,
                      canonical=f"/country/{_q(c.id)}")  # fmt: skip

    return cached_page(request, build)


@router.get("/country/{cid}/data/{name}.{fmt}")
def country_data(
    cid: Annotated[str, Path(max_length=200)],
    name: Annotated[str, Path(max_length=40)],
    fmt: Annotated[str, Path(pattern="^(csv|json)$")],
) -> Response:
    """One table (panel) or the map of a country page as CSV or JSON (all rows, not only those shown)."""
    c = S.country(cid)
    panels = {p.key: p for p in S.profile(c.id)}
    if name in ("map_suppliers", "map_recipients"):
        side = "arms_suppliers" if name == "map_suppliers" else "arms_clients"
        r = views.arms_map(panels[side].result, c.id, name[4:]).result(
            {"page": f"/country/{c.id}", "chart": name}
        )
    elif name in panels and panels[name].result is not None:
        r = panels[name].result
    else:
        raise StarletteHTTPException(404, f"The page of {c.name} has no table {name!r}.")
    return _download(r, f"{c.id}-{name}.{fmt}", fmt)


def _download(r: Result, filename: str, fmt: str) -> Response:
    if fmt == "csv":
        return S.csv_response(r, filename)
    return Response(S.dumps(r.to_dict()), media_type="application/json")


@router.get("/dyad")
def dyad_form(
    a: Annotated[str, Query(max_length=200)] = "",
    b: Annotated[str, Query(max_length=200)] = "",
    as_of: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    """The search form's pair → the canonical dyad URL."""
    if not a.strip() or not b.strip():
        raise UserError("a dyad needs two countries")
    ca, cb = S.country(a.strip()), S.country(b.strip())
    day = S.as_of(as_of.strip() or None)
    pa, pb = _shown(a.strip(), ca.id), _shown(b.strip(), cb.id)
    return _redirect(f"/dyad/{_q(pa)}/{_q(pb)}" + (f"?{urlencode({'as_of': day})}" if day else ""))


def _pair(a: str, b: str, as_of: str | None) -> tuple[Any, Any, str | None]:
    ca, cb = S.country(a), S.country(b)
    return ca, cb, S.as_of(as_of)


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(
    request: Request,
    a: Annotated[str, Path(max_length=200)],
    b: Annotated[str, Path(max_length=200)],
    as_of: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """The brief of a pair as of a date; any resolver input redirects to the canonical ids."""
    ca, cb, day = _pair(a, b, as_of)
    suffix = f"?{urlencode({'as_of': day})}" if day else ""
    shown = (_shown(a, ca.id), _shown(b, cb.id))
    if (a, b) != shown:
        return _redirect(f"/dyad/{_q(shown[0])}/{_q(shown[1])}{suffix}")
    understood = S.UNDERSTOOD.get()

    def build() -> HTMLResponse:
        br = S.brief(ca.id, cb.id, day or S.today())
        charts = views.cached_dyad_charts(ca.id, cb.id, day or S.today())
        base = f"/dyad/{_q(ca.id)}/{_q(cb.id)}"
        rel = relationship.view(S.clean(br.relationship_dict()))
        lead = [_in_time_order(s) for s in br.sections if s.key == "conflict"]
        rest = [s for s in br.sections if s.key != "conflict"]
        # the conflict section leads: its facts are not repeated in the summary (the relationship's
        # own sentence stays there, the conflict section leaves it out)
        said = {f.text for s in lead for f in s.facts} - {rel.text if rel else ""}
        summary = [line for line in br.summary if line not in said]
        motives = br.shows_motives
        toc = [("relationship", "The relationship")] if rel else []
        toc += [(s.key, s.title) for s in lead]
        toc += [("summary", "Summary")] + (
            [("motives", "What's in it for each side")] if motives else []
        )
        toc += [(s.key, s.title) for s in rest] + [("sources", "Sources")]
        names = {"A": ca.name, "B": cb.name, ca.id: ca.name, cb.id: cb.name}
        return render(request, "dyad.html", title=f"{ca.name} – {cb.name}", b=br, ca=ca, cb=cb,
                      as_of=day or "", share=base + suffix, base=base, suffix=suffix,
                      charts=charts, toc=toc, rel=rel, lead=lead, rest=rest, names=names,
                      summary=summary, motives=motives,
                      year_now=int((day or S.today())[:4]), spec_json=spec_json,
                      understood=understood, canonical=base + suffix)  # fmt: skip

    return cached_page(request, build)


def _in_time_order(s: Any) -> Any:
    """The conflict section with its fighting in time order (the brief lists it conflict by
    conflict), then the other lines (each side's suppliers) as they were."""
    fighting = sorted((f for f in s.facts if f.source == "ucdp_acd"), key=lambda f: str(f.period))
    return replace(s, facts=fighting + [f for f in s.facts if f.source != "ucdp_acd"])


def _dyad_item(a: str, b: str, as_of: str | None, name: str) -> tuple[Any, Any, Result]:
    ca, cb, day = _pair(a, b, as_of)
    br = S.brief(ca.id, cb.id, day or S.today())
    tables = S.brief_tables(br)
    if name in tables:
        return ca, cb, tables[name]
    for charts in views.cached_dyad_charts(ca.id, cb.id, day or S.today()).values():
        for ch in charts:
            if ch.name == name:
                return (
                    ca,
                    cb,
                    ch.result({"page": f"/dyad/{ca.id}/{cb.id}", "as_of": br.as_of, "chart": name}),
                )
    raise StarletteHTTPException(
        404, f"The brief {ca.name} – {cb.name} has no table or chart {name!r}."
    )


@router.get("/dyad/{a}/{b}/data/{name}.{fmt}")
def dyad_data(
    a: Annotated[str, Path(max_length=200)],
    b: Annotated[str, Path(max_length=200)],
    name: Annotated[str, Path(max_length=60)],
    fmt: Annotated[str, Path(pattern="^(csv|json)$")],
    as_of: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """One table or chart of a dyad page as CSV (the CLI's `--format csv`) or JSON."""
    ca, cb, r = _dyad_item(a, b, as_of, name)
    return _download(r, f"{ca.id}-{cb.id}-{name}.{fmt}", fmt)


# ---- embeds: single charts that other sites may frame ------------------------------------------


@router.get("/embed/dyad/{a}/{b}/{name}", response_class=HTMLResponse)
def embed_dyad(
    request: Request,
    a: Annotated[str, Path(max_length=200)],
    b: Annotated[str, Path(max_length=200)],
    name: Annotated[str, Path(max_length=60)],
    as_of: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """One chart of a dyad page alone, for an <iframe> (the only pages that may be framed)."""
    ca, cb, day = _pair(a, b, as_of)
    suffix = f"?{urlencode({'as_of': day})}" if day else ""
    for charts in views.cached_dyad_charts(ca.id, cb.id, day or S.today()).values():
        for ch in charts:
            if ch.name == name:
                page = f"/dyad/{_q(ca.id)}/{_q(cb.id)}{suffix}"
                return _embed(
                    request, ch, page, f"/dyad/{_q(ca.id)}/{_q(cb.id)}/data/{_q(name)}.csv{suffix}"
                )
    raise StarletteHTTPException(404, f"The brief {ca.name} – {cb.name} has no chart {name!r}.")


@router.get("/embed/country/{cid}/{name}", response_class=HTMLResponse)
def embed_country(
    request: Request,
    cid: Annotated[str, Path(max_length=200)],
    name: Annotated[str, Path(max_length=60)],
) -> Response:
    c = S.country(cid)
    panels = {p.key: p for p in S.profile(c.id)}
    if name in ("map_suppliers", "map_recipients"):
        side = "arms_suppliers" if name == "map_suppliers" else "arms_clients"
        ch = views.arms_map(panels[side].result, c.id, name[4:])
    elif name == "oil" and panels["oil"].chart:
        r = panels["oil"].result
        ch = views.Chart(
            "oil", panels["oil"].chart, [], r.sources, [], f"Oil production of {c.name}"
        )
    else:
        raise StarletteHTTPException(404, f"The page of {c.name} has no chart {name!r}.")
    return _embed(request, ch, f"/country/{_q(c.id)}", f"/country/{_q(c.id)}/data/{_q(name)}.csv")


@router.get("/embed/network/balance", response_class=HTMLResponse)
def embed_balance(request: Request) -> Response:
    spec = balance_chart(1950, 2024)
    ch = views.Chart("balance", spec, [], [], [], str(spec["title"]))
    return _embed(request, ch, "/network", "/api/network/balance?from=1950&to=2024&format=csv")


def _embed(request: Request, ch: views.Chart, page: str, csv: str) -> HTMLResponse:
    json_url = (
        csv.replace(".csv", ".json", 1)
        if ".csv" in csv
        else csv.replace("format=csv", "format=json")
    )
    return render(request, "embed.html", title=ch.title, ch=ch, page=page, csv=csv, json=json_url,
                  spec_json=spec_json)  # fmt: skip


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request, example: bool = False) -> HTMLResponse:
    text = EXAMPLE.read_text(encoding="utf-8") if example and EXAMPLE.is_file() else ""
    return render(request, "check.html", title="Check an article", text=text, report=None,
                  has_example=EXAMPLE.is_file(), ttl_days=shares.TTL_DAYS)  # fmt: skip


@router.post("/check")
async def check(
    request: Request,
    text: Annotated[str, Form()] = "",
    date: Annotated[str, Form(max_length=20)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Paste text or upload a file → check it, keep it for its link, and go to /check/{id}."""
    name = "<text>"
    if file is not None and file.filename:
        raw = await file.read()
        if b"\x00" in raw[:4096]:
            raise UserError(f"{file.filename}: not a text file (Markdown, HTML or plain text)")
        text, name = raw.decode("utf-8", errors="replace"), file.filename[:200]
    if not text.strip():
        raise UserError("paste an article or choose a file to check")
    day = date.strip() or None
    check_id = digest(text, day, name)
    await _checked_now(request, check_id, shares.load(check_id), text, day, name)
    return RedirectResponse(f"/check/{check_id}", status_code=303)


async def _checked_now(request: Request, check_id: str, data: dict[str, Any] | None, text: str,
                       day: str | None, name: str) -> dict[str, Any]:  # fmt: skip
    """The stored check, checked again when a new snapshot or checker came since it was stored (the
    link keeps its id and its expiry), or checked and stored for the first time."""
    from realpolitik.web.diskcache import checker_key

    key = checker_key()
    if data is not None and data.get("checker") == key:
        return data
    report = await request.app.state.checks.check(text, day, name)
    fresh = {"text": text, "date": day, "name": name, "report": report, "checker": key}
    shares.save(check_id, fresh, now=None if data is None else data.get("saved"))
    return shares.load(check_id) or fresh


def _shared(check_id: str) -> dict[str, Any]:
    data = shares.load(check_id)
    if data is None:
        raise StarletteHTTPException(404, f"This check is unknown or has expired (links last "
                                          f"{shares.TTL_DAYS} days); paste the text again.")  # fmt: skip
    return data


@router.get("/check/{check_id}/claims.csv")
async def checked_csv(request: Request, check_id: Annotated[str, Path(max_length=40)]) -> Response:
    data = await _current(request, check_id)
    return S.csv_response(S.claims_table(data["report"]), f"claims-{check_id}.csv")


@router.get("/check/{check_id}/report.json")
async def checked_json(request: Request, check_id: Annotated[str, Path(max_length=40)]) -> Response:
    data = await _current(request, check_id)
    return Response(S.dumps(data["report"]), media_type="application/json")


async def _current(request: Request, check_id: str) -> dict[str, Any]:
    """A shared check as today's snapshot and checker read it (404 when unknown or expired)."""
    data = _shared(check_id)
    return await _checked_now(request, check_id, data, data["text"], data["date"], data["name"])


@router.get("/check/{check_id}", response_class=HTMLResponse)
async def checked(request: Request, check_id: Annotated[str, Path(max_length=40)]) -> Response:
    """A shared check: the article with its claims highlighted, verdicts and evidence."""
    data = await _current(request, check_id)
    report = data["report"]
    doc, claims = report["document"], report["claims"]
    counts = {v: sum(1 for c in claims if c.get("verdict") == v) for v in VERDICTS}
    expires = datetime.fromtimestamp(shares.expires(data), UTC).strftime("%Y-%m-%d %H:%M UTC")
    return render(request, "check.html", title="Claim check", text=data["text"], report=report,
                  doc=doc, claims=[evidence.claim_view(c) for c in claims],
                  segments=S.segments(S.reflow(doc.get("text", "")), claims), counts=counts,
                  has_example=EXAMPLE.is_file(), verdicts=VERDICTS, check_id=check_id,
                  expires=expires, ttl_days=shares.TTL_DAYS)  # fmt: skip


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request,
    year: Annotated[int, Query(ge=1816, le=2100)] = S.NETWORK_YEAR,
    country: Annotated[str, Query(max_length=200)] = "AZE",
    top: Annotated[int, Query(ge=1, le=200)] = 25,
) -> Response:
    """Unlikely partnerships of a year, balance over time, and a country's signed neighbourhood."""
    c = S.country(country)
    understood = S.UNDERSTOOD.get()

    def build() -> HTMLResponse:
        ctx: dict[str, Any] = {"title": f"Network {year}", "year": year, "c": c, "top": top,
                               "spec_json": spec_json, "understood": understood,
                               "canonical": "/network?" + urlencode({"year": year, "country": c.id, "top": top})}  # fmt: skip
        ctx["partnerships"] = _attempt(lambda: S.partnerships(year, top))
        ctx["types"] = _attempt(lambda: _pair_types(ctx["partnerships"], year)) or {}
        ctx["triads"] = _attempt(lambda: S.triads(c.id, year))
        hood = _attempt(lambda: S.neighbourhood(c.id, year))
        ctx["hood"] = hood
        if isinstance(hood, dict) and hood.get("nodes"):
            ctx["graph"] = force_graph(hood)
            ctx["drawn"] = {n["id"] for n in hood["nodes"]}
            ctx["tiemap"] = _attempt(lambda: views.network_map(c.id, c.name, year))
        ctx["balance"] = balance_chart(1950, 2024, year)
        ctx["toc"] = [("partnerships", "Unlikely partnerships"), ("neighbourhood", f"{c.name}'s ties"),
                      ("triads", "Triads"), ("balance", "Balance over time")]  # fmt: skip
        ctx["q"] = urlencode({"country": c.id, "year": year})
        ctx["nav"] = "/network?" + urlencode({"country": c.id, "top": top}) + "&year={}"
        return render(request, "network.html", **ctx)

    return cached_page(request, build)


def _pair_types(r: Any, year: int) -> dict[tuple[str, str], str]:
    """The relationship model's type (in words) of each listed pair that has a tie in the year's graph."""
    if isinstance(r, str):
        return {}
    g = S.signed_graph(year)
    return {(a, b): S.tie_type(g[a][b]) for a, b in zip(r.frame["a_id"], r.frame["b_id"], strict=True)
            if g.has_edge(a, b)}  # fmt: skip


def _attempt(fn) -> Any:
    """A network part, or the reason it is missing (a user error such as a year outside the data) as a string."""
    try:
        return fn()
    except UserError as e:
        return str(e)
    except Exception:
        S.log.exception("network page part failed")
        return "This part could not be computed (the error is in the server log)."
