"""ATOP obligations per dyad, year and type with the size of the bloc that shares them (derived).

ATOP as packaged by peacesciencer (directed dyad-years, five 0/1 obligations) has no treaty ids. The
bloc of a dyad's obligation in a year is 2 + the number of third states holding the same obligation
with both (2: a bilateral treaty; 56: the European non-aggression web). It is an upper bound of a
treaty's membership where treaties overlap. Computing it needs a self-join over every state's
obligations (seconds for all years), so it is built once here; `co` names the three best-connected
co-members (most obligations of that type that year) so a reader can tell NATO from the CIS.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset
from realpolitik.sources.peacesciencer import (
    PS_NOTE,
    PS_VERSION,
    data_versions,
    parse_dyadic,
    read_rda,
)

TYPES = ("defense", "offense", "neutral", "nonagg", "consul")


def blocs(atop: pd.DataFrame) -> pd.DataFrame:
    """One row per unordered dyad (a < b by resolver id), year and obligation type held in either
    direction: bloc = 2 + co-obligated third states, co = up to three of them, best connected first."""
    import duckdb

    con = duckdb.connect(":memory:")
    con.register("atop", atop)
    unpivot = " UNION ALL ".join(
        f"SELECT year, id1 AS x, id2 AS y, ccode1 AS cx, ccode2 AS cy, '{t}' AS type FROM atop "
        f"WHERE atop_{t} = 1 AND id1 IS NOT NULL AND id2 IS NOT NULL AND id1 <> id2"
        for t in TYPES
    )
    return con.execute(
        f"""
        WITH e AS (SELECT DISTINCT * FROM ({unpivot})),
        g AS (SELECT year, type, x, count(*) AS n FROM e GROUP BY ALL),
        d AS (SELECT DISTINCT year, type, least(x, y) AS a, greatest(x, y) AS b,
                     CASE WHEN x < y THEN cx ELSE cy END AS ccode_a, CASE WHEN x < y THEN cy ELSE cx END AS ccode_b
              FROM e),
        c AS (SELECT e1.year, e1.type, e1.x AS a, e2.x AS b, count(DISTINCT e1.y) AS n,
                     list_slice(list(e1.y ORDER BY g.n DESC, e1.y), 1, 3) AS co
              FROM e e1 JOIN e e2 ON e2.year = e1.year AND e2.type = e1.type AND e2.y = e1.y AND e1.x < e2.x
              LEFT JOIN g ON g.year = e1.year AND g.type = e1.type AND g.x = e1.y
              GROUP BY ALL)
        SELECT d.year::SMALLINT AS year, d.ccode_a::SMALLINT AS ccode_a, d.a, d.ccode_b::SMALLINT AS ccode_b, d.b,
               d.type, (2 + coalesce(c.n, 0))::SMALLINT AS bloc, coalesce(c.co, []) AS co
        FROM d LEFT JOIN c USING (year, type, a, b)
        ORDER BY a, b, type, year
        """
    ).df()


def build(raw_root: Path) -> Built:
    path = raw_root / "peacesciencer" / "atop_alliance.rda"
    t = blocs(parse_dyadic(read_rda(path, "atop_alliance")))
    v = data_versions(raw_root)
    version = v.loc[v["data"] == "ATOP", "version"]
    return Built(
        tables={"atop_blocs": t},
        release=f"ATOP {version.iloc[0] if len(version) else '?'} blocs (peacesciencer {PS_VERSION})",
        files=[path],
        coverage={"atop_blocs": (int(t["year"].min()), int(t["year"].max()))},
        row_groups={"atop_blocs": 16_384},  # sorted by a: a pair's rows are a few groups (16 → 6 ms)
        notes=[
            PS_NOTE,
            "Derived from atop_alliance: an obligation held in either direction counts; bloc = 2 + third "
            "states holding the same obligation with both in the year (an upper bound of a treaty's "
            "membership where treaties overlap); co = up to three of them, most obligations of that type first.",
        ],
    )


DATASETS = [
    Dataset(
        name="atop_blocs",
        title="ATOP obligations by dyad, year and type with the size of the bloc that shares them (derived)",
        build=build,
        citation=(
            "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell and Andrew G. Long. 2002. "
            "Alliance Treaty Obligations and Provisions, 1815–1944. International Interactions 28: 237–260 "
            "(ATOP v5.0, 1815–2018); blocs derived by realpolitik."
        ),
        url="http://www.atopdata.org/",
        licence="free to use with citation",
        bibtex="@Article{leedsetal2002atop, author={Brett Ashley Leeds and Jeffrey M. Ritter and Sara McLaughlin Mitchell and Andrew G. Long}, title={Alliance Treaty Obligations and Provisions, 1815--1944}, journal={International Interactions}, year={2002}, volume={28}, pages={237--260}}",
    ),
]
