"""Geography queries: land borders (CIA Factbook km), COW contiguity (land and sea) and minimum distance."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from realpolitik.countries import Country
from realpolitik.periods import Period
from realpolitik.queries.common import country, cow_periods, pair, within
from realpolitik.result import Result, Source
from realpolitik.store import Store, get_store

CONTIGUITY = {
    1: "land or river",
    2: "sea ≤ 12 miles",
    3: "sea ≤ 24 miles",
    4: "sea ≤ 150 miles",
    5: "sea ≤ 400 miles",
}
CONTIGUITY_SQL = (
    "CASE " + " ".join(f"WHEN {{col}} = {k} THEN '{v}'" for k, v in CONTIGUITY.items()) + " END"
)


def _sources(store: Store, datasets: list[str]) -> list[Source]:
    return [store.source(d) for d in datasets if d in store.manifests]


def _cow_key(c: Country, side: str) -> tuple[str, object]:
    """SQL condition and parameter picking a state in a COW table (native ccode when known)."""
    if getattr(c, "cow", None) is not None:
        return f"ccode{side} = ?", int(c.cow)  # type: ignore[arg-type]
    return f"id{side} = ?", c.id


def factbook_borders(c: Country, store: Store) -> pd.DataFrame:
    """Land neighbours of c in the Factbook, km summed over segments (e.g. China (south)+(southeast))."""
    return _factbook_borders(c, store).copy()


@lru_cache(maxsize=1024)
def _factbook_borders(c: Country, store: Store) -> pd.DataFrame:
    """The Factbook is one static edition per store: read each country's borders once."""
    return store.sql(
        """
        SELECT coalesce(neighbour_id, neighbour) AS key, any_value(neighbour_id) AS neighbour_id,
               any_value(neighbour) AS factbook_name, sum(km ORDER BY km) AS km,
               nullif(string_agg(CASE WHEN count_segments > 1 OR note IS NOT NULL
                       THEN neighbour || ' ' || km || ' km' || coalesce(' (' || note || ')', '') END, '; '), '') AS detail
        FROM (SELECT *, count(*) OVER (PARTITION BY coalesce(neighbour_id, neighbour)) AS count_segments
              FROM factbook_borders WHERE id = ?)
        GROUP BY 1
        """,
        [c.id],
    )


def cow_contiguity(
    c: Country, store: Store, year: int | None = None, current: bool = False
) -> pd.DataFrame:
    """COW direct-contiguity partners of c, one spell per partner (type, first and last year).

    year: spells covering that year; current: only spells reaching c's last coded year (drops
    e.g. Japan–Korea 1887–1905); otherwise the latest spell of every partner ever contiguous.
    """
    if not store.has_table("cow_contdir"):
        return pd.DataFrame(columns=["neighbour_id", "ccode", "conttype", "cow_from", "cow_to"])
    cond, param = _cow_key(c, "1")
    extra, params = "", [param]
    if year is not None:
        extra, params = "AND styear <= ? AND endyear >= ?", [param, year, year]
    periods = cow_periods(c)  # a shared COW code (365) counts only in c's own years
    if periods:
        extra += " AND (" + " OR ".join("(styear <= ? AND endyear >= ?)" for _ in periods) + ")"
        params += [y for first, last in periods for y in (last, first)]
    frame = store.sql(
        f"""
        SELECT id2 AS neighbour_id, ccode2 AS ccode, conttype, styear AS cow_from, endyear AS cow_to
        FROM cow_contdir WHERE {cond} AND conttype BETWEEN 1 AND 5 {extra}
        QUALIFY row_number() OVER (PARTITION BY ccode2 ORDER BY enddate DESC, conttype) = 1
        """,
        params,
    )
    if periods and not frame.empty:  # clip spells to c's own years
        first = min(p[0] for p in periods)
        last = max(p[1] for p in periods)
        frame["cow_from"] = frame["cow_from"].clip(lower=first)
        frame["cow_to"] = frame["cow_to"].clip(upper=last)
    if current and year is None and not frame.empty:
        frame = frame[frame["cow_to"] == frame["cow_to"].max()]
    # peacesciencer's copy also holds conttype 0 spells (no direct contiguity); they are left out
    return frame.reset_index(drop=True)


def _display_names(ids: pd.Series, fallback: pd.Series) -> pd.Series:
    """Resolver names for ids (one lookup per distinct id), else the fallback text."""
    from realpolitik.countries import try_resolve

    names = {}
    for i in ids.dropna().unique():
        found = try_resolve(str(i))
        names[i] = found.name if found is not None else None
    out = ids.map(names)
    return out.where(out.notna(), fallback)


