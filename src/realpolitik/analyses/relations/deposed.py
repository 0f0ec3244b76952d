"""Regime change: when fighting between two states ended with one side's leader removed by foreign force
(Archigos), the hostility was with the deposed government, not with the one that followed.

Panama–United States after Noriega (removed through threat of foreign force on 3 January 1990, after the
US invasion of December 1989), Uganda–Tanzania after Amin (1979), Libya and the NATO states after Qaddafi
(removed by rebels with foreign support, 2011). The fighting and disputes up to the year of the leader's exit
no longer make the two adversaries in later years; later fighting counts
as usual, and so does a rivalry still in force.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from realpolitik.analyses.relations.model import Evidence
from realpolitik.store import Store

COLUMNS = ["a", "b", "settled", "deposed", "leader", "exit_date", "exitcode"]
FOREIGN = "exit = 'Foreign' OR exitcode ILIKE '%with foreign support%'"


def rows(ucdp: pd.DataFrame, cow: pd.DataFrame, store: Store) -> pd.DataFrame:
    """(a, b, settled, …) for each pair that fought (opposite sides, the deposed state a primary party of
    UCDP/PRIO or a COW war participant) in the year of a leader's foreign-forced exit or the year before:
    settled = the exit year (annual data: the exit year's own disputes may still be the old government's).
    Not a regime change: the exit of a leader a foreign power had imposed (Saddam Hussein in Kuwait, 1991),
    one whose exit Archigos does not describe, or of one who came back to power (Kuwait's emir, deposed by Iraq in 1990, restored in 1991)."""
    if not store.has_table("archigos") or (ucdp.empty and cow.empty):
        return pd.DataFrame(columns=COLUMNS)
    exits = store.rows(
        f"""SELECT id, leader, enddate, exitcode FROM archigos a
            WHERE id IS NOT NULL AND ({FOREIGN}) AND entry IN ('Regular', 'Irregular')
              AND exitcode IS DISTINCT FROM 'Unknown'
              AND NOT EXISTS (SELECT 1 FROM archigos b WHERE b.id = a.id AND b.leadid = a.leadid
                              AND b.startdate > a.enddate)
            ORDER BY enddate, id"""
    ).data
    fights: dict[tuple[str, str], set[int]] = {}
    if not ucdp.empty:
        opp = ucdp[ucdp["side_a"] != ucdp["side_b"]]
        for a, b, y, ra, rb in zip(opp["a"], opp["b"], opp["year"], opp["role_a"], opp["role_b"], strict=True):
            if ra == "primary":
                fights.setdefault((a, b), set()).add(int(y))  # a's government fought by b
            if rb == "primary":
                fights.setdefault((b, a), set()).add(int(y))
    for a, b, y in zip(cow["a"], cow["b"], cow["year"], strict=True) if not cow.empty else []:
        fights.setdefault((a, b), set()).add(int(y))
        fights.setdefault((b, a), set()).add(int(y))
    out = []
    for x, leader, end, code in exits:
        for (dep, other), years in fights.items():
            near = [y for y in years if dep == x and end.year - 1 <= y <= end.year]
            if near:
                a, b = sorted((dep, other))
                out.append((a, b, end.year, dep, leader, end, code))
    return pd.DataFrame(out, columns=COLUMNS).drop_duplicates(["a", "b", "settled", "deposed"])


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
