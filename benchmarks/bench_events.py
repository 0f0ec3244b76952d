"""Event pipeline benchmark on SYNTHETIC GDELT 2.0 rows: DuckDB aggregation, CSV ingest, Spark local mode.

    python benchmarks/bench_events.py [--rows 50000000] [--csv-rows 5000000] [--spark-rows 5000000]
                                      [--threads 2] [--cache DIR] [--no-spark]

1. Generates --rows synthetic events once into normalised Parquet (cached in --cache, default a temp dir).
2. Baselines on that Parquet, same run: COUNT(*) (metadata) and a full scan of the aggregation's columns.
3. DuckDB dyad-month aggregation from Parquet (the pipeline's SQL): time, rows/s, ratio to baselines.
4. CSV ingest on --csv-rows rows in the official 61-column layout: strict parse only, and the whole
   `events ingest` (parse → normalise → de-duplicate → Parquet → dyad-month/-year).
5. Spark local mode (--spark-master, default local[2]) on --spark-rows rows (default smaller than --rows:
   Spark's per-row cost makes 50 M rows take many minutes on 2 cores): session start, the same
   aggregation, and the DuckDB time on the same subset for the ratio.
Peak memory: max RSS of this process (DuckDB runs in-process) and of child processes (Spark's JVM).
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

import duckdb

from realpolitik.events import pipeline, schema
from realpolitik.events.engines import DuckEngine, SparkEngine
from realpolitik.events.ingest import ingest, lookups
from realpolitik.sources.events import gdelt2, synthetic


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        out += [int(k) for k in kids]
        todo += [int(k) for k in kids]
    return out


def peak_mb() -> tuple[float, float]:
    """(this process, live descendants such as Spark's JVM) peak resident memory (VmHWM) in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = 0.0
    for pid in _descendants(os.getpid()):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    kids += int(line.split()[1]) / 1024
        except OSError:
            pass
    return own, kids


REPEAT = 1


def timed(
    label: str, fn, rows: int | None = None, base: float | None = None, repeat: int | None = None
) -> float:  # noqa: ANN001
    """Best of `repeat` runs (default --repeat), printed with rows/s and the ratio to a baseline."""
    times = []
    for _ in range(repeat or REPEAT):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    dt = min(times)
    msg = f"{label:<52} {dt:8.2f} s"
    if rows:
        msg += f"  {rows / dt / 1e6:8.2f} M rows/s"
    if base:
        msg += f"  ×{dt / base:6.1f} baseline"
    print(msg, flush=True)
    return dt


def make_parquet(path: Path, n: int, seed: int, threads: int) -> None:
    """n synthetic rows straight to normalised-schema Parquet (generator SQL → GDELT mapping SQL)."""
    eng = DuckEngine(threads=threads)
    try:
        synthetic.register(eng.con)
        eng.view("raw", synthetic.generate_sql(n, seed))
        lookups(eng, synthetic.COUNTRIES)
        eng.write_parquet(schema.gdelt_select("raw", "gdelt2", "synthetic"), path)
    finally:
        eng.close()


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rows", type=int, default=50_000_000)
    ap.add_argument("--csv-rows", type=int, default=5_000_000)
    ap.add_argument("--spark-rows", type=int, default=5_000_000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "realpolitik-bench-events"
    )
    ap.add_argument("--spark-master", default="local[2]")
    ap.add_argument("--no-spark", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="Best of N for the DuckDB timings.")
    args = ap.parse_args()
    global REPEAT
    REPEAT = args.repeat
    cache = args.cache
    cache.mkdir(parents=True, exist_ok=True)
    print(f"DuckDB {duckdb.__version__}, threads={args.threads}, cache {cache}")

    big = cache / f"events_{args.rows}_{args.seed}.parquet"
    if not big.exists():
        timed(
            f"generate {args.rows:,} synthetic rows → Parquet",
            lambda: make_parquet(big, args.rows, args.seed, args.threads),
        )
    print(f"  Parquet {big.stat().st_size / 2**20:,.0f} MiB")

    con = duckdb.connect(":memory:")
    con.execute(f"SET threads = {args.threads}")
    con.execute("SET preserve_insertion_order = false")
    con.execute(f"CREATE VIEW events AS SELECT * FROM read_parquet('{big}')")
    n = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    print(f"\n== DuckDB dyad-month aggregation from Parquet ({n:,} rows)")
    b0 = timed(
        "baseline: COUNT(*)", lambda: con.execute("SELECT COUNT(*) FROM events").fetchall(), n
    )
    scan = (
        "SELECT COUNT(source_id), COUNT(target_id), MAX(date), SUM(quad_class), SUM(goldstein), "
        "SUM(mentions), SUM(tone), COUNT(dataset) FROM events"
    )
    b1 = timed(
        "baseline: scan of the aggregation's 8 columns", lambda: con.execute(scan).fetchall(), n, b0
    )
    agg = pipeline.dyad_month_sql("events")
    out = cache / "bench_dyad_month.parquet"
    ta = timed(
        "dyad-month aggregation → Parquet",
        lambda: con.execute(f"COPY ({agg}) TO '{out}' (FORMAT parquet)"),
        n,
    )
    groups = con.execute(f"SELECT COUNT(*) FROM read_parquet('{out}')").fetchone()[0]
    print(f"  {groups:,} dyad-months; ×{ta / b1:.1f} the column scan, ×{ta / b0:.0f} COUNT(*)")
    con.execute(f"CREATE VIEW dm AS SELECT * FROM read_parquet('{out}')")
    timed(
        "dyad-year roll-up from dyad-month",
        lambda: con.execute(pipeline.dyad_year_sql("dm")).fetchall(),
    )
    print(f"  peak RSS so far: {peak_mb()[0]:,.0f} MiB")

    print(f"\n== CSV ingest ({args.csv_rows:,} rows, official GDELT 2.0 layout)")
    csv = cache / f"synthetic_{args.csv_rows}_{args.seed}.export.CSV"
    if not csv.exists():
        timed(
            "write synthetic export file",
            lambda: synthetic.write_export(csv, args.csv_rows, args.seed, args.threads),
        )
    print(f"  CSV {csv.stat().st_size / 2**20:,.0f} MiB")
    parse = f"SELECT COUNT(*), SUM(GoldsteinScale) FROM {gdelt2.read_csv_sql([csv])}"
    tp = timed(
        "strict parse only (read_csv, 61 typed columns)",
        lambda: con.execute(parse).fetchall(),
        args.csv_rows,
    )
    timed(
        "full ingest: parse→normalise→dedup→Parquet→aggregates",
        lambda: ingest([csv], cache / "ingest_out", engine="duckdb", threads=args.threads),
        args.csv_rows,
        tp,
        repeat=1,
    )
    print(f"  peak RSS so far: {peak_mb()[0]:,.0f} MiB")

    if args.no_spark:
        return
    print(f"\n== Spark local mode ({args.spark_master}) vs DuckDB on {args.spark_rows:,} rows")
    small = cache / f"events_{args.spark_rows}_{args.seed}.parquet"
    if not small.exists():
        make_parquet(small, args.spark_rows, args.seed, args.threads)
    con.execute(f"CREATE OR REPLACE VIEW small AS SELECT * FROM read_parquet('{small}')")
    sm = cache / "bench_small_duck.parquet"
    td = timed(
        "DuckDB dyad-month aggregation → Parquet",
        lambda: con.execute(
            f"COPY ({pipeline.dyad_month_sql('small')}) TO '{sm}' (FORMAT parquet)"
        ),
        args.spark_rows,
    )
    holder: dict[str, SparkEngine] = {}
    timed(
        "Spark session start",
        lambda: holder.setdefault("e", SparkEngine(args.spark_master)),
        repeat=1,
    )
    eng = holder["e"]
    eng.parquet("small", small)
    sout = cache / "bench_small_spark"
    ts = timed(
        "Spark dyad-month aggregation → Parquet (same SQL, sqlglot)",
        lambda: eng.write_parquet(pipeline.dyad_month_sql("small"), sout),
        args.spark_rows,
        td,
        repeat=1,
    )
    ts2 = timed(
        "Spark again (warm JVM), best of --repeat",
        lambda: eng.write_parquet(pipeline.dyad_month_sql("small"), sout),
        args.spark_rows,
        td,
    )
    own, kids = peak_mb()
    print(f"  Spark/DuckDB time ratio: cold ×{ts / td:.1f}, warm ×{ts2 / td:.1f}")
    print(
        f"\npeak RSS: python+DuckDB {own:,.0f} MiB; Spark JVM (descendant processes) {kids:,.0f} MiB"
    )


if __name__ == "__main__":
    main()
