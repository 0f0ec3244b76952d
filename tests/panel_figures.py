"""Per-year figures of a panel, computed the same way from peacesciencer's output and from ours (one SQL).

Used by tests/test_panel_parity.py (against the stored reference tables in tests/data/) and by
tools/peacesciencer_reference.py (which made those tables from peacesciencer 1.2.9's own output).
"""

from __future__ import annotations

import duckdb
import pandas as pd

# peacesciencer's column names -> ours (everything else is named alike)
PS_NAMES = {
    "hostlev": "gml_hostlev",
    "ongoingrivalry": "tss_rivalry",
    "tssr_id": "tss_id",
    "positional": "tss_positional",
    "spatial": "tss_spatial",
    "ideological": "tss_ideological",
    "interventionary": "tss_interventionary",
}

DYAD_SUMS = [
    "atop_alliance",
    "atop_defense",
    "atop_offense",
    "atop_neutral",
    "atop_nonagg",
    "atop_consul",
    "gmlmidonset",
    "gmlmidongoing",
    "gml_hostlev",
    "tss_rivalry",
    "tss_positional",
    "tss_spatial",
    "tss_ideological",
    "tss_interventionary",
]
DYAD_NONNULL = ["cinc1", "milex1", "tpop1", "polity21", "v2x_polyarchy1", "euds1", "mindist"]
STATE_NONNULL = [
    "cinc",
    "milex",
    "milper",
    "irst",
    "pec",
    "tpop",
    "upop",
    "v2x_polyarchy",
    "polity2",
    "euds",
    "aeuds",
]


def dyad_sql(rel: str) -> str:
    """Per-year figures of a dyad-year relation: conttype by type, sums of 0/1 columns, non-null counts,
    the sum of cinc1 and quartiles of mindist (quantile_disc: a value of the data, no interpolation)."""
    parts = [
        "count(*) AS n_rows",
        *[f"count(*) FILTER (WHERE conttype = {t}) AS conttype_{t}" for t in range(6)],
        "count(*) FILTER (WHERE conttype IS NULL) AS conttype_na",
        *[f"sum({c})::BIGINT AS {c}" for c in DYAD_SUMS],
        *[f"count({c}) AS {c}_n" for c in DYAD_NONNULL],
        "round(sum(cinc1), 4) AS cinc1_sum",
        "count(*) FILTER (WHERE mindist = 0) AS mindist_0",
        *[
            f"round(quantile_disc(mindist, {q}), 1) AS mindist_q{int(q * 100)}"
            for q in (0.25, 0.5, 0.75)
        ],
    ]
    return f"SELECT year, {', '.join(parts)} FROM {rel} GROUP BY year ORDER BY year"


def state_sql(rel: str) -> str:
    """Per-year figures of a state-year relation: rows, non-null counts and the sum of cinc."""
    parts = [
        "count(*) AS n_rows",
        *[f"count({c}) AS {c}_n" for c in STATE_NONNULL],
        "round(sum(cinc), 4) AS cinc_sum",
    ]
    return f"SELECT year, {', '.join(parts)} FROM {rel} GROUP BY year ORDER BY year"


def figures(con: duckdb.DuckDBPyConnection, rel: str, unit: str) -> pd.DataFrame:
    """The figures of `rel` (a table, view or parenthesised query) for unit "dyad" or "state"."""
    sql = dyad_sql(rel) if unit == "dyad" else state_sql(rel)
    return con.execute(sql).df()


def _sums(columns: list[str]) -> list[str]:
    return [f"sum({c})::BIGINT AS {c}" for c in columns]


def _counts(columns: list[str]) -> list[str]:
    return [f"count({c}) AS {c}_n" for c in columns]


# the verbs of issue 18, part 3, per unit: what their reference tables hold per year
VERB_SQL = {
    "dyad": [
        *_sums(["cowmidonset", "cowmidongoing", "cowmidspell", "gmlmidspell"]),
        *_sums(["cowinteronset", "cowinterongoing", "cowinterspell", "batdeath1", "dyadigos"]),
        *_counts(["cowmidspell", "cowinterspell", "batdeath1", "outcome1", "dyadigos", "capdist"]),
        "round(sum(capdist), 0) AS capdist_sum",
        *[
            f"round(quantile_disc(capdist, {q}), 1) AS capdist_q{int(q * 100)}"
            for q in (0.25, 0.5, 0.75)
        ],
    ],
    "state": [
        *_sums(["sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"]),
        *_counts(["sum_igo_anytype", "mincapdist"]),
        "round(sum(mincapdist), 1) AS mincapdist_sum",
    ],
    "gwstate": [
        *_sums(["ucdpongoing", "ucdponset", "maxintensity", "ucdpspell"]),
        *_counts(["ucdpongoing", "ucdpspell", "conflict_ids"]),
    ],
    "leader": [
        "count(DISTINCT obsid) AS leaders",
        "count(DISTINCT gwcode) AS states",
        "sum(leaderage)::BIGINT AS leaderage",
        "count(leaderage) AS leaderage_n",
        "sum(yrinoffice)::BIGINT AS yrinoffice",
        "count(*) FILTER (WHERE gender = 'W') AS women",
    ],
}


def verb_figures(con: duckdb.DuckDBPyConnection, rel: str, unit: str) -> pd.DataFrame:
    """Per-year figures of the new verbs' columns in `rel` for unit dyad, state, gwstate or leader."""
    parts = ["count(*) AS n_rows", *VERB_SQL[unit]]
    return con.execute(
        f"SELECT year, {', '.join(parts)} FROM {rel} GROUP BY year ORDER BY year"
    ).df()
