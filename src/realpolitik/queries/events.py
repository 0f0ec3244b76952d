"""Event-data queries: the cooperation/conflict series of a dyad from the ingested events.

Reads the dyad-month aggregate (`events_dyad_month`) and the covered months (`events_rows`) from the
store — the bundled `events_samples` snapshot by default, or an `events ingest` output directory.
A month appears only if the dataset has inter-state events in it at all (its coverage, read from the
small dyad-month table so queries stay fast on large ingests); a covered month with no events between
the pair shows 0 events and null means. Undirected by default: both directions added
from their additive sums, so means are exact, not averages of averages.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd

from realpolitik.countries import Country
from realpolitik.errors import BadPeriod, DataMissing, UserError
from realpolitik.queries.common import country
from realpolitik.result import Result, Source

DATASET = "events_samples"
ROWS, MONTHS = "events_rows", "events_dyad_month"
_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def month_bound(value: str | int | None, end: bool) -> str | None:
    """'2020' → '2020-01' (or '2020-12' as an end), '2020-11' and '2020-11-05' → '2020-11'."""
    if value is None or value == "":
        return None
    m = _MONTH.match(str(value).strip())
    if not m:
        raise BadPeriod(f"bad month {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month = int(m.group(1)), m.group(2)
    if month is None:
        return f"{year:04d}-{12 if end else 1:02d}"
    if not 1 <= int(month) <= 12:
        raise BadPeriod(f"bad month {value!r}: month must be 01..12")
    return f"{year:04d}-{int(month):02d}"


def _runner(data_dir: Path | None) -> tuple[object, list[Source]]:
    """A `sql(query, params)` callable and the sources, for the snapshot or an ingest directory."""
    if data_dir is None:
        from realpolitik.store import get_store

        store = get_store()
        if not (store.has_table(ROWS) and store.has_table(MONTHS)):
            raise DataMissing(f"no event data in the snapshot (dataset {DATASET} not built)")
        return store.sql, [store.source(DATASET)]
    from realpolitik.events.engines import parquet_files

    d = Path(data_dir)
    if not (d / "events.parquet").exists() or not (d / "dyad_month.parquet").exists():
        raise DataMissing(
            f"{d} is not an `events ingest` output (events.parquet, dyad_month.parquet)"
        )
    con = duckdb.connect(":memory:")
    for view, name in ((ROWS, "events.parquet"), (MONTHS, "dyad_month.parquet")):
        files = ", ".join("'" + f.replace("'", "''") + "'" for f in parquet_files(d / name))
        con.execute(f"CREATE VIEW {view} AS SELECT * FROM read_parquet([{files}])")

    def sql(query: str, params: list | None = None) -> pd.DataFrame:
        return con.execute(query, params or []).df()

    return sql, [Source("events ingest", str(d), "see the ingested input files", "", "")]


def dyad(
    a: str | Country,
    b: str | Country,
    start: str | int | None = None,
    end: str | int | None = None,
    freq: str = "month",
    directed: bool = False,
    dataset: str | None = None,
    data_dir: Path | None = None,
) -> Result:
    """Events between A and B per month or year: counts by QuadClass, Goldstein, tone, cc index."""
    if freq not in ("month", "year"):
        raise UserError(f"--freq must be month or year, not {freq!r}")
    ca, cb = country(a), country(b)
    if ca.id == cb.id:
        raise UserError(f"a dyad needs two different countries (got {ca.name} twice)")
    lo, hi = month_bound(start, False), month_bound(end, True)
    if lo and hi and lo > hi:
        raise BadPeriod(f"--from {lo} is after --to {hi}")
    sql, sources = _runner(data_dir)
    cov = sql(
        f"SELECT dataset, MIN(month) AS lo, MAX(month) AS hi FROM {MONTHS} GROUP BY dataset ORDER BY dataset"
    )
    if cov.empty:
        raise DataMissing("the event store holds no events")
    if dataset and dataset not in set(cov["dataset"]):
        held = ", ".join(cov["dataset"])
        raise UserError(f"unknown event dataset {dataset!r}; the event store holds {held}")
    first, last = cov["lo"].min(), cov["hi"].max()
    if (lo and lo > last) or (hi and hi < first):
        raise BadPeriod(
            f"{lo or first}..{hi or last} is outside the event data coverage ({first}..{last})"
        )
    lo, hi = lo or first, hi or last
    pair = "(d.source_id = $a AND d.target_id = $b)" + (
        "" if directed else " OR (d.source_id = $b AND d.target_id = $a)"
    )
    period = "c.month" if freq == "month" else "SUBSTRING(c.month, 1, 4)"
    ds_filter = "AND c.dataset = $ds" if dataset else ""
    query = f"""
