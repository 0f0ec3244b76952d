"""Unlikely partnerships: strong material ties between states that are not allied and are unlike.

The whole scoring rule is `Scoring` below (one readable place):

    material   M = 1 - (1 - m_arms)(1 - m_trade)(1 - m_energy)          "noisy OR", 0..1
                 m_arms   = min(1, larger supplier share of the other's arms imports / arms_full)
                 m_trade  = min(1, larger trade dependence / trade_full)
                 m_energy = min(1, larger crude-oil dependence / energy_full)
    unlikeness U = mean of the available components, 0..1
                 UN voting distance  min(1, ideal-point distance / un_full)
                 regime difference   min(1, |V-Dem polyarchy A - B| / regime_full)
                 religion difference 1 - overlap of religion-family shares (CIA Factbook, latest edition)
    adversaries S = number of third states that are adversaries of both in the relationship model
                 (analyses.relations: at war, rivals, fighting, or hostile by their own hostility)
    score      = M * (floor + (1 - floor) * U) * (1 + boost * min(S, max_adversaries))

The score is defined for every dyad; the *listing* leaves out dyads the relationship model reads as
allied in the year (a defence pact or a bilateral/small pact in force — a large multilateral treaty
alone is not an alliance; ATOP ends 2018, its last year stands in for later years and the explanation
says so) and dyads that are themselves adversaries in the model, and needs M >= min_material. Missing components
are left out of U (never counted as 0).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from realpolitik.analyses.network import layers as L
from realpolitik.analyses.network.layers import possessive
from realpolitik.analyses.relations.classify import Thresholds


@dataclass(frozen=True)
class Scoring:
    """The scoring formula's constants (see the module docstring)."""

    arms_full: float = 0.25
    trade_full: float = 0.10
    energy_full: float = 0.25
    un_full: float = 3.0
    regime_full: float = 0.5
    floor: float = 0.25
    boost: float = 0.5
    max_adversaries: int = 2
    min_material: float = 0.2
    arms_min_tiv: float = (
        Thresholds().arms_tiv
    )  # the relationship model's floor: 100 % of 1 TIV is no tie
    list_allied: bool = False
    list_adversaries: bool = False

    def material(self, arms: pd.Series, trade: pd.Series, energy: pd.Series) -> pd.Series:
        """Strength of material ties, 0–1. A tie with no figure adds nothing to this ranking score; the
        shown columns keep it null, and explanations quote only the figures that exist."""
        ma = (arms.astype(float).fillna(0) / self.arms_full).clip(upper=1)
        mt = (trade.astype(float).fillna(0) / self.trade_full).clip(upper=1)
        me = (energy.astype(float).fillna(0) / self.energy_full).clip(upper=1)
        return 1 - (1 - ma) * (1 - mt) * (1 - me)

    def unlikeness(self, un: pd.Series, regime: pd.Series, religion: pd.Series) -> pd.Series:
        """Mean of the unlikeness measures that exist (none at all: 0, i.e. not shown as unlikely)."""
        parts = pd.concat(
            [
                (un / self.un_full).clip(upper=1),
                (regime / self.regime_full).clip(upper=1),
                religion,
            ],
            axis=1,
        )
        return parts.mean(axis=1, skipna=True).fillna(0.0)

    def score(self, m: pd.Series, u: pd.Series, s: pd.Series) -> pd.Series:
        return (
            m
            * (self.floor + (1 - self.floor) * u)
            * (1 + self.boost * s.clip(upper=self.max_adversaries))
        )


# --------------------------------------------------------------------------- religion families
FAMILIES = [
    ("muslim", r"muslim|islam|sunni|shia|ahmadi"),
    ("jewish", r"jew|judai"),
    ("hindu", r"hindu"),
    ("buddhist", r"buddh"),
    ("sikh", r"sikh"),
    ("none", r"^none|unaffiliated|atheist|agnostic|no religion|non-?believ|secular|nonreligious"),
    (
        "folk",
        r"folk|shinto|animis|tradition|ethnic|indigenous|pagan|vodou|voodoo|spiritis|taois|confuc|chondogy",
    ),
    (
        "christian",
        r"christ|catholic|protestant|orthodox|evangel|luther|anglican|pentecost|adventist|jehovah|"
        r"latter|mormon|baptist|methodist|presbyter|apostolic|calvin|reformed|episcopal|church|congregational|moravian",
    ),
]


