"""Core timings: cold CLI query, warm API query and snapshot build, each with a same-run baseline.

Run: python benchmarks/bench_core.py [--raw ../shared/data/raw] [--repeat 5]
Targets (issue 2): cold `realpolitik arms suppliers …` ≤ 1.0 s; warm API query ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed_cmd(cmd: list[str], repeat: int) -> float:
    """Median wall time of a command run `repeat` times (each a fresh process)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--raw", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "raw"
    )
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-build", action="store_true")
    args = ap.parse_args()
    py = sys.executable

    base = timed_cmd([py, "-c", "import pandas"], args.repeat)
    cold = timed_cmd(
        [
            py,
            "-m",
            "realpolitik.cli.main",
            "arms",
            "suppliers",
            "Azerbaijan",
            "--from",
            "2016",
            "--to",
            "2020",
            "--format",
            "json",
        ],
        args.repeat,
    )
    print(f"baseline  python -c 'import pandas'        {base:8.3f} s")
    print(
        f"cold CLI  arms suppliers Azerbaijan 2016-20 {cold:8.3f} s  ratio {cold / base:5.2f}x  target <= 1.0 s"
    )

    from realpolitik.periods import Period
    from realpolitik.queries import arms

    arms.suppliers("Azerbaijan", Period(2016, 2020))  # warm up: store opened, views created
    n = 50
    t = time.perf_counter()
    for _ in range(n):
        arms.suppliers("Azerbaijan", Period(2016, 2020))
    warm = (time.perf_counter() - t) / n
    import duckdb

    con = duckdb.connect()
    t = time.perf_counter()
    for _ in range(n):
        con.execute("SELECT 42").df()
    trivial = (time.perf_counter() - t) / n
    print(f"baseline  trivial DuckDB query -> pandas     {1000 * trivial:8.2f} ms")
    print(
        f"warm API  arms.suppliers                     {1000 * warm:8.2f} ms  ratio {warm / trivial:5.1f}x  target <= 20 ms"
    )

    if not args.skip_build and args.raw.is_dir():
        from realpolitik.snapshot.build import build

        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            build(args.raw, Path(tmp), only=["sipri"])
            sipri_s = time.perf_counter() - t
            t = time.perf_counter()
            build(args.raw, Path(tmp))
            full = time.perf_counter() - t
        print(f"data build --only sipri                      {sipri_s:8.2f} s")
        print(
            f"data build (all datasets)                    {full:8.2f} s  ratio to sipri {full / sipri_s:5.1f}x"
        )


if __name__ == "__main__":
    main()
