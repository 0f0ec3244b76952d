"""add_capital_distance(): great-circle distance between capitals, as peacesciencer computes it.

A state's capital in a year is the one it has on the first day of the year it is listed (peacesciencer's default
`transsum = "first"`); the distance is geosphere's `distVincentySphere` (Vincenty's formula on a sphere of radius
6,378,137 m) in km. State-years get `mincapdist`, the distance to the closest other capital of a state in the
system that year.
"""

from __future__ import annotations

from realpolitik.panel.core import Panel

RADIUS_KM = 6378.137  # geosphere's default sphere (WGS84 equatorial radius)


def capital_years(system: str) -> str:
    """SQL: code, year, lat, lng of each state's capital on the first day of each year it is listed."""
    table, code = ("cow_capitals", "ccode") if system == "cow" else ("gw_capitals", "gwcode")
    return (
        f"SELECT {code}, year, arg_min(lat, (start, stdate)) AS lat, arg_min(lng, (start, stdate)) AS lng FROM "
        f"(SELECT {code}, lat, lng, stdate, y AS year, greatest(stdate, make_date(y, 1, 1)) AS start "
        f"FROM (SELECT *, unnest(range(year(stdate), year(enddate) + 1)) AS y FROM {table})) GROUP BY ALL"
    )


def vincenty_km(lat1: str, lng1: str, lat2: str, lng2: str) -> str:
    """SQL of the Vincenty great-circle distance (km) on geosphere's sphere between two points in degrees."""
    p1, p2, dl = f"radians({lat1})", f"radians({lat2})", f"radians({lng1} - {lng2})"
    x = f"sqrt(pow(cos({p2}) * sin({dl}), 2) + pow(cos({p1}) * sin({p2}) - sin({p1}) * cos({p2}) * cos({dl}), 2))"
    y = f"sin({p1}) * sin({p2}) + cos({p1}) * cos({p2}) * cos({dl})"
    return f"{RADIUS_KM} * atan2({x}, {y})"


def add_capital_distance(panel: Panel) -> Panel:
    """capdist (dyads) or mincapdist (states), km between capitals; NULL where a capital is not listed."""
    table = "cow_capitals" if panel.system == "cow" else "gw_capitals"
    panel.require(table)
    code = panel.code
    caps = capital_years(panel.system)
    if panel.unit == "dyad":
        joins = f"LEFT JOIN ({caps}) cap ON cap.{code} = s.{code} AND cap.year = s.year"
        select = "cap.lat AS _cap_lat, cap.lng AS _cap_lng"
        dist = vincenty_km("a._cap_lat", "a._cap_lng", "b._cap_lat", "b._cap_lng")
        note = (
            "capdist: km between the capitals (each state's capital on the first day of the year; Vincenty's "
            "formula on geosphere's sphere, as peacesciencer); NULL where a capital is not listed (after 2024)."
        )
        return panel.extend_state(
            select, joins, [], "capital_distance", ["cow_states"], [note], [f"{dist} AS capdist"]
        )
    from realpolitik.panel.core import dyad_years

    first, last = panel.years
    dyads = dyad_years(panel.system, True, (first, last), panel.store)
    nearest = (
        f"SELECT d.{code}1 AS {code}, d.year, min({vincenty_km('a.lat', 'a.lng', 'b.lat', 'b.lng')}) AS mincapdist "
        f"FROM ({dyads.sql}) d JOIN ({caps}) a ON a.{code} = d.{code}1 AND a.year = d.year "
        f"JOIN ({caps}) b ON b.{code} = d.{code}2 AND b.year = d.year GROUP BY ALL"
    )
    joins = f"LEFT JOIN ({nearest}) mc ON mc.{code} = s.{code} AND mc.year = s.year"
    note = (
        "mincapdist: km from the state's capital to the closest capital of another state in the system that year "
        "(first day of the year; Vincenty on geosphere's sphere); NULL where capitals are not listed."
    )
    return panel.extend_state(
        "mc.mincapdist AS mincapdist",
        joins,
        ["mincapdist"],
        "capital_distance",
        ["cow_states"],
        [note],
    )
