"""What a page shows beyond its query results: charts with their data (for downloads and /embed/),
maps, and the notes a chart needs to be read right."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pandas as pd

from realpolitik.result import Result, Source
from realpolitik.web import charts as C


@dataclass
class Chart:
    """A chart of a page: its spec, the rows it draws (the download), sources and reading notes."""

    name: str
    spec: dict[str, Any]
    rows: list[dict[str, Any]]
    sources: list[Source] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: str = ""

    def result(self, query: dict[str, Any]) -> Result:
        return Result(pd.DataFrame(self.rows), query, self.sources, self.notes, self.title)


def _spec_rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The inline data of a Vega-Lite spec (Altair puts it under `datasets`)."""
    if isinstance(spec.get("data"), dict) and "values" in spec["data"]:
        return list(spec["data"]["values"])
    sets = spec.get("datasets") or {}
    return list(next(iter(sets.values()))) if sets else []


def dyad_charts(br: Any) -> dict[str, list[Chart]]:
    """The charts of a dyad page by section key: the brief's own (fitted to their box; a successor
    state's share chart starts at its first year and says so in its title) and yearly TIV and trade
    charts beside the 5-year shares."""
    out: dict[str, list[Chart]] = {}
    for s in br.sections:
        charts: list[Chart] = []
        for name in s.charts:
            spec = C.fit(s.charts[name])
            if name == "un_distance":
                spec = C.un_points(spec)
            title = spec.get("title", "")
            title = title.get("text", "") if isinstance(title, dict) else str(title)
            charts.append(Chart(name, spec, _spec_rows(spec), list(s_sources(s)), [], title))
        if s.key == "arms":
            charts += _tiv_chart(br)
        if s.key == "energy_trade" and "cow_trade" in s.tables:
            charts += _trade_chart(br, s.tables["cow_trade"])
        out[s.key] = charts
    return out


def s_sources(section: Any) -> list[Source]:
    """The sources of a brief section's tables (charts draw from them)."""
    seen: dict[str, Source] = {}
    for t in section.tables.values():
        for src in t.sources:
            seen.setdefault(src.dataset, src)
    return list(seen.values())


def _tiv_chart(br: Any) -> list[Chart]:
    from realpolitik.queries import arms

    a, b, na, nb = br.a["id"], br.b["id"], br.a["name"], br.b["name"]
    r = arms.series(a, b)
    f = r.frame[r.frame["year"] <= br.last_year]
    ab, ba = f"{a}_to_{b}", f"{b}_to_{a}"
    has = f[[ab, ba]].notna().any(axis=1)
    if not has.any():
        return []
    f = f[f["year"] >= int(f.loc[has, "year"].min())]
    ys = {ab: f"{na} → {nb}", ba: f"{nb} → {na}"}
    title = f"Arms deliveries by year, {na} ↔ {nb} (SIPRI TIV, millions)"
    spec = C.yearly_lines(f, ys, title, "TIV (millions)", ",.1f")
    rows = [
        {"year": int(y), ab: v1, ba: v2}
        for y, v1, v2 in f[["year", ab, ba]].itertuples(index=False)
    ]
    return [Chart("tiv_yearly", spec, rows, r.sources, list(r.notes), title)]


def _trade_chart(br: Any, t: Result) -> list[Chart]:
    f = t.frame
    if f.empty or "a_to_b_usd_m" not in f:
        return []
    a, b = t.query.get("a"), t.query.get("b")
    from realpolitik.countries import resolve

    na, nb = resolve(a).name, resolve(b).name
    title = f"Goods trade by year, {na} ↔ {nb} (COW, US$ million)"
    ys = {"a_to_b_usd_m": f"{na} → {nb}", "b_to_a_usd_m": f"{nb} → {na}"}
    spec = C.yearly_lines(f[["year", *ys]], ys, title, "US$ million", ",.0f")
    rows = [{"year": int(r.year), "a_to_b_usd_m": r.a_to_b_usd_m, "b_to_a_usd_m": r.b_to_a_usd_m}
            for r in f.itertuples()]  # fmt: skip
    return [Chart("trade_yearly", spec, rows, t.sources, list(t.notes), title)]


# ---- maps ----------------------------------------------------------------------------------------


def _isonum(cid: str) -> int | None:
    from realpolitik.countries import try_resolve

    c = try_resolve(cid) if cid else None
    return c.isonum if c is not None else None


MAP_NOTE = "Microstates are not drawn at this map's scale (1:110m); every partner is in the table."


def arms_map(r: Result, focus: str, side: str) -> Chart:
    """World map of a country's arms suppliers (or recipients): each partner's share in the window."""
    rows = [
        {"isonum": _isonum(x.id), "id": x.id, "name": x.name, "value": float(x.share),
         "text": f"{100 * float(x.share):.1f} % ({float(x.tiv):,.1f} TIV)"}
        for x in r.frame.itertuples() if pd.notna(x.share)
    ]  # fmt: skip
    q = r.query
    period = f"{q.get('from')}–{q.get('to')}"
    who = r.title.split(" of ", 1)[-1].split(" from ", 1)[-1].rsplit(",", 1)[0]
    if side == "suppliers":
        title = f"Who supplied {who}'s arms imports, {period} (share of SIPRI TIV)"
    else:
        title = f"Who received {who}'s arms exports, {period} (share of SIPRI TIV)"
    spec = C.world_map(rows, title, "share", focus=_isonum(focus))
    drawn = [x for x in rows if x["isonum"] is not None]
    notes = [*r.notes, MAP_NOTE] if len(drawn) < len(rows) else list(r.notes)
    return Chart(f"map_{side}", spec, [{k: v for k, v in x.items() if k != "isonum"} for x in rows],
                 r.sources, notes, title)  # fmt: skip


def network_map(cid: str, name: str, year: int) -> Chart:
    """World map of one year's signed ties of a country: green friends, red adversaries (every tie)."""
    from realpolitik.web import services as S

    g = S.signed_graph(year)
    rows = []
    if cid in g:
        for n, d in g[cid].items():
            w = float(d.get("weight", 0)) * (1 if int(d.get("sign", 0)) >= 0 else -1)
            rows.append({"isonum": _isonum(n), "id": n, "name": g.nodes[n].get("name", n), "value": w,
                         "text": f"{S.tie_type(d)} ({'positive' if w >= 0 else 'negative'} tie, "
                                 f"weight {abs(w):.2f}): {S._edge_text(d)[:160]}"})  # fmt: skip
    title = (
        f"{name}'s friends and adversaries in {year} (signed ties: green positive, red negative)"
    )
    spec = C.world_map(rows, title, "tie", fmt=".1f", scheme="redyellowgreen", focus=_isonum(cid))
    layer = spec["layer"][1]["encoding"]["color"]
    top = max((abs(x["value"]) for x in rows), default=1.0) or 1.0
    layer["scale"] = {"scheme": "redyellowgreen", "domain": [-top, top]}
    notes = [MAP_NOTE] if any(x["isonum"] is None for x in rows) else []
    return Chart("map_ties", spec, [{k: v for k, v in x.items() if k != "isonum"} for x in rows],
                 [], notes, title)  # fmt: skip


@lru_cache(maxsize=64)
def cached_dyad_charts(a: str, b: str, day: str) -> dict[str, list[Chart]]:
    from realpolitik.web import services as S

    return dyad_charts(S.brief(a, b, day))
