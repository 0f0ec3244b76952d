"""add_lead(): LEAD attributes of each leader-year's leader (education, military and rebel experience, health)."""

from __future__ import annotations

from realpolitik.errors import UserError
from realpolitik.panel.core import Panel

LEAD = [
    "leveledu",
    "milservice",
    "combat",
    "rebel",
    "warwin",
    "warloss",
    "rebelwin",
    "rebelloss",
    "yrsexper",
    "physhealth",
    "mentalhealth",
]


def add_lead(panel: Panel) -> Panel:
    """The LEAD attributes of the leader (joined by Archigos obsid, as peacesciencer's add_lead()); NULL where uncoded."""
    if panel.unit != "leader":
        raise UserError("step 'lead' needs a leader-year panel (leader_years())")
    panel.require("lead")
    joins = "LEFT JOIN lead ld ON ld.obsid = s.obsid"
    note = "LEAD (Ellis, Horowitz & Stam 2015) attributes by Archigos leader spell; NULL where LEAD did not code them."
    select = ", ".join(f"ld.{c} AS {c}" for c in LEAD)
    return panel.extend_state(select, joins, LEAD, "lead", ["leaders"], [note])
