"""Security queries: strategic rivalries and militarized disputes of a state, and the security ties of a pair."""

from __future__ import annotations

import pandas as pd

from realpolitik.countries import Country, from_cow
from realpolitik.errors import UserError
from realpolitik.queries.alignment import cow_code, shared_code_note, yearly_pair
from realpolitik.queries.common import country
from realpolitik.result import Result
from realpolitik.store import Store, get_store

CONTTYPE = {
    1: "land or river",
    2: "sea ≤ 12 mi",
    3: "sea ≤ 24 mi",
    4: "sea ≤ 150 mi",
    5: "sea ≤ 400 mi",
}
HOSTLEV = {1: "no militarized action", 2: "threat", 3: "display", 4: "use of force", 5: "war"}


def _name(ccode: int, year: int | None = None) -> tuple[str | None, str]:
    try:
        c = from_cow(int(ccode), year)
    except LookupError:  # UnknownCountry
        return None, f"COW {ccode}"
    return c.id, c.name


def _names(frame: pd.DataFrame, code: str = "ccode2", year: str | None = None) -> pd.DataFrame:
    ids, names = [], []
    for _, row in frame.iterrows():  # one row per counterpart, not per dyad-year
        cid, name = _name(row[code], int(row[year]) if year and pd.notna(row[year]) else None)
        ids.append(cid)
        names.append(name)
    frame.insert(0, "counterpart", names)
    frame.insert(1, "counterpart_id", ids)
    return frame


def _coverage_notes(store: Store) -> dict[str, tuple[int, int]]:
    tables = ["td_rivalries", "tss_rivalries", "cow_mid_dirdisps", "gml_dirdisp"]
    return {t: store.coverage(t) for t in tables}


