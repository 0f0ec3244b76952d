"""Where snapshots live: REALPOLITIK_SNAPSHOT, else the current installed release, else the bundled one."""

from __future__ import annotations

import os
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "snapshot"


def home() -> Path:
    """The user data directory (REALPOLITIK_HOME, else platformdirs' user data dir for realpolitik)."""
    env = os.environ.get("REALPOLITIK_HOME")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("realpolitik"))


def active_snapshot() -> Path:
    """The snapshot directory queries read from (env override, installed release, bundled fallback)."""
    env = os.environ.get("REALPOLITIK_SNAPSHOT")
    if env:
        return Path(env)
    from realpolitik.snapshot.releases import current_release_dir

    current = current_release_dir()
    return current if current is not None else BUNDLED


def default_raw_dir() -> Path | None:
    """The raw data tree used by `data build` when --raw is not given (env REALPOLITIK_RAW)."""
    env = os.environ.get("REALPOLITIK_RAW")
    return Path(env) if env else None


def build_target() -> Path:
    """Where `data build` writes by default: REALPOLITIK_SNAPSHOT, else the bundled snapshot — never an
    installed release (those are immutable; `data update` makes new ones)."""
    env = os.environ.get("REALPOLITIK_SNAPSHOT")
    return Path(env) if env else BUNDLED