def religion_families(store) -> pd.DataFrame:
    """Religion-family shares per country (id, family, share) from the latest Factbook edition; a
    share given as a range ("95–98%") counts at its midpoint, a country with no shares at all as its
    first-listed religion."""
    if not store.has_table("factbook_religions"):
        return pd.DataFrame(columns=["id", "family", "share", "first"])
    case = " ".join(
        f"WHEN regexp_matches(lower(religion), '{rx}') THEN '{fam}'" for fam, rx in FAMILIES
    )
    df = store.sql(
        f"""
        WITH r AS (SELECT id, "order" AS o, religion, coalesce(share, (share_low + share_high) / 2) AS share,
                          CASE {case} ELSE NULL END AS family
                   FROM factbook_religions WHERE id IS NOT NULL),
        has AS (SELECT id, count(share) AS n FROM r GROUP BY id)
        SELECT r.id, r.family,
               sum(coalesce(r.share, CASE WHEN has.n = 0 AND r.o = 1 THEN 1.0 END) ORDER BY r.o) AS share,
               min(CASE WHEN r.o = 1 THEN r.religion END) AS first
        FROM r JOIN has USING (id) WHERE r.family IS NOT NULL GROUP BY ALL
        """
    )
    df = df[df["share"].notna() & (df["share"] > 0)]
    df["share"] = df["share"] / df.groupby("id")["share"].transform("sum")
    return df


def religion_difference(fam: pd.DataFrame) -> tuple[dict[str, dict[str, float]], dict[str, str]]:
    """Per-country family-share dicts and a short label of the largest family."""
    shares: dict[str, dict[str, float]] = {}
    for i, f, s in fam[["id", "family", "share"]].itertuples(index=False, name=None):
        shares.setdefault(i, {})[f] = float(s)
    label = {i: max(d, key=d.get) for i, d in shares.items()}
    return shares, label


def _rel_diff(shares: dict, a: str, b: str) -> float:
    da, db = shares.get(a), shares.get(b)
    if not da or not db:
        return np.nan
    return 1 - sum(min(v, db.get(k, 0.0)) for k, v in da.items())


# --------------------------------------------------------------------------- features
def _democracy(start: int, end: int, store) -> pd.DataFrame:
    if not store.has_table("cw_democracy"):
        return pd.DataFrame(columns=["year", "id", "dem"])
    return store.sql(
        """
        WITH d AS (SELECT id, year, v2x_polyarchy AS dem FROM cw_democracy WHERE id IS NOT NULL AND v2x_polyarchy IS NOT NULL),
        yrs AS (SELECT range::INTEGER AS year FROM range(?, ? + 1))
        SELECT y.year, d.id, arg_max(d.dem, d.year) AS dem, max(d.year) AS dem_year
        FROM yrs y JOIN d ON d.year <= y.year AND d.year >= y.year - 3 GROUP BY ALL
        """,
        [start, end],
    )


def _reading(row: dict) -> str:
    """A short reading of a hostile dyad-year of the relationship model, naming its evidence."""

    def has(k: str) -> bool:
        v = row.get(k)
        return v is not None and v == v

    parts = []
    if row.get("rivalry") and has("rivalry_since"):
        parts.append(
            f"TSS rivalry since {int(row['rivalry_since'])}"
            + (", though allied" if row["rule"] == "mixed_rivalry" else "")
        )
    if row.get("armed_recent") and has("fought_last"):
        parts.append(
            ("at war, " if row.get("war_now") else "")
            + f"fought in {int(row['fought_last'])} (UCDP/PRIO or COW)"
        )
    if not parts and has("dispute_last"):
        parts.append(f"{row.get('dispute_source') or 'MID'} {int(row['dispute_last'])}")
    return "; ".join(parts) or row["type"]


