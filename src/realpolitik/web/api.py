"""The JSON API under /api/: the CLI's commands as GET endpoints (POST for the claim check).

Every endpoint calls the same query function as its CLI command and answers with the CLI's JSON
contract ({"query", "rows", "sources", "notes"}), or with `?format=csv` the CLI's `--format csv`
(several tables: each after a `# name` line, as the CLI prints them); errors are
{"error", "status"} with 400 (bad input), 404 (unknown country, with "suggestions"), 413 (body
over 1 MB), 422 (a parameter of the wrong type, text that is not valid Unicode), 503 (analysis
not built).
"""

from __future__ import annotations

from contextvars import ContextVar
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator

from realpolitik.result import Result
from realpolitik.web import services as S


class OutFormat(StrEnum):
    json = "json"
    csv = "csv"


FORMAT: ContextVar[OutFormat] = ContextVar("format", default=OutFormat.json)


async def output_format(
    format: Annotated[OutFormat, Query(description="json (default) or csv")] = OutFormat.json,
) -> None:
    """Remember ?format= for the endpoint (async: the value is copied into its worker thread)."""
    FORMAT.set(format)


router = APIRouter(prefix="/api", dependencies=[Depends(output_format)])

CountryQ = Annotated[
    str,
    Query(max_length=200, description="Country name, ISO code, demonym, … (any resolver input)"),
]
FromQ = Annotated[
    int | None,
    Query(alias="from", description="First year (inclusive); default: latest 5-year window"),
]
ToQ = Annotated[int | None, Query(alias="to", description="Last year (inclusive)")]
YearQ = Annotated[int | None, Query(description="Year (default: latest with data)")]


class JSON(Response):
    """Strict JSON (NaN → null), UTF-8."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return content if isinstance(content, bytes) else S.dumps(content)


def result(r: Result) -> Response:
    """A Result as the CLI's JSON document (resolver guesses first in its notes) or, with
    ?format=csv, the CLI's CSV."""
    if FORMAT.get() is OutFormat.csv:
        return S.csv_response(r)
    body = r.to_dict()
    body["notes"] = [*S.UNDERSTOOD.get(), *body["notes"]]
    return JSON(body)


def sections(query: dict[str, Any], parts: dict[str, Result]) -> Response:
    """Several Results: {"query", "sections"} or each table's CSV after a `# name` line."""
    if FORMAT.get() is OutFormat.csv:
        return S.csv_response(parts)
    return JSON({"query": query, "sections": {k: r.to_dict() for k, r in parts.items()}})


def rows(body: Any, table: list[dict[str, Any]]) -> Response:
    """A JSON body, or with ?format=csv the list of records that is its table."""
    return S.csv_response(table) if FORMAT.get() is OutFormat.csv else JSON(body)


def _period(start: int | None, end: int | None, table: str):
    from realpolitik.cli.common import period_or_latest

    return period_or_latest(start, end, table)


# ---- countries -------------------------------------------------------------------------------------


@router.get(
    "/countries",
    tags=["countries"],
    summary="Autocomplete: countries whose name or alias starts with q",
)
def countries(
    q: Annotated[str, Query(max_length=100)] = "", limit: Annotated[int, Query(ge=1, le=50)] = 10
) -> Response:
    from realpolitik.countries import search

    found = [{"id": c.id, "name": c.name, "kind": c.kind} for c in search(q, limit)]
    return rows(found, found)


@router.get(
    "/countries/{text}",
    tags=["countries"],
    summary="Resolve a name, code or demonym to its canonical country",
)
def country(text: Annotated[str, Path(max_length=200)]) -> Response:
    c = S.country(text).to_dict()
    return rows(c, [c])


@router.get(
    "/profile",
    tags=["countries"],
    summary="`profile COUNTRY --format json`: the country card by section",
)
def profile_card(country: CountryQ) -> Response:
    from realpolitik.queries.profile import profile as card

    c = S.country(country)
    return sections({"command": "profile", "country": c.id}, card(c))


@router.get(
    "/country/{text}/profile", tags=["countries"], summary="Everything on the country page, as JSON"
)
def profile(text: Annotated[str, Path(max_length=200)]) -> Response:
    c = S.country(text)
    panels = S.profile(c.id)
    if FORMAT.get() is OutFormat.csv:
        return S.csv_response({p.key: p.result for p in panels if p.result is not None})
    return JSON({"country": c.to_dict(), "panels": {p.key: p.to_dict() for p in panels}})


# ---- arms ------------------------------------------------------------------------------------------


class Kind(StrEnum):
    exporters = "exporters"
    importers = "importers"


@router.get(
    "/arms/suppliers", tags=["arms"], summary="`arms suppliers`: who supplied arms to the recipient"
)
def arms_suppliers(recipient: CountryQ, start: FromQ = None, end: ToQ = None) -> Response:
    from realpolitik.queries import arms

    return result(arms.suppliers(S.country(recipient), _period(start, end, arms.TABLE)))


