"""add_igos(): COW IGO v3 shared memberships (dyads) and membership counts (states), as peacesciencer joins them."""

from __future__ import annotations

from realpolitik.panel.core import Panel, dkey

STATE_IGO = ["sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"]


def add_igos(panel: Panel) -> Panel:
    """dyadigos (IGOs with both states full members) or the state's sum_igo_* counts; NULL where COW IGO has no row."""
    if panel.unit != "dyad":
        panel.require("cow_igo_sy")
        first, last = panel.coverage("cow_igo_sy")
        joins = (
            f"LEFT JOIN cow_igo_sy ig ON ig.ccode = {panel.state_cow_key()} AND ig.year = s.year"
        )
        note = (
            f"sum_igo_*: COW IGO v3 memberships ({first}–{last}): full, associate, observer and any type; NULL after "
            f"{last} and for state-years it does not list."
        )
        select = ", ".join(f"ig.{c} AS {c}" for c in STATE_IGO)
        return panel.extend_state(select, joins, STATE_IGO, "igos", ["cow_igo"], [note])
    panel.require("cow_igo_ndy")
    first, last = panel.coverage("cow_igo_ndy")
    source = f"SELECT {dkey('ccode1', 'ccode2', 'year')} AS _u, dyadigos FROM cow_igo_ndy"
    note = (
        f"dyadigos: COW IGO v3 ({first}–{last}), the IGOs in which both states are full members; NULL after {last} "
        "and for dyad-years it does not list (0 is listed as 0)."
    )
    return panel.extend_keyed(
        "ig.dyadigos AS dyadigos", "ig", "_u", source, ["dyadigos"], "igos", ["cow_igo"], [note]
    )
