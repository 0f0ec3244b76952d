"""Sanity checks of a SIPRI build before it may replace the data in a snapshot.

A delivery file cut short, rows duplicated, Supplier and Recipient headers swapped, or a release that
disagrees with the other releases, with SIPRI's own totals or with the build it replaces is refused
with one line naming the file and the figures. (Cut lines, duplicated deal-years and missing Total
rows are caught earlier, by the readers in `sipri.py`.)

Tolerances come from the spread between real releases (raw/sipri and raw/sipri_releases): a year's
world TIV differs by at most 4.7 % between any two of the 2016, 2022, 2024 and 2025 releases and by
at most 2.0 % between the per-delivery exports and SIPRI's 2024 totals table; revisions of whole
periods stay under 3 %. A file missing a tenth of its rows, or counting some twice, falls outside.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built

YEAR_TOL = 0.10  # largest change of one year's world TIV between two releases (observed ≤ 4.7 %)
TOTAL_TOL = 0.05  # largest change of the world TIV summed over the common years (observed ≤ 2.8 %)
ROWS_TOL = 0.25  # largest change of the number of dyad-years in the common years
REGISTER_DUP = 0.005  # identical register rows (real deals can be identical: 10 of 29,515)


def _pid(df: pd.DataFrame, role: str) -> pd.Series:
    """A party key that lines up across releases and spellings: resolver id, else the lower-cased name."""
    ids = df.get(f"{role}_id")
    names = df[role].astype(str).str.lower()
    return names if ids is None else ids.fillna(names)


def dyads(df: pd.DataFrame) -> pd.DataFrame:
    """(s, r, year, tiv) with party keys, summed."""
    out = pd.DataFrame(
        {
            "s": _pid(df, "supplier"),
            "r": _pid(df, "recipient"),
            "year": df["year"],
            "tiv": df["tiv"],
        }
    )
    return out.groupby(["s", "r", "year"], as_index=False)["tiv"].sum()


def _pct(x: float) -> str:
    return f"{100 * x:+.0f} %"


def compare_years(new: pd.DataFrame, ref: pd.DataFrame, what: str, against: str) -> list[str]:
    """World TIV per common year and over all common years, and the count of dyad-years, new vs ref."""
    a, b = new.groupby("year")["tiv"].sum(), ref.groupby("year")["tiv"].sum()
    if a.empty:
        return [f"{what}: no rows"]
    gaps = [
        y for y in b.index if a.index.min() <= y <= a.index.max() and y not in a.index and b[y] > 0
    ]
    if gaps:
        return [
            f"{what}: no deliveries in {gaps[0]}, a year inside its coverage for which {against} "
            f"records {b[gaps[0]]:,.0f}"
        ]
    years = a.index.intersection(b.index)
    years = [y for y in years if b[y] > 0]
    if not years:
        return []
    out = []
    change = (a[years] / b[years] - 1).abs()
    worst = change.idxmax()
    if change[worst] > YEAR_TOL:
        out.append(
            f"{what}: world TIV in {worst} is {a[worst]:,.0f}, against {b[worst]:,.0f} in {against} "
            f"({_pct(a[worst] / b[worst] - 1)}; releases differ by < {100 * YEAR_TOL:.0f} %)"
        )
    total = a[years].sum() / b[years].sum() - 1
    if abs(total) > TOTAL_TOL and not out:
        out.append(
            f"{what}: world TIV {min(years)}–{max(years)} is {a[years].sum():,.0f}, against "
            f"{b[years].sum():,.0f} in {against} ({_pct(total)})"
        )
    if {"s", "r"} <= set(new.columns) and {"s", "r"} <= set(ref.columns):
        n_new = int(new["year"].isin(years).sum())
        n_ref = int(ref["year"].isin(years).sum())
        if n_ref and abs(n_new / n_ref - 1) > ROWS_TOL and not out:
            out.append(
                f"{what}: {n_new:,} supplier–recipient–year rows in {min(years)}–{max(years)}, "
                f"against {n_ref:,} in {against} ({_pct(n_new / n_ref - 1)})"
            )
    return out


def _overlap(a: pd.DataFrame, b: pd.DataFrame, keys: list[str]) -> float:
    """Σ min(a, b) over matching keys: how much of a's TIV b also records."""
    m = a.merge(b, on=keys, suffixes=("_a", "_b"))
    return float(m[["tiv_a", "tiv_b"]].min(axis=1).sum())


def direction(new: pd.DataFrame, ref: pd.DataFrame, what: str, against: str) -> list[str]:
    """Refuse when new's supplier→recipient pairs match ref better reversed than as given
    (the Supplier and Recipient headers were swapped)."""
    keys = ["s", "r", "year"] if "year" in ref.columns else ["s", "r"]
    a = new.groupby(keys, as_index=False)["tiv"].sum()
    if "year" in keys:
        a = a[a["year"].isin(ref["year"].unique())]
    same = _overlap(a, ref, keys)
    rev = _overlap(a.rename(columns={"s": "r", "r": "s"}), ref, keys)
    total = float(a["tiv"].sum())
    if total > 0 and rev > same:
        return [
            f"{what}: its Supplier and Recipient columns look swapped: {100 * same / total:.0f} % of its "
            f"TIV is on the same supplier→recipient pairs as in {against}, {100 * rev / total:.0f} % on "
            "the reversed pairs"
        ]
    return []


