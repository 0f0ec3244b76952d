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


# zstd level 1 without dictionary pages: on panels (mostly small integers and NULLs) a smaller file for 30 % less
# CPU than DuckDB's defaults (directed chain 1816–2025: 52 MB, 1.6 s to encode, instead of 58 MB, 2.4 s)
PARQUET = "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 1"


def write_panel(
    panel: Panel, path: Path, sort: bool = False, limit: int | None = None, threads: int = 1
) -> int:
    """Write the panel to `path` and return the rows written; rows are sorted by codes and year only if `sort`,
    only the first `limit` rows written if `limit` (0 or None: all).

    Parquet and CSV are streamed by DuckDB itself (COPY), Feather as Arrow record batches, Stata via pandas; all on
    one DuckDB thread unless `threads` > 1, so that the same panel gives the same file every run (`Panel.pinned`).
    """
    fmt = format_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    target = str(path).replace("'", "''")
    sql = panel.query(sort, limit)
    if fmt in ("parquet", "csv"):
        opts = PARQUET if fmt == "parquet" else "FORMAT csv, HEADER true"
        with panel.pinned(sql, threads) as con:
            return int(con.execute(f"COPY ({sql}) TO '{target}' ({opts})").fetchone()[0])
    if fmt == "feather":
        import pyarrow as pa

        rows = 0
        options = pa.ipc.IpcWriteOptions(compression="zstd")
        with panel.pinned(sql, threads) as con:
            reader = con.sql(sql).to_arrow_reader()
            with (
                pa.OSFile(target, "wb") as sink,
                pa.ipc.new_file(sink, reader.schema, options=options) as out,
            ):
                for batch in reader:
                    out.write_batch(batch)
                    rows += batch.num_rows
        return rows
    frame = panel.to_pandas(ordered=sort, limit=limit)
    for col in frame.columns:
        if str(frame[col].dtype).startswith(("Int", "int")):
            # Stata has no nullable ints: store as double so missing stays missing (never 0)
            if frame[col].isna().any():
                frame[col] = frame[col].astype("float64")
        elif frame[col].dtype == object or str(frame[col].dtype) == "string":
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "")
    frame.to_stata(path, write_index=False, version=118)
    return len(frame)
