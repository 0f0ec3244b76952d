"""ATOP alliance obligations per type, each with its own years and the size of the bloc that shares it.

ATOP v5 (peacesciencer) gives directed dyad-years with five 0/1 obligations and no treaty ids. The bloc
of a dyad's obligation in a year is derived: 2 + the number of third states that hold the same
obligation with both (0 third states: a bilateral treaty; NATO-size blocs: a large multilateral one).
It is an upper bound of the treaty's membership when several treaties overlap, and is said so.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pandas as pd

from realpolitik.analyses.relations.model import Evidence, Scope
from realpolitik.store import Store

TYPES = {
    "defense": "defence",
    "offense": "offence",
    "neutral": "neutrality",
    "nonagg": "non-aggression",
    "consul": "consultation",
}
DEFENCE = ("defense", "offense")
COLUMNS = ["year", "a", "b", "type", "bloc", "co"]


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})


_EDGES_LOCK = threading.Lock()
EDGES = "rel_atop_edges"
DEGREE = "rel_atop_degree"  # obligations per state, year and type: co-members are named best-connected first


def edges_table(store: Store) -> str:
    """An in-memory table of ATOP obligations, one row per (year, x, y, type) sorted by x and year, made
    once per store: every alliance question reads it instead of unpivoting the Parquet file again."""
    with _EDGES_LOCK:
        if not getattr(store, "_rel_atop_edges", False):
            unpivot = " UNION ALL ".join(
                f"SELECT year::SMALLINT AS year, id1 AS x, id2 AS y, '{t}' AS type FROM atop_alliance "
                f"WHERE atop_{t} = 1 AND id1 IS NOT NULL AND id2 IS NOT NULL AND id1 <> id2"
                for t in TYPES
            )
            store.sql(
                f"CREATE OR REPLACE TABLE {EDGES} AS SELECT * FROM ({unpivot}) ORDER BY x, year"
            )
            store.sql(
                f"CREATE OR REPLACE TABLE {DEGREE} AS SELECT year, type, x, count(*) AS n FROM {EDGES} GROUP BY ALL"
            )
            store._rel_atop_edges = True  # type: ignore[attr-defined]
    return EDGES


def rows(scope: Scope, first: int, last: int, store: Store) -> pd.DataFrame:
    """Dyad-year-type rows (a < b) in first..last with the bloc size of each obligation."""
    if not store.has_table("atop_alliance"):
        return _empty()
    table = edges_table(store)
    cond, params = scope.sql("x", "y")
    # the bloc of (a, b) needs only the obligations of a and b themselves: read no other rows
    if scope.ids is None:
        pre, pparams, nodes = "TRUE", [], "TRUE"
    elif scope.pairs is not None:
        pre, pparams, nodes = "list_contains(?, x)", [list(scope.ids)], "TRUE"
    else:
        pre, pparams = "TRUE", []
        nodes = "(x IN (SELECT a FROM d) OR x IN (SELECT b FROM d))"
    # one pair (the brief's): also the three best-connected co-members, to tell which treaty it is
    named = scope.pairs is not None and len(scope.pairs) == 1
    co = "list_slice(list(e1.y ORDER BY g.n DESC, e1.y), 1, 3)" if named else "NULL::VARCHAR[]"
    deg = (
        f"LEFT JOIN {DEGREE} g ON g.year = e1.year AND g.type = e1.type AND g.x = e1.y"
        if named
        else ""
    )
    frame = store.sql(
        f"""
        WITH u0 AS (SELECT * FROM {table} WHERE year BETWEEN ? AND ? AND {pre}),
        d AS (SELECT DISTINCT year, least(x, y) AS a, greatest(x, y) AS b, type FROM u0 WHERE {cond}),
        e AS (SELECT u.* FROM u0 u SEMI JOIN (SELECT DISTINCT year, type FROM d) k USING (year, type)
              WHERE {nodes}),
        c AS (SELECT e1.year, e1.type, e1.x AS a, e2.x AS b, count(DISTINCT e1.y) AS n,
                     {co} AS co
              FROM e e1 JOIN e e2 ON e2.year = e1.year AND e2.type = e1.type AND e2.y = e1.y AND e1.x < e2.x
              {deg}
              SEMI JOIN d ON d.year = e1.year AND d.type = e1.type AND d.a = e1.x AND d.b = e2.x
              GROUP BY ALL)
        SELECT d.year::INTEGER AS year, d.a, d.b, d.type, (2 + coalesce(c.n, 0))::INTEGER AS bloc, c.co
        FROM d LEFT JOIN c USING (year, type, a, b)
        """,
        [first, last, *pparams, *params],
    )
    return frame


def features(
    frame: pd.DataFrame, years: list[int], coded_to: int, carry: int, small: int
) -> pd.DataFrame:
    """Per (year, a, b): defence (a defence or offence pact in force), pact_small (any obligation in a
    bloc of at most `small` states), pact_any, bloc_min. Years after ATOP's end use its last year for
    up to `carry` years."""
    cols = ["year", "a", "b", "defence", "pact_small", "pact_any", "bloc_min"]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    use = {y: min(y, coded_to) for y in years if y - coded_to <= carry}
    ref = pd.DataFrame({"year": list(use), "data_year": list(use.values())})
    f = frame.rename(columns={"year": "data_year"}).merge(ref, on="data_year")
    if f.empty:
        return pd.DataFrame(columns=cols)
    f["is_def"] = f["type"].isin(DEFENCE)
    f["is_small"] = f["bloc"] <= small
    g = f.groupby(["year", "a", "b"], as_index=False).agg(
        defence=("is_def", "any"), pact_small=("is_small", "any"), bloc_min=("bloc", "min")
    )
    g["pact_any"] = True
    return g[cols]


def spells(rows: list[dict], small: int) -> list[dict]:
    """Runs of consecutive years per (a, b, type): start, end, bloc of the last year, the bloc range
    over the run and the size class of the last year (bilateral, small, multilateral)."""
    out: list[dict] = []
    for r in sorted(rows, key=lambda r: (r["a"], r["b"], r["type"], r["year"])):
        cur = out[-1] if out else None
        key = (r["a"], r["b"], r["type"])
        co = r.get("co")
        co = list(co) if co is not None and not isinstance(co, float) else []
        if cur and cur["key"] == key and r["year"] == cur["end"] + 1:
            cur.update(
                end=r["year"],
                bloc=r["bloc"],
                lo=min(cur["lo"], r["bloc"]),
                hi=max(cur["hi"], r["bloc"]),
                co=co,
            )
        else:
            out.append({"key": key, "a": r["a"], "b": r["b"], "type": r["type"], "start": r["year"],
                        "end": r["year"], "bloc": r["bloc"], "lo": r["bloc"], "hi": r["bloc"], "co": co})  # fmt: skip
    for s in out:
        n = s["bloc"]
        s["size"] = "bilateral" if n == 2 else ("small" if n <= small else "multilateral")
    return out


def evidence(
    rows: list[dict], last: int, coded_to: int, small: int, name: Callable[[str], str]
) -> list[Evidence]:
    """One Evidence per obligation type and spell; a spell reaching ATOP's last year runs on (end None)
    when the question's last year is later. Multilateral spells in force name up to three co-members of
    their last year when the rows carry them (so a reader can tell which treaty it is)."""
    out = []
    for s in spells(rows, small):
        start, last_coded, bloc = int(s["start"]), int(s["end"]), int(s["bloc"])
        end = None if last_coded >= coded_to and last > coded_to else last_coded
        years = f"{start}–{last_coded}" if start != last_coded else str(start)
        if s["size"] == "bilateral":
            how = "bilateral"
        else:
            current = end is None or last_coded >= min(last, coded_to)
            co = s["co"] if current else []
            eg = f", e.g. {', '.join(name(c) for c in co)}" if co else ""
            kind = "multilateral" if s["size"] == "multilateral" else "small bloc"
            how = f"{kind}: {bloc - 2} other state{'s' if bloc > 3 else ''} hold it with both{eg}"
        tail = f"; ATOP ends {coded_to}" if end is None else ""
        if s["lo"] != s["hi"]:
            tail = f"; {int(s['lo'])}–{int(s['hi'])} states over the years" + tail
        out.append(
            Evidence(
                "alliance",
                None,
                start,
                end,
                1.0 if bloc == 2 else round(2 / bloc, 3),
                "atop",
                f"ATOP {TYPES[s['type']]} obligation {years} ({how}{tail})",
                {"type": s["type"], "bloc": bloc, "size": s["size"], "last_coded": last_coded},
            )
        )
    return sorted(out, key=lambda e: (e.start, e.data["type"]))