def adversary_pairs(types: pd.DataFrame) -> pd.DataFrame:
    """(year, x, z, ev): z is an adversary of x in the relationship model (directional: a one-sided
    dispute makes no adversary of the side that showed no hostility)."""
    from realpolitik.analyses.relations.model import ONE_SIDED_RULES

    h = types[types["sign"] < 0]
    if h.empty:
        return pd.DataFrame(columns=["year", "x", "z", "ev"])
    one = h["rule"].isin(ONE_SIDED_RULES)
    ev = pd.Series([_reading(r) for r in h.to_dict("records")], index=h.index, dtype=object)
    ab = pd.DataFrame({"year": h["year"], "x": h["a"], "z": h["b"], "ev": ev})[
        ~one | h["material_a"]
    ]
    ba = pd.DataFrame({"year": h["year"], "x": h["b"], "z": h["a"], "ev": ev})[
        ~one | h["material_b"]
    ]
    return pd.concat([ab, ba], ignore_index=True)


def shared_adversaries(types: pd.DataFrame) -> pd.DataFrame:
    """(year, a, b, c, ev_a, ev_b): third states c that are adversaries of both a and b."""
    adv = adversary_pairs(types)
    if adv.empty:
        return pd.DataFrame(columns=["year", "a", "b", "c", "ev_a", "ev_b"])
    j = adv.merge(adv, on=["year", "z"], suffixes=("_1", "_2"))
    j = j[j["x_1"] < j["x_2"]]
    return j.rename(columns={"x_1": "a", "x_2": "b", "z": "c", "ev_1": "ev_a", "ev_2": "ev_b"})[
        ["year", "a", "b", "c", "ev_a", "ev_b"]
    ]


