"""Energy queries on OWID (Energy Institute + Shift) and BP: producer rankings and a country's series
with ranks. Plain rows from the store (no pandas), so `oil …` commands start as fast as `arms …`."""

from __future__ import annotations

from functools import lru_cache

from realpolitik.countries import Country
from realpolitik.errors import BadPeriod, UserError
from realpolitik.queries.common import country
from realpolitik.result import Result, Rows
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
        SELECT c.* EXCLUDE (ranked), CASE WHEN ranked AND value > 0  -- a zero is not ranked ('12 of 11')
                    THEN rank() OVER (PARTITION BY c.year, ranked AND value > 0 ORDER BY value DESC) END::INTEGER AS rank,
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
    n = store.rows(
        "SELECT countries FROM owid_energy_coverage WHERE indicator = ? AND year = ?",
        [indicator, year],
    )
    if not n.data:
        return None
    count = int(n.data[0][0])
    if indicator in {"oil_production", "gas_production"} and year > SHIFT_END:
        return (
            f"{year}: ranks are among the {count} countries the Energy Institute lists by name; "
            f"smaller producers sit in its 'Other …' aggregates (OWID's Shift series for every producer ends in {SHIFT_END})."
        )
    return f"{year}: {count} countries with data."


@lru_cache(maxsize=64)
def _span(indicator: str, store: Store) -> tuple[int, int]:
    """First and last year of an indicator (a snapshot is read-only: asked once per store)."""
    a, b = store.rows(
        f"SELECT min(year) AS a, max(year) AS b FROM {TABLE} WHERE indicator = ?", [indicator]
    ).data[0]
    return int(a), int(b)


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
    frame = store.rows(
        f"SELECT rank, entity AS country, id, value AS {unit}, share FROM ({_ranked_sql()}) "
        "WHERE year = $year AND rank IS NOT NULL AND value > 0 ORDER BY rank, country"
        + (f" LIMIT {int(limit)}" if limit else ""),
        {"indicator": indicator, "year": year, "lo": year, "hi": year, **_state_params()},
    )
    frame = _canonical_names(frame)
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


def _canonical_names(rows: Rows) -> Rows:
    """The resolver's names (Soviet Union, not OWID's 'USSR'), like every other table; OWID's where no id."""
    from realpolitik.countries import from_id

    i, j = rows.columns.index("country"), rows.columns.index("id")
    data = [r[:i] + ((from_id(r[j]).name if r[j] else r[i]),) + r[i + 1 :] for r in rows.data]
    return Rows(rows.columns, rows.types, data)


def _stateless(years: list[int], c: Country) -> str:
    """The years of a series in which c was not a member of the state system, as '1900–1947' (or 'n
    years in y0–y1' when not one run); empty when there are none or COW does not code c."""
    from realpolitik.asof import exists

    out = sorted(y for y in years if not exists(c.id, y))
    if not out:
        return ""
    span = str(out[0]) if len(out) == 1 else f"{out[0]}–{out[-1]}"
    return span if len(out) == out[-1] - out[0] + 1 else f"{len(out)} years in {span}"


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
    if lo == hi:  # one year (a rank): every country's row of that year is read once
        columns, types, by_id = _one_year(indicator, unit, lo, store)
        frame = Rows(columns, types, list(by_id.get(c.id, ())))
    else:
        frame = store.rows(
            f"SELECT year, value AS {unit}, rank, ranked_of, share FROM ({_ranked_sql()}) "
            "WHERE id = $id AND year BETWEEN $lo AND $hi ORDER BY year",
            {"indicator": indicator, "id": c.id, "lo": lo, "hi": hi, **_state_params()},
        )
    notes = [
        "rank: among the states that existed that year with a value > 0 (historical states included, successors "
        "only from their independence; empty for a zero); ranked_of = how many of them; share = country / OWID 'World' row.",
        f"OWID's per-country series for small producers (The Shift Data Portal) end in {SHIFT_END}; from 2017 ranks are among ~50 EI-listed countries.",
    ]
    years = set(frame.column("year"))
    asked = list(range(lo, hi + 1))
    if not frame.data:
        notes.insert(
            0,
            f"OWID has no {label} data for {c.name} in {lo if lo == hi else f'{lo}–{hi}'} "
            f"(coverage {first}–{last}).",
        )
        one_year = asked if start is not None and start == end else []
        frame = Rows(frame.columns, frame.types, [(y, None, None, None, None) for y in one_year])
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
    if stateless := _stateless([y for y, value, *_ in frame.data if value is not None], c):
        notes.insert(
            0,
            f"{c.name} was not a state in {stateless} (COW): OWID's values for those years are its "
            "territory's (OWID back-casts successor states' series into their predecessor's years); not ranked.",
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


@lru_cache(maxsize=64)
def _one_year(
    indicator: str, unit: str, year: int, store: Store
) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, tuple[tuple, ...]]]:
    """Every country's row (year, value, rank, ranked_of, share) of one year, by id: a brief ranks
    both sides in the same year, and the ranking is the same for every country of it."""
    r = store.rows(
        f"SELECT id, year, value AS {unit}, rank, ranked_of, share FROM ({_ranked_sql()}) "
        "WHERE year BETWEEN $lo AND $hi",
        {"indicator": indicator, "lo": year, "hi": year, **_state_params()},
    )
    by_id: dict[str, list[tuple]] = {}
    for row in r.data:
        by_id.setdefault(row[0], []).append(row[1:])
    return r.columns[1:], r.types[1:], {k: tuple(v) for k, v in by_id.items()}


