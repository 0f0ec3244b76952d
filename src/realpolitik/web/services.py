"""What the pages and the JSON API compute: the CLI's query functions, resolved ids and small caches."""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import pandas as pd

from realpolitik.countries import Country, match, resolve
from realpolitik.errors import UserError
from realpolitik.result import Result

log = logging.getLogger("realpolitik.web")


UNDERSTOOD: ContextVar[tuple[str, ...]] = ContextVar("realpolitik_understood", default=())
"""This request's resolver notes ("'Azerbaijann' → Azerbaijan (nearest spelling)"), for `notes`."""


def guessed(text: str) -> bool:
    """Whether the resolver had to guess (a typo read as its nearest spelling): the page says so."""
    try:
        return match(text).note is not None
    except UserError:
        return False


def country(text: str) -> Country:
    """Resolve any resolver input (name, code, demonym); UnknownCountry carries suggestions. A
    guessed reading is kept in UNDERSTOOD so that the API can say it in the result's notes."""
    m = match(text)
    if m.note and m.note not in UNDERSTOOD.get():
        UNDERSTOOD.set((*UNDERSTOOD.get(), m.note))
    return m.country


def as_of(value: str | None, name: str = "as_of") -> str | None:
    """Validate a date (YYYY, YYYY-MM or YYYY-MM-DD) early, so a bad one is a clear 400, not a failed
    brief; returned as YYYY-MM-DD."""
    from realpolitik.asof import DATE_FORMS, as_of_date

    if value in (None, ""):
        return None
    try:
        return as_of_date(value).isoformat()
    except ValueError as e:
        raise UserError(f"{name} must be a date ({DATE_FORMS}), got {value!r}") from e


