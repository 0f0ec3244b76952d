"""arms_import_share (subject = recipient, object = supplier) and arms_export_share (subject =
supplier, object = recipient): a partner's share of a state's arms imports or exports, SIPRI TIV
summed over the window (``queries.arms.suppliers`` / ``recipients``, ``partner_windows``)."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.analyses.claims.verify.succession import arms_ids
from realpolitik.errors import UserError


def partner_rows(
    who: str, partners: list[str], side: str, claim: Claim, what: str, release: str | None = None
) -> list[dict[str, Any]]:
    """Every window's share (percent) or rank of `partners` (summed) among `who`'s suppliers or recipients."""
    from realpolitik.queries.arms import partner_windows

    frames = [
        C.q(partner_windows, who, p, side, C.WIDTH, C.store(), release=release) for p in partners
    ]
    by: dict[tuple[int, int], dict[str, Any]] = {}
    for f in frames:
        for r in f.itertuples(index=False):
            row = by.setdefault((int(r.start), int(r.end)), {"share": 0.0, "rank": None, "n": 0})
            row["share"] += float(r.share)
            if not C.missing(r.rank):
                row["rank"] = (
                    int(r.rank) if row["rank"] is None else None
                )  # two ranked parties: no single rank
            row["n"] += 1
    rows = []
    for (s, e), row in sorted(by.items()):
        v = row["share"] * 100 if what == "share" else row["rank"]
        ok = C.share_ok(claim, v) if what == "share" else C.rank_ok(claim, v)
        rows.append({"period": C.span_text(s, e), "start": s, "end": e, what: v, "holds": ok})
    return rows


class Partners(NamedTuple):
    """A bilateral arms claim's query: the window, the subject's partners table, the claimed partner ids."""

    stated: bool
    period: Any
    notes: list[str]
    who: str
    partners: list[str]
    res: Any


def query_partners(
    claim: Claim, today: date, suppliers: bool, release: str | None
) -> Partners | C.Outcome:
    """The subject's suppliers (or recipients) in the claim's window, with successor states mapped;
    an unverifiable outcome when the query fails."""
    from realpolitik.queries import arms

    _, stated, period, notes = C.sipri_period(claim, today, release)
    whos, n1 = arms_ids(claim.subject, period)
    partners, n2 = arms_ids(claim.object, period)
    notes += [n for n in (n1, n2) if n]
    fn = arms.suppliers if suppliers else arms.recipients
    try:
        res = C.q(fn, whos[0], period, release=release)
    except UserError as e:
        return C.unverifiable(str(e), f"SIPRI arms transfers for {period}")
    return Partners(stated, period, notes, whos[0], partners, res)


def check(claim: Claim, today: date, side: str, release: str | None = None) -> C.Outcome:
    q = query_partners(claim, today, side == "import", release)
    if not isinstance(q, Partners):
        return q
    stated, period, notes, who, partners, res = q
    frame = res.frame
    total = float(frame["tiv"].sum()) if not frame.empty else 0.0
    got = frame[frame["id"].isin(partners)]
    share = float(got["share"].sum()) if len(got) else None
    actual = None if total == 0 else (share * 100 if share is not None else 0.0)
    flow = "imports" if side == "import" else "exports"
    rows = partner_rows(who, partners, flow, claim, "share", release)
    any_other = C.held_before(rows, period.start, period.end, today)
    holds = C.share_ok(claim, actual)
    verdict = C.decide(holds, any_other, C.pinned(claim, stated))
    known = [r for r in rows if not r["after_article"]]  # windows complete before the article date
    what = f"{C.poss(claim.object)} share of {C.poss(claim.subject)} arms {flow}"
    summary = f"{what} in {period}: {C.pct(actual)} (SIPRI TIV {total:,.0f} total)"
    if verdict == "mixed":
        summary += (f"; the claim holds in {sum(bool(r['holds']) for r in known)} of the {len(known)} five-year "
                    f"windows complete before the article date: {C.held_windows(rows)}")  # fmt: skip
    ev = {
        "summary": summary,
        "period_used": C.period_used(claim, period),
        "actual": {
            "share": actual,
            "unit": "percent",
            "tiv": None if share is None else float(got["tiv"].sum()),
            "total_tiv": total,
        },
        "tolerance": C.share_tolerance(claim),
        "windows": rows,
        "notes": notes + res.notes[:1],
        "query": f"realpolitik arms {'suppliers' if side == 'import' else 'recipients'} {who} --from {period.start} --to {period.end}",
    }
    if actual is None:
        ev["settle"] = f"SIPRI records no arms {flow} for {C.name(claim.subject)} in {period}"
    return verdict, ev, res.sources
