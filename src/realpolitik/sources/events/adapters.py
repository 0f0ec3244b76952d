"""Adapters for re-exported GDELT/ICEWS copies that are NOT the official layouts (kept apart on purpose).

The official loaders (`gdelt1`, `gdelt2`, `icews`) stay strict; these adapters turn known re-exports back
into the official column names so the same normalisation applies:

- `read_luka_radulovic`: Luka-Radulovic/gdelts-conflict-analysis scenario CSVs — GDELT 2.0 events
  re-saved by pandas: comma-separated, quoted, a header of renamed columns, a leading index column and
  a trailing `Confidence` column (63 fields). The 61 GDELT columns are in official order, so they are
  mapped by position (the names are misleading: `Actor_1_Country_Code` holds Actor1Code and
  `Actor_1_Country_ABBR` holds Actor1CountryCode). pandas also dropped the leading zeros of the CAMEO
  codes of roots 01–09 ('040' → '40', root '04' → '4'); they are restored from the root code.
- `read_r_export`: mpiccirilli/UNDP-BCPR-Project GDELT 1.0 rows written by R `write.csv` — header of
  official names, 'NA' for empty, and in some files (Dec 2012 – May 2013) an extra leading row-name field
  that is not in the header (data shifted right by one); one file carries an extra trailing `month`
  column. Gzipped copies are read directly; an empty file gives zero rows.
- `read_icews_r_export`: the andybega/icews R-package sample written with `write.table` (snake_case
  names plus `year`, `yearmonth`), mapped back to the Dataverse names.
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pandas as pd

from realpolitik.sources.events import gdelt1, gdelt2, icews

LUKA_FIRST, LUKA_LAST, LUKA_WIDTH = "Global_Event_ID", "Source_URL", 63


def _text(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rb") as f:
            return f.read().decode("utf-8", errors="replace")
    return path.read_text(encoding="utf-8", errors="replace")


def read_luka_radulovic(path: Path | str) -> pd.DataFrame:
    """Luka-Radulovic reformatted GDELT 2.0 CSV → DataFrame with the 61 official GDELT 2.0 columns."""
    from realpolitik.errors import UserError

    path = Path(path)
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        cols = next(csv.reader([f.readline()]), [])
    if len(cols) != LUKA_WIDTH or cols[1] != LUKA_FIRST or cols[-2] != LUKA_LAST:
        raise UserError(f"{path}: not a Luka-Radulovic reformatted GDELT 2.0 CSV")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.ParserError as e:
        raise UserError(f"{path}: malformed Luka-Radulovic CSV: {e}") from e
    out = df.iloc[:, 1:62].copy()
    out.columns = gdelt2.NAMES
    return restore_cameo_zeros(out.replace({"": None}))


def restore_cameo_zeros(df: pd.DataFrame) -> pd.DataFrame:
    """Put back leading zeros lost by a numeric re-save: root '4' → '04', codes '40' → '040', '831' → '0831'."""
    root = df["EventRootCode"].astype(object)
    ok = root.notna() & root.astype(str).str.fullmatch(r"\d{1,2}")
    fixed_root = root.where(~ok, root.astype(str).str.zfill(2))
    lost = ok & fixed_root.astype(str).str.startswith("0")
    out = df.copy()
    out["EventRootCode"] = fixed_root
    for col in ("EventCode", "EventBaseCode"):
        vals = out[col].astype(object)
        needs = lost & vals.notna() & ~vals.astype(str).str.startswith("0")
        out[col] = vals.where(~needs, "0" + vals.astype(str))
    return out


def read_r_export(path: Path | str) -> pd.DataFrame:
    """mpiccirilli R re-export of GDELT 1.0 rows → DataFrame with the 58 official GDELT 1.0 columns."""
    from realpolitik.errors import UserError

    path = Path(path)
    text = _text(path)
    if not text.strip():
        return pd.DataFrame(columns=gdelt1.NAMES, dtype=object)
    header = next(csv.reader([text.split("\n", 1)[0]]))
    if "GLOBALEVENTID" not in header or not set(gdelt1.NAMES[:57]) <= set(header):
        raise UserError(f"{path}: not an R re-export of GDELT 1.0 (header lacks official names)")
    try:
        df = pd.read_csv(
            io.StringIO(text), header=None, skiprows=1, dtype=str, keep_default_na=False
        )
    except pd.errors.ParserError as e:
        raise UserError(f"{path}: rows do not match the header: {e}") from e
    if df.shape[1] == len(header) + 1:
        header = ["row_name", *header]  # R row names written without a header cell
    elif df.shape[1] != len(header):
        raise UserError(f"{path}: rows have {df.shape[1]} fields, header has {len(header)}")
    df.columns = header
    if "SOURCEURL" not in df.columns:
        df["SOURCEURL"] = None
    df = df[gdelt1.NAMES]
    df = df.apply(lambda s: s.str.strip())
    return df.replace({"": None, "NA": None})


ICEWS_R_NAMES = {c.lower().replace(" ", "_"): c for c in icews.COLUMNS}


def read_icews_r_export(path: Path | str) -> pd.DataFrame:
    """andybega/icews R-package export (snake_case + year, yearmonth) → the ICEWS Dataverse columns."""
    from realpolitik.errors import UserError

    path = Path(path)
    df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    if not set(ICEWS_R_NAMES) <= set(df.columns):
        raise UserError(f"{path}: not an icews R-package export")
    df = df[list(ICEWS_R_NAMES)].rename(columns=ICEWS_R_NAMES)
    return df.replace({"": None, "NA": None})
