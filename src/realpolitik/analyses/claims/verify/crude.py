"""oil_import_share / oil_source_rank (subject = importer, object = exporter) and oil_export_share /
oil_buyer_rank (subject = exporter, object = buyer): bilateral crude oil (BACI HS 2709,
``queries.trade.crude_sources`` / ``crude_buyers``).

Bilateral crude data exist for few years (2021 in the bundled snapshot). With no period stated, the
latest complete year before the article date is checked; when it has no data, the latest year with
data that is still before the article date is used instead, and the evidence says so.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.errors import UserError
from realpolitik.periods import Period
from realpolitik.result import Source

BARRELS_PER_TONNE = 7.33  # BP's conversion factor for crude oil (average density)


def mirror_caveat(importer: str) -> str:
    return (
        f"mirror data: {C.name(importer)} does not report its crude imports by origin, so every figure is "
        "what the exporters declared; such records can miss part of a country's intake (cargoes declared "
        "to another destination, transhipment, unreported suppliers), so the share is of recorded crude "
        "imports, which may cover only part of what its refineries process"
    )


def coverage_note(importer: str, year: int, tonnes: float | None) -> str | None:
    """How much of the importer's refinery intake (BP throughput) the recorded imports cover."""
    from realpolitik.queries import energy

    if not tonnes or not C.store().has_table("bp_oil"):
        return None
    try:
        f = C.q(energy.refinery_throughput, importer).frame
    except UserError:
        return None
    f = f[f["year"] <= year].dropna(subset=["throughput_kbd"])
    if f.empty:
        return None
    row = f.iloc[-1]
    kbd = tonnes * BARRELS_PER_TONNE / 365 / 1000
    by = int(row["year"])
    return (
        f"coverage: BACI records {tonnes / 1e6:,.2f} Mt of crude imports for {C.name(importer)} in {year} "
        f"(≈ {kbd:,.0f} kb/d at {BARRELS_PER_TONNE} barrels a tonne); BP puts its refinery throughput at "
        f"{float(row['throughput_kbd']):,.0f} kb/d in {by}{' (latest BP year)' if by != year else ''}: the "
        f"recorded imports cover about {100 * kbd / float(row['throughput_kbd']):.0f} % of what its refineries ran"
    )


def check(claim: Claim, today: date, side: str, what: str) -> C.Outcome:
    from realpolitik.queries import trade

    st = C.store()
    stated = C.stated(claim)
    years = trade.crude_years(st)
    default = today.year - 1
    year = stated.end if stated else default
    source = None
    notes: list[str] = []
    if not stated and year not in years:
        earlier = [y for y in years if y <= default]
        if earlier:
            notes.append(
                f"no bilateral crude-oil data for {year}; judged on {earlier[-1]}, the latest year with data before the article"
            )
            year, source = earlier[-1], "latest data"
    fn = trade.crude_sources if side == "sources" else trade.crude_buyers
    rows: list[dict[str, Any]] = []
    sources: list[Source] = []
    actual: Any = None
    mirror_used = False
    recorded_tonnes: float | None = None
    for y in sorted(set(years) | {year}):
        try:
            res = C.q(fn, claim.subject, y)
        except UserError as e:
            notes.append(str(e))
            continue
        sources = res.sources
        m = res.frame[res.frame["partner_id"] == claim.object]
        has = res.frame["partner_id"].notna().any()
        val: Any = None
        if has:
            if what == "share":
                val = float(m["share"].iloc[0]) * 100 if len(m) else 0.0
            else:
                val = int(m["rank"].iloc[0]) if len(m) else None
        ok = (C.share_ok(claim, val) if what == "share" else C.rank_ok(claim, val)) if has else None
        mirror = bool(m["mirror"].iloc[0]) if len(m) and "mirror" in m else None
        if y in years:
            rows.append(
                {"period": str(y), "start": y, "end": y, what: val, "holds": ok, "mirror": mirror}
            )
        if y == year:
            actual = val if has else None
            mirror_used = bool(mirror)
            if has and "tonnes" in res.frame:
                total = res.frame["tonnes"].sum(min_count=1)  # no tonnes recorded: None, not 0
                recorded_tonnes = None if total != total else float(total)
    holds = (
        None
        if actual is None and year not in years
        else (C.share_ok(claim, actual) if what == "share" else C.rank_ok(claim, actual))
    )
    any_other = C.held_before(rows, year, year, today)
    verdict = C.decide(holds, any_other, C.pinned(claim, stated))
    label = "crude-oil imports" if side == "sources" else "crude-oil exports"
    rel = (
        f"{C.poss(claim.object)} share of {C.poss(claim.subject)} {label}"
        if what == "share"
        else f"{C.poss(claim.object)} rank among {'buyers of' if side == 'buyers' else 'suppliers of'} {C.poss(claim.subject)} crude"
    )
    fmt = C.pct if what == "share" else (lambda v: "–" if v is None else str(v))
    summary = f"{rel} in {year}: {fmt(actual)}"
    if mirror_used:
        summary += " (mirror data)"
    if source == "latest data":
        summary += f" — the latest year with bilateral data; none for {default}"
    if year not in years:
        summary += "; no bilateral crude-oil data for that year"
        if rows:
            summary += (
                " ("
                + "; ".join(
                    f"{r['period']}: {fmt(r[what])}{' mirror data' if r.get('mirror') else ''}"
                    for r in rows
                )
                + ")"
            )
    if mirror_used and side == "sources":
        notes.append(mirror_caveat(str(claim.subject)))
        cov = coverage_note(str(claim.subject), year, recorded_tonnes)
        if cov:
            notes.append(cov)
            pct_cov = cov.rsplit("cover about ", 1)[1].split(" %")[0]
            summary += (
                f"; the recorded imports cover about {pct_cov} % of its refinery throughput (BP)"
            )
    ev = {
        "summary": summary,
        "period_used": C.period_used(claim, Period(year, year), source),
        "actual": {what: actual, "mirror": mirror_used},
        "tolerance": C.share_tolerance(claim) if what == "share" else C.rank_tolerance(claim),
        "windows": rows,
        "notes": notes,
        "query": f"realpolitik oil {side} {claim.subject} --year {year}",
    }
    if verdict == "unverifiable":
        ev["settle"] = (
            f"bilateral crude-oil trade (HS 2709) for {C.name(claim.subject)} in {year}: UN Comtrade or CEPII BACI, "
            f"with mirror (partner-reported) data where {C.name(claim.subject)} does not report origins"
        )
    return verdict, ev, sources