def clean(value: Any) -> Any:
    """JSON-safe copy: NaN/inf become null, numpy scalars plain numbers, unknown objects strings."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if hasattr(value, "item"):
        try:
            return clean(value.item())
        except (ValueError, TypeError):
            pass
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def dumps(value: Any) -> bytes:
    """Strict JSON bytes (no NaN), UTF-8."""
    return json.dumps(clean(value), ensure_ascii=False, allow_nan=False).encode()


def to_csv(data: Result | dict[str, Result] | list[dict[str, Any]]) -> str:
    """The CLI's `--format csv`: one Result's CSV, several after `# name` lines, or plain records."""
    from realpolitik.render.formats import to_csv as result_csv

    if isinstance(data, Result):
        return result_csv(data)
    if isinstance(data, dict):
        return "".join(f"# {name}\n{result_csv(r)}\n" for name, r in data.items())
    return pd.DataFrame([clean(r) for r in data]).to_csv(index=False)


def csv_response(data: Result | dict[str, Result] | list[dict[str, Any]], name: str = "") -> Any:
    """A text/csv response (a download named `name` when given)."""
    from fastapi.responses import Response

    headers = {"content-disposition": f'attachment; filename="{name}"'} if name else None
    return Response(to_csv(data), media_type="text/csv; charset=utf-8", headers=headers)


# ---- brief ---------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def brief(a_id: str, b_id: str, day: str) -> Any:
    """The dyad brief for canonical ids and an ISO date (cached: the snapshot is read-only while serving)."""
    from realpolitik.analyses.brief import brief as make

    return make(a_id, b_id, as_of=day)


BRIEF_JSON: dict[tuple[str, str, str], bytes] = {}
BRIEF_JSON_MAX = 256


def brief_json(a_id: str, b_id: str, day: str) -> bytes:
    """The brief's JSON (the CLI's `brief --format json` document) as bytes, cached (oldest evicted first)."""
    key = (a_id, b_id, day)
    out = BRIEF_JSON.get(key)
    if out is None:
        out = dumps(brief(a_id, b_id, day).to_dict())
        while len(BRIEF_JSON) >= BRIEF_JSON_MAX:
            BRIEF_JSON.pop(next(iter(BRIEF_JSON)), None)
        BRIEF_JSON[key] = out
    return out


def brief_tables(br: Any) -> dict[str, Result]:
    """Every table of a brief by key (the dyad page's downloads): the rows of its query, cut at the
    as-of date where the query says `as_of`."""
    return {k: t for s in br.sections for k, t in s.tables.items()}


def today() -> str:
    return date.today().isoformat()


# ---- country profile -----------------------------------------------------------------------------


@dataclass
class Panel:
    """One box of the country page: a title, a few labelled figures, a table, notes or a gap."""

    key: str
    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    result: Result | None = None
    columns: list[str] | None = None
    links: dict[str, str] = field(
        default_factory=dict
    )  # display column -> id column (country links)
    chart: dict[str, Any] | None = None
    missing: str | None = None
    limit: int = 15  # rows shown on the page (the downloads have all)
    noun: str = "rows"

    def partners(self, own: str, n: int = 6) -> list[str]:
        """Distinct partner ids of the table (first n, not the country itself), for brief links."""
        if self.result is None or not self.links or self.result.frame.empty:
            return []
        col = next(iter(self.links.values()))
        ids = [i for i in self.result.frame[col].tolist() if isinstance(i, str) and i and i != own]
        return list(dict.fromkeys(ids))[:n]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "facts": dict(self.facts)}
        if self.result is not None:
            out["result"] = self.result.to_dict()
        if self.missing:
            out["missing"] = self.missing
        return out


def _panel(key: str, title: str, fill) -> Panel:
    """Run one section's queries; user errors become a stated gap, bugs a logged generic gap."""
    p = Panel(key, title)
    try:
        fill(p)
    except UserError as e:
        p.missing = str(e)
    except Exception:  # one broken section must not take the page down
        log.exception("country panel %s failed", key)
        p.missing = "This section could not be computed (the error is in the server log)."
    return p


def _facts(c: Country, p: Panel) -> None:
    from realpolitik.queries import alignment
    from realpolitik.queries import profile_facts as pf

    r = pf.profile_facts(c)
    keep = [
        "population",
        "GDP (official exchange rate, US$)",
        "real GDP per capita (PPP)",
        "exports (goods and services)",
        "imports (goods and services)",
    ]
    rows = r.frame.set_index("field")["text"].to_dict() if not r.frame.empty else {}
    p.facts += [(k, str(rows[k])) for k in keep if rows.get(k)]
    gov = pf.government_type(c)
    if gov:
        p.facts.append(("government type", gov))
    reg = alignment.regime(c).frame
    if not reg.empty:
        last = reg.iloc[-1]
        bits = []
        if pd.notna(last.get("v2x_polyarchy")):
            bits.append(f"V-Dem polyarchy {float(last['v2x_polyarchy']):.2f}")
        sub = reg.dropna(subset=["polity2"]) if "polity2" in reg else reg.iloc[0:0]
        if not sub.empty:
            bits.append(f"Polity2 {int(sub.iloc[-1]['polity2'])} ({int(sub.iloc[-1]['year'])})")
        if bits:
            p.facts.append((f"regime ({int(last['year'])})", "; ".join(bits)))
    rel = pf.religions(c)
    if not rel.frame.empty:
        text = ", ".join(
            f"{r.religion} {r.share_text}" for r in rel.frame.itertuples() if r.share_text
        )
        p.facts.append(
            (
                f"religions ({rel.frame['year'].dropna().max() if rel.frame['year'].notna().any() else 'n.d.'})",
                text,
            )
        )
    p.result = r
    if not p.facts:
        p.missing = f"The CIA World Factbook has no profile for {c.name}."


def _oil(c: Country, p: Panel) -> None:
    from realpolitik.queries import energy
    from realpolitik.render.charts import series_chart

    r = energy.production(c, "oil_production")
    f = r.frame.dropna(subset=["twh"]) if not r.frame.empty else r.frame
    f = f[f["twh"] > 0] if not f.empty else f
    if f.empty:
        p.missing = f"OWID records no oil production for {c.name}."
        return
    last = f.iloc[-1]
    rank = (
        f"rank {int(last['rank'])} of {int(last['ranked_of'])}"
        if pd.notna(last["rank"])
        else "unranked"
    )
    p.facts.append(
        (
            f"oil production ({int(last['year'])})",
            f"{last['twh']:,.0f} TWh, {rank}, {100 * last['share']:.2f} % of world",
        )
    )
    best = f.loc[f["rank"].idxmin()] if f["rank"].notna().any() else None
    if best is not None:
        p.facts.append(("best rank", f"{int(best['rank'])} in {int(best['year'])}"))
    p.result = r
    spec = series_chart(
        f[["year", "twh"]],
        "year",
        {"twh": "oil production (TWh)"},
        f"Oil production of {c.name} (OWID)",
        "TWh",
    )
    spec["encoding"]["color"]["legend"] = None  # one series: no legend
    from realpolitik.web.charts import fit

    p.chart = fit(spec)


def _arms(c: Country, p: Panel, side: str) -> None:
    from realpolitik.queries import arms
    from realpolitik.queries.profile import arms_window
    from realpolitik.store import get_store

    period = arms_window(c, get_store())
    r = arms.suppliers(c, period) if side == "suppliers" else arms.recipients(c, period)
    p.title = (
        f"Top arms {'suppliers' if side == 'suppliers' else 'clients'}, {period.start}–{period.end}"
    )
    p.result = r
    p.limit, p.noun = 10, "suppliers" if side == "suppliers" else "recipients"
    p.columns = ["rank", "name", "tiv", "share"]
    p.links = {"name": "id"}
    if r.frame.empty:
        p.missing = r.notes[0] if r.notes else "No transfers recorded."


def _trade(c: Country, p: Panel, flow: str) -> None:
    from realpolitik.queries import trade

    r = trade.partners(c, flow, None, 5)
    p.result, p.noun = r, "partners"
    p.columns = ["source", "year", "rank", "partner", "share", "value_usd_m"]
    p.links = {"partner": "partner_id"}
    if r.frame.empty:
        p.missing = f"No {flow} partners recorded for {c.name}."


def _borders(c: Country, p: Panel) -> None:
    from realpolitik.queries import geo

    r = geo.borders(c)
    p.result, p.noun, p.limit = r, "neighbours", 20
    p.columns = ["neighbour", "km", "contiguity", "cow_from", "cow_to"]
    p.links = {"neighbour": "neighbour_id"}
    if r.frame.empty:
        p.missing = f"No land or sea neighbours recorded for {c.name}."


def _rivals(c: Country, p: Panel) -> None:
    from realpolitik.queries import security

    r = security.rivals(c)
    p.result, p.noun = r, "rivals and dispute partners"
    p.columns = [
        "counterpart",
        "rival",
        "rivalry_tss",
        "tss_type",
        "cow_mids",
        "cow_last_year",
        "gml_mids",
        "gml_last_year",
    ]
    p.links = {"counterpart": "counterpart_id"}
    if r.frame.empty:
        p.missing = f"No rivalries or militarised disputes recorded for {c.name}."


@lru_cache(maxsize=256)
def profile(cid: str) -> list[Panel]:
    """Every panel of the country page, each computed by the CLI's query functions."""
    c = resolve(cid)
    return [
        _panel("profile", "Profile", lambda p: _facts(c, p)),
        _panel("oil", "Oil production", lambda p: _oil(c, p)),
        _panel("arms_suppliers", "Top arms suppliers", lambda p: _arms(c, p, "suppliers")),
        _panel("arms_clients", "Top arms clients", lambda p: _arms(c, p, "recipients")),
        _panel("exports", "Top export partners", lambda p: _trade(c, p, "exports")),
        _panel("imports", "Top import partners", lambda p: _trade(c, p, "imports")),
        _panel("neighbours", "Neighbours", lambda p: _borders(c, p)),
        _panel("rivals", "Rivals and dispute partners", lambda p: _rivals(c, p)),
    ]


# ---- claim check ---------------------------------------------------------------------------------


MAX_CHECK_CHARS = 200_000  # about 30,000 words: far above a long feature article


class Rejected(UserError):
    """A request the server refuses with a specific status (413 too long, 422 not valid text)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def valid_text(text: str) -> str:
    """The article text if it can be checked: valid Unicode (no lone surrogates) and not too long."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise Rejected(
            422, f"the text is not valid Unicode (character {e.start}: a lone surrogate)"
        ) from e
    if len(text) > MAX_CHECK_CHARS:
        raise Rejected(
            413,
            f"the text has {len(text):,} characters; the checker takes at most {MAX_CHECK_CHARS:,}",
        )
    return text


