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


def write_panel(panel: Panel, path: Path) -> Path:
    """Write the panel to `path`; Parquet and CSV are written by DuckDB itself, Feather via Arrow, Stata via pandas."""
    fmt = format_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rel = panel.relation()
    target = str(path).replace("'", "''")
    if fmt == "parquet":
        rel.write_parquet(target, compression="zstd")
    elif fmt == "csv":
        rel.write_csv(target, header=True)
    elif fmt == "feather":
        import pyarrow.feather as feather

        feather.write_feather(rel.to_arrow_table(), target, compression="zstd")
    else:
        frame = panel.to_pandas()
        for col in frame.columns:
            if str(frame[col].dtype).startswith(("Int", "int")):
                # Stata has no nullable ints: store as double so missing stays missing (never 0)
                frame[col] = frame[col].astype("float64") if frame[col].isna().any() else frame[col]
            elif frame[col].dtype == object or str(frame[col].dtype) == "string":
                frame[col] = frame[col].astype(object).where(frame[col].notna(), "")
        frame.to_stata(path, write_index=False, version=118)
    return path
