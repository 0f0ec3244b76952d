"""Bounded load test of the web explorer on loopback: fixed request rate, fixed duration, stops by itself.

Starts `realpolitik serve` (uvicorn with the header deadline) in a subprocess on a free loopback
port, then:
1. cold: the first request of each target (computes the brief) and a few other pairs, one at a time;
2. baseline: GET /healthz at --rate requests/s for --baseline-duration s (server + client overhead);
3. load: each target — the dyad page, the brief's JSON API, the /check page — at --rate requests/s
   for --duration s (cached pages: the target is 0 errors and p99 ≤ 250 ms);
4. stalled connections: --stalled connections that send half a request and stop; /healthz must
   still answer, and the server must close them (408) after its header deadline.
Open loop: requests are sent on schedule whether or not earlier ones have answered, so a slow server
shows up as latency and errors rather than as a lower send rate. Each request times out after
--timeout s (counted as an error). Only 127.0.0.1 is ever contacted.

Run: python benchmarks/load_web.py [--rate 200] [--duration 60] [--workers 1] [--client raw|httpx]
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
TARGETS = {
    "dyad page": "/dyad/ISR/AZE?as_of=2024-10-09",
    "brief JSON API": DYAD,
    "check page": "/check",
}
COLD_PAIRS = [
    "/api/brief/USA/SAU?as_of=2024-01-01",
    "/api/brief/RUS/IND?as_of=2024-01-01",
    "/api/brief/FRA/EGY?as_of=2024-01-01",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int = 1) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "realpolitik.cli.main", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "warning", "--workers", str(workers)]  # fmt: skip
    return subprocess.Popen(
        cmd, env={**os.environ, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.DEVNULL
    )


def tree_cpu_seconds(pid: int | None) -> float:
    """CPU seconds of a process and its children (uvicorn workers, checker processes)."""
    if pid is None:
        return float("nan")
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += cpu_seconds(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(x) for x in f.read().split()]
        except OSError:
            pass
    return total


async def stalled(host: str, port: int, n: int, hold: float) -> dict[str, float]:
    """Open n connections that send half a request line and stop; meanwhile time /healthz; then count
    how many the server closed by itself within `hold` seconds."""
    conns = []
    for _ in range(n):
        r, w = await asyncio.open_connection(host, port)
        w.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        conns.append((r, w))
    t = time.perf_counter()
    ok = RawConnection(host, port)
    status = await asyncio.wait_for(ok.get("/healthz"), 10)
    healthz = time.perf_counter() - t
    ok.close()

    async def closed(r: asyncio.StreamReader) -> bool:
        try:
            await asyncio.wait_for(r.read(), hold)
            return True
        except TimeoutError:
            return False

    done = await asyncio.gather(*(closed(r) for r, _ in conns))
    for _, w in conns:
        w.close()
    return {"healthz_status": status, "healthz_s": healthz, "closed": sum(done), "n": n}


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds used so far by a process (Linux /proc), NaN when unknown."""
    if pid is None:
        return float("nan")
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


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


class RawConnection:
    """A minimal HTTP/1.1 keep-alive GET client on asyncio streams (Content-Length bodies only).

    Used with --client raw to see the server's own limits: httpx costs ~2 ms of client CPU per
    request, several times what the server spends, so on a busy 2-core machine it measures itself.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def load(base: str, path: str, rate: float, duration: float, timeout: float, connections: int,
               pid: int | None, client_kind: str = "httpx") -> dict[str, float]:  # fmt: skip
    """Schedule GET path at `rate`/s for `duration` s (open loop) and serve the schedule with
    `connections` keep-alive connections. Latency runs from each request's scheduled time, so queueing
    counts; a request not answered within `timeout` s of its schedule is an error (and is dropped)."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    queue: asyncio.Queue[float | None] = asyncio.Queue()
    host, port = base.split("//", 1)[1].rsplit(":", 1)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    client = (
        httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits)
        if client_kind == "httpx"
        else None
    )

    def error(kind: str) -> None:
        errors[kind] = errors.get(kind, 0) + 1

    async def worker() -> None:
        raw = RawConnection(host, int(port)) if client is None else None
        while (due := await queue.get()) is not None:
            left = due + timeout - time.perf_counter()
            if left <= 0:
                error("TimeoutError")  # waited too long in the schedule
                continue
            try:
                req = client.get(path) if client is not None else raw.get(path)
                r = await asyncio.wait_for(req, left)
                status = r if isinstance(r, int) else r.status_code
                if status == 200:
                    latencies.append(time.perf_counter() - due)
                else:
                    error(f"HTTP {status}")
            except (
                httpx.HTTPError,
                TimeoutError,
                OSError,
                asyncio.IncompleteReadError,
                ValueError,
            ) as e:
                error(type(e).__name__)
                if raw is not None:
                    raw.close()
        if raw is not None:
            raw.close()

    n = int(rate * duration)
    workers = [asyncio.create_task(worker()) for _ in range(connections)]
    cpu_server, cpu_client = tree_cpu_seconds(pid), time.process_time()
    start = time.perf_counter()
    for i in range(n):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        queue.put_nowait(due)
    send_time = time.perf_counter() - start
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)
    wall = time.perf_counter() - start
    cpu_server, cpu_client = tree_cpu_seconds(pid) - cpu_server, time.process_time() - cpu_client
    if client is not None:
        await client.aclose()
    lat = sorted(latencies)
    q = (
        statistics.quantiles(lat, n=100)
        if len(lat) >= 2
        else [lat[0] if lat else float("nan")] * 99
    )
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
        "server_cpu_ms": 1000 * cpu_server / n,
        "client_cpu_ms": 1000 * cpu_client / n,
        "load": os.getloadavg()[0],
    }


