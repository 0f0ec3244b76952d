"""Where snapshots live: REALPOLITIK_SNAPSHOT, else the bundled read-only one."""

from __future__ import annotations

import os
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "snapshot"


def active_snapshot() -> Path:
    """The snapshot directory queries read from."""
    env = os.environ.get("REALPOLITIK_SNAPSHOT")
    return Path(env) if env else BUNDLED


def default_raw_dir() -> Path | None:
    """The raw data tree used by `data build` when --raw is not given (env REALPOLITIK_RAW)."""
    env = os.environ.get("REALPOLITIK_RAW")
    return Path(env) if env else None
