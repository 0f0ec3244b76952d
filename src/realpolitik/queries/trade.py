"""Trade queries: crude-oil sources/buyers (BACI HS 2709), trade partners (Factbook top-5, COW dyadic), dyad series."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

from realpolitik.countries import Country
from realpolitik.errors import BadPeriod, UserError
from realpolitik.queries.common import country, pair
from realpolitik.result import Result, Source
from realpolitik.store import Store, get_store

if TYPE_CHECKING:
    import pandas as pd

FLOWS = "trade_crude_flows"
TOTALS = "trade_crude_totals"
KAZAKHSTAN = "KAZ"
CRUDE_COLUMNS = [
    "rank",
    "partner",
    "partner_id",
    "value_usd",
    "tonnes",
    "share",
    "reported_by",
    "mirror",
    "country_total_usd",
]


def _sources(store: Store, datasets: list[str]) -> list[Source]:
    return [store.source(d) for d in datasets if d in store.manifests]


def _name(c: Country) -> str:
    return c.name


def _names(ids: pd.Series, fallback: pd.Series) -> pd.Series:
    """Resolver names for ids (one lookup per distinct id), else the fallback text."""

    from realpolitik.countries import try_resolve

    names = {}
    for i in ids.dropna().unique():
        try:
            found = try_resolve(str(i))
        except Exception:  # noqa: BLE001 - odd ids keep their fallback label
            found = None
        names[i] = found.name if found is not None else None
    out = ids.map(names)
    return out.where(out.notna(), fallback)


# --------------------------------------------------------------------------- crude oil (HS 2709)
def crude_years(store: Store) -> list[int]:
    """Years with bilateral crude-oil flows in the snapshot."""
    return list(_crude_years(store))


@lru_cache(maxsize=64)
def _crude_years(store: Store) -> tuple[int, ...]:
    if not store.has_table(FLOWS):
        return ()
    return tuple(
        int(y) for (y,) in store.rows(f"SELECT DISTINCT year FROM {FLOWS} ORDER BY year").data
    )


def crude_total(c: Country, flow: str, year: int, store: Store) -> float | None:
    """A country's crude-oil exports or imports against the world in a year (OEC/BACI totals), if known."""
    if not store.has_table(TOTALS):
        return None
    ((v,),) = store.rows(
        f"SELECT sum(value_usd ORDER BY value_usd) AS v FROM {TOTALS} WHERE id = ? AND flow = ? AND year = ?",
        [c.id, flow, year],
    ).data
    return None if v is None or v != v else float(v)  # v != v: NaN


