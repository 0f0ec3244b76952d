"""Section builders: each calls queries and turns their rows into sourced facts. No other numbers.

Every dated fact passes `realpolitik.asof.usable` (through `When`): nothing after the brief's
as-of date, and Factbook facts only when its edition is usable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from realpolitik.analyses.brief.model import Fact, Section
from realpolitik.asof import lifespan, predecessor, usable
from realpolitik.countries import Country
from realpolitik.errors import UserError
from realpolitik.render.words import The, nth, ordinal, plural, poss, the
from realpolitik.result import Result
from realpolitik.store import Store

ARMS_MIN_TIV = 20.0
"""Arms figures from fewer TIV than this over a window are stated with their TIV and never lead."""
PEAK_MIN_GAP = 0.10
"""A peak window is shown beside the latest only when its share differs by at least this much …"""
PEAK_MAX_AGE = 20
"""… and it ended within this many years of the brief's last year (recent decades only)."""


@dataclass(frozen=True)
class When:
    """The brief's time frame: the as-of day, the last usable year and the Factbook edition's year."""

    day: date
    last: int
    edition: int | None  # year the snapshot's Factbook edition describes

    def ok(self, dated: object) -> bool:
        return usable(dated, self.day)  # type: ignore[arg-type]

    @property
    def factbook(self) -> bool:
        """Whether a Factbook edition is usable as of the day."""
        return self.edition is not None and self.ok(self.edition)

    def no_factbook(self) -> str:
        return (
            f"No CIA World Factbook edition as of {self.day.isoformat()}: the snapshot holds one edition "
            f"(final, 2026), whose figures are mostly for {self.edition}."
            if self.edition is not None
            else "The snapshot has no CIA World Factbook."
        )


def pct(x: float) -> str:
    """A share as a percentage; a positive share that rounds to 0.0 reads '< 0.1 %' (not nothing)."""
    return "< 0.1 %" if 0 < x < 0.0005 else f"{100 * x:.1f} %"


def _twh(x: float) -> str:
    """Energy in TWh: whole numbers, two significant digits below 10 (Israel's 0.25 TWh is not '0')."""
    return f"{x:,.0f}" if x >= 10 else f"{x:.2g}"


def window_label(start: int, end: int) -> str:
    return f"{start}–{str(end)[-2:]}"


def attempt(section: Section, what: str, fn: Callable[[], Result]) -> Result | None:
    """Run a query; a missing table or out-of-coverage period becomes a stated gap, not a crash."""
    try:
        return fn()
    except (UserError, KeyError) as e:
        section.gaps.append(f"{what}: {e}")
        return None


def restrict(r: Result, frame: pd.DataFrame, when: When, title: str | None = None) -> Result:
    """The result with the rows usable as of the date; when rows were left out its query says so (the
    table is then no longer the plain command's output)."""
    query = r.query if len(frame) == len(r.frame) else {**r.query, "as_of": when.day.isoformat()}
    return Result(frame.reset_index(drop=True), query, r.sources, r.notes, title or r.title)


# --------------------------------------------------------------------------------------- arms
def _tiv(w: pd.Series) -> str:
    return f"{float(w['tiv']):,.1f} TIV"


def _pick(f: pd.DataFrame, col: str, last: int) -> list[tuple[str, pd.Series]]:
    """The latest window, and the peak of `col` when materially different and recent enough."""
    f = f.dropna(subset=[col])
    if f.empty:
        return []
    latest = f.iloc[-1]
    out = [("latest", latest)]
    peak = f.loc[f[col].idxmax()]
    if (
        int(peak["start"]) != int(latest["start"])
        and float(peak["tiv"]) >= ARMS_MIN_TIV  # a peak of a few TIV is no peak
        and float(peak[col]) - float(latest[col]) >= PEAK_MIN_GAP
        and int(peak["end"]) >= last - PEAK_MAX_AGE
    ):
        out.append(("peak", peak))
    return out