def show(name: str, r: dict, base: dict | None = None) -> None:
    ratio = f"  p50 ratio {r['p50'] / base['p50']:5.1f}x" if base else ""
    print(f"{name:<34} sent {r['sent']:6d} ({r['send_rate']:6.1f}/s)  ok {r['ok']:6d}  errors {r['errors']:3d}  "
          f"throughput {r['throughput']:6.1f}/s  p50 {1000 * r['p50']:7.1f} ms  p99 {1000 * r['p99']:7.1f} ms  "
          f"max {1000 * r['max']:7.1f} ms{ratio}")  # fmt: skip
    print(
        f"{'':<34} CPU per request: server {r['server_cpu_ms']:.2f} ms, client {r['client_cpu_ms']:.2f} ms; "
        f"machine load average {r['load']:.1f} on {os.cpu_count()} CPUs"
    )
    if r["error_kinds"]:
        print(f"{'':<34} error kinds: {r['error_kinds']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=200, help="requests per second")
    ap.add_argument("--duration", type=float, default=60, help="seconds of load per target")
    ap.add_argument(
        "--baseline-duration", type=float, default=10, help="seconds of load on /healthz"
    )
    ap.add_argument(
        "--timeout", type=float, default=5, help="per-request timeout (s), counted as an error"
    )
    ap.add_argument(
        "--connections", type=int, default=16, help="keep-alive connections in the client pool"
    )
    ap.add_argument(
        "--client",
        choices=["httpx", "raw"],
        default="raw",
        help="httpx.AsyncClient, or a minimal asyncio HTTP/1.1 client (less client CPU)",
    )
    ap.add_argument("--workers", type=int, default=1, help="server processes (`serve --workers`)")
    ap.add_argument(
        "--stalled", type=int, default=300, help="stalled connections to open (0: skip)"
    )
    ap.add_argument(
        "--only", choices=list(TARGETS), action="append", help="load only these targets"
    )
    args = ap.parse_args()
    args.rate = min(args.rate, 1000)  # bounded: at most 1000/s for at most 120 s per target
    args.duration = min(args.duration, 120)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(port, args.workers)
    try:
        wait_ready(base, proc)
        time.sleep(2)  # let the start-up warm-up finish
        for name, path in TARGETS.items():
            t = time.perf_counter()
            first = httpx.get(base + path, timeout=120)
            print(
                f"{'cold ' + name:<34} {1000 * (time.perf_counter() - t):8.1f} ms  HTTP {first.status_code}"
            )
        for path in COLD_PAIRS:
            t = time.perf_counter()
            ok = httpx.get(base + path, timeout=120).status_code == 200
            print(f"{'cold brief ' + path.split('/api/brief/')[1].split('?')[0]:<34} "
                  f"{1000 * (time.perf_counter() - t):8.1f} ms  {'ok' if ok else 'ERROR'}")  # fmt: skip
        print(f"load: open loop at {args.rate:.0f} requests/s over {args.connections} keep-alive connections "
              f"({args.client} client, {args.workers} server process(es)); latency from the scheduled send time; "
              f"a request not answered within {args.timeout:.0f} s is an error")  # fmt: skip
        run = lambda path, secs: asyncio.run(load(base, path, args.rate, secs, args.timeout,  # noqa: E731
                                                  args.connections, proc.pid, args.client))  # fmt: skip
        baseline = run("/healthz", args.baseline_duration)
        show(f"baseline GET /healthz ({args.baseline_duration:.0f} s)", baseline)
        met = baseline["errors"] == 0
        for name in args.only or list(TARGETS):
            r = run(TARGETS[name], args.duration)
            show(f"GET {name} ({args.duration:.0f} s)", r, baseline)
            met = met and r["errors"] == 0 and r["p99"] <= 0.250
        print(f"target (0 errors, p99 <= 250 ms on every target): {'met' if met else 'NOT met'}")
        if args.stalled:
            s = asyncio.run(stalled("127.0.0.1", port, args.stalled, 20))
            print(f"{args.stalled} stalled connections: /healthz answered HTTP {s['healthz_status']} in "
                  f"{1000 * s['healthz_s']:.1f} ms while they were open; the server closed {s['closed']} of "
                  f"{s['n']} within 20 s (header deadline 10 s)")  # fmt: skip
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
