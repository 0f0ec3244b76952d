"""rivalry: a strategic rivalry between two states (Thompson & Dreyer; Thompson, Sakuwa & Suhas).

The one place that decides rivalry claims: when the relationship model (``relationship(a, b,
period)``) lands, this module is what switches to it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from realpolitik.analyses.claims import tolerance as T
from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C


def _pair(st: Any, query: str, lo: int, hi: int) -> Any:
    return st.sql(query, {"lo": lo, "hi": hi})


def check(claim: Claim, today: date) -> C.Outcome:
    """Same tables and COW keys as queries.security; a two-row lookup keeps a whole article fast."""
    st = C.store()
    ca, cb = C.country(claim.subject), C.country(claim.object)
    if ca.cow is None or cb.cow is None:
        return C.unverifiable(
            f"no COW code for {ca.name if ca.cow is None else cb.name}; rivalry data use COW codes",
            "a rivalry dataset covering this state",
        )
    lo, hi = sorted((int(ca.cow), int(cb.cow)))
    parts, sources = [], []
    if st.has_table("td_rivalries"):
        parts.append(
            "SELECT 'Thompson & Dreyer' AS dataset, styear::INT AS s, endyear::INT AS e FROM td_rivalries WHERE ccode1 = $lo AND ccode2 = $hi"
        )
        sources.append(st.source("td_rivalries"))
    if st.has_table("tss_rivalries"):
        parts.append(
            'SELECT \'Thompson–Sakuwa–Suhas\', "start"::INT, "end"::INT FROM tss_rivalries WHERE ccode1 = $lo AND ccode2 = $hi'
        )
        sources.append(st.source("tss_rivalries"))
    if not parts:
        return C.unverifiable(
            "no rivalry data in the snapshot", "strategic-rivalry data (Thompson & Dreyer)"
        )
    f = C.q(_pair, st, " UNION ALL ".join(parts) + " ORDER BY 2", lo, hi)
    rows = [
        {"source": r.dataset, "start": int(r.s), "end": None if C.missing(r.e) else int(r.e)}
        for r in f.itertuples()
    ]
    a, b = claim.subject, claim.object
    since = claim.claimed.get("since")
    tol = "coded as a strategic rivalry in either dataset" + (
        f"; 'since {since}': start year ± 1" if since else ""
    )
    if not rows:
        return (
            "contradicted",
            {
                "summary": f"neither rivalry dataset codes {C.name(a)}–{C.name(b)} as a strategic rivalry",
                "actual": {"rivalries": []},
                "tolerance": tol,
                "windows": [],
                "notes": [
                    "rivalries are coded to 2010 (Thompson & Dreyer) and 2020 (Thompson–Sakuwa–Suhas)"
                ],
                "query": f"realpolitik relations {a} {b}",
            },
            sources,
        )
    holds = True if since is None else any(T.year_holds(r["start"], int(since)) for r in rows)
    summary = f"{C.name(a)}–{C.name(b)}: " + "; ".join(
        f"{r['source']} {r['start']}–{r['end'] or 'ongoing'}" for r in rows
    )
    ev = {
        "summary": summary,
        "actual": {"rivalries": rows},
        "tolerance": tol,
        "windows": [],
        "notes": [],
        "query": f"realpolitik relations {a} {b}",
    }
    return ("supported" if holds else "contradicted"), ev, sources
