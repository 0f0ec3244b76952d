"""Ingest event files of any supported format into normalised, de-duplicated Parquet plus dyad aggregates.

Formats are detected from the first line of each file (gzip transparent):
official GDELT 2.0 export (61 tab fields), official GDELT 1.0 (57/58 tab fields), ICEWS Dataverse .tab,
PLOVER JSON, and the adapters for re-exports (Luka-Radulovic GDELT 2.0 CSV, R re-exports of GDELT 1.0,
icews R-package TSV). Official GDELT 2.0 files — the bulk — are parsed and normalised by the engine
itself (DuckDB or Spark); the other formats are parsed in pandas and normalised with the same GDELT SQL
(on an in-process DuckDB) before being handed to the engine.
"""

from __future__ import annotations

import gzip
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from realpolitik.events import dedup, pipeline, schema
from realpolitik.events.engines import EVENTS_DDL, DuckEngine, Engine, make_engine
from realpolitik.sources.events import adapters, cameo, gdelt1, gdelt2, icews, plover

FORMATS = {
    "gdelt2": "GDELT 2.0 export (official)",
    "gdelt1": "GDELT 1.0 events (official)",
    "icews": "ICEWS Dataverse .tab (official)",
    "plover": "PLOVER/POLECAT JSON",
    "gdelt2-luka": "GDELT 2.0 re-export (Luka-Radulovic adapter)",
    "gdelt1-r": "GDELT 1.0 R re-export (mpiccirilli adapter)",
    "icews-r": "ICEWS R-package export (andybega adapter)",
}
DATASET_OF = {
    "gdelt2": "gdelt2", "gdelt2-luka": "gdelt2", "gdelt1": "gdelt1", "gdelt1-r": "gdelt1",
    "icews": "icews", "icews-r": "icews", "plover": "plover",
}  # fmt: skip


def _first_line(path: Path) -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        return f.readline(1 << 20).decode("utf-8", errors="replace").rstrip("\r\n")


def detect(path: Path | str) -> str:
    """The format key of a file (see FORMATS), from its first line."""
    from realpolitik.errors import DataMissing, UserError

    path = Path(path)
    if not path.is_file():
        raise DataMissing(f"input file not found: {path}")
    line = _first_line(path)
    if not line:
        raise UserError(f"{path}: empty file")
    stripped = line.lstrip("\ufeff ")
    if stripped.startswith(("[", "{")):
        return "plover"
    if stripped.startswith(",Global_Event_ID,"):
        return "gdelt2-luka"
    if stripped.startswith('"GLOBALEVENTID"') or stripped.startswith("GLOBALEVENTID,"):
        return "gdelt1-r"
    if stripped.startswith("Event ID\tEvent Date\t"):
        return "icews"
    if stripped.startswith("event_id\tevent_date\t"):
        return "icews-r"
    tabs = line.count("\t")
    if tabs == 60:
        return "gdelt2"
    if tabs in (56, 57):
        return "gdelt1"
    raise UserError(
        f"{path}: unrecognised event format ({tabs + 1} tab-separated fields in line 1)"
    )


def lookups(engine: Engine, codes: list[str]) -> None:
    """Register the country (cc) and CAMEO→PLOVER (pl) lookup tables on an engine."""
    engine.frame("cc", cameo.country_table(codes), "code STRING, id STRING")
    engine.frame("pl", cameo.plover_table(), "code STRING, plover_event STRING")


def normalise_raw_gdelt(raw: pd.DataFrame, dataset: str, origin: str) -> pd.DataFrame:
    """Official-named GDELT columns (pandas) → schema rows, through the shared GDELT SQL on DuckDB."""
    if raw.empty:
        return schema.empty()
    eng = DuckEngine(threads=2)
    try:
        eng.frame("raw", raw)
        lookups(eng, eng.df(schema.distinct_codes_sql("raw"))["code"].tolist())
        return schema.finish(eng.df(schema.gdelt_select("raw", dataset, origin)))
    finally:
        eng.close()


def load_small(path: Path, fmt: str, origin: str) -> pd.DataFrame:
    """Parse and normalise one non-bulk file in pandas."""
    if fmt == "gdelt1":
        return normalise_raw_gdelt(gdelt1.read_gdelt1(path), "gdelt1", origin)
    if fmt == "gdelt1-r":
        return normalise_raw_gdelt(adapters.read_r_export(path), "gdelt1", origin)
    if fmt == "gdelt2-luka":
        return normalise_raw_gdelt(adapters.read_luka_radulovic(path), "gdelt2", origin)
    if fmt == "gdelt2":
        return normalise_raw_gdelt(gdelt2.read_gdelt2(path), "gdelt2", origin)
    if fmt == "icews":
        return icews.normalise(icews.read_icews(path), origin)
    if fmt == "icews-r":
        return icews.normalise(adapters.read_icews_r_export(path), origin)
    if fmt == "plover":
        return plover.normalise(plover.read_plover(path), origin)
    raise ValueError(fmt)


