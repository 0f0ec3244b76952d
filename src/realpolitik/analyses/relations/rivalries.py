"""Strategic rivalries: Thompson–Sakuwa–Suhas (to 2020) and Thompson & Dreyer (to 2010), spell by spell.

Spells are never merged: "China–Russia 1816–1949" and "China–USSR 1958–1989" are two rivalries. The
rivalry tables carry no year column, so their ids are resolved here per spell year: a spell of COW 365
is cut at 1922 and 1992 into Russia, the Soviet Union and Russia again. TSS decides the relationship
(it updates Thompson & Dreyer); Thompson & Dreyer spells are shown beside it as evidence.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from realpolitik.analyses.relations.classify import expand_years
from realpolitik.analyses.relations.model import Evidence, Scope
from realpolitik.store import Store

SOURCES = {"tss_rivalries": "Thompson–Sakuwa–Suhas", "td_rivalries": "Thompson & Dreyer"}
COLUMNS = ["a", "b", "source", "name", "start", "end", "types", "principal"]


@cache
def _cow_periods() -> dict[int, list[tuple[int, int, str]]]:
    """COW code -> its (first, last, id) periods, built once (a scan of every code per spell is slow)."""
    from realpolitik.countries import code_periods

    out: dict[int, list[tuple[int, int, str]]] = {}
    for c, y0, y1, cid in code_periods("cow"):
        out.setdefault(c, []).append((y0, y1, cid))
    return out


def _pieces(code: int, start: int, end: int) -> list[tuple[str, int, int]]:
    """(id, first, last) pieces of [start, end] for one COW code, cut where the code changes state."""
    from realpolitik.countries import from_cow

    periods = list(_cow_periods().get(code, []))
    if len({p[2] for p in periods}) <= 1:
        try:
            return [(from_cow(code).id, start, end)]
        except LookupError:
            return []
    periods.sort()
    out = []
    for i, (y0, y1, cid) in enumerate(periods):
        lo = start if i == 0 else max(start, y0)
        hi = end if i == len(periods) - 1 else min(end, y1)
        if lo <= hi:
            out.append((cid, lo, hi))
    return out


@cache
def _all(store: Store) -> pd.DataFrame:
    """Every rivalry spell of both datasets with year-correct ids (cached: two small tables)."""
    parts = []
    if store.has_table("tss_rivalries"):
        parts.append(
            store.sql(
                """SELECT 'tss_rivalries' AS source, rivalry AS name, ccode1, ccode2, "start", "end",
                   concat_ws(', ', CASE WHEN "positional" = 1 THEN 'positional' END,
                             CASE WHEN spatial = 1 THEN 'spatial' END, CASE WHEN ideological = 1 THEN 'ideological' END,
                             CASE WHEN interventionary = 1 THEN 'interventionary' END) AS types,
                   principal = 1 AS principal FROM tss_rivalries"""
            )
        )
    if store.has_table("td_rivalries"):
        parts.append(
            store.sql(
                """SELECT 'td_rivalries' AS source, rivalryname AS name, ccode1, ccode2, styear AS "start",
                   endyear AS "end", concat_ws(', ', type1, type2, type3) AS types, NULL::BOOLEAN AS principal
                   FROM td_rivalries"""
            )
        )
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    raw = pd.concat(parts, ignore_index=True)
    out = []
    for r in raw.itertuples(index=False):
        for id1, s1, e1 in _pieces(int(r.ccode1), int(r.start), int(r.end)):
            for id2, s2, e2 in _pieces(int(r.ccode2), s1, e1):
                if id1 != id2:
                    a, b = min(id1, id2), max(id1, id2)
                    out.append((a, b, r.source, r.name, s2, e2, r.types or "", r.principal))
    return pd.DataFrame(out, columns=COLUMNS)


def rows(scope: Scope, last: int, store: Store) -> pd.DataFrame:
    """Rivalry spells of the scope that began by `last` (ends after `last` are kept: they mean ongoing)."""
    f = _all(store)
    f = f[f["start"] <= last]
    if scope.ids is not None:
        f = f[f["a"].isin(scope.ids) | f["b"].isin(scope.ids)]
    if scope.pairs is not None:
        f = f[
            pd.Series(
                [(a, b) in scope.pairs for a, b in zip(f["a"], f["b"], strict=True)],
                index=f.index,
                dtype=bool,
            )
        ]
    return f.reset_index(drop=True)


def features(frame: pd.DataFrame, years: list[int], coded_to: int, carry: int) -> pd.DataFrame:
    """Per (year, a, b): rivalry = a TSS spell in force (TSS's last year stands in for `carry` more)."""
    cols = ["year", "a", "b", "rivalry", "rivalry_since"]
    f = frame[frame["source"] == "tss_rivalries"]
    if f.empty or not years:
        return pd.DataFrame(columns=cols)
    use = [y for y in years if y - coded_to <= carry]
    if not use:
        return pd.DataFrame(columns=cols)
    # a spell reaching the dataset's last year stands in for `carry` later years
    stop = f["end"].where(f["end"] < coded_to, coded_to + carry)
    j = expand_years(f, f["start"], stop, use)
    j = j.sort_values("start").drop_duplicates(["year", "a", "b"])
    return j.assign(rivalry=True, rivalry_since=j["start"])[cols]


def settled(frame: pd.DataFrame, coded_to: int) -> pd.DataFrame:
    """TSS spells that ended before the dataset's last year (a, b, settled = the last year): the
    rivalry was terminated (Peru–Ecuador 1998, Eritrea–Ethiopia 2018), so the fighting and disputes
    it contained no longer make the two adversaries in later years."""
    f = frame[(frame["source"] == "tss_rivalries") & (frame["end"] < coded_to)]
    return f[["a", "b", "end"]].rename(columns={"end": "settled"}).reset_index(drop=True)


def evidence(rows: list[dict], last: int, coded: dict[str, int]) -> list[Evidence]:
    """One Evidence per spell; a spell still running at the dataset's end (or after `last`) is open."""
    out = []
    for r in sorted(rows, key=lambda r: (r["start"], r["source"])):
        start, end, src = int(r["start"]), int(r["end"]), r["source"]
        open_ = end > last or (end >= coded[src] and last > end)
        shown = f"since {start}" if open_ else (f"{start}–{end}" if start != end else str(start))
        if open_ and end >= coded[src] and last > coded[src]:
            shown += f" (coded to {coded[src]})"
        kinds = f"; {r['types']}" if r["types"] else ""
        kinds += "; principal" if r["principal"] is True else ""
        out.append(
            Evidence(
                "rivalry",
                None,
                start,
                None if open_ else end,
                1.0,
                src,
                f"strategic rivalry '{r['name']}' {shown} ({SOURCES[src]}{kinds})",
                {"name": r["name"], "types": r["types"]},
            )
        )
    return out