WITH c AS (SELECT DISTINCT dataset, month FROM {MONTHS}),
d AS (SELECT * FROM {MONTHS} AS d WHERE {pair})
SELECT {period} AS period, c.dataset AS dataset,
  CAST(COALESCE(SUM(d.events), 0) AS BIGINT) AS events,
  CAST(COALESCE(SUM(CASE WHEN d.source_id = $a THEN d.events END), 0) AS BIGINT) AS a_to_b,
  CAST(COALESCE(SUM(CASE WHEN d.source_id = $b THEN d.events END), 0) AS BIGINT) AS b_to_a,
  CAST(COALESCE(SUM(d.verbal_coop), 0) AS BIGINT) AS verbal_coop,
  CAST(COALESCE(SUM(d.material_coop), 0) AS BIGINT) AS material_coop,
  CAST(COALESCE(SUM(d.verbal_conflict), 0) AS BIGINT) AS verbal_conflict,
  CAST(COALESCE(SUM(d.material_conflict), 0) AS BIGINT) AS material_conflict,
  SUM(d.goldstein_sum) / NULLIF(SUM(d.goldstein_n), 0) AS goldstein_mean,
  SUM(d.goldstein_wsum) / NULLIF(SUM(d.weight_sum), 0) AS goldstein_wmean,
  SUM(d.tone_sum) / NULLIF(SUM(d.tone_n), 0) AS tone_mean,
  CAST(SUM(d.verbal_coop + d.material_coop) - SUM(d.verbal_conflict + d.material_conflict) AS DOUBLE)
    / NULLIF(SUM(d.verbal_coop + d.material_coop + d.verbal_conflict + d.material_conflict), 0) AS cc_index
FROM c LEFT JOIN d ON d.dataset = c.dataset AND d.month = c.month
WHERE c.month BETWEEN $lo AND $hi {ds_filter}
GROUP BY 1, 2 ORDER BY 1, 2"""
    params = {"a": ca.id, "b": cb.id, "lo": lo, "hi": hi}
    if dataset:
        params["ds"] = dataset
    frame = sql(query, params)
    notes = [
        f"{'Directed ' + ca.name + ' → ' + cb.name if directed else 'Both directions'}; "
        "events = coded events after GDELT de-duplication (same day, actors, event code, URL).",
        "Only months in which a dataset has any inter-state events are listed; counts are not comparable "
        "across datasets (different coverage and coding).",
        "goldstein_wmean (mention-weighted) and tone_mean exist for GDELT only; cc_index = "
        "(cooperation − conflict) / (cooperation + conflict) events by QuadClass.",
    ]
    if data_dir is None:
        notes.append(
            "Bundled data are samples (a few days or months per source), not complete series."
        )
    if frame.empty or int(frame["events"].sum()) == 0:
        notes.append(f"No events between {ca.name} and {cb.name} in {lo}..{hi}.")
    title = f"Events {ca.name} {'→' if directed else '–'} {cb.name}, {lo}..{hi} by {freq}"
    query_d = {
        "command": "events dyad", "a": ca.id, "b": cb.id, "from": lo, "to": hi, "freq": freq,
        "directed": directed, "dataset": dataset,
    }  # fmt: skip
    return Result(frame, query_d, sources, notes, title=title)


def dyad_signs(
    start: str | int | None = None,
    end: str | int | None = None,
    dataset: str | None = None,
    min_events: int = 5,
    data_dir: Path | None = None,
) -> Result:
    """Every undirected state pair with ≥ min_events events: counts, Goldstein, cc index and its sign.

    The optional event layer for networks and the "relations timeline" of briefs: sign = +1 when the
    cooperation–conflict index is positive, −1 when negative, 0 when balanced.
    """
    lo, hi = month_bound(start, False), month_bound(end, True)
    sql, sources = _runner(data_dir)
    where = ["month BETWEEN $lo AND $hi"]
    params: dict[str, object] = {
        "lo": lo or "0000-00",
        "hi": hi or "9999-99",
        "min": int(min_events),
    }
    if dataset:
        where.append("dataset = $ds")
        params["ds"] = dataset
    query = f"""
SELECT dataset, LEAST(source_id, target_id) AS id1, GREATEST(source_id, target_id) AS id2,
  CAST(SUM(events) AS BIGINT) AS events,
  SUM(goldstein_sum) / NULLIF(SUM(goldstein_n), 0) AS goldstein_mean,
  CAST(SUM(verbal_coop + material_coop) - SUM(verbal_conflict + material_conflict) AS DOUBLE)
    / NULLIF(SUM(verbal_coop + material_coop + verbal_conflict + material_conflict), 0) AS cc_index
FROM {MONTHS} WHERE {" AND ".join(where)}
GROUP BY 1, 2, 3 HAVING SUM(events) >= $min ORDER BY events DESC, id1, id2"""
    frame = sql(query, params)
    frame["sign"] = frame["cc_index"].map(lambda v: None if pd.isna(v) else (v > 0) - (v < 0))
    notes = [
        f"Undirected state pairs with at least {min_events} events; counts are per dataset, never summed across.",
        "sign = sign of the cooperation–conflict index (QuadClass 1+2 vs 3+4).",
    ]
    query_d = {
        "command": "events signs",
        "from": lo,
        "to": hi,
        "dataset": dataset,
        "min_events": min_events,
    }
    return Result(frame, query_d, sources, notes, title="Event-data signs of state dyads")