def rivals(
    c: str | Country, year: int | None = None, period: tuple[int, int] | None = None
) -> Result:
    """Strategic rivals (Thompson & Dreyer, Thompson–Sakuwa–Suhas) and dispute partners (COW MID, GML) of a state.

    `year` keeps rivalries running in that year and disputes in it; `period` (first, last) keeps rivalries
    overlapping it and disputes inside it (e.g. a brief as of a date looks only at the years before it).
    Rivals first, the latest rivalry first (those in force when the datasets end lead, not 1816's).
    """
    cc = country(c)
    code = cow_code(cc)
    store = get_store()
    cov = _coverage_notes(store)
    if year is not None and period is not None:
        raise ValueError("give year or period, not both")
    lo, hi = (year, year) if year is not None else (period if period is not None else (None, None))
    windowed = lo is not None
    yfilter_r = "AND s <= ? AND e >= ?" if windowed else ""
    yfilter_m = "AND year BETWEEN ? AND ?" if windowed else ""
    yp = [hi, lo] if windowed else []
    ymp = [lo, hi] if windowed else []
    frame = store.sql(
        f"""
        WITH td AS (
            SELECT CASE WHEN ccode1 = ? THEN ccode2 ELSE ccode1 END AS other, styear AS s, endyear AS e,
                   concat_ws(', ', type1, type2, type3) AS types
            FROM td_rivalries WHERE (ccode1 = ? OR ccode2 = ?) {yfilter_r}),
        tss AS (
            SELECT CASE WHEN ccode1 = ? THEN ccode2 ELSE ccode1 END AS other, "start" AS s, "end" AS e,
                   concat_ws(', ', CASE WHEN "positional" = 1 THEN 'positional' END, CASE WHEN spatial = 1 THEN 'spatial' END,
                             CASE WHEN ideological = 1 THEN 'ideological' END,
                             CASE WHEN interventionary = 1 THEN 'interventionary' END) AS types, principal
            FROM tss_rivalries WHERE (ccode1 = ? OR ccode2 = ?) {yfilter_r}),
        td_a AS (SELECT other, min(s) AS td_start, max(e) AS td_end, string_agg(DISTINCT types, '; ') AS td_type,
                 string_agg(CASE WHEN s = e THEN s::VARCHAR ELSE s || '–' || e END, ', ' ORDER BY s) AS td_spells
                 FROM td GROUP BY other),
        tss_a AS (SELECT other, min(s) AS tss_start, max(e) AS tss_end, string_agg(DISTINCT types, '; ') AS tss_type,
                  string_agg(CASE WHEN s = e THEN s::VARCHAR ELSE s || '–' || e END, ', ' ORDER BY s) AS tss_spells,
                  max(principal) AS principal FROM tss GROUP BY other),
        cow AS (SELECT ccode2 AS other, count(DISTINCT dispnum) AS cow_mids, max(greatest(hostlev1, hostlev2)) AS cow_max_hostlev,
                max(year) AS cow_last_year FROM cow_mid_dirdisps WHERE ccode1 = ? {yfilter_m} GROUP BY ccode2),
        gml AS (SELECT ccode2 AS other, count(DISTINCT dispnum) AS gml_mids, max(greatest(hostlev1, hostlev2)) AS gml_max_hostlev,
                max(year) AS gml_last_year FROM gml_dirdisp WHERE ccode1 = ? {yfilter_m} GROUP BY ccode2),
        o AS (SELECT other FROM td_a UNION SELECT other FROM tss_a UNION SELECT other FROM cow UNION SELECT other FROM gml)
        SELECT o.other AS ccode2,
               (td_a.other IS NOT NULL OR tss_a.other IS NOT NULL) AS rival,
               td_start, td_end, td_type, td_spells, tss_start, tss_end, tss_type, tss_spells,
               (principal = 1) AS tss_principal,
               cow_mids, cow_max_hostlev, cow_last_year, gml_mids, gml_max_hostlev, gml_last_year
        FROM o LEFT JOIN td_a USING (other) LEFT JOIN tss_a USING (other) LEFT JOIN cow USING (other) LEFT JOIN gml USING (other)
        ORDER BY rival DESC, greatest(coalesce(tss_end, td_end), coalesce(td_end, tss_end)) DESC,
                 coalesce(tss_start, td_start), greatest(coalesce(cow_mids, 0), coalesce(gml_mids, 0)) DESC, ccode2
        """,
        [code, code, code, *yp, code, code, code, *yp, code, *ymp, code, *ymp],
    )
    frame["_last"] = frame[["cow_last_year", "gml_last_year", "tss_end", "td_end"]].max(axis=1)
    frame = _names(frame, "ccode2", "_last")
    # each spell apart: Greece–Türkiye 1827–1930, 1955–2020 (two rivalries), not 1827–2020
    frame["rivalry_td"] = frame.pop("td_spells").where(frame["td_start"].notna(), None)
    frame["rivalry_tss"] = frame.pop("tss_spells").where(frame["tss_start"].notna(), None)
    frame = frame.drop(columns=["td_start", "td_end", "tss_start", "tss_end"])
    cols = [
        "counterpart",
        "counterpart_id",
        "ccode2",
        "rival",
        "rivalry_td",
        "td_type",
        "rivalry_tss",
        "tss_type",
        "tss_principal",
        "cow_mids",
        "cow_max_hostlev",
        "cow_last_year",
        "gml_mids",
        "gml_max_hostlev",
        "gml_last_year",
    ]
    frame = frame[cols].rename(columns={"ccode2": "ccode"})
    for col in (
        "cow_mids",
        "gml_mids",
        "cow_max_hostlev",
        "gml_max_hostlev",
        "cow_last_year",
        "gml_last_year",
    ):
        frame[col] = frame[col].astype("Int64")
    (td0, td1), (ts0, ts1) = cov["td_rivalries"], cov["tss_rivalries"]
    (c0, c1), (g0, g1) = cov["cow_mid_dirdisps"], cov["gml_dirdisp"]
    notes = [
        f"Rivalries: Thompson & Dreyer ({td0}–{td1}, types) and Thompson–Sakuwa–Suhas (to {ts1}). "
        f"Disputes: COW MID v5 ({c0}–{c1}) and GML MID v2.2.1 ({g0}–{g1}); *_mids = distinct disputes, "
        "*_max_hostlev = highest hostility by either side (1 none, 2 threat, 3 display, 4 use of force, 5 war).",
    ]
    if year is not None:
        out = [
            n
            for n, (lo, hi) in (
                ("T&D", (td0, td1)),
                ("TSS", (ts0, ts1)),
                ("COW MID", (c0, c1)),
                ("GML", (g0, g1)),
            )
            if not lo <= year <= hi
        ]
        if out:
            notes.append(
                f"{year} is outside the coverage of {', '.join(out)}: no data for {cc.name} there (not 'no rivalry')."
            )
    notes += shared_code_note(cc)
    if frame.empty:
        notes.append(
            f"No strategic rivalry or militarized dispute recorded for {cc.name}"
            + (f" in {year}." if year else ".")
        )
    sources = [store.source(d) for d in ("td_rivalries", "tss_rivalries", "cow_mid", "gml_mid")]
    query = {
        "command": "rivals",
        "country": cc.id,
        "year": year,
        **({"period": list(period)} if period else {}),
    }
    title = f"Rivals and dispute partners of {cc.name}" + (f", {year}" if year else "")
    return Result(frame.reset_index(drop=True), query, sources, notes, title=title)


