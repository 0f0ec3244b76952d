"""The maker of a named weapon when an article names only its buyer ('Ukraine bought Bayraktar TB2
drones'): the one state the SIPRI register lists as supplying that designation to anyone. It does
not look at the buyer, so the verdict on the transfer stays a real check (the register must still
list the pair); a designation several states supply names no maker."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from realpolitik.analyses.claims.designations import coded_words, norm

if TYPE_CHECKING:
    from realpolitik.store import Store


@cache
def _suppliers(st: Store) -> dict[str, frozenset[str]]:
    """Normalised designation (whole name, and each word with letters and digits) → supplier ids, read
    once per store (a release switched in the process is another store)."""
    if not st.has_table("sipri_register"):
        return {}
    rows = st.sql(
        "SELECT DISTINCT designation, supplier_id FROM sipri_register "
        "WHERE designation IS NOT NULL AND supplier_id IS NOT NULL"
    )
    out: dict[str, set[str]] = {}
    for desig, sup in rows.itertuples(index=False):
        for k in ({norm(str(desig))} | coded_words(str(desig))) - {""}:
            out.setdefault(k, set()).add(str(sup))
    return {k: frozenset(v) for k, v in out.items()}


def maker(designation: str) -> str | None:
    """The sole supplier of a designation in the register ('Harop' → Israel), else None."""
    from realpolitik.store import get_store

    sups = _suppliers(get_store()).get(norm(designation), frozenset())
    return next(iter(sups)) if len(sups) == 1 else None