def check_text(text: str, day: str | None = None, name: str = "<text>") -> dict[str, Any]:
    """Check an article: the claim checker's JSON document ({"document", "claims"})."""
    from realpolitik.analyses.claims import reader, report

    if day:
        as_of(day, "date")
    return clean(report.build_report(reader.read_text(valid_text(text), day, name=name)).to_dict())


def claims_table(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per checked claim: the claims' CSV download."""
    out = []
    for i, c in enumerate(report.get("claims") or [], 1):
        ev = c.get("evidence") if isinstance(c.get("evidence"), dict) else {}
        claimed = c.get("claimed")
        pub = (
            c.get("verdict_as_published") if isinstance(c.get("verdict_as_published"), dict) else {}
        )
        out.append({
            "claim": i, "type": c.get("type"), "verdict": c.get("verdict"),
            "verdict_as_published": pub.get("verdict"), "release_as_published": pub.get("release"),
            "text": c.get("text"),
            "subject": c.get("subject"), "object": c.get("object"),
            "claimed": claimed.get("text") if isinstance(claimed, dict) else claimed,
            "evidence": ev.get("summary", ""), "reproduce": ev.get("query", ""),
            "span_start": (c.get("span") or [None])[0], "span_end": (c.get("span") or [None, None])[1],
        })  # fmt: skip
    return out


@dataclass
class Segment:
    """A run of article text, highlighted when it is a claim (index into the claims list)."""

    text: str
    claim: int | None = None


BLOCK = re.compile(r"\s*(?:[#>*+|-]|\d+[.)]\s)")  # headings, quotes, list items, table rows


def reflow(text: str) -> str:
    """Soft line breaks (one newline inside a paragraph, where Markdown and plain text wrap) as
    spaces, so the article reads as it was written; the same length, so claim spans still fit."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        prose = line.strip() and nxt.strip() and not BLOCK.match(line) and not BLOCK.match(nxt)
        out.append(line + (" " if prose else "\n"))
    return "".join(out) + lines[-1]


def segments(text: str, claims: list[dict[str, Any]]) -> list[Segment]:
    """Split the article at claim spans (overlapping spans: the first one wins the highlight)."""
    out: list[Segment] = []
    pos = 0
    order = sorted(range(len(claims)), key=lambda i: (claims[i]["span"][0], -claims[i]["span"][1]))
    for i in order:
        start, end = (int(x) for x in claims[i]["span"])
        if start < pos or end <= start or end > len(text):
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], i))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


# ---- network -------------------------------------------------------------------------------------


NETWORK_YEAR = 2020  # the network page's default year (the front page links to it)
RANKED = 50  # rows of the ranking kept per year: every smaller `top` is a slice of it


@lru_cache(maxsize=32)
def _ranking(year: int, top: int = RANKED) -> Result:
    from realpolitik.analyses.network.partnerships import partnerships as run
    from realpolitik.web.diskcache import cached

    return cached(f"partnerships-{year}-{top}", lambda: run(year, top))


def partnerships(year: int, top: int) -> Result:
    """Unlikely partnerships of a year (kept on disk across server processes): the same rows as
    `network partnerships --year Y --top N`, sliced from one ranking of RANKED rows when N is smaller
    (each row's explanation costs time, so the first visit does not rank hundreds)."""
    r = _ranking(year, max(top, RANKED))
    return Result(r.frame.head(top).reset_index(drop=True), {**r.query, "top": top}, r.sources,
                  r.notes, r.title)  # fmt: skip


@lru_cache(maxsize=8)
def balance_series(start: int, end: int) -> Result:
    """The yearly balance series (seconds to compute): kept on disk across server processes."""
    from realpolitik.analyses.network.balance import balance_series as run
    from realpolitik.web.diskcache import cached

    return cached(f"balance-{start}-{end}", lambda: run(start, end))


@lru_cache(maxsize=64)
def triads(cid: str, year: int) -> Result:
    """Triads through a country in a year, read off the year's cached graph: the same Result as
    `network triads` (which builds the graph again on every call)."""
    from realpolitik.analyses.network.balance import check_year
    from realpolitik.analyses.network.triads import triads_result
    from realpolitik.store import get_store

    st = get_store()
    check_year(year, st)
    return triads_result(signed_graph(year), resolve(cid), year, False, st)


@lru_cache(maxsize=8)
def signed_graph(year: int) -> Any:
    """The signed graph of a year (about a second to build): kept on disk across server processes."""
    from realpolitik.analyses.network.graph import signed_graph as run
    from realpolitik.web.diskcache import cached

    return cached(f"graph-{year}", lambda: run(year))


def _edge_text(data: dict[str, Any]) -> str:
    """The evidence of a tie in words (the model's type is shown on its own, so its line is left out)."""
    from realpolitik.web.labels import alliance_types

    texts = [
        alliance_types(str(e["text"]))
        for e in data.get("evidence") or []
        if e.get("text") and e.get("layer") != "relationship"
    ]
    if texts:
        return "; ".join(texts)
    return ", ".join(
        f"{k} {v:+.2f}" if isinstance(v, (int, float)) else str(k)
        for k, v in (data.get("layers") or {}).items()
    )


def tie_type(data: dict[str, Any]) -> str:
    """The relationship model's type of a tie in words ("rivals", "partners"), or its sign."""
    from realpolitik.web.labels import relationship_type

    if data.get("type"):
        return relationship_type(str(data["type"]), short=True)
    return "positive tie" if int(data.get("sign", 0)) >= 0 else "negative tie"


MATERIAL = {"arms", "trade", "energy"}


def _priority(d: dict[str, Any]) -> tuple[int, float]:
    """Enemies first, then material ties (arms, trade, energy), then the rest; stronger first."""
    layers = set(d.get("layers") or {})
    group = 0 if d.get("sign", 0) < 0 else 1 if layers & MATERIAL else 2
    return group, -abs(float(d.get("weight", 0)))


def neighbourhood(cid: str, year: int, limit: int = 24) -> dict[str, Any]:
    """A country's signed ego network in a year: its enemies, material partners and strongest ties (up to
    `limit` neighbours), plus the hostile edges among those neighbours (so enemy-of-my-enemy triangles show)."""
    g = signed_graph(year)
    if cid not in g:
        return {
            "year": year,
            "country": cid,
            "nodes": [],
            "links": [],
            "note": f"{cid} has no node in the {year} network.",
        }
    ranked = sorted(g[cid], key=lambda n: _priority(g[cid][n]))
    nbrs = ranked[:limit]
    keep = [cid, *nbrs]
    index = {n: i for i, n in enumerate(keep)}
    nodes = [{"id": n, "name": g.nodes[n].get("name", n), "ego": n == cid} for n in keep]
    links = []
    for a, b, d in g.subgraph(keep).edges(data=True):
        if cid not in (a, b) and int(d.get("sign", 0)) >= 0:
            continue  # among neighbours only hostile edges: they close the enemy-of-my-enemy triangles
        links.append({"source": index[a], "target": index[b], "a": a, "b": b,
                      "a_name": g.nodes[a].get("name", a), "b_name": g.nodes[b].get("name", b),
                      "sign": int(d.get("sign", 0)), "type": tie_type(d), "weight": float(d.get("weight", 0)),
                      "ego": cid in (a, b), "text": _edge_text(d)})  # fmt: skip
    types = Counter((tie_type(g[cid][n]), int(g[cid][n].get("sign", 0)) >= 0) for n in ranked)
    return {"year": year, "country": cid, "nodes": nodes, "links": links,
            "shown": len(nbrs), "neighbours": len(ranked),
            "types": [{"type": t, "positive": pos, "count": n} for (t, pos), n in
                      sorted(types.items(), key=lambda x: (x[0][1], -x[1]))]}  # fmt: skip
