"""Where snapshots live: REALPOLITIK_SNAPSHOT, else the current installed release, else the bundled
one (the separate `realpolitik-data` distribution), else one built locally with `data build`."""

from __future__ import annotations

import os
from pathlib import Path

from realpolitik.errors import DataMissing

NO_DATA = (
    "no data snapshot installed: install the bundled one (`pip install realpolitik-data`; from a "
    "clone of the repository `pip install ./realpolitik-data`) or build one from your own "
    "downloads (`realpolitik data build --raw DIR`)"
)


def bundled_snapshot() -> Path | None:
    """The snapshot shipped by the realpolitik-data distribution, if it is installed."""
    try:
        from realpolitik_data import SNAPSHOT
    except ImportError:
        return None
    return SNAPSHOT if SNAPSHOT.is_dir() else None


def home() -> Path:
    """The user data directory (REALPOLITIK_HOME, else platformdirs' user data dir for realpolitik)."""
    env = os.environ.get("REALPOLITIK_HOME")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("realpolitik"))


def local_snapshot() -> Path:
    """Where `data build` writes when no bundled snapshot is installed: home/snapshot."""
    return home() / "snapshot"


def active_snapshot() -> Path:
    """The snapshot directory queries read from (env override, installed release, bundled, local build)."""
    env = os.environ.get("REALPOLITIK_SNAPSHOT")
    if env:
        return Path(env)
    from realpolitik.snapshot.releases import current_release_dir

    current = current_release_dir()
    if current is not None:
        return current
    bundled = bundled_snapshot()
    if bundled is not None:
        return bundled
    local = local_snapshot()
    if local.is_dir():
        return local
    raise DataMissing(NO_DATA)


def default_raw_dir() -> Path | None:
    """The raw data tree used by `data build` when --raw is not given (env REALPOLITIK_RAW)."""
    env = os.environ.get("REALPOLITIK_RAW")
    return Path(env) if env else None


def build_target() -> Path:
    """Where `data build` writes by default: REALPOLITIK_SNAPSHOT, else the bundled snapshot, else
    home/snapshot — never an installed release (those are immutable; `data update` makes new ones)."""
    env = os.environ.get("REALPOLITIK_SNAPSHOT")
    if env:
        return Path(env)
    return bundled_snapshot() or local_snapshot()
