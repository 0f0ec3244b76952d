"""Regime change: when fighting between two states ended with one side's leader removed by foreign force
(Archigos), the hostility was with the deposed government, not with the one that followed.

Panama–United States after Noriega (removed through threat of foreign force on 3 January 1990, after the
US invasion of December 1989), Uganda–Tanzania after Amin (1979), Libya and the NATO states after Qaddafi
(removed by rebels with foreign support, 2011). The fighting and disputes up to the year of the
leader's exit no longer make the two adversaries in later years; later fighting counts as usual, and so
does a rivalry still in force.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pandas as pd

from realpolitik.analyses.relations.model import Evidence
from realpolitik.store import Store

COLUMNS = ["a", "b", "settled", "deposed", "leader", "exit_date", "exitcode"]
FOREIGN = "exit = 'Foreign' OR exitcode ILIKE '%with foreign support%'"


def rows(ucdp: pd.DataFrame, cow: pd.DataFrame, mids: pd.DataFrame, store: Store) -> pd.DataFrame:
    """(a, b, settled, …) for each pair that fought (opposite sides, the deposed state a primary party of
    UCDP/PRIO, a COW war participant, or a militarised dispute in which either used force — `mids`: NATO
    and Libya in 2011, which UCDP lists without NATO) in the year of a leader's foreign-forced exit or
    the year before:
    settled = the exit year (annual data: the exit year's own disputes may still be the old government's).
    Not a regime change: the exit of a leader a foreign power had imposed (Saddam Hussein in Kuwait,
    1991), one whose exit Archigos does not describe, or of one who came back to power (Kuwait's emir,
    deposed by Iraq in 1990, restored in 1991)."""
    exits = _exits(store)
    if not exits or (ucdp.empty and cow.empty and mids.empty):
        return pd.DataFrame(columns=COLUMNS)
    fought: dict[str, dict[str, set[int]]] = {}  # deposable state -> the states that fought it -> years

    def add(dep: str, other: str, year: int) -> None:
        fought.setdefault(dep, {}).setdefault(other, set()).add(int(year))

    if not ucdp.empty:
        opp = ucdp[ucdp["side_a"] != ucdp["side_b"]]
        for a, b, y, ra, rb in zip(opp["a"], opp["b"], opp["year"], opp["role_a"], opp["role_b"], strict=True):
            if ra == "primary":
                add(a, b, y)  # a's government fought by b
            if rb == "primary":
                add(b, a, y)
    if not cow.empty:
        for a, b, y in zip(cow["a"], cow["b"], cow["year"], strict=True):
            add(a, b, y)
            add(b, a, y)
    force = mids[(mids["host_a"].fillna(0) >= 4) | (mids["host_b"].fillna(0) >= 4)] if not mids.empty else mids
    for a, b, y0, y1 in zip(force["a"], force["b"], force["start"], force["end"], strict=True):
        for y in range(int(y0), int(y1) + 1):
            add(a, b, y)
            add(b, a, y)
    out = [(*sorted((x, other)), end.year, x, leader, end, code)
           for x, leader, end, code in exits
           for other, years in fought.get(x, {}).items() if any(end.year - 1 <= y <= end.year for y in years)]  # fmt: skip
    return pd.DataFrame(out, columns=COLUMNS).drop_duplicates(["a", "b", "settled", "deposed"])


@cache
def _exits(store: Store) -> list[tuple]:
    """(state, leader, exit date, exit code) of every foreign-forced exit that counts, read once per store."""
    if not store.has_table("archigos"):
        return []
    return store.rows(
        f"""SELECT id, leader, enddate, exitcode FROM archigos a
            WHERE id IS NOT NULL AND ({FOREIGN}) AND entry IN ('Regular', 'Irregular')
              AND exitcode IS DISTINCT FROM 'Unknown'
              AND NOT EXISTS (SELECT 1 FROM archigos b WHERE b.id = a.id AND b.leadid = a.leadid
                              AND b.startdate > a.enddate)
            ORDER BY enddate, id"""
    ).data


def _how(code: str | None) -> str:
    """Archigos' exit code as a participle: 'Popular Protest, with Foreign Support' → 'removed by popular
    protest with foreign support'."""
    text = (code or "removed by foreign force").lower().replace(", with", " with")
    return text if text.startswith("removed") else f"removed by {text}"


def evidence(records: list[dict], names: dict[str, str]) -> list[Evidence]:
    """One Evidence per regime change of the pair (kind 'regime_change', strength 0: it decides nothing
    by itself, it closes the hostility before it)."""
    out = []
    for r in sorted(records, key=lambda r: r["exit_date"]):
        d: date = r["exit_date"]
        how = _how(r["exitcode"])
        state = names.get(r["deposed"], r["deposed"])
        out.append(Evidence(
            "regime_change", r["deposed"], d.year, d.year, 0.0, "archigos",
            f"{r['leader']}, {state}'s leader, was {how} on {d.day} {d:%B %Y} (Archigos)",
            {"settled": int(r["settled"]), "deposed": r["deposed"]},
        ))  # fmt: skip
    return out