def _crude(side: str, who: str | Country, year: int | None, store: Store | None) -> Result:
    store = store or get_store()
    c = country(who)
    me, other = ("importer", "exporter") if side == "sources" else ("exporter", "importer")
    total_flow = "import" if side == "sources" else "export"
    years = crude_years(store)
    if year is None:
        year = years[-1] if years else None
    if year is None:
        raise UserError("no bilateral crude-oil data in the snapshot (build trade_crude_baci)")
    query = {"command": f"oil {side}", "country": c.id, "year": year, "hs": "2709"}
    title = f"Crude-oil {'suppliers of' if side == 'sources' else 'buyers from'} {c.name}, {year} (HS 2709)"
    total = crude_total(c, total_flow, year, store)
    notes: list[str] = []
    sources = _sources(store, ["trade_crude_baci", "trade_crude_totals"])
    if year not in years:
        notes.append(
            f"no bilateral crude data for {year}; available: {', '.join(map(str, years))}."
        )
        if total is not None:
            notes.append(
                f"{c.name}'s crude-oil {total_flow}s in {year} (all partners, OEC/BACI totals): ${total / 1e9:,.2f}bn."
            )
        else:
            notes.append(f"No crude-oil {total_flow} total for {c.name} in {year} either.")
        return Result(_no_flows(total), query, sources, notes, title)
    rows = store.rows(
        f"""
        WITH f AS (
            SELECT {other}_id AS partner_id, coalesce({other}_name, {other}_iso3, 'unidentified area') AS partner,
                   value_usd, tonnes, reported_by, mirror
            FROM {FLOWS} WHERE {me}_id = ? AND year = ?
        )
        SELECT rank() OVER (ORDER BY value_usd DESC)::INTEGER AS rank, partner, partner_id, value_usd, tonnes,
               value_usd / sum(value_usd ORDER BY value_usd) OVER () AS share, reported_by, mirror,
               ?::DOUBLE AS country_total_usd
        FROM f ORDER BY value_usd DESC, partner
        """,
        [c.id, year, total],
    )
    if not rows.data:
        notes.append(f"BACI records no crude-oil {total_flow}s for {c.name} in {year}.")
        if c.id == KAZAKHSTAN:
            from realpolitik.sources.trade import KAZAKHSTAN_NOTE

            notes.append(KAZAKHSTAN_NOTE + ".")
        return Result(_no_flows(total), query, sources, notes, title)
    value, mirror = rows.column("value_usd"), rows.column("mirror")
    s = math.fsum(v for v in value if v is not None)
    if side == "sources" and all(m for m in mirror if m is not None):
        notes.append(
            f"Mirror data: {c.name} does not report crude-oil imports by origin; every figure is the "
            f"exporters' declaration (BACI-reconciled). Shares are of the exporter-reported total of ${s / 1e9:,.3f}bn."
        )
    elif any(m for m in mirror if m is not None):
        notes.append(
            "Rows with mirror=true rest on the exporter's declaration (the importer does not report crude origins)."
        )
        notes.append(
            f"Shares are of {c.name}'s total of ${s / 1e9:,.3f}bn over the partners listed."
        )
    else:
        notes.append(
            f"Shares are of {c.name}'s total of ${s / 1e9:,.3f}bn over the partners listed."
        )
    notes.append(
        "Values in current USD (BACI: FOB, exporter and importer reports reconciled by CEPII); tonnes metric."
    )
    if c.id == KAZAKHSTAN or KAZAKHSTAN in rows.column("partner_id"):
        from realpolitik.sources.trade import KAZAKHSTAN_NOTE

        notes.append(KAZAKHSTAN_NOTE + ".")
    return Result(rows, query, sources, notes, title)


def _no_flows(total: float | None) -> pd.DataFrame:
    """The one row of a year without flows: every column null but the country's total, if known."""
    import pandas as pd

    frame = pd.DataFrame([dict.fromkeys(CRUDE_COLUMNS)])
    frame["country_total_usd"] = total
    return frame


def crude_sources(
    importer: str | Country, year: int | None = None, store: Store | None = None
) -> Result:
    """Where a country's crude oil comes from: exporters with value, tonnes, share and rank."""
    return _crude("sources", importer, year, store)


def crude_buyers(
    exporter: str | Country, year: int | None = None, store: Store | None = None
) -> Result:
    """Who buys a country's crude oil: importers with value, tonnes, share and rank."""
    return _crude("buyers", exporter, year, store)


def crude_dyad(a: str | Country, b: str | Country, store: Store | None = None) -> Result:
    """Crude-oil flows between two countries both ways, each with its share and rank on both sides.

    One row per direction and bilateral year; a direction without a recorded flow has null values.
    """
    import pandas as pd

    store = store or get_store()
    ca, cb = pair(a, b)
    years = crude_years(store)
    rows = []
    for y in years:
        for exp, imp in ((ca, cb), (cb, ca)):
            buyers = crude_buyers(exp, y, store).frame
            sources = crude_sources(imp, y, store).frame
            sb = buyers[buyers["partner_id"] == imp.id]
            ss = sources[sources["partner_id"] == exp.id]
            rows.append(
                {
                    "year": y,
                    "exporter": exp.name,
                    "exporter_id": exp.id,
                    "importer": imp.name,
                    "importer_id": imp.id,
                    "value_usd": float(sb["value_usd"].iloc[0]) if len(sb) else None,
                    "tonnes": float(sb["tonnes"].iloc[0]) if len(sb) else None,
                    "share_of_exporter_exports": float(sb["share"].iloc[0]) if len(sb) else None,
                    "rank_among_buyers": int(sb["rank"].iloc[0]) if len(sb) else None,
                    "share_of_importer_imports": float(ss["share"].iloc[0]) if len(ss) else None,
                    "rank_among_sources": int(ss["rank"].iloc[0]) if len(ss) else None,
                    "reported_by": sb["reported_by"].iloc[0] if len(sb) else None,
                    "mirror": bool(sb["mirror"].iloc[0]) if len(sb) else None,
                }
            )
    frame = (
        pd.DataFrame(rows).astype({"rank_among_buyers": "Int64", "rank_among_sources": "Int64"})
        if rows
        else pd.DataFrame()
    )
    notes = []
    if not years:
        notes.append("no bilateral crude-oil data in the snapshot.")
    else:
        span = ", ".join(map(str, years))
        if frame["value_usd"].isna().all():
            notes.append(
                f"No crude-oil flow between {ca.name} and {cb.name} in the bilateral data ({span})."
            )
        notes.append(
            f"Bilateral crude-oil flows exist for {span} only; other years have country totals at most "
            "(trade_crude_totals, 1995–2021), not partners."
        )
        from realpolitik.sources.trade import NON_REPORTING_IMPORTERS

        for c in (ca, cb):
            if c.id in NON_REPORTING_IMPORTERS and frame["mirror"].eq(True).any():
                notes.append(NON_REPORTING_IMPORTERS[c.id] + ".")
    query = {"command": "oil dyad", "a": ca.id, "b": cb.id}
    title = f"Crude oil between {ca.name} and {cb.name} (HS 2709)"
    return Result(frame, query, _sources(store, ["trade_crude_baci"]), notes, title)


