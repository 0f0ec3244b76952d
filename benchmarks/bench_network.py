"""Benchmark of the signed network: the 1950–2024 balance series (target <= 10 s), one-year graph,
triads, partnerships, the exact frustration ILP on one year, and a cold CLI call.

Every time is printed with wall and CPU seconds and its ratio to a baseline measured in the same run
(`python -c "import pandas"` for cold starts; a fixed numpy workload for in-process work), because this
2-core machine is often shared. Also prints, per year, which layers had data.

    python benchmarks/bench_network.py [--no-ilp]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import numpy as np


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def numpy_baseline() -> float:
    """Wall time of a fixed workload (100 products of 200x200 matrices, one BLAS thread)."""
    from realpolitik.analyses.network.balance import single_thread_blas

    a = np.random.default_rng(0).random((200, 200))
    with single_thread_blas():
        t = time.perf_counter()
        for _ in range(100):
            a @ a
        return time.perf_counter() - t


def cold(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-ilp", action="store_true", help="skip the exact frustration ILP")
    a = ap.parse_args()
    import os

    print(f"machine load average: {os.getloadavg()[0]:.1f} (cores: {os.cpu_count()})")
    base_import = cold([sys.executable, "-c", "import pandas"])
    base_np = numpy_baseline()
    print(
        f"baseline: python -c 'import pandas' {base_import:.2f} s; numpy workload {base_np:.3f} s"
    )

    from realpolitik.analyses.network.balance import balance, balance_series
    from realpolitik.analyses.network.graph import signed_graph
    from realpolitik.analyses.network.partnerships import partnerships
    from realpolitik.analyses.network.triads import triads
    from realpolitik.store import get_store

    get_store().sql("SELECT 1")
    rows = []
    res, w, c = timed(lambda: balance_series(1950, 2024))
    rows.append(("balance series 1950–2024 (75 years)", w, c, "target <= 10 s"))
    g, w, c = timed(lambda: signed_graph(2020))
    rows.append(
        (f"signed_graph(2020): {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", w, c, "")
    )
    _, w, c = timed(lambda: triads("Azerbaijan", 2020))
    rows.append(("triads Azerbaijan 2020", w, c, ""))
    _, w, c = timed(lambda: partnerships(2020, top=25))
    rows.append(("partnerships 2020 top 25", w, c, ""))
    if not a.no_ilp:
        b, w, c = timed(lambda: balance(1950, exact=True, time_limit=60))
        r = b.frame.iloc[0]
        rows.append(
            (
                f"exact frustration ILP 1950 ({int(r['edges'])} edges): {r['frustration']:g} "
                f"(bound {r['frustration_lower']:g})",
                w,
                c,
                "HiGHS, 60 s limit",
            )
        )
    cli = cold(
        [
            sys.executable,
            "-m",
            "realpolitik.cli.main",
            "network",
            "triads",
            "Azerbaijan",
            "--year",
            "2020",
            "-f",
            "json",
        ]
    )
    rows.append(
        (
            "cold CLI: network triads Azerbaijan --year 2020 -f json",
            cli,
            float("nan"),
            f"{cli / base_import:.1f}x import pandas",
        )
    )

    print(f"\n{'operation':<72} {'wall s':>7} {'cpu s':>7} {'wall/numpy':>10}  note")
    for name, w, c, note in rows:
        print(f"{name:<72} {w:7.2f} {c:7.2f} {w / base_np:10.0f}  {note}")

    f = res.frame
    print("\nper-year layers with data (alliance(2018) = ATOP's last year carried forward):")
    last = None
    for y, layers in zip(f["year"], f["layers_with_data"], strict=True):
        if layers != last:
            print(f"  from {y}: {layers}")
            last = layers
    s = f.set_index("year")
    print(
        "\nshare of balanced triangles: "
        + ", ".join(f"{y} {s.loc[y, 'share_balanced']:.3f}" for y in range(1950, 2025, 10))
        + f", 2024 {s.loc[2024, 'share_balanced']:.3f}"
    )


if __name__ == "__main__":
    main()
