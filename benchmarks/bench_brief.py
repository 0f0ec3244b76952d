"""Brief timings in CPU seconds, each with a baseline measured in the same run; the targets are ratios
to those baselines (issues 13 and 15: 0.9 s cold and 0.2 s warm on the reference machine, where
`import duckdb` took 0.23 s and a warm `arms.suppliers` query 0.011 s):

* cold `realpolitik brief A B --format json` process: target <= COLD_X x `python -c "import duckdb"`;
  also reported against `python -c pass` and `python -c "import pandas, duckdb"` (what any brief must
  import; child-process CPU, user + system);
* warm in-process JSON brief: target <= WARM_X x one warm `arms.suppliers` query;
* warm HTML brief with charts (SVG): no target, reported.

CPU, not wall time: the machine is shared, and a brief that waits costs nobody anything. The median
of --repeat runs over three pairs (the seed, a rivalry, a pair with nothing between them).

    python benchmarks/bench_brief.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

PAIRS = [("Israel", "Azerbaijan"), ("Armenia", "Azerbaijan"), ("Iceland", "Bhutan")]
COLD_X = 3.9  # cold brief / `import duckdb` (0.9 s / 0.23 s)
WARM_X = 18.0  # warm brief / one warm query (0.2 s / 0.011 s)
AS_OF = "2024-10-09"


def child_cpu(args: list[str], repeat: int) -> float:
    """Median CPU seconds (user + system) of a child process."""
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(args, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def cpu(fn, repeat: int) -> float:
    """Median process CPU seconds of fn() (all threads)."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    n = args.repeat

    py = sys.executable
    base_pass = child_cpu([py, "-c", "pass"], n)
    base_duckdb = child_cpu([py, "-c", "import duckdb"], n)
    base_pandas = child_cpu([py, "-c", "import pandas, duckdb"], n)
    cold = child_cpu(
        [
            py,
            "-m",
            "realpolitik.cli.main",
            "brief",
            *PAIRS[0],
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
        n,
    )

    from realpolitik.analyses.brief import brief, render
    from realpolitik.periods import Period
    from realpolitik.queries import arms

    for a, b in PAIRS:  # warm: store, caches, imports
        render.to_json(brief(a, b, as_of=AS_OF))
    base = cpu(lambda: arms.suppliers("Azerbaijan", Period(2016, 2020)), n * 4)
    warm = {p: cpu(lambda p=p: render.to_json(brief(*p, as_of=AS_OF)), n) for p in PAIRS}
    render.to_html(brief(*PAIRS[0], as_of=AS_OF))
    html = cpu(lambda: render.to_html(brief(*PAIRS[0], as_of=AS_OF)), max(1, n // 2))

    def verdict(ratio: float, target: float) -> str:
        return f"target <= {target:.1f}x: {'met' if ratio <= target else 'NOT met'}"

    print(f"baseline  python -c pass                          {base_pass:6.3f} s CPU")
    print(f"baseline  python -c 'import duckdb'               {base_duckdb:6.3f} s CPU")
    print(f"baseline  python -c 'import pandas, duckdb'       {base_pandas:6.3f} s CPU")
    r = cold / base_duckdb
    print(f"cold      brief {PAIRS[0][0]} {PAIRS[0][1]} --format json   {cold:6.3f} s CPU  "
          f"= {r:5.1f}x duckdb, {cold / base_pandas:4.1f}x pandas+duckdb   {verdict(r, COLD_X)}")  # fmt: skip
    print(f"baseline  warm arms.suppliers query               {base:6.3f} s CPU")
    for (a, b), t in warm.items():
        print(f"warm      JSON brief {a}–{b:<24s} {t:6.3f} s CPU  = {t / base:5.1f}x query")
    med = statistics.median(warm.values())
    print(f"warm      JSON brief, median of the pairs        {med:6.3f} s CPU  = {med / base:5.1f}x query   "
          f"{verdict(med / base, WARM_X)}")  # fmt: skip
    print(
        f"warm      HTML brief with charts                 {html:6.3f} s CPU  = {html / base:5.1f}x query"
    )


if __name__ == "__main__":
    main()