def against_totals(new: pd.DataFrame, totals: pd.DataFrame, what: str, release: str) -> list[str]:
    """World TIV per year against SIPRI's totals table, and each side's party totals for swapped roles."""
    if totals.empty:
        return []
    against = f"SIPRI's totals table (release {release})"
    world = totals[totals["party"].str.startswith("Total world")]
    world = world[world["side"] == "imports"] if (world["side"] == "imports").any() else world
    out = compare_years(new, world[["year", "tiv"]], what, against)
    parties = totals[~totals["party"].str.startswith("Total")].assign(p=lambda d: _pid(d, "party"))
    exp = parties[parties["side"] == "exports"][["p", "year", "tiv"]]
    imp = parties[parties["side"] == "imports"][["p", "year", "tiv"]]
    if exp.empty or imp.empty:
        return out
    by_s = new.groupby(["s", "year"], as_index=False)["tiv"].sum().rename(columns={"s": "p"})
    by_r = new.groupby(["r", "year"], as_index=False)["tiv"].sum().rename(columns={"r": "p"})
    years = set(exp["year"])
    by_s, by_r = by_s[by_s["year"].isin(years)], by_r[by_r["year"].isin(years)]
    same = _overlap(by_s, exp, ["p", "year"]) + _overlap(by_r, imp, ["p", "year"])
    rev = _overlap(by_r, exp, ["p", "year"]) + _overlap(by_s, imp, ["p", "year"])
    total = float(by_s["tiv"].sum() + by_r["tiv"].sum())
    if total > 0 and rev > same:
        out.append(
            f"{what}: its Supplier and Recipient columns look swapped: its suppliers' yearly totals "
            f"match the importers in {against}, not the exporters ({100 * rev / total:.0f} % against "
            f"{100 * same / total:.0f} % of its TIV)"
        )
    return out


def register_problems(register: pd.DataFrame) -> list[str]:
    dup = int(register.drop(columns=["release"], errors="ignore").duplicated().sum())
    if dup > max(20, REGISTER_DUP * len(register)):
        return [
            f"the deal register has {dup:,} identical rows of {len(register):,} (duplicated lines?)"
        ]
    return []


def check_sipri(built: Built) -> list[str]:
    """Every reason to refuse this SIPRI build on its own (empty: accept)."""
    t = built.tables
    out = register_problems(t["sipri_register"])
    releases = t["sipri_tiv_releases"]
    info = t["sipri_releases"].set_index("release")
    by_release = {r: dyads(f) for r, f in releases.groupby("release")}
    totals = t["sipri_totals"]
    tot_release = str(totals["release"].iloc[0]) if len(totals) else ""

    def label(r: str) -> str:
        return f"the {info.loc[r, 'format']} of release {r}"

    for r, frame in by_release.items():
        last, through = int(info.loc[r, "last_year"]), int(info.loc[r, "data_through"])
        if last < through:
            out.append(
                f"{label(r)} ends in {last}, but release {r} has data through {through} "
                "(truncated file?)"
            )
        out += against_totals(frame, totals, label(r), tot_release)
    deliveries = dyads(t["sipri_deliveries"])
    reg = t["sipri_register"].dropna(subset=["tiv_delivered"])
    reg_pairs = dyads(reg.assign(year=0, tiv=reg["tiv_delivered"]))[["s", "r", "tiv"]]
    d_release = str(t["sipri_deliveries"]["release"].iloc[0])
    out += direction(
        deliveries,
        reg_pairs,
        label(d_release),
        f"the deal register (release {t['sipri_register']['release'].iloc[0]})",
    )
    names = sorted(by_release)
    for older, newer in zip(names, names[1:], strict=False):
        out += compare_years(by_release[newer], by_release[older], label(newer), f"release {older}")
        out += direction(by_release[newer], by_release[older], label(newer), f"release {older}")
    return out


def against_previous(built: Built, previous: Path) -> list[str]:
    """The new composite and every release also held before, against the build being replaced."""
    out = []
    old_tiv = previous / "sipri_tiv.parquet"
    if old_tiv.is_file():
        old = dyads(pd.read_parquet(old_tiv))
        new = dyads(built.tables["sipri_tiv"])
        out += compare_years(
            new, old, "the new annual TIV (sipri_tiv)", "the data it would replace"
        )
        out += direction(new, old, "the new annual TIV (sipri_tiv)", "the data it would replace")
    old_rel = previous / "sipri_tiv_releases.parquet"
    if old_rel.is_file():
        old = pd.read_parquet(old_rel)
        new = built.tables["sipri_tiv_releases"]
        for r in sorted(set(old["release"]) & set(new["release"])):
            what = f"release {r} in sipri_tiv_releases"
            a, b = dyads(new[new["release"] == r]), dyads(old[old["release"] == r])
            out += compare_years(a, b, what, "the data it would replace")
    return out