@router.get(
    "/arms/recipients", tags=["arms"], summary="`arms recipients`: who received the supplier's arms"
)
def arms_recipients(supplier: CountryQ, start: FromQ = None, end: ToQ = None) -> Response:
    from realpolitik.queries import arms

    return result(arms.recipients(S.country(supplier), _period(start, end, arms.TABLE)))


@router.get("/arms/top", tags=["arms"], summary="`arms top`: largest exporters or importers")
def arms_top(
    kind: Kind = Kind.exporters,
    start: FromQ = None,
    end: ToQ = None,
    limit: Annotated[int, Query(ge=1, le=300)] = 10,
) -> Response:
    from realpolitik.queries import arms

    return result(arms.top(kind.value, _period(start, end, arms.TABLE), limit))


@router.get(
    "/arms/deals",
    tags=["arms"],
    summary="`arms deals`: deal-register rows from supplier to recipient",
)
def arms_deals(
    supplier: CountryQ, recipient: CountryQ, start: FromQ = None, end: ToQ = None
) -> Response:
    from realpolitik.queries import arms

    period = None if start is None and end is None else _period(start, end, "sipri_register")
    return result(arms.deals(S.country(supplier), S.country(recipient), period))


@router.get(
    "/arms/windows",
    tags=["arms"],
    summary="`arms windows`: supplier's share of recipient's imports per window",
)
def arms_windows(
    recipient: CountryQ, supplier: CountryQ, width: Annotated[int, Query(ge=1, le=50)] = 5
) -> Response:
    from realpolitik.queries import arms

    return result(arms.windows(S.country(recipient), S.country(supplier), width))


@router.get("/arms/series", tags=["arms"], summary="`arms series`: TIV by year in both directions")
def arms_series(a: CountryQ, b: CountryQ) -> Response:
    from realpolitik.queries import arms

    return result(arms.series(S.country(a), S.country(b)))


# ---- oil and trade ---------------------------------------------------------------------------------


class Indicator(StrEnum):
    oil_production = "oil_production"
    gas_production = "gas_production"
    oil_consumption = "oil_consumption"
    oil_reserves = "oil_reserves"


class Flow(StrEnum):
    exports = "exports"
    imports = "imports"


@router.get(
    "/oil/producers",
    tags=["oil"],
    summary="`oil producers`: countries ranked by production in a year",
)
def oil_producers(
    year: YearQ = None,
    indicator: Indicator = Indicator.oil_production,
    limit: Annotated[int | None, Query(ge=1, le=300)] = None,
) -> Response:
    from realpolitik.queries import energy

    return result(energy.producers(year, indicator.value, limit))


@router.get(
    "/oil/production",
    tags=["oil"],
    summary="`oil production`: a country's series with rank and share",
)
def oil_production(
    country: CountryQ,
    start: FromQ = None,
    end: ToQ = None,
    indicator: Indicator = Indicator.oil_production,
) -> Response:
    from realpolitik.queries import energy

    return result(energy.production(S.country(country), indicator.value, start, end))


@router.get(
    "/oil/sources", tags=["oil"], summary="`oil sources`: where the importer's crude oil comes from"
)
def oil_sources(importer: CountryQ, year: YearQ = None) -> Response:
    from realpolitik.queries import trade

    return result(trade.crude_sources(S.country(importer), year))


@router.get("/oil/buyers", tags=["oil"], summary="`oil buyers`: who buys the exporter's crude oil")
def oil_buyers(exporter: CountryQ, year: YearQ = None) -> Response:
    from realpolitik.queries import trade

    return result(trade.crude_buyers(S.country(exporter), year))


@router.get("/oil/dyad", tags=["oil"], summary="`oil dyad`: crude-oil flows between two countries")
def oil_dyad(a: CountryQ, b: CountryQ) -> Response:
    from realpolitik.queries import trade

    return result(trade.crude_dyad(S.country(a), S.country(b)))


@router.get(
    "/trade/partners", tags=["trade"], summary="`trade partners`: top export or import partners"
)
def trade_partners(
    country: CountryQ,
    flow: Flow = Flow.exports,
    year: YearQ = None,
    limit: Annotated[int, Query(ge=1, le=300)] = 10,
) -> Response:
    from realpolitik.queries import trade

    return result(trade.partners(S.country(country), flow.value, year, limit))


@router.get("/trade/dyad", tags=["trade"], summary="`trade dyad`: trade between two countries")
def trade_dyad(a: CountryQ, b: CountryQ) -> Response:
    from realpolitik.queries import trade

    return result(trade.dyad(S.country(a), S.country(b)))


# ---- geography and security ------------------------------------------------------------------------


@router.get(
    "/borders", tags=["geography"], summary="`borders`: neighbours with border km and contiguity"
)
def borders(country: CountryQ, year: YearQ = None) -> Response:
    from realpolitik.queries import geo

    return result(geo.borders(S.country(country), year))


