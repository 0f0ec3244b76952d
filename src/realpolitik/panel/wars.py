"""add_cow_wars() (dyad-years) and add_ucdp_acd() (GW state-years), whittled as peacesciencer whittles them."""

from __future__ import annotations

from realpolitik.errors import UserError
from realpolitik.panel.core import Panel, dkey

# COW Inter-State War v4.0 codes 1816–2007 (its last war, Iraq 2003, ends in 2003: the years after are peace, not
# missing); the table's own coverage is the span of its war-years, 1823–2003
WAR_DOMAIN = (1816, 2007)
WAR_COLUMNS = [
    "warnum",
    "sidea1",
    "sidea2",
    "initiator1",
    "initiator2",
    "outcome1",
    "outcome2",
    "batdeath1",
    "batdeath2",
    "resume",
]


def add_cow_wars(panel: Panel) -> Panel:
    """cowinteronset, cowinterongoing and the war's sides, initiators, outcomes and battle deaths, one war a dyad-year.

    Where a dyad-year is in several wars: an onset beats a continuing war, then the war with the most battle deaths
    of the two sides (negative codes are missing), then the lower war number, then a war's first phase over its
    resumption (the source's row order, which peacesciencer keeps) — peacesciencer's whittling.
    """
    if panel.unit != "dyad":
        raise UserError("step 'cow_wars' needs a dyad-year panel (inter-state wars are dyadic)")
    panel.require("cow_war_inter")
    first, last = WAR_DOMAIN
    deaths = ", ".join(
        f"CASE WHEN {c} >= 0 THEN {c} END AS {c}" for c in ("batdeath1", "batdeath2")
    )
    rows = f"SELECT * REPLACE ({deaths}) FROM cow_war_inter"
    rank = (
        "row_number() OVER (PARTITION BY ccode1, ccode2, year ORDER BY cowinteronset DESC, "
        "coalesce(batdeath1 + batdeath2, batdeath1, batdeath2) DESC NULLS LAST, warnum, resume)"
    )
    cols = ", ".join(["cowinteronset", "cowinterongoing", *WAR_COLUMNS])
    source = (
        f"SELECT {dkey('ccode1', 'ccode2', 'year')} AS _k, {cols} FROM "
        f"(SELECT *, {rank} AS _r FROM ({rows})) WHERE _r = 1"
    )
    inside = f"p.year BETWEEN {first} AND {last}"
    select = [
        f"(CASE WHEN {inside} THEN coalesce(w.cowinteronset, 0) END)::TINYINT AS cowinteronset",
        f"(CASE WHEN {inside} THEN coalesce(w.cowinterongoing, 0) END)::TINYINT AS cowinterongoing",
        *[f"w.{c} AS {c}" for c in WAR_COLUMNS],
    ]
    note = (
        f"cowinteronset/cowinterongoing: COW Inter-State War v4.0, {first}–{last}; NULL outside (not 0). One war a "
        "dyad-year (onset first, then most battle deaths); batdeath* negative codes are NULL."
    )
    names = ["cowinteronset", "cowinterongoing", *WAR_COLUMNS]
    return panel.extend_keyed(
        ", ".join(select), "w", "_k", source, names, "cow_wars", ["cow_war_inter"], [note]
    )


def add_ucdp_acd(
    panel: Panel,
    type: str | list[str] | None = None,  # noqa: A002 - peacesciencer's argument name
    issue: str | list[str] | None = None,
    only_wars: bool = False,
) -> Panel:
    """ucdponset, ucdpongoing, maxintensity, conflict_ids of GW state-years as primary side A (UCDP/PRIO ACD).

    `type` ("extrasystemic", "interstate", "intrastate", "internationalized intrastate") and `issue`
    ("territory", "government", "both") filter the conflicts; `only_wars` keeps years of 1,000+ battle deaths.
    An onset is the first year the state is side A of that conflict in the data (from 1946), as in peacesciencer.
    """
    if panel.unit == "dyad" or panel.system != "gw":
        raise UserError(
            "step 'ucdp_acd' needs a Gleditsch–Ward state-year or leader-year panel (--system gw)"
        )
    panel.require("ucdp_acd")
    first, last = panel.coverage("ucdp_acd")
    where = ["true"]
    for column, value in (("type_of_conflict", type), ("incompatibility", issue)):
        if value is not None:
            values = [value] if isinstance(value, str) else list(value)
            where.append(f"{column} IN ({', '.join(repr(str(v)) for v in values)})")
    if only_wars:
        where.append("intensity_level = 2")
    conflicts = (
        f"SELECT DISTINCT ON (conflict_id, gwno_a, year) conflict_id, gwno_a, year, intensity_level FROM ucdp_acd "
        f"WHERE {' AND '.join(where)} ORDER BY conflict_id, gwno_a, year"
    )
    per_state = (
        "SELECT gwno_a AS gwcode, year, max(onset) AS ucdponset, max(intensity_level) AS maxintensity, "
        "string_agg(conflict_id::VARCHAR, '; ' ORDER BY conflict_id) AS conflict_ids FROM "
        "(SELECT *, (year = min(year) OVER (PARTITION BY conflict_id, gwno_a))::INT AS onset "
        f"FROM ({conflicts})) GROUP BY ALL"
    )
    inside = f"s.year BETWEEN {first} AND {last}"
    select = ", ".join(
        [
            f"(CASE WHEN {inside} THEN (uc.gwcode IS NOT NULL)::INT END)::TINYINT AS ucdpongoing",
            f"(CASE WHEN {inside} THEN coalesce(uc.ucdponset, 0) END)::TINYINT AS ucdponset",
            "uc.maxintensity::TINYINT AS maxintensity",
            "uc.conflict_ids AS conflict_ids",
        ]
    )
    joins = f"LEFT JOIN ({per_state}) uc ON uc.gwcode = s.gwcode AND uc.year = s.year"
    note = (
        f"ucdponset/ucdpongoing: UCDP/PRIO Armed Conflict Dataset, {first}–{last}, the state as primary side A; "
        f"NULL outside (not 0); onset = first year of the state in that conflict since 1946."
    )
    names = ["ucdpongoing", "ucdponset", "maxintensity", "conflict_ids"]
    return panel.extend_state(select, joins, names, "ucdp_acd", ["ucdp_acd"], [note])