def borders(who: str | Country, year: int | None = None, store: Store | None = None) -> Result:
    """Neighbours of a country: Factbook land border km and COW contiguity type (land or sea) per neighbour.

    Without a year: current neighbours (COW spells reaching the country's last coded year, to 2016).
    With a year: COW contiguity in that year (the Factbook km are today's borders either way).
    """
    store = store or get_store()
    c = country(who)
    if year is not None:  # the km are today's; a year asks for COW contiguity, which has coverage
        within(store, "cow_contdir", Period(year, year), "COW Direct Contiguity")
    asked = year
    if year is None and getattr(c, "end", None):
        year = int(c.end)  # a historical state: its neighbours in its last year
    fb = factbook_borders(c, store)
    cow = cow_contiguity(c, store, year=year, current=True)
    fb["key"] = fb["neighbour_id"].where(fb["neighbour_id"].notna(), fb["key"])
    cow["key"] = cow["neighbour_id"].where(
        cow["neighbour_id"].notna(), "COW:" + cow["ccode"].astype(str)
    )
    merged = fb.merge(cow.drop(columns=["neighbour_id"]), on="key", how="outer")
    merged["neighbour_id"] = merged["neighbour_id"].where(
        merged["neighbour_id"].notna(),
        merged["key"].where(~merged["key"].astype(str).str.startswith("COW:")),
    )
    merged["neighbour"] = _display_names(
        merged["neighbour_id"], merged["factbook_name"].fillna(merged["key"])
    )
    merged["contiguity"] = merged["conttype"].map(CONTIGUITY)
    merged["conttype"] = merged["conttype"].astype("Int64")
    merged["cow_from"] = merged["cow_from"].astype("Int64")
    merged["cow_to"] = merged["cow_to"].astype("Int64")
    frame = merged.sort_values(
        ["km", "conttype", "neighbour"], ascending=[False, True, True], na_position="last"
    )[
        [
            "neighbour",
            "neighbour_id",
            "km",
            "conttype",
            "contiguity",
            "cow_from",
            "cow_to",
            "detail",
        ]
    ].reset_index(drop=True)
    notes = [
        "km: land boundary length from the CIA World Factbook (final 2026 edition); "
        "conttype: COW Direct Contiguity v3.2 (1 land/river; 2–5 separated by ≤ 12/24/150/400 miles of sea), "
        + (f"spells covering {year}." if year is not None else "current spells (coded to 2016)."),
    ]
    if frame.empty:
        notes.insert(
            0,
            f"No land border in the Factbook and no COW contiguity recorded for {c.name}"
            + (f" in {year}." if year is not None else "."),
        )
    elif frame["km"].isna().all():
        notes.insert(0, f"{c.name} has no land border in the Factbook (sea contiguity only).")
    missing_fb = frame[frame["km"].isna() & (frame["conttype"] == 1)]["neighbour"].tolist()
    if missing_fb:
        notes.append(
            "COW codes land contiguity without a Factbook km figure for: "
            + ", ".join(map(str, missing_fb))
            + "."
        )
    if asked is None and year is not None:
        notes.append(f"{c.name} ended in {year}: COW contiguity as coded in that year.")
    query = {"command": "borders", "country": c.id, "year": asked}
    return Result(
        frame, query, _sources(store, ["factbook", "cow_contdir"]), notes, f"Borders of {c.name}"
    )


def _min_distance(
    a: Country, b: Country, store: Store, year: int | None = None
) -> tuple[float | None, int | None]:
    """Latest CShapes minimum distance (km) between a and b up to `year`, in whichever order the table
    holds them."""
    if not store.has_table("cow_mindist"):
        return None, None
    # ids, not COW codes: they are year-aware (COW 365 is the Soviet Union to 1991, Russia after)
    pairs = [(a.id, b.id), (b.id, a.id)]
    if (getattr(b, "cow", None) or 0) < (getattr(a, "cow", None) or 0):
        pairs.reverse()  # CShapes holds ccode1 < ccode2: the lower code's order first, one lookup
    cond = "id1 = ? AND id2 = ? AND year <= ?"
    for p1, p2 in pairs:  # one indexed-style lookup per order is much faster than an OR
        row = store.sql(
            f"SELECT mindist, year FROM cow_mindist WHERE {cond} ORDER BY year DESC LIMIT 1",
            [p1, p2, 9999 if year is None else year],
        )
        if not row.empty:
            return float(row["mindist"].iloc[0]), int(row["year"].iloc[0])
    return None, None


