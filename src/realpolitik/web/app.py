"""The FastAPI app: pages (Jinja2, autoescaped), the JSON API, vendored static files, safety middleware."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from realpolitik.errors import UnknownCountry, UserError
from realpolitik.web.middleware import MAX_BODY, SafetyMiddleware
from realpolitik.web.services import MAX_CHECK_CHARS

HERE = Path(__file__).parent
log = logging.getLogger("realpolitik.web")


def templates() -> Jinja2Templates:
    """Jinja2 templates with autoescape on for every template (not only *.html)."""
    t = Jinja2Templates(directory=str(HERE / "templates"))
    t.env.autoescape = True
    from realpolitik.analyses.brief.render import latest_first
    from realpolitik.result import Result
    from realpolitik.web.labels import cell, column, dataset, evidence_words

    t.env.filters["cell"] = lambda value, name="": cell(value, str(name))
    t.env.filters["label"] = lambda name, names=None: column(str(name), names)
    t.env.filters["dataset"] = lambda name: dataset(str(name))
    t.env.filters["evidence"] = lambda text: evidence_words(str(text))
    t.env.filters["latest_first"] = lambda r: Result(
        latest_first(r.frame), r.query, r.sources, r.notes, r.title
    )
    t.env.filters["pct"] = lambda v, d=1: "–" if v is None else f"{100 * float(v):.{d}f} %"
    t.env.filters["q"] = lambda v: quote(str(v), safe="")
    t.env.globals["max_body_mb"] = MAX_BODY // (1024 * 1024)
    t.env.globals["max_check_chars"] = MAX_CHECK_CHARS
    return t


def wants_json(request: Request) -> bool:
    """API paths (and clients that do not accept HTML) get JSON errors."""
    if request.url.path.startswith("/api/") or request.url.path == "/healthz":
        return True
    accept = request.headers.get("accept", "")
    return bool(accept) and "text/html" not in accept and "*/*" not in accept


def error_page(
    request: Request,
    status: int,
    title: str,
    message: str,
    suggestions: list[tuple[str, str]] | None = None,
) -> Response:
    """An error as JSON (API) or as the site's error page (browsers); never a traceback."""
    if wants_json(request):
        body: dict[str, Any] = {"error": message, "status": status}
        if suggestions is not None:
            body["suggestions"] = [name for name, _ in suggestions]
        return JSONResponse(body, status_code=status)
    ctx = {"status": status, "title": title, "message": message, "suggestions": suggestions or []}
    return request.app.state.templates.TemplateResponse(
        request, "error.html", ctx, status_code=status
    )


def _suggestion_links(request: Request, exc: UnknownCountry) -> list[tuple[str, str]]:
    """Each suggestion with a link: the same page with the unknown part replaced, else its country page."""
    from realpolitik.countries import try_resolve

    out = []
    path = request.url.path
    bad = "/" + quote(exc.query, safe="")
    for name in exc.suggestions:
        c = try_resolve(name)
        if c is None:
            continue
        cid = quote(c.id, safe="")
        if path.startswith(("/dyad/", "/country/")) and bad in path:
            url = path.replace(bad, "/" + cid, 1) + (
                f"?{request.url.query}" if request.url.query else ""
            )
        else:
            url = f"/country/{cid}"
        out.append((c.name, url))
    return out


