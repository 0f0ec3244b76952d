"""The maker of a named weapon when an article names only its buyer ('Ukraine bought Bayraktar TB2
drones'): the one state the SIPRI register lists as supplying that designation to anyone. It does
not look at the buyer, so the verdict on the transfer stays a real check (the register must still
list the pair); a designation several states supply names no maker."""

from __future__ import annotations

import re
from functools import cache


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


@cache
def _suppliers() -> dict[str, frozenset[str]]:
    """Normalised designation (whole name, and each word with letters and digits) → supplier ids."""
    from realpolitik.store import get_store

    st = get_store()
    if not st.has_table("sipri_register"):
        return {}
    rows = st.sql(
        "SELECT DISTINCT designation, supplier_id FROM sipri_register "
        "WHERE designation IS NOT NULL AND supplier_id IS NOT NULL"
    )
    out: dict[str, set[str]] = {}
    for desig, sup in rows.itertuples(index=False):
        keys = {_norm(str(desig))}
        keys |= {
            _norm(w)
            for w in re.split(r"[\s/]+", str(desig))
            if re.search(r"\d", w) and re.search(r"[A-Za-z]", w) and len(_norm(w)) >= 3
        }
        for k in keys - {""}:
            out.setdefault(k, set()).add(str(sup))
    return {k: frozenset(v) for k, v in out.items()}


def maker(designation: str) -> str | None:
    """The sole supplier of a designation in the register ('Harop' → Israel), else None."""
    sups = _suppliers().get(_norm(designation), frozenset())
    return next(iter(sups)) if len(sups) == 1 else None
