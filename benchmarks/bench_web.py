"""Bounded load test of the web API on loopback: fixed request rate, fixed duration, stops by itself.

Starts `uvicorn realpolitik.web.app:create_app` in a subprocess on a free loopback port, then:
1. cold: the first dyad-brief request (computes the brief) and a few other pairs, one at a time;
2. baseline: GET /healthz at --rate requests/s for --baseline-duration s (server + client overhead);
3. load: GET /api/brief/ISR/AZE?as_of=2024-10-09 at --rate requests/s for --duration s (cached brief).
Open loop: requests are sent on schedule whether or not earlier ones have answered, so a slow server
shows up as latency and errors rather than as a lower send rate. Each request times out after
--timeout s (counted as an error). Reports throughput, p50/p99/max latency and errors (target 0).

Run: python benchmarks/bench_web.py [--rate 200] [--duration 30] [--baseline-duration 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time

import httpx

DYAD = "/api/brief/ISR/AZE?as_of=2024-10-09"
COLD_PAIRS = ["/api/brief/USA/SAU?as_of=2024-01-01", "/api/brief/RUS/IND?as_of=2024-01-01", "/api/brief/FRA/EGY?as_of=2024-01-01"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "uvicorn", "realpolitik.web.app:create_app", "--factory", "--host", "127.0.0.1",
           "--port", str(port), "--log-level", "warning", "--no-access-log"]  # fmt: skip
    return subprocess.Popen(cmd, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with code {proc.returncode}")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start in time")


async def load(base: str, path: str, rate: float, duration: float, timeout: float) -> dict[str, float]:
    """Send GET path at `rate`/s for `duration` s (open loop); latencies of successes, error count."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:

        async def one() -> None:
            t = time.perf_counter()
            try:
                r = await client.get(path)
                if r.status_code == 200:
                    latencies.append(time.perf_counter() - t)
                else:
                    errors[f"HTTP {r.status_code}"] = errors.get(f"HTTP {r.status_code}", 0) + 1
            except httpx.HTTPError as e:
                errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1

        n = int(rate * duration)
        start = time.perf_counter()
        tasks = []
        for i in range(n):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one()))
        send_time = time.perf_counter() - start
        await asyncio.gather(*tasks)
        wall = time.perf_counter() - start
    lat = sorted(latencies)
    q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else [lat[0] if lat else float("nan")] * 99
    return {
        "sent": n,
        "ok": len(lat),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "send_rate": n / send_time if send_time else float("nan"),
        "throughput": len(lat) / wall if wall else float("nan"),
        "p50": q[49],
        "p99": q[98],
        "max": lat[-1] if lat else float("nan"),
    }


def show(name: str, r: dict, base: dict | None = None) -> None:
    ratio = f"  p50 ratio {r['p50'] / base['p50']:5.1f}x" if base else ""
    print(f"{name:<34} sent {r['sent']:6d} ({r['send_rate']:6.1f}/s)  ok {r['ok']:6d}  errors {r['errors']:3d}  "
          f"throughput {r['throughput']:6.1f}/s  p50 {1000 * r['p50']:7.1f} ms  p99 {1000 * r['p99']:7.1f} ms  "
          f"max {1000 * r['max']:7.1f} ms{ratio}")  # fmt: skip
    if r["error_kinds"]:
        print(f"{'':<34} error kinds: {r['error_kinds']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=200, help="requests per second")
    ap.add_argument("--duration", type=float, default=30, help="seconds of load on the dyad API")
    ap.add_argument("--baseline-duration", type=float, default=10, help="seconds of load on /healthz")
    ap.add_argument("--timeout", type=float, default=5, help="per-request timeout (s), counted as an error")
    ap.add_argument("--url", help="use a running server instead of starting one")
    args = ap.parse_args()

    proc = None
    base = args.url
    if base is None:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(port)
    try:
        if proc is not None:
            wait_ready(base, proc)
        t = time.perf_counter()
        first = httpx.get(base + DYAD, timeout=120)
        cold = time.perf_counter() - t
        assert first.status_code == 200, first.text[:200]
        print(f"{'cold dyad brief (first request)':<34} {1000 * cold:8.1f} ms  ({len(first.content) / 1024:.0f} KiB JSON)")
        colds = []
        for path in COLD_PAIRS:
            t = time.perf_counter()
            ok = httpx.get(base + path, timeout=120).status_code == 200
            colds.append(time.perf_counter() - t)
            print(f"{'cold brief ' + path.split('/api/brief/')[1].split('?')[0]:<34} {1000 * colds[-1]:8.1f} ms  {'ok' if ok else 'ERROR'}")
        print(f"load: open loop at {args.rate:.0f} requests/s; every request times out after {args.timeout:.0f} s")
        baseline = asyncio.run(load(base, "/healthz", args.rate, args.baseline_duration, args.timeout))
        show(f"baseline GET /healthz ({args.baseline_duration:.0f} s)", baseline)
        dyad = asyncio.run(load(base, DYAD, args.rate, args.duration, args.timeout))
        show(f"GET dyad brief JSON ({args.duration:.0f} s)", dyad, baseline)
        print(f"target: 0 errors -> {'met' if dyad['errors'] == 0 and baseline['errors'] == 0 else 'NOT met'}")
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