def border(
    a: str | Country,
    b: str | Country,
    store: Store | None = None,
    year: int | None = None,
    factbook: bool = True,
) -> Result:
    """The border between two countries: km (Factbook), COW contiguity type and years, minimum distance.

    `year`: as known in that year (COW contiguity spells that began by then, the latest distance up to
    it); `factbook=False` leaves the Factbook km out (a brief as of a date before its edition)."""
    store = store or get_store()
    ca, cb = pair(a, b)
    fa = factbook_borders(ca, store) if factbook else pd.DataFrame(columns=["neighbour_id", "km"])
    fb = factbook_borders(cb, store) if factbook else pd.DataFrame(columns=["neighbour_id", "km"])
    km_a = fa.loc[fa["neighbour_id"] == cb.id, "km"]
    km_b = fb.loc[fb["neighbour_id"] == ca.id, "km"]
    km = float(km_a.iloc[0]) if len(km_a) else (float(km_b.iloc[0]) if len(km_b) else None)
    spells = cow_contiguity(ca, store)
    if year is not None and len(spells):  # spells known by `year`, their end cut there
        spells = spells[spells["cow_from"] <= year].assign(
            cow_to=lambda f: f["cow_to"].clip(upper=year)
        )
    last_coded = int(spells["cow_to"].max()) if len(spells) else None
    cow = spells[
        (spells["neighbour_id"] == cb.id)
        | (spells["ccode"] == (cb.cow if getattr(cb, "cow", None) is not None else -1))
    ]
    conttype = int(cow["conttype"].iloc[0]) if len(cow) else None
    current = bool(len(cow)) and int(cow["cow_to"].iloc[0]) == last_coded
    dist, dist_year = _min_distance(ca, cb, store, year)
    shared = km is not None or (current and conttype == 1)
    if conttype and current:
        label = CONTIGUITY[conttype]
    elif conttype:
        label = f"none since {int(cow['cow_to'].iloc[0])} (was {CONTIGUITY[conttype]})"
    else:
        label = "no shared border"
    frame = pd.DataFrame(
        [
            {
                "a": ca.name,
                "a_id": ca.id,
                "b": cb.name,
                "b_id": cb.id,
                "shared_land_border": shared,
                "km": km,
                "conttype": conttype,
                "contiguity": label,
                "cow_from": int(cow["cow_from"].iloc[0]) if len(cow) else None,
                "cow_to": int(cow["cow_to"].iloc[0]) if len(cow) else None,
                "min_distance_km": dist,
                "min_distance_year": dist_year,
            }
        ]
    ).astype(
        {"conttype": "Int64", "cow_from": "Int64", "cow_to": "Int64", "min_distance_year": "Int64"}
    )
    notes = []
    if not shared:
        where = (
            f"{dist:,.0f} km (CShapes 2.0, {dist_year})" if dist is not None else "not available"
        )
        sea = f"; COW codes them as {CONTIGUITY[conttype]} apart" if conttype and current else ""
        notes.append(
            f"{ca.name} and {cb.name} share no land border{sea}; minimum distance {where}."
        )
    else:
        notes.append(
            f"{ca.name} and {cb.name} share a land border"
            + (
                f" of {km:,.0f} km (CIA World Factbook)."
                if km is not None
                else " (COW contiguity; no Factbook km figure)."
            )
        )
    if len(km_a) and len(km_b) and float(km_a.iloc[0]) != float(km_b.iloc[0]):
        notes.append(
            f"The Factbook gives {float(km_a.iloc[0]):,.1f} km in {ca.name}'s profile and {float(km_b.iloc[0]):,.1f} km in {cb.name}'s; the first is shown."
        )
    if conttype and not current:
        notes.append(
            f"COW coded '{CONTIGUITY[conttype]}' contiguity in {int(cow['cow_from'].iloc[0])}–"
            f"{int(cow['cow_to'].iloc[0])}; none since."
        )
    elif conttype == 1 and km is None:
        notes.append(
            "COW codes land/river contiguity but the Factbook lists no land boundary between them."
        )
    if not factbook:
        notes.append("Factbook border lengths not used (no edition as of the date asked).")
    query = {
        "command": "border",
        "a": ca.id,
        "b": cb.id,
        **({"year": year} if year is not None else {}),
    }
    sources = _sources(
        store, (["factbook"] if factbook else []) + ["cow_contdir", "cshapes_mindist"]
    )
    return Result(frame, query, sources, notes, f"Border {ca.name} – {cb.name}")
