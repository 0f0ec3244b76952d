"""add_peace_years(): peace spells counted over the panel's own rows, peacesciencer's routine (ps_btscs).

For each unit (dyad or state) the rows with a non-missing event are taken in year order; a row's spell is the number
of rows since the unit's last row with the event ongoing (the event year itself counts the peace years before it,
the year after an event is 0), and rows before any event count from the unit's first row in the panel. So the
count is left-censored at the panel's first year and does not restart when a state leaves and re-enters the system,
exactly as in peacesciencer; rows with a missing event (outside the data's years) have a missing spell.
"""

from __future__ import annotations

from realpolitik.errors import UserError
from realpolitik.panel.core import Panel

# event column -> spell column, as peacesciencer names them
EVENTS = {
    "cowmidongoing": "cowmidspell",
    "gmlmidongoing": "gmlmidspell",
    "cowinterongoing": "cowinterspell",
    "ucdpongoing": "ucdpspell",
}


def spell_query(keys: tuple[str, ...], event: str, spell: str) -> str:
    """SQL over "{rows}" adding `spell`: rows since the unit's last row with `event` (ps_btscs, pad_ts = FALSE)."""
    unit = ", ".join(keys)
    part = f"PARTITION BY {unit}, {event} IS NULL"
    seen = (
        f"_seen_{event}"  # events in the unit's earlier rows: a new stretch starts after each event
    )
    inner = (
        f"SELECT *, coalesce(sum(({event} <> 0)::INT) OVER ({part} ORDER BY year "
        f"ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS {seen} FROM {{rows}}"
    )
    count = f"row_number() OVER (PARTITION BY {unit}, {event} IS NULL, {seen} ORDER BY year) - 1"
    return (
        f"SELECT * EXCLUDE ({seen}), (CASE WHEN {event} IS NOT NULL THEN {count} END)::SMALLINT AS {spell} "
        f"FROM ({inner})"
    )


def add_peace_years(panel: Panel) -> Panel:
    """Peace years for every conflict step already added: cowmidspell, gmlmidspell, cowinterspell, ucdpspell."""
    events = [e for e in EVENTS if e in panel.columns]
    if not events:
        raise UserError(
            "add_peace_years() needs a conflict step first: cow_mids, gml_mids, cow_wars (dyads) or ucdp_acd (states)"
        )
    query = "{rows}"
    for event in events:  # one window pass per event, each over the previous one's rows
        query = spell_query(panel.codes, event, EVENTS[event]).replace("{rows}", f"({query})")
    spells = [EVENTS[e] for e in events]
    note = (
        f"{', '.join(spells)}: peace years as peacesciencer's add_peace_years() counts them — rows since the unit's "
        "last year with the conflict ongoing, counted over this panel's rows (so from 0 in its first year: "
        "left-censored); NULL where the conflict data have no year."
    )
    return panel.extend_rows(query, spells, "peace_years", [], [note])