def arms(a: Country, b: Country, when: When, store: Store) -> Section:
    """Transfers both ways per 5-year window (latest first, a materially different recent peak), ranks
    on both sides, deals known by the as-of date, and what a predecessor state supplied."""
    from realpolitik.analyses.brief.charts import arms_share_chart
    from realpolitik.queries import arms as q

    sec = Section("arms", "Arms transfers")
    if not store.has_table("sipri_tiv"):
        sec.gaps.append(
            "SIPRI arms-transfer data are not in this snapshot (it was built without SIPRI): "
            "no arms figures, and arms ties are not assessed."
        )
        return sec
    last = when.last
    first = store.coverage("sipri_tiv")[0]
    if last < first + 4:  # not one complete five-year window yet (Germany–Poland as of 1939)
        sec.gaps.append(f"SIPRI's arms-transfer data begin in {first}: no five-year window ends by {last}.")
        return sec
    for sup, rec in ((a, b), (b, a)):
        key = f"{sup.id}_to_{rec.id}"
        (sup_from, _), (rec_from, _) = lifespan(sup, last), lifespan(rec, last)
        since = max(sup_from, rec_from, first)
        if since > last:  # one of them is not in the state system yet: nothing to window
            outside = sup if sup_from > last else rec
            sec.gaps.append(f"No arms figures {sup.name} → {rec.name}: {outside.name} was not in the COW "
                            f"state system in {last}.")  # fmt: skip
            continue
        r = attempt(
            sec,
            f"arms {sup.id}→{rec.id}",
            lambda s=sup, t=rec: q.dyad_windows(s, t, 5, last, store),
        )
        _predecessor_arms(sec, sup, rec, since, last, store)
        if r is None:
            continue
        f = r.frame[r.frame["start"] >= since]  # windows inside both states' own years
        if f.empty:
            sec.gaps.append(
                f"SIPRI records no arms deliveries from {sup.name} to {rec.name} in {since}–{last}."
            )
            continue
        sec.tables[f"windows_{key}"] = restrict(r, f, when)
        for tag, w in _pick(f, "share_of_imports", last):
            label = window_label(int(w["start"]), int(w["end"]))
            small = float(w["tiv"]) < ARMS_MIN_TIV
            sec.facts.append(
                Fact(
                    f"{key}_share_{tag}",
                    f"{The(sup.name)} supplied {pct(w['share_of_imports'])} of {poss(rec.name)} arms imports in {label} "
                    f"({_tiv(w)}; rank {int(w['supplier_rank'])} among its suppliers"
                    + ("; a small volume" if small else "")
                    + ").",
                    float(w["share_of_imports"]),
                    label,
                    "sipri",
                    {
                        "tiv": float(w["tiv"]),
                        "supplier_rank": int(w["supplier_rank"]),
                        "top_supplier": w["top_supplier"],
                        "window": tag,
                        "end": int(w["end"]),
                    },
                )  # fmt: skip
            )
        for tag, w in _pick(f, "share_of_exports", last):
            label = window_label(int(w["start"]), int(w["end"]))
            rank = int(w["recipient_rank"])
            after = (
                ""
                if rank == 1
                else (
                    f", after {w['top_recipient']}"
                    if rank == 2
                    else f"; first: {w['top_recipient']}"
                )
            )
            sec.facts.append(
                Fact(
                    f"{key}_export_share_{tag}",
                    f"{The(rec.name)} received {pct(w['share_of_exports'])} of {poss(sup.name)} arms exports in {label} "
                    f"({_tiv(w)}; {nth(rank)} recipient{after}).",
                    float(w["share_of_exports"]),
                    label,
                    "sipri",
                    {
                        "tiv": float(w["tiv"]),
                        "recipient_rank": rank,
                        "top_recipient": w["top_recipient"],
                        "window": tag,
                        "end": int(w["end"]),
                    },
                )  # fmt: skip
            )
        title = (
            f"{poss(sup.name, start=True)} share of {poss(rec.name)} arms imports, 5-year windows"
        )
        sec.charts.add(
            f"share_{key}",
            lambda s=sup, t=rec, y=since, ti=title: arms_share_chart(s, t, y, last, ti, store),
        )
        _deals(sec, sup, rec, when, store)
    return sec


