"""SYNTHETIC GDELT 2.0 event files for scale tests — generated, not real data.

Rows have the official GDELT 2.0 export layout (61 tab-separated columns, no header) so the strict
loader and the whole pipeline run on them unchanged. Distributions:

- CAMEO root codes follow the per-mille shares measured on the real GDELT 2.0 samples in
  raw/events (7,503 de-duplicated rows, 2019-10 and 2020-11); within a root, codes are drawn uniformly
  from the official CAMEO list; Goldstein and QuadClass are the official values of the drawn code.
- actor countries: 40 states with Zipf(1) weights; 10% of Actor1 and 12% of Actor2 blank (as in the
  samples); actor type codes GOV/MIL/BUS/… by sample shares; mentions 1 + geometric(mean ≈ 4.4);
  AvgTone ≈ uniform-sum around −2.
- about 5% of rows repeat the previous row's content (day, actors, code, URL) under a new
  GLOBALEVENTID, so the de-duplication has work to do.

Generation runs as one DuckDB SQL query over `range(n)` with hash-seeded draws: the same seed and
DuckDB version give the same rows, and 50 M rows take seconds, not minutes. Every value marks itself as
synthetic: URLs are under https://synthetic.invalid/.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from realpolitik.sources.events import cameo, gdelt2

# Per-mille share of each CAMEO root among real GDELT 2.0 sample rows (see module doc).
ROOT_WEIGHTS = {
    "01": 127, "02": 55, "03": 83, "04": 279, "05": 104, "06": 30, "07": 34, "08": 42, "09": 11,
    "10": 10, "11": 52, "12": 16, "13": 13, "14": 9, "15": 3, "16": 15, "17": 33, "18": 11,
    "19": 75, "20": 1,
}  # fmt: skip
COUNTRIES = [
    "USA", "RUS", "CHN", "GBR", "ISR", "IRN", "TUR", "FRA", "DEU", "IND", "UKR", "SYR", "PAK", "JPN",
    "AFG", "SAU", "IRQ", "KOR", "PRK", "ARM", "AZE", "EGY", "CAN", "AUS", "BRA", "MEX", "NGA", "ZAF",
    "ITA", "ESP", "POL", "GEO", "QAT", "ARE", "LBN", "VEN", "PHL", "IDN", "KEN", "ETH",
]  # fmt: skip
TYPES = {
    "GOV": 40,
    "": 20,
    "IGO": 8,
    "MED": 6,
    "MNC": 6,
    "COP": 5,
    "BUS": 4,
    "EDU": 4,
    "CVL": 4,
    "MIL": 3,
}
SLOTS = 1000


def _slots(weights: dict[str, float]) -> list[str]:
    """Expand weights to SLOTS entries so a uniform slot draw follows the weights."""
    total = sum(weights.values())
    out: list[str] = []
    for k, w in weights.items():
        out += [k] * max(1, round(w / total * SLOTS))
    return (out * 2)[:SLOTS]


def code_slots() -> pd.DataFrame:
    """1000-slot table of (code, root, goldstein, quad): roots by ROOT_WEIGHTS, codes uniform within root."""
    codes = cameo.event_codes()
    codes = codes[codes["code"].str.len() >= 3]
    rows = []
    for slot, root in enumerate(_slots(ROOT_WEIGHTS)):
        within = codes[codes["root_code"] == root].reset_index(drop=True)
        c = within.iloc[slot % len(within)]
        rows.append(
            (slot, c["code"], c["code"][:3], root, int(c["quad_class"]), float(c["goldstein"]))
        )
    return pd.DataFrame(rows, columns=["slot", "code", "base", "root", "quad", "goldstein"])


def country_slots() -> pd.DataFrame:
    """1000-slot table of actor countries with Zipf(1) weights."""
    weights = {c: 1.0 / (i + 1) for i, c in enumerate(COUNTRIES)}
    return pd.DataFrame({"slot": range(SLOTS), "country": _slots(weights)})


def type_slots() -> pd.DataFrame:
    return pd.DataFrame({"slot": range(SLOTS), "atype": _slots(TYPES)})


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Register the slot tables the generator joins against."""
    con.register("syn_codes", code_slots())
    con.register("syn_countries", country_slots())
    con.register("syn_types", type_slots())


