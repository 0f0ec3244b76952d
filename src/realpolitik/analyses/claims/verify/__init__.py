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
from datetime import date

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

VERIFIERS: dict[str, Callable[[Claim, date], Outcome]] = {
    "arms_import_share": lambda c, d: arms_share.check(c, d, "import"),
    "arms_export_share": lambda c, d: arms_share.check(c, d, "export"),
    "arms_top_supplier": lambda c, d: arms_partner_rank.check(c, d, "supplier"),
    "arms_top_recipient": lambda c, d: arms_partner_rank.check(c, d, "recipient"),
    "arms_global_share": lambda c, d: arms_global.check(c, d, "share"),
    "arms_global_rank": lambda c, d: arms_global.check(c, d, "rank"),
    "arms_group_share": lambda c, d: arms_groups.check(c, d, "group"),
    "arms_region_share": lambda c, d: arms_groups.check(c, d, "region"),
    "arms_volume_change": lambda c, d: arms_change.check(c, d, "state"),
    "arms_global_volume_change": lambda c, d: arms_change.check(c, d, "global"),
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


def verify(claim: Claim, today: date) -> Claim:
    """Fill a claim's verdict, evidence and sources (never raises for missing data or odd ids)."""
    fn = VERIFIERS.get(claim.type)
    if fn is None or (not claim.subject and claim.type not in NO_SUBJECT):
        claim.verdict, claim.evidence = "unverifiable", {"summary": f"no verifier for {claim.type}"}
        return claim
    try:
        verdict, ev, sources = fn(claim, today)
    except UserError as e:
        verdict, ev, sources = "unverifiable", {"summary": str(e), "notes": [str(e)]}, []
    except Exception as e:  # one odd claim must not sink the whole article; the error is shown
        if os.environ.get("REALPOLITIK_DEBUG"):
            raise
        msg = f"could not be verified ({type(e).__name__}: {e})"
        verdict, ev, sources = "unverifiable", {"summary": msg, "notes": [msg], "error": True}, []
    if claim.period is None and "period_used" in ev:
        claim.period = {**ev["period_used"]}
    claim.verdict = verdict
    claim.evidence = ev
    claim.sources = [s.to_dict() for s in sources]
    return claim


__all__ = ["VERIFIERS", "default_window", "session", "verify"]