def _predecessor_arms(
    sec: Section, sup: Country, rec: Country, since: int, last: int, store: Store
) -> None:
    """Succession: SIPRI files deliveries before a successor's first year under its predecessor (the
    Soviet Union for Russia before 1992): say so, with the predecessor's last window."""
    from realpolitik.queries import arms as q

    for side, other, is_sup in ((sup, rec, True), (rec, sup, False)):
        pred = predecessor(side, last)
        if pred is None or pred[1] < 1950 or pred[1] + 1 != since:
            continue
        p, p_end = pred
        s, r = (p, other) if is_sup else (other, p)
        try:
            f = q.dyad_windows(s, r, 5, min(p_end, last), store).frame
        except UserError:
            continue
        f = f[f["end"] <= p_end]
        if f.empty:
            continue
        w = f.iloc[-1]
        label = window_label(int(w["start"]), int(w["end"]))
        sec.facts.append(
            Fact(
                f"{s.id}_to_{r.id}_share_predecessor",
                f"Before {since} SIPRI files these transfers under {the(p.name)}, {poss(side.name)} predecessor: "
                f"{The(s.name)} supplied {pct(w['share_of_imports'])} of {poss(r.name)} arms imports in {label} ({_tiv(w)}).",
                float(w["share_of_imports"]),
                label,
                "sipri",
                {"tiv": float(w["tiv"]), "predecessor": p.id},
            )
        )


_YEARS = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _deals(sec: Section, sup: Country, rec: Country, when: When, store: Store) -> None:
    """Register deals ordered by the last usable year, latest first; a deal still delivering after it
    shows no delivered count, TIV or status (they include later deliveries)."""
    from realpolitik.queries import arms as q

    deals = attempt(sec, f"deals {sup.id}→{rec.id}", lambda: q.deals(sup, rec, None, store))
    if deals is None or deals.frame.empty:
        return
    f = deals.frame[[when.ok(int(y)) for y in deals.frame["order_year"]]].copy()
    if f.empty:
        return
    later = pd.Series(
        [
            any(not when.ok(int(y)) for y in _YEARS.findall(str(d or "")))
            for d in f["delivery_years"]
        ],
        index=f.index,
    )
    notes = list(deals.notes)
    query = deals.query
    if later.any() or len(f) < len(deals.frame):
        query = {**deals.query, "as_of": when.day.isoformat()}
    cut = len(deals.frame) - len(f)
    if cut:
        notes.append(
            f"{cut} deal{'s' if cut != 1 else ''} ordered after {when.last} "
            f"{'are' if cut != 1 else 'is'} left out (not known as of {when.day.isoformat()})."
        )
    if later.any():
        f["known_by"] = [f"deliveries continue after {when.last}" if x else "" for x in later]
        for col in ("delivered", "tiv", "status", "delivery_years"):
            f[col] = f[col].astype(object).where(~later, None)
        notes.append(
            f"{plural(int(later.sum()), 'deal')} still delivering after {when.last}: delivered count, TIV and status "
            "are left out (they include later deliveries)."
        )
    sec.tables[f"deals_{sup.id}_to_{rec.id}"] = Result(
        f.reset_index(drop=True), query, deals.sources, notes,
        f"Deals {sup.name} → {rec.name} ordered by {when.last} (SIPRI register)",
    )  # fmt: skip


# ------------------------------------------------------------------------------ energy and trade
def energy_trade(a: Country, b: Country, when: When, store: Store) -> Section:
    """Oil production ranks (historical states included), bilateral crude flows (or the gap), each one's
    rank among the other's Factbook partners, and the COW trade series."""
    from realpolitik.queries import energy, trade

    sec = Section("energy_trade", "Energy and trade")
    last = when.last
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
        if row is not None and row.get("twh") == 0:  # a recorded zero is a fact, not a gap
            sec.facts.append(
                Fact(f"oil_none_{c.id}", f"{The(c.name)} produced no oil in {oil_last} (0 TWh).", 0.0,
                     str(oil_last), "owid_energy", {"twh": 0.0})
            )  # fmt: skip
            continue
        if row is None or pd.isna(row.get("rank")):
            sec.gaps.append(
                f"No oil-production rank for {c.name} in {oil_last} (OWID/Energy Institute). "
                + " ".join(r.notes[:1])
            )
            continue
        sec.facts.append(
            Fact(
                f"oil_rank_{c.id}",
                f"{The(c.name)} was the {nth(int(row['rank']))} oil producer in {oil_last} "
                f"({_twh(row['twh'])} TWh, {pct(row['share'])} of world output).",
                int(row["rank"]),
                str(oil_last),
                "owid_energy",
                {"twh": float(row["twh"]), "share": float(row["share"])},
            )
        )
    _crude(sec, a, b, when, store)
    if not when.factbook:
        sec.gaps.append(when.no_factbook())
    elif store.has_table("factbook_partners"):
        _factbook_partners(sec, a, b, store)
    r = attempt(sec, "COW dyadic trade", lambda: trade.dyad(a, b, store=store))
    if r is not None:
        upto = r.frame[[when.ok(int(y)) for y in r.frame["year"]]]
        if not upto.empty:
            sec.tables["cow_trade"] = restrict(r, upto, when)
    return sec