def rank_in(
    who: str | Country, year: int, indicator: str = "oil_production", store: Store | None = None
) -> Result:
    """A country's single-year value, rank and share (null with a note when the year has no value)."""
    return production(who, indicator, year, year, store)


# --- BP Statistical Review (volumes in kb/d) -------------------------------------------------------

BP_TABLE = "bp_oil"
BP_DATASET = "bp_statistical_review"
BP_MEASURES = {  # measure -> (label, output column)
    "oil_production_kbd": ("oil production (crude, condensate and NGLs)", "kbd"),
    "oil_production_crude_kbd": ("crude oil and condensate production", "kbd"),
    "oil_production_mt": ("oil production", "mt"),
    "oil_consumption_kbd": ("oil consumption", "kbd"),
    "refinery_throughput_kbd": ("refinery throughput", "kbd"),
    "refining_capacity_kbd": ("refining capacity", "kbd"),
}
SOVIET_SUCCESSORS = frozenset(
    ("ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM",
     "UKR", "UZB")
)  # fmt: skip  # the 15 former Soviet republics: BP lists them from the year after its USSR row ends
VOLUME_OF = {"oil_production": "oil_production_kbd", "oil_consumption": "oil_consumption_kbd"}
"""OWID indicator -> the BP volume measure of the same thing (for `--measure kbd`)."""


def volume_measure(indicator: str) -> str:
    """The BP kb/d measure for an OWID indicator name (UserError if BP has no volume of it)."""
    if indicator not in VOLUME_OF:
        raise UserError(
            f"no kb/d volumes for {indicator!r}; --measure kbd works with {' or '.join(VOLUME_OF)}"
        )
    return VOLUME_OF[indicator]


def _bp_measure(measure: str) -> tuple[str, str]:
    if measure not in BP_MEASURES:
        raise UserError(f"unknown BP measure {measure!r}; use one of {', '.join(BP_MEASURES)}")
    return BP_MEASURES[measure]


def _bp_ranked_sql() -> str:
    """Every entity-year of a BP measure with its rank among countries and historical states (the
    USSR before its successors) and its share of BP's World row."""
    return f"""
        WITH c AS (
            SELECT entity, id, name, kind, year, value FROM {BP_TABLE}
            WHERE indicator = $measure AND value IS NOT NULL
        ), w AS (
            SELECT year, value AS world FROM {BP_TABLE}
            WHERE indicator = $measure AND entity = 'World'
        )
        SELECT c.*,
               CASE WHEN kind <> 'aggregate' THEN rank() OVER (
                   PARTITION BY c.year, kind <> 'aggregate' ORDER BY value DESC) END::INTEGER AS rank,
               count(*) FILTER (WHERE kind <> 'aggregate' AND value > 0)
                   OVER (PARTITION BY c.year)::INTEGER AS ranked_of,
               value / w.world AS share
        FROM c LEFT JOIN w USING (year)
    """


def _bp_span(measure: str, store: Store) -> tuple[int, int]:
    a, b = store.rows(
        f"SELECT min(year) AS a, max(year) AS b FROM {BP_TABLE} WHERE indicator = ?", [measure]
    ).data[0]
    return int(a), int(b)


def _ussr_note(measure: str, store: Store) -> str:
    last = store.rows(
        f"SELECT max(year) AS y FROM {BP_TABLE} WHERE indicator = ? AND id = 'SUN'", [measure]
    ).data[0][0]
    if last is None:
        return ""
    return f"BP lists the Soviet Union until {int(last)} and its successor states from {int(last) + 1}."


def producers_by_volume(
    year: int | None = None,
    limit: int | None = None,
    measure: str = "oil_production_kbd",
    store: Store | None = None,
) -> Result:
    """Countries (and historical states such as the USSR) ranked by a BP volume in a year, in kb/d
    by default, with their share of BP's World total (latest year by default)."""
    store = store or get_store()
    label, unit = _bp_measure(measure)
    first, last = _bp_span(measure, store)
    year = last if year is None else year
    if not first <= year <= last:
        raise BadPeriod(f"{year} is outside the coverage of BP {label} ({first}–{last})")
    frame = store.rows(
        f"SELECT rank, name AS country, id, value AS {unit}, share, ranked_of FROM ({_bp_ranked_sql()}) "
        "WHERE year = $year AND kind <> 'aggregate' AND value > 0 ORDER BY rank, country"
        + (f" LIMIT {int(limit)}" if limit else ""),
        {"measure": measure, "year": year},
    )
    n = int(frame.data[0][-1]) if frame.data else 0
    notes = [
        f"Ranks are among the {n} countries BP lists by name in {year} (BP puts smaller ones in "
        f"regional 'Other' totals); share = country / BP's World row ({label}, {year}).",
        "kb/d = thousand barrels per day, as BP publishes it; volumes, not energy content "
        "(`oil producers` without --measure ranks by TWh)."
        if unit == "kbd"
        else "",
        _ussr_note(measure, store) if year <= 1991 else "",
    ]
    title = f"{label[0].upper()}{label[1:]} by country, {year} (BP)"
    query = {"command": "oil producers", "measure": measure, "year": year, "limit": limit}
    shown = Rows(frame.columns[:-1], frame.types[:-1], [r[:-1] for r in frame.data])  # no ranked_of
    return Result(
        shown,
        query,
        [store.source(BP_DATASET)],
        [n for n in notes if n],
        title,
    )


