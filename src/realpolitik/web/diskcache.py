"""Results that are slow to compute, kept across server processes in the user data dir.

Entries live under `home()/cache/web/<snapshot key>/`, where the key hashes every table's sha256
from the active snapshot's manifests, the package and pandas versions and the source of the
analyses the entries come from (the network and the relationship model it reads): a rebuilt or
switched snapshot, an upgrade or a code change gets a fresh folder and never reads a stale
figure. Writes are atomic (temp file + rename), so two processes computing the same entry cannot corrupt it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

log = logging.getLogger("realpolitik.web")
T = TypeVar("T")


def _key(*packages: object) -> str:
    """A short hash of the active snapshot's table hashes, the package and pandas versions and the
    source of the given packages."""
    import pandas as pd

    from realpolitik.store import get_store
    from realpolitik.web.app import _version

    h = hashlib.sha256(f"{_version()}|{pd.__version__}".encode())
    for package in packages:
        for src in sorted(Path(str(getattr(package, "__file__", ""))).parent.rglob("*.py")):
            h.update(src.read_bytes())
    for name, m in sorted(get_store().manifests.items()):
        for table, info in sorted(m["tables"].items()):
            h.update(f"{name}/{table}:{info.get('sha256', '')}".encode())
    return h.hexdigest()[:16]


@cache
def snapshot_key() -> str:
    """The key of the network entries (the network reads its signs from the relationship model)."""
    import realpolitik.analyses.network as network
    import realpolitik.analyses.relations as relations

    return _key(network, relations)


@cache
def checker_key() -> str:
    """The key of a stored claim check: a new snapshot or checker checks a shared text again."""
    import realpolitik.analyses.claims as claims

    return _key(claims)


def folder() -> Path:
    from realpolitik.snapshot.paths import home

    return home() / "cache" / "web" / snapshot_key()


def cached(name: str, compute: Callable[[], T]) -> T:
    """The value stored under `name` for this snapshot, else `compute()` stored for next time.

    An unreadable entry is recomputed; a cache folder that cannot be written is only logged."""
    path = folder() / (re.sub(r"[^A-Za-z0-9_.-]", "_", name) + ".pkl")
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception:
        log.warning("web cache entry %s unreadable; recomputing", path)
    value = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:
        log.warning("web cache %s not written: %s", path, e)
    return value


def clear_memo() -> None:
    """Forget the computed snapshot key (after the snapshot was switched)."""
    snapshot_key.cache_clear()
