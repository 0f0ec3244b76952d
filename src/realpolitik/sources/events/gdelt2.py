"""GDELT 2.0 event exports (the 15-minute `YYYYMMDDHHMMSS.export.CSV` files), read strictly.

Official layout (GDELT 2.0 Event Database codebook): tab-separated, no header, no quoting, exactly 61
columns, SOURCEURL last. A row with any other width is an error (use the adapters in `adapters.py` for
re-exported copies). Parsing is done by DuckDB's CSV reader with an explicit column list, so a fresh
official download and a 50-million-row batch go through the same code.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd

# Official column names and DuckDB types, in file order (61 columns).
COLUMNS: dict[str, str] = {
    "GLOBALEVENTID": "BIGINT",
    "SQLDATE": "INTEGER",
    "MonthYear": "INTEGER",
    "Year": "INTEGER",
    "FractionDate": "DOUBLE",
    "Actor1Code": "VARCHAR",
    "Actor1Name": "VARCHAR",
    "Actor1CountryCode": "VARCHAR",
    "Actor1KnownGroupCode": "VARCHAR",
    "Actor1EthnicCode": "VARCHAR",
    "Actor1Religion1Code": "VARCHAR",
    "Actor1Religion2Code": "VARCHAR",
    "Actor1Type1Code": "VARCHAR",
    "Actor1Type2Code": "VARCHAR",
    "Actor1Type3Code": "VARCHAR",
    "Actor2Code": "VARCHAR",
    "Actor2Name": "VARCHAR",
    "Actor2CountryCode": "VARCHAR",
    "Actor2KnownGroupCode": "VARCHAR",
    "Actor2EthnicCode": "VARCHAR",
    "Actor2Religion1Code": "VARCHAR",
    "Actor2Religion2Code": "VARCHAR",
    "Actor2Type1Code": "VARCHAR",
    "Actor2Type2Code": "VARCHAR",
    "Actor2Type3Code": "VARCHAR",
    "IsRootEvent": "INTEGER",
    "EventCode": "VARCHAR",
    "EventBaseCode": "VARCHAR",
    "EventRootCode": "VARCHAR",
    "QuadClass": "INTEGER",
    "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER",
    "NumSources": "INTEGER",
    "NumArticles": "INTEGER",
    "AvgTone": "DOUBLE",
    "Actor1Geo_Type": "INTEGER",
    "Actor1Geo_FullName": "VARCHAR",
    "Actor1Geo_CountryCode": "VARCHAR",
    "Actor1Geo_ADM1Code": "VARCHAR",
    "Actor1Geo_ADM2Code": "VARCHAR",
    "Actor1Geo_Lat": "DOUBLE",
    "Actor1Geo_Long": "DOUBLE",
    "Actor1Geo_FeatureID": "VARCHAR",
    "Actor2Geo_Type": "INTEGER",
    "Actor2Geo_FullName": "VARCHAR",
    "Actor2Geo_CountryCode": "VARCHAR",
    "Actor2Geo_ADM1Code": "VARCHAR",
    "Actor2Geo_ADM2Code": "VARCHAR",
    "Actor2Geo_Lat": "DOUBLE",
    "Actor2Geo_Long": "DOUBLE",
    "Actor2Geo_FeatureID": "VARCHAR",
    "ActionGeo_Type": "INTEGER",
    "ActionGeo_FullName": "VARCHAR",
    "ActionGeo_CountryCode": "VARCHAR",
    "ActionGeo_ADM1Code": "VARCHAR",
    "ActionGeo_ADM2Code": "VARCHAR",
    "ActionGeo_Lat": "DOUBLE",
    "ActionGeo_Long": "DOUBLE",
    "ActionGeo_FeatureID": "VARCHAR",
    "DATEADDED": "BIGINT",
    "SOURCEURL": "VARCHAR",
}
NAMES = list(COLUMNS)
assert len(NAMES) == 61

# Spark DDL types for the same columns (the Spark engine reads the files with this schema).
SPARK_TYPES = {"BIGINT": "BIGINT", "INTEGER": "INT", "DOUBLE": "DOUBLE", "VARCHAR": "STRING"}


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def read_csv_sql(paths: Iterable[Path | str], columns: dict[str, str] | None = None) -> str:
    """DuckDB `read_csv(...)` expression reading official GDELT tab files strictly (for FROM clauses)."""
    cols = columns or COLUMNS
    files = "[" + ", ".join(_sql_str(str(p)) for p in paths) + "]"
    spec = "{" + ", ".join(f"{_sql_str(k)}: {_sql_str(v)}" for k, v in cols.items()) + "}"
    return (
        f"read_csv({files}, delim='\\t', header=false, quote='', escape='', comment='', "
        f"auto_detect=false, strict_mode=true, null_padding=false, columns={spec})"
    )


def read_gdelt2(paths: Path | str | Iterable[Path | str]) -> pd.DataFrame:
    """Parse one or more official GDELT 2.0 export files into a DataFrame with the 61 official columns."""
    from realpolitik.errors import DataMissing, UserError

    plist = [paths] if isinstance(paths, (str, Path)) else list(paths)
    for p in plist:
        if not Path(p).is_file():
            raise DataMissing(f"GDELT 2.0 export not found: {p}")
    try:
        return duckdb.sql(f"SELECT * FROM {read_csv_sql(plist)}").df()
    except duckdb.Error as e:
        first = str(e).splitlines()[0]
        raise UserError(
            f"not an official GDELT 2.0 export (61 tab-separated columns): {first}"
        ) from e
