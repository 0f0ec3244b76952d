"""arms_global_share and arms_global_rank: a state among all exporters or importers in a window
(``queries.arms.top``; every window from ``queries.arms.global_windows``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.analyses.claims.verify.succession import arms_ids
from realpolitik.errors import UserError


def _all_windows(st: Any, role: str, release: str | None = None) -> Any:
    """Every exporter's (or importer's) share and rank in every 5-year window (one query per article)."""
    from realpolitik.queries.arms import global_windows

    return global_windows(role, C.WIDTH, st, release=release)


def windows_of(st: Any, role: str, who: str, release: str | None = None) -> Any:
    frame = C.q(_all_windows, st, role, release)
    return frame[frame["pid"] == who].drop(columns="pid").reset_index(drop=True)


def check(claim: Claim, today: date, what: str, release: str | None = None) -> C.Outcome:
    from realpolitik.queries import arms

    st, stated, period, notes = C.sipri_period(claim, today, release)
    kind = claim.claimed.get("kind") or "exporters"
    ids, note = arms_ids(claim.subject, period)
    if note:
        notes.append(note)
    who = ids[-1] if len(ids) > 1 else ids[0]
    try:
        res = C.q(arms.top, kind, period, limit=1000, release=release)
    except UserError as e:
        return C.unverifiable(str(e))
    role = "supplier" if kind == "exporters" else "recipient"
    wf = windows_of(st, role, who, release)
    frame = res.frame
    if what == "share":
        got = frame[frame["id"].isin(ids)]
        actual: Any = (
            None if frame.empty else (float(got["share"].sum()) * 100 if len(got) else 0.0)
        )
        holds = C.share_ok(claim, actual)
        rows = C.window_rows(wf, "share", lambda v: C.share_ok(claim, v), 100.0)
        tol = C.share_tolerance(claim)
        summary = f"{C.poss(claim.subject)} share of global arms {kind[:-3]}s in {period}: {C.pct(actual)}"
    else:
        rk = C.period_row(frame, who, "rank")
        actual = None if frame.empty or rk is None else int(rk)
        holds = C.rank_ok(claim, actual) if not frame.empty else None
        if holds is None and not frame.empty:
            holds = False
        rows = C.window_rows(wf, "rank", lambda v: C.rank_ok(claim, v))
        tol = C.rank_tolerance(claim)
        summary = (
            f"{C.name(claim.subject)} ranks {actual or 'not listed'} among arms {kind} in {period}"
        )
    any_other = C.held_before(rows, period.start, period.end, today)
    top = ", ".join(f"{r.rank}. {r.name} {100 * r.share:.1f} %" for r in frame.head(3).itertuples())
    summary += f" (top: {top})"
    verdict = C.decide(holds, any_other, C.pinned(claim, stated))
    when = C.when_verdict(claim, rows, today)
    if when is not None:
        verdict, account = when
        summary += f"; {account}"
    ev = {
        "summary": summary,
        "period_used": C.period_used(claim, period),
        "actual": {what: actual},
        "tolerance": tol,
        "windows": rows,
        "notes": notes,
        "query": f"realpolitik arms top {kind} --from {period.start} --to {period.end}",
    }
    return verdict, ev, res.sources
