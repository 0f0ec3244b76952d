"""arms_volume_change (a state's arms imports or exports) and arms_global_volume_change (all
transfers): the change of SIPRI TIV between two windows, '+43 %' = 1.43 times the base window.

Periods: the claim's window (default: the latest complete 5-year window) against the base window
the text names, else the window of the same length just before it (SIPRI's own comparison).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from realpolitik.analyses.claims import tolerance as T
from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.analyses.claims.verify.succession import arms_ids
from realpolitik.periods import Period


def _yearly(
    st: Any, role: str | None, ids: tuple[str, ...], release: str | None = None
) -> dict[int, float]:
    """TIV by year: of `ids` as suppliers/recipients, or of all transfers (role None)."""
    from realpolitik.queries.arms import tiv_source

    table = tiv_source(release, st)
    if role is None:
        f = st.sql(f"SELECT year, sum(tiv ORDER BY tiv) AS tiv FROM {table} GROUP BY year")
    else:
        marks = ", ".join("?" for _ in ids)
        f = st.sql(
            f"SELECT year, sum(tiv ORDER BY tiv) AS tiv FROM {table} WHERE {role}_id IN ({marks}) GROUP BY year",
            list(ids),
        )
    return {int(r.year): float(r.tiv) for r in f.itertuples() if not C.missing(r.tiv)}


def _total(by_year: dict[int, float], p: Period) -> float:
    return sum(v for y, v in by_year.items() if p.start <= y <= p.end)


def _base_of(claim: Claim, later: Period) -> Period:
    b = claim.claimed.get("base")
    if isinstance(b, list | tuple) and len(b) == 2:
        return Period(int(b[0]), int(b[1]))
    width = later.end - later.start + 1
    return Period(later.start - width, later.end - width)


def _holds(claim: Claim, actual: float | None) -> bool | None:
    c = claim.claimed
    return T.change_holds(
        actual,
        float(c["value"]),
        c["comparator"],
        c.get("form", "digits"),
        int(c.get("decimals", 0)),
    )


def check(claim: Claim, today: date, scope: str, release: str | None = None) -> C.Outcome:
    st, stated, later, notes = C.sipri_period(claim, today, release)
    from realpolitik.queries.arms import tiv_coverage

    first, last = C.q(tiv_coverage, release, st)
    base = _base_of(claim, later)
    if base.start < first:
        return C.unverifiable(f"the base window {base} starts before SIPRI's data ({first})")
    kind = claim.claimed.get("kind") or "exports"
    role = None if scope == "global" else ("supplier" if kind == "exports" else "recipient")
    ids: tuple[str, ...] = ()
    if role is not None:
        id_list, note = arms_ids(claim.subject, Period(base.start, later.end))
        ids = tuple(id_list)
        if note:
            notes.append(note)
    by_year = C.q(_yearly, st, role, ids, release)
    b_tiv, l_tiv = _total(by_year, base), _total(by_year, later)
    actual = None if b_tiv == 0 else 100 * (l_tiv / b_tiv - 1)
    holds = _holds(claim, actual)
    # SIPRI's comparison in every pair of consecutive windows of the same width
    width = later.end - later.start + 1
    rows = []
    for end in range(first + 2 * width - 1, last + 1):
        lp, bp = Period(end - width + 1, end), Period(end - 2 * width + 1, end - width)
        bt, lt = _total(by_year, bp), _total(by_year, lp)
        ch = None if bt == 0 else 100 * (lt / bt - 1)
        rows.append(
            {
                "period": f"{C.span_text(bp.start, bp.end)} → {C.span_text(lp.start, lp.end)}",
                "start": lp.start,
                "end": lp.end,
                "change": ch,
                "holds": _holds(claim, ch),
            }
        )
    any_other = C.held_before(rows, later.start, later.end, today)
    verdict = C.decide(holds, any_other, C.pinned(claim, stated) or "base" in claim.claimed)
    who = (
        "all international transfers"
        if scope == "global"
        else f"{C.poss(claim.subject)} arms {kind}"
    )
    shown = "–" if actual is None else f"{actual:+.1f} %"
    summary = (
        f"{who}: {l_tiv:,.0f} TIV in {later} against {b_tiv:,.0f} in {base}, a change of {shown}"
    )
    c = claim.claimed
    ev = {
        "summary": summary,
        "period_used": C.period_used(claim, later),
        "base_period": {
            "start": base.start,
            "end": base.end,
            "source": "explicit" if "base" in c and c["base"] != "previous" else "previous window",
        },
        "actual": {"change": actual, "unit": "percent", "tiv": l_tiv, "base_tiv": b_tiv},
        "tolerance": T.describe_change(
            float(c["value"]), c["comparator"], c.get("form", "digits"), int(c.get("decimals", 0))
        ),
        "windows": rows,
        "notes": notes
        + [
            "SIPRI TIV is a volume measure: a change in TIV is a change in the volume of deliveries, not in their money value."
        ],
        "query": f"realpolitik arms top {'exporters' if kind == 'exports' else 'importers'} --from {later.start} --to {later.end}",
    }
    if actual is None:
        ev["settle"] = f"deliveries in the base window {base}"
    return verdict, ev, [st.source("sipri")]