def dyad_features(
    start: int, end: int, params: L.LayerParams | None = None, store=None, population: str = "ties"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Dyad-years with every scoring feature (population 'ties' or 'all' UN-member pairs), and shared adversaries."""
    from realpolitik.store import get_store

    st = store or get_store()
    p = params or L.LayerParams()
    quiet = replace(p, texts=False)
    arms = L.states_only(L.arms_shares(start, end, p.arms_window, 0.0, st), ("s", "r"))
    arms["a"] = np.minimum(arms["s"], arms["r"])
    arms["b"] = np.maximum(arms["s"], arms["r"])
    arms = arms.sort_values(["share", "s", "r"], ascending=[False, True, True]).drop_duplicates(
        ["year", "a", "b"]
    )
    arms = arms.rename(
        columns={
            "share": "arms_share",
            "s": "arms_supplier",
            "r": "arms_recipient",
            "first": "arms_first",
        }
    )
    arms = arms[
        [
            "year",
            "a",
            "b",
            "arms_share",
            "arms_supplier",
            "arms_recipient",
            "arms_first",
            "tiv",
            "total",
        ]
    ]
    trade = L.trade(start, end, replace(quiet, trade_min_share=0.0), st)
    trade = trade.rename(
        columns={"figure": "trade_dep", "period": "trade_period", "dataset": "trade_source"}
    )[["year", "a", "b", "trade_dep", "trade_period", "trade_source"]]
    energy = L.energy(start, end, replace(quiet, energy_min_share=0.0), st)
    energy = energy.rename(columns={"figure": "energy_dep", "period": "energy_period"})[
        ["year", "a", "b", "energy_dep", "energy_period"]
    ]
    ip = L.ideal_points(start, end, p, st)
    if population == "all":
        base = ip.merge(ip, on="year", suffixes=("_a", "_b"))
        base = base[base["id_a"] < base["id_b"]].rename(columns={"id_a": "a", "id_b": "b"})[
            ["year", "a", "b"]
        ]
    else:
        base = pd.concat(
            [arms[["year", "a", "b"]], trade[["year", "a", "b"]], energy[["year", "a", "b"]]]
        ).drop_duplicates()
    base = base[(base["year"] >= start) & (base["year"] <= end)]
    df = base.merge(arms, on=["year", "a", "b"], how="left").merge(
        trade, on=["year", "a", "b"], how="left"
    )
    df = df.merge(energy, on=["year", "a", "b"], how="left")
    from realpolitik.analyses.relations import classify_years

    types = classify_years(start, end, st)  # the relationship model: who is allied, who adversaries
    model = types[["year", "a", "b", "type", "rule", "sign", "defence", "pact_small", "cobelligerent"]]
    df = df.merge(model.rename(columns={"type": "relationship"}), on=["year", "a", "b"], how="left")
    df["allied"] = df["defence"].eq(True) | df["pact_small"].eq(True)
    df["cobelligerent"] = df["cobelligerent"].eq(True)
    df["adversaries"] = df["sign"].fillna(0) < 0
    df = df.drop(columns=["defence", "pact_small", "sign"])
    df = df.merge(ip.rename(columns={"id": "a", "ip": "ip_a"}), on=["year", "a"], how="left")
    df = df.merge(ip.rename(columns={"id": "b", "ip": "ip_b"}), on=["year", "b"], how="left")
    df["un_distance"] = (df["ip_a"] - df["ip_b"]).abs()
    dem = _democracy(start, end, st)[["year", "id", "dem"]]
    df = df.merge(dem.rename(columns={"id": "a", "dem": "dem_a"}), on=["year", "a"], how="left")
    df = df.merge(dem.rename(columns={"id": "b", "dem": "dem_b"}), on=["year", "b"], how="left")
    df["regime_diff"] = (df["dem_a"] - df["dem_b"]).abs()
    shares, label = religion_difference(religion_families(st))
    pairs = df[["a", "b"]].drop_duplicates()
    pairs["religion_diff"] = [
        _rel_diff(shares, a, b) for a, b in zip(pairs["a"], pairs["b"], strict=True)
    ]
    df = df.merge(pairs, on=["a", "b"], how="left")
    df["religion_a"] = df["a"].map(label)
    df["religion_b"] = df["b"].map(label)
    sa = shared_adversaries(types)
    cnt = sa.groupby(["year", "a", "b"], as_index=False).size().rename(columns={"size": "n_shared"})
    df = df.merge(cnt, on=["year", "a", "b"], how="left")
    df["n_shared"] = df["n_shared"].fillna(0).astype(int)
    return df, sa


def score_frame(df: pd.DataFrame, scoring: Scoring | None = None) -> pd.DataFrame:
    """Add material, unlikeness, score and `eligible` (listed: not allied, not adversaries unless configured)."""
    sc = scoring or Scoring()
    out = df.copy()
    arms = out["arms_share"].where(out["tiv"] >= sc.arms_min_tiv)
    out["material"] = sc.material(arms, out["trade_dep"], out["energy_dep"])
    out["unlikeness"] = sc.unlikeness(out["un_distance"], out["regime_diff"], out["religion_diff"])
    out["score"] = sc.score(out["material"], out["unlikeness"], out["n_shared"])
    eligible = pd.Series(True, index=out.index)
    if not sc.list_allied:
        eligible &= ~out["allied"]
    if not sc.list_adversaries:
        eligible &= ~out["adversaries"]
    out["eligible"] = eligible
    return out


# --------------------------------------------------------------------------- explanation
def explain(row, names: dict[str, str], shared: pd.DataFrame) -> str:
    """The one-line explanation of a partnership with its figures."""
    a, b = names.get(row.a, row.a), names.get(row.b, row.b)
    parts = []
    if row.arms_share == row.arms_share and row.arms_share >= 0.02:
        s, r = (
            names.get(row.arms_supplier, row.arms_supplier),
            names.get(row.arms_recipient, row.arms_recipient),
        )
        parts.append(
            f"{s} supplied {100 * row.arms_share:.1f} % of {possessive(r)} arms imports {int(row.arms_first)}–{row.year} (SIPRI, {row.tiv:,.0f} TIV)"
        )
    if row.trade_dep == row.trade_dep and row.trade_dep >= 0.02:
        src = "COW" if row.trade_source == "cow_trade" else "Factbook"
        parts.append(f"trade dependence {100 * row.trade_dep:.1f} % ({src} {row.trade_period})")
    if row.energy_dep == row.energy_dep and row.energy_dep >= 0.02:
        parts.append(f"crude-oil dependence {100 * row.energy_dep:.1f} % ({row.energy_period})")
    text = f"{a}–{b}: " + "; ".join(parts) if parts else f"{a}–{b}: weak material ties"
    unlike = []
    if row.un_distance == row.un_distance:
        unlike.append(f"UN ideal-point distance {row.un_distance:.2f}")
    if row.regime_diff == row.regime_diff:
        unlike.append(f"V-Dem polyarchy {row.dem_a:.2f} ({a}) vs {row.dem_b:.2f} ({b})")
    if row.religion_diff == row.religion_diff:
        unlike.append(
            f"largest religions {row.religion_a} vs {row.religion_b} (difference {row.religion_diff:.2f})"
        )
    text += "; no ATOP alliance" + (" (ATOP ends 2018)" if row.year > 2018 else "")
    if row.cobelligerent:  # aligned in the relationship model, if not allied
        text += (f", but on the same side of a UCDP/PRIO armed conflict within {Thresholds().war_window} "
                 "years (co-belligerents)")  # fmt: skip
    if unlike:
        text += "; " + ", ".join(unlike)
    sub = shared[(shared["year"] == row.year) & (shared["a"] == row.a) & (shared["b"] == row.b)]
    if len(sub):
        adv = [
            f"{names.get(c, c)} ({a}: {ea}; {b}: {eb})"
            for c, ea, eb in zip(sub["c"], sub["ev_a"], sub["ev_b"], strict=True)
        ]
        text += "; shared adversar" + ("ies: " if len(adv) > 1 else "y: ") + " | ".join(adv)
    return text


COLUMNS = [
    "rank",
    "a",
    "b",
    "a_id",
    "b_id",
    "score",
    "material",
    "unlikeness",
    "shared_adversaries",
    "arms_share",
    "trade_dep",
    "energy_dep",
    "un_distance",
    "regime_diff",
    "religion_diff",
    "explanation",
]


def partnerships(year: int, top: int = 25, scoring: Scoring | None = None, params=None, store=None):
    """Result: the top unlikely partnerships of a year, each with its figures and a one-line explanation."""
    from realpolitik.analyses.network.balance import _sources
    from realpolitik.errors import BadPeriod
    from realpolitik.result import Result
    from realpolitik.store import get_store

    st = store or get_store()
    if st.has_table("sipri_tiv"):
        first, last = st.coverage("sipri_tiv")
        if not first <= year <= last:
            raise BadPeriod(f"year {year} is outside the arms data's coverage {first}–{last}")
    if top < 1:
        raise BadPeriod("--top must be at least 1")
    sc = scoring or Scoring()
    feats, shared = dyad_features(year, year, params, st)
    df = score_frame(feats, sc)
    df = df[df["eligible"] & (df["score"] > 0) & (df["material"] >= sc.min_material)]
    df = (
        df.sort_values(["score", "a", "b"], ascending=[False, True, True])
        .head(top)
        .reset_index(drop=True)
    )
    nm = L.names(set(df["a"]) | set(df["b"]) | set(shared["c"]))
    df["explanation"] = [explain(r, nm, shared) for r in df.itertuples(index=False)]
    df["shared_adversaries"] = [
        ", ".join(
            nm.get(c, c)
            for c in shared[(shared["year"] == year) & (shared["a"] == a) & (shared["b"] == b)]["c"]
        )
        for a, b in zip(df["a"], df["b"], strict=True)
    ]
    df["rank"] = np.arange(1, len(df) + 1)
    df["a_id"], df["b_id"] = df["a"], df["b"]
    df["a"] = df["a_id"].map(nm)
    df["b"] = df["b_id"].map(nm)
    notes = [
        "score = material × (floor + (1 − floor) × unlikeness) × (1 + boost × shared adversaries); see Scoring.",
        "Dyads the relationship model reads as allied (a defence pact or a small pact in force; not a large "
        "multilateral treaty alone) or as adversaries are excluded (docs/relations.md).",
        "Religion difference uses the latest CIA Factbook edition for every year (no historical series).",
    ]
    if year > 2018:
        notes.append("ATOP ends 2018: alliances of 2018 stand in for later years.")
    if year > 2014:
        notes.append(
            "COW trade ends 2014; later years use it for up to 3 years, then Factbook top-5 partner shares."
        )
    return Result(
        df[COLUMNS],
        {"year": year, "top": top},
        sources=_sources(st),
        notes=notes,
        title=f"Unlikely partnerships, {year}",
    )
