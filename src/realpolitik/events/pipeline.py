"""Aggregation of normalised events to directed dyad-month and dyad-year tables, on DuckDB or Spark.

Written once as DuckDB SQL (see docs/events.md for why SQL + sqlglot rather than Ibis); the Spark engine
transpiles the same statements. A dyad is an ordered pair of resolver country ids (source → target);
rows where either side is not a state, or both sides are the same state, are left out. Each row keeps
additive sums (counts, Goldstein sums, weights) so months add up to years and the two directions add
up to an undirected dyad exactly; means are derived from those sums:

- `goldstein_mean` = mean Goldstein over events with a Goldstein value;
- `goldstein_wmean` = Σ goldstein·mentions / Σ mentions (GDELT only: ICEWS/PLOVER have no mentions);
- `tone_mean` = mean AvgTone (GDELT only);
- `cc_index` = (cooperation − conflict) / (cooperation + conflict) events, in [−1, 1], where
  cooperation = QuadClass 1+2 and conflict = QuadClass 3+4.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from realpolitik.events.engines import Engine

SUMS = [
    "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
    "goldstein_n", "goldstein_sum", "weight_sum", "goldstein_wsum", "mentions", "tone_n", "tone_sum",
]  # fmt: skip
COUNTS = [
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "goldstein_n",
    "tone_n",
]
FLOATS = ["goldstein_sum", "goldstein_wsum", "tone_sum"]
MEANS = ["goldstein_mean", "goldstein_wmean", "tone_mean", "cc_index"]


def _q(n: int) -> str:
    return f"CAST(SUM(CASE WHEN quad_class = {n} THEN 1 ELSE 0 END) AS BIGINT)"


def _means(inner: str, keys: str) -> str:
    coop = "(verbal_coop + material_coop)"
    conf = "(verbal_conflict + material_conflict)"
    return f"""
SELECT {keys}, {", ".join(SUMS)},
  goldstein_sum / NULLIF(CAST(goldstein_n AS DOUBLE), 0) AS goldstein_mean,
  goldstein_wsum / NULLIF(CAST(weight_sum AS DOUBLE), 0) AS goldstein_wmean,
  tone_sum / NULLIF(CAST(tone_n AS DOUBLE), 0) AS tone_mean,
  CAST({coop} - {conf} AS DOUBLE) / NULLIF(CAST({coop} + {conf} AS DOUBLE), 0) AS cc_index
FROM ({inner}) AS s"""


def dyad_month_sql(events: str) -> str:
    """Directed dyad-month aggregate of a normalised (de-duplicated) events relation."""
    inner = f"""
SELECT dataset, source_id, target_id, YEAR(date) * 100 + MONTH(date) AS ym,
  COUNT(*) AS events,
  {_q(1)} AS verbal_coop, {_q(2)} AS material_coop, {_q(3)} AS verbal_conflict, {_q(4)} AS material_conflict,
  COUNT(goldstein) AS goldstein_n,
  SUM(goldstein) AS goldstein_sum,
  CAST(SUM(CASE WHEN goldstein IS NOT NULL THEN mentions END) AS BIGINT) AS weight_sum,
  SUM(goldstein * mentions) AS goldstein_wsum,
  CAST(SUM(mentions) AS BIGINT) AS mentions,
  COUNT(tone) AS tone_n,
  SUM(tone) AS tone_sum
FROM {events}
WHERE source_id IS NOT NULL AND target_id IS NOT NULL AND source_id <> target_id AND date IS NOT NULL
GROUP BY dataset, source_id, target_id, YEAR(date) * 100 + MONTH(date)"""
    month = "CAST(ym // 100 AS VARCHAR) || '-' || LPAD(CAST(ym % 100 AS VARCHAR), 2, '0') AS month"
    return _means(inner, f"dataset, source_id, target_id, {month}")


def dyad_year_sql(dyad_month: str) -> str:
    """Directed dyad-year aggregate, rolled up from the dyad-month sums."""
    sums = ", ".join(
        f"CAST(SUM({c}) AS {'DOUBLE' if c in FLOATS else 'BIGINT'}) AS {c}" for c in SUMS
    )
    inner = (
        f"SELECT dataset, source_id, target_id, CAST(SUBSTRING(month, 1, 4) AS INTEGER) AS year, {sums} "
        f"FROM {dyad_month} GROUP BY dataset, source_id, target_id, CAST(SUBSTRING(month, 1, 4) AS INTEGER)"
    )
    return _means(inner, "dataset, source_id, target_id, year")


def aggregate(
    engine: Engine, events_parquet: Path | str, out_dir: Path | None = None
) -> dict[str, pd.DataFrame | Path]:
    """Run dyad-month and dyad-year on `events_parquet`; write Parquet to out_dir, else return DataFrames."""
    engine.parquet("events", events_parquet)
    if out_dir is None:
        engine.view("dyad_month", dyad_month_sql("events"))
        return {
            "dyad_month": engine.df("SELECT * FROM dyad_month"),
            "dyad_year": engine.df(dyad_year_sql("dyad_month")),
        }
    month = out_dir / "dyad_month.parquet"
    year = out_dir / "dyad_year.parquet"
    engine.write_parquet(dyad_month_sql("events"), month)
    engine.parquet("dyad_month", month)
    engine.write_parquet(dyad_year_sql("dyad_month"), year)
    return {"dyad_month": month, "dyad_year": year}


def sort_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Canonical row order for comparing aggregates between engines."""
    keys = [c for c in ("dataset", "source_id", "target_id", "month", "year") if c in df.columns]
    return df.sort_values(keys).reset_index(drop=True)