# --------------------------------------------------------------------------- trade partners
def _cow_side(c: Country, flow: str) -> tuple[str, list]:
    """SQL over cow_trade_ddy giving c's partners with c's exports or imports (US$ millions) per year."""
    # flow1 = imports of ccode1 from ccode2; flow2 = imports of ccode2 from ccode1
    own = "flow2" if flow == "exports" else "flow1"
    # the build keeps each dyad-year in both orders (parse_trade_ddy): c's partners are the rows with c first
    # ids, not COW codes: the id columns are year-aware (COW 365 is the Soviet Union to 1991, Russia after)
    sql = f"SELECT year, id2 AS partner_id, ccode2 AS partner_ccode, {own} AS value FROM cow_trade_ddy WHERE id1 = ?"
    return sql, [c.id]


def cow_partners(c: Country, flow: str, store: Store, year: int | None = None) -> pd.DataFrame:
    """All of c's COW-trade partners with value (US$ m), share of c's total and rank, by year."""
    sql, params = _cow_side(c, flow)
    where = "WHERE year = ?" if year is not None else ""
    return store.sql(
        f"""
        WITH p AS ({sql}), q AS (SELECT * FROM p {where})
        SELECT year, partner_id, partner_ccode, value AS value_usd_m,
               value / sum(value ORDER BY value) OVER (PARTITION BY year) AS share,
               CASE WHEN value > 0 THEN rank() OVER (PARTITION BY year ORDER BY value DESC NULLS LAST) END::INTEGER AS rank
        FROM q
        """,
        [*params, *([year] if year is not None else [])],
    )


def cow_partner(c: Country, partner: Country, flow: str, store: Store) -> pd.DataFrame:
    """c's COW-trade rows with one partner (year, value, share, rank among all c's partners): the
    rows of `cow_partners` for that partner, filtered in SQL (a brief needs one partner, not ~180)."""
    sql, params = _cow_side(c, flow)
    return store.sql(
        f"""
        WITH p AS ({sql}), q AS (
            SELECT year, partner_id, partner_ccode, value AS value_usd_m,
                   value / sum(value ORDER BY value) OVER (PARTITION BY year) AS share,
                   CASE WHEN value > 0 THEN rank() OVER (PARTITION BY year ORDER BY value DESC NULLS LAST) END::INTEGER AS rank
            FROM p
        )
        SELECT * FROM q WHERE partner_id = ?
        """,
        [*params, partner.id],
    )


def factbook_partners(c: Country, flow: str, store: Store) -> pd.DataFrame:
    """The Factbook's top-5 partners of c (latest edition) with share and year."""
    return _factbook_partners(c, flow, store).copy()


@lru_cache(maxsize=1024)
def _factbook_partners(c: Country, flow: str, store: Store) -> pd.DataFrame:
    """The Factbook is one static edition per store: read each country's partners once."""
    return store.sql(
        "SELECT year, rank, partner AS factbook_name, partner_id, share FROM factbook_partners "
        "WHERE id = ? AND flow = ? ORDER BY rank",
        [c.id, flow],
    )