def generate_sql(n: int, seed: int = 0, start: str = "2020-01-01", days: int = 366) -> str:
    """SQL producing n synthetic rows with the 61 official GDELT 2.0 columns (needs `register`)."""

    def h(k: int, base: str = "src") -> str:
        return f"hash({base}, {int(seed)}, {k})"

    cols = {name: "NULL" for name in gdelt2.NAMES}
    cols.update(
        {
            "GLOBALEVENTID": "CAST(900000000 + i AS BIGINT)",
            "SQLDATE": "CAST(STRFTIME(d, '%Y%m%d') AS INTEGER)",
            "MonthYear": "CAST(STRFTIME(d, '%Y%m') AS INTEGER)",
            "Year": "CAST(YEAR(d) AS INTEGER)",
            "FractionDate": "ROUND(YEAR(d) + (DAYOFYEAR(d) - 1) / 365.0, 4)",
            "Actor1Code": "NULLIF(COALESCE(a1, '') || COALESCE(t1, ''), '')",
            "Actor1Name": "a1",
            "Actor1CountryCode": "a1",
            "Actor1Type1Code": "t1",
            "Actor2Code": "NULLIF(COALESCE(a2, '') || COALESCE(t2, ''), '')",
            "Actor2Name": "a2",
            "Actor2CountryCode": "a2",
            "Actor2Type1Code": "t2",
            "IsRootEvent": f"CAST({h(20)} % 2 AS INTEGER)",
            "EventCode": "code",
            "EventBaseCode": "base",
            "EventRootCode": "root",
            "QuadClass": "quad",
            "GoldsteinScale": "goldstein",
            "NumMentions": "mentions",
            "NumSources": "1",
            "NumArticles": "mentions",
            "AvgTone": f"ROUND(({h(21)} % 1000 + {h(22)} % 1000 + {h(23)} % 1000) / 150.0 - 12.0, 6)",
            "Actor1Geo_Type": "0",
            "Actor2Geo_Type": "0",
            "ActionGeo_Type": "0",
            "DATEADDED": "CAST(STRFTIME(d, '%Y%m%d') || '000000' AS BIGINT)",
            "SOURCEURL": f"'https://synthetic.invalid/' || CAST({h(24)} % 1000003 AS VARCHAR)",
        }
    )
    select = ",\n  ".join(f'{expr} AS "{name}"' for name, expr in cols.items())
    return f"""
WITH base AS (
  SELECT range AS i,
    CASE WHEN hash(range, {int(seed)}, 99) % 100 < 5 AND range > 0 THEN range - 1 ELSE range END AS src
  FROM range({int(n)})
), draws AS (
  SELECT i, src,
    DATE '{start}' + CAST({h(1)} % {int(days)} AS INTEGER) AS d,
    CAST({h(2)} % {SLOTS} AS INTEGER) AS ce,
    CASE WHEN {h(3)} % 100 < 10 THEN NULL ELSE CAST({h(4)} % {SLOTS} AS INTEGER) END AS c1,
    CASE WHEN {h(5)} % 100 < 12 THEN NULL ELSE CAST({h(6)} % {SLOTS} AS INTEGER) END AS c2,
    CAST({h(7)} % {SLOTS} AS INTEGER) AS ty1,
    CAST({h(8)} % {SLOTS} AS INTEGER) AS ty2,
    CAST(1 + FLOOR(-LN(({h(9)} % 1000000 + 1) / 1000001.0) * 3.4) AS INTEGER) AS mentions
  FROM base
), joined AS (
  SELECT draws.*, k.code, k.base, k.root, k.quad, k.goldstein,
    x1.country AS a1, x2.country AS a2, NULLIF(y1.atype, '') AS t1, NULLIF(y2.atype, '') AS t2
  FROM draws
  JOIN syn_codes AS k ON k.slot = draws.ce
  LEFT JOIN syn_countries AS x1 ON x1.slot = draws.c1
  LEFT JOIN syn_countries AS x2 ON x2.slot = draws.c2
  JOIN syn_types AS y1 ON y1.slot = draws.ty1
  JOIN syn_types AS y2 ON y2.slot = draws.ty2
)
SELECT
  {select}
FROM joined"""


def write_export(path: Path | str, n: int, seed: int = 0, threads: int | None = None) -> Path:
    """Write n synthetic rows as an official-layout GDELT 2.0 export file (tab-separated, no header)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(":memory:")
    try:
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        register(con)
        target = str(path).replace("'", "''")
        con.execute(
            f"COPY ({generate_sql(n, seed)}) TO '{target}' (DELIMITER '\t', HEADER false, QUOTE '')"
        )
    finally:
        con.close()
    return path


def generate(n: int, seed: int = 0) -> pd.DataFrame:
    """n synthetic rows (official GDELT 2.0 column names) as a DataFrame, for small tests."""
    con = duckdb.connect(":memory:")
    try:
        register(con)
        return con.execute(generate_sql(n, seed)).df()
    finally:
        con.close()