@dataclass
class IngestResult:
    """What an ingest did: output files, per-input formats and the de-duplication counts."""

    out_dir: Path
    engine: str
    inputs: pd.DataFrame  # path, format, dataset, origin
    report: pd.DataFrame  # dataset, origin, rows_read, duplicates, rows_kept
    files: dict[str, Path] = field(default_factory=dict)


def _origin(path: Path) -> str:
    return path.name


def stage_events(engine: Engine, paths: list[Path], origin: str | None = None) -> pd.DataFrame:
    """Register view `events_all` (all inputs normalised, before de-duplication); returns the input table."""
    rows = [
        {
            "path": str(p),
            "format": (f := detect(p)),
            "dataset": DATASET_OF[f],
            "origin": origin or _origin(p),
        }
        for p in paths
    ]
    inputs = pd.DataFrame(rows, columns=["path", "format", "dataset", "origin"])
    bulk = [Path(r["path"]) for r in rows if r["format"] == "gdelt2"]
    parts: list[str] = []
    if bulk:
        bulk_origin = origin or (
            bulk[0].name if len(bulk) == 1 else f"{bulk[0].parent.name}/ ({len(bulk)} files)"
        )
        inputs.loc[inputs["format"] == "gdelt2", "origin"] = bulk_origin
        engine.gdelt2("raw_gdelt2", bulk)
        lookups(engine, cameo.known_codes())
        engine.view("ev_bulk", schema.gdelt_select("raw_gdelt2", "gdelt2", bulk_origin))
        parts.append("SELECT * FROM ev_bulk")
    small = [
        load_small(Path(r["path"]), r["format"], r["origin"])
        for r in rows
        if r["format"] != "gdelt2"
    ]
    small = [s for s in small if not s.empty]
    if small:
        engine.frame("ev_small", pd.concat(small, ignore_index=True), EVENTS_DDL)
        parts.append("SELECT * FROM ev_small")
    if not parts:
        engine.frame("ev_small", schema.empty(), EVENTS_DDL)
        parts.append("SELECT * FROM ev_small")
    cols = ", ".join(schema.COLUMNS)
    engine.view(
        "events_all",
        " UNION ALL ".join(f"SELECT {cols} FROM ({p}) AS p{i}" for i, p in enumerate(parts)),
    )
    return inputs


def ingest(
    paths: list[Path | str],
    out_dir: Path | str,
    engine: str = "duckdb",
    master: str = "local[2]",
    origin: str | None = None,
    threads: int | None = None,
) -> IngestResult:
    """Normalise + de-duplicate `paths` into out_dir/events.parquet, then dyad_month/dyad_year.parquet."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    eng = make_engine(engine, master, threads)
    try:
        inputs = stage_events(eng, [Path(p) for p in paths], origin)
        staging = out / "_ranked.parquet"  # parse + normalise + rank once, then read back
        eng.write_parquet(dedup.ranked_sql("events_all"), staging, compression="snappy")
        eng.parquet("ranked", staging)
        report = eng.df(dedup.report_of("ranked"))
        events_path = out / "events.parquet"
        eng.write_parquet(dedup.kept_sql("ranked"), events_path)
        files = {"events": events_path, **pipeline.aggregate(eng, events_path, out)}  # type: ignore[dict-item]
    finally:
        eng.close()
    if staging.is_dir():
        shutil.rmtree(staging, ignore_errors=True)
    else:
        staging.unlink(missing_ok=True)
    return IngestResult(out, engine, inputs, report, files)


def normalised_frame(
    paths: list[Path], origins: list[str] | None = None, formats: list[str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(de-duplicated events, dedup report) for a handful of files, in memory on DuckDB (snapshot builds)."""
    eng = DuckEngine(threads=2)
    try:
        frames = []
        for i, p in enumerate(paths):
            fmt = formats[i] if formats else detect(p)
            frames.append(load_small(Path(p), fmt, origins[i] if origins else _origin(Path(p))))
        eng.frame("events_all", pd.concat(frames, ignore_index=True) if frames else schema.empty())
        report = eng.df(dedup.report_sql("events_all"))
        events = schema.finish(eng.df(dedup.dedup_sql("events_all")))
    finally:
        eng.close()
    return events, report