def partners(
    who: str | Country,
    flow: str = "exports",
    year: int | None = None,
    limit: int = 10,
    store: Store | None = None,
) -> Result:
    """Top trade partners: Factbook top-5 (latest, %) and COW dyadic trade (ranks and shares, to 2014)."""
    import pandas as pd

    store = store or get_store()
    c = country(who)
    if flow not in {"exports", "imports"}:
        raise UserError(f"--flow must be exports or imports, not {flow!r}")
    notes: list[str] = []
    parts = []
    fb = (
        factbook_partners(c, flow, store)
        if store.has_table("factbook_partners")
        else pd.DataFrame()
    )
    if not fb.empty:
        fb_year = int(fb["year"].dropna().iloc[0]) if fb["year"].notna().any() else None
        if year is None or year == fb_year:
            fb = fb.assign(source="factbook", value_usd_m=None)
            fb["partner"] = _names(fb["partner_id"], fb["factbook_name"])
            parts.append(fb)
            notes.append(
                f"factbook: CIA World Factbook top-5 {flow} partners ({fb_year}), shares of {c.name}'s total {flow}."
            )
        else:
            notes.append(
                f"The Factbook gives {c.name}'s top {flow} partners for {fb_year} only, not {year}."
            )
    else:
        notes.append(f"The Factbook lists no {flow} partners for {c.name}.")
    if store.has_table("cow_trade_ddy"):
        first, last = store.coverage("cow_trade_ddy")
        # by default the latest year; for a dissolved state, its last year (its COW code may live on)
        cow_year = (min(last, c.end) if c.end else last) if year is None else year
        if first <= cow_year <= last:
            cow = cow_partners(c, flow, store, cow_year)
            cow = cow[cow["value_usd_m"].notna() & (cow["value_usd_m"] > 0)].sort_values("rank")
            if cow.empty:
                notes.append(f"COW dyadic trade has no {flow} figures for {c.name} in {cow_year}.")
            else:
                cow = cow.head(limit).assign(source="cow_trade")
                cow["partner"] = _names(
                    cow["partner_id"], "COW " + cow["partner_ccode"].astype(str)
                )
                parts.append(cow)
                notes.append(
                    f"cow_trade: COW Dyadic Trade v4 ({cow_year}), US$ millions; {c.name}'s {flow} "
                    f"{'to a partner are the partner' if flow == 'exports' else 'from a partner are ' + c.name}'s reported imports "
                    "(importer-side figures: partners that do not report, e.g. Israel for crude oil, show little or nothing)."
                )
        else:
            notes.append(f"COW dyadic trade covers {first}–{last}; no figures for {cow_year}.")
    cols = ["source", "year", "rank", "partner", "partner_id", "share", "value_usd_m"]
    frame = pd.DataFrame([r for p in parts for r in p[cols].to_dict("records")], columns=cols)
    if frame.empty:
        notes.insert(0, f"No {flow}-partner data for {c.name}" + (f" in {year}." if year else "."))
    frame = frame.astype({"year": "Int64", "rank": "Int64"})
    query = {"command": "trade partners", "country": c.id, "flow": flow, "year": year}
    title = f"{flow.capitalize()} partners of {c.name}"
    return Result(frame, query, _sources(store, ["factbook", "cow_trade"]), notes, title)


