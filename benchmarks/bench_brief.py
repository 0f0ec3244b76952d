"""Brief timings in CPU seconds, each with a baseline measured in the same run (issue 15 targets):

* cold `realpolitik brief A B --format json` process: target <= 0.9 s CPU; baselines `python -c pass`
  and `python -c "import duckdb"` (child-process CPU, user + system);
* warm in-process JSON brief: target <= 0.2 s CPU; baseline one warm `arms.suppliers` query;
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

    print(f"baseline  python -c pass                          {base_pass:6.3f} s CPU")
    print(f"baseline  python -c 'import duckdb'               {base_duckdb:6.3f} s CPU")
    print(f"cold      brief {PAIRS[0][0]} {PAIRS[0][1]} --format json   {cold:6.3f} s CPU  "
          f"= {cold / base_pass:5.1f}x pass, {cold / base_duckdb:5.1f}x duckdb   target <= 0.9 s")  # fmt: skip
    print(f"baseline  warm arms.suppliers query               {base:6.3f} s CPU")
    for (a, b), t in warm.items():
        print(
            f"warm      JSON brief {a}–{b:<24s} {t:6.3f} s CPU  = {t / base:5.1f}x query   target <= 0.2 s"
        )
    med = statistics.median(warm.values())
    print(
        f"warm      JSON brief, median of the pairs        {med:6.3f} s CPU  = {med / base:5.1f}x query   target <= 0.2 s"
    )
    print(
        f"warm      HTML brief with charts                 {html:6.3f} s CPU  = {html / base:5.1f}x query"
    )


if __name__ == "__main__":
    main()
