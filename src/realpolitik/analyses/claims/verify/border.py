"""border_length ('a 689 km border', Factbook km from either profile) and shared_border ('Armenia
borders Iran', COW direct contiguity by land, ``queries.geo.border``)."""

from __future__ import annotations

from datetime import date

from realpolitik.analyses.claims import tolerance as T
from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.verify import common as C
from realpolitik.errors import UserError


def check_length(claim: Claim, today: date) -> C.Outcome:
    """Land border length from the Factbook (either country's profile); no border at all contradicts."""
    from realpolitik.queries import geo

    st = C.store()
    try:
        ca, cb = C.country(claim.subject), C.country(claim.object)
    except UserError as e:
        return C.unverifiable(str(e))
    fa = C.q(geo.factbook_borders, ca, st)
    fb = C.q(geo.factbook_borders, cb, st)
    km_a = fa.loc[fa["neighbour_id"] == cb.id, "km"]
    km_b = fb.loc[fb["neighbour_id"] == ca.id, "km"]
    kms = [float(v) for v in (*km_a.tolist(), *km_b.tolist()) if not C.missing(v)]
    sources = [st.source("factbook")] if "factbook" in st.manifests else []
    query = f"realpolitik border {claim.subject} {claim.object}"
    c = claim.claimed
    tol = T.describe_length(float(c["km"]), c["comparator"])
    if kms:
        km = kms[0]
        holds = any(T.length_holds(k, float(c["km"]), c["comparator"]) for k in kms)
        notes = (
            [f"the two Factbook profiles differ: {kms[0]:,.1f} and {kms[1]:,.1f} km"]
            if len(set(kms)) > 1
            else []
        )
        ev = {
            "summary": f"{ca.name}–{cb.name} land border: {km:,.0f} km (CIA World Factbook)",
            "actual": {"km": km},
            "tolerance": tol,
            "notes": notes,
            "windows": [],
            "query": query,
        }
        return ("supported" if holds else "contradicted"), ev, sources
    try:
        res = C.q(geo.border, ca, cb)
    except UserError as e:
        return C.unverifiable(str(e))
    row = res.frame.iloc[0]
    ev = {
        "summary": "; ".join(res.notes[:1]),
        "actual": {"km": None, "contiguity": row.get("contiguity")},
        "tolerance": tol,
        "notes": res.notes[1:],
        "windows": [],
        "query": query,
    }
    if bool(row["shared_land_border"]):
        ev["settle"] = "a border length for this pair (the Factbook gives none)"
        return "unverifiable", ev, res.sources
    return "contradicted", ev, res.sources


def check_shared(claim: Claim, today: date) -> C.Outcome:
    """Whether two states share a land border as of the article date: COW direct contiguity spells
    that began by then (Sudan borders Kenya in 2010, not after 2011), and the Factbook's border
    lengths only when its edition is usable as of the date."""
    from realpolitik.asof import usable
    from realpolitik.queries import geo
    from realpolitik.queries.profile_facts import edition_year

    edition = edition_year(C.store())
    factbook = edition is not None and usable(edition, today)
    try:
        res = C.q(geo.border, claim.subject, claim.object, year=today.year, factbook=factbook)
    except UserError as e:
        return C.unverifiable(str(e))
    row = res.frame.iloc[0]
    shared = bool(row["shared_land_border"])
    km = None if C.missing(row["km"]) else float(row["km"])
    ev = {
        "summary": "; ".join(res.notes[:1]) or f"contiguity: {row['contiguity']}",
        "actual": {"shared_land_border": shared, "km": km, "contiguity": row["contiguity"]},
        "tolerance": "a land border (COW direct contiguity type 1, or a Factbook border length) makes it hold; water crossings do not",
        "notes": res.notes[1:],
        "windows": [],
        "query": f"realpolitik border {claim.subject} {claim.object}",
    }
    if claim.claimed.get("negated"):
        ev["tolerance"] = (
            "'no border': holds when there is no land border (" + ev["tolerance"] + ")"
        )
        return ("contradicted" if shared else "supported"), ev, res.sources
    return ("supported" if shared else "contradicted"), ev, res.sources
