"""Section builders: each calls queries and turns their rows into sourced facts. No other numbers."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pandas as pd

from realpolitik.analyses.brief.model import Fact, Section
from realpolitik.countries import Country
from realpolitik.errors import UserError
from realpolitik.result import Result
from realpolitik.store import Store


def pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def window_label(start: int, end: int) -> str:
    return f"{start}–{str(end)[-2:]}"


def attempt(section: Section, what: str, fn: Callable[[], Result]) -> Result | None:
    """Run a query; a missing table or out-of-coverage period becomes a stated gap, not a crash."""
    try:
        return fn()
    except (UserError, KeyError) as e:
        section.gaps.append(f"{what}: {e}")
        return None


# --------------------------------------------------------------------------------------- arms
def arms(a: Country, b: Country, last: int, store: Store) -> Section:
    """Transfers both ways, supplier share per 5-year window, ranks, and the largest deals."""
    from realpolitik.queries import arms as q
    from realpolitik.render.charts import share_windows_chart

    sec = Section("arms", "Arms transfers")
    for sup, rec in ((a, b), (b, a)):
        r = attempt(
            sec,
            f"arms {sup.id}→{rec.id}",
            lambda s=sup, t=rec: q.dyad_windows(s, t, 5, last, store),
        )
        if r is None:
            continue
        key = f"{sup.id}_to_{rec.id}"
        if r.frame.empty:
            sec.gaps.append(
                f"SIPRI records no arms deliveries from {sup.name} to {rec.name} up to {last}."
            )
            continue
        sec.tables[f"windows_{key}"] = r
        f = r.frame
        peak = f.loc[f["share_of_imports"].idxmax()]
        latest = f.iloc[-1]
        for tag, w in (("peak", peak), ("latest", latest)):
            if tag == "latest" and int(w["start"]) == int(peak["start"]):
                continue
            label = window_label(int(w["start"]), int(w["end"]))
            sec.facts.append(
                Fact(
                    f"{key}_share_{tag}",
                    f"{sup.name} supplied {pct(w['share_of_imports'])} of {rec.name}'s arms imports in {label} "
                    f"(rank {int(w['supplier_rank'])} among its suppliers).",
                    float(w["share_of_imports"]),
                    label,
                    "sipri",
                    {
                        "tiv": float(w["tiv"]),
                        "supplier_rank": int(w["supplier_rank"]),
                        "top_supplier": w["top_supplier"],
                    },
                )
            )
            if pd.notna(w["share_of_exports"]):
                rank = int(w["recipient_rank"])
                after = (
                    ""
                    if rank == 1
                    else f", after {w['top_recipient']}"
                    if rank == 2
                    else f"; first: {w['top_recipient']}"
                )
                sec.facts.append(
                    Fact(
                        f"{key}_export_share_{tag}",
                        f"{rec.name} received {pct(w['share_of_exports'])} of {sup.name}'s arms exports in {label} "
                        f"({ordinal(rank)} largest recipient{after}).",
                        float(w["share_of_exports"]),
                        label,
                        "sipri",
                        {"recipient_rank": rank, "top_recipient": w["top_recipient"]},
                    )
                )
        sec.charts[f"share_{key}"] = share_windows_chart(
            f,
            f"{sup.name}'s share of {rec.name}'s arms imports, 5-year windows",
            share="share_of_imports",
        )
        deals = attempt(
            sec, f"deals {sup.id}→{rec.id}", lambda s=sup, t=rec: q.deals(s, t, None, store)
        )
        if deals is not None and not deals.frame.empty:
            top = deals.frame.sort_values("tiv", ascending=False, na_position="last").head(8)
            sec.tables[f"deals_{key}"] = Result(top.reset_index(drop=True), deals.query, deals.sources, deals.notes,
                                                 f"Largest deals {sup.name} → {rec.name} (SIPRI register)")  # fmt: skip
    return sec


# ------------------------------------------------------------------------------ energy and trade
def energy_trade(a: Country, b: Country, last: int, store: Store) -> Section:
    """Oil production ranks, bilateral crude flows (or the gap), each one's rank among the other's partners."""
    from realpolitik.queries import energy, trade

    sec = Section("energy_trade", "Energy and trade")
    oil_last = (
        min(last, store.coverage("owid_energy")[1]) if store.has_table("owid_energy") else last
    )
    for c in (a, b):
        r = attempt(
            sec, f"oil production {c.id}", lambda c=c: energy.rank_in(c, oil_last, store=store)
        )
        if r is None:
            continue
        row = r.frame.iloc[0] if not r.frame.empty else None
        if row is None or pd.isna(row.get("rank")):
            sec.gaps.append(
                f"No oil-production figure for {c.name} in {oil_last} (OWID/Energy Institute). "
                + " ".join(r.notes)
            )
            continue
        sec.facts.append(
            Fact(
                f"oil_rank_{c.id}",
                f"{c.name} was the {ordinal(int(row['rank']))} largest oil producer in {oil_last} "
                f"({row['twh']:,.0f} TWh, {pct(row['share'])} of world output).",
                int(row["rank"]),
                str(oil_last),
                "owid_energy",
                {"twh": float(row["twh"]), "share": float(row["share"])},
            )
        )
    # bilateral crude
    years = [y for y in trade.crude_years(store) if y <= last]
    found = False
    for imp, exp in ((a, b), (b, a)):
        for y in years:
            r = attempt(
                sec,
                f"crude sources {imp.id} {y}",
                lambda i=imp, y=y: trade.crude_sources(i, y, store),
            )
            if r is None or r.frame.empty:
                continue
            hit = r.frame[r.frame["partner_id"] == exp.id]
            if hit.empty:
                continue
            found = True
            row = hit.iloc[0]
            side = (
                "exporter-reported (mirror) data"
                if bool(row["mirror"])
                else f"{row['reported_by']} data"
            )
            sec.facts.append(
                Fact(
                    f"crude_{exp.id}_to_{imp.id}_{y}",
                    f"{exp.name} supplied {pct(row['share'])} of {imp.name}'s crude-oil imports by value in {y} "
                    f"({ordinal(int(row['rank']))} source; {side}, CEPII BACI HS 2709).",
                    float(row["share"]),
                    str(y),
                    "trade_crude_baci",
                    {
                        "value_usd": float(row["value_usd"]),
                        "rank": int(row["rank"]),
                        "mirror": bool(row["mirror"]),
                    },
                )
            )
            sec.tables[f"crude_{imp.id}_{y}"] = r
    other_years = sorted(set(range(1995, last + 1)) - set(years))
    gap = (
        f"No bilateral crude-oil data for {a.name}–{b.name} outside {', '.join(map(str, years)) or 'any year'}"
        f" (the snapshot holds bilateral HS 2709 flows for {', '.join(map(str, years)) or 'no year'} only)."
    )
    if not found:
        gap = f"No bilateral crude-oil flow between {a.name} and {b.name} in the data ({', '.join(map(str, years)) or 'no year covered'})."
    if other_years or not found:
        sec.gaps.append(gap)
    # each one's rank among the other's Factbook top-5 partners (the COW series is the table below)
    for c, other in ((a, b), (b, a)):
        for flow in ("exports", "imports"):
            fb = (
                trade.factbook_partners(c, flow, store)
                if store.has_table("factbook_partners")
                else None
            )
            if fb is None or fb.empty:
                continue
            hit = fb[fb["partner_id"] == other.id]
            if not hit.empty:
                row = hit.iloc[0]
                verb = "export market" if flow == "exports" else "import source"
                sec.facts.append(
                    Fact(
                        f"{flow}_partner_{other.id}_of_{c.id}",
                        f"{other.name} was {c.name}'s {ordinal(int(row['rank']))} largest {verb} "
                        f"({pct(row['share'])} of its {flow}, {int(row['year'])}, CIA World Factbook).",
                        int(row["rank"]),
                        str(int(row["year"])),
                        "factbook",
                        {"share": float(row["share"])},
                    )
                )
            elif not fb.empty:
                sec.gaps.append(
                    f"{other.name} is not among {c.name}'s top-5 {flow} partners in the Factbook "
                    f"({int(fb['year'].iloc[0])}); the Factbook lists only five."
                )
    r = attempt(sec, "COW dyadic trade", lambda: trade.dyad(a, b, store=store))
    if r is not None:
        upto = r.frame[r.frame["year"] <= last]  # nothing after the as-of year
        if not upto.empty:
            sec.tables["cow_trade"] = Result(
                upto.reset_index(drop=True), r.query, r.sources, r.notes, r.title
            )
    return sec


# ----------------------------------------------------------------------------------- geography
def geography(a: Country, b: Country, rivals: dict[str, list[Country]], store: Store) -> Section:
    """Shared border or distance, and each one's borders with the other's rivals."""
    from realpolitik.queries import geo

    sec = Section("geography", "Geography")
    r = attempt(sec, "border", lambda: geo.border(a, b, store=store))
    if r is not None and not r.frame.empty:
        row = r.frame.iloc[0]
        if bool(row.get("shared_land_border")):
            if pd.notna(row.get("km")):
                text = f"{a.name} and {b.name} share a {row['km']:,.0f} km land border."
                value = float(row["km"])
            else:
                text = f"{a.name} and {b.name} share a land border (COW contiguity); the Factbook gives no length."
                value = None
        else:
            dist = row.get("min_distance_km")
            text = f"{a.name} and {b.name} share no land border" + (
                f"; the minimum distance between them is {dist:,.0f} km ({int(row['min_distance_year'])}, CShapes)."
                if pd.notna(dist) else "."
            )  # fmt: skip
            value = None if pd.isna(dist) else float(dist)
        sec.facts.append(Fact("border_ab", text, value, "latest", "factbook"))
        sec.tables["border"] = r
    for c, other in ((a, b), (b, a)):
        foes = rivals.get(other.id, [])
        if not foes:
            continue
        nb = attempt(sec, f"borders of {c.id}", lambda c=c: geo.borders(c, store=store))
        if nb is None or nb.frame.empty:
            continue
        idcol = "id" if "id" in nb.frame.columns else "neighbour_id"
        for foe in foes:
            hit = nb.frame[nb.frame[idcol] == foe.id]
            if hit.empty:
                continue
            km = hit.iloc[0].get("km")
            if pd.notna(km):
                sec.facts.append(
                    Fact(
                        f"border_{c.id}_{foe.id}",
                        f"{c.name} shares a {km:,.0f} km border with {foe.name}, an adversary of {other.name}.",
                        float(km),
                        "latest",
                        "factbook",
                        {"adversary": foe.id, "of": other.id},
                    )
                )
    return sec


# ----------------------------------------------------------------------------------- alignment
def alignment(a: Country, b: Country, last: int, store: Store) -> Section:
    """UN voting distance over time, regime scores and religion composition: how unlike the pair is."""
    from realpolitik.queries import alignment as al
    from realpolitik.queries import profile_facts as pf
    from realpolitik.render.charts import series_chart

    sec = Section("alignment", "Alignment")
    r = attempt(sec, "UN ideal points", lambda: al.ideal_point_distance(a, b))
    if r is not None:
        f = r.frame[r.frame["year"] <= last].dropna(subset=["distance"])
        if f.empty:
            sec.gaps.append(f"No year with UN ideal points for both {a.name} and {b.name}.")
        else:
            row = f.iloc[-1]
            sec.facts.append(
                Fact(
                    "un_distance",
                    f"Their UN General Assembly ideal points were {row['distance']:.2f} apart in {int(row['year'])} "
                    f"({a.name} {row['idealpoint_a']:.2f}, {b.name} {row['idealpoint_b']:.2f}).",
                    float(row["distance"]),
                    str(int(row["year"])),
                    "unga_idealpoints",
                )
            )
            sec.tables["un_distance"] = Result(
                f.reset_index(drop=True), r.query, r.sources, r.notes, r.title
            )
            sec.charts["un_distance"] = series_chart(
                f, "year", {"idealpoint_a": a.name, "idealpoint_b": b.name, "distance": "distance"},
                f"UN General Assembly ideal points, {a.name} and {b.name}", "ideal point",
            )  # fmt: skip
    for c in (a, b):
        reg = attempt(sec, f"regime {c.id}", lambda c=c: al.regime(c, (1800, last)))
        if reg is not None and not reg.frame.empty:
            row = reg.frame.dropna(subset=["v2x_polyarchy"]).tail(1)
            if not row.empty:
                y = int(row["year"].iloc[0])
                v = float(row["v2x_polyarchy"].iloc[0])
                sec.facts.append(Fact(f"polyarchy_{c.id}", f"{c.name}'s V-Dem electoral democracy index was {v:.2f} in {y} (0–1).",
                                      v, str(y), "isard_democracy"))  # fmt: skip
        gov = None
        with contextlib.suppress(UserError):
            gov = pf.government_type(c, store=store)
        rel = attempt(sec, f"religions {c.id}", lambda c=c: pf.religions(c, store=store))
        if rel is not None and not rel.frame.empty:
            top = rel.frame.dropna(subset=["share"]).head(2)
            parts = ", ".join(f"{r.religion} {pct(r.share)}" for r in top.itertuples())
            y = rel.frame["year"].dropna()
            sec.facts.append(
                Fact(
                    f"religion_{c.id}",
                    f"{c.name}: {parts}"
                    + (f" ({int(y.iloc[0])})" if len(y) else "")
                    + (f"; government: {gov}." if gov else "."),
                    parts,
                    str(int(y.iloc[0])) if len(y) else "latest",
                    "factbook",
                )  # fmt: skip
            )
    return sec


# ------------------------------------------------------------------------------ relations timeline
def events_timeline(a: Country, b: Country, as_of_year: int, store: Store) -> Section | None:
    """Event-data timeline (GDELT/ICEWS) when the store holds events between the pair, else None."""
    if not store.has_table("events_dyad_month"):
        return None
    from realpolitik.queries import events

    sec = Section("events", "Relations timeline (event data)")
    r = attempt(sec, "events", lambda: events.dyad(a, b, freq="month"))
    if r is None:
        return None
    f = r.frame[
        (r.frame["events"] > 0) & (r.frame["period"].astype(str).str[:4].astype(int) <= as_of_year)
    ]
    if f.empty:
        return None
    for ds, g in f.groupby("dataset", sort=True):
        coop = int(g["verbal_coop"].sum() + g["material_coop"].sum())
        conf = int(g["verbal_conflict"].sum() + g["material_conflict"].sum())
        index = (coop - conf) / (coop + conf) if coop + conf else None
        span = (
            f"{g['period'].min()}–{g['period'].max()}" if len(g) > 1 else str(g["period"].iloc[0])
        )
        text = f"{ds}: {int(g['events'].sum())} events between {a.name} and {b.name} in {len(g)} sampled month(s) ({span})"
        text += f"; cooperation–conflict index {index:+.2f}." if index is not None else "."
        sec.facts.append(
            Fact(
                f"events_{ds}",
                text,
                int(g["events"].sum()),
                span,
                "events_samples",
                {"cc_index": index},
            )
        )
    sec.tables["events"] = Result(
        f.reset_index(drop=True),
        r.query,
        r.sources,
        r.notes,
        f"Events {a.name} – {b.name} by month",
    )
    sec.gaps.append(
        "The bundled event data are samples (a few days or months per source), not complete series."
    )
    return sec