TITLES = {404: "Not found", 405: "Method not allowed", 408: "Request too slow",
          413: "Request too large", 414: "Address too long", 422: "Cannot process this text",
          503: "Busy"}  # fmt: skip


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(UnknownCountry)
    async def unknown_country(request: Request, exc: UnknownCountry) -> Response:
        return error_page(
            request, 404, "Unknown country", str(exc), _suggestion_links(request, exc)
        )

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        from realpolitik.web.services import Rejected

        status = exc.status if isinstance(exc, Rejected) else 400
        return error_page(request, status, TITLES.get(status, "Bad request"), str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_json(request):
            errors = [
                {"loc": list(e.get("loc", [])), "msg": e.get("msg", "")} for e in exc.errors()
            ]
            return JSONResponse(
                {"error": "invalid request", "status": 422, "detail": errors}, status_code=422
            )
        parts = [
            f"{'.'.join(str(x) for x in e.get('loc', [])[1:])}: {e.get('msg', '')}"
            for e in exc.errors()
        ]
        return error_page(request, 400, "Bad request", "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        titles = TITLES
        msg = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"There is no page at {request.url.path}."
        return error_page(request, exc.status_code, titles.get(exc.status_code, "Error"), msg)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        ref = uuid.uuid4().hex[:8]
        log.error("internal error %s on %s %s", ref, request.method, request.url.path, exc_info=exc)
        return error_page(
            request,
            500,
            "Internal error",
            f"Something went wrong on our side (reference {ref}); the details are in the server log.",
        )


def create_app() -> FastAPI:
    """The web explorer: pages, /api/… (documented at /docs), static files; no CDN, no stack traces."""
    from realpolitik.web import api, pages
    from realpolitik.web.checkpool import CheckPool

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=warm_up, args=(app,), daemon=True, name="warm-up").start()
        yield
        app.state.checks.close()

    app = FastAPI(
        lifespan=lifespan,
        title="realpolitik",
        summary="Explain, discover and fact-check strategic partnerships between states from open data.",
        description="JSON API mirroring the `realpolitik` CLI. Every figure comes with its sources and notes.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
    )
    app.state.templates = templates()
    app.state.checks = CheckPool()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _install_handlers(app)
    app.add_middleware(SafetyMiddleware, max_body=MAX_BODY, too_large=_too_large(app))

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="realpolitik API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )
        back = b'<body>\n<p style="margin:0;padding:.5em 1em;font:15px system-ui,sans-serif"><a href="/">&larr; back to the realpolitik explorer</a></p>'
        return HTMLResponse(bytes(page.body).replace(b"<body>", back, 1))

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> Response:
        warm = b"true" if getattr(app.state, "warm", False) else b"false"
        return Response(b'{"ok":true,"warm":' + warm + b"}", media_type="application/json")

    return app


def warm_up(app: FastAPI) -> None:
    """At start-up, in the background: import the query layer, open the snapshot, start the claim
    checker and load the network balance series, so no first visit pays for them; then build the
    default year's network (about a second of CPU, stored on disk for later processes)."""
    try:
        from realpolitik.analyses import brief  # noqa: F401
        from realpolitik.analyses.network import graph  # noqa: F401
        from realpolitik.store import get_store
        from realpolitik.web import services as S
        from realpolitik.web.diskcache import snapshot_key

        get_store()
        snapshot_key()
        app.state.checks.start()
        S.balance_series(1950, 2024)
        # once per snapshot (the disk cache keeps it): the network the front page links to
        S.signed_graph(S.NETWORK_YEAR)
        S.partnerships(S.NETWORK_YEAR, S.RANKED)
    except Exception:  # the pages report the real failure; here it is only logged
        log.exception("warm-up failed")
    app.state.warm = True


def _too_large(app: FastAPI):
    """The body of a 413 answer: JSON for the API, the error page for browsers."""

    def render(path: str, accept: str) -> tuple[bytes, str]:
        msg = f"The request body is larger than the {MAX_BODY // (1024 * 1024)} MB limit."
        if path.startswith("/api/") or (
            "text/html" not in accept and "*/*" not in accept and accept
        ):
            from realpolitik.web.services import dumps

            return dumps({"error": msg, "status": 413}), "application/json"
        tpl = app.state.templates.env.get_template("error.html")
        html = tpl.render(
            status=413, title="Request too large", message=msg, suggestions=[], request=None
        )
        return html.encode(), "text/html; charset=utf-8"

    return render


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("realpolitik")
    except Exception:
        return "0"
