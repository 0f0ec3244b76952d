"""Energy queries on OWID (Energy Institute + Shift): producer rankings and a country's series with ranks."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from realpolitik.countries import Country
from realpolitik.errors import BadPeriod, UserError
from realpolitik.queries.common import country
from realpolitik.result import Result
from realpolitik.store import Store, get_store

TABLE = "owid_energy"
DATASET = "owid_energy"
INDICATORS = {
    "oil_production": ("oil production", "twh"),
    "gas_production": ("gas production", "twh"),
    "oil_consumption": ("oil consumption", "twh"),
    "oil_reserves": ("proved oil reserves", "tonnes"),
}
SHIFT_END = 2016


def _check(indicator: str) -> tuple[str, str]:
    if indicator not in INDICATORS:
        raise UserError(f"unknown indicator {indicator!r}; use one of {', '.join(INDICATORS)}")
    return INDICATORS[indicator]


def _ranked_sql() -> str:
    """Every country-year of an indicator with its rank among the states that existed that year (ISO3
    countries and historical states such as the USSR; Russia or Azerbaijan not before 1992/1991, while
    the Soviet Union's own row counts) and its share of the World row, for the years $lo..$hi (ranks are
    per year: other years need not be read). Needs `_state_params()`."""
    return f"""
        WITH p AS (SELECT unnest($pid) AS id, unnest($py0) AS y0, unnest($py1) AS y1),
        c AS (
            SELECT id, entity, code, kind, year, value,
                   kind IN ('country', 'state') AND (id NOT IN (SELECT id FROM p)
                       OR EXISTS (SELECT 1 FROM p WHERE p.id = t.id AND t.year BETWEEN p.y0 AND p.y1)) AS ranked
            FROM {TABLE} t WHERE indicator = $indicator AND value IS NOT NULL AND year BETWEEN $lo AND $hi
        ), w AS (
            SELECT year, value AS world FROM owid_energy_aggregates
            WHERE indicator = $indicator AND code = 'OWID_WRL'
        )
        SELECT c.* EXCLUDE (ranked), CASE WHEN ranked
                    THEN rank() OVER (PARTITION BY c.year, ranked ORDER BY value DESC) END::INTEGER AS rank,
               count(*) FILTER (WHERE ranked AND value > 0) OVER (PARTITION BY c.year)::INTEGER AS ranked_of,
               value / w.world AS share, w.world
        FROM c LEFT JOIN w USING (year)
    """


def _state_params() -> dict[str, list]:
    """The state-system periods `_ranked_sql` ranks by (realpolitik.asof.state_years)."""
    from realpolitik.asof import state_years

    rows = state_years()
    return {"pid": [r[0] for r in rows], "py0": [r[1] for r in rows], "py1": [r[2] for r in rows]}


def coverage_note(indicator: str, year: int, store: Store) -> str | None:
    """Say how many countries are ranked in a year and why that number falls after 2016."""
    n = store.sql(
        "SELECT countries FROM owid_energy_coverage WHERE indicator = ? AND year = ?",
        [indicator, year],
    )
    if n.empty:
        return None
    count = int(n["countries"].iloc[0])
    if indicator in {"oil_production", "gas_production"} and year > SHIFT_END:
        return (
            f"{year}: ranks are among the {count} countries the Energy Institute lists by name; "
            f"smaller producers sit in its 'Other …' aggregates (OWID's Shift series for every producer ends in {SHIFT_END})."
        )
    return f"{year}: {count} countries with data."


@lru_cache(maxsize=64)
def _span(indicator: str, store: Store) -> tuple[int, int]:
    """First and last year of an indicator (a snapshot is read-only: asked once per store)."""
    row = store.sql(
        f"SELECT min(year) AS a, max(year) AS b FROM {TABLE} WHERE indicator = ?", [indicator]
    )
    return int(row["a"].iloc[0]), int(row["b"].iloc[0])


def producers(
    year: int | None = None,
    indicator: str = "oil_production",
    limit: int | None = None,
    store: Store | None = None,
) -> Result:
    """Countries ranked by an OWID indicator in a year, with the share of the World total."""
    store = store or get_store()
    label, unit = _check(indicator)
    first, last = _span(indicator, store)
    year = last if year is None else year
    if not first <= year <= last:
        raise BadPeriod(f"{year} is outside the coverage of OWID {label} ({first}–{last})")
    frame = store.sql(
        f"SELECT rank, entity AS country, id, value AS {unit}, share FROM ({_ranked_sql()}) "
        "WHERE year = $year AND rank IS NOT NULL AND value > 0 ORDER BY rank, country"
        + (f" LIMIT {int(limit)}" if limit else ""),
        {"indicator": indicator, "year": year, "lo": year, "hi": year, **_state_params()},
    )
    notes = [
        f"Ranks are among the states that existed in {year}, historical states included (the USSR to 1991; "
        f"its successors from their independence); regions and '(EI)'/'(Shift)' aggregates are not ranked; "
        f"share = country / OWID 'World' row ({label}, {year}).",
    ]
    cov = coverage_note(indicator, year, store)
    if cov:
        notes.append(cov)
    if unit == "twh":
        notes.append("TWh of primary energy (Energy Institute exajoules × 277.8), not barrels.")
    title = f"{label.capitalize()} by country, {year}"
    query = {"command": "oil producers", "indicator": indicator, "year": year}
    return Result(frame, query, [store.source(DATASET)], notes, title)


def production(
    who: str | Country,
    indicator: str = "oil_production",
    start: int | None = None,
    end: int | None = None,
    store: Store | None = None,
) -> Result:
    """A country's series of an OWID indicator with its rank and share of world each year."""
    store = store or get_store()
    c = country(who)
    label, unit = _check(indicator)
    first, last = _span(indicator, store)
    lo, hi = start if start is not None else first, end if end is not None else last
    if lo > hi:
        raise BadPeriod(f"--from {lo} is after --to {hi}")
    frame = store.sql(
        f"SELECT year, value AS {unit}, rank, ranked_of, share FROM ({_ranked_sql()}) "
        "WHERE id = $id AND year BETWEEN $lo AND $hi ORDER BY year",
        {"indicator": indicator, "id": c.id, "lo": lo, "hi": hi, **_state_params()},
    )
    notes = [
        "rank: among the states that existed that year (historical states included, successors only from "
        "their independence); ranked_of = how many of them have a value > 0; share = country / OWID 'World' row.",
        f"OWID's per-country series for small producers (The Shift Data Portal) end in {SHIFT_END}; from 2017 ranks are among ~50 EI-listed countries.",
    ]
    years = set(frame["year"].tolist())
    asked = list(range(lo, hi + 1))
    if frame.empty:
        notes.insert(
            0,
            f"OWID has no {label} data for {c.name} in {lo if lo == hi else f'{lo}–{hi}'} "
            f"(coverage {first}–{last}).",
        )
        frame = pd.DataFrame(
            {
                "year": asked if start is not None and start == end else [],
                unit: None,
                "rank": None,
                "ranked_of": None,
                "share": None,
            }
        )
    elif start is not None and start == end and start not in years:
        notes.insert(0, f"OWID has no {label} data for {c.name} in {start}.")
    else:
        gaps = [y for y in asked if y not in years and first <= y <= last and y >= min(years)]
        if gaps and len(gaps) <= 10:
            notes.append(f"No value for {c.name} in: {', '.join(map(str, gaps))}.")
        elif gaps:
            notes.append(f"No value for {c.name} in {len(gaps)} of the years {min(years)}–{hi}.")
        if max(years) < min(hi, last):
            notes.append(
                f"{c.name}'s series ends in {max(years)} (not listed separately by the Energy Institute)."
            )
    if not frame.empty and frame["rank"].isna().any() and frame[unit].notna().any():
        unranked = frame[frame["rank"].isna() & frame[unit].notna()]["year"]
        y0, y1 = int(unranked.min()), int(unranked.max())
        notes.insert(
            0,
            f"{c.name} is not ranked in {y0 if y0 == y1 else f'{y0}–{y1}'}: it was not a state then "
            "(OWID back-casts successor states' series into their predecessor's years).",
        )
    title = f"{label.capitalize()} of {c.name}"
    query = {
        "command": "oil production",
        "country": c.id,
        "indicator": indicator,
        "from": lo,
        "to": hi,
    }
    return Result(frame, query, [store.source(DATASET)], notes, title)


def rank_in(
    who: str | Country, year: int, indicator: str = "oil_production", store: Store | None = None
) -> Result:
    """A country's single-year value, rank and share (null with a note when the year has no value)."""
    return production(who, indicator, year, year, store)
