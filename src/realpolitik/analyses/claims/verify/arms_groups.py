"""arms_group_share ('the five largest exporters accounted for 76 %', 'A, B and C together received
38 %') and arms_region_share ('the Middle East accounted for 29 % of global arms imports').

Regions follow SIPRI's definitions, built from the Factbook's regions in the store: Egypt counts in
the Middle East (not Africa); Russia and the South Caucasus in Europe; the five Central Asian states
in Asia and Oceania; dissolved states in the region of their successors. Non-state recipients have
no region: they count in the world total only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.errors import UserError

_CENTRAL_ASIA = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
_HISTORIC = {"SUN": "Europe", "YUG": "Europe", "CSK": "Europe", "DDR": "Europe", "XWG": "Europe",
             "YMD": "Middle East", "XNY": "Middle East", "XSV": "Asia and Oceania"}  # fmt: skip
# SIPRI region ← Factbook regions (plus the moves above)
_FROM_FACTBOOK = {
    "Africa": {"africa"},
    "Middle East": {"middle-east"},
    "Europe": {"europe", "central-asia"},
    "Asia and Oceania": {"east-n-southeast-asia", "south-asia", "australia-oceania"},
    "Americas": {"north-america", "central-america-n-caribbean", "south-america"},
    "South Asia": {"south-asia"},
}
REGION_NOTE = (
    "Regions as SIPRI defines them, built from the CIA World Factbook's regions: Egypt in the Middle "
    "East; Russia, Azerbaijan, Armenia and Georgia in Europe; Central Asia in Asia and Oceania."
)


def region_members(st: Any, region: str) -> set[str]:
    """Resolver ids of the states in a SIPRI region."""
    f = st.sql("SELECT id, region FROM factbook_profiles WHERE id IS NOT NULL")
    out: set[str] = set()
    for r in f.itertuples():
        fb = str(r.region)
        rid = str(r.id)
        sipri = next((k for k, v in _FROM_FACTBOOK.items() if fb in v and k != "South Asia"), None)
        if rid == "EGY":
            sipri = "Middle East"
        elif rid in _CENTRAL_ASIA:
            sipri = "Asia and Oceania"
        if region == "South Asia":
            if fb == "south-asia":
                out.add(rid)
        elif sipri == region:
            out.add(rid)
    out |= {k for k, v in _HISTORIC.items() if v == region}
    return out


def check(claim: Claim, today: date, what: str, release: str | None = None) -> C.Outcome:
    from realpolitik.queries import arms

    st, stated, period, notes = C.sipri_period(claim, today, release)
    kind = claim.claimed.get("kind") or ("importers" if what == "region" else "exporters")
    role = "supplier" if kind == "exporters" else "recipient"
    c = claim.claimed
    try:
        res = C.q(arms.top, kind, period, limit=1000, release=release)
    except UserError as e:
        return C.unverifiable(str(e))
    frame = res.frame
    if what == "region":
        if not st.has_table("factbook_profiles"):
            return C.unverifiable("no region table in the snapshot", "SIPRI's regional definitions")
        members = region_members(st, str(c.get("region")))
        label = f"{c.get('region')}"
        notes.append(REGION_NOTE)
    elif c.get("members"):
        members = set(c["members"])
        label = ", ".join(C.name(m) for m in c["members"])
    else:
        n = int(c.get("top") or 0)
        members = set(frame.head(n)["id"].dropna()) if n else set()
        label = f"the top {n} ({', '.join(C.name(m) for m in frame.head(n)['id'])})"
    got = frame[frame["id"].isin(members)]
    actual = None if frame.empty else 100 * float(got["share"].sum())
    holds = C.share_ok(claim, actual)
    # every window: the group's (or region's) combined share
    from realpolitik.analyses.claims.verify.arms_global import _all_windows

    wf = C.q(_all_windows, st, role, release)
    rows: list[dict[str, Any]] = []
    if what == "region" or c.get("members"):
        sub = wf[wf["pid"].isin(members)].groupby(["start", "end"], as_index=False)["share"].sum()
    else:
        n = int(c.get("top") or 0)
        sub = wf[wf["rank"] <= n].groupby(["start", "end"], as_index=False)["share"].sum()
    rows = C.window_rows(sub, "share", lambda v: C.share_ok(claim, v), 100.0)
    any_other = C.held_before(rows, period.start, period.end, today)
    verdict = C.decide(holds, any_other, C.pinned(claim, stated))
    side = "exports" if kind == "exporters" else "imports"
    summary = f"combined share of {label} in global arms {side}, {period}: {C.pct(actual)}"
    ev = {
        "summary": summary,
        "period_used": C.period_used(claim, period),
        "actual": {
            "share": actual,
            "unit": "percent",
            "members": sorted(members) if what != "region" else None,
        },
        "tolerance": C.share_tolerance(claim),
        "windows": rows,
        "notes": notes,
        "query": f"realpolitik arms top {kind} --from {period.start} --to {period.end}",
    }
    srcs = list(res.sources)
    if what == "region" and "factbook" in st.manifests:
        srcs.append(st.source("factbook"))
    return verdict, ev, srcs