@router.get("/border", tags=["geography"], summary="`border`: the border between two countries")
def border(a: CountryQ, b: CountryQ) -> Response:
    from realpolitik.queries import geo

    return result(geo.border(S.country(a), S.country(b)))


@router.get("/rivals", tags=["security"], summary="`rivals`: strategic rivals and dispute partners")
def rivals(country: CountryQ, year: YearQ = None) -> Response:
    from realpolitik.queries import security

    return result(security.rivals(S.country(country), year))


@router.get(
    "/relations",
    tags=["security"],
    summary="`relations`: alliances, disputes, rivalry, contiguity of a pair",
)
def relations(a: CountryQ, b: CountryQ) -> Response:
    from realpolitik.queries import security

    parts = security.relations(S.country(a), S.country(b))
    first = next(iter(parts.values()))
    return sections({k: v for k, v in first.query.items() if k != "section"}, parts)


# ---- brief -----------------------------------------------------------------------------------------


@router.get(
    "/brief/{a}/{b}",
    tags=["brief"],
    summary="`brief A B --format json`: the dyad brief with every figure",
)
async def brief(
    a: Annotated[str, Path(max_length=200)],
    b: Annotated[str, Path(max_length=200)],
    as_of: Annotated[
        str | None, Query(max_length=20, description="Date YYYY-MM-DD (default today)")
    ] = None,
) -> Response:
    ca, cb = S.country(a), S.country(b)
    key = (ca.id, cb.id, S.as_of(as_of) or S.today())
    if FORMAT.get() is OutFormat.csv:
        from starlette.concurrency import run_in_threadpool

        br = await run_in_threadpool(S.brief, *key)
        return S.csv_response(S.brief_tables(br))
    cached = S.BRIEF_JSON.get(key)  # hot path: no thread hop for a brief already built
    if cached is None:
        from starlette.concurrency import run_in_threadpool

        cached = await run_in_threadpool(S.brief_json, *key)
    return JSON(cached)


# ---- claim check -----------------------------------------------------------------------------------


class CheckRequest(BaseModel):
    text: str = Field(description="The article: plain text, Markdown or HTML")
    date: str | None = Field(
        default=None,
        max_length=20,
        description="Article date YYYY-MM-DD (else read from the text, else today)",
    )
    name: str = Field(
        default="<text>", max_length=200, description="File name (helps detect the format)"
    )

    @field_validator("text", "name")
    @classmethod
    def unicode(cls, v: str) -> str:
        """Lone surrogates (valid JSON escapes, invalid text) are a 422, not a crash."""
        try:
            v.encode("utf-8")
        except UnicodeEncodeError as e:
            raise ValueError(f"not valid Unicode: a lone surrogate at character {e.start}") from e
        return v


@router.post(
    "/check",
    tags=["claims"],
    summary="`check`: extract and verify the article's claims (body ≤ 1 MB)",
)
async def check(req: CheckRequest, request: Request) -> Response:
    report = await request.app.state.checks.check(req.text, req.date or None, req.name)
    return rows(report, S.claims_table(report))


# ---- network ---------------------------------------------------------------------------------------


@router.get(
    "/network/partnerships",
    tags=["network"],
    summary="`network partnerships`: unlikely partnerships in a year",
)
def network_partnerships(
    year: Annotated[int, Query(ge=1816, le=2100)], top: Annotated[int, Query(ge=1, le=500)] = 25
) -> Response:
    return result(S.partnerships(year, top))


@router.get(
    "/network/balance",
    tags=["network"],
    summary="`network balance --from --to`: structural balance per year",
)
def network_balance(
    start: Annotated[int, Query(alias="from", ge=1816, le=2100)] = 1950,
    end: Annotated[int, Query(alias="to", ge=1816, le=2100)] = 2024,
) -> Response:
    return result(S.balance_series(start, end))


@router.get(
    "/network/triads",
    tags=["network"],
    summary="`network triads COUNTRY --year Y`: triads through a country",
)
def network_triads(country: CountryQ, year: Annotated[int, Query(ge=1816, le=2100)]) -> Response:
    return result(S.triads(S.country(country).id, year))


@router.get(
    "/network/neighbourhood",
    tags=["network"],
    summary="A country's signed neighbourhood (nodes, links) in a year",
)
def network_neighbourhood(
    country: CountryQ,
    year: Annotated[int, Query(ge=1816, le=2100)],
    limit: Annotated[int, Query(ge=1, le=200)] = 30,
) -> Response:
    hood = S.neighbourhood(S.country(country).id, year, limit)
    return rows(hood, hood["links"])


# ---- data ------------------------------------------------------------------------------------------


@router.get("/data/info", tags=["data"], summary="`data info`: tables of the active snapshot")
def data_info() -> Response:
    from realpolitik.queries import meta

    return result(meta.snapshot_info())