def _crude(sec: Section, a: Country, b: Country, when: When, store: Store) -> None:
    from realpolitik.queries import trade

    all_years = trade.crude_years(store) if store.has_table("trade_crude_flows") else []
    years = [y for y in all_years if when.ok(y)]
    held = ", ".join(map(str, all_years)) or "no year"
    only = f"the snapshot has bilateral crude-oil data (CEPII BACI, HS 2709) for {held} only"
    if not years:
        sec.gaps.append(
            f"No bilateral crude-oil figure usable as of {when.day.isoformat()}: {only}."
        )
        return
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
                    f"{The(exp.name)} supplied {pct(row['share'])} of {poss(imp.name)} crude-oil imports by value in {y} "
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
    if not found:
        sec.gaps.append(
            f"No crude-oil flow between {a.name} and {b.name} in {', '.join(map(str, years))}; {only}."
        )
    else:
        sec.gaps.append(f"Crude-oil shares are for {', '.join(map(str, years))}: {only}.")


def _factbook_partners(sec: Section, a: Country, b: Country, store: Store) -> None:
    from realpolitik.queries import trade

    for c, other in ((a, b), (b, a)):
        for flow in ("exports", "imports"):
            fb = trade.factbook_partners(c, flow, store)
            if fb is None or fb.empty:
                continue
            hit = fb[fb["partner_id"] == other.id]
            if not hit.empty:
                row = hit.iloc[0]
                verb = "export market" if flow == "exports" else "import source"
                sec.facts.append(
                    Fact(
                        f"{flow}_partner_{other.id}_of_{c.id}",
                        f"{The(other.name)} was {poss(c.name)} {nth(int(row['rank']))} {verb} "
                        f"({pct(row['share'])} of its {flow}, {int(row['year'])}, CIA World Factbook).",
                        int(row["rank"]),
                        str(int(row["year"])),
                        "factbook",
                        {"share": float(row["share"])},
                    )
                )
            else:
                sec.gaps.append(
                    f"{The(other.name)} is not among {poss(c.name)} top-5 {flow} partners in the Factbook "
                    f"({int(fb['year'].iloc[0])}); the Factbook lists only five."
                )


# ----------------------------------------------------------------------------------- geography
def geography(
    a: Country, b: Country, foes: dict[str, list[tuple[Country, str]]], when: When, store: Store
) -> Section:
    """Shared border or distance as of the date, and each one's borders with the other's adversaries
    (`foes`: per state, its adversaries with the evidence in a few words). A neighbour allied with the
    bordering state is no foothold: the fact says so and carries no motive."""
    from realpolitik.queries import geo

    sec = Section("geography", "Geography")
    fb = when.factbook
    r = attempt(sec, "border", lambda: geo.border(a, b, store=store, year=when.last, factbook=fb))
    if r is not None and not r.frame.empty:
        row = r.frame.iloc[0]
        period = str(when.edition) if fb and pd.notna(row.get("km")) else str(when.last)
        if bool(row.get("shared_land_border")):
            if pd.notna(row.get("km")):
                text = f"{The(a.name)} and {the(b.name)} share {_a(row['km'])} km land border (CIA World Factbook)."
                value = float(row["km"])
            else:
                since = f" since {int(row['cow_from'])}" if pd.notna(row.get("cow_from")) else ""
                text = f"{a.name} and {b.name} share a land border (COW contiguity{since})" + (
                    "; the Factbook gives no length." if fb else "."
                )
                value = None
        else:
            dist = row.get("min_distance_km")
            text = f"{a.name} and {b.name} share no land border" + (
                f"; the minimum distance between them is {dist:,.0f} km ({int(row['min_distance_year'])}, CShapes)."
                if pd.notna(dist) else "."
            )  # fmt: skip
            value = None if pd.isna(dist) else float(dist)
        src = "factbook" if fb and pd.notna(row.get("km")) else "cow_contdir"
        if not bool(row.get("shared_land_border")):
            src = "cshapes_mindist" if pd.notna(row.get("min_distance_km")) else src
        sec.facts.append(Fact("border_ab", text, value, period, src))
        sec.tables["border"] = r
    if not fb:
        sec.gaps.append("Border lengths come from the Factbook: " + when.no_factbook())
    near_foes = []  # (c, other, foe, why, km, mutual): each side's neighbours that are the other's foes
    for c, other in ((a, b), (b, a)):
        near = _neighbours(c, when, store) if foes.get(other.id) else {}
        for foe, why in foes.get(other.id, []):
            if foe.id == c.id:
                continue
            km = near.get(foe.id, False)
            if km is False:
                continue
            mutual_foe = any(x.id == foe.id for x, _ in foes.get(c.id, []))  # Azerbaijan and Iran
            near_foes.append((c, other, foe, why, km, mutual_foe))
    asked = [(c.id, foe.id) for c, _, foe, _, _, mutual in near_foes if not mutual]
    allied_as = dict(zip(asked, _allied(asked, when.last, store), strict=True))
    for c, other, foe, why, km, mutual_foe in near_foes:
        allied = "" if mutual_foe else allied_as[(c.id, foe.id)]
        foe_of = f"{the(foe.name)}, an adversary of {the(other.name)} ({why})"
        ally = (
            f"; but {the(c.name)} and {the(foe.name)} are {allied}, so it is no foothold"
            if allied
            else ""
        )
        text = (
            f"{The(c.name)} shares {_a(km)} km border with {foe_of}{ally}."
            if isinstance(km, float)
            else f"COW codes {the(c.name)} and {foe_of}, as land-contiguous (since {km[1]}){ally}."
        )
        sec.facts.append(
            Fact(
                f"border_{c.id}_{foe.id}",
                text,
                km if isinstance(km, float) else None,
                str(when.edition) if isinstance(km, float) else str(when.last),
                "factbook" if isinstance(km, float) else "cow_contdir",
                {"adversary": foe.id, "of": other.id, "allied": bool(allied)},
            )
        )
    return sec


