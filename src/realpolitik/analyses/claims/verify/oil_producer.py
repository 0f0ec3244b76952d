"""oil_producer_rank: a state's rank among oil producers in a year, in the two standard rankings: by
volume (BP Statistical Review, crude oil and NGLs in thousand barrels a day,
``queries.energy.production_by_volume``, to BP's last year) and by energy content (Energy Institute via
OWID, TWh, ``queries.energy.production``). News reports cite either (EIA, BP, the Energy Institute),
so a rank holds when it is exact in one of them; both are in the evidence. Default: the latest
complete year before the article date, else the latest year with a ranking."""

from __future__ import annotations

from datetime import date
from typing import Any

from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.errors import UserError
from realpolitik.periods import Period

TWH = "by energy content (TWh, Energy Institute via OWID: crude oil and natural gas liquids)"
KBD = "by volume (thousand barrels a day, BP Statistical Review: crude oil and natural gas liquids)"


def _ranks(fn: Any, who: str | None) -> dict[int, int]:
    try:
        res = C.q(fn, who)
    except UserError:
        return {}
    f = res.frame.dropna(subset=["rank"])
    return {int(r.year): int(r.rank) for r in f.itertuples()}


def check(claim: Claim, today: date) -> C.Outcome:
    from realpolitik.queries import energy

    st = C.store()
    stated = C.stated(claim)
    twh = _ranks(energy.production, claim.subject)
    kbd = _ranks(energy.production_by_volume, claim.subject) if st.has_table("bp_oil") else {}
    year = stated.end if stated else today.year - 1
    notes: list[str] = []
    source = None
    if not stated and twh and year > max(twh) and not (kbd and year <= max(kbd)):
        notes.append(f"no ranking for {year} yet; the latest year with one, {max(twh)}, is used")
        year, source = max(twh), "latest data"
    years = sorted(set(twh) | set(kbd))
    actual_kbd, actual_twh = kbd.get(year), twh.get(year)

    def ok(y: int) -> bool | None:
        r = [C.rank_ok(claim, m[y]) for m in (kbd, twh) if y in m]
        return None if not r else any(r)

    holds = ok(year) if (actual_kbd is not None or actual_twh is not None) else None
    rows = [
        {"period": str(y), "start": y, "end": y, "rank": kbd.get(y, twh.get(y)), "rank_kbd": kbd.get(y),
         "rank_twh": twh.get(y), "holds": ok(y)}
        for y in years
        if y >= 1965
    ]  # fmt: skip
    any_other = C.held_before(rows, year, year, today)
    verdict = C.decide(holds, any_other, C.pinned(claim, stated))
    parts = [
        f"{r} by {m}"
        for r, m in ((actual_kbd, "volume (BP, kb/d)"), (actual_twh, "energy (TWh)"))
        if r is not None
    ]
    summary = f"{C.poss(claim.subject)} oil-production rank in {year}: {'; '.join(parts) or '–'}"
    if verdict == "mixed":
        summary += "; rank as claimed in " + C.held_windows(rows)
    notes.append(f"two standard rankings: {KBD}; {TWH}")
    if kbd and year > max(kbd):
        notes.append(f"BP's volumes in the snapshot end in {max(kbd)}")
    ev = {
        "summary": summary,
        "period_used": C.period_used(claim, Period(year, year), source),
        "actual": {"rank_by_volume": actual_kbd, "rank_by_energy": actual_twh},
        "tolerance": C.rank_tolerance(claim) + ", by volume or by energy (either standard ranking)",
        "windows": rows,
        "notes": notes,
        "query": f"realpolitik oil production {claim.subject}"
        + (" --measure kbd" if actual_kbd is not None else ""),
    }
    if holds is None:
        ev["settle"] = f"oil production by country for {year}"
    srcs = [st.source("owid_energy")]
    if actual_kbd is not None and "bp_statistical_review" in st.manifests:
        srcs.append(st.source("bp_statistical_review"))
    return verdict, ev, srcs
