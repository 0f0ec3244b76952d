"""HTTP downloads that fail clearly: timeouts, retries with exponential backoff, resume via Range into a
.part file, size and hash checks where published, progress bars on a TTY.

Every failure that is not a bug ends as a one-line UserError (exit 2); a half-downloaded file only ever
exists as `<dest>.part`, so nothing downstream can read it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from realpolitik.errors import UserError

USER_AGENT = "realpolitik-data-update (+https://github.com/realpolitik)"


class DownloadError(UserError):
    """A download that could not be completed or verified (one line, exit 2)."""


class _Retryable(Exception):
    """A transient failure worth retrying (5xx, 429, timeouts, cut connections, short bodies)."""


@dataclass(frozen=True)
class Fetch:
    """One file to download: where from, where to, how to check it."""

    url: str
    dest: Path
    method: str = "GET"
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    sha256: str | None = None
    md5: str | None = None
    size: int | None = None
    decode: str | None = (
        None  # "json-base64:<key>": the body is JSON with the file base64-encoded in <key>
    )


@dataclass(frozen=True)
class Policy:
    """Timeouts and retry schedule (env REALPOLITIK_HTTP_TIMEOUT / _RETRIES / _BACKOFF override defaults)."""

    timeout: float = 30.0
    retries: int = 4
    backoff: float = 1.0
    max_backoff: float = 30.0

    @classmethod
    def from_env(cls) -> Policy:
        env = os.environ.get
        return cls(
            timeout=float(env("REALPOLITIK_HTTP_TIMEOUT", cls.timeout)),
            retries=int(env("REALPOLITIK_HTTP_RETRIES", cls.retries)),
            backoff=float(env("REALPOLITIK_HTTP_BACKOFF", cls.backoff)),
        )

    def delay(self, attempt: int) -> float:
        """Exponential backoff before retry number `attempt` (1-based)."""
        return min(self.max_backoff, self.backoff * 2 ** (attempt - 1))


def make_client(policy: Policy) -> httpx.Client:
    """An HTTP client with connect/read timeouts, redirects followed and our user agent."""
    return httpx.Client(
        timeout=httpx.Timeout(policy.timeout, connect=min(policy.timeout, 15.0)),
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
    )


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _part(dest: Path) -> Path:
    return dest.with_name(dest.name + ".part")


ProgressHook = Callable[[int, int | None], None]  # (bytes so far, total or None)


def _attempt(client: httpx.Client, f: Fetch, part: Path, hook: ProgressHook | None) -> None:
    """One request; appends to the .part file (resuming with Range for GET), raises _Retryable on transients."""
    offset = part.stat().st_size if f.method == "GET" and part.exists() else 0
    headers = {"Accept-Encoding": "identity", **f.headers}  # byte offsets must be raw offsets
    if offset:
        headers["Range"] = f"bytes={offset}-"
    kwargs: dict[str, Any] = {"headers": headers}
    if f.body is not None:
        kwargs["json"] = f.body
    try:
        with client.stream(f.method, f.url, **kwargs) as r:
            if r.status_code == 416 and offset:
                part.unlink(missing_ok=True)  # our partial file is no prefix of theirs: start over
                raise _Retryable(f"HTTP 416 resuming at byte {offset}")
            if r.status_code >= 500 or r.status_code in (408, 429):
                raise _Retryable(f"HTTP {r.status_code}")
            if r.status_code >= 400:
                raise DownloadError(f"HTTP {r.status_code} for {f.url}")
            if r.status_code != 206:
                offset = 0  # the server ignored the Range header: rewrite from the start
            length = r.headers.get("Content-Length")
            total = offset + int(length) if length and "Content-Encoding" not in r.headers else None
            got = offset
            with open(part, "ab" if offset else "wb") as out:
                for chunk in r.iter_raw() if total is not None else r.iter_bytes():
                    out.write(chunk)
                    got += len(chunk)
                    if hook:
                        hook(got, total)
                out.flush()
                os.fsync(out.fileno())
            if total is not None and got < total:
                raise _Retryable(f"short body: {got} of {total} bytes")
    except httpx.TimeoutException as e:
        raise _Retryable(f"timed out ({type(e).__name__})") from e
    except httpx.TransportError as e:
        raise _Retryable(f"{type(e).__name__}: {e}") from e


def _digest(path: Path, algo: str) -> str:
    h = hashlib.new(algo)
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _verify(f: Fetch, path: Path) -> None:
    """Size and hash checks against what the publisher states; the bad file is deleted."""
    problems = []
    size = path.stat().st_size
    if f.size is not None and size != f.size:
        problems.append(f"size {size} bytes, expected {f.size}")
    if f.sha256 and (got := _digest(path, "sha256")) != f.sha256.lower():
        problems.append(f"sha256 {got[:12]}…, expected {f.sha256[:12]}…")
    if f.md5 and (got := _digest(path, "md5")) != f.md5.lower():
        problems.append(f"md5 {got[:12]}…, expected {f.md5[:12]}…")
    if problems:
        path.unlink(missing_ok=True)
        raise DownloadError(f"verification failed for {f.url}: {'; '.join(problems)}")


def _decode(f: Fetch, part: Path) -> None:
    """Unwrap a service response that carries the file inside JSON (SIPRI's export service)."""
    if not f.decode:
        return
    kind, _, key = f.decode.partition(":")
    if kind != "json-base64":
        raise ValueError(f"unknown decode {f.decode!r}")
    with open(part, "rb") as fh:
        head = fh.read(64).lstrip()
    if not head.startswith(b"{"):
        return  # the service answered with the file itself: keep it as is
    try:
        payload = json.loads(part.read_bytes())
        data = base64.b64decode(payload[key])
    except (ValueError, KeyError, TypeError) as e:
        part.unlink(missing_ok=True)
        raise DownloadError(f"unexpected response from {f.url}: no base64 {key!r} field") from e
    part.write_bytes(data)


def download(
    f: Fetch,
    client: httpx.Client,
    policy: Policy | None = None,
    hook: ProgressHook | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Path:
    """Download one file to f.dest (via f.dest.part), retrying transients with exponential backoff."""
    policy = policy or Policy.from_env()
    f.dest.parent.mkdir(parents=True, exist_ok=True)
    part = _part(f.dest)
    if f.method != "GET":
        part.unlink(missing_ok=True)  # a POST answer cannot be resumed
    last = ""
    for attempt in range(policy.retries + 1):
        if attempt:
            sleep(policy.delay(attempt))
        try:
            _attempt(client, f, part, hook)
            break
        except _Retryable as e:
            last = str(e)
    else:
        if "ConnectError" in last or "ConnectTimeout" in last:
            raise DownloadError(
                f"cannot reach {_host(f.url)} (offline or host down?) after {policy.retries + 1} attempts: {last}"
            )
        raise DownloadError(
            f"download of {f.url} failed after {policy.retries + 1} attempts: {last}"
        )
    _decode(f, part)
    _verify(f, part)
    os.replace(part, f.dest)
    return f.dest


def download_all(
    fetches: list[Fetch], policy: Policy | None = None, progress: bool | None = None
) -> list[Path]:
    """Download files one after the other with a rich progress bar on a TTY (stderr)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TransferSpeedColumn,
    )

    policy = policy or Policy.from_env()
    show = sys.stderr.isatty() if progress is None else progress
    out = []
    with (
        make_client(policy) as client,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            console=Console(stderr=True),
            disable=not show,
            transient=True,
        ) as bar,
    ):
        for i, f in enumerate(fetches, 1):
            task = bar.add_task(escape(f"[{i}/{len(fetches)}] {f.dest.name[:40]}"), total=f.size)

            def hook(done: int, total: int | None, task: Any = task) -> None:
                bar.update(task, completed=done, total=total)

            out.append(download(f, client, policy, hook))
            bar.remove_task(task)
    return out
