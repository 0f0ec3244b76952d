"""Evidence → relationship: the thresholds, the rule table and the one function that applies it.

Each evidence family adds its columns to one row per (year, a, b) — like peacesciencer's verbs —
and the first rule of RULES whose condition holds decides the type. The conditions are Python
expressions over these columns (numpy arrays; `&`, `|`, `~`, comparisons) (documented with the rules in docs/relations.md):

    war_now, armed_recent, proxy_recent, cobelligerent     wars.py  (COW wars, UCDP/PRIO conflicts)
    rivalry                                                rivalries.py (TSS spells in force)
    disputes, force_a, force_b, material_a, material_b,   disputes.py (MIDs in the dispute window)
    dispute_material
    defence, pact_small, pact_any, bloc_min                alliances.py (ATOP in force, bloc size)
    arms_tie, arms_share, trade_tie, crude_tie             ties.py
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from types import CodeType

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Thresholds:
    """Every number the rules use, in one place."""

    mid_window: int = 20  # years of militarised disputes that count, to the reference year
    force: int = 4  # a side's own hostility level that counts (4 use of force, 5 war) ...
    mutual: int = 3  # ... or both sides at least this level (3, a mutual display of force)
    recurrent: int = (
        2  # disputes with a side's own hostility before a dispute-only reading is hostile
    )
    war_window: int = 10  # years in which fighting each other (war or armed conflict) counts
    small_bloc: int = 3  # an ATOP obligation shared by at most this many states is bilateral/small
    coalition: int = 30  # a conflict side with more supporters is a multinational mission: no tie
    arms_window: int = 5  # years of SIPRI TIV summed for an arms tie
    arms_share: float = 0.10  # supplier share of the recipient's arms imports for an arms tie ...
    arms_tiv: float = 20.0  # ... and at least this many TIV in the window (no tie from a few TIV)
    trade_share: float = 0.10  # trade with the partner as a share of one side's trade
    crude_share: float = 0.10  # exporter's share of the importer's crude-oil imports by value
    carry_atop: int = 6  # ATOP ends 2018: its last year stands in for this many later years
    carry_tss: int = 4  # TSS ends 2020
    carry_trade: int = 3  # COW trade ends 2014
    carry_crude: int = 3  # the bilateral crude data hold 2021 only


@dataclass(frozen=True)
class Rule:
    """One row of the rule table: name, the type it gives, its sign, the condition and its reading."""

    name: str
    type: str
    sign: int
    when: str
    text: str


RULES: tuple[Rule, ...] = (
    Rule("at_war", "at war", -1, "war_now",
         "fought each other in the year at war intensity: a COW inter-state war, or a UCDP/PRIO conflict with "
         "≥ 1,000 battle deaths with one as a primary party and the other on the opposite side"),
    Rule("armed_rivals", "rivals", -1, "armed_recent & rivalry",
         "strategic rivals who fought each other (COW war or UCDP/PRIO armed conflict) within the war window; "
         "a pact between them does not soften that"),
    Rule("armed_conflict", "hostile", -1, "armed_recent",
         "fought each other within the war window, without a coded rivalry"),
    Rule("mixed_rivalry", "mixed", -1, "rivalry & (defence | pact_small | arms_tie)",
         "strategic rivals that are also allied (an ATOP defence pact or a small pact in force) or tied by "
         "substantial arms transfers: rivals first"),
    Rule("rivalry", "rivals", -1, "rivalry", "a strategic rivalry in force (Thompson–Sakuwa–Suhas)"),
    Rule("mixed_dispute", "mixed", 1, "dispute_material & (defence | pact_small | arms_tie)",
         "a side showed material hostility in disputes within the dispute window, but they are allied or "
         "tied by substantial arms transfers: not adversaries"),
    Rule("hostile_dispute", "hostile", -1, "dispute_material",
         "a side showed hostility of its own — use of force (hostility ≥ 4) or a mutual display of force "
         "(both ≥ 3) — in at least two disputes within the dispute window, or in one with fatalities (or an "
         "exchange of force in attacks or clashes of unknown fatalities) or at war level; hostile for the "
         "side(s) that did (a single bloodless incident is not enough)"),
    Rule("allies", "allies", 1, "defence", "an ATOP defence or offence obligation in force"),
    Rule("partners", "partners", 1, "arms_tie | trade_tie | crude_tie",
         "a substantial material tie: arms, trade or crude oil above the thresholds"),
    Rule("aligned", "aligned", 1, "pact_small | cobelligerent",
         "a bilateral or small ATOP pact (neutrality, non-aggression or consultation) in force, or on the "
         "same side of a UCDP/PRIO conflict within the war window"),
    Rule("none", "none", 0, "True",
         "no alliance, hostility or material tie above the thresholds (a large multilateral pact alone is "
         "not a tie)"),
)  # fmt: skip
RULE = {r.name: r for r in RULES}
TYPES = ("allies", "aligned", "partners", "rivals", "at war", "hostile", "mixed", "none")

BOOL = ["war_now", "armed_recent", "proxy_recent", "cobelligerent", "rivalry", "defence",
        "pact_small", "pact_any", "arms_tie", "trade_tie", "crude_tie", "dispute_material", "material_a", "material_b"]  # fmt: skip
INT = ["disputes", "force_a", "force_b"]
FLOAT = ["arms_share", "bloc_min"]
FEATURES = BOOL + INT + FLOAT


def expand_years(
    frame: pd.DataFrame, first: pd.Series, last: pd.Series, years: list[int]
) -> pd.DataFrame:
    """One copy of each row per reference year in first..last (inclusive) that is among `years`, in a
    `year` column: the rows a piece of evidence counts for, without a cross join over every year."""
    lo = np.maximum(first.to_numpy(dtype=int), min(years))
    hi = np.minimum(last.to_numpy(dtype=int), max(years))
    n = np.clip(hi - lo + 1, 0, None)
    if n.sum() == 0:
        return frame.iloc[:0].assign(year=pd.Series(dtype=int))
    idx = np.repeat(np.arange(len(frame)), n)
    offset = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    out = frame.iloc[idx].reset_index(drop=True).assign(year=np.repeat(lo, n) + offset)
    return out[out["year"].isin(set(years))] if len(years) != max(years) - min(years) + 1 else out


def drop_settled(frame: pd.DataFrame, settled: pd.DataFrame | None, when: str) -> pd.DataFrame:
    """Drop the (year, a, b) evidence rows dated (column `when`) up to the end of a terminated rivalry
    of the dyad when the reference year is later: the settlement closes the hostility it contained."""
    if settled is None or settled.empty or frame.empty:
        return frame
    f = frame.reset_index(drop=True)
    m = f[["year", "a", "b", when]].reset_index().merge(settled, on=["a", "b"])
    closed = m.loc[(m["settled"] < m["year"]) & (m[when] <= m["settled"]), "index"].unique()
    return f.drop(index=closed)


def merge(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Join the families' feature frames on (year, a, b) (each family fills its own columns once per
    key), absent evidence read as none."""
    keys = ["year", "a", "b"]
    parts = [p for p in parts if not p.empty]
    if not parts:
        out = pd.DataFrame({k: pd.Series(dtype="object") for k in keys})
    elif len(parts) == 1:
        out = parts[0].reset_index(drop=True)
    else:  # one row per key in each family: align them side by side (an outer join on the keys)
        out = pd.concat([p.set_index(keys) for p in parts], axis=1, join="outer").reset_index()
    for c in BOOL:
        out[c] = out[c].eq(True) if c in out else False
    for c in INT:
        out[c] = out[c].fillna(0).astype(int) if c in out else 0
    for c in FLOAT:
        out[c] = out[c].astype(float) if c in out else float("nan")
    return out


@cache
def _compiled(when: str) -> CodeType:
    return compile(when, f"<rule {when}>", "eval")


def apply_rules(features: pd.DataFrame, rules: tuple[Rule, ...] = RULES) -> pd.DataFrame:
    """Add type, sign and rule: the first rule whose condition holds, row by row (vectorised)."""
    out = features.reset_index(drop=True)
    cols = {c: out[c].to_numpy() for c in FEATURES}
    n = len(out)
    chosen = np.full(n, len(rules))
    for i in range(len(rules) - 1, -1, -1):  # the first rule that holds wins: assign in reverse
        hit = np.broadcast_to(
            np.asarray(eval(_compiled(rules[i].when), {"__builtins__": {}}, cols)), (n,)
        )
        chosen = np.where(hit, i, chosen)
    out["rule"] = [rules[i].name for i in chosen]
    out["type"] = [rules[i].type for i in chosen]
    out["sign"] = np.array([rules[i].sign for i in chosen], dtype=int)
    return out


def threshold_table() -> list[dict[str, object]]:
    """The thresholds as rows (name, value), for docs and `--explain` output."""
    t = Thresholds()
    return [{"name": f.name, "value": getattr(t, f.name)} for f in fields(t)]
