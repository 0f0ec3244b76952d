"""Stage 5 — verify: each claim type → its module (which query, which tolerance, which evidence).

| claim type | module |
|---|---|
| arms_import_share, arms_export_share | ``arms_share`` |
| arms_top_supplier, arms_top_recipient | ``arms_partner_rank`` |
| arms_global_share, arms_global_rank | ``arms_global`` |
| arms_group_share, arms_region_share | ``arms_groups`` |
| arms_volume_change, arms_global_volume_change | ``arms_change`` |
| arms_deal | ``arms_deal`` |
| oil_producer_rank | ``oil_producer`` |
| oil_import_share, oil_export_share, oil_buyer_rank, oil_source_rank | ``crude`` |
| export_partner_rank, export_partner_share | ``export_partner`` |
| border_length, shared_border | ``border`` |
| rivalry | ``rivalry`` |

A new claim type is a frame pattern (``frames.py``), a line in ``claims.TYPES`` and ``claim_type``,
and one module here registered in ``VERIFIERS``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import (
    arms_change,
    arms_deal,
    arms_global,
    arms_groups,
    arms_partner_rank,
    arms_share,
    border,
    crude,
    export_partner,
    oil_producer,
    rivalry,
)
from realpolitik.analyses.claims.verify.common import Outcome, default_window, session
from realpolitik.errors import UserError

VERIFIERS: dict[str, Callable[..., Outcome]] = {
    "arms_import_share": lambda c, d, **kw: arms_share.check(c, d, "import", **kw),
    "arms_export_share": lambda c, d, **kw: arms_share.check(c, d, "export", **kw),
    "arms_top_supplier": lambda c, d, **kw: arms_partner_rank.check(c, d, "supplier", **kw),
    "arms_top_recipient": lambda c, d, **kw: arms_partner_rank.check(c, d, "recipient", **kw),
    "arms_global_share": lambda c, d, **kw: arms_global.check(c, d, "share", **kw),
    "arms_global_rank": lambda c, d, **kw: arms_global.check(c, d, "rank", **kw),
    "arms_group_share": lambda c, d, **kw: arms_groups.check(c, d, "group", **kw),
    "arms_region_share": lambda c, d, **kw: arms_groups.check(c, d, "region", **kw),
    "arms_volume_change": lambda c, d, **kw: arms_change.check(c, d, "state", **kw),
    "arms_global_volume_change": lambda c, d, **kw: arms_change.check(c, d, "global", **kw),
    "arms_deal": arms_deal.check,
    "oil_producer_rank": oil_producer.check,
    "oil_import_share": lambda c, d: crude.check(c, d, "sources", "share"),
    "oil_export_share": lambda c, d: crude.check(c, d, "buyers", "share"),
    "oil_buyer_rank": lambda c, d: crude.check(c, d, "buyers", "rank"),
    "oil_source_rank": lambda c, d: crude.check(c, d, "sources", "rank"),
    "export_partner_rank": lambda c, d: export_partner.check(c, d, "rank"),
    "export_partner_share": lambda c, d: export_partner.check(c, d, "share"),
    "border_length": border.check_length,
    "shared_border": border.check_shared,
    "rivalry": rivalry.check,
}
NO_SUBJECT = {"arms_group_share", "arms_region_share", "arms_global_volume_change"}
# claim types checked on SIPRI TIV: these also get a verdict on the release current at the article date
RELEASE_AWARE = {t for t in VERIFIERS if t.startswith("arms_") and t != "arms_deal"}


def _run(fn: Callable[..., Outcome], claim: Claim, today: date, **kw: Any) -> Outcome:
    try:
        return fn(claim, today, **kw)
    except UserError as e:
        return "unverifiable", {"summary": str(e), "notes": [str(e)]}, []
    except Exception as e:  # one odd claim must not sink the whole article; the error is shown
        if os.environ.get("REALPOLITIK_DEBUG"):
            raise
        msg = f"could not be verified ({type(e).__name__}: {e})"
        return "unverifiable", {"summary": msg, "notes": [msg], "error": True}, []


def as_published(claim: Claim, today: date) -> dict[str, Any] | None:
    """The verdict on the SIPRI release that was current at the article date, when the store holds it:
    what the author could read then (SIPRI revises past figures every year). None when the store does
    not hold that release; the same verdict, flagged, when that release is the current data."""
    from realpolitik.analyses.claims.verify.common import q
    from realpolitik.queries.arms import release_current_at, releases

    rel = q(release_current_at, today)
    if rel is None:
        return None
    if rel == q(releases)[-1]:
        return {"release": rel, "verdict": claim.verdict, "same_as_current_data": True}
    verdict, ev, _ = _run(VERIFIERS[claim.type], replace(claim, evidence={}), today, release=rel)
    return {
        "release": rel,
        "verdict": verdict,
        "summary": ev.get("summary", ""),
        "actual": ev.get("actual"),
        "period_used": ev.get("period_used"),
        "tolerance": ev.get("tolerance"),
    }


def _same_period(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Only a verdict on the same years is worth setting beside the current one in the summary (a
    release that ends earlier has an earlier default window: that stays in verdict_as_published)."""
    return bool(a and b) and (a["start"], a["end"]) == (b["start"], b["end"])


def verify(claim: Claim, today: date) -> Claim:
    """Fill a claim's verdict, evidence and sources (never raises for missing data or odd ids), and
    for SIPRI claims the verdict as published (``verdict_as_published``)."""
    fn = VERIFIERS.get(claim.type)
    if fn is None or (not claim.subject and claim.type not in NO_SUBJECT):
        claim.verdict, claim.evidence = "unverifiable", {"summary": f"no verifier for {claim.type}"}
        return claim
    verdict, ev, sources = _run(fn, claim, today)
    claim.verdict = verdict
    if claim.type in RELEASE_AWARE and not ev.get("error"):
        claim.verdict_as_published = as_published(claim, today)
        pub = claim.verdict_as_published
        if (
            pub
            and not pub.get("same_as_current_data")
            and pub.get("verdict") != verdict
            and pub.get("verdict") != "unverifiable"  # e.g. a period the release does not cover
            and _same_period(pub.get("period_used"), ev.get("period_used"))
        ):
            ev["summary"] = (
                f"{ev.get('summary', '')}; {pub['verdict']} as published in SIPRI's {pub['release']} "
                "release, current at the article date (SIPRI revises past figures every year)"
            )
            ev.setdefault("notes", []).insert(
                0, f"as published ({pub['release']} release): {pub['summary']}"
            )
    if claim.period is None and "period_used" in ev:
        claim.period = {**ev["period_used"]}
    claim.evidence = ev
    claim.sources = [s.to_dict() for s in sources]
    return claim


__all__ = ["VERIFIERS", "default_window", "session", "verify"]
