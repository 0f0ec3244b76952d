"""add_peace_years(): peace spells counted over the panel's own rows, peacesciencer's routine (ps_btscs).

For each unit (dyad or state) the rows with a non-missing event are taken in year order; a row's spell is the number
of rows since the unit's last row with the event ongoing (the event year itself counts the peace years before it,
the year after an event is 0), and rows before any event count from the unit's first row in the panel. So the
count is left-censored at the panel's first year and does not restart when a state leaves and re-enters the system,
exactly as in peacesciencer; rows with a missing event (outside the data's years) have a missing spell.

How it is computed, and why so: the spells need the unit's rows in year order (window functions), and sorting the
finished panel (dozens of columns) is what costs. So the windows run over a narrow projection of the panel (unit
codes, year, the event columns), all events in the same two window passes over one partition (the unit), and the
spells are joined back to the panel's rows by unit and year (one row per unit-year). With n = the row's position
among the unit's rows with a non-missing event (count(event) up to the row), spell = n - 1 - (n of the unit's last
earlier row with the event ongoing, 0 if none): the same numbers as ps_btscs' running event count and row number
within each stretch, for a quarter of the CPU (cow directed 1975–2025 with 15 steps: +3.5 s instead of +16 s).
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


def spells_query(keys: tuple[str, ...], events: list[str]) -> str:
    """SQL over "{rows}" (one row per unit and year) adding each event's spell column (ps_btscs, pad_ts = FALSE).

    "{rows}" is read twice: once whole, once narrowed to the unit codes, year and events (DuckDB reads only those
    columns), where the windows run; the second read is cheaper than carrying every column through the sorts."""
    unit = ", ".join(keys)
    cols = ", ".join((*keys, "year"))
    window = f"PARTITION BY {unit} ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND"
    # n: the row's position among the unit's rows where the event is known (rows with a NULL event do not count)
    ns = ", ".join(f"count({e}) OVER ({window} CURRENT ROW) AS _n_{e}" for e in events)
    spells = ", ".join(
        f"(CASE WHEN {e} IS NOT NULL THEN _n_{e} - 1 - coalesce(max(CASE WHEN {e} <> 0 THEN _n_{e} END) "
        f"OVER ({window} 1 PRECEDING), 0) END)::SMALLINT AS {EVENTS[e]}"
        for e in events
    )
    narrow = (
        f"SELECT {cols}, {spells} FROM (SELECT {cols}, {', '.join(events)}, {ns} FROM {{rows}})"
    )
    on = " AND ".join(f"r.{c} = s.{c}" for c in (*keys, "year"))
    picked = ", ".join(f"s.{EVENTS[e]}" for e in events)
    return f"SELECT r.*, {picked} FROM {{rows}} r JOIN ({narrow}) s ON {on}"


def add_peace_years(panel: Panel) -> Panel:
    """Peace years for every conflict step already added: cowmidspell, gmlmidspell, cowinterspell, ucdpspell."""
    events = [e for e in EVENTS if e in panel.columns]
    if not events:
        raise UserError(
            "add_peace_years() needs a conflict step first: cow_mids, gml_mids, cow_wars (dyads) or ucdp_acd (states)"
        )
    spells = [EVENTS[e] for e in events]
    note = (
        f"{', '.join(spells)}: peace years as peacesciencer's add_peace_years() counts them — rows since the unit's "
        "last year with the conflict ongoing, counted over this panel's rows (so from 0 in its first year: "
        "left-censored); NULL where the conflict data have no year."
    )
    return panel.extend_rows(spells_query(panel.codes, events), spells, "peace_years", [], [note])
