"""arms_deal: a named weapon transferred from the subject (supplier) to the object (recipient), looked
up in the SIPRI deal register. Designations are compared without punctuation ("Hermes 900" =
"Hermes-900", "Type 054A" = "Type-054A"), a short one may be one word of the register's name or
its base ("TB2" = "Bayraktar TB2", "T-90" = "T-90S"); a family match (Barak-8 → Barak-MX) is noted; a designation
the register lists for other pairs only contradicts a transfer claim; one it never lists is
unverifiable (SIPRI covers major conventional arms only). An upgrade or modernisation of equipment
the recipient already has is a service the register rarely records: unverifiable unless listed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from realpolitik.analyses.claims.claims import Claim
from realpolitik.analyses.claims.designations import coded_words, norm
from realpolitik.analyses.claims.verify import common as C
from realpolitik.errors import UserError

TOLERANCE = "designations compared without spaces and punctuation; the register must list the pair"


def _family(s: str) -> str:
    m = re.match(r"[a-z]+", s.lower())
    return m.group(0) if m else ""


def _short_match(key: str, name: str) -> bool:
    """A short letters-and-digits designation the register writes longer: one word of the register's
    name ('TB2' = 'Bayraktar TB2') or its base before a letter suffix ('T-90' = 'T-90S')."""
    if len(key) < 3 or not re.search(r"\d", key) or not re.search(r"[a-z]", key):
        return False
    full = norm(name)
    variant = full.startswith(key) and full[len(key) : len(key) + 1].isalpha()
    return variant or key in coded_words(name)


def _elsewhere(st: Any, key: str) -> Any:
    return st.sql(
        "SELECT DISTINCT supplier_id, recipient_id, designation FROM sipri_register "
        "WHERE regexp_replace(lower(designation), '[^a-z0-9]', '', 'g') = ? "
        "OR (length(?) >= 5 AND contains(regexp_replace(lower(designation), '[^a-z0-9]', '', 'g'), ?)) LIMIT 20",
        [key, key, key],
    )


def check(claim: Claim, today: date) -> C.Outcome:
    """The transfer in the register; a supplier the article does not name (the designation's sole
    maker, frames/makers.py) is said in the notes."""
    verdict, ev, sources = _check(claim, today)
    if claim.claimed.get("supplier") == "implicit":
        ev = dict(ev)
        ev["notes"] = [
            f"the article names no supplier: {C.name(claim.subject)} is the only one the SIPRI "
            f"register lists for '{claim.claimed.get('designation')}'",
            *ev.get("notes", []),
        ]
    return verdict, ev, sources


def _check(claim: Claim, today: date) -> C.Outcome:
    from realpolitik.queries import arms

    st = C.store()
    stated = C.stated(claim)
    desig = str(claim.claimed.get("designation", ""))
    upgrade = claim.claimed.get("service") == "upgrade"
    key, fam = norm(desig), _family(desig)
    try:
        res = C.q(arms.deals, claim.subject, claim.object, None)
    except UserError as e:
        return C.unverifiable(str(e))
    names = [str(d) for d in res.frame["designation"].tolist()] if not res.frame.empty else []
    exact = [
        n
        for n in names
        if norm(n) == key
        or (len(key) >= 4 and (norm(n).startswith(key) or key.startswith(norm(n))))
        or (len(key) >= 5 and key in norm(n))
    ]
    if not exact:
        exact = [n for n in names if _short_match(key, n)]
    family = [n for n in names if fam and len(fam) >= 4 and _family(n) == fam]
    rows = [
        {
            "designation": r.designation,
            "description": r.description,
            "order_year": None if C.missing(r.order_year) else int(r.order_year),
            "delivered": None if C.missing(r.delivered) else r.delivered,
            "delivery_years": None if C.missing(r.delivery_years) else str(r.delivery_years),
        }
        for r in res.frame.itertuples()
        if r.designation in (exact or family)
    ]
    query = f"realpolitik arms deals {claim.subject} {claim.object}"
    pair = f"{C.name(claim.subject)} → {C.name(claim.object)}"
    if exact or family:
        match = sorted(set(exact or family))
        notes = (
            []
            if exact
            else [f"family match: the register names {', '.join(match)} (not '{desig}' literally)"]
        )
        when = "; ".join(
            f"{r['designation']} ordered {r['order_year']}, delivered {r['delivery_years'] or 'not yet'}"
            for r in rows
        )
        verb = str(claim.claimed.get("verb") or "")
        dated = stated is not None and not re.match(r"(?:use|deploy|operat|field|equip)", verb)
        if dated:
            years = [
                {
                    r["order_year"],
                    *(int(y) for y in re.findall(r"\d{4}", r["delivery_years"] or "")),
                }
                for r in rows
            ]
            if not any(
                any(y is not None and stated.start <= y <= stated.end for y in ys) for ys in years
            ):
                ev = {
                    "summary": f"the register dates this transfer outside {stated}: {when}",
                    "actual": {"deals": rows},
                    "tolerance": TOLERANCE
                    + f"; a dated claim needs an order or delivery year in {stated}",
                    "notes": notes,
                    "windows": [],
                    "query": query,
                }
                return "contradicted", ev, res.sources
        elif stated is not None:
            notes.append(
                f"'{verb}' in {stated} is about use, not delivery; the delivery dates are not checked against it"
            )
        ev = {
            "summary": f"SIPRI register: {pair}: {when}",
            "actual": {"deals": rows},
            "tolerance": TOLERANCE,
            "notes": notes,
            "windows": [],
            "query": query,
        }
        return "supported", ev, res.sources
    elsewhere = _elsewhere(st, key)
    others = sorted(
        {f"{C.name(r.supplier_id)} → {C.name(r.recipient_id)}" for r in elsewhere.itertuples()}
    )
    if upgrade:
        listed = f"; the register lists {desig} for {', '.join(others[:5])}" if others else ""
        ev = {
            "summary": f"the register lists no {desig} upgrade from {pair}{listed}",
            "actual": {"deals": []},
            "tolerance": TOLERANCE,
            "notes": [
                "upgrades and modernisation of equipment already in service are recorded by SIPRI only when they add major components; their absence does not refute the claim"
            ],
            "settle": "a source on upgrade contracts (company or defence-ministry announcements)",
            "windows": [],
            "query": query,
        }
        return "unverifiable", ev, res.sources
    if elsewhere.empty:
        ev = {
            "summary": f"'{desig}' is not a designation in the SIPRI register (major conventional arms only)",
            "actual": {"deals": []},
            "tolerance": TOLERANCE,
            "notes": [f"{len(names)} register deals {pair}"],
            "settle": "a source covering this item (SIPRI covers major conventional weapons only)",
            "windows": [],
            "query": query,
        }
        return "unverifiable", ev, res.sources
    ev = {
        "summary": f"the register lists no {desig} from {C.name(claim.subject)} to {C.name(claim.object)}; it lists {desig} for {', '.join(others[:5])}",
        "actual": {"deals": []},
        "tolerance": TOLERANCE,
        "notes": [],
        "windows": [],
        "query": query,
    }
    return "contradicted", ev, res.sources
