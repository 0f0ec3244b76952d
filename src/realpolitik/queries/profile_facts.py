"""The Factbook part of a country profile: population, GDP, government type, religions, petroleum, partners."""

from __future__ import annotations

from functools import cache

import pandas as pd

from realpolitik.countries import Country
from realpolitik.queries.common import country
from realpolitik.result import Result
from realpolitik.store import Store, get_store

DATASET = "factbook"

# (field label, numeric column or None, text column, year column or None)
FIELDS = [
    ("government type", None, "government_type", None),
    ("population", "population", "population_text", "population_year"),
    ("GDP (official exchange rate, US$)", "gdp_usd", "gdp_text", "gdp_year"),
    ("real GDP (PPP)", None, "gdp_ppp_text", None),
    ("real GDP per capita (PPP)", None, "gdp_per_capita_ppp_text", None),
    ("exports (goods and services)", None, "exports_text", None),
    ("imports (goods and services)", None, "imports_text", None),
    (
        "petroleum production (bbl/day)",
        "oil_production_bbl_day",
        "oil_production_text",
        "oil_production_year",
    ),
    ("crude oil reserves (bbl)", "crude_reserves_bbl", "crude_reserves_text", None),
    ("natural gas production", None, "gas_production_text", None),
    ("land boundaries (km)", "land_boundaries_km", "borders_text", None),
    ("religions", None, "religions_text", None),
    ("export partners (top 5)", None, "exports_partners_text", None),
    ("import partners (top 5)", None, "imports_partners_text", None),
]


def edition_year(store: Store | None = None) -> int | None:
    """The year the snapshot's Factbook edition describes: the year of most of its top-5 partner lists
    (one edition, final 2026, figures mostly 2023). Facts without their own year date from it; an as-of
    date before its end sees no Factbook edition (`realpolitik.asof.usable`). None without a Factbook."""
    store = store or get_store()
    return _edition_year(store)


@cache
def _edition_year(store: Store) -> int | None:
    if not store.has_table("factbook_partners"):
        return None
    r = store.sql("SELECT mode(year)::INTEGER AS y FROM factbook_partners WHERE year IS NOT NULL")
    return None if r.empty or pd.isna(r["y"].iloc[0]) else int(r["y"].iloc[0])


def _year_of(text: object) -> int | None:
    from realpolitik.sources.factbook import year_of

    return year_of(text) if isinstance(text, str) else None


def profile_facts(who: str | Country, store: Store | None = None) -> Result:
    """One row per Factbook fact of a country: field, number (when parseable), text as published, year."""
    store = store or get_store()
    c = country(who)
    rec = store.sql("SELECT * FROM factbook_profiles WHERE id = ? LIMIT 1", [c.id])
    query = {"command": "profile facts", "country": c.id}
    cols = ["field", "value", "text", "year"]
    if rec.empty:
        frame = pd.DataFrame(columns=cols)
        notes = [f"The CIA World Factbook has no profile for {c.name}."]
        return Result(frame, query, [store.source(DATASET)], notes, f"Factbook facts: {c.name}")
    row = rec.iloc[0]
    rows = []
    for label, num, text, year in FIELDS:
        t = row.get(text)
        if t is None or (isinstance(t, float) and pd.isna(t)):
            continue
        v = row.get(num) if num else None
        y = row.get(year) if year else _year_of(t)
        rows.append(
            {
                "field": label,
                "value": None if v is None or pd.isna(v) else float(v),
                "text": t,
                "year": None if y is None or pd.isna(y) else int(y),
            }
        )
    frame = pd.DataFrame(rows, columns=cols).astype({"year": "Int64"})
    notes = [
        "CIA World Factbook, final edition (2026); each figure's year is the one the Factbook gives for it.",
    ]
    return Result(frame, query, [store.source(DATASET)], notes, f"Factbook facts: {c.name}")


def religions(who: str | Country, store: Store | None = None) -> Result:
    """Religious composition as the Factbook gives it, largest first: religion, share (fraction; null for
    ranges and '<x%'), share_text as published, share_low/share_high (the range it lies in), detail."""
    store = store or get_store()
    c = country(who)
    frame = store.sql(
        "SELECT religion, share, share_text, share_low, share_high, detail, year FROM factbook_religions "
        'WHERE id = ? ORDER BY (share_low + share_high) / 2 DESC NULLS LAST, "order"',
        [c.id],
    )
    notes = [
        "Shares as published (fractions 0–1), largest first (a range by its midpoint); ranges ('81–90%') and "
        "'<1%'-type entries have share null, keep share_text and give share_low/share_high."
    ]
    if not frame.empty and frame["share_low"].isna().all():
        notes.append(f"The Factbook lists {c.name}'s religions without percentages.")
    if frame.empty:
        notes.insert(0, f"The Factbook gives no religion breakdown for {c.name}.")
    query = {"command": "profile religions", "country": c.id}
    return Result(frame, query, [store.source(DATASET)], notes, f"Religions: {c.name}")


def government_type(who: str | Country, store: Store | None = None) -> str | None:
    """The Factbook's government type text (e.g. 'presidential republic'), or None."""
    return _government_type(country(who).id, store or get_store())


@cache
def _government_type(cid: str, store: Store) -> str | None:
    r = store.sql("SELECT government_type FROM factbook_profiles WHERE id = ? LIMIT 1", [cid])
    return None if r.empty else r["government_type"].iloc[0]