def dyad(a: str | Country, b: str | Country, store: Store | None = None) -> Result:
    """Trade between two countries: COW series (both directions, ranks, shares) plus the Factbook's latest ranks."""
    import pandas as pd

    store = store or get_store()
    ca, cb = pair(a, b)
    notes: list[str] = []
    rows = []
    if store.has_table("cow_trade_ddy"):
        cols = ["year", "value_usd_m", "rank", "share"]
        ax = cow_partner(ca, cb, "exports", store)[cols]
        bx = cow_partner(cb, ca, "exports", store)[cols]
        cow = ax.merge(bx, on="year", how="outer", suffixes=("_ab", "_ba")).sort_values("year")
        cow = cow.rename(
            columns={
                "value_usd_m_ab": "a_to_b_usd_m",
                "value_usd_m_ba": "b_to_a_usd_m",
                "rank_ab": "b_rank_in_a_exports",
                "share_ab": "b_share_of_a_exports",
                "rank_ba": "a_rank_in_b_exports",
                "share_ba": "a_share_of_b_exports",
            }
        )
        cow = cow[cow["a_to_b_usd_m"].notna() | cow["b_to_a_usd_m"].notna()]
        rows.append(cow.assign(source="cow_trade"))
        if cow.empty:
            notes.append(f"COW dyadic trade has no figures for {ca.name}–{cb.name}.")
        else:
            notes.append(
                "cow_trade: COW Dyadic Trade v4, US$ millions; a_to_b = b's reported imports from a (importer side); "
                "ranks are among each one's partners with trade > 0 that year."
            )
            from realpolitik.sources.trade import NON_REPORTING_IMPORTERS

            for imp, exp in ((cb, ca), (ca, cb)):
                if imp.id in NON_REPORTING_IMPORTERS:
                    notes.append(
                        f"{NON_REPORTING_IMPORTERS[imp.id]}; COW's {exp.name} → {imp.name} figures "
                        f"come from {imp.name}'s reports and miss that oil."
                    )
    fa = factbook_partners(ca, "exports", store)
    fbb = factbook_partners(cb, "exports", store)
    ra, rb = fa[fa["partner_id"] == cb.id], fbb[fbb["partner_id"] == ca.id]
    fb_years = sorted({int(y) for y in pd.concat([fa["year"], fbb["year"]]).dropna()})
    if fb_years:
        rows.append(
            pd.DataFrame(
                [
                    {
                        "source": "factbook",
                        "year": fb_years[-1],
                        "b_rank_in_a_exports": int(ra["rank"].iloc[0]) if len(ra) else None,
                        "b_share_of_a_exports": float(ra["share"].iloc[0]) if len(ra) else None,
                        "a_rank_in_b_exports": int(rb["rank"].iloc[0]) if len(rb) else None,
                        "a_share_of_b_exports": float(rb["share"].iloc[0]) if len(rb) else None,
                    }
                ]
            )
        )
        notes.append(
            f"factbook ({fb_years[-1]}): top-5 export partners only; a null rank means not among the top 5."
        )
    cols = [
        "source",
        "year",
        "a_to_b_usd_m",
        "b_to_a_usd_m",
        "b_rank_in_a_exports",
        "b_share_of_a_exports",
        "a_rank_in_b_exports",
        "a_share_of_b_exports",
    ]
    frame = pd.DataFrame(
        [r for part in rows for r in part.reindex(columns=cols).to_dict("records")], columns=cols
    )
    for col in ("year", "b_rank_in_a_exports", "a_rank_in_b_exports"):
        frame[col] = frame[col].astype("Int64")
    years = crude_years(store)
    crude = (
        store.sql(
            f"SELECT year, exporter_id, value_usd FROM {FLOWS} WHERE (exporter_id = ? AND importer_id = ?) OR (exporter_id = ? AND importer_id = ?)",
            [ca.id, cb.id, cb.id, ca.id],
        )
        if years
        else pd.DataFrame()
    )
    for r in crude.itertuples():
        src, dst = (ca, cb) if r.exporter_id == ca.id else (cb, ca)
        notes.append(
            f"Crude oil (BACI HS 2709, {r.year}): {src.name} → {dst.name} ${r.value_usd / 1e9:,.3f}bn (see `oil sources`/`oil buyers`)."
        )
    if years and crude.empty:
        notes.append(
            f"No bilateral crude-oil flow between {ca.name} and {cb.name} in BACI {', '.join(map(str, years))}."
        )
    query = {"command": "trade dyad", "a": ca.id, "b": cb.id}
    return Result(
        frame,
        query,
        _sources(store, ["cow_trade", "factbook", "trade_crude_baci"]),
        notes,
        f"Trade {ca.name} – {cb.name}",
    )


def check_year(year: int | None, first: int, last: int, what: str) -> None:
    """Raise BadPeriod naming the coverage for a year outside [first, last]."""
    if year is not None and not first <= year <= last:
        raise BadPeriod(f"{year} is outside the coverage of {what} ({first}–{last})")
