"""Backtest of the unlikely-partnership score: does a high score in year t foretell a new tie?

For every pair of states with UN ideal points in year t (t = 2000…2018) the score is computed from data
up to t only (religion shares are the Factbook's latest edition: the one static input). Outcome, per dyad:

* a new major arms relationship in either direction: the supplier's share of the recipient's arms
  imports over t+1…t+5 is >= 10 %, where it was < 2 % over t-4…t (SIPRI TIV, sums over windows); or
* a new ATOP alliance: allied in some year of t+1…t+5, not allied in t.

Censoring: ATOP ends in 2018, so for t >= 2014 the alliance window is cut at 2018 and for t = 2018 only
the arms outcome can happen. The script therefore reports three runs: all years with the cut windows,
2000–2013 (full windows), and the arms outcome alone for 2000–2018.

The score is the one `network partnerships` ranks by (Scoring defaults, not tuned on this backtest); the
listing additionally leaves out allied and adversary dyads, so a fourth run restricts to those listable dyads.

Measures: ROC AUC (rank-based, ties averaged; numpy only) over all dyad-years, and precision@50 (share of
the 50 top-scored dyads of a year with the outcome, averaged over years; ties broken at random with a fixed
seed). Baselines measured in the same run: trade-only (trade dependence), arms-only (largest supplier share
in t-4…t), material-only (the score without unlikeness or adversaries), random.

A sensitivity check (skip with --no-sensitivity) picks Scoring constants on 2000–2008 by AUC over a small
grid and reports that choice on the held-out years 2009–2018 next to the defaults and the baselines; the
defaults are not changed by it.

    python benchmarks/backtest_partnerships.py [--from 2000] [--to 2018] [--no-sensitivity]
"""

from __future__ import annotations

import argparse
import itertools
import time
from dataclasses import replace

import numpy as np
import pandas as pd

from realpolitik.analyses.network import layers as L
from realpolitik.analyses.network.partnerships import Scoring, dyad_features, score_frame
from realpolitik.store import get_store


def auc(y: np.ndarray, s: np.ndarray) -> float:
    """ROC AUC from average ranks (Mann–Whitney U), ties counted as half."""
    y = np.asarray(y, dtype=bool)
    s = np.asarray(s, dtype=float)
    order = np.argsort(s, kind="mergesort")
    sorted_s = s[order]
    ranks = np.empty(len(s))
    uniq, start_idx, counts = np.unique(sorted_s, return_index=True, return_counts=True)
    avg = start_idx + (counts + 1) / 2.0  # average 1-based rank of each tie group
    ranks[order] = np.repeat(avg, counts)
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def precision_at(df: pd.DataFrame, col: str, k: int = 50, seed: int = 0) -> float:
    """Mean over years of the outcome rate among the k top-scored dyads (random tie-break, fixed seed)."""
    rng = np.random.default_rng(seed)
    out = []
    for _, g in df.groupby("year"):
        jitter = rng.random(len(g)) * 1e-12
        top = g.assign(_s=g[col].to_numpy() + jitter).nlargest(k, "_s")
        out.append(top["outcome"].mean())
    return float(np.mean(out))


def outcomes(start: int, end: int, store) -> pd.DataFrame:
    """(year t, a, b, new_arms, new_alliance, alliance_observed_to)."""
    horizon = 5
    fut = L.states_only(L.arms_shares(start + horizon, end + horizon, 5, 0.10, store), ("s", "r"))
    fut["year"] = fut["year"] - horizon
    past = L.states_only(L.arms_shares(start, end, 5, 0.02, store), ("s", "r"))
    new = fut.merge(past[["year", "s", "r"]].assign(had=True), on=["year", "s", "r"], how="left")
    new = new[new["had"].isna()]
    new["a"] = np.minimum(new["s"], new["r"])
    new["b"] = np.maximum(new["s"], new["r"])
    arms = new[["year", "a", "b"]].drop_duplicates().assign(new_arms=True)
    _, atop_last = store.coverage("atop_alliance")
    al = store.sql(
        "SELECT DISTINCT year, least(id1, id2) AS a, greatest(id1, id2) AS b FROM atop_alliance "
        "WHERE year BETWEEN ? AND ? AND id1 IS NOT NULL AND id2 IS NOT NULL AND id1 <> id2",
        [start, min(end + horizon, atop_last)],
    )
    now = al[al["year"].between(start, end)].assign(allied_now=True)
    later = []
    for t in range(start, end + 1):
        w = al[(al["year"] > t) & (al["year"] <= min(t + horizon, atop_last))][
            ["a", "b"]
        ].drop_duplicates()
        later.append(w.assign(year=t))
    later = pd.concat(later, ignore_index=True)
    later = later.merge(now[["year", "a", "b", "allied_now"]], on=["year", "a", "b"], how="left")
    later = later[later["allied_now"].isna()][["year", "a", "b"]].assign(new_alliance=True)
    out = arms.merge(later, on=["year", "a", "b"], how="outer")
    out["new_arms"] = out["new_arms"].eq(True)
    out["new_alliance"] = out["new_alliance"].eq(True)
    return out


