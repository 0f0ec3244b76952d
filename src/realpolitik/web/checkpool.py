"""The claim checker off the event loop: worker processes with a per-request deadline.

A check runs in a separate (spawned) process, so a slow or pathological text never blocks the
server's event loop or its other requests; past the deadline the worker is killed and replaced.
Only `check_text` (a plain function of strings) crosses the process boundary.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import multiprocessing as mp
import os
import threading
from multiprocessing.connection import Connection
from typing import Any

log = logging.getLogger("realpolitik.web")

DEADLINE_S = 20.0  # seconds per check (REALPOLITIK_CHECK_DEADLINE overrides)
WORKERS = 1  # checker processes (REALPOLITIK_CHECK_WORKERS overrides)


class CheckTimeout(Exception):
    """The check did not finish within the deadline (its worker was killed), or no worker was free."""

    def __init__(self, busy: bool = False) -> None:
        super().__init__("no checker free" if busy else "deadline passed")
        self.busy = busy


def _serve(conn: Connection) -> None:
    """Worker main loop: receive (text, day, name), answer ("ok", report) or ("error", kind, message)."""
    from realpolitik.errors import UserError
    from realpolitik.web.services import check_text

    # load the checker's tables now, so the first real check is not a cold one
    with contextlib.suppress(Exception):
        check_text("Azerbaijan shares a 689 km border with Iran.", "2024-01-01")
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            conn.send(("ok", check_text(*job)))
        except UserError as e:
            conn.send(("error", "user", str(e)))
        except Exception as e:  # reported as a 500 by the server, with the text in its log
            conn.send(("error", "bug", f"{type(e).__name__}: {e}"))


class Worker:
    """One checker process and the pipe to it."""

    def __init__(self) -> None:
        ctx = mp.get_context("spawn")  # never fork a process holding DuckDB and event-loop threads
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child,), daemon=True, name="realpolitik-check")
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        """Wait for the worker's "ready" (it has loaded the checker); False if it did not come in time."""
        if not self.ready and self.conn.poll(timeout):
            self.ready = self.conn.recv() == ("ready",)
        return self.ready

    def run(self, job: tuple[str, str | None, str], deadline: float) -> tuple:
        """Send a job and wait for its answer at most `deadline` seconds (blocking; call in a thread)."""
        if not self.wait_ready(deadline):
            raise CheckTimeout
        self.conn.send(job)
        if not self.conn.poll(deadline):
            raise CheckTimeout
        return self.conn.recv()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(timeout=5)
        self.conn.close()


MEMO = 32  # reports kept in memory, oldest dropped first


def digest(text: str, day: str | None, name: str) -> str:
    """A stable id of one check's input (also the id of its shared link)."""
    return hashlib.sha256("\x1f".join([text, day or "", name]).encode("utf-8")).hexdigest()[:20]


class CheckPool:
    """A few checker workers handed out one job at a time; a timed-out worker is replaced."""

    def __init__(self, size: int | None = None, deadline: float | None = None) -> None:
        env = os.environ.get
        self.size = max(1, size or int(env("REALPOLITIK_CHECK_WORKERS", WORKERS)))
        self.deadline = deadline or float(env("REALPOLITIK_CHECK_DEADLINE", DEADLINE_S))
        self._idle: list[Worker] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(self.size)
        self._memo: dict[str, dict[str, Any]] = {}

    def start(self) -> None:
        """Start the workers now (in the background of a server's start-up) so the first check is not cold."""
        with self._lock:
            new = [Worker() for _ in range(self.size - len(self._idle))]
        for w in new:
            w.wait_ready(120)
        with self._lock:
            self._idle += new

    def _take(self) -> Worker:
        with self._lock:
            return self._idle.pop() if self._idle else Worker()

    def _give(self, w: Worker) -> None:
        with self._lock:
            self._idle.append(w)

    def run(self, text: str, day: str | None, name: str) -> dict[str, Any]:
        """Check a text in a worker; raises CheckTimeout, UserError or RuntimeError (a checker bug)."""
        from realpolitik.errors import UserError

        if not self._slots.acquire(timeout=self.deadline):
            raise CheckTimeout(busy=True)
        try:
            w = self._take()
            try:
                answer = w.run((text, day, name), self.deadline)
            except (CheckTimeout, OSError, EOFError) as e:
                w.kill()
                if isinstance(e, CheckTimeout):
                    raise
                raise RuntimeError(f"checker worker died: {e}") from e
            self._give(w)
        finally:
            self._slots.release()
        if answer[0] == "ok":
            return answer[1]
        if answer[1] == "user":
            raise UserError(answer[2])
        raise RuntimeError(answer[2])

    async def check(self, text: str, day: str | None, name: str) -> dict[str, Any]:
        """Validate in this process, then check in a worker, awaited from the event loop (the blocking
        wait runs in a thread); the last few reports are remembered by the hash of their input."""
        from realpolitik.web.services import Rejected, as_of, valid_text

        valid_text(text)
        if day:
            as_of(day, "date")
        key = digest(text, day, name)
        if key in self._memo:
            return self._memo[key]
        try:
            report = await asyncio.to_thread(self.run, text, day, name)
        except CheckTimeout as e:
            if e.busy:
                raise Rejected(503, "every claim checker is busy; try again in a minute") from e
            raise Rejected(422, f"the check did not finish within the {self.deadline:g} s deadline "
                                "per request; try a shorter text") from e  # fmt: skip
        while len(self._memo) >= MEMO:
            self._memo.pop(next(iter(self._memo)))
        self._memo[key] = report
        return report

    def close(self) -> None:
        with self._lock:
            for w in self._idle:
                w.kill()
            self._idle.clear()
