"""CLI start-up: CPU seconds of fresh processes, as ratios to baselines measured in the same run.

Baselines: `python -c pass` and `python -c "import duckdb"` (the store's one unavoidable import).
Targets (issue 15): `--help` ≤ 0.15 s CPU; `arms suppliers … --format json` ≤ 0.4 s CPU and no
pandas import; `brief … --format json` cold ≤ 0.9 s CPU and warm in-process ≤ 0.2 s (the brief
rows belong to the brief's owner; they are printed here so that all start-up figures sit together).

CPU = user + system time of the child (resource.getrusage), median of --repeat runs; wall time
on a shared machine says little. Each command first runs once unmeasured with bytecode writing
allowed (PYTHONDONTWRITEBYTECODE unset), so the measured runs read cached bytecode as a user's
second run does: with the variable set and no cache, every run compiles the project's ~70 modules.
The warm brief row also says how many store queries one brief runs and how much of its CPU they
take (the rest is Python: classification, sections, rendering), and which heavy modules a cold brief
imports. Run: python benchmarks/bench_startup.py [--repeat 5] [--no-brief | --only-brief]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

CLI = [sys.executable, "-m", "realpolitik.cli.main"]
SUPPLIERS = [
    "arms",
    "suppliers",
    "Azerbaijan",
    "--from",
    "2016",
    "--to",
    "2020",
    "--format",
    "json",
]
BRIEF = ["brief", "Israel", "Azerbaijan", "--as-of", "2024-10-09", "--format", "json"]


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"COLUMNS": "80"}


def cpu(cmd: list[str], repeat: int) -> float:
    """Median CPU seconds (user + system) of `cmd` run `repeat` times, each a fresh process, after
    one unmeasured run that leaves the bytecode caches in place."""
    subprocess.run(cmd, capture_output=True, env=ENV)
    spent = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, capture_output=True, env=ENV)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(spent)


def imports_of(cmd: list[str]) -> set[str]:
    """Top-level modules a command imports (from `python -X importtime`)."""
    err = subprocess.run(
        [cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True, text=True
    ).stderr
    names = set()
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def warm_brief(repeat: int) -> tuple[float, int, float]:
    """Median CPU seconds of an in-process JSON brief after one call has warmed the caches, with the
    number of store queries one brief runs and the median CPU seconds spent in them."""
    from realpolitik.analyses.brief import brief, render
    from realpolitik.store import Store

    queries: list[float] = []

    def timed(method: Callable[..., Any]) -> Callable[..., Any]:
        """Store.sql / Store.rows, adding each call's CPU seconds to `queries`."""

        def run(self: Store, query: str, params: Any = None) -> Any:
            t = time.process_time()
            try:
                return method(self, query, params)
            finally:
                queries.append(time.process_time() - t)

        return run

    render.to_json(brief("Israel", "Azerbaijan", as_of="2024-10-09"))
    spent, in_queries, counts = [], [], []
    sql, rows = Store.sql, Store.rows
    Store.sql, Store.rows = timed(sql), timed(rows)  # type: ignore[method-assign]
    try:
        for _ in range(repeat):
            queries.clear()
            t = time.process_time()
            render.to_json(brief("Israel", "Azerbaijan", as_of="2024-10-09"))
            spent.append(time.process_time() - t)
            in_queries.append(sum(queries))
            counts.append(len(queries))
    finally:
        Store.sql, Store.rows = sql, rows  # type: ignore[method-assign]
    return statistics.median(spent), max(counts), statistics.median(in_queries)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--no-brief", action="store_true", help="Skip the brief rows (slowest).")
    group.add_argument("--only-brief", action="store_true", help="Only the baselines and the brief rows.")  # fmt: skip
    args = ap.parse_args()
    n = args.repeat

    pass_cmd, duck_cmd = [sys.executable, "-c", "pass"], [sys.executable, "-c", "import duckdb"]
    base_start, duck_start = cpu(pass_cmd, n), cpu(duck_cmd, n)
    rows: list[tuple[str, float, float | None]] = []
    if not args.only_brief:
        rows += [
            ("--help", cpu([*CLI, "--help"], n), 0.15),
            ("--version", cpu([*CLI, "--version"], n), 0.15),
            ("argument error (arms suppliers)", cpu([*CLI, "arms", "suppliers"], n), 0.15),
            ("arms suppliers … --format json", cpu([*CLI, *SUPPLIERS], n), 0.4),
            ("arms suppliers … (table)", cpu([*CLI, *SUPPLIERS[:-2]], n), None),
        ]
    if not args.no_brief:
        rows.append(("brief … --format json (cold)", cpu([*CLI, *BRIEF], n), 0.9))
    # the baselines again at the end: a machine shared with other work drifts during a run
    base_end, duck_end = cpu(pass_cmd, n), cpu(duck_cmd, n)
    base, duck = (base_start + base_end) / 2, (duck_start + duck_end) / 2

    print(f"CPU seconds, median of {n} fresh processes ({sys.executable})")
    print(f"{'':36} {'CPU s':>7} {'÷ pass':>7} {'÷ duckdb':>8}  target")
    print(f"{'python -c pass':36} {base:7.3f} {1:7.1f} {base / duck:8.2f}")
    label = 'python -c "import duckdb"'
    print(f"{label:36} {duck:7.3f} {duck / base:7.1f} {1:8.2f}  (start {duck_start:.3f}, end {duck_end:.3f})")  # fmt: skip
    verdicts: list[tuple[str, bool]] = []
    for name, value, target in rows:
        verdict = ""
        if target is not None:
            verdicts.append((name, value <= target))
            verdict = f"≤ {target} s {'ok' if value <= target else 'MISSED'}"
        print(f"{name:36} {value:7.3f} {value / base:7.1f} {value / duck:8.2f}  {verdict}")
    if not args.no_brief:
        warm, count, in_queries = warm_brief(n)
        verdicts.append(("brief warm", warm <= 0.2))
        print(f"{'brief JSON warm, in-process':36} {warm:7.3f} {warm / base:7.1f} {warm / duck:8.2f}  ≤ 0.2 s "
              f"{'ok' if warm <= 0.2 else 'MISSED'}")  # fmt: skip
        print(f"{'  of which in store queries':36} {in_queries:7.3f} {'':7} {'':8}  "
              f"({count} queries, {in_queries / warm:.0%} of the warm brief)")  # fmt: skip
    heavy = {"pandas", "numpy", "pyarrow", "altair", "networkx"}
    checked = [] if args.only_brief else [("--help", [*CLI, "--help"]), ("arms suppliers json", [*CLI, *SUPPLIERS])]  # fmt: skip
    for name, cmd in checked:
        found = sorted(imports_of(cmd) & heavy)
        verdicts.append((f"{name} without heavy imports", not found))
        print(
            f"{name} imports {', '.join(found) if found else 'none of ' + ', '.join(sorted(heavy))}"
        )
    if not args.no_brief:  # no target: said so that the cold brief's import cost is visible
        found = sorted(imports_of([*CLI, *BRIEF]) & heavy)
        print(f"brief json imports {', '.join(found) if found else 'none of ' + ', '.join(sorted(heavy))} (no target)")  # fmt: skip
    missed = [name for name, ok in verdicts if not ok]
    print(f"targets met: {len(verdicts) - len(missed)} of {len(verdicts)}"
          + (f"; missed: {', '.join(missed)}" if missed else ""))  # fmt: skip


if __name__ == "__main__":
    main()
