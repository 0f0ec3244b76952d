"""GDELT de-duplication: one event per (day, actors, event code, source URL), counted.

GDELT often codes the same action several times from one article (repeated sentences, updates in later
15-minute batches), each with its own GLOBALEVENTID. Rule used here, for GDELT rows only:

- two rows are duplicates when they share dataset, `date` (SQLDATE), `source_actor` and `target_actor`
  (the full CAMEO actor codes, Actor1Code/Actor2Code), `event_code` and `source_url`;
- the kept row is the one with the smallest event id (numeric order of the digit strings, then origin); its mentions, tone and Goldstein
  are kept as they are (not summed: the duplicates describe the same report of the same action);
- rows without a URL (GDELT 1.0 backfile rows) are never merged, since nothing shows they came
  from the same report; ICEWS and PLOVER rows are not de-duplicated.

The SQL is DuckDB dialect, run as is by DuckDB and transpiled for Spark.
"""

from __future__ import annotations

from realpolitik.events.schema import COLUMNS

KEYS = ["dataset", "date", "source_actor", "target_actor", "event_code", "source_url"]
GDELT = "('gdelt1', 'gdelt2')"


def ranked_sql(events: str) -> str:
    """Events with `dup_rank` (1 = kept) within their duplicate group."""
    cols = ", ".join(COLUMNS)
    keys = ", ".join(KEYS)
    return (
        f"SELECT {cols}, CASE WHEN dataset IN {GDELT} AND source_url IS NOT NULL "
        f"THEN ROW_NUMBER() OVER (PARTITION BY {keys} ORDER BY LENGTH(event_id), event_id, origin) ELSE 1 END AS dup_rank "
        f"FROM {events}"
    )


def kept_sql(ranked: str) -> str:
    """The kept rows (schema columns only) of a relation that has `dup_rank`."""
    return f"SELECT {', '.join(COLUMNS)} FROM {ranked} WHERE dup_rank = 1"


def dedup_sql(events: str) -> str:
    """The de-duplicated events (schema columns only)."""
    return kept_sql(f"({ranked_sql(events)}) AS ranked")


def report_of(ranked: str) -> str:
    """Per dataset and origin of a ranked relation: rows read, duplicates removed, rows kept."""
    return (
        "SELECT dataset, origin, COUNT(*) AS rows_read, "
        "CAST(SUM(CASE WHEN dup_rank > 1 THEN 1 ELSE 0 END) AS BIGINT) AS duplicates, "
        "CAST(SUM(CASE WHEN dup_rank = 1 THEN 1 ELSE 0 END) AS BIGINT) AS rows_kept "
        f"FROM {ranked} GROUP BY dataset, origin ORDER BY dataset, origin"
    )


def report_sql(events: str) -> str:
    """Per dataset and origin: rows read, duplicates removed, rows kept."""
    return report_of(f"({ranked_sql(events)}) AS ranked")
