"""Writing a panel to Parquet, CSV, Feather or Stata straight from DuckDB's rows (no Python loop over rows)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


# Parquet written by DuckDB itself (the default): zstd level 1 without dictionary pages, on panels
# (mostly small integers and NULLs) a smaller file for 30 % less CPU than DuckDB's defaults
PARQUET = "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, DICTIONARY_SIZE_LIMIT 1"
# Parquet encoded by Arrow on a second thread (`threads=2`): no dictionary pages either; Arrow's encoder takes
# about two thirds of DuckDB's CPU for the same rows (directed chain 1816–2025: 1.2 vs 1.8 s), and its zstd level 2
# costs what level 1 does for DuckDB's file size (53 MB; level 1 58 MB, level 3 52 MB and 0.1 s more)
ARROW_PARQUET: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 2,
    "use_dictionary": False,
    "store_schema": False,
}
ROW_GROUP = 122_880  # rows per Arrow batch, so per Parquet row group (DuckDB's own row group size)
# below about this many cells (rows x columns) importing pyarrow (about 0.2 CPU s and 55 MB) costs more than encoding on
# a second thread saves: the bare directed panel (6.8 million cells) is written faster by COPY, every chain of steps
# over the dyad-years 1816–2025 (tens of millions) by Arrow
PIPELINE_MIN_CELLS = 20_000_000


def cells(panel: Panel, con: Any, limit: int | None) -> int:
    """An upper bound on the cells (rows x columns) the panel will write: dyad-years counted from its state-years
    (pairs of states alive in each year, false dyads not removed), a few milliseconds of SQL."""
    if panel.unit != "dyad":
        rows = int(con.execute(f"SELECT count(*) FROM ({panel.state_sql})").fetchone()[0])
    else:
        pairs = f"SELECT sum(n * (n - 1)) FROM (SELECT count(*) AS n FROM ({panel.state_sql}) GROUP BY year)"
        rows = int(con.execute(pairs).fetchone()[0] or 0) // (1 if panel.directed else 2)
    if limit:
        rows = min(rows, limit)
    return rows * (len(panel.codes) + 1 + len(panel.columns))


def pipelined(batches: Iterable[Any], write: Callable[[Any], None], depth: int = 2) -> int:
    """Hand `batches` (produced on this thread) to `write` on a second thread and return the rows written.

    DuckDB computes the rows on one thread, in the same order every run, while the file is encoded on the other
    core: the parallel speed-up of two threads with the fixed order of one. At most `depth` batches wait between
    the two (bounded memory). An error on either side stops both and is raised here.
    """
    handoff: queue.Queue[Any] = queue.Queue(maxsize=depth)
    failed: list[BaseException] = []
    rows = 0

    def consume() -> None:
        while (batch := handoff.get()) is not None:
            if failed:
                continue  # keep draining so that the producer never blocks on a full queue
            try:
                write(batch)
            except BaseException as e:  # noqa: BLE001 - re-raised on the producer's thread
                failed.append(e)

    worker = threading.Thread(target=consume, name="panel-writer", daemon=True)
    worker.start()
    try:
        for batch in batches:
            if failed:
                break
            handoff.put(batch)
            rows += batch.num_rows
    finally:
        handoff.put(None)
        worker.join()
    if failed:
        raise failed[0]
    return rows


def write_panel(
    panel: Panel, path: Path, sort: bool = False, limit: int | None = None, threads: int = 1
) -> int:
    """Write the panel to `path` and return the rows written; rows are sorted by codes and year only if `sort`,
    only the first `limit` rows written if `limit` (0 or None: all).

    `threads` 1 (the default) and 2 give the same file every run, byte for byte: DuckDB computes the rows on one
    thread (`Panel.pinned`). With 1, Parquet and CSV are written by DuckDB itself (COPY, the least CPU); with 2,
    Parquet of PIPELINE_MIN_CELLS cells or more (dyad-years with steps) and Feather are encoded by Arrow on the second
    thread while DuckDB streams the record batches (`pipelined`: less wall time when a second core is free, a little
    more CPU and memory). With 3 or more DuckDB itself runs on that many threads and the row order changes run to
    run. Stata goes via pandas.
    """
    fmt = format_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    target = str(path).replace("'", "''")
    sql = panel.query(sort, limit)
    beside = threads == 2  # Arrow's encoder on the second thread
    duck = 1 if threads <= 2 else threads  # DuckDB's threads
    if fmt in ("csv", "parquet"):
        with panel.pinned(sql, duck) as con:
            if fmt == "csv" or not beside or cells(panel, con, limit) < PIPELINE_MIN_CELLS:
                opts = PARQUET if fmt == "parquet" else "FORMAT csv, HEADER true"
                return int(con.execute(f"COPY ({sql}) TO '{target}' ({opts})").fetchone()[0])
    if fmt in ("parquet", "feather"):
        import pyarrow as pa

        with panel.pinned(sql, duck) as con:
            reader = con.sql(sql).to_arrow_reader(batch_size=ROW_GROUP)
            if fmt == "parquet":
                import pyarrow.parquet as pq

                out = pq.ParquetWriter(str(path), reader.schema, **ARROW_PARQUET)
            else:
                options = pa.ipc.IpcWriteOptions(compression="zstd")
                out = pa.ipc.new_file(str(path), reader.schema, options=options)
            try:
                with out:
                    if beside:
                        return pipelined(reader, out.write_batch)
                    rows = 0
                    for batch in reader:
                        out.write_batch(batch)
                        rows += batch.num_rows
                    return rows
            except BaseException:
                path.unlink(missing_ok=True)  # no half-written file
                raise
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