def _a(km: float) -> str:
    """'a 689', 'an 83', 'an 11,000': the article a length reads with."""
    t = f"{km:,.0f}"
    return f"an {t}" if t[0] == "8" or t.split(",")[0] in ("11", "18") else f"a {t}"


HOSTILE_KINDS = frozenset({"dispute", "rivalry", "war", "conflict"})


def _allied(pairs: list[tuple[str, str]], year: int, store: Store) -> list[str]:
    """Per pair (x, y): 'allies in 2024: ATOP defence obligation …' when the relationship model reads
    x and y as on the same side in `year` (allies, aligned, partners, or partners despite disputes),
    else ''. The model decides, so an arms patron of the neighbour (Russia for China) is no foothold
    either. The pairs are read in one pass (`relationships`)."""
    from realpolitik.analyses.relations import relationships

    out = []
    for rel in relationships(pairs, year=year, store=store):  # type: ignore[arg-type]
        if rel.sign <= 0:
            out.append("")
            continue
        kind = "partners despite disputes" if rel.type == "mixed" else rel.type
        ties = [e for e in rel.deciding if e.kind not in HOSTILE_KINDS] or rel.deciding
        out.append(f"{kind} in {year}: {ties[0].text}" if ties else f"{kind} in {year}")
    return out


def _neighbours(c: Country, when: When, store: Store) -> dict[str, float | tuple[str, int]]:
    """c's land neighbours as of the date: Factbook km when its edition is usable, else the first year
    of COW land contiguity ("cow", year)."""
    from realpolitik.queries import geo

    if when.factbook:
        nb = geo.factbook_borders(c, store).dropna(subset=["neighbour_id", "km"])
        return {i: float(k) for i, k in zip(nb["neighbour_id"], nb["km"], strict=True)}
    if not store.has_table("cow_contdir"):
        return {}
    cow = geo.cow_contiguity(c, store, year=min(when.last, store.coverage("cow_contdir")[1]))
    land = cow[cow["conttype"] == 1].dropna(subset=["neighbour_id"])
    return {i: ("cow", int(y)) for i, y in zip(land["neighbour_id"], land["cow_from"], strict=True)}


# ----------------------------------------------------------------------------------- alignment
def religion_text(c: Country, frame: pd.DataFrame) -> str:
    """'Greece: Greek Orthodox 81–90 %, none 4–15 %, other 3 %' — largest first, ranges kept as ranges;
    a source without percentages is said to be one."""
    with_share = frame.dropna(subset=["share_low"])
    if with_share.empty:
        names = ", ".join(frame["religion"].head(3))
        return f"{c.name}: {names} — the Factbook gives no percentages"
    parts = []
    for r in with_share.head(3).itertuples(index=False):
        parts.append(f"{r.religion} {str(r.share_text).replace('%', ' %')}")
    return f"{c.name}: " + ", ".join(parts)


