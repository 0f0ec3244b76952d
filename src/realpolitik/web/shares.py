"""Shared claim checks: a checked text and its report kept on disk only as long as its link lives.

`/check/{id}` links last TTL_DAYS days after the check was made; at most MAX_ENTRIES checks
(MAX_BYTES in all) are kept, the oldest deleted first; an expired link is deleted when it is
opened or when a new check is saved. Nothing else about the visitor is stored.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

TTL_DAYS = 7
TTL_S = TTL_DAYS * 24 * 3600
MAX_ENTRIES = 500
MAX_BYTES = 200 * 1024 * 1024
ID = re.compile(r"^[0-9a-f]{20}$")


def folder() -> Path:
    from realpolitik.snapshot.paths import home

    return home() / "web" / "checks"


def _path(check_id: str) -> Path | None:
    return folder() / f"{check_id}.json" if ID.match(check_id) else None


def save(check_id: str, payload: dict[str, Any], now: float | None = None) -> None:
    """Store one check (atomically), then delete expired and surplus ones."""
    path = _path(check_id)
    if path is None:
        raise ValueError(f"bad check id {check_id!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    now = now or time.time()
    body = json.dumps({**payload, "saved": now}, ensure_ascii=False)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(body)
    os.utime(tmp, (now, now))  # the sweep reads ages from mtimes
    os.replace(tmp, path)
    sweep(now)


def load(check_id: str, now: float | None = None) -> dict[str, Any] | None:
    """A stored check, or None when unknown or expired (an expired one is deleted)."""
    path = _path(check_id)
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        path.unlink(missing_ok=True)
        return None
    if (now or time.time()) - float(data.get("saved", 0)) > TTL_S:
        path.unlink(missing_ok=True)
        return None
    return data


def expires(data: dict[str, Any]) -> float:
    """When a stored check's link stops working (seconds since the epoch)."""
    return float(data.get("saved", 0)) + TTL_S


def sweep(now: float | None = None) -> int:
    """Delete expired checks, then the oldest beyond MAX_ENTRIES or MAX_BYTES; returns how many."""
    now = now or time.time()
    files = []
    for p in folder().glob("*.json"):
        try:
            st = p.stat()
        except OSError:
            continue
        files.append((st.st_mtime, st.st_size, p))
    files.sort(reverse=True)  # newest first
    removed, kept, size = 0, 0, 0
    for mtime, nbytes, p in files:
        if now - mtime > TTL_S or kept >= MAX_ENTRIES or size + nbytes > MAX_BYTES:
            p.unlink(missing_ok=True)
            removed += 1
        else:
            kept, size = kept + 1, size + nbytes
    return removed
