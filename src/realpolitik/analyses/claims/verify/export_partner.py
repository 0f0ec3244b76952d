"""export_partner_rank / export_partner_share (subject = exporter, object = partner), all goods: the
CIA World Factbook's top five partners (latest edition) and COW dyadic trade (to 2014)."""

from __future__ import annotations

from datetime import date
from typing import Any

from realpolitik.analyses.claims import tolerance as T
from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.periods import Period


def check(claim: Claim, today: date, what: str) -> C.Outcome:
    """export_partner_rank / export_partner_share: Factbook top-5 (latest) and COW dyadic trade (to 2014)."""
    from realpolitik.queries import trade

    store = C.store()
    stated = C.stated(claim)
    fb = (
        C.q(trade.factbook_partners, C.country(claim.subject), "exports", store)
        if store.has_table("factbook_partners")
        else None
    )
    fb_year = (
        int(fb["year"].dropna().iloc[0]) if fb is not None and fb["year"].notna().any() else None
    )
    rows: list[dict[str, Any]] = []
    if store.has_table("cow_trade_ddy"):
        cow = C.q(trade.cow_partners, C.country(claim.subject), "exports", store)
        cow = cow[cow["value_usd_m"].notna() & (cow["value_usd_m"] > 0)]
        mine = cow[cow["partner_id"] == claim.object]
        have = set(cow["year"].astype(int))
        for r in mine.itertuples():
            v = float(r.share) * 100 if what == "share" else int(r.rank)
            rows.append(
                {
                    "period": str(int(r.year)),
                    "start": int(r.year),
                    "end": int(r.year),
                    what: v,
                    "source": "cow_trade",
                    "holds": C.share_ok(claim, v) if what == "share" else C.rank_ok(claim, v),
                }
            )
        for y in sorted(have - set(mine["year"].astype(int))):
            rows.append(
                {
                    "period": str(y),
                    "start": y,
                    "end": y,
                    what: 0.0 if what == "share" else None,
                    "source": "cow_trade",
                    "holds": C.share_ok(claim, 0.0) if what == "share" else False,
                }
            )
        rows.sort(key=lambda r: r["start"])
    fb_val: Any = None
    fb_holds: bool | None = None
    if fb is not None and not fb.empty and fb_year is not None:
        m = fb[fb["partner_id"] == claim.object]
        if len(m):
            fb_val = float(m["share"].iloc[0]) * 100 if what == "share" else int(m["rank"].iloc[0])
            fb_holds = C.share_ok(claim, fb_val) if what == "share" else C.rank_ok(claim, fb_val)
        else:
            smallest = float(fb["share"].min()) * 100
            if what == "rank":
                fb_holds = False if int(claim.claimed["rank"]) <= len(fb) else None
            else:
                fb_holds = (
                    C.share_ok(claim, smallest)
                    if claim.claimed["comparator"] in {"lt", "le"}
                    else (
                        False
                        if T.share_bounds(
                            float(claim.claimed["value"]),
                            claim.claimed["comparator"],
                            claim.claimed.get("form", "digits"),
                        )[0]
                        > smallest
                        else None
                    )
                )
        rows.append(
            {
                "period": str(fb_year),
                "start": fb_year,
                "end": fb_year,
                what: fb_val,
                "source": "factbook",
                "holds": fb_holds,
            }
        )
    year = (
        stated.end if stated else (fb_year if fb_year and fb_year <= today.year else today.year - 1)
    )
    chosen = [r for r in rows if r["start"] == year]
    chosen = [r for r in chosen if r["source"] == "factbook"] or chosen
    actual = chosen[0][what] if chosen else None
    holds = chosen[0]["holds"] if chosen else None
    any_other = C.held_before(rows, year, year, today)
    verdict = C.decide(holds, any_other, C.pinned(claim, stated))
    label = "share of" if what == "share" else "rank among partners for"
    fmt = (
        C.pct(actual)
        if what == "share"
        else (str(actual) if actual else ("not in the top 5" if chosen else "–"))
    )
    summary = f"{C.poss(claim.object)} {label} {C.poss(claim.subject)} exports in {year}: {fmt}"
    if fb is not None and not fb.empty:
        summary += (
            " (Factbook "
            + str(fb_year)
            + ": "
            + ", ".join(
                f"{int(r.rank)}. {r.factbook_name} {100 * float(r.share):.0f} %"
                for r in fb.itertuples()
            )
            + ")"
        )
    ev = {
        "summary": summary,
        "period_used": C.period_used(claim, Period(year, year)),
        "actual": {what: actual},
        "tolerance": C.share_tolerance(claim) if what == "share" else C.rank_tolerance(claim),
        "windows": rows,
        "notes": [
            "a partner outside the Factbook's top five contradicts a claimed rank of five or better"
        ]
        if what == "rank"
        else [],
        "query": f"realpolitik trade partners {claim.subject} --flow exports",
    }
    if verdict == "unverifiable":
        ev["settle"] = f"{C.poss(claim.subject)} exports by partner for {year} (e.g. UN Comtrade)"
    srcs = [store.source(d) for d in ("factbook", "cow_trade") if d in store.manifests]
    return verdict, ev, srcs