def production_by_volume(
    who: str | Country,
    start: int | None = None,
    end: int | None = None,
    measure: str = "oil_production_kbd",
    store: Store | None = None,
) -> Result:
    """A country's BP series (kb/d by default) with its rank among BP's countries and its share of
    BP's World row each year; one year (start == end) is its rank that year."""
    store = store or get_store()
    c = country(who)
    label, unit = _bp_measure(measure)
    first, last = _bp_span(measure, store)
    lo, hi = start if start is not None else first, end if end is not None else last
    if lo > hi:
        raise BadPeriod(f"--from {lo} is after --to {hi}")
    if hi < first or lo > last:
        raise BadPeriod(f"{lo}–{hi} is outside the coverage of BP {label} ({first}–{last})")
    frame = store.rows(
        f"SELECT year, value AS {unit}, rank, ranked_of, share FROM ({_bp_ranked_sql()}) "
        "WHERE id = $id AND year BETWEEN $lo AND $hi ORDER BY year",
        {"measure": measure, "id": c.id, "lo": lo, "hi": hi},
    )
    notes = [
        "rank: among the countries BP lists by name that year (ranked_of of them with a value > 0); "
        "share = country / BP's World row."
    ]
    years = set(frame.column("year"))
    if not years:
        notes.insert(0, f"BP reports no {label} for {c.name} in {lo}–{hi}.")
    elif min(years) > max(lo, first):
        notes.insert(0, f"BP's {label} series for {c.name} starts in {min(years)}.")
    if c.id == "SUN" or (c.id in SOVIET_SUCCESSORS and lo <= 1991):
        notes.append(_ussr_note(measure, store))
    title = f"{label[0].upper()}{label[1:]} of {c.name} (BP)"
    query = {"command": "oil production", "country": c.id, "measure": measure, "from": lo, "to": hi}
    return Result(frame, query, [store.source(BP_DATASET)], [n for n in notes if n], title)


def refinery_throughput(
    who: str | Country,
    start: int | None = None,
    end: int | None = None,
    store: Store | None = None,
) -> Result:
    """A country's refinery throughput by year, beside its refining capacity, oil consumption and
    production (BP, kb/d): how much crude its refineries ran, to set against recorded crude imports."""
    store = store or get_store()
    c = country(who)
    first, last = store.coverage(BP_TABLE)
    lo, hi = start if start is not None else first, end if end is not None else last
    if lo > hi:
        raise BadPeriod(f"--from {lo} is after --to {hi}")
    if hi < first or lo > last:
        raise BadPeriod(
            f"{lo}–{hi} is outside the coverage of BP's Statistical Review ({first}–{last})"
        )
    measures = ["refinery_throughput_kbd", "refining_capacity_kbd", "oil_consumption_kbd",
                "oil_production_kbd"]  # fmt: skip
    frame = store.rows(
        f"""
        SELECT year,
               max(value) FILTER (WHERE indicator = 'refinery_throughput_kbd') AS throughput_kbd,
               max(value) FILTER (WHERE indicator = 'refining_capacity_kbd') AS capacity_kbd,
               max(value) FILTER (WHERE indicator = 'oil_consumption_kbd') AS consumption_kbd,
               max(value) FILTER (WHERE indicator = 'oil_production_kbd') AS production_kbd
        FROM {BP_TABLE}
        WHERE id = ? AND year BETWEEN ? AND ? AND indicator IN (SELECT unnest(?))
        GROUP BY year HAVING throughput_kbd IS NOT NULL ORDER BY year
        """,
        [c.id, lo, hi, measures],
    )
    notes = [
        "Refinery throughput = crude oil run through the country's refineries (BP, thousand barrels "
        "per day); a bilateral trade source that records less crude than this covers only part of "
        "the intake. Empty = BP reports no figure (not zero)."
    ]
    if not frame.data:
        notes.insert(0, f"BP reports no refinery throughput for {c.name} in {lo}–{hi}.")
    query = {"command": "oil refining", "country": c.id, "from": lo, "to": hi}
    return Result(
        frame, query, [store.source(BP_DATASET)], notes, f"Refinery throughput of {c.name} (BP)"
    )
