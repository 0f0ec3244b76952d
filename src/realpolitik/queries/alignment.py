"""Alignment and regime queries: UN General Assembly ideal-point distances and democracy scores by year."""

from __future__ import annotations

import pandas as pd

from realpolitik.countries import Country
from realpolitik.errors import DataMissing
from realpolitik.periods import Period
from realpolitik.queries.common import as_period, country, pair
from realpolitik.result import Result
from realpolitik.store import get_store


def cow_code(c: Country) -> int:
    """The COW ccode of a country, or a clear error when it is not a COW state."""
    if c.cow is None:
        raise DataMissing(
            f"{c.name} has no Correlates of War code: no COW/peace-science data for it"
        )
    return int(c.cow)


def shared_code_note(c: Country) -> list[str]:
    """A note when the state's COW code also stands for another resolver id (e.g. 365: Soviet Union and Russia)."""
    if c.cow is None or not get_store().has_table("cw_democracy"):
        return []
    ids = get_store().sql(
        "SELECT id, count(*) AS n FROM cw_democracy WHERE ccode = ? AND id IS NOT NULL "
        "GROUP BY id ORDER BY min(year)",
        [int(c.cow)],
    )
    if len(ids) < 2:
        return []
    return [
        f"COW code {c.cow} stands for {' and '.join(ids['id'])} in different years: "
        "COW-based data treat them as one state."
    ]


def _period(period: Period | tuple[int, int] | int | None) -> Period | None:
    return None if period is None else as_period(period)


def ideal_point_distance(
    a: str | Country, b: str | Country, period: Period | tuple[int, int] | int | None = None
) -> Result:
    """Yearly UNGA ideal points of A and B (idealpointfp) and their absolute distance: how far apart they vote."""
    ca, cb = pair(a, b)
    store = get_store()
    first, last = store.coverage("unga_idealpoints")
    p = _period(period)
    lo, hi = (p.start, p.end) if p else (first, last)
    frame = store.sql(
        """
        SELECT coalesce(x.year, y.year)::INT AS year, x.idealpointfp AS idealpoint_a, y.idealpointfp AS idealpoint_b,
               abs(x.idealpointfp - y.idealpointfp) AS distance
        FROM (SELECT year, idealpointfp FROM unga_idealpoints WHERE ccode = ?) x
        FULL JOIN (SELECT year, idealpointfp FROM unga_idealpoints WHERE ccode = ?) y ON x.year = y.year
        WHERE coalesce(x.year, y.year) BETWEEN ? AND ?
        ORDER BY year
        """,
        [cow_code(ca), cow_code(cb), lo, hi],
    )
    notes = [
        "Ideal points: Bailey–Strezhnev–Voeten idealpointfp (present in every year; idealpointall is empty in "
        f"{last}); distance = |A − B| in the same year, larger = more dissimilar voting."
    ]
    if frame.empty or frame["distance"].isna().all():
        notes.append(
            f"No year with ideal points for both {ca.name} and {cb.name} in {lo}–{hi} (data cover {first}–{last})."
        )
    if p and (p.end > last or p.start < first):
        notes.append(f"UN ideal points cover {first}–{last}: years outside are not in the data.")
    query = {"command": "alignment", "a": ca.id, "b": cb.id, "from": lo, "to": hi}
    return Result(
        frame,
        query,
        [store.source("unga_idealpoints")],
        notes,
        title=f"UN ideal-point distance: {ca.name}–{cb.name}",
    )


def regime(c: str | Country, period: Period | tuple[int, int] | int | None = None) -> Result:
    """Yearly democracy scores of a state: V-Dem polyarchy, Polity polity2, extended UDS (isard)."""
    cc = country(c)
    store = get_store()
    first, last = store.coverage("cw_democracy")
    p = _period(period)
    lo, hi = (p.start, p.end) if p else (first, last)
    frame = store.sql(
        "SELECT year::INT AS year, v2x_polyarchy, polity2, euds, aeuds FROM cw_democracy "
        "WHERE ccode = ? AND year BETWEEN ? AND ? ORDER BY year",
        [cow_code(cc), lo, hi],
    )
    notes = [
        "polity2 (Polity5) ends in 2018; v2x_polyarchy follows isard's V-Dem release; missing = not published."
    ]
    if frame.empty:
        notes.append(
            f"No democracy scores for {cc.name} in {lo}–{hi} (data cover {first}–{last}; state-years only)."
        )
    query = {"command": "regime", "country": cc.id, "from": lo, "to": hi}
    return Result(
        frame, query, [store.source("isard_democracy")], notes, title=f"Regime scores: {cc.name}"
    )


def yearly_pair(a: Country, b: Country) -> pd.DataFrame:
    """CINC, democracy and UN ideal points of A and B by year, with the CINC ratio and ideal-point distance."""
    store = get_store()
    return store.sql(
        """
        WITH y AS (
            SELECT year FROM cow_nmc WHERE ccode IN (?, ?)
            UNION SELECT year FROM cw_democracy WHERE ccode IN (?, ?)
            UNION SELECT year FROM unga_idealpoints WHERE ccode IN (?, ?))
        SELECT y.year::INT AS year, na.cinc AS cinc_a, nb.cinc AS cinc_b,
               na.cinc / nullif(nb.cinc, 0) AS cinc_ratio,
               da.v2x_polyarchy AS v2x_polyarchy_a, db.v2x_polyarchy AS v2x_polyarchy_b,
               da.polity2 AS polity2_a, db.polity2 AS polity2_b,
               ua.idealpointfp AS idealpoint_a, ub.idealpointfp AS idealpoint_b,
               abs(ua.idealpointfp - ub.idealpointfp) AS ideal_distance
        FROM y
        LEFT JOIN cow_nmc na ON na.ccode = ? AND na.year = y.year
        LEFT JOIN cow_nmc nb ON nb.ccode = ? AND nb.year = y.year
        LEFT JOIN cw_democracy da ON da.ccode = ? AND da.year = y.year
        LEFT JOIN cw_democracy db ON db.ccode = ? AND db.year = y.year
        LEFT JOIN unga_idealpoints ua ON ua.ccode = ? AND ua.year = y.year
        LEFT JOIN unga_idealpoints ub ON ub.ccode = ? AND ub.year = y.year
        WHERE (na.cinc IS NOT NULL OR da.year IS NOT NULL OR ua.year IS NOT NULL)
          AND (nb.cinc IS NOT NULL OR db.year IS NOT NULL OR ub.year IS NOT NULL)
        ORDER BY year
        """,
        [cow_code(a), cow_code(b)] * 3 + [cow_code(a), cow_code(b)] * 3,
    )
