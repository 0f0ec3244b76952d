"""The one normalised event schema (GDELT 1.0/2.0, ICEWS, PLOVER) and the SQL that maps GDELT into it.

One row per coded event: who did what to whom and when. Country ids are resolver ids (ISO3 for current
states) and are null when an actor has no state (regions, IGOs, unknown); the source's own code stays
beside them. GDELT rows map with the SQL below, written once in DuckDB dialect (the Spark engine
transpiles it with sqlglot); ICEWS and PLOVER rows are built in pandas and pass through `finish()`.
"""

from __future__ import annotations

import pandas as pd

# Column -> DuckDB type, in order. Spark types follow from SPARK_TYPES.
EVENT_COLUMNS: dict[str, str] = {
    "event_id": "VARCHAR",  # the source's own event id (GDELT GLOBALEVENTID, ICEWS Event ID, PLOVER id)
    "dataset": "VARCHAR",  # gdelt1 | gdelt2 | icews | plover
    "origin": "VARCHAR",  # which input batch / sample the row came from
    "date": "DATE",  # event date (GDELT SQLDATE, ICEWS Event Date, PLOVER date)
    "source_actor": "VARCHAR",  # full actor code or name (GDELT Actor1Code, ICEWS Source Name)
    "source_code": "VARCHAR",  # the source's country code/name (CAMEO country, ICEWS country name)
    "source_id": "VARCHAR",  # resolver id of the source country (null: not a state)
    "source_type": "VARCHAR",  # actor type (CAMEO type code such as GOV/MIL; ICEWS first sector)
    "target_actor": "VARCHAR",
    "target_code": "VARCHAR",
    "target_id": "VARCHAR",
    "target_type": "VARCHAR",
    "event_code": "VARCHAR",  # CAMEO event code, leading zeros kept ('0834')
    "root_code": "VARCHAR",  # CAMEO root ('08')
    "quad_class": "INTEGER",  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    "goldstein": "DOUBLE",  # Goldstein scale -10..+10 (ICEWS: Intensity)
    "mentions": "INTEGER",  # GDELT NumMentions (null for ICEWS/PLOVER)
    "tone": "DOUBLE",  # GDELT AvgTone (null for ICEWS/PLOVER)
    "source_url": "VARCHAR",  # GDELT SOURCEURL (null in GDELT 1.0 backfiles, ICEWS, PLOVER)
    "plover_event": "VARCHAR",  # PLOVER event type (CAMEO→PLOVER mapping, or PLOVER's own)
}
COLUMNS = list(EVENT_COLUMNS)
SPARK_TYPES = {
    "VARCHAR": "STRING",
    "DATE": "DATE",
    "INTEGER": "INT",
    "DOUBLE": "DOUBLE",
    "BIGINT": "BIGINT",
}


def spark_ddl() -> str:
    """The schema as a Spark DDL string."""
    return ", ".join(f"`{c}` {SPARK_TYPES[t]}" for c, t in EVENT_COLUMNS.items())


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _txt(expr: str) -> str:
    return f"NULLIF(TRIM(CAST({expr} AS VARCHAR)), '')"


def gdelt_select(raw: str, dataset: str, origin: str, cc: str = "cc", pl: str = "pl") -> str:
    """SQL mapping official GDELT columns in relation `raw` to the schema (cc: code→id, pl: code→PLOVER)."""
    d = "CAST(r.SQLDATE AS INTEGER)"
    return f"""
SELECT
  CAST(r.GLOBALEVENTID AS VARCHAR) AS event_id,
  {_lit(dataset)} AS dataset,
  {_lit(origin)} AS origin,
  MAKE_DATE({d} // 10000, ({d} // 100) % 100, {d} % 100) AS date,
  {_txt("r.Actor1Code")} AS source_actor,
  {_txt("r.Actor1CountryCode")} AS source_code,
  c1.id AS source_id,
  {_txt("r.Actor1Type1Code")} AS source_type,
  {_txt("r.Actor2Code")} AS target_actor,
  {_txt("r.Actor2CountryCode")} AS target_code,
  c2.id AS target_id,
  {_txt("r.Actor2Type1Code")} AS target_type,
  {_txt("r.EventCode")} AS event_code,
  {_txt("r.EventRootCode")} AS root_code,
  CAST(r.QuadClass AS INTEGER) AS quad_class,
  CAST(r.GoldsteinScale AS DOUBLE) AS goldstein,
  CAST(r.NumMentions AS INTEGER) AS mentions,
  CAST(r.AvgTone AS DOUBLE) AS tone,
  {_txt("r.SOURCEURL")} AS source_url,
  p.plover_event AS plover_event
FROM {raw} AS r
LEFT JOIN {cc} AS c1 ON c1.code = {_txt("r.Actor1CountryCode")}
LEFT JOIN {cc} AS c2 ON c2.code = {_txt("r.Actor2CountryCode")}
LEFT JOIN {pl} AS p ON p.code = {_txt("r.EventCode")}
"""


def distinct_codes_sql(raw: str) -> str:
    """SQL listing the distinct actor country codes of a raw GDELT relation (to build the cc lookup)."""
    return (
        f"SELECT DISTINCT code FROM (SELECT {_txt('Actor1CountryCode')} AS code FROM {raw} "
        f"UNION ALL SELECT {_txt('Actor2CountryCode')} AS code FROM {raw}) AS u WHERE code IS NOT NULL"
    )


def empty() -> pd.DataFrame:
    """A zero-row frame with the schema's columns and dtypes."""
    return finish(pd.DataFrame({c: [] for c in COLUMNS}))


def finish(df: pd.DataFrame) -> pd.DataFrame:
    """Coerce a pandas frame to the schema: column order, dtypes, empty strings → null."""
    out = pd.DataFrame(index=df.index)
    for col, typ in EVENT_COLUMNS.items():
        s = (
            df[col]
            if col in df.columns
            else pd.Series([None] * len(df), index=df.index, dtype=object)
        )
        if typ == "VARCHAR":
            s = s.astype(object).where(s.notna(), None)
            s = s.map(lambda v: (str(v).strip() or None) if v is not None else None)
        elif typ == "DATE":
            s = pd.to_datetime(s, errors="coerce").dt.date
            s = s.astype(object).where(s.notna(), None)
        elif typ == "INTEGER":
            s = pd.to_numeric(s, errors="coerce").astype("Int32")
        elif typ == "DOUBLE":
            s = pd.to_numeric(s, errors="coerce").astype("float64")
        out[col] = s
    return out.reset_index(drop=True)
