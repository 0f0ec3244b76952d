"""arms_top_supplier (subject = recipient, object = supplier) and arms_top_recipient (subject =
supplier, object = recipient): a partner's rank among a state's suppliers or recipients."""

from __future__ import annotations

from datetime import date

from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.analyses.claims.verify.arms_share import Partners, partner_rows, query_partners


def check(claim: Claim, today: date, side: str, release: str | None = None) -> C.Outcome:
    q = query_partners(claim, today, side == "supplier", release)
    if not isinstance(q, Partners):
        return q
    stated, period, notes, who, partners, res = q
    frame = res.frame
    got = frame[frame["id"].isin(partners)]
    if frame.empty:
        actual = None
    elif len(got) == 1:
        actual = int(got["rank"].iloc[0])
    elif len(got) > 1:
        tiv = float(got["tiv"].sum())
        actual = int((frame[~frame["id"].isin(partners)]["tiv"] > tiv).sum()) + 1
    else:
        actual = None  # not a partner at all
    rows = partner_rows(
        who, partners, "imports" if side == "supplier" else "exports", claim, "rank", release
    )
    any_other = C.held_before(rows, period.start, period.end, today)
    holds = C.rank_ok(claim, actual) if not frame.empty else None
    if holds is None and not frame.empty:
        holds = False  # a rank was claimed for a state that delivered (or received) nothing
    verdict = C.decide(holds, any_other, C.pinned(claim, stated))
    top = ", ".join(f"{r.rank}. {r.name} {100 * r.share:.1f} %" for r in frame.head(3).itertuples())
    role = "supplier" if side == "supplier" else "recipient"
    shown = actual if actual else ("not listed" if not frame.empty else "–")
    summary = f"{C.name(claim.object)} ranks {shown} among {C.poss(claim.subject)} arms {role}s in {period} (top: {top or 'none'})"
    when = C.when_verdict(claim, rows, today)
    if when is not None:
        verdict, account = when
        summary += f"; {account}"
    elif verdict == "mixed":
        summary += "; rank as claimed in " + C.held_windows(rows)
    ev = {
        "summary": summary,
        "period_used": C.period_used(claim, period),
        "actual": {
            "rank": actual,
            "share": None if not len(got) else 100 * float(got["share"].sum()),
        },
        "tolerance": C.rank_tolerance(claim),
        "windows": rows,
        "notes": notes,
        "query": f"realpolitik arms {'suppliers' if side == 'supplier' else 'recipients'} {who} --from {period.start} --to {period.end}",
    }
    return verdict, ev, res.sources
