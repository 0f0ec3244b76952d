"""Writing a panel to Parquet, CSV, Feather or Stata straight from DuckDB (no Python loop over rows)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from realpolitik.errors import UserError

if TYPE_CHECKING:
    from realpolitik.panel.core import Panel

FORMATS = {
    ".parquet": "parquet",
    ".csv": "csv",
    ".feather": "feather",
    ".arrow": "feather",
    ".dta": "stata",
}


def format_of(path: Path) -> str:
    """The output format named by a file's extension."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UserError(
            f"cannot tell the format of {path.name!r}: use .parquet, .csv, .feather or .dta"
        )
    return fmt


def write_panel(panel: Panel, path: Path) -> int:
    """Write the panel to `path` and return the rows written.

    Parquet and CSV are written by DuckDB itself (COPY), Feather via Arrow, Stata via pandas.
    """
    fmt = format_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    target = str(path).replace("'", "''")
    order = f"ORDER BY {', '.join(panel.codes)}, year"
    if fmt in ("parquet", "csv"):
        opts = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
        con = panel._con()
        return int(
            con.execute(
                f"COPY (SELECT * FROM ({panel.sql}) {order}) TO '{target}' ({opts})"
            ).fetchone()[0]
        )
    if fmt == "feather":
        import pyarrow.feather as feather

        table = panel.to_arrow()
        feather.write_feather(table, target, compression="zstd")
        return table.num_rows
    frame = panel.to_pandas()
    for col in frame.columns:
        if str(frame[col].dtype).startswith(("Int", "int")):
            # Stata has no nullable ints: store as double so missing stays missing (never 0)
            if frame[col].isna().any():
                frame[col] = frame[col].astype("float64")
        elif frame[col].dtype == object or str(frame[col].dtype) == "string":
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "")
    frame.to_stata(path, write_index=False, version=118)
    return len(frame)