def _alliances(store: Store, a: int, b: int, na: str, nb: str) -> Result:
    first, last = store.coverage("atop_alliance")
    frame = store.sql(
        "SELECT year::INT AS year, atop_defense AS defense, atop_offense AS offense, atop_neutral AS neutrality, "
        "atop_nonagg AS non_aggression, atop_consul AS consultation FROM atop_alliance WHERE ccode1 = ? AND ccode2 = ? ORDER BY year",
        [a, b],
    )
    notes = [
        f"ATOP v5 ({first}–{last}): obligations of {na} towards {nb} by year; years not listed had none. Not coded after {last}."
    ]
    if frame.empty:
        notes.append(f"No ATOP alliance obligation between {na} and {nb} in {first}–{last}.")
    return Result(
        frame,
        {"section": "alliances"},
        [store.source("atop")],
        notes,
        title="ATOP alliance obligations by year",
    )


def _disputes(store: Store, a: int, b: int, na: str, nb: str) -> Result:
    frame = store.sql(
        """
        SELECT 'COW' AS dataset, dispnum::INT AS dispnum, min(year)::INT AS first_year, max(year)::INT AS last_year,
               string_agg(DISTINCT year::VARCHAR, ', ' ORDER BY year::VARCHAR) AS years, max(hostlev1) AS hostlev_a,
               max(hostlev2) AS hostlev_b, max(sidea1) AS a_on_side_a, max(orig1) AS a_originator, max(fatality1) AS fatality_a
        FROM cow_mid_dirdisps WHERE ccode1 = ? AND ccode2 = ? GROUP BY dispnum
        UNION ALL
        SELECT 'GML', dispnum::INT, min(year)::INT, max(year)::INT,
               string_agg(DISTINCT year::VARCHAR, ', ' ORDER BY year::VARCHAR), max(hostlev1), max(hostlev2),
               max(sidea1), max(orig1), max(fatality1)
        FROM gml_dirdisp WHERE ccode1 = ? AND ccode2 = ? GROUP BY dispnum
        ORDER BY first_year, dataset, dispnum
        """,
        [a, b, a, b],
    )
    for col in ("hostlev_a", "hostlev_b", "a_on_side_a", "a_originator", "fatality_a"):
        frame[col] = frame[col].astype("Int64")
    c0, c1 = store.coverage("cow_mid_dirdisps")
    g0, g1 = store.coverage("gml_dirdisp")
    notes = [
        f"COW MID v5 covers {c0}–{c1}, GML MID v2.2.1 {g0}–{g1}: disputes after those years are not in the data. "
        "hostlev 1 none, 2 threat, 3 display, 4 use of force, 5 war; fatality -9 = unknown."
    ]
    if frame.empty:
        notes.append(f"No militarized interstate dispute between {na} and {nb} in either dataset.")
    sources = [store.source("cow_mid"), store.source("gml_mid")]
    return Result(
        frame, {"section": "disputes"}, sources, notes, title="Militarized interstate disputes"
    )


