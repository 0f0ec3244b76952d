"""Server-rendered pages: search, country, dyad brief, claim check, network."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from starlette.exceptions import HTTPException as StarletteHTTPException

from realpolitik.errors import UserError
from realpolitik.web import evidence, shares
from realpolitik.web import services as S
from realpolitik.web.checkpool import digest
from realpolitik.web.charts import balance_chart, force_graph

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
    return _redirect(f"/country/{quote(c.id, safe='')}")


@router.get("/country/{text}", response_class=HTMLResponse)
def country(request: Request, text: Annotated[str, Path(max_length=200)]) -> Response:
    c = S.country(text)
    if text != c.id:
        return _redirect(f"/country/{quote(c.id, safe='')}")
    panels = S.profile(c.id)
    return render(request, "country.html", title=c.name, c=c, panels=panels, spec_json=spec_json)


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
    return _redirect(
        f"/dyad/{quote(ca.id, safe='')}/{quote(cb.id, safe='')}"
        + (f"?{urlencode({'as_of': day})}" if day else "")
    )


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(
    request: Request,
    a: Annotated[str, Path(max_length=200)],
    b: Annotated[str, Path(max_length=200)],
    as_of: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """The brief of a pair as of a date; any resolver input redirects to the canonical ids."""
    ca, cb = S.country(a), S.country(b)
    day = S.as_of(as_of)
    if (a, b) != (ca.id, cb.id):
        return _redirect(
            f"/dyad/{quote(ca.id, safe='')}/{quote(cb.id, safe='')}"
            + (f"?{urlencode({'as_of': day})}" if day else "")
        )
    br = S.brief(ca.id, cb.id, day or S.today())
    share = request.url.path + (f"?{urlencode({'as_of': day})}" if day else "")
    return render(
        request,
        "dyad.html",
        title=f"{ca.name} – {cb.name}",
        b=br,
        ca=ca,
        cb=cb,
        as_of=day or "",
        share=share,
        spec_json=spec_json,
    )


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
    if shares.load(check_id) is None:
        report = await request.app.state.checks.check(text, day, name)
        shares.save(check_id, {"text": text, "date": day, "name": name, "report": report})
    return RedirectResponse(f"/check/{check_id}", status_code=303)


def _shared(check_id: str) -> dict[str, Any]:
    data = shares.load(check_id)
    if data is None:
        raise StarletteHTTPException(404, f"This check is unknown or has expired (links last "
                                          f"{shares.TTL_DAYS} days); paste the text again.")  # fmt: skip
    return data


@router.get("/check/{check_id}/claims.csv")
def checked_csv(check_id: Annotated[str, Path(max_length=40)]) -> Response:
    return S.csv_response(S.claims_table(_shared(check_id)["report"]), f"claims-{check_id}.csv")


@router.get("/check/{check_id}/report.json")
def checked_json(check_id: Annotated[str, Path(max_length=40)]) -> Response:
    return Response(S.dumps(_shared(check_id)["report"]), media_type="application/json")


@router.get("/check/{check_id}", response_class=HTMLResponse)
def checked(request: Request, check_id: Annotated[str, Path(max_length=40)]) -> Response:
    """A shared check: the article with its claims highlighted, verdicts and evidence."""
    data = _shared(check_id)
    report = data["report"]
    doc, claims = report["document"], report["claims"]
    counts = {v: sum(1 for c in claims if c.get("verdict") == v) for v in VERDICTS}
    expires = datetime.fromtimestamp(shares.expires(data), UTC).strftime("%Y-%m-%d %H:%M UTC")
    return render(request, "check.html", title="Claim check", text=data["text"], report=report,
                  doc=doc, claims=[evidence.claim_view(c) for c in claims],
                  segments=S.segments(doc.get("text", ""), claims), counts=counts,
                  has_example=EXAMPLE.is_file(), verdicts=VERDICTS, check_id=check_id,
                  expires=expires, ttl_days=shares.TTL_DAYS)  # fmt: skip


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request,
    year: Annotated[int, Query(ge=1816, le=2100)] = 2020,
    country: Annotated[str, Query(max_length=200)] = "AZE",
    top: Annotated[int, Query(ge=1, le=200)] = 25,
) -> HTMLResponse:
    """Unlikely partnerships of a year, balance over time, and a country's signed neighbourhood."""
    c = S.country(country)
    ctx: dict[str, Any] = {
        "title": f"Network {year}",
        "year": year,
        "c": c,
        "top": top,
        "spec_json": spec_json,
    }
    ctx["partnerships"] = _attempt(lambda: S.partnerships(year, top))
    ctx["triads"] = _attempt(lambda: S.triads(c.id, year))
    hood = _attempt(lambda: S.neighbourhood(c.id, year))
    ctx["hood"] = hood
    if isinstance(hood, dict) and hood.get("nodes"):
        ctx["graph"] = force_graph(hood)
    ctx["balance"] = balance_chart(1950, 2024)
    return render(request, "network.html", **ctx)


def _attempt(fn) -> Any:
    """A network part, or the reason it is missing (a user error such as a year outside the data) as a string."""
    try:
        return fn()
    except UserError as e:
        return str(e)
    except Exception:
        S.log.exception("network page part failed")
        return "This part could not be computed (the error is in the server log)."