def alignment(a: Country, b: Country, when: When, store: Store) -> Section:
    """UN voting distance over time, regime scores, religion composition and government type."""
    from realpolitik.analyses.brief.charts import un_chart
    from realpolitik.queries import alignment as al
    from realpolitik.queries import profile_facts as pf

    sec = Section("alignment", "Alignment")
    last = when.last
    r = attempt(sec, "UN ideal points", lambda: al.ideal_point_distance(a, b))
    if r is not None:
        f = r.frame[[when.ok(int(y)) for y in r.frame["year"]]].dropna(subset=["distance"])
        if f.empty:
            sec.gaps.append(
                f"No year with UN ideal points for both {a.name} and {b.name} by {last}."
            )
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
            sec.tables["un_distance"] = restrict(r, f, when)
            sec.charts.add("un_distance", lambda f=f: un_chart(f, a, b))
            for c in (a, b):
                pred = predecessor(c, last)
                if pred is not None and int(f["year"].min()) > pred[1] >= 1946:
                    sec.gaps.append(
                        f"UN votes before {pred[1] + 1} are {the(pred[0].name)}'s ({c.name} holds its seat): "
                        f"see the brief of {the(pred[0].name)} for those years."
                    )
    for c in (a, b):
        reg = attempt(sec, f"regime {c.id}", lambda c=c: al.regime(c, (1800, last)))
        if reg is not None and not reg.frame.empty:
            row = reg.frame.dropna(subset=["v2x_polyarchy"]).tail(1)
            if not row.empty:
                y = int(row["year"].iloc[0])
                v = float(row["v2x_polyarchy"].iloc[0])
                sec.facts.append(Fact(f"polyarchy_{c.id}", f"{poss(c.name, start=True)} V-Dem electoral democracy index was {v:.2f} in {y} (0–1).",
                                      v, str(y), "isard_democracy"))  # fmt: skip
    if not when.factbook:
        sec.gaps.append(
            "Religions and government type come from the Factbook: " + when.no_factbook()
        )
        return sec
    for c in (a, b):
        gov = pf.government_type(c, store=store) if store.has_table("factbook_profiles") else None
        rel = attempt(sec, f"religions {c.id}", lambda c=c: pf.religions(c, store=store))
        if rel is None or rel.frame.empty:
            sec.gaps.append(f"The Factbook gives no religion breakdown for {c.name}.")
            continue
        y = rel.frame["year"].dropna()
        year = f" ({int(y.iloc[0])})" if len(y) else ""
        sec.facts.append(
            Fact(
                f"religion_{c.id}",
                religion_text(c, rel.frame) + year + (f"; government: {gov}." if gov else "."),
                [r.religion for r in rel.frame.head(3).itertuples()],
                str(int(y.iloc[0])) if len(y) else str(when.edition),
                "factbook",
            )
        )
    return sec


# ------------------------------------------------------------------------------ relations timeline
def events_timeline(a: Country, b: Country, when: When, store: Store) -> Section | None:
    """Event-data timeline (GDELT/ICEWS) of the months before the as-of date, else None."""
    if not store.has_table("events_dyad_month"):
        return None
    from realpolitik.queries import events

    sec = Section("events", "Relations timeline (event data)")
    r = attempt(sec, "events", lambda: events.dyad(a, b, freq="month"))
    if r is None:
        return None
    f = r.frame[
        (r.frame["events"] > 0).to_numpy() & [when.ok(str(p)[:7]) for p in r.frame["period"]]
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
        months = len(g)
        n = int(g["events"].sum())
        text = (
            f"{ds}: {n} event{'s' if n != 1 else ''} between {a.name} and {b.name} in {months} sampled "
            f"month{'s' if months != 1 else ''} ({span})"
        )
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
    sec.tables["events"] = Result(f.reset_index(drop=True), r.query, r.sources, r.notes,
                                  f"Events {a.name} – {b.name} by month (latest first)")  # fmt: skip
    sec.gaps.append(
        "The bundled event data are samples (a few days or months per source), not complete series."
    )
    return sec