def _rivalry(store: Store, a: int, b: int, na: str, nb: str) -> Result:
    lo, hi = min(a, b), max(a, b)
    frame = store.sql(
        """
        SELECT 'Thompson & Dreyer' AS dataset, rivalryname AS rivalry, styear::INT AS start, endyear::INT AS "end",
               concat_ws(', ', type1, type2, type3) AS types, NULL::BOOLEAN AS principal
        FROM td_rivalries WHERE ccode1 = ? AND ccode2 = ?
        UNION ALL
        SELECT 'Thompson–Sakuwa–Suhas', rivalry, "start"::INT, "end"::INT,
               concat_ws(', ', CASE WHEN "positional" = 1 THEN 'positional' END, CASE WHEN spatial = 1 THEN 'spatial' END,
                         CASE WHEN ideological = 1 THEN 'ideological' END, CASE WHEN interventionary = 1 THEN 'interventionary' END),
               principal = 1
        FROM tss_rivalries WHERE ccode1 = ? AND ccode2 = ?
        ORDER BY start, dataset
        """,
        [lo, hi, lo, hi],
    )
    t1, s1 = store.coverage("td_rivalries")[1], store.coverage("tss_rivalries")[1]
    notes = [
        f"Thompson & Dreyer code rivalries to {t1}, Thompson–Sakuwa–Suhas to {s1}; later years are not coded."
    ]
    if frame.empty:
        notes.append(f"No strategic rivalry between {na} and {nb} in either dataset (to {s1}).")
    sources = [store.source("td_rivalries"), store.source("tss_rivalries")]
    return Result(frame, {"section": "rivalry"}, sources, notes, title="Strategic rivalry")


def _contiguity(store: Store, a: int, b: int, na: str, nb: str) -> Result:
    frame = store.sql(
        'SELECT conttype::INT AS conttype, stdate AS start, enddate AS "end" FROM cow_contdir WHERE ccode1 = ? AND ccode2 = ? ORDER BY stdate',
        [a, b],
    )
    frame.insert(1, "type", frame["conttype"].map(CONTTYPE))
    first, last = store.coverage("cow_contdir")
    dist = store.sql(
        "SELECT year::INT AS year, mindist FROM cow_mindist WHERE ccode1 = ? AND ccode2 = ? ORDER BY year DESC LIMIT 1",
        [min(a, b), max(a, b)],
    )
    notes = [
        f"COW Direct Contiguity v3.2 ({first}–{last}); an end date of {last}-12 means still in force when coded."
    ]
    if frame.empty:
        notes.append(
            f"{na} and {nb} are not contiguous (land or within 400 miles of sea) in COW {first}–{last}."
        )
    if not dist.empty:
        notes.append(
            f"Minimum distance (CShapes 2.0) in {int(dist.year[0])}: {float(dist.mindist[0]):,.0f} km."
        )
    sources = [store.source("cow_contdir"), store.source("cshapes_mindist")]
    return Result(frame, {"section": "contiguity"}, sources, notes, title="Contiguity")


def _yearly(store: Store, ca: Country, cb: Country) -> Result:
    frame = yearly_pair(ca, cb)
    n0, n1 = store.coverage("cow_nmc")
    u0, u1 = store.coverage("unga_idealpoints")
    notes = [
        f"CINC: COW NMC v6 ({n0}–{n1}); cinc_ratio = CINC of {ca.name} / CINC of {cb.name}. "
        f"Democracy: isard (V-Dem polyarchy 0–1, Polity polity2 −10…10, to 2018). "
        f"UN ideal points (idealpointfp, {u0}–{u1}); ideal_distance = |A − B|. Missing values are not published, not 0."
    ]
    sources = [store.source(d) for d in ("cow_nmc", "isard_democracy", "unga_idealpoints")]
    return Result(
        frame,
        {"section": "yearly"},
        sources,
        notes,
        title="Capabilities, regime and UN voting by year",
    )


def relations(a: str | Country, b: str | Country) -> dict[str, Result]:
    """Security ties of a pair, one Result per section: alliances, disputes, rivalry, contiguity, yearly indicators."""
    ca, cb = country(a), country(b)
    x, y = cow_code(ca), cow_code(cb)
    if x == y:
        raise UserError(
            f"{ca.name} and {cb.name} are the same COW state ({x}): give two different states"
        )
    store = get_store()
    args = (store, x, y, ca.name, cb.name)
    sections = {
        "alliances": _alliances(*args),
        "disputes": _disputes(*args),
        "rivalry": _rivalry(*args),
        "contiguity": _contiguity(*args),
        "yearly": _yearly(store, ca, cb),
    }
    shared = shared_code_note(ca) + shared_code_note(cb)
    for r in sections.values():
        r.query = {"command": "relations", "a": ca.id, "b": cb.id, **r.query}
        r.notes += shared
    return sections
