"""Brief timings: JSON brief warm (target ≤ 0.3 s) and HTML brief with charts (target ≤ 2 s).

Baseline measured in the same run: one warm arms query (the brief runs ~50 such queries).
Run: python benchmarks/bench_brief.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from realpolitik.analyses.brief import brief, render
    from realpolitik.periods import Period
    from realpolitik.queries import arms

    render.to_html(
        brief("Israel", "Azerbaijan", as_of="2024-10-09")
    )  # warm: store, altair, vl-convert
    base = median_time(lambda: arms.suppliers("Azerbaijan", Period(2016, 2020)), args.repeat * 4)
    js = median_time(
        lambda: render.to_json(brief("Israel", "Azerbaijan", as_of="2024-10-09")), args.repeat
    )
    ht = median_time(
        lambda: render.to_html(brief("Israel", "Azerbaijan", as_of="2024-10-09")), args.repeat
    )
    print(f"baseline  warm arms.suppliers query       {1000 * base:8.1f} ms")
    print(
        f"JSON brief warm (Israel–Azerbaijan)       {1000 * js:8.1f} ms  ratio {js / base:6.1f}x  target <= 300 ms"
    )
    print(
        f"HTML brief with charts warm               {1000 * ht:8.1f} ms  ratio {ht / base:6.1f}x  target <= 2000 ms"
    )


if __name__ == "__main__":
    main()
