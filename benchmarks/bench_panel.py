"""Benchmark: realpolitik's panel pipelines as cold processes, against baselines measured in the same run.

Three pipelines, 1816–2025, each written to a file by a fresh process (imports, snapshot, query, write):

- directed:     COW directed dyad-years + contiguity, ATOP, GML MIDs, NMC, democracy, rivalries, minimum distance
- non-directed: the same, non-directed
- state-years:  COW state-years + NMC, democracy
- peace-years:  COW directed dyad-years + COW and GML MIDs, peace years (the spells' window functions over every row)

Also the same chain written as Feather (Arrow IPC, zstd), to show what Parquet's encoding costs; the verdict is
on the Parquet run. Baselines of the same run: the bare panel of each pipeline (no steps) and, when `Rscript` with
peacesciencer is installed (see tools/peacesciencer_reference.py), peacesciencer 1.2.9 itself running the same
chain and writing its result with saveRDS (R's own binary file, as Parquet is ours). Prints, per pipeline and tool, the minimum wall
time of the runs, the CPU time (user + system, all threads) and peak resident memory of that run, and the ratios.
On a shared machine read the CPU column: wall time depends on what else runs. First the start-up floors: a
Python process that imports DuckDB and opens a database, and R loading peacesciencer (what every run pays).
The CLI's default on a machine with two cores or more is `--threads 2`: DuckDB computes the rows on one thread and
Arrow encodes a large Parquet file on the second (the same file every run; wall time below CPU time when the second
core is free); `--threads 1` is DuckDB's own COPY on one thread (the least CPU, wall time = CPU time); `--threads 3`
runs DuckDB itself on three threads (its row order changes run to run).

Run: python benchmarks/bench_panel.py [--runs 3] [--no-r] [--only peace-years]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CHAIN = "contiguity,atop,gml,rivalry,nmc,democracy,mindist"
R_CHAIN = (
    "add_contiguity() %>% add_atop_alliance() %>% add_gml_mids() %>% add_nmc() %>% add_democracy() %>% "
    "add_strategic_rivalries() %>% add_minimum_distance()"
)
PIPELINES = {
    "directed": (
        ["dyad-years", "--directed"],
        CHAIN,
        f"create_dyadyears(directed = TRUE) %>% {R_CHAIN}",
    ),
    "non-directed": (
        ["dyad-years", "--non-directed"],
        CHAIN,
        f"create_dyadyears(directed = FALSE) %>% {R_CHAIN}",
    ),
    "state-years": (
        ["state-years"],
        "nmc,democracy",
        "create_stateyears() %>% add_nmc() %>% add_democracy()",
    ),
    "peace-years": (
        ["dyad-years", "--directed"],
        "cow_mids,gml_mids,peace_years",
        "create_dyadyears(directed = TRUE) %>% add_cow_mids() %>% add_gml_mids() %>% add_peace_years()",
    ),
}
TARGETS = {
    "directed": 8.0,
    "non-directed": 8.0,
    "state-years": 5.0,
    "peace-years": 8.0,
}  # x peacesciencer (issue 18)
MEMORY_TARGET = 40  # peak memory, % of peacesciencer's
STARTUP = "import duckdb; duckdb.connect().execute('SELECT 1')"
R_STARTUP = "suppressMessages({library(peacesciencer); library(dplyr)})"


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mib: float


def cold(cmd: list[str]) -> Run:
    """Run a command as a fresh process: wall time, its CPU time (user + sys) and peak resident memory."""
    w0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - w0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def best(cmd: list[str], runs: int) -> Run:
    """The run with the least wall time; peak memory is the highest of all runs."""
    results = [cold(cmd) for _ in range(runs)]
    top = min(results, key=lambda r: r.wall)
    return Run(top.wall, top.cpu, max(r.rss_mib for r in results))


def find_rscript() -> str | None:
    """Rscript on PATH, else under $R_HOME or the usual install prefixes: a benchmark started with a reduced PATH
    (a venv's python run by another tool) must still find the R that is installed."""
    found = shutil.which("Rscript")
    if found:
        return found
    homes = [os.environ.get("R_HOME", ""), "/usr/lib/R", "/usr/local/lib/R", "/opt/R/current"]
    candidates = [Path(h) / "bin" / "Rscript" for h in homes if h]
    candidates += [Path("/usr/bin/Rscript"), Path("/usr/local/bin/Rscript")]
    return next((str(c) for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)


def probe_peacesciencer() -> tuple[str | None, str]:
    """(Rscript path, peacesciencer version) when R can load peacesciencer, else (None, why not)."""
    rscript = find_rscript()
    if rscript is None:
        return None, "no Rscript on PATH, under $R_HOME, /usr/bin or /usr/local/bin"
    code = 'suppressMessages(library(peacesciencer)); cat(as.character(packageVersion("peacesciencer")))'
    try:
        probe = subprocess.run([rscript, "-e", code], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, f"{rscript} took over 120 s to load peacesciencer"
    if probe.returncode != 0:
        lines = [ln for ln in probe.stderr.splitlines() if ln.strip() and ln != "Execution halted"]
        why = next(
            (ln for ln in lines if ln.startswith("Error")), lines[-1] if lines else "no message"
        )
        return None, f"{rscript} cannot load peacesciencer (exit {probe.returncode}: {why.strip()})"
    return rscript, probe.stdout.strip().splitlines()[-1] if probe.stdout.strip() else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--no-r", action="store_true", help="skip peacesciencer even if R is installed"
    )
    parser.add_argument("--only", choices=sorted(PIPELINES), help="run this pipeline only")
    args = parser.parse_args()
    rscript, r_version = (None, "skipped (--no-r)") if args.no_r else probe_peacesciencer()
    tmp = Path(tempfile.mkdtemp(prefix="bench-panel-"))
    cli = [sys.executable, "-m", "realpolitik.cli.main", "panel"]
    years = ["--from", "1816", "--to", "2025"]
    print(
        f"panel pipelines 1816–2025 as cold processes; min wall of {args.runs} runs, CPU and peak RSS of that run"
    )
    print(f"cpu cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    print(
        f"baseline: peacesciencer {r_version} via {rscript}"
        if rscript
        else f"baseline: {r_version}"
    )
    print(
        f"{'pipeline':13} {'tool':28} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9} {'wall x':>7} {'cpu x':>6} {'mem %':>6}"
    )
    # what every cold process pays before any panel work: the floor under the state-years ratio
    floors = [("python + duckdb start-up", [sys.executable, "-c", STARTUP])]
    if rscript:
        floors.append(("R + peacesciencer start-up", [rscript, "-e", R_STARTUP]))
    for tool, cmd in floors:
        r = best(cmd, args.runs)
        print(f"{'start-up':13} {tool:28} {r.wall:7.2f} {r.cpu:7.2f} {r.rss_mib:9,.0f}")
    for name, (unit, steps, r_pipe) in PIPELINES.items():
        if args.only and name != args.only:
            continue
        out = tmp / f"{name}.parquet"
        rows: list[tuple[str, Run]] = [
            (
                "realpolitik bare (no steps)",
                best([*cli, *unit, *years, "--out", str(out)], args.runs),
            )
        ]
        ours = best([*cli, *unit, *years, "--add", steps, "--out", str(out)], args.runs)
        rows.append(("realpolitik CLI", ours))
        # one thread: DuckDB's own COPY, the least CPU (the CLI's default is two threads where two cores exist:
        # DuckDB on one, Arrow encoding the Parquet file on the other, the same file every run)
        single = [*cli, *unit, *years, "--add", steps, "--threads", "1", "--out", str(out)]
        rows.append(("realpolitik CLI --threads 1", best(single, args.runs)))
        # DuckDB itself on three threads (in parallel): the row order changes run to run
        parallel = [*cli, *unit, *years, "--add", steps, "--threads", "3", "--out", str(out)]
        rows.append(("realpolitik CLI --threads 3", best(parallel, args.runs)))
        # the same rows as Arrow IPC (zstd, a file the size of the Parquet one): what Parquet's encoding costs
        feather = [*cli, *unit, *years, "--add", steps, "--out", str(out.with_suffix(".feather"))]
        rows.append(("realpolitik CLI, .feather", best(feather, args.runs)))
        ref = None
        if rscript:
            script = tmp / f"{name}.R"
            script.write_text(
                f'{R_STARTUP}\nsaveRDS({r_pipe}, "{tmp / name}.rds", compress = FALSE)\n'
            )
            ref = best([rscript, str(script)], args.runs)
            rows.append((f"peacesciencer {r_version} (R)", ref))
        base = ref or rows[0][1]
        for tool, r in rows:
            print(
                f"{name:13} {tool:28} {r.wall:7.2f} {r.cpu:7.2f} {r.rss_mib:9,.0f} {base.wall / r.wall:7.1f} "
                f"{base.cpu / r.cpu:6.1f} {100 * r.rss_mib / base.rss_mib:6.0f}"
            )
        if ref:
            # both verdicts: wall is what the figures are, CPU what a shared machine can measure fairly
            target = TARGETS[name]
            on_wall = "meets" if ref.wall / ours.wall >= target else "misses"
            on_cpu = "meets" if ref.cpu / ours.cpu >= target else "misses"
            mem = 100 * ours.rss_mib / ref.rss_mib
            print(
                f"{'':13} -> realpolitik is {ref.wall / ours.wall:.1f}x peacesciencer (wall: {on_wall} {target:.0f}x), "
                f"{ref.cpu / ours.cpu:.1f}x (CPU: {on_cpu}), {mem:.0f} % of its peak memory "
                f"({'meets' if mem <= MEMORY_TARGET else 'misses'} <= {MEMORY_TARGET} %)"
            )
    if not rscript:
        print(f"(ratios are to the bare panel, not to peacesciencer: {r_version})")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
