"""What verifying a snapshot on open costs: CPU of scanning the manifests alone, of the sha256 check
with the hash cache warm (every later start-up) and cold (first open after a build), as ratios to
the scan and to opening a DuckDB connection, measured in the same run (best of N).

    python benchmarks/bench_store_open.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    import duckdb

    from realpolitik.snapshot import integrity
    from realpolitik.snapshot.paths import active_snapshot

    snap = active_snapshot()
    cache_file = Path(tempfile.mkdtemp(prefix="bench-hashes-")) / "hashes.json"
    integrity.open_verified(snap, integrity.HashCache(cache_file))  # fill the cache

    scan = best_cpu(lambda: integrity.scan(snap), args.repeat)
    warm = best_cpu(
        lambda: integrity.open_verified(snap, integrity.HashCache(cache_file)), args.repeat
    )
    cold = best_cpu(lambda: integrity.open_verified(snap, integrity.HashCache(None)), args.repeat)
    duck = best_cpu(lambda: duckdb.connect(":memory:").close(), args.repeat)
    tables = sum(len(m["tables"]) for m in integrity.scan(snap).manifests.values())
    print(f"snapshot {snap}: {tables} tables")
    print(f"scan manifests        {1000 * scan:6.1f} ms CPU")
    print(
        f"verify, cache warm    {1000 * warm:6.1f} ms CPU  = {warm / scan:4.1f} x scan, {warm / duck:4.2f} x duckdb.connect"
    )
    print(f"verify, cache cold    {1000 * cold:6.1f} ms CPU  = {cold / warm:4.1f} x warm")
    print(f"duckdb.connect        {1000 * duck:6.1f} ms CPU")


if __name__ == "__main__":
    main()