def evaluate(df: pd.DataFrame, label: str, cols: dict[str, str]) -> list[dict]:
    rows = []
    for name, col in cols.items():
        rows.append(
            {
                "run": label,
                "predictor": name,
                "dyad_years": len(df),
                "positives": int(df["outcome"].sum()),
                "auc": auc(df["outcome"].to_numpy(), df[col].to_numpy()),
                "precision_at_50": precision_at(df, col),
            }
        )
    return rows


def sensitivity(feats: pd.DataFrame, outcome: pd.Series, split: int = 2008) -> pd.DataFrame:
    """Pick Scoring constants on years <= split by AUC, report them on the later years (held out)."""
    grid = {
        "trade_full": [0.05, 0.1, 0.2, 0.4],
        "arms_full": [0.1, 0.25, 0.5],
        "floor": [0.25, 0.5, 1.0],
        "boost": [0.0, 0.5, 1.0],
    }
    train = (feats["year"] <= split).to_numpy()
    y = outcome.to_numpy()
    best, best_auc = Scoring(), -1.0
    for values in itertools.product(*grid.values()):
        sc = replace(Scoring(), **dict(zip(grid, values, strict=True)))
        s = score_frame(feats[train], sc)["score"].to_numpy()
        a = auc(y[train], s)
        if a > best_auc:
            best, best_auc = sc, a
    test = ~train
    held = feats[test].assign(outcome=y[test])
    rows = []
    for name, sc in [("default Scoring", Scoring()), (f"chosen on <= {split}", best)]:
        sf = score_frame(feats[test], sc)
        rows.append({"predictor": name, "auc": auc(y[test], sf["score"].to_numpy()),
                     "precision_at_50": precision_at(held.assign(s=sf["score"].to_numpy()), "s")})  # fmt: skip
    for name, col in [("trade only", "trade_dep"), ("arms only", "arms_share")]:
        v = feats.loc[test, col].astype(float).fillna(0.0).to_numpy()
        rows.append(
            {
                "predictor": name,
                "auc": auc(y[test], v),
                "precision_at_50": precision_at(held.assign(s=v), "s"),
            }
        )
    chosen = {k: getattr(best, k) for k in grid}
    print(
        f"\nsensitivity: constants chosen on {feats['year'].min()}–{split} (train AUC {best_auc:.4f}): {chosen}"
    )
    print(f"held-out years {split + 1}–{feats['year'].max()}:")
    return pd.DataFrame(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--from", dest="start", type=int, default=2000)
    ap.add_argument("--to", dest="end", type=int, default=2018)
    ap.add_argument(
        "--no-sensitivity", action="store_true", help="skip the held-out constants check"
    )
    args = ap.parse_args()
    st = get_store()
    t0 = time.perf_counter()
    feats, _ = dyad_features(args.start, args.end, store=st, population="all")
    scored = score_frame(feats, Scoring())
    t1 = time.perf_counter()
    out = outcomes(args.start, args.end, st)
    df = scored.merge(out, on=["year", "a", "b"], how="left")
    df["new_arms"] = df["new_arms"].eq(True)
    df["new_alliance"] = df["new_alliance"].eq(True)
    df["trade_only"] = df["trade_dep"].astype(float).fillna(0.0)
    df["arms_only"] = df["arms_share"].astype(float).fillna(0.0)
    df["random"] = np.random.default_rng(42).random(len(df))
    cols = {
        "partnership score": "score",
        "material only": "material",
        "trade only": "trade_only",
        "arms only": "arms_only",
        "random": "random",
    }
    t2 = time.perf_counter()
    rows = []
    a = df.assign(outcome=df["new_arms"] | df["new_alliance"])
    rows += evaluate(
        a, f"arms or alliance {args.start}–{args.end} (alliance window cut at 2018)", cols
    )
    full_end = min(args.end, 2013)
    rows += evaluate(
        a[a["year"] <= full_end], f"arms or alliance {args.start}–{full_end} (full windows)", cols
    )
    rows += evaluate(
        df.assign(outcome=df["new_arms"]),
        f"new arms relationship only {args.start}–{args.end}",
        cols,
    )
    elig = a[a["eligible"]]
    rows += evaluate(
        elig,
        f"arms or alliance {args.start}–{args.end}, listable dyads (not allied, not adversaries)",
        cols,
    )
    t3 = time.perf_counter()
    res = pd.DataFrame(rows)
    pd.set_option("display.width", 200)
    print(res.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print()
    print(
        f"dyad-years scored: {len(df):,}  (features {t1 - t0:.1f} s, outcomes {t2 - t1:.1f} s, metrics {t3 - t2:.1f} s)"
    )
    print(
        f"positives: new arms {int(df['new_arms'].sum()):,}, new alliance {int(df['new_alliance'].sum()):,} "
        f"(base rate {a['outcome'].mean():.4f})"
    )
    main_run = res[res["run"].str.contains("cut at 2018")].set_index("predictor")
    best_base = main_run.drop(index="partnership score")["auc"].max()
    s_auc = main_run.loc["partnership score", "auc"]
    verdict = "beats" if s_auc > best_base else "does NOT beat"
    print(
        f"partnership score AUC {s_auc:.4f} {verdict} the best baseline ({best_base:.4f}); goal AUC >= 0.75"
    )
    if not args.no_sensitivity:
        sens = sensitivity(feats, a["outcome"])
        print(sens.to_string(index=False, float_format=lambda v: f"{v:.4f}"))


if __name__ == "__main__":
    main()
